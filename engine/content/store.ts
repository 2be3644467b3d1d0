/**
 * The content store: blobs named by their digest.
 *
 * Image layers, configs and manifests all live here. Writing goes through an
 * ingest that checks the bytes against the digest (and size) the writer
 * expected before anything becomes visible; a wrong or truncated blob is
 * refused and the store is left exactly as it was.
 *
 * Blobs are kept alive by references. A *pin* is a named reference from
 * outside (an image name pins its manifest); a blob's *children* are the
 * blobs it refers to (a manifest refers to its config and layers). A blob's
 * reference count is its pins plus the stored blobs that list it as a child.
 * `gc()` removes every blob whose count is zero, and then whatever that
 * leaves unreferenced, so removing the last image that uses a layer frees the
 * layer, while a layer shared by two images stays until both are gone.
 */
import { EngineError } from '../errors.ts';
import type { Platform } from '../platform/types.ts';
import { parseDigest } from './digest.ts';

/** Where committed blobs are kept. The engine uses memory; hosts may persist them. */
export interface BlobBackend {
  get(digest: string): Uint8Array | undefined;
  put(digest: string, data: Uint8Array): void;
  delete(digest: string): void;
  keys(): Iterable<string>;
}

export class MemoryBlobBackend implements BlobBackend {
  private readonly blobs = new Map<string, Uint8Array>();
  get(digest: string): Uint8Array | undefined {
    return this.blobs.get(digest);
  }
  put(digest: string, data: Uint8Array): void {
    this.blobs.set(digest, data);
  }
  delete(digest: string): void {
    this.blobs.delete(digest);
  }
  keys(): Iterable<string> {
    return this.blobs.keys();
  }
}

export interface BlobInfo {
  digest: string;
  size: number;
  createdAt: number;
  /** Digests this blob refers to (for a manifest: its config and layers). */
  children: readonly string[];
}

export interface IngestOptions {
  /** The digest the bytes must have. Without it, the digest is whatever they hash to. */
  expected?: string;
  /** The size the bytes must have. */
  size?: number;
  children?: readonly string[];
}

/** An ingest in progress. Nothing is visible until `commit` succeeds. */
export interface Ingest {
  write(chunk: Uint8Array): void;
  /** Checks size and digest, then stores the blob. Returns its digest. */
  commit(): Promise<string>;
  abort(): void;
}

/** A store's blobs and pins as plain data (what a host saves; see `dump`). */
export interface ContentDump {
  blobs: (BlobInfo & { data: Uint8Array })[];
  pins: [string, string[]][];
}

const notFound = (digest: string) => new EngineError('NotFound', `content digest ${digest}: not found`);

export class ContentStore {
  private readonly info_ = new Map<string, BlobInfo>();
  private readonly pins = new Map<string, Set<string>>();
  /** How many stored blobs list each digest as a child. */
  private readonly parents = new Map<string, number>();

  constructor(
    private readonly platform: Platform,
    private readonly backend: BlobBackend = new MemoryBlobBackend(),
  ) {}

  has(digest: string): boolean {
    return this.info_.has(digest);
  }

  info(digest: string): BlobInfo {
    const i = this.info_.get(digest);
    if (!i) throw notFound(digest);
    return i;
  }

  /** The blob's bytes. Callers must not modify them: blobs are immutable. */
  read(digest: string): Uint8Array {
    const data = this.info_.has(digest) ? this.backend.get(digest) : undefined;
    if (!data) throw notFound(digest);
    return data;
  }

  async *readStream(digest: string, chunkSize = 64 * 1024): AsyncIterable<Uint8Array> {
    const data = this.read(digest);
    for (let at = 0; at < data.length; at += chunkSize) yield data.subarray(at, at + chunkSize);
  }

  walk(): BlobInfo[] {
    return [...this.info_.values()];
  }

  /** Total bytes held. */
  size(): number {
    let n = 0;
    for (const i of this.info_.values()) n += i.size;
    return n;
  }

  ingest(options: IngestOptions = {}): Ingest {
    if (options.expected !== undefined) parseDigest(options.expected);
    const chunks: Uint8Array[] = [];
    const hasher = this.platform.createSha256();
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) throw new EngineError('FailedPrecondition', 'ingest already finished: failed precondition');
      done = true;
    };
    return {
      write: (chunk) => {
        if (done) throw new EngineError('FailedPrecondition', 'ingest already finished: failed precondition');
        chunks.push(chunk.slice());
        hasher.update(chunk);
        size += chunk.length;
      },
      commit: async () => {
        finish();
        if (options.size !== undefined && size !== options.size) {
          throw new EngineError('FailedPrecondition', `unexpected commit size ${size}, expected ${options.size}: failed precondition`);
        }
        const digest = 'sha256:' + (await hasher.digest());
        if (options.expected !== undefined && digest !== options.expected) {
          throw new EngineError('FailedPrecondition', `unexpected commit digest ${digest}, expected ${options.expected}: failed precondition`);
        }
        if (!this.info_.has(digest)) {
          const data = new Uint8Array(size);
          let at = 0;
          for (const c of chunks) {
            data.set(c, at);
            at += c.length;
          }
          this.backend.put(digest, data);
          const children = [...(options.children ?? [])];
          this.info_.set(digest, { digest, size, createdAt: this.platform.now(), children });
          for (const c of children) this.parents.set(c, (this.parents.get(c) ?? 0) + 1);
        }
        return digest;
      },
      abort: () => {
        done = true;
        chunks.length = 0;
      },
    };
  }

  /** Checks bytes against an expected digest and size, as an ingest would, without storing them. */
  async verify(data: Uint8Array, options: { expected: string; size?: number }): Promise<void> {
    if (options.size !== undefined && data.length !== options.size) {
      throw new EngineError('FailedPrecondition', `unexpected commit size ${data.length}, expected ${options.size}: failed precondition`);
    }
    const digest = 'sha256:' + (await this.platform.sha256(data));
    if (digest !== options.expected) {
      throw new EngineError('FailedPrecondition', `unexpected commit digest ${digest}, expected ${options.expected}: failed precondition`);
    }
  }

  /** Stores a whole buffer. */
  async put(data: Uint8Array, options: IngestOptions = {}): Promise<string> {
    const w = this.ingest(options);
    w.write(data);
    return w.commit();
  }

  /** Adds a named reference that keeps `digest` (and its children) alive. */
  pin(digest: string, owner: string): void {
    if (!this.info_.has(digest)) throw notFound(digest);
    let owners = this.pins.get(digest);
    if (!owners) this.pins.set(digest, (owners = new Set()));
    owners.add(owner);
  }

  unpin(digest: string, owner: string): void {
    const owners = this.pins.get(digest);
    owners?.delete(owner);
    if (owners && owners.size === 0) this.pins.delete(digest);
  }

  pinsOf(digest: string): string[] {
    return [...(this.pins.get(digest) ?? [])];
  }

  /** Pins plus the stored blobs that refer to it. */
  refCount(digest: string): number {
    return (this.pins.get(digest)?.size ?? 0) + (this.parents.get(digest) ?? 0);
  }

  /** Removes every blob nothing refers to, cascading to children. Returns what went. */
  gc(): { removed: string[]; freed: number } {
    const removed: string[] = [];
    let freed = 0;
    const queue = [...this.info_.keys()].filter((d) => this.refCount(d) === 0);
    while (queue.length > 0) {
      const digest = queue.pop()!;
      const info = this.info_.get(digest);
      if (!info || this.refCount(digest) !== 0) continue;
      this.info_.delete(digest);
      this.backend.delete(digest);
      removed.push(digest);
      freed += info.size;
      for (const c of info.children) {
        const n = (this.parents.get(c) ?? 1) - 1;
        if (n <= 0) this.parents.delete(c);
        else this.parents.set(c, n);
        if (this.refCount(c) === 0) queue.push(c);
      }
    }
    return { removed, freed };
  }

  /** The blobs (all, or those `keep` chooses) and every pin, as plain data. */
  dump(keep: (digest: string) => boolean = () => true): ContentDump {
    const blobs: ContentDump['blobs'] = [];
    for (const i of this.info_.values()) {
      const data = this.backend.get(i.digest);
      if (data && keep(i.digest)) blobs.push({ digest: i.digest, size: i.size, createdAt: i.createdAt, children: [...i.children], data });
    }
    return { blobs, pins: [...this.pins].map(([d, owners]) => [d, [...owners]]) };
  }

  /**
   * Adds what `dump` gave. The blobs were checked when they were first
   * written; they are taken as they are (a blob already held stays). A pin
   * whose blob is missing is dropped.
   */
  load(dump: ContentDump): void {
    for (const b of dump.blobs) {
      if (this.info_.has(b.digest)) continue;
      this.backend.put(b.digest, b.data);
      this.info_.set(b.digest, { digest: b.digest, size: b.size, createdAt: b.createdAt, children: [...b.children] });
      for (const c of b.children) this.parents.set(c, (this.parents.get(c) ?? 0) + 1);
    }
    for (const [digest, owners] of dump.pins) if (this.info_.has(digest)) for (const o of owners) this.pin(digest, o);
  }
}
