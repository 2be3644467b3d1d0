/**
 * Booting the emulated machine: a kernel, a root filesystem with /proc, /dev
 * and /sys/fs/cgroup mounted, and PID 1.
 *
 * PID 1 on the host is a tiny init whose only work is to reap orphans, as
 * every init does. Everything else (the learner's shell, the Docker daemon's
 * container processes) is started under it.
 */
import type { Platform } from '../platform/types.ts';
import { Vfs } from '../fs/vfs.ts';
import { isDir, type FileSystem } from '../fs/types.ts';
import { FsError } from '../fs/errno.ts';
import { cgroupFs } from './cgroupfs.ts';
import { devPts, populateDev, registerDevices, tmpfs } from './devfs.ts';
import { CPUS, Kernel } from './kernel.ts';
import { Pipe, PipeEnd } from './pipe.ts';
import type { Process } from './process.ts';
import { procFs } from './procfs.ts';
import { SyntheticFs, dir, file, type SynthNode } from './synthfs.ts';
import type { Program, ProgramResolver } from './sys.ts';
import type { Namespaces } from './namespaces.ts';
import { SIGCHLD } from './signals.ts';

export interface Machine {
  kernel: Kernel;
  vfs: Vfs;
  init: Process;
  ns: Namespaces;
}

/** PID 1: reap whatever is handed to it, forever. SIGCHLD wakes it when it has nothing to wait for. */
export const initProgram: Program = async (sys) => {
  sys.signal(SIGCHLD, () => undefined);
  for (;;) {
    try {
      await sys.waitpid(-1);
    } catch (err) {
      const code = (err as FsError).code;
      if (code === 'ECHILD') {
        await sys.sleep(3_600_000).catch((e: unknown) => {
          if ((e as FsError).code !== 'EINTR') throw e;
        });
      } else if (code !== 'EINTR') throw err;
    }
  }
};

/** Registers the filesystem types `mount -t` and the runtime can make. */
export function registerFilesystems(kernel: Kernel): void {
  kernel.filesystems.set('proc', (p) => procFs(kernel, p.ns.pid));
  kernel.filesystems.set('tmpfs', (_p, options) => {
    const mode = options.find((o) => o.startsWith('mode='));
    return tmpfs(kernel, mode ? parseInt(mode.slice(5), 8) : 0o1777);
  });
  kernel.filesystems.set('devpts', () => devPts(kernel));
  kernel.filesystems.set('cgroup2', (p) => cgroupFs(kernel, p.ns.cgroup.root, () => kernel.current));
  kernel.filesystems.set('sysfs', () => sysFs(kernel));
}

/** /sys: only what containers look at — the cgroup mount point and a few class dirs. */
export function sysFs(kernel: Kernel): SyntheticFs {
  const empty = (): SynthNode => dir(() => []);
  const root: SynthNode = dir(() => [
    ['fs', dir(() => [['cgroup', empty()]])],
    ['class', dir(() => [['net', empty()]])],
    [
      'devices',
      dir(() => [
        [
          'system',
          dir(() => [
            [
              'cpu',
              dir(() => [
                ...Array.from({ length: CPUS }, (_, i) => [`cpu${i}`, dir(() => [['online', file(() => '1\n')]])] as [string, SynthNode]),
                ['online', file(() => (CPUS > 1 ? `0-${CPUS - 1}\n` : '0\n'))],
                ['possible', file(() => (CPUS > 1 ? `0-${CPUS - 1}\n` : '0\n'))],
              ]),
            ],
          ]),
        ],
      ]),
    ],
    ['kernel', empty()],
  ]);
  return new SyntheticFs(() => root, () => kernel.platform.now(), 'sysfs');
}

function ensureDir(fs: FileSystem, path: string, mode = 0o755): void {
  let cur = '';
  for (const c of path.split('/').filter((x) => x !== '')) {
    cur += '/' + c;
    try {
      if (!isDir(fs.lstat(cur).mode)) throw new FsError('ENOTDIR', 'mkdir', cur);
    } catch (err) {
      if (!(err instanceof FsError && err.code === 'ENOENT')) throw err;
      fs.mkdir(cur, mode, { uid: 0, gid: 0 });
    }
  }
}

/**
 * Mounts the kernel's filesystems into a namespace's tree: /proc for its pid
 * namespace, a fresh /dev, /sys with the cgroup tree. Used for the host and,
 * by the runtime, for each container.
 */
export function mountKernelFilesystems(kernel: Kernel, vfs: Vfs, rootfs: FileSystem, ns: Pick<Namespaces, 'pid' | 'cgroup'>, options: { readOnlySys?: boolean } = {}): void {
  for (const d of ['/proc', '/dev', '/sys']) ensureDir(rootfs, d);
  vfs.mount('/proc', procFs(kernel, ns.pid), { source: 'proc', type: 'proc', options: ['rw', 'nosuid', 'nodev', 'noexec', 'relatime'] });
  const dev = tmpfs(kernel, 0o755);
  populateDev(dev, kernel.platform.now());
  vfs.mount('/dev', dev, { source: 'tmpfs', type: 'tmpfs', options: ['rw', 'nosuid', 'size=65536k', 'mode=755'] });
  vfs.mount('/dev/pts', devPts(kernel), { source: 'devpts', type: 'devpts', options: ['rw', 'nosuid', 'noexec', 'relatime', 'gid=5', 'mode=620', 'ptmxmode=666'] });
  vfs.mount('/dev/shm', tmpfs(kernel), { source: 'shm', type: 'tmpfs', options: ['rw', 'nosuid', 'nodev', 'noexec', 'relatime', 'size=65536k'] });
  vfs.mount('/dev/mqueue', tmpfs(kernel, 0o1777), { source: 'mqueue', type: 'mqueue', options: ['rw', 'nosuid', 'nodev', 'noexec', 'relatime'] });
  const ro = options.readOnlySys ? 'ro' : 'rw';
  vfs.mount('/sys', sysFs(kernel), { source: 'sysfs', type: 'sysfs', options: [ro, 'nosuid', 'nodev', 'noexec', 'relatime'] });
  vfs.mount('/sys/fs/cgroup', cgroupFs(kernel, ns.cgroup.root, () => kernel.current), { source: 'cgroup', type: 'cgroup2', options: [ro, 'nosuid', 'nodev', 'noexec', 'relatime'] });
}

export function boot(options: { platform: Platform; programs: ProgramResolver; rootfs: FileSystem; hostname?: string }): Machine {
  const kernel = new Kernel({ platform: options.platform, programs: options.programs, hostname: options.hostname });
  registerDevices(kernel);
  registerFilesystems(kernel);
  const vfs = new Vfs(options.rootfs, () => options.platform.now(), { source: '/dev/vda', type: 'ext4', options: ['rw', 'relatime'] });
  const ns = kernel.rootNamespaces(vfs);
  mountKernelFilesystems(kernel, vfs, options.rootfs, ns);
  for (const d of ['/tmp', '/run']) ensureDir(options.rootfs, d, d === '/tmp' ? 0o1777 : 0o755);
  const init = kernel.createProcess(undefined, { ns });
  init.image = Kernel.builtinImage(initProgram, 'init', ['/sbin/init']);
  init.rss = 1200 * 1024;
  kernel.start(init);
  return { kernel, vfs, init, ns };
}

/**
 * A pipe whose far end is outside the machine: the process writes, the host
 * reads (or the other way round). Used for `berth sh -c`'s stdout and stderr.
 */
export function hostPipe(kernel: Kernel, direction: 'from-process' | 'to-process') {
  const pipe = new Pipe();
  const now = () => kernel.platform.now();
  const processEnd = new PipeEnd(pipe, direction === 'from-process' ? 'write' : 'read', now);
  const hostEnd = new PipeEnd(pipe, direction === 'from-process' ? 'read' : 'write', now);
  hostEnd.refs = 1;
  let open = true;
  const closeHostEnd = () => {
    if (open) hostEnd.release();
    open = false;
  };
  return {
    processEnd,
    /** Everything the process writes, until it closes its end. A reader that stops early closes ours (the writer then gets SIGPIPE). */
    async *chunks(): AsyncIterable<Uint8Array> {
      try {
        for (;;) {
          if (pipe.buffered > 0) yield pipe.take(65536);
          else if (pipe.writers === 0) return;
          else await pipe.readable.wait();
        }
      } finally {
        if (direction === 'from-process') closeHostEnd();
      }
    },
    /** Host writes (to-process direction). */
    write(data: Uint8Array): void {
      pipe.put(data);
    },
    close(): void {
      closeHostEnd();
    },
  };
}
