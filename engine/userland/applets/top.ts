/**
 * top [-b] [-n COUNT] [-d SECONDS] [-m]: the busiest processes, redrawn
 * every SECONDS (default 5) until q or ^C — or, with -b, printed as text
 * COUNT times. Everything comes from /proc: the Mem: line from meminfo, the
 * CPU: line from the difference of two samples of /proc/stat, %CPU from the
 * processes' own tick counts, the Load average: line from loadavg. The
 * layout, sorting (musl's qsort) and arithmetic are busybox's as built for
 * alpine (whole percentages, a CPU column).
 *
 * Keys (interactive): N/M/P/T sort by pid/memory/cpu/time, R reverses,
 * C or 1 toggles a line per CPU, arrows/PgUp/PgDn/Home/End scroll, Q or ^C quits.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl, type Sys, type Termios } from '../../kernel/sys.ts';
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { readFile } from '../lib/io.ts';
import { parseDuration, smartUlltoa5, xatou } from '../lib/system-format.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { IdNames, binaryToBytes, procPids, readCmdline, readProc } from '../lib/system-proc.ts';
import { muslQsort } from '../lib/system-qsort.ts';

const LINE_BUF_SIZE = 512 - 64;
const FATAL_SIGNALS = [1, 2, 3, 6, 10, 12, 13, 14, 15, 24, 25, 26];

interface Entry {
  pid: number;
  ppid: number;
  uid: number;
  vsz: number;
  ticks: number;
  pcpu: number;
  state: string;
  comm: string;
  cpu: number;
}

interface Jiffies {
  usr: number;
  nic: number;
  sys: number;
  idle: number;
  iowait: number;
  irq: number;
  softirq: number;
  steal: number;
  total: number;
  busy: number;
}

const zeroJiffies = (): Jiffies => ({ usr: 0, nic: 0, sys: 0, idle: 0, iowait: 0, irq: 0, softirq: 0, steal: 0, total: 0, busy: 0 });

function parseJiffies(line: string): Jiffies | undefined {
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  if (f.length < 4) return undefined;
  const [usr = 0, nic = 0, sys = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  const total = usr + nic + sys + idle + iowait + irq + softirq + steal;
  return { usr, nic, sys, idle, iowait, irq, softirq, steal, total, busy: total - idle - iowait };
}

type Cmp = (a: Entry, b: Entry) => number;
const pidSort: Cmp = (p, q) => q.pid - p.pid;
const memSort: Cmp = (p, q) => (q.vsz < p.vsz ? -1 : q.vsz !== p.vsz ? 1 : 0);
const pcpuSort: Cmp = (p, q) => q.pcpu - p.pcpu;
const timeSort: Cmp = (p, q) => (q.ticks < p.ticks ? -1 : q.ticks !== p.ticks ? 1 : 0);

/** Keys as libbb's read_key reports them. */
const KEY = { UP: -2, DOWN: -3, HOME: -6, END: -7, PAGEUP: -10, PAGEDOWN: -11 };

class Top {
  batch: boolean;
  lines = 24;
  scrollOfs = 0;
  inverted = false;
  smp = false;
  sortFunctions: Cmp[] = [pcpuSort, memSort, timeSort];
  top: Entry[] = [];
  prevHist: { pid: number; ticks: number }[] = [];
  totalPcpu = 0;
  cur: Jiffies = zeroJiffies();
  prev: Jiffies = zeroJiffies();
  cpus: Jiffies[] = [];
  prevCpus: Jiffies[] = [];
  eof = false;
  names!: IdNames;
  /** Set by a fatal signal's handler; the main loop then restores the terminal and dies of it. */
  caught = 0;
  initial: Termios | undefined;
  keyFd = 0;
  pending: number[] = [];

  constructor(
    readonly ctx: AppletContext,
    readonly sys: Sys,
    batch: boolean,
  ) {
    this.batch = batch;
    this.eof = batch;
  }

  async scan(): Promise<void> {
    this.top = [];
    for (const pid of procPids(this.sys)) {
      const p = await readProc(this.sys, pid);
      if (!p) continue;
      this.top.push({ pid: p.pid, ppid: p.ppid, uid: p.uid, vsz: p.vsz, ticks: p.stime + p.utime, pcpu: 0, state: p.state, comm: p.comm, cpu: p.lastCpu });
    }
  }

  async jiffies(): Promise<void> {
    const lines = fromUtf8(await readFile(this.sys, '/proc/stat')).split('\n');
    this.prev = this.cur;
    const first = lines[0] !== undefined && lines[0].startsWith('c') ? parseJiffies(lines[0]) : undefined;
    if (!first) fail("can't read '/proc/stat'");
    this.cur = first!;
    if (!this.smp) return;
    const now: Jiffies[] = [];
    for (const line of lines.slice(1)) {
      if (!line.startsWith('c')) break;
      const j = parseJiffies(line);
      if (!j) break;
      now.push(j);
    }
    const firstTime = this.cpus.length !== now.length;
    this.prevCpus = firstTime ? now.map(zeroJiffies) : this.cpus;
    this.cpus = now;
    if (now.length === 0) this.smp = false;
    // otherwise the first per-CPU display shows all idle
    else if (firstTime) await this.sys.sleep(50);
  }

  async doStats(): Promise<void> {
    await this.jiffies();
    this.totalPcpu = 0;
    const hist = this.prevHist;
    let i = 0;
    for (const cur of this.top) {
      cur.pcpu = 0;
      const last = i;
      if (hist.length) {
        do {
          if (hist[i]!.pid === cur.pid) {
            cur.pcpu = cur.ticks - hist[i]!.ticks;
            this.totalPcpu += cur.pcpu;
            break;
          }
          i = (i + 1) % hist.length;
        } while (i !== last);
      }
    }
    this.prevHist = this.top.map((e) => ({ pid: e.pid, ticks: e.ticks }));
  }

  sort(): void {
    const cmp = (a: Entry, b: Entry) => {
      let v = 0;
      for (const f of this.sortFunctions) {
        v = f(a, b);
        if (v !== 0) break;
      }
      return this.inverted ? -v : v;
    };
    muslQsort(this.top, cmp);
  }

  async header(width: number, rows: { left: number }): Promise<{ text: string; memTotal: number }> {
    const meminfo = fromUtf8(await readFile(this.sys, '/proc/meminfo'));
    const mi = (name: string) => Number(new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(meminfo)?.[1] ?? 0);
    const w = Math.min(width, 100);
    const clip = (s: string) => s.slice(0, w - 1);
    const mem = clip(`Mem: ${mi('MemTotal') - mi('MemFree')}K used, ${mi('MemFree')}K free, ${mi('MemShared') + mi('Shmem')}K shrd, ${mi('Buffers')}K buff, ${mi('Cached')}K cached`);
    let text = (this.batch ? '' : '\x1b[H\x1b[J') + mem + '\n';
    rows.left--;
    // CPU: usr sys nic idle io irq sirq, as whole percentages of the time between the two samples
    const cpuLines = this.smp ? this.cpus.length : 1;
    const n = Math.min(cpuLines, rows.left);
    for (let i = 0; i < n; i++) {
      const cur = this.smp ? this.cpus[i]! : this.cur;
      const prev = this.smp ? (this.prevCpus[i] ?? zeroJiffies()) : this.prev;
      let total = (cur.total - prev.total) >>> 0;
      if (total === 0) total = 1;
      const pct = (k: keyof Jiffies) => `${String(Math.floor((100 * ((cur[k] - prev[k]) >>> 0)) / total) >>> 0).padStart(4)}% `;
      text += clip(`CPU${this.smp ? i : ''}:${pct('usr')}usr${pct('sys')}sys${pct('nic')}nic${pct('idle')}idle${pct('iowait')}io${pct('irq')}irq${pct('softirq')}sirq`) + '\n';
    }
    rows.left -= n;
    let load = '';
    try {
      load = fromUtf8(await readFile(this.sys, '/proc/loadavg')).split('\n')[0]!;
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
    text += ('Load average: ' + load).slice(0, w - 1) + '\n';
    rows.left--;
    return { text, memTotal: mi('MemTotal') };
  }

  async display(width: number): Promise<string> {
    const rows = { left: this.lines };
    const { text: head, memTotal } = await this.header(width, rows);
    let text = head;
    const title = '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND'.slice(0, width);
    text += this.batch ? title : `\x1b[7m${title}\x1b[m`;
    rows.left--;

    // busybox's fixed-point arithmetic, in 32-bit unsigned steps
    const BITS = 32;
    let pmemShift = BITS - 11;
    let pmemScale = memTotal ? Math.floor((100 * 2 ** (BITS - 11)) / memTotal) >>> 0 : 0;
    while (pmemScale >= 512) {
      pmemScale = Math.floor(pmemScale / 4);
      pmemShift -= 2;
    }
    const pmemHalf = Math.floor(2 ** pmemShift / 2);
    const busy = (this.cur.busy - this.prev.busy) >>> 0;
    if (this.totalPcpu < busy) this.totalPcpu = busy;
    let pcpuShift = 6;
    let pcpuScale = (100 * 64 * (busy & 0xffff)) >>> 0;
    if (pcpuScale === 0) pcpuScale = 1;
    while (pcpuScale < 2 ** (BITS - 2)) {
      pcpuScale = (pcpuScale * 4) >>> 0;
      pcpuShift += 2;
    }
    const tmp = Math.imul((this.cur.total - this.prev.total) & 0xffff, this.totalPcpu) >>> 0;
    if (tmp !== 0) pcpuScale = Math.floor(pcpuScale / tmp);
    while (pcpuScale >= 1024) {
      pcpuScale = Math.floor(pcpuScale / 4);
      pcpuShift -= 2;
    }
    const pcpuHalf = Math.floor(2 ** pcpuShift / 2);

    const scrWidth = width + 2;
    const count = Math.min(rows.left, this.top.length - this.scrollOfs);
    for (let k = 0; k < count; k++) {
      const s = this.top[this.scrollOfs + k]!;
      // vsz is an unsigned long: this product does not wrap; the %CPU one is 32-bit
      const pmem = Math.floor((s.vsz * pmemScale + pmemHalf) / 2 ** pmemShift) >>> 0;
      const pcpu = Math.floor((((Math.imul(s.pcpu, pcpuScale) >>> 0) + pcpuHalf) >>> 0) / 2 ** pcpuShift);
      let ppu = `${String(s.pid).padStart(5)} ${String(s.ppid).padStart(5)} ${this.names.user(s.uid).slice(0, 8).padEnd(8)}`;
      if (ppu.length !== 20) {
        // Shrink PID/PPID padding, then truncate USER, to keep 20 columns.
        let n = ppu.length;
        let at = 0;
        while (ppu[at] === ' ' && n > 20) {
          at++;
          n--;
        }
        ppu = ppu.slice(at);
        if (n > 20) {
          const gap = ppu.indexOf(' ') + 1;
          let p = gap;
          while (ppu[p] === ' ' && n !== 20) {
            p++;
            n--;
          }
          ppu = ppu.slice(0, gap) + ppu.slice(p);
        }
        ppu = ppu.slice(0, 20);
      }
      let line = `\n${ppu} ${s.state}  ${smartUlltoa5(s.vsz)}${String(pmem).padStart(4)}% ${String(s.cpu).padStart(3)}${String(pcpu).padStart(4)}% `;
      line = line.slice(0, scrWidth - 1);
      if (scrWidth - line.length > 1) line += await readCmdline(this.sys, s.pid, scrWidth - line.length, s.comm);
      text += line;
    }
    text += this.batch ? '\n' : '\r';
    return text;
  }

  /** One key, or -1 when `ms` passed without one (or at end of input: then `eof` is set). */
  async readKey(ms: number): Promise<number> {
    if (this.pending.length > 0) return this.pending.shift()!;
    const deadline = this.sys.now() + ms;
    for (;;) {
      let data: Uint8Array | undefined;
      try {
        data = await this.sys.read(this.keyFd, 16);
      } catch (err) {
        if (!(err instanceof FsError)) throw err;
        if (err.code !== 'EAGAIN' && err.code !== 'EINTR') {
          this.eof = true;
          return -1;
        }
      }
      if (this.caught) return -1;
      if (data && data.length === 0) {
        this.eof = true;
        return -1;
      }
      if (data && data.length > 0) {
        this.pending.push(...decodeKeys(data));
        return this.pending.shift() ?? -1;
      }
      const left = deadline - this.sys.now();
      if (left <= 0) return -1;
      try {
        await this.sys.sleep(Math.min(50, left));
      } catch (err) {
        if (!(err instanceof FsError)) throw err;
        if (this.caught) return -1;
      }
    }
  }

  /** handle_input: keys change the sort or the view; returns false to quit, 'redraw' to redisplay without a rescan. */
  async handleInput(intervalMs: number): Promise<boolean | 'redraw'> {
    if (this.eof) {
      try {
        await this.sys.sleep(intervalMs);
      } catch (err) {
        if (!(err instanceof FsError)) throw err;
      }
      return !this.caught;
    }
    let wait = intervalMs;
    for (;;) {
      const c = await this.readKey(wait);
      if (this.caught) return false;
      if (c === -1) {
        if (this.eof) break;
        // no key within the time: refresh
        break;
      }
      wait = 0;
      const intr = this.initial?.cc.VINTR ?? 3;
      const eofChar = this.initial?.cc.VEOF ?? 4;
      if (c === intr || c === eofChar) return false;
      const scroll = (ofs: number): 'redraw' => {
        this.scrollOfs = Math.max(0, Math.min(ofs, this.top.length - 1));
        return 'redraw';
      };
      if (c === KEY.UP) return scroll(this.scrollOfs - 1);
      if (c === KEY.DOWN) return scroll(this.scrollOfs + 1);
      if (c === KEY.HOME) return scroll(0);
      if (c === KEY.END) return scroll(this.top.length - Math.floor(this.lines / 2));
      if (c === KEY.PAGEUP) return scroll(this.scrollOfs - Math.floor(this.lines / 2));
      if (c === KEY.PAGEDOWN) return scroll(this.scrollOfs + Math.floor(this.lines / 2));
      const k = c < 0 ? c : c | 0x20;
      if (k === 0x71) return false; // q
      if (k === 0x6e) {
        this.sortFunctions = [pidSort, this.sortFunctions[1]!, this.sortFunctions[2]!];
        continue;
      }
      if (k === 0x6d) {
        this.sortFunctions = [memSort, pcpuSort, timeSort];
        continue;
      }
      if (k === 0x70) {
        this.sortFunctions = [pcpuSort, memSort, timeSort];
        continue;
      }
      if (k === 0x74) {
        this.sortFunctions = [timeSort, memSort, pcpuSort];
        continue;
      }
      if (k === 0x72) {
        this.inverted = !this.inverted;
        continue;
      }
      if (k === 0x63 || k === 0x31) {
        this.smp = !this.smp;
        this.cpus = [];
        this.prevCpus = [];
        await this.jiffies();
        continue;
      }
      break; // any other key: refresh now
    }
    return true;
  }
}

/** Bytes from the keyboard as read_key sees them: characters, and the escape sequences of the arrows and paging keys. */
function decodeKeys(data: Uint8Array): number[] {
  const s = fromUtf8(data);
  const keys: number[] = [];
  const seqs: [string, number][] = [
    ['\x1b[A', KEY.UP], ['\x1bOA', KEY.UP], ['\x1b[B', KEY.DOWN], ['\x1bOB', KEY.DOWN],
    ['\x1b[H', KEY.HOME], ['\x1bOH', KEY.HOME], ['\x1b[1~', KEY.HOME], ['\x1b[7~', KEY.HOME],
    ['\x1b[F', KEY.END], ['\x1bOF', KEY.END], ['\x1b[4~', KEY.END], ['\x1b[8~', KEY.END],
    ['\x1b[5~', KEY.PAGEUP], ['\x1b[6~', KEY.PAGEDOWN],
  ];
  let i = 0;
  outer: while (i < s.length) {
    for (const [seq, key] of seqs) {
      if (s.startsWith(seq, i)) {
        keys.push(key);
        i += seq.length;
        continue outer;
      }
    }
    keys.push(s.charCodeAt(i));
    i++;
  }
  return keys;
}

export default applet(
  'Usage: top [-bm] [-n COUNT] [-d SECONDS]\n\nShow a view of process activity in real time.\nRead the status of all processes from /proc each SECONDS\nand show a screenful of them.\nKeys:\n\tN/M/P/T: show CPU usage, sort by pid/mem/cpu/time\n\tS: show memory\n\tR: reverse sort\n\tC,1: toggle SMP\n\tQ,^C: exit\nOptions:\n\t-b\tBatch mode\n\t-n N\tExit after N iterations\n\t-d SEC\tDelay between updates\n\t-m\tSame as \'s\' key',
  (ctx) => withDurationUsage(ctx, () => main(ctx)),
);

/** A bad fractional duration shows the usage, as parse_duration_str's bb_show_usage does. */
const BAD_DURATION = new Error('bad duration');
async function withDurationUsage(ctx: AppletContext, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e !== BAD_DURATION) throw e;
    await ctx.usage();
    return 1;
  }
}

async function main(ctx: AppletContext): Promise<number> {
  const { sys, out, err } = ctx;
  // Every argument is an option, with or without its dash ("top bn1").
  const argv = sys.argv.map((a, i) => (i > 0 && a[0] !== '-' ? '-' + a : a));
  const o = await parseOptions({ ...ctx, sys: Object.create(sys, { argv: { value: argv } }) as Sys }, 'd:n:bHm');
  let intervalMs = 5000;
  if (o.has('d')) {
    const d = o.value('d')!.replace(/^-/, '');
    const seconds = parseDuration(d, () => {
      throw BAD_DURATION;
    });
    intervalMs = Math.min(seconds, Math.floor(2147483647 / 1000)) * 1000;
  }
  let iterations = 0;
  if (o.has('n')) iterations = xatou(o.value('n')!.replace(/^-/, ''));
  const batch = o.has('b');
  try {
    sys.chdir('/proc');
  } catch (e) {
    if (e instanceof FsError) fail(`can't change directory to '/proc': ${strerror(e.code)}`);
    throw e;
  }
  const top = new Top(ctx, sys, batch);

  if (o.has('m')) {
    // The memory view reads /proc/PID/smaps, which this kernel does not provide: busybox then finds no process.
    await err.write(`${ctx.name}: no process info in /proc\n`);
    await out.write('\n');
    return 0;
  }

  let keyFdOwned = false;
  const restore = () => {
    if (top.initial) {
      try {
        sys.tcsetattr(0, top.initial);
      } catch (e) {
        if (isProcessControl(e)) throw e;
      }
    }
    if (keyFdOwned) sys.close(top.keyFd);
    else if (!batch) sys.setNonblock(0, false);
  };
  if (!batch) {
    try {
      const t = sys.tcgetattr(0);
      top.initial = t;
      sys.tcsetattr(0, { ...t, icanon: false, echo: false, isig: false, cc: { ...t.cc, VMIN: 1, VTIME: 0 } });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
    }
    // Keys are polled without blocking on a descriptor of our own, so the terminal's other users are not affected.
    try {
      top.keyFd = sys.open(sys.ttyname(0), { read: true, write: false, nonblock: true, noctty: true });
      keyFdOwned = true;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      sys.setNonblock(0, true);
    }
    for (const sig of FATAL_SIGNALS) sys.signal(sig, (s) => (top.caught = s));
  }

  try {
    top.names = await IdNames.load(sys);
    if (!batch) {
      const r = await top.handleInput(0);
      if (r === false) return await finish();
    }
    let running = true;
    while (running) {
      let width: number;
      if (batch) {
        top.lines = Number.MAX_SAFE_INTEGER;
        width = LINE_BUF_SIZE - 2;
      } else {
        let rows = 0;
        let cols = 0;
        try {
          const ws = sys.getWinsize(1);
          rows = ws.rows;
          cols = ws.cols;
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
        }
        const envSize = (v: number, def: number, name: string) => {
          const s = ctx.getenv(name);
          if (s !== undefined) v = parseInt(s, 10) || 0;
          return v <= 1 || v >= 30000 ? def : v;
        };
        top.lines = envSize(rows, 24, 'LINES');
        width = envSize(cols, 80, 'COLUMNS');
        if (top.lines < 5 || width < 10) {
          await sys.sleep(intervalMs);
          continue;
        }
        width = Math.min(width, LINE_BUF_SIZE - 2);
      }
      await top.scan();
      if (top.top.length === 0) {
        await err.write(`${ctx.name}: no process info in /proc\n`);
        break;
      }
      if (top.prevHist.length === 0) {
        await top.doStats();
        await sys.sleep(100);
        continue;
      }
      await top.doStats();
      top.sort();
      for (;;) {
        await out.write(binaryToBytes(await top.display(width)));
        await out.flush();
        if (iterations >= 0 && --iterations === 0) {
          running = false;
          break;
        }
        const r = await top.handleInput(intervalMs);
        if (top.caught) break;
        if (r === 'redraw') continue;
        if (r === false) running = false;
        break;
      }
      if (top.caught) break;
    }
    return await finish();
  } finally {
    if (top.caught) {
      restore();
      await out.flush();
      sys.signal(top.caught, 'default');
      sys.kill(sys.pid, top.caught);
    }
  }

  async function finish(): Promise<number> {
    if (top.caught) return 0;
    await out.write('\n');
    await out.flush();
    if (!batch) restore();
    return 0;
  }
}
