/**
 * OverlayFs: Linux's overlay filesystem, emulated over a Disk.
 *
 * A container's root filesystem is its image's layers (read-only, "lower")
 * with one writable directory on top ("upper"). Reading finds the topmost
 * copy of a name. Writing never touches a lower layer:
 *
 * - copy-up: before a lower file is changed in any way (written, truncated,
 *   chmod, chown, utimes, linked), it is copied into the upper directory
 *   with its attributes, along with any parent directories not yet there;
 * - whiteout: deleting a name that exists below leaves a marker in the
 *   upper directory that hides it;
 * - opaque: a directory created where a deleted one used to be is marked so
 *   that the old contents below stay hidden;
 * - renaming a directory that exists below fails with EXDEV (as with
 *   overlayfs's default redirect_dir=off); `mv` then copies instead.
 *
 * How this differs from the kernel: Linux stores a whiteout as a 0/0
 * character device and opacity as an xattr. memfs has neither, so Berth
 * stores them the way OCI layer tars (and the older AUFS driver) do, as
 * files named `.wh.<name>` and `.wh..wh..opq`. Names starting with `.wh.`
 * are therefore reserved: creating one fails with EPERM. The upper
 * directory is then already in layer format: exporting it is a plain tar.
 */
import type { Disk, DiskEntry, DiskInode } from '../platform/types.ts';
import { FsError } from '../fs/errno.ts';
import { DiskFileHandle, NAME_MAX, allocateDev, applySetAttr, splitPath, toStat, touchDir } from '../fs/diskfs.ts';
import {
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  isDir,
  type FileHandle,
  type FileSystem,
  type Owner,
  type SetAttr,
  type Stat,
} from '../fs/types.ts';
import { utf8 } from '../common/bytes.ts';
import { LowerDir, LowerIndex, OPAQUE_MARKER, WHITEOUT_PREFIX, isMarker, type LowerNode } from './lower.ts';

/** What a path is in the overlay: its upper entry, the lower node it merges with, or both. */
interface Node {
  upper?: DiskEntry;
  lower?: LowerNode;
}

export interface OverlayOptions {
  disk: Disk;
  /** Root directories of the lower layers, topmost first. */
  lowers: readonly DiskEntry[];
  upper: DiskEntry;
  now: () => number;
  /** A LowerIndex for exactly these lowers, shared between mounts of the same image. */
  index?: LowerIndex;
}

const COPY_CHUNK = 64 * 1024;

export class OverlayFs implements FileSystem {
  readonly dev = allocateDev();
  readonly index: LowerIndex;
  private readonly disk: Disk;
  private readonly upperRoot: DiskEntry;
  private readonly now: () => number;

  constructor(options: OverlayOptions) {
    this.disk = options.disk;
    this.upperRoot = options.upper;
    this.now = options.now;
    this.index = options.index ?? new LowerIndex(options.disk, options.lowers);
  }

  // ---- looking things up ------------------------------------------------

  private isOpaque(dir: DiskEntry): boolean {
    return this.disk.lookup(dir, OPAQUE_MARKER) !== undefined;
  }

  private rootNode(): Node {
    return { upper: this.upperRoot, lower: this.isOpaque(this.upperRoot) ? undefined : this.index.root };
  }

  /** The child `name` of directory node `dir`, as the merged view shows it. */
  private child(dir: Node, name: string): Node | undefined {
    // Markers are bookkeeping, never files: `.wh.x` cannot be looked up.
    if (isMarker(name)) return undefined;
    const upper = dir.upper ? this.disk.lookup(dir.upper, name) : undefined;
    const lowerDir = dir.lower?.kind === 'dir' ? dir.lower : undefined;
    if (upper) {
      if (!this.upperIsDir(upper)) return { upper };
      const below = lowerDir && !this.isOpaque(upper) ? lowerDir.child(name) : undefined;
      return { upper, lower: below?.kind === 'dir' ? below : undefined };
    }
    if (dir.upper && this.disk.lookup(dir.upper, WHITEOUT_PREFIX + name)) return undefined;
    const lower = lowerDir?.child(name);
    return lower ? { lower } : undefined;
  }

  private upperIsDir(e: DiskEntry): boolean {
    return isDir(this.disk.stat(this.disk.inode(e)).mode);
  }

  private nodeMode(n: Node): number {
    return this.disk.stat(this.inodeOf(n)).mode;
  }

  /** The inode whose attributes the merged view shows for `n`. */
  private inodeOf(n: Node): DiskInode {
    if (n.upper) return this.disk.inode(n.upper);
    const l = n.lower!;
    return this.disk.inode(l.kind === 'dir' ? l.top.entry : l.entry);
  }

  /** Resolves a normalized path whose leading components are all directories. */
  private resolve(path: string, syscall: string): Node {
    let node = this.rootNode();
    for (const c of path.split('/')) {
      if (c === '') continue;
      if (!isDir(this.nodeMode(node))) throw new FsError('ENOTDIR', syscall, path);
      const next = this.child(node, c);
      if (!next) throw new FsError('ENOENT', syscall, path);
      node = next;
    }
    return node;
  }

  /** The parent directory node of `path` plus the final name, checked as a new name would be. */
  private parent(path: string, syscall: string): { dirPath: string; dir: Node; name: string } {
    const { dirs, name } = splitPath(path);
    const dirPath = '/' + dirs.join('/');
    const dir = this.resolve(dirPath, syscall);
    if (!isDir(this.nodeMode(dir))) throw new FsError('ENOTDIR', syscall, path);
    return { dirPath, dir, name };
  }

  private checkNewName(name: string, syscall: string, path: string): void {
    if (name === '') throw new FsError('EEXIST', syscall, path);
    if (utf8(name).length > NAME_MAX) throw new FsError('ENAMETOOLONG', syscall, path);
    if (isMarker(name)) throw new FsError('EPERM', syscall, path);
  }

  /** Whether any lower layer shows `name` under this directory (so deleting it needs a whiteout). */
  private lowerHas(dir: Node, name: string): boolean {
    return dir.lower?.kind === 'dir' && dir.lower.child(name) !== undefined;
  }

  // ---- copy-up ----------------------------------------------------------

  /**
   * Makes sure the directory at `dirPath` exists in the upper layer, copying
   * up each missing directory with its owner, mode and times. Returns it.
   */
  private upperDir(dirPath: string): DiskEntry {
    let node = this.rootNode();
    let upper = this.upperRoot;
    for (const c of dirPath.split('/')) {
      if (c === '') continue;
      const next = this.child(node, c)!;
      if (!next.upper) next.upper = this.copyUpEntry(upper, c, next.lower!);
      upper = next.upper;
      node = next;
    }
    return upper;
  }

  /** Copies a lower entry into upper directory `parent` as `name`. */
  private copyUpEntry(parent: DiskEntry, name: string, lower: LowerNode): DiskEntry {
    const disk = this.disk;
    const source = lower.kind === 'dir' ? lower.top.entry : lower.entry;
    const st = disk.stat(disk.inode(source));
    const parentTimes = disk.stat(disk.inode(parent));
    const type = st.mode & S_IFMT;
    const created = disk.create(parent, name, {
      mode: st.mode,
      uid: st.uid,
      gid: st.gid,
      timeMs: this.now(),
      target: type === S_IFLNK ? disk.readlink(disk.inode(source)) : undefined,
      rdev: st.rdev,
    });
    const inode = disk.inode(created);
    if (type === S_IFREG) this.copyData(disk.inode(source), inode, st.size);
    disk.setTimes(inode, { atimeMs: st.atimeMs, mtimeMs: st.mtimeMs });
    // Copy-up is not a change to the parent directory: overlayfs puts its times back.
    disk.setTimes(disk.inode(parent), { atimeMs: parentTimes.atimeMs, mtimeMs: parentTimes.mtimeMs, ctimeMs: parentTimes.ctimeMs });
    return created;
  }

  private copyData(from: DiskInode, to: DiskInode, size: number): void {
    const buf = new Uint8Array(Math.min(COPY_CHUNK, size));
    for (let at = 0; at < size; ) {
      const n = this.disk.read(from, buf, at);
      if (n <= 0) break;
      this.disk.write(to, buf.subarray(0, n), at);
      at += n;
    }
  }

  /** Copies up the entry at `path` (and its parents); returns its upper entry. */
  private copyUp(path: string, node: Node, syscall: string): DiskEntry {
    if (node.upper) return node.upper;
    const { dirPath, name } = this.parent(path, syscall);
    const parent = this.upperDir(dirPath);
    node.upper = this.copyUpEntry(parent, name, node.lower!);
    return node.upper;
  }

  // ---- markers ----------------------------------------------------------

  private addWhiteout(parent: DiskEntry, name: string): void {
    if (this.disk.lookup(parent, WHITEOUT_PREFIX + name)) return;
    // Written as Docker writes a whiteout into a layer tar: an empty 0600 file.
    this.disk.create(parent, WHITEOUT_PREFIX + name, { mode: S_IFREG | 0o600, uid: 0, gid: 0, timeMs: this.now() });
  }

  /** Removes a whiteout for `name`, returning whether there was one. */
  private clearWhiteout(parent: DiskEntry, name: string): boolean {
    if (!this.disk.lookup(parent, WHITEOUT_PREFIX + name)) return false;
    this.disk.unlink(parent, WHITEOUT_PREFIX + name);
    return true;
  }

  private markOpaque(dir: DiskEntry): void {
    if (this.isOpaque(dir)) return;
    const st = this.disk.stat(this.disk.inode(dir));
    const times = { mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
    this.disk.create(dir, OPAQUE_MARKER, { mode: S_IFREG | (st.mode & 0o777), uid: st.uid, gid: st.gid, timeMs: st.mtimeMs });
    this.disk.setTimes(this.disk.inode(dir), times);
  }

  /** Removes an upper directory that holds nothing but markers. */
  private removeUpperDir(parent: DiskEntry, name: string): void {
    const dir = this.disk.lookup(parent, name)!;
    for (const n of this.disk.names(dir)) this.disk.unlink(dir, n);
    this.disk.unlink(parent, name);
  }

  // ---- FileSystem -------------------------------------------------------

  lstat(path: string): Stat {
    const node = this.resolve(path, 'lstat');
    const st = toStat(this.dev, this.disk.stat(this.inodeOf(node)));
    if (isDir(st.mode) && this.isMerged(node)) st.nlink = 1;
    return st;
  }

  /** A directory is "merged" when more than one layer contributes to it. */
  private isMerged(node: Node): boolean {
    if (node.lower?.kind !== 'dir') return false;
    return node.upper !== undefined || node.lower.merged;
  }

  readdir(path: string): string[] {
    const node = this.resolve(path, 'scandir');
    if (!isDir(this.nodeMode(node))) throw new FsError('ENOTDIR', 'scandir', path);
    return this.list(node);
  }

  private list(node: Node): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    if (node.upper) {
      for (const name of this.disk.names(node.upper)) {
        if (isMarker(name)) {
          if (name !== OPAQUE_MARKER) seen.add(name.slice(WHITEOUT_PREFIX.length));
          continue;
        }
        seen.add(name);
        out.push(name);
      }
    }
    if (node.lower?.kind === 'dir') {
      for (const name of node.lower.entries().keys()) if (!seen.has(name)) out.push(name);
    }
    return out;
  }

  readlink(path: string): string {
    const node = this.resolve(path, 'readlink');
    const inode = this.inodeOf(node);
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
    const type = mode & S_IFMT;
    if (type === S_IFDIR || type === S_IFLNK) throw new FsError('EINVAL', 'mknod', path);
    this.make(path, 'mknod', mode, owner, { rdev });
  }

  symlink(target: string, path: string, owner: Owner): void {
    if (target === '') throw new FsError('ENOENT', 'symlink', path);
    this.make(path, 'symlink', S_IFLNK | 0o777, owner, { target });
  }

  private make(path: string, syscall: string, mode: number, owner: Owner, extra: { target?: string; rdev?: number } = {}): void {
    const { dirPath, dir, name } = this.parent(path, syscall);
    if (name !== '' && this.child(dir, name)) throw new FsError('EEXIST', syscall, path);
    this.checkNewName(name, syscall, path);
    const parent = this.upperDir(dirPath);
    const t = this.now();
    const replacedWhiteout = this.clearWhiteout(parent, name);
    const created = this.disk.create(parent, name, { mode, uid: owner.uid, gid: owner.gid, timeMs: t, ...extra });
    // A directory made where a deleted one was must not show the old contents.
    if (replacedWhiteout && (mode & S_IFMT) === S_IFDIR) this.markOpaque(created);
    touchDir(this.disk, parent, t);
  }

  link(existing: string, path: string): void {
    const source = this.resolve(existing, 'link');
    if (isDir(this.nodeMode(source))) throw new FsError('EPERM', 'link', existing, path);
    const { dirPath, dir, name } = this.parent(path, 'link');
    if (name !== '' && this.child(dir, name)) throw new FsError('EEXIST', 'link', existing, path);
    this.checkNewName(name, 'link', path);
    const inode = this.disk.inode(this.copyUp(existing, source, 'link'));
    const parent = this.upperDir(dirPath);
    const t = this.now();
    this.clearWhiteout(parent, name);
    this.disk.link(parent, name, inode);
    this.disk.setTimes(inode, { ctimeMs: t });
    touchDir(this.disk, parent, t);
  }

  unlink(path: string): void {
    const { dirPath, dir, name } = this.parent(path, 'unlink');
    if (name === '') throw new FsError('EISDIR', 'unlink', path);
    const node = this.child(dir, name);
    if (!node) throw new FsError('ENOENT', 'unlink', path);
    if (isDir(this.nodeMode(node))) throw new FsError('EISDIR', 'unlink', path);
    const parent = this.upperDir(dirPath);
    const t = this.now();
    if (node.upper) {
      const inode = this.disk.inode(node.upper);
      this.disk.unlink(parent, name);
      this.disk.setTimes(inode, { ctimeMs: t });
    }
    if (this.lowerHas(dir, name)) this.addWhiteout(parent, name);
    touchDir(this.disk, parent, t);
  }

  rmdir(path: string): void {
    const { dirPath, dir, name } = this.parent(path, 'rmdir');
    if (name === '') throw new FsError('EBUSY', 'rmdir', path);
    const node = this.child(dir, name);
    if (!node) throw new FsError('ENOENT', 'rmdir', path);
    if (!isDir(this.nodeMode(node))) throw new FsError('ENOTDIR', 'rmdir', path);
    if (this.list(node).length > 0) throw new FsError('ENOTEMPTY', 'rmdir', path);
    const parent = this.upperDir(dirPath);
    if (node.upper) this.removeUpperDir(parent, name);
    if (this.lowerHas(dir, name)) this.addWhiteout(parent, name);
    touchDir(this.disk, parent, this.now());
  }

  rename(from: string, to: string): void {
    const src = this.parent(from, 'rename');
    const dst = this.parent(to, 'rename');
    if (src.name === '' || dst.name === '') throw new FsError('EBUSY', 'rename', from, to);
    const node = this.child(src.dir, src.name);
    if (!node) throw new FsError('ENOENT', 'rename', from, to);
    if (utf8(dst.name).length > NAME_MAX) throw new FsError('ENAMETOOLONG', 'rename', from, to);
    const srcIsDir = isDir(this.nodeMode(node));
    if (srcIsDir && (to + '/').startsWith(from + '/') && to !== from) throw new FsError('EINVAL', 'rename', from, to);
    // The checks come in the kernel's order: the VFS's (same file, type
    // clashes), then overlayfs's (EXDEV), then emptiness.
    const target = this.child(dst.dir, dst.name);
    if (target && this.sameNode(node, target)) return;
    const dstIsDir = target !== undefined && isDir(this.nodeMode(target));
    if (target && srcIsDir && !dstIsDir) throw new FsError('ENOTDIR', 'rename', from, to);
    if (target && !srcIsDir && dstIsDir) throw new FsError('EISDIR', 'rename', from, to);
    if (!target && isMarker(dst.name)) throw new FsError('EPERM', 'rename', from, to);
    // Without redirect_dir, only a directory that lives purely in the upper layer can move.
    if (srcIsDir && node.lower) throw new FsError('EXDEV', 'rename', from, to);
    if (target && dstIsDir && this.list(target).length > 0) throw new FsError('ENOTEMPTY', 'rename', from, to);

    const entry = this.copyUp(from, node, 'rename');
    const srcParent = this.upperDir(src.dirPath);
    const dstParent = this.upperDir(dst.dirPath);
    const t = this.now();
    if (target?.upper) {
      const replaced = this.disk.inode(target.upper);
      if (isDir(this.disk.stat(replaced).mode)) this.removeUpperDir(dstParent, dst.name);
      else this.disk.unlink(dstParent, dst.name);
      this.disk.setTimes(replaced, { ctimeMs: t });
    }
    this.clearWhiteout(dstParent, dst.name);
    const moved = this.disk.move(srcParent, src.name, dstParent, dst.name);
    // Like the kernel, mark a directory moved into a merged parent opaque
    // rather than look for a same-named directory below.
    if (srcIsDir && dst.dir.lower) this.markOpaque(moved);
    if (this.lowerHas(src.dir, src.name)) this.addWhiteout(srcParent, src.name);
    this.disk.setTimes(this.disk.inode(entry), { ctimeMs: t });
    touchDir(this.disk, srcParent, t);
    if (dstParent !== srcParent) touchDir(this.disk, dstParent, t);
  }

  /**
   * Two names for one overlay inode: hard links in the upper layer. Hard links
   * that are still only in a lower layer are separate inodes to overlayfs
   * (without index=on), although stat shows the lower inode's number for both.
   */
  private sameNode(a: Node, b: Node): boolean {
    return a.upper !== undefined && b.upper !== undefined && this.disk.inode(a.upper) === this.disk.inode(b.upper);
  }

  sameFile(a: string, b: string): boolean {
    return this.sameNode(this.resolve(a, 'rename'), this.resolve(b, 'rename'));
  }

  setattr(path: string, attrs: SetAttr): void {
    const syscall = attrs.size !== undefined ? 'truncate' : 'chmod';
    const node = this.resolve(path, syscall);
    if (attrs.size !== undefined && isDir(this.nodeMode(node))) throw new FsError('EISDIR', syscall, path);
    const entry = path === '/' || path === '' ? this.upperRoot : this.copyUp(path, node, syscall);
    applySetAttr(this.disk, this.disk.inode(entry), attrs, this.now(), path);
  }

  open(path: string, mode: 'r' | 'w' | 'rw'): FileHandle {
    const node = this.resolve(path, 'open');
    const type = this.nodeMode(node) & S_IFMT;
    if (type === S_IFDIR && mode !== 'r') throw new FsError('EISDIR', 'open', path);
    const inode = mode === 'r' || type !== S_IFREG ? this.inodeOf(node) : this.disk.inode(this.copyUp(path, node, 'open'));
    return new DiskFileHandle(this.disk, inode, this.dev, this.now, mode !== 'r');
  }
}

export { LowerDir, LowerIndex };
