/**
 * From a container's Config and HostConfig to the OCI runtime config the
 * runtime receives, as moby's daemon/oci_linux.go builds it: Docker's default
 * mounts, masked and read-only /proc paths, the default capability set with
 * --cap-add/--cap-drop applied, cgroup limits, and the user resolved in the
 * container's own /etc/passwd and /etc/group.
 */
import { fromUtf8 } from '../common/bytes.ts';
import { EngineError } from '../errors.ts';
import { readWholeFile, type FileSystem } from '../fs/types.ts';
import { DEFAULT_CAPS } from '../kernel/runtime.ts';
import type { OciMount, OciSpec } from '../runtime/types.ts';
import type { ContainerConfig, HostConfig } from './types.ts';

export const MASKED_PATHS = [
  '/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list',
  '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap',
];
export const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

const DEFAULT_MOUNTS: OciMount[] = [
  { destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] },
  { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'] },
  { destination: '/dev/pts', type: 'devpts', source: 'devpts', options: ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620', 'gid=5'] },
  { destination: '/sys', type: 'sysfs', source: 'sysfs', options: ['nosuid', 'noexec', 'nodev', 'ro'] },
  { destination: '/sys/fs/cgroup', type: 'cgroup', source: 'cgroup', options: ['ro', 'nosuid', 'noexec', 'nodev'] },
  { destination: '/dev/mqueue', type: 'mqueue', source: 'mqueue', options: ['nosuid', 'noexec', 'nodev'] },
  { destination: '/dev/shm', type: 'tmpfs', source: 'shm', options: ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=65536k'] },
];

export interface User {
  uid: number;
  gid: number;
  additionalGids: number[];
  home: string;
}

function readLines(fs: FileSystem, path: string): string[][] {
  try {
    return fromUtf8(readWholeFile(fs, path)).split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** `-u name`, `-u 1000`, `-u 1000:1000`, `-u name:group`, resolved as moby's user package does. */
export function resolveUser(rootfs: FileSystem, user: string): User {
  const passwd = readLines(rootfs, '/etc/passwd');
  const groups = readLines(rootfs, '/etc/group');
  const [u = '', g] = user.split(':', 2);
  let uid = 0;
  let gid = 0;
  let home = '/';
  let name = '';
  if (u !== '') {
    const entry = passwd.find((p) => p[0] === u) ?? (/^\d+$/.test(u) ? passwd.find((p) => p[2] === u) : undefined);
    if (entry) {
      uid = Number(entry[2]);
      gid = Number(entry[3]);
      home = entry[5] ?? '/';
      name = entry[0]!;
    } else if (/^\d+$/.test(u)) uid = Number(u);
    else throw new EngineError('InvalidArgument', `unable to find user ${u}: no matching entries in passwd file`);
  } else {
    const root = passwd.find((p) => p[2] === '0');
    if (root) home = root[5] ?? '/root';
    name = root?.[0] ?? 'root';
  }
  if (g !== undefined && g !== '') {
    const entry = groups.find((e) => e[0] === g) ?? (/^\d+$/.test(g) ? groups.find((e) => e[2] === g) : undefined);
    if (entry) gid = Number(entry[2]);
    else if (/^\d+$/.test(g)) gid = Number(g);
    else throw new EngineError('InvalidArgument', `unable to find group ${g}: no matching entries in group file`);
  }
  const additionalGids = name === '' ? [] : groups.filter((e) => (e[3] ?? '').split(',').includes(name) && Number(e[2]) !== gid).map((e) => Number(e[2]));
  return { uid, gid, additionalGids, home };
}

/** Docker's capability set after --cap-add and --cap-drop ("ALL" works both ways; names with or without CAP_). */
export function capabilities(add: readonly string[] | null, drop: readonly string[] | null, privileged: boolean): string[] {
  const norm = (c: string) => (c.toUpperCase().startsWith('CAP_') ? c.toUpperCase() : `CAP_${c.toUpperCase()}`);
  const ALL = [...DEFAULT_CAPS, 'CAP_SYS_ADMIN', 'CAP_NET_ADMIN', 'CAP_SYS_PTRACE', 'CAP_SYS_TIME', 'CAP_SYS_RESOURCE', 'CAP_SYS_MODULE', 'CAP_SYS_NICE', 'CAP_IPC_LOCK', 'CAP_DAC_READ_SEARCH', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BROADCAST', 'CAP_IPC_OWNER', 'CAP_SYS_RAWIO', 'CAP_SYS_PACCT', 'CAP_SYS_BOOT', 'CAP_LEASE', 'CAP_AUDIT_CONTROL', 'CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN', 'CAP_SYSLOG', 'CAP_WAKE_ALARM', 'CAP_BLOCK_SUSPEND', 'CAP_AUDIT_READ', 'CAP_PERFMON', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE'];
  if (privileged) return ALL;
  const adds = (add ?? []).map(norm);
  const drops = (drop ?? []).map(norm);
  for (const c of [...adds, ...drops]) {
    if (c !== 'CAP_ALL' && !ALL.includes(c)) throw new EngineError('InvalidArgument', `unknown capability: "${c}"`);
  }
  let caps = adds.includes('CAP_ALL') ? [...ALL] : [...DEFAULT_CAPS];
  if (drops.includes('CAP_ALL')) caps = [];
  caps = caps.filter((c) => !drops.includes(c));
  for (const c of adds) if (c !== 'CAP_ALL' && !caps.includes(c)) caps.push(c);
  return caps;
}

export interface SpecInput {
  id: string;
  config: ContainerConfig;
  host: HostConfig;
  /** Path and args after merging the image's entrypoint and command. */
  argv: string[];
  rootfs: FileSystem;
  /** Bind mounts from the host (volumes, -v, and the container's hosts/hostname/resolv.conf files). */
  mounts: OciMount[];
  /** Namespace paths to join ("container:<id>" for --network container:x), or fresh ones. */
  network: 'host' | 'new' | { join: string };
  /** The same for the PID namespace (--pid host, --pid container:x); a new one when absent. */
  pid?: 'host' | 'new' | { join: string };
  /** For docker exec: a terminal size. */
  consoleSize?: { height: number; width: number };
}

export function buildSpec(input: SpecInput): OciSpec {
  const { config, host } = input;
  const user = resolveUser(input.rootfs, config.User);
  const env = [...(config.Env ?? [])];
  if (!env.some((e) => e.startsWith('HOME='))) env.push(`HOME=${user.home}`);
  const caps = capabilities(host.CapAdd, host.CapDrop, host.Privileged);
  const ns: OciSpec['linux']['namespaces'] = [{ type: 'mount' }, { type: 'ipc' }, { type: 'uts' }, { type: 'cgroup' }];
  // moby's WithNamespaces: --pid host removes the namespace, --pid container:x joins that one's.
  const pid = input.pid ?? 'new';
  if (pid === 'new') ns.splice(1, 0, { type: 'pid' });
  else if (typeof pid === 'object') ns.splice(1, 0, { type: 'pid', path: pid.join });
  if (input.network === 'new') ns.push({ type: 'network' });
  else if (typeof input.network === 'object') ns.push({ type: 'network', path: input.network.join });
  const memory = host.Memory > 0 ? { limit: host.Memory, swap: host.MemorySwap || host.Memory * 2 } : undefined;
  const cpu = host.NanoCpus > 0 ? { quota: Math.round(host.NanoCpus / 1e4), period: 100000 } : host.CpuQuota > 0 ? { quota: host.CpuQuota, period: host.CpuPeriod || 100000 } : {};
  return {
    ociVersion: '1.2.0',
    process: {
      terminal: config.Tty,
      ...(input.consoleSize ? { consoleSize: input.consoleSize } : {}),
      user: { uid: user.uid, gid: user.gid, additionalGids: user.additionalGids },
      args: input.argv,
      env,
      cwd: config.WorkingDir || '/',
      capabilities: { bounding: caps, effective: caps, permitted: caps },
      noNewPrivileges: false,
      oomScoreAdj: 0,
    },
    root: { path: 'rootfs', readonly: host.ReadonlyRootfs },
    hostname: config.Hostname,
    ...(config.Domainname ? { domainname: config.Domainname } : {}),
    mounts: [...DEFAULT_MOUNTS.filter((m) => !input.mounts.some((u) => u.destination === m.destination)), ...input.mounts],
    linux: {
      namespaces: ns,
      cgroupsPath: `/docker/${input.id}`,
      resources: {
        ...(memory ? { memory } : {}),
        cpu: { ...cpu, ...(host.CpuShares > 0 ? { shares: host.CpuShares } : {}) },
        ...(host.PidsLimit && host.PidsLimit > 0 ? { pids: { limit: host.PidsLimit } } : {}),
      },
      maskedPaths: host.Privileged ? [] : MASKED_PATHS,
      readonlyPaths: host.Privileged ? [] : READONLY_PATHS,
    },
  };
}
