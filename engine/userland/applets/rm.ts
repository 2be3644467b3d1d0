/** rm [-irfv] FILE...: remove files, and with -r whole directory trees. */
import { applet } from '../lib/applet.ts';
import { foldOptions, parseOptions, showUsage } from '../lib/files-options.ts';
import { isDotOrDotDot, lastComponent, stripSlashes } from '../lib/files-path.ts';
import { removeFile } from '../lib/files-remove.ts';

export default applet(
  'Usage: rm [-irf] FILE...\n\nRemove (unlink) FILEs\n\n\t-i\tAlways prompt before removing\n\t-f\tNever prompt\n\t-R,-r\tRecurse',
  async (ctx) => {
    const parsed = await parseOptions(ctx, 'fiRrv');
    const on = foldOptions(parsed, { f: { off: 'i' }, i: { off: 'f' } });
    const options = { force: on.has('f'), interactive: on.has('i'), recursive: on.has('r') || on.has('R'), verbose: on.has('v') };
    if (parsed.operands.length === 0) {
      if (!options.force) await showUsage(ctx);
      return 0;
    }
    let status = 0;
    for (const arg of parsed.operands) {
      const path = stripSlashes(arg);
      if (isDotOrDotDot(lastComponent(path))) {
        await ctx.err.write(`${ctx.name}: can't remove '.' or '..'\n`);
        status = 1;
      } else if (!(await removeFile(ctx, path, options))) status = 1;
    }
    return status;
  },
);
