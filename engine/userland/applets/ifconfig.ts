/**
 * ifconfig [-a] [IFACE] [ADDRESS] … — busybox's net-tools ifconfig
 * (networking/ifconfig.c, interface.c): without arguments the interfaces
 * that are up, sorted by name, in the old net-tools layout
 *
 *     eth0      Link encap:Ethernet  HWaddr 02:42:AC:11:00:02
 *               inet addr:172.17.0.2  Bcast:172.17.255.255  Mask:255.255.0.0
 *               UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1
 *               …
 *
 * and with them, changes: an address (and netmask), up, down. Busybox makes
 * those with ioctls, so a refusal reads "ifconfig: SIOCSIFADDR: Operation
 * not permitted" or "ifconfig: ioctl 0x8914 failed: …".
 */
import { strerror, type Errno } from '../../fs/errno.ts';
import type { NetInfo, Sys } from '../../kernel/sys.ts';
import { applet, fail } from '../lib/applet.ts';
import { hostAddress } from '../lib/net-names.ts';
import { configure, IFF, linkFlags, maskOf, prefixOfMask, txQueueLen, type Link } from '../lib/net-links.ts';

const USAGE = `Usage: ifconfig [-a] [IFACE] [ADDRESS]

Configure a network interface

	[add ADDRESS[/PREFIXLEN]]
	[del ADDRESS[/PREFIXLEN]]
	[[-]broadcast [ADDRESS]] [[-]pointopoint [ADDRESS]]
	[netmask ADDRESS] [dstaddr ADDRESS]
	[outfill NN] [keepalive NN]
	[hw ether|infiniband ADDRESS] [metric NN] [mtu NN]
	[[-]trailers] [[-]arp] [[-]allmulti]
	[multicast] [[-]promisc] [txqueuelen NN] [[-]dynamic]
	[mem_start NN] [io_addr NN] [irq NN]
	[up|down] ...`;

/** print_bytes_scaled: "12345 (12.0 KiB)". */
function bytesScaled(n: number): string {
  let int = n;
  let frac = 0;
  let ext = '';
  for (const e of ['Ki', 'Mi', 'Gi', 'Ti']) {
    if (int < 1024) break;
    frac = Math.floor(((int % 1024) * 10) / 1024);
    int = Math.floor(int / 1024);
    ext = e;
  }
  return `${n} (${int}.${frac} ${ext}B)`;
}

function ifePrint(l: Link): string {
  const flags = linkFlags(l);
  let s = `${l.name.padEnd(9)} Link encap:${l.kind === 'loopback' ? 'Local Loopback' : 'Ethernet'}  `;
  if (l.kind !== 'loopback') s += `HWaddr ${l.mac.toUpperCase()}  `;
  s += '\n';
  const v4 = l.addresses.find((a) => a.family === 'inet');
  if (v4) {
    s += `          inet addr:${v4.address} `;
    if (flags & IFF.BROADCAST) s += ` Bcast:${v4.broadcast ?? '0.0.0.0'} `;
    s += ` Mask:${maskOf(v4.prefix)}\n`;
  }
  for (const a of l.addresses.filter((x) => x.family === 'inet6')) {
    const scope = a.address === '::1' ? 'Host' : a.address.toLowerCase().startsWith('fe80') ? 'Link' : 'Global';
    s += `          inet6 addr: ${a.address}/${a.prefix} Scope:${scope}\n`;
  }
  const names: [number, string][] = [
    [IFF.UP, 'UP'],
    [IFF.BROADCAST, 'BROADCAST'],
    [IFF.LOOPBACK, 'LOOPBACK'],
    [IFF.POINTOPOINT, 'POINTOPOINT'],
    [IFF.RUNNING, 'RUNNING'],
    [IFF.NOARP, 'NOARP'],
    [IFF.MULTICAST, 'MULTICAST'],
  ];
  s += '          ' + names.map(([bit, name]) => (flags & bit ? `${name} ` : '')).join('');
  s += ` MTU:${l.mtu}  Metric:1\n`;
  const st = l.stats;
  s += `          RX packets:${st.rxPackets} errors:0 dropped:0 overruns:0 frame:0\n`;
  s += `          TX packets:${st.txPackets} errors:0 dropped:0 overruns:0 carrier:0\n`;
  s += `          collisions:0 txqueuelen:${txQueueLen(l)} \n`;
  s += `          RX bytes:${bytesScaled(st.rxBytes)}  TX bytes:${bytesScaled(st.txBytes)}\n\n`;
  return s;
}

async function display(sys: Sys, name: string | undefined, all: boolean): Promise<string> {
  const info = sys.netInfo();
  if (name !== undefined) {
    const l = info.interfaces.find((i) => i.name === name);
    if (!l) fail(`${name}: error fetching interface information: Device not found`);
    return ifePrint(l!);
  }
  return [...info.interfaces]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .filter((l) => l.up || all)
    .map(ifePrint)
    .join('');
}

const ioctlFail = (req: number, code: Errno) => fail(`ioctl 0x${req.toString(16)} failed: ${strerror(code)}`);

async function setup(sys: Sys, args: string[], usage: () => Promise<never>): Promise<void> {
  const name = args[0]!;
  const info: NetInfo = sys.netInfo();
  const link = info.interfaces.find((i) => i.name === name);
  let address: string | undefined;
  let prefix: number | undefined;
  let updown: 'up' | 'down' | undefined;
  const ARG1 = new Set(['netmask', 'broadcast', 'dstaddr', 'pointopoint', 'metric', 'mtu', 'txqueuelen', 'hw', 'outfill', 'keepalive', 'mem_start', 'io_addr', 'irq', 'add', 'del']);
  const FLAGS = new Set(['arp', 'trailers', 'promisc', 'multicast', 'allmulti', 'dynamic']);
  for (let i = 1; i < args.length; i++) {
    let a = args[i]!;
    const minus = a.startsWith('-');
    if (minus) a = a.slice(1);
    if (a === 'up' || a === 'down') {
      if (minus) fail(`bad: '-${a}'`);
      updown = a;
    } else if (FLAGS.has(a)) continue;
    else if (ARG1.has(a)) {
      let v = args[++i];
      if (a === 'hw') v = args[++i];
      if (v === undefined) {
        if (a === 'broadcast') continue;
        await usage();
      }
      if (a === 'netmask') {
        const m = await hostAddress(sys, v!);
        if ('error' in m) fail(`bad address '${v}'`);
        prefix = prefixOfMask((m as { address: string }).address);
        if (prefix === undefined) fail(`SIOCSIFNETMASK: ${strerror('EINVAL')}`);
      } else if (a !== 'broadcast' && a !== 'add' && a !== 'del' && !link) {
        fail(`SIOC${a === 'mtu' ? 'SIFMTU' : 'SIF' + a.toUpperCase()}: ${strerror('ENODEV')}`);
      }
    } else {
      if (a === 'inet') continue;
      const r = a === 'default' ? { address: '0.0.0.0' } : await hostAddress(sys, a);
      if ('error' in r) fail(`bad address '${a}'`);
      address = (r as { address: string }).address;
    }
  }
  if (address !== undefined) {
    if (!link) fail(`SIOCSIFADDR: ${strerror('ENODEV')}`);
    // SIOCSIFADDR replaces the primary address; the mask is the class's unless given.
    const old = link!.addresses.find((x) => x.family === 'inet');
    const first = Number(address.split('.')[0]);
    const p = prefix ?? old?.prefix ?? (first < 128 ? 8 : first < 192 ? 16 : 24);
    if (old && old.address === address && old.prefix === p) {
      // nothing to change
    } else {
      if (old) {
        const code = configure(sys, { op: 'addr-del', device: name, address: old.address, prefix: old.prefix });
        if (code) fail(`SIOCSIFADDR: ${strerror(code)}`);
      }
      if (address !== '0.0.0.0') {
        const code = configure(sys, { op: 'addr-add', device: name, address, prefix: p });
        if (code) fail(`SIOCSIFADDR: ${strerror(code)}`);
      }
    }
  } else if (prefix !== undefined) {
    const old = link?.addresses.find((x) => x.family === 'inet');
    if (!old) fail(`SIOCSIFNETMASK: ${strerror('EADDRNOTAVAIL')}`);
    const code = configure(sys, { op: 'addr-del', device: name, address: old!.address, prefix: old!.prefix }) ?? configure(sys, { op: 'addr-add', device: name, address: old!.address, prefix });
    if (code) fail(`SIOCSIFNETMASK: ${strerror(code)}`);
  }
  if (updown) {
    if (!link) ioctlFail(0x8913, 'ENODEV');
    const code = configure(sys, { op: updown === 'up' ? 'link-up' : 'link-down', device: name });
    if (code) ioctlFail(0x8914, code);
  } else if (address !== undefined) {
    // An address comes with IFF_UP (busybox's table sets it for the hostname argument).
    if (!link!.up) configure(sys, { op: 'link-up', device: name });
  }
}

export default applet(USAGE, async (ctx) => {
  const { sys, out } = ctx;
  let args = ctx.args;
  let all = false;
  if (args[0] === '-a') {
    all = true;
    args = args.slice(1);
  }
  if (args.length <= 1) {
    await out.write(await display(sys, args[0], all));
    return 0;
  }
  await setup(sys, args, async () => {
    await ctx.usage();
    return fail('', 1);
  });
  return 0;
});
