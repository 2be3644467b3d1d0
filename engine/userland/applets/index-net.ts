/**
 * Applets of the "net" group (see index.ts): the network programs —
 * httpd, nc, wget, ping, nslookup, and ip/ifconfig/route/netstat, which read and
 * change the network namespace through netInfo and netConfigure.
 */
import type { Program } from '../../kernel/sys.ts';

type Loader = () => Promise<Program>;
const load = (p: Promise<{ default: Program }>) => p.then((m) => m.default);

export const netApplets: Record<string, Loader> = {
  httpd: () => load(import('./httpd.ts')),
  ifconfig: () => load(import('./ifconfig.ts')),
  ip: () => load(import('./ip.ts')),
  ipaddr: () => load(import('./ip.ts')),
  iplink: () => load(import('./ip.ts')),
  iproute: () => load(import('./ip.ts')),
  nc: () => load(import('./nc.ts')),
  netstat: () => load(import('./netstat.ts')),
  nslookup: () => load(import('./nslookup.ts')),
  ping: () => load(import('./ping.ts')),
  ping6: () => load(import('./ping.ts')),
  route: () => load(import('./route.ts')),
  wget: () => load(import('./wget.ts')),
};
