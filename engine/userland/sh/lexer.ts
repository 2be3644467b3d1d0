/**
 * The lexer of busybox ash: characters → tokens (operators, words with their
 * parts, redirection operators) and here-document bodies.
 *
 * Like ash's, it is driven by the parser, which says before each token what
 * it may be (`checkkwd`): a reserved word only where a command may start, an
 * alias likewise, newlines skipped inside compound commands, and `$`/`` ` ``
 * left alone in a here-document's delimiter. Words read recursively: a `"`
 * inside `${x-…}` inside `$(…)` is just nested calls.
 *
 * Rules worth knowing (all checked against busybox):
 * - backslash-newline disappears everywhere except inside single quotes and
 *   quoted here-documents;
 * - `#` starts a comment only where a token starts (`a#b` is a word);
 * - digits right before `<`/`>` are the fd (`2>x`; `a2>x` is `a2 >x`);
 * - `$((` always starts arithmetic: ash never backs off to `$( (…) )`.
 */
import type { FileRedirect, HereDocument, Redirect, Word } from './ast.ts';
import { EOF, Input } from './input.ts';
import { plainText } from './words.ts';
import { Parts, ShellSyntaxError, WordLexer, type LexerHooks } from './word-lexer.ts';

export { ShellSyntaxError, type LexerHooks } from './word-lexer.ts';

export type Token =
  | 'EOF' | 'NL' | 'REDIR' | 'WORD'
  | ';' | '&' | '&&' | '||' | '|' | '(' | ')' | ';;'
  | '!' | 'case' | 'do' | 'done' | 'elif' | 'else' | 'esac' | 'fi' | 'for'
  | 'function' | 'if' | 'in' | 'then' | 'until' | 'while' | '{' | '}';

const KEYWORDS: ReadonlySet<string> = new Set([
  '!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for',
  'function', 'if', 'in', 'then', 'until', 'while', '{', '}',
]);

/** `checkkwd` flags: what the next token may be. */
export const CHKALIAS = 1;
export const CHKKWD = 2;
export const CHKNL = 4;
export const CHKEOFMARK = 8;

/** How ash names a token in `unexpected X (expecting Y)`. */
export function tokenName(t: Token): string {
  switch (t) {
    case 'EOF': return 'end of file';
    case 'NL': return 'newline';
    case 'REDIR': return 'redirection';
    case 'WORD': return 'word';
    default: return `"${t}"`;
  }
}

export class Lexer {
  readonly input: Input;
  /** What the next token may be (CHK* flags); cleared by each readToken. */
  checkkwd = 0;
  /** Set to make the next readToken return `last` again. */
  pushback = false;
  /** The last token read. */
  last: Token = 'EOF';
  /** The last word read (ash's `wordtext`: it outlives the token, and ash's case patterns rely on that). */
  word: Word = { parts: [] };
  /** Whether the last word had any quoting (ash's `quoteflag`). */
  quoted = false;
  /** The redirection of the last REDIR token; the parser fills in its target. */
  redirect: Redirect | undefined;
  /** Here-documents whose bodies start after the next newline. */
  pending: HereDocument[] = [];
  /** Reads what is inside words. */
  private readonly words: WordLexer;

  constructor(
    input: Input,
    private readonly hooks: LexerHooks,
    private readonly aliases?: (name: string) => string | undefined,
  ) {
    this.input = input;
    this.words = new WordLexer(input, hooks, () => (this.checkkwd & CHKEOFMARK) !== 0);
  }

  /** The error to throw, at the current line. */
  syntaxError(message: string): ShellSyntaxError {
    return this.words.syntaxError(message);
  }

  /** The next token, with reserved words and aliases as `checkkwd` allows. */
  readToken(): Token {
    let kwd = this.checkkwd;
    for (;;) {
      let t = this.readRawToken();
      if (kwd & CHKNL) {
        while (t === 'NL') {
          this.readHereDocuments(false);
          this.checkkwd = 0;
          t = this.readRawToken();
        }
      }
      kwd |= this.checkkwd;
      this.checkkwd = 0;
      if (t !== 'WORD' || this.quoted) return t;
      const text = plainText(this.word);
      if (text === undefined) return t;
      if (kwd & CHKKWD && KEYWORDS.has(text)) {
        this.last = text as Token;
        return this.last;
      }
      if (kwd & CHKALIAS && this.aliases) {
        const value = this.aliases(text);
        if (value !== undefined && !this.input.aliasInUse(text)) {
          if (value !== '') this.input.pushAlias(text, value);
          continue;
        }
      }
      return t;
    }
  }

  /** One token, without reserved words or aliases (ash's xxreadtoken). */
  private readRawToken(): Token {
    if (this.pushback) {
      this.pushback = false;
      return this.last;
    }
    const input = this.input;
    for (;;) {
      const c = input.nextSkippingContinuations();
      if (input.aliasEndedInBlank) {
        input.aliasEndedInBlank = false;
        this.checkkwd |= CHKALIAS;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#') {
        let d;
        do d = input.next(); while (d !== '\n' && d !== EOF);
        input.unget();
        continue;
      }
      switch (c) {
        case EOF: return (this.last = 'EOF');
        case '\n': return (this.last = 'NL');
        case '(': return (this.last = '(');
        case ')': return (this.last = ')');
        case '&': case '|': case ';': {
          const d = input.nextSkippingContinuations();
          if (d === c) return (this.last = (c === ';' ? ';;' : c + c) as Token);
          input.unget();
          if (c === '&' && d === '>') return this.readWord(c);
          return (this.last = c as Token);
        }
        default:
          return this.readWord(c);
      }
    }
  }

  /**
   * A word, or a redirection operator with its optional fd (ash's
   * readtoken1 for eofmark == NULL). `c` is its first character.
   */
  private readWord(c: string): Token {
    const input = this.input;
    const b = new Parts();
    let quoted = false;
    let ampGreater = false;
    for (;; c = input.nextSkippingContinuations()) {
      if (c === EOF) break;
      if (c === '\n') {
        input.unget();
        break;
      }
      if (c === '\\') {
        const d = input.next();
        if (d === EOF) {
          b.lit('\\', true);
          input.unget();
        } else {
          b.lit(d, true);
          quoted = true;
        }
        continue;
      }
      if (c === "'") {
        b.add({ type: 'single', text: this.words.readSingleQuoted(null) });
        quoted = true;
        continue;
      }
      if (c === '"') {
        b.add({ type: 'double', parts: this.words.readDoubleQuoted(false, null) });
        quoted = true;
        continue;
      }
      if (c === '$') {
        if (this.words.readDollar(b, 'base')) quoted = true;
        continue;
      }
      if (c === '`') {
        if (this.checkkwd & CHKEOFMARK) {
          quoted = true;
          b.lit('`', true);
        } else {
          this.words.readBackquoted(b, false);
        }
        continue;
      }
      if (' \t;&|()<>'.includes(c)) {
        if (c === '&') {
          ampGreater = input.next() === '>';
          input.unget();
        } else if (c === '<' || c === '>') {
          if (input.next() === '(') {
            b.add({ type: 'process', direction: c, body: this.words.nested(() => this.hooks.commandSubstitution()) });
            continue;
          }
          input.unget();
        }
        if ((c === '<' || c === '>' || ampGreater) && !quoted) {
          const fd = plainText({ parts: b.parts });
          if (fd !== undefined && /^[0-9]{0,9}$/.test(fd)) {
            this.readRedirection(c, fd === '' ? -1 : Number(fd));
            return (this.last = 'REDIR');
          }
        }
        input.unget();
        break;
      }
      b.lit(c, false);
    }
    this.word = { parts: b.parts };
    this.quoted = quoted;
    return (this.last = 'WORD');
  }

  /** The operator after an optional fd; `c` is `<`, `>` or `&` (of `&>`). */
  private readRedirection(c: string, fd: number): void {
    const input = this.input;
    let op: FileRedirect['op'];
    if (c === '&') {
      input.next();
      op = '&>';
    } else if (c === '>') {
      const d = input.nextSkippingContinuations();
      if (d === '>') op = '>>';
      else if (d === '|') op = '>|';
      else if (d === '&') op = '>&';
      else {
        input.unget();
        op = '>';
      }
    } else {
      const d = input.nextSkippingContinuations();
      if (d === '<') {
        const e = input.nextSkippingContinuations();
        const stripTabs = e === '-';
        if (!stripTabs) input.unget();
        this.redirect = {
          type: 'heredoc', fd: fd < 0 ? 0 : fd, stripTabs, delimiter: '', quoted: false, body: { parts: [] },
        };
        return;
      }
      if (d === '&') op = '<&';
      else if (d === '>') op = '<>';
      else {
        input.unget();
        op = '<';
      }
    }
    const defaultFd = op[0] === '<' ? 0 : 1;
    this.redirect = { type: 'file', op, fd: fd < 0 ? defaultFd : fd, target: { parts: [] } };
  }

  /**
   * Read the bodies of the pending here-documents (ash's parseheredoc), from
   * the current position, or as empty bodies when `empty` (the pending ones
   * at the `)` of a `$(…)`, which ash reads from an empty string).
   */
  readHereDocuments(empty: boolean): void {
    const pending = this.pending;
    this.pending = [];
    for (const doc of pending) {
      this.pushback = false;
      doc.body = empty ? { parts: [] } : this.readHereDocumentBody(doc);
      this.word = doc.body;
    }
  }

  private readHereDocumentBody(doc: HereDocument): Word {
    return doc.quoted ? this.readHereDocumentLines(doc) : this.words.hereDocument(() => this.readHereDocumentLines(doc));
  }

  private readHereDocumentLines(doc: HereDocument): Word {
    const input = this.input;
    const read = doc.quoted ? () => input.next() : () => input.nextSkippingContinuations();
    const b = new Parts();
    let c = read();
    for (;;) {
      // At the start of a line: the delimiter ends the document.
      if (doc.stripTabs) while (c === '\t') c = input.next();
      if (this.atDelimiter(c, doc.delimiter)) break;
      let atLineEnd = false;
      while (!atLineEnd) {
        if (c === EOF) return { parts: b.parts };
        if (c === '\n') {
          b.lit(c, true);
          atLineEnd = true;
        } else if (doc.quoted) {
          b.lit(c, true);
        } else if (c === '\\') {
          const d = input.next();
          if (d === EOF) {
            input.unget();
            b.lit('\\', true);
          } else if (d === '\\' || d === '`' || d === '$') {
            b.lit(d, true);
          } else {
            b.lit('\\' + d, true);
          }
        } else if (c === '$') {
          this.words.readDollar(b, 'dq');
        } else if (c === '`') {
          this.words.readBackquoted(b, true);
        } else {
          b.lit(c, true);
        }
        c = read();
      }
    }
    return { parts: b.parts };
  }

  /**
   * Whether the line starting with `c` is the delimiter; if so it is
   * consumed with its newline, else everything after `c` is given back.
   */
  private atDelimiter(c: string, delimiter: string): boolean {
    const input = this.input;
    let read = 0;
    let cur = c;
    for (const ch of delimiter) {
      if (cur !== ch) break;
      cur = input.next();
      read++;
    }
    if (read === [...delimiter].length && (cur === '\n' || cur === EOF)) return true;
    for (let i = 0; i < read; i++) input.unget();
    return false;
  }
}
