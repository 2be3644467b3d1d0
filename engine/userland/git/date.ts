/**
 * Dates as git stores and shows them. A commit records seconds since the
 * epoch and the author's UTC offset ("1700000000 +0100"); git shows the time
 * in that offset, not the reader's:
 *
 *     formatDate(1700000000, 60, 'default')  // "Tue Nov 14 23:13:20 2023 +0100"
 *
 * Offsets are minutes east of UTC. The emulated machine's local zone is UTC.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface GitDate {
  /** Seconds since the epoch. */
  seconds: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** "+0100" for 60, "-0530" for -330. */
export function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function fields(date: GitDate) {
  const d = new Date((date.seconds + date.offset * 60) * 1000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), wday: d.getUTCDay(), hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds() };
}

export type DateMode = 'default' | 'iso' | 'iso-strict' | 'rfc' | 'short' | 'raw' | 'unix' | 'relative';

/** show_date: the modes `--date=` names. `now` (seconds) is for "relative". */
export function formatDate(date: GitDate, mode: DateMode = 'default', now = 0): string {
  const f = fields(date);
  const tz = formatOffset(date.offset);
  switch (mode) {
    case 'unix':
      return String(date.seconds);
    case 'raw':
      return `${date.seconds} ${tz}`;
    case 'relative':
      return relativeDate(date.seconds, now);
    case 'short':
      return `${f.year}-${pad(f.month + 1)}-${pad(f.day)}`;
    case 'iso':
      return `${f.year}-${pad(f.month + 1)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.min)}:${pad(f.sec)} ${tz}`;
    case 'iso-strict': {
      const zone = date.offset === 0 ? 'Z' : `${tz.slice(0, 3)}:${tz.slice(3)}`;
      return `${f.year}-${pad(f.month + 1)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.min)}:${pad(f.sec)}${zone}`;
    }
    case 'rfc':
      return `${DAYS[f.wday]}, ${f.day} ${MONTHS[f.month]} ${f.year} ${pad(f.hour)}:${pad(f.min)}:${pad(f.sec)} ${tz}`;
    default:
      return `${DAYS[f.wday]} ${MONTHS[f.month]} ${f.day} ${pad(f.hour)}:${pad(f.min)}:${pad(f.sec)} ${f.year} ${tz}`;
  }
}

/** "3 minutes ago", "2 years, 1 month ago", as git rounds them. */
export function relativeDate(time: number, now: number): string {
  if (now < time) return 'in the future';
  let diff = now - time;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (diff < 90) return `${plural(diff, 'second')} ago`;
  diff = Math.floor((diff + 30) / 60);
  if (diff < 90) return `${plural(diff, 'minute')} ago`;
  diff = Math.floor((diff + 30) / 60);
  if (diff < 36) return `${plural(diff, 'hour')} ago`;
  diff = Math.floor((diff + 12) / 24);
  if (diff < 14) return `${plural(diff, 'day')} ago`;
  if (diff < 70) return `${plural(Math.floor((diff + 3) / 7), 'week')} ago`;
  if (diff < 365) return `${plural(Math.floor((diff + 15) / 30), 'month')} ago`;
  if (diff < 1825) {
    const total = Math.floor((diff * 12 * 2 + 365) / (365 * 2));
    const years = Math.floor(total / 12);
    const months = total % 12;
    return months ? `${plural(years, 'year')}, ${plural(months, 'month')} ago` : `${plural(years, 'year')} ago`;
  }
  return `${plural(Math.floor((diff + 183) / 365), 'year')} ago`;
}

const MONTH_INDEX = new Map(MONTHS.map((m, i) => [m.toLowerCase(), i]));
const ZONES: Record<string, number> = { utc: 0, gmt: 0, z: 0, ut: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, cet: 60, cest: 120, bst: 60, jst: 540 };

/**
 * parse_date for the forms people give GIT_AUTHOR_DATE and --date:
 * "@1700000000 +0000", "1700000000 +0000", ISO 8601 ("2023-11-14 22:13:20",
 * "2023-11-14T22:13:20+01:00") and RFC 2822 ("Tue, 14 Nov 2023 22:13:20 +0000").
 * A missing offset means the local zone (UTC here). Null when it is not a date.
 */
export function parseDate(text: string): GitDate | null {
  const s = text.trim();
  const raw = /^@?(\d+) ([+-])(\d{4})$/.exec(s);
  if (raw) {
    const n = Number(raw[3]);
    const off = Math.floor(n / 100) * 60 + (n % 100);
    return { seconds: Number(raw[1]), offset: raw[2] === '-' ? -off : off };
  }
  const at = /^@(\d+)$/.exec(s);
  if (at) return { seconds: Number(at[1]), offset: 0 };
  if (/^\d{9,}$/.test(s)) return { seconds: Number(s), offset: 0 };

  let year = -1;
  let month = -1;
  let day = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let offset: number | null = null;
  const tokens = s.split(/[\s,]+/).filter((t) => t !== '');
  for (let t of tokens) {
    const lower = t.toLowerCase();
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](.*))?$/.exec(t);
    if (iso) {
      year = Number(iso[1]);
      month = Number(iso[2]) - 1;
      day = Number(iso[3]);
      if (!iso[4]) continue;
      t = iso[4];
    }
    const time = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
    if (time) {
      hour = Number(time[1]);
      min = Number(time[2]);
      sec = Number(time[3] ?? '0');
      if (time[4]) offset = parseZone(time[4]);
      continue;
    }
    if (/^[+-]\d{2}:?\d{2}$/.test(t)) {
      offset = parseZone(t);
      continue;
    }
    if (ZONES[lower] !== undefined) {
      offset = ZONES[lower]!;
      continue;
    }
    const mon = MONTH_INDEX.get(lower.slice(0, 3));
    if (mon !== undefined && /^[a-z]+\.?$/.test(lower)) {
      month = mon;
      continue;
    }
    if (DAYS.some((d) => lower.startsWith(d.toLowerCase()))) continue;
    if (/^\d{4}$/.test(t) && year < 0) {
      year = Number(t);
      continue;
    }
    if (/^\d{1,2}$/.test(t) && day < 0) {
      day = Number(t);
      continue;
    }
    const slash = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
    if (slash) {
      // git reads 10/31/2023 as month/day, 31.10.2023 as day.month.
      const a = Number(slash[1]);
      const b = Number(slash[2]);
      year = Number(slash[3]);
      if (t.includes('.') || a > 12) [day, month] = [a, b - 1];
      else [month, day] = [a - 1, b];
      continue;
    }
    return null;
  }
  if (year < 0 || month < 0 || day < 0 || month > 11 || day > 31 || hour > 23 || min > 59 || sec > 60) return null;
  const utc = Date.UTC(year, month, day, hour, min, sec) / 1000;
  const off = offset ?? 0;
  return { seconds: utc - off * 60, offset: off };
}

function parseZone(z: string): number {
  if (z.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z)!;
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -v : v;
}
