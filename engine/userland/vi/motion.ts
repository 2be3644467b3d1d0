/**
 * Moving over text, as busybox vi measures it: words (letters, digits and
 * "_" against punctuation, with blanks between), the range a motion covers
 * for d, c, y, < and >, and f/t/;/, on the current line.
 */
import { FORWARD, BACK, MULTI, PARTIAL, WHOLE, isalnum, ispunct, isspace, type Vi } from './editor.ts';
import { doCmd } from './normal.ts';

export const S_BEFORE_WS = 1;
export const S_TO_WS = 2;
export const S_OVER_WS = 3;
export const S_END_PUNCT = 4;
export const S_END_ALNUM = 5;

const ch = (c: number): string => (c >= 0 ? String.fromCodePoint(c) : '');

function stTest(vi: Vi, p: number, type: number, dir: number): { test: boolean; c: string } {
  const c0 = vi.at(p);
  const ci = vi.at(p + dir);
  switch (type) {
    case S_BEFORE_WS:
      return { test: !isspace(ci) || ci === '\n', c: ci };
    case S_TO_WS:
      return { test: !isspace(c0) || c0 === '\n', c: c0 };
    case S_OVER_WS:
      return { test: isspace(c0), c: c0 };
    case S_END_PUNCT:
      return { test: ispunct(ci), c: ci };
    case S_END_ALNUM:
      return { test: isalnum(ci) || ci === '_', c: ci };
  }
  return { test: false, c: c0 };
}

export function skipThing(vi: Vi, p: number, linecnt: number, dir: number, type: number): number {
  for (;;) {
    const { test, c } = stTest(vi, p, type, dir);
    if (!test) break;
    if (c === '\n' && --linecnt < 1) break;
    if (dir >= 0 && p >= vi.end - 1) break;
    if (dir < 0 && p <= 0) break;
    p += dir;
  }
  return p;
}

function atEof(vi: Vi, s: number): boolean {
  return (s === vi.end - 2 && vi.text[s + 1] === '\n') || s === vi.end - 1;
}

/** Reads a motion and works out the range it covers (busybox's find_range). */
export async function findRange(vi: Vi, cmd: number): Promise<{ type: number; start: number; stop: number }> {
  const p0 = vi.dot;
  let p = vi.dot;
  let q: number;
  let type = -1;
  const c = cmd === 0x59 /* Y */ ? 0x79 : await vi.getMotionChar();
  const cs = ch(c);
  if ((cmd === 0x59 || cmd === c) && c > 0 && 'cdy><'.includes(cs)) {
    type = WHOLE;
    if (--vi.cmdcnt > 0) {
      await doCmd(vi, 0x6a /* j */);
      if (vi.cmdError) type = -1;
    }
  } else if (c === 8 || c === 0x7f || (c > 0 && '^%$0bBeEfFtThnN/?|{}'.includes(cs))) {
    type = c > 0 && 'nN/?'.includes(cs) ? MULTI : PARTIAL;
    await doCmd(vi, c);
    if (p0 === vi.dot) type = -1;
  } else if (c === 0x77 || c === 0x57) {
    type = MULTI;
    await doCmd(vi, c);
    if (vi.dot > p0 && (!atEof(vi, vi.dot) || (c === 0x77 && ispunct(vi.at(vi.dot))))) vi.dot--;
    let t = vi.dot;
    while (vi.dot > p0 && isspace(vi.at(vi.dot))) {
      if (vi.text[vi.dot--] === '\n') t = vi.dot;
    }
    if (cmd !== 0x63 /* c */ && vi.dot !== t && vi.text[vi.dot] !== '\n') vi.dot = t;
  } else if (c === 13 || c === 10 || (c > 0 && "GHL+-gjk'".includes(cs))) {
    type = WHOLE;
    await doCmd(vi, c);
    if (vi.cmdError) type = -1;
  } else if (c === 0x20 || c === 0x6c) {
    const tmpcnt = vi.cmdcnt || 1;
    type = PARTIAL;
    await doCmd(vi, c);
    if (tmpcnt === vi.dot - p0) vi.dot--;
  }
  if (type === -1) {
    if (c !== 27) vi.indicateError();
    return { type, start: p0, stop: p0 };
  }
  q = vi.dot;
  if (q < p) [p, q] = [q, p];
  if (q > p) {
    if (c === 8 || c === 0x7f || (c > 0 && '^0bBFThnN/?|'.includes(cs))) q--;
    else if (c === 0x7b || c === 0x7d) {
      const bol = vi.buf.beginLine(p);
      type = p === bol && (vi.text[q] === '\n' || atEof(vi, q)) ? WHOLE : MULTI;
      if (!atEof(vi, q)) {
        q--;
        if (q > p && p !== bol) q--;
      }
    }
  }
  return { type, start: p, stop: q };
}

/** f, F, t, T, ; and , on the current line. */
export function dotToChar(vi: Vi, cmd: number): void {
  let q = vi.dot;
  const dir = cmd >= 0x61 ? FORWARD : BACK;
  if (vi.lastSearchChar === 0) return;
  const want = String.fromCodePoint(vi.lastSearchChar);
  do {
    do {
      q += dir;
      if ((dir === FORWARD ? q > vi.end - 1 : q < 0) || vi.text[q] === '\n') {
        vi.indicateError();
        return;
      }
    } while (vi.text[q] !== want);
  } while (--vi.cmdcnt > 0);
  vi.dot = q;
  if (cmd === 0x74) vi.dotLeft();
  else if (cmd === 0x54) vi.dotRight();
}
