/**
 * Finding text. busybox vi (as Alpine builds it, without
 * FEATURE_VI_REGEX_SEARCH) searches for the pattern as plain text, so
 * "/a.c" finds "a.c" and not "abc"; vim reads the pattern as a regular
 * expression in its own dialect, translated here to JavaScript's.
 */
import { FORWARD, type Vi } from './editor.ts';

/**
 * Where `pat` next occurs from p in direction dir (whole text when `full`,
 * else the neighbouring line only), or null.
 */
export function charSearch(vi: Vi, p: number, pat: string, dir: number, full: boolean): number | null {
  if (vi.vim) return regexSearch(vi, p, pat, dir, full);
  const text = vi.text;
  const len = pat.length;
  const ic = vi.opts.ignorecase;
  const needle = ic ? pat.toLowerCase() : pat;
  const matches = (start: number) => (ic ? text.slice(start, start + len).toLowerCase() === needle : text.startsWith(pat, start));
  if (dir > 0) {
    const stop = full ? vi.end - 1 : vi.buf.nextLine(p);
    for (let start = Math.max(0, p); start < stop; start++) if (matches(start)) return start;
  } else {
    const stop = full ? 0 : vi.buf.prevLine(p);
    for (let start = p - len; start >= stop; start--) if (matches(start)) return start;
  }
  return null;
}

function regexSearch(vi: Vi, p: number, pat: string, dir: number, full: boolean): number | null {
  const re = vimRegex(pat, vi.opts.ignorecase);
  if (!re) return null;
  const text = vi.text;
  if (dir > 0) {
    const stop = full ? vi.end : vi.buf.nextLine(p) + 1;
    re.lastIndex = Math.max(0, p);
    for (;;) {
      const m = re.exec(text);
      if (!m || m.index >= stop) return null;
      if (m[0].length === 0 && m.index === text.length) return null;
      return m.index;
    }
  }
  const start = full ? 0 : vi.buf.prevLine(p);
  re.lastIndex = start;
  let found: number | null = null;
  for (;;) {
    const m = re.exec(text);
    if (!m || m.index > p) break;
    found = m.index;
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}

/** vim: the length of a match of `pat` starting exactly at p (0 when none). */
export function matchLengthAt(vi: Vi, p: number, pat: string): number {
  const re = vimRegex(pat, vi.opts.ignorecase);
  if (!re) return 0;
  re.lastIndex = p;
  const m = re.exec(vi.text);
  return m && m.index === p ? m[0].length : 0;
}

const cache = new Map<string, RegExp | null>();

/**
 * Translates a vim pattern ("magic" mode) to a JavaScript RegExp: \( \) \|
 * \+ \? \= \{n,m} \< \> are operators, ( ) | + ? { are plain characters,
 * "\c" anywhere means ignore case. Returns null for a pattern that does
 * not compile.
 */
export function vimRegex(pat: string, ignorecase: boolean): RegExp | null {
  const key = `${ignorecase}:${pat}`;
  if (cache.has(key)) return cache.get(key)!;
  let src = '';
  let flags = 'gm';
  let ic = ignorecase;
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i]!;
    if (c === '\\') {
      const n = pat[++i];
      if (n === undefined) {
        src += '\\\\';
        break;
      }
      switch (n) {
        case '(': src += '('; break;
        case ')': src += ')'; break;
        case '|': src += '|'; break;
        case '+': src += '+'; break;
        case '?':
        case '=': src += '?'; break;
        case '{': {
          const close = pat.indexOf('}', i);
          if (close < 0) {
            src += '\\{';
            break;
          }
          let body = pat.slice(i + 1, close);
          if (body.endsWith('\\')) body = body.slice(0, -1);
          src += body.startsWith('-') ? `{${body.slice(1)}}?` : `{${body === '' ? '0,' : body}}`;
          i = close;
          break;
        }
        case '<':
        case '>': src += '\\b'; break;
        case 'c': ic = true; break;
        case 'C': ic = false; break;
        case 'n': src += '\\n'; break;
        case 't': src += '\\t'; break;
        case 's': case 'S': case 'd': case 'D': case 'w': case 'W': src += '\\' + n; break;
        case 'a': src += '[A-Za-z]'; break;
        case 'l': src += '[a-z]'; break;
        case 'u': src += '[A-Z]'; break;
        case 'x': src += '[0-9A-Fa-f]'; break;
        case 'e': src += '\\x1b'; break;
        default:
          src += /[0-9]/.test(n) ? '\\' + n : escapeRe(n);
      }
      continue;
    }
    if (c === '(' || c === ')' || c === '|' || c === '+' || c === '?' || c === '{' || c === '}') {
      src += '\\' + c;
      continue;
    }
    if (c === '~') {
      src += '~';
      continue;
    }
    if (c === '[') {
      const close = pat.indexOf(']', i + 2);
      if (close < 0) {
        src += '\\[';
        continue;
      }
      let cls = pat.slice(i, close + 1);
      // [^x] never matches a newline in vim.
      if (cls.startsWith('[^')) cls = '[^\\n' + cls.slice(2);
      src += cls;
      i = close;
      continue;
    }
    if (c === '*' && (src === '' || src.endsWith('(') || src.endsWith('|'))) {
      src += '\\*';
      continue;
    }
    if (c === '^' && !(i === 0 || pat[i - 1] === '(' || pat.slice(i - 2, i) === '\\(' || pat.slice(i - 2, i) === '\\|')) {
      src += '\\^';
      continue;
    }
    if (c === '$' && !(i === pat.length - 1 || pat.slice(i + 1, i + 3) === '\\)' || pat.slice(i + 1, i + 3) === '\\|')) {
      src += '\\$';
      continue;
    }
    if (c === '/' ) {
      src += '\\/';
      continue;
    }
    src += c;
  }
  if (ic) flags += 'i';
  let re: RegExp | null;
  try {
    re = new RegExp(src, flags);
  } catch {
    re = null;
  }
  cache.set(key, re);
  return re;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

export function wrapMessage(_vi: Vi, dir: number): string {
  return dir === FORWARD ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM';
}

export function notFoundMessage(vi: Vi, pat: string): string {
  return vi.vim ? `E486: Pattern not found: ${pat}` : 'Pattern not found';
}
