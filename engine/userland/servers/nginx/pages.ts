/**
 * What nginx 1.27.2 says in its responses: status lines
 * (ngx_http_header_filter_module.c) and the built-in error pages
 * (ngx_http_special_response.c), byte for byte.
 */

export const NGINX_VERSION = '1.27.2';

/** Reason phrases of the status line; codes nginx has none for get "" as nginx sends them ("HTTP/1.1 299 "). */
export const STATUS_LINES: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Moved Temporarily', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 406: 'Not Acceptable',
  408: 'Request Time-out', 409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large',
  414: 'Request-URI Too Large', 415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable', 421: 'Misdirected Request', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out',
  505: 'HTTP Version Not Supported', 507: 'Insufficient Storage',
};

/** The titles of the built-in pages, where they differ from the status line. */
const TITLES: Record<number, string> = {
  302: 'Found', 401: 'Authorization Required',
  494: 'Request Header Or Cookie Too Large', 495: 'The SSL certificate error', 496: 'No required SSL certificate was sent', 497: 'The plain HTTP request was sent to HTTPS port',
};

const CRLF = '\r\n';

/** The status line nginx sends ("HTTP/1.1 404 Not Found"); nginx's own 49x codes go out as 400. */
export function statusLine(status: number): string {
  const code = status >= 494 && status <= 497 ? 400 : status;
  return `HTTP/1.1 ${code} ${STATUS_LINES[code] ?? ''}`;
}

/**
 * The built-in page for an error or redirect status, or undefined when
 * nginx sends none (2xx, 304, codes it has no page for).
 */
export function specialPage(status: number, serverTokens: 'on' | 'off' | 'build', msiePadding: boolean): string | undefined {
  const reason = STATUS_LINES[status];
  const special = TITLES[status];
  if (status < 300 || status === 304 || (reason === undefined && special === undefined)) return undefined;
  let head: string;
  if (status >= 494 && status <= 497) {
    head = `<html>${CRLF}<head><title>400 ${special}</title></head>${CRLF}<body>${CRLF}<center><h1>400 Bad Request</h1></center>${CRLF}<center>${special}</center>${CRLF}`;
  } else {
    const title = `${status} ${special ?? reason}`;
    head = `<html>${CRLF}<head><title>${title}</title></head>${CRLF}<body>${CRLF}<center><h1>${title}</h1></center>${CRLF}`;
  }
  const version = serverTokens === 'off' ? 'nginx' : `nginx/${NGINX_VERSION}`;
  let page = `${head}<hr><center>${version}</center>${CRLF}</body>${CRLF}</html>${CRLF}`;
  if (msiePadding && status >= 400) page += '<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n'.repeat(6);
  return page;
}

/** The Server header's value. */
export const serverHeader = (tokens: 'on' | 'off' | 'build') => (tokens === 'off' ? 'nginx' : `nginx/${NGINX_VERSION}`);

/** Statuses whose responses keep the connection alive only if nothing went wrong with the request itself. */
export const CLOSES_CONNECTION = new Set([400, 413, 414, 494, 495, 496, 497, 500, 501]);

/** add_header applies to these statuses (or to all with "always"). */
export const ADD_HEADER_STATUSES = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** HTTP dates: "Wed, 16 Oct 2024 12:00:00 GMT". */
export const httpDate = (ms: number) => new Date(ms).toUTCString();

/** The error log's time: "2024/10/16 12:00:00" (the container's zone, UTC). */
export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** $time_local: "16/Oct/2024:12:00:00 +0000". */
export function timeLocal(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** $time_iso8601: "2024-10-16T12:00:00+00:00". */
export const timeIso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
