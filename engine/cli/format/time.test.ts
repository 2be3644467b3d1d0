import { describe, expect, it } from 'vitest';
import { getTimestamp, parseDuration } from './since.ts';
import {
  containerStatus,
  formatRFC3339,
  formatRFC3339Nano,
  formatRFC3339NanoFixed,
  goTimeString,
  parseRFC3339Nano,
  parseTime,
  timeAgo,
  ZERO_TIME_NANOS,
} from './time.ts';

const noon = Date.UTC(2024, 9, 16, 12, 0, 0); // 2024-10-16T12:00:00Z = 1729080000 s
const noonNs = BigInt(noon) * 1_000_000n;
const cest = { offset: 2 * 3600, name: 'CEST' };

describe('formatting instants', () => {
  it('RFC3339Nano drops trailing zeros of the fraction (docker inspect)', () => {
    expect(formatRFC3339Nano(noonNs + 123_456_789n)).toBe('2024-10-16T12:00:00.123456789Z');
    expect(formatRFC3339Nano(noonNs + 123_000_000n)).toBe('2024-10-16T12:00:00.123Z');
    expect(formatRFC3339Nano(noon)).toBe('2024-10-16T12:00:00Z');
    expect(formatRFC3339Nano(noon, cest)).toBe('2024-10-16T14:00:00+02:00');
  });

  it("Go's zero time, which inspect shows for a container that never ran", () => {
    expect(formatRFC3339Nano(ZERO_TIME_NANOS)).toBe('0001-01-01T00:00:00Z');
    expect(parseRFC3339Nano('0001-01-01T00:00:00Z')).toBe(ZERO_TIME_NANOS);
  });

  it('docker logs -t keeps nine digits', () => {
    expect(formatRFC3339NanoFixed(noonNs + 123_000_000n)).toBe('2024-10-16T12:00:00.123000000Z');
    expect(formatRFC3339NanoFixed(noon)).toBe('2024-10-16T12:00:00.000000000Z');
  });

  it('RFC3339 and Time.String (docker ps CreatedAt)', () => {
    expect(formatRFC3339(noonNs + 5n)).toBe('2024-10-16T12:00:00Z');
    expect(goTimeString(noon)).toBe('2024-10-16 12:00:00 +0000 UTC');
    expect(goTimeString(noon, cest)).toBe('2024-10-16 14:00:00 +0200 CEST');
    expect(goTimeString(noonNs + 500_000_000n)).toBe('2024-10-16 12:00:00.5 +0000 UTC');
  });

  it('round-trips through the RFC3339Nano parser', () => {
    expect(parseRFC3339Nano('2024-10-16T12:00:00.123456789Z')).toBe(noonNs + 123_456_789n);
    expect(parseRFC3339Nano('2024-10-16T14:00:00+02:00')).toBe(noonNs);
  });
});

describe('what docker ps shows', () => {
  const ago = (ms: number): string => new Date(noon - ms).toISOString();

  it('CREATED: HumanDuration + " ago"', () => {
    expect(timeAgo(noon - 10_000, noon)).toBe('10 seconds ago');
    expect(timeAgo(noon - 90_000, noon)).toBe('About a minute ago');
    expect(timeAgo(noon - 3 * 86_400_000, noon)).toBe('3 days ago');
    expect(timeAgo(noonNs - 2n * 3_600_000_000_000n, noonNs)).toBe('2 hours ago');
  });

  it("STATUS: moby's State.String()", () => {
    expect(containerStatus({ Running: true, StartedAt: ago(9_500) }, noon)).toBe('Up 9 seconds');
    expect(containerStatus({ Running: true, StartedAt: ago(500) }, noon)).toBe('Up Less than a second');
    expect(containerStatus({ Running: true, Paused: true, StartedAt: ago(120_000) }, noon)).toBe('Up 2 minutes (Paused)');
    expect(containerStatus({ Running: true, StartedAt: ago(3_000), Health: { Status: 'healthy' } }, noon)).toBe(
      'Up 3 seconds (healthy)',
    );
    expect(containerStatus({ Running: true, StartedAt: ago(3_000), Health: { Status: 'starting' } }, noon)).toBe(
      'Up 3 seconds (health: starting)',
    );
    expect(
      containerStatus({ Running: true, Restarting: true, ExitCode: 1, StartedAt: ago(60_000), FinishedAt: ago(5_000) }, noon),
    ).toBe('Restarting (1) 5 seconds ago');
    expect(containerStatus({ ExitCode: 0, StartedAt: ago(180_000), FinishedAt: ago(120_000) }, noon)).toBe(
      'Exited (0) 2 minutes ago',
    );
    expect(containerStatus({ ExitCode: 137, StartedAt: ago(1e6), FinishedAt: ago(3 * 86_400_000) }, noon)).toBe(
      'Exited (137) 3 days ago',
    );
    expect(containerStatus({ StartedAt: '0001-01-01T00:00:00Z', FinishedAt: '0001-01-01T00:00:00Z' }, noon)).toBe('Created');
    expect(containerStatus({}, noon)).toBe('Created');
    expect(containerStatus({ Status: 'removing', StartedAt: ago(1000) }, noon)).toBe('Removal In Progress');
    expect(containerStatus({ Dead: true, StartedAt: ago(1000) }, noon)).toBe('Dead');
    expect(containerStatus({ StartedAt: ago(1000), FinishedAt: '0001-01-01T00:00:00Z' }, noon)).toBe('');
  });
});

describe("Go's time.Parse errors", () => {
  it('words them as Go does', () => {
    expect(() => parseTime('2006-01-02T15:04:05Z07:00', '2006-01-02T15:04:0Z')).toThrow(
      'parsing time "2006-01-02T15:04:0Z" as "2006-01-02T15:04:05Z07:00": cannot parse "0Z" as "05"',
    );
    expect(() => parseTime('2006-01-02', '2006-13-02')).toThrow('parsing time "2006-13-02": month out of range');
    expect(() => parseTime('2006-01-02', '2006-02-30')).toThrow('parsing time "2006-02-30": day out of range');
    expect(() => parseTime('2006-01-02', '2006-01-02x')).toThrow('parsing time "2006-01-02x": extra text: "x"');
    expect(() => parseTime('2006-01-02T15', '2006-01-02X15')).toThrow(
      'parsing time "2006-01-02X15" as "2006-01-02T15": cannot parse "X15" as "T"',
    );
  });
});

describe('parseDuration (time.ParseDuration)', () => {
  it('parses', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000_000_000n);
    expect(parseDuration('1.5h')).toBe(5_400_000_000_000n);
    expect(parseDuration('-10s')).toBe(-10_000_000_000n);
    expect(parseDuration('300ms')).toBe(300_000_000n);
    expect(parseDuration('2µs')).toBe(2000n);
    expect(parseDuration('0')).toBe(0n);
  });

  it('rejects with Go\'s words', () => {
    expect(() => parseDuration('1d')).toThrow('time: unknown unit "d" in duration "1d"');
    expect(() => parseDuration('10')).toThrow('time: missing unit in duration "10"');
    expect(() => parseDuration('x')).toThrow('time: invalid duration "x"');
    expect(() => parseDuration('')).toThrow('time: invalid duration ""');
    expect(() => parseDuration('.s')).toThrow('time: invalid duration ".s"');
  });
});

// moby api/types/time/timestamp_test.go (v28.2.2), with now in UTC.
describe('getTimestamp (--since / --until)', () => {
  const now = noon;
  const unix = (ms: number): string => String(Math.floor(ms / 1000));
  const cases: [string, string | null][] = [
    ['2006-01-02T15:04:05.999999999+07:00', '1136189045.999999999'],
    ['2006-01-02T15:04:05.999999999Z', '1136214245.999999999'],
    ['2006-01-02T15:04:05.999999999', '1136214245.999999999'],
    ['2006-01-02T15:04:05Z', '1136214245.000000000'],
    ['2006-01-02T15:04:05', '1136214245.000000000'],
    ['2006-01-02T15:04:0Z', null],
    ['2006-01-02T15:04:0', null],
    ['2006-01-02T15:04Z', '1136214240.000000000'],
    ['2006-01-02T15:04+00:00', '1136214240.000000000'],
    ['2006-01-02T15:04-00:00', '1136214240.000000000'],
    ['2006-01-02T15:04', '1136214240.000000000'],
    ['2006-01-02T15:0Z', null],
    ['2006-01-02T15:0', null],
    ['2006-01-02T15Z', '1136214000.000000000'],
    ['2006-01-02T15+00:00', '1136214000.000000000'],
    ['2006-01-02T15-00:00', '1136214000.000000000'],
    ['2006-01-02T15', '1136214000.000000000'],
    ['2006-01-02T1Z', '1136163600.000000000'],
    ['2006-01-02T1', '1136163600.000000000'],
    ['2006-01-02TZ', null],
    ['2006-01-02T', null],
    ['2006-01-02+00:00', '1136160000.000000000'],
    ['2006-01-02-00:00', '1136160000.000000000'],
    ['2006-01-02-00:01', '1136160060.000000000'],
    ['2006-01-02Z', '1136160000.000000000'],
    ['2006-01-02', '1136160000.000000000'],
    ['2015-05-13T20:39:09Z', '1431549549.000000000'],
    ['1136073600', '1136073600'],
    ['1136073600.000000001', '1136073600.000000001'],
    ['1m', unix(now - 60_000)],
    ['1.5h', unix(now - 90 * 60_000)],
    ['1h30m', unix(now - 90 * 60_000)],
    ['invalid', null],
    ['', null],
  ];
  it.each(cases)('%s', (input, want) => {
    if (want === null) expect(() => getTimestamp(input, now)).toThrow();
    else expect(getTimestamp(input, now)).toBe(want);
  });

  it('uses the client zone when the value names none', () => {
    expect(getTimestamp('2006-01-02T15:04:05', now, { offset: 3600, name: 'CET' })).toBe('1136210645.000000000');
  });

  it('words failures as docker does', () => {
    expect(() => getTimestamp('invalid', now)).toThrow('failed to parse value as time or duration: "invalid"');
    expect(() => getTimestamp('2006-01-02T15:04:0Z', now)).toThrow(
      'parsing time "2006-01-02T15:04:0Z" as "2006-01-02T15:04:05Z07:00": cannot parse "0Z" as "05"',
    );
  });
});
