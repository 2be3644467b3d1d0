/**
 * sync [-df] [FILE]...: write buffered data to disk. Berth's disks have no
 * cache to flush, so this only checks that the FILEs can be opened.
 */
import { applet } from '../lib/applet.ts';
import { complain, errorText } from '../lib/errors.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';

export default applet(
  'Usage: sync [-df] [FILE]...\n\nWrite all buffered blocks (in FILEs) to disk\n\t-d\tAvoid syncing metadata\n\t-f\tSync filesystems underlying FILEs',
  async (ctx) => {
    const o = await parseOptions(ctx, 'df');
    if (o.has('d') && o.has('f')) await showUsage(ctx);
    let status = 0;
    for (const file of o.operands) {
      try {
        ctx.sys.close(ctx.sys.open(file, { read: true, write: false, nonblock: true, noctty: true }));
      } catch (e) {
        await complain(ctx.err, ctx.name, `can't open '${file}': ${errorText(e)}`);
        status = 1;
      }
    }
    return status;
  },
);
