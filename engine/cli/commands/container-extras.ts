/**
 * docker top, diff, commit, port, update, container prune and export, as
 * docker/cli 28 runs them (cli/command/container/*.go): the same requests,
 * tables, messages and exit statuses. `docker stats` is in container-stats.ts,
 * `docker cp` in container-cp.ts.
 */
import { ApiError } from '../../api/client.ts';
import { fromUtf8 } from '../../common/bytes.ts';
import { formatReference, parseNormalizedNamed } from '../../image/reference.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, list, num, str } from '../cli.ts';
import { tabwrite } from '../format/tabwriter.ts';
import { humanSize4 } from '../format/units.ts';

const enc = encodeURIComponent;

/** A CLI-side failure, printed as is with status 1. */
const fail = (message: string) => new CommandError(message, 1);

export async function runTop(cli: Cli, p: Parsed): Promise<number> {
  const [ref, ...args] = p.args as [string, ...string[]];
  const r = await cli.api.get<{ Titles: string[]; Processes: string[][] }>(`/containers/${enc(ref)}/top`, args.length ? { ps_args: args.join(' ') } : undefined);
  const lines = [r.Titles.join('\t'), ...r.Processes.map((proc) => proc.join('\t'))];
  await cli.out(tabwrite(lines.join('\n') + '\n', { minwidth: 20, padding: 3 }));
  return 0;
}

export async function runDiff(cli: Cli, p: Parsed): Promise<number> {
  const ref = p.args[0]!;
  if (ref === '') throw fail('Container name cannot be empty');
  const changes = await cli.api.get<{ Path: string; Kind: 0 | 1 | 2 }[] | null>(`/containers/${enc(ref)}/changes`);
  await cli.out((changes ?? []).map((c) => `${'CAD'[c.Kind]} ${c.Path}\n`).join(''));
  return 0;
}

export async function runCommit(cli: Cli, p: Parsed): Promise<number> {
  const [ref, reference] = p.args as [string, string?];
  if (ref === '') throw fail('invalid container name or ID: value is empty');
  let repo = '';
  let tag = '';
  if (reference) {
    let parsed;
    try {
      parsed = parseNormalizedNamed(reference);
    } catch (err) {
      throw fail((err as Error).message);
    }
    if (parsed.digest) throw fail('refusing to create a tag with a digest reference');
    tag = parsed.tag ?? 'latest';
    repo = formatReference({ ...parsed, tag: undefined, digest: undefined });
  }
  const q = new URLSearchParams({ container: ref, repo, tag, comment: str(p, 'message'), author: str(p, 'author') });
  for (const c of list(p, 'change')) q.append('changes', c);
  if (!bool(p, 'pause')) q.set('pause', '0');
  const res = await cli.api.request('POST', `/commit?${q.toString().replace(/\+/g, '%20')}`, undefined, null);
  await cli.out(`${(res.kind === 'json' ? (res.body as { Id: string }) : { Id: '' }).Id}\n`);
  return 0;
}

// ---- port ---------------------------------------------------------------------------

const joinHostPort = (host: string, port: string) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** fvbommel/sortorder's NaturalLess: runs of digits compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (digit(a[i]) && digit(b[j])) {
      let zi = i;
      while (a[zi] === '0') zi++;
      let zj = j;
      while (b[zj] === '0') zj++;
      let ei = zi;
      while (digit(a[ei])) ei++;
      let ej = zj;
      while (digit(b[ej])) ej++;
      const na = a.slice(zi, ei);
      const nb = b.slice(zj, ej);
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (zi - i !== zj - j) return zi - i < zj - j;
      i = ei;
      j = ej;
      continue;
    }
    if (a[i] !== b[j]) return a[i]! < b[j]!;
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

export async function runPort(cli: Cli, p: Parsed): Promise<number> {
  const [ref, want] = p.args as [string, string?];
  const c = await cli.api.get<{ NetworkSettings?: { Ports?: Record<string, { HostIp: string; HostPort: string }[] | null> } }>(`/containers/${enc(ref)}/json`);
  const ports = c.NetworkSettings?.Ports ?? {};
  const out: string[] = [];
  if (want) {
    const slash = want.indexOf('/');
    const port = slash < 0 ? want : want.slice(0, slash);
    const proto = (slash < 0 ? '' : want.slice(slash + 1)) || 'tcp';
    if (!/^\d+$/.test(port)) throw fail(`Error: invalid port (${port}): strconv.ParseUint: parsing "${port}": invalid syntax`);
    if (Number(port) > 65535) throw fail(`Error: invalid port (${port}): strconv.ParseUint: parsing "${port}": value out of range`);
    const frontends = ports[`${port}/${proto}`];
    if (!frontends || frontends.length === 0) throw fail(`Error: No public port '${want}' published for ${ref}`);
    for (const f of frontends) out.push(joinHostPort(f.HostIp, f.HostPort));
  } else {
    for (const [from, frontends] of Object.entries(ports)) for (const f of frontends ?? []) out.push(`${from} -> ${joinHostPort(f.HostIp, f.HostPort)}`);
  }
  out.sort((x, y) => (naturalLess(x, y) ? -1 : naturalLess(y, x) ? 1 : 0));
  if (out.length > 0) await cli.out(`${out.join('\n')}\n`);
  return 0;
}

// ---- update -------------------------------------------------------------------------

function parseRestartPolicy(policy: string): { Name: string; MaximumRetryCount: number } {
  if (policy === '') return { Name: '', MaximumRetryCount: 0 };
  const colon = policy.indexOf(':');
  const k = colon < 0 ? policy : policy.slice(0, colon);
  const v = colon < 0 ? '' : policy.slice(colon + 1);
  if (colon >= 0 && k === '') throw fail('invalid restart policy format: no policy provided before colon');
  let count = 0;
  if (v !== '') {
    if (!/^[+-]?\d+$/.test(v)) throw fail('invalid restart policy format: maximum retry count must be an integer');
    count = Number(v);
  }
  return { Name: k, MaximumRetryCount: count };
}

export async function runUpdate(cli: Cli, p: Parsed): Promise<number> {
  if (p.flags.changed.size === 0) throw fail('you must provide one or more flags when using this command');
  const body = {
    BlkioWeight: num(p, 'blkio-weight'),
    CpusetCpus: str(p, 'cpuset-cpus'),
    CpusetMems: str(p, 'cpuset-mems'),
    CpuShares: num(p, 'cpu-shares'),
    Memory: num(p, 'memory'),
    MemoryReservation: num(p, 'memory-reservation'),
    MemorySwap: num(p, 'memory-swap'),
    KernelMemory: num(p, 'kernel-memory'),
    CpuPeriod: num(p, 'cpu-period'),
    CpuQuota: num(p, 'cpu-quota'),
    CpuRealtimePeriod: num(p, 'cpu-rt-period'),
    CpuRealtimeRuntime: num(p, 'cpu-rt-runtime'),
    NanoCpus: num(p, 'cpus'),
    ...(num(p, 'pids-limit') !== 0 ? { PidsLimit: num(p, 'pids-limit') } : {}),
    RestartPolicy: parseRestartPolicy(str(p, 'restart')),
  };
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const ref of p.args) {
    try {
      const r = await cli.api.post<{ Warnings: string[] | null }>(`/containers/${enc(ref)}/update`, undefined, body);
      await cli.out(`${ref}\n`);
      warnings.push(...(r?.Warnings ?? []));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      errors.push(`Error response from daemon: ${err.message}`);
    }
  }
  if (warnings.length > 0) await cli.out(`${warnings.join('\n')}\n`);
  if (errors.length > 0) throw fail(errors.join('\n'));
  return 0;
}

// ---- prune --------------------------------------------------------------------------

/** docker/cli's prompt.Confirm: one line from stdin; only "y" (any case, trimmed) says yes. */
export async function confirm(cli: Cli, message: string): Promise<boolean> {
  await cli.out(`${message} [y/N] `);
  let line = '';
  for (;;) {
    const chunk = await cli.readStdin().catch(() => new Uint8Array(0));
    if (chunk.length === 0) break;
    line += fromUtf8(chunk);
    if (line.includes('\n')) break;
  }
  return line.split('\n')[0]!.trim().toLowerCase() === 'y';
}

export async function runContainerPrune(cli: Cli, p: Parsed): Promise<number> {
  const filters: Record<string, string[]> = {};
  for (const f of list(p, 'filter')) {
    const i = f.indexOf('=');
    if (i < 0) throw fail('bad format of filter (expected name=value)');
    (filters[f.slice(0, i)] ??= []).push(f.slice(i + 1));
  }
  // A cancelled prune ends quietly with status 0 (docker/cli's cancelledErr).
  if (!bool(p, 'force') && !(await confirm(cli, 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?'))) return 0;
  const r = await cli.api.post<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }>('/containers/prune', { filters: Object.keys(filters).length ? JSON.stringify(filters) : undefined });
  let space = 0;
  if (r.ContainersDeleted?.length) {
    await cli.out(`Deleted Containers:\n${r.ContainersDeleted.map((id) => `${id}\n`).join('')}\n`);
    space = r.SpaceReclaimed;
  }
  await cli.out(`Total reclaimed space: ${humanSize4(space)}\n`);
  return 0;
}

// ---- export -------------------------------------------------------------------------

/** moby/sys/atomicwriter's validateDestination, against the host's files. */
function validateDestination(cli: Cli, file: string): void {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) || '/' : '.';
  const errText = (err: unknown) => (err as { code?: string }).code === 'ENOENT' ? 'no such file or directory' : (err as { code?: string }).code === 'EACCES' ? 'permission denied' : 'not a directory';
  if (dir !== '.' && dir !== '..') {
    let st;
    try {
      st = cli.sys.stat(dir);
    } catch (err) {
      throw fail(`failed to export container: invalid output path: stat ${dir}: ${errText(err)}`);
    }
    if ((st.mode & 0o170000) !== 0o040000) throw fail(`failed to export container: invalid output path: stat ${dir}: not a directory`);
  }
  let st;
  try {
    st = cli.sys.lstat(file);
  } catch {
    return;
  }
  const type = st.mode & 0o170000;
  const why: Record<number, string> = { 0o040000: 'cannot write to a directory', 0o120000: 'cannot write to a symbolic link directly', 0o010000: 'cannot write to a named pipe (FIFO)', 0o140000: 'cannot write to a socket', 0o020000: 'cannot write to a character device file', 0o060000: 'cannot write to a block device file' };
  if (type !== 0o100000) throw fail(`failed to export container: ${why[type] ?? 'unknown file mode'}`);
}

export async function runExport(cli: Cli, p: Parsed): Promise<number> {
  const ref = p.args[0]!;
  const output = str(p, 'output');
  if (output === '') {
    if (cli.stdoutTty) throw fail('cowardly refusing to save to a terminal. Use the -o flag or redirect');
    for await (const chunk of await cli.api.stream('GET', `/containers/${enc(ref)}/export`)) await cli.out(chunk);
    return 0;
  }
  validateDestination(cli, output);
  const dir = output.includes('/') ? output.slice(0, output.lastIndexOf('/')) || '/' : '.';
  const tmp = `${dir}/.tmp-${output.split('/').pop()}${Math.floor(Math.random() * 1e9)}`;
  let fd: number;
  try {
    fd = cli.sys.open(tmp, { read: false, write: true, create: true, exclusive: true }, 0o600);
  } catch (err) {
    throw fail(`failed to export container: open ${tmp}: ${(err as { code?: string }).code === 'EACCES' ? 'permission denied' : 'no such file or directory'}`);
  }
  try {
    for await (const chunk of await cli.api.stream('GET', `/containers/${enc(ref)}/export`)) await cli.sys.write(fd, chunk);
  } finally {
    cli.sys.close(fd);
    cli.sys.chmod(tmp, 0o600);
    cli.sys.rename(tmp, output);
  }
  return 0;
}
