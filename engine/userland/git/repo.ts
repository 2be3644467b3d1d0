/**
 * Finding the repository, as git's setup does: from the working directory
 * upwards, the first directory holding a valid `.git` (or a `.git` file that
 * points to one) is the top of the work tree; a directory that is itself a
 * git directory is a bare repository. GIT_DIR and GIT_WORK_TREE override it.
 *
 * A repository owned by someone else is refused ("dubious ownership") unless
 * safe.directory in the system or global configuration allows it.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { S_IFMT, S_IFDIR } from '../../fs/types.ts';
import type { Sys } from '../../kernel/sys.ts';
import { readFile } from '../lib/io.ts';
import { rethrowControl } from './context.ts';
import { SysFs } from './fs.ts';

export interface Repo {
  /** Absolute path of the git directory. */
  gitdir: string;
  /** Absolute path of the top of the work tree, or null for a bare repository. */
  worktree: string | null;
  /** The working directory relative to the work tree's top, with a trailing "/" ("" at the top). */
  prefix: string;
  /** The fs handed to isomorphic-git. */
  fs: SysFs;
  /** isomorphic-git's cache object, shared by all calls of one run. */
  cache: object;
}

/** The arguments every isomorphic-git call takes. */
export function iso(repo: Repo): { fs: SysFs; dir: string; gitdir: string; cache: object } {
  return { fs: repo.fs, dir: repo.worktree ?? repo.gitdir, gitdir: repo.gitdir, cache: repo.cache };
}

export function absolute(sys: Sys, path: string): string {
  const joined = path.startsWith('/') ? path : `${sys.getcwd()}/${path}`;
  return normalize(joined);
}

/** Lexical normalization of an absolute path ("." and ".." resolved). */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return '/' + out.join('/');
}

function isDirectory(sys: Sys, path: string): boolean {
  try {
    return (sys.stat(path).mode & S_IFMT) === S_IFDIR;
  } catch (err) {
    rethrowControl(err);
    return false;
  }
}

/** is_git_directory: objects/ and refs/ directories and a HEAD that looks right. */
export async function isGitDirectory(sys: Sys, path: string): Promise<boolean> {
  if (!isDirectory(sys, `${path}/objects`) || !isDirectory(sys, `${path}/refs`)) return false;
  try {
    const head = fromUtf8(await readFile(sys, `${path}/HEAD`));
    return head.startsWith('ref: refs/') || /^[0-9a-f]{40}\s*$/.test(head);
  } catch (err) {
    rethrowControl(err);
    return false;
  }
}

/** Reads a ".git" file ("gitdir: path"); null when it is not one. */
async function readGitfile(sys: Sys, path: string): Promise<string | null> {
  try {
    const st = sys.stat(path);
    if ((st.mode & S_IFMT) === S_IFDIR) return null;
    const text = fromUtf8(await readFile(sys, path)).trim();
    if (!text.startsWith('gitdir: ')) return null;
    const target = text.slice(8);
    return target.startsWith('/') ? normalize(target) : normalize(`${path.slice(0, path.lastIndexOf('/'))}/${target}`);
  } catch (err) {
    rethrowControl(err);
    return null;
  }
}

export type Discovery =
  | { kind: 'found'; gitdir: string; worktree: string | null; prefix: string; gitfile?: string }
  | { kind: 'none' };

/** setup_git_directory_gently: where the repository is, if anywhere. */
export async function discover(sys: Sys, getenv: (name: string) => string | undefined): Promise<Discovery> {
  const cwd = sys.getcwd();
  const envDir = getenv('GIT_DIR');
  if (envDir !== undefined && envDir !== '') {
    const gitdir = absolute(sys, envDir);
    const tree = getenv('GIT_WORK_TREE');
    const worktree = tree ? absolute(sys, tree) : cwd;
    return { kind: 'found', gitdir, worktree, prefix: prefixOf(worktree, cwd) };
  }
  let dir = cwd;
  for (;;) {
    const dotgit = dir === '/' ? '/.git' : `${dir}/.git`;
    const linked = await readGitfile(sys, dotgit);
    if (linked !== null && (await isGitDirectory(sys, linked))) return { kind: 'found', gitdir: linked, worktree: dir, prefix: prefixOf(dir, cwd), gitfile: dotgit };
    if (await isGitDirectory(sys, dotgit)) return { kind: 'found', gitdir: dotgit, worktree: dir, prefix: prefixOf(dir, cwd) };
    if (await isGitDirectory(sys, dir)) return { kind: 'found', gitdir: dir, worktree: null, prefix: '' };
    if (dir === '/') return { kind: 'none' };
    dir = dir.slice(0, dir.lastIndexOf('/')) || '/';
  }
}

/** cwd relative to the work tree's top, with a trailing slash; "" at the top or outside it. */
function prefixOf(worktree: string, cwd: string): string {
  if (cwd === worktree) return '';
  const base = worktree === '/' ? '/' : worktree + '/';
  return cwd.startsWith(base) ? cwd.slice(base.length) + '/' : '';
}

/** Whether the files that make up the repository belong to the caller (git's ownership check). */
export function ownedByCaller(sys: Sys, found: { gitdir: string; worktree: string | null; gitfile?: string }, getenv: (name: string) => string | undefined): boolean {
  let euid = sys.geteuid();
  if (euid === 0) {
    // Under sudo, git trusts the invoking user's repositories.
    const sudo = getenv('SUDO_UID');
    if (sudo !== undefined && /^\d+$/.test(sudo)) euid = Number(sudo);
  }
  for (const path of [found.gitfile, found.worktree, found.gitdir]) {
    if (path === undefined || path === null) continue;
    try {
      if (sys.lstat(path).uid !== euid) return false;
    } catch (err) {
      rethrowControl(err);
      return false;
    }
  }
  return true;
}

export function newRepo(sys: Sys, found: { gitdir: string; worktree: string | null; prefix: string }): Repo {
  return { gitdir: found.gitdir, worktree: found.worktree, prefix: found.prefix, fs: new SysFs(sys), cache: {} };
}
