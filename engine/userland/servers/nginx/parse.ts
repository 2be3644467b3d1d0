/**
 * Reading HTTP/1.x requests off a connection's input: the request line,
 * the headers up to the empty line, then a body framed by Content-Length
 * or chunked transfer encoding. What nginx refuses it refuses with the
 * same status: 400 for a malformed request, 505 for HTTP/2.0 on a
 * plain-text port, 414 for a request line over 8 KB, 494 for headers that
 * do not fit, 413 past client_max_body_size.
 */
import { concatBytes, fromUtf8 } from '../../../common/bytes.ts';

export interface Parsed {
  method: string;
  target: string;
  version: string;
  line: string;
  headers: [string, string][];
  body: Uint8Array;
}

export type ParseResult =
  /** `continue`: the headers are in and ask for "100 Continue" before the body is sent. */
  | { kind: 'incomplete'; continue?: boolean }
  | { kind: 'request'; request: Parsed; rest: Uint8Array }
  /** A request nginx refuses; `line` is what it read of the request line (for the access log). */
  | { kind: 'error'; status: number; line: string; request?: Parsed };

const HEADER_BUFFER = 8 * 1024;

function findHeadEnd(buf: Uint8Array): number {
  for (let i = 0; i + 3 < buf.length; i++) if (buf[i] === 13 && buf[i + 1] === 10 && buf[i + 2] === 13 && buf[i + 3] === 10) return i;
  // Bare LF line ends, which nginx accepts too.
  for (let i = 0; i + 1 < buf.length; i++) if (buf[i] === 10 && buf[i + 1] === 10) return -(i + 2);
  return -1;
}

/** Decodes a chunked body; null until it is complete. */
function dechunk(buf: Uint8Array): { body: Uint8Array; used: number } | null | 'bad' {
  const parts: Uint8Array[] = [];
  let p = 0;
  for (;;) {
    const nl = buf.indexOf(10, p);
    if (nl < 0) return null;
    const size = parseInt(fromUtf8(buf.subarray(p, nl)).split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) return 'bad';
    p = nl + 1;
    if (size === 0) {
      // Trailers, up to an empty line.
      for (;;) {
        const e = buf.indexOf(10, p);
        if (e < 0) return null;
        const empty = e === p || (e === p + 1 && buf[p] === 13);
        p = e + 1;
        if (empty) return { body: concatBytes(parts), used: p };
      }
    }
    if (buf.length < p + size + 1) return null;
    parts.push(buf.subarray(p, p + size));
    p += size;
    if (buf[p] === 13) p++;
    if (buf[p] !== 10) return buf.length > p ? 'bad' : null;
    p++;
  }
}

export function parseRequest(buf: Uint8Array, maxBody: number): ParseResult {
  let end = findHeadEnd(buf);
  const crlf = end >= 0;
  if (end === -1) {
    const firstNl = buf.indexOf(10);
    if (firstNl < 0 && buf.length > HEADER_BUFFER) return { kind: 'error', status: 414, line: '' };
    if (buf.length > HEADER_BUFFER * 4) return { kind: 'error', status: 494, line: fromUtf8(buf.subarray(0, Math.max(0, firstNl))).replace(/\r$/, '') };
    return { kind: 'incomplete' };
  }
  end = crlf ? end : -end - 2;
  const headText = fromUtf8(buf.subarray(0, end));
  const lines = headText.split(/\r?\n/);
  // Empty lines before the request line are skipped, as nginx does.
  while (lines.length > 1 && lines[0] === '') lines.shift();
  const line = lines[0]!;
  const m = /^([A-Z_-]+) (\S+)(?: (HTTP\/(\d+)\.(\d+)))?$/.exec(line);
  if (!m || !m[3]) return { kind: 'error', status: 400, line };
  if (Number(m[4]) > 1) return { kind: 'error', status: 505, line };
  if (Number(m[4]) < 1) return { kind: 'error', status: 400, line };
  if (!m[2]!.startsWith('/') && !/^https?:\/\//i.test(m[2]!)) return { kind: 'error', status: 400, line };
  const headers: [string, string][] = [];
  for (const h of lines.slice(1)) {
    const colon = h.indexOf(':');
    if (colon <= 0) return { kind: 'error', status: 400, line };
    headers.push([h.slice(0, colon), h.slice(colon + 1).trim()]);
  }
  const request: Parsed = { method: m[1]!, target: m[2]!, version: m[3], line, headers, body: new Uint8Array(0) };
  const get = (name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];
  if (m[3] === 'HTTP/1.1' && get('host') === undefined) return { kind: 'error', status: 400, line, request };
  const bodyStart = end + (crlf ? 4 : 2);
  const rest = buf.subarray(bodyStart);
  const te = get('transfer-encoding');
  if (te !== undefined) {
    if (te.toLowerCase() !== 'chunked') return { kind: 'error', status: 501, line, request };
    const r = dechunk(rest);
    if (r === 'bad') return { kind: 'error', status: 400, line, request };
    if (r === null) return { kind: 'incomplete', continue: /^100-continue$/i.test(get('expect') ?? '') };
    if (r.body.length > maxBody && maxBody > 0) return { kind: 'error', status: 413, line, request };
    request.body = r.body;
    return { kind: 'request', request, rest: rest.subarray(r.used) };
  }
  const cl = get('content-length');
  if (cl !== undefined) {
    if (!/^\d+$/.test(cl)) return { kind: 'error', status: 400, line, request };
    const n = Number(cl);
    if (n > maxBody && maxBody > 0) return { kind: 'error', status: 413, line, request };
    if (rest.length < n) return { kind: 'incomplete', continue: /^100-continue$/i.test(get('expect') ?? '') && m[3] === 'HTTP/1.1' };
    request.body = rest.slice(0, n);
    return { kind: 'request', request, rest: rest.subarray(n) };
  }
  return { kind: 'request', request, rest };
}
