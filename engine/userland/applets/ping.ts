/**
 * ping [OPTIONS] HOST (and ping6): busybox's "fancy" ping (networking/ping.c).
 *
 *     PING web (172.17.0.2): 56 data bytes
 *     64 bytes from 172.17.0.2: seq=0 ttl=64 time=0.071 ms
 *
 *     --- web ping statistics ---
 *     1 packets transmitted, 1 packets received, 0% packet loss
 *     round-trip min/avg/max = 0.071/0.071/0.071 ms
 *
 * Echo requests go out through the kernel's sys.ping, one per interval
 * (-i, default 1s); -c stops after that many replies, -w at a deadline, -W
 * is how long the last request may wait when nothing has answered yet.
 * ^C prints the statistics. Busybox opens a raw socket, so it needs root
 * (CAP_NET_RAW), as in a container. The exit status is 1 when nothing came
 * back (or, with -w, fewer than -c).
 *
 * Berth's network is IPv4 only: ping6 and -6 find no IPv6 address to use.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { SIGINT } from '../../kernel/signals.ts';
import type { Sys } from '../../kernel/sys.ts';
import { applet, BUSYBOX_BANNER, fail, type AppletContext } from '../lib/applet.ts';
import { hostAddress } from '../lib/net-names.ts';
import { errnoOf, inetAton, readText } from '../lib/net-socket.ts';
import { parseDuration, xatoulRangeSfx } from '../lib/system-format.ts';
import { getoptLong } from '../lib/system-getopt.ts';

const OPTIONS = `	-c CNT		Send only CNT pings
	-s SIZE		Send SIZE data bytes in packets (default 56)
	-i SECS		Interval
	-A		Ping as soon as reply is received
	-t TTL		Set TTL
	-I IFACE/IP	Source interface or IP address
	-W SEC		Seconds to wait for the first response (default 10)
			(after all -c CNT packets are sent)
	-w SEC		Seconds until ping exits (default:infinite)
			(can exit earlier with -c CNT)
	-q		Quiet, only display output at start/finish
	-p HEXBYTE	Payload pattern`;

const PING_USAGE = `Usage: ping [OPTIONS] HOST

Send ICMP ECHO_REQUESTs to HOST

	-4,-6		Force IP or IPv6 name resolution
${OPTIONS}`;

const PING6_USAGE = `Usage: ping6 [OPTIONS] HOST

Send ICMP ECHO_REQUESTs to HOST

${OPTIONS.replace('\t-t TTL\t\tSet TTL\n', '')}`;

/** CAP_NET_RAW in /proc/self/status, which a raw socket needs. */
async function canOpenRawSocket(sys: Sys): Promise<boolean> {
  const status = await readText(sys, '/proc/self/status');
  const eff = /^CapEff:\s*([0-9a-f]+)/m.exec(status ?? '');
  if (!eff) return sys.geteuid() === 0;
  return (BigInt(`0x${eff[1]}`) & (1n << 13n)) !== 0n;
}

const fmtUs = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

class Stats {
  transmitted = 0;
  received = 0;
  tmin = Infinity;
  tmax = 0;
  tsum = 0;
}

async function ping(ctx: AppletContext, v6: boolean): Promise<number> {
  const { sys, out } = ctx;
  const r = getoptLong(sys.argv, 'qvAc:s:t:w:W:I:np:i:46');
  const usage = async () => {
    if ('error' in r) await ctx.err.write(`${ctx.name}: ${r.error}\n`);
    await ctx.usage();
    return 1;
  };
  if ('error' in r || r.operands.length !== 1 || (r.has('q') && r.has('v'))) return usage();
  const num = (o: string, max = 2147483647) => xatoulRangeSfx(r.value(o)!, 0, max);
  const count = r.has('c') ? num('c') : 0;
  const datalen = r.has('s') ? num('s', 65535) : 56;
  if (r.has('t')) num('t');
  const deadlineSec = r.has('w') ? num('w') : 0;
  const waitSec = r.has('W') ? num('W') : 10;
  if (r.has('p')) {
    const p = r.value('p')!;
    if (!/^[0-9a-fA-F]+$/.test(p) || parseInt(p, 16) > 255) fail(/^[0-9a-fA-F]+$/.test(p) ? `number ${p} is not in 0..255 range` : `invalid number '${p}'`);
  }
  const start = sys.now();
  const deadline = deadlineSec ? start + deadlineSec * 1000 : 0;
  const intervalMs =
    parseDuration(r.value('i') ?? '1', () => {
      throw new FsError('EINVAL', 'ping');
    }) * 1000;
  const quiet = r.has('q');
  const host = r.operands[0]!;
  let source: string | undefined;
  if (r.has('I')) {
    const dev = r.value('I')!;
    if (!sys.netInfo().interfaces.some((i) => i.name === dev)) {
      source = inetAton(dev);
      if (source === undefined) fail(`bad address '${dev}'`);
    }
  }

  const family6 = v6 || (r.has('6') && !(r.has('4') && sys.argv.lastIndexOf('-4') > sys.argv.lastIndexOf('-6')));
  let address: string;
  if (family6) {
    // No IPv6 in Berth: a literal gets as far as the socket, a name finds nothing.
    if (!host.includes(':')) fail(`bad address '${host}'`);
    await out.write(`PING ${host} (${host}): ${datalen} data bytes\n`);
    await out.flush();
    return fail(`can't create raw socket: ${strerror('EAFNOSUPPORT')}`);
  } else {
    const a = await hostAddress(sys, host);
    if ('error' in a) fail(`bad address '${host}'`);
    address = (a as { address: string }).address;
  }
  await out.write(`PING ${host} (${address})${source ? ` from ${source}` : ''}: ${datalen} data bytes\n`);
  if (!(await canOpenRawSocket(sys))) fail('permission denied (are you root?)');

  const st = new Stats();
  let interrupted = false;
  sys.signal(SIGINT, () => {
    interrupted = true;
  });
  const statistics = async (): Promise<number> => {
    sys.signal(SIGINT, 'ignore');
    const loss = st.transmitted ? Math.floor(((st.transmitted - st.received) * 100) / st.transmitted) : 0;
    let text = `\n--- ${host} ping statistics ---\n${st.transmitted} packets transmitted, ${st.received} packets received, ${loss}% packet loss\n`;
    if (st.tmin !== Infinity) text += `round-trip min/avg/max = ${fmtUs(st.tmin)}/${fmtUs(Math.floor(st.tsum / st.received))}/${fmtUs(st.tmax)} ms\n`;
    await out.write(text);
    return st.received === 0 || (deadline && st.received < count) ? 1 : 0;
  };

  /** sleep(2) that a ^C cuts short. */
  const pause = async (ms: number) => {
    if (ms <= 0 || interrupted) return;
    try {
      await sys.sleep(ms);
    } catch (err) {
      if (errnoOf(err) !== 'EINTR') throw err;
    }
  };

  for (;;) {
    if (interrupted) return statistics();
    if (deadline && sys.now() >= deadline) return statistics();
    const seq = st.transmitted++;
    const sentAt = sys.now();
    const last = count !== 0 && st.transmitted >= count;
    // After the last request: -W seconds if nothing has answered yet, else about two round trips (at least 1s).
    const waitMs = last ? (st.received ? Math.max(1, Math.floor(st.tmax / (512 * 1024))) : waitSec) * 1000 : intervalMs;
    let reply: Awaited<ReturnType<Sys['ping']>> = null;
    try {
      reply = await sys.ping(address, Math.max(1, waitMs));
    } catch (err) {
      const code = errnoOf(err);
      if (code === 'EINTR') return statistics();
      await out.flush();
      return fail(`sendto: ${strerror(code)}`);
    }
    if (reply) {
      const us = Math.max(1, Math.round(reply.timeMs * 1000));
      st.received++;
      if (datalen >= 4) {
        // The send time travels in the payload: too small a payload, no round-trip time.
        st.tsum += us;
        st.tmin = Math.min(st.tmin, us);
        st.tmax = Math.max(st.tmax, us);
      }
      if (!quiet) {
        const size = datalen + 8;
        await out.write(`${size} bytes from ${reply.from}: seq=${seq} ttl=${reply.ttl}${datalen >= 4 ? ` time=${fmtUs(us)} ms` : ''}\n`);
        await out.flush();
      }
      if (count && st.received >= count) return statistics();
      if (r.has('A') && !last) continue;
      await pause(waitMs - (sys.now() - sentAt));
    }
    if (last) return statistics();
  }
}

export default applet(PING_USAGE, async (ctx) => {
  if (ctx.name === 'ping6') {
    // ping6 has its own usage text.
    const usage = ctx.usage;
    ctx.usage = async () => {
      await ctx.err.write(`${BUSYBOX_BANNER}\n\n${PING6_USAGE}\n`);
      void usage;
    };
  }
  return ping(ctx, ctx.name === 'ping6');
});
