/**
 * The syntax of POSIX regular expressions, as glibc's regcomp reads them:
 * extended (ERE) or basic (BRE), with GNU's escapes. The result is a tree
 * that regex.ts compiles and runs.
 */

/** A pattern regcomp would reject; the message is musl's regerror text. */
export class RegexError extends Error {}

const ERR = {
  brack: "Missing ']'",
  paren: "Missing ')'",
  brace: "Missing '}'",
  badbr: 'Invalid contents of {}',
  range: 'Invalid character range',
  ctype: 'Unknown character class name',
  escape: 'Trailing backslash',
  badrpt: 'Repetition not preceded by valid expression',
  subreg: 'Invalid back reference',
} as const;

export type Assertion = 'bol' | 'eol' | 'bow' | 'eow' | 'wordb' | 'nwordb' | 'bufstart' | 'bufend';

export type Node =
  | { k: 'set'; set: Uint8Array } // one byte from the set (a literal is a one-member set)
  | { k: 'assert'; what: Assertion }
  | { k: 'cat'; items: Node[] }
  | { k: 'alt'; items: Node[] }
  | { k: 'repeat'; item: Node; min: number; max: number } // max -1: unbounded
  | { k: 'group'; index: number; item: Node } // ( ), whose match \1… can name
  | { k: 'empty' };

const DUP_MAX = 32767;

export const isWordByte = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

const CLASSES: Record<string, (c: number) => boolean> = {
  alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  digit: (c) => c >= 48 && c <= 57,
  alnum: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  upper: (c) => c >= 65 && c <= 90,
  lower: (c) => c >= 97 && c <= 122,
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  blank: (c) => c === 32 || c === 9,
  punct: (c) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126),
  print: (c) => c >= 32 && c <= 126,
  graph: (c) => c >= 33 && c <= 126,
  cntrl: (c) => c < 32 || c === 127,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

function setOf(test: (c: number) => boolean): Uint8Array {
  const s = new Uint8Array(256);
  for (let c = 0; c < 256; c++) if (test(c)) s[c] = 1;
  return s;
}

const byteSet = (c: number) => setOf((x) => x === c);

/** Reads a pattern into a syntax tree. */
export class Parser {
  private i = 0;
  private depth = 0;
  /** Groups opened so far. */
  groups = 0;

  constructor(
    private readonly p: string,
    private readonly basic: boolean,
  ) {}

  parse(): Node {
    const n = this.alternation();
    if (this.i < this.p.length) {
      // Only an unmatched close can stop the top level early.
      throw new RegexError(ERR.paren);
    }
    return n;
  }

  private peek(offset = 0): string | undefined {
    return this.p[this.i + offset];
  }

  private atAltBar(): boolean {
    return this.basic ? this.peek() === '\\' && this.peek(1) === '|' : this.peek() === '|';
  }

  private atGroupClose(): boolean {
    if (this.depth === 0) return false;
    return this.basic ? this.peek() === '\\' && this.peek(1) === ')' : this.peek() === ')';
  }

  private alternation(): Node {
    const items = [this.branch()];
    while (this.atAltBar()) {
      this.i += this.basic ? 2 : 1;
      items.push(this.branch());
    }
    return items.length === 1 ? items[0]! : { k: 'alt', items };
  }

  private branch(): Node {
    const items: Node[] = [];
    const start = this.i;
    while (this.i < this.p.length && !this.atAltBar() && !this.atGroupClose()) {
      const atom = this.atom(start);
      items.push(this.quantifiers(atom));
    }
    if (items.length === 0) return { k: 'empty' };
    return items.length === 1 ? items[0]! : { k: 'cat', items };
  }

  /** Quantifiers after an atom: several may follow (`a**`, `a{1,2}{2}`). */
  private quantifiers(atom: Node | 'literal-star'): Node {
    let node: Node = atom === 'literal-star' ? { k: 'set', set: byteSet(42) } : atom;
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*') {
        this.i++;
        [min, max] = [0, -1];
      } else if (!this.basic && (c === '+' || c === '?')) {
        this.i++;
        [min, max] = c === '+' ? [1, -1] : [0, 1];
      } else if (this.basic && c === '\\' && (this.peek(1) === '+' || this.peek(1) === '?')) {
        [min, max] = this.peek(1) === '+' ? [1, -1] : [0, 1];
        this.i += 2;
      } else if ((!this.basic && c === '{') || (this.basic && c === '\\' && this.peek(1) === '{')) {
        this.i += this.basic ? 2 : 1;
        [min, max] = this.interval();
      } else return node;
      if (node.k === 'assert') throw new RegexError(ERR.badrpt);
      node = { k: 'repeat', item: node, min, max };
    }
  }

  private interval(): [number, number] {
    const num = (): number | undefined => {
      let s = '';
      while (/[0-9]/.test(this.peek() ?? '')) s += this.p[this.i++];
      return s === '' ? undefined : Number(s);
    };
    const min = num();
    let max = min;
    if (this.peek() === ',') {
      this.i++;
      max = num() ?? -1;
    }
    if (min === undefined && max === undefined) throw new RegexError(this.i >= this.p.length ? ERR.brace : ERR.badbr);
    const close = this.basic ? this.peek() === '\\' && this.peek(1) === '}' : this.peek() === '}';
    if (!close) throw new RegexError(this.i >= this.p.length ? ERR.brace : ERR.badbr);
    this.i += this.basic ? 2 : 1;
    const lo = min ?? 0;
    if ((max !== -1 && max! < lo) || lo > DUP_MAX || max! > DUP_MAX) throw new RegexError(ERR.badbr);
    return [lo, max!];
  }

  private atom(branchStart: number): Node | 'literal-star' {
    const c = this.p[this.i]!;
    const atBranchStart = this.i === branchStart;
    if (this.basic) return this.basicAtom(c, atBranchStart);
    switch (c) {
      case '(': {
        this.i++;
        this.depth++;
        const index = ++this.groups;
        const inner = this.alternation();
        if (this.peek() !== ')') throw new RegexError(ERR.paren);
        this.i++;
        this.depth--;
        return { k: 'group', index, item: inner };
      }
      case '*':
      case '+':
      case '?':
      case '{':
        throw new RegexError(ERR.badrpt);
      case '^':
        this.i++;
        return this.noQuantifier({ k: 'assert', what: 'bol' });
      case '$':
        this.i++;
        return { k: 'assert', what: 'eol' };
      case '.':
        this.i++;
        return { k: 'set', set: setOf(() => true) };
      case '[':
        return { k: 'set', set: this.bracket() };
      case '\\':
        return this.escape();
      default:
        this.i++;
        return { k: 'set', set: byteSet(c.charCodeAt(0)) };
    }
  }

  /** After `^` a repetition operator is an error in ERE. */
  private noQuantifier(n: Node): Node {
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new RegexError(ERR.badrpt);
    return n;
  }

  private basicAtom(c: string, atBranchStart: boolean): Node | 'literal-star' {
    if (c === '\\') {
      const d = this.peek(1);
      if (d === '(') {
        this.i += 2;
        this.depth++;
        const index = ++this.groups;
        const inner = this.alternation();
        if (!(this.peek() === '\\' && this.peek(1) === ')')) throw new RegexError(ERR.paren);
        this.i += 2;
        this.depth--;
        return { k: 'group', index, item: inner };
      }
      if (d === ')') throw new RegexError(ERR.paren);
      if (d === '{') {
        if (atBranchStart) throw new RegexError(ERR.badrpt);
      }
      return this.escape();
    }
    if (c === '*' && atBranchStart) {
      this.i++;
      return 'literal-star';
    }
    if (c === '^' && atBranchStart) {
      this.i++;
      // "^*": the star is literal.
      if (this.peek() === '*') {
        this.i++;
        return { k: 'cat', items: [{ k: 'assert', what: 'bol' }, this.quantifiers('literal-star')] };
      }
      return { k: 'assert', what: 'bol' };
    }
    if (c === '$' && this.atBasicEnd(this.i + 1)) {
      this.i++;
      return { k: 'assert', what: 'eol' };
    }
    if (c === '.') {
      this.i++;
      return { k: 'set', set: setOf(() => true) };
    }
    if (c === '[') return { k: 'set', set: this.bracket() };
    this.i++;
    return { k: 'set', set: byteSet(c.charCodeAt(0)) };
  }

  /** `$` is an anchor in a BRE only at the end of the pattern, a group or an alternative. */
  private atBasicEnd(at: number): boolean {
    if (at >= this.p.length) return true;
    return this.p[at] === '\\' && (this.p[at + 1] === ')' || this.p[at + 1] === '|');
  }

  private escape(): Node {
    const d = this.p[this.i + 1];
    if (d === undefined) throw new RegexError(ERR.escape);
    this.i += 2;
    switch (d) {
      case 'w':
        return { k: 'set', set: setOf(isWordByte) };
      case 'W':
        return { k: 'set', set: setOf((c) => !isWordByte(c)) };
      case 's':
        return { k: 'set', set: setOf(CLASSES.space!) };
      case 'S':
        return { k: 'set', set: setOf((c) => !CLASSES.space!(c)) };
      case '<':
        return { k: 'assert', what: 'bow' };
      case '>':
        return { k: 'assert', what: 'eow' };
      case 'b':
        return { k: 'assert', what: 'wordb' };
      case 'B':
        return { k: 'assert', what: 'nwordb' };
      case '`':
        return { k: 'assert', what: 'bufstart' };
      case "'":
        return { k: 'assert', what: 'bufend' };
      default:
        if (d >= '1' && d <= '9') throw new RegexError(ERR.subreg);
        return { k: 'set', set: byteSet(d.charCodeAt(0)) };
    }
  }

  /** A bracket expression, `[` already current. */
  private bracket(): Uint8Array {
    const p = this.p;
    let i = this.i + 1;
    const set = new Uint8Array(256);
    let negate = false;
    if (p[i] === '^') {
      negate = true;
      i++;
    }
    let first = true;
    // One element: a byte, or a class (returned as -1 after filling the set).
    const element = (): number => {
      const c = p[i];
      if (c === undefined) throw new RegexError(ERR.brack);
      if (c === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
        const kind = p[i + 1]!;
        const end = p.indexOf(kind + ']', i + 2);
        if (end < 0) throw new RegexError(ERR.brack);
        const name = p.slice(i + 2, end);
        i = end + 2;
        if (kind === ':') {
          const test = CLASSES[name];
          if (!test) throw new RegexError(ERR.ctype);
          for (let b = 0; b < 256; b++) if (test(b)) set[b] = 1;
          return -1;
        }
        if (name.length !== 1) throw new RegexError('Unknown collating element');
        return name.charCodeAt(0);
      }
      i++;
      return c.charCodeAt(0);
    };
    for (;;) {
      const c = p[i];
      if (c === undefined) throw new RegexError(ERR.brack);
      if (c === ']' && !first) break;
      first = false;
      const lo = element();
      if (p[i] === '-' && p[i + 1] !== ']' && p[i + 1] !== undefined) {
        i++;
        const hi = element();
        if (lo < 0 || hi < 0 || hi < lo) throw new RegexError(ERR.range);
        for (let b = lo; b <= hi; b++) set[b] = 1;
      } else if (lo >= 0) set[lo] = 1;
    }
    this.i = i + 1;
    if (negate) for (let b = 0; b < 256; b++) set[b] = set[b] ? 0 : 1;
    return set;
  }
}

/** The same pattern, letters matching either case (REG_ICASE). */
export function foldCase(n: Node): Node {
  switch (n.k) {
    case 'set': {
      const set = n.set.slice();
      for (let b = 65; b <= 90; b++) {
        if (set[b] || set[b + 32]) set[b] = set[b + 32] = 1;
      }
      return { k: 'set', set };
    }
    case 'cat':
    case 'alt':
      return { k: n.k, items: n.items.map(foldCase) };
    case 'repeat':
    case 'group':
      return { ...n, item: foldCase(n.item) };
    default:
      return n;
  }
}
