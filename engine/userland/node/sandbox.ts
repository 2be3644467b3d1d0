/**
 * Where a learner's files run: compiled once instrumented (./instrument.ts),
 * inside `with (scope)` so that every name the file does not declare
 * itself — `console`, `process`, `setTimeout`, `globalThis`, and a
 * `window` it should not find — resolves in this process's own global
 * object rather than the page's or the emulator's.
 *
 * The scope is a Proxy that claims every name: reads of names the global
 * lacks throw `ReferenceError: x is not defined` as a real global would
 * (except under `typeof`, which the instrumenter marks), and sloppy
 * assignments to undeclared names land in the process's global, so two
 * containers running `count = 0` do not share a counter.
 *
 * Files are evaluated with an indirect eval and a `//# sourceURL`, so the
 * JS engine's stack traces name `/app/app.js` and its line numbers, which
 * ./stack.ts maps back to the learner's columns.
 */
import { esmToCommonJs } from './esm.ts';
import type { Guard } from './guard.ts';
import { instrument, type Instrumented } from './instrument.ts';
import type { RejectionTracker } from './promise.ts';

/** The standard globals a Node program finds, taken from the JS engine. */
const LANGUAGE_GLOBALS = [
  'Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Infinity', 'NaN', 'undefined', 'Boolean', 'String', 'Symbol',
  'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError',
  'URIError', 'JSON', 'Math', 'Intl', 'ArrayBuffer', 'Atomics', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array',
  'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'DataView', 'Map', 'BigInt',
  'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect', 'FinalizationRegistry', 'WeakRef', 'decodeURI', 'decodeURIComponent', 'encodeURI',
  'encodeURIComponent', 'escape', 'unescape', 'isFinite', 'isNaN', 'SharedArrayBuffer', 'WebAssembly',
  // Web platform globals Node 20 also has.
  'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal', 'Event', 'EventTarget', 'atob', 'btoa',
  'structuredClone', 'crypto', 'Blob', 'DOMException', 'MessageChannel', 'MessagePort', 'BroadcastChannel',
];

/** The instrumenter's helpers (./instrument.ts), as parameters of every wrapper. */
const HELPERS = '__berth_g, __berth_at, __berth_T, __berth_U, __berth_async, __berth_eval';
/** A file's wrapper: Node's module parameters, then the helpers. */
const PREFIX = `(function (__berth_scope) { with (__berth_scope) { return function (exports, require, module, __filename, __dirname, __berth_x, ${HELPERS}) {`;
/** An ES module's: the same, but require and the others are not in its scope (./esm.ts uses these names). */
const esmPrefix = (async: boolean) => `(function (__berth_scope) { with (__berth_scope) { return ${async ? 'async ' : ''}function (exports, __berth_require, __berth_module, __berth_filename, __berth_dirname, __berth_x, ${HELPERS}) { "use strict"; const { meta: __berth_meta, import: __berth_import, esm: __berth_esm } = __berth_x;`;
const ESM_SCOPE_ONLY = new Set(['require', 'module', 'exports', '__filename', '__dirname']);
/**
 * Evaluated code (-e, the REPL) sees require and module as globals. It runs
 * by a direct eval, in a generator whose scope keeps the `var`s and
 * functions of one piece for the next (the REPL's lines); the real eval is
 * a parameter, which the learner's code cannot reach, since the
 * instrumenter turns its `eval(…)` calls into `__berth_eval(…)`.
 */
const SESSION = `(function (__berth_scope) { with (__berth_scope) { return function* (eval, ${HELPERS}) { let __berth_r; for (;;) { const __berth_src = yield __berth_r; try { __berth_r = { value: eval(__berth_src) }; } catch (__berth_e) { __berth_r = { error: __berth_e }; } } }; } })`;

export interface CompiledFile {
  filename: string;
  source: string;
  instrumented: Instrumented;
  /** Characters of wrapper before the file's first line. */
  prefix: number;
}

export type ModuleFunction = (exports: unknown, require: unknown, module: unknown, filename: string, dirname: string, esm?: EsmScope) => unknown;

/** What an ES module's rewritten code (./esm.ts) reaches instead of import.meta, import() and the interop. */
export interface EsmScope {
  meta: object;
  import: (specifier: unknown) => Promise<unknown>;
  esm: { default(m: unknown): unknown; namespace(m: unknown): unknown; star(exports: object, m: unknown): void };
}

export interface ThrowSite {
  filename: string;
  line: number;
  /** 0-based. */
  column: number;
  /** What was thrown there. */
  value: unknown;
}

export class Sandbox {
  /** The process's `globalThis`. */
  readonly global: Record<string | symbol, unknown>;
  readonly files = new Map<string, CompiledFile>();
  /** The last `throw` statement executed, and its value. */
  lastThrow: ThrowSite | undefined;
  private underTypeof = false;
  private readonly scope: object;

  constructor(private readonly guard: Guard, private readonly promises: RejectionTracker) {
    const host = globalThis as unknown as Record<string, unknown>;
    const g: Record<string | symbol, unknown> = Object.create(Object.prototype);
    for (const name of LANGUAGE_GLOBALS) if (name in host) Object.defineProperty(g, name, { value: host[name], writable: true, configurable: true, enumerable: false });
    Object.defineProperty(g, 'Promise', { value: promises.Promise, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(g, 'globalThis', { value: g, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(g, 'global', { value: g, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(g, 'eval', { value: (code: unknown) => this.evaluate(code), writable: true, configurable: true, enumerable: false });
    // new Function(…) compiles in this scope, instrumented, like everything else (template engines use it).
    const makeFunction = (args: unknown[]) => this.makeFunction(args.map(String));
    const FunctionProxy = new Proxy(Function, { construct: (_t, args) => makeFunction(args), apply: (_t, _this, args) => makeFunction(args) });
    Object.defineProperty(g, 'Function', { value: FunctionProxy, writable: true, configurable: true, enumerable: false });
    this.global = g;
    this.scope = new Proxy(g, {
      has: (_t, key) => typeof key === 'string',
      get: (t, key) => {
        if (typeof key !== 'string') return undefined;
        if (key in t) return t[key];
        if (this.underTypeof) {
          this.underTypeof = false;
          return undefined;
        }
        if (this.esm && ESM_SCOPE_ONLY.has(key)) throw new ReferenceError(`${key} is not defined in ES module scope${key === 'require' ? ', you can use import instead' : ''}`);
        throw new ReferenceError(`${key} is not defined`);
      },
      set: (t, key, value) => {
        t[key] = value;
        return true;
      },
    });
  }

  /** Adds the process's own globals (console, process, timers…), not enumerable, as Node's are. */
  define(globals: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(globals)) Object.defineProperty(this.global, name, { value, writable: true, configurable: true, enumerable: false });
  }

  /**
   * Compiles a CommonJS file (or, with `esm`, an ES module rewritten by
   * ./esm.ts, named by its file: URL): call the result with `this` =
   * module.exports. Throws SyntaxError.
   */
  compile(source: string, filename: string, esm = false): ModuleFunction {
    const text = source.startsWith('#!') ? `//${source.slice(2)}` : source;
    const module = esm ? esmToCommonJs(text) : undefined;
    const instrumented = instrument(module ? module.code : text);
    const prefix = module ? esmPrefix(module.topLevelAwait) : PREFIX;
    this.files.set(filename, { filename, source, instrumented, prefix: prefix.length });
    const factory = indirectEval(`${prefix}${instrumented.code}\n}; } })\n//# sourceURL=${filename}`) as (scope: object) => (...args: unknown[]) => unknown;
    const fn = factory(this.scope);
    const helpers = this.helpers(filename);
    if (esm) this.esm = true;
    return function (this: unknown, exports, require, module, name, dirname, scope) {
      return fn.call(this, exports, require, module, name, dirname, scope, ...helpers);
    };
  }
  /** Whether the process has ES modules (then `require` and the like, read as globals, are "not defined in ES module scope"). */
  private esm = false;

  private helpers(filename: string | (() => string)): unknown[] {
    const throwSite = (line: number, column: number, value: unknown) => {
      this.lastThrow = { filename: typeof filename === 'string' ? filename : filename(), line, column, value };
      return value;
    };
    return [this.guard.check, throwSite, this.typeofOn, this.typeofOff, this.runAsync, (code: unknown) => this.evaluate(code)];
  }

  /** `new Function(a, b, body)`: a function of the global scope, instrumented. */
  private makeFunction(args: string[]): (...a: unknown[]) => unknown {
    const body = args.pop() ?? '';
    const filename = `[Function ${++this.functions}]`;
    const instrumented = instrument(body);
    this.files.set(filename, { filename, source: body, instrumented, prefix: 0 });
    const src = `(function (__berth_scope) { with (__berth_scope) { return function (${HELPERS}) { return function anonymous(${args.join(',')}\n) {\n${instrumented.code}\n}; }; } })\n//# sourceURL=${filename}`;
    const factory = indirectEval(src) as (scope: object) => (...helpers: unknown[]) => (...a: unknown[]) => unknown;
    return factory(this.scope)(...this.helpers(filename));
  }
  private functions = 0;

  /** Columns of line 1 of a compiled file are shifted by the wrapper. */
  mapPosition(filename: string, line: number, column: number): { line: number; column: number } | undefined {
    const file = this.files.get(filename);
    if (!file) return undefined;
    const col = line === 1 ? column - file.prefix : column;
    return { line, column: file.instrumented.column(line, Math.max(1, col)) };
  }

  /** Code given to `eval` or to `node -e`: its completion value, in the global scope. */
  evaluate(code: unknown, filename = 'evalmachine.<anonymous>'): unknown {
    if (typeof code !== 'string') return code;
    return this.session()(code, filename);
  }

  /** A scope for a sequence of evaluations (the REPL's lines): each sees the declarations of those before. */
  session(): (code: string, filename: string) => unknown {
    let current = '';
    const factory = indirectEval(`${SESSION}\n//# sourceURL=[berth-session]`) as (scope: object) => (...args: unknown[]) => Generator<unknown, unknown, string>;
    const gen = factory(this.scope).call(this.global, indirectEvalFunction, ...this.helpers(() => current));
    gen.next();
    return (code, filename) => {
      const instrumented = instrument(code);
      this.files.set(filename, { filename, source: code, instrumented, prefix: 0 });
      current = filename;
      const r = gen.next(`${instrumented.code}\n//# sourceURL=${filename}`).value as { value: unknown } | { error: unknown };
      if ('error' in r) throw r.error;
      return r.value;
    };
  }

  /** What an async function became (./asyncfn.ts) calls with its body. */
  private readonly runAsync = (body: () => Promise<unknown>): Promise<unknown> => this.promises.adopt(body());

  private readonly typeofOn = (): void => {
    this.underTypeof = true;
  };

  private readonly typeofOff = (value: unknown): unknown => {
    this.underTypeof = false;
    return value;
  };
}

const indirectEvalFunction = globalThis.eval;
const indirectEval = (code: string): unknown => indirectEvalFunction(code);
