/**
 * Unpacking an image: turning its layer blobs into committed snapshots, one
 * per layer, named by chainID (see engine/image/oci.ts). Layers already
 * unpacked (shared with another image) are reused, so an image built on
 * alpine costs only its own layers.
 *
 * Each layer is decompressed, hashed (its diffID must match the config) and
 * applied under limits; if anything is wrong, the half-made snapshot is
 * removed and the error says why.
 */
import type { Platform } from '../platform/types.ts';
import { EngineError } from '../errors.ts';
import type { ContentStore } from '../content/store.ts';
import { chainIds, checkDepth, isGzipLayerType, isLayerType, type ImageConfig, type ImageManifest } from '../image/oci.ts';
import { readTar, type TarLimits } from '../image/tar.ts';
import { applyLayer } from './apply.ts';
import type { EmulatedSnapshotter } from './emulated.ts';

/** Default caps for one layer: generous for real images, fatal for bombs. */
export const DEFAULT_LAYER_LIMITS: Required<TarLimits> = {
  maxEntries: 200_000,
  maxEntrySize: 512 * 1024 * 1024,
  maxTotalSize: 1024 * 1024 * 1024,
  label: 'layer',
};

export interface UnpackContext {
  platform: Platform;
  content: ContentStore;
  snapshotter: EmulatedSnapshotter;
  limits?: TarLimits;
}

/** Passes bytes through while hashing them and stopping past `max` bytes. */
async function* measure(source: AsyncIterable<Uint8Array>, update: (chunk: Uint8Array) => void, max: number, label: string): AsyncIterable<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > max) throw new EngineError('ResourceExhausted', `${label} exceeds the size limit of ${formatLimit(max)}`);
    update(chunk);
    yield chunk;
  }
}

function formatLimit(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let n = bytes;
  while (n >= 1024 && n % 1024 === 0 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n} ${units[i]}`;
}

/** Unpacks every layer of an image; returns the chainID of the top layer ('' for an image with no layers). */
export async function unpackImage(ctx: UnpackContext, manifest: ImageManifest, config: ImageConfig): Promise<string> {
  const layers = manifest.layers;
  const diffIds = config.rootfs.diff_ids;
  checkDepth(layers.length);
  if (layers.length !== diffIds.length) {
    throw new EngineError('InvalidArgument', `mismatched image rootfs and manifest layers: ${diffIds.length} diff_ids, ${layers.length} layers`);
  }
  const chains = await chainIds(ctx.platform, diffIds);
  const existing = new Set(ctx.snapshotter.walk().map((s) => s.name));
  for (let i = 0; i < layers.length; i++) {
    const chain = chains[i]!;
    if (existing.has(chain)) continue;
    await unpackLayer(ctx, layers[i]!.digest, layers[i]!.mediaType, diffIds[i]!, chain, i > 0 ? chains[i - 1] : undefined);
  }
  return chains[chains.length - 1] ?? '';
}

export async function unpackLayer(ctx: UnpackContext, blob: string, mediaType: string, diffId: string, chainId: string, parent: string | undefined): Promise<void> {
  if (!isLayerType(mediaType)) throw new EngineError('InvalidArgument', `unsupported layer media type ${mediaType}`);
  const limits = { ...DEFAULT_LAYER_LIMITS, ...ctx.limits };
  const key = `extract-${Array.from(ctx.platform.randomBytes(6), (b) => b.toString(16).padStart(2, '0')).join('')} ${chainId}`;
  const sn = ctx.snapshotter;
  sn.prepare(key, parent);
  try {
    const hasher = ctx.platform.createSha256();
    let stream = ctx.content.readStream(blob);
    if (isGzipLayerType(mediaType)) stream = ctx.platform.gunzip(stream);
    // Tar headers and padding come on top of the content the tar reader counts.
    const raw = measure(stream, (c) => hasher.update(c), limits.maxTotalSize + limits.maxEntries * 1024 + 1024 * 1024, limits.label)[Symbol.asyncIterator]();
    try {
      // The tar reader stops at the end-of-archive blocks and would close the
      // stream; the diffID covers every byte (GNU tar pads to 10 KiB), so it
      // gets a view it cannot close, and the rest is drained afterwards.
      const shielded = { [Symbol.asyncIterator]: () => ({ next: () => raw.next(), return: async () => ({ done: true as const, value: undefined }) }) };
      await applyLayer(sn.disk, sn.layerDir(key), readTar(shielded, limits), ctx.platform.now);
      while (!(await raw.next()).done);
    } finally {
      await raw.return?.();
    }
    const actual = 'sha256:' + (await hasher.digest());
    if (actual !== diffId) {
      throw new EngineError('FailedPrecondition', `failed to extract layer ${blob}: wrong diff id calculated on extraction "${actual}"`);
    }
    sn.commit(chainId, key);
  } catch (err) {
    sn.remove(key);
    throw err;
  }
}
