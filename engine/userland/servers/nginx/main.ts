/**
 * nginx 1.27.2, as nginx.org's packages build it for the official image.
 *
 *     nginx -g 'daemon off;'        the image's command: master in the foreground, workers forked
 *     nginx -t / -T                 test (and dump) the configuration
 *     nginx -s reload|reopen|stop|quit   signal the running master (its pid file)
 *     nginx -v / -V / -h
 *
 * The master reads /etc/nginx/nginx.conf, opens the logs and binds the
 * listening sockets, then forks `worker_processes` workers (auto: the CPUs
 * the kernel reports) that serve requests, and waits for signals: SIGQUIT
 * shuts down gracefully (the image's STOPSIGNAL), SIGTERM/SIGINT at once,
 * SIGHUP reloads the configuration with new workers, SIGUSR1 reopens logs.
 * Its notices go to the error log, which the image links to stderr.
 */
import { fromUtf8 } from '../../../common/bytes.ts';
import { FsError, strerror } from '../../../fs/errno.ts';
import { SIGCHLD, SIGHUP, SIGINT, SIGKILL, SIGPIPE, SIGQUIT, SIGTERM } from '../../../kernel/signals.ts';
import { isProcessControl, type Program, type Sys } from '../../../kernel/sys.ts';
import { readFile } from '../../lib/io.ts';
import { ConfError } from './conf-parse.ts';
import { errnoNumber, loadNginxConfig } from './conf.ts';
import { Cycle, openCycle } from './cycle.ts';
import { closeQuietly, ErrorLog, openLogFile } from './log.ts';
import { NGINX_VERSION } from './pages.ts';
import { resume, retitle } from '../title.ts';
import { workerProgram } from './worker.ts';

const SIGUSR1 = 10;
const SIGNALS: Record<string, number> = { stop: SIGTERM, quit: SIGQUIT, reopen: SIGUSR1, reload: SIGHUP };
const NAMES: Record<number, string> = { [SIGHUP]: 'SIGHUP', [SIGINT]: 'SIGINT', [SIGQUIT]: 'SIGQUIT', [SIGTERM]: 'SIGTERM', [SIGUSR1]: 'SIGUSR1', [SIGCHLD]: 'SIGCHLD' };

const HELP = `Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

`;

const CONFIGURE =
  '--prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/var/run/nginx.pid --lock-path=/var/run/nginx.lock --http-client-body-temp-path=/var/cache/nginx/client_temp --http-proxy-temp-path=/var/cache/nginx/proxy_temp --http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp --http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp --http-scgi-temp-path=/var/cache/nginx/scgi_temp --user=nginx --group=nginx --with-compat --with-file-aio --with-threads --with-http_addition_module --with-http_auth_request_module --with-http_dav_module --with-http_flv_module --with-http_gunzip_module --with-http_gzip_static_module --with-http_mp4_module --with-http_random_index_module --with-http_realip_module --with-http_secure_link_module --with-http_slice_module --with-http_ssl_module --with-http_stub_status_module --with-http_sub_module --with-http_v2_module --with-http_v3_module --with-mail --with-mail_ssl_module --with-stream --with-stream_realip_module --with-stream_ssl_module --with-stream_ssl_preread_module';

/** The build differs between the Debian and Alpine images: compiler and OpenSSL. */
function build(alpine: boolean): { compiler: string; openssl: string } {
  return alpine
    ? { compiler: 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ', openssl: 'OpenSSL 3.3.2 3 Sep 2024' }
    : { compiler: 'gcc 12.2.0 (Debian 12.2.0-14) ', openssl: 'OpenSSL 3.0.14 4 Jun 2024' };
}

interface Options {
  help: boolean;
  version: boolean;
  configure: boolean;
  test: boolean;
  dump: boolean;
  quiet: boolean;
  signal?: string;
  conf: string;
  errorLog: string;
  globals?: string;
}

function parseOptions(argv: readonly string[]): Options | string {
  const o: Options = { help: false, version: false, configure: false, test: false, dump: false, quiet: false, conf: '/etc/nginx/nginx.conf', errorLog: '/var/log/nginx/error.log' };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) return `invalid option: "${arg}"`;
    for (let k = 1; k < arg.length; k++) {
      const c = arg[k]!;
      const value = (): string | undefined => {
        const attached = arg.slice(k + 1);
        k = arg.length;
        if (attached !== '') return attached;
        return argv[++i];
      };
      if (c === '?' || c === 'h') o.version = o.help = true;
      else if (c === 'v') o.version = true;
      else if (c === 'V') o.version = o.configure = true;
      else if (c === 't') o.test = true;
      else if (c === 'T') o.test = o.dump = true;
      else if (c === 'q') o.quiet = true;
      else if (c === 'p') {
        if (value() === undefined) return 'option "-p" requires directory name';
      } else if (c === 'e') {
        const v = value();
        if (v === undefined) return 'option "-e" requires file name';
        o.errorLog = v === 'stderr' ? 'stderr' : v;
      } else if (c === 'c') {
        const v = value();
        if (v === undefined) return 'option "-c" requires file name';
        o.conf = v.startsWith('/') ? v : `/etc/nginx/${v}`;
      } else if (c === 'g') {
        const v = value();
        if (v === undefined) return 'option "-g" requires parameter';
        o.globals = v;
      } else if (c === 's') {
        const v = value();
        if (v === undefined) return 'option "-s" requires parameter';
        if (!(v in SIGNALS)) return `invalid option: "-s ${v}"`;
        o.signal = v;
      } else return `invalid option: "${c}"`;
    }
  }
  return o;
}

export const nginx: Program = async (sys) => {
  // A master or worker coming back from taking its title (see title.ts).
  if (sys.argv[0]?.startsWith('nginx: ')) {
    const run = resume(sys);
    if (run) return run(sys);
  }
  const log = new ErrorLog(sys);
  const options = parseOptions(sys.argv);
  if (typeof options === 'string') {
    await log.stderr(options);
    return 1;
  }
  const alpine = exists(sys, '/etc/alpine-release');
  if (options.version) {
    let text = `nginx version: nginx/${NGINX_VERSION}\n`;
    if (options.help) text += HELP;
    if (options.configure) {
      const b = build(alpine);
      text += `built by ${b.compiler}\nbuilt with ${b.openssl}\nTLS SNI support enabled\nconfigure arguments: ${CONFIGURE}\n`;
    }
    await sys.write(2, text);
    if (!options.test) return 0;
  }

  // The built-in log, until the configuration names its own.
  try {
    const fd = options.errorLog === 'stderr' ? 2 : openLogFile(sys, options.errorLog);
    log.files = [{ path: options.errorLog, fd, level: 'notice' }];
  } catch (err) {
    if (isProcessControl(err)) throw err;
    await log.stderr(`[alert] could not open error log file: open() "${options.errorLog}" failed (${errnoNumber(err)}: ${strerror((err as FsError).code)})`);
    log.files = [{ path: 'stderr', fd: 2, level: 'notice' }];
  }

  let conf;
  try {
    conf = await loadNginxConfig(sys, options.conf, options.globals, (w) => log.error('warn', w));
  } catch (err) {
    if (!(err instanceof ConfError)) throw err;
    await log.error('emerg', err.text);
    if (options.test) await log.stderr(`configuration file ${options.conf} test failed`);
    return 1;
  }
  if (options.test) {
    if (!options.quiet) await log.stderr(`the configuration file ${options.conf} syntax is ok`);
  }

  if (options.signal) {
    await log.error('notice', 'signal process started');
    return signalMaster(sys, log, conf.pid, options.signal);
  }

  const cycle = await openCycle(sys, log, conf, undefined, !options.test);
  if (!cycle) {
    if (options.test) await log.stderr(`configuration file ${options.conf} test failed`);
    return 1;
  }
  if (options.test) {
    if (!options.quiet) await log.stderr(`configuration file ${options.conf} test is successful`);
    if (options.dump) await sys.write(1, conf.files.map(([path, text]) => `# configuration file ${path}:\n${text}\n`).join(''));
    cycle.close(sys);
    return 0;
  }

  await log.error('notice', 'using the "epoll" event method');
  const b = build(alpine);
  const u = sys.uname();
  for (const line of [`nginx/${NGINX_VERSION}`, `built by ${b.compiler}`, `OS: ${u.sysname} ${u.release}`, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576']) await log.error('notice', line);

  if (conf.daemon) {
    // ngx_daemon: the master goes on in a child, the command returns at once.
    sys.fork(async (child) => {
      child.setsid();
      // stdin and stdout go to /dev/null; stderr stays (ngx_daemon).
      const devnull = child.open('/dev/null', 'r+');
      child.dup2(devnull, 0);
      child.dup2(devnull, 1);
      if (devnull > 2) child.close(devnull);
      return master(child, log.withSys(child), cycle, options);
    });
    return 0;
  }
  return master(sys, log, cycle, options);
};

function exists(sys: Sys, path: string): boolean {
  try {
    sys.stat(path);
    return true;
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return false;
  }
}

/** nginx -s: the master's pid from the pid file, then kill(2). */
async function signalMaster(sys: Sys, log: ErrorLog, pidFile: string, name: string): Promise<number> {
  let text: string;
  try {
    text = fromUtf8(await readFile(sys, pidFile));
  } catch (err) {
    if (isProcessControl(err)) throw err;
    await log.error('error', `open() "${pidFile}" failed (${errnoNumber(err)}: ${strerror((err as FsError).code)})`);
    return 1;
  }
  const pid = text.replace(/\n$/, '');
  if (!/^\d+$/.test(pid)) {
    await log.error('error', `invalid PID number "${pid}" in "${pidFile}"`);
    return 1;
  }
  try {
    sys.kill(Number(pid), SIGNALS[name]!);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    await log.error('alert', `kill(${pid}, ${SIGNALS[name]}) failed (${errnoNumber(err) || 3}: ${strerror((err as FsError).code)})`);
    return 1;
  }
  return 0;
}

interface Worker {
  pid: number;
  channel: number;
  exiting: boolean;
}

/** The master takes its title ("nginx: master process nginx -g daemon off;"), then runs its cycle. */
async function master(sys: Sys, log: ErrorLog, first: Cycle, options: Options): Promise<number> {
  const [r, w] = sys.pipe();
  const title = `nginx: master process ${sys.argv.join(' ')}`;
  return retitle(sys, title, r, async (titled) => {
    titled.close(r);
    titled.close(w);
    return masterCycle(titled, log.withSys(titled), first, options);
  });
}

/** ngx_master_process_cycle: start the workers, then act on signals until the last worker is gone. */
async function masterCycle(sys: Sys, log: ErrorLog, first: Cycle, options: Options): Promise<number> {
  let cycle = first;
  await cycle.writePid(sys);
  log.useStderr = false;
  const counter = { n: 0 };
  const workers: Worker[] = [];
  const notices: string[] = [];
  const flags = { quit: false, terminate: false, reconfigure: false, reopen: false, reap: false };
  const onSignal = (sig: number) => {
    if (sig === SIGCHLD) {
      flags.reap = true;
      return;
    }
    const action = { [SIGQUIT]: ', shutting down', [SIGTERM]: ', exiting', [SIGINT]: ', exiting', [SIGHUP]: ', reconfiguring', [SIGUSR1]: ', reopening logs' }[sig] ?? '';
    notices.push(`signal ${sig} (${NAMES[sig]}) received${action}`);
    if (sig === SIGQUIT) flags.quit = true;
    if (sig === SIGTERM || sig === SIGINT) flags.terminate = true;
    if (sig === SIGHUP) flags.reconfigure = true;
    if (sig === SIGUSR1) flags.reopen = true;
  };
  for (const sig of [SIGCHLD, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1]) sys.signal(sig, onSignal);
  // A worker's channel may close before the master hears of its exit (ngx_init_signals ignores SIGPIPE too).
  sys.signal(SIGPIPE, 'ignore');

  const tell = async (w: Worker, cmd: 'Q' | 'T' | 'R') => {
    try {
      await sys.write(w.channel, cmd);
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
  };
  const start = async () => {
    await log.error('notice', 'start worker processes');
    for (let i = 0; i < cycle.conf.workerProcesses; i++) await startWorker();
  };
  const startWorker = async () => {
    const [r, w] = sys.pipe();
    const fds: Record<number, number> = { 0: 0, 1: 1, 2: 2, [r]: r };
    for (const fd of cycle.fds()) fds[fd] = fd;
    const worker = workerProgram({ conf: cycle.conf, log: cycle.log, listeners: cycle.listeners, channel: r, accessLogs: cycle.accessLogs, counter });
    const pid = sys.fork((child) => retitle(child, 'nginx: worker process', r, worker), { fds, comm: 'nginx' });
    closeQuietly(sys, r);
    workers.push({ pid, channel: w, exiting: false });
    await log.error('notice', `start worker process ${pid}`);
  };
  const reap = async () => {
    for (;;) {
      let st;
      try {
        st = await sys.waitpid(-1, { nohang: true });
      } catch (err) {
        if (isProcessControl(err)) throw err;
        break;
      }
      if (!st) break;
      await log.error('notice', `signal 17 (SIGCHLD) received from ${st.pid}`);
      const i = workers.findIndex((w) => w.pid === st.pid);
      const name = i >= 0 ? 'worker process' : 'unknown process';
      if (st.kind === 'signaled') await log.error('alert', `${name} ${st.pid} exited on signal ${st.signal}${st.core ? ' (core dumped)' : ''}`);
      else if (st.kind === 'exited') await log.error('notice', `${name} ${st.pid} exited with code ${st.code}`);
      if (i < 0) continue;
      const [w] = workers.splice(i, 1);
      closeQuietly(sys, w!.channel);
      // A worker that died on its own is replaced (unless nginx is stopping or it exited with 2, fatal).
      if (!w!.exiting && !flags.quit && !flags.terminate && !(st.kind === 'exited' && st.code === 2)) await startWorker();
    }
  };

  await start();
  let delay = 0;
  for (;;) {
    for (const n of notices.splice(0)) await log.error('notice', n);
    if (flags.reap) {
      flags.reap = false;
      await reap();
    }
    if (workers.length === 0 && (flags.terminate || flags.quit)) {
      cycle.removePid(sys);
      await log.error('notice', 'exit');
      cycle.close(sys);
      return 0;
    }
    if (flags.terminate) {
      delay = delay === 0 ? 50 : delay * 2;
      for (const w of workers) {
        if (delay > 1000) sys.kill(w.pid, SIGKILL);
        else if (!w.exiting) await tell(w, 'T');
        w.exiting = true;
      }
    } else if (flags.quit) {
      for (const w of workers) if (!w.exiting) await tell(w, 'Q'), (w.exiting = true);
      cycle.closeListeners(sys);
    } else if (flags.reconfigure) {
      flags.reconfigure = false;
      await log.error('notice', 'reconfiguring');
      const next = await reload(sys, log, cycle, options);
      if (next) {
        cycle = next;
        const old = [...workers];
        await start();
        for (const w of old) if (!w.exiting) await tell(w, 'Q'), (w.exiting = true);
      }
    } else if (flags.reopen) {
      flags.reopen = false;
      await log.error('notice', 'reopening logs');
      for (const w of workers) if (!w.exiting) await tell(w, 'R');
    }
    if (notices.length > 0 || flags.reap || flags.reconfigure || flags.reopen) continue;
    try {
      await sys.sleep(flags.terminate ? delay : 3_600_000);
    } catch (err) {
      if (!(err instanceof FsError && err.code === 'EINTR')) throw err;
    }
  }
}

/** SIGHUP: a new configuration and cycle; on any error the old one stays. */
async function reload(sys: Sys, log: ErrorLog, old: Cycle, options: Options): Promise<Cycle | undefined> {
  let conf;
  try {
    conf = await loadNginxConfig(sys, options.conf, options.globals, (w) => log.error('warn', w));
  } catch (err) {
    if (!(err instanceof ConfError)) throw err;
    await log.error('emerg', err.text);
    return undefined;
  }
  const next = await openCycle(sys, log, conf, old, true);
  if (!next) return undefined;
  await log.error('notice', 'using the "epoll" event method');
  old.retire(sys, next);
  return next;
}
