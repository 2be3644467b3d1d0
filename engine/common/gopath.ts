/**
 * Go's path/filepath (on Linux) and the go-archive helpers built on it, for
 * code that must treat paths exactly as docker and moby do (`docker cp`:
 * trailing "/" and "/." change what gets copied where).
 */

/** filepath.Clean: lexical, keeps a path relative, "" → ".". */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

/** filepath.Base: the last element, trailing slashes ignored; "" → ".", "///" → "/". */
export function base(p: string): string {
  if (p === '') return '.';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

/** filepath.Dir: everything before the last element, cleaned. */
export function dir(p: string): string {
  const i = p.lastIndexOf('/');
  return clean(i < 0 ? '' : p.slice(0, i + 1));
}

/** filepath.Join. */
export function join(...parts: string[]): string {
  const s = parts.filter((x) => x !== '').join('/');
  return s === '' ? '' : clean(s);
}

export const isAbs = (p: string): boolean => p.startsWith('/');

const specifiesCurrentDir = (p: string) => base(p) === '.';
const hasTrailingSeparator = (p: string) => p.endsWith('/');

/** filepath.Abs against a working directory. */
export function abs(p: string, cwd: string): string {
  return clean(isAbs(p) ? p : `${cwd}/${p}`);
}

/** go-archive PreserveTrailingDotOrSeparator: puts back the "/." or "/" that Clean removed. */
export function preserveTrailingDotOrSeparator(cleaned: string, original: string): string {
  let out = cleaned;
  if (!specifiesCurrentDir(out) && specifiesCurrentDir(original)) {
    if (!hasTrailingSeparator(out)) out += '/';
    out += '.';
  }
  if (!hasTrailingSeparator(out) && hasTrailingSeparator(original)) out += '/';
  return out;
}

/** go-archive SplitPathDirEntry: the directory and the entry a path names ("/a/b/." → "/a/b", "."). */
export function splitPathDirEntry(p: string): [string, string] {
  let cleaned = clean(p);
  if (specifiesCurrentDir(p)) cleaned += '/.';
  return [dir(cleaned), base(cleaned)];
}

/** go-archive assertsDirectory: a path that ends in "/" or "/." must be a directory. */
export const assertsDirectory = (p: string): boolean => hasTrailingSeparator(p) || specifiesCurrentDir(p);
