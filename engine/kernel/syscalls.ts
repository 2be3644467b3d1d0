/**
 * The system calls of one process: the `Sys` a program receives.
 *
 * Each call enters the kernel (accounting CPU time, noticing a death),
 * does its work against the process's namespaces and credentials, and
 * leaves. Calls that may wait pass through the scheduler.
 */
import { utf8 } from '../common/bytes.ts';
import { FsError } from '../fs/errno.ts';
import { S_IFCHR, S_IFLNK, S_IFMT, isDir, type Stat } from '../fs/types.ts';
import { R_OK, W_OK, X_OK, permits, type Cred, type MountInfo, type OpenFlags, type Times } from '../fs/vfs.ts';
import { ReadOnlyFs } from '../fs/readonly.ts';
import { Socket, parseIPv4 } from './net.ts';
import { SubtreeFs } from '../fs/subtree.ts';
import { loadImage, type ProgramWithRss } from './exec.ts';
import { RegularFile, type OpenFile } from './file.ts';
import { KERNEL_RELEASE, KERNEL_VERSION, Kernel } from './kernel.ts';
import { PipeEnd, Pipe } from './pipe.ts';
import type { Process } from './process.ts';
import { TtyFile } from './tty.ts';
import {
  ProcessControl,
  type ForkOptions,
  type OpenMode,
  type Program,
  type SignalHandler,
  type SpawnOptions,
  type Sys,
  type Termios,
  type Utsname,
  type WaitStatus,
  type Winsize,
  type NetChange,
  type NetInfo,
  type SockAddr,
} from './sys.ts';
import { SIGKILL, SIGSTOP } from './signals.ts';
import { WaitQueue } from './wait.ts';

const READ_MAX = 65536;

function openFlags(mode: OpenMode): OpenFlags & { append: boolean; cloexec: boolean; nonblock: boolean; noctty: boolean } {
  if (typeof mode !== 'string') {
    return { append: false, cloexec: false, nonblock: false, noctty: false, ...mode };
  }
  switch (mode) {
    case 'r':
      return { read: true, write: false, append: false, cloexec: false, nonblock: false, noctty: false };
    case 'r+':
      return { read: true, write: true, append: false, cloexec: false, nonblock: false, noctty: false };
    case 'w':
      return { read: false, write: true, create: true, truncate: true, append: false, cloexec: false, nonblock: false, noctty: false };
    case 'w+':
      return { read: true, write: true, create: true, truncate: true, append: false, cloexec: false, nonblock: false, noctty: false };
    case 'a':
      return { read: false, write: true, create: true, append: true, cloexec: false, nonblock: false, noctty: false };
    case 'a+':
      return { read: true, write: true, create: true, append: true, cloexec: false, nonblock: false, noctty: false };
  }
}

/** /dev/stdin, /dev/fd/3, /proc/self/fd/1: names for a descriptor of some process. */
const FD_PATH = /^\/(?:dev\/(?:std(in|out|err)|fd\/(\d+))|proc\/(self|\d+)\/fd\/(\d+))$/;

export class Syscalls implements Sys {
  constructor(
    private readonly k: Kernel,
    private readonly p: Process,
  ) {}

  private get cred(): Cred {
    return { uid: this.p.euid, gid: this.p.egid, groups: this.p.groups };
  }
  private get vfs() {
    return this.p.ns.mnt.vfs;
  }

  /** Runs a synchronous call inside the kernel. */
  private sync<T>(f: () => T): T {
    this.k.enter(this.p);
    try {
      return f();
    } finally {
      this.k.leave(this.p);
    }
  }

  // ---- who am I ------------------------------------------------------------------

  get pid(): number {
    return this.p.pid;
  }
  get ppid(): number {
    const parent = this.p.parent;
    return parent ? (parent.pidIn(this.p.ns.pid) ?? 0) : 0;
  }
  get argv(): readonly string[] {
    return this.p.image.argv;
  }
  get env(): readonly string[] {
    return this.p.image.env;
  }
  getuid(): number {
    return this.p.uid;
  }
  geteuid(): number {
    return this.p.euid;
  }
  getgid(): number {
    return this.p.gid;
  }
  getegid(): number {
    return this.p.egid;
  }
  getgroups(): number[] {
    return [...this.p.groups];
  }
  setuid(uid: number): void {
    this.sync(() => {
      if (!Kernel.capable(this.p, 'CAP_SETUID') && uid !== this.p.uid) throw new FsError('EPERM', 'setuid');
      this.p.uid = this.p.euid = uid;
    });
  }
  setgid(gid: number): void {
    this.sync(() => {
      if (!Kernel.capable(this.p, 'CAP_SETGID') && gid !== this.p.gid) throw new FsError('EPERM', 'setgid');
      this.p.gid = this.p.egid = gid;
    });
  }
  setgroups(groups: number[]): void {
    this.sync(() => {
      if (this.p.euid !== 0) throw new FsError('EPERM', 'setgroups');
      this.p.groups = [...groups];
    });
  }
  umask(mask?: number): number {
    const old = this.p.umask;
    if (mask !== undefined) this.p.umask = mask & 0o777;
    return old;
  }
  uname(): Utsname {
    return { sysname: 'Linux', nodename: this.p.ns.uts.hostname, release: KERNEL_RELEASE, version: KERNEL_VERSION, machine: 'x86_64', domainname: this.p.ns.uts.domainname };
  }
  sethostname(name: string): void {
    this.sync(() => {
      if (!Kernel.capable(this.p, 'CAP_SYS_ADMIN')) throw new FsError('EPERM', 'sethostname');
      if (utf8(name).length > 64) throw new FsError('EINVAL', 'sethostname');
      this.p.ns.uts.hostname = name;
    });
  }

  // ---- paths ----------------------------------------------------------------------

  getcwd(): string {
    return this.p.cwd;
  }
  chdir(path: string): void {
    this.sync(() => {
      const loc = this.vfs.walk(path, this.cred, this.p.cwd, { follow: true, syscall: 'chdir' });
      const st = loc.fs.lstat(loc.path);
      if (!isDir(st.mode)) throw new FsError('ENOTDIR', 'chdir', path);
      if (!permits(st, this.cred, X_OK)) throw new FsError('EACCES', 'chdir', path);
      this.p.cwd = loc.vfsPath;
    });
  }
  chroot(path: string): void {
    this.sync(() => {
      if (this.p.euid !== 0) throw new FsError('EPERM', 'chroot', path);
      throw new FsError('ENOSYS', 'chroot', path);
    });
  }
  stat(path: string): Stat {
    return this.sync(() => this.vfs.stat(path, this.cred, this.p.cwd));
  }
  lstat(path: string): Stat {
    return this.sync(() => this.vfs.lstat(path, this.cred, this.p.cwd));
  }
  access(path: string, mode: number): void {
    this.sync(() => {
      // access(2) checks with the real ids.
      this.vfs.access(path, mode, { uid: this.p.uid, gid: this.p.gid, groups: this.p.groups }, this.p.cwd);
    });
  }
  readlink(path: string): string {
    return this.sync(() => this.vfs.readlink(path, this.cred, this.p.cwd));
  }
  realpath(path: string): string {
    return this.sync(() => this.vfs.walk(path, this.cred, this.p.cwd, { follow: true, syscall: 'realpath' }).vfsPath);
  }
  readdir(path: string): string[] {
    return this.sync(() => this.vfs.readdir(path, this.cred, this.p.cwd));
  }
  mkdir(path: string, mode = 0o777): void {
    this.sync(() => this.vfs.mkdir(path, mode, this.cred, this.p.cwd, this.p.umask));
  }
  rmdir(path: string): void {
    this.sync(() => this.vfs.rmdir(path, this.cred, this.p.cwd));
  }
  unlink(path: string): void {
    this.sync(() => this.vfs.unlink(path, this.cred, this.p.cwd));
  }
  rename(from: string, to: string): void {
    this.sync(() => this.vfs.rename(from, to, this.cred, this.p.cwd));
  }
  link(existing: string, path: string): void {
    this.sync(() => this.vfs.link(existing, path, this.cred, this.p.cwd));
  }
  symlink(target: string, path: string): void {
    this.sync(() => this.vfs.symlink(target, path, this.cred, this.p.cwd));
  }
  mknod(path: string, mode: number, rdev: number): void {
    this.sync(() => {
      if ((mode & S_IFMT) === S_IFCHR && !Kernel.capable(this.p, 'CAP_MKNOD')) throw new FsError('EPERM', 'mknod', path);
      const r = this.vfs.walkParent(path, this.cred, this.p.cwd, 'mknod');
      if (r.name === null) throw new FsError('EEXIST', 'mknod', path);
      const dir = this.vfs.walk(r.dir, this.cred, '/', { follow: true, syscall: 'mknod' });
      const dst = dir.fs.lstat(dir.path);
      if (!permits(dst, this.cred, W_OK | X_OK)) throw new FsError('EACCES', 'mknod', path);
      dir.fs.mknod((dir.path === '/' ? '' : dir.path) + '/' + r.name, (mode & S_IFMT) | (mode & 0o7777 & ~this.p.umask), rdev, { uid: this.p.euid, gid: this.p.egid });
    });
  }
  chmod(path: string, mode: number): void {
    this.sync(() => this.vfs.chmod(path, mode, this.cred, this.p.cwd));
  }
  chown(path: string, uid: number, gid: number): void {
    this.sync(() => this.vfs.chown(path, uid, gid, this.cred, this.p.cwd, true));
  }
  lchown(path: string, uid: number, gid: number): void {
    this.sync(() => this.vfs.chown(path, uid, gid, this.cred, this.p.cwd, false));
  }
  utimes(path: string, times: Times | null, follow = true): void {
    this.sync(() => this.vfs.utimes(path, times, this.cred, this.p.cwd, follow));
  }
  truncate(path: string, size: number): void {
    this.sync(() => this.vfs.truncate(path, size, this.cred, this.p.cwd));
  }
  mount(source: string, target: string, type: string, options: string[] = []): void {
    this.sync(() => {
      if (!Kernel.capable(this.p, 'CAP_SYS_ADMIN')) throw new FsError('EPERM', 'mount', target);
      const where = this.vfs.walk(target, this.cred, this.p.cwd, { follow: true, syscall: 'mount' });
      const bind = type === 'bind' || options.includes('bind') || options.includes('rbind');
      if (!isDir(where.fs.lstat(where.path).mode) && !bind) throw new FsError('ENOTDIR', 'mount', target);
      const flags = options.filter((o) => !['bind', 'rbind', 'rw', 'ro', 'defaults'].includes(o));
      const access = options.includes('ro') ? 'ro' : 'rw';
      let fs;
      let info: MountInfo;
      if (bind) {
        const src = this.vfs.walk(source, this.cred, this.p.cwd, { follow: true, syscall: 'mount' });
        fs = src.path === '/' ? src.fs : new SubtreeFs(src.fs, src.path);
        if (access === 'ro') fs = new ReadOnlyFs(fs);
        // A bind mount shows the device of the mount it comes from.
        const from = this.vfs.mountOf(src.vfsPath);
        info = { source: from.source, type: from.type, options: [access, ...from.options.filter((o) => o !== 'rw' && o !== 'ro')] };
      } else {
        const make = this.k.filesystems.get(type);
        if (!make) {
          // A filesystem that lives on a block device: the source must be one.
          if (BLOCK_FILESYSTEMS.has(type)) {
            const dev = this.vfs.walk(source, this.cred, this.p.cwd, { follow: true, syscall: 'mount' });
            if ((dev.fs.lstat(dev.path).mode & 0o170000) !== 0o060000) throw new FsError('ENOTBLK', 'mount', source);
            throw new FsError('ENXIO', 'mount', source);
          }
          throw new FsError('ENODEV', 'mount', target);
        }
        fs = make(this.p, options);
        if (access === 'ro') fs = new ReadOnlyFs(fs);
        info = { source, type, options: [access, ...mountFlags(flags)] };
      }
      this.vfs.mount(where.vfsPath, fs, info);
    });
  }
  umount(target: string): void {
    this.sync(() => {
      if (!Kernel.capable(this.p, 'CAP_SYS_ADMIN')) throw new FsError('EPERM', 'umount', target);
      const where = this.vfs.walk(target, this.cred, this.p.cwd, { follow: true, syscall: 'umount' });
      this.vfs.umount(where.vfsPath);
    });
  }

  // ---- file descriptors ------------------------------------------------------------

  private entry(fd: number) {
    const e = this.p.fds.get(fd);
    if (!e) throw new FsError('EBADF', 'fd');
    return e;
  }

  private install(file: OpenFile, cloexec: boolean): number {
    const fd = this.p.freeFd();
    this.k.installFd(this.p, fd, file, cloexec);
    return fd;
  }

  /** Matches a descriptor name, following symbolic links to one (as the kernel's magic links do). */
  private descriptorName(path: string): RegExpExecArray | null {
    let p = path;
    for (let hops = 0; hops < 40; hops++) {
      const m = FD_PATH.exec(p.replace(/\/+/g, '/'));
      if (m) return m;
      let loc;
      try {
        loc = this.vfs.walk(p, this.cred, this.p.cwd, { follow: false, syscall: 'open' });
      } catch {
        return null;
      }
      if ((loc.fs.lstat(loc.path).mode & S_IFMT) !== S_IFLNK) return null;
      const target = loc.fs.readlink(loc.path);
      const abs = p.startsWith('/') ? p : `${this.p.cwd}/${p}`;
      p = target.startsWith('/') ? target : `${abs.slice(0, abs.lastIndexOf('/')) || '/'}/${target}`;
    }
    return null;
  }

  open(path: string, mode: OpenMode, perm = 0o666): number {
    return this.sync(() => {
      const flags = openFlags(mode);
      // Names for descriptors: open them again by duplicating the description
      // (also through links to them: /var/log/nginx/error.log -> /dev/stderr).
      const m = this.descriptorName(path);
      if (m) {
        const owner = m[3] === undefined || m[3] === 'self' ? this.p : this.p.ns.pid.members.get(Number(m[3]));
        const fd = m[1] === 'in' ? 0 : m[1] === 'out' ? 1 : m[1] === 'err' ? 2 : Number(m[2] ?? m[4]);
        const target = owner?.fds.get(fd);
        if (!target) throw new FsError('ENOENT', 'open', path);
        return this.install(target.file, flags.cloexec);
      }
      // Device nodes: the kernel's driver, not the bytes of the node.
      let existing;
      try {
        existing = this.vfs.walk(path, this.cred, this.p.cwd, { follow: !flags.noFollow, syscall: 'open' });
      } catch (err) {
        if (!(err instanceof FsError && err.code === 'ENOENT' && flags.create)) throw err;
      }
      if (existing) {
        const st = existing.fs.lstat(existing.path);
        if ((st.mode & S_IFMT) === S_IFCHR) {
          if (flags.create && flags.exclusive) throw new FsError('EEXIST', 'open', path);
          const want = (flags.read ? R_OK : 0) | (flags.write ? W_OK : 0);
          if (!permits(st, this.cred, want)) throw new FsError('EACCES', 'open', path);
          const driver = this.k.devices.get(st.rdev);
          if (!driver) throw new FsError('ENXIO', 'open', path);
          const file = driver(this.p, { readable: flags.read, writable: flags.write });
          file.nonblock = flags.nonblock;
          if (file instanceof TtyFile && !flags.noctty) this.acquireTty(file);
          return this.install(file, flags.cloexec);
        }
      }
      const handle = this.vfs.open(path, flags, this.cred, this.p.cwd, perm, this.p.umask);
      const loc = existing ?? this.vfs.walk(path, this.cred, this.p.cwd, { follow: true, syscall: 'open' });
      const file = new RegularFile(handle, loc.vfsPath, { readable: flags.read, writable: flags.write, append: flags.append }, isDir(handle.stat().mode));
      file.nonblock = flags.nonblock;
      return this.install(file, flags.cloexec);
    });
  }

  /** A session leader opening a terminal without one makes it its controlling terminal. */
  private acquireTty(file: TtyFile): void {
    const p = this.p;
    if (p.sid === p.pid && !p.tty && file.tty.sid === 0) {
      p.tty = file.tty;
      file.tty.sid = p.sid;
      file.tty.fgPgrp = p.pgid;
    }
  }

  close(fd: number): void {
    this.sync(() => this.k.closeFd(this.p, fd));
  }
  dup(fd: number): number {
    return this.sync(() => this.install(this.entry(fd).file, false));
  }
  dup2(fd: number, to: number): number {
    return this.sync(() => {
      const e = this.entry(fd);
      if (to < 0 || to > 1023) throw new FsError('EBADF', 'dup2');
      if (fd === to) return to;
      this.k.installFd(this.p, to, e.file, false);
      return to;
    });
  }
  pipe(): [number, number] {
    return this.sync(() => {
      const pipe = new Pipe();
      const now = () => this.k.platform.now();
      const r = this.install(new PipeEnd(pipe, 'read', now), false);
      const w = this.install(new PipeEnd(pipe, 'write', now), false);
      return [r, w];
    });
  }
  fstat(fd: number): Stat {
    return this.sync(() => this.entry(fd).file.stat());
  }
  lseek(fd: number, offset: number, whence: 0 | 1 | 2): number {
    return this.sync(() => this.entry(fd).file.lseek(offset, whence));
  }
  ftruncate(fd: number, size: number): void {
    this.sync(() => this.entry(fd).file.truncate(size));
  }
  isatty(fd: number): boolean {
    return this.p.fds.get(fd)?.file instanceof TtyFile;
  }
  setCloexec(fd: number, on: boolean): void {
    this.sync(() => (this.entry(fd).cloexec = on));
  }
  setNonblock(fd: number, on: boolean): void {
    this.sync(() => (this.entry(fd).file.nonblock = on));
  }
  fds(): number[] {
    return [...this.p.fds.keys()].sort((a, b) => a - b);
  }

  async read(fd: number, max = READ_MAX): Promise<Uint8Array> {
    await this.k.schedule(this.p);
    const file = this.entry(fd).file;
    const data = await file.read(this.k.ioContext(this.p), max);
    this.k.leave(this.p);
    return data;
  }

  async write(fd: number, data: Uint8Array | string): Promise<number> {
    await this.k.schedule(this.p);
    const file = this.entry(fd).file;
    const bytes = typeof data === 'string' ? utf8(data) : data;
    const n = await file.write(this.k.ioContext(this.p), bytes);
    this.k.leave(this.p);
    return n;
  }

  // ---- terminals -------------------------------------------------------------------

  private tty(fd: number) {
    const f = this.entry(fd).file;
    if (!(f instanceof TtyFile)) throw new FsError('ENOTTY', 'ioctl');
    return f.tty;
  }
  tcgetattr(fd: number): Termios {
    return copyTermios(this.tty(fd).termios);
  }
  tcsetattr(fd: number, termios: Termios): void {
    this.tty(fd).setTermios(copyTermios(termios));
  }
  getWinsize(fd: number): Winsize {
    return { ...this.tty(fd).winsize };
  }
  setWinsize(fd: number, size: Winsize): void {
    this.tty(fd).resize({ rows: size.rows, cols: size.cols });
  }
  tcgetpgrp(fd: number): number {
    const tty = this.tty(fd);
    if (this.p.tty !== tty) throw new FsError('ENOTTY', 'tcgetpgrp');
    return tty.fgPgrp;
  }
  tcsetpgrp(fd: number, pgid: number): void {
    this.sync(() => {
      const tty = this.tty(fd);
      if (this.p.tty !== tty || tty.sid !== this.p.sid) throw new FsError('ENOTTY', 'tcsetpgrp');
      const inSession = [...this.p.ns.pid.members.values()].some((q) => q.pgid === pgid && q.sid === this.p.sid);
      if (!inSession) throw new FsError('EPERM', 'tcsetpgrp');
      tty.fgPgrp = pgid;
      tty.readers.wakeAll();
    });
  }
  ttyname(fd: number): string {
    return this.tty(fd).name;
  }

  // ---- processes -------------------------------------------------------------------

  async spawn(path: string, options: SpawnOptions): Promise<number> {
    await this.k.schedule(this.p);
    const image = await loadImage(this.vfs, this.cred, options.cwd ?? this.p.cwd, path, options.argv, options.env, this.k.programs);
    this.k.enter(this.p);
    const child = this.k.createProcess(this.p);
    child.image = image;
    child.rss = (image.program as ProgramWithRss).rss ?? 256 * 1024;
    child.handlers.clear();
    for (const [sig, h] of this.p.handlers) if (h === 'ignore') child.handlers.set(sig, 'ignore');
    if (options.cwd !== undefined) child.cwd = this.vfs.walk(options.cwd, this.cred, this.p.cwd, { follow: true, syscall: 'chdir' }).vfsPath;
    const map = options.fds ?? Object.fromEntries([...this.p.fds].filter(([, e]) => !e.cloexec).map(([fd]) => [fd, fd]));
    for (const [to, from] of Object.entries(map)) this.k.installFd(child, Number(to), this.entry(from).file);
    this.placeInGroup(child, options.pgid, options.foreground);
    this.k.start(child);
    this.k.leave(this.p);
    return child.pidIn(this.p.ns.pid) ?? 0;
  }

  fork(child: Program, options: ForkOptions = {}): number {
    return this.sync(() => {
      const proc = this.k.createProcess(this.p);
      proc.image = { ...this.p.image, program: child, comm: (options.comm ?? this.p.image.comm).slice(0, 15) };
      if (options.fds) {
        for (const [to, from] of Object.entries(options.fds)) this.k.installFd(proc, Number(to), this.entry(from).file);
      } else {
        for (const [fd, e] of this.p.fds) this.k.installFd(proc, fd, e.file, e.cloexec);
      }
      this.placeInGroup(proc, options.pgid, options.foreground);
      this.k.start(proc);
      return proc.pidIn(this.p.ns.pid) ?? 0;
    });
  }

  private placeInGroup(child: Process, pgid: number | undefined, foreground: boolean | undefined): void {
    if (pgid === undefined) return;
    child.pgid = pgid === 0 ? child.pid : pgid;
    if (foreground && this.p.tty && this.p.tty.sid === this.p.sid) this.p.tty.fgPgrp = child.pgid;
  }

  async exec(path: string, argv: string[], env: string[]): Promise<never> {
    await this.k.schedule(this.p);
    const image = await loadImage(this.vfs, this.cred, this.p.cwd, path, argv, env, this.k.programs);
    this.k.enter(this.p);
    const p = this.p;
    for (const [fd, e] of [...p.fds]) if (e.cloexec) this.k.closeFd(p, fd);
    for (const [sig, h] of [...p.handlers]) if (typeof h === 'function') p.handlers.delete(sig);
    p.image = image;
    p.rss = (image.program as ProgramWithRss).rss ?? 256 * 1024;
    throw new ProcessControl('exec');
  }

  waitpid(pid: number, options: { nohang?: boolean; untraced?: boolean; continued?: boolean } = {}): Promise<WaitStatus | null> {
    return (async () => {
      await this.k.schedule(this.p);
      const r = await this.k.waitpid(this.p, pid, options);
      this.k.leave(this.p);
      return r;
    })();
  }

  exit(code: number): never {
    this.k.enter(this.p);
    this.k.exit(this.p, { kind: 'exited', code: code & 0xff });
    throw new ProcessControl('exit');
  }

  kill(pid: number, signal: number): void {
    this.sync(() => {
      if (signal < 0 || signal > 64) throw new FsError('EINVAL', 'kill');
      this.k.kill(this.p, pid, signal);
    });
    if (this.p.dead) throw new ProcessControl('killed');
    if (this.p.pending.size > 0) this.k.runHandlers(this.p);
  }

  getpgid(pid = 0): number {
    if (pid === 0) return this.p.pgid;
    const t = this.p.ns.pid.members.get(pid);
    if (!t) throw new FsError('ESRCH', 'getpgid');
    return t.pgid;
  }

  setpgid(pid: number, pgid: number): void {
    this.sync(() => {
      const target = pid === 0 ? this.p : this.p.ns.pid.members.get(pid);
      if (!target) throw new FsError('ESRCH', 'setpgid');
      if (target !== this.p && target.parent !== this.p) throw new FsError('ESRCH', 'setpgid');
      if (target.sid !== this.p.sid) throw new FsError('EPERM', 'setpgid');
      if (target.sid === target.pid) throw new FsError('EPERM', 'setpgid');
      const group = pgid === 0 ? target.pid : pgid;
      if (group !== target.pid && ![...this.p.ns.pid.members.values()].some((q) => q.pgid === group && q.sid === this.p.sid)) throw new FsError('EPERM', 'setpgid');
      target.pgid = group;
    });
  }

  getsid(): number {
    return this.p.sid;
  }

  setsid(): number {
    return this.sync(() => {
      if ([...this.p.ns.pid.members.values()].some((q) => q.pgid === this.p.pid)) throw new FsError('EPERM', 'setsid');
      this.p.sid = this.p.pgid = this.p.pid;
      this.p.tty = undefined;
      return this.p.pid;
    });
  }

  signal(signal: number, handler: SignalHandler): SignalHandler {
    if (signal === SIGKILL || signal === SIGSTOP || signal < 1 || signal > 64) throw new FsError('EINVAL', 'sigaction');
    const old = this.p.handlers.get(signal) ?? 'default';
    if (handler === 'default') this.p.handlers.delete(signal);
    else this.p.handlers.set(signal, handler);
    return old;
  }

  pending(): number[] {
    return [...this.p.pending];
  }

  // ---- time ------------------------------------------------------------------------

  now(): number {
    return this.k.platform.now();
  }
  uptime(): number {
    return this.k.uptimeMs() / 1000;
  }
  async sleep(ms: number): Promise<void> {
    // A signal handled on the way in interrupts the sleep, so that a wait
    // for SIGCHLD cannot miss one that came just before it.
    if (await this.k.schedule(this.p)) {
      this.k.leave(this.p);
      throw new FsError('EINTR', 'nanosleep');
    }
    let fired = ms <= 0;
    const q = new WaitQueue();
    const cancel = this.k.platform.timer(ms, () => {
      fired = true;
      q.wakeAll();
    });
    try {
      await this.k.block(this.p, [q], () => fired);
    } finally {
      cancel();
    }
    this.k.leave(this.p);
  }
  async checkpoint(): Promise<void> {
    await this.k.schedule(this.p);
  }

  // ---- sockets -------------------------------------------------------------------------

  private sock(fd: number): Socket {
    const f = this.entry(fd).file;
    if (!(f instanceof Socket)) throw new FsError('ENOTSOCK', 'socket');
    return f;
  }
  private checkAddr(addr: SockAddr, call: string): SockAddr {
    if (addr.family !== 'inet') throw new FsError('EAFNOSUPPORT', call);
    if (parseIPv4(addr.address) === undefined || !Number.isInteger(addr.port) || addr.port < 0 || addr.port > 65535) throw new FsError('EINVAL', call);
    return { family: 'inet', address: addr.address, port: addr.port };
  }

  socket(domain: 'inet', type: 'stream' | 'dgram'): number {
    return this.sync(() => {
      if (domain !== 'inet') throw new FsError('EAFNOSUPPORT', 'socket');
      return this.install(this.k.net.socket(this.p.ns.net, type), false);
    });
  }
  bind(fd: number, addr: SockAddr): void {
    this.sync(() => this.k.net.bind(this.sock(fd), this.checkAddr(addr, 'bind'), Kernel.capable(this.p, 'CAP_NET_BIND_SERVICE')));
  }
  listen(fd: number, backlog = 128): void {
    this.sync(() => this.k.net.listen(this.sock(fd), backlog));
  }
  async accept(fd: number): Promise<{ fd: number; peer: SockAddr }> {
    await this.k.schedule(this.p);
    const conn = await this.k.net.accept(this.k.ioContext(this.p), this.sock(fd));
    const nfd = this.install(conn, false);
    this.k.leave(this.p);
    return { fd: nfd, peer: { ...conn.remote! } };
  }
  async connect(fd: number, addr: SockAddr): Promise<void> {
    await this.k.schedule(this.p);
    const s = this.sock(fd);
    const to = this.checkAddr(addr, 'connect');
    if (s.type === 'dgram') {
      // No route, no connected datagram socket (the route is looked up now, as on Linux).
      if (!s.ns.sourceFor(to.address)) throw new FsError('ENETUNREACH', 'connect');
      if (!s.local) this.k.net.bind(s, { family: 'inet', address: '0.0.0.0', port: 0 }, true);
      s.remote = to;
    } else {
      this.k.net.connect(s, to);
    }
    this.k.leave(this.p);
  }
  shutdown(fd: number, how: 'read' | 'write' | 'both'): void {
    this.sync(() => this.sock(fd).shutdown(how));
  }
  async sendto(fd: number, data: Uint8Array | string, addr: SockAddr): Promise<number> {
    await this.k.schedule(this.p);
    const s = this.sock(fd);
    const bytes = typeof data === 'string' ? utf8(data) : data;
    const n = s.type === 'dgram' ? this.k.net.sendDatagram(s, bytes, this.checkAddr(addr, 'sendto')) : await s.write(this.k.ioContext(this.p), bytes);
    this.k.leave(this.p);
    return n;
  }
  async recvfrom(fd: number, max = READ_MAX): Promise<{ data: Uint8Array; from: SockAddr }> {
    await this.k.schedule(this.p);
    const s = this.sock(fd);
    const r = s.type === 'dgram' ? await s.receive(this.k.ioContext(this.p), max) : { data: await s.read(this.k.ioContext(this.p), max), from: s.remote! };
    this.k.leave(this.p);
    return r;
  }
  getsockname(fd: number): SockAddr {
    return this.sync(() => ({ ...(this.sock(fd).local ?? { family: 'inet', address: '0.0.0.0', port: 0 }) }));
  }
  getpeername(fd: number): SockAddr {
    return this.sync(() => {
      const s = this.sock(fd);
      if (!s.remote || (s.type === 'stream' && s.state !== 'connected')) throw new FsError('ENOTCONN', 'getpeername');
      return { ...s.remote };
    });
  }
  setsockopt(fd: number, option: 'SO_REUSEADDR', value: boolean): void {
    this.sync(() => {
      const s = this.sock(fd);
      if (option !== 'SO_REUSEADDR') throw new FsError('ENOPROTOOPT', 'setsockopt');
      s.reuseAddress = value;
    });
  }

  async poll(fds: { fd: number; in?: boolean; out?: boolean }[], timeoutMs?: number): Promise<{ fd: number; in: boolean; out: boolean; hup: boolean }[]> {
    await this.k.schedule(this.p);
    const check = () =>
      fds
        .map(({ fd, in: wantIn, out: wantOut }) => {
          const e = this.p.fds.get(fd);
          if (!e) return { fd, in: false, out: false, hup: true };
          const st = e.file.pollState();
          return { fd, in: !!wantIn && st.in, out: !!wantOut && st.out, hup: st.hup };
        })
        .filter((r) => r.in || r.out || r.hup);
    let ready = check();
    if (ready.length > 0 || timeoutMs === 0) {
      this.k.leave(this.p);
      return ready;
    }
    let expired = false;
    const timer = new WaitQueue();
    const cancel = timeoutMs !== undefined ? this.k.platform.timer(timeoutMs, () => ((expired = true), timer.wakeAll())) : () => undefined;
    try {
      const queues = [timer, ...fds.flatMap(({ fd }) => this.p.fds.get(fd)?.file.pollState().queues ?? [])];
      await this.k.block(this.p, queues, () => expired || (ready = check()).length > 0);
    } finally {
      cancel();
    }
    this.k.leave(this.p);
    return ready;
  }

  async ping(address: string, timeoutMs: number): Promise<{ from: string; ttl: number; timeMs: number } | null> {
    await this.k.schedule(this.p);
    if (parseIPv4(address) === undefined) throw new FsError('EINVAL', 'sendto');
    const reply = this.k.net.echo(this.p.ns.net, address);
    // A round trip takes a little time: a few tens of microseconds per hop, as on a quiet bridge.
    const timeMs = reply ? 0.03 + (64 - reply.ttl) * 0.05 + Math.random() * 0.04 : timeoutMs;
    await this.sleep(reply ? 0 : timeoutMs);
    this.k.leave(this.p);
    return reply ? { ...reply, timeMs } : null;
  }

  netInfo(): NetInfo {
    return this.sync(() => {
      const ns = this.p.ns.net;
      const sockets: NetInfo['sockets'] = [];
      for (const protocol of ['tcp', 'udp'] as const) {
        for (const holders of ns.bound[protocol].values()) {
          for (const s of holders) {
            const state = s.state === 'listening' ? 'LISTEN' : s.state === 'connected' ? 'ESTABLISHED' : protocol === 'udp' ? '' : 'CLOSE';
            sockets.push({ protocol, state, local: { ...s.local! }, remote: s.remote && { ...s.remote }, queued: s.rx?.buffered ?? 0, inode: s.ino });
          }
        }
      }
      return {
        interfaces: ns.interfaces.map((i) => ({ name: i.name, index: i.index, mac: i.mac, mtu: i.mtu, up: i.up, kind: i.kind, peerIndex: i.peerIndex, addresses: i.addresses.map((a) => ({ ...a })), stats: { ...i.stats } })),
        routes: ns.routes.map((r) => ({ ...r })),
        sockets,
      };
    });
  }

  netConfigure(change: NetChange): void {
    this.sync(() => {
      if (!Kernel.capable(this.p, 'CAP_NET_ADMIN')) throw new FsError('EPERM', 'netlink');
      const ns = this.p.ns.net;
      switch (change.op) {
        case 'link-up':
        case 'link-down': {
          const iface = ns.interface(change.device);
          if (!iface) throw new FsError('ENODEV', 'netlink', change.device);
          iface.up = change.op === 'link-up';
          return;
        }
        case 'addr-add':
          return ns.addAddress(change.device, change.address, change.prefix);
        case 'addr-del':
          return ns.removeAddress(change.device, change.address);
        case 'route-add': {
          const via = change.gateway ? ns.lookupRoute(change.gateway) : undefined;
          if (change.gateway && (!via || via.route.gateway)) throw new FsError('ENETUNREACH', 'netlink');
          const device = change.device ?? via?.iface.name;
          if (!device) throw new FsError('ENODEV', 'netlink');
          return ns.addRoute({ destination: change.destination, prefix: change.prefix, gateway: change.gateway, device });
        }
        case 'route-del': {
          const before = ns.routes.length;
          ns.routes = ns.routes.filter((r) => !(r.destination === change.destination && r.prefix === change.prefix));
          if (ns.routes.length === before) throw new FsError('ESRCH', 'netlink');
          return;
        }
      }
    });
  }

  // ---- memory ----------------------------------------------------------------------

  memory(bytes: number): void {
    this.sync(() => this.k.charge(this.p, bytes));
  }
}

function copyTermios(t: Termios): Termios {
  const copy: Termios = { ...t, cc: { ...t.cc } };
  if (t.linux) copy.linux = { ...t.linux, cc: [...t.linux.cc] };
  return copy;
}

/** Filesystem types that /proc/filesystems lists without "nodev": they need a block device. */
const BLOCK_FILESYSTEMS = new Set(['ext4', 'ext3', 'ext2', 'vfat', 'xfs', 'btrfs', 'iso9660']);

/** Options as the kernel reports them: relatime unless told otherwise, sizes in k. */
function mountFlags(flags: string[]): string[] {
  const out = flags.map((o) => {
    const m = /^(size|nr_inodes)=(\d+)([kmg%]?)$/i.exec(o);
    if (!m || m[3] === '%' || m[1] !== 'size') return o;
    const k = Number(m[2]) * ({ '': 1 / 1024, k: 1, m: 1024, g: 1024 * 1024 } as Record<string, number>)[m[3]!.toLowerCase()]!;
    return `size=${Math.ceil(k / 4) * 4}k`;
  });
  if (!out.some((o) => ['noatime', 'strictatime', 'relatime'].includes(o))) out.push('relatime');
  // The generic flags come first, in the kernel's order; then the filesystem's own.
  const GENERIC = ['sync', 'nosuid', 'nodev', 'noexec', 'mand', 'dirsync', 'noatime', 'nodiratime', 'relatime', 'strictatime'];
  const generic = GENERIC.filter((g) => out.includes(g));
  return [...generic, ...out.filter((o) => !GENERIC.includes(o))];
}
