/**
 * The editor's state and its view: what busybox vi keeps in its globals
 * (the text, the cursor, the mode, registers, marks, the "." command) and
 * how it draws them — text lines from `screenbegin`, `~` past the end,
 * long lines scrolled sideways, and the status line at the bottom.
 *
 * Normal-mode commands are in normal.ts, `:` commands in colon.ts; both
 * work on a `Vi`. The `vim` flag switches on what vim does differently and
 * a learner would notice (messages, the ruler, wrapped long lines).
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { KEY } from '../tui/keys.ts';
import { ATTR, Screen } from '../tui/screen.ts';
import type { Terminal } from '../tui/terminal.ts';
import { byteLength, charWidth, decodeText, encodeText, rawByte } from '../tui/text.ts';
import { ALLOW, TextBuffer } from './buffer.ts';
import { vimRefresh } from './vimview.ts';

/** Thrown by key reading when ^C arrives: the current command is abandoned (busybox longjmps). */
export class Interrupted extends Error {}

/** Thrown when the keyboard is gone: "can't read user input". */
export class InputEnded extends Error {}

export const PARTIAL = 0;
export const WHOLE = 1;
export const MULTI = 2;
export const FORWARD = 1;
export const BACK = -1;
/** cindex value: the cursor sticks to the end of lines ($). */
export const C_END = -1;
/** Register numbers: a-z are 0-25, the unnamed delete/yank register is 26, U's line 27. */
export const REG_D = 26;
export const REG_U = 27;
const MAX_INPUT_LEN = 128;

export interface ViOptions {
  vim: boolean;
  /** Files named on the command line. */
  files: string[];
  readonly: boolean;
}

export class Vi {
  readonly buf = new TextBuffer();
  readonly screen: Screen;
  dot = 0;
  /** 0 command, 1 insert, 2 replace. */
  cmdMode = 0;
  cmdcnt = 0;
  rstart = 0;
  rows = 24;
  columns = 80;
  crow = 0;
  ccol = 0;
  offset = 0;
  screenbegin = 0;
  /** The message for the bottom line, if any (busybox's have_status_msg). */
  statusMsg: { text: string; bold: boolean } | null = null;
  private lastStatusCksum = 0;
  private lastModifiedCount = -1;
  private tot = 0;
  currentFilename: string | null = null;
  altFilename: string | null = null;
  /** 1: the file is not writable; 2: -R or view. */
  readonlyMode = 0;
  tabstop = 8;
  opts = { autoindent: false, expandtab: false, flash: false, ignorecase: false, showmatch: false, number: false, list: false, hlsearch: false, wrapscan: true };
  /** '' when nothing was searched, else the direction ('/' or '?') followed by the pattern. */
  lastSearchPattern = '';
  lastSearchChar = 0;
  lastSearchCmd = 0;
  readonly reg: (string | null)[] = new Array(28).fill(null);
  readonly regtype: number[] = new Array(28).fill(PARTIAL);
  YDreg = REG_D;
  readonly mark: (number | null)[] = new Array(28).fill(null);
  // The "." command: keys of the last change, replayed from ioq.
  adding2q = false;
  lmc: number[] = [];
  ioq: number[] | null = null;
  dotcnt = 1;
  cindex = 0;
  keepIndex = false;
  cmdError = false;
  /** >0 while editing; 0 ends the current file. */
  editing = 0;
  readonly files: string[];
  optind = 0;
  newindent = -1;
  indentcol = 0;
  curLine = -1;
  /** Set by the Hit_Return path so the next refresh repaints everything. */
  private needFull = false;

  constructor(
    readonly sys: Sys,
    readonly term: Terminal,
    readonly options: ViOptions,
  ) {
    this.files = options.files;
    this.screen = new Screen(24, 80);
    if (options.readonly) this.readonlyMode |= 2;
    if (options.vim) this.opts.wrapscan = true;
  }

  get vim(): boolean {
    return this.options.vim;
  }

  get text(): string {
    return this.buf.text;
  }

  get end(): number {
    return this.buf.end;
  }

  at(p: number): string {
    return this.buf.at(p);
  }

  // ---- input ---------------------------------------------------------------

  /** Reads a key from the terminal, showing the screen first (busybox's readit). */
  async readit(): Promise<number> {
    for (;;) {
      if (this.suppressRender) await this.term.flush();
      else await this.flush();
      const c = await this.term.key();
      if (c === KEY.RESIZE) {
        this.querySize();
        this.redraw(true);
        continue;
      }
      if (c === KEY.SUSPEND) {
        await this.term.suspend(`\x1b[${this.rows};1H\x1b[K`);
        this.lastStatusCksum = 0;
        this.querySize();
        this.redraw(true);
        continue;
      }
      if (c === KEY.INTERRUPT) throw new Interrupted();
      if (c === KEY.EOF) throw new InputEnded();
      return c;
    }
  }

  /** The next key, from the "." replay queue if one is playing (busybox's get_one_char). */
  async getOneChar(): Promise<number> {
    if (!this.adding2q) {
      if (this.ioq) {
        const c = this.ioq.shift();
        if (c !== undefined) return c;
        this.ioq = null;
      }
      return this.readit();
    }
    const c = await this.readit();
    if (this.lmc.length >= MAX_INPUT_LEN - 2) {
      this.adding2q = false;
      this.lmc = [];
    } else this.lmc.push(c);
    return c;
  }

  /** A count then a motion key: "d3w" (busybox's get_motion_char). */
  async getMotionChar(): Promise<number> {
    let c = await this.getOneChar();
    if (c >= 0x30 && c <= 0x39) {
      if (c !== 0x30) {
        let cnt = 0;
        while (c >= 0x30 && c <= 0x39) {
          cnt = cnt * 10 + (c - 0x30);
          c = await this.getOneChar();
        }
        this.cmdcnt = (this.cmdcnt || 1) * cnt;
      } else this.cmdcnt = 0;
    }
    return c;
  }

  /** Reads a line on the bottom row after `prompt` (":", "/", "?"). Returns it with the prompt. */
  async getInputLine(prompt: string): Promise<string> {
    let buf = prompt;
    this.lastStatusCksum = 0;
    const show = () => {
      this.screen.clearRow(this.rows - 1);
      const shown = this.printable(buf);
      const col = this.screen.text(this.rows - 1, 0, shown);
      this.screen.cursor = { row: this.rows - 1, col: Math.min(col, this.columns - 1) };
    };
    show();
    while (buf.length < MAX_INPUT_LEN - 1) {
      const c = await this.getOneChar();
      if (c === 10 || c === 13 || c === 27) {
        if (c === 27 && this.vim) buf = '';
        break;
      }
      if (this.isBackspace(c)) {
        buf = buf.slice(0, -1);
        if (buf.length <= 0) {
          show();
          break;
        }
        show();
      } else if (c > 0 && (c >= 0x20 || c === 9 || !this.vim)) {
        buf += String.fromCodePoint(c);
        show();
      }
    }
    if (this.vim) {
      this.vimLeft = buf ? { text: this.printable(buf), attr: 0 } : null;
      this.vimLeftIsCommand = true;
    }
    this.refresh(false);
    return buf;
  }

  isBackspace(c: number): boolean {
    return c === 8 || c === 127 || (this.term.isTty && c === this.sys.tcgetattr(this.term.input).cc.VERASE);
  }

  // ---- the screen --------------------------------------------------------------

  querySize(): boolean {
    const { rows, cols } = this.term.size();
    const r = Math.min(rows, 1024);
    const c = Math.min(cols, 1024);
    if (r === this.rows && c === this.columns) return false;
    this.rows = r;
    this.columns = c;
    this.screen.resize(r, c);
    return true;
  }

  /** Writes what changed on the screen to the terminal. */
  async flush(): Promise<void> {
    this.term.write(this.screen.render());
    await this.term.flush();
  }

  bell(): void {
    this.term.write('\x07');
  }

  indicateError(): void {
    this.cmdError = true;
    if (!this.opts.flash) this.bell();
    // "flash" would invert the screen for a moment; a bell is what a learner gets instead.
    else this.bell();
  }

  /** How a character shows: its cells (control characters as ^X, bad bytes as "."). */
  cells(ch: string): string[] {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c === 0x7f) return ['^', c === 0x7f ? '?' : String.fromCharCode(c + 0x40)];
    if (rawByte(c) >= 0) return ['.'];
    if ((c >= 0x80 && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff)) return ['.'];
    const w = charWidth(c);
    return w === 2 ? [ch, ''] : w === 0 ? [] : [ch];
  }

  /** Text for the bottom line, control characters made visible. */
  printable(s: string): string {
    let out = '';
    for (const ch of s) out += this.cells(ch).join('');
    return out;
  }

  /** The column after character `c` that starts at column `co` (busybox's next_column). */
  nextColumn(c: string, co: number): number {
    if (c === '\t') return co + (this.tabstop - 1 - (co % this.tabstop)) + 1;
    const code = c.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return co + 2;
    return co + Math.max(1, this.cells(c).length);
  }

  /** The column of p in its line. */
  getColumn(p: number): number {
    let co = 0;
    for (let r = this.buf.beginLine(p); r < p; r++) co = this.nextColumn(this.text[r]!, co);
    return co;
  }

  /** Start of the character at column l or the last one before it (busybox's move_to_col). */
  moveToCol(p: number, l: number): number {
    p = this.buf.beginLine(p);
    let co = 0;
    for (;;) {
      if (this.text[p] === '\n') break;
      co = this.nextColumn(this.text[p] ?? '\0', co);
      if (!(co <= l && p++ < this.end)) break;
    }
    return p;
  }

  /** The last character on the screen. */
  endScreen(): number {
    let q = this.screenbegin;
    for (let cnt = 0; cnt < this.rows - 2; cnt++) q = this.buf.nextLine(q);
    return this.buf.endLine(q);
  }

  /** Works out the cursor's row and column for `d`, scrolling when d is off the screen. */
  syncCursor(d: number): void {
    const b = this.buf;
    const begCur = b.beginLine(d);
    if (begCur < this.screenbegin) {
      const cnt = b.countLines(begCur, this.screenbegin);
      this.recenter(begCur, cnt);
    } else {
      let endScr = this.endScreen();
      if (begCur > endScr) {
        const cnt = b.countLines(endScr, begCur);
        if (cnt > (this.rows - 1) / 2) this.recenter(begCur, cnt);
        else {
          for (let ro = 0; ro < cnt - 1; ro++) {
            this.screenbegin = b.nextLine(this.screenbegin);
            endScr = b.endLine(b.nextLine(endScr));
          }
        }
      }
    }
    let tp = this.screenbegin;
    let ro = 0;
    for (; ro < this.rows - 1; ro++) {
      if (tp === begCur) break;
      tp = b.nextLine(tp);
    }
    let co = 0;
    for (;;) {
      if (this.text[tp] === '\n') break;
      const ch = this.text[tp] ?? '\0';
      const next = this.nextColumn(ch, co);
      co = ch === '\t' || this.cells(ch).length !== 2 || tp !== d ? next - 1 : co;
      if (this.cmdMode && tp === d - 1 && this.text[d] === '\t') {
        co++;
        break;
      }
      if (!(tp++ < d)) break;
      co++;
    }
    if (co < this.offset) this.offset = co;
    if (co >= this.columns + this.offset) this.offset = co - this.columns + 1;
    if (d === begCur && this.text[d] === '\t') this.offset = 0;
    this.crow = ro;
    this.ccol = co - this.offset;
  }

  private recenter(begCur: number, cnt: number): void {
    this.screenbegin = begCur;
    if (cnt > (this.rows - 1) / 2) {
      for (let i = 0; i < Math.floor((this.rows - 1) / 2); i++) this.screenbegin = this.buf.prevLine(this.screenbegin);
    }
  }

  /** The cells of the text line starting at `src` ("~" past the end), after the horizontal offset. */
  formatLine(src: number): string[] {
    // Past the end a "~", which a sideways scroll moves off the screen like any text.
    if (src >= this.end) return ['~'].slice(this.offset);
    const cells: string[] = [];
    for (let p = src; p < this.end; p++) {
      const c = this.text[p]!;
      if (c === '\n') break;
      if (c === '\t') {
        let co = cells.length;
        cells.push(' ');
        while (co % this.tabstop !== this.tabstop - 1) {
          cells.push(' ');
          co++;
        }
        continue;
      }
      const shown = this.cells(c);
      if (shown.length === 0) {
        if (cells.length > 0) cells[cells.length - 1] += c;
        continue;
      }
      cells.push(...shown);
      if (cells.length > this.offset + this.columns + this.tabstop) break;
    }
    return cells.slice(this.offset, this.offset + this.columns);
  }

  /** Draws the text rows from the buffer (busybox's refresh). */
  refresh(full: boolean): void {
    if (this.querySize()) full = true;
    if (this.needFull) {
      full = true;
      this.needFull = false;
    }
    if (full) this.screen.invalidate();
    if (this.vim) {
      vimRefresh(this);
      if (!this.keepIndex) this.cindex = this.getColumn(this.dot) + (this.text[this.dot] === '\t' && this.cmdMode === 0 ? this.nextColumn('\t', this.getColumn(this.dot)) - this.getColumn(this.dot) - 1 : 0);
      return;
    }
    this.syncCursor(this.dot);
    let tp = this.screenbegin;
    for (let li = 0; li < this.rows - 1; li++) {
      const cells = this.formatLine(tp);
      this.screen.clearRow(li);
      let col = 0;
      for (const cell of cells) {
        if (cell === '') {
          col++;
          continue;
        }
        col = this.screen.text(li, col, cell);
      }
      if (tp < this.end) {
        const nl = this.text.indexOf('\n', tp);
        tp = (nl < 0 ? this.end - 1 : nl) + 1;
      }
    }
    this.screen.cursor = { row: this.crow, col: this.ccol };
    if (!this.keepIndex) this.cindex = this.ccol + this.offset;
  }

  /** Clears and draws everything. */
  redraw(full: boolean): void {
    this.screen.invalidate();
    this.screen.clearRow(this.rows - 1);
    this.lastStatusCksum = 0;
    this.refresh(full);
    this.showStatusLine();
  }

  // ---- the status line ------------------------------------------------------------

  /** "- file [Modified] 3/10 30%" (busybox's format_edit_status). */
  formatEditStatus(): string {
    const b = this.buf;
    let cur = b.countLines(0, this.dot);
    if (b.modified !== this.lastModifiedCount) {
      this.tot = cur + b.countLines(this.dot, this.end - 1) - 1;
      this.lastModifiedCount = b.modified;
    }
    let tot = this.tot;
    let percent: number;
    if (tot > 0) percent = Math.floor((100 * cur) / tot);
    else {
      cur = tot = 0;
      percent = 100;
    }
    const mode = '-IR-'[this.cmdMode & 3];
    const s = `${mode} ${this.currentFilename ?? 'No file'}${this.readonlyMode ? ' [Readonly]' : ''}${b.modified ? ' [Modified]' : ''} ${cur}/${tot} ${percent}%`;
    return s.slice(0, Math.min(this.columns, 199));
  }

  /** The last line vim shows (set when drawing). */
  lastShownLine = 1;

  /** vim's ruler: "12,5           Top". */
  ruler(): string {
    // An empty buffer is on line 0 for vim.
    if (this.text === '\n') return '0,0-1'.padEnd(14) + 'All';
    const line = this.buf.lineOf(this.dot);
    const bol = this.buf.beginLine(this.dot);
    const empty = this.text[bol] === '\n' || bol >= this.end;
    const col = empty ? '0-1' : this.rulerColumn();
    const above = this.buf.lineOf(this.screenbegin) - 1;
    const below = this.buf.lineCount() - this.lastShownLine;
    let where: string;
    if (below <= 0) where = above === 0 ? 'All' : 'Bot';
    else if (above <= 0) where = 'Top';
    else where = `${Math.floor((above * 100) / (above + below))}%`;
    return `${line},${col}`.padEnd(14) + where;
  }

  private rulerColumn(): string {
    const bol = this.buf.beginLine(this.dot);
    const bytes = byteLength(this.text.slice(bol, this.dot)) + 1;
    const screenCol = this.getColumn(this.dot) + (this.text[this.dot] === '\t' && this.cmdMode === 0 ? this.nextColumn('\t', this.getColumn(this.dot)) - this.getColumn(this.dot) : 1);
    return bytes === screenCol ? String(bytes) : `${bytes}-${screenCol}`;
  }

  /** Shows the pending message or, when something changed, the file status (busybox's show_status_line). */
  showStatusLine(): void {
    if (this.vim) {
      this.showVimStatus();
      return;
    }
    let text = '';
    let cksum = 0;
    if (!this.statusMsg) {
      text = this.formatEditStatus();
      for (let i = 0; i < text.length; i++) cksum += text.charCodeAt(i);
    }
    if (this.statusMsg || (text.length > 0 && this.lastStatusCksum !== cksum)) {
      this.lastStatusCksum = cksum;
      const msg = this.statusMsg;
      this.screen.clearRow(this.rows - 1);
      if (msg) {
        const shown = this.printable(msg.text);
        if (shown.length > this.columns - 1) {
          this.statusMsg = null;
          this.longMessage(shown, msg.bold);
          return;
        }
        this.screen.text(this.rows - 1, 0, shown, msg.bold ? ATTR.reverse : 0);
        this.statusMsg = null;
      } else this.screen.text(this.rows - 1, 0, text);
      this.screen.cursor = { row: this.crow, col: this.ccol };
    }
  }

  /** vim's last line: a message (or the mode, or the command just typed) on the left, the ruler on the right. */
  private showVimStatus(): void {
    const row = this.rows - 1;
    const msg = this.statusMsg;
    if (msg) {
      this.statusMsg = null;
      const shown = this.printable(msg.text);
      if (shown.length > this.columns - 1) {
        this.vimLeft = null;
        this.longMessage(shown, msg.bold);
        return;
      }
      this.vimLeft = { text: shown, attr: msg.bold ? ATTR.reverse : 0 };
      this.vimLeftIsCommand = false;
    } else if (this.cmdMode !== this.shownMode) {
      this.vimLeft = this.cmdMode === 0 ? null : { text: this.cmdMode === 2 ? '-- REPLACE --' : '-- INSERT --', attr: ATTR.bold };
    }
    this.shownMode = this.cmdMode;
    this.screen.clearRow(row);
    let width = 0;
    if (this.vimLeft) width = this.screen.text(row, 0, this.vimLeft.text, this.vimLeft.attr);
    const at = this.columns - 18;
    if (at > width) this.screen.text(row, at, this.ruler());
    this.screen.cursor = { row: this.crow, col: this.ccol };
  }

  /** What vim shows at the left of its last line, until something replaces it. */
  vimLeft: { text: string; attr: number } | null = null;
  /** Whether vimLeft is the command just typed (which a scroll wipes), not a message (which stays). */
  vimLeftIsCommand = false;
  private shownMode = 0;

  /** Clears vim's message line (leaving insert mode after ^C). */
  clearMessageLine(): void {
    this.vimLeft = null;
  }

  /** A message wider than the screen: shown over the bottom rows, then "[Hit return to continue]". */
  private longMessage(shown: string, bold: boolean): void {
    const prompt = this.vim ? 'Press ENTER or type command to continue' : '[Hit return to continue]';
    const lines: { text: string; attr: number }[][] = [];
    let row: { text: string; attr: number }[] = [];
    let width = 0;
    const add = (s: string, attr: number) => {
      for (const ch of s) {
        if (width >= this.columns) {
          lines.push(row);
          row = [];
          width = 0;
        }
        row.push({ text: ch, attr });
        width++;
      }
    };
    add(shown, bold ? ATTR.reverse : 0);
    if (this.vim) {
      lines.push(row);
      row = [];
      width = 0;
    }
    add(prompt, this.vim ? ATTR.bold : ATTR.reverse);
    lines.push(row);
    this.scrollUp(lines.length - 1);
    lines.forEach((cells, i) => {
      const r = this.rows - lines.length + i;
      this.screen.clearRow(r);
      let col = 0;
      for (const cell of cells) col = this.screen.text(r, col, cell.text, cell.attr);
      if (i === lines.length - 1) this.screen.cursor = { row: r, col: Math.min(col, this.columns - 1) };
    });
    this.hitReturnPending = true;
  }

  /** Set when a long message waits for Enter; the main loop then calls hitReturn. */
  hitReturnPending = false;
  /** While a shell command's output is on the terminal, keys are read without repainting over it. */
  suppressRender = false;

  /** Moves the frame up n rows, as a terminal scrolls when text runs off its bottom. */
  private scrollUp(n: number): void {
    if (n <= 0) return;
    const rows: string[] = [];
    for (let r = 0; r < this.rows; r++) rows.push(this.screen.rowText(r));
    for (let r = 0; r < this.rows; r++) {
      this.screen.clearRow(r);
      const src = rows[r + n];
      if (src !== undefined && r < this.rows - 1) this.screen.text(r, 0, src);
    }
  }

  /** Waits for Enter, then repaints everything (busybox's Hit_Return). */
  async hitReturn(): Promise<void> {
    this.hitReturnPending = false;
    try {
      for (;;) {
        const c = await this.getOneChar();
        if (c === 10 || c === 13) break;
        if (this.vim) break;
      }
    } finally {
      this.suppressRender = false;
    }
    this.redraw(true);
  }

  status(text: string): void {
    this.statusMsg = { text, bold: false };
  }

  /**
   * A message about a file ("notes.txt" 3L, 20B written). vim cuts these
   * to fit left of the showcmd and ruler columns, with "<" where it cut.
   */
  fileMessage(text: string): void {
    const room = this.columns - 29;
    if (this.vim && room > 1 && text.length > room) text = '<' + text.slice(text.length - room + 1);
    this.status(text);
  }

  statusBold(text: string): void {
    this.statusMsg = { text, bold: true };
  }

  /** "'file' Permission denied". */
  statusErrno(fn: string, err: unknown): void {
    this.statusBold(`'${fn}' ${errorText(err)}`);
  }

  forceStatus(): void {
    this.lastStatusCksum = 0;
  }

  // ---- text ----------------------------------------------------------------------

  /** Keeps p inside the text, complaining when it had to move it. */
  boundDot(p: number): number {
    if (p >= this.end && this.end > 0) {
      p = this.end - 1;
      this.indicateError();
    }
    if (p < 0) {
      p = 0;
      this.indicateError();
    }
    return p;
  }

  dotLeft(): void {
    this.buf.commit();
    if (this.dot > 0 && this.text[this.dot - 1] !== '\n') this.dot--;
  }

  dotRight(): void {
    this.buf.commit();
    if (this.dot < this.end - 1 && this.text[this.dot] !== '\n') this.dot++;
  }

  dotBegin(): void {
    this.buf.commit();
    this.dot = this.buf.beginLine(this.dot);
  }

  dotEnd(): void {
    this.buf.commit();
    this.dot = this.buf.endLine(this.dot);
  }

  dotNext(): void {
    this.buf.commit();
    this.dot = this.buf.nextLine(this.dot);
  }

  dotPrev(): void {
    this.buf.commit();
    this.dot = this.buf.prevLine(this.dot);
  }

  dotSkipOverWs(): void {
    while (isspace(this.at(this.dot)) && this.text[this.dot] !== '\n' && this.dot < this.end - 1) this.dot++;
  }

  dotScroll(cnt: number, dir: number): void {
    this.buf.commit();
    for (; cnt > 0; cnt--) this.screenbegin = dir < 0 ? this.buf.prevLine(this.screenbegin) : this.buf.nextLine(this.screenbegin);
    if (this.dot < this.screenbegin) this.dot = this.screenbegin;
    const q = this.endScreen();
    if (this.dot > q) this.dot = this.buf.beginLine(q);
    this.dotSkipOverWs();
  }

  /** Copies p..q into the current register. */
  textYank(p: number, q: number, dest: number, type: number): number {
    if (q < p) [p, q] = [q, p];
    this.reg[dest] = this.text.slice(p, q + 1);
    this.regtype[dest] = type;
    this.yankSerial++;
    return p;
  }

  /** When the text last changed (for vim's "1 change; before #2  3 seconds ago"). */
  lastChangeTime = 0;

  /** Counts yanks, so a command can tell whether it yanked anything. */
  yankSerial = 0;

  /** The register's letter for messages. */
  whatReg(): string {
    if (this.YDreg <= 25) return String.fromCharCode(0x61 + this.YDreg);
    return this.YDreg === REG_U ? 'U' : 'D';
  }

  /** Yanks start..stop and (for YANKDEL) deletes it. */
  yankDelete(start: number, stop: number, type: number, del: boolean, allow: number): number {
    if (start > stop) [start, stop] = [stop, start];
    if (type === PARTIAL && this.text[start] === '\n') return start;
    let p = start;
    this.textYank(start, stop, this.YDreg, type);
    if (del) p = this.buf.remove(start, stop, allow as 0);
    return p;
  }

  /** Inserts s at p; returns p. */
  stringInsert(p: number, s: string, allow: number): number {
    return this.buf.insert(p, s, allow as 0);
  }

  /** Line count and character count of a piece of text, busybox style. */
  yankStatus(op: string, p: string, cnt: number): void {
    let lines = 0;
    for (const ch of p) if (ch === '\n') lines++;
    if (this.vim) {
      this.vimYankStatus(op, lines * cnt, p.length * cnt);
      return;
    }
    this.status(`${op} ${lines * cnt} lines (${byteLength(p) * cnt} chars) from [${this.whatReg()}]`);
  }

  private vimYankStatus(op: string, lines: number, _chars: number): void {
    // vim reports only changes of more than 'report' (2) lines.
    if (lines <= 2) return;
    if (op === 'Yank') this.status(`${lines} lines yanked`);
    else if (op === 'Delete') this.status(`${lines} fewer lines`);
    else if (op === 'Put') this.status(`${lines} more lines`);
  }

  checkContext(cmd: number): void {
    if (':%{}\'GHLMz/?Nn'.includes(String.fromCharCode(cmd))) {
      this.mark[27] = this.mark[26] ?? null;
      this.mark[26] = this.dot;
    }
  }

  swapContext(p: number): number {
    const prev = this.mark[27] ?? null;
    if (prev !== null && prev >= 0 && prev <= this.end - 1) {
      this.mark[27] = p;
      this.mark[26] = p = prev;
    }
    return p;
  }

  // ---- files -------------------------------------------------------------------------

  /**
   * Reads `fn` into the text at p. Returns its size, or -1 (busybox's
   * file_insert). `initial` also marks an unwritable file read-only.
   */
  async fileInsert(fn: string, p: number, initial: boolean): Promise<number> {
    const sys = this.sys;
    p = Math.max(0, Math.min(p, this.end));
    let fd: number;
    try {
      fd = sys.open(fn, 'r');
    } catch (err) {
      if (isProcessControl(err)) throw err;
      if (!initial) this.statusErrno(fn, err);
      return -1;
    }
    let cnt = -1;
    let mode: number | null = null;
    try {
      const st = sys.fstat(fd);
      mode = st.mode;
      if ((st.mode & 0o170000) !== 0o100000) {
        this.statusBold(`'${fn}' is not a regular file`);
      } else {
        const parts: Uint8Array[] = [];
        let size = 0;
        for (;;) {
          const d = await sys.read(fd, 65536);
          if (d.length === 0) break;
          parts.push(d);
          size += d.length;
        }
        const all = new Uint8Array(size);
        let at = 0;
        for (const d of parts) {
          all.set(d, at);
          at += d.length;
        }
        const s = decodeText(all);
        this.buf.insert(p, s, ALLOW.UNDO);
        cnt = size;
        this.lastInsertedChars = s.length;
      }
    } catch (err) {
      if (isProcessControl(err)) throw err;
      this.statusErrno(fn, err);
    } finally {
      sys.close(fd);
    }
    if (initial) this.markReadonly(fn, mode);
    return cnt;
  }

  /** Characters (not bytes) the last fileInsert added. */
  lastInsertedChars = 0;

  private markReadonly(fn: string, mode: number | null): void {
    let writable = true;
    try {
      this.sys.access(fn, 2);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      writable = false;
    }
    if (!writable || (mode !== null && (mode & 0o222) === 0)) this.readonlyMode |= 1;
  }

  /** Writes first..last to fn. Returns bytes written, -1 on error (in `writeError`), -2 without a name. */
  async fileWrite(fn: string | null, first: number, last: number): Promise<number> {
    if (fn === null) {
      this.statusBold(this.vim ? 'E32: No file name' : 'No current filename');
      return -2;
    }
    let piece = this.text.slice(first, last + 1);
    // vim ('fixendofline') ends a whole file it writes with a newline.
    if (this.vim && last === this.end - 1 && !piece.endsWith('\n')) piece += '\n';
    const data = encodeText(piece);
    let fd: number;
    try {
      fd = this.sys.open(fn, { read: false, write: true, create: true }, 0o666);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      this.writeError = err;
      return -1;
    }
    try {
      await this.sys.write(fd, data);
      this.sys.ftruncate(fd, data.length);
      return data.length;
    } catch (err) {
      if (isProcessControl(err)) throw err;
      this.writeError = err;
      return 0;
    } finally {
      this.sys.close(fd);
    }
  }

  writeError: unknown = null;

  /** How many bytes fileWrite(first, last) writes. */
  writeSize(first: number, last: number): number {
    const piece = this.text.slice(first, last + 1);
    return byteLength(piece) + (this.vim && last === this.end - 1 && !piece.endsWith('\n') ? 1 : 0);
  }

  /** Sets the file name; the old one becomes the alternate (":e #"). */
  updateFilename(fn: string | null): void {
    if (fn === null) return;
    if (this.currentFilename === null || fn !== this.currentFilename) {
      this.altFilename = this.currentFilename;
      this.currentFilename = fn;
    }
  }

  initFilename(fn: string): void {
    if (this.currentFilename === null) this.currentFilename = fn;
    else this.altFilename = fn;
  }

  /** Loads fn (or an empty buffer) as the text to edit. Returns its size or -1. */
  async initTextBuffer(fn: string | null): Promise<number> {
    this.buf.reset('');
    this.screenbegin = this.dot = 0;
    this.updateFilename(fn);
    let rc = -1;
    if (fn !== null) rc = await this.fileInsert(fn, 0, true);
    if (rc < 0) this.buf.insert(0, '\n', ALLOW.NO);
    this.buf.reset(this.buf.text);
    this.lastModifiedCount = -1;
    this.mark.fill(null);
    return rc;
  }
}

export const isspace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
export const isblank = (c: string): boolean => c === ' ' || c === '\t';
export const isdigit = (c: string): boolean => c >= '0' && c <= '9';
/** Letters and digits; characters beyond ASCII count as letters, so words in any script move as words. */
export const isalnum = (c: string): boolean => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '\u00a0' && rawByte(c.charCodeAt(0)) < 0);
export const isalpha = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
/** C's ispunct in the C locale: printable ASCII that is not a letter, digit or space. */
export const ispunct = (c: string): boolean => c > ' ' && c < '\x7f' && !isalnum(c);

export function errorText(err: unknown): string {
  if (isProcessControl(err)) throw err;
  if (err instanceof FsError) return strerror(err.code);
  return err instanceof Error ? err.message : String(err);
}
