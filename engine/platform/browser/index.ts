/**
 * The browser platform (a page or a Web Worker): Web Crypto for hashing,
 * CompressionStream for gzip, memfs for the emulated disk.
 */
import { concatBytes, toHex } from '../../common/bytes.ts';
import { createMemfsDisk } from '../memfs-disk.ts';
import type { Hasher, Platform } from '../types.ts';

export function browserPlatform(options: { now?: () => number } = {}): Platform {
  return {
    name: 'browser',
    sha256: digestHex,
    createSha256(): Hasher {
      // Web Crypto has no incremental digest; blobs live in memory anyway.
      const chunks: Uint8Array[] = [];
      return {
        update: (chunk) => void chunks.push(chunk.slice()),
        digest: () => digestHex(concatBytes(chunks)),
      };
    },
    gzip(source, opts) {
      // CompressionStream has no level; the browser never needs to reproduce
      // the bundled images' bytes (those are built by Node and served as files).
      void opts;
      return throughStream(source, new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
    },
    gunzip(source) {
      return throughStream(source, new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
    },
    now: options.now ?? (() => Date.now()),
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    macrotask,
    timer(ms, fn) {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    },
    createDisk: createMemfsDisk,
  };
}

/**
 * A macrotask without setTimeout's clamping (browsers delay nested timeouts
 * to 4 ms): a message through a MessageChannel is delivered as a task.
 */
const channel = typeof MessageChannel === 'undefined' ? undefined : new MessageChannel();
const waiting: (() => void)[] = [];
if (channel) {
  channel.port1.onmessage = () => waiting.shift()?.();
  // Under Node (tests), an open port would keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
}
function macrotask(): Promise<void> {
  if (!channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

async function digestHex(data: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)));
}

async function* throughStream(
  source: AsyncIterable<Uint8Array>,
  transform: TransformStream<Uint8Array, Uint8Array>,
): AsyncIterable<Uint8Array> {
  const writer = transform.writable.getWriter();
  const pump = (async () => {
    try {
      for await (const chunk of source) await writer.write(chunk);
      await writer.close();
    } catch (err) {
      await writer.abort(err).catch(() => undefined);
    }
  })();
  const reader = transform.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    await pump;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
