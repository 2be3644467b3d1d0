/**
 * Dangling images: images no tag names any more (`<none>:<none>` in
 * `docker images`). Docker keeps an image when its last tag moves elsewhere
 * (a rebuilt `app:1`, a newer `docker pull`, a `docker load` over an existing
 * tag) or when it arrives untagged (`docker import` without a name); `docker
 * image prune` removes them.
 *
 * The image store only keeps images that have a name, so a dangling image
 * keeps one that is no reference at all, as Docker's containerd image store
 * does: `moby-dangling@<digest>`. Whatever lists images or their tags skips
 * these names.
 */
import type { Descriptor } from '../image/oci.ts';
import { parseReference, type Reference } from '../image/reference.ts';
import type { ImageRecord, ImageStore, ResolvedImage } from '../image/store.ts';

const PREFIX = 'moby-dangling@';

export const danglingName = (digest: string): string => `${PREFIX}${digest}`;

export const isDanglingName = (name: string): boolean => name.startsWith(PREFIX);

/** Marks the manifests `docker load` and `docker import` make: no registry has them. */
export const LOCAL_ANNOTATIONS: Readonly<Record<string, string>> = { 'io.berth.image.local': 'true' };

/** Whether the image came from a registry, and so has a repo digest (`alpine@sha256:…`); loaded and imported ones have none. */
export const hasRepoDigest = (image: ResolvedImage): boolean => image.manifest.annotations?.['io.berth.image.local'] !== 'true';

/**
 * The names that give an image the repo digest `repo@digest` (the names of
 * that repository pointing at that digest), as `docker image inspect` lists
 * it under RepoDigests: `alpine@sha256:…` finds what `docker pull alpine`
 * pulled. Docker's containerd image store resolves digest references the
 * same way (resolveAllReferences).
 */
export function namesWithRepoDigest(images: ImageStore, ref: Reference): ImageRecord[] {
  if (!ref.digest) return [];
  return images.list().filter((r) => {
    if (isDanglingName(r.name) || r.target.digest !== ref.digest) return false;
    const n = parseReference(r.name);
    return n.domain === ref.domain && n.path === ref.path && hasRepoDigest(images.resolve(r));
  });
}

/**
 * Points `name` at `target`, as tagging, pulling, loading and importing do.
 * The image the name pointed at before stays, dangling, when no other name
 * refers to it. Returns the digest of the image left dangling, if any.
 */
export function setImageName(images: ImageStore, name: string, target: Descriptor): string | undefined {
  const old = images.get(name);
  let left: string | undefined;
  if (old && old.target.digest !== target.digest && !sameImage(images, old.target, target) && !images.list().some((r) => r.name !== name && r.target.digest === old.target.digest)) {
    images.set(danglingName(old.target.digest), old.target);
    left = old.target.digest;
  }
  images.set(name, target);
  // A dangling image that gets a name is no longer dangling.
  if (!isDanglingName(name) && images.get(danglingName(target.digest))) images.delete(danglingName(target.digest));
  return left;
}

/** Keeps `target` as an image with no name (an untagged import or load). */
export function keepUntagged(images: ImageStore, target: Descriptor): void {
  if (images.list().some((r) => r.target.digest === target.digest)) return;
  images.set(danglingName(target.digest), target);
}

/** Whether two targets are the same image (the same config: a pulled index and a loaded manifest can be). */
function sameImage(images: ImageStore, a: Descriptor, b: Descriptor): boolean {
  try {
    const id = (target: Descriptor) => images.resolve({ name: '', target, createdAt: 0, updatedAt: 0 }).id;
    return id(a) === id(b);
  } catch {
    return false;
  }
}
