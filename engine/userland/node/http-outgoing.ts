/**
 * What `res` (ServerResponse) and a client's `req` (ClientRequest) share:
 * Node's OutgoingMessage. Headers are kept as set (name case and order)
 * until the head is sent; then the head is written with the headers Node
 * adds itself, in Node's order — Date (server), Connection and Keep-Alive,
 * and Content-Length when the whole body is known at `end(body)` or
 * `Transfer-Encoding: chunked` otherwise (lib/_http_outgoing.js,
 * _storeHeader).
 */
import { Buffer } from 'buffer';
import type { NodeContext } from './context.ts';
import { codeError } from './errors.ts';
import type { NetSocket } from './net.ts';

type Callback = (err?: Error | null) => void;
type HeaderValue = string | number | readonly string[];

export function makeOutgoing(ctx: NodeContext) {
  const { Stream } = ctx.streams;

  class OutgoingMessage extends Stream {
    socket: NetSocket | null = null;
    /** The rendered head once sent (Node's `_header`). */
    _header: string | null = null;
    _hasBody = true;
    _last = false;
    _contentLength: number | undefined;
    chunkedEncoding = false;
    useChunkedEncodingByDefault = true;
    shouldKeepAlive = true;
    sendDate = false;
    finished = false;
    writableFinished = false;
    /** lowercased name → [name as set, value] */
    private readonly fields = new Map<string, [string, HeaderValue]>();

    get headersSent(): boolean {
      return this._header !== null;
    }
    get writableEnded(): boolean {
      return this.finished;
    }
    get writable(): boolean {
      return !this.finished && !this.destroyed;
    }
    get connection(): NetSocket | null {
      return this.socket;
    }

    setHeader(name: string, value: HeaderValue): this {
      if (this._header) throw codeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot set headers after they are sent to the client');
      if (value === undefined) throw codeError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "undefined" for header "${name}"`);
      this.fields.set(String(name).toLowerCase(), [String(name), Array.isArray(value) ? value.map(String) : (value as string | number)]);
      return this;
    }
    appendHeader(name: string, value: HeaderValue): this {
      const prev = this.fields.get(name.toLowerCase());
      if (!prev) return this.setHeader(name, value);
      const list = [...(Array.isArray(prev[1]) ? prev[1] : [String(prev[1])]), ...(Array.isArray(value) ? value : [String(value)])];
      return this.setHeader(prev[0], list);
    }
    getHeader(name: string): HeaderValue | undefined {
      return this.fields.get(String(name).toLowerCase())?.[1];
    }
    getHeaders(): Record<string, HeaderValue> {
      const out: Record<string, HeaderValue> = Object.create(null);
      for (const [key, [, value]] of this.fields) out[key] = value;
      return out;
    }
    getHeaderNames(): string[] {
      return [...this.fields.keys()];
    }
    getRawHeaderNames(): string[] {
      return [...this.fields.values()].map(([name]) => name);
    }
    hasHeader(name: string): boolean {
      return this.fields.has(String(name).toLowerCase());
    }
    removeHeader(name: string): void {
      if (this._header) throw codeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot remove headers after they are sent to the client');
      this.fields.delete(String(name).toLowerCase());
    }
    setTimeout(ms: number, cb?: () => void): this {
      this.socket?.setTimeout(ms, cb);
      return this;
    }
    flushHeaders(): void {
      if (!this._header) this._implicitHeader();
      this.send('');
    }

    /** The first line of the head ("HTTP/1.1 200 OK", "GET / HTTP/1.1"). */
    _firstLine(): string {
      return '';
    }
    _implicitHeader(): void {
      this._storeHeader(this._firstLine());
    }

    /** Renders the head, adding the headers Node adds (lib/_http_outgoing.js). */
    _storeHeader(firstLine: string): void {
      let head = `${firstLine}\r\n`;
      for (const [, [name, value]] of this.fields) {
        for (const v of Array.isArray(value) ? value : [value]) head += `${name}: ${v}\r\n`;
      }
      const has = (n: string) => this.fields.has(n);
      if (this.sendDate && !has('date')) head += `Date: ${new Date(ctx.sys.now()).toUTCString()}\r\n`;
      const contLen = has('content-length');
      const te = has('transfer-encoding');
      if (has('connection')) {
        if (/close/i.test(String(this.getHeader('connection')))) this._last = true;
      } else {
        const keepAlive = this.shouldKeepAlive && (contLen || this.useChunkedEncodingByDefault || this._isClient());
        if (keepAlive) {
          head += 'Connection: keep-alive\r\n';
          if (!this._isClient()) head += 'Keep-Alive: timeout=5\r\n';
        } else {
          this._last = true;
          head += 'Connection: close\r\n';
        }
      }
      if (!contLen && !te) {
        if (!this._hasBody) this.chunkedEncoding = false;
        else if (!this.useChunkedEncodingByDefault) this._last = true;
        else if (this._contentLength !== undefined) head += `Content-Length: ${this._contentLength}\r\n`;
        else {
          head += 'Transfer-Encoding: chunked\r\n';
          this.chunkedEncoding = true;
        }
      } else if (te) {
        this.chunkedEncoding = /chunked/i.test(String(this.getHeader('transfer-encoding')));
      }
      this._header = `${head}\r\n`;
      this._headerSent = false;
    }
    _headerSent = false;
    _isClient(): boolean {
      return false;
    }

    /** Hands bytes (the head first, once) to the socket. */
    private send(data: Uint8Array | string, cb?: Callback): void {
      const parts: Uint8Array[] = [];
      if (!this._headerSent && this._header) {
        parts.push(Buffer.from(this._header, 'latin1'));
        this._headerSent = true;
      }
      if (data.length > 0) parts.push(typeof data === 'string' ? Buffer.from(data) : data);
      const bytes = Buffer.concat(parts);
      if (bytes.length === 0) {
        if (cb) ctx.loop.nextTick(() => cb());
        return;
      }
      if (this.socket) this.socket.write(bytes, cb);
      else this._pending.push({ bytes, cb });
    }
    _pending: { bytes: Uint8Array; cb?: Callback }[] = [];

    /** Attaches the socket (a client's, once it exists) and writes what waited for it. */
    _onSocket(socket: NetSocket): void {
      this.socket = socket;
      for (const p of this._pending.splice(0)) socket.write(p.bytes, p.cb);
    }

    private encodeChunk(chunk: unknown, encoding?: string): Uint8Array {
      if (typeof chunk === 'string') return Buffer.from(chunk, (encoding ?? 'utf8') as 'utf8');
      if (chunk instanceof Uint8Array) return chunk;
      throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received ${chunk === null ? 'null' : typeof chunk}`);
    }

    write(chunk: unknown, encoding?: string | Callback, cb?: Callback): boolean {
      if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
      if (this.finished) {
        const err = codeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
        ctx.loop.nextTick(() => (cb?.(err), this.emit('error', err)));
        return false;
      }
      const data = this.encodeChunk(chunk, encoding);
      if (!this._header) this._implicitHeader();
      if (!this._hasBody) {
        if (cb) ctx.loop.nextTick(() => cb());
        return true;
      }
      if (this.chunkedEncoding && data.length > 0) {
        this.send(Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]), cb);
      } else this.send(data, cb);
      return true;
    }

    end(chunk?: unknown, encoding?: string | Callback, cb?: Callback): this {
      if (typeof chunk === 'function') [cb, chunk] = [chunk as Callback, undefined];
      if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
      if (this.finished) {
        if (cb) ctx.loop.nextTick(() => cb());
        return this;
      }
      const data = chunk === undefined || chunk === null ? undefined : this.encodeChunk(chunk, encoding);
      if (!this._header) {
        this._contentLength = data?.length ?? 0;
        this._implicitHeader();
      }
      if (data && data.length > 0 && this._hasBody) this.write(data);
      this.finished = true;
      if (cb) this.once('finish', cb);
      const done = () => {
        this.writableFinished = true;
        this.emit('finish');
        this._onFinish();
      };
      this.send(this.chunkedEncoding && this._hasBody ? '0\r\n\r\n' : '', done);
      return this;
    }

    /** After 'finish': the server decides about the connection, the client waits for the response. */
    _onFinish(): void {}
  }

  return OutgoingMessage;
}

export type OutgoingMessageClass = ReturnType<typeof makeOutgoing>;
