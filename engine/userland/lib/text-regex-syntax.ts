/**
 * The syntax of POSIX regular expressions as musl's regcomp (TRE) reads
 * them: characters and classes in its C.UTF-8 locale, and a parser that
 * transcribes tre_parse, so odd patterns get musl's answers ("a**" is
 * fine, "a{,2}" is "Invalid contents of {}", "[[=a=]]" is rejected).
 * text-regex.ts compiles the tree and matches it.
 *
 *     const p = new Parser('\\(ab\\)*c', {});
 *     p.parse();   // { t: 'group', n: 0, body: { t: 'cat', items: [repeat(group 1), char c] } }
 *     p.nsub;      // 1
 */

export interface RegexFlags {
  /** ERE instead of BRE (REG_EXTENDED). */
  extended?: boolean;
  /** REG_ICASE. */
  icase?: boolean;
  /** REG_NEWLINE: `.` and `[^…]` do not match newline; `^`/`$` match around newlines. */
  newline?: boolean;
  /**
   * The C (or POSIX) locale instead of musl's default C.UTF-8: every byte is
   * one character, and bytes above 0x7f belong to no class and have no case.
   */
  bytes?: boolean;
}

/** A regcomp failure; `message` is musl's regerror text. */
export class RegexError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<string, string> = {
  REG_BADPAT: 'Invalid regexp',
  REG_ECOLLATE: 'Unknown collating element',
  REG_ECTYPE: 'Unknown character class name',
  REG_EESCAPE: 'Trailing backslash',
  REG_ESUBREG: 'Invalid back reference',
  REG_EBRACK: "Missing ']'",
  REG_EPAREN: "Missing ')'",
  REG_EBRACE: "Missing '}'",
  REG_BADBR: 'Invalid contents of {}',
  REG_ERANGE: 'Invalid character range',
  REG_ESPACE: 'Out of memory',
  REG_BADRPT: 'Repetition not preceded by valid expression',
};

export const err = (code: string): RegexError => new RegexError(code, MESSAGES[code] ?? 'Unknown error');

const RE_DUP_MAX = 255;

// ---- characters ---------------------------------------------------------------

/** Decodes the UTF-8 character at s[i]: [code point, byte length]; an invalid byte b reads as 0xDC00+b, length 1 (mbtowc would fail). */
export function decodeAt(s: string, i: number, bytes = false): [number, number] {
  const b0 = s.charCodeAt(i);
  if (bytes) return [byteChar(b0), 1];
  if (b0 < 0x80) return [b0, 1];
  const cont = (k: number) => {
    const b = s.charCodeAt(i + k);
    return b >= 0x80 && b <= 0xbf ? b & 0x3f : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1);
    if (c1 >= 0) return [((b0 & 0x1f) << 6) | c1, 2];
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      const cp = ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
      if (cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff)) return [cp, 3];
    }
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      const cp = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (cp >= 0x10000 && cp <= 0x10ffff) return [cp, 4];
    }
  }
  return [0xdc00 + b0, 1];
}

/** A byte as musl's C locale reads it: 0x80–0xff become 0xdf80–0xdfff, which no class contains. */
export const byteChar = (b: number): number => (b < 0x80 ? b : 0xdf00 | b);

export const isInvalid = (c: number) => c >= 0xdc80 && c <= 0xdcff;

const caseCache = new Map<number, [number, number]>();
/** [towlower(c), towupper(c)]. */
export function cases(c: number): [number, number] {
  if (c < 128) {
    if (c >= 65 && c <= 90) return [c + 32, c];
    if (c >= 97 && c <= 122) return [c, c - 32];
    return [c, c];
  }
  let r = caseCache.get(c);
  if (!r) {
    if (isInvalid(c) || (c >= 0xd800 && c <= 0xdfff)) r = [c, c];
    else {
      const s = String.fromCodePoint(c);
      const one = (t: string) => (t.length > 0 && [...t].length === 1 ? t.codePointAt(0)! : c);
      r = [one(s.toLowerCase()), one(s.toUpperCase())];
    }
    caseCache.set(c, r);
  }
  return r;
}
export const toLower = (c: number): number => cases(c)[0];
export const toUpper = (c: number): number => cases(c)[1];

export const CLASS_NAMES = ['alnum', 'alpha', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct', 'space', 'upper', 'xdigit'] as const;
type ClassName = (typeof CLASS_NAMES)[number];

const ALPHA = /\p{Alphabetic}/u;
const isWSpace = (c: number) => (c >= 9 && c <= 13) || c === 32 || c === 0x1680 || (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;
const isWCntrl = (c: number) => c < 32 || (c >= 0x7f && c < 0xa0) || c === 0x2028 || c === 0x2029 || (c >= 0xfff9 && c <= 0xfffb);
const isWPrint = (c: number) => {
  if (c < 0xff) return ((c + 1) & 0x7f) >= 0x21;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c === 0x2028 || c === 0x2029 || (c >= 0xfff9 && c <= 0xfffb)) return false;
  return (c & 0xfffe) !== 0xfffe && c <= 0x10ffff;
};
const isWAlpha = (c: number) => (c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : c >= 0xd800 && c <= 0xdfff ? false : ALPHA.test(String.fromCodePoint(c)));
const isWDigit = (c: number) => c >= 48 && c <= 57;

/** iswctype as musl has it. */
function isClass(c: number, cls: ClassName): boolean {
  switch (cls) {
    case 'alnum': return isWDigit(c) || isWAlpha(c);
    case 'alpha': return isWAlpha(c);
    case 'blank': return c === 32 || c === 9;
    case 'cntrl': return isWCntrl(c);
    case 'digit': return isWDigit(c);
    case 'graph': return !isWSpace(c) && isWPrint(c);
    case 'lower': return c < 128 ? c >= 97 && c <= 122 : toUpper(c) !== c;
    case 'print': return isWPrint(c);
    case 'punct': return !isWSpace(c) && isWPrint(c) && !isWDigit(c) && !isWAlpha(c);
    case 'space': return isWSpace(c);
    case 'upper': return c < 128 ? c >= 65 && c <= 90 : toLower(c) !== c;
    case 'xdigit': return isWDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
  }
}

export const isWord = (c: number) => c === 95 || isWDigit(c) || isWAlpha(c);

/** A bracket expression (or a case-folded literal): ranges and classes, possibly negated. */
export class CharSet {
  ascii = new Uint8Array(128);
  constructor(
    readonly ranges: number[],
    readonly classes: ClassName[],
    readonly negate: boolean,
    readonly icase: boolean,
    readonly newline: boolean,
  ) {
    for (let c = 0; c < 128; c++) this.ascii[c] = this.compute(c) ? 1 : 0;
  }
  private inRanges(c: number): boolean {
    const r = this.ranges;
    for (let i = 0; i < r.length; i += 2) if (c >= r[i]! && c <= r[i + 1]!) return true;
    return false;
  }
  private compute(c: number): boolean {
    let hit = this.inRanges(c);
    if (!hit && this.icase) {
      const [lo, up] = cases(c);
      hit = (lo !== c && this.inRanges(lo)) || (up !== c && this.inRanges(up));
    }
    if (!hit) {
      for (const cls of this.classes) {
        if (this.icase ? isClass(toLower(c), cls) || isClass(toUpper(c), cls) : isClass(c, cls)) {
          hit = true;
          break;
        }
      }
    }
    if (this.negate) return !hit && !(this.newline && c === 10);
    return hit;
  }
  has(c: number): boolean {
    return c < 128 ? this.ascii[c] === 1 : this.compute(c);
  }
}

// ---- syntax tree ----------------------------------------------------------------

export type Assertion = 'bol' | 'eol' | 'bow' | 'eow' | 'wb' | 'nwb';
export type Node =
  | { t: 'empty' }
  | { t: 'char'; c: number }
  | { t: 'set'; set: CharSet }
  | { t: 'any' }
  | { t: 'assert'; a: Assertion }
  | { t: 'backref'; n: number }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'group'; n: number; body: Node }
  | { t: 'repeat'; min: number; max: number; body: Node };

const EMPTY: Node = { t: 'empty' };

function cat(a: Node | null, b: Node): Node {
  if (!a) return b;
  if (a.t === 'cat') {
    a.items.push(b);
    return a;
  }
  return { t: 'cat', items: [a, b] };
}

function union(a: Node | null, b: Node | null): Node {
  const bb = b ?? EMPTY;
  if (!a) return bb;
  if (a.t === 'alt') {
    a.items.push(bb);
    return a;
  }
  return { t: 'alt', items: [a, bb] };
}

const MACROS: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', a: '\x07', e: '\x1b', w: '[[:alnum:]_]', W: '[^[:alnum:]_]', s: '[[:space:]]', S: '[^[:space:]]', d: '[[:digit:]]', D: '[^[:digit:]]' };

/** The parser: a transcription of musl's tre_parse, so odd patterns get musl's answers. */
export class Parser {
  pos = 0;
  start = 0;
  maxBackref = 0;
  nsub = 0;
  private readonly ere: boolean;
  private readonly icase: boolean;
  private readonly newline: boolean;
  private readonly bytes: boolean;

  constructor(
    private p: string,
    flags: RegexFlags,
  ) {
    this.ere = !!flags.extended;
    this.icase = !!flags.icase;
    this.newline = !!flags.newline;
    this.bytes = !!flags.bytes;
  }

  private at(i: number): string {
    return i < this.p.length ? this.p[i]! : '\0';
  }

  parse(): Node {
    const ere = this.ere;
    type Frame = { nunion: Node | null; nbranch: Node | null; subid: number };
    const stack: Frame[] = [];
    let nbranch: Node | null = null;
    let nunion: Node | null = null;
    let subid = 0;
    let depth = 0;
    let s = 0;
    this.start = 0;
    const outerId = subid++;
    let n: Node;
    for (;;) {
      if ((!ere && this.at(s) === '\\' && this.at(s + 1) === '(') || (ere && this.at(s) === '(')) {
        stack.push({ nunion, nbranch, subid: subid++ });
        s += ere ? 1 : 2;
        depth++;
        nbranch = nunion = null;
        this.start = s;
        continue;
      }
      if ((!ere && this.at(s) === '\\' && this.at(s + 1) === ')') || (ere && this.at(s) === ')' && depth)) n = EMPTY;
      else {
        const r = this.atom(s);
        n = r.node;
        s = r.next;
      }
      for (;;) {
        // parse_iter: repetitions
        for (;;) {
          let c = this.at(s);
          if (c !== '\\' && c !== '*') {
            if (!ere) break;
            if (c !== '+' && c !== '?' && c !== '{') break;
          }
          if (c === '\\' && ere) break;
          if (c === '\\' && this.at(s + 1) !== '+' && this.at(s + 1) !== '?' && this.at(s + 1) !== '{') break;
          if (c === '\\') s++;
          if (!ere && s === this.start + 1 && this.at(s - 1) === '^') break;
          c = this.at(s);
          let min: number;
          let max: number;
          if (c === '{') {
            const r = this.dup(s + 1);
            if (!r) throw err('REG_BADBR');
            [min, max, s] = r;
          } else {
            min = 0;
            max = -1;
            if (c === '+') min = 1;
            if (c === '?') max = 1;
            s++;
          }
          n = max === 0 ? EMPTY : { t: 'repeat', min, max, body: n };
        }
        nbranch = cat(nbranch, n);
        const c = this.at(s);
        const atEnd = s >= this.p.length;
        if ((ere && c === '|') || (ere && c === ')' && depth) || (!ere && c === '\\' && this.at(s + 1) === ')') || (!ere && c === '\\' && this.at(s + 1) === '|') || atEnd) {
          nunion = union(nunion, nbranch);
          nbranch = null;
          if (c === '\\' && this.at(s + 1) === '|') {
            s += 2;
            this.start = s;
            break;
          } else if (c === '|' && !atEnd) {
            s++;
            this.start = s;
            break;
          }
          if (!atEnd && c === '\\') {
            if (!depth) throw err('REG_EPAREN');
            s += 2;
          } else if (!atEnd && c === ')') s++;
          depth--;
          const frame = stack.pop();
          const id = frame ? frame.subid : outerId;
          const grouped: Node = { t: 'group', n: id, body: nunion };
          if (atEnd && depth < 0) {
            this.nsub = subid - 1;
            return grouped;
          }
          if (atEnd || depth < 0) throw err('REG_EPAREN');
          nbranch = frame!.nbranch;
          nunion = frame!.nunion;
          n = grouped;
          continue;
        }
        break;
      }
    }
  }

  private dupCount(s: number): [number, number] {
    if (!/[0-9]/.test(this.at(s))) return [-1, s];
    let n = 0;
    for (;;) {
      n = 10 * n + (this.p.charCodeAt(s) - 48);
      s++;
      if (!/[0-9]/.test(this.at(s)) || n > RE_DUP_MAX) break;
    }
    return [n, s];
  }

  private dup(s: number): [number, number, number] | null {
    let min: number;
    let max: number;
    [min, s] = this.dupCount(s);
    if (this.at(s) === ',') [max, s] = this.dupCount(s + 1);
    else max = min;
    if ((max < min && max >= 0) || max > RE_DUP_MAX || min > RE_DUP_MAX || min < 0) return null;
    if (!this.ere) {
      if (this.at(s) !== '\\') return null;
      s++;
    }
    if (this.at(s) !== '}') return null;
    return [min, max, s + 1];
  }

  private literal(c: number): Node {
    if (this.icase) {
      const [lo, up] = cases(c);
      if (lo !== up) return { t: 'set', set: new CharSet([lo, lo, up, up], [], false, false, false) };
    }
    return { t: 'char', c };
  }

  private atom(s: number): { node: Node; next: number } {
    const ere = this.ere;
    const c = this.at(s);
    const atEnd = s >= this.p.length;
    if (!atEnd) {
      switch (c) {
        case '[':
          return this.bracket(s + 1);
        case '\\': {
          const m = MACROS[this.at(s + 1)];
          if (m !== undefined && s + 1 < this.p.length) {
            const sub = new Parser(m, { extended: this.ere, icase: this.icase, newline: this.newline, bytes: this.bytes });
            const r = sub.atom(0);
            return { node: r.node, next: s + 2 };
          }
          s++;
          if (s >= this.p.length) throw err('REG_EESCAPE');
          const e = this.p[s]!;
          switch (e) {
            case 'b': return { node: { t: 'assert', a: 'wb' }, next: s + 1 };
            case 'B': return { node: { t: 'assert', a: 'nwb' }, next: s + 1 };
            case '<': return { node: { t: 'assert', a: 'bow' }, next: s + 1 };
            case '>': return { node: { t: 'assert', a: 'eow' }, next: s + 1 };
            case 'x': {
              s++;
              let len = 2;
              if (this.at(s) === '{') {
                len = 8;
                s++;
              }
              let v = 0;
              let i = 0;
              for (; i < len && v < 0x110000; i++) {
                const h = parseInt(this.at(s + i), 16);
                if (Number.isNaN(h) || !/[0-9a-fA-F]/.test(this.at(s + i))) break;
                v = 16 * v + h;
              }
              s += i;
              if (len === 8) {
                if (this.at(s) !== '}') throw err('REG_EBRACE');
                s++;
              }
              // musl does not case-fold \xHH
              return { node: { t: 'char', c: v }, next: s };
            }
            case '{':
            case '+':
            case '?':
              if (!ere) throw err('REG_BADRPT');
              return this.parseLiteral(s);
            case '|':
              if (!ere) return { node: EMPTY, next: s - 1 };
              return this.parseLiteral(s);
            default:
              if (!ere && e >= '1' && e <= '9') {
                const v = e.charCodeAt(0) - 48;
                this.maxBackref = Math.max(this.maxBackref, v);
                return { node: { t: 'backref', n: v }, next: s + 1 };
              }
              return this.parseLiteral(s);
          }
        }
        case '.':
          if (this.newline) return { node: { t: 'set', set: new CharSet([10, 10], [], true, false, false) }, next: s + 1 };
          return { node: { t: 'any' }, next: s + 1 };
        case '^':
          if (!ere && s !== this.start) return this.parseLiteral(s);
          return { node: { t: 'assert', a: 'bol' }, next: s + 1 };
        case '$': {
          if (!ere && s + 1 < this.p.length && (this.at(s + 1) !== '\\' || (this.at(s + 2) !== ')' && this.at(s + 2) !== '|'))) return this.parseLiteral(s);
          return { node: { t: 'assert', a: 'eol' }, next: s + 1 };
        }
        case '*':
        case '{':
        case '+':
        case '?':
          if (ere) throw err('REG_BADRPT');
          return this.parseLiteral(s);
        case '|':
          if (!ere) return this.parseLiteral(s);
          return { node: EMPTY, next: s };
        default:
          return this.parseLiteral(s);
      }
    }
    return { node: EMPTY, next: s };
  }

  private parseLiteral(s: number): { node: Node; next: number } {
    const [c, len] = decodeAt(this.p, s, this.bytes);
    if (isInvalid(c)) throw err('REG_BADPAT');
    return { node: this.literal(c), next: s + len };
  }

  private bracket(s: number): { node: Node; next: number } {
    const negate = this.at(s) === '^';
    if (negate) s++;
    const start = s;
    const ranges: number[] = [];
    const classes: ClassName[] = [];
    for (;;) {
      if (s >= this.p.length) throw err('REG_EBRACK');
      const [wc, len] = decodeAt(this.p, s, this.bytes);
      if (isInvalid(wc)) throw err('REG_BADPAT');
      const ch = this.p[s]!;
      if (ch === ']' && s !== start) {
        s++;
        break;
      }
      if (ch === '-' && s !== start && this.at(s + 1) !== ']' && (this.at(s + 1) !== '-' || this.at(s + 2) === ']')) throw err('REG_ERANGE');
      if (ch === '[' && (this.at(s + 1) === '.' || this.at(s + 1) === '=')) throw err('REG_ECOLLATE');
      if (ch === '[' && this.at(s + 1) === ':') {
        s += 2;
        let l = 0;
        let cls: ClassName | undefined;
        for (; l < 14 && s + l < this.p.length; l++) {
          if (this.p[s + l] === ':') {
            const name = this.p.slice(s, s + l);
            cls = (CLASS_NAMES as readonly string[]).includes(name) ? (name as ClassName) : undefined;
            break;
          }
        }
        if (!cls || this.at(s + l + 1) !== ']') throw err('REG_ECTYPE');
        classes.push(cls);
        s += l + 2;
        continue;
      }
      let min = wc;
      let max = wc;
      s += len;
      if (this.at(s) === '-' && s + 1 < this.p.length && this.at(s + 1) !== ']') {
        s++;
        const [w2, l2] = decodeAt(this.p, s, this.bytes);
        if (isInvalid(w2) || min > w2) throw err('REG_ERANGE');
        max = w2;
        s += l2;
      } else if (this.at(s) === '-' && s + 1 >= this.p.length) {
        // "[a-" at the end of the pattern: musl reads the NUL as the range end
        throw err('REG_ERANGE');
      }
      ranges.push(min, max);
    }
    return { node: { t: 'set', set: new CharSet(ranges, classes, negate, this.icase, this.newline) }, next: s };
  }
}
