/**
 * The image store: names for images.
 *
 * An image is its top descriptor (an index or a manifest) in the content
 * store; a name ("docker.io/library/alpine:3.20") points at one. Several names
 * may point at the same image (`docker tag`); each name pins its target in
 * the content store, so blobs live exactly as long as some name needs them.
 * This is containerd's model, which Docker's containerd image store uses.
 */
import { EngineError } from '../errors.ts';
import type { Platform } from '../platform/types.ts';
import { fromUtf8 } from '../common/bytes.ts';
import type { ContentStore } from '../content/store.ts';
import { formatReference, parseReference } from './reference.ts';
import { isIndexType, parseManifestOrIndex, type Descriptor, type ImageConfig, type ImageManifest, type PlatformSpec } from './oci.ts';

export interface ImageRecord {
  /** Full normalized reference, e.g. "docker.io/library/alpine:3.20". */
  name: string;
  target: Descriptor;
  createdAt: number;
  updatedAt: number;
}

/** One platform's view of an image: what running it needs. */
export interface ResolvedImage {
  record: ImageRecord;
  manifestDescriptor: Descriptor;
  manifest: ImageManifest;
  config: ImageConfig;
  /** The image ID: the config's digest. */
  id: string;
}

export const DEFAULT_PLATFORM: PlatformSpec = { architecture: 'amd64', os: 'linux' };

export class ImageStore {
  private readonly records = new Map<string, ImageRecord>();

  constructor(
    private readonly content: ContentStore,
    private readonly platform: Platform,
  ) {}

  /** Normalizes what a user typed ("alpine") to the stored name. */
  static nameOf(reference: string): string {
    return formatReference(parseReference(reference));
  }

  list(): ImageRecord[] {
    return [...this.records.values()];
  }

  get(name: string): ImageRecord | undefined {
    return this.records.get(name);
  }

  /** Points `name` at `target` (creating or moving the name). */
  set(name: string, target: Descriptor): ImageRecord {
    if (!this.content.has(target.digest)) throw new EngineError('NotFound', `content digest ${target.digest}: not found`);
    const now = this.platform.now();
    const old = this.records.get(name);
    this.content.pin(target.digest, `image:${name}`);
    if (old && old.target.digest !== target.digest) this.content.unpin(old.target.digest, `image:${name}`);
    const record: ImageRecord = { name, target, createdAt: old?.createdAt ?? now, updatedAt: now };
    this.records.set(name, record);
    return record;
  }

  /** Names as plain data (their pins are the content store's). */
  dump(): ImageRecord[] {
    return [...this.records.values()].map((r) => ({ ...r }));
  }

  /** Takes back what `dump` gave; a name whose image is missing is dropped. */
  load(records: ImageRecord[]): void {
    for (const r of records) {
      if (!this.content.has(r.target.digest)) continue;
      this.content.pin(r.target.digest, `image:${r.name}`);
      this.records.set(r.name, { ...r });
    }
  }

  /** Removes a name. Its blobs stay until `ContentStore.gc` finds them unreferenced. */
  delete(name: string): void {
    const old = this.records.get(name);
    if (!old) throw new EngineError('NotFound', `image ${name}: not found`);
    this.records.delete(name);
    this.content.unpin(old.target.digest, `image:${name}`);
  }

  private readJson<T>(digest: string): T {
    return JSON.parse(fromUtf8(this.content.read(digest))) as T;
  }

  /** Content is immutable by digest, so what a target resolves to is kept (parsing JSON is most of the cost). */
  private readonly resolved = new Map<string, Omit<ResolvedImage, 'record'>>();

  /** Picks the manifest for `want` (linux/amd64 by default) and reads it and its config. */
  resolve(record: ImageRecord, want: PlatformSpec = DEFAULT_PLATFORM): ResolvedImage {
    const key = `${record.target.digest} ${want.os}/${want.architecture}/${want.variant ?? ''}`;
    const known = this.resolved.get(key);
    if (known && this.content.has(record.target.digest)) return { record, ...known };
    const fresh = this.resolveUncached(record, want);
    const { record: _r, ...rest } = fresh;
    // Shared between callers: frozen, so that nobody changes what everyone else reads.
    this.resolved.set(key, deepFreeze(rest));
    return { record, ...rest };
  }

  private resolveUncached(record: ImageRecord, want: PlatformSpec): ResolvedImage {
    let desc = record.target;
    if (isIndexType(desc.mediaType)) {
      const parsed = parseManifestOrIndex(this.content.read(desc.digest), desc.mediaType);
      if (parsed.kind !== 'index') throw new EngineError('InvalidArgument', 'expected an image index');
      const match = parsed.index.manifests.find(
        (m) => m.platform && m.platform.os === want.os && m.platform.architecture === want.architecture && (want.variant === undefined || m.platform.variant === want.variant),
      );
      if (!match) {
        throw new EngineError('NotFound', `no matching manifest for ${want.os}/${want.architecture} in the manifest list entries`);
      }
      desc = match;
    }
    const parsed = parseManifestOrIndex(this.content.read(desc.digest), desc.mediaType);
    if (parsed.kind !== 'manifest') throw new EngineError('InvalidArgument', 'expected an image manifest');
    const config = this.readJson<ImageConfig>(parsed.manifest.config.digest);
    return { record, manifestDescriptor: desc, manifest: parsed.manifest, config, id: parsed.manifest.config.digest };
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
