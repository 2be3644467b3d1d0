/**
 * tr [-cds] STRING1 [STRING2]: translate, squeeze (-s) or delete (-d) bytes
 * from stdin to stdout. Sets take ranges (a-z), escapes (\n, \012),
 * classes ([:alpha:]) and [=c=]; -c complements STRING1. As in busybox,
 * [c*N] repetition is not supported and a short STRING2 repeats its last byte.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { applet } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';
import { bytesOf, isAlnum, isPrintAscii, isSpace } from '../lib/text-io.ts';

const USAGE =
  'Usage: tr [-cds] STRING1 [STRING2]\n\nTranslate, squeeze, or delete characters from stdin, writing to stdout\n\n\t-c\tTake complement of STRING1\n\t-d\tDelete input characters coded STRING1\n\t-s\tSqueeze multiple output characters of STRING2 into one character';

const CLASSES = ['alpha', 'alnum', 'digit', 'lower', 'upper', 'space', 'blank', 'punct', 'cntrl', 'xdigit'];

/** busybox's escape decoder over an array of byte values (same rules as bb_process_escape_sequence). */
function escapeAt(a: number[], i: number): { byte: number; next: number } {
  let q = i;
  let n = 0;
  let digits = 0;
  let base = 8;
  if (a[q] === 120) {
    q++;
    base = 16;
    digits++;
  }
  do {
    const ch = a[q] ?? 0;
    let d = ch - 48;
    if (d < 0 || d >= 10) {
      d = (ch | 0x20) - 97;
      d = d >= 0 ? d + 10 : 999;
    }
    if (d >= base) {
      if (base === 16 && --digits === 0) return { byte: 92, next: i };
      break;
    }
    const r = n * base + d;
    if (r > 255) break;
    n = r;
    q++;
  } while (++digits < 3);
  if (digits === 0) {
    const map: Record<number, number> = { 97: 7, 98: 8, 101: 27, 102: 12, 110: 10, 114: 13, 116: 9, 118: 11, 92: 92 };
    const c = a[q];
    if (c !== undefined && map[c] !== undefined) {
      n = map[c]!;
      q++;
    } else n = 92;
  }
  return { byte: n, next: q };
}

/** tr's expand(): the bytes a set stands for, in order (null: bad [=c=], show usage). */
function expand(s: string): number[] | null {
  const a = [...s].map((c) => c.charCodeAt(0));
  const out: number[] = [];
  let i = 0;
  while (i < a.length) {
    if (a[i] === 92) {
      const e = escapeAt(a, i + 1);
      i = e.next - 1;
      a[i] = e.byte;
    }
    if (a[i + 1] === 45) {
      // "x-y"
      let ac = a[i + 2];
      if (ac === undefined) {
        out.push(a[i]!);
        i++;
        continue;
      }
      const from = a[i]!;
      i += 3;
      if (ac === 92) {
        const e = escapeAt(a, i);
        ac = e.byte;
        i = e.next;
      }
      for (let c = from; c <= ac; c++) out.push(c);
      continue;
    }
    if (a[i] === 91) {
      const k = a[i + 1];
      if (k === 58) {
        // [:class:]
        const len = 7 + (a[i + 2] === 120 ? 1 : 0);
        const name = String.fromCharCode(...a.slice(i + 2, i + 2 + len));
        const j = CLASSES.findIndex((c) => c + ':]' === name);
        if (j >= 0) {
          const cls = CLASSES[j]!;
          i += 2 + len;
          const range = (x: number, y: number) => {
            for (let c = x; c <= y; c++) out.push(c);
          };
          if (cls === 'alnum' || cls === 'digit' || cls === 'xdigit') range(48, 57);
          if (cls === 'alpha' || cls === 'alnum' || cls === 'upper') range(65, 90);
          if (cls === 'alpha' || cls === 'alnum' || cls === 'lower') range(97, 122);
          if (cls === 'space' || cls === 'blank') {
            out.push(9);
            if (cls === 'space') out.push(10, 11, 12, 13);
            out.push(32);
          }
          if (cls === 'punct') for (let c = 0; c < 256; c++) if (isPrintAscii(c) && !isAlnum(c) && !isSpace(c)) out.push(c);
          if (cls === 'cntrl') for (let c = 0; c < 256; c++) if (c < 32 || c === 127) out.push(c);
          if (cls === 'xdigit') out.push(65, 66, 67, 68, 69, 70, 97, 98, 99, 100, 101, 102);
          continue;
        }
      } else if (k === 61) {
        // [=c=]
        const c = a[i + 2];
        if (c === undefined || a[i + 3] !== 61 || a[i + 4] !== 93) return null;
        out.push(c);
        i += 5;
        continue;
      }
    }
    out.push(a[i]!);
    i++;
  }
  return out;
}

export default applet(USAGE, async (ctx) => {
  const { sys, out } = ctx;
  const o = await ctx.options('Ccds');
  if (o.operands.length < 1) {
    await ctx.usage();
    return 1;
  }
  let str1 = expand(bytesOf(o.operands[0]!));
  if (!str1) {
    await ctx.usage();
    return 1;
  }
  const del = o.has('d');
  const squeeze = o.has('s');
  if (o.has('c') || o.has('C')) {
    const inSet = new Set(str1);
    str1 = [];
    for (let c = 0; c < 256; c++) if (!inSet.has(c)) str1.push(c);
  }
  const vector = new Uint8Array(256).map((_, i) => i);
  const invec = new Uint8Array(256);
  const outvec = new Uint8Array(256);
  let str2: number[] = [];
  if (o.operands.length > 1) {
    if (o.operands[1] === '') {
      await ctx.err.write(`${ctx.name}: STRING2 cannot be empty\n`);
      return 1;
    }
    const e = expand(bytesOf(o.operands[1]!));
    if (!e) {
      await ctx.usage();
      return 1;
    }
    str2 = e;
    let last = 48;
    for (let i = 0, j = 0; i < str1.length; i++) {
      if (str2.length <= j) vector[str1[i]!] = last;
      else vector[str1[i]!] = last = str2[j++]!;
    }
  }
  for (const c of str1) invec[c] = 1;
  for (const c of str2) outvec[c] = 1;
  await out.flush();
  let last = 256;
  for (;;) {
    let d: Uint8Array;
    try {
      d = await sys.read(0, 65536);
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      await ctx.err.write(`${ctx.name}: read error: ${strerror(e.code)}\n`);
      return 1;
    }
    if (d.length === 0) break;
    const res = new Uint8Array(d.length);
    let n = 0;
    for (let i = 0; i < d.length; i++) {
      const c = d[i]!;
      if (del && invec[c]) continue;
      const coded = vector[c]!;
      if (squeeze && last === coded && (invec[c] || outvec[coded])) continue;
      res[n++] = last = coded;
    }
    if (n > 0) await sys.write(1, res.subarray(0, n));
  }
  return 0;
});
