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

/**
 * The non-empty lines of a byte stream (JSON messages, events), a batch per
 * chunk: everything that arrived together can be handled, and written, at
 * once. A last line without a newline is dropped, as a JSON-lines reader does.
 */
export async function* lineBatches(source: AsyncIterable<Uint8Array>): AsyncIterable<string[]> {
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of source) {
    buf += decoder.decode(chunk, { stream: true });
    const parts = buf.split('\n');
    buf = parts.pop()!;
    const lines = parts.map((l) => l.trim()).filter(Boolean);
    if (lines.length > 0) yield lines;
  }
}
