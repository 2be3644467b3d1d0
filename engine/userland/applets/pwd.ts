/** pwd: print the working directory. */
import { applet } from '../lib/applet.ts';

export default applet('Usage: pwd\n\nPrint the full filename of the current working directory', async ({ sys, out }) => {
  await out.write(sys.getcwd() + '\n');
  return 0;
});
