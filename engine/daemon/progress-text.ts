/**
 * The `progress` text of a JSON progress message as moby's daemon renders it
 * (jsonmessage.JSONProgress.String at its default width of 200 columns): a
 * 50-column bar, then "current/total" in go-units' HumanSize.
 *
 *     progressText(323072, 323072) // "[==================================================>]  323.1kB/323.1kB"
 */

/** go-units HumanSize: four significant digits, decimal units ("323.1kB", "8.3MB", "999B"). */
export function humanSize(size: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let n = size;
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${Number(n.toPrecision(4))}${units[i]}`;
}

export function progressText(current: number, total: number): string {
  if (current <= 0 && total <= 0) return '';
  const pct = Math.min(50, Math.floor(Math.floor((current / total) * 100) / 2));
  const bar = `[${'='.repeat(pct)}>${' '.repeat(Math.max(0, 50 - pct))}] `;
  const numbers = current > total ? '' : `${humanSize(current).padStart(8)}/${humanSize(total)}`;
  return bar + numbers;
}
