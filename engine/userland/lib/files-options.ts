/**
 * Option parsing for the file applets, on top of getopt.ts (musl's
 * getopt_long, which lets options follow operands), with what busybox's
 * getopt32 adds:
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
  const r = getopt(argv, extra.inOrder ? `+${spec}` : spec, long);
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
