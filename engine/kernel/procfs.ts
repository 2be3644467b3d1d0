/**
 * /proc: the kernel's state as files, in Linux's formats, so that ps, top,
 * free and a curious learner read what they would on Linux.
 *
 * A /proc shows the processes of one pid namespace, numbered as they are
 * there: a container's /proc starts at 1; the host's shows everything.
 * `/proc/self` is whoever is asking.
 */
import type { PidNamespace } from './namespaces.ts';
import type { Process } from './process.ts';
import { CPUS, KERNEL_RELEASE, KERNEL_VERSION, MEM_TOTAL, type Kernel } from './kernel.ts';
import { SyntheticFs, dir, file, link, type SynthNode } from './synthfs.ts';
import { STANDARD_SIGNALS } from './signals.ts';

const HZ = 100;
const PAGE = 4096;

const stateLetter = (p: Process): string => (p.dead ? 'Z' : p.state === 'stopped' ? 'T' : p.state === 'sleeping' ? 'S' : 'R');
const stateName: Record<string, string> = { R: 'R (running)', S: 'S (sleeping)', T: 'T (stopped)', Z: 'Z (zombie)' };

function ttyNr(p: Process): number {
  const rdev = p.tty?.rdev;
  if (rdev === undefined) return 0;
  const major = rdev >> 8;
  const minor = rdev & 0xff;
  return (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);
}

function sigMask(p: Process, want: (h: unknown) => boolean): string {
  let mask = 0n;
  for (const sig of STANDARD_SIGNALS) if (want(p.handlers.get(sig))) mask |= 1n << BigInt(sig - 1);
  return mask.toString(16).padStart(16, '0');
}

const kb = (bytes: number) => Math.round(bytes / 1024);

export function procFs(kernel: Kernel, ns: PidNamespace): SyntheticFs {
  const pidOf = (p: Process | undefined) => (p ? (p.pidIn(ns) ?? 0) : 0);
  const memUsed = () => {
    let n = kernel.rootCgroup.memoryCurrent;
    n += 180 * 1024 * 1024; // the emulated kernel's own share
    return Math.min(n, MEM_TOTAL);
  };

  function processDir(pid: number, p: Process): SynthNode {
    const owner = { uid: p.euid, gid: p.egid };
    return dir(() => processEntries(pid, p), { mode: 0o555, ...owner });
  }

  function processEntries(pid: number, p: Process): [string, SynthNode][] {
    const argvText = () => (p.dead ? '' : p.image.argv.map((a) => a + '\0').join(''));
    const rssPages = Math.ceil(p.rss / PAGE);
    const vsize = p.rss * 3 + 1024 * 1024;
    const nsLink = (kind: string, id: number) => link(() => `${kind}:[${id}]`);
    return [
      ['cmdline', file(argvText)],
      ['comm', file(() => p.comm + '\n', { mode: 0o644 })],
      ['environ', file(() => (p.dead ? '' : p.image.env.map((e) => e + '\0').join('')), { mode: 0o400, uid: p.euid, gid: p.egid })],
      ['cwd', link(() => p.cwd)],
      ['exe', link(() => p.image.path)],
      ['root', link(() => '/')],
      [
        'stat',
        file(() => {
          const f = [
            pid,
            `(${p.comm})`,
            stateLetter(p),
            pidOf(p.parent),
            pidOf(ns.members.get(p.pgid)) || p.pgid,
            p.sid,
            ttyNr(p),
            p.tty ? p.tty.fgPgrp : -1,
            4194560,
            0, 0, 0, 0,
            Math.round((p.cpuMs / 1000) * HZ),
            0, 0, 0, 20, 0, 1, 0,
            Math.round((p.startTime / 1000) * HZ),
            vsize,
            rssPages,
            '18446744073709551615',
          ];
          return f.join(' ') + ' 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n';
        }),
      ],
      ['statm', file(() => `${Math.ceil(vsize / PAGE)} ${rssPages} ${Math.ceil(rssPages / 3)} 1 0 ${rssPages} 0\n`)],
      [
        'status',
        file(() => {
          const nspids = [...p.pids.entries()].filter(([n]) => ns.contains(n)).sort((a, b) => a[0].level - b[0].level).map(([, v]) => v);
          const ids = (a: number, b: number) => `${a}\t${b}\t${b}\t${b}`;
          return [
            `Name:\t${p.comm}`,
            `Umask:\t${p.umask.toString(8).padStart(4, '0')}`,
            `State:\t${stateName[stateLetter(p)]}`,
            `Tgid:\t${pid}`,
            'Ngid:\t0',
            `Pid:\t${pid}`,
            `PPid:\t${pidOf(p.parent)}`,
            'TracerPid:\t0',
            `Uid:\t${ids(p.uid, p.euid)}`,
            `Gid:\t${ids(p.gid, p.egid)}`,
            `FDSize:\t64`,
            `Groups:\t${p.groups.join(' ')} `,
            `NStgid:\t${nspids.join('\t')}`,
            `NSpid:\t${nspids.join('\t')}`,
            `NSpgid:\t${p.pgid}`,
            `NSsid:\t${p.sid}`,
            `VmPeak:\t${String(kb(vsize)).padStart(8)} kB`,
            `VmSize:\t${String(kb(vsize)).padStart(8)} kB`,
            `VmRSS:\t${String(kb(p.rss)).padStart(8)} kB`,
            'Threads:\t1',
            'SigQ:\t0/15423',
            'SigPnd:\t0000000000000000',
            'ShdPnd:\t0000000000000000',
            'SigBlk:\t0000000000000000',
            `SigIgn:\t${sigMask(p, (h) => h === 'ignore')}`,
            `SigCgt:\t${sigMask(p, (h) => typeof h === 'function')}`,
            `CapInh:\t0000000000000000`,
            `CapPrm:\t${p.euid === 0 ? capMask(p.caps) : '0000000000000000'}`,
            `CapEff:\t${p.euid === 0 ? capMask(p.caps) : '0000000000000000'}`,
            `CapBnd:\t${capMask(p.caps)}`,
            `CapAmb:\t0000000000000000`,
            'NoNewPrivs:\t0',
            'Seccomp:\t2',
            `Cpus_allowed:\t3`,
            `Cpus_allowed_list:\t0-${CPUS - 1}`,
            '',
          ].join('\n');
        }),
      ],
      ['cgroup', file(() => `0::${relativeCgroup(p, ns)}\n`)],
      ['mounts', file(() => mountsText(p))],
      ['oom_score_adj', file(() => `${p.oomScoreAdj}\n`, { write: (t) => void (p.oomScoreAdj = Number(t) || 0) })],
      ['oom_score', file(() => `${Math.round((p.rss / MEM_TOTAL) * 1000) + 666}\n`)],
      [
        'fd',
        dir(() => [...p.fds.entries()].sort((a, b) => a[0] - b[0]).map(([fd, e]) => [String(fd), link(() => e.file.describe())] as [string, SynthNode]), { mode: 0o500, ...{ uid: p.euid, gid: p.egid } }),
      ],
      [
        'ns',
        dir(() => [
          ['cgroup', nsLink('cgroup', p.ns.cgroup.id)],
          ['ipc', nsLink('ipc', p.ns.ipc.id)],
          ['mnt', nsLink('mnt', p.ns.mnt.id)],
          ['net', nsLink('net', p.ns.net.id)],
          ['pid', nsLink('pid', p.ns.pid.id)],
          ['pid_for_children', nsLink('pid', p.ns.pid.id)],
          ['user', nsLink('user', 4026531837)],
          ['uts', nsLink('uts', p.ns.uts.id)],
        ], { mode: 0o511, uid: p.euid, gid: p.egid }),
      ],
    ];
  }

  const fixed: [string, SynthNode][] = [
    ['self', link(() => String(kernel.current ? pidOf(kernel.current) : 1))],
    ['mounts', link(() => 'self/mounts')],
    ['cmdline', file(() => 'BOOT_IMAGE=/boot/vmlinuz-berth root=/dev/vda ro quiet\n')],
    ['version', file(() => `Linux version ${KERNEL_RELEASE} (berth@berth) (gcc (GCC) 13.2.0, GNU ld 2.42) ${KERNEL_VERSION}\n`)],
    [
      'uptime',
      file(() => {
        const up = kernel.uptimeMs() / 1000;
        const busy = (kernel.cpuMsTotal + [...kernel.table.values()].reduce((n, p) => n + p.cpuMs, 0)) / 1000;
        return `${up.toFixed(2)} ${Math.max(0, up * CPUS - busy).toFixed(2)}\n`;
      }),
    ],
    [
      'loadavg',
      file(() => {
        const all = kernel.visible(ns);
        const running = all.filter(([, p]) => stateLetter(p) === 'R').length;
        return `0.00 0.00 0.00 ${running}/${all.length} ${Math.max(0, ...all.map(([pid]) => pid))}\n`;
      }),
    ],
    [
      'meminfo',
      file(() => {
        const used = memUsed();
        const free = MEM_TOTAL - used;
        const line = (k: string, v: number) => `${(k + ':').padEnd(16)}${String(kb(v)).padStart(8)} kB`;
        return [
          line('MemTotal', MEM_TOTAL),
          line('MemFree', free - 512 * 1024 * 1024),
          line('MemAvailable', free - 64 * 1024 * 1024),
          line('Buffers', 32 * 1024 * 1024),
          line('Cached', 448 * 1024 * 1024),
          line('SwapCached', 0),
          line('Active', used),
          line('Inactive', 256 * 1024 * 1024),
          line('SwapTotal', 0),
          line('SwapFree', 0),
          line('Shmem', 8 * 1024 * 1024),
          line('Slab', 64 * 1024 * 1024),
          line('SReclaimable', 32 * 1024 * 1024),
          '',
        ].join('\n');
      }),
    ],
    [
      'cpuinfo',
      file(() =>
        Array.from({ length: CPUS }, (_, i) =>
          [
            `processor\t: ${i}`,
            'vendor_id\t: BerthVirtual',
            'cpu family\t: 6',
            'model\t\t: 85',
            'model name\t: Berth Emulated CPU @ 2.00GHz',
            'cpu MHz\t\t: 2000.000',
            'cache size\t: 16384 KB',
            `physical id\t: 0`,
            `siblings\t: ${CPUS}`,
            `core id\t\t: ${i}`,
            `cpu cores\t: ${CPUS}`,
            'flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx lm',
            'bogomips\t: 4000.00',
            '',
          ].join('\n'),
        ).join('\n') + '\n',
      ),
    ],
    [
      'stat',
      file(() => {
        const ticks = (ms: number) => Math.round((ms / 1000) * HZ);
        const busy = kernel.cpuMsTotal + [...kernel.table.values()].reduce((n, p) => n + p.cpuMs, 0);
        const idle = Math.max(0, kernel.uptimeMs() * CPUS - busy);
        const cpu = (name: string, share: number) => `${name} ${ticks(busy * share)} 0 0 ${ticks(idle * share)} 0 0 0 0 0 0`;
        const all = kernel.visible(ns);
        return [
          cpu('cpu ', 1),
          ...Array.from({ length: CPUS }, (_, i) => cpu(`cpu${i}`, 1 / CPUS)),
          'intr 0',
          `ctxt ${Math.round(busy)}`,
          `btime ${Math.floor(kernel.bootTime / 1000)}`,
          `processes ${Math.max(0, ...all.map(([pid]) => pid))}`,
          `procs_running ${all.filter(([, p]) => stateLetter(p) === 'R').length}`,
          'procs_blocked 0',
          '',
        ].join('\n');
      }),
    ],
    ['filesystems', file(() => 'nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tcgroup2\nnodev\tdevpts\nnodev\tmqueue\nnodev\toverlay\n\text4\n')],
    [
      'sys',
      dir(() => [
        [
          'kernel',
          dir(() => [
            ['hostname', file(() => (kernel.current?.ns.uts.hostname ?? kernel.rootUts.hostname) + '\n', { write: (t) => kernel.current && (kernel.current.ns.uts.hostname = t) })],
            ['domainname', file(() => (kernel.current?.ns.uts.domainname ?? '(none)') + '\n')],
            ['ostype', file(() => 'Linux\n')],
            ['osrelease', file(() => KERNEL_RELEASE + '\n')],
            ['version', file(() => KERNEL_VERSION + '\n')],
            ['pid_max', file(() => '4194304\n')],
            ['ngroups_max', file(() => '65536\n')],
          ]),
        ],
        ['fs', dir(() => [['protected_hardlinks', file(() => '1\n')], ['protected_symlinks', file(() => '1\n')], ['file-max', file(() => '9223372036854775807\n')]])],
        ['vm', dir(() => [['overcommit_memory', file(() => '0\n')], ['swappiness', file(() => '60\n')]])],
      ]),
    ],
  ];

  const root: SynthNode = dir(
    () => [...fixed, ...kernel.visible(ns).map(([pid, p]) => [String(pid), processDir(pid, p)] as [string, SynthNode])],
    {
      lookup(name) {
        if (/^\d+$/.test(name)) {
          const p = ns.members.get(Number(name));
          return p ? processDir(Number(name), p) : undefined;
        }
        return fixed.find(([n]) => n === name)?.[1];
      },
    },
  );
  return new SyntheticFs(() => root, () => kernel.platform.now(), 'proc');
}

/** The process's cgroup as its cgroup namespace sees it ("/" inside a container). */
export function relativeCgroup(p: Process, _ns: PidNamespace): string {
  const root = p.ns.cgroup.root.path;
  const own = p.cgroup.path;
  if (root === '/') return own;
  return own === root ? '/' : own.startsWith(root + '/') ? own.slice(root.length) : own;
}

function mountsText(p: Process): string {
  return (
    p.ns.mnt.vfs
      .mountTable()
      .map(({ path, info }) => `${info.source} ${path} ${info.type} ${info.options.join(',')} 0 0`)
      .join('\n') + '\n'
  );
}

/** Linux's capability numbers, in order (CAP_CHOWN is bit 0). */
const CAPABILITIES = [
  'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP', 'LINUX_IMMUTABLE',
  'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'IPC_OWNER', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_CHROOT', 'SYS_PTRACE',
  'SYS_PACCT', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_NICE', 'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'MKNOD', 'LEASE', 'AUDIT_WRITE',
  'AUDIT_CONTROL', 'SETFCAP', 'MAC_OVERRIDE', 'MAC_ADMIN', 'SYSLOG', 'WAKE_ALARM', 'BLOCK_SUSPEND', 'AUDIT_READ', 'PERFMON', 'BPF', 'CHECKPOINT_RESTORE',
];

/** A capability set as /proc/PID/status shows it: 16 hex digits (no set: all of them, as for the host's root). */
export function capMask(caps: ReadonlySet<string> | undefined): string {
  let mask = 0n;
  CAPABILITIES.forEach((name, bit) => {
    if (!caps || caps.has(`CAP_${name}`)) mask |= 1n << BigInt(bit);
  });
  return mask.toString(16).padStart(16, '0');
}
