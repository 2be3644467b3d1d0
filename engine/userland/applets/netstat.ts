/**
 * netstat [-ral] [-tuwx] [-enWp] — busybox's netstat (networking/netstat.c)
 * over the kernel's socket table (netInfo), which busybox reads from
 * /proc/net/{tcp,udp,raw,unix}:
 *
 *     Active Internet connections (only servers)
 *     Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
 *     tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      1/nginx
 *
 * Without -n, addresses and ports are named (/etc/hosts and DNS, then
 * /etc/services). -p finds each socket's process through /proc/PID/fd, as
 * busybox does: only processes the caller may look into, "-" for others.
 * -r prints the routing table (route's).
 */
import type { NetInfo, Sys } from '../../kernel/sys.ts';
import { applet } from '../lib/applet.ts';
import { hostName, serviceName } from '../lib/net-names.ts';
import { readText } from '../lib/net-socket.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { displayRoutes } from './route.ts';

const USAGE = `Usage: netstat [-ral] [-tuwx] [-enWp]

Display networking information

	-r	Routing table
	-a	All sockets
	-l	Listening sockets
		Else: connected sockets
	-t	TCP sockets
	-u	UDP sockets
	-w	Raw sockets
	-x	Unix sockets
		Else: all socket types
	-e	Other/more information
	-n	Don't resolve names
	-W	Wide display
	-p	Show PID/program name for sockets`;

type SocketRow = NetInfo['sockets'][number] & { inode?: number };

/** inode → "PID/name", from the sockets in /proc/PID/fd (prg_cache_load). */
async function programs(sys: Sys): Promise<Map<number, string>> {
  const map = new Map<number, string>();
  let pids: string[] = [];
  try {
    pids = sys.readdir('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return map;
  }
  for (const pid of pids) {
    const cmdline = await readText(sys, `/proc/${pid}/cmdline`);
    if (cmdline === undefined) continue;
    const argv0 = cmdline.split('\0')[0] ?? '';
    const name = `${pid}/${argv0.slice(argv0.lastIndexOf('/') + 1)}`;
    let fds: string[];
    try {
      fds = sys.readdir(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(sys.readlink(`/proc/${pid}/fd/${fd}`));
        if (m) map.set(Number(m[1]), name);
      } catch {
        // gone, or not ours to see
      }
    }
  }
  return map;
}

export default applet(USAGE, async (ctx) => {
  const { sys, out } = ctx;
  const o = await parseOptions(ctx, 'laentuwxrWp');
  const numeric = o.has('n');
  if (o.has('r')) {
    await out.write(await displayRoutes(sys, numeric, !o.has('e')));
    return 0;
  }
  let listening = false;
  let connected = true;
  if (o.has('l')) [listening, connected] = [true, false];
  if (o.has('a')) [listening, connected] = [true, true];
  const chosen = ['t', 'u', 'w', 'x'].filter((c) => o.has(c));
  const protos = new Set(chosen.length ? chosen : ['t', 'u', 'w', 'x']);
  const width = o.has('W') ? 51 : 23;
  const prg = o.has('p');
  const banner = prg ? 'PID/Program name    ' : '';
  const which = listening && connected ? '(servers and established)' : listening ? '(only servers)' : '(w/o servers)';
  const owners = prg ? await programs(sys) : new Map<number, string>();

  const addr = async (address: string, port: number, protocol: 'tcp' | 'udp') => {
    let host = numeric ? undefined : await hostName(sys, address);
    host ??= address;
    const service = port === 0 ? '*' : (!numeric && (await serviceName(sys, port, protocol))) || String(port);
    return `${host}:${service}`;
  };

  let text = '';
  if (protos.has('t') || protos.has('u') || protos.has('w')) {
    text += `Active Internet connections ${which}\nProto Recv-Q Send-Q ${'Local Address'.padEnd(width)} ${'Foreign Address'.padEnd(width)} State       ${banner}\n`;
    const sockets = sys.netInfo().sockets as SocketRow[];
    const order = (s: SocketRow) => (s.protocol === 'tcp' ? (s.state === 'LISTEN' ? 0 : 1) : 2);
    const rows = sockets.filter((s) => (s.protocol === 'tcp' && protos.has('t')) || (s.protocol === 'udp' && protos.has('u'))).sort((a, b) => order(a) - order(b) || a.local.port - b.local.port);
    for (const s of rows) {
      const remote = s.remote ?? { family: 'inet' as const, address: '0.0.0.0', port: 0 };
      const isConnected = s.protocol === 'tcp' ? remote.port !== 0 : remote.address !== '0.0.0.0';
      if (!(isConnected ? connected : listening)) continue;
      const state = s.protocol === 'udp' ? (isConnected ? 'ESTABLISHED' : '') : s.state;
      text += `${s.protocol}   ${String(s.queued).padStart(6)} ${'0'.padStart(6)} ${(await addr(s.local.address, s.local.port, s.protocol)).padEnd(width)} ${(await addr(remote.address, remote.port, s.protocol)).padEnd(width)} ${state.padEnd(12)}`;
      if (prg) text += (s.inode !== undefined ? owners.get(s.inode) : undefined)?.slice(0, 20) ?? '-';
      text += '\n';
    }
  }
  if (protos.has('x')) {
    // Berth has no UNIX domain sockets: the table is empty.
    text += `Active UNIX domain sockets ${which}\nProto RefCnt Flags       Type       State         I-Node ${banner}Path\n`;
  }
  await out.write(text);
  return 0;
});
