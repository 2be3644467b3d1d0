/**
 * Reading processes from /proc the way busybox's procps_scan does, for ps,
 * top, pidof and killall: what they show is whatever the kernel's /proc
 * says, in the pid namespace of the reader (so a container's ps starts at 1).
 *
 * Text here is kept as "byte strings" (one char per byte, see `bytesToBinary`)
 * because busybox cuts command lines at byte counts, not characters.
 */
import { fromUtf8, utf8 } from '../../common/bytes.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { fail } from './applet.ts';
import { readFile } from './io.ts';
import { Names } from './users.ts';

export const bytesToBinary = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};
export const binaryToBytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
export const textToBinary = (s: string): string => bytesToBinary(utf8(s));

/** One process, as procps_scan fills procps_status_t. Sizes in kB, times in clock ticks (100 Hz). */
export interface ProcInfo {
  pid: number;
  /** The task's name (/proc/PID/stat), at most 15 bytes. */
  comm: string;
  /** "S  ", "R  ", "Z  ", "SW ", "S N": the letter and busybox's flags. */
  state: string;
  ppid: number;
  pgid: number;
  sid: number;
  ttyMajor: number;
  ttyMinor: number;
  utime: number;
  stime: number;
  nice: number;
  startTime: number;
  vsz: number;
  rss: number;
  lastCpu: number;
  /** Effective ids: the owner of /proc/PID. */
  uid: number;
  gid: number;
}

async function readText(sys: Sys, path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(sys, path);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return undefined;
  }
}

/** The numeric entries of /proc, in directory order (what readdir gives procps_scan). Without /proc the applet dies, as busybox's do. */
export function procPids(sys: Sys): number[] {
  try {
    return sys
      .readdir('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch (err) {
    if (err instanceof FsError) return fail(`can't open '/proc': ${strerror(err.code)}`);
    throw err;
  }
}

/** /proc/PID/stat and the owner of /proc/PID; undefined if the process is gone. */
export async function readProc(sys: Sys, pid: number): Promise<ProcInfo | undefined> {
  let uid: number;
  let gid: number;
  try {
    const st = sys.stat(`/proc/${pid}`);
    uid = st.uid;
    gid = st.gid;
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return undefined;
  }
  const raw = await readText(sys, `/proc/${pid}/stat`);
  if (!raw) return undefined;
  const text = bytesToBinary(raw);
  const close = text.lastIndexOf(')');
  const open = text.indexOf('(');
  if (close < 0 || open < 0) return undefined;
  const comm = text.slice(open + 1, close).slice(0, 15);
  const f = text.slice(close + 2).trim().split(/\s+/);
  const num = (i: number) => Number(f[i] ?? 0) || 0;
  const tty = num(4);
  const vsz = Math.floor(num(20) / 1024);
  const nice = num(16);
  let state = (f[0] ?? '?')[0]! + '  ';
  let at = 1;
  if (vsz === 0 && state[0] !== 'Z') {
    state = state[0] + 'W ';
    at = 2;
  }
  if (nice !== 0) state = state.slice(0, at) + (nice < 0 ? '<' : 'N') + state.slice(at + 1);
  return {
    pid,
    comm,
    state,
    ppid: num(1),
    pgid: num(2),
    sid: num(3),
    ttyMajor: (tty >> 8) & 0xfff,
    ttyMinor: (tty & 0xff) | ((tty >> 12) & 0xfff00),
    utime: num(11),
    stime: num(12),
    nice,
    startTime: num(19),
    vsz,
    rss: num(21) * 4,
    lastCpu: num(36),
    uid,
    gid,
  };
}

/** The real uid and gid from /proc/PID/status (ps -o ruser, rgroup). */
export async function readRealIds(sys: Sys, pid: number): Promise<{ ruid: number; rgid: number }> {
  const raw = await readText(sys, `/proc/${pid}/status`);
  const text = raw ? fromUtf8(raw) : '';
  const field = (name: string) => Number(new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { ruid: field('Uid'), rgid: field('Gid') };
}

/** /proc/PID/cmdline as bytes (NUL-separated argv), or undefined if unreadable or empty. */
export async function readArgv(sys: Sys, pid: number): Promise<string | undefined> {
  const raw = await readText(sys, `/proc/${pid}/cmdline`);
  if (!raw || raw.length === 0) return undefined;
  return bytesToBinary(raw.subarray(0, 1023));
}

/**
 * read_cmdline: the command line in at most `col - 1` bytes, arguments
 * separated by spaces; "[comm]" when there is none (a zombie); prefixed by
 * "{comm} " when the program's name differs from argv[0] (a script, or a
 * process that renamed itself).
 */
export async function readCmdline(sys: Sys, pid: number, col: number, comm: string | undefined): Promise<string> {
  const raw = await readText(sys, `/proc/${pid}/cmdline`);
  if (!raw || raw.length === 0 || col <= 1) {
    return `[${comm ?? '?'}]`.slice(0, Math.max(0, col - 1));
  }
  const buf = Array.from(raw.subarray(0, col - 1));
  let sz = buf.length - 1;
  while (sz >= 0 && buf[sz] === 0) sz--;
  // basename of argv[0] (cut at its first space), found before NULs become spaces
  let stop = buf.findIndex((b) => b === 32 || b === 0);
  if (stop < 0) stop = buf.length;
  const baseStart = buf.slice(0, stop).lastIndexOf(47) + 1;
  const line = bytesToBinary(Uint8Array.from(buf.slice(0, sz + 1).map((b) => (b < 32 ? 32 : b))));
  let base = line.slice(baseStart);
  if (base.startsWith('-')) base = base.slice(1);
  if (comm === undefined || base.slice(0, comm.length) === comm) return line;
  const prefix = `{${comm}}`;
  if (col <= comm.length + 3) return prefix.slice(0, col - 1);
  return (prefix + ' ' + line).slice(0, col - 1);
}

/** get_cached_username / get_cached_groupname: the name, or the number when there is none. */
export class IdNames {
  private constructor(private readonly names: Names) {}
  static async load(sys: Sys): Promise<IdNames> {
    return new IdNames(await Names.load(sys));
  }
  user(uid: number): string {
    const n = this.names.user(uid);
    return n === undefined ? String(uid) : textToBinary(n);
  }
  group(gid: number): string {
    const n = this.names.group(gid);
    return n === undefined ? String(gid) : textToBinary(n);
  }
}

const basename = (s: string) => s.slice(s.lastIndexOf('/') + 1);

/**
 * find_pid_by_name: processes whose name is `name` — by comm (with the
 * 15-byte truncation rule for long script names), by basename of argv[0],
 * or by /proc/PID/exe (its basename, or the full path if `name` starts with /).
 */
export async function findPidsByName(sys: Sys, name: string): Promise<number[]> {
  const found: number[] = [];
  const want = textToBinary(name);
  for (const pid of procPids(sys)) {
    const p = await readProc(sys, pid);
    if (!p) continue;
    const argv = await readArgv(sys, pid);
    let exe: string | undefined;
    try {
      exe = textToBinary(sys.readlink(`/proc/${pid}/exe`));
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
    const args = argv?.split('\0') ?? [];
    const argv0 = args[0];
    // A 15-byte comm may be a truncated longer name: then argv[1] (a script's path) must match.
    const commMatch = p.comm.length < 15 ? p.comm === want : want.slice(0, 15) === p.comm && args[1] !== undefined && basename(args[1]) === want;
    if (commMatch || (argv0 !== undefined && basename(argv0) === want) || (exe !== undefined && exe !== '' && (want.startsWith('/') ? exe : basename(exe)) === want)) {
      found.push(pid);
    }
  }
  return found;
}
