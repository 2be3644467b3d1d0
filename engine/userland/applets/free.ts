/**
 * free [-bkmgh]: memory in use and free, from /proc/meminfo (the kernel's
 * sysinfo figures). In a container this is the whole machine's memory, as
 * it is under Docker: a memory limit does not show here.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { applet } from '../lib/applet.ts';
import { readFile } from '../lib/io.ts';
import { makeHumanReadable } from '../lib/system-format.ts';

export default applet('Usage: free [-bkmgh]\n\nDisplay free and used memory', async (ctx) => {
  const { sys, out } = ctx;
  let unit = 1024;
  const first = ctx.args[0];
  if (first !== undefined && first[0] === '-') {
    const units: Record<string, number> = { b: 1, k: 1024, m: 1 << 20, g: 1 << 30, h: 0 };
    const u = units[first[1] ?? ''];
    if (u === undefined) {
      await ctx.usage();
      return 1;
    }
    unit = u;
  }
  await out.write(`       ${['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('')}\nMem:   `);
  const meminfo = fromUtf8(await readFile(sys, '/proc/meminfo'));
  const kb = (name: string) => {
    const m = new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(meminfo);
    return m ? Number(m[1]) : undefined;
  };
  // sysinfo(2)'s figures, in bytes (mem_unit 1)
  const total = (kb('MemTotal') ?? 0) * 1024;
  const free = (kb('MemFree') ?? 0) * 1024;
  const shared = (kb('Shmem') ?? 0) * 1024;
  const buffers = (kb('Buffers') ?? 0) * 1024;
  const swapTotal = (kb('SwapTotal') ?? 0) * 1024;
  const swapFree = (kb('SwapFree') ?? 0) * 1024;
  const cachedKb = kb('Cached');
  const availableKb = kb('MemAvailable');
  const reclaimableKb = kb('SReclaimable');
  const seenAll = cachedKb !== undefined && availableKb !== undefined && reclaimableKb !== undefined;
  const cached = (cachedKb ?? 0) * 1024 + buffers + (reclaimableKb ?? 0) * 1024;
  const available = (availableKb ?? 0) * 1024;
  const s = (n: number) => makeHumanReadable(n, 1, unit).padStart(12);
  await out.write(s(total) + s(total - cached - free) + s(free) + s(shared) + s(cached) + s(available) + '\n');
  if (!seenAll) await out.write('-/+ buffers/cache: ' + s(total - cached - free) + s(cached + free) + '\n');
  await out.write('Swap:  ' + s(swapTotal) + s(swapTotal - swapFree) + s(swapFree) + '\n');
  return 0;
});
