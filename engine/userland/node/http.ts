/**
 * The `http` module (and `https`, which in the emulator speaks plain HTTP on
 * port 443, as the rest of Berth does): `createServer` over net.Server with
 * an HTTP/1.1 parser per connection, keep-alive with Node's 5 s idle
 * timeout, and the client `request`/`get` over net.Socket (one connection
 * per request: no agent pooling).
 */
import { Buffer } from 'buffer';
import type { NodeContext } from './context.ts';
import { codeError } from './errors.ts';
import { makeOutgoing } from './http-outgoing.ts';
import { headersObject, HttpParser, type Head } from './http-parser.ts';
import type { Net, NetSocket } from './net.ts';
import { WebURL } from './url.ts';

export const STATUS_CODES: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required',
};

export const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE'];

const NO_BODY_BY_DEFAULT = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);
const KEEP_ALIVE_MS = 5000;

export function makeHttp(ctx: NodeContext, net: Net, defaultPort = 80) {
  const { loop } = ctx;
  const { Readable } = ctx.streams;
  const OutgoingMessage = makeOutgoing(ctx);

  class IncomingMessage extends Readable {
    method: string | undefined;
    url: string | undefined;
    statusCode: number | undefined;
    statusMessage: string | undefined;
    httpVersion: string;
    httpVersionMajor: number;
    httpVersionMinor: number;
    headers: Record<string, string | string[]>;
    rawHeaders: string[];
    trailers: Record<string, string> = {};
    rawTrailers: string[] = [];
    complete = false;
    aborted = false;
    constructor(readonly socket: NetSocket, head: Head, isRequest: boolean) {
      super({});
      if (isRequest) [this.method, this.url] = [head.method, head.url];
      else [this.statusCode, this.statusMessage] = [head.statusCode, head.statusMessage];
      this.httpVersionMajor = head.versionMajor;
      this.httpVersionMinor = head.versionMinor;
      this.httpVersion = `${head.versionMajor}.${head.versionMinor}`;
      this.rawHeaders = head.rawHeaders;
      this.headers = headersObject(head.rawHeaders);
    }
    get connection(): NetSocket {
      return this.socket;
    }
    get headersDistinct(): Record<string, string[]> {
      const out: Record<string, string[]> = {};
      for (let i = 0; i < this.rawHeaders.length; i += 2) (out[this.rawHeaders[i]!.toLowerCase()] ??= []).push(this.rawHeaders[i + 1]!);
      return out;
    }
    setTimeout(ms: number, cb?: () => void): this {
      this.socket.setTimeout(ms, cb);
      return this;
    }
  }

  class ServerResponse extends OutgoingMessage {
    statusCode = 200;
    statusMessage: string | undefined;
    override sendDate = true;
    constructor(readonly req: IncomingMessage, socket: NetSocket) {
      super();
      this.socket = socket;
      if (req.method === 'HEAD') this._hasBody = false;
      if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
        this.useChunkedEncodingByDefault = /chunked/i.test(String(req.headers.te ?? ''));
        this.shouldKeepAlive = false;
      } else if (/close/i.test(String(req.headers.connection ?? ''))) this.shouldKeepAlive = false;
    }
    override _firstLine(): string {
      return `HTTP/1.1 ${this.statusCode} ${this.statusMessage ?? STATUS_CODES[this.statusCode] ?? 'unknown'}`;
    }
    writeHead(statusCode: number, reason?: string | Record<string, unknown> | unknown[], headers?: Record<string, unknown> | unknown[]): this {
      if (this._header) throw codeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot write headers after they are sent to the client');
      if (typeof reason !== 'string') [headers, reason] = [reason, undefined];
      const code = Number(statusCode);
      if (!(code >= 100 && code <= 999)) throw codeError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${statusCode}`);
      this.statusCode = code;
      if (reason !== undefined) this.statusMessage = reason;
      if (Array.isArray(headers)) {
        const flat = headers.flat() as unknown[];
        for (let i = 0; i < flat.length; i += 2) this.setHeader(String(flat[i]), flat[i + 1] as string);
      } else if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) this.setHeader(k, v as string);
      if (code === 204 || code === 304 || (code >= 100 && code <= 199)) this._hasBody = false;
      this._storeHeader(this._firstLine());
      return this;
    }
    override _implicitHeader(): void {
      this.writeHead(this.statusCode);
    }
    writeContinue(): void {
      this.socket?.write('HTTP/1.1 100 Continue\r\n\r\n');
    }
    override _onFinish(): void {
      (this.socket as ConnSocket | null)?._httpResponseDone?.(this._last);
    }
  }

  type ConnSocket = NetSocket & { _httpResponseDone?: (close: boolean) => void; _httpBusy?: boolean };

  type ServerShape = InstanceType<Net['Server']> & { keepAliveTimeout: number; timeout: number; headersTimeout: number; requestTimeout: number };
  class Server extends net.Server {
    keepAliveTimeout = KEEP_ALIVE_MS;
    timeout = 0;
    headersTimeout = 60000;
    requestTimeout = 300000;
    maxHeadersCount: number | null = null;
    constructor(options?: unknown, listener?: (req: IncomingMessage, res: ServerResponse) => void) {
      super();
      if (typeof options === 'function') listener = options as typeof listener;
      if (listener) this.on('request', listener);
      this.on('connection', (socket: ConnSocket) => serve(this as unknown as ServerShape, socket));
    }
    override close(cb?: (err?: Error | null) => void): this {
      super.close(cb);
      this.closeIdleConnections();
      return this;
    }
    closeIdleConnections(): void {
      for (const s of this.connections) if (!(s as ConnSocket)._httpBusy) s.destroy();
    }
    closeAllConnections(): void {
      for (const s of this.connections) s.destroy();
    }
    setTimeout(ms: number, cb?: () => void): this {
      this.timeout = ms;
      if (cb) this.on('timeout', cb);
      return this;
    }
  }

  function serve(server: ServerShape, socket: ConnSocket): void {
    // Node shows IPv4 peers of a `::` listener as IPv4-mapped IPv6 addresses.
    if (server.address()?.family === 'IPv6') {
      socket.remoteAddress = `::ffff:${socket.remoteAddress}`;
      socket.remoteFamily = 'IPv6';
      socket.localAddress = `::ffff:${socket.localAddress}`;
    }
    let req: IncomingMessage | undefined;
    const parser = new HttpParser('request', {
      head(head) {
        socket.setTimeout(0);
        socket._httpBusy = true;
        req = new IncomingMessage(socket, head, true);
        const res = new ServerResponse(req, socket);
        const current = req;
        loop.invoke(() => {
          if (!server.emit('request', current, res)) {
            res.statusCode = 404;
            res.end();
          }
        }, 'http');
      },
      body(chunk) {
        req?.push(Buffer.from(chunk));
      },
      end() {
        if (!req) return;
        req.complete = true;
        req.push(null);
      },
      error() {
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      },
    });
    socket._httpResponseDone = (close) => {
      socket._httpBusy = false;
      if (close || server.fd < 0) socket.end();
      else socket.setTimeout(server.keepAliveTimeout, () => socket.destroy());
    };
    socket.on('data', (d: Uint8Array) => parser.feed(d));
    socket.on('end', () => parser.finish());
    socket.on('error', () => socket.destroy());
    socket.setTimeout(server.keepAliveTimeout, () => socket.destroy());
  }

  class ClientRequest extends OutgoingMessage {
    method: string;
    path: string;
    host: string;
    protocol: string;
    res: IncomingMessage | undefined;
    aborted = false;
    constructor(input: unknown, options?: unknown, cb?: (res: IncomingMessage) => void) {
      super();
      const opts = requestOptions(input, options);
      if (typeof options === 'function') cb = options as typeof cb;
      else if (typeof input === 'function') cb = input as typeof cb;
      this.method = (opts.method ?? 'GET').toUpperCase();
      this.path = opts.path ?? '/';
      this.host = opts.hostname ?? opts.host?.replace(/:\d+$/, '') ?? 'localhost';
      this.protocol = opts.protocol ?? (defaultPort === 443 ? 'https:' : 'http:');
      const port = Number(opts.port ?? defaultPort);
      this.useChunkedEncodingByDefault = !NO_BODY_BY_DEFAULT.has(this.method);
      for (const [k, v] of Object.entries(opts.headers ?? {})) this.setHeader(k, v);
      if (!this.hasHeader('host')) this.setHeader('Host', port === defaultPort ? this.host : `${this.host}:${port}`);
      if (opts.auth && !this.hasHeader('authorization')) this.setHeader('Authorization', `Basic ${Buffer.from(opts.auth).toString('base64')}`);
      if (cb) this.once('response', cb);
      const socket = net.connect({ host: this.host, port });
      this._onSocket(socket);
      if (opts.timeout) this.setTimeout(opts.timeout);
      const parser = new HttpParser('response', {
        head: (head) => {
          const res = new IncomingMessage(socket, head, false);
          this.res = res;
          res.req = this;
          if (!this.emit('response', res)) res.resume();
        },
        body: (chunk) => this.res?.push(Buffer.from(chunk)),
        end: () => {
          if (this.res) {
            this.res.complete = true;
            this.res.push(null);
          }
          socket.destroy();
        },
        error: () => socket.destroy(codeError(Error, 'ECONNRESET', 'socket hang up')),
      });
      parser.noBody = this.method === 'HEAD';
      socket.on('data', (d: Uint8Array) => parser.feed(d));
      socket.on('end', () => parser.finish());
      socket.on('error', (err: Error) => {
        if (this.res && !this.res.complete) this.res.destroy(err);
        else if (!this.res) this.emit('error', err);
      });
      socket.on('close', () => this.emit('close'));
      loop.nextTick(() => this.emit('socket', socket));
    }
    override _firstLine(): string {
      return `${this.method} ${this.path} HTTP/1.1`;
    }
    override _isClient(): boolean {
      return true;
    }
    abort(): void {
      this.aborted = true;
      this.destroy();
    }
    override destroy(err?: Error | null): this {
      this.socket?.destroy(err ?? undefined);
      return super.destroy(err);
    }
  }
  interface IncomingMessage {
    req?: ClientRequest;
  }

  const request = (input: unknown, options?: unknown, cb?: (res: IncomingMessage) => void) => new ClientRequest(input, options, cb);
  const get = (input: unknown, options?: unknown, cb?: (res: IncomingMessage) => void) => {
    const req = new ClientRequest(input, options, cb);
    req.end();
    return req;
  };
  class Agent {
    constructor(readonly options: object = {}) {}
    destroy(): void {}
  }

  return {
    STATUS_CODES, METHODS, IncomingMessage, OutgoingMessage, ServerResponse, ClientRequest, Server, Agent, globalAgent: new Agent({ keepAlive: true }),
    createServer: (options?: unknown, listener?: (req: IncomingMessage, res: ServerResponse) => void) => new Server(options, listener),
    request, get, maxHeaderSize: 16384,
    validateHeaderName: (name: string) => {
      if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) throw codeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Header name must be a valid HTTP token ["${name}"]`);
    },
  };
}

/** http.request's arguments: a URL (string or object), options, or both. */
function requestOptions(input: unknown, options: unknown): { protocol?: string; host?: string; hostname?: string; port?: number | string; path?: string; method?: string; headers?: Record<string, string | number | string[]>; timeout?: number; auth?: string } {
  let base: Record<string, unknown> = {};
  if (typeof input === 'string' || (input && typeof input === 'object' && 'href' in input && 'searchParams' in input)) {
    const url = new WebURL(String(input));
    base = { protocol: url.protocol, hostname: url.hostname, port: url.port || undefined, path: url.pathname + url.search };
    if (url.username) base.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  } else if (input && typeof input === 'object') base = { ...(input as object) };
  if (options && typeof options === 'object') base = { ...base, ...(options as object) };
  return base;
}
