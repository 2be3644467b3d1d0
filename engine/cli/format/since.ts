/**
 * What docker accepts for `--since` and `--until` (`docker logs`, `docker events`,
 * `docker system prune --filter until=`): Go durations before now, RFC3339-like
 * dates, or Unix timestamps; moby's api/types/time GetTimestamp, and Go's
 * time.ParseDuration it relies on, with Go's error wording.
 *
 * @example
 *   getTimestamp('10m', Date.UTC(2024, 9, 16, 12))         // "1729079400"
 *   getTimestamp('2024-10-16', 0)                          // "1729036800.000000000"
 *   parseDuration('1h30m')                                 // 5400000000000n
 */
import { quote } from './gostrconv.ts';
import { floorDiv, NS, parseTime, timeQuote, toNanos, UTC, type Instant, type Zone } from './time.ts';

const durationUnits: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n,
  'μs': 1000n,
  ms: 1_000_000n,
  s: NS,
  m: 60n * NS,
  h: 3600n * NS,
};

/** Go's time.ParseDuration ("1h30m", "1.5h", "-10s") in nanoseconds; Go's error wording. */
export function parseDuration(orig: string): bigint {
  const invalid = (): Error => new Error(`time: invalid duration ${timeQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let d = 0n;
  const max = 1n << 63n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s) as RegExpExecArray;
    const [whole, int = '', frac] = m;
    if (int === '' && (frac === undefined || frac === '')) throw invalid();
    s = s.slice(whole.length);
    const unitLen = /^[^.0-9]*/.exec(s)![0].length;
    if (unitLen === 0) throw new Error(`time: missing unit in duration ${timeQuote(orig)}`);
    const u = s.slice(0, unitLen);
    s = s.slice(unitLen);
    const unit = durationUnits[u];
    if (unit === undefined) throw new Error(`time: unknown unit ${timeQuote(u)} in duration ${timeQuote(orig)}`);
    let v = BigInt(int === '' ? '0' : int);
    if (v > max / unit) throw invalid();
    v *= unit;
    if (frac !== undefined && /[1-9]/.test(frac)) {
      const digits = frac.slice(0, 18);
      v += BigInt(Math.trunc(Number(digits) * (Number(unit) / 10 ** digits.length)));
      if (v > max) throw invalid();
    }
    d += v;
    if (d > max) throw invalid();
  }
  if (neg) return -d;
  if (d > max - 1n) throw invalid();
  return d;
}

/**
 * docker's GetTimestamp for `--since`/`--until`: a Go duration before `now`
 * ("10m", "1h30m"), an RFC3339-like date ("2024-10-16", "2024-10-16T12:00",
 * "…Z", "…+02:00", with fractions), or a Unix timestamp ("1136073600.000000001").
 * Returns what the CLI sends the daemon: "seconds" for a duration,
 * "seconds.nanoseconds" for a date, the value itself for a Unix timestamp.
 * `local` is the client's zone, used when the value names none.
 */
export function getTimestamp(value: string, now: Instant, local: Zone = UTC): string {
  if (value !== '0') {
    let d: bigint | undefined;
    try {
      d = parseDuration(value);
    } catch {
      d = undefined;
    }
    if (d !== undefined) return floorDiv(toNanos(now) - d, NS).toString();
  }
  const inLocal = !/[zZ+]/.test(value) && value.split('-').length - 1 !== 3;
  let layout: string;
  if (value.includes('.')) {
    layout = inLocal ? '2006-01-02T15:04:05.999999999' : '2006-01-02T15:04:05.999999999Z07:00';
  } else if (value.includes('T')) {
    let colons = value.split(':').length - 1;
    if (!inLocal && !/[zZ]/.test(value) && colons > 0) colons--;
    const base = ['2006-01-02T15', '2006-01-02T15:04', '2006-01-02T15:04:05'][Math.min(colons, 2)] as string;
    layout = inLocal ? base : base + 'Z07:00';
  } else {
    layout = inLocal ? '2006-01-02' : '2006-01-02Z07:00';
  }
  let t: bigint;
  try {
    t = parseTime(layout, value, local);
  } catch (err) {
    if (value.includes('-')) throw err;
    if (!/^[+-]?\d+(\.[+-]?\d+)?$/.test(value)) {
      throw new Error(`failed to parse value as time or duration: ${quote(value)}`);
    }
    return value;
  }
  const secs = floorDiv(t, NS);
  return `${secs}.${String(t - secs * NS).padStart(9, '0')}`;
}
