/**
 * uptime [-s]: the time, how long the machine has been up and its load
 * averages (from /proc/uptime and /proc/loadavg); -s: when it booted.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { applet } from '../lib/applet.ts';
import { readFile } from '../lib/io.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { localTime, timeZone } from '../lib/system-time.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');

export default applet('Usage: uptime\n\nDisplay the time since the last boot', async (ctx) => {
  const { sys, out } = ctx;
  const o = await parseOptions(ctx, 's');
  const now = Math.floor(sys.now() / 1000);
  // sysinfo rounds the uptime up to whole seconds
  const up = Math.ceil(Number(fromUtf8(await readFile(sys, '/proc/uptime')).split(' ')[0]));
  const zone = timeZone(sys.env);
  if (o.has('s')) {
    const tm = localTime(now - up, zone);
    await out.write(`${String(tm.year + 1900).padStart(4, '0')}-${pad2(tm.mon + 1)}-${pad2(tm.mday)} ${pad2(tm.hour)}:${pad2(tm.min)}:${pad2(tm.sec)}\n`);
    return 0;
  }
  const tm = localTime(now, zone);
  let line = ` ${pad2(tm.hour)}:${pad2(tm.min)}:${pad2(tm.sec)} up `;
  const days = Math.floor(up / 86400);
  if (days !== 0) line += `${days} day${days !== 1 ? 's' : ''}, `;
  const minutes = Math.floor(up / 60);
  const hours = Math.floor(minutes / 60) % 24;
  if (hours !== 0) line += `${String(hours).padStart(2)}:${pad2(minutes % 60)}`;
  else line += `${minutes % 60} min`;
  const loads = fromUtf8(await readFile(sys, '/proc/loadavg')).split(' ').slice(0, 3);
  line += `,  load average: ${loads.map((l) => Number(l).toFixed(2)).join(', ')}\n`;
  await out.write(line);
  return 0;
});
