/**
 * A small terminal emulator: feeds on what programs write to a terminal and
 * keeps the grid of characters a person would see. Tests use it to check
 * screens ("the status line says …") instead of raw escape sequences; it
 * understands what our programs and the shell send (cursor moves, erasing,
 * scrolling, the alternate screen), not all of xterm.
 *
 *     const vt = new VirtualTerminal(24, 80);
 *     tty.onOutput((bytes) => vt.feed(bytes));
 *     expect(vt.line(23)).toBe('- notes.txt 1/3 33%');
 */
import { charWidth } from './text.ts';

export class VirtualTerminal {
  private grid: string[][];
  private reverse: boolean[][];
  private saved: { grid: string[][]; reverse: boolean[][]; row: number; col: number } | null = null;
  row = 0;
  col = 0;
  cursorVisible = true;
  /** Whether the alternate screen (vi, less, nano) is in use. */
  alternate = false;
  private pendingWrap = false;
  private inverse = false;
  private top = 0;
  private bottom: number;
  private esc = '';
  private savedCursor = { row: 0, col: 0 };
  private readonly decoder = new TextDecoder();

  constructor(
    public rows: number,
    public cols: number,
  ) {
    this.grid = this.blankGrid();
    this.reverse = this.blankAttrs();
    this.bottom = rows - 1;
  }

  private blankGrid(): string[][] {
    return Array.from({ length: this.rows }, () => new Array<string>(this.cols).fill(' '));
  }

  private blankAttrs(): boolean[][] {
    return Array.from({ length: this.rows }, () => new Array<boolean>(this.cols).fill(false));
  }

  resize(rows: number, cols: number): void {
    const grid = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.grid[r]?.[c] ?? ' '));
    const rev = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.reverse[r]?.[c] ?? false));
    this.rows = rows;
    this.cols = cols;
    this.grid = grid;
    this.reverse = rev;
    this.top = 0;
    this.bottom = rows - 1;
    this.row = Math.min(this.row, rows - 1);
    this.col = Math.min(this.col, cols - 1);
  }

  /** One row of the screen, without trailing blanks. */
  line(row: number): string {
    return (this.grid[row] ?? []).join('').replace(/\u0000/g, '').trimEnd();
  }

  /** The whole screen, one row per line, trailing blanks and blank rows at the end removed. */
  text(): string {
    const lines = Array.from({ length: this.rows }, (_, r) => this.line(r));
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  /** Whether the cell at (row, col) is shown in reverse video. */
  isReverse(row: number, col: number): boolean {
    return this.reverse[row]?.[col] ?? false;
  }

  feed(data: Uint8Array | string): void {
    let text: string;
    if (typeof data === 'string') text = data;
    else {
      text = this.decoder.decode(data, { stream: true });
    }
    for (const ch of text) this.put(ch);
  }

  private put(ch: string): void {
    if (this.esc !== '') {
      this.esc += ch;
      this.escape();
      return;
    }
    const c = ch.codePointAt(0)!;
    switch (c) {
      case 0x1b:
        this.esc = ch;
        return;
      case 0x0d:
        this.col = 0;
        this.pendingWrap = false;
        return;
      case 0x0a:
      case 0x0b:
      case 0x0c:
        this.lineFeed();
        return;
      case 0x08:
        if (this.col > 0) this.col--;
        this.pendingWrap = false;
        return;
      case 0x09:
        this.col = Math.min(this.cols - 1, (Math.floor(this.col / 8) + 1) * 8);
        return;
      case 0x07:
        return;
    }
    if (c < 0x20) return;
    const w = charWidth(c);
    if (w === 0) {
      if (this.col > 0) this.grid[this.row]![this.col - 1] += ch;
      return;
    }
    if (this.pendingWrap || this.col + w > this.cols) {
      this.col = 0;
      this.lineFeed();
    }
    this.grid[this.row]![this.col] = ch;
    this.reverse[this.row]![this.col] = this.inverse;
    if (w === 2 && this.col + 1 < this.cols) this.grid[this.row]![this.col + 1] = '\u0000';
    this.col += w;
    if (this.col >= this.cols) {
      this.col = this.cols - 1;
      this.pendingWrap = true;
    } else this.pendingWrap = false;
  }

  private lineFeed(): void {
    this.pendingWrap = false;
    if (this.row === this.bottom) this.scrollUp(1);
    else if (this.row < this.rows - 1) this.row++;
  }

  private scrollUp(n: number): void {
    for (let i = 0; i < n; i++) {
      this.grid.splice(this.top, 1);
      this.grid.splice(this.bottom, 0, new Array<string>(this.cols).fill(' '));
      this.reverse.splice(this.top, 1);
      this.reverse.splice(this.bottom, 0, new Array<boolean>(this.cols).fill(false));
    }
  }

  private scrollDown(n: number): void {
    for (let i = 0; i < n; i++) {
      this.grid.splice(this.bottom, 1);
      this.grid.splice(this.top, 0, new Array<string>(this.cols).fill(' '));
      this.reverse.splice(this.bottom, 1);
      this.reverse.splice(this.top, 0, new Array<boolean>(this.cols).fill(false));
    }
  }

  private escape(): void {
    const s = this.esc;
    if (s.length === 2) {
      const c = s[1]!;
      if (c === '[' || c === ']' || c === '(' || c === ')' || c === '#' || c === 'P') return;
      this.esc = '';
      if (c === '7') this.savedCursor = { row: this.row, col: this.col };
      else if (c === '8') ({ row: this.row, col: this.col } = this.savedCursor);
      else if (c === 'M') {
        if (this.row === this.top) this.scrollDown(1);
        else if (this.row > 0) this.row--;
      } else if (c === 'D') this.lineFeed();
      else if (c === 'E') {
        this.col = 0;
        this.lineFeed();
      } else if (c === 'c') {
        this.grid = this.blankGrid();
        this.reverse = this.blankAttrs();
        this.row = this.col = 0;
      }
      return;
    }
    const kind = s[1]!;
    const last = s[s.length - 1]!;
    if (kind === '(' || kind === ')' || kind === '#') {
      this.esc = '';
      return;
    }
    if (kind === ']' || kind === 'P') {
      // OSC / DCS: up to BEL or ST.
      if (last === '\x07' || s.endsWith('\x1b\\')) this.esc = '';
      return;
    }
    // CSI
    const code = last.charCodeAt(0);
    if (code < 0x40 || code > 0x7e || s.length === 2) return;
    this.esc = '';
    this.csi(s.slice(2, -1), last);
  }

  private csi(params: string, final: string): void {
    const priv = params.startsWith('?') || params.startsWith('>') || params.startsWith('=');
    const nums = (priv ? params.slice(1) : params).split(';').map((p) => (p === '' ? NaN : parseInt(p, 10)));
    const n = (i: number, def: number) => {
      const v = nums[i];
      return v === undefined || Number.isNaN(v) || v === 0 ? def : v;
    };
    this.pendingWrap = false;
    switch (final) {
      case 'H':
      case 'f':
        this.row = Math.min(this.rows - 1, n(0, 1) - 1);
        this.col = Math.min(this.cols - 1, n(1, 1) - 1);
        return;
      case 'A':
        this.row = Math.max(0, this.row - n(0, 1));
        return;
      case 'B':
        this.row = Math.min(this.rows - 1, this.row + n(0, 1));
        return;
      case 'C':
        this.col = Math.min(this.cols - 1, this.col + n(0, 1));
        return;
      case 'D':
        this.col = Math.max(0, this.col - n(0, 1));
        return;
      case 'G':
        this.col = Math.min(this.cols - 1, n(0, 1) - 1);
        return;
      case 'd':
        this.row = Math.min(this.rows - 1, n(0, 1) - 1);
        return;
      case 'J': {
        const mode = Number.isNaN(nums[0]!) ? 0 : nums[0]!;
        if (mode === 2 || mode === 3) {
          this.grid = this.blankGrid();
          this.reverse = this.blankAttrs();
        } else if (mode === 0) {
          this.eraseLine(this.row, this.col, this.cols);
          for (let r = this.row + 1; r < this.rows; r++) this.eraseLine(r, 0, this.cols);
        } else if (mode === 1) {
          for (let r = 0; r < this.row; r++) this.eraseLine(r, 0, this.cols);
          this.eraseLine(this.row, 0, this.col + 1);
        }
        return;
      }
      case 'K': {
        const mode = Number.isNaN(nums[0]!) ? 0 : nums[0]!;
        if (mode === 0) this.eraseLine(this.row, this.col, this.cols);
        else if (mode === 1) this.eraseLine(this.row, 0, this.col + 1);
        else this.eraseLine(this.row, 0, this.cols);
        return;
      }
      case 'X':
        this.eraseLine(this.row, this.col, Math.min(this.cols, this.col + n(0, 1)));
        return;
      case 'r':
        this.top = n(0, 1) - 1;
        this.bottom = Math.min(this.rows - 1, n(1, this.rows) - 1);
        this.row = 0;
        this.col = 0;
        return;
      case 'S':
        this.scrollUp(n(0, 1));
        return;
      case 'T':
        this.scrollDown(n(0, 1));
        return;
      case 'L': {
        const save = this.top;
        this.top = this.row;
        this.scrollDown(n(0, 1));
        this.top = save;
        return;
      }
      case 'M': {
        const save = this.top;
        this.top = this.row;
        this.scrollUp(n(0, 1));
        this.top = save;
        return;
      }
      case 'P': {
        const line = this.grid[this.row]!;
        const count = n(0, 1);
        line.splice(this.col, count);
        while (line.length < this.cols) line.push(' ');
        return;
      }
      case '@': {
        const line = this.grid[this.row]!;
        line.splice(this.col, 0, ...new Array<string>(n(0, 1)).fill(' '));
        line.length = this.cols;
        return;
      }
      case 'm':
        for (let i = 0; i < nums.length; i++) {
          const v = Number.isNaN(nums[i]!) ? 0 : nums[i]!;
          if (v === 0 || v === 27) this.inverse = false;
          else if (v === 7) this.inverse = true;
        }
        return;
      case 'h':
      case 'l':
        if (!priv) return;
        for (const v of nums) {
          if (v === 25) this.cursorVisible = final === 'h';
          if (v === 1049 || v === 47 || v === 1047) this.switchScreen(final === 'h');
        }
        return;
      case 's':
        this.savedCursor = { row: this.row, col: this.col };
        return;
      case 'u':
        ({ row: this.row, col: this.col } = this.savedCursor);
        return;
      default:
        return;
    }
  }

  private eraseLine(row: number, from: number, to: number): void {
    const line = this.grid[row];
    const rev = this.reverse[row];
    if (!line || !rev) return;
    for (let c = from; c < to && c < this.cols; c++) {
      line[c] = ' ';
      rev[c] = false;
    }
  }

  private switchScreen(toAlternate: boolean): void {
    if (toAlternate === this.alternate) return;
    if (toAlternate) {
      this.saved = { grid: this.grid, reverse: this.reverse, row: this.row, col: this.col };
      this.grid = this.blankGrid();
      this.reverse = this.blankAttrs();
    } else if (this.saved) {
      ({ grid: this.grid, reverse: this.reverse, row: this.row, col: this.col } = this.saved);
      this.saved = null;
    }
    this.alternate = toAlternate;
  }
}
