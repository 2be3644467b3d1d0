/**
 * DiskFs: a filesystem that is one directory tree on a Disk, with the rules
 * of a plain Linux filesystem (ext4 or tmpfs): what may be created where,
 * rename's many cases, link counts and timestamps.
 *
 * Volumes, bind mounts and the learner's host are DiskFs. The overlay uses the
 * same rules for its upper directory through the functions exported here.
 */
import type { Disk, DiskEntry, DiskInode, DiskStat } from '../platform/types.ts';
import { utf8 } from '../common/bytes.ts';
import { FsError } from './errno.ts';
import {
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  S_ISGID,
  S_ISUID,
  isDir,
  type FileHandle,
  type FileSystem,
  type Owner,
  type SetAttr,
  type Stat,
} from './types.ts';

export const NAME_MAX = 255;
const BLOCK = 512;

let nextDev = 0x100;
/** A fresh st_dev for a new filesystem instance. */
export function allocateDev(): number {
  return nextDev++;
}

/** Converts a Disk's stat into struct stat. */
export function toStat(dev: number, s: DiskStat): Stat {
  return {
    dev,
    ino: s.ino,
    mode: s.mode,
    nlink: s.nlink,
    uid: s.uid,
    gid: s.gid,
    rdev: s.rdev,
    size: s.size,
    blksize: 4096,
    blocks: (s.mode & S_IFMT) === S_IFREG || (s.mode & S_IFMT) === S_IFDIR ? Math.ceil(s.size / 4096) * (4096 / BLOCK) : 0,
    atimeMs: s.atimeMs,
    mtimeMs: s.mtimeMs,
    ctimeMs: s.ctimeMs,
  };
}

/** Splits a normalized absolute path into [parent components, last name]. */
export function splitPath(path: string): { dirs: string[]; name: string } {
  const parts = path.split('/').filter((p) => p !== '');
  const name = parts.pop();
  return { dirs: parts, name: name ?? '' };
}

/**
 * Walks `components` from `start`, each of which must be a directory.
 * Throws ENOENT / ENOTDIR like a path lookup would.
 */
export function walkDirs(disk: Disk, start: DiskEntry, components: readonly string[], syscall: string, path: string): DiskEntry {
  let dir = start;
  for (const c of components) {
    const next = disk.lookup(dir, c);
    if (!next) throw new FsError('ENOENT', syscall, path);
    if (!isDir(disk.stat(disk.inode(next)).mode)) throw new FsError('ENOTDIR', syscall, path);
    dir = next;
  }
  return dir;
}

/** Marks a directory as modified (an entry was added or removed): mtime and ctime. */
export function touchDir(disk: Disk, dir: DiskEntry, now: number): void {
  disk.setTimes(disk.inode(dir), { mtimeMs: now, ctimeMs: now });
}

/**
 * Applies `attrs` to an inode with Linux's side effects: ctime always moves;
 * chown of a non-directory clears setuid, and setgid when group-executable
 * (what Linux does even for root); a size change is a truncate and moves mtime.
 */
export function applySetAttr(disk: Disk, inode: DiskInode, attrs: SetAttr, now: number, path: string): void {
  const st = disk.stat(inode);
  if (attrs.size !== undefined) {
    if (isDir(st.mode)) throw new FsError('EISDIR', 'truncate', path);
    if ((st.mode & S_IFMT) !== S_IFREG) throw new FsError('EINVAL', 'truncate', path);
    if (attrs.size < 0) throw new FsError('EINVAL', 'truncate', path);
    disk.truncate(inode, attrs.size);
    disk.setTimes(inode, { mtimeMs: now });
  }
  let mode = st.mode;
  if (attrs.mode !== undefined) mode = (st.mode & S_IFMT) | (attrs.mode & 0o7777);
  if (attrs.uid !== undefined || attrs.gid !== undefined) {
    const uid = attrs.uid ?? st.uid;
    const gid = attrs.gid ?? st.gid;
    disk.setOwner(inode, uid, gid);
    if (!isDir(st.mode) && attrs.mode === undefined) {
      mode &= ~S_ISUID;
      if (mode & 0o010) mode &= ~S_ISGID;
    }
  }
  if (mode !== st.mode) disk.setMode(inode, mode);
  if (attrs.atimeMs !== undefined || attrs.mtimeMs !== undefined) {
    disk.setTimes(inode, { atimeMs: attrs.atimeMs, mtimeMs: attrs.mtimeMs });
  }
  disk.setTimes(inode, { ctimeMs: now });
}

/** An open file on a Disk: the inode plus the filesystem's clock and dev. */
export class DiskFileHandle implements FileHandle {
  private closed = false;
  constructor(
    private readonly disk: Disk,
    private readonly inode: DiskInode,
    private readonly dev: number,
    private readonly now: () => number,
    private readonly writable: boolean,
  ) {}

  read(buf: Uint8Array, position: number): number {
    this.check();
    if (isDir(this.disk.stat(this.inode).mode)) throw new FsError('EISDIR', 'read');
    return this.disk.read(this.inode, buf, position);
  }

  write(data: Uint8Array, position: number): number {
    this.check();
    if (!this.writable) throw new FsError('EBADF', 'write');
    this.disk.write(this.inode, data, position);
    const t = this.now();
    this.disk.setTimes(this.inode, { mtimeMs: t, ctimeMs: t });
    return data.length;
  }

  stat(): Stat {
    this.check();
    return toStat(this.dev, this.disk.stat(this.inode));
  }

  truncate(size: number): void {
    this.check();
    if (!this.writable) throw new FsError('EINVAL', 'ftruncate');
    this.disk.truncate(this.inode, size);
    const t = this.now();
    this.disk.setTimes(this.inode, { mtimeMs: t, ctimeMs: t });
  }

  setattr(attrs: SetAttr): void {
    this.check();
    applySetAttr(this.disk, this.inode, attrs, this.now(), '');
  }

  close(): void {
    this.closed = true;
  }

  private check(): void {
    if (this.closed) throw new FsError('EBADF', 'read');
  }
}

export class DiskFs implements FileSystem {
  readonly dev = allocateDev();

  constructor(
    readonly disk: Disk,
    readonly root: DiskEntry,
    private readonly now: () => number,
  ) {}

  /** The entry at `path`; ENOENT/ENOTDIR as a lookup would report. */
  entry(path: string, syscall: string): DiskEntry {
    const { dirs, name } = splitPath(path);
    const dir = walkDirs(this.disk, this.root, dirs, syscall, path);
    if (name === '') return dir;
    const e = this.disk.lookup(dir, name);
    if (!e) throw new FsError('ENOENT', syscall, path);
    return e;
  }

  /** The parent directory of `path` and the final name, which must be a legal new name. */
  private parentOf(path: string, syscall: string): { dir: DiskEntry; name: string } {
    const { dirs, name } = splitPath(path);
    if (name === '') throw new FsError('EEXIST', syscall, path);
    if (utf8(name).length > NAME_MAX) throw new FsError('ENAMETOOLONG', syscall, path);
    return { dir: walkDirs(this.disk, this.root, dirs, syscall, path), name };
  }

  lstat(path: string): Stat {
    return toStat(this.dev, this.disk.stat(this.disk.inode(this.entry(path, 'lstat'))));
  }

  readdir(path: string): string[] {
    const e = this.entry(path, 'scandir');
    if (!isDir(this.disk.stat(this.disk.inode(e)).mode)) throw new FsError('ENOTDIR', 'scandir', path);
    return this.disk.names(e);
  }

  readlink(path: string): string {
    const inode = this.disk.inode(this.entry(path, 'readlink'));
    if ((this.disk.stat(inode).mode & S_IFMT) !== S_IFLNK) throw new FsError('EINVAL', 'readlink', path);
    return this.disk.readlink(inode);
  }

  mkdir(path: string, mode: number, owner: Owner): void {
    this.make(path, 'mkdir', S_IFDIR | (mode & 0o7777), owner);
  }

  create(path: string, mode: number, owner: Owner): void {
    this.make(path, 'open', S_IFREG | (mode & 0o7777), owner);
  }

  mknod(path: string, mode: number, rdev: number, owner: Owner): void {
    if ((mode & S_IFMT) === S_IFDIR || (mode & S_IFMT) === S_IFLNK) throw new FsError('EINVAL', 'mknod', path);
    this.make(path, 'mknod', mode, owner, { rdev });
  }

  symlink(target: string, path: string, owner: Owner): void {
    if (target === '') throw new FsError('ENOENT', 'symlink', path);
    this.make(path, 'symlink', S_IFLNK | 0o777, owner, { target });
  }

  private make(path: string, syscall: string, mode: number, owner: Owner, extra: { target?: string; rdev?: number } = {}): void {
    const { dir, name } = this.parentOf(path, syscall);
    if (this.disk.lookup(dir, name)) throw new FsError('EEXIST', syscall, path);
    const t = this.now();
    this.disk.create(dir, name, { mode, uid: owner.uid, gid: owner.gid, timeMs: t, ...extra });
    touchDir(this.disk, dir, t);
  }

  link(existing: string, path: string): void {
    const source = this.entry(existing, 'link');
    const inode = this.disk.inode(source);
    if (isDir(this.disk.stat(inode).mode)) throw new FsError('EPERM', 'link', existing, path);
    const { dir, name } = this.parentOf(path, 'link');
    if (this.disk.lookup(dir, name)) throw new FsError('EEXIST', 'link', existing, path);
    const t = this.now();
    this.disk.link(dir, name, inode);
    this.disk.setTimes(inode, { ctimeMs: t });
    touchDir(this.disk, dir, t);
  }

  unlink(path: string): void {
    const { dirs, name } = splitPath(path);
    if (name === '') throw new FsError('EISDIR', 'unlink', path);
    const dir = walkDirs(this.disk, this.root, dirs, 'unlink', path);
    const e = this.disk.lookup(dir, name);
    if (!e) throw new FsError('ENOENT', 'unlink', path);
    const inode = this.disk.inode(e);
    if (isDir(this.disk.stat(inode).mode)) throw new FsError('EISDIR', 'unlink', path);
    const t = this.now();
    this.disk.unlink(dir, name);
    this.disk.setTimes(inode, { ctimeMs: t });
    touchDir(this.disk, dir, t);
  }

  rmdir(path: string): void {
    const { dirs, name } = splitPath(path);
    if (name === '') throw new FsError('EBUSY', 'rmdir', path);
    const dir = walkDirs(this.disk, this.root, dirs, 'rmdir', path);
    const e = this.disk.lookup(dir, name);
    if (!e) throw new FsError('ENOENT', 'rmdir', path);
    if (!isDir(this.disk.stat(this.disk.inode(e)).mode)) throw new FsError('ENOTDIR', 'rmdir', path);
    if (this.disk.count(e) > 0) throw new FsError('ENOTEMPTY', 'rmdir', path);
    this.disk.unlink(dir, name);
    touchDir(this.disk, dir, this.now());
  }

  rename(from: string, to: string): void {
    renameOnDisk(this.disk, this.root, from, to, this.now());
  }

  sameFile(a: string, b: string): boolean {
    return this.disk.inode(this.entry(a, 'rename')) === this.disk.inode(this.entry(b, 'rename'));
  }

  setattr(path: string, attrs: SetAttr): void {
    applySetAttr(this.disk, this.disk.inode(this.entry(path, attrs.size !== undefined ? 'truncate' : 'chmod')), attrs, this.now(), path);
  }

  open(path: string, mode: 'r' | 'w' | 'rw'): FileHandle {
    const inode = this.disk.inode(this.entry(path, 'open'));
    const type = this.disk.stat(inode).mode & S_IFMT;
    if (type === S_IFDIR && mode !== 'r') throw new FsError('EISDIR', 'open', path);
    return new DiskFileHandle(this.disk, inode, this.dev, this.now, mode !== 'r');
  }
}

/**
 * rename(2) within one directory tree on a Disk, with its rules:
 * renaming onto itself (or another link to the same inode) does nothing;
 * a directory may only replace an empty directory; a non-directory may not
 * replace a directory; a directory may not move under itself.
 */
export function renameOnDisk(disk: Disk, root: DiskEntry, from: string, to: string, now: number): void {
  const src = splitPath(from);
  const dst = splitPath(to);
  if (src.name === '' || dst.name === '') throw new FsError('EBUSY', 'rename', from, to);
  const srcDir = walkDirs(disk, root, src.dirs, 'rename', from);
  const srcEntry = disk.lookup(srcDir, src.name);
  if (!srcEntry) throw new FsError('ENOENT', 'rename', from, to);
  const dstDir = walkDirs(disk, root, dst.dirs, 'rename', to);
  if (utf8(dst.name).length > NAME_MAX) throw new FsError('ENAMETOOLONG', 'rename', from, to);
  const srcInode = disk.inode(srcEntry);
  const srcIsDir = isDir(disk.stat(srcInode).mode);
  if (srcIsDir && (to + '/').startsWith(from + '/') && to !== from) throw new FsError('EINVAL', 'rename', from, to);
  const dstEntry = disk.lookup(dstDir, dst.name);
  if (dstEntry) {
    const dstInode = disk.inode(dstEntry);
    if (dstInode === srcInode) return;
    const dstIsDir = isDir(disk.stat(dstInode).mode);
    if (srcIsDir && !dstIsDir) throw new FsError('ENOTDIR', 'rename', from, to);
    if (!srcIsDir && dstIsDir) throw new FsError('EISDIR', 'rename', from, to);
    if (dstIsDir && disk.count(dstEntry) > 0) throw new FsError('ENOTEMPTY', 'rename', from, to);
    // A directory may not be replaced by one of its own ancestors.
    if (srcIsDir && (from + '/').startsWith(to + '/')) throw new FsError('ENOTEMPTY', 'rename', from, to);
    disk.unlink(dstDir, dst.name);
    disk.setTimes(dstInode, { ctimeMs: now });
  }
  disk.move(srcDir, src.name, dstDir, dst.name);
  disk.setTimes(srcInode, { ctimeMs: now });
  touchDir(disk, srcDir, now);
  if (dstDir !== srcDir) touchDir(disk, dstDir, now);
}
