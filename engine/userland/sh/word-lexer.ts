/**
 * Reading the inside of a word, for the lexer (lexer.ts): quotes,
 * backslashes, `$name`, `${…}` with its operators and operands, `$(…)`,
 * `$((…))`, `$'…'` and backquotes, each into word parts (ast.ts).
 *
 * Where a `$` is decides how its operand reads, as in ash: unquoted, the
 * operand of `${x-…}` has quotes of its own; inside double quotes (or an
 * arithmetic expression) it is quoted text in which `"` only hides a `}`;
 * the patterns of `#`, `%` and `/` always read as unquoted.
 */
import type { List, ParameterOp, WordPart } from './ast.ts';
import { EOF, type Input } from './input.ts';
import { markTildes } from './words.ts';

/**
 * A syntax error, with ash's message (without the `sh: ` / `line N: `
 * prefixes) and the line the lexer had reached.
 */
export class ShellSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

/** What the lexer needs from the parser: parsing nested commands. */
export interface LexerHooks {
  /** After `$(` or `<(`: parse up to and including the matching `)`. */
  commandSubstitution(): List | null;
  /** The text between backquotes, unescaped, to parse on its own. */
  backquoted(text: string): List | null;
}

/** Accumulates word parts, merging adjacent literals of the same quoting. */
export class Parts {
  readonly parts: WordPart[] = [];
  lit(text: string, quoted: boolean): void {
    const last = this.parts[this.parts.length - 1];
    if (last?.type === 'literal' && last.quoted === quoted) last.text += text;
    else this.parts.push({ type: 'literal', text, quoted });
  }
  add(part: WordPart): void {
    this.parts.push(part);
  }
}

/** Where a `$` is: what the syntax around it is (ash's BASESYNTAX, DQSYNTAX, ARISYNTAX). */
export type Context = 'base' | 'dq' | 'ari';

/** While reading the pattern of `${x/p/r}`: called at the first `/`. */
type SlashHook = { split(before: WordPart[] | null): void; done: boolean };

const SPECIAL_PARAMS = '!#$*-0123456789?@';
const isNameStart = (c: string) => /^[A-Za-z_]$/.test(c);
const isNameChar = (c: string) => /^[A-Za-z0-9_]$/.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9' && c.length === 1;

export class WordLexer {
  /**
   * While reading an unquoted here-document's body: ash then reports an
   * open quote inside `${…}` as a missing `}`.
   */
  private inHereDocument = false;

  constructor(
    private readonly input: Input,
    private readonly hooks: LexerHooks,
    /** Whether the word is a here-document delimiter (`$` and `` ` `` are plain there). */
    private readonly inDelimiter: () => boolean,
  ) {}

  /** The error to throw, at the current line. */
  syntaxError(message: string): ShellSyntaxError {
    return new ShellSyntaxError(message, this.input.line);
  }

  private error(message: string): never {
    throw this.syntaxError(message);
  }

  /** Run `read` as the reading of an unquoted here-document's body. */
  hereDocument<T>(read: () => T): T {
    this.inHereDocument = true;
    try {
      return read();
    } finally {
      this.inHereDocument = false;
    }
  }

  private unterminated(): never {
    this.error(this.inHereDocument ? "syntax error: missing '}'" : 'syntax error: unterminated quoted string');
  }

  /** Parse nested commands as a new word would: outside any here-document. */
  nested<T>(parse: () => T): T {
    const saved = this.inHereDocument;
    this.inHereDocument = false;
    try {
      return parse();
    } finally {
      this.inHereDocument = saved;
    }
  }

  /** After the opening `'`: the text up to the closing one. */
  readSingleQuoted(slash: SlashHook | null): string {
    let text = '';
    for (;;) {
      const c = this.input.next();
      if (c === EOF) this.unterminated();
      if (c === "'") return text;
      if (c === '/' && slash && !slash.done) {
        slash.split([{ type: 'single', text }]);
        text = '';
        continue;
      }
      text += c;
    }
  }

  /** After `$'`: bash's ANSI-C quoting, escapes decoded as ash does. */
  private readDollarSingleQuoted(): string {
    const input = this.input;
    let text = '';
    for (;;) {
      const c = input.next();
      if (c === EOF) this.unterminated();
      if (c === "'") return text;
      if (c !== '\\') {
        text += c;
        continue;
      }
      const d = input.next();
      if (d === EOF) {
        input.unget();
        text += '\\';
        continue;
      }
      // ash reads this newline without counting it as a line.
      if (d === '\n') input.line--;
      let digits = '';
      if (d >= '0' && d <= '7') {
        // Up to three octal digits; a value over 255 stops early, and the
        // digit that overflowed is lost (as in ash).
        digits = d;
        for (let e = input.next(); digits.length < 3 && e >= '0' && e <= '7' && e.length === 1; e = input.next()) digits += e;
        input.unget();
        let n = 0;
        for (const ch of digits) {
          const r = n * 8 + Number(ch);
          if (r > 255) break;
          n = r;
        }
        if (n !== 0) text += String.fromCharCode(n);
      } else if (d === 'x') {
        let e = input.next();
        while (digits.length < 2 && /^[0-9A-Fa-f]$/.test(e)) {
          digits += e;
          e = input.next();
        }
        input.unget();
        if (digits === '') text += '\\x';
        else {
          const n = parseInt(digits, 16);
          if (n !== 0) text += String.fromCharCode(n);
        }
      } else {
        const simple: Record<string, string> = { n: '\n', r: '\r', b: '\b', t: '\t', f: '\f', a: '\x07', v: '\v', '\\': '\\' };
        const v = simple[d];
        if (v !== undefined) text += v;
        else if (d === "'" || d === '"') text += d;
        else text += '\\' + d;
      }
    }
  }

  /**
   * After the opening `"`: its parts, up to the closing `"`. `inVar` is true
   * inside a `${…}` operand, where `\}` loses its backslash.
   */
  readDoubleQuoted(inVar: boolean, slash: SlashHook | null): WordPart[] {
    const input = this.input;
    let b = new Parts();
    for (;;) {
      const c = input.nextSkippingContinuations();
      if (c === EOF) this.unterminated();
      if (c === '"') return b.parts;
      if (c === '\\') {
        const d = input.next();
        if (d === EOF) {
          input.unget();
          b.lit('\\', true);
        } else if (d === '\\' || d === '`' || d === '$' || d === '"' || (inVar && d === '}')) {
          b.lit(d, true);
        } else {
          b.lit('\\' + d, true);
        }
      } else if (c === '$') {
        this.readDollar(b, 'dq');
      } else if (c === '`' && !(this.inDelimiter())) {
        this.readBackquoted(b, true);
      } else if (c === '/' && slash && !slash.done) {
        slash.split([{ type: 'double', parts: b.parts }]);
        b = new Parts();
      } else {
        b.lit(c, true);
      }
    }
  }

  /**
   * After a `$`: a parameter, `$(…)`, `$((…))`, `$'…'`, or just a `$`.
   * Returns true for `$'…'`, which counts as quoting.
   */
  readDollar(b: Parts, ctx: Context): boolean {
    const input = this.input;
    const c = input.nextSkippingContinuations();
    const quoted = ctx !== 'base';
    if (this.inDelimiter() || (c !== '(' && c !== '{' && !isNameStart(c) && !(c.length === 1 && SPECIAL_PARAMS.includes(c)))) {
      if (c === "'" && ctx !== 'dq') {
        // In arithmetic ash drops the `$` and the quote is a plain character.
        if (ctx === 'ari') input.unget();
        else {
          b.add({ type: 'single', text: this.readDollarSingleQuoted(), ansiC: true });
          return true;
        }
      } else {
        b.lit('$', quoted);
        input.unget();
      }
      return false;
    }
    if (c === '(') {
      if (input.nextSkippingContinuations() === '(') {
        b.add({ type: 'arith', expression: { parts: this.readArithmetic() } });
      } else {
        input.unget();
        b.add({ type: 'command', body: this.nested(() => this.hooks.commandSubstitution()), backquoted: false });
      }
      return false;
    }
    if (c !== '{') {
      let name = c;
      if (isNameStart(c)) {
        let d;
        while (isNameChar((d = input.nextSkippingContinuations()))) name += d;
        input.unget();
      }
      b.add({ type: 'param', name, op: 'get' });
      return false;
    }
    this.readBracedParameter(b, ctx);
    return false;
  }

  /** After `${`. Follows ash's parsesub step by step, odd cases included. */
  private readBracedParameter(b: Parts, ctx: Context): void {
    const input = this.input;
    let c = input.nextSkippingContinuations();
    let length = false;
    let name = '';
    let bad = false;
    const readName = () => {
      if (isNameStart(c)) {
        do {
          name += c;
          c = input.nextSkippingContinuations();
        } while (isNameChar(c));
      } else {
        do {
          name += c;
          c = input.nextSkippingContinuations();
        } while (isDigit(c));
      }
    };
    if (isNameStart(c) || isDigit(c)) {
      readName();
    } else if (c !== '}' && c !== EOF) {
      let cc = c;
      c = input.nextSkippingContinuations();
      let special = true;
      if (cc === '#') {
        length = true;
        if (c === '_' || /^[A-Za-z0-9]$/.test(c)) {
          readName();
          special = false;
        } else {
          cc = c;
          c = input.nextSkippingContinuations();
          if (cc === '}' || c !== '}') {
            input.unget();
            length = false;
            c = cc;
            cc = '#';
          }
        }
      }
      if (special) {
        if (cc.length === 1 && SPECIAL_PARAMS.includes(cc)) name = cc;
        else {
          // Dropped; ash does not count it as a line if it is a newline.
          if (cc === '\n') input.line--;
          length = false;
          bad = true;
        }
      }
    } else {
      bad = true;
    }

    let op: ParameterOp;
    let operandCtx: 'base' | 'dq' = ctx === 'base' ? 'base' : 'dq';
    if (bad) {
      input.unget();
      op = 'bad';
    } else if (length) {
      if (c !== '}') op = 'bad';
      else op = 'length';
      input.unget();
    } else {
      // ${NAME followed by c, which is consumed here (and, for an unknown
      // character, dropped: `${x y}` is a bad substitution with operand "y").
      const simple = (ch: string): ParameterOp | undefined =>
        ch === '}' ? 'get' : ch === '-' || ch === '+' || ch === '?' || ch === '=' ? (ch as ParameterOp) : undefined;
      if (c === ':') {
        c = input.nextSkippingContinuations();
        const s = simple(c);
        if (s === undefined || c === EOF) {
          op = 'substring';
          input.unget();
        } else {
          // `${x:}` is ash's VSNUL|VSNORMAL: it does not end at this `}`.
          op = s === 'get' ? 'bad' : (`:${s}` as ParameterOp);
        }
      } else if (c === '#' || c === '%') {
        const d = input.nextSkippingContinuations();
        if (d === c) op = (c + c) as ParameterOp;
        else {
          input.unget();
          op = c;
        }
        operandCtx = 'base';
      } else if (c === '/') {
        const d = input.nextSkippingContinuations();
        if (d === '/') op = '//';
        else {
          input.unget();
          op = '/';
        }
        operandCtx = 'base';
      } else {
        op = simple(c) ?? 'bad';
        // ash drops an unknown character here without counting a newline.
        if (op === 'bad' && c === '\n') input.line--;
        if (op === 'get') {
          b.add({ type: 'param', name, op });
          return;
        }
      }
    }

    if (op === '/' || op === '//') {
      const { pattern, replacement } = this.readReplaceOperand();
      const part: WordPart = { type: 'param', name, op, word: { parts: markTildes(pattern, 'word') } };
      if (replacement) part.replacement = { parts: markTildes(replacement, 'word') };
      b.add(part);
      return;
    }
    const operand = operandCtx === 'base'
      ? markTildes(this.readOperand(null), 'word')
      : [{ type: 'double' as const, parts: this.readQuotedOperand() }];
    if (op === 'length' || op === 'bad') b.add({ type: 'param', name, op });
    else b.add({ type: 'param', name, op, word: { parts: operand } });
  }

  /**
   * The operand of `${x…}` in unquoted syntax, up to the closing `}`: blanks
   * and newlines are part of it, quotes work as usual. With `slash`, the
   * first `/` that is not backslash-escaped ends a `${x/pattern/…}` pattern:
   * the hook then swaps `into.b` for the replacement's builder.
   */
  private readOperand(slash: SlashHook | null, into: { b: Parts } = { b: new Parts() }): WordPart[] {
    const input = this.input;
    for (;;) {
      const c = input.nextSkippingContinuations();
      if (c === EOF) this.error("syntax error: missing '}'");
      if (c === '}') return into.b.parts;
      if (c === '\\') {
        const d = input.next();
        if (d === EOF) {
          input.unget();
          into.b.lit('\\', true);
        } else {
          into.b.lit(d, true);
        }
      } else if (c === "'") {
        const text = this.readSingleQuoted(slash);
        into.b.add({ type: 'single', text });
      } else if (c === '"') {
        const parts = this.readDoubleQuoted(true, slash);
        into.b.add({ type: 'double', parts });
      } else if (c === '$') {
        this.readDollar(into.b, 'base');
      } else if (c === '`') {
        this.readBackquoted(into.b, false);
      } else if (c === '/' && slash && !slash.done) {
        slash.split(null);
      } else {
        into.b.lit(c, false);
      }
    }
  }

  /**
   * `${x/pattern/replacement}` after the operator: ash splits at the first
   * `/` of the operand text, even inside quotes (`${v/"a/b"/c}` is pattern
   * `a`, replacement `b/c`), but not `\/`, and not the very first character
   * (`${v////-}` replaces `/` by `-`).
   */
  private readReplaceOperand(): { pattern: WordPart[]; replacement?: WordPart[] } {
    const into = { b: new Parts() };
    const first = this.input.nextSkippingContinuations();
    if (first === '/') into.b.lit('/', false);
    else this.input.unget();
    let pattern: WordPart[] | undefined;
    const slash: SlashHook = {
      done: false,
      split: (before) => {
        slash.done = true;
        if (before) for (const part of before) into.b.add(part);
        pattern = into.b.parts;
        into.b = new Parts();
      },
    };
    const rest = this.readOperand(slash, into);
    return pattern === undefined ? { pattern: rest } : { pattern, replacement: rest };
  }

  /** `${x-…}` (and `=`, `?`, `+`) inside double quotes or arithmetic: quoted syntax. */
  private readQuotedOperand(): WordPart[] {
    const input = this.input;
    const b = new Parts();
    let innerQuote = false;
    for (;;) {
      const c = input.nextSkippingContinuations();
      if (c === EOF) this.unterminated();
      if (c === '"') innerQuote = !innerQuote;
      else if (c === '}' && !innerQuote) return b.parts;
      else if (c === '\\') {
        const d = input.next();
        if (d === EOF) {
          input.unget();
          b.lit('\\', true);
        } else if ('\\`$"}'.includes(d)) {
          b.lit(d, true);
        } else {
          b.lit('\\' + d, true);
        }
      } else if (c === '$') {
        this.readDollar(b, 'dq');
      } else if (c === '`') {
        this.readBackquoted(b, true);
      } else {
        b.lit(c, true);
      }
    }
  }

  /** After `$((`: the expression's parts, up to the `))` at paren level 0. */
  private readArithmetic(): WordPart[] {
    const input = this.input;
    const b = new Parts();
    let level = 0;
    for (;;) {
      const c = input.nextSkippingContinuations();
      if (c === EOF) this.error("syntax error: missing '))'");
      if (c === '(') {
        level++;
        b.lit(c, true);
      } else if (c === ')') {
        if (level > 0) level--;
        else if (input.nextSkippingContinuations() === ')') return b.parts;
        else input.unget();
        b.lit(c, true);
      } else if (c === '\\') {
        const d = input.next();
        if (d === EOF) {
          input.unget();
          b.lit('\\', true);
        } else if ('\\`$"'.includes(d)) {
          b.lit(d, true);
        } else {
          b.lit('\\' + d, true);
        }
      } else if (c === '$') {
        this.readDollar(b, 'ari');
      } else if (c === '`') {
        this.readBackquoted(b, true);
      } else {
        b.lit(c, true);
      }
    }
  }

  /**
   * After a backquote: the text up to the closing one, with `\\`, `` \` ``,
   * `\$` (and `\"` in double quotes) unescaped, then parsed on its own.
   */
  readBackquoted(b: Parts, dq: boolean): void {
    const input = this.input;
    let text = '';
    for (;;) {
      let c = input.nextSkippingContinuations();
      if (c === '`') break;
      if (c === EOF) this.error('syntax error: EOF in backquote substitution');
      if (c === '\\') {
        c = input.next();
        if (c === EOF) {
          input.unget();
          text += '\\';
          continue;
        }
        if (c !== '\\' && c !== '`' && c !== '$' && !(dq && c === '"')) text += '\\';
      }
      text += c;
    }
    b.add({ type: 'command', body: this.nested(() => this.hooks.backquoted(text)), backquoted: true });
  }
}
