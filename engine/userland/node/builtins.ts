/**
 * The built-in modules and globals of one node process, made when first
 * required. A built-in Node has and Berth does not (zlib, worker_threads…)
 * fails to load with a message that says so.
 */
import { Buffer } from 'buffer';
import type { NodeContext } from './context.ts';
import { makeConsole } from './console.ts';
import { EventEmitter } from './events.ts';
import { fetch } from './fetch.ts';
import type { FileCache } from './files.ts';
import { makeFs } from './fs.ts';
import { makeHttp } from './http.ts';
import { makeAssert, makeCrypto, makeDns, makeOs, makeQuerystring, StringDecoder } from './misc.ts';
import { BUILTIN_NAMES, type ModuleSystem } from './modules.ts';
import { makeNet } from './net.ts';
import { makePath } from './path.ts';
import type { NodeProcess } from './process.ts';
import { makeReadline } from './readline.ts';
import { urlModule } from './url.ts';
import { makeUtil } from './util.ts';

type Fn = (...args: unknown[]) => unknown;

export function makeTimers(ctx: NodeContext) {
  const { loop } = ctx;
  const check = (fn: unknown) => {
    if (typeof fn !== 'function') throw Object.assign(new TypeError(`The "callback" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`), { code: 'ERR_INVALID_ARG_TYPE' });
  };
  return {
    setTimeout: (fn: Fn, ms?: number, ...args: unknown[]) => (check(fn), loop.setTimer(fn, Number(ms), false, args)),
    setInterval: (fn: Fn, ms?: number, ...args: unknown[]) => (check(fn), loop.setTimer(fn, Number(ms), true, args)),
    setImmediate: (fn: Fn, ...args: unknown[]) => (check(fn), loop.setImmediate(fn, args)),
    clearTimeout: (t: unknown) => loop.clearTimer(t),
    clearInterval: (t: unknown) => loop.clearTimer(t),
    clearImmediate: (t: unknown) => loop.clearImmediate(t),
    queueMicrotask: (fn: Fn) => {
      check(fn);
      queueMicrotask(() => {
        try {
          fn();
        } catch (err) {
          loop.fail(err, 'tick');
        }
      });
    },
  };
}

export function makeGlobals(ctx: NodeContext, proc: NodeProcess, stackOf: (err: Error) => string): Record<string, unknown> {
  const timers = makeTimers(ctx);
  const host = globalThis as unknown as Record<string, unknown>;
  return {
    ...timers,
    process: proc,
    console: makeConsole(ctx, stackOf),
    Buffer,
    performance: { now: () => performance.now(), timeOrigin: Date.now() - performance.now(), mark: () => undefined, measure: () => undefined, toJSON: () => ({}) },
    structuredClone: host.structuredClone,
    fetch: (input: unknown, init?: object) => ctx.adopt(fetch(ctx, input, init)),
    Headers: host.Headers,
    Request: host.Request,
    Response: host.Response,
    FormData: host.FormData,
  };
}

export function makeBuiltins(ctx: NodeContext, files: FileCache, proc: NodeProcess, modules: () => ModuleSystem): (name: string) => unknown {
  const made = ctx.builtins;
  const once = (name: string, make: () => unknown) => {
    if (!made.has(name)) made.set(name, make());
    return made.get(name);
  };
  const fs = () => once('#fs', () => makeFs(ctx, files)) as ReturnType<typeof makeFs>;
  const net = () => once('net', () => makeNet(ctx)) as ReturnType<typeof makeNet>;
  const streams = () => {
    const s = ctx.streams;
    const promises = {
      pipeline: (...streams: unknown[]) => new ctx.Promise((resolve, reject) => s.pipeline(...streams, (err?: Error | null) => (err ? reject(err) : resolve(undefined)))),
      finished: (stream: InstanceType<typeof s.Stream>) => new ctx.Promise((resolve, reject) => s.finished(stream, (err?: Error | null) => (err ? reject(err) : resolve(undefined)))),
    };
    return Object.assign(s.Stream, { ...s, promises });
  };
  const makers: Record<string, () => unknown> = {
    fs: () => {
      const f = fs();
      return { ...f.sync, ...f.callbacks, promises: f.promises, constants: f.constants, Stats: f.Stats, Dirent: f.Dirent, ...makeFileStreams(ctx, files) };
    },
    'fs/promises': () => fs().promises,
    path: () => makePath(() => ctx.sys.getcwd()),
    'path/posix': () => makePath(() => ctx.sys.getcwd()),
    os: () => makeOs(ctx, files),
    events: () => EventEmitter,
    util: () => makeUtil(ctx),
    url: () => urlModule,
    http: () => makeHttp(ctx, net(), 80),
    https: () => makeHttp(ctx, net(), 443),
    net,
    stream: streams,
    'stream/promises': () => (streams() as unknown as { promises: unknown }).promises,
    buffer: () => ({ Buffer, constants: { MAX_LENGTH: 2 ** 32, MAX_STRING_LENGTH: 2 ** 29 - 24 }, kMaxLength: 2 ** 32, atob: (globalThis as unknown as Record<string, unknown>).atob, btoa: (globalThis as unknown as Record<string, unknown>).btoa }),
    string_decoder: () => ({ StringDecoder }),
    timers: () => makeTimers(ctx),
    'timers/promises': () => ({
      setTimeout: (ms?: number, value?: unknown) => new ctx.Promise((resolve) => ctx.loop.setTimer(() => resolve(value), Number(ms), false)),
      setImmediate: (value?: unknown) => new ctx.Promise((resolve) => ctx.loop.setImmediate(() => resolve(value))),
      scheduler: { wait: (ms: number) => new ctx.Promise((resolve) => ctx.loop.setTimer(() => resolve(undefined), ms, false)) },
    }),
    process: () => proc,
    console: () => ctx.sandbox.global.console,
    assert: () => makeAssert(ctx),
    'assert/strict': () => makeAssert(ctx).strict,
    querystring: () => makeQuerystring(),
    crypto: () => makeCrypto(ctx),
    dns: () => makeDns(ctx),
    'dns/promises': () => makeDns(ctx).promises,
    readline: () => makeReadline(ctx),
    'readline/promises': () => makeReadline(ctx).promises,
    'util/types': () => makeUtil(ctx).types,
    module: () => ({ builtinModules: BUILTIN_NAMES, createRequire: (filename: string) => modules().createRequire(filename), isBuiltin: (n: string) => modules().isBuiltin(n) }),
    worker_threads: () => ({ isMainThread: true, parentPort: null, workerData: null, threadId: 0 }),
    perf_hooks: () => ({ performance: ctx.sandbox.global.performance }),
    tty: () => ({ isatty: (fd: number) => ctx.sys.isatty(fd) }),
    v8: () => ({ getHeapStatistics: () => ({ total_heap_size: 6e6, used_heap_size: 4.5e6, heap_size_limit: 2.2e9 }) }),
  };
  return (name: string) => {
    const make = makers[name];
    return make ? once(name, make) : undefined;
  };
}

/** fs.createReadStream / createWriteStream over the loop's jobs. */
function makeFileStreams(ctx: NodeContext, files: FileCache) {
  const { Readable, Writable } = ctx.streams;
  const fs = makeFs(ctx, files);
  return {
    createReadStream: (path: string, options?: { encoding?: string; start?: number; end?: number } | string) => {
      const o = typeof options === 'string' ? { encoding: options } : (options ?? {});
      let started = false;
      const stream = new Readable({
        encoding: o.encoding,
        read() {
          if (started) return;
          started = true;
          (fs.promises.readFile as (p: string) => Promise<Uint8Array>)(path).then(
            (data) => {
              const slice = data.subarray(o.start ?? 0, o.end === undefined ? undefined : o.end + 1);
              for (let i = 0; i < slice.length; i += 65536) stream.push(Buffer.from(slice.subarray(i, i + 65536)));
              stream.push(null);
            },
            (err: Error) => ctx.loop.nextTick(() => stream.destroy(err)),
          );
        },
      });
      Object.assign(stream, { path, bytesRead: 0 });
      ctx.loop.nextTick(() => stream.emit('open'));
      return stream;
    },
    createWriteStream: (path: string, options?: { flags?: string; encoding?: string } | string) => {
      const o = typeof options === 'string' ? { encoding: options } : (options ?? {});
      let flag = o.flags ?? 'w';
      if (flag.startsWith('w')) {
        fs.sync.writeFileSync(path, '', { flag });
        flag = 'a';
      }
      const stream = new Writable({
        write(chunk, _enc, cb) {
          (fs.promises.writeFile as (p: string, d: unknown, o: object) => Promise<void>)(path, chunk, { flag }).then(() => cb(), (err: Error) => cb(err));
          flag = 'a';
        },
      });
      Object.assign(stream, { path, bytesWritten: 0 });
      ctx.loop.nextTick(() => stream.emit('open'));
      return stream;
    },
    watch: () => Object.assign(new (EventEmitter as unknown as new () => object)(), { close: () => undefined }),
  };
}

