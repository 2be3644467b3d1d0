/**
 * The parts of Go's `strconv` that docker's output depends on: float formatting
 * (`%e`, `%f`, `%g` with or without a precision), `Quote`, and `ParseFloat`.
 *
 * Go rounds a float to a given number of digits from the float's *exact* binary
 * value, halves to even; JavaScript's `toFixed`/`toPrecision` round exact halves
 * up. `1.125` with three digits is "1.12" in Go and "1.13" in JS, so precision
 * formatting here works on an exact decimal expansion built with BigInt.
 *
 * @example
 *   formatFloat(1.125, 'g', 3)   // "1.12"
 *   formatFloat(999.9, 'g', 3)   // "1e+03"   (go-units prints "1e+03kB")
 *   formatFloat(1e8, 'g', -1)    // "1e+08"   (what fmt's %v prints)
 *   quote('a"b\n')               // "\"a\\\"b\\n\""
 */

/** A decimal: value = 0.d × 10^dp; `d` has no leading or trailing zeros ('' is zero). */
interface Decimal {
  d: string;
  dp: number;
}

/** The exact decimal expansion of a finite, non-negative float. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let exp: number;
  if (expBits === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  // x = mant × 2^exp. For negative exp, x = mant × 5^-exp / 10^-exp.
  let digits: string;
  let pointShift: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    pointShift = 0;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    pointShift = -exp;
  }
  const dp = digits.length - pointShift;
  return trim({ d: digits, dp });
}

function trim(dec: Decimal): Decimal {
  let d = dec.d;
  let dp = dec.dp;
  let start = 0;
  while (start < d.length && d[start] === '0') {
    start++;
    dp--;
  }
  d = d.slice(start).replace(/0+$/, '');
  return d === '' ? { d: '', dp: 0 } : { d, dp };
}

/** The shortest decimal that reads back as x (JS and Go agree on it). */
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const [mant = '', e = '0'] = x.toExponential().split('e');
  return trim({ d: mant.replace('.', ''), dp: Number(e) + 1 });
}

/** Round to nd significant digits, exact halves to even (Go's decimal.Round). */
function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const next = a.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next === 5 && nd + 1 === a.d.length) {
    up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = next >= 5;
  }
  if (!up) return trim({ d: a.d.slice(0, nd), dp: a.dp });
  for (let i = nd - 1; i >= 0; i--) {
    const c = a.d.charCodeAt(i);
    if (c < 57) return trim({ d: a.d.slice(0, i) + String.fromCharCode(c + 1), dp: a.dp });
  }
  return { d: '1', dp: a.dp + 1 };
}

function digitAt(dec: Decimal, i: number): string {
  return i >= 0 && i < dec.d.length ? (dec.d[i] as string) : '0';
}

/** %e: d.ddde±dd with prec digits after the point. */
function fmtE(dec: Decimal, prec: number, expChar: string): string {
  let s = dec.d === '' ? '0' : digitAt(dec, 0);
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) s += digitAt(dec, i);
  }
  let exp = dec.d === '' ? 0 : dec.dp - 1;
  const sign = exp < 0 ? '-' : '+';
  if (exp < 0) exp = -exp;
  return `${s}${expChar}${sign}${exp < 10 ? '0' : ''}${exp}`;
}

/** %f: ddd.ddd with prec digits after the point. */
function fmtF(dec: Decimal, prec: number): string {
  let s = '';
  if (dec.dp > 0) {
    for (let i = 0; i < dec.dp; i++) s += digitAt(dec, i);
  } else {
    s = '0';
  }
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) s += digitAt(dec, dec.dp + i - 1);
  }
  return s;
}

/**
 * strconv.FormatFloat(x, fmt, prec, 64) for fmt in e, E, f, g, G.
 * prec -1 means the shortest representation that reads back exactly.
 */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let dec: Decimal;
  if (shortest) {
    dec = shortestDecimal(abs);
  } else {
    dec = exactDecimal(abs);
    if (fmt === 'e' || fmt === 'E') dec = roundDecimal(dec, prec + 1);
    else if (fmt === 'f') dec = roundDecimal(dec, dec.dp + prec);
    else dec = roundDecimal(dec, prec === 0 ? 1 : prec);
  }
  const sign = neg ? '-' : '';
  const nd = dec.d.length;
  switch (fmt) {
    case 'e':
    case 'E':
      return sign + fmtE(dec, shortest ? Math.max(nd - 1, 0) : prec, fmt);
    case 'f':
      return sign + fmtF(dec, shortest ? Math.max(nd - dec.dp, 0) : prec);
    default: {
      let p = shortest ? 6 : prec === 0 ? 1 : prec;
      let eprec = p;
      if (eprec > nd && nd >= dec.dp) eprec = nd;
      if (shortest) eprec = 6;
      const exp = dec.dp - 1;
      if (shortest) p = nd;
      if (exp < -4 || exp >= eprec) {
        if (p > nd) p = nd;
        return sign + fmtE(dec, Math.max(p - 1, 0), fmt === 'g' ? 'e' : 'E');
      }
      if (p > dec.dp) p = nd;
      return sign + fmtF(dec, Math.max(p - dec.dp, 0));
    }
  }
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isPrint(ch: string): boolean {
  return ch === ' ' || printable.test(ch);
}

const escapes: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function quoteWith(s: string, q: string, asciiOnly: boolean): string {
  let out = q;
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    if (ch === q || ch === '\\') {
      out += '\\' + ch;
    } else if (r >= 0xd800 && r <= 0xdfff) {
      out += '\\ufffd'; // a lone surrogate is what Go would call invalid UTF-8
    } else if (isPrint(ch) && !(asciiOnly && r >= 0x80)) {
      out += ch;
    } else if (escapes[ch] !== undefined) {
      out += escapes[ch];
    } else if (r < 0x20 || r === 0x7f) {
      out += '\\x' + hex(r, 2);
    } else if (r < 0x10000) {
      out += '\\u' + hex(r, 4);
    } else {
      out += '\\U' + hex(r, 8);
    }
  }
  return out + q;
}

/** strconv.Quote: a double-quoted Go string literal. */
export function quote(s: string): string {
  return quoteWith(s, '"', false);
}

/** strconv.QuoteToASCII, used by %+q. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, '"', true);
}

/** strconv.QuoteRune: a single-quoted Go character literal. */
export function quoteRune(r: number, asciiOnly = false): string {
  const valid = r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
  return quoteWith(String.fromCodePoint(valid ? r : 0xfffd), "'", asciiOnly);
}

/** strconv.CanBackquote: no control characters but tab, no backquote, no U+FEFF. */
export function canBackquote(s: string): boolean {
  return !/[\x00-\x08\x0a-\x1f\x7f`\ufeff]/.test(s);
}

/** The error strconv.ParseFloat returns, worded as Go words it. */
export class NumError extends Error {
  constructor(fn: string, input: string, reason: 'invalid syntax' | 'value out of range') {
    super(`strconv.${fn}: parsing ${quote(input)}: ${reason}`);
    this.name = 'NumError';
  }
}

const decimalFloat = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const hexFloat = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?\d+)$/;

/** strconv.ParseFloat(s, 64): decimal, hex (0x1p-2), inf and nan; throws NumError. */
export function parseFloat64(s: string): number {
  const lower = s.toLowerCase();
  const bare = lower.replace(/^[+-]/, '');
  if (bare === 'inf' || bare === 'infinity') return lower.startsWith('-') ? -Infinity : Infinity;
  if (bare === 'nan') return NaN;
  let value: number;
  const h = hexFloat.exec(s);
  if (h !== null) {
    const [, sign = '', int = '', frac = '', exp = '0'] = h;
    const digits = (int + frac).replace(/_/g, '');
    if (digits === '') throw new NumError('ParseFloat', s, 'invalid syntax');
    value = Number.parseInt(digits, 16) * 2 ** (Number(exp) - 4 * frac.replace(/_/g, '').length);
    if (sign === '-') value = -value;
  } else if (decimalFloat.test(s)) {
    value = Number(s);
  } else {
    throw new NumError('ParseFloat', s, 'invalid syntax');
  }
  if (!Number.isFinite(value)) throw new NumError('ParseFloat', s, 'value out of range');
  return value;
}
