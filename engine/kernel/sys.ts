/**
 * The system call interface: everything a program running on the emulated
 * kernel may ask of it. A program is an async function that receives its
 * process's `Sys` and returns an exit status:
 *
 *     export const hello: Program = async (sys) => {
 *       await sys.write(1, 'Hello from Berth!\n');
 *       return 0;
 *     };
 *
 * Conventions, as in C on Linux:
 * - Failures throw `FsError` (engine/fs/errno.ts) with the errno code
 *   (`ENOENT`, `EACCES`, `EAGAIN`…); `strerror(code)` is the text to print.
 * - Calls that touch only in-memory state are synchronous; calls that can
 *   block (read, write, wait, sleep) are async.
 * - Programs must call `await sys.checkpoint()` in any loop that does not
 *   otherwise await: it is where the scheduler lets other processes and the
 *   page run, and where signals are delivered.
 * - `ProcessControl` errors (exit, exec, kill) unwind the program's stack.
 *   A program may use try/finally, but must rethrow them from any catch:
 *   `if (isProcessControl(err)) throw err`.
 */
import type { Stat } from '../fs/types.ts';

export type Program = (sys: Sys) => Promise<number>;

/** How the kernel finds the program for an executable file (see engine/common/executable.ts). */
export type ProgramResolver = (info: { program: string; applet?: string; path: string }) => Program | undefined | Promise<Program | undefined>;

export interface Termios {
  /** Input flags. */
  icrnl: boolean;
  /** Output post-processing, and turning "\n" into "\r\n". */
  opost: boolean;
  onlcr: boolean;
  /** Local flags. */
  icanon: boolean;
  echo: boolean;
  echoe: boolean;
  echok: boolean;
  echoctl: boolean;
  isig: boolean;
  iexten: boolean;
  /** Control characters (as byte values). */
  cc: { VINTR: number; VQUIT: number; VERASE: number; VKILL: number; VEOF: number; VSUSP: number; VWERASE: number; VLNEXT: number; VREPRINT: number; VMIN: number; VTIME: number };
  /**
   * The whole of Linux's struct termios as last set (flag words, line
   * discipline, all 32 control characters), for stty: the kernel keeps it
   * but acts only on the fields above. Absent on a fresh terminal.
   */
  linux?: { iflag: number; oflag: number; cflag: number; lflag: number; line: number; cc: number[] };
}

export interface SockAddr {
  family: 'inet';
  address: string;
  port: number;
}

export interface NetInfo {
  interfaces: {
    name: string;
    index: number;
    mac: string;
    mtu: number;
    up: boolean;
    kind: 'loopback' | 'ether' | 'bridge' | 'veth';
    peerIndex?: number;
    addresses: { address: string; prefix: number; family: 'inet' | 'inet6'; broadcast?: string }[];
    stats: { rxBytes: number; rxPackets: number; txBytes: number; txPackets: number };
  }[];
  routes: { destination: string; prefix: number; gateway?: string; device: string; source?: string; scope: 'global' | 'link' | 'host'; protocol: 'kernel' | 'boot' | 'static' }[];
  /** Listening and connected sockets, for netstat. */
  sockets: { protocol: 'tcp' | 'udp'; state: string; local: SockAddr; remote?: SockAddr; queued: number; inode: number }[];
}

export type NetChange =
  | { op: 'link-up' | 'link-down'; device: string }
  | { op: 'addr-add' | 'addr-del'; device: string; address: string; prefix: number }
  | { op: 'route-add'; destination: string; prefix: number; gateway?: string; device?: string }
  | { op: 'route-del'; destination: string; prefix: number };

export interface Winsize {
  rows: number;
  cols: number;
}

export type WaitStatus =
  | { pid: number; kind: 'exited'; code: number }
  | { pid: number; kind: 'signaled'; signal: number; core: boolean }
  | { pid: number; kind: 'stopped'; signal: number }
  | { pid: number; kind: 'continued' };

export interface SpawnOptions {
  /** argv[0] is what the program sees as its name. */
  argv: string[];
  env: string[];
  /** Working directory (default: the caller's). */
  cwd?: string;
  /**
   * The child's file descriptors: child fd → caller fd (default: 0, 1, 2
   * inherited). Fds not listed are not inherited.
   */
  fds?: Record<number, number>;
  /** Put the child in this process group (0: a new group led by the child). */
  pgid?: number;
  /** Make the child's group the terminal's foreground group (job control). */
  foreground?: boolean;
}

export interface ForkOptions {
  /** As for spawn; by default the whole fd table is copied, as fork does. */
  fds?: Record<number, number>;
  pgid?: number;
  foreground?: boolean;
  /** The name /proc and ps show for the child. */
  comm?: string;
}

export interface Utsname {
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  domainname: string;
}

export type SignalHandler = 'default' | 'ignore' | ((signal: number) => void);

export interface Sys {
  // ---- who am I ----------------------------------------------------------
  readonly pid: number;
  readonly ppid: number;
  readonly argv: readonly string[];
  /** The environment as "NAME=value" strings, as execve passed it. */
  readonly env: readonly string[];
  getuid(): number;
  geteuid(): number;
  getgid(): number;
  getegid(): number;
  getgroups(): number[];
  setuid(uid: number): void;
  setgid(gid: number): void;
  setgroups(groups: number[]): void;
  umask(mask?: number): number;
  uname(): Utsname;
  sethostname(name: string): void;

  // ---- paths (synchronous) ---------------------------------------------------
  getcwd(): string;
  chdir(path: string): void;
  chroot(path: string): void;
  stat(path: string): Stat;
  lstat(path: string): Stat;
  access(path: string, mode: number): void;
  readlink(path: string): string;
  /** Resolves every symlink and "..": the canonical absolute path. */
  realpath(path: string): string;
  readdir(path: string): string[];
  mkdir(path: string, mode?: number): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  rename(from: string, to: string): void;
  link(existing: string, path: string): void;
  symlink(target: string, path: string): void;
  mknod(path: string, mode: number, rdev: number): void;
  chmod(path: string, mode: number): void;
  lchmod?(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  lchown(path: string, uid: number, gid: number): void;
  /** Times in ms; null sets both to now. */
  /** utimensat: each time a value (ms), 'now' or 'omit'; null is both now. EPERM for explicit times on another's file. */
  utimes(path: string, times: { atimeMs: number | 'now' | 'omit'; mtimeMs: number | 'now' | 'omit' } | null, follow?: boolean): void;
  truncate(path: string, size: number): void;
  mount(source: string, target: string, type: string, options?: string[]): void;
  umount(target: string): void;

  // ---- file descriptors --------------------------------------------------
  /** flags: 'r' | 'w' | 'a' | 'r+' | 'w+' | 'a+' like fopen, plus optional extras. */
  open(path: string, flags: OpenMode, mode?: number): number;
  close(fd: number): void;
  dup(fd: number): number;
  dup2(fd: number, to: number): number;
  /** Returns [read end, write end]. */
  pipe(): [number, number];
  fstat(fd: number): Stat;
  /** whence: 0 SET, 1 CUR, 2 END. Returns the new offset. */
  lseek(fd: number, offset: number, whence: 0 | 1 | 2): number;
  ftruncate(fd: number, size: number): void;
  isatty(fd: number): boolean;
  /** Close-on-exec. */
  setCloexec(fd: number, on: boolean): void;
  setNonblock(fd: number, on: boolean): void;
  /** The open fds, ascending. */
  fds(): number[];
  /** Reads up to `max` bytes; an empty result is end-of-file. Blocks on pipes and terminals. */
  read(fd: number, max?: number): Promise<Uint8Array>;
  /** Writes all of `data` (strings are UTF-8). Blocks while a pipe is full. */
  write(fd: number, data: Uint8Array | string): Promise<number>;

  // ---- terminals -----------------------------------------------------------
  tcgetattr(fd: number): Termios;
  tcsetattr(fd: number, termios: Termios): void;
  getWinsize(fd: number): Winsize;
  /** TIOCSWINSZ: sets the terminal's size; the foreground group gets SIGWINCH if it changed. */
  setWinsize(fd: number, size: Winsize): void;
  tcgetpgrp(fd: number): number;
  tcsetpgrp(fd: number, pgid: number): void;
  /** The name of the terminal on fd (`/dev/pts/0`), for `tty`. */
  ttyname(fd: number): string;

  // ---- sockets and the network ------------------------------------------------
  /** A TCP (stream) or UDP (dgram) IPv4 socket in this process's network namespace. */
  socket(domain: 'inet', type: 'stream' | 'dgram'): number;
  /** Port 0 picks an ephemeral port. EADDRINUSE, EADDRNOTAVAIL, EACCES (a low port without CAP_NET_BIND_SERVICE). */
  bind(fd: number, addr: SockAddr): void;
  listen(fd: number, backlog?: number): void;
  /** Waits for a connection; the new descriptor and who connected. */
  accept(fd: number): Promise<{ fd: number; peer: SockAddr }>;
  /** ECONNREFUSED, ENETUNREACH, EHOSTUNREACH. For UDP, fixes the default destination. */
  connect(fd: number, addr: SockAddr): Promise<void>;
  shutdown(fd: number, how: 'read' | 'write' | 'both'): void;
  sendto(fd: number, data: Uint8Array | string, addr: SockAddr): Promise<number>;
  recvfrom(fd: number, max?: number): Promise<{ data: Uint8Array; from: SockAddr }>;
  getsockname(fd: number): SockAddr;
  getpeername(fd: number): SockAddr;
  setsockopt(fd: number, option: 'SO_REUSEADDR', value: boolean): void;
  /**
   * Waits until one of the descriptors is ready (readable, writable, hung
   * up) or `timeoutMs` passes (undefined: no limit); returns what is ready.
   */
  poll(fds: { fd: number; in?: boolean; out?: boolean }[], timeoutMs?: number): Promise<{ fd: number; in: boolean; out: boolean; hup: boolean }[]>;
  /**
   * Sends an ICMP echo request (needs CAP_NET_RAW, or any user as with
   * Linux's ping sockets) and waits up to `timeoutMs` for the reply: its
   * source, TTL and round-trip time; null when none came. ENETUNREACH with
   * no route.
   */
  ping(address: string, timeoutMs: number): Promise<{ from: string; ttl: number; timeMs: number } | null>;
  /** The network namespace's interfaces and routes (what netlink tells `ip`). */
  netInfo(): NetInfo;
  /** Changes the namespace's interfaces or routes (needs CAP_NET_ADMIN). */
  netConfigure(change: NetChange): void;

  // ---- processes -------------------------------------------------------------
  /** fork + exec of a program file (posix_spawn). Throws ENOENT/EACCES/ENOEXEC/EAGAIN. */
  spawn(path: string, options: SpawnOptions): Promise<number>;
  /** fork: runs `child` as a new process with a copy of this one's state. */
  fork(child: Program, options?: ForkOptions): number;
  /** Replaces this process's program. Never returns on success. */
  exec(path: string, argv: string[], env: string[]): Promise<never>;
  waitpid(pid: number, options?: { nohang?: boolean; untraced?: boolean; continued?: boolean }): Promise<WaitStatus | null>;
  exit(code: number): never;
  kill(pid: number, signal: number): void;
  getpgid(pid?: number): number;
  setpgid(pid: number, pgid: number): void;
  getsid(): number;
  setsid(): number;
  signal(signal: number, handler: SignalHandler): SignalHandler;
  /** Signals raised for this process and not yet delivered. */
  pending(): number[];

  // ---- time and scheduling ----------------------------------------------------
  /** Wall clock, ms since the epoch. */
  now(): number;
  /** Seconds since boot (fractional). */
  uptime(): number;
  sleep(ms: number): Promise<void>;
  /** A point where the scheduler may pause this process and signals are delivered. */
  checkpoint(): Promise<void>;

  // ---- memory ----------------------------------------------------------------
  /**
   * Accounts `bytes` more (or, negative, fewer) of this process's memory
   * against its cgroup. Past memory.max the OOM killer picks a victim; if it
   * is this process, the call does not return.
   */
  memory(bytes: number): void;
}

export type OpenMode = 'r' | 'w' | 'a' | 'r+' | 'w+' | 'a+' | { read: boolean; write: boolean; create?: boolean; exclusive?: boolean; truncate?: boolean; append?: boolean; noFollow?: boolean; directory?: boolean; nonblock?: boolean; cloexec?: boolean; noctty?: boolean };

/** Thrown to end a program: exit, exec, or a fatal signal. Never catch it for good. */
export class ProcessControl extends Error {
  override readonly name = 'ProcessControl';
  constructor(readonly reason: 'exit' | 'exec' | 'killed') {
    super(reason);
  }
}

export const isProcessControl = (err: unknown): err is ProcessControl => err instanceof ProcessControl;
