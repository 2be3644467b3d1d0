/**
 * Pipes: a 64 KiB buffer between a writing end and a reading end.
 *
 * A reader waits while the pipe is empty and a writer still exists; with no
 * writers left, an empty pipe reads as end-of-file. A writer waits while the
 * pipe is full; with no readers left, writing raises SIGPIPE and fails with
 * EPIPE — which is how `yes | head -1` ends.
 */
import { FsError } from '../fs/errno.ts';
import type { Stat } from '../fs/types.ts';
import { OpenFile, syntheticStat, type FileKind, type IoContext, type PollState } from './file.ts';
import { SIGPIPE } from './signals.ts';
import { WaitQueue } from './wait.ts';

export const PIPE_CAPACITY = 65536;

let nextPipeIno = 100_000;

export class Pipe {
  readonly ino = nextPipeIno++;
  private chunks: Uint8Array[] = [];
  private size = 0;
  readers = 0;
  writers = 0;
  readonly readable = new WaitQueue();
  readonly writable = new WaitQueue();

  get buffered(): number {
    return this.size;
  }

  take(max: number): Uint8Array {
    const out = new Uint8Array(Math.min(max, this.size));
    let at = 0;
    while (at < out.length) {
      const head = this.chunks[0]!;
      const n = Math.min(head.length, out.length - at);
      out.set(head.subarray(0, n), at);
      at += n;
      if (n === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(n);
    }
    this.size -= out.length;
    this.writable.wakeAll();
    return out;
  }

  put(data: Uint8Array): void {
    this.chunks.push(data.slice());
    this.size += data.length;
    this.readable.wakeAll();
  }
}

export class PipeEnd extends OpenFile {
  readonly kind: FileKind = 'pipe';

  constructor(
    readonly pipe: Pipe,
    readonly end: 'read' | 'write',
    private readonly now: () => number,
  ) {
    super({ readable: end === 'read', writable: end === 'write' });
    if (end === 'read') pipe.readers++;
    else pipe.writers++;
  }

  async read(io: IoContext, max: number): Promise<Uint8Array> {
    this.checkRead();
    const p = this.pipe;
    if (p.buffered === 0 && p.writers > 0) {
      if (this.nonblock) throw new FsError('EAGAIN', 'read');
      await io.block([p.readable], () => p.buffered > 0 || p.writers === 0);
    }
    return p.take(max);
  }

  async write(io: IoContext, data: Uint8Array): Promise<number> {
    this.checkWrite();
    const p = this.pipe;
    let written = 0;
    while (written < data.length) {
      if (p.readers === 0) {
        io.raise(SIGPIPE);
        throw new FsError('EPIPE', 'write');
      }
      const room = PIPE_CAPACITY - p.buffered;
      if (room === 0) {
        if (this.nonblock) {
          if (written > 0) return written;
          throw new FsError('EAGAIN', 'write');
        }
        await io.block([p.writable], () => p.buffered < PIPE_CAPACITY || p.readers === 0);
        continue;
      }
      const n = Math.min(room, data.length - written);
      p.put(data.subarray(written, written + n));
      written += n;
    }
    return written;
  }

  override pollState(): PollState {
    const p = this.pipe;
    if (this.end === 'read') return { in: p.buffered > 0 || p.writers === 0, out: false, hup: p.writers === 0, queues: [p.readable] };
    return { in: false, out: p.buffered < PIPE_CAPACITY || p.readers === 0, hup: false, queues: [p.writable] };
  }

  stat(): Stat {
    return { ...syntheticStat('fifo', this.pipe.ino, 0, this.now()), size: this.pipe.buffered };
  }

  describe(): string {
    return `pipe:[${this.pipe.ino}]`;
  }

  override release(): void {
    if (this.end === 'read') {
      this.pipe.readers--;
      this.pipe.writable.wakeAll();
    } else {
      this.pipe.writers--;
      this.pipe.readable.wakeAll();
    }
  }
}
