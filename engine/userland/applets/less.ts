/**
 * less [-EFIMmNSRh~] [FILE]...: busybox's pager.
 *
 * Lines are read only as far as the screen needs them (so `yes | less`
 * works), wrapped at the screen width, and shown with a status line at the
 * bottom: the file name on the first page, ":" in the middle, "(END)" at
 * the end, and "(file 1 of 2)" when several files were given. When the
 * output is not a terminal, less is cat.
 */
import { FsError } from '../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { applet, type AppletContext } from '../lib/applet.ts';
import { complain, errorText } from '../lib/errors.ts';
import { KEY } from '../tui/keys.ts';
import { ATTR, Screen } from '../tui/screen.ts';
import { RAW_LESS, terminalSize, withTerminal, type Terminal } from '../tui/terminal.ts';
import { charWidth, decodeText, rawByte } from '../tui/text.ts';
import { vimRegex } from '../vi/search.ts';

const USAGE = `Usage: less [-EFIMmNSRh~] [FILE]...

View FILE (or stdin) one screenful at a time

\t-E\tQuit once the end of a file is reached
\t-F\tQuit if entire file fits on first screen
\t-I\tIgnore case in all searches
\t-M,-m\tDisplay status line with line numbers
\t\tand percentage through the file
\t-N\tPrefix line number to each line
\t-S\tTruncate long lines
\t-R\tRemove color escape codes in input
\t-~\tSuppress ~s displayed past EOF`;

/** As many lines as busybox (CONFIG_FEATURE_LESS_MAXLINES) will read. */
const MAXLINES = 9999999;
/** Lines of "~" shown after the end. */
const TILDES = 1;

interface Flags {
  E: boolean;
  F: boolean;
  I: boolean;
  M: boolean;
  m: boolean;
  N: boolean;
  S: boolean;
  R: boolean;
  tilde: boolean;
}

/** One screen line of the file: wrapping makes several of them for a long line. */
interface Fline {
  text: string;
  /** The file line it belongs to, from 0. */
  lineno: number;
}

export default applet(USAGE, async (ctx) => {
  const o = await ctx.options('EMmN~IFSRsXh');
  if (o.has('h')) {
    await ctx.usage();
    return 1;
  }
  const flags: Flags = { E: o.has('E'), F: o.has('F'), I: o.has('I'), M: o.has('M'), m: o.has('m'), N: o.has('N'), S: o.has('S'), R: o.has('R'), tilde: o.has('~') };
  // Tools set LESS="FRSXMK"; what busybox does not know is ignored.
  for (const c of ctx.getenv('LESS') ?? '') {
    if (c === 'F') flags.F = true;
    else if (c === 'M') flags.M = true;
    else if (c === 'R') flags.R = true;
    else if (c === 'S') flags.S = true;
  }
  const files = o.operands;
  const { sys } = ctx;
  // Another popular pager, most, turns into cat when stdout is not a terminal. So does this one.
  if (!sys.isatty(1)) return cat(ctx, files);
  if (files.length === 0 && sys.isatty(0)) {
    await ctx.usage();
    return 1;
  }
  // Keys come from the terminal even when the text comes from a pipe.
  let kbd: number;
  try {
    kbd = sys.open('/dev/tty', 'r');
  } catch (err) {
    if (isProcessControl(err)) throw err;
    kbd = 1;
  }
  const size = terminalSize(sys, kbd);
  if (size.cols < 20 || size.rows < 3) return cat(ctx, files);
  try {
    return await withTerminal(
      sys,
      { input: kbd, output: 1, raw: RAW_LESS },
      (term) => new Less(ctx, term, files, flags).run(),
      async (term, _sig) => {
        term.write(`\x1b[${term.size().rows};1H\x1b[K`);
        return undefined;
      },
    );
  } finally {
    if (kbd !== 1) sys.close(kbd);
  }
});

/** less with stdout not a terminal: copies the files (busybox's bb_cat). */
async function cat(ctx: AppletContext, files: string[]): Promise<number> {
  const { sys, out, err } = ctx;
  let status = 0;
  for (const f of files.length ? files : ['-']) {
    let fd = 0;
    try {
      if (f !== '-') fd = sys.open(f, 'r');
    } catch (e) {
      await complain(err, ctx.name, `can't open '${f}': ${errorText(e)}`);
      status = 1;
      continue;
    }
    try {
      for (;;) {
        const d = await sys.read(fd, 65536);
        if (d.length === 0) break;
        await out.write(d);
      }
    } catch (e) {
      await complain(err, ctx.name, `read error: ${errorText(e)}`);
      status = 1;
    } finally {
      if (fd !== 0) sys.close(fd);
    }
  }
  return status;
}

class Less {
  private readonly sys: Sys;
  private readonly screen: Screen;
  private width = 80;
  /** Index of the last text row (rows - 2). */
  private maxDisplayed = 22;
  private fileIndex = 0;
  private filename = '';
  private fd = 0;
  private flines: Fline[] = [];
  private curFline = 0;
  /** Line number the next line read gets. */
  private maxLineno = 0;
  /** Bytes read but not yet made into lines. */
  private pending: number[] = [];
  private eof = false;
  /** Whether the last line read ended with a newline. */
  private terminated = true;
  private pattern: RegExp | null = null;
  private matchLines: number[] = [];
  private matchPos = 0;
  private backwards = false;
  private marks: { letter: string; line: number }[] = [];
  private numLines = -1;
  /** A message on the status line, instead of the usual prompt. */
  private message: string | null = null;
  /** What the status line shows while a command is typed. */
  private prompt: string | null = null;
  private done = false;

  constructor(
    ctx: AppletContext,
    private readonly term: Terminal,
    private readonly files: string[],
    private readonly flags: Flags,
  ) {
    this.sys = ctx.sys;
    this.screen = new Screen(24, 80);
    this.measure();
  }

  private measure(): void {
    const { rows, cols } = this.term.size();
    this.width = Math.max(20, cols);
    this.maxDisplayed = Math.max(3, rows) - 2;
    this.screen.resize(this.maxDisplayed + 2, this.width);
  }

  async run(): Promise<number> {
    try {
      this.filename = this.files[0] ?? 'standard input';
      await this.reinitialize();
      while (!this.done) {
        const key = await this.getch();
        if (key === KEY.RESIZE) {
          this.measure();
          this.rewrap();
          this.fill();
          continue;
        }
        await this.keypress(key);
      }
    } catch (err) {
      if (!(err instanceof Quit)) throw err;
      if (err.code) return err.code;
    }
    await this.exit();
    return 0;
  }

  private exited = false;

  /** Clears the status line and leaves the text on the screen, as busybox's less_exit does. */
  private async exit(): Promise<void> {
    if (this.exited) return;
    this.exited = true;
    this.message = null;
    this.prompt = null;
    this.screen.clearRow(this.maxDisplayed + 1);
    this.screen.cursor = { row: this.maxDisplayed + 1, col: 0 };
    await this.show();
    this.done = true;
  }

  private async show(): Promise<void> {
    this.term.write(this.screen.render());
    await this.term.flush();
  }

  /** A key; control characters other than Enter and Backspace are ignored, as busybox does. */
  private async getch(): Promise<number> {
    for (;;) {
      if (this.flags.M || this.flags.m) await this.finishCount();
      this.drawStatus();
      await this.show();
      const key = await this.term.key();
      if (key === KEY.EOF) throw new Quit();
      if (key === KEY.SUSPEND) {
        await this.term.suspend(`\x1b[${this.maxDisplayed + 2};1H\x1b[K`);
        this.screen.invalidate();
        continue;
      }
      if (key === KEY.INTERRUPT) continue;
      if (key >= 0 && key < 0x20 && key !== 13 && key !== 8) continue;
      return key;
    }
  }

  // ---- reading ----------------------------------------------------------------

  private async reinitialize(): Promise<void> {
    if (this.fd > 0) this.sys.close(this.fd);
    this.fd = 0;
    this.flines = [];
    this.curFline = 0;
    this.maxLineno = 0;
    this.pending = [];
    this.eof = false;
    this.terminated = true;
    this.numLines = -1;
    this.matchLines = [];
    if (this.files.length > 0) {
      try {
        this.fd = this.sys.open(this.filename, 'r');
      } catch (err) {
        if (isProcessControl(err)) throw err;
        this.term.leaveRaw();
        await this.sys.write(2, `less: can't open '${this.filename}': ${errorText(err)}\n`);
        throw new Quit(1);
      }
    }
    await this.readLines();
    this.fill();
  }

  /** Whether the last screenful is shown (busybox's at_end). */
  private atEnd(): boolean {
    if (this.flags.S) {
      const cur = this.flines[this.curFline];
      return !(cur !== undefined && this.maxLineno > cur.lineno + this.maxDisplayed);
    }
    return !(this.flines.length - 1 > this.curFline + this.maxDisplayed);
  }

  /** Reads until the screen from curFline is full (or a wanted match is found), or the input ends. */
  private async readLines(wantMatches = -1): Promise<void> {
    while (!this.eof) {
      if (this.flines.length > 0 && !this.atEnd() && (wantMatches < 0 || this.matchLines.length > wantMatches)) break;
      if (this.flines.length >= MAXLINES) break;
      let d: Uint8Array;
      try {
        d = await this.sys.read(this.fd, 65536);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        if (err instanceof FsError && err.code === 'EINTR') continue;
        this.message = 'read error';
        this.eof = true;
        break;
      }
      if (d.length === 0) {
        this.eof = true;
        this.flushPending();
        break;
      }
      for (const b of d) {
        if (b === 10) {
          this.addLine(decodeText(Uint8Array.from(this.pending)), true);
          this.pending = [];
        } else this.pending.push(b);
      }
      this.findMatches();
    }
    if (this.eof) this.numLines = this.maxLineno;
    this.findMatches();
  }

  private flushPending(): void {
    this.addLine(decodeText(Uint8Array.from(this.pending)), false);
    this.pending = [];
    this.findMatches();
  }

  /** Splits one file line into screen lines and adds them. */
  private addLine(line: string, terminated: boolean): void {
    if (!this.terminated && this.flines.length > 0) {
      // The previous read ended inside this line.
      const last = this.flines.pop()!;
      line = last.text + line;
    }
    const w = this.width - (this.flags.N ? 8 : 0);
    const lineno = this.maxLineno;
    for (const piece of this.wrap(line, w)) this.flines.push({ text: piece, lineno });
    this.terminated = terminated;
    if (terminated) this.maxLineno++;
  }

  /** Cuts a line into pieces of at most w columns; backspace overstrikes, tabs go to multiples of 8. */
  private wrap(line: string, w: number): string[] {
    const out: string[] = [];
    let cur = '';
    let pos = 0;
    for (const ch of line) {
      if (ch === '\b' && pos > 0 && !cur.endsWith('\t')) {
        const chars = [...cur];
        const gone = chars.pop()!;
        cur = chars.join('');
        pos -= this.cellWidth(gone);
        continue;
      }
      if (this.flags.R && this.inEscape(ch)) continue;
      let next = pos + this.cellWidth(ch);
      if (ch === '\t') next = (pos + 8) & ~7;
      if (next > w) {
        out.push(cur);
        cur = '';
        pos = 0;
        next = ch === '\t' ? 8 : this.cellWidth(ch);
      }
      cur += ch === '\0' ? '\n' : ch;
      pos = next;
    }
    out.push(cur);
    return out;
  }

  private escapeState = 0;

  /** -R: drops "ESC [ N ; N m" color sequences. */
  private inEscape(ch: string): boolean {
    if (ch === '\x1b') {
      this.escapeState = 1;
      return true;
    }
    if (this.escapeState) {
      if ((ch >= '0' && ch <= '9') || ch === '[' || ch === ';' || ch === 'm') {
        this.escapeState = ch === 'm' ? 0 : 1;
        return true;
      }
      this.escapeState = 0;
    }
    return false;
  }

  private cellWidth(ch: string): number {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c === 0x7f || rawByte(c) >= 0) return 1;
    return charWidth(c) || 1;
  }

  /** Re-cuts everything after the width or -N changed. */
  private rewrap(): void {
    const w = this.width - (this.flags.N ? 8 : 0);
    const curLine = this.flines[this.curFline]?.lineno ?? 0;
    const lines: { text: string; lineno: number }[] = [];
    for (const f of this.flines) {
      const last = lines[lines.length - 1];
      if (last && last.lineno === f.lineno) last.text += f.text;
      else lines.push({ text: f.text, lineno: f.lineno });
    }
    this.flines = [];
    let cur = -1;
    for (const l of lines) {
      if (l.lineno === curLine && cur < 0) cur = this.flines.length;
      for (const piece of this.wrap(l.text, w)) this.flines.push({ text: piece, lineno: l.lineno });
    }
    this.curFline = Math.max(0, cur);
    this.pattern = this.pattern ? this.pattern : null;
    this.matchLines = [];
    this.findMatches();
  }

  // ---- drawing -------------------------------------------------------------------

  private capCurFline(): void {
    if (this.curFline + this.maxDisplayed > this.flines.length - 1 + TILDES) this.curFline = this.flines.length - 1 - this.maxDisplayed + TILDES;
    if (this.curFline < 0) this.curFline = 0;
  }

  /** The lines to show from curFline (with -S, one per file line). */
  private visible(): (Fline | null)[] {
    const out: (Fline | null)[] = [];
    let pos = this.curFline;
    if (this.flags.S) while (pos > 0 && this.flines[pos]!.lineno === this.flines[pos - 1]!.lineno) pos--;
    while (out.length <= this.maxDisplayed && pos < this.flines.length) {
      const f = this.flines[pos]!;
      out.push(f);
      pos++;
      while (this.flags.S && pos < this.flines.length && this.flines[pos]!.lineno === f.lineno) pos++;
    }
    while (out.length <= this.maxDisplayed) out.push(null);
    return out;
  }

  /** Draws the text rows (busybox's buffer_fill_and_print). */
  private fill(): void {
    this.message = null;
    const rows = this.visible();
    rows.forEach((f, r) => this.drawLine(r, f));
    if ((this.flags.E || this.flags.F) && this.eof) {
      const from = this.flags.F ? 0 : this.curFline;
      if (this.flines.length - 1 - from <= this.maxDisplayed) this.done = true;
    }
  }

  private drawLine(row: number, f: Fline | null): void {
    const s = this.screen;
    s.clearRow(row);
    let col = 0;
    if (this.flags.N) col = s.text(row, 0, f ? String(f.lineno + 1).padStart(7) + ' ' : '        ');
    if (!f) {
      if (!this.flags.tilde) s.text(row, col, '~');
      return;
    }
    const hits = this.highlights(f.text);
    let i = 0;
    for (const ch of f.text) {
      const c = ch.codePointAt(0)!;
      const hit = hits.some(([a, b]) => i >= a && i < b);
      i += ch.length;
      if (ch === '\t') {
        const to = ((col - (this.flags.N ? 8 : 0) + 8) & ~7) + (this.flags.N ? 8 : 0);
        col = s.text(row, col, ' '.repeat(Math.max(1, to - col)), hit ? ATTR.reverse : 0);
        continue;
      }
      if (c < 0x20 || c === 0x7f || c === 0x9b || rawByte(c) >= 0) {
        // Control characters show as their letter in reverse video ("^A" as "A"); NUL was turned into "\n" and shows as "@".
        const shown = c === 0x7f ? '?' : c === 0x9b ? '{' : c === 10 ? '@' : rawByte(c) >= 0 ? '.' : String.fromCharCode(c + 0x40);
        col = s.text(row, col, shown, ATTR.reverse);
        continue;
      }
      col = s.text(row, col, ch, hit ? ATTR.reverse : 0);
    }
  }

  /** Where the search pattern matches in a line: [start, end) pairs. */
  private highlights(text: string): [number, number][] {
    if (!this.pattern) return [];
    const out: [number, number][] = [];
    const re = new RegExp(this.pattern.source, this.pattern.flags.includes('i') ? 'gi' : 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) break;
      out.push([m.index, m.index + m[0].length]);
    }
    return out;
  }

  /** The prompt on the bottom row (busybox's status_print). */
  private drawStatus(): void {
    const row = this.maxDisplayed + 1;
    const s = this.screen;
    s.clearRow(row);
    if (this.prompt !== null) {
      const col = s.text(row, 0, this.prompt);
      s.cursor = { row, col: Math.min(col, this.width - 1) };
      return;
    }
    if (this.message !== null) {
      const col = s.text(row, 0, this.message.slice(0, this.width - 1), ATTR.reverse);
      s.cursor = { row, col: Math.min(col, this.width - 1) };
      return;
    }
    let text: string;
    let attr: number = ATTR.reverse;
    if (this.flags.M || this.flags.m) text = this.longStatus();
    else if (this.curFline && !this.atEnd()) {
      text = ':';
      attr = 0;
    } else {
      text = this.curFline ? '(END)' : this.filename;
      if (this.files.length > 1) text += ` (file ${this.fileIndex + 1} of ${this.files.length})`;
    }
    const col = s.text(row, 0, text, attr);
    s.cursor = { row, col: Math.min(col, this.width - 1) };
  }

  /**
   * How many lines the file has, for -M: busybox reads a regular file once
   * more to count them (update_num_lines); a pipe is counted only when it
   * has been read to its end.
   */
  private countFileLines(): void {
    if (this.numLines !== -1 || this.files.length === 0) return;
    let fd: number;
    try {
      fd = this.sys.open(this.filename, 'r');
    } catch (err) {
      if (isProcessControl(err)) throw err;
      this.numLines = -3;
      return;
    }
    try {
      if ((this.sys.fstat(fd).mode & 0o170000) !== 0o100000) {
        this.numLines = -3;
        return;
      }
      this.countingFd = fd;
    } catch (err) {
      if (isProcessControl(err)) throw err;
      this.sys.close(fd);
      this.numLines = -3;
    }
  }

  private countingFd = -1;

  /** Finishes what countFileLines started (reading is asynchronous). */
  private async finishCount(): Promise<void> {
    this.countFileLines();
    const fd = this.countingFd;
    if (fd < 0) return;
    this.countingFd = -1;
    let count = 0;
    try {
      for (;;) {
        const d = await this.sys.read(fd, 65536);
        if (d.length === 0) break;
        for (const b of d) if (b === 10) count++;
      }
      this.numLines = count;
    } finally {
      this.sys.close(fd);
    }
  }

  /** -M: "file lines 1-23/100 23%" (busybox's m_status_print). */
  private longStatus(): string {
    let s = this.filename;
    if (this.files.length > 1) s += ` (file ${this.fileIndex + 1} of ${this.files.length})`;
    const lineno = (fl: number) => {
      if (fl >= this.flines.length - 1) fl = this.flines.length - 2;
      return fl < 0 ? 0 : this.flines[fl]!.lineno + 1;
    };
    const first = lineno(this.curFline);
    const last = this.flags.S ? Math.min(first + this.maxDisplayed, this.maxLineno) : lineno(this.curFline + this.maxDisplayed);
    s += ` lines ${first}-${last}`;
    if (this.numLines >= 0) s += `/${this.numLines}`;
    if (this.atEnd()) {
      s += ' (END)';
      if (this.files.length > 1 && this.fileIndex + 1 !== this.files.length) s += ` - next: ${this.files[this.fileIndex + 1]}`;
    } else if (this.numLines > 0) {
      const percent = Math.floor((100 * last + Math.floor(this.numLines / 2)) / this.numLines);
      s += ` ${Math.min(100, percent)}%`;
    }
    return s;
  }

  // ---- moving ----------------------------------------------------------------------

  private async down(n: number): Promise<void> {
    if (this.flags.S) await this.gotoLineno((this.flines[this.curFline]?.lineno ?? 0) + n);
    else this.curFline += n;
    await this.readLines();
    this.capCurFline();
    this.fill();
  }

  private async up(n: number): Promise<void> {
    if (this.flags.S) await this.gotoLineno((this.flines[this.curFline]?.lineno ?? 0) - n);
    else this.curFline = Math.max(0, this.curFline - n);
    await this.readLines();
    this.fill();
  }

  private async toLine(n: number, isLineno = false): Promise<void> {
    if (n <= 0) this.curFline = 0;
    else if (isLineno) await this.gotoLineno(n);
    else this.curFline = n;
    await this.readLines();
    this.capCurFline();
    this.fill();
  }

  /** Moves curFline to the first screen line of file line `target` (from 0), reading as needed. */
  private async gotoLineno(target: number): Promise<void> {
    if (target <= 0) {
      this.curFline = 0;
      return;
    }
    for (;;) {
      while (this.curFline < this.flines.length - 1 && this.flines[this.curFline]!.lineno < target) this.curFline++;
      while (this.curFline > 0 && this.flines[this.curFline]!.lineno > target) this.curFline--;
      while (this.curFline > 0 && this.flines[this.curFline - 1]!.lineno === target) this.curFline--;
      if ((this.flines[this.curFline]?.lineno ?? 0) >= target || this.eof) return;
      const before = this.flines.length;
      await this.readMore();
      if (this.flines.length === before) return;
    }
  }

  private async readMore(): Promise<void> {
    const save = this.curFline;
    this.curFline = this.flines.length;
    await this.readLines();
    this.curFline = save;
  }

  private async toEnd(): Promise<void> {
    while (!this.eof) await this.readMore();
    this.curFline = MAXLINES;
    this.capCurFline();
    this.fill();
  }

  // ---- commands ------------------------------------------------------------------

  private async keypress(key: number): Promise<void> {
    const c = key >= 0 ? String.fromCodePoint(key) : '';
    switch (true) {
      case key === KEY.DOWN || c === 'e' || c === 'j' || key === 13:
        await this.down(1);
        break;
      case key === KEY.UP || c === 'y' || c === 'k':
        await this.up(1);
        break;
      case key === KEY.PAGEDOWN || c === ' ' || c === 'z' || c === 'f':
        await this.down(this.maxDisplayed + 1);
        break;
      case key === KEY.PAGEUP || c === 'w' || c === 'b':
        await this.up(this.maxDisplayed + 1);
        break;
      case c === 'd':
        await this.down(Math.floor((this.maxDisplayed + 1) / 2));
        break;
      case c === 'u':
        await this.up(Math.floor((this.maxDisplayed + 1) / 2));
        break;
      case key === KEY.HOME || c === 'g' || c === 'p' || c === '<' || c === '%':
        await this.toLine(0);
        break;
      case key === KEY.END || c === 'G' || c === '>':
        await this.toEnd();
        break;
      case c === 'q' || c === 'Q':
        await this.exit();
        break;
      case c === 'm':
        await this.addMark();
        break;
      case c === "'":
        await this.gotoMark();
        break;
      case c === 'r' || c === 'R':
        this.fill();
        break;
      case c === 's':
        await this.saveInput();
        break;
      case c === 'E':
        await this.examine();
        break;
      case c === '=':
        await this.finishCount();
        this.message = this.longStatus();
        break;
      case c === '/' || c === '?':
        this.backwards = c === '?';
        await this.search();
        break;
      case c === 'n':
        await this.gotoMatch(this.matchPos + 1);
        break;
      case c === 'N':
        await this.gotoMatch(this.matchPos - 1);
        break;
      case c === '-':
        await this.flagChange();
        break;
      case c === '{' || c === '(' || c === '[':
        this.matchRightBracket(c);
        break;
      case c === '}' || c === ')' || c === ']':
        this.matchLeftBracket(c);
        break;
      case c === ':':
        await this.colon();
        break;
      case c >= '0' && c <= '9' && c !== '':
        await this.number(c);
        break;
    }
  }

  /** Reads a line at the bottom after `prompt`; Enter ends it. */
  private async gets(prompt: string): Promise<string> {
    let text = '';
    for (;;) {
      this.prompt = prompt + text;
      this.drawStatus();
      await this.show();
      const key = await this.term.key();
      if (key === KEY.EOF) throw new Quit();
      if (key === KEY.SUSPEND) {
        await this.term.suspend(`\x1b[${this.maxDisplayed + 2};1H\x1b[K`);
        this.screen.invalidate();
        continue;
      }
      if (key === 13) break;
      if (key === 0x7f || key === 8) {
        text = [...text].slice(0, -1).join('');
        continue;
      }
      if (key < 0x20) continue;
      if (text.length >= this.width - prompt.length - 1) continue;
      text += String.fromCodePoint(key);
    }
    this.prompt = null;
    return text;
  }

  private async getchWithPrompt(prompt: string): Promise<number> {
    this.prompt = prompt;
    try {
      return await this.getch();
    } finally {
      this.prompt = null;
    }
  }

  private async colon(): Promise<void> {
    const key = await this.getchWithPrompt(' :');
    const c = key >= 0 ? String.fromCodePoint(key) : '';
    if (c === 'd') await this.removeCurrent();
    else if (c === 'e') await this.examine();
    else if (c === 'f') {
      await this.finishCount();
      this.message = this.longStatus();
    }
    else if (c === 'n') await this.changeFile(1);
    else if (c === 'p') await this.changeFile(-1);
    else if (c === 'q') await this.exit();
    else if (c === 'x') await this.changeFile(0);
  }

  private async changeFile(direction: number): Promise<void> {
    const cur = this.fileIndex + 1;
    if (cur !== (direction > 0 ? this.files.length : 1)) {
      this.fileIndex = direction ? this.fileIndex + direction : 0;
      this.filename = this.files[this.fileIndex]!;
      await this.reinitialize();
    } else this.message = direction > 0 ? 'No next file' : 'No previous file';
  }

  private async removeCurrent(): Promise<void> {
    if (this.files.length < 2) return;
    const i = this.fileIndex;
    if (i !== 0) {
      await this.changeFile(-1);
      this.files.splice(i, 1);
    } else {
      await this.changeFile(1);
      this.files.splice(0, 1);
      this.fileIndex--;
    }
  }

  private async examine(): Promise<void> {
    this.message = null;
    const name = await this.gets('Examine: ');
    if (!name) return;
    try {
      this.sys.access(name, 4);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      this.message = 'Cannot read this file';
      return;
    }
    this.files.splice(0, this.files.length, name);
    this.fileIndex = 0;
    this.filename = name;
    await this.reinitialize();
  }

  private async search(): Promise<void> {
    this.pattern = null;
    this.matchLines = [];
    this.matchPos = 0;
    const text = await this.gets(this.backwards ? '?' : '/');
    if (!text) {
      this.fill();
      return;
    }
    const re = compileRegex(text, this.flags.I);
    if (!re) {
      this.message = 'Invalid regular expression';
      return;
    }
    this.pattern = re;
    this.findMatches();
    this.matchPos = 0;
    while (this.matchPos < this.matchLines.length && this.matchLines[this.matchPos]! <= this.curFline) this.matchPos++;
    if (this.backwards) this.matchPos--;
    await this.gotoMatch(this.matchPos);
  }

  private matchedUpTo = 0;

  private findMatches(): void {
    if (!this.pattern) {
      this.matchedUpTo = 0;
      return;
    }
    if (this.matchLines.length === 0) this.matchedUpTo = 0;
    const re = new RegExp(this.pattern.source, this.pattern.flags.replace('g', ''));
    // The last line may still grow, so it is checked again next time.
    const upto = this.eof ? this.flines.length : this.flines.length - 1;
    for (let i = this.matchedUpTo; i < upto; i++) {
      if (re.test(this.flines[i]!.text) && this.matchLines[this.matchLines.length - 1] !== i) this.matchLines.push(i);
    }
    this.matchedUpTo = Math.max(this.matchedUpTo, upto);
  }

  private async gotoMatch(match: number): Promise<void> {
    if (!this.pattern) return;
    if (match < 0) match = 0;
    if (match >= this.matchLines.length && !this.eof) await this.readLines(match);
    if (this.matchLines.length) {
      this.matchPos = Math.max(0, Math.min(match, this.matchLines.length - 1));
      await this.toLine(this.matchLines[this.matchPos]!);
    } else this.message = 'No matches found';
  }

  private async number(first: string): Promise<void> {
    let digits = first;
    let key: number;
    for (;;) {
      key = await this.getchWithPrompt(':' + digits);
      if (key < 0x30 || key > 0x39 || digits.length >= 15) break;
      digits += String.fromCharCode(key);
    }
    const num = parseInt(digits, 10);
    if (!(num >= 1 && num <= MAXLINES)) {
      this.fill();
      return;
    }
    const c = key >= 0 ? String.fromCodePoint(key) : '';
    if (key === KEY.DOWN || 'zde \r'.includes(c) && c !== '') await this.down(num);
    else if (key === KEY.UP || ('bwyu'.includes(c) && c !== '')) await this.up(num);
    else if ('g<G>'.includes(c) && c !== '') await this.toLine(num - 1, true);
    else if (c === 'p' || c === '%') {
      if (this.numLines < 0) await this.countLines();
      await this.toLine(Math.floor((num * (this.numLines > 0 ? this.numLines : this.maxLineno)) / 100), true);
    } else if (c === 'n') await this.gotoMatch(this.matchPos + num);
    else if (c === '/' || c === '?') {
      this.backwards = c === '?';
      await this.search();
    }
  }

  private async countLines(): Promise<void> {
    while (!this.eof) await this.readMore();
  }

  private async flagChange(): Promise<void> {
    const key = await this.getchWithPrompt('-');
    const c = key >= 0 ? String.fromCodePoint(key) : '';
    if (c === 'M') this.flags.M = !this.flags.M;
    else if (c === 'm') this.flags.m = !this.flags.m;
    else if (c === 'E') this.flags.E = !this.flags.E;
    else if (c === '~') this.flags.tilde = !this.flags.tilde;
    else if (c === 'S') this.flags.S = !this.flags.S;
    else if (c === 'N') {
      this.flags.N = !this.flags.N;
      this.rewrap();
    }
    this.fill();
  }

  private async saveInput(): Promise<void> {
    const name = await this.gets('Log file: ');
    if (!name) return;
    try {
      const fd = this.sys.open(name, 'w', 0o666);
      try {
        await this.sys.write(fd, this.flines.map((f) => f.text + '\n').join(''));
      } finally {
        this.sys.close(fd);
      }
      this.message = 'Done';
    } catch (err) {
      if (isProcessControl(err)) throw err;
      this.message = 'Error opening log file';
    }
  }

  private async addMark(): Promise<void> {
    const key = await this.getchWithPrompt('Mark: ');
    const c = key >= 0 ? String.fromCodePoint(key) : '';
    if (/^[A-Za-z]$/.test(c)) {
      if (this.marks.length === 14) this.marks = [];
      this.marks.push({ letter: c, line: this.curFline });
    } else this.message = 'Invalid mark letter';
  }

  private async gotoMark(): Promise<void> {
    const key = await this.getchWithPrompt('Go to mark: ');
    const c = key >= 0 ? String.fromCodePoint(key) : '';
    if (!/^[A-Za-z]$/.test(c)) {
      this.message = 'Invalid mark letter';
      return;
    }
    const m = this.marks.find((x) => x.letter === c);
    if (m) await this.toLine(m.line);
    else this.message = 'Mark not set';
  }

  private matchRightBracket(bracket: string): void {
    const i0 = this.curFline;
    if (i0 >= this.flines.length - 1 || !this.flines[i0]!.text.includes(bracket)) {
      this.message = 'No bracket in top line';
      return;
    }
    const want = opposite(bracket);
    for (let i = i0; i < this.flines.length - 1; i++) {
      if (this.flines[i]!.text.includes(want)) {
        this.curFline = Math.max(0, i - this.maxDisplayed);
        this.capCurFline();
        this.fill();
        return;
      }
    }
    this.message = 'No matching bracket found';
  }

  private matchLeftBracket(bracket: string): void {
    const i0 = this.curFline + this.maxDisplayed;
    if (i0 >= this.flines.length - 1 || !this.flines[i0]!.text.includes(bracket)) {
      this.message = 'No bracket in bottom line';
      return;
    }
    const want = opposite(bracket);
    for (let i = i0; i >= 0; i--) {
      if (this.flines[i]!.text.includes(want)) {
        this.curFline = i;
        this.capCurFline();
        this.fill();
        return;
      }
    }
    this.message = 'No matching bracket found';
  }
}

/** Thrown to leave the key loop ("q", end of keyboard input); `code` is the exit status. */
class Quit extends Error {
  constructor(readonly code = 0) {
    super('quit');
  }
}

function opposite(b: string): string {
  return ({ '{': '}', '(': ')', '[': ']', '}': '{', ')': '(', ']': '[' } as Record<string, string>)[b] ?? b;
}

/** busybox less compiles patterns as POSIX basic regular expressions (regcomp without REG_EXTENDED). */
function compileRegex(pattern: string, ignoreCase: boolean): RegExp | null {
  return vimRegex(pattern, ignoreCase);
}

