/** chgrp [-RhLHPcvf] GROUP FILE...: change the group of FILEs; it is chown with ":GROUP". */
import { applet } from '../lib/applet.ts';
import { chownMain } from './chown.ts';

export default applet(
  'Usage: chgrp [-RhLHPcvf]... GROUP FILE...\n\nChange the group membership of FILEs to GROUP\n\n\t-h\tAffect symlinks instead of symlink targets\n\t-L\tTraverse all symlinks to directories\n\t-H\tTraverse symlinks on command line only\n\t-P\tDon\'t traverse symlinks (default)\n\t-R\tRecurse\n\t-c\tList changed files\n\t-v\tVerbose\n\t-f\tHide errors',
  (ctx) => {
    const argv = [...ctx.sys.argv];
    const i = argv.findIndex((a, k) => k > 0 && !a.startsWith('-'));
    if (i > 0) argv[i] = ':' + argv[i];
    return chownMain(ctx, argv);
  },
);
