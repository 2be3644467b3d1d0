/**
 * Berth's engine: the public entry. Sites, lessons, tests and the native
 * bridge import from here and nowhere deeper.
 *
 *     import { createEngine, parseReference } from './engine/index.ts';
 *     import { nodePlatform } from './engine/platform/node/index.ts';
 *     const engine = createEngine({ platform: nodePlatform() });
 *     await engine.loadBundledImages();
 *     parseReference('alpine'); // { domain: 'docker.io', path: 'library/alpine', tag: 'latest', digest: undefined }
 */
import type { Disk, Platform } from './platform/types.ts';
import { encodeExecutable } from './common/executable.ts';
import { bootHost, type Host } from './userland/host.ts';
import { connectHost } from './network/internet.ts';
import { DOCKER_VERSION } from './cli/docker.ts';
import { EngineError } from './errors.ts';
import { ContentStore } from './content/store.ts';
import { ImageStore } from './image/store.ts';
import { EmulatedSnapshotter } from './snapshot/emulated.ts';
import { unpackImage } from './snapshot/unpack.ts';
import type { BuiltImage } from './registry/bundled/build.ts';
import { formatReference, parseReference } from './image/reference.ts';
import { EmulatedRuntime } from './kernel/runtime.ts';
import { CPUS, KERNEL_RELEASE, MEM_TOTAL } from './kernel/kernel.ts';
import { Hub } from './registry/hub.ts';
import { Daemon } from './daemon/daemon.ts';
import { Networks } from './daemon/networks.ts';
import { Router } from './api/router.ts';
import { ApiClient, inProcess } from './api/client.ts';
import { dumpDisk, loadDisk, type DiskDump } from './fs/disk-dump.ts';
import type { ContentDump } from './content/store.ts';
import type { ImageRecord } from './image/store.ts';
import type { DaemonDump } from './daemon/persist.ts';
import type { SavedNetwork } from './daemon/networks.ts';
import type { HubDump } from './registry/hub.ts';
import { decodeHubSeed, encodeHubSeed } from './registry/hub-seed.ts';

export { EngineError, isEngineError, type ErrorCode } from './errors.ts';
export type { Platform, Disk } from './platform/types.ts';
export { parseReference, parseNormalizedNamed, formatReference, familiarName, familiarString, validateTag, type Reference } from './image/reference.ts';
export { ContentStore, MemoryBlobBackend, type BlobBackend } from './content/store.ts';
export { parseDigest, shortId } from './content/digest.ts';
export { ImageStore, type ImageRecord, type ResolvedImage } from './image/store.ts';
export * from './image/oci.ts';
export { readTar, writeTar, type TarEntry, type TarHeader, type TarLimits } from './image/tar.ts';
export type { Snapshotter, Mount, SnapshotInfo } from './snapshot/types.ts';
export { EmulatedSnapshotter } from './snapshot/emulated.ts';
export { OverlayFs } from './snapshot/overlay.ts';
export { changes, formatChanges, layerEntries as snapshotLayerEntries, type Change } from './snapshot/diff.ts';
export { unpackImage, DEFAULT_LAYER_LIMITS } from './snapshot/unpack.ts';
export { Vfs, ROOT, type Cred } from './fs/vfs.ts';
export { FsError, strerror, type Errno } from './fs/errno.ts';
export type { FileSystem, Stat } from './fs/types.ts';
export { buildImages, type BuiltImage } from './registry/bundled/build.ts';
export { bundledImages } from './registry/bundled/index.ts';
export type { ImageSpec } from './registry/bundled/spec.ts';
export { ociLayout, distributionLayout, type FileMap } from './registry/layout.ts';
export { DistributionClient, type Fetch } from './registry/client.ts';
export { parseDockerfile } from './build/parser.ts';
export { ApiClient, ApiError, inProcess, type Transport } from './api/client.ts';
export { lineBatches } from './common/stream.ts';
export { bootHost, exitCode, LEARNER, type Host, type Spawned, type ProcessOptions, type RunResult } from './userland/host.ts';
export { connectHost, internetOf } from './network/internet.ts';
export { httpGet, HttpReplyError, type HttpReply, type HttpTarget } from './network/http-client.ts';

export interface EngineOptions {
  platform: Platform;
}

/** The storage half of an engine: content, image names, snapshots on one emulated disk. */
export interface Engine {
  platform: Platform;
  content: ContentStore;
  images: ImageStore;
  snapshotter: EmulatedSnapshotter;
  /** Builds the bundled base images into the stores (as if pulled), unpacking none. */
  loadBundledImages(): Promise<BuiltImage[]>;
  /** Unpacks an image's layers into snapshots; returns the top chainID. */
  unpack(name: string): Promise<string>;
}

export function createEngine({ platform }: EngineOptions): Engine {
  const disk = platform.createDisk();
  const content = new ContentStore(platform);
  const images = new ImageStore(content, platform);
  const snapshotter = new EmulatedSnapshotter(disk, () => platform.now());
  return {
    platform,
    content,
    images,
    snapshotter,
    async loadBundledImages() {
      const [{ buildImages }, { bundledImages }] = await Promise.all([import('./registry/bundled/build.ts'), import('./registry/bundled/index.ts')]);
      const built = await buildImages(platform, content, bundledImages);
      for (const b of built) {
        for (const tag of b.spec.tags) images.set(formatReference(parseReference(`${b.spec.repository}:${tag}`)), b.index);
      }
      return built;
    },
    async unpack(name) {
      const record = images.get(formatReference(parseReference(name)));
      if (!record) throw new EngineError('NotFound', `No such image: ${name}`);
      const resolved = images.resolve(record);
      return unpackImage({ platform, content, snapshotter }, resolved.manifest, resolved.config);
    },
  };
}

/** The learner's machine: the host, the daemon that runs containers on it, and the Engine API to reach it. */
export interface Machine {
  host: Host;
  daemon: Daemon;
  router: Router;
  api: ApiClient;
  hub: Hub;
  networks: Networks;
  /** Settles when a machine booted from a saved state has restored its daemon (restarting containers). */
  restored: Promise<void>;
}

/**
 * The learner's host as the terminal opens on it: the emulated machine with
 * its home directory and shell, on the simulated internet, with a Docker
 * daemon and the docker client on its PATH. Docker Hub is simulated and
 * holds the bundled images; the daemon starts with none, as a fresh install.
 */
export interface LearnerMachineOptions {
  disk?: Disk;
  /** Boot from a saved machine (saveMachine): a reboot. */
  state?: MachineState;
  /** The hub's bundled images as Node built them (hub-seed.ts), instead of building them here. */
  hubSeed?: Promise<Uint8Array | undefined>;
}

export function bootLearnerMachine(platform: Platform, options: LearnerMachineOptions = {}): Machine {
  const { state, hubSeed } = options;
  if (state) {
    if (state.version !== MACHINE_STATE_VERSION) throw new Error(`saved state has version ${state.version}; this engine reads version ${MACHINE_STATE_VERSION}`);
    const disk = platform.createDisk();
    loadDisk(disk, state.disk);
    options = { disk };
  }
  let api!: ApiClient;
  const host = bootHost(platform, { ...options, programs: { docker: () => import('./cli/docker.ts').then((m) => m.dockerProgram(api)) } });
  connectHost(host);
  if (!options.disk) host.writeFile('/usr/bin/docker', encodeExecutable({ program: 'docker', version: DOCKER_VERSION }), 0o755);
  const content = new ContentStore(platform);
  const images = new ImageStore(content, platform);
  const snapshotter = new EmulatedSnapshotter(host.disk, () => platform.now());
  if (state) {
    content.load(state.content);
    images.load(state.images);
    snapshotter.load(state.snapshots);
  }
  const networks = new Networks(
    {
      kernel: host.machine.kernel,
      platform,
      hostResolvConf: () => host.readFile('/etc/resolv.conf'),
      writeFile: (path, text) => host.writeFile(path, text, 0o644, { uid: 0, gid: 0 }),
    },
    state?.networks,
  );
  const runtime = new EmulatedRuntime({ machine: host.machine, mountRootfs: (m) => snapshotter.mountFs(m), setupNetwork: (id, ns) => networks.setupNetwork(id, ns) });
  const hub = new Hub(platform);
  const hubReady = loadHub(platform, hub, hubSeed).then(() => {
    hub.sealBundled();
    if (state) hub.load(state.hub);
  });
  const daemon = new Daemon({
    platform,
    content,
    images,
    snapshotter,
    runtime,
    host: {
      writeFile: (path, text) => host.writeFile(path, text, 0o644, { uid: 0, gid: 0 }),
      removeTree: (path) => removeHostTree(host, path),
      resolvConf: () => host.readFile('/etc/resolv.conf'),
      machine: () => ({ memTotal: MEM_TOTAL, ncpu: CPUS, kernelVersion: KERNEL_RELEASE }),
    },
    networks,
  });
  networks.events = daemon.events;
  networks.findContainer = (ref) => daemon.findContainer(ref);
  const restored = state ? daemon.restore(state.daemon) : Promise.resolve();
  const router = new Router(daemon, hub, hubReady);
  api = new ApiClient(inProcess(router));
  return { host, daemon, router, api, hub, networks, restored };
}

/** Bumped when the saved form changes; an older state is refused, not misread. */
export const MACHINE_STATE_VERSION = 1;

/**
 * Everything the learner's machine holds, as plain structured-clone data:
 * the disk (home directory, snapshots, volumes), the content and image
 * stores, the snapshots' records, the daemon's containers, volumes, build
 * cache and networks, and what was pushed to the simulated Docker Hub.
 * Processes are not kept: booting from it is a reboot (bootLearnerMachine
 * with `state`, then `restored`).
 */
export interface MachineState {
  version: number;
  savedAt: number;
  disk: DiskDump;
  content: ContentDump;
  images: ImageRecord[];
  snapshots: ReturnType<EmulatedSnapshotter['dump']>;
  daemon: DaemonDump;
  networks: SavedNetwork[];
  hub: HubDump;
}

export function saveMachine(m: Machine): MachineState {
  const { daemon } = m;
  return {
    version: MACHINE_STATE_VERSION,
    savedAt: daemon.platform.now(),
    disk: dumpDisk(m.host.disk),
    content: daemon.options.content.dump(),
    images: daemon.options.images.dump(),
    snapshots: daemon.options.snapshotter.dump(),
    daemon: daemon.dump(),
    networks: m.networks.dump(),
    hub: m.hub.dump(),
  };
}

/**
 * The bundled images, pushed to the simulated Docker Hub as docker-library
 * publishes them: from a seed when one is given and sound, built otherwise.
 */
async function loadHub(platform: Platform, hub: Hub, seed?: Promise<Uint8Array | undefined>): Promise<void> {
  if (seed) {
    try {
      const bytes = await seed;
      if (bytes) {
        const dump = decodeHubSeed(bytes);
        await hub.loadVerified(dump);
        return;
      }
    } catch {
      // A damaged or missing seed: build the images instead.
    }
  }
  // Loaded here, not up front: a browser with a seed never needs the image builder or the specs.
  const [{ buildImages }, { bundledImages }] = await Promise.all([import('./registry/bundled/build.ts'), import('./registry/bundled/index.ts')]);
  const built = await buildImages(platform, hub.content, bundledImages);
  for (const b of built) {
    const ref = parseReference(b.spec.repository);
    const info = { official: ref.path.startsWith('library/') };
    for (const tag of b.spec.tags) hub.tag(ref.path, tag, b.index, info);
    // Only the Alpine variants of redis and node are bundled; they also answer for the plain tags.
    for (const tag of HUB_ALIASES[b.spec.repository]?.(b.spec.tags) ?? []) if (!hub.repository(ref.path)?.tags.has(tag)) hub.tag(ref.path, tag, b.index, info);
  }
}

/** The seed a static site serves for `hubSeed`: the hub as this platform builds it. */
export async function bundledHubSeed(platform: Platform): Promise<Uint8Array> {
  const hub = new Hub(platform);
  await loadHub(platform, hub);
  return encodeHubSeed(hub.dump());
}

const HUB_ALIASES: Record<string, (tags: readonly string[]) => string[]> = {
  redis: (tags) => (tags.includes('alpine') ? ['latest', '7', '7.4', '7.4.1'] : []),
  node: (tags) => (tags.includes('20-alpine') ? ['latest', 'lts', 'iron', '20', '20.18', '20.18.0'] : []),
};

function removeHostTree(host: Host, path: string): void {
  const fs = host.rootfs;
  const walk = (p: string) => {
    let st;
    try {
      st = fs.lstat(p);
    } catch {
      return;
    }
    if ((st.mode & 0o170000) === 0o040000) {
      for (const name of fs.readdir(p)) walk(`${p}/${name}`);
      fs.rmdir(p);
    } else fs.unlink(p);
  };
  walk(path);
}

/** The learner's host alone (what `berth sh` and `berth shell` boot). */
export function bootLearnerHost(platform: Platform, options: { disk?: Disk } = {}): Host {
  return bootLearnerMachine(platform, options).host;
}
