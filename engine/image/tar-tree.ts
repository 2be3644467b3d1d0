/**
 * Directory trees to tar entries and back, the way moby's go-archive does it
 * for `docker cp` and `docker export` (TarWithOptions and Untar): entries in
 * name order, directories as `name/`, hard links within the tree as tar hard
 * links, times cut to seconds; extraction makes missing parents, refuses to
 * put a directory over a file (and the reverse) when asked, replaces other
 * files, and sets directory times last.
 *
 * Both ends are small interfaces so that the daemon (a container's files) and
 * the docker client (the host's files, through system calls) share the rules.
 * Failures read as Go's os errors do: `lstat /x: no such file or directory`.
 */
import { FsError, type Errno } from '../fs/errno.ts';
import { S_IFMT, isDir, type Stat } from '../fs/types.ts';
import type { TarEntry, TarEntryType, TarHeader } from './tar.ts';

/** Go's syscall.Errno texts (what Docker's messages end with). */
const GO_TEXT: Partial<Record<Errno, string>> = {
  ENOENT: 'no such file or directory', EACCES: 'permission denied', ENOTDIR: 'not a directory', EISDIR: 'is a directory', EEXIST: 'file exists',
  ENOTEMPTY: 'directory not empty', EROFS: 'read-only file system', ELOOP: 'too many levels of symbolic links', EPERM: 'operation not permitted', EBUSY: 'device or resource busy', ENOSPC: 'no space left on device',
};
export const goErrText = (code: Errno): string => GO_TEXT[code] ?? code.toLowerCase();

/** What Go's os package says for a failed call: `lstat /x: no such file or directory`. */
export function goError(err: unknown, op: string, path: string): Error {
  if (err instanceof FsError) return new Error(`${op} ${path}: ${goErrText(err.code)}`);
  return err instanceof Error ? err : new Error(String(err));
}

/** Where a tree is read from. */
export interface TreeSource {
  lstat(path: string): Stat;
  readdir(path: string): string[];
  readlink(path: string): string;
  read(path: string): Uint8Array | Promise<Uint8Array>;
}

const TYPES: Record<number, TarEntryType | undefined> = { 0o100000: 'file', 0o040000: 'dir', 0o120000: 'symlink', 0o020000: 'char', 0o060000: 'block', 0o010000: 'fifo' };

/**
 * Tar entries for `path` (a file or a directory tree) in `src`, named `name`
 * and below it; with `name` '' the top itself has no entry (`docker export`).
 */
export async function* treeEntries(src: TreeSource, path: string, name: string): AsyncIterable<TarEntry> {
  const links = new Map<string, string>();
  const empty = new Uint8Array(0);
  async function* visit(p: string, n: string): AsyncIterable<TarEntry> {
    let st: Stat;
    try {
      st = src.lstat(p);
    } catch {
      return; // gone while we walked: go-archive logs it and goes on
    }
    const type = TYPES[st.mode & S_IFMT];
    if (type && n !== '') {
      const header: TarHeader = { name: type === 'dir' ? `${n}/` : n, type, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, size: 0, mtimeMs: Math.floor(st.mtimeMs / 1000) * 1000, linkname: '' };
      const key = `${st.dev}:${st.ino}`;
      if (type !== 'dir' && st.nlink > 1 && links.has(key)) {
        yield { header: { ...header, type: 'hardlink', linkname: links.get(key)! }, data: empty };
        return;
      }
      if (type !== 'dir' && st.nlink > 1) links.set(key, n);
      if (type === 'symlink') header.linkname = src.readlink(p);
      if (type === 'char' || type === 'block') Object.assign(header, { devmajor: (st.rdev >> 8) & 0xfff, devminor: (st.rdev & 0xff) | ((st.rdev >> 12) & 0xfff00) });
      if (type === 'file') {
        const data = await src.read(p);
        yield { header: { ...header, size: data.length }, data };
      } else yield { header, data: empty };
    }
    if (type === 'dir') {
      let names: string[];
      try {
        names = src.readdir(p);
      } catch {
        return;
      }
      for (const child of names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) yield* visit(p === '/' ? `/${child}` : `${p}/${child}`, n === '' ? child : `${n}/${child}`);
    }
  }
  yield* visit(path, name);
}

/** go-archive's RebaseArchiveEntries: `old/…` becomes `new/…`. */
export async function* rebaseEntries(entries: AsyncIterable<TarEntry>, oldBase: string, newBase: string): AsyncIterable<TarEntry> {
  const rebase = (name: string) => (name === oldBase || name.startsWith(`${oldBase}/`) ? newBase + name.slice(oldBase.length) : name);
  for await (const e of entries) {
    const header = { ...e.header };
    if (oldBase !== '/' && header.name !== oldBase && !header.name.startsWith(`${oldBase}/`)) {
      yield e;
      continue;
    }
    header.name = rebase(header.name);
    if (header.type === 'hardlink') header.linkname = rebase(header.linkname);
    yield { header, data: e.data };
  }
}

/** Where a tree is written. Every call may throw an FsError. */
export interface TreeSink {
  lstat(path: string): Stat | undefined;
  mkdir(path: string, mode: number): void;
  writeFile(path: string, mode: number, data: Uint8Array): void | Promise<void>;
  symlink(target: string, path: string): void;
  link(existing: string, path: string): void;
  /** lchown; absent where ownership is not kept (the client's NoLchown). */
  chown?(path: string, uid: number, gid: number): void;
  chmod(path: string, mode: number): void;
  /** Sets atime and mtime without following a symlink. */
  utimes(path: string, mtimeMs: number): void;
  readdir(path: string): string[];
  unlink(path: string): void;
  rmdir(path: string): void;
}

function removeAll(sink: TreeSink, p: string): void {
  const st = sink.lstat(p);
  if (!st) return;
  if (isDir(st.mode)) {
    for (const n of sink.readdir(p)) removeAll(sink, `${p}/${n}`);
    sink.rmdir(p);
  } else sink.unlink(p);
}

const cleanRel = (name: string): string => {
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
};

/** go-archive's Untar into directory `dest` of `sink`. */
export async function untarInto(sink: TreeSink, dest: string, entries: AsyncIterable<TarEntry>, opts: { noOverwriteDirNonDir: boolean; owner?: { uid: number; gid: number } }): Promise<void> {
  const dirTimes: { path: string; mtimeMs: number }[] = [];
  const at = (rel: string) => (rel === '' ? dest : `${dest === '/' ? '' : dest}/${rel}`);
  for await (const { header, data } of entries) {
    const rel = cleanRel(header.name);
    if (rel === '' && header.type !== 'dir') continue;
    const target = at(rel);
    const parentRel = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    if (!sink.lstat(at(parentRel))) {
      let cur = '';
      for (const part of parentRel.split('/')) {
        cur = cur ? `${cur}/${part}` : part;
        if (!sink.lstat(at(cur))) {
          try {
            sink.mkdir(at(cur), 0o755);
          } catch (err) {
            throw goError(err, 'mkdir', at(cur));
          }
        }
      }
    }
    const old = sink.lstat(target);
    if (old) {
      if (opts.noOverwriteDirNonDir && isDir(old.mode) && header.type !== 'dir') throw new Error(`cannot overwrite directory "${target}" with non-directory "${dest}"`);
      if (opts.noOverwriteDirNonDir && !isDir(old.mode) && header.type === 'dir') throw new Error(`cannot overwrite non-directory "${target}" with directory "${dest}"`);
      if (isDir(old.mode) && rel === '') continue;
      if (!(isDir(old.mode) && header.type === 'dir')) {
        try {
          removeAll(sink, target);
        } catch (err) {
          throw goError(err, 'unlinkat', target);
        }
      }
    }
    let op = 'open';
    try {
      switch (header.type) {
        case 'dir':
          op = 'mkdir';
          if (!sink.lstat(target)) sink.mkdir(target, header.mode);
          break;
        case 'file':
          await sink.writeFile(target, header.mode, data);
          break;
        case 'symlink':
          op = 'symlink';
          sink.symlink(header.linkname, target);
          break;
        case 'hardlink':
          op = 'link';
          sink.link(at(cleanRel(header.linkname)), target);
          break;
        default:
          continue; // devices and fifos are not copied
      }
      const owner = opts.owner ?? header;
      op = 'lchown';
      sink.chown?.(target, owner.uid, owner.gid);
      op = 'chmod';
      if (header.type !== 'symlink' && header.type !== 'hardlink') sink.chmod(target, header.mode);
      op = 'chtimes';
      if (header.type === 'dir') dirTimes.push({ path: target, mtimeMs: header.mtimeMs });
      else if (header.type !== 'hardlink') sink.utimes(target, header.mtimeMs);
    } catch (err) {
      throw goError(err, op, target);
    }
  }
  for (const t of dirTimes) {
    try {
      sink.utimes(t.path, t.mtimeMs);
    } catch {
      // a directory that went away
    }
  }
}
