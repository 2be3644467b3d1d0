/**
 * httpd [-ifv[v]] [-c CONFFILE] [-p [IP:]PORT] [-u USER[:GRP]] [-r REALM] [-h HOME]:
 * busybox 1.36's static file server (networking/httpd.c).
 *
 * It changes to HOME (default: the current directory), listens on the port
 * (default 80) and, unless -f, goes to the background. Each connection is
 * served by a child process: one request, `Connection: close`. A URL ending
 * in "/" means its index.html; a directory named without the slash is
 * redirected (302) to it. Files go out with Content-type by suffix,
 * Last-Modified, an ETag and Content-Length; GET and HEAD, Range and
 * If-None-Match are understood. Errors are small HTML pages:
 *
 *     HTTP/1.1 404 Not Found
 *     Date: Mon, 10 Jun 2024 07:11:47 GMT
 *     Connection: close
 *     Content-type: text/html
 *
 *     <HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>
 *     <BODY><H1>404 Not Found</H1>
 *     The requested URL was not found
 *     </BODY></HTML>
 *
 * Not emulated: httpd.conf (access rules, passwords, error pages, proxies),
 * CGI (cgi-bin/ URLs answer 404, as when the script cannot be run) and -u.
 */
import { concatBytes, utf8 } from '../../common/bytes.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import { isDir } from '../../fs/types.ts';
import { SIGCHLD, SIGPIPE } from '../../kernel/signals.ts';
import type { Sys } from '../../kernel/sys.ts';
import { applet, fail } from '../lib/applet.ts';
import { errorText } from '../lib/errors.ts';
import { errnoOf, inet, inetAton, SocketReader } from '../lib/net-socket.ts';

const USAGE = `Usage: httpd [-ifv[v]] [-c CONFFILE] [-p [IP:]PORT] [-u USER[:GRP]] [-r REALM] [-h HOME]
or httpd -d/-e/-m STRING

Listen for incoming HTTP requests

	-i		Inetd mode
	-f		Run in foreground
	-v[v]		Verbose
	-p [IP:]PORT	Bind to IP:PORT (default *:80)
	-u USER[:GRP]	Set uid/gid after binding to port
	-r REALM	Authentication Realm for Basic Authentication
	-h HOME		Home directory (default .)
	-c FILE		Configuration file (default {/etc,HOME}/httpd.conf)
	-m STRING	MD5 crypt STRING
	-e STRING	HTML encode STRING
	-d STRING	URL decode STRING`;

/** Status lines and the text of their error pages (http_response[]). */
const RESPONSES: Record<number, [string, string | undefined]> = {
  200: ['OK', undefined],
  206: ['Partial Content', undefined],
  302: ['Found', undefined],
  304: ['Not Modified', undefined],
  408: ['Request Timeout', 'No request appeared within 60 seconds'],
  501: ['Not Implemented', 'The requested method is not recognized'],
  401: ['Unauthorized', ''],
  404: ['Not Found', 'The requested URL was not found'],
  400: ['Bad Request', 'Unsupported method'],
  403: ['Forbidden', ''],
  500: ['Internal Server Error', 'Internal Server Error'],
  413: ['Entity Too Large', 'Entity Too Large'],
};

/** The built-in suffix table, searched as httpd.c does (strstr within each line). */
const MIME: [string, string][] = [
  ['.txt.h.c.cc.cpp', 'text/plain'],
  ['.htm.html', 'text/html'],
  ['.jpg.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.png', 'image/png'],
  ['.svg', 'image/svg+xml'],
  ['.css', 'text/css'],
  ['.js', 'application/javascript'],
  ['.wav', 'audio/wav'],
  ['.avi', 'video/x-msvideo'],
  ['.qt.mov', 'video/quicktime'],
  ['.mpe.mpeg', 'video/mpeg'],
  ['.mid.midi', 'audio/midi'],
  ['.mp3', 'audio/mpeg'],
];

function mimeType(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  const suffix = path.slice(dot);
  for (const [line, type] of MIME) {
    const at = line.indexOf(suffix);
    if (at < 0) continue;
    const next = line[at + suffix.length];
    // ".av" is in the ".avi" line but names nothing; the table is ordered so that the search may stop.
    return next === undefined || next === '.' ? type : undefined;
  }
  return undefined;
}

/** libbb's percent_decode_in_place: null for a bad escape (strict), 'slash' for an encoded "/" or NUL. */
export function percentDecode(text: string, strict: boolean): string | null | 'slash' {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!strict && c === '+') {
      out += ' ';
      continue;
    }
    if (c !== '%') {
      out += c;
      continue;
    }
    const hex = text.slice(i + 1, i + 3);
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
      if (strict) return null;
      out += '%';
      continue;
    }
    const v = parseInt(hex, 16);
    if (strict && (v === 0x2f || v === 0)) return 'slash';
    out += String.fromCharCode(v);
    i += 2;
  }
  return out;
}

/** encodeString: everything but letters and digits as an HTML character reference. */
const htmlEncode = (text: string) => [...utf8(text)].map((b) => (/[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `&#${b};`)).join('');

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
/** strftime "%a, %d %b %Y %H:%M:%S GMT". */
function rfc1123(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

/** Canonicalizes a decoded URL path as handle_incoming_and_exit does; null when ".." climbs above "/". */
function canonical(url: string): string | null {
  const parts: string[] = [];
  const segments = url.split('/');
  const trailing = url.endsWith('/') || url.endsWith('/.') || url.endsWith('/..');
  for (const s of segments.slice(1)) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (parts.length === 0) return null;
      parts.pop();
      continue;
    }
    parts.push(s);
  }
  const path = '/' + parts.join('/');
  return trailing && path !== '/' ? `${path}/` : path;
}

interface Options {
  verbose: number;
}

/** One connection: the request read from `fd`, the answer written to `out` (the same socket, or stdout with -i). */
async function serve(sys: Sys, fd: number, peer: string, o: Options, log: (text: string) => Promise<void>, out = fd): Promise<void> {
  const reader = new SocketReader(sys, fd);
  reader.timeoutMs = 60_000;
  const say = (msg: string) => log(`${peer}: ${msg}\n`);
  let fileSize = -1;
  let lastMod = 0;
  let etag = '';
  let mime: string | undefined;
  let location = '';
  let rangeStart = -1;
  let rangeEnd = 0;

  const send = async (status: number, body?: Uint8Array) => {
    const [text, info] = RESPONSES[status] ?? ['', undefined];
    if (o.verbose) await say(`response:${status}`);
    let head = `HTTP/1.1 ${status} ${text}\r\nDate: ${rfc1123(sys.now())}\r\nConnection: close\r\n`;
    if (status !== 200 || mime) head += `Content-type: ${status !== 200 ? 'text/html' : mime}\r\n`;
    if (status === 302) head += `Location: ${location}\r\n`;
    if (fileSize !== -1) {
      if (status === 206) {
        head += `Content-Range: bytes ${rangeStart}-${rangeEnd}/${fileSize}\r\n`;
        fileSize = rangeEnd - rangeStart + 1;
      }
      head += `Accept-Ranges: bytes\r\nLast-Modified: ${rfc1123(lastMod * 1000)}\r\nETag: ${etag}\r\nContent-Length: ${fileSize}\r\n`;
    }
    head += '\r\n';
    if (info !== undefined) head += `<HTML><HEAD><TITLE>${status} ${text}</TITLE></HEAD>\n<BODY><H1>${status} ${text}</H1>\n${info}\n</BODY></HTML>\n`;
    await sys.write(out, body ? concatBytes([utf8(head), body]) : head);
  };
  /** send_headers_and_exit: no file headers. */
  const refuse = async (status: number) => {
    fileSize = -1;
    await send(status);
  };

  /** The next request line; null at the end of input; undefined when the read failed (408 sent on a timeout). */
  const nextLine = async (): Promise<{ text: string } | null | undefined> => {
    try {
      return await reader.readLine();
    } catch (err) {
      if (errnoOf(err) === 'ETIMEDOUT') await refuse(408);
      return undefined;
    }
  };

  const line = await nextLine();
  if (!line || line.text === '') return;
  const request = line.text;
  const sp = request.indexOf(' ');
  if (sp < 0) return refuse(400);
  const method = request.slice(0, sp);
  let rest = request.slice(sp + 1);
  if (!rest.startsWith('/')) return refuse(400);
  const sp2 = rest.indexOf(' ');
  if (sp2 < 0 || !rest.slice(sp2 + 1).startsWith('HTTP/')) return refuse(400);
  rest = rest.slice(0, sp2);
  const upper = method.toUpperCase();
  const q = rest.indexOf('?');
  const query = q >= 0 ? rest.slice(q + 1) : undefined;
  const decoded = percentDecode(q >= 0 ? rest.slice(0, q) : rest, true);
  if (decoded === null) return refuse(400);
  if (decoded === 'slash') return refuse(404);
  const url = canonical(decoded);
  if (url === null) return refuse(400);
  if (o.verbose > 1) await say(`url:${url}`);

  const cgi = url.startsWith('/cgi-bin/');
  if (url === '/cgi-bin/') return refuse(403);
  const path = url.endsWith('/') ? `${url}index.html` : url;
  const rel = path.slice(1) || '.';
  try {
    const st = sys.stat(rel);
    if (!url.endsWith('/') && isDir(st.mode)) location = url;
    else {
      fileSize = st.size;
      lastMod = Math.floor(st.mtimeMs / 1000);
    }
  } catch (err) {
    if (!(err instanceof FsError)) throw err;
    // A directory URL with no index.html (and no cgi-bin/index.cgi to run instead).
    if (url.endsWith('/')) return refuse(404);
  }

  let ifNoneMatch: string | undefined;
  for (;;) {
    const h = await nextLine();
    if (h === undefined) return;
    if (!h || h.text === '') break;
    const [name = '', ...v] = h.text.split(':');
    const value = v.join(':').trimStart();
    switch (name.toLowerCase()) {
      case 'range': {
        const m = /^bytes=(\d+)-(\d*)/.exec(value);
        if (m) {
          rangeStart = Number(m[1]);
          rangeEnd = m[2] ? Number(m[2]) : 0;
          if (m[2] && rangeEnd < rangeStart) rangeStart = -1;
        }
        break;
      }
      case 'if-none-match':
        ifNoneMatch = value;
        break;
    }
  }

  if (url.slice(url.lastIndexOf('/') + 1) === 'httpd.conf') return refuse(403);
  if (location) {
    location = `${url}/${query !== undefined ? `?${query}` : ''}`;
    return refuse(302);
  }
  // CGI is not emulated: a script answers as one that could not be executed.
  if (cgi) return refuse(404);
  if (upper !== 'GET' && upper !== 'HEAD') return refuse(501);

  let file: number;
  try {
    file = sys.open(rel, 'r');
  } catch (err) {
    if (!(err instanceof FsError)) throw err;
    return refuse(404);
  }
  etag = `"${lastMod.toString(16)}-${fileSize.toString(16)}"`;
  if (ifNoneMatch?.includes(etag)) return refuse(304);
  sys.signal(SIGPIPE, 'ignore');
  mime = mimeType(path);
  let status = 200;
  if (rangeStart >= 0) {
    if (!rangeEnd || rangeEnd > fileSize - 1) rangeEnd = fileSize - 1;
    if (rangeEnd >= rangeStart) status = 206;
  }
  const parts: Uint8Array[] = [];
  if (upper !== 'HEAD' || status === 206) {
    try {
      for (;;) {
        const d = await sys.read(file);
        if (d.length === 0) break;
        parts.push(d);
      }
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
    }
  }
  sys.close(file);
  const content = concatBytes(parts);
  const body = status === 206 ? content.subarray(rangeStart, rangeEnd + 1) : content;
  try {
    await send(status, upper === 'HEAD' && status !== 206 ? undefined : body);
  } catch (err) {
    if (!(err instanceof FsError)) throw err;
  }
}

/** How a dual-stack listener names its peer: `[::ffff:172.17.0.1]:40000` (sockaddr2dotted). */
const dotted = (a: { address: string; port: number }) => `[::ffff:${a.address}]:${a.port}`;

export default applet(USAGE, async (ctx) => {
  const { sys } = ctx;
  const r = await ctx.options('c:d:h:e:r:m:u:p:ifv');
  if (r.has('d')) {
    const text = percentDecode(r.value('d')!, false);
    await ctx.out.write(typeof text === 'string' ? text : '');
    return 0;
  }
  if (r.has('e')) {
    await ctx.out.write(htmlEncode(r.value('e')!));
    return 0;
  }
  if (r.has('m')) fail('-m: MD5 crypt is not part of Berth\'s busybox');
  const o: Options = { verbose: r.count('v') };
  const inetd = r.has('i');
  const foreground = r.has('f') || inetd;
  const home = r.value('h');
  if (home !== undefined) {
    try {
      sys.chdir(home);
    } catch (err) {
      fail(`can't change directory to '${home}': ${errorText(err)}`);
    }
  }
  const log = (text: string) => ctx.err.write(text);

  if (inetd) {
    let peer = '';
    try {
      peer = dotted(sys.getpeername(0));
    } catch {
      // run by hand, on a terminal
    }
    await serve(sys, 0, peer, o, log, 1);
    return 0;
  }

  // openServer: a bare number is a port on every address, anything else [IP:]PORT (port 80 by default).
  const spec = r.value('p') ?? '80';
  let address = '0.0.0.0';
  let port = /^\d+$/.test(spec) && Number(spec) > 0 && Number(spec) <= 0xffff ? Number(spec) : 0;
  if (!port) {
    const m = /^(.*?)(?::(\d+))?$/.exec(spec)!;
    const ip = inetAton(m[1]!);
    if (ip === undefined) fail(`bad address '${m[1]}'`);
    address = ip!;
    port = m[2] !== undefined ? Number(m[2]) : 80;
    if (port > 0xffff) fail(`bad port spec '${spec}'`);
  }
  const fd = sys.socket('inet', 'stream');
  sys.setsockopt(fd, 'SO_REUSEADDR', true);
  try {
    sys.bind(fd, inet(address, port));
  } catch (err) {
    fail(`bind: ${strerror(errnoOf(err))}`);
  }
  try {
    sys.listen(fd, 9);
  } catch (err) {
    fail(`listen: ${strerror(errnoOf(err))}`);
  }
  sys.signal(SIGCHLD, 'ignore');

  const loop = async (server: Sys): Promise<number> => {
    for (;;) {
      const conn = await server.accept(fd);
      server.fork(
        async (child) => {
          child.close(fd);
          child.signal(SIGCHLD, 'default');
          const err = (text: string) => child.write(2, text).then(() => undefined);
          await serve(child, conn.fd, dotted(conn.peer), o, err);
          try {
            child.shutdown(conn.fd, 'write');
          } catch {
            // already gone
          }
          child.close(conn.fd);
          return 0;
        },
        { comm: 'httpd' },
      );
      server.close(conn.fd);
    }
  };
  if (foreground) return loop(sys);
  // bb_daemonize: the parent returns at once; the child leaves the session, its stdio on /dev/null.
  await ctx.out.flush();
  sys.fork(
    async (child) => {
      child.setsid();
      const nul = child.open('/dev/null', 'r+');
      for (const n of [0, 1, 2]) child.dup2(nul, n);
      if (nul > 2) child.close(nul);
      return loop(child);
    },
    { comm: 'httpd' },
  );
  return 0;
});
