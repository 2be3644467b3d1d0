/**
 * comm [-123] FILE1 FILE2: compare two sorted files; column 1 holds lines
 * only in FILE1, column 2 lines only in FILE2, column 3 lines in both.
 */
import { applet } from '../lib/applet.ts';
import { openOrDie, put, readerFor } from '../lib/text-io.ts';

const USAGE = 'Usage: comm [-123] FILE1 FILE2\n\nCompare FILE1 with FILE2\n\n\t-1\tSuppress lines unique to FILE1\n\t-2\tSuppress lines unique to FILE2\n\t-3\tSuppress lines common to both files';

const cstr = (s: string) => {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
};

export default applet(USAGE, async (ctx) => {
  const { sys, out } = ctx;
  const o = await ctx.options('123');
  if (o.operands.length !== 2) {
    await ctx.usage();
    return 1;
  }
  const streams = o.operands.map((f) => readerFor(sys, openOrDie(sys, f)));
  const write = async (line: string, cls: number) => {
    let pre = '';
    if (cls === 0) {
      if (o.has('1')) return;
    } else if (cls === 1) {
      if (o.has('2')) return;
      if (!o.has('1')) pre = '\t';
    } else {
      if (o.has('3')) return;
      if (!o.has('1')) pre += '\t';
      if (!o.has('2')) pre += '\t';
    }
    await put(out, pre + line + '\n');
  };
  const next = async (i: number) => {
    const l = await streams[i]!.next();
    return l === null ? null : cstr(l.line);
  };
  let order = 0;
  const line: (string | null)[] = [null, null];
  for (;;) {
    if (order <= 0) line[0] = await next(0);
    if (order >= 0) line[1] = await next(1);
    const a = line[0];
    const b = line[1];
    if (a === null || a === undefined || b === null || b === undefined) break;
    order = a < b ? -1 : a > b ? 1 : 0;
    if (order >= 0) await write(b, order ? 1 : 2);
    else await write(a, 0);
  }
  const i = line[0] === null ? 1 : 0;
  const rest = line[i];
  if (rest !== null && rest !== undefined) {
    await write(rest, i);
    for (let l; (l = await next(i)) !== null; ) await write(l, i);
  }
  return 0;
});
