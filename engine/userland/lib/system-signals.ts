/**
 * Signal names as busybox on musl knows them (libbb/u_signal_names.c):
 * 29 is POLL (musl's name; IO is accepted as an alias), and the realtime
 * range is musl's: RTMIN is 35 (musl keeps 32–34 for itself), RTMAX 64.
 * `kill -l`, `killall -SIG` and `timeout -s` read from here.
 */
import { bbStrtou } from './system-format.ts';

const NAMES: readonly string[] = [
  'EXIT', 'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM',
  'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'POLL', 'PWR', 'SYS',
];

export const NSIG = 65;
export const SIGRTMIN = 35;
export const SIGRTMAX = 64;

/** get_signum: "TERM", "SIGterm", "15", "RTMIN+2"; -1 when unknown. */
export function getSignum(name: string): number {
  const n = bbStrtou(name);
  if (n !== undefined && n < NSIG) return n;
  let s = name;
  if (s.slice(0, 3).toUpperCase() === 'SIG') s = s.slice(3);
  const upper = s.toUpperCase();
  const i = NAMES.indexOf(upper);
  if (i >= 0) return i;
  if (upper === 'IO') return 29;
  if (upper === 'IOT') return 6;
  if (upper.startsWith('RTMIN')) {
    if (s.length === 5) return SIGRTMIN;
    if (s[5] === '+') {
      const k = bbStrtou(s.slice(6));
      if (k !== undefined && k <= SIGRTMAX - SIGRTMIN) return SIGRTMIN + k;
    }
  } else if (upper.startsWith('RTMAX')) {
    if (s.length === 5) return SIGRTMAX;
    if (s[5] === '-') {
      const k = bbStrtou(s.slice(6));
      if (k !== undefined && k <= SIGRTMAX - SIGRTMIN) return SIGRTMAX - k;
    }
  }
  return -1;
}

/** get_signame: "TERM" for 15, the number itself for signals without a name. */
export function getSigname(n: number): string {
  return n >= 0 && n < NAMES.length ? NAMES[n]! : String(n);
}

/** print_signames: `kill -l` with no arguments. */
export function signalList(): string {
  let s = '';
  for (let i = 1; i < NAMES.length; i++) s += `${String(i).padStart(2)}) ${NAMES[i]}\n`;
  s += `${SIGRTMIN}) RTMIN\n${SIGRTMAX}) RTMAX\n`;
  return s;
}
