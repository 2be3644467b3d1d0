/**
 * awk's built-in functions: length, substr, index, split, sub, gsub,
 * gensub, match, sprintf, tolower, toupper, the math functions, rand,
 * srand, system, close, fflush, and busybox's extras (and, or, xor,
 * lshift, rshift, compl, systime, strftime, mktime).
 *
 * Each takes its arguments the way busybox's exec_builtin does: some
 * evaluated, some as strings, and the regex ones left to the function
 * (a /literal/ is used as it is; any other value is a dynamic regex).
 * Too few arguments is an error only when the call runs.
 */
import { FsError } from '../../fs/errno.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import { SIGINT, SIGQUIT } from '../../kernel/signals.ts';
import type { Expr, RegexLiteral } from './ast.ts';
import { toText } from './bytes.ts';
import { ARRAY, type Cell, tempNumber as num, tempString as str } from './cell.ts';
import { asciiLower, asciiUpper, bitwise, index, mktime, Random, strftime, substr, toUnsigned } from './functions.ts';
import { cResult, toInt, toLongLong } from './numbers.ts';
import { Regex } from './regex.ts';
import { Runtime } from './runtime.ts';
import { waitStatus } from './streams.ts';
import { awkPrintf, splitFields, substitute, type Formatter } from './text.ts';

/** A string as C sees it: up to the first NUL byte (sprintf("%c", 0) is ""). */
const cString = (s: string) => {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
};

/** How a multi-argument built-in takes its arguments: v evaluated, s as a string, - left to the function. */
const ARGS: Record<string, { min: number; take: string }> = {
  and: { min: 2, take: 'vv' },
  or: { min: 2, take: 'vv' },
  xor: { min: 2, take: 'vv' },
  lshift: { min: 2, take: 'vv' },
  rshift: { min: 2, take: 'vv' },
  compl: { min: 1, take: 'v' },
  atan2: { min: 2, take: 'vv' },
  gensub: { min: 3, take: '-sv' },
  gsub: { min: 2, take: '-ss' },
  sub: { min: 2, take: '-ss' },
  index: { min: 2, take: 'ss' },
  match: { min: 2, take: 's-' },
  split: { min: 2, take: 'sv-' },
  substr: { min: 2, take: 'svv' },
  strftime: { min: 0, take: 'sv' },
  mktime: { min: 1, take: 's' },
  tolower: { min: 1, take: 's' },
  toupper: { min: 1, take: 's' },
};

/** One-argument built-ins: whether the argument is required. */
const SIMPLE: Record<string, boolean> = {
  int: true,
  cos: true,
  exp: true,
  log: true,
  sin: true,
  sqrt: true,
  system: true,
  close: true,
  srand: false,
  length: false,
  fflush: false,
  rand: false,
  systime: false,
};

/** The built-in functions, over a runtime; the expression evaluator (expressions.ts) supplies evaluation. */
export abstract class Builtins extends Runtime {
  private readonly random = new Random();

  /** Whether evaluating e can never wait. */
  protected abstract isPure(e: Expr): boolean;
  /** Evaluates an expression that cannot wait. */
  protected abstract evalSync(e: Expr): Cell;
  /** Evaluates any expression. */
  protected abstract value(e: Expr): Cell | Promise<Cell>;

  protected regexOf(lit: RegexLiteral): Regex {
    if (!this.icase) return lit.re;
    return (lit.icase ??= Regex.compile(lit.source, { icase: true }));
  }

  /** as_regex: a regex literal, or any expression's string as a dynamic regex. */
  protected regexFrom(e: Expr, value?: Cell): Regex {
    if (e.k === 'regex') return this.regexOf(e.re);
    return this.dynamicRegex(this.v.str(value ?? this.evalSync(e)));
  }

  /** printf's text, `get` evaluating each argument when its conversion is reached. */
  protected sprintfWith(args: Expr[], get: (e: Expr) => Cell): string {
    const fmt = this.v.str(args[0] ? get(args[0]) : str(''));
    let next = 1;
    const formatter: Formatter = {
      next: () => {
        const e = args[next++];
        const c = e ? get(e) : str('');
        return { str: () => this.v.str(c), num: () => this.v.num(c), isNumeric: () => this.v.isNumeric(c) };
      },
      fail: (m) => this.fail(m),
    };
    return awkPrintf(fmt, formatter);
  }

  /** printf's and sprintf's text; arguments that may wait are evaluated first. */
  protected async sprintf(args: Expr[]): Promise<string> {
    if (args.every((a) => this.isPure(a))) return this.sprintfWith(args, (e) => this.evalSync(e));
    const values = new Map<Expr, Cell>();
    for (const a of args) values.set(a, await this.value(a));
    return this.sprintfWith(args, (e) => values.get(e)!);
  }

  /** Built-ins whose arguments may wait, and system(), close(), fflush(). */
  protected async asyncBuiltin(e: Extract<Expr, { k: 'builtin' }>): Promise<Cell> {
    const values = new Map<Expr, Cell>();
    const simple = SIMPLE[e.name];
    if (simple !== undefined && e.name !== 'rand' && e.name !== 'systime') {
      if (simple && e.args.length === 0) this.fail('Too few arguments', e.pos);
      for (const a of e.args) values.set(a, await this.value(a));
      if (e.args.length > 1) this.fail('Too many arguments', e.pos);
    } else if (e.name === 'sprintf') {
      return str(cString(await this.sprintf(e.args)));
    } else {
      for (const a of e.args.slice(0, 4)) values.set(a, await this.value(a));
    }
    const arg = values.get(e.args[0]!);
    switch (e.name) {
      case 'system': {
        const cmd = this.v.str(arg!);
        await this.flushAll();
        return num(cmd === '' ? 0 : (await this.system(cmd)) >> 8);
      }
      case 'close':
        return num(await this.close(this.v.str(arg!)));
      case 'fflush': {
        if (!arg) await this.stdout.flush();
        else {
          const name = this.v.str(arg);
          const s = name === '' ? undefined : this.streams.get(name);
          if (s?.writer) await s.writer.flush();
          else await this.flushAll();
        }
        return num(0);
      }
      default:
        return this.builtin(e, (x) => values.get(x) ?? this.evalSync(x));
    }
  }

  /** system(): /bin/sh -c cmd, with ^C and ^\ ignored while it runs, as C's system() does. */
  private async system(cmd: string): Promise<number> {
    const sys = this.sys;
    let pid: number;
    try {
      pid = await sys.spawn('/bin/sh', { argv: ['sh', '-c', toText(cmd)], env: [...sys.env] });
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      return 127 << 8;
    }
    const int = sys.signal(SIGINT, 'ignore');
    const quit = sys.signal(SIGQUIT, 'ignore');
    try {
      return waitStatus(await sys.waitpid(pid));
    } finally {
      sys.signal(SIGINT, int);
      sys.signal(SIGQUIT, quit);
    }
  }

  /** The built-ins that compute; `get` evaluates an argument. */
  protected builtin(e: Extract<Expr, { k: 'builtin' }>, get: (x: Expr) => Cell): Cell {
    const name = e.name;
    const args = e.args;
    const simple = SIMPLE[name];
    if (simple !== undefined) {
      if ((name === 'rand' || name === 'systime') && args.length > 0) this.fail('Too many arguments', e.pos);
      if (simple && args.length === 0) this.fail('Too few arguments', e.pos);
      const c = args.length > 0 ? args.map(get)[0] : undefined;
      if (args.length > 1) this.fail('Too many arguments', e.pos);
      const n = () => this.v.num(c!);
      switch (name) {
        case 'int':
          return num(toLongLong(n()));
        case 'cos':
          return num(cResult(Math.cos(n()), n()));
        case 'sin':
          return num(cResult(Math.sin(n()), n()));
        case 'exp':
          return num(cResult(Math.exp(n()), n()));
        case 'log':
          return num(cResult(Math.log(n()), n()));
        case 'sqrt':
          return num(cResult(Math.sqrt(n()), n()));
        case 'rand':
          return num(this.random.rand());
        case 'srand': {
          const prev = this.random.seed;
          this.random.srand(c ? toUnsigned(n()) : Math.floor(this.sys.now() / 1000) >>> 0);
          return num(prev);
        }
        case 'systime':
          return num(Math.floor(this.sys.now() / 1000));
        case 'length': {
          if (!c) return num(this.v.str(this.F0).length);
          const s = this.v.str(c);
          return num(c.flags & ARRAY && c.array ? c.array.size : s.length);
        }
        default:
          throw new Error(`awk: ${name} needs evalAsync`);
      }
    }
    if (name === 'sprintf') return str(cString(this.sprintfWith(args, get)));
    const spec = ARGS[name]!;
    const cells: (Cell | undefined)[] = [];
    const strs: string[] = [];
    const n = Math.min(args.length, 4);
    for (let i = 0; i < n; i++) {
      const take = spec.take[i];
      if (take !== 'v' && take !== 's') continue;
      cells[i] = get(args[i]!);
      if (take === 's') strs[i] = this.v.str(cells[i]!);
    }
    if (n < spec.min) this.fail('Too few arguments', e.pos);
    const number = (i: number) => this.v.num(cells[i]!);
    switch (name) {
      case 'atan2':
        return num(cResult(Math.atan2(number(0), number(1)), number(0), number(1)));
      case 'and':
      case 'or':
      case 'xor':
      case 'lshift':
      case 'rshift':
        return num(bitwise(name, number(0), number(1)));
      case 'compl':
        return num(bitwise(name, number(0)));
      case 'sub':
      case 'gsub': {
        const re = this.regexFrom(args[0]!, args[0]!.k === 'regex' ? undefined : get(args[0]!));
        const target = cells[2] ?? this.F0;
        const r = substitute(re, strs[1]!, name === 'sub' ? 1 : 0, this.v.str(target));
        this.v.setStr(target, r.text);
        return num(r.count);
      }
      case 'gensub': {
        // gensub(re, repl, how[, target]): "g" (not a number: 0) replaces all, n the nth.
        const re = this.regexFrom(args[0]!, args[0]!.k === 'regex' ? undefined : get(args[0]!));
        const src = args.length > 3 ? this.v.str(get(args[3]!)) : this.v.str(this.F0);
        return str(substitute(re, strs[1]!, toInt(number(2)), src, true).text);
      }
      case 'index':
        return num(index(strs[0]!, strs[1]!, this.icase));
      case 'match': {
        const re = this.regexFrom(args[1]!, args[1]!.k === 'regex' ? undefined : get(args[1]!));
        const m = re.exec(strs[0]!);
        this.v.setNum(this.global('RLENGTH'), m ? m.end - m.start : -1);
        return this.v.setNum(this.global('RSTART'), m ? m.start + 1 : 0);
      }
      case 'split': {
        let spl = this.fsplit;
        if (n > 2) {
          const sep = args[2]!;
          spl = sep.k === 'regex' ? { kind: 'regex', re: sep.re.re, icase: () => this.regexOf(sep.re) } : this.splitter(this.v.str(get(sep)));
        }
        const parts = splitFields(strs[0]!, spl, this.v.str(this.RS) === '', this.icase);
        const a = this.array(cells[1]!);
        this.charge(64 * (parts.length - a.size));
        a.clear();
        parts.forEach((p, i) => this.v.setUser(a.find(String(i + 1)), p));
        return num(parts.length);
      }
      case 'substr':
        return str(substr(strs[0]!, number(1), n > 2 ? number(2) : undefined));
      case 'tolower':
        return str(asciiLower(strs[0]!));
      case 'toupper':
        return str(asciiUpper(strs[0]!));
      case 'strftime':
        return str(strftime(n > 0 ? strs[0]! : '%a %b %d %H:%M:%S %Z %Y', n > 1 ? number(1) : this.sys.now() / 1000));
      case 'mktime':
        return num(mktime(strs[0]!));
      default:
        return this.fail('Possible syntax error', e.pos);
    }
  }
}
