import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../platform/node/index.ts';
import { fromUtf8 } from '../common/bytes.ts';
import { ContentStore } from '../content/store.ts';
import { ImageStore } from '../image/store.ts';
import { EmulatedSnapshotter } from '../snapshot/emulated.ts';
import { unpackImage } from '../snapshot/unpack.ts';
import { buildImages } from '../registry/bundled/build.ts';
import { bundledImages } from '../registry/bundled/index.ts';
import { bootHost } from '../userland/host.ts';
import { EmulatedRuntime } from './runtime.ts';
import type { OciSpec } from '../runtime/types.ts';

const platform = nodePlatform();

async function world() {
  const host = bootHost(platform);
  const content = new ContentStore(platform);
  const images = new ImageStore(content, platform);
  const snapshotter = new EmulatedSnapshotter(host.disk, () => platform.now());
  const built = await buildImages(platform, content, bundledImages.filter((s) => s.repository === 'alpine'));
  const record = images.set('docker.io/library/alpine:latest', built[0]!.index);
  const resolved = images.resolve(record);
  const top = await unpackImage({ platform, content, snapshotter }, resolved.manifest, resolved.config);
  const runtime = new EmulatedRuntime({ machine: host.machine, mountRootfs: (m) => snapshotter.mountFs(m) });
  let n = 0;
  const run = async (args: string[], extra: Partial<OciSpec['process']> = {}, linux: Partial<OciSpec['linux']> = {}) => {
    const id = `c${n++}`.padEnd(64, '0');
    const mounts = snapshotter.prepare(id, top);
    const spec: OciSpec = {
      ociVersion: '1.2.0',
      process: { user: { uid: 0, gid: 0 }, args, env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${id.slice(0, 12)}`], cwd: '/', ...extra },
      root: { path: 'rootfs' },
      hostname: id.slice(0, 12),
      mounts: [
        { destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] },
        { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'] },
        { destination: '/dev/pts', type: 'devpts', source: 'devpts', options: ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620', 'gid=5'] },
        { destination: '/sys', type: 'sysfs', source: 'sysfs', options: ['nosuid', 'noexec', 'nodev', 'ro'] },
        { destination: '/sys/fs/cgroup', type: 'cgroup', source: 'cgroup', options: ['ro', 'nosuid', 'noexec', 'nodev'] },
      ],
      linux: { namespaces: ['pid', 'network', 'ipc', 'uts', 'mount', 'cgroup'].map((type) => ({ type: type as 'pid' })), ...linux },
    };
    let out = '';
    let err = '';
    await runtime.create(id, { rootfs: mounts, spec }, { stdin: false, output: (s, d) => (s === 1 ? (out += fromUtf8(d)) : (err += fromUtf8(d))) });
    const proc = await runtime.start(id);
    const exit = await proc.wait();
    await runtime.delete(id);
    return { out, err, exit, id, pid: proc.pid };
  };
  return { host, runtime, run, snapshotter, top };
}

describe('emulated runtime', () => {
  it('runs a program from an image as PID 1 of its own namespaces', async () => {
    const w = await world();
    const r = await w.run(['cat', '/proc/self/status', '/proc/sys/kernel/hostname', '/etc/os-release']);
    expect(r.exit).toMatchObject({ exitCode: 0, oomKilled: false });
    expect(r.out).toMatch(/\nPid:\t1\n/);
    expect(r.out).toContain(`${r.id.slice(0, 12)}\n`);
    expect(r.out).toContain('Alpine Linux');
    expect(r.pid).toBeGreaterThan(1);
  });

  it("reports a missing program in runc's words", async () => {
    const w = await world();
    await expect(w.run(['nosuchthing'])).rejects.toThrow('exec: "nosuchthing": executable file not found in $PATH');
    await expect(w.run(['/bin/nope'])).rejects.toThrow('exec: "/bin/nope": stat /bin/nope: no such file or directory');
  });

  it('passes exit codes through and writes into the container layer only', async () => {
    const w = await world();
    const r = await w.run(['false']);
    expect(r.exit.exitCode).toBe(1);
    const r2 = await w.run(['cat', '/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/pids.max'], {}, { resources: { memory: { limit: 32 * 1024 * 1024 }, pids: { limit: 100 } } });
    expect(r2.out).toBe(`${32 * 1024 * 1024}\n100\n`);
  });

  it('the shim ends with the container: it reaps PID 1 and leaves no process on the host', async () => {
    const w = await world();
    for (let i = 0; i < 3; i++) expect((await w.run(['sh', '-c', 'sleep 0 & true'])).exit.exitCode).toBe(0);
    expect((await w.run(['true'])).exit.exitCode).toBe(0);
    await new Promise((r) => setTimeout(r, 10));
    const ps = await w.host.exec(['ps', '-o', 'pid,comm']);
    expect(ps.stdout).not.toContain('containerd-shim');
  });
});
