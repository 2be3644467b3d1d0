import { describe, expect, it } from 'vitest';
import { bootLearnerMachine, bundledHubSeed } from '../index.ts';
import { nodePlatform } from '../platform/node/index.ts';
import { decodeHubSeed } from './hub-seed.ts';
import { Hub } from './hub.ts';

const platform = nodePlatform();
const seed = await bundledHubSeed(platform);

async function pulledDigest(hubSeed?: Uint8Array): Promise<{ code: number; digest: string }> {
  const m = bootLearnerMachine(platform, hubSeed ? { hubSeed: Promise.resolve(hubSeed) } : {});
  const r = await m.host.exec(['sh', '-c', 'docker pull -q alpine >/dev/null && docker image inspect -f "{{index .RepoDigests 0}}" alpine']);
  return { code: r.code, digest: r.stdout.trim() };
}

describe('the hub seed', () => {
  it('holds every bundled blob and tag, and reads back as written', () => {
    const dump = decodeHubSeed(seed);
    expect(dump.content.blobs.length).toBeGreaterThan(10);
    expect(dump.repos.find((r) => r.name === 'library/alpine')?.tags.map(([t]) => t)).toContain('latest');
    expect(dump.content.blobs.reduce((n, b) => n + b.data.length, 0)).toBe(dump.content.blobs.reduce((n, b) => n + b.size, 0));
  });

  it('gives a machine the same images, with the same digests, as building them', async () => {
    const built = await pulledDigest();
    const seeded = await pulledDigest(seed);
    expect(seeded.code).toBe(0);
    expect(seeded.digest).toMatch(/^alpine@sha256:[0-9a-f]{64}$/);
    expect(seeded.digest).toBe(built.digest);
  });

  it('is refused when damaged, and the machine builds the images instead', async () => {
    const bad = seed.slice();
    bad[bad.length - 10]! ^= 0xff; // inside the last blob: its digest no longer matches
    await expect(new Hub(platform).loadVerified(decodeHubSeed(bad))).rejects.toThrow(/unexpected commit digest/);
    const r = await pulledDigest(bad);
    expect(r.code).toBe(0);
    expect(r.digest).toBe((await pulledDigest()).digest);
    expect(() => decodeHubSeed(seed.subarray(0, seed.length - 1))).toThrow(/truncated/);
    expect(() => decodeHubSeed(new TextEncoder().encode('hello'))).toThrow(/not a hub seed/);
  });
});
