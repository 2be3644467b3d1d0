/**
 * The VFS: path names and permissions, the part of Linux's file system code
 * that sits above every filesystem.
 *
 * A process names files by path. The VFS walks the path one component at a
 * time: it checks search (x) permission on each directory, follows symbolic
 * links (at most 40, then ELOOP), crosses mount points, and treats ".." at a
 * mount's root as a step back into the parent filesystem. It then asks the
 * filesystem that holds the file to do the work, after checking the caller's
 * credentials the way Linux's generic_permission(), may_create() and
 * may_delete() do. Filesystems (engine/fs/types.ts) never see a symlink in
 * the middle of a path, a "..", or a credential.
 */
import { FsError } from './errno.ts';
import {
  S_IFMT,
  S_IFREG,
  S_ISGID,
  S_ISUID,
  S_ISVTX,
  isDir,
  isSymlink,
  type FileHandle,
  type FileSystem,
  type SetAttr,
  type Stat,
} from './types.ts';

export interface MountInfo {
  source: string;
  type: string;
  options: string[];
}

/** Who is asking: effective uid/gid and supplementary groups. uid 0 has every capability. */
export interface Cred {
  uid: number;
  gid: number;
  groups: readonly number[];
}

export const ROOT: Cred = { uid: 0, gid: 0, groups: [0] };

export const R_OK = 4;
export const W_OK = 2;
export const X_OK = 1;

const MAX_SYMLINKS = 40;
const PATH_MAX = 4096;

/** Where a path ended up: which filesystem, and the path inside it. */
export interface Location {
  fs: FileSystem;
  /** Path inside `fs`, normalized ("/" for its root). */
  path: string;
  /** Canonical absolute path in the VFS namespace (symlinks resolved). */
  vfsPath: string;
}

export interface OpenFlags {
  read: boolean;
  write: boolean;
  create?: boolean;
  exclusive?: boolean;
  truncate?: boolean;
  /** O_NOFOLLOW: fail with ELOOP if the final component is a symlink. */
  noFollow?: boolean;
  /** O_DIRECTORY */
  directory?: boolean;
}

/** Linux's permission check for one inode (generic_permission with root's capabilities). */
export function permits(st: Stat, cred: Cred, want: number): boolean {
  if (cred.uid === 0) {
    // CAP_DAC_OVERRIDE: everything, except executing a file with no x bit at all.
    if ((want & X_OK) && !isDir(st.mode) && (st.mode & 0o111) === 0) return false;
    return true;
  }
  let bits: number;
  if (st.uid === cred.uid) bits = (st.mode >> 6) & 7;
  else if (st.gid === cred.gid || cred.groups.includes(st.gid)) bits = (st.mode >> 3) & 7;
  else bits = st.mode & 7;
  return (bits & want) === want;
}

const inGroup = (cred: Cred, gid: number): boolean => cred.gid === gid || cred.groups.includes(gid);

/** Times for utimensat: a value in ms, the current time, or left as it is. */
export interface Times {
  atimeMs: number | 'now' | 'omit';
  mtimeMs: number | 'now' | 'omit';
}

export class Vfs {
  /**
   * Mounts in the order they were made; "/" is first. A later mount on the
   * same path hides an earlier one until it is unmounted, as on Linux.
   */
  private readonly mounts: { path: string; fs: FileSystem; info: MountInfo }[] = [];

  constructor(
    root: FileSystem,
    private readonly now: () => number = () => Date.now(),
    rootInfo: MountInfo = { source: 'rootfs', type: 'rootfs', options: ['rw'] },
  ) {
    this.mounts.push({ path: '/', fs: root, info: rootInfo });
  }

  /** Mounts `fs` at the existing directory `path` (already canonical), on top of whatever is there. */
  mount(path: string, fs: FileSystem, info: MountInfo = { source: 'none', type: 'none', options: ['rw'] }): void {
    this.mounts.push({ path: canonical(path), fs, info });
  }

  /** Unmounts the topmost mount at `path`. */
  umount(path: string): void {
    const p = canonical(path);
    const at = this.mounts.findLastIndex((m) => m.path === p);
    if (at < 0) throw new FsError('EINVAL', 'umount', path);
    if (at === 0) throw new FsError('EBUSY', 'umount', path);
    if (this.mounts.some((m, i) => i > at && m.path.startsWith(p === '/' ? '/' : p + '/'))) throw new FsError('EBUSY', 'umount', path);
    this.mounts.splice(at, 1);
  }

  /** The mount table, in mount order, as /proc/mounts lists it. */
  mountTable(): { path: string; fs: FileSystem; info: MountInfo }[] {
    return this.mounts.map((m) => ({ ...m }));
  }

  /** What /proc/mounts says about the mount a path is on. */
  mountOf(vfsPath: string): MountInfo {
    return this.mounts.find((m) => m === this.locateMount(vfsPath))!.info;
  }

  private isMountPoint(vfsPath: string): boolean {
    return this.mounts.some((m) => m.path === vfsPath);
  }

  /** The filesystem and inner path for a canonical VFS path. */
  private locateMount(vfsPath: string) {
    let best = this.mounts[0]!;
    for (const m of this.mounts) {
      if ((m.path === vfsPath || vfsPath.startsWith(m.path === '/' ? '/' : m.path + '/')) && m.path.length >= best.path.length) best = m;
    }
    return best;
  }

  private locate(vfsPath: string): Location {
    const best = this.locateMount(vfsPath);
    const inner = best.path === '/' ? vfsPath : vfsPath.slice(best.path.length) || '/';
    return { fs: best.fs, path: inner, vfsPath };
  }

  private lstatAt(vfsPath: string): Stat {
    const loc = this.locate(vfsPath);
    return loc.fs.lstat(loc.path);
  }

  /**
   * Walks `path` from `cwd`. Follows a final symlink when `follow` is set.
   * With `parent`, stops before the final component and returns it
   * separately (for create, unlink, rename…); the final component is then
   * neither looked up nor followed.
   */
  walk(path: string, cred: Cred, cwd: string, opts: { follow: boolean; syscall: string }): Location {
    const { dir, name, trailingSlash } = this.walkParent(path, cred, cwd, opts.syscall);
    if (name === null) return this.locate(dir);
    const loc = this.finish(dir, name, trailingSlash || opts.follow, cred, opts.syscall, path, 0);
    if (trailingSlash && !isDir(loc.fs.lstat(loc.path).mode)) throw new FsError('ENOTDIR', opts.syscall, path);
    return loc;
  }

  private finish(dir: string, name: string, follow: boolean, cred: Cred, syscall: string, path: string, links: number): Location {
    const full = dir === '/' ? '/' + name : dir + '/' + name;
    const st = this.lstatOrThrow(full, syscall, path);
    if (isSymlink(st.mode) && follow) {
      if (links >= MAX_SYMLINKS) throw new FsError('ELOOP', syscall, path);
      const target = this.readlinkAt(full);
      const r = this.walkParentFrom(target, dir, cred, syscall, links + 1);
      if (r.name === null) return this.locate(r.dir);
      return this.finish(r.dir, r.name, true, cred, syscall, path, r.links);
    }
    return this.locate(full);
  }

  private lstatOrThrow(vfsPath: string, syscall: string, path: string): Stat {
    try {
      return this.lstatAt(vfsPath);
    } catch (err) {
      if (err instanceof FsError) throw new FsError(err.code, syscall, path);
      throw err;
    }
  }

  private readlinkAt(vfsPath: string): string {
    const loc = this.locate(vfsPath);
    return loc.fs.readlink(loc.path);
  }

  /**
   * Resolves every component but the last. Returns the canonical directory,
   * the final name (null when the path names a directory itself, like "/" or
   * "a/.."), and whether the path ended in "/".
   */
  walkParent(path: string, cred: Cred, cwd: string, syscall: string): { dir: string; name: string | null; trailingSlash: boolean } {
    if (path === '') throw new FsError('ENOENT', syscall, path);
    if (path.length >= PATH_MAX) throw new FsError('ENAMETOOLONG', syscall, path);
    const r = this.walkParentFrom(path, cwd, cred, syscall, 0);
    return { dir: r.dir, name: r.name, trailingSlash: /\/$/.test(path) && r.name !== null };
  }

  private walkParentFrom(
    path: string,
    start: string,
    cred: Cred,
    syscall: string,
    links: number,
  ): { dir: string; name: string | null; links: number } {
    let cur = path.startsWith('/') ? [] : start.split('/').filter((c) => c !== '');
    const queue = path.split('/').filter((c) => c !== '' && c !== '.');
    // "a/." and "a/.." name directories: no final name to hand back.
    const endsInDot = /(^|\/)\.\.?\/*$/.test(path);
    while (queue.length > 0) {
      const c = queue.shift()!;
      const dir = '/' + cur.join('/');
      const dirSt = this.lstatOrThrow(dir, syscall, path);
      if (!isDir(dirSt.mode)) throw new FsError('ENOTDIR', syscall, path);
      if (!permits(dirSt, cred, X_OK)) throw new FsError('EACCES', syscall, path);
      if (c === '..') {
        cur.pop();
        continue;
      }
      if (queue.length === 0 && !endsInDot) return { dir, name: c, links };
      const next = dir === '/' ? '/' + c : dir + '/' + c;
      const st = this.lstatOrThrow(next, syscall, path);
      if (isSymlink(st.mode)) {
        if (++links > MAX_SYMLINKS) throw new FsError('ELOOP', syscall, path);
        const target = this.readlinkAt(next);
        if (target.startsWith('/')) cur = [];
        queue.unshift(...target.split('/').filter((t) => t !== '' && t !== '.'));
        continue;
      }
      cur.push(c);
    }
    const dir = '/' + cur.join('/');
    const st = this.lstatOrThrow(dir, syscall, path);
    if (!isDir(st.mode)) throw new FsError('ENOTDIR', syscall, path);
    return { dir, name: null, links };
  }

  // ---- checks shared by the calls below ---------------------------------

  /** may_create: write and search permission on the directory. */
  private mayCreate(dir: Location, cred: Cred, syscall: string, path: string): Stat {
    const st = dir.fs.lstat(dir.path);
    if (!permits(st, cred, W_OK | X_OK)) throw new FsError('EACCES', syscall, path);
    return st;
  }

  /**
   * may_delete, in the kernel's order: write+search permission on the
   * directory (EACCES), the sticky bit (EPERM), then the victim's type
   * (ENOTDIR for rmdir of a non-directory, EISDIR for unlink of a directory).
   */
  private mayDelete(dir: Location, victim: Stat, isdir: boolean, cred: Cred, syscall: string, path: string): void {
    const dst = dir.fs.lstat(dir.path);
    if (!permits(dst, cred, W_OK | X_OK)) throw new FsError('EACCES', syscall, path);
    if ((dst.mode & S_ISVTX) && cred.uid !== 0 && cred.uid !== victim.uid && cred.uid !== dst.uid) {
      throw new FsError('EPERM', syscall, path);
    }
    if (isdir && !isDir(victim.mode)) throw new FsError('ENOTDIR', syscall, path);
    if (!isdir && isDir(victim.mode)) throw new FsError('EISDIR', syscall, path);
  }

  private child(dir: Location, name: string): Location {
    const join = (p: string) => (p === '/' ? '/' + name : p + '/' + name);
    return this.locate(join(dir.vfsPath));
  }

  /** Owner for a new inode: the caller, with the directory's group when it is setgid. */
  private newOwner(dirSt: Stat, cred: Cred): { uid: number; gid: number } {
    return { uid: cred.uid, gid: dirSt.mode & S_ISGID ? dirSt.gid : cred.gid };
  }

  private parentFor(path: string, cred: Cred, cwd: string, syscall: string): { dir: Location; name: string; trailingSlash: boolean } {
    const r = this.walkParent(path, cred, cwd, syscall);
    if (r.name === null) throw new FsError(syscall === 'rmdir' ? 'EBUSY' : 'EEXIST', syscall, path);
    return { dir: this.locate(r.dir), name: r.name, trailingSlash: r.trailingSlash };
  }

  private exists(loc: Location): Stat | undefined {
    try {
      return loc.fs.lstat(loc.path);
    } catch (err) {
      if (err instanceof FsError && err.code === 'ENOENT') return undefined;
      throw err;
    }
  }

  // ---- system calls -------------------------------------------------------

  stat(path: string, cred: Cred, cwd = '/'): Stat {
    const loc = this.walk(path, cred, cwd, { follow: true, syscall: 'stat' });
    return loc.fs.lstat(loc.path);
  }

  lstat(path: string, cred: Cred, cwd = '/'): Stat {
    const loc = this.walk(path, cred, cwd, { follow: false, syscall: 'lstat' });
    return loc.fs.lstat(loc.path);
  }

  readlink(path: string, cred: Cred, cwd = '/'): string {
    const loc = this.walk(path, cred, cwd, { follow: false, syscall: 'readlink' });
    return loc.fs.readlink(loc.path);
  }

  readdir(path: string, cred: Cred, cwd = '/'): string[] {
    const loc = this.walk(path, cred, cwd, { follow: true, syscall: 'scandir' });
    const st = loc.fs.lstat(loc.path);
    if (!isDir(st.mode)) throw new FsError('ENOTDIR', 'scandir', path);
    if (!permits(st, cred, R_OK)) throw new FsError('EACCES', 'scandir', path);
    return loc.fs.readdir(loc.path);
  }

  access(path: string, mode: number, cred: Cred, cwd = '/'): void {
    const loc = this.walk(path, cred, cwd, { follow: true, syscall: 'access' });
    if (mode !== 0 && !permits(loc.fs.lstat(loc.path), cred, mode)) throw new FsError('EACCES', 'access', path);
  }

  mkdir(path: string, mode: number, cred: Cred, cwd = '/', umask = 0o022): void {
    const { dir, name } = this.parentFor(path, cred, cwd, 'mkdir');
    const target = this.child(dir, name);
    if (this.exists(target)) throw new FsError('EEXIST', 'mkdir', path);
    const dirSt = this.mayCreate(dir, cred, 'mkdir', path);
    let bits = mode & ~umask & 0o1777;
    if (dirSt.mode & S_ISGID) bits |= S_ISGID;
    target.fs.mkdir(target.path, bits, this.newOwner(dirSt, cred));
  }

  rmdir(path: string, cred: Cred, cwd = '/'): void {
    const r = this.walkParent(path, cred, cwd, 'rmdir');
    if (r.name === null) throw new FsError(/\.\.\/*$/.test(path) ? 'ENOTEMPTY' : r.dir === '/' ? 'EBUSY' : 'EINVAL', 'rmdir', path);
    const dir = this.locate(r.dir);
    const target = this.child(dir, r.name);
    const st = this.lstatOrThrow(target.vfsPath, 'rmdir', path);
    this.mayDelete(dir, st, true, cred, 'rmdir', path);
    if (this.isMountPoint(target.vfsPath)) throw new FsError('EBUSY', 'rmdir', path);
    target.fs.rmdir(target.path);
  }

  unlink(path: string, cred: Cred, cwd = '/'): void {
    const r = this.walkParent(path, cred, cwd, 'unlink');
    if (r.name === null) throw new FsError('EISDIR', 'unlink', path);
    const dir = this.locate(r.dir);
    const target = this.child(dir, r.name);
    const st = this.lstatOrThrow(target.vfsPath, 'unlink', path);
    if (r.trailingSlash) throw new FsError(isDir(st.mode) ? 'EISDIR' : 'ENOTDIR', 'unlink', path);
    this.mayDelete(dir, st, false, cred, 'unlink', path);
    target.fs.unlink(target.path);
  }

  symlink(target: string, path: string, cred: Cred, cwd = '/'): void {
    const { dir, name } = this.parentFor(path, cred, cwd, 'symlink');
    const loc = this.child(dir, name);
    if (this.exists(loc)) throw new FsError('EEXIST', 'symlink', path);
    const dirSt = this.mayCreate(dir, cred, 'symlink', path);
    loc.fs.symlink(target, loc.path, this.newOwner(dirSt, cred));
  }

  /** Whether fs.protected_hardlinks (1 on most distributions, and on this kind of host) applies. */
  protectedHardlinks = true;

  link(existing: string, path: string, cred: Cred, cwd = '/'): void {
    const src = this.walk(existing, cred, cwd, { follow: false, syscall: 'link' });
    const srcSt = src.fs.lstat(src.path);
    const { dir, name } = this.parentFor(path, cred, cwd, 'link');
    const dst = this.child(dir, name);
    if (this.exists(dst)) throw new FsError('EEXIST', 'link', existing, path);
    // may_linkat: only link what you own, or a plain file you could read and write.
    if (this.protectedHardlinks && cred.uid !== 0 && cred.uid !== srcSt.uid) {
      const safe = (srcSt.mode & S_IFMT) === S_IFREG && !(srcSt.mode & S_ISUID) && !((srcSt.mode & S_ISGID) && (srcSt.mode & 0o010)) && permits(srcSt, cred, R_OK | W_OK);
      if (!safe) throw new FsError('EPERM', 'link', existing, path);
    }
    this.mayCreate(dir, cred, 'link', path);
    if (dst.fs !== src.fs) throw new FsError('EXDEV', 'link', existing, path);
    if (isDir(srcSt.mode)) throw new FsError('EPERM', 'link', existing, path);
    dst.fs.link(src.path, dst.path);
  }

  /** rename(2), with the checks in the kernel's order (do_renameat2, then vfs_rename). */
  rename(from: string, to: string, cred: Cred, cwd = '/'): void {
    const a = this.walkParent(from, cred, cwd, 'rename');
    const b = this.walkParent(to, cred, cwd, 'rename');
    if (a.name === null || b.name === null) throw new FsError('EBUSY', 'rename', from, to);
    const srcDir = this.locate(a.dir);
    const dstDir = this.locate(b.dir);
    const src = this.child(srcDir, a.name);
    const dst = this.child(dstDir, b.name);
    if (srcDir.fs !== dstDir.fs) throw new FsError('EXDEV', 'rename', from, to);
    const srcSt = this.lstatOrThrow(src.vfsPath, 'rename', from);
    const srcIsDir = isDir(srcSt.mode);
    if (!srcIsDir && (a.trailingSlash || b.trailingSlash)) throw new FsError('ENOTDIR', 'rename', from, to);
    // The source may not be an ancestor of the target, nor the target of the source.
    if ((dst.vfsPath + '/').startsWith(src.vfsPath + '/') && dst.vfsPath !== src.vfsPath) throw new FsError('EINVAL', 'rename', from, to);
    if ((src.vfsPath + '/').startsWith(dst.vfsPath + '/') && dst.vfsPath !== src.vfsPath) throw new FsError('ENOTEMPTY', 'rename', from, to);
    const dstSt = this.exists(dst);
    if (dst.vfsPath === src.vfsPath) return;
    if (dstSt && !srcIsDir && src.fs.sameFile(src.path, dst.path)) return;
    this.mayDelete(srcDir, srcSt, srcIsDir, cred, 'rename', from);
    if (dstSt) this.mayDelete(dstDir, dstSt, srcIsDir, cred, 'rename', to);
    else this.mayCreate(dstDir, cred, 'rename', to);
    if (srcIsDir && srcDir.vfsPath !== dstDir.vfsPath && !permits(srcSt, cred, W_OK)) throw new FsError('EACCES', 'rename', from, to);
    if (this.isMountPoint(src.vfsPath) || this.isMountPoint(dst.vfsPath)) throw new FsError('EBUSY', 'rename', from, to);
    src.fs.rename(src.path, dst.path);
  }

  chmod(path: string, mode: number, cred: Cred, cwd = '/', follow = true): void {
    const loc = this.walk(path, cred, cwd, { follow, syscall: 'chmod' });
    const st = loc.fs.lstat(loc.path);
    if (cred.uid !== 0 && cred.uid !== st.uid) throw new FsError('EPERM', 'chmod', path);
    let bits = mode & 0o7777;
    // setattr_prepare: an owner outside the file's group cannot set setgid (the bit is dropped), on files and directories alike.
    if (cred.uid !== 0 && !inGroup(cred, st.gid)) bits &= ~S_ISGID;
    loc.fs.setattr(loc.path, { mode: bits });
  }

  chown(path: string, uid: number, gid: number, cred: Cred, cwd = '/', follow = true): void {
    const loc = this.walk(path, cred, cwd, { follow, syscall: follow ? 'chown' : 'lchown' });
    const st = loc.fs.lstat(loc.path);
    const newUid = uid === -1 ? st.uid : uid;
    const newGid = gid === -1 ? st.gid : gid;
    if (cred.uid !== 0) {
      // Only root gives files away; an owner may change the group to one of their own.
      if (newUid !== st.uid || cred.uid !== st.uid || (newGid !== st.gid && !inGroup(cred, newGid))) {
        throw new FsError('EPERM', follow ? 'chown' : 'lchown', path);
      }
    }
    if (newUid === st.uid && newGid === st.gid && uid === -1 && gid === -1) return;
    loc.fs.setattr(loc.path, { uid: newUid, gid: newGid });
  }

  /** utimensat: explicit times need ownership; "now" needs ownership or write access. */
  /**
   * utimensat(2): each time is a value, 'now' or 'omit'; null means both
   * now. Setting a time to now needs ownership or write access; setting an
   * explicit time needs ownership (root may do either).
   */
  utimes(path: string, times: Times | null, cred: Cred, cwd = '/', follow = true): void {
    const loc = this.walk(path, cred, cwd, { follow, syscall: 'utime' });
    const t: Times = times ?? { atimeMs: 'now', mtimeMs: 'now' };
    if (t.atimeMs === 'omit' && t.mtimeMs === 'omit') return;
    const st = loc.fs.lstat(loc.path);
    if (cred.uid !== 0 && cred.uid !== st.uid) {
      const explicit = typeof t.atimeMs === 'number' || typeof t.mtimeMs === 'number';
      if (explicit) throw new FsError('EPERM', 'utime', path);
      if (!permits(st, cred, W_OK)) throw new FsError('EACCES', 'utime', path);
    }
    const now = this.now();
    const value = (v: Times['atimeMs']) => (v === 'now' ? now : v === 'omit' ? undefined : v);
    const attrs: { atimeMs?: number; mtimeMs?: number } = {};
    const a = value(t.atimeMs);
    const m = value(t.mtimeMs);
    if (a !== undefined) attrs.atimeMs = a;
    if (m !== undefined) attrs.mtimeMs = m;
    loc.fs.setattr(loc.path, attrs);
  }

  truncate(path: string, size: number, cred: Cred, cwd = '/'): void {
    const loc = this.walk(path, cred, cwd, { follow: true, syscall: 'truncate' });
    const st = loc.fs.lstat(loc.path);
    if (isDir(st.mode)) throw new FsError('EISDIR', 'truncate', path);
    if (!permits(st, cred, W_OK)) throw new FsError('EACCES', 'truncate', path);
    const mode = cred.uid === 0 ? st.mode : privsToKill(st.mode);
    loc.fs.setattr(loc.path, mode === st.mode ? { size } : { size, mode: mode & 0o7777 });
  }

  open(path: string, flags: OpenFlags, cred: Cred, cwd = '/', mode = 0o666, umask = 0o022): FileHandle {
    const access = flags.write ? (flags.read ? 'rw' : 'w') : 'r';
    let loc: Location;
    if (flags.create) {
      // O_CREAT: the final name may be new. A symlink there is followed (unless
      // O_EXCL or O_NOFOLLOW), and a dangling one creates its target.
      const first = this.walkParent(path, cred, cwd, 'open');
      if (first.name === null) throw new FsError('EISDIR', 'open', path);
      let { dir, name, trailingSlash } = { dir: first.dir, name: first.name, trailingSlash: first.trailingSlash };
      let links = 0;
      for (;;) {
        const target = this.child(this.locate(dir), name);
        const st = this.exists(target);
        if (st && isSymlink(st.mode) && !flags.exclusive && !flags.noFollow) {
          if (++links > MAX_SYMLINKS) throw new FsError('ELOOP', 'open', path);
          const r = this.walkParentFrom(target.fs.readlink(target.path), dir, cred, 'open', links);
          if (r.name === null) throw new FsError('EISDIR', 'open', path);
          dir = r.dir;
          name = r.name;
          links = r.links;
          trailingSlash = false;
          continue;
        }
        if (st && flags.exclusive) throw new FsError('EEXIST', 'open', path);
        if (!st) {
          if (trailingSlash) throw new FsError('EISDIR', 'open', path);
          const parent = this.locate(dir);
          const dirSt = this.mayCreate(parent, cred, 'open', path);
          target.fs.create(target.path, mode & ~umask & 0o7777, this.newOwner(dirSt, cred));
          return target.fs.open(target.path, access);
        }
        loc = target;
        break;
      }
    } else {
      loc = this.walk(path, cred, cwd, { follow: !flags.noFollow, syscall: 'open' });
    }
    const st = loc.fs.lstat(loc.path);
    if (isSymlink(st.mode)) throw new FsError('ELOOP', 'open', path);
    if (flags.directory && !isDir(st.mode)) throw new FsError('ENOTDIR', 'open', path);
    if (isDir(st.mode) && flags.write) throw new FsError('EISDIR', 'open', path);
    const want = (flags.read ? R_OK : 0) | (flags.write ? W_OK : 0);
    if (!permits(st, cred, want)) throw new FsError('EACCES', 'open', path);
    const handle = loc.fs.open(loc.path, access);
    if (flags.truncate && flags.write && (st.mode & S_IFMT) === S_IFREG) {
      handle.truncate(0);
      killPrivs(handle, handle.stat().mode, cred);
    }
    return flags.write && cred.uid !== 0 && privsToKill(st.mode) !== st.mode ? new KillPrivsOnWrite(handle, cred) : handle;
  }
}

/**
 * The mode a regular file is left with when someone without CAP_FSETID
 * writes to it (file_remove_privs): no setuid, and no setgid if group-executable.
 */
function privsToKill(mode: number): number {
  if ((mode & S_IFMT) !== S_IFREG) return mode;
  let m = mode & ~S_ISUID;
  if (m & 0o010) m &= ~S_ISGID;
  return m;
}

function killPrivs(handle: FileHandle, mode: number, cred: Cred): void {
  if (cred.uid === 0) return;
  const killed = privsToKill(mode);
  if (killed !== mode) handle.setattr({ mode: killed & 0o7777 });
}

/** A writable handle that drops setuid/setgid on the first write or truncate by an ordinary user. */
class KillPrivsOnWrite implements FileHandle {
  constructor(
    private readonly inner: FileHandle,
    private readonly cred: Cred,
  ) {}
  read(buf: Uint8Array, position: number): number {
    return this.inner.read(buf, position);
  }
  write(data: Uint8Array, position: number): number {
    killPrivs(this.inner, this.inner.stat().mode, this.cred);
    return this.inner.write(data, position);
  }
  truncate(size: number): void {
    killPrivs(this.inner, this.inner.stat().mode, this.cred);
    this.inner.truncate(size);
  }
  stat(): Stat {
    return this.inner.stat();
  }
  setattr(attrs: SetAttr): void {
    this.inner.setattr(attrs);
  }
  close(): void {
    this.inner.close();
  }
}

function canonical(path: string): string {
  const parts = path.split('/').filter((c) => c !== '' && c !== '.');
  return '/' + parts.join('/');
}

