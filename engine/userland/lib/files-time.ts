/**
 * Dates as the file applets print and parse them. The machine's timezone is
 * UTC, so "local time" is UTC and `%z` is "+0000".
 */
import { DAYS, MONTHS } from './format.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A broken-down time, as struct tm holds it (month 0-11, year since 1900). */
interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
}

function gmtime(seconds: number): Tm {
  const d = new Date(seconds * 1000);
  return { year: d.getUTCFullYear() - 1900, mon: d.getUTCMonth(), mday: d.getUTCDate(), hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds() };
}

const timegm = (tm: Tm): number => Date.UTC(tm.year + 1900, tm.mon, tm.mday, tm.hour, tm.min, tm.sec) / 1000;

/** ctime(3) without the newline: "Wed Jun 30 21:49:08 1993". */
function ctime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const t = gmtime(seconds);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[t.mon]} ${String(t.mday).padStart(2)} ${pad(t.hour)}:${pad(t.min)}:${pad(t.sec)} ${t.year + 1900}`;
}

/**
 * ls -l's 13-column date: "Jun 30 21:49 " for files less than half a year
 * old (and at most 15 minutes in the future), else "Jun 30  1993 ".
 * Both times are whole seconds.
 */
export function lsTime(seconds: number, nowSeconds: number): string {
  const c = ctime(seconds);
  const age = nowSeconds - seconds;
  if (age < (3600 * 24 * 365) / 2 && age > -15 * 60) return c.slice(4, 16) + ' ';
  return c.slice(4, 11) + (c.slice(20) + ' ').padStart(6);
}

/** ls --full-time: "2024-06-30 21:49:08 +0000". */
export function fullTime(seconds: number): string {
  const t = gmtime(seconds);
  return `${t.year + 1900}-${pad(t.mon + 1)}-${pad(t.mday)} ${pad(t.hour)}:${pad(t.min)}:${pad(t.sec)} +0000`;
}

/** stat's times: "2024-06-30 21:49:08.123000000 +0000" (our clocks keep milliseconds). */
export function statTime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const t = gmtime(seconds);
  const nanos = (ms - seconds * 1000) * 1_000_000;
  return `${t.year + 1900}-${pad(t.mon + 1)}-${pad(t.mday)} ${pad(t.hour)}:${pad(t.min)}:${pad(t.sec)}.${pad(Math.round(nanos), 9)} +0000`;
}

// ---- parse_datestr ----------------------------------------------------------

type Field = 'Y' | 'm' | 'd' | 'H' | 'M' | 'S' | 'b';

/** strptime for the few conversions busybox uses; fields not in the format keep their value. */
function strptime(input: string, format: string, tm: Tm): boolean {
  let s = 0;
  const digits = (max: number): number | undefined => {
    let n = 0;
    let k = 0;
    while (k < max && /[0-9]/.test(input[s] ?? '')) n = n * 10 + Number(input[s++]), k++;
    return k === 0 ? undefined : n;
  };
  const ranged = (lo: number, hi: number, width: number): number | undefined => {
    const v = digits(width);
    return v === undefined || v < lo || v > hi ? undefined : v;
  };
  for (let f = 0; f < format.length; f++) {
    const c = format[f]!;
    if (c === ' ') {
      while (/\s/.test(input[s] ?? '')) s++;
      continue;
    }
    if (c !== '%') {
      if (input[s] !== c) return false;
      s++;
      continue;
    }
    const conv = format[++f] as Field | 'R' | 'T';
    if (conv === 'R' || conv === 'T') {
      if (!strptimeInto(conv === 'R' ? '%H:%M' : '%H:%M:%S')) return false;
      continue;
    }
    let v: number | undefined;
    switch (conv) {
      case 'Y': {
        const neg = input[s] === '-';
        if (input[s] === '+' || neg) s++;
        v = digits(4);
        if (v === undefined) return false;
        tm.year = (neg ? -v : v) - 1900;
        continue;
      }
      case 'm':
        v = ranged(1, 12, 2);
        if (v === undefined) return false;
        tm.mon = v - 1;
        continue;
      case 'd':
        v = ranged(1, 31, 2);
        if (v === undefined) return false;
        tm.mday = v;
        continue;
      case 'H':
        v = ranged(0, 23, 2);
        if (v === undefined) return false;
        tm.hour = v;
        continue;
      case 'M':
        v = ranged(0, 59, 2);
        if (v === undefined) return false;
        tm.min = v;
        continue;
      case 'S':
        v = ranged(0, 60, 2);
        if (v === undefined) return false;
        tm.sec = v;
        continue;
      case 'b': {
        const rest = input.slice(s).toLowerCase();
        const i = MONTHS.findIndex((m) => rest.startsWith(m.toLowerCase()));
        if (i < 0) return false;
        s += 3;
        tm.mon = i;
        continue;
      }
    }
    return false;
  }
  return s === input.length;

  function strptimeInto(sub: string): boolean {
    // %R and %T expand in place: parse the rest of the input against the expansion.
    const before = s;
    const fields = sub.split(':');
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) {
        if (input[s] !== ':') return (s = before), false;
        s++;
      }
      const which = fields[i]!.slice(1) as 'H' | 'M' | 'S';
      const v = which === 'H' ? ranged(0, 23, 2) : which === 'M' ? ranged(0, 59, 2) : ranged(0, 60, 2);
      if (v === undefined) return false;
      if (which === 'H') tm.hour = v;
      else if (which === 'M') tm.min = v;
      else tm.sec = v;
    }
    return true;
  }
}

const FORMATS = ['%R', '%T', '%m.%d-%R', '%m.%d-%T', '%Y.%m.%d-%R', '%Y.%m.%d-%T', '%b %d %T %Y', '%Y-%m-%d %R', '%Y-%m-%d %T', '%Y-%m-%d %H', '%Y-%m-%d'];

/**
 * busybox's parse_datestr + validate_tm_time (touch -d/-t, date -d): the
 * strptime formats above, "@SECONDS", then touch's [[[[cc]yy]mm]dd]hhmm[.ss].
 * Fields a format leaves out keep the current time's values, as in busybox
 * ("touch -d 2024-01-01" keeps the time of day). Returns seconds since the
 * epoch, or undefined for busybox's "invalid date".
 */
export function parseDate(text: string, nowSeconds: number): number | undefined {
  const now = gmtime(nowSeconds);
  for (const f of FORMATS) {
    const tm = { ...now };
    if (strptime(text, f, tm)) return timegm(tm);
  }
  if (text.startsWith('@')) {
    return /^@[+-]?[0-9]+$/.test(text) ? Number(text.slice(1)) : undefined;
  }
  const tm = { ...now };
  const dot = text.indexOf('.');
  const main = dot < 0 ? text : text.slice(0, dot);
  if (!/^[0-9]+$/.test(main)) return undefined;
  const two = (i: number) => Number(main.slice(i, i + 2));
  switch (main.length) {
    case 2:
      tm.min = two(0);
      break;
    case 4:
      [tm.hour, tm.min] = [two(0), two(2)];
      break;
    case 6:
      [tm.mday, tm.hour, tm.min] = [two(0), two(2), two(4)];
      break;
    case 8:
      [tm.mon, tm.mday, tm.hour, tm.min] = [two(0) - 1, two(2), two(4), two(6)];
      break;
    case 10: {
      const cur = now.year;
      [tm.year, tm.mon, tm.mday, tm.hour, tm.min] = [two(0), two(2) - 1, two(4), two(6), two(8)];
      if (cur >= 50) {
        tm.year += Math.floor(cur / 100) * 100;
        if (tm.year < cur - 50) tm.year += 100;
        if (tm.year > cur + 50) tm.year -= 100;
      }
      break;
    }
    case 12:
      [tm.year, tm.mon, tm.mday, tm.hour, tm.min] = [Number(main.slice(0, 4)) - 1900, two(4) - 1, two(6), two(8), two(10)];
      break;
    default:
      return undefined;
  }
  tm.sec = 0;
  if (dot >= 0) {
    const s = text.slice(dot + 1);
    if (!/^[0-9]+$/.test(s)) return undefined;
    tm.sec = Number(s);
  }
  if (tm.sec > 60 || tm.min > 59 || tm.hour > 23 || tm.mday > 31 || tm.mon > 11) return undefined;
  return timegm(tm);
}
