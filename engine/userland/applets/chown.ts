/**
 * chown [-RhLHPcvf] USER[:[GRP]] FILE...: change owner and/or group. With
 * -R, symlinks are changed themselves (lchown) unless -H or -L says to
 * traverse them; -h always changes the link, not its target.
 */
import type { Stat } from '../../fs/types.ts';
import { applet, type AppletContext } from '../lib/applet.ts';
import { errorText } from '../lib/errors.ts';
import { ownerSpec } from '../lib/files-ids.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';
import { Walker } from '../lib/files-walk.ts';
import { Names } from '../lib/users.ts';

/** chown's work, for chown itself and for chgrp (which passes ":GROUP"). */
export async function chownMain(ctx: AppletContext, argv: readonly string[]): Promise<number> {
  const { sys } = ctx;
  const o = await parseOptions(ctx, 'RhvcfLHP\x01', {
    argv,
    long: { recursive: 'R', dereference: '\x01', 'no-dereference': 'h', changes: 'c', silent: 'f', quiet: 'f', verbose: 'v' },
  });
  if (o.operands.length < 2) await showUsage(ctx);
  const [spec, ...files] = o.operands as [string, ...string[]];
  const traverseTop = o.has('L') || o.has('H');
  const noDeref = o.has('h') || (o.has('R') && !traverseTop);
  const owner = ownerSpec(await Names.load(sys), spec);
  let walker!: Walker;
  const action = async (path: string, st: Stat): Promise<boolean> => {
    const uid = owner.uid === -1 ? st.uid : owner.uid;
    const gid = owner.gid === -1 ? st.gid : owner.gid;
    try {
      if (noDeref) sys.lchown(path, uid, gid);
      else sys.chown(path, uid, gid);
    } catch (e) {
      const text = errorText(e);
      walker.lastError = e;
      if (!o.has('f')) await ctx.err.write(`${ctx.name}: ${path}: ${text}\n`);
      return false;
    }
    if (o.has('v') || (o.has('c') && (st.uid !== uid || st.gid !== gid))) await ctx.out.write(`changed ownership of '${path}' to ${uid}:${gid}\n`);
    return true;
  };
  walker = new Walker(ctx, { recurse: o.has('R'), depthFirst: true, followTop: traverseTop, followLinks: o.has('L') }, action, action);
  let status = 0;
  for (const file of files) if (!(await walker.walk(file))) status = 1;
  return status;
}

export default applet(
  'Usage: chown [-RhLHPcvf]... USER[:[GRP]] FILE...\n\nChange the owner and/or group of FILEs to USER and/or GRP\n\n\t-h\tAffect symlinks instead of symlink targets\n\t-L\tTraverse all symlinks to directories\n\t-H\tTraverse symlinks on command line only\n\t-P\tDon\'t traverse symlinks (default)\n\t-R\tRecurse\n\t-c\tList changed files\n\t-v\tVerbose\n\t-f\tHide errors',
  (ctx) => chownMain(ctx, ctx.sys.argv),
);
