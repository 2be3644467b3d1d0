/**
 * A process: a running program and everything the kernel keeps for it.
 * The logic that changes processes lives in kernel.ts; this is the record.
 */
import type { Cgroup } from './cgroup.ts';
import type { OpenFile } from './file.ts';
import type { Namespaces, PidNamespace } from './namespaces.ts';
import type { Program, SignalHandler, WaitStatus } from './sys.ts';
import type { Tty } from './tty.ts';
import { WaitQueue } from './wait.ts';

export interface Image {
  program: Program;
  /** The executable's path (/proc/PID/exe). */
  path: string;
  argv: string[];
  env: string[];
  /** The name ps shows (15 characters at most, as in Linux's task comm). */
  comm: string;
}

export interface FdEntry {
  file: OpenFile;
  cloexec: boolean;
}

/** What a child's end looks like to its parent's waitpid. */
export type ExitStatus = { kind: 'exited'; code: number } | { kind: 'signaled'; signal: number; core: boolean };

export class Process {
  /** Number in each pid namespace the process is visible in, innermost first. */
  readonly pids = new Map<PidNamespace, number>();
  parent: Process | undefined;
  readonly children = new Set<Process>();
  pgid = 0;
  sid = 0;

  uid = 0;
  euid = 0;
  gid = 0;
  egid = 0;
  groups: number[] = [0];
  umask = 0o022;
  cwd = '/';
  /**
   * Capabilities ("CAP_SYS_ADMIN"…) of a root process; undefined means all of
   * them (the host's root). Docker gives containers a short list.
   */
  caps: Set<string> | undefined;

  image!: Image;
  readonly fds = new Map<number, FdEntry>();
  readonly handlers = new Map<number, SignalHandler>();
  readonly pending = new Set<number>();
  /** The controlling terminal. */
  tty: Tty | undefined;

  state: 'running' | 'sleeping' | 'stopped' | 'zombie' = 'running';
  /** Set once the process has ended: every further system call unwinds it. */
  dead = false;
  exitStatus: ExitStatus | undefined;
  oomKilled = false;
  /** A stop or continue its parent has not yet collected with waitpid. */
  report: WaitStatus | undefined;

  /** Wakes the process if it is blocked, so it can look at a new signal. */
  wake: (() => void) | undefined;
  readonly childEvents = new WaitQueue();
  readonly stateChange = new WaitQueue();
  /** Resolves when the process has been reaped (or ended, for processes without a parent). */
  readonly ended: Promise<ExitStatus>;
  resolveEnded!: (status: ExitStatus) => void;

  /** ms since boot. */
  readonly startTime: number;
  /** CPU time used, ms. */
  cpuMs = 0;
  /** performance.now() when control last returned to the program. */
  lastResume = 0;
  /** Memory charged to the process, bytes. */
  rss = 0;
  oomScoreAdj = 0;

  constructor(
    public ns: Namespaces,
    public cgroup: Cgroup,
    startTime: number,
  ) {
    this.startTime = startTime;
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  /** The pid as seen from namespace `ns` (undefined if not visible there). */
  pidIn(ns: PidNamespace): number | undefined {
    return this.pids.get(ns);
  }

  /** The pid in its own (innermost) namespace. */
  get pid(): number {
    return this.pids.get(this.ns.pid)!;
  }

  get comm(): string {
    return this.image?.comm ?? '';
  }

  /** Lowest free descriptor at or above `min`. */
  freeFd(min = 0): number {
    let fd = min;
    while (this.fds.has(fd)) fd++;
    return fd;
  }
}
