/**
 * The learner's host: the emulated machine the terminal opens on.
 *
 * Its disk holds an ordinary small Linux system — busybox and its applet
 * links, /etc with a `learner` account (uid 1000, in the docker group),
 * /home/learner — and, under /var/lib/berth, the Docker daemon's data,
 * the way /var/lib/docker sits on a real host.
 */
import { once } from '../common/once.ts';
import type { Platform, Disk } from '../platform/types.ts';
import { DiskFs } from '../fs/diskfs.ts';
import { FsError } from '../fs/errno.ts';
import { mkdirs } from '../fs/mkdirs.ts';
import { encodeExecutable } from '../common/executable.ts';
import { fromUtf8, utf8 } from '../common/bytes.ts';
import { boot, hostPipe, type Machine } from '../kernel/boot.ts';
import type { Process } from '../kernel/process.ts';
import type { ExitStatus } from '../kernel/process.ts';
import type { Tty } from '../kernel/tty.ts';
import { TtyFile } from '../kernel/tty.ts';
import { applets } from './applets/index.ts';
import { resolveProgram } from './programs.ts';
import type { Program, ProgramResolver } from '../kernel/sys.ts';

const loadExec = once(() => import('../kernel/exec.ts'));

export const LEARNER = { name: 'learner', uid: 1000, gid: 1000, home: '/home/learner' };
export const DOCKER_GID = 999;
export const HOST_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const ROOT = { uid: 0, gid: 0 };

export function writeHostFile(fs: DiskFs, path: string, content: string | Uint8Array, mode = 0o644, owner = ROOT): void {
  try {
    fs.unlink(path);
  } catch (err) {
    if (!(err instanceof FsError && err.code === 'ENOENT')) throw err;
  }
  fs.create(path, mode, owner);
  const h = fs.open(path, 'w');
  h.write(typeof content === 'string' ? utf8(content) : content, 0);
  h.close();
  fs.setattr(path, { mode });
}


/** Writes the host's files onto an empty disk. */
export function populateHost(fs: DiskFs): void {
  // A fresh disk's root directory is 0777; a Linux root is 0755.
  fs.setattr('/', { mode: 0o755 });
  for (const d of ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/etc', '/var', '/var/log', '/var/lib', '/run', '/srv', '/opt', '/mnt', '/media']) mkdirs(fs, d);
  mkdirs(fs, '/tmp', 0o1777);
  mkdirs(fs, '/root', 0o700);
  mkdirs(fs, '/home');
  mkdirs(fs, LEARNER.home, 0o755, { uid: LEARNER.uid, gid: LEARNER.gid });
  mkdirs(fs, '/var/lib/berth', 0o711);
  fs.symlink('/run', '/var/run', ROOT);

  writeHostFile(fs, '/bin/busybox', encodeExecutable({ program: 'busybox', version: '1.36.1' }), 0o755);
  for (const name of Object.keys(applets).sort()) fs.symlink('/bin/busybox', `/bin/${name}`, ROOT);
  // curl, as on the desktops learners come from: `curl localhost:8080` reaches a published port.
  writeHostFile(fs, '/usr/bin/curl', encodeExecutable({ program: 'curl', version: '8.10.1' }), 0o755);
  // git, as on those desktops too: the isomorphic-git based engine/userland/git.
  writeHostFile(fs, '/usr/bin/git', encodeExecutable({ program: 'git', version: '2.45.2' }), 0o755);

  writeHostFile(
    fs,
    '/etc/passwd',
    'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nlearner:x:1000:1000:Berth Learner:/home/learner:/bin/sh\n',
  );
  writeHostFile(fs, '/etc/group', `root:x:0:\ndaemon:x:1:\ntty:x:5:\nusers:x:100:\ndocker:x:${DOCKER_GID}:learner\nnogroup:x:65534:\nlearner:x:1000:\n`);
  writeHostFile(fs, '/etc/shadow', 'root:*:20000:0:99999:7:::\nlearner:*:20000:0:99999:7:::\n', 0o640);
  writeHostFile(fs, '/etc/hostname', 'berth\n');
  writeHostFile(fs, '/etc/hosts', '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\tberth\n');
  writeHostFile(fs, '/etc/shells', '/bin/sh\n/bin/ash\n');
  writeHostFile(
    fs,
    '/etc/os-release',
    'NAME="Berth"\nID=berth\nPRETTY_NAME="Berth emulated host"\nVERSION_ID="1"\nHOME_URL="https://github.com/berth"\n',
  );
  writeHostFile(
    fs,
    '/etc/profile',
    `export PATH="${HOST_PATH}"\nexport PAGER=less\numask 022\nif [ "$(id -u)" = 0 ]; then PS1='\\u@\\h:\\w# '; else PS1='\\u@\\h:\\w\\$ '; fi\nexport PS1\n`,
  );
  writeHostFile(fs, '/etc/motd', 'Welcome to Berth. Type docker commands here, or any shell command.\n');
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit code, or 128 + signal for a process killed by a signal (as the shell reports it). */
  code: number;
  status: ExitStatus;
}

export interface ProcessOptions {
  stdin?: string | Uint8Array;
  uid?: number;
  gid?: number;
  groups?: number[];
  cwd?: string;
  env?: Record<string, string>;
  /** The program file, when argv[0] is not it (a login shell's "-sh"). */
  path?: string;
}

/** A process started with pipes on its standard descriptors. */
export interface Spawned {
  process: Process;
  stdin: { write(data: string | Uint8Array): void; close(): void };
  stdout: AsyncIterable<Uint8Array>;
  stderr: AsyncIterable<Uint8Array>;
  ended: Promise<ExitStatus>;
}

/** The shell's view of a status: the exit code, or 128 + the signal. */
export function exitCode(status: ExitStatus): number {
  return status.kind === 'exited' ? status.code : 128 + status.signal;
}

export interface Host {
  machine: Machine;
  disk: Disk;
  rootfs: DiskFs;
  /** Starts a program file with argv (no shell) on pipes; rejects with the loader's error. */
  spawn(argv: string[], options?: ProcessOptions): Promise<Spawned>;
  /** Runs a program file with argv (no shell), collecting its output. */
  exec(argv: string[], options?: ProcessOptions): Promise<RunResult>;
  /** Starts a program on a terminal (an interactive session); resolves when it ends. */
  attach(argv: string[], tty: Tty, options?: ProcessOptions): { process: Process; ended: Promise<ExitStatus> };
  writeFile(path: string, content: string | Uint8Array, mode?: number, owner?: { uid: number; gid: number }): void;
  readFile(path: string): string;
}

export function learnerEnv(extra: Record<string, string> = {}): string[] {
  const env: Record<string, string> = {
    HOME: LEARNER.home,
    USER: LEARNER.name,
    LOGNAME: LEARNER.name,
    SHELL: '/bin/sh',
    PATH: HOST_PATH,
    TERM: 'xterm-256color',
    ...extra,
  };
  return Object.entries(env).map(([k, v]) => `${k}=${v}`);
}

export interface HostOptions {
  /** An existing disk (a saved host); a fresh one is populated otherwise. */
  disk?: Disk;
  /** Programs from layers above userland (the docker client), by the name their executables give. */
  programs?: Record<string, () => Promise<Program>>;
}

export function bootHost(platform: Platform, options: HostOptions = {}): Host {
  const disk = options.disk ?? platform.createDisk();
  const rootfs = new DiskFs(disk, disk.root, () => platform.now());
  if (!options.disk) populateHost(rootfs);
  const extra = options.programs ?? {};
  const programs: ProgramResolver = async (info) => (extra[info.program] ? extra[info.program]!() : resolveProgram(info));
  const machine = boot({ platform, rootfs, programs, hostname: 'berth' });
  const { kernel } = machine;

  const prepare = (argv: string[], opts: ProcessOptions) => {
    const p = kernel.createProcess(machine.init);
    p.uid = p.euid = opts.uid ?? LEARNER.uid;
    p.gid = p.egid = opts.gid ?? (opts.uid === 0 ? 0 : LEARNER.gid);
    p.groups = opts.groups ?? (p.uid === 0 ? [0] : [LEARNER.gid, DOCKER_GID]);
    p.cwd = opts.cwd ?? (p.uid === 0 ? '/root' : LEARNER.home);
    p.pgid = p.sid = p.pid;
    // As after execve: no handlers carried over from init (its SIGCHLD one would interrupt our waits).
    p.handlers.clear();
    return p;
  };

  const load = async (p: Process, argv: string[], env: string[], file?: string) => {
    const { loadImage } = await loadExec();
    const path = file ?? (argv[0]!.includes('/') ? argv[0]! : findInPath(rootfs, argv[0]!));
    p.image = await loadImage(machine.vfs, { uid: p.euid, gid: p.egid, groups: p.groups }, p.cwd, path, argv, env, programs);
  };

  return {
    machine,
    disk,
    rootfs,
    async spawn(argv, opts = {}) {
      const p = prepare(argv, opts);
      try {
        await load(p, argv, learnerEnv(opts.env), opts.path);
      } catch (err) {
        kernel.exit(p, { kind: 'exited', code: 127 });
        throw err;
      }
      const input = hostPipe(kernel, 'to-process');
      const out = hostPipe(kernel, 'from-process');
      const err = hostPipe(kernel, 'from-process');
      kernel.installFd(p, 0, input.processEnd);
      kernel.installFd(p, 1, out.processEnd);
      kernel.installFd(p, 2, err.processEnd);
      kernel.start(p);
      return {
        process: p,
        stdin: { write: (data) => input.write(typeof data === 'string' ? utf8(data) : data), close: () => input.close() },
        stdout: out.chunks(),
        stderr: err.chunks(),
        ended: p.ended,
      };
    },
    async exec(argv, opts = {}) {
      let child: Spawned;
      try {
        child = await this.spawn(argv, opts);
      } catch (err) {
        const text = err instanceof FsError ? err.message : String(err);
        return { stdout: '', stderr: `${argv[0]}: ${text}\n`, code: 127, status: { kind: 'exited', code: 127 } };
      }
      if (opts.stdin !== undefined) child.stdin.write(opts.stdin);
      child.stdin.close();
      const text = async (chunks: AsyncIterable<Uint8Array>) => {
        let s = '';
        for await (const chunk of chunks) s += fromUtf8(chunk);
        return s;
      };
      const [stdout, stderr] = await Promise.all([text(child.stdout), text(child.stderr)]);
      const status = await child.ended;
      return { stdout, stderr, status, code: exitCode(status) };
    },
    attach(argv, tty, opts = {}) {
      const p = prepare(argv, opts);
      const ended = (async () => {
        await load(p, argv, learnerEnv(opts.env), opts.path);
        const now = () => platform.now();
        for (const fd of [0, 1, 2]) kernel.installFd(p, fd, new TtyFile(tty, { readable: true, writable: true }, now));
        p.tty = tty;
        tty.sid = p.sid;
        tty.fgPgrp = p.pgid;
        kernel.start(p);
        return p.ended;
      })();
      return { process: p, ended };
    },
    writeFile(path, content, mode = 0o644, owner = ROOT) {
      mkdirs(rootfs, path.slice(0, path.lastIndexOf('/')) || '/');
      writeHostFile(rootfs, path, content, mode, owner);
    },
    readFile(path) {
      const h = rootfs.open(path, 'r');
      const buf = new Uint8Array(h.stat().size);
      h.read(buf, 0);
      h.close();
      return fromUtf8(buf);
    },
  };
}

function findInPath(fs: DiskFs, name: string): string {
  for (const dir of HOST_PATH.split(':')) {
    try {
      fs.lstat(`${dir}/${name}`);
      return `${dir}/${name}`;
    } catch {
      // keep looking
    }
  }
  return `/bin/${name}`;
}
