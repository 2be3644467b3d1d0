/**
 * How vim draws the text, where it differs from busybox vi: long lines wrap
 * onto the next rows (and a last line that does not fit shows as "@"
 * rows), the cursor keeps five lines of context above and below it
 * (defaults.vim's scrolloff=5), ":set number" puts line numbers in front,
 * and ":set list" shows tabs as ^I and line ends as $.
 */
import type { Vi } from './editor.ts';

const SCROLLOFF = 5;

/** The cells of the line starting at p: every character, tabs expanded (or ^I with list), $ at the end with list. */
function lineCells(vi: Vi, p: number): string[] {
  const cells: string[] = [];
  for (let i = p; i < vi.end; i++) {
    const c = vi.text[i]!;
    if (c === '\n') break;
    if (c === '\t' && !vi.opts.list) {
      const to = (Math.floor(cells.length / vi.tabstop) + 1) * vi.tabstop;
      while (cells.length < to) cells.push(' ');
      continue;
    }
    const shown = vi.cells(c);
    if (shown.length === 0) {
      if (cells.length > 0) cells[cells.length - 1] += c;
      continue;
    }
    cells.push(...shown);
  }
  if (vi.opts.list) cells.push('$');
  return cells;
}

function numberWidth(vi: Vi): number {
  return vi.opts.number ? Math.max(3, String(vi.buf.lineCount()).length) + 1 : 0;
}

/** Rows the line starting at p takes. */
function heightOf(vi: Vi, p: number, textCols: number): number {
  return Math.max(1, Math.ceil(lineCells(vi, p).length / textCols));
}

/** Chooses the top line so that the cursor's line shows with context, then draws (busybox's refresh, vim style). */
export function vimRefresh(vi: Vi): void {
  const b = vi.buf;
  const textRows = vi.rows - 1;
  const nw = numberWidth(vi);
  const textCols = Math.max(1, vi.columns - nw);
  const so = Math.min(SCROLLOFF, Math.floor((textRows - 1) / 2));
  const cur = b.beginLine(vi.dot);
  const curLine = b.lineOf(cur);
  const total = b.lineCount();
  let top = b.lineOf(vi.screenbegin);

  // Far jumps put the cursor in the middle, as vim does, but never leave rows empty after the end.
  if (curLine < top - textRows / 2 || curLine > top + textRows + textRows / 2) {
    top = Math.max(1, curLine - Math.floor(textRows / 2));
    for (;;) {
      let used = 0;
      for (let l = top; l <= total && used <= textRows; l++) used += heightOf(vi, b.findLine(l), textCols);
      if (used >= textRows || top <= 1) break;
      top--;
    }
  }
  if (curLine - so < top) top = Math.max(1, curLine - so);
  for (;;) {
    const last = Math.min(total, curLine + so);
    let used = 0;
    for (let l = top; l <= last; l++) used += heightOf(vi, b.findLine(l), textCols);
    if (used <= textRows || top >= curLine) break;
    top++;
  }
  vi.screenbegin = b.findLine(top);

  // Draw.
  let row = 0;
  let p = vi.screenbegin;
  let line = top;
  let cursorRow = 0;
  let cursorCol = 0;
  vi.lastShownLine = top;
  while (row < textRows) {
    if (line > total) {
      vi.screen.clearRow(row);
      vi.screen.text(row, 0, '~');
      row++;
      continue;
    }
    const cells = lineCells(vi, p);
    const height = Math.max(1, Math.ceil(cells.length / textCols));
    if (row + height > textRows && line !== top) {
      for (; row < textRows; row++) {
        vi.screen.clearRow(row);
        vi.screen.text(row, 0, '@');
      }
      break;
    }
    for (let k = 0; k < height && row < textRows; k++, row++) {
      vi.screen.clearRow(row);
      let col = 0;
      if (nw) col = vi.screen.text(row, 0, k === 0 ? String(line).padStart(nw - 1) + ' ' : ' '.repeat(nw));
      for (const cell of cells.slice(k * textCols, (k + 1) * textCols)) {
        if (cell === '') {
          col++;
          continue;
        }
        col = vi.screen.text(row, col, cell);
      }
    }
    if (p === cur) {
      const col = cursorColumn(vi, cur);
      cursorRow = row - height + Math.min(height - 1, Math.floor(col / textCols));
      cursorCol = nw + (col % textCols);
    }
    vi.lastShownLine = line;
    line++;
    const nl = vi.text.indexOf('\n', p);
    p = nl < 0 ? vi.end : nl + 1;
  }
  vi.crow = cursorRow;
  vi.ccol = cursorCol;
  vi.screen.cursor = { row: cursorRow, col: cursorCol };
}

/** The screen column of the cursor in its line: the start of the character, the end of a tab in command mode. */
function cursorColumn(vi: Vi, bol: number): number {
  let co = 0;
  for (let i = bol; i < vi.dot; i++) {
    const c = vi.text[i]!;
    if (c === '\t' && !vi.opts.list) co = (Math.floor(co / vi.tabstop) + 1) * vi.tabstop;
    else co += Math.max(1, vi.cells(c).length);
  }
  if (vi.text[vi.dot] === '\t' && !vi.opts.list && vi.cmdMode === 0) co = (Math.floor(co / vi.tabstop) + 1) * vi.tabstop - 1;
  return co;
}
