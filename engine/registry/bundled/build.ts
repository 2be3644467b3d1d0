/**
 * Turns the bundled image specs into real OCI images in a content store:
 * each layer becomes a tar (deterministic: fixed order, fixed times), then a
 * gzip blob; then the config (with diff_ids and history), the manifest and
 * an index for linux/amd64. Same specs, same bytes, same digests.
 */
import type { Platform } from '../../platform/types.ts';
import { utf8 } from '../../common/bytes.ts';
import { collect, streamOf } from '../../common/stream.ts';
import { encodeExecutable } from '../../common/executable.ts';
import type { ContentStore } from '../../content/store.ts';
import { writeTar, type TarEntry, type TarHeader } from '../../image/tar.ts';
import { MediaType, checkDepth, encodeJson, type Descriptor, type HistoryEntry, type ImageConfig, type ImageIndex, type ImageManifest } from '../../image/oci.ts';
import type { FileSpec, ImageSpec, LayerSpec } from './spec.ts';

export interface BuiltLayer {
  descriptor: Descriptor;
  diffId: string;
}

export interface BuiltImage {
  spec: ImageSpec;
  /** The image index (what a tag points at, as on Docker Hub). */
  index: Descriptor;
  manifest: Descriptor;
  config: Descriptor;
  layers: BuiltLayer[];
}

const bad = (message: string) => new Error(`bundled image spec: ${message}`);

/** The tar entries of one layer, parents first, in the order the spec lists files. */
export function layerEntries(layer: LayerSpec): TarEntry[] {
  const mtimeMs = Date.parse(layer.mtime);
  if (Number.isNaN(mtimeMs)) throw bad(`bad layer mtime ${layer.mtime}`);
  const explicitDirs = new Map<string, FileSpec>();
  for (const f of layer.files) if (f.type === 'dir') explicitDirs.set(f.path, f);
  const emitted = new Set<string>();
  const out: TarEntry[] = [];
  const empty = new Uint8Array(0);
  const header = (path: string, extra: Partial<TarHeader>): TarHeader => ({
    name: path.slice(1),
    type: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: 0,
    mtimeMs,
    linkname: '',
    ...extra,
  });
  const emitDir = (path: string) => {
    if (emitted.has(path)) return;
    emitParents(path);
    const spec = explicitDirs.get(path);
    const owner = spec && spec.type === 'dir' ? spec : undefined;
    out.push({ header: header(path + '/', { type: 'dir', mode: owner?.mode ?? 0o755, uid: owner?.uid ?? 0, gid: owner?.gid ?? 0 }), data: empty });
    emitted.add(path);
  };
  const emitParents = (path: string) => {
    const parts = path.split('/').filter((p) => p !== '');
    for (let i = 1; i < parts.length; i++) emitDir('/' + parts.slice(0, i).join('/'));
  };
  for (const f of layer.files) {
    if (!f.path.startsWith('/') || f.path !== '/' + f.path.split('/').filter((p) => p !== '' && p !== '.').join('/') || f.path.includes('/../')) {
      throw bad(`path ${f.path} is not absolute and normalized`);
    }
    if (f.type === 'dir') {
      emitDir(f.path);
      continue;
    }
    if (emitted.has(f.path)) throw bad(`duplicate path ${f.path}`);
    emitParents(f.path);
    emitted.add(f.path);
    switch (f.type) {
      case 'file': {
        const data = typeof f.content === 'string' ? utf8(f.content) : f.content;
        out.push({ header: header(f.path, { mode: f.mode ?? 0o644, uid: f.uid ?? 0, gid: f.gid ?? 0, size: data.length }), data });
        break;
      }
      case 'program': {
        const data = encodeExecutable({ program: f.program, applet: f.applet, version: f.version });
        out.push({ header: header(f.path, { mode: f.mode ?? 0o755, uid: f.uid ?? 0, gid: f.gid ?? 0, size: data.length }), data });
        break;
      }
      case 'symlink':
        out.push({ header: header(f.path, { type: 'symlink', mode: 0o777, uid: f.uid ?? 0, gid: f.gid ?? 0, linkname: f.target }), data: empty });
        break;
      case 'hardlink':
        if (!emitted.has(f.target)) throw bad(`hardlink ${f.path} names ${f.target}, which is not earlier in the layer`);
        out.push({ header: header(f.path, { type: 'hardlink', linkname: f.target.slice(1) }), data: empty });
        break;
    }
  }
  return out;
}

/** Builds one layer into the content store. */
export async function buildLayer(platform: Platform, content: ContentStore, layer: LayerSpec): Promise<BuiltLayer> {
  const tar = await collect(writeTar(layerEntries(layer)));
  const diffId = 'sha256:' + (await platform.sha256(tar));
  const gz = await collect(platform.gzip(streamOf(tar), { level: 9 }));
  const digest = await content.put(gz);
  return { descriptor: { mediaType: MediaType.ociLayerGzip, digest, size: gz.length }, diffId };
}

/**
 * Builds images into `content`. Layers shared between specs (the same
 * LayerSpec object, like alpine's base layer) are built once.
 */
export async function buildImages(platform: Platform, content: ContentStore, specs: readonly ImageSpec[]): Promise<BuiltImage[]> {
  const layerCache = new Map<LayerSpec, BuiltLayer>();
  const out: BuiltImage[] = [];
  for (const spec of specs) {
    const layers: BuiltLayer[] = [];
    const history: HistoryEntry[] = [];
    for (const h of spec.history) {
      let built: BuiltLayer | undefined;
      if (!h.emptyLayer) {
        built = layerCache.get(h.layer);
        if (!built) {
          built = await buildLayer(platform, content, h.layer);
          layerCache.set(h.layer, built);
        }
        layers.push(built);
      }
      // `{layer}` in a step stands for the hex digest of the layer it made.
      const createdBy = built ? h.createdBy.replace('{layer}', built.diffId.slice(7)) : h.createdBy;
      history.push({ created: h.created, created_by: createdBy, ...(h.comment ? { comment: h.comment } : {}), ...(h.emptyLayer ? { empty_layer: true } : {}) });
    }
    checkDepth(layers.length);
    const config: ImageConfig = {
      architecture: spec.architecture,
      os: spec.os,
      created: spec.history[spec.history.length - 1]?.created,
      config: { ...spec.config },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history,
    };
    const configBytes = encodeJson({
      architecture: config.architecture,
      config: config.config,
      created: config.created,
      history: config.history,
      os: config.os,
      rootfs: config.rootfs,
    });
    const configDigest = await content.put(configBytes);
    const configDesc: Descriptor = { mediaType: MediaType.ociConfig, digest: configDigest, size: configBytes.length };
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: configDesc,
      layers: layers.map((l) => l.descriptor),
    };
    const manifestBytes = encodeJson(manifest);
    const manifestDigest = await content.put(manifestBytes, { children: [configDigest, ...layers.map((l) => l.descriptor.digest)] });
    const manifestDesc: Descriptor = { mediaType: MediaType.ociManifest, digest: manifestDigest, size: manifestBytes.length };
    const index: ImageIndex = {
      schemaVersion: 2,
      mediaType: MediaType.ociIndex,
      manifests: [{ ...manifestDesc, platform: { architecture: spec.architecture, os: spec.os } }],
    };
    const indexBytes = encodeJson(index);
    const indexDigest = await content.put(indexBytes, { children: [manifestDigest] });
    out.push({
      spec,
      index: { mediaType: MediaType.ociIndex, digest: indexDigest, size: indexBytes.length },
      manifest: manifestDesc,
      config: configDesc,
      layers,
    });
  }
  return out;
}
