/**
 * What netlink would tell `ip` and `ifconfig` about an interface, filled
 * in from the kernel's NetInfo: the IFF_* flags, the queueing discipline,
 * the operational state and queue length a Linux kernel reports for each
 * kind of device, and the netmask arithmetic both tools print.
 *
 *     lo    <LOOPBACK,UP,LOWER_UP> qdisc noqueue state UNKNOWN qlen 1000
 *     eth0  <BROADCAST,MULTICAST,UP,LOWER_UP> qdisc noqueue state UP qlen 1000   (a veth)
 */
import type { NetInfo, NetChange, Sys } from '../../kernel/sys.ts';
import { strerror, type Errno } from '../../fs/errno.ts';
import type { AppletContext } from './applet.ts';
import { errnoOf, inetAton } from './net-socket.ts';

export type Link = NetInfo['interfaces'][number];
export type RouteInfo = NetInfo['routes'][number];

export const IFF = { UP: 0x1, BROADCAST: 0x2, LOOPBACK: 0x8, POINTOPOINT: 0x10, RUNNING: 0x40, NOARP: 0x80, MULTICAST: 0x1000, LOWER_UP: 0x10000 } as const;

/** The interface flags Linux reports (carrier is always there in Berth: a cable never comes loose). */
export function linkFlags(l: Link): number {
  let f = l.kind === 'loopback' ? IFF.LOOPBACK : IFF.BROADCAST | IFF.MULTICAST;
  if (l.up) f |= IFF.UP | IFF.RUNNING | IFF.LOWER_UP;
  return f;
}

/** The qdisc: virtual devices have none ("noqueue"); a down device that never ran has "noop". */
export function qdisc(l: Link): string {
  if (!l.up) return l.kind === 'loopback' ? 'noqueue' : 'noop';
  return l.kind === 'ether' ? 'pfifo_fast' : 'noqueue';
}

/** IFLA_OPERSTATE, as musl-built busybox prints it. */
export function operState(l: Link): string {
  if (l.kind === 'loopback') return 'UNKNOWN';
  return l.up ? 'UP' : 'DOWN';
}

/** tx_queue_len: bridges have none. */
export function txQueueLen(l: Link): number {
  return l.kind === 'bridge' ? 0 : 1000;
}

export function maskOf(prefix: number): string {
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [m >>> 24, (m >>> 16) & 255, (m >>> 8) & 255, m & 255].join('.');
}

export function ipv4ToNumber(a: string): number {
  return a.split('.').reduce((n, p) => n * 256 + Number(p), 0) >>> 0;
}

export function numberToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The prefix length of a contiguous netmask, or undefined. */
export function prefixOfMask(mask: string): number | undefined {
  const n = ipv4ToNumber(mask);
  for (let p = 0; p <= 32; p++) if ((p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0) === n) return p;
  return undefined;
}

export function broadcastOf(address: string, prefix: number): string {
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return numberToIpv4((ipv4ToNumber(address) | ~m) >>> 0);
}

export function networkOf(address: string, prefix: number): string {
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return numberToIpv4((ipv4ToNumber(address) & m) >>> 0);
}

export function inSubnet(address: string, network: string, prefix: number): boolean {
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return ((ipv4ToNumber(address) & m) >>> 0) === ((ipv4ToNumber(network) & m) >>> 0);
}

/** netConfigure, with the errno code of a refusal (EPERM without CAP_NET_ADMIN, EEXIST…) or undefined. */
export function configure(sys: Sys, change: NetChange): Errno | undefined {
  try {
    sys.netConfigure(change);
    return undefined;
  } catch (err) {
    return errnoOf(err);
  }
}

/** "RTNETLINK answers: File exists", as libnetlink reports a refused request. */
export const rtnetlink = (code: Errno) => `RTNETLINK answers: ${strerror(code)}`;

/**
 * Where the kernel sends a packet for `dst` (what `ip route get` asks):
 * local delivery, or a route with its device and source address.
 */
export function routeTo(info: NetInfo, dst: string): { local: true; src: string } | { local: false; route: RouteInfo; src?: string } | undefined {
  const ifaces = info.interfaces.filter((i) => i.up);
  for (const i of ifaces) {
    for (const a of i.addresses) {
      if (a.family !== 'inet') continue;
      if (a.address === dst) return { local: true, src: dst };
      if (i.kind === 'loopback' && inSubnet(dst, a.address, a.prefix)) return { local: true, src: a.address };
    }
  }
  let best: RouteInfo | undefined;
  for (const r of info.routes) {
    if (!ifaces.some((i) => i.name === r.device)) continue;
    const matches = r.destination === 'default' || inSubnet(dst, r.destination, r.prefix);
    if (matches && (!best || r.prefix > best.prefix)) best = r;
  }
  if (!best) return undefined;
  const dev = ifaces.find((i) => i.name === best!.device);
  return { local: false, route: best, src: best.source ?? dev?.addresses.find((a) => a.family === 'inet')?.address };
}

// ---- the command line of ip (shared by its addr, link and route parts) ----

/** libbb's index_in_substrings: the first keyword that `key` abbreviates. */
export function keyword(list: readonly string[], key: string): number {
  return list.findIndex((k) => k.startsWith(key));
}

export interface IpContext {
  ctx: AppletContext;
  sys: Sys;
  family: 'inet' | 'inet6' | 'link' | undefined;
  oneline: boolean;
  /** Prints text to stdout. */
  print(text: string): Promise<void>;
  /** Dies with status `code` (busybox's xfunc_error_retval: 2 for ip link). */
  die(message: string, code?: number): never;
  usage(): Promise<never>;
}

/** ll_name_to_index, dying as busybox does. */
export function findLink(ip: IpContext, info: NetInfo, name: string, code = 1): Link {
  const l = info.interfaces.find((i) => i.name === name);
  if (!l) ip.die(`can't find device '${name}'`, code);
  return l!;
}

/** NEXT_ARG: the argument after a keyword, or busybox's complaint. */
export function nextArg(ip: IpContext, argv: string[], i: number): string {
  const v = argv[i + 1];
  if (v === undefined) ip.die('command line is not complete, try "help"');
  return v!;
}

/** get_prefix: ADDR[/LEN] or "default"; dies on anything else. */
export function parsePrefix(ip: IpContext, text: string, what = 'prefix'): { address: string; prefix: number; isDefault: boolean } {
  if (text === 'default' || text === 'all' || text === 'any') return { address: '0.0.0.0', prefix: 0, isDefault: true };
  const [addr, len] = text.split('/', 2) as [string, string | undefined];
  const address = /^\d+(\.\d+){0,3}$/.test(addr) ? inetAton(addr) : undefined;
  const prefix = len === undefined ? 32 : /^\d+$/.test(len) ? Number(len) : NaN;
  if (address === undefined || !(prefix >= 0 && prefix <= 32)) ip.die(`an inet ${what} is expected rather than "${text}"`);
  return { address: address!, prefix, isDefault: false };
}

