import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../common/bytes.ts';
import { bootLearnerMachine, type Machine } from '../index.ts';
import { nodePlatform } from '../platform/node/index.ts';
import { macFor, nthAddress, parseCidr } from './bridge.ts';

export async function machineWithAlpine(): Promise<Machine> {
  const m = bootLearnerMachine(nodePlatform());
  const s = await m.api.stream('POST', '/images/create', { fromImage: 'docker.io/library/alpine', tag: 'latest' });
  for await (const c of s) void fromUtf8(c);
  return m;
}

export async function run(m: Machine, name: string, cmd: string[], hostConfig: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<string> {
  const { Id } = await m.api.post<{ Id: string }>('/containers/create', { name }, { Image: 'alpine', Cmd: cmd, HostConfig: hostConfig, ...extra });
  await m.api.post(`/containers/${Id}/start`);
  return Id;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a command on the host until its output matches (servers in containers take a moment to listen). */
export async function hostUntil(m: Machine, argv: string[], ok: (out: string) => boolean, tries = 40): Promise<string> {
  let last = '';
  for (let i = 0; i < tries; i++) {
    const r = await m.host.exec(argv);
    last = r.stdout + r.stderr;
    if (ok(r.stdout)) return r.stdout;
    await sleep(50);
  }
  return last;
}

describe('address helpers', () => {
  it('does CIDR and MAC arithmetic as Docker does', () => {
    expect(parseCidr('172.18.5.4/16')).toEqual({ network: '172.18.0.0', prefix: 16 });
    expect(nthAddress('172.17.0.0', 2)).toBe('172.17.0.2');
    expect(macFor('172.17.0.2')).toBe('02:42:ac:11:00:02');
  });
});

describe('the default bridge', () => {
  it('gives containers 172.17.0.x on eth0, a default route, and the internet through NAT', async () => {
    const m = await machineWithAlpine();
    const id = await run(m, 'ca', ['sh', '-c', 'ip addr show eth0; ip route; wget -qO- http://example.com/ | head -4']);
    await m.api.post(`/containers/${id}/wait`);
    const out = m.daemon.logsText('ca');
    expect(out).toContain('inet 172.17.0.2/16');
    expect(out).toContain('02:42:ac:11:00:02');
    expect(out).toMatch(/default via 172\.17\.0\.1 dev eth0/);
    expect(out).toContain('Example Domain');
    const info = await m.api.get<any>(`/containers/${id}/json`);
    expect(info.NetworkSettings.Networks.bridge).toMatchObject({ IPAddress: '172.17.0.2', Gateway: '172.17.0.1', IPPrefixLen: 16, MacAddress: '02:42:ac:11:00:02' });
    expect(info.NetworkSettings.Networks.bridge.EndpointID).toMatch(/^[0-9a-f]{64}$/);
    expect(info.NetworkSettings.IPAddress).toBe('172.17.0.2');
    const id2 = await run(m, 'cb', ['sh', '-c', 'ip addr show eth0']);
    await m.api.post(`/containers/${id2}/wait`);
    expect(m.daemon.logsText('cb')).toContain('inet 172.17.0.3/16');
  });

  it('none has only lo; host shares the host namespace', async () => {
    const m = await machineWithAlpine();
    const a = await run(m, 'nn', ['ip', 'addr'], { NetworkMode: 'none' });
    await m.api.post(`/containers/${a}/wait`);
    expect(m.daemon.logsText('nn')).toContain('lo');
    expect(m.daemon.logsText('nn')).not.toContain('eth0');
    const b = await run(m, 'hh', ['ip', 'addr'], { NetworkMode: 'host' });
    await m.api.post(`/containers/${b}/wait`);
    expect(m.daemon.logsText('hh')).toContain('10.0.2.15');
    expect(Object.keys((await m.api.get<any>(`/containers/${b}/json`)).NetworkSettings.Networks)).toEqual(['host']);
  });
});

describe('published ports', () => {
  it('relays host:8080 to the container, lists both families, and releases the port on stop', async () => {
    const m = await machineWithAlpine();
    const id = await run(m, 'web', ['sh', '-c', 'while true; do printf "HTTP/1.0 200 OK\\r\\n\\r\\nhi\\n" | nc -l -p 80; done'], { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } }, { ExposedPorts: { '80/tcp': {} } });
    const out = await hostUntil(m, ['wget', '-qO-', 'localhost:8080'], (o) => o.includes('hi'));
    expect(out).toContain('hi');
    const list = await m.api.get<any[]>('/containers/json');
    expect(list[0].Ports).toEqual([
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    ]);
    // A second bind of the same port fails the start.
    const { Id: other } = await m.api.post<{ Id: string }>('/containers/create', { name: 'web2' }, { Image: 'alpine', Cmd: ['sleep', '100'], HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '8080' }] } } });
    await expect(m.api.post(`/containers/${other}/start`)).rejects.toThrow(/driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated/);
    expect((await m.api.get<any>(`/containers/${other}/json`)).State.Running).toBe(false);
    await m.api.post(`/containers/${id}/stop`, { t: 0 });
    expect((await m.api.get<any[]>('/containers/json', { all: 1 })).find((c) => c.Id === id).Ports.filter((p: any) => p.PublicPort)).toEqual([]);
    const after = await m.host.exec(['wget', '-qO-', 'localhost:8080']);
    expect(after.stdout).toBe('');
    // Now the port is free: the other one starts.
    await m.api.post(`/containers/${other}/start`);
    expect((await m.api.get<any>(`/containers/${other}/json`)).State.Running).toBe(true);
    await m.api.post(`/containers/${other}/kill`);
  });

  it('-P publishes exposed ports on ephemeral host ports', async () => {
    const m = await machineWithAlpine();
    const id = await run(m, 'pp', ['sh', '-c', 'printf "HTTP/1.0 200 OK\\r\\n\\r\\nyo\\n" | nc -l -p 80'], { PublishAllPorts: true }, { ExposedPorts: { '80/tcp': {} } });
    const info = await m.api.get<any>(`/containers/${id}/json`);
    const hostPort = Number(info.NetworkSettings.Ports['80/tcp'][0].HostPort);
    expect(hostPort).toBeGreaterThanOrEqual(32768);
    expect(await hostUntil(m, ['wget', '-qO-', `localhost:${hostPort}`], (o) => o.includes('yo'))).toContain('yo');
  });
});
