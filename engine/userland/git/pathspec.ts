/**
 * Paths as git takes them and shows them.
 *
 * Arguments ("pathspecs") are relative to the current directory; inside
 * git every path is relative to the top of the work tree. A pathspec
 * matches a file by name, a directory by everything below it, and a
 * wildcard (`'*.txt'`) by pattern — where `*` also matches "/".
 * `:/` at the start means "from the top".
 *
 * Output goes the other way: `status` shows "../README" when run in a
 * subdirectory, and quotes unusual names ("\303\251.txt").
 */
import { Exit, type Git } from './context.ts';
import { quotePath } from './patch.ts';
import { absolute } from './repo.ts';
import type { Repo } from './repo.ts';
import { hasWildcard, wildmatchRegExp } from './wildmatch.ts';

export interface Pathspec {
  /** As typed. */
  raw: string;
  /** Relative to the top ("" for everything), without a trailing slash. */
  path: string;
  /** For a pattern, its expression (against the full path). */
  pattern: RegExp | null;
}

/** Resolves a pathspec argument; dies when it points outside the work tree. */
export async function parsePathspec(g: Git, repo: Repo, arg: string): Promise<Pathspec> {
  const top = repo.worktree!;
  let rel: string;
  if (arg.startsWith(':/')) rel = arg.slice(2);
  else {
    const full = absolute(g.sys, arg);
    if (full !== top && !full.startsWith(top === '/' ? '/' : top + '/')) {
      await g.out.flush();
      await g.err.write(`fatal: ${arg}: '${arg}' is outside repository at '${top}'\n`);
      throw new Exit(128);
    }
    rel = full === top ? '' : full.slice(top === '/' ? 1 : top.length + 1);
  }
  rel = rel.replace(/\/+$/, '');
  const pattern = hasWildcard(arg) ? wildmatchRegExp(rel, { pathname: false }) : null;
  return { raw: arg, path: rel, pattern };
}

export async function parsePathspecs(g: Git, repo: Repo, args: string[]): Promise<Pathspec[]> {
  const out: Pathspec[] = [];
  for (const a of args) out.push(await parsePathspec(g, repo, a));
  return out;
}

/** Whether `path` (relative to the top) is selected by the pathspec. */
export function matches(ps: Pathspec, path: string): boolean {
  if (ps.path === '') return true;
  if (path === ps.path || path.startsWith(ps.path + '/')) return true;
  if (ps.pattern) {
    if (ps.pattern.test(path)) return true;
    // A pattern may also name a leading directory ("src/*" matches src/a/b).
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) if (ps.pattern.test(parts.slice(0, i).join('/'))) return true;
  }
  return false;
}

export function matchesAny(specs: Pathspec[], path: string): boolean {
  return specs.length === 0 || specs.some((ps) => matches(ps, path));
}

/** `path` (relative to the top) as seen from the directory `prefix` ("sub/"). */
export function relativePath(path: string, prefix: string): string {
  if (prefix === '') return path;
  const dirTrailer = path.endsWith('/');
  const p = (dirTrailer ? path.slice(0, -1) : path).split('/');
  const q = prefix.replace(/\/$/, '').split('/');
  let i = 0;
  while (i < p.length && i < q.length && p[i] === q[i]) i++;
  const up = q.length - i;
  const rest = p.slice(i).join('/');
  let out = '../'.repeat(up) + rest;
  if (out === '') out = './';
  else if (dirTrailer && !out.endsWith('/')) out += '/';
  return out;
}

/** quote_path: relative to `prefix`, quoted when needed (and for names with spaces, if asked). */
export function showPath(path: string, prefix: string, quoteSpaces = false): string {
  const rel = relativePath(path, prefix);
  const q = quotePath(rel);
  if (q === rel && quoteSpaces && rel.includes(' ')) return `"${rel}"`;
  return q;
}
