/** dirname FILENAME: strip the last component (musl's dirname(3)). */
import { applet } from '../lib/applet.ts';
import { dirName } from '../lib/files-path.ts';
import { showUsage } from '../lib/files-options.ts';

export default applet('Usage: dirname FILENAME\n\nStrip non-directory suffix from FILENAME', async (ctx) => {
  const args = ctx.args[0] === '--' ? ctx.args.slice(1) : ctx.args;
  if (args.length !== 1) await showUsage(ctx);
  await ctx.out.write(dirName(args[0]!) + '\n');
  return 0;
});
