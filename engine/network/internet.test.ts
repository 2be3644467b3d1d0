import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../common/bytes.ts';
import { hostPipe } from '../kernel/boot.ts';
import { NetNamespace } from '../kernel/net.ts';
import type { Namespaces } from '../kernel/namespaces.ts';
import type { Program } from '../kernel/sys.ts';
import { nodePlatform } from '../platform/node/index.ts';
import { bootHost, type Host } from '../userland/host.ts';
import { resolveHost } from '../userland/lib/resolv.ts';
import { reachable } from '../userland/lib/net.ts';
import { connectHost } from './internet.ts';

async function run(host: Host, main: Program, net?: NetNamespace): Promise<string> {
  const k = host.machine.kernel;
  const out = hostPipe(k, 'from-process');
  const p = k.createProcess(host.machine.init, net ? { ns: { ...host.machine.init.ns, net } as Namespaces } : {});
  p.handlers.clear();
  p.image = { program: main, path: '/test', argv: ['test'], env: [], comm: 'test' };
  k.installFd(p, 1, out.processEnd);
  k.start(p);
  let s = '';
  for await (const c of out.chunks()) s += fromUtf8(c);
  await p.ended;
  return s;
}

describe('the simulated internet', () => {
  it('resolves names over DNS and serves HTTP to the host', async () => {
    const host = bootHost(nodePlatform());
    connectHost(host);
    const out = await run(host, async (sys) => {
      const ok = await resolveHost(sys, 'example.com');
      const bad = await resolveHost(sys, 'no-such-host.invalid');
      const local = await resolveHost(sys, 'localhost');
      const fd = sys.socket('inet', 'stream');
      await sys.connect(fd, { family: 'inet', address: ok.ok ? ok.addresses[0]! : '0.0.0.0', port: 80 });
      await sys.write(fd, 'GET / HTTP/1.0\r\nHost: example.com\r\n\r\n');
      let page = '';
      for (;;) {
        const d = await sys.read(fd);
        if (d.length === 0) break;
        page += fromUtf8(d);
      }
      await sys.write(1, JSON.stringify({ ok, bad, local: local.ok && local.addresses, status: page.split('\r\n')[0], title: /<title>(.*)<\/title>/.exec(page)?.[1] }));
      return 0;
    });
    expect(JSON.parse(out)).toEqual({
      ok: { ok: true, addresses: ['93.184.215.14'], canonical: 'example.com' },
      bad: { ok: false, error: 'EAI_NONAME' },
      local: ['127.0.0.1'],
      status: 'HTTP/1.1 200 OK',
      title: 'Example Domain',
    });
  });

  it('a namespace with no network cannot reach it', async () => {
    const host = bootHost(nodePlatform());
    connectHost(host);
    const out = await run(host, async (sys) => (await sys.write(1, `${await reachable(sys, 'dl-cdn.alpinelinux.org')} `), 0), new NetNamespace());
    const fromHost = await run(host, async (sys) => (await sys.write(1, await reachable(sys, 'dl-cdn.alpinelinux.org')), 0));
    expect(out + fromHost).toBe('dns ok');
  });
});
