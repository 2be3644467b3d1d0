/**
 * Container operations that look at or adjust a container from outside:
 * `docker top` (GET /containers/{id}/top), `docker diff` (GET …/changes) and
 * `docker update` (POST …/update), with moby's rules and wording
 * (daemon/top_unix.go, changes.go, update.go). Stats are in
 * container-stats.ts, container prune in prune.ts.
 *
 * `top` has no real `ps` to run: it prints what procps' `ps` would for the
 * container's processes (-ef by default, BSD `aux`, or `-o` columns) and then
 * reads that text back exactly as moby parses ps output, so odd argument
 * orders give the same odd tables.
 */
import { EngineError } from '../errors.ts';
import { FsError } from '../fs/errno.ts';
import { readWholeFile, type FileSystem, type Stat } from '../fs/types.ts';
import { changes, type Change } from '../snapshot/diff.ts';
import type { OciResources, ProcessInfo } from '../runtime/types.ts';
import type { Daemon } from './daemon.ts';
import type { HostConfig, RestartPolicy } from './types.ts';

// ---- top ---------------------------------------------------------------------------

const PS_ARGS_RE = /\s+([^\s]*)=\s*(PID[^\s]*)/g;

export function containerTop(d: Daemon, ref: string, psArgs = ''): { Titles: string[]; Processes: string[][] } {
  const args = psArgs === '' ? '-ef' : psArgs;
  for (const m of args.matchAll(PS_ARGS_RE)) if (m[1] !== 'pid') throw new EngineError('InvalidArgument', `specifying "${m[1]}=${m[2]}" is not allowed`);
  const c = d.container(ref);
  if (!c.running) throw new EngineError('Conflict', `container ${c.id} is not running`);
  if (c.state === 'restarting') throw new EngineError('Conflict', `Container ${c.id} is restarting, wait until the container is running`);
  const procs = d.options.runtime.processes(c.id);
  const text = psOutput(args.split(' '), procs, d.platform.now(), userNames(d.hostFs()));
  return parsePsOutput(text, procs.map((p) => p.pid));
}

function userNames(fs: FileSystem): Map<number, string> {
  const out = new Map<number, string>([[0, 'root']]);
  try {
    for (const line of new TextDecoder().decode(readWholeFile(fs, '/etc/passwd')).split('\n')) {
      const f = line.split(':');
      if (f.length >= 3 && /^\d+$/.test(f[2]!) && !out.has(Number(f[2]))) out.set(Number(f[2]), f[0]!);
    }
  } catch {
    // no passwd: numbers
  }
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** procps' STIME/START: the time today, the day this year, else the year. */
function startTime(ms: number, now: number): string {
  const t = new Date(ms);
  const n = new Date(now);
  if (t.getUTCFullYear() !== n.getUTCFullYear()) return String(t.getUTCFullYear());
  if (t.toISOString().slice(0, 10) !== n.toISOString().slice(0, 10)) return `${MONTHS[t.getUTCMonth()]}${pad2(t.getUTCDate())}`;
  return `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
}

/** [DD-]HH:MM:SS of CPU time. */
function cpuTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400);
  const hms = `${pad2(Math.floor((s % 86400) / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
  return days > 0 ? `${days}-${hms}` : hms;
}

/** [[DD-]hh:]mm:ss of wall time. */
function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const ms2 = `${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
  if (days > 0) return `${days}-${pad2(h)}:${ms2}`;
  return h > 0 ? `${pad2(h)}:${ms2}` : ms2;
}

type Column = { header: string; value: (p: ProcessInfo) => string };

function columns(now: number, users: Map<number, string>): Record<string, Column> {
  // procps: CPU jiffies (1/100 s) over whole seconds since the start, in tenths of a percent.
  const permille = (p: ProcessInfo) => {
    const seconds = Math.floor((now - p.started) / 1000);
    return seconds > 0 ? Math.floor((Math.floor(p.cpuMs / 10) * 10) / seconds) : 0;
  };
  const user = (p: ProcessInfo) => users.get(p.uid) ?? String(p.uid);
  const base = (p: ProcessInfo) => (p.command.split(' ')[0] ?? '').split('/').pop()!.slice(0, 15);
  const c: Record<string, Column> = {
    pid: { header: 'PID', value: (p) => String(p.pid) },
    ppid: { header: 'PPID', value: (p) => String(p.ppid) },
    uid: { header: 'UID', value: (p) => String(p.uid) },
    user: { header: 'USER', value: user },
    euser: { header: 'EUSER', value: user },
    c: { header: 'C', value: (p) => String(Math.min(99, Math.floor(permille(p) / 10))) },
    stime: { header: 'STIME', value: (p) => startTime(p.started, now) },
    start: { header: 'STARTED', value: (p) => startTime(p.started, now) },
    tty: { header: 'TT', value: (p) => p.tty },
    time: { header: 'TIME', value: (p) => cpuTime(p.cpuMs) },
    etime: { header: 'ELAPSED', value: (p) => elapsed(now - p.started) },
    cmd: { header: 'CMD', value: (p) => p.command },
    args: { header: 'COMMAND', value: (p) => p.command },
    comm: { header: 'COMMAND', value: base },
    '%cpu': { header: '%CPU', value: (p) => `${Math.floor(permille(p) / 10)}.${permille(p) % 10}` },
    '%mem': { header: '%MEM', value: () => '0.0' },
    vsz: { header: 'VSZ', value: () => '0' },
    rss: { header: 'RSS', value: () => '0' },
    stat: { header: 'STAT', value: () => 'S' },
  };
  Object.assign(c, { command: c.args, ucmd: c.comm, pcpu: c['%cpu'], pmem: c['%mem'], tt: c.tty, group: { header: 'GROUP', value: () => 'root' } });
  return c;
}

/** What procps' `ps <args>` prints for these processes. */
function psOutput(args: string[], procs: readonly ProcessInfo[], now: number, users: Map<number, string>): string {
  const cols = columns(now, users);
  const pick = (names: string[], override: Record<string, string> = {}) =>
    names.map((n) => ({ ...cols[n]!, ...(override[n] ? { header: override[n]! } : {}) }));
  let chosen: Column[] | undefined;
  let full = false;
  let bsdUser = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const dash = a.startsWith('-');
    const letters = dash ? a.slice(1) : a;
    const o = letters.indexOf('o');
    if (o >= 0 && (dash || !/^[aux]*$/.test(letters))) {
      const spec = letters.slice(o + 1) || args[++i] || '';
      const names = spec.split(/[,\s]+/).filter((s) => s !== '');
      chosen = names.map((raw) => {
        const [name, header] = raw.split('=') as [string, string?];
        const col = cols[name.toLowerCase()];
        if (!col) throw new EngineError('Internal', `ps: error: unknown user-defined format specifier "${name}"`);
        return header !== undefined ? { ...col, header } : col;
      });
      continue;
    }
    if (dash && letters.includes('f')) full = true;
    if (!dash && letters.includes('u')) bsdUser = true;
  }
  if (!chosen) {
    if (bsdUser) chosen = pick(['user', 'pid', '%cpu', '%mem', 'vsz', 'rss', 'tty', 'stat', 'start', 'time', 'args'], { start: 'START', tty: 'TTY' });
    else if (full) chosen = pick(['uid', 'pid', 'ppid', 'c', 'stime', 'tty', 'time', 'cmd'], { tty: 'TTY' }).map((col, i) => (i === 0 ? { header: 'UID', value: cols.user!.value } : col));
    else chosen = pick(['pid', 'tty', 'time', 'comm'], { tty: 'TTY', comm: 'CMD' });
  }
  const lines = [chosen.map((c) => c.header).join(' ')];
  for (const p of procs) lines.push(chosen.map((c) => c.value(p)).join(' '));
  return lines.join('\n') + '\n';
}

/** moby's parsePSOutput: titles split on blanks, overhanging fields merged into the last column. */
function parsePsOutput(text: string, pids: readonly number[]): { Titles: string[]; Processes: string[][] } {
  const fields = (s: string) => s.split(/[\t\n\f\r ]+/).filter((f) => f !== '');
  const lines = text.split('\n');
  const titles = fields(lines[0] ?? '');
  const pidIndex = titles.indexOf('PID');
  if (pidIndex < 0) throw new EngineError('Internal', "Couldn't find PID field in ps output");
  const processes: string[][] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const f = fields(line);
    const pid = f[pidIndex] ?? '';
    if (!/^-?\d+$/.test(pid)) throw new EngineError('Internal', `Unexpected pid '${pid}': strconv.Atoi: parsing "${pid}": invalid syntax`);
    if (!pids.includes(Number(pid))) continue;
    processes.push([...f.slice(0, titles.length - 1), f.slice(titles.length - 1).join(' ')]);
  }
  return { Titles: titles, Processes: processes };
}

// ---- diff --------------------------------------------------------------------------------

/** Files the container's init layer holds in Docker, so that `docker diff` never lists them. */
const INIT_PATHS = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf', '/.dockerenv', '/etc/mtab', '/dev/console', '/dev/pts', '/dev/shm']);

/** A filesystem without the init layer's paths, for comparing (only readdir and lstat are asked). */
function withoutInit(fs: FileSystem): FileSystem {
  const hide = (path: string) => INIT_PATHS.has(path);
  return new Proxy(fs, {
    get(target, prop, receiver) {
      if (prop === 'readdir') return (dir: string) => target.readdir(dir).filter((n) => !hide(dir === '/' ? `/${n}` : `${dir}/${n}`));
      if (prop === 'lstat')
        return (path: string): Stat => {
          if (hide(path)) throw new FsError('ENOENT', 'lstat', path);
          return target.lstat(path);
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** GET /containers/{id}/changes: the container's filesystem against its image. */
export function containerChanges(d: Daemon, ref: string): Change[] {
  const c = d.container(ref);
  const sn = d.options.snapshotter;
  const mounts = sn.mounts(c.id);
  const after = sn.mountFs(mounts);
  const lower = mounts[0]?.options.find((o) => o.startsWith('lowerdir='));
  const before = lower ? sn.mountFs([{ type: 'overlay', source: 'overlay', options: [lower] }]) : null;
  const upper = sn.layerDir(c.id);
  const disk = sn.disk;
  // Only directories with a copy in the upper layer can differ below them.
  const mayDiffer = (dir: string) => {
    let e = upper;
    for (const part of dir.split('/').filter((p) => p !== '')) {
      const next = disk.lookup(e, part);
      if (!next) return false;
      e = next;
    }
    return true;
  };
  return changes(withoutInit(after), before ? withoutInit(before) : null, lower ? mayDiffer : () => true);
}

// ---- update --------------------------------------------------------------------------------

export interface UpdateBody extends Partial<Pick<HostConfig, 'Memory' | 'MemorySwap' | 'NanoCpus' | 'CpuShares' | 'CpuPeriod' | 'CpuQuota' | 'PidsLimit'>> {
  MemoryReservation?: number;
  BlkioWeight?: number;
  CpusetCpus?: string;
  CpusetMems?: string;
  RestartPolicy?: Partial<RestartPolicy>;
}

const CPUS = 2;
const MIN_MEMORY = 6 * 1024 * 1024;

/** moby's verifyPlatformContainerResources for an update. */
function verifyResources(r: UpdateBody): void {
  const bad = (m: string) => new EngineError('InvalidArgument', m);
  const memory = r.Memory ?? 0;
  const swap = r.MemorySwap ?? 0;
  if (memory !== 0 && memory < MIN_MEMORY) throw bad('Minimum memory limit allowed is 6MB');
  if (memory > 0 && swap > 0 && swap < memory) throw bad('Minimum memoryswap limit should be larger than memory limit, see usage');
  const reservation = r.MemoryReservation ?? 0;
  if (reservation > 0 && reservation < MIN_MEMORY) throw bad('Minimum memory reservation allowed is 6MB');
  if (memory > 0 && reservation > 0 && memory < reservation) throw bad('Minimum memory limit can not be less than memory reservation limit, see usage');
  const nano = r.NanoCpus ?? 0;
  if (nano > 0 && (r.CpuPeriod ?? 0) > 0) throw bad('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  if (nano > 0 && (r.CpuQuota ?? 0) > 0) throw bad('Conflicting options: Nano CPUs and CPU Quota cannot both be set');
  if (nano !== 0 && (nano < 0 || nano > CPUS * 1e9)) throw bad(`range of CPUs is from 0.01 to ${CPUS}.00, as there are only ${CPUS} CPUs available`);
  const period = r.CpuPeriod ?? 0;
  if (period !== 0 && (period < 1000 || period > 1000000)) throw bad('CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)');
  if ((r.CpuQuota ?? 0) > 0 && r.CpuQuota! < 1000) throw bad('CPU cfs quota can not be less than 1ms (i.e. 1000)');
  const weight = r.BlkioWeight ?? 0;
  if (weight > 0 && (weight < 10 || weight > 1000)) throw bad('Range of blkio weight is from 10 to 1000');
}

function validateRestartPolicy(p: Partial<RestartPolicy>): void {
  const name = p.Name ?? '';
  const count = p.MaximumRetryCount ?? 0;
  const bad = (m: string) => new EngineError('InvalidArgument', m);
  if (name === 'always' || name === 'unless-stopped' || name === 'no') {
    if (count !== 0) throw bad(`invalid restart policy: maximum retry count can only be used with 'on-failure'${count < 0 ? ' and cannot be negative' : ''}`);
  } else if (name === 'on-failure') {
    if (count < 0) throw bad('invalid restart policy: maximum retry count cannot be negative');
  } else if (name !== '') {
    throw bad(`invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
}

/** What the runtime's cgroup should hold for a HostConfig. */
export function ociResources(h: HostConfig): OciResources {
  return {
    memory: { limit: h.Memory > 0 ? h.Memory : 0 },
    cpu: h.NanoCpus > 0 ? { quota: Math.round(h.NanoCpus / 1e4), period: 100000, shares: h.CpuShares } : { quota: h.CpuQuota > 0 ? h.CpuQuota : 0, period: h.CpuPeriod || 100000, shares: h.CpuShares },
    pids: { limit: h.PidsLimit && h.PidsLimit > 0 ? h.PidsLimit : 0 },
  };
}

/** POST /containers/{id}/update. */
export async function updateContainer(d: Daemon, ref: string, body: UpdateBody): Promise<{ Warnings: string[] | null }> {
  const policy = body.RestartPolicy ?? {};
  validateRestartPolicy(policy);
  verifyResources(body);
  const c = d.container(ref);
  const fail = (m: string) => new EngineError('InvalidArgument', `Cannot update container ${c.id}: ${m}`);
  if (c.state === 'removing' || c.state === 'dead') throw new EngineError('Internal', `Cannot update container ${c.id}: container is marked for removal and cannot be "update"`);
  const h = c.hostConfig;
  const r = { Memory: 0, MemorySwap: 0, NanoCpus: 0, CpuShares: 0, CpuPeriod: 0, CpuQuota: 0, MemoryReservation: 0, BlkioWeight: 0, ...body };
  if (r.NanoCpus > 0 && h.CpuPeriod > 0) throw fail('Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set');
  if (r.NanoCpus > 0 && h.CpuQuota > 0) throw fail('Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set');
  if (r.CpuPeriod > 0 && h.NanoCpus > 0) throw fail('Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set');
  if (r.CpuQuota > 0 && h.NanoCpus > 0) throw fail('Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set');
  // Docker sets MemorySwap to twice Memory when a container is created with -m alone.
  const swapNow = h.MemorySwap === 0 && h.Memory > 0 ? h.Memory * 2 : h.MemorySwap;
  if (r.Memory !== 0 && r.Memory > swapNow && r.MemorySwap === 0) throw fail('Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time');
  if (policy.Name && c.hostConfig.AutoRemove && policy.Name !== 'no') throw fail('Restart policy cannot be updated because AutoRemove is enabled for the container');
  const next: HostConfig = { ...h };
  if (r.CpuShares !== 0) next.CpuShares = r.CpuShares;
  if (r.NanoCpus !== 0) next.NanoCpus = r.NanoCpus;
  if (r.CpuPeriod !== 0) next.CpuPeriod = r.CpuPeriod;
  if (r.CpuQuota !== 0) next.CpuQuota = r.CpuQuota;
  if (r.Memory !== 0) {
    next.Memory = r.Memory;
    if (h.MemorySwap === 0 && r.MemorySwap === 0) next.MemorySwap = swapNow;
  }
  if (r.MemorySwap !== 0) next.MemorySwap = r.MemorySwap;
  // The API router turns 0 and any negative limit into 0, unlimited.
  if (body.PidsLimit !== undefined && body.PidsLimit !== null) next.PidsLimit = body.PidsLimit > 0 ? body.PidsLimit : 0;
  const extra = next as unknown as Record<string, unknown>;
  if (r.MemoryReservation !== 0) extra.MemoryReservation = r.MemoryReservation;
  if (r.BlkioWeight !== 0) extra.BlkioWeight = r.BlkioWeight;
  if (body.CpusetCpus) extra.CpusetCpus = body.CpusetCpus;
  if (body.CpusetMems) extra.CpusetMems = body.CpusetMems;
  if (policy.Name) next.RestartPolicy = { Name: policy.Name, MaximumRetryCount: policy.MaximumRetryCount ?? 0 };
  if (c.running && c.state !== 'restarting') {
    try {
      await d.options.runtime.update(c.id, ociResources(next));
    } catch (err) {
      throw new EngineError('Internal', `Cannot update container ${c.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  Object.assign(c.hostConfig, next);
  d.events.emit('container', 'update', c.id, { image: c.image, name: c.name.slice(1) });
  return { Warnings: null };
}
