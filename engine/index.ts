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
import { buildImages, type BuiltImage } from './registry/bundled/build.ts';
import { bundledImages } from './registry/bundled/index.ts';
import { formatReference, parseReference } from './image/reference.ts';

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
export { bootHost, exitCode, LEARNER, type Host, type Spawned, type ProcessOptions, type RunResult } from './userland/host.ts';
export { connectHost, internetOf } from './network/internet.ts';

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

/**
 * The learner's host as the terminal opens on it: the emulated machine with
 * its home directory and shell, on the simulated internet, with the docker
 * client on its PATH.
 */
export function bootLearnerHost(platform: Platform, options: { disk?: Disk } = {}): Host {
  const host = bootHost(platform, { ...options, programs: { docker: () => import('./cli/docker.ts').then((m) => m.docker) } });
  connectHost(host);
  if (!options.disk) host.writeFile('/usr/bin/docker', encodeExecutable({ program: 'docker', version: DOCKER_VERSION }), 0o755);
  return host;
}
