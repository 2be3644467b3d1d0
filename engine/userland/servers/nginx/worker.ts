/**
 * An nginx worker process: one event loop over the listening sockets, the
 * channel from the master and every client connection, as nginx's workers
 * run on epoll. A connection is read until a whole request is there; the
 * response is written (without blocking the loop on a slow client), the
 * request logged, and the connection kept alive for the next request
 * (keepalive_timeout) or closed.
 *
 * The master talks to workers over a pipe (nginx's channel): "Q" to shut
 * down gracefully (finish the requests in hand, then exit), "T" to exit at
 * once, "R" to reopen the logs. Signals sent to a worker directly (a terminal's ^C) work too.
 */
import { concatBytes, utf8 } from '../../../common/bytes.ts';
import { FsError } from '../../../fs/errno.ts';
import { SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM } from '../../../kernel/signals.ts';
import { isProcessControl, type Program } from '../../../kernel/sys.ts';
import { groups as readGroups } from '../../lib/users.ts';
import { errnoNumber } from './conf.ts';
import { handle, normalizeUri, special, type HttpContext } from './http.ts';
import { closeQuietly, type ErrorLog } from './log.ts';
import { setting, type NginxConfig, type Server } from './model.ts';
import { CLOSES_CONNECTION, httpDate, serverHeader, specialPage, statusLine } from './pages.ts';
import { parseRequest } from './parse.ts';
import { expand, type Conn, type Request, type Response } from './request.ts';

export interface Listener {
  fd: number;
  address: string;
  port: number;
}

export interface WorkerSetup {
  conf: NginxConfig;
  log: ErrorLog;
  listeners: Listener[];
  /** The read end of the master's channel. */
  channel: number;
  /** Access log files by path (opened by the master). */
  accessLogs: Map<string, number>;
  /** The connection counter all workers share (nginx keeps it in shared memory). */
  counter: { n: number };
}

interface Client {
  fd: number;
  conn: Conn;
  input: Uint8Array;
  output: Uint8Array[];
  /** Close once the output is written. */
  closing: boolean;
  idleSince: number;
  servers: Server[];
  /** "100 Continue" already sent for the request being read. */
  continued?: boolean;
  /** A run of `serve` is answering this connection's requests. */
  busy?: boolean;
  /** The client has closed its side: answer what was read, then close. */
  eof?: boolean;
}

const SIGUSR1 = 10;
const SIGNAL_NAMES: Record<number, string> = { [SIGHUP]: 'SIGHUP', [SIGINT]: 'SIGINT', [SIGQUIT]: 'SIGQUIT', [SIGTERM]: 'SIGTERM', [SIGUSR1]: 'SIGUSR1' };

/** The server for a request: by the Host header among those listening where the connection came in, else the default one. */
export function selectServer(servers: Server[], host: string, port: number): Server {
  const name = host.toLowerCase();
  const match = (pred: (n: string) => boolean) => servers.find((s) => s.names.some((n) => pred(n.toLowerCase())));
  return (
    match((n) => n === name) ??
    match((n) => (n.startsWith('*.') && name.endsWith(n.slice(1))) || (n.startsWith('.') && (name === n.slice(1) || name.endsWith(n)))) ??
    match((n) => n.endsWith('.*') && name.startsWith(n.slice(0, -1))) ??
    servers.find((s) => s.names.some((n) => n.startsWith('~') && new RegExp(n.slice(1), 'i').test(name))) ??
    servers.find((s) => s.listens.some((l) => l.port === port && l.defaultServer)) ??
    servers[0]!
  );
}

export function workerProgram(setup: WorkerSetup): Program {
  return async (sys) => {
    const { conf } = setup;
    // The worker's own view of the log: the master replaces its files on a reload, not ours.
    const log = setup.log.withSys(sys);
    let quit = false;
    let terminate = false;
    const notices: string[] = [];
    const onSignal = (sig: number) => {
      const action = sig === SIGQUIT ? ', shutting down' : sig === SIGTERM || sig === SIGINT ? ', exiting' : sig === SIGHUP ? ', ignoring' : ', reopening logs';
      notices.push(`signal ${sig} (${SIGNAL_NAMES[sig]}) received${action}`);
      if (sig === SIGQUIT) quit = true;
      if (sig === SIGTERM || sig === SIGINT) terminate = true;
    };
    for (const sig of [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1]) sys.signal(sig, onSignal);
    sys.signal(SIGPIPE, 'ignore');

    if (conf.user && sys.geteuid() === 0) {
      try {
        sys.setgid(conf.user.gid);
        sys.setgroups([conf.user.gid, ...(await readGroups(sys)).filter((g) => g.members.includes(conf.user!.name)).map((g) => g.gid)]);
        sys.setuid(conf.user.uid);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        await log.error('emerg', `setuid(${conf.user.uid}) failed (${errnoNumber(err)}: Operation not permitted)`, { sys });
        return 2;
      }
    }

    const http = conf.http!;
    const ctx: HttpContext = { sys, log, http };
    const clients = new Map<number, Client>();
    let listening = true;
    let exiting = false;

    const close = (c: Client) => {
      clients.delete(c.fd);
      closeQuietly(sys, c.fd);
    };
    const stopListening = () => {
      if (!listening) return;
      listening = false;
      for (const l of setup.listeners) closeQuietly(sys, l.fd);
    };
    const flush = async (c: Client) => {
      while (c.output.length > 0) {
        const chunk = c.output[0]!;
        let n: number;
        try {
          n = await sys.write(c.fd, chunk);
        } catch (err) {
          if (err instanceof FsError && err.code === 'EAGAIN') return;
          if (isProcessControl(err)) throw err;
          close(c);
          return;
        }
        if (n >= chunk.length) c.output.shift();
        else c.output[0] = chunk.subarray(n);
      }
      if (c.closing) close(c);
    };

    const respond = async (c: Client, req: Request, res: Response) => {
      if (res.drop) {
        c.closing = true;
        c.output = [];
        await accessLog(req, res);
        return;
      }
      const scope = req.location ?? req.server;
      if (CLOSES_CONNECTION.has(res.status) || exiting || terminate) req.keepalive = false;
      const headOnly = req.method === 'HEAD' || res.status === 304 || res.status === 204;
      const chunked = res.contentLength === undefined && !headOnly && res.body.length > 0 && req.version === 'HTTP/1.1';
      if (res.contentLength === undefined && !chunked && !headOnly && res.body.length > 0) req.keepalive = false;
      let head = `${statusLine(res.status)}\r\nServer: ${serverHeader(setting(scope, 'serverTokens'))}\r\nDate: ${httpDate(sys.now())}\r\n`;
      if (res.contentType) head += `Content-Type: ${res.contentType}\r\n`;
      if (res.contentLength !== undefined) head += `Content-Length: ${res.contentLength}\r\n`;
      if (res.lastModified !== undefined && (res.status === 200 || res.status === 206 || res.status === 304)) head += `Last-Modified: ${httpDate(res.lastModified)}\r\n`;
      if (res.location !== undefined) head += `Location: ${absoluteLocation(req, res.location)}\r\n`;
      if (chunked) head += 'Transfer-Encoding: chunked\r\n';
      head += `Connection: ${req.keepalive ? 'keep-alive' : 'close'}\r\n`;
      for (const [n, v] of res.headers) head += `${n}: ${v}\r\n`;
      head += '\r\n';
      const body = headOnly ? new Uint8Array(0) : chunked ? concatBytes([utf8(`${res.body.length.toString(16)}\r\n`), res.body, utf8('\r\n0\r\n\r\n')]) : res.body;
      res.bodyBytes = headOnly ? 0 : res.body.length;
      c.output.push(concatBytes([utf8(head), body]));
      if (!req.keepalive) c.closing = true;
      await flush(c);
      await accessLog(req, res);
    };

    /** Location: a relative one becomes absolute, with the Host's name and the port if it is not 80 (absolute_redirect on). */
    const absoluteLocation = (req: Request, location: string): string => {
      const scope = req.location ?? req.server;
      if (!location.startsWith('/') || !setting(scope, 'absoluteRedirect')) return location;
      const host = setting(scope, 'serverNameInRedirect') ? (req.server.names[0] ?? '') : (req.headers.find(([n]) => n.toLowerCase() === 'host')?.[1].replace(/:\d+$/, '') ?? req.server.names[0] ?? '');
      const port = req.conn.local.port;
      return `http://${host}${setting(scope, 'portInRedirect') && port !== 80 ? `:${port}` : ''}${location}`;
    };

    const accessLog = async (req: Request, res: Response) => {
      const logs = setting(req.location ?? req.server, 'accessLogs');
      if (logs === 'off') return;
      for (const target of logs) {
        const fd = setup.accessLogs.get(target.path);
        if (fd === undefined) continue;
        const line = expand(http.logFormats.get(target.format) ?? '', req, res, { dash: true, pid: sys.pid, now: sys.now() });
        try {
          await sys.write(fd, line + '\n');
        } catch (err) {
          if (isProcessControl(err)) throw err;
        }
      }
    };

    /**
     * Answers the complete requests in a connection's input, in order. It
     * runs beside the event loop (a proxied request waits for its upstream
     * without holding up the worker's other connections); `busy` keeps one
     * run per connection and is cleared in the same turn as the last check
     * of the input, so input read meanwhile is never left waiting.
     */
    const serve = async (c: Client) => {
      for (;;) {
        if (c.closing || c.input.length === 0) {
          c.busy = false;
          // The client stopped sending after its (pipelined) requests: all answered, close.
          if (c.eof && !c.closing) {
            c.closing = true;
            await flush(c);
          }
          return;
        }
        const parsed = parseRequest(c.input, setting(http, 'clientMaxBodySize'));
        if (parsed.kind === 'incomplete') {
          c.busy = false;
          // Half a request, and the client has gone: nothing to answer.
          if (c.eof) {
            close(c);
            return;
          }
          // curl waits a second for this before sending a body it announced with "Expect: 100-continue".
          if (parsed.continue && !c.continued) {
            c.continued = true;
            c.output.push(utf8('HTTP/1.1 100 Continue\r\n\r\n'));
            await flush(c);
          }
          return;
        }
        c.continued = false;
        c.conn.requests++;
        const p = parsed.kind === 'request' ? parsed.request : parsed.request;
        const host = p?.headers.find(([n]) => n.toLowerCase() === 'host')?.[1] ?? '';
        const server = selectServer(c.servers, host.replace(/:\d+$/, ''), c.conn.local.port);
        const [path = '', args = ''] = (p?.target ?? '/').replace(/^https?:\/\/[^/]*/i, '').split(/\?(.*)/s);
        const req: Request = {
          method: p?.method ?? '', target: p?.target ?? '', version: p?.version ?? 'HTTP/1.0', headers: p?.headers ?? [], line: p?.line ?? (parsed.kind === 'error' ? parsed.line : ''),
          body: p?.body ?? new Uint8Array(0), conn: c.conn, server, uri: path, args, startMs: sys.now(), vars: new Map(), redirects: 0,
          keepalive: p ? (p.version === 'HTTP/1.1' ? !/close/i.test(p.headers.find(([n]) => n.toLowerCase() === 'connection')?.[1] ?? '') : /keep-alive/i.test(p.headers.find(([n]) => n.toLowerCase() === 'connection')?.[1] ?? '')) : false,
        };
        if (parsed.kind === 'error') {
          if (parsed.status === 413) await log.error('error', `client intended to send too large body: ${p?.headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1]} bytes, client: ${c.conn.remote.address}, server: ${server.names[0] ?? ''}, request: "${req.line}"${host ? `, host: "${host}"` : ''}`, { sys, conn: c.conn.number });
          c.input = new Uint8Array(0);
          req.keepalive = false;
          await respond(c, req, handleError(req, parsed.status));
          return;
        }
        c.input = parsed.rest;
        const uri = normalizeUri(path);
        let res: Response;
        if (uri === undefined) res = handleError(req, 400);
        else {
          req.uri = uri;
          res = await handle(ctx, req);
        }
        await respond(c, req, res);
      }
    };

    const serveSoon = (c: Client) => {
      if (c.busy) return;
      c.busy = true;
      serve(c).catch((err: unknown) => {
        // The worker is ending (or the connection broke): nothing more to answer on it.
        c.busy = false;
        if (!isProcessControl(err) && !(err instanceof FsError)) void log.error('alert', `${String(err)}`, { sys }).catch(() => undefined);
        if (clients.has(c.fd)) close(c);
      });
    };

    /** A refused request still goes through error_page and gets the built-in page. */
    const handleError = (req: Request, status: number): Response => {
      const res = special(status, req.server);
      const page = specialPage(status, setting(req.server, 'serverTokens'), false);
      if (page !== undefined) {
        res.body = utf8(page);
        res.contentLength = res.body.length;
      }
      return res;
    };

    for (const l of setup.listeners) sys.setNonblock(l.fd, true);
    let channelBuf = '';
    for (;;) {
      for (const n of notices.splice(0)) await log.error('notice', n, { sys });
      if ((quit || exiting) && !terminate) {
        if (!exiting) {
          exiting = true;
          await log.error('notice', 'gracefully shutting down', { sys });
          stopListening();
        }
        for (const c of [...clients.values()]) if (!c.busy && c.input.length === 0 && c.output.length === 0) close(c);
        if (clients.size === 0) break;
      }
      if (terminate) break;
      const now = sys.now();
      let timeout = 1000;
      for (const c of clients.values()) {
        const left = c.idleSince + setting(http, 'keepaliveTimeoutMs') - now;
        if (left <= 0 && c.output.length === 0 && !c.busy) close(c);
        else timeout = Math.min(timeout, Math.max(0, left));
      }
      const wanted = [
        { fd: setup.channel, in: true },
        ...(listening ? setup.listeners.map((l) => ({ fd: l.fd, in: true })) : []),
        // A client that has stopped sending is left to its serve run, unless output waits for it.
        ...[...clients.values()].filter((c) => !c.eof || (!c.busy && c.output.length > 0)).map((c) => ({ fd: c.fd, in: !c.closing && !c.eof, out: c.output.length > 0 })),
      ];
      let ready: { fd: number; in: boolean; out: boolean; hup: boolean }[] = [];
      try {
        ready = await sys.poll(wanted, timeout);
      } catch (err) {
        if (!(err instanceof FsError && err.code === 'EINTR')) throw err;
      }
      for (const r of ready) {
        if (r.fd === setup.channel) {
          const d = await sys.read(setup.channel, 64).catch((err: unknown) => {
            if (isProcessControl(err)) throw err;
            return new Uint8Array(0);
          });
          channelBuf += new TextDecoder().decode(d);
          if (d.length === 0 || channelBuf.includes('T')) terminate = true;
          if (channelBuf.includes('Q')) quit = true;
          // Reopening would find the same files (the image's logs are links to stdout and stderr).
          if (channelBuf.includes('R')) await log.error('notice', 'reopening logs', { sys });
          channelBuf = '';
          continue;
        }
        const listener = listening ? setup.listeners.find((l) => l.fd === r.fd) : undefined;
        if (listener) {
          for (;;) {
            let a: { fd: number; peer: { address: string; port: number } };
            try {
              a = await sys.accept(listener.fd);
            } catch (err) {
              if (err instanceof FsError && (err.code === 'EAGAIN' || err.code === 'EINTR' || err.code === 'EINVAL')) break;
              throw err;
            }
            sys.setNonblock(a.fd, true);
            const local = sys.getsockname(a.fd);
            const servers = http.servers.filter((s) => s.listens.some((l) => l.port === listener.port && (l.address === local.address || l.address === '0.0.0.0')));
            const specific = servers.filter((s) => s.listens.some((l) => l.port === listener.port && l.address === local.address));
            const conn: Conn = { number: ++setup.counter.n, remote: a.peer, local, requests: 0, hostname: sys.uname().nodename };
            clients.set(a.fd, { fd: a.fd, conn, input: new Uint8Array(0), output: [], closing: false, idleSince: sys.now(), servers: specific.length > 0 ? specific : servers });
          }
          continue;
        }
        const c = clients.get(r.fd);
        if (!c) continue;
        if (r.in || r.hup) {
          let d: Uint8Array;
          try {
            d = await sys.read(c.fd, 65536);
          } catch (err) {
            if (err instanceof FsError && (err.code === 'EAGAIN' || err.code === 'EINTR')) continue;
            if (isProcessControl(err)) throw err;
            close(c);
            continue;
          }
          if (d.length === 0) {
            // End of the client's input: requests already read are still answered (pipelining).
            if (c.busy) c.eof = true;
            else if (c.input.length > 0) {
              c.eof = true;
              serveSoon(c);
            } else close(c);
            continue;
          }
          c.input = c.input.length ? concatBytes([c.input, d]) : d;
          c.idleSince = sys.now();
          serveSoon(c);
        }
        if (clients.has(r.fd) && r.out) await flush(c);
      }
    }
    for (const c of [...clients.values()]) close(c);
    stopListening();
    await log.error('notice', 'exiting', { sys });
    await log.error('notice', 'exit', { sys });
    return 0;
  };
}
