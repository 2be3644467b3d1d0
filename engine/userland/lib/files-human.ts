/**
 * busybox's make_human_readable_str, which ls -h, du and df share.
 *
 * `blockSize` multiplies the value first (0 and 1 mean bytes). With a
 * `displayUnit` the result is the rounded number of those units ("1234").
 * Without one, it scales by 1024 and always shows one decimal once scaled
 * ("1.0K", "11.8M", "252.0G"), except with blockSize 0, which rounds to a
 * whole number ("12M").
 *
 *     humanReadable(12345678, 1, 0) === '11.8M'
 *     humanReadable(24, 512, 1024) === '12'
 */
const UNITS = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

export function humanReadable(value: number, blockSize: number, displayUnit: number): string {
  if (value === 0) return '0';
  let val = blockSize > 1 ? value * blockSize : value;
  if (displayUnit) return String(Math.floor((val + Math.floor(displayUnit / 2)) / displayUnit));
  let unit = 0;
  let frac = 0;
  while (val >= 1024) {
    unit++;
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  if (blockSize === 0) {
    if (frac >= 5) val++;
    return `${val}${UNITS[unit]}`;
  }
  return unit === 0 ? String(val) : `${val}.${frac}${UNITS[unit]}`;
}
