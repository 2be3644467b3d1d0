/**
 * Signals as Linux numbers and names them (x86-64), with their default
 * actions (signal(7)). `kill -l`, `trap`, exit statuses (128 + n) and
 * `docker stop`'s SIGTERM-then-SIGKILL all read from this table.
 */

export type SignalAction = 'term' | 'core' | 'ignore' | 'stop' | 'cont';

interface SignalInfo {
  number: number;
  name: string;
  action: SignalAction;
}

const TABLE: SignalInfo[] = [
  { number: 1, name: 'HUP', action: 'term' },
  { number: 2, name: 'INT', action: 'term' },
  { number: 3, name: 'QUIT', action: 'core' },
  { number: 4, name: 'ILL', action: 'core' },
  { number: 5, name: 'TRAP', action: 'core' },
  { number: 6, name: 'ABRT', action: 'core' },
  { number: 7, name: 'BUS', action: 'core' },
  { number: 8, name: 'FPE', action: 'core' },
  { number: 9, name: 'KILL', action: 'term' },
  { number: 10, name: 'USR1', action: 'term' },
  { number: 11, name: 'SEGV', action: 'core' },
  { number: 12, name: 'USR2', action: 'term' },
  { number: 13, name: 'PIPE', action: 'term' },
  { number: 14, name: 'ALRM', action: 'term' },
  { number: 15, name: 'TERM', action: 'term' },
  { number: 16, name: 'STKFLT', action: 'term' },
  { number: 17, name: 'CHLD', action: 'ignore' },
  { number: 18, name: 'CONT', action: 'cont' },
  { number: 19, name: 'STOP', action: 'stop' },
  { number: 20, name: 'TSTP', action: 'stop' },
  { number: 21, name: 'TTIN', action: 'stop' },
  { number: 22, name: 'TTOU', action: 'stop' },
  { number: 23, name: 'URG', action: 'ignore' },
  { number: 24, name: 'XCPU', action: 'core' },
  { number: 25, name: 'XFSZ', action: 'core' },
  { number: 26, name: 'VTALRM', action: 'term' },
  { number: 27, name: 'PROF', action: 'term' },
  { number: 28, name: 'WINCH', action: 'ignore' },
  { number: 29, name: 'IO', action: 'term' },
  { number: 30, name: 'PWR', action: 'term' },
  { number: 31, name: 'SYS', action: 'core' },
];

const byNumber = new Map(TABLE.map((s) => [s.number, s]));
const byName = new Map(TABLE.map((s) => [s.name, s]));

export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGKILL = 9;
export const SIGPIPE = 13;
export const SIGALRM = 14;
export const SIGTERM = 15;
export const SIGCHLD = 17;
export const SIGCONT = 18;
export const SIGSTOP = 19;
export const SIGTSTP = 20;
export const SIGTTIN = 21;
export const SIGTTOU = 22;
export const SIGWINCH = 28;
export const NSIG = 65;

/** Realtime signals 34..64 ("RTMIN" … "RTMAX") exist too, with action term. */
export function signalAction(sig: number): SignalAction {
  return byNumber.get(sig)?.action ?? 'term';
}

/** "TERM" for 15; "RTMIN+2" for 36; undefined for non-signals. */
export function signalName(sig: number): string | undefined {
  const s = byNumber.get(sig);
  if (s) return s.name;
  if (sig === 34) return 'RTMIN';
  if (sig === 64) return 'RTMAX';
  if (sig > 34 && sig < 64) return `RTMIN+${sig - 34}`;
  return undefined;
}

/** Accepts "TERM", "SIGTERM", "sigterm", "15"; returns undefined for anything else. */
export function parseSignal(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 0 && n < NSIG ? n : undefined;
  }
  const name = text.toUpperCase().replace(/^SIG/, '');
  const s = byName.get(name);
  if (s) return s.number;
  if (name === 'RTMIN') return 34;
  if (name === 'RTMAX') return 64;
  const rt = /^RTMIN\+(\d+)$/.exec(name) ?? /^RTMAX-(\d+)$/.exec(name);
  if (rt) {
    const n = name.startsWith('RTMIN') ? 34 + Number(rt[1]) : 64 - Number(rt[1]);
    return n >= 34 && n <= 64 ? n : undefined;
  }
  return undefined;
}

/** Signals 1–31 in order, as `kill -l` lists them. */
export const STANDARD_SIGNALS: readonly number[] = TABLE.map((s) => s.number);
