/**
 * A small `stream` module: Readable (flowing and paused with 'readable'),
 * Writable, Duplex, Transform, PassThrough, pipe, pipeline and finished —
 * what http bodies, sockets, fs.createReadStream and process.stdin need,
 * and what a lesson's `req.pipe(res)` uses. No highWaterMark accounting
 * beyond `write` returning false past it.
 *
 * Streams belong to one process: their events run as callbacks of that
 * process's event loop (see `makeStreams`).
 */
import { Buffer } from 'buffer';
import { EventEmitter, emitterInit } from './events.ts';

type Callback = (err?: Error | null) => void;
type Chunk = unknown;

export interface StreamOptions {
  objectMode?: boolean;
  encoding?: string;
  highWaterMark?: number;
  read?: (this: unknown, size: number) => void;
  write?: (this: unknown, chunk: Chunk, encoding: string, callback: Callback) => void;
  final?: (this: unknown, callback: Callback) => void;
  transform?: (this: unknown, chunk: Chunk, encoding: string, callback: (err?: Error | null, data?: Chunk) => void) => void;
  flush?: (this: unknown, callback: (err?: Error | null, data?: Chunk) => void) => void;
  destroy?: (this: unknown, err: Error | null, callback: Callback) => void;
}

export type Streams = ReturnType<typeof makeStreams>;

/** The stream classes of a process whose callbacks run through `defer` (the loop's nextTick). */
export function makeStreams(defer: (fn: () => void) => void) {
  interface ReadState { buffer: Chunk[]; flowing: boolean | null; ended: boolean; endEmitted: boolean; encoding: string | null; objectMode: boolean; scheduled: boolean; reading: boolean }
  interface WriteState { queue: { chunk: Chunk; encoding: string; cb?: Callback }[]; writing: boolean; ending: boolean; finished: boolean; objectMode: boolean; length: number; hwm: number; needDrain: boolean }

  const toChunk = (chunk: Chunk, encoding: string | undefined, objectMode: boolean): Chunk =>
    objectMode || typeof chunk !== 'string' ? (chunk instanceof Uint8Array && !Buffer.isBuffer(chunk) ? Buffer.from(chunk) : chunk) : Buffer.from(chunk, (encoding ?? 'utf8') as 'utf8');

  class Stream extends (EventEmitter as unknown as new () => EventEmitter) {
    destroyed = false;
    constructor() {
      super();
      emitterInit(this);
    }
    pipe(dest: Writable, options?: { end?: boolean }): Writable {
      const src = this as unknown as Readable;
      src.on('data', (chunk: Chunk) => {
        if (dest.write(chunk) === false) src.pause();
      });
      dest.on('drain', () => src.resume());
      if (options?.end !== false) src.on('end', () => dest.end());
      dest.emit('pipe', src);
      return dest;
    }
    destroy(err?: Error | null): this {
      if (this.destroyed) return this;
      this.destroyed = true;
      const finish = (e?: Error | null) =>
        defer(() => {
          if (e) this.emit('error', e);
          this.emit('close');
        });
      const custom = (this as unknown as { _destroy?: StreamOptions['destroy'] })._destroy;
      if (custom) custom.call(this, err ?? null, finish);
      else finish(err);
      return this;
    }
  }

  class Readable extends Stream {
    _readableState: ReadState;
    constructor(options: StreamOptions = {}) {
      super();
      this._readableState = { buffer: [], flowing: null, ended: false, endEmitted: false, encoding: options.encoding ?? null, objectMode: !!options.objectMode, scheduled: false, reading: false };
      if (options.read) this._read = options.read;
      if (options.destroy) (this as unknown as { _destroy: unknown })._destroy = options.destroy;
      this.on('newListener', (event: unknown) => {
        if (event === 'data' && this._readableState.flowing !== false) this.resume();
        if (event === 'readable') this.schedule();
      });
    }
    get readable(): boolean {
      return !this.destroyed && !this._readableState.endEmitted;
    }
    get readableEnded(): boolean {
      return this._readableState.endEmitted;
    }
    get readableFlowing(): boolean | null {
      return this._readableState.flowing;
    }
    get readableLength(): number {
      return this._readableState.buffer.length;
    }
    _read(_size: number): void {}
    push(chunk: Chunk, encoding?: string): boolean {
      const st = this._readableState;
      if (chunk === null) st.ended = true;
      else if (st.ended) this.emit('error', Object.assign(new Error('stream.push() after EOF'), { code: 'ERR_STREAM_PUSH_AFTER_EOF' }));
      else st.buffer.push(toChunk(chunk, encoding, st.objectMode));
      st.reading = false;
      this.schedule();
      return !st.ended;
    }
    unshift(chunk: Chunk): void {
      this._readableState.buffer.unshift(toChunk(chunk, undefined, this._readableState.objectMode));
    }
    setEncoding(encoding: string): this {
      this._readableState.encoding = encoding;
      return this;
    }
    private decode(chunk: Chunk): Chunk {
      const enc = this._readableState.encoding;
      return enc && Buffer.isBuffer(chunk) ? chunk.toString(enc as 'utf8') : chunk;
    }
    resume(): this {
      this._readableState.flowing = true;
      this.schedule();
      return this;
    }
    pause(): this {
      this._readableState.flowing = false;
      return this;
    }
    isPaused(): boolean {
      return this._readableState.flowing === false;
    }
    /** Paused mode: everything buffered, or null. */
    read(_size?: number): Chunk {
      const st = this._readableState;
      if (st.buffer.length === 0) {
        this.pull();
        return null;
      }
      const all = st.buffer.splice(0);
      const data = st.objectMode ? all[0] : Buffer.concat(all as Uint8Array[]);
      if (st.objectMode && all.length > 1) st.buffer.push(...all.slice(1));
      this.schedule();
      return this.decode(data);
    }
    private pull(): void {
      const st = this._readableState;
      if (!st.ended && !st.reading && !this.destroyed) {
        st.reading = true;
        this._read(16384);
      }
    }
    schedule(): void {
      const st = this._readableState;
      if (st.scheduled) return;
      st.scheduled = true;
      defer(() => {
        st.scheduled = false;
        this.flow();
      });
    }
    private flow(): void {
      const st = this._readableState;
      if (this.destroyed) return;
      if (st.flowing) {
        while (st.flowing && st.buffer.length > 0) this.emit('data', this.decode(st.buffer.shift()));
      } else if (st.buffer.length > 0 && this.listenerCount('readable') > 0) {
        this.emit('readable');
      }
      if (st.ended && st.buffer.length === 0 && !st.endEmitted) {
        if (this.listenerCount('readable') > 0 && !st.flowing) this.emit('readable');
        st.endEmitted = true;
        this.emit('end');
        if (!(this instanceof Duplex) || (this as unknown as Writable)._writableState.finished) this.destroy();
      } else if (!st.ended && (st.flowing || this.listenerCount('readable') > 0) && st.buffer.length === 0) {
        this.pull();
      }
    }
    async *[Symbol.asyncIterator](): AsyncGenerator<Chunk> {
      const chunks: Chunk[] = [];
      let done = false;
      let failed: unknown;
      let wake: (() => void) | undefined;
      this.on('data', (c: Chunk) => (chunks.push(c), wake?.()));
      this.on('end', () => ((done = true), wake?.()));
      this.on('error', (e: unknown) => ((failed = e), (done = true), wake?.()));
      for (;;) {
        if (chunks.length > 0) yield chunks.shift();
        else if (failed) throw failed;
        else if (done) return;
        else await new Promise<void>((r) => (wake = r));
      }
    }
    static from(iterable: Iterable<Chunk> | AsyncIterable<Chunk>, options: StreamOptions = {}): Readable {
      const r = new Readable({ objectMode: true, ...options });
      (async () => {
        for await (const c of iterable as AsyncIterable<Chunk>) r.push(c);
        r.push(null);
      })().catch((err: Error) => r.destroy(err));
      return r;
    }
  }

  const writableInit = (self: Writable, options: StreamOptions) => {
    self._writableState = { queue: [], writing: false, ending: false, finished: false, objectMode: !!options.objectMode, length: 0, hwm: options.highWaterMark ?? 16384, needDrain: false };
    if (options.write) self._write = options.write;
    if (options.final) self._final = options.final;
  };

  const writableMethods = {
    get writable(): boolean {
      const self = this as unknown as Writable;
      return !self.destroyed && !self._writableState.ending;
    },
    get writableEnded(): boolean {
      return (this as unknown as Writable)._writableState.ending;
    },
    get writableFinished(): boolean {
      return (this as unknown as Writable)._writableState.finished;
    },
    get writableLength(): number {
      return (this as unknown as Writable)._writableState.length;
    },
    _write(this: Writable, _chunk: Chunk, _encoding: string, callback: Callback): void {
      callback();
    },
    _final(this: Writable, callback: Callback): void {
      callback();
    },
    write(this: Writable, chunk: Chunk, encoding?: string | Callback, cb?: Callback): boolean {
      if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
      const st = this._writableState;
      if (st.ending) {
        const err = Object.assign(new Error('write after end'), { code: 'ERR_STREAM_WRITE_AFTER_END' });
        defer(() => (cb?.(err), this.emit('error', err)));
        return false;
      }
      const data = toChunk(chunk, encoding, st.objectMode);
      st.length += st.objectMode ? 1 : (data as Uint8Array).length;
      st.queue.push({ chunk: data, encoding: encoding ?? (typeof chunk === 'string' ? 'utf8' : 'buffer'), cb });
      this._drainQueue();
      const ok = st.length < st.hwm;
      if (!ok) st.needDrain = true;
      return ok;
    },
    _drainQueue(this: Writable): void {
      const st = this._writableState;
      if (st.writing || this.destroyed) return;
      const next = st.queue.shift();
      if (!next) {
        if (st.needDrain) {
          st.needDrain = false;
          defer(() => this.emit('drain'));
        }
        if (st.ending && !st.finished) {
          st.writing = true;
          this._final((err) => {
            st.writing = false;
            if (err) return void this.destroy(err);
            st.finished = true;
            defer(() => {
              this.emit('finish');
              if (!(this instanceof Duplex) || (this as unknown as Readable)._readableState.endEmitted) this.destroy();
            });
          });
        }
        return;
      }
      st.writing = true;
      this._write(next.chunk, next.encoding, (err) => {
        st.writing = false;
        st.length -= st.objectMode ? 1 : (next.chunk as Uint8Array).length;
        if (err) {
          next.cb?.(err);
          this.destroy(err);
          return;
        }
        if (next.cb) defer(() => next.cb!(null));
        this._drainQueue();
      });
    },
    end(this: Writable, chunk?: Chunk | Callback, encoding?: string | Callback, cb?: Callback): Writable {
      if (typeof chunk === 'function') [cb, chunk] = [chunk as Callback, undefined];
      if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
      if (chunk !== undefined && chunk !== null) this.write(chunk, encoding as string | undefined);
      const st = this._writableState;
      if (cb) this.once('finish', cb);
      if (!st.ending) {
        st.ending = true;
        this._drainQueue();
      }
      return this;
    },
    cork(): void {},
    uncork(): void {},
    setDefaultEncoding(this: Writable): Writable {
      return this;
    },
  };

  interface Writable extends Stream {
    _writableState: WriteState;
    _write(chunk: Chunk, encoding: string, callback: Callback): void;
    _final(callback: Callback): void;
    _drainQueue(): void;
    write(chunk: Chunk, encoding?: string | Callback, cb?: Callback): boolean;
    end(chunk?: Chunk | Callback, encoding?: string | Callback, cb?: Callback): Writable;
  }
  class Writable extends Stream {
    constructor(options: StreamOptions = {}) {
      super();
      writableInit(this, options);
      if (options.destroy) (this as unknown as { _destroy: unknown })._destroy = options.destroy;
    }
  }
  Object.defineProperties(Writable.prototype, Object.getOwnPropertyDescriptors(writableMethods));

  interface Duplex extends Writable {}
  class Duplex extends Readable {
    constructor(options: StreamOptions = {}) {
      super(options);
      writableInit(this as unknown as Writable, options);
    }
  }
  Object.defineProperties(Duplex.prototype, Object.getOwnPropertyDescriptors(writableMethods));

  class Transform extends Duplex {
    constructor(options: StreamOptions = {}) {
      super(options);
      if (options.transform) this._transform = options.transform;
      if (options.flush) this._flush = options.flush;
    }
    _transform(chunk: Chunk, _encoding: string, callback: (err?: Error | null, data?: Chunk) => void): void {
      callback(null, chunk);
    }
    _flush(callback: (err?: Error | null, data?: Chunk) => void): void {
      callback();
    }
    override _write(chunk: Chunk, encoding: string, callback: Callback): void {
      this._transform(chunk, encoding, (err, data) => {
        if (data !== undefined && data !== null) this.push(data);
        callback(err);
      });
    }
    override _final(callback: Callback): void {
      this._flush((err, data) => {
        if (data !== undefined && data !== null) this.push(data);
        this.push(null);
        callback(err);
      });
    }
  }

  class PassThrough extends Transform {}

  function finished(stream: Stream, callback: Callback): () => void {
    let done = false;
    const once = (err?: Error | null) => {
      if (!done) {
        done = true;
        callback(err ?? null);
      }
    };
    stream.on('end', () => once());
    stream.on('finish', () => once());
    stream.on('error', (e: Error) => once(e));
    stream.on('close', () => once());
    return () => undefined;
  }

  function pipeline(...args: unknown[]): Stream {
    const cb = typeof args[args.length - 1] === 'function' ? (args.pop() as Callback) : undefined;
    const streams = args.flat() as Stream[];
    for (let i = 0; i < streams.length - 1; i++) streams[i]!.pipe(streams[i + 1] as Writable);
    const last = streams[streams.length - 1]!;
    let failed = false;
    for (const s of streams) s.on('error', (e: Error) => !failed && ((failed = true), cb?.(e)));
    last.on('finish', () => !failed && cb?.(null));
    return last;
  }

  return { Stream, Readable, Writable, Duplex, Transform, PassThrough, finished, pipeline };
}
