/**
 * Devices and /dev.
 *
 * A device node is a file with a type (character device) and a number
 * (major, minor); opening it gets the kernel's driver for that number, not
 * the node's bytes. /dev itself is a small tmpfs holding the nodes Docker
 * puts in a container (null, zero, full, random, urandom, tty, console, ptmx),
 * the /dev/fd and /dev/std* links, and mount points for pts and shm.
 */
import { FsError } from '../fs/errno.ts';
import { DiskFs } from '../fs/diskfs.ts';
import { S_IFCHR, type FileSystem, type Stat } from '../fs/types.ts';
import { OpenFile, syntheticStat, type FileKind, type IoContext } from './file.ts';
import type { Kernel } from './kernel.ts';
import { SyntheticFs, dir, type SynthNode } from './synthfs.ts';
import { TtyFile } from './tty.ts';

export const rdev = (major: number, minor: number) => (major << 8) | minor;

class SimpleDevice extends OpenFile {
  readonly kind: FileKind = 'device';
  constructor(
    readonly name: string,
    private readonly rdevice: number,
    access: { readable: boolean; writable: boolean },
    private readonly behaviour: { read(max: number): Uint8Array; write(data: Uint8Array): number },
    private readonly now: () => number,
  ) {
    super(access);
  }
  async read(_io: IoContext, max: number): Promise<Uint8Array> {
    this.checkRead();
    return this.behaviour.read(max);
  }
  async write(_io: IoContext, data: Uint8Array): Promise<number> {
    this.checkWrite();
    return this.behaviour.write(data);
  }
  stat(): Stat {
    return { ...syntheticStat('char', this.rdevice, this.rdevice, this.now()), gid: 0, mode: S_IFCHR | 0o666 };
  }
  describe(): string {
    return this.name;
  }
  override lseek(): number {
    return 0;
  }
}

/** Registers the drivers of the standard character devices. */
export function registerDevices(kernel: Kernel): void {
  const now = () => kernel.platform.now();
  const simple = (name: string, major: number, minor: number, behaviour: { read(max: number): Uint8Array; write(data: Uint8Array): number }) =>
    kernel.devices.set(rdev(major, minor), (_p, access) => new SimpleDevice(name, rdev(major, minor), access, behaviour, now));
  simple('/dev/null', 1, 3, { read: () => new Uint8Array(0), write: (d) => d.length });
  // Linux fills a whole read from /dev/zero (`dd bs=1M` gets full records); past 64 MiB Berth reads short.
  const zeros = (max: number) => new Uint8Array(Math.min(max, 64 * 1024 * 1024));
  simple('/dev/zero', 1, 5, { read: zeros, write: (d) => d.length });
  simple('/dev/full', 1, 7, {
    read: zeros,
    write: () => {
      throw new FsError('ENOSPC', 'write');
    },
  });
  const random = { read: (max: number) => kernel.platform.randomBytes(Math.min(max, 65536)), write: (d: Uint8Array) => d.length };
  simple('/dev/random', 1, 8, random);
  simple('/dev/urandom', 1, 9, random);
  // /dev/tty: the opener's controlling terminal.
  const controlling = (p: { tty?: import('./tty.ts').Tty }, access: { readable: boolean; writable: boolean }) => {
    if (!p.tty) throw new FsError('ENXIO', 'open', '/dev/tty');
    return new TtyFile(p.tty, access, now);
  };
  kernel.devices.set(rdev(5, 0), controlling);
  kernel.devices.set(rdev(5, 1), controlling);
  kernel.devices.set(rdev(5, 2), () => {
    throw new FsError('ENODEV', 'open', '/dev/ptmx');
  });
  // /dev/pts/N: a pseudo-terminal's slave side, registered as ptys are made.
  for (let n = 0; n < 256; n++) {
    kernel.devices.set(rdev(136, n), (_p, access) => {
      const tty = kernel.ptys.get(n);
      if (!tty) throw new FsError('EIO', 'open', `/dev/pts/${n}`);
      return new TtyFile(tty, access, now);
    });
  }
}

/** The nodes and links Docker creates in a container's /dev (runc's defaults). */
export function populateDev(fs: FileSystem, now: number): void {
  const root = { uid: 0, gid: 0 };
  const node = (name: string, major: number, minor: number, mode = 0o666, gid = 0) => {
    fs.mknod(`/${name}`, S_IFCHR | mode, rdev(major, minor), { uid: 0, gid });
    fs.setattr(`/${name}`, { mode, atimeMs: now, mtimeMs: now });
  };
  node('null', 1, 3);
  node('zero', 1, 5);
  node('full', 1, 7);
  node('random', 1, 8);
  node('urandom', 1, 9);
  node('tty', 5, 0, 0o666, 5);
  node('console', 5, 1, 0o620, 5);
  for (const d of ['pts', 'shm', 'mqueue']) fs.mkdir(`/${d}`, d === 'shm' ? 0o1777 : 0o755, root);
  fs.symlink('/proc/self/fd', '/fd', root);
  fs.symlink('/proc/self/fd/0', '/stdin', root);
  fs.symlink('/proc/self/fd/1', '/stdout', root);
  fs.symlink('/proc/self/fd/2', '/stderr', root);
  fs.symlink('pts/ptmx', '/ptmx', root);
  fs.symlink('/proc/kcore', '/core', root);
}

/** A fresh tmpfs: memory that vanishes with the mount. */
export function tmpfs(kernel: Kernel, mode = 0o1777): DiskFs {
  const disk = kernel.platform.createDisk();
  const fs = new DiskFs(disk, disk.root, () => kernel.platform.now());
  const inode = disk.inode(disk.root);
  disk.setMode(inode, 0o040000 | mode);
  return fs;
}

/** /dev/pts: one node per pseudo-terminal that exists, plus ptmx. */
export function devPts(kernel: Kernel): SyntheticFs {
  const root: SynthNode = dir(
    () => [
      ['ptmx', { kind: 'char', rdev: rdev(5, 2), mode: 0o000 } as SynthNode],
      ...[...kernel.ptys.keys()].sort((a, b) => a - b).map((n) => [String(n), { kind: 'char', rdev: rdev(136, n), mode: 0o620, gid: 5 } as SynthNode] as [string, SynthNode]),
    ],
    { mode: 0o755 },
  );
  return new SyntheticFs(() => root, () => kernel.platform.now(), 'devpts');
}
