/**
 * `npm run bench`: the figures for the foundation (issue 2) and for the
 * kernel and userland (issue 3, in userland.ts).
 *
 * - stat of a file in the lowest of 128 layers vs in a 1-layer image, on a
 *   fresh mount (first lookup: the lower index is built) and warm;
 * - unpacking the bundled alpine into snapshots, against only decompressing
 *   and parsing its tar;
 * - preparing a container snapshot (and mounting it), against making a
 *   directory on the same disk;
 * - memory per prepared, mounted, untouched container snapshot.
 */
import { nodePlatform } from '../../engine/platform/node/index.ts';
import { utf8 } from '../../engine/common/bytes.ts';
import { ContentStore } from '../../engine/content/store.ts';
import { ROOT, Vfs } from '../../engine/fs/vfs.ts';
import { MediaType, type ImageConfig, type ImageManifest } from '../../engine/image/oci.ts';
import { readTar, type TarEntry } from '../../engine/image/tar.ts';
import { EmulatedSnapshotter, lookupPath, mkdirp } from '../../engine/snapshot/emulated.ts';
import { LowerIndex } from '../../engine/snapshot/lower.ts';
import { OverlayFs } from '../../engine/snapshot/overlay.ts';
import { unpackImage } from '../../engine/snapshot/unpack.ts';
import { applyLayer } from '../../engine/snapshot/apply.ts';
import { buildImages } from '../../engine/registry/bundled/build.ts';
import { bundledImages } from '../../engine/registry/bundled/index.ts';
import { report, summarize, time, type Result } from './harness.ts';
import { userlandBench } from './userland.ts';
import { dockerBench } from './docker.ts';
import { siteBench } from './site.ts';
import { persistBench } from './persist.ts';

const platform = nodePlatform();
const T = 1_700_000_000_000;

function file(name: string, data = name): TarEntry {
  const bytes = utf8(data);
  return { header: { name, type: 'file', mode: 0o644, uid: 0, gid: 0, size: bytes.length, mtimeMs: T, linkname: '' }, data: bytes };
}
function dir(name: string): TarEntry {
  return { header: { name, type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0, mtimeMs: T, linkname: '' }, data: new Uint8Array() };
}

async function statBench(): Promise<Result[]> {
  const sn = new EmulatedSnapshotter(platform.createDisk(), () => T);
  const deepLayer = [dir('usr/'), dir('usr/lib/'), dir('usr/lib/deep/'), file('usr/lib/deep/target'), dir('etc/'), file('etc/base')];
  // 127 more layers on top, each touching /etc and adding a file of its own, as RUN steps do.
  const upper = Array.from({ length: 127 }, (_, i) => [dir('etc/'), file(`etc/layer${i}`), dir(`opt${i}/`), file(`opt${i}/f`)]);
  // Images stop at 127 layers; the snapshotter (like overlay2) takes 128 lowers, so build the chain directly.
  const chain = async (name: string, layers: TarEntry[][]) => {
    let parent: string | undefined;
    for (const [i, entries] of layers.entries()) {
      const key = `${name}-x${i}`;
      sn.prepare(key, parent);
      await applyLayer(sn.disk, sn.layerDir(key), (async function* () {
        yield* entries;
      })(), () => T);
      sn.commit(`${name}-${i}`, key);
      parent = `${name}-${i}`;
    }
    return parent!;
  };
  const top1 = await chain('one', [deepLayer]);
  const top128 = await chain('many', [deepLayer, ...upper]);
  let n = 0;
  const fresh = (top: string) => {
    // A new container snapshot and a new lower index: nothing cached.
    const key = `c${n++}`;
    const mounts = sn.prepare(key, top);
    const opts = mounts[0]!.options;
    const lowers = opts.find((o) => o.startsWith('lowerdir='))!.slice(9).split(':');
    const upperdir = opts.find((o) => o.startsWith('upperdir='))?.slice(9);
    const disk = sn.disk;
    const index = new LowerIndex(disk, lowers.map((p) => lookupPath(disk, p)));
    const upperEntry = upperdir ? lookupPath(disk, upperdir) : mkdirp(disk, `/tmp/u${n}`, T);
    return new Vfs(new OverlayFs({ disk, lowers: [], upper: upperEntry, now: () => T, index }));
  };
  const path = '/usr/lib/deep/target';
  // First lookup: the timed part is the very first stat on a fresh mount.
  const firstLookup = async (top: string) => {
    const samples: number[] = [];
    for (let i = 0; i < 201; i++) {
      const vfs = fresh(top);
      const t0 = performance.now();
      vfs.lstat(path, ROOT);
      samples.push(performance.now() - t0);
    }
    return samples.slice(20);
  };
  const first1 = await firstLookup(top1);
  const first128 = await firstLookup(top128);
  const warm1 = fresh(top1);
  const warm128 = fresh(top128);
  const w1 = await time(() => warm1.lstat(path, ROOT), { runs: 41, inner: 2000, warmup: 2 });
  const w128 = await time(() => warm128.lstat(path, ROOT), { runs: 41, inner: 2000, warmup: 2 });
  return [
    summarize('stat, 1 layer, first lookup', first1, 'µs'),
    summarize('stat, lowest of 128 layers, first lookup', first128, 'µs', { baseline: 'stat, 1 layer, first lookup', note: 'kernel overlayfs here: 3.2×' }),
    summarize('stat, 1 layer, warm', w1, 'µs'),
    summarize('stat, lowest of 128 layers, warm', w128, 'µs', { baseline: 'stat, 1 layer, warm', note: 'aim ≤ 1.5×' }),
  ];
}

async function alpineBench(): Promise<Result[]> {
  const content = new ContentStore(platform);
  const alpineSpec = bundledImages.find((s) => s.repository === 'alpine')!;
  const [alpine] = await buildImages(platform, content, [alpineSpec]);
  const manifest: ImageManifest = { schemaVersion: 2, mediaType: MediaType.ociManifest, config: alpine!.config, layers: alpine!.layers.map((l) => l.descriptor) };
  const config = JSON.parse(new TextDecoder().decode(content.read(alpine!.config.digest))) as ImageConfig;
  const layer = alpine!.layers[0]!.descriptor;

  const parseOnly = await time(async () => {
    for await (const _ of readTar(platform.gunzip(content.readStream(layer.digest)))) void _;
  });
  const unpack = await time(async () => {
    const sn = new EmulatedSnapshotter(platform.createDisk(), () => T);
    await unpackImage({ platform, content, snapshotter: sn }, manifest, config);
  });

  const sn = new EmulatedSnapshotter(platform.createDisk(), () => T);
  const top = await unpackImage({ platform, content, snapshotter: sn }, manifest, config);
  let i = 0;
  const mkdirOnly = await time(() => mkdirp(sn.disk, `/var/lib/berth/plain/${i++}`, T), { runs: 41, inner: 200 });
  const prepare = await time(() => sn.mountFs(sn.prepare(`ctr-${i++}`, top)), { runs: 41, inner: 200 });
  const entries = sn.usage(top).inodes;
  return [
    summarize('alpine layer: gunzip + tar parse only', parseOnly, 'ms', { note: `${entries} entries, ${(layer.size / 1024).toFixed(0)} KiB gzip` }),
    summarize('alpine layer: unpack into a snapshot', unpack, 'ms', { baseline: 'alpine layer: gunzip + tar parse only' }),
    summarize('mkdir on the disk', mkdirOnly, 'µs'),
    summarize('prepare + mount a container snapshot', prepare, 'µs', { baseline: 'mkdir on the disk' }),
  ];
}

async function memoryBench(): Promise<Result[]> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return [{ name: 'memory per container snapshot', median: NaN, p10: NaN, p90: NaN, runs: 0, unit: 'KB', note: 'run with --expose-gc' }];
  const content = new ContentStore(platform);
  const [alpine] = await buildImages(platform, content, [bundledImages.find((s) => s.repository === 'alpine')!]);
  const manifest: ImageManifest = { schemaVersion: 2, mediaType: MediaType.ociManifest, config: alpine!.config, layers: alpine!.layers.map((l) => l.descriptor) };
  const config = JSON.parse(new TextDecoder().decode(content.read(alpine!.config.digest))) as ImageConfig;
  const samples: number[] = [];
  const settle = () => {
    for (let i = 0; i < 4; i++) gc();
    return process.memoryUsage().heapUsed;
  };
  for (let round = 0; round < 7; round++) {
    const sn = new EmulatedSnapshotter(platform.createDisk(), () => T);
    const top = await unpackImage({ platform, content, snapshotter: sn }, manifest, config);
    // Warm the shared lower index the way a first container would.
    new Vfs(sn.mountFs(sn.prepare('first', top))).lstat('/bin/sh', ROOT);
    // The marginal cost between 1,000 and 5,000 live snapshots, so that garbage
    // left by the unpack (zlib buffers freed late) does not blur the figure.
    const keep: unknown[] = [];
    const grow = (to: number) => {
      while (keep.length < to) {
        const fs = sn.mountFs(sn.prepare(`c${keep.length}`, top));
        new Vfs(fs).lstat('/bin/sh', ROOT);
        keep.push(fs);
      }
      return settle();
    };
    const h1 = grow(1000);
    const h2 = grow(5000);
    samples.push((h2 - h1) / 4000 / 1024);
  }
  return [summarize('memory per prepared, mounted, untouched container snapshot', samples, 'KB', { note: 'aim ≤ 20 KB' })];
}

const results = [...(await statBench()), ...(await alpineBench()), ...(await memoryBench()), ...(await userlandBench()), ...(await dockerBench()), ...(await persistBench()), ...(await siteBench())];
console.log(report(`Berth benchmarks (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`, results));
