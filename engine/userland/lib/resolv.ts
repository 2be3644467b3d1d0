/**
 * Name resolution as musl's getaddrinfo does it: a numeric address, then
 * /etc/hosts, then DNS over UDP to the nameservers of /etc/resolv.conf
 * (with its search domains, ndots, timeout and attempts).
 *
 * The answers come from real DNS servers in the emulated network: Docker's
 * embedded resolver at 127.0.0.11 on user-defined networks, the simulated
 * internet's resolver otherwise. A container without a network has nothing
 * to ask and fails the way musl does.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { CLASS_IN, RCODE, RD, TYPE, decodeMessage, encodeMessage, rcodeOf, type Message } from '../../common/dns.ts';
import { FsError } from '../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { parseIPv4 } from '../../kernel/net.ts';
import { readFile } from './io.ts';

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** Seconds per try. */
  timeout: number;
  attempts: number;
}

/** getaddrinfo's failures, with the texts gai_strerror gives on musl. */
export type ResolveError = 'EAI_NONAME' | 'EAI_AGAIN' | 'EAI_FAIL' | 'EAI_NODATA';
export const GAI_MESSAGES: Record<ResolveError, string> = {
  EAI_NONAME: 'Name does not resolve',
  EAI_AGAIN: 'Try again',
  EAI_FAIL: 'Non-recoverable error',
  EAI_NODATA: 'Address not available',
};

export type Resolved = { ok: true; addresses: string[]; canonical: string } | { ok: false; error: ResolveError };

async function readText(sys: Sys, path: string): Promise<string | undefined> {
  try {
    return fromUtf8(await readFile(sys, path));
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return undefined;
  }
}

/** /etc/resolv.conf as musl reads it (defaults: 127.0.0.1, ndots 1, timeout 5, attempts 2; at most 3 servers). */
export async function readResolvConf(sys: Sys): Promise<ResolvConf> {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeout: 5, attempts: 2 };
  const text = (await readText(sys, '/etc/resolv.conf')) ?? '';
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0] && conf.nameservers.length < 3) conf.nameservers.push(rest[0]);
    else if (key === 'search' || key === 'domain') conf.search = rest;
    else if (key === 'options') {
      for (const o of rest) {
        const [name, value] = o.split(':');
        const n = Math.max(0, Number(value));
        if (name === 'ndots' && Number.isFinite(n)) conf.ndots = Math.min(n, 15);
        if (name === 'timeout' && Number.isFinite(n)) conf.timeout = Math.min(Math.max(n, 1), 60);
        if (name === 'attempts' && Number.isFinite(n)) conf.attempts = Math.min(Math.max(n, 1), 10);
      }
    }
  }
  if (conf.nameservers.length === 0) conf.nameservers.push('127.0.0.1');
  return conf;
}

/** /etc/hosts: the IPv4 addresses for a name, and the canonical (first) name of its line. */
export async function lookupHosts(sys: Sys, name: string): Promise<{ addresses: string[]; canonical: string } | undefined> {
  const text = await readText(sys, '/etc/hosts');
  if (!text) return undefined;
  const addresses: string[] = [];
  let canonical = name;
  for (const raw of text.split('\n')) {
    const fields = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length < 2) continue;
    const [address, ...names] = fields;
    // musl matches names in /etc/hosts exactly (case and all).
    if (!names.includes(name)) continue;
    if (parseIPv4(address!) === undefined) continue;
    if (addresses.length === 0) canonical = names[0]!;
    addresses.push(address!);
  }
  return addresses.length ? { addresses, canonical } : undefined;
}

let nextId = Math.floor(Math.random() * 65536);

/**
 * Sends one query to the nameservers (all at once, as musl does) and waits
 * for the first usable answer: up to `attempts` rounds of `timeout` seconds.
 * Undefined when no server answered.
 */
export async function query(sys: Sys, conf: Pick<ResolvConf, 'nameservers' | 'timeout' | 'attempts'>, name: string, type: number): Promise<{ message: Message; server: string } | undefined> {
  const id = (nextId = (nextId + 1) & 0xffff);
  const packet = encodeMessage({ id, flags: RD, questions: [{ name, type, class: CLASS_IN }] });
  const fd = sys.socket('inet', 'dgram');
  try {
    for (let attempt = 0; attempt < conf.attempts; attempt++) {
      let sent = 0;
      for (const server of conf.nameservers) {
        try {
          await sys.sendto(fd, packet, { family: 'inet', address: server, port: 53 });
          sent++;
        } catch (err) {
          if (isProcessControl(err) || !(err instanceof FsError)) throw err;
        }
      }
      // Nowhere to send (no route to any server): musl gives up without waiting.
      if (sent === 0) return undefined;
      const deadline = sys.now() + conf.timeout * 1000;
      for (;;) {
        const left = deadline - sys.now();
        if (left <= 0) break;
        const ready = await sys.poll([{ fd, in: true }], left);
        if (ready.length === 0) break;
        const { data, from } = await sys.recvfrom(fd, 4096);
        let message: Message;
        try {
          message = decodeMessage(data);
        } catch {
          continue;
        }
        if (message.id !== id) continue;
        // SERVFAIL and REFUSED: another server may do better.
        const rcode = rcodeOf(message);
        if ((rcode === RCODE.SERVFAIL || rcode === RCODE.REFUSED) && conf.nameservers.length > 1) continue;
        return { message, server: from.address };
      }
    }
    return undefined;
  } finally {
    sys.close(fd);
  }
}

/** Follows CNAMEs in an answer to the addresses of `type` for `name`. */
export function addressesIn(message: Message, name: string, type: number): { addresses: string[]; canonical: string } {
  let target = name.toLowerCase().replace(/\.$/, '');
  const answers = message.answers ?? [];
  for (let hops = 0; hops < 16; hops++) {
    const cname = answers.find((a) => a.type === TYPE.CNAME && a.name.toLowerCase() === target);
    if (!cname) break;
    target = String(cname.data).toLowerCase();
  }
  const addresses = answers.filter((a) => a.type === type && a.name.toLowerCase() === target).map((a) => String(a.data));
  return { addresses, canonical: target };
}

/** getaddrinfo for IPv4 (what every Berth program connects to). */
export async function resolveHost(sys: Sys, name: string): Promise<Resolved> {
  if (parseIPv4(name) !== undefined) return { ok: true, addresses: [name], canonical: name };
  if (name === '' || name.length > 253) return { ok: false, error: 'EAI_NONAME' };
  const hosts = await lookupHosts(sys, name);
  if (hosts) return { ok: true, ...hosts };
  const conf = await readResolvConf(sys);
  const dots = name.split('.').length - 1;
  const candidates = dots >= conf.ndots || name.endsWith('.') ? [] : conf.search.map((d) => `${name}.${d}`);
  candidates.push(name.replace(/\.$/, ''));
  let error: ResolveError = 'EAI_NONAME';
  for (const candidate of candidates) {
    const r = await query(sys, conf, candidate, TYPE.A);
    if (!r) return { ok: false, error: 'EAI_AGAIN' };
    const rcode = rcodeOf(r.message);
    if (rcode === RCODE.SERVFAIL) return { ok: false, error: 'EAI_AGAIN' };
    if (rcode !== RCODE.NOERROR && rcode !== RCODE.NXDOMAIN) return { ok: false, error: 'EAI_FAIL' };
    const found = addressesIn(r.message, candidate, TYPE.A);
    if (found.addresses.length) return { ok: true, ...found };
    if (rcode === RCODE.NOERROR) error = 'EAI_NODATA';
  }
  return { ok: false, error: error === 'EAI_NODATA' ? 'EAI_NONAME' : error };
}
