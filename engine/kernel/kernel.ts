/**
 * The emulated Linux kernel: processes, signals, the scheduler and the
 * resources cgroups limit. Filesystems are the VFS's (engine/fs), devices
 * and /proc are in this folder, programs are userland's (engine/userland),
 * handed in as a resolver so that the kernel never imports them.
 *
 * Scheduling is cooperative. Processes are async functions on one JavaScript
 * thread; each system call is a point where the kernel may make a process
 * wait: for its time slice to end (so the page stays responsive), for its
 * cgroup's CPU quota, while it is stopped or frozen. A process that loops
 * without system calls would hold the thread, which is why programs call
 * `checkpoint()` in their loops.
 */
import type { Platform } from '../platform/types.ts';
import { FsError } from '../fs/errno.ts';
import type { Vfs } from '../fs/vfs.ts';
import type { FileSystem } from '../fs/types.ts';
import { Cgroup } from './cgroup.ts';
import type { IoContext, OpenFile } from './file.ts';
import { CgroupNamespace, IpcNamespace, MountNamespace, NetNamespace, PidNamespace, UtsNamespace, type Namespaces } from './namespaces.ts';
import { NetStack } from './net.ts';
import { Process, type ExitStatus, type Image } from './process.ts';
import { SIGCHLD, SIGCONT, SIGKILL, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, signalAction } from './signals.ts';
import { ProcessControl, type Program, type ProgramResolver, type WaitStatus } from './sys.ts';
import type { WaitQueue } from './wait.ts';
import { Tty } from './tty.ts';
import { Syscalls } from './syscalls.ts';

/** How long a process may hold the thread before the page gets a turn. */
export const TIME_SLICE_MS = 8;
/** What `nproc` says. */
export const CPUS = 2;
export const KERNEL_RELEASE = '6.6.87-berth';
export const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC Berth';
/** Emulated physical memory, for /proc/meminfo and `free`. */
export const MEM_TOTAL = 4 * 1024 * 1024 * 1024;

export interface KernelOptions {
  platform: Platform;
  programs: ProgramResolver;
  hostname?: string;
}

export class Kernel {
  readonly platform: Platform;
  readonly programs: ProgramResolver;
  readonly bootTime: number;
  readonly rootPid = new PidNamespace(undefined);
  readonly rootCgroup = new Cgroup('', undefined);
  readonly rootUts: UtsNamespace;
  readonly rootNet = new NetNamespace();
  /** Routing between network namespaces, and their sockets. */
  readonly net = new NetStack(() => this.platform.now());
  readonly rootIpc = new IpcNamespace();
  /** All live and zombie processes, by host pid. */
  readonly table = new Map<number, Process>();
  /** The process whose system call is running (for /proc/self). */
  current: Process | undefined;
  private lastYield = 0;
  private nextPty = 0;
  readonly ptys = new Map<number, Tty>();
  /** Character devices by rdev (major << 8 | minor), registered by devfs.ts. */
  readonly devices = new Map<number, (proc: Process, flags: { readable: boolean; writable: boolean }) => OpenFile>();
  /** Filesystem types `mount -t` knows, registered by the parts that implement them. */
  readonly filesystems = new Map<string, (proc: Process, options: string[]) => FileSystem>();
  /** Sum of exited processes' CPU time, for /proc/stat. */
  cpuMsTotal = 0;

  constructor(options: KernelOptions) {
    this.platform = options.platform;
    this.programs = options.programs;
    this.bootTime = options.platform.now();
    this.rootUts = new UtsNamespace(options.hostname ?? 'berth');
    this.lastYield = performance.now();
  }

  /** ms since boot. */
  uptimeMs(): number {
    return this.platform.now() - this.bootTime;
  }

  rootNamespaces(mnt: Vfs): Namespaces {
    return {
      pid: this.rootPid,
      uts: this.rootUts,
      mnt: new MountNamespace(mnt),
      net: this.rootNet,
      ipc: this.rootIpc,
      cgroup: new CgroupNamespace(this.rootCgroup),
    };
  }

  // ---- making processes ----------------------------------------------------

  /**
   * A new process record, not yet running. `from` is the parent (fork
   * copies its state), or undefined for processes the kernel starts itself.
   */
  createProcess(from: Process | undefined, where: { ns?: Namespaces; cgroup?: Cgroup } = {}): Process {
    const ns = where.ns ?? from?.ns;
    const cgroup = where.cgroup ?? from?.cgroup ?? this.rootCgroup;
    if (!ns) throw new Error('kernel: a process needs namespaces');
    if (ns.pid.dead) throw new FsError('ENOMEM', 'fork');
    for (const c of cgroup.ancestry()) {
      if (c.pidsCurrent + 1 > c.pidsMax) {
        c.pidsEvents.max++;
        throw new FsError('EAGAIN', 'fork');
      }
    }
    const proc = new Process(ns, cgroup, this.uptimeMs());
    for (let n: PidNamespace | undefined = ns.pid; n; n = n.parent) proc.pids.set(n, n.allocate(proc));
    this.table.set(proc.pids.get(this.rootPid)!, proc);
    cgroup.procs.add(proc);
    if (from) {
      proc.parent = from;
      from.children.add(proc);
      proc.pgid = from.pgid;
      proc.sid = from.sid;
      proc.uid = from.uid;
      proc.euid = from.euid;
      proc.gid = from.gid;
      proc.egid = from.egid;
      proc.groups = [...from.groups];
      proc.umask = from.umask;
      proc.cwd = from.cwd;
      proc.tty = from.tty;
      proc.rss = from.rss;
      proc.oomScoreAdj = from.oomScoreAdj;
      proc.caps = from.caps;
      for (const [sig, h] of from.handlers) proc.handlers.set(sig, h);
      if (from.image) proc.image = { ...from.image };
    } else {
      proc.pgid = proc.pid;
      proc.sid = proc.pid;
    }
    proc.lastResume = performance.now();
    return proc;
  }

  /** Gives `proc` descriptor `fd` pointing at `file`. */
  installFd(proc: Process, fd: number, file: OpenFile, cloexec = false): void {
    const old = proc.fds.get(fd);
    file.refs++;
    proc.fds.set(fd, { file, cloexec });
    if (old) this.releaseFile(old.file);
  }

  closeFd(proc: Process, fd: number): void {
    const entry = proc.fds.get(fd);
    if (!entry) throw new FsError('EBADF', 'close');
    proc.fds.delete(fd);
    this.releaseFile(entry.file);
  }

  releaseFile(file: OpenFile): void {
    if (--file.refs === 0) file.release();
  }

  /** Starts running `proc`'s image (after the caller has returned). */
  start(proc: Process): void {
    queueMicrotask(() => void this.run(proc));
  }

  private async run(proc: Process): Promise<void> {
    for (;;) {
      const program: Program = proc.image.program;
      if (proc.dead) return;
      proc.lastResume = performance.now();
      try {
        const code = await program(new Syscalls(this, proc));
        if (!proc.dead) this.exit(proc, { kind: 'exited', code: code & 0xff });
        return;
      } catch (err) {
        if (err instanceof ProcessControl) {
          if (err.reason === 'exec' && !proc.dead) continue;
          return;
        }
        if (proc.dead) return;
        // A program's own bug: the process dies as a crashed C program would.
        console.error(`berth kernel: ${proc.comm} (pid ${proc.pid}) crashed:`, err);
        this.exit(proc, { kind: 'signaled', signal: 11, core: true });
        return;
      }
    }
  }

  // ---- ending processes --------------------------------------------------------

  exit(proc: Process, status: ExitStatus): void {
    if (proc.dead) return;
    proc.dead = true;
    proc.state = 'zombie';
    proc.exitStatus = status;
    proc.pending.clear();
    for (const fd of [...proc.fds.keys()]) this.closeFd(proc, fd);
    this.cpuMsTotal += proc.cpuMs;
    proc.rss = 0;
    proc.cgroup.procs.delete(proc);
    proc.wake?.();
    proc.stateChange.wakeAll();

    const pidns = proc.ns.pid;
    // PID 1 of a namespace takes the namespace with it.
    if (pidns.init === proc) {
      pidns.dead = true;
      for (const member of [...pidns.members.values()]) if (member !== proc && !member.dead) this.exit(member, { kind: 'signaled', signal: SIGKILL, core: false });
    }
    // Orphans go to the nearest init (the "child reaper").
    for (const child of proc.children) {
      const reaper = this.reaperFor(child);
      child.parent = reaper;
      if (reaper) {
        reaper.children.add(child);
        if (child.dead) reaper.childEvents.wakeAll();
      } else if (child.dead) this.release(child);
    }
    proc.children.clear();

    const parent = proc.parent;
    // A dying namespace takes its members with it, but a parent outside it (the
    // shim that started the namespace's init, or an exec) still reaps its child.
    const autoReap = !parent || parent.dead || parent.handlers.get(SIGCHLD) === 'ignore' || (pidns.dead && parent.ns.pid === pidns);
    if (autoReap) this.release(proc);
    else {
      this.deliver(parent, SIGCHLD, this.rootPid);
      parent.childEvents.wakeAll();
    }
  }

  private reaperFor(child: Process): Process | undefined {
    for (let ns: PidNamespace | undefined = child.ns.pid; ns; ns = ns.parent) {
      const init = ns.init;
      if (init && !init.dead && init !== child) return init;
    }
    return undefined;
  }

  /** Removes a finished process for good (it has been waited for). */
  release(proc: Process): void {
    for (const [ns, pid] of proc.pids) ns.members.delete(pid);
    this.table.delete(proc.pids.get(this.rootPid)!);
    proc.parent?.children.delete(proc);
    // A wait4 with nothing left to wait for fails with ECHILD rather than sleeping on.
    proc.parent?.childEvents.wakeAll();
    proc.resolveEnded(proc.exitStatus!);
  }

  // ---- waiting for children ------------------------------------------------------

  async waitpid(proc: Process, pid: number, options: { nohang?: boolean; untraced?: boolean; continued?: boolean }): Promise<WaitStatus | null> {
    const matches = (c: Process) => {
      if (pid > 0) return c.pidIn(proc.ns.pid) === pid;
      if (pid === -1) return true;
      if (pid === 0) return c.pgid === proc.pgid;
      return c.pgid === -pid;
    };
    for (;;) {
      const candidates = [...proc.children].filter(matches);
      if (candidates.length === 0) throw new FsError('ECHILD', 'wait4');
      for (const c of candidates) {
        const cpid = c.pidIn(proc.ns.pid) ?? 0;
        if (c.dead && c.exitStatus) {
          this.release(c);
          return c.exitStatus.kind === 'exited'
            ? { pid: cpid, kind: 'exited', code: c.exitStatus.code }
            : { pid: cpid, kind: 'signaled', signal: c.exitStatus.signal, core: c.exitStatus.core };
        }
        if (c.report && ((c.report.kind === 'stopped' && options.untraced) || (c.report.kind === 'continued' && options.continued))) {
          const r = { ...c.report, pid: cpid };
          c.report = undefined;
          return r;
        }
      }
      if (options.nohang) return null;
      await this.block(proc, [proc.childEvents], () => ![...proc.children].some(matches) || [...proc.children].some((c) => matches(c) && (c.dead || (c.report !== undefined && ((c.report.kind === 'stopped' && options.untraced) || (c.report.kind === 'continued' && !!options.continued))))));
    }
  }

  // ---- signals -----------------------------------------------------------------

  /**
   * Sends `sig` to `target`. `from` is the sender's pid namespace: the init of
   * a namespace only gets signals it has handlers for, unless they come from
   * an ancestor namespace and are SIGKILL or SIGSTOP (pid_namespaces(7)).
   */
  deliver(target: Process, sig: number, from: PidNamespace): void {
    if (target.dead || sig === 0) return;
    const handler = target.handlers.get(sig) ?? 'default';
    const isInit = target.ns.pid.init === target;
    if (isInit && typeof handler !== 'function') {
      const forced = (sig === SIGKILL || sig === SIGSTOP) && from !== target.ns.pid && from.contains(target.ns.pid);
      if (!forced) return;
    }
    if (sig === SIGKILL) {
      this.exit(target, { kind: 'signaled', signal: SIGKILL, core: false });
      return;
    }
    if (sig === SIGCONT && target.state === 'stopped') this.resume(target);
    if (sig === SIGSTOP) {
      this.stop(target, sig);
      return;
    }
    if (handler === 'ignore') return;
    if (handler === 'default') {
      const action = signalAction(sig);
      if (action === 'ignore' || action === 'cont') return;
      if (action === 'stop') {
        // Terminal stops are ignored by orphaned process groups; we keep it simple and stop.
        if (sig === SIGTSTP || sig === SIGTTIN || sig === SIGTTOU || sig === SIGSTOP) this.stop(target, sig);
        return;
      }
      this.exit(target, { kind: 'signaled', signal: sig, core: action === 'core' });
      return;
    }
    target.pending.add(sig);
    target.wake?.();
  }

  private stop(target: Process, sig: number): void {
    if (target.state === 'stopped' || target.dead) return;
    target.state = 'stopped';
    target.report = { pid: 0, kind: 'stopped', signal: sig };
    const parent = target.parent;
    if (parent && !parent.dead) {
      parent.childEvents.wakeAll();
      this.deliver(parent, SIGCHLD, this.rootPid);
    }
  }

  private resume(target: Process): void {
    target.state = 'running';
    target.report = { pid: 0, kind: 'continued' };
    target.stateChange.wakeAll();
    target.wake?.();
    target.parent?.childEvents.wakeAll();
  }

  /** kill(2) from `sender`: pid > 0 one process, 0 its group, -1 all it may signal, < -1 a group. */
  kill(sender: Process, pid: number, sig: number): void {
    const ns = sender.ns.pid;
    const allowed = (t: Process) => sender.euid === 0 || sender.euid === t.uid || sender.uid === t.uid;
    let targets: Process[];
    if (pid > 0) {
      const t = ns.members.get(pid);
      targets = t ? [t] : [];
    } else if (pid === -1) {
      targets = [...ns.members.values()].filter((t) => t !== sender && t !== ns.init);
    } else {
      const group = pid === 0 ? sender.pgid : -pid;
      targets = [...ns.members.values()].filter((t) => t.pgid === group);
    }
    if (targets.length === 0) throw new FsError('ESRCH', 'kill');
    const permitted = targets.filter(allowed);
    if (permitted.length === 0) throw new FsError('EPERM', 'kill');
    for (const t of permitted) this.deliver(t, sig, ns);
  }

  /** Signals a whole process group (terminal keys, job control). */
  signalGroup(pgid: number, sig: number): void {
    for (const p of [...this.table.values()]) if (p.pgid === pgid && !p.dead) this.deliver(p, sig, this.rootPid);
  }

  /**
   * Runs the handlers of pending signals. Returns true if any ran (a
   * blocking call then fails with EINTR, as without SA_RESTART).
   */
  runHandlers(proc: Process): boolean {
    let ran = false;
    for (const sig of [...proc.pending]) {
      proc.pending.delete(sig);
      const h = proc.handlers.get(sig);
      if (typeof h === 'function') {
        ran = true;
        h(sig);
      }
      if (proc.dead) throw new ProcessControl('killed');
    }
    return ran;
  }

  // ---- the scheduler ---------------------------------------------------------------

  /** Entering a system call: account the CPU time since the program got control back. */
  enter(proc: Process): void {
    if (proc.dead) throw new ProcessControl('killed');
    const now = performance.now();
    const ran = now - proc.lastResume;
    if (ran > 0) {
      proc.cpuMs += ran;
      const us = ran * 1000;
      for (const c of proc.cgroup.ancestry()) {
        c.cpuUsage += us;
        c.periodUsage += us;
      }
    }
    proc.lastResume = now;
    this.current = proc;
  }

  /** Leaving a system call: the program runs again from now. */
  leave(proc: Process): void {
    proc.lastResume = performance.now();
  }

  /**
   * The scheduling point every async system call passes: gives the page a
   * turn when the slice is used up, waits out CPU throttling, a stop or a
   * freeze, and delivers signals. Returns whether a handler ran (a call
   * that would sleep then fails with EINTR, as on Linux).
   */
  async schedule(proc: Process): Promise<boolean> {
    let handled = false;
    this.enter(proc);
    if (performance.now() - this.lastYield > TIME_SLICE_MS) {
      await this.platform.macrotask();
      this.lastYield = performance.now();
    }
    for (;;) {
      if (proc.dead) throw new ProcessControl('killed');
      if (proc.pending.size > 0 && this.runHandlers(proc)) handled = true;
      if (proc.state === 'stopped' || proc.cgroup.isFrozen) {
        await this.sleep(proc, [proc.stateChange], () => proc.state !== 'stopped' && !proc.cgroup.isFrozen, false);
        continue;
      }
      const wait = this.throttle(proc.cgroup);
      if (wait > 0) {
        await new Promise<void>((resolve) => this.platform.timer(wait, resolve));
        proc.lastResume = performance.now();
        continue;
      }
      break;
    }
    this.leave(proc);
    return handled;
  }

  /** ms to wait before the group (or one above it) may run again; 0 if it may run now. */
  private throttle(cgroup: Cgroup): number {
    const now = this.platform.now();
    let wait = 0;
    for (const c of cgroup.ancestry()) {
      if (c.cpuQuota === Infinity) continue;
      const periodMs = c.cpuPeriod / 1000;
      if (now >= c.periodStart + periodMs) {
        const periods = Math.floor((now - c.periodStart) / periodMs);
        c.cpuStats.nr_periods += Math.min(periods, 1_000_000);
        c.periodStart = c.periodStart === 0 ? now : c.periodStart + periods * periodMs;
        // Running past the quota (a time slice ends after it is used up) is
        // a debt the next periods pay, as CFS bandwidth control does.
        c.periodUsage = Math.max(0, c.periodUsage - c.cpuQuota * periods);
      }
      if (c.periodUsage >= c.cpuQuota) {
        const left = c.periodStart + periodMs - now;
        c.cpuStats.nr_throttled++;
        c.cpuStats.throttled_usec += left * 1000;
        wait = Math.max(wait, left);
      }
    }
    return wait;
  }

  /**
   * Sleeps until `ready()` holds. Signals wake the sleeper: a fatal one ends
   * the process (the call unwinds); a handled one runs its handler and the
   * call fails with EINTR when `interruptible`.
   */
  async sleep(proc: Process, queues: readonly WaitQueue[], ready: () => boolean, interruptible = true): Promise<void> {
    while (!ready()) {
      if (proc.dead) throw new ProcessControl('killed');
      if (interruptible && proc.pending.size > 0 && this.runHandlers(proc)) throw new FsError('EINTR', 'wait');
      proc.state = proc.state === 'stopped' ? 'stopped' : 'sleeping';
      let wake!: () => void;
      await new Promise<void>((resolve) => {
        wake = resolve;
        proc.wake = resolve;
        for (const q of queues) q.add(resolve);
      });
      proc.wake = undefined;
      for (const q of queues) q.remove(wake);
      if (proc.state === 'sleeping') proc.state = 'running';
      // Time asleep is not CPU time.
      proc.lastResume = performance.now();
    }
    if (proc.dead) throw new ProcessControl('killed');
  }

  /** A blocking wait inside a system call: the sleep plus the scheduling that follows it. */
  async block(proc: Process, queues: readonly WaitQueue[], ready: () => boolean): Promise<void> {
    this.enter(proc);
    await this.sleep(proc, queues, ready, true);
    await this.schedule(proc);
  }

  ioContext(proc: Process): IoContext {
    return {
      get pid() {
        return proc.pid;
      },
      get pgid() {
        return proc.pgid;
      },
      get sid() {
        return proc.sid;
      },
      block: (queues, ready) => this.block(proc, queues, ready),
      raise: (sig) => this.deliver(proc, sig, proc.ns.pid),
      raiseGroup: (pgid, sig) => this.signalGroup(pgid, sig),
    };
  }

  /** cgroup.freeze / `docker pause`: frozen processes stop at their next system call. */
  freeze(cgroup: Cgroup, on: boolean): void {
    cgroup.frozen = on;
    if (!on) for (const p of cgroup.allProcs()) p.stateChange.wakeAll();
  }

  // ---- memory ------------------------------------------------------------------------

  /** Charges `bytes` to `proc`; past a memory.max, the OOM killer runs. */
  charge(proc: Process, bytes: number): void {
    if (bytes <= 0) {
      proc.rss = Math.max(0, proc.rss + bytes);
      return;
    }
    for (;;) {
      const over = [...proc.cgroup.ancestry()].find((c) => c.memoryCurrent + bytes > c.memoryMax);
      if (!over) break;
      over.memoryEvents.max++;
      over.memoryEvents.oom++;
      const victim = [...over.allProcs()].filter((p) => !p.dead).sort((a, b) => b.rss + b.oomScoreAdj * 1000 - (a.rss + a.oomScoreAdj * 1000))[0];
      if (!victim) break;
      over.memoryEvents.oom_kill++;
      victim.oomKilled = true;
      this.exit(victim, { kind: 'signaled', signal: SIGKILL, core: false });
      if (victim === proc) throw new ProcessControl('killed');
    }
    proc.rss += bytes;
    for (const c of proc.cgroup.ancestry()) c.memoryPeak = Math.max(c.memoryPeak, c.memoryCurrent);
  }

  // ---- terminals ---------------------------------------------------------------------

  /** A new pseudo-terminal (/dev/pts/N). The caller connects its screen side. */
  createPty(): Tty {
    const n = this.nextPty++;
    const tty = new Tty(`/dev/pts/${n}`, (136 << 8) | n);
    tty.signalGroup = (pgid, sig) => this.signalGroup(pgid, sig);
    this.ptys.set(n, tty);
    return tty;
  }

  closePty(tty: Tty): void {
    tty.hangUp();
    for (const [n, t] of this.ptys) if (t === tty) this.ptys.delete(n);
  }

  /** Processes visible from a pid namespace, by their pid there. */
  visible(ns: PidNamespace): [number, Process][] {
    return [...ns.members.entries()].sort((a, b) => a[0] - b[0]);
  }

  /** Whether a process has a capability: root, and the capability not dropped. */
  static capable(proc: Process, cap: string): boolean {
    return proc.euid === 0 && (proc.caps === undefined || proc.caps.has(cap));
  }

  /** Image of a program that is not a file (the kernel's own processes). */
  static builtinImage(program: Program, name: string, argv: string[] = [name]): Image {
    return { program, path: '', argv, env: [], comm: name.slice(0, 15) };
  }
}
