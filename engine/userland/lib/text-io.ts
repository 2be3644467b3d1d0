/**
 * Byte-exact text handling for the text applets (grep, sed, sort…).
 *
 * C programs see bytes, not characters, so these applets work on "byte
 * strings": JavaScript strings whose every code unit is one byte (0–255).
 * Invalid UTF-8 and NUL bytes pass through unchanged, and a byte offset is
 * a string index. Arguments arrive as ordinary (UTF-16) strings and are
 * turned into byte strings with `bytesOf`.
 *
 *     const r = new LineReader(sys, fd);
 *     for (let l; (l = await r.next()) !== null; ) await put(out, l.line + '\n');
 */
import { utf8 } from '../../common/bytes.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import { AppletError, type AppletContext } from './applet.ts';
import type { Parsed } from './getopt.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import type { Output } from './io.ts';

/** The bytes of a byte string. */
export function toBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** A byte string holding these bytes. */
export function fromBytes(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

/** The UTF-8 encoding of an argument, as a byte string (what a C program's argv holds). */
export function bytesOf(arg: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(arg) ? arg : fromBytes(utf8(arg));
}

/** Writes a byte string. */
export function put(out: Output, s: string): Promise<void> {
  return out.write(toBytes(s));
}

/** stdio's getline: lines split at `delim` (newline by default); a read error ends the input and is kept in `error`. */
export class LineReader {
  private buf = '';
  private at = 0;
  private eof = false;
  /** The read error that ended input early (ferror), if any. */
  error: FsError | undefined;

  constructor(
    private readonly sys: Sys,
    readonly fd: number,
    private readonly delim = '\n',
  ) {}

  /** The next line without its delimiter, or null at end of input. */
  async next(): Promise<{ line: string; terminated: boolean } | null> {
    for (;;) {
      const i = this.buf.indexOf(this.delim, this.at);
      if (i >= 0) {
        const line = this.buf.slice(this.at, i);
        this.at = i + 1;
        return { line, terminated: true };
      }
      if (this.eof) {
        if (this.at >= this.buf.length) return null;
        const line = this.buf.slice(this.at);
        this.buf = '';
        this.at = 0;
        return { line, terminated: false };
      }
      await this.fill();
    }
  }

  /** Up to `max` bytes (at least one), or null at end of input. */
  async take(max: number): Promise<string | null> {
    while (this.at >= this.buf.length) if (!(await this.fill())) return null;
    const s = this.buf.slice(this.at, this.at + max);
    this.at += s.length;
    return s;
  }

  /** The rest of the input as one byte string. */
  async rest(): Promise<string> {
    while (!this.eof) await this.fill();
    const s = this.buf.slice(this.at);
    this.buf = '';
    this.at = 0;
    this.account();
    return s;
  }

  /** Reads one more chunk; false at end of input. */
  async fill(): Promise<boolean> {
    if (this.eof) return false;
    let chunk: Uint8Array;
    try {
      chunk = await this.sys.read(this.fd, 65536);
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      this.error = e;
      this.eof = true;
      return false;
    }
    if (chunk.length === 0) {
      this.eof = true;
      return false;
    }
    this.buf = (this.at > 0 ? this.buf.slice(this.at) : this.buf) + fromBytes(chunk);
    this.at = 0;
    this.account();
    return true;
  }

  /**
   * What the buffer holds beyond a line or two is charged to the process,
   * so an endless line (grep x /dev/zero) meets the memory limit as it
   * would on Linux.
   */
  private charged = 0;
  private account(): void {
    const held = this.buf.length - this.at;
    if (held > this.charged + 65536 || held < this.charged - 65536) {
      this.sys.memory(held - this.charged);
      this.charged = held;
    }
  }
}

const stdinReaders = new WeakMap<Sys, LineReader>();

/**
 * A reader for fd, shared for standard input: like C's one `stdin` FILE, a
 * second "-" operand goes on where the first stopped reading.
 */
export function readerFor(sys: Sys, fd: number): LineReader {
  if (fd !== 0) return new LineReader(sys, fd);
  let r = stdinReaders.get(sys);
  if (!r) {
    r = new LineReader(sys, 0);
    stdinReaders.set(sys, r);
  }
  return r;
}

/** Reads a whole descriptor as a byte string; a read error ends it (and is returned). */
export async function readAllBytes(sys: Sys, fd: number): Promise<{ data: string; error?: FsError }> {
  const r = new LineReader(sys, fd);
  const data = await r.rest();
  return r.error ? { data, error: r.error } : { data };
}

/** C's isspace in the C locale. */
export const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isAlpha = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
export const isAlnum = (c: number): boolean => isDigit(c) || isAlpha(c);
/** busybox's isprint_asciionly: 0x20..0x7e. */
export const isPrintAscii = (c: number): boolean => c >= 0x20 && c <= 0x7e;

/** busybox's bb_process_escape_sequence: decodes the escape after a backslash at s[i]; returns the byte and where it ended. */
export function processEscape(s: string, i: number): { byte: number; next: number } {
  let q = i;
  let n = 0;
  let digits = 0;
  let base = 8;
  if (s[q] === 'x') {
    q++;
    base = 16;
    digits++;
  }
  do {
    const ch = q < s.length ? s.charCodeAt(q) : 0;
    let d = ch - 48;
    if (d < 0 || d >= 10) {
      d = (ch | 0x20) - 97;
      if (d >= 0) d += 10;
      else d = 999;
    }
    if (d >= base) {
      if (base === 16) {
        digits--;
        if (digits === 0) return { byte: 92, next: i };
      }
      break;
    }
    const r = n * base + d;
    if (r > 255) break;
    n = r;
    q++;
  } while (++digits < 3);
  if (digits === 0) {
    const map: Record<string, number> = { a: 7, b: 8, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
    const c = s[q];
    if (c !== undefined && map[c] !== undefined) {
      n = map[c]!;
      q++;
    } else n = 92;
  }
  return { byte: n, next: q };
}

/** Opens a file operand as fopen would ("-" is standard input). Throws FsError. */
export function openRead(sys: Sys, path: string): number {
  if (path === '-') return 0;
  return sys.open(path, 'r');
}

/** Closes an fd unless it is standard input. */
export function closeInput(sys: Sys, fd: number): void {
  if (fd !== 0) {
    try {
      sys.close(fd);
    } catch (e) {
      if (isProcessControl(e)) throw e;
    }
  }
}

/** fopen_or_warn_stdin: the fd, or null after "applet: path: error" on stderr. */
export async function openOrWarn(sys: Sys, err: Output, applet: string, path: string): Promise<number | null> {
  try {
    return openRead(sys, path);
  } catch (e) {
    if (isProcessControl(e) || !(e instanceof FsError)) throw e;
    await err.write(`${applet}: ${path}: ${strerror(e.code)}\n`);
    return null;
  }
}

/** xfopen_stdin: the fd, or an AppletError "can't open 'path': error" (exit `code`). */
export function openOrDie(sys: Sys, path: string, code = 1): number {
  try {
    return openRead(sys, path);
  } catch (e) {
    if (isProcessControl(e) || !(e instanceof FsError)) throw e;
    throw new AppletError(`can't open '${path}': ${strerror(e.code)}`, code);
  }
}

/** busybox's xatoul_sfx-style number with optional suffixes; null when invalid. */
export function parseSuffixed(s: string, suffixes: Record<string, number>, max = Number.MAX_SAFE_INTEGER): number | null {
  const m = /^([0-9]+)([a-zA-Z]*)$/.exec(s);
  if (!m) return null;
  let v = Number(m[1]);
  if (m[2]) {
    const mult = suffixes[m[2]];
    if (mult === undefined) return null;
    v *= mult;
  }
  return v > max ? null : v;
}

/** busybox's bkm_suffixes (head, tail). */
export const BKM: Record<string, number> = { b: 512, k: 1024, m: 1024 * 1024 };

/** ctx.options, but a usage error exits with `code` (busybox applets whose errors exit 2: grep, sort). */
export function optionsOr(ctx: AppletContext, spec: string, code: number, long?: Record<string, string>): Promise<Parsed> {
  return ctx.options(spec, long, code);
}

/**
 * Whether characters are UTF-8, as in musl's default C.UTF-8 locale, or
 * single bytes, as in its C locale (LC_ALL, LC_CTYPE or LANG set to "C" or
 * "POSIX", the first of them that is set deciding).
 */
export function utf8Locale(getenv: (name: string) => string | undefined): boolean {
  const v = getenv('LC_ALL') || getenv('LC_CTYPE') || getenv('LANG') || 'C.UTF-8';
  return !(v === 'C' || v === 'POSIX');
}
