/**
 * vi's text: one string holding the whole file, positions in it, and undo.
 *
 * As in busybox vi, the text is never empty (an empty file is one empty
 * line, "\n"; a file without a last newline stays so), "the cursor" is a
 * position (`dot`) in the string, and lines are found by looking for
 * newlines around a position. Every change goes through `insert` and `remove`, which record
 * how to reverse it:
 * - an ordinary change is one undo step;
 * - a CHAIN change belongs with the step recorded before it (`r` on three
 *   characters, `:s///g`), so one `u` reverses them all;
 * - a QUEUED change is typing in insert mode: characters are gathered and
 *   become one step when the typing stops (or after 256 of them).
 * `modified` counts changes, up for each change and down for each undo, so
 * undoing everything since the last write makes the file unmodified again.
 */

export const UNDO = { INS: 0, DEL: 1, INS_CHAIN: 2, DEL_CHAIN: 3 } as const;
/** How a change may be undone (busybox's ALLOW_UNDO…). */
export const ALLOW = { NO: 0, UNDO: 1, CHAIN: 2, QUEUED: 3 } as const;
type Allow = (typeof ALLOW)[keyof typeof ALLOW];

interface UndoStep {
  /** Where the change happened. */
  start: number;
  length: number;
  type: number;
  /** What was deleted (for DEL steps). */
  text: string;
}

/** Typing is gathered into one undo step of at most this many characters. */
export const UNDO_QUEUE_MAX = 256;

export class TextBuffer {
  text = '\n';
  /** Changes since the last write (see above); 0 means "unmodified". */
  modified = 0;
  private steps: UndoStep[] = [];
  private queueState: 'empty' | 'ins' | 'del' = 'empty';
  private queueStart = 0;
  private queued = 0;
  /** Characters deleted by backspacing, newest first. */
  private queueDeleted = '';
  /** Set by undo(): the message busybox shows, and where the cursor goes. */
  lastUndo: { message: string; dot: number | null } | null = null;

  get end(): number {
    return this.text.length;
  }

  /** The character at p ("\0" past the end, as C's string terminator). */
  at(p: number): string {
    return this.text[p] ?? '\0';
  }

  // ---- lines --------------------------------------------------------------

  /** Start of the line holding p. */
  beginLine(p: number): number {
    if (p > 0) {
      const nl = this.text.lastIndexOf('\n', p - 1);
      return nl < 0 ? 0 : nl + 1;
    }
    return p;
  }

  /** The newline ending the line holding p (or the last character). */
  endLine(p: number): number {
    const end = this.end;
    if (p < end - 1) {
      const nl = this.text.indexOf('\n', p);
      return nl < 0 || nl >= end - 1 ? end - 1 : nl;
    }
    return p;
  }

  /** The last character before the newline (or the newline of an empty line). */
  dollarLine(p: number): number {
    p = this.endLine(p);
    if (this.at(p) === '\n' && p - this.beginLine(p) > 0) p--;
    return p;
  }

  prevLine(p: number): number {
    p = this.beginLine(p);
    if (p > 0 && this.text[p - 1] === '\n') p--;
    return this.beginLine(p);
  }

  nextLine(p: number): number {
    p = this.endLine(p);
    if (p < this.end - 1 && this.text[p] === '\n') p++;
    return p;
  }

  /** Lines from the one holding start to the one holding stop, both included. */
  countLines(start: number, stop: number): number {
    if (stop < start) [start, stop] = [stop, start];
    let count = 0;
    stop = this.endLine(stop);
    const end = this.end;
    while (start <= stop && start <= end - 1) {
      start = this.endLine(start);
      if (this.text[start] === '\n') count++;
      start++;
    }
    return count;
  }

  /** Start of line number `n` (1-based; past the end, the last line). */
  findLine(n: number): number {
    let p = 0;
    for (; n > 1; n--) {
      const q = this.nextLine(p);
      if (q === p) break;
      p = q;
    }
    return p;
  }

  /** Line number of p (1-based). */
  lineOf(p: number): number {
    return this.countLines(0, p);
  }

  /** How many lines the text has. */
  lineCount(): number {
    return this.countLines(0, this.end - 1);
  }

  // ---- changing -------------------------------------------------------------

  /** Inserts `s` at p (p past the end means at the end). Returns where it went. */
  insert(p: number, s: string, allow: Allow): number {
    if (s.length === 0) return p;
    p = Math.max(0, Math.min(p, this.end));
    this.pushInsert(p, s.length, allow);
    this.text = this.text.slice(0, p) + s + this.text.slice(p);
    return p;
  }

  /**
   * Deletes p..q, both included (either order). Returns where the deleted
   * text began, kept inside the text (busybox's text_hole_delete).
   */
  remove(p: number, q: number, allow: Allow): number {
    let src = q + 1;
    let dest = p;
    if (q < p) {
      src = p + 1;
      dest = q;
    }
    const size = Math.abs(q - p) + 1;
    switch (allow) {
      case ALLOW.UNDO:
        this.push(p, size, UNDO.DEL);
        break;
      case ALLOW.CHAIN:
        this.push(p, size, UNDO.DEL_CHAIN);
        break;
      case ALLOW.QUEUED:
        this.pushQueuedDelete(p, size);
        break;
    }
    this.modified--;
    const end = this.end;
    if (src < 0 || src > end || dest < 0 || dest >= end) return dest;
    this.modified++;
    this.text = this.text.slice(0, dest) + this.text.slice(src);
    const newEnd = this.text.length;
    if (dest >= newEnd) dest = newEnd - 1;
    if (newEnd <= 0) dest = 0;
    return dest;
  }

  /** Replaces the whole text, forgetting undo (a file was read). */
  reset(text: string): void {
    this.text = text;
    this.steps = [];
    this.redoGroups = [];
    this.queueState = 'empty';
    this.queued = 0;
    this.queueDeleted = '';
    this.modified = 0;
  }

  // ---- undo -------------------------------------------------------------------

  private pushInsert(p: number, length: number, allow: Allow): void {
    if (allow === ALLOW.UNDO) this.push(p, length, UNDO.INS);
    else if (allow === ALLOW.CHAIN) this.push(p, length, UNDO.INS_CHAIN);
    else if (allow === ALLOW.QUEUED) this.pushQueuedInsert(p, length);
  }

  private pushQueuedInsert(p: number, length: number): void {
    if (length < 1) return;
    if (this.queueState === 'del') this.commit();
    if (this.queueState === 'empty') {
      this.queueState = 'ins';
      this.queueStart = p;
    }
    this.queued += length;
    if (this.queued >= UNDO_QUEUE_MAX) this.commit();
  }

  private pushQueuedDelete(p: number, length: number): void {
    if (length !== 1) return;
    if (this.queueState === 'ins') this.commit();
    this.queueState = 'del';
    this.queueStart = p;
    this.queued++;
    this.queueDeleted = this.at(p) + this.queueDeleted;
    if (this.queued >= UNDO_QUEUE_MAX) this.commit();
  }

  /** Turns gathered typing into one undo step (busybox's undo_queue_commit). */
  commit(): void {
    if (this.queued > 0) {
      this.redoGroups = [];
      if (this.queueState === 'del') this.steps.push({ start: this.queueStart, length: this.queued, type: UNDO.DEL, text: this.queueDeleted });
      else this.steps.push({ start: this.queueStart, length: this.queued, type: UNDO.INS, text: '' });
      this.modified++;
    }
    this.queueState = 'empty';
    this.queued = 0;
    this.queueDeleted = '';
  }

  private push(p: number, length: number, type: number): void {
    this.redoGroups = [];
    if (type === UNDO.DEL || type === UNDO.DEL_CHAIN) {
      // Deleting everything: the newline that then comes back is not part of the step.
      if (length === this.end) length--;
      this.steps.push({ start: p, length, type, text: this.text.slice(p, p + length) });
    } else this.steps.push({ start: p, length, type, text: '' });
    this.modified++;
  }

  /** Steps undone, newest group last, for redo (vim's ^R). A new change forgets them. */
  private redoGroups: UndoStep[][] = [];
  private undoing: UndoStep[] | null = null;

  /** Reverses the last step (and the chain it ends). Sets lastUndo. */
  undo(): void {
    this.commit();
    const outer = this.undoing === null;
    if (outer) this.undoing = [];
    try {
      this.undoOne();
    } finally {
      if (outer) {
        if (this.undoing!.length) this.redoGroups.push(this.undoing!);
        this.undoing = null;
      }
    }
  }

  /** Does again what the last undo reversed. Returns where the change was, or null when there is nothing to redo. */
  redo(): number | null {
    const group = this.redoGroups.pop();
    if (!group) return null;
    let at = 0;
    for (let i = group.length - 1; i >= 0; i--) {
      const step = group[i]!;
      if (step.type === UNDO.INS || step.type === UNDO.INS_CHAIN) {
        this.text = this.text.slice(0, step.start) + step.text + this.text.slice(step.start);
        this.steps.push({ ...step, text: '' });
      } else {
        this.text = this.text.slice(0, step.start) + this.text.slice(step.start + step.length);
        this.steps.push(step);
      }
      this.modified++;
      at = step.start;
    }
    if (this.text.length === 0) this.text = '\n';
    return Math.min(at, this.text.length - 1);
  }

  /** How many changes can be redone. */
  get redoDepth(): number {
    return this.redoGroups.length;
  }

  private undoOne(): void {
    const step = this.steps.pop();
    if (!step) {
      this.lastUndo = { message: 'Already at oldest change', dot: null };
      return;
    }
    let dot: number | null = null;
    let message: string;
    if (step.type === UNDO.DEL || step.type === UNDO.DEL_CHAIN) {
      this.text = this.text.slice(0, step.start) + step.text + this.text.slice(step.start);
      message = `Undo [${this.modified}] restored ${step.length} chars at position ${step.start}`;
    } else {
      this.undoing?.push({ ...step, text: this.text.slice(step.start, step.start + step.length) });
      this.remove(step.start, step.start + step.length - 1, ALLOW.NO);
      message = `Undo [${this.modified}] deleted ${step.length} chars at position ${step.start}`;
    }
    if (step.type === UNDO.DEL || step.type === UNDO.DEL_CHAIN) this.undoing?.push(step);
    if (step.type === UNDO.DEL || step.type === UNDO.INS) dot = step.start;
    this.modified--;
    this.lastUndo = { message, dot };
    if (step.type === UNDO.DEL_CHAIN || step.type === UNDO.INS_CHAIN) {
      const inner = this.lastUndo;
      this.undoOne();
      if (this.lastUndo?.message === 'Already at oldest change') this.lastUndo = inner;
    }
  }

  /** How many undo steps there are (for vim's "before #N"). */
  get undoDepth(): number {
    return this.steps.length + (this.queued > 0 ? 1 : 0);
  }

  /** Whether typing is being gathered. */
  get queueing(): boolean {
    return this.queued > 0;
  }
}
