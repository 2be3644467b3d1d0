/**
 * nano's text: a list of lines and a cursor in it. As in nano, a file
 * ending in a newline has an empty last line after it ("hello\n" is the
 * lines "hello" and ""), which is where typing at the end goes; the lines
 * count of the location report includes it.
 *
 * Every change records the text as it was before, so M-U can go back and
 * M-E forward again. Typing one character after another (or backspacing)
 * is one step, as in nano.
 */

export interface Position {
  line: number;
  /** Index in the line's string. */
  x: number;
}

interface Snapshot {
  lines: string[];
  cursor: Position;
  modified: boolean;
  kind: ChangeKind;
}

export type ChangeKind = 'type' | 'backspace' | 'delete' | 'enter' | 'cut' | 'paste' | 'replace' | 'insert' | 'other';

export class NanoBuffer {
  lines: string[] = [''];
  cursor: Position = { line: 0, x: 0 };
  modified = false;
  private undoStack: Snapshot[] = [];
  private redoStack: Snapshot[] = [];
  private lastKind: ChangeKind | null = null;

  /** Reads text into the buffer (or, at the cursor, with `insert`). Returns the lines read. */
  static split(text: string): string[] {
    return text.split('\n');
  }

  load(text: string): void {
    this.lines = NanoBuffer.split(text);
    this.cursor = { line: 0, x: 0 };
    this.modified = false;
    this.undoStack = [];
    this.redoStack = [];
    this.lastKind = null;
  }

  text(): string {
    return this.lines.join('\n');
  }

  get line(): string {
    return this.lines[this.cursor.line]!;
  }

  /** Records the state before a change of the given kind (joined with the previous one when it continues it). */
  change(kind: ChangeKind): void {
    const continuing = (kind === 'type' || kind === 'backspace' || kind === 'delete') && this.lastKind === kind;
    if (!continuing) this.undoStack.push({ lines: [...this.lines], cursor: { ...this.cursor }, modified: this.modified, kind });
    this.redoStack = [];
    this.lastKind = kind;
    this.modified = true;
  }

  /** Ends the current step: the next typing starts a new one (the cursor moved, a command ran). */
  breakStep(): void {
    this.lastKind = null;
  }

  /** Goes back one step; returns what kind of change it undid, or null when there is none. */
  undo(): ChangeKind | null {
    const s = this.undoStack.pop();
    if (!s) return null;
    this.redoStack.push({ lines: [...this.lines], cursor: { ...this.cursor }, modified: this.modified, kind: s.kind });
    this.restore(s);
    return s.kind;
  }

  redo(): ChangeKind | null {
    const s = this.redoStack.pop();
    if (!s) return null;
    this.undoStack.push({ lines: [...this.lines], cursor: { ...this.cursor }, modified: this.modified, kind: s.kind });
    this.restore(s);
    return s.kind;
  }

  private restore(s: Snapshot): void {
    this.lines = s.lines;
    this.cursor = s.cursor;
    this.modified = s.modified;
    this.lastKind = null;
  }

  /** Inserts text (which may hold newlines) at the cursor, leaving the cursor after it. */
  insert(text: string): void {
    const { line, x } = this.cursor;
    const cur = this.lines[line]!;
    const pieces = text.split('\n');
    const before = cur.slice(0, x);
    const after = cur.slice(x);
    if (pieces.length === 1) {
      this.lines[line] = before + text + after;
      this.cursor.x = x + text.length;
      return;
    }
    const lines = pieces.map((p, i) => (i === 0 ? before + p : i === pieces.length - 1 ? p + after : p));
    this.lines.splice(line, 1, ...lines);
    this.cursor = { line: line + pieces.length - 1, x: pieces[pieces.length - 1]!.length };
  }

  /** Deletes the character before the cursor (joining lines at a line's start). */
  backspace(): boolean {
    const { line, x } = this.cursor;
    if (x > 0) {
      const cur = this.lines[line]!;
      const n = charBefore(cur, x);
      this.lines[line] = cur.slice(0, x - n) + cur.slice(x);
      this.cursor.x = x - n;
      return true;
    }
    if (line === 0) return false;
    const prev = this.lines[line - 1]!;
    this.lines.splice(line - 1, 2, prev + this.lines[line]!);
    this.cursor = { line: line - 1, x: prev.length };
    return true;
  }

  /** Deletes the character under the cursor (joining with the next line at a line's end). */
  deleteChar(): boolean {
    const { line, x } = this.cursor;
    const cur = this.lines[line]!;
    if (x < cur.length) {
      const n = charAt(cur, x);
      this.lines[line] = cur.slice(0, x) + cur.slice(x + n);
      return true;
    }
    if (line >= this.lines.length - 1) return false;
    this.lines.splice(line, 2, cur + this.lines[line + 1]!);
    return true;
  }

  /** Removes the text between two positions (a marked region); returns it. */
  removeRange(a: Position, b: Position): string {
    const [from, to] = before(a, b) ? [a, b] : [b, a];
    const text = this.textBetween(from, to);
    const head = this.lines[from.line]!.slice(0, from.x);
    const tail = this.lines[to.line]!.slice(to.x);
    this.lines.splice(from.line, to.line - from.line + 1, head + tail);
    this.cursor = { ...from };
    return text;
  }

  textBetween(a: Position, b: Position): string {
    const [from, to] = before(a, b) ? [a, b] : [b, a];
    if (from.line === to.line) return this.lines[from.line]!.slice(from.x, to.x);
    const parts = [this.lines[from.line]!.slice(from.x)];
    for (let l = from.line + 1; l < to.line; l++) parts.push(this.lines[l]!);
    parts.push(this.lines[to.line]!.slice(0, to.x));
    return parts.join('\n');
  }
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.x <= b.x);
}

/** Length in code units of the character ending at x. */
export function charBefore(s: string, x: number): number {
  const c = s.charCodeAt(x - 1);
  return c >= 0xdc00 && c <= 0xdfff && x >= 2 && (s.charCodeAt(x - 2) & 0xfc00) === 0xd800 ? 2 : 1;
}

/** Length in code units of the character starting at x. */
export function charAt(s: string, x: number): number {
  const c = s.charCodeAt(x);
  return (c & 0xfc00) === 0xd800 && (s.charCodeAt(x + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}
