/**
 * The `url` module: the WHATWG URL and URLSearchParams the JS host already
 * has (browsers and Node share them), the legacy `url.parse`/`format`/
 * `resolve`, and file-URL conversions.
 */

interface WebUrl {
  href: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
  origin: string;
  searchParams: { forEach(fn: (value: string, key: string) => void): void };
  toString(): string;
}

interface WebUrlConstructor {
  new (input: string, base?: string | WebUrl): WebUrl;
  canParse?(input: string, base?: string): boolean;
}

const host = globalThis as unknown as { URL: WebUrlConstructor; URLSearchParams: new (init?: unknown) => unknown };
export const WebURL = host.URL;
export const WebURLSearchParams = host.URLSearchParams;

/** What url.parse returns (Node prints it as `Url { … }`). */
export class Url {
  protocol: string | null = null;
  slashes: boolean | null = null;
  auth: string | null = null;
  host: string | null = null;
  port: string | null = null;
  hostname: string | null = null;
  hash: string | null = null;
  search: string | null = null;
  query: string | Record<string, string | string[]> | null = null;
  pathname: string | null = null;
  path: string | null = null;
  href = '';
}

export function parseQuery(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  if (!text) return out;
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function stringifyQuery(obj: Record<string, unknown>, sep = '&', eq = '='): string {
  const enc = (v: unknown) => encodeURIComponent(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '');
  return Object.entries(obj ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${enc(k)}${eq}${enc(x)}`) : [`${enc(k)}${eq}${enc(v)}`]))
    .join(sep);
}

export function parse(input: string, parseQueryString = false, slashesDenoteHost = false): Url {
  const u = new Url();
  let rest = String(input).trim();
  u.href = rest;
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) {
    u.hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  const qAt = rest.indexOf('?');
  if (qAt >= 0) {
    u.search = rest.slice(qAt);
    u.query = rest.slice(qAt + 1);
    rest = rest.slice(0, qAt);
  } else if (parseQueryString) {
    u.search = '';
    u.query = {};
  }
  if (parseQueryString && typeof u.query === 'string') u.query = parseQuery(u.query);
  const proto = /^([a-zA-Z][a-zA-Z0-9+.-]*:)/.exec(rest);
  if (proto) {
    u.protocol = proto[1]!.toLowerCase();
    rest = rest.slice(proto[1]!.length);
  }
  if (rest.startsWith('//') && (u.protocol !== null || slashesDenoteHost)) {
    u.slashes = true;
    rest = rest.slice(2);
    const end = rest.search(/[/?#]/);
    let authority = end < 0 ? rest : rest.slice(0, end);
    rest = end < 0 ? '' : rest.slice(end);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      u.auth = decodeURIComponent(authority.slice(0, at));
      authority = authority.slice(at + 1);
    }
    const port = /:(\d*)$/.exec(authority);
    if (port) {
      u.port = port[1] || null;
      authority = authority.slice(0, port.index);
    }
    u.hostname = authority.toLowerCase();
    u.host = u.hostname + (u.port ? `:${u.port}` : '');
    if (rest === '' && u.protocol && /^(https?|ftp|file|wss?):$/.test(u.protocol)) rest = '/';
  }
  u.pathname = rest || (u.slashes ? '/' : null);
  u.path = (u.pathname ?? '') + (u.search ?? '') || null;
  u.href = format(u);
  return u;
}

export function format(u: string | Partial<Url> | WebUrl): string {
  if (typeof u === 'string') return format(parse(u));
  if (u instanceof WebURL) return u.toString();
  const p = u as Partial<Url>;
  const auth = p.auth ? `${encodeURIComponent(p.auth).replace(/%3A/i, ':')}@` : '';
  const hostPart = p.host ?? (p.hostname ? p.hostname + (p.port ? `:${p.port}` : '') : '');
  const slashes = p.slashes || (p.protocol && /^(https?|ftp|file|wss?):?$/.test(p.protocol)) ? '//' : '';
  let search = p.search ?? '';
  if (!search && p.query && typeof p.query === 'object') {
    const q = stringifyQuery(p.query);
    search = q ? `?${q}` : '';
  }
  const protocol = p.protocol ? (p.protocol.endsWith(':') ? p.protocol : `${p.protocol}:`) : '';
  return `${protocol}${hostPart || slashes ? slashes : ''}${auth}${hostPart}${p.pathname ?? ''}${search}${p.hash ?? ''}`;
}

export function resolve(from: string, to: string): string {
  try {
    return new WebURL(to, new WebURL(from, 'resolve://')).toString().replace(/^resolve:\/\//, '');
  } catch {
    return to;
  }
}

export function fileURLToPath(url: string | WebUrl): string {
  const u = typeof url === 'string' ? new WebURL(url) : url;
  if (u.protocol !== 'file:') throw Object.assign(new TypeError('The URL must be of scheme file'), { code: 'ERR_INVALID_URL_SCHEME' });
  return decodeURIComponent(u.pathname);
}

export function pathToFileURL(path: string): WebUrl {
  return new WebURL(`file://${encodeURI(path).replace(/[?#]/g, encodeURIComponent)}`);
}

export const urlModule = {
  URL: WebURL,
  URLSearchParams: WebURLSearchParams,
  Url,
  parse,
  format,
  resolve,
  fileURLToPath,
  pathToFileURL,
  domainToASCII: (d: string) => {
    try {
      return new WebURL(`http://${d}`).hostname;
    } catch {
      return '';
    }
  },
  domainToUnicode: (d: string) => d,
};
