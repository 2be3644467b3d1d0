/** basename FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...: strip the directory (and SUFFIX) from names. */
import { applet } from '../lib/applet.ts';
import { lastComponent } from '../lib/files-path.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';

export default applet(
  'Usage: basename FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...\n\nStrip directory path and SUFFIX from FILE\n\n\t-a\t\tAll arguments are FILEs\n\t-s SUFFIX\tRemove SUFFIX (implies -a)',
  async (ctx) => {
    const o = await parseOptions(ctx, 'as:', { inOrder: true });
    const all = o.seen.length > 0;
    let suffix = o.value('s');
    const args = o.operands;
    if (args.length === 0) await showUsage(ctx);
    let i = 0;
    do {
      let name = lastComponent(args[i++]!);
      if (!all && i < args.length) {
        suffix = args[i]!;
        if (i + 1 < args.length) await showUsage(ctx);
      }
      if (suffix !== undefined && name.length > suffix.length && name.endsWith(suffix)) name = name.slice(0, -suffix.length);
      await ctx.out.write(name + '\n');
    } while (all && i < args.length);
    return 0;
  },
);
