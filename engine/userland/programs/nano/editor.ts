/**
 * GNU nano's screen and keys: the title bar, the text, the status bar that
 * says "[ Read 3 lines ]" or asks "File Name to Write:", and the shortcut
 * rows. Keys are nano's: ^O writes, ^X exits (asking "Save modified
 * buffer?"), ^K cuts a line and ^U pastes it, ^W searches, ^\ replaces, ^C
 * shows where the cursor is, M-U undoes.
 */
import { isProcessControl, type Sys } from '../../../kernel/sys.ts';
import { FsError, strerror } from '../../../fs/errno.ts';
import { alt, altChar, isAlt, KEY } from '../../tui/keys.ts';
import { ATTR, Screen } from '../../tui/screen.ts';
import type { Terminal } from '../../tui/terminal.ts';
import { charWidth, decodeText, encodeText, rawByte, textWidth } from '../../tui/text.ts';
import { charAt, charBefore, NanoBuffer, type ChangeKind, type Position } from './buffer.ts';
import { exitNano, execute, findNext, gotoLine, help, insertFile, justify, replace, whereIs, writeOut } from './commands.ts';
import { drawMenu, drawYesNo, MAIN, type Menu } from './menus.ts';

export interface NanoSettings {
  version: string;
  stateflags: boolean;
  linenumbers: boolean;
  constantshow: boolean;
  autoindent: boolean;
  tabstospaces: boolean;
  nohelp: boolean;
  tabsize: number;
  view: boolean;
}

const ctrl = (c: string) => c.charCodeAt(0) & 0x1f;


export class Nano {
  readonly buf = new NanoBuffer();
  readonly screen: Screen;
  filename = '';
  edittop = 0;
  placewewant = 0;
  message: { text: string; attr: number } | null = null;
  countdown = 0;
  cutbuffer: string | null = null;
  keepCutbuffer = false;
  mark: Position | null = null;
  lastSearch = '';
  caseSensitive = false;
  regexp = false;
  backwards = false;
  /** While a prompt is open: its text, answer and cursor. */
  promptState: { text: string; answer: string; x: number } | null = null;
  yesnoState: { text: string; all: boolean } | null = null;
  menu: Menu = MAIN;
  /** A stretch to show in reverse while asking "Replace this instance?". */
  spotlight: { line: number; from: number; to: number } | null = null;
  unwritable = false;

  constructor(
    readonly sys: Sys,
    readonly term: Terminal,
    readonly settings: NanoSettings,
  ) {
    const { rows, cols } = term.size();
    this.screen = new Screen(rows, cols);
  }

  get rows(): number {
    return this.screen.rows;
  }

  get cols(): number {
    return this.screen.cols;
  }

  /** Rows of text between the title bar and the status bar. */
  get editRows(): number {
    return Math.max(1, this.rows - (this.settings.nohelp ? 2 : 4));
  }

  statusRow(): number {
    return this.rows - (this.settings.nohelp ? 1 : 3);
  }

  /** Puts the cursor on line `line` (from 1; negative counts from the end) and column `column` (+LINE,COLUMN). */
  goto(line: number, column: number): void {
    const b = this.buf;
    if (line < 0) line = b.lines.length + line + 1;
    b.cursor.line = Math.max(0, Math.min(b.lines.length - 1, (line || 1) - 1));
    b.cursor.x = this.indexOfColumn(b.line, Math.max(0, column - 1));
    this.placewewant = this.columnOf(b.line, b.cursor.x);
  }

  // ---- files ---------------------------------------------------------------------

  async open(path: string | null): Promise<void> {
    if (path === null || path === '') {
      this.buf.load('');
      return;
    }
    this.filename = path;
    const sys = this.sys;
    let fd: number;
    try {
      fd = sys.open(path, 'r');
    } catch (err) {
      if (isProcessControl(err)) throw err;
      this.buf.load('');
      if (err instanceof FsError && err.code === 'ENOENT') {
        const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.';
        if (!this.exists(dir)) this.statusbar(`Directory '${dir}' does not exist`);
        else this.statusbar('New File');
        return;
      }
      this.filename = '';
      this.statusbar(`Error reading ${path}: ${errText(err)}`);
      return;
    }
    try {
      const st = sys.fstat(fd);
      if ((st.mode & 0o170000) === 0o040000) {
        this.filename = '';
        this.buf.load('');
        this.statusbar(`"${path}" is a directory`);
        return;
      }
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
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      const text = decodeText(all);
      this.buf.load(text);
      this.magicLine();
      const lines = this.countLines();
      try {
        sys.access(path, 2);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        this.unwritable = true;
      }
      if (this.unwritable) this.statusbar(`File '${path}' is unwritable`);
      else this.statusbar(`Read ${lines} line${lines === 1 ? '' : 's'}`);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      this.statusbar(`Error reading ${path}: ${errText(err)}`);
    } finally {
      sys.close(fd);
    }
  }

  exists(path: string): boolean {
    try {
      this.sys.stat(path);
      return true;
    } catch (err) {
      if (isProcessControl(err)) throw err;
      return false;
    }
  }

  /** Lines of the file, not counting the empty line after the last newline. */
  countLines(): number {
    const n = this.buf.lines.length;
    return this.buf.lines[n - 1] === '' ? n - 1 : n;
  }

  /** nano keeps an empty line after the last one, so a saved file ends with a newline. */
  magicLine(): void {
    if (this.buf.lines[this.buf.lines.length - 1] !== '') this.buf.lines.push('');
  }

  /** Writes the buffer to `name`; returns whether it worked. */
  async writeFile(name: string): Promise<boolean> {
    const data = encodeText(this.buf.text());
    try {
      const fd = this.sys.open(name, { read: false, write: true, create: true, truncate: true }, 0o666);
      try {
        await this.sys.write(fd, data);
      } finally {
        this.sys.close(fd);
      }
    } catch (err) {
      if (isProcessControl(err)) throw err;
      this.statusbar(`Error writing ${name}: ${errText(err)}`, true);
      return false;
    }
    this.filename = name;
    this.buf.modified = false;
    this.unwritable = false;
    const lines = this.countLines();
    this.statusbar(`Wrote ${lines} line${lines === 1 ? '' : 's'}`);
    return true;
  }

  // ---- messages ------------------------------------------------------------------

  /** A message on the status bar, in brackets and reverse video; it goes away after 20 keys. */
  statusbar(text: string, alert = false): void {
    this.message = { text, attr: ATTR.reverse };
    this.countdown = 20;
    if (alert) this.term.write('\x07');
  }

  wipe(): void {
    this.message = null;
    this.countdown = 0;
  }

  // ---- drawing -------------------------------------------------------------------

  draw(): void {
    const s = this.screen;
    s.clear();
    this.drawTitle();
    this.adjustView();
    const rows = this.editRows;
    for (let r = 0; r < rows; r++) this.drawLine(1 + r, this.edittop + r);
    const srow = this.statusRow();
    if (this.promptState) {
      s.clearRow(srow, ATTR.reverse);
      const { text, answer, x } = this.promptState;
      const start = s.text(srow, 0, text, ATTR.reverse);
      s.text(srow, start, answer, ATTR.reverse);
      s.cursor = { row: srow, col: Math.min(this.cols - 1, start + textWidth(answer.slice(0, x))) };
    } else if (this.yesnoState) {
      s.clearRow(srow, ATTR.reverse);
      const col = s.text(srow, 0, this.yesnoState.text, ATTR.reverse);
      // When replacing, the match in the text is what to look at: the cursor is hidden.
      s.cursor = { row: srow, col: Math.min(this.cols - 1, col + (this.yesnoState.all ? 0 : 1)) };
      s.cursorVisible = !this.yesnoState.all;
    } else if (this.message) {
      const text = `[ ${this.message.text} ]`;
      const w = textWidth(text);
      s.text(srow, Math.max(0, Math.floor((this.cols - w) / 2)), text, this.message.attr);
    } else if (this.settings.constantshow) s.text(srow, 0, this.locationText(), 0);
    if (!this.settings.nohelp) {
      if (this.yesnoState) drawYesNo(s, this.yesnoState.all);
      else drawMenu(s, this.menu);
    }
    if (!this.promptState && !this.yesnoState) {
      s.cursor = this.cursorCell();
      s.cursorVisible = true;
    }
  }

  drawTitle(): void {
    const s = this.screen;
    const cols = this.cols;
    s.clearRow(0, ATTR.reverse);
    const upperleft = `GNU nano ${this.settings.version}`;
    const path = this.filename || 'New Buffer';
    let state = '';
    let pluglen = 0;
    if (this.settings.view) state = 'View';
    else if (this.settings.stateflags) state = '+.xxxxx';
    else if (this.buf.modified) state = 'Modified';
    else pluglen = 'Modified'.length + 1;
    let verlen = textWidth(upperleft) + 3;
    let pathlen = textWidth(path);
    let statelen = textWidth(state) + 2;
    if (statelen > 2) pathlen++;
    if (verlen + pathlen + pluglen + statelen <= cols) s.text(0, 2, upperleft, ATTR.reverse);
    else {
      verlen = 2;
      if (verlen + pathlen + pluglen + statelen > cols) pluglen = 0;
      if (verlen + pathlen + pluglen + statelen > cols) {
        verlen = 0;
        statelen -= 2;
      }
    }
    const offset = verlen > 0 ? verlen + Math.floor((cols - (verlen + pluglen + statelen) - pathlen) / 2) : 0;
    let col = offset;
    if (pathlen + pluglen + statelen <= cols) col = s.text(0, offset, path, ATTR.reverse);
    else if (5 + statelen <= cols) {
      const keep = [...path].slice(-(cols - statelen - 3 - 1)).join('');
      col = s.text(0, offset, '...' + keep, ATTR.reverse);
    }
    if (state && this.settings.stateflags && !this.settings.view) {
      if (this.buf.modified) s.text(0, col, ' *', ATTR.reverse);
      if (statelen < cols) {
        const flags = (this.settings.autoindent ? 'I' : ' ') + (this.mark ? 'M' : ' ') + '   ';
        s.text(0, cols + 2 - statelen, flags, ATTR.reverse);
      }
    } else if (statelen > 0 && statelen <= cols) s.text(0, cols - statelen, state, ATTR.reverse);
  }

  /** Display column of position x in a line (tabs to the tab size, ^X for control characters). */
  columnOf(line: string, x: number): number {
    let col = 0;
    for (let i = 0; i < x && i < line.length; ) {
      const n = charAt(line, i);
      col += this.cellWidth(line.slice(i, i + n), col);
      i += n;
    }
    return col;
  }

  cellWidth(ch: string, col: number): number {
    if (ch === '\t') return this.settings.tabsize - (col % this.settings.tabsize);
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c === 0x7f) return 2;
    if (rawByte(c) >= 0) return 1;
    return charWidth(c) || 1;
  }

  /** The index in `line` nearest to display column `col` (for up/down). */
  indexOfColumn(line: string, want: number): number {
    let col = 0;
    let i = 0;
    while (i < line.length) {
      const n = charAt(line, i);
      const w = this.cellWidth(line.slice(i, i + n), col);
      if (col + w > want) break;
      col += w;
      i += n;
    }
    return i;
  }

  margin(): number {
    return this.settings.linenumbers ? String(this.buf.lines.length).length + 1 : 0;
  }

  get textCols(): number {
    return this.cols - this.margin();
  }

  /** nano's get_page_start: where the shown part of a long line begins. */
  pageStart(column: number): number {
    const cols = this.textCols;
    if (column === 0 || column + 2 < cols) return 0;
    if (cols > 8) return column - 6 - ((column - 6) % (cols - 8));
    return column - (cols - 2);
  }

  drawLine(row: number, index: number): void {
    const s = this.screen;
    const line = this.buf.lines[index];
    if (line === undefined) return;
    let col = 0;
    if (this.settings.linenumbers) col = s.text(row, 0, String(index + 1).padStart(this.margin() - 1) + ' ');
    const base = col;
    const cur = this.buf.cursor;
    const leftedge = index === cur.line ? this.pageStart(this.columnOf(line, cur.x)) : 0;
    const width = this.textCols;
    let vcol = 0;
    let i = 0;
    const region = this.regionOn(index);
    const shownEnd = leftedge + width;
    let more = false;
    while (i < line.length) {
      const n = charAt(line, i);
      const ch = line.slice(i, i + n);
      const w = this.cellWidth(ch, vcol);
      if (vcol + w > shownEnd) {
        more = true;
        break;
      }
      const lit = (region && i >= region[0] && i < region[1]) || (this.spotlight && this.spotlight.line === index && i >= this.spotlight.from && i < this.spotlight.to);
      const attr = lit ? ATTR.reverse : 0;
      if (vcol + w > leftedge) {
        const at = base + Math.max(0, vcol - leftedge);
        const c = ch.codePointAt(0)!;
        let shown: string;
        if (ch === '\t') shown = ' '.repeat(Math.min(w, vcol + w - leftedge));
        else if (c < 0x20 || c === 0x7f) shown = '^' + (c === 0x7f ? '?' : String.fromCharCode(c + 0x40));
        else if (rawByte(c) >= 0) shown = '\ufffd';
        else shown = ch;
        s.text(row, at, shown, attr);
      }
      vcol += w;
      i += n;
    }
    if (leftedge > 0) s.text(row, base, '<');
    if (more || vcol > shownEnd) s.text(row, this.cols - 1, '>');
  }

  /** The part of line `index` inside the marked region, as [from, to) indices. */
  regionOn(index: number): [number, number] | null {
    if (!this.mark) return null;
    const a = this.mark;
    const b = this.buf.cursor;
    const [from, to] = a.line < b.line || (a.line === b.line && a.x <= b.x) ? [a, b] : [b, a];
    if (index < from.line || index > to.line) return null;
    const start = index === from.line ? from.x : 0;
    const end = index === to.line ? to.x : (this.buf.lines[index]?.length ?? 0) + 1;
    return [start, end];
  }

  cursorCell(): { row: number; col: number } {
    const cur = this.buf.cursor;
    const line = this.buf.line;
    const col = this.columnOf(line, cur.x);
    return { row: 1 + cur.line - this.edittop, col: Math.min(this.cols - 1, this.margin() + col - this.pageStart(col)) };
  }

  /** Scrolls so the cursor's line is in the edit window, one line at a time (nano's smooth scrolling). */
  adjustView(): void {
    const line = this.buf.cursor.line;
    if (line < this.edittop) this.edittop = line;
    else if (line >= this.edittop + this.editRows) this.edittop = line - this.editRows + 1;
    if (this.edittop < 0) this.edittop = 0;
  }

  async paint(): Promise<void> {
    this.draw();
    this.term.write(this.screen.render());
    await this.term.flush();
  }

  resize(): void {
    const { rows, cols } = this.term.size();
    this.screen.resize(rows, cols);
  }

  // ---- reading keys ------------------------------------------------------------------

  async key(): Promise<number> {
    for (;;) {
      await this.paint();
      const k = await this.term.key();
      if (k === KEY.RESIZE) {
        this.resize();
        continue;
      }
      if (k === KEY.SUSPEND) {
        await this.suspend();
        continue;
      }
      if (k === KEY.EOF) throw new Exit();
      // ESC ESC letter is Ctrl+letter, as nano reads it.
      if (k === 27) {
        const next = await this.term.key();
        if (next >= 0x40 && next < 0x80) return next & 0x1f;
        if (isAlt(next)) return altChar(next) & 0x1f;
        if (next >= 0x20 && next < 0x7f) return alt(next);
        continue;
      }
      return k;
    }
  }

  async suspend(): Promise<void> {
    await this.term.suspend(`\x1b[${this.rows};1H\x1b[K\x1b[?1049l`);
    this.term.write('\x1b[?1049h');
    this.resize();
  }

  /** A line of input on the status bar; null when cancelled with ^C. `extra` handles menu keys (M-C…). */
  async prompt(text: string, menu: Menu, initial = '', extra?: (key: number) => string | void): Promise<string | null> {
    const saveMenu = this.menu;
    this.menu = menu;
    this.wipe();
    const state = { text: typeof text === 'string' ? text : '', answer: initial, x: initial.length };
    this.promptState = state;
    try {
      for (;;) {
        const k = await this.key();
        if (k === 13 || k === 10) return state.answer;
        if (k === ctrl('C')) return null;
        if (extra && k !== 8 && k !== 0x7f) {
          const changed = extra(k);
          if (typeof changed === 'string') {
            state.text = changed;
            continue;
          }
        }
        const a = state.answer;
        if (k === 0x7f || k === 8) {
          if (state.x > 0) {
            const n = charBefore(a, state.x);
            state.answer = a.slice(0, state.x - n) + a.slice(state.x);
            state.x -= n;
          }
        } else if (k === KEY.DELETE || k === ctrl('D')) {
          if (state.x < a.length) state.answer = a.slice(0, state.x) + a.slice(state.x + charAt(a, state.x));
        } else if (k === KEY.LEFT || k === ctrl('B')) {
          if (state.x > 0) state.x -= charBefore(a, state.x);
        } else if (k === KEY.RIGHT || k === ctrl('F')) {
          if (state.x < a.length) state.x += charAt(a, state.x);
        } else if (k === KEY.HOME || k === ctrl('A')) state.x = 0;
        else if (k === KEY.END || k === ctrl('E')) state.x = a.length;
        else if (k === ctrl('K')) {
          state.answer = '';
          state.x = 0;
        } else if (k >= 0x20 && !isAlt(k) || k === 9) {
          const ch = String.fromCodePoint(k);
          state.answer = a.slice(0, state.x) + ch + a.slice(state.x);
          state.x += ch.length;
        }
      }
    } finally {
      this.promptState = null;
      this.menu = saveMenu;
    }
  }

  /** Y, N (and A with `all`) or ^C (null). */
  async yesno(text: string, all = false): Promise<'y' | 'n' | 'a' | null> {
    this.wipe();
    this.yesnoState = { text, all };
    try {
      for (;;) {
        const k = await this.key();
        const c = k >= 0 && !isAlt(k) ? String.fromCodePoint(k).toLowerCase() : '';
        if (c === 'y') return 'y';
        if (c === 'n') return 'n';
        if (all && c === 'a') return 'a';
        if (k === ctrl('C')) return null;
      }
    } finally {
      this.yesnoState = null;
    }
  }

  // ---- the main loop -------------------------------------------------------------------

  async run(): Promise<number> {
    try {
      for (;;) {
        const k = await this.key();
        if (this.countdown > 0 && --this.countdown === 0) this.message = null;
        const wasCut = k === ctrl('K');
        await this.dispatch(k);
        if (!wasCut) this.keepCutbuffer = false;
      }
    } catch (err) {
      if (err instanceof Exit) return 0;
      throw err;
    }
  }

  change(kind: ChangeKind): boolean {
    if (this.settings.view) {
      this.statusbar('Key is invalid in view mode', true);
      return false;
    }
    this.buf.change(kind);
    return true;
  }

  async dispatch(k: number): Promise<void> {
    const b = this.buf;
    const cur = b.cursor;
    const moveKeys = new Set<number>([KEY.LEFT, KEY.RIGHT, KEY.UP, KEY.DOWN, KEY.HOME, KEY.END, KEY.PAGEUP, KEY.PAGEDOWN]);
    if (moveKeys.has(k)) b.breakStep();
    // Since nano 8.0 (Alpine 3.20's), ^F and ^B search forward and backward, M-F and M-B repeat.
    if (parseInt(this.settings.version, 10) >= 8) {
      if (k === ctrl('F') || k === ctrl('B')) {
        this.backwards = k === ctrl('B');
        await whereIs(this);
        return;
      }
      if (k === alt('f') || k === alt('F') || k === alt('b') || k === alt('B')) {
        findNext(this, k === alt('b') || k === alt('B'));
        return;
      }
    }
    switch (k) {
      case KEY.LEFT:
      case ctrl('B'):
        if (cur.x > 0) cur.x -= charBefore(b.line, cur.x);
        else if (cur.line > 0) {
          cur.line--;
          cur.x = b.line.length;
        }
        this.placewewant = this.columnOf(b.line, cur.x);
        return;
      case KEY.RIGHT:
      case ctrl('F'):
        if (cur.x < b.line.length) cur.x += charAt(b.line, cur.x);
        else if (cur.line < b.lines.length - 1) {
          cur.line++;
          cur.x = 0;
        }
        this.placewewant = this.columnOf(b.line, cur.x);
        return;
      case KEY.UP:
      case ctrl('P'):
        if (cur.line > 0) {
          cur.line--;
          cur.x = this.indexOfColumn(b.line, this.placewewant);
        }
        return;
      case KEY.DOWN:
      case ctrl('N'):
        if (cur.line < b.lines.length - 1) {
          cur.line++;
          cur.x = this.indexOfColumn(b.line, this.placewewant);
        }
        return;
      case KEY.HOME:
      case ctrl('A'):
        cur.x = 0;
        this.placewewant = 0;
        return;
      case KEY.END:
      case ctrl('E'):
        cur.x = b.line.length;
        this.placewewant = this.columnOf(b.line, cur.x);
        return;
      case KEY.PAGEUP:
      case ctrl('Y'):
        this.page(-1);
        return;
      case KEY.PAGEDOWN:
      case ctrl('V'):
        this.page(1);
        return;
      case KEY.CTRL_HOME:
      case alt('\\'):
        b.cursor = { line: 0, x: 0 };
        this.placewewant = 0;
        return;
      case KEY.CTRL_END:
      case alt('/'):
        b.cursor = { line: b.lines.length - 1, x: b.lines[b.lines.length - 1]!.length };
        this.placewewant = this.columnOf(b.line, b.cursor.x);
        return;
      case KEY.CTRL_RIGHT:
        this.word(1);
        return;
      case KEY.CTRL_LEFT:
        this.word(-1);
        return;
      case 13:
      case 10:
        if (!this.change('enter')) return;
        this.enter();
        return;
      case 0x7f:
      case 8:
        if (this.mark) {
          this.cutRegion(false);
          return;
        }
        if (cur.x === 0 && cur.line === 0) return;
        if (!this.change('backspace')) return;
        b.backspace();
        this.placewewant = this.columnOf(b.line, b.cursor.x);
        return;
      case KEY.DELETE:
      case ctrl('D'):
        if (this.mark) {
          this.cutRegion(false);
          return;
        }
        if (cur.x >= b.line.length && cur.line >= b.lines.length - 1) return;
        if (!this.change('delete')) return;
        b.deleteChar();
        this.magicLine();
        return;
      case 9:
        if (!this.change('type')) return;
        b.insert(this.settings.tabstospaces ? ' '.repeat(this.settings.tabsize - (this.columnOf(b.line, cur.x) % this.settings.tabsize)) : '\t');
        this.magicLine();
        this.placewewant = this.columnOf(b.line, b.cursor.x);
        return;
      case ctrl('G'):
      case KEY.F1:
        await help(this);
        return;
      case ctrl('X'):
      case KEY.F1 - 1:
        await exitNano(this);
        return;
      case ctrl('O'):
      case KEY.F1 - 2:
        await writeOut(this, false);
        return;
      case ctrl('S'):
        await writeOut(this, true);
        return;
      case ctrl('R'):
      case KEY.INSERT:
        await insertFile(this);
        return;
      case ctrl('W'):
      case KEY.F1 - 5:
        await whereIs(this);
        return;
      case ctrl('\\'):
      case alt('r'):
      case alt('R'):
        await replace(this);
        return;
      case alt('w'):
      case alt('W'):
        findNext(this, false);
        return;
      case alt('q'):
      case alt('Q'):
        findNext(this, true);
        return;
      case ctrl('K'):
      case KEY.F1 - 8:
        this.cut();
        return;
      case ctrl('U'):
      case KEY.F1 - 9:
        this.paste();
        return;
      case alt('6'):
      case alt('^'):
        this.copy();
        return;
      case alt('a'):
      case alt('A'):
      case 0x1e /* ^6 */:
        if (this.mark) {
          this.mark = null;
          this.statusbar('Mark Unset');
        } else {
          this.mark = { ...cur };
          this.statusbar('Mark Set');
        }
        return;
      case ctrl('T'):
        await execute(this);
        return;
      case ctrl('J'):
      case KEY.F1 - 3:
        justify(this);
        return;
      case ctrl('C'):
      case KEY.F1 - 10:
        this.statusbar(this.locationText().replace(/^\[ | \]$/g, ''));
        this.message!.attr = 0;
        return;
      case 0x1f /* ^_ and ^/ */:
      case alt('g'):
      case alt('G'):
        await gotoLine(this);
        return;
      case alt('u'):
      case alt('U'):
      {
        const kind = b.undo();
        this.statusbar(kind ? `Undid ${kindName(kind)}` : 'Nothing to undo');
        this.magicLine();
        return;
      }
      case alt('e'):
      case alt('E'): {
        const kind = b.redo();
        this.statusbar(kind ? `Redid ${kindName(kind)}` : 'Nothing to redo');
        return;
      }
      case ctrl('L'):
        this.screen.invalidate();
        return;
      case ctrl('Z'):
        await this.suspend();
        return;
      case ctrl('Q'):
      case alt(']'):
        return;
    }
    if (k >= 0x20 && !isAlt(k) && k !== 0x7f) {
      if (!this.change('type')) return;
      const ch = String.fromCodePoint(k);
      b.insert(ch);
      this.magicLine();
      this.placewewant = this.columnOf(b.line, b.cursor.x);
      return;
    }
    if (k < 0 || isAlt(k) || k < 0x20) this.statusbar(`Unbound key${isAlt(k) ? ': M-' + String.fromCodePoint(altChar(k)).toUpperCase() : k < 0x20 && k >= 0 ? ': ^' + String.fromCharCode(k + 0x40) : ''}`, true);
  }

  enter(): void {
    const b = this.buf;
    let indent = '';
    if (this.settings.autoindent) indent = /^[ \t]*/.exec(b.line.slice(0, b.cursor.x))![0];
    b.insert('\n' + indent);
    this.placewewant = this.columnOf(b.line, b.cursor.x);
  }

  page(dir: number): void {
    const b = this.buf;
    const step = Math.max(1, this.editRows - 2);
    const row = b.cursor.line - this.edittop;
    this.edittop = Math.max(0, Math.min(b.lines.length - 1, this.edittop + dir * step));
    b.cursor.line = Math.max(0, Math.min(b.lines.length - 1, b.cursor.line + dir * step));
    if (dir < 0 && this.edittop === 0 && b.cursor.line < row) b.cursor.line = Math.max(0, b.cursor.line);
    b.cursor.x = this.indexOfColumn(b.line, this.placewewant);
  }

  word(dir: number): void {
    const b = this.buf;
    const cur = b.cursor;
    const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
    if (dir > 0) {
      let { line, x } = cur;
      while (isWord(b.lines[line]![x])) x++;
      for (;;) {
        const l = b.lines[line]!;
        while (x < l.length && !isWord(l[x])) x++;
        if (x < l.length || line >= b.lines.length - 1) break;
        line++;
        x = 0;
      }
      b.cursor = { line, x };
    } else {
      let { line, x } = cur;
      for (;;) {
        const l = b.lines[line]!;
        while (x > 0 && !isWord(l[x - 1])) x--;
        if (x > 0 || line === 0) break;
        line--;
        x = b.lines[line]!.length;
      }
      const l = b.lines[line]!;
      while (x > 0 && isWord(l[x - 1])) x--;
      b.cursor = { line, x };
    }
    this.placewewant = this.columnOf(b.line, b.cursor.x);
  }

  locationText(): string {
    const b = this.buf;
    const cur = b.cursor;
    const total = b.lines.length;
    const line = cur.line + 1;
    const col = this.columnOf(b.line, cur.x) + 1;
    const full = this.columnOf(b.line, b.line.length) + 1;
    let i = 0;
    for (let l = 0; l < cur.line; l++) i += [...b.lines[l]!].length + 1;
    i += [...b.line.slice(0, cur.x)].length;
    const sum = [...b.text()].length;
    const d = (n: number) => (n < 100 ? 2 : String(n).length);
    const pct = (a: number, t: number) => (t === 0 ? 0 : Math.floor((100 * a) / t));
    return `[ line ${String(line).padStart(d(total))}/${total} (${String(pct(line, total)).padStart(2)}%), col ${String(col).padStart(2)}/${String(full).padStart(2)} (${String(pct(col, full)).padStart(3)}%), char ${String(i).padStart(d(sum))}/${sum} (${String(pct(i, sum)).padStart(2)}%) ]`;
  }

  // ---- cutting and pasting ------------------------------------------------------------

  cut(): void {
    const b = this.buf;
    if (this.mark) {
      this.cutRegion(true);
      return;
    }
    const last = b.cursor.line === b.lines.length - 1;
    if (last && b.line === '') {
      this.statusbar('Nothing was cut');
      return;
    }
    if (!this.change('cut')) return;
    if (!this.keepCutbuffer) this.cutbuffer = '';
    if (last) {
      this.cutbuffer += b.line;
      b.lines[b.cursor.line] = '';
    } else {
      this.cutbuffer += b.line + '\n';
      b.lines.splice(b.cursor.line, 1);
    }
    b.cursor.x = 0;
    this.magicLine();
    this.keepCutbuffer = true;
    this.wipe();
  }

  cutRegion(keep: boolean): void {
    if (!this.mark) return;
    if (!this.change('cut')) return;
    const text = this.buf.removeRange(this.mark, this.buf.cursor);
    if (keep) this.cutbuffer = text;
    this.mark = null;
    this.magicLine();
    this.wipe();
  }

  copy(): void {
    const b = this.buf;
    if (this.mark) {
      this.cutbuffer = b.textBetween(this.mark, b.cursor);
      this.mark = null;
      this.statusbar('Copied');
      return;
    }
    const last = b.cursor.line === b.lines.length - 1;
    if (last && b.line === '') {
      this.statusbar('Nothing was copied');
      return;
    }
    if (!this.keepCutbuffer) this.cutbuffer = '';
    this.cutbuffer += last ? b.line : b.line + '\n';
    if (!last) b.cursor = { line: b.cursor.line + 1, x: 0 };
    this.keepCutbuffer = true;
  }

  paste(): void {
    if (!this.cutbuffer) {
      this.statusbar('Cutbuffer is empty');
      return;
    }
    if (!this.change('paste')) return;
    this.buf.insert(this.cutbuffer);
    this.magicLine();
    this.placewewant = this.columnOf(this.buf.line, this.buf.cursor.x);
    this.wipe();
  }
}

/** Thrown to leave nano. */
export class Exit extends Error {}

export function errText(err: unknown): string {
  if (err instanceof FsError) return strerror(err.code);
  return err instanceof Error ? err.message : String(err);
}

function kindName(kind: ChangeKind | undefined): string {
  switch (kind) {
    case 'type':
      return 'addition';
    case 'backspace':
    case 'delete':
      return 'deletion';
    case 'enter':
      return 'line break';
    case 'cut':
      return 'cut';
    case 'paste':
      return 'paste';
    case 'replace':
      return 'replacement';
    case 'insert':
      return 'insertion';
    default:
      return 'action';
  }
}
