/**
 * wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR] [--post-data STR | --post-file FILE]
 *      [-Y on/off] [-P DIR] [-U AGENT] [-T SEC] URL...
 *
 * Busybox's wget (networking/wget.c) over Berth's sockets: one HTTP/1.1
 * request per URL with "Connection: close", redirects followed (16 at
 * most), the body saved with libbb's progress bar on stderr. Messages,
 * their order and exit codes are busybox's: "Connecting to host (ip:port)",
 * "saving to 'index.html'", "wget: server returned error: HTTP/1.1 404 Not
 * Found", "wget: bad address 'x'", "wget: can't connect to remote host
 * (ip): Connection refused".
 *
 * https:// URLs go to port 443. Alpine's wget hands TLS to ssl_client; the
 * emulator does no TLS, and the simulated servers speak plain HTTP on 443,
 * so this wget does too and otherwise behaves as if the handshake worked.
 * ftp:// is parsed as busybox parses it but only the greeting is read.
 */
import { fromUtf8, utf8 } from '../../common/bytes.ts';
import { strerror } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { base64, HttpError, openHttp, percentDecode, type HttpConnection } from '../lib/net-http.ts';
import { hostAddress } from '../lib/net-names.ts';
import { ProgressBar, terminalWidth } from '../lib/net-progress.ts';
import { errnoOf, type SocketReader } from '../lib/net-socket.ts';
import { parseOptions, type LongOptions } from '../lib/system-getopt.ts';
import { xatoulRangeSfx } from '../lib/system-format.ts';
import { readAll, readFile } from '../lib/io.ts';

const USAGE = `Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	--post-data STR	Send STR using POST method
	--post-file FILE	Send FILE using POST method
	--no-check-certificate	Don't validate the server's certificate
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy`;

// Long options without a short letter get private ones, as busybox's "\xff"…
const HEADER = '\u00ff';
const POST_DATA = '\u00fe';
const SPIDER = '\u00fd';
const NO_CHECK_CERT = '\u00fc';
const POST_FILE = '\u00fb';
const IGNORED = '\u00f0';

const LONG: LongOptions = {
  continue: ['c', 0],
  quiet: ['q', 0],
  'server-response': ['S', 0],
  'output-document': ['O', 1],
  'output-file': ['o', 1],
  'directory-prefix': ['P', 1],
  proxy: ['Y', 1],
  'user-agent': ['U', 1],
  timeout: ['T', 1],
  tries: ['t', 1],
  header: [HEADER, 1],
  'post-data': [POST_DATA, 1],
  spider: [SPIDER, 0],
  'no-check-certificate': [NO_CHECK_CERT, 0],
  'post-file': [POST_FILE, 1],
  'passive-ftp': [IGNORED, 0],
  'no-cache': [IGNORED, 0],
  'no-verbose': [IGNORED, 0],
  'no-clobber': [IGNORED, 0],
  'no-host-directories': [IGNORED, 0],
  'no-parent': [IGNORED, 0],
};

interface HostInfo {
  protocol: 'http' | 'https' | 'ftp' | 'ftps';
  /** As written in the URL, with ":port" if it had one. */
  host: string;
  port: number;
  path: string;
  user?: string;
}

/** wget.c's parse_url, including its quirks ("http://h?x" asks for "/x"). */
function parseUrl(src: string, previousUser?: string): HostInfo {
  let protocol: HostInfo['protocol'] = 'http';
  let port = 80;
  let rest = src;
  const sep = src.indexOf('://');
  if (sep >= 0) {
    const scheme = src.slice(0, sep);
    rest = src.slice(sep + 3);
    if (scheme === 'ftp') [protocol, port] = ['ftp', 21];
    else if (scheme === 'ftps') [protocol, port] = ['ftps', 990];
    else if (scheme === 'https') [protocol, port] = ['https', 443];
    else if (scheme !== 'http') fail(`not an http or ftp url: ${src}`);
  }
  let cut = -1;
  for (const c of ['/', '?', '#']) {
    const i = rest.indexOf(c);
    if (i >= 0 && (cut < 0 || i < cut)) cut = i;
  }
  let host = cut < 0 ? rest : rest.slice(0, cut);
  const path = cut < 0 ? '' : rest.slice(cut + 1);
  let user = previousUser;
  const at = host.lastIndexOf('@');
  if (at >= 0) {
    user = percentDecode(host.slice(0, at));
    host = host.slice(at + 1);
  }
  return { protocol, host, port, path, user };
}

/** bb_get_last_path_component_nostrip */
function lastComponent(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0 || (slash === 0 && path.length === 1)) return path;
  return path.slice(slash + 1);
}

interface Options {
  quiet: boolean;
  serverResponse: boolean;
  spider: boolean;
  continue: boolean;
  outName?: string;
  dirPrefix?: string;
  proxy: string;
  userAgent: string;
  timeoutSec: number;
  extraHeaders: string;
  userHeaders: Set<string>;
  postData?: string;
  postFile?: string;
  logging: boolean;
}

class Wget {
  private outputFd = -1;
  private readonly tty: boolean;

  constructor(
    private readonly ctx: AppletContext,
    private readonly o: Options,
  ) {
    this.tty = ctx.sys.isatty(2);
  }

  private get sys(): Sys {
    return this.ctx.sys;
  }

  private async say(text: string): Promise<void> {
    await this.ctx.err.write(text);
  }

  /** libbb's str2sockaddr for "host[:port]", then getaddrinfo: dies with busybox's messages. */
  private async resolve(hostPort: string, defaultPort: number): Promise<{ address: string; port: number }> {
    let host = hostPort;
    let port = defaultPort;
    const colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && hostPort.indexOf(':') === colon) {
      host = hostPort.slice(0, colon);
      const p = hostPort.slice(colon + 1);
      if (!/^\d+$/.test(p) || Number(p) > 65535) fail(`bad port '${p}'`);
      port = Number(p);
    }
    const r = await hostAddress(this.sys, host);
    if ('error' in r) fail(`bad address '${hostPort}'`);
    return { address: (r as { address: string }).address, port };
  }

  private async connect(address: string, port: number): Promise<HttpConnection> {
    try {
      const conn = await openHttp(this.sys, address, port);
      conn.reader.timeoutMs = this.o.timeoutSec ? this.o.timeoutSec * 1000 : undefined;
      return conn;
    } catch (err) {
      return fail(`can't connect to remote host (${address}): ${strerror(errnoOf(err))}`);
    }
  }

  /** fgets_trim_sanitize: one line, cut at the first control character; printed with -S. */
  private async line(reader: SocketReader, show: boolean): Promise<string> {
    let l;
    try {
      l = await reader.readLine(16384);
    } catch (err) {
      if (errnoOf(err) === 'ETIMEDOUT') fail('download timed out');
      return fail(`error getting response: ${strerror(errnoOf(err))}`);
    }
    if (l === null) fail('error getting response');
    const text = l!.text.replace(/\t/g, ' ').replace(/[\x00-\x1f].*$/s, '');
    if (show && this.o.serverResponse) await this.say(`  ${text}\n`);
    return text;
  }

  /** get_sanitized_hdr: [lowercased name, value], or null at the empty line. */
  private async headerLine(reader: SocketReader): Promise<[string, string] | null> {
    const text = await this.line(reader, true);
    if (text === '') return null;
    const m = /^([A-Za-z0-9._-]*)/.exec(text)!;
    if (text[m[1]!.length] !== ':') fail(`bad header line: ${text}`);
    return [m[1]!.toLowerCase(), text.slice(m[1]!.length + 1).replace(/^[ \t]+/, '').replace(/[ \t]+$/, '')];
  }

  async download(url: string): Promise<void> {
    const { sys, o } = this;
    let target = parseUrl(url);
    let server: HostInfo = { ...target };
    let useProxy = o.proxy !== 'off';
    if (useProxy) {
      const proxy = this.ctx.getenv(target.protocol[0] === 'f' ? 'ftp_proxy' : 'http_proxy');
      useProxy = !!proxy;
      if (proxy) server = parseUrl(proxy);
    }
    let fname = o.outName ?? '';
    if (o.outName === undefined) {
      fname = lastComponent(target.path);
      if (fname === '' || fname.startsWith('/')) fname = 'index.html';
      if (o.dirPrefix !== undefined) fname = o.dirPrefix.endsWith('/') ? o.dirPrefix + fname : `${o.dirPrefix}/${fname}`;
    }
    const curfile = lastComponent(fname);
    let begRange = 0;
    if (o.continue && this.outputFd < 0) {
      try {
        this.outputFd = sys.open(fname, { read: false, write: true });
        begRange = sys.lseek(this.outputFd, 0, 2);
      } catch (err) {
        errnoOf(err);
      }
    }

    let redirLimit = 16;
    let lsa = await this.resolveAndSay(server);
    for (;;) {
      if (!useProxy && target.protocol[0] === 'f') {
        await this.ftp(lsa);
        return;
      }
      const conn = await this.connect(lsa.address, lsa.port);
      const ua = o.userHeaders.has('user-agent:') ? '' : `User-Agent: ${o.userAgent}\r\n`;
      let req = useProxy ? `GET ${target.protocol}://${target.host}/${target.path} HTTP/1.1\r\n` : `${o.postData !== undefined || o.postFile !== undefined ? 'POST' : 'GET'} /${target.path} HTTP/1.1\r\n`;
      if (!o.userHeaders.has('host:')) req += `Host: ${target.host}\r\n`;
      req += ua;
      req += 'Connection: close\r\n';
      if (target.user && !o.userHeaders.has('authorization:')) req += `Authorization: Basic ${base64(target.user)}\r\n`;
      if (useProxy && server.user && !o.userHeaders.has('proxy-authorization:')) req += `Proxy-Authorization: Basic ${base64(server.user)}\r\n`;
      if (begRange !== 0 && !o.userHeaders.has('range:')) req += `Range: bytes=${begRange}-\r\n`;
      req += o.extraHeaders;
      let post = o.postData;
      if (o.postFile !== undefined) post = fromUtf8(o.postFile === '-' ? await readAll(sys, 0) : await this.readPostFile(o.postFile));
      if (post !== undefined) {
        if (!o.userHeaders.has('content-type:')) req += 'Content-Type: application/x-www-form-urlencoded\r\n';
        req += `Content-Length: ${utf8(post).length}\r\n\r\n${post}`;
      } else req += '\r\n';
      await this.send(conn, req);
      if (target.protocol === 'https') sys.shutdown(conn.fd, 'write');

      // The status line (100 Continue and friends are skipped).
      let status: number;
      let statusLine: string;
      for (;;) {
        statusLine = await this.line(conn.reader, true);
        status = parseInt(statusLine.replace(/^\S*\s*/, ''), 10) || 0;
        if (status !== 0 && status !== 100) break;
        while ((await this.headerLine(conn.reader)) !== null);
      }
      if ([200, 201, 202, 203, 204].includes(status)) {
        if (begRange !== 0) {
          await this.say('wget: restart failed\n');
          begRange = 0;
          sys.lseek(this.outputFd, 0, 0);
        }
      } else if (![300, 301, 302, 303, 307, 308].includes(status) && !(status === 206 && begRange !== 0)) {
        fail(`server returned error: ${statusLine}`);
      }

      let contentLength: number | undefined;
      let chunked = false;
      let redirected: string | undefined;
      for (let h = await this.headerLine(conn.reader); h !== null; h = await this.headerLine(conn.reader)) {
        const [name, value] = h;
        if (name === 'content-length') {
          if (!/^\d+$/.test(value)) fail(`content-length ${value} is garbage`);
          contentLength = Number(value);
          continue;
        }
        if (name === 'transfer-encoding') {
          if (value.toLowerCase() !== 'chunked') fail(`transfer encoding '${value}' is not supported`);
          chunked = true;
        }
        if (name === 'location' && status >= 300) {
          if (--redirLimit === 0) fail('too many redirections');
          redirected = value;
          break;
        }
      }
      if (redirected !== undefined) {
        sys.close(conn.fd);
        if (redirected.startsWith('/')) {
          target = { ...target, path: redirected.slice(1) };
        } else {
          target = parseUrl(redirected, target.user);
          if (!useProxy) {
            server = { ...target };
            lsa = await this.resolveAndSay(server);
          }
        }
        continue;
      }

      if (!o.spider) {
        if (this.outputFd < 0) this.outputFd = this.openOutput(fname);
        await this.retrieve(conn.reader, fname, curfile, { begRange, contentLength, chunked });
        if (o.outName === undefined) {
          sys.close(this.outputFd);
          this.outputFd = -1;
        }
      } else if (!o.quiet) {
        await this.say('remote file exists\n');
      }
      sys.close(conn.fd);
      return;
    }
  }

  private async readPostFile(path: string): Promise<Uint8Array> {
    try {
      return await readFile(this.sys, path);
    } catch (err) {
      return fail(`can't open '${path}': ${strerror(errnoOf(err))}`);
    }
  }

  private async send(conn: HttpConnection, text: string): Promise<void> {
    try {
      await this.sys.write(conn.fd, text);
    } catch (err) {
      errnoOf(err);
    }
  }

  private async resolveAndSay(server: HostInfo): Promise<{ address: string; port: number }> {
    const lsa = await this.resolve(server.host, server.port);
    if (!this.o.quiet) await this.say(`Connecting to ${server.host} (${lsa.address}:${lsa.port})\n`);
    return lsa;
  }

  /** FTP is not spoken by the simulated servers: the greeting decides. */
  private async ftp(lsa: { address: string; port: number }): Promise<void> {
    const conn = await this.connect(lsa.address, lsa.port);
    let text: string;
    do text = await this.line(conn.reader, true);
    while (!/^\d{3} /.test(text));
    fail(text.startsWith('220') ? `ftp login: ${text}` : text);
  }

  private openOutput(fname: string): number {
    if (fname === '-') return 1;
    try {
      const exclusive = this.o.outName === undefined;
      return this.sys.open(fname, { read: false, write: true, create: true, truncate: true, exclusive }, 0o666);
    } catch (err) {
      return fail(`can't open '${fname}': ${strerror(errnoOf(err))}`);
    }
  }

  private async retrieve(reader: SocketReader, fname: string, curfile: string, r: { begRange: number; contentLength?: number; chunked: boolean }): Promise<void> {
    const { sys, o } = this;
    const toStdout = this.outputFd === 1;
    if (!o.quiet) await this.say(toStdout ? 'writing to stdout\n' : `saving to '${fname}'\n`);
    const showBar = !o.quiet && !o.logging;
    const bar = showBar ? new ProgressBar(sys, curfile, terminalWidth(sys, 2, this.ctx.getenv('COLUMNS'))) : undefined;
    let transferred = 0;
    let contentLen = r.contentLength ?? 0;
    let gotClen = r.contentLength !== undefined;
    const draw = async (chunked: boolean, clen: boolean) => {
      const text = bar?.update(r.begRange, transferred, chunked || !clen ? 0 : r.begRange + transferred + contentLen, this.tty);
      if (text !== undefined) await this.say(text);
      return text;
    };
    await draw(r.chunked, gotClen);

    const pump = async (limit: number | undefined) => {
      // Reads until `limit` bytes (or end-of-file when undefined), a second at a time for the bar.
      let idle = o.timeoutSec;
      while (limit === undefined || limit > 0) {
        if (!(await reader.waitReadable(1000))) {
          if (idle !== 0 && --idle === 0) {
            await this.endBar(() => draw(r.chunked, gotClen));
            fail('download timed out');
          }
          await draw(r.chunked, gotClen);
          continue;
        }
        const d = await reader.read(limit === undefined ? 16384 : Math.min(limit, 16384));
        if (d.length === 0) return;
        await sys.write(this.outputFd, d);
        transferred += d.length;
        if (limit !== undefined) limit -= d.length;
        if (gotClen) contentLen -= d.length;
        // The read that completes a known length is not drawn: the final bar follows.
        if (limit === 0) return;
        idle = o.timeoutSec;
        await draw(r.chunked, gotClen);
      }
    };

    try {
      if (!r.chunked) await pump(gotClen ? contentLen : undefined);
      else {
        for (;;) {
          const sizeLine = (await reader.readLine())?.text ?? '';
          const size = parseInt(sizeLine, 16);
          if (!Number.isFinite(size) || size < 0) fail(`bad chunk length '${sizeLine}'`);
          if (size === 0) {
            contentLen = 0;
            break;
          }
          contentLen = size;
          gotClen = true;
          await pump(size);
          if (contentLen !== 0) break;
          await reader.readLine(); // the CRLF after each chunk
        }
      }
    } catch (err) {
      if (err instanceof HttpError) fail(err.message);
      if (errnoOf(err) === 'ETIMEDOUT') fail('download timed out');
      fail(`read error: ${strerror(errnoOf(err))}`);
    }
    // The full bar, even for a body of unknown size.
    r.chunked = false;
    gotClen = true;
    await this.endBar(() => draw(false, true));
    if (contentLen !== 0) fail('connection closed prematurely');
    if (!toStdout) {
      // A failed -c restart wrote from the start: cut what is left of the old file (errors ignored, as in C).
      try {
        sys.ftruncate(this.outputFd, sys.lseek(this.outputFd, 0, 1));
      } catch (err) {
        errnoOf(err);
      }
    }
    if (!o.quiet) await this.say(toStdout ? 'written to stdout\n' : `'${fname}' saved\n`);
  }

  private async endBar(draw: () => Promise<string | undefined>): Promise<void> {
    const text = await draw();
    if (text !== undefined && this.tty) await this.say('\n');
  }
}

export default applet(USAGE, async (ctx) => {
  const { sys } = ctx;
  const p = await parseOptions(ctx, 'cqSO:o:P:Y:U:T:t:n::', LONG);
  const usage = async () => {
    await ctx.usage();
    return fail('', 1);
  };
  if (p.operands.length === 0) return usage();
  if (p.has(POST_DATA) && p.has(POST_FILE)) return usage();
  if (p.count(POST_DATA) > 1 || p.count(POST_FILE) > 1) return usage();
  const headers = p.values(HEADER);
  const userHeaders = new Set<string>();
  for (const h of headers) {
    for (const known of ['host:', 'user-agent:', 'range:', 'content-type:', 'authorization:', 'proxy-authorization:']) {
      // busybox matches the header names as written (case matters).
      const written = known.replace(/(^|-)([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase());
      if (h.startsWith(written)) {
        userHeaders.add(known);
        break;
      }
    }
  }
  const o: Options = {
    quiet: p.has('q'),
    serverResponse: p.has('S'),
    spider: p.has(SPIDER),
    continue: p.has('c'),
    outName: p.value('O'),
    dirPrefix: p.value('P'),
    proxy: p.value('Y') ?? 'on',
    userAgent: p.value('U') ?? 'Wget',
    timeoutSec: p.has('T') ? xatoulRangeSfx(p.value('T')!, 0, 2147483647) : 900,
    extraHeaders: headers.map((h) => `${h}\r\n`).join(''),
    userHeaders,
    postData: p.value(POST_DATA),
    postFile: p.value(POST_FILE),
    logging: false,
  };
  if (o.outName === '-') o.continue = false;
  const log = p.value('o');
  if (log !== undefined && log !== '-') {
    let fd: number;
    try {
      fd = sys.open(log, { read: false, write: true, create: true, truncate: true }, 0o666);
    } catch (err) {
      return fail(`can't open '${log}': ${strerror(errnoOf(err))}`);
    }
    sys.dup2(fd, 2);
    sys.close(fd);
    o.logging = true;
  }
  const w = new Wget(ctx, o);
  for (const url of p.operands) await w.download(url);
  return 0;
});
