/**
 * Summaries of a diff: `--stat` (a name, a count and a +/- bar per file,
 * scaled to the terminal), `--shortstat` (" 2 files changed, 3 insertions(+)"),
 * `--numstat`, and `--summary` (" create mode 100644 a.txt", " rename a => b (100%)").
 */
import { rethrowControl, type Git } from './context.ts';
import type { FilePair } from './diffcore.ts';
import { quotePath, type FileStat } from './patch.ts';

/** "dir/{old => new}/file": the common parts of a renamed path written once. */
export function renameName(a: string, b: string): string {
  if (quotePath(a) !== a || quotePath(b) !== b) return `${quotePath(a)} => ${quotePath(b)}`;
  let pfx = 0;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    if (a[i] === '/') pfx = i + 1;
    i++;
  }
  let sfx = 0;
  let x = a.length;
  let y = b.length;
  const adjust = pfx ? 1 : 0;
  // Compare from the ends (index len is the terminating NUL in C: equal on both).
  while (pfx - adjust <= x && pfx - adjust <= y && (x === a.length ? '\0' : a[x]) === (y === b.length ? '\0' : b[y])) {
    if (a[x] === '/') sfx = a.length - x;
    x--;
    y--;
  }
  const aMid = Math.max(a.length - pfx - sfx, 0);
  const bMid = Math.max(b.length - pfx - sfx, 0);
  const mid = `${a.slice(pfx, pfx + aMid)} => ${b.slice(pfx, pfx + bMid)}`;
  return pfx + sfx ? `${a.slice(0, pfx)}{${mid}}${a.slice(a.length - sfx)}` : mid;
}

const printName = (p: FilePair) => (p.status === 'R' ? renameName(p.oldPath, p.newPath) : quotePath(p.newPath));

/** " 3 files changed, 10 insertions(+), 2 deletions(-)" */
export function statSummaryLine(files: number, adds: number, dels: number): string {
  if (files === 0) return ' 0 files changed\n';
  let s = files === 1 ? ` ${files} file changed` : ` ${files} files changed`;
  if (adds || dels === 0) s += adds === 1 ? `, ${adds} insertion(+)` : `, ${adds} insertions(+)`;
  if (dels || adds === 0) s += dels === 1 ? `, ${dels} deletion(-)` : `, ${dels} deletions(-)`;
  return s + '\n';
}

export function shortstat(stats: FileStat[]): string {
  if (stats.length === 0) return '';
  let adds = 0;
  let dels = 0;
  for (const s of stats) {
    if (s.binary) continue;
    adds += s.added;
    dels += s.deleted;
  }
  return statSummaryLine(stats.length, adds, dels);
}

export function numstat(stats: FileStat[]): string {
  return stats.map((s) => `${s.binary ? '-\t-' : `${s.added}\t${s.deleted}`}\t${printName(s.pair)}\n`).join('');
}

const modeText = (m: number) => m.toString(8).padStart(6, '0');

export function summary(pairs: FilePair[]): string {
  let out = '';
  for (const p of pairs) {
    if (p.status === 'D') out += ` delete mode ${modeText(p.old!.mode)} ${quotePath(p.oldPath)}\n`;
    else if (p.status === 'A') out += ` create mode ${modeText(p.new!.mode)} ${quotePath(p.newPath)}\n`;
    else if (p.status === 'R') {
      out += ` rename ${renameName(p.oldPath, p.newPath)} (${Math.floor((p.score * 100) / 60000)}%)\n`;
      if (p.old!.mode !== p.new!.mode) out += ` mode change ${modeText(p.old!.mode)} => ${modeText(p.new!.mode)}\n`;
    } else if (p.old && p.new && p.old.mode !== p.new.mode) out += ` mode change ${modeText(p.old.mode)} => ${modeText(p.new.mode)} ${quotePath(p.newPath)}\n`;
  }
  return out;
}

/** term_columns: $COLUMNS, else the terminal's width, else 80. */
export function termColumns(g: Git): number {
  const env = Number(g.getenv('COLUMNS'));
  if (Number.isInteger(env) && env > 0) return env;
  try {
    if (g.sys.isatty(1)) {
      const w = g.sys.getWinsize(1).cols;
      if (w > 0) return w;
    }
  } catch (err) {
    // Not a terminal after all.
    rethrowControl(err);
  }
  return 80;
}

/** Display width of a name (one column per character; good enough for the names people use). */
const width = (s: string) => [...s].length;

export interface StatColors {
  add: string;
  del: string;
  reset: string;
}

/** The --stat block, ending with the summary line. */
export function diffstat(stats: FileStat[], columns: number, colors: StatColors = { add: '', del: '', reset: '' }, nameWidthCfg = 0, graphWidthCfg = 0): string {
  if (stats.length === 0) return '';
  let maxLen = 0;
  let maxChange = 0;
  let numberWidth = 0;
  let binWidth = 0;
  const names = stats.map((s) => printName(s.pair));
  stats.forEach((s, i) => {
    maxLen = Math.max(maxLen, width(names[i]!));
    if (s.binary) {
      binWidth = Math.max(binWidth, 14 + String(s.newSize).length + String(s.oldSize).length);
      numberWidth = 3;
      return;
    }
    maxChange = Math.max(maxChange, s.added + s.deleted);
  });
  let total = columns;
  numberWidth = Math.max(String(maxChange).length, numberWidth);
  if (total < 16 + 6 + numberWidth) total = 16 + 6 + numberWidth;
  let graphWidth = maxChange + 4 > binWidth ? maxChange : binWidth - 4;
  if (graphWidthCfg && graphWidthCfg < graphWidth) graphWidth = graphWidthCfg;
  let nameWidth = nameWidthCfg > 0 && nameWidthCfg < maxLen ? nameWidthCfg : maxLen;
  if (nameWidth + numberWidth + 6 + graphWidth > total) {
    if (graphWidth > Math.trunc((total * 3) / 8) - numberWidth - 6) {
      graphWidth = Math.trunc((total * 3) / 8) - numberWidth - 6;
      if (graphWidth < 6) graphWidth = 6;
    }
    if (graphWidthCfg && graphWidth > graphWidthCfg) graphWidth = graphWidthCfg;
    if (nameWidth > total - numberWidth - 6 - graphWidth) nameWidth = total - numberWidth - 6 - graphWidth;
    else graphWidth = total - numberWidth - 6 - nameWidth;
  }
  const scale = (it: number) => (it === 0 ? 0 : 1 + Math.trunc((it * (graphWidth - 1)) / maxChange));

  let out = '';
  let adds = 0;
  let dels = 0;
  stats.forEach((s, i) => {
    let name = names[i]!;
    let prefix = '';
    let len = nameWidth;
    const nameLen = width(name);
    if (nameWidth < nameLen) {
      prefix = '...';
      len -= 3;
      name = [...name].slice(nameLen - len).join('');
      const slash = name.indexOf('/');
      if (slash >= 0) name = name.slice(slash);
    }
    const padding = ' '.repeat(Math.max(len - width(name), 0));
    if (s.binary) {
      out += ` ${prefix}${name}${padding} | ${'Bin'.padStart(numberWidth)}`;
      if (s.newSize === 0 && s.oldSize === 0) out += '\n';
      else out += ` ${colors.del}${s.oldSize}${colors.reset} -> ${colors.add}${s.newSize}${colors.reset} bytes\n`;
      return;
    }
    adds += s.added;
    dels += s.deleted;
    let add = s.added;
    let del = s.deleted;
    if (graphWidth <= maxChange) {
      let tot = scale(add + del);
      if (tot < 2 && add && del) tot = 2;
      if (add < del) {
        add = scale(add);
        del = tot - add;
      } else {
        del = scale(del);
        add = tot - del;
      }
    }
    const count = s.added + s.deleted;
    out += ` ${prefix}${name}${padding} | ${String(count).padStart(numberWidth)}${count ? ' ' : ''}`;
    if (add > 0) out += `${colors.add}${'+'.repeat(add)}${colors.reset}`;
    if (del > 0) out += `${colors.del}${'-'.repeat(del)}${colors.reset}`;
    out += '\n';
  });
  return out + statSummaryLine(stats.length, adds, dels);
}
