/**
 * Redis's log lines: "<pid>:<role> <day> <Mon> <year> <time>.<ms> <level> <message>",
 * role C (a child, or before the server is initialised), M (master);
 * level . debug, - verbose, * notice, # warning.
 *
 *     1:M 16 Oct 2024 12:00:00.123 * Ready to accept connections tcp
 */
import { isProcessControl, type Sys } from '../../../kernel/sys.ts';

export type Level = 'debug' | 'verbose' | 'notice' | 'warning';
const LEVELS: Level[] = ['debug', 'verbose', 'notice', 'warning'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** strftime("%d %b %Y %H:%M:%S.") plus milliseconds, in UTC (a container's default zone). */
export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

export class Logger {
  /** 'C' until the server is initialised, then 'M'. */
  role: 'C' | 'M' = 'C';
  verbosity: Level | 'nothing' = 'notice';
  /** Empty: standard output. */
  file = '';

  constructor(private readonly sys: Sys) {}

  async log(level: Level, message: string, sys: Sys = this.sys, role: 'C' | 'M' = this.role): Promise<void> {
    if (this.verbosity === 'nothing' || LEVELS.indexOf(level) < LEVELS.indexOf(this.verbosity)) return;
    const mark = '.-*#'[LEVELS.indexOf(level)];
    await this.raw(`${sys.pid}:${role} ${logTime(sys.now())} ${mark} ${message}\n`, sys);
  }

  /** Text as is (the ASCII logo, the signal handler's line). */
  async raw(text: string, sys: Sys = this.sys): Promise<void> {
    try {
      if (this.file === '') {
        await sys.write(1, text);
        return;
      }
      const fd = sys.open(this.file, 'a', 0o644);
      try {
        await sys.write(fd, text);
      } finally {
        sys.close(fd);
      }
    } catch (err) {
      // A log that cannot be written is not worth dying for (Redis ignores it too).
      if (isProcessControl(err)) throw err;
    }
  }
}
