/**
 * C's printf conversions, digit for digit: awk's printf, sprintf, and the
 * number-to-string conversions (OFMT, CONVFMT) all go through libc's
 * printf in busybox. Floating-point output rounds the number's exact
 * binary value half-to-even, as glibc and musl do — `printf "%.0f", 2.5`
 * is "2" and `printf "%.2f", 0.125` is "0.12" — where JavaScript's toFixed
 * would round those halves up.
 */

import { signBit } from './numbers.ts';

export interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  hash: boolean;
  zero: boolean;
  width: number;
  /** -1: not given. */
  precision: number;
  /** The conversion letter: d i o u x X e E f F g G a A c s. */
  conv: string;
}

/** Parses "%-08.3f" (the text from % to the conversion letter); undefined if libc would not understand it. */
export function parseSpec(text: string): Spec | undefined {
  const m = /^%([-+ #0']*)(\d*)(?:\.(\d*))?([a-zA-Z])$/.exec(text);
  if (!m) return undefined;
  const flags = m[1]!;
  return {
    minus: flags.includes('-'),
    plus: flags.includes('+'),
    space: flags.includes(' '),
    hash: flags.includes('#'),
    zero: flags.includes('0'),
    width: m[2] ? Number(m[2]) : 0,
    precision: m[3] !== undefined ? Number(m[3] || '0') : -1,
    conv: m[4]!,
  };
}

function pad(spec: Spec, sign: string, body: string, zeroPad: boolean): string {
  const len = sign.length + body.length;
  if (len >= spec.width) return sign + body;
  const fill = spec.width - len;
  if (spec.minus) return sign + body + ' '.repeat(fill);
  if (zeroPad) return sign + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + sign + body;
}

/** %d %i %o %u %x %X of a C int (already truncated to 32 bits). */
export function formatInt(spec: Spec, n: number): string {
  const conv = spec.conv;
  let sign = '';
  let digits: string;
  if (conv === 'd' || conv === 'i') {
    if (n < 0) sign = '-';
    else if (spec.plus) sign = '+';
    else if (spec.space) sign = ' ';
    digits = String(Math.abs(n));
  } else {
    const u = n >>> 0;
    digits = conv === 'o' ? u.toString(8) : conv === 'u' ? String(u) : u.toString(16);
    if (conv === 'X') digits = digits.toUpperCase();
    if (spec.hash && u !== 0 && (conv === 'x' || conv === 'X')) sign = conv === 'x' ? '0x' : '0X';
  }
  if (spec.precision >= 0) {
    if (spec.precision === 0 && n === 0) digits = '';
    digits = digits.padStart(spec.precision, '0');
  }
  if (conv === 'o' && spec.hash && !digits.startsWith('0')) digits = '0' + digits;
  return pad(spec, sign, digits, spec.zero && spec.precision < 0 && !spec.minus);
}

export function formatString(spec: Spec, s: string): string {
  if (spec.precision >= 0) s = s.slice(0, spec.precision);
  return pad(spec, '', s, false);
}

export function formatChar(spec: Spec, byte: number): string {
  return pad(spec, '', String.fromCharCode(byte & 255), false);
}

// ---- floating point ------------------------------------------------------------

const view = new DataView(new ArrayBuffer(8));

/** |x| as mantissa × 2^exponent, exactly. */
function decompose(ax: number): { mant: bigint; exp2: number } {
  view.setFloat64(0, ax);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (e === 0) return { mant, exp2: -1074 };
  mant |= 1n << 52n;
  return { mant, exp2: e - 1075 };
}

const pow10 = (k: number) => 10n ** BigInt(k);

/** round(|x| × 10^k), half to even, computed exactly. */
function scaled(ax: number, k: number): bigint {
  const { mant, exp2 } = decompose(ax);
  let num = mant;
  let den = 1n;
  if (exp2 >= 0) num <<= BigInt(exp2);
  else den <<= BigInt(-exp2);
  if (k >= 0) num *= pow10(k);
  else den *= pow10(-k);
  const q = num / den;
  const r2 = (num - q * den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) return q + 1n;
  return q;
}

/** Could |x| × 10^k lie exactly halfway between two integers? Only then do JS and C round differently. */
function mayTie(ax: number, k: number): boolean {
  if (k + 1 >= 1074) return true;
  return Number.isInteger(ax * 2 ** (k + 1));
}

/** |x| with p decimals: "123.450". */
function fixed(ax: number, p: number): string {
  if (p <= 100 && ax < 1e21 && !mayTie(ax, p)) return ax.toFixed(p);
  const digits = scaled(ax, p).toString().padStart(p + 1, '0');
  return p === 0 ? digits : `${digits.slice(0, -p)}.${digits.slice(-p)}`;
}

/** |x| (nonzero) as p+1 significant digits and a decimal exponent. */
function exponential(ax: number, p: number): { digits: string; exp: number } {
  if (p <= 100) {
    const s = ax.toExponential(p);
    const at = s.indexOf('e');
    const exp = Number(s.slice(at + 1));
    if (!mayTie(ax, p - exp)) return { digits: s.slice(0, at).replace('.', ''), exp };
  }
  let exp = Math.floor(Math.log10(ax));
  for (;;) {
    const n = scaled(ax, p - exp);
    if (n >= pow10(p + 1)) exp++;
    else if (n < pow10(p) && exp > -400) exp--;
    else return { digits: n.toString(), exp };
  }
}

const expSuffix = (exp: number, upper: boolean) => `${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;

function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

function hexFloat(ax: number, spec: Spec): string {
  const upper = spec.conv === 'A';
  let lead: number;
  let frac: bigint;
  let exp: number;
  if (ax === 0) {
    [lead, frac, exp] = [0, 0n, 0];
  } else {
    const { mant, exp2 } = decompose(ax);
    const normal = mant >= 1n << 52n;
    lead = normal ? 1 : 0;
    frac = mant & ((1n << 52n) - 1n);
    exp = normal ? exp2 + 52 : -1022;
  }
  let hex = frac.toString(16).padStart(13, '0');
  if (spec.precision >= 0 && spec.precision < 13) {
    const drop = 13 - spec.precision;
    const unit = 1n << BigInt(4 * drop);
    const all = (BigInt(lead) << 52n) | frac;
    let q = all / unit;
    const r2 = (all % unit) * 2n;
    if (r2 > unit || (r2 === unit && q % 2n === 1n)) q++;
    const bits = BigInt(4 * spec.precision);
    lead = Number(q >> bits);
    q &= (1n << bits) - 1n;
    hex = spec.precision === 0 ? '' : q.toString(16).padStart(spec.precision, '0');
  } else if (spec.precision < 0) hex = hex.replace(/0+$/, '');
  else hex = hex.padEnd(spec.precision, '0');
  let body = `0x${lead}${hex || spec.hash ? '.' : ''}${hex}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
  if (upper) body = body.toUpperCase();
  return body;
}

/** %e %E %f %F %g %G %a %A of a double. */
export function formatDouble(spec: Spec, x: number): string {
  const conv = spec.conv;
  const upper = conv === 'E' || conv === 'F' || conv === 'G' || conv === 'A';
  const negative = x < 0 || Object.is(x, -0) || (x !== x && signBit(x));
  const sign = negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  const ax = Math.abs(x);
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return pad(spec, sign, upper ? word.toUpperCase() : word, false);
  }
  const p = spec.precision;
  let body: string;
  switch (conv) {
    case 'f':
    case 'F':
      body = fixed(ax, p < 0 ? 6 : p);
      if (spec.hash && !body.includes('.')) body += '.';
      break;
    case 'e':
    case 'E': {
      const prec = p < 0 ? 6 : p;
      const { digits, exp } = ax === 0 ? { digits: '0'.repeat(prec + 1), exp: 0 } : exponential(ax, prec);
      body = digits[0]! + (prec > 0 || spec.hash ? '.' + digits.slice(1) : '') + expSuffix(exp, upper);
      break;
    }
    case 'g':
    case 'G': {
      const P = p < 0 ? 6 : p === 0 ? 1 : p;
      const exp = ax === 0 ? 0 : exponential(ax, P - 1).exp;
      if (P > exp && exp >= -4) {
        body = fixed(ax, P - 1 - exp);
        if (!spec.hash) body = stripZeros(body);
        else if (!body.includes('.')) body += '.';
      } else {
        const { digits } = ax === 0 ? { digits: '0'.repeat(P) } : exponential(ax, P - 1);
        let mant = digits[0]! + (P > 1 || spec.hash ? '.' + digits.slice(1) : '');
        if (!spec.hash) mant = stripZeros(mant);
        body = mant + expSuffix(exp, upper);
      }
      break;
    }
    default:
      body = hexFloat(ax, spec);
      if (sign === '' || !spec.zero || spec.minus) break;
      // Zero padding goes after "0x".
      return sign + body.slice(0, 2) + body.slice(2).padStart(spec.width - sign.length - 2, '0');
  }
  if (conv === 'a' || conv === 'A') {
    if (spec.zero && !spec.minus) return sign + body.slice(0, 2) + body.slice(2).padStart(spec.width - sign.length - 2, '0');
    return pad(spec, sign, body, false);
  }
  return pad(spec, sign, body, spec.zero && !spec.minus);
}
