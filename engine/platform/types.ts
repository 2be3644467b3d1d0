/**
 * The platform: everything the engine needs from the place it runs.
 *
 * The engine never guesses where it is. `engine/platform/node` and
 * `engine/platform/browser` build a Platform and hand it to the engine, the way
 * isomorphic-git is handed an fs and an http client. Nothing else in engine/
 * may import from those two folders; their tsconfig projects keep it so.
 */
export interface Platform {
  readonly name: 'node' | 'browser';
  /** SHA-256 of some bytes, as lowercase hex. */
  sha256(data: Uint8Array): Promise<string>;
  /** An incremental SHA-256 for data that arrives in chunks. */
  createSha256(): Hasher;
  /** gzip-compresses a byte stream (RFC 1952). Deterministic for the same input and level. */
  gzip(source: AsyncIterable<Uint8Array>, options?: { level?: number }): AsyncIterable<Uint8Array>;
  /** Decompresses a gzip stream. Stops with an error on corrupt or truncated input. */
  gunzip(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /** Milliseconds since the epoch. */
  now(): number;
  /** Cryptographically strong random bytes. */
  randomBytes(length: number): Uint8Array;
  /**
   * Resolves after the host's event loop has had a turn (a macrotask), so
   * the page can paint and input can arrive. The emulated kernel calls it
   * when a process has run for a time slice.
   */
  macrotask(): Promise<void>;
  /** Calls `fn` after `ms` milliseconds; returns a function that cancels it. */
  timer(ms: number, fn: () => void): () => void;
  /** A fresh, empty in-memory disk (memfs underneath). */
  createDisk(): Disk;
}

export interface Hasher {
  update(chunk: Uint8Array): void;
  /** Lowercase hex; the hasher cannot be used afterwards. */
  digest(): Promise<string>;
}

/**
 * A disk: inodes and directory entries kept in memory, the storage under every
 * emulated filesystem (snapshots, volumes, the learner's home).
 *
 * It is deliberately dumb, like a block device with a directory format: it
 * stores what it is told and checks nothing. POSIX rules (EEXIST, ENOTEMPTY,
 * timestamps, permissions) belong to the filesystems built on it
 * (engine/fs/diskfs.ts, engine/snapshot/overlay.ts).
 *
 * Words: an *entry* is a name in a directory (a dentry, memfs's Link); an
 * *inode* is the file itself (memfs's Node). Hard links are several entries
 * for one inode. An open file holds the inode, so it outlives unlink.
 */
export interface Disk {
  readonly root: DiskEntry;
  /** Counts changes (entries, contents, modes, owners, mtimes; not reads or atimes): a saver compares it to know whether to save. */
  readonly generation: number;
  /** The entry called `name` in directory `dir`, if any. */
  lookup(dir: DiskEntry, name: string): DiskEntry | undefined;
  /** The names in directory `dir`, without "." and "..". */
  names(dir: DiskEntry): string[];
  /** Number of entries in directory `dir` (without "." and ".."). */
  count(dir: DiskEntry): number;
  inode(entry: DiskEntry): DiskInode;
  /** Makes a new inode and links it at dir/name (which must be free). */
  create(dir: DiskEntry, name: string, init: NewInode): DiskEntry;
  /** Links an existing non-directory inode at dir/name (which must be free). */
  link(dir: DiskEntry, name: string, inode: DiskInode): DiskEntry;
  /** Removes the entry dir/name. The inode is freed when no entry or handle refers to it. */
  unlink(dir: DiskEntry, name: string): void;
  /** Moves dir/name to newDir/newName (which must be free) and returns the moved entry. */
  move(dir: DiskEntry, name: string, newDir: DiskEntry, newName: string): DiskEntry;

  stat(inode: DiskInode): DiskStat;
  setMode(inode: DiskInode, mode: number): void;
  setOwner(inode: DiskInode, uid: number, gid: number): void;
  setTimes(inode: DiskInode, times: { atimeMs?: number; mtimeMs?: number; ctimeMs?: number }): void;
  readlink(inode: DiskInode): string;
  /** Reads up to buf.length bytes at `position`; returns how many were read. */
  read(inode: DiskInode, buf: Uint8Array, position: number): number;
  /** Writes all of `data` at `position` (growing the file as needed). */
  write(inode: DiskInode, data: Uint8Array, position: number): void;
  truncate(inode: DiskInode, size: number): void;
  /** The whole content of a regular file (a copy). */
  readAll(inode: DiskInode): Uint8Array;
  /** Bytes of file content held for this inode (for usage figures). */
  bytes(inode: DiskInode): number;
}

/** What a new inode starts as. Type bits are in `mode` (S_IFREG, S_IFDIR, S_IFLNK, …). */
export interface NewInode {
  mode: number;
  uid: number;
  gid: number;
  /** Timestamps for all of atime, mtime and ctime. */
  timeMs: number;
  /** For symlinks. */
  target?: string;
  rdev?: number;
}

export interface DiskStat {
  ino: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}

declare const diskEntry: unique symbol;
declare const diskInode: unique symbol;
/** Opaque: only the Disk that made it knows what it is. */
export type DiskEntry = { readonly [diskEntry]: true };
/** Opaque: only the Disk that made it knows what it is. */
export type DiskInode = { readonly [diskInode]: true };
