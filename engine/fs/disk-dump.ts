/**
 * A disk as plain data, and back: what the browser keeps in IndexedDB so
 * that a reload finds the learner's files, images and containers where they
 * were. The dump is structured-clone friendly (numbers, strings, arrays,
 * Uint8Arrays) and holds each inode once, so hard links stay hard links.
 *
 * Inode 0 is the root directory. A directory lists its entries as
 * [name, inode index] pairs; a regular file has its bytes; a symlink its
 * target. Inode numbers are not kept: a disk loaded from a dump numbers its
 * inodes afresh, as a filesystem restored from a backup does.
 */
import type { Disk, DiskEntry, DiskInode } from '../platform/types.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from './types.ts';

export interface DumpedInode {
  mode: number;
  uid: number;
  gid: number;
  rdev: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  /** Symlinks. */
  target?: string;
  /** Regular files. */
  data?: Uint8Array;
  /** Directories: [name, index into `inodes`]. */
  entries?: [string, number][];
}

export interface DiskDump {
  inodes: DumpedInode[];
}

export function dumpDisk(disk: Disk): DiskDump {
  const index = new Map<DiskInode, number>();
  const inodes: DumpedInode[] = [];
  const visit = (entry: DiskEntry): number => {
    const inode = disk.inode(entry);
    const known = index.get(inode);
    if (known !== undefined) return known;
    const st = disk.stat(inode);
    const at = inodes.length;
    const out: DumpedInode = { mode: st.mode, uid: st.uid, gid: st.gid, rdev: st.rdev, atimeMs: st.atimeMs, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
    inodes.push(out);
    index.set(inode, at);
    const type = st.mode & S_IFMT;
    if (type === S_IFDIR) {
      out.entries = [];
      for (const name of disk.names(entry)) out.entries.push([name, visit(disk.lookup(entry, name)!)]);
    } else if (type === S_IFLNK) out.target = disk.readlink(inode);
    else if (type === S_IFREG) out.data = disk.readAll(inode);
    return at;
  };
  visit(disk.root);
  return { inodes };
}

/** Fills an empty disk from a dump. */
export function loadDisk(disk: Disk, dump: DiskDump): void {
  if (disk.count(disk.root) !== 0) throw new Error('loadDisk: the disk is not empty');
  const made = new Map<number, DiskInode>();
  const dirs: [DiskInode, DumpedInode][] = [];
  const fill = (dirEntry: DiskEntry, d: DumpedInode) => {
    for (const [name, i] of d.entries ?? []) {
      const known = made.get(i);
      if (known) {
        disk.link(dirEntry, name, known);
        continue;
      }
      const src = dump.inodes[i];
      if (!src) throw new Error(`loadDisk: inode ${i} is missing`);
      const entry = disk.create(dirEntry, name, { mode: src.mode, uid: src.uid, gid: src.gid, timeMs: src.mtimeMs, rdev: src.rdev, ...(src.target !== undefined ? { target: src.target } : {}) });
      const inode = disk.inode(entry);
      made.set(i, inode);
      if (src.data && src.data.length > 0) disk.write(inode, src.data, 0);
      if ((src.mode & S_IFMT) === S_IFDIR) {
        fill(entry, src);
        dirs.push([inode, src]);
      } else disk.setTimes(inode, { atimeMs: src.atimeMs, mtimeMs: src.mtimeMs, ctimeMs: src.ctimeMs });
    }
  };
  const root = dump.inodes[0];
  if (!root || (root.mode & S_IFMT) !== S_IFDIR) throw new Error('loadDisk: the dump has no root directory');
  const rootInode = disk.inode(disk.root);
  made.set(0, rootInode);
  fill(disk.root, root);
  disk.setMode(rootInode, root.mode);
  disk.setOwner(rootInode, root.uid, root.gid);
  dirs.push([rootInode, root]);
  // Directories last: filling them would have moved their times.
  for (const [inode, src] of dirs) disk.setTimes(inode, { atimeMs: src.atimeMs, mtimeMs: src.mtimeMs, ctimeMs: src.ctimeMs });
}
