/**
 * A container as the daemon keeps it: its configuration, its state machine
 * (created → running ⇄ paused → exited, restarting, removing, dead), its
 * logs, and the streams of whoever is attached.
 *
 * The status text follows moby's container/state.go `State.String()`:
 * "Up 9 seconds", "Up 2 minutes (Paused)", "Restarting (1) 5 seconds ago",
 * "Exited (0) 2 minutes ago", "Created", "Removal In Progress", "Dead".
 */
import { humanDuration } from '../common/duration.ts';
import { rfc3339Nano, ZERO_TIME } from '../common/time.ts';
import type { RuntimeProcess } from '../runtime/types.ts';
import type { ContainerConfig, ContainerState, EndpointSettings, HostConfig, MountPoint } from './types.ts';

export interface LogEntry {
  stream: 1 | 2;
  /** ms since the epoch. */
  time: number;
  data: Uint8Array;
}

/** Someone attached (docker run without -d, docker attach, docker logs -f). */
export interface Attachment {
  output(stream: 1 | 2, data: Uint8Array): void;
  /** The container's process ended (or a restart will follow). */
  end?(): void;
}

export class Container {
  state: ContainerState['Status'] = 'created';
  pid = 0;
  exitCode = 0;
  error = '';
  oomKilled = false;
  startedAt = 0;
  finishedAt = 0;
  restartCount = 0;
  /** Set by `docker stop`/`kill` so that the restart policy leaves it down. */
  manualStop = false;
  /** Whether the container has ever started (Docker's State.StartedAt is zero until then). */
  everStarted = false;
  process?: RuntimeProcess;
  /** Resolves when the current run ends. */
  exited?: Promise<void>;
  readonly logs: LogEntry[] = [];
  logBytes = 0;
  readonly attachments = new Set<Attachment>();
  mounts: MountPoint[] = [];
  networks: Record<string, EndpointSettings> = {};
  /** What the create request asked of each network (aliases, a fixed address). */
  endpointsConfig: Record<string, Partial<EndpointSettings>> = {};
  /** Exec instances running in this container. */
  readonly execs = new Set<string>();
  /** Waiters for `wait?condition=…`. */
  readonly waiters: { condition: 'not-running' | 'next-exit' | 'removed'; resolve(code: { StatusCode: number; Error: null | { Message: string } }): void }[] = [];

  constructor(
    readonly id: string,
    public name: string,
    readonly created: number,
    readonly image: string,
    readonly imageId: string,
    readonly config: ContainerConfig,
    readonly hostConfig: HostConfig,
    readonly path: string,
    readonly args: string[],
  ) {}

  get running(): boolean {
    return this.state === 'running' || this.state === 'paused';
  }

  /** The State object of `docker inspect`. */
  stateJson(): ContainerState {
    return {
      Status: this.state,
      Running: this.running,
      Paused: this.state === 'paused',
      Restarting: this.state === 'restarting',
      OOMKilled: this.oomKilled,
      Dead: this.state === 'dead',
      Pid: this.running ? this.pid : 0,
      ExitCode: this.exitCode,
      Error: this.error,
      StartedAt: this.everStarted ? rfc3339Nano(this.startedAt) : ZERO_TIME,
      FinishedAt: this.finishedAt ? rfc3339Nano(this.finishedAt) : ZERO_TIME,
    };
  }

  /** The Status column of `docker ps`. */
  statusText(now: number): string {
    switch (this.state) {
      case 'running':
        return `Up ${humanDuration(now - this.startedAt)}`;
      case 'paused':
        return `Up ${humanDuration(now - this.startedAt)} (Paused)`;
      case 'restarting':
        return `Restarting (${this.exitCode}) ${humanDuration(now - this.finishedAt)} ago`;
      case 'removing':
        return 'Removal In Progress';
      case 'dead':
        return 'Dead';
      case 'created':
        return 'Created';
      case 'exited':
        if (!this.finishedAt) return 'Created';
        return `Exited (${this.exitCode}) ${humanDuration(now - this.finishedAt)} ago`;
    }
  }

  /** Appends output to the log (capped like json-file's rotation) and to every attachment. */
  output(stream: 1 | 2, data: Uint8Array, now: number, maxBytes: number): void {
    this.logs.push({ stream, time: now, data });
    this.logBytes += data.length;
    while (this.logBytes > maxBytes && this.logs.length > 1) this.logBytes -= this.logs.shift()!.data.length;
    for (const a of this.attachments) a.output(stream, data);
  }

  /** The command as moby's list shows it: arguments with spaces in single quotes. */
  command(): string {
    if (this.args.length === 0) return this.path;
    return `${this.path} ${this.args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
  }

  /** Resolves the waiters whose condition is met. */
  settle(event: 'exit' | 'removed'): void {
    const body = { StatusCode: this.exitCode, Error: this.error && event === 'exit' ? { Message: this.error } : null };
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i]!;
      if (event === 'removed' ? true : w.condition !== 'removed') {
        this.waiters.splice(i, 1);
        w.resolve({ ...body, Error: null });
      }
    }
  }
}
