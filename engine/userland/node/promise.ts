/**
 * The process's `Promise`: the engine's own, subclassed so that the process
 * knows which of its promises were rejected with nobody to handle them.
 *
 * Every promise of the class gets a handler of the process's own as soon as
 * it exists, so the JS host never sees an unhandled rejection (in Node one
 * would end the whole emulator). The handler notes the rejection; `then`
 * (which `catch`, `finally` and `await` all call) notes that someone
 * handles it. After each turn of the event loop, a rejection still
 * unhandled is what Node calls an unhandled rejection: by default it ends
 * the process like an uncaught exception (./runtime.ts reports it).
 */

type Executor<T> = (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void;

export interface RejectionTracker {
  /** Rejected, nobody handling them yet, in order. */
  readonly unhandled: Map<Promise<unknown>, unknown>;
  /** The process's Promise class. */
  readonly Promise: PromiseConstructor;
  /** An engine promise (an async function's) handed over: a process promise that settles as it does. */
  adopt<T>(promise: Promise<T>): Promise<T>;
}

export function makePromises(): RejectionTracker {
  const unhandled = new Map<Promise<unknown>, unknown>();
  const handled = new WeakSet<Promise<unknown>>();
  let internal = false;
  const nativeThen = Promise.prototype.then;

  class BerthPromise<T> extends Promise<T> {
    constructor(executor: Executor<T>) {
      super(executor);
      if (internal) return;
      internal = true;
      try {
        nativeThen.call(this, undefined, (reason: unknown) => {
          if (!handled.has(this)) unhandled.set(this, reason);
        });
      } finally {
        internal = false;
      }
    }

    override then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
      handled.add(this);
      unhandled.delete(this);
      return super.then(onFulfilled, onRejected);
    }
  }
  Object.defineProperty(BerthPromise, 'name', { value: 'Promise' });
  // The engine's promises (a host API's) are promises too, for `instanceof Promise`.
  Object.defineProperty(BerthPromise, Symbol.hasInstance, { value: (v: unknown) => v instanceof Promise });

  return {
    unhandled,
    Promise: BerthPromise as unknown as PromiseConstructor,
    adopt: <T>(promise: Promise<T>) => new BerthPromise<T>((resolve, reject) => nativeThen.call(promise, resolve, reject)),
  };
}
