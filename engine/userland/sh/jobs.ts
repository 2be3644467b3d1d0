/**
 * Jobs: the shell's children it has not finished with. A foreground job is
 * waited for; a background job (`cmd &`) is remembered until `wait` or the
 * next prompt collects it. With job control (an interactive shell), each
 * job is its own process group; ^Z stops the foreground job, `fg` and `bg`
 * continue it, and the terminal follows whichever group is in front.
 */
import { FsError } from '../../fs/errno.ts';
import { isProcessControl, type WaitStatus } from '../../kernel/sys.ts';
import { SIGCONT } from '../../kernel/signals.ts';
import type { Shell } from './shell.ts';
import { signalDescription } from './shell.ts';

export interface Job {
  id: number;
  pids: number[];
  pgid: number;
  command: string;
  state: 'running' | 'stopped' | 'done';
  /** Wait statuses collected so far, by pid. */
  statuses: Map<number, WaitStatus>;
  /** Whether the state change has been reported. */
  notified: boolean;
}

export class Jobs {
  readonly list: Job[] = [];

  constructor(private readonly sh: Shell) {}

  add(pids: number[], pgid: number, command: string, stopped: boolean): Job {
    const id = this.list.length === 0 ? 1 : Math.max(...this.list.map((j) => j.id)) + 1;
    const job: Job = { id, pids, pgid, command, state: stopped ? 'stopped' : 'running', statuses: new Map(), notified: false };
    this.list.push(job);
    return job;
  }

  private get jobControl(): boolean {
    return this.sh.options.monitor && this.sh.interactive;
  }

  /**
   * Gives the terminal to a process group (or back to the shell). The shell's
   * standard descriptors may be redirected while a command runs (`cat <<EOF
   * >out 2>&1`), so the terminal is whichever descriptor still is one (the
   * saved copies of redirected ones count) — giving it back must not fail, or
   * the shell would be left reading from the background.
   */
  private terminal(pgid: number): void {
    if (!this.jobControl) return;
    for (const fd of [0, 1, 2, ...this.sh.sys.fds().filter((f) => f > 2)]) {
      try {
        if (!this.sh.sys.isatty(fd)) continue;
        this.sh.sys.tcsetpgrp(fd, pgid);
        return;
      } catch (err) {
        if (isProcessControl(err)) throw err;
      }
    }
  }

  /**
   * Waits for foreground children; returns their statuses as $? values. A
   * stopped job (^Z) becomes a background job and reads as 128 + SIGTSTP.
   */
  async waitForeground(pids: number[], command: string, quiet = false): Promise<number[]> {
    const sys = this.sh.sys;
    const out: number[] = [];
    let stopped = false;
    for (const pid of pids) {
      let w: WaitStatus | null = null;
      for (;;) {
        try {
          w = await sys.waitpid(pid, { untraced: this.jobControl });
          break;
        } catch (err) {
          if (isProcessControl(err)) throw err;
          if (err instanceof FsError && err.code === 'EINTR') {
            await this.sh.runPendingTraps();
            continue;
          }
          if (err instanceof FsError && err.code === 'ECHILD') break;
          throw err;
        }
      }
      if (!w) {
        out.push(127);
        continue;
      }
      if (w.kind === 'stopped') {
        stopped = true;
        out.push(128 + w.signal);
        continue;
      }
      out.push(quiet && w.kind === 'signaled' ? 128 + w.signal : await this.sh.statusOf(w, command));
    }
    this.terminal(sys.getpgid());
    if (stopped) {
      const job = this.add(pids, pids[0] ?? 0, command, true);
      await sys.write(2, `\n[${job.id}]+  ${'Stopped'.padEnd(24)}  ${command}\n`);
    }
    return out;
  }

  /** Collects finished background children without waiting (before each prompt). */
  async reap(): Promise<void> {
    const sys = this.sh.sys;
    for (;;) {
      let w: WaitStatus | null;
      try {
        w = await sys.waitpid(-1, { nohang: true, untraced: this.jobControl, continued: true });
      } catch (err) {
        if (isProcessControl(err)) throw err;
        return;
      }
      if (!w) return;
      const job = this.list.find((j) => j.pids.includes(w.pid));
      if (!job) continue;
      if (w.kind === 'stopped') {
        job.state = 'stopped';
        job.notified = false;
        continue;
      }
      if (w.kind === 'continued') {
        job.state = 'running';
        continue;
      }
      job.statuses.set(w.pid, w);
      if (job.pids.every((p) => job.statuses.has(p))) {
        job.state = 'done';
        job.notified = false;
      }
    }
  }

  /** Interactive: "[1]+  Done    sleep 1" for jobs that finished since the last prompt. */
  async notify(): Promise<void> {
    for (const job of [...this.list]) {
      if (job.notified) continue;
      if (job.state === 'done') {
        if (this.sh.interactive) await this.sh.sys.write(2, `[${job.id}]+  ${this.describe(job).padEnd(24)}  ${job.command}\n`);
        this.remove(job);
      } else if (job.state === 'stopped') {
        job.notified = true;
      }
    }
  }

  describe(job: Job): string {
    if (job.state === 'running') return 'Running';
    if (job.state === 'stopped') return 'Stopped';
    const last = job.statuses.get(job.pids[job.pids.length - 1]!);
    if (last?.kind === 'exited') return last.code === 0 ? 'Done' : `Done(${last.code})`;
    if (last?.kind === 'signaled') return signalDescription(last.signal);
    return 'Done';
  }

  remove(job: Job): void {
    const i = this.list.indexOf(job);
    if (i >= 0) this.list.splice(i, 1);
  }

  /** %N, %%, %+, %-, %string, or a pid. */
  find(spec: string | undefined): Job | undefined {
    if (spec === undefined || spec === '%%' || spec === '%+' || spec === '%') return this.list[this.list.length - 1];
    if (spec === '%-') return this.list[this.list.length - 2];
    if (/^%\d+$/.test(spec)) return this.list.find((j) => j.id === Number(spec.slice(1)));
    if (spec.startsWith('%')) return this.list.find((j) => j.command.startsWith(spec.slice(1)));
    if (/^\d+$/.test(spec)) return this.list.find((j) => j.pids.includes(Number(spec)));
    return undefined;
  }

  /** `fg`: continue a job in front and wait for it. */
  async foreground(job: Job): Promise<number> {
    const sys = this.sh.sys;
    await sys.write(1, job.command + '\n');
    this.terminal(job.pgid);
    job.state = 'running';
    try {
      sys.kill(-job.pgid, SIGCONT);
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
    this.remove(job);
    const statuses = await this.waitForeground(job.pids.filter((p) => !job.statuses.has(p)), job.command);
    return statuses[statuses.length - 1] ?? 0;
  }

  /** `bg`: continue a stopped job in the background. */
  async background(job: Job): Promise<void> {
    job.state = 'running';
    await this.sh.sys.write(1, `[${job.id}] ${job.command}\n`);
    try {
      this.sh.sys.kill(-job.pgid, SIGCONT);
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
  }

  /** `wait [pid|%job]…`: the status of the last one waited for. */
  async wait(targets: string[]): Promise<number> {
    const sys = this.sh.sys;
    if (targets.length === 0) {
      for (;;) {
        const running = this.list.filter((j) => j.state !== 'done');
        if (running.length === 0) break;
        for (const job of running) {
          for (const pid of job.pids) {
            if (job.statuses.has(pid)) continue;
            try {
              const w = await sys.waitpid(pid);
              if (w) job.statuses.set(pid, w);
            } catch (err) {
              if (isProcessControl(err)) throw err;
              if (err instanceof FsError && err.code === 'EINTR') return 128 + (this.sh.pendingTraps.values().next().value ?? 0);
              job.statuses.set(pid, { pid, kind: 'exited', code: 127 });
            }
          }
          job.state = 'done';
          this.remove(job);
        }
      }
      return 0;
    }
    let status = 0;
    for (const t of targets) {
      const job = this.find(t);
      const pid = /^\d+$/.test(t) ? Number(t) : job?.pids[job.pids.length - 1];
      if (pid === undefined) {
        status = 127;
        continue;
      }
      const known = job?.statuses.get(pid);
      let w: WaitStatus | null | undefined = known;
      if (!w) {
        try {
          w = await sys.waitpid(pid);
        } catch (err) {
          if (isProcessControl(err)) throw err;
          if (err instanceof FsError && err.code === 'EINTR') return 128 + (this.sh.pendingTraps.values().next().value ?? 0);
          status = 127;
          continue;
        }
      }
      if (job) {
        job.statuses.set(pid, w!);
        if (job.pids.every((p) => job.statuses.has(p))) this.remove(job);
      }
      status = w ? await this.sh.statusOf(w, '') : 127;
    }
    return status;
  }
}

