/**
 * An incremental HTTP/1.x parser, the role llhttp plays in Node: bytes go
 * in as they arrive on a socket; out come a message head (start line and
 * headers), body chunks as the message frames them (Content-Length,
 * chunked, or until the connection closes), and the end of each message —
 * then the next one on a kept-alive connection.
 */
import { concatBytes, fromUtf8 } from '../../common/bytes.ts';

export interface Head {
  /** Request: method and target; response: status and reason. */
  method: string;
  url: string;
  statusCode: number;
  statusMessage: string;
  versionMajor: number;
  versionMinor: number;
  /** Names as sent, values, in order: [name, value, name, value…]. */
  rawHeaders: string[];
}

export interface ParserEvents {
  head(head: Head): void;
  body(chunk: Uint8Array): void;
  end(): void;
  error(message: string): void;
}

type Framing = { kind: 'none' } | { kind: 'length'; left: number } | { kind: 'chunked'; left: number; state: 'size' | 'data' | 'crlf' | 'trailer' } | { kind: 'close' };

const MAX_HEAD = 80 * 1024;

export class HttpParser {
  private buf: Uint8Array = new Uint8Array(0);
  private framing: Framing | undefined;
  private failed = false;
  /** Set by the response side: the request was HEAD, so no body follows whatever the headers say. */
  noBody = false;

  constructor(private readonly kind: 'request' | 'response', private readonly on: ParserEvents) {}

  /** Whether a message is in progress (its head is in, its end is not). */
  get busy(): boolean {
    return this.framing !== undefined;
  }

  feed(data: Uint8Array): void {
    if (this.failed) return;
    this.buf = this.buf.length ? concatBytes([this.buf, data]) : data;
    for (;;) {
      if (this.failed) return;
      if (!this.framing) {
        if (!this.parseHead()) return;
        continue;
      }
      if (!this.parseBody()) return;
    }
  }

  /** The connection closed: ends a message framed by the close. */
  finish(): void {
    if (this.framing?.kind === 'close') {
      this.framing = undefined;
      this.on.end();
    } else if (this.framing && !this.failed) {
      this.failed = true;
      this.on.error('aborted');
    }
  }

  private fail(message: string): false {
    this.failed = true;
    this.on.error(message);
    return false;
  }

  private parseHead(): boolean {
    // Leading empty lines between messages are allowed (RFC 9112 §2.2).
    let start = 0;
    while (start < this.buf.length && (this.buf[start] === 13 || this.buf[start] === 10)) start++;
    const end = indexOfBlank(this.buf, start);
    if (end === -1) {
      if (this.buf.length > MAX_HEAD) return this.fail('HPE_HEADER_OVERFLOW');
      return false;
    }
    const text = fromUtf8(this.buf.subarray(start, end.at));
    this.buf = this.buf.subarray(end.at + end.length);
    const lines = text.split(/\r?\n/);
    const first = lines.shift() ?? '';
    const head: Head = { method: '', url: '', statusCode: 0, statusMessage: '', versionMajor: 1, versionMinor: 1, rawHeaders: [] };
    if (this.kind === 'request') {
      const m = /^([A-Z]+) (\S+) HTTP\/(\d)\.(\d)$/.exec(first);
      if (!m) return this.fail('HPE_INVALID_METHOD');
      [head.method, head.url, head.versionMajor, head.versionMinor] = [m[1]!, m[2]!, Number(m[3]), Number(m[4])];
    } else {
      const m = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/.exec(first);
      if (!m) return this.fail('HPE_INVALID_CONSTANT');
      [head.versionMajor, head.versionMinor, head.statusCode, head.statusMessage] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ?? ''];
    }
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon <= 0) return this.fail('HPE_INVALID_HEADER_TOKEN');
      head.rawHeaders.push(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
    this.framing = this.framingOf(head);
    this.on.head(head);
    if (this.framing.kind === 'none') {
      this.framing = undefined;
      this.on.end();
    }
    return true;
  }

  private framingOf(head: Head): Framing {
    const get = (name: string) => {
      for (let i = 0; i < head.rawHeaders.length; i += 2) if (head.rawHeaders[i]!.toLowerCase() === name) return head.rawHeaders[i + 1];
      return undefined;
    };
    const status = head.statusCode;
    if (this.kind === 'response' && (this.noBody || (status >= 100 && status < 200) || status === 204 || status === 304)) return { kind: 'none' };
    if (/chunked/i.test(get('transfer-encoding') ?? '')) return { kind: 'chunked', left: 0, state: 'size' };
    const length = get('content-length');
    if (length !== undefined && /^\d+$/.test(length)) return Number(length) === 0 ? { kind: 'none' } : { kind: 'length', left: Number(length) };
    return this.kind === 'request' ? { kind: 'none' } : { kind: 'close' };
  }

  private parseBody(): boolean {
    const f = this.framing!;
    if (f.kind === 'close') {
      if (this.buf.length === 0) return false;
      const chunk = this.buf;
      this.buf = new Uint8Array(0);
      this.on.body(chunk);
      return false;
    }
    if (f.kind === 'length') {
      if (this.buf.length === 0) return false;
      const n = Math.min(f.left, this.buf.length);
      const chunk = this.buf.subarray(0, n);
      this.buf = this.buf.subarray(n);
      f.left -= n;
      this.on.body(chunk);
      if (f.left === 0) {
        this.framing = undefined;
        this.on.end();
      }
      return true;
    }
    if (f.kind !== 'chunked') return false;
    if (f.state === 'data') {
      if (this.buf.length === 0) return false;
      const n = Math.min(f.left, this.buf.length);
      const chunk = this.buf.subarray(0, n);
      this.buf = this.buf.subarray(n);
      f.left -= n;
      if (f.left === 0) f.state = 'crlf';
      this.on.body(chunk);
      return true;
    }
    const nl = this.buf.indexOf(10);
    if (nl < 0) return false;
    const line = fromUtf8(this.buf.subarray(0, nl)).replace(/\r$/, '');
    this.buf = this.buf.subarray(nl + 1);
    if (f.state === 'crlf') {
      f.state = 'size';
      return true;
    }
    if (f.state === 'trailer') {
      if (line === '') {
        this.framing = undefined;
        this.on.end();
      }
      return true;
    }
    const size = parseInt(line.split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) return this.fail('HPE_INVALID_CHUNK_SIZE');
    if (size === 0) f.state = 'trailer';
    else [f.left, f.state] = [size, 'data'];
    return true;
  }
}

/** Where the head ends: the line break before an empty line ("\r\n\r\n", or bare "\n"s). */
function indexOfBlank(buf: Uint8Array, from: number): { at: number; length: number } | -1 {
  for (let i = from; i < buf.length; i++) {
    if (buf[i] !== 10) continue;
    const after = buf[i + 1] === 10 ? i + 2 : buf[i + 1] === 13 && buf[i + 2] === 10 ? i + 3 : -1;
    if (after < 0) continue;
    const at = i > from && buf[i - 1] === 13 ? i - 1 : i;
    return { at, length: after - at };
  }
  return -1;
}

/** Node's req.headers: names lowercased; repeated names joined with ", " (set-cookie: an array; some keep the first). */
export function headersObject(raw: readonly string[]): Record<string, string | string[]> {
  const KEEP_FIRST = new Set(['age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host', 'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent']);
  const out: Record<string, string | string[]> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    const prev = out[name];
    if (prev === undefined) out[name] = name === 'set-cookie' ? [value] : value;
    else if (name === 'set-cookie') (prev as string[]).push(value);
    else if (!KEEP_FIRST.has(name)) out[name] = `${prev as string}, ${value}`;
  }
  return out;
}
