/**
 * redis-server's configuration: a config file (`redis-server /etc/redis.conf`)
 * and `--name value` options, read as Redis reads them — each line split
 * like a command line, options appended after the file's lines — and
 * checked against the known directives. Errors end the program with Redis's
 * "*** FATAL CONFIG FILE ERROR ***" report.
 *
 * The defaults are Redis 7.4's, with the Docker image's build changes
 * (protected-mode off) and `dir` the working directory.
 */
import { splitArgs } from './resp.ts';

export const CONFIG_DEFAULTS: Record<string, string> = {
  'always-show-logo': 'no',
  'aof-use-rdb-preamble': 'yes',
  appenddirname: 'appendonlydir',
  appendfilename: 'appendonly.aof',
  appendfsync: 'everysec',
  appendonly: 'no',
  bind: '* -::*',
  daemonize: 'no',
  databases: '16',
  dbfilename: 'dump.rdb',
  dir: '/data',
  hz: '10',
  'io-threads': '1',
  logfile: '',
  loglevel: 'notice',
  maxclients: '10000',
  maxmemory: '0',
  'maxmemory-policy': 'noeviction',
  'notify-keyspace-events': '',
  pidfile: '',
  port: '6379',
  'protected-mode': 'no',
  rdbchecksum: 'yes',
  rdbcompression: 'yes',
  'replica-read-only': 'yes',
  requirepass: '',
  save: '3600 1 300 100 60 10000',
  'stop-writes-on-bgsave-error': 'yes',
  supervised: 'no',
  'tcp-backlog': '511',
  'tcp-keepalive': '300',
  timeout: '0',
};

export const IMMUTABLE = new Set(['daemonize', 'databases', 'io-threads', 'supervised', 'always-show-logo', 'appenddirname', 'logfile', 'pidfile']);

const BOOLEANS = new Set(['appendonly', 'daemonize', 'protected-mode', 'rdbchecksum', 'rdbcompression', 'replica-read-only', 'stop-writes-on-bgsave-error', 'aof-use-rdb-preamble', 'always-show-logo']);
const NUMBERS = new Set(['databases', 'hz', 'io-threads', 'maxclients', 'port', 'tcp-backlog', 'tcp-keepalive', 'timeout']);
const ENUMS: Record<string, string[]> = {
  appendfsync: ['always', 'everysec', 'no'],
  loglevel: ['debug', 'verbose', 'notice', 'warning', 'nothing'],
  'maxmemory-policy': ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'],
  supervised: ['upstart', 'systemd', 'auto', 'no'],
};
const MULTI_ARG = new Set(['save', 'bind']);

export const configNames = (): string[] => Object.keys(CONFIG_DEFAULTS);

/** Memory sizes as Redis's memtoull reads them: 100, 1k, 1kb, 1m, 1mb, 1g, 1gb. */
export function parseMemory(text: string): number | undefined {
  const m = /^(\d+)(k|kb|m|mb|g|gb)?$/i.exec(text);
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, k: 1000, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };
  return Number(m[1]) * mult[(m[2] ?? '').toLowerCase()]!;
}

/** Why a value is not acceptable for a directive, in Redis's words; undefined when it is. */
export function checkValue(name: string, value: string): string | undefined {
  if (BOOLEANS.has(name) && !/^(yes|no)$/i.test(value)) return "argument must be 'yes' or 'no'";
  if (NUMBERS.has(name) && !/^-?\d+$/.test(value)) return 'argument couldn\'t be parsed into an integer';
  if (name === 'port' && (Number(value) < 0 || Number(value) > 65535)) return 'argument must be between 0 and 65535 inclusive';
  if (name === 'databases' && Number(value) < 1) return 'argument must be between 1 and 2147483647 inclusive';
  if (ENUMS[name] && !ENUMS[name]!.includes(value.toLowerCase())) return 'argument(s) must be one of the following: ' + ENUMS[name]!.join(', ');
  if (name === 'maxmemory' && parseMemory(value) === undefined) return 'argument must be a memory value';
  if (name === 'save') {
    const parts = value.trim() === '' ? [] : value.trim().split(/\s+/);
    if (parts.length % 2 !== 0 || parts.some((p) => !/^\d+$/.test(p))) return 'Invalid save parameters';
  }
  return undefined;
}

/** The save rules of a `save` value: [[seconds, changes], …]. */
export function saveRules(value: string): [number, number][] {
  const parts = value.trim() === '' ? [] : value.trim().split(/\s+/).map(Number);
  const rules: [number, number][] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) rules.push([parts[i]!, parts[i + 1]!]);
  return rules;
}

export class ConfigError extends Error {
  constructor(
    readonly line: number | undefined,
    readonly text: string,
    message: string,
  ) {
    super(message);
  }

  /** What redis-server prints before exiting 1. */
  report(): string {
    let out = '\n*** FATAL CONFIG FILE ERROR (Redis 7.4.1) ***\n';
    if (this.line !== undefined) out += `Reading the configuration file, at line ${this.line}\n>>> '${this.text}'\n`;
    return out + this.message + '\n';
  }
}

/**
 * Reads config text (the file's lines, then the command-line options, one
 * per line) into `config`. Throws ConfigError.
 */
export function loadConfig(config: Map<string, string>, text: string): void {
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const args = splitArgs(line);
    const fail = (message: string): never => {
      throw new ConfigError(i + 1, line, message);
    };
    if (args === null) fail('Unbalanced quotes in configuration line');
    const [rawName, ...values] = args!;
    const name = rawName!.toLowerCase();
    if (name === 'include' || name === 'rename-command' || name === 'user' || name === 'loadmodule') continue;
    if (!(name in CONFIG_DEFAULTS) || values.length === 0 || (values.length > 1 && !MULTI_ARG.has(name))) fail('Bad directive or wrong number of arguments');
    const value = name === 'save' && values.length === 1 && values[0] === '' ? '' : values.join(' ');
    const problem = checkValue(name, value);
    if (problem) fail(problem);
    // "save" lines add up (each one a rule), unless one resets them with "".
    if (name === 'save' && config.get('save.set') === '1' && value !== '') config.set('save', `${config.get('save')} ${value}`.trim());
    else config.set(name, BOOLEANS.has(name) ? value.toLowerCase() : value);
    if (name === 'save') config.set('save.set', '1');
  }
  config.delete('save.set');
}

/**
 * The options part of a redis-server command line as Redis makes it: each
 * "--name" starts a line, each value follows quoted (sdscatrepr), so
 * "--port 7000 --save 60 1" becomes 'port "7000" \nsave "60" "1" '.
 */
export function optionsText(args: string[]): string {
  let out = '';
  for (const a of args) {
    if (a.startsWith('--')) out += `${out === '' ? '' : '\n'}${a.slice(2)} `;
    else out += `${repr(a)} `;
  }
  return out;
}

/** sdscatrepr: a double-quoted string with \n, \r, \t, \a, \b, \\, \" and \xHH escapes. */
function repr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\' || ch === '"') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (c >= 32 && c < 127) out += ch;
    else out += '\\x' + c.toString(16).padStart(2, '0');
  }
  return out + '"';
}
