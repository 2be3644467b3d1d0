/** Path strings as libbb and musl handle them (no system calls except in realpathLenient). */
import { attempt } from './files-attempt.ts';
import { FsError } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';

/** concat_path_file: "dir" + "name" with exactly the slash needed ("dir/" stays "dir/name"). */
export function joinPath(dir: string, name: string): string {
  return dir + (dir.endsWith('/') ? '' : '/') + name.replace(/^\/+/, '');
}

/** bb_basename: what follows the last slash ("a/b/" gives ""). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The path without trailing slashes ("a/b//" → "a/b", "/" stays). */
export function stripSlashes(path: string): string {
  let p = path;
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/**
 * bb_get_last_path_component_strip: "a/b/" → "b", "/" → "/", "abc" → "abc".
 * (In C it also cuts the slashes off the argument itself; callers that go on
 * using the argument use stripSlashes for that.)
 */
export function lastComponent(path: string): string {
  const p = stripSlashes(path);
  const slash = p.lastIndexOf('/');
  if (slash < 0 || (slash === 0 && p.length === 1)) return p;
  return p.slice(slash + 1);
}

/** musl's dirname(3): "a/b" → "a", "a" → ".", "/a" → "/", "a/b/" → "a". */
export function dirName(path: string): string {
  if (path === '') return '.';
  let i = path.length - 1;
  for (; path[i] === '/'; i--) if (i === 0) return '/';
  for (; path[i] !== '/'; i--) if (i === 0) return '.';
  for (; path[i] === '/'; i--) if (i === 0) return '/';
  return path.slice(0, i + 1);
}

export const isDotOrDotDot = (name: string): boolean => name === '.' || name === '..';

/**
 * xmalloc_realpath_coreutils (readlink -f, realpath): the canonical path, or,
 * when only the last component is missing, the canonical parent plus that
 * name. A dangling symlink is resolved through its target, a relative target
 * taken from the current directory (as busybox does, not from the link's).
 * Throws the error of the failed lookup otherwise.
 */
export function realpathLenient(sys: Sys, path: string, depth = 0): string {
  try {
    return sys.realpath(path);
  } catch (err) {
    if (!(err instanceof FsError && err.code === 'ENOENT')) throw err;
    const target = attempt(() => sys.readlink(path));
    if (target !== undefined && depth < 40) {
      return realpathLenient(sys, target.startsWith('/') ? target : joinPath(sys.getcwd(), target), depth + 1);
    }
    let p = path.replace(/^\/+(?=\/)/, '');
    let i = p.length - 1;
    while (i > 0 && p[i] === '/') i--;
    p = p.slice(0, i + 1);
    const slash = p.lastIndexOf('/');
    if (slash === 0) return p;
    if (slash < 0) throw err;
    return sys.realpath(p.slice(0, slash)) + '/' + p.slice(slash + 1);
  }
}
