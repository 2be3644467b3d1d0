/**
 * expand [-i] [-t N] [FILE]...: turn tabs into spaces, with tab stops every
 * N columns (8); -i only converts the leading blanks of each line.
 */
import { applet, fail } from '../lib/applet.ts';
import { closeInput, openOrWarn, put, readerFor, utf8Locale } from '../lib/text-io.ts';

const USAGE = 'Usage: expand [-i] [-t N] [FILE]...\n\nConvert tabs to spaces, writing to stdout\n\n\t-i\tDon\'t convert tabs after non blanks\n\t-t\tTab size';

/** Display width of a byte string in a UTF-8 locale (continuation bytes take no column). */
const width = (s: string, utf8: boolean) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!utf8 || (s.charCodeAt(i) & 0xc0) !== 0x80) n++;
  return n;
};

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  const o = await ctx.options('it:', { initial: 'i', tabs: 't' });
  const t = o.value('t') ?? '8';
  if (!/^[0-9]+$/.test(t)) fail(`invalid number '${t}'`);
  const tab = Number(t);
  if (tab < 1 || tab > 0xffffffff) fail(`number ${t} is not in 1..4294967295 range`);
  const files = o.operands.length > 0 ? o.operands : ['-'];
  const utf8 = utf8Locale(ctx.getenv);
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
      let res = '';
      let seg = 0;
      let i = 0;
      for (; i < line.length; i++) {
        const c = line[i]!;
        if (o.has('i') && c !== ' ' && c !== '\t') break;
        if (c === '\t') {
          const part = line.slice(seg, i);
          res += part + ' '.repeat(tab - (width(part, utf8) % tab));
          seg = i + 1;
        }
      }
      res += line.slice(seg);
      await put(out, res + (l.terminated && nul < 0 ? '\n' : ''));
    }
    closeInput(sys, fd);
  }
  return status;
});
