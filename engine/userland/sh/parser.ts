/**
 * The parser of busybox ash: text → complete commands (ast.ts).
 *
 *     const result = parse('for f in *.txt; do wc -l "$f"; done\n');
 *     if (result.kind === 'ok') for (const cmd of result.commands) run(cmd);
 *
 * The grammar follows ash's recursive descent (list / andor / pipeline /
 * command / simple command) closely, because its corners are what users
 * see: which token an error names, that `if fi` is an error but a `case`
 * clause may be empty, that `! ! x` is not allowed, that a stale word can
 * become a case pattern (`case x in )) …` matches "in").
 *
 * Syntax errors carry ash's message without prefixes. ash prints every
 * error as `$0: [COMMAND: ][line N: ]MESSAGE` (busybox 1.35, same code in 1.36),
 * exit status 2. For syntax errors, N is `error.line`:
 *   `sh: MESSAGE`                  `sh -c 'script'`, standard input, interactive
 *   `NAME: line N: MESSAGE`        `sh -c 'script' NAME args…` ($0 is NAME)
 *   `SCRIPT: line N: MESSAGE`      `sh ./x.sh` (SCRIPT as typed)
 *   `sh: eval: line N: MESSAGE`    inside `eval` (the eval's $0 first)
 *   `sh: FILE: line N: MESSAGE`    inside `. FILE` / `source FILE` (FILE as found)
 * and a builtin's own errors likewise name it: `sh: cd: line 0: can't cd to …`.
 * Line numbers: a script file starts at 1, but a `sh -c` string at 0 (pass
 * `line: 0`), and `eval` text at the line of the eval.
 */
import type {
  AndOr, Command, FunctionDefinition, HereDocument, List, Pipeline, Redirect, SimpleCommand, Word, WordPart,
} from './ast.ts';
import { EOF, Input } from './input.ts';
import {
  CHKALIAS, CHKEOFMARK, CHKKWD, CHKNL, Lexer, ShellSyntaxError, tokenName, type Token,
} from './lexer.ts';
import { isName, markTildes, plainText, assignmentPrefix, splitAssignment } from './words.ts';

export { ShellSyntaxError } from './lexer.ts';

export interface ParseOptions {
  /**
   * The shell's aliases at the time the command is parsed. ash expands them
   * while parsing, so an `alias` only affects lines read after it ran; the
   * incremental Parser asks again for each complete command.
   */
  aliases?: (name: string) => string | undefined;
  /** The line number of the first line (for `eval`, the line of the eval). Default 1. */
  line?: number;
  /**
   * ash's `lineno`: the line of the command the shell is running while it
   * parses. Backquoted text is parsed from a string whose line numbers start
   * there (a syntax error inside backquotes says `line 0:` under `sh -n`,
   * which runs nothing). Default: 0.
   */
  currentLine?: () => number;
  /**
   * Parse as an interactive shell reads: a command that needs more input
   * (an open quote, `if` without `fi`, a trailing `|` or `\`, a
   * here-document without its delimiter) is `incomplete` instead of an
   * error, and the shell prints PS2 and reads another line. Lines must end
   * with a newline.
   */
  interactive?: boolean;
}

export interface SyntaxErrorInfo {
  /** ash's text, e.g. `syntax error: unexpected "fi"`. */
  message: string;
  /** The line the parser had reached. */
  line: number;
}

export type ParseResult =
  | { kind: 'ok'; commands: List[] }
  /** `commands` are the complete commands before the error (a script runs them first). */
  | { kind: 'error'; commands: List[]; error: SyntaxErrorInfo }
  /** Interactive only: read another line, append it, parse again. */
  | { kind: 'incomplete'; commands: List[] };

export type ParseStep =
  | { kind: 'command'; command: List }
  | { kind: 'eof' }
  | { kind: 'error'; error: SyntaxErrorInfo }
  | { kind: 'incomplete' };

/** Parse a whole script (or one interactive input) into complete commands. */
export function parse(source: string, options: ParseOptions = {}): ParseResult {
  const parser = new Parser(source, options);
  const commands: List[] = [];
  for (;;) {
    const step = parser.next();
    switch (step.kind) {
      case 'command': commands.push(step.command); break;
      case 'eof': return { kind: 'ok', commands };
      case 'error': return { kind: 'error', commands, error: step.error };
      case 'incomplete': return { kind: 'incomplete', commands };
    }
  }
}

/** Tokens that end a list (ash's tokendlist). */
const LIST_END: ReadonlySet<Token> = new Set<Token>(['EOF', ')', ';;', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'then', '}']);

/** Special builtins: a function may not take their names (`bad function name`). */
const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([
  '.', ':', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'local', 'readonly',
  'return', 'set', 'shift', 'source', 'times', 'trap', 'unset',
]);

const END_OF_INPUT = Symbol('end of input');

type CompoundCommand = Exclude<Command, SimpleCommand | FunctionDefinition>;

/**
 * Parses one complete command at a time, as ash reads a script: run each
 * before asking for the next, so aliases defined by one apply to the next.
 */
export class Parser {
  private readonly lex: Lexer;
  private readonly input: Input;
  private failed: SyntaxErrorInfo | undefined;

  constructor(source: string, private readonly options: ParseOptions = {}) {
    this.input = new Input(source, options.line ?? 1);
    this.lex = new Lexer(this.input, {
      commandSubstitution: () => this.commandSubstitution(),
      backquoted: (text) => this.backquoted(text),
    }, options.aliases);
  }

  /** The next complete command (blank lines skipped), the end, or an error. */
  next(): ParseStep {
    if (this.failed) return { kind: 'error', error: this.failed };
    for (;;) {
      const eofBefore = this.input.sawEof;
      try {
        this.lex.pushback = false;
        this.lex.checkkwd = 0;
        this.lex.pending = [];
        const n = this.list(1);
        if (this.options.interactive && this.input.continuedAtEof) return { kind: 'incomplete' };
        if (n === END_OF_INPUT) return { kind: 'eof' };
        if (this.options.interactive && this.input.sawEof && !eofBefore) return { kind: 'incomplete' };
        if (n !== null) return { kind: 'command', command: n };
      } catch (err) {
        if (!(err instanceof ShellSyntaxError)) throw err;
        if (this.options.interactive && this.input.sawEof) return { kind: 'incomplete' };
        this.failed = { message: err.message, line: err.line };
        return { kind: 'error', error: this.failed };
      }
    }
  }

  // --- the grammar ---------------------------------------------------------

  /**
   * A list of and-or lists separated by `;`, `&` or newlines. `nlflag` as in
   * ash: 1 = a complete command (stops at the newline), 0 = the body of a
   * compound command (newlines are separators; must not be empty), 2 = may
   * be empty (case clauses, command substitutions).
   */
  private list(nlflag: number): List | null | typeof END_OF_INPUT {
    const lex = this.lex;
    const chknl = nlflag & 1 ? 0 : CHKNL;
    const items: List['items'] = [];
    const result = () => (items.length ? { type: 'list' as const, items } : null);
    const atEof = () => {
      lex.readHereDocuments(false);
      lex.pushback = true;
      lex.last = 'EOF';
      return result();
    };
    for (;;) {
      lex.checkkwd = chknl | CHKKWD | CHKALIAS;
      let tok = lex.readToken();
      if (tok === 'NL') {
        lex.readHereDocuments(false);
        return result();
      }
      if (tok === 'EOF') {
        if (items.length === 0 && !chknl) return END_OF_INPUT;
        return atEof();
      }
      lex.pushback = true;
      if (nlflag === 2 && LIST_END.has(tok)) return result();
      nlflag |= 2;

      const command = this.andOr();
      tok = lex.readToken();
      items.push({ command, background: tok === '&' });
      switch (tok) {
        case 'EOF':
          return atEof();
        case 'NL':
          lex.pushback = true;
          break;
        case '&':
        case ';':
          break;
        default:
          if (!chknl) this.unexpected();
          lex.pushback = true;
          return result();
      }
    }
  }

  /** A list that ash guarantees non-empty (it raised an error otherwise). */
  private body(): List {
    const n = this.list(0);
    return n === null || n === END_OF_INPUT ? { type: 'list', items: [] } : n;
  }

  private andOr(): AndOr {
    const lex = this.lex;
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = lex.readToken();
      if (t !== '&&' && t !== '||') {
        lex.pushback = true;
        return { type: 'andor', first, rest };
      }
      lex.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      rest.push({ op: t, pipeline: this.pipeline() });
    }
  }

  private pipeline(): Pipeline {
    const lex = this.lex;
    let negated = false;
    if (lex.readToken() === '!') {
      negated = true;
      lex.checkkwd = CHKKWD | CHKALIAS;
    } else {
      lex.pushback = true;
    }
    const commands = [this.command()];
    while (lex.readToken() === '|') {
      lex.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      commands.push(this.command());
    }
    lex.pushback = true;
    return { type: 'pipeline', negated, commands };
  }

  private command(): Command {
    const lex = this.lex;
    const line = this.input.line;
    let command: CompoundCommand;
    let closer: Token;
    switch (lex.readToken()) {
      default:
        this.unexpected();
      case 'if': {
        const clauses = [];
        let condition = this.body();
        if (lex.readToken() !== 'then') this.unexpected('then');
        clauses.push({ condition, body: this.body() });
        while (lex.readToken() === 'elif') {
          condition = this.body();
          if (lex.readToken() !== 'then') this.unexpected('then');
          clauses.push({ condition, body: this.body() });
        }
        let elseBody: List | null = null;
        if (lex.last === 'else') elseBody = this.body();
        else lex.pushback = true;
        command = { type: 'if', line, clauses, elseBody, redirects: [] };
        closer = 'fi';
        break;
      }
      case 'while':
      case 'until': {
        const type = lex.last as 'while' | 'until';
        const condition = this.body();
        if (lex.readToken() !== 'do') this.unexpected('do');
        command = { type, line, condition, body: this.body(), redirects: [] };
        closer = 'done';
        break;
      }
      case 'for': {
        const variable = lex.readToken() === 'WORD' && !lex.quoted ? plainText(lex.word) : undefined;
        if (variable === undefined || !isName(variable)) throw lex.syntaxError('syntax error: bad for loop variable');
        lex.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        let words: Word[] | null = null;
        if (lex.readToken() === 'in') {
          words = [];
          while (lex.readToken() === 'WORD') words.push(this.word(lex.word));
          if (lex.last !== 'NL' && lex.last !== ';') this.unexpected();
        } else if (lex.last !== ';') {
          lex.pushback = true;
        }
        lex.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        if (lex.readToken() !== 'do') this.unexpected('do');
        command = { type: 'for', line, variable, words, body: this.body(), redirects: [] };
        closer = 'done';
        break;
      }
      case 'case': {
        if (lex.readToken() !== 'WORD') this.unexpected('WORD');
        const word = this.word(lex.word);
        lex.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        if (lex.readToken() !== 'in') this.unexpected('in');
        const clauses = [];
        for (;;) {
          lex.checkkwd = CHKNL | CHKKWD;
          if (lex.readToken() === 'esac') break;
          if (lex.last === '(') lex.readToken();
          // ash takes the last word read, whatever the token was.
          const patterns = [this.word(lex.word)];
          while (lex.readToken() === '|') {
            lex.readToken();
            patterns.push(this.word(lex.word));
          }
          if (lex.last !== ')') this.unexpected(')');
          const body = this.list(2);
          clauses.push({ patterns, body: body === END_OF_INPUT ? null : body });
          lex.checkkwd = CHKNL | CHKKWD;
          const t = lex.readToken();
          if (t === 'esac') break;
          if (t !== ';;') this.unexpected(';;');
        }
        command = { type: 'case', line, word, clauses, redirects: [] };
        return this.trailingRedirects(command);
      }
      case '(':
        command = { type: 'subshell', line, body: this.body(), redirects: [] };
        closer = ')';
        break;
      case '{':
        command = { type: 'group', line, body: this.body(), redirects: [] };
        closer = '}';
        break;
      case 'function':
      case 'WORD':
      case 'REDIR':
        lex.pushback = true;
        return this.simpleCommand();
    }
    if (lex.readToken() !== closer) this.unexpected(closer);
    return this.trailingRedirects(command);
  }

  /** Redirections after a compound command: `{ …; } >log`. */
  private trailingRedirects(command: CompoundCommand): CompoundCommand {
    const lex = this.lex;
    lex.checkkwd = CHKKWD | CHKALIAS;
    while (lex.readToken() === 'REDIR') command.redirects.push(this.redirection());
    lex.pushback = true;
    return command;
  }

  private simpleCommand(): Command {
    const lex = this.lex;
    const args: Word[] = [];
    const assignments: Word[] = [];
    const redirects: Redirect[] = [];
    let savecheckkwd = CHKALIAS;
    const line = this.input.line;
    let doubleBrackets = false;
    let functionKeyword = false;
    for (;;) {
      lex.checkkwd = savecheckkwd;
      const t = lex.readToken();
      let word: Word | undefined;
      let defineFunction = false;
      switch (t) {
        case 'function':
          if (lex.readToken() !== 'WORD') this.unexpected('WORD');
          lex.pushback = true;
          functionKeyword = true;
          break;
        case '&&':
        case '||':
          // Inside bash's [[ ]] (ash's test builtin), && and || are arguments.
          if (!doubleBrackets) {
            lex.pushback = true;
            return this.makeSimple(line, assignments, args, redirects);
          }
          word = { parts: [{ type: 'literal', text: t, quoted: false }] };
          break;
        case 'WORD':
          word = lex.word;
          break;
        case 'REDIR':
          redirects.push(this.redirection());
          break;
        case '(':
          defineFunction = true;
          break;
        default:
          lex.pushback = true;
          return this.makeSimple(line, assignments, args, redirects);
      }
      if (word) {
        const text = plainText(word);
        if (text === '[[') doubleBrackets = true;
        else if (text === ']]') doubleBrackets = false;
        if (savecheckkwd && assignmentPrefix(word) > 0) {
          assignments.push(word);
        } else {
          args.push(word);
          savecheckkwd = 0;
        }
        if (functionKeyword) {
          lex.checkkwd = CHKNL | CHKKWD;
          const next = lex.readToken();
          lex.pushback = true;
          if (next === '{' || next === 'if' || next === 'case' || next === 'until' || next === 'while' || next === 'for') {
            defineFunction = true;
          } else if (next === '(') {
            functionKeyword = false;
          } else if (next === 'WORD' && plainText(lex.word) === '[[') {
            defineFunction = true;
          } else {
            this.unexpected();
          }
        }
      }
      if (defineFunction) {
        if (args.length === 1 && assignments.length === 0 && redirects.length === 0) {
          if (!functionKeyword && lex.readToken() !== ')') this.unexpected(')');
          const name = plainText(args[0]!);
          if (name === undefined || !isName(name) || SPECIAL_BUILTINS.has(name)) throw lex.syntaxError('syntax error: bad function name');
          lex.checkkwd = CHKNL | CHKKWD | CHKALIAS;
          return { type: 'function', line: this.input.line, name, body: this.command() };
        }
        functionKeyword = false;
        lex.pushback = true;
        return this.makeSimple(line, assignments, args, redirects);
      }
    }
  }

  private makeSimple(line: number, assignments: Word[], args: Word[], redirects: Redirect[]): SimpleCommand {
    return {
      type: 'simple',
      line,
      assignments: assignments.map(splitAssignment),
      words: args.map((w) => this.word(w)),
      redirects,
    };
  }

  /** After a REDIR token: the target word (or here-document delimiter). */
  private redirection(): Redirect {
    const lex = this.lex;
    const r = lex.redirect!;
    if (r.type === 'heredoc') lex.checkkwd = CHKEOFMARK;
    if (lex.readToken() !== 'WORD') this.unexpected();
    if (r.type === 'heredoc') {
      r.quoted = lex.quoted;
      r.delimiter = quoteRemoved(lex.word.parts);
      lex.pending.push(r);
    } else {
      r.target = this.word(lex.word);
    }
    return r;
  }

  /** A word as a command argument: with its leading tilde marked. */
  private word(w: Word): Word {
    return { parts: markTildes(w.parts, 'word') };
  }

  // --- nested commands -----------------------------------------------------

  /** `$(…)` / `<(…)`: the commands, then the `)`. */
  private commandSubstitution(): List | null {
    const lex = this.lex;
    const saved: HereDocument[] = lex.pending;
    lex.pending = [];
    const n = this.list(2);
    if (lex.readToken() !== ')') this.unexpected(')');
    // Here-documents still open at the `)` are read from an empty string.
    lex.readHereDocuments(true);
    lex.pending = saved;
    return n === END_OF_INPUT ? null : n;
  }

  /** The unescaped text of `` `…` ``, parsed by a parser of its own. */
  private backquoted(text: string): List | null {
    const line = this.options.currentLine?.() ?? 0;
    const inner = new Parser(text, { ...this.options, line, interactive: false });
    return inner.backquoteBody();
  }

  /**
   * ash parses backquoted text as one list and ignores whatever follows it:
   * `` `echo a ) echo b` `` runs `echo a`.
   */
  private backquoteBody(): List | null {
    this.lex.pushback = false;
    this.lex.checkkwd = 0;
    const n = this.list(2);
    this.lex.readHereDocuments(false);
    return n === END_OF_INPUT ? null : n;
  }

  // --- errors ----------------------------------------------------------------

  /** `unexpected <last token>`, and `(expecting <t>)` when one token was expected. */
  private unexpected(expecting?: Token): never {
    let msg = `syntax error: unexpected ${tokenName(this.lex.last)}`;
    if (expecting !== undefined) msg += ` (expecting ${tokenName(expecting)})`;
    throw this.lex.syntaxError(msg);
  }
}

/** The text of a here-document delimiter: its quotes removed. */
function quoteRemoved(parts: WordPart[]): string {
  let text = '';
  for (const part of parts) {
    if (part.type === 'literal' || part.type === 'single') text += part.text;
    else if (part.type === 'double') text += quoteRemoved(part.parts);
  }
  return text;
}

export { EOF };
