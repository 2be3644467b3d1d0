/**
 * libbb's progress bar (progress.c), which wget draws on stderr:
 *
 *     index.html           100% |********************************|  1256  0:00:00 ETA
 *
 * On a terminal the line is redrawn in place ("\r…") at most once a
 * second and as the transfer ends; elsewhere each update is a line of its
 * own. The bar is as wide as the terminal less 48 columns (80 off a
 * terminal, or $COLUMNS).
 */
import type { Sys } from '../../kernel/sys.ts';
import { smartUlltoa5 } from './system-format.ts';

/** Seconds without progress after which the bar says "stalled". */
const STALLTIME = 5;

export class ProgressBar {
  private readonly curfile: string;
  private startSec: number;
  private lastUpdateSec: number;
  private lastChangeSec: number;
  private lastSize = 0;

  constructor(
    private readonly sys: Sys,
    curfile: string,
    private readonly columns: number,
  ) {
    // unicode_conv_to_printable_fixedwidth(curfile, 20): padded or cut to 20 columns.
    this.curfile = [...curfile].slice(0, 20).join('').padEnd(20);
    this.startSec = this.lastUpdateSec = this.lastChangeSec = Math.floor(sys.uptime());
  }

  /**
   * bb_progress_update: the text to write to stderr, or undefined when it
   * is too soon to redraw. `total` 0 means unknown. The caller ends the
   * line with "\n" on a terminal when the transfer is over.
   */
  update(begSize: number, transferred: number, total: number, tty: boolean): string | undefined {
    let elapsed = Math.floor(this.sys.uptime());
    let sinceLast = elapsed - this.lastUpdateSec;
    this.lastUpdateSec = elapsed;
    if (total !== 0 && transferred >= total - begSize) {
      transferred = total - begSize; // the last call is never skipped
    } else if (sinceLast === 0) {
      return undefined;
    }
    const sizeText = smartUlltoa5(begSize + transferred, ' kMGTPEZY');
    let out = (tty ? '\r' : '') + this.curfile + ' ';
    while (total >= 1 << 20) {
      total = Math.floor(total / 256);
      begSize = Math.floor(begSize / 256);
      transferred = Math.floor(transferred / 256);
    }
    if (total !== 0) {
      const done = begSize + transferred;
      out += `${String(Math.floor((100 * done) / total)).padStart(3)}% `;
      let bar = this.columns - 48;
      if (bar > 2) {
        bar = Math.min(bar, 999);
        const stars = Math.floor((bar * done) / total);
        out += `|${'*'.repeat(stars)}${' '.repeat(bar - stars)}| `;
      }
    }
    out += sizeText;
    sinceLast = elapsed - this.lastChangeSec;
    if (transferred !== this.lastSize) {
      this.lastChangeSec = elapsed;
      this.lastSize = transferred;
      if (sinceLast >= STALLTIME) this.startSec += sinceLast;
      sinceLast = 0;
    }
    elapsed -= this.startSec;
    if (sinceLast >= STALLTIME) out += '  - stalled -';
    else if (!total || !transferred || elapsed < 0) out += ' --:--:-- ETA';
    else {
      const bytes = total - begSize;
      const eta = Math.min(Math.floor((bytes * elapsed) / transferred) - elapsed, 1000 * 60 * 60 - 1);
      const secs = eta % 3600;
      out += `${String(Math.floor(eta / 3600)).padStart(3)}:${String(Math.floor(secs / 60)).padStart(2, '0')}:${String(secs % 60).padStart(2, '0')} ETA`;
    }
    if (!tty) out += '\n';
    return out;
  }
}

/** libbb's get_terminal_width for a descriptor: the terminal's columns, else $COLUMNS, else 80. */
export function terminalWidth(sys: Sys, fd: number, columnsEnv: string | undefined): number {
  let width = 0;
  try {
    if (sys.isatty(fd)) width = sys.getWinsize(fd).cols;
  } catch {
    width = 0;
  }
  if (columnsEnv !== undefined) width = parseInt(columnsEnv, 10) || 0;
  return width <= 1 || width >= 30000 ? 80 : width;
}
