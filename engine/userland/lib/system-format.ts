/**
 * Number parsing and compact number formats of busybox's libbb, shared by
 * the process and system applets (ps, top, free, timeout, stty…).
 */
import { fail } from './applet.ts';

/** A `strtoul` in base 10 as libbb's xatou family uses it: the digits and where they stop. */
function leadingDigits(text: string): { value: bigint; end: number } | undefined {
  const m = /^\d+/.exec(text);
  if (!m) return undefined;
  return { value: BigInt(m[0]), end: m[0].length };
}

/**
 * libbb's xatoul_range_sfx: an unsigned decimal number, optionally followed
 * by one of `suffixes` (a multiplier), between `lower` and `upper`. Anything
 * else ends the applet with busybox's message ("invalid number 'x'").
 */
export function xatoulRangeSfx(text: string, lower: number, upper: number, suffixes: Record<string, number> = {}): number {
  const invalid = () => fail(`invalid number '${text}'`);
  if (text === '' || text[0] === '-' || text[0] === '+' || /^\s/.test(text)) invalid();
  const d = leadingDigits(text) ?? invalid();
  let r = d!.value;
  const rest = text.slice(d!.end);
  if (rest !== '') {
    const mult = suffixes[rest];
    if (mult === undefined) invalid();
    r *= BigInt(mult!);
  }
  if (r < BigInt(lower) || r > BigInt(upper)) fail(`number ${text} is not in ${lower}..${upper} range`);
  return Number(r);
}

export const UINT_MAX = 4294967295;
export const ULONG_MAX = Number.MAX_SAFE_INTEGER;

/** xatou: an unsigned int, no suffixes. */
export const xatou = (text: string): number => xatoulRangeSfx(text, 0, UINT_MAX);
/** xatoul: an unsigned long (the safe-integer range stands in for 2^64 - 1). */
export const xatoul = (text: string): number => xatoulRangeSfx(text, 0, ULONG_MAX);

/** bb_strtou (no suffixes, no death): the number, or undefined where errno would be set. */
export function bbStrtou(text: string): number | undefined {
  if (!/^[0-9a-zA-Z]/.test(text)) return undefined;
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n > UINT_MAX ? undefined : n;
}

/** bb_strtoi: a signed int (optional leading '-'), or undefined where errno would be set. */
export function bbStrtoi(text: string): number | undefined {
  const first = text[0] !== '-' ? text[0] : text[1];
  if (first === undefined || !/[0-9a-zA-Z]/.test(first)) return undefined;
  if (!/^-?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n > 2147483647 || n < -2147483648 ? undefined : n;
}

const DURATION_SUFFIXES = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * parse_duration_str: seconds, with an optional s/m/h/d suffix and (as
 * FLOAT_DURATION builds allow) a fraction: "2", "1.5", "3m", "0.5h".
 * On a bad fraction busybox shows the usage; `badFraction` does that.
 */
export function parseDuration(text: string, badFraction: () => never): number {
  if (!text.includes('.')) return xatoulRangeSfx(text, 0, ULONG_MAX, DURATION_SUFFIXES);
  const len = /^[0-9.]*/.exec(text)![0].length;
  const numberPart = text.slice(0, len);
  if (!/^(\d+\.?\d*|\.\d+)$/.test(numberPart)) badFraction();
  const d = Number(numberPart);
  // busybox then scales "1<suffix>" (the last digit replaced by '1') to find the multiplier.
  const rest = '1' + text.slice(len);
  return d * xatoulRangeSfx(rest, 0, ULONG_MAX, DURATION_SUFFIXES);
}

/**
 * smart_ulltoa4: a number in 4 columns, scaled with a suffix from `scale`
 * past 9999: "1234", " 980", "9.7m", " 12g".
 */
export function smartUlltoa4(value: number, scale = ' mgtpezy'): string {
  let ul = value;
  let idx = 0;
  if (ul > 9999) {
    ul *= 10;
    do {
      ul = Math.floor(ul / 1024);
      idx++;
    } while (ul >= 10000);
  }
  const digits = '0123456789';
  let fmt = ' 123456789';
  let u = Math.floor(ul / 10);
  let v = ul % 10;
  const buf: string[] = [];
  if (!idx) {
    let c = (buf[0] = ' 123456789'[Math.floor(u / 100)]!);
    if (c !== ' ') fmt = digits;
    c = buf[1] = fmt[Math.floor(u / 10) % 10]!;
    if (c !== ' ') fmt = digits;
    buf[2] = fmt[u % 10]!;
    buf[3] = digits[v]!;
  } else {
    if (u >= 10) {
      const c = (buf[0] = ' 123456789'[Math.floor(u / 100)]!);
      if (c !== ' ') fmt = digits;
      v = u % 10;
      u = Math.floor(u / 10);
      buf[1] = fmt[u % 10]!;
    } else {
      buf[0] = digits[u]!;
      buf[1] = '.';
    }
    buf[2] = digits[v]!;
    buf[3] = scale[idx]!;
  }
  return buf.join('');
}

/** smart_ulltoa5: the same in 5 columns ("12345", " 9.7m", "92.1m", " 123m"). */
export function smartUlltoa5(value: number, scale = ' mgtpezy'): string {
  let ul = value;
  let idx = 0;
  if (ul > 99999) {
    ul *= 10;
    do {
      ul = Math.floor(ul / 1024);
      idx++;
    } while (ul >= 100000);
  }
  const digits = '0123456789';
  let fmt = ' 123456789';
  let u = Math.floor(ul / 10);
  let v = ul % 10;
  const buf: string[] = [];
  if (!idx) {
    let c = (buf[0] = ' 123456789'[Math.floor(u / 1000)]!);
    if (c !== ' ') fmt = digits;
    c = buf[1] = fmt[Math.floor(u / 100) % 10]!;
    if (c !== ' ') fmt = digits;
    c = buf[2] = fmt[Math.floor(u / 10) % 10]!;
    if (c !== ' ') fmt = digits;
    buf[3] = fmt[u % 10]!;
    buf[4] = digits[v]!;
  } else {
    if (u >= 100) {
      let c = (buf[0] = ' 123456789'[Math.floor(u / 1000)]!);
      if (c !== ' ') fmt = digits;
      c = buf[1] = fmt[Math.floor(u / 100) % 10]!;
      if (c !== ' ') fmt = digits;
      v = u % 10;
      u = Math.floor(u / 10);
      buf[2] = fmt[u % 10]!;
    } else {
      const c = (buf[0] = ' 123456789'[Math.floor(u / 10)]!);
      if (c !== ' ') fmt = digits;
      buf[1] = fmt[u % 10]!;
      buf[2] = '.';
    }
    buf[3] = digits[v]!;
    buf[4] = scale[idx]!;
  }
  return buf.join('');
}

/**
 * make_human_readable_str: `value` × `blockSize` bytes, divided by
 * `displayUnit` and rounded, or (unit 0) scaled to K/M/G… with one decimal:
 * "0", "1023", "143.4M", "23.5G".
 */
export function makeHumanReadable(value: number, blockSize: number, displayUnit: number): string {
  if (value === 0) return '0';
  let val = value;
  if (blockSize > 1) val *= blockSize;
  if (displayUnit) return String(Math.floor((val + Math.floor(displayUnit / 2)) / displayUnit));
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  let u = 0;
  let frac = 0;
  while (val >= 1024) {
    u++;
    frac = Math.floor((((val % 1024) * 10) + 512) / 1024);
    val = Math.floor(val / 1024);
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  if (blockSize === 0) {
    if (frac >= 5) val++;
    return `${val}${units[u]}`;
  }
  return u === 0 ? String(val) : `${val}.${frac}${units[u]}`;
}

/** printf("%*s") and friends, for the fixed-width tables. */
export const padLeft = (s: string | number, width: number): string => String(s).padStart(width);
export const padRight = (s: string | number, width: number): string => String(s).padEnd(width);
