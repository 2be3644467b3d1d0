/** printenv [VARIABLE]...: print the whole environment, or the values of the VARIABLEs (exit 1 if one is unset). */
import { applet } from '../lib/applet.ts';
import { getenv } from '../lib/system-exec.ts';

export default applet('Usage: printenv [VARIABLE]...\n\nPrint environment VARIABLEs.\nIf no VARIABLE specified, print all.', async (ctx) => {
  const { sys, out } = ctx;
  if (ctx.args.length === 0) {
    for (const e of sys.env) await out.write(e + '\n');
    return 0;
  }
  let status = 0;
  for (const name of ctx.args) {
    const value = name === '' || name.includes('=') ? undefined : getenv(sys.env, name);
    if (value === undefined) status = 1;
    else await out.write(value + '\n');
  }
  return status;
});
