/** realpath FILE...: print the canonical absolute name of each FILE (the last component may be missing). */
import { applet } from '../lib/applet.ts';
import { complainAbout } from '../lib/errors.ts';
import { realpathLenient } from '../lib/files-path.ts';
import { showUsage } from '../lib/files-options.ts';

export default applet('Usage: realpath FILE...\n\nPrint absolute pathnames of FILEs', async (ctx) => {
  if (ctx.args.length === 0) await showUsage(ctx);
  let status = 0;
  for (const file of ctx.args) {
    try {
      await ctx.out.write(realpathLenient(ctx.sys, file) + '\n');
    } catch (e) {
      await complainAbout(ctx.err, ctx.name, file, e);
      status = 1;
    }
  }
  return status;
});
