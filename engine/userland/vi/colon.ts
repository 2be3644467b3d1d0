/**
 * ":" commands, as busybox vi's colon() reads them: optional addresses
 * (".", "$", "'a", "/pat/", numbers, "+N", "%"), a command name that may
 * be abbreviated (":w", ":wr", ":write"), a "!" to force it, and arguments
 * in which "%" is the file name and "#" the previous one.
 */
import { SIGINT } from '../../kernel/signals.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import { byteLength } from '../tui/text.ts';
import { ALLOW } from './buffer.ts';
import { FORWARD, REG_U, WHOLE, errorText, isblank, isdigit, isspace, type Vi } from './editor.ts';
import { charSearch, vimRegex } from './search.ts';

interface Range {
  b: number;
  e: number;
  /** Bit 0: an address was given; bits 0-1 both: two were. */
  got: number;
}

/** One address at p; returns the rest of the command, or null after an error. */
function getOneAddress(vi: Vi, s: string, p: number): { p: number; addr: number; valid: boolean } | null {
  const b = vi.buf;
  let addr = b.lineOf(vi.dot);
  let got = false;
  let sign = 0;
  for (;;) {
    const c = s[p] ?? '';
    if (isblank(c)) {
      if (got) {
        addr += sign;
        sign = 0;
      }
      p++;
    } else if (!got && c === '.') {
      p++;
      got = true;
    } else if (!got && c === '$') {
      p++;
      addr = b.lineCount();
      got = true;
    } else if (!got && c === "'") {
      p++;
      const m = (s[p] ?? '').toLowerCase();
      p++;
      let q: number | null = null;
      if (m >= 'a' && m <= 'z') q = vi.mark[m.charCodeAt(0) - 0x61] ?? null;
      if (q === null) {
        vi.statusBold(vi.vim ? 'E20: Mark not set' : 'Mark not set');
        return null;
      }
      addr = b.lineOf(q);
      got = true;
    } else if (!got && (c === '/' || c === '?')) {
      let q = s.indexOf(c, p + 1);
      if (q < 0) q = s.length;
      if (p + 1 !== q) vi.lastSearchPattern = s.slice(p, q);
      p = q;
      if (s[p] === c) p++;
      const pat = vi.lastSearchPattern.slice(1);
      const dir = c === '/' ? FORWARD : -1;
      let found = charSearch(vi, c === '/' ? b.nextLine(vi.dot) : b.beginLine(vi.dot), pat, dir, true);
      if (found === null) found = charSearch(vi, dir > 0 ? 0 : vi.end - 1, pat, dir, true);
      if (found === null) {
        vi.statusBold(vi.vim ? `E486: Pattern not found: ${pat}` : 'Pattern not found');
        return null;
      }
      addr = b.lineOf(found);
      got = true;
    } else if (isdigit(c)) {
      let num = 0;
      while (isdigit(s[p] ?? '')) num = num * 10 + (s.charCodeAt(p++) - 0x30);
      if (!got) {
        addr = num;
        got = true;
      } else addr += sign >= 0 ? num : -num;
      sign = 0;
    } else if (c === '-' || c === '+') {
      if (!got) got = true;
      else addr += sign;
      sign = s[p++] === '-' ? -1 : 1;
    } else {
      addr += sign;
      break;
    }
  }
  return { p, addr, valid: got };
}

function getAddress(vi: Vi, s: string, r: Range): number | null {
  let state: 'addr' | 'sep' = 'addr';
  let p = 0;
  const saveDot = vi.dot;
  try {
    for (;;) {
      const c = s[p] ?? '';
      if (isblank(c)) p++;
      else if (state === 'addr' && c === '%') {
        p++;
        r.b = 1;
        r.e = vi.buf.lineCount();
        r.got = 3;
        state = 'sep';
      } else if (state === 'addr') {
        const one = getOneAddress(vi, s, p);
        if (one === null) return null;
        p = one.p;
        const next = s[p] ?? '';
        if (!(one.valid || next === ',' || next === ';' || r.got & 1)) break;
        r.b = r.e;
        r.e = one.addr;
        r.got = (r.got << 1) | 1;
        state = 'sep';
      } else if (state === 'sep' && (c === ',' || c === ';')) {
        if (c === ';') vi.dot = vi.buf.findLine(r.e);
        p++;
        state = 'addr';
      } else break;
    }
  } finally {
    vi.dot = saveDot;
  }
  return p;
}

/** "%" and "#" in a file argument; backslash quotes the next character. */
function expandArgs(vi: Vi, args: string): string | null {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (c === '%' || c === '#') {
      const replace = c === '%' ? vi.currentFilename : vi.altFilename;
      if (replace === null) {
        vi.statusBold(vi.vim ? (c === '%' ? 'E499: Empty file name for \'%\' or \'#\', only works with ":p:h"' : 'E194: No alternate file name to substitute for \'#\'') : 'No previous filename');
        return null;
      }
      out += replace;
    } else if (c === '\\' && i + 1 < args.length) out += args[++i];
    else out += c;
  }
  return out;
}

/** Runs one ":" command line (with or without its leading ":"). */
export async function colon(vi: Vi, input: string): Promise<void> {
  try {
    await colonCommand(vi, input);
  } finally {
    vi.dot = vi.boundDot(vi.dot);
  }
}

const OPTIONS: [string, string, keyof Vi['opts'] | 'tabstop', boolean][] = [
  // short, long, field, vim only
  ['ai', 'autoindent', 'autoindent', false],
  ['et', 'expandtab', 'expandtab', false],
  ['fl', 'flash', 'flash', false],
  ['ic', 'ignorecase', 'ignorecase', false],
  ['sm', 'showmatch', 'showmatch', false],
  ['ts', 'tabstop', 'tabstop', false],
  ['nu', 'number', 'number', true],
  ['list', 'list', 'list', true],
  ['hls', 'hlsearch', 'hlsearch', true],
  ['ws', 'wrapscan', 'wrapscan', true],
];

function setOption(vi: Vi, arg: string): boolean {
  let name = arg;
  let no = false;
  let value: string | undefined;
  let toggle = false;
  let query = false;
  const eq = name.search(/[=:]/);
  if (eq >= 0) {
    value = name.slice(eq + 1);
    name = name.slice(0, eq);
  }
  if (vi.vim && name.endsWith('!')) {
    toggle = true;
    name = name.slice(0, -1);
  }
  if (vi.vim && name.endsWith('?')) {
    query = true;
    name = name.slice(0, -1);
  }
  if (name.startsWith('no')) {
    const rest = name.slice(2);
    if (OPTIONS.some(([s, l, , vimOnly]) => (s === rest || l === rest) && (!vimOnly || vi.vim))) {
      no = true;
      name = rest;
    }
  }
  if (vi.vim && name.startsWith('inv')) {
    toggle = true;
    name = name.slice(3);
  }
  const opt = OPTIONS.find(([s, l, , vimOnly]) => (s === name || l === name) && (!vimOnly || vi.vim));
  const bad = () => {
    vi.statusBold(vi.vim ? `E518: Unknown option: ${arg}` : `bad option: ${arg}`);
    return false;
  };
  if (!opt) return bad();
  const field = opt[2];
  if (field === 'tabstop') {
    if (query || (vi.vim && value === undefined && !no)) {
      vi.status(`  tabstop=${vi.tabstop}`);
      return true;
    }
    if (value === undefined || no) return bad();
    const t = /^\d+$/.test(value) ? parseInt(value, 10) : -1;
    if (t <= 0 || t > 32) {
      if (vi.vim) {
        vi.statusBold(`E487: Argument must be positive: ${arg}`);
        return false;
      }
      return bad();
    }
    vi.tabstop = t;
    return true;
  }
  if (value !== undefined) {
    if (vi.vim) {
      vi.statusBold(`E474: Invalid argument: ${arg}`);
      return false;
    }
    return bad();
  }
  if (query) {
    vi.status(`${vi.opts[field] ? '  ' : 'no'}${opt[1]}`);
    return true;
  }
  vi.opts[field] = toggle ? !vi.opts[field] : !no;
  return true;
}

function noWriteSinceChange(vi: Vi, cmd: string): void {
  vi.statusBold(vi.vim ? 'E37: No write since last change (add ! to override)' : `No write since last change (:${cmd}! overrides)`);
}

/** vim's "file" 3L, 20B (busybox: 'file' 3L, 20C). */
function fileStatus(vi: Vi, fn: string, flags: string, lines: number, bytes: number, written = false): string {
  if (vi.vim) return `"${fn}"${flags} ${lines}L, ${bytes}B${written ? ' written' : ''}`;
  return `'${fn}'${flags} ${lines}L, ${bytes}C`;
}

async function colonCommand(vi: Vi, input: string): Promise<void> {
  const b = vi.buf;
  let buf = input;
  while (buf.startsWith(':')) buf = buf.slice(1);
  while (isblank(buf[0] ?? '')) buf = buf.slice(1);
  if (!buf || buf[0] === '"') return;

  let li = b.lineCount();
  let fn = vi.currentFilename;
  const r: Range = { b: -1, e: -1, got: 0 };
  const at = getAddress(vi, buf, r);
  if (at === null) return;
  buf = buf.slice(at);
  const gotAddress = (r.got & 1) !== 0;
  const gotRange = (r.got & 3) === 3;

  // The command, then its arguments.
  let i = 0;
  while (i < buf.length && !isspace(buf[i]!)) i++;
  let cmd = buf.slice(0, i);
  while (isblank(buf[i] ?? '')) i++;
  const args = buf.slice(i);
  let useforce = false;
  if (cmd.endsWith('!') && cmd.length > 0) {
    useforce = true;
    cmd = cmd.slice(0, -1);
  }
  // vim lets "w!", "wq", "s/a/b/" stand without spaces; so does this, mostly.
  let q: number;
  let rr: number;
  if (!gotAddress) {
    q = 0;
    rr = vi.end - 1;
  } else {
    if (r.e < 0 || r.e > li) {
      if (vi.vim && cmd === '') r.e = Math.max(1, Math.min(r.e, li));
      else {
        vi.statusBold(vi.vim ? 'E16: Invalid range' : 'Invalid range');
        return;
      }
    }
    q = rr = b.findLine(r.e);
    if (!gotRange) {
      rr = b.endLine(q);
      li = 1;
    } else {
      if (r.b < 0 || r.b > li || r.b > r.e) {
        vi.statusBold(vi.vim ? (r.b > r.e ? 'E493: Backwards range given' : 'E16: Invalid range') : 'Invalid range');
        return;
      }
      q = b.findLine(r.b);
      rr = b.endLine(rr);
      li = r.e - r.b + 1;
    }
  }
  const n = cmd.length;
  const is = (full: string, min = 1) => n >= min && full.startsWith(cmd);

  if (n === 0) {
    if (r.e >= 0) {
      vi.dot = b.findLine(r.e);
      vi.dotSkipOverWs();
    }
    return;
  }
  if (cmd[0] === '!') {
    const exp = expandArgs(vi, buf.slice(1));
    if (exp === null) return;
    await shellEscape(vi, exp);
    return;
  }
  if (cmd === '=' ) {
    if (!gotAddress) r.e = b.lineOf(vi.dot);
    vi.status(String(r.e));
    return;
  }
  if (is('delete')) {
    if (!gotAddress) {
      q = b.beginLine(vi.dot);
      rr = b.endLine(vi.dot);
    }
    vi.dot = vi.yankDelete(q, rr, WHOLE, true, ALLOW.UNDO);
    vi.dotSkipOverWs();
    if (vi.vim) vi.yankStatus('Delete', vi.reg[vi.YDreg] ?? '', 1);
    return;
  }
  if (is('edit')) {
    if (b.modified && !useforce) {
      noWriteSinceChange(vi, cmd);
      return;
    }
    if (args) {
      const exp = expandArgs(vi, args);
      if (exp === null) return;
      fn = exp;
    } else if (vi.currentFilename === null) {
      vi.statusBold(vi.vim ? 'E32: No file name' : 'No current filename');
      return;
    }
    // vim stays where it was when it reads the same file again (":e!").
    const same = vi.vim && fn === vi.currentFilename;
    const line = b.lineOf(vi.dot);
    const col = vi.dot - b.beginLine(vi.dot);
    const size = await vi.initTextBuffer(fn);
    if (same) {
      const bol = b.findLine(line);
      vi.dot = Math.min(bol + col, Math.max(bol, b.endLine(bol) - (vi.text[b.endLine(bol)] === '\n' && b.endLine(bol) > bol ? 1 : 0)));
    }
    vi.reg[REG_U] = null;
    vi.reg[vi.YDreg] = null;
    li = b.lineCount();
    if (vi.vim) {
      vi.fileMessage(size < 0 ? `"${fn}" [New]` : fileStatus(vi, fn!, vi.readonlyMode ? ' [readonly]' : '', li, size));
    } else vi.status(`'${fn}'${size < 0 ? ' [New file]' : ''}${vi.readonlyMode ? ' [Readonly]' : ''} ${li}L, ${byteLength(vi.text)}C`);
    return;
  }
  if (is('file')) {
    if (r.e >= 0) {
      vi.statusBold(vi.vim ? 'E481: No range allowed' : 'No address allowed on this command');
      return;
    }
    if (args) {
      const exp = expandArgs(vi, args);
      if (exp === null) return;
      vi.updateFilename(exp);
    } else vi.forceStatus();
    return;
  }
  if (!vi.vim && is('features')) {
    await printOut(vi, 'These features are available:\n\tPattern searches with / and ?\n\tLast command repeat with .\n\tLine marking with \'x\n\tNamed buffers with "x\n\tSome colon mode commands with :\n\tSettable options with ":set"\n\tSignal catching- ^C\n\tJob suspend and resume with ^Z\n\tAdapt to window re-sizes\n');
    return;
  }
  if (is('list')) {
    if (!gotAddress) {
      q = b.beginLine(vi.dot);
      rr = b.endLine(vi.dot);
    }
    let out = '\n';
    for (let p = q; p <= rr; p++) {
      const c = vi.text[p]!;
      if (c === '\n') out += '$\n';
      else if (c < ' ' || c === '\x7f') out += '^' + (c === '\x7f' ? '?' : String.fromCharCode(c.charCodeAt(0) + 0x40));
      else out += c;
    }
    await printOut(vi, out);
    return;
  }
  if (is('quit') || is('next') || is('prev') || (vi.vim && (cmd === 'qa' || cmd === 'qall' || cmd === 'quitall'))) {
    const quitAll = cmd === 'qa' || cmd === 'qall' || cmd === 'quitall';
    if (useforce) {
      if (cmd[0] === 'q') vi.optind = vi.files.length;
      vi.editing = 0;
      return;
    }
    if (b.modified) {
      noWriteSinceChange(vi, cmd);
      return;
    }
    const left = vi.files.length - vi.optind - 1;
    if (cmd[0] === 'q' && left > 0 && !quitAll) {
      vi.statusBold(vi.vim ? `E173: ${left} more file${left > 1 ? 's' : ''} to edit` : `${left} more file(s) to edit`);
      return;
    }
    if (quitAll) vi.optind = vi.files.length;
    if (cmd[0] === 'n' && left <= 0) {
      vi.statusBold(vi.vim ? 'E165: Cannot go beyond last file' : 'No more files to edit');
      return;
    }
    if (cmd[0] === 'p') {
      if (vi.optind < 1) {
        vi.statusBold(vi.vim ? 'E164: Cannot go before first file' : 'No previous files to edit');
        return;
      }
      vi.optind -= 2;
    }
    vi.editing = 0;
    return;
  }
  if (is('read')) {
    if (args) {
      const exp = expandArgs(vi, args);
      if (exp === null) return;
      fn = exp;
      vi.initFilename(fn);
    } else if (vi.currentFilename === null) {
      vi.statusBold(vi.vim ? 'E32: No file name' : 'No current filename');
      return;
    }
    let at2: number;
    if (r.e === 0) at2 = 0;
    else {
      at2 = b.nextLine(gotAddress ? b.findLine(r.e) : vi.dot);
      if (at2 === vi.end - 1) at2++;
    }
    let num = b.lineOf(at2);
    if (at2 === vi.end) num++;
    const size = await vi.fileInsert(fn!, at2, false);
    if (size < 0) {
      if (vi.vim) vi.statusBold(`E484: Can't open file ${fn}`);
      return;
    }
    const inserted = vi.lastInsertedChars;
    li = b.countLines(at2, at2 + inserted - 1);
    vi.fileMessage(fileStatus(vi, fn!, vi.readonlyMode && !vi.vim ? ' [Readonly]' : '', li, size));
    vi.dot = b.findLine(num);
    return;
  }
  if (is('rewind', 3) || (cmd === 'rew')) {
    if (b.modified && !useforce) noWriteSinceChange(vi, cmd);
    else {
      vi.optind = -1;
      vi.editing = 0;
    }
    return;
  }
  if (is('set', 2)) {
    if (!args || args === 'all') {
      if (vi.vim) {
        vi.status(vimSetSummary(vi));
        return;
      }
      const o = vi.opts;
      vi.statusBold(`${o.autoindent ? '' : 'no'}autoindent ${o.expandtab ? '' : 'no'}expandtab ${o.flash ? '' : 'no'}flash ${o.ignorecase ? '' : 'no'}ignorecase ${o.showmatch ? '' : 'no'}showmatch tabstop=${vi.tabstop}`);
      return;
    }
    for (const arg of args.split(/\s+/).filter((a) => a !== '')) if (!setOption(vi, arg) && vi.vim) break;
    return;
  }
  if (cmd[0] === 's' && (cmd.length === 1 || !/^[a-z]/i.test(cmd[1]!) || (vi.vim && /^s(ubstitute|ubst?|ub?)?$/.test(cmd)))) {
    substitute(vi, buf, gotAddress, gotRange, r, q, rr);
    return;
  }
  if (is('version')) {
    vi.status(vi.vim ? 'VIM - Vi IMproved 9.1 (Berth)' : '1.36.1');
    return;
  }
  if (is('write') || cmd === 'wq' || cmd === 'wn' || cmd === 'x' || (vi.vim && (cmd === 'xit' || cmd === 'exit' || cmd === 'wqa' || cmd === 'xa'))) {
    await write(vi, cmd, args, useforce, q, rr, fn);
    return;
  }
  if (is('yank')) {
    if (!gotAddress) {
      q = b.beginLine(vi.dot);
      rr = b.endLine(vi.dot);
    }
    vi.textYank(q, rr, vi.YDreg, WHOLE);
    li = b.countLines(q, rr);
    if (vi.vim) vi.yankStatus('Yank', vi.reg[vi.YDreg] ?? '', 1);
    else vi.status(`Yank ${li} lines (${byteLength(vi.reg[vi.YDreg] ?? '')} chars) into [${vi.whatReg()}]`);
    return;
  }
  if (vi.vim && (cmd === 'noh' || cmd === 'nohlsearch')) return;
  // Berth's vim has no runtime files; real vim says the same when they are missing.
  if (vi.vim && (cmd === 'h' || is('help', 1))) {
    vi.statusBold(`E149: Sorry, no help for ${args || 'help.txt'}`);
    return;
  }
  if (vi.vim) vi.statusBold(`E492: Not an editor command: ${buf}`);
  else vi.statusBold(`'${vi.printable(cmd)}' is not implemented`);
}

async function write(vi: Vi, cmd: string, args: string, useforce: boolean, q: number, rr: number, fn: string | null): Promise<void> {
  const b = vi.buf;
  let isNew = false;
  if (args) {
    const exp = expandArgs(vi, args);
    if (exp === null) return;
    if (!useforce && (fn === null || fn !== exp) && exists(vi, exp)) {
      vi.statusBold(vi.vim ? 'E13: File exists (add ! to override)' : 'File exists (:w! overrides)');
      return;
    }
    fn = exp;
    vi.initFilename(fn);
  } else if (vi.readonlyMode && !useforce && fn) {
    vi.statusBold(vi.vim ? "E45: 'readonly' option is set (add ! to override)" : `'${fn}' is read only`);
    return;
  }
  if (fn !== null) isNew = !exists(vi, fn);
  let size: number;
  let l: number;
  if (b.modified !== 0 || cmd[0] !== 'x') {
    size = vi.writeSize(q, rr);
    l = await vi.fileWrite(fn, q, rr);
  } else {
    size = 0;
    l = 0;
  }
  if (l < 0) {
    if (l === -1) {
      if (vi.vim) vi.statusBold(`"${fn}" E212: Can't open file for writing`);
      else vi.statusErrno(fn!, vi.writeError);
    }
    return;
  }
  const li = l === 0 ? 0 : b.countLines(q, rr);
  if (cmd[0] === 'x' && size === 0 && l === 0) {
    // ":x" without changes writes nothing and just quits (busybox still says 0L, 0C).
    vi.status(vi.vim ? '' : `'${fn}' 0L, 0C`);
  } else if (l !== size) {
    vi.statusBold(vi.vim ? `"${fn}" E514: Write error (file system full?)` : `'${fn}' ${errorText(vi.writeError)}`);
    return;
  } else vi.fileMessage(vi.vim ? `"${fn}"${isNew ? ' [New]' : ''} ${li}L, ${l}B written` : `'${fn}' ${li}L, ${l}C`);
  if (l === size) {
    if (q === 0 && rr + 1 === vi.end) {
      b.modified = 0;
    }
    if (cmd[1] === 'n') vi.editing = 0;
    else if (cmd[0] === 'x' || cmd[1] === 'q') {
      const left = vi.files.length - vi.optind - 1;
      if (left > 0 && cmd !== 'wqa' && cmd !== 'xa') {
        if (useforce) vi.optind = vi.files.length;
        else {
          vi.statusBold(vi.vim ? `E173: ${left} more file${left > 1 ? 's' : ''} to edit` : `${left} more file(s) to edit`);
          return;
        }
      }
      vi.editing = 0;
    }
  }
}

function exists(vi: Vi, path: string): boolean {
  try {
    vi.sys.stat(path);
    return true;
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return false;
  }
}

/** :s/find/replace/g over the range (busybox: plain text; vim: a regular expression). */
function substitute(vi: Vi, buf: string, gotAddress: boolean, gotRange: boolean, r: Range, q: number, rr: number): void {
  const b = vi.buf;
  const delim = buf[1];
  if (delim === undefined || (vi.vim && /[a-zA-Z0-9\\"|\s]/.test(delim))) {
    if (vi.vim && buf.length > 1 && !/^s\s/.test(buf)) {
      vi.statusBold(`E492: Not an editor command: ${buf}`);
      return;
    }
    vi.status(vi.vim ? 'E35: No previous regular expression' : ':s expression missing delimiters');
    return;
  }
  const body = buf.slice(2);
  const mid = indexUnescaped(body, delim);
  if (mid < 0 && !vi.vim) {
    vi.status(':s expression missing delimiters');
    return;
  }
  let find = mid < 0 ? body : body.slice(0, mid);
  let rest = mid < 0 ? '' : body.slice(mid + 1);
  const fl = indexUnescaped(rest, delim);
  let flags = '';
  if (fl >= 0) {
    flags = rest.slice(fl + 1);
    rest = rest.slice(0, fl);
  }
  const replace = rest;
  const gflag = vi.vim ? flags.includes('g') : flags[0] === 'g';
  if (find.length > 0) vi.lastSearchPattern = '/' + find;
  else if (vi.lastSearchPattern.length <= 1) {
    vi.statusBold(vi.vim ? 'E35: No previous regular expression' : 'No previous search');
    return;
  } else find = vi.lastSearchPattern.slice(1);
  if (!gotAddress) {
    q = b.beginLine(vi.dot);
    rr = b.endLine(vi.dot);
    r.b = r.e = b.lineOf(q);
  } else if (!gotRange) r.b = r.e;

  let subs = 0;
  let lines = 0;
  let lastLine = 0;
  let first = true;
  let lineStart = q;
  const re = vi.vim ? vimRegex(find, vi.opts.ignorecase || flags.includes('i')) : null;
  if (vi.vim && !re) {
    vi.statusBold(`E486: Pattern not found: ${find}`);
    return;
  }
  for (let i = r.b; i <= r.e; i++) {
    let ls = lineStart;
    let from = ls;
    for (;;) {
      const eol = b.endLine(ls);
      let found = -1;
      let len = find.length;
      let rep = replace;
      if (re) {
        re.lastIndex = from;
        const m = re.exec(vi.text);
        if (m && m.index <= eol && !(m.index === eol && m[0].length === 0 && m.index !== ls)) {
          found = m.index;
          len = m[0].length;
          rep = vimReplacement(replace, m);
        }
      } else {
        const at = charSearchLine(vi, from, find, eol);
        if (at !== null) found = at;
      }
      if (found < 0) break;
      if (len) b.remove(found, found + len - 1, first ? ALLOW.UNDO : ALLOW.CHAIN);
      if (rep.length !== 0) b.insert(found, rep, len || !first ? ALLOW.CHAIN : ALLOW.UNDO);
      first = false;
      if (len || rep.length) {
        vi.dot = ls;
        subs++;
        if (lastLine !== i) {
          lastLine = i;
          lines++;
        }
      }
      if (!gflag) break;
      from = found + rep.length + (len === 0 ? 1 : 0);
      if (!(from < b.endLine(ls) || (re && from === b.endLine(ls) && len > 0))) break;
      if (from > b.endLine(ls)) break;
    }
    ls = b.nextLine(ls);
    lineStart = ls;
  }
  if (subs === 0) {
    vi.statusBold(vi.vim ? `E486: Pattern not found: ${find}` : 'No match');
    return;
  }
  vi.dotSkipOverWs();
  if (vi.vim) {
    if (subs > 2) vi.status(`${subs} substitution${subs > 1 ? 's' : ''} on ${lines} line${lines > 1 ? 's' : ''}`);
  } else if (subs > 1) vi.status(`${subs} substitutions on ${lines} lines`);
}

/** The plain-text match of `pat` on the line from p (busybox searches one line at a time). */
function charSearchLine(vi: Vi, p: number, pat: string, eol: number): number | null {
  const ic = vi.opts.ignorecase;
  const needle = ic ? pat.toLowerCase() : pat;
  const stop = vi.buf.nextLine(p);
  for (let start = p; start < stop && start <= eol; start++) {
    const piece = vi.text.slice(start, start + pat.length);
    if ((ic ? piece.toLowerCase() : piece) === needle) return start;
  }
  return null;
}

function indexUnescaped(s: string, c: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === c) return i;
    if (s[i] === '\\') i++;
  }
  return -1;
}

/** vim's replacement: & and \0 the match, \1-\9 groups, \r a line break, \& a plain &. */
function vimReplacement(rep: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === '&') out += m[0];
    else if (c === '\\' && i + 1 < rep.length) {
      const n = rep[++i]!;
      if (n >= '0' && n <= '9') out += m[Number(n)] ?? '';
      else if (n === 'r' || n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
    } else out += c;
  }
  return out;
}

function vimSetSummary(vi: Vi): string {
  const o = vi.opts;
  const parts: string[] = [];
  if (o.autoindent) parts.push('autoindent');
  if (o.expandtab) parts.push('expandtab');
  if (o.ignorecase) parts.push('ignorecase');
  if (o.hlsearch) parts.push('hlsearch');
  if (o.list) parts.push('list');
  if (o.number) parts.push('number');
  if (o.showmatch) parts.push('showmatch');
  if (vi.tabstop !== 8) parts.push(`tabstop=${vi.tabstop}`);
  return parts.length ? '  ' + parts.join('  ') : '';
}

/** Shows text below the screen (":features", ":list"), then waits for Enter. */
async function printOut(vi: Vi, text: string): Promise<void> {
  vi.term.write(`\x1b[${vi.rows};1H\x1b[K`);
  vi.term.leaveRaw();
  vi.term.write(vi.vim ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r\n'));
  await vi.flush();
  vi.term.enterRaw();
  vi.term.write(vi.vim ? '\x1b[1mPress ENTER or type command to continue\x1b[m' : '\x1b[7m[Hit return to continue]\x1b[m');
  await vi.term.flush();
  vi.screen.invalidate();
  vi.suppressRender = true;
  await vi.hitReturn();
}

/** :!cmd: runs cmd with the terminal back in normal mode, then waits for Enter. */
async function shellEscape(vi: Vi, cmd: string): Promise<void> {
  const sys = vi.sys;
  vi.screen.clearRow(vi.rows - 1);
  await vi.flush();
  vi.term.write(`\x1b[${vi.rows};1H\x1b[K`);
  if (vi.vim) vi.term.write(`:!${cmd}\r\n`);
  await vi.term.flush();
  vi.term.leaveRaw();
  let status = 0;
  try {
    const pid = await sys.spawn('/bin/sh', { argv: ['sh', '-c', cmd], env: [...sys.env] });
    const st = await sys.waitpid(pid);
    if (st) status = st.kind === 'exited' ? st.code << 8 : st.kind === 'signaled' ? st.signal : 0;
    if (st?.kind === 'signaled' && st.signal === SIGINT) status = SIGINT;
  } catch (err) {
    if (isProcessControl(err)) throw err;
    status = 127 << 8;
  }
  vi.term.enterRaw();
  vi.term.forgetEvents();
  if (status) vi.term.write(vi.vim ? `\r\nshell returned ${status >> 8 || status}\r\n\r\n` : `\r\nshell returned ${status}\r\n\r\n`);
  vi.term.write(vi.vim ? 'Press ENTER or type command to continue' : '\x1b[7m[Hit return to continue]\x1b[m');
  await vi.term.flush();
  vi.screen.invalidate();
  vi.suppressRender = true;
  await vi.hitReturn();
}

