/**
 * docker run, create and start: flags to a create request (docker/cli's
 * opts/parse.go), the "Unable to find image" pull, and the attach → wait →
 * start sequence with stdin, the terminal and the exit status carried over.
 */
import { ApiError } from '../../api/client.ts';
import { demux } from '../../api/stream.ts';
import { familiarString, parseReference } from '../../image/reference.ts';
import type { CreateBody, PortMap } from '../../daemon/types.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, given, list, num, str } from '../cli.ts';
import { displayJsonMessages } from '../progress.ts';

function parsePorts(specs: string[]): { exposed: Record<string, object>; bindings: PortMap } {
  const exposed: Record<string, object> = {};
  const bindings: PortMap = {};
  for (const spec of specs) {
    const [rest, proto = 'tcp'] = spec.split('/') as [string, string?];
    const parts = rest.split(':');
    const container = parts.pop()!;
    const hostPort = parts.pop() ?? '';
    const hostIp = parts.join(':');
    const range = (text: string) => {
      const [a, b] = text.split('-');
      const lo = Number(a);
      const hi = b === undefined ? lo : Number(b);
      if (!/^\d+(-\d+)?$/.test(text) || lo < 1 || hi > 65535 || hi < lo) return undefined;
      return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    };
    const cports = range(container);
    if (!cports) throw new CommandError(`invalid containerPort: ${container}`, 125);
    const hports = hostPort === '' ? undefined : range(hostPort);
    if (hostPort !== '' && !hports) throw new CommandError(`invalid hostPort: ${hostPort}`, 125);
    if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new CommandError(`invalid proto: ${proto}`, 125);
    cports.forEach((p, i) => {
      const key = `${p}/${proto}`;
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: hostIp, HostPort: hports ? String(hports.length === 1 ? hports[0] : hports[i]) : '' });
    });
  }
  return { exposed, bindings };
}

function parseRestart(text: string): { Name: 'no' | 'always' | 'on-failure' | 'unless-stopped'; MaximumRetryCount: number } {
  const [name = 'no', count] = text.split(':');
  if (!['no', 'always', 'on-failure', 'unless-stopped', ''].includes(name)) throw new CommandError(`invalid restart policy format: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`, 125);
  if (count !== undefined && name !== 'on-failure') throw new CommandError(`invalid restart policy format: maximum retry count can only be used with 'on-failure'`, 125);
  return { Name: (name || 'no') as 'no', MaximumRetryCount: count === undefined ? 0 : Number(count) };
}

/** The create request for `docker run`/`docker create` flags (args: IMAGE [COMMAND] [ARG...]). */
export async function createBody(cli: Cli, p: Parsed): Promise<CreateBody> {
  const [image, ...cmd] = p.args as [string, ...string[]];
  const env = [...list(p, 'env')];
  for (const file of list(p, 'env-file')) {
    let text: string;
    try {
      text = await readHostFile(cli, file);
    } catch {
      throw new CommandError(`open ${file}: no such file or directory`, 125);
    }
    for (const line of text.split('\n')) {
      const l = line.trim();
      if (l && !l.startsWith('#')) env.push(l);
    }
  }
  const resolvedEnv = env.map((e) => (e.includes('=') ? e : cli.env(e) !== undefined ? `${e}=${cli.env(e)}` : e)).filter((e) => e.includes('='));
  const ports = parsePorts(list(p, 'publish'));
  for (const e of list(p, 'expose')) ports.exposed[e.includes('/') ? e : `${e}/tcp`] = {};
  const labels: Record<string, string> = {};
  for (const l of list(p, 'label')) labels[l.split('=')[0]!] = l.includes('=') ? l.slice(l.indexOf('=') + 1) : '';
  const binds: string[] = [];
  const volumes: Record<string, object> = {};
  for (const v of list(p, 'volume')) {
    const parts = v.split(':');
    if (parts.length === 1) volumes[v] = {};
    else binds.push(v);
  }
  const mounts = list(p, 'mount').map((m) => {
    const kv = Object.fromEntries(m.split(',').map((f) => (f.includes('=') ? [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)] : [f, 'true'])));
    const target = kv.target ?? kv.dst ?? kv.destination;
    if (!target) throw new CommandError(`invalid argument "${m}" for "--mount" flag: target is required`, 125);
    return { Type: (kv.type ?? 'volume') as 'volume', Source: kv.source ?? kv.src, Target: target, ReadOnly: kv.readonly === 'true' || kv.ro === 'true' };
  });
  const detach = bool(p, 'detach');
  const interactive = bool(p, 'interactive');
  const entrypoint = given(p, 'entrypoint') ? (str(p, 'entrypoint') === '' ? [''] : [str(p, 'entrypoint')]) : null;
  const network = str(p, 'network') || 'default';
  // container.PidMode.Valid: '', 'host' or 'container:<name|id>'.
  const pidMode = str(p, 'pid');
  const [pidKind, ...pidRest] = pidMode.split(':');
  if (!((pidKind === '' || pidKind === 'host') && pidRest.length === 0) && !(pidKind === 'container' && pidRest.length === 1 && pidRest[0] !== '')) {
    throw new CommandError('--pid: invalid PID mode', 125);
  }
  return {
    Hostname: str(p, 'hostname'),
    Domainname: '',
    User: str(p, 'user'),
    AttachStdin: !detach && interactive,
    AttachStdout: !detach,
    AttachStderr: !detach,
    ExposedPorts: ports.exposed,
    Tty: bool(p, 'tty'),
    OpenStdin: interactive,
    StdinOnce: !detach && interactive,
    Env: resolvedEnv.length ? resolvedEnv : null,
    Cmd: cmd.length ? cmd : null,
    Image: image,
    Volumes: volumes,
    WorkingDir: str(p, 'workdir'),
    Entrypoint: entrypoint,
    OnBuild: null,
    Labels: labels,
    ...(given(p, 'stop-signal') ? { StopSignal: str(p, 'stop-signal') } : {}),
    ...(given(p, 'stop-timeout') ? { StopTimeout: num(p, 'stop-timeout') } : {}),
    HostConfig: {
      Binds: binds.length ? binds : null,
      NetworkMode: network,
      PortBindings: ports.bindings,
      RestartPolicy: parseRestart(str(p, 'restart') || 'no'),
      AutoRemove: bool(p, 'rm'),
      CapAdd: list(p, 'cap-add').length ? list(p, 'cap-add') : null,
      CapDrop: list(p, 'cap-drop').length ? list(p, 'cap-drop') : null,
      Links: list(p, 'link').length ? list(p, 'link') : null,
      PidMode: pidMode,
      PublishAllPorts: bool(p, 'publish-all'),
      ReadonlyRootfs: bool(p, 'read-only'),
      Memory: num(p, 'memory'),
      MemorySwap: num(p, 'memory-swap'),
      // The flag's value is NanoCPUs already (opts.ts parses --cpus 1.5 as 1500000000).
      NanoCpus: num(p, 'cpus'),
      CpuShares: num(p, 'cpu-shares'),
      PidsLimit: given(p, 'pids-limit') ? num(p, 'pids-limit') : null,
      Mounts: mounts,
      ...(list(p, 'tmpfs').length ? { Tmpfs: Object.fromEntries(list(p, 'tmpfs').map((t) => [t.split(':')[0]!, t.includes(':') ? t.slice(t.indexOf(':') + 1) : ''])) } : {}),
      Privileged: bool(p, 'privileged'),
      ExtraHosts: list(p, 'add-host').length ? list(p, 'add-host') : null,
      Dns: list(p, 'dns'),
    },
    NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: list(p, 'network-alias').length ? list(p, 'network-alias') : null } } },
  };
}

async function readHostFile(cli: Cli, path: string): Promise<string> {
  const fd = cli.sys.open(path, 'r');
  try {
    let text = '';
    for (;;) {
      const chunk = await cli.sys.read(fd);
      if (chunk.length === 0) return text;
      text += new TextDecoder().decode(chunk);
    }
  } finally {
    cli.sys.close(fd);
  }
}

/** POST /images/create with the progress shown on `write`; throws the daemon's error. */
export async function pull(cli: Cli, ref: string, write: (text: string) => Promise<void>, tty: boolean): Promise<void> {
  const r = parseReference(ref);
  const stream = await cli.api.stream('POST', '/images/create', { fromImage: r.domain === 'docker.io' ? `docker.io/${r.path}` : `${r.domain}/${r.path}`, tag: r.digest ?? r.tag ?? 'latest' });
  await displayJsonMessages(stream, write, tty);
}

/** Creates the container, pulling its image first if the daemon lacks it. */
async function create(cli: Cli, p: Parsed, body: CreateBody): Promise<string> {
  const name = str(p, 'name') || undefined;
  try {
    parseReference(body.Image);
  } catch (err) {
    throw new CommandError((err as Error).message, 125);
  }
  try {
    return (await cli.api.post<{ Id: string }>('/containers/create', { name }, body)).Id;
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404 || !err.message.startsWith('No such image')) throw err;
    const pullPolicy = str(p, 'pull') || 'missing';
    if (pullPolicy === 'never') throw err;
    let shown: string;
    try {
      const r = parseReference(body.Image);
      shown = familiarString(r.tag || r.digest ? r : { ...r, tag: 'latest' });
    } catch {
      throw err;
    }
    await cli.err(`Unable to find image '${shown}' locally\n`);
    await pull(cli, body.Image, (t) => cli.err(t), cli.sys.isatty(2));
    return (await cli.api.post<{ Id: string }>('/containers/create', { name }, body)).Id;
  }
}

export async function runCreate(cli: Cli, p: Parsed): Promise<number> {
  const body = await createBody(cli, p);
  const id = await create(cli, p, body);
  await cli.out(`${id}\n`);
  return 0;
}

export async function runRun(cli: Cli, p: Parsed): Promise<number> {
  const body = await createBody(cli, p);
  if (body.Tty && bool(p, 'interactive') && !cli.stdinTty) throw new CommandError('the input device is not a TTY', 1);
  const id = await create(cli, p, body);
  if (bool(p, 'detach')) {
    await cli.api.post(`/containers/${id}/start`);
    await cli.out(`${id}\n`);
    return 0;
  }
  return attachAndStart(cli, id, { tty: body.Tty ?? false, stdin: bool(p, 'interactive'), autoRemove: bool(p, 'rm'), start: true });
}

/**
 * Attaches, starts (unless already running) and relays streams until the
 * container stops; returns its exit status. Ctrl-P Ctrl-Q detaches from a
 * terminal session, as Docker's default detach keys.
 */
export async function attachAndStart(cli: Cli, id: string, o: { tty: boolean; stdin: boolean; autoRemove: boolean; start: boolean; logs?: boolean }): Promise<number> {
  const session = await cli.api.session(`/containers/${id}/attach`, { stream: 1, stdin: o.stdin ? 1 : undefined, stdout: 1, stderr: 1, logs: o.logs ? 1 : undefined });
  if (!session) throw new CommandError('attach failed', 1);
  const waiting = o.start ? cli.api.post<{ StatusCode: number; Error: null | { Message: string } }>(`/containers/${id}/wait`, { condition: o.autoRemove ? 'removed' : 'next-exit' }) : undefined;
  const restore = o.tty && o.stdin ? cli.raw() : () => undefined;
  let detached = false;
  try {
    if (o.start) {
      try {
        await cli.api.post(`/containers/${id}/start`);
      } catch (err) {
        if (err instanceof ApiError) {
          const code = /executable file not found|no such file or directory/.test(err.message) ? 127 : /permission denied/.test(err.message) ? 126 : 125;
          restore();
          await cli.err(`docker: Error response from daemon: ${err.message}\n\nRun 'docker run --help' for more information\n`);
          if (o.autoRemove) await cli.api.delete(`/containers/${id}`, { force: 1 }).catch(() => undefined);
          return code;
        }
        throw err;
      }
    }
    if (o.tty) {
      const size = cli.size();
      await cli.api.post(`/containers/${id}/resize`, { h: size.height, w: size.width }).catch(() => undefined);
    }
    let detachResolve!: () => void;
    const detachedP = new Promise<void>((r) => (detachResolve = r));
    if (o.stdin) {
      void (async () => {
        let prev = -1;
        for (;;) {
          const chunk = await cli.readStdin().catch(() => new Uint8Array(0));
          if (chunk.length === 0) {
            session.closeWrite();
            return;
          }
          if (o.tty) {
            for (const b of chunk) {
              if (prev === 0x10 && b === 0x11) {
                detached = true;
                detachResolve();
                return;
              }
              prev = b;
            }
          }
          session.write(chunk);
        }
      })();
    }
    const pump = (async () => {
      if (o.tty) for await (const chunk of session.output) await cli.out(chunk);
      else for await (const f of demux(session.output)) await cli.sys.write(f.stream === 2 ? 2 : 1, f.data);
    })();
    await Promise.race([pump, detachedP]);
  } finally {
    restore();
  }
  if (detached) return 0;
  if (!waiting) {
    const info = await cli.api.get<{ State: { ExitCode: number } }>(`/containers/${id}/json`).catch(() => undefined);
    return info?.State.ExitCode ?? 0;
  }
  const result = await waiting;
  return result.StatusCode;
}

export async function runStart(cli: Cli, p: Parsed): Promise<number> {
  const attach = bool(p, 'attach');
  const interactive = bool(p, 'interactive');
  if (attach || interactive) {
    if (p.args.length > 1) throw new CommandError('you cannot start and attach multiple containers at once', 1);
    const ref = p.args[0]!;
    const info = await cli.api.get<{ Id: string; Config: { Tty: boolean; OpenStdin: boolean }; HostConfig: { AutoRemove: boolean } }>(`/containers/${encodeURIComponent(ref)}/json`);
    return attachAndStart(cli, info.Id, { tty: info.Config.Tty, stdin: interactive && info.Config.OpenStdin, autoRemove: info.HostConfig.AutoRemove, start: true });
  }
  const failed: string[] = [];
  for (const ref of p.args) {
    try {
      await cli.api.post(`/containers/${encodeURIComponent(ref)}/start`);
      await cli.out(`${ref}\n`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      await cli.err(`Error response from daemon: ${err.message}\n`);
      failed.push(ref);
    }
  }
  if (failed.length) throw new CommandError(`Error: failed to start containers: ${failed.join(', ')}`, 1);
  return 0;
}

export async function runAttach(cli: Cli, p: Parsed): Promise<number> {
  const ref = p.args[0]!;
  const info = await cli.api.get<{ Id: string; State: { Running: boolean; Paused: boolean }; Config: { Tty: boolean; OpenStdin: boolean } }>(`/containers/${encodeURIComponent(ref)}/json`);
  if (!info.State.Running) throw new CommandError('You cannot attach to a stopped container, start it first', 1);
  if (info.State.Paused) throw new CommandError('You cannot attach to a paused container, unpause it first', 1);
  const stdin = !bool(p, 'no-stdin') && info.Config.OpenStdin;
  await attachAndStart(cli, info.Id, { tty: info.Config.Tty, stdin, autoRemove: false, start: false });
  const after = await cli.api.get<{ State: { Running: boolean; ExitCode: number } }>(`/containers/${info.Id}/json`).catch(() => undefined);
  return after && !after.State.Running ? after.State.ExitCode : 0;
}
