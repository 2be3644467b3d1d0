/**
 * One printf conversion, for tools that pass user-written "%-10s"-style
 * specs through to C's printf (stat -c). Flags "-+ #0", width, precision;
 * conversions s, c, d (signed), u, x, o on numbers.
 *
 *     printfOne('-8', 's', 'root') === 'root    '
 *     printfOne('04', 'o', 0o644) === '0644'
 */
export function printfOne(modifiers: string, conversion: 's' | 'c' | 'd' | 'u' | 'x' | 'o', value: string | number): string {
  const m = /^([-+ #0]*)(\d*)(?:\.(\d*))?/.exec(modifiers.replace(/I/g, ''))!;
  const flags = m[1] ?? '';
  const width = m[2] ? Number(m[2]) : 0;
  const precision = m[3] !== undefined ? Number(m[3] || '0') : undefined;
  const left = flags.includes('-');
  let body: string;
  let sign = '';
  let numeric = false;
  if (conversion === 's' || conversion === 'c') {
    body = String(value);
    if (conversion === 's' && precision !== undefined) body = body.slice(0, precision);
  } else {
    numeric = true;
    let n = typeof value === 'number' ? value : Number(value);
    if (conversion === 'd') {
      if (n < 0) sign = '-';
      else if (flags.includes('+')) sign = '+';
      else if (flags.includes(' ')) sign = ' ';
      n = Math.abs(n);
    }
    body = conversion === 'x' ? n.toString(16) : conversion === 'o' ? n.toString(8) : String(n);
    if (precision !== undefined) body = precision === 0 && n === 0 ? '' : body.padStart(precision, '0');
    if (flags.includes('#')) {
      if (conversion === 'o' && !body.startsWith('0')) body = '0' + body;
      if (conversion === 'x' && n !== 0) sign = '0x';
    }
  }
  const len = sign.length + body.length;
  if (len >= width) return sign + body;
  if (left) return sign + body + ' '.repeat(width - len);
  if (numeric && flags.includes('0') && precision === undefined) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}
