/**
 * Broken-down time as musl's libc handles it for busybox's date, uptime and
 * watch: `struct tm`, the time zone from $TZ, and musl's own strftime and
 * strptime (which differ from glibc's: no %k/%l/%P/%N, an unknown
 * conversion cuts the output short, numbers are not preceded by blanks).
 *
 * The machine has no /etc/localtime, so without TZ the zone is UTC.
 *
 *     const zone = timeZone(sys.env);
 *     strftime('%Y-%m-%d %H:%M:%S %Z', localTime(Date.now() / 1000, zone)); // "2026-11-22 20:05:57 UTC"
 */

export interface Tm {
  sec: number;
  min: number;
  hour: number;
  /** Day of the month, 1–31. */
  mday: number;
  /** Month, 0–11. */
  mon: number;
  /** Years since 1900. */
  year: number;
  /** Day of the week, 0 = Sunday. */
  wday: number;
  /** Day of the year, 0–365. */
  yday: number;
  isdst: number;
  /** Seconds east of UTC. */
  gmtoff: number;
  zone: string;
}

export interface TimeZone {
  name: string;
  /** Seconds east of UTC. */
  gmtoff: number;
}

export const UTC: TimeZone = { name: 'UTC', gmtoff: 0 };

/**
 * The zone $TZ names, as musl reads a POSIX TZ string: "UTC0", "EST5",
 * "<+0530>-5:30", "JST-9". Zone files (TZ=Europe/Paris) need
 * /usr/share/zoneinfo, which these systems lack: musl then falls back to UTC.
 * Daylight-saving rules ("EST5EDT") are not applied.
 */
export function timeZone(env: readonly string[]): TimeZone {
  const entry = [...env].reverse().find((e) => e.startsWith('TZ='));
  let s = entry?.slice(3);
  if (s === undefined || s === '') return UTC;
  const slash = s.indexOf('/');
  if (s[0] === ':' || (slash >= 0 && !s.slice(0, slash).includes(','))) return UTC;
  let i = 0;
  let name = '';
  if (s[0] === '<') {
    const close = s.indexOf('>');
    name = s.slice(1, close < 0 ? undefined : close);
    i = close < 0 ? s.length : close + 1;
  } else {
    while (i < s.length && /[a-zA-Z]/.test(s[i]!)) i++;
    name = s.slice(0, i);
  }
  s = s.slice(i);
  let neg = false;
  if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  } else if (s[0] === '+') s = s.slice(1);
  const parts = /^(\d*)(?::(\d*)(?::(\d*))?)?/.exec(s)!;
  const west = 3600 * Number(parts[1] || 0) + 60 * Number(parts[2] || 0) + Number(parts[3] || 0);
  return { name, gmtoff: neg ? west : -west };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** localtime_r: seconds since the epoch to broken-down time in `zone`. */
export function localTime(seconds: number, zone: TimeZone): Tm {
  const d = new Date((Math.floor(seconds) + zone.gmtoff) * 1000);
  const year = d.getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  const startOfDay = Date.UTC(year, d.getUTCMonth(), d.getUTCDate());
  return {
    sec: d.getUTCSeconds(),
    min: d.getUTCMinutes(),
    hour: d.getUTCHours(),
    mday: d.getUTCDate(),
    mon: d.getUTCMonth(),
    year: year - 1900,
    wday: d.getUTCDay(),
    yday: Math.round((startOfDay - start) / 86400000),
    isdst: 0,
    gmtoff: zone.gmtoff,
    zone: zone.name,
  };
}

/**
 * mktime: broken-down local time (fields may be out of range: 31 February
 * is 3 March) to seconds since the epoch. Undefined where mktime fails.
 */
export function mkTime(tm: Tm, zone: TimeZone): number | undefined {
  const d = new Date(0);
  d.setUTCFullYear(tm.year + 1900, tm.mon, tm.mday);
  d.setUTCHours(tm.hour, tm.min, tm.sec, 0);
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return undefined;
  return ms / 1000 - zone.gmtoff;
}

// ---- strftime ----------------------------------------------------------------------

const ABDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ABMON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function weekNum(tm: Tm): number {
  let val = Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7);
  if ((tm.wday + 371 - tm.yday - 2) % 7 <= 2) val++;
  if (!val) {
    val = 52;
    const dec31 = (tm.wday + 7 - tm.yday - 1) % 7;
    if (dec31 === 4 || (dec31 === 5 && isLeap(1900 + ((tm.year % 400) - 1)))) val++;
  } else if (val === 53) {
    const jan1 = (tm.wday + 371 - tm.yday) % 7;
    if (jan1 !== 4 && (jan1 !== 3 || !isLeap(1900 + tm.year))) val = 1;
  }
  return val;
}

/** One conversion; undefined for the ones musl does not know (which end the output). */
function conversion(f: string, tm: Tm, pad: string): string | undefined {
  let val: number;
  let width = 2;
  let defPad = '0';
  switch (f) {
    case 'a':
      return ABDAY[tm.wday] ?? '-';
    case 'A':
      return DAY[tm.wday] ?? '-';
    case 'h':
    case 'b':
      return ABMON[tm.mon] ?? '-';
    case 'B':
      return MON[tm.mon] ?? '-';
    case 'c':
      return strftimeOrUndefined('%a %b %e %T %Y', tm);
    case 'C':
      val = Math.trunc((1900 + tm.year) / 100);
      break;
    case 'e':
      defPad = '_';
      val = tm.mday;
      break;
    case 'd':
      val = tm.mday;
      break;
    case 'D':
      return strftimeOrUndefined('%m/%d/%y', tm);
    case 'F':
      return strftimeOrUndefined('%Y-%m-%d', tm);
    case 'g':
    case 'G':
      val = tm.year + 1900;
      if (tm.yday < 3 && weekNum(tm) !== 1) val--;
      else if (tm.yday > 360 && weekNum(tm) === 1) val++;
      if (f === 'g') val %= 100;
      else width = 4;
      break;
    case 'H':
      val = tm.hour;
      break;
    case 'I':
      val = tm.hour;
      if (!val) val = 12;
      else if (val > 12) val -= 12;
      break;
    case 'j':
      val = tm.yday + 1;
      width = 3;
      break;
    case 'm':
      val = tm.mon + 1;
      break;
    case 'M':
      val = tm.min;
      break;
    case 'n':
      return '\n';
    case 'p':
      return tm.hour >= 12 ? 'PM' : 'AM';
    case 'r':
      return strftimeOrUndefined('%I:%M:%S %p', tm);
    case 'R':
      return strftimeOrUndefined('%H:%M', tm);
    case 's':
      val = Date.UTC(1900 + tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec) / 1000 - tm.gmtoff;
      width = 1;
      break;
    case 'S':
      val = tm.sec;
      break;
    case 't':
      return '\t';
    case 'T':
      return strftimeOrUndefined('%H:%M:%S', tm);
    case 'u':
      val = tm.wday ? tm.wday : 7;
      width = 1;
      break;
    case 'U':
      val = Math.floor((tm.yday + 7 - tm.wday) / 7);
      break;
    case 'W':
      val = Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7);
      break;
    case 'V':
      val = weekNum(tm);
      break;
    case 'w':
      val = tm.wday;
      width = 1;
      break;
    case 'x':
      return strftimeOrUndefined('%m/%d/%y', tm);
    case 'X':
      return strftimeOrUndefined('%H:%M:%S', tm);
    case 'y':
      val = Math.abs((tm.year + 1900) % 100);
      break;
    case 'Y':
      val = tm.year + 1900;
      if (val >= 10000) return `+${val}`;
      width = 4;
      break;
    case 'z': {
      if (tm.isdst < 0) return '';
      const v = Math.trunc(tm.gmtoff / 3600) * 100 + Math.trunc((tm.gmtoff % 3600) / 60);
      return (v < 0 ? '-' : '+') + String(Math.abs(v)).padStart(4, '0');
    }
    case 'Z':
      return tm.isdst < 0 ? '' : tm.zone;
    case '%':
      return '%';
    default:
      return undefined;
  }
  const p = pad || defPad;
  const neg = val < 0;
  const digits = String(Math.abs(val));
  if (p === '-') return (neg ? '-' : '') + digits;
  if (p === '_') return ((neg ? '-' : '') + digits).padStart(width, ' ');
  return (neg ? '-' : '') + digits.padStart(neg ? width - 1 : width, '0');
}

function strftimeOrUndefined(fmt: string, tm: Tm): string | undefined {
  const r = strftimeWithStatus(fmt, tm);
  return r.complete && r.text !== '' ? r.text : undefined;
}

function strftimeWithStatus(fmt: string, tm: Tm): { text: string; complete: boolean } {
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    let pad = '';
    if (fmt[i] === '-' || fmt[i] === '_' || fmt[i] === '0') pad = fmt[i++]!;
    const plus = fmt[i] === '+';
    if (plus) i++;
    const digits = /^\d+/.exec(fmt.slice(i))?.[0] ?? '';
    let width = digits ? Number(digits) : 0;
    const p = i + digits.length;
    const conv = fmt[p];
    if (conv === 'C' || conv === 'F' || conv === 'G' || conv === 'Y') {
      if (!width && p !== i) width = 1;
    } else width = 0;
    i = p;
    if (fmt[i] === 'E' || fmt[i] === 'O') i++;
    const t0 = i < fmt.length ? conversion(fmt[i]!, tm, pad) : undefined;
    if (t0 === undefined) return { text: out, complete: false };
    let t = t0;
    if (width) {
      if (t[0] === '+' || t[0] === '-') t = t.slice(1);
      while (t[0] === '0' && t[1] !== undefined && /\d/.test(t[1])) t = t.slice(1);
      const k = t.length;
      if (width < k) width = k;
      const d = /^\d*/.exec(t)![0].length;
      if (tm.year < -1900) {
        out += '-';
        width--;
      } else if (plus && d + (width - k) >= (conv === 'C' ? 3 : 5)) {
        out += '+';
        width--;
      }
      for (; width > k; width--) out += '0';
    }
    out += t;
    i++;
  }
  return { text: out, complete: true };
}

/** musl's strftime: the text produced (up to an unknown conversion, where musl stops). */
export function strftime(fmt: string, tm: Tm): string {
  return strftimeWithStatus(fmt, tm).text;
}

// ---- strptime ----------------------------------------------------------------------

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c !== undefined && /[ \t\n\v\f\r]/.test(c);

/**
 * musl's strptime: parses `s` by `fmt` into `tm` (fields not in the format
 * are left alone). Returns how many characters were used, or undefined.
 * Numbers take no leading blanks and at most as many digits as fit.
 */
export function strptime(s: string, fmt: string, tm: Tm): number | undefined {
  let si = 0;
  let fi = 0;
  let wantCentury = 0;
  let century = 0;
  let relyear = 0;
  const set = (field: keyof Tm | 'century' | 'relyear' | 'dummy', v: number) => {
    if (field === 'century') century = v;
    else if (field === 'relyear') relyear = v;
    else if (field !== 'dummy') (tm as unknown as Record<string, number>)[field] = v;
  };
  const nested = (f: string): boolean => {
    const r = strptime(s.slice(si), f, tm);
    if (r === undefined) return false;
    si += r;
    return true;
  };
  while (fi < fmt.length) {
    const fc = fmt[fi]!;
    if (fc !== '%') {
      if (isSpace(fc)) while (si < s.length && isSpace(s[si])) si++;
      else if (s[si] !== fc) return undefined;
      else si++;
      fi++;
      continue;
    }
    fi++;
    if (fmt[fi] === '+') fi++;
    let w = -1;
    const wd = /^\d+/.exec(fmt.slice(fi))?.[0];
    if (wd) {
      w = Number(wd);
      fi += wd.length;
    }
    const conv = fmt[fi++];
    let field: keyof Tm | 'century' | 'relyear' | 'dummy';
    let min = 0;
    let range = 0;
    let adj = 0;
    let kind: 'range' | 'digits' | 'names' | 'done';
    let names: string[] = [];
    switch (conv) {
      case 'a':
      case 'A':
        field = 'wday';
        names = [...ABDAY, ...DAY];
        kind = 'names';
        break;
      case 'b':
      case 'B':
      case 'h':
        field = 'mon';
        names = [...ABMON, ...MON];
        kind = 'names';
        break;
      case 'c':
        if (!nested('%a %b %e %T %Y')) return undefined;
        continue;
      case 'C':
        field = 'century';
        if (w < 0) w = 2;
        wantCentury |= 2;
        kind = 'digits';
        break;
      case 'd':
      case 'e':
        field = 'mday';
        min = 1;
        range = 31;
        kind = 'range';
        break;
      case 'D':
        if (!nested('%m/%d/%y')) return undefined;
        continue;
      case 'H':
        field = 'hour';
        range = 24;
        kind = 'range';
        break;
      case 'I':
        field = 'hour';
        min = 1;
        range = 12;
        kind = 'range';
        break;
      case 'j':
        field = 'yday';
        min = 1;
        range = 366;
        adj = 1;
        kind = 'range';
        break;
      case 'm':
        field = 'mon';
        min = 1;
        range = 12;
        adj = 1;
        kind = 'range';
        break;
      case 'M':
        field = 'min';
        range = 60;
        kind = 'range';
        break;
      case 'n':
      case 't':
        while (si < s.length && isSpace(s[si])) si++;
        continue;
      case 'p': {
        const rest = s.slice(si).toUpperCase();
        if (rest.startsWith('AM')) {
          tm.hour %= 12;
          si += 2;
        } else if (rest.startsWith('PM')) {
          tm.hour = (tm.hour % 12) + 12;
          si += 2;
        } else return undefined;
        continue;
      }
      case 'r':
        if (!nested('%I:%M:%S %p')) return undefined;
        continue;
      case 'R':
        if (!nested('%H:%M')) return undefined;
        continue;
      case 'S':
        field = 'sec';
        range = 61;
        kind = 'range';
        break;
      case 'T':
        if (!nested('%H:%M:%S')) return undefined;
        continue;
      case 'U':
      case 'W':
        field = 'dummy';
        range = 54;
        kind = 'range';
        break;
      case 'w':
        field = 'wday';
        range = 7;
        kind = 'range';
        break;
      case 'x':
        if (!nested('%m/%d/%y')) return undefined;
        continue;
      case 'X':
        if (!nested('%H:%M:%S')) return undefined;
        continue;
      case 'y':
        field = 'relyear';
        w = 2;
        wantCentury |= 1;
        kind = 'digits';
        break;
      case 'Y':
        field = 'year';
        if (w < 0) w = 4;
        adj = 1900;
        wantCentury = 0;
        kind = 'digits';
        break;
      case '%':
        if (s[si++] !== '%') return undefined;
        continue;
      default:
        return undefined;
    }
    if (kind === 'range') {
      if (!isDigit(s[si])) return undefined;
      let v = 0;
      for (let i = 1; i <= min + range && isDigit(s[si]); i *= 10) v = v * 10 + Number(s[si++]);
      if (v - min < 0 || v - min >= range) return undefined;
      set(field, v - adj);
    } else if (kind === 'digits') {
      let neg = false;
      if (s[si] === '+') si++;
      else if (s[si] === '-') {
        neg = true;
        si++;
      }
      if (!isDigit(s[si])) return undefined;
      let v = 0;
      for (let i = 0; i < w && isDigit(s[si]); i++) v = v * 10 + Number(s[si++]);
      if (neg) v = -v;
      set(field, v - adj);
    } else if (kind === 'names') {
      const range2 = names.length / 2;
      let found = -1;
      for (let i = names.length - 1; i >= 0; i--) {
        const ex = names[i]!;
        if (s.slice(si, si + ex.length).toLowerCase() !== ex.toLowerCase()) continue;
        si += ex.length;
        found = i % range2;
        break;
      }
      if (found < 0) return undefined;
      set(field, found);
    }
  }
  if (wantCentury) {
    tm.year = relyear;
    if (wantCentury & 2) tm.year += century * 100 - 1900;
    else if (tm.year <= 68) tm.year += 100;
  }
  return si;
}
