/** whoami: the name of the effective user. */
import { applet, fail } from '../lib/applet.ts';
import { Names } from '../lib/users.ts';

export default applet('Usage: whoami\n\nPrint the user name associated with the current effective user id', async (ctx) => {
  if (ctx.args.length > 0) {
    await ctx.usage();
    return 1;
  }
  const uid = ctx.sys.geteuid();
  const name = (await Names.load(ctx.sys)).user(uid) ?? fail(`unknown uid ${uid}`);
  await ctx.out.write(name + '\n');
  return 0;
});
