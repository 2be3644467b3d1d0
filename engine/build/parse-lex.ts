/**
 * Variable substitution and word splitting, as BuildKit's
 * frontend/dockerfile/shell/lex.go does them. This is not a shell: it knows
 * quotes, the escape character and `$`, and nothing else (no globbing, no
 * command substitution, no `=` assignment).
 *
 *     $V  ${V}          the value, or empty when unset
 *     ${V:-x} ${V-x}    x when V is unset (or, with the colon, empty)
 *     ${V:+x} ${V+x}    x when V is set (and, with the colon, not empty)
 *     ${V:?msg} ${V?msg} an error "V: msg" when unset (or empty)
 *     ${V#p} ${V##p} ${V%p} ${V%%p}  strip a shell pattern (`*`, `?`)
 *     ${V/p/r} ${V//p/r} replace the first (or every) match of a pattern
 *     'single quotes'   taken literally
 *     "double quotes"   literal except `$`, and the escape before `"`, `$`, escape
 *     \x                x, literally (the escape is `\`, or `` ` `` by directive)
 *
 *     expand('${NAME:-world}', { NAME: '' })  // 'world'
 *     expand('"$A"/\'$A\'', { A: 'x' })      // 'x/$A'
 *
 * Where Docker applies it (never to RUN, CMD or ENTRYPOINT command lines): parse-expand.ts.
 */
import { EngineError } from '../errors.ts';
import { goQuote, isSpace } from './parse-go.ts';
import { LexError, patternToRegex, replaceAll, trimPrefix, trimSuffix } from './parse-pattern.ts';

/** Variables by name: a Map, a plain record, or a lookup function (undefined = unset). */
export type EnvLookup = ReadonlyMap<string, string> | Readonly<Record<string, string>> | ((name: string) => string | undefined);

export interface LexOptions {
  /** `\` (default) or `` ` ``, as the `# escape=` directive set it. */
  escapeToken?: string;
  /** Keep quote characters in the result (they still group words). */
  rawQuotes?: boolean;
  /** Keep escape characters in the result. */
  rawEscapes?: boolean;
  /** Treat quotes as ordinary characters (used for heredoc contents). */
  skipProcessQuotes?: boolean;
  /** Leave references to unset variables as written (`$X`, `${X:-y}`). */
  skipUnsetEnv?: boolean;
}

export interface LexResult {
  /** The word after substitution. */
  result: string;
  /** The word split into fields after substitution (what ProcessWords returns). */
  words: string[];
  /** Variables that were looked up and set. */
  matched: Set<string>;
  /** Variables that were looked up and unset. */
  unmatched: Set<string>;
}

function lookup(env: EnvLookup, name: string): string | undefined {
  if (typeof env === 'function') return env(name);
  if (env instanceof Map) return env.get(name);
  const record = env as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/** Substitutes variables in one word (ProcessWord): quotes are removed, spaces kept. */
export function expand(word: string, env: EnvLookup, options: LexOptions = {}): string {
  return processWord(word, env, options).result;
}

/** Substitutes variables, then splits into fields on unquoted whitespace (ProcessWords). */
export function expandWords(word: string, env: EnvLookup, options: LexOptions = {}): string[] {
  return processWord(word, env, options).words;
}

/**
 * Both results and the variables used. Throws EngineError('InvalidArgument',
 * `failed to process "<word>": <reason>`) on a syntax error or `${V?msg}`.
 */
export function processWord(word: string, env: EnvLookup, options: LexOptions = {}): LexResult {
  const lexer = new WordLexer(word, env, options);
  try {
    return lexer.run();
  } catch (err) {
    if (err instanceof LexError) throw new EngineError('InvalidArgument', `failed to process ${goQuote(word)}: ${err.message}`);
    throw err;
  }
}

/** Collects fields; `buf` is shared by nested `${…}` lexing, exactly as in lex.go. */
class Words {
  words: string[] = [];
  inWord = false;
  constructor(private readonly shared: { buf: string }) {}
  addChar(ch: string): void {
    if (isSpace(ch) && this.inWord) {
      if (this.shared.buf.length !== 0) {
        this.words.push(this.shared.buf);
        this.shared.buf = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) this.addRawChar(ch);
  }
  addRawChar(ch: string): void {
    this.shared.buf += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  addRawString(s: string): void {
    this.shared.buf += s;
    this.inWord = true;
  }
  getWords(): string[] {
    if (this.shared.buf.length > 0) {
      this.words.push(this.shared.buf);
      this.shared.buf = '';
      this.inWord = false;
    }
    return this.words;
  }
}

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isDigit = (ch: string) => /\p{Nd}/u.test(ch);
const SPECIAL_PARAMS = '@*#?-$!0';

class WordLexer {
  private readonly chars: string[];
  private pos = 0;
  private readonly escape: string;
  private rawEscapes: boolean;
  private readonly wordsBuffer = { buf: '' };
  private readonly matched = new Set<string>();
  private readonly unmatched = new Set<string>();

  constructor(word: string, private readonly env: EnvLookup, private readonly opts: LexOptions) {
    this.chars = Array.from(word);
    // text/scanner skips a byte order mark at the very start.
    if (this.chars[0] === '\ufeff') this.pos = 1;
    this.escape = opts.escapeToken ?? '\\';
    this.rawEscapes = opts.rawEscapes ?? false;
  }

  run(): LexResult {
    const [result, words] = this.processStopOn(undefined, this.rawEscapes);
    return { result, words, matched: this.matched, unmatched: this.unmatched };
  }

  private peek(): string | undefined {
    return this.chars[this.pos];
  }

  private next(): string | undefined {
    const ch = this.chars[this.pos];
    if (ch !== undefined) this.pos++;
    return ch;
  }

  private processStopOn(stop: string | undefined, rawEscapes: boolean): [string, string[]] {
    let result = '';
    this.wordsBuffer.buf = '';
    const words = new Words(this.wordsBuffer);
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      for (let ch = this.peek(); ch !== undefined; ch = this.peek()) {
        if (stop !== undefined && ch === stop) {
          this.next();
          return [result, words.getWords()];
        }
        const special =
          ch === '$' ? () => this.processDollar()
          : ch === '<' ? () => this.processPossibleHeredoc()
          : !this.opts.skipProcessQuotes && ch === "'" ? () => this.processSingleQuote()
          : !this.opts.skipProcessQuotes && ch === '"' ? () => this.processDoubleQuote()
          : undefined;
        if (special) {
          const tmp = special();
          result += tmp;
          if (ch === '$') words.addString(tmp);
          else words.addRawString(tmp);
          continue;
        }
        let c = this.next()!;
        if (c === this.escape) {
          if (this.rawEscapes) {
            words.addRawChar(c);
            result += c;
          }
          const escaped = this.next();
          if (escaped === undefined) break;
          c = escaped;
          words.addRawChar(c);
        } else words.addChar(c);
        result += c;
      }
      if (stop !== undefined) throw new LexError(`unexpected end of statement while looking for matching ${stop}`);
      return [result, words.getWords()];
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processSingleQuote(): string {
    let result = '';
    const open = this.next()!;
    if (this.opts.rawQuotes) result += open;
    for (;;) {
      const ch = this.next();
      if (ch === undefined) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return this.opts.rawQuotes ? result + ch : result;
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    let result = '';
    const open = this.next()!;
    if (this.opts.rawQuotes) result += open;
    for (;;) {
      const peeked = this.peek();
      if (peeked === undefined) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (peeked === '"') {
        this.next();
        return this.opts.rawQuotes ? result + '"' : result;
      }
      if (peeked === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next()!;
      if (ch === this.escape) {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        if (after === undefined) continue; // an escape at the end of the word is dropped
        if (after === '"' || after === '$' || after === this.escape) ch = this.next()!;
      }
      result += ch;
    }
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return '$' + name;
      return value ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === undefined) throw new LexError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    // Go prints the end of input as U+FFFD (string(rune(-1))).
    let chs = ch ?? '\ufffd';
    if (ch === '}') {
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return `\${${name}}`;
      return value ?? '';
    }
    let nullIsUnset = false;
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.next();
      chs += ch ?? '\ufffd';
    }
    if (nullIsUnset || (ch !== undefined && '+-?#%'.includes(ch))) {
      const patternOp = ch === '#' || ch === '%';
      if (nullIsUnset && patternOp) throw new LexError(`unsupported modifier (${chs}) in substitution`);
      let word: string;
      try {
        [word] = this.processStopOn('}', patternOp);
      } catch (err) {
        if (err instanceof LexError && this.peek() === undefined) throw new LexError("syntax error: missing '}'");
        throw err;
      }
      const value = this.getEnv(name);
      if (this.opts.skipUnsetEnv && value === undefined) return `\${${name}${chs}${word}}`;
      const empty = value === undefined || (nullIsUnset && value === '');
      switch (ch) {
        case '-':
          return empty ? word : value!;
        case '+':
          return empty ? '' : word;
        case '?':
          if (value === undefined) throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
          if (nullIsUnset && value === '') throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
          return value;
        case '%':
        case '#': {
          const greedy = word.length > 0 && word[0] === ch;
          const pattern = greedy ? word.slice(1) : word;
          return ch === '%' ? trimSuffix(pattern, value ?? '', greedy) : trimPrefix(pattern, value ?? '', greedy);
        }
        default:
          throw new LexError(`unsupported modifier (${chs}) in substitution`);
      }
    }
    if (ch === '/') {
      const all = this.peek() === '/';
      if (all) this.next();
      let pattern: string;
      let replacement: string;
      try {
        [pattern] = this.processStopOn('/', true);
      } catch (err) {
        if (err instanceof LexError && this.peek() === undefined) throw new LexError("syntax error: missing '/' in ${}");
        throw err;
      }
      try {
        [replacement] = this.processStopOn('}', true);
      } catch (err) {
        if (err instanceof LexError && this.peek() === undefined) throw new LexError("syntax error: missing '}'");
        throw err;
      }
      const value = this.getEnv(name);
      if (this.opts.skipUnsetEnv && value === undefined) return `\${${name}/${pattern}/${replacement}}`;
      const re = patternToRegex(pattern, true, false, all);
      return all ? replaceAll(value ?? '', re, replacement) : (value ?? '').replace(re, () => replacement);
    }
    throw new LexError(`unsupported modifier (${chs}) in substitution`);
  }

  private processName(): string {
    let name = '';
    for (let ch = this.peek(); ch !== undefined; ch = this.peek()) {
      if (name === '' && isDigit(ch)) {
        while (this.peek() !== undefined && isDigit(this.peek()!)) name += this.next();
        return name;
      }
      if (name === '' && SPECIAL_PARAMS.includes(ch)) return this.next()!;
      if (!isLetter(ch) && !isDigit(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }

  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== '<') return '<';
    this.next();
    let space = '';
    for (let ch = this.peek(); ch === '\t' || ch === '\r' || ch === ' '; ch = this.peek()) space += this.next();
    return '<<' + space;
  }

  private getEnv(name: string): string | undefined {
    const value = lookup(this.env, name);
    (value === undefined ? this.unmatched : this.matched).add(name);
    return value;
  }
}
