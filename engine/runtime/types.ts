/**
 * The runtime: the one pluggable part of the engine.
 *
 * The daemon describes a container the way Docker describes it to runc: a
 * *bundle* — the root filesystem (mounts as data, from the snapshotter) and
 * an OCI runtime config (the process to run, namespaces, mounts, cgroup
 * limits) — and then drives its life with create / start / kill / wait /
 * delete, plus exec for `docker exec`. The emulated kernel implements this
 * (engine/kernel/runtime.ts); the native bridge implements it with runc on a
 * real Linux host. The daemon never knows which one it has.
 */
import type { Mount } from '../snapshot/types.ts';

/** The subset of the OCI runtime spec (config.json) that Docker fills in. */
export interface OciSpec {
  ociVersion: string;
  process: OciProcess;
  root: { path: string; readonly?: boolean };
  hostname?: string;
  domainname?: string;
  mounts: OciMount[];
  linux: OciLinux;
  annotations?: Record<string, string>;
}

export interface OciProcess {
  terminal?: boolean;
  consoleSize?: { height: number; width: number };
  user: { uid: number; gid: number; umask?: number; additionalGids?: number[] };
  args: string[];
  env: string[];
  cwd: string;
  capabilities?: { bounding?: string[]; effective?: string[]; permitted?: string[] };
  noNewPrivileges?: boolean;
  oomScoreAdj?: number;
  rlimits?: { type: string; hard: number; soft: number }[];
}

export interface OciMount {
  destination: string;
  type?: string;
  source?: string;
  options?: string[];
}

export type NamespaceType = 'pid' | 'network' | 'mount' | 'ipc' | 'uts' | 'user' | 'cgroup';

export interface OciLinux {
  /** Without `path` a new namespace; with it, join another container's ("container:web"). */
  namespaces: { type: NamespaceType; path?: string }[];
  resources?: OciResources;
  cgroupsPath?: string;
  maskedPaths?: string[];
  readonlyPaths?: string[];
  sysctl?: Record<string, string>;
}

export interface OciResources {
  memory?: { limit?: number; reservation?: number; swap?: number };
  /** quota/period in µs; shares as cgroup v1 numbers. */
  cpu?: { shares?: number; quota?: number; period?: number; cpus?: string };
  pids?: { limit: number };
}

export interface Bundle {
  /** The container's root filesystem, as the snapshotter describes it. */
  rootfs: Mount[];
  spec: OciSpec;
}

/** Where a container's output goes and how its input arrives. */
export interface ContainerIO {
  /** Stream 1 is stdout, 2 stderr; with a terminal everything arrives on 1. */
  output(stream: 1 | 2, data: Uint8Array): void;
  /** Whether to keep stdin open (docker run -i); without it, stdin reads as empty. */
  stdin: boolean;
}

/** A process the runtime started, to feed and to resize. */
export interface RuntimeProcess {
  /** The host's pid (what `docker inspect` shows as State.Pid). */
  pid: number;
  write(data: Uint8Array): void;
  closeStdin(): void;
  resize(size: { height: number; width: number }): void;
  wait(): Promise<ExitInfo>;
}

export interface ExitInfo {
  exitCode: number;
  /** Set when a signal ended the process (exitCode is then 128 + signal). */
  signal?: number;
  oomKilled: boolean;
  exitedAt: number;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'stopped';

export interface ContainerStats {
  memory: { usage: number; limit: number; peak: number; oomKills: number };
  /** Total CPU time used, µs, and how it was throttled. */
  cpu: { usageUsec: number; onlineCpus: number; throttledPeriods: number; periods: number; throttledUsec: number };
  pids: { current: number; limit: number };
  /** Wall-clock time of the reading, ms. */
  read: number;
}

export interface ProcessInfo {
  /** Host pid. */
  pid: number;
  ppid: number;
  uid: number;
  /** Start time, ms since the epoch. */
  started: number;
  /** CPU time, ms. */
  cpuMs: number;
  tty: string;
  command: string;
}

/** Runtime failures carry runc's wording; the daemon adds Docker's prefix. */
export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';
  constructor(
    message: string,
    readonly kind: 'not-found' | 'permission' | 'exec' | 'state' | 'invalid' = 'exec',
  ) {
    super(message);
  }
}

export interface Runtime {
  readonly name: string;
  /** Sets the container up (namespaces, mounts, cgroup) and checks its program; nothing runs yet. */
  create(id: string, bundle: Bundle, io: ContainerIO): Promise<void>;
  /** Runs the container's process. */
  start(id: string): Promise<RuntimeProcess>;
  /** Signals the container's init (or, with all, every process in it). */
  kill(id: string, signal: number, all?: boolean): Promise<void>;
  /** Resolves when the container's init has exited. */
  wait(id: string): Promise<ExitInfo>;
  /** Removes what create set up. The container must not be running. */
  delete(id: string): Promise<void>;
  exec(id: string, process: OciProcess, io: ContainerIO): Promise<RuntimeProcess>;
  state(id: string): { status: ContainerStatus; pid: number };
  pause(id: string): Promise<void>;
  resume(id: string): Promise<void>;
  update(id: string, resources: OciResources): Promise<void>;
  stats(id: string): ContainerStats;
  processes(id: string): ProcessInfo[];
}
