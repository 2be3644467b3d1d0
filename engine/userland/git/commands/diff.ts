/**
 * `git diff`: what changed, as a patch.
 *
 *     git diff                 work tree vs the index (what you have not staged)
 *     git diff --staged        the index vs HEAD (what the next commit adds)
 *     git diff HEAD            work tree vs HEAD (both)
 *     git diff A B, A..B       one commit vs another
 *     git diff --stat          a summary per file instead of the patch
 *
 * --exit-code (and --quiet) make the status 1 when there are differences.
 */
import { EMPTY_TREE, readCommit, readIndex, readTree, type Tree } from '../store.ts';
import type { Git } from '../context.ts';
import { diffSides, type Side } from '../diffcore.ts';
import { DIFF_OPTIONS, diffFormat, renderDiff } from '../diffoutput.ts';
import { matchesAny } from '../pathspec.ts';
import { toBytes } from '../patch.ts';
import { peel, resolveRevision } from '../refs.ts';
import type { Repo } from '../repo.ts';
import { parseRevArgs } from '../revwalk.ts';
import { USAGE } from '../usage.ts';
import { loadIgnores, objectSide, scanWorktree, worktreeSide } from '../worktree.ts';
import { abbrev, parse, type Command } from './command.ts';

async function treeOf(g: Git, repo: Repo, spec: string): Promise<Tree> {
  const r = await resolveRevision(g, repo, spec);
  const tree = r ? await peel(repo, r.oid, 'tree') : null;
  if (!tree) return g.die(`bad revision '${spec}'`);
  return tree === EMPTY_TREE ? new Map() : readTree(g, repo, tree);
}

async function headTree(g: Git, repo: Repo): Promise<Tree> {
  const r = await resolveRevision(g, repo, 'HEAD');
  return r ? readTree(g, repo, (await readCommit(repo, r.oid)).tree) : new Map();
}

export const diff: Command = {
  setup: 'repo',
  usage: USAGE.diff,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        ...DIFF_OPTIONS,
        { id: 'cached', long: 'cached' },
        { id: 'staged', long: 'staged' },
        { id: 'no-index', long: 'no-index' },
        { id: 'merge-base', long: 'merge-base' },
        { id: 'ignore-all-space', short: 'w', long: 'ignore-all-space' },
        { id: 'ignore-space-change', short: 'b', long: 'ignore-space-change' },
        { id: 'reverse', short: 'R' },
      ],
      USAGE.diff,
    );
    for (const unsupported of ['no-index', 'merge-base', 'ignore-all-space', 'ignore-space-change']) if (o.flag(unsupported)) return g.die(`git diff --${unsupported} is not supported by Berth's git`);
    const r = repo!;
    const rev = await parseRevArgs(g, r, o.args, o.dashdash);
    const cached = o.flag('cached') || o.flag('staged');
    const specs = rev.given.map((x) => x.spec);
    // "A..B" arrives as an exclusion and an inclusion.
    const range = o.args.find((a) => a.includes('..'));
    let a: Side;
    let b: Side;
    if (range) {
      const [x, y] = range.split(/\.\.\.?/);
      a = objectSide(r, await treeOf(g, r, x || 'HEAD'));
      b = objectSide(r, await treeOf(g, r, y || 'HEAD'));
    } else if (specs.length >= 2) {
      if (specs.length > 2) return g.die('usage: git diff [<options>] [<commit>] [--] [<path>...]');
      a = objectSide(r, await treeOf(g, r, specs[0]!));
      b = objectSide(r, await treeOf(g, r, specs[1]!));
    } else if (cached) {
      a = objectSide(r, specs.length === 1 ? await treeOf(g, r, specs[0]!) : await headTree(g, r));
      b = objectSide(r, await readIndex(g, r));
    } else {
      if (!r.worktree) return g.die('this operation must be run in a work tree');
      const index = await readIndex(g, r);
      const scan = await scanWorktree(g, r, index, await loadIgnores(g, r), 'no');
      const work = worktreeSide(g, r, index, scan);
      if (specs.length === 1) {
        // A commit against the work tree: tracked files only, as git does.
        a = objectSide(r, await treeOf(g, r, specs[0]!));
        const w = await work;
        const entries = new Map(w.entries);
        b = { entries, load: w.load };
      } else {
        a = objectSide(r, index);
        b = await work;
      }
    }
    if (o.flag('reverse')) [a, b] = [b, a];
    const f = diffFormat(g, o, true);
    const filter = rev.paths.length > 0 ? (p: string) => matchesAny(rev.paths, p) : undefined;
    const pairs = await diffSides(a, b, { renames: f.renames, filter, checkpoint: () => g.sys.checkpoint() });
    if (!o.flag('quiet')) await g.out.write(toBytes(await renderDiff(g, pairs, f, (oid) => abbrev(g, oid))));
    return (o.flag('exit-code') || o.flag('quiet')) && pairs.length > 0 ? 1 : 0;
  },
};
