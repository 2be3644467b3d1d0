/**
 * nginx's configuration grammar, read as ngx_conf_read_token and
 * ngx_conf_parse read it: words separated by spaces, a directive ends with
 * ";" or opens a block with "{", "}" closes one, "#" starts a comment,
 * "double" and 'single' quotes group words, backslash escapes.
 *
 * Parsing drives the handlers directly, directive by directive, the way
 * nginx does: a block directive's handler parses its own block, and the
 * first problem in file order is the one reported, with nginx's wording:
 *
 *     unexpected "}" in /etc/nginx/conf.d/default.conf:12
 */

export class ConfError extends Error {
  constructor(
    message: string,
    /** "in /etc/nginx/nginx.conf:3", or "in command line" for -g. */
    readonly where: string,
  ) {
    super(message);
  }
  get text(): string {
    return this.where ? `${this.message} ${this.where}` : this.message;
  }
}

export interface Directive {
  name: string;
  args: string[];
  /** Whether it ended with "{" (a block follows) rather than ";". */
  block: boolean;
  file: string;
  /** The line where the directive ended (where nginx reports problems). */
  line: number;
}

type Event = { kind: 'directive'; words: string[]; block: boolean } | { kind: 'close' } | { kind: 'eof' };

/** One configuration text (a file, or -g's parameter) being read. */
export class ConfReader {
  private pos = 0;
  line = 1;

  constructor(
    private readonly text: string,
    /** The file name; undefined for the -g parameter. */
    readonly file: string | undefined,
  ) {}

  where(): string {
    return this.file === undefined ? 'in command line' : `in ${this.file}:${this.line}`;
  }

  fail(message: string): never {
    throw new ConfError(message, this.where());
  }

  /** ngx_conf_read_token: the next directive's words, a "}" or the end. */
  next(): Event {
    const words: string[] = [];
    const t = this.text;
    for (;;) {
      // Between words.
      while (this.pos < t.length && /[ \t\r\n]/.test(t[this.pos]!)) {
        if (t[this.pos] === '\n') this.line++;
        this.pos++;
      }
      if (this.pos >= t.length) {
        if (words.length > 0) this.fail(this.file === undefined ? 'unexpected end of parameter, expecting ";"' : 'unexpected end of file, expecting ";" or "}"');
        return { kind: 'eof' };
      }
      const ch = t[this.pos]!;
      if (ch === ';') {
        this.pos++;
        if (words.length === 0) this.fail('unexpected ";"');
        return { kind: 'directive', words, block: false };
      }
      if (ch === '{') {
        this.pos++;
        if (words.length === 0) this.fail('unexpected "{"');
        return { kind: 'directive', words, block: true };
      }
      if (ch === '}') {
        this.pos++;
        if (words.length > 0) this.fail('unexpected "}"');
        return { kind: 'close' };
      }
      if (ch === '#') {
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
        continue;
      }
      words.push(this.word());
    }
  }

  /** One word: quoted, or up to a space, ";" or "{" (a "{" right after "$" belongs to a ${variable}). */
  private word(): string {
    const t = this.text;
    const quote = t[this.pos] === '"' || t[this.pos] === "'" ? t[this.pos]! : undefined;
    const start = quote ? ++this.pos : this.pos;
    for (;;) {
      if (this.pos >= t.length) {
        if (quote) this.fail(this.file === undefined ? 'unexpected end of parameter, expecting ";"' : 'unexpected end of file, expecting ";" or "}"');
        break;
      }
      const ch = t[this.pos]!;
      if (ch === '\\' && this.pos + 1 < t.length) {
        if (t[this.pos + 1] === '\n') this.line++;
        this.pos += 2;
        continue;
      }
      if (quote) {
        if (ch === '\n') this.line++;
        if (ch === quote) {
          const raw = t.slice(start, this.pos);
          this.pos++;
          const after = t[this.pos];
          // After a closing quote: a space, ";", "{", or ")" (as in `if ($a = "b")`).
          if (after !== undefined && !/[ \t\r\n;{)]/.test(after)) this.fail(`unexpected "${after}"`);
          return unescape(raw);
        }
        this.pos++;
        continue;
      }
      if (ch === '{' && t[this.pos - 1] === '$' && this.pos > start) {
        this.pos++;
        continue;
      }
      if (/[ \t\r\n;{]/.test(ch)) break;
      this.pos++;
    }
    return unescape(t.slice(start, this.pos));
  }
}

/** The escapes nginx resolves in every word: \" \' \\ \t \r \n. */
function unescape(raw: string): string {
  return raw.replace(/\\(["'\\trn])/g, (_m, c: string) => ({ t: '\t', r: '\r', n: '\n' })[c] ?? c);
}

export type DirectiveHandler = (d: Directive, reader: ConfReader) => Promise<void>;

/**
 * ngx_conf_parse: reads directives until the end of the text ('file',
 * 'param') or the closing "}" ('block'), handing each to `handle`. A block
 * directive's handler must consume its block (calling parse again with
 * 'block').
 */
export async function parse(reader: ConfReader, type: 'file' | 'block' | 'param', handle: DirectiveHandler): Promise<void> {
  for (;;) {
    const e = reader.next();
    if (e.kind === 'close') {
      if (type !== 'block') reader.fail('unexpected "}"');
      return;
    }
    if (e.kind === 'eof') {
      if (type === 'block') reader.fail('unexpected end of file, expecting "}"');
      return;
    }
    if (e.block && type === 'param') reader.fail('block directives are not supported in -g option');
    const [name, ...args] = e.words as [string, ...string[]];
    await handle({ name, args, block: e.block, file: reader.file ?? '', line: reader.line }, reader);
  }
}
