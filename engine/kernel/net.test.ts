import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../platform/node/index.ts';
import { DiskFs } from '../fs/diskfs.ts';
import { fromUtf8, utf8 } from '../common/bytes.ts';
import { boot, hostPipe, type Machine } from './boot.ts';
import { NetNamespace, Segment, inSubnet, networkOf, type SockAddr } from './net.ts';
import type { Namespaces } from './namespaces.ts';
import type { Program, Sys } from './sys.ts';

const platform = nodePlatform();

function machine(): Machine {
  const disk = platform.createDisk();
  const rootfs = new DiskFs(disk, disk.root, () => platform.now());
  return boot({ platform, rootfs, programs: () => undefined });
}

/** Runs `main` as a root process in `ns` (default: the host's); returns its status and output. */
async function run(m: Machine, main: Program, options: { net?: NetNamespace; caps?: string[]; uid?: number } = {}) {
  const out = hostPipe(m.kernel, 'from-process');
  const p = m.kernel.createProcess(m.init, { ns: options.net ? ({ ...m.init.ns, net: options.net } as Namespaces) : undefined });
  p.image = { program: main, path: '/test', argv: ['test'], env: [], comm: 'test' };
  p.handlers.clear();
  if (options.caps) p.caps = new Set(options.caps);
  if (options.uid !== undefined) p.uid = p.euid = options.uid;
  m.kernel.installFd(p, 1, out.processEnd);
  m.kernel.start(p);
  let stdout = '';
  for await (const chunk of out.chunks()) stdout += fromUtf8(chunk);
  return { status: await p.ended, stdout };
}

const inet = (address: string, port: number): SockAddr => ({ family: 'inet', address, port });

async function readAll(sys: Sys, fd: number): Promise<string> {
  let s = '';
  for (;;) {
    const d = await sys.read(fd);
    if (d.length === 0) return s;
    s += fromUtf8(d);
  }
}

/** A container-style namespace on a bridge: eth0 with an address, default route via the gateway. */
function container(bridge: Segment, address: string, gateway: string): NetNamespace {
  const ns = new NetNamespace();
  const eth0 = ns.addInterface('eth0', 'veth', '02:42:ac:11:00:02');
  ns.attach(eth0, bridge);
  eth0.up = true;
  ns.addAddress('eth0', address, 16);
  ns.addRoute({ destination: 'default', prefix: 0, gateway, device: 'eth0' });
  return ns;
}

function hostBridge(m: Machine): Segment {
  const bridge = new Segment('docker0');
  const host = m.kernel.rootNet;
  const docker0 = host.addInterface('docker0', 'bridge', '02:42:00:00:00:01');
  host.attach(docker0, bridge);
  docker0.up = true;
  host.addAddress('docker0', '172.17.0.1', 16);
  host.forwarding = true;
  return bridge;
}

describe('addresses', () => {
  it('does subnet arithmetic', () => {
    expect(inSubnet('172.17.0.2', '172.17.0.0', 16)).toBe(true);
    expect(inSubnet('172.18.0.2', '172.17.0.0', 16)).toBe(false);
    expect(inSubnet('10.1.2.3', '0.0.0.0', 0)).toBe(true);
    expect(networkOf('192.168.5.77', 24)).toBe('192.168.5.0');
  });
});

describe('streams on loopback', () => {
  it('connects, echoes, and ends with end-of-file in both directions', async () => {
    const m = machine();
    const r = await run(m, async (sys) => {
      const srv = sys.socket('inet', 'stream');
      sys.bind(srv, inet('127.0.0.1', 8080));
      sys.listen(srv);
      const server = sys.fork(async (s) => {
        const { fd, peer } = await s.accept(srv);
        const got = await readAll(s, fd);
        await s.write(fd, `echo:${got} from ${peer.address}`);
        s.close(fd);
        return 0;
      });
      const c = sys.socket('inet', 'stream');
      await sys.connect(c, inet('127.0.0.1', 8080));
      const me = sys.getsockname(c);
      await sys.write(c, 'hello');
      sys.shutdown(c, 'write');
      const reply = await readAll(sys, c);
      await sys.waitpid(server);
      await sys.write(1, `${reply}|${me.address}|${me.port >= 32768 && me.port <= 60999}`);
      return 0;
    });
    expect(r.stdout).toBe('echo:hello from 127.0.0.1|127.0.0.1|true');
  });

  it('refuses with nothing listening, and refuses a second listener on the port', async () => {
    const m = machine();
    const r = await run(m, async (sys) => {
      const c = sys.socket('inet', 'stream');
      const errors: string[] = [];
      await sys.connect(c, inet('127.0.0.1', 9)).catch((e: Error & { code: string }) => errors.push(e.code));
      const a = sys.socket('inet', 'stream');
      sys.bind(a, inet('0.0.0.0', 80));
      sys.listen(a);
      const b = sys.socket('inet', 'stream');
      try {
        sys.bind(b, inet('127.0.0.1', 80));
      } catch (e) {
        errors.push((e as { code: string }).code);
      }
      await sys.write(1, errors.join(' '));
      return 0;
    });
    expect(r.stdout).toBe('ECONNREFUSED EADDRINUSE');
  });

  it('needs CAP_NET_BIND_SERVICE below the unprivileged port start', async () => {
    const m = machine();
    const r = await run(
      m,
      async (sys) => {
        const s = sys.socket('inet', 'stream');
        const low = (() => {
          try {
            sys.bind(s, inet('0.0.0.0', 80));
            return 'bound';
          } catch (e) {
            return (e as { code: string }).code;
          }
        })();
        sys.bind(sys.socket('inet', 'stream'), inet('0.0.0.0', 8080));
        await sys.write(1, low);
        return 0;
      },
      { uid: 1000, caps: [] },
    );
    expect(r.stdout).toBe('EACCES');
  });

  it('a writer whose peer has closed gets EPIPE (after one write, as with TCP)', async () => {
    const m = machine();
    const r = await run(m, async (sys) => {
      const srv = sys.socket('inet', 'stream');
      sys.bind(srv, inet('127.0.0.1', 7000));
      sys.listen(srv);
      const c = sys.socket('inet', 'stream');
      await sys.connect(c, inet('127.0.0.1', 7000));
      const { fd } = await sys.accept(srv);
      sys.close(fd);
      sys.signal(13, 'ignore');
      const attempt = () =>
        sys.write(c, 'x').then(
          () => 'written',
          (e: { code: string }) => e.code,
        );
      // As with TCP: the first write after the close goes out (and is reset), the next fails.
      await sys.write(1, `${await attempt()} ${await attempt()}`);
      return 0;
    });
    expect(r.stdout).toBe('written EPIPE');
  });

  it('poll waits for the first ready descriptor, or times out', async () => {
    const m = machine();
    const r = await run(m, async (sys) => {
      const srv = sys.socket('inet', 'stream');
      sys.bind(srv, inet('127.0.0.1', 7001));
      sys.listen(srv);
      const [rd] = sys.pipe();
      const none = await sys.poll([{ fd: srv, in: true }, { fd: rd, in: true }], 30);
      sys.fork(async (s) => {
        await s.sleep(10);
        await s.connect(s.socket('inet', 'stream'), inet('127.0.0.1', 7001));
        await s.sleep(50);
        return 0;
      });
      const some = await sys.poll([{ fd: srv, in: true }, { fd: rd, in: true }]);
      await sys.write(1, `${none.length} ${JSON.stringify(some.map((x) => ({ ...x, fd: x.fd === srv ? 'srv' : x.fd })))}`);
      return 0;
    });
    expect(r.stdout).toBe(`0 [{"fd":"srv","in":true,"out":false,"hup":false}]`);
  });
});

describe('routing between namespaces', () => {
  it('a container reaches a server in another container across the bridge, and the host reaches both', async () => {
    const m = machine();
    const bridge = hostBridge(m);
    const web = container(bridge, '172.17.0.2', '172.17.0.1');
    const client = container(bridge, '172.17.0.3', '172.17.0.1');
    const served: string[] = [];
    m.kernel.net.serveStream(web, '0.0.0.0', 80, (stream, info) => {
      served.push(`${info.remote.address}->${info.local.address}:${info.local.port}`);
      void stream.write(utf8('hi\n')).then(() => stream.close());
    });
    const fetch = (sys: Sys, address: string) =>
      (async () => {
        const c = sys.socket('inet', 'stream');
        await sys.connect(c, inet(address, 80));
        return readAll(sys, c);
      })().catch((e: { code: string }) => e.code);
    const fromClient = await run(m, async (sys) => (await sys.write(1, `${await fetch(sys, '172.17.0.2')}${await fetch(sys, '172.17.0.9')}`), 0), { net: client });
    const fromHost = await run(m, async (sys) => (await sys.write(1, await fetch(sys, '172.17.0.2')), 0));
    expect(fromClient.stdout).toBe('hi\nEHOSTUNREACH');
    expect(fromHost.stdout).toBe('hi\n');
    expect(served).toEqual(['172.17.0.3->172.17.0.2:80', '172.17.0.1->172.17.0.2:80']);
  });

  it('a namespace without a route says ENETUNREACH; --network none has only lo', async () => {
    const m = machine();
    const none = new NetNamespace();
    const r = await run(
      m,
      async (sys) => {
        const c = sys.socket('inet', 'stream');
        const e = await sys.connect(c, inet('10.0.0.1', 80)).catch((err: { code: string }) => err.code);
        await sys.write(1, `${e} ${sys.netInfo().interfaces.map((i) => i.name).join(',')}`);
        return 0;
      },
      { net: none },
    );
    expect(r.stdout).toBe('ENETUNREACH lo');
  });

  it('DNAT publishes a container port on the host; MASQUERADE hides the container behind the host', async () => {
    const m = machine();
    const bridge = hostBridge(m);
    const host = m.kernel.rootNet;
    // The outside: a segment with the host's eth0 and a server at 10.0.2.2.
    const wan = new Segment('uplink');
    const eth0 = host.addInterface('eth0', 'ether', '52:54:00:12:34:56');
    host.attach(eth0, wan);
    eth0.up = true;
    host.addAddress('eth0', '10.0.2.15', 24);
    host.addRoute({ destination: 'default', prefix: 0, gateway: '10.0.2.2', device: 'eth0' });
    const outside = new NetNamespace();
    const oeth = outside.addInterface('eth0', 'ether', '52:54:00:12:34:02');
    outside.attach(oeth, wan);
    oeth.up = true;
    outside.addAddress('eth0', '10.0.2.2', 24);
    host.nat.push({ kind: 'masquerade', source: '172.17.0.0', prefix: 16, notInterface: 'docker0' });
    host.nat.push({ kind: 'dnat', protocol: 'tcp', port: 8080, to: { address: '172.17.0.2', port: 80 }, notInterface: 'docker0' });

    const web = container(bridge, '172.17.0.2', '172.17.0.1');
    const seen: string[] = [];
    m.kernel.net.serveStream(web, '0.0.0.0', 80, (stream, info) => {
      seen.push(`web saw ${info.remote.address}`);
      stream.close();
    });
    m.kernel.net.serveStream(outside, '0.0.0.0', 443, (stream, info) => {
      seen.push(`outside saw ${info.remote.address}`);
      stream.close();
    });
    // From the outside to the host's published port.
    await run(m, async (sys) => (await sys.connect(sys.socket('inet', 'stream'), inet('10.0.2.15', 8080)), 0), { net: outside });
    // From the container out to the world.
    await run(m, async (sys) => (await sys.connect(sys.socket('inet', 'stream'), inet('10.0.2.2', 443)), 0), { net: web });
    expect(seen).toEqual(['web saw 10.0.2.2', 'outside saw 10.0.2.15']);
  });

  it('UDP: a datagram service answers, and replies find the sender through the translation', async () => {
    const m = machine();
    const bridge = hostBridge(m);
    const dns = new NetNamespace();
    const link = new Segment('lan');
    const host = m.kernel.rootNet;
    const eth1 = host.addInterface('eth1', 'ether', '52:54:00:00:00:01');
    host.attach(eth1, link);
    eth1.up = true;
    host.addAddress('eth1', '10.9.0.1', 24);
    const d0 = dns.addInterface('eth0', 'ether', '52:54:00:00:00:02');
    dns.attach(d0, link);
    d0.up = true;
    dns.addAddress('eth0', '10.9.0.53', 24);
    host.nat.push({ kind: 'masquerade', source: '172.17.0.0', prefix: 16, notInterface: 'docker0' });
    m.kernel.net.serveDatagram(dns, '0.0.0.0', 53, (data, from, reply) => reply(utf8(`${fromUtf8(data)} via ${from.address}`)));
    const c = container(bridge, '172.17.0.5', '172.17.0.1');
    const r = await run(
      m,
      async (sys) => {
        const s = sys.socket('inet', 'dgram');
        await sys.sendto(s, 'query', inet('10.9.0.53', 53));
        const { data, from } = await sys.recvfrom(s);
        await sys.write(1, `${fromUtf8(data)} / ${from.address}:${from.port}`);
        return 0;
      },
      { net: c },
    );
    expect(r.stdout).toBe('query via 10.9.0.1 / 10.9.0.53:53');
  });
});
