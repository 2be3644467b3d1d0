import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as nfs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodePlatform } from '../platform/node/index.ts';
import { fromUtf8, utf8 } from '../common/bytes.ts';
import { collect, streamOf } from '../common/stream.ts';
import { ContentStore } from '../content/store.ts';
import { MediaType, encodeJson, type ImageConfig, type ImageManifest } from '../image/oci.ts';
import { writeTar, type TarEntry, type TarHeader } from '../image/tar.ts';
import { readWholeFile } from '../fs/types.ts';
import { ROOT, Vfs } from '../fs/vfs.ts';
import { EmulatedSnapshotter } from './emulated.ts';
import { unpackImage } from './unpack.ts';
import { changes, formatChanges, layerEntries } from './diff.ts';

const platform = nodePlatform();

function entry(name: string, extra: Partial<TarHeader> = {}, data = ''): TarEntry {
  const bytes = utf8(data);
  return { header: { name, type: 'file', mode: 0o644, uid: 0, gid: 0, size: bytes.length, mtimeMs: 1_700_000_000_000, linkname: '', ...extra }, data: bytes };
}
const dir = (name: string, mode = 0o755) => entry(name, { type: 'dir', mode, size: 0 });
const link = (name: string, target: string) => entry(name, { type: 'symlink', linkname: target, size: 0 });
const hard = (name: string, target: string) => entry(name, { type: 'hardlink', linkname: target, size: 0 });

/** Stores layers (as tar entries or raw tar bytes) and returns a manifest and config for them. */
async function image(content: ContentStore, layers: (TarEntry[] | Uint8Array)[], options: { badDiffId?: boolean } = {}) {
  const descs = [];
  const diffIds = [];
  for (const l of layers) {
    const tar = l instanceof Uint8Array ? l : await collect(writeTar(l));
    diffIds.push(options.badDiffId ? 'sha256:' + '0'.repeat(64) : 'sha256:' + (await platform.sha256(tar)));
    const gz = await collect(platform.gzip(streamOf(tar)));
    descs.push({ mediaType: MediaType.ociLayerGzip, digest: await content.put(gz), size: gz.length });
  }
  const config: ImageConfig = { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds } };
  const cfgBytes = encodeJson(config);
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: await content.put(cfgBytes), size: cfgBytes.length },
    layers: descs,
  };
  return { manifest, config };
}

function world() {
  const content = new ContentStore(platform);
  const disk = platform.createDisk();
  const snapshotter = new EmulatedSnapshotter(disk, () => 1_700_000_100_000);
  return { content, disk, snapshotter, ctx: { platform, content, snapshotter } };
}

/** Names of all directories under the snapshot root: what a refused layer must not leave behind. */
function snapshotDirs(w: ReturnType<typeof world>): string[] {
  const fs = new Vfs(w.snapshotter.mountFs([{ type: 'bind', source: '/var/lib/berth/snapshots', options: ['ro'] }]));
  return fs.readdir('/', ROOT).sort();
}

describe('unpacking layers', () => {
  it('applies layers in order, sharing snapshots by chainID', async () => {
    const w = world();
    const base = [dir('etc/'), entry('etc/os-release', {}, 'ID=test\n'), dir('bin/'), entry('bin/tool', { mode: 0o755 }, 'T'), hard('bin/tool2', 'bin/tool')];
    const a = await image(w.content, [base, [entry('etc/a', {}, 'a')]]);
    const b = await image(w.content, [base, [entry('etc/b', {}, 'b'), entry('.wh.bin')]]);
    const topA = await unpackImage(w.ctx, a.manifest, a.config);
    const topB = await unpackImage(w.ctx, b.manifest, b.config);
    // The base layer is unpacked once: three committed snapshots, not four.
    expect(w.snapshotter.walk().length).toBe(3);
    const view = new Vfs(w.snapshotter.mountFs(w.snapshotter.view('v', topB)));
    expect(view.readdir('/', ROOT).sort()).toEqual(['etc']);
    expect(view.readdir('/etc', ROOT).sort()).toEqual(['b', 'os-release']);
    const viewA = new Vfs(w.snapshotter.mountFs(w.snapshotter.view('va', topA)));
    expect(viewA.lstat('/bin/tool2', ROOT).nlink).toBe(2);
    expect(viewA.lstat('/bin/tool', ROOT).mode & 0o777).toBe(0o755);
  });

  const hostile: [string, TarEntry[], string][] = [
    ['a path with ..', [entry('../etc/passwd', {}, 'x')], 'invalid layer entry "../etc/passwd": path leads outside the layer'],
    ['a deep path with ..', [dir('a/'), entry('a/../../x', {}, 'x')], 'path leads outside the layer'],
    ['an absolute path', [entry('/etc/passwd', {}, 'x')], 'invalid layer entry "/etc/passwd": absolute path'],
    ['a symlink that climbs out', [link('escape', '../../../etc')], 'invalid symlink "escape" -> "../../../etc": target leads outside the layer'],
    ['a hard link that climbs out', [hard('h', '../etc/passwd')], 'invalid hardlink "h" -> "../etc/passwd": target leads outside the layer'],
    ['a hard link to nothing', [hard('h', 'missing')], 'no such file in this layer'],
    ['a path through a symlink of the layer', [link('evil', '/etc'), entry('evil/passwd', {}, 'x')], '"evil" is not a directory in this layer'],
    ['a whiteout of ..', [dir('d/'), entry('d/.wh..')], 'invalid whiteout entry "d/.wh.."'],
    ['an empty whiteout', [entry('.wh.')], 'invalid whiteout entry ".wh."'],
  ];
  for (const [what, entries, message] of hostile) {
    it(`refuses ${what} and leaves nothing behind`, async () => {
      const w = world();
      const good = await image(w.content, [[entry('ok', {}, 'fine')]]);
      await unpackImage(w.ctx, good.manifest, good.config);
      const before = { snaps: w.snapshotter.walk(), dirs: snapshotDirs(w) };
      const bad = await image(w.content, [[entry('ok', {}, 'fine')], entries]);
      await expect(unpackImage(w.ctx, bad.manifest, bad.config)).rejects.toThrow(message);
      expect(w.snapshotter.walk()).toEqual(before.snaps);
      expect(snapshotDirs(w)).toEqual(before.dirs);
    });
  }

  it('keeps relative symlinks that stay inside, and absolute ones', async () => {
    const w = world();
    const img = await image(w.content, [[dir('usr/'), dir('usr/lib/'), link('usr/lib/x', '../../etc/x'), link('sh', '/bin/busybox')]]);
    const top = await unpackImage(w.ctx, img.manifest, img.config);
    const fs = w.snapshotter.mountFs(w.snapshotter.view('v', top));
    expect(fs.readlink('/usr/lib/x')).toBe('../../etc/x');
    expect(fs.readlink('/sh')).toBe('/bin/busybox');
  });

  it('stops a gzip bomb at the size limit', async () => {
    const w = world();
    const zeros = '\0'.repeat(20 * 1024 * 1024);
    const img = await image(w.content, [[entry('bomb', {}, zeros)]]);
    expect(w.content.info(img.manifest.layers[0]!.digest).size).toBeLessThan(100_000);
    await expect(unpackImage({ ...w.ctx, limits: { maxTotalSize: 4 * 1024 * 1024 } }, img.manifest, img.config)).rejects.toThrow(
      /layer entry "bomb" exceeds the size limit of 4 MiB|layer exceeds the size limit of 4 MiB/,
    );
    expect(w.snapshotter.walk()).toEqual([]);
  });

  it('refuses a layer that declares 10 GB before reading it', async () => {
    const w = world();
    // A ustar header whose size field holds 10 GiB in base-256, followed by a few bytes.
    const block = new Uint8Array(512);
    block.set(utf8('huge'), 0);
    block.set(utf8('0000644\0'), 100);
    block.set(utf8('0000000\0'), 108);
    block.set(utf8('0000000\0'), 116);
    const size = 10n * 1024n * 1024n * 1024n;
    block[124] = 0x80;
    for (let i = 0; i < 8; i++) block[135 - i] = Number((size >> BigInt(8 * i)) & 0xffn);
    block.set(utf8('00000000000\0'), 136);
    block[156] = '0'.charCodeAt(0);
    block.set(utf8('ustar\x0000'), 257);
    block.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of block) sum += b;
    block.set(utf8(sum.toString(8).padStart(6, '0') + '\0 '), 148);
    const tar = new Uint8Array(512 + 4096);
    tar.set(block);
    const img = await image(w.content, [tar]);
    await expect(unpackImage(w.ctx, img.manifest, img.config)).rejects.toThrow('layer entry "huge" exceeds the size limit of 512 MiB');
    expect(w.snapshotter.walk()).toEqual([]);
  });

  it('refuses a layer whose diffID does not match the config', async () => {
    const w = world();
    const img = await image(w.content, [[entry('x', {}, 'x')]], { badDiffId: true });
    await expect(unpackImage(w.ctx, img.manifest, img.config)).rejects.toThrow('wrong diff id calculated on extraction');
    expect(w.snapshotter.walk()).toEqual([]);
  });

  it('allows 127 layers and refuses 128 with "max depth exceeded"', async () => {
    const w = world();
    const layers = Array.from({ length: 128 }, (_, i) => [entry(`f${i}`, {}, String(i))]);
    const tooDeep = await image(w.content, layers);
    await expect(unpackImage(w.ctx, tooDeep.manifest, tooDeep.config)).rejects.toThrow('max depth exceeded');
    expect(w.snapshotter.walk()).toEqual([]);
    const ok = await image(w.content, layers.slice(0, 127));
    const top = await unpackImage(w.ctx, ok.manifest, ok.config);
    const fs = new Vfs(w.snapshotter.mountFs(w.snapshotter.prepare('c', top)));
    expect(fs.readdir('/', ROOT).length).toBe(127);
    expect(fromUtf8(readWholeFile(w.snapshotter.mountFs(w.snapshotter.mounts('c')), '/f0'))).toBe('0');
  }, 60_000);

  it("exports a container's changes as a layer that recreates them", async () => {
    const w = world();
    const img = await image(w.content, [[dir('etc/'), entry('etc/passwd', {}, 'root:x:0:0\n'), entry('etc/motd', {}, 'hi'), dir('var/'), dir('var/cache/'), entry('var/cache/x', {}, 'x')]]);
    const top = await unpackImage(w.ctx, img.manifest, img.config);
    const fs = w.snapshotter.mountFs(w.snapshotter.prepare('ctr', top));
    const vfs = new Vfs(fs, () => 1_700_000_500_000);
    const h = vfs.open('/etc/passwd', { read: false, write: true }, ROOT);
    h.write(utf8('root:x:0:0\nlearner:x:1000:1000\n'), 0);
    h.close();
    vfs.unlink('/etc/motd', ROOT);
    vfs.unlink('/var/cache/x', ROOT);
    vfs.rmdir('/var/cache', ROOT);
    vfs.mkdir('/app', 0o755, ROOT);
    vfs.open('/app/main.js', { read: false, write: true, create: true }, ROOT).close();
    const before = w.snapshotter.mountFs(w.snapshotter.view('img', top));
    expect(formatChanges(changes(fs, before))).toBe(['A /app', 'A /app/main.js', 'C /etc', 'D /etc/motd', 'C /etc/passwd', 'C /var', 'D /var/cache', ''].join('\n'));

    // Commit the upper directory as a layer, then unpack it on the same base elsewhere.
    const entries = [...layerEntries(w.snapshotter.disk, w.snapshotter.layerDir('ctr'))];
    expect(entries.map((e) => e.header.name)).toEqual(['app/', 'app/main.js', 'etc/', 'etc/.wh.motd', 'etc/passwd', 'var/', 'var/.wh.cache']);
    const w2 = world();
    const img2 = await image(w2.content, [[dir('etc/'), entry('etc/passwd', {}, 'root:x:0:0\n'), entry('etc/motd', {}, 'hi'), dir('var/'), dir('var/cache/'), entry('var/cache/x', {}, 'x')], entries]);
    const top2 = await unpackImage(w2.ctx, img2.manifest, img2.config);
    const fs2 = w2.snapshotter.mountFs(w2.snapshotter.view('v', top2));
    const tree = (f: typeof fs, d = '/'): string[] =>
      f.readdir(d).sort().flatMap((n) => {
        const p = d === '/' ? `/${n}` : `${d}/${n}`;
        const st = f.lstat(p);
        return [`${p} ${st.mode.toString(8)}`, ...((st.mode & 0o170000) === 0o040000 ? tree(f, p) : [])];
      });
    expect(tree(fs2)).toEqual(tree(fs));
    expect(fromUtf8(readWholeFile(fs2, '/etc/passwd'))).toContain('learner');
  });
});

const haveTar = (() => {
  try {
    execFileSync('tar', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
if (!haveTar) console.log('GNU tar layer interop test skipped: no tar on PATH');

describe.skipIf(!haveTar)('layers made by other tools', () => {
  it('unpacks a layer GNU tar wrote (whiteouts, opaque dir, links)', async () => {
    const src = nfs.mkdtempSync(join(tmpdir(), 'berth-gnutar-'));
    try {
      nfs.mkdirSync(join(src, 'etc'));
      nfs.writeFileSync(join(src, 'etc', 'hostname'), 'box\n');
      nfs.writeFileSync(join(src, 'etc', '.wh.motd'), '');
      nfs.mkdirSync(join(src, 'opt'));
      nfs.writeFileSync(join(src, 'opt', '.wh..wh..opq'), '');
      nfs.writeFileSync(join(src, 'opt', 'new'), 'n');
      nfs.symlinkSync('hostname', join(src, 'etc', 'name'));
      nfs.linkSync(join(src, 'etc', 'hostname'), join(src, 'etc', 'hostname2'));
      const tar = execFileSync('tar', ['--format=posix', '-C', src, '-cf', '-', '.']);
      const w = world();
      const img = await image(w.content, [[dir('etc/'), entry('etc/motd', {}, 'm'), dir('opt/'), entry('opt/old', {}, 'o')], new Uint8Array(tar)]);
      const top = await unpackImage(w.ctx, img.manifest, img.config);
      const fs = w.snapshotter.mountFs(w.snapshotter.view('v', top));
      expect(fs.readdir('/etc').sort()).toEqual(['hostname', 'hostname2', 'name']);
      expect(fs.readdir('/opt')).toEqual(['new']);
      expect(fs.readlink('/etc/name')).toBe('hostname');
      expect(fs.lstat('/etc/hostname').ino).toBe(fs.lstat('/etc/hostname2').ino);
    } finally {
      nfs.rmSync(src, { recursive: true, force: true });
    }
  });
});
