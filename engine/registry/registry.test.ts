import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { nodePlatform } from '../platform/node/index.ts';
import { ContentStore } from '../content/store.ts';
import { ImageStore } from '../image/store.ts';
import { chainIds } from '../image/oci.ts';
import { buildImages } from './bundled/build.ts';
import { bundledImages } from './bundled/index.ts';
import { distributionLayout, importOciLayout, ociLayout, type FileMap } from './layout.ts';
import { DistributionClient, type Fetch } from './client.ts';

const platform = nodePlatform();

/** A fetch that serves a FileMap the way a static web host would. */
function staticHost(files: FileMap, base = 'https://hub.test'): Fetch {
  return async (url) => {
    const path = url.startsWith(base + '/') ? url.slice(base.length + 1) : '';
    const body = files.get(path);
    return {
      ok: body !== undefined,
      status: body !== undefined ? 200 : 404,
      headers: { get: () => null },
      arrayBuffer: async () => (body ?? new Uint8Array()).slice().buffer,
    };
  };
}

async function hub() {
  const content = new ContentStore(platform);
  const built = await buildImages(platform, content, bundledImages);
  const repos = new Map<string, Record<string, (typeof built)[number]['index']>>();
  for (const b of built) {
    const tags = repos.get(`library/${b.spec.repository}`) ?? {};
    for (const t of b.spec.tags) tags[t] = b.index;
    repos.set(`library/${b.spec.repository}`, tags);
  }
  return { built, content, files: distributionLayout(content, [...repos].map(([name, tags]) => ({ name, tags }))) };
}

describe('chainIDs', () => {
  it('follow chainID(n) = sha256(chainID(n-1) + " " + diffID(n))', async () => {
    const d = ['sha256:' + 'a'.repeat(64), 'sha256:' + 'b'.repeat(64), 'sha256:' + 'c'.repeat(64)];
    const two = 'sha256:' + createHash('sha256').update(`${d[0]} ${d[1]}`).digest('hex');
    const three = 'sha256:' + createHash('sha256').update(`${two} ${d[2]}`).digest('hex');
    expect(await chainIds(platform, d)).toEqual([d[0], two, three]);
  });
});

describe('bundled images', () => {
  it('build to the same digests every time', async () => {
    const a = await buildImages(platform, new ContentStore(platform), bundledImages);
    const b = await buildImages(platform, new ContentStore(platform), bundledImages);
    expect(a.map((x) => x.index.digest)).toEqual(b.map((x) => x.index.digest));
  });

  it('share the alpine base layer between alpine-based images', async () => {
    const { built } = await hub();
    const base = (repo: string, tag: string) => built.find((b) => b.spec.repository === repo && b.spec.tags.includes(tag))!.layers[0]!.descriptor.digest;
    expect(base('nginx', 'alpine')).toBe(base('alpine', 'latest'));
    expect(base('node', '20-alpine')).toBe(base('alpine', 'latest'));
    expect(base('redis', 'alpine')).toBe(base('alpine', 'latest'));
    expect(base('nginx', 'latest')).toBe(base('debian', 'bookworm-slim'));
  });
});

describe('pulling from a static registry', () => {
  it('pulls an image by tag, then another that shares its base layer', async () => {
    const { files } = await hub();
    const client = new DistributionClient('https://hub.test', staticHost(files));
    const local = new ContentStore(platform);
    const events: string[] = [];
    const alpine = await client.pull(local, 'library/alpine', 'latest', { progress: (e) => events.push(`alpine ${e.status}`) });
    const nginx = await client.pull(local, 'library/nginx', 'alpine', { progress: (e) => events.push(`nginx ${e.status}`) });
    expect(events.filter((e) => e === 'nginx Already exists')).toHaveLength(1);
    const store = new ImageStore(local, platform);
    const a = store.resolve(store.set('docker.io/library/alpine:latest', alpine));
    const n = store.resolve(store.set('docker.io/library/nginx:alpine', nginx));
    expect(n.manifest.layers[0]!.digest).toBe(a.manifest.layers[0]!.digest);
    expect(a.config.config?.Cmd).toEqual(['/bin/sh']);
    expect(n.config.config?.ExposedPorts).toEqual({ '80/tcp': {} });
    // Removing one image keeps the shared layer; removing both frees everything.
    store.delete('docker.io/library/nginx:alpine');
    local.gc();
    expect(local.has(a.manifest.layers[0]!.digest)).toBe(true);
    store.delete('docker.io/library/alpine:latest');
    local.gc();
    expect(local.walk()).toEqual([]);
  });

  it("answers an unknown tag with Docker's message", async () => {
    const { files } = await hub();
    const client = new DistributionClient('https://hub.test', staticHost(files));
    await expect(client.pull(new ContentStore(platform), 'library/alpine', '9.99', { familiar: 'alpine' })).rejects.toThrow(
      'manifest for alpine:9.99 not found: manifest unknown: manifest unknown',
    );
  });

  it('refuses a tampered layer and stores nothing that names it', async () => {
    const { files, built } = await hub();
    const alpine = built.find((b) => b.spec.repository === 'alpine')!;
    const layer = alpine.layers[0]!.descriptor.digest;
    const tampered = new Map(files);
    const bytes = tampered.get(`v2/library/alpine/blobs/${layer}`)!.slice();
    bytes[bytes.length - 9] = bytes[bytes.length - 9]! ^ 0xff;
    tampered.set(`v2/library/alpine/blobs/${layer}`, bytes);
    const local = new ContentStore(platform);
    const client = new DistributionClient('https://hub.test', staticHost(tampered));
    await expect(client.pull(local, 'library/alpine', 'latest')).rejects.toThrow(`filesystem layer verification failed for digest ${layer}`);
    expect(local.has(layer)).toBe(false);
    local.gc();
    expect(local.walk()).toEqual([]);
  });
});

describe('OCI image layout', () => {
  it('round-trips through files with the same digests', async () => {
    const { built, content } = await hub();
    const images = built.map((b) => ({ refName: `${b.spec.repository}:${b.spec.tags[0]}`, imageName: `docker.io/library/${b.spec.repository}:${b.spec.tags[0]}`, target: b.index }));
    const files = ociLayout(content, images);
    expect(new TextDecoder().decode(files.get('oci-layout'))).toBe('{"imageLayoutVersion":"1.0.0"}');
    const back = new ContentStore(platform);
    const imported = await importOciLayout((p) => files.get(p), back);
    expect(imported.map((i) => i.target.digest)).toEqual(images.map((i) => i.target.digest));
    expect(back.walk().map((b) => b.digest).sort()).toEqual(content.walk().map((b) => b.digest).sort());
  });

  it('refuses a layout whose blob does not match its name', async () => {
    const { built, content } = await hub();
    const files = ociLayout(content, [{ refName: 'hello', imageName: 'hello', target: built[0]!.index }]);
    const [path] = [...files.keys()].filter((p) => p.startsWith('blobs/'));
    files.set(path!, new TextEncoder().encode('not the blob'));
    await expect(importOciLayout((p) => files.get(p), new ContentStore(platform))).rejects.toThrow(/unexpected commit (digest|size)/);
  });
});
