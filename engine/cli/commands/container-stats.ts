/**
 * docker stats, as docker/cli 28 runs it (cli/command/container/stats.go,
 * stats_helpers.go, formatter_stats.go): one stats stream per container,
 * CPU % from the change since the previous reading, memory without the
 * inactive page cache, go-units sizes. With --no-stream one table; otherwise
 * the table is redrawn in place every half second, with docker/cli's quirk
 * of writing it twice per frame (once plain, once line by line erased).
 */
import { ApiError } from '../../api/client.ts';
import { fromUtf8 } from '../../common/bytes.ts';
import type { ContainerSummary } from '../../daemon/types.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, str } from '../cli.ts';
import { renderFormatted, truncateID } from '../format/format.ts';
import { formatFloat } from '../format/gostrconv.ts';
import { bytesSize, humanSizeWithPrecision } from '../format/units.ts';

const enc = encodeURIComponent;
const fail = (message: string) => new CommandError(message, 1);

interface StatsJson {
  name?: string;
  id?: string;
  read: string;
  pids_stats?: { current?: number };
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
  cpu_stats: { cpu_usage: { total_usage: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage?: number };
  memory_stats: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
}

interface Entry {
  container: string;
  name: string;
  id: string;
  cpu: number;
  mem: number;
  memLimit: number;
  memPercent: number;
  netRx: number;
  netTx: number;
  blkRead: number;
  blkWrite: number;
  pids: number;
  invalid: boolean;
  error?: string;
}

const blank = (container: string): Entry => ({ container, name: '', id: '', cpu: 0, mem: 0, memLimit: 0, memPercent: 0, netRx: 0, netTx: 0, blkRead: 0, blkWrite: 0, pids: 0, invalid: false });

/** stats_helpers.go: one StatsResponse to a row's numbers. */
function toEntry(container: string, v: StatsJson): Entry {
  const cpuDelta = v.cpu_stats.cpu_usage.total_usage - (v.precpu_stats?.cpu_usage.total_usage ?? 0);
  const systemDelta = (v.cpu_stats.system_cpu_usage ?? 0) - (v.precpu_stats?.system_cpu_usage ?? 0);
  const online = v.cpu_stats.online_cpus || (v.cpu_stats.cpu_usage.percpu_usage?.length ?? 0);
  const cpu = systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * online * 100 : 0;
  let blkRead = 0;
  let blkWrite = 0;
  for (const e of v.blkio_stats?.io_service_bytes_recursive ?? []) {
    if (/^[rR]/.test(e.op)) blkRead += e.value;
    else if (/^[wW]/.test(e.op)) blkWrite += e.value;
  }
  const usage = v.memory_stats.usage ?? 0;
  const stats = v.memory_stats.stats ?? {};
  const inactive = 'total_inactive_file' in stats && stats.total_inactive_file! < usage ? stats.total_inactive_file! : (stats.inactive_file ?? 0) < usage ? (stats.inactive_file ?? 0) : 0;
  const mem = usage - inactive;
  const memLimit = v.memory_stats.limit ?? 0;
  let netRx = 0;
  let netTx = 0;
  for (const n of Object.values(v.networks ?? {})) {
    netRx += n.rx_bytes;
    netTx += n.tx_bytes;
  }
  return { container, name: v.name ?? '', id: v.id ?? '', cpu, mem, memLimit, memPercent: memLimit !== 0 ? (mem / memLimit) * 100 : 0, netRx, netTx, blkRead, blkWrite, pids: v.pids_stats?.current ?? 0, invalid: false };
}

const percent = (x: number) => `${formatFloat(x, 'f', 2)}%`;

function row(e: Entry, trunc: boolean) {
  const dash = '--';
  return {
    Container: e.container,
    Name: e.name.length > 1 ? e.name.slice(1) : dash,
    ID: trunc ? truncateID(e.id) : e.id,
    CPUPerc: e.invalid ? dash : percent(e.cpu),
    MemUsage: e.invalid ? '-- / --' : `${bytesSize(e.mem)} / ${bytesSize(e.memLimit)}`,
    MemPerc: e.invalid ? dash : percent(e.memPercent),
    NetIO: e.invalid ? dash : `${humanSizeWithPrecision(e.netRx, 3)} / ${humanSizeWithPrecision(e.netTx, 3)}`,
    BlockIO: e.invalid ? dash : `${humanSizeWithPrecision(e.blkRead, 3)} / ${humanSizeWithPrecision(e.blkWrite, 3)}`,
    PIDs: e.invalid ? dash : String(e.pids),
  };
}

const STATS_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const STATS_HEADERS = { Container: 'CONTAINER', Name: 'NAME', ID: 'CONTAINER ID', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT', MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS' };

/** Reads one container's stats stream into its entry, as docker/cli's collect() does. */
async function collect(cli: Cli, e: Entry, stream: boolean, first: () => void): Promise<void> {
  try {
    const body = await cli.api.stream('GET', `/containers/${enc(e.container)}/stats`, { stream: stream ? '1' : '0' });
    let buf = '';
    for await (const chunk of body) {
      buf += fromUtf8(chunk);
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const text = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (text.trim() === '') continue;
        Object.assign(e, toEntry(e.container, JSON.parse(text) as StatsJson), { seen: cli.sys.now() });
        first();
        if (!stream) return;
      }
    }
    if (stream) e.invalid = true; // EOF: the values are no longer good
  } catch (err) {
    e.invalid = true;
    e.error = err instanceof ApiError ? `Error response from daemon: ${err.message}` : (err as Error).message;
  } finally {
    first();
  }
}

export async function runStats(cli: Cli, p: Parsed): Promise<number> {
  const noStream = bool(p, 'no-stream');
  const all = bool(p, 'all');
  const trunc = !bool(p, 'no-trunc');
  const showAll = p.args.length === 0;
  const entries: Entry[] = [];
  const waits: Promise<void>[] = [];
  const add = (container: string) => {
    if (entries.some((x) => x.container === container)) return;
    const e = blank(container);
    entries.push(e);
    waits.push(new Promise<void>((r) => void collect(cli, e, !noStream, r)));
  };
  if (showAll) {
    if (!noStream) void watchEvents(cli, all, add, (id) => entries.splice(entries.findIndex((x) => x.container === id) >>> 0, 1));
    const list = await cli.api.get<ContainerSummary[]>('/containers/json', { all: all ? 1 : undefined });
    for (const c of list) add(c.Id.slice(0, 12));
    await Promise.all(waits);
  } else {
    for (const ref of p.args) add(ref);
    await Promise.all(waits);
    const errors = entries.filter((e) => e.error).map((e) => e.error!);
    if (errors.length > 0) throw fail(errors.join('\n'));
  }
  const format = str(p, 'format') || 'table';
  const render = () => {
    try {
      return renderFormatted({ format, defaultTable: STATS_TABLE, headers: STATS_HEADERS, rows: entries.map((e) => row(e, trunc)), typeName: '*container.statsContext' });
    } catch (err) {
      throw fail((err as Error).message);
    }
  };
  if (noStream) {
    await cli.out(render());
    return 0;
  }
  for (;;) {
    const now = cli.sys.now();
    for (const e of entries as (Entry & { seen?: number })[]) if (e.seen !== undefined && now - e.seen > 2000) Object.assign(e, blank(e.container), { invalid: true, seen: e.seen, name: e.name, id: e.id });
    // docker/cli appends the erased lines after the table it already wrote (so it is drawn twice).
    const text = `\x1b[H${render()}`;
    await cli.out(`${text}${text.split('\n').map((l) => `${l} \x1b[K\n`).join('')}\x1b[J`);
    if (entries.length === 0 && !showAll) return 0;
    await cli.sys.sleep(500);
  }
}

/** Containers that start (or, with -a, are created) join the table; without -a, those that die leave it. */
async function watchEvents(cli: Cli, all: boolean, add: (id: string) => void, remove: (id: string) => void): Promise<void> {
  try {
    const body = await cli.api.stream('GET', '/events', { filters: JSON.stringify({ type: ['container'] }) });
    let buf = '';
    for await (const chunk of body) {
      buf += fromUtf8(chunk);
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const ev = JSON.parse(buf.slice(0, nl)) as { Action: string; Actor: { ID: string } };
        buf = buf.slice(nl + 1);
        const id = ev.Actor.ID.slice(0, 12);
        if (ev.Action === 'start' || (all && ev.Action === 'create')) add(id);
        else if (!all && ev.Action === 'die') remove(id);
      }
    }
  } catch {
    // the events stream ended
  }
}

