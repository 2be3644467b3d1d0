/**
 * POSIX regular expressions for awk, over byte strings (each char code is
 * one byte, 0–255: see bytes.ts). Extended syntax (ERE) as glibc's regcomp
 * accepts it, including its GNU escapes (\w \W \s \S \< \> \b \B \` \');
 * basic syntax (BRE) too, because busybox retries a dynamic regex as a BRE
 * when it is not a valid ERE (`gsub("(", "")` removes parentheses).
 *
 * Matching is POSIX's *leftmost-longest*: of the matches that start
 * earliest, the longest wins — `match("xabcd", /ab|abcd/)` finds "abcd",
 * where a JavaScript RegExp would stop at "ab". It is a Thompson-NFA
 * simulation (Pike VM), so time stays linear in the text whatever the
 * pattern: no pattern can hang the page the way backtracking ones can.
 *
 *     const re = Regex.compile('ab|abcd');
 *     re.exec('xabcd') // { start: 1, end: 5 }
 */
import { type Assertion, type Node, Parser, RegexError, foldCase, isWordByte } from './regex-syntax.ts';

export { RegexError };

export interface RegexOptions {
  /** Basic syntax (BRE) instead of extended. */
  basic?: boolean;
  /** REG_ICASE: letters match either case. */
  icase?: boolean;
}

export interface Span {
  start: number;
  end: number;
}

// ---- compiled program ------------------------------------------------------------

const OP_SET = 0;
const OP_SPLIT = 1;
const OP_JMP = 2;
const OP_MATCH = 3;
const OP_ASSERT = 4;

const ASSERTS: Assertion[] = ['bol', 'eol', 'bow', 'eow', 'wordb', 'nwordb', 'bufstart', 'bufend'];
const MAX_PROGRAM = 200_000;

class Compiler {
  op: number[] = [];
  x: number[] = [];
  y: number[] = [];
  sets: Uint8Array[] = [];

  emit(op: number, x = 0, y = 0): number {
    if (this.op.length >= MAX_PROGRAM) throw new RegexError('Out of memory');
    this.op.push(op);
    this.x.push(x);
    this.y.push(y);
    return this.op.length - 1;
  }

  node(n: Node): void {
    switch (n.k) {
      case 'set':
        this.sets.push(n.set);
        this.emit(OP_SET, this.sets.length - 1);
        return;
      case 'assert':
        this.emit(OP_ASSERT, ASSERTS.indexOf(n.what));
        return;
      case 'empty':
        return;
      case 'group':
        this.node(n.item);
        return;
      case 'cat':
        for (const item of n.items) this.node(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        for (let k = 0; k < n.items.length; k++) {
          if (k < n.items.length - 1) {
            const split = this.emit(OP_SPLIT);
            this.x[split] = split + 1;
            this.node(n.items[k]!);
            jumps.push(this.emit(OP_JMP));
            this.y[split] = this.op.length;
          } else this.node(n.items[k]!);
        }
        for (const j of jumps) this.x[j] = this.op.length;
        return;
      }
      case 'repeat': {
        for (let k = 0; k < n.min; k++) this.node(n.item);
        if (n.max === -1) {
          const split = this.emit(OP_SPLIT);
          this.x[split] = split + 1;
          this.node(n.item);
          this.emit(OP_JMP, split);
          this.y[split] = this.op.length;
        } else {
          const splits: number[] = [];
          for (let k = n.min; k < n.max; k++) {
            const split = this.emit(OP_SPLIT);
            this.x[split] = split + 1;
            splits.push(split);
            this.node(n.item);
          }
          for (const s of splits) this.y[s] = this.op.length;
        }
        return;
      }
    }
  }
}

/** The bytes a match can begin with, and whether it can be empty. */
function firstBytes(n: Node): { set: Uint8Array; nullable: boolean } {
  switch (n.k) {
    case 'set':
      return { set: n.set, nullable: false };
    case 'assert':
    case 'empty':
      return { set: new Uint8Array(256), nullable: true };
    case 'alt': {
      const set = new Uint8Array(256);
      let nullable = false;
      for (const item of n.items) {
        const f = firstBytes(item);
        for (let b = 0; b < 256; b++) if (f.set[b]) set[b] = 1;
        nullable ||= f.nullable;
      }
      return { set, nullable };
    }
    case 'cat': {
      const set = new Uint8Array(256);
      for (const item of n.items) {
        const f = firstBytes(item);
        for (let b = 0; b < 256; b++) if (f.set[b]) set[b] = 1;
        if (!f.nullable) return { set, nullable: false };
      }
      return { set, nullable: true };
    }
    case 'repeat': {
      const f = firstBytes(n.item);
      return { set: f.set, nullable: f.nullable || n.min === 0 };
    }
    case 'group':
      return firstBytes(n.item);
  }
}

/** A pattern that is one fixed string, for a plain indexOf. */
function literalOf(n: Node): string | undefined {
  const one = (s: Uint8Array): string | undefined => {
    let found = -1;
    for (let b = 0; b < 256; b++) {
      if (!s[b]) continue;
      if (found >= 0) return undefined;
      found = b;
    }
    return found >= 0 ? String.fromCharCode(found) : undefined;
  };
  if (n.k === 'set') return one(n.set);
  if (n.k !== 'cat') return undefined;
  let s = '';
  for (const item of n.items) {
    if (item.k !== 'set') return undefined;
    const c = one(item.set);
    if (c === undefined) return undefined;
    s += c;
  }
  return s;
}

export class Regex {
  private readonly op: Int32Array;
  private readonly x: Int32Array;
  private readonly y: Int32Array;
  private readonly sets: Uint8Array[];
  private readonly first: Uint8Array | undefined;
  private readonly literal: string | undefined;
  private readonly anchored: boolean;
  // Scratch space for the simulation, reused between runs.
  private readonly mark: Int32Array;
  private gen = 0;
  private readonly stack: Int32Array;
  /** Groups in the pattern: \1 to \9 may name them (gensub). */
  readonly groups: number;

  private constructor(
    private readonly tree: Node,
    groups: number,
  ) {
    this.groups = groups;
    const c = new Compiler();
    c.node(tree);
    c.emit(OP_MATCH);
    this.op = Int32Array.from(c.op);
    this.x = Int32Array.from(c.x);
    this.y = Int32Array.from(c.y);
    this.sets = c.sets;
    const f = firstBytes(tree);
    this.first = f.nullable ? undefined : f.set;
    this.literal = literalOf(tree);
    this.anchored = startsWithBol(tree);
    this.mark = new Int32Array(this.op.length).fill(-1);
    this.stack = new Int32Array(this.op.length * 2 + 2);
  }

  /** Compiles a pattern; throws RegexError as regcomp would fail. */
  static compile(pattern: string, options: RegexOptions = {}): Regex {
    const parser = new Parser(pattern, options.basic ?? false);
    let tree = parser.parse();
    if (options.icase) tree = foldCase(tree);
    return new Regex(tree, parser.groups);
  }

  /**
   * The groups' spans in a match found by exec: [start, end] for \0 (the
   * match), \1…, with -1 for a group that took no part. The NFA finds the
   * match; this backtracking walk over it finds the groups, trying
   * alternatives in order and repetitions greedily.
   */
  groupsOf(s: string, m: Span, from = 0, notbol = false): number[] {
    const spans = new Array<number>((this.groups + 1) * 2).fill(-1);
    spans[0] = m.start;
    spans[1] = m.end;
    let budget = 1_000_000;
    const len = s.length;
    const holds = (what: Assertion, pos: number): boolean => {
      const prev = pos > from ? isWordByte(s.charCodeAt(pos - 1)) : false;
      const next = pos < len ? isWordByte(s.charCodeAt(pos)) : false;
      switch (what) {
        case 'bol':
          return pos === from && !notbol;
        case 'eol':
        case 'bufend':
          return pos === len;
        case 'bow':
          return next && !prev;
        case 'eow':
          return prev && !next;
        case 'wordb':
          return prev !== next;
        case 'nwordb':
          return prev === next;
        case 'bufstart':
          return pos === from;
      }
    };
    const walk = (n: Node, pos: number, k: (pos: number) => boolean): boolean => {
      if (--budget < 0) throw new RangeError('regex budget');
      switch (n.k) {
        case 'set':
          return pos < len && n.set[s.charCodeAt(pos) & 255] === 1 && k(pos + 1);
        case 'assert':
          return holds(n.what, pos) && k(pos);
        case 'empty':
          return k(pos);
        case 'cat': {
          const step = (i: number, p: number): boolean => (i === n.items.length ? k(p) : walk(n.items[i]!, p, (q) => step(i + 1, q)));
          return step(0, pos);
        }
        case 'alt':
          return n.items.some((item) => walk(item, pos, k));
        case 'group': {
          const at = n.index * 2;
          const [oldStart, oldEnd] = [spans[at]!, spans[at + 1]!];
          const ok = walk(n.item, pos, (q) => {
            const [s0, e0] = [spans[at]!, spans[at + 1]!];
            spans[at] = pos;
            spans[at + 1] = q;
            if (k(q)) return true;
            spans[at] = s0;
            spans[at + 1] = e0;
            return false;
          });
          if (!ok) {
            spans[at] = oldStart;
            spans[at + 1] = oldEnd;
          }
          return ok;
        }
        case 'repeat': {
          const again = (count: number, p: number): boolean => {
            if (n.max === -1 || count < n.max) {
              // Greedy; an iteration must consume something, or the loop would not end.
              if (walk(n.item, p, (q) => (q > p || count < n.min) && again(count + 1, q))) return true;
            }
            return count >= n.min && k(p);
          };
          return again(0, pos);
        }
      }
    };
    try {
      walk(this.tree, m.start, (p) => p === m.end);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
    }
    return spans;
  }

  /** Whether the pattern matches anywhere in `s` (from `from`, which then counts as the text's start). */
  test(s: string, from = 0, notbol = false): boolean {
    if (this.literal !== undefined) return s.indexOf(this.literal, from) >= 0;
    return this.run(s, from, notbol, true) !== null;
  }

  /**
   * The leftmost-longest match in `s`, searching from `from`. As with
   * regexec on `s + from`, the text seems to begin at `from`: `\<` and `\b`
   * see no character before it, and `^` matches there unless `notbol`.
   */
  exec(s: string, from = 0, notbol = false): Span | null {
    if (this.literal !== undefined) {
      const at = s.indexOf(this.literal, from);
      return at < 0 ? null : { start: at, end: at + this.literal.length };
    }
    return this.run(s, from, notbol, false);
  }

  private run(s: string, from: number, notbol: boolean, anyMatch: boolean): Span | null {
    const { op, x, y, sets, mark, stack } = this;
    const len = s.length;
    // Threads: program counters with the position their match started at, kept
    // in order of start so that, where two meet, the earlier start survives.
    let cpc: number[] = [];
    let cstart: number[] = [];
    let npc: number[] = [];
    let nstart: number[] = [];
    let bestStart = -1;
    let bestEnd = -1;
    const holds = (what: number, pos: number): boolean => {
      const prev = pos > from ? isWordByte(s.charCodeAt(pos - 1)) : false;
      const next = pos < len ? isWordByte(s.charCodeAt(pos)) : false;
      switch (what) {
        case 0: // bol
          return pos === from && !notbol;
        case 1: // eol
          return pos === len;
        case 2: // bow
          return next && !prev;
        case 3: // eow
          return prev && !next;
        case 4: // wordb
          return prev !== next;
        case 5: // nwordb
          return prev === next;
        case 6: // bufstart
          return pos === from;
        default: // bufend
          return pos === len;
      }
    };

    // Adds the thread at pc and everything reachable without consuming a byte.
    const add = (pcs: number[], starts: number[], pc0: number, start: number, pos: number, gen: number) => {
      let sp = 0;
      stack[sp++] = pc0;
      while (sp > 0) {
        const pc = stack[--sp]!;
        if (mark[pc] === gen) continue;
        mark[pc] = gen;
        switch (op[pc]) {
          case OP_JMP:
            stack[sp++] = x[pc]!;
            break;
          case OP_SPLIT:
            stack[sp++] = y[pc]!;
            stack[sp++] = x[pc]!;
            break;
          case OP_ASSERT:
            if (holds(x[pc]!, pos)) stack[sp++] = pc + 1;
            break;
          default:
            pcs.push(pc);
            starts.push(start);
        }
      }
    };

    if (this.anchored && notbol) return null;
    if (this.gen > 0x3fffffff) {
      mark.fill(-1);
      this.gen = 0;
    }
    let pos = from;
    let gen = ++this.gen; // the generation of the thread list at `pos`
    for (;;) {
      if (bestStart < 0 && (!this.anchored || pos === from)) {
        if (cpc.length === 0 && this.first) {
          // Nothing running: skip ahead to a byte a match can begin with.
          let p = pos;
          while (p < len && !this.first[s.charCodeAt(p) & 255]) p++;
          if (p >= len) break;
          if (p !== pos) {
            pos = p;
            gen = ++this.gen;
          }
        }
        add(cpc, cstart, 0, pos, pos, gen);
      }
      if (cpc.length === 0) {
        if (bestStart >= 0 || this.anchored || pos >= len) break;
        pos++;
        gen = ++this.gen;
        continue;
      }
      const next = ++this.gen;
      const c = pos < len ? s.charCodeAt(pos) & 255 : -1;
      for (let t = 0; t < cpc.length; t++) {
        const pc = cpc[t]!;
        const start = cstart[t]!;
        if (bestStart >= 0 && start > bestStart) break;
        if (op[pc] === OP_MATCH) {
          if (anyMatch) return { start, end: pos };
          if (bestStart < 0 || start < bestStart || pos > bestEnd) {
            bestStart = start;
            bestEnd = pos;
          }
          continue;
        }
        if (c >= 0 && sets[x[pc]!]![c]) add(npc, nstart, pc + 1, start, pos + 1, next);
      }
      [cpc, npc] = [npc, cpc];
      [cstart, nstart] = [nstart, cstart];
      npc.length = 0;
      nstart.length = 0;
      gen = next;
      if (pos >= len) break;
      pos++;
    }
    return bestStart >= 0 ? { start: bestStart, end: bestEnd } : null;
  }
}

function startsWithBol(n: Node): boolean {
  switch (n.k) {
    case 'assert':
      return n.what === 'bol';
    case 'group':
      return startsWithBol(n.item);
    case 'cat':
      return n.items.length > 0 && startsWithBol(n.items[0]!);
    case 'alt':
      return n.items.every(startsWithBol);
    default:
      return false;
  }
}
