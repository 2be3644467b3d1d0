/**
 * pidof [-s] [-o PID] [NAME]...: the pids of the processes called NAME, by
 * their name, argv[0] or executable, newest first; -s only one; -o leaves a
 * pid out (%PPID: the caller's). Exit 1 if none was found.
 */
import { applet } from '../lib/applet.ts';
import { xatoul } from '../lib/system-format.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { findPidsByName } from '../lib/system-proc.ts';

export default applet(
  'Usage: pidof [-s] [-o PID] [NAME]...\n\nList PIDs of all processes with names that match NAMEs\n\n\t-s\tShow only one PID\n\t-o PID\tOmit given pid\n\t\tUse %PPID to omit pid of pidof\'s parent',
  async (ctx) => {
    const { sys, out } = ctx;
    const o = await parseOptions(ctx, 'so:');
    const omits = o.values('o').map((v) => (v === '%PPID' ? String(sys.ppid) : v));
    let first = true;
    let line = '';
    for (const name of o.operands) {
      const pids = (await findPidsByName(sys, name)).reverse();
      for (const pid of pids) {
        if (omits.some((v) => xatoul(v) === pid)) continue;
        line += (first ? '' : ' ') + pid;
        first = false;
        if (o.has('s')) break;
      }
    }
    if (!first) await out.write(line + '\n');
    return first ? 1 : 0;
  },
);
