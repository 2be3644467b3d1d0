/**
 * What a filesystem offers the kernel: the vocabulary shared by every
 * filesystem in Berth (a directory on a disk, the overlay of a container's
 * layers, later /proc and tmpfs).
 *
 * Paths given to a FileSystem are absolute *within that filesystem* ("/" is
 * its root), normalized (no ".", "..", or "//"), and already resolved: the
 * caller (engine/fs/vfs.ts, later the kernel) has followed every symlink in
 * the leading components, crossed mounts and checked permissions. A
 * filesystem therefore only applies its own rules: what exists, EEXIST,
 * ENOTEMPTY, timestamps, and, for the overlay, copy-up and whiteouts.
 */

export const S_IFMT = 0o170000;
export const S_IFSOCK = 0o140000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFBLK = 0o060000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;
export const S_ISUID = 0o4000;
export const S_ISGID = 0o2000;
export const S_ISVTX = 0o1000;

export type FileType = 'file' | 'dir' | 'symlink' | 'char' | 'block' | 'fifo' | 'socket';

export function fileType(mode: number): FileType {
  switch (mode & S_IFMT) {
    case S_IFDIR:
      return 'dir';
    case S_IFLNK:
      return 'symlink';
    case S_IFCHR:
      return 'char';
    case S_IFBLK:
      return 'block';
    case S_IFIFO:
      return 'fifo';
    case S_IFSOCK:
      return 'socket';
    default:
      return 'file';
  }
}

export const isDir = (mode: number): boolean => (mode & S_IFMT) === S_IFDIR;
export const isSymlink = (mode: number): boolean => (mode & S_IFMT) === S_IFLNK;
export const isRegular = (mode: number): boolean => (mode & S_IFMT) === S_IFREG;

/** struct stat, as `stat(2)` fills it. Times in milliseconds. */
export interface Stat {
  dev: number;
  ino: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  blksize: number;
  blocks: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface Owner {
  uid: number;
  gid: number;
}

/** Changes for `setattr`: chmod, chown, utimes and truncate in one call, as in Linux's notify_change. */
export interface SetAttr {
  /** Permission bits (07777); the file type is kept. */
  mode?: number;
  uid?: number;
  gid?: number;
  atimeMs?: number;
  mtimeMs?: number;
  /** Truncate or extend a regular file. */
  size?: number;
}

export interface FileSystem {
  /** A number that tells filesystems apart in `stat`'s st_dev. */
  readonly dev: number;
  lstat(path: string): Stat;
  /** Names in a directory, without "." and "..". */
  readdir(path: string): string[];
  readlink(path: string): string;
  mkdir(path: string, mode: number, owner: Owner): void;
  /** Creates an empty regular file; EEXIST if the name is taken. */
  create(path: string, mode: number, owner: Owner): void;
  /** Creates a device, fifo or socket node. */
  mknod(path: string, mode: number, rdev: number, owner: Owner): void;
  symlink(target: string, path: string, owner: Owner): void;
  link(existing: string, path: string): void;
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  /**
   * Whether two existing paths are one inode, so that renaming one onto the
   * other does nothing. (Not always the same as equal st_ino: overlayfs shows
   * a lower file's inode number but gives each of its hard links its own inode
   * until copy-up.)
   */
  sameFile(a: string, b: string): boolean;
  setattr(path: string, attrs: SetAttr): void;
  /** Opens an existing regular file. Opening for writing is what triggers an overlay's copy-up. */
  open(path: string, mode: 'r' | 'w' | 'rw'): FileHandle;
}

/** An open regular file. It refers to the inode, so it survives unlink and rename. */
export interface FileHandle {
  read(buf: Uint8Array, position: number): number;
  /** Writes all of `data` at `position`; returns data.length. */
  write(data: Uint8Array, position: number): number;
  stat(): Stat;
  truncate(size: number): void;
  /** fchmod/fchown/futimens on the open file. */
  setattr(attrs: SetAttr): void;
  close(): void;
}

/** A whole-file convenience used by tools and tests: read a regular file through a FileSystem. */
export function readWholeFile(fs: FileSystem, path: string): Uint8Array {
  const handle = fs.open(path, 'r');
  try {
    const out = new Uint8Array(handle.stat().size);
    let at = 0;
    while (at < out.length) {
      const n = handle.read(out.subarray(at), at);
      if (n <= 0) break;
      at += n;
    }
    return at === out.length ? out : out.slice(0, at);
  } finally {
    handle.close();
  }
}
