/**
 * seq [-w] [-s SEP] [FIRST [INC]] LAST: print numbers from FIRST to LAST in
 * steps of INC (floating point, printed with as many decimals as the
 * widest of FIRST and INC). -w pads with zeros. As in busybox 1.36, a
 * negative first argument reads as an unknown option.
 */
import { applet } from '../lib/applet.ts';
import { bytesOf, put } from '../lib/text-io.ts';
import { formatFloat, strtod } from '../lib/text-printf.ts';

const USAGE = 'Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n\nPrint numbers from FIRST to LAST, in steps of INC.\nFIRST, INC default to 1.\n\n\t-w\tPad to last with leading zeros\n\t-s SEP\tString separator';

export default applet(USAGE, async (ctx) => {
  const { sys, out } = ctx;
  const o = await ctx.options('+ws:');
  const args = o.operands.map(bytesOf);
  const num = (s: string) => {
    const r = strtod(s);
    return r.used === s.length && s.length > 0 ? r.value : null;
  };
  let first = 1;
  let inc = 1;
  let last: number | null = null;
  if (args.length >= 1 && args.length <= 3) {
    last = num(args[args.length - 1]!);
    if (args.length >= 2) {
      const f = num(args[0]!);
      if (f === null) last = null;
      else first = f;
    }
    if (args.length === 3) {
      const i = num(args[1]!);
      if (i === null) last = null;
      else inc = i;
    }
  }
  if (last === null) {
    await ctx.usage();
    return 1;
  }
  let width = 0;
  let frac = 0;
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    const dot = a.indexOf('.');
    const w = dot < 0 ? a.length : dot;
    if (width < w) width = w;
    if (k === args.length - 1) break;
    const f = dot < 0 ? 0 : a.length - dot;
    if (frac < f) frac = f;
  }
  if (frac) {
    frac--;
    if (frac) width += frac + 1;
  }
  if (!o.has('w')) width = 0;
  const sep = bytesOf(o.value('s') ?? '\n');
  let n = 0;
  let v = first;
  let text = '';
  while (inc >= 0 ? v <= last : v >= last) {
    text += (n ? sep : '') + formatFloat({ flags: '0', width, precision: frac, conv: 'f' }, v);
    n++;
    v = first + n * inc;
    if (text.length >= 4096) {
      await put(out, text);
      text = '';
    }
    if (n % 1024 === 0) await sys.checkpoint();
  }
  if (n) text += '\n';
  await put(out, text);
  return 0;
});
