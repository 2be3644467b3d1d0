/**
 * For the servers' tests: a bundled image run as a container on an emulated
 * host, the way `docker run` would (the image's entrypoint, command, env and
 * working directory), in the host's network namespace. The container keeps
 * running while the test execs clients into it (`docker exec`), signals it
 * (`docker stop`/`docker kill`) and reads its log (`docker logs`).
 * `restart()` starts a new container on the same writable layer, as
 * `docker start` does after a stop.
 */
import { fromUtf8, utf8 } from '../../engine/common/bytes.ts';
import { ContentStore } from '../../engine/content/store.ts';
import { ImageStore } from '../../engine/image/store.ts';
import { EmulatedRuntime } from '../../engine/kernel/runtime.ts';
import type { Platform } from '../../engine/platform/types.ts';
import { buildImages } from '../../engine/registry/bundled/build.ts';
import { bundledImages } from '../../engine/registry/bundled/index.ts';
import type { OciSpec, RuntimeProcess } from '../../engine/runtime/types.ts';
import { EmulatedSnapshotter } from '../../engine/snapshot/emulated.ts';
import { unpackImage } from '../../engine/snapshot/unpack.ts';
import { connectHost } from '../../engine/network/internet.ts';
import { bootHost, type Host } from '../../engine/userland/host.ts';

export interface Output {
  out: string;
  err: string;
  code: number;
}

export interface RunningContainer {
  /** Everything the container printed, stdout and stderr interleaved, as `docker logs` shows it. */
  logs(): string;
  stdout(): string;
  stderr(): string;
  /** `docker exec`: runs a process in the container and waits for it. */
  exec(args: string[], options?: { stdin?: string; uid?: number; tty?: boolean }): Promise<Output>;
  kill(signal: number): Promise<void>;
  /** Resolves with the exit code of the container's first process. */
  wait(): Promise<number>;
  /** Waits until the log contains `text` (or fails after `ms`). */
  waitForLog(text: string | RegExp, ms?: number): Promise<void>;
  host: Host;
}

export interface Testbed {
  host: Host;
  /** `docker run` of the image with `cmd` (default: the image's CMD) on one writable layer shared by every run. */
  run(cmd?: string[], options?: { env?: string[]; tty?: boolean; entrypoint?: string[] }): Promise<RunningContainer>;
}

export async function testbed(platform: Platform, repository: string, tag = 'latest'): Promise<Testbed> {
  const host = bootHost(platform);
  // The host reaches the simulated internet (and its DNS); containers share its network namespace, as with --network host.
  connectHost(host);
  const content = new ContentStore(platform);
  const images = new ImageStore(content, platform);
  const snapshotter = new EmulatedSnapshotter(host.disk, () => platform.now());
  const spec = bundledImages.find((s) => s.repository === repository && s.tags.includes(tag));
  if (!spec) throw new Error(`no bundled image ${repository}:${tag}`);
  const built = await buildImages(platform, content, [spec]);
  const record = images.set(`docker.io/library/${repository}:${tag}`, built[0]!.index);
  const resolved = images.resolve(record);
  const top = await unpackImage({ platform, content, snapshotter }, resolved.manifest, resolved.config);
  const mounts = snapshotter.prepare('servertest', top);
  const runtime = new EmulatedRuntime({ machine: host.machine, mountRootfs: (m) => snapshotter.mountFs(m) });
  const config = resolved.config.config ?? {};
  let n = 0;

  return {
    host,
    async run(cmd, options = {}) {
      const id = `srv${n++}`.padEnd(64, '0');
      // Docker writes each container an /etc/hosts and bind-mounts it.
      const hostsFile = `/var/lib/berth/hosts-${id.slice(0, 12)}`;
      host.writeFile(hostsFile, `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n`, 0o644, { uid: 0, gid: 0 });
      const args = [...(options.entrypoint ?? config.Entrypoint ?? []), ...(cmd ?? config.Cmd ?? [])];
      const env = [...(config.Env ?? []), `HOSTNAME=${id.slice(0, 12)}`, ...(options.env ?? [])];
      if (!env.some((e) => e.startsWith('HOME='))) env.push('HOME=/root');
      const oci: OciSpec = {
        ociVersion: '1.2.0',
        process: { terminal: options.tty, user: { uid: 0, gid: 0 }, args, env, cwd: config.WorkingDir || '/' },
        root: { path: 'rootfs' },
        hostname: id.slice(0, 12),
        mounts: [
          { destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] },
          { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'] },
          { destination: '/sys', type: 'sysfs', source: 'sysfs', options: ['nosuid', 'noexec', 'nodev', 'ro'] },
          { destination: '/etc/hosts', type: 'bind', source: hostsFile, options: ['rbind', 'rprivate'] },
          { destination: '/etc/resolv.conf', type: 'bind', source: '/etc/resolv.conf', options: ['rbind', 'ro'] },
        ],
        linux: { namespaces: ['pid', 'ipc', 'uts', 'mount'].map((type) => ({ type: type as 'pid' })) },
      };
      let out = '';
      let err = '';
      let all = '';
      const waiters: (() => void)[] = [];
      await runtime.create(id, { rootfs: mounts, spec: oci }, {
        stdin: false,
        output: (s, d) => {
          const text = fromUtf8(d);
          if (s === 1) out += text;
          else err += text;
          all += text;
          for (const w of waiters.splice(0)) w();
        },
      });
      const proc: RuntimeProcess = await runtime.start(id);
      const exited = proc.wait().then((e) => {
        for (const w of waiters.splice(0)) w();
        return e.exitCode;
      });
      let done = false;
      void exited.then(() => (done = true));
      return {
        host,
        logs: () => all,
        stdout: () => out,
        stderr: () => err,
        async exec(execArgs, o = {}) {
          let eo = '';
          let ee = '';
          const p = await runtime.exec(
            id,
            { terminal: o.tty, user: { uid: o.uid ?? 0, gid: o.uid ?? 0 }, args: execArgs, env: [...env], cwd: config.WorkingDir || '/' },
            { stdin: o.stdin !== undefined, output: (s, d) => (s === 1 ? (eo += fromUtf8(d)) : (ee += fromUtf8(d))) },
          );
          if (o.stdin !== undefined) {
            if (o.stdin) p.write(utf8(o.stdin));
            p.closeStdin();
          }
          const exit = await p.wait();
          return { out: eo, err: ee, code: exit.exitCode };
        },
        kill: (signal) => runtime.kill(id, signal),
        async wait() {
          const code = await exited;
          await runtime.delete(id);
          return code;
        },
        async waitForLog(text, ms = 5000) {
          const deadline = Date.now() + ms;
          const has = () => (typeof text === 'string' ? all.includes(text) : text.test(all));
          while (!has()) {
            if (done) throw new Error(`container exited before logging ${String(text)}; log:\n${all}`);
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; log:\n${all}`);
            await new Promise<void>((resolve) => {
              waiters.push(resolve);
              setTimeout(resolve, 50);
            });
          }
        },
      };
    },
  };
}
