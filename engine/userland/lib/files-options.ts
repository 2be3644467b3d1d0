/**
 * Option parsing for the file applets, on top of getopt.ts, with what
 * busybox's getopt32 adds on alpine:
 * - options may follow operands (`ls /tmp -l`, `rm dir -rf`): with long
 *   options configured, busybox calls getopt_long, and musl's getopt_long
 *   moves options ahead of operands (unless the spec starts with "+"), as
 *   glibc's does; "--" still ends the options;
 * - long options whose argument is optional (`ls --color`, `--color=never`);
 * - "complementary" rules, applied in the order options appear:
 *   `-n` turns on `-l`, `-C` turns off `-x` and `-l`, `-t`/`-S` the last wins…
 *
 *     const o = await parseOptions(ctx, 'Cadl1', { long: { color: '\x03' }, optional: { color: 'always' } });
 *     const on = foldOptions(o, { n: { on: 'l' }, C: { off: 'xl' } });
 *     on.has('l')
 */
import { AppletError, type AppletContext } from './applet.ts';
import { getopt, type Parsed } from './getopt.ts';

export interface ParseSpec {
  /** Long option name → the (placeholder) short option it stands for. */
  long?: Record<string, string>;
  /** Long options with an optional argument: name → the value a bare `--name` means. */
  optional?: Record<string, string>;
  /** Parse this instead of the applet's argv (argv[0] included). */
  argv?: readonly string[];
  /** Stop at the first operand, as a "+" getopt spec does (default: options may follow operands). */
  inOrder?: boolean;
}

/**
 * musl's getopt_long permutation: the options, each with the argument it
 * takes, in order; then "--" and the operands, in order.
 */
function permute(argv: readonly string[], spec: string, long: Record<string, string>): string[] {
  const takesArg = (c: string) => spec.includes(c + ':');
  const options: string[] = [];
  const operands: string[] = [];
  // An option whose argument is missing: getopt must see it last, to complain.
  let missing = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    options.push(a);
    if (a.startsWith('--')) {
      const short = a.includes('=') ? undefined : long[a.slice(2)];
      if (short !== undefined && takesArg(short)) {
        if (i + 1 < argv.length) options.push(argv[++i]!);
        else missing = true;
      }
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (!spec.includes(c) || c === ':') break;
      if (takesArg(c)) {
        if (j === a.length - 1) {
          if (i + 1 < argv.length) options.push(argv[++i]!);
          else missing = true;
        }
        break;
      }
    }
  }
  if (missing) return [argv[0] ?? '', ...options];
  return [argv[0] ?? '', ...options, '--', ...operands, ...argv.slice(i)];
}

/** getopt over the applet's argv; on a bad option prints musl's message and the usage, and exits 1. */
export async function parseOptions(ctx: AppletContext, spec: string, extra: ParseSpec = {}): Promise<Parsed> {
  let argv = [...(extra.argv ?? ctx.sys.argv)];
  const long = extra.long ?? {};
  // A bare "--color" means "--color=always"; written inline so that a following operand is not taken as its value.
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const name = a.slice(2);
    if (a.startsWith('--') && extra.optional && name in extra.optional) argv[i] = `${a}=${extra.optional[name]}`;
  }
  if (!extra.inOrder) argv = permute(argv, spec, long);
  const r = getopt(argv, spec, { long });
  if ('error' in r) {
    await ctx.err.write(`${ctx.name}: ${r.error}\n`);
    await ctx.usage();
    throw new AppletError('', 1);
  }
  return r;
}

export interface Rule {
  /** Options this one also turns on. */
  on?: string;
  /** Options this one turns off. */
  off?: string;
}

/** The options in effect once each option, in order, has applied its rule. */
export function foldOptions(parsed: Parsed, rules: Record<string, Rule> = {}): Set<string> {
  const on = new Set<string>();
  for (const { option } of parsed.seen) {
    const rule = rules[option];
    for (const c of rule?.off ?? '') on.delete(c);
    on.add(option);
    for (const c of rule?.on ?? '') on.add(c);
  }
  return on;
}

/** Prints the usage and ends with status 1, as bb_show_usage does. */
export async function showUsage(ctx: AppletContext): Promise<never> {
  await ctx.usage();
  throw new AppletError('', 1);
}
