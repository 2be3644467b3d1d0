/**
 * A container of a bundled image for the package managers' tests: the image
 * is built and unpacked as the daemon does, one writable snapshot is
 * prepared on top, and each `run` starts a process on that same rootfs (as
 * `docker exec` would), so changes accumulate in the upper layer and
 * `diff()` lists them as `docker diff` does.
 */
import { fromUtf8, utf8 } from '../../engine/common/bytes.ts';
import { ContentStore } from '../../engine/content/store.ts';
import { ImageStore } from '../../engine/image/store.ts';
import { EmulatedRuntime } from '../../engine/kernel/runtime.ts';
import type { Platform } from '../../engine/platform/types.ts';
import { buildImages } from '../../engine/registry/bundled/build.ts';
import { bundledImages } from '../../engine/registry/bundled/index.ts';
import type { OciSpec } from '../../engine/runtime/types.ts';
import { changes, formatChanges } from '../../engine/snapshot/diff.ts';
import { EmulatedSnapshotter } from '../../engine/snapshot/emulated.ts';
import { unpackImage } from '../../engine/snapshot/unpack.ts';
import { readWholeFile } from '../../engine/fs/types.ts';
import { connectHost } from '../../engine/network/internet.ts';
import { bootHost } from '../../engine/userland/host.ts';

export interface RunOutput {
  out: string;
  err: string;
  code: number;
}

export interface TestContainer {
  run(args: string[], options?: { uid?: number; stdin?: string; env?: string[]; network?: 'none' }): Promise<RunOutput>;
  /** `docker diff` of the container so far. */
  diff(): string;
  read(path: string): string;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export async function testContainer(platform: Platform, repository: string, tag?: string): Promise<TestContainer> {
  const host = bootHost(platform);
  connectHost(host);
  const content = new ContentStore(platform);
  const images = new ImageStore(content, platform);
  const snapshotter = new EmulatedSnapshotter(host.disk, () => platform.now());
  const spec = bundledImages.find((s) => s.repository === repository && (!tag || s.tags.includes(tag)));
  if (!spec) throw new Error(`no bundled image ${repository}`);
  const built = await buildImages(platform, content, [spec]);
  const record = images.set(`docker.io/library/${repository}:latest`, built[0]!.index);
  const resolved = images.resolve(record);
  const top = await unpackImage({ platform, content, snapshotter }, resolved.manifest, resolved.config);
  const mounts = snapshotter.prepare('pkgtest', top);
  const fs = snapshotter.mountFs(mounts);
  const before = snapshotter.mountFs(snapshotter.view('pkgtest-image', top));
  const runtime = new EmulatedRuntime({ machine: host.machine, mountRootfs: (m) => snapshotter.mountFs(m) });
  let n = 0;
  return {
    async run(args, options = {}) {
      const id = `pkg${n++}`.padEnd(64, '0');
      const oci: OciSpec = {
        ociVersion: '1.2.0',
        process: { user: { uid: options.uid ?? 0, gid: options.uid ?? 0 }, args, env: [PATH, 'HOSTNAME=pkgtest', 'HOME=/root', ...(options.env ?? [])], cwd: '/' },
        root: { path: 'rootfs' },
        hostname: 'pkgtest',
        mounts: [
          { destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] },
          { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'] },
          { destination: '/etc/resolv.conf', type: 'bind', source: '/etc/resolv.conf', options: ['rbind', 'ro'] },
        ],
        // --network none: a namespace of its own with only lo; otherwise the host's, which reaches the simulated internet.
        linux: { namespaces: ['pid', 'ipc', 'uts', 'mount', ...(options.network === 'none' ? ['network'] : [])].map((type) => ({ type: type as 'pid' })) },
      };
      let out = '';
      let err = '';
      await runtime.create(id, { rootfs: mounts, spec: oci }, { stdin: options.stdin !== undefined, output: (s, d) => (s === 1 ? (out += fromUtf8(d)) : (err += fromUtf8(d))) });
      const proc = await runtime.start(id);
      if (options.stdin !== undefined) {
        if (options.stdin) proc.write(utf8(options.stdin));
        proc.closeStdin();
      }
      const exit = await proc.wait();
      await runtime.delete(id);
      return { out, err, code: exit.exitCode };
    },
    // Docker keeps the resolv.conf mount point in the container's init layer, out of `docker diff`.
    diff: () => {
      const list = changes(fs, before).filter((c) => c.Path !== '/etc/resolv.conf');
      const etcOnly = !list.some((c) => c.Path.startsWith('/etc/'));
      return formatChanges(etcOnly ? list.filter((c) => c.Path !== '/etc') : list);
    },
    read: (path) => fromUtf8(readWholeFile(fs, path)),
  };
}
