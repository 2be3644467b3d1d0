/**
 * A filesystem made on first use. Docker gives every container a tmpfs on
 * /dev (with its device nodes), /dev/shm and /dev/mqueue; most containers
 * never look at them, and building them up front is a fifth of what an idle
 * container costs. Nothing can tell the difference: the first operation of
 * any kind builds the real one.
 */
import type { FileSystem } from './types.ts';

export function lazyFs<T extends FileSystem>(make: () => T): T {
  let real: T | undefined;
  const get = (): T => (real ??= make());
  return new Proxy({} as T, {
    get(_target, prop) {
      const fs = get();
      const value = Reflect.get(fs, prop, fs) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(fs) : value;
    },
    has: (_target, prop) => Reflect.has(get(), prop),
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
}
