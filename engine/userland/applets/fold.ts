/**
 * fold [-bs] [-w WIDTH] [FILE]...: wrap lines at WIDTH columns (80). -b
 * counts bytes instead of columns; -s breaks after the last blank when it
 * can. Tabs advance to the next multiple of 8, backspace and CR move back.
 */
import { applet, fail } from '../lib/applet.ts';
import { closeInput, openOrWarn, put, readerFor, utf8Locale } from '../lib/text-io.ts';

const USAGE = 'Usage: fold [-bs] [-w WIDTH] [FILE]...\n\nWrap input lines in FILEs (or stdin), writing to stdout\n\n\t-b\tCount bytes rather than columns\n\t-s\tBreak at spaces\n\t-w\tUse WIDTH columns instead of 80';

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  const o = await ctx.options('bsw:');
  const w = o.value('w') ?? '80';
  if (!/^[0-9]+$/.test(w)) fail(`invalid number '${w}'`);
  const width = Number(w);
  if (width < 1 || width > 10000) fail(`number ${w} is not in 1..10000 range`);
  const bytes = o.has('b');
  const utf8 = utf8Locale(ctx.getenv);
  const adjust = (column: number, c: number): number => {
    if (bytes) return column + 1;
    if (c === 9) return column + 8 - (column % 8);
    if (c === 8) return Math.max(0, column - 1);
    if (c === 13) return 0;
    return !utf8 || (c & 0xc0) !== 0x80 ? column + 1 : column;
  };
  const files = o.operands.length > 0 ? o.operands : ['-'];
  let status = 0;
  for (const f of files) {
    const fd = await openOrWarn(sys, err, ctx.name, f);
    if (fd === null) {
      status = 1;
      continue;
    }
    const r = readerFor(sys, fd);
    let text = '';
    let buf: number[] = [];
    let column = 0;
    const emit = (s: string) => {
      text += s;
    };
    const bufString = (n = buf.length) => String.fromCharCode(...buf.slice(0, n));
    for (;;) {
      const chunk = await r.take(65536);
      if (chunk === null) break;
      for (let k = 0; k < chunk.length; k++) {
        const c = chunk.charCodeAt(k);
        for (;;) {
          // rescan
          if (c === 10) {
            emit(bufString() + '\n');
            buf = [];
            column = 0;
            break;
          }
          column = adjust(column, c);
          if (column <= width || buf.length === 0) {
            buf.push(c);
            break;
          }
          if (o.has('s')) {
            let end = buf.length - 1;
            while (end >= 0 && buf[end] !== 32 && buf[end] !== 9) end--;
            if (end >= 0) {
              end++;
              emit(bufString(end) + '\n');
              buf = buf.slice(end);
              column = 0;
              for (const b of buf) column = adjust(column, b);
              continue;
            }
          }
          emit(bufString() + '\n');
          buf = [];
          column = 0;
        }
      }
      await put(out, text);
      text = '';
    }
    if (buf.length) await put(out, bufString());
    closeInput(sys, fd);
  }
  return status;
});
