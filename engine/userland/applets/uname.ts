/**
 * uname [-amnrspvio]: system information from uname(2). Without options,
 * the kernel's name. As on alpine, -o says "Linux" and -p/-i "unknown"
 * (omitted from -a).
 */
import { applet } from '../lib/applet.ts';
import { parseOptions, type LongOptions } from '../lib/system-getopt.ts';

const LONG: LongOptions = {
  all: ['a', 0],
  'kernel-name': ['s', 0],
  nodename: ['n', 0],
  'kernel-release': ['r', 0],
  release: ['r', 0],
  'kernel-version': ['v', 0],
  machine: ['m', 0],
  processor: ['p', 0],
  'hardware-platform': ['i', 0],
  'operating-system': ['o', 0],
};

export default applet(
  'Usage: uname [-amnrspvio]\n\nPrint system information\n\n\t-a\tPrint all\n\t-m\tMachine (hardware) type\n\t-n\tHostname\n\t-r\tKernel release\n\t-s\tKernel name (default)\n\t-p\tProcessor type\n\t-v\tKernel version\n\t-i\tHardware platform\n\t-o\tOS name',
  async (ctx) => {
    const o = await parseOptions(ctx, 'snrvmpioa', LONG);
    if (o.operands.length > 0) {
      await ctx.usage();
      return 1;
    }
    const u = ctx.sys.uname();
    const all = o.has('a');
    const unknown = all ? '' : 'unknown';
    const fields: [string, string][] = [
      ['s', u.sysname],
      ['n', u.nodename],
      ['r', u.release],
      ['v', u.version],
      ['m', u.machine],
      ['p', unknown],
      ['i', unknown],
      ['o', 'Linux'],
    ];
    let wanted = fields.filter(([f]) => all || o.has(f));
    if (wanted.length === 0) wanted = [fields[0]!];
    const shown = wanted.map(([, v]) => v).filter((v) => v !== '');
    await ctx.out.write(shown.join(' ') + '\n');
    return 0;
  },
);
