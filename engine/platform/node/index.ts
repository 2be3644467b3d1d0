/**
 * The Node platform: node:crypto for hashing, node:zlib for gzip, memfs for
 * the emulated disk. Used by `npx berth`, the tests and the native bridge.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createGunzip, createGzip, constants as zlib } from 'node:zlib';
import { Readable } from 'node:stream';
import { createMemfsDisk } from '../memfs-disk.ts';
import type { Hasher, Platform } from '../types.ts';

export function nodePlatform(options: { now?: () => number } = {}): Platform {
  return {
    name: 'node',
    async sha256(data) {
      return createHash('sha256').update(data).digest('hex');
    },
    createSha256(): Hasher {
      const hash = createHash('sha256');
      return {
        update: (chunk) => void hash.update(chunk),
        digest: async () => hash.digest('hex'),
      };
    },
    gzip(source, opts) {
      return pipeThrough(source, createGzip({ level: opts?.level ?? zlib.Z_DEFAULT_COMPRESSION }));
    },
    gunzip(source) {
      return pipeThrough(source, createGunzip());
    },
    now: options.now ?? (() => Date.now()),
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    macrotask: () => new Promise((resolve) => setImmediate(resolve)),
    timer(ms, fn) {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    },
    createDisk: createMemfsDisk,
  };
}

/**
 * Runs a byte stream through a zlib transform. Pulling is lazy: when the
 * consumer stops early (a quota was hit), the transform and the source are
 * destroyed instead of being drained.
 */
async function* pipeThrough(
  source: AsyncIterable<Uint8Array>,
  transform: import('node:stream').Transform,
): AsyncIterable<Uint8Array> {
  const input = Readable.from(source, { objectMode: false });
  input.on('error', (err) => transform.destroy(err));
  input.pipe(transform);
  try {
    for await (const chunk of transform as AsyncIterable<Buffer>) {
      yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  } finally {
    input.destroy();
    transform.destroy();
  }
}
