/**
 * cut -b LIST | -c LIST | -f LIST [-d SEP] [-s] [-D] [-O OUTSEP] | -F LIST [FILE]...:
 * print selected bytes (-c is bytes too, as in busybox) or fields of each
 * line. -F splits fields at an extended regex (default: white space).
 */
import { applet, fail } from '../lib/applet.ts';
import { bytesOf, closeInput, openOrWarn, put, readerFor, utf8Locale } from '../lib/text-io.ts';
import { compileRegex } from '../lib/text-regex.ts';

const USAGE =
  'Usage: cut [OPTIONS] [FILE]...\n\nPrint selected fields from FILEs to stdout\n\n\t-b LIST\tOutput only bytes from LIST\n\t-c LIST\tOutput only characters from LIST\n\t-d SEP\tInput field delimiter (default -f TAB, -F run of whitespace)\n\t-O SEP\tOutput field delimeter (default = -d for -f, one space for -F)\n\t-D\tDon\'t sort/collate sections or match -fF lines without delimeter\n\t-f LIST\tPrint only these fields (-d is single char)\n\t-F LIST\tPrint only these fields (-d is regex)\n\t-s\tOutput only lines containing delimiter\n\t-n\tIgnored';

const INT_MAX = 0x7fffffff;

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  const o = await ctx.options('b:c:f:d:O:sDF:n');
  const modes = ['b', 'c', 'f', 'F'].filter((m) => o.has(m));
  if (modes.length > 1) {
    await ctx.usage();
    return 1;
  }
  const mode = modes[0];
  const regexMode = mode === 'F';
  let delim = o.has('d') ? bytesOf(o.value('d')!) : '';
  if (!delim) delim = regexMode ? '[[:space:]]+' : '\t';
  const odelim = o.has('O') ? bytesOf(o.value('O')!) : regexMode ? ' ' : delim;
  if (!mode) fail('expected a list of bytes, characters, or fields');
  if (mode === 'b' || mode === 'c') {
    if (o.has('s')) fail('suppressing non-delimited lines makes sense only when operating on fields');
    if (o.has('d')) fail('a delimiter may be specified only when operating on fields');
  }
  const lists: { start: number; end: number }[] = [];
  for (const tok of o.value(mode!)!.split(',')) {
    if (!tok) continue;
    const dash = tok.indexOf('-');
    const ntok = dash < 0 ? tok : tok.slice(0, dash);
    const num = (s: string) => {
      if (!/^[0-9]+$/.test(s) || Number(s) > INT_MAX) fail(`invalid number '${s}'`);
      return Number(s);
    };
    let s = 0;
    if (ntok) {
      s = num(ntok);
      if (s !== 0) s--;
    }
    let e: number;
    if (dash < 0) e = s;
    else {
      const rest = tok.slice(dash + 1);
      if (!rest) e = INT_MAX;
      else {
        e = num(rest);
        if (e < s) fail(`${e}<${s}`);
        e--;
      }
    }
    lists.push({ start: s, end: e });
  }
  if (lists.length === 0) fail('missing list of positions');
  if (!o.has('D')) lists.sort((a, b) => a.start - b.start);
  const re = regexMode ? compileRegex(delim, { extended: true, bytes: !utf8Locale(ctx.getenv) }) : null;
  const suppress = o.has('s');
  const nosort = o.has('D');

  const cutLine = (line: string): string | null => {
    const len = line.length;
    if (mode === 'b' || mode === 'c') {
      const printed = new Uint8Array(len);
      let r = '';
      for (const cl of lists) {
        for (let spos = cl.start; spos < len; ) {
          if (!printed[spos]) {
            printed[spos] = 1;
            r += line[spos];
          }
          if (++spos > cl.end) break;
        }
      }
      return r;
    }
    // fields: a transcription of busybox's loop
    let r = '';
    let clPos = 0;
    let uu = 0;
    let start = 0;
    let end = 0;
    let outCount = 0;
    let dcount = 0;
    for (;;) {
      if (end === len || dcount > lists[clPos]!.end) {
        if (++clPos >= lists.length) break;
        if (nosort) start = dcount = uu = 0;
        end = 0;
      }
      if (uu === len) {
        if (!clPos && !dcount && !re) {
          if (suppress) return null;
        } else if (dcount < lists[clPos]!.start) start = len;
        end = len;
      } else {
        if (re) {
          const m = re.exec(line.slice(uu), { notbol: true, noteol: true }, false);
          if (m) {
            end = uu + m[0]!;
            uu += m[1]!;
          } else {
            uu = len;
            continue;
          }
        } else if (line[(end = uu++)] !== delim[0]) continue;
        if (dcount++ < lists[clPos]!.start) {
          start = uu;
          continue;
        }
      }
      if (end !== start || !re) r += (outCount++ ? odelim : '') + line.slice(start, end);
      start = uu;
      if (!dcount) break;
    }
    return r;
  };

  /** -d '\n': fields are whole lines. */
  const wantedLine = (linenum: number): boolean => {
    let cl = 0;
    let spos = lists[0]!.start;
    if (linenum < spos) return false;
    while (spos < linenum) {
      spos++;
      if (spos > lists[cl]!.end) {
        if (++cl >= lists.length) return false;
        spos = lists[cl]!.start;
        if (linenum < spos) return false;
      }
    }
    return true;
  };

  let status = 0;
  const files = o.operands.length > 0 ? o.operands : ['-'];
  for (const f of files) {
    const fd = await openOrWarn(sys, err, ctx.name, f);
    if (fd === null) {
      status = 1;
      continue;
    }
    const rd = readerFor(sys, fd);
    for (let l, linenum = 0; (l = await rd.next()) !== null; linenum++) {
      const nul = l.line.indexOf('\0');
      const line = nul >= 0 ? l.line.slice(0, nul) : l.line;
      if (mode === 'f' && delim[0] === '\n') {
        if (wantedLine(linenum)) await put(out, line + '\n');
        continue;
      }
      const r = cutLine(line);
      if (r !== null) await put(out, r + '\n');
    }
    closeInput(sys, fd);
  }
  return status;
});
