/**
 * readlink [-fnv] FILE: print a symlink's target; -f the canonical path
 * instead (busybox's -f, like coreutils' -e but allowing a missing last
 * component). Errors are silent unless -v.
 */
import { FsError } from '../../fs/errno.ts';
import { applet } from '../lib/applet.ts';
import { errorText } from '../lib/errors.ts';
import { realpathLenient } from '../lib/files-path.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';

export default applet(
  'Usage: readlink [-fnv] FILE\n\nDisplay the value of a symlink\n\n\t-f\tCanonicalize by following all symlinks\n\t-n\tDon\'t add newline\n\t-v\tVerbose',
  async (ctx) => {
    const o = await parseOptions(ctx, 'fnvsq');
    if (o.operands.length !== 1) await showUsage(ctx);
    const file = o.operands[0]!;
    let result: string;
    try {
      result = o.has('f') ? realpathLenient(ctx.sys, file) : ctx.sys.readlink(file);
    } catch (e) {
      const text = errorText(e);
      // -f fails quietly either way; plain readlink says why with -v.
      if (o.has('v') && !o.has('f')) await ctx.err.write(`${ctx.name}: ${file}: cannot read link: ${e instanceof FsError && e.code === 'EINVAL' ? 'not a symlink' : text}\n`);
      return 1;
    }
    await ctx.out.write(o.has('n') ? result : result + '\n');
    return 0;
  },
);
