/** clear: move the cursor home and clear the screen (ESC [H ESC [J). */
import { FsError } from '../../fs/errno.ts';
import { applet } from '../lib/applet.ts';

export default applet('Usage: clear\n\nClear screen', async (ctx) => {
  try {
    return (await ctx.sys.write(1, '\x1b[H\x1b[J')) === 6 ? 0 : 1;
  } catch (err) {
    if (err instanceof FsError) return 1;
    throw err;
  }
});
