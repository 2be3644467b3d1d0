/**
 * docker/go-units v0.5.0: sizes and durations for people.
 *
 * - `humanSize` is what `docker images`, `docker ps -s` and `docker system df`
 *   print: decimal units, three significant digits (`HumanSizeWithPrecision(n, 3)`).
 * - `bytesSize` is binary (`32MiB`), used in `docker info` and `docker stats`.
 * - `ramInBytes` parses `-m 32m`, `--shm-size 1g` (binary); `fromHumanSize` parses
 *   decimal sizes (`1.5GB`). Both throw go-units' own error messages.
 * - `humanDuration` is "2 minutes" in "Up 2 minutes" and "2 minutes ago".
 *
 * @example
 *   humanSize(8_300_000)       // "8.3MB"
 *   humanSize(999_999)         // "1e+03kB"  (Go's %.3g, faithfully)
 *   bytesSize(32 * 1024 ** 2)  // "32MiB"
 *   ramInBytes('32m')          // 33554432
 *   humanDuration(90_000)      // "About a minute"
 */
import { formatFloat, parseFloat64 } from './gostrconv.ts';

const decimalAbbrs = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const binaryAbbrs = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function sizeAndUnit(size: number, base: number, units: string[]): [number, string] {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return [size, units[i] as string];
}

/** go-units HumanSizeWithPrecision: `%.*g` of the size in decimal units. */
export function humanSizeWithPrecision(size: number, precision: number): string {
  const [n, unit] = sizeAndUnit(size, 1000, decimalAbbrs);
  return formatFloat(n, 'g', precision) + unit;
}

/** The size docker's tables print (`8.3MB`, `1.23kB`, `0B`): precision 3. */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 3);
}

/** go-units HumanSize: four significant digits (`2.746MB`). */
export function humanSize4(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** go-units BytesSize: binary units, `%.4g` (`44KiB`, `17MiB`). */
export function bytesSize(size: number): string {
  const [n, unit] = sizeAndUnit(size, 1024, binaryAbbrs);
  return formatFloat(n, 'g', 4) + unit;
}

const KB = 1000;
const KiB = 1024;
const decimalMap: Record<string, number> = { k: KB, m: KB ** 2, g: KB ** 3, t: KB ** 4, p: KB ** 5 };
const binaryMap: Record<string, number> = { k: KiB, m: KiB ** 2, g: KiB ** 3, t: KiB ** 4, p: KiB ** 5 };

/** A size go-units could not parse; `message` is go-units' own wording. */
export class SizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SizeError';
  }
}

function lastIndexAny(s: string, chars: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (chars.includes(s[i] as string)) return i;
  return -1;
}

function parseSize(sizeStr: string, uMap: Record<string, number>): number {
  const sep = lastIndexAny(sizeStr, '01234567890. ');
  if (sep === -1) throw new SizeError(`invalid size: '${sizeStr}'`);
  // A space between number and suffix is allowed ("1 GB") and dropped.
  const num = sizeStr[sep] !== ' ' ? sizeStr.slice(0, sep + 1) : sizeStr.slice(0, sep);
  let sfx = sizeStr.slice(sep + 1);
  let size: number;
  try {
    size = parseFloat64(num);
  } catch (err) {
    throw new SizeError((err as Error).message);
  }
  if (size < 0) throw new SizeError(`invalid size: '${sizeStr}'`);
  if (sfx.length === 0) return Math.trunc(size) + 0; // + 0: no -0 from "-0"
  const bad = (): SizeError => new SizeError(`invalid suffix: '${sfx}'`);
  if (sfx.length > 3) throw bad();
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') {
    if (sfx.length > 1) throw bad();
    return Math.trunc(size) + 0;
  }
  const mul = uMap[sfx[0] as string];
  if (mul === undefined) throw bad();
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) throw bad();
  return Math.trunc(size * mul) + 0;
}

/** go-units RAMInBytes: `32m`, `1g`, `512k`, `1.5GiB` in binary units; throws SizeError. */
export function ramInBytes(size: string): number {
  return parseSize(size, binaryMap);
}

/** go-units FromHumanSize: `44kB`, `17MB`, `1.5GB` in decimal units; throws SizeError. */
export function fromHumanSize(size: string): number {
  return parseSize(size, decimalMap);
}

/** go-units HumanDuration ("About a minute", "3 weeks"): the daemon's status text uses the same one. */
export { humanDuration } from '../../common/duration.ts';
