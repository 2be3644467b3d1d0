/**
 * A small HTTP/1.1 server over the emulated network's streams: reads one
 * request (line, headers, a Content-Length body), hands it to a handler and
 * writes the response with `Connection: close`. The emulator's own web
 * servers (the simulated internet) use it; programs in containers run their
 * own.
 */
import { fromUtf8, utf8 } from '../common/bytes.ts';
import type { KernelStream } from '../kernel/net.ts';

export interface HttpRequest {
  method: string;
  /** The request target as sent ("/index.html?x=1"). */
  target: string;
  version: string;
  /** Header names lowercased. */
  headers: Map<string, string>;
  body: Uint8Array;
  /** The address of the connecting side, as the server sees it. */
  remote: string;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export type HttpHandler = (req: HttpRequest) => HttpResponse | Promise<HttpResponse>;

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const MAX_HEAD = 64 * 1024;
const MAX_BODY = 8 * 1024 * 1024;

/** Reads a request from the stream; undefined if the peer closed first or sent nonsense. */
async function readRequest(stream: KernelStream, remote: string): Promise<HttpRequest | undefined> {
  let buf = new Uint8Array(0);
  const append = (d: Uint8Array) => {
    const next = new Uint8Array(buf.length + d.length);
    next.set(buf);
    next.set(d, buf.length);
    buf = next;
  };
  let headEnd = -1;
  while (headEnd < 0) {
    const d = await stream.read();
    if (d.length === 0) return undefined;
    append(d);
    for (let i = Math.max(0, buf.length - d.length - 3); i + 3 < buf.length; i++) {
      if (buf[i] === 13 && buf[i + 1] === 10 && buf[i + 2] === 13 && buf[i + 3] === 10) {
        headEnd = i;
        break;
      }
    }
    if (headEnd < 0 && buf.length > MAX_HEAD) return undefined;
  }
  const lines = fromUtf8(buf.subarray(0, headEnd)).split('\r\n');
  const [method, target, version] = lines[0]!.split(' ');
  if (!method || !target || !version?.startsWith('HTTP/')) return undefined;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const length = Math.min(Number(headers.get('content-length') ?? '0') || 0, MAX_BODY);
  let body = buf.subarray(headEnd + 4);
  while (body.length < length) {
    const d = await stream.read();
    if (d.length === 0) break;
    const next = new Uint8Array(body.length + d.length);
    next.set(body);
    next.set(d, body.length);
    body = next;
  }
  return { method, target, version, headers, body: body.subarray(0, length), remote };
}

/** An IMF-fixdate, as the Date header carries it. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** Serves one request on a connection, then closes it. */
export async function serveHttp(stream: KernelStream, remote: string, handler: HttpHandler, now: () => number, server = 'Berth'): Promise<void> {
  try {
    const req = await readRequest(stream, remote);
    const res: HttpResponse = req ? await handler(req) : { status: 400, body: '' };
    const body = typeof res.body === 'string' ? utf8(res.body) : (res.body ?? new Uint8Array(0));
    const headers: Record<string, string> = {
      Server: server,
      Date: httpDate(now()),
      'Content-Type': 'text/html; charset=UTF-8',
      'Content-Length': String(body.length),
      Connection: 'close',
      ...res.headers,
    };
    const head = `HTTP/1.1 ${res.status} ${STATUS_TEXT[res.status] ?? 'Unknown'}\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`;
    await stream.write(utf8(head));
    if (req?.method !== 'HEAD' && body.length) await stream.write(body);
  } catch {
    // The client went away mid-answer: nothing to tell anyone.
  } finally {
    stream.close();
  }
}
