/**
 * nl [-p] [-b STYLE] [-i N] [-s SEP] [-v N] [-w N] [FILE]...: number lines.
 * STYLE is a (all lines), t (non-empty, the default) or n (none); numbering
 * continues across files. busybox's nl has no -n.
 */
import { applet, fail } from '../lib/applet.ts';
import { bytesOf, closeInput, openOrWarn, put, readerFor } from '../lib/text-io.ts';

const USAGE =
  'Usage: nl [OPTIONS] [FILE]...\n\nWrite FILEs to standard output with line numbers added\n\n\t-b STYLE\tWhich lines to number - a: all, t: nonempty, n: none\n\t-i N\t\tLine number increment\n\t-s STRING\tUse STRING as line number separator\n\t-v N\t\tStart from N\n\t-w N\t\tWidth of line numbers';

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  const o = await ctx.options('pw:s:v:i:b:', { 'body-numbering': 'b', 'line-increment': 'i', 'no-renumber': 'p', 'number-separator': 's', 'starting-line-number': 'v', 'number-width': 'w' });
  const num = (k: string, d: number) => {
    const v = o.value(k);
    if (v === undefined) return d;
    if (!/^[0-9]+$/.test(v) || Number(v) > 0x7fffffff) fail(`invalid number '${v}'`);
    return Number(v);
  };
  const width = num('w', 6);
  let n = num('v', 1);
  const inc = num('i', 1);
  const sep = bytesOf(o.value('s') ?? '\t');
  const style = o.value('b') ?? 't';
  const all = style[0] === 'a';
  const nonempty = style[0] === 't';
  const blank = ' '.repeat(width + sep.length);
  const files = o.operands.length > 0 ? o.operands : ['-'];
  let status = 0;
  for (const f of files) {
    const fd = await openOrWarn(sys, err, ctx.name, f);
    if (fd === null) {
      status = 1;
      continue;
    }
    const r = readerFor(sys, fd);
    for (let l; (l = await r.next()) !== null; ) {
      let line = l.line;
      const nul = line.indexOf('\0');
      if (nul >= 0) line = line.slice(0, nul);
      if (all || (nonempty && line.length > 0)) {
        await put(out, String(n >>> 0).padStart(width) + sep);
        n += inc;
      } else await put(out, blank);
      await put(out, line + '\n');
    }
    closeInput(sys, fd);
  }
  return status;
});
