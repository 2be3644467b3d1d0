/**
 * docker volume create / ls / inspect / rm / prune.
 */
import { ApiError } from '../../api/client.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, list, str } from '../cli.ts';
import { humanSize } from '../format/units.ts';
import { formatRows, renderTemplate } from './formatting.ts';

interface Volume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  CreatedAt?: string;
  Labels: Record<string, string> | null;
  Scope: string;
  Options: Record<string, string> | null;
}

function keyValues(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    out[i < 0 ? v : v.slice(0, i)] = i < 0 ? '' : v.slice(i + 1);
  }
  return out;
}

function mapFlag(p: Parsed, name: string): Record<string, string> {
  const v = p.flags.values[name] as unknown;
  if (Array.isArray(v)) return keyValues(v as string[]);
  if (v && typeof v === 'object') return v as Record<string, string>;
  return {};
}

export async function runVolumeCreate(cli: Cli, p: Parsed): Promise<number> {
  const name = p.args[0] ?? str(p, 'name');
  if (p.args[0] && str(p, 'name') && str(p, 'name') !== p.args[0]) throw new CommandError(`conflicting options: cannot specify a volume-name through both --name and as a positional arg`, 1);
  const v = await cli.api.post<Volume>('/volumes/create', undefined, { Name: name, Driver: str(p, 'driver') || 'local', DriverOpts: mapFlag(p, 'opt'), Labels: keyValues(list(p, 'label')) });
  await cli.out(`${v.Name}\n`);
  return 0;
}

export async function runVolumeLs(cli: Cli, p: Parsed): Promise<number> {
  const filters: Record<string, string[]> = {};
  for (const f of list(p, 'filter')) {
    const i = f.indexOf('=');
    if (i < 0) throw new CommandError('bad format of filter (expected name=value)', 1);
    (filters[f.slice(0, i)] ??= []).push(f.slice(i + 1));
  }
  const res = await cli.api.get<{ Volumes: Volume[] | null }>('/volumes', { filters: Object.keys(filters).length ? JSON.stringify(filters) : undefined });
  const volumes = [...(res.Volumes ?? [])].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  const rows = volumes.map((v) => ({ Name: v.Name, Driver: v.Driver, Scope: v.Scope, Mountpoint: v.Mountpoint, Labels: Object.entries(v.Labels ?? {}).map(([k, val]) => `${k}=${val}`).join(','), CreatedAt: v.CreatedAt ?? '' }));
  const format = bool(p, 'quiet') ? '{{.Name}}' : str(p, 'format') || 'table {{.Driver}}\t{{.Name}}';
  await cli.out(await formatRows(format, rows, { Name: 'VOLUME NAME', Driver: 'DRIVER', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', CreatedAt: 'CREATED' }));
  return 0;
}

export async function runVolumeInspect(cli: Cli, p: Parsed): Promise<number> {
  const found: Volume[] = [];
  let failed = false;
  for (const name of p.args) {
    try {
      found.push(await cli.api.get<Volume>(`/volumes/${encodeURIComponent(name)}`));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      await cli.err(`Error response from daemon: ${err.message}\n`);
      failed = true;
    }
  }
  const format = str(p, 'format');
  if (format) for (const v of found) await cli.out(`${await renderTemplate(format, v)}\n`);
  else await cli.out(`${JSON.stringify(found, null, 4)}\n`);
  return failed ? 1 : 0;
}

export async function runVolumeRm(cli: Cli, p: Parsed): Promise<number> {
  let failed = false;
  for (const name of p.args) {
    try {
      await cli.api.delete(`/volumes/${encodeURIComponent(name)}`, { force: bool(p, 'force') ? 1 : undefined });
      await cli.out(`${name}\n`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      await cli.err(`Error response from daemon: ${err.message}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/** Asks as docker does, unless --force; an answer other than y/Y cancels. */
export async function confirm(cli: Cli, p: Parsed, warning: string): Promise<boolean> {
  if (bool(p, 'force')) return true;
  await cli.out(`${warning}\nAre you sure you want to continue? [y/N] `);
  let answer = '';
  for (;;) {
    const chunk = await cli.readStdin();
    if (chunk.length === 0) break;
    answer += new TextDecoder().decode(chunk);
    if (answer.includes('\n')) break;
  }
  if (answer === '' || !cli.stdinTty) await cli.out('\n');
  return /^\s*[yY]/.test(answer);
}

export async function runVolumePrune(cli: Cli, p: Parsed): Promise<number> {
  const all = bool(p, 'all');
  const warning = all ? 'WARNING! This will remove all local volumes not used by at least one container.' : 'WARNING! This will remove anonymous local volumes not used by at least one container.';
  if (!(await confirm(cli, p, warning))) {
    await cli.err('Total reclaimed space: 0B\n');
    return 0;
  }
  const filters: Record<string, string[]> = {};
  for (const f of list(p, 'filter')) (filters[f.slice(0, f.indexOf('='))] ??= []).push(f.slice(f.indexOf('=') + 1));
  if (all) filters.all = ['true'];
  const r = await cli.api.post<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>('/volumes/prune', { filters: Object.keys(filters).length ? JSON.stringify(filters) : undefined });
  if (r.VolumesDeleted?.length) await cli.out(`Deleted Volumes:\n${r.VolumesDeleted.map((v) => `${v}\n`).join('')}\n`);
  await cli.out(`Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`);
  return 0;
}
