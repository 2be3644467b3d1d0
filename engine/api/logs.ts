/**
 * GET /containers/{id}/logs: the kept log, filtered by stream, --since,
 * --until and --tail, each line optionally prefixed with its RFC 3339 time,
 * then (with follow) what the container writes until it stops.
 */
import { utf8 } from '../common/bytes.ts';
import { rfc3339Nano } from '../common/time.ts';
import type { Container, LogEntry } from '../daemon/container.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { AsyncQueue, frame } from './stream.ts';

/** Docker's --since/--until on the wire: seconds since the epoch, with an optional fraction. */
function parseTime(text: string | null): number | undefined {
  if (text === null || text === '' || text === '0') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n * 1000 : undefined;
}

/** json-file keeps a line per write that ends in a newline; a partial line stays one entry. */
function lines(entries: readonly LogEntry[]): LogEntry[] {
  const out: LogEntry[] = [];
  for (const e of entries) {
    let start = 0;
    for (let i = 0; i < e.data.length; i++) {
      if (e.data[i] === 10) {
        out.push({ stream: e.stream, time: e.time, data: e.data.subarray(start, i + 1) });
        start = i + 1;
      }
    }
    if (start < e.data.length) out.push({ stream: e.stream, time: e.time, data: e.data.subarray(start) });
  }
  return out;
}

export function containerLogs(d: Daemon, c: Container, q: URLSearchParams): AsyncIterable<Uint8Array> {
  const on = (k: string) => ['1', 'true'].includes((q.get(k) ?? '').toLowerCase());
  const wantOut = on('stdout');
  const wantErr = on('stderr');
  const timestamps = on('timestamps');
  const since = parseTime(q.get('since'));
  const until = parseTime(q.get('until'));
  const tailText = q.get('tail') ?? 'all';
  const tail = tailText === 'all' || tailText === '' ? Infinity : Math.max(0, Number(tailText) || 0);
  const queue = new AsyncQueue<Uint8Array>();
  const encode = (e: LogEntry) => {
    const data = timestamps ? concat(utf8(`${rfc3339Nano(e.time)} `), e.data) : e.data;
    return c.config.Tty ? data : frame(e.stream, data);
  };
  const wanted = (e: LogEntry) => ((e.stream === 1 && wantOut) || (e.stream === 2 && wantErr)) && (since === undefined || e.time >= since) && (until === undefined || e.time <= until);
  const kept = lines(c.logs).filter(wanted);
  for (const e of tail === Infinity ? kept : tail === 0 ? [] : kept.slice(-tail)) queue.push(encode(e));
  if (on('follow') && c.running && (until === undefined || until > d.platform.now())) {
    const handle = d.attach(c.id, {
      output: (stream, data) => {
        for (const e of lines([{ stream, time: d.platform.now(), data }])) if (wanted(e)) queue.push(encode(e));
      },
      end: () => {
        handle.detach();
        queue.end();
      },
    });
    queue.onClose(() => handle.detach());
  } else queue.end();
  return queue;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
