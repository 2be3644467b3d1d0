/**
 * The `path` module, POSIX flavour (containers are Linux): Node's
 * normalizeString and friends, with `resolve` starting from the process's
 * working directory.
 */

function normalizeString(path: string, allowAboveRoot: boolean): string {
  let res = '';
  let lastSegmentLength = 0;
  let lastSlash = -1;
  let dots = 0;
  let code = 0;
  for (let i = 0; i <= path.length; ++i) {
    if (i < path.length) code = path.charCodeAt(i);
    else if (code === 47) break;
    else code = 47;
    if (code === 47) {
      if (lastSlash === i - 1 || dots === 1) {
        // nothing
      } else if (dots === 2) {
        if (res.length < 2 || lastSegmentLength !== 2 || !res.endsWith('..')) {
          if (res.length > 2) {
            const lastSlashIndex = res.lastIndexOf('/');
            if (lastSlashIndex === -1) {
              res = '';
              lastSegmentLength = 0;
            } else {
              res = res.slice(0, lastSlashIndex);
              lastSegmentLength = res.length - 1 - res.lastIndexOf('/');
            }
            lastSlash = i;
            dots = 0;
            continue;
          } else if (res.length !== 0) {
            res = '';
            lastSegmentLength = 0;
            lastSlash = i;
            dots = 0;
            continue;
          }
        }
        if (allowAboveRoot) {
          res += res.length > 0 ? '/..' : '..';
          lastSegmentLength = 2;
        }
      } else {
        if (res.length > 0) res += `/${path.slice(lastSlash + 1, i)}`;
        else res = path.slice(lastSlash + 1, i);
        lastSegmentLength = i - lastSlash - 1;
      }
      lastSlash = i;
      dots = 0;
    } else if (code === 46 && dots !== -1) {
      ++dots;
    } else {
      dots = -1;
    }
  }
  return res;
}

const check = (p: unknown, name = 'path'): string => {
  if (typeof p !== 'string') throw Object.assign(new TypeError(`The "${name}" argument must be of type string. Received ${p === null ? 'null' : typeof p}`), { code: 'ERR_INVALID_ARG_TYPE' });
  return p;
};

export function makePath(cwd: () => string) {
  const path = {
    sep: '/',
    delimiter: ':',
    resolve(...args: string[]): string {
      let resolved = '';
      let absolute = false;
      for (let i = args.length - 1; i >= -1 && !absolute; i--) {
        const p = i >= 0 ? check(args[i], `paths[${i}]`) : cwd();
        if (p.length === 0) continue;
        resolved = `${p}/${resolved}`;
        absolute = p.charCodeAt(0) === 47;
      }
      resolved = normalizeString(resolved, !absolute);
      if (absolute) return `/${resolved}`;
      return resolved.length > 0 ? resolved : '.';
    },
    normalize(p: string): string {
      check(p);
      if (p.length === 0) return '.';
      const absolute = p.charCodeAt(0) === 47;
      const trailing = p.charCodeAt(p.length - 1) === 47;
      let out = normalizeString(p, !absolute);
      if (out.length === 0) {
        if (absolute) return '/';
        return trailing ? './' : '.';
      }
      if (trailing) out += '/';
      return absolute ? `/${out}` : out;
    },
    isAbsolute: (p: string) => check(p).length > 0 && p.charCodeAt(0) === 47,
    join(...args: string[]): string {
      const parts = args.map((a, i) => check(a, `paths[${i}]`)).filter((a) => a.length > 0);
      return parts.length === 0 ? '.' : path.normalize(parts.join('/'));
    },
    relative(from: string, to: string): string {
      from = path.resolve(check(from, 'from'));
      to = path.resolve(check(to, 'to'));
      if (from === to) return '';
      const f = from === '/' ? [] : from.slice(1).split('/');
      const t = to === '/' ? [] : to.slice(1).split('/');
      let i = 0;
      while (i < f.length && i < t.length && f[i] === t[i]) i++;
      return [...f.slice(i).map(() => '..'), ...t.slice(i)].join('/');
    },
    toNamespacedPath: (p: string) => p,
    dirname(p: string): string {
      check(p);
      if (p.length === 0) return '.';
      const absolute = p.charCodeAt(0) === 47;
      let end = -1;
      let matched = true;
      for (let i = p.length - 1; i >= 1; --i) {
        if (p.charCodeAt(i) === 47) {
          if (!matched) {
            end = i;
            break;
          }
        } else matched = false;
      }
      if (end === -1) return absolute ? '/' : '.';
      if (absolute && end === 1) return '//';
      return p.slice(0, end);
    },
    basename(p: string, ext?: string): string {
      check(p);
      let end = p.length;
      while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
      const trimmed = p.slice(0, end);
      const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
      if (ext !== undefined && ext.length > 0 && base.endsWith(ext) && base !== ext) return base.slice(0, base.length - ext.length);
      return base;
    },
    extname(p: string): string {
      const base = path.basename(p);
      const dot = base.lastIndexOf('.');
      return dot <= 0 || base === '..' ? '' : base.slice(dot);
    },
    parse(p: string): { root: string; dir: string; base: string; ext: string; name: string } {
      check(p);
      const root = p.startsWith('/') ? '/' : '';
      if (p === '' || p === '/') return { root, dir: root, base: '', ext: '', name: '' };
      const base = path.basename(p);
      const ext = path.extname(p);
      let dir = path.dirname(p);
      if (dir === '.' && !p.includes('/')) dir = '';
      return { root, dir, base, ext, name: ext ? base.slice(0, -ext.length) : base };
    },
    format(o: { root?: string; dir?: string; base?: string; name?: string; ext?: string }): string {
      const dir = o.dir || o.root || '';
      const base = o.base || `${o.name ?? ''}${o.ext ? (o.ext.startsWith('.') ? o.ext : `.${o.ext}`) : ''}`;
      if (!dir) return base;
      return dir === o.root ? `${dir}${base}` : `${dir}/${base}`;
    },
    matchesGlob: undefined,
    posix: undefined as unknown,
    win32: undefined as unknown,
  };
  path.posix = path;
  path.win32 = path;
  return path;
}
