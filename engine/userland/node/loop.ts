/**
 * Node's event loop for one emulated process, as an async loop of system
 * calls so the emulator's scheduler keeps running between its turns:
 *
 *   timers → jobs (connects, lookups) → poll (sockets, stdin; sleeps until
 *   the next timer) → immediates → again, while anything keeps it alive.
 *
 * Everything the script asked for is a *handle*: a timer, an immediate, a
 * watched descriptor (a listening server, a socket), a job. A handle that
 * is ref'd keeps the process alive; when none is left the loop ends and
 * the process exits, as `node app.js` does when there is nothing to wait
 * for. After each callback, `process.nextTick` callbacks run, then the
 * promise jobs the callback queued (they run whenever this loop awaits).
 *
 * Output (console.log, process.stdout.write) is queued in order and
 * written between callbacks, so a script's synchronous writes keep their
 * order across stdout and stderr.
 */
import { utf8 } from '../../common/bytes.ts';
import { FsError } from '../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import type { Guard } from './guard.ts';
import { Immediate, Timeout } from './timers.ts';

export { Immediate, Timeout };

/** Where a callback came from: it decides the Node-internal frames under the learner's in a stack trace. */
export type Origin = 'main' | 'esm' | 'timer' | 'immediate' | 'tick' | 'http' | 'io' | 'signal' | 'eval' | 'rejection';

/** The longest a blocking poll waits before looking again (work a host promise queued meanwhile). */
const MAX_POLL_MS = 1000;

/**
 * A descriptor the loop polls for a Berth module (a socket, a server,
 * stdin). The callbacks are the module's own code: they make the system
 * calls, then run the script's handlers through `invoke`.
 */
export interface Watcher {
  /** The descriptor is readable (data, a connection, end of file). */
  readable?: () => Promise<void> | void;
  /** The descriptor can take more output (set only while output waits). */
  writable?: () => Promise<void> | void;
  ref: boolean;
}

interface Job {
  run: () => Promise<unknown>;
  done: (err: unknown, value: unknown) => void;
  origin: Origin;
}

export class EventLoop {
  readonly timers: Timeout[] = [];
  private readonly byId = new Map<number, Timeout>();
  private immediates: Immediate[] = [];
  private readonly ticks: (() => void)[] = [];
  readonly watchers = new Map<number, Watcher>();
  private readonly jobs: Job[] = [];
  private readonly output: { fd: number; data: Uint8Array }[] = [];
  private readonly signals: number[] = [];
  private seq = 0;
  /** Where the running callback came from. */
  origin: Origin = 'main';
  /** An uncaught exception that ends the process. */
  fatal: { error: unknown; origin: Origin; rejection?: boolean } | undefined;

  /** Set by the process: 'uncaughtException' listeners; true if they took the error. */
  uncaught: (error: unknown, origin: Origin) => boolean = () => false;
  /** Set by the process: emits the signal's event. */
  onSignal: (signal: number) => void = () => undefined;

  constructor(private readonly sys: Sys, readonly guard: Guard) {}

  /** The process is ending: process.exit, a fatal error, or a runaway script. */
  get stopping(): boolean {
    return this.guard.tripped || this.guard.ending || this.fatal !== undefined;
  }

  // ---- callbacks ---------------------------------------------------------------------

  /** Runs a callback of the script; what it throws is an uncaught exception. Then the nextTick queue. */
  invoke(fn: () => void, origin: Origin): void {
    if (this.stopping) return;
    const outer = this.origin;
    this.origin = origin;
    try {
      fn();
    } catch (err) {
      this.fail(err, origin);
    }
    this.drainTicks();
    this.origin = outer;
  }

  fail(error: unknown, origin: Origin): void {
    if (isProcessControl(error)) throw error;
    if (this.stopping) return;
    if (!this.uncaught(error, origin)) this.fatal = { error, origin };
  }

  nextTick(fn: () => void): void {
    this.ticks.push(fn);
  }

  private drainTicks(): void {
    while (this.ticks.length > 0 && !this.stopping) {
      const fn = this.ticks.shift()!;
      const outer = this.origin;
      this.origin = 'tick';
      try {
        fn();
      } catch (err) {
        this.fail(err, 'tick');
      }
      this.origin = outer;
    }
  }

  /** Set by the process: promises rejected with no handler so far (./promise.ts). */
  rejections: Map<Promise<unknown>, unknown> = new Map();
  /** Set by the process: an unhandled rejection; false when nobody took it ('unhandledRejection' listeners). */
  unhandledRejection: (reason: unknown, promise: Promise<unknown>) => boolean = () => false;

  /** Lets nextTick callbacks and promise jobs run until both queues are quiet, then writes output. */
  async settle(): Promise<void> {
    for (let round = 0; round < 1000 && !this.stopping; round++) {
      this.drainTicks();
      await Promise.resolve();
      await Promise.resolve();
      if (this.ticks.length === 0) break;
    }
    if (this.rejections.size > 0 && !this.stopping) await this.checkRejections();
    await this.flush();
  }

  /** After every promise job has run (a macrotask comes only then), rejections still unhandled are Node's "unhandled rejections". */
  private async checkRejections(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    for (const [promise, reason] of [...this.rejections]) {
      if (this.stopping) return;
      if (!this.rejections.has(promise)) continue;
      this.rejections.delete(promise);
      this.invoke(() => {
        if (!this.unhandledRejection(reason, promise)) this.fatal = { error: reason, origin: 'rejection', rejection: true };
      }, 'tick');
    }
  }

  // ---- timers and immediates ---------------------------------------------------------------

  /** The callback is called as the timer's `_onTimeout` method, as Node does (stack traces say "Timeout._onTimeout"). */
  setTimer(callback: (...args: unknown[]) => void, ms: number, repeat: boolean, args: unknown[] = []): Timeout {
    const t = new Timeout(this, callback, ms, repeat, args);
    this.byId.set(t.id, t);
    this.schedule(t);
    return t;
  }

  schedule(t: Timeout): void {
    const at = this.timers.indexOf(t);
    if (at >= 0) this.timers.splice(at, 1);
    t.due = performance.now() + t._idleTimeout;
    t.seq = this.seq++;
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.due > t.due) i--;
    this.timers.splice(i, 0, t);
  }

  clearTimer(t: unknown): void {
    const timer = t instanceof Timeout ? t : typeof t === 'number' || typeof t === 'string' ? this.byId.get(Number(t)) : undefined;
    if (!timer) return;
    timer._destroyed = true;
    this.byId.delete(timer.id);
    const at = this.timers.indexOf(timer);
    if (at >= 0) this.timers.splice(at, 1);
  }

  private runTimers(): void {
    const now = performance.now();
    const due = this.timers.filter((t) => t.due <= now);
    for (const t of due) {
      if (this.stopping) return;
      if (t._destroyed || !this.timers.includes(t)) continue;
      this.timers.splice(this.timers.indexOf(t), 1);
      if (t._repeat !== null) this.schedule(t);
      else {
        t._destroyed = true;
        this.byId.delete(t.id);
      }
      this.invoke(() => t._onTimeout?.(...t._timerArgs), 'timer');
    }
  }

  setImmediate(callback: (...args: unknown[]) => void, args: unknown[] = []): Immediate {
    const im = new Immediate(callback, args);
    this.immediates.push(im);
    return im;
  }

  clearImmediate(im: unknown): void {
    if (im instanceof Immediate) im._onImmediate = null;
    this.immediates = this.immediates.filter((i) => i !== im);
  }

  private runImmediates(): void {
    const now = this.immediates;
    this.immediates = [];
    for (const im of now) {
      if (im._onImmediate) this.invoke(() => im._onImmediate?.call(im, ...im._args), 'immediate');
    }
  }

  // ---- descriptors, jobs, output, signals --------------------------------------------------

  watch(fd: number, watcher: Watcher): void {
    this.watchers.set(fd, watcher);
  }

  unwatch(fd: number): void {
    this.watchers.delete(fd);
  }

  /** An async operation (a connect, a name lookup) the loop runs in turn; `done` is called as a callback. */
  job<T>(run: () => Promise<T>, done: (err: unknown, value: T | undefined) => void, origin: Origin = 'io'): void {
    this.jobs.push({ run, done: done as Job['done'], origin });
  }

  private async runJobs(): Promise<void> {
    while (this.jobs.length > 0 && !this.stopping) {
      const job = this.jobs.shift()!;
      let error: unknown;
      let value: unknown;
      try {
        value = await job.run();
      } catch (err) {
        if (isProcessControl(err)) throw err;
        error = err;
      }
      this.invoke(() => job.done(error, value), job.origin);
      await this.settle();
    }
  }

  /** The process is ending: jobs still queued (file writes) are done, their callbacks not run. */
  async finishJobs(): Promise<void> {
    while (this.jobs.length > 0) {
      try {
        await this.jobs.shift()!.run();
      } catch (err) {
        if (isProcessControl(err)) throw err;
      }
    }
  }

  write(fd: number, data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? utf8(data) : data;
    if (bytes.length > 0) this.output.push({ fd, data: bytes });
  }

  async flush(): Promise<void> {
    while (this.output.length > 0) {
      const { fd, data } = this.output.shift()!;
      try {
        await this.sys.write(fd, data);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        // EPIPE, EBADF, or EINTR from a signal while a full pipe blocked: the rest of that write is lost.
      }
    }
  }

  /** Called from the kernel's signal handler: the loop emits it at its next turn. */
  raise(signal: number): void {
    this.signals.push(signal);
  }

  private dispatchSignals(): void {
    while (this.signals.length > 0 && !this.stopping) {
      const sig = this.signals.shift()!;
      this.invoke(() => this.onSignal(sig), 'signal');
    }
  }

  // ---- the loop ----------------------------------------------------------------------------

  /** Whether a ref'd handle is left. */
  alive(): boolean {
    return this.timers.some((t) => t.refed) || this.immediates.some((i) => i.refed) || this.jobs.length > 0 || [...this.watchers.values()].some((w) => w.ref) || this.output.length > 0;
  }

  /** Runs until nothing keeps the process alive or it is stopping. */
  async run(): Promise<void> {
    while (!this.stopping) {
      await this.settle();
      this.runTimers();
      await this.settle();
      await this.runJobs();
      if (this.stopping) break;
      if (!this.alive()) {
        // Node exits only once the microtask queue is empty: a macrotask comes only then (or never, until the guard stops the script).
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        await this.settle();
        if (this.stopping || !this.alive()) break;
      }
      await this.poll();
      this.dispatchSignals();
      await this.settle();
      this.runImmediates();
    }
    await this.flush();
  }

  private timeout(): number {
    if (this.immediates.length > 0 || this.jobs.length > 0 || this.ticks.length > 0) return 0;
    const next = this.timers[0];
    if (!next) return MAX_POLL_MS;
    return Math.max(0, Math.min(MAX_POLL_MS, Math.ceil(next.due - performance.now())));
  }

  private async poll(): Promise<void> {
    const fds = () => [...this.watchers.entries()].filter(([, w]) => w.readable || w.writable).map(([fd, w]) => ({ fd, in: !!w.readable, out: !!w.writable }));
    let ready = await this.pollOnce(fds(), 0);
    let timeout = this.timeout();
    if (ready.length === 0 && timeout > 0) {
      // Before sleeping, let every promise job the script queued run (a macrotask comes only after them): they may add timers or output.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      await this.flush();
      if (this.stopping) return;
      timeout = this.timeout();
      ready = await this.pollOnce(fds(), timeout);
    }
    for (const r of ready) {
      if (this.stopping) return;
      const w = this.watchers.get(r.fd);
      if (!w) continue;
      if ((r.in || r.hup) && w.readable) await w.readable();
      const again = this.watchers.get(r.fd);
      if ((r.out || r.hup) && again?.writable) await again.writable();
    }
  }

  private async pollOnce(fds: { fd: number; in: boolean; out: boolean }[], timeout: number): Promise<{ fd: number; in: boolean; out: boolean; hup: boolean }[]> {
    try {
      return await this.sys.poll(fds, timeout);
    } catch (err) {
      if (err instanceof FsError && err.code === 'EINTR') return [];
      throw err;
    }
  }
}
