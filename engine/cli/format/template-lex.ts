/**
 * The lexer of Go's text/template (parse/lex.go, Go 1.2x), token for token.
 *
 * Error messages and positions matter: docker prints Go's words verbatim, e.g.
 * `template: :1: unexpected "}" in operand` or `template: :1: unclosed action`.
 * Trim markers (`{{- ` and ` -}}`) are handled here, as in Go: the parser never
 * sees the trimmed space.
 */
import { quote } from './gostrconv.ts';

export enum T {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // Keywords appear after all the rest.
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

const keywords: Record<string, T> = {
  '.': T.Dot,
  block: T.Block,
  break: T.Break,
  continue: T.Continue,
  define: T.Define,
  else: T.Else,
  end: T.End,
  if: T.If,
  range: T.Range,
  nil: T.Nil,
  template: T.Template,
  with: T.With,
};

export interface Item {
  typ: T;
  /** Offset in the input (UTF-16 units; converted to bytes for messages). */
  pos: number;
  val: string;
  line: number;
}

/** How Go prints a token in "unexpected … in …". */
export function itemString(i: Item): string {
  if (i.typ === T.EOF) return 'EOF';
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  const runes = [...i.val];
  if (runes.length > 10) return quote(runes.slice(0, 10).join('')) + '...';
  return quote(i.val);
}


const spaceChars = ' \t\r\n';
const isSpace = (r: string): boolean => r === ' ' || r === '\t' || r === '\r' || r === '\n';
const alnum = /^[\p{L}\p{Nd}_]$/u;
const isAlphaNumeric = (r: string): boolean => r !== '' && alnum.test(r);
const hasLeftTrimMarker = (s: string): boolean => s.length >= 2 && s[0] === '-' && isSpace(s[1] as string);
const hasRightTrimMarker = (s: string): boolean => s.length >= 2 && isSpace(s[0] as string) && s[1] === '-';

const EOF = '';

/** Scan `input` into tokens; a lexical error becomes the last (Error) item. */
export function lex(input: string, leftDelim = '{{', rightDelim = '}}'): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  let atEOF = false;

  const next = (): string => {
    if (pos >= input.length) {
      atEOF = true;
      return EOF;
    }
    const r = String.fromCodePoint(input.codePointAt(pos) as number);
    pos += r.length;
    if (r === '\n') line++;
    return r;
  };
  const backup = (): void => {
    if (!atEOF && pos > 0) {
      const prev = input.charCodeAt(pos - 1);
      pos -= prev >= 0xdc00 && prev <= 0xdfff && pos >= 2 ? 2 : 1;
      if (input[pos] === '\n') line--;
    }
  };
  const peek = (): string => {
    const r = next();
    backup();
    return r;
  };
  const emit = (typ: T): void => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = (): void => {
    line += count(input.slice(start, pos), '\n');
    start = pos;
    startLine = line;
  };
  const accept = (valid: string): boolean => {
    const r = next();
    if (r !== EOF && valid.includes(r)) return true;
    backup();
    return false;
  };
  const acceptRun = (valid: string): void => {
    for (let r = next(); r !== EOF && valid.includes(r); r = next());
    backup();
  };
  const fail = (msg: string): null => {
    items.push({ typ: T.Error, pos: start, val: msg, line: startLine });
    return null;
  };
  const atRightDelim = (): [boolean, boolean] => {
    if (hasRightTrimMarker(input.slice(pos)) && input.startsWith(rightDelim, pos + 2)) return [true, true];
    return [input.startsWith(rightDelim, pos), false];
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (isSpace(r)) return true;
    if (r === EOF || '.,|:)('.includes(r)) return true;
    return input.startsWith(rightDelim, pos);
  };
  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };

  type State = (() => State) | null;

  const lexText = (): State => {
    const x = input.indexOf(leftDelim, pos);
    if (x >= 0) {
      if (x > pos) {
        pos = x;
        let trim = 0;
        if (hasLeftTrimMarker(input.slice(pos + leftDelim.length))) {
          const text = input.slice(start, pos);
          trim = text.length - trimRight(text).length;
        }
        pos -= trim;
        line += count(input.slice(start, pos), '\n');
        const item: Item = { typ: T.Text, pos: start, val: input.slice(start, pos), line: startLine };
        start = pos;
        startLine = line;
        pos += trim;
        ignore();
        if (item.val.length > 0) items.push(item);
      }
      return lexLeftDelim;
    }
    pos = input.length;
    if (pos > start) {
      line += count(input.slice(start, pos), '\n');
      emit(T.Text);
    }
    emit(T.EOF);
    return null;
  };

  const lexLeftDelim = (): State => {
    pos += leftDelim.length;
    const trimSpace = hasLeftTrimMarker(input.slice(pos));
    const afterMarker = trimSpace ? 2 : 0;
    if (input.startsWith('/*', pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return lexComment;
    }
    emit(T.LeftDelim);
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return lexInsideAction;
  };

  const lexComment = (): State => {
    pos += 2;
    const x = input.indexOf('*/', pos);
    if (x < 0) return fail('unclosed comment');
    pos = x + 2;
    const [delim, trimSpace] = atRightDelim();
    if (!delim) return fail('comment ends before closing delimiter');
    line += count(input.slice(start, pos), '\n');
    start = pos;
    startLine = line;
    if (trimSpace) pos += 2;
    pos += rightDelim.length;
    if (trimSpace) pos += input.slice(pos).length - trimLeft(input.slice(pos)).length;
    ignore();
    return lexText;
  };

  const lexRightDelim = (): State => {
    const [, trimSpace] = atRightDelim();
    if (trimSpace) {
      pos += 2;
      ignore();
    }
    pos += rightDelim.length;
    emit(T.RightDelim);
    if (trimSpace) {
      pos += input.slice(pos).length - trimLeft(input.slice(pos)).length;
      ignore();
    }
    return lexText;
  };

  const lexInsideAction = (): State => {
    const [delim] = atRightDelim();
    if (delim) {
      if (parenDepth === 0) return lexRightDelim;
      return fail('unclosed left paren');
    }
    const r = next();
    if (r === EOF) return fail('unclosed action');
    if (isSpace(r)) {
      backup(); // Put the space back in case we have " -}}".
      return lexSpace;
    }
    switch (r) {
      case '=':
        emit(T.Assign);
        return lexInsideAction;
      case ':':
        if (next() !== '=') return fail('expected :=');
        emit(T.Declare);
        return lexInsideAction;
      case '|':
        emit(T.Pipe);
        return lexInsideAction;
      case '"':
        return lexQuote;
      case '`':
        return lexRawQuote;
      case '$':
        return lexVariable;
      case "'":
        return lexChar;
      case '(':
        parenDepth++;
        emit(T.LeftParen);
        return lexInsideAction;
      case ')':
        parenDepth--;
        if (parenDepth < 0) return fail('unexpected right paren');
        emit(T.RightParen);
        return lexInsideAction;
    }
    if (r === '.' && pos < input.length) {
      const c = input[pos] as string;
      if (c < '0' || c > '9') return lexField;
    }
    if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      backup();
      return lexNumber;
    }
    if (isAlphaNumeric(r)) {
      backup();
      return lexIdentifier;
    }
    const c = r.codePointAt(0) as number;
    if (c <= 0x7f && c >= 0x20 && c !== 0x7f) {
      emit(T.Char);
      return lexInsideAction;
    }
    return fail(`unrecognized character in action: ${unicodeRepr(r)}`);
  };

  const lexSpace = (): State => {
    let numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (hasRightTrimMarker(input.slice(pos - 1)) && input.startsWith(rightDelim, pos - 1 + 2)) {
      backup(); // Before the space.
      if (numSpaces === 1) return lexRightDelim;
    }
    emit(T.Space);
    return lexInsideAction;
  };

  const lexIdentifier = (): State => {
    let r: string;
    do r = next();
    while (isAlphaNumeric(r));
    backup();
    const word = input.slice(start, pos);
    if (!atTerminator()) return fail(`bad character ${unicodeRepr(r)}`);
    const kw = keywords[word];
    if (kw !== undefined && kw > T.Keyword) emit(kw);
    else if (word[0] === '.') emit(T.Field);
    else if (word === 'true' || word === 'false') emit(T.Bool);
    else emit(T.Identifier);
    return lexInsideAction;
  };

  const lexFieldOrVariable = (typ: T): State => {
    if (atTerminator()) {
      emit(typ === T.Variable ? T.Variable : T.Dot);
      return lexInsideAction;
    }
    let r: string;
    do r = next();
    while (isAlphaNumeric(r));
    backup();
    if (!atTerminator()) return fail(`bad character ${unicodeRepr(r)}`);
    emit(typ);
    return lexInsideAction;
  };
  const lexField = (): State => lexFieldOrVariable(T.Field);
  const lexVariable = (): State => {
    if (atTerminator()) {
      emit(T.Variable);
      return lexInsideAction;
    }
    return lexFieldOrVariable(T.Variable);
  };

  const lexQuoted = (quote: string, what: string, typ: T): State => {
    for (;;) {
      let r = next();
      if (r === '\\') {
        r = next();
        if (r !== EOF && r !== '\n') continue;
      }
      if (r === EOF || r === '\n') return fail(`unterminated ${what}`);
      if (r === quote) break;
    }
    emit(typ);
    return lexInsideAction;
  };
  const lexChar = (): State => lexQuoted("'", 'character constant', T.CharConstant);
  const lexQuote = (): State => lexQuoted('"', 'quoted string', T.String);
  const lexRawQuote = (): State => {
    for (;;) {
      const r = next();
      if (r === EOF) return fail('unterminated raw quoted string');
      if (r === '`') break;
    }
    emit(T.RawString);
    return lexInsideAction;
  };

  const lexNumber = (): State => {
    if (!scanNumber()) return fail(`bad number syntax: ${quote(input.slice(start, pos))}`);
    const sign = peek();
    if (sign === '+' || sign === '-') {
      if (!scanNumber() || input[pos - 1] !== 'i') {
        return fail(`bad number syntax: ${quote(input.slice(start, pos))}`);
      }
      emit(T.Complex);
    } else {
      emit(T.Number);
    }
    return lexInsideAction;
  };

  let state: State = lexText;
  while (state !== null) state = state();
  return items;
}

function count(s: string, sub: string): number {
  return s.split(sub).length - 1;
}

function trimRight(s: string): string {
  let end = s.length;
  while (end > 0 && spaceChars.includes(s[end - 1] as string)) end--;
  return s.slice(0, end);
}

function trimLeft(s: string): string {
  let i = 0;
  while (i < s.length && spaceChars.includes(s[i] as string)) i++;
  return s.slice(i);
}

/** Go's %#U: U+007D '}'. */
export function unicodeRepr(r: string): string {
  if (r === EOF) return 'U+FFFFFFFFFFFFFFFF'; // Go prints eof (-1) as this
  const c = r.codePointAt(0) as number;
  const hex = 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${hex} '${r}'` : hex;
}
