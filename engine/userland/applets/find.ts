/**
 * find [-HL] [PATH]... [OPTIONS] [ACTIONS]: walk directory trees and, for
 * each file, evaluate an expression of tests and actions, busybox's way:
 * the expression is a list of groups joined by -o, each group a list of
 * tests joined by (implicit) -a, evaluated left to right with short cuts;
 * "!" negates the next test, "( … )" nests. Without -print, -print0, -exec
 * or -delete, every match is printed. Files are visited in directory order.
 */
import { attempt } from '../lib/files-attempt.ts';
import { FsError } from '../../fs/errno.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, isDir, isRegular, type Stat } from '../../fs/types.ts';
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { complain, complainAbout, errorText, isProcessControl } from '../lib/errors.ts';
import { spawnAndWait } from '../lib/files-exec.ts';
import { fnmatchRegExp } from '../lib/files-fnmatch.ts';
import { breToRegExp } from '../lib/files-regex.ts';
import { groupId, userId } from '../lib/files-ids.ts';
import { parseMode } from '../lib/files-mode.ts';
import { isDotOrDotDot } from '../lib/files-path.ts';
import { showUsage } from '../lib/files-options.ts';
import { Walker } from '../lib/files-walk.ts';
import { Names } from '../lib/users.ts';

const USAGE = `Usage: find [-HL] [PATH]... [OPTIONS] [ACTIONS]

Search for files and perform actions on them.
First failed action stops processing of current file.
Defaults: PATH is current directory, action is '-print'

\t-L,-follow\tFollow symlinks
\t-H\t\t...on command line only
\t-xdev\t\tDon't descend directories on other filesystems
\t-maxdepth N\tDescend at most N levels. -maxdepth 0 applies
\t\t\tactions to command line arguments only
\t-mindepth N\tDon't act on first N levels
\t-depth\t\tAct on directory *after* traversing it

Actions:
\t( ACTIONS )\tGroup actions for -o / -a
\t! ACT\t\tInvert ACT's success/failure
\tACT1 [-a] ACT2\tIf ACT1 fails, stop, else do ACT2
\tACT1 -o ACT2\tIf ACT1 succeeds, stop, else do ACT2
\t\t\tNote: -a has higher priority than -o
\t-name PATTERN\tMatch file name (w/o directory name) to PATTERN
\t-iname PATTERN\tCase insensitive -name
\t-path PATTERN\tMatch path to PATTERN
\t-ipath PATTERN\tCase insensitive -path
\t-regex PATTERN\tMatch path to regex PATTERN
\t-type X\t\tFile type is X (one of: f,d,l,b,c,s,p)
\t-executable\tFile is executable
\t-perm MASK\tAt least one mask bit (+MASK), all bits (-MASK),
\t\t\tor exactly MASK bits are set in file's mode
\t-mtime DAYS\tmtime is greater than (+N), less than (-N),
\t\t\tor exactly N days in the past
\t-atime DAYS\tatime +N/-N/N days in the past
\t-ctime DAYS\tctime +N/-N/N days in the past
\t-mmin MINS\tmtime is greater than (+N), less than (-N),
\t\t\tor exactly N minutes in the past
\t-amin MINS\tatime +N/-N/N minutes in the past
\t-cmin MINS\tctime +N/-N/N minutes in the past
\t-newer FILE\tmtime is more recent than FILE's
\t-inum N\t\tFile has inode number N
\t-samefile FILE\tFile is same as FILE
\t-user NAME/ID\tFile is owned by given user
\t-group NAME/ID\tFile is owned by given group
\t-size N[bck]\tFile size is N (c:bytes,k:kbytes,b:512 bytes(def.))
\t\t\t+/-N: file size is bigger/smaller than N
\t-links N\tNumber of links is greater than (+N), less than (-N),
\t\t\tor exactly N
\t-empty\t\tMatch empty file/directory
\t-prune\t\tIf current file is directory, don't descend into it
If none of the following actions is specified, -print is assumed
\t-print\t\tPrint file name
\t-print0\t\tPrint file name, NUL terminated
\t-exec CMD ARG ;\tRun CMD with all instances of {} replaced by
\t\t\tfile name. Fails if CMD exits with nonzero
\t-exec CMD ARG + Run CMD with {} replaced by list of file names
\t-delete\t\tDelete current file/directory. Turns on -depth option
\t-quit\t\tExit`;

/** Bits an action returns: it matched, and (-prune) do not descend. */
const TRUE = 1;
const SKIP = 2;

type Test = (path: string, st: Stat) => Promise<number> | number;

interface Action {
  test: Test;
  invert: boolean;
  /** For -exec …{} +: the names collected so far. */
  exec?: ExecPlus;
}

interface ExecPlus {
  argv: string[];
  files: string[];
  length: number;
}

/** Groups joined by -o; in each, actions joined by -a. */
type Expr = Action[][];

/** -quit: end now with the status so far. */
class Quit extends Error {}

const TYPES: Record<string, number> = { b: S_IFBLK, c: S_IFCHR, d: S_IFDIR, p: S_IFIFO, f: S_IFREG, l: S_IFLNK, s: S_IFSOCK };
const SIZE_UNITS: Record<string, number> = { c: 1, w: 2, '': 512, b: 512, k: 1024 };
/** An -exec + command line is run once the names reach this size (busybox: ARG_MAX less 2 KiB). */
const MAX_ARGV = 128 * 1024 - 2048;

class Find {
  needPrint = true;
  followLinks = false;
  followTop = false;
  danglingOk = false;
  depthFirst = false;
  xdev = false;
  minDepth = 0;
  maxDepth = Number.MAX_SAFE_INTEGER;
  status = 0;
  readonly execs: Action[] = [];
  private names?: Names;

  constructor(private readonly ctx: AppletContext) {}

  private async lookup(): Promise<Names> {
    return (this.names ??= await Names.load(this.ctx.sys));
  }

  /** parse_params: the expression in args (up to a matching ")" handled by the caller). */
  async parse(args: readonly string[]): Promise<Expr> {
    const { sys } = this.ctx;
    const groups: Expr = [[]];
    let invert = false;
    const add = (test: Test, extra: Partial<Action> = {}) => {
      const a: Action = { test, invert, ...extra };
      groups[groups.length - 1]!.push(a);
      invert = false;
      return a;
    };
    const number = (text: string): number => {
      if (!/^[0-9]+$/.test(text)) fail(`invalid number '${text}'`);
      return Number(text);
    };
    const signed = (text: string): { sign: string; n: number } => {
      const sign = text[0] === '+' || text[0] === '-' ? text[0] : '';
      return { sign, n: number(text.slice(sign.length)) };
    };
    const withArg = new Set(['-name', '-iname', '-path', '-wholename', '-ipath', '-regex', '-type', '-perm', '-mtime', '-atime', '-ctime', '-mmin', '-amin', '-cmin', '-newer', '-inum', '-samefile', '-user', '-group', '-size', '-links', '-mindepth', '-maxdepth']);
    const known = new Set(['-follow', '-xdev', '-depth', '-a', '-o', '!', '-and', '-or', '-not', '-print', '-print0', '-prune', '-quit', '-delete', '-empty', '-exec', '-executable', '(', ...withArg]);
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (!known.has(arg)) {
        await complain(this.ctx.err, this.ctx.name, `unrecognized: ${arg}`);
        await showUsage(this.ctx);
      }
      let value = '';
      if (withArg.has(arg)) {
        if (i + 1 >= args.length) fail(`${arg} requires an argument`);
        value = args[++i]!;
      }
      switch (arg) {
        case '-follow':
          this.followLinks = this.danglingOk = true;
          break;
        case '-xdev':
          this.xdev = true;
          break;
        case '-depth':
          this.depthFirst = true;
          break;
        case '-mindepth':
          this.minDepth = number(value);
          break;
        case '-maxdepth':
          this.maxDepth = number(value);
          break;
        case '-a':
        case '-and':
          break;
        case '-o':
        case '-or':
          groups.push([]);
          break;
        case '!':
        case '-not':
          invert = !invert;
          break;
        case '-print':
          this.needPrint = false;
          add(async (path) => (await this.ctx.out.write(path + '\n'), TRUE));
          break;
        case '-print0':
          this.needPrint = false;
          add(async (path) => (await this.ctx.out.write(path + '\0'), TRUE));
          break;
        case '-prune':
          add(() => SKIP + TRUE);
          break;
        case '-quit':
          add(() => {
            throw new Quit();
          });
          break;
        case '-delete':
          this.needPrint = false;
          this.depthFirst = true;
          add(async (path, st) => {
            try {
              if (isDir(st.mode)) {
                if (path !== '.') sys.rmdir(path);
              } else sys.unlink(path);
            } catch (e) {
              await complainAbout(this.ctx.err, this.ctx.name, path, e);
            }
            return TRUE;
          });
          break;
        case '-empty':
          add(async (path, st) => {
            if (!isDir(st.mode)) return isRegular(st.mode) && st.size === 0 ? TRUE : 0;
            try {
              return sys.readdir(path).every(isDotOrDotDot) ? TRUE : 0;
            } catch (e) {
              await complainAbout(this.ctx.err, this.ctx.name, path, e);
              return 0;
            }
          });
          break;
        case '-executable':
          add((path) => (attempt(() => (sys.access(path, 1), true)) ? TRUE : 0));
          break;
        case '-exec': {
          this.needPrint = false;
          const argv: string[] = [];
          let end = '';
          for (i++; i < args.length; i++) {
            const a = args[i]!;
            if (a === ';' || a === '+') {
              end = a;
              break;
            }
            argv.push(a);
          }
          if (end === '') fail('-exec requires an argument');
          if (argv.length === 0) fail(`${arg} requires an argument`);
          const count = (s: string) => s.split('{}').length - 1;
          if (end === '+') {
            if (argv.reduce((n, a) => n + count(a), 0) !== 1) fail("only one '{}' allowed for -exec +");
            const plus: ExecPlus = { argv, files: [], length: 0 };
            const action = add(async (path) => {
              plus.files.push(path);
              plus.length += path.length + 9;
              sys.memory(path.length + 9);
              return plus.length >= MAX_ARGV ? this.runPlus(plus) : TRUE;
            });
            action.exec = plus;
            this.execs.push(action);
          } else add((path) => this.run(argv.map((a) => a.split('{}').join(path))));
          break;
        }
        case '(': {
          let depth = 1;
          let j = i;
          for (;;) {
            if (++j >= args.length) fail("unpaired '('");
            if (args[j] === '(') depth++;
            else if (args[j] === ')' && --depth === 0) break;
          }
          const sub = await this.parse(args.slice(i + 1, j));
          add((path, st) => this.evaluate(sub, path, st));
          i = j;
          break;
        }
        case '-name':
        case '-iname': {
          const re = fnmatchRegExp(value, arg === '-iname');
          add((path) => (re.test(nameOf(path)) ? TRUE : 0));
          break;
        }
        case '-path':
        case '-wholename':
        case '-ipath': {
          const re = fnmatchRegExp(value, arg === '-ipath');
          add((path) => (re.test(path) ? TRUE : 0));
          break;
        }
        case '-regex': {
          const re = breToRegExp(value);
          if (!re) return fail(`bad regex '${value}': Invalid regular expression`);
          add((path) => (re.test(path) ? TRUE : 0));
          break;
        }
        case '-type': {
          const mask = value.length === 1 ? TYPES[value] : undefined;
          if (mask === undefined) fail(`invalid argument '${value}' to '-type'`);
          add((_, st) => ((st.mode & S_IFMT) === mask ? TRUE : 0));
          break;
        }
        case '-perm': {
          const c = value[0];
          const text = c === '/' || c === '+' || c === '-' ? value.slice(1) : value;
          const mask = parseMode(text, 0, sys.umask());
          if (mask === undefined) fail(`invalid mode '${text}'`);
          if (c === '+' || c === '/') add((_, st) => ((st.mode & mask!) !== 0 ? TRUE : 0));
          else if (c === '-') add((_, st) => ((st.mode & mask!) === mask ? TRUE : 0));
          else add((_, st) => ((st.mode & 0o7777) === mask ? TRUE : 0));
          break;
        }
        case '-mtime':
        case '-atime':
        case '-ctime':
        case '-mmin':
        case '-amin':
        case '-cmin': {
          const { sign, n } = signed(value);
          const unit = arg.endsWith('min') ? 60 : 86400;
          const which = arg[1] as 'm' | 'a' | 'c';
          add((_, st) => {
            const ms = which === 'a' ? st.atimeMs : which === 'c' ? st.ctimeMs : st.mtimeMs;
            const age = Math.floor(sys.now() / 1000) - Math.floor(ms / 1000);
            const limit = n * unit;
            const ok = sign === '+' ? age >= limit + unit : sign === '-' ? age < limit : age >= limit && age < limit + unit;
            return ok ? TRUE : 0;
          });
          break;
        }
        case '-newer': {
          let ref: Stat;
          try {
            ref = sys.stat(value);
          } catch (e) {
            return fail(`can't stat '${value}': ${errorText(e)}`);
          }
          const t = Math.floor(ref.mtimeMs / 1000);
          add((_, st) => (t < Math.floor(st.mtimeMs / 1000) ? TRUE : 0));
          break;
        }
        case '-inum': {
          const n = number(value);
          add((_, st) => (st.ino === n ? TRUE : 0));
          break;
        }
        case '-samefile': {
          let ref: Stat;
          try {
            ref = this.followLinks || this.followTop ? sys.stat(value) : sys.lstat(value);
          } catch (e) {
            return fail(`can't stat '${value}': ${errorText(e)}`);
          }
          add((_, st) => (st.ino === ref.ino && st.dev === ref.dev ? TRUE : 0));
          break;
        }
        case '-user': {
          const uid = userId(await this.lookup(), value);
          add((_, st) => (st.uid === uid ? TRUE : 0));
          break;
        }
        case '-group': {
          const gid = groupId(await this.lookup(), value);
          add((_, st) => (st.gid === gid ? TRUE : 0));
          break;
        }
        case '-size': {
          const sign = value[0] === '+' || value[0] === '-' ? value[0] : '';
          const m = /^([0-9]+)([a-z]?)$/.exec(value.slice(sign.length));
          const mult = m ? SIZE_UNITS[m[2]!] : undefined;
          if (!m || mult === undefined) return fail(`invalid number '${value.slice(sign.length)}'`);
          const size = Number(m[1]) * mult;
          add((_, st) => ((sign === '+' ? st.size > size : sign === '-' ? st.size < size : st.size === size) ? TRUE : 0));
          break;
        }
        case '-links': {
          const { sign, n } = signed(value);
          add((_, st) => ((sign === '-' ? st.nlink < n : sign === '+' ? st.nlink > n : st.nlink === n) ? TRUE : 0));
          break;
        }
      }
    }
    return groups;
  }

  /** exec_actions: the first group whose actions all succeed makes the result true; -prune's bit sticks. */
  async evaluate(expr: Expr, path: string, st: Stat): Promise<number> {
    let rc = 0;
    for (const group of expr) {
      if (group.length === 0) break;
      rc &= ~TRUE;
      let failed = false;
      for (const a of group) {
        rc |= TRUE ^ (await a.test(path, st));
        if (a.invert) rc ^= TRUE;
        if (rc & TRUE) {
          failed = true;
          break;
        }
      }
      if (!failed) return rc ^ TRUE;
    }
    return rc ^ TRUE;
  }

  /** spawn_and_wait, after flushing our output; true if the command exited 0. */
  async run(argv: string[]): Promise<number> {
    await this.ctx.out.flush();
    try {
      return (await spawnAndWait(this.ctx.sys, argv, this.ctx.getenv('PATH'))) === 0 ? TRUE : 0;
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      await complainAbout(this.ctx.err, this.ctx.name, argv[0]!, e);
      return 0;
    }
  }

  async runPlus(plus: ExecPlus): Promise<number> {
    const argv = plus.argv.flatMap((a) => (a.includes('{}') ? plus.files.map((f) => a.split('{}').join(f)) : [a]));
    this.ctx.sys.memory(-plus.length);
    plus.files = [];
    plus.length = 0;
    return this.run(argv);
  }
}

/** The name -name matches: the last component, trailing slashes of a starting path ignored ("/" stays "/"). */
function nameOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base !== '') return base;
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.length > 1 ? '/' : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export default applet(USAGE, async (ctx) => {
  const { sys } = ctx;
  const find = new Find(ctx);
  const args = ctx.args;
  // Leading -H/-L/-P (only those letters), as getopt("+HLP") takes them.
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!/^-[HLP]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'H') find.followTop = find.danglingOk = true;
      if (c === 'L') find.followLinks = find.danglingOk = true;
    }
  }
  let first = i;
  while (first < args.length && !args[first]!.startsWith('-') && args[first] !== '!' && args[first] !== '(') first++;
  const paths = first > i ? args.slice(i, first) : ['.'];
  const expr = await find.parse(args.slice(first));
  const xdevs: number[] = [];
  if (find.xdev) {
    for (const p of paths) xdevs.push(attempt(() => sys.stat(p).dev) ?? -1);
  }
  const action = async (path: string, st: Stat, depth: number): Promise<boolean | 'skip'> => {
    let sameFs = true;
    if (isDir(st.mode) && find.xdev && !xdevs.includes(st.dev)) sameFs = false;
    if (depth < find.minDepth) return sameFs ? true : 'skip';
    if (depth > find.maxDepth) return 'skip';
    const r = await find.evaluate(expr, path, st);
    if (r & TRUE && find.needPrint) await ctx.out.write(path + '\n');
    if (isDir(st.mode) && depth === find.maxDepth) return 'skip';
    if (!sameFs) return 'skip';
    return r & SKIP ? 'skip' : true;
  };
  const walker = new Walker(
    ctx,
    { recurse: true, followLinks: find.followLinks, followTop: find.followTop, danglingOk: find.danglingOk, depthFirst: find.depthFirst },
    action,
    action,
  );
  try {
    for (const p of paths) if (!(await walker.walk(p))) find.status |= 1;
    for (const a of find.execs) {
      if (a.exec && a.exec.files.length > 0) {
        let rc = await find.runPlus(a.exec);
        if (a.invert) rc ^= TRUE;
        if (!(rc & TRUE)) {
          find.status |= 1;
          break;
        }
      }
    }
  } catch (e) {
    if (!(e instanceof Quit)) throw e;
  }
  return find.status;
});
