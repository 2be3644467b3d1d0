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
import { MediaType, isIndexType, parseManifestOrIndex, type Descriptor, type PlatformSpec } from '../image/oci.ts';

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

  /** Pulls `repo:ref` (a tag or a digest) into `content`; returns the top descriptor (index or manifest). */
  async pull(content: ContentStore, repo: string, ref: string, options: { platform?: PlatformSpec; progress?: PullProgress; familiar?: string } = {}): Promise<Descriptor> {
    const name = options.familiar ?? repo;
    const top = await this.get(this.url(repo, 'manifests', ref), `manifest unknown: manifest unknown`).catch((err: unknown) => {
      if (err instanceof EngineError && err.code === 'NotFound') {
        throw new EngineError('NotFound', `manifest for ${name}:${ref} not found: manifest unknown: manifest unknown`);
      }
      throw err;
    });
    const parsed = parseManifestOrIndex(top.bytes, top.contentType ?? undefined);
    const want = options.platform ?? DEFAULT_PLATFORM;
    let manifestDesc: Descriptor;
    let topDesc: Descriptor;
    let manifest;
    if (parsed.kind === 'index') {
      const match = parsed.index.manifests.find((m) => m.platform?.os === want.os && m.platform?.architecture === want.architecture);
      if (!match) throw new EngineError('NotFound', `no matching manifest for ${want.os}/${want.architecture} in the manifest list entries`);
      manifestDesc = match;
      const mf = await this.get(this.url(repo, 'manifests', match.digest), `manifest ${match.digest} not found`);
      const m = parseManifestOrIndex(mf.bytes, match.mediaType);
      if (m.kind !== 'manifest') throw new EngineError('InvalidArgument', 'nested image index is not supported');
      manifest = m.manifest;
      await this.ingestBlob(content, mf.bytes, match, [manifest.config.digest, ...manifest.layers.map((l) => l.digest)], true);
      topDesc = { mediaType: parsed.index.mediaType, digest: '', size: top.bytes.length };
      topDesc.digest = await content.put(top.bytes, {
        expected: ref.startsWith('sha256:') ? ref : undefined,
        children: parsed.index.manifests.filter((m) => content.has(m.digest)).map((m) => m.digest),
      });
    } else {
      manifest = parsed.manifest;
      manifestDesc = { mediaType: manifest.mediaType, digest: '', size: top.bytes.length };
      // The manifest's children must be present before it is committed, so fetch them first.
      topDesc = manifestDesc;
    }
    for (const blob of [manifest.config, ...manifest.layers]) {
      if (content.has(blob.digest)) {
        if (blob !== manifest.config) options.progress?.({ id: blob.digest, status: 'Already exists' });
        continue;
      }
      if (blob !== manifest.config) options.progress?.({ id: blob.digest, status: 'Pulling fs layer' });
      const { bytes } = await this.get(this.url(repo, 'blobs', blob.digest), `blob ${blob.digest} not found`);
      if (blob !== manifest.config) options.progress?.({ id: blob.digest, status: 'Downloading', current: bytes.length, total: blob.size });
      await this.ingestBlob(content, bytes, blob, [], false);
      if (blob !== manifest.config) options.progress?.({ id: blob.digest, status: 'Download complete' });
    }
    if (parsed.kind === 'manifest') {
      topDesc.digest = await content.put(top.bytes, {
        expected: ref.startsWith('sha256:') ? ref : undefined,
        children: [manifest.config.digest, ...manifest.layers.map((l) => l.digest)],
      });
    }
    return topDesc;
  }

  private async ingestBlob(content: ContentStore, bytes: Uint8Array, desc: Descriptor, children: string[], isManifest: boolean): Promise<void> {
    try {
      await content.put(bytes, { expected: desc.digest, size: desc.size, children });
    } catch (err) {
      if (err instanceof EngineError && err.code === 'FailedPrecondition') {
        throw new EngineError('DataLoss', `${isManifest ? 'manifest' : 'filesystem layer'} verification failed for digest ${desc.digest}`);
      }
      throw err;
    }
  }
}
