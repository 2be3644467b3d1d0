/**
 * awk's built-in functions that are plain computations, as busybox (with
 * musl, on alpine) computes them. The interpreter evaluates the arguments;
 * these only compute.
 */
import { toInt, toLongLong } from './numbers.ts';

/** substr(s, m[, n]): busybox clamps the start but not the length, so substr("hello", 0, 2) is "he". */
export function substr(s: string, m: number, n?: number): string {
  let i = toInt(m - 1);
  if (i > s.length) i = s.length;
  if (i < 0) i = 0;
  let len = n === undefined ? s.length - i : toInt(n);
  if (len < 0) len = 0;
  return s.slice(i, i + len);
}

/** index(s, t): 1-based position of t in s, 0 if absent (or t empty). */
export function index(s: string, t: string, icase: boolean): number {
  if (t.length === 0 || s.length < t.length) return 0;
  return (icase ? asciiLower(s).indexOf(asciiLower(t)) : s.indexOf(t)) + 1;
}

export const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
export const asciiUpper = (s: string): string => s.replace(/[a-z]+/g, (m) => m.toUpperCase());

/** C's pow(), where it differs from Math.pow: 1 to any power, and -1 to ±inf, are 1. */
export function pow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && !Number.isFinite(y) && !Number.isNaN(y)) return 1;
  return Math.pow(x, y);
}

const U64 = (1n << 64n) - 1n;

/** An operand of the bitwise functions: a C unsigned long. */
function ulong(d: number): bigint {
  if (Number.isNaN(d)) return 1n << 63n;
  if (d >= 0) return d >= 18446744073709551616 ? 0n : BigInt(Math.trunc(d));
  const m = -d;
  return (-(m >= 18446744073709551616 ? 0n : BigInt(Math.trunc(m)))) & U64;
}

/** and, or, xor, lshift, rshift, compl (busybox's GNU extensions). */
export function bitwise(name: string, a: number, b = 0): number {
  const x = ulong(a);
  const y = ulong(b);
  switch (name) {
    case 'and':
      return Number(x & y);
    case 'or':
      return Number(x | y);
    case 'xor':
      return Number(x ^ y);
    case 'lshift':
      return Number((x << (y & 63n)) & U64);
    case 'rshift':
      return Number(x >> (y & 63n));
    default:
      return Number(~x & U64);
  }
}

/** (unsigned)d, as C converts on x86-64. */
export const toUnsigned = (d: number): number => {
  const n = toLongLong(d) % 4294967296;
  return n < 0 ? n + 4294967296 : n;
};

/**
 * rand() and srand(), over musl's rand(): a 64-bit LCG whose top 31 bits
 * are each call's result. busybox combines three calls into a 63-bit
 * fraction. Before any srand() the state is as after srand(1).
 */
export class Random {
  private state = 0n;
  /** What srand() returns: the seed in use. */
  seed = 1;

  srand(seed: number): void {
    this.seed = seed;
    this.state = BigInt(seed - 1) & U64;
  }

  private next(): bigint {
    this.state = (6364136223846793005n * this.state + 1n) & U64;
    return this.state >> 33n;
  }

  rand(): number {
    const u = ((this.next() << 16n) & 0xffffffffn) ^ this.next();
    const v = (this.next() << 32n) | u;
    return Number(v) / 9223372036854775808;
  }
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** strftime in UTC (the emulated machine has no time zone), as C's. */
export function strftime(fmt: string, seconds: number): string {
  const d = new Date(Math.trunc(seconds) * 1000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const y = d.getUTCFullYear();
  const yday = Math.floor((Date.UTC(y, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(y, 0, 1)) / 86400000);
  const wday = d.getUTCDay();
  const h = d.getUTCHours();
  const conv = (c: string): string => {
    switch (c) {
      case 'a':
        return DAYS[wday]!.slice(0, 3);
      case 'A':
        return DAYS[wday]!;
      case 'b':
      case 'h':
        return MONTHS[d.getUTCMonth()]!.slice(0, 3);
      case 'B':
        return MONTHS[d.getUTCMonth()]!;
      case 'c':
        return `${conv('a')} ${conv('b')} ${conv('e')} ${conv('T')} ${y}`;
      case 'C':
        return p2(Math.floor(y / 100));
      case 'd':
        return p2(d.getUTCDate());
      case 'D':
        return `${conv('m')}/${conv('d')}/${conv('y')}`;
      case 'e':
        return String(d.getUTCDate()).padStart(2, ' ');
      case 'F':
        return `${y}-${conv('m')}-${conv('d')}`;
      case 'H':
        return p2(h);
      case 'I':
        return p2(h % 12 || 12);
      case 'j':
        return String(yday + 1).padStart(3, '0');
      case 'k':
        return String(h).padStart(2, ' ');
      case 'l':
        return String(h % 12 || 12).padStart(2, ' ');
      case 'm':
        return p2(d.getUTCMonth() + 1);
      case 'M':
        return p2(d.getUTCMinutes());
      case 'n':
        return '\n';
      case 'p':
        return h < 12 ? 'AM' : 'PM';
      case 'r':
        return `${conv('I')}:${conv('M')}:${conv('S')} ${conv('p')}`;
      case 'R':
        return `${conv('H')}:${conv('M')}`;
      case 's':
        return String(Math.trunc(seconds));
      case 'S':
        return p2(d.getUTCSeconds());
      case 't':
        return '\t';
      case 'T':
        return `${conv('H')}:${conv('M')}:${conv('S')}`;
      case 'u':
        return String(wday || 7);
      case 'U':
        return p2(Math.floor((yday + 7 - wday) / 7));
      case 'w':
        return String(wday);
      case 'W':
        return p2(Math.floor((yday + 7 - ((wday + 6) % 7)) / 7));
      case 'x':
        return conv('D');
      case 'X':
        return conv('T');
      case 'y':
        return p2(y % 100);
      case 'Y':
        return String(y);
      case 'z':
        return '+0000';
      case 'Z':
        return 'UTC';
      case '%':
        return '%';
      default:
        return '%' + c;
    }
  };
  const out = fmt.replace(/%([a-zA-Z%])/g, (_, c: string) => conv(c));
  // The result goes into a 240-byte buffer; a longer one is "".
  return out.length < 240 ? out : '';
}

/** mktime("YYYY MM DD HH MM SS [DST]") in UTC; -1 if it does not parse. */
export function mktime(spec: string): number {
  const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(spec);
  if (!m) return -1;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || year < 1900) return -1;
  return Math.floor(Date.UTC(year, month - 1, day, hour, minute, second) / 1000);
}
