import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../common/bytes.ts';
import { bootLearnerMachine, type Machine } from '../index.ts';
import { nodePlatform } from '../platform/node/index.ts';

async function machineWithAlpine(): Promise<Machine> {
  const m = bootLearnerMachine(nodePlatform());
  const s = await m.api.stream('POST', '/images/create', { fromImage: 'docker.io/library/alpine', tag: 'latest' });
  for await (const c of s) void fromUtf8(c);
  return m;
}

async function run(m: Machine, name: string, cmd: string[], hostConfig: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<string> {
  const { Id } = await m.api.post<{ Id: string }>('/containers/create', { name }, { Image: 'alpine', Cmd: cmd, HostConfig: hostConfig, ...extra });
  await m.api.post(`/containers/${Id}/start`);
  return Id;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('networks API', () => {
  it('lists the predefined networks and manages user ones with Docker errors', async () => {
    const m = await machineWithAlpine();
    const list = await m.api.get<any[]>('/networks');
    expect(list.map((n) => [n.Name, n.Driver]).sort()).toEqual([['bridge', 'bridge'], ['host', 'host'], ['none', 'null']]);
    const bridge = await m.api.get<any>('/networks/bridge');
    expect(bridge.IPAM.Config).toEqual([{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }]);
    expect(bridge.Options['com.docker.network.bridge.name']).toBe('docker0');

    const { Id } = await m.api.post<{ Id: string; Warning: string }>('/networks/create', undefined, { Name: 'mynet' });
    expect(Id).toMatch(/^[0-9a-f]{64}$/);
    const mine = await m.api.get<any>(`/networks/${Id.slice(0, 12)}`);
    expect(mine).toMatchObject({ Name: 'mynet', Driver: 'bridge', Scope: 'local', IPAM: { Driver: 'default', Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] } });
    await m.api.post('/networks/create', undefined, { Name: 'other' });
    expect((await m.api.get<any>('/networks/other')).IPAM.Config[0].Subnet).toBe('172.19.0.0/16');

    await expect(m.api.post('/networks/create', undefined, { Name: 'mynet' })).rejects.toThrow('network with name mynet already exists');
    await expect(m.api.get('/networks/nope')).rejects.toThrow('network nope not found');
    await expect(m.api.delete('/networks/bridge')).rejects.toThrow('bridge is a pre-defined network and cannot be removed');

    const c = await run(m, 'member', ['sleep', '100'], { NetworkMode: 'mynet' });
    await expect(m.api.delete('/networks/mynet')).rejects.toThrow(`error while removing network: network mynet has active endpoints (name:"member" id:"${c.slice(0, 12)}")`);
    const inspected = await m.api.get<any>('/networks/mynet');
    expect(inspected.Containers[c]).toMatchObject({ Name: 'member', IPv4Address: '172.18.0.2/16' });
    await m.api.delete(`/containers/${c}`, { force: 1 });
    await m.api.delete('/networks/mynet');
    expect(await m.api.post<any>('/networks/prune')).toEqual({ NetworksDeleted: ['other'] });
    expect((await m.api.get<any[]>('/networks')).length).toBe(3);
  });
});

describe('user-defined bridge networks', () => {
  it('containers reach each other by IP and by name through the embedded DNS', async () => {
    const m = await machineWithAlpine();
    await m.api.post('/networks/create', undefined, { Name: 'app' });
    const server = await run(m, 'db', ['sh', '-c', 'while true; do printf "HTTP/1.0 200 OK\\r\\n\\r\\npong\\n" | nc -l -p 5432; done'], { NetworkMode: 'app' });
    const info = await m.api.get<any>(`/containers/${server}/json`);
    expect(info.NetworkSettings.Networks.app).toMatchObject({ IPAddress: '172.18.0.2', Gateway: '172.18.0.1', IPPrefixLen: 16 });
    expect(info.NetworkSettings.Networks.app.DNSNames).toEqual(['db', server.slice(0, 12)]);
    await sleep(100);
    const client = await run(m, 'client', ['sh', '-c', 'cat /etc/resolv.conf; nslookup db; wget -qO- http://db:5432/; sleep 0.3; wget -qO- http://172.18.0.2:5432/; wget -qO- http://example.com/ | grep -c Example'], { NetworkMode: 'app' });
    await m.api.post(`/containers/${client}/wait`);
    const out = m.daemon.logsText('client');
    expect(out).toContain('nameserver 127.0.0.11');
    expect(out).toContain('options ndots:0');
    expect(out).toContain('172.18.0.2');
    expect(out.match(/pong/g)?.length).toBe(2);
    expect(out).toMatch(/^[1-9]/m);
  });

  it('connect and disconnect a running container', async () => {
    const m = await machineWithAlpine();
    await m.api.post('/networks/create', undefined, { Name: 'back' });
    const id = await run(m, 'svc', ['sleep', '100']);
    await m.api.post('/networks/back/connect', undefined, { Container: 'svc', EndpointConfig: { Aliases: ['api'] } });
    const info = await m.api.get<any>(`/containers/${id}/json`);
    expect(Object.keys(info.NetworkSettings.Networks).sort()).toEqual(['back', 'bridge']);
    const peer = await run(m, 'peer', ['sh', '-c', 'nslookup api; ip addr'], { NetworkMode: 'back' });
    await m.api.post(`/containers/${peer}/wait`);
    expect(m.daemon.logsText('peer')).toContain(info.NetworkSettings.Networks.back.IPAddress);
    await expect(m.api.post('/networks/back/connect', undefined, { Container: 'svc' })).rejects.toThrow('endpoint with name svc already exists in network back');
    await m.api.post('/networks/back/disconnect', undefined, { Container: 'svc' });
    expect(Object.keys((await m.api.get<any>(`/containers/${id}/json`)).NetworkSettings.Networks)).toEqual(['bridge']);
    await m.api.post(`/containers/${id}/kill`);
  });
});
