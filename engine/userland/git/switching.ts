/**
 * Moving HEAD to another branch or commit, as `git checkout` and `git switch`
 * both do: update the work tree and index (refusing to lose local changes),
 * optionally create the branch first, point HEAD, log it, and say so —
 * "Switched to branch 'x'", the detached-HEAD note, or the warning about
 * commits being left behind.
 */
import { Exit, type Git } from './context.ts';
import { diffSides } from './diffcore.ts';
import { looseIdent } from './ident.ts';
import { subjectOf } from './message.ts';
import { appendReflog, branchNames, detachHead, peel, readReflog, resolveRevision, setHead, tagNames, updateRef } from './refs.ts';
import type { Repo } from './repo.ts';
import { walk } from './revwalk.ts';
import { readCommit, readHead, readIndex, readTree, type Head, type Tree } from './store.ts';
import { reportConflicts, switchTrees } from './switchtree.ts';
import { loadIgnores, objectSide, scanWorktree, worktreeSide } from './worktree.ts';
import { abbrev } from './commands/command.ts';

const DETACH_ADVICE = `Note: switching to '%s'.

You are in 'detached HEAD' state. You can look around, make experimental
changes and commit them, and you can discard any commits you make in this
state without impacting any branches by switching back to a branch.

If you want to create a new branch to retain commits you create, you may
do so (now or later) by using -c with the switch command. Example:

  git switch -c <new-branch-name>

Or undo this operation with:

  git switch -

Turn off this advice by setting config variable advice.detachedHead to false

`;

export async function treeOfCommit(g: Git, repo: Repo, oid: string | null): Promise<Tree> {
  return oid ? readTree(g, repo, (await readCommit(repo, oid)).tree) : new Map();
}

/** "@{-1}" and "-": the branch (or commit) checked out before the current one. */
async function previousCheckout(g: Git, repo: Repo, n = 1): Promise<string | null> {
  const log = await readReflog(g, repo, 'HEAD');
  let seen = 0;
  for (let i = log.length - 1; i >= 0; i--) {
    const m = /^checkout: moving from (.*) to .*$/.exec(log[i]!.message);
    if (m && ++seen === n) return m[1]!;
  }
  return null;
}

export type Target =
  | { kind: 'branch'; name: string; oid: string | null }
  | { kind: 'detach'; name: string; oid: string };

export interface SwitchOptions {
  quiet: boolean;
  force: boolean;
  /** Create this branch at the target first (-b/-c); `reset` for -B/-C. */
  newBranch?: { name: string; reset: boolean };
  /** --orphan: a new, unborn branch. */
  orphan?: string;
  /** --detach given explicitly (no advice). */
  forceDetach?: boolean;
}

async function describeDetached(g: Git, repo: Repo, msg: string, oid: string): Promise<void> {
  const c = await readCommit(repo, oid);
  await g.err.write(`${msg} ${abbrev(g, oid)} ${subjectOf(c.message)}\n`);
}

/** The commits only reachable from `oid` (about to be left behind on a detached HEAD). */
async function orphaned(g: Git, repo: Repo, oid: string, newOid: string | null): Promise<string[]> {
  const tips: string[] = [];
  for (const b of await branchNames(repo)) {
    const r = await resolveRevision(g, repo, `refs/heads/${b}`);
    if (r) tips.push(r.oid);
  }
  for (const t of await tagNames(repo)) {
    const r = await resolveRevision(g, repo, `refs/tags/${t}`);
    const c = r ? await peel(repo, r.oid, 'commit') : null;
    if (c) tips.push(c);
  }
  if (newOid) tips.push(newOid);
  const reachable = new Set<string>();
  const stack = [...tips];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (reachable.has(x)) continue;
    reachable.add(x);
    stack.push(...(await readCommit(repo, x)).parents);
  }
  const lost = await walk(g, repo, { include: [oid], exclude: [...reachable].filter((x) => tips.includes(x)) });
  return lost.map((c) => c.oid);
}

export async function switchTo(g: Git, repo: Repo, target: Target, opts: SwitchOptions): Promise<number> {
  const head: Head = await readHead(g, repo);
  const now = g.sys.now();
  const oldOid = head.oid;
  const newOid = target.oid;

  if (head.oid === null && !opts.newBranch && !opts.orphan && target.kind === 'branch' && target.oid === null) {
    return g.die('You are on a branch yet to be born');
  }
  // Work tree and index.
  const conflicts = await switchTrees(g, repo, await treeOfCommit(g, repo, oldOid), opts.orphan ? await treeOfCommit(g, repo, oldOid) : await treeOfCommit(g, repo, newOid), opts.force);
  if (conflicts) return reportConflicts(g, conflicts);

  if (!opts.quiet && !opts.force && newOid) await showLocalChanges(g, repo, newOid);
  if (!opts.quiet && head.kind === 'detached' && oldOid && newOid !== oldOid) {
    const lost = await orphaned(g, repo, oldOid, newOid);
    if (lost.length === 0) await describeDetached(g, repo, 'Previous HEAD position was', oldOid);
    else await suggestReattach(g, repo, lost);
  }

  const who = await looseIdent(g, 'committer', now);
  const oldDesc = head.kind === 'branch' ? head.name : oldOid;
  let newName = target.name;
  let branchExisted = false;
  if (opts.newBranch) {
    const ref = `refs/heads/${opts.newBranch.name}`;
    const existing = await resolveRevision(g, repo, ref);
    branchExisted = existing !== null;
    await updateRef(g, repo, ref, newOid!, existing?.oid ?? null, who, `branch: ${opts.newBranch.reset && existing ? 'Reset to' : 'Created from'} ${target.name}`);
    newName = opts.newBranch.name;
  }
  const message = `checkout: moving from ${oldDesc ?? '(invalid)'} to ${newName}`;
  const branchTarget = opts.newBranch ? opts.newBranch.name : opts.orphan ? opts.orphan : target.kind === 'branch' ? target.name : null;
  if (branchTarget === null || opts.forceDetach) {
    await detachHead(g, repo, newOid!, oldOid, who, message);
    if (!opts.quiet) {
      if (head.kind === 'branch' && !opts.forceDetach && g.adviceEnabled('detachedHead')) await g.err.write(DETACH_ADVICE.replace('%s', target.name));
      await describeDetached(g, repo, 'HEAD is now at', newOid!);
    }
    return 0;
  }
  const sameBranch = head.kind === 'branch' && head.name === branchTarget;
  await setHead(g, repo, `refs/heads/${branchTarget}`, oldOid, opts.orphan ? null : newOid, who, message);
  if (opts.orphan && oldOid) await appendReflog(g, repo, 'HEAD', oldOid, '0'.repeat(40), who, message);
  if (!opts.quiet) {
    if (sameBranch) await g.err.write(opts.newBranch?.reset ? `Reset branch '${branchTarget}'\n` : `Already on '${branchTarget}'\n`);
    else if (opts.newBranch) await g.err.write(branchExisted ? `Switched to and reset branch '${branchTarget}'\n` : `Switched to a new branch '${branchTarget}'\n`);
    else if (opts.orphan) await g.err.write(`Switched to a new branch '${branchTarget}'\n`);
    else await g.err.write(`Switched to branch '${branchTarget}'\n`);
  }
  return 0;
}

async function suggestReattach(g: Git, repo: Repo, lost: string[]): Promise<void> {
  const line = async (oid: string) => `  ${abbrev(g, oid)} ${subjectOf((await readCommit(repo, oid)).message)}\n`;
  let list = '';
  for (const oid of lost.slice(0, 4)) list += await line(oid);
  if (lost.length > 4) list += lost.length === 5 ? await line(lost[4]!) : ` ... and ${lost.length - 4} more.\n`;
  const n = lost.length;
  let text = `Warning: you are leaving ${n} commit${n === 1 ? '' : 's'} behind, not connected to\nany of your branches:\n\n${list}\n`;
  if (g.adviceEnabled('detachedHead')) {
    text += `If you want to keep ${n === 1 ? 'it' : 'them'} by creating a new branch, this may be a good time\nto do so with:\n\n git branch <new-branch-name> ${abbrev(g, lost[0]!)}\n\n`;
  }
  await g.err.write(text);
}

/** After a switch, what is still modified relative to the new commit ("M\ta.txt"). */
async function showLocalChanges(g: Git, repo: Repo, oid: string): Promise<void> {
  const index = await readIndex(g, repo);
  const scan = await scanWorktree(g, repo, index, await loadIgnores(g, repo), 'no');
  const work = await worktreeSide(g, repo, index, scan);
  // Files staged but deleted from disk still count as present (diff-index without --cached reads the index for those).
  const entries = new Map(work.entries);
  const pairs = await diffSides(objectSide(repo, await treeOfCommit(g, repo, oid)), { entries, load: work.load }, {});
  let out = '';
  for (const p of pairs) out += `${p.status}\t${p.newPath}\n`;
  await g.out.write(out);
}

/** Resolves a branch-or-commit argument as checkout/switch do. */
export async function resolveTarget(g: Git, repo: Repo, arg: string): Promise<Target | null> {
  if (arg === '-' || /^@\{-\d+\}$/.test(arg)) {
    const prev = await previousCheckout(g, repo, arg === '-' ? 1 : Number(arg.slice(3, -1)));
    if (prev === null) return null;
    arg = prev;
  }
  const branch = await resolveRevision(g, repo, `refs/heads/${arg}`);
  if (branch && !arg.startsWith('refs/')) return { kind: 'branch', name: arg, oid: branch.oid };
  const r = await resolveRevision(g, repo, arg);
  if (!r) return null;
  const c = await peel(repo, r.oid, 'commit');
  if (!c) return null;
  return { kind: 'detach', name: arg, oid: c };
}


/** "fatal: 'x' is not a valid branch name", with 2.45's hint. */
export async function invalidBranchName(g: Git, name: string): Promise<never> {
  await g.out.flush();
  await g.err.write(`fatal: '${name}' is not a valid branch name\n`);
  await g.adviseIfEnabled('refSyntax', 'See `man git check-ref-format`');
  throw new Exit(128);
}
