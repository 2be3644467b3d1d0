/**
 * Time as docker shows it: "10 seconds ago", "Up 9 seconds", "Exited (0) 2 minutes
 * ago", RFC3339Nano in `docker inspect`, fixed nine-digit stamps in `docker logs -t`,
 * and Go's time.Parse for the layouts docker uses (`--since` and `--until`
 * themselves are in since.ts).
 *
 * An instant is a `number` of milliseconds or a `bigint` of nanoseconds since the
 * Unix epoch (Go keeps nanoseconds; `docker inspect` shows them). A zone is an
 * offset east of UTC in seconds plus a name; UTC by default.
 *
 * @example
 *   timeAgo(now - 10_000, now)                          // "10 seconds ago"
 *   containerStatus({ Running: true, StartedAt: '…' }, now) // "Up 9 seconds"
 *   formatRFC3339Nano(1729080000123000000n)             // "2024-10-16T12:00:00.123Z"
 */
import { humanDuration } from './units.ts';

export type Instant = number | bigint;
export interface Zone {
  /** Seconds east of UTC. */
  offset: number;
  /** Abbreviation printed by Go's Time.String, e.g. "UTC", "CET". */
  name: string;
}
export const UTC: Zone = { offset: 0, name: 'UTC' };

export const NS = 1_000_000_000n;

/** Nanoseconds since the epoch. */
export function toNanos(t: Instant): bigint {
  return typeof t === 'bigint' ? t : BigInt(Math.round(t * 1e6));
}

function toMillis(t: Instant): number {
  return typeof t === 'bigint' ? Number(t / 1_000_000n) : t;
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Go's zero time, 0001-01-01T00:00:00Z: "never" for StartedAt and FinishedAt. */
export const ZERO_TIME_NANOS = -62135596800n * NS;

export function isZeroTime(t: Instant): boolean {
  return toNanos(t) === ZERO_TIME_NANOS;
}

// ---------------------------------------------------------------------------
// Calendar (proleptic Gregorian, any year; JS Date mangles years below 100).

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  nanos: number;
}

function partsOf(t: Instant, zone: Zone): Parts {
  const ns = toNanos(t) + BigInt(zone.offset) * NS;
  const secs = floorDiv(ns, NS);
  const nanos = Number(ns - secs * NS);
  const days = Number(floorDiv(secs, 86400n));
  const sod = Number(secs - BigInt(days) * 86400n);
  const [year, month, day] = civilFromDays(days);
  return { year, month, day, hour: Math.floor(sod / 3600), min: Math.floor(sod / 60) % 60, sec: sod % 60, nanos };
}

const p2 = (n: number): string => String(n).padStart(2, '0');

function datePart(p: Parts): string {
  const y = p.year < 0 ? '-' + String(-p.year).padStart(4, '0') : String(p.year).padStart(4, '0');
  return `${y}-${p2(p.month)}-${p2(p.day)}`;
}

function offsetPart(offset: number, colon: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${p2(Math.floor(abs / 3600))}${colon ? ':' : ''}${p2(Math.floor(abs / 60) % 60)}`;
}

/** Layout "2006-01-02T15:04:05.999999999Z07:00": trailing zeros of the fraction dropped. */
export function formatRFC3339Nano(t: Instant, zone: Zone = UTC): string {
  const p = partsOf(t, zone);
  const frac = p.nanos === 0 ? '' : '.' + String(p.nanos).padStart(9, '0').replace(/0+$/, '');
  return `${datePart(p)}T${p2(p.hour)}:${p2(p.min)}:${p2(p.sec)}${frac}${zone.offset === 0 ? 'Z' : offsetPart(zone.offset, true)}`;
}

/** Layout "2006-01-02T15:04:05Z07:00". */
export function formatRFC3339(t: Instant, zone: Zone = UTC): string {
  const p = partsOf(t, zone);
  return `${datePart(p)}T${p2(p.hour)}:${p2(p.min)}:${p2(p.sec)}${zone.offset === 0 ? 'Z' : offsetPart(zone.offset, true)}`;
}

/** `docker logs -t`: "2006-01-02T15:04:05.000000000Z07:00", always nine digits. */
export function formatRFC3339NanoFixed(t: Instant, zone: Zone = UTC): string {
  const p = partsOf(t, zone);
  return `${datePart(p)}T${p2(p.hour)}:${p2(p.min)}:${p2(p.sec)}.${String(p.nanos).padStart(9, '0')}${zone.offset === 0 ? 'Z' : offsetPart(zone.offset, true)}`;
}

/** Go's Time.String: "2006-01-02 15:04:05.999999999 -0700 MST" (`docker ps` CreatedAt). */
export function goTimeString(t: Instant, zone: Zone = UTC): string {
  const p = partsOf(t, zone);
  const frac = p.nanos === 0 ? '' : '.' + String(p.nanos).padStart(9, '0').replace(/0+$/, '');
  return `${datePart(p)} ${p2(p.hour)}:${p2(p.min)}:${p2(p.sec)}${frac} ${offsetPart(zone.offset, false)} ${zone.name}`;
}

// ---------------------------------------------------------------------------
// What `docker ps` shows.

/** "10 seconds ago": HumanDuration(now − then) + " ago" (CREATED, `docker images`). */
export function timeAgo(then: Instant, now: Instant): string {
  return humanDuration(toMillis(now) - toMillis(then)) + ' ago';
}

/** The container state fields State.String() reads (Engine API `State` shape). */
export interface StatusInput {
  Running?: boolean;
  Paused?: boolean;
  Restarting?: boolean;
  Dead?: boolean;
  /** The daemon's internal flag; the API shows it as Status "removing". */
  RemovalInProgress?: boolean;
  Status?: string;
  ExitCode?: number;
  /** RFC3339 string or instant; Go's zero time (or absence) means never. */
  StartedAt?: string | Instant;
  FinishedAt?: string | Instant;
  Health?: { Status?: string } | null;
}

function instantOf(v: string | Instant | undefined): bigint {
  if (v === undefined || v === '') return ZERO_TIME_NANOS;
  return typeof v === 'string' ? parseRFC3339Nano(v) : toNanos(v);
}

/**
 * moby's State.String(): the STATUS column of `docker ps` and the API's
 * container `Status`. Health "starting" shows as "health: starting".
 */
export function containerStatus(s: StatusInput, now: Instant): string {
  const since = (t: bigint): string => humanDuration(Number((toNanos(now) - t) / 1_000_000n));
  const started = instantOf(s.StartedAt);
  const finished = instantOf(s.FinishedAt);
  if (s.Running) {
    if (s.Paused) return `Up ${since(started)} (Paused)`;
    if (s.Restarting) return `Restarting (${s.ExitCode ?? 0}) ${since(finished)} ago`;
    if (s.Health !== undefined && s.Health !== null) {
      const status = s.Health.Status === undefined || s.Health.Status === '' ? 'unhealthy' : s.Health.Status;
      return `Up ${since(started)} (${status === 'starting' ? 'health: starting' : status})`;
    }
    return `Up ${since(started)}`;
  }
  if (s.RemovalInProgress || s.Status === 'removing') return 'Removal In Progress';
  if (s.Dead) return 'Dead';
  if (started === ZERO_TIME_NANOS) return 'Created';
  if (finished === ZERO_TIME_NANOS) return '';
  return `Exited (${s.ExitCode ?? 0}) ${since(finished)} ago`;
}

// ---------------------------------------------------------------------------
// Parsing: Go's time.Parse for the layouts docker uses.

/** time's own quoting in error messages: non-ASCII and control bytes as \x. */
export function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
    } else {
      out += (ch === '"' || ch === '\\' ? '\\' : '') + ch;
    }
  }
  return out + '"';
}

function parseError(layout: string, value: string, layoutElem: string, valueElem: string, message = ''): Error {
  return new Error(
    message === ''
      ? `parsing time ${timeQuote(value)} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`
      : `parsing time ${timeQuote(value)}${message}`,
  );
}

const stdChunks = ['2006', '01', '02', '15', '04', '05', '.999999999', '.000000000', 'Z07:00'];
const isDigit = (s: string, i: number): boolean => i < s.length && s[i]! >= '0' && s[i]! <= '9';

function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/**
 * time.Parse / time.ParseInLocation for layouts built from 2006 01 02 15 04 05
 * .999999999 .000000000 Z07:00 and literals; errors worded as Go words them.
 */
export function parseTime(layout: string, value: string, local: Zone = UTC): bigint {
  const f = { year: 1, month: 1, day: 1, hour: 0, min: 0, sec: 0, nanos: 0 };
  let offset: number | undefined;
  let rest = value;
  let lay = layout;
  for (;;) {
    let i = 0;
    let std = '';
    for (; i < lay.length; i++) {
      std = stdChunks.find((c) => lay.startsWith(c, i)) ?? '';
      if (std !== '') break;
    }
    const prefix = lay.slice(0, i);
    for (let k = 0; k < prefix.length; k++) {
      if (rest[0] !== prefix[k]) throw parseError(layout, value, prefix, rest);
      rest = rest.slice(1);
    }
    if (std === '') {
      if (rest !== '') throw parseError(layout, value, '', rest, `: extra text: ${timeQuote(rest)}`);
      break;
    }
    lay = lay.slice(i + std.length);
    const hold = rest;
    let range = '';
    let ok = true;
    const num = (fixed: boolean): number => {
      const r = getnum(rest, fixed);
      if (r === undefined) {
        ok = false;
        return 0;
      }
      rest = r[1];
      return r[0];
    };
    switch (std) {
      case '2006':
        if (rest.length < 4 || !/^\d{4}/.test(rest)) ok = false;
        else [f.year, rest] = [Number(rest.slice(0, 4)), rest.slice(4)];
        break;
      case '01':
        f.month = num(true);
        if (ok && (f.month <= 0 || f.month > 12)) range = 'month';
        break;
      case '02':
        f.day = num(true);
        break;
      case '15':
        f.hour = num(false);
        if (f.hour >= 24) range = 'hour';
        break;
      case '04':
        f.min = num(true);
        if (f.min >= 60) range = 'minute';
        break;
      case '05':
        f.sec = num(true);
        if (ok && f.sec >= 60) range = 'second';
        break;
      case 'Z07:00':
        if (rest[0] === 'Z') {
          rest = rest.slice(1);
          offset = 0;
        } else if (rest.length < 6 || rest[3] !== ':' || (rest[0] !== '+' && rest[0] !== '-')) {
          ok = false;
        } else {
          const hh = getnum(rest.slice(1, 3), true);
          const mm = getnum(rest.slice(4, 6), true);
          if (hh === undefined || mm === undefined) ok = false;
          else {
            if (hh[0] > 24) range = 'time zone offset hour';
            if (mm[0] > 60) range = 'time zone offset minute';
            offset = (rest[0] === '-' ? -1 : 1) * (hh[0] * 60 + mm[0]) * 60;
            rest = rest.slice(6);
          }
        }
        break;
      default: {
        // A fraction: optional for .999999999; extra digits beyond nine are dropped.
        const m = /^[.,](\d+)/.exec(rest);
        if (m !== null) {
          f.nanos = Number((m[1] as string).slice(0, 9).padEnd(9, '0'));
          rest = rest.slice(m[0].length);
        } else if (std === '.000000000') ok = false;
      }
    }
    if (range !== '') throw parseError(layout, value, std, rest, `: ${range} out of range`);
    if (!ok) throw parseError(layout, value, std, hold);
  }
  if (f.day < 1 || f.day > daysIn(f.month, f.year)) throw parseError(layout, value, '', rest, ': day out of range');
  const secs =
    BigInt(daysFromCivil(f.year, f.month, f.day)) * 86400n + BigInt(f.hour * 3600 + f.min * 60 + f.sec) - BigInt(offset ?? local.offset);
  return secs * NS + BigInt(f.nanos);
}

/** Parse an RFC3339 (optionally fractional) timestamp into nanoseconds since the epoch. */
export function parseRFC3339Nano(s: string): bigint {
  return parseTime('2006-01-02T15:04:05.999999999Z07:00', s);
}
