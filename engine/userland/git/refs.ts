/**
 * Refs and their logs. A branch is a file under refs/heads holding a commit
 * id; HEAD names the current branch ("ref: refs/heads/master") or, detached,
 * holds a commit id itself. Every update is also appended to the ref's
 * reflog (logs/HEAD, logs/refs/heads/<name>), which is where `git reflog`
 * and the "HEAD detached at …" line of `git status` come from.
 *
 * Revisions are names for commits as git parses them: HEAD, @, a branch or
 * tag, a full or abbreviated id, and suffixes ~N and ^N.
 */
import { fromUtf8, utf8 } from '../../common/bytes.ts';
import { FsError } from '../../fs/errno.ts';
import { readFile } from '../lib/io.ts';
import { rethrowControl, type Git } from './context.ts';
import { formatIdent, type Ident } from './ident.ts';
import * as git from './isogit.ts';
import { iso, type Repo } from './repo.ts';
import { objectType, readCommit, readHead, resolveRefOid, type Head } from './store.ts';

export const ZERO = '0000000000000000000000000000000000000000';

function logsEnabled(g: Git, repo: Repo): boolean {
  const v = g.config.bool('core.logallrefupdates');
  return v ?? repo.worktree !== null;
}

async function mkdirs(g: Git, dir: string): Promise<void> {
  const parts = dir.split('/').filter((p) => p !== '');
  let cur = '';
  for (const p of parts) {
    cur += '/' + p;
    try {
      g.sys.mkdir(cur, 0o777);
    } catch (err) {
      if (!(err instanceof FsError && err.code === 'EEXIST')) throw err;
    }
  }
}

/** Appends a line to a ref's log (creating it only for refs git logs by default). */
export async function appendReflog(g: Git, repo: Repo, ref: string, oldOid: string, newOid: string, who: Ident, message: string): Promise<void> {
  if (!logsEnabled(g, repo)) return;
  const path = `${repo.gitdir}/logs/${ref}`;
  const auto = ref === 'HEAD' || ref.startsWith('refs/heads/') || ref.startsWith('refs/remotes/') || ref.startsWith('refs/notes/');
  let present = true;
  try {
    g.sys.stat(path);
  } catch (err) {
    rethrowControl(err);
    present = false;
  }
  if (!present && !auto) return;
  await mkdirs(g, path.slice(0, path.lastIndexOf('/')));
  const line = `${oldOid} ${newOid} ${formatIdent(who)}\t${message.replace(/\n[\s\S]*$/, '')}\n`;
  const fd = g.sys.open(path, 'a', 0o666);
  try {
    await g.sys.write(fd, utf8(line));
  } finally {
    g.sys.close(fd);
  }
}

export interface ReflogEntry {
  old: string;
  new: string;
  who: string;
  message: string;
}

export async function readReflog(g: Git, repo: Repo, ref: string): Promise<ReflogEntry[]> {
  let text: string;
  try {
    text = fromUtf8(await readFile(g.sys, `${repo.gitdir}/logs/${ref}`));
  } catch (err) {
    rethrowControl(err);
    return [];
  }
  const out: ReflogEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{40}) ([0-9a-f]{40}) ([^\t]*)\t?(.*)$/.exec(line);
    if (m) out.push({ old: m[1]!, new: m[2]!, who: m[3]!, message: m[4]! });
  }
  return out;
}

/** Points `ref` at `newOid` and logs it; when HEAD is on that branch, HEAD's log gets the line too. */
export async function updateRef(g: Git, repo: Repo, ref: string, newOid: string, oldOid: string | null, who: Ident, message: string): Promise<void> {
  await git.writeRef({ ...iso(repo), ref, value: newOid, force: true });
  await appendReflog(g, repo, ref, oldOid ?? ZERO, newOid, who, message);
  const head = await readHead(g, repo);
  if (head.kind === 'branch' && head.ref === ref) await appendReflog(g, repo, 'HEAD', oldOid ?? ZERO, newOid, who, message);
}

/** Detached HEAD: HEAD holds the commit id. */
export async function detachHead(g: Git, repo: Repo, oid: string, oldOid: string | null, who: Ident, message: string): Promise<void> {
  await git.writeRef({ ...iso(repo), ref: 'HEAD', value: oid, force: true });
  await appendReflog(g, repo, 'HEAD', oldOid ?? ZERO, oid, who, message);
}

/** HEAD on a branch (which may not exist yet). */
export async function setHead(g: Git, repo: Repo, ref: string, oldOid: string | null, newOid: string | null, who: Ident, message: string): Promise<void> {
  await git.writeRef({ ...iso(repo), ref: 'HEAD', value: ref, symbolic: true, force: true });
  if (newOid) await appendReflog(g, repo, 'HEAD', oldOid ?? ZERO, newOid, who, message);
}

export async function deleteRef(g: Git, repo: Repo, ref: string): Promise<void> {
  await git.deleteRef({ ...iso(repo), ref });
  try {
    g.sys.unlink(`${repo.gitdir}/logs/${ref}`);
  } catch (err) {
    rethrowControl(err);
  }
}

export async function branchNames(repo: Repo): Promise<string[]> {
  const names = await git.listBranches({ ...iso(repo) });
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function tagNames(repo: Repo): Promise<string[]> {
  return (await git.listTags({ ...iso(repo) })).sort();
}

export type Resolved = { oid: string; ref?: string };

/**
 * A revision to an object id, or null when it names nothing. Accepts
 * HEAD, @, refs (dwim: x, refs/x, refs/tags/x, refs/heads/x, refs/remotes/x),
 * object ids of 4+ hex digits, and the suffixes ~N, ^N, ^{commit}, ^{tree}.
 */
export async function resolveRevision(g: Git, repo: Repo, spec: string): Promise<Resolved | null> {
  const colon = spec.indexOf(':');
  if (colon >= 0 && !spec.startsWith(':/')) {
    const p = await resolvePath(g, repo, spec.slice(0, colon), spec.slice(colon + 1));
    return p && 'oid' in p ? p : null;
  }
  const m = /^(.*?)((?:[~^][0-9]*|\^\{[a-z]*\})*)$/.exec(spec);
  const base = m?.[1] ?? spec;
  const suffix = m?.[2] ?? '';
  let start = await resolveBase(g, repo, base === '' ? spec : base);
  if (!start) return null;
  if (suffix === '') return start;
  let oid = start.oid;
  const steps = suffix.match(/~[0-9]*|\^\{[a-z]*\}|\^[0-9]*/g) ?? [];
  for (const step of steps) {
    if (step.startsWith('^{')) {
      const want = step.slice(2, -1);
      const peeled = await peel(repo, oid, want === '' ? 'any' : want);
      if (!peeled) return null;
      oid = peeled;
      continue;
    }
    const n = step.length > 1 ? Number(step.slice(1)) : 1;
    const commitOid = await peel(repo, oid, 'commit');
    if (!commitOid) return null;
    oid = commitOid;
    if (step[0] === '~') {
      for (let i = 0; i < n; i++) {
        const c = await readCommit(repo, oid);
        if (!c.parents[0]) return null;
        oid = c.parents[0];
      }
    } else if (n > 0) {
      const c = await readCommit(repo, oid);
      const p = c.parents[n - 1];
      if (!p) return null;
      oid = p;
    }
  }
  start = { oid };
  return start;
}

/** Follows tags (and commits to trees) to an object of the wanted type. */
export async function peel(repo: Repo, oid: string, want: 'commit' | 'tree' | 'any' | string): Promise<string | null> {
  for (let i = 0; i < 10; i++) {
    const type = await objectType(repo, oid);
    if (type === null) return null;
    if (want === 'any' || type === want) return oid;
    if (type === 'tag') {
      const { tag } = await git.readTag({ ...iso(repo), oid });
      oid = tag.object;
      continue;
    }
    if (type === 'commit' && want === 'tree') return (await readCommit(repo, oid)).tree;
    return null;
  }
  return null;
}

const RULES = ['%s', 'refs/%s', 'refs/tags/%s', 'refs/heads/%s', 'refs/remotes/%s', 'refs/remotes/%s/HEAD'];

/** dwim_ref: the full ref name a short name stands for. */
export async function dwimRef(repo: Repo, name: string): Promise<{ ref: string; oid: string } | null> {
  for (const rule of RULES) {
    const ref = rule.replace('%s', name);
    if (ref !== 'HEAD' && !ref.startsWith('refs/') && !/^[A-Z_]+$/.test(ref)) continue;
    const oid = await resolveRefOid(repo, ref);
    if (oid) return { ref, oid };
  }
  return null;
}

async function resolveBase(g: Git, repo: Repo, name: string): Promise<Resolved | null> {
  if (name === '@') name = 'HEAD';
  if (name === 'HEAD') {
    const head: Head = await readHead(g, repo);
    return head.oid ? { oid: head.oid, ref: 'HEAD' } : null;
  }
  const ref = await dwimRef(repo, name);
  if (ref) return { oid: ref.oid, ref: ref.ref };
  if (/^[0-9a-f]{40}$/.test(name)) return (await objectType(repo, name)) ? { oid: name } : null;
  if (/^[0-9a-f]{4,39}$/.test(name)) {
    try {
      return { oid: await git.expandOid({ ...iso(repo), oid: name }) };
    } catch (err) {
      rethrowControl(err);
      return null;
    }
  }
  return null;
}

export async function isAncestor(repo: Repo, ancestor: string, descendant: string): Promise<boolean> {
  if (ancestor === descendant) return true;
  try {
    return await git.isDescendent({ ...iso(repo), oid: descendant, ancestor, depth: -1 });
  } catch (err) {
    rethrowControl(err);
    return false;
  }
}

/**
 * "<rev>:<path>" (a file or directory in a commit) and ":<path>" (a file in
 * the index). Returns the object, or why not as git says it.
 */
export async function resolvePath(g: Git, repo: Repo, rev: string, path: string): Promise<Resolved | { error: string } | null> {
  const clean = path.replace(/^\.\//, repo.prefix).replace(/\/+$/, '');
  if (rev === '') {
    const { readIndex } = await import('./store.ts');
    const e = (await readIndex(g, repo)).get(clean);
    return e ? { oid: e.oid } : { error: `path '${clean}' does not exist (neither on disk nor in the index)` };
  }
  const base = await resolveRevision(g, repo, rev);
  if (!base) return null;
  const tree = await peel(repo, base.oid, 'tree');
  if (!tree) return null;
  if (clean === '') return { oid: tree };
  try {
    const { oid } = await git.readTree({ ...iso(repo), oid: tree, filepath: clean });
    return { oid };
  } catch (err) {
    rethrowControl(err);
  }
  try {
    const { oid } = await git.readBlob({ ...iso(repo), oid: tree, filepath: clean });
    return { oid };
  } catch (err) {
    rethrowControl(err);
  }
  return { error: `path '${clean}' does not exist in '${rev}'` };
}
