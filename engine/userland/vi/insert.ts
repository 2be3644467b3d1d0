/**
 * Typing in insert and replace mode (busybox's char_insert): characters go
 * in at the cursor, Enter splits the line (copying the indent with
 * autoindent), Backspace and ^D take away, ^V inserts the next key as it
 * is, Escape goes back to command mode.
 */
import { ALLOW } from './buffer.ts';
import { isblank, type Vi } from './editor.ts';
import { endCmdQ } from './normal.ts';

/** Inserts (or, for ESC, backspace, ^D, handles) the key c at p. Returns the new position. */
export async function charInsert(vi: Vi, p: number, c: number, undo: number): Promise<number> {
  const b = vi.buf;
  let bol = b.beginLine(p);
  if (c === 22) {
    // ^V: the next key is inserted as it is.
    p = b.insert(p, '^', ALLOW.NO);
    vi.refresh(false);
    const k = await vi.getOneChar();
    const s = k >= 0 ? String.fromCodePoint(k) : '';
    b.remove(p, p, ALLOW.NO);
    if (s) b.insert(p, s, undo as 0);
    p += s.length;
  } else if (c === 27) {
    vi.cmdMode = 0;
    b.commit();
    vi.cmdcnt = 0;
    endCmdQ(vi);
    vi.forceStatus();
    if (vi.dot > 0 && vi.text[p - 1] !== '\n') p--;
    if (vi.opts.autoindent) {
      const len = indentLen(vi, bol);
      const col = vi.getColumn(bol + len);
      if (len && col === vi.indentcol && vi.text[bol + len] === '\n') {
        b.remove(bol, bol + len - 1, undo as 0);
        p = bol;
      }
    }
  } else if (c === 4) {
    // ^D: one shiftwidth less indent.
    let r = bol + indentLen(vi, bol);
    const prev = prevTabstop(vi, vi.getColumn(r));
    while (r > bol && vi.getColumn(r) > prev) {
      if (p > bol) p--;
      r--;
      r = b.remove(r, r, ALLOW.QUEUED);
    }
    if (vi.opts.autoindent && vi.indentcol && r === b.endLine(p)) {
      vi.indentcol = vi.getColumn(p);
      return p;
    }
  } else if (c === 9 && vi.opts.expandtab) {
    let col = vi.getColumn(p);
    col = nextTabstop(vi, col) - col + 1;
    while (col--) {
      b.insert(p, ' ', undo as 0);
      p++;
    }
  } else if (vi.isBackspace(c)) {
    if (vi.cmdMode === 2) {
      if (p > vi.rstart) {
        p--;
        b.undo();
      }
    } else if (p > 0) {
      p--;
      p = b.remove(p, p, ALLOW.QUEUED);
    }
  } else {
    if (c === 13) c = 10;
    const s = String.fromCodePoint(c);
    if (c === 10) b.commit();
    b.insert(p, s, undo as 0);
    p += s.length;
    if (vi.opts.showmatch && ')]}'.includes(s)) await showMatching(vi, p - 1);
    if (vi.opts.autoindent && c === 10) {
      let col: number;
      if (vi.newindent < 0) {
        bol = b.prevLine(p);
        const len = indentLen(vi, bol);
        col = vi.getColumn(bol + len);
        if (len && col === vi.indentcol) {
          // The line before held only autoindent: move it here.
          const indent = vi.text.slice(bol, bol + len);
          b.text = b.text.slice(0, bol) + '\n' + indent + b.text.slice(bol + len + 1);
          return p;
        }
      } else {
        if (p !== vi.end - 1) p--;
        col = vi.newindent;
      }
      if (col) {
        vi.indentcol = vi.cmdMode !== 0 ? col : 0;
        const ntab = vi.opts.expandtab ? 0 : Math.floor(col / vi.tabstop);
        const nspc = vi.opts.expandtab ? col : col % vi.tabstop;
        const indent = '\t'.repeat(ntab) + ' '.repeat(nspc);
        b.insert(p, indent, undo as 0);
        return p + indent.length;
      }
    }
  }
  vi.indentcol = 0;
  return p;
}

export function indentLen(vi: Vi, p: number): number {
  let r = p;
  while (r < vi.end - 1 && isblank(vi.at(r))) r++;
  return r - p;
}

function nextTabstop(vi: Vi, col: number): number {
  return col + (vi.tabstop - 1 - (col % vi.tabstop));
}

function prevTabstop(vi: Vi, col: number): number {
  return col - (col % vi.tabstop || vi.tabstop);
}

async function showMatching(vi: Vi, p: number): Promise<void> {
  const q = findPair(vi, p, vi.at(p));
  if (q === null) {
    vi.indicateError();
    return;
  }
  const save = vi.dot;
  vi.dot = q;
  vi.refresh(false);
  await vi.flush();
  await vi.sys.sleep(400);
  vi.dot = save;
  vi.refresh(false);
}

/** The bracket matching the one at p, or null. */
export function findPair(vi: Vi, p: number, c: string): number | null {
  const braces = '()[]{}';
  let dir = braces.indexOf(c);
  if (dir < 0) return null;
  dir ^= 1;
  const match = braces[dir]!;
  dir = ((dir & 1) << 1) - 1;
  let level = 1;
  for (;;) {
    p += dir;
    if (p < 0 || p >= vi.end) return null;
    if (vi.text[p] === c) level++;
    if (vi.text[p] === match) {
      level--;
      if (level === 0) return p;
    }
  }
}
