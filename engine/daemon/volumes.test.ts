import { beforeAll, describe, expect, it } from 'vitest';
import { bootLearnerMachine, type Machine } from '../index.ts';
import { nodePlatform } from '../platform/node/index.ts';
import type { MountPoint } from './types.ts';

let machine: Machine;

async function pull(image: string, tag = 'latest'): Promise<void> {
  for await (const _ of await machine.api.stream('POST', '/images/create', { fromImage: `docker.io/library/${image}`, tag }));
}

/** Creates, starts and waits for a container; returns its exit code and output. */
async function run(name: string, body: Record<string, unknown>): Promise<{ code: number; out: string }> {
  await machine.api.post('/containers/create', { name }, body);
  await machine.api.post(`/containers/${name}/start`);
  const { StatusCode } = await machine.api.post<{ StatusCode: number }>(`/containers/${name}/wait`);
  return { code: StatusCode, out: machine.daemon.logsText(name) };
}

async function error(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
  } catch (err) {
    return err as { status: number; message: string };
  }
  throw new Error('expected an error');
}

beforeAll(async () => {
  machine = bootLearnerMachine(nodePlatform());
  await pull('alpine');
  await pull('redis', 'alpine');
}, 60_000);

describe('volumes', () => {
  it('keeps a named volume across docker rm, unlike the container layer', async () => {
    const a = await run('v1', { Image: 'alpine', Cmd: ['sh', '-c', 'echo hello > /data/greeting; echo layer > /layer.txt'], HostConfig: { Binds: ['data:/data'] } });
    expect(a.code).toBe(0);
    const info = await machine.api.get<{ Name: string; Driver: string; Mountpoint: string; Scope: string }>('/volumes/data');
    expect(info).toMatchObject({ Name: 'data', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/data/_data', Scope: 'local' });
    expect(machine.host.readFile('/var/lib/docker/volumes/data/_data/greeting')).toBe('hello\n');
    const inspect = await machine.api.get<{ Mounts: MountPoint[] }>('/containers/v1/json');
    expect(inspect.Mounts).toEqual([{ Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', Driver: 'local', Mode: 'z', RW: true, Propagation: '' }]);
    await machine.api.delete('/containers/v1');

    const b = await run('v2', { Image: 'alpine', Cmd: ['sh', '-c', 'cat /data/greeting; cat /layer.txt 2>&1 || echo gone'], HostConfig: { Binds: ['data:/data'] } });
    expect(b.out).toContain('hello\n');
    expect(b.out).toContain('gone');
    await machine.api.delete('/containers/v2');
  });

  it('copies the image content into a new empty volume', async () => {
    const r = await run('cu', { Image: 'alpine', Cmd: ['sh', '-c', 'ls /etc/apk'], HostConfig: { Binds: ['apkconf:/etc/apk'] } });
    expect(r.out).toContain('repositories');
    expect(machine.host.rootfs.readdir('/var/lib/docker/volumes/apkconf/_data')).toContain('repositories');
    await machine.api.delete('/containers/cu');
  });

  it("creates an anonymous volume for the image's VOLUME, removed by rm -v", async () => {
    await machine.api.post('/containers/create', { name: 'r1' }, { Image: 'redis:alpine', Entrypoint: ['sh', '-c', 'echo x > /data/f; stat -c %u /data'] });
    const inspect = await machine.api.get<{ Mounts: MountPoint[] }>('/containers/r1/json');
    expect(inspect.Mounts).toHaveLength(1);
    const m = inspect.Mounts[0]!;
    expect(m).toMatchObject({ Type: 'volume', Destination: '/data', Driver: 'local', RW: true });
    expect(m.Name).toMatch(/^[0-9a-f]{64}$/);
    expect(m.Source).toBe(`/var/lib/docker/volumes/${m.Name}/_data`);
    await machine.api.post('/containers/r1/start');
    await machine.api.post('/containers/r1/wait');
    expect(machine.daemon.logsText('r1')).toBe('999\n'); // copy-up keeps the image directory's owner
    const vol = await machine.api.get<{ Labels: Record<string, string> }>(`/volumes/${m.Name}`);
    expect(vol.Labels).toEqual({ 'com.docker.volume.anonymous': '' });
    await machine.api.delete('/containers/r1', { v: true });
    expect((await error(machine.api.get(`/volumes/${m.Name}`))).message).toBe(`get ${m.Name}: no such volume`);
  });

  it('mounts a host directory with -v and checks --mount bind sources', async () => {
    machine.host.writeFile('/home/learner/site/index.html', 'from the host\n');
    const r = await run('b1', { Image: 'alpine', Cmd: ['sh', '-c', 'cat /site/index.html; echo back > /site/out.txt'], HostConfig: { Binds: ['/home/learner/site:/site'] } });
    expect(r.out).toBe('from the host\n');
    expect(machine.host.readFile('/home/learner/site/out.txt')).toBe('back\n');
    const ro = await run('b2', { Image: 'alpine', Cmd: ['sh', '-c', 'echo no > /site/x'], HostConfig: { Mounts: [{ Type: 'bind', Source: '/home/learner/site', Target: '/site', ReadOnly: true }] } });
    expect(ro.code).not.toBe(0);
    const missing = await error(machine.api.post('/containers/create', { name: 'b3' }, { Image: 'alpine', Cmd: ['true'], HostConfig: { Mounts: [{ Type: 'bind', Source: '/x', Target: '/x' }] } }));
    expect(missing.status).toBe(400);
    expect(missing.message).toBe('invalid mount config for type "bind": bind source path does not exist: /x');
    // -v creates a missing host path as a directory.
    await machine.api.post('/containers/create', { name: 'b4' }, { Image: 'alpine', Cmd: ['true'], HostConfig: { Binds: ['/srv/new:/new'] } });
    expect(machine.host.rootfs.readdir('/srv/new')).toEqual([]);
    for (const n of ['b1', 'b2', 'b4']) await machine.api.delete(`/containers/${n}`);
  });

  it('mounts tmpfs and read-only volumes', async () => {
    const t = await run('t1', { Image: 'alpine', Cmd: ['sh', '-c', 'echo hi > /scratch/a && cat /scratch/a && grep " /scratch " /proc/mounts | cut -d" " -f3'], HostConfig: { Mounts: [{ Type: 'tmpfs', Target: '/scratch' }] } });
    expect(t.out).toBe('hi\ntmpfs\n');
    const ro = await run('t2', { Image: 'alpine', Cmd: ['sh', '-c', 'ls /data; echo no > /data/x'], HostConfig: { Binds: ['rodata:/data:ro'] } });
    expect(ro.code).not.toBe(0);
    const m = (await machine.api.get<{ Mounts: MountPoint[] }>('/containers/t2/json')).Mounts[0]!;
    expect(m).toMatchObject({ Type: 'volume', Name: 'rodata', Mode: 'ro', RW: false });
    for (const n of ['t1', 't2']) await machine.api.delete(`/containers/${n}`);
  });

  it('answers the /volumes routes as Docker does', async () => {
    const created = await machine.api.post<{ Name: string; Labels: Record<string, string> }>('/volumes/create', undefined, { Name: 'named', Labels: { team: 'a' } });
    expect(created).toMatchObject({ Name: 'named', Driver: 'local', Labels: { team: 'a' }, Scope: 'local' });
    const again = await machine.api.post<{ Labels: Record<string, string> }>('/volumes/create', undefined, { Name: 'named' });
    expect(again.Labels).toEqual({ team: 'a' });
    const anon = await machine.api.post<{ Name: string }>('/volumes/create', undefined, {});
    expect(anon.Name).toMatch(/^[0-9a-f]{64}$/);
    const bad = await error(machine.api.post('/volumes/create', undefined, { Name: 'x/y' }));
    expect(bad.message).toBe('create x/y: "x/y" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path');

    const list = await machine.api.get<{ Volumes: { Name: string }[]; Warnings: string[] }>('/volumes');
    expect(list.Volumes.map((v) => v.Name)).toEqual(expect.arrayContaining(['data', 'named', anon.Name]));
    expect(list.Warnings).toEqual([]);

    await machine.api.post('/containers/create', { name: 'user' }, { Image: 'alpine', Cmd: ['true'], HostConfig: { Binds: ['named:/n'] } });
    const id = (await machine.api.get<{ Id: string }>('/containers/user/json')).Id;
    const inUse = await error(machine.api.delete('/volumes/named'));
    expect(inUse.status).toBe(409);
    expect(inUse.message).toBe(`remove named: volume is in use - [${id}]`);
    const missing = await error(machine.api.delete('/volumes/nope'));
    expect(missing.status).toBe(404);
    expect(missing.message).toBe('get nope: no such volume');

    // Prune: only unused anonymous volumes, then named ones with all=true.
    // `-v /scratch` (Config.Volumes) makes an anonymous volume; plain docker rm leaves it behind.
    await machine.api.post('/containers/create', { name: 'scratch' }, { Image: 'alpine', Cmd: ['true'], Volumes: { '/scratch': {} } });
    const scratch = (await machine.api.get<{ Mounts: MountPoint[] }>('/containers/scratch/json')).Mounts[0]!.Name!;
    await machine.api.delete('/containers/scratch');
    const p1 = await machine.api.post<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>('/volumes/prune');
    expect(p1.VolumesDeleted).toEqual([scratch]); // a volume created by name-less `docker volume create` is not anonymous
    await machine.api.delete('/containers/user');
    const p2 = await machine.api.post<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>('/volumes/prune', { filters: JSON.stringify({ all: ['true'] }) });
    expect(p2.VolumesDeleted).toEqual(expect.arrayContaining(['data', 'named', 'apkconf', 'rodata', anon.Name]));
    expect(p2.SpaceReclaimed).toBeGreaterThan(0);
    expect((await machine.api.get<{ Volumes: unknown[] }>('/volumes')).Volumes).toEqual([]);
    expect(() => machine.host.rootfs.lstat('/var/lib/docker/volumes/data')).toThrow();
  });
});
