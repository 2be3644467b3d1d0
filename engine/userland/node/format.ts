/**
 * The leaves of Node's util.inspect and util.format (lib/internal/util/inspect.js
 * in Node 20): quoting and escaping strings, numbers, colours, and the `%s %d
 * %i %f %j %o %O %c %%` directives of console.log.
 */
import { inspect, type InspectOptions } from './inspect.ts';

export type Style = 'special' | 'number' | 'bigint' | 'boolean' | 'undefined' | 'null' | 'string' | 'symbol' | 'date' | 'regexp' | 'module' | 'name';

const COLORS: Partial<Record<Style, [number, number]>> = {
  special: [36, 39],
  number: [33, 39],
  bigint: [33, 39],
  boolean: [33, 39],
  undefined: [90, 39],
  null: [1, 22],
  string: [32, 39],
  symbol: [32, 39],
  date: [35, 39],
  regexp: [31, 39],
  module: [4, 24],
};

export type Stylize = (text: string, style: Style) => string;

export const stylizeNoColor: Stylize = (text) => text;
export const stylizeWithColor: Stylize = (text, style) => {
  const c = COLORS[style];
  return c ? `\x1b[${c[0]}m${text}\x1b[${c[1]}m` : text;
};

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[\d+(?:;\d+)*m/g;
export const removeColors = (text: string): string => text.replace(ANSI, '');

const META = [
  '\\x00', '\\x01', '\\x02', '\\x03', '\\x04', '\\x05', '\\x06', '\\x07', '\\b', '\\t', '\\n', '\\x0B', '\\f', '\\r', '\\x0E', '\\x0F',
  '\\x10', '\\x11', '\\x12', '\\x13', '\\x14', '\\x15', '\\x16', '\\x17', '\\x18', '\\x19', '\\x1A', '\\x1B', '\\x1C', '\\x1D', '\\x1E', '\\x1F',
];

/** A string as JS source: single quotes unless the text has some (then " or `), with escapes. */
export function strEscape(str: string): string {
  let quote = "'";
  if (str.includes("'")) {
    if (!str.includes('"')) quote = '"';
    else if (!str.includes('`') && !str.includes('${')) quote = '`';
  }
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    const ch = str[i]!;
    if (c < 0x20) out += META[c];
    else if (c === 0x7f) out += '\\x7F';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\\') out += '\\\\';
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = str.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += ch + str[i + 1];
        i++;
      } else out += `\\u${c.toString(16).toUpperCase()}`;
    } else out += ch;
  }
  return quote + out + quote;
}

export const formatNumber = (fn: Stylize, n: number): string => fn(Object.is(n, -0) ? '-0' : `${n}`, 'number');
export const formatBigInt = (fn: Stylize, n: bigint): string => fn(`${n}n`, 'bigint');

/** undefined, booleans, numbers, strings (long ones split after line breaks), symbols. */
export function formatPrimitive(fn: Stylize, value: unknown, indentationLvl: number, breakLength: number): string {
  if (typeof value === 'string') {
    let trailer = '';
    let text = value;
    if (text.length > 10000) {
      const remaining = text.length - 10000;
      text = text.slice(0, 10000);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    if (text.length > 16 && text.length > breakLength - indentationLvl - 4) {
      const lines = text.split(/(?<=\n)/);
      return lines.map((line) => fn(strEscape(line), 'string')).join(` +\n${' '.repeat(indentationLvl + 2)}`) + trailer;
    }
    return fn(strEscape(text), 'string') + trailer;
  }
  if (typeof value === 'number') return formatNumber(fn, value);
  if (typeof value === 'bigint') return formatBigInt(fn, value);
  if (typeof value === 'boolean') return fn(`${value}`, 'boolean');
  if (typeof value === 'undefined') return fn('undefined', 'undefined');
  return fn((value as symbol).toString(), 'symbol');
}

function hasBuiltInToString(value: object): boolean {
  // Objects whose toString is their own (a class with toString) print with it under %s.
  let proto: object | null = value;
  while (proto && proto !== Object.prototype && proto !== Array.prototype && proto !== Error.prototype && proto !== Date.prototype) {
    if (Object.prototype.hasOwnProperty.call(proto, 'toString')) return false;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return true;
}

function tryStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch (err) {
    if (err instanceof TypeError && /circular/i.test(err.message)) return '[Circular]';
    throw err;
  }
}

/** util.formatWithOptions: printf-like directives in a first string argument, the rest inspected and joined by spaces. */
export function formatWithOptions(options: InspectOptions, args: readonly unknown[]): string {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    let temp = '';
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const next = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (next) {
          case 115: { // s
            const arg = args[++a];
            if (typeof arg === 'number') temp = formatNumber(stylizeNoColor, arg);
            else if (typeof arg === 'bigint') temp = formatBigInt(stylizeNoColor, arg);
            else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) temp = String(arg);
            else temp = inspect(arg, { ...options, depth: 0, colors: false, compact: 3 });
            break;
          }
          case 106: // j
            temp = tryStringify(args[++a]);
            break;
          case 100: { // d
            const arg = args[++a];
            temp = typeof arg === 'bigint' ? formatBigInt(stylizeNoColor, arg) : typeof arg === 'symbol' ? 'NaN' : formatNumber(stylizeNoColor, Number(arg));
            break;
          }
          case 79: // O
            temp = inspect(args[++a], options);
            break;
          case 111: // o
            temp = inspect(args[++a], { ...options, showHidden: true, depth: 4 });
            break;
          case 105: { // i
            const arg = args[++a];
            temp = typeof arg === 'bigint' ? formatBigInt(stylizeNoColor, arg) : typeof arg === 'symbol' ? 'NaN' : formatNumber(stylizeNoColor, parseInt(String(arg)));
            break;
          }
          case 102: { // f
            const arg = args[++a];
            temp = typeof arg === 'symbol' ? 'NaN' : formatNumber(stylizeNoColor, parseFloat(String(arg)));
            break;
          }
          case 99: // c
            a++;
            temp = '';
            break;
          case 37: // %
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += temp;
        lastPos = i + 1;
      } else if (next === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, options) : value;
    join = ' ';
    a++;
  }
  return str;
}

export const format = (...args: unknown[]): string => formatWithOptions({}, args);
