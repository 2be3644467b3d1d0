/**
 * Image commands: images (image ls), pull, rmi, tag, history.
 */
import { ApiError } from '../../api/client.ts';
import type { ImageSummary } from '../../daemon/types.ts';
import { familiarString, parseReference } from '../../image/reference.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, list, str } from '../cli.ts';
import { DEFAULT_QUIET_FORMAT, ellipsis, renderFormatted, TABLE_FORMAT_KEY, truncateID } from '../format/format.ts';
import { tabwrite } from '../format/tabwriter.ts';
import { formatRFC3339, NS, timeAgo } from '../format/time.ts';
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

const HISTORY_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const HISTORY_TABLE_NOT_HUMAN = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const HISTORY_HEADERS = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };
/** Dates before this are shown as "N/A" with human units (docker/cli's epoch). */
const HISTORY_EPOCH = Date.UTC(2000, 0, 1) / 1000;

interface HistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Comment: string;
}

/** docker/cli's historyContext: one row of `docker history`, its fields as --format names them. */
class HistoryRow {
  constructor(
    private readonly h: HistoryItem,
    private readonly trunc: boolean,
    private readonly human: boolean,
    private readonly now: number,
  ) {}
  ID(): string {
    return this.trunc ? truncateID(this.h.Id) : this.h.Id;
  }
  CreatedAt(): string {
    return formatRFC3339(BigInt(this.h.Created) * NS);
  }
  CreatedSince(): string {
    if (!this.human) return this.CreatedAt();
    if (this.h.Created <= HISTORY_EPOCH) return 'N/A';
    return timeAgo(this.h.Created * 1000, this.now);
  }
  CreatedBy(): string {
    const by = this.h.CreatedBy.replace(/\t/g, ' ');
    return this.trunc ? ellipsis(by, 45) : by;
  }
  Size(): string {
    return this.human ? humanSize(this.h.Size) : String(this.h.Size);
  }
  Comment(): string {
    return this.h.Comment;
  }
}

export async function runHistory(cli: Cli, p: Parsed): Promise<number> {
  const rows = await cli.api.get<HistoryItem[]>(`/images/${encodeURIComponent(p.args[0]!)}/history`);
  const human = p.flags.values.human !== false;
  const source = str(p, 'format') || TABLE_FORMAT_KEY;
  // newHistoryFormat: -q and --human=false choose among the tables; a format of one's own wins.
  const format = source !== TABLE_FORMAT_KEY ? source : bool(p, 'quiet') ? DEFAULT_QUIET_FORMAT : human ? HISTORY_TABLE : HISTORY_TABLE_NOT_HUMAN;
  const now = Date.now();
  const out = (() => {
    try {
      return renderFormatted({ format, defaultTable: HISTORY_TABLE, headers: HISTORY_HEADERS, rows: rows.map((r) => new HistoryRow(r, !bool(p, 'no-trunc'), human, now)), typeName: '*image.historyContext' });
    } catch (err) {
      throw new CommandError((err as Error).message, 1);
    }
  })();
  await cli.out(out);
  return 0;
}
