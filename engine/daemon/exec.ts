/**
 * `docker exec`: an exec instance is created (POST /containers/{id}/exec),
 * then started with its streams attached (POST /exec/{id}/start), and can be
 * inspected for its exit code afterwards, as in moby's daemon/exec.go.
 */
import { randomHex } from './ids.ts';
import { EngineError } from '../errors.ts';
import { RuntimeError, type RuntimeProcess } from '../runtime/types.ts';
import { resolveUser } from './spec.ts';
import type { Daemon } from './daemon.ts';
import type { Attachment } from './container.ts';

export interface ExecConfig {
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  Tty?: boolean;
  Cmd: string[];
  Env?: string[] | null;
  WorkingDir?: string;
  User?: string;
  Privileged?: boolean;
  Detach?: boolean;
  DetachKeys?: string;
  ConsoleSize?: [number, number] | null;
}

export interface ExecInstance {
  id: string;
  containerId: string;
  config: ExecConfig;
  running: boolean;
  exitCode: number | null;
  pid: number;
  process?: RuntimeProcess;
  ended?: Promise<void>;
}

export class Execs {
  private readonly instances = new Map<string, ExecInstance>();

  constructor(private readonly daemon: Daemon) {}

  create(ref: string, config: ExecConfig): { Id: string } {
    const c = this.daemon.container(ref);
    if (c.state === 'paused') throw new EngineError('Conflict', `container ${c.id} is paused, unpause the container before exec`);
    if (!c.running) throw new EngineError('Conflict', `container ${c.id} is not running`);
    if (!config.Cmd || config.Cmd.length === 0) throw new EngineError('InvalidArgument', 'No exec command specified');
    const id = randomHex(this.daemon.platform);
    this.instances.set(id, { id, containerId: c.id, config, running: false, exitCode: null, pid: 0 });
    c.execs.add(id);
    return { Id: id };
  }

  get(id: string): ExecInstance {
    const e = this.instances.get(id);
    if (!e) throw new EngineError('NotFound', `No such exec instance: ${id}`);
    return e;
  }

  /** Starts the process; output goes to `io`, which the caller attaches before anything is written. */
  async start(id: string, io: Attachment, options: { consoleSize?: { height: number; width: number } } = {}): Promise<ExecInstance> {
    const e = this.get(id);
    if (e.running || e.exitCode !== null) throw new EngineError('Conflict', `Error: Exec command ${id} has already run`);
    const d = this.daemon;
    const c = d.container(e.containerId);
    if (!c.running) throw new EngineError('Conflict', `container ${c.id} is not running`);
    const rootfs = d.options.snapshotter.mountFs(d.options.snapshotter.mounts(c.id));
    const user = resolveUser(rootfs, e.config.User || c.config.User);
    const env = [...(c.config.Env ?? [])];
    for (const v of e.config.Env ?? []) {
      const k = v.split('=')[0];
      const i = env.findIndex((x) => x.split('=')[0] === k);
      if (i >= 0) env[i] = v;
      else env.push(v);
    }
    if (!env.some((v) => v.startsWith('HOME='))) env.push(`HOME=${user.home}`);
    e.running = true;
    try {
      e.process = await d.options.runtime.exec(
        c.id,
        {
          terminal: e.config.Tty ?? false,
          ...(options.consoleSize ? { consoleSize: options.consoleSize } : {}),
          user: { uid: user.uid, gid: user.gid, additionalGids: user.additionalGids },
          args: e.config.Cmd,
          env,
          cwd: e.config.WorkingDir || c.config.WorkingDir || '/',
        },
        { stdin: e.config.AttachStdin ?? false, output: (s, data) => io.output(s, data) },
      );
    } catch (err) {
      e.running = false;
      e.exitCode = err instanceof RuntimeError && err.kind === 'not-found' ? 127 : 126;
      const msg = err instanceof Error ? err.message : String(err);
      throw new EngineError(err instanceof RuntimeError && (err.kind === 'not-found' || err.kind === 'permission') ? 'InvalidArgument' : 'Internal', `OCI runtime exec failed: exec failed: unable to start container process: ${msg}: unknown`);
    }
    e.pid = e.process.pid;
    d.events.emit('container', `exec_start: ${e.config.Cmd.join(' ')}`, c.id, { execID: id, image: c.image, name: c.name.slice(1) });
    e.ended = e.process.wait().then((info) => {
      e.running = false;
      e.exitCode = info.exitCode;
      e.process = undefined;
      c.execs.delete(id);
      io.end?.();
      d.events.emit('container', 'exec_die', c.id, { execID: id, exitCode: String(info.exitCode), image: c.image, name: c.name.slice(1) });
    });
    return e;
  }

  inspect(id: string) {
    const e = this.get(id);
    return {
      ID: e.id,
      Running: e.running,
      ExitCode: e.exitCode,
      ProcessConfig: { tty: e.config.Tty ?? false, entrypoint: e.config.Cmd[0], arguments: e.config.Cmd.slice(1), privileged: e.config.Privileged ?? false, user: e.config.User ?? '' },
      OpenStdin: e.config.AttachStdin ?? false,
      OpenStderr: e.config.AttachStderr ?? false,
      OpenStdout: e.config.AttachStdout ?? false,
      CanRemove: false,
      ContainerID: e.containerId,
      DetachKeys: e.config.DetachKeys ?? '',
      Pid: e.pid,
    };
  }
}
