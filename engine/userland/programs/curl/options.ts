/**
 * curl's command line (src/tool_getparam.c): options anywhere among the
 * URLs, short ones bundled ("-sSL") with a value attached or following
 * ("-oout", "-o out"), long ones as "--output out" or "--output=out" is
 * *not* accepted (curl never took that form). An unknown option is
 *
 *     curl: option --bogus: is unknown
 *     curl: try 'curl --help' or 'curl --manual' for more information
 *
 * with status 2.
 */

export interface CurlOptions {
  urls: string[];
  silent: boolean;
  showError: boolean;
  fail: boolean;
  failWithBody: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  location: boolean;
  maxRedirs: number;
  output: (string | undefined)[];
  remoteName: boolean[];
  remoteNameAll: boolean;
  request?: string;
  data: string[];
  /** -d was given (even empty): a POST with a form body. */
  hasData: boolean;
  get: boolean;
  headers: string[];
  userAgent?: string;
  user?: string;
  writeOut?: string;
  maxTime?: number;
  connectTimeout?: number;
  insecure: boolean;
  createDirs: boolean;
  noProgressMeter: boolean;
  referer?: string;
  compressed: boolean;
  showHelp: boolean;
  showVersion: boolean;
}

type Kind = 'flag' | 'value';

/** Long names (the ones Berth understands), their short letters, and whether they take a value. */
const LONG: Record<string, [string, Kind]> = {
  silent: ['s', 'flag'],
  'show-error': ['S', 'flag'],
  fail: ['f', 'flag'],
  'fail-with-body': ['fail-with-body', 'flag'],
  verbose: ['v', 'flag'],
  include: ['i', 'flag'],
  head: ['I', 'flag'],
  location: ['L', 'flag'],
  'max-redirs': ['max-redirs', 'value'],
  output: ['o', 'value'],
  'remote-name': ['O', 'flag'],
  'remote-name-all': ['remote-name-all', 'flag'],
  request: ['X', 'value'],
  data: ['d', 'value'],
  'data-ascii': ['d', 'value'],
  'data-raw': ['data-raw', 'value'],
  'data-binary': ['data-binary', 'value'],
  'data-urlencode': ['data-urlencode', 'value'],
  json: ['json', 'value'],
  get: ['G', 'flag'],
  header: ['H', 'value'],
  'user-agent': ['A', 'value'],
  user: ['u', 'value'],
  'write-out': ['w', 'value'],
  'max-time': ['m', 'value'],
  'connect-timeout': ['connect-timeout', 'value'],
  insecure: ['k', 'flag'],
  'create-dirs': ['create-dirs', 'flag'],
  'no-progress-meter': ['no-progress-meter', 'flag'],
  referer: ['e', 'value'],
  compressed: ['compressed', 'flag'],
  url: ['url', 'value'],
  help: ['h', 'flag'],
  version: ['V', 'flag'],
  // accepted and ignored: Berth has one HTTP version, no proxy, no cookies on disk
  http1: ['ignore', 'flag'],
  'http1.1': ['ignore', 'flag'],
  http2: ['ignore', 'flag'],
  progress: ['#', 'flag'],
  'progress-bar': ['#', 'flag'],
  ipv4: ['4', 'flag'],
  retry: ['ignore-value', 'value'],
  'retry-delay': ['ignore-value', 'value'],
  cacert: ['ignore-value', 'value'],
  'proto': ['ignore-value', 'value'],
  tlsv1: ['1', 'flag'],
  'tlsv1.2': ['ignore', 'flag'],
  'tlsv1.3': ['ignore', 'flag'],
  'ssl-reqd': ['ignore', 'flag'],
  netrc: ['n', 'flag'],
  'keepalive-time': ['ignore-value', 'value'],
  'no-keepalive': ['ignore', 'flag'],
  'no-buffer': ['N', 'flag'],
};

const SHORT: Record<string, Kind> = {
  s: 'flag', S: 'flag', f: 'flag', v: 'flag', i: 'flag', I: 'flag', L: 'flag', O: 'flag', G: 'flag', k: 'flag', h: 'flag', V: 'flag', '#': 'flag', '4': 'flag', '1': 'flag', n: 'flag', N: 'flag',
  o: 'value', X: 'value', d: 'value', H: 'value', A: 'value', u: 'value', w: 'value', m: 'value', e: 'value',
};

export type ParseResult = { ok: true; options: CurlOptions } | { ok: false; message: string };

function blank(): CurlOptions {
  return {
    urls: [], silent: false, showError: false, fail: false, failWithBody: false, verbose: false, include: false, head: false, location: false, maxRedirs: 50,
    output: [], remoteName: [], remoteNameAll: false, data: [], hasData: false, get: false, headers: [], insecure: false, createDirs: false,
    noProgressMeter: false, compressed: false, showHelp: false, showVersion: false,
  };
}

/** Applies one option (by its short letter or long-only name). */
function apply(o: CurlOptions, key: string, value: string | undefined, name: string): string | undefined {
  switch (key) {
    case 's': o.silent = true; break;
    case 'S': o.showError = true; break;
    case 'f': o.fail = true; break;
    case 'fail-with-body': o.failWithBody = true; break;
    case 'v': o.verbose = true; break;
    case 'i': o.include = true; break;
    case 'I': o.head = true; break;
    case 'L': o.location = true; break;
    case 'max-redirs': {
      if (!/^-?\d+$/.test(value!)) return `option ${name}: expected a proper numerical parameter`;
      o.maxRedirs = Number(value);
      break;
    }
    case 'o': o.output.push(value); break;
    case 'O': o.remoteName.push(true); break;
    case 'remote-name-all': o.remoteNameAll = true; break;
    case 'X': o.request = value; break;
    case 'd':
      o.hasData = true;
      o.data.push(value!.startsWith('@') ? `\0file:${value!.slice(1)}:strip` : value!);
      break;
    case 'data-raw': o.hasData = true; o.data.push(value!); break;
    case 'data-binary': o.hasData = true; o.data.push(value!.startsWith('@') ? `\0file:${value!.slice(1)}:raw` : value!); break;
    case 'data-urlencode': {
      o.hasData = true;
      const eq = value!.indexOf('=');
      o.data.push(eq < 0 ? encodeURIComponent(value!) : `${value!.slice(0, eq + 1)}${encodeURIComponent(value!.slice(eq + 1))}`);
      break;
    }
    case 'json':
      o.hasData = true;
      o.data.push(value!);
      o.headers.push('Content-Type: application/json', 'Accept: application/json');
      break;
    case 'G': o.get = true; break;
    case 'H': o.headers.push(value!); break;
    case 'A': o.userAgent = value; break;
    case 'u': o.user = value; break;
    case 'w': o.writeOut = value; break;
    case 'm':
    case 'connect-timeout': {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) return `option ${name}: expected a proper numerical parameter`;
      if (key === 'm') o.maxTime = n;
      else o.connectTimeout = n;
      break;
    }
    case 'k': o.insecure = true; break;
    case 'create-dirs': o.createDirs = true; break;
    case 'no-progress-meter': o.noProgressMeter = true; break;
    case 'e': o.referer = value; break;
    case 'compressed': o.compressed = true; break;
    case 'url': o.urls.push(value!); break;
    case 'h': o.showHelp = true; break;
    case 'V': o.showVersion = true; break;
    default: break;
  }
  return undefined;
}

export function parseArgs(args: readonly string[]): ParseResult {
  const o = blank();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) {
      let name = a.slice(2);
      let negate = false;
      if (!LONG[name] && name.startsWith('no-') && LONG[name.slice(3)]) {
        name = name.slice(3);
        negate = true;
      }
      const spec = LONG[name];
      if (!spec) return { ok: false, message: `option ${a}: is unknown` };
      const [key, kind] = spec;
      if (kind === 'value') {
        const v = args[++i];
        if (v === undefined) return { ok: false, message: `option ${a}: requires parameter` };
        const err = apply(o, key, v, a);
        if (err) return { ok: false, message: err };
      } else if (!negate) apply(o, key, undefined, a);
      else if (key === 's') o.silent = false;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const kind = SHORT[c];
        if (!kind) return { ok: false, message: `option -${a.slice(j)}: is unknown` };
        if (kind === 'value') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return { ok: false, message: `option -${c}: requires parameter` };
          const err = apply(o, c, v, `-${c}`);
          if (err) return { ok: false, message: err };
          break;
        }
        apply(o, c, undefined, `-${c}`);
      }
      continue;
    }
    o.urls.push(a);
  }
  return { ok: true, options: o };
}
