/**
 * The few pieces of Go's standard library (and of the small packages BuildKit
 * uses) that the Dockerfile parser's behaviour depends on, so that whitespace,
 * quoting, durations and "did you mean" suggestions come out exactly as
 * BuildKit's do: unicode.IsSpace, strings.TrimSpace, strconv.Quote,
 * strconv.ParseBool/ParseInt/ParseUint, time.ParseDuration,
 * go-units RAMInBytes, go-csvvalue Fields and BuildKit's util/suggest.
 */

/** Go's unicode.IsSpace: Latin-1 spaces plus Unicode's White_Space (not U+FEFF, unlike JS's \s). */
export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  switch (ch) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case '\u0085': case '\u00a0':
    case '\u1680': case '\u2028': case '\u2029': case '\u202f': case '\u205f': case '\u3000':
      return true;
  }
  return ch >= '\u2000' && ch <= '\u200a';
}

/** strings.TrimLeftFunc(s, unicode.IsSpace). */
export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s[i])) i++;
  return s.slice(i);
}

/** strings.TrimSpace. */
export function trimSpace(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s[end - 1])) end--;
  return trimLeftSpace(s.slice(0, end));
}

/** Length of `s` in UTF-8 bytes (Go measures lines and columns in bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * The UTF-8 bytes of `s`, one char (U+0000–U+00FF) per byte. Some of
 * BuildKit's loops walk a line byte by byte and treat each byte as a
 * character; running them over this form reproduces that exactly.
 */
export function toByteString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Decodes a byte string back to text; a broken sequence becomes U+FFFD. */
export function fromByteString(b: string): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b.charCodeAt(i);
    const need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    let cp = need === 0 ? c : need === 1 ? c & 31 : need === 2 ? c & 15 : c & 7;
    let ok = need >= 0 && i + need < b.length;
    for (let k = 1; ok && k <= need; k++) {
      const d = b.charCodeAt(i + k);
      if (Number.isNaN(d) || (d & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (d & 63);
    }
    if (ok && ((need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)))) ok = false;
    if (!ok) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** strconv.Quote: a double-quoted Go string literal, as `%q` prints it. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === ' ' || !NON_PRINTABLE.test(ch)) out += ch;
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** `fmt.Sprintf("%q", []string{…})`: `["a" "b"]`. */
export const goQuoteList = (list: readonly string[]): string => `[${list.map(goQuote).join(' ')}]`;

/** strconv.ParseBool; undefined for anything else. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/**
 * strconv.ParseUint(s, base, 32) (base 8 or 10): undefined when s is not a
 * number of that base or does not fit in 32 bits.
 */
export function parseGoUint32(s: string, base: 8 | 10): number | undefined {
  const digits = base === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!digits.test(s)) return undefined;
  const n = parseInt(s, base);
  return n <= 0xffffffff ? n : undefined;
}

/** strconv.ParseInt(s, 10, 32), with strconv's error text. */
export function parseGoInt32(s: string): number {
  const m = /^[+-]?[0-9]+$/.exec(s);
  if (!m) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 2147483647 || n < -2147483648) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return n;
}

const UNIT_NS: Record<string, bigint> = {
  ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n,
};
const MAX_INT64 = (1n << 63n) - 1n;

/** time.ParseDuration, in nanoseconds, with Go's error text. */
export function parseGoDuration(text: string): number {
  const invalid = () => new Error(`time: invalid duration ${goQuote(text)}`);
  let s = text;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
    const whole = m[1] ?? '';
    const frac = m[2];
    if (whole === '' && (frac === undefined || frac === '')) throw invalid();
    s = s.slice(m[0].length);
    let i = 0;
    while (i < s.length && s[i] !== '.' && !(s[i]! >= '0' && s[i]! <= '9')) i++;
    const unitName = s.slice(0, i);
    if (unitName === '') throw new Error(`time: missing unit in duration ${goQuote(text)}`);
    const unit = UNIT_NS[unitName];
    if (unit === undefined) throw new Error(`time: unknown unit ${goQuote(unitName)} in duration ${goQuote(text)}`);
    s = s.slice(i);
    let v = BigInt(whole === '' ? '0' : whole) * unit;
    if (frac) {
      // Go scales the fraction by the unit and truncates to whole nanoseconds.
      const scale = 10n ** BigInt(frac.length);
      v += (BigInt(frac) * unit) / scale;
    }
    total += v;
    if (total > MAX_INT64) throw invalid();
  }
  return Number(neg ? -total : total);
}

/** go-units RAMInBytes (`64m` → 67108864); undefined when it would fail. */
export function ramInBytes(size: string): number | undefined {
  let sep = -1;
  for (let i = size.length - 1; i >= 0; i--) if ('0123456789. '.includes(size[i]!)) { sep = i; break; }
  if (sep < 0) return undefined;
  const num = size[sep] !== ' ' ? size.slice(0, sep + 1) : size.slice(0, sep);
  let sfx = size.slice(sep + 1);
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(num)) return undefined;
  let value = Number(num);
  if (value < 0) return undefined;
  if (sfx === '') return Math.trunc(value);
  if (sfx.length > 3) return undefined;
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') return sfx.length > 1 ? undefined : Math.trunc(value);
  const power = 'kmgtp'.indexOf(sfx[0]!);
  if (power < 0) return undefined;
  value *= 1024 ** (power + 1);
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) return undefined;
  return Math.trunc(value);
}

/**
 * go-csvvalue Fields: one CSV record (`type=cache,target=/root/.cache`),
 * with encoding/csv's quoting rules and error text.
 */
export function csvFields(input: string): string[] {
  let line = input;
  if (line.endsWith('\r\n')) line = line.slice(0, -2);
  else if (line.endsWith('\n')) line = line.slice(0, -1);
  if (line === '') throw new Error('EOF');
  const fail = (consumed: string, what: string) =>
    new Error(`parse error on line 1, column ${utf8Length(consumed) + 1}: ${what}`);
  const bare = 'bare " in non-quoted-field';
  const extraneous = 'extraneous or missing " in quoted-field';
  const out: string[] = [];
  let pos = 0; // index into line
  for (;;) {
    if (pos >= line.length || line[pos] !== '"') {
      const comma = line.indexOf(',', pos);
      const field = comma >= 0 ? line.slice(pos, comma) : line.slice(pos);
      const q = field.indexOf('"');
      if (q >= 0) throw fail(line.slice(0, pos + q), bare);
      out.push(field);
      if (comma < 0) return out;
      pos = comma + 1;
      continue;
    }
    pos++;
    let halfOpen = false;
    for (;;) {
      const q = line.indexOf('"', pos);
      if (q < 0) throw fail(line.slice(0, pos), extraneous);
      if (halfOpen) out[out.length - 1] += line.slice(pos, q);
      else out.push(line.slice(pos, q));
      halfOpen = false;
      pos = q + 1;
      const next = line[pos];
      if (next === '"') {
        out[out.length - 1] += '"';
        pos++;
        halfOpen = true;
      } else if (next === ',') {
        pos++;
        break;
      } else if (next === undefined) {
        return out;
      } else {
        throw fail(line.slice(0, pos - 1), extraneous);
      }
    }
  }
}

/** Levenshtein distance over code points (agext/levenshtein with unit costs). */
function distance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const sub = prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1);
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, sub));
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * BuildKit's util/suggest: the closest option (distance under 3), cased like
 * the input when not case-sensitive; none when the value is itself an option.
 */
export function suggest(val: string, options: readonly string[], caseSensitive: boolean): string | undefined {
  const v = caseSensitive ? val : val.toLowerCase();
  let match = '';
  let min = 3;
  for (const option of options) {
    const o = caseSensitive ? option : option.toLowerCase();
    if (v === o) return undefined;
    const d = distance(v, o);
    if (d < min) {
      match = caseSensitive ? o : matchCase(o, val);
      min = d;
    }
  }
  return match === '' ? undefined : match;
}

function matchCase(val: string, orig: string): string {
  if (orig === orig.toLowerCase()) return val.toLowerCase();
  if (orig === orig.toUpperCase()) return val.toUpperCase();
  return val;
}

/** suggest.WrapError: the message with " (did you mean X?)" when something is close. */
export function withSuggestion(message: string, val: string, options: readonly string[], caseSensitive: boolean): string {
  const match = suggest(val, options, caseSensitive);
  return match === undefined ? message : `${message} (did you mean ${match}?)`;
}
