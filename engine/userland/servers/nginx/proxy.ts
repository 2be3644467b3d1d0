/**
 * proxy_pass: the request goes to the upstream server as HTTP/1.0 with
 * "Host: $proxy_host" and "Connection: close" (nginx's defaults), the
 * client's other headers and body; the upstream's response comes back with
 * nginx's own Server and Date. When the upstream cannot be reached the
 * client gets 502 and the error log says why, as nginx says it:
 *
 *     connect() failed (111: Connection refused) while connecting to upstream, client: …, upstream: "http://127.0.0.1:3000/", host: "…"
 */
import { concatBytes, utf8 } from '../../../common/bytes.ts';
import { FsError, strerror } from '../../../fs/errno.ts';
import { isProcessControl } from '../../../kernel/sys.ts';
import { SocketReader } from '../../lib/net-socket.ts';
import { errnoNumber } from './conf.ts';
import { logRequestError, special, type HttpContext } from './http.ts';
import { setting, type ProxyPass, type Scope } from './model.ts';
import { closeQuietly } from './log.ts';
import { expand, type Request, type Response } from './request.ts';

/** Headers nginx does not pass from the upstream's response (proxy_hide_header's defaults and its own). */
const HIDDEN = new Set(['date', 'server', 'x-pad', 'x-accel-expires', 'x-accel-redirect', 'x-accel-limit-rate', 'x-accel-buffering', 'x-accel-charset', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-type', 'last-modified', 'location']);
/** Client headers nginx does not forward as they are. */
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'te', 'upgrade', 'proxy-connection']);

const READ_TIMEOUT_MS = 60_000;
let roundRobin = 0;

export async function proxy(ctx: HttpContext, req: Request, scope: Scope, pass: ProxyPass): Promise<Response> {
  const { sys } = ctx;
  let address = pass.address;
  let port = pass.port;
  let hostHeader = pass.hostHeader;
  if (pass.upstream) {
    const up = ctx.http.upstreams.get(pass.upstream)!;
    const server = up.servers[roundRobin++ % Math.max(1, up.servers.length)];
    if (!server) return special(502, scope);
    address = server.address;
    port = server.port;
    hostHeader = pass.upstream;
  }
  // With a URI in proxy_pass, it replaces the part of the request's URI the (prefix) location matched.
  let uri: string;
  if (pass.path !== undefined && req.location && !req.location.regex) uri = pass.path + req.uri.slice(req.location.path.length) + (req.args ? `?${req.args}` : '');
  else if (pass.path !== undefined) uri = pass.path;
  else uri = req.uri === decodeURIComponentSafe(req.target.split('?')[0]!) ? req.target : req.uri + (req.args ? `?${req.args}` : '');
  const upstreamUrl = `http://${address}:${port}${uri}`;

  const set = new Map<string, string>([['host', hostHeader], ['connection', 'close']]);
  const extra: [string, string][] = [];
  for (const [name, value] of setting(scope, 'proxySetHeaders')) {
    const v = expand(value.replace(/\$proxy_host/g, hostHeader), req);
    set.set(name.toLowerCase(), v);
    extra.push([name, v]);
  }
  let head = `${req.method} ${uri} HTTP/1.0\r\n`;
  head += `Host: ${set.get('host')}\r\nConnection: ${set.get('connection')}\r\n`;
  for (const [name, v] of extra) if (!['host', 'connection'].includes(name.toLowerCase()) && v !== '') head += `${name}: ${v}\r\n`;
  for (const [name, value] of req.headers) if (!NOT_FORWARDED.has(name.toLowerCase()) && !set.has(name.toLowerCase())) head += `${name}: ${value}\r\n`;
  head += '\r\n';

  const fd = sys.socket('inet', 'stream');
  try {
    try {
      await sys.connect(fd, { family: 'inet', address, port });
    } catch (err) {
      if (isProcessControl(err)) throw err;
      const text = err instanceof FsError ? `(${errnoNumber(err)}: ${strerror(err.code)})` : String(err);
      await logRequestError(ctx, req, 'error', `connect() failed ${text} while connecting to upstream`, upstreamUrl);
      return special(502, scope);
    }
    await sys.write(fd, concatBytes([utf8(head), req.body]));
    const reader = new SocketReader(sys, fd);
    reader.timeoutMs = READ_TIMEOUT_MS;
    const status = await reader.readLine();
    const m = status ? /^HTTP\/\d\.\d\s+(\d{3})/.exec(status.text) : null;
    if (!m) {
      await logRequestError(ctx, req, 'error', 'upstream prematurely closed connection while reading response header from upstream', upstreamUrl);
      return special(502, scope);
    }
    const res: Response = { status: Number(m[1]), headers: [], body: new Uint8Array(0) };
    let length: number | undefined;
    for (;;) {
      const line = await reader.readLine();
      if (!line || line.text === '') break;
      const colon = line.text.indexOf(':');
      if (colon <= 0) continue;
      const name = line.text.slice(0, colon).trim();
      const value = line.text.slice(colon + 1).trim();
      const lower = name.toLowerCase();
      if (lower === 'content-type') res.contentType = value;
      else if (lower === 'content-length') length = Number(value);
      else if (lower === 'last-modified') res.lastModified = Date.parse(value);
      else if (lower === 'location') res.location = value;
      if (!HIDDEN.has(lower)) res.headers.push([name, value]);
    }
    const parts: Uint8Array[] = [];
    let got = 0;
    if (req.method !== 'HEAD') {
      for (;;) {
        if (length !== undefined && got >= length) break;
        const d = await reader.read(65536);
        if (d.length === 0) break;
        parts.push(d);
        got += d.length;
      }
    }
    res.body = concatBytes(parts);
    if (length !== undefined) {
      res.contentLength = length;
      res.body = res.body.subarray(0, length);
    }
    return res;
  } catch (err) {
    if (isProcessControl(err)) throw err;
    const timedOut = err instanceof FsError && err.code === 'ETIMEDOUT';
    await logRequestError(ctx, req, 'error', timedOut ? 'upstream timed out (110: Connection timed out) while reading response header from upstream' : `recv() failed (104: Connection reset by peer) while reading response header from upstream`, upstreamUrl);
    return special(timedOut ? 504 : 502, scope);
  } finally {
    closeQuietly(sys, fd);
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

