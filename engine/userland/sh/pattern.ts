/**
 * Shell patterns, as busybox ash on Alpine uses them: `case` patterns,
 * `${x#p}` `${x%p}` `${x/p/r}`, and pathname expansion (`*.txt`).
 *
 * A pattern is given as segments, because quoting decides what is special:
 *
 *     // case $f in *".txt") …   the * is a wildcard, the quoted .txt is not
 *     matchPattern([{ text: '*', quoted: false }, { text: '.txt', quoted: true }], 'a.txt') // true
 *
 * Unquoted text uses fnmatch syntax: `*`, `?`, `[abc]`, `[!a-z]`, `[^x]`,
 * `[[:alpha:]]`, and `\x` for a literal x (an unquoted backslash can come
 * from an unquoted variable: `p='\*'; case '*' in $p)` matches). A plain
 * string is all unquoted.
 *
 * Matching follows musl's fnmatch (what ash calls, with no flags): `*` and
 * `?` match `/` and a leading `.`; inside brackets a backslash is an
 * ordinary character; a `[` without its `]` is literal. Characters are
 * Unicode code points (a UTF-8 locale).
 */

export interface PatternSegment {
  text: string;
  /** Quoted text matches itself, character for character. */
  quoted: boolean;
}

export type PatternInput = string | readonly PatternSegment[];

/** Whether the whole of `text` matches. */
export function matchPattern(pattern: PatternInput, text: string): boolean {
  return compile(pattern).matches([...text]);
}

/** `${x#p}` (shortest) and `${x##p}` (longest): remove a matching prefix. */
export function removePrefix(pattern: PatternInput, text: string, longest: boolean): string {
  const m = compile(pattern);
  const cps = [...text];
  for (let k = 0; k <= cps.length; k++) {
    const n = longest ? cps.length - k : k;
    if (m.matches(cps.slice(0, n))) return cps.slice(n).join('');
  }
  return text;
}

/** `${x%p}` (shortest) and `${x%%p}` (longest): remove a matching suffix. */
export function removeSuffix(pattern: PatternInput, text: string, longest: boolean): string {
  const m = compile(pattern);
  const cps = [...text];
  for (let k = 0; k <= cps.length; k++) {
    const n = longest ? k : cps.length - k;
    if (m.matches(cps.slice(n))) return cps.slice(0, n).join('');
  }
  return text;
}

/**
 * `${x/p/r}` and `${x//p/r}` (`all`): replace the longest match starting at
 * the leftmost position where one exists (then, for `all`, continue after
 * it). `replacement` is already expanded. An empty pattern changes nothing;
 * there are no `#`/`%` anchors in ash. Where ash loops forever (a pattern
 * matching the empty string at the end, as `*` does with `//`), this stops,
 * as bash does.
 */
export function replacePattern(pattern: PatternInput, text: string, replacement: string, all: boolean): string {
  if (escapedPattern(segmentsOf(pattern)) === '') return text;
  const m = compile(pattern);
  const cps = [...text];
  let out = '';
  let idx = 0;
  let replaced = false;
  while (idx <= cps.length) {
    if (idx === cps.length && replaced) break;
    let end = -1;
    for (let e = cps.length; e >= idx; e--) {
      if (m.matches(cps.slice(idx, e))) {
        end = e;
        break;
      }
    }
    if (end < 0) {
      if (idx >= cps.length) break;
      out += cps[idx];
      idx++;
      continue;
    }
    out += replacement;
    replaced = true;
    if (!all) return out + cps.slice(end).join('');
    if (end === idx) break;
    idx = end;
  }
  return out + cps.slice(idx).join('');
}

/**
 * Whether a word needs pathname expansion at all (ash's hasmeta): an
 * unquoted `*` or `?`, or an unquoted `[` with a `]` anywhere after it.
 */
export function hasGlobMeta(pattern: PatternInput): boolean {
  const chars = flatten(segmentsOf(pattern));
  for (let i = 0; i < chars.length; i++) {
    const { c, quoted } = chars[i]!;
    if (quoted) continue;
    if (c === '*' || c === '?') return true;
    if (c === '\\') {
      i++;
      if (i >= chars.length) return false;
    } else if (c === '[' && chars.slice(i + 1).some((x) => x.c === ']')) {
      return true;
    }
  }
  return false;
}

/** What pathname expansion needs to know about the file system. */
export interface GlobFs {
  /**
   * The names in a directory, without `.` and `..` (they are added here, as
   * the real readdir returns them); undefined if it cannot be read. `dir` is
   * `.` for the current directory, else a path ending in `/` (`/`, `src/`).
   */
  readdir(dir: string): readonly string[] | undefined;
  /**
   * Whether lstat succeeds on the path exactly as given: `file/` and
   * `file/.` do not exist when `file` is not a directory (so a pattern
   * ending in `/` lists only directories).
   */
  exists(path: string): boolean;
}

/**
 * Pathname expansion of one word: the matching paths, sorted as ash sorts
 * them (strcmp: byte order, which is code point order), or undefined when
 * the word has no wildcard or nothing matches (the word then stays as it
 * is, quotes removed). Names starting with `.` match only a pattern
 * component that starts with `.`, and then `.` and `..` match too (`.*`).
 */
export function expandPathname(pattern: PatternInput, fs: GlobFs): string[] | undefined {
  const segments = segmentsOf(pattern);
  if (!hasGlobMeta(segments)) return undefined;
  const out: string[] = [];
  expandComponents('', [...escapedPattern(segments)], fs, out);
  if (out.length === 0) return undefined;
  return out.sort(compareCodePoints);
}

/** strcmp on UTF-8 bytes is code point order; JS's < compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

// --- from segments to one escaped pattern ----------------------------------

function segmentsOf(pattern: PatternInput): readonly PatternSegment[] {
  return typeof pattern === 'string' ? [{ text: pattern, quoted: false }] : pattern;
}

function flatten(segments: readonly PatternSegment[]): { c: string; quoted: boolean }[] {
  const chars: { c: string; quoted: boolean }[] = [];
  for (const s of segments) for (const c of s.text) chars.push({ c, quoted: s.quoted });
  return chars;
}

/**
 * One fnmatch pattern string, as ash builds it: quoted characters that
 * fnmatch would treat specially get a backslash (only those: inside a
 * bracket musl takes a backslash literally, so `["b"]` must stay `[b]`).
 * After an unquoted backslash the next character is left alone.
 */
function escapedPattern(segments: readonly PatternSegment[]): string {
  let out = '';
  let protect = true;
  for (const { c, quoted } of flatten(segments)) {
    if (!quoted && c === '\\') {
      out += c;
      protect = false;
      continue;
    }
    if (quoted && protect && '*?[\\]-!^'.includes(c)) out += '\\';
    out += c;
    protect = true;
  }
  return out;
}

// --- musl's fnmatch ----------------------------------------------------------

type PatternToken =
  | { type: 'char'; c: string }
  | { type: 'any' }
  | { type: 'star' }
  /** A bracket expression starting at `start` in the pattern's code points. */
  | { type: 'bracket'; start: number };

interface CompiledPattern {
  matches(text: string[]): boolean;
}

function compile(pattern: PatternInput): CompiledPattern {
  const p = [...escapedPattern(segmentsOf(pattern))];
  const tokens = tokenize(p);
  return { matches: (text) => matchTokens(tokens, p, text) };
}

function tokenize(p: string[]): PatternToken[] {
  const tokens: PatternToken[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\' && i + 1 < p.length) {
      tokens.push({ type: 'char', c: p[i + 1]! });
      i += 2;
    } else if (c === '[') {
      const end = bracketEnd(p, i);
      if (end < 0) {
        tokens.push({ type: 'char', c });
        i++;
      } else {
        tokens.push({ type: 'bracket', start: i });
        i = end + 1;
      }
    } else if (c === '*') {
      tokens.push({ type: 'star' });
      i++;
    } else if (c === '?') {
      tokens.push({ type: 'any' });
      i++;
    } else {
      tokens.push({ type: 'char', c });
      i++;
    }
  }
  return tokens;
}

/** The index of the `]` closing the bracket at `i`, or -1 (then `[` is literal). */
function bracketEnd(p: string[], i: number): number {
  let k = i + 1;
  if (p[k] === '^' || p[k] === '!') k++;
  if (p[k] === ']') k++;
  for (; k < p.length && p[k] !== ']'; k++) {
    const z = p[k + 1];
    if (p[k] === '[' && (z === ':' || z === '.' || z === '=')) {
      k += 2;
      if (k < p.length) k++;
      while (k < p.length && (p[k - 1] !== z || p[k] !== ']')) k++;
      if (k >= p.length) break;
    }
  }
  return k < p.length ? k : -1;
}

function matchTokens(tokens: PatternToken[], p: string[], s: string[]): boolean {
  let ti = 0;
  let si = 0;
  let starTi = -1;
  let starSi = 0;
  while (si < s.length) {
    const t = tokens[ti];
    if (t !== undefined) {
      if (t.type === 'star') {
        starTi = ti++;
        starSi = si;
        continue;
      }
      if (matchOne(t, p, s[si]!)) {
        ti++;
        si++;
        continue;
      }
    }
    if (starTi < 0) return false;
    ti = starTi + 1;
    si = ++starSi;
  }
  while (tokens[ti]?.type === 'star') ti++;
  return ti === tokens.length;
}

function matchOne(t: PatternToken, p: string[], k: string): boolean {
  switch (t.type) {
    case 'any': return true;
    case 'char': return t.c === k;
    case 'bracket': return matchBracket(p, t.start, k);
    default: return false;
  }
}

/** musl's match_bracket: `p[start]` is the `[`. */
function matchBracket(p: string[], start: number, k: string): boolean {
  const code = (c: string | undefined) => (c === undefined ? -1 : c.codePointAt(0)!);
  const kc = code(k);
  let i = start + 1;
  let inv = false;
  if (p[i] === '^' || p[i] === '!') {
    inv = true;
    i++;
  }
  if (p[i] === ']') {
    if (k === ']') return !inv;
    i++;
  } else if (p[i] === '-') {
    if (k === '-') return !inv;
    i++;
  }
  let wc = code(p[i - 1]);
  for (; i < p.length && p[i] !== ']'; i++) {
    if (p[i] === '-' && p[i + 1] !== ']' && i + 1 < p.length) {
      const wc2 = code(p[++i]);
      if (wc <= wc2 && kc >= wc && kc <= wc2) return !inv;
      continue;
    }
    const z = p[i + 1];
    if (p[i] === '[' && (z === ':' || z === '.' || z === '=')) {
      const p0 = i + 2;
      i += 3;
      while (i < p.length && (p[i - 1] !== z || p[i] !== ']')) i++;
      if (z === ':' && i - 1 - p0 < 16 && inClass(p.slice(p0, i - 1).join(''), k)) return !inv;
      continue;
    }
    wc = code(p[i]);
    if (wc === kc && (p[i + 1] !== '-' || p[i + 2] === ']')) return !inv;
  }
  return inv;
}

/** `[:name:]` classes; an unknown name matches nothing (wctype returns 0). */
function inClass(name: string, c: string): boolean {
  const n = c.codePointAt(0)!;
  const ascii = n < 128;
  switch (name) {
    case 'alpha': return ascii ? /[A-Za-z]/.test(c) : /\p{L}/u.test(c);
    case 'digit': return n >= 48 && n <= 57;
    case 'alnum': return inClass('alpha', c) || inClass('digit', c);
    case 'upper': return ascii ? /[A-Z]/.test(c) : /\p{Lu}/u.test(c);
    case 'lower': return ascii ? /[a-z]/.test(c) : /\p{Ll}/u.test(c);
    case 'space': return ascii ? (n >= 9 && n <= 13) || n === 32 : /\s/u.test(c);
    case 'blank': return n === 9 || n === 32 || (!ascii && /\p{Zs}/u.test(c) && n !== 0xa0);
    case 'cntrl': return n < 32 || n === 127 || (n >= 0x80 && n < 0xa0) || n === 0x2028 || n === 0x2029;
    case 'print': return !inClass('cntrl', c);
    case 'graph': return inClass('print', c) && !inClass('space', c);
    case 'punct': return inClass('graph', c) && !inClass('alnum', c);
    case 'xdigit': return /[0-9A-Fa-f]/.test(c) && ascii;
    default: return false;
  }
}

// --- ash's pathname expansion (expmeta) -------------------------------------

/** Unescape a pattern fragment that has no wildcards: `\x` → `x`. */
function unescape(p: string[]): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\' && i + 1 < p.length) i++;
    out += p[i];
  }
  return out;
}

/**
 * Match `name` (an escaped pattern, split here at `/`) below `dir` (the
 * path so far, '' or ending in `/`). Components without wildcards are
 * taken as they are; the first with one is matched against a listing.
 */
function expandComponents(dir: string, name: string[], fs: GlobFs, out: string[]): void {
  let meta = false;
  let start = 0;
  let p = 0;
  let esc = 0;
  for (; p < name.length; p += esc + 1) {
    esc = 0;
    const c = name[p];
    if (c === '*' || c === '?') {
      meta = true;
    } else if (c === '[') {
      let q = p + 1;
      if (name[q] === '!') q++;
      for (;;) {
        if (name[q] === '\\') q++;
        if (q >= name.length || name[q] === '/') break;
        q++;
        if (name[q] === ']') {
          meta = true;
          break;
        }
      }
    } else {
      if (c === '\\' && p + 1 < name.length) esc = 1;
      if (name[p + esc] === '/') {
        if (meta) break;
        start = p + esc + 1;
      }
    }
  }
  if (p >= name.length) esc = 0;
  if (!meta) {
    // No wildcard left: the path exists or not (never at the top: no match).
    if (dir === '') return;
    const path = dir + unescape(name);
    if (fs.exists(path)) out.push(path);
    return;
  }
  const prefix = dir + unescape(name.slice(0, start));
  const entries = fs.readdir(prefix === '' ? '.' : prefix);
  if (entries === undefined) return;
  const atEnd = p >= name.length;
  const component = name.slice(start, p);
  const rest = atEnd ? [] : name.slice(p + esc + 1);
  const first = component[0] === '\\' ? component[1] : component[0];
  const matchDot = first === '.';
  const tokens = tokenize(component);
  for (const entry of ['.', '..', ...entries]) {
    if (entry.startsWith('.') && !matchDot) continue;
    if (!matchTokens(tokens, component, [...entry])) continue;
    if (atEnd) out.push(prefix + entry);
    else expandComponents(prefix + entry + '/', rest, fs, out);
  }
}
