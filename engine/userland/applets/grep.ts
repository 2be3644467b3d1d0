/**
 * grep/egrep/fgrep [-HhnlLoqvsrRiwFExc] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...
 *
 * busybox's grep, quirks included: patterns are tried in reverse order and
 * compiled only when first needed (a bad regex on empty input is no
 * error); -o prints the matches of the first pattern that matched; -w
 * retries after a failed word check. Exit status: 0 a line was selected,
 * 1 none, 2 a file could not be read (even if something matched).
 */
import { FsError, strerror } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { AppletError, applet } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';
import { bytesOf, closeInput, isAlnum, optionsOr, put, readerFor, utf8Locale } from '../lib/text-io.ts';
import { compileRegex, RegexError, type Regex } from '../lib/text-regex.ts';

const USAGE =
  'Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n\nSearch for PATTERN in FILEs (or stdin)\n\n\t-H\tAdd \'filename:\' prefix\n\t-h\tDo not add \'filename:\' prefix\n\t-n\tAdd \'line_no:\' prefix\n\t-l\tShow only names of files that match\n\t-L\tShow only names of files that don\'t match\n\t-c\tShow only count of matching lines\n\t-o\tShow only the matching part of line\n\t-q\tQuiet. Return 0 if PATTERN is found, 1 otherwise\n\t-v\tSelect non-matching lines\n\t-s\tSuppress open and read errors\n\t-r\tRecurse\n\t-R\tRecurse and dereference symlinks\n\t-i\tIgnore case\n\t-w\tMatch whole words only\n\t-x\tMatch whole lines only\n\t-F\tPATTERN is a literal (not regexp)\n\t-E\tPATTERN is an extended regexp\n\t-m N\tMatch up to N times per file\n\t-A N\tPrint N lines of trailing context\n\t-B N\tPrint N lines of leading context\n\t-C N\tSame as \'-A N -B N\'\n\t-e PTRN\tPattern to match\n\t-f FILE\tRead pattern from file';

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

interface Pattern {
  text: string;
  re?: Regex;
  /** The last match, as regexec left it in matched_range. */
  so: number;
  eo: number;
}

const isWordByte = (c: number) => isAlnum(c) || c === 95;

/** strcasestr with ASCII folding (musl's tolower). */
function strcasestr(hay: string, needle: string): number {
  const fold = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  return fold(hay).indexOf(fold(needle));
}

export default applet(USAGE, async (ctx) => {
  const { sys, out, err, name } = ctx;
  const o = await optionsOr(ctx, 'lnqvscFiHhe:f:LorRm:wxA:B:C:EaI', 2, { color: 'Z' });
  const num = (v: string) => {
    if (!/^[0-9]+$/.test(v) || Number(v) > 0x7fffffff) throw new AppletError(`invalid number '${v}'`, 2);
    return Number(v);
  };
  let after = 0;
  let before = 0;
  let afterSet = false;
  let beforeSet = false;
  let cOpt: number | null = null;
  let printFilenameFlag: boolean | null = null;
  let maxMatches = 0;
  for (const s of o.seen) {
    if (s.option === 'A') (after = num(s.value!)), (afterSet = true);
    else if (s.option === 'B') (before = num(s.value!)), (beforeSet = true);
    else if (s.option === 'C') (cOpt = num(s.value!)), (afterSet = beforeSet = false);
    else if (s.option === 'H') printFilenameFlag = true;
    else if (s.option === 'h') printFilenameFlag = false;
    else if (s.option === 'm') maxMatches = num(s.value!);
  }
  if (cOpt !== null) {
    if (!afterSet) after = cOpt;
    if (!beforeSet) before = cOpt;
  }
  const optM = o.has('m');
  const quietish = o.has('c') || o.has('q') || o.has('l') || o.has('L');
  let lineNumbers = o.has('n');
  if (quietish) {
    lineNumbers = false;
    before = 0;
    after = 0;
  }
  let invert = o.has('v');
  const fixed = o.has('F') || name[0] === 'f';
  const extended = o.has('E') || name[0] === 'e';
  const icase = o.has('i');
  const optO = o.has('o');
  const optW = o.has('w');
  const optX = o.has('x');
  const suppress = o.has('s');
  const utf8 = utf8Locale(ctx.getenv);

  // Patterns: -e (split at newlines), then -f lines; the list ends up reversed, as busybox builds it.
  const flat: string[] = [];
  for (const e of o.values('e')) flat.push(...bytesOf(e).split('\n'));
  for (const f of o.values('f')) {
    let fd: number;
    try {
      fd = f === '-' ? 0 : sys.open(f, 'r');
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      throw new AppletError(`can't open '${f}': ${strerror(e.code)}`, 2);
    }
    const r = readerFor(sys, fd);
    for (let l; (l = await r.next()) !== null; ) flat.push(l.line);
    closeInput(sys, fd);
  }
  let operands = o.operands;
  if (flat.length === 0 && o.has('f')) {
    flat.push(optX ? '.*' : '');
    invert = !invert;
  }
  if (!o.has('e') && !o.has('f')) {
    if (operands.length === 0) {
      await ctx.usage();
      return 2;
    }
    flat.push(...bytesOf(operands[0]!).split('\n'));
    operands = operands.slice(1);
  }
  const patterns: Pattern[] = flat.reverse().map((text) => ({ text, so: 0, eo: 0 }));

  let printFilename = operands.length > 1;
  if (printFilenameFlag !== null) printFilename = printFilenameFlag;

  const compile = (p: Pattern): Regex => {
    if (!p.re) {
      try {
        p.re = compileRegex(p.text, { extended, icase, bytes: !utf8 });
      } catch (e) {
        if (e instanceof RegexError) throw new AppletError(`bad regex '${p.text}': ${e.message}`, 2);
        throw e;
      }
    }
    return p.re;
  };
  const needPositions = optO || optW || optX;

  // Context state shared by all files, as busybox's globals are.
  let didPrintLine = false;
  let lastLinePrinted = 0;
  const beforeBuf: (string | null)[] = new Array(before).fill(null);
  let openErrors = false;
  let text = '';
  const emit = async (s: string) => {
    text += s;
    if (text.length >= 4096) {
      await put(out, text);
      text = '';
    }
  };
  let curFile = '';
  const printLine = async (line: string, linenum: number, decoration: string) => {
    if (linenum < 1) return;
    if ((before || after) && didPrintLine && lastLinePrinted !== linenum - 1) await emit('--\n');
    didPrintLine = true;
    lastLinePrinted = linenum;
    if (printFilename) await emit(curFile + decoration);
    if (lineNumbers) await emit(String(linenum) + decoration);
    if (!(invert && optO)) await emit(line + '\n');
  };

  class Quit extends Error {}

  const grepFile = async (fd: number): Promise<boolean> => {
    const reader = readerFor(sys, fd);
    let linenum = 0;
    let nmatches = 0;
    let printAfter = 0;
    let curpos = 0;
    for (;;) {
      const l = await reader.next();
      if (l === null) break;
      let line = l.line;
      const nul = line.indexOf('\0');
      if (nul >= 0) line = line.slice(0, nul);
      linenum++;
      if ((linenum & 1023) === 0) await sys.checkpoint();
      let found = false;
      let gl: Pattern = patterns[0]!;
      for (const p of patterns) {
        gl = p;
        if (fixed) {
          let from = 0;
          for (;;) {
            const at = icase ? strcasestr(line.slice(from), p.text) : line.indexOf(p.text, from) - from;
            if (at < 0) break;
            const match = from + at;
            if (optX) {
              found = match === from && line.length === match + p.text.length;
            } else if (optW) {
              let c = match !== 0 ? line.charCodeAt(match - 1) : 32;
              if (!isWordByte(c)) {
                c = match + p.text.length < line.length ? line.charCodeAt(match + p.text.length) : 0;
                if (!c || !isWordByte(c)) found = true;
              }
              if (!found) {
                from = match + 1;
                if (from > line.length) break;
                continue;
              }
            } else found = true;
            break;
          }
        } else {
          const re = compile(p);
          p.so = 0;
          p.eo = 0;
          let base = 0;
          let notbol = false;
          for (;;) {
            const subject = base ? line.slice(base) : line;
            let m: number[] | null;
            if (!needPositions) m = re.test(subject, { notbol }) ? [p.so, p.eo] : null;
            else {
              m = re.exec(subject, { notbol }, false);
              if (m) {
                p.so = m[0]!;
                p.eo = m[1]!;
              }
            }
            if (!m) break;
            if (optX) {
              found = p.so === 0 && base + p.eo === line.length;
            } else if (!optW) found = true;
            else {
              let c = 32;
              if (base > 0 || p.so !== 0) c = line.charCodeAt(base + p.so - 1);
              if (!isWordByte(c)) c = base + p.eo < line.length ? line.charCodeAt(base + p.eo) : 0;
              if (!isWordByte(c)) found = true;
              else if (p.eo !== 0) {
                base += p.eo;
                notbol = true;
                continue;
              }
            }
            break;
          }
        }
        if (found) break;
      }

      if (found !== invert) {
        nmatches++;
        if (o.has('q') || o.has('l') || o.has('L')) {
          if (o.has('q')) throw new Quit();
          if (o.has('l')) {
            await emit(curFile + '\n');
            return true;
          }
          return false;
        }
        if (optM && nmatches > maxMatches) break;
        if (!o.has('c')) {
          const prevpos = curpos === 0 ? before - 1 : curpos - 1;
          if (before && beforeBuf[prevpos] !== null) {
            let first = linenum - before;
            let idx = curpos;
            while (beforeBuf[idx] === null) {
              idx = (idx + 1) % before;
              first++;
            }
            while (beforeBuf[idx] !== null) {
              await printLine(beforeBuf[idx]!, first, '-');
              beforeBuf[idx] = null;
              idx = (idx + 1) % before;
              first++;
            }
          }
          printAfter = after;
          if (optO) {
            if (fixed) {
              if (found) await printLine(gl.text, linenum, ':');
            } else {
              let start = gl.so;
              let end = gl.eo;
              for (;;) {
                const len = end - start;
                if (len !== 0) await printLine(line.slice(start, end), linenum, ':');
                if (end >= line.length) break;
                if (len === 0) end++;
                const m = gl.re!.exec(line.slice(end), { notbol: true }, false);
                if (!m) break;
                start = m[0]! + end;
                end = m[1]! + end;
              }
            }
          } else await printLine(line, linenum, ':');
        }
      } else if (printAfter) {
        await printLine(line, linenum, '-');
        printAfter--;
      } else if (before) {
        beforeBuf[curpos] = line;
        curpos = (curpos + 1) % before;
      }
      if (optM && !printAfter && nmatches === maxMatches) break;
    }
    if (o.has('c')) await emit((printFilename ? curFile + ':' : '') + `${nmatches}\n`);
    if (o.has('L')) {
      await emit(curFile + '\n');
      return true;
    }
    return nmatches !== 0;
  };

  const perror = async (path: string, e: FsError) => {
    if (!suppress) await err.write(`${name}: ${path}: ${strerror(e.code)}\n`);
  };

  /** recursive_action over a directory: depth first, in readdir order. */
  const grepDir = async (dir: string, follow: boolean): Promise<boolean> => {
    let matched = false;
    let entries: string[];
    try {
      entries = sys.readdir(dir);
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      await err.write(`${name}: ${dir}: ${strerror(e.code)}\n`);
      return false;
    }
    for (const entry of entries) {
      if (entry === '.' || entry === '..') continue;
      const path = dir.endsWith('/') ? dir + entry : `${dir}/${entry}`;
      let st;
      try {
        st = follow ? sys.stat(path) : sys.lstat(path);
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        await err.write(`${name}: ${path}: ${strerror(e.code)}\n`);
        continue;
      }
      if ((st.mode & S_IFMT) === S_IFDIR) {
        if (await grepDir(path, follow)) matched = true;
        continue;
      }
      if ((st.mode & S_IFMT) === S_IFLNK) {
        try {
          if ((sys.stat(path).mode & S_IFMT) === S_IFDIR) continue;
        } catch (e) {
          if (isProcessControl(e) || !(e instanceof FsError)) throw e;
          await perror(path, e);
          continue;
        }
      }
      let fd: number;
      try {
        fd = sys.open(path, 'r');
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        await perror(path, e);
        openErrors = true;
        continue;
      }
      curFile = path;
      if (await grepFile(fd)) matched = true;
      sys.close(fd);
    }
    return matched;
  };

  let matched = false;
  try {
    const files = operands.length > 0 ? operands : [null];
    for (const f of files) {
      if (f === null || f === '-') {
        curFile = '(standard input)';
        if (await grepFile(0)) matched = true;
        continue;
      }
      if (o.has('r') || o.has('R')) {
        if (isDir(sys, f)) {
          if (!o.has('h')) printFilename = true;
          if (await grepDir(f, o.has('R'))) matched = true;
          continue;
        }
      }
      let fd: number;
      try {
        fd = sys.open(f, 'r');
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        await perror(f, e);
        openErrors = true;
        continue;
      }
      curFile = f;
      if (await grepFile(fd)) matched = true;
      sys.close(fd);
    }
  } catch (e) {
    if (e instanceof Quit) {
      await put(out, text);
      return 0;
    }
    if (!isProcessControl(e)) await put(out, text);
    throw e;
  }
  await put(out, text);
  if (openErrors) return 2;
  return matched ? 0 : 1;
});

function isDir(sys: Sys, path: string): boolean {
  try {
    return (sys.stat(path).mode & S_IFMT) === S_IFDIR;
  } catch (e) {
    if (isProcessControl(e)) throw e;
    return false;
  }
}
