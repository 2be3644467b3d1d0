/**
 * ps [-o COL1,COL2=HEADER]: the processes of this pid namespace, read from
 * /proc, in busybox's default columns `PID   USER     TIME  COMMAND`.
 * -o picks columns (pid, ppid, pgid, sid, user, group, ruser, rgroup, comm,
 * args, etime, time, nice, tty, vsz, rss, stat); "col=" hides the header.
 * -a -A -d -e -f -l are accepted and change nothing, as in busybox; other
 * words (`ps aux`) are ignored. COMMAND is the command line, "[name]" for a
 * process without one (a zombie), "{name} args" when the program's name is
 * not argv[0] (a script).
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { applet, fail } from '../lib/applet.ts';
import { readFile } from '../lib/io.ts';
import { smartUlltoa4 } from '../lib/system-format.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { IdNames, binaryToBytes, procPids, readCmdline, readProc, readRealIds, type ProcInfo } from '../lib/system-proc.ts';

const MAX_WIDTH = 2 * 1024;
const HZ = 100;

interface Context {
  sys: Sys;
  names: IdNames;
  uptime: number;
}

interface Column {
  name: string;
  header: string;
  width: number;
  value(p: ProcInfo, width: number, c: Context): Promise<string> | string;
}

/** TIME and ELAPSED: "mm:ss", "hhHmm", "ddDhh" (busybox's format_time). */
function formatTime(tt: number): string {
  let ff = tt % 60;
  tt = Math.floor(tt / 60);
  if (tt < 60) return `${String(tt).padStart(2)}:${String(ff).padStart(2, '0')}`;
  ff = tt % 60;
  tt = Math.floor(tt / 60);
  if (tt < 24) return `${String(tt).padStart(2)}h${String(ff).padStart(2, '0')}`;
  ff = tt % 24;
  tt = Math.floor(tt / 24);
  if (tt < 100) return `${String(tt).padStart(2)}d${String(ff).padStart(2, '0')}`;
  return `${String(tt).padStart(4)}d`;
}

const num = (n: number, w: number) => String(n).padStart(w);
const cut = (s: string, w: number) => s.slice(0, w);

const COLUMNS: Column[] = [
  { name: 'user', header: 'USER', width: 8, value: (p, w, c) => cut(c.names.user(p.uid), w) },
  { name: 'group', header: 'GROUP', width: 8, value: (p, w, c) => cut(c.names.group(p.gid), w) },
  { name: 'comm', header: 'COMMAND', width: 16, value: (p, w) => cut(p.comm, w) },
  { name: 'args', header: 'COMMAND', width: MAX_WIDTH, value: (p, w, c) => readCmdline(c.sys, p.pid, w + 1, p.comm) },
  { name: 'pid', header: 'PID', width: 5, value: (p, w) => num(p.pid, w) },
  { name: 'ppid', header: 'PPID', width: 5, value: (p, w) => num(p.ppid, w) },
  { name: 'pgid', header: 'PGID', width: 5, value: (p, w) => num(p.pgid, w) },
  { name: 'etime', header: 'ELAPSED', width: 7, value: (p, w, c) => cut(formatTime(c.uptime - Math.floor(p.startTime / HZ)), w) },
  { name: 'nice', header: 'NI', width: 5, value: (p, w) => num(p.nice, w) },
  { name: 'rgroup', header: 'RGROUP', width: 8, value: async (p, w, c) => cut(c.names.group((await readRealIds(c.sys, p.pid)).rgid), w) },
  { name: 'ruser', header: 'RUSER', width: 8, value: async (p, w, c) => cut(c.names.user((await readRealIds(c.sys, p.pid)).ruid), w) },
  { name: 'time', header: 'TIME', width: 5, value: (p, w) => cut(formatTime(Math.floor((p.utime + p.stime) / HZ)), w) },
  { name: 'tty', header: 'TT', width: 6, value: (p, w) => (p.ttyMajor ? cut(`${p.ttyMajor},${p.ttyMinor}`, w) : '?') },
  { name: 'vsz', header: 'VSZ', width: 4, value: (p, w) => cut(smartUlltoa4(p.vsz), w) },
  { name: 'sid', header: 'SID', width: 5, value: (p, w) => num(p.sid, w) },
  { name: 'stat', header: 'STAT', width: 4, value: (p, w) => cut(p.state, w) },
  { name: 'rss', header: 'RSS', width: 4, value: (p, w) => cut(smartUlltoa4(p.rss), w) },
];

function findColumn(name: string): Column {
  // strncmp(name, name6, 6): a 6-letter name matches by its first six characters
  const c = COLUMNS.find((x) => (x.name.length < 6 ? name === x.name : name.slice(0, 6) === x.name));
  if (!c) fail(`bad -o argument '${name}', supported arguments: ${COLUMNS.map((x) => x.name).join(',')}`);
  return c!;
}

/** parse_o: "pid,user=WHO,args" — only the last item of a list may rename its header. */
function parseO(spec: string, into: Column[]): void {
  let opt = spec;
  for (;;) {
    const comma = opt.indexOf(',');
    const equal = opt.indexOf('=');
    if (comma >= 0 && (equal < 0 || equal > comma)) {
      into.push({ ...findColumn(opt.slice(0, comma)) });
      opt = opt.slice(comma + 1);
      continue;
    }
    const col = { ...findColumn(equal >= 0 ? opt.slice(0, equal) : opt) };
    into.push(col);
    if (equal < 0) break;
    let header = opt.slice(equal + 1);
    const c2 = header.indexOf(',');
    if (c2 >= 0) header = header.slice(0, c2);
    col.header = header;
    if (header !== '') col.width = header.length;
    if (c2 < 0) break;
    opt = opt.slice(equal + 1 + c2 + 1);
  }
}

export default applet('Usage: ps [-o COL1,COL2=HEADER]\n\nShow list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display', async (ctx) => {
  const { sys, out } = ctx;
  const o = await parseOptions(ctx, 'Zo:aAdefl');
  const columns: Column[] = [];
  const specs = o.values('o');
  for (const spec of specs.length > 0 ? specs : ['pid,user,time,args']) parseO(spec, columns);

  let terminalWidth = MAX_WIDTH;
  if (sys.isatty(1)) {
    let cols = 0;
    try {
      const w = sys.getWinsize(0);
      cols = w.cols;
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
    const env = ctx.getenv('COLUMNS');
    if (env !== undefined) cols = parseInt(env, 10) || 0;
    if (cols <= 1 || cols >= 30000) cols = 80;
    terminalWidth = Math.min(cols - 1, MAX_WIDTH);
  }
  // Columns past the screen's width are dropped.
  let width = 0;
  let shown = columns.length;
  for (let i = 0; i < columns.length; i++) {
    width += columns[i]!.width + 1;
    if (width - terminalWidth > 0) {
      shown = i + 1;
      break;
    }
  }
  const cols = columns.slice(0, shown);
  const limit = (line: string) => line.slice(0, terminalWidth) + '\n';

  if (cols.some((c) => c.header !== '')) {
    await out.write(binaryToBytes(limit(cols.map((c, i) => (i === cols.length - 1 ? c.header : c.header.padEnd(c.width) + ' ')).join(''))));
  }
  const c: Context = {
    sys,
    names: await IdNames.load(sys),
    // sysinfo's uptime: whole seconds, rounded up
    uptime: Math.ceil(Number(fromUtf8(await readFile(sys, '/proc/uptime')).split(' ')[0])),
  };
  for (const pid of procPids(sys)) {
    await sys.checkpoint();
    const p = await readProc(sys, pid);
    if (!p) continue;
    let line = '';
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i]!;
      let v = await col.value(p, col.width, c);
      if (v === '') v = '-';
      line += i === cols.length - 1 ? v : v + ' '.repeat(Math.max(1, col.width - v.length + 1));
    }
    await out.write(binaryToBytes(limit(line)));
  }
  return 0;
});

