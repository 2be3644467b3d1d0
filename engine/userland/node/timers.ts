/**
 * What setTimeout, setInterval and setImmediate return: Node's Timeout (with
 * ref/unref/refresh/close and a number when coerced, so clearTimeout takes
 * either) and Immediate. The event loop (./loop.ts) keeps and runs them.
 */

const MAX_TIMER_MS = 2 ** 31 - 1;

/** The part of the event loop a timer talks to. */
export interface TimerList {
  schedule(t: Timeout): void;
  clearTimer(t: unknown): void;
}

let nextTimerId = 1;

/** What `setTimeout` and `setInterval` return, with Node's methods. */
export class Timeout {
  _idleTimeout: number;
  _onTimeout: ((...args: unknown[]) => void) | null;
  _timerArgs: unknown[];
  _repeat: number | null;
  _destroyed = false;
  due = 0;
  seq = 0;
  refed = true;
  readonly id = nextTimerId++;

  constructor(private readonly loop: TimerList, callback: (...args: unknown[]) => void, ms: number, repeat: boolean, args: unknown[]) {
    const delay = !(ms >= 1 && ms <= MAX_TIMER_MS) ? 1 : Math.trunc(ms);
    this._idleTimeout = delay;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = repeat ? delay : null;
  }
  ref(): this {
    this.refed = true;
    return this;
  }
  unref(): this {
    this.refed = false;
    return this;
  }
  hasRef(): boolean {
    return this.refed;
  }
  refresh(): this {
    if (!this._destroyed) this.loop.schedule(this);
    return this;
  }
  close(): this {
    this.loop.clearTimer(this);
    return this;
  }
  [Symbol.toPrimitive](): number {
    return this.id;
  }
}

export class Immediate {
  _onImmediate: ((...args: unknown[]) => void) | null;
  refed = true;
  constructor(callback: (...args: unknown[]) => void, readonly _args: unknown[] = []) {
    this._onImmediate = callback;
  }
  ref(): this {
    this.refed = true;
    return this;
  }
  unref(): this {
    this.refed = false;
    return this;
  }
  hasRef(): boolean {
    return this.refed;
  }
}
