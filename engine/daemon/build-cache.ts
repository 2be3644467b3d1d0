/**
 * BuildKit's build cache, as `docker build` (BuildKit) keeps it in a moby
 * daemon: results of build steps, looked up by cache key, apart from images.
 *
 * A record is one step's result: the layers of the filesystem it leaves
 * (its parent's and, when the step changed files, one more) and when it was
 * made. Records are what `docker system df` counts as "Build Cache" and what
 * `docker builder prune` removes; images made by a build only share their
 * layer blobs with them (the content store counts owners, so a blob stays
 * while an image or a record holds it).
 *
 * The key of a step is a digest of its parent's key, the operation (command,
 * environment, user, working directory, mounts) and, for COPY/ADD, the
 * checksum of what it copies: an ENV or LABEL that a RUN does not see does
 * not invalidate it, a changed file in the context does — BuildKit's rule.
 */
import type { ContentStore } from '../content/store.ts';
import type { Platform } from '../platform/types.ts';

export interface LayerRef {
  /** The compressed blob in the content store. */
  digest: string;
  mediaType: string;
  size: number;
  diffId: string;
  /** When the step that made the layer ran (history `created` of BuildKit images). */
  createdAt: number;
  /** The snapshot of the filesystem up to and with this layer. */
  chainId: string;
}

export type CacheRecordType = 'regular' | 'source.local' | 'exec.cachemount' | 'frontend' | 'internal';

export interface CacheRecord {
  /** BuildKit's 25-character record ID (`docker system df -v` shows its first 12). */
  id: string;
  key: string;
  parent?: string;
  type: CacheRecordType;
  /** `mount / from exec /bin/sh -c apk add curl`, `local source for context`. */
  description: string;
  /** The whole filesystem after the step, bottom layer first. */
  chain: LayerRef[];
  /** The layer this step added ('' when it changed nothing). */
  own: string;
  size: number;
  createdAt: number;
  lastUsedAt: number;
  usageCount: number;
  inUse: boolean;
  shared: boolean;
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

export class BuildCache {
  private readonly records = new Map<string, CacheRecord>();
  private readonly byKey = new Map<string, string>();
  private readonly sources = new Set<string>();

  constructor(
    private readonly platform: Platform,
    private readonly content: ContentStore,
  ) {}

  private newId(): string {
    return Array.from(this.platform.randomBytes(25), (b) => ID_CHARS[b % ID_CHARS.length]).join('');
  }

  get(key: string): CacheRecord | undefined {
    const id = this.byKey.get(key);
    return id === undefined ? undefined : this.records.get(id);
  }

  /** A lookup that counts as a use (LAST USED, USAGE). */
  use(key: string): CacheRecord | undefined {
    const r = this.get(key);
    if (r) {
      r.lastUsedAt = this.platform.now();
      r.usageCount++;
    }
    return r;
  }

  add(rec: Omit<CacheRecord, 'id' | 'lastUsedAt' | 'usageCount' | 'inUse' | 'shared'>): CacheRecord {
    const old = this.get(rec.key);
    if (old) this.delete(old.id);
    const r: CacheRecord = { ...rec, id: this.newId(), lastUsedAt: rec.createdAt, usageCount: 1, inUse: false, shared: false };
    this.records.set(r.id, r);
    this.byKey.set(r.key, r.id);
    if (r.own) this.content.pin(r.own, `buildcache:${r.id}`);
    return r;
  }

  private delete(id: string): void {
    const r = this.records.get(id);
    if (!r) return;
    this.records.delete(id);
    if (this.byKey.get(r.key) === id) this.byKey.delete(r.key);
    if (r.own && this.content.has(r.own)) this.content.unpin(r.own, `buildcache:${r.id}`);
  }

  /** Base images a build has used: their FROM step shows CACHED from then on. */
  seenSource(key: string): boolean {
    return this.sources.has(key);
  }

  markSource(key: string): void {
    this.sources.add(key);
  }

  /** A `RUN --mount=type=cache` directory, counted as build cache (exec.cachemount). */
  addCacheMount(id: string, description: string): void {
    const key = `cachemount:${id}`;
    if (this.get(key)) return;
    this.add({ key, type: 'exec.cachemount', description, chain: [], own: '', size: 0, createdAt: this.platform.now() });
  }

  list(): CacheRecord[] {
    return [...this.records.values()];
  }

  /** The records as plain data (their pins are the content store's). */
  dump(): { records: CacheRecord[]; sources: string[] } {
    return { records: this.list().map((r) => ({ ...r, chain: r.chain.map((l) => ({ ...l })) })), sources: [...this.sources] };
  }

  /** Takes back what `dump` gave. Nothing is in use after a restart. */
  load(dump: { records: CacheRecord[]; sources: string[] }): void {
    for (const r of dump.records) {
      this.records.set(r.id, { ...r, inUse: false });
      this.byKey.set(r.key, r.id);
    }
    for (const s of dump.sources) this.sources.add(s);
  }

  /**
   * `docker builder prune`: every record not in use (with `all`) or only the
   * ones no image shares a layer with; returns the IDs removed and the bytes
   * given back.
   */
  prune(all: boolean, sharedWithImages: (r: CacheRecord) => boolean): { CachesDeleted: string[] | null; SpaceReclaimed: number } {
    const deleted: string[] = [];
    let space = 0;
    for (const r of this.list()) {
      if (r.inUse) continue;
      const shared = sharedWithImages(r);
      if (!all && shared) continue;
      this.delete(r.id);
      deleted.push(r.id);
      if (!shared) space += r.size;
    }
    this.content.gc();
    return { CachesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
  }
}
