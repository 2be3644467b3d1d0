/**
 * Names and numbers as the network programs look them up through musl:
 *
 * - `hostAddress`: libbb's xhost2sockaddr — a numeric address as inet_aton
 *   reads it, else getaddrinfo (resolv.ts: /etc/hosts, then DNS). Busybox
 *   says "bad address 'x'" when this fails.
 * - `hostName`: getnameinfo without NI_NUMERICHOST — /etc/hosts read
 *   backwards, then a PTR query; undefined when neither knows the address.
 * - `servicePort` / `serviceName`: /etc/services, as getservbyname and
 *   getservbyport read it.
 *
 * Berth's sockets are IPv4 only, so only IPv4 answers are used (busybox is
 * built with FEATURE_PREFER_IPV4_ADDRESS on Alpine, and prefers them too).
 */
import { TYPE, reverseName } from '../../common/dns.ts';
import { inetAton, readText } from './net-socket.ts';
import { query, readResolvConf, resolveHost, type ResolveError } from './resolv.ts';
import type { Sys } from '../../kernel/sys.ts';

/** The IPv4 address for a host name or numeric address; the resolver's error when there is none. */
export async function hostAddress(sys: Sys, host: string): Promise<{ address: string } | { error: ResolveError }> {
  const numeric = inetAton(host);
  if (numeric !== undefined) return { address: numeric };
  const r = await resolveHost(sys, host);
  return r.ok ? { address: r.addresses[0]! } : { error: r.error };
}

/** The name /etc/hosts or DNS gives an IPv4 address, or undefined. */
export async function hostName(sys: Sys, address: string): Promise<string | undefined> {
  const hosts = await readText(sys, '/etc/hosts');
  for (const raw of (hosts ?? '').split('\n')) {
    const [addr, name] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (name && addr !== undefined && inetAton(addr) === address) return name;
  }
  const conf = await readResolvConf(sys);
  const r = await query(sys, conf, reverseName(address), TYPE.PTR);
  const ptr = r?.message.answers?.find((a) => a.type === TYPE.PTR);
  return ptr ? String(ptr.data).replace(/\.$/, '') : undefined;
}

interface Service {
  name: string;
  port: number;
  protocol: string;
}

async function services(sys: Sys): Promise<Service[]> {
  const out: Service[] = [];
  for (const raw of ((await readText(sys, '/etc/services')) ?? '').split('\n')) {
    const fields = raw.replace(/#.*/, '').trim().split(/\s+/);
    const m = /^(\d+)\/(\w+)$/.exec(fields[1] ?? '');
    if (!m || !fields[0]) continue;
    for (const name of [fields[0], ...fields.slice(2)]) out.push({ name, port: Number(m[1]), protocol: m[2]! });
  }
  return out;
}

/** getservbyname: the port of a service name for 'tcp' or 'udp'. */
export async function servicePort(sys: Sys, name: string, protocol: 'tcp' | 'udp'): Promise<number | undefined> {
  return (await services(sys)).find((s) => s.name === name && s.protocol === protocol)?.port;
}

/** getservbyport: the (first) name of a port for 'tcp' or 'udp'. */
export async function serviceName(sys: Sys, port: number, protocol: 'tcp' | 'udp'): Promise<string | undefined> {
  return (await services(sys)).find((s) => s.port === port && s.protocol === protocol)?.name;
}

/**
 * libbb's bb_lookup_port: a decimal port (0..65535), else a service name;
 * undefined for neither (busybox: "bad port 'x'").
 */
export async function lookupPort(sys: Sys, text: string, protocol: 'tcp' | 'udp'): Promise<number | undefined> {
  if (/^\d+$/.test(text) && Number(text) <= 65535) return Number(text);
  return servicePort(sys, text, protocol);
}
