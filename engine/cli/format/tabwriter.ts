/**
 * Go's text/tabwriter as docker/cli forks it (cli/command/formatter/tabwriter):
 * the elastic-tabstops algorithm, with cell widths measured in terminal columns
 * (go-runewidth) instead of runes, so wide CJK text stays aligned.
 *
 * The rules, in the words of the Go docs:
 * - Text is cut into cells; a cell ends at '\t' (or '\v'), a line at '\n' (or '\f').
 * - Tab-terminated cells in *contiguous* lines form a column; every cell of a
 *   column is padded to the column's width: max(minwidth, widest cell + padding).
 * - The text after the last tab of a line is a cell too, but belongs to no
 *   column: it is never padded, so lines carry no trailing padding from it.
 * - A line with fewer cells ends the column blocks it lacks; '\f' ends all of them.
 *
 * docker prints tables with `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`,
 * which is the default here.
 *
 * @example
 *   tabwrite('NAME\tDRIVER\nmyvol\tlocal\n')
 *   // "NAME      DRIVER\nmyvol     local\n"
 */

export interface TabwriterOptions {
  /** Minimal cell width including padding (docker: 10). */
  minwidth?: number;
  /** Width of a tab when padding with tabs (docker: 1; unused with ' '). */
  tabwidth?: number;
  /** Added to the widest cell of a column (docker: 3). */
  padding?: number;
  /** Padding character (docker: ' '). */
  padchar?: string;
  /** Pad on the left instead of the right (Go's AlignRight flag). */
  alignRight?: boolean;
}

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

/** Format tab-separated text the way docker's table writer does. */
export function tabwrite(text: string, opts: TabwriterOptions = {}): string {
  const minwidth = opts.minwidth ?? 10;
  const tabwidth = opts.tabwidth ?? 1;
  const padding = opts.padding ?? 3;
  const padchar = opts.padchar ?? ' ';
  const alignRight = (opts.alignRight ?? false) && padchar !== '\t';

  let out = '';
  let lines: Cell[][] = [[]];
  let widths: number[] = [];
  let cellText = '';

  const writePadding = (textw: number, cellw: number): void => {
    if (padchar === '\t') {
      if (tabwidth === 0) return;
      const w = Math.ceil(cellw / tabwidth) * tabwidth;
      out += '\t'.repeat(Math.ceil((w - textw) / tabwidth));
      return;
    }
    out += padchar.repeat(Math.max(cellw - textw, 0));
  };

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] as Cell[];
      line.forEach((c, j) => {
        if (c.text === '') {
          if (j < widths.length) writePadding(c.width, widths[j] as number);
        } else if (!alignRight) {
          out += c.text;
          if (j < widths.length) writePadding(c.width, widths[j] as number);
        } else {
          if (j < widths.length) writePadding(c.width, widths[j] as number);
          out += c.text;
        }
      });
      // The last buffered line has no newline yet: its open cell follows.
      if (i + 1 === lines.length) out += cellText;
      else out += '\n';
    }
  };

  // Go's Writer.format: find each column block, push its width, recurse right.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let thisLine = line0; thisLine < line1; thisLine++) {
      if (column >= (lines[thisLine] as Cell[]).length - 1) continue;
      writeLines(line0, thisLine);
      line0 = thisLine;
      let width = minwidth;
      for (; thisLine < line1; thisLine++) {
        const line = lines[thisLine] as Cell[];
        if (column >= line.length - 1) break;
        const w = (line[column] as Cell).width + padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, thisLine);
      widths.pop();
      line0 = thisLine;
    }
    writeLines(line0, line1);
  };

  const flush = (): void => {
    if (cellText !== '') terminateCell(false);
    format(0, lines.length);
    lines = [[]];
    widths = [];
    cellText = '';
  };

  const terminateCell = (htab: boolean): number => {
    const line = lines[lines.length - 1] as Cell[];
    line.push({ text: cellText, width: stringWidth(cellText), htab });
    cellText = '';
    return line.length;
  };

  for (const ch of text) {
    if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
      const ncells = terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        lines.push([]);
        // A one-cell line cannot affect later alignment, so Go flushes there;
        // '\f' always flushes, ending every column block.
        if (ch === '\f' || ncells === 1) flush();
      }
    } else {
      cellText += ch;
    }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------
// Display width (go-runewidth with EastAsianWidth off, docker's default).

// East Asian Wide and Fullwidth ranges, and emoji shown two columns wide.
const wide: [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0],
  [0x23f3, 0x23f3], [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f],
  [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5],
  [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5],
  [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728],
  [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x17000, 0x18aff], [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f202],
  [0x1f210, 0x1f23b], [0x1f240, 0x1f248], [0x1f250, 0x1f251], [0x1f260, 0x1f265], [0x1f300, 0x1f320],
  [0x1f32d, 0x1f335], [0x1f337, 0x1f37c], [0x1f37e, 0x1f393], [0x1f3a0, 0x1f3ca], [0x1f3cf, 0x1f3d3],
  [0x1f3e0, 0x1f3f0], [0x1f3f4, 0x1f3f4], [0x1f3f8, 0x1f43e], [0x1f440, 0x1f440], [0x1f442, 0x1f4fc],
  [0x1f4ff, 0x1f53d], [0x1f54b, 0x1f54e], [0x1f550, 0x1f567], [0x1f57a, 0x1f57a], [0x1f595, 0x1f596],
  [0x1f5a4, 0x1f5a4], [0x1f5fb, 0x1f64f], [0x1f680, 0x1f6c5], [0x1f6cc, 0x1f6cc], [0x1f6d0, 0x1f6d2],
  [0x1f6d5, 0x1f6d7], [0x1f6eb, 0x1f6ec], [0x1f6f4, 0x1f6fc], [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f93a],
  [0x1f93c, 0x1f945], [0x1f947, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function inTable(r: number, table: [number, number][]): boolean {
  let lo = 0;
  let hi = table.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = table[mid] as [number, number];
    if (r < a) hi = mid - 1;
    else if (r > b) lo = mid + 1;
    else return true;
  }
  return false;
}

const zeroWidth = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

/** Columns one code point takes (runewidth.RuneWidth). */
export function runeWidth(r: number): number {
  if (r < 0x20 || (r >= 0x7f && r <= 0x9f) || r === 0xad) return 0;
  if (r < 0x300) return 1;
  if (zeroWidth.test(String.fromCodePoint(r))) return 0;
  return inTable(r, wide) ? 2 : 1;
}

/** True when `r` continues the grapheme cluster before it. */
function extendsCluster(r: number, prev: number): boolean {
  if (prev === 0x200d) return true; // after a zero-width joiner
  if (r === 0x200d || (r >= 0xfe00 && r <= 0xfe0f) || (r >= 0x1f3fb && r <= 0x1f3ff)) return true;
  return /^[\p{Mn}\p{Me}\p{Mc}]$/u.test(String.fromCodePoint(r));
}

/**
 * Columns a string takes (runewidth.StringWidth): per grapheme cluster, the
 * width of its first code point that has one.
 */
export function stringWidth(s: string): number {
  let total = 0;
  let cluster = 0; // width of the current cluster so far
  let prev = -1;
  let regional = 0; // regional indicators pair up into flags
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    const isRegional = r >= 0x1f1e6 && r <= 0x1f1ff;
    const joins = prev >= 0 && (extendsCluster(r, prev) || (isRegional && regional % 2 === 1));
    if (!joins) {
      total += cluster;
      cluster = 0;
    }
    if (cluster === 0) cluster = runeWidth(r);
    regional = isRegional ? regional + 1 : 0;
    prev = r;
  }
  return total + cluster;
}
