/**
 * The awk lexer, a close port of busybox's next_token(). What a piece of
 * text means depends on what the parser expects next — `/` begins a regex
 * where an operand may start and divides elsewhere; `>` redirects output in
 * a print statement and compares inside parentheses — so the parser passes
 * the set of token classes it can accept, and anything else is a syntax
 * error. The lexer also decides two famous quirks:
 *
 * - newlines end statements, except after tokens that cannot end one
 *   (`,`, `{`, `&&`, an operator…), where they are skipped;
 * - two operands side by side are a concatenation: the lexer inserts the
 *   (invisible) concatenation operator between them.
 */
import { programNumber } from './numbers.ts';

// Token classes: bit flags, in busybox's order (the table below relies on it).
export const TC_LPAREN = 1 << 0;
export const TC_RPAREN = 1 << 1;
export const TC_REGEXP = 1 << 2;
export const TC_OUTRDR = 1 << 3; // | > >> after print
export const TC_UOPPOST = 1 << 4; // x++ x--
export const TC_UOPPRE1 = 1 << 5; // ++x --x $x
export const TC_BINOPX = 1 << 6;
export const TC_IN = 1 << 7;
export const TC_COMMA = 1 << 8;
export const TC_PIPE = 1 << 9; // cmd | getline
export const TC_UOPPRE2 = 1 << 10; // + - !
export const TC_ARRTERM = 1 << 11; // ]
export const TC_LBRACE = 1 << 12;
export const TC_RBRACE = 1 << 13;
export const TC_SEMICOL = 1 << 14;
export const TC_NEWLINE = 1 << 15;
export const TC_STATX = 1 << 16; // if do for break continue delete print printf next nextfile return exit
export const TC_WHILE = 1 << 17;
export const TC_ELSE = 1 << 18;
export const TC_BUILTIN = 1 << 19;
export const TC_LENGTH = 1 << 20;
export const TC_GETLINE = 1 << 21;
export const TC_FUNCDECL = 1 << 22;
export const TC_BEGIN = 1 << 23;
export const TC_END = 1 << 24;
export const TC_EOF = 1 << 25;
export const TC_VARIABLE = 1 << 26;
export const TC_ARRAY = 1 << 27; // name[
export const TC_FUNCTION = 1 << 28; // name(
export const TC_STRING = 1 << 29;
export const TC_NUMBER = 1 << 30;

export const TS_UOPPRE = TC_UOPPRE1 | TC_UOPPRE2;
export const TS_BINOP = TC_BINOPX | TC_COMMA | TC_PIPE | TC_IN;
export const TS_OPERAND = TC_VARIABLE | TC_ARRAY | TC_FUNCTION | TC_BUILTIN | TC_LENGTH | TC_GETLINE | TC_LPAREN | TC_STRING | TC_NUMBER;
export const TS_LVALUE = TC_VARIABLE | TC_ARRAY;
export const TS_STATEMNT = TC_STATX | TC_WHILE;
/** Keywords: always recognized, so they cannot be used as names. */
const TS_WORD = TC_IN | TS_STATEMNT | TC_ELSE | TC_BUILTIN | TC_LENGTH | TC_GETLINE | TC_FUNCDECL | TC_BEGIN | TC_END;
/** Newlines after these are skipped. */
const TS_NOTERM = TS_BINOP | TC_COMMA | TC_LBRACE | TC_RBRACE | TC_SEMICOL | TC_NEWLINE;
export const TS_OPSEQ = TS_OPERAND | TS_UOPPRE | TC_REGEXP;
export const TS_GRPSEQ = TS_OPSEQ | TS_STATEMNT | TC_SEMICOL | TC_NEWLINE | TC_LBRACE;
const TS_CONCAT_L = TC_VARIABLE | TC_ARRTERM | TC_RPAREN | TC_STRING | TC_NUMBER | TC_UOPPOST | TC_LENGTH;
const TS_CONCAT_R = TS_OPERAND | TS_UOPPRE;

/**
 * What a token means to the parser: an operation name and, for operators,
 * a priority — lower binds tighter; an odd priority groups left to right,
 * an even one right to left (assignment, `?:`, `,`).
 */
export interface TokenInfo {
  op: string;
  pri: number;
}

const I = (op: string, pri = 0): TokenInfo => ({ op, pri });

/** Tokens in busybox's order: earlier entries win ("==" before "="). */
const TABLE: [number, string, TokenInfo][] = [
  [TC_LPAREN, '(', I('(')],
  [TC_RPAREN, ')', I(')')],
  [TC_REGEXP, '/', I('regex')],
  [TC_OUTRDR, '>>', I('>>')],
  [TC_OUTRDR, '>', I('>')],
  [TC_OUTRDR, '|', I('|')],
  [TC_UOPPOST, '++', I('post++', 9)],
  [TC_UOPPOST, '--', I('post--', 9)],
  [TC_UOPPRE1, '++', I('pre++', 9)],
  [TC_UOPPRE1, '--', I('pre--', 9)],
  [TC_UOPPRE1, '$', I('$', 5)],
  [TC_BINOPX, '==', I('==', 39)],
  [TC_BINOPX, '=', I('=', 74)],
  [TC_BINOPX, '+=', I('+=', 74)],
  [TC_BINOPX, '-=', I('-=', 74)],
  [TC_BINOPX, '*=', I('*=', 74)],
  [TC_BINOPX, '/=', I('/=', 74)],
  [TC_BINOPX, '%=', I('%=', 74)],
  [TC_BINOPX, '^=', I('^=', 74)],
  [TC_BINOPX, '+', I('+', 29)],
  [TC_BINOPX, '-', I('-', 29)],
  [TC_BINOPX, '**=', I('^=', 74)],
  [TC_BINOPX, '**', I('^', 15)],
  [TC_BINOPX, '/', I('/', 25)],
  [TC_BINOPX, '%', I('%', 25)],
  [TC_BINOPX, '^', I('^', 15)],
  [TC_BINOPX, '*', I('*', 25)],
  [TC_BINOPX, '!=', I('!=', 39)],
  [TC_BINOPX, '>=', I('>=', 39)],
  [TC_BINOPX, '<=', I('<=', 39)],
  [TC_BINOPX, '>', I('>', 39)],
  [TC_BINOPX, '<', I('<', 39)],
  [TC_BINOPX, '!~', I('!~', 45)],
  [TC_BINOPX, '~', I('~', 45)],
  [TC_BINOPX, '&&', I('&&', 55)],
  [TC_BINOPX, '||', I('||', 59)],
  [TC_BINOPX, '?', I('?', 64)],
  [TC_BINOPX, ':', I(':', 67)],
  [TC_IN, 'in', I('in', 49)],
  [TC_COMMA, ',', I(',', 80)],
  [TC_PIPE, '|', I('pgetline', 37)],
  [TC_UOPPRE2, '+', I('unary+', 19)],
  [TC_UOPPRE2, '-', I('unary-', 19)],
  [TC_UOPPRE2, '!', I('!', 19)],
  [TC_ARRTERM, ']', I(']')],
  [TC_LBRACE, '{', I('{')],
  [TC_RBRACE, '}', I('}')],
  [TC_SEMICOL, ';', I(';')],
  [TC_NEWLINE, '\n', I('\n')],
  ...['if', 'do', 'for', 'break', 'continue', 'delete', 'print', 'printf', 'next', 'nextfile', 'return', 'exit'].map((w): [number, string, TokenInfo] => [TC_STATX, w, I(w)]),
  [TC_WHILE, 'while', I('while')],
  [TC_ELSE, 'else', I('else')],
  ...[
    'and', 'compl', 'lshift', 'or', 'rshift', 'xor', 'close', 'system', 'fflush', 'atan2', 'cos', 'exp', 'int', 'log', 'rand', 'sin', 'sqrt', 'srand',
    'gensub', 'gsub', 'index', 'match', 'split', 'sprintf', 'sub', 'substr', 'systime', 'strftime', 'mktime', 'tolower', 'toupper',
  ].map((w): [number, string, TokenInfo] => [TC_BUILTIN, w, I(w)]),
  [TC_LENGTH, 'length', I('length')],
  [TC_GETLINE, 'getline', I('getline')],
  [TC_FUNCDECL, 'func', I('function')],
  [TC_FUNCDECL, 'function', I('function')],
  [TC_BEGIN, 'BEGIN', I('BEGIN')],
  [TC_END, 'END', I('END')],
];

const CONCAT = I('concat', 35);

const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** A syntax error (or, at run time, a fatal error): "awk: cmd. line:1: message". */
export class AwkError extends Error {
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(message);
  }
}

/** Decodes one backslash escape as busybox's bb_process_escape_sequence; `i` is just past the backslash. */
export function processEscape(s: string, i: number): [code: number, next: number] {
  let q = i;
  let digits = 0;
  let n = 0;
  let base = 8;
  if (s[q] === 'x') {
    q++;
    base = 16;
    digits++;
  }
  do {
    const c = q < s.length ? s.charCodeAt(q) : 0;
    let d = c >= 48 && c <= 57 ? c - 48 : 99;
    if (d === 99 && (c | 0x20) >= 97) d = (c | 0x20) - 97 + 10;
    if (d >= base) {
      if (base === 16 && --digits === 0) return [92, i];
      break;
    }
    const r = n * base + d;
    if (r > 255) break;
    n = r;
    q++;
  } while (++digits < 3);
  if (digits === 0) {
    const k = 'abefnrtv\\'.indexOf(s[q] ?? '\0');
    if (k >= 0 && q < s.length) {
      q++;
      n = [7, 8, 27, 12, 10, 13, 9, 11, 92][k]!;
    } else n = 92;
  }
  return [n, q];
}

/** One character of a string literal (or -v value), escapes decoded: busybox's nextchar(). */
export function nextChar(s: string, i: number): [code: number, next: number] {
  for (;;) {
    let c = i < s.length ? s.charCodeAt(i) : 0;
    i++;
    const after = i;
    if (c === 92) [c, i] = processEscape(s, i);
    if (c === 92 && i === after) {
      // An unknown escape \z is z: "\"" is a quote.
      c = i < s.length ? s.charCodeAt(i) : 0;
      if (c !== 0) {
        i++;
        if (c === 10) continue; // backslash-newline: joined
      }
    }
    return [c, i];
  }
}

/** A string with its escapes decoded; C strings end at a NUL byte. */
export function unescape(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const [c, next] = nextChar(s, i);
    if (c === 0) break;
    out += String.fromCharCode(c);
    i = next;
  }
  return out;
}

export class Lexer {
  /** The class of the current token, its meaning, its text (names, strings, regexes) or value. */
  tclass = TC_NEWLINE;
  info: TokenInfo = I('');
  text = '';
  number = 0;
  /** The line being read, and the line of the current token (for messages). */
  private lineno = 1;
  line = 1;
  private cursor = 0;
  private rolledBack = false;
  private concatInserted = false;
  private saved: { tclass: number; info: TokenInfo; text: string; number: number } | undefined;

  constructor(
    private readonly src: string,
    readonly progname: string,
  ) {}

  /** Where the current token is. */
  get pos(): { file: string; line: number } {
    return { file: this.progname, line: this.line };
  }

  error(message: string, line = this.line): never {
    throw new AwkError(message, `${this.progname}:${line}`);
  }

  /** Makes the next call to `next` return the current token again. */
  rollback(): void {
    this.rolledBack = true;
  }

  /** Reads the next token, which must be of one of the `expected` classes. */
  next(expected: number): number {
    const last = this.tclass;
    if (this.rolledBack) {
      this.rolledBack = false;
    } else if (this.concatInserted) {
      this.concatInserted = false;
      const s = this.saved!;
      this.tclass = s.tclass;
      this.info = s.info;
      this.text = s.text;
      this.number = s.number;
    } else {
      let tc: number;
      for (;;) {
        tc = this.scan(expected, last);
        // Newlines after an operator, a comma, a brace… continue the line.
        if (last & TS_NOTERM && tc & TC_NEWLINE) continue;
        break;
      }
      if (last & TS_CONCAT_L && tc & TS_CONCAT_R && expected & TS_BINOP && !(last === TC_LENGTH && tc === TC_LPAREN)) {
        this.concatInserted = true;
        this.saved = { tclass: tc, info: this.info, text: this.text, number: this.number };
        tc = TC_BINOPX;
        this.info = CONCAT;
      }
      this.tclass = tc;
    }
    if (!(this.tclass & expected)) this.error(last & (TC_NEWLINE | TC_EOF) ? 'Unexpected end of string' : 'Unexpected token');
    return this.tclass;
  }

  private skipSpaces(p: number): number {
    const s = this.src;
    for (;;) {
      if (s[p] === '\\' && s[p + 1] === '\n') {
        p += 2;
        this.lineno++;
      } else if (s[p] === ' ' || s[p] === '\t') p++;
      else return p;
    }
  }

  /** Reads one raw token at the current position. */
  private scan(expected: number, last: number): number {
    const s = this.src;
    let p = this.skipSpaces(this.cursor);
    this.line = this.lineno;
    if (s[p] === '#') while (p < s.length && s[p] !== '\n') p++;
    let tc: number;
    if (p >= s.length || s[p] === '\0') {
      tc = TC_EOF;
    } else if (s[p] === '"') {
      p++;
      let str = '';
      let ended = false;
      while (s[p] !== '"') {
        if (p >= s.length || s[p] === '\n' || s[p] === '\0') this.error('Unexpected end of string');
        const [c, next] = nextChar(s, p);
        if (c === 0) ended = true;
        if (!ended) str += String.fromCharCode(c);
        p = next;
      }
      p++;
      this.text = str;
      tc = TC_STRING;
    } else if (expected & TC_REGEXP && s[p] === '/') {
      p++;
      let re = '';
      while (s[p] !== '/') {
        if (p >= s.length || s[p] === '\n' || s[p] === '\0') this.error('Unexpected end of string');
        const c = s[p++]!;
        if (c !== '\\') {
          re += c;
          continue;
        }
        if (p >= s.length) this.error('Unexpected end of string');
        const [code, next] = processEscape(s, p);
        re += String.fromCharCode(code);
        if (s[p] === '\\') re += '\\';
        if (next === p) re += s[p++];
        else p = next;
      }
      p++;
      const nul = re.indexOf('\0');
      this.text = nul >= 0 ? re.slice(0, nul) : re;
      tc = TC_REGEXP;
    } else if (s[p] === '.' || (s[p]! >= '0' && s[p]! <= '9')) {
      const n = programNumber(s, p);
      this.number = n.value;
      p = n.end;
      if (s[p] === '.') this.error('Unexpected token');
      tc = TC_NUMBER;
    } else {
      if (s[p] === '\n') this.lineno++;
      let found: [number, string, TokenInfo] | undefined;
      for (const entry of TABLE) {
        const [cls, word] = entry;
        if (cls & (expected | TS_WORD | TC_NEWLINE) && s.startsWith(word, p) && !(cls & TS_WORD && isAlnum(s[p + word.length]))) {
          found = entry;
          break;
        }
      }
      if (found) {
        tc = found[0];
        this.info = found[2];
        p += found[1].length;
      } else {
        if (!isAlnum(s[p])) this.error('Unexpected token');
        const start = p;
        while (isAlnum(s[p])) p++;
        this.text = s.slice(start, p);
        if (last === TC_FUNCDECL) p = this.skipSpaces(p);
        else if (expected & TC_ARRAY) {
          const q = this.skipSpaces(p);
          if (s[q] === '[') p = q;
        }
        if (s[p] === '(') {
          p++;
          tc = TC_FUNCTION;
        } else if (s[p] === '[') {
          p++;
          tc = TC_ARRAY;
        } else tc = TC_VARIABLE;
      }
    }
    this.cursor = p;
    return tc;
  }
}
