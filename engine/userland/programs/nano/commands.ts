/**
 * nano's commands that talk with the user on the status bar: writing
 * (^O, ^S, and ^X's "Save modified buffer?"), searching (^W, M-W, M-Q),
 * replacing (^\\), going to a line (^_), reading a file in (^R), running a
 * command (^T), justifying (^J) and the help screen (^G).
 */
import { isProcessControl } from '../../../kernel/sys.ts';
import { FsError } from '../../../fs/errno.ts';
import { alt, KEY } from '../../tui/keys.ts';
import { ATTR } from '../../tui/screen.ts';
import { decodeText, textWidth } from '../../tui/text.ts';
import type { ChangeKind, Position } from './buffer.ts';
import { Exit, errText, type Nano } from './editor.ts';
import { drawMenu, EXECUTE, GOTOLINE, HELP, helpText, INSERTFILE, REPLACE, REPLACEWITH, WHEREIS, WRITEFILE } from './menus.ts';

const ctrl = (c: string) => c.charCodeAt(0) & 0x1f;

// ---- commands with prompts --------------------------------------------------------------

export async function writeOut(nano: Nano, direct: boolean): Promise<boolean> {
  if (direct && nano.filename) return nano.writeFile(nano.filename);
  const answer = await nano.prompt('File Name to Write: ', WRITEFILE, nano.filename);
  if (answer === null || answer === '') {
    nano.statusbar('Cancelled');
    return false;
  }
  if (nano.filename && answer !== nano.filename) {
    const r = await nano.yesno('Save file under DIFFERENT NAME?');
    if (r !== 'y') {
      nano.statusbar('Cancelled');
      return false;
    }
  }
  if ((answer !== nano.filename || !nano.filename) && nano.exists(answer)) {
    const r = await nano.yesno(`File "${answer}" exists; OVERWRITE?`);
    if (r !== 'y') {
      nano.statusbar('Cancelled');
      return false;
    }
  }
  return nano.writeFile(answer);
}

export async function exitNano(nano: Nano): Promise<void> {
  if (!nano.buf.modified || nano.settings.view) throw new Exit();
  const r = await nano.yesno('Save modified buffer?');
  if (r === 'n') throw new Exit();
  if (r === null) return;
  if (await writeOut(nano, false)) throw new Exit();
}

export function searchPrompt(nano: Nano, replacing: boolean): string {
  let s = 'Search';
  if (nano.caseSensitive) s += ' [Case Sensitive]';
  if (nano.regexp) s += ' [Regexp]';
  if (nano.backwards) s += ' [Backwards]';
  if (replacing) s += ' (to replace)';
  if (nano.lastSearch) {
    const shown = [...nano.lastSearch].length > Math.floor(nano.cols / 3) ? [...nano.lastSearch].slice(0, Math.floor(nano.cols / 3)).join('') + '...' : nano.lastSearch;
    s += ` [${shown}]`;
  }
  return s + ': ';
}

export function searchKeys(nano: Nano, replacing: boolean) {
  return (k: number): string | void => {
    if (k === alt('c') || k === alt('C')) nano.caseSensitive = !nano.caseSensitive;
    else if (k === alt('r') || k === alt('R')) nano.regexp = !nano.regexp;
    else if (k === alt('b') || k === alt('B')) nano.backwards = !nano.backwards;
    else return;
    return searchPrompt(nano, replacing);
  };
}

export async function whereIs(nano: Nano): Promise<void> {
  const answer = await nano.prompt(searchPrompt(nano, false), WHEREIS, '', searchKeys(nano, false));
  if (answer === null || (answer === '' && !nano.lastSearch)) {
    nano.statusbar('Cancelled');
    return;
  }
  if (answer) nano.lastSearch = answer;
  findNext(nano, nano.backwards);
}

export function matcher(nano: Nano): RegExp | null {
  const flags = nano.caseSensitive ? 'g' : 'gi';
  try {
    return new RegExp(nano.regexp ? nano.lastSearch : nano.lastSearch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
  } catch {
    return null;
  }
}

/** Finds the next (or previous) match from the cursor, wrapping around the file. */
export function findNext(nano: Nano, backwards: boolean): void {
  if (!nano.lastSearch) {
    nano.statusbar('No current search pattern');
    return;
  }
  const re = matcher(nano);
  if (!re) {
    nano.statusbar('Bad regex');
    return;
  }
  const b = nano.buf;
  const start = { ...b.cursor };
  const found = search(nano, re, start, backwards, false);
  if (!found) {
    nano.statusbar(`"${nano.lastSearch}" not found`);
    return;
  }
  b.cursor = { line: found.line, x: found.x };
  nano.placewewant = nano.columnOf(b.line, b.cursor.x);
  if (found.line === start.line && found.x === start.x) nano.statusbar('This is the only occurrence');
  else if (found.wrapped) nano.statusbar('Search Wrapped');
}

/** The match after (or before) `from`; `inclusive` allows one at `from` itself. */
function search(nano: Nano, re: RegExp, from: Position, backwards: boolean, inclusive: boolean): { line: number; x: number; len: number; wrapped: boolean } | null {
  const lines = nano.buf.lines;
  const n = lines.length;
  const matchIn = (l: number, fromX: number, toX: number, last: boolean) => {
    const text = lines[l]!;
    re.lastIndex = 0;
    let best: { x: number; len: number } | null = null;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index >= fromX && m.index <= toX) {
        best = { x: m.index, len: m[0].length };
        if (!last) break;
      }
      if (m[0].length === 0) re.lastIndex++;
    }
    return best;
  };
  if (!backwards) {
    for (let i = 0; i <= n; i++) {
      const l = (from.line + i) % n;
      const wrapped = from.line + i >= n;
      const fromX = i === 0 ? from.x + (inclusive ? 0 : 1) : 0;
      const toX = i === n ? from.x : Infinity;
      const m = matchIn(l, fromX, toX, false);
      if (m) return { line: l, x: m.x, len: m.len, wrapped };
    }
  } else {
    for (let i = 0; i <= n; i++) {
      const l = (from.line - i + n * 2) % n;
      const wrapped = from.line - i < 0;
      const toX = i === 0 ? from.x - 1 : Infinity;
      const fromX = i === n ? from.x : 0;
      const m = matchIn(l, fromX, toX, true);
      if (m) return { line: l, x: m.x, len: m.len, wrapped };
    }
  }
  return null;
}

export async function replace(nano: Nano): Promise<void> {
  if (nano.settings.view) {
    nano.statusbar('Key is invalid in view mode', true);
    return;
  }
  const answer = await nano.prompt(searchPrompt(nano, true), REPLACE, '', searchKeys(nano, true));
  if (answer === null || (answer === '' && !nano.lastSearch)) {
    nano.statusbar('Cancelled');
    return;
  }
  if (answer) nano.lastSearch = answer;
  const withText = await nano.prompt('Replace with: ', REPLACEWITH);
  if (withText === null) {
    nano.statusbar('Cancelled');
    return;
  }
  const re = matcher(nano);
  if (!re) return;
  const b = nano.buf;
  const origin = { ...b.cursor };
  let pos = { ...b.cursor };
  let count = 0;
  let all = false;
  let first = true;
  let changed = false;
  // Matches from the cursor to the end, then from the top back to where we started.
  for (;;) {
    const m = search(nano, re, pos, false, first);
    first = false;
    if (!m) break;
    const passed = m.wrapped && (m.line > origin.line || (m.line === origin.line && m.x >= origin.x));
    if (passed || (m.wrapped && count === 0 && m.line === origin.line && m.x >= origin.x)) break;
    b.cursor = { line: m.line, x: m.x };
    let answerYes: boolean = all;
    if (!all) {
      nano.spotlight = { line: m.line, from: m.x, to: m.x + m.len };
      const r = await nano.yesno('Replace this instance?', true);
      nano.spotlight = null;
      if (r === null) break;
      if (r === 'a') all = answerYes = true;
      else answerYes = r === 'y';
    }
    if (answerYes) {
      if (!changed) {
        if (!nano.change('replace')) return;
        changed = true;
      }
      const line = b.lines[m.line]!;
      const piece = nano.regexp ? line.slice(m.x, m.x + m.len).replace(new RegExp(re.source, re.flags.replace('g', '')), withText) : withText;
      b.lines[m.line] = line.slice(0, m.x) + piece + line.slice(m.x + m.len);
      if (m.line === origin.line && m.x < origin.x) origin.x += piece.length - m.len;
      count++;
      pos = { line: m.line, x: m.x + piece.length - 1 + (m.len === 0 ? 1 : 0) };
      if (piece.length === 0) pos.x = m.x - 1;
      if (pos.x < 0) pos = { line: m.line, x: -1 };
    } else pos = { line: m.line, x: m.x };
    if (pos.x < 0) {
      first = true;
      pos.x = 0;
    }
  }
  b.cursor = origin;
  b.cursor.x = Math.min(b.cursor.x, b.line.length);
  if (count === 0 && !changed) {
    if (!search(nano, re, origin, false, true)) nano.statusbar(`"${nano.lastSearch}" not found`);
    else nano.statusbar('Replaced 0 occurrences');
    return;
  }
  nano.statusbar(`Replaced ${count} occurrence${count === 1 ? '' : 's'}`);
}

export async function gotoLine(nano: Nano): Promise<void> {
  const answer = await nano.prompt('Enter line number, column number: ', GOTOLINE, '', (k) => {
    if (k === ctrl('Y')) {
      nano.buf.cursor = { line: 0, x: 0 };
      throw new GotoDone();
    }
    if (k === ctrl('V')) {
      nano.buf.cursor = { line: nano.buf.lines.length - 1, x: 0 };
      throw new GotoDone();
    }
  }).catch((err) => {
    if (err instanceof GotoDone) return undefined;
    throw err;
  });
  if (answer === undefined) return;
  if (answer === null || answer === '') {
    nano.statusbar('Cancelled');
    return;
  }
  const m = /^\s*(-?\d*)\s*(?:[,.\s]\s*(-?\d+))?\s*$/.exec(answer);
  if (!m || (m[1] === '' && m[2] === undefined)) {
    nano.statusbar('Invalid line or column number', true);
    return;
  }
  const b = nano.buf;
  let line = m[1] === '' ? b.cursor.line + 1 : parseInt(m[1]!, 10);
  if (line < 0) line = b.lines.length + line + 1;
  line = Math.max(1, Math.min(b.lines.length, line || 1));
  b.cursor.line = line - 1;
  // Without a column the cursor keeps the column it wanted.
  const col = m[2] === undefined ? nano.placewewant + 1 : parseInt(m[2], 10);
  b.cursor.x = nano.indexOfColumn(b.line, Math.max(0, col - 1));
  nano.placewewant = nano.columnOf(b.line, b.cursor.x);
  nano.edittop = Math.max(0, b.cursor.line - Math.floor(nano.editRows / 2));
}

export async function insertFile(nano: Nano): Promise<void> {
  if (nano.settings.view) {
    nano.statusbar('Key is invalid in view mode', true);
    return;
  }
  const answer = await nano.prompt('File to insert [from ./]: ', INSERTFILE);
  if (answer === null || answer === '') {
    nano.statusbar('Cancelled');
    return;
  }
  let text: string;
  try {
    const fd = nano.sys.open(answer, 'r');
    try {
      const st = nano.sys.fstat(fd);
      if ((st.mode & 0o170000) === 0o040000) {
        nano.statusbar(`"${answer}" is a directory`, true);
        return;
      }
      const parts: number[] = [];
      for (;;) {
        const d = await nano.sys.read(fd, 65536);
        if (d.length === 0) break;
        for (const x of d) parts.push(x);
      }
      text = decodeText(Uint8Array.from(parts));
    } finally {
      nano.sys.close(fd);
    }
  } catch (err) {
    if (isProcessControl(err)) throw err;
    if (err instanceof FsError && err.code === 'ENOENT') nano.statusbar(`File "${answer}" not found`, true);
    else nano.statusbar(`Error reading ${answer}: ${errText(err)}`, true);
    return;
  }
  insertText(nano, text, 'insert');
  const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  nano.statusbar(`Read ${lines} line${lines === 1 ? '' : 's'}`);
}

export function insertText(nano: Nano, text: string, kind: ChangeKind): void {
  if (!nano.change(kind)) return;
  nano.buf.insert(text);
  nano.magicLine();
}

/** ^T: runs a command and puts its output at the cursor. */
export async function execute(nano: Nano): Promise<void> {
  if (nano.settings.view) {
    nano.statusbar('Key is invalid in view mode', true);
    return;
  }
  const cmd = await nano.prompt('Execute Command: ', EXECUTE);
  if (cmd === null || cmd === '') {
    nano.statusbar('Cancelled');
    return;
  }
  const sys = nano.sys;
  const [r, w] = sys.pipe();
  let output = '';
  try {
    const pid = await sys.spawn('/bin/sh', { argv: ['sh', '-c', cmd], env: [...sys.env], fds: { 0: 0, 1: w, 2: w } });
    sys.close(w);
    const bytes: number[] = [];
    for (;;) {
      const d = await sys.read(r, 65536);
      if (d.length === 0) break;
      for (const x of d) bytes.push(x);
    }
    await sys.waitpid(pid);
    output = decodeText(Uint8Array.from(bytes));
  } catch (err) {
    if (isProcessControl(err)) throw err;
    nano.statusbar(`Error: ${errText(err)}`, true);
    return;
  } finally {
    try {
      sys.close(r);
    } catch {
      // already closed
    }
  }
  insertText(nano, output, 'insert');
}

/** ^J: fills the paragraph around the cursor to the width of the screen minus 8. */
export function justify(nano: Nano): void {
  const b = nano.buf;
  const blank = (l: number) => (b.lines[l] ?? '').trim() === '';
  let top = b.cursor.line;
  if (blank(top)) {
    while (top < b.lines.length - 1 && blank(top)) top++;
    if (blank(top)) return;
  }
  while (top > 0 && !blank(top - 1)) top--;
  let bottom = top;
  while (bottom < b.lines.length - 1 && !blank(bottom + 1)) bottom++;
  if (!nano.change('other')) return;
  const indent = /^[ \t]*/.exec(b.lines[top]!)![0];
  const words = b.lines.slice(top, bottom + 1).join(' ').split(/\s+/).filter((w) => w !== '');
  const width = Math.max(10, nano.cols - 8);
  const out: string[] = [];
  let line = indent;
  for (const word of words) {
    if (line.trim() !== '' && textWidth(line + ' ' + word) > width) {
      out.push(line);
      line = indent + word;
    } else line = line.trim() === '' ? indent + word : line + ' ' + word;
  }
  out.push(line);
  b.lines.splice(top, bottom - top + 1, ...out);
  b.cursor = { line: Math.min(top + out.length, b.lines.length - 1), x: 0 };
  nano.magicLine();
  nano.statusbar('Justified paragraph');
  nano.message = null;
}

/** ^G: the help text, paged; ^X or q leaves it. */
export async function help(nano: Nano): Promise<void> {
  const saveMenu = nano.menu;
  nano.menu = HELP;
  const lines = helpText(nano.cols);
  let top = 0;
  try {
    for (;;) {
      const s = nano.screen;
      s.clear();
      s.clearRow(0, ATTR.reverse);
      const title = 'Main nano help text';
      s.text(0, Math.floor((nano.cols - title.length) / 2), title, ATTR.reverse);
      for (let r = 0; r < nano.editRows; r++) s.text(1 + r, 0, lines[top + r] ?? '');
      if (!nano.settings.nohelp) drawMenu(s, HELP);
      s.cursor = { row: 1, col: 0 };
      nano.term.write(s.render());
      await nano.term.flush();
      const k = await nano.term.key();
      if (k === KEY.EOF) throw new Exit();
      if (k === KEY.RESIZE) {
        nano.resize();
        continue;
      }
      const max = Math.max(0, lines.length - nano.editRows);
      if (k === ctrl('X') || k === 0x71 || k === ctrl('C') || k === KEY.F1 || k === ctrl('G')) break;
      if (k === KEY.DOWN || k === ctrl('N')) top = Math.min(max, top + 1);
      else if (k === KEY.UP || k === ctrl('P')) top = Math.max(0, top - 1);
      else if (k === KEY.PAGEDOWN || k === ctrl('V') || k === 0x20) top = Math.min(max, top + nano.editRows - 2);
      else if (k === KEY.PAGEUP || k === ctrl('Y')) top = Math.max(0, top - nano.editRows + 2);
      else if (k === alt('\\') || k === KEY.HOME) top = 0;
      else if (k === alt('/') || k === KEY.END) top = max;
    }
  } finally {
    nano.menu = saveMenu;
    nano.wipe();
  }
}

class GotoDone extends Error {}
