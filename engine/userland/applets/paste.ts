/**
 * paste [-s] [-d LIST] [FILE]...: join corresponding lines of FILEs with
 * TABs (or the delimiters of LIST, used in turn; escapes like \n work and
 * \0 means "no delimiter"); -s joins all lines of each file instead. As in
 * busybox, a file that has ended contributes nothing, not even a delimiter.
 */
import { applet, fail } from '../lib/applet.ts';
import { bytesOf, LineReader, openOrWarn, processEscape, put, readerFor } from '../lib/text-io.ts';

const USAGE = 'Usage: paste [-d LIST] [-s] [FILE]...\n\nPaste lines from each input file, separated with tab\n\n\t-d LIST\tUse delimiters from LIST, not tab\n\t-s\tSerial: one file at a time';

const cstr = (s: string) => {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
};

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  const o = await ctx.options('d:s');
  let delims = '\t';
  if (o.has('d')) {
    const d = bytesOf(o.value('d')!);
    if (!d) fail("-d '' is not supported");
    delims = '';
    for (let i = 0; i < d.length; i++) {
      if (d[i] === '\\') {
        const e = processEscape(d, i + 1);
        delims += String.fromCharCode(e.byte);
        i = e.next - 1;
      } else delims += d[i];
    }
  }
  const names = o.operands.length > 0 ? o.operands : ['-'];
  const files: (LineReader | null)[] = [];
  for (const n of names) {
    const fd = await openOrWarn(sys, err, ctx.name, n);
    if (fd === null) return 1;
    files.push(readerFor(sys, fd));
  }
  const delimAt = (i: number) => delims[i % delims.length]!;
  if (o.has('s')) {
    for (const f of files) {
      let line: string | null = null;
      let di = 0;
      for (let l; (l = await f!.next()) !== null; ) {
        if (line !== null) {
          const d = delimAt(di++);
          await put(out, cstr(line) + (d === '\0' ? '' : d));
        }
        line = l.line;
      }
      if (line !== null) await put(out, cstr(line) + '\n');
    }
    return 0;
  }
  let active = files.length;
  while (active > 0) {
    let di = 0;
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      if (!f) continue;
      const l = await f.next();
      if (l === null) {
        files[i] = null;
        active--;
        continue;
      }
      let d = '\n';
      if (i !== files.length - 1) d = delimAt(di++);
      await put(out, cstr(l.line) + (d === '\0' ? '' : d));
    }
  }
  return 0;
});
