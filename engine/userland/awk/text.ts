/**
 * The string work behind awk's fields and built-ins, each as busybox does
 * it: splitting a record (awk_split), sub/gsub (awk_sub), and printf
 * formats (awk_printf, fmt_num).
 */
import { isSpace, toInt } from './numbers.ts';
import { formatChar, formatDouble, formatInt, formatString, parseSpec, type Spec } from './printf.ts';
import type { Regex } from './regex.ts';

/** How FS (or split's third argument) cuts: a regex, one byte, " " (runs of blanks) or "" (every byte). */
export type Splitter = { kind: 'regex'; re: Regex; icase: () => Regex } | { kind: 'char'; ch: string };

/** busybox's regexec1_nonempty: the first match, but never an empty one at the very start. */
function nonEmptyMatch(re: Regex, s: string, from: number): { start: number; end: number } | null {
  const m = re.exec(s, from);
  if (!m || m.end !== from) return m;
  for (let ofs = from + 1; ; ofs++) {
    if (ofs >= s.length) return null;
    const n = re.exec(s, ofs);
    if (n && n.end !== ofs) return n;
  }
}

/**
 * Splits `s` into fields. With RS="" (paragraph mode) a newline separates
 * fields too, whatever FS is.
 */
export function splitFields(s: string, spl: Splitter, paragraph: boolean, icase: boolean): string[] {
  const out: string[] = [];
  if (spl.kind === 'regex') {
    if (s === '') return out;
    const re = icase ? spl.icase() : spl.re;
    let n = 1;
    let pos = 0;
    do {
      let l = paragraph ? s.indexOf('\n', pos) : -1;
      if (l < 0) l = s.length;
      const m = nonEmptyMatch(re, s, pos);
      let next: number;
      if (m && m.start <= l) {
        l = m.start;
        next = m.end;
        n++;
      } else next = l < s.length ? l + 1 : l;
      out.push(s.slice(pos, l));
      pos = next;
    } while (pos < s.length);
    // "a--" split on "--" is "a" and "".
    if (out.length < n) out.push('');
    return out;
  }
  const ch = spl.ch;
  if (ch === '') {
    for (let i = 0; i < s.length; i++) out.push(s[i]!);
    return out;
  }
  if (ch !== ' ') {
    if (s === '') return out;
    const seps = new Set([ch]);
    if (icase) {
      seps.add(ch.toUpperCase());
      seps.add(ch.toLowerCase());
    }
    if (paragraph) seps.add('\n');
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      if (!seps.has(s[i]!)) continue;
      out.push(s.slice(start, i));
      start = i + 1;
    }
    out.push(s.slice(start));
    return out;
  }
  // Runs of blanks (space, tab, newline…), ignoring leading and trailing ones.
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    if (i >= s.length) break;
    const start = i;
    while (i < s.length && !isSpace(s.charCodeAt(i))) i++;
    out.push(s.slice(start, i));
  }
  return out;
}

/**
 * sub (nth = 1), gsub (nth = 0: all) and gensub (`groups`: \0…\9 name the
 * match's groups) — busybox's awk_sub. In the replacement, & is the
 * matched text, \& a literal &, \\& a backslash and the match.
 */
export function substitute(re: Regex, repl: string, nth: number, src: string, groups = false): { text: string; count: number } {
  let out = '';
  let pos = 0;
  let count = 0;
  let notbol = false;
  for (;;) {
    const m = re.exec(src, pos, notbol);
    if (!m) break;
    const { start: so, end: eo } = m;
    out += src.slice(pos, eo);
    if (++count >= nth) {
      out = out.slice(0, out.length - (eo - so));
      let spans: number[] | undefined;
      let backslashes = 0;
      for (const c of repl) {
        out += c;
        if (c === '\\') {
          backslashes++;
          continue;
        }
        const digit = groups && c >= '0' && c <= '9';
        if (c === '&' || digit) {
          out = out.slice(0, out.length - ((backslashes + 3) >> 1));
          let j = 0;
          if (digit) {
            j = c.charCodeAt(0) - 48;
            backslashes++;
          }
          if (backslashes % 2) out += c;
          else if (j === 0) out += src.slice(so, eo);
          else {
            spans ??= re.groupsOf(src, m, pos, notbol);
            const start = spans[j * 2] ?? -1;
            if (start >= 0) out += src.slice(start, spans[j * 2 + 1]);
          }
        }
        backslashes = 0;
      }
    }
    notbol = true;
    pos = eo;
    if (count === nth) break;
    if (eo === so) {
      // An empty match: step over one byte.
      if (pos >= src.length) return { text: out, count };
      out += src[pos];
      pos++;
    }
  }
  return { text: out + src.slice(pos), count };
}

/** A printf argument, converted as the conversion wants it. */
export type Arg = { kind: 'int' | 'double' | 'char'; value: number } | { kind: 's'; value: string };

function convert(spec: Spec, arg: Arg): string {
  switch (arg.kind) {
    case 'int':
      return formatInt(spec, arg.value);
    case 'double':
      return formatDouble(spec, arg.value);
    case 'char':
      return formatChar(spec, arg.value);
    default:
      return formatString(spec, arg.value);
  }
}

/**
 * One piece of a format as busybox hands it to libc: "%…X" where X is the
 * first letter after the %. Usually a plain conversion ("%-10s"); anything
 * stranger ("%5%|%d") is read the way glibc reads it.
 */
export function formatSpec(text: string, arg: Arg): string {
  const spec = parseSpec(text);
  if (spec) return convert(spec, arg);
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '%') {
      out += text[i++];
      continue;
    }
    const m = /^%([-+ #0']*)(\d*)(?:\.(\d*))?(.)/.exec(text.slice(i));
    if (!m) return out + text.slice(i);
    if (m[4] === '%') out += '%';
    else if (i + m[0].length === text.length) out += convert(parseSpec(m[0])!, arg);
    else out += m[0];
    i += m[0].length;
  }
  return out;
}

export interface Formatter {
  /** The next argument's string and number views, and whether it is numeric. */
  next(): { str(): string; num(): number; isNumeric(): boolean };
  /** Fatal error. */
  fail(message: string): never;
}

const isAlpha = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/** awk's printf/sprintf (awk_printf): `fmt` with the arguments `args.next()` gives. */
export function awkPrintf(fmt: string, args: Formatter): string {
  let out = '';
  let i = 0;
  for (;;) {
    const percent = fmt.indexOf('%', i);
    if (percent < 0 || percent + 1 >= fmt.length) return out + fmt.slice(i);
    if (fmt[percent + 1] === '%') {
      out += fmt.slice(i, percent + 1);
      i = percent + 2;
      continue;
    }
    let f = percent + 1;
    while (!isAlpha(fmt[f])) {
      if (fmt[f] === '*') args.fail('%*x formats are not supported');
      if (++f >= fmt.length) return out + fmt.slice(i);
    }
    const conv = fmt[f]!;
    const text = fmt.slice(percent, f + 1);
    out += fmt.slice(i, percent);
    i = f + 1;
    const arg = args.next();
    if (conv === 'c') {
      const code = arg.isNumeric() ? toInt(arg.num()) & 255 : arg.str().charCodeAt(0) || 0;
      out += formatSpec(text, { kind: 'char', value: code });
    } else if (conv === 's') {
      out += formatSpec(text, { kind: 's', value: arg.str() });
    } else if ('diouxX'.includes(conv)) {
      out += formatSpec(text, { kind: 'int', value: toInt(arg.num()) });
    } else if ('eEfFgGaA'.includes(conv)) {
      out += formatSpec(text, { kind: 'double', value: arg.num() });
    } else args.fail('Invalid format specifier');
  }
}

const TWO63 = 9223372036854775808;

/**
 * A number as a string, for print (OFMT) or conversion (CONVFMT): integers
 * as integers, anything else through the format — busybox's fmt_num.
 */
export function formatNumber(fmt: string, n: number, fail: (message: string) => never): string {
  if (n >= -TWO63 && n < TWO63 && Math.trunc(n) === n) {
    if (n === 0) return '0';
    return Math.abs(n) < 2 ** 53 ? String(n) : BigInt(n).toString();
  }
  const last = fmt[fmt.length - 1] ?? '';
  let s: string;
  if (last !== '' && 'diouxX'.includes(last)) s = fmtAll(fmt, { kind: 'int', value: toInt(n) });
  else if (last !== '' && 'eEfFgGaA'.includes(last)) s = fmtAll(fmt, { kind: 'double', value: n });
  else return fail('Invalid format specifier');
  // busybox formats into a 240-byte buffer.
  return s.slice(0, 239);
}

/** A whole format with the same argument for each conversion (OFMT has one). */
function fmtAll(fmt: string, arg: Arg): string {
  let out = '';
  let i = 0;
  for (;;) {
    const percent = fmt.indexOf('%', i);
    if (percent < 0) return out + fmt.slice(i);
    let f = percent + 1;
    while (f < fmt.length && !isAlpha(fmt[f])) f++;
    if (f >= fmt.length) return out + fmt.slice(i);
    out += fmt.slice(i, percent) + formatSpec(fmt.slice(percent, f + 1), arg);
    i = f + 1;
  }
}
