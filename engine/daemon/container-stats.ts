/**
 * `docker stats` (GET /containers/{id}/stats): the StatsResponse JSON moby
 * sends on a cgroup v2 host, built from the runtime's cgroup readings.
 *
 * JSON lines, one a second while streaming. Without stream, moby primes the
 * CPU figures with one reading and answers with the next, so CPU % has
 * something to compare with; with one-shot, the first reading alone; for a
 * container that is not running, empty stats with its name and ID.
 */
import { rfc3339Nano, ZERO_TIME } from '../common/time.ts';
import { EngineError } from '../errors.ts';
import type { ContainerStats } from '../runtime/types.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';

interface CpuStats {
  cpu_usage: { total_usage: number; usage_in_kernelmode: number; usage_in_usermode: number };
  system_cpu_usage?: number;
  online_cpus?: number;
  throttling_data: { periods: number; throttled_periods: number; throttled_time: number };
}

const emptyCpu = (): CpuStats => ({ cpu_usage: { total_usage: 0, usage_in_kernelmode: 0, usage_in_usermode: 0 }, throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 } });
const emptyBlkio = () => ({ io_service_bytes_recursive: null, io_serviced_recursive: null, io_queue_recursive: null, io_service_time_recursive: null, io_wait_time_recursive: null, io_merged_recursive: null, io_time_recursive: null, sectors_recursive: null });

/** When the daemon started counting host CPU time (system_cpu_usage is relative to it). */
const cpuClock = new WeakMap<Daemon, number>();

function sample(d: Daemon, c: Container, pre: { cpu: CpuStats; read: string } | undefined) {
  const s: ContainerStats = d.options.runtime.stats(c.id);
  if (!cpuClock.has(d)) cpuClock.set(d, s.read - 3_600_000);
  const total = s.cpu.usageUsec * 1000;
  const cpu: CpuStats = {
    cpu_usage: { total_usage: total, usage_in_kernelmode: Math.floor(total / 5), usage_in_usermode: total - Math.floor(total / 5) },
    system_cpu_usage: (s.read - cpuClock.get(d)!) * 1e6 * s.cpu.onlineCpus,
    online_cpus: s.cpu.onlineCpus,
    throttling_data: { periods: s.cpu.periods, throttled_periods: s.cpu.throttledPeriods, throttled_time: s.cpu.throttledUsec * 1000 },
  };
  const anon = Math.max(0, s.memory.usage);
  const memory = {
    usage: s.memory.usage,
    stats: { active_anon: 0, active_file: 0, anon, anon_thp: 0, file: 0, file_dirty: 0, file_mapped: 0, file_writeback: 0, inactive_anon: anon, inactive_file: 0, kernel_stack: 0, pgactivate: 0, pgdeactivate: 0, pgfault: 0, pglazyfree: 0, pglazyfreed: 0, pgmajfault: 0, pgrefill: 0, pgscan: 0, pgsteal: 0, shmem: 0, slab: 0, slab_reclaimable: 0, slab_unreclaimable: 0, sock: 0, thp_collapse_alloc: 0, thp_fault_alloc: 0, unevictable: 0, workingset_activate: 0, workingset_nodereclaim: 0, workingset_refault: 0 },
    limit: s.memory.limit,
  };
  const networks: Record<string, Record<string, number>> = {};
  const net = d.options.networks as { interfaceStats?(c: Container): { name: string; rxBytes: number; rxPackets: number; txBytes: number; txPackets: number }[] } | undefined;
  for (const i of net?.interfaceStats?.(c) ?? []) {
    networks[i.name] = { rx_bytes: i.rxBytes, rx_packets: i.rxPackets, rx_errors: 0, rx_dropped: 0, tx_bytes: i.txBytes, tx_packets: i.txPackets, tx_errors: 0, tx_dropped: 0 };
  }
  const read = rfc3339Nano(s.read);
  return {
    name: c.name,
    id: c.id,
    read,
    preread: pre?.read ?? ZERO_TIME,
    pids_stats: { current: s.pids.current, ...(s.pids.limit > 0 ? { limit: s.pids.limit } : {}) },
    blkio_stats: emptyBlkio(),
    num_procs: 0,
    storage_stats: {},
    cpu_stats: cpu,
    precpu_stats: pre?.cpu ?? emptyCpu(),
    memory_stats: memory,
    ...(Object.keys(networks).length > 0 ? { networks } : {}),
  };
}

const line = (v: unknown) => new TextEncoder().encode(JSON.stringify(v) + '\n');

/** GET /containers/{id}/stats. */
export function containerStats(d: Daemon, ref: string, opts: { stream: boolean; oneShot: boolean }): AsyncIterable<Uint8Array> {
  const c = d.container(ref);
  if (opts.stream && opts.oneShot) throw new EngineError('InvalidArgument', 'cannot have stream=true and one-shot=true');
  const sleep = (ms: number) => new Promise<void>((r) => d.platform.timer(ms, r));
  const stopped = () => line({ name: c.name, id: c.id, read: ZERO_TIME, preread: ZERO_TIME, pids_stats: {}, blkio_stats: emptyBlkio(), num_procs: 0, storage_stats: {}, cpu_stats: emptyCpu(), precpu_stats: emptyCpu(), memory_stats: {} });
  return (async function* () {
    if ((!c.running || c.state === 'restarting') && !opts.stream) {
      yield stopped();
      return;
    }
    if (opts.oneShot) {
      yield line(sample(d, c, undefined));
      return;
    }
    let last = sample(d, c, undefined);
    if (opts.stream) yield line(last);
    for (;;) {
      await sleep(1000);
      if (!c.running || !d.containers.has(c.id)) {
        if (!opts.stream) yield stopped();
        return;
      }
      last = sample(d, c, { cpu: last.cpu_stats, read: last.read });
      yield line(last);
      if (!opts.stream) return;
    }
  })();
}
