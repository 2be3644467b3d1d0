/**
 * The Go number and duration parsers pflag's values call, with their exact
 * error texts: a bad `-n x` must print `strconv.ParseInt: parsing "x": invalid
 * syntax`, as docker does. Each function throws an Error whose message is the
 * Go error's text.
 */

/** Go's strconv.Quote for the printable ASCII that argv usually holds. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

function numError(fn: string, s: string, what: 'invalid syntax' | 'value out of range'): Error {
  return new Error(`strconv.${fn}: parsing ${goQuote(s)}: ${what}`);
}

/** strconv.ParseBool. */
export function parseBool(s: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  throw numError('ParseBool', s, 'invalid syntax');
}

/** The magnitude of an unsigned integer literal with base 0 (0x, 0o, 0b, leading 0), or undefined. */
function parseMagnitude(s: string): bigint | undefined {
  let base = 10;
  let digits = s;
  let prefixed = false;
  if (/^0[xX]/.test(s)) { base = 16; digits = s.slice(2); prefixed = true; }
  else if (/^0[oO]/.test(s)) { base = 8; digits = s.slice(2); prefixed = true; }
  else if (/^0[bB]/.test(s)) { base = 2; digits = s.slice(2); prefixed = true; }
  else if (s.length > 1 && s[0] === '0') { base = 8; digits = s.slice(1); prefixed = true; }
  // Underscores may separate digits (or follow the prefix) only when the base comes from a prefix.
  if (digits.includes('_')) {
    if (!prefixed || digits.endsWith('_') || digits.includes('__')) return undefined;
    digits = digits.replace(/_/g, '');
  }
  if (digits === '') return undefined;
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base]!;
  if (!valid.test(digits)) return undefined;
  let v = 0n;
  for (const d of digits) v = v * BigInt(base) + BigInt(Number.parseInt(d, base));
  return v;
}

/** strconv.ParseInt(s, 0, bits): pflag's int and int64 flags. */
export function parseInt(s: string, bits = 64): number {
  let neg = false;
  let body = s;
  if (body[0] === '+' || body[0] === '-') { neg = body[0] === '-'; body = body.slice(1); }
  const mag = parseMagnitude(body);
  if (mag === undefined) throw numError('ParseInt', s, 'invalid syntax');
  const limit = 1n << BigInt(bits - 1);
  if (neg ? mag > limit : mag >= limit) throw numError('ParseInt', s, 'value out of range');
  return Number(neg ? -mag : mag);
}

/** strconv.ParseUint(s, 0, bits): pflag's uint, uint16, uint32 flags. */
export function parseUint(s: string, bits = 64): number {
  const mag = parseMagnitude(s);
  if (mag === undefined) throw numError('ParseUint', s, 'invalid syntax');
  if (mag >= 1n << BigInt(bits)) throw numError('ParseUint', s, 'value out of range');
  return Number(mag);
}

/** strconv.ParseFloat(s, 64), without the rarely typed underscores. */
export function parseFloat(s: string): number {
  const body = s.replace(/^[+-]/, '');
  const neg = s.startsWith('-');
  if (/^(inf|infinity)$/i.test(body)) return neg ? -Infinity : Infinity;
  if (/^nan$/i.test(body) && body === s) return NaN;
  let v: number;
  if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) v = Number(body);
  else if (/^0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+$/.test(body)) {
    const m = /^0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(body)!;
    const mant = parseInt16(m[1]! + m[2]!) / 16 ** m[2]!.length;
    v = mant * 2 ** Number(m[3]);
  } else throw numError('ParseFloat', s, 'invalid syntax');
  if (!Number.isFinite(v)) throw numError('ParseFloat', s, 'value out of range');
  return neg ? -v : v;
}

function parseInt16(h: string): number {
  return h === '' ? 0 : Number.parseInt(h, 16);
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9,
};

/** time.ParseDuration, in nanoseconds: `1m30s` → 90e9. */
export function parseDuration(orig: string): number {
  const invalid = () => new Error(`time: invalid duration ${goQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') { neg = s[0] === '-'; s = s.slice(1); }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(\.(\d*))?/.exec(s)!;
    if (m[1] === '' && (m[3] ?? '') === '') throw invalid();
    s = s.slice(m[0].length);
    const u = /^[^\d.]*/.exec(s)![0];
    if (u === '') throw new Error(`time: missing unit in duration ${goQuote(orig)}`);
    const unit = DURATION_UNITS[u];
    if (unit === undefined) throw new Error(`time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`);
    s = s.slice(u.length);
    total += Number(m[1] || '0') * unit + (m[3] ? Number('0.' + m[3]) * unit : 0);
  }
  if (total > 2 ** 63) throw invalid();
  return Math.trunc(neg ? -total : total);
}

/**
 * go-units RAMInBytes: `32m` → 33554432. Units k, m, g, t, p are binary,
 * case-insensitive, with optional `b`/`ib`.
 */
export function ramInBytes(size: string): number {
  let sep = -1;
  for (let i = size.length - 1; i >= 0; i--) if ('01234567890. '.includes(size[i]!)) { sep = i; break; }
  if (sep === -1) throw new Error(`invalid size: '${size}'`);
  const num = size[sep] !== ' ' ? size.slice(0, sep + 1) : size.slice(0, sep);
  let sfx = size.slice(sep + 1);
  let n = parseFloat(num);
  if (n < 0) throw new Error(`invalid size: '${size}'`);
  if (sfx === '') return Math.trunc(n);
  const bad = () => new Error(`invalid suffix: '${sfx}'`);
  if (sfx.length > 3) throw bad();
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') {
    if (sfx.length > 1) throw bad();
    return Math.trunc(n);
  }
  const mul = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }[sfx[0]!];
  if (mul === undefined) throw bad();
  n *= mul;
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) throw bad();
  return Math.trunc(n);
}

/**
 * docker/cli opts.ParseCPUs: a rational number (`1.5`, `3/2`, `1e-1`) times
 * 1e9, which must come out whole: `--cpus 1.5` → 1500000000 NanoCPUs.
 */
export function parseCPUs(value: string): number {
  const rat = parseRat(value);
  if (!rat) throw new Error(`failed to parse ${value} as a rational number`);
  const [num, den] = rat;
  const nano = num * 1_000_000_000n;
  if (nano % den !== 0n) throw new Error('value is too precise');
  return Number(nano / den);
}

/** big.Rat SetString for decimal fractions and floats; undefined when it fails. */
function parseRat(s: string): [bigint, bigint] | undefined {
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(s);
  if (frac) {
    const den = BigInt(frac[2]!);
    return den === 0n ? undefined : [BigInt(frac[1]!), den];
  }
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  let num = BigInt(digits || '0');
  let den = 10n ** BigInt((m[3] ?? '').length);
  const exp = Number(m[4] ?? '0');
  if (exp > 0) num *= 10n ** BigInt(exp);
  else if (exp < 0) den *= 10n ** BigInt(-exp);
  return [m[1] === '-' ? -num : num, den];
}

/**
 * One record of Go's encoding/csv with default settings, as docker/cli reads
 * `--mount type=bind,"source=a,b"`.
 */
export function csvRecord(value: string): string[] {
  if (value === '') throw new Error('EOF');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (value[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        const q = value.indexOf('"', i);
        if (q === -1) throw new Error(`parse error on line 1, column ${value.length + 1}: extraneous or missing " in quoted-field`);
        field += value.slice(i, q);
        if (value[q + 1] === '"') { field += '"'; i = q + 2; continue; }
        i = q + 1;
        if (i < value.length && value[i] !== ',') throw new Error(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
        break;
      }
      fields.push(field);
    } else {
      const end = value.indexOf(',', i);
      const field = end === -1 ? value.slice(i) : value.slice(i, end);
      const bare = field.indexOf('"');
      if (bare !== -1) throw new Error(`parse error on line 1, column ${i + bare + 1}: bare " in non-quoted-field`);
      fields.push(field);
      i = end === -1 ? value.length : end;
    }
    if (i >= value.length) break;
    i++; // the comma
    if (i === value.length) { fields.push(''); break; }
  }
  return fields;
}
