/**
 * test / [ — evaluate a conditional expression (busybox's test, which is
 * also the shell's builtin). Exit 0 for true, 1 for false, 2 for an error
 * such as "a: bad number", "missing ]", "-foo: unknown operand".
 *
 * With up to four arguments POSIX fixes the meaning by count (so `[ = ]` and
 * `[ -n ]` are true: one non-empty string); beyond that, a recursive-descent
 * parse with ! ( ) -a -o, -a binding tighter.
 */
import type { Stat } from '../../fs/types.ts';
import { S_IFMT, S_IFDIR, S_IFREG, S_IFLNK, S_IFIFO, S_IFSOCK, S_IFBLK, S_IFCHR, S_ISUID, S_ISGID, S_ISVTX } from '../../fs/types.ts';
import { isProcessControl, type Program, type Sys } from '../../kernel/sys.ts';

class TestError extends Error {}

const UNARY = new Set(['-b', '-c', '-d', '-e', '-f', '-g', '-G', '-h', '-k', '-L', '-n', '-O', '-p', '-r', '-s', '-S', '-t', '-u', '-w', '-x', '-z']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

function number(s: string): bigint {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new TestError(`${s}: bad number`);
  const v = BigInt(t);
  if (v > 9223372036854775807n || v < -9223372036854775808n) throw new TestError(`${s}: out of range`);
  return v;
}

export function evaluateTest(sys: Sys, args: string[]): boolean {
  const st = (path: string, follow = true): Stat | undefined => {
    try {
      return follow ? sys.stat(path) : sys.lstat(path);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      return undefined;
    }
  };
  const can = (path: string, mode: number) => {
    try {
      sys.access(path, mode);
      return true;
    } catch (err) {
      if (isProcessControl(err)) throw err;
      return false;
    }
  };
  const type = (s: Stat | undefined, t: number) => s !== undefined && (s.mode & S_IFMT) === t;

  const unary = (op: string, a: string): boolean => {
    switch (op) {
      case '-n': return a !== '';
      case '-z': return a === '';
      case '-e': return st(a) !== undefined;
      case '-f': return type(st(a), S_IFREG);
      case '-d': return type(st(a), S_IFDIR);
      case '-h':
      case '-L': return type(st(a, false), S_IFLNK);
      case '-p': return type(st(a), S_IFIFO);
      case '-S': return type(st(a), S_IFSOCK);
      case '-b': return type(st(a), S_IFBLK);
      case '-c': return type(st(a), S_IFCHR);
      case '-s': return (st(a)?.size ?? 0) > 0;
      case '-g': return ((st(a)?.mode ?? 0) & S_ISGID) !== 0;
      case '-u': return ((st(a)?.mode ?? 0) & S_ISUID) !== 0;
      case '-k': return ((st(a)?.mode ?? 0) & S_ISVTX) !== 0;
      case '-r': return can(a, 4);
      case '-w': return can(a, 2);
      case '-x': return can(a, 1);
      case '-O': return st(a)?.uid === sys.geteuid();
      case '-G': return st(a)?.gid === sys.getegid();
      case '-t': return sys.isatty(Number(number(a)));
    }
    throw new TestError(`${op}: unknown operand`);
  };

  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-eq': return number(a) === number(b);
      case '-ne': return number(a) !== number(b);
      case '-lt': return number(a) < number(b);
      case '-le': return number(a) <= number(b);
      case '-gt': return number(a) > number(b);
      case '-ge': return number(a) >= number(b);
      case '-nt': {
        const x = st(a);
        const y = st(b);
        return x !== undefined && (y === undefined || x.mtimeMs > y.mtimeMs);
      }
      case '-ot': {
        const x = st(a);
        const y = st(b);
        return y !== undefined && (x === undefined || x.mtimeMs < y.mtimeMs);
      }
      case '-ef': {
        const x = st(a);
        const y = st(b);
        return x !== undefined && y !== undefined && x.ino === y.ino && x.dev === y.dev;
      }
    }
    throw new TestError(`${op}: unknown operand`);
  };

  // POSIX's rules by argument count.
  const byCount = (a: string[]): boolean | undefined => {
    switch (a.length) {
      case 0: return false;
      case 1: return a[0] !== '';
      case 2:
        if (a[0] === '!') return a[1] === '';
        if (UNARY.has(a[0]!)) return unary(a[0]!, a[1]!);
        throw new TestError(`${a[1]}: unknown operand`);
      case 3:
        if (BINARY.has(a[1]!)) return binary(a[0]!, a[1]!, a[2]!);
        if (a[1] === '-a') return a[0] !== '' && a[2] !== '';
        if (a[1] === '-o') return a[0] !== '' || a[2] !== '';
        if (a[0] === '!') return !byCount(a.slice(1))!;
        if (a[0] === '(' && a[2] === ')') return a[1] !== '';
        throw new TestError(`${a[1]}: unknown operand`);
      case 4:
        if (a[0] === '!') return !byCount(a.slice(1))!;
        if (a[0] === '(' && a[3] === ')') return byCount(a.slice(1, 3))!;
        return undefined;
    }
    return undefined;
  };
  const simple = byCount(args);
  if (simple !== undefined) return simple;

  // The general grammar: or := and (-o and)*; and := not (-a not)*; not := ! not | primary.
  let i = 0;
  const peek = () => args[i];
  const or = (): boolean => {
    let v = and();
    while (peek() === '-o') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (peek() === '-a') {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (peek() === '!') {
      i++;
      return !not();
    }
    return primary();
  };
  const primary = (): boolean => {
    const t = args[i];
    if (t === undefined) throw new TestError('argument expected');
    if (t === '(') {
      i++;
      const v = or();
      if (args[i] !== ')') throw new TestError(`${args[i] ?? ')'}: ${args[i] === undefined ? 'argument expected' : 'unknown operand'}`);
      i++;
      return v;
    }
    if (args[i + 1] !== undefined && BINARY.has(args[i + 1]!)) {
      const b = args[i + 2];
      if (b === undefined) throw new TestError(`${args[i + 1]}: argument expected`);
      i += 3;
      return binary(t, args[i - 2]!, b);
    }
    if (UNARY.has(t) && args[i + 1] !== undefined) {
      i += 2;
      return unary(t, args[i - 1]!);
    }
    i++;
    return t !== '';
  };
  const v = or();
  if (i < args.length) throw new TestError(`${args[i]}: unknown operand`);
  return v;
}

/** Runs test with argv (argv[0] "test" or "["); errors go out as `prefix: message`. */
export async function runTest(sys: Sys, argv: readonly string[], prefix: string): Promise<number> {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') {
      await sys.write(2, `${prefix}: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluateTest(sys, args) ? 0 : 1;
  } catch (err) {
    if (err instanceof TestError) {
      await sys.write(2, `${prefix}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

const main: Program = async (sys) => {
  const name = (sys.argv[0] ?? 'test').split('/').pop()!;
  return runTest(sys, [name, ...sys.argv.slice(1)], name);
};
export default main;
