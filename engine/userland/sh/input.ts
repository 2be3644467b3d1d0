/**
 * The character source the lexer reads from: the script text, with alias
 * values pushed in front of it (as ash does: an alias is replaced by its text,
 * which is then read as if it had been typed), any number of characters of
 * push-back, and line counting.
 *
 * `next()` returns one character, or EOF (the empty string) at the end.
 */

export const EOF = '';

/** How far back unget can go: enough for any here-document delimiter line. */
const HISTORY = 4096;

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
  /** Set when the end was reached right after a backslash-newline (a line to be continued). */
  continuedAtEof = false;
  /** Set when an alias whose text ends in a blank was finished; the lexer clears it. */
  aliasEndedInBlank = false;

  private readonly frames: Frame[];
  private pushedBack: string[] = [];
  /** The last characters returned, for unget: a ring of HISTORY slots. */
  private readonly history: string[] = new Array<string>(HISTORY).fill(EOF);
  private historyEnd = 0;
  private historyLength = 0;

  constructor(text: string, line = 1) {
    this.frames = [{ text, pos: 0 }];
    this.line = line;
  }

  next(): string {
    const c = this.pushedBack.length > 0 ? this.pushedBack.pop()! : this.read();
    this.history[this.historyEnd] = c;
    this.historyEnd = (this.historyEnd + 1) % HISTORY;
    if (this.historyLength < HISTORY) this.historyLength++;
    if (c === '\n') this.line++;
    return c;
  }

  /** Give back the last character `next()` returned (repeatable, HISTORY deep). */
  unget(): void {
    if (this.historyLength === 0) throw new Error('sh: Input.unget with nothing to unget');
    this.historyLength--;
    this.historyEnd = (this.historyEnd + HISTORY - 1) % HISTORY;
    const c = this.history[this.historyEnd]!;
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
      if (this.next() === EOF) this.continuedAtEof = true;
      this.unget();
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
        const unit = frame.text.charCodeAt(frame.pos);
        const n = unit >= 0xd800 && unit < 0xdc00 && frame.pos + 1 < frame.text.length ? 2 : 1;
        const c = n === 1 ? frame.text.charAt(frame.pos) : frame.text.slice(frame.pos, frame.pos + 2);
        frame.pos += n;
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
