/** arch: the machine's hardware type (uname -m). */
import { applet } from '../lib/applet.ts';

export default applet('Usage: arch\n\nPrint system architecture', async (ctx) => {
  await ctx.out.write(ctx.sys.uname().machine + '\n');
  return 0;
});
