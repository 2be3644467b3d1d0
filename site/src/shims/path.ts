/** POSIX path functions for browser bundles of Node-style packages (memfs): Node's semantics, '/' only. */
export const sep = '/';
export const delimiter = ':';

export function normalize(p: string): string {
  if (p === '') return '.';
  const abs = p.startsWith('/');
  const trailing = p.endsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  let r = (abs ? '/' : '') + out.join('/');
  if (r === '') r = abs ? '/' : '.';
  if (trailing && r !== '/') r += '/';
  return r;
}

export const isAbsolute = (p: string): boolean => p.startsWith('/');
export const join = (...parts: string[]): string => normalize(parts.filter((x) => x !== '').join('/') || '.');

export function resolve(...parts: string[]): string {
  let r = '';
  for (let i = parts.length - 1; i >= 0 && !r.startsWith('/'); i--) if (parts[i]) r = r ? `${parts[i]}/${r}` : parts[i]!;
  if (!r.startsWith('/')) r = `/${r}`;
  const n = normalize(r);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export function dirname(p: string): string {
  if (p === '') return '.';
  const s = p.replace(/\/+$/, '');
  if (s === '') return '/';
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return s.slice(0, i).replace(/\/+$/, '') || '/';
}

export function basename(p: string, ext?: string): string {
  const s = p.replace(/\/+$/, '');
  let b = s.slice(s.lastIndexOf('/') + 1);
  if (ext && b.endsWith(ext) && b !== ext) b = b.slice(0, -ext.length);
  return b;
}

export function extname(p: string): string {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
}

export const toNamespacedPath = (p: string): string => p;
export const format = (o: { dir?: string; root?: string; base?: string; name?: string; ext?: string }): string => {
  const dir = o.dir ?? o.root ?? '';
  const base = o.base ?? `${o.name ?? ''}${o.ext ?? ''}`;
  return dir ? (dir.endsWith('/') ? dir + base : `${dir}/${base}`) : base;
};
export const parse = (p: string) => {
  const root = p.startsWith('/') ? '/' : '';
  const base = basename(p);
  const ext = extname(p);
  return { root, dir: dirname(p), base, ext, name: ext ? base.slice(0, -ext.length) : base };
};

const path = { sep, delimiter, normalize, isAbsolute, join, resolve, relative, dirname, basename, extname, toNamespacedPath, format, parse } as Record<string, unknown>;
path.posix = path;
export const posix = path;
export default path;
