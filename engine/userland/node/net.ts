/**
 * The `net` module over the emulated kernel's TCP sockets: `Server` listens
 * on a descriptor the event loop polls and accepts connections as they
 * come; `Socket` is a Duplex stream over a connected descriptor, set
 * non-blocking so that a slow peer never stalls the loop (output waits in
 * the socket's queue until the descriptor is writable again).
 *
 * Node listens on `::` by default; the emulator's network is IPv4, so the
 * socket is bound to 0.0.0.0 while `address()` and error messages say `::`
 * as Node's do.
 */
import { Buffer } from 'buffer';
import { FsError } from '../../fs/errno.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import { hostAddress } from '../lib/net-names.ts';
import { inetAton } from '../lib/net-socket.ts';
import type { NodeContext } from './context.ts';
import { codeError, dnsException, netException } from './errors.ts';
import { EventEmitter, emitterInit, type EventEmitter as Emitter } from './events.ts';
import type { Timeout } from './loop.ts';

type Callback = (err?: Error | null) => void;
const READ_MAX = 65536;

export const isIPv4 = (s: unknown): boolean => typeof s === 'string' && /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s);
export const isIPv6 = (s: unknown): boolean => typeof s === 'string' && s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s);
export const isIP = (s: unknown): number => (isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0);

export interface ListenOptions {
  port?: number | string;
  host?: string;
  backlog?: number;
}

export function makeNet(ctx: NodeContext) {
  const { sys, loop } = ctx;
  const { Duplex } = ctx.streams;
  const run = (fn: () => void) => loop.invoke(fn, 'io');
  const rethrow = (err: unknown) => {
    if (isProcessControl(err)) throw err;
  };

  class Socket extends Duplex {
    fd = -1;
    connecting = false;
    remoteAddress: string | undefined;
    remotePort: number | undefined;
    remoteFamily: string | undefined;
    localAddress: string | undefined;
    localPort: number | undefined;
    bytesRead = 0;
    bytesWritten = 0;
    server: Server | undefined;
    allowHalfOpen: boolean;
    private queue: { data: Uint8Array; cb: Callback }[] = [];
    private shutdownWhenEmpty: Callback | undefined;
    private refed = true;
    private readEnded = false;
    private idle: Timeout | undefined;
    private idleMs = 0;

    constructor(options: { allowHalfOpen?: boolean } = {}) {
      super({});
      this.allowHalfOpen = !!options.allowHalfOpen;
    }

    get readyState(): string {
      return this.connecting ? 'opening' : this.fd < 0 ? 'closed' : 'open';
    }
    get pending(): boolean {
      return this.fd < 0;
    }

    /** Takes over a connected descriptor (from accept or connect). */
    _attach(fd: number): void {
      this.fd = fd;
      sys.setNonblock(fd, true);
      try {
        const local = sys.getsockname(fd);
        const peer = sys.getpeername(fd);
        [this.localAddress, this.localPort] = [local.address, local.port];
        [this.remoteAddress, this.remotePort, this.remoteFamily] = [peer.address, peer.port, 'IPv4'];
      } catch (err) {
        rethrow(err);
      }
      this.rewatch();
    }

    private rewatch(): void {
      if (this.fd < 0) return;
      loop.watch(this.fd, {
        readable: this.readEnded ? undefined : () => this.onReadable(),
        writable: this.queue.length > 0 || this.shutdownWhenEmpty ? () => this.onWritable() : undefined,
        ref: this.refed,
      });
    }

    private async onReadable(): Promise<void> {
      let data: Uint8Array;
      try {
        data = await sys.read(this.fd, READ_MAX);
      } catch (err) {
        rethrow(err);
        if (err instanceof FsError && err.code === 'EAGAIN') return;
        this.readEnded = true;
        this.rewatch();
        run(() => this.destroy(netException(err, 'read')));
        return;
      }
      this.touch();
      if (data.length === 0) {
        this.readEnded = true;
        this.rewatch();
        run(() => {
          this.push(null);
          if (!this.allowHalfOpen) this.end();
        });
        return;
      }
      this.bytesRead += data.length;
      run(() => this.push(Buffer.from(data)));
    }

    private async onWritable(): Promise<void> {
      while (this.queue.length > 0 && this.fd >= 0) {
        const head = this.queue[0]!;
        let n: number;
        try {
          n = await sys.write(this.fd, head.data);
        } catch (err) {
          rethrow(err);
          if (err instanceof FsError && err.code === 'EAGAIN') break;
          this.queue = [];
          run(() => this.destroy(netException(err, 'write')));
          return;
        }
        this.bytesWritten += n;
        this.touch();
        if (n < head.data.length) {
          head.data = head.data.subarray(n);
          break;
        }
        this.queue.shift();
        run(() => head.cb());
      }
      if (this.queue.length === 0 && this.shutdownWhenEmpty) {
        const cb = this.shutdownWhenEmpty;
        this.shutdownWhenEmpty = undefined;
        this.shutdownWrite();
        run(() => cb());
      }
      this.rewatch();
    }

    private shutdownWrite(): void {
      try {
        if (this.fd >= 0) sys.shutdown(this.fd, 'write');
      } catch (err) {
        rethrow(err);
      }
    }

    override _write(chunk: unknown, _encoding: string, cb: Callback): void {
      if (this.fd < 0 && !this.connecting) return cb(codeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
      this.queue.push({ data: chunk as Uint8Array, cb });
      this.rewatch();
    }

    override _final(cb: Callback): void {
      if (this.queue.length > 0 || this.connecting) {
        this.shutdownWhenEmpty = cb;
        this.rewatch();
        return;
      }
      this.shutdownWrite();
      cb();
    }

    _destroy(err: Error | null, cb: Callback): void {
      if (this.idle) loop.clearTimer(this.idle);
      if (this.fd >= 0) {
        loop.unwatch(this.fd);
        try {
          sys.close(this.fd);
        } catch (e) {
          rethrow(e);
        }
        this.fd = -1;
      }
      this.server?._forget(this);
      cb(err);
    }

    private touch(): void {
      if (this.idle) this.idle.refresh();
    }

    setTimeout(ms: number, cb?: () => void): this {
      if (this.idle) loop.clearTimer(this.idle);
      this.idle = undefined;
      this.idleMs = ms;
      if (cb) this.once('timeout', cb);
      if (ms > 0) this.idle = loop.setTimer(() => this.emit('timeout'), this.idleMs, false).unref();
      return this;
    }
    setNoDelay(): this {
      return this;
    }
    setKeepAlive(): this {
      return this;
    }
    address(): { address: string; family: string; port: number } | Record<string, never> {
      return this.localAddress ? { address: this.localAddress, family: 'IPv4', port: this.localPort! } : {};
    }
    ref(): this {
      this.refed = true;
      this.rewatch();
      return this;
    }
    unref(): this {
      this.refed = false;
      this.rewatch();
      return this;
    }

    connect(...args: unknown[]): this {
      const [opts, cb] = normalizeConnect(args);
      const host = opts.host ?? 'localhost';
      const port = Number(opts.port);
      if (cb) this.once('connect', cb);
      this.connecting = true;
      loop.job(
        async () => {
          const found = await hostAddress(sys, host);
          if ('error' in found) throw dnsException(host);
          const fd = sys.socket('inet', 'stream');
          try {
            await sys.connect(fd, { family: 'inet', address: found.address, port });
          } catch (err) {
            sys.close(fd);
            throw netException(err, 'connect', found.address, port);
          }
          return fd;
        },
        (err, fd) => {
          this.connecting = false;
          if (err) return void this.destroy(err as Error);
          this._attach(fd!);
          this.emit('connect');
          this.emit('ready');
          if (this.queue.length > 0 || this.shutdownWhenEmpty) this.rewatch();
        },
      );
      return this;
    }
  }

  interface Server extends Emitter {}
  class Server extends (EventEmitter as unknown as new () => Emitter) {
    fd = -1;
    private port = 0;
    private host: string | undefined;
    private readonly sockets = new Set<Socket>();
    private refed = true;
    maxConnections: number | undefined;

    constructor(options?: unknown, listener?: (socket: Socket) => void) {
      super();
      emitterInit(this);
      if (typeof options === 'function') listener = options as (socket: Socket) => void;
      if (listener) this.on('connection', listener);
    }

    get listening(): boolean {
      return this.fd >= 0;
    }

    listen(...args: unknown[]): this {
      const cb = typeof args[args.length - 1] === 'function' ? (args.pop() as () => void) : undefined;
      let opts: ListenOptions = {};
      if (typeof args[0] === 'object' && args[0] !== null) opts = args[0] as ListenOptions;
      else opts = { port: args[0] as number, host: typeof args[1] === 'string' ? args[1] : undefined };
      const port = opts.port === undefined || opts.port === null ? 0 : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw codeError(RangeError, 'ERR_SOCKET_BAD_PORT', `options.port should be >= 0 and < 65536. Received type ${typeof opts.port} (${String(opts.port)}).`);
      if (cb) this.once('listening', cb);
      const host = opts.host;
      const shown = host === undefined || host === '::' ? '::' : host;
      const address = host === undefined || host === '::' || host === '0.0.0.0' ? '0.0.0.0' : host === 'localhost' || host === '::1' ? '127.0.0.1' : (inetAton(host) ?? host);
      const fd = sys.socket('inet', 'stream');
      try {
        sys.setsockopt(fd, 'SO_REUSEADDR', true);
        sys.bind(fd, { family: 'inet', address, port });
        sys.listen(fd, opts.backlog ?? 511);
        sys.setNonblock(fd, true);
      } catch (err) {
        rethrow(err);
        sys.close(fd);
        const e = netException(err, 'listen', shown === '::' ? '::' : address, port);
        loop.nextTick(() => this.emit('error', e));
        return this;
      }
      this.fd = fd;
      this.port = sys.getsockname(fd).port;
      this.host = host;
      this.rewatch();
      loop.nextTick(() => this.emit('listening'));
      return this;
    }

    private rewatch(): void {
      if (this.fd >= 0) loop.watch(this.fd, { readable: () => this.onConnection(), ref: this.refed });
    }

    private async onConnection(): Promise<void> {
      let accepted: { fd: number };
      try {
        accepted = await sys.accept(this.fd);
      } catch (err) {
        rethrow(err);
        return;
      }
      const socket = new Socket({ allowHalfOpen: false });
      socket.server = this;
      socket._attach(accepted.fd);
      if (this.maxConnections !== undefined && this.sockets.size >= this.maxConnections) {
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      run(() => this.emit('connection', socket));
    }

    _forget(socket: Socket): void {
      this.sockets.delete(socket);
      if (this.fd < 0 && this.sockets.size === 0) loop.nextTick(() => this.emit('close'));
    }

    close(cb?: Callback): this {
      if (this.fd < 0) {
        const err = codeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.');
        if (cb) loop.nextTick(() => cb(err));
        return this;
      }
      if (cb) this.once('close', () => cb());
      loop.unwatch(this.fd);
      sys.close(this.fd);
      this.fd = -1;
      if (this.sockets.size === 0) loop.nextTick(() => this.emit('close'));
      return this;
    }

    address(): { address: string; family: string; port: number } | null {
      if (this.fd < 0) return null;
      const h = this.host;
      return h === undefined || h === '::' ? { address: '::', family: 'IPv6', port: this.port } : { address: h === 'localhost' ? '127.0.0.1' : h, family: 'IPv4', port: this.port };
    }

    getConnections(cb: (err: Error | null, n: number) => void): this {
      loop.nextTick(() => cb(null, this.sockets.size));
      return this;
    }
    ref(): this {
      this.refed = true;
      this.rewatch();
      return this;
    }
    unref(): this {
      this.refed = false;
      this.rewatch();
      return this;
    }
    /** Connections (http's server closes idle ones). */
    get connections(): ReadonlySet<Socket> {
      return this.sockets;
    }
  }

  const createServer = (options?: unknown, listener?: (socket: Socket) => void) => new Server(options, listener);
  const connect = (...args: unknown[]) => new Socket().connect(...args);
  return { Socket, Server, Stream: Socket, createServer, connect, createConnection: connect, isIP, isIPv4, isIPv6 };
}

export type Net = ReturnType<typeof makeNet>;
export type NetSocket = InstanceType<Net['Socket']>;
export type NetServer = InstanceType<Net['Server']>;

function normalizeConnect(args: unknown[]): [{ port?: number | string; host?: string }, (() => void) | undefined] {
  const cb = typeof args[args.length - 1] === 'function' ? (args[args.length - 1] as () => void) : undefined;
  if (typeof args[0] === 'object' && args[0] !== null) return [args[0] as { port?: number; host?: string }, cb];
  return [{ port: args[0] as number, host: typeof args[1] === 'string' ? args[1] : undefined }, cb];
}
