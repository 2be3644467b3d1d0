/**
 * util.inspect as Node 20 writes values: `{ a: 1, b: 'x' }`, `[ 1, 2, 3 ]`,
 * `Map(1) { 'a' => 1 }`, `[Function: f]`, `<ref *1>` and `[Circular *1]`,
 * nesting cut at depth 2 (`[Object]`), short entries kept on one line up to
 * 80 columns and arrays of more than six short entries grouped in columns.
 * The algorithm follows lib/internal/util/inspect.js (formatValue,
 * formatRaw, reduceToSingleString, groupArrayElements).
 *
 * What the JS engine does not let a script see is left out: a promise's
 * state (always `<pending>`), proxies, WeakMap entries.
 */
import { Buffer } from 'buffer';
import { formatNumber, formatPrimitive, removeColors, strEscape, stylizeNoColor, stylizeWithColor, type Stylize } from './format.ts';
import { groupArrayElements } from './inspect-group.ts';

export interface InspectOptions {
  depth?: number | null;
  colors?: boolean;
  showHidden?: boolean;
  compact?: number | boolean;
  breakLength?: number;
  maxArrayLength?: number;
  sorted?: boolean;
  customInspect?: boolean;
  /** Berth: the stack an error shows (the process maps it to the learner's files). */
  stackOf?: (err: Error) => string;
}

export const customInspect = Symbol.for('nodejs.util.inspect.custom');

interface Ctx {
  depth: number;
  stylize: Stylize;
  colors: boolean;
  showHidden: boolean;
  compact: number;
  breakLength: number;
  maxArrayLength: number;
  indentationLvl: number;
  currentDepth: number;
  seen: unknown[];
  circular?: Map<unknown, number>;
  customInspect: boolean;
  stackOf: (err: Error) => string;
  options: InspectOptions;
}

const ARRAY_EXTRAS = 1;
/** An array's own entries: shown without their index. */
const ARRAY_ENTRY = 2;
const OBJECT_TYPE = 0;
const KEY_RE = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

export function inspect(value: unknown, options: InspectOptions = {}): string {
  const ctx: Ctx = {
    depth: options.depth === null ? Infinity : (options.depth ?? 2),
    colors: !!options.colors,
    stylize: options.colors ? stylizeWithColor : stylizeNoColor,
    showHidden: !!options.showHidden,
    compact: options.compact === false ? 0 : options.compact === true ? 3 : (options.compact ?? 3),
    breakLength: options.breakLength ?? 80,
    maxArrayLength: options.maxArrayLength ?? 100,
    indentationLvl: 0,
    currentDepth: 0,
    seen: [],
    customInspect: options.customInspect ?? true,
    stackOf: options.stackOf ?? ((err) => err.stack ?? Error.prototype.toString.call(err)),
    options,
  };
  return formatValue(ctx, value, 0);
}
inspect.custom = customInspect;

function formatValue(ctx: Ctx, value: unknown, recurseTimes: number): string {
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx.stylize, value, ctx.indentationLvl, ctx.breakLength);
  if (value === null) return ctx.stylize('null', 'null');
  const obj = value as Record<string | symbol, unknown>;
  if (ctx.customInspect) {
    const custom = obj[customInspect];
    if (typeof custom === 'function' && custom !== inspect && !((obj.constructor as { prototype?: unknown } | undefined)?.prototype === obj)) {
      const depth = ctx.depth - recurseTimes;
      const ret: unknown = custom.call(obj, depth, { ...ctx.options, depth, stylize: ctx.stylize }, inspect);
      if (ret !== obj) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }
  if (ctx.seen.includes(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map([[value, index]]);
    } else {
      index = ctx.circular.get(value) ?? ctx.circular.size + 1;
      ctx.circular.set(value, index);
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }
  return formatRaw(ctx, obj, recurseTimes);
}

function constructorName(obj: object): string | null {
  let o: object | null = obj;
  let first = true;
  while (o) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '' && obj instanceof d.value) return String(d.value.name);
    o = Object.getPrototypeOf(o) as object | null;
    if (first && o === null) return null;
    first = false;
  }
  return 'Object';
}

function getPrefix(constructor: string | null, tag: string, fallback: string, size = ''): string {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function getKeys(value: object, showHidden: boolean): (string | symbol)[] {
  const keys: (string | symbol)[] = showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
  const symbols = Object.getOwnPropertySymbols(value);
  for (const s of symbols) if (showHidden || Object.prototype.propertyIsEnumerable.call(value, s)) keys.push(s);
  return keys;
}

const isIndex = (key: string | symbol) => typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

type Formatter = (ctx: Ctx, value: Record<string | symbol, unknown>, recurseTimes: number) => string[];

function formatRaw(ctx: Ctx, value: Record<string | symbol, unknown>, recurseTimes: number): string {
  const constructor = constructorName(value);
  let tag = value[Symbol.toStringTag];
  if (typeof tag !== 'string' || (tag !== '' && Object.prototype.propertyIsEnumerable.call(value, Symbol.toStringTag))) tag = '';
  const t = tag as string;
  let base = '';
  let keys: (string | symbol)[];
  let braces: [string, string] = ['{', '}'];
  let formatter: Formatter = () => [];
  let extrasType = OBJECT_TYPE;
  const empty = () => keys.length === 0;

  if (Array.isArray(value)) {
    const prefix = constructor !== 'Array' || t !== '' ? getPrefix(constructor, t, 'Array', `(${value.length})`) : '';
    keys = getKeys(value, ctx.showHidden).filter((k) => !isIndex(k));
    braces = [`${prefix}[`, ']'];
    if (value.length === 0 && empty()) return `${braces[0]}]`;
    extrasType = ARRAY_EXTRAS;
    formatter = formatArray;
  } else if (value instanceof Set) {
    const prefix = getPrefix(constructor, t, 'Set', `(${value.size})`);
    keys = getKeys(value, ctx.showHidden);
    formatter = (c, v, r) => collection(c, [...(v as unknown as Set<unknown>)].map((x) => () => formatValue(c, x, r)));
    if (value.size === 0 && empty()) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
  } else if (value instanceof Map) {
    const prefix = getPrefix(constructor, t, 'Map', `(${value.size})`);
    keys = getKeys(value, ctx.showHidden);
    formatter = (c, v, r) => collection(c, [...(v as unknown as Map<unknown, unknown>)].map(([k, x]) => () => `${formatValue(c, k, r)} => ${formatValue(c, x, r)}`));
    if (value.size === 0 && empty()) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const typed = value as unknown as ArrayLike<number | bigint>;
    keys = getKeys(value, ctx.showHidden).filter((k) => !isIndex(k));
    if (Buffer.isBuffer(value)) return formatBuffer(ctx, value as unknown as Uint8Array, keys, recurseTimes);
    const prefix = getPrefix(constructor, t, '', `(${typed.length})`);
    braces = [`${prefix}[`, ']'];
    if (typed.length === 0 && empty()) return `${braces[0]}]`;
    formatter = (c) => typedEntries(c, typed);
    extrasType = ARRAY_EXTRAS;
  } else {
    keys = getKeys(value, ctx.showHidden);
    if (typeof value === 'function') {
      base = functionBase(value as unknown as (...a: unknown[]) => unknown, constructor, t);
      if (empty()) return ctx.stylize(base, 'special');
    } else if (constructor === 'Object' && Object.prototype.toString.call(value) === '[object Arguments]') {
      braces[0] = '[Arguments] [';
      braces[1] = ']';
      extrasType = ARRAY_EXTRAS;
      formatter = formatArray;
    } else if (value instanceof RegExp) {
      base = RegExp.prototype.toString.call(value);
      if (empty() || recurseTimes > ctx.depth) return ctx.stylize(base, 'regexp');
    } else if (value instanceof Date) {
      base = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
      if (empty()) return ctx.stylize(base, 'date');
    } else if (value instanceof Error) {
      base = formatError(ctx, value, constructor, t, keys);
      if (empty()) return base;
    } else if (value instanceof ArrayBuffer) {
      const bytes = [...new Uint8Array(value).subarray(0, ctx.maxArrayLength)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      braces[0] = `${getPrefix(constructor, t, 'ArrayBuffer')}{`;
      const length = value.byteLength;
      formatter = (c) => [`${c.stylize('[Uint8Contents]', 'special')}: <${bytes}${length > c.maxArrayLength ? ` ... ${length - c.maxArrayLength} more bytes` : ''}>`, `byteLength: ${formatNumber(c.stylize, length)}`];
    } else if (value instanceof Promise) {
      braces[0] = `${getPrefix(constructor, t, 'Promise')}{`;
      formatter = (c) => [c.stylize('<pending>', 'special')];
    } else if (value instanceof WeakMap || value instanceof WeakSet) {
      braces[0] = `${getPrefix(constructor, t, value instanceof WeakMap ? 'WeakMap' : 'WeakSet')}{`;
      formatter = (c) => [c.stylize('<items unknown>', 'special')];
    } else if (value instanceof Number || value instanceof String || value instanceof Boolean || value instanceof BigInt || value instanceof Symbol) {
      const prim = (value as { valueOf(): unknown }).valueOf();
      const type = typeof prim === 'string' ? 'String' : typeof prim === 'number' ? 'Number' : typeof prim === 'boolean' ? 'Boolean' : typeof prim === 'bigint' ? 'BigInt' : 'Symbol';
      if (typeof prim === 'string') keys = keys.filter((k) => !isIndex(k));
      base = `[${type}${constructor !== type ? (constructor === null ? ' (null prototype)' : ` (${constructor})`) : ''}: ${formatPrimitive(stylizeNoColor, prim, 0, Infinity)}]`;
      base = ctx.stylize(base, type.toLowerCase() as 'string');
      if (empty()) return base;
    } else {
      if (t !== '' || constructor !== 'Object') braces[0] = `${getPrefix(constructor, t, 'Object')}{`;
      if (empty()) return `${braces[0]}}`;
    }
  }

  if (recurseTimes > ctx.depth) {
    const name = getPrefix(constructor, t, 'Object').slice(0, -1);
    return ctx.stylize(constructor !== null ? `[${name}]` : name, 'special');
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  const output = formatter(ctx, value, recurseTimes);
  for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key, extrasType));
  const index = ctx.circular?.get(value);
  if (index !== undefined) {
    const reference = ctx.stylize(`<ref *${index}>`, 'special');
    base = base === '' ? reference : `${reference} ${base}`;
  }
  ctx.seen.pop();
  if (ctx.options.sorted) output.sort();
  return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
}

function collection(ctx: Ctx, entries: (() => string)[]): string[] {
  ctx.indentationLvl += 2;
  const out = entries.map((f) => f());
  ctx.indentationLvl -= 2;
  return out;
}

function typedEntries(ctx: Ctx, typed: ArrayLike<number | bigint>): string[] {
  const max = Math.min(ctx.maxArrayLength, typed.length);
  const out: string[] = [];
  for (let i = 0; i < max; i++) {
    const v = typed[i]!;
    out.push(typeof v === 'bigint' ? ctx.stylize(`${v}n`, 'bigint') : formatNumber(ctx.stylize, v));
  }
  if (typed.length > max) out.push(`... ${typed.length - max} more item${typed.length - max > 1 ? 's' : ''}`);
  return out;
}

function formatBuffer(ctx: Ctx, buf: Uint8Array, keys: (string | symbol)[], recurseTimes: number): string {
  const max = 50;
  let str = [...buf.subarray(0, max)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  if (buf.length > max) str += ` ... ${buf.length - max} more byte${buf.length - max > 1 ? 's' : ''}`;
  const extras = keys.filter((k) => typeof k !== 'string' || !['offset', 'parent'].includes(k)).map((k) => formatProperty(ctx, buf as unknown as Record<string, unknown>, recurseTimes + 1, k, OBJECT_TYPE));
  return `<${Buffer.isBuffer(buf) ? 'Buffer' : 'Uint8Array'}${str ? ` ${str}` : ''}${extras.length ? `, ${extras.join(', ')}` : ''}>`;
}

function formatArray(ctx: Ctx, value: Record<string | symbol, unknown>, recurseTimes: number): string[] {
  const arr = value as unknown as unknown[];
  const len = Math.min(ctx.maxArrayLength, arr.length);
  const output: string[] = [];
  let holes = 0;
  const flushHoles = () => {
    if (holes > 0) output.push(ctx.stylize(`<${holes} empty item${holes > 1 ? 's' : ''}>`, 'undefined'));
    holes = 0;
  };
  let i = 0;
  for (; i < arr.length && output.length < len; i++) {
    if (!Object.prototype.hasOwnProperty.call(arr, i)) {
      holes++;
      continue;
    }
    flushHoles();
    if (output.length < len) output.push(formatProperty(ctx, value, recurseTimes, String(i), ARRAY_ENTRY));
  }
  flushHoles();
  const remaining = arr.length - i;
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}

function formatProperty(ctx: Ctx, value: Record<string | symbol, unknown>, recurseTimes: number, key: string | symbol, type: number): string {
  const desc = Object.getOwnPropertyDescriptor(value, key) ?? { value: value[key], enumerable: true };
  let str: string;
  if (desc.value !== undefined) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    str = ctx.stylize(desc.set !== undefined ? '[Getter/Setter]' : '[Getter]', 'special');
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === ARRAY_ENTRY) return str;
  let name: string;
  if (typeof key === 'symbol') name = `[${ctx.stylize(key.toString(), 'symbol')}]`;
  else if (key === '__proto__') name = "['__proto__']";
  else if (desc.enumerable === false) name = `[${key}]`;
  else if (KEY_RE.test(key)) name = ctx.stylize(key, 'name');
  else name = ctx.stylize(strEscape(key), 'string');
  return `${name}: ${str}`;
}

function functionBase(fn: (...a: unknown[]) => unknown, constructor: string | null, tag: string): string {
  const source = Function.prototype.toString.call(fn);
  if (source.startsWith('class') && source.endsWith('}')) {
    const name = (Object.prototype.hasOwnProperty.call(fn, 'name') && fn.name) || '(anonymous)';
    let base = `class ${name}`;
    if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
    const superName = (Object.getPrototypeOf(fn) as { name?: string } | null)?.name;
    if (superName) base += ` extends ${superName}`;
    return `[${base}]`;
  }
  const ctorName = Object.getPrototypeOf(fn)?.constructor?.name as string | undefined;
  let type = 'Function';
  if (ctorName === 'GeneratorFunction' || ctorName === 'AsyncGeneratorFunction') type = `Generator${type}`;
  if (ctorName === 'AsyncFunction' || ctorName === 'AsyncGeneratorFunction') type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += fn.name === '' ? ' (anonymous)' : `: ${fn.name}`;
  base += ']';
  if (constructor !== type && constructor !== null && constructor !== 'Function') base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function formatError(ctx: Ctx, err: Error, constructor: string | null, tag: string, keys: (string | symbol)[]): string {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = ctx.stackOf(err);
  for (const k of ['name', 'message', 'stack'] as const) {
    const at = keys.indexOf(k);
    const v = (err as unknown as Record<string, unknown>)[k];
    if (at >= 0 && typeof v === 'string' && stack.includes(v)) keys.splice(at, 1);
  }
  if ('cause' in err && !keys.includes('cause')) keys.push('cause');
  const len = name.length;
  if (constructor === null || (name.endsWith('Error') && stack.startsWith(name) && (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    const prefix = getPrefix(constructor, tag, 'Error').slice(0, -1);
    if (name !== prefix) stack = prefix.includes(name) ? `${prefix}${stack.slice(len)}` : `${prefix} [${name}]${stack.slice(len)}`;
  }
  const message = err.message;
  let pos = (message && stack.indexOf(message)) || -1;
  if (pos !== -1) pos += message.length;
  if (stack.indexOf('\n    at', pos) === -1) stack = `[${stack}]`;
  if (ctx.indentationLvl !== 0) stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  return stack;
}

function isBelowBreakLength(ctx: Ctx, output: string[], start: number, base: string): boolean {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    total += ctx.colors ? removeColors(entry).length : entry.length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

function reduceToSingleString(ctx: Ctx, output: string[], base: string, braces: [string, string], extrasType: number, recurseTimes: number, value: unknown): string {
  if (ctx.compact >= 1) {
    const entries = output.length;
    if (extrasType === ARRAY_EXTRAS && entries > 6) output = groupArrayElements(ctx, output, value as unknown[]);
    if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
      const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      if (isBelowBreakLength(ctx, output, start, base)) {
        const joined = output.join(', ');
        if (!joined.includes('\n')) return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
      }
    }
  }
  const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
  return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}
