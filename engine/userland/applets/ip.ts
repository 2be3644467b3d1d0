/**
 * ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS] — busybox's
 * iproute2 (networking/ip.c, libiproute/), and its short forms ipaddr,
 * iplink and iproute.
 *
 * Reading goes through netInfo (what a netlink dump returns), changes
 * through netConfigure (which needs CAP_NET_ADMIN, as netlink does):
 *
 *     ip addr                      2: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP qlen 1000
 *                                      link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff
 *                                      inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0
 *     ip route                     default via 172.17.0.1 dev eth0
 *     ip route get 8.8.8.8         8.8.8.8 via 172.17.0.1 dev eth0  src 172.17.0.2
 *     ip link set eth0 down        (as a user: ip: ioctl 0x8914 failed: Operation not permitted)
 *     ip addr add 10.0.0.1/8 dev eth0   (as a user: ip: RTNETLINK answers: Operation not permitted)
 *
 * Status 2 for a request the kernel refused, 1 for a bad command line.
 */
import { strerror, type Errno } from '../../fs/errno.ts';
import type { NetInfo } from '../../kernel/sys.ts';
import { applet, AppletError, BUSYBOX_BANNER } from '../lib/applet.ts';
import { iproute } from '../lib/net-iproute.ts';
import { configure, findLink, IFF, inSubnet, keyword, linkFlags, nextArg, operState, parsePrefix, qdisc, rtnetlink, txQueueLen, type IpContext, type Link } from '../lib/net-links.ts';

const IP_USAGE = `Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]

OPTIONS := -f[amily] inet|inet6|link | -o[neline]

ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]
ip route list|flush|add|del|change|append|replace|test ROUTE
ip link set IFACE [up|down] [arp on|off] [multicast on|off]
	[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
	[master IFACE | nomaster] [netns PID]
ip tunnel add|change|del|show [NAME]
	[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]
ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]
ip rule [list] | add|del SELECTOR ACTION`;

const IPADDR_USAGE = `Usage: ipaddr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]

ipaddr add|change|replace|delete dev IFACE [CONFFLAG-LIST] IFADDR
	IFADDR := PREFIX | ADDR peer PREFIX [broadcast ADDR|+|-]
		[anycast ADDR] [label STRING] [scope SCOPE]
	PREFIX := ADDR[/MASK]
	SCOPE := [host|link|global|NUMBER]
	CONFFLAG-LIST := [CONFFLAG-LIST] CONFFLAG
	CONFFLAG := [noprefixroute]
ipaddr show|flush [dev IFACE] [scope SCOPE] [to PREFIX] [label PATTERN]`;

const IPLINK_USAGE = `Usage: iplink set IFACE [up|down] [arp on|off] [multicast on|off]
	[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
	[master IFACE | nomaster] [netns PID]
iplink add [link IFACE] IFACE [address MAC] type TYPE [ARGS]
iplink delete IFACE type TYPE [ARGS]
	TYPE ARGS := vlan VLANARGS | vrf table NUM
	VLANARGS := id VLANID [protocol 802.1q|802.1ad] [reorder_hdr on|off]
		[gvrp on|off] [mvrp on|off] [loose_binding on|off]
iplink show [IFACE]`;

const IPROUTE_USAGE = `Usage: iproute list|flush|add|del|change|append|replace|test ROUTE

iproute list|flush SELECTOR
	SELECTOR := [root PREFIX] [match PREFIX] [proto RTPROTO]
	PREFIX := default|ADDR[/MASK]
iproute get ADDR [from ADDR iif IFACE]
	[oif IFACE] [tos TOS]
iproute add|del|change|append|replace|test ROUTE
	ROUTE := NODE_SPEC [INFO_SPEC]
	NODE_SPEC := PREFIX [table TABLE_ID] [proto RTPROTO] [scope SCOPE] [metric METRIC]
	INFO_SPEC := NH OPTIONS
	NH := [via [inet|inet6] ADDR] [dev IFACE] [src ADDR] [onlink]
	OPTIONS := [mtu [lock] NUM] [advmss [lock] NUM]`;

// ---- ip link / ip addr: listing ------------------------------------------------------------

function printLinkFlags(flags: number, mdown: boolean): string {
  const names: string[] = [];
  if (flags & IFF.UP && !(flags & IFF.RUNNING)) names.push('NO-CARRIER');
  const order: [number, string][] = [
    [IFF.LOOPBACK, 'LOOPBACK'],
    [IFF.BROADCAST, 'BROADCAST'],
    [IFF.POINTOPOINT, 'POINTOPOINT'],
    [IFF.MULTICAST, 'MULTICAST'],
    [IFF.NOARP, 'NOARP'],
    [IFF.UP, 'UP'],
    [IFF.LOWER_UP, 'LOWER_UP'],
  ];
  for (const [bit, name] of order) if (flags & bit) names.push(name);
  if (mdown) names.push('M-DOWN');
  return `<${names.join(',')}> `;
}

function linkInfo(ip: IpContext, info: NetInfo, l: Link): string {
  let s = `${l.index}: ${l.name}`;
  let mdown = false;
  if (l.peerIndex !== undefined) {
    // ll_index_to_name: a name only for an index of this namespace.
    const peer = info.interfaces.find((i) => i.index === l.peerIndex);
    s += `@${peer ? peer.name : `if${l.peerIndex}`}: `;
    mdown = !(peer?.up ?? false);
  } else s += ': ';
  s += printLinkFlags(linkFlags(l), mdown);
  s += `mtu ${l.mtu} qdisc ${qdisc(l)} state ${operState(l)} `;
  if (txQueueLen(l)) s += `qlen ${txQueueLen(l)}`;
  if (ip.family === undefined || ip.family === 'link') {
    const sl = ip.oneline ? '\\' : '\n';
    const type = l.kind === 'loopback' ? 'loopback' : 'ether';
    s += `${sl}    link/${type} ${l.mac} brd ${l.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}`;
  }
  return s + '\n';
}

function addrInfo(ip: IpContext, l: Link, a: Link['addresses'][number]): string {
  const sl = ip.oneline ? '\\' : '\n';
  let s = ip.oneline ? `${l.index}: ${l.name}` : '';
  s += a.family === 'inet' ? '    inet ' : '    inet6 ';
  s += `${a.address}/${a.prefix} `;
  if (a.broadcast) s += `brd ${a.broadcast} `;
  s += `scope ${scopeOf(a)} `;
  if (a.family === 'inet') s += l.name;
  s += `${sl}       valid_lft forever preferred_lft forever\n`;
  return s;
}

function scopeOf(a: Link['addresses'][number]): string {
  if (a.family === 'inet') return a.address.startsWith('127.') ? 'host' : 'global';
  if (a.address === '::1') return 'host';
  return a.address.toLowerCase().startsWith('fe80') ? 'link' : 'global';
}

/** Addresses in dump order: IPv4 before IPv6. */
const ordered = (l: Link) => [...l.addresses.filter((a) => a.family === 'inet'), ...l.addresses.filter((a) => a.family === 'inet6')];

async function listAddrOrLinks(ip: IpContext, argv: string[], flush: boolean, linksOnly: boolean): Promise<number> {
  const info = ip.sys.netInfo();
  const family = linksOnly ? 'link' : ip.family;
  let dev: string | undefined;
  let up = false;
  let to: { address: string; prefix: number } | undefined;
  let scope: string | undefined;
  let label: string | undefined;
  if (flush && argv.length === 0) ip.die('"flush" requires an argument');
  if (flush && family === 'link') ip.die("can't flush link addresses");
  const OPTS = ['to', 'scope', 'up', 'label', 'dev'];
  for (let i = 0; i < argv.length; i++) {
    const k = linksOnly ? (argv[i] === 'dev' ? 4 : argv[i] === 'up' ? 2 : -1) : OPTS.indexOf(argv[i]!);
    if (k === 0) to = parsePrefix(ip, nextArg(ip, argv, i++));
    else if (k === 1) scope = nextArg(ip, argv, i++);
    else if (k === 2) up = true;
    else if (k === 3) label = nextArg(ip, argv, i++);
    else {
      if (k === 4) i++;
      const name = argv[i];
      if (name === undefined) ip.die('command line is not complete, try "help"');
      if (dev !== undefined) ip.die(`duplicate "dev": "${name}" is the second value`);
      dev = name;
    }
  }
  if (dev !== undefined) findLink(ip, info, dev, linksOnly ? 2 : 1);
  const matches = (l: Link, a: Link['addresses'][number]) =>
    (family === undefined || a.family === family) &&
    (!to || (a.family === 'inet' && inSubnet(a.address, to.address, to.prefix))) &&
    (scope === undefined || scope === 'all' || scopeOf(a) === scope) &&
    (label === undefined || new RegExp(`^${label.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(l.name));

  if (flush) {
    for (const l of info.interfaces) {
      if (dev !== undefined && l.name !== dev) continue;
      for (const a of ordered(l)) {
        if (a.family !== 'inet' || !matches(l, a)) continue;
        const code = configure(ip.sys, { op: 'addr-del', device: l.name, address: a.address, prefix: a.prefix });
        if (code) ip.die(rtnetlink(code), 2);
      }
    }
    return 0;
  }
  let out = '';
  for (const l of [...info.interfaces].sort((a, b) => a.index - b.index)) {
    if (dev !== undefined && l.name !== dev) continue;
    if (up && !l.up) continue;
    const addrs = family === 'link' ? [] : ordered(l).filter((a) => matches(l, a));
    if (family !== undefined && family !== 'link' && addrs.length === 0) continue;
    if (!(ip.oneline && family !== 'link')) out += linkInfo(ip, info, l);
    for (const a of addrs) out += addrInfo(ip, l, a);
  }
  await ip.print(out);
  return 0;
}

// ---- ip addr add/del ------------------------------------------------------------------------

async function modifyAddr(ip: IpContext, argv: string[], del: boolean): Promise<number> {
  const OPTS = ['peer', 'remote', 'broadcast', 'brd', 'anycast', 'valid_lft', 'preferred_lft', 'scope', 'dev', 'label', 'noprefixroute', 'local'];
  let dev: string | undefined;
  let local: { address: string; prefix: number } | undefined;
  let label: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const k = OPTS.indexOf(argv[i]!);
    if (k >= 0 && k <= 7) {
      nextArg(ip, argv, i++);
    } else if (k === 8) dev = nextArg(ip, argv, i++);
    else if (k === 9) label = nextArg(ip, argv, i++);
    else if (k === 10) continue;
    else {
      if (k === 11) i++;
      const text = argv[i];
      if (text === undefined) ip.die('command line is not complete, try "help"');
      if (local) ip.die(`duplicate "local": "${text}" is the second value`);
      local = parsePrefix(ip, text!);
    }
  }
  if (!dev) ip.die('need "dev IFACE"');
  if (label !== undefined && !label.startsWith(dev!)) ip.die(`"dev" (${dev}) must match "label" (${label})`);
  const info = ip.sys.netInfo();
  findLink(ip, info, dev!);
  if (!local) {
    if (del) {
      // "ip addr del dev X": the first address goes.
      const first = info.interfaces.find((i) => i.name === dev)!.addresses.find((a) => a.family === 'inet');
      if (!first) ip.die(rtnetlink('EADDRNOTAVAIL'), 2);
      local = first;
    } else ip.die(rtnetlink('EINVAL'), 2);
  }
  const code = configure(ip.sys, { op: del ? 'addr-del' : 'addr-add', device: dev!, address: local!.address, prefix: local!.prefix });
  if (code) ip.die(rtnetlink(code), 2);
  return 0;
}

async function doAddr(ip: IpContext, argv: string[]): Promise<number> {
  const CMDS = ['add', 'change', 'chg', 'replace', 'delete', 'list', 'show', 'lst', 'flush'];
  let cmd = 6;
  if (argv.length > 0) {
    cmd = keyword(CMDS, argv[0]!);
    if (cmd < 0) ip.die(`invalid argument '${argv[0]}' to '${ip.ctx.name}'`);
    argv = argv.slice(1);
    if (cmd <= 4) return modifyAddr(ip, argv, cmd === 4);
  }
  return listAddrOrLinks(ip, argv, cmd === 8, false);
}

// ---- ip link --------------------------------------------------------------------------------

async function linkSet(ip: IpContext, argv: string[]): Promise<number> {
  const KEYS = ['up', 'down', 'name', 'mtu', 'qlen', 'multicast', 'arp', 'promisc', 'address', 'netns', 'master', 'nomaster', 'dev'];
  let dev: string | undefined;
  let updown: 'up' | 'down' | undefined;
  const unsupported: [string, number][] = [];
  for (let i = 0; i < argv.length; i++) {
    let k = keyword(KEYS, argv[i]!);
    if (k < 0) k = 99;
    if (k === 0 || k === 1) updown = k === 0 ? 'up' : 'down';
    else if (k === 2) unsupported.push([nextArg(ip, argv, i++), 0x8923]);
    else if (k === 3) {
      const v = nextArg(ip, argv, i++);
      if (!/^\d+$/.test(v)) ip.die(`invalid argument '${v}' to 'mtu'`, 2);
      unsupported.push([v, 0x8922]);
    } else if (k === 4) unsupported.push([nextArg(ip, argv, i++), 0x8943]);
    else if (k >= 5 && k <= 7) {
      const v = nextArg(ip, argv, i++);
      if (v !== 'on' && v !== 'off') ip.die(`argument of "${KEYS[k]}" must be "on" or "off"`, 2);
    } else if (k === 8) unsupported.push([nextArg(ip, argv, i++), 0x8924]);
    else if (k === 9 || k === 10) nextArg(ip, argv, i++);
    else if (k === 11) continue;
    else {
      if (k === 12) i++;
      const name = argv[i];
      if (name === undefined) ip.die('command line is not complete, try "help"', 2);
      if (dev !== undefined) ip.die(`duplicate "dev": "${name}" is the second value`, 2);
      dev = name;
    }
  }
  if (dev === undefined) ip.die('"dev" requires an argument', 2);
  const info = ip.sys.netInfo();
  const link = info.interfaces.find((l) => l.name === dev);
  const ioctlFail = (req: number, code: Errno) => ip.die(`ioctl 0x${req.toString(16)} failed: ${strerror(code)}`, 2);
  if (!link && (updown || unsupported.length)) ioctlFail(0x8913, 'ENODEV');
  const root = ip.sys.geteuid() === 0;
  // Renames, MTU, queue length and MAC changes are not among the kernel's netConfigure requests.
  for (const [, req] of unsupported) ioctlFail(req, root ? 'ENOTSUP' : 'EPERM');
  if (updown && link!.up !== (updown === 'up')) {
    const code = configure(ip.sys, { op: updown === 'up' ? 'link-up' : 'link-down', device: dev! });
    if (code) ioctlFail(0x8914, code);
  }
  return 0;
}

async function doLink(ip: IpContext, argv: string[]): Promise<number> {
  const KEYS = ['add', 'delete', 'set', 'show', 'lst', 'list'];
  if (argv.length > 0) {
    const k = keyword(KEYS, argv[0]!);
    if (k < 0) ip.die(`invalid argument '${argv[0]}' to '${ip.ctx.name}'`, 2);
    argv = argv.slice(1);
    if (k <= 1) ip.die(rtnetlink(ip.sys.geteuid() === 0 ? 'ENOTSUP' : 'EPERM'), 2);
    if (k === 2) return linkSet(ip, argv);
  }
  return listAddrOrLinks(ip, argv, false, true);
}

// ---- the rest ---------------------------------------------------------------------------------

async function doRule(ip: IpContext, argv: string[]): Promise<number> {
  const k = argv.length ? keyword(['add', 'delete', 'list', 'show', 'lst'], argv[0]!) : 2;
  if (k < 0) ip.die(`invalid argument '${argv[0]}' to '${ip.ctx.name}'`);
  if (k <= 1) ip.die(rtnetlink(ip.sys.geteuid() === 0 ? 'ENOTSUP' : 'EPERM'), 2);
  await ip.print('0:\tfrom all lookup local \n32766:\tfrom all lookup main \n32767:\tfrom all lookup default \n');
  return 0;
}

/** ip_parse_common_args: -4 -6 -0, -f[amily] inet|inet6|link, -o[neline], --. */
function commonArgs(ip: IpContext, argv: string[]): string[] | undefined {
  let i = 0;
  for (; i < argv.length; i++) {
    let opt = argv[i]!;
    if (opt[0] !== '-') break;
    opt = opt.slice(1);
    if (opt[0] === '-') {
      opt = opt.slice(1);
      if (opt === '') {
        i++;
        break;
      }
    }
    const k = keyword(['oneline', 'family', '4', '6', '0'], opt);
    if (k < 0) return undefined;
    if (k === 0) ip.oneline = true;
    else if (k === 1) {
      const f = argv[++i];
      if (f === undefined) return undefined;
      const idx = ['inet', 'inet6', 'link'].indexOf(f);
      if (idx < 0) ip.die(`invalid argument '${f}' to 'family'`);
      ip.family = (['inet', 'inet6', 'link'] as const)[idx];
    } else ip.family = (['inet', 'inet6', 'link'] as const)[k - 2];
  }
  return argv.slice(i);
}

const USAGES: Record<string, string> = { ipaddr: IPADDR_USAGE, iplink: IPLINK_USAGE, iproute: IPROUTE_USAGE };

export default applet(IP_USAGE, async (ctx) => {
  const own = USAGES[ctx.name];
  if (own) {
    ctx.usage = async () => {
      await ctx.err.write(`${BUSYBOX_BANNER}\n\n${own}\n`);
    };
  }
  const ip: IpContext = {
    ctx,
    sys: ctx.sys,
    family: undefined,
    oneline: false,
    print: (text) => ctx.out.write(text),
    die(message, code = 1): never {
      throw new AppletError(message, code);
    },
    async usage(): Promise<never> {
      await ctx.usage();
      throw new AppletError('', 1);
    },
  };
  const argv = commonArgs(ip, ctx.args);
  if (argv === undefined) return ip.usage();
  if (ctx.name === 'ipaddr') return doAddr(ip, argv);
  if (ctx.name === 'iplink') return doLink(ip, argv);
  if (ctx.name === 'iproute') return iproute(ip, argv);
  const k = argv.length ? keyword(['address', 'route', 'r', 'link', 'tunnel', 'tunl', 'rule', 'neigh'], argv[0]!) : -1;
  const rest = argv.slice(1);
  switch (k) {
    case 0:
      return doAddr(ip, rest);
    case 1:
    case 2:
      return iproute(ip, rest);
    case 3:
      return doLink(ip, rest);
    case 4:
    case 5:
    case 7:
      // No tunnels, and no neighbour table to show: Berth has no ARP.
      return 0;
    case 6:
      return doRule(ip, rest);
    default:
      return ip.usage();
  }
});

