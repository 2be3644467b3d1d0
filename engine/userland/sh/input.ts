/**
 * The character source the lexer reads from: the script text, with alias
 * values pushed in front of it (as ash does: an alias is replaced by its text,
 * which is then read as if it had been typed), any number of characters of
 * push-back, and line counting.
 *
 * `next()` returns one character, or EOF (the empty string) at the end.
 */

export const EOF = '';

interface Frame {
  text: string;
  pos: number;
  /** For an alias's text: its name (in use until the text is read). */
  alias?: string;
  /** Characters pushed back before this frame was pushed, given back when it ends. */
  saved?: string[];
}

export class Input {
  /** The current line number: 1 + the newlines read so far (push-back included). */
  line: number;
  /** Set once the end of the script itself was read (not the end of an alias). */
  sawEof = false;
  /** Set when an alias whose text ends in a blank was finished; the lexer clears it. */
  aliasEndedInBlank = false;

  private readonly frames: Frame[];
  private pushedBack: string[] = [];
  private readonly history: string[] = [];

  constructor(text: string, line = 1) {
    this.frames = [{ text, pos: 0 }];
    this.line = line;
  }

  next(): string {
    let c = this.pushedBack.pop();
    if (c === undefined) c = this.read();
    this.history.push(c);
    // Push-back needs only recent history: a here-document delimiter's length at most.
    if (this.history.length > 8192) this.history.splice(0, 4096);
    if (c === '\n') this.line++;
    return c;
  }

  /** Give back the last character `next()` returned (repeatable). */
  unget(): void {
    const c = this.history.pop();
    if (c === undefined) throw new Error('sh: Input.unget with nothing to unget');
    if (c === '\n') this.line--;
    this.pushedBack.push(c);
  }

  /** Like `next()`, but skips backslash-newline pairs (ash's pgetc_eatbnl). */
  nextSkippingContinuations(): string {
    for (;;) {
      const c = this.next();
      if (c !== '\\') return c;
      if (this.next() !== '\n') {
        this.unget();
        return c;
      }
    }
  }

  /** Read `text` (an alias's value) before what follows. */
  pushAlias(name: string, text: string): void {
    this.frames.push({ text, pos: 0, alias: name, saved: this.pushedBack });
    this.pushedBack = [];
  }

  aliasInUse(name: string): boolean {
    return this.frames.some((f) => f.alias === name);
  }

  private read(): string {
    for (;;) {
      const frame = this.frames[this.frames.length - 1]!;
      if (frame.pos < frame.text.length) {
        // Whole code points: a surrogate pair is one character, as UTF-8 is to ash.
        const code = frame.text.codePointAt(frame.pos)!;
        const c = String.fromCodePoint(code);
        frame.pos += c.length;
        return c;
      }
      if (this.frames.length === 1) {
        this.sawEof = true;
        return EOF;
      }
      this.frames.pop();
      const last = frame.text[frame.text.length - 1];
      if (last === ' ' || last === '\t') this.aliasEndedInBlank = true;
      this.pushedBack = frame.saved ?? [];
      if (this.pushedBack.length > 0) return this.pushedBack.pop()!;
    }
  }
}
