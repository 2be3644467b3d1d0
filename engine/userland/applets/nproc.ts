/**
 * nproc [--all] [--ignore=N]: how many CPUs this process may run on (its
 * affinity, from /proc/self/status), or with --all how many are installed
 * (the cpuN entries of /sys/devices/system/cpu). Never less than 1.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import { applet } from '../lib/applet.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { readFile } from '../lib/io.ts';
import { xatoulRangeSfx } from '../lib/system-format.ts';

export default applet('Usage: nproc [--all] [--ignore=N]\n\nPrint number of available CPUs\n\n\t--all\t\tNumber of installed CPUs\n\t--ignore=N\tExclude N CPUs', async (ctx) => {
  const { sys } = ctx;
  const o = await parseOptions(ctx, '\u00fe:\u00ff', { ignore: ['\u00fe', 1], all: ['\u00ff', 0] });
  const ignore = o.has('\u00fe') ? xatoulRangeSfx(o.value('\u00fe')!, 0, 2147483647) : 0;
  let count = 0;
  try {
    if (o.has('\u00ff')) {
      count = sys.readdir('/sys/devices/system/cpu').filter((n) => n.includes('cpu') && /\d$/.test(n.slice(n.indexOf('cpu')))).length;
    } else {
      const status = fromUtf8(await readFile(sys, '/proc/self/status'));
      const list = /^Cpus_allowed_list:\s*(.*)$/m.exec(status)?.[1] ?? '';
      for (const part of list.split(',')) {
        const [a, b] = part.split('-').map(Number);
        if (a === undefined || Number.isNaN(a)) continue;
        count += b === undefined ? 1 : b - a + 1;
      }
    }
  } catch (err) {
    if (isProcessControl(err)) throw err;
  }
  count -= ignore;
  if (count <= 0) count = 1;
  await ctx.out.write(`${count}\n`);
  return 0;
});
