/**
 * Image operations with Docker's rules: pull (with its progress messages),
 * tag, and remove (untag, then delete when nothing refers to the image, with
 * moby's conflicts for images in use or in several repositories).
 */
import { EngineError } from '../errors.ts';
import { chainIds } from '../image/oci.ts';
import { familiarString, formatReference, parseReference, type Reference } from '../image/reference.ts';
import { DistributionClient } from '../registry/client.ts';
import { HUB_URL, type Hub } from '../registry/hub.ts';
import type { Daemon } from './daemon.ts';
import type { JsonMessage } from './types.ts';
import { progressText } from './progress-text.ts';
import { danglingName, hasRepoDigest, isDanglingName, namesWithRepoDigest, setImageName } from './dangling.ts';

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

/** POST /images/create?fromImage=…&tag=…: pulls from the simulated Docker Hub. */
export async function pullImage(d: Daemon, hub: Hub, fromImage: string, tag: string | undefined, emit: (m: JsonMessage) => void): Promise<void> {
  let ref: Reference = parseReference(tag ? (tag.startsWith('sha256:') ? `${fromImage}@${tag}` : `${fromImage}:${tag}`) : fromImage);
  if (!ref.tag && !ref.digest) ref = { ...ref, tag: 'latest' };
  const familiar = familiarString({ ...ref, tag: undefined, digest: undefined });
  if (ref.domain !== 'docker.io') {
    const host = ref.domain;
    if (/^(localhost|127\.)/.test(host)) throw new EngineError('Internal', `Get "https://${host}/v2/": dial tcp ${host.startsWith('localhost') ? '127.0.0.1' : host.split(':')[0]}:${host.split(':')[1] ?? '443'}: connect: connection refused`);
    throw new EngineError('Internal', `Get "https://${host}/v2/": dial tcp: lookup ${host.split(':')[0]} on 10.0.2.3:53: no such host`);
  }
  if (!hub.repository(ref.path)) {
    throw new EngineError('NotFound', `pull access denied for ${familiar}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  }
  const refText = ref.digest ?? ref.tag!;
  // The manifest is resolved before anything is shown, so a missing tag is a plain error.
  if (!ref.digest && !hub.repository(ref.path)!.tags.has(ref.tag!)) {
    throw new EngineError('NotFound', `manifest for ${familiar}:${ref.tag} not found: manifest unknown: manifest unknown`);
  }
  const name = formatReference(ref);
  const before = d.options.images.get(name);
  emit({ status: `Pulling from ${ref.path}`, id: refText });
  const client = new DistributionClient(HUB_URL, hub.fetch);
  const layers: string[] = [];
  const top = await client.pull(d.options.content, ref.path, refText, {
    familiar,
    progress: (e) => {
      const id = short(e.id);
      if (e.status === 'Downloading') {
        emit({ status: 'Downloading', progressDetail: { current: e.current, total: e.total }, progress: progressText(e.current ?? 0, e.total ?? 1), id });
        emit({ status: 'Verifying Checksum', progressDetail: {}, id });
      } else {
        emit({ status: e.status, progressDetail: {}, id });
        if (e.status === 'Download complete') layers.push(e.id);
      }
    },
  });
  setImageName(d.options.images, name, top);
  const record = d.options.images.get(name)!;
  const image = d.options.images.resolve(record);
  await d.unpack(image.id, image);
  for (const l of image.manifest.layers) {
    if (!layers.includes(l.digest)) continue;
    const size = d.layerSize(l.digest);
    emit({ status: 'Extracting', progressDetail: { current: size, total: size }, progress: progressText(size, size), id: short(l.digest) });
    emit({ status: 'Pull complete', progressDetail: {}, id: short(l.digest) });
  }
  emit({ status: `Digest: ${top.digest}` });
  const shown = ref.digest ? `${familiar}@${ref.digest}` : `${familiar}:${ref.tag}`;
  const fresh = !before || before.target.digest !== top.digest;
  emit({ status: fresh ? `Status: Downloaded newer image for ${shown}` : `Status: Image is up to date for ${shown}` });
  d.events.emit('image', 'pull', shown, { name: familiar });
}

/** POST /images/{name}/tag. */
export function tagImage(d: Daemon, source: string, repo: string, tag: string | undefined): void {
  const image = d.image(source);
  const target: Reference = parseReference(tag ? `${repo}:${tag}` : repo);
  if (target.digest) throw new EngineError('InvalidArgument', 'refusing to create a tag with a digest reference');
  setImageName(d.options.images, formatReference({ ...target, tag: target.tag ?? 'latest' }), image.record.target);
  d.events.emit('image', 'tag', image.id, { name: familiarString({ ...target, tag: target.tag ?? 'latest' }) });
}

function digestNames(d: Daemon, ref: string): string[] {
  try {
    return namesWithRepoDigest(d.options.images, parseReference(ref)).map((r) => r.name);
  } catch {
    return [];
  }
}

/** DELETE /images/{name}: the list of Untagged/Deleted entries Docker answers with. */
export async function removeImage(d: Daemon, ref: string, options: { force?: boolean; noprune?: boolean } = {}): Promise<{ Untagged?: string; Deleted?: string }[]> {
  const { images } = d.options;
  const image = d.image(ref);
  const allNames = images.list().filter((r) => images.resolve(r).id === image.id).map((r) => r.name);
  const names = allNames.filter((n) => !isDanglingName(n));
  const users = [...d.containers.values()].filter((c) => c.imageId === image.id);
  const byName = (() => {
    try {
      const n = formatReference(parseReference(ref));
      return names.includes(n) ? n : undefined;
    } catch {
      return undefined;
    }
  })();
  const out: { Untagged?: string; Deleted?: string }[] = [];
  const untag = (n: string) => {
    images.delete(n);
    const parsed = parseReference(n);
    out.push({ Untagged: familiarString(parsed) });
    d.events.emit('image', 'untag', image.id, { name: familiarString(parsed) });
  };
  if (byName && names.length > 1) {
    untag(byName);
    return out;
  }
  // A repo digest (`alpine@sha256:…`) names the image through its repository's names: those
  // go; the image goes too when no other repository names it (moby's containerd ImageDelete).
  const viaDigest = byName ? [] : digestNames(d, ref);
  if (viaDigest.length > 0 && viaDigest.length < names.length) {
    for (const n of viaDigest) untag(n);
    return out;
  }
  if (!byName && viaDigest.length === 0 && names.length > 1 && !options.force) {
    throw new EngineError('Conflict', `conflict: unable to delete ${short(image.id)} (must be forced) - image is referenced in multiple repositories`);
  }
  const running = users.find((c) => c.running);
  if (users.length > 0) {
    if (running && (!byName || options.force)) {
      throw new EngineError('Conflict', `conflict: unable to delete ${short(image.id)} (cannot be forced) - image is being used by running container ${short(running.id)}`);
    }
    if (!options.force) {
      const what = byName ? `remove repository reference "${ref}"` : `delete ${short(image.id)}`;
      throw new EngineError('Conflict', `conflict: unable to ${what} (must force) - container ${short(users[0]!.id)} is using its referenced image ${short(image.id)}`);
    }
    // The image stays, untagged, for the containers that use it.
    images.set(danglingName(image.record.target.digest), image.record.target);
    for (const n of names) untag(n);
    return out;
  }
  // moby untags in the reference store's lexical order of full names: a repository's tags, then its digest.
  const refs = new Map<string, () => void>();
  for (const n of names) {
    const parsed = parseReference(n);
    refs.set(n, () => untag(n));
    if (!hasRepoDigest(images.resolve(images.get(n)!))) continue;
    const digest = { ...parsed, tag: undefined, digest: images.get(n)!.target.digest };
    const shown = familiarString(digest);
    refs.set(formatReference(digest), () => {
      if (!out.some((o) => o.Untagged === shown)) out.push({ Untagged: shown });
    });
  }
  for (const full of [...refs.keys()].sort()) refs.get(full)!();
  for (const n of allNames) if (isDanglingName(n)) images.delete(n);
  out.push({ Deleted: image.id });
  // Layers no other image shares go too, top first, as overlay2 deletes them.
  const chains = await chainIds(d.platform, image.config.rootfs.diff_ids);
  const kept = new Set<string>();
  for (const r of images.list()) {
    const other = images.resolve(r);
    for (const c of await chainIds(d.platform, other.config.rootfs.diff_ids)) kept.add(c);
  }
  for (const chain of [...chains].reverse()) {
    if (kept.has(chain)) break;
    try {
      d.options.snapshotter.remove(chain);
      out.push({ Deleted: chain });
    } catch {
      break;
    }
  }
  d.forgetUnpacked(image.id);
  d.options.content.gc();
  d.events.emit('image', 'delete', image.id, { name: image.id });
  return out;
}
