/**
 * du [-aHLdclsxhmkb] [FILE]...: disk usage of each FILE (default "."), for
 * every directory under it (and with -a every file), in 1K blocks unless
 * -h/-m/-b. Hard-linked files count once. Listing order is directory order.
 */
import { isDir, isSymlink, type Stat } from '../../fs/types.ts';
import { applet, fail } from '../lib/applet.ts';
import { complainAbout, errorText } from '../lib/errors.ts';
import { humanReadable } from '../lib/files-human.ts';
import { foldOptions, parseOptions } from '../lib/files-options.ts';
import { isDotOrDotDot, joinPath } from '../lib/files-path.ts';

export default applet(
  'Usage: du [-aHLdclsxhmk] [FILE]...\n\nSummarize disk space used for FILEs (or directories)\n\n\t-a\tShow file sizes too\n\t-b\tApparent size (including holes)\n\t-L\tFollow all symlinks\n\t-H\tFollow symlinks on command line\n\t-d N\tLimit output to directories (and files with -a) of depth < N\n\t-c\tShow grand total\n\t-l\tCount sizes many times if hard linked\n\t-s\tDisplay only a total for each argument\n\t-x\tSkip directories on different filesystems\n\t-h\tSizes in human readable format (e.g., 1K 243M 2G)\n\t-m\tSizes in megabytes\n\t-k\tSizes in kilobytes (default)',
  async (ctx) => {
    const { sys, out } = ctx;
    const parsed = await parseOptions(ctx, 'aHkLsxd:lcbhm');
    const on = foldOptions(parsed, { h: { off: 'km' }, k: { off: 'hm' }, m: { off: 'hk' }, H: { off: 'L' }, L: { off: 'H' }, s: { off: 'd' }, d: { off: 's' } });
    let unit = ctx.getenv('POSIXLY_CORRECT') !== undefined ? 512 : 1024;
    if (on.has('b')) unit = 1;
    if (on.has('h')) unit = 0;
    if (on.has('m')) unit = 1024 * 1024;
    if (on.has('k')) unit = 1024;
    let maxDepth = Number.MAX_SAFE_INTEGER;
    if (on.has('d')) {
      const text = parsed.value('d')!;
      if (!/^[0-9]+$/.test(text)) fail(`invalid number '${text}'`);
      maxDepth = Number(text);
    }
    if (on.has('s')) maxDepth = 0;
    let linkDepth = on.has('L') ? Number.MAX_SAFE_INTEGER : on.has('H') ? 1 : 0;
    let files = parsed.operands;
    if (files.length === 0) {
      files = ['.'];
      if (linkDepth === 1) linkDepth = 0;
    }
    const seen = new Set<string>();
    let status = 0;
    let rootDev = 0;
    let visited = 0;

    const print = async (size: number, name: string) => {
      // Fixed units round up, as coreutils does; -h rounds to nearest.
      const n = unit ? size + Math.floor((unit - 1) / 1024) : size;
      await out.write(`${humanReadable(n, on.has('b') ? 1 : 512, unit)}\t${name}\n`);
    };

    const du = async (path: string, depth: number): Promise<number> => {
      if (++visited % 64 === 0) await sys.checkpoint();
      let st: Stat;
      try {
        st = sys.lstat(path);
      } catch (e) {
        await complainAbout(ctx.err, ctx.name, path, e);
        status = 1;
        return 0;
      }
      if (on.has('x')) {
        if (depth === 0) rootDev = st.dev;
        else if (st.dev !== rootDev) return 0;
      }
      if (isSymlink(st.mode) && linkDepth > depth) {
        try {
          st = sys.stat(path);
        } catch (e) {
          await complainAbout(ctx.err, ctx.name, path, e);
          status = 1;
          return 0;
        }
        if (linkDepth === 1) linkDepth = Number.MAX_SAFE_INTEGER;
      }
      let sum = on.has('b') ? st.size : st.blocks;
      if (!on.has('l') && st.nlink > 1) {
        const key = `${st.dev}:${st.ino}`;
        if (seen.has(key)) return 0;
        seen.add(key);
      }
      if (isDir(st.mode)) {
        let names: string[];
        try {
          names = sys.readdir(path);
        } catch (e) {
          await ctx.err.write(`${ctx.name}: can't open '${path}': ${errorText(e)}\n`);
          status = 1;
          return sum;
        }
        for (const name of names) {
          if (isDotOrDotDot(name)) continue;
          sum += await du(joinPath(path, name), depth + 1);
        }
      } else if (!on.has('a') && depth !== 0) return sum;
      if (depth <= maxDepth) await print(sum, path);
      return sum;
    };

    let total = 0;
    const saved = linkDepth;
    for (const file of files) {
      total += await du(file, 0);
      linkDepth = saved;
    }
    if (on.has('c')) await print(total, 'total');
    return status;
  },
);
