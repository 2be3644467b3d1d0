/**
 * Stream plumbing for the Engine API: a queue that is an AsyncIterable (the
 * body of a streamed response), and stdcopy's framing of stdout and stderr
 * on one connection: `[stream, 0, 0, 0, size (big-endian u32)]` + payload.
 */

export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiting?: () => void;
  private ended = false;
  private closed = false;
  private readonly closers: (() => void)[] = [];
  private readyResolve?: () => void;
  private readonly readyPromise = new Promise<void>((r) => (this.readyResolve = r));

  push(item: T): void {
    if (this.ended || this.closed) return;
    this.items.push(item);
    this.readyResolve?.();
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.readyResolve?.();
    this.wake();
  }

  /** Resolves once something was pushed or the queue ended. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Called when the reader stops early (a client that went away). */
  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    try {
      for (;;) {
        const item = this.items.shift();
        if (item !== undefined) {
          yield item;
          continue;
        }
        if (this.ended) return;
        await new Promise<void>((r) => (this.waiting = r));
      }
    } finally {
      this.closed = true;
      for (const c of this.closers) c();
    }
  }
}

/** One stdcopy frame. */
export function frame(stream: 0 | 1 | 2, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length);
  out[0] = stream;
  new DataView(out.buffer).setUint32(4, data.length);
  out.set(data, 8);
  return out;
}

/** Splits stdcopy frames back into (stream, payload) pairs, across chunk boundaries. */
export async function* demux(chunks: AsyncIterable<Uint8Array>): AsyncIterable<{ stream: 0 | 1 | 2; data: Uint8Array }> {
  let buf = new Uint8Array(0);
  for await (const chunk of chunks) {
    const joined = new Uint8Array(buf.length + chunk.length);
    joined.set(buf);
    joined.set(chunk, buf.length);
    buf = joined;
    while (buf.length >= 8) {
      const size = new DataView(buf.buffer, buf.byteOffset).getUint32(4);
      if (buf.length < 8 + size) break;
      yield { stream: buf[0] as 0 | 1 | 2, data: buf.slice(8, 8 + size) };
      buf = buf.slice(8 + size);
    }
  }
}
