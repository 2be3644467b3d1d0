/**
 * An HTTP/1.1 GET that the emulator itself makes from a network namespace
 * (the host's, unless told otherwise): the request `curl http://127.0.0.1:8080/`
 * typed on the host would send, through the same routing, NAT and published
 * ports, but without a process. The site's preview pane shows what a
 * published port serves with it.
 *
 *     const r = await httpGet(kernel, { port: 8080 });   // FsError ECONNREFUSED when nothing listens
 *     r.status                                            // 200
 *     fromUtf8(r.body)                                    // "<!DOCTYPE html>…<h1>Welcome to nginx!</h1>…"
 *
 * A server that accepts and closes without answering (a published port
 * whose container is not listening yet) gives an HttpReplyError 'empty', as
 * curl's "Empty reply from server".
 */
import { concatBytes, fromUtf8, utf8 } from '../common/bytes.ts';
import { FsError } from '../fs/errno.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { KernelStream, type NetNamespace } from '../kernel/net.ts';

export interface HttpReply {
  status: number;
  /** "OK", "Not Found", as the status line says it. */
  statusText: string;
  /** Header names lowercased, in the order received. */
  headers: [string, string][];
  /** The body, de-chunked. */
  body: Uint8Array;
}

export class HttpReplyError extends Error {
  override readonly name = 'HttpReplyError';
  constructor(
    readonly kind: 'empty' | 'premature' | 'bad-head' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

export interface HttpTarget {
  /** Default 127.0.0.1. */
  address?: string;
  port: number;
  /** Default "/". */
  path?: string;
  /** The Host header; default "localhost:PORT". */
  host?: string;
}

/**
 * Makes one GET and reads the whole answer: at most `maxBytes` (default 4 MiB),
 * within `timeoutMs` (default 5 s; then FsError ETIMEDOUT, as curl -m).
 */
export async function httpGet(kernel: Kernel, target: HttpTarget, options: { ns?: NetNamespace; maxBytes?: number; timeoutMs?: number } = {}): Promise<HttpReply> {
  const net = kernel.net;
  const sock = net.socket(options.ns ?? kernel.rootNet, 'stream');
  try {
    net.connect(sock, { family: 'inet', address: target.address ?? '127.0.0.1', port: target.port });
  } catch (err) {
    net.close(sock);
    throw err;
  }
  const stream = new KernelStream(sock);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FsError('ETIMEDOUT', 'read')), options.timeoutMs ?? 5000);
  });
  try {
    return await Promise.race([exchange(stream, target, options.maxBytes ?? 4 * 1024 * 1024), timeout]);
  } finally {
    clearTimeout(timer);
    stream.close();
  }
}

async function exchange(stream: KernelStream, target: HttpTarget, max: number): Promise<HttpReply> {
  const host = target.host ?? `localhost:${target.port}`;
  await stream.write(utf8(`GET ${target.path ?? '/'} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: Berth\r\nAccept: */*\r\nConnection: close\r\n\r\n`));
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const d = await stream.read();
    if (d.length === 0) break;
    chunks.push(d);
    size += d.length;
    if (size > max) throw new HttpReplyError('too-large', `response larger than ${max} bytes`);
    // A server may keep the connection open after a framed answer.
    const done = parseResponse(concatBytes(chunks), false);
    if (done) return done;
  }
  if (size === 0) throw new HttpReplyError('empty', 'Empty reply from server');
  return parseResponse(concatBytes(chunks), true)!;
}

const CRLFCRLF = [13, 10, 13, 10];

function indexOf(buf: Uint8Array, seq: number[], from = 0): number {
  outer: for (let i = from; i + seq.length <= buf.length; i++) {
    for (let j = 0; j < seq.length; j++) if (buf[i + j] !== seq[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The response in `buf` when it is complete; undefined when more is to come.
 * At end-of-file (`eof`) a close-delimited body ends there, and a short one throws.
 */
export function parseResponse(buf: Uint8Array, eof: boolean): HttpReply | undefined {
  const end = indexOf(buf, CRLFCRLF);
  if (end < 0) {
    if (eof) throw new HttpReplyError('bad-head', 'incomplete response head');
    return undefined;
  }
  const [statusLine = '', ...lines] = fromUtf8(buf.subarray(0, end)).split('\r\n');
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\s*(.*)$/.exec(statusLine);
  if (!m) throw new HttpReplyError('bad-head', `bad status line '${statusLine}'`);
  const headers: [string, string][] = [];
  for (const l of lines) {
    const colon = l.indexOf(':');
    if (colon > 0) headers.push([l.slice(0, colon).trim().toLowerCase(), l.slice(colon + 1).trim()]);
  }
  const get = (name: string) => headers.find(([n]) => n === name)?.[1];
  const status = Number(m[1]);
  const reply = (body: Uint8Array): HttpReply => ({ status, statusText: m[2]!, headers, body });
  const rest = buf.subarray(end + 4);
  if (status === 204 || status === 304 || status < 200) return reply(new Uint8Array(0));
  if (/chunked/i.test(get('transfer-encoding') ?? '')) {
    const body = dechunk(rest);
    if (body) return reply(body);
    if (eof) throw new HttpReplyError('premature', 'connection closed prematurely');
    return undefined;
  }
  const length = get('content-length');
  if (length !== undefined && /^\d+$/.test(length)) {
    if (rest.length >= Number(length)) return reply(rest.slice(0, Number(length)));
    if (eof) throw new HttpReplyError('premature', 'connection closed prematurely');
    return undefined;
  }
  return eof ? reply(rest.slice()) : undefined;
}

/** A chunked body's bytes, or undefined while its last chunk has not arrived. */
function dechunk(buf: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const eol = indexOf(buf, [13, 10], at);
    if (eol < 0) return undefined;
    const size = parseInt(fromUtf8(buf.subarray(at, eol)).split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) throw new HttpReplyError('bad-head', 'bad chunk length');
    if (size === 0) return concatBytes(parts);
    if (eol + 2 + size + 2 > buf.length) return undefined;
    parts.push(buf.slice(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}
