/**
 * `git restore`: bring files back — in the work tree from the index (the
 * default), in the index from HEAD (--staged), or from any commit (--source).
 *
 *     git restore a.txt                  discard local changes
 *     git restore --staged a.txt         unstage
 *     git restore --source=HEAD~1 a.txt  an older version
 */
import { rethrowControl, type Git } from '../context.ts';
import * as git from '../isogit.ts';
import { matchesAny, parsePathspecs, type Pathspec } from '../pathspec.ts';
import { peel, resolveRevision } from '../refs.ts';
import { iso, type Repo } from '../repo.ts';
import { readIndex, readTree, type IndexEntry, type Tree } from '../store.ts';
import { setIndexEntries, writeWorkFile } from '../switchtree.ts';
import { USAGE } from '../usage.ts';
import { loadIgnores, scanWorktree, worktreeSide } from '../worktree.ts';
import { parse, type Command } from './command.ts';

/**
 * Restores the files matching `specs`: the index from `source` (a tree) if
 * `staged`, the work tree from `source` (or the index) if `worktree`.
 * Returns how many work tree files were written, or null when a pathspec
 * matched nothing (the error is printed).
 */
export async function restorePaths(g: Git, repo: Repo, specs: Pathspec[], opts: { source: Tree | null; staged: boolean; worktree: boolean; overlay: boolean }): Promise<number | null> {
  const index = await readIndex(g, repo);
  const known = new Set<string>([...index.keys(), ...(opts.source ? opts.source.keys() : [])]);
  for (const ps of specs) {
    if (![...known].some((p) => matchesAny([ps], p))) {
      await g.error(`pathspec '${ps.raw}' did not match any file(s) known to git`);
      return null;
    }
  }
  let written = 0;
  if (opts.staged && opts.source) {
    const changes = new Map<string, IndexEntry | null>();
    for (const path of known) {
      if (!matchesAny(specs, path)) continue;
      const want = opts.source.get(path);
      const have = index.get(path);
      if (want && (!have || have.oid !== want.oid || have.mode !== want.mode)) changes.set(path, want);
      else if (!want && have && !opts.overlay) changes.set(path, null);
    }
    await setIndexEntries(g, repo, changes);
  }
  if (opts.worktree) {
    const fresh = await readIndex(g, repo);
    const from = opts.source ?? fresh;
    const scan = await scanWorktree(g, repo, fresh, await loadIgnores(g, repo), 'no');
    const work = await worktreeSide(g, repo, fresh, scan);
    const refresh: string[] = [];
    for (const path of [...known].sort()) {
      if (!matchesAny(specs, path)) continue;
      const want = from.get(path);
      const have = work.entries.get(path);
      if (want) {
        if (have && have.oid === want.oid && have.mode === want.mode) continue;
        await writeWorkFile(g, repo, path, want);
        written++;
        // Where the index holds the same content, give it the new file's stat data.
        const entry = fresh.get(path);
        if (entry && entry.oid === want.oid && entry.mode === want.mode) refresh.push(path);
      } else if (!opts.overlay && have) {
        try {
          g.sys.unlink(`${repo.worktree}/${path}`);
        } catch (err) {
          rethrowControl(err);
        }
        written++;
      }
    }
    for (const path of refresh) await git.updateIndex({ ...iso(repo), filepath: path, add: true });
  }
  return written;
}

export const restore: Command = {
  setup: 'worktree',
  usage: USAGE.restore,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'source', short: 's', long: 'source', arg: 'required' },
        { id: 'staged', short: 'S', long: 'staged' },
        { id: 'worktree', short: 'W', long: 'worktree' },
        { id: 'quiet', short: 'q', long: 'quiet' },
        { id: 'overlay', long: 'overlay' },
        { id: 'patch', short: 'p', long: 'patch' },
        { id: 'ours', long: 'ours' },
        { id: 'theirs', long: 'theirs' },
        { id: 'merge', short: 'm', long: 'merge' },
        { id: 'progress', long: 'progress' },
        { id: 'ignore-unmerged', long: 'ignore-unmerged' },
      ],
      USAGE.restore,
    );
    for (const unsupported of ['patch', 'ours', 'theirs', 'merge']) if (o.flag(unsupported)) return g.die(`git restore --${unsupported} is not supported by Berth's git`);
    const r = repo!;
    if (o.args.length === 0) return g.die('you must specify path(s) to restore');
    const staged = o.flag('staged');
    const worktree = o.flag('worktree') || !staged;
    let source: Tree | null = null;
    const sourceArg = o.str('source') ?? (staged ? 'HEAD' : undefined);
    if (sourceArg !== undefined) {
      const t = await resolveRevision(g, r, sourceArg);
      const tree = t ? await peel(r, t.oid, 'tree') : null;
      if (!tree) return g.die(`could not resolve ${sourceArg}`);
      source = await readTree(g, r, tree);
    }
    const specs = await parsePathspecs(g, r, o.args);
    const n = await restorePaths(g, r, specs, { source, staged, worktree, overlay: o.flag('overlay') });
    return n === null ? 1 : 0;
  },
};

