/**
 * ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...: list directory
 * contents, as busybox does it:
 * - on a terminal, names go in columns across the terminal's width (stdin's
 *   window size, or $COLUMNS, less one) and are coloured by type
 *   (alpine's busybox colours by default); otherwise one name per line;
 * - files named on the command line come first, then each directory's
 *   contents under a "dir:" heading when there are several;
 * - sorting is by name in byte order (-t time, -S size, -X extension, -v
 *   version, -r reversed); -l shows mode, links, owner, group, size, date.
 */
import { attempt } from '../lib/files-attempt.ts';
import { S_IFMT, S_IFBLK, S_IFCHR, isDir, isRegular, isSymlink, type Stat } from '../../fs/types.ts';
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { complainAbout, errorText } from '../lib/errors.ts';
import { modeString } from '../lib/format.ts';
import { humanReadable } from '../lib/files-human.ts';
import { foldOptions, parseOptions } from '../lib/files-options.ts';
import { joinPath } from '../lib/files-path.ts';
import { fullTime, lsTime } from '../lib/files-time.ts';
import { Names } from '../lib/users.ts';

const USAGE = `Usage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...

List directory contents

\t-1\tOne column output
\t-a\tInclude names starting with .
\t-A\tLike -a, but exclude . and ..
\t-x\tList by lines
\t-d\tList directory names, not contents
\t-L\tFollow symlinks
\t-H\tFollow symlinks on command line
\t-R\tRecurse
\t-p\tAppend / to directory names
\t-F\tAppend indicator (one of */=@|) to names
\t-l\tLong format
\t-i\tList inode numbers
\t-n\tList numeric UIDs and GIDs instead of names
\t-s\tList allocated blocks
\t-lc\tList ctime
\t-lu\tList atime
\t--full-time\tList full date/time
\t-h\tHuman readable sizes (1K 243M 2G)
\t--group-directories-first
\t-S\tSort by size
\t-X\tSort by extension
\t-v\tSort by version
\t-t\tSort by mtime
\t-tc\tSort by ctime
\t-tu\tSort by atime
\t-r\tReverse sort order
\t-w N\tFormat N columns wide
\t--color[={always,never,auto}]`;

const FULL_TIME = '\x01';
const DIRS_FIRST = '\x02';
const COLOR = '\x03';

/** A directory entry and what lstat/stat said about it. */
interface Entry {
  /** As shown: the basename, or the argument as typed. */
  name: string;
  /** For system calls. */
  path: string;
  st: Stat;
  /** The lstat mode when we have it (colours use the link itself). */
  lmode?: number;
  /** The stat mode when we have it (a link's target). */
  tmode?: number;
  /** Seconds of the time shown and sorted by (-c ctime, -u atime, else mtime). */
  time: number;
}

const typeIndex = (mode: number) => (mode >> 12) & 0xf;
const isExecutable = (mode: number) => isRegular(mode) && (mode & 0o111) !== 0;
//                un fi chr -  dir -  blk -  file - link - sock - - exe
const COLORS = [31, 35, 35, 37, 34, 37, 35, 35, 0, 37, 36, 37, 35, 37, 37, 32];
const ATTRS = [1, 0, 1, 7, 1, 7, 1, 7, 0, 7, 1, 7, 1, 7, 7, 1];
const APPCHAR = ['', '|', '', '', '/', '', '', '', '', '', '@', '', '=', '', '', ''];
const colorOf = (mode: number) => `\x1b[${ATTRS[isExecutable(mode) ? 15 : typeIndex(mode)]};${COLORS[isExecutable(mode) ? 15 : typeIndex(mode)]}m`;

/**
 * printable_string in a UTF-8 locale (musl's default, so alpine's): what
 * iswprint refuses — control characters, C1 controls, line and paragraph
 * separators — shows as '?'.
 */
const printable = (name: string) => name.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufff9-\ufffb]/g, '?');

/** Columns a name takes on screen: combining marks none, East Asian wide characters two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (/\p{M}/u.test(ch) || c === 0x200b) continue;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

/**
 * musl's strverscmp: like strcmp, except that where the names first differ
 * inside digit runs, a longer run (not starting with 0) is the larger number,
 * and after a common run of zeros, digits sort before other characters.
 */
function versionCompare(l: string, r: string): number {
  const code = (s: string, i: number) => s.charCodeAt(i) || 0;
  const digit = (c: number) => c >= 48 && c <= 57;
  let dp = 0;
  let zeros = true;
  let i = 0;
  for (; code(l, i) === code(r, i); i++) {
    const c = code(l, i);
    if (c === 0) return 0;
    if (!digit(c)) {
      dp = i + 1;
      zeros = true;
    } else if (c !== 48) zeros = false;
  }
  const ld = code(l, dp);
  const rd = code(r, dp);
  if (ld >= 49 && ld <= 57 && rd >= 49 && rd <= 57) {
    let j = i;
    for (; digit(code(l, j)); j++) if (!digit(code(r, j))) return 1;
    if (digit(code(r, j))) return -1;
  } else if (zeros && dp < i && (digit(code(l, i)) || digit(code(r, i)))) {
    return ((code(l, i) - 48) & 0xff) - ((code(r, i) - 48) & 0xff);
  }
  return code(l, i) - code(r, i);
}

/** strcmp on the names' UTF-8 bytes: code point order (UTF-16 puts surrogates too early). */
function byteCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x += x >= 0xe000 ? -0x800 : 0x2000;
    if (y >= 0xd800) y += y >= 0xe000 ? -0x800 : 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

class Lister {
  private status = 0;
  private readonly nowSeconds: number;

  constructor(
    private readonly ctx: AppletContext,
    private readonly on: Set<string>,
    private readonly names: Names,
    private readonly color: boolean,
    private readonly termWidth: number,
  ) {
    this.nowSeconds = Math.floor(ctx.sys.now() / 1000);
  }

  get exitCode(): number {
    return this.status;
  }

  /** my_stat: lstat (or stat when following); failures are reported. */
  async stat(path: string, name: string, follow: boolean): Promise<Entry | undefined> {
    const { sys } = this.ctx;
    let st: Stat;
    try {
      st = this.on.has('L') || follow ? sys.stat(path) : sys.lstat(path);
    } catch (e) {
      await complainAbout(this.ctx.err, this.ctx.name, path, e);
      this.status = 1;
      return undefined;
    }
    const followed = this.on.has('L') || follow;
    const ms = this.on.has('c') ? st.ctimeMs : this.on.has('u') ? st.atimeMs : st.mtimeMs;
    return { name, path, st, lmode: followed ? undefined : st.mode, tmode: followed ? st.mode : undefined, time: Math.floor(ms / 1000) };
  }

  sort(entries: Entry[]): void {
    const on = this.on;
    entries.sort((a, b) => {
      let d = 0;
      if (on.has(DIRS_FIRST)) d = Number(isDir(b.st.mode)) - Number(isDir(a.st.mode));
      if (d === 0) {
        if (on.has('S')) d = Math.sign(b.st.size - a.st.size);
        else if (on.has('t')) d = Math.sign(b.time - a.time);
        else if (on.has('v')) d = versionCompare(a.name, b.name);
        else if (on.has('X')) {
          const ext = (n: string) => (n.includes('.') ? n.slice(n.indexOf('.')) : '');
          d = byteCompare(ext(a.name), ext(b.name));
        }
        if (d === 0) d = byteCompare(a.name, b.name);
      }
      return on.has('r') ? -d : d;
    });
  }

  private appendChar(mode: number): string {
    if (!this.on.has('F') && !this.on.has('p')) return '';
    if (isDir(mode)) return '/';
    if (!this.on.has('F')) return '';
    if (isExecutable(mode)) return '*';
    return APPCHAR[typeIndex(mode)]!;
  }

  private nameWidth(name: string): number {
    const text = printable(name);
    return this.on.has('Q') ? 2 + width(text) + (text.match(/["\\]/g)?.length ?? 0) : width(text);
  }

  private showName(name: string): string {
    const text = printable(name);
    return this.on.has('Q') ? `"${text.replace(/["\\]/g, '\\$&')}"` : text;
  }

  /**
   * display_single: one entry's line (without the newline), the columns it
   * takes, and a complaint for stderr if its symlink could not be read.
   */
  private single(e: Entry): { text: string; columns: number; warning?: string } {
    const { sys } = this.ctx;
    const on = this.on;
    let text = '';
    let columns = 0;
    const add = (s: string) => {
      text += s;
      columns += width(s);
    };
    let target: string | undefined;
    let warning: string | undefined;
    if (on.has('l') && isSymlink(e.st.mode)) {
      try {
        target = sys.readlink(e.path);
      } catch (err) {
        warning = `${this.ctx.name}: ${e.path}: cannot read link: ${errorText(err)}\n`;
      }
    }
    if (on.has('i')) add(String(e.st.ino).padStart(7) + ' ');
    if (on.has('s')) {
      if (on.has('h')) add(humanReadable(e.st.blocks * 512, 1, 0).padStart(7) + ' ');
      else add(String(Math.floor(e.st.blocks / 2)).padStart(6) + ' ');
    }
    if (on.has('l')) {
      add(modeString(e.st.mode).padEnd(10) + ' ');
      add(String(e.st.nlink).padStart(4) + ' ');
      const owner = (id: number, name: string | undefined) => (name ?? String(id)).slice(0, 8).padEnd(8);
      if (on.has('n')) add(on.has('g') ? `${String(e.st.gid).padEnd(8)} ` : `${String(e.st.uid).padEnd(8)} ${String(e.st.gid).padEnd(8)} `);
      else if (on.has('g')) add(`${owner(e.st.gid, this.names.group(e.st.gid))} `);
      else add(`${owner(e.st.uid, this.names.user(e.st.uid))} ${owner(e.st.gid, this.names.group(e.st.gid))} `);
      const type = e.st.mode & S_IFMT;
      if (type === S_IFBLK || type === S_IFCHR) {
        const major = (e.st.rdev >>> 8) & 0xfff;
        const minor = (e.st.rdev & 0xff) | ((e.st.rdev >>> 12) & 0xfff00);
        add(`${String(major).padStart(4)}, ${String(minor).padStart(3)} `);
      } else if (on.has('h')) add(humanReadable(e.st.size, 1, 0).padStart(7) + ' ');
      else add(String(e.st.size).padStart(9) + ' ');
      add(on.has(FULL_TIME) ? fullTime(e.time) + ' ' : lsTime(e.time, this.nowSeconds));
    }
    let append = this.appendChar(e.st.mode);
    const modeOr = (known: number | undefined, look: () => Stat) => known ?? attempt(look)?.mode ?? 0;
    if (this.color) text += colorOf(modeOr(e.lmode, () => sys.lstat(e.path)));
    add(this.showName(e.name));
    if (this.color) text += '\x1b[m';
    if (target !== undefined) {
      text += ' -> ';
      columns += 4;
      if (on.has('F') || on.has('p') || this.color) {
        const mode = modeOr(e.tmode, () => sys.stat(e.path));
        append = this.appendChar(mode);
        if (this.color) text += colorOf(mode);
      }
      add(this.showName(target));
      if (this.color) text += '\x1b[m';
    }
    if (append) add(append);
    return { text, columns, warning };
  }

  /** display_files: one per line, or in columns down (across with -x) the screen. */
  async display(entries: Entry[]): Promise<void> {
    const on = this.on;
    let ncols = 1;
    let columnWidth = 0;
    if (!on.has('l') && !on.has('1')) {
      for (const e of entries) columnWidth = Math.max(columnWidth, this.nameWidth(e.name));
      columnWidth += 2 + (on.has('i') ? 8 : 0) + (on.has('s') ? 5 : 0);
      ncols = Math.floor(this.termWidth / columnWidth);
    }
    let nrows: number;
    if (ncols > 1) nrows = Math.ceil(entries.length / ncols);
    else {
      nrows = entries.length;
      ncols = 1;
    }
    let out = '';
    for (let row = 0; row < nrows; row++) {
      let column = 0;
      let nexttab = 0;
      for (let nc = 0; nc < ncols; nc++) {
        const i = on.has('x') ? row * ncols + nc : nc * nrows + row;
        const e = entries[i];
        if (!e) continue;
        if (column > 0) {
          out += ' '.repeat(Math.max(0, nexttab - column));
          column = nexttab;
        }
        nexttab = column + columnWidth;
        const s = this.single(e);
        if (s.warning) await this.ctx.err.write(s.warning);
        out += s.text;
        column += s.columns;
      }
      out += '\n';
      if (out.length > 4096) {
        await this.ctx.out.write(out);
        out = '';
        await this.ctx.sys.checkpoint();
      }
    }
    await this.ctx.out.write(out);
  }

  /** scan_one_dir: the entries of a directory that -a/-A let through. */
  async scan(dir: string): Promise<Entry[] | undefined> {
    const { sys } = this.ctx;
    let names: string[];
    try {
      names = sys.readdir(dir);
    } catch (e) {
      await this.ctx.err.write(`${this.ctx.name}: can't open '${dir}': ${errorText(e)}\n`);
      this.status = 1;
      return undefined;
    }
    if (this.on.has('a')) names = ['.', '..', ...names];
    const entries: Entry[] = [];
    for (const name of names) {
      if (name.startsWith('.')) {
        if (!this.on.has('a') && !this.on.has('A')) continue;
        if (!this.on.has('a') && (name === '.' || name === '..')) continue;
      }
      const path = joinPath(dir, name);
      const e = await this.stat(path, name, false);
      if (e) entries.push(e);
      if (entries.length % 256 === 0) await sys.checkpoint();
    }
    return entries;
  }

  /** scan_and_display_dirs_recur */
  async directories(dirs: Entry[], first: boolean, showName: boolean): Promise<void> {
    const on = this.on;
    for (const d of dirs) {
      if (showName || on.has('R')) {
        if (!first) await this.ctx.out.write('\n');
        first = false;
        await this.ctx.out.write(`${d.path}:\n`);
      }
      const entries = await this.scan(d.path);
      // What busybox would hold in memory for this directory's listing.
      const bytes = (entries ?? []).reduce((n, e) => n + 96 + e.path.length * 2, 0);
      this.ctx.sys.memory(bytes);
      if (on.has('s') || on.has('l')) {
        // 1K blocks, rounded up.
        const blocks = Math.floor((1 + (entries ?? []).reduce((n, e) => n + e.st.blocks, 0)) / 2);
        if (on.has('h')) await this.ctx.out.write(`total ${humanReadable(blocks * 1024, 0, 0).padEnd(7)}\n`);
        else await this.ctx.out.write(`total ${blocks}\n`);
      }
      if (entries && entries.length > 0) {
        this.sort(entries);
        await this.display(entries);
        if (on.has('R')) {
          const subdirs = entries.filter((e) => isDir(e.st.mode) && e.name !== '.' && e.name !== '..');
          if (subdirs.length > 0) {
            this.sort(subdirs);
            await this.directories(subdirs, false, showName);
          }
        }
      }
      this.ctx.sys.memory(-bytes);
    }
  }
}

export default applet(USAGE, async (ctx) => {
  const { sys } = ctx;
  const parsed = await parseOptions(ctx, `Cadi1lgnsxAkFpRQctuSXrvLHhT:w:${FULL_TIME}${DIRS_FIRST}${COLOR}:`, {
    long: { 'full-time': FULL_TIME, 'group-directories-first': DIRS_FIRST, color: COLOR },
    optional: { color: 'always' },
  });
  const on = foldOptions(parsed, {
    n: { on: 'l' },
    g: { on: 'l' },
    [FULL_TIME]: { on: 'l' },
    t: { off: 'S' },
    S: { off: 't' },
    H: { off: 'L' },
    L: { off: 'H' },
    C: { off: 'xl1' },
    x: { off: 'Cl1' },
    l: { off: 'xC' },
    '1': { off: 'Cx' },
    c: { off: 'u' },
    u: { off: 'c' },
  });

  // Width: stdin's terminal (or $COLUMNS, else 80) less one; -w N exactly.
  let columns = attempt(() => sys.getWinsize(0).cols) ?? 0;
  const env = ctx.getenv('COLUMNS');
  if (env !== undefined) columns = parseInt(env, 10) || 0;
  if (columns <= 1 || columns >= 30000) columns = 80;
  let termWidth = columns - 1;
  const w = parsed.value('w');
  if (w !== undefined) {
    if (!/^[0-9]+$/.test(w)) fail(`invalid number '${w}'`);
    termWidth = Number(w);
  }

  // Colour: on by default on a terminal (alpine's build), --color=never|always|auto.
  const dumb = ctx.getenv('TERM') === 'dumb';
  let color = false;
  const lsColors = ctx.getenv('LS_COLORS');
  if (!dumb && (lsColors === undefined || (lsColors !== '' && lsColors !== 'none')) && sys.isatty(1)) color = true;
  const colorArg = parsed.value(COLOR);
  if (colorArg !== undefined && on.has(COLOR)) {
    if (colorArg.startsWith('n')) color = false;
    else {
      const words = ['always', 'yes', 'force', 'auto', 'tty', 'if-tty'];
      const exact = words.indexOf(colorArg);
      const prefixed = words.filter((x) => colorArg !== '' && x.startsWith(colorArg));
      const idx = exact >= 0 ? exact : prefixed.length === 1 ? words.indexOf(prefixed[0]!) : -1;
      if (idx >= 0 && idx <= 2) color = true;
      else if (idx >= 3 && !dumb && sys.isatty(1)) color = true;
    }
  }

  if (on.has('d')) on.delete('R');
  if (!on.has('l') && (on.has('c') || on.has('u'))) on.add('t');
  if (!on.has('l') && !on.has('1') && !on.has('x') && !on.has('C')) on.add(sys.isatty(1) ? 'C' : '1');

  const lister = new Lister(ctx, on, await Names.load(sys), color, termWidth);
  const args = parsed.operands.length > 0 ? parsed.operands : ['.'];
  const follow = !(on.has('l') || on.has('i') || on.has('s') || on.has('F')) || on.has('H');
  const entries: Entry[] = [];
  for (const a of args) {
    const e = await lister.stat(a, a, follow);
    if (e) entries.push(e);
  }
  if (entries.length > 0) {
    if (on.has('d')) {
      lister.sort(entries);
      await lister.display(entries);
    } else {
      const files = entries.filter((e) => !isDir(e.st.mode));
      const dirs = entries.filter((e) => isDir(e.st.mode));
      if (files.length > 0) {
        lister.sort(files);
        await lister.display(files);
      }
      if (dirs.length > 0) {
        lister.sort(dirs);
        await lister.directories(dirs, files.length === 0, args.length > 1);
      }
    }
  }
  return lister.exitCode;
});

