/**
 * The simulated internet: what lies beyond the learner's host.
 *
 * The host's eth0 (10.0.2.15/24) is plugged into an uplink where 10.0.2.2
 * is the gateway and 10.0.2.3 the resolver, as in QEMU's user networking.
 * Behind the gateway sit a few well-known hosts, each at its own public
 * address: package mirrors, Docker Hub, example.com, and public resolvers
 * (8.8.8.8, 1.1.1.1) that answer real DNS queries for them. Everything
 * else does not resolve (NXDOMAIN) or has no route.
 *
 * Nothing here is canned output: programs resolve names through DNS over
 * UDP, open connections that are routed hop by hop (and translated by the
 * host's MASQUERADE for containers), and speak HTTP to these servers. The
 * pages themselves are the simulation. HTTPS is carried as plain HTTP: the
 * emulator does not do TLS, and says so in the README.
 */
import { AA, QR, RA, RCODE, TYPE, decodeMessage, encodeMessage, type ResourceRecord } from '../common/dns.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { NetNamespace, Segment } from '../kernel/net.ts';
import type { Host } from '../userland/host.ts';
import { serveHttp, type HttpHandler } from './http.ts';

export const UPLINK = { network: '10.0.2.0', prefix: 24, host: '10.0.2.15', gateway: '10.0.2.2', resolver: '10.0.2.3' } as const;
const PUBLIC_RESOLVERS = ['8.8.8.8', '8.8.4.4', '1.1.1.1'];

interface Site {
  names: string[];
  address: string;
  handler: HttpHandler;
  server: string;
}

const EXAMPLE_PAGE = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>
    <meta charset="utf-8" />
    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

const notFound = (path: string) => ({ status: 404, body: `<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>${path.replace(/[<&>]/g, '')} was not found on this server.</p></body></html>\n` });

function mirror(title: string): HttpHandler {
  return (req) => (req.target === '/' ? { status: 200, body: `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n` } : notFound(req.target));
}

const SITES: Site[] = [
  { names: ['example.com', 'www.example.com'], address: '93.184.215.14', server: 'ECAcc (nyd/D184)', handler: (req) => (req.target === '/' || req.target.startsWith('/?') || req.target === '/index.html' ? { status: 200, body: EXAMPLE_PAGE } : notFound(req.target)) },
  { names: ['dl-cdn.alpinelinux.org'], address: '151.101.2.132', server: 'nginx', handler: mirror('Alpine Linux package mirror') },
  { names: ['deb.debian.org', 'security.debian.org'], address: '151.101.194.132', server: 'Apache', handler: mirror('Debian package archive') },
  { names: ['archive.ubuntu.com', 'security.ubuntu.com'], address: '91.189.91.83', server: 'Apache/2.4.29 (Ubuntu)', handler: mirror('Ubuntu archive') },
  { names: ['registry-1.docker.io', 'index.docker.io', 'auth.docker.io', 'hub.docker.com'], address: '54.236.113.205', server: 'docker-distribution', handler: (req) => (req.target === '/v2/' ? { status: 401, headers: { 'Docker-Distribution-Api-Version': 'registry/2.0', 'Www-Authenticate': 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"', 'Content-Type': 'application/json' }, body: '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}\n' } : notFound(req.target)) },
  { names: ['github.com'], address: '140.82.112.3', server: 'GitHub.com', handler: mirror('GitHub') },
  { names: ['google.com', 'www.google.com'], address: '142.250.196.110', server: 'gws', handler: mirror('Google') },
];

/** The uplink and the hosts behind it, one per kernel. */
export class Internet {
  readonly segment = new Segment('uplink');
  readonly ns = new NetNamespace();
  private readonly connected = new Set<NetNamespace>();

  constructor(kernel: Kernel) {
    const wan = this.ns.addInterface('eth0', 'ether', '52:55:0a:00:02:02');
    this.ns.attach(wan, this.segment);
    wan.up = true;
    this.ns.addAddress('eth0', UPLINK.gateway, UPLINK.prefix);
    for (const a of [UPLINK.resolver, ...PUBLIC_RESOLVERS, ...SITES.map((s) => s.address)]) this.ns.addAddress('eth0', a, 32);
    // Replies to the host go back over the uplink.
    const net = kernel.net;
    for (const resolver of [UPLINK.resolver, ...PUBLIC_RESOLVERS]) net.serveDatagram(this.ns, resolver, 53, (data, _from, reply) => this.answerDns(data, reply));
    for (const site of SITES) {
      for (const port of [80, 443]) {
        net.serveStream(this.ns, site.address, port, (stream, info) => void serveHttp(stream, info.remote.address, site.handler, () => kernel.platform.now(), site.server));
      }
    }
  }

  /** The public address of a simulated host, if there is one by that name. */
  lookup(name: string): string | undefined {
    const n = name.toLowerCase().replace(/\.$/, '');
    return SITES.find((s) => s.names.includes(n))?.address;
  }

  private answerDns(data: Uint8Array, reply: (data: Uint8Array) => void): void {
    let q;
    try {
      q = decodeMessage(data);
    } catch {
      return;
    }
    const question = q.questions[0];
    if (!question) return;
    const address = this.lookup(question.name);
    const answers: ResourceRecord[] = address && question.type === TYPE.A ? [{ name: question.name, type: TYPE.A, ttl: 300, data: address }] : [];
    const rcode = address ? RCODE.NOERROR : RCODE.NXDOMAIN;
    reply(encodeMessage({ id: q.id, flags: QR | RA | (q.flags & 0x0100) | (address ? 0 : AA) | rcode, questions: q.questions, answers }));
  }

  /**
   * Plugs a namespace (the learner's host) into the uplink: eth0 with
   * 10.0.2.15/24, a default route through the gateway, and forwarding on,
   * so the containers behind it get out too.
   */
  connect(ns: NetNamespace): { resolver: string } {
    if (!this.connected.has(ns)) {
      const eth0 = ns.addInterface('eth0', 'ether', '52:54:00:12:34:56');
      ns.attach(eth0, this.segment);
      eth0.up = true;
      ns.addAddress('eth0', UPLINK.host, UPLINK.prefix);
      ns.addRoute({ destination: 'default', prefix: 0, gateway: UPLINK.gateway, device: 'eth0', protocol: 'boot' });
      ns.forwarding = true;
      this.connected.add(ns);
    }
    return { resolver: UPLINK.resolver };
  }
}

const internets = new WeakMap<Kernel, Internet>();

/** The kernel's internet (made on first use). */
export function internetOf(kernel: Kernel): Internet {
  let i = internets.get(kernel);
  if (!i) {
    i = new Internet(kernel);
    internets.set(kernel, i);
  }
  return i;
}

/** The resolv.conf a host on the uplink uses. */
export const HOST_RESOLV_CONF = `nameserver ${UPLINK.resolver}\n`;

/** Connects the learner's host to the simulated internet, with a resolv.conf naming its resolver. */
export function connectHost(host: Host): void {
  internetOf(host.machine.kernel).connect(host.machine.kernel.rootNet);
  host.writeFile('/etc/resolv.conf', HOST_RESOLV_CONF);
}
