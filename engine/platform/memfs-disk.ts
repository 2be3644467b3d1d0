/**
 * A Disk on memfs's inode layer (its Superblock, Link and Node classes).
 *
 * memfs's path API re-parses and re-walks the path on every call and throws to
 * say "not found"; the emulated kernel walks paths itself, one component at a
 * time, so it talks to the links and nodes directly. Both browser and Node
 * platforms use this file; it is the only place that knows memfs's classes.
 */
import { Volume } from 'memfs';
import type { Disk, DiskEntry, DiskInode, DiskStat, NewInode } from './types.ts';

type Superblock = Volume['_core'];
type Link = Superblock['root'];
type Node = ReturnType<Link['getNode']>;

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** What `ls -l` shows for a directory on ext4, the filesystem learners will meet. */
const DIR_SIZE = 4096;

/** memfs's Node.write calls `copy` on what it is given; this gives it a Uint8Array's bytes. */
function copySource(data: Uint8Array): { length: number; copy(target: Uint8Array, at: number, from: number, to: number): number } {
  return {
    length: data.length,
    copy(target, at, from, to) {
      target.set(data.subarray(from, to), at);
      return to - from;
    },
  };
}

const rootProcess = {
  cwd: () => '/',
  platform: 'linux',
  env: {},
  getuid: () => 0,
  getgid: () => 0,
  emitWarning: () => undefined,
};

export function createMemfsDisk(): Disk {
  const volume = Volume.fromJSON({}, '/', { process: rootProcess as never });
  return new MemfsDisk(volume._core);
}

class MemfsDisk implements Disk {
  readonly root: DiskEntry;
  generation = 0;
  constructor(private readonly sb: Superblock) {
    this.root = sb.root as unknown as DiskEntry;
  }

  lookup(dir: DiskEntry, name: string): DiskEntry | undefined {
    if (name === '.' || name === '..') return undefined;
    return (dir as unknown as Link).children.get(name) as unknown as DiskEntry | undefined;
  }

  names(dir: DiskEntry): string[] {
    const out: string[] = [];
    for (const name of (dir as unknown as Link).children.keys()) if (name !== '.' && name !== '..') out.push(name);
    return out;
  }

  count(dir: DiskEntry): number {
    const children = (dir as unknown as Link).children;
    return children.size - (children.has('.') ? 1 : 0) - (children.has('..') ? 1 : 0);
  }

  inode(entry: DiskEntry): DiskInode {
    return (entry as unknown as Link).getNode() as unknown as DiskInode;
  }

  create(dir: DiskEntry, name: string, init: NewInode): DiskEntry {
    this.generation++;
    const node = this.sb.createNode(init.mode);
    node.mode = init.mode;
    if ((init.mode & S_IFMT) === S_IFLNK) node.symlink = init.target ?? '';
    node.rdev = init.rdev ?? 0;
    node.uid = init.uid;
    node.gid = init.gid;
    const link = (dir as unknown as Link).createChild(name, node);
    const t = new Date(init.timeMs);
    node.atime = t;
    node.mtime = t;
    node.ctime = t;
    return link as unknown as DiskEntry;
  }

  link(dir: DiskEntry, name: string, inode: DiskInode): DiskEntry {
    this.generation++;
    const node = inode as unknown as Node;
    const ctime = node.ctime;
    node.nlink++;
    node.ctime = ctime; // the filesystem above decides the times
    return (dir as unknown as Link).createChild(name, node) as unknown as DiskEntry;
  }

  unlink(dir: DiskEntry, name: string): void {
    this.generation++;
    const parent = dir as unknown as Link;
    const link = parent.children.get(name);
    if (!link || name === '.' || name === '..') return;
    const node = link.getNode();
    const ctime = node.ctime;
    parent.deleteChild(link);
    node.nlink = node.isDirectory() ? 0 : node.nlink - 1;
    node.ctime = ctime;
    // The node object stays alive for open handles; only the index entry goes.
    // Its inode number is not handed out again, so numbers stay unique.
    if (node.nlink <= 0) delete this.sb.inodes[node.ino];
  }

  move(dir: DiskEntry, name: string, newDir: DiskEntry, newName: string): DiskEntry {
    this.generation++;
    const from = dir as unknown as Link;
    const to = newDir as unknown as Link;
    const link = from.children.get(name);
    if (!link) throw new Error(`disk: no entry ${name}`);
    from.deleteChild(link);
    link.name = newName;
    to.setChild(newName, link);
    link.syncSteps();
    return link as unknown as DiskEntry;
  }

  stat(inode: DiskInode): DiskStat {
    const node = inode as unknown as Node;
    const type = node.mode & S_IFMT;
    return {
      ino: node.ino,
      mode: node.mode,
      nlink: node.nlink,
      uid: node.uid,
      gid: node.gid,
      rdev: node.rdev,
      size: type === S_IFDIR ? DIR_SIZE : type === S_IFLNK ? utf8Length(node.symlink) : node.getSize(),
      atimeMs: node.atime.getTime(),
      mtimeMs: node.mtime.getTime(),
      ctimeMs: node.ctime.getTime(),
    };
  }

  setMode(inode: DiskInode, mode: number): void {
    this.generation++;
    const node = inode as unknown as Node;
    const ctime = node.ctime;
    node.mode = mode;
    node.ctime = ctime;
  }

  setOwner(inode: DiskInode, uid: number, gid: number): void {
    this.generation++;
    const node = inode as unknown as Node;
    const ctime = node.ctime;
    node.uid = uid;
    node.gid = gid;
    node.ctime = ctime;
  }

  setTimes(inode: DiskInode, times: { atimeMs?: number; mtimeMs?: number; ctimeMs?: number }): void {
    if (times.mtimeMs !== undefined) this.generation++;
    const node = inode as unknown as Node;
    const ctime = node.ctime;
    if (times.atimeMs !== undefined) node.atime = new Date(times.atimeMs);
    if (times.mtimeMs !== undefined) node.mtime = new Date(times.mtimeMs);
    node.ctime = times.ctimeMs !== undefined ? new Date(times.ctimeMs) : ctime;
  }

  readlink(inode: DiskInode): string {
    return (inode as unknown as Node).symlink;
  }

  read(inode: DiskInode, buf: Uint8Array, position: number): number {
    const node = inode as unknown as Node;
    const atime = node.atime;
    const n = node.read(buf, 0, buf.length, position);
    node.atime = atime;
    return n;
  }

  write(inode: DiskInode, data: Uint8Array, position: number): void {
    this.generation++;
    const node = inode as unknown as Node;
    const { mtime, ctime } = node;
    node.write(copySource(data) as never, 0, data.length, position);
    node.mtime = mtime;
    node.ctime = ctime;
  }

  truncate(inode: DiskInode, size: number): void {
    this.generation++;
    const node = inode as unknown as Node;
    const { mtime, ctime } = node;
    node.truncate(size);
    node.mtime = mtime;
    node.ctime = ctime;
  }

  readAll(inode: DiskInode): Uint8Array {
    const node = inode as unknown as Node;
    const out = new Uint8Array(node.getSize());
    if (out.length > 0) node.read(out, 0, out.length, 0);
    return out;
  }

  bytes(inode: DiskInode): number {
    return (inode as unknown as Node).getSize();
  }
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
