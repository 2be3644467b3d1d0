/**
 * An HTTP request as nginx holds it while processing, the response it is
 * building, and nginx's variables ($remote_addr, $request, $status,
 * $http_user_agent…) over both, for log_format, return, add_header and the
 * other directives that take them.
 */
import { NGINX_VERSION, timeIso, timeLocal } from './pages.ts';
import type { Location, Server } from './model.ts';

export interface Conn {
  /** The connection number shown as "*N" in the error log. */
  number: number;
  remote: { address: string; port: number };
  local: { address: string; port: number };
  requests: number;
  /** The machine's name ($hostname). */
  hostname: string;
}

export interface Request {
  method: string;
  /** The request line's target, as sent ($request_uri). */
  target: string;
  version: string;
  /** Header lines as sent (names in their original case), in order. */
  headers: [string, string][];
  /** The request line as sent ($request). */
  line: string;
  body: Uint8Array;
  conn: Conn;
  server: Server;
  location?: Location;
  /** The normalized, decoded path being processed ($uri); internal redirects change it. */
  uri: string;
  /** The query string ($args). */
  args: string;
  startMs: number;
  /** Variables made by `set` and regex captures ($1…). */
  vars: Map<string, string>;
  keepalive: boolean;
  /** Internal redirects so far (nginx stops at 10). */
  redirects: number;
  /** Set while an error_page is being served: its status is kept. */
  errorStatus?: number;
  documentRoot?: string;
  filename?: string;
}

export interface Response {
  status: number;
  contentType?: string;
  contentLength?: number;
  /** ms since the epoch. */
  lastModified?: number;
  location?: string;
  /** Other headers, in the order nginx sends them after Connection. */
  headers: [string, string][];
  body: Uint8Array;
  /** `return 444`: close the connection without answering. */
  drop?: boolean;
  /** Body bytes sent ($body_bytes_sent). */
  bodyBytes?: number;
  /** The static module serves ranges: "Accept-Ranges: bytes" on a 200. */
  allowRanges?: boolean;
}

export function header(req: Request, name: string): string | undefined {
  const lower = name.toLowerCase();
  return req.headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** Host: the Host header without its port (or the server's first name), lowercased. */
export function hostOf(req: Request): string {
  const h = header(req, 'host');
  if (h) return h.replace(/:\d+$/, '').toLowerCase();
  return req.server.names[0] ?? '';
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (header(req, 'cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function arg(req: Request, name: string): string | undefined {
  for (const part of req.args.split('&')) {
    const eq = part.indexOf('=');
    if ((eq < 0 ? part : part.slice(0, eq)).toLowerCase() === name.toLowerCase()) return eq < 0 ? '' : part.slice(eq + 1);
  }
  return undefined;
}

/** A variable's value, or undefined when it has none (logs print "-" for that). */
export function variable(name: string, req: Request, res?: Response, now = Date.now()): string | undefined {
  if (req.vars.has(name)) return req.vars.get(name);
  if (name.startsWith('http_')) return header(req, name.slice(5).replace(/_/g, '-'));
  if (name.startsWith('arg_')) return arg(req, name.slice(4));
  if (name.startsWith('cookie_')) return cookie(req, name.slice(7));
  if (name.startsWith('sent_http_')) {
    const h = name.slice(10).replace(/_/g, '-');
    if (h === 'content-type') return res?.contentType;
    if (h === 'content-length') return res?.contentLength?.toString();
    if (h === 'location') return res?.location;
    return res?.headers.find(([n]) => n.toLowerCase() === h)?.[1];
  }
  switch (name) {
    case 'remote_addr':
      return req.conn.remote.address;
    case 'remote_port':
      return String(req.conn.remote.port);
    case 'remote_user':
      return undefined;
    case 'server_addr':
      return req.conn.local.address;
    case 'server_port':
      return String(req.conn.local.port);
    case 'server_name':
      return req.server.names[0] ?? '';
    case 'server_protocol':
      return req.version;
    case 'scheme':
      return 'http';
    case 'https':
      return '';
    case 'host':
      return hostOf(req);
    case 'hostname':
      return req.conn.hostname;
    case 'request':
      return req.line;
    case 'request_method':
      return req.method;
    case 'request_uri':
      return req.target;
    case 'uri':
    case 'document_uri':
      return req.uri;
    case 'args':
    case 'query_string':
      return req.args || undefined;
    case 'is_args':
      return req.args ? '?' : '';
    case 'document_root':
      return req.documentRoot;
    case 'request_filename':
      return req.filename;
    case 'content_type':
      return header(req, 'content-type');
    case 'content_length':
      return header(req, 'content-length');
    case 'request_length':
      return String(req.line.length + 2 + req.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 2) + req.body.length);
    case 'request_time':
      return ((now - req.startMs) / 1000).toFixed(3);
    case 'status':
      return res ? String(res.status).padStart(3, '0') : '000';
    case 'body_bytes_sent':
      return String(res?.bodyBytes ?? 0);
    case 'bytes_sent':
      return String((res?.bodyBytes ?? 0) + 200);
    case 'connection':
      return String(req.conn.number);
    case 'connection_requests':
      return String(req.conn.requests);
    case 'nginx_version':
      return NGINX_VERSION;
    case 'pid':
      return undefined;
    case 'msec':
      return (now / 1000).toFixed(3);
    case 'time_local':
      return timeLocal(now);
    case 'time_iso8601':
      return timeIso(now);
    case 'request_id':
      return Array.from({ length: 32 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
    case 'proxy_add_x_forwarded_for': {
      const xff = header(req, 'x-forwarded-for');
      return xff ? `${xff}, ${req.conn.remote.address}` : req.conn.remote.address;
    }
    default:
      return undefined;
  }
}

/**
 * Expands "$name" and "${name}" in a directive's text. In logs, a variable
 * without a value prints as "-" (`dash`); elsewhere as nothing.
 */
export function expand(text: string, req: Request, res?: Response, options: { dash?: boolean; pid?: number; now?: number } = {}): string {
  return text.replace(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_m, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    const v = name === 'pid' && options.pid !== undefined ? String(options.pid) : variable(name, req, res, options.now);
    return v === undefined ? (options.dash ? '-' : '') : v;
  });
}
