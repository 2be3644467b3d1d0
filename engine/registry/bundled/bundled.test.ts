import { describe, expect, it } from 'vitest';
import { ALPINE_HISTORY, ALPINE_LAYER } from './alpine.ts';
import { DEBIAN_HISTORY, DEBIAN_LAYER } from './debian.ts';
import { bundledImages } from './index.ts';
import type { FileSpec, ImageSpec, LayerSpec } from './spec.ts';

/** The image's root file system, layers applied in order (base images have no whiteouts). */
function mergedTree(image: ImageSpec): Map<string, FileSpec> {
  const tree = new Map<string, FileSpec>([['/', { path: '/', type: 'dir' }]]);
  for (const h of image.history) {
    if (h.emptyLayer) continue;
    for (const f of h.layer.files) {
      const parts = f.path.split('/').filter((p) => p !== '');
      for (let i = 1; i < parts.length; i++) {
        const parent = '/' + parts.slice(0, i).join('/');
        if (!tree.has(parent)) tree.set(parent, { path: parent, type: 'dir' });
      }
      if (f.type === 'hardlink') {
        const target = tree.get(f.target);
        if (!target) throw new Error(`${f.path}: hard link to missing ${f.target}`);
        tree.set(f.path, { ...target, path: f.path });
      } else if (f.type === 'dir' && tree.get(f.path)?.type === 'dir') {
        tree.set(f.path, f); // a directory listed again keeps its contents, takes the new mode
      } else {
        tree.set(f.path, f);
      }
    }
  }
  return tree;
}

const SYMLINK_LIMIT = 40;

/** Follows symlinks (in the path and at its end) as the kernel does; null when something is missing. */
function resolve(tree: Map<string, FileSpec>, path: string, hops = 0): FileSpec | null {
  if (hops > SYMLINK_LIMIT) return null;
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  let current = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '..') {
      current = current.slice(0, current.lastIndexOf('/'));
      continue;
    }
    const next = `${current}/${part}`;
    const entry = tree.get(next);
    if (!entry) return null;
    if (entry.type === 'symlink') {
      const base = entry.target.startsWith('/') ? entry.target : `${current}/${entry.target}`;
      const rest = parts.slice(i + 1).join('/');
      return resolve(tree, rest ? `${base}/${rest}` : base, hops + 1);
    }
    current = next;
  }
  return tree.get(current || '/') ?? null;
}

function isExecutable(f: FileSpec | null): boolean {
  if (!f) return false;
  if (f.type === 'program') return (f.mode ?? 0o755) & 0o111 ? true : false;
  if (f.type === 'file') {
    const text = typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content);
    return text.startsWith('#!') && ((f.mode ?? 0o644) & 0o111) !== 0;
  }
  return false;
}

function lookPath(tree: Map<string, FileSpec>, image: ImageSpec, name: string): FileSpec | null {
  if (name.includes('/')) return resolve(tree, name.startsWith('/') ? name : `${image.config.WorkingDir ?? '/'}/${name}`);
  const path = image.config.Env?.find((e) => e.startsWith('PATH='))?.slice(5) ?? '';
  for (const dir of path.split(':')) {
    const found = resolve(tree, `${dir}/${name}`);
    if (isExecutable(found)) return found;
  }
  return null;
}

const layersOf = (image: ImageSpec): LayerSpec[] => image.history.flatMap((h) => (h.emptyLayer ? [] : [h.layer]));
const name = (image: ImageSpec) => `${image.repository}:${image.tags[0]}`;

describe.each(bundledImages.map((image) => [name(image), image] as const))('%s', (_, image) => {
  const tree = mergedTree(image);

  it('has absolute, normalized paths and no duplicates within a layer', () => {
    for (const layer of layersOf(image)) {
      const seen = new Set<string>();
      for (const f of layer.files) {
        expect(f.path, f.path).toMatch(/^\//);
        expect('/' + f.path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..').join('/'), f.path).toBe(f.path);
        expect(seen.has(f.path), `duplicate ${f.path}`).toBe(false);
        seen.add(f.path);
      }
    }
  });

  it('lists hard link targets earlier in the same layer', () => {
    for (const layer of layersOf(image)) {
      const before = new Set<string>();
      for (const f of layer.files) {
        if (f.type === 'hardlink') expect(before.has(f.target), `${f.path} -> ${f.target}`).toBe(true);
        before.add(f.path);
      }
    }
  });

  it('has symlinks in the bin and sbin directories that resolve to files', () => {
    const roots = ['/bin/', '/sbin/', '/usr/bin/', '/usr/sbin/', '/usr/local/bin/'];
    let checked = 0;
    for (const [path, f] of tree) {
      if (f.type !== 'symlink' || !roots.some((r) => path.startsWith(r))) continue;
      const target = resolve(tree, path);
      expect(target === null ? 'missing' : target.type, `${path} -> ${f.target}`).not.toMatch(/missing|dir/);
      checked++;
    }
    if (image.repository === 'alpine') expect(checked).toBeGreaterThan(290);
  });

  it('can exec its entrypoint and command through PATH', () => {
    const entry = image.config.Entrypoint?.[0];
    const cmd = image.config.Cmd?.[0];
    expect(entry ?? cmd).toBeDefined();
    if (entry) expect(isExecutable(lookPath(tree, image, entry)), `entrypoint ${entry}`).toBe(true);
    if (cmd && !cmd.startsWith('-')) expect(isExecutable(lookPath(tree, image, cmd)), `cmd ${cmd}`).toBe(true);
  });

  it('records one history entry per layer, oldest first', () => {
    const layers = layersOf(image);
    expect(new Set(layers).size).toBe(layers.length);
    let last = -Infinity;
    for (const h of image.history) {
      const t = Date.parse(h.created);
      expect(Number.isNaN(t), h.created).toBe(false);
      expect(t, `${h.createdBy} at ${h.created}`).toBeGreaterThanOrEqual(last);
      last = t;
    }
  });

  it('keeps the usual modes of sensitive paths', () => {
    const tmp = tree.get('/tmp');
    if (image.repository === 'hello-world') {
      expect(tmp).toBeUndefined();
      return;
    }
    expect(tmp?.type === 'dir' ? tmp.mode : undefined).toBe(0o1777);
    const root = tree.get('/root');
    expect(root?.type === 'dir' ? root.mode : undefined).toBe(0o700);
    const shadow = tree.get('/etc/shadow');
    expect(shadow?.type).toBe('file');
    if (shadow?.type === 'file') expect([0o600, 0o640]).toContain(shadow.mode);
  });
});

describe('bundled images', () => {
  const byName = new Map(bundledImages.map((i) => [name(i), i]));

  it('have unique repository:tag pairs', () => {
    const refs = bundledImages.flatMap((i) => i.tags.map((t) => `${i.repository}:${t}`));
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('build alpine-based images on alpine\'s very layer and history', () => {
    for (const image of bundledImages) {
      if (!image.tags.some((t) => t.includes('alpine')) || image.repository === 'alpine') continue;
      expect(image.history[0]!.emptyLayer ? null : image.history[0]!.layer, name(image)).toBe(ALPINE_LAYER);
      expect(image.history.slice(0, ALPINE_HISTORY.length)).toEqual(ALPINE_HISTORY);
    }
    expect(['nginx:1.27.2-alpine', 'node:20.18.0-alpine3.20', 'redis:7.4.1-alpine'].every((n) => byName.has(n))).toBe(true);
  });

  it('have debian:latest (= bookworm, 12): bookworm-slim without its dpkg exclusions', () => {
    const full = bundledImages.find((i) => i.repository === 'debian' && i.tags.includes('latest'))!;
    expect(full.tags).toEqual(['bookworm', 'bookworm-20241016', '12', '12.7', 'latest']);
    const slim = byName.get('debian:bookworm-slim')!;
    const full_ = mergedTree(full);
    const slim_ = mergedTree(slim);
    expect(slim_.has('/etc/dpkg/dpkg.cfg.d/docker')).toBe(true);
    expect(full_.has('/etc/dpkg/dpkg.cfg.d/docker')).toBe(false);
    expect([...slim_.keys()].filter((p) => !full_.has(p))).toEqual(['/etc/dpkg/dpkg.cfg.d/docker']);
    expect(full.history.map((h) => h.createdBy)).toEqual(['/bin/sh -c #(nop) ADD file:{layer} in / ', '/bin/sh -c #(nop)  CMD ["bash"]']);
  });

  it('build nginx:latest on debian:bookworm-slim\'s layer', () => {
    const nginx = byName.get('nginx:1.27.2')!;
    const first = nginx.history[0]!;
    expect(first.emptyLayer ? null : first.layer).toBe(DEBIAN_LAYER);
    expect(nginx.history.slice(0, DEBIAN_HISTORY.length).map((h) => h.createdBy)).toEqual(DEBIAN_HISTORY.map((h) => h.createdBy));
  });

  it('lists in apk\'s database only files that exist', () => {
    for (const image of bundledImages) {
      const tree = mergedTree(image);
      const db = tree.get('/lib/apk/db/installed');
      if (db?.type !== 'file') continue;
      let dir = '';
      const names: string[] = [];
      for (const line of String(db.content).split('\n')) {
        if (line.startsWith('P:')) names.push(line.slice(2));
        if (line.startsWith('F:')) {
          dir = '/' + line.slice(2);
          expect(tree.has(dir), `${name(image)}: ${dir}`).toBe(true);
        }
        if (line.startsWith('R:')) expect(tree.has(`${dir}/${line.slice(2)}`), `${name(image)}: ${dir}/${line.slice(2)}`).toBe(true);
      }
      expect(new Set(names).size).toBe(names.length);
      expect(names).toContain('musl');
    }
  });

  it('lists each dpkg package once', () => {
    for (const image of bundledImages) {
      const status = mergedTree(image).get('/var/lib/dpkg/status');
      if (status?.type !== 'file') continue;
      const names = String(status.content).split('\n').filter((l) => l.startsWith('Package: '));
      expect(new Set(names).size, name(image)).toBe(names.length);
      expect(names.length).toBeGreaterThan(70);
    }
  });

  it('give the busybox image one inode for all applets', () => {
    const busybox = byName.get('busybox:1.36.1')!;
    const files = layersOf(busybox)[0]!.files;
    const links = files.filter((f) => f.type === 'hardlink' && f.target === '/bin/busybox');
    expect(links.length).toBe(403);
  });
});
