/**
 * tty: the name of the terminal on standard input, or "not a tty" (exit 1).
 * Alpine's busybox is built without the old -s option: any argument is
 * ignored with a warning.
 */
import { isProcessControl } from '../../kernel/sys.ts';
import { applet } from '../lib/applet.ts';

export default applet("Usage: tty\n\nPrint file name of stdin's terminal", async (ctx) => {
  if (ctx.args.length > 0) await ctx.err.write(`${ctx.name}: ignoring all arguments\n`);
  let name: string;
  try {
    name = ctx.sys.ttyname(0);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    await ctx.out.write('not a tty\n');
    return 1;
  }
  await ctx.out.write(name + '\n');
  return 0;
});
