/**
 * ln [-sfnbv] [-S SUF] [-T] TARGET... LINK|DIR: make hard links, or with -s
 * symbolic links. With one TARGET the link is made in the current
 * directory; if LINK is a directory (or a symlink to one, unless -n) the
 * links go inside it.
 */
import { attempt } from '../lib/files-attempt.ts';
import { isDir, isSymlink } from '../../fs/types.ts';
import { FsError } from '../../fs/errno.ts';
import { applet, fail } from '../lib/applet.ts';
import { complainAbout } from '../lib/errors.ts';
import { joinPath, lastComponent } from '../lib/files-path.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';

export default applet(
  'Usage: ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR\n\nCreate a link LINK or DIR/TARGET to the specified TARGET(s)\n\n\t-s\tMake symlinks instead of hardlinks\n\t-f\tRemove existing destinations\n\t-n\tDon\'t dereference symlinks - treat like normal file\n\t-b\tMake a backup of the target (if exists) before link operation\n\t-S SUF\tUse suffix instead of ~ when making backup files\n\t-T\tTreat LINK as a file, not DIR\n\t-v\tVerbose',
  async (ctx) => {
    const { sys } = ctx;
    const o = await parseOptions(ctx, 'sfnbS:vT');
    const args = o.operands;
    if (args.length < 1) await showUsage(ctx);
    if (o.has('T') && args.length > 2) fail('-T accepts 2 args max');
    const suffix = o.value('S') ?? '~';
    let last = args[args.length - 1]!;
    const targets = args.length === 1 ? args : args.slice(0, -1);
    if (args.length === 1) last = lastComponent(last);
    let status = 0;
    for (const target of targets) {
      let link = last;
      const st = attempt(() => (o.has('n') || o.has('T') ? sys.lstat(link) : sys.stat(link)));
      const isDirectory = st !== undefined && isDir(st.mode);
      if (isDirectory) {
        if (o.has('T')) fail(`'${link}' is a directory`);
        link = joinPath(link, lastComponent(target));
      }
      if (!o.has('s')) {
        // A hard link to a dangling symlink is fine; to nothing is not.
        try {
          sys.stat(target);
        } catch (e) {
          const link = attempt(() => sys.lstat(target));
          if (!link || !isSymlink(link.mode)) {
            await complainAbout(ctx.err, ctx.name, target, e);
            status = 1;
            continue;
          }
        }
      }
      if (o.has('b')) {
        try {
          sys.rename(link, link + suffix);
        } catch (e) {
          if (!(e instanceof FsError && e.code === 'ENOENT')) {
            await complainAbout(ctx.err, ctx.name, link, e);
            status = 1;
            continue;
          }
        }
        attempt(() => sys.unlink(link));
      } else if (o.has('f')) attempt(() => sys.unlink(link));
      if (o.has('v')) await ctx.out.write(`'${link}' -> '${target}'\n`);
      try {
        if (o.has('s')) sys.symlink(target, link);
        else sys.link(target, link);
      } catch (e) {
        await complainAbout(ctx.err, ctx.name, link, e);
        status = 1;
      }
    }
    return status;
  },
);
