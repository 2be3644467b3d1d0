/**
 * Container commands that act on one or more containers by name or id:
 * stop, kill, rm, restart, pause, unpause, rename, wait, logs, exec,
 * inspect, ps. Multi-container commands go on past a failure, print each
 * error, and exit 1, as docker/cli does.
 */
import { ApiError } from '../../api/client.ts';
import { demux } from '../../api/stream.ts';
import type { ContainerSummary } from '../../daemon/types.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, given, list, num, str } from '../cli.ts';
import { tabwrite } from '../format/tabwriter.ts';
import { timeAgo } from '../format/time.ts';
import { humanSize } from '../format/units.ts';
import { formatRows } from './formatting.ts';

/** Runs `each` for every argument; errors are printed and the exit status becomes 1. */
async function forEach(cli: Cli, refs: readonly string[], each: (ref: string) => Promise<void>, echo = true): Promise<number> {
  let failed = false;
  for (const ref of refs) {
    try {
      await each(ref);
      if (echo) await cli.out(`${ref}\n`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      await cli.err(`Error response from daemon: ${err.message}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

const enc = encodeURIComponent;

export const runStop = (cli: Cli, p: Parsed) =>
  forEach(cli, p.args, (ref) => cli.api.post(`/containers/${enc(ref)}/stop`, { t: given(p, 'timeout') ? num(p, 'timeout') : undefined, signal: str(p, 'signal') || undefined }));

export const runRestart = (cli: Cli, p: Parsed) =>
  forEach(cli, p.args, (ref) => cli.api.post(`/containers/${enc(ref)}/restart`, { t: given(p, 'timeout') ? num(p, 'timeout') : undefined, signal: str(p, 'signal') || undefined }));

export const runKill = (cli: Cli, p: Parsed) => forEach(cli, p.args, (ref) => cli.api.post(`/containers/${enc(ref)}/kill`, { signal: str(p, 'signal') || undefined }));
export const runPause = (cli: Cli, p: Parsed) => forEach(cli, p.args, (ref) => cli.api.post(`/containers/${enc(ref)}/pause`));
export const runUnpause = (cli: Cli, p: Parsed) => forEach(cli, p.args, (ref) => cli.api.post(`/containers/${enc(ref)}/unpause`));

export const runRm = (cli: Cli, p: Parsed) =>
  forEach(cli, p.args, async (ref) => {
    if (ref === '') throw new ApiError(400, 'invalid container name or ID: value is empty');
    await cli.api.delete(`/containers/${enc(ref)}`, { force: bool(p, 'force') ? 1 : undefined, v: bool(p, 'volumes') ? 1 : undefined });
  });

export async function runRename(cli: Cli, p: Parsed): Promise<number> {
  const [from, to] = p.args as [string, string];
  if (!to.trim()) throw new CommandError('Error: neither old nor new names may be empty', 1);
  await cli.api.post(`/containers/${enc(from)}/rename`, { name: to });
  return 0;
}

export async function runWait(cli: Cli, p: Parsed): Promise<number> {
  let failed = false;
  for (const ref of p.args) {
    try {
      const r = await cli.api.post<{ StatusCode: number }>(`/containers/${enc(ref)}/wait`);
      await cli.out(`${r.StatusCode}\n`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      await cli.err(`Error response from daemon: ${err.message}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/** --since/--until as Docker sends them: seconds since the epoch. Durations count back from now. */
function timeArg(value: string, now: number): string {
  if (value === '') return '';
  if (/^\d+(\.\d+)?$/.test(value)) return value;
  const dur = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)$/.exec(value) ?? null;
  if (dur || /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/.test(value)) {
    let ms = 0;
    for (const m of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) ms += Number(m[1]) * { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] as 'ms'];
    return ((now - ms) / 1000).toFixed(9);
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new CommandError(`invalid value for "since": failed to parse value as time or duration: "${value}"`, 1);
  return (t / 1000).toFixed(9);
}

export async function runLogs(cli: Cli, p: Parsed): Promise<number> {
  const ref = p.args[0]!;
  const info = await cli.api.get<{ Config: { Tty: boolean } }>(`/containers/${enc(ref)}/json`);
  const now = Date.now();
  const stream = await cli.api.stream('GET', `/containers/${enc(ref)}/logs`, {
    stdout: 1,
    stderr: 1,
    follow: bool(p, 'follow') ? 1 : undefined,
    timestamps: bool(p, 'timestamps') ? 1 : undefined,
    since: timeArg(str(p, 'since'), now) || undefined,
    until: timeArg(str(p, 'until'), now) || undefined,
    tail: str(p, 'tail') || 'all',
  });
  if (info.Config.Tty) for await (const chunk of stream) await cli.out(chunk);
  else for await (const f of demux(stream)) await cli.sys.write(f.stream === 2 ? 2 : 1, f.data);
  return 0;
}

export async function runExec(cli: Cli, p: Parsed): Promise<number> {
  const [ref, ...cmd] = p.args as [string, ...string[]];
  const tty = bool(p, 'tty');
  const interactive = bool(p, 'interactive');
  const detach = bool(p, 'detach');
  if (tty && interactive && !cli.stdinTty) throw new CommandError('the input device is not a TTY', 1);
  const body = { User: str(p, 'user'), Privileged: bool(p, 'privileged'), Tty: tty, AttachStdin: interactive && !detach, AttachStderr: !detach, AttachStdout: !detach, Detach: detach, Cmd: cmd, Env: list(p, 'env'), WorkingDir: str(p, 'workdir'), ...(tty ? { ConsoleSize: [cli.size().height, cli.size().width] } : {}) };
  const { Id } = await cli.api.post<{ Id: string }>(`/containers/${enc(ref)}/exec`, undefined, body);
  if (detach) {
    await cli.api.post(`/exec/${Id}/start`, undefined, { Detach: true, Tty: tty });
    return 0;
  }
  let session;
  try {
    session = await cli.api.session(`/exec/${Id}/start`, undefined, { Detach: false, Tty: tty, ...(tty ? { ConsoleSize: [cli.size().height, cli.size().width] } : {}) });
  } catch (err) {
    if (err instanceof ApiError) {
      await cli.err(`${err.message}\n`);
      return /executable file not found|no such file or directory/.test(err.message) ? 127 : 126;
    }
    throw err;
  }
  if (!session) return 0;
  const restore = tty && interactive ? cli.raw() : () => undefined;
  try {
    if (interactive) {
      void (async () => {
        for (;;) {
          const chunk = await cli.readStdin().catch(() => new Uint8Array(0));
          if (chunk.length === 0) return session.closeWrite();
          session.write(chunk);
        }
      })();
    }
    if (tty) for await (const chunk of session.output) await cli.out(chunk);
    else for await (const f of demux(session.output)) await cli.sys.write(f.stream === 2 ? 2 : 1, f.data);
  } finally {
    restore();
  }
  const r = await cli.api.get<{ ExitCode: number | null }>(`/exec/${Id}/json`);
  return r.ExitCode ?? 0;
}

/** docker inspect / container inspect: a JSON array indented as Go's json.MarshalIndent (4 spaces). */
export async function runInspect(cli: Cli, p: Parsed, kind?: 'container' | 'image'): Promise<number> {
  const found: unknown[] = [];
  let failed = false;
  for (const ref of p.args) {
    let obj: unknown;
    const tries = kind === 'image' ? ['image'] : kind === 'container' ? ['container'] : ['container', 'image'];
    for (const t of tries) {
      try {
        obj = await cli.api.get(t === 'container' ? `/containers/${enc(ref)}/json` : `/images/${enc(ref)}/json`, t === 'container' && bool(p, 'size') ? { size: 1 } : undefined);
        break;
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 404) throw err;
      }
    }
    if (obj === undefined) {
      await cli.err(`Error: No such ${kind ?? 'object'}: ${ref}\n`);
      failed = true;
      continue;
    }
    found.push(obj);
  }
  const format = str(p, 'format');
  if (format) {
    const { renderTemplate } = await import('./formatting.ts');
    for (const o of found) await cli.out(`${await renderTemplate(format, o)}\n`);
  } else {
    await cli.out(`${JSON.stringify(found, null, 4).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}\n`);
  }
  return failed ? 1 : 0;
}

/** "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp" — docker/cli's DisplayablePorts, without range folding. */
export function displayPorts(ports: ContainerSummary['Ports']): string {
  const sorted = [...ports].sort((a, b) => (a.PublicPort ?? 0) - (b.PublicPort ?? 0) || a.PrivatePort - b.PrivatePort || (a.IP ?? '').localeCompare(b.IP ?? '') * -1);
  return sorted
    .map((pt) => {
      if (pt.PublicPort === undefined) return `${pt.PrivatePort}/${pt.Type}`;
      const ip = pt.IP?.includes(':') ? `[${pt.IP}]` : pt.IP;
      return `${ip}:${pt.PublicPort}->${pt.PrivatePort}/${pt.Type}`;
    })
    .join(', ');
}

function ellipsis(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

export async function runPs(cli: Cli, p: Parsed): Promise<number> {
  const filters: Record<string, string[]> = {};
  for (const f of list(p, 'filter')) {
    const i = f.indexOf('=');
    if (i < 0) throw new CommandError(`bad format of filter (expected name=value)`, 1);
    (filters[f.slice(0, i)] ??= []).push(f.slice(i + 1));
  }
  const rows = await cli.api.get<ContainerSummary[]>('/containers/json', {
    all: bool(p, 'all') ? 1 : undefined,
    limit: bool(p, 'latest') ? 1 : given(p, 'last') && num(p, 'last') > 0 ? num(p, 'last') : undefined,
    size: bool(p, 'size') ? 1 : undefined,
    filters: Object.keys(filters).length ? JSON.stringify(filters) : undefined,
  });
  const trunc = !bool(p, 'no-trunc');
  if (bool(p, 'quiet')) {
    for (const c of rows) await cli.out(`${trunc ? c.Id.slice(0, 12) : c.Id}\n`);
    return 0;
  }
  const now = Date.now();
  const fields = rows.map((c) => ({
    ID: trunc ? c.Id.slice(0, 12) : c.Id,
    Image: trunc && c.Image.startsWith('sha256:') ? c.Image.slice(7, 19) : c.Image,
    Command: JSON.stringify(trunc ? ellipsis(c.Command, 20) : c.Command),
    CreatedAt: new Date(c.Created * 1000).toISOString(),
    RunningFor: timeAgo(c.Created * 1000, now),
    Ports: displayPorts(c.Ports),
    State: c.State,
    Status: c.Status,
    Size: c.SizeRw !== undefined ? `${humanSize(c.SizeRw)} (virtual ${humanSize(c.SizeRootFs ?? 0)})` : '',
    Names: c.Names.map((n) => n.slice(1)).join(','),
    Labels: Object.entries(c.Labels).map(([k, v]) => `${k}=${v}`).join(','),
    Mounts: c.Mounts.map((m) => m.Name ?? m.Source).join(','),
    Networks: Object.keys(c.NetworkSettings.Networks).join(','),
  }));
  const format = str(p, 'format');
  if (format) {
    await cli.out(await formatRows(format, fields, PS_HEADERS));
    return 0;
  }
  const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', ...(bool(p, 'size') ? ['SIZE'] : [])];
  const lines = [header.join('\t'), ...fields.map((f) => [f.ID, f.Image, f.Command, f.RunningFor, f.Status, f.Ports, f.Names, ...(bool(p, 'size') ? [f.Size] : [])].join('\t'))];
  await cli.out(tabwrite(lines.join('\n') + '\n'));
  return 0;
}

export const PS_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS', Mounts: 'MOUNTS', Networks: 'NETWORKS',
};

