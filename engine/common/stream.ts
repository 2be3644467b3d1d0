/** Byte streams are AsyncIterable<Uint8Array>; these make and drain them. */
import { concatBytes } from './bytes.ts';

/** A stream of one buffer, cut into chunks (64 KiB by default). */
export async function* streamOf(data: Uint8Array, chunkSize = 64 * 1024): AsyncIterable<Uint8Array> {
  for (let at = 0; at < data.length; at += chunkSize) yield data.subarray(at, at + chunkSize);
}

/** Reads a whole stream into one buffer. */
export async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return concatBytes(chunks);
}

/** Chains several streams into one. */
export async function* chain(...sources: AsyncIterable<Uint8Array>[]): AsyncIterable<Uint8Array> {
  for (const source of sources) yield* source;
}
