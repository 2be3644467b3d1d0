/**
 * Images as tar files: `docker save` (GET /images/get), `docker load`
 * (POST /images/load) and `docker import` (POST /images/create?fromSrc=-).
 *
 * `docker save` writes what Docker 25+ writes: an OCI image layout that is
 * also the older docker-archive, so both kinds of readers take it:
 *
 *     blobs/sha256/<config>     the image config, byte for byte (its digest is the image ID)
 *     blobs/sha256/<diffID>     each layer as an uncompressed tar
 *     blobs/sha256/<manifest>   an OCI manifest naming the two above
 *     index.json, oci-layout    the OCI layout (one entry per tag)
 *     manifest.json             docker-archive: [{Config, RepoTags, Layers, LayerSources}]
 *     repositories              the legacy {"alpine":{"latest":"<top layer>"}}
 *
 * `docker load` reads manifest.json back; the config bytes are unchanged, so
 * the image keeps its ID. Errors during a load travel in the JSON stream.
 */
import { fromUtf8, utf8 } from '../common/bytes.ts';
import { collect, streamOf } from '../common/stream.ts';
import { rfc3339Nano } from '../common/time.ts';
import { EngineError } from '../errors.ts';
import { MediaType, isGzipLayerType, type Descriptor, type ImageConfig } from '../image/oci.ts';
import { familiarString, formatReference, parseNormalizedNamed, parseReference } from '../image/reference.ts';
import type { ResolvedImage } from '../image/store.ts';
import { readTar, writeTar, type TarEntry } from '../image/tar.ts';
import { isDanglingName, keepUntagged, LOCAL_ANNOTATIONS, setImageName } from './dangling.ts';
import type { Daemon } from './daemon.ts';
import type { JsonMessage } from './types.ts';
import { progressText } from './progress-text.ts';

const hex = (digest: string) => digest.slice(digest.indexOf(':') + 1);
const short = (digest: string) => hex(digest).slice(0, 12);
const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

/**
 * The manifest `save` writes; `load` and `import` store the same one marked
 * as made here (no registry knows it, so the image has no repo digest).
 */
function archiveManifest(config: { digest: string; size: number }, layers: { digest: string; size: number; mediaType: string }[], local = false): Uint8Array {
  return utf8(JSON.stringify({
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: config.digest, size: config.size },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    ...(local ? { annotations: LOCAL_ANNOTATIONS } : {}),
  }));
}

// ---- save ------------------------------------------------------------------

interface Selected {
  image: ResolvedImage;
  /** Tags to record, familiar form ("alpine:latest"). */
  tags: string[];
}

/** moby's parseNames: a tag, a repository (all its tags), an ID or ID prefix. */
function selectImages(d: Daemon, names: readonly string[]): Selected[] {
  const { images } = d.options;
  const out = new Map<string, Selected>();
  const add = (image: ResolvedImage, tag?: string) => {
    const s = out.get(image.id) ?? { image, tags: [] };
    out.set(image.id, s);
    if (tag && !s.tags.includes(tag)) s.tags.push(tag);
  };
  const byId = (term: string) => {
    try {
      return d.image(term);
    } catch {
      throw new EngineError('NotFound', `No such image: ${term}`);
    }
  };
  for (const name of names) {
    if (/^(sha256:)?[0-9a-f]{64}$/.test(name)) {
      add(byId(name));
      continue;
    }
    const ref = parseNormalizedNamed(name);
    const records = images.list().filter((r) => !isDanglingName(r.name));
    if (!ref.tag && !ref.digest) {
      const repo = records.filter((r) => {
        const p = parseReference(r.name);
        return p.domain === ref.domain && p.path === ref.path && p.tag;
      });
      if (repo.length === 0) add(byId(name));
      for (const r of repo) add(images.resolve(r), familiarString(parseReference(r.name)));
      continue;
    }
    if (ref.digest) {
      const found = records.find((r) => {
        const p = parseReference(r.name);
        return p.domain === ref.domain && p.path === ref.path && r.target.digest === ref.digest;
      });
      if (!found) throw new EngineError('NotFound', 'reference does not exist');
      add(images.resolve(found));
      continue;
    }
    const record = images.get(formatReference(ref));
    if (!record) throw new EngineError('NotFound', 'reference does not exist');
    add(images.resolve(record), familiarString(ref));
  }
  return [...out.values()];
}

async function layerTar(d: Daemon, layer: Descriptor): Promise<Uint8Array> {
  const { content } = d.options;
  return isGzipLayerType(layer.mediaType) ? collect(d.platform.gunzip(content.readStream(layer.digest))) : content.read(layer.digest);
}

/** GET /images/get?names=…: resolves every name first (errors are plain API errors), then streams the tar. */
export async function saveImages(d: Daemon, names: readonly string[]): Promise<AsyncIterable<Uint8Array>> {
  const selected = selectImages(d, names);
  const files = new Map<string, { data: Uint8Array; mtimeMs: number }>();
  const manifestJson: unknown[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  const indexEntries: unknown[] = [];
  for (const { image, tags } of selected) {
    const created = Date.parse(image.config.created ?? '') || 0;
    const diffIds = image.config.rootfs.diff_ids;
    if (diffIds.length === 0) throw new EngineError('Internal', 'empty export - not implemented');
    const sources: Record<string, { mediaType: string; size: number; digest: string }> = {};
    const layers: { digest: string; size: number; mediaType: string }[] = [];
    for (let i = 0; i < diffIds.length; i++) {
      const diffId = diffIds[i]!;
      const path = `blobs/sha256/${hex(diffId)}`;
      if (!files.has(path)) files.set(path, { data: await layerTar(d, image.manifest.layers[i]!), mtimeMs: created });
      const size = files.get(path)!.data.length;
      sources[diffId] = { mediaType: MediaType.ociLayer, size, digest: diffId };
      layers.push({ mediaType: MediaType.ociLayer, digest: diffId, size });
    }
    const config = d.options.content.read(image.id);
    files.set(`blobs/sha256/${hex(image.id)}`, { data: config, mtimeMs: created });
    const manifest = archiveManifest({ digest: image.id, size: config.length }, layers);
    const manifestDigest = 'sha256:' + (await d.platform.sha256(manifest));
    files.set(`blobs/sha256/${hex(manifestDigest)}`, { data: manifest, mtimeMs: 0 });
    const untagged = { mediaType: MediaType.ociManifest, digest: manifestDigest, size: manifest.length };
    for (const tag of tags) {
      const ref = parseReference(tag);
      const familiar = familiarString({ ...ref, tag: undefined });
      (repositories[familiar] ??= {})[ref.tag!] = hex(diffIds[diffIds.length - 1]!);
      indexEntries.push({ ...untagged, annotations: { 'io.containerd.image.name': formatReference(ref), 'org.opencontainers.image.ref.name': ref.tag } });
    }
    // As moby does: an untagged image gets its entry only while the index is still empty.
    if (indexEntries.length === 0) indexEntries.push(untagged);
    const sortedSources: Record<string, unknown> = {};
    for (const k of Object.keys(sources).sort()) sortedSources[k] = sources[k];
    manifestJson.push({ Config: `blobs/sha256/${hex(image.id)}`, RepoTags: tags.length ? tags : null, Layers: diffIds.map((id) => `blobs/sha256/${hex(id)}`), LayerSources: sortedSources });
    d.events.emit('image', 'save', image.id, { name: image.id });
  }
  const sortedRepos: Record<string, Record<string, string>> = {};
  for (const k of Object.keys(repositories).sort()) sortedRepos[k] = Object.fromEntries(Object.entries(repositories[k]!).sort(([a], [b]) => (a < b ? -1 : 1)));
  files.set('index.json', { data: utf8(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: indexEntries })), mtimeMs: 0 });
  files.set('manifest.json', { data: utf8(JSON.stringify(manifestJson) + '\n'), mtimeMs: 0 });
  files.set('oci-layout', { data: utf8('{"imageLayoutVersion": "1.0.0"}'), mtimeMs: 0 });
  if (Object.keys(repositories).length > 0) files.set('repositories', { data: utf8(JSON.stringify(sortedRepos) + '\n'), mtimeMs: 0 });
  // archive.Tar walks the directory in lexical order.
  const entry = (name: string, type: 'dir' | 'file', data: Uint8Array, mtimeMs: number): TarEntry => ({
    header: { name, type, mode: type === 'dir' ? 0o755 : 0o644, uid: 0, gid: 0, size: type === 'dir' ? 0 : data.length, mtimeMs, linkname: '' },
    data,
  });
  const blobs = [...files.keys()].filter((p) => p.startsWith('blobs/')).sort();
  const rest = [...files.keys()].filter((p) => !p.startsWith('blobs/')).sort();
  const entries: TarEntry[] = [entry('blobs/', 'dir', new Uint8Array(), 0), entry('blobs/sha256/', 'dir', new Uint8Array(), 0)];
  for (const p of [...blobs, ...rest]) entries.push(entry(p, 'file', files.get(p)!.data, files.get(p)!.mtimeMs));
  return writeTar(entries);
}

// ---- load ------------------------------------------------------------------

/** The files of an archive (a tar, maybe gzipped), by path without "./". */
async function untar(d: Daemon, body: Uint8Array): Promise<Map<string, Uint8Array>> {
  const bytes = isGzip(body) ? await collect(d.platform.gunzip(streamOf(body))) : body;
  const files = new Map<string, Uint8Array>();
  for await (const { header, data } of readTar(streamOf(bytes))) {
    if (header.type === 'file') files.set(header.name.replace(/^(\.\/)+/, '').replace(/^\/+/, ''), data);
  }
  return files;
}

interface ManifestItem {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
}

/** POST /images/load: the messages moby writes, errors included, into `emit`. */
export async function loadImages(d: Daemon, body: Uint8Array, quiet: boolean, emit: (m: JsonMessage) => void): Promise<void> {
  const say = (text: string) => emit({ stream: text });
  try {
    await load(d, body, quiet, emit, say);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    emit({ errorDetail: { message }, error: message });
  }
}

async function load(d: Daemon, body: Uint8Array, quiet: boolean, emit: (m: JsonMessage) => void, say: (text: string) => void): Promise<void> {
  const { content, images } = d.options;
  const rand = d.platform.randomBytes(4);
  const tmp = `/var/lib/docker/tmp/docker-import-${new DataView(rand.buffer, rand.byteOffset, 4).getUint32(0)}`;
  const files = await untar(d, body);
  const open = (path: string) => {
    const data = files.get(path.replace(/^(\.\/)+/, ''));
    if (!data) throw new EngineError('NotFound', `open ${tmp}/${path}: no such file or directory`);
    return data;
  };
  if (!files.has('manifest.json')) {
    open('repositories');
    throw new EngineError('InvalidArgument', 'legacy (pre-Docker 1.10) image archives are not supported');
  }
  let manifest: ManifestItem[] | null;
  try {
    manifest = JSON.parse(fromUtf8(open('manifest.json'))) as ManifestItem[] | null;
  } catch (err) {
    throw new EngineError('InvalidArgument', (err as Error).message);
  }
  if (manifest === null) throw new EngineError('InvalidArgument', 'invalid manifest, manifest cannot be null (but can be [])');
  let ids = '';
  let refCount = 0;
  for (const m of manifest) {
    const configBytes = open(m.Config);
    const config = JSON.parse(fromUtf8(configBytes)) as ImageConfig;
    if (config.os && config.os !== 'linux') throw new EngineError('InvalidArgument', `cannot load ${config.os} image on linux`);
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (m.Layers.length !== diffIds.length) throw new EngineError('InvalidArgument', `invalid manifest, layers length mismatch: expected ${m.Layers.length}, got ${diffIds.length}`);
    const layers: { digest: string; size: number; mediaType: string }[] = [];
    const known = new Set(d.options.snapshotter.walk().map((s) => s.name));
    let chain = '';
    for (let i = 0; i < diffIds.length; i++) {
      const diffId = diffIds[i]!;
      chain = chain ? 'sha256:' + (await d.platform.sha256(utf8(`${chain} ${diffId}`))) : diffId;
      const data = open(m.Layers[i]!);
      const gz = isGzip(data);
      const digest = 'sha256:' + (await d.platform.sha256(data));
      const actual = gz ? 'sha256:' + (await d.platform.sha256(await collect(d.platform.gunzip(streamOf(data))))) : digest;
      if (actual !== diffId) throw new EngineError('InvalidArgument', `invalid diffID for layer ${i}: expected "${diffId}", got "${actual}"`);
      if (!quiet && !known.has(chain)) {
        emit({ status: 'Loading layer', progressDetail: { current: data.length, total: data.length }, progress: progressText(data.length, data.length), id: short(diffId) });
      }
      await content.put(data, { expected: digest });
      layers.push({ digest, size: data.length, mediaType: gz ? MediaType.ociLayerGzip : MediaType.ociLayer });
    }
    const configDigest = await content.put(configBytes);
    const manifestBytes = archiveManifest({ digest: configDigest, size: configBytes.length }, layers, true);
    const manifestDigest = await content.put(manifestBytes, { children: [configDigest, ...layers.map((l) => l.digest)] });
    const target: Descriptor = { mediaType: MediaType.ociManifest, digest: manifestDigest, size: manifestBytes.length };
    ids += `Loaded image ID: ${configDigest}\n`;
    refCount = 0;
    for (const tag of m.RepoTags ?? []) {
      const ref = parseNormalizedNamed(tag);
      if (!ref.tag || ref.digest) throw new EngineError('InvalidArgument', `invalid tag "${tag}"`);
      const name = formatReference(ref);
      const old = images.get(name);
      const oldId = old ? images.resolve(old).id : undefined;
      if (oldId !== configDigest) {
        if (oldId) say(`The image ${familiarString(ref)} already exists, renaming the old one with ID ${oldId} to empty string\n`);
        setImageName(images, name, target);
      }
      say(`Loaded image: ${familiarString(ref)}\n`);
      refCount++;
    }
    if (!images.list().some((r) => images.resolve(r).id === configDigest)) keepUntagged(images, target);
    const record = images.list().find((r) => images.resolve(r).id === configDigest)!;
    const resolved = images.resolve(record);
    await d.unpack(resolved.id, resolved);
    d.events.emit('image', 'load', configDigest, { name: configDigest });
  }
  if (refCount === 0) say(ids);
}

// ---- import ----------------------------------------------------------------

export interface ImportOptions {
  repo?: string;
  tag?: string;
  message?: string;
  changes?: string[];
  /** What the archive came from ("-" for an uploaded body), for the default comment. */
  source?: string;
}

/** POST /images/create?fromSrc=-: a tarball becomes a one-layer image; emits its ID. */
export async function importImage(d: Daemon, body: Uint8Array, options: ImportOptions, emit: (m: JsonMessage) => void): Promise<void> {
  const { content, images } = d.options;
  let name: string | undefined;
  if (options.repo) {
    const ref = parseNormalizedNamed(options.tag ? `${options.repo}:${options.tag}` : options.repo);
    if (ref.digest) throw new EngineError('InvalidArgument', 'cannot import digest reference');
    name = formatReference({ ...ref, tag: ref.tag ?? 'latest' });
  }
  const config = applyChanges(options.changes ?? []);
  if (body[0] === 0x42 && body[1] === 0x5a && body[2] === 0x68) throw new EngineError('InvalidArgument', 'bzip2 archives are not supported by this engine');
  const layer = isGzip(body) ? await collect(d.platform.gunzip(streamOf(body))) : body;
  // A layer must be a tar; reading it through checks that.
  for await (const _ of readTar(streamOf(layer)));
  const diffId = await content.put(layer);
  const created = rfc3339Nano(d.platform.now());
  const comment = options.message || `Imported from ${options.source ?? '-'}`;
  const imageConfig = {
    comment,
    created,
    container_config: emptyContainerConfig(),
    docker_version: '28.2.2',
    config,
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created, comment }],
  };
  const configBytes = utf8(JSON.stringify(imageConfig));
  const configDigest = await content.put(configBytes);
  const manifestBytes = archiveManifest({ digest: configDigest, size: configBytes.length }, [{ digest: diffId, size: layer.length, mediaType: MediaType.ociLayer }], true);
  const manifestDigest = await content.put(manifestBytes, { children: [configDigest, diffId] });
  const target: Descriptor = { mediaType: MediaType.ociManifest, digest: manifestDigest, size: manifestBytes.length };
  if (name) setImageName(images, name, target);
  else keepUntagged(images, target);
  const record = images.list().find((r) => r.target.digest === manifestDigest)!;
  const resolved = images.resolve(record);
  await d.unpack(resolved.id, resolved);
  if (name) d.events.emit('image', 'tag', configDigest, { name: familiarString(parseReference(name)) });
  d.events.emit('image', 'import', configDigest, { name: configDigest });
  emit({ status: configDigest });
}

function emptyContainerConfig(): Record<string, unknown> {
  return { Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false, OpenStdin: false, StdinOnce: false, Env: null, Cmd: null, Image: '', Volumes: null, WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: null };
}

const CHANGE_COMMANDS = ['CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'ONBUILD', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];

/** `docker import --change`: the Dockerfile instructions that only set config (dockerfile.BuildFromConfig). */
function applyChanges(changes: readonly string[]): Record<string, unknown> {
  const c = emptyContainerConfig();
  const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);
  const jsonOrShell = (s: string): string[] => {
    try {
      const v = JSON.parse(s) as unknown;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    } catch {
      // shell form
    }
    return ['/bin/sh', '-c', s];
  };
  // `KEY=value …`, or the older `KEY value with spaces`.
  const pairs = (s: string): [string, string][] => {
    const [first = '', ...more] = words(s);
    if (!first.includes('=')) return [[first, more.join(' ')]];
    return words(s).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1).replace(/^"(.*)"$/, '$1')]);
  };
  for (const change of changes) {
    const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(change);
    if (!m) continue;
    const cmd = m[1]!.toUpperCase();
    const rest = m[2]!.trim();
    if (!CHANGE_COMMANDS.includes(cmd)) throw new EngineError('InvalidArgument', `${cmd} is not a valid change command`);
    if (cmd === 'CMD') c.Cmd = jsonOrShell(rest);
    else if (cmd === 'ENTRYPOINT') c.Entrypoint = jsonOrShell(rest);
    else if (cmd === 'USER') c.User = rest;
    else if (cmd === 'WORKDIR') c.WorkingDir = rest;
    else if (cmd === 'STOPSIGNAL') c.StopSignal = rest;
    else if (cmd === 'ENV') for (const [k, v] of pairs(rest)) c.Env = [...((c.Env as string[] | null) ?? []).filter((e) => !e.startsWith(`${k}=`)), `${k}=${v}`];
    else if (cmd === 'LABEL') c.Labels = { ...((c.Labels as Record<string, string> | null) ?? {}), ...Object.fromEntries(pairs(rest)) };
    else if (cmd === 'EXPOSE') c.ExposedPorts = { ...((c.ExposedPorts as object | undefined) ?? {}), ...Object.fromEntries(words(rest).map((p) => [p.includes('/') ? p : `${p}/tcp`, {}])) };
    else if (cmd === 'VOLUME') c.Volumes = { ...((c.Volumes as object | null) ?? {}), ...Object.fromEntries(jsonOrShell(rest)[0] === '/bin/sh' ? words(rest).map((v) => [v, {}]) : jsonOrShell(rest).map((v) => [v, {}])) };
    else if (cmd === 'ONBUILD') c.OnBuild = [...((c.OnBuild as string[] | null) ?? []), rest];
  }
  // Keep Go's field order: ExposedPorts after AttachStderr, StopSignal after Labels.
  const { ExposedPorts, StopSignal, ...base } = c;
  const ordered: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) {
    if (k === 'Tty' && ExposedPorts) ordered.ExposedPorts = ExposedPorts;
    ordered[k] = v;
  }
  if (StopSignal) ordered.StopSignal = StopSignal;
  return ordered;
}

