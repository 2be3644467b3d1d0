/**
 * A screen drawn by difference, as curses does it: the program paints the
 * whole frame it wants into a grid of cells, and `render` emits only what
 * changed since the last frame, one cursor move per changed stretch of a
 * row. Typing a character in an editor sends a handful of bytes, not a
 * screenful.
 *
 *     const screen = new Screen(24, 80);
 *     screen.text(0, 0, 'hello');
 *     screen.text(23, 0, '-- INSERT --', ATTR.bold);
 *     screen.cursor = { row: 0, col: 5 };
 *     term.write(screen.render());
 */
import { charWidth } from './text.ts';

/** Cell attributes, combinable. */
export const ATTR = { normal: 0, reverse: 1, bold: 2, underline: 4 } as const;

const BLANK = ' ';

export class Screen {
  private chars: string[][] = [];
  private attrs: number[][] = [];
  /** What the terminal shows now; null when unknown (first frame, after a resize or another program). */
  private shown: { chars: string[][]; attrs: number[][] } | null = null;
  private shownCursor: { row: number; col: number } | null = null;
  cursor = { row: 0, col: 0 };
  cursorVisible = true;
  private shownCursorVisible = true;

  constructor(
    public rows: number,
    public cols: number,
  ) {
    this.clear();
  }

  resize(rows: number, cols: number): void {
    this.rows = rows;
    this.cols = cols;
    this.clear();
    this.invalidate();
  }

  /** Forget what the terminal shows: the next render clears it and draws everything. */
  invalidate(): void {
    this.shown = null;
    this.shownCursor = null;
  }

  /** Blanks the frame being drawn. */
  clear(): void {
    this.chars = Array.from({ length: this.rows }, () => new Array<string>(this.cols).fill(BLANK));
    this.attrs = Array.from({ length: this.rows }, () => new Array<number>(this.cols).fill(0));
  }

  clearRow(row: number, attr = 0): void {
    if (row < 0 || row >= this.rows) return;
    this.chars[row]!.fill(BLANK);
    this.attrs[row]!.fill(attr);
  }

  /**
   * Writes `text` at (row, col), clipped at the right edge. Characters are
   * assumed printable (the caller turns control characters into ^X). Wide
   * characters take two cells; one that does not fit becomes a space.
   * Returns the column after the text.
   */
  text(row: number, col: number, text: string, attr = 0): number {
    if (row < 0 || row >= this.rows) return col;
    const chars = this.chars[row]!;
    const attrs = this.attrs[row]!;
    for (const ch of text) {
      const w = charWidth(ch.codePointAt(0)!);
      if (w === 0) {
        // A combining mark joins the character before it.
        if (col > 0 && col <= this.cols) chars[col - 1] += ch;
        continue;
      }
      if (col + w > this.cols) {
        if (col < this.cols) {
          chars[col] = BLANK;
          attrs[col] = attr;
        }
        return this.cols;
      }
      chars[col] = ch;
      attrs[col] = attr;
      if (w === 2) {
        chars[col + 1] = '';
        attrs[col + 1] = attr;
      }
      col += w;
    }
    return col;
  }

  /** Sets the attribute of cells from col to the end of the row (a reverse-video bar). */
  paint(row: number, from: number, to: number, attr: number): void {
    if (row < 0 || row >= this.rows) return;
    for (let c = Math.max(0, from); c < Math.min(this.cols, to); c++) this.attrs[row]![c] = attr;
  }

  /** The text of a row as drawn (for tests and for programs that read back). */
  rowText(row: number): string {
    return (this.chars[row] ?? []).join('').trimEnd();
  }

  /** Escape sequences that bring the terminal from the last frame to this one. */
  render(): string {
    let out = '';
    let full = false;
    if (!this.shown) {
      full = true;
      out += '\x1b[m\x1b[H\x1b[J';
      this.shown = {
        chars: Array.from({ length: this.rows }, () => new Array<string>(this.cols).fill(BLANK)),
        attrs: Array.from({ length: this.rows }, () => new Array<number>(this.cols).fill(0)),
      };
    }
    let attr = 0;
    const setAttr = (a: number) => {
      if (a === attr) return;
      let sgr = '\x1b[m';
      if (a & ATTR.bold) sgr += '\x1b[1m';
      if (a & ATTR.underline) sgr += '\x1b[4m';
      if (a & ATTR.reverse) sgr += '\x1b[7m';
      out += sgr;
      attr = a;
    };
    if (this.shownCursorVisible && !full && this.changed()) {
      // Hide the cursor while painting, as ncurses does, so it does not flicker across the screen.
      out += '\x1b[?25l';
      this.shownCursorVisible = false;
    }
    for (let r = 0; r < this.rows; r++) {
      const want = this.chars[r]!;
      const wantA = this.attrs[r]!;
      const have = this.shown.chars[r]!;
      const haveA = this.shown.attrs[r]!;
      let first = -1;
      let last = -1;
      for (let c = 0; c < this.cols; c++) {
        if (want[c] !== have[c] || wantA[c] !== haveA[c]) {
          if (first < 0) first = c;
          last = c;
        }
      }
      if (first < 0) continue;
      // Never start painting on the right half of a wide character.
      while (first > 0 && want[first] === '') first--;
      // Past the last non-blank cell, "erase to end of line" does the rest.
      let end = this.cols - 1;
      while (end >= 0 && want[end] === BLANK && wantA[end] === 0) end--;
      const erase = last > end;
      const stop = erase ? end : last;
      out += `\x1b[${r + 1};${first + 1}H`;
      for (let c = first; c <= stop; c++) {
        if (want[c] === '') continue;
        setAttr(wantA[c]!);
        out += want[c];
      }
      if (erase) {
        setAttr(0);
        out += '\x1b[K';
      }
      have.splice(0, this.cols, ...want);
      haveA.splice(0, this.cols, ...wantA);
    }
    setAttr(0);
    const { row, col } = this.cursor;
    const cr = Math.max(0, Math.min(this.rows - 1, row));
    const cc = Math.max(0, Math.min(this.cols - 1, col));
    if (out !== '' || !this.shownCursor || this.shownCursor.row !== cr || this.shownCursor.col !== cc) {
      out += `\x1b[${cr + 1};${cc + 1}H`;
      this.shownCursor = { row: cr, col: cc };
    }
    if (this.cursorVisible !== this.shownCursorVisible) {
      out += this.cursorVisible ? '\x1b[?25h' : '\x1b[?25l';
      this.shownCursorVisible = this.cursorVisible;
    }
    return out;
  }

  private changed(): boolean {
    const shown = this.shown!;
    for (let r = 0; r < this.rows; r++) {
      const a = this.chars[r]!;
      const b = shown.chars[r]!;
      const aa = this.attrs[r]!;
      const ba = shown.attrs[r]!;
      for (let c = 0; c < this.cols; c++) if (a[c] !== b[c] || aa[c] !== ba[c]) return true;
    }
    return false;
  }
}
