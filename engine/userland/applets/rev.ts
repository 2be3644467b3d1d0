/**
 * rev [FILE]...: reverse each line, character by character: UTF-8
 * characters in musl's default locale (a line that is not valid UTF-8 is
 * printed unchanged), bytes in the C locale.
 */
import { utf8 as encodeUtf8 } from '../../common/bytes.ts';
import { applet } from '../lib/applet.ts';
import { closeInput, fromBytes, openOrWarn, put, readerFor, toBytes, utf8Locale } from '../lib/text-io.ts';

const USAGE = 'Usage: rev [FILE]...\n\nReverse lines of FILE';

const decoder = new TextDecoder('utf-8', { fatal: true });

function reverse(line: string, utf8: boolean): string {
  if (!utf8) return [...line].reverse().join('');
  let text: string;
  try {
    text = decoder.decode(toBytes(line));
  } catch {
    return line;
  }
  return fromBytes(encodeUtf8([...text].reverse().join('')));
}

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  const o = await ctx.options('');
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
      // fgets/fputs: a line ends at its first NUL
      const nul = l.line.indexOf('\0');
      const line = nul >= 0 ? l.line.slice(0, nul) : l.line;
      await put(out, reverse(line, utf8) + (l.terminated && nul < 0 ? '\n' : ''));
    }
    closeInput(sys, fd);
  }
  return status;
});
