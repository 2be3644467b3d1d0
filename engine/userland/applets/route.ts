/**
 * route [-ne] [-A inet[6]] [{add|del} [-net|-host] TARGET [netmask MASK]
 *       [gw GATEWAY] [metric N] [mss BYTES] [window BYTES] [reject] [IFACE]]
 *
 * Busybox's net-tools route (networking/route.c): the main routing table
 * in /proc/net/route's columns, or a route added or deleted. Busybox uses
 * the SIOCADDRT/SIOCDELRT ioctls, so refusals read "route: ioctl 0x890b
 * failed: Operation not permitted". `displayRoutes` also serves netstat -r.
 */
import { strerror, type Errno } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { applet, fail } from '../lib/applet.ts';
import { hostName } from '../lib/net-names.ts';
import { configure, ipv4ToNumber, maskOf, numberToIpv4, prefixOfMask, type RouteInfo } from '../lib/net-links.ts';
import { inetAton } from '../lib/net-socket.ts';
import { getoptLong } from '../lib/system-getopt.ts';
import { xatoulRangeSfx } from '../lib/system-format.ts';

const USAGE = `Usage: route [-ne] [-A inet[6]] [{add|del} [-net|-host] TARGET [netmask MASK]
	[gw GATEWAY] [metric N] [mss BYTES] [window BYTES] [reject] [IFACE]]

Show or edit kernel routing tables

	-n	Don't resolve names
	-e	Display other/more information
	-A inet[6]	Select address family`;

const cut15 = (s: string) => s.slice(0, 15).padEnd(15);

/** bb_displayroutes: the table; `netstatFormat` gives the MSS/Window/irtt columns. */
export async function displayRoutes(sys: Sys, numeric: boolean, netstatFormat: boolean): Promise<string> {
  let out = `Kernel IP routing table\nDestination     Gateway         Genmask         Flags ${netstatFormat ? '  MSS Window  irtt' : 'Metric Ref    Use'} Iface\n`;
  const info = sys.netInfo();
  const up = new Set(info.interfaces.filter((i) => i.up).map((i) => i.name));
  const routes = info.routes.filter((r) => up.has(r.device)).sort((a, b) => dst(a) - dst(b) || b.prefix - a.prefix);
  for (const r of routes) {
    const mask = maskOf(r.prefix);
    const dest = r.prefix === 0 ? '0.0.0.0' : r.destination;
    const name = async (address: string, isDest: boolean) => {
      if (numeric) return address;
      if (address === '0.0.0.0') return isDest ? 'default' : '*';
      const isHost = !isDest || (ipv4ToNumber(address) & ~ipv4ToNumber(mask)) >>> 0 !== 0;
      return (isHost && (await hostName(sys, address))) || address;
    };
    const flags = `U${r.gateway ? 'G' : ''}${r.prefix === 32 ? 'H' : ''}`;
    out += `${cut15(await name(dest, true))} ${cut15(await name(r.gateway ?? '0.0.0.0', false))} ${mask.padEnd(16)}${flags.padEnd(6)}`;
    out += netstatFormat ? `${'0'.padStart(5)} ${'0'.padEnd(5)} ${'0'.padStart(6)} ${r.device}\n` : `${'0'.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.device}\n`;
  }
  return out;
}

const dst = (r: RouteInfo) => (r.prefix === 0 ? 0 : ipv4ToNumber(r.destination));

/** INET_resolve: "default", a dotted address (a host), or a name; and whether it names a network. */
function resolve(text: string): { address: string; isNet: boolean } | undefined {
  if (text === 'default') return { address: '0.0.0.0', isNet: true };
  const a = inetAton(text);
  return a === undefined ? undefined : { address: a, isNet: false };
}

async function setRoute(sys: Sys, add: boolean, args: string[], usage: () => Promise<never>): Promise<void> {
  let i = 0;
  let xflag: 'net' | 'host' | undefined;
  if (args[i] === '#net' || args[i] === '#host') xflag = args[i++] === '#net' ? 'net' : 'host';
  const target = args[i++];
  if (target === undefined) return usage();
  let prefix: number | undefined;
  let targetAddr = target;
  const slash = target.indexOf('/');
  if (slash >= 0) {
    prefix = xatoulRangeSfx(target.slice(slash + 1), 0, 32);
    targetAddr = target.slice(0, slash);
  }
  const t = resolve(targetAddr);
  if (!t) fail(`resolving ${target}`);
  let isNet = xflag ? xflag === 'net' : t!.isNet;
  let gateway: string | undefined;
  let dev: string | undefined;
  while (i < args.length) {
    const k = args[i++]!;
    if (['reject', 'mod', 'dyn', 'reinstate'].includes(k)) continue;
    if (['metric', 'netmask', 'gw', 'mss', 'window', 'irtt', 'device', 'dev'].includes(k)) {
      const v = args[i++];
      if (v === undefined) return usage();
      if (k === 'netmask') {
        if (prefix !== undefined) return usage();
        const m = resolve(v);
        if (!m) fail(`resolving ${v}`);
        const p = prefixOfMask(m!.address);
        if (p === undefined) fail(`bogus netmask ${v}`);
        prefix = p;
      } else if (k === 'gw') {
        if (gateway) return usage();
        const g = resolve(v);
        if (!g) fail(`resolving ${v}`);
        if (g!.isNet) fail(`gateway ${v} is a NETWORK`);
        gateway = g!.address;
      } else if (k === 'device' || k === 'dev') {
        if (dev) return usage();
        dev = v;
      } else if (k === 'mss') xatoulRangeSfx(v, 64, 32768);
      else if (k === 'window') xatoulRangeSfx(v, 128, 2147483647);
      else xatoulRangeSfx(v, 0, Number.MAX_SAFE_INTEGER);
      continue;
    }
    // A device can come last without "dev".
    if (!dev && i === args.length) {
      dev = k;
      continue;
    }
    return usage();
  }
  if (prefix !== undefined && prefix < 32) {
    if (!isNet) fail(`netmask ${(~(0xffffffff << (32 - prefix)) >>> 0).toString(16).padStart(8, '0')} and host route conflict`);
    if ((ipv4ToNumber(t!.address) & ~(0xffffffff << (32 - prefix))) >>> 0 !== 0 && prefix > 0) fail('netmask and route address conflict');
  }
  if (!isNet) prefix = 32;
  if (prefix === undefined) prefix = t!.address === '0.0.0.0' ? 0 : 32;
  isNet = prefix < 32;
  const destination = prefix === 0 ? 'default' : numberToIpv4((ipv4ToNumber(t!.address) & (prefix === 0 ? 0 : 0xffffffff << (32 - prefix))) >>> 0);
  const req = add ? 0x890b : 0x890c;
  const die = (code: Errno) => fail(`ioctl 0x${req.toString(16)} failed: ${strerror(code)}`);
  if (dev !== undefined && !sys.netInfo().interfaces.some((l) => l.name === dev)) die('ENODEV');
  const code = add ? configure(sys, { op: 'route-add', destination, prefix, gateway, device: dev }) : configure(sys, { op: 'route-del', destination, prefix });
  if (code) die(code);
}

export default applet(USAGE, async (ctx) => {
  const { sys } = ctx;
  // "-net" and "-host" would read as options: busybox hides them from getopt first.
  const argv = sys.argv.map((a, i) => (i > 0 && (a === '-net' || a === '-host') ? `#${a.slice(1)}` : a));
  const r = getoptLong(argv, 'A:ne');
  const usage = async (): Promise<never> => {
    if ('error' in r) await ctx.err.write(`route: ${r.error}\n`);
    await ctx.usage();
    return fail('', 1);
  };
  if ('error' in r) return usage();
  if (r.has('A') && r.value('A') !== 'inet') {
    if (r.value('A') === 'inet6') fail(`can't open '/proc/net/ipv6_route': ${strerror('ENOENT')}`);
    return usage();
  }
  if (r.operands.length === 0) {
    await ctx.out.write(await displayRoutes(sys, r.has('n'), r.has('e')));
    return 0;
  }
  const verb = r.operands[0]!;
  if (!['add', 'del', 'delete'].includes(verb) || r.operands.length < 2) return usage();
  await setRoute(sys, verb === 'add', r.operands.slice(1), usage);
  return 0;
});
