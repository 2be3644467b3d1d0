/**
 * nginx's "cycle": what one configuration has open — its error and access
 * log files and its listening sockets. The master opens a cycle at start
 * and another on every reload (keeping the sockets both configurations
 * listen on), and hands each worker the cycle it was started with.
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../../kernel/sys.ts';
import { errnoNumber } from './conf.ts';
import { closeQuietly, ErrorLog, openLogFile, type Level, type LogFile } from './log.ts';
import { setting, type Location, type NginxConfig, type Scope } from './model.ts';
import type { Listener } from './worker.ts';

const BIND_TRIES = 5;
const BIND_RETRY_MS = 500;

/** strerror as the image's C library words it: glibc (Debian) says "Address already in use" where musl says "Address in use". */
export function errText(sys: Sys, err: unknown): string {
  const code = err instanceof FsError ? err.code : undefined;
  const glibc = !isAlpine(sys);
  if (code === 'EADDRINUSE' && glibc) return `${errnoNumber(err)}: Address already in use`;
  return `${errnoNumber(err)}: ${code ? strerror(code) : String(err)}`;
}

function isAlpine(sys: Sys): boolean {
  try {
    sys.stat('/etc/alpine-release');
    return true;
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return false;
  }
}

export class Cycle {
  constructor(
    readonly conf: NginxConfig,
    /** The workers' error log (the configuration's error_log files). */
    readonly log: ErrorLog,
    readonly listeners: Listener[],
    readonly accessLogs: Map<string, number>,
  ) {}

  /** Every descriptor a worker of this cycle needs. */
  fds(): number[] {
    return [...this.listeners.map((l) => l.fd), ...this.accessLogs.values(), ...this.log.files.map((f) => f.fd)].filter((fd) => fd > 2);
  }

  async writePid(sys: Sys): Promise<void> {
    try {
      const fd = sys.open(this.conf.pid, 'w', 0o644);
      await sys.write(fd, `${sys.pid}\n`);
      sys.close(fd);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      await this.log.error('emerg', `open() "${this.conf.pid}" failed (${errText(sys, err)})`, { sys });
    }
  }

  removePid(sys: Sys): void {
    try {
      sys.unlink(this.conf.pid);
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
  }

  closeListeners(sys: Sys): void {
    for (const l of this.listeners.splice(0)) closeQuietly(sys, l.fd);
  }

  /** After a reload: closes what the next cycle did not take over. */
  retire(sys: Sys, next: Cycle): void {
    const kept = new Set(next.listeners.map((l) => l.fd));
    for (const l of this.listeners) if (!kept.has(l.fd)) closeQuietly(sys, l.fd);
    for (const fd of this.accessLogs.values()) closeQuietly(sys, fd);
    this.log.close();
  }

  close(sys: Sys): void {
    this.closeListeners(sys);
    for (const fd of this.accessLogs.values()) closeQuietly(sys, fd);
    this.log.close();
  }
}

function accessLogPaths(conf: NginxConfig): Set<string> {
  const paths = new Set<string>();
  const visit = (scope: Scope, locations: Location[]) => {
    const logs = setting(scope, 'accessLogs');
    if (logs !== 'off') for (const l of logs) paths.add(l.path);
    for (const loc of locations) visit(loc, loc.locations);
  };
  if (conf.http) {
    visit(conf.http, []);
    for (const s of conf.http.servers) visit(s, s.locations);
  }
  return paths;
}

/**
 * Opens a configuration's files and (unless only testing) its sockets.
 * Problems are logged as nginx logs them ("open() … failed", "bind() to
 * 0.0.0.0:80 failed (98: Address in use)", "still could not bind()");
 * undefined then. `master` is the log the master process writes, which
 * switches to the new files.
 */
export async function openCycle(sys: Sys, master: ErrorLog, conf: NginxConfig, old: Cycle | undefined, bind: boolean): Promise<Cycle | undefined> {
  const opened: number[] = [];
  const fail = () => {
    for (const fd of opened) closeQuietly(sys, fd);
    return undefined;
  };
  const open = async (path: string): Promise<number | undefined> => {
    if (path === 'stderr') return 2;
    try {
      const fd = openLogFile(sys, path);
      opened.push(fd);
      return fd;
    } catch (err) {
      if (isProcessControl(err)) throw err;
      await master.error('emerg', `open() "${path}" failed (${errText(sys, err)})`);
      return undefined;
    }
  };

  // ngx_create_paths: the temp directories of the http modules, 0700 and owned by the workers' user.
  for (const name of ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp']) {
    const path = `/var/cache/nginx/${name}`;
    try {
      sys.mkdir(path, 0o700);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      if (!(err instanceof FsError && err.code === 'EEXIST')) {
        await master.error('emerg', `mkdir() "${path}" failed (${errText(sys, err)})`);
        return fail();
      }
    }
    if (conf.user) {
      try {
        if (sys.stat(path).uid !== conf.user.uid) sys.chown(path, conf.user.uid, -1);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        await master.error('emerg', `chown("${path}", ${conf.user.uid}) failed (${errText(sys, err)})`);
        return fail();
      }
    }
  }

  const files: LogFile[] = [];
  const errorLogs = conf.errorLogs.length > 0 ? conf.errorLogs : [{ path: '/var/log/nginx/error.log', level: 'error' }];
  for (const e of errorLogs) {
    const fd = await open(e.path);
    if (fd === undefined) return fail();
    files.push({ path: e.path, fd, level: e.level as Level });
  }
  const accessLogs = new Map<string, number>();
  for (const path of accessLogPaths(conf)) {
    const fd = await open(path);
    if (fd === undefined) return fail();
    accessLogs.set(path, fd);
  }
  const log = new ErrorLog(sys);
  log.files = files;
  log.useStderr = false;

  const listeners: Listener[] = [];
  // At start the new logs (and stderr) hear about bind errors; on a reload, the running ones.
  const reporter = old ? master : Object.assign(new ErrorLog(sys), { files });
  if (bind && conf.http) {
    const wanted: { address: string; port: number }[] = [];
    for (const s of conf.http.servers) {
      for (const l of s.listens) {
        const wildcard = conf.http.servers.some((x) => x.listens.some((y) => y.port === l.port && y.address === '0.0.0.0'));
        const address = wildcard ? '0.0.0.0' : l.address;
        if (!wanted.some((w) => w.address === address && w.port === l.port)) wanted.push({ address, port: l.port });
      }
    }
    for (const w of wanted) {
      const reused = old?.listeners.find((l) => l.address === w.address && l.port === w.port);
      if (reused) {
        listeners.push(reused);
        continue;
      }
      const fd = sys.socket('inet', 'stream');
      let bound = false;
      for (let tries = 0; tries < BIND_TRIES && !bound; tries++) {
        try {
          sys.setsockopt(fd, 'SO_REUSEADDR', true);
          sys.bind(fd, { family: 'inet', address: w.address, port: w.port });
          sys.listen(fd, 511);
          bound = true;
        } catch (err) {
          if (isProcessControl(err)) throw err;
          await reporter.error('emerg', `bind() to ${w.address}:${w.port} failed (${errText(sys, err)})`);
          if (!(err instanceof FsError && err.code === 'EADDRINUSE')) {
            closeQuietly(sys, fd);
            return fail();
          }
          if (tries < BIND_TRIES - 1) await sys.sleep(BIND_RETRY_MS);
        }
      }
      if (!bound) {
        closeQuietly(sys, fd);
        await reporter.error('emerg', 'still could not bind()');
        return fail();
      }
      opened.push(fd);
      listeners.push({ fd, address: w.address, port: w.port });
    }
  }
  master.files = files;
  return new Cycle(conf, log, listeners, accessLogs);
}
