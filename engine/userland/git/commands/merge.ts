/**
 * `git merge <branch>`: bring another branch's commits into the current one.
 * Berth's git does what needs no new commit — a fast-forward, when the
 * current branch is an ancestor of the other, or nothing when it is "Already
 * up to date." — and says so when the branches have diverged.
 *
 *     Updating 1a2b3c4..5d6e7f8
 *     Fast-forward
 *      a.txt | 1 +
 *      1 file changed, 1 insertion(+)
 */
import type { Git } from '../context.ts';
import { diffSides } from '../diffcore.ts';
import { DIFF_OPTIONS, diffFormat, renderDiff } from '../diffoutput.ts';
import { looseIdent } from '../ident.ts';
import { parseOptions, type ParsedOptions } from '../options.ts';
import { toBytes } from '../patch.ts';
import { detachHead, isAncestor, peel, resolveRevision, updateRef } from '../refs.ts';
import type { Repo } from '../repo.ts';
import { readHead } from '../store.ts';
import { treeOfCommit } from '../switching.ts';
import { reportConflicts, switchTrees } from '../switchtree.ts';
import { objectSide } from '../worktree.ts';
import { abbrev, parse, type Command } from './command.ts';

const MERGE_USAGE = `usage: git merge [<options>] [<commit>...]
   or: git merge --abort
   or: git merge --continue
`;

export const merge: Command = {
  setup: 'worktree',
  usage: MERGE_USAGE,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        ...DIFF_OPTIONS.filter((s) => s.id === 'stat'),
        { id: 'ff', long: 'ff' },
        { id: 'ff-only', long: 'ff-only' },
        { id: 'quiet', short: 'q', long: 'quiet' },
        { id: 'message', short: 'm', arg: 'required', repeat: true },
        { id: 'squash', long: 'squash' },
        { id: 'abort', long: 'abort' },
        { id: 'continue', long: 'continue' },
        { id: 'no-edit', long: 'no-edit' },
        { id: 'edit', short: 'e', long: 'edit' },
      ],
      MERGE_USAGE,
    );
    const r = repo!;
    if (o.flag('abort') || o.flag('continue')) return g.die('There is no merge in progress (MERGE_HEAD missing).');
    if (o.args.length === 0) return g.die('No remote for the current branch.');
    if (o.args.length > 1) return g.die("merging more than one branch (an octopus merge) is not supported by Berth's git");
    const name = o.args[0]!;
    const resolved = await resolveRevision(g, r, name);
    const theirs = resolved ? await peel(r, resolved.oid, 'commit') : null;
    if (!theirs) {
      await g.err.write(`merge: ${name} - not something we can merge\n`);
      return 1;
    }
    const head = await readHead(g, r);
    const ours = head.oid;
    if (ours && (await isAncestor(r, theirs, ours))) {
      if (!o.flag('quiet')) await g.out.write('Already up to date.\n');
      return 0;
    }
    if (ours && !(await isAncestor(r, ours, theirs))) {
      if (o.flag('ff-only')) {
        await g.adviseIfEnabled('diverging', "Diverging branches can't be fast-forwarded, you need to either:\n\n\tgit merge --no-ff\n\nor:\n\n\tgit rebase\n");
        return g.die('Not possible to fast-forward, aborting.');
      }
      return g.die(`'${name}' and the current branch have diverged: Berth's git can only fast-forward, it does not make merge commits`);
    }
    if (o.values.get('ff') === false) return g.die("git merge --no-ff is not supported by Berth's git");
    return fastForward(g, r, name, ours, theirs, o.flag('quiet'), o.values.get('stat') !== false);
  },
};

async function fastForward(g: Git, repo: Repo, name: string, ours: string | null, theirs: string, quiet: boolean, stat: boolean): Promise<number> {
  const head = await readHead(g, repo);
  if (!quiet && ours) await g.out.write(`Updating ${abbrev(g, ours)}..${abbrev(g, theirs)}\n`);
  const from = await treeOfCommit(g, repo, ours);
  const to = await treeOfCommit(g, repo, theirs);
  const conflicts = await switchTrees(g, repo, from, to, false);
  if (conflicts) {
    await g.out.flush();
    return reportConflicts(g, conflicts, 'merge');
  }
  const who = await looseIdent(g, 'committer', g.sys.now());
  const message = `merge ${name}: Fast-forward`;
  if (head.kind === 'branch') await updateRef(g, repo, head.ref, theirs, ours, who, message);
  else await detachHead(g, repo, theirs, ours, who, message);
  if (!quiet) {
    await g.out.write('Fast-forward\n');
    if (stat) {
      const pairs = await diffSides(objectSide(repo, from), objectSide(repo, to), { renames: true, checkpoint: () => g.sys.checkpoint() });
      const f = { ...diffFormat(g, parseOptions([], DIFF_OPTIONS) as ParsedOptions, false), stat: true, summary: true };
      await g.out.write(toBytes(await renderDiff(g, pairs, f, (oid) => abbrev(g, oid))));
    }
  }
  return 0;
}
