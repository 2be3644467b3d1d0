/**
 * `git checkout`: switch branches, detach HEAD at a commit, or restore
 * files — the one command that did all three before `switch` and `restore`.
 *
 *     git checkout feature        switch to a branch
 *     git checkout -b topic       create it and switch
 *     git checkout v1.0           detach HEAD there
 *     git checkout -- a.txt       the index's version of a file
 *     git checkout HEAD~1 a.txt   an older version (into the index too)
 */
import { parsePathspecs } from '../pathspec.ts';
import { resolveRevision, setHead } from '../refs.ts';
import { looseIdent } from '../ident.ts';
import { readCommit, readHead, readTree, type Tree } from '../store.ts';
import { invalidBranchName, resolveTarget, switchTo, type Target } from '../switching.ts';
import { USAGE } from '../usage.ts';
import { validRefName } from './init.ts';
import { abbrev, parse, type Command } from './command.ts';
import { restorePaths } from './restore.ts';

export const checkout: Command = {
  setup: 'worktree',
  usage: USAGE.checkout,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'quiet', short: 'q', long: 'quiet' },
        { id: 'b', short: 'b', arg: 'required' },
        { id: 'B', short: 'B', arg: 'required' },
        { id: 'detach', long: 'detach' },
        { id: 'force', short: 'f', long: 'force' },
        { id: 'orphan', long: 'orphan', arg: 'required' },
        { id: 'track', short: 't', long: 'track', arg: 'optional' },
        { id: 'merge', short: 'm', long: 'merge' },
        { id: 'patch', short: 'p', long: 'patch' },
        { id: 'ours', long: 'ours' },
        { id: 'theirs', long: 'theirs' },
        { id: 'overlay', long: 'overlay' },
        { id: 'progress', long: 'progress' },
        { id: 'guess', long: 'guess' },
      ],
      USAGE.checkout,
    );
    for (const unsupported of ['merge', 'patch', 'ours', 'theirs']) if (o.flag(unsupported)) return g.die(`git checkout --${unsupported} is not supported by Berth's git`);
    const r = repo!;
    const quiet = o.flag('quiet');
    const newBranch = o.str('b') ?? o.str('B');
    const dd = o.dashdash;
    const argv = o.args;
    if (dd !== null && dd > 1) return g.die(`only one reference expected, ${dd} given.`);
    const first = dd === 0 ? undefined : argv[0];
    const hasDashDash = dd === 1;

    // What is the first argument: a branch or commit, or a path?
    let target: Target | null = null;
    let pathArgs: string[] = [];
    if (first !== undefined) {
      target = await resolveTarget(g, r, first);
      if (!target) {
        if (hasDashDash) return g.die(`invalid reference: ${first}`);
        if (newBranch !== undefined) return g.die(`'${first}' is not a commit and a branch '${newBranch}' cannot be created from it`);
        pathArgs = argv;
      } else pathArgs = argv.slice(dd === null ? 1 : dd);
    } else pathArgs = dd === 0 ? argv : [];

    if (pathArgs.length > 0 || (first !== undefined && !target)) {
      if (newBranch !== undefined || o.flag('detach')) return g.die(`'${newBranch !== undefined ? '-b' : '--detach'}' cannot be used with updating paths`);
      const specs = await parsePathspecs(g, r, pathArgs);
      let source: Tree | null = null;
      let sourceTreeOid: string | null = null;
      if (target) {
        sourceTreeOid = (await readCommit(r, target.oid!)).tree;
        source = await readTree(g, r, sourceTreeOid);
      }
      const n = await restorePaths(g, r, specs, { source, staged: source !== null, worktree: true, overlay: !o.has('overlay') || o.flag('overlay') });
      if (n === null) return 1;
      if (!quiet && dd === null) await g.err.write(`Updated ${n} path${n === 1 ? '' : 's'} from ${sourceTreeOid ? abbrev(g, sourceTreeOid) : 'the index'}\n`);
      return 0;
    }

    const orphan = o.str('orphan');
    if (orphan !== undefined) {
      if (!validRefName(`refs/heads/${orphan}`)) return g.die(`'${orphan}' is not a valid branch name`);
      const head = await readHead(g, r);
      return switchTo(g, r, { kind: 'branch', name: orphan, oid: head.oid }, { quiet, force: o.flag('force'), orphan });
    }
    if (newBranch !== undefined) {
      if (!validRefName(`refs/heads/${newBranch}`)) return invalidBranchName(g, newBranch);
      if (o.str('b') !== undefined && (await resolveRevision(g, r, `refs/heads/${newBranch}`))) return g.die(`a branch named '${newBranch}' already exists`);
      const head = await readHead(g, r);
      const start = target ?? (head.oid ? { kind: 'branch' as const, name: 'HEAD', oid: head.oid } : null);
      if (!start) {
        // An unborn branch just changes its name.
        await setHead(g, r, `refs/heads/${newBranch}`, null, null, await looseIdent(g, 'committer', g.sys.now()), 'checkout -b');
        if (!quiet) await g.err.write(`Switched to a new branch '${newBranch}'\n`);
        return 0;
      }
      return switchTo(g, r, { ...start, name: start.name } as Target, { quiet, force: o.flag('force'), newBranch: { name: newBranch, reset: o.str('B') !== undefined } });
    }
    if (!target) {
      if (o.flag('detach')) target = await resolveTarget(g, r, 'HEAD');
      if (!target) {
        const head = await readHead(g, r);
        if (head.oid === null) return g.die('You are on a branch yet to be born');
        return switchTo(g, r, head.kind === 'branch' ? { kind: 'branch', name: head.name, oid: head.oid } : { kind: 'detach', name: 'HEAD', oid: head.oid }, { quiet, force: o.flag('force') });
      }
    }
    if (o.flag('detach') && target.kind === 'branch') target = { kind: 'detach', name: target.name, oid: target.oid! };
    return switchTo(g, r, target, { quiet, force: o.flag('force'), forceDetach: o.flag('detach') });
  },
};

