/**
 * Reading numbers the way C's library does, on byte strings: awk turns
 * strings into numbers with strtod (so " 12abc" is 12, "0x1A" is 26 and
 * "nan" is NaN), and program constants may also be octal or hex integers.
 */

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
/** C's isspace in the C locale. */
export const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

export interface Parsed {
  value: number;
  /** Where the number ended; the start when there was no number at all. */
  end: number;
}

/** strtod(s + start): leading space, a sign, then decimal, hex, "inf" or "nan". */
export function strtod(s: string, start = 0): Parsed {
  let i = start;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  const lower = s.slice(i, i + 8).toLowerCase();
  if (lower.startsWith('inf')) return { value: sign * Infinity, end: i + (lower === 'infinity' ? 8 : 3) };
  if (lower.startsWith('nan')) {
    let end = i + 3;
    if (s[end] === '(') {
      let j = end + 1;
      while (j < s.length && /[0-9A-Za-z_]/.test(s[j]!)) j++;
      if (s[j] === ')') end = j + 1;
    }
    return { value: sign < 0 ? NEG_NAN : POS_NAN, end };
  }
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
    const hex = hexFloat(s, i + 2);
    if (hex) return { value: sign * hex.value, end: hex.end };
  }
  const digitsStart = i;
  let digits = 0;
  while (isDigit(s.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (s[i] === '.') {
    i++;
    while (isDigit(s.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return { value: 0, end: start };
  if (s[i] === 'e' || s[i] === 'E') {
    let j = i + 1;
    if (s[j] === '+' || s[j] === '-') j++;
    if (isDigit(s.charCodeAt(j))) {
      while (isDigit(s.charCodeAt(j))) j++;
      i = j;
    }
  }
  let text = s.slice(digitsStart, i);
  if (text.startsWith('.')) text = '0' + text;
  return { value: sign * Number(text.replace(/\.(?=[eE]|$)/, '')), end: i };
}

function hexFloat(s: string, from: number): Parsed | undefined {
  let i = from;
  let mantissa = 0;
  let exponent = 0;
  let digits = 0;
  while (isHex(s.charCodeAt(i))) {
    mantissa = mantissa * 16 + parseInt(s[i]!, 16);
    i++;
    digits++;
  }
  if (s[i] === '.') {
    i++;
    while (isHex(s.charCodeAt(i))) {
      mantissa = mantissa * 16 + parseInt(s[i]!, 16);
      exponent -= 4;
      i++;
      digits++;
    }
  }
  if (digits === 0) return undefined;
  if (s[i] === 'p' || s[i] === 'P') {
    let j = i + 1;
    let esign = 1;
    if (s[j] === '+' || s[j] === '-') {
      if (s[j] === '-') esign = -1;
      j++;
    }
    if (isDigit(s.charCodeAt(j))) {
      let e = 0;
      while (isDigit(s.charCodeAt(j))) e = e * 10 + s.charCodeAt(j++) - 48;
      exponent += esign * e;
      i = j;
    }
  }
  return { value: mantissa * 2 ** exponent, end: i };
}

/**
 * A numeric constant in the program: as strtod, except that a leading 0
 * makes an octal (017) or hex (0x1F) integer — busybox's
 * my_strtod_or_hexoct. "09" and "012.5" still read as decimals.
 */
export function programNumber(s: string, start: number): Parsed {
  if (s[start] === '0') {
    const next = s[start + 1] ?? '';
    const isX = next === 'x' || next === 'X';
    if (isX || isDigit(next.charCodeAt(0))) {
      let i = start + 1;
      let value = 0;
      if (isX && isHex(s.charCodeAt(start + 2))) {
        i = start + 2;
        while (isHex(s.charCodeAt(i))) value = value * 16 + parseInt(s[i++]!, 16);
        return { value, end: i };
      }
      if (isX) return { value: 0, end: start + 1 };
      while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 55) value = value * 8 + s.charCodeAt(i++) - 48;
      if (!isDigit(s.charCodeAt(i)) && s[i] !== '.') return { value, end: i };
    }
  }
  return strtod(s, start);
}

const TWO63 = 9223372036854775808;

/** C's (long long)x on x86-64: truncation, and LLONG_MIN for what does not fit. */
export function toLongLong(x: number): number {
  if (!(x > -TWO63 - 1025 && x < TWO63)) return -TWO63;
  return Math.trunc(x);
}

/** C's (int)x on x86-64: truncation, and INT_MIN for what does not fit. */
export function toInt(x: number): number {
  if (!(x > -2147483649 && x < 2147483648)) return -2147483648;
  return Math.trunc(x);
}

// ---- NaN's sign -------------------------------------------------------------------
//
// C prints a NaN with its sign bit: "-nan". On x86-64 an invalid operation
// (sqrt(-1), log(-1), inf - inf) makes a negative NaN, and an operation on a
// NaN passes that NaN on. JavaScript keeps NaN's bits but does not compute
// them the way C does, so the interpreter sets them itself.

const bits = new DataView(new ArrayBuffer(8));

function nanWithSign(negative: boolean): number {
  bits.setUint32(0, negative ? 0xfff80000 : 0x7ff80000);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

export const POS_NAN = nanWithSign(false);
export const NEG_NAN = nanWithSign(true);

/** Whether x's sign bit is set (for NaN: "-nan"). */
export function signBit(x: number): boolean {
  bits.setFloat64(0, x);
  return (bits.getUint8(0) & 0x80) !== 0;
}

/** A computation's result as C would have it: a NaN operand passes on, a new NaN is negative. */
export function cResult(r: number, a: number, b?: number): number {
  if (r === r) return r;
  if (a !== a) return a;
  if (b !== undefined && b !== b) return b;
  return NEG_NAN;
}

/** -x, flipping a NaN's sign as C does. */
export function cNegate(x: number): number {
  if (x === x) return -x;
  return signBit(x) ? POS_NAN : NEG_NAN;
}
