/**
 * `git switch`: change branches (and only that — files are `git restore`'s).
 *
 *     git switch feature          an existing branch
 *     git switch -c topic         a new one, from HEAD
 *     git switch --detach v1.0    a commit, with HEAD detached
 *     git switch -                the previous branch
 */
import { Exit } from '../context.ts';
import { looseIdent } from '../ident.ts';
import { dwimRef, resolveRevision, setHead } from '../refs.ts';
import { readHead } from '../store.ts';
import { invalidBranchName, resolveTarget, switchTo, treeOfCommit, type Target } from '../switching.ts';
import { reportConflicts, switchTrees } from '../switchtree.ts';
import { USAGE } from '../usage.ts';
import { validRefName } from './init.ts';
import { parse, type Command } from './command.ts';

export const switchCommand: Command = {
  setup: 'worktree',
  usage: USAGE.switch,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'quiet', short: 'q', long: 'quiet' },
        { id: 'create', short: 'c', long: 'create', arg: 'required' },
        { id: 'force-create', short: 'C', long: 'force-create', arg: 'required' },
        { id: 'detach', short: 'd', long: 'detach' },
        { id: 'force', short: 'f', long: 'force' },
        { id: 'discard-changes', long: 'discard-changes' },
        { id: 'orphan', long: 'orphan', arg: 'required' },
        { id: 'guess', long: 'guess' },
        { id: 'track', short: 't', long: 'track', arg: 'optional' },
        { id: 'merge', short: 'm', long: 'merge' },
        { id: 'progress', long: 'progress' },
      ],
      USAGE.switch,
    );
    const r = repo!;
    const quiet = o.flag('quiet');
    const force = o.flag('force') || o.flag('discard-changes');
    if (o.args.length > 1) return g.die('only one reference expected');
    const arg = o.args[0];
    const create = o.str('create') ?? o.str('force-create');
    const orphan = o.str('orphan');
    if (orphan !== undefined) {
      if (arg !== undefined) return g.die("'--orphan' cannot take <start-point>");
      if (!validRefName(`refs/heads/${orphan}`)) return invalidBranchName(g, orphan);
      // switch --orphan starts from an empty tree: tracked files go.
      const head = await readHead(g, r);
      const conflicts = await switchTrees(g, r, await treeOfCommit(g, r, head.oid), new Map(), force);
      if (conflicts) return reportConflicts(g, conflicts);
      const who = await looseIdent(g, 'committer', g.sys.now());
      await setHead(g, r, `refs/heads/${orphan}`, head.oid, null, who, '');
      if (!quiet) await g.err.write(`Switched to a new branch '${orphan}'\n`);
      return 0;
    }
    if (create !== undefined) {
      if (!validRefName(`refs/heads/${create}`)) return invalidBranchName(g, create);
      if (o.str('create') !== undefined && (await resolveRevision(g, r, `refs/heads/${create}`))) return g.die(`a branch named '${create}' already exists`);
      const head = await readHead(g, r);
      let start: Target | null;
      if (arg !== undefined) {
        start = await resolveTarget(g, r, arg);
        if (!start) return g.die(`invalid reference: ${arg}`);
      } else start = head.oid ? { kind: 'branch', name: 'HEAD', oid: head.oid } : null;
      if (!start) {
        await setHead(g, r, `refs/heads/${create}`, null, null, await looseIdent(g, 'committer', g.sys.now()), 'checkout -b');
        if (!quiet) await g.err.write(`Switched to a new branch '${create}'\n`);
        return 0;
      }
      return switchTo(g, r, start, { quiet, force, newBranch: { name: create, reset: o.str('force-create') !== undefined } });
    }
    if (arg === undefined) {
      if (o.flag('detach')) {
        const t = await resolveTarget(g, r, 'HEAD');
        if (!t) return g.die('You are on a branch yet to be born');
        return switchTo(g, r, { kind: 'detach', name: 'HEAD', oid: t.oid! }, { quiet, force, forceDetach: true });
      }
      return g.die('missing branch or commit argument');
    }
    const target = await resolveTarget(g, r, arg);
    if (!target) return g.die(`invalid reference: ${arg}`);
    if (o.flag('detach')) return switchTo(g, r, { kind: 'detach', name: target.name, oid: target.oid! }, { quiet, force, forceDetach: true });
    if (target.kind === 'detach') {
      const ref = await dwimRef(r, arg);
      await g.out.flush();
      if (ref && ref.ref.startsWith('refs/tags/')) await g.err.write(`fatal: a branch is expected, got tag '${ref.ref.slice(10)}'\n`);
      else if (ref && ref.ref.startsWith('refs/remotes/')) await g.err.write(`fatal: a branch is expected, got remote branch '${ref.ref.slice(13)}'\n`);
      else if (ref) await g.err.write(`fatal: a branch is expected, got '${ref.ref}'\n`);
      else await g.err.write(`fatal: a branch is expected, got commit '${arg}'\n`);
      if (g.adviceEnabled('suggestDetachingHead')) await g.advise('If you want to detach HEAD at the commit, try again with the --detach option.');
      throw new Exit(128);
    }
    return switchTo(g, r, target, { quiet, force });
  },
};

