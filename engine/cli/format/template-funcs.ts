/**
 * Template functions: Go's builtins (text/template/funcs.go as of Go 1.24, the
 * Go docker 28 is built with) and docker's own (docker/cli templates/templates.go).
 *
 * A function declares Go-like parameter types because Go checks arguments
 * against them and says so: `wrong type for value; expected string; got int`.
 * A function signals Go's `(T, error)` failure by throwing; the executor words it
 * `error calling len: len of type int`.
 */
import { GoFloat, GoNil, isNamed, kindOf, sortedEntries, sprint, sprintf, sprintln, toNumber, typeName, type Kind } from './gofmt.ts';

/**
 * Parameter types. `any` is interface{} (a missing value arrives as null);
 * `value` is reflect.Value (a missing value arrives as undefined).
 */
export type ArgType = 'any' | 'value' | 'string' | 'int' | 'bool' | 'strings';

export interface GoFunc {
  args: ArgType[];
  /** Element type of a final `...` parameter. */
  variadic?: ArgType;
  fn: (...args: never[]) => unknown;
}

export const argTypeName: Record<ArgType, string> = {
  any: 'interface {}',
  value: 'reflect.Value',
  string: 'string',
  int: 'int',
  bool: 'bool',
  strings: '[]string',
};

const isNilPointer = (v: unknown): boolean => v instanceof GoNil && v.kind === 'pointer';

/** Go's truth: false, 0, nil, and empty strings, slices and maps are false. */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'float':
      return toNumber(v) !== 0;
    case 'string':
      return (v as string).length > 0;
    case 'slice':
      return (v as ArrayLike<unknown>).length > 0;
    case 'map':
      return v instanceof Map ? v.size > 0 : Object.keys(v as object).length > 0;
    default:
      return true;
  }
}

const utf8 = new TextEncoder();
const utf8Decode = new TextDecoder();

function byteLength(s: string): number {
  return utf8.encode(s).length;
}

function length(item: unknown): number {
  if (item instanceof GoNil) {
    if (item.kind === 'pointer') throw new Error('len of nil pointer');
    return 0;
  }
  if (item === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  switch (kindOf(item)) {
    case 'string':
      return byteLength(item as string);
    case 'slice':
      return (item as ArrayLike<unknown>).length;
    case 'map':
      return item instanceof Map ? item.size : Object.keys(item as object).length;
    case 'nil':
      throw new Error('len of nil pointer'); // a nil interface{}, as Go's indirect sees it
    default:
      throw new Error(`len of type ${typeName(item)}`);
  }
}

function indexArg(index: unknown, cap: number): number {
  const k = kindOf(index);
  if (k === 'invalid' || k === 'nil') throw new Error('cannot index slice/array with nil');
  if (k !== 'int') throw new Error(`cannot index slice/array with type ${typeName(index)}`);
  const x = toNumber(index);
  if (x < 0 || x > cap) throw new Error(`index out of range: ${x}`);
  return x;
}

function mapElemZero(m: object): unknown {
  return typeName(m) === 'map[string]string' ? '' : null;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('index of untyped nil');
  for (const idx of indexes) {
    if (isNilPointer(item)) throw new Error('index of nil pointer');
    if (item instanceof GoNil) item = item.kind === 'slice' ? [] : {};
    const k: Kind = kindOf(item);
    if (k === 'slice' || k === 'string') {
      const s = k === 'string' ? utf8.encode(item as string) : (item as ArrayLike<unknown>);
      const x = indexArg(idx, s.length);
      if (x === s.length) throw new Error(`reflect: ${k === 'string' ? 'string' : 'slice'} index out of range`);
      item = s[x];
    } else if (k === 'map') {
      if (idx === undefined || idx === null) throw new Error('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new Error(`value has type ${typeName(idx)}; should be string`);
      const m = item as object;
      const has = m instanceof Map ? m.has(idx) : Object.hasOwn(m, idx);
      item = has ? (m instanceof Map ? m.get(idx) : (m as Record<string, unknown>)[idx]) : mapElemZero(m);
    } else {
      throw new Error(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('slice of untyped nil');
  if (isNilPointer(item)) throw new Error('slice of nil pointer');
  if (item instanceof GoNil) item = [];
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  if (k === 'string' && indexes.length === 3) throw new Error('cannot 3-index slice a string');
  if (k !== 'string' && k !== 'slice') throw new Error(`can't slice item of type ${typeName(item)}`);
  const bytes = k === 'string' ? utf8.encode(item as string) : undefined;
  const len = bytes ? bytes.length : (item as ArrayLike<unknown>).length;
  const idx = [0, len, len];
  indexes.forEach((x, i) => (idx[i] = indexArg(x, len)));
  const [i, j, c] = idx as [number, number, number];
  if (i > j) throw new Error(`invalid slice index: ${i} > ${j}`);
  if (indexes.length === 3 && j > c) throw new Error(`invalid slice index: ${j} > ${c}`);
  if (bytes) return utf8Decode.decode(bytes.slice(i, j));
  return Array.from(item as ArrayLike<unknown>).slice(i, j);
}

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(v: unknown): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'float' || k === 'string' ? k : 'invalid';
}

const errBadComparison = 'incompatible types for comparison';

function eq(arg1: unknown, ...arg2: unknown[]): boolean {
  if (arg2.length === 0) throw new Error('missing argument for comparison');
  const a = arg1 === null ? undefined : arg1;
  const k1 = basicKind(a);
  for (const raw of arg2) {
    const b = raw === null ? undefined : raw;
    const k2 = basicKind(b);
    let truth = false;
    if (k1 !== k2) {
      if (a !== undefined && b !== undefined) throw new Error(errBadComparison);
    } else if (k1 !== 'invalid') {
      truth = k1 === 'int' || k1 === 'float' ? toNumber(a) === toNumber(b) : a === b;
    } else {
      const nil1 = a === undefined || a instanceof GoNil;
      const nil2 = b === undefined || b instanceof GoNil;
      if (kindOf(a) !== kindOf(b) && !nil1 && !nil2) {
        throw new Error(`non-comparable types ${sprint(a)}: ${typeName(a)}, ${typeName(b)}: ${sprint(b)}`);
      }
      if (nil1 || nil2) truth = nil1 === nil2;
      else if (kindOf(b) === 'slice' || kindOf(b) === 'map' || kindOf(b) === 'func') {
        throw new Error(`non-comparable type ${sprint(b)}: ${typeName(b)}`);
      } else truth = a === b;
    }
    if (truth) return true;
  }
  return false;
}

function lt(arg1: unknown, arg2: unknown): boolean {
  const k1 = basicKind(arg1 === null ? undefined : arg1);
  if (k1 === 'invalid') throw new Error('invalid type for comparison');
  const k2 = basicKind(arg2 === null ? undefined : arg2);
  if (k2 === 'invalid') throw new Error('invalid type for comparison');
  if (k1 !== k2) throw new Error(errBadComparison);
  if (k1 === 'bool') throw new Error('invalid type for comparison');
  if (k1 === 'string') return compareBytes(arg1 as string, arg2 as string) < 0;
  return toNumber(arg1) < toNumber(arg2);
}

function compareBytes(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

const le = (a: unknown, b: unknown): boolean => lt(a, b) || eq(a, b);

function evalArgs(args: unknown[]): string {
  return args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(...args);
}

function htmlEscape(s: string): string {
  const map: Record<string, string> = { '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;', '\0': '\ufffd' };
  return s.replace(/["'&<>\0]/g, (c) => map[c] as string);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '\\' || ch === "'" || ch === '"') out += '\\' + ch;
    else if ('<>&='.includes(ch) || c < 0x20 || (c >= 0x80 && !/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch))) {
      out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    } else out += ch;
  }
  return out;
}

function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of utf8.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Go's text/template builtins. `and`/`or` are evaluated lazily by the executor. */
export const builtinFuncs: Record<string, GoFunc> = {
  and: { args: ['value'], variadic: 'value', fn: () => undefined },
  or: { args: ['value'], variadic: 'value', fn: () => undefined },
  not: { args: ['value'], fn: (a: unknown) => !isTrue(a) },
  len: { args: ['value'], fn: length },
  index: { args: ['value'], variadic: 'value', fn: index },
  slice: { args: ['value'], variadic: 'value', fn: slice },
  print: { args: [], variadic: 'any', fn: sprint },
  printf: { args: ['string'], variadic: 'any', fn: sprintf },
  println: { args: [], variadic: 'any', fn: sprintln },
  html: { args: [], variadic: 'any', fn: (...a: unknown[]) => htmlEscape(evalArgs(a)) },
  js: { args: [], variadic: 'any', fn: (...a: unknown[]) => jsEscape(evalArgs(a)) },
  urlquery: { args: [], variadic: 'any', fn: (...a: unknown[]) => urlQueryEscape(evalArgs(a)) },
  eq: { args: ['value'], variadic: 'value', fn: eq },
  ne: { args: ['value', 'value'], fn: (a: unknown, b: unknown) => !eq(a, b) },
  lt: { args: ['value', 'value'], fn: lt },
  le: { args: ['value', 'value'], fn: le },
  gt: { args: ['value', 'value'], fn: (a: unknown, b: unknown) => !le(a, b) },
  ge: { args: ['value', 'value'], fn: (a: unknown, b: unknown) => !lt(a, b) },
};

// ---------------------------------------------------------------------------
// docker/cli templates.go

/** encoding/json with SetEscapeHTML(false), as docker's `json` function encodes. */
export function goJSON(v: unknown): string {
  if (v === undefined || v === null || v instanceof GoNil) return 'null';
  if (v instanceof GoFloat || typeof v === 'number') {
    const n = toNumber(v);
    if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${sprint(v)}`);
    return String(n);
  }
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  if (typeof v === 'function') throw new Error('json: unsupported type: func()');
  if (v instanceof Uint8Array) return JSON.stringify(base64(v));
  if (Array.isArray(v)) return '[' + v.map(goJSON).join(',') + ']';
  const marshal = (v as { MarshalJSON?: unknown }).MarshalJSON;
  if (typeof marshal === 'function') return String(marshal.call(v));
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return goJSON(toJSON.call(v));
  // A named Go map encodes sorted; a struct, or data that came from Go's JSON, in order.
  const entries: [unknown, unknown][] =
    v instanceof Map || (kindOf(v) === 'map' && isNamed(v)) ? sortedEntries(v) : Object.entries(v);
  return (
    '{' +
    entries
      .filter(([, e]) => typeof e !== 'function' && e !== undefined)
      .map(([k, e]) => goJSON(String(k)) + ':' + goJSON(e))
      .join(',') +
    '}'
  );
}

const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding, as encoding/json writes a []byte. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += b64[(n >> 18) & 63]! + b64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? b64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? b64[n & 63]! : '=';
  }
  return out;
}

/** strings.Title: upper-case the first letter of each word. */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function isSeparator(ch: string): boolean {
  const c = ch.codePointAt(0) as number;
  if (c <= 0x7f) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

/** strings.Split: "" as separator splits into characters. */
function split(s: string, sep: string): string[] {
  return sep === '' ? [...s] : s.split(sep);
}

/** docker's truncate: cut to `length` bytes when longer (byte-based, like Go). */
function truncate(source: string, length: number): string {
  const bytes = utf8.encode(source);
  return bytes.length < length ? source : utf8Decode.decode(bytes.slice(0, Math.max(length, 0)));
}

/** docker/cli templates.basicFunctions. */
export const dockerFuncs: Record<string, GoFunc> = {
  json: { args: ['any'], fn: goJSON },
  split: { args: ['string', 'string'], fn: split },
  join: { args: ['strings', 'string'], fn: (e: string[] | null, sep: string) => (e ?? []).join(sep) },
  title: { args: ['string'], fn: title },
  lower: { args: ['string'], fn: (s: string) => s.toLowerCase() },
  upper: { args: ['string'], fn: (s: string) => s.toUpperCase() },
  pad: {
    args: ['string', 'int', 'int'],
    fn: (s: string, prefix: number, suffix: number) => (s === '' ? s : ' '.repeat(Math.max(prefix, 0)) + s + ' '.repeat(Math.max(suffix, 0))),
  },
  truncate: { args: ['string', 'int'], fn: truncate },
};

/**
 * docker/cli templates.HeaderFunctions: the header row of a table runs the same
 * template over the header map, with these in place so column names stay intact.
 */
export const headerFuncs: Record<string, GoFunc> = {
  json: { args: ['string'], fn: (v: string) => v },
  split: { args: ['string', 'string'], fn: (v: string) => v },
  join: { args: ['string', 'string'], fn: (v: string) => v },
  title: { args: ['string'], fn: (v: string) => v },
  lower: { args: ['string'], fn: (v: string) => v },
  upper: { args: ['string'], fn: (v: string) => v },
  truncate: { args: ['string', 'int'], fn: (v: string) => v },
};
