/**
 * The system applets' names for the shared option parser (getopt.ts):
 * musl's getopt_long, permuting unless the spec starts with '+'.
 */
import { AppletError, type AppletContext } from './applet.ts';
import { getopt, type LongOptions, type Parsed } from './getopt.ts';

export type { LongOptions };
export const getoptLong = getopt;

/** getopt over ctx.sys.argv (which a caller may have rewritten): on a bad option, busybox's message and usage, and exit 1. */
export async function parseOptions(ctx: AppletContext, optstring: string, longopts: LongOptions = {}): Promise<Parsed> {
  const r = getopt(ctx.sys.argv, optstring, longopts);
  if ('error' in r) {
    await ctx.err.write(`${ctx.name}: ${r.error}\n`);
    await ctx.usage();
    throw new AppletError('', 1);
  }
  return r;
}
