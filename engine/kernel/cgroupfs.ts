/**
 * /sys/fs/cgroup: the cgroup v2 interface files. Reading memory.current or
 * cpu.stat shows what the kernel has counted; writing memory.max or cpu.max
 * changes the limit (which is what `docker update` does). Inside a container
 * the tree starts at the container's own cgroup.
 */
import { FsError } from '../fs/errno.ts';
import { Cgroup } from './cgroup.ts';
import type { Kernel } from './kernel.ts';
import type { Process } from './process.ts';
import { SyntheticFs, dir, file, type SynthNode } from './synthfs.ts';

const max = (n: number) => (n === Infinity ? 'max' : String(n));
const parseMax = (text: string, what: string): number => {
  const t = text.trim();
  if (t === 'max') return Infinity;
  if (!/^\d+$/.test(t)) throw new FsError('EINVAL', 'write', what);
  return Number(t);
};

export function cgroupFs(kernel: Kernel, root: Cgroup, viewer: () => Process | undefined): SyntheticFs {
  const node = (cg: Cgroup): SynthNode => {
    const files: [string, SynthNode][] = [
      ['cgroup.controllers', file(() => 'cpuset cpu io memory hugetlb pids rdma misc\n')],
      ['cgroup.subtree_control', file(() => (cg.children.size > 0 || cg === kernel.rootCgroup ? 'cpu memory pids\n' : '\n'), { write: () => undefined })],
      ['cgroup.type', file(() => 'domain\n')],
      [
        'cgroup.procs',
        file(
          () => {
            const ns = viewer()?.ns.pid ?? kernel.rootPid;
            return [...cg.procs].map((p) => p.pidIn(ns)).filter((n): n is number => n !== undefined).sort((a, b) => a - b).map((n) => `${n}\n`).join('');
          },
          {
            write: (text) => {
              const me = viewer();
              const target = me?.ns.pid.members.get(Number(text));
              if (!target) throw new FsError('ESRCH', 'write', 'cgroup.procs');
              target.cgroup.procs.delete(target);
              target.cgroup = cg;
              cg.procs.add(target);
            },
          },
        ),
      ],
      ['cgroup.events', file(() => `populated ${cg.memoryCurrent > 0 || cg.pidsCurrent > 0 ? 1 : 0}\nfrozen ${cg.isFrozen ? 1 : 0}\n`)],
      ['cgroup.freeze', file(() => `${cg.frozen ? 1 : 0}\n`, { write: (t) => kernel.freeze(cg, t.trim() === '1') })],
      ['memory.max', file(() => max(cg.memoryMax) + '\n', { write: (t) => void (cg.memoryMax = parseMax(t, 'memory.max')) })],
      ['memory.current', file(() => `${cg.memoryCurrent}\n`)],
      ['memory.peak', file(() => `${cg.memoryPeak}\n`)],
      ['memory.swap.max', file(() => 'max\n', { write: () => undefined })],
      ['memory.events', file(() => Object.entries(cg.memoryEvents).map(([k, v]) => `${k} ${v}\n`).join(''))],
      ['memory.stat', file(() => `anon ${cg.memoryCurrent - cg.memoryExtra}\nfile 0\nshmem ${cg.memoryExtra}\n`)],
      ['pids.max', file(() => max(cg.pidsMax) + '\n', { write: (t) => void (cg.pidsMax = parseMax(t, 'pids.max')) })],
      ['pids.current', file(() => `${cg.pidsCurrent}\n`)],
      ['pids.events', file(() => `max ${cg.pidsEvents.max}\n`)],
      [
        'cpu.max',
        file(() => `${max(cg.cpuQuota)} ${cg.cpuPeriod}\n`, {
          write: (t) => {
            const [quota, period] = t.trim().split(/\s+/);
            cg.cpuQuota = parseMax(quota ?? 'max', 'cpu.max');
            if (period !== undefined) cg.cpuPeriod = parseMax(period, 'cpu.max');
          },
        }),
      ],
      ['cpu.weight', file(() => `${cg.cpuWeight}\n`, { write: (t) => void (cg.cpuWeight = parseMax(t, 'cpu.weight')) })],
      [
        'cpu.stat',
        file(() => {
          const u = Math.round(cg.cpuUsage);
          return `usage_usec ${u}\nuser_usec ${Math.round(u * 0.9)}\nsystem_usec ${u - Math.round(u * 0.9)}\nnr_periods ${cg.cpuStats.nr_periods}\nnr_throttled ${cg.cpuStats.nr_throttled}\nthrottled_usec ${Math.round(cg.cpuStats.throttled_usec)}\n`;
        }),
      ],
    ];
    return dir(() => [...files, ...[...cg.children].map(([name, c]) => [name, node(c)] as [string, SynthNode])], {
      mode: 0o755,
      mkdir: (name) => void new Cgroup(name, cg),
      rmdir: (name) => {
        const c = cg.children.get(name);
        if (!c) throw new FsError('ENOENT', 'rmdir', name);
        if (c.pidsCurrent > 0 || c.children.size > 0) throw new FsError('EBUSY', 'rmdir', name);
        c.remove();
      },
    });
  };
  return new SyntheticFs(() => node(root), () => kernel.platform.now(), 'cgroup2');
}
