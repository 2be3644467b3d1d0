/**
 * docker system df, docker system prune and docker events, as docker/cli 28
 * prints them: df's four rows (TYPE TOTAL ACTIVE SIZE RECLAIMABLE), prune's
 * confirmation and report, and one line per event
 * (`2024-10-16T12:00:00.123456789Z container start <id> (image=alpine, name=web)`).
 */
import { lineBatches } from '../../common/stream.ts';
import type { EngineEvent } from '../../daemon/types.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, list, str } from '../cli.ts';
import { renderFormatted } from '../format/format.ts';
import { goStruct } from '../format/gofmt.ts';
import { getTimestamp } from '../format/since.ts';
import { goJSON, parseTemplate } from '../format/template.ts';
import { formatRFC3339NanoFixed } from '../format/time.ts';
import { humanSize4 } from '../format/units.ts';
import { confirm, filtersJson, pruneImages } from './image-extras.ts';

// ---- df ---------------------------------------------------------------------------

interface DiskUsage {
  LayersSize: number;
  Images: { Size: number; SharedSize: number; Containers: number }[];
  Containers: { State: string; SizeRw?: number }[];
  Volumes: { UsageData?: { Size: number; RefCount: number } }[];
  BuildCache: { Size: number; InUse: boolean; Shared: boolean }[] | null;
}

const pct = (reclaimable: number, total: number) => (total > 0 ? `${humanSize4(reclaimable)} (${Math.trunc((reclaimable * 100) / total)}%)` : humanSize4(reclaimable));

export async function runSystemDf(cli: Cli, p: Parsed): Promise<number> {
  if (bool(p, 'verbose')) throw new CommandError('docker system df -v is not available in Berth yet');
  const du = await cli.api.get<DiskUsage>('/system/df');
  const active = (s: string) => s === 'running' || s === 'paused' || s === 'restarting';
  const used = du.Images.filter((i) => i.Containers !== 0 && i.Size !== -1 && i.SharedSize !== -1).reduce((n, i) => n + i.Size - i.SharedSize, 0);
  const rw = (c: { SizeRw?: number }) => c.SizeRw ?? 0;
  const containerSize = du.Containers.reduce((n, c) => n + rw(c), 0);
  const vols = du.Volumes.filter((v) => (v.UsageData?.Size ?? -1) !== -1);
  const volSize = vols.reduce((n, v) => n + v.UsageData!.Size, 0);
  const cache = du.BuildCache ?? [];
  const cacheSize = cache.filter((c) => !c.Shared).reduce((n, c) => n + c.Size, 0);
  const rows = [
    { Type: 'Images', TotalCount: String(du.Images.length), Active: String(du.Images.filter((i) => i.Containers > 0).length), Size: humanSize4(du.LayersSize), Reclaimable: pct(du.LayersSize - used, du.LayersSize) },
    {
      Type: 'Containers',
      TotalCount: String(du.Containers.length),
      Active: String(du.Containers.filter((c) => active(c.State)).length),
      Size: humanSize4(containerSize),
      Reclaimable: pct(du.Containers.filter((c) => !active(c.State)).reduce((n, c) => n + rw(c), 0), containerSize),
    },
    {
      Type: 'Local Volumes',
      TotalCount: String(du.Volumes.length),
      Active: String(du.Volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length),
      Size: humanSize4(volSize),
      Reclaimable: pct(vols.filter((v) => v.UsageData!.RefCount === 0).reduce((n, v) => n + v.UsageData!.Size, 0), volSize),
    },
    { Type: 'Build Cache', TotalCount: String(cache.length), Active: String(cache.filter((c) => c.InUse).length), Size: humanSize4(cacheSize), Reclaimable: humanSize4(cacheSize - cache.filter((c) => c.InUse && !c.Shared).reduce((n, c) => n + c.Size, 0)) },
  ];
  try {
    await cli.out(renderFormatted({ format: str(p, 'format'), defaultTable: 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}', headers: { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' }, rows, typeName: '*formatter.diskUsageImagesContext' }));
  } catch (err) {
    throw new CommandError((err as Error).message);
  }
  return 0;
}

// ---- system prune --------------------------------------------------------------------

export async function runSystemPrune(cli: Cli, p: Parsed): Promise<number> {
  const all = bool(p, 'all');
  const volumes = bool(p, 'volumes');
  const filters = list(p, 'filter');
  if (volumes && filters.some((f) => f.startsWith('until='))) throw new CommandError('ERROR: The "until" filter is not supported with "--volumes"');
  if (!bool(p, 'force')) {
    const warnings = ['all stopped containers', 'all networks not used by at least one container'];
    if (volumes) warnings.push('all anonymous volumes not used by at least one container');
    warnings.push(all ? 'all images without at least one container associated to them' : 'all dangling images');
    warnings.push(all ? 'all build cache' : 'unused build cache');
    const shown = filters.filter((f) => /^(label|label!|until)=/.test(f)).sort();
    const filterText = shown.length ? `\n  Items to be pruned will be filtered with:${shown.map((f) => `\n  - ${f}`).join('')}\n\n` : '\n';
    // A cancelled prune ends quietly with status 0.
    if (!(await confirm(cli, `WARNING! This will remove:${warnings.map((w) => `\n  - ${w}`).join('')}\n${filterText}Are you sure you want to continue?`))) return 0;
  }
  const f = filtersJson(filters);
  let space = 0;
  const report = async (output: string) => {
    if (output) await cli.out(`${output}\n`);
  };
  const c = await cli.api.post<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }>('/containers/prune', { filters: f });
  if (c.ContainersDeleted?.length) space += c.SpaceReclaimed;
  await report(c.ContainersDeleted?.length ? `Deleted Containers:\n${c.ContainersDeleted.map((id) => `${id}\n`).join('')}` : '');
  const n = await cli.api.post<{ NetworksDeleted: string[] | null }>('/networks/prune', { filters: f });
  await report(n.NetworksDeleted?.length ? `Deleted Networks:\n${n.NetworksDeleted.map((id) => `${id}\n`).join('')}` : '');
  if (volumes) {
    const v = await cli.api.post<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>('/volumes/prune', { filters: f });
    if (v.VolumesDeleted?.length) space += v.SpaceReclaimed;
    await report(v.VolumesDeleted?.length ? `Deleted Volumes:\n${v.VolumesDeleted.map((id) => `${id}\n`).join('')}` : '');
  }
  const images = await pruneImages(cli, all, filters);
  space += images.space;
  await report(images.output);
  const b = await cli.api.post<{ CachesDeleted: string[] | null; SpaceReclaimed: number }>('/build/prune', { all: all ? '1' : undefined, filters: f });
  space += b.SpaceReclaimed;
  await report(b.CachesDeleted?.length ? `Deleted build cache objects:\n${b.CachesDeleted.map((id) => `${id}\n`).join('')}` : '');
  await cli.out(`Total reclaimed space: ${humanSize4(space)}\n`);
  return 0;
}

// ---- events ------------------------------------------------------------------------------

/** An events.Message as docker/cli decodes it: Go field names for templates, moby's JSON for `json`. */
function messageOf(e: EngineEvent, line: string) {
  const nanos = /"timeNano":(\d+)/.exec(line)?.[1];
  const attrs = e.Actor?.Attributes ?? {};
  const json = () => goJSON({ ...(e.status ? { status: e.status } : {}), ...(e.id ? { id: e.id } : {}), ...(e.from ? { from: e.from } : {}), Type: e.Type, Action: e.Action, Actor: { ID: e.Actor.ID, Attributes: Object.fromEntries(Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : 1))) }, scope: e.scope, time: e.time, timeNano: nanos ? BigInt(nanos) : e.timeNano });
  return goStruct('*events.Message', {
    Status: e.status ?? '',
    ID: e.id ?? '',
    From: e.from ?? '',
    Type: e.Type,
    Action: e.Action,
    Actor: goStruct('events.Actor', { ID: e.Actor.ID, Attributes: attrs }),
    Scope: e.scope,
    Time: e.time,
    TimeNano: nanos ? BigInt(nanos) : BigInt(e.timeNano),
    MarshalJSON: json,
  });
}

function prettyEvent(e: EngineEvent, line: string): string {
  const nanos = /"timeNano":(\d+)/.exec(line)?.[1];
  let out = nanos && nanos !== '0' ? `${formatRFC3339NanoFixed(BigInt(nanos))} ` : e.time ? `${formatRFC3339NanoFixed(BigInt(e.time) * 1_000_000_000n)} ` : '';
  out += `${e.Type} ${e.Action} ${e.Actor.ID}`;
  const attrs = Object.entries(e.Actor.Attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (attrs.length) out += ` (${attrs.map(([k, v]) => `${k}=${v}`).join(', ')})`;
  return `${out}\n`;
}

export async function runEvents(cli: Cli, p: Parsed): Promise<number> {
  let format = str(p, 'format');
  let tmpl: ReturnType<typeof parseTemplate> | undefined;
  if (format) {
    if (format === 'json') format = '{{json .}}';
    try {
      tmpl = parseTemplate(format);
      tmpl.execute(messageOf({ Type: '' as EngineEvent['Type'], Action: '', Actor: { ID: '', Attributes: {} }, scope: '' as 'local', time: 0, timeNano: 0 }, ''));
    } catch (err) {
      throw new CommandError(`Error parsing format: ${(err as Error).message}`, 64);
    }
  }
  const now = Date.now();
  let since: string | undefined;
  let until: string | undefined;
  try {
    if (str(p, 'since')) since = getTimestamp(str(p, 'since'), now);
    if (str(p, 'until')) until = getTimestamp(str(p, 'until'), now);
  } catch (err) {
    throw new CommandError((err as Error).message);
  }
  const stream = await cli.api.stream('GET', '/events', { since, until, filters: filtersJson(list(p, 'filter')) });
  try {
    await printEvents(cli, stream, tmpl);
  } finally {
    // Interrupted (Ctrl-C), the stream is ended so the daemon drops its subscription.
    (stream as { end?: () => void }).end?.();
  }
  return 0;
}

/** The stream's chunks; while none comes, the process sleeps in short naps, where a signal can end it. */
async function* interruptible(cli: Cli, stream: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const it = stream[Symbol.asyncIterator]();
  for (;;) {
    const next = it.next();
    let r: IteratorResult<Uint8Array> | undefined;
    while (!(r = await Promise.race([next, cli.sys.sleep(250).then(() => undefined)])));
    if (r.done) return;
    yield r.value;
  }
}

async function printEvents(cli: Cli, stream: AsyncIterable<Uint8Array>, tmpl: ReturnType<typeof parseTemplate> | undefined): Promise<void> {
  for await (const lines of lineBatches(interruptible(cli, stream))) {
    for (const line of lines) {
      const e = JSON.parse(line) as EngineEvent;
      if (!tmpl) {
        await cli.out(prettyEvent(e, line));
        continue;
      }
      try {
        await cli.out(`${tmpl.execute(messageOf(e, line))}\n`);
      } catch (err) {
        throw new CommandError((err as Error).message);
      }
    }
  }
}
