/**
 * The simulated Docker Hub's starting content (the bundled images, built by
 * Node) as one file that a static site serves: the browser loads it instead
 * of building the images again. The digests are then the same everywhere —
 * as on the real Docker Hub, where `alpine:3.20` names one set of bytes —
 * which they would not be otherwise: CompressionStream's gzip output differs
 * from zlib's.
 *
 * Layout: the line `berth-hub-seed 1`, a 4-byte big-endian length, that many
 * bytes of JSON (the HubDump with each blob's data replaced by its length),
 * then the blobs' bytes, one after another, in the JSON's order.
 */
import { fromUtf8, utf8 } from '../common/bytes.ts';
import type { HubDump } from './hub.ts';

const MAGIC = 'berth-hub-seed 1\n';

export function encodeHubSeed(dump: HubDump): Uint8Array {
  const header = utf8(
    JSON.stringify({
      ...dump,
      content: { pins: dump.content.pins, blobs: dump.content.blobs.map(({ data, ...b }) => ({ ...b, length: data.length })) },
    }),
  );
  const magic = utf8(MAGIC);
  const total = magic.length + 4 + header.length + dump.content.blobs.reduce((n, b) => n + b.data.length, 0);
  const out = new Uint8Array(total);
  out.set(magic, 0);
  new DataView(out.buffer).setUint32(magic.length, header.length);
  out.set(header, magic.length + 4);
  let at = magic.length + 4 + header.length;
  for (const b of dump.content.blobs) {
    out.set(b.data, at);
    at += b.data.length;
  }
  return out;
}

/** Reads a seed; throws on anything malformed (the caller builds the images instead). Digests are checked when the blobs are loaded. */
export function decodeHubSeed(bytes: Uint8Array): HubDump {
  const magic = utf8(MAGIC);
  if (bytes.length < magic.length + 4 || fromUtf8(bytes.subarray(0, magic.length)) !== MAGIC) throw new Error('not a hub seed');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(magic.length);
  let at = magic.length + 4;
  if (at + length > bytes.length) throw new Error('hub seed: truncated header');
  const header = JSON.parse(fromUtf8(bytes.subarray(at, at + length))) as Omit<HubDump, 'content'> & {
    content: { pins: HubDump['content']['pins']; blobs: (Omit<HubDump['content']['blobs'][number], 'data'> & { length: number })[] };
  };
  at += length;
  const blobs: HubDump['content']['blobs'] = [];
  for (const { length: n, ...b } of header.content.blobs) {
    if (at + n > bytes.length) throw new Error('hub seed: truncated blob');
    blobs.push({ ...b, data: bytes.slice(at, at + n) });
    at += n;
  }
  if (at !== bytes.length) throw new Error('hub seed: trailing bytes');
  return { repos: header.repos, content: { pins: header.content.pins, blobs } };
}
