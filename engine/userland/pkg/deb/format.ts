/** apt's number and list formatting (apt-pkg/contrib/strutl.cc, apt-private/private-output.cc). */

/** SizeToStr: 8808 → "8808 ", 6132000 → "6132 k", 15800000 → "15.8 M" (apt appends the "B"). */
export function sizeToStr(size: number): string {
  const ext = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  let a = Math.abs(size);
  for (let i = 0; i < ext.length; i++) {
    if (a < 100 && i !== 0) return `${a.toFixed(1)} ${ext[i]}`;
    if (a < 10000) return `${Math.round(a).toFixed(0)} ${ext[i]}`;
    a /= 1000;
  }
  return `${a.toFixed(0)} Y`;
}

/** TimeToStr: 0s, 12s, 1min 3s, 1h 2min 3s. */
export function timeToStr(seconds: number): string {
  const s = Math.floor(seconds);
  if (s >= 86400) return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h ${Math.floor((s % 3600) / 60)}min ${s % 60}s`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min ${s % 60}s`;
  if (s >= 60) return `${Math.floor(s / 60)}min ${s % 60}s`;
  return `${s}s`;
}

/** ShowList: a title, then the words indented by two and wrapped before the screen's last column. */
export function showList(title: string, words: readonly string[], width = 80): string {
  if (words.length === 0) return '';
  let out = title + '\n';
  let line = ' ';
  for (const w of words) {
    if (line.length > 1 && line.length + 1 + w.length >= width) {
      out += line + '\n';
      line = ' ';
    }
    line += ' ' + w;
  }
  return out + line + '\n';
}
