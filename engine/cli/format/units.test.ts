import { describe, expect, it } from 'vitest';
import { bytesSize, fromHumanSize, humanDuration, humanSize, humanSize4, ramInBytes } from './units.ts';

const KB = 1000;
const MB = KB * 1000;
const GB = MB * 1000;
const TB = GB * 1000;
const PB = TB * 1000;
const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;
const TiB = GiB * 1024;
const PiB = TiB * 1024;

describe('humanSize (HumanSizeWithPrecision(n, 3), what docker tables print)', () => {
  it('matches the sizes docker prints', () => {
    expect(humanSize(8_300_000)).toBe('8.3MB'); // out-misc.txt: alpine 8.3MB
    expect(humanSize(0)).toBe('0B'); // out-misc.txt: history 0B
    expect(humanSize(2048)).toBe('2.05kB');
    expect(humanSize(1230)).toBe('1.23kB');
    expect(humanSize(999)).toBe('999B');
    expect(humanSize(7_800_000)).toBe('7.8MB');
    expect(humanSize(12_000_000_000)).toBe('12GB');
  });

  it('rounds like Go: exact halves to even, and %.3g goes exponential at 1000', () => {
    expect(humanSize(1125)).toBe('1.12kB'); // 1.125 exactly: Go rounds to even (JS would say 1.13)
    expect(humanSize(1135)).toBe('1.14kB'); // 1.135 is a hair above in binary
    expect(humanSize(999_999)).toBe('1e+03kB');
  });
});

// docker/go-units v0.5.0 size_test.go
describe('go-units HumanSize and BytesSize', () => {
  it('HumanSize (4 digits)', () => {
    expect(humanSize4(1000)).toBe('1kB');
    expect(humanSize4(1024)).toBe('1.024kB');
    expect(humanSize4(1_000_000)).toBe('1MB');
    expect(humanSize4(1_048_576)).toBe('1.049MB');
    expect(humanSize4(2 * MB)).toBe('2MB');
    expect(humanSize4(3.42 * GB)).toBe('3.42GB');
    expect(humanSize4(5.372 * TB)).toBe('5.372TB');
    expect(humanSize4(2.22 * PB)).toBe('2.22PB');
    expect(humanSize4(10_000_000_000_000 * PB)).toBe('1e+04YB');
  });

  it('BytesSize', () => {
    expect(bytesSize(1024)).toBe('1KiB');
    expect(bytesSize(1024 * 1024)).toBe('1MiB');
    expect(bytesSize(2 * MiB)).toBe('2MiB');
    expect(bytesSize(32 * MiB)).toBe('32MiB');
    expect(bytesSize(3.42 * GiB)).toBe('3.42GiB');
    expect(bytesSize(5.372 * TiB)).toBe('5.372TiB');
    expect(bytesSize(2.22 * PiB)).toBe('2.22PiB');
    expect(bytesSize(KiB * KiB * KiB * KiB * KiB * PiB)).toBe('1.049e+06YiB');
  });
});

type Parser = (s: string) => number;

const parses: [Parser, string, number][] = [
  [fromHumanSize, "0", 0],
  [fromHumanSize, "0b", 0],
  [fromHumanSize, "0B", 0],
  [fromHumanSize, "0 B", 0],
  [fromHumanSize, "32", 32],
  [fromHumanSize, "32b", 32],
  [fromHumanSize, "32B", 32],
  [fromHumanSize, "32k", 32*KB],
  [fromHumanSize, "32K", 32*KB],
  [fromHumanSize, "32kb", 32*KB],
  [fromHumanSize, "32Kb", 32*KB],
  [fromHumanSize, "32Mb", 32*MB],
  [fromHumanSize, "32Gb", 32*GB],
  [fromHumanSize, "32Tb", 32*TB],
  [fromHumanSize, "32Pb", 32*PB],
  [fromHumanSize, "32.5kB", 32.5*KB],
  [fromHumanSize, "32.5 kB", 32.5*KB],
  [fromHumanSize, "32.5 B", 32],
  [fromHumanSize, "0.3 K", 300],
  [fromHumanSize, ".3kB", 300],
  [fromHumanSize, "0.", 0],
  [fromHumanSize, "0. ", 0],
  [fromHumanSize, "0.b", 0],
  [fromHumanSize, "0.B", 0],
  [fromHumanSize, "-0", 0],
  [fromHumanSize, "-0b", 0],
  [fromHumanSize, "-0B", 0],
  [fromHumanSize, "-0 b", 0],
  [fromHumanSize, "-0 B", 0],
  [fromHumanSize, "32.", 32],
  [fromHumanSize, "32.b", 32],
  [fromHumanSize, "32.B", 32],
  [fromHumanSize, "32. b", 32],
  [fromHumanSize, "32. B", 32],
  [fromHumanSize, "0 ", 0],
  [ramInBytes, "32", 32],
  [ramInBytes, "32b", 32],
  [ramInBytes, "32B", 32],
  [ramInBytes, "32k", 32*KiB],
  [ramInBytes, "32K", 32*KiB],
  [ramInBytes, "32kb", 32*KiB],
  [ramInBytes, "32Kb", 32*KiB],
  [ramInBytes, "32Kib", 32*KiB],
  [ramInBytes, "32KIB", 32*KiB],
  [ramInBytes, "32Mb", 32*MiB],
  [ramInBytes, "32Gb", 32*GiB],
  [ramInBytes, "32Tb", 32*TiB],
  [ramInBytes, "32Pb", 32*PiB],
  [ramInBytes, "32PB", 32*PiB],
  [ramInBytes, "32P", 32*PiB],
  [ramInBytes, "32.3", 32],
  [ramInBytes, '32.3 mb', Math.trunc(32.3 * MiB)],
  [ramInBytes, '0.3MB', Math.trunc(0.3 * MiB)],
  [fromHumanSize, '1.5GB', 1.5 * GB],
  [ramInBytes, '1g', GiB],
  [ramInBytes, '512k', 512 * KiB],
];

const rejects: [Parser, string][] = [
  [fromHumanSize, " 0"],
  [fromHumanSize, " 0b"],
  [fromHumanSize, " 0B"],
  [fromHumanSize, " 0 B"],
  [fromHumanSize, "0b "],
  [fromHumanSize, "0B "],
  [fromHumanSize, "0 B "],
  [fromHumanSize, ""],
  [fromHumanSize, "hello"],
  [fromHumanSize, "."],
  [fromHumanSize, ". "],
  [fromHumanSize, " "],
  [fromHumanSize, "  "],
  [fromHumanSize, " ."],
  [fromHumanSize, " . "],
  [fromHumanSize, "-32"],
  [fromHumanSize, "-32b"],
  [fromHumanSize, "-32B"],
  [fromHumanSize, "-32 b"],
  [fromHumanSize, "-32 B"],
  [fromHumanSize, "32b."],
  [fromHumanSize, "32B."],
  [fromHumanSize, "32 b."],
  [fromHumanSize, "32 B."],
  [fromHumanSize, "32 bb"],
  [fromHumanSize, "32 BB"],
  [fromHumanSize, "32 b b"],
  [fromHumanSize, "32 B B"],
  [fromHumanSize, "32  b"],
  [fromHumanSize, "32  B"],
  [fromHumanSize, " 32 "],
  [fromHumanSize, "32m b"],
  [fromHumanSize, "32bm"],
  [ramInBytes, ""],
  [ramInBytes, "hello"],
  [ramInBytes, "-32"],
  [ramInBytes, " 32 "],
  [ramInBytes, "32m b"],
  [ramInBytes, "32bm"],
];

describe('fromHumanSize and ramInBytes (go-units size_test.go)', () => {
  it.each(parses)('%o(%s) = %d', (parse, input, want) => {
    expect(parse(input)).toBe(want);
  });

  it.each(rejects)('%o rejects %j', (parse, input) => {
    expect(() => parse(input)).toThrow();
  });

  it("words errors as go-units does", () => {
    expect(() => ramInBytes('hello')).toThrow("invalid size: 'hello'");
    expect(() => ramInBytes('')).toThrow("invalid size: ''");
    expect(() => ramInBytes('-32')).toThrow("invalid size: '-32'");
    expect(() => ramInBytes('32x')).toThrow("invalid suffix: 'x'");
    expect(() => ramInBytes('32bm')).toThrow("invalid suffix: 'bm'");
    expect(() => ramInBytes('32m b')).toThrow('strconv.ParseFloat: parsing "32m": invalid syntax');
    expect(() => ramInBytes(' 32 ')).toThrow('strconv.ParseFloat: parsing " 32": invalid syntax');
  });
});

// docker/go-units v0.5.0 duration_test.go
describe('humanDuration', () => {
  const second = 1000;
  const minute = 60 * second;
  const hour = 60 * minute;
  const day = 24 * hour;
  const week = 7 * day;
  const month = 30 * day;
  const year = 365 * day;
  const cases: [string, number][] = [
    ['Less than a second', 450],
    ['1 second', 1 * second],
    ['45 seconds', 45 * second],
    ['46 seconds', 46 * second],
    ['59 seconds', 59 * second],
    ['About a minute', 60 * second],
    ['About a minute', 1 * minute],
    ['3 minutes', 3 * minute],
    ['35 minutes', 35 * minute],
    ['35 minutes', 35 * minute + 40 * second],
    ['45 minutes', 45 * minute],
    ['45 minutes', 45 * minute + 40 * second],
    ['46 minutes', 46 * minute],
    ['59 minutes', 59 * minute],
    ['About an hour', 1 * hour],
    ['About an hour', 1 * hour + 29 * minute],
    ['2 hours', 1 * hour + 31 * minute],
    ['2 hours', 1 * hour + 59 * minute],
    ['3 hours', 3 * hour],
    ['3 hours', 3 * hour + 29 * minute],
    ['4 hours', 3 * hour + 31 * minute],
    ['4 hours', 3 * hour + 59 * minute],
    ['4 hours', 3 * hour + 60 * minute],
    ['24 hours', 24 * hour],
    ['36 hours', 1 * day + 12 * hour],
    ['2 days', 2 * day],
    ['7 days', 7 * day],
    ['13 days', 13 * day + 5 * hour],
    ['2 weeks', 2 * week],
    ['2 weeks', 2 * week + 4 * day],
    ['3 weeks', 3 * week],
    ['4 weeks', 4 * week],
    ['4 weeks', 4 * week + 3 * day],
    ['4 weeks', 1 * month],
    ['6 weeks', 1 * month + 2 * week],
    ['2 months', 2 * month],
    ['2 months', 2 * month + 2 * week],
    ['3 months', 3 * month],
    ['3 months', 3 * month + 1 * week],
    ['5 months', 5 * month + 2 * week],
    ['13 months', 13 * month],
    ['23 months', 23 * month],
    ['24 months', 24 * month],
    ['2 years', 24 * month + 2 * week],
    ['3 years', 3 * year + 2 * month],
  ];
  it.each(cases)('%s', (want, ms) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it('is "Less than a second" for clock skew into the future', () => {
    expect(humanDuration(-5000)).toBe('Less than a second');
  });
});
