/**
 * C's printf conversions, as musl formats them, for printf, seq and od.
 * Values are exact: integers are 64-bit (BigInt) and floating point output
 * is rounded from the exact binary value, half to even, as libc does.
 *
 *     formatNumber({ flags: '0', width: 5, conv: 'd' }, 42n)     // "00042"
 *     formatNumber({ flags: '', precision: 2, conv: 'f' }, 2.675) // "2.67"
 */

export interface Conversion {
  /** Any of "-+ #0". */
  flags: string;
  width?: number;
  precision?: number;
  /** One of diouxXeEfFgGcs. */
  conv: string;
}

/** Splits a double into an exact fraction N / 10^k (N ≥ 0). */
function exact(x: number): { n: bigint; k: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  if (e >= 0) return { n: mant << BigInt(e), k: 0 };
  return { n: mant * 5n ** BigInt(-e), k: -e };
}

const pow10 = (k: number): bigint => 10n ** BigInt(k);

/** Integer division rounding half to even. */
function roundDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/** Digits of |x| with p fractional digits ("%.pf" without sign). */
function fixed(x: number, p: number): string {
  const { n, k } = exact(x);
  const q = k <= p ? n * pow10(p - k) : roundDiv(n, pow10(k - p));
  let s = q.toString();
  if (p === 0) return s;
  if (s.length <= p) s = '0'.repeat(p - s.length + 1) + s;
  return s.slice(0, s.length - p) + '.' + s.slice(s.length - p);
}

/** |x| rounded to p+1 significant digits: the digit string and the decimal exponent of its first digit. */
function scientific(x: number, p: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(p + 1), exp: 0 };
  const { n, k } = exact(x);
  const s = n.toString();
  let exp = s.length - 1 - k;
  let q: bigint;
  if (s.length <= p + 1) q = n * pow10(p + 1 - s.length);
  else q = roundDiv(n, pow10(s.length - p - 1));
  let d = q.toString();
  if (d.length > p + 1) {
    d = d.slice(0, p + 1);
    exp++;
  }
  return { digits: d, exp };
}

function expString(exp: number, upper: boolean): string {
  const a = Math.abs(exp);
  return (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
}

function pad(c: Conversion, sign: string, body: string, zeroOk: boolean): string {
  const w = c.width ?? 0;
  const len = sign.length + body.length;
  if (len >= w) return sign + body;
  if (c.flags.includes('-')) return sign + body + ' '.repeat(w - len);
  if (zeroOk && c.flags.includes('0')) return sign + '0'.repeat(w - len) + body;
  return ' '.repeat(w - len) + sign + body;
}

function signOf(neg: boolean, c: Conversion): string {
  if (neg) return '-';
  if (c.flags.includes('+')) return '+';
  if (c.flags.includes(' ')) return ' ';
  return '';
}

/** %e %f %g (and upper-case forms) of a double. */
export function formatFloat(c: Conversion, x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const neg = (view.getUint8(0) & 0x80) !== 0;
  const upper = c.conv === 'E' || c.conv === 'F' || c.conv === 'G';
  const sign = signOf(neg, c);
  if (!Number.isFinite(x)) {
    const s = Number.isNaN(x) ? 'nan' : 'inf';
    return pad(c, sign, upper ? s.toUpperCase() : s, false);
  }
  const a = Math.abs(x);
  const alt = c.flags.includes('#');
  let p = c.precision ?? 6;
  let body: string;
  const conv = c.conv.toLowerCase();
  if (conv === 'f') {
    body = fixed(a, p);
    if (alt && p === 0) body += '.';
  } else if (conv === 'e') {
    const { digits, exp } = scientific(a, p);
    body = digits[0]! + (p > 0 || alt ? '.' + digits.slice(1) : '') + expString(exp, upper);
  } else {
    if (p === 0) p = 1;
    const { exp } = scientific(a, p - 1);
    if (p > exp && exp >= -4) {
      body = fixed(a, p - 1 - exp);
      if (alt) {
        if (!body.includes('.')) body += '.';
      } else if (body.includes('.')) body = body.replace(/0+$/, '').replace(/\.$/, '');
    } else {
      const { digits, exp: e2 } = scientific(a, p - 1);
      let mant = digits[0]! + (p - 1 > 0 || alt ? '.' + digits.slice(1) : '');
      if (!alt && mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
      body = mant + expString(e2, upper);
    }
  }
  return pad(c, sign, body, true);
}

/** %d %i %o %u %x %X of a 64-bit value (taken as signed for d/i, unsigned otherwise). */
export function formatInt(c: Conversion, v: bigint): string {
  const signed = c.conv === 'd' || c.conv === 'i';
  let neg = false;
  let u: bigint;
  if (signed) {
    const s = BigInt.asIntN(64, v);
    neg = s < 0n;
    u = neg ? -s : s;
  } else u = BigInt.asUintN(64, v);
  let digits: string;
  let prefix = '';
  switch (c.conv) {
    case 'o':
      digits = u.toString(8);
      break;
    case 'x':
      digits = u.toString(16);
      if (u !== 0n && c.flags.includes('#')) prefix = '0x';
      break;
    case 'X':
      digits = u.toString(16).toUpperCase();
      if (u !== 0n && c.flags.includes('#')) prefix = '0X';
      break;
    default:
      digits = u.toString();
  }
  const p = c.precision;
  if (p !== undefined && p >= 0) {
    if (u === 0n && p === 0) digits = '';
    if (digits.length < p) digits = '0'.repeat(p - digits.length) + digits;
  }
  if (c.conv === 'o' && c.flags.includes('#') && !digits.startsWith('0')) digits = '0' + digits;
  const sign = signed ? signOf(neg, c) : '';
  return pad(c, sign + prefix, digits, p === undefined || p < 0);
}

/** %s: precision cuts, width pads with spaces (musl ignores the 0 flag here). */
export function formatString(c: Conversion, s: string): string {
  const p = c.precision;
  const body = p !== undefined && p >= 0 ? s.slice(0, p) : s;
  return pad(c, '', body, false);
}

/**
 * strtod as musl does it on a byte string: leading white space, sign,
 * decimal or hex digits with exponent, "inf"/"infinity"/"nan". Returns the
 * value and how many bytes were used (0: no conversion).
 */
export function strtod(s: string): { value: number; used: number } {
  let i = 0;
  while (i < s.length && /[ \t\n\v\f\r]/.test(s[i]!)) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  const rest = s.slice(i);
  let m = /^(infinity|inf)/i.exec(rest);
  if (m) return { value: neg ? -Infinity : Infinity, used: i + m[0].length };
  m = /^nan(\([0-9A-Za-z_]*\))?/i.exec(rest);
  if (m) return { value: neg ? -NaN : NaN, used: i + m[0].length };
  m = /^0[xX]([0-9a-fA-F]*)(\.([0-9a-fA-F]*))?/.exec(rest);
  if (m && (m[1]! + (m[3] ?? '')).length > 0) {
    const int = m[1]!;
    const frac = m[3] ?? '';
    let used = m[0].length;
    let exp = 0;
    const e = /^[pP]([+-]?\d+)/.exec(rest.slice(used));
    if (e) {
      exp = Number(e[1]);
      used += e[0].length;
    }
    let v = 0;
    for (const d of int + frac) v = v * 16 + parseInt(d, 16);
    v = v * 2 ** (exp - 4 * frac.length);
    return { value: neg ? -v : v, used: i + used };
  }
  m = /^(\d*)(\.(\d*))?/.exec(rest);
  if (!m || (m[1]! + (m[3] ?? '')).length === 0) {
    // "0x" with no hex digits reads as 0 followed by "x"
    return { value: 0, used: 0 };
  }
  let used = m[0].length;
  const e = /^[eE][+-]?\d+/.exec(rest.slice(used));
  if (e) used += e[0].length;
  const v = Number(rest.slice(0, used));
  return { value: neg ? -v : v, used: i + used };
}
