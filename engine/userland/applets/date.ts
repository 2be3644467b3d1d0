/**
 * date [OPTIONS] [+FMT] [[-s] TIME]: show the time (+FMT in strftime's
 * terms, -R for RFC 2822, -I for ISO 8601, -u for UTC), show another time
 * (-d TIME, -r FILE), or set the clock (-s TIME or a bare TIME). The clock is
 * the host computer's, which no program inside may change: setting it fails
 * with EPERM, as in a container, and date then shows the time it was given.
 *
 * TIME is read as busybox does: "@SECONDS", "hh:mm[:ss]", "YYYY-MM-DD
 * hh:mm[:ss]", "[YYYY.]MM.DD-hh:mm[:ss]", "Mon DD hh:mm:ss YYYY",
 * "[[[[[YY]YY]MM]DD]hh]mm[.ss]" — or with -D FMT, by strptime.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { applet, fail } from '../lib/applet.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { UTC, localTime, mkTime, strftime, strptime, timeZone, type TimeZone, type Tm } from '../lib/system-time.ts';

const USAGE = `Usage: date [OPTIONS] [+FMT] [[-s] TIME]

Display time (using +FMT), or set time

	-u		Work in UTC (don't convert to local time)
	[-s] TIME	Set time to TIME
	-d TIME		Display TIME, not 'now'
	-D FMT		FMT (strptime format) for -s/-d TIME conversion
	-r FILE		Display last modification time of FILE
	-R		Output RFC-2822 date
	-I[SPEC]	Output ISO-8601 date
			SPEC=date (default), hours, minutes, seconds or ns

Recognized TIME formats:
	@seconds_since_1970
	hh:mm[:ss]
	[YYYY.]MM.DD-hh:mm[:ss]
	YYYY-MM-DD hh:mm[:ss]
	[[[[[YY]YY]MM]DD]hh]mm[.ss]
	'date TIME' form accepts MMDDhhmm[[YY]YY][.ss] instead`;

/** The strptime formats busybox tries first, in order. */
const FORMATS = ['%R', '%T', '%m.%d-%R', '%m.%d-%T', '%Y.%m.%d-%R', '%Y.%m.%d-%T', '%b %d %T %Y', '%Y-%m-%d %R', '%Y-%m-%d %T', '%Y-%m-%d %R %z', '%Y-%m-%d %T %z', '%Y-%m-%d %H', '%Y-%m-%d'];

const invalidDate = (text: string): never => fail(`invalid date '${text}'`);

/**
 * sscanf's "%2u%2u…%c" over a string of digits: each field skips blanks,
 * takes an optional sign and up to `width` digits. Returns the fields read
 * (a trailing character as `end`).
 */
function scanNumbers(s: string, widths: number[]): { values: number[]; end?: string } {
  const values: number[] = [];
  let i = 0;
  for (const w of widths) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    let j = i;
    let text = '';
    if (s[j] === '+' || s[j] === '-') text += s[j++];
    while (j < s.length && j - i < w && /\d/.test(s[j]!)) text += s[j++];
    if (!/\d/.test(text)) return { values };
    values.push(Number(text) >>> 0);
    i = j;
  }
  return i < s.length ? { values, end: s[i] } : { values };
}

/** libbb's parse_datestr: fills `tm` from TIME. Returns false when the time is absolute (@SECONDS). */
function parseDate(text: string, tm: Tm, zone: TimeZone): boolean {
  const save = { ...tm };
  for (const fmt of FORMATS) {
    // musl's strptime has no %z: those two formats never match
    if (!fmt.includes('%z')) {
      const used = strptime(text, fmt, tm);
      if (used !== undefined && used === text.length) return true;
    }
    Object.assign(tm, save);
  }
  if (text[0] === '@') {
    const digits = text.slice(1);
    const first = digits[0] === '-' ? digits[1] : digits[0];
    if (first !== undefined && /[0-9a-zA-Z]/.test(first) && /^-?\d+$/.test(digits)) {
      const t = Number(digits);
      if (Math.abs(t) < 8.64e12) {
        Object.assign(tm, localTime(t, zone));
        return false;
      }
    }
    return invalidDate(text);
  }
  const curYear = tm.year;
  const len = text.includes('.') ? text.indexOf('.') : text.length;
  let end: string | undefined;
  let ok = false;
  if (len === 2) {
    const r = scanNumbers(text, [2]);
    if (r.values.length >= 1) {
      tm.min = r.values[0]!;
      end = r.end;
      ok = true;
    }
  } else if (len === 4) {
    const r = scanNumbers(text, [2, 2]);
    if (r.values.length >= 2) {
      [tm.hour, tm.min] = r.values as [number, number];
      end = r.end;
      ok = true;
    }
  } else if (len === 6) {
    const r = scanNumbers(text, [2, 2, 2]);
    if (r.values.length >= 3) {
      [tm.mday, tm.hour, tm.min] = r.values as [number, number, number];
      end = r.end;
      ok = true;
    }
  } else if (len === 8) {
    const r = scanNumbers(text, [2, 2, 2, 2]);
    if (r.values.length >= 4) {
      [tm.mon, tm.mday, tm.hour, tm.min] = r.values as [number, number, number, number];
      tm.mon -= 1;
      end = r.end;
      ok = true;
    }
  } else if (len === 10) {
    const r = scanNumbers(text, [2, 2, 2, 2, 2]);
    if (r.values.length >= 5) {
      [tm.year, tm.mon, tm.mday, tm.hour, tm.min] = r.values as [number, number, number, number, number];
      tm.mon -= 1;
      if (curYear >= 50) {
        tm.year += Math.floor(curYear / 100) * 100;
        if (tm.year < curYear - 50) tm.year += 100;
        if (tm.year > curYear + 50) tm.year -= 100;
      }
      end = r.end;
      ok = true;
    }
  } else if (len === 12) {
    const r = scanNumbers(text, [4, 2, 2, 2, 2]);
    if (r.values.length >= 5) {
      [tm.year, tm.mon, tm.mday, tm.hour, tm.min] = r.values as [number, number, number, number, number];
      tm.year -= 1900;
      tm.mon -= 1;
      end = r.end;
      ok = true;
    }
  }
  if (!ok) return invalidDate(text);
  tm.sec = 0;
  if (end === '.') {
    const r = scanNumbers(text.slice(text.indexOf('.') + 1), [Infinity]);
    if (r.values.length === 1) {
      tm.sec = r.values[0]!;
      end = r.end;
    }
  }
  if (tm.sec > 60 || tm.min > 59 || tm.hour > 23 || tm.mday > 31 || tm.mon > 11 || tm.mon < 0) invalidDate(text);
  if (end !== undefined) invalidDate(text);
  return true;
}

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  const o = await parseOptions(ctx, 'Rs:ud:r:I::D:', {
    'rfc-822': ['R', 0],
    'rfc-2822': ['R', 0],
    set: ['s', 1],
    utc: ['u', 0],
    date: ['d', 1],
    reference: ['r', 1],
  });
  if ((o.has('d') && o.has('s')) || (o.has('R') && o.has('I'))) {
    await ctx.usage();
    return 1;
  }
  const zone = o.has('u') ? UTC : timeZone(sys.env);
  let iso = -1;
  if (o.has('I')) {
    iso = 0;
    const spec = o.value('I');
    if (spec !== undefined) {
      iso = ['date', 'hours', 'minutes', 'seconds', 'ns'].indexOf(spec);
      if (iso < 0) {
        await ctx.usage();
        return 1;
      }
    }
  }
  let args = o.operands;
  let fmt: string | undefined;
  if (args[0]?.startsWith('+')) {
    fmt = args[0].slice(1);
    args = args.slice(1);
  }
  let setting = o.has('s');
  let dateStr = o.has('s') ? o.value('s') : o.value('d');
  if (!o.has('s') && !o.has('d')) {
    setting = true;
    dateStr = args[0];
    if (dateStr !== undefined) {
      // 'date TIME' takes MMDDhhmm[[CC]YY][.ss]: move the year to the front
      const m = /^(\d*)(\.\d\d)?$/.exec(dateStr);
      if (m) {
        const digits = m[1]!;
        const len = digits.length - 8;
        if (len < 0 || len > 4 || len & 1) invalidDate(dateStr);
        if (len !== 0) dateStr = digits.slice(8) + digits.slice(0, 8) + (m[2] ?? '');
      }
      args = args.slice(1);
    }
  }
  if (args.length > 0) {
    await ctx.usage();
    return 1;
  }

  let seconds: number;
  if (o.has('r')) {
    const file = o.value('r')!;
    try {
      seconds = Math.floor(sys.stat(file).mtimeMs / 1000);
    } catch (e) {
      if (e instanceof FsError) fail(`can't stat '${file}': ${strerror(e.code)}`);
      throw e;
    }
  } else seconds = Math.floor(sys.now() / 1000);
  let tm = localTime(seconds!, zone);

  if (dateStr !== undefined) {
    tm.sec = tm.min = tm.hour = 0;
    if (o.has('D')) {
      if (strptime(dateStr, o.value('D')!, tm) === undefined) invalidDate(dateStr);
    } else parseDate(dateStr, tm, zone);
    const t = mkTime(tm, zone) ?? invalidDate(dateStr);
    tm = localTime(t, zone);
    if (setting) {
      // clock_settime: the clock belongs to the computer Berth runs on.
      await err.write(`${ctx.name}: can't set date: ${strerror('EPERM')}\n`);
    }
  }

  if (fmt === undefined) {
    if (iso >= 0) {
      // busybox is built without nanosecond time: -Ins shows ,000000000
      fmt = iso === 4 ? '%Y-%m-%dT%H:%M:%S,000000000' : '%Y-%m-%dT%H:%M:%S'.slice(0, 8 + 3 * iso);
      if (iso !== 0) {
        const z = strftime('%z', tm);
        fmt += z.length === 5 ? `${z.slice(0, 3)}:${z.slice(3)}` : z;
      }
    } else if (o.has('R')) fmt = '%a, %d %b %Y %H:%M:%S %z';
    else fmt = '%a %b %e %H:%M:%S %Z %Y';
  }
  await out.write((fmt === '' ? '' : strftime(fmt, tm)) + '\n');
  return 0;
});
