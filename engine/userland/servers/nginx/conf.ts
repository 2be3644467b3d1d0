/**
 * Reading nginx.conf (and what it includes) into the NginxConfig the
 * server runs with, checking each directive as nginx does: known at all
 * ("unknown directive"), allowed where it stands ("is not allowed here"),
 * the right number of arguments, a block or not, then the directive's own
 * checks. The first problem ends the reading with nginx's message.
 *
 * The main and events levels are handled here; the http level and below
 * in conf-http.ts.
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../../kernel/sys.ts';
import { readFile } from '../../lib/io.ts';
import { groups as readGroups, passwd as readPasswd } from '../../lib/users.ts';
import { fromUtf8 } from '../../../common/bytes.ts';
import { ConfError, ConfReader, parse, type Directive } from './conf-parse.ts';
import { httpBlock } from './conf-http.ts';
import { argsFit, DIRECTIVES } from './directives.ts';
import type { NginxConfig } from './model.ts';

export const PREFIX = '/etc/nginx/';
export const LOG_LEVELS = ['stderr', 'emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'];

/** What the directive handlers share while a configuration is read. */
export interface Loader {
  sys: Sys;
  conf: NginxConfig;
  /** ngx_conf_handler's checks for `d` in `context` (one of the letters of directives.ts). */
  check(d: Directive, reader: ConfReader, context: string): void;
  /** The include directive: each matching file, parsed in the current context. */
  include(d: Directive, reader: ConfReader, handle: (d: Directive, r: ConfReader) => Promise<void>): Promise<void>;
  /** Nested blocks hand their content to this. */
  parseBlock(reader: ConfReader, handle: (d: Directive, r: ConfReader) => Promise<void>): Promise<void>;
}

/** An "on"/"off" argument, or nginx's complaint. */
export function flag(d: Directive, reader: ConfReader): boolean {
  const v = d.args[0]!.toLowerCase();
  if (v === 'on') return true;
  if (v === 'off') return false;
  return reader.fail(`invalid value "${d.args[0]}" in "${d.name}" directive, it must be "on" or "off"`);
}

/** ngx_parse_time: "65", "65s", "1m30s", "500ms". Milliseconds, or undefined. */
export function parseTime(text: string): number | undefined {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, M: 2_592_000_000, y: 31_536_000_000 };
  let total = 0;
  const re = /(\d+)(ms|[smhdwMy]?)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(text))) {
    total += Number(m[1]) * units[m[2] || 's']!;
    at = re.lastIndex;
    if (at === text.length) break;
  }
  return at === text.length && text !== '' ? total : undefined;
}

/** ngx_parse_size: "1m", "512k", "100". */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+)([kKmMgG]?)$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase()] ?? 1);
}

/** Paths relative to the prefix (/etc/nginx/), as nginx resolves them. */
export const fullPath = (p: string) => (p.startsWith('/') ? p : PREFIX + p);

/** glob(3) for include: "*" and "?" and [...] within one path component. */
function globFiles(sys: Sys, pattern: string): string[] {
  const dir = pattern.slice(0, pattern.lastIndexOf('/')) || '/';
  const base = pattern.slice(pattern.lastIndexOf('/') + 1);
  const re = new RegExp('^' + base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  let names: string[];
  try {
    names = sys.readdir(dir);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return [];
  }
  return names.filter((n) => !n.startsWith('.') && re.test(n)).sort().map((n) => `${dir === '/' ? '' : dir}/${n}`);
}

async function readConfFile(sys: Sys, path: string, reader: ConfReader | undefined, files: [string, string][]): Promise<ConfReader> {
  try {
    const text = fromUtf8(await readFile(sys, path));
    files.push([path, text]);
    return new ConfReader(text, path);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    const e = err as FsError;
    const text = `open() "${path}" failed (${errnoNumber(e)}: ${strerror(e.code)})`;
    if (reader) return reader.fail(text);
    throw new ConfError(text, '');
  }
}

/** The errno number nginx prints beside the message ("(2: No such file or directory)"). */
export function errnoNumber(err: unknown): number {
  const codes: Record<string, number> = { EPERM: 1, ENOENT: 2, EIO: 5, EACCES: 13, EEXIST: 17, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, EMFILE: 24, ENOSPC: 28, EROFS: 30, EADDRINUSE: 98, EADDRNOTAVAIL: 99, ECONNRESET: 104, ETIMEDOUT: 110, ECONNREFUSED: 111, EHOSTUNREACH: 113, ENETUNREACH: 101, ELOOP: 40, ENAMETOOLONG: 36 };
  return err instanceof FsError ? (codes[err.code] ?? 0) : 0;
}

/**
 * Reads the configuration file (and the -g directives, read first, as
 * nginx does). Throws ConfError with nginx's message; `warn` hears the
 * warnings as they come ("[warn] the "user" directive makes sense only…").
 */
export async function loadNginxConfig(sys: Sys, file: string, globals: string | undefined, warn: (text: string) => Promise<void>): Promise<NginxConfig> {
  const conf: NginxConfig = { file, workerProcesses: 1, errorLogs: [], pid: '/var/run/nginx.pid', daemon: true, masterProcess: true, workerConnections: 512, files: [] };
  const seen = new Set<string>();
  const loader: Loader = {
    sys,
    conf,
    check(d, reader, context) {
      const specs = DIRECTIVES.get(d.name);
      if (!specs) reader.fail(`unknown directive "${d.name}"`);
      const spec = specs!.find((s) => s.contexts.includes(context) || s.contexts === '*');
      if (!spec) reader.fail(`"${d.name}" directive is not allowed here`);
      const isBlock = spec!.args.startsWith('{');
      if (!isBlock && d.block) reader.fail(`directive "${d.name}" is not terminated by ";"`);
      if (isBlock && !d.block) reader.fail(`directive "${d.name}" has no opening "{"`);
      if (!argsFit(spec!.args, d.args.length)) reader.fail(`invalid number of arguments in "${d.name}" directive`);
    },
    async include(d, reader, handle) {
      const pattern = fullPath(d.args[0]!);
      const files = /[*?[]/.test(pattern) ? globFiles(sys, pattern) : [pattern];
      for (const f of files) await parse(await readConfFile(sys, f, reader, conf.files), 'file', handle);
    },
    parseBlock: (reader, handle) => parse(reader, 'block', handle),
  };

  const once = (d: Directive, reader: ConfReader) => {
    if (seen.has(d.name)) reader.fail(`"${d.name}" directive is duplicate`);
    seen.add(d.name);
  };

  const main = async (d: Directive, reader: ConfReader): Promise<void> => {
    loader.check(d, reader, 'M');
    const a = d.args;
    switch (d.name) {
      case 'include':
        return loader.include(d, reader, main);
      case 'user': {
        once(d, reader);
        if (sys.geteuid() !== 0) {
          await warn(`the "user" directive makes sense only if the master process runs with super-user privileges, ignored ${reader.where()}`);
          return;
        }
        const user = (await readPasswd(sys)).find((u) => u.name === a[0]);
        if (!user) reader.fail(`getpwnam("${a[0]}") failed`);
        const groupName = a[1] ?? a[0]!;
        const group = (await readGroups(sys)).find((g) => g.name === groupName);
        if (!group) reader.fail(`getgrnam("${groupName}") failed`);
        conf.user = { name: a[0]!, group: a[1], uid: user!.uid, gid: group!.gid };
        return;
      }
      case 'worker_processes': {
        once(d, reader);
        if (a[0] === 'auto') conf.workerProcesses = cpuCount(await onlineCpus(sys));
        else if (/^\d+$/.test(a[0]!)) conf.workerProcesses = Number(a[0]);
        else reader.fail(`"worker_processes" directive invalid value`);
        return;
      }
      case 'error_log':
        conf.errorLogs.push(errorLogArgs(d, reader));
        return;
      case 'pid':
        once(d, reader);
        conf.pid = fullPath(a[0]!);
        return;
      case 'daemon':
        once(d, reader);
        conf.daemon = flag(d, reader);
        return;
      case 'master_process':
        once(d, reader);
        conf.masterProcess = flag(d, reader);
        return;
      case 'events':
        once(d, reader);
        return loader.parseBlock(reader, events);
      case 'http':
        once(d, reader);
        conf.http = await httpBlock(loader, reader);
        return;
      case 'stream':
      case 'mail':
        // Checked like the rest, then left alone: Berth runs no stream or mail proxy.
        return loader.parseBlock(reader, (inner, r) => skipBlock(loader, inner, r, d.name === 'stream' ? 'T' : 'A'));
      default:
        // Known to nginx, no effect in Berth (tuning: worker_rlimit_nofile, pcre_jit, env, load_module…).
        return;
    }
  };

  const events = async (d: Directive, reader: ConfReader): Promise<void> => {
    loader.check(d, reader, 'E');
    if (d.name === 'include') return loader.include(d, reader, events);
    if (d.name === 'worker_connections') {
      if (!/^\d+$/.test(d.args[0]!)) reader.fail(`invalid number "${d.args[0]}"`);
      conf.workerConnections = Number(d.args[0]);
    }
    if (d.name === 'use' && d.args[0] !== 'epoll') reader.fail(`invalid event type "${d.args[0]}"`);
  };

  if (globals !== undefined) await parse(new ConfReader(globals, undefined), 'param', main);
  await parse(await readConfFile(sys, file, undefined, conf.files), 'file', main);
  return conf;
}

/** Checks a stream or mail block's directives without acting on them. */
async function skipBlock(loader: Loader, d: Directive, reader: ConfReader, context: string): Promise<void> {
  loader.check(d, reader, context);
  if (d.name === 'include') return loader.include(d, reader, (x, r) => skipBlock(loader, x, r, context));
  if (d.block) {
    const inner = d.name === 'server' ? (context === 'T' ? 'S' : 'B') : d.name === 'upstream' ? 'U' : context;
    await loader.parseBlock(reader, (x, r) => skipBlock(loader, x, r, inner));
  }
}

/** error_log's arguments: a file (or "stderr") and an optional level. */
export function errorLogArgs(d: Directive, reader: ConfReader): { path: string; level: string } {
  const level = d.args[1] ?? 'error';
  if (!LOG_LEVELS.includes(level) || level === 'stderr') reader.fail(`invalid log level "${level}"`);
  return { path: d.args[0] === 'stderr' ? 'stderr' : fullPath(d.args[0]!), level };
}

async function onlineCpus(sys: Sys): Promise<string> {
  try {
    return fromUtf8(await readFile(sys, '/sys/devices/system/cpu/online'));
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return '0';
  }
}

/** "0-3,5" → 5 (sysconf(_SC_NPROCESSORS_ONLN) reads this list). */
export function cpuCount(list: string): number {
  let n = 0;
  for (const part of list.trim().split(',')) {
    const [a, b] = part.split('-').map(Number);
    if (a === undefined || Number.isNaN(a)) continue;
    n += b === undefined ? 1 : b - a + 1;
  }
  return Math.max(1, n);
}
