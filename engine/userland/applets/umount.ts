/**
 * umount [-rlf] [-t FSTYPE] FILESYSTEM|DIRECTORY: unmount, by mount point
 * or by source (every mount of it); -a unmounts everything in /proc/mounts,
 * newest first. -l, -f and -d are accepted; unmounting here is always immediate.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import { applet } from '../lib/applet.ts';
import { readFile } from '../lib/io.ts';
import { parseOptions } from '../lib/system-getopt.ts';

export default applet(
  'Usage: umount [-rlfda] [-t FSTYPE] FILESYSTEM|DIRECTORY\n\nUnmount filesystems\n\n\t-a\tUnmount all filesystems\n\t-r\tRemount devices read-only if mount is busy\n\t-l\tLazy umount (detach filesystem)\n\t-f\tForce umount (i.e., unreachable NFS server)\n\t-d\tFree loop device if it has been used\n\t-t FSTYPE[,...]\tUnmount only these filesystem type(s)',
  async (ctx) => {
    const { sys, err } = ctx;
    const o = await parseOptions(ctx, 'fldnrat:cvi');
    const all = o.has('a');
    const types = o.value('t')?.split(',');
    let mtab: { device: string; dir: string }[] = [];
    try {
      const text = fromUtf8(await readFile(sys, '/proc/mounts'));
      for (const line of text.split('\n')) {
        const [device, dir, type] = line.split(' ').map((f) => f.replace(/\\([0-7]{3})/g, (_, n: string) => String.fromCharCode(parseInt(n, 8))));
        if (device === undefined || dir === undefined || type === undefined) continue;
        if (types && !types.includes(type)) continue;
        mtab.push({ device, dir });
      }
    } catch (e) {
      if (isProcessControl(e)) throw e;
      if (all) {
        await err.write(`${ctx.name}: can't open '/proc/mounts'\n`);
        return 1;
      }
    }
    mtab = mtab.reverse();
    if (!all && o.operands.length === 0) {
      await ctx.usage();
      return 1;
    }
    let status = 0;
    const unmount = async (target: string) => {
      try {
        sys.umount(target);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        status = 1;
        await err.write(`${ctx.name}: can't unmount ${target}: ${strerror(e.code)}\n`);
      }
    };
    if (all) {
      for (const m of mtab) await unmount(m.dir);
      return status;
    }
    for (const arg of o.operands) {
      let path: string | undefined;
      try {
        path = sys.realpath(arg);
      } catch (e) {
        if (isProcessControl(e)) throw e;
      }
      const matches = path === undefined ? [] : mtab.filter((m) => m.dir === path || m.device === path);
      // By directory: that mount. By device: every mount of it.
      const first = matches[0];
      if (!first) await unmount(arg);
      else if (first.dir === path) await unmount(first.dir);
      else for (const m of matches.filter((x) => x.device === path)) await unmount(m.dir);
    }
    return status;
  },
);
