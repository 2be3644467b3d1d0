/**
 * curl URL… — the curl program of Alpine's curl package (8.x), for HTTP
 * and HTTPS over Berth's sockets.
 *
 *     curl -s localhost:8080            the body on stdout
 *     curl -fsSL http://web/health      quiet, but errors shown; -f makes 4xx/5xx exit 22
 *     curl -o page.html -w '%{http_code}\n' http://example.com
 *     curl -v -X POST -d a=1 -H 'X-Id: 7' http://api:3000/items
 *
 * The progress meter goes to stderr unless -s, or unless the body itself
 * goes to a terminal. Failures are curl's: "curl: (6) Could not resolve
 * host: x", "curl: (7) Failed to connect to localhost port 80 after 0 ms:
 * Couldn't connect to server", "curl: (22) The requested URL returned
 * error: 404".
 *
 * HTTPS: the emulator does no TLS. The simulated servers speak plain HTTP
 * on port 443 as well, so https:// URLs are requested in plain HTTP on
 * port 443 and curl otherwise behaves as if the handshake had succeeded
 * (-v shows no TLS lines).
 */
import { concatBytes, fromUtf8, utf8 } from '../../../common/bytes.ts';
import { strerror } from '../../../fs/errno.ts';
import { isProcessControl, type Program, type Sys } from '../../../kernel/sys.ts';
import { stdio, type Output } from '../../lib/io.ts';
import { base64, header, HttpError, openHttp, readBody, readHead, type HttpConnection, type HttpHead } from '../../lib/net-http.ts';
import { hostAddress } from '../../lib/net-names.ts';
import { errnoOf, readText } from '../../lib/net-socket.ts';
import { Meter } from './meter.ts';
import { parseArgs, type CurlOptions } from './options.ts';
import { writeOut, type Transfer } from './write-out.ts';

export const CURL_VERSION = '8.10.1';

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

const HELP = `Usage: curl [options...] <url>
 -d, --data <data>           HTTP POST data
 -f, --fail                  Fail fast with no output on HTTP errors
 -h, --help <subject>        Get help for commands
 -i, --include               Include response headers in output
 -o, --output <file>         Write to file instead of stdout
 -O, --remote-name           Write output to file named as remote file
 -s, --silent                Silent mode
 -T, --upload-file <file>    Transfer local FILE to destination
 -u, --user <user:password>  Server user and password
 -A, --user-agent <name>     Send User-Agent <name> to server
 -v, --verbose               Make the operation more talkative
 -V, --version               Show version number and quit

This is not the full help; this menu is split into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;

const VERSION = `curl ${CURL_VERSION} (x86_64-alpine-linux-musl) libcurl/${CURL_VERSION} OpenSSL/3.3.2 zlib/1.3.1 brotli/1.1.0 c-ares/1.33.1 libidn2/2.3.7 libpsl/0.21.5 nghttp2/1.62.1
Release-Date: 2024-09-18
Protocols: dict file ftp ftps gopher gophers http https imap imaps ipfs ipns mqtt pop3 pop3s rtsp smb smbs smtp smtps telnet tftp ws wss
Features: alt-svc AsynchDNS brotli HSTS HTTP2 HTTPS-proxy IDN IPv6 Largefile libz NTLM PSL SSL threadsafe TLS-SRP UnixSockets
`;

/** A failed transfer: curl's exit code and message. */
class CurlError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Url {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path and query, as sent ("/a?b=1"). */
  target: string;
  user?: string;
  text: string;
}

/** Parses a URL the way curl's URL API does for http(s); curl guesses http:// when there is no scheme. */
export function parseUrl(input: string): Url {
  let text = input;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(text);
  let scheme = m ? m[1]!.toLowerCase() : 'http';
  if (!m) text = `http://${text}`;
  if (scheme !== 'http' && scheme !== 'https') throw new CurlError(1, `Protocol "${scheme}" not supported`);
  let rest = text.slice(text.indexOf('://') + 3);
  const end = rest.search(/[/?#]/);
  let authority = end < 0 ? rest : rest.slice(0, end);
  rest = end < 0 ? '' : rest.slice(end);
  let user: string | undefined;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    user = decodeURIComponent(authority.slice(0, at));
    authority = authority.slice(at + 1);
  }
  let host = authority;
  let port = scheme === 'https' ? 443 : 80;
  const colon = authority.lastIndexOf(':');
  if (colon >= 0 && !authority.endsWith(']')) {
    host = authority.slice(0, colon);
    const p = authority.slice(colon + 1);
    if (p !== '') {
      if (!/^\d+$/.test(p) || Number(p) > 65535) throw new CurlError(3, 'URL rejected: Port number was not a decimal number between 0 and 65535');
      port = Number(p);
    }
  }
  if (host === '') throw new CurlError(3, 'URL rejected: No host part in the URL');
  let target = rest.replace(/#.*$/, '');
  if (!target.startsWith('/')) target = '/' + target;
  target = target.replace(/ /g, '%20');
  const normal = `${scheme}://${authority.toLowerCase()}${target}`;
  return { scheme: scheme as 'http' | 'https', host: host.toLowerCase(), port, target, user, text: normal };
}

/** A Location header against the URL it came from. */
function resolveLocation(base: Url, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return location;
  const origin = `${base.scheme}://${base.host}${base.port === (base.scheme === 'https' ? 443 : 80) ? '' : `:${base.port}`}`;
  if (location.startsWith('//')) return `${base.scheme}:${location}`;
  if (location.startsWith('/')) return origin + location;
  const dir = base.target.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  return origin + dir + location;
}

interface Context {
  sys: Sys;
  o: CurlOptions;
  out: Output;
  err: Output;
  stderrTty: boolean;
  connections: number;
}

async function readData(ctx: Context): Promise<Uint8Array | undefined> {
  if (!ctx.o.hasData) return undefined;
  const parts: string[] = [];
  for (const d of ctx.o.data) {
    if (!d.startsWith('\0file:')) {
      parts.push(d);
      continue;
    }
    const [, path, mode] = /^\0file:(.*):(strip|raw)$/.exec(d)!;
    const text = path === '-' ? fromUtf8(await readAllStdin(ctx.sys)) : await readText(ctx.sys, path!);
    if (text === undefined) {
      await ctx.err.write(`Warning: Couldn't read data from file "${path}", this makes an empty\nWarning: POST.\n`);
      parts.push('');
    } else parts.push(mode === 'strip' ? text.replace(/[\r\n]/g, '') : text);
  }
  return utf8(parts.join('&'));
}

async function readAllStdin(sys: Sys): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const d = await sys.read(0);
    if (d.length === 0) return concatBytes(parts);
    parts.push(d);
  }
}

/** One URL, redirects included. Fills `t` as it goes (for -w) and throws CurlError on failure. */
async function transfer(ctx: Context, url: string, index: number, t: Transfer, meter: Meter): Promise<void> {
  const { sys, o } = ctx;
  const verbose = async (text: string) => {
    if (o.verbose) await ctx.err.write(text);
  };
  let body = await readData(ctx);
  let method = o.request ?? (o.head ? 'HEAD' : body !== undefined && !o.get ? 'POST' : 'GET');
  let current = url;
  if (o.get && body !== undefined) {
    current += (current.includes('?') ? '&' : '?') + fromUtf8(body);
    body = undefined;
  }
  let outputFd: number | undefined;
  const outName = o.output[index] ?? (o.remoteName[index] || o.remoteNameAll ? '' : undefined);

  for (;;) {
    const u = parseUrl(current);
    t.url = u.text;
    t.scheme = u.scheme.toUpperCase();
    t.method = method;
    const numeric = /^\d+\.\d+\.\d+\.\d+$/.test(u.host);
    const r = await hostAddress(sys, u.host);
    if ('error' in r) {
      await verbose(`* Could not resolve host: ${u.host}\n* closing connection #${ctx.connections}\n`);
      throw new CurlError(6, `Could not resolve host: ${u.host}`);
    }
    const address = r.address;
    t.timeNamelookup = (sys.now() - t.start) / 1000;
    if (!numeric) await verbose(`* Host ${u.host}:${u.port} was resolved.\n* IPv6: (none)\n* IPv4: ${address}\n`);
    await verbose(`*   Trying ${address}:${u.port}...\n`);
    let conn: HttpConnection;
    try {
      conn = await openHttp(sys, address, u.port);
    } catch (err) {
      const code = errnoOf(err);
      const ms = Math.round(sys.now() - t.start);
      if (code === 'ECONNREFUSED') await verbose(`* connect to ${address} port ${u.port} from 0.0.0.0 port 0 failed: ${strerror(code)}\n`);
      else await verbose(`* Immediate connect fail for ${address}: ${strerror(code)}\n`);
      await verbose(`* Failed to connect to ${u.host} port ${u.port} after ${ms} ms: Couldn't connect to server\n* closing connection #${ctx.connections}\n`);
      await meter.done();
      throw new CurlError(7, `Failed to connect to ${u.host} port ${u.port} after ${ms} ms: Couldn't connect to server`);
    }
    const local = sys.getsockname(conn.fd);
    Object.assign(t, { remoteIp: address, remotePort: u.port, localIp: local.address, localPort: local.port, timeConnect: (sys.now() - t.start) / 1000 });
    await verbose(`* Connected to ${u.host} (${address}) port ${u.port}\n* using HTTP/1.x\n`);
    if (o.maxTime !== undefined) conn.reader.timeoutMs = Math.max(1, o.maxTime * 1000 - (sys.now() - t.start));

    // The request.
    const defaultPort = u.port === (u.scheme === 'https' ? 443 : 80);
    const headers: [string, string][] = [
      ['Host', defaultPort ? u.host : `${u.host}:${u.port}`],
      ['User-Agent', o.userAgent ?? `curl/${CURL_VERSION}`],
      ['Accept', '*/*'],
    ];
    const auth = o.user ?? u.user;
    if (auth !== undefined) headers.splice(1, 0, ['Authorization', `Basic ${base64(auth.includes(':') ? auth : `${auth}:`)}`]);
    if (o.referer !== undefined) headers.push(['Referer', o.referer]);
    if (body !== undefined && method !== 'GET' && method !== 'HEAD') {
      headers.push(['Content-Length', String(body.length)]);
      headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    }
    for (const h of o.headers) {
      const colon = h.search(/[:;]/);
      if (colon <= 0) continue;
      const name = h.slice(0, colon).trim();
      const value = h.slice(colon + 1).trim();
      const i = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
      if (h[colon] === ':' && value === '') {
        if (i >= 0) headers.splice(i, 1); // "Accept:" removes curl's own
        continue;
      }
      if (i >= 0 && i < 3 + (auth !== undefined ? 1 : 0)) headers[i] = [name, value];
      else if (i >= 0) headers[i] = [name, value];
      else headers.push([name, value]);
    }
    const head = `${method} ${u.target} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
    await verbose(head.split('\r\n').slice(0, -1).map((l) => `> ${l}\n`).join(''));
    const sendBody = body !== undefined && method !== 'GET' && method !== 'HEAD' ? body : undefined;
    try {
      await sys.write(conn.fd, sendBody ? concatBytes([utf8(head), sendBody]) : head);
    } catch (err) {
      errnoOf(err);
      throw new CurlError(55, 'Failed sending data to the peer');
    }
    t.sizeRequest += utf8(head).length;
    if (sendBody) {
      meter.sizeUl = sendBody.length;
      meter.uploaded = sendBody.length;
      t.sizeUpload += sendBody.length;
      await verbose(`* upload completely sent off: ${sendBody.length} bytes\n`);
    } else await verbose('* Request completely sent off\n');

    // The response head (1xx ones skipped).
    let res: HttpHead | null;
    try {
      do res = await readHead(conn.reader);
      while (res && res.status >= 100 && res.status < 200);
    } catch (err) {
      if (errnoOf(err) === 'ETIMEDOUT') throw new CurlError(28, `Operation timed out after ${Math.round(sys.now() - t.start)} milliseconds with 0 bytes received`);
      throw new CurlError(56, `Recv failure: ${strerror(errnoOf(err))}`);
    }
    if (!res || res.statusLine === '') {
      await verbose(`* Empty reply from server\n* shutting down connection #${ctx.connections}\n`);
      throw new CurlError(52, 'Empty reply from server');
    }
    t.timeStarttransfer = (sys.now() - t.start) / 1000;
    t.httpCode = res.status;
    t.httpVersion = res.version.replace('HTTP/', '');
    t.contentType = header(res, 'content-type');
    t.headers = res.headers;
    const rawHead = `${res.statusLine}\r\n${res.lines.map((l) => `${l}\r\n`).join('')}\r\n`;
    t.sizeHeader += utf8(rawHead).length;
    if (res.version === 'HTTP/1.0') await verbose('* HTTP 1.0, assume close after body\n');
    await verbose(`< ${res.statusLine}\n${res.lines.map((l) => `< ${l}\n`).join('')}< \n`);
    const length = header(res, 'content-length');
    if (length !== undefined && /^\d+$/.test(length)) meter.sizeDl = Number(length);

    const location = header(res, 'location');
    const redirect = o.location && location !== undefined && [301, 302, 303, 307, 308].includes(res.status);
    if (location !== undefined && [301, 302, 303, 307, 308].includes(res.status)) t.redirectUrl = resolveLocation(u, location);
    const failing = (o.fail || o.failWithBody) && res.status >= 400;
    if (failing && !o.failWithBody) {
      sys.close(conn.fd);
      await verbose(`* The requested URL returned error: ${res.status}\n* closing connection #${ctx.connections}\n`);
      await meter.done();
      throw new CurlError(22, `The requested URL returned error: ${res.status}`);
    }

    // Headers and body to the output (a redirect's body is read and dropped).
    const openOutput = async (): Promise<number> => {
      if (outputFd !== undefined) return outputFd;
      if (outName === undefined) return (outputFd = 1);
      let name = outName;
      if (name === '') {
        name = u.target.replace(/[?#].*$/, '').replace(/.*\//, '');
        if (name === '') throw new CurlError(23, 'Remote file name has no length');
      }
      if (name === '-') return (outputFd = 1);
      try {
        outputFd = sys.open(name, { read: false, write: true, create: true, truncate: true }, 0o666);
      } catch (err) {
        await ctx.err.write(`Warning: Failed to open the file ${name}: ${strerror(errnoOf(err))}\n`);
        throw new CurlError(23, 'Failure writing output to destination');
      }
      return outputFd;
    };
    const emit = async (data: Uint8Array) => {
      const fd = await openOutput();
      try {
        if (fd === 1) await ctx.out.write(data);
        else await sys.write(fd, data);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        throw new CurlError(23, 'Failure writing output to destination');
      }
    };
    if (o.include || o.head) await emit(utf8(rawHead));
    const frame = frameOf(res, method);
    try {
      for await (const chunk of bodyOf(conn, frame)) {
        meter.downloaded += chunk.length;
        t.sizeDownload += chunk.length;
        if (!redirect) {
          if (o.verbose && !ctx.stderrTty) await ctx.err.write(`{ [${chunk.length} bytes data]\n`);
          await emit(chunk);
        }
        await meter.update();
      }
    } catch (err) {
      if (err instanceof HttpError) {
        const left = frame.kind === 'length' ? frame.length - t.sizeDownload : 0;
        await meter.done();
        throw new CurlError(18, left > 0 ? `transfer closed with ${left} bytes remaining to read` : 'transfer closed with outstanding read data remaining');
      }
      if (err instanceof CurlError) throw err;
      if (errnoOf(err) === 'ETIMEDOUT') {
        await meter.done();
        throw new CurlError(28, `Operation timed out after ${Math.round(sys.now() - t.start)} milliseconds with ${t.sizeDownload} bytes received`);
      }
      throw new CurlError(56, `Recv failure: ${strerror(errnoOf(err))}`);
    }
    sys.close(conn.fd);
    const keep = res.version === 'HTTP/1.1' && !/close/i.test(header(res, 'connection') ?? '');
    const closing = keep ? `* Connection #${ctx.connections} to host ${u.host} left intact\n` : `* shutting down connection #${ctx.connections}\n`;
    ctx.connections++;

    if (!redirect) {
      if (outputFd === undefined && outName !== undefined && outName !== '-') await openOutput(); // even for an empty body
      if (outputFd !== undefined && outputFd !== 1) sys.close(outputFd);
      await meter.done();
      await verbose(closing);
      if (failing) throw new CurlError(22, `The requested URL returned error: ${res.status}`);
      return;
    }
    await verbose(closing);
    if (t.numRedirects >= o.maxRedirs) {
      await meter.done();
      throw new CurlError(47, `Maximum (${o.maxRedirs}) redirects followed`);
    }
    t.numRedirects++;
    current = t.redirectUrl!;
    await verbose(`* Issue another request to this URL: '${current}'\n`);
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST' && o.request === undefined)) {
      if (method !== 'HEAD') method = 'GET';
      body = undefined;
      meter.sizeUl = undefined;
    }
    meter.sizeDl = undefined;
  }
}

function frameOf(res: HttpHead, method: string) {
  if (method === 'HEAD' || res.status === 204 || res.status === 304) return { kind: 'none' as const };
  if (/chunked/i.test(header(res, 'transfer-encoding') ?? '')) return { kind: 'chunked' as const };
  const length = header(res, 'content-length');
  if (length !== undefined && /^\d+$/.test(length)) return { kind: 'length' as const, length: Number(length) };
  return { kind: 'close' as const };
}

function bodyOf(conn: HttpConnection, frame: ReturnType<typeof frameOf>): AsyncIterable<Uint8Array> {
  return readBody(conn.reader, frame);
}

export const curl: Program = async (sys) => {
  const { out, err } = stdio(sys);
  const args = sys.argv.slice(1);
  const finish = async (code: number) => {
    await out.flush();
    return code;
  };
  if (args.length === 0) {
    await err.write(TRY_HELP);
    return 2;
  }
  const parsed = parseArgs(args);
  if (!parsed.ok) {
    await err.write(`curl: ${parsed.message}\n${TRY_HELP}`);
    return 2;
  }
  const o = parsed.options;
  if (o.showHelp) {
    await out.write(HELP);
    return finish(0);
  }
  if (o.showVersion) {
    await out.write(VERSION);
    return finish(0);
  }
  if (o.urls.length === 0) {
    await err.write(`curl: no URL specified\n${TRY_HELP}`);
    return 2;
  }
  const ctx: Context = { sys, o, out, err, stderrTty: sys.isatty(2), connections: 0 };
  let status = 0;
  for (let i = 0; i < o.urls.length; i++) {
    const toStdout = o.output[i] === undefined && !(o.remoteName[i] || o.remoteNameAll);
    const hidden = o.silent || o.noProgressMeter || (toStdout && sys.isatty(1));
    const meter = new Meter(() => sys.now(), sys.now(), (text) => err.write(text), hidden);
    const t: Transfer = { start: sys.now(), url: o.urls[i]!, httpCode: 0, sizeDownload: 0, sizeUpload: 0, sizeHeader: 0, sizeRequest: 0, numRedirects: 0, exitcode: 0 };
    let code = 0;
    try {
      await meter.update();
      await transfer(ctx, o.urls[i]!, i, t, meter);
    } catch (e) {
      if (!(e instanceof CurlError)) throw e;
      code = e.code;
      t.exitcode = code;
      t.errormsg = e.message;
      if (!o.silent || o.showError) {
        await out.flush();
        await err.write(`curl: (${code}) ${e.message}\n`);
      }
    }
    t.timeTotal = (sys.now() - t.start) / 1000;
    if (o.writeOut !== undefined) {
      const text = writeOut(o.writeOut, t);
      await out.write(text.stdout);
      if (text.stderr) await err.write(text.stderr);
    }
    if (code) status = code;
  }
  return finish(status);
};
