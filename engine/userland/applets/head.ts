/**
 * head [-n [-]N] [-c [-]N] [-qv] [FILE]...: the first N lines (or bytes) of
 * each FILE; with a negative N, all but the last N. `head -5` is `head -n 5`.
 * Headers "==> FILE <==" appear with several files (or -v, never with -q).
 */
import { applet, fail } from '../lib/applet.ts';
import { getopt } from '../lib/getopt.ts';
import { BKM, closeInput, openOrWarn, parseSuffixed, put, readerFor } from '../lib/text-io.ts';

const USAGE =
  'Usage: head [OPTIONS] [FILE]...\n\nPrint first 10 lines of FILEs (or stdin) to stdout.\nWith more than one FILE, precede each with a filename header.\n\n\t-n N[bkm]\tPrint first N lines\n\t-n -N[bkm]\tPrint all except N last lines\n\t-c [-]N[bkm]\tPrint first N bytes\n\t-q\t\tNever print headers\n\t-v\t\tAlways print headers\n\nN may be suffixed by k (x1024), b (x512), or m (x1024^2).';

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  let count = 10;
  let countBytes = false;
  let negative = false;
  let threshold = 1;
  let rest = ctx.args;
  const setCount = (p: string) => {
    if (p[0] === '-') {
      negative = true;
      p = p.slice(1);
    }
    const v = parseSuffixed(p, BKM);
    if (v === null) fail(`invalid number '${p}'`);
    else count = v;
  };
  {
    if (rest[0] !== undefined && /^-[0-9]/.test(rest[0])) {
      setCount(rest[0].slice(1));
      rest = rest.slice(1);
    }
    const o = getopt([ctx.name, ...rest], 'n:c:qv');
    if ('error' in o) {
      await err.write(`${ctx.name}: ${o.error}\n`);
      await ctx.usage();
      return 1;
    }
    for (const s of o.seen) {
      if (s.option === 'q') threshold = Infinity;
      else if (s.option === 'v') threshold = -1;
      else {
        if (s.option === 'c') countBytes = true;
        setCount(s.value!);
      }
    }
    rest = o.operands;
  }
  const files = rest.length > 0 ? rest : ['-'];
  const headers = files.length > threshold;
  let status = 0;
  let first = true;
  for (const f of files) {
    const fd = await openOrWarn(sys, err, ctx.name, f);
    if (fd !== null) {
      if (headers) await put(out, `${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      const r = readerFor(sys, fd);
      if (!negative) {
        let left = count;
        while (left > 0) {
          if (countBytes) {
            const s = await r.take(left);
            if (s === null) break;
            left -= s.length;
            await put(out, s);
          } else {
            const l = await r.next();
            if (l === null) break;
            left--;
            await put(out, l.terminated ? l.line + '\n' : l.line);
          }
        }
      } else if (countBytes) {
        const all = await r.rest();
        await put(out, all.slice(0, Math.max(0, all.length - count)));
      } else {
        // Keep the last `count` lines back; print each line that falls out of the window.
        const window: string[] = [];
        let held = 0;
        for (let l; (l = await r.next()) !== null; ) {
          const s = l.terminated ? l.line + '\n' : l.line;
          window.push(s);
          sys.memory(s.length);
          held += s.length;
          if (window.length > count) {
            const o = window.shift()!;
            sys.memory(-o.length);
            held -= o.length;
            await put(out, o);
          }
        }
        sys.memory(-held);
      }
      closeInput(sys, fd);
    } else status = 1;
    first = false;
  }
  return status;
});
