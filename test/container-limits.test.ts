/**
 * What a misbehaving container does to everything else: nothing. A fork
 * bomb stops at pids.max with ash's own error, a tight loop gives way to ^C
 * at an interactive shell, and an OOM kills only the container that went
 * past its memory limit, with 137. Meanwhile other containers keep running
 * and Node's event loop keeps turning.
 */
import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../engine/common/bytes.ts';
import { ContentStore } from '../engine/content/store.ts';
import { ImageStore } from '../engine/image/store.ts';
import { EmulatedRuntime } from '../engine/kernel/runtime.ts';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { buildImages } from '../engine/registry/bundled/build.ts';
import { bundledImages } from '../engine/registry/bundled/index.ts';
import type { OciSpec } from '../engine/runtime/types.ts';
import { EmulatedSnapshotter } from '../engine/snapshot/emulated.ts';
import { unpackImage } from '../engine/snapshot/unpack.ts';
import { bootHost } from '../engine/userland/host.ts';

const platform = nodePlatform();

async function world() {
  const host = bootHost(platform);
  const content = new ContentStore(platform);
  const images = new ImageStore(content, platform);
  const snapshotter = new EmulatedSnapshotter(host.disk, () => platform.now());
  const built = await buildImages(platform, content, bundledImages.filter((s) => s.repository === 'alpine'));
  const resolved = images.resolve(images.set('docker.io/library/alpine:latest', built[0]!.index));
  const top = await unpackImage({ platform, content, snapshotter }, resolved.manifest, resolved.config);
  const runtime = new EmulatedRuntime({ machine: host.machine, mountRootfs: (m) => snapshotter.mountFs(m) });
  let n = 0;
  /** Creates and starts a container; `screen` collects what it prints. */
  const start = async (args: string[], options: { terminal?: boolean; resources?: NonNullable<OciSpec['linux']>['resources'] } = {}) => {
    const id = `c${n++}`.padEnd(64, '0');
    const spec: OciSpec = {
      ociVersion: '1.2.0',
      process: { terminal: options.terminal, user: { uid: 0, gid: 0 }, args, env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'TERM=xterm'], cwd: '/' },
      root: { path: 'rootfs' },
      hostname: id.slice(0, 12),
      mounts: [
        { destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] },
        { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'] },
        { destination: '/dev/pts', type: 'devpts', source: 'devpts', options: ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620', 'gid=5'] },
        { destination: '/sys/fs/cgroup', type: 'cgroup', source: 'cgroup', options: ['ro', 'nosuid', 'noexec', 'nodev'] },
      ],
      linux: { namespaces: ['pid', 'network', 'ipc', 'uts', 'mount', 'cgroup'].map((type) => ({ type: type as 'pid' })), resources: options.resources },
    };
    const screen = { out: '', err: '' };
    await runtime.create(id, { rootfs: snapshotter.prepare(id, top), spec }, { stdin: !!options.terminal, output: (s, d) => (s === 1 ? (screen.out += fromUtf8(d)) : (screen.err += fromUtf8(d))) });
    const proc = await runtime.start(id);
    return { id, proc, screen };
  };
  return { runtime, start };
}

/** Counts event-loop turns while `during` runs: a frozen loop would count none. */
async function turnsDuring<T>(during: Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  const timer = setInterval(() => turns++, 5);
  try {
    return { result: await during, turns };
  } finally {
    clearInterval(timer);
  }
}

const until = async (ok: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('containers that misbehave', () => {
  it('a fork bomb stops at pids.max; its neighbours and the event loop carry on; kill ends it with 137', async () => {
    const w = await world();
    const bomb = await w.start(['sh', '-c', 'f(){ f|f& };f; while :; do :; done'], { resources: { pids: { limit: 40 } } });
    await until(() => bomb.screen.err.includes("can't fork"));
    const stats = w.runtime.stats(bomb.id);
    expect(stats.pids.current).toBeLessThanOrEqual(40);
    expect(bomb.screen.err).toContain("sh: can't fork: Resource temporarily unavailable");
    // A neighbour starts, runs and ends normally while the bomb goes on.
    const { result, turns } = await turnsDuring(
      (async () => {
        const other = await w.start(['sh', '-c', 'echo alive; i=0; while [ $i -lt 200 ]; do i=$((i+1)); done; echo $i']);
        return { exit: await other.proc.wait(), out: other.screen.out };
      })(),
    );
    expect(result.out).toBe('alive\n200\n');
    expect(result.exit.exitCode).toBe(0);
    expect(turns).toBeGreaterThan(0);
    await w.runtime.kill(bomb.id, 9);
    const exit = await bomb.proc.wait();
    expect(exit.exitCode).toBe(137);
    expect(w.runtime.processes(bomb.id)).toEqual([]);
  });

  it('^C at an interactive shell stops a tight loop promptly', async () => {
    const w = await world();
    const c = await w.start(['sh'], { terminal: true });
    await until(() => c.screen.out.includes('# '));
    c.proc.write(utf8('while true; do :; done\r'));
    const { turns } = await turnsDuring(new Promise((r) => setTimeout(r, 300)));
    expect(turns).toBeGreaterThan(5);
    const before = c.screen.out.length;
    c.proc.write(utf8('\x03'));
    c.proc.write(utf8('echo "back $?"\r'));
    await until(() => c.screen.out.slice(before).includes('back 130'), 3000);
    c.proc.write(utf8('exit 3\r'));
    expect((await c.proc.wait()).exitCode).toBe(3);
  });

  it('going past memory.max kills the container with 137, and only that one', async () => {
    const w = await world();
    const neighbour = await w.start(['sh', '-c', 'sleep 0.5; echo still here']);
    const hog = await w.start(['sh', '-c', 'x=0123456789; while true; do x=$x$x; done'], { resources: { memory: { limit: 32 * 1024 * 1024 } } });
    const exit = await hog.proc.wait();
    expect(exit).toMatchObject({ exitCode: 137, oomKilled: true });
    expect(w.runtime.stats(hog.id).memory.oomKills).toBe(1);
    expect(await neighbour.proc.wait()).toMatchObject({ exitCode: 0, oomKilled: false });
    expect(neighbour.screen.out).toBe('still here\n');
  });
});
