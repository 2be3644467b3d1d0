/**
 * The `process` object and its stdio streams. `process.exit` runs the 'exit'
 * listeners and ends the script at once (every guard check throws from then
 * on); signal listeners install a kernel handler, so `process.on('SIGTERM')`
 * is what lets `docker stop` end a server cleanly — without one, SIGTERM
 * kills the process as it does Node (and a PID 1 ignores it, as Linux does).
 */
import { Buffer } from 'buffer';
import { parseSignal, signalName, SIGPIPE } from '../../kernel/signals.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import type { NodeContext } from './context.ts';
import { codeError } from './errors.ts';
import { EventEmitter, emitterInit, type EventEmitter as Emitter } from './events.ts';
import { ProcessEnding } from './guard.ts';
import { NODE_VERSION } from './stack.ts';

export const VERSIONS = {
  node: NODE_VERSION.slice(1), acorn: '8.12.1', ada: '2.9.0', ares: '1.33.1', brotli: '1.1.0', cjs_module_lexer: '1.4.1', cldr: '45.0', icu: '75.1', llhttp: '8.1.2', modules: '115',
  napi: '9', nghttp2: '1.63.0', openssl: '3.0.13+quic', tz: '2024a', undici: '6.19.8', unicode: '15.1', uv: '1.46.0', uvwasi: '0.0.21', v8: '11.3.244.8-node.23', zlib: '1.3.0.1-motley-209f22f',
};

export type NodeProcess = Emitter & Record<string, unknown> & { exitCode: number | undefined; _exiting: boolean; stdout: StdWritable; stderr: StdWritable };
type StdWritable = Emitter & { write(chunk: unknown, encoding?: unknown, cb?: unknown): boolean; isTTY?: boolean; fd: number };

export function makeProcess(ctx: NodeContext, argv: string[], execArgv: string[]): NodeProcess {
  const { sys, loop } = ctx;
  const { Writable, Readable } = ctx.streams;
  const start = performance.now();

  const stdio = (fd: number) => {
    const s = new Writable({
      write(chunk, _enc, cb) {
        loop.write(fd, chunk as Uint8Array);
        cb();
      },
    }) as unknown as StdWritable & Record<string, unknown>;
    s.fd = fd;
    if (sys.isatty(fd)) {
      s.isTTY = true;
      const size = () => {
        try {
          return sys.getWinsize(fd);
        } catch {
          return { rows: 24, cols: 80 };
        }
      };
      Object.defineProperty(s, 'columns', { get: () => size().cols, enumerable: true });
      Object.defineProperty(s, 'rows', { get: () => size().rows, enumerable: true });
      s.getWindowSize = () => [size().cols, size().rows];
      s.hasColors = (count = 16) => count <= 256;
      s.getColorDepth = () => 8;
      s.cursorTo = (x: number, y?: number, cb?: () => void) => s.write(y === undefined ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`, cb);
      s.moveCursor = (dx: number, dy: number, cb?: () => void) => s.write(`${dx ? `\x1b[${Math.abs(dx)}${dx > 0 ? 'C' : 'D'}` : ''}${dy ? `\x1b[${Math.abs(dy)}${dy > 0 ? 'B' : 'A'}` : ''}`, cb);
      s.clearLine = (dir = 0, cb?: () => void) => s.write(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K', cb);
      s.clearScreenDown = (cb?: () => void) => s.write('\x1b[0J', cb);
    }
    return s;
  };

  const stdin = new Readable({
    read() {
      loop.watch(0, {
        ref: true,
        readable: async () => {
          let data: Uint8Array;
          try {
            data = await sys.read(0, 65536);
          } catch (err) {
            if (isProcessControl(err)) throw err;
            data = new Uint8Array(0);
          }
          loop.unwatch(0);
          loop.invoke(() => (stdin as unknown as { push(c: unknown): void }).push(data.length === 0 ? null : Buffer.from(data)), 'io');
        },
      });
    },
  }) as unknown as Emitter & Record<string, unknown>;
  stdin.fd = 0;
  if (sys.isatty(0)) {
    stdin.isTTY = true;
    stdin.isRaw = false;
    stdin.setRawMode = (on: boolean) => {
      const t = sys.tcgetattr(0);
      sys.tcsetattr(0, { ...t, icanon: !on, echo: !on, isig: !on, iexten: !on });
      stdin.isRaw = on;
      return stdin;
    };
  }
  const pause = (stdin as unknown as { pause: () => unknown }).pause.bind(stdin);
  (stdin as unknown as { pause: () => unknown }).pause = () => {
    loop.unwatch(0);
    return pause();
  };

  class Process extends (EventEmitter as unknown as new () => Emitter) {}
  Object.defineProperty(Process, 'name', { value: 'process' });
  const proc = new Process() as NodeProcess;
  emitterInit(proc);
  let exitCode: number | undefined;
  proc._exiting = false;

  const exit = (code?: unknown) => {
    if (code !== undefined && code !== null) proc.exitCode = code as number;
    if (!proc._exiting) {
      proc._exiting = true;
      proc.emit('exit', proc.exitCode ?? 0);
    }
    loop.guard.ending = true;
    throw new ProcessEnding('process.exit()');
  };

  const handled = new Set<number>();
  /** Installs or removes the kernel handler as listeners come and go ('newListener' comes before the listener is added). */
  const syncSignals = (event: unknown, adding: boolean) => {
    if (typeof event !== 'string' || !event.startsWith('SIG')) return;
    const sig = parseSignal(event);
    if (sig === undefined || sig === 9 || sig === 19) return;
    const listening = adding || proc.listenerCount(event) > 0;
    if (listening && !handled.has(sig)) {
      handled.add(sig);
      sys.signal(sig, (n) => loop.raise(n));
    } else if (!listening && handled.has(sig)) {
      handled.delete(sig);
      sys.signal(sig, sig === SIGPIPE ? 'ignore' : 'default');
    }
  };
  loop.onSignal = (sig) => {
    const name = `SIG${signalName(sig) ?? sig}`;
    proc.emit(name, name, sig);
  };

  const memoryUsage = Object.assign(
    () => ({ rss: 40_000_000 + ctx.sandbox.files.size * 4096, heapTotal: 6_000_000, heapUsed: 4_500_000, external: 1_400_000, arrayBuffers: 10_500 }),
    { rss: () => 40_000_000 },
  );
  const hrtime = Object.assign(
    (prev?: [number, number]) => {
      const ns = BigInt(Math.round((performance.now() + 1e6) * 1e6));
      const s = Number(ns / 1_000_000_000n);
      const n = Number(ns % 1_000_000_000n);
      if (!prev) return [s, n];
      let ds = s - prev[0];
      let dn = n - prev[1];
      if (dn < 0) [ds, dn] = [ds - 1, dn + 1e9];
      return [ds, dn];
    },
    { bigint: () => BigInt(Math.round((performance.now() + 1e6) * 1e6)) },
  );

  Object.assign(proc, {
    title: 'node',
    version: NODE_VERSION,
    versions: VERSIONS,
    release: { name: 'node', lts: 'Iron', sourceUrl: `https://nodejs.org/download/release/${NODE_VERSION}/node-${NODE_VERSION}.tar.gz`, headersUrl: `https://nodejs.org/download/release/${NODE_VERSION}/node-${NODE_VERSION}-headers.tar.gz` },
    arch: 'x64',
    platform: 'linux',
    argv,
    argv0: 'node',
    execArgv,
    execPath: '/usr/local/bin/node',
    env: ctx.env,
    pid: sys.pid,
    ppid: sys.ppid,
    features: { inspector: true, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true },
    config: { target_defaults: {}, variables: {} },
    stdout: stdio(1),
    stderr: stdio(2),
    stdin,
    exit,
    reallyExit: exit,
    abort: () => sys.kill(sys.pid, 6),
    cwd: () => sys.getcwd(),
    chdir: (dir: string) => sys.chdir(dir),
    umask: (mask?: number) => (mask === undefined ? sys.umask(sys.umask(0)) : sys.umask(mask)),
    getuid: () => sys.getuid(),
    geteuid: () => sys.geteuid(),
    getgid: () => sys.getgid(),
    getegid: () => sys.getegid(),
    getgroups: () => sys.getgroups(),
    uptime: () => (performance.now() - start) / 1000,
    hrtime,
    memoryUsage,
    cpuUsage: () => ({ user: Math.round((performance.now() - start) * 300), system: Math.round((performance.now() - start) * 50) }),
    resourceUsage: () => ({ maxRSS: 40_000, userCPUTime: 0, systemCPUTime: 0 }),
    nextTick: (fn: (...a: unknown[]) => void, ...args: unknown[]) => {
      if (typeof fn !== 'function') throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "callback" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`);
      loop.nextTick(() => fn(...args));
    },
    kill: (pid: number, sig: string | number = 'SIGTERM') => {
      const n = typeof sig === 'number' ? sig : parseSignal(sig);
      if (n === undefined) throw codeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${sig}`);
      sys.kill(pid, n);
      return true;
    },
    emitWarning: (warning: string | Error, type?: string | { type?: string }) => {
      const name = typeof type === 'string' ? type : (type?.type ?? (warning instanceof Error ? warning.name : 'Warning'));
      const text = warning instanceof Error ? warning.message : String(warning);
      loop.nextTick(() => {
        proc.emit('warning', Object.assign(new Error(text), { name }));
        loop.write(2, `(node:${sys.pid}) ${name}: ${text}\n(Use \`node --trace-warnings ...\` to show where the warning was created)\n`);
      });
    },
    binding: (name: string) => {
      throw new Error(`No such module: ${name}`);
    },
    setUncaughtExceptionCaptureCallback: () => undefined,
    hasUncaughtExceptionCaptureCallback: () => false,
    allowedNodeEnvironmentFlags: new Set<string>(),
  });
  Object.defineProperty(proc, 'exitCode', {
    get: () => exitCode,
    set: (v: unknown) => {
      if (v === undefined || v === null) exitCode = undefined;
      else if (Number.isInteger(Number(v))) exitCode = Number(v);
      else throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "code" argument must be of type number. Received ${typeof v}`);
    },
    enumerable: true,
  });
  proc.on('newListener', (event: unknown) => syncSignals(event, true));
  proc.on('removeListener', (event: unknown) => syncSignals(event, false));
  return proc;
}
