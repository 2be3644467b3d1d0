/** Formats that several tools share: ls-style modes, sizes, dates (UTC: the emulated machine has no TZ). */
import { S_IFMT, S_IFDIR, S_IFLNK, S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK, S_ISUID, S_ISGID, S_ISVTX } from '../../fs/types.ts';

/** "-rwxr-xr-x", "drwxrwxrwt", "lrwxrwxrwx", "-rwsr-xr-x". */
export function modeString(mode: number): string {
  const type = mode & S_IFMT;
  const t = type === S_IFDIR ? 'd' : type === S_IFLNK ? 'l' : type === S_IFCHR ? 'c' : type === S_IFBLK ? 'b' : type === S_IFIFO ? 'p' : type === S_IFSOCK ? 's' : '-';
  const bit = (b: number, c: string) => (mode & b ? c : '-');
  const special = (x: number, s: number, lower: string, upper: string) => (mode & s ? (mode & x ? lower : upper) : mode & x ? 'x' : '-');
  return (
    t +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(0o100, S_ISUID, 's', 'S') +
    bit(0o040, 'r') +
    bit(0o020, 'w') +
    special(0o010, S_ISGID, 's', 'S') +
    bit(0o004, 'r') +
    bit(0o002, 'w') +
    special(0o001, S_ISVTX, 't', 'T')
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export { MONTHS, DAYS };

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ls -l's date: "Sep  6 12:05" within six months, else "Sep  6  2024". */
export function lsDate(ms: number, now: number): string {
  const d = new Date(ms);
  const recent = ms > now - 182.5 * 86400_000 && ms < now + 3600_000;
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${MONTHS[d.getUTCMonth()]} ${day} ${recent ? `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : ` ${d.getUTCFullYear()}`}`;
}

/** `date`'s default: "Sun Nov 22 20:05:57 UTC 2026". */
export function dateString(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * busybox's human-readable sizes (make_human_readable_str): 1023, 1.0K, 12.3M,
 * one decimal below 10 in the unit… `unit` is the size of one input unit.
 */
export function humanSize(size: number, unit = 1, displayUnit = 0): string {
  let value = size * unit;
  if (displayUnit) return String(Math.ceil(value / displayUnit));
  const suffixes = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let i = 0;
  let frac = 0;
  while (value >= 1024 && i < suffixes.length - 1) {
    frac = value % 1024;
    value = Math.floor(value / 1024);
    i++;
  }
  if (i === 0) return String(value);
  // One decimal when the integer part is a single digit, rounding like busybox.
  if (value < 10) {
    const tenths = Math.round(((frac * 10) / 1024));
    let v = value;
    let t = tenths;
    if (t >= 10) {
      v += 1;
      t = 0;
    }
    return v < 10 ? `${v}.${t}${suffixes[i]}` : `${v}${suffixes[i]}`;
  }
  if (frac >= 512) value += 1;
  return `${value}${suffixes[i]}`;
}
