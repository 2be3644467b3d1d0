/**
 * A simulated Docker Hub: a registry with repositories, tags and blobs in a
 * content store of its own, answering the distribution API's reads
 * (GET/HEAD manifests and blobs, through `fetch`) and taking pushes (blobs,
 * then the manifest under a tag). It starts with the bundled images under
 * `library/…`; learners push to their own namespace after `docker login`.
 *
 * Accounts are simple: any user name with a non-empty password logs in, and
 * may push to `<user>/…`; `library/…` belongs to nobody who can log in.
 */
import { fromUtf8, utf8 } from '../common/bytes.ts';
import { ContentStore, type ContentDump } from '../content/store.ts';
import { EngineError } from '../errors.ts';
import { childrenOf } from './layout.ts';
import { MediaType, type Descriptor } from '../image/oci.ts';
import type { Platform } from '../platform/types.ts';
import type { Fetch } from './client.ts';

export const HUB_URL = 'https://registry-1.docker.io';

interface Repository {
  tags: Map<string, Descriptor>;
  /** Stars and description, for `docker search`. */
  stars: number;
  description: string;
  official: boolean;
}

export interface HubDump {
  content: ContentDump;
  repos: { name: string; stars: number; description: string; official: boolean; tags: [string, Descriptor][] }[];
}

export class Hub {
  readonly content: ContentStore;
  private readonly repos = new Map<string, Repository>();

  constructor(readonly platform: Platform) {
    this.content = new ContentStore(platform);
  }

  repository(name: string): Repository | undefined {
    return this.repos.get(name);
  }

  repositories(): [string, Repository][] {
    return [...this.repos.entries()];
  }

  /** Tags `repo:tag` (the blobs must be in the hub's store). */
  tag(repo: string, tag: string, target: Descriptor, info: Partial<Omit<Repository, 'tags'>> = {}): void {
    let r = this.repos.get(repo);
    if (!r) this.repos.set(repo, (r = { tags: new Map(), stars: info.stars ?? 0, description: info.description ?? '', official: info.official ?? false }));
    const old = r.tags.get(tag);
    this.content.pin(target.digest, `hub:${repo}:${tag}`);
    if (old && old.digest !== target.digest) this.content.unpin(old.digest, `hub:${repo}:${tag}`);
    r.tags.set(tag, target);
  }

  /** Blobs every hub starts with (the bundled images); a dump leaves them out. */
  private readonly bundled = new Set<string>();

  /** Marks what the hub holds now as its starting content (after the bundled images are loaded). */
  sealBundled(): void {
    for (const b of this.content.walk()) this.bundled.add(b.digest);
  }

  /** Repositories and what was pushed since the hub started, as plain data. */
  dump(): HubDump {
    return {
      content: this.content.dump((d) => !this.bundled.has(d)),
      repos: [...this.repos].map(([name, r]) => ({ name, stars: r.stars, description: r.description, official: r.official, tags: [...r.tags] })),
    };
  }

  /** Loads a dump from outside (a hub seed fetched over the network): every blob's digest and size are checked first. */
  async loadVerified(dump: HubDump): Promise<void> {
    for (const b of dump.content.blobs) await this.content.verify(b.data, { expected: b.digest, size: b.size });
    this.load(dump);
  }

  /** Takes back what `dump` gave, on a hub that holds the bundled images. */
  load(dump: HubDump): void {
    this.content.load(dump.content);
    for (const r of dump.repos) {
      for (const [tag, desc] of r.tags) if (this.content.has(desc.digest)) this.tag(r.name, tag, desc, r);
    }
  }

  /** Who may push where: the user's own namespace. */
  canPush(repo: string, user: string | undefined): boolean {
    return user !== undefined && repo.startsWith(`${user}/`);
  }

  /** Takes a pushed blob, checking its digest; true when it was new. */
  async putBlob(data: Uint8Array, digest: string): Promise<boolean> {
    if (this.content.has(digest)) return false;
    await this.content.put(data, { expected: digest, size: data.length });
    return true;
  }

  /** Takes a pushed manifest (its blobs must already be here) and tags it. */
  async putManifest(repo: string, tag: string, bytes: Uint8Array, mediaType: string): Promise<Descriptor> {
    const desc0: Descriptor = { mediaType, digest: '', size: bytes.length };
    const children = childrenOf(desc0, bytes).map((c) => c.digest);
    for (const c of children) if (!this.content.has(c)) throw new EngineError('NotFound', `blob unknown to registry: ${c}`);
    const digest = await this.content.put(bytes, { children });
    const desc = { mediaType, digest, size: bytes.length };
    this.tag(repo, tag, desc);
    return desc;
  }

  /** The distribution API's reads, as a fetch for `DistributionClient`. */
  readonly fetch: Fetch = async (url) => {
    const m = /\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(url);
    const notFound = (code: string) => respond(404, utf8(JSON.stringify({ errors: [{ code, message: code.toLowerCase().replace('_', ' ') }] })), 'application/json');
    if (!m) return notFound('NAME_UNKNOWN');
    const [, repo, kind, ref] = m as unknown as [string, string, string, string];
    const r = this.repos.get(repo);
    if (!r) return respond(401, utf8('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}'), 'application/json');
    if (kind === 'blobs') return this.content.has(ref) ? respond(200, this.content.read(ref), 'application/octet-stream') : notFound('BLOB_UNKNOWN');
    const desc = ref.startsWith('sha256:') ? [...r.tags.values()].find((d) => d.digest === ref) ?? (this.content.has(ref) ? { digest: ref, mediaType: mediaTypeOf(this.content.read(ref)), size: 0 } : undefined) : r.tags.get(ref);
    if (!desc || !this.content.has(desc.digest)) return notFound('MANIFEST_UNKNOWN');
    return respond(200, this.content.read(desc.digest), desc.mediaType);
  };
}

function mediaTypeOf(bytes: Uint8Array): string {
  try {
    return (JSON.parse(fromUtf8(bytes)) as { mediaType?: string }).mediaType ?? MediaType.ociManifest;
  } catch {
    return MediaType.ociManifest;
  }
}

function respond(status: number, body: Uint8Array, contentType: string) {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? contentType : name.toLowerCase() === 'docker-content-digest' ? null : null) },
    arrayBuffer: async () => body.slice().buffer as ArrayBuffer,
  };
}
