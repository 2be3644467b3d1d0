/**
 * What changed in a container's filesystem: the list `docker diff` prints,
 * and the layer tar `docker commit` and `docker build` store.
 *
 * The change list follows Docker's rules (moby's archive.ChangesDirs, which
 * overlay2 uses for `docker diff`): compare the container's merged view with
 * its image's, name by name.
 * - A: a name the image does not have (and everything under a new directory);
 * - D: a name the image has and the container does not (only the top of a
 *   deleted tree is listed);
 * - C: the same name with a different type, mode, owner or device, or, for
 *   non-directories, a different size or mtime (to the second, as tar keeps
 *   it); and every directory that contains a change.
 * Docker lists them in Go map order (random); Berth lists them sorted.
 *
 * The layer tar is the container's upper directory as it stands, walked in
 * name order like Docker's overlay2 driver does: whiteouts are already
 * `.wh.` files there (see overlay.ts), hard links within the layer become tar
 * hard links, times are cut to whole seconds.
 */
import type { Disk, DiskEntry, DiskInode } from '../platform/types.ts';
import { FsError } from '../fs/errno.ts';
import { S_IFMT, fileType, isDir, type FileSystem, type Stat } from '../fs/types.ts';
import type { TarEntry, TarEntryType } from '../image/tar.ts';

/** Engine API FilesystemChange.Kind: 0 modified, 1 added, 2 deleted. */
export type ChangeKind = 0 | 1 | 2;
export interface Change {
  Path: string;
  Kind: ChangeKind;
}
export const CHANGE_LETTER: Record<ChangeKind, 'C' | 'A' | 'D'> = { 0: 'C', 1: 'A', 2: 'D' };

/** Go's sameFsTime: equal, or the same second when either side has no sub-second part. */
export function sameFsTime(a: number, b: number): boolean {
  return a === b || (Math.floor(a / 1000) === Math.floor(b / 1000) && (a % 1000 === 0 || b % 1000 === 0));
}

/** moby's statDifferent. */
export function statDifferent(oldSt: Stat, newSt: Stat): boolean {
  if (oldSt.mode !== newSt.mode || oldSt.uid !== newSt.uid || oldSt.gid !== newSt.gid || oldSt.rdev !== newSt.rdev) return true;
  return !isDir(oldSt.mode) && (!sameFsTime(oldSt.mtimeMs, newSt.mtimeMs) || oldSt.size !== newSt.size);
}

/** Compares names by code point, which is the byte order of their UTF-8 (Go's order). */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}

const join = (dir: string, name: string) => (dir === '/' ? '/' + name : dir + '/' + name);

function tryLstat(fs: FileSystem, path: string): Stat | undefined {
  try {
    return fs.lstat(path);
  } catch (err) {
    if (err instanceof FsError && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return undefined;
    throw err;
  }
}

/**
 * The changes from `before` (the image, or null for nothing) to `after` (the
 * container). `mayDiffer(dir)` may say that a directory is the same in both
 * below this point (for an overlay: it has no copy in the upper layer), so
 * the walk can skip it; by default every directory is walked.
 */
export function changes(after: FileSystem, before: FileSystem | null, mayDiffer: (dir: string) => boolean = () => true): Change[] {
  const out: Change[] = [];

  const addAll = (dir: string) => {
    for (const name of after.readdir(dir).sort(compareNames)) {
      const path = join(dir, name);
      out.push({ Path: path, Kind: 1 });
      if (isDir(after.lstat(path).mode)) addAll(path);
    }
  };

  const walk = (dir: string, beforeIsDir: boolean) => {
    const newNames = new Set(after.readdir(dir));
    const oldNames = new Set(before && beforeIsDir ? before.readdir(dir) : []);
    const names = [...new Set([...newNames, ...oldNames])].sort(compareNames);
    for (const name of names) {
      const path = join(dir, name);
      const n = newNames.has(name) ? tryLstat(after, path) : undefined;
      const o = oldNames.has(name) && before ? tryLstat(before, path) : undefined;
      if (n && !o) {
        out.push({ Path: path, Kind: 1 });
        if (isDir(n.mode)) addAll(path);
      } else if (!n && o) {
        out.push({ Path: path, Kind: 2 });
      } else if (n && o) {
        const at = out.length;
        const changed = statDifferent(o, n);
        if (changed) out.push({ Path: path, Kind: 0 });
        if (isDir(n.mode) && (!isDir(o.mode) || mayDiffer(path))) {
          walk(path, isDir(o.mode));
          // A directory holding changes is listed as changed, before them.
          if (!changed && out.length > at) out.splice(at, 0, { Path: path, Kind: 0 });
        }
      }
    }
  };

  walk('/', true);
  return out;
}

/** Docker's `docker diff` lines: "C /etc", "A /etc/new". */
export function formatChanges(list: readonly Change[]): string {
  return list.map((c) => `${CHANGE_LETTER[c.Kind]} ${c.Path}\n`).join('');
}

const TAR_TYPE: Record<ReturnType<typeof fileType>, TarEntryType | null> = {
  file: 'file',
  dir: 'dir',
  symlink: 'symlink',
  char: 'char',
  block: 'block',
  fifo: 'fifo',
  socket: null, // tar cannot hold sockets; Docker skips them too
};

/**
 * The entries of the layer tar for one snapshot directory (an upper dir or a
 * committed layer), in the order Docker's overlay2 driver writes them.
 */
export function* layerEntries(disk: Disk, root: DiskEntry): Iterable<TarEntry> {
  const seen = new Map<DiskInode, string>();
  function* visit(dir: DiskEntry, prefix: string): Iterable<TarEntry> {
    for (const name of disk.names(dir).sort(compareNames)) {
      const entry = disk.lookup(dir, name)!;
      const inode = disk.inode(entry);
      const st = disk.stat(inode);
      const type = TAR_TYPE[fileType(st.mode)];
      if (type === null) continue;
      const path = prefix + name;
      const header = {
        name: type === 'dir' ? path + '/' : path,
        type,
        mode: st.mode & 0o7777,
        uid: st.uid,
        gid: st.gid,
        size: 0,
        mtimeMs: Math.floor(st.mtimeMs / 1000) * 1000,
        linkname: '',
      };
      if (type === 'symlink') header.linkname = disk.readlink(inode);
      if (type === 'char' || type === 'block') Object.assign(header, { devmajor: (st.rdev >> 8) & 0xfff, devminor: (st.rdev & 0xff) | ((st.rdev >> 12) & 0xfff00) });
      if (type !== 'dir' && st.nlink > 1) {
        const first = seen.get(inode);
        if (first !== undefined) {
          yield { header: { ...header, type: 'hardlink', linkname: first }, data: new Uint8Array(0) };
          continue;
        }
        seen.set(inode, path);
      }
      if (type === 'file') {
        const data = disk.readAll(inode);
        yield { header: { ...header, size: data.length }, data };
      } else {
        yield { header, data: new Uint8Array(0) };
      }
      if (type === 'dir') yield* visit(entry, path + '/');
    }
  }
  yield* visit(root, '');
}

/** The mode of an inode as `ls -l` would print its type letter, for messages. */
export const typeBits = (mode: number): number => mode & S_IFMT;
