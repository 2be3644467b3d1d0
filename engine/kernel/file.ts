/**
 * Open file descriptions: what a file descriptor points at.
 *
 * `open` makes one; `dup` and `fork` share it (so they share the offset and
 * flags, as on Linux). Each kind knows how to read and write itself: a
 * regular file through its filesystem handle at an offset, a pipe through its
 * buffer, a terminal through its line discipline, a device by its nature.
 * Reads and writes that must wait do so through the caller's `IoContext`, so
 * that signals can interrupt them.
 */
import { FsError } from '../fs/errno.ts';
import { S_IFCHR, S_IFIFO, type FileHandle, type Stat } from '../fs/types.ts';
import type { WaitQueue } from './wait.ts';

/** What a blocking operation needs from the process that performs it. */
export interface IoContext {
  readonly pid: number;
  readonly pgid: number;
  readonly sid: number;
  /** Sleeps until `ready()` holds; throws EINTR or ends the process if a signal comes first. */
  block(queues: readonly WaitQueue[], ready: () => boolean): Promise<void>;
  /** Sends a signal to this process (SIGPIPE, SIGTTIN…). */
  raise(signal: number): void;
  /** Sends a signal to a process group. */
  raiseGroup(pgid: number, signal: number): void;
}

export type FileKind = 'file' | 'dir' | 'pipe' | 'tty' | 'device' | 'socket';

/** What poll(2) sees on a descriptor, and where to sleep until that changes. */
export interface PollState {
  in: boolean;
  out: boolean;
  /** The other side has gone (a pipe with no writers, a closed connection). */
  hup: boolean;
  queues: WaitQueue[];
}

export abstract class OpenFile {
  abstract readonly kind: FileKind;
  /** How many descriptors (in any process) share this description. */
  refs = 0;
  nonblock = false;
  readonly readable: boolean;
  readonly writable: boolean;

  constructor(access: { readable: boolean; writable: boolean }) {
    this.readable = access.readable;
    this.writable = access.writable;
  }

  abstract read(io: IoContext, max: number): Promise<Uint8Array>;
  abstract write(io: IoContext, data: Uint8Array): Promise<number>;
  abstract stat(): Stat;
  /** What /proc/PID/fd/N points to: a path, or "pipe:[1234]". */
  abstract describe(): string;
  lseek(_offset: number, _whence: 0 | 1 | 2): number {
    throw new FsError('ESPIPE', 'lseek');
  }
  truncate(_size: number): void {
    throw new FsError('EINVAL', 'ftruncate');
  }
  /** Called when the last descriptor goes away. */
  release(): void {}
  /** Regular files and most devices never block. */
  pollState(): PollState {
    return { in: this.readable, out: this.writable, hup: false, queues: [] };
  }

  protected checkRead(): void {
    if (!this.readable) throw new FsError('EBADF', 'read');
  }
  protected checkWrite(): void {
    if (!this.writable) throw new FsError('EBADF', 'write');
  }
}

/** A regular file (or a directory opened for reading) on some filesystem. */
export class RegularFile extends OpenFile {
  readonly kind: FileKind;
  offset = 0;

  constructor(
    private readonly handle: FileHandle,
    /** Canonical path at open time, for /proc/PID/fd. */
    readonly path: string,
    access: { readable: boolean; writable: boolean; append?: boolean },
    isDirectory = false,
  ) {
    super(access);
    this.append = access.append ?? false;
    this.kind = isDirectory ? 'dir' : 'file';
  }
  readonly append: boolean;

  async read(_io: IoContext, max: number): Promise<Uint8Array> {
    this.checkRead();
    if (this.kind === 'dir') throw new FsError('EISDIR', 'read');
    // No bigger buffer than the file can fill (a 1 MiB read of a 2-byte file would zero 1 MiB);
    // files whose size says nothing (synthetic ones report 0) still get a page-sized read.
    const left = this.handle.stat().size - this.offset;
    const buf = new Uint8Array(Math.min(max, Math.max(left, 65536)));
    const n = this.handle.read(buf, this.offset);
    this.offset += n;
    return n === buf.length ? buf : buf.subarray(0, n);
  }

  async write(_io: IoContext, data: Uint8Array): Promise<number> {
    this.checkWrite();
    if (this.append) this.offset = this.handle.stat().size;
    this.handle.write(data, this.offset);
    this.offset += data.length;
    return data.length;
  }

  stat(): Stat {
    return this.handle.stat();
  }

  describe(): string {
    return this.path;
  }

  override lseek(offset: number, whence: 0 | 1 | 2): number {
    const base = whence === 0 ? 0 : whence === 1 ? this.offset : this.handle.stat().size;
    const next = base + offset;
    if (next < 0) throw new FsError('EINVAL', 'lseek');
    this.offset = next;
    return next;
  }

  override truncate(size: number): void {
    this.checkWrite();
    this.handle.truncate(size);
  }

  /** fchmod and friends. */
  setattr(attrs: Parameters<FileHandle['setattr']>[0]): void {
    this.handle.setattr(attrs);
  }

  override release(): void {
    this.handle.close();
  }
}

/** A stat for things that are not files on a filesystem (pipes, devices). */
export function syntheticStat(kind: 'fifo' | 'char', ino: number, rdev = 0, now = Date.now()): Stat {
  return {
    dev: kind === 'fifo' ? 12 : 5,
    ino,
    mode: (kind === 'fifo' ? S_IFIFO | 0o600 : S_IFCHR | 0o620),
    nlink: 1,
    uid: 0,
    gid: kind === 'char' ? 5 : 0,
    rdev,
    size: 0,
    blksize: 4096,
    blocks: 0,
    atimeMs: now,
    mtimeMs: now,
    ctimeMs: now,
  };
}
