/**
 * Control groups (cgroup v2): limits on what a group of processes may use.
 *
 * Docker puts each container in its own cgroup and writes its `-m`,
 * `--cpus` and `--pids-limit` into it:
 * - memory.max: the sum of its processes' memory (and tmpfs files) may not
 *   pass it; when an allocation would, the OOM killer kills the largest
 *   process in the group (a container's main process then exits with 137)
 *   and memory.events counts an oom_kill;
 * - cpu.max "QUOTA PERIOD": in each period the group may run QUOTA µs; past
 *   it, its processes wait for the next period (they are throttled);
 * - pids.max: fork fails with EAGAIN once the group has that many tasks.
 * Limits apply to a group and everything below it.
 */
import type { Process } from './process.ts';

export class Cgroup {
  readonly children = new Map<string, Cgroup>();
  readonly procs = new Set<Process>();

  memoryMax = Infinity;
  /** Bytes charged by tmpfs and other kernel memory, on top of the processes'. */
  memoryExtra = 0;
  memoryPeak = 0;
  readonly memoryEvents = { low: 0, high: 0, max: 0, oom: 0, oom_kill: 0, oom_group_kill: 0 };

  pidsMax = Infinity;
  readonly pidsEvents = { max: 0 };

  /** cpu.max: µs per period, or Infinity. */
  cpuQuota = Infinity;
  cpuPeriod = 100_000;
  cpuWeight = 100;
  /** Total CPU time used, µs. */
  cpuUsage = 0;
  readonly cpuStats = { nr_periods: 0, nr_throttled: 0, throttled_usec: 0 };
  /** Start of the current period (ms) and the µs used in it. */
  periodStart = 0;
  periodUsage = 0;

  /** cgroup.freeze: `docker pause`. */
  frozen = false;

  constructor(
    readonly name: string,
    readonly parent: Cgroup | undefined,
  ) {
    parent?.children.set(name, this);
  }

  /** "/", "/docker/3f2a…". */
  get path(): string {
    if (!this.parent) return '/';
    const up = this.parent.path;
    return up === '/' ? `/${this.name}` : `${up}/${this.name}`;
  }

  child(name: string): Cgroup {
    return this.children.get(name) ?? new Cgroup(name, this);
  }

  /** This group and those above it, nearest first. */
  *ancestry(): Iterable<Cgroup> {
    for (let c: Cgroup | undefined = this; c; c = c.parent) yield c;
  }

  /** Every process in this group and below. */
  *allProcs(): Iterable<Process> {
    yield* this.procs;
    for (const c of this.children.values()) yield* c.allProcs();
  }

  get memoryCurrent(): number {
    let n = this.memoryExtra;
    for (const p of this.procs) n += p.rss;
    for (const c of this.children.values()) n += c.memoryCurrent;
    return n;
  }

  get pidsCurrent(): number {
    let n = this.procs.size;
    for (const c of this.children.values()) n += c.pidsCurrent;
    return n;
  }

  get isFrozen(): boolean {
    for (const c of this.ancestry()) if (c.frozen) return true;
    return false;
  }

  remove(): void {
    this.parent?.children.delete(this.name);
  }
}
