/**
 * The bridge driver's plumbing in the emulated kernel, as libnetwork's
 * bridge driver and docker-proxy do it on Linux:
 *
 * - a bridge on the host (docker0, br-<id>) is an interface of kind
 *   'bridge' in the host's namespace, plugged into its own Segment, with the
 *   gateway address; the host MASQUERADEs the subnet out of every other
 *   interface, so containers reach the uplink;
 * - a container's endpoint is a veth (eth0) in its namespace on that
 *   segment, with its address and a default route via the gateway;
 * - a published port is a listener on 0.0.0.0:PORT in the host namespace
 *   relaying each connection to the container's address (docker-proxy);
 * - the embedded DNS server answers on 127.0.0.11:53 inside the container's
 *   namespace, from the daemon's table of names, and forwards the rest.
 *
 * Nothing here knows about containers or API shapes: engine/daemon/networks.ts
 * keeps those and calls in.
 */
import { QR, RA, RCODE, TYPE, decodeMessage, encodeMessage, type ResourceRecord } from '../common/dns.ts';
import type { IoContext } from '../kernel/file.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { KernelStream, NetNamespace, Segment, formatIPv4, parseIPv4, type Socket } from '../kernel/net.ts';

// ---- address arithmetic ------------------------------------------------------

export function parseCidr(text: string): { network: string; prefix: number } | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const n = parseIPv4(m[1]!);
  const prefix = Number(m[2]);
  if (n === undefined || prefix < 0 || prefix > 32) return undefined;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { network: formatIPv4((n & mask) >>> 0), prefix };
}

/** The nth address of a subnet (1 is the gateway Docker picks). */
export function nthAddress(network: string, n: number): string {
  return formatIPv4(((parseIPv4(network) ?? 0) + n) >>> 0);
}

/** How many addresses a subnet holds. */
export function subnetSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function indexInSubnet(address: string, network: string): number {
  return ((parseIPv4(address) ?? 0) - (parseIPv4(network) ?? 0)) >>> 0;
}

/** Docker's MAC for an address: 02:42 and the four bytes of the IPv4 address. */
export function macFor(address: string): string {
  const n = parseIPv4(address) ?? 0;
  return ['02', '42', ...[24, 16, 8, 0].map((s) => ((n >>> s) & 255).toString(16).padStart(2, '0'))].join(':');
}

// ---- bridges and endpoints ---------------------------------------------------

export interface BridgeSpec {
  /** The host-side interface: docker0, br-0123456789ab. */
  ifname: string;
  network: string;
  prefix: number;
  gateway: string;
}

export class Bridge {
  readonly segment: Segment;
  constructor(
    readonly kernel: Kernel,
    readonly spec: BridgeSpec,
  ) {
    this.segment = new Segment(spec.ifname);
    const host = kernel.rootNet;
    const mac = macFor(spec.gateway);
    const iface = host.addInterface(spec.ifname, 'bridge', mac);
    host.attach(iface, this.segment);
    iface.up = true;
    host.addAddress(spec.ifname, spec.gateway, spec.prefix);
    host.nat.push({ kind: 'masquerade', source: spec.network, prefix: spec.prefix, notInterface: spec.ifname });
    host.forwarding = true;
  }

  /** Takes the bridge off the host (docker network rm). */
  remove(): void {
    const host = this.kernel.rootNet;
    try {
      host.removeInterface(this.spec.ifname);
    } catch {
      // already gone
    }
    host.nat = host.nat.filter((r) => !(r.kind === 'masquerade' && r.source === this.spec.network && r.prefix === this.spec.prefix && r.notInterface === this.spec.ifname));
  }

  /** Plugs a namespace in: `ifname` with its address, and (for the first network) the default route. */
  plug(ns: NetNamespace, ifname: string, address: string, mac: string, defaultRoute: boolean): void {
    const iface = ns.addInterface(ifname, 'veth', mac);
    ns.attach(iface, this.segment);
    iface.up = true;
    ns.addAddress(ifname, address, this.spec.prefix);
    if (defaultRoute && !ns.routes.some((r) => r.destination === 'default')) {
      ns.addRoute({ destination: 'default', prefix: 0, gateway: this.spec.gateway, device: ifname, protocol: 'boot' });
    }
    // Docker sets net.ipv4.ip_unprivileged_port_start=0 in containers.
    ns.unprivilegedPortStart = 0;
  }

  static unplug(ns: NetNamespace, ifname: string): void {
    if (ns.interface(ifname)) ns.removeInterface(ifname);
  }
}

// ---- published ports (docker-proxy) ---------------------------------------------

export interface PortProxy {
  hostPort: number;
  close(): void;
}

async function pump(from: KernelStream, to: KernelStream): Promise<void> {
  try {
    for (;;) {
      const data = await from.read();
      if (data.length === 0) break;
      await to.write(data);
    }
  } catch {
    // a reset on either side ends this direction
  }
  try {
    to.end();
  } catch {
    // not connected any more
  }
}

/**
 * Listens on 0.0.0.0:hostPort in the host namespace and relays every
 * connection to target (the container's address). Throws EADDRINUSE when
 * something already holds the port.
 */
export function publishTcp(kernel: Kernel, hostPort: number, target: { address: string; port: number }): PortProxy {
  const net = kernel.net;
  const host = kernel.rootNet;
  const listener = net.serveStream(host, '0.0.0.0', hostPort, (client) => {
    const sock = net.socket(host, 'stream');
    try {
      net.connect(sock, { family: 'inet', address: target.address, port: target.port });
    } catch {
      net.close(sock);
      client.close();
      return;
    }
    const upstream = new KernelStream(sock);
    void Promise.all([pump(client, upstream), pump(upstream, client)]).then(() => {
      client.close();
      upstream.close();
    });
  });
  return { hostPort, close: () => net.unserve(listener) };
}

/** Whether a TCP port of the host namespace is free to listen on. */
export function hostPortFree(kernel: Kernel, port: number): boolean {
  const holders = kernel.rootNet.bound.tcp.get(port) ?? [];
  return !holders.some((s) => s.state === 'listening' || s.state === 'bound');
}

// ---- embedded DNS ----------------------------------------------------------------

export const EMBEDDED_DNS = '127.0.0.11';

const kernelIo = (): IoContext =>
  ({
    pid: 0,
    pgid: 0,
    sid: 0,
    block: async (queues: { wait(): Promise<void> }[], ready: () => boolean) => {
      while (!ready()) await Promise.race(queues.map((q) => q.wait()));
    },
    raise: () => undefined,
    raiseGroup: () => undefined,
  }) as unknown as IoContext;

/**
 * Docker's embedded resolver in a container's namespace: A queries for names
 * `lookup` knows are answered from it; everything else is forwarded to the
 * upstream servers (the host's resolv.conf) from inside the namespace.
 */
export function serveEmbeddedDns(kernel: Kernel, ns: NetNamespace, lookup: (name: string) => string[] | undefined, upstream: () => string[], timer: (ms: number, f: () => void) => void): Socket {
  const net = kernel.net;
  return net.serveDatagram(ns, EMBEDDED_DNS, 53, (data, _from, reply) => {
    let q;
    try {
      q = decodeMessage(data);
    } catch {
      return;
    }
    const question = q.questions[0];
    if (!question) return;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    const found = lookup(name);
    if (found && found.length) {
      const answers: ResourceRecord[] = question.type === TYPE.A ? found.map((a) => ({ name: question.name, type: TYPE.A, ttl: 600, data: a })) : [];
      reply(encodeMessage({ id: q.id, flags: QR | RA | (q.flags & 0x0100) | RCODE.NOERROR, questions: q.questions, answers }));
      return;
    }
    void forward(data, q.id, q.flags, q.questions, reply);
  });

  async function forward(data: Uint8Array, id: number, flags: number, questions: ReturnType<typeof decodeMessage>['questions'], reply: (d: Uint8Array) => void): Promise<void> {
    const servfail = () => reply(encodeMessage({ id, flags: QR | RA | (flags & 0x0100) | RCODE.SERVFAIL, questions, answers: [] }));
    for (const server of upstream()) {
      if (server.startsWith('127.')) continue;
      const sock = net.socket(ns, 'dgram');
      try {
        net.sendDatagram(sock, data, { family: 'inet', address: server, port: 53 });
        const answer = await Promise.race([sock.receive(kernelIo(), 65535).then((r) => r.data), new Promise<undefined>((r) => timer(2000, () => r(undefined)))]);
        if (answer) {
          reply(answer);
          return;
        }
      } catch {
        // unreachable: try the next one
      } finally {
        net.close(sock);
      }
    }
    servfail();
  }
}

/** The nameservers of a resolv.conf text. */
export function nameservers(resolvConf: string): string[] {
  return resolvConf
    .split('\n')
    .map((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1])
    .filter((x): x is string => !!x);
}

/** The resolv.conf Docker 28 writes for a container using the internal resolver. */
export function internalResolvConf(hostResolvConf: string): string {
  const ext = nameservers(hostResolvConf).filter((s) => !s.startsWith('127.'));
  const search = hostResolvConf.split('\n').find((l) => /^\s*search\s/.test(l));
  return [
    '# Generated by Docker Engine.',
    '# This file can be edited; Docker Engine will not make further changes once it',
    '# has been modified.',
    '',
    `nameserver ${EMBEDDED_DNS}`,
    ...(search ? [search.trim()] : []),
    'options ndots:0',
    '',
    "# Based on host file: '/etc/resolv.conf' (internal resolver)",
    `# ExtServers: [${ext.join(' ')}]`,
    '# Overrides: []',
    '# Option ndots from: internal',
    '',
  ].join('\n');
}
