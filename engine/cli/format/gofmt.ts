/**
 * Go's `fmt` printing (Sprint, Sprintln, Sprintf) of the Go values JS data
 * stands for (see govalue.ts): `%v` of a slice is `[a b]`, of a map
 * `map[a:1 b:2]` with sorted keys, of a struct `{1 2}`; verbs, flags, widths
 * and precisions follow fmt/print.go and fmt/format.go, including the
 * `%!d(string=x)` complaints.
 *
 * @example
 *   sprint(['a', 'b'])                           // "[a b]"
 *   sprint({ b: 2, a: 'x' })                     // "map[a:x b:2]"
 *   sprintf('%-6s|%5.2f|%q', 'ab', 3.14159, 'x') // "ab    | 3.14|\"x\""
 */
import { canBackquote, formatFloat, isPrint, quote, quoteRune, quoteToASCII } from './gostrconv.ts';
import { GoFloat, GoNil, kindOf, sortedEntries, tagName, toNumber, typeName } from './govalue.ts';

export { GoFloat, GoNil, goMap, goStruct, isNamed, kindOf, typeName, toNumber, sortedEntries, type Kind } from './govalue.ts';

/** A value with a Go `String()` or `Error()` method, which fmt prefers to its fields. */
function stringMethod(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof GoFloat) return undefined;
  if (v instanceof Error) return v.message;
  const fn = (v as { String?: unknown }).String;
  return typeof fn === 'function' ? String(fn.call(v)) : undefined;
}

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid?: number;
  prec?: number;
}

const noFlags = (): Flags => ({
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
  plusV: false,
  sharpV: false,
});

/** One Printf/Print/Println run: Go's `pp` with its `fmt` flags. */
class Printer {
  buf = '';
  f: Flags = noFlags();

  private padding(n: number): string {
    return n > 0 ? (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n) : '';
  }

  pad(s: string): void {
    const wid = this.f.wid;
    if (wid === undefined || wid === 0) {
      this.buf += s;
      return;
    }
    const fill = this.padding(wid - [...s].length);
    this.buf += this.f.minus ? s + fill : fill + s;
  }

  badVerb(verb: string, arg: unknown): void {
    this.buf += `%!${verb}(`;
    if (arg === null || arg === undefined) this.buf += '<nil>';
    else {
      this.buf += typeName(arg) + '=';
      const saved = this.f;
      this.f = noFlags();
      this.printValue(arg, 'v', 0);
      this.f = saved;
    }
    this.buf += ')';
  }

  fmtInteger(n: bigint, verb: string, arg: unknown): void {
    const f = this.f;
    const neg = n < 0n;
    const u = neg ? -n : n;
    let digits: string;
    switch (verb) {
      case 'v':
      case 'd':
        digits = u.toString(10);
        break;
      case 'b':
        digits = u.toString(2);
        break;
      case 'o':
      case 'O':
        digits = u.toString(8);
        break;
      case 'x':
        digits = u.toString(16);
        break;
      case 'X':
        digits = u.toString(16).toUpperCase();
        break;
      case 'c':
        this.pad(String.fromCodePoint(u > 0x10ffffn ? 0xfffd : Number(u)));
        return;
      case 'q':
        this.pad(quoteRune(Number(u), f.plus));
        return;
      case 'U': {
        let hex = u.toString(16).toUpperCase().padStart(Math.max(4, f.prec ?? 0), '0');
        hex = 'U+' + hex;
        const ch = Number(u) <= 0x10ffff ? String.fromCodePoint(Number(u)) : '';
        if (f.sharp && ch !== '' && isPrint(ch)) hex += ` '${ch}'`;
        const zero = f.zero;
        f.zero = false;
        this.pad(hex);
        f.zero = zero;
        return;
      }
      default:
        this.badVerb(verb, arg);
        return;
    }
    let prec = 0;
    if (f.prec !== undefined) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        const zero = f.zero;
        f.zero = false;
        this.buf += this.padding(f.wid ?? 0);
        f.zero = zero;
        return;
      }
    } else if (f.zero && !f.minus && f.wid !== undefined) {
      prec = f.wid - (neg || f.plus || f.space ? 1 : 0);
    }
    digits = digits.padStart(prec, '0');
    if (f.sharp) {
      if (verb === 'b') digits = '0b' + digits;
      else if ((verb === 'o' || verb === 'O') && !digits.startsWith('0')) digits = '0' + digits;
      else if (verb === 'x') digits = '0x' + digits;
      else if (verb === 'X') digits = '0X' + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (neg) digits = '-' + digits;
    else if (f.plus) digits = '+' + digits;
    else if (f.space) digits = ' ' + digits;
    const zero = f.zero;
    f.zero = false;
    this.pad(digits);
    f.zero = zero;
  }

  fmtFloat(v: number, verb: string, arg: unknown): void {
    const f = this.f;
    let fmt: 'e' | 'E' | 'f' | 'g' | 'G';
    let prec: number;
    switch (verb) {
      case 'v':
      case 'g':
        fmt = 'g';
        prec = -1;
        break;
      case 'G':
        fmt = 'G';
        prec = -1;
        break;
      case 'e':
      case 'E':
        fmt = verb;
        prec = 6;
        break;
      case 'f':
      case 'F':
        fmt = 'f';
        prec = 6;
        break;
      default:
        this.badVerb(verb, arg);
        return;
    }
    if (f.prec !== undefined) prec = f.prec;
    let num = formatFloat(v, fmt, prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const zero = f.zero;
      f.zero = false;
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = zero;
      return;
    }
    if (f.plus || num[0] !== '+') {
      if (f.zero && !f.minus && f.wid !== undefined && f.wid > num.length) {
        this.buf += num[0] + this.padding(f.wid - num.length) + num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  fmtString(s: string, verb: string, arg: unknown): void {
    const f = this.f;
    const truncated = f.prec !== undefined ? [...s].slice(0, f.prec).join('') : s;
    switch (verb) {
      case 'v':
        if (f.sharpV) this.pad(quote(truncated));
        else this.pad(truncated);
        return;
      case 's':
        this.pad(truncated);
        return;
      case 'q':
        if (f.sharp && canBackquote(truncated)) this.pad('`' + truncated + '`');
        else this.pad(f.plus ? quoteToASCII(truncated) : quote(truncated));
        return;
      case 'x':
      case 'X': {
        let bytes = [...new TextEncoder().encode(s)];
        if (f.prec !== undefined) bytes = bytes.slice(0, f.prec);
        let hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join(f.space ? ' ' : '');
        if (f.sharp) hex = f.space ? hex.replace(/(^| )/g, '$10x') : '0x' + hex;
        if (verb === 'X') hex = hex.toUpperCase();
        this.pad(hex);
        return;
      }
      default:
        this.badVerb(verb, arg);
    }
  }

  printArg(arg: unknown, verb: string): void {
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') {
      this.pad(typeName(arg));
      return;
    }
    this.printValue(arg, verb, 0);
  }

  printValue(v: unknown, verb: string, depth: number): void {
    if ('vsxXq'.includes(verb) && !this.f.sharpV) {
      const s = stringMethod(v);
      if (s !== undefined) {
        this.fmtString(s, verb, v);
        return;
      }
    }
    if (v instanceof GoNil && v.kind !== 'pointer') {
      this.buf += v.kind === 'slice' ? '[]' : 'map[]';
      return;
    }
    switch (kindOf(v)) {
      case 'invalid':
      case 'nil':
        if (verb === 'v') this.buf += '<nil>';
        else this.badVerb(verb, v);
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
        else this.badVerb(verb, v);
        return;
      case 'int':
        this.fmtInteger(BigInt(v as number | bigint), verb, v);
        return;
      case 'float':
        this.fmtFloat(toNumber(v), verb, v);
        return;
      case 'string':
        this.fmtString(v as string, verb, v);
        return;
      case 'func':
        this.badVerb(verb, v);
        return;
      case 'slice': {
        if (v instanceof Uint8Array && 'sqxX'.includes(verb)) {
          this.fmtString(new TextDecoder().decode(v), verb, v);
          return;
        }
        const items = Array.from(v as ArrayLike<unknown>);
        this.buf += '[';
        items.forEach((item, i) => {
          if (i > 0) this.buf += ' ';
          this.printValue(item, verb, depth + 1);
        });
        this.buf += ']';
        return;
      }
      case 'map':
        this.buf += 'map[';
        sortedEntries(v as object).forEach(([key, value], i) => {
          if (i > 0) this.buf += ' ';
          this.printValue(key, verb, depth + 1);
          this.buf += ':';
          this.printValue(value, verb, depth + 1);
        });
        this.buf += ']';
        return;
      case 'struct': {
        const name = tagName(v);
        if (depth === 0 && name.startsWith('*')) this.buf += '&';
        this.buf += '{';
        Object.entries(v as object)
          .filter(([, field]) => typeof field !== 'function')
          .forEach(([key, field], i) => {
            if (i > 0) this.buf += ' ';
            if (this.f.plusV) this.buf += key + ':';
            this.printValue(field, verb, depth + 1);
          });
        this.buf += '}';
        return;
      }
    }
  }

  doPrintf(format: string, args: unknown[]): void {
    let argNum = 0;
    let i = 0;
    const end = format.length;
    const num = (): number | undefined => {
      const m = /^\d+/.exec(format.slice(i));
      if (m === null) return undefined;
      i += m[0].length;
      return Number(m[0]) > 1e6 ? undefined : Number(m[0]);
    };
    const intArg = (): number | undefined => {
      const a = args[argNum];
      if (argNum >= args.length) return undefined;
      argNum++;
      return kindOf(a) === 'int' && Math.abs(toNumber(a)) <= 1e6 ? toNumber(a) : undefined;
    };
    while (i < end) {
      const next = format.indexOf('%', i);
      if (next < 0) {
        this.buf += format.slice(i);
        break;
      }
      this.buf += format.slice(i, next);
      i = next + 1;
      const f = (this.f = noFlags());
      for (; i < end; i++) {
        const c = format[i];
        if (c === '#') f.sharp = true;
        else if (c === '0') f.zero = true;
        else if (c === '+') f.plus = true;
        else if (c === '-') f.minus = true;
        else if (c === ' ') f.space = true;
        else break;
      }
      if (format[i] === '*') {
        i++;
        f.wid = intArg();
        if (f.wid === undefined) this.buf += '%!(BADWIDTH)';
        else if (f.wid < 0) {
          f.wid = -f.wid;
          f.minus = true;
          f.zero = false;
        }
      } else {
        f.wid = num();
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (format[i] === '*') {
          i++;
          f.prec = intArg();
          if (f.prec !== undefined && f.prec < 0) f.prec = undefined;
          if (f.prec === undefined) this.buf += '%!(BADPREC)';
        } else {
          f.prec = num() ?? 0;
        }
      }
      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const verb = String.fromCodePoint(format.codePointAt(i) as number);
      i += verb.length;
      if (verb === '%') {
        this.buf += '%';
      } else if (argNum >= args.length) {
        this.buf += `%!${verb}(MISSING)`;
      } else {
        if (verb === 'v') {
          f.sharpV = f.sharp;
          f.sharp = false;
          f.plusV = f.plus;
          f.plus = false;
        }
        this.printArg(args[argNum++], verb);
      }
    }
    if (argNum < args.length) {
      this.f = noFlags();
      this.buf += '%!(EXTRA ';
      args.slice(argNum).forEach((arg, n) => {
        if (n > 0) this.buf += ', ';
        if (arg === null || arg === undefined) this.buf += '<nil>';
        else {
          this.buf += typeName(arg) + '=';
          this.printArg(arg, 'v');
        }
      });
      this.buf += ')';
    }
  }
}

/** fmt.Sprintf. */
export function sprintf(format: string, ...args: unknown[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** fmt.Sprint: operands in %v, a space between two operands when neither is a string. */
export function sprint(...args: unknown[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, n) => {
    const isString = typeof arg === 'string';
    if (n > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: operands in %v separated by spaces, then a newline. */
export function sprintln(...args: unknown[]): string {
  const p = new Printer();
  args.forEach((arg, n) => {
    if (n > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}
