/** usleep N: pause for N microseconds. */
import { applet } from '../lib/applet.ts';
import { xatou } from '../lib/system-format.ts';

export default applet('Usage: usleep N\n\nPause for N microseconds', async (ctx) => {
  if (ctx.args[0] === undefined) {
    await ctx.usage();
    return 1;
  }
  await ctx.sys.sleep(xatou(ctx.args[0]) / 1000);
  return 0;
});
