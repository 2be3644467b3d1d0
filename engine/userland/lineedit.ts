/**
 * The interactive line editor of busybox's shell (libbb/lineedit.c), for a
 * terminal: history on ↑/↓ (kept in ~/.ash_history), cursor keys, Home/End,
 * ^A ^E ^B ^F ^K ^U ^W ^L ^D, Tab completion of commands and file names.
 *
 * While a line is being edited the terminal is in raw mode (no canonical
 * processing, no echo, ^C arriving as a character); the editor echoes and
 * redraws itself, and puts the terminal back before returning. ^C abandons
 * the line (the shell then prints "^C" and raises SIGINT, as ash does);
 * ^D on an empty line is end-of-file.
 */
import { fromUtf8 } from '../common/bytes.ts';
import type { Sys, Termios } from '../kernel/sys.ts';

export const MAX_HISTORY = 255;

export interface Completion {
  /** Candidates for the word before the cursor. */
  matches: string[];
  /** Where that word starts in the line (code points). */
  start: number;
  /** Whether each match names a directory (completion then adds "/" instead of " "). */
  isDir(match: string): boolean;
}

export type Completer = (line: string, cursor: number) => Promise<Completion>;

/** What readLine returns: a line (with its "\n"), "" after ^C, null at end-of-file. */
export type LineResult = string | null;

const ESC = '\x1b';
const CTRL = (c: string) => c.charCodeAt(0) & 0x1f;

/** Expands a prompt's backslash escapes (after the shell has expanded its $variables). */
export function expandPrompt(prompt: string, info: { user: string; host: string; cwd: string; home: string | undefined; euid: number; now: number }): { text: string; visible: number } {
  let text = '';
  let visible = 0;
  let hidden = false;
  const add = (s: string) => {
    text += s;
    if (!hidden) visible += [...s].length;
  };
  for (let i = 0; i < prompt.length; i++) {
    const c = prompt[i]!;
    if (c !== '\\' || i + 1 >= prompt.length) {
      add(c);
      continue;
    }
    const n = prompt[++i]!;
    switch (n) {
      case 'u': add(info.user); break;
      case 'h': add(info.host.split('.')[0]!); break;
      case 'H': add(info.host); break;
      case '$': add(info.euid === 0 ? '#' : '$'); break;
      case 'w':
      case 'W': {
        let cwd = info.cwd;
        if (info.home && (cwd === info.home || cwd.startsWith(info.home + '/'))) cwd = '~' + cwd.slice(info.home.length);
        add(n === 'W' && cwd !== '/' ? (cwd.split('/').pop() ?? cwd) : cwd);
        break;
      }
      case 'A': case 't': case 'T': case '@': {
        const d = new Date(info.now);
        add(`${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`);
        break;
      }
      case 'n': add('\n'); visible = 0; break;
      case 'r': add('\r'); break;
      case 'e': case 'E': text += ESC; break;
      case 'a': text += '\x07'; break;
      case '[': hidden = true; break;
      case ']': hidden = false; break;
      case '\\': add('\\'); break;
      default:
        if (/[0-7]/.test(n)) {
          let oct = n;
          while (oct.length < 3 && /[0-7]/.test(prompt[i + 1] ?? '')) oct += prompt[++i];
          add(String.fromCharCode(parseInt(oct, 8)));
        } else add('\\' + n);
    }
  }
  return { text, visible };
}

type Key =
  | { kind: 'char'; text: string }
  | { kind: 'ctrl'; code: number }
  | { kind: 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'delete' | 'word-left' | 'word-right' | 'unknown' };

export class LineEditor {
  private pending: number[] = [];
  private loaded = false;

  constructor(
    private readonly sys: Sys,
    private readonly fd: number,
    readonly history: string[],
    private readonly options: { historyFile?: string; completer?: Completer } = {},
  ) {}

  private async out(s: string): Promise<void> {
    await this.sys.write(this.fd, s);
  }

  private async byte(): Promise<number | null> {
    if (this.pending.length === 0) {
      const d = await this.sys.read(this.fd, 256);
      if (d.length === 0) return null;
      this.pending.push(...d);
    }
    return this.pending.shift()!;
  }

  private async key(): Promise<Key | null> {
    const b = await this.byte();
    if (b === null) return null;
    if (b === 0x1b) {
      // Escape sequences arrive whole from a terminal; take what is there.
      if (this.pending.length === 0) return { kind: 'unknown' };
      const b1 = this.pending.shift()!;
      if (b1 === 0x62) return { kind: 'word-left' };
      if (b1 === 0x66) return { kind: 'word-right' };
      if (b1 !== 0x5b && b1 !== 0x4f) return { kind: 'unknown' };
      let params = '';
      for (;;) {
        const c = this.pending.shift();
        if (c === undefined) return { kind: 'unknown' };
        const ch = String.fromCharCode(c);
        if (/[0-9;]/.test(ch)) {
          params += ch;
          continue;
        }
        switch (ch) {
          case 'A': return { kind: 'up' };
          case 'B': return { kind: 'down' };
          case 'C': return { kind: params.includes(';5') ? 'word-right' : 'right' };
          case 'D': return { kind: params.includes(';5') ? 'word-left' : 'left' };
          case 'H': return { kind: 'home' };
          case 'F': return { kind: 'end' };
          case '~':
            if (params === '1' || params === '7') return { kind: 'home' };
            if (params === '4' || params === '8') return { kind: 'end' };
            if (params === '3') return { kind: 'delete' };
            return { kind: 'unknown' };
          default:
            return { kind: 'unknown' };
        }
      }
    }
    if (b < 0x20 || b === 0x7f) return { kind: 'ctrl', code: b };
    // A UTF-8 character: its continuation bytes follow.
    const bytes = [b];
    const extra = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
    for (let i = 0; i < extra; i++) {
      const c = await this.byte();
      if (c === null) break;
      bytes.push(c);
    }
    return { kind: 'char', text: fromUtf8(Uint8Array.from(bytes)) };
  }

  private async loadHistory(): Promise<void> {
    if (this.loaded || !this.options.historyFile) return;
    this.loaded = true;
    try {
      const fd = this.sys.open(this.options.historyFile, 'r');
      let text = '';
      for (;;) {
        const d = await this.sys.read(fd);
        if (d.length === 0) break;
        text += fromUtf8(d);
      }
      this.sys.close(fd);
      for (const line of text.split('\n')) if (line !== '') this.history.push(line);
      this.history.splice(0, Math.max(0, this.history.length - MAX_HISTORY));
    } catch {
      // no history yet
    }
  }

  private async remember(line: string): Promise<void> {
    if (line === '' || this.history[this.history.length - 1] === line) return;
    this.history.push(line);
    if (this.history.length > MAX_HISTORY) this.history.shift();
    if (!this.options.historyFile) return;
    try {
      const fd = this.sys.open(this.options.historyFile, 'a', 0o600);
      await this.sys.write(fd, line + '\n');
      this.sys.close(fd);
    } catch {
      // a read-only home is not an error for an interactive shell
    }
  }

  /** Reads one line from the terminal with editing. */
  async readLine(prompt: { text: string; visible: number }): Promise<LineResult> {
    await this.loadHistory();
    const saved: Termios = this.sys.tcgetattr(this.fd);
    const raw: Termios = { ...saved, icanon: false, echo: false, echoe: false, echok: false, cc: { ...saved.cc, VINTR: 0, VMIN: 1, VTIME: 0 } };
    this.sys.tcsetattr(this.fd, raw);
    try {
      return await this.edit(prompt, saved);
    } finally {
      this.sys.tcsetattr(this.fd, saved);
    }
  }

  private async edit(prompt: { text: string; visible: number }, settings: Termios): Promise<LineResult> {
    let line: string[] = [];
    let cursor = 0;
    let histIndex = this.history.length;
    let draft: string[] = [];
    let lastTab = false;
    let shown = { cursor: 0 };
    const cols = () => Math.max(10, this.sys.getWinsize(this.fd).cols);

    await this.out(prompt.text);

    /** Redraws everything after the prompt, then puts the cursor where it belongs. */
    const refresh = async () => {
      const w = cols();
      const before = prompt.visible + shown.cursor;
      const up = Math.floor(before / w);
      let s = '\r' + (up > 0 ? `${ESC}[${up}A` : '') + `${ESC}[J` + prompt.text.slice(prompt.text.lastIndexOf('\n') + 1) + line.join('');
      const end = prompt.visible + line.length;
      if (end > 0 && end % w === 0) s += ' \r';
      const rowsEnd = Math.floor(end / w);
      const target = prompt.visible + cursor;
      const rowsTarget = Math.floor(target / w);
      if (rowsEnd > rowsTarget) s += `${ESC}[${rowsEnd - rowsTarget}A`;
      s += '\r' + (target % w > 0 ? `${ESC}[${target % w}C` : '');
      shown = { cursor };
      await this.out(s);
    };

    const setLine = async (text: string[]) => {
      line = text;
      cursor = line.length;
      await refresh();
    };

    for (;;) {
      const key = await this.key();
      if (key === null) return null;
      const wasTab = lastTab;
      lastTab = false;
      if (key.kind === 'char') {
        const chars = [...key.text];
        const atEnd = cursor === line.length;
        line.splice(cursor, 0, ...chars);
        cursor += chars.length;
        const w = cols();
        if (atEnd && (prompt.visible + cursor) % w !== 0) {
          shown = { cursor };
          await this.out(key.text);
        } else await refresh();
        continue;
      }
      if (key.kind === 'ctrl') {
        const c = key.code;
        if (c === 13 || c === 10) {
          cursor = line.length;
          await refresh();
          await this.out('\n');
          const text = line.join('');
          await this.remember(text);
          return text + '\n';
        }
        if (c === settings.cc.VINTR) {
          return '';
        }
        if (c === settings.cc.VEOF) {
          if (line.length === 0) return null;
          if (cursor < line.length) {
            line.splice(cursor, 1);
            await refresh();
          }
          continue;
        }
        if (c === 127 || c === 8) {
          if (cursor > 0) {
            line.splice(cursor - 1, 1);
            cursor--;
            await refresh();
          }
          continue;
        }
        if (c === 9) {
          lastTab = true;
          await this.complete(wasTab, () => ({ line, cursor }), async (l, cur) => {
            line = l;
            cursor = cur;
            await refresh();
          }, async () => {
            await this.out(prompt.text.slice(prompt.text.lastIndexOf('\n') + 1));
            shown = { cursor: 0 };
            await refresh();
          });
          continue;
        }
        switch (c) {
          case CTRL('A'): cursor = 0; break;
          case CTRL('E'): cursor = line.length; break;
          case CTRL('B'): cursor = Math.max(0, cursor - 1); break;
          case CTRL('F'): cursor = Math.min(line.length, cursor + 1); break;
          case CTRL('K'): line = line.slice(0, cursor); break;
          case CTRL('U'): line = line.slice(cursor); cursor = 0; break;
          case CTRL('W'): {
            let start = cursor;
            while (start > 0 && line[start - 1] === ' ') start--;
            while (start > 0 && line[start - 1] !== ' ') start--;
            line.splice(start, cursor - start);
            cursor = start;
            break;
          }
          case CTRL('L'):
            await this.out(`${ESC}[H${ESC}[J` + prompt.text.slice(prompt.text.lastIndexOf('\n') + 1));
            shown = { cursor: 0 };
            break;
          case CTRL('P'): if (histIndex > 0) { if (histIndex === this.history.length) draft = line; histIndex--; await setLine([...this.history[histIndex]!]); } continue;
          case CTRL('N'): if (histIndex < this.history.length) { histIndex++; await setLine(histIndex === this.history.length ? draft : [...this.history[histIndex]!]); } continue;
          default: continue;
        }
        await refresh();
        continue;
      }
      switch (key.kind) {
        case 'left': cursor = Math.max(0, cursor - 1); break;
        case 'right': cursor = Math.min(line.length, cursor + 1); break;
        case 'home': cursor = 0; break;
        case 'end': cursor = line.length; break;
        case 'delete': if (cursor < line.length) line.splice(cursor, 1); break;
        case 'word-left':
          while (cursor > 0 && line[cursor - 1] === ' ') cursor--;
          while (cursor > 0 && line[cursor - 1] !== ' ') cursor--;
          break;
        case 'word-right':
          while (cursor < line.length && line[cursor] === ' ') cursor++;
          while (cursor < line.length && line[cursor] !== ' ') cursor++;
          break;
        case 'up':
          if (histIndex > 0) {
            if (histIndex === this.history.length) draft = line;
            histIndex--;
            await setLine([...this.history[histIndex]!]);
          }
          continue;
        case 'down':
          if (histIndex < this.history.length) {
            histIndex++;
            await setLine(histIndex === this.history.length ? draft : [...this.history[histIndex]!]);
          }
          continue;
        default:
          continue;
      }
      await refresh();
    }
  }

  /** Tab: complete the word before the cursor; a second Tab lists the candidates. */
  private async complete(
    listing: boolean,
    get: () => { line: string[]; cursor: number },
    set: (line: string[], cursor: number) => Promise<void>,
    reprompt: () => Promise<void>,
  ): Promise<void> {
    if (!this.options.completer) return;
    const { line, cursor } = get();
    const text = line.join('');
    const c = await this.options.completer(text, cursor);
    if (c.matches.length === 0) {
      await this.out('\x07');
      return;
    }
    const word = [...text].slice(c.start, cursor).join('');
    if (c.matches.length === 1) {
      const m = c.matches[0]!;
      const add = [...m.slice(word.length) + (c.isDir(m) ? '/' : ' ')];
      await set([...line.slice(0, cursor), ...add, ...line.slice(cursor)], cursor + add.length);
      return;
    }
    let prefix = c.matches[0]!;
    for (const m of c.matches) while (!m.startsWith(prefix)) prefix = prefix.slice(0, -1);
    if (prefix.length > word.length) {
      const add = [...prefix.slice(word.length)];
      await set([...line.slice(0, cursor), ...add, ...line.slice(cursor)], cursor + add.length);
      return;
    }
    if (!listing) {
      await this.out('\x07');
      return;
    }
    // Second Tab: the candidates in columns, then the prompt and line again.
    const names = c.matches.map((m) => m.slice(m.lastIndexOf('/', m.length - 2) + 1) + (c.isDir(m) ? '/' : ''));
    const width = Math.max(...names.map((n) => n.length)) + 2;
    const perRow = Math.max(1, Math.floor(this.sys.getWinsize(this.fd).cols / width));
    let s = '\n';
    const rows = Math.ceil(names.length / perRow);
    for (let r = 0; r < rows; r++) {
      let row = '';
      for (let col = 0; col < perRow; col++) {
        const n = names[col * rows + r];
        if (n !== undefined) row += n.padEnd(width);
      }
      s += row.trimEnd() + '\n';
    }
    await this.out(s);
    await reprompt();
  }
}


