/**
 * sed's script, as busybox parses it: each line of script (a trailing
 * backslash joins the next) holds commands, each with up to two addresses
 * (N, $, /RE/, \cREc, or +N for the second), an optional `!` and its
 * arguments. Regular expressions are compiled as they are met, so `//`
 * means "the last one compiled so far".
 *
 *     const s = new Script(openForWrite);
 *     s.addBlock('2,/x/s/a/b/g;$!d');
 *     s.add('');                // flushes a pending continued line
 *     s.commands;               // [{ cmd: 's', begLine: 2, endMatch: /x/ … }, { cmd: 'd', … }]
 */
import { AppletError } from './applet.ts';
import { isSpace } from './text-io.ts';
import { compileRegex, RegexError, type Regex } from './text-regex.ts';

export const die = (msg: string): never => {
  throw new AppletError(msg, 1);
};

/** Where output goes: stdout, the -i temporary file, or a `w` file. */
export interface Sink {
  write(s: string): Promise<void>;
  lastChar: string;
}

export interface Command {
  begMatch: Regex | null;
  endMatch: Regex | null;
  subMatch: Regex | null;
  begLine: number;
  begLineOrig: number;
  endLine: number;
  endLineOrig: number;
  file: Sink | null;
  string: string | null;
  whichMatch: number;
  invert: boolean;
  inMatch: boolean;
  subP: boolean;
  cmd: string;
  /** y: byte → replacement. */
  map?: Map<string, string>;
}

export const NO_EOL = 'noeol';
export const LAST_IS_NUL = 'lastnul';
export type GetsChar = '\n' | '\0' | typeof NO_EOL | typeof LAST_IS_NUL;

const SEMI_WS = '; \n\r\t\v';

/** parse_escapes: "\from" becomes `to`; with `to` empty, "\any" becomes "any". Stops at NUL. */
function parseEscapes(s: string, from: string, to: string): string {
  let d = '';
  for (let i = 0; i < s.length; ) {
    if (s[i] === '\\') {
      if (!to || s[i + 1] === from) {
        const c = to || (s[i + 1] ?? '\0');
        if (c === '\0') return d;
        d += c;
        i += 2;
        continue;
      }
      i++;
      d += '\\';
    }
    const c = s[i++] ?? '\0';
    if (c === '\0') return d;
    d += c;
  }
  return d;
}

/** copy_parsing_escapes: \n \t \r, then (optionally) the escaped delimiter. */
function copyParsingEscapes(s: string, delim: string): string {
  for (const [from, to] of [['n', '\n'], ['t', '\t'], ['r', '\r']] as const) s = parseEscapes(s, from, to);
  if (delim) s = parseEscapes(s, delim, delim);
  return s;
}

/** index_of_next_unescaped_regexp_delim; `brackets` false for the replacement part. */
function nextDelim(delim: string, s: string, brackets: boolean): number {
  let bracket = brackets ? -1 : -2;
  let escaped = false;
  for (let idx = 0; idx < s.length; idx++) {
    const ch = s[idx]!;
    if (ch === '\0') break;
    if (bracket >= 0) {
      if (ch === ']' && !(bracket === idx - 1 || (bracket === idx - 2 && s[idx - 1] === '^'))) bracket = -1;
    } else if (escaped) escaped = false;
    else if (ch === '\\') escaped = true;
    else if (bracket === -1 && ch === '[') bracket = idx;
    else if (ch === delim) return idx;
  }
  return die(`unmatched '${delim}'`);
}

export class Script {
  commands: Command[] = [];
  beQuiet = 0;
  regexType = { extended: false, bytes: false };
  previousRegex: Regex | null = null;
  private pendingLine: string | null = null;
  private readonly wfiles = new Map<string, Sink>();

  constructor(
    private readonly openWrite: (name: string) => Sink,
  ) {}

  compile(pattern: string, icase: boolean): Regex {
    try {
      return compileRegex(pattern, { extended: this.regexType.extended, icase, bytes: this.regexType.bytes });
    } catch (e) {
      if (e instanceof RegexError) return die(`bad regex '${pattern}': ${e.message}`);
      throw e;
    }
  }

  private wfile(name: string): Sink {
    let f = this.wfiles.get(name);
    if (!f) {
      f = this.openWrite(name);
      this.wfiles.set(name, f);
    }
    return f;
  }

  /** get_address: returns how many bytes it used. */
  private address(s: string, cmd: Command, which: 'beg' | 'end'): number {
    let pos = 0;
    if (/[0-9]/.test(s[0] ?? '')) {
      const m = /^[0-9]+/.exec(s)![0];
      const v = Math.min(Number(m), 0x7fffffff);
      if (which === 'beg') cmd.begLine = v;
      else cmd.endLine = v;
      pos = m.length;
    } else if (s[0] === '$') {
      if (which === 'beg') cmd.begLine = -1;
      else cmd.endLine = -1;
      pos = 1;
    } else if (s[0] === '/' || s[0] === '\\') {
      let delim = '/';
      if (s[0] === '\\') delim = s[++pos] ?? '\0';
      pos++;
      const next = nextDelim(delim, s.slice(pos), true);
      let re: Regex;
      if (next !== 0) {
        re = this.compile(copyParsingEscapes(s.slice(pos, pos + next), ''), false);
        this.previousRegex = re;
      } else {
        if (!this.previousRegex) die('no previous regexp');
        re = this.previousRegex!;
      }
      if (which === 'beg') cmd.begMatch = re;
      else cmd.endMatch = re;
      pos += next + 1;
    }
    return pos;
  }

  /** parse_file_cmd: a file name after white space, to the end of the line. */
  private fileArg(s: string): { name: string; used: number } {
    let start = 0;
    while (start < s.length && isSpace(s.charCodeAt(start))) start++;
    let eol = s.indexOf('\n', start);
    if (eol < 0) eol = s.length;
    if (eol === start) die('empty filename');
    const name = eol < s.length ? s.slice(start, eol) + '\\' : s.slice(start);
    return { name, used: eol };
  }

  private substitute(cmd: Command, s: string): number {
    if (!s) die('bad format in substitution expression');
    const delim = s[0]!;
    let rest = s.slice(1);
    const i1 = nextDelim(delim, rest, true);
    const match = copyParsingEscapes(rest.slice(0, i1), delim);
    rest = rest.slice(i1 + 1);
    const i2 = nextDelim(delim, rest, false);
    cmd.string = copyParsingEscapes(rest.slice(0, i2), delim !== '&' ? delim : '');
    let idx = 1 + i1 + 1 + i2;
    let icase = false;
    cmd.whichMatch = 1;
    for (;;) {
      idx++;
      const c = s[idx];
      if (c === undefined) break;
      if (/[0-9]/.test(c)) {
        if (match[0] !== '^') {
          const m = /^[0-9]+/.exec(s.slice(idx))![0];
          cmd.whichMatch = Number(m) >>> 0;
          idx += m.length - 1;
        }
        continue;
      }
      if (isSpace(c.charCodeAt(0))) continue;
      if (c === 'g') cmd.whichMatch = 0;
      else if (c === 'p') cmd.subP = true;
      else if (c === 'w') {
        const f = this.fileArg(s.slice(idx + 1));
        cmd.file = this.wfile(f.name);
        idx += f.used;
      } else if (c === 'i' || c === 'I') icase = true;
      else if (c === '#') {
        idx = s.length;
        break;
      } else if (c === ';' || c === '}') break;
      else die('bad option in substitution expression');
    }
    if (match) cmd.subMatch = this.compile(match, icase);
    return idx;
  }

  /** parse_cmd_args: returns how many bytes of s the arguments used. */
  private args(cmd: Command, s: string): number {
    const c = cmd.cmd;
    if (c === 's') return this.substitute(cmd, s);
    if (c === 'a' || c === 'i' || c === 'c') {
      if (c !== 'c' && (cmd.endLine || cmd.endMatch)) die(`command '${c}' uses only one address`);
      let i = 0;
      for (;;) {
        if (s[i] === '\n' || s[i] === '\\') {
          i++;
          break;
        }
        if (i >= s.length || !isSpace(s.charCodeAt(i))) break;
        i++;
      }
      cmd.string = parseEscapes(copyParsingEscapes(s.slice(i), ''), '', '');
      return s.length;
    }
    if (c === 'r' || c === 'w') {
      if (c === 'r' && (cmd.endLine || cmd.endMatch)) die(`command '${c}' uses only one address`);
      const f = this.fileArg(s);
      cmd.string = f.name;
      if (c === 'w') cmd.file = this.wfile(f.name);
      return f.used;
    }
    if (c === ':' || c === 'b' || c === 't' || c === 'T') {
      let i = 0;
      while (i < s.length && isSpace(s.charCodeAt(i))) i++;
      let j = i;
      while (j < s.length && !SEMI_WS.includes(s[j]!)) j++;
      if (j > i) cmd.string = s.slice(i, j);
      return j;
    }
    if (c === 'y') {
      const delim = s[0] ?? '';
      if (!delim) die('bad format in substitution expression');
      let rest = s.slice(1);
      const i1 = nextDelim(delim, rest, true);
      let match = copyParsingEscapes(rest.slice(0, i1), delim);
      rest = rest.slice(i1 + 1);
      const i2 = nextDelim(delim, rest, false);
      let repl = copyParsingEscapes(rest.slice(0, i2), delim !== '&' ? delim : '');
      match = parseEscapes(match, delim, delim);
      repl = parseEscapes(repl, delim, delim);
      cmd.map = new Map();
      for (let k = 0; k < match.length && k < repl.length; k++) if (!cmd.map.has(match[k]!)) cmd.map.set(match[k]!, repl[k]!);
      return 1 + i1 + 1 + i2 + 1;
    }
    if (!'dDgGhHlnNpPqx={}'.includes(c)) die(`unsupported command ${c}`);
    return 0;
  }

  /** add_cmd: one line of script (a trailing backslash continues it on the next). */
  add(line: string): void {
    if (this.pendingLine !== null) line = this.pendingLine + '\n' + line;
    let n = line.length;
    while (n && line[n - 1] === '\\') n--;
    if ((line.length - n) & 1) {
      this.pendingLine = line.slice(0, -1);
      return;
    }
    this.pendingLine = null;
    let s = line;
    for (;;) {
      let i = 0;
      while (i < s.length && SEMI_WS.includes(s[i]!)) i++;
      s = s.slice(i);
      if (!s) break;
      if (s[0] === '#') {
        if (s[1] === 'n') this.beQuiet++;
        const e = s.search(/[\n\r]/);
        if (e < 0) break;
        s = s.slice(e);
        continue;
      }
      const cmd: Command = { begMatch: null, endMatch: null, subMatch: null, begLine: 0, begLineOrig: 0, endLine: 0, endLineOrig: 0, file: null, string: null, whichMatch: 0, invert: false, inMatch: false, subP: false, cmd: '' };
      s = s.slice(this.address(s, cmd, 'beg'));
      cmd.begLineOrig = cmd.begLine;
      if (s[0] === ',') {
        s = s.slice(1);
        let used: number;
        const plus = /^\+([0-9]+)/.exec(s);
        if (plus) {
          cmd.endLine = -2 - Math.min(Number(plus[1]), 0x7fffffff);
          s = s.slice(plus[0].length);
          used = 1;
        } else {
          used = this.address(s, cmd, 'end');
          s = s.slice(used);
        }
        if (used === 0) die('no address after comma');
        cmd.endLineOrig = cmd.endLine;
      }
      s = s.replace(/^[ \t\n\v\f\r]+/, '');
      if (s[0] === '!') {
        cmd.invert = true;
        s = s.slice(1).replace(/^[ \t\n\v\f\r]+/, '');
      }
      if (!s) die('missing command');
      cmd.cmd = s[0]!;
      s = s.slice(1);
      s = s.slice(this.args(cmd, s));
      this.commands.push(cmd);
    }
  }

  /** add_cmd_block: a script argument; newlines separate lines. */
  addBlock(text: string): void {
    for (const line of text.split('\n')) this.add(line);
  }
}
