/**
 * How nginx answers a request, phase by phase: the server's rewrite
 * directives, finding the location, the location's rewrite directives
 * (rewrite, return, set), try_files, then the content — proxy_pass, or the
 * index and static modules — and at the end error_page and add_header.
 * Errors are logged as nginx logs them, with the client, server, request
 * and host, e.g.
 *
 *     open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), client: 172.17.0.1, server: localhost, request: "GET /nope HTTP/1.1", host: "localhost:8080"
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { S_IFDIR, S_IFMT, S_IFREG, type Stat } from '../../../fs/types.ts';
import { isProcessControl, type Sys } from '../../../kernel/sys.ts';
import { readFile } from '../../lib/io.ts';
import { autoindex } from './autoindex.ts';
import { errnoNumber, fullPath } from './conf.ts';
import type { ErrorLog, Level } from './log.ts';
import { isSet, setting, type HttpConfig, type Location, type Scope } from './model.ts';
import { ADD_HEADER_STATUSES, specialPage } from './pages.ts';
import { proxy } from './proxy.ts';
import { expand, header, type Request, type Response } from './request.ts';

export interface HttpContext {
  sys: Sys;
  log: ErrorLog;
  http: HttpConfig;
}

const CHARSET_TYPES = new Set(['text/html', 'text/xml', 'text/plain', 'text/vnd.wap.wml', 'application/javascript', 'application/rss+xml']);

/** The ", client: …, server: …, request: …, host: …" nginx appends to a request's error. */
export function requestContext(req: Request, upstream?: string): string {
  let s = `, client: ${req.conn.remote.address}, server: ${req.server.names[0] ?? ''}, request: "${req.line}"`;
  if (upstream) s += `, upstream: "${upstream}"`;
  const host = header(req, 'host');
  if (host !== undefined) s += `, host: "${host}"`;
  const referer = header(req, 'referer');
  if (referer !== undefined) s += `, referrer: "${referer}"`;
  return s;
}

export async function logRequestError(ctx: HttpContext, req: Request, level: Level, message: string, upstream?: string): Promise<void> {
  await ctx.log.error(level, message + requestContext(req, upstream), { sys: ctx.sys, conn: req.conn.number });
}

const fsText = (err: unknown) => `(${errnoNumber(err)}: ${err instanceof FsError ? strerror(err.code) : String(err)})`;

export function special(status: number, scope: Scope | undefined, location?: string): Response {
  const page = specialPage(status, setting(scope, 'serverTokens'), false);
  return { status, location, headers: [], body: new Uint8Array(0), contentType: page === undefined ? undefined : 'text/html' };
}

/** The location for a URI: exact match, else the longest prefix — unless a regex location (in order) matches and the prefix was not "^~". */
export function findLocation(list: Location[], uri: string): Location | undefined {
  const exact = list.find((l) => l.modifier === '=' && l.path === uri);
  if (exact) return exact;
  let best: Location | undefined;
  for (const l of list) if ((l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.path) && (!best || l.path.length > best.path.length)) best = l;
  if (best && best.locations.length > 0) {
    const inner = findLocation(best.locations, uri);
    if (inner) return inner;
  }
  if (best?.modifier === '^~') return best;
  for (const l of list) if (l.regex?.test(uri)) return l;
  return best;
}

/** ngx_http_parse_complex_uri: %XX decoded, slashes merged, "." and ".." resolved; undefined for a path above the root. */
export function normalizeUri(path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    decoded = path;
  }
  const out: string[] = [];
  const parts = decoded.split('/');
  for (const [i, p] of parts.entries()) {
    if (p === '' && i !== parts.length - 1) continue;
    if (p === '.') {
      if (i === parts.length - 1) out.push('');
      continue;
    }
    if (p === '..') {
      if (out.length === 0) return undefined;
      out.pop();
      if (i === parts.length - 1) out.push('');
      continue;
    }
    out.push(p);
  }
  return '/' + out.join('/');
}

/** Sets $uri and $args from a rewritten target ("/new?a=1"). */
function setTarget(req: Request, target: string, keepArgs: boolean): void {
  const q = target.indexOf('?');
  if (q < 0) {
    req.uri = target;
    return;
  }
  req.uri = target.slice(0, q);
  const newArgs = target.slice(q + 1);
  req.args = keepArgs && req.args ? `${newArgs}&${req.args}` : newArgs;
}

/** return: a redirect with Location, a body, or just the status. */
function doReturn(req: Request, scope: Scope, r: { code: number; text?: string }): Response {
  if (r.code === 444) return { status: 444, headers: [], body: new Uint8Array(0), drop: true };
  const text = r.text === undefined ? undefined : expand(r.text, req);
  if ([301, 302, 303, 307, 308].includes(r.code) && text !== undefined) return special(r.code, scope, text);
  if (text === undefined) return special(r.code, scope);
  const body = new TextEncoder().encode(text);
  return { status: r.code, contentType: contentTypeFor(scope, setting(scope, 'defaultType')), contentLength: body.length, headers: [], body };
}

type Phase = Response | { redirect: string } | { restart: true } | undefined;

/** The rewrite module's directives of one level (rewrite, return, set), in order. */
function rewritePhase(req: Request, scope: Scope): Phase {
  for (const [name, value] of scope.own.sets ?? []) req.vars.set(name, expand(value, req));
  let changed = false;
  for (const rw of scope.own.rewrites ?? []) {
    const m = rw.regex.exec(req.uri);
    if (!m) continue;
    m.forEach((v, i) => i > 0 && req.vars.set(String(i), v ?? ''));
    const keepArgs = !rw.replacement.endsWith('?');
    const target = expand(rw.replacement.replace(/\?$/, ''), req);
    if (/^(https?:\/\/|\$scheme)/.test(rw.replacement) || rw.flag === 'redirect' || rw.flag === 'permanent') {
      const loc = keepArgs && req.args && !target.includes('?') ? `${target}?${req.args}` : target;
      return special(rw.flag === 'permanent' ? 301 : 302, scope, loc);
    }
    setTarget(req, target, keepArgs);
    changed = true;
    if (rw.flag === 'break') return undefined;
    if (rw.flag === 'last') return { restart: true };
  }
  if (scope.own.return && scope.own.return.code) return doReturn(req, scope, scope.own.return);
  return changed ? { restart: true } : undefined;
}

export function contentTypeFor(scope: Scope, type: string): string {
  const charset = setting(scope, 'charset');
  return charset !== 'off' && CHARSET_TYPES.has(type) ? `${type}; charset=${charset}` : type;
}

function documentRoot(req: Request, scope: Scope): string {
  return fullPath(expand(setting(scope, 'root'), req));
}

/** ngx_http_map_uri_to_path: root + $uri, or for alias the part after the location's prefix. */
function mapPath(req: Request, scope: Scope, uri: string): string {
  const loc = req.location;
  if (loc && isSet(loc, 'alias') && 'alias' in loc.own) {
    const alias = expand(loc.own.alias!, req);
    return loc.regex ? alias : alias + uri.slice(loc.path.length);
  }
  req.documentRoot = documentRoot(req, scope);
  return req.documentRoot + uri;
}

function statOf(sys: Sys, path: string): Stat | FsError {
  try {
    return sys.stat(path);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    if (err instanceof FsError) return err;
    throw err;
  }
}

/** The whole request: the server's phase, then locations (following internal redirects), then error_page and add_header. */
export async function handle(ctx: HttpContext, req: Request): Promise<Response> {
  let res: Response;
  const server = rewritePhase(req, req.server);
  if (server && 'status' in server) res = server;
  else res = await locate(ctx, req);
  return finish(ctx, req, res);
}

async function locate(ctx: HttpContext, req: Request, named?: Location): Promise<Response> {
  let next = named;
  for (;;) {
    if (++req.redirects > 10) {
      await logRequestError(ctx, req, 'error', `rewrite or internal redirection cycle while internally redirecting to "${req.uri}"`);
      return special(500, req.server);
    }
    const loc = next ?? findLocation(req.server.locations, req.uri);
    next = undefined;
    req.location = loc;
    const scope: Scope = loc ?? req.server;
    if (loc?.own.internal && req.redirects === 1) return special(404, scope);
    const phase = loc ? rewritePhase(req, loc) : undefined;
    if (phase && 'status' in phase) return phase;
    if (phase && 'restart' in phase) continue;
    const tryFiles = setting(scope, 'tryFiles');
    if (tryFiles.length > 0) {
      const found = tryFiles.slice(0, -1).find((t) => {
        const value = expand(t, req);
        const st = statOf(ctx.sys, mapPath(req, scope, value.replace(/\/$/, '')));
        const ok = !(st instanceof FsError) && (value.endsWith('/') ? (st.mode & S_IFMT) === S_IFDIR : (st.mode & S_IFMT) === S_IFREG);
        if (ok) req.uri = value;
        return ok;
      });
      if (found === undefined) {
        const last = expand(tryFiles[tryFiles.length - 1]!, req);
        if (/^=\d+$/.test(last)) return special(Number(last.slice(1)), scope);
        if (last.startsWith('@')) {
          next = req.server.locations.find((l) => l.modifier === '@' && l.path === last);
          if (!next) return special(404, scope);
        } else setTarget(req, last, true);
        continue;
      }
    }
    const pass = setting(scope, 'proxyPass');
    if (pass.url !== '') return proxy(ctx, req, scope, pass);
    if (req.uri.endsWith('/')) {
      const r = await index(ctx, req, scope);
      if ('redirect' in r) {
        req.uri = r.redirect;
        continue;
      }
      return r;
    }
    return serveFile(ctx, req, scope);
  }
}

async function index(ctx: HttpContext, req: Request, scope: Scope): Promise<Response | { redirect: string }> {
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) return special(405, scope);
  const dir = mapPath(req, scope, req.uri);
  const names = setting(scope, 'index');
  let lastPath = dir;
  for (const name of names) {
    const value = expand(name, req);
    if (value.startsWith('/')) return { redirect: value };
    lastPath = dir + value;
    const st = statOf(ctx.sys, lastPath);
    if (!(st instanceof FsError) && (st.mode & S_IFMT) !== S_IFDIR) return { redirect: req.uri + value };
  }
  const st = statOf(ctx.sys, dir);
  if (setting(scope, 'autoindex') && !(st instanceof FsError)) return autoindex(ctx, req, scope, dir);
  if (st instanceof FsError) {
    if (setting(scope, 'logNotFound')) await logRequestError(ctx, req, 'error', `"${lastPath}" is not found ${fsText(st)}`);
    return special(404, scope);
  }
  await logRequestError(ctx, req, 'error', `directory index of "${dir}" is forbidden`);
  return special(403, scope);
}

async function serveFile(ctx: HttpContext, req: Request, scope: Scope): Promise<Response> {
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) return special(405, scope);
  const path = mapPath(req, scope, req.uri);
  req.filename = path;
  const failed = async (err: unknown) => {
    const code = err instanceof FsError ? err.code : '';
    const notFound = code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG';
    const status = notFound ? 404 : code === 'EACCES' ? 403 : 500;
    if (!notFound || setting(scope, 'logNotFound')) await logRequestError(ctx, req, status === 500 ? 'crit' : 'error', `open() "${path}" failed ${fsText(err)}`);
    return special(status, scope);
  };
  const st = statOf(ctx.sys, path);
  if (st instanceof FsError) return failed(st);
  if ((st.mode & S_IFMT) === S_IFDIR) return special(301, scope, req.uri + '/' + (req.args ? `?${req.args}` : ''));
  if (req.method === 'POST') return special(405, scope);
  let body: Uint8Array;
  try {
    body = await readFile(ctx.sys, path);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return failed(err);
  }
  const ext = /\.([^./]*)$/.exec(req.uri)?.[1]?.toLowerCase();
  const type = (ext !== undefined ? setting(scope, 'types').get(ext) : undefined) ?? setting(scope, 'defaultType');
  const mtime = Math.floor(st.mtimeMs / 1000);
  const etag = `"${mtime.toString(16)}-${body.length.toString(16)}"`;
  const res: Response = { status: 200, contentType: contentTypeFor(scope, type), contentLength: body.length, lastModified: mtime * 1000, headers: [], body };
  if (setting(scope, 'etag')) res.headers.push(['ETag', etag]);
  const ims = header(req, 'if-modified-since');
  const inm = header(req, 'if-none-match');
  if ((inm !== undefined && (inm === '*' || inm.split(/\s*,\s*/).includes(etag))) || (inm === undefined && ims !== undefined && Date.parse(ims) === mtime * 1000)) {
    return { status: 304, lastModified: res.lastModified, headers: res.headers, body: new Uint8Array(0) };
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(header(req, 'range') ?? '');
  if (range && (range[1] !== '' || range[2] !== '')) {
    const start = range[1] === '' ? Math.max(0, body.length - Number(range[2])) : Number(range[1]);
    const end = range[1] === '' || range[2] === '' ? body.length - 1 : Math.min(Number(range[2]), body.length - 1);
    if (start >= body.length || start > end) {
      const r = special(416, scope);
      r.headers.push(['Content-Range', `bytes */${body.length}`]);
      return r;
    }
    return { ...res, status: 206, contentLength: end - start + 1, body: body.subarray(start, end + 1), headers: [...res.headers, ['Content-Range', `bytes ${start}-${end}/${body.length}`]] };
  }
  res.allowRanges = true;
  return res;
}

/** error_page (an internal redirect keeping the status), then the built-in page and add_header. */
async function finish(ctx: HttpContext, req: Request, res: Response): Promise<Response> {
  const scope: Scope = req.location ?? req.server;
  const page = setting(scope, 'errorPages').get(res.status);
  if (!page || req.errorStatus !== undefined || res.drop || res.status < 300) return decorate(req, res);
  const status = res.status;
  req.errorStatus = status;
  if (/^https?:\/\//.test(page.uri)) return decorate(req, special(302, scope, expand(page.uri, req)));
  if (req.method !== 'HEAD') req.method = 'GET';
  let named: Location | undefined;
  if (page.uri.startsWith('@')) named = req.server.locations.find((l) => l.modifier === '@' && l.path === page.uri);
  else setTarget(req, expand(page.uri, req), false);
  const inner = await locate(ctx, req, named);
  if (page.overwrite !== 'response') inner.status = page.overwrite ?? status;
  return decorate(req, inner);
}

/** The built-in page for a status without a body, add_header's lines, and Accept-Ranges. */
function decorate(req: Request, res: Response): Response {
  const scope: Scope = req.location ?? req.server;
  if (res.body.length === 0 && res.contentType === 'text/html' && res.status >= 300) {
    const text = specialPage(res.status, setting(scope, 'serverTokens'), setting(scope, 'msiePadding') && /MSIE |Chrome\//.test(header(req, 'user-agent') ?? ''));
    if (text !== undefined) {
      res.body = new TextEncoder().encode(text);
      res.contentLength = res.body.length;
    }
  }
  // add_header's lines go after ETag and before the range filter's headers, as nginx's filters order them.
  const always = !ADD_HEADER_STATUSES.has(res.status);
  const added = setting(scope, 'addHeaders')
    .filter((h) => !always || h.always)
    .map((h): [string, string] => [h.name, expand(h.value, req, res)]);
  const at = res.headers.findIndex(([n]) => n === 'Content-Range');
  res.headers.splice(at < 0 ? res.headers.length : at, 0, ...added);
  // The range filter announces ranges on a whole 200 only.
  if (res.allowRanges && res.status === 200) res.headers.push(['Accept-Ranges', 'bytes']);
  return res;
}
