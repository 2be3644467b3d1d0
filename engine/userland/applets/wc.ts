/**
 * wc [-cmlwL] [FILE]...: count lines, words, bytes (and characters, longest
 * line) as busybox does: a word is a run of printable ASCII other than
 * space; -m counts UTF-8 characters; columns are "%9u" unless exactly one
 * count of one input is asked for.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { applet } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';
import { closeInput, openOrWarn, put, utf8Locale } from '../lib/text-io.ts';

const USAGE =
  'Usage: wc [-cmlwL] [FILE]...\n\nCount lines, words, and bytes for FILEs (or stdin)\n\n\t-c\tCount bytes\n\t-m\tCount characters\n\t-l\tCount newlines\n\t-w\tCount words\n\t-L\tPrint longest line length';

const LINES = 0;
const WORDS = 1;
const CHARS = 2;
const BYTES = 3;
const LENGTH = 4;

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  const o = await ctx.options('lwmcL');
  let want = ['l', 'w', 'm', 'c', 'L'].map((c) => o.has(c));
  if (!want.some(Boolean)) want = [true, true, false, true, false];
  const names = o.operands.length > 0 ? o.operands : ['-'];
  const stdinOnly = o.operands.length === 0;
  const bare = names.length === 1 && want.filter(Boolean).length === 1;
  const totals = [0, 0, 0, 0, 0];
  const utf8 = utf8Locale(ctx.getenv);
  let status = 0;
  const print = async (counts: number[], name: string | null) => {
    let line = '';
    let firstCol = true;
    for (let u = 0; u < 5; u++) {
      if (!want[u]) continue;
      const v = String(counts[u]! >>> 0);
      line += firstCol ? (bare ? v : v.padStart(9)) : ' ' + v.padStart(9);
      firstCol = false;
    }
    await put(out, line + (name === null ? '\n' : ` ${name}\n`));
  };
  for (const name of names) {
    const fd = await openOrWarn(sys, err, ctx.name, name);
    if (fd === null) {
      status = 1;
      continue;
    }
    const counts = [0, 0, 0, 0, 0];
    let linepos = 0;
    let inWord = 0;
    const endLine = (c: number) => {
      if (linepos > counts[LENGTH]!) counts[LENGTH] = linepos;
      if (c === 10) counts[LINES]!++;
      if (c !== 11) linepos = 0;
    };
    for (;;) {
      let d: Uint8Array;
      try {
        d = await sys.read(fd, 65536);
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        await err.write(`${ctx.name}: ${name}: ${strerror(e.code)}\n`);
        status = 1;
        break;
      }
      if (d.length === 0) break;
      counts[BYTES]! += d.length;
      for (let i = 0; i < d.length; i++) {
        const c = d[i]!;
        if (!utf8 || (c & 0xc0) !== 0x80) counts[CHARS]!++;
        if (c >= 0x20 && c <= 0x7e) {
          linepos++;
          if (c !== 32) {
            inWord = 1;
            continue;
          }
        } else if (c >= 9 && c <= 13) {
          if (c === 9) linepos = (linepos | 7) + 1;
          else endLine(c);
        } else continue;
        counts[WORDS]! += inWord;
        inWord = 0;
      }
    }
    endLine(-1);
    counts[WORDS]! += inWord;
    closeInput(sys, fd);
    for (let u = 0; u < 5; u++) totals[u] = u === LENGTH ? Math.max(totals[u]!, counts[u]!) : totals[u]! + counts[u]!;
    await print(counts, stdinOnly ? null : name);
  }
  if (names.length > 1) await print(totals, 'total');
  return status;
});
