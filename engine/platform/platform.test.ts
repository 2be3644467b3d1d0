import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { nodePlatform } from './node/index.ts';
import { browserPlatform } from './browser/index.ts';
import { collect, streamOf } from '../common/stream.ts';
import { utf8 } from '../common/bytes.ts';
import type { Platform } from './types.ts';

// Node 20 has Web Crypto and CompressionStream, so the browser platform runs here too.
const platforms: [string, Platform][] = [
  ['node', nodePlatform()],
  ['browser', browserPlatform()],
];

const sample = utf8('Berth '.repeat(10_000));

describe.each(platforms)('%s platform', (_name, platform) => {
  it('hashes like sha256sum, at once and in pieces', async () => {
    const want = createHash('sha256').update(sample).digest('hex');
    expect(await platform.sha256(sample)).toBe(want);
    const h = platform.createSha256();
    for (let i = 0; i < sample.length; i += 777) h.update(sample.subarray(i, i + 777));
    expect(await h.digest()).toBe(want);
  });

  it("gunzips the other platform's gzip and its own", async () => {
    for (const [, other] of platforms) {
      const gz = await collect(other.gzip(streamOf(sample, 1000)));
      expect(await collect(platform.gunzip(streamOf(gz, 100)))).toEqual(sample);
    }
  });

  it('fails on a truncated or corrupt gzip stream', async () => {
    const gz = new Uint8Array(gzipSync(sample));
    await expect(collect(platform.gunzip(streamOf(gz.subarray(0, gz.length - 20))))).rejects.toThrow();
    const bad = gz.slice();
    bad[30] = bad[30]! ^ 0xff;
    await expect(collect(platform.gunzip(streamOf(bad)))).rejects.toThrow();
  });

  it('stops decompressing when the reader stops', async () => {
    // 64 MiB of zeros is 64 KiB of gzip; reading one chunk must not inflate the rest.
    const gz = new Uint8Array(gzipSync(new Uint8Array(64 * 1024 * 1024)));
    let fed = 0;
    async function* source() {
      for (let at = 0; at < gz.length; at += 1024) {
        fed += 1024;
        yield gz.subarray(at, at + 1024);
      }
    }
    for await (const chunk of platform.gunzip(source())) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(fed).toBeLessThan(gz.length);
  });

  it('makes random bytes and memfs disks', () => {
    expect(platform.randomBytes(16)).toHaveLength(16);
    const disk = platform.createDisk();
    expect(disk.names(disk.root)).toEqual([]);
  });
});
