/**
 * The bundled images against other tools, both ways:
 * - `npx berth images build` writes an OCI layout; skopeo inspects every image
 *   in it and umoci unpacks every repository's image to exactly the tree
 *   Berth's own snapshotter builds;
 * - umoci changes an image (deletes files and a directory, replaces a
 *   directory, adds files) and writes its own layer with whiteouts; Berth
 *   reads that layout and unpacks the same tree umoci has on disk.
 * Skipped, with the reason printed, where skopeo or umoci is missing.
 */
import { execFileSync } from 'node:child_process';
import * as nfs from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { ContentStore, ImageStore, EmulatedSnapshotter, unpackImage, type FileSystem } from '../engine/index.ts';
import { importOciLayout } from '../engine/registry/layout.ts';
import { readWholeFile } from '../engine/fs/types.ts';
import { bundledImages } from '../engine/registry/bundled/index.ts';

function have(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
const missing = ['skopeo', 'umoci'].filter((t) => !have(t));
const rootNeeded = process.getuid?.() !== 0;
const skip = missing.length > 0 ? `missing ${missing.join(', ')} (apt-get install ${missing.join(' ')})` : rootNeeded ? 'umoci unpack needs root to keep owners' : null;
if (skip) console.log(`image interop tests skipped: ${skip}`);

const here = new URL('..', import.meta.url).pathname;
const work = skip ? '' : nfs.mkdtempSync(join(tmpdir(), 'berth-interop-'));
const layout = join(work, 'oci');

afterAll(() => {
  if (work) nfs.rmSync(work, { recursive: true, force: true });
});

/** One line per entry: path, type, mode, owner, and size+sha256 / link target; hard links as "= first path". */
function realTree(root: string): string[] {
  const out: string[] = [];
  const inodes = new Map<number, string>();
  const visit = (dir: string, rel: string) => {
    for (const name of nfs.readdirSync(dir).sort()) {
      const p = join(dir, name);
      const r = `${rel}/${name}`;
      const st = nfs.lstatSync(p);
      const head = `${r} ${(st.mode & 0o170000).toString(8)} ${(st.mode & 0o7777).toString(8)} ${st.uid}:${st.gid}`;
      if (st.isSymbolicLink()) out.push(`${head} -> ${nfs.readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.push(head);
        visit(p, r);
      } else {
        const first = st.nlink > 1 ? inodes.get(st.ino) : undefined;
        if (st.nlink > 1 && !first) inodes.set(st.ino, r);
        out.push(first ? `${head} = ${first}` : `${head} ${st.size} ${createHash('sha256').update(nfs.readFileSync(p)).digest('hex').slice(0, 16)}`);
      }
    }
  };
  visit(root, '');
  return out;
}

function berthTree(fs: FileSystem): string[] {
  const out: string[] = [];
  const inodes = new Map<number, string>();
  const visit = (dir: string) => {
    for (const name of fs.readdir(dir).sort()) {
      const r = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const st = fs.lstat(r);
      const type = st.mode & 0o170000;
      const head = `${r} ${type.toString(8)} ${(st.mode & 0o7777).toString(8)} ${st.uid}:${st.gid}`;
      if (type === 0o120000) out.push(`${head} -> ${fs.readlink(r)}`);
      else if (type === 0o040000) {
        out.push(head);
        visit(r);
      } else {
        const first = st.nlink > 1 ? inodes.get(st.ino) : undefined;
        if (st.nlink > 1 && !first) inodes.set(st.ino, r);
        out.push(first ? `${head} = ${first}` : `${head} ${st.size} ${createHash('sha256').update(readWholeFile(fs, r)).digest('hex').slice(0, 16)}`);
      }
    }
  };
  visit('/');
  return out;
}

/** Reads the layout into a fresh engine and unpacks `ref`; returns its merged tree. */
async function berthView(ref: string) {
  const platform = nodePlatform();
  const content = new ContentStore(platform);
  const images = await importOciLayout((p) => {
    const f = join(layout, p);
    return nfs.existsSync(f) ? new Uint8Array(nfs.readFileSync(f)) : undefined;
  }, content);
  const store = new ImageStore(content, platform);
  const image = images.find((i) => i.refName === ref);
  if (!image) throw new Error(`no ${ref} in layout`);
  const resolved = store.resolve(store.set(image.imageName, image.target));
  const sn = new EmulatedSnapshotter(platform.createDisk(), () => 0);
  const top = await unpackImage({ platform, content, snapshotter: sn }, resolved.manifest, resolved.config);
  return { fs: sn.mountFs(sn.view('v', top)), resolved };
}

describe.skipIf(skip !== null)('bundled images and other tools', () => {
  beforeAll(() => {
    const out = execFileSync('node', [join(here, 'native-bridge/berth.mjs'), 'images', 'build', '--out', work], { encoding: 'utf8' });
    expect(out).toMatch(/^IMAGE\s+IMAGE ID\s+LAYERS/);
  }, 120_000);

  it('skopeo inspects every tag, with the layers and config Berth built', async () => {
    const index = JSON.parse(nfs.readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: { annotations: Record<string, string> }[] };
    const refs = index.manifests.map((m) => m.annotations['org.opencontainers.image.ref.name']!);
    expect(refs.length).toBe(bundledImages.reduce((n, s) => n + s.tags.length, 0));
    for (const spec of bundledImages) {
      const ref = `${spec.repository}:${spec.tags[0]}`;
      const inspect = JSON.parse(execFileSync('skopeo', ['inspect', `oci:${layout}:${ref}`], { encoding: 'utf8' })) as { Layers: string[]; Architecture: string; Os: string };
      const config = JSON.parse(execFileSync('skopeo', ['inspect', '--config', `oci:${layout}:${ref}`], { encoding: 'utf8' })) as { config: { Cmd?: string[]; Entrypoint?: string[] } };
      const { resolved } = await berthView(ref);
      expect(inspect.Layers).toEqual(resolved.manifest.layers.map((l) => l.digest));
      expect([inspect.Os, inspect.Architecture]).toEqual(['linux', 'amd64']);
      expect(config.config.Cmd).toEqual(spec.config.Cmd);
      expect(config.config.Entrypoint).toEqual(spec.config.Entrypoint);
    }
  }, 120_000);

  for (const spec of bundledImages) {
    const ref = `${spec.repository}:${spec.tags[0]}`;
    it(`umoci unpacks ${ref} to the tree Berth builds`, async () => {
      const bundle = join(work, `bundle-${spec.repository}-${spec.tags[0]}`);
      execFileSync('umoci', ['unpack', '--image', `${layout}:${ref}`, bundle], { stdio: 'pipe' });
      const { fs } = await berthView(ref);
      expect(berthTree(fs)).toEqual(realTree(join(bundle, 'rootfs')));
    }, 60_000);
  }

  it('reads a layer umoci wrote, with whiteouts and an opaque directory', async () => {
    const bundle = join(work, 'bundle-modified');
    execFileSync('umoci', ['unpack', '--image', `${layout}:alpine:latest`, bundle], { stdio: 'pipe' });
    const rootfs = join(bundle, 'rootfs');
    nfs.rmSync(join(rootfs, 'etc/motd'));
    nfs.rmSync(join(rootfs, 'media/cdrom'), { recursive: true });
    nfs.rmSync(join(rootfs, 'etc/apk'), { recursive: true });
    nfs.mkdirSync(join(rootfs, 'etc/apk'));
    nfs.writeFileSync(join(rootfs, 'etc/apk/world'), 'curl\n');
    nfs.mkdirSync(join(rootfs, 'app'));
    nfs.writeFileSync(join(rootfs, 'app/hello.txt'), 'hello from umoci\n');
    nfs.chmodSync(join(rootfs, 'etc/hostname'), 0o600);
    nfs.symlinkSync('/app/hello.txt', join(rootfs, 'hello'));
    execFileSync('umoci', ['repack', '--image', `${layout}:alpine-modified`, bundle], { stdio: 'pipe' });
    const { fs, resolved } = await berthView('alpine-modified');
    expect(resolved.manifest.layers.length).toBe(2);
    expect(berthTree(fs)).toEqual(realTree(rootfs));
  }, 60_000);
});
