/**
 * Node's `events` module: EventEmitter as a constructor function, so that
 * both `class Bus extends EventEmitter {}` and the older
 * `util.inherits(Bus, EventEmitter); EventEmitter.call(this)` work.
 * An 'error' event nobody listens to is thrown, as in Node.
 */
import { kEmittedOn, kNodeSite, UNHANDLED_ERROR_SITE } from './stack.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = ((...args: any[]) => unknown) & { listener?: Listener };

export interface EventEmitter {
  _events: Record<string | symbol, Listener[] | undefined>;
  _maxListeners: number | undefined;
  on(event: string | symbol, listener: Listener): this;
  addListener(event: string | symbol, listener: Listener): this;
  prependListener(event: string | symbol, listener: Listener): this;
  once(event: string | symbol, listener: Listener): this;
  prependOnceListener(event: string | symbol, listener: Listener): this;
  off(event: string | symbol, listener: Listener): this;
  removeListener(event: string | symbol, listener: Listener): this;
  removeAllListeners(event?: string | symbol): this;
  emit(event: string | symbol, ...args: unknown[]): boolean;
  listeners(event: string | symbol): Listener[];
  rawListeners(event: string | symbol): Listener[];
  listenerCount(event: string | symbol): number;
  eventNames(): (string | symbol)[];
  setMaxListeners(n: number): this;
  getMaxListeners(): number;
}

interface EventEmitterConstructor {
  new (): EventEmitter;
  (this: EventEmitter): void;
  prototype: EventEmitter;
  EventEmitter: EventEmitterConstructor;
  defaultMaxListeners: number;
  errorMonitor: symbol;
  captureRejections: boolean;
  once(emitter: EventEmitter, event: string | symbol): Promise<unknown[]>;
  listenerCount(emitter: EventEmitter, event: string | symbol): number;
  init(this: EventEmitter): void;
}

export const EventEmitter = function EventEmitter(this: EventEmitter) {
  init.call(this);
} as unknown as EventEmitterConstructor;

function init(this: EventEmitter): void {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) this._events = Object.create(null);
  this._maxListeners ??= undefined;
}

const events = (e: EventEmitter) => {
  if (!e._events) init.call(e);
  return e._events;
};

function add(this: EventEmitter, event: string | symbol, listener: Listener, prepend: boolean): EventEmitter {
  if (typeof listener !== 'function') throw Object.assign(new TypeError(`The "listener" argument must be of type function. Received ${listener === null ? 'null' : typeof listener}`), { code: 'ERR_INVALID_ARG_TYPE' });
  const all = events(this);
  if (all.newListener) this.emit('newListener', event, listener.listener ?? listener);
  const list = (all[event] ??= []);
  if (prepend) list.unshift(listener);
  else list.push(listener);
  return this;
}

function onceWrapper(target: EventEmitter, event: string | symbol, listener: Listener): Listener {
  let fired = false;
  const wrapped: Listener = function (this: unknown, ...args: unknown[]) {
    if (fired) return undefined;
    fired = true;
    target.removeListener(event, wrapped);
    return listener.apply(this, args);
  };
  wrapped.listener = listener;
  return wrapped;
}

const proto = EventEmitter.prototype;
Object.assign(proto, {
  _events: undefined,
  _maxListeners: undefined,
  on(this: EventEmitter, event: string | symbol, listener: Listener) {
    return add.call(this, event, listener, false);
  },
  prependListener(this: EventEmitter, event: string | symbol, listener: Listener) {
    return add.call(this, event, listener, true);
  },
  once(this: EventEmitter, event: string | symbol, listener: Listener) {
    return add.call(this, event, onceWrapper(this, event, listener), false);
  },
  prependOnceListener(this: EventEmitter, event: string | symbol, listener: Listener) {
    return add.call(this, event, onceWrapper(this, event, listener), true);
  },
  removeListener(this: EventEmitter, event: string | symbol, listener: Listener) {
    const all = events(this);
    const list = all[event];
    if (!list) return this;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i]!.listener === listener) {
        const [removed] = list.splice(i, 1);
        if (list.length === 0) delete all[event];
        if (all.removeListener) this.emit('removeListener', event, removed!.listener ?? removed);
        break;
      }
    }
    return this;
  },
  removeAllListeners(this: EventEmitter, event?: string | symbol) {
    const all = events(this);
    if (event === undefined) this._events = Object.create(null);
    else delete all[event];
    return this;
  },
  emit(this: EventEmitter, event: string | symbol, ...args: unknown[]) {
    const list = events(this)[event];
    if (event === 'error') {
      const monitors = events(this)[EventEmitter.errorMonitor];
      if (monitors) for (const l of [...monitors]) l.apply(this, args);
      if (!list || list.length === 0) {
        const er = args[0];
        if (er instanceof Error) {
          Object.defineProperty(er, kEmittedOn, { value: (this.constructor as { name?: string } | undefined)?.name || 'EventEmitter', configurable: true });
          Object.defineProperty(er, kNodeSite, { value: UNHANDLED_ERROR_SITE, configurable: true });
          throw er;
        }
        const err = new Error(`Unhandled error. (${typeof er === 'string' ? `'${er}'` : String(er)})`);
        throw Object.assign(err, { code: 'ERR_UNHANDLED_ERROR', context: er });
      }
    }
    if (!list || list.length === 0) return false;
    for (const l of [...list]) l.apply(this, args);
    return true;
  },
  listeners(this: EventEmitter, event: string | symbol) {
    return (events(this)[event] ?? []).map((l) => l.listener ?? l);
  },
  rawListeners(this: EventEmitter, event: string | symbol) {
    return [...(events(this)[event] ?? [])];
  },
  listenerCount(this: EventEmitter, event: string | symbol) {
    return events(this)[event]?.length ?? 0;
  },
  eventNames(this: EventEmitter) {
    return Reflect.ownKeys(events(this));
  },
  setMaxListeners(this: EventEmitter, n: number) {
    this._maxListeners = n;
    return this;
  },
  getMaxListeners(this: EventEmitter) {
    return this._maxListeners ?? EventEmitter.defaultMaxListeners;
  },
});
proto.addListener = proto.on;
proto.off = proto.removeListener;

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;
EventEmitter.errorMonitor = Symbol('events.errorMonitor');
EventEmitter.captureRejections = false;
EventEmitter.init = init;
EventEmitter.listenerCount = (emitter, event) => emitter.listenerCount(event);
EventEmitter.once = (emitter, event) =>
  quiet(new Promise((resolve, reject) => {
    const onError = (err: unknown) => {
      emitter.removeListener(event, onEvent);
      reject(err);
    };
    const onEvent = (...args: unknown[]) => {
      if (event !== 'error') emitter.removeListener('error', onError);
      resolve(args);
    };
    emitter.once(event, onEvent);
    if (event !== 'error') emitter.once('error', onError);
  }));

/** events.once is shared by all processes: its promise is marked handled for the host (a rejection the script ignores is not reported). */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** Makes an object of a Berth class an emitter (its prototype chain has EventEmitter.prototype). */
export function emitterInit(e: EventEmitter): void {
  init.call(e);
}
