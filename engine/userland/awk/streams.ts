/**
 * awk's files: the records it reads (main input, `getline < file`,
 * `cmd | getline`) and the places it prints to (stdout, `> file`,
 * `>> file`, `| cmd`). Commands run as `/bin/sh -c cmd`, as popen does.
 *
 * busybox flushes after every print; we buffer, but flush before anything
 * that could let someone else see the order — blocking on input, starting a
 * command, closing a pipe — and after every print to a terminal, so what a
 * learner sees is the same.
 */
import { FsError } from '../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { fromBytes, toBytes } from './bytes.ts';
import type { Regex } from './regex.ts';

/** How records end: one byte, blank lines (RS=""), or a regex. */
export type RecordSep = { kind: 'char'; ch: string } | { kind: 'paragraph' } | { kind: 'regex'; re: Regex };

export interface InputRecord {
  text: string;
  /** What ended it (RT). */
  terminator: string;
}

const CHUNK = 65536;

/** Reads records from a descriptor, as busybox's awk_getline. */
export class RecordReader {
  private data = '';
  private start = 0;
  private eof = false;
  /** How far the buffer was searched for a one-byte separator, to avoid rescanning. */
  private searched = 0;
  /** Where the next NUL byte is in `data` (-1: none). */
  private nul = -1;

  constructor(
    private readonly sys: Sys,
    readonly fd: number,
    /** Called before a read that may block (to flush output first). */
    private readonly beforeRead: () => Promise<void>,
    /** Memory accounting for the buffer. */
    private readonly charge: (bytes: number) => void,
  ) {}

  /** The next record, or null at end of file. Read errors throw FsError. */
  async next(sep: RecordSep): Promise<InputRecord | null> {
    let r = this.buffered(sep);
    while (r === undefined) {
      await this.fill();
      r = this.buffered(sep);
    }
    return r;
  }

  /** The next record if the buffer holds it (or null at end of file); undefined if more must be read. */
  buffered(sep: RecordSep): InputRecord | null | undefined {
    const data = this.data;
    if (sep.kind === 'char') {
      const from = this.searched > this.start ? this.searched : this.start;
      let at = data.indexOf(sep.ch, from);
      // A NUL byte ends a record too: busybox's buffer is a C string.
      if (this.nul >= 0 && this.nul < this.start) this.nul = data.indexOf('\0', this.start);
      if (this.nul >= 0 && (at < 0 || this.nul < at)) at = this.nul;
      if (at >= 0) return this.take(at, at + 1);
      this.searched = data.length;
      if (this.eof) return this.rest(this.start);
    } else if (sep.kind === 'paragraph') {
      let rp = this.start;
      while (data[rp] === '\n') rp++;
      const at = data.indexOf('\n\n', rp);
      if (at >= 0) {
        let end = at;
        while (data[end] === '\n') end++;
        // A run of newlines reaching the end of the buffer may go on.
        if (end < data.length || this.eof) return this.take(at, end, rp);
      } else if (this.eof) return this.rest(rp);
    } else {
      const m = sep.re.exec(data, this.start);
      if (m && m.end > m.start) {
        if (m.end < data.length || this.eof) return this.take(m.start, m.end);
      } else if (this.eof) return this.rest(this.start);
    }
    return undefined;
  }

  private take(end: number, next: number, begin = this.start): InputRecord {
    const text = this.data.slice(begin, end);
    const terminator = this.data.slice(end, next);
    this.start = next;
    return { text, terminator };
  }

  /** At end of file: what is left, if anything. */
  private rest(begin: number): InputRecord | null {
    if (this.start >= this.data.length) return null;
    const text = this.data.slice(begin);
    this.start = this.data.length;
    return { text, terminator: '' };
  }

  private async fill(): Promise<void> {
    await this.beforeRead();
    const chunk = await this.sys.read(this.fd, CHUNK);
    if (chunk.length === 0) {
      this.eof = true;
      return;
    }
    const kept = this.data.length - this.start;
    this.charge(kept + chunk.length - this.data.length);
    this.data = this.data.slice(this.start) + fromBytes(chunk);
    this.searched -= this.start;
    this.nul = this.data.indexOf('\0');
    this.start = 0;
  }

  /** Forgets the buffer (its memory). */
  release(): void {
    this.charge(-this.data.length);
    this.data = '';
    this.start = 0;
    this.searched = 0;
  }
}

/** Where print writes: buffered, flushed at 4 KiB, on every print to a terminal, and on demand. */
export class OutputStream {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly sys: Sys,
    readonly fd: number,
    private readonly immediate: boolean,
  ) {}

  async write(s: string): Promise<void> {
    this.buffer(s);
    if (this.due) await this.flush();
  }

  /** Adds to the buffer without writing; the caller flushes when `due`. */
  buffer(s: string): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.size += s.length;
  }

  /** Whether the buffer should be written now. */
  get due(): boolean {
    return this.size > 0 && (this.immediate || this.size >= 4096);
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const data = toBytes(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''));
    this.parts = [];
    this.size = 0;
    try {
      await this.sys.write(this.fd, data);
    } catch (e) {
      // As with stdio, write errors are not reported; a broken pipe's SIGPIPE still ends us.
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      await this.sys.checkpoint();
    }
  }
}

/**
 * An open name in awk's table of files: one of the standard streams, a
 * file, or a command. It reads or writes, depending on how it was opened.
 */
export interface Stream {
  name: string;
  reader?: RecordReader;
  writer?: OutputStream;
  /** The command's process, for a pipe. */
  pid?: number;
  /** A descriptor we opened (and must close). */
  fd?: number;
}

/** A wait status as C's wait() encodes it: exit code << 8, or the signal. */
export function waitStatus(s: Awaited<ReturnType<Sys['waitpid']>>): number {
  if (!s) return 0;
  if (s.kind === 'exited') return (s.code & 255) << 8;
  if (s.kind === 'signaled') return s.signal | (s.core ? 0x80 : 0);
  return 0;
}

/** Starts `/bin/sh -c command` with its stdin or stdout on a pipe (popen). */
export async function popen(sys: Sys, command: string, mode: 'r' | 'w'): Promise<{ pid: number; fd: number }> {
  const [r, w] = sys.pipe();
  const ours = mode === 'r' ? r : w;
  const theirs = mode === 'r' ? w : r;
  sys.setCloexec(ours, true);
  try {
    const pid = await sys.spawn('/bin/sh', {
      argv: ['sh', '-c', command],
      env: [...sys.env],
      fds: mode === 'r' ? { 0: 0, 1: theirs, 2: 2 } : { 0: theirs, 1: 1, 2: 2 },
    });
    return { pid, fd: ours };
  } catch (e) {
    sys.close(ours);
    throw e;
  } finally {
    sys.close(theirs);
  }
}
