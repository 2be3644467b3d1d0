/** rmdir [-p] [--ignore-fail-on-non-empty] DIRECTORY...: remove empty directories (with -p, then their parents). */
import { FsError } from '../../fs/errno.ts';
import { applet } from '../lib/applet.ts';
import { errorText } from '../lib/errors.ts';
import { dirName } from '../lib/files-path.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';

export default applet(
  'Usage: rmdir [-p] DIRECTORY...\n\nRemove DIRECTORY if it is empty\n\n\t-p\tInclude parents\n\t--ignore-fail-on-non-empty',
  async (ctx) => {
    const o = await parseOptions(ctx, 'pv\x01', { long: { parents: 'p', 'ignore-fail-on-non-empty': '\x01', verbose: 'v' } });
    if (o.operands.length === 0) await showUsage(ctx);
    let status = 0;
    for (const arg of o.operands) {
      let path = arg;
      for (;;) {
        if (o.has('v')) await ctx.out.write(`rmdir: removing directory, '${path}'\n`);
        try {
          ctx.sys.rmdir(path);
        } catch (e) {
          if (o.has('\x01') && e instanceof FsError && e.code === 'ENOTEMPTY') break;
          await ctx.err.write(`${ctx.name}: '${path}': ${errorText(e)}\n`);
          status = 1;
          break;
        }
        if (!o.has('p')) break;
        path = dirName(path);
        if (path === '.') break;
      }
    }
    return status;
  },
);
