/**
 * nginx's error log: "2024/10/16 12:00:00 [notice] 1#1: message", written
 * to every error_log target whose level lets it through. While nginx
 * starts (until the master process cycle), messages of level warn and
 * worse are also written to stderr as "nginx: [emerg] message" — unless
 * the log itself is stderr — which is why the image, whose error.log is a
 * link to /dev/stderr, shows both lines for a configuration error.
 */
import { isProcessControl, type Sys } from '../../../kernel/sys.ts';
import { logTime } from './pages.ts';

export const LEVELS = ['stderr', 'emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'] as const;
export type Level = (typeof LEVELS)[number];

export interface LogFile {
  path: string;
  fd: number;
  level: Level;
}

export class ErrorLog {
  files: LogFile[] = [];
  /** Before the master cycle: also "nginx: [level] …" on stderr for warn and worse. */
  useStderr = true;

  constructor(readonly sys: Sys) {}

  /**
   * ngx_log_error: `conn` is the connection number shown as "*N" in request
   * errors; `sys` the process writing (a worker writes with its own pid).
   */
  async error(level: Level, message: string, options: { sys?: Sys; conn?: number } = {}): Promise<void> {
    const sys = options.sys ?? this.sys;
    const n = LEVELS.indexOf(level);
    const line = `${logTime(sys.now())} [${level}] ${sys.pid}#${sys.pid}: ${options.conn !== undefined ? `*${options.conn} ` : ''}${message}\n`;
    let wroteStderr = false;
    for (const f of this.files) {
      if (n > LEVELS.indexOf(f.level)) continue;
      await write(sys, f.fd, line);
      if (f.fd === 2) wroteStderr = true;
    }
    if (this.useStderr && n <= LEVELS.indexOf('warn') && !wroteStderr) await write(sys, 2, `nginx: [${level}] ${message}\n`);
  }

  /** The same log, written by another process (a daemonized master). */
  withSys(sys: Sys): ErrorLog {
    const copy = new ErrorLog(sys);
    copy.files = this.files;
    copy.useStderr = this.useStderr;
    return copy;
  }

  /** ngx_log_stderr: "nginx: message" on stderr, whatever the log. */
  async stderr(message: string): Promise<void> {
    await write(this.sys, 2, `nginx: ${message}\n`);
  }

  close(): void {
    for (const f of this.files) if (f.fd > 2) closeQuietly(this.sys, f.fd);
    this.files = [];
  }
}

async function write(sys: Sys, fd: number, text: string): Promise<void> {
  try {
    await sys.write(fd, text);
  } catch (err) {
    if (isProcessControl(err)) throw err;
  }
}

export function closeQuietly(sys: Sys, fd: number): void {
  try {
    sys.close(fd);
  } catch (err) {
    if (isProcessControl(err)) throw err;
  }
}

/**
 * open(path, O_WRONLY|O_APPEND|O_CREAT) for a log file. The image's logs
 * are links to /dev/stdout and /dev/stderr, themselves links to
 * /proc/self/fd/N: Linux opens such a chain as the descriptor it names.
 * Berth's kernel recognises only the literal /dev/std* and /proc/self/fd
 * names, so the chain is followed here and the last name opened.
 */
export function openLogFile(sys: Sys, path: string): number {
  let p = path;
  for (let hops = 0; hops < 40; hops++) {
    if (/^\/(dev\/(std(in|out|err)|fd\/\d+)|proc\/self\/fd\/\d+)$/.test(p)) break;
    let target: string;
    try {
      target = sys.readlink(p);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      break;
    }
    p = target.startsWith('/') ? target : `${p.slice(0, p.lastIndexOf('/') + 1)}${target}`;
  }
  return sys.open(p, { read: false, write: true, create: true, append: true }, 0o644);
}
