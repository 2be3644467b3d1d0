/**
 * A client for the OCI distribution API (what `docker pull` speaks), over an
 * injected fetch. It reads a tag or digest, picks the linux/amd64 manifest
 * from an index, and brings the config and layers into the content store,
 * where every blob is checked against its digest before it is kept.
 *
 * It works against a real registry's HTTP API and against the static files
 * of `distributionLayout` alike, since those are the same paths.
 */
import { EngineError } from '../errors.ts';
import type { ContentStore } from '../content/store.ts';
import { DEFAULT_PLATFORM } from '../image/store.ts';
import { MediaType, parseManifestOrIndex, type Descriptor, type PlatformSpec } from '../image/oci.ts';

/** The slice of the Fetch API the client needs. */
export type Fetch = (
  url: string,
  init?: { headers?: Record<string, string> },
) => Promise<{ ok: boolean; status: number; headers: { get(name: string): string | null }; arrayBuffer(): Promise<ArrayBuffer> }>;

const ACCEPT = [MediaType.ociIndex, MediaType.ociManifest, MediaType.dockerManifestList, MediaType.dockerManifest].join(', ');

export interface PullProgress {
  (event: { id: string; status: 'Pulling fs layer' | 'Downloading' | 'Download complete' | 'Already exists'; current?: number; total?: number }): void;
}

export class DistributionClient {
  constructor(
    /** The registry's base URL, without /v2 ("https://registry-1.docker.io", "/registry"). */
    private readonly baseUrl: string,
    private readonly fetch: Fetch,
  ) {}

  private url(repo: string, kind: 'manifests' | 'blobs', ref: string): string {
    return `${this.baseUrl.replace(/\/$/, '')}/v2/${repo}/${kind}/${ref}`;
  }

  private async get(url: string, notFound: string): Promise<{ bytes: Uint8Array; contentType: string | null }> {
    const res = await this.fetch(url, { headers: { Accept: ACCEPT } });
    if (res.status === 404) throw new EngineError('NotFound', notFound);
    if (!res.ok) throw new EngineError('Unavailable', `unexpected status from GET request to ${url}: ${res.status}`);
    return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') };
  }

  /**
   * Pulls `repo:ref` (a tag or a digest) into `content`; returns the top
   * descriptor (index or manifest), which is stored last, once everything it
   * names is in the store.
   */
  async pull(content: ContentStore, repo: string, ref: string, options: { platform?: PlatformSpec; progress?: PullProgress; familiar?: string } = {}): Promise<Descriptor> {
    const name = options.familiar ?? repo;
    const byDigest = ref.includes(':');
    const top = await this.get(this.url(repo, 'manifests', ref), `manifest for ${name}${byDigest ? '@' : ':'}${ref} not found: manifest unknown: manifest unknown`);
    if (byDigest) await this.verified(content, top.bytes, { digest: ref, size: top.bytes.length, mediaType: '' }, 'manifest');
    const parsed = parseManifestOrIndex(top.bytes, top.contentType ?? undefined);
    const want = options.platform ?? DEFAULT_PLATFORM;

    let manifest;
    let manifestBytes = top.bytes;
    let manifestType = parsed.kind === 'manifest' ? parsed.manifest.mediaType : '';
    if (parsed.kind === 'index') {
      const match = parsed.index.manifests.find((m) => m.platform?.os === want.os && m.platform?.architecture === want.architecture);
      if (!match) throw new EngineError('NotFound', `no matching manifest for ${want.os}/${want.architecture} in the manifest list entries`);
      const mf = await this.get(this.url(repo, 'manifests', match.digest), `manifest for ${name}@${match.digest} not found: manifest unknown: manifest unknown`);
      await this.verified(content, mf.bytes, match, 'manifest');
      const m = parseManifestOrIndex(mf.bytes, match.mediaType);
      if (m.kind !== 'manifest') throw new EngineError('InvalidArgument', 'nested image index is not supported');
      manifest = m.manifest;
      manifestBytes = mf.bytes;
      manifestType = match.mediaType;
    } else {
      manifest = parsed.manifest;
    }

    for (const blob of [manifest.config, ...manifest.layers]) {
      const isLayer = blob !== manifest.config;
      if (content.has(blob.digest)) {
        if (isLayer) options.progress?.({ id: blob.digest, status: 'Already exists' });
        continue;
      }
      if (isLayer) options.progress?.({ id: blob.digest, status: 'Pulling fs layer' });
      const { bytes } = await this.get(this.url(repo, 'blobs', blob.digest), `blob ${blob.digest} not found`);
      if (isLayer) options.progress?.({ id: blob.digest, status: 'Downloading', current: bytes.length, total: blob.size });
      await this.verified(content, bytes, blob, 'filesystem layer');
      await content.put(bytes, { expected: blob.digest, size: blob.size });
      if (isLayer) options.progress?.({ id: blob.digest, status: 'Download complete' });
    }
    const manifestDigest = await content.put(manifestBytes, { children: [manifest.config.digest, ...manifest.layers.map((l) => l.digest)] });
    if (parsed.kind === 'manifest') return { mediaType: manifestType, digest: manifestDigest, size: manifestBytes.length };
    const indexDigest = await content.put(top.bytes, { children: [manifestDigest] });
    return { mediaType: parsed.index.mediaType, digest: indexDigest, size: top.bytes.length };
  }

  /** Checks bytes against their descriptor, with Docker's message when they do not match. */
  private async verified(content: ContentStore, bytes: Uint8Array, desc: Descriptor, what: 'manifest' | 'filesystem layer'): Promise<void> {
    try {
      await content.verify(bytes, { expected: desc.digest, size: desc.size });
    } catch (err) {
      if (err instanceof EngineError && err.code === 'FailedPrecondition') {
        throw new EngineError('DataLoss', `${what} verification failed for digest ${desc.digest}`);
      }
      throw err;
    }
  }
}
