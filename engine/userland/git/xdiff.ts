/**
 * Line diff, made to agree with git's (libxdiff with git's defaults):
 *
 * 1. Lines are compared whole, newline included ("a" at the end of a file
 *    without a newline differs from "a\n").
 * 2. Common leading and trailing lines are set aside. Lines that occur
 *    nowhere in the other file are marked changed at once; lines that occur
 *    very often are set aside too when they sit among such lines.
 * 3. Myers' O(ND) algorithm ("An O(ND) Difference Algorithm and Its
 *    Variations", 1986) splits the rest at the middle snake, recursively,
 *    giving up on minimality with git's cost heuristics for huge inputs.
 * 4. Each run of changed lines is slid up or down to where it reads best:
 *    aligned with a change on the other side if possible, else where the
 *    indent heuristic scores it lowest (git's diff.indentHeuristic, on by
 *    default since 2.14).
 *
 * The result is a list of changes: `delete a[i1, i1+chg1)`, `insert b[i2, i2+chg2)`.
 */

export interface Change {
  /** First changed line in a (0-based), and how many. */
  i1: number;
  chg1: number;
  /** First changed line in b, and how many. */
  i2: number;
  chg2: number;
}

/** A side of the diff: its lines (each with its "\n", the last perhaps without). */
interface Side {
  lines: string[];
  /** Equivalence class of each line (equal lines share a number). */
  cls: Int32Array;
  /** changed[i + 1] for line i; changed[0] and changed[n + 1] stay 0 as sentinels. */
  changed: Uint8Array;
  /** The lines given to Myers (indices into lines), and their classes. */
  keep: Int32Array;
  keepCls: Int32Array;
  nkeep: number;
}

const SNAKE_CNT = 20;
const HEUR_MIN_COST = 256;
const MAX_COST_MIN = 256;
const MAX_EQLIMIT = 1024;
const SIMSCAN_WINDOW = 100;
const KPDIS_RUN = 4;
const K_HEUR = 4;

/** The integer square root estimate git uses to scale its limits. */
function bogosqrt(n: number): number {
  let i = 1;
  while (n > 0) {
    i <<= 1;
    n >>= 2;
  }
  return i;
}

/** Splits text into lines, each keeping its "\n". */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      if (start < text.length) out.push(text.slice(start));
      return out;
    }
    out.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
}

export function diffLines(a: string[], b: string[]): Change[] {
  const classes = new Map<string, number>();
  const count1: number[] = [];
  const count2: number[] = [];
  const classify = (lines: string[], counts: number[]) => {
    const cls = new Int32Array(lines.length);
    lines.forEach((line, i) => {
      let c = classes.get(line);
      if (c === undefined) {
        c = classes.size;
        classes.set(line, c);
        count1.push(0);
        count2.push(0);
      }
      counts[c]!++;
      cls[i] = c;
    });
    return cls;
  };
  const A = makeSide(a, classify(a, count1));
  const B = makeSide(b, classify(b, count2));

  prepare(A, B, count1, count2);
  const myers = new Myers(A, B);
  myers.compare(0, A.nkeep, 0, B.nkeep, false);
  compact(A, B);
  compact(B, A);
  return script(A, B);
}

function makeSide(lines: string[], cls: Int32Array): Side {
  const n = lines.length;
  return { lines, cls, changed: new Uint8Array(n + 2), keep: new Int32Array(n + 1), keepCls: new Int32Array(n + 1), nkeep: 0 };
}

const isChanged = (s: Side, i: number) => s.changed[i + 1] === 1;
const setChanged = (s: Side, i: number, v: 0 | 1) => {
  s.changed[i + 1] = v;
};

/**
 * Sets aside equal head and tail lines, marks lines without any match as
 * changed, and keeps the rest for Myers.
 */
function prepare(A: Side, B: Side, count1: number[], count2: number[]): void {
  const n1 = A.lines.length;
  const n2 = B.lines.length;
  let start = 0;
  const lim = Math.min(n1, n2);
  while (start < lim && A.cls[start] === B.cls[start]) start++;
  let tail = 0;
  while (tail < lim - start && A.cls[n1 - 1 - tail] === B.cls[n2 - 1 - tail]) tail++;
  const end1 = n1 - tail - 1;
  const end2 = n2 - tail - 1;

  const verdicts = (side: Side, end: number, other: number[]) => {
    const n = side.lines.length;
    const limit = Math.min(bogosqrt(n), MAX_EQLIMIT);
    // 0: no match in the other file; 1: some; 2: many.
    const dis = new Uint8Array(n + 1);
    for (let i = start; i <= end; i++) {
      const nm = other[side.cls[i]!]!;
      dis[i] = nm === 0 ? 0 : nm >= limit ? 2 : 1;
    }
    let k = 0;
    for (let i = start; i <= end; i++) {
      if (dis[i] === 1 || (dis[i] === 2 && !discardMultimatch(dis, i, start, end))) {
        side.keep[k] = i;
        side.keepCls[k] = side.cls[i]!;
        k++;
      } else setChanged(side, i, 1);
    }
    side.nkeep = k;
  };
  verdicts(A, end1, count2);
  verdicts(B, end2, count1);
}

/**
 * A line with many matches is set aside when it sits in a stretch made
 * mostly of lines without any match (on both sides of it).
 */
function discardMultimatch(dis: Uint8Array, i: number, s: number, e: number): boolean {
  if (i - s > SIMSCAN_WINDOW) s = i - SIMSCAN_WINDOW;
  if (e - i > SIMSCAN_WINDOW) e = i + SIMSCAN_WINDOW;
  let unmatchedBefore = 0;
  let manyBefore = 1;
  for (let r = 1; i - r >= s; r++) {
    const d = dis[i - r];
    if (d === 0) unmatchedBefore++;
    else if (d === 2) manyBefore++;
    else break;
  }
  if (unmatchedBefore === 0) return false;
  let unmatchedAfter = 0;
  let manyAfter = 1;
  for (let r = 1; i + r <= e; r++) {
    const d = dis[i + r];
    if (d === 0) unmatchedAfter++;
    else if (d === 2) manyAfter++;
    else break;
  }
  if (unmatchedAfter === 0) return false;
  const unmatched = unmatchedBefore + unmatchedAfter;
  const many = manyBefore + manyAfter;
  return many * KPDIS_RUN < many + unmatched;
}

/** Myers' divide and conquer over the kept lines, marking changes on the full sides. */
class Myers {
  private readonly fwd: Float64Array;
  private readonly bwd: Float64Array;
  /** Offset so that diagonal k is stored at k + offset. */
  private readonly offset: number;
  private readonly maxCost: number;

  constructor(
    private readonly A: Side,
    private readonly B: Side,
  ) {
    const diags = A.nkeep + B.nkeep + 3;
    this.fwd = new Float64Array(diags + 2);
    this.bwd = new Float64Array(diags + 2);
    this.offset = B.nkeep + 1;
    this.maxCost = Math.max(bogosqrt(diags), MAX_COST_MIN);
  }

  compare(off1: number, lim1: number, off2: number, lim2: number, needMin: boolean): void {
    const a = this.A.keepCls;
    const b = this.B.keepCls;
    // Shrink the box by the snakes at both ends.
    while (off1 < lim1 && off2 < lim2 && a[off1] === b[off2]) {
      off1++;
      off2++;
    }
    while (off1 < lim1 && off2 < lim2 && a[lim1 - 1] === b[lim2 - 1]) {
      lim1--;
      lim2--;
    }
    if (off1 === lim1) {
      for (let i = off2; i < lim2; i++) setChanged(this.B, this.B.keep[i]!, 1);
      return;
    }
    if (off2 === lim2) {
      for (let i = off1; i < lim1; i++) setChanged(this.A, this.A.keep[i]!, 1);
      return;
    }
    const split = this.split(off1, lim1, off2, lim2, needMin);
    this.compare(off1, split.i1, off2, split.i2, split.minLo);
    this.compare(split.i1, lim1, split.i2, lim2, split.minHi);
  }

  /** Finds where to cut the box (off1..lim1) × (off2..lim2): the middle snake, or a good-enough point. */
  private split(off1: number, lim1: number, off2: number, lim2: number, needMin: boolean): { i1: number; i2: number; minLo: boolean; minHi: boolean } {
    const a = this.A.keepCls;
    const b = this.B.keepCls;
    const F = this.fwd;
    const Bk = this.bwd;
    const o = this.offset;
    const dmin = off1 - lim2;
    const dmax = lim1 - off2;
    const fmid = off1 - off2;
    const bmid = lim1 - lim2;
    const odd = ((fmid - bmid) & 1) !== 0;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    F[fmid + o] = off1;
    Bk[bmid + o] = lim1;

    for (let ec = 1; ; ec++) {
      let gotSnake = false;
      // Widen the forward diagonals by one on each side (or narrow at the box's edge).
      if (fmin > dmin) F[--fmin - 1 + o] = -1;
      else ++fmin;
      if (fmax < dmax) F[++fmax + 1 + o] = -1;
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = F[d - 1 + o]! >= F[d + 1 + o]! ? F[d - 1 + o]! + 1 : F[d + 1 + o]!;
        const prev = i1;
        let i2 = i1 - d;
        while (i1 < lim1 && i2 < lim2 && a[i1] === b[i2]) {
          i1++;
          i2++;
        }
        if (i1 - prev > SNAKE_CNT) gotSnake = true;
        F[d + o] = i1;
        if (odd && bmin <= d && d <= bmax && Bk[d + o]! <= i1) return { i1, i2, minLo: true, minHi: true };
      }

      if (bmin > dmin) Bk[--bmin - 1 + o] = Number.MAX_SAFE_INTEGER;
      else ++bmin;
      if (bmax < dmax) Bk[++bmax + 1 + o] = Number.MAX_SAFE_INTEGER;
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Bk[d - 1 + o]! < Bk[d + 1 + o]! ? Bk[d - 1 + o]! : Bk[d + 1 + o]! - 1;
        const prev = i1;
        let i2 = i1 - d;
        while (i1 > off1 && i2 > off2 && a[i1 - 1] === b[i2 - 1]) {
          i1--;
          i2--;
        }
        if (prev - i1 > SNAKE_CNT) gotSnake = true;
        Bk[d + o] = i1;
        if (!odd && fmin <= d && d <= fmax && i1 <= F[d + o]!) return { i1, i2, minLo: true, minHi: true };
      }

      if (needMin) continue;

      // Past the heuristic threshold, a long enough snake far along a diagonal is good enough.
      if (gotSnake && ec > HEUR_MIN_COST) {
        let best = 0;
        let at: { i1: number; i2: number } | null = null;
        for (let d = fmax; d >= fmin; d -= 2) {
          const dd = d > fmid ? d - fmid : fmid - d;
          const i1 = F[d + o]!;
          const i2 = i1 - d;
          const v = i1 - off1 + (i2 - off2) - dd;
          if (v > K_HEUR * ec && v > best && off1 + SNAKE_CNT <= i1 && i1 < lim1 && off2 + SNAKE_CNT <= i2 && i2 < lim2) {
            for (let k = 1; a[i1 - k] === b[i2 - k]; k++) {
              if (k === SNAKE_CNT) {
                best = v;
                at = { i1, i2 };
                break;
              }
            }
          }
        }
        if (best > 0 && at) return { ...at, minLo: true, minHi: false };
        best = 0;
        for (let d = bmax; d >= bmin; d -= 2) {
          const dd = d > bmid ? d - bmid : bmid - d;
          const i1 = Bk[d + o]!;
          const i2 = i1 - d;
          const v = lim1 - i1 + (lim2 - i2) - dd;
          if (v > K_HEUR * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_CNT && off2 < i2 && i2 <= lim2 - SNAKE_CNT) {
            for (let k = 0; a[i1 + k] === b[i2 + k]; k++) {
              if (k === SNAKE_CNT - 1) {
                best = v;
                at = { i1, i2 };
                break;
              }
            }
          }
        }
        if (best > 0 && at) return { ...at, minLo: false, minHi: true };
      }

      // Too expensive: take the furthest-reaching point either way.
      if (ec >= this.maxCost) {
        let fbest = -1;
        let fbest1 = -1;
        for (let d = fmax; d >= fmin; d -= 2) {
          let i1 = Math.min(F[d + o]!, lim1);
          let i2 = i1 - d;
          if (lim2 < i2) {
            i1 = lim2 + d;
            i2 = lim2;
          }
          if (fbest < i1 + i2) {
            fbest = i1 + i2;
            fbest1 = i1;
          }
        }
        let bbest = Number.MAX_SAFE_INTEGER;
        let bbest1 = Number.MAX_SAFE_INTEGER;
        for (let d = bmax; d >= bmin; d -= 2) {
          let i1 = Math.max(off1, Bk[d + o]!);
          let i2 = i1 - d;
          if (i2 < off2) {
            i1 = off2 + d;
            i2 = off2;
          }
          if (i1 + i2 < bbest) {
            bbest = i1 + i2;
            bbest1 = i1;
          }
        }
        if (lim1 + lim2 - bbest < fbest - (off1 + off2)) return { i1: fbest1, i2: fbest - fbest1, minLo: true, minHi: false };
        return { i1: bbest1, i2: bbest - bbest1, minLo: false, minHi: true };
      }
    }
  }
}

// ---- sliding groups of changes ------------------------------------------------

/** A run of changed lines [start, end) in one side (empty when start === end). */
interface Group {
  start: number;
  end: number;
}

function firstGroup(s: Side): Group {
  let end = 0;
  while (isChanged(s, end)) end++;
  return { start: 0, end };
}

function nextGroup(s: Side, g: Group): boolean {
  if (g.end === s.lines.length) return false;
  g.start = g.end + 1;
  g.end = g.start;
  while (isChanged(s, g.end)) g.end++;
  return true;
}

function previousGroup(s: Side, g: Group): boolean {
  if (g.start === 0) return false;
  g.end = g.start - 1;
  g.start = g.end;
  while (isChanged(s, g.start - 1)) g.start--;
  return true;
}

function slideDown(s: Side, g: Group): boolean {
  if (g.end < s.lines.length && s.cls[g.start] === s.cls[g.end]) {
    setChanged(s, g.start++, 0);
    setChanged(s, g.end++, 1);
    while (isChanged(s, g.end)) g.end++;
    return true;
  }
  return false;
}

function slideUp(s: Side, g: Group): boolean {
  if (g.start > 0 && s.cls[g.start - 1] === s.cls[g.end - 1]) {
    setChanged(s, --g.start, 1);
    setChanged(s, --g.end, 0);
    while (isChanged(s, g.start - 1)) g.start--;
    return true;
  }
  return false;
}

const INDENT_MAX_SLIDING = 100;

/** Moves each group of changes in `s` to its best position; `o` is kept in step. */
function compact(s: Side, o: Side): void {
  const g = firstGroup(s);
  const go = firstGroup(o);
  for (;;) {
    if (g.end !== g.start) {
      let size: number;
      let earliestEnd: number;
      let endMatchingOther: number;
      do {
        size = g.end - g.start;
        endMatchingOther = -1;
        while (slideUp(s, g)) previousGroup(o, go);
        earliestEnd = g.end;
        if (go.end > go.start) endMatchingOther = g.end;
        for (;;) {
          if (!slideDown(s, g)) break;
          nextGroup(o, go);
          if (go.end > go.start) endMatchingOther = g.end;
        }
      } while (size !== g.end - g.start);

      if (g.end === earliestEnd) {
        // It cannot move.
      } else if (endMatchingOther !== -1) {
        // Line it up with the last change on the other side it can meet.
        while (go.end === go.start) {
          slideUp(s, g);
          previousGroup(o, go);
        }
      } else {
        let shift = Math.max(earliestEnd, g.end - size - 1, g.end - INDENT_MAX_SLIDING);
        let bestShift = -1;
        let best: Score = { indent: 0, penalty: 0 };
        for (; shift <= g.end; shift++) {
          const score: Score = { indent: 0, penalty: 0 };
          scoreSplit(measure(s, shift), score);
          scoreSplit(measure(s, shift - size), score);
          if (bestShift === -1 || compareScores(score, best) <= 0) {
            best = score;
            bestShift = shift;
          }
        }
        while (g.end > bestShift) {
          slideUp(s, g);
          previousGroup(o, go);
        }
      }
    }
    if (!nextGroup(s, g)) break;
    nextGroup(o, go);
  }
}

// ---- the indent heuristic: how good a place is "between line split-1 and split"? ----

const MAX_INDENT = 200;
const MAX_BLANKS = 20;

/** Indentation in columns (tab = to the next multiple of 8); -1 for a blank line. */
function indentOf(line: string): number {
  let ret = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ') ret += 1;
    else if (c === '\t') ret += 8 - (ret % 8);
    else if (c === '\n' || c === '\r' || c === '\v' || c === '\f') {
      // other whitespace adds nothing
    } else return ret;
    if (ret >= MAX_INDENT) return MAX_INDENT;
  }
  return -1;
}

interface Measure {
  endOfFile: boolean;
  indent: number;
  preBlank: number;
  preIndent: number;
  postBlank: number;
  postIndent: number;
}

function measure(s: Side, split: number): Measure {
  const n = s.lines.length;
  const m: Measure = { endOfFile: split >= n, indent: split >= n ? -1 : indentOf(s.lines[split]!), preBlank: 0, preIndent: -1, postBlank: 0, postIndent: -1 };
  for (let i = split - 1; i >= 0; i--) {
    m.preIndent = indentOf(s.lines[i]!);
    if (m.preIndent !== -1) break;
    m.preBlank++;
    if (m.preBlank === MAX_BLANKS) {
      m.preIndent = 0;
      break;
    }
  }
  for (let i = split + 1; i < n; i++) {
    m.postIndent = indentOf(s.lines[i]!);
    if (m.postIndent !== -1) break;
    m.postBlank++;
    if (m.postBlank === MAX_BLANKS) {
      m.postIndent = 0;
      break;
    }
  }
  return m;
}

interface Score {
  indent: number;
  penalty: number;
}

// Weights from git's tuning (mhagger's diff-slider-tools corpus).
const START_OF_FILE_PENALTY = 1;
const END_OF_FILE_PENALTY = 21;
const TOTAL_BLANK_WEIGHT = -30;
const POST_BLANK_WEIGHT = 6;
const RELATIVE_INDENT_PENALTY = -4;
const RELATIVE_INDENT_WITH_BLANK_PENALTY = 10;
const RELATIVE_OUTDENT_PENALTY = 24;
const RELATIVE_OUTDENT_WITH_BLANK_PENALTY = 17;
const RELATIVE_DEDENT_PENALTY = 23;
const RELATIVE_DEDENT_WITH_BLANK_PENALTY = 17;
const INDENT_WEIGHT = 60;

function scoreSplit(m: Measure, s: Score): void {
  if (m.preIndent === -1 && m.preBlank === 0) s.penalty += START_OF_FILE_PENALTY;
  if (m.endOfFile) s.penalty += END_OF_FILE_PENALTY;
  const postBlank = m.indent === -1 ? 1 + m.postBlank : 0;
  const totalBlank = m.preBlank + postBlank;
  s.penalty += TOTAL_BLANK_WEIGHT * totalBlank;
  s.penalty += POST_BLANK_WEIGHT * postBlank;
  const indent = m.indent !== -1 ? m.indent : m.postIndent;
  const anyBlanks = totalBlank !== 0;
  s.indent += indent;
  if (indent === -1 || m.preIndent === -1) return;
  if (indent > m.preIndent) s.penalty += anyBlanks ? RELATIVE_INDENT_WITH_BLANK_PENALTY : RELATIVE_INDENT_PENALTY;
  else if (indent === m.preIndent) return;
  else if (m.postIndent !== -1 && m.postIndent > indent) s.penalty += anyBlanks ? RELATIVE_OUTDENT_WITH_BLANK_PENALTY : RELATIVE_OUTDENT_PENALTY;
  else s.penalty += anyBlanks ? RELATIVE_DEDENT_WITH_BLANK_PENALTY : RELATIVE_DEDENT_PENALTY;
}

function compareScores(a: Score, b: Score): number {
  const cmp = (a.indent > b.indent ? 1 : 0) - (a.indent < b.indent ? 1 : 0);
  return INDENT_WEIGHT * cmp + (a.penalty - b.penalty);
}

/** The changes, in order, from the marks on both sides. */
function script(A: Side, B: Side): Change[] {
  const out: Change[] = [];
  let i1 = A.lines.length;
  let i2 = B.lines.length;
  while (i1 >= 0 || i2 >= 0) {
    if (isChanged(A, i1 - 1) || isChanged(B, i2 - 1)) {
      const l1 = i1;
      const l2 = i2;
      while (isChanged(A, i1 - 1)) i1--;
      while (isChanged(B, i2 - 1)) i2--;
      out.push({ i1, i2, chg1: l1 - i1, chg2: l2 - i2 });
    }
    i1--;
    i2--;
  }
  return out.reverse();
}
