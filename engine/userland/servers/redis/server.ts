/**
 * redis-server 7.4.1: an in-memory key-value store on TCP port 6379.
 *
 *     redis-server                          defaults (save rules 3600 1 300 100 60 10000, dir = cwd)
 *     redis-server --appendonly yes         also an append-only file in ./appendonlydir
 *     redis-server /etc/redis.conf --port 7000
 *
 * One process, one event loop, as Redis: poll(2) over the listening socket
 * and every client, then a cron `hz` (10) times a second for expiry, the
 * save rules and a requested shutdown. SIGTERM and SIGINT shut down the
 * way Redis does (final RDB save, "bye bye"); SIGPIPE and SIGHUP are
 * ignored. Log lines go to standard output (docker logs), as in the image.
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { SIGHUP, SIGINT, SIGPIPE, SIGTERM } from '../../../kernel/signals.ts';
import { isProcessControl, type Program, type Sys } from '../../../kernel/sys.ts';
import { readAll, readFile } from '../../lib/io.ts';
import { Aof } from './aof.ts';
import { resolve } from './commands.ts';
import './commands-keys.ts';
import './commands-server.ts';
import './commands-types.ts';
import { ConfigError, CONFIG_DEFAULTS, loadConfig, optionsText } from './config.ts';
import { Logger } from './log.ts';
import { rdbLoad } from './persistence.ts';
import { bin } from './resp.ts';
import { resume, retitle } from '../title.ts';
import { eventLoop, newClient } from './loop.ts';
import { RedisState } from './state.ts';
import { Keyspace } from './store.ts';

export const BUILD_ID = '3a1b4fdf69fc5ec6';
const VERSION_LINE = `Redis server v=7.4.1 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=${BUILD_ID}\n`;

const USAGE = [
  'Usage: ./redis-server [/path/to/redis.conf] [options] [-]',
  '       ./redis-server - (read config from stdin)',
  '       ./redis-server -v or --version',
  '       ./redis-server -h or --help',
  '       ./redis-server --test-memory <megabytes>',
  '       ./redis-server --check-system',
  '',
  'Examples:',
  '       ./redis-server (run the server with default conf)',
  "       echo 'maxmemory 128mb' | ./redis-server -",
  '       ./redis-server /etc/redis/6379.conf',
  '       ./redis-server --port 7777',
  '       ./redis-server --port 7777 --replicaof 127.0.0.1 8888',
  '       ./redis-server /etc/myredis.conf --loglevel verbose -',
  '       ./redis-server /etc/myredis.conf --loglevel verbose',
  '',
  'Sentinel mode:',
  '       ./redis-server /etc/sentinel.conf --sentinel',
  '',
].join('\n');

const ASCII_LOGO = (port: number, pid: number) =>
  [
    '                _._                                                  ',
    "           _.-``__ ''-._                                             ",
    "      _.-``    `.  `_.  ''-._           Redis Community Edition      ",
    "  .-`` .-```.  ```\\/    _.,_ ''-._     7.4.1 (00000000/0) 64 bit",
    " (    '      ,       .-`  | `,    )     Running in standalone mode",
    " |`-._`-...-` __...-.``-._|'` _.-'|     Port: " + port,
    " |    `-._   `._    /     _.-'    |     PID: " + pid,
    "  `-._    `-._  `-./  _.-'    _.-'                                   ",
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
    " |    `-._`-._        _.-'_.-'    |           https://redis.io       ",
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
    " |    `-._`-._        _.-'_.-'    |                                  ",
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
    "      `-._    `-.__.-'    _.-'                                       ",
    "          `-._        _.-'                                           ",
    "              `-.__.-'                                               ",
    '',
    '',
  ].join('\n');

const errText = (err: unknown): string => {
  if (isProcessControl(err)) throw err;
  return err instanceof FsError ? strerror(err.code) : String(err);
};

async function readText(sys: Sys, path: string): Promise<string | undefined> {
  try {
    return bin(await readFile(sys, path));
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return undefined;
  }
}

export const redisServer: Program = async (sys) => {
  // Back from taking the process title (see ../title.ts): carry on serving.
  const titled = resume(sys);
  if (titled) return titled(sys);
  const argv = [...sys.argv];
  const self = (argv[0] ?? 'redis-server').split('/').pop()!;
  if (self.includes('redis-sentinel') || argv.includes('--sentinel') || self.startsWith('redis-check-')) {
    await sys.write(2, `${self}: this mode of redis-server is not part of Berth's emulated Redis\n`);
    return 1;
  }
  if (argv[1] === '-v' || argv[1] === '--version') {
    await sys.write(1, VERSION_LINE);
    return 0;
  }
  if (argv[1] === '-h' || argv[1] === '--help') {
    await sys.write(2, USAGE);
    return 1;
  }

  const log = new Logger(sys);
  const config = new Map<string, string>();
  let configFile = '';
  let text = '';
  let optStart = 1;
  if (argv[1] !== undefined && !argv[1].startsWith('-')) {
    configFile = argv[1].startsWith('/') ? argv[1] : `${sys.getcwd().replace(/\/$/, '')}/${argv[1]}`;
    optStart = 2;
    const file = await readText(sys, configFile);
    if (file === undefined) {
      let why = 'No such file or directory';
      try {
        sys.open(configFile, 'r');
      } catch (err) {
        why = errText(err);
      }
      await log.log('warning', `Fatal error, can't open config file '${configFile}': ${why}`);
      return 1;
    }
    text = file;
  }
  const rest = argv.slice(optStart);
  if (rest[rest.length - 1] === '-') {
    await log.log('notice', 'Reading config from stdin');
    text += bin(await readAll(sys, 0));
    rest.pop();
  }
  // Redis appends the command-line options after a newline, so they start on a line of their own.
  text += '\n' + optionsText(rest);
  try {
    loadConfig(config, text);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    await sys.write(2, err.report());
    return 1;
  }
  const get = (name: string) => config.get(name) ?? CONFIG_DEFAULTS[name]!;
  log.file = get('logfile');
  log.verbosity = get('loglevel') as Logger['verbosity'];
  if (config.has('dir')) {
    try {
      sys.chdir(get('dir'));
    } catch (err) {
      await log.log('warning', `Can't chdir to '${get('dir')}': ${errText(err)}`);
      return 1;
    }
  }
  config.set('dir', sys.getcwd());

  // Redis's system checks, on the files it reads.
  const overcommit = await readText(sys, '/proc/sys/vm/overcommit_memory');
  if (overcommit !== undefined && Number.parseInt(overcommit, 10) !== 1) {
    await log.log(
      'warning',
      "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
    );
  }
  await log.log('notice', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  await log.log('notice', `Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=${sys.pid}, just started`);
  if (argv.length === 1) await log.log('warning', `Warning: no config file specified, using the default config. In order to specify a config file use ${argv[0]} /path/to/redis.conf`);
  else await log.log('notice', 'Configuration loaded');

  const ks = new Keyspace(() => sys.now(), Number(get('databases')));
  const state = new RedisState(sys, log, ks, config);
  state.configFile = configFile;
  state.executable = argv[0]!.startsWith('/') ? argv[0]! : `${sys.getcwd().replace(/\/$/, '')}/${argv[0]}`;

  // initServer
  log.role = 'M';
  await log.log('notice', 'monotonic clock: POSIX clock_gettime');
  const port = Number(get('port'));
  // redisSetProcTitle: "redis-server *:6379" in ps and docker top (proc-title-template "{title} {listen-addr} {server-mode}").
  const [marker, markerW] = sys.pipe();
  const title = `${argv[0]} ${get('bind').split(/\s+/)[0]!.replace(/^-/, '')}:${port}`.trim();
  return retitle(sys, title, marker, async () => {
    sys.close(marker);
    sys.close(markerW);
    return serve();
  });

  /** The rest of the start, and the server, under its title (an exec resets signal handlers, so they are set here). */
  async function serve(): Promise<number> {
    sys.signal(SIGPIPE, 'ignore');
    sys.signal(SIGHUP, 'ignore');
    const pendingRaw: string[] = [];
    let exitNow = false;
    const onSignal = (sig: number) => {
      const at = Math.floor(sys.now() / 1000);
      if (state.shutdownAsap && sig === SIGINT) {
        pendingRaw.push(`${sys.pid}:signal-handler (${at}) You insist... exiting now.\n`);
        exitNow = true;
        return;
      }
      const msg = sig === SIGINT ? 'Received SIGINT scheduling shutdown...' : 'Received SIGTERM scheduling shutdown...';
      pendingRaw.push(`${sys.pid}:signal-handler (${at}) ${msg}\n`);
      state.shutdownAsap = true;
    };
    sys.signal(SIGTERM, onSignal);
    sys.signal(SIGINT, onSignal);

    if ((sys.isatty(1) && log.file === '') || get('always-show-logo') === 'yes') await log.raw(ASCII_LOGO(port, sys.pid));
    else await log.log('notice', `Running mode=standalone, port=${port}.`);

    const listeners: number[] = [];
    for (const spec of get('bind').split(/\s+/).filter((b) => b !== '')) {
      const optional = spec.startsWith('-');
      const addr = optional ? spec.slice(1) : spec;
      // IPv6 listeners ("::*") need an IPv6 stack; like Redis on a kernel without one, skip them.
      if (addr.includes(':') || port === 0) continue;
      const fd = sys.socket('inet', 'stream');
      try {
        sys.setsockopt(fd, 'SO_REUSEADDR', true);
        sys.bind(fd, { family: 'inet', address: addr === '*' ? '0.0.0.0' : addr, port });
        sys.listen(fd, Number(get('tcp-backlog')));
        sys.setNonblock(fd, true);
        listeners.push(fd);
      } catch (err) {
        sys.close(fd);
        const code = err instanceof FsError ? err.code : '';
        await log.log('warning', `Warning: Could not create server TCP listening socket ${addr}:${port}: bind: ${errText(err)}`);
        if (code === 'EADDRNOTAVAIL' && optional) continue;
        await log.log('warning', `Failed listening on port ${port} (tcp), aborting.`);
        return 1;
      }
    }
    state.closeListeners = () => {
      for (const fd of listeners.splice(0)) sys.close(fd);
    };
    if (get('pidfile') !== '') {
      try {
        const fd = sys.open(get('pidfile'), 'w', 0o644);
        await sys.write(fd, `${sys.pid}\n`);
        sys.close(fd);
      } catch (err) {
        errText(err);
      }
    }

    await log.log('notice', 'Server initialized');
    const replayClient = newClient(0, -1, '', '', sys.now());
    if (get('appendonly') === 'yes') {
      const aof = new Aof(sys, log, get('appenddirname'), get('appendfilename'));
      await aof.readManifest();
      state.loading = true;
      const result = await aof.load(ks, async (args) => {
        const r = resolve(replayClient, args, '');
        if ('spec' in r) await r.spec.run(state, replayClient, args);
      });
      state.loading = false;
      if (result === 'failed') return 1;
      state.aof = aof;
      if (!(await aof.openOnStart(ks, { ctimeSec: Math.floor(sys.now() / 1000), usedMem: state.usedMemory() }))) return 1;
    } else {
      const t = sys.now();
      const result = await rdbLoad(sys, log, ks, get('dbfilename'));
      if (result === 'failed') {
        await log.log('warning', 'Fatal error loading the DB, check server logs. Exiting.');
        return 1;
      }
      if (result === 'ok') await log.log('notice', `DB loaded from disk: ${((sys.now() - t) / 1000).toFixed(3)} seconds`);
    }
    ks.dirty = 0;
    await log.log('notice', 'Ready to accept connections tcp');

    return eventLoop({ sys, state, log, listeners, pendingRaw, exitNow: () => exitNow, requirePass: () => get('requirepass'), hz: Number(get('hz')) });
  }
};
