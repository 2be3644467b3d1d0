/**
 * Sockets as the network programs use them: addresses in the forms libc
 * accepts (inet_aton's "127.1" and "0x7f.0.0.1"), whole writes, and a
 * buffered reader for line protocols such as HTTP, where a program reads
 * a status line and headers and then hands the rest of the buffer to the
 * body. (sys.write already writes everything it is given.)
 *
 *     const r = new SocketReader(sys, fd);
 *     const status = await r.readLine();      // "HTTP/1.1 200 OK" (no CR/LF)
 *     const chunk = await r.read(8192);        // what is buffered first, then the socket
 */
import { concatBytes, fromUtf8 } from '../../common/bytes.ts';
import { FsError, type Errno } from '../../fs/errno.ts';
import type { SockAddr, Sys } from '../../kernel/sys.ts';
import { isProcessControl } from './errors.ts';

export const inet = (address: string, port: number): SockAddr => ({ family: 'inet', address, port });

/**
 * musl's inet_aton: one to four parts, each decimal, octal (0…) or hex
 * (0x…); the last part fills the remaining bytes. The dotted quad, or
 * undefined when the text is not an address.
 */
export function inetAton(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((p) => p === '')) return undefined;
  const values: number[] = [];
  for (const p of parts) {
    let v: number;
    if (/^0[xX][0-9a-fA-F]+$/.test(p)) v = parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) v = parseInt(p, 8);
    else if (/^[1-9]\d*$/.test(p)) v = parseInt(p, 10);
    else return undefined;
    values.push(v);
  }
  const last = values.length - 1;
  let n = 0;
  for (let i = 0; i < last; i++) {
    if (values[i]! > 255) return undefined;
    n = n * 256 + values[i]!;
  }
  const restBytes = 4 - last;
  if (values[last]! >= 2 ** (8 * restBytes)) return undefined;
  n = n * 2 ** (8 * restBytes) + values[last]!;
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The errno code of a failed system call ('ECONNREFUSED'…); rethrows process control and anything else. */
export function errnoOf(err: unknown): Errno {
  if (isProcessControl(err)) throw err;
  if (err instanceof FsError) return err.code;
  throw err;
}

/** A read buffer in front of a socket (or any descriptor). */
export class SocketReader {
  private buf: Uint8Array = new Uint8Array(0);
  private eof = false;
  /** When set, a read that waits longer than this fails with ETIMEDOUT (wget -T, curl -m). */
  timeoutMs: number | undefined;

  constructor(
    private readonly sys: Sys,
    readonly fd: number,
  ) {}

  /** Bytes read from the socket but not yet taken. */
  get buffered(): number {
    return this.buf.length;
  }

  /** Whether the peer has closed and nothing is left. */
  get ended(): boolean {
    return this.eof && this.buf.length === 0;
  }

  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    if (this.timeoutMs !== undefined && (await this.sys.poll([{ fd: this.fd, in: true }], this.timeoutMs)).length === 0) {
      throw new FsError('ETIMEDOUT', 'read');
    }
    const d = await this.sys.read(this.fd, 16384);
    if (d.length === 0) {
      this.eof = true;
      return false;
    }
    this.buf = this.buf.length ? concatBytes([this.buf, d]) : d;
    return true;
  }

  /**
   * The next line without its "\n" (and "\r"), as text; `newline` tells
   * whether it ended with one. Null at end-of-file with nothing read.
   */
  async readLine(max = 65536): Promise<{ text: string; newline: boolean } | null> {
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl >= 0 || this.buf.length >= max) {
        const end = nl >= 0 ? nl : max;
        const line = this.buf.subarray(0, end);
        this.buf = this.buf.subarray(nl >= 0 ? nl + 1 : end);
        return { text: fromUtf8(line).replace(/\r$/, ''), newline: nl >= 0 };
      }
      if (!(await this.fill())) {
        if (this.buf.length === 0) return null;
        const text = fromUtf8(this.buf);
        this.buf = new Uint8Array(0);
        return { text: text.replace(/\r$/, ''), newline: false };
      }
    }
  }

  /** Up to `max` bytes: what is buffered, else one read of the socket. Empty at end-of-file. */
  async read(max = 16384): Promise<Uint8Array> {
    if (this.buf.length === 0 && !(await this.fill())) return new Uint8Array(0);
    const n = Math.min(max, this.buf.length);
    const out = this.buf.slice(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  /** Waits until data is buffered or the socket is readable, for at most `ms` (undefined: forever). */
  async waitReadable(ms?: number): Promise<boolean> {
    if (this.buf.length > 0 || this.eof) return true;
    const ready = await this.sys.poll([{ fd: this.fd, in: true }], ms);
    return ready.length > 0;
  }
}

/** Reads `path` as text; undefined when it cannot be read. */
export async function readText(sys: Sys, path: string): Promise<string | undefined> {
  let fd: number;
  try {
    fd = sys.open(path, 'r');
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return undefined;
  }
  try {
    const parts: Uint8Array[] = [];
    for (;;) {
      const d = await sys.read(fd);
      if (d.length === 0) break;
      parts.push(d);
    }
    return fromUtf8(concatBytes(parts));
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return undefined;
  } finally {
    sys.close(fd);
  }
}
