/**
 * The emulated runtime: what runc does on Linux, done by the emulated kernel.
 *
 * create: new namespaces (pid, uts, mnt, net, ipc, cgroup, as the config
 * asks), the root filesystem mounted from the snapshotter's mount data, the
 * config's mounts on top (proc, a fresh /dev, /sys, bind mounts from the
 * host), a cgroup with the container's limits, and a check that the program
 * exists. start: the container's first process, PID 1 in its namespace,
 * under a containerd-shim-like process on the host that waits for it.
 * Everything a learner sees in the container follows from these.
 */
import { FsError } from '../fs/errno.ts';
import { DiskFs } from '../fs/diskfs.ts';
import { ReadOnlyFs } from '../fs/readonly.ts';
import { SubtreeFs } from '../fs/subtree.ts';
import { S_IFMT, S_IFREG, isDir, type FileSystem } from '../fs/types.ts';
import { ROOT, X_OK, Vfs, permits, type Cred } from '../fs/vfs.ts';
import type { Mount } from '../snapshot/types.ts';
import {
  RuntimeError,
  type Bundle,
  type ContainerIO,
  type ContainerStats,
  type ContainerStatus,
  type ExitInfo,
  type OciMount,
  type OciProcess,
  type OciResources,
  type ProcessInfo,
  type Runtime,
  type RuntimeProcess,
} from '../runtime/types.ts';
import { hostPipe, type Machine } from './boot.ts';
import type { Cgroup } from './cgroup.ts';
import { cgroupFs } from './cgroupfs.ts';
import { devPts, populateDev, tmpfs } from './devfs.ts';
import { loadImage, type ProgramWithRss } from './exec.ts';
import { CPUS, Kernel } from './kernel.ts';
import { CgroupNamespace, IpcNamespace, MountNamespace, NetNamespace, PidNamespace, UtsNamespace, type Namespaces } from './namespaces.ts';
import type { Process, ExitStatus } from './process.ts';
import { procFs } from './procfs.ts';
import { lazyFs } from '../fs/lazy.ts';
import { sysFs } from './boot.ts';
import { SIGKILL } from './signals.ts';
import type { Program } from './sys.ts';
import { TtyFile, type Tty } from './tty.ts';

/** The capabilities Docker gives a container by default. */
export const DEFAULT_CAPS = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FSETID',
  'CAP_FOWNER',
  'CAP_MKNOD',
  'CAP_NET_RAW',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETFCAP',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT',
  'CAP_KILL',
  'CAP_AUDIT_WRITE',
];

interface Container {
  id: string;
  bundle: Bundle;
  io: ContainerIO;
  ns: Namespaces;
  cgroup: Cgroup;
  vfs: Vfs;
  rootfs: FileSystem;
  status: ContainerStatus;
  /** The resolved path of the program to run. */
  path: string;
  init?: Process;
  shim?: Process;
  tty?: Tty;
  exit?: ExitInfo;
  exited: Promise<ExitInfo>;
  resolveExit(info: ExitInfo): void;
}

export interface EmulatedRuntimeOptions {
  machine: Machine;
  /** Turns snapshotter mount data into a filesystem (EmulatedSnapshotter.mountFs). */
  mountRootfs(mounts: Mount[]): FileSystem;
  /** Sets up a new network namespace (engine/network fills this in). */
  setupNetwork?(id: string, ns: NetNamespace): void;
}

const containerShim: Program = async (sys) => {
  for (;;) {
    try {
      await sys.waitpid(-1);
    } catch (err) {
      if ((err as FsError).code === 'ECHILD') return 0;
      if ((err as FsError).code !== 'EINTR') throw err;
    }
  }
};

export class EmulatedRuntime implements Runtime {
  readonly name = 'emulated';
  private readonly containers = new Map<string, Container>();
  private readonly kernel: Kernel;

  constructor(private readonly options: EmulatedRuntimeOptions) {
    this.kernel = options.machine.kernel;
  }

  private get(id: string): Container {
    const c = this.containers.get(id);
    if (!c) throw new RuntimeError(`container ${id} does not exist`, 'not-found');
    return c;
  }

  async create(id: string, bundle: Bundle, io: ContainerIO): Promise<void> {
    if (this.containers.has(id)) throw new RuntimeError(`container with id exists: ${id}`, 'state');
    const { spec } = bundle;
    const k = this.kernel;
    const host = this.options.machine;
    let rootfs = this.options.mountRootfs(bundle.rootfs);
    if (spec.root.readonly) rootfs = new ReadOnlyFs(rootfs);
    const writableRoot = this.options.mountRootfs(bundle.rootfs);

    const wants = (type: string) => spec.linux.namespaces.find((n) => n.type === type);
    const joined = (type: string): Namespaces | undefined => {
      const path = wants(type)?.path;
      if (!path) return undefined;
      const m = /^container:(.+)$/.exec(path);
      const other = m ? this.containers.get(m[1]!) : [...this.containers.values()].find((c) => c.init && path.includes(`/proc/${c.init.pids.get(k.rootPid)}/`));
      if (!other) throw new RuntimeError(`joining namespace ${path}: no such container`, 'invalid');
      return other.ns;
    };

    const cgroup = this.cgroupFor(id, spec.linux.cgroupsPath);
    this.applyResources(cgroup, spec.linux.resources);
    const pid = joined('pid')?.pid ?? (wants('pid') ? new PidNamespace(k.rootPid) : k.rootPid);
    let net = joined('network')?.net;
    if (!net) {
      if (wants('network')) {
        net = new NetNamespace();
        this.options.setupNetwork?.(id, net);
      } else net = k.rootNet;
    }
    const vfs = new Vfs(rootfs, () => k.platform.now(), { source: 'overlay', type: 'overlay', options: ['rw', 'relatime', ...mountOptions(bundle.rootfs)] });
    const ns: Namespaces = {
      pid,
      uts: joined('uts')?.uts ?? (wants('uts') ? new UtsNamespace(spec.hostname ?? id.slice(0, 12), spec.domainname ?? '(none)') : k.rootUts),
      mnt: new MountNamespace(vfs),
      net,
      ipc: joined('ipc')?.ipc ?? (wants('ipc') ? new IpcNamespace() : k.rootIpc),
      cgroup: wants('cgroup') ? new CgroupNamespace(cgroup) : new CgroupNamespace(k.rootCgroup),
    };

    try {
      for (const m of spec.mounts) this.mount(vfs, writableRoot, m, ns, cgroup, host);
      for (const p of spec.linux.readonlyPaths ?? []) this.remountReadOnly(vfs, p);
      for (const p of spec.linux.maskedPaths ?? []) this.mask(vfs, p);
    } catch (err) {
      cgroup.remove();
      throw err instanceof RuntimeError ? err : new RuntimeError(`error mounting: ${(err as Error).message}`, 'invalid');
    }

    // runc checks the program (and Docker the working directory) at create time.
    const cred: Cred = { uid: spec.process.user.uid, gid: spec.process.user.gid, groups: spec.process.user.additionalGids ?? [] };
    this.ensureCwd(writableRoot, vfs, spec.process.cwd);
    let path: string;
    try {
      path = lookPath(vfs, cred, spec.process.cwd, spec.process.args[0] ?? '', spec.process.env);
    } catch (err) {
      cgroup.remove();
      throw err;
    }

    let resolveExit!: (info: ExitInfo) => void;
    const exited = new Promise<ExitInfo>((r) => (resolveExit = r));
    this.containers.set(id, { id, bundle, io, ns, cgroup, vfs, rootfs, status: 'created', path, exited, resolveExit });
  }

  private cgroupFor(id: string, cgroupsPath: string | undefined): Cgroup {
    const path = (cgroupsPath ?? `/docker/${id}`).split(/[/:]/).filter((p) => p !== '');
    let cg = this.kernel.rootCgroup;
    for (const part of path) cg = cg.child(part);
    return cg;
  }

  private applyResources(cg: Cgroup, r: OciResources | undefined): void {
    if (!r) return;
    if (r.memory?.limit !== undefined) cg.memoryMax = r.memory.limit > 0 ? r.memory.limit : Infinity;
    if (r.cpu?.quota !== undefined) cg.cpuQuota = r.cpu.quota > 0 ? r.cpu.quota : Infinity;
    if (r.cpu?.period !== undefined && r.cpu.period > 0) cg.cpuPeriod = r.cpu.period;
    if (r.cpu?.shares !== undefined && r.cpu.shares > 0) cg.cpuWeight = Math.max(1, Math.round(1 + ((r.cpu.shares - 2) * 9999) / 262142));
    if (r.pids?.limit !== undefined) cg.pidsMax = r.pids.limit > 0 ? r.pids.limit : Infinity;
  }

  /** Creates a mount point, as runc does (a directory, or an empty file for a file bind mount). */
  private mountPoint(rootfs: FileSystem, vfs: Vfs, dest: string, file: boolean): void {
    const parts = dest.split('/').filter((p) => p !== '');
    let cur = '';
    for (let i = 0; i < parts.length; i++) {
      cur += '/' + parts[i];
      try {
        vfs.lstat(cur, ROOT);
        continue;
      } catch (err) {
        if (!(err instanceof FsError && err.code === 'ENOENT')) throw err;
      }
      const loc = vfs.walk(cur.slice(0, cur.lastIndexOf('/')) || '/', ROOT, '/', { follow: true, syscall: 'mkdir' });
      const target = (loc.path === '/' ? '' : loc.path) + '/' + parts[i];
      const fs = loc.fs === vfs.mountTable()[0]!.fs ? rootfs : loc.fs;
      if (file && i === parts.length - 1) fs.create(target, 0o755, { uid: 0, gid: 0 });
      else fs.mkdir(target, 0o755, { uid: 0, gid: 0 });
    }
  }

  private ensureCwd(rootfs: FileSystem, vfs: Vfs, cwd: string): void {
    try {
      const loc = vfs.walk(cwd, ROOT, '/', { follow: true, syscall: 'chdir' });
      if (!isDir(loc.fs.lstat(loc.path).mode)) throw new RuntimeError(`chdir to cwd ("${cwd}") set in config.json failed: not a directory`, 'invalid');
    } catch (err) {
      if (!(err instanceof FsError && err.code === 'ENOENT')) throw err;
      this.mountPoint(rootfs, vfs, cwd, false);
    }
  }

  private mount(vfs: Vfs, rootfs: FileSystem, m: OciMount, ns: Namespaces, cgroup: Cgroup, host: Machine): void {
    const k = this.kernel;
    const opts = m.options ?? [];
    const ro = opts.includes('ro');
    const info = { source: m.source ?? m.type ?? 'none', type: m.type ?? 'none', options: opts.length > 0 ? opts : ['rw'] };
    const dest = m.destination;
    let fs: FileSystem;
    let isFile = false;
    switch (m.type) {
      case 'proc':
        fs = procFs(k, ns.pid);
        break;
      case 'tmpfs': {
        const modeOpt = opts.find((o) => o.startsWith('mode='));
        const mountedAt = k.platform.now();
        fs = lazyFs(() => {
          const t = tmpfs(k, modeOpt ? parseInt(modeOpt.slice(5), 8) : 0o1777);
          if (dest === '/dev') populateDev(t, mountedAt);
          return t;
        });
        break;
      }
      case 'devpts':
        fs = devPts(k);
        break;
      case 'mqueue':
        fs = lazyFs(() => tmpfs(k, 0o1777));
        break;
      case 'sysfs':
        fs = sysFs(k);
        break;
      case 'cgroup':
      case 'cgroup2':
        fs = cgroupFs(k, ns.cgroup.root === k.rootCgroup ? cgroup : ns.cgroup.root, () => k.current);
        info.type = 'cgroup2';
        break;
      case 'bind':
      default: {
        if (!opts.includes('bind') && !opts.includes('rbind') && m.type !== 'bind') throw new RuntimeError(`unknown mount type ${m.type ?? ''}`, 'invalid');
        const source = m.source ?? '';
        const loc = host.vfs.walk(source, ROOT, '/', { follow: true, syscall: 'mount' });
        const st = loc.fs.lstat(loc.path);
        isFile = (st.mode & S_IFMT) === S_IFREG;
        if (isFile && loc.fs instanceof DiskFs) {
          const entry = loc.fs.entry(loc.path, 'mount');
          fs = new DiskFs(loc.fs.disk, entry, () => k.platform.now());
        } else fs = loc.path === '/' ? loc.fs : new SubtreeFs(loc.fs, loc.path);
        info.type = 'bind';
      }
    }
    if (ro) fs = new ReadOnlyFs(fs);
    this.mountPoint(rootfs, vfs, dest, isFile);
    const where = vfs.walk(dest, ROOT, '/', { follow: true, syscall: 'mount' });
    vfs.mount(where.vfsPath, fs, info);
  }

  private remountReadOnly(vfs: Vfs, path: string): void {
    try {
      const loc = vfs.walk(path, ROOT, '/', { follow: false, syscall: 'mount' });
      vfs.mount(loc.vfsPath, new ReadOnlyFs(loc.path === '/' ? loc.fs : new SubtreeFs(loc.fs, loc.path)), { source: 'proc', type: 'proc', options: ['ro', 'nosuid', 'nodev', 'noexec', 'relatime'] });
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
    }
  }

  private mask(vfs: Vfs, path: string): void {
    try {
      const loc = vfs.walk(path, ROOT, '/', { follow: false, syscall: 'mount' });
      const st = loc.fs.lstat(loc.path);
      const empty = tmpfs(this.kernel, isDir(st.mode) ? 0o555 : 0o444);
      vfs.mount(loc.vfsPath, new ReadOnlyFs(empty), { source: 'tmpfs', type: 'tmpfs', options: ['ro', 'relatime'] });
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
    }
  }

  async start(id: string): Promise<RuntimeProcess> {
    const c = this.get(id);
    if (c.status !== 'created') throw new RuntimeError(`cannot start a container that has stopped`, 'state');
    const k = this.kernel;
    const shim = k.createProcess(this.options.machine.init, { ns: this.options.machine.ns });
    shim.image = Kernel.builtinImage(containerShim, 'containerd-shim', ['/usr/bin/containerd-shim-runc-v2', '-namespace', 'moby', '-id', id, '-address', '/run/containerd/containerd.sock']);
    shim.rss = 7 * 1024 * 1024;
    c.shim = shim;
    const proc = await this.spawnInContainer(c, shim, c.bundle.spec.process, c.path, c.io, true);
    c.init = proc.process;
    c.status = 'running';
    k.start(shim);
    void proc.done.then((info) => {
      c.exit = info;
      c.status = 'stopped';
      c.resolveExit(info);
    });
    return proc.handle;
  }

  /** Makes a process in the container's namespaces and starts it. */
  private async spawnInContainer(c: Container, parent: Process, spec: OciProcess, path: string, io: ContainerIO, isInit: boolean) {
    const k = this.kernel;
    const p = k.createProcess(parent, { ns: c.ns, cgroup: c.cgroup });
    p.uid = p.euid = spec.user.uid;
    p.gid = p.egid = spec.user.gid;
    p.groups = [spec.user.gid, ...(spec.user.additionalGids ?? [])];
    p.umask = spec.user.umask ?? 0o022;
    p.caps = spec.user.uid === 0 ? new Set(spec.capabilities?.effective ?? DEFAULT_CAPS) : new Set();
    p.oomScoreAdj = spec.oomScoreAdj ?? 0;
    p.cwd = c.vfs.walk(spec.cwd, ROOT, '/', { follow: true, syscall: 'chdir' }).vfsPath;
    p.sid = p.pgid = p.pid;
    p.handlers.clear(); // execve: caught signals go back to their defaults
    try {
      p.image = await loadImage(c.vfs, { uid: p.euid, gid: p.egid, groups: p.groups }, p.cwd, path, spec.args, spec.env, k.programs);
    } catch (err) {
      k.exit(p, { kind: 'exited', code: 127 });
      throw execError(spec.args[0] ?? '', path, err);
    }
    p.rss = (p.image.program as ProgramWithRss).rss ?? 256 * 1024;
    const now = () => k.platform.now();
    const pumps: Promise<void>[] = [];
    let write: (d: Uint8Array) => void = () => undefined;
    let closeStdin: () => void = () => undefined;
    let resize: (s: { height: number; width: number }) => void = () => undefined;
    if (spec.terminal) {
      const tty = k.createPty();
      if (isInit) c.tty = tty;
      if (spec.consoleSize) tty.winsize = { rows: spec.consoleSize.height, cols: spec.consoleSize.width };
      tty.onOutput((d) => io.output(1, d));
      for (const fd of [0, 1, 2]) k.installFd(p, fd, new TtyFile(tty, { readable: true, writable: true }, now));
      p.tty = tty;
      tty.sid = p.sid;
      tty.fgPgrp = p.pgid;
      write = (d) => tty.input(d);
      closeStdin = () => tty.input(new Uint8Array([tty.termios.cc.VEOF]));
      resize = (s) => tty.resize({ rows: s.height, cols: s.width });
      void p.ended.then(() => k.closePty(tty));
    } else {
      const input = hostPipe(k, 'to-process');
      const out = hostPipe(k, 'from-process');
      const err = hostPipe(k, 'from-process');
      k.installFd(p, 0, input.processEnd);
      k.installFd(p, 1, out.processEnd);
      k.installFd(p, 2, err.processEnd);
      if (io.stdin) {
        write = (d) => input.write(d);
        closeStdin = () => input.close();
      } else input.close();
      const pump = async (pipe: typeof out, stream: 1 | 2) => {
        for await (const chunk of pipe.chunks()) io.output(stream, chunk);
      };
      pumps.push(pump(out, 1), pump(err, 2));
    }
    k.start(p);
    const done = (async (): Promise<ExitInfo> => {
      const status: ExitStatus = await p.ended;
      await Promise.race([Promise.all(pumps), new Promise((r) => k.platform.timer(2000, () => r(undefined)))]);
      return {
        exitCode: status.kind === 'exited' ? status.code : 128 + status.signal,
        signal: status.kind === 'signaled' ? status.signal : undefined,
        oomKilled: p.oomKilled,
        exitedAt: k.platform.now(),
      };
    })();
    const handle: RuntimeProcess = { pid: p.pids.get(k.rootPid)!, write, closeStdin, resize, wait: () => done };
    return { process: p, handle, done };
  }

  async kill(id: string, signal: number, all = false): Promise<void> {
    const c = this.get(id);
    if (c.status !== 'running' && c.status !== 'paused') throw new RuntimeError('container not running', 'state');
    const k = this.kernel;
    // runc kill --all: every process of the container, by its cgroup when the PID namespace is shared.
    const targets = all ? (this.ownsPidNamespace(c) ? [...c.ns.pid.members.values()] : [...c.cgroup.procs]) : c.init ? [c.init] : [];
    for (const t of targets) k.deliver(t, signal, k.rootPid);
    if (c.status === 'paused' && signal === SIGKILL) k.freeze(c.cgroup, false);
  }

  private ownsPidNamespace(c: Container): boolean {
    return c.ns.pid !== this.kernel.rootPid && !c.bundle.spec.linux.namespaces.some((n) => n.type === 'pid' && n.path);
  }

  wait(id: string): Promise<ExitInfo> {
    return this.get(id).exited;
  }

  async delete(id: string): Promise<void> {
    const c = this.get(id);
    if (c.status === 'running' || c.status === 'paused') throw new RuntimeError(`cannot delete container ${id} that is not stopped`, 'state');
    if (c.tty) this.kernel.closePty(c.tty);
    // runc's destroy: without a PID namespace of its own, what PID 1 left behind is killed by cgroup.
    if (!this.ownsPidNamespace(c)) for (const p of [...c.cgroup.procs]) this.kernel.deliver(p, SIGKILL, this.kernel.rootPid);
    if (c.cgroup.pidsCurrent === 0) c.cgroup.remove();
    this.containers.delete(id);
  }

  async exec(id: string, process: OciProcess, io: ContainerIO): Promise<RuntimeProcess> {
    const c = this.get(id);
    if (c.status !== 'running') throw new RuntimeError(`cannot exec in a stopped container`, 'state');
    const path = lookPath(c.vfs, { uid: process.user.uid, gid: process.user.gid, groups: process.user.additionalGids ?? [] }, process.cwd, process.args[0] ?? '', process.env);
    const { handle } = await this.spawnInContainer(c, c.shim ?? this.options.machine.init, process, path, io, false);
    return handle;
  }

  state(id: string): { status: ContainerStatus; pid: number } {
    const c = this.get(id);
    return { status: c.status, pid: c.status === 'running' || c.status === 'paused' ? (c.init?.pids.get(this.kernel.rootPid) ?? 0) : 0 };
  }

  async pause(id: string): Promise<void> {
    const c = this.get(id);
    if (c.status !== 'running') throw new RuntimeError('container not running', 'state');
    this.kernel.freeze(c.cgroup, true);
    c.status = 'paused';
  }

  async resume(id: string): Promise<void> {
    const c = this.get(id);
    if (c.status !== 'paused') throw new RuntimeError('container not paused', 'state');
    this.kernel.freeze(c.cgroup, false);
    c.status = 'running';
  }

  async update(id: string, resources: OciResources): Promise<void> {
    this.applyResources(this.get(id).cgroup, resources);
  }

  stats(id: string): ContainerStats {
    const cg = this.get(id).cgroup;
    return {
      memory: { usage: cg.memoryCurrent, limit: cg.memoryMax === Infinity ? 4 * 1024 * 1024 * 1024 : cg.memoryMax, peak: cg.memoryPeak, oomKills: cg.memoryEvents.oom_kill },
      cpu: { usageUsec: cg.cpuUsage, onlineCpus: CPUS, throttledPeriods: cg.cpuStats.nr_throttled, periods: cg.cpuStats.nr_periods, throttledUsec: cg.cpuStats.throttled_usec },
      pids: { current: cg.pidsCurrent, limit: cg.pidsMax === Infinity ? 0 : cg.pidsMax },
      read: this.kernel.platform.now(),
    };
  }

  processes(id: string): ProcessInfo[] {
    const c = this.get(id);
    const k = this.kernel;
    return [...c.cgroup.allProcs()]
      .filter((p) => !p.dead)
      .map((p) => ({
        pid: p.pids.get(k.rootPid)!,
        ppid: p.parent?.pids.get(k.rootPid) ?? 0,
        uid: p.uid,
        started: k.bootTime + p.startTime,
        cpuMs: p.cpuMs,
        tty: p.tty ? p.tty.name.replace('/dev/', '') : '?',
        command: p.image.argv.join(' '),
      }))
      .sort((a, b) => a.pid - b.pid);
  }
}

function mountOptions(mounts: Mount[]): string[] {
  return mounts[0]?.options.filter((o) => o.startsWith('lowerdir=') || o.startsWith('upperdir=') || o.startsWith('workdir=')) ?? [];
}

/** Finds the program as runc does (Go's exec.LookPath in the container), with its error messages. */
export function lookPath(vfs: Vfs, cred: Cred, cwd: string, name: string, env: string[]): string {
  const check = (path: string): 'ok' | 'missing' | 'denied' | 'dir' => {
    try {
      const st = vfs.stat(path, cred, cwd);
      if (isDir(st.mode)) return 'dir';
      if ((st.mode & S_IFMT) !== S_IFREG || !permits(st, cred, X_OK)) return 'denied';
      return 'ok';
    } catch (err) {
      if (err instanceof FsError && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return 'missing';
      if (err instanceof FsError && err.code === 'EACCES') return 'denied';
      throw err;
    }
  };
  if (name.includes('/')) {
    const r = check(name);
    if (r === 'ok') return name;
    if (r === 'missing') throw new RuntimeError(`exec: "${name}": stat ${name}: no such file or directory`, 'not-found');
    if (r === 'dir') throw new RuntimeError(`exec: "${name}": is a directory`, 'permission');
    throw new RuntimeError(`exec: "${name}": permission denied`, 'permission');
  }
  const pathVar = env.find((e) => e.startsWith('PATH='))?.slice(5) ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  let denied = false;
  for (const dir of pathVar.split(':')) {
    const full = `${dir === '' ? '.' : dir}/${name}`;
    const r = check(full);
    if (r === 'ok') return full;
    if (r === 'denied') denied = true;
  }
  if (name === '') throw new RuntimeError(`exec: "": executable file not found in $PATH`, 'not-found');
  if (denied) throw new RuntimeError(`exec: "${name}": permission denied`, 'permission');
  throw new RuntimeError(`exec: "${name}": executable file not found in $PATH`, 'not-found');
}

function execError(name: string, path: string, err: unknown): RuntimeError {
  if (err instanceof FsError) {
    if (err.code === 'ENOEXEC') return new RuntimeError(`exec: "${name}": exec format error`, 'exec');
    if (err.code === 'EACCES') return new RuntimeError(`exec: "${name}": permission denied`, 'permission');
    if (err.code === 'ENOENT') return new RuntimeError(`exec: "${name}": stat ${path}: no such file or directory`, 'not-found');
  }
  return new RuntimeError(`exec: "${name}": ${(err as Error).message}`, 'exec');
}

