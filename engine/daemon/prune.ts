/**
 * Reclaiming space, and measuring it: POST /images/prune, POST
 * /containers/prune, POST /build/prune and GET /system/df, with moby's rules.
 *
 * - Image prune removes dangling images (no tag), or with `dangling=false`
 *   every image no container uses: each tag is removed as `docker rmi` would,
 *   and images that are in use are skipped (a conflict is not an error here).
 *   The space reclaimed is the size of the layers that went.
 * - Container prune removes every container that is not running.
 * - Disk usage lists images with their shared size (layers other images also
 *   use), containers with their writable-layer size, volumes with their size
 *   and number of users, and the build cache.
 */
import { rfc3339Nano } from '../common/time.ts';
import { EngineError } from '../errors.ts';
import { chainIds } from '../image/oci.ts';
import { familiarString, parseReference } from '../image/reference.ts';
import type { ResolvedImage } from '../image/store.ts';
import { isDanglingName } from './dangling.ts';
import type { Daemon } from './daemon.ts';
import { removeImage } from './images.ts';
import { listContainers, listImages, type Filters } from './query.ts';

/** The filters' `until`: a Go duration before now, an RFC 3339 time, or Unix seconds; in ms. */
function untilOf(d: Daemon, filters: Filters): number | undefined {
  const v = filters.until;
  if (!v) return undefined;
  if (v.length > 1) throw new EngineError('InvalidArgument', 'more than one until filter specified');
  const text = v[0]!;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  if (/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text)) {
    let ms = 0;
    for (const [, n, u] of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) ms += Number(n) * units[u!]!;
    return d.platform.now() - ms;
  }
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new EngineError('InvalidArgument', `failed to parse value as time or duration: "${text}"`);
  return t;
}

function labelsMatch(filters: Filters, labels: Record<string, string> | null | undefined): boolean {
  const has = (want: string) => {
    const i = want.indexOf('=');
    return i < 0 ? want in (labels ?? {}) : (labels ?? {})[want.slice(0, i)] === want.slice(i + 1);
  };
  if (filters.label && !filters.label.every(has)) return false;
  if (filters['label!'] && filters['label!'].some(has)) return false;
  return true;
}

function boolFilter(filters: Filters, key: string, fallback: boolean): boolean {
  const v = filters[key];
  if (!v) return fallback;
  const t = v.includes('1') || v.includes('true');
  const f = v.includes('0') || v.includes('false');
  if (t === f) throw new EngineError('InvalidArgument', `invalid filter '${key}=[${v.join(' ')}]'`);
  return t;
}

/** Every distinct image, with its names (tags only; dangling names left out). */
function imagesWithNames(d: Daemon): { image: ResolvedImage; names: string[] }[] {
  const { images } = d.options;
  const out = new Map<string, { image: ResolvedImage; names: string[] }>();
  for (const r of images.list()) {
    const image = images.resolve(r);
    const e = out.get(image.id) ?? { image, names: [] };
    out.set(image.id, e);
    if (!isDanglingName(r.name)) e.names.push(r.name);
  }
  return [...out.values()];
}

/** The unpacked size of each layer (by chain ID) of every image. */
async function layerSizes(d: Daemon): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const { image } of imagesWithNames(d)) {
    for (const chain of await chainIds(d.platform, image.config.rootfs.diff_ids)) {
      if (sizes.has(chain)) continue;
      try {
        sizes.set(chain, d.options.snapshotter.usage(chain).size);
      } catch {
        sizes.set(chain, 0);
      }
    }
  }
  return sizes;
}

export async function pruneImages(d: Daemon, filters: Filters): Promise<{ ImagesDeleted: { Untagged?: string; Deleted?: string }[] | null; SpaceReclaimed: number }> {
  for (const k of Object.keys(filters)) if (!['dangling', 'label', 'label!', 'until'].includes(k)) throw new EngineError('InvalidArgument', `invalid filter '${k}'`);
  const danglingOnly = boolFilter(filters, 'dangling', true);
  const until = untilOf(d, filters);
  const sizes = await layerSizes(d);
  const deleted: { Untagged?: string; Deleted?: string }[] = [];
  for (const { image, names } of imagesWithNames(d)) {
    if (danglingOnly && names.length > 0) continue;
    if (until !== undefined && !(Date.parse(image.config.created ?? '') <= until)) continue;
    if (!labelsMatch(filters, image.config.config?.Labels)) continue;
    const refs = names.length > 0 ? names.map((n) => familiarString(parseReference(n))) : [image.id.slice(7)];
    for (const ref of refs) {
      try {
        deleted.push(...(await removeImage(d, ref)));
      } catch {
        // In use (a conflict) or already gone with an earlier tag: skipped, as moby does.
      }
    }
  }
  let space = 0;
  for (const r of deleted) if (r.Deleted) space += sizes.get(r.Deleted) ?? 0;
  d.events.emit('image', 'prune', '', { reclaimed: String(space) });
  return { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
}

export async function pruneContainers(d: Daemon, filters: Filters): Promise<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }> {
  for (const k of Object.keys(filters)) if (!['label', 'label!', 'until'].includes(k)) throw new EngineError('InvalidArgument', `invalid filter '${k}'`);
  const until = untilOf(d, filters);
  const deleted: string[] = [];
  let space = 0;
  // daemon.List() order: newest first.
  for (const c of [...d.containers.values()].sort((a, b) => b.created - a.created)) {
    if (c.running || c.state === 'restarting' || c.state === 'removing') continue;
    if (until !== undefined && c.created > until) continue;
    if (!labelsMatch(filters, c.config.Labels)) continue;
    const size = d.sizes(c).rw;
    try {
      await d.remove(c.id, { volumes: false });
    } catch {
      continue;
    }
    deleted.push(c.id);
    space += size;
  }
  d.events.emit('container', 'prune', '', { reclaimed: String(space) });
  return { ContainersDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
}

/** Layer blobs images hold: a build cache record whose layer one of them uses is shared. */
function imageLayers(d: Daemon): Set<string> {
  const out = new Set<string>();
  for (const { image } of imagesWithNames(d)) for (const l of image.manifest.layers) out.add(l.digest);
  return out;
}

/** POST /build/prune: BuildKit's cache records not in use (`--all`: also those an image shares). */
export function pruneBuildCache(d: Daemon, all = false): { CachesDeleted: string[] | null; SpaceReclaimed: number } {
  const layers = imageLayers(d);
  return d.buildCache.prune(all, (r) => r.own !== '' && layers.has(r.own));
}

/** The build cache as GET /system/df reports it (moby's types.BuildCache). */
function buildCacheUsage(d: Daemon) {
  const layers = imageLayers(d);
  return d.buildCache.list().map((r) => ({
    ID: r.id,
    Parents: r.parent ? [r.parent] : null,
    Type: r.type,
    Description: r.description,
    InUse: r.inUse,
    Shared: r.own !== '' && layers.has(r.own),
    Size: r.size,
    CreatedAt: rfc3339Nano(r.createdAt),
    LastUsedAt: rfc3339Nano(r.lastUsedAt),
    UsageCount: r.usageCount,
  }));
}

/** GET /system/df. */
export async function diskUsage(d: Daemon) {
  const sizes = await layerSizes(d);
  const refs = new Map<string, number>();
  const chainsOf = new Map<string, string[]>();
  for (const { image } of imagesWithNames(d)) {
    const chains = await chainIds(d.platform, image.config.rootfs.diff_ids);
    chainsOf.set(image.id, chains);
    for (const c of new Set(chains)) refs.set(c, (refs.get(c) ?? 0) + 1);
  }
  const images = listImages(d, {}).map((s) => {
    const chains = chainsOf.get(s.Id) ?? [];
    const shared = chains.filter((c) => (refs.get(c) ?? 0) > 1).reduce((n, c) => n + (sizes.get(c) ?? 0), 0);
    return { ...s, Size: chains.reduce((n, c) => n + (sizes.get(c) ?? 0), 0), SharedSize: shared };
  });
  const volumes = d.volumes.listInfo(d.volumeUsers).Volumes.map((v) => ({ ...v, UsageData: { RefCount: d.volumeUsers.users(v.Name).length, Size: d.volumes.size(v.Name) } }));
  return {
    LayersSize: [...sizes.values()].reduce((a, b) => a + b, 0),
    Images: images,
    Containers: listContainers(d, { all: true, size: true }),
    Volumes: volumes,
    BuildCache: buildCacheUsage(d),
  };
}
