/**
 * `git branch`: list, create, delete and rename branches.
 *
 *     git branch                the branches, "*" marking the current one
 *     git branch -v             …with each one's commit
 *     git branch topic          a new branch at HEAD (HEAD stays where it is)
 *     git branch topic v1.0     …at another commit
 *     git branch -d topic       delete it (only if merged into HEAD; -D anyway)
 *     git branch -m old new     rename
 */
import { utf8 } from '../../../common/bytes.ts';
import { FsError } from '../../../fs/errno.ts';
import { RESET, type Git } from '../context.ts';
import { looseIdent } from '../ident.ts';
import { subjectOf } from '../message.ts';
import { branchNames, deleteRef, isAncestor, peel, readReflog, resolveRevision, updateRef, appendReflog, dwimRef } from '../refs.ts';
import type { Repo } from '../repo.ts';
import { readCommit, readHead, resolveRefOid } from '../store.ts';
import { USAGE } from '../usage.ts';
import { invalidBranchName } from '../switching.ts';
import { abbrev, parse, type Command } from './command.ts';
import { validRefName } from './init.ts';
import * as git from '../isogit.ts';
import { iso } from '../repo.ts';

export const branch: Command = {
  setup: 'repo',
  usage: USAGE.branch,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'verbose', short: 'v', long: 'verbose', count: true },
        { id: 'quiet', short: 'q', long: 'quiet' },
        { id: 'delete', short: 'd', long: 'delete' },
        { id: 'D', short: 'D' },
        { id: 'move', short: 'm', long: 'move' },
        { id: 'M', short: 'M' },
        { id: 'copy', short: 'c', long: 'copy' },
        { id: 'C', short: 'C' },
        { id: 'force', short: 'f', long: 'force' },
        { id: 'list', short: 'l', long: 'list' },
        { id: 'all', short: 'a', long: 'all' },
        { id: 'remotes', short: 'r', long: 'remotes' },
        { id: 'show-current', long: 'show-current' },
        { id: 'color', long: 'color', arg: 'optional' },
        { id: 'abbrev', long: 'abbrev', arg: 'required', integer: true },
        { id: 'no-abbrev', long: 'no-abbrev' },
        { id: 'merged', long: 'merged', arg: 'optional' },
        { id: 'no-merged', long: 'no-merged', arg: 'optional' },
        { id: 'contains', long: 'contains', arg: 'optional' },
        { id: 'track', short: 't', long: 'track', arg: 'optional' },
        { id: 'set-upstream-to', short: 'u', long: 'set-upstream-to', arg: 'required' },
        { id: 'unset-upstream', long: 'unset-upstream' },
        { id: 'sort', long: 'sort', arg: 'required' },
        { id: 'format', long: 'format', arg: 'required' },
        { id: 'create-reflog', long: 'create-reflog' },
        { id: 'edit-description', long: 'edit-description' },
      ],
      USAGE.branch,
    );
    const r = repo!;
    for (const unsupported of ['set-upstream-to', 'unset-upstream', 'edit-description', 'format']) if (o.has(unsupported)) return g.die(`git branch --${unsupported} is not supported by Berth's git`);
    if (o.flag('show-current')) {
      const head = await readHead(g, r);
      if (head.kind === 'branch') await g.out.write(`${head.name}\n`);
      return 0;
    }
    const force = o.flag('force');
    if (o.flag('delete') || o.flag('D')) return deleteBranches(g, r, o.args, o.flag('D') || force, o.flag('quiet'));
    if (o.flag('move') || o.flag('M') || o.flag('copy') || o.flag('C')) {
      const copy = o.flag('copy') || o.flag('C');
      return renameBranch(g, r, o.args, o.flag('M') || o.flag('C') || force, copy);
    }
    const listing = o.flag('list') || o.args.length === 0 || o.has('merged') || o.has('no-merged') || o.has('contains');
    if (listing) return listBranches(g, r, o.args, { verbose: o.num('verbose') ?? 0, noAbbrev: o.flag('no-abbrev'), all: o.flag('all'), remotes: o.flag('remotes'), color: o.values.get('color'), merged: o.values.get('merged'), noMerged: o.values.get('no-merged'), contains: o.values.get('contains') });
    if (o.args.length > 2) return g.die('too many arguments for a create operation');
    return createBranch(g, r, o.args[0]!, o.args[1], force);
  },
};

async function createBranch(g: Git, repo: Repo, name: string, start: string | undefined, force: boolean): Promise<number> {
  if (!validRefName(`refs/heads/${name}`)) return invalidBranchName(g, name);
  const ref = `refs/heads/${name}`;
  const existing = await resolveRefOid(repo, ref);
  const head = await readHead(g, repo);
  if (existing && !force) return g.die(`a branch named '${name}' already exists`);
  if (existing && force && head.kind === 'branch' && head.ref === ref) return g.die(`cannot force update the branch '${name}' used by worktree at '${repo.worktree ?? repo.gitdir}'`);
  const startName = start ?? 'HEAD';
  let oid: string | null = null;
  const r = await resolveRevision(g, repo, startName);
  if (r) oid = await peel(repo, r.oid, 'commit');
  if (!oid) return g.die(`not a valid object name: '${start ?? (head.kind === 'branch' ? head.name : 'HEAD')}'`);
  const who = await looseIdent(g, 'committer', g.sys.now());
  await updateRef(g, repo, ref, oid, existing, who, existing ? `branch: Reset to ${startName}` : `branch: Created from ${startName}`);
  return 0;
}

async function deleteBranches(g: Git, repo: Repo, names: string[], force: boolean, quiet: boolean): Promise<number> {
  if (names.length === 0) return g.die('branch name required');
  const head = await readHead(g, repo);
  let status = 0;
  for (const name of names) {
    const ref = `refs/heads/${name}`;
    const oid = await resolveRefOid(repo, ref);
    if (head.kind === 'branch' && head.ref === ref) {
      await g.error(`cannot delete branch '${name}' used by worktree at '${repo.worktree ?? repo.gitdir}'`);
      status = 1;
      continue;
    }
    if (!oid) {
      await g.error(`branch '${name}' not found`);
      status = 1;
      continue;
    }
    if (!force) {
      const upstream = head.oid;
      if (upstream && !(await isAncestor(repo, oid, upstream))) {
        await g.error(`the branch '${name}' is not fully merged`);
        await g.adviseIfEnabled('forceDeleteBranch', `If you are sure you want to delete it, run 'git branch -D ${name}'`);
        status = 1;
        continue;
      }
    }
    await deleteRef(g, repo, ref);
    if (!quiet) await g.out.write(`Deleted branch ${name} (was ${abbrev(g, oid)}).\n`);
  }
  return status;
}

async function renameBranch(g: Git, repo: Repo, args: string[], force: boolean, copy: boolean): Promise<number> {
  const head = await readHead(g, repo);
  let from: string;
  let to: string;
  if (args.length === 1) {
    if (head.kind !== 'branch') return g.die(copy ? 'cannot copy the current branch while not on any' : 'cannot rename the current branch while not on any');
    from = head.name;
    to = args[0]!;
  } else if (args.length === 2) [from, to] = args as [string, string];
  else return g.die('too many arguments for a rename operation');
  const fromRef = `refs/heads/${from}`;
  const toRef = `refs/heads/${to}`;
  const oid = await resolveRefOid(repo, fromRef);
  if (!oid) {
    if (head.kind === 'branch' && head.name === from && head.oid === null) return g.die(`no commit on branch '${from}' yet`);
    return g.die(`no branch named '${from}'`);
  }
  if (!validRefName(toRef)) return invalidBranchName(g, to);
  if ((await resolveRefOid(repo, toRef)) && !force && from !== to) return g.die(`a branch named '${to}' already exists`);
  const who = await looseIdent(g, 'committer', g.sys.now());
  const message = copy ? `Branch: copied ${fromRef} to ${toRef}` : `Branch: renamed ${fromRef} to ${toRef}`;
  if (from === to && !copy) return 0;
  // The log travels with the branch.
  const log = await readReflog(g, repo, fromRef);
  await git.writeRef({ ...iso(repo), ref: toRef, value: oid, force: true });
  for (const e of log) await appendRaw(g, repo, toRef, e);
  await appendReflog(g, repo, toRef, oid, oid, who, message);
  if (!copy) {
    await deleteRef(g, repo, fromRef);
    if (head.kind === 'branch' && head.ref === fromRef) await git.writeRef({ ...iso(repo), ref: 'HEAD', value: toRef, symbolic: true, force: true });
  }
  return 0;
}

/** Copies a reflog line as it is (a renamed branch keeps its history). */
async function appendRaw(g: Git, repo: Repo, ref: string, e: { old: string; new: string; who: string; message: string }): Promise<void> {
  const path = `${repo.gitdir}/logs/${ref}`;
  let cur = '';
  for (const p of path.slice(0, path.lastIndexOf('/')).split('/').filter((x) => x !== '')) {
    cur += '/' + p;
    try {
      g.sys.mkdir(cur, 0o777);
    } catch (err) {
      if (!(err instanceof FsError && err.code === 'EEXIST')) throw err;
    }
  }
  const fd = g.sys.open(path, 'a', 0o666);
  try {
    await g.sys.write(fd, utf8(`${e.old} ${e.new} ${e.who}\t${e.message}\n`));
  } finally {
    g.sys.close(fd);
  }
}

interface ListOptions {
  verbose: number;
  noAbbrev: boolean;
  all: boolean;
  remotes: boolean;
  color: unknown;
  merged: unknown;
  noMerged: unknown;
  contains: unknown;
}

/** "(HEAD detached at 1a2b3c4)", from HEAD's reflog as git finds it. */
async function detachedLabel(g: Git, repo: Repo, oid: string): Promise<string> {
  const log = await readReflog(g, repo, 'HEAD');
  for (let i = log.length - 1; i >= 0; i--) {
    const m = /^checkout: moving from .* to (.*)$/.exec(log[i]!.message);
    if (!m) continue;
    const e = log[i]!;
    const target = m[1] === 'HEAD' ? e.new : m[1]!;
    const ref = await dwimRef(repo, target);
    const name = ref && ref.oid === e.new ? ref.ref.replace(/^refs\/(tags|remotes)\//, '') : abbrev(g, e.new);
    return `(HEAD detached ${oid === e.new ? 'at' : 'from'} ${name})`;
  }
  return '(no branch)';
}

async function listBranches(g: Git, repo: Repo, patterns: string[], opts: ListOptions): Promise<number> {
  const head = await readHead(g, repo);
  const colorArg = opts.color;
  const color = colorArg === undefined ? g.wantColor(1, 'color.branch') : colorArg === true || colorArg === 'always' ? true : colorArg === 'auto' ? g.wantColor(1) : false;
  const current = color ? g.colorOf('color.branch.current', '\x1b[32m') : '';
  const plain = color ? g.colorOf('color.branch.local', '') : '';
  const reset = color ? RESET : '';
  const rows: { name: string; oid: string; current: boolean }[] = [];
  if (head.kind === 'detached' && patterns.length === 0) rows.push({ name: await detachedLabel(g, repo, head.oid), oid: head.oid, current: true });
  if (!opts.remotes) {
    for (const name of await branchNames(repo)) {
      if (patterns.length > 0 && !patterns.some((p) => globMatch(p, name))) continue;
      const oid = (await resolveRefOid(repo, `refs/heads/${name}`))!;
      rows.push({ name, oid, current: head.kind === 'branch' && head.name === name });
    }
  }
  const filterBy = async (arg: unknown, keep: (oid: string, base: string) => Promise<boolean>) => {
    if (arg === undefined || arg === false) return;
    const base = arg === true ? head.oid : (await resolveRevision(g, repo, String(arg)))?.oid;
    if (!base) return g.die(`malformed object name ${String(arg)}`);
    for (let i = rows.length - 1; i >= 0; i--) if (!(await keep(rows[i]!.oid, base))) rows.splice(i, 1);
  };
  await filterBy(opts.merged, (oid, base) => isAncestor(repo, oid, base));
  await filterBy(opts.noMerged, async (oid, base) => !(await isAncestor(repo, oid, base)));
  await filterBy(opts.contains, (oid, base) => isAncestor(repo, base, oid));
  const width = Math.max(0, ...rows.map((r) => [...r.name].length));
  let out = '';
  for (const r of rows) {
    const mark = r.current ? '* ' : '  ';
    const c = r.current ? current : plain;
    if (opts.verbose > 0) {
      const id = opts.noAbbrev ? r.oid : abbrev(g, r.oid);
      const subject = subjectOf((await readCommit(repo, r.oid)).message);
      out += `${mark}${c}${r.name.padEnd(width)}${reset} ${id} ${subject}\n`;
    } else out += `${mark}${c}${r.name}${reset}\n`;
  }
  await g.out.write(out);
  return 0;
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(name);
}

