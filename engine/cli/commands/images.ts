/**
 * Image commands: images (image ls), pull, rmi, tag, history.
 */
import { ApiError } from '../../api/client.ts';
import type { ImageSummary } from '../../daemon/types.ts';
import { familiarString, parseReference } from '../../image/reference.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, list, str } from '../cli.ts';
import { tabwrite } from '../format/tabwriter.ts';
import { timeAgo } from '../format/time.ts';
import { humanSize } from '../format/units.ts';
import { formatRows } from './formatting.ts';
import { pull } from './run.ts';

const IMAGE_HEADERS: Record<string, string> = { Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', ID: 'IMAGE ID', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE', Containers: 'CONTAINERS' };

export async function runImages(cli: Cli, p: Parsed): Promise<number> {
  const filters: Record<string, string[]> = {};
  for (const f of list(p, 'filter')) {
    const i = f.indexOf('=');
    if (i < 0) throw new CommandError('bad format of filter (expected name=value)', 1);
    (filters[f.slice(0, i)] ??= []).push(f.slice(i + 1));
  }
  if (p.args[0]) (filters.reference ??= []).push(p.args[0]);
  const images = await cli.api.get<ImageSummary[]>('/images/json', { all: bool(p, 'all') ? 1 : undefined, filters: Object.keys(filters).length ? JSON.stringify(filters) : undefined });
  const trunc = !bool(p, 'no-trunc');
  const now = Date.now();
  const rows: Record<string, string>[] = [];
  for (const img of images) {
    const id = trunc ? img.Id.slice(7, 19) : img.Id;
    const base = { ID: id, CreatedSince: timeAgo(img.Created * 1000, now), CreatedAt: new Date(img.Created * 1000).toISOString(), Size: humanSize(img.Size), Containers: String(img.Containers) };
    const tags = img.RepoTags.length ? img.RepoTags : ['<none>:<none>'];
    for (const t of tags) {
      const i = t.lastIndexOf(':');
      const repo = t.slice(0, i);
      const digest = img.RepoDigests.find((d) => d.startsWith(`${repo}@`))?.split('@')[1] ?? '<none>';
      rows.push({ Repository: repo, Tag: t.slice(i + 1), Digest: digest, ...base });
    }
  }
  if (bool(p, 'quiet')) {
    for (const id of [...new Set(rows.map((r) => r.ID!))]) await cli.out(`${id}\n`);
    return 0;
  }
  const format = str(p, 'format');
  if (format) {
    await cli.out(await formatRows(format, rows, IMAGE_HEADERS));
    return 0;
  }
  const digests = bool(p, 'digests');
  const header = ['REPOSITORY', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'];
  const lines = [header.join('\t'), ...rows.map((r) => [r.Repository, r.Tag, ...(digests ? [r.Digest] : []), r.ID, r.CreatedSince, r.Size].join('\t'))];
  await cli.out(tabwrite(lines.join('\n') + '\n'));
  return 0;
}

export async function runPull(cli: Cli, p: Parsed): Promise<number> {
  let ref = p.args[0]!;
  let parsed;
  try {
    parsed = parseReference(ref);
  } catch (err) {
    throw new CommandError(`${(err as Error).message}`, 1);
  }
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1);
  if (!lastPart.includes(':') && !ref.includes('@')) {
    if (!bool(p, 'quiet')) await cli.out('Using default tag: latest\n');
    ref = `${ref}:latest`;
    parsed = { ...parsed, tag: 'latest' };
  }
  const quiet = bool(p, 'quiet');
  await pull(cli, ref, quiet ? async () => undefined : (t) => cli.out(t), cli.stdoutTty);
  await cli.out(`${parsed.domain}/${parsed.path}${parsed.digest ? `@${parsed.digest}` : `:${parsed.tag}`}\n`);
  return 0;
}

export async function runRmi(cli: Cli, p: Parsed): Promise<number> {
  let failed = false;
  for (const ref of p.args) {
    try {
      const out = await cli.api.delete<{ Untagged?: string; Deleted?: string }[]>(`/images/${encodeURIComponent(ref)}`, { force: bool(p, 'force') ? 1 : undefined, noprune: bool(p, 'no-prune') ? 1 : undefined });
      for (const o of out) await cli.out(o.Untagged ? `Untagged: ${o.Untagged}\n` : `Deleted: ${o.Deleted}\n`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      await cli.err(`Error response from daemon: ${err.message}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

export async function runTag(cli: Cli, p: Parsed): Promise<number> {
  const [source, target] = p.args as [string, string];
  let ref;
  try {
    ref = parseReference(target);
  } catch (err) {
    throw new CommandError(`Error parsing reference: "${target}" is not a valid repository/tag: ${(err as Error).message}`, 1);
  }
  const repo = familiarString({ ...ref, tag: undefined, digest: undefined });
  await cli.api.post(`/images/${encodeURIComponent(source)}/tag`, { repo: ref.domain === 'docker.io' ? repo : `${ref.domain}/${ref.path}`, tag: ref.tag ?? 'latest' });
  return 0;
}

export async function runHistory(cli: Cli, p: Parsed): Promise<number> {
  const rows = await cli.api.get<{ Id: string; Created: number; CreatedBy: string; Size: number; Comment: string }[]>(`/images/${encodeURIComponent(p.args[0]!)}/history`);
  const trunc = !bool(p, 'no-trunc');
  const human = p.flags.values.human !== false;
  if (bool(p, 'quiet')) {
    for (const r of rows) await cli.out(`${trunc && r.Id !== '<missing>' ? r.Id.slice(7, 19) : r.Id}\n`);
    return 0;
  }
  const now = Date.now();
  const lines = ['IMAGE\tCREATED\tCREATED BY\tSIZE\tCOMMENT'];
  for (const r of rows) {
    const by = r.CreatedBy.replace(/\t/g, ' ');
    lines.push([
      trunc && r.Id !== '<missing>' ? r.Id.slice(7, 19) : r.Id,
      human ? timeAgo(r.Created * 1000, now) : new Date(r.Created * 1000).toISOString().replace('.000Z', 'Z'),
      trunc && [...by].length > 45 ? `${[...by].slice(0, 44).join('')}…` : by,
      human ? humanSize(r.Size) : String(r.Size),
      r.Comment,
    ].join('\t'));
  }
  await cli.out(tabwrite(lines.join('\n') + '\n'));
  return 0;
}
