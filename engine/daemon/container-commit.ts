/**
 * `docker commit` (POST /commit): a new image from a container's changes, as
 * moby's CreateImageFromContainer does it.
 *
 * 1. the container is paused (unless pause=0) while its upper directory is
 *    exported as a layer tar, whiteouts included (snapshot/diff.ts);
 * 2. `--change` lines are Dockerfile instructions applied to a copy of the
 *    container's config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD,
 *    STOPSIGNAL, USER, VOLUME, WORKDIR), then merged with it;
 * 3. the gzipped layer, a config (the parent's diff_ids and history plus
 *    one entry: created_by is the container's Cmd, comment the message) and
 *    a manifest go into the content store; the reference is tagged, or the
 *    image is kept as a dangling one (`<none>:<none>`, see dangling.ts).
 * A container without changes adds no layer: its history entry is an
 * empty_layer one, as Docker's empty-tar check decides.
 */
import { collect, streamOf } from '../common/stream.ts';
import { rfc3339Nano } from '../common/time.ts';
import { EngineError } from '../errors.ts';
import { encodeJson, MediaType, type Descriptor, type HistoryEntry, type ImageConfig, type ImageManifest } from '../image/oci.ts';
import { familiarString, formatReference, parseReference } from '../image/reference.ts';
import type { ResolvedImage } from '../image/store.ts';
import { writeTar, type TarEntry } from '../image/tar.ts';
import { layerEntries } from '../snapshot/diff.ts';
import type { Daemon } from './daemon.ts';
import { keepUntagged, setImageName } from './dangling.ts';
import type { ContainerConfig } from './types.ts';

/** The upper-layer files the runtime makes as mount points, which live in the init layer in Docker. */
const INIT_ENTRIES = new Set(['etc/hosts', 'etc/hostname', 'etc/resolv.conf', '.dockerenv', 'etc/mtab']);

export interface CommitOptions {
  container: string;
  repo?: string;
  tag?: string;
  comment?: string;
  author?: string;
  pause?: boolean;
  changes?: string[];
  config?: Partial<ContainerConfig> | null;
}

const VALID_CHANGES = ['cmd', 'entrypoint', 'env', 'expose', 'label', 'onbuild', 'stopsignal', 'user', 'volume', 'workdir'];

/** Splits `k=v k2="a b"` (or the old `k v` form) as the Dockerfile parser does. */
function keyValues(rest: string, instruction: string): [string, string][] {
  const words: string[] = [];
  let cur = '';
  let quote = '';
  let any = false;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"' && i + 1 < rest.length) cur += rest[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      any = true;
    } else if (ch === '\\' && i + 1 < rest.length) cur += rest[++i];
    else if (/\s/.test(ch)) {
      if (cur !== '' || any) words.push(cur);
      cur = '';
      any = false;
    } else cur += ch;
  }
  if (cur !== '' || any) words.push(cur);
  if (words.length === 0) throw new EngineError('InvalidArgument', `${instruction.toUpperCase()} requires at least one argument`);
  if (!words[0]!.includes('=')) {
    const first = rest.trim().split(/\s+/)[0]!;
    const value = rest.trim().slice(first.length).trim();
    if (value === '') throw new EngineError('InvalidArgument', `${instruction.toUpperCase()} must have two arguments`);
    return [[first, value]];
  }
  return words.map((w) => {
    const i = w.indexOf('=');
    if (i <= 0) throw new EngineError('InvalidArgument', `${instruction.toUpperCase()} names can not be blank`);
    return [w.slice(0, i), w.slice(i + 1)];
  });
}

/** JSON form (`["a","b"]`) or the shell form run by the image's shell. */
function execForm(rest: string, shell: string[]): string[] {
  const t = rest.trim();
  if (t.startsWith('[')) {
    try {
      const v = JSON.parse(t) as unknown;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
    } catch {
      // not JSON: the shell form
    }
  }
  return [...shell, t];
}

/** moby's BuildFromConfig: Dockerfile instructions applied to a copy of a config. */
export function applyChanges(config: ContainerConfig, changes: readonly string[]): ContainerConfig {
  const out = JSON.parse(JSON.stringify(config)) as ContainerConfig;
  const lines = changes.join('\n').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const parsed = lines.map((l) => {
    const m = /^(\S+)\s*([\s\S]*)$/.exec(l)!;
    return { instruction: m[1]!.toLowerCase(), rest: m[2]! };
  });
  for (const p of parsed) if (!VALID_CHANGES.includes(p.instruction)) throw new EngineError('InvalidArgument', `${p.instruction} is not a valid change command`);
  const shell = (config as { Shell?: string[] }).Shell ?? ['/bin/sh', '-c'];
  let cmdSet = false;
  for (const { instruction, rest } of parsed) {
    switch (instruction) {
      case 'cmd':
        out.Cmd = execForm(rest, shell);
        cmdSet = true;
        break;
      case 'entrypoint':
        out.Entrypoint = execForm(rest, shell);
        if (!cmdSet) out.Cmd = null;
        break;
      case 'env':
        for (const [k, v] of keyValues(rest, instruction)) {
          const env = (out.Env ??= []);
          const i = env.findIndex((e) => e.split('=')[0] === k);
          if (i >= 0) env[i] = `${k}=${v}`;
          else env.push(`${k}=${v}`);
        }
        break;
      case 'label':
        for (const [k, v] of keyValues(rest, instruction)) (out.Labels ??= {})[k] = v;
        break;
      case 'expose':
        for (const p of rest.trim().split(/\s+/).filter((x) => x !== '')) (out.ExposedPorts ??= {})[p.includes('/') ? p.toLowerCase() : `${p}/tcp`] = {};
        break;
      case 'user':
        out.User = rest.trim();
        break;
      case 'workdir': {
        const dir = rest.trim();
        const base = out.WorkingDir || '/';
        const joined = dir.startsWith('/') ? dir : `${base.replace(/\/$/, '')}/${dir}`;
        out.WorkingDir = '/' + joined.split('/').filter((x) => x !== '' && x !== '.').reduce<string[]>((a, x) => (x === '..' ? a.slice(0, -1) : [...a, x]), []).join('/');
        break;
      }
      case 'volume': {
        const t = rest.trim();
        const vols = t.startsWith('[') ? (JSON.parse(t) as string[]) : t.split(/\s+/);
        for (const v of vols) {
          if (v.trim() === '') throw new EngineError('InvalidArgument', 'VOLUME specified can not be an empty string');
          (out.Volumes ??= {})[v] = {};
        }
        break;
      }
      case 'stopsignal':
        out.StopSignal = rest.trim();
        break;
      case 'onbuild': {
        const m = /^(\S+)\s*([\s\S]*)$/.exec(rest.trim());
        if (m) (out.OnBuild ??= []).push(`${m[1]!.toUpperCase()} ${m[2]}`.trim());
        break;
      }
    }
  }
  return out;
}

/** moby's merge(): what the user's config leaves empty comes from the container's. */
function merge(user: ContainerConfig, image: ContainerConfig): ContainerConfig {
  const out = { ...user };
  if (!out.User) out.User = image.User;
  if (!out.ExposedPorts || Object.keys(out.ExposedPorts).length === 0) out.ExposedPorts = image.ExposedPorts;
  else for (const p of Object.keys(image.ExposedPorts ?? {})) out.ExposedPorts[p] ??= {};
  if (!out.Env || out.Env.length === 0) out.Env = image.Env;
  else for (const e of image.Env ?? []) if (!out.Env.some((u) => u.split('=')[0] === e.split('=')[0])) out.Env.push(e);
  out.Labels = { ...(image.Labels ?? {}), ...(out.Labels ?? {}) };
  if (!out.Entrypoint || out.Entrypoint.length === 0) {
    if (!out.Cmd || out.Cmd.length === 0) out.Cmd = image.Cmd;
    if (out.Entrypoint === null || out.Entrypoint === undefined) out.Entrypoint = image.Entrypoint;
  }
  if (!out.WorkingDir) out.WorkingDir = image.WorkingDir;
  if (!out.Volumes || Object.keys(out.Volumes).length === 0) out.Volumes = image.Volumes;
  else Object.assign(out.Volumes, image.Volumes ?? {});
  if (!out.StopSignal && image.StopSignal) out.StopSignal = image.StopSignal;
  if (out.Volumes && Object.keys(out.Volumes).length === 0) out.Volumes = null;
  if (out.ExposedPorts === undefined) delete out.ExposedPorts;
  if (out.StopSignal === undefined) delete out.StopSignal;
  return out;
}

/** The image a container was created from, by its ID. */
function baseImage(d: Daemon, imageId: string): ResolvedImage | undefined {
  for (const r of d.options.images.list()) {
    const resolved = d.options.images.resolve(r);
    if (resolved.id === imageId) return resolved;
  }
  return undefined;
}

/** POST /commit. Returns the new image's ID. */
export async function commitContainer(d: Daemon, o: CommitOptions): Promise<{ Id: string }> {
  let name: string | undefined;
  if (o.repo) {
    const ref = parseReference(o.tag ? `${o.repo}:${o.tag}` : o.repo);
    if (ref.digest) throw new EngineError('InvalidArgument', 'refusing to create a tag with a digest reference');
    name = formatReference({ ...ref, tag: ref.tag ?? 'latest' });
  }
  const c = d.container(o.container);
  if (c.state === 'dead') throw new EngineError('Conflict', `You cannot commit container ${c.id} which is Dead`);
  if (c.state === 'removing') throw new EngineError('Conflict', `You cannot commit container ${c.id} which is being removed`);
  const base = baseImage(d, c.imageId);
  if (!base) throw new EngineError('NotFound', `No such image: ${c.imageId}`);
  const config = merge(applyChanges({ ...c.config, ...(o.config ?? {}) } as ContainerConfig, o.changes ?? []), c.config);

  const pause = (o.pause ?? true) && c.state === 'running';
  if (pause) await d.pause(c.id).catch(() => undefined);
  let tar: Uint8Array;
  try {
    const sn = d.options.snapshotter;
    const entries: TarEntry[] = [...layerEntries(sn.disk, sn.layerDir(c.id))].filter((e) => !INIT_ENTRIES.has(e.header.name));
    tar = await collect(writeTar(entries));
  } finally {
    if (pause) await d.unpause(c.id).catch(() => undefined);
  }
  const { platform, content, images } = d.options;
  const diffId = 'sha256:' + (await platform.sha256(tar));
  const empty = tar.every((b) => b === 0);
  const layers: Descriptor[] = [...base.manifest.layers];
  const diffIds = [...base.config.rootfs.diff_ids];
  if (!empty) {
    const gz = await collect(platform.gzip(streamOf(tar)));
    const digest = await content.put(gz);
    layers.push({ mediaType: MediaType.ociLayerGzip, digest, size: gz.length });
    diffIds.push(diffId);
  }
  const created = rfc3339Nano(platform.now());
  const entry: HistoryEntry = {
    created,
    ...(o.author ? { author: o.author } : {}),
    created_by: (c.config.Cmd ?? []).join(' '),
    ...(o.comment ? { comment: o.comment } : {}),
    ...(empty ? { empty_layer: true } : {}),
  };
  if (!entry.created_by) delete entry.created_by;
  const imageConfig: ImageConfig & Record<string, unknown> = {
    architecture: base.config.architecture,
    ...(o.author ? { author: o.author } : {}),
    config: config as ImageConfig['config'],
    container: c.id,
    container_config: c.config,
    created,
    docker_version: '28.2.2',
    history: [...(base.config.history ?? []), entry],
    os: base.config.os,
    rootfs: { type: 'layers', diff_ids: diffIds },
  };
  const configBytes = encodeJson(imageConfig);
  const configDigest = await content.put(configBytes);
  const manifest: ImageManifest = { schemaVersion: 2, mediaType: MediaType.ociManifest, config: { mediaType: MediaType.ociConfig, digest: configDigest, size: configBytes.length }, layers };
  const manifestBytes = encodeJson(manifest);
  const manifestDigest = await content.put(manifestBytes, { children: [configDigest, ...layers.map((l) => l.digest)] });
  const target: Descriptor = { mediaType: MediaType.ociManifest, digest: manifestDigest, size: manifestBytes.length };
  if (name) setImageName(images, name, target);
  else keepUntagged(images, target);
  const resolved = images.resolve(images.list().find((r) => r.target.digest === manifestDigest)!);
  await d.unpack(resolved.id, resolved);
  d.events.emit('image', 'create', configDigest, { name: configDigest });
  const imageRef = name ? familiarString(parseReference(name)) : '';
  if (name) d.events.emit('image', 'tag', configDigest, { name: imageRef });
  d.events.emit('container', 'commit', c.id, { comment: o.comment ?? '', image: c.image, imageID: configDigest, imageRef, name: c.name.slice(1) });
  return { Id: configDigest };
}

