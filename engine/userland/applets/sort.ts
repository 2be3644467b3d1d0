/**
 * sort [-nrughMcszbdfiok] [-t CHAR] [-k KEYDEF]... [-o FILE] [FILE]...:
 * busybox's sort. Lines compare byte by byte (musl's strcoll is strcmp);
 * equal keys fall back to comparing whole lines unless -s or -u. A key's
 * own flags (-k2,2nr) replace the global ones. The whole input is held
 * in memory and charged to the process.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { applet, fail } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';
import { LineReader, bytesOf, closeInput, isAlnum, isPrintAscii, isSpace, openOrDie, optionsOr, put } from '../lib/text-io.ts';
import { strtod } from '../lib/text-printf.ts';

const USAGE =
  'Usage: sort [-nrughMcszbdfiokt] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...\n\nSort lines of text\n\n\t-o FILE\tOutput to FILE\n\t-c\tCheck whether input is sorted\n\t-b\tIgnore leading blanks\n\t-f\tIgnore case\n\t-i\tIgnore unprintable characters\n\t-d\tDictionary order (blank or alphanumeric only)\n\t-n\tSort numbers\n\t-g\tGeneral numerical sort\n\t-h\tSort human readable numbers (2K 1G)\n\t-M\tSort month\n\t-V\tSort version\n\t-t CHAR\tField separator\n\t-k N[,M] Sort by Nth field\n\t-r\tReverse sort order\n\t-s\tStable (don\'t sort ties alphabetically)\n\t-u\tSuppress duplicate lines\n\t-z\tLines are terminated by NUL, not newline';

const OPT_STR = 'nghMVucszbrdfimS:T:o:k:t:'.replace(/:/g, '');
const F = Object.fromEntries([...OPT_STR].map((c, i) => [c, 1 << i])) as Record<string, number>;
const F_bb = 1 << 30;
const F_noTieBreak = 1 << 29;
const ALLOWED_FOR_K = F.n! | F.g! | F.h! | F.M! | F.b! | F.r! | F.d! | F.f! | F.i!;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Key {
  range: [number, number, number, number];
  flags: number;
}

const cmpBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** strcmp: the strings end at their first NUL. */
const cstr = (s: string) => {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
};

export default applet(USAGE, async (ctx) => {
  const { sys, out } = ctx;
  const o = await optionsOr(ctx, 'nghMVucszbrdfimS:T:o:k:t:', 2);
  let mask = 0;
  for (const s of o.seen) mask |= F[s.option] ?? 0;
  if (o.count('o') > 1 || o.count('t') > 1) {
    await ctx.usage();
    return 2;
  }
  if (mask & F.b!) mask |= F_bb;
  let sep = '';
  if (o.has('t')) {
    const t = bytesOf(o.value('t')!);
    if (t.length !== 1) fail('bad -t parameter', 2);
    sep = t;
  }
  const keys: Key[] = [];
  for (const spec of o.values('k')) {
    const key: Key = { range: [0, 0, 0, 0], flags: 0 };
    keys.push(key);
    let s = spec;
    const str2u = () => {
      const m = /^[0-9]+/.exec(s);
      if (!m) fail('bad field specification', 2);
      const v = Number(m![0]);
      if (v === 0 || v > 0x7fffffff) fail('bad field specification', 2);
      s = s.slice(m![0].length);
      return v;
    };
    let i = 0;
    while (s.length > 0) {
      key.range[2 * i] = str2u();
      if (s[0] === '.') {
        s = s.slice(1);
        key.range[2 * i + 1] = str2u();
      }
      while (s.length > 0) {
        if (s[0] === ',' && !i++) {
          s = s.slice(1);
          break;
        }
        const c = s[0]!;
        const flag = OPT_STR.includes(c) ? F[c]! : 0;
        if (!flag) fail('unknown key option', 2);
        if (flag & ~ALLOWED_FOR_K) fail('unknown sort type', 2);
        key.flags |= i && flag === F.b ? F_bb : flag;
        s = s.slice(1);
      }
    }
  }
  if (keys.length === 0) keys.push({ range: [1, 0, 0, 0], flags: 0 });

  // Read everything.
  const delim = mask & F.z! ? '\0' : '\n';
  const lines: string[] = [];
  let charged = 0;
  try {
    const files = o.operands.length > 0 ? o.operands : ['-'];
    for (const f of files) {
      const fd = openOrDie(sys, f, 2);
      const r = new LineReader(sys, fd, delim);
      for (let l; (l = await r.next()) !== null; ) {
        lines.push(l.line);
        sys.memory(l.line.length + 32);
        charged += l.line.length + 32;
        if (lines.length % 4096 === 0) await sys.checkpoint();
      }
      closeInput(sys, fd);
    }

    const sepCode = sep ? sep.charCodeAt(0) : -1;
    const getKey = (str: string, key: Key, flags: number): string => {
      str = cstr(str);
      if (key.range[0] === 1 && !key.range[1] && !key.range[2] && !key.range[3] && !(flags & (F.b! | F.d! | F.f! | F.i! | F_bb))) return str;
      const len = str.length;
      let start = 0;
      let end = 0;
      for (let j = 0; j < 2; j++) {
        if (!key.range[2 * j]) end = len;
        else {
          let ch = 0;
          end = 0;
          for (let i = 1; i < key.range[2 * j]! + j; i++) {
            if (sep) {
              for (;;) {
                ch = end < len ? str.charCodeAt(end) : 0;
                if (ch === 0) break;
                end++;
                if (ch === sepCode) break;
              }
            } else {
              while (end < len && isSpace(str.charCodeAt(end))) end++;
              while (end < len && !isSpace(str.charCodeAt(end))) end++;
            }
          }
          if (j && ch) end--;
        }
        if (!j) start = end;
      }
      if (flags & F.b!) while (start < len && isSpace(str.charCodeAt(start))) start++;
      if (flags & F_bb) while (end > start && isSpace(str.charCodeAt(end - 1))) end--;
      if (key.range[3]) {
        end = key.range[3];
        if (end > len) end = len;
      }
      if (key.range[1]) {
        start += key.range[1] - 1;
        if (start > len) start = len;
      }
      if (end < start) end = start;
      let k = str.slice(start, end);
      if (flags & F.d!) k = [...k].filter((c) => isSpace(c.charCodeAt(0)) || isAlnum(c.charCodeAt(0))).join('');
      if (flags & F.i!) k = [...k].filter((c) => isPrintAscii(c.charCodeAt(0))).join('');
      if (flags & F.f!) k = k.replace(/[a-z]+/g, (m) => m.toUpperCase());
      return k;
    };

    let optionMask = mask;
    /** compare_keys; `checking` makes -s ties ordered (the earlier line is smaller), as for -c. */
    const compare = (x: string, y: string, checking = false): number => {
      let flags = optionMask;
      let r = 0;
      for (const key of keys) {
        if (r) break;
        flags = key.flags ? key.flags : optionMask;
        const a = getKey(x, key, flags);
        const b = getKey(y, key, flags);
        switch (flags & (F.n! | F.g! | F.h! | F.M! | F.V!)) {
          case 0:
            r = cmpBytes(a, b);
            break;
          case F.g:
          case F.h: {
            const dx = strtod(a);
            const dy = strtod(b);
            if (dx.used === 0) r = dy.used === 0 ? 0 : -1;
            else if (dy.used === 0) r = 1;
            else if (Number.isNaN(dx.value)) r = Number.isNaN(dy.value) ? 0 : -1;
            else if (Number.isNaN(dy.value)) r = 1;
            else {
              if (flags & F.h!) {
                const xs = scaleSuffix(a.slice(dx.used));
                const ys = scaleSuffix(b.slice(dy.used));
                if (xs !== ys) {
                  r = xs - ys;
                  break;
                }
              }
              r = dx.value > dy.value ? 1 : dx.value < dy.value ? -1 : 0;
            }
            break;
          }
          case F.M: {
            const mx = month(a);
            const my = month(b);
            if (mx < 0) r = my < 0 ? 0 : -1;
            else if (my < 0) r = 1;
            else r = mx - my;
            break;
          }
          case F.n: {
            const dx = strtod(a).value;
            const dy = strtod(b).value;
            r = dx > dy ? 1 : dx < dy ? -1 : 0;
            break;
          }
          case F.V:
            r = versionCompare(a, b);
            break;
          default:
            fail('unknown sort type', 2);
        }
      }
      if (r === 0) {
        if (optionMask & F.s!) return checking ? -1 : 0;
        if (!(optionMask & F_noTieBreak)) {
          flags = optionMask;
          r = cmpBytes(cstr(x), cstr(y));
        }
      }
      return flags & F.r! ? -r : r;
    };

    if (mask & F.c!) {
      const j = mask & F.u! ? -1 : 0;
      for (let i = 1; i < lines.length; i++) {
        if (compare(lines[i - 1]!, lines[i]!, true) > j) {
          await ctx.err.write(`Check line ${i}\n`);
          return 1;
        }
      }
      return 0;
    }

    // A stable sort (with -s, equal keys keep their input order) that yields now and then.
    let sorted = await stableSort(sys, lines, compare);

    if (mask & F.u!) {
      optionMask = (optionMask | F_noTieBreak) & ~F.s!;
      const kept: string[] = [];
      for (const l of sorted) {
        if (kept.length > 0 && compare(kept[kept.length - 1]!, l) === 0) continue;
        kept.push(l);
      }
      sorted = kept;
    }

    if (o.has('o')) {
      let fd: number;
      try {
        fd = sys.open(o.value('o')!, 'w');
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        return fail(`can't open '${o.value('o')}': ${strerror(e.code)}`, 2);
      }
      await out.flush();
      sys.dup2(fd, 1);
      sys.close(fd);
    }
    const eol = mask & F.z! ? '\0' : '\n';
    for (let i = 0; i < sorted.length; i++) {
      await put(out, cstr(sorted[i]!) + eol);
      if (i % 4096 === 4095) await sys.checkpoint();
    }
    return 0;
  } finally {
    sys.memory(-charged);
  }
});

/**
 * Merge sort in runs: each run of 4096 lines is sorted at once, then runs
 * are merged pairwise with a checkpoint every few thousand lines, so a big
 * sort stays interruptible.
 */
async function stableSort(sys: Sys, input: string[], cmp: (a: string, b: string) => number): Promise<string[]> {
  const RUN = 4096;
  let runs: string[][] = [];
  for (let i = 0; i < input.length; i += RUN) {
    runs.push(input.slice(i, i + RUN).sort(cmp));
    await sys.checkpoint();
  }
  if (runs.length === 0) return [];
  let steps = 0;
  while (runs.length > 1) {
    const next: string[][] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const a = runs[k]!;
      const b = runs[k + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const m: string[] = [];
      let i = 0;
      let j = 0;
      while (i < a.length && j < b.length) {
        m.push(cmp(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
        if (++steps % 8192 === 0) await sys.checkpoint();
      }
      while (i < a.length) m.push(a[i++]!);
      while (j < b.length) m.push(b[j++]!);
      next.push(m);
    }
    runs = next;
  }
  return runs[0]!;
}

function scaleSuffix(tail: string): number {
  if (!tail) return -1;
  const i = 'kmgtpezy'.indexOf(String.fromCharCode(tail.charCodeAt(0) | 0x20));
  if (i < 0) return -1;
  if (i !== 0 && tail.charCodeAt(0) >= 97) return -1;
  return i;
}

/** strptime("%b") on the key after leading white space: month 0-11, or -1. */
function month(s: string): number {
  const t = s.replace(/^[ \t\n\v\f\r]+/, '').toLowerCase();
  for (let m = 0; m < 12; m++) if (t.startsWith(MONTHS[m]!)) return m;
  return -1;
}

/** musl's strverscmp. */
function versionCompare(l: string, r: string): number {
  const at = (s: string, i: number) => (i < s.length ? s.charCodeAt(i) : 0);
  const digit = (c: number) => c >= 48 && c <= 57;
  let i = 0;
  let dp = 0;
  let z = true;
  for (; at(l, i) === at(r, i); i++) {
    const c = at(l, i);
    if (!c) return 0;
    if (!digit(c)) {
      dp = i + 1;
      z = true;
    } else if (c !== 48) z = false;
  }
  if (at(l, dp) - 49 >= 0 && at(l, dp) - 49 < 9 && at(r, dp) - 49 >= 0 && at(r, dp) - 49 < 9) {
    let j = i;
    for (; digit(at(l, j)); j++) if (!digit(at(r, j))) return 1;
    if (digit(at(r, j))) return -1;
  } else if (z && dp < i && (digit(at(l, i)) || digit(at(r, i)))) {
    return ((at(l, i) - 48) & 255) - ((at(r, i) - 48) & 255);
  }
  return at(l, i) - at(r, i);
}
