/**
 * The `util` module: format and inspect (./format.ts, ./inspect.ts),
 * inherits, promisify/callbackify, deprecate, types, isDeepStrictEqual.
 */
import type { NodeContext } from './context.ts';
import { codeError } from './errors.ts';
import { format, formatWithOptions, stylizeWithColor, removeColors, type Style } from './format.ts';
import { customInspect, inspect, type InspectOptions } from './inspect.ts';

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

type AnyFn = (...args: unknown[]) => unknown;

export function promisify(fn: AnyFn): AnyFn {
  if (typeof fn !== 'function') throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "original" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`);
  const custom = (fn as unknown as Record<symbol, unknown>)[kCustomPromisify];
  if (typeof custom === 'function') return custom as AnyFn;
  return function (this: unknown, ...args: unknown[]) {
    return new Promise((resolve, reject) => {
      fn.call(this, ...args, (err: unknown, ...values: unknown[]) => (err ? reject(err) : resolve(values.length > 1 ? values : values[0])));
    });
  };
}
promisify.custom = kCustomPromisify;

export function isDeepStrictEqual(a: unknown, b: unknown, seen = new Map<unknown, unknown>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map) {
    const m = b as Map<unknown, unknown>;
    return a.size === m.size && [...a].every(([k, v]) => m.has(k) && isDeepStrictEqual(v, m.get(k), seen));
  }
  if (a instanceof Set) return a.size === (b as Set<unknown>).size && [...a].every((v) => (b as Set<unknown>).has(v));
  const ka = Reflect.ownKeys(a).filter((k) => Object.prototype.propertyIsEnumerable.call(a, k));
  const kb = Reflect.ownKeys(b).filter((k) => Object.prototype.propertyIsEnumerable.call(b, k));
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && isDeepStrictEqual((a as Record<string | symbol, unknown>)[k], (b as Record<string | symbol, unknown>)[k], seen));
}

const tag = (v: unknown) => Object.prototype.toString.call(v).slice(8, -1);
export const types = {
  isDate: (v: unknown) => v instanceof Date,
  isRegExp: (v: unknown) => v instanceof RegExp,
  isPromise: (v: unknown) => v instanceof Promise,
  isMap: (v: unknown) => v instanceof Map,
  isSet: (v: unknown) => v instanceof Set,
  isWeakMap: (v: unknown) => v instanceof WeakMap,
  isWeakSet: (v: unknown) => v instanceof WeakSet,
  isNativeError: (v: unknown) => v instanceof Error,
  isTypedArray: (v: unknown) => ArrayBuffer.isView(v) && !(v instanceof DataView),
  isUint8Array: (v: unknown) => v instanceof Uint8Array,
  isArrayBuffer: (v: unknown) => v instanceof ArrayBuffer,
  isAnyArrayBuffer: (v: unknown) => v instanceof ArrayBuffer || tag(v) === 'SharedArrayBuffer',
  isDataView: (v: unknown) => v instanceof DataView,
  isAsyncFunction: (v: unknown) => typeof v === 'function' && tag(v).startsWith('Async'),
  isGeneratorFunction: (v: unknown) => typeof v === 'function' && tag(v).endsWith('GeneratorFunction'),
  isGeneratorObject: (v: unknown) => tag(v) === 'Generator',
  isBoxedPrimitive: (v: unknown) => v instanceof Number || v instanceof String || v instanceof Boolean,
  isProxy: () => false,
};

export function makeUtil(ctx: NodeContext) {
  const warned = new Set<string>();
  const ctxInspect = Object.assign((value: unknown, opts?: InspectOptions | boolean, depth?: number, colors?: boolean) => {
    const options: InspectOptions = typeof opts === 'object' && opts !== null ? opts : { showHidden: !!opts, depth, colors };
    return ctx.inspect(value, options);
  }, { custom: customInspect, defaultOptions: { depth: 2, colors: false, showHidden: false, breakLength: 80, compact: 3 }, colors: { bold: [1, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], cyan: [36, 39], gray: [90, 39] }, styles: {} });
  void inspect;
  return {
    format,
    formatWithOptions: (options: InspectOptions, ...args: unknown[]) => formatWithOptions(options, args),
    inspect: ctxInspect,
    promisify: Object.assign((fn: AnyFn) => {
      const p = promisify(fn);
      return function (this: unknown, ...args: unknown[]) {
        const result = p.apply(this, args);
        return result instanceof Promise ? ctx.adopt(result) : result;
      };
    }, { custom: promisify.custom }),
    callbackify: (fn: AnyFn) =>
      function (this: unknown, ...args: unknown[]) {
        const cb = args.pop() as AnyFn;
        (fn.apply(this, args) as Promise<unknown>).then(
          (v) => ctx.loop.nextTick(() => cb(null, v)),
          (e) => ctx.loop.nextTick(() => cb(e ?? new Error('Promise was rejected with a falsy value'))),
        );
      },
    inherits: (ctor: AnyFn, superCtor: AnyFn) => {
      Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
      Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
    },
    deprecate: (fn: AnyFn, msg: string, code?: string) =>
      function (this: unknown, ...args: unknown[]) {
        const key = code ?? msg;
        if (!warned.has(key)) {
          warned.add(key);
          ctx.loop.write(2, `(node:${ctx.sys.pid}) ${code ? `[${code}] ` : ''}DeprecationWarning: ${msg}\n(Use \`node --trace-deprecation ...\` to show where the warning was created)\n`);
        }
        return fn.apply(this, args);
      },
    debuglog: (section: string) => {
      const on = new RegExp(`(^|,)\\s*${section}\\s*(,|$)`, 'i').test(ctx.env.NODE_DEBUG ?? '');
      return (...args: unknown[]) => on && ctx.loop.write(2, `${section.toUpperCase()} ${ctx.sys.pid}: ${formatWithOptions({}, args)}\n`);
    },
    isDeepStrictEqual,
    types,
    stripVTControlCharacters: removeColors,
    styleText: (style: string, text: string) => stylizeWithColor(text, ({ red: 'regexp', green: 'string', yellow: 'number', cyan: 'special', magenta: 'date', gray: 'undefined', bold: 'null' } as Record<string, Style>)[style] ?? 'name'),
    isArray: Array.isArray,
    isError: (v: unknown) => v instanceof Error,
    isFunction: (v: unknown) => typeof v === 'function',
    isString: (v: unknown) => typeof v === 'string',
    isNumber: (v: unknown) => typeof v === 'number',
    isObject: (v: unknown) => v !== null && typeof v === 'object',
    isPrimitive: (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
    TextEncoder,
    TextDecoder,
  };
}
