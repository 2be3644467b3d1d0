/** groups [USER]: the names of the groups USER (or this process) is in; busybox's `id -Gn`. */
import { applet } from '../lib/applet.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { runId } from './id.ts';

export default applet('Usage: groups [USER]\n\nPrint the groups USER is in', async (ctx) => {
  const o = await parseOptions(ctx, '');
  return runId(ctx, { real: false, names: true, user: false, group: false, allGroups: true }, o.operands[0]);
});
