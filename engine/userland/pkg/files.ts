/**
 * A package's files, written compactly in the index and laid down on disk.
 *
 * The index lists a package's files as one string, an entry per word, in the
 * order the package archive holds them (what `apk info -L` and `dpkg -L`
 * print). Parent directories are implied. Each entry is a path and a kind:
 *
 *     usr/bin/curl*              a program (a Berth executable named `curl`)
 *     usr/bin/vim.basic*vim      a program with a different name
 *     usr/lib/libz.so.1.3@libz.so.1   a shared library and its soname
 *     usr/lib/libz.so.1>libz.so.1.3   a symbolic link
 *     etc/ssh/ssh_config.d/      an (empty) directory
 *     etc/nanorc                 a plain file
 *
 * and optionally `:SIZE` (bytes, as shipped) and `%MODE` (octal). Plain files
 * get their text from the index's `texts` when it has them, otherwise a short
 * note; programs and libraries are padded towards their real size so that
 * `du` and image sizes stay plausible.
 */
import { encodeExecutable } from '../../common/executable.ts';
import { utf8 } from '../../common/bytes.ts';
import { FsError } from '../../fs/errno.ts';
import { isDir } from '../../fs/types.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import type { FileSpec } from '../../registry/bundled/spec.ts';

/** A file of a package as the index describes it: a FileSpec, with its size as shipped when known. */
export type PkgFile = FileSpec & { size?: number };

/** Padding of programs and libraries stops here: enough to look real, little enough for a browser tab. */
export const PAD_LIMIT = 256 * 1024;

/** Parses a file list (see above) into FileSpecs with absolute paths, parents first. */
export function parseFiles(list: string, version?: string): PkgFile[] {
  const out: PkgFile[] = [];
  const seen = new Set<string>();
  const addDirs = (path: string) => {
    const parts = path.split('/').filter((p) => p !== '');
    let cur = '';
    for (let i = 0; i < parts.length - 1; i++) {
      cur += '/' + parts[i];
      if (!seen.has(cur)) {
        seen.add(cur);
        out.push({ path: cur, type: 'dir' });
      }
    }
  };
  for (const word of list.split(/\s+/)) {
    if (word === '') continue;
    let token = word;
    let mode: number | undefined;
    let size: number | undefined;
    const pct = token.lastIndexOf('%');
    if (pct > 0 && /^[0-7]+$/.test(token.slice(pct + 1))) {
      mode = parseInt(token.slice(pct + 1), 8);
      token = token.slice(0, pct);
    }
    const colon = token.lastIndexOf(':');
    if (colon > 0 && /^\d+$/.test(token.slice(colon + 1))) {
      size = Number(token.slice(colon + 1));
      token = token.slice(0, colon);
    }
    const owner = mode === undefined ? {} : { mode };
    let spec: PkgFile;
    const arrow = token.indexOf('>');
    const star = token.indexOf('*');
    const at = token.indexOf('@');
    if (arrow > 0) {
      spec = { path: abs(token.slice(0, arrow)), type: 'symlink', target: token.slice(arrow + 1) };
    } else if (token.endsWith('/')) {
      spec = { path: abs(token.slice(0, -1)), type: 'dir', ...owner };
    } else if (star > 0) {
      const path = abs(token.slice(0, star));
      const named = token.slice(star + 1);
      const [program, applet] = (named || path.slice(path.lastIndexOf('/') + 1)).split('/') as [string, string | undefined];
      spec = { path, type: 'program', program, ...owner };
      if (applet) spec.applet = applet;
      if (version) spec.version = version;
    } else if (at > 0) {
      spec = { path: abs(token.slice(0, at)), type: 'program', program: 'shared-library', version: token.slice(at + 1), ...owner };
    } else {
      spec = { path: abs(token), type: 'file', content: '', ...owner };
    }
    if (size !== undefined) spec.size = size;
    addDirs(spec.path);
    if (spec.type === 'dir') {
      if (seen.has(spec.path)) {
        const i = out.findIndex((f) => f.path === spec.path);
        out[i] = spec;
        continue;
      }
      seen.add(spec.path);
    }
    out.push(spec);
  }
  return out;
}

const abs = (p: string) => (p.startsWith('/') ? p : '/' + p);

/** The bytes a file gets on disk. */
export function fileBytes(f: PkgFile, texts: Record<string, string> = {}, owner = ''): Uint8Array {
  if (f.type === 'file') {
    if (typeof f.content !== 'string' || f.content !== '') return typeof f.content === 'string' ? utf8(f.content) : f.content;
    const text = texts[f.path];
    if (text !== undefined) return utf8(text);
    return utf8(`# ${f.path}${owner ? ` from ${owner}` : ''}\n# Berth ships this file's name and size; the original text is not bundled.\n`);
  }
  if (f.type !== 'program') return new Uint8Array(0);
  const head = encodeExecutable({ program: f.program, applet: f.applet, version: f.version });
  const size = Math.min(f.size ?? 0, PAD_LIMIT);
  if (size <= head.length) return head;
  const padded = new Uint8Array(size);
  padded.set(head);
  return padded;
}

function tryLstat(sys: Sys, path: string) {
  try {
    return sys.lstat(path);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    if (err instanceof FsError && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return undefined;
    throw err;
  }
}

/** Whether `path` is a directory, following symlinks (/bin → usr/bin on merged-/usr systems). */
function isDirectory(sys: Sys, path: string): boolean {
  try {
    return isDir(sys.stat(path).mode);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return false;
  }
}

/**
 * Writes files onto the running system. `skip(path)` leaves a file out (dpkg's
 * path-exclude); directories are created as needed and never replaced.
 */
export async function writeFiles(sys: Sys, files: readonly PkgFile[], options: { texts?: Record<string, string>; owner?: string; skip?: (path: string) => boolean } = {}): Promise<void> {
  let n = 0;
  // Write through the real directory, not through /lib → usr/lib links, as tar and dpkg resolve them.
  const parents = new Map<string, string>();
  const real = (path: string): string => {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    let r = parents.get(dir);
    if (r === undefined) {
      try {
        r = sys.realpath(dir);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        r = dir;
      }
      parents.set(dir, r);
    }
    return (r === '/' ? '' : r) + path.slice(path.lastIndexOf('/'));
  };
  for (const spec of files) {
    if (++n % 64 === 0) await sys.checkpoint();
    const f = spec.type === 'dir' ? spec : { ...spec, path: real(spec.path) };
    if (f.type === 'dir') {
      if (isDirectory(sys, f.path)) continue;
      if (tryLstat(sys, f.path)) sys.unlink(f.path);
      sys.mkdir(f.path, f.mode ?? 0o755);
      sys.chmod(f.path, f.mode ?? 0o755);
      continue;
    }
    if (options.skip?.(f.path)) continue;
    const st = tryLstat(sys, f.path);
    if (st && isDir(st.mode)) continue;
    if (st) sys.unlink(f.path);
    if (f.type === 'symlink') {
      sys.symlink(f.target, f.path);
    } else if (f.type === 'hardlink') {
      sys.link(f.target, f.path);
    } else {
      const mode = f.mode ?? (f.type === 'program' ? 0o755 : 0o644);
      const fd = sys.open(f.path, { read: false, write: true, create: true, truncate: true }, mode);
      try {
        await sys.write(fd, fileBytes(f, options.texts, options.owner));
      } finally {
        sys.close(fd);
      }
      sys.chmod(f.path, mode);
      if ((f.uid ?? 0) !== 0 || (f.gid ?? 0) !== 0) sys.chown(f.path, f.uid ?? 0, f.gid ?? 0);
    }
  }
}

/**
 * Removes a package's files: everything that is not a directory, then the
 * directories it owns that are now empty, deepest first. Paths still owned by
 * another package (`keep`) stay.
 */
export async function removeFiles(sys: Sys, paths: readonly string[], keep: (path: string) => boolean = () => false): Promise<void> {
  const dirs: string[] = [];
  let n = 0;
  for (const path of paths) {
    if (++n % 64 === 0) await sys.checkpoint();
    if (keep(path)) continue;
    const st = tryLstat(sys, path);
    if (!st) continue;
    if (isDir(st.mode)) dirs.push(path);
    else sys.unlink(path);
  }
  dirs.sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? 1 : -1));
  for (const d of dirs) {
    try {
      sys.rmdir(d);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      // not empty, or busy: it stays, as with dpkg and apk
    }
  }
}

/** Reads a text file, or undefined when it does not exist. */
export async function readText(sys: Sys, path: string): Promise<string | undefined> {
  let fd: number;
  try {
    fd = sys.open(path, 'r');
  } catch (err) {
    if (isProcessControl(err)) throw err;
    if (err instanceof FsError && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return undefined;
    throw err;
  }
  try {
    const parts: Uint8Array[] = [];
    for (;;) {
      const d = await sys.read(fd, 65536);
      if (d.length === 0) break;
      parts.push(d);
    }
    let len = 0;
    for (const p of parts) len += p.length;
    const all = new Uint8Array(len);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return new TextDecoder().decode(all);
  } finally {
    sys.close(fd);
  }
}

/** Replaces a file's content atomically (write a temporary, then rename), as package managers do. */
export async function writeText(sys: Sys, path: string, text: string | Uint8Array, mode = 0o644): Promise<void> {
  const tmp = `${path}.berth-new`;
  const fd = sys.open(tmp, { read: false, write: true, create: true, truncate: true }, mode);
  try {
    await sys.write(fd, typeof text === 'string' ? utf8(text) : text);
  } finally {
    sys.close(fd);
  }
  sys.chmod(tmp, mode);
  sys.rename(tmp, path);
}

/** mkdir -p. */
export function mkdirs(sys: Sys, path: string, mode = 0o755): void {
  let cur = '';
  for (const part of path.split('/').filter((p) => p !== '')) {
    cur += '/' + part;
    if (isDirectory(sys, cur)) continue;
    sys.mkdir(cur, mode);
  }
}

export const exists = (sys: Sys, path: string): boolean => tryLstat(sys, path) !== undefined;
