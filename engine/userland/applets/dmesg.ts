/**
 * dmesg [-cr] [-n LEVEL] [-s SIZE]: the kernel's message buffer, read with
 * syslog(2). The emulated kernel keeps no such log and refuses the call, as
 * Docker's default seccomp profile does in every container: dmesg reports
 * "klogctl: Operation not permitted" rather than inventing boot messages.
 */
import { applet, fail } from '../lib/applet.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { xatoulRangeSfx } from '../lib/system-format.ts';

export default applet(
  'Usage: dmesg [-cr] [-n LEVEL] [-s SIZE]\n\nPrint or control the kernel ring buffer\n\n\t-c\t\tClear ring buffer after printing\n\t-n LEVEL\tSet console logging level\n\t-s SIZE\t\tBuffer size\n\t-r\t\tPrint raw message buffer',
  async (ctx) => {
    const o = await parseOptions(ctx, 'cs:n:r');
    for (const opt of ['s', 'n']) if (o.has(opt)) xatoulRangeSfx(o.value(opt)!, 0, 2147483647);
    return fail('klogctl: Operation not permitted');
  },
);
