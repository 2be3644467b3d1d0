/**
 * The HTTP/1.1 client underneath wget and curl: open a connection, send a
 * request, read the status line and headers, then the body as the
 * response frames it (Content-Length, chunked, or until the server
 * closes).
 *
 *     const conn = await openHttp(sys, '93.184.215.14', 80);   // throws FsError (ECONNREFUSED…)
 *     await sys.write(conn.fd, 'GET / HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n');
 *     const head = await readHead(conn.reader);                // status 200, headers
 *     for await (const chunk of readBody(conn.reader, framing(head, 'GET'))) …
 *
 * HTTPS: the emulator does no TLS. The simulated internet serves plain
 * HTTP on port 443 too, so both programs speak plain HTTP to port 443 and
 * otherwise behave as if the TLS handshake had succeeded.
 */
import { concatBytes, fromUtf8, utf8 } from '../../common/bytes.ts';
import type { Sys } from '../../kernel/sys.ts';
import { inet, SocketReader } from './net-socket.ts';

export interface HttpConnection {
  fd: number;
  reader: SocketReader;
}

/** A TCP connection to address:port. Throws the connect(2) error. */
export async function openHttp(sys: Sys, address: string, port: number): Promise<HttpConnection> {
  const fd = sys.socket('inet', 'stream');
  try {
    await sys.connect(fd, inet(address, port));
  } catch (err) {
    sys.close(fd);
    throw err;
  }
  return { fd, reader: new SocketReader(sys, fd) };
}

export interface HttpHead {
  /** "HTTP/1.1 200 OK" as received (without CR/LF). */
  statusLine: string;
  /** "HTTP/1.1" */
  version: string;
  status: number;
  /** Header lines as received, in order. */
  lines: string[];
  /** Name (lowercased) and value of each header. */
  headers: [string, string][];
}

export class HttpError extends Error {
  constructor(readonly kind: 'premature' | 'bad-chunk' | 'bad-head' | 'empty', message: string) {
    super(message);
  }
}

/** The first value of a header (name in lowercase). */
export function header(head: HttpHead, name: string): string | undefined {
  return head.headers.find(([n]) => n === name)?.[1];
}

/**
 * Reads the status line and the headers up to the empty line. Null when
 * the server closed without answering.
 */
export async function readHead(reader: SocketReader): Promise<HttpHead | null> {
  const first = await reader.readLine();
  if (first === null) return null;
  const statusLine = first.text;
  const m = /^(\S+)\s+(\d{3})/.exec(statusLine);
  const lines: string[] = [];
  const headers: [string, string][] = [];
  for (;;) {
    const l = await reader.readLine();
    if (l === null || l.text === '') break;
    lines.push(l.text);
    const colon = l.text.indexOf(':');
    if (colon > 0) headers.push([l.text.slice(0, colon).trim().toLowerCase(), l.text.slice(colon + 1).trim()]);
  }
  return { statusLine, version: m?.[1] ?? '', status: m ? Number(m[2]) : 0, lines, headers };
}

export type Framing = { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'close' } | { kind: 'none' };

/** How the body of a response is delimited (RFC 9112 §6.3). */
export function framing(head: HttpHead, method: string): Framing {
  if (method === 'HEAD' || head.status === 204 || head.status === 304 || (head.status >= 100 && head.status < 200)) return { kind: 'none' };
  if (/chunked/i.test(header(head, 'transfer-encoding') ?? '')) return { kind: 'chunked' };
  const length = header(head, 'content-length');
  if (length !== undefined && /^\d+$/.test(length)) return { kind: 'length', length: Number(length) };
  return { kind: 'close' };
}

/** The body's bytes as they arrive. Throws HttpError when the server stops short. */
export async function* readBody(reader: SocketReader, how: Framing, bufSize = 16384): AsyncIterable<Uint8Array> {
  if (how.kind === 'none') return;
  if (how.kind === 'close') {
    for (;;) {
      const d = await reader.read(bufSize);
      if (d.length === 0) return;
      yield d;
    }
  }
  if (how.kind === 'length') {
    let left = how.length;
    while (left > 0) {
      const d = await reader.read(Math.min(left, bufSize));
      if (d.length === 0) throw new HttpError('premature', 'connection closed prematurely');
      left -= d.length;
      yield d;
    }
    return;
  }
  for (;;) {
    const sizeLine = await reader.readLine();
    if (sizeLine === null) throw new HttpError('premature', 'connection closed prematurely');
    const size = parseInt(sizeLine.text.split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) throw new HttpError('bad-chunk', `bad chunk length '${sizeLine.text}'`);
    if (size === 0) {
      // trailers, up to the empty line
      for (;;) {
        const t = await reader.readLine();
        if (t === null || t.text === '') return;
      }
    }
    let left = size;
    while (left > 0) {
      const d = await reader.read(Math.min(left, bufSize));
      if (d.length === 0) throw new HttpError('premature', 'connection closed prematurely');
      left -= d.length;
      yield d;
    }
    await reader.readLine(); // the CRLF after the chunk
  }
}

/** Reads a whole body into memory. */
export async function readWholeBody(reader: SocketReader, how: Framing): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const d of readBody(reader, how)) parts.push(d);
  return concatBytes(parts);
}

/** Base64 of a string's UTF-8 bytes (Basic authentication). */
export function base64(text: string): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const b = utf8(text);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += abc[n >> 18]! + abc[(n >> 12) & 63]! + (i + 1 < b.length ? abc[(n >> 6) & 63]! : '=') + (i + 2 < b.length ? abc[n & 63]! : '=');
  }
  return out;
}

/** %XX decoding, as libbb's percent_decode_in_place (not strict). */
export function percentDecode(text: string): string {
  const bytes: number[] = [];
  const src = utf8(text);
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === 0x25 && i + 2 < src.length && /^[0-9a-fA-F]{2}$/.test(String.fromCharCode(src[i + 1]!, src[i + 2]!))) {
      bytes.push(parseInt(String.fromCharCode(src[i + 1]!, src[i + 2]!), 16));
      i += 2;
    } else bytes.push(c);
  }
  return fromUtf8(new Uint8Array(bytes));
}
