import { describe, expect, it } from 'vitest';
import { bootLearnerMachine } from '../index.ts';
import { nodePlatform } from '../platform/node/index.ts';
import { fromUtf8 } from '../common/bytes.ts';
import { demux } from '../api/stream.ts';
import { ApiError } from '../api/client.ts';

async function machine() {
  const m = bootLearnerMachine(nodePlatform());
  for await (const _ of await m.api.stream('POST', '/images/create', { fromImage: 'docker.io/library/alpine', tag: 'latest' }));
  return m;
}

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return `${err.status} ${err.message}`;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('the daemon through the Engine API', () => {
  it('pulls with progress messages, then lists the image', async () => {
    const m = bootLearnerMachine(nodePlatform());
    let text = '';
    for await (const c of await m.api.stream('POST', '/images/create', { fromImage: 'docker.io/library/alpine', tag: 'latest' })) text += fromUtf8(c);
    const statuses = text.trim().split('\n').map((l) => JSON.parse(l).status as string);
    expect(statuses[0]).toBe('Pulling from library/alpine');
    expect(statuses).toContain('Pull complete');
    expect(statuses.at(-1)).toBe('Status: Downloaded newer image for alpine:latest');
    const images = await m.api.get<{ RepoTags: string[]; Id: string }[]>('/images/json');
    expect(images.map((i) => i.RepoTags)).toEqual([['alpine:latest']]);
    text = '';
    for await (const c of await m.api.stream('POST', '/images/create', { fromImage: 'docker.io/library/alpine', tag: 'latest' })) text += fromUtf8(c);
    expect(text).toContain('Status: Image is up to date for alpine:latest');
    expect(await failure(m.api.stream('POST', '/images/create', { fromImage: 'docker.io/library/nonexistent', tag: 'latest' }))).toBe(
      "404 pull access denied for nonexistent, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
  });

  it('runs a container to its exit code, keeps its logs, and refuses a name in use', async () => {
    const m = await machine();
    const { Id } = await m.api.post<{ Id: string }>('/containers/create', { name: 'web' }, { Image: 'alpine', Cmd: ['sh', '-c', 'echo hello; echo oops >&2; hostname; exit 3'] });
    await m.api.post(`/containers/${Id}/start`);
    expect(await m.api.post(`/containers/${Id}/wait`)).toEqual({ StatusCode: 3, Error: null });
    expect(m.daemon.logsText('web')).toBe(`hello\noops\n${Id.slice(0, 12)}\n`);
    const frames: [number, string][] = [];
    for await (const f of demux(await m.api.stream('GET', '/containers/web/logs', { stdout: 1, stderr: 1, tail: 2 }))) frames.push([f.stream, fromUtf8(f.data)]);
    expect(frames).toEqual([[2, 'oops\n'], [1, `${Id.slice(0, 12)}\n`]]);
    const list = await m.api.get<{ Names: string[]; Status: string; State: string }[]>('/containers/json', { all: 1 });
    expect(list.map((c) => [c.Names, c.State])).toEqual([[['/web'], 'exited']]);
    expect(list[0]!.Status).toMatch(/^Exited \(3\) (Less than a second|\d+ seconds) ago$/);
    expect(await m.api.get('/containers/json')).toEqual([]);
    expect(await failure(m.api.post('/containers/create', { name: 'web' }, { Image: 'alpine' }))).toBe(
      `409 Conflict. The container name "/web" is already in use by container "${Id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
    expect(await failure(m.api.post('/containers/create', {}, { Image: 'nope' }))).toBe('404 No such image: nope:latest');
    expect(await failure(m.api.post('/containers/create', { name: 'a/b' }, { Image: 'alpine' }))).toBe('400 Invalid container name (a/b), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed');
    expect(m.daemon.containers.size).toBe(1);
  });

  it('execs in a running container, stops PID 1 that ignores SIGTERM with SIGKILL, and will not remove it while running', async () => {
    const m = await machine();
    const { Id } = await m.api.post<{ Id: string }>('/containers/create', { name: 'sl' }, { Image: 'alpine', Cmd: ['sleep', '100'] });
    await m.api.post(`/containers/${Id}/start`);
    const ex = await m.api.post<{ Id: string }>(`/containers/sl/exec`, undefined, { Cmd: ['ps'], AttachStdout: true, AttachStderr: true });
    const session = await m.api.session(`/exec/${ex.Id}/start`, undefined, {});
    let out = '';
    for await (const f of demux(session!.output)) out += fromUtf8(f.data);
    expect(out).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 100\n    2 root      0:00 ps\n');
    expect(await m.api.get<{ ExitCode: number }>(`/exec/${ex.Id}/json`)).toMatchObject({ ExitCode: 0, Running: false });
    expect(await failure(m.api.delete('/containers/sl'))).toBe('409 cannot remove container "/sl": container is running: stop the container before removing or force remove');
    await m.api.post('/containers/sl/stop', { t: 1 });
    const state = (await m.api.get<{ State: { Status: string; ExitCode: number } }>('/containers/sl/json')).State;
    expect(state).toMatchObject({ Status: 'exited', ExitCode: 137 });
    await m.api.delete('/containers/sl');
    expect(await failure(m.api.get('/containers/sl/json'))).toBe('404 No such container: sl');
  });

  it('restarts a crashing container under on-failure:2, then leaves it exited', async () => {
    const m = await machine();
    const { Id } = await m.api.post<{ Id: string }>('/containers/create', { name: 'crash' }, { Image: 'alpine', Cmd: ['sh', '-c', 'echo run; exit 1'], HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 } } });
    await m.api.post(`/containers/${Id}/start`);
    for (let i = 0; i < 100 && !(m.daemon.container('crash').restartCount === 2 && m.daemon.container('crash').state === 'exited'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(m.daemon.container('crash').restartCount).toBe(2);
    expect(m.daemon.logsText('crash')).toBe('run\nrun\nrun\n');
  });

  it('kills only the container over its memory limit, with 137 and OOMKilled', async () => {
    const m = await machine();
    await m.api.post('/containers/create', { name: 'hog' }, { Image: 'alpine', Cmd: ['sh', '-c', 'x=a; while :; do x="$x$x"; done'], HostConfig: { Memory: 8 * 1024 * 1024 } });
    await m.api.post('/containers/create', { name: 'calm' }, { Image: 'alpine', Cmd: ['sleep', '100'] });
    await m.api.post('/containers/calm/start');
    await m.api.post('/containers/hog/start');
    expect(await m.api.post('/containers/hog/wait')).toEqual({ StatusCode: 137, Error: null });
    expect((await m.api.get<{ State: object }>('/containers/hog/json')).State).toMatchObject({ OOMKilled: true, ExitCode: 137 });
    expect(m.daemon.container('calm').state).toBe('running');
  });

  it('removes an image only when no container needs it', async () => {
    const m = await machine();
    await m.api.post('/containers/create', { name: 'cc' }, { Image: 'alpine', Cmd: ['true'] });
    expect(await failure(m.api.delete('/images/alpine'))).toMatch(/^409 conflict: unable to remove repository reference "alpine" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}$/);
    await m.api.delete('/containers/cc');
    const out = await m.api.delete<{ Untagged?: string; Deleted?: string }[]>('/images/alpine');
    expect(out[0]).toEqual({ Untagged: 'alpine:latest' });
    expect(out[1]!.Untagged).toMatch(/^alpine@sha256:/);
    expect(out[2]!.Deleted).toMatch(/^sha256:/);
    expect(await m.api.get('/images/json')).toEqual([]);
  });

  it('finds an image pulled by tag by its repo digest (run, inspect, history, rmi)', async () => {
    const m = await machine();
    const { RepoDigests, Id } = await m.api.get<{ RepoDigests: string[]; Id: string }>('/images/alpine/json');
    const digestRef = RepoDigests[0]!;
    expect(digestRef).toMatch(/^alpine@sha256:[0-9a-f]{64}$/);
    expect((await m.api.get<{ Id: string }>(`/images/${digestRef}/json`)).Id).toBe(Id);
    const run = await m.host.exec(['sh', '-c', `docker run --rm ${digestRef} echo ran; docker history -q ${digestRef} | head -1`]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`ran\n${Id.slice(7, 19)}\n`);
    // Another repository keeps the image: only alpine's names go.
    await m.api.post('/images/alpine/tag', { repo: 'mine', tag: '1' });
    expect(await m.api.delete(`/images/${digestRef}`)).toEqual([{ Untagged: 'alpine:latest' }]);
    expect(await failure(m.api.get(`/images/${digestRef}/json`))).toBe(`404 No such image: ${digestRef}`);
    expect((await m.api.get<{ Id: string }>('/images/mine:1/json')).Id).toBe(Id);
  });

  it('--pid host shares the host PID namespace; --pid container:x joins that container; stop kills by cgroup', async () => {
    const m = await machine();
    const sh = (cmd: string) => m.host.exec(['sh', '-c', cmd]);
    const host = await sh('docker run --rm --pid host alpine ps -o pid,comm');
    expect(host.stdout).toMatch(/^PID +COMMAND\n +1 init\n/);
    expect(host.stdout).toContain('containerd-shim');
    expect((await sh("docker run -d --pid host --name hp alpine sh -c 'sleep 300 & sleep 400' >/dev/null; docker inspect -f '{{.HostConfig.PidMode}}' hp")).stdout).toBe('host\n');
    await sh('docker stop -t 1 hp');
    expect((await sh('ps -o comm')).stdout).not.toContain('sleep');
    await sh('docker run -d --name web alpine sleep 100');
    expect((await sh('docker run --rm --pid container:web alpine ps -o pid,comm')).stdout).toBe('PID   COMMAND\n    1 sleep\n    2 ps\n');
    expect(await sh('docker run --rm --pid nope alpine true')).toMatchObject({ code: 125, stderr: "docker: --pid: invalid PID mode\n\nRun 'docker run --help' for more information\n" });
  });

  it('--tmpfs mounts a fresh tmpfs with its options, in HostConfig.Tmpfs and not in Mounts', async () => {
    const m = await machine();
    const sh = (cmd: string) => m.host.exec(['sh', '-c', cmd]);
    const r = await sh('docker run --rm --tmpfs /scratch:rw,size=1m alpine sh -c "mount | grep /scratch; echo hi > /scratch/x && cat /scratch/x"');
    expect(r.stdout).toBe('tmpfs on /scratch type tmpfs (noexec,nosuid,nodev,rw,size=1m)\nhi\n');
    expect((await sh('docker create --name tt --tmpfs /a alpine >/dev/null; docker inspect -f "{{json .HostConfig.Tmpfs}} {{json .Mounts}}" tt')).stdout).toBe('{"/a":""} []\n');
    expect(await sh('docker run --rm --tmpfs scratch alpine true')).toMatchObject({ code: 125, stderr: "docker: Error response from daemon: invalid mount path: 'scratch' mount path must be absolute\n\nRun 'docker run --help' for more information\n" });
  });
});
