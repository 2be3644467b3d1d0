/**
 * BuildKit's progress displays (util/progress/progressui), fed by the
 * daemon's `moby.buildkit.trace` messages:
 *
 * - plain: one block per step, numbered in the order they first print;
 *
 *       #5 [2/3] RUN echo hi
 *       #5 0.105 hi
 *       #5 DONE 0.1s
 *
 * - tty: a live table redrawn in place, `[+] Building 1.2s (8/8) FINISHED`
 *   and one ` => ` line per step with its time;
 * - rawjson: each update as JSON; quiet: nothing.
 *
 * After a failure both print the failed step's last log lines between
 * `------` rules, as BuildKit does.
 */
import { decodeBase64 } from '../common/base64.ts';
import { fromUtf8 } from '../common/bytes.ts';
import { parseRfc3339 } from '../common/time.ts';
import { formatFloat } from './format/gostrconv.ts';

export interface SolveStatus {
  vertexes?: { digest: string; name: string; started?: string; completed?: string; cached?: boolean; error?: string }[];
  statuses?: { id: string; vertex: string; total?: number; current: number; timestamp: string; started?: string; completed?: string }[];
  logs?: { vertex: string; stream: number; data: string; timestamp: string }[];
  warnings?: { vertex: string; short: string; detail?: string[]; url?: string; sourceInfo?: { filename: string; data: string }; range?: { start: { line: number }; end: { line: number } }[] }[];
}

export type ProgressMode = 'plain' | 'tty' | 'quiet' | 'rawjson';

interface Status {
  id: string;
  current: number;
  total: number;
  started?: number;
  completed?: number;
  timestamp: number;
}

export interface Warning {
  short: string;
  detail: string[];
  url: string;
  source?: { filename: string; data: string; start: number; end: number };
}

interface Vtx {
  digest: string;
  name: string;
  index: number;
  started?: number;
  completed?: number;
  cached: boolean;
  error: string;
  statuses: Status[];
  statusUpdates: Set<string>;
  /** Log lines not printed yet (plain), each `0.105 text`. */
  logs: string[];
  logsPartial: boolean;
  logsOffset: number;
  /** The last ten lines (plain) — what the error block shows. */
  logsBuffer: string[];
  /** Every line (tty). */
  allLogs: string[];
  warnings: string[];
  warningIdx: number;
}

/** units.Bytes with `%.2f`: `87B`, `1.23kB`. */
export function unitsBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  if (n < 1000) return `${n}B`;
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${fixed(v, 2)}${units[i]}`;
}

const BLUE = '\x1b[34m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

export class ProgressDisplay {
  private readonly byDigest = new Map<string, Vtx>();
  private readonly order: Vtx[] = [];
  private nextIndex = 0;
  private current = '';
  private notFirst = false;
  private readonly updates = new Set<string>();
  private readonly lastStatus = new Map<string, { current: number; timestamp: number }>();
  private readonly start: number;
  private lineCount = 0;
  private repeated = false;
  private lastDraw = -Infinity;
  readonly warnings: Warning[] = [];

  constructor(
    private readonly mode: ProgressMode,
    private readonly write: (text: string) => void,
    private readonly opts: { desc?: string; consoleDesc?: string; width?: number; now?: () => number } = {},
  ) {
    this.start = (opts.now ?? Date.now)();
  }

  update(s: SolveStatus): void {
    if (this.mode === 'rawjson') {
      this.write(JSON.stringify(s) + '\n');
    }
    for (const v of s.vertexes ?? []) {
      const x = this.vertex(v.digest, v.name);
      if (v.started) x.started = parseRfc3339(v.started);
      if (v.completed) x.completed = parseRfc3339(v.completed);
      if (v.cached) x.cached = true;
      if (v.error) x.error = v.error;
      this.updates.add(v.digest);
    }
    for (const st of s.statuses ?? []) {
      const x = this.byDigest.get(st.vertex);
      if (!x) continue;
      let cur = x.statuses.find((y) => y.id === st.id);
      if (!cur) x.statuses.push((cur = { id: st.id, current: 0, total: 0, timestamp: 0 }));
      cur.current = st.current;
      cur.total = st.total ?? 0;
      cur.timestamp = parseRfc3339(st.timestamp);
      if (st.started) cur.started = parseRfc3339(st.started);
      if (st.completed) cur.completed = parseRfc3339(st.completed);
      x.statusUpdates.add(st.id);
      this.updates.add(st.vertex);
    }
    for (const l of s.logs ?? []) {
      const x = this.byDigest.get(l.vertex);
      if (!x) continue;
      const text = fromUtf8(decodeBase64(l.data));
      const ts = (parseRfc3339(l.timestamp) - (x.started ?? parseRfc3339(l.timestamp))) / 1000;
      const prec = ts < 10 ? 3 : ts < 100 ? 2 : 1;
      const parts = text.split('\n');
      const complete = text.endsWith('\n');
      if (complete) parts.pop();
      parts.forEach((part, i) => {
        if (i === 0 && x.logsPartial && x.logs.length > 0) {
          x.logs[x.logs.length - 1] += part;
          x.allLogs[x.allLogs.length - 1] += part;
        } else {
          const line = `${fixed(ts, prec)} ${part}`;
          x.logs.push(line);
          x.allLogs.push(line);
        }
      });
      x.logsPartial = !complete;
      this.updates.add(l.vertex);
    }
    for (const w of s.warnings ?? []) {
      const short = fromUtf8(decodeBase64(w.short));
      const r = w.range?.[0];
      this.warnings.push({
        short,
        detail: (w.detail ?? []).map((d) => fromUtf8(decodeBase64(d))),
        url: w.url ?? '',
        ...(w.sourceInfo && r ? { source: { filename: w.sourceInfo.filename, data: fromUtf8(decodeBase64(w.sourceInfo.data)), start: r.start.line, end: r.end.line } } : {}),
      });
      const x = this.byDigest.get(w.vertex);
      if (x) {
        x.warnings.push(short);
        this.updates.add(w.vertex);
      }
    }
    if (this.mode === 'plain') this.printPlain();
    else if (this.mode === 'tty') {
      // The table is redrawn at most every 100 ms, as BuildKit's display limiter does.
      const now = (this.opts.now ?? Date.now)();
      if (now - this.lastDraw >= 100) {
        this.lastDraw = now;
        this.printTty(false);
      }
    }
  }

  /** The end: the last frame (tty) and the failed steps' logs. */
  done(): void {
    if (this.mode === 'tty') this.printTty(true);
    if (this.mode === 'plain' || this.mode === 'tty') this.printErrorLogs();
  }

  private vertex(digest: string, name: string): Vtx {
    let v = this.byDigest.get(digest);
    if (!v) {
      v = { digest, name, index: 0, cached: false, error: '', statuses: [], statusUpdates: new Set(), logs: [], logsPartial: false, logsOffset: 0, logsBuffer: [], allLogs: [], warnings: [], warningIdx: 0 };
      this.byDigest.set(digest, v);
      this.order.push(v);
    }
    return v;
  }

  private isCompleted(v: Vtx): boolean {
    return v.completed !== undefined;
  }

  // ---- plain (textMux)

  private printPlain(): void {
    const completed: Vtx[] = [];
    const rest: Vtx[] = [];
    for (const d of this.updates) {
      const v = this.byDigest.get(d)!;
      (this.isCompleted(v) ? completed : rest).push(v);
    }
    const cur = this.current;
    if (completed.some((v) => v.digest === cur)) this.printVtx(this.byDigest.get(cur)!);
    completed.sort((a, b) => (a.completed ?? 0) - (b.completed ?? 0));
    for (const v of completed) if (v.digest !== cur) this.printVtx(v);
    if (rest.length === 0) return;
    const active = rest.find((v) => v.digest === this.current);
    if (active) this.printVtx(active);
    else if (this.current === '') this.printVtx(rest[0]!);
    else {
      // Another step moved while the current one is open: BuildKit switches after a while; here at once.
      for (const v of rest) this.printVtx(v);
    }
  }

  private printVtx(v: Vtx): void {
    const w = this.write;
    if (v.index === 0) v.index = ++this.nextIndex;
    if (v.digest !== this.current) {
      if (this.current !== '') {
        const old = this.byDigest.get(this.current)!;
        if (old.logsPartial) w('\n');
        old.logsOffset = 0;
        w(`#${old.index} ...\n`);
      }
      if (this.notFirst) w('\n');
      else {
        if (this.opts.desc) w(`#0 ${this.opts.desc}\n\n`);
        this.notFirst = true;
      }
      w(`#${v.index} ${v.name}\n`);
    }
    let openStatus = false;
    for (const s of v.statuses) {
      if (!v.statusUpdates.has(s.id)) continue;
      // An open status that moved less than 5% within 5 seconds is not printed again (minProgressDelta, minTimeDelta).
      const last = this.lastStatus.get(s.id);
      if (last && s.completed === undefined) {
        const delta = s.total > 0 ? (s.current - last.current) / s.total : 0;
        if (delta < 0.05 && s.timestamp - last.timestamp < 5000) continue;
      }
      this.lastStatus.set(s.id, { current: s.current, timestamp: s.timestamp });
      let bytes = '';
      if (s.total !== 0) bytes = ` ${unitsBytes(s.current)} / ${unitsBytes(s.total)}`;
      else if (s.current !== 0) bytes = ` ${unitsBytes(s.current)}`;
      let tm = '';
      const end = s.completed ?? s.timestamp;
      if (s.started !== undefined) {
        const diff = (end - s.started) / 1000;
        if (diff > 0.01) tm = ` ${fixed(diff, 1)}s`;
      }
      if (s.completed !== undefined) tm += ' done';
      else openStatus = true;
      w(`#${v.index} ${s.id}${bytes}${tm}\n`);
    }
    v.statusUpdates.clear();
    for (const msg of v.warnings.slice(v.warningIdx)) {
      w(`#${v.index} WARN: ${msg}\n`);
      v.warningIdx++;
    }
    v.logs.forEach((l, i) => {
      if (i === 0 && v.logsOffset !== 0) w(l.slice(v.logsOffset));
      else w(`#${v.index} ${l}`);
      if (i !== v.logs.length - 1 || !v.logsPartial) w('\n');
      if (!(i === v.logs.length - 1 && v.logsPartial)) {
        v.logsBuffer.push(l);
        if (v.logsBuffer.length > 10) v.logsBuffer.shift();
      }
    });
    if (v.logs.length > 0) {
      if (v.logsPartial) {
        v.logs = v.logs.slice(-1);
        v.logsOffset = v.logs[0]!.length;
      } else {
        v.logs = [];
        v.logsOffset = 0;
      }
    }
    this.current = v.digest;
    if (this.isCompleted(v) && !openStatus) {
      this.current = '';
      if (v.logsPartial) w('\n');
      if (v.error) w(`#${v.index} ERROR: ${v.error}\n`);
      else if (v.cached) w(`#${v.index} CACHED\n`);
      else w(`#${v.index} DONE${v.started !== undefined ? ` ${fixed((v.completed! - v.started) / 1000, 1)}s` : ''}\n`);
    }
    this.updates.delete(v.digest);
  }

  // ---- tty

  private printTty(all: boolean): void {
    const width = this.opts.width ?? 80;
    const now = (this.opts.now ?? Date.now)();
    const visible = this.order.filter((v) => v.started !== undefined);
    const total = this.order.length;
    const completed = this.order.filter((v) => this.isCompleted(v)).length;
    let out = '';
    out += '\x1b[?25l';
    if (this.repeated) out += `\x1b[${this.lineCount + 1}A\r`;
    this.repeated = true;
    const status = completed > 0 && completed === total && all ? 'FINISHED' : '';
    let head = `[+] Building ${fixed((now - this.start) / 1000, 1)}s (${completed}/${total}) ${status}`;
    head = this.opts.consoleDesc ? align(head, this.opts.consoleDesc, width - 1) : align(head, '', width);
    out += head.slice(0, width) + '\n';
    let lines = 0;
    for (const v of visible) {
      const jobs: { name: string; dt: number; color?: string; status?: string }[] = [];
      const dt = ((v.completed ?? now) - v.started!) / 1000;
      let name = v.name.replace(/\t/g, ' ');
      if (v.error) name = `ERROR ${name}`;
      if (v.cached) name = `CACHED ${name}`;
      jobs.push({ name, dt, color: v.completed !== undefined ? (v.error ? RED : BLUE) : undefined });
      for (const s of v.statuses) {
        const sdt = ((s.completed ?? now) - (s.started ?? now)) / 1000;
        const st = s.total !== 0 ? `${unitsBytes(s.current)} / ${unitsBytes(s.total)}` : s.current !== 0 ? unitsBytes(s.current) : '';
        jobs.push({ name: `=> ${s.id}`, dt: sdt, color: s.completed !== undefined ? BLUE : undefined, status: st });
      }
      for (const msg of v.warnings) jobs.push({ name: `WARN: ${msg}`, dt });
      for (const j of jobs) {
        const pfx = ' => ';
        const timer = ` ${fixed(j.dt < 0.05 ? 0 : j.dt, 1)}s`;
        let left = width - pfx.length - timer.length - 1 - 1;
        let showStatus = false;
        if (j.status) {
          if (left + j.status.length > 20) {
            showStatus = true;
            left -= j.status.length + 1;
          }
        }
        if (left < 12) continue;
        let line = pfx + j.name.slice(0, left);
        if (showStatus) line += ` ${j.status}`;
        // BuildKit's timer is ` 0.0s\n`: the line ends a column before the width.
        line = align(line, timer, width - 1);
        out += (j.color ? `${j.color}${line}${RESET}` : line) + '\n';
        lines++;
      }
      if (v.completed === undefined && v.allLogs.length > 0) {
        for (const l of v.allLogs.slice(-6)) {
          out += `\x1b[2m => => # ${l.replace(/^\S+ /, '')}`.slice(0, width + 4) + `${RESET}\n`;
          lines++;
        }
      }
    }
    if (this.lineCount > lines) {
      const diff = this.lineCount - lines;
      for (let i = 0; i < diff; i++) out += ' '.repeat(width) + '\n';
      out += `\x1b[${diff}A\r`;
    }
    this.lineCount = lines;
    out += '\x1b[?25h';
    this.write(out);
  }

  private printErrorLogs(): void {
    for (const v of this.order) {
      if (!v.error) continue;
      let out = '------\n';
      out += ` > ${v.name}:\n`;
      const lines = this.mode === 'tty' ? v.allLogs : v.logsBuffer;
      for (const l of lines) out += `${l}\n`;
      out += '------\n';
      this.write(out);
    }
  }
}

/** Go's `%.*f`: exact ties round to even (`%.1f` of 0.25 is 0.2), where toFixed rounds them up. */
const fixed = (x: number, prec: number) => formatFloat(x, 'f', prec);

/** `%-*s %s`: l padded so that r ends the line of width w. */
function align(l: string, r: string, w: number): string {
  const pad = w - r.length - 1;
  return `${l.padEnd(pad)} ${r}`;
}

/** errdefs.Source.Print: the Dockerfile lines around a failure. */
export function printSource(src: { filename: string; data: string; start: number; end: number }): string {
  const lines = src.data.split('\n');
  let start = src.start;
  let end = src.end;
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;
  const pad = end === start ? 4 : 2;
  let p = 0;
  const prepadStart = start;
  while (p < pad) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  let out = `${src.filename}:${prepadStart}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    const pfx = i >= src.start && i <= src.end ? '>>>' : '   ';
    out += ` ${String(i).padStart(3)} | ${pfx} ${lines[i - 1]}\n`;
  }
  return out + '--------------------\n';
}

/** buildx's printWarnings: after the progress, a summary of the build checks' findings. */
export function formatWarnings(warnings: Warning[], debug: boolean): string {
  if (warnings.length === 0) return '';
  let out = '\n ';
  const head = `${warnings.length === 1 ? '1 warning found' : `${warnings.length} warnings found`}${debug ? '' : ' (use docker --debug to expand)'}:\n`;
  out += `${YELLOW}${head}${RESET}`;
  for (const w of warnings) {
    out += ` - ${w.short}\n`;
    if (!debug) continue;
    for (const d of w.detail) out += `${d}\n`;
    if (w.url) out += `More info: ${w.url}\n`;
    if (w.source) out += printSource(w.source);
    out += '\n';
  }
  return out;
}
