/**
 * nginx's configuration as the server uses it: the main settings, the http
 * block's servers and their locations.
 *
 * Settings of the http, server and location levels live in a Scope that
 * points at its parent; `setting(scope, key)` looks a key up the chain, so
 * a level inherits what it does not set, and a list directive (add_header,
 * error_page, access_log) set at a level replaces its parent's whole list,
 * as nginx merges them.
 */

export interface Listen {
  address: string;
  port: number;
  defaultServer: boolean;
  ssl: boolean;
  /** Where the directive is (for "a duplicate default server" errors). */
  where: string;
}

export interface LogTarget {
  path: string;
  /** The log_format name; "combined" by default. */
  format: string;
}

export interface ErrorPage {
  uri: string;
  /** "=404" changes the status; "=" alone takes the status of the page's own response. */
  overwrite?: number | 'response';
}

export interface Settings {
  root: string;
  alias: string;
  index: string[];
  defaultType: string;
  types: Map<string, string>;
  accessLogs: LogTarget[] | 'off';
  errorLog: { path: string; level: string };
  keepaliveTimeoutMs: number;
  serverTokens: 'on' | 'off' | 'build';
  charset: string;
  addHeaders: { name: string; value: string; always: boolean }[];
  errorPages: Map<number, ErrorPage>;
  tryFiles: string[];
  return: { code: number; text?: string };
  rewrites: { regex: RegExp; replacement: string; flag: string }[];
  autoindex: boolean;
  absoluteRedirect: boolean;
  portInRedirect: boolean;
  serverNameInRedirect: boolean;
  etag: boolean;
  proxyPass: ProxyPass;
  proxySetHeaders: [string, string][];
  clientMaxBodySize: number;
  sets: [string, string][];
  internal: boolean;
  logNotFound: boolean;
  msiePadding: boolean;
}

/** proxy_pass http://host:port/path: where to, and how the Host header names it. */
export interface ProxyPass {
  url: string;
  /** host[:port] as written: the Host header nginx sends ($proxy_host). */
  hostHeader: string;
  /** The address it resolved to when the configuration was read (empty for an upstream block). */
  address: string;
  port: number;
  /** The URI part, if any: it replaces the matched location prefix. */
  path: string | undefined;
  upstream?: string;
}

export interface Scope {
  parent?: Scope;
  own: Partial<Settings>;
}

export const DEFAULTS: Settings = {
  root: 'html',
  alias: '',
  index: ['index.html'],
  defaultType: 'text/plain',
  types: new Map([
    ['html', 'text/html'],
    ['gif', 'image/gif'],
    ['jpg', 'image/jpeg'],
  ]),
  accessLogs: [{ path: 'logs/access.log', format: 'combined' }],
  errorLog: { path: '/var/log/nginx/error.log', level: 'error' },
  keepaliveTimeoutMs: 75_000,
  serverTokens: 'on',
  charset: 'off',
  addHeaders: [],
  errorPages: new Map(),
  tryFiles: [],
  return: { code: 0 },
  rewrites: [],
  autoindex: false,
  absoluteRedirect: true,
  portInRedirect: true,
  serverNameInRedirect: false,
  etag: true,
  proxyPass: { url: '', hostHeader: '', address: '', port: 0, path: undefined },
  proxySetHeaders: [],
  clientMaxBodySize: 1024 * 1024,
  sets: [],
  internal: false,
  logNotFound: true,
  msiePadding: true,
};

/** A setting as the scope sees it: its own, else inherited, else nginx's default. */
export function setting<K extends keyof Settings>(scope: Scope | undefined, key: K): Settings[K] {
  for (let s = scope; s; s = s.parent) if (key in s.own) return s.own[key] as Settings[K];
  return DEFAULTS[key];
}

/** The scope that set `key` (for $document_root and relative paths), if any. */
export function isSet(scope: Scope | undefined, key: keyof Settings): boolean {
  for (let s = scope; s; s = s.parent) if (key in s.own) return true;
  return false;
}

export interface Location extends Scope {
  /** '' prefix, '=' exact, '^~' prefix without regex checks, '~' / '~*' regex, '@' named. */
  modifier: '' | '=' | '^~' | '~' | '~*' | '@';
  path: string;
  regex?: RegExp;
  locations: Location[];
  where: string;
}

export interface Server extends Scope {
  listens: Listen[];
  names: string[];
  locations: Location[];
  where: string;
}

export interface Upstream {
  name: string;
  servers: { host: string; address: string; port: number }[];
}

export interface HttpConfig extends Scope {
  servers: Server[];
  logFormats: Map<string, string>;
  upstreams: Map<string, Upstream>;
}

export interface NginxConfig {
  file: string;
  user?: { name: string; group?: string; uid: number; gid: number };
  workerProcesses: number;
  errorLogs: { path: string; level: string }[];
  pid: string;
  daemon: boolean;
  masterProcess: boolean;
  workerConnections: number;
  http?: HttpConfig;
  /** Every file read, in order, with its text (for nginx -T). */
  files: [string, string][];
}

export const COMBINED = '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';
