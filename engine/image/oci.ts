/**
 * What an image is, per the OCI image spec (and Docker's older names for the
 * same things).
 *
 *   index ──► manifest (one per platform) ──► config   (what to run, history, diff_ids)
 *                                        └──► layers   (tar+gzip blobs, bottom first)
 *
 * Every arrow is a *descriptor*: media type, digest and size. A layer has two
 * names: its blob digest (of the compressed bytes, what registries store) and
 * its *diffID* (of the uncompressed tar, what the config lists). A layer's
 * *chainID* names it together with everything below it:
 *     chainID(L0) = diffID(L0)
 *     chainID(Ln) = sha256(chainID(Ln-1) + " " + diffID(Ln))
 * so two images share a snapshot exactly when they share the whole stack
 * beneath it. The image ID Docker prints is the config's digest.
 */
import type { Platform } from '../platform/types.ts';
import { utf8 } from '../common/bytes.ts';
import { EngineError } from '../errors.ts';

export const MediaType = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

export const isIndexType = (t: string): boolean => t === MediaType.ociIndex || t === MediaType.dockerManifestList;
export const isManifestType = (t: string): boolean => t === MediaType.ociManifest || t === MediaType.dockerManifest;
export const isGzipLayerType = (t: string): boolean => t === MediaType.ociLayerGzip || t === MediaType.dockerLayerGzip;
export const isLayerType = (t: string): boolean => isGzipLayerType(t) || t === MediaType.ociLayer;

export interface PlatformSpec {
  architecture: string;
  os: string;
  variant?: string;
  'os.version'?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: PlatformSpec;
  urls?: string[];
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

/** The `config` object of an image config: Docker's container defaults. */
export interface ContainerConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; StartInterval?: number; Retries?: number };
  OnBuild?: string[] | null;
  Shell?: string[];
  ArgsEscaped?: boolean;
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  created?: string;
  author?: string;
  config?: ContainerConfig;
  rootfs: { type: 'layers'; diff_ids: string[] };
  history?: HistoryEntry[];
}

/** Serializes a JSON document the way it is stored: compact, keys in the order given. */
export function encodeJson(value: unknown): Uint8Array {
  return utf8(JSON.stringify(value));
}

export async function chainIds(platform: Platform, diffIds: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const diffId of diffIds) {
    const parent = out[out.length - 1];
    out.push(parent === undefined ? diffId : 'sha256:' + (await platform.sha256(utf8(`${parent} ${diffId}`))));
  }
  return out;
}

/** Docker's cap on an image's layers: one more fails with "max depth exceeded". */
export const MAX_IMAGE_LAYERS = 127;

export function checkDepth(layers: number): void {
  if (layers > MAX_IMAGE_LAYERS) throw new EngineError('InvalidArgument', 'max depth exceeded');
}

/** Reads and checks a manifest or index blob. */
export function parseManifestOrIndex(bytes: Uint8Array, mediaTypeHint?: string): { kind: 'index'; index: ImageIndex } | { kind: 'manifest'; manifest: ImageManifest } {
  let doc: { mediaType?: string; manifests?: unknown; layers?: unknown; config?: unknown; schemaVersion?: unknown };
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new EngineError('InvalidArgument', 'invalid manifest: not JSON');
  }
  const mediaType = doc.mediaType ?? mediaTypeHint ?? (Array.isArray(doc.manifests) ? MediaType.ociIndex : MediaType.ociManifest);
  if (doc.schemaVersion !== 2) throw new EngineError('InvalidArgument', `unsupported manifest schema version ${String(doc.schemaVersion)}`);
  if (isIndexType(mediaType) && Array.isArray(doc.manifests)) return { kind: 'index', index: { ...(doc as ImageIndex), mediaType } };
  if (isManifestType(mediaType) && Array.isArray(doc.layers) && doc.config) return { kind: 'manifest', manifest: { ...(doc as ImageManifest), mediaType } };
  throw new EngineError('InvalidArgument', `unsupported manifest media type ${mediaType}`);
}
