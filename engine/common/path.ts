/**
 * POSIX path helpers for paths inside the emulated machine (always "/",
 * never the host's separator).
 */

/** Splits a path into its non-empty components: "/usr//lib/" → ["usr", "lib"]. */
export function components(path: string): string[] {
  return path.split('/').filter((c) => c !== '');
}

/**
 * Normalizes lexically: removes "." and empty components and resolves ".."
 * against the components before it. Returns null when ".." would climb above
 * the start (the caller decides whether that is an error or means "/").
 */
export function normalizeComponents(path: string): string[] | null {
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(c);
  }
  return out;
}

export function joinPath(...parts: string[]): string {
  const cs: string[] = [];
  for (const p of parts) cs.push(...components(p));
  return '/' + cs.join('/');
}

export function dirname(path: string): string {
  const cs = components(path);
  cs.pop();
  return '/' + cs.join('/');
}

export function basename(path: string): string {
  const cs = components(path);
  return cs[cs.length - 1] ?? '/';
}
