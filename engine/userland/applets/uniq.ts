/**
 * uniq [-cdiu] [-f,s,w N] [INPUT [OUTPUT]]: drop adjacent repeated lines.
 * -f skips N fields, -s N characters, -w compares at most N characters;
 * -c prefixes counts ("%7lu "), -d prints only repeated lines, -u only
 * unique ones.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { applet, fail } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';
import { LineReader, isSpace, put } from '../lib/text-io.ts';

const USAGE =
  'Usage: uniq [-cduiz] [-f,s,w N] [FILE [OUTFILE]]\n\nDiscard duplicate lines\n\n\t-c\tPrefix lines by the number of occurrences\n\t-d\tOnly print duplicate lines\n\t-u\tOnly print unique lines\n\t-i\tIgnore case\n\t-z\tNUL terminated output\n\t-f N\tSkip first N fields\n\t-s N\tSkip first N chars (after any skipped fields)\n\t-w N\tCompare N characters in line';

const lower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

export default applet(USAGE, async (ctx) => {
  const { sys, out } = ctx;
  const o = await ctx.options('cduf:s:w:iz');
  const num = (k: string, dflt: number) => {
    const v = o.value(k);
    if (v === undefined) return dflt;
    if (!/^[0-9]+$/.test(v)) fail(`invalid number '${v}'`);
    return Number(v);
  };
  const skipFields = num('f', 0);
  const skipChars = num('s', 0);
  const maxChars = num('w', 0x7fffffff);
  let input = 0;
  const [inName, outName, extra] = o.operands;
  if (extra !== undefined) {
    await ctx.usage();
    return 1;
  }
  const openOrDie = (path: string, mode: 'r' | 'w') => {
    try {
      return sys.open(path, mode);
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      return fail(`can't open '${path}': ${strerror(e.code)}`);
    }
  };
  if (inName !== undefined && inName !== '-') input = openOrDie(inName, 'r');
  if (outName !== undefined && outName !== '-') {
    const fd = openOrDie(outName, 'w');
    await out.flush();
    sys.dup2(fd, 1);
    sys.close(fd);
  }
  const eol = o.has('z') ? '\0' : '\n';
  const key = (line: string) => {
    let i = 0;
    for (let f = skipFields; f > 0; f--) {
      while (i < line.length && isSpace(line.charCodeAt(i))) i++;
      while (i < line.length && !isSpace(line.charCodeAt(i))) i++;
    }
    for (let c = skipChars; c > 0 && i < line.length; c--) i++;
    let k = line.slice(i, i + maxChars);
    const nul = k.indexOf('\0');
    if (nul >= 0) k = k.slice(0, nul);
    return o.has('i') ? lower(k) : k;
  };
  const r = new LineReader(sys, input);
  let prev: string | null = null;
  let prevKey = '';
  let dups = 0;
  const emit = async () => {
    if (prev === null) return;
    const show = dups > 0 ? !o.has('u') : !o.has('d');
    if (show) await put(out, (o.has('c') ? String(dups + 1).padStart(7) + ' ' : '') + prev + eol);
  };
  for (let l; (l = await r.next()) !== null; ) {
    const k = key(l.line);
    if (prev !== null && k === prevKey) {
      dups++;
      continue;
    }
    await emit();
    prev = l.line;
    prevKey = k;
    dups = 0;
  }
  await emit();
  if (r.error) fail(`${inName ?? '-'}: I/O error`);
  return 0;
});
