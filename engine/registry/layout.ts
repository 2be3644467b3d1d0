/**
 * Images as files, in the two layouts other tools understand.
 *
 * - The OCI image layout (image-spec's image-layout.md): `oci-layout`,
 *   `index.json` naming each image, `blobs/sha256/<hex>`. skopeo, umoci and
 *   `docker load` (of an OCI archive) read it.
 * - The distribution layout: the paths a registry answers on
 *   (`v2/<repo>/manifests/<tag>`, `v2/<repo>/blobs/<digest>`, tags/list,
 *   _catalog), as static files. Any static web host can then serve a
 *   read-only registry; the site's simulated Docker Hub is exactly that.
 *
 * Both are returned as a map from relative path to bytes; the caller writes
 * them wherever it likes.
 */
import { EngineError } from '../errors.ts';
import type { ContentStore } from '../content/store.ts';
import { parseDigest } from '../content/digest.ts';
import { encodeJson, isIndexType, isManifestType, parseManifestOrIndex, type Descriptor } from '../image/oci.ts';

export type FileMap = Map<string, Uint8Array>;

/** Every digest reachable from `root` through stored children (manifests → config, layers). */
export function reachable(content: ContentStore, root: string, into = new Set<string>()): Set<string> {
  if (into.has(root)) return into;
  into.add(root);
  for (const child of content.info(root).children) reachable(content, child, into);
  return into;
}

const hexOf = (digest: string) => digest.slice(digest.indexOf(':') + 1);

export interface LayoutImage {
  /** `org.opencontainers.image.ref.name`: what follows the path in `oci:DIR:REF`. */
  refName: string;
  /** The full image name, kept as containerd does in `io.containerd.image.name`. */
  imageName: string;
  target: Descriptor;
}

export function ociLayout(content: ContentStore, images: readonly LayoutImage[]): FileMap {
  const files: FileMap = new Map();
  files.set('oci-layout', encodeJson({ imageLayoutVersion: '1.0.0' }));
  const blobs = new Set<string>();
  for (const image of images) reachable(content, image.target.digest, blobs);
  for (const digest of [...blobs].sort()) files.set(`blobs/sha256/${hexOf(digest)}`, content.read(digest));
  files.set(
    'index.json',
    encodeJson({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: images.map((i) => ({
        ...i.target,
        annotations: { 'io.containerd.image.name': i.imageName, 'org.opencontainers.image.ref.name': i.refName },
      })),
    }),
  );
  return files;
}

export interface RegistryRepository {
  /** The path on the registry: "library/alpine", "learner/app". */
  name: string;
  tags: Record<string, Descriptor>;
}

/**
 * Static files for a read-only distribution registry. Manifests are served
 * by tag and by digest; blobs (configs and layers) under each repository that
 * uses them, as the registry API addresses them.
 */
export function distributionLayout(content: ContentStore, repos: readonly RegistryRepository[]): FileMap {
  const files: FileMap = new Map();
  for (const repo of repos) {
    const base = `v2/${repo.name}`;
    const manifests = new Set<string>();
    for (const [tag, target] of Object.entries(repo.tags)) {
      files.set(`${base}/manifests/${tag}`, content.read(target.digest));
      manifests.add(target.digest);
      for (const digest of reachable(content, target.digest)) {
        const info = content.info(digest);
        // Anything with children is a manifest or an index; the rest are blobs.
        if (info.children.length > 0) manifests.add(digest);
        else files.set(`${base}/blobs/${digest}`, content.read(digest));
      }
    }
    for (const digest of manifests) files.set(`${base}/manifests/${digest}`, content.read(digest));
    files.set(`${base}/tags/list`, encodeJson({ name: repo.name, tags: Object.keys(repo.tags).sort() }));
  }
  files.set('v2/_catalog', encodeJson({ repositories: repos.map((r) => r.name).sort() }));
  return files;
}

/** The blobs a manifest or index refers to (nothing for configs and layers). */
export function childrenOf(descriptor: Descriptor, bytes: Uint8Array): Descriptor[] {
  if (!isIndexType(descriptor.mediaType) && !isManifestType(descriptor.mediaType)) return [];
  const parsed = parseManifestOrIndex(bytes, descriptor.mediaType);
  return parsed.kind === 'index' ? parsed.index.manifests : [parsed.manifest.config, ...parsed.manifest.layers];
}

/**
 * Reads an OCI image layout into the content store, checking every blob
 * against its digest. `read` returns a file of the layout, or undefined.
 * Returns the images its index.json names.
 */
export async function importOciLayout(read: (path: string) => Uint8Array | undefined | Promise<Uint8Array | undefined>, content: ContentStore): Promise<LayoutImage[]> {
  const layoutFile = await read('oci-layout');
  if (!layoutFile) throw new EngineError('InvalidArgument', 'not an OCI image layout: oci-layout is missing');
  const indexFile = await read('index.json');
  if (!indexFile) throw new EngineError('InvalidArgument', 'not an OCI image layout: index.json is missing');
  const index = parseManifestOrIndex(indexFile, 'application/vnd.oci.image.index.v1+json');
  if (index.kind !== 'index') throw new EngineError('InvalidArgument', 'index.json is not an image index');
  const ingest = async (desc: Descriptor): Promise<void> => {
    if (content.has(desc.digest)) return;
    const { algorithm, hex } = parseDigest(desc.digest);
    const bytes = await read(`blobs/${algorithm}/${hex}`);
    if (!bytes) throw new EngineError('NotFound', `blob ${desc.digest} is missing from the layout`);
    // Nothing is parsed before it is known to be what its name says.
    await content.verify(bytes, { expected: desc.digest, size: desc.size });
    const children = childrenOf(desc, bytes);
    // Children first, so a manifest is only stored once everything it names is.
    for (const c of children) {
      if (c.platform && c.platform.os !== 'linux') continue;
      await ingest(c);
    }
    await content.put(bytes, { expected: desc.digest, size: desc.size, children: children.filter((c) => content.has(c.digest)).map((c) => c.digest) });
  };
  const out: LayoutImage[] = [];
  for (const m of index.index.manifests) {
    await ingest(m);
    const refName = m.annotations?.['org.opencontainers.image.ref.name'] ?? '';
    out.push({ refName, imageName: m.annotations?.['io.containerd.image.name'] ?? refName, target: { mediaType: m.mediaType, digest: m.digest, size: m.size } });
  }
  return out;
}
