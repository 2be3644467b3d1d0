/**
 * POSIX regular expressions as musl's regcomp/regexec (TRE) implement them,
 * which is what busybox grep, sed and cut use on alpine.
 *
 * - BRE and ERE, with musl's extensions: `\+ \? \|` in BREs; `\< \> \b \B`;
 *   `\w \W \s \S \d \D`; `\t \n \r \f \a \e`; `\xHH`; back-references
 *   (`\1`–`\9`) in BREs only (in an ERE `\1` is a literal "1").
 * - Bracket expressions with classes (`[[:alpha:]]`); `[= =]` and `[. .]`
 *   are rejected as musl does ("Unknown collating element").
 * - Matching is leftmost-longest, as POSIX requires. The overall match is
 *   exact; submatches follow the greedy, leftmost-alternative rule inside
 *   that overall match (POSIX's finer subexpression rules differ only for
 *   unusual patterns such as `\(a\|ab\)\(b*\)`).
 * - Subjects are byte strings (see text-io.ts) read as UTF-8, as musl's
 *   default C.UTF-8 locale does: `.` matches one character, not one byte.
 *   The subject ends at its first NUL byte, as a C string does.
 *
 *     const re = compileRegex('a\\(b*\\)c', {});
 *     re.exec('xabbcx');   // [1, 5, 2, 4]: whole match, then \1 (byte offsets)
 *
 * Matching uses a Pike VM (no back-references: linear time) to find the
 * match, then a memoized backtracker inside it for submatches; patterns
 * with back-references use an exhaustive backtracker.
 */

import { CharSet, Parser, byteChar, decodeAt, err, isInvalid, isWord, toLower, type Assertion, type Node, type RegexFlags } from './text-regex-syntax.ts';

export { RegexError, toLower, toUpper, type RegexFlags } from './text-regex-syntax.ts';

export interface ExecOptions {
  /** REG_NOTBOL: the subject's start is not the start of a line. */
  notbol?: boolean;
  /** REG_NOTEOL. */
  noteol?: boolean;
}

// ---- program --------------------------------------------------------------------

const enum Op {
  Char,
  Set,
  Any,
  Split,
  Jmp,
  Save,
  Assert,
  Backref,
  Mark,
  Progress,
  Match,
}

interface Program {
  op: Uint8Array;
  a: Int32Array;
  b: Int32Array;
  sets: CharSet[];
  asserts: Assertion[];
  nloops: number;
}

class Compiler {
  op: number[] = [];
  a: number[] = [];
  b: number[] = [];
  sets: CharSet[] = [];
  asserts: Assertion[] = [];
  nloops = 0;

  emit(op: Op, a = 0, b = 0): number {
    this.op.push(op);
    this.a.push(a);
    this.b.push(b);
    return this.op.length - 1;
  }

  compile(n: Node): void {
    switch (n.t) {
      case 'empty':
        return;
      case 'char':
        this.emit(Op.Char, n.c);
        return;
      case 'any':
        this.emit(Op.Any);
        return;
      case 'set':
        this.sets.push(n.set);
        this.emit(Op.Set, this.sets.length - 1);
        return;
      case 'assert':
        this.asserts.push(n.a);
        this.emit(Op.Assert, this.asserts.length - 1);
        return;
      case 'backref':
        this.emit(Op.Backref, n.n);
        return;
      case 'cat':
        for (const x of n.items) this.compile(x);
        return;
      case 'alt': {
        const jumps: number[] = [];
        for (let i = 0; i < n.items.length; i++) {
          if (i < n.items.length - 1) {
            const split = this.emit(Op.Split);
            this.a[split] = split + 1;
            this.compile(n.items[i]!);
            jumps.push(this.emit(Op.Jmp));
            this.b[split] = this.op.length;
          } else this.compile(n.items[i]!);
        }
        for (const j of jumps) this.a[j] = this.op.length;
        return;
      }
      case 'group':
        this.emit(Op.Save, 2 * n.n);
        this.compile(n.body);
        this.emit(Op.Save, 2 * n.n + 1);
        return;
      case 'repeat': {
        for (let i = 0; i < n.min; i++) this.compile(n.body);
        if (n.max < 0) this.star(n.body);
        else {
          const exits: number[] = [];
          for (let i = n.min; i < n.max; i++) {
            const split = this.emit(Op.Split);
            this.a[split] = split + 1;
            exits.push(split);
            this.compile(n.body);
          }
          for (const e of exits) this.b[e] = this.op.length;
        }
        return;
      }
    }
  }

  private star(body: Node): void {
    const loop = this.nloops++;
    const split = this.emit(Op.Split);
    this.a[split] = split + 1;
    this.emit(Op.Mark, loop);
    this.compile(body);
    this.emit(Op.Progress, loop);
    this.emit(Op.Jmp, split);
    this.b[split] = this.op.length;
  }

  finish(): Program {
    this.emit(Op.Match);
    return { op: Uint8Array.from(this.op), a: Int32Array.from(this.a), b: Int32Array.from(this.b), sets: this.sets, asserts: this.asserts, nloops: this.nloops };
  }
}

// ---- matching -------------------------------------------------------------------

/** A subject decoded into characters; `offs[i]` is the byte offset of character i (offs[n] = byte length). */
interface Subject {
  codes: Int32Array;
  offs: Int32Array | null;
  n: number;
  /** Index of the first character that is not valid UTF-8, or -1: musl's regexec fails when it reads it. */
  invalid: number;
}

/** Reused between calls (matching is synchronous and never nested). */
let asciiCodes = new Int32Array(256);

function decodeSubject(s: string, bytes: boolean): Subject {
  let end = s.indexOf('\0');
  if (end < 0) end = s.length;
  if (bytes) {
    if (asciiCodes.length < end) asciiCodes = new Int32Array(Math.max(end, asciiCodes.length * 2));
    for (let i = 0; i < end; i++) asciiCodes[i] = byteChar(s.charCodeAt(i));
    return { codes: asciiCodes, offs: null, n: end, invalid: -1 };
  }
  let ascii = true;
  for (let i = 0; i < end; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    if (asciiCodes.length < end) asciiCodes = new Int32Array(Math.max(end, asciiCodes.length * 2));
    const codes = asciiCodes;
    for (let i = 0; i < end; i++) codes[i] = s.charCodeAt(i);
    return { codes, offs: null, n: end, invalid: -1 };
  }
  const codes: number[] = [];
  const offs: number[] = [];
  let invalid = -1;
  for (let i = 0; i < end; ) {
    const [c, len] = decodeAt(s, i);
    if (invalid < 0 && (isInvalid(c) || i + len > end)) invalid = codes.length;
    codes.push(c);
    offs.push(i);
    i += Math.min(len, end - i);
  }
  offs.push(end);
  return { codes: Int32Array.from(codes), offs: Int32Array.from(offs), n: codes.length, invalid };
}

/** A compiled regular expression. */
export class Regex {
  /** Number of parenthesized subexpressions. */
  readonly nsub: number;
  private readonly prog: Program;
  private readonly hasBackrefs: boolean;
  private readonly icase: boolean;
  private readonly newline: boolean;
  private readonly bytes: boolean;
  /** Set when the pattern is a plain string: matching is a substring search. */
  private readonly literal: string | null;
  /** A string every match contains (a cheap way to reject most lines), or null. */
  private readonly required: string | null;
  /** The instructions a match can start with, when no assertion or empty match is possible first (lets the VM skip ahead). */
  private readonly starters: number[] | null;
  private readonly starterAscii: Uint8Array | null;
  private vm: { lists: Int32Array[]; seen: Float64Array; stack: Int32Array; gen: number } | undefined;

  constructor(pattern: string, flags: RegexFlags = {}) {
    const parser = new Parser(pattern, flags);
    const tree = parser.parse();
    if (parser.maxBackref > parser.nsub) throw err('REG_ESUBREG');
    this.nsub = parser.nsub;
    this.hasBackrefs = parser.maxBackref > 0;
    this.icase = !!flags.icase;
    this.newline = !!flags.newline;
    this.bytes = !!flags.bytes;
    const c = new Compiler();
    c.compile(tree);
    this.prog = c.finish();
    this.literal = plainString(tree, this.nsub, this.icase);
    this.required = this.icase ? null : requiredString(tree);
    this.starters = startInstructions(this.prog);
    if (this.starters) {
      const t = new Uint8Array(128);
      for (let c = 0; c < 128; c++) t[c] = this.starters.some((pc) => this.consumes(pc, c)) ? 1 : 0;
      this.starterAscii = t;
    } else this.starterAscii = null;
  }

  /** Whether the subject (a byte string) holds a match (regexec with REG_NOSUB). */
  test(subject: string, opts: ExecOptions = {}): boolean {
    if (this.literal !== null) return this.literalSearch(subject) >= 0;
    if (this.required !== null && subject.indexOf(this.required) < 0) return false;
    if (this.hasBackrefs) return this.exec(subject, opts, false) !== null;
    return this.pike(decodeSubject(subject, this.bytes), opts, true) !== null;
  }

  /**
   * regexec: the leftmost-longest match as byte offsets [start, end, start1,
   * end1, …] for the whole match and each subexpression (-1 when it did not
   * take part), or null. With `captures` false only the whole match is found.
   */
  exec(subject: string, opts: ExecOptions = {}, captures = true): number[] | null {
    if (this.literal !== null) {
      const i = this.literalSearch(subject, captures);
      if (i < 0) return null;
      const r = [i, i + this.literal.length];
      for (let k = 0; k < this.nsub; k++) r.push(-1, -1);
      return r;
    }
    if (this.required !== null && subject.indexOf(this.required) < 0) return null;
    const subj = decodeSubject(subject, this.bytes);
    let caps: Int32Array | null;
    if (this.hasBackrefs) {
      caps = this.backtrackSearch(subj, opts);
      // musl reads past the match (or to the end) and fails on invalid UTF-8
      if (subj.invalid >= 0 && (!caps || subj.invalid <= caps[1]! + (caps[1]! < subj.n ? 1 : 0))) caps = null;
    }
    else {
      const m = this.pike(subj, opts, false);
      if (!m) return null;
      if (captures && this.nsub > 0) caps = this.submatches(subj, opts, m[0], m[1]);
      else {
        caps = new Int32Array(2 * (this.nsub + 1)).fill(-1);
        caps[0] = m[0];
        caps[1] = m[1];
      }
    }
    if (!caps) return null;
    const out: number[] = [];
    for (let k = 0; k < caps.length; k++) {
      const v = caps[k]!;
      out.push(v < 0 ? -1 : subj.offs ? subj.offs[v]! : v);
    }
    return out;
  }

  /** The byte offset of a plain-string match, or -1; `lookahead`: musl also reads the character after the match. */
  private literalSearch(subject: string, lookahead = false): number {
    const lit = this.literal!;
    let end = subject.indexOf('\0');
    if (end < 0) end = subject.length;
    const s = end < subject.length ? subject.slice(0, end) : subject;
    const at = this.icase ? asciiLower(s).indexOf(lit) : s.indexOf(lit);
    if (at < 0 || this.bytes || !/[\x80-\xff]/.test(s)) return at;
    // musl's regexec fails when it reads invalid UTF-8 before it is done
    let stop = at + lit.length;
    if (lookahead && stop < end) stop += decodeAt(s, stop)[1];
    for (let i = 0; i < end; ) {
      const [c, len] = decodeAt(s, i);
      if (isInvalid(c) || i + len > end) return i <= stop ? -1 : at;
      i += len;
      if (i > stop) break;
    }
    return at;
  }

  private assertOk(a: Assertion, subj: Subject, pos: number, opts: ExecOptions): boolean {
    const prev = pos > 0 ? subj.codes[pos - 1]! : 0;
    const next = pos < subj.n ? subj.codes[pos]! : 0;
    const atEnd = pos >= subj.n;
    switch (a) {
      case 'bol':
        return (pos === 0 && !opts.notbol) || (this.newline && prev === 10 && pos > 0);
      case 'eol':
        return (atEnd && !opts.noteol) || (this.newline && next === 10 && !atEnd);
      case 'bow':
        return !isWord(prev) && !atEnd && isWord(next);
      case 'eow':
        return pos > 0 && isWord(prev) && (atEnd || !isWord(next));
      case 'wb':
        return pos === 0 || atEnd || isWord(prev) !== isWord(next);
      case 'nwb':
        return pos !== 0 && !atEnd && isWord(prev) === isWord(next);
    }
  }

  private consumes(pc: number, c: number): boolean {
    const p = this.prog;
    switch (p.op[pc]) {
      case Op.Char:
        return c === p.a[pc];
      case Op.Any:
        return true;
      case Op.Set:
        return p.sets[p.a[pc]!]!.has(c);
      default:
        return false;
    }
  }

  private canStart(c: number): boolean {
    if (c < 128) return this.starterAscii![c] === 1;
    for (const pc of this.starters!) if (this.consumes(pc, c)) return true;
    return false;
  }

  /** Pike VM: [start, end] of the leftmost-longest match (character indexes), or null. */
  private pike(subj: Subject, opts: ExecOptions, firstOnly: boolean): [number, number] | null {
    const p = this.prog;
    const size = p.op.length;
    // The VM's lists are kept between calls; `seen` holds generation stamps that only grow.
    const vm = (this.vm ??= { lists: [new Int32Array(size), new Int32Array(size), new Int32Array(size), new Int32Array(size)], seen: new Float64Array(size).fill(-1), stack: new Int32Array(size * 2 + 2), gen: 0 });
    let [cpc, cst, npc, nst] = vm.lists as [Int32Array, Int32Array, Int32Array, Int32Array];
    let ccount = 0;
    let ncount = 0;
    const seen = vm.seen;
    const stack = vm.stack;
    let bestS = -1;
    let bestE = -1;
    let gen = vm.gen;

    // Adds pc (and everything reachable without consuming) to the next list, at position pos.
    const add = (pc0: number, start: number, pos: number) => {
      let sp = 0;
      stack[sp++] = pc0;
      while (sp > 0) {
        const pc = stack[--sp]!;
        if (seen[pc] === gen) continue;
        seen[pc] = gen;
        switch (p.op[pc]) {
          case Op.Jmp:
            stack[sp++] = p.a[pc]!;
            break;
          case Op.Split:
            stack[sp++] = p.b[pc]!;
            stack[sp++] = p.a[pc]!;
            break;
          case Op.Save:
          case Op.Mark:
          case Op.Progress:
            stack[sp++] = pc + 1;
            break;
          case Op.Assert:
            if (this.assertOk(p.asserts[p.a[pc]!]!, subj, pos, opts)) stack[sp++] = pc + 1;
            break;
          default:
            npc[ncount] = pc;
            nst[ncount] = start;
            ncount++;
        }
      }
    };

    const inv = subj.invalid;
    if (inv === 0) return null;
    gen++;
    ncount = 0;
    add(0, 0, 0);
    for (let pos = 0; ; pos++) {
      [cpc, npc] = [npc, cpc];
      [cst, nst] = [nst, cst];
      ccount = ncount;
      ncount = 0;
      gen++;
      const c = pos < subj.n ? subj.codes[pos]! : -1;
      for (let i = 0; i < ccount; i++) {
        const st = cst[i]!;
        if (p.op[cpc[i]!] !== Op.Match || (bestS >= 0 && st > bestS)) continue;
        if (bestS < 0 || st < bestS || (st === bestS && pos > bestE)) {
          bestS = st;
          bestE = pos;
          if (firstOnly) {
            vm.gen = gen + 1;
            return [bestS, bestE];
          }
        }
      }
      // musl decodes the next character before stepping past this one, and gives up on invalid UTF-8
      if (inv > 0 && c >= 0 && pos + 1 >= inv) {
        vm.gen = gen + 1;
        return null;
      }
      for (let i = 0; i < ccount; i++) {
        const pc = cpc[i]!;
        const st = cst[i]!;
        if (bestS >= 0 && st > bestS) continue;
        if (c >= 0 && this.consumes(pc, c)) add(pc + 1, st, pos + 1);
      }
      if (pos >= subj.n) break;
      if (bestS < 0) {
        let next = pos + 1;
        if (ncount === 0 && this.starters) {
          // nothing in flight: jump to the next character a match can start with
          while (next < subj.n && !this.canStart(subj.codes[next]!)) next++;
          if (inv > 0 && next >= inv) {
            vm.gen = gen + 1;
            return null;
          }
          if (next >= subj.n) break;
        }
        add(0, next, next);
        pos = next - 1;
      }
      if (ncount === 0 && bestS >= 0) break;
    }
    vm.gen = gen + 1;
    return bestS >= 0 ? [bestS, bestE] : null;
  }

  /** Submatches of a match known to span [s, e]: the first path (greedy, leftmost alternative) that ends exactly at e. */
  private submatches(subj: Subject, opts: ExecOptions, s: number, e: number): Int32Array {
    const p = this.prog;
    const size = p.op.length;
    const width = e - s + 1;
    const visited = new Uint8Array(Math.ceil((size * width) / 8));
    const caps = new Int32Array(2 * (this.nsub + 1)).fill(-1);
    // Job stack: pc >= 0: (pc, pos); pc < 0: restore capture (-pc - 1) to pos.
    const jobs: number[] = [0, s];
    while (jobs.length > 0) {
      let pos = jobs.pop()!;
      let pc = jobs.pop()!;
      if (pc < 0) {
        caps[-pc - 1] = pos;
        continue;
      }
      for (;;) {
        if (pos > e) break;
        const bit = pc * width + (pos - s);
        if (visited[bit >> 3]! & (1 << (bit & 7))) break;
        visited[bit >> 3]! |= 1 << (bit & 7);
        const op = p.op[pc];
        if (op === Op.Match) {
          if (pos === e) {
            caps[0] = s;
            caps[1] = e;
            return caps;
          }
          break;
        }
        if (op === Op.Char || op === Op.Any || op === Op.Set) {
          if (pos < subj.n && this.consumes(pc, subj.codes[pos]!)) {
            pc++;
            pos++;
            continue;
          }
          break;
        }
        if (op === Op.Jmp) {
          pc = p.a[pc]!;
          continue;
        }
        if (op === Op.Split) {
          jobs.push(p.b[pc]!, pos);
          pc = p.a[pc]!;
          continue;
        }
        if (op === Op.Save) {
          const k = p.a[pc]!;
          jobs.push(-k - 1, caps[k]!);
          caps[k] = pos;
          pc++;
          continue;
        }
        if (op === Op.Assert) {
          if (!this.assertOk(p.asserts[p.a[pc]!]!, subj, pos, opts)) break;
          pc++;
          continue;
        }
        // Mark, Progress: the visited set already cuts empty loops
        pc++;
      }
    }
    // Cannot happen: the Pike VM found this match.
    const r = new Int32Array(2 * (this.nsub + 1)).fill(-1);
    r[0] = s;
    r[1] = e;
    return r;
  }

  /** For patterns with back-references: every path from each start, keeping the longest match. */
  private backtrackSearch(subj: Subject, opts: ExecOptions): Int32Array | null {
    const p = this.prog;
    const ncap = 2 * (this.nsub + 1);
    let budget = 2_000_000;
    for (let s = 0; s <= subj.n; s++) {
      let best: Int32Array | null = null;
      const caps = new Int32Array(ncap).fill(-1);
      const loops = new Int32Array(p.nloops).fill(-1);
      // Job stack entries: [kind, x, y]: 0 = run (pc, pos); 1 = restore capture x to y; 2 = restore loop mark x to y.
      const jobs: number[] = [0, 0, s];
      while (jobs.length > 0 && budget > 0) {
        let pos = jobs.pop()!;
        let pc = jobs.pop()!;
        const kind = jobs.pop()!;
        if (kind === 1) {
          caps[pc] = pos;
          continue;
        }
        if (kind === 2) {
          loops[pc] = pos;
          continue;
        }
        for (;;) {
          if (--budget <= 0) break;
          const op = p.op[pc];
          if (op === Op.Match) {
            if (!best || pos > best[1]!) {
              best = Int32Array.from(caps);
              best[0] = s;
              best[1] = pos;
            }
            break;
          }
          if (op === Op.Char || op === Op.Any || op === Op.Set) {
            if (pos < subj.n && this.consumes(pc, subj.codes[pos]!)) {
              pc++;
              pos++;
              continue;
            }
            break;
          }
          if (op === Op.Jmp) {
            pc = p.a[pc]!;
            continue;
          }
          if (op === Op.Split) {
            jobs.push(0, p.b[pc]!, pos);
            pc = p.a[pc]!;
            continue;
          }
          if (op === Op.Save) {
            const k = p.a[pc]!;
            jobs.push(1, k, caps[k]!);
            caps[k] = pos;
            pc++;
            continue;
          }
          if (op === Op.Mark) {
            const k = p.a[pc]!;
            jobs.push(2, k, loops[k]!);
            loops[k] = pos;
            pc++;
            continue;
          }
          if (op === Op.Progress) {
            if (loops[p.a[pc]!] === pos) break;
            pc++;
            continue;
          }
          if (op === Op.Assert) {
            if (!this.assertOk(p.asserts[p.a[pc]!]!, subj, pos, opts)) break;
            pc++;
            continue;
          }
          // Backref
          const k = p.a[pc]!;
          const bs = caps[2 * k]!;
          const be = caps[2 * k + 1]!;
          if (bs < 0 || be < 0) break;
          const len = be - bs;
          if (pos + len > subj.n) break;
          let ok = true;
          for (let i = 0; i < len; i++) {
            const x = subj.codes[bs + i]!;
            const y = subj.codes[pos + i]!;
            if (x !== y && !(this.icase && toLower(x) === toLower(y))) {
              ok = false;
              break;
            }
          }
          if (!ok) break;
          pos += len;
          pc++;
        }
      }
      if (best) return best;
      if (budget <= 0) return null;
    }
    return null;
  }
}

/** The consuming instructions reachable from the start without passing an assertion, or null if an assertion or an empty match is reachable. */
function startInstructions(p: Program): number[] | null {
  const out: number[] = [];
  const seen = new Set<number>();
  const stack = [0];
  while (stack.length > 0) {
    const pc = stack.pop()!;
    if (seen.has(pc)) continue;
    seen.add(pc);
    switch (p.op[pc]) {
      case Op.Jmp:
        stack.push(p.a[pc]!);
        break;
      case Op.Split:
        stack.push(p.a[pc]!, p.b[pc]!);
        break;
      case Op.Save:
      case Op.Mark:
      case Op.Progress:
        stack.push(pc + 1);
        break;
      case Op.Char:
      case Op.Any:
      case Op.Set:
        out.push(pc);
        break;
      default:
        return null;
    }
  }
  return out;
}

/** The longest run of literal characters every match must contain (top-level concatenation only), as UTF-8 bytes. */
function requiredString(tree: Node): string | null {
  if (tree.t !== 'group') return null;
  const body = tree.body;
  const items = body.t === 'cat' ? body.items : [body];
  let best = '';
  let run = '';
  const flush = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (const it of items) {
    if (it.t === 'char' && it.c < 0x80) run += String.fromCharCode(it.c);
    else if (it.t === 'group' || it.t === 'assert') {
      // a group breaks the run; assertions take no room
      if (it.t === 'group') flush();
    } else flush();
  }
  flush();
  return best.length >= 2 ? best : null;
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** The byte string a pattern matches when it is nothing but literal characters (the fast path), or null. */
function plainString(tree: Node, nsub: number, icase: boolean): string | null {
  if (nsub > 0 || tree.t !== 'group') return null;
  const body = tree.body;
  const items = body.t === 'cat' ? body.items : [body];
  let out = '';
  for (const it of items) {
    if (it.t === 'char') {
      if (it.c >= 0xd800 || (icase && ((it.c | 32) >= 97 && (it.c | 32) <= 122))) return null;
      out += String.fromCodePoint(it.c);
    } else if (icase && it.t === 'set' && !it.set.negate && it.set.classes.length === 0 && it.set.ranges.length === 4) {
      // a case-folded ASCII letter
      const [lo, , up] = it.set.ranges as [number, number, number, number];
      if (lo < 97 || lo > 122 || up !== lo - 32) return null;
      out += String.fromCharCode(lo);
    } else return null;
  }
  if (out === '') return null;
  // literal sets only come from icase; a mix of plain and folded characters is fine
  // because plain ones are then non-letters.
  let bytes = '';
  for (const ch of out) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes += ch;
    else return null;
  }
  return bytes;
}

/** regcomp: compiles a pattern given as a byte string. Throws RegexError. */
export function compileRegex(pattern: string, flags: RegexFlags = {}): Regex {
  return new Regex(pattern, flags);
}
