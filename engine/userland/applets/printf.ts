/**
 * printf FORMAT [ARG]...: format and print ARGs (busybox's printf). The
 * format is reused while arguments remain; a bad number is reported, taken
 * as 0, and makes the exit status 1; `\c` (or `%b` meeting `\c`) stops all
 * output.
 */
import { applet } from '../lib/applet.ts';
import { bytesOf, processEscape, put } from '../lib/text-io.ts';
import { formatFloat, formatInt, formatString, strtod, type Conversion } from '../lib/text-printf.ts';

const USAGE = 'Usage: printf FORMAT [ARG]...\n\nFormat and print ARG(s) according to FORMAT (a-la C printf)';

const isAlnum = (ch: string | undefined) => ch !== undefined && /[0-9A-Za-z]/.test(ch);

/** C's strtoull/strtoll with base 0 on the start of s: value, bytes used, overflow. */
function strtoint(s: string, signed: boolean): { value: bigint; used: number; overflow: boolean } {
  let i = 0;
  let neg = false;
  if (s[i] === '-' || s[i] === '+') {
    neg = s[i] === '-';
    i++;
  }
  let base = 10;
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    base = 16;
    i += 2;
  } else if (s[i] === '0') base = 8;
  const start = i;
  let v = 0n;
  const B = BigInt(base);
  while (i < s.length) {
    const d = parseInt(s[i]!, 36);
    if (Number.isNaN(d) || d >= base) break;
    v = v * B + BigInt(d);
    i++;
  }
  if (i === start) return { value: 0n, used: 0, overflow: false };
  let overflow = false;
  if (signed) {
    const limit = neg ? 1n << 63n : (1n << 63n) - 1n;
    if (v > limit) overflow = true;
  } else if (v > (1n << 64n) - 1n) overflow = true;
  return { value: neg ? -v : v, used: i, overflow };
}

/** busybox's bb_strtoll / bb_strtoull: null when the whole string is not one number. */
function bbStrtoint(arg: string, signed: boolean): bigint | null {
  const first = signed && arg[0] === '-' ? arg[1] : arg[0];
  if (!isAlnum(first)) return null;
  const r = strtoint(arg, signed);
  if (r.overflow) return null;
  if (r.used < arg.length) return null;
  return r.value;
}

export default applet(USAGE, async (ctx) => {
  const { out, err } = ctx;
  let args = ctx.args.map(bytesOf);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    await ctx.usage();
    return 1;
  }
  const format = args[0]!;
  const argv = args.slice(1);
  let convErr = false;
  let text = '';
  const flush = async () => {
    if (text) await put(out, text);
    text = '';
  };
  const complain = async (msg: string) => {
    await flush();
    await err.write(`${ctx.name}: `);
    await put(err, msg + '\n');
  };

  /** multiconvert: a quote gives the next byte's value; a bad number is reported and reads as 0. */
  const quoted = (arg: string) => (arg[0] === '"' || arg[0] === "'" ? String(arg.charCodeAt(1) || 0) : arg);
  const toInt = async (raw: string, unsigned: boolean): Promise<bigint> => {
    const arg = quoted(raw.replace(/^[ \t\n\v\f\r]+/, ''));
    const a = arg[0] === '+' ? arg.slice(1) : arg;
    let v = unsigned ? bbStrtoint(a, false) : bbStrtoint(a, true);
    if (v === null && unsigned) v = bbStrtoint(a, true);
    if (v === null) {
      await complain(`invalid number '${arg}'`);
      convErr = true;
      return 0n;
    }
    return v;
  };
  const toFloat = async (raw: string): Promise<number> => {
    const arg = quoted(raw);
    const r = strtod(arg);
    if (r.used < arg.length) {
      await complain(`invalid number '${arg}'`);
      convErr = true;
      return 0;
    }
    if ((!Number.isFinite(r.value) && !/inf|nan/i.test(arg)) || (r.value === 0 && /^[^eEpP]*[1-9]/.test(arg))) {
      // strtod overflow or underflow: ERANGE
      await complain(`invalid number '${arg}'`);
      convErr = true;
    }
    return r.value;
  };
  /** bb_strtoi: a whole base-10 int, else reported and 0. */
  const widthArg = async (arg: string): Promise<number> => {
    const first = arg[0] === '-' ? arg[1] : arg[0];
    const v = /^-?[0-9]+$/.test(arg) && isAlnum(first) ? Number(arg) : NaN;
    if (!(v >= -(2 ** 31) && v < 2 ** 31)) {
      // reported, but print_direc clears errno afterwards: no effect on the exit status
      await complain(`invalid number '${arg}'`);
      return 0;
    }
    return v;
  };

  /** One pass over the format; returns the next argument index, 'stop' (\c) or 'error'. */
  const pass = async (start: number): Promise<number | 'stop' | 'error'> => {
    let ai = start;
    const f = format;
    for (let i = 0; i < f.length; i++) {
      const ch = f[i]!;
      if (ch === '\\') {
        i++;
        if (f[i] === 'c') return 'stop';
        const e = processEscape(f, i);
        text += String.fromCharCode(e.byte);
        i = e.next - 1;
        continue;
      }
      if (ch !== '%') {
        text += ch;
        continue;
      }
      const dirStart = i;
      i++;
      if (f[i] === '%') {
        text += '%';
        continue;
      }
      if (f[i] === 'b') {
        if (ai < argv.length) {
          if (escString(argv[ai]!)) return 'stop';
          ai++;
        }
        continue;
      }
      let flags = '';
      while (i < f.length && '-+ #0'.includes(f[i]!)) flags += f[i++];
      let width: number | undefined;
      if (f[i] === '*') {
        i++;
        width = ai < argv.length ? await widthArg(argv[ai++]!) : 0;
      } else {
        let digits = '';
        while (i < f.length && /[0-9]/.test(f[i]!)) digits += f[i++];
        if (digits) width = Number(digits);
      }
      let precision: number | undefined;
      if (f[i] === '.') {
        i++;
        if (f[i] === '*') {
          i++;
          precision = ai < argv.length ? await widthArg(argv[ai++]!) : 0;
        } else {
          let digits = '';
          while (i < f.length && /[0-9]/.test(f[i]!)) digits += f[i++];
          precision = Number(digits || '0');
        }
      }
      while (i < f.length && (f[i] === 'l' || f[i] === 'L' || f[i] === 'h' || f[i] === 'z')) i++;
      const conv = f[i];
      if (conv === undefined || !'diouxXfeEgGcs'.includes(conv)) {
        await complain(`${f.slice(dirStart)}: invalid format`);
        return 'error';
      }
      if (width !== undefined && width < 0) {
        flags += '-';
        width = -width;
      }
      if (precision !== undefined && precision < 0) precision = undefined;
      const c: Conversion = { flags, width, precision, conv };
      const arg = ai < argv.length ? argv[ai++]! : '';
      switch (conv) {
        case 'c':
          text += formatString({ ...c, flags: c.flags.replace(/0/g, ''), precision: undefined }, arg.length > 0 ? arg[0]! : '\0');
          break;
        case 's':
          text += formatString(c, arg);
          break;
        case 'd':
        case 'i': {
          const v = await toInt(arg, false);
          text += formatInt(c, v);
          break;
        }
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          const v = await toInt(arg, true);
          text += formatInt(c, v);
          break;
        }
        default: {
          const v = await toFloat(arg);
          text += formatFloat(c, v);
        }
      }
    }
    return ai;
  };

  /** %b: the argument with backslash escapes (\0NNN too); true when \c stops output. */
  const escString = (s: string): boolean => {
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch !== '\\') {
        text += ch;
        continue;
      }
      i++;
      if (s[i] === '0') {
        if (/[0-7]/.test(s[i + 1] ?? '')) i++;
      } else if (s[i] === 'c') return true;
      const e = processEscape(s, i);
      text += String.fromCharCode(e.byte);
      i = e.next - 1;
    }
    return false;
  };

  let next = 0;
  let status = 0;
  for (let passes = 1; ; passes++) {
    if (passes % 256 === 0) await ctx.sys.checkpoint();
    const r = await pass(next);
    if (r === 'stop') break;
    if (r === 'error') {
      status = 1;
      break;
    }
    if (r <= next || r >= argv.length) break;
    next = r;
  }
  await flush();
  return status || (convErr ? 1 : 0);
});
