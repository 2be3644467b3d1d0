/**
 * `ip route` (libiproute/iproute.c): list, flush, add/del/change/replace,
 * and get — which asks the kernel where a packet for an address would go.
 *
 *     default via 172.17.0.1 dev eth0
 *     172.17.0.0/16 dev eth0 scope link  src 172.17.0.2
 *
 * (the doubled space and the trailing one are busybox's). Routes come from
 * netInfo; the local table (`table local|all`) is what Linux derives from
 * the addresses.
 */
import type { NetInfo } from '../../kernel/sys.ts';
import { broadcastOf, configure, findLink, inSubnet, ipv4ToNumber, keyword, networkOf, nextArg, parsePrefix, rtnetlink, routeTo, type IpContext, type RouteInfo } from './net-links.ts';

interface Row {
  type?: 'local' | 'broadcast';
  destination: string;
  prefix: number;
  gateway?: string;
  device: string;
  table?: 'local';
  scope: 'global' | 'link' | 'host';
  source?: string;
  protocol: string;
}

const dstNumber = (r: Row) => (r.destination === 'default' ? 0 : ipv4ToNumber(r.destination));

/** FIB order: by destination, then the shorter prefix. */
const byDestination = (a: Row, b: Row) => dstNumber(a) - dstNumber(b) || a.prefix - b.prefix;

function mainTable(info: NetInfo): Row[] {
  return info.routes.map((r: RouteInfo) => ({ ...r, destination: r.prefix === 0 ? 'default' : r.destination })).sort(byDestination);
}

/** The local table Linux keeps for the addresses of up interfaces. */
function localTable(info: NetInfo): Row[] {
  const rows: Row[] = [];
  for (const l of info.interfaces) {
    if (!l.up) continue;
    for (const a of l.addresses) {
      if (a.family !== 'inet') continue;
      const base = { device: l.name, table: 'local' as const, source: a.address, protocol: 'kernel' };
      if (l.kind === 'loopback' && a.prefix < 32) rows.push({ ...base, type: 'local', destination: networkOf(a.address, a.prefix), prefix: a.prefix, scope: 'host' });
      rows.push({ ...base, type: 'local', destination: a.address, prefix: 32, scope: 'host' });
      if (a.prefix < 31) rows.push({ ...base, type: 'broadcast', destination: broadcastOf(a.address, a.prefix), prefix: 32, scope: 'link' });
    }
  }
  return rows.sort(byDestination);
}

function formatRow(r: Row, showTable: boolean): string {
  let s = r.type ? `${r.type} ` : '';
  if (r.destination === 'default' && r.prefix === 0) s += 'default ';
  else s += r.prefix === 32 ? `${r.destination} ` : `${r.destination}/${r.prefix} `;
  if (r.gateway) s += `via ${r.gateway} `;
  s += `dev ${r.device} `;
  if (r.table && showTable) s += `table ${r.table} `;
  if (r.scope !== 'global') s += `scope ${r.scope} `;
  if (r.source) s += ` src ${r.source} `;
  return s + '\n';
}

async function listOrFlush(ip: IpContext, argv: string[], flush: boolean): Promise<number> {
  const info = ip.sys.netInfo();
  if (flush && argv.length === 0) ip.die('"ip route flush" requires an argument');
  const KEYS = ['protocol', 'dev', 'oif', 'iif', 'via', 'table', 'cache', 'from', 'to', 'scope', 'all', 'root', 'match', 'exact', 'main'];
  let table: 'main' | 'local' | 'all' = 'main';
  let dev: string | undefined;
  let proto: string | undefined;
  let scope: string | undefined;
  let via: string | undefined;
  let match: { address: string; prefix: number; how: 'root' | 'match' | 'exact' } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const k = keyword(KEYS, argv[i]!);
    if (k === 0) proto = nextArg(ip, argv, i++);
    else if (k === 1 || k === 2) dev = nextArg(ip, argv, i++);
    else if (k === 3 || k === 7) nextArg(ip, argv, i++);
    else if (k === 4) via = parsePrefix(ip, nextArg(ip, argv, i++)).address;
    else if (k === 5) {
      const t = nextArg(ip, argv, i++);
      const tk = keyword(KEYS, t);
      if (tk === 10) table = 'all';
      else if (tk === 14 || t === '254') table = 'main';
      else if (t === 'local' || t === '255') table = 'local';
      else ip.die(`invalid argument '${t}' to 'table'`);
    } else if (k === 6) continue;
    else if (k === 9) scope = nextArg(ip, argv, i++);
    else {
      let how: 'root' | 'match' | 'exact' = 'exact';
      if (k === 8) i++;
      const w = argv[i];
      if (w === undefined) ip.die('command line is not complete, try "help"');
      const wk = keyword(KEYS, w!);
      if (wk === 11 || wk === 12 || wk === 13) {
        how = (['root', 'match', 'exact'] as const)[wk - 11]!;
        i++;
      }
      const text = argv[i];
      if (text === undefined) ip.die('command line is not complete, try "help"');
      const p = parsePrefix(ip, text!);
      match = { address: p.address, prefix: p.prefix, how };
    }
  }
  if (dev !== undefined) findLink(ip, info, dev);
  let rows = table === 'main' ? mainTable(info) : table === 'local' ? localTable(info) : [...mainTable(info), ...localTable(info)];
  rows = rows.filter((r) => {
    if (dev !== undefined && r.device !== dev) return false;
    if (proto !== undefined && proto !== 'all' && r.protocol !== proto) return false;
    if (scope !== undefined && scope !== 'all' && r.scope !== scope) return false;
    if (via !== undefined && r.gateway !== via) return false;
    if (match) {
      const d = r.destination === 'default' ? '0.0.0.0' : r.destination;
      if (match.how === 'exact' && !(r.prefix === match.prefix && inSubnet(d, match.address, 32))) return false;
      if (match.how === 'root' && !(r.prefix >= match.prefix && inSubnet(d, match.address, match.prefix))) return false;
      if (match.how === 'match' && !(r.prefix <= match.prefix && inSubnet(match.address, d, r.prefix))) return false;
    }
    return true;
  });
  if (flush) {
    for (const r of rows) {
      if (r.table) continue;
      const code = configure(ip.sys, { op: 'route-del', destination: r.destination, prefix: r.prefix });
      if (code) ip.die(rtnetlink(code), 2);
    }
    return 0;
  }
  await ip.print(rows.map((r) => formatRow(r, table === 'all')).join(''));
  return 0;
}

async function modify(ip: IpContext, argv: string[], cmd: 'add' | 'del' | 'replace' | 'test'): Promise<number> {
  const KEYS = ['src', 'via', 'mtu', 'advmss', 'scope', 'protocol', 'table', 'dev', 'oif', 'to', 'metric', 'onlink'];
  let dst: { address: string; prefix: number; isDefault: boolean } | undefined;
  let gateway: string | undefined;
  let dev: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const k = keyword(KEYS, argv[i]!);
    if (k === 0) parsePrefix(ip, nextArg(ip, argv, i++), 'address');
    else if (k === 1) gateway = parsePrefix(ip, nextArg(ip, argv, i++), 'address').address;
    else if (k === 2 || k === 3) {
      if (argv[i + 1] === 'lock') i++;
      nextArg(ip, argv, i++);
    } else if (k === 4 || k === 5 || k === 6 || k === 10) nextArg(ip, argv, i++);
    else if (k === 7 || k === 8) dev = nextArg(ip, argv, i++);
    else if (k === 11) continue;
    else {
      if (k === 9) i++;
      let text = argv[i];
      if (text === undefined) ip.die('command line is not complete, try "help"');
      if (text === 'unicast' || text === 'local' || text === 'broadcast' || text === 'blackhole' || text === 'unreachable' || text === 'prohibit') text = nextArg(ip, argv, i++);
      if (dst) ip.die(`duplicate "to": "${text}" is the second value`);
      dst = parsePrefix(ip, text!);
    }
  }
  const info = ip.sys.netInfo();
  if (dev !== undefined) findLink(ip, info, dev);
  if (!dst) ip.die(rtnetlink('EINVAL'), 2);
  const destination = dst!.prefix === 0 ? 'default' : dst!.address;
  if (dst!.prefix > 0 && (ipv4ToNumber(dst!.address) & ~(0xffffffff << (32 - dst!.prefix))) >>> 0 !== 0 && dst!.prefix < 32) ip.die(rtnetlink('EINVAL'), 2);
  if (cmd === 'test') return 0;
  if (cmd === 'del') {
    const code = configure(ip.sys, { op: 'route-del', destination, prefix: dst!.prefix });
    if (code) ip.die(rtnetlink(code), 2);
    return 0;
  }
  if (cmd === 'replace' && info.routes.some((r) => (r.prefix === 0 ? 'default' : r.destination) === destination && r.prefix === dst!.prefix)) {
    const code = configure(ip.sys, { op: 'route-del', destination, prefix: dst!.prefix });
    if (code) ip.die(rtnetlink(code), 2);
  }
  if (!gateway && !dev) ip.die(rtnetlink('ENODEV'), 2);
  const code = configure(ip.sys, { op: 'route-add', destination, prefix: dst!.prefix, gateway, device: dev });
  if (code) ip.die(rtnetlink(code), 2);
  return 0;
}

async function get(ip: IpContext, argv: string[]): Promise<number> {
  let dst: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === 'from' || a === 'iif' || a === 'oif' || a === 'tos' || a === 'dsfield') {
      nextArg(ip, argv, i++);
      continue;
    }
    if (a === 'connected') continue;
    const text = a === 'to' ? nextArg(ip, argv, i++) : a;
    const p = /^\d+(\.\d+){3}(\/32)?$/.test(text) ? text.replace(/\/32$/, '') : undefined;
    if (p === undefined) ip.die('need at least destination address');
    dst = p;
  }
  if (dst === undefined) ip.die('need at least destination address');
  const hit = routeTo(ip.sys.netInfo(), dst!);
  if (!hit) ip.die(rtnetlink('ENETUNREACH'), 2);
  if (hit!.local) {
    await ip.print(`local ${dst} dev lo  src ${hit!.src} \n`);
    return 0;
  }
  const { route, src } = hit as { route: RouteInfo; src?: string };
  await ip.print(`${dst} ${route.gateway ? `via ${route.gateway} ` : ''}dev ${route.device} ${src ? ` src ${src} ` : ''}\n`);
  return 0;
}

export async function iproute(ip: IpContext, argv: string[]): Promise<number> {
  if (argv.length === 0) return listOrFlush(ip, argv, false);
  const CMDS = ['a', 'add', 'append', 'change', 'chg', 'delete', 'get', 'list', 'show', 'prepend', 'replace', 'test', 'flush'];
  const k = keyword(CMDS, argv[0]!);
  const rest = argv.slice(1);
  switch (k) {
    case 0:
    case 1:
    case 2:
    case 9:
      return modify(ip, rest, 'add');
    case 3:
    case 4:
    case 10:
      return modify(ip, rest, 'replace');
    case 5:
      return modify(ip, rest, 'del');
    case 6:
      return get(ip, rest);
    case 7:
    case 8:
      return listOrFlush(ip, rest, false);
    case 11:
      return modify(ip, rest, 'test');
    case 12:
      return listOrFlush(ip, rest, true);
    default:
      return ip.die(`invalid argument '${argv[0]}' to '${ip.ctx.name}'`);
  }
}
