/**
 * The daemon's side of Docker Hub beyond pulling: `docker login` (POST
 * /auth), `docker push` (POST /images/{name}/push) and `docker search` (GET
 * /images/search), against the simulated hub (engine/registry/hub.ts).
 *
 * A push is what moby's classic pusher does: every layer is announced
 * ("Preparing"), then each one is either found in the repository already
 * ("Layer already exists"), mounted from another repository of the hub
 * ("Mounted from library/alpine") or uploaded gzip-compressed ("Pushed");
 * then the config, then a Docker schema2 manifest under the tag, whose digest
 * and size are the last line. Credentials come in X-Registry-Auth: base64url
 * of `{"username","password","serveraddress"}`.
 */
import { utf8 } from '../common/bytes.ts';
import { collect, streamOf } from '../common/stream.ts';
import { EngineError } from '../errors.ts';
import { MediaType, isGzipLayerType, type Descriptor } from '../image/oci.ts';
import { familiarName, familiarString, formatReference, parseNormalizedNamed, parseReference, type Reference } from '../image/reference.ts';
import type { Hub } from '../registry/hub.ts';
import { reachable } from '../registry/layout.ts';
import { isDanglingName } from './dangling.ts';
import type { Daemon } from './daemon.ts';
import type { JsonMessage } from './types.ts';
import type { AuthConfig } from './auth.ts';
import { progressText } from './progress-text.ts';

export const INDEX_SERVER = 'https://index.docker.io/v1/';

export { decodeAuth, type AuthConfig } from './auth.ts';

/** Who the credentials name, if the hub accepts them (any user with a password). */
function userOf(auth: AuthConfig): string | undefined {
  return auth.username && (auth.password || auth.identitytoken) ? auth.username : undefined;
}

/** The error a registry other than the hub gives: nothing listens there. */
function unreachable(domain: string): EngineError {
  const [host, port = '443'] = domain.split(':') as [string, string?];
  if (/^(localhost|127\.)/.test(host)) return new EngineError('Internal', `Get "https://${domain}/v2/": dial tcp 127.0.0.1:${port}: connect: connection refused`);
  return new EngineError('Internal', `Get "https://${domain}/v2/": dial tcp: lookup ${host} on 10.0.2.3:53: no such host`);
}

/** POST /auth. */
export function login(body: AuthConfig): { IdentityToken: string; Status: string } {
  const server = body.serveraddress || INDEX_SERVER;
  const host = server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!['index.docker.io', 'docker.io', 'registry-1.docker.io'].includes(host)) throw unreachable(host);
  if (!userOf(body)) throw new EngineError('Unauthorized', 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password');
  return { IdentityToken: '', Status: 'Login Succeeded' };
}

const short = (digest: string) => digest.slice(digest.indexOf(':') + 1, digest.indexOf(':') + 13);

/** POST /images/{name}/push?tag=…. Errors after the first line travel in the stream. */
export async function pushImage(d: Daemon, hub: Hub, name: string, tag: string | undefined, auth: AuthConfig, emit: (m: JsonMessage) => void): Promise<void> {
  const ref = parseNormalizedNamed(tag ? `${name}:${tag}` : name);
  if (ref.digest) throw new EngineError('InvalidArgument', 'cannot push a digest reference');
  emit({ status: `The push refers to repository [${ref.domain}/${ref.path}]` });
  const { images } = d.options;
  const inRepo = images.list().filter((r) => {
    if (isDanglingName(r.name)) return false;
    const p = parseReference(r.name);
    return p.domain === ref.domain && p.path === ref.path && p.tag !== undefined;
  });
  if (inRepo.length === 0) throw new EngineError('NotFound', `An image does not exist locally with the tag: ${familiarName(ref)}`);
  if (ref.domain !== 'docker.io') throw unreachable(ref.domain);
  const records = ref.tag ? inRepo.filter((r) => r.name === formatReference(ref)) : inRepo;
  if (records.length === 0) throw new EngineError('NotFound', `tag does not exist: ${familiarString(ref)}`);
  for (const record of records) await pushTag(d, hub, { ...ref, tag: parseReference(record.name).tag }, record.name, userOf(auth), emit);
}

async function pushTag(d: Daemon, hub: Hub, ref: Reference, name: string, user: string | undefined, emit: (m: JsonMessage) => void): Promise<void> {
  const { content, images } = d.options;
  const image = images.resolve(images.get(name)!);
  const diffIds = image.config.rootfs.diff_ids;
  // The upload manager lists the layers top first.
  const order = diffIds.map((_, i) => diffIds.length - 1 - i);
  for (const i of order) emit({ status: 'Preparing', progressDetail: {}, id: short(diffIds[i]!) });
  if (!hub.canPush(ref.path, user)) throw new EngineError('PermissionDenied', 'denied: requested access to the resource is denied');

  const inTarget = new Set<string>();
  for (const t of hub.repository(ref.path)?.tags.values() ?? []) reachable(hub.content, t.digest, inTarget);
  const pushed: Descriptor[] = new Array(diffIds.length);
  for (const i of order) {
    const id = short(diffIds[i]!);
    const layer = image.manifest.layers[i]!;
    const data = isGzipLayerType(layer.mediaType) ? content.read(layer.digest) : await collect(d.platform.gzip(streamOf(content.read(layer.digest))));
    const digest = isGzipLayerType(layer.mediaType) ? layer.digest : 'sha256:' + (await d.platform.sha256(data));
    pushed[i] = { mediaType: MediaType.dockerLayerGzip, size: data.length, digest };
    if (inTarget.has(digest)) {
      emit({ status: 'Layer already exists', progressDetail: {}, id });
      continue;
    }
    const from = hub.content.has(digest) ? hub.repositories().find(([, r]) => [...r.tags.values()].some((t) => reachable(hub.content, t.digest).has(digest)))?.[0] : undefined;
    if (from) {
      emit({ status: `Mounted from ${from}`, progressDetail: {}, id });
      continue;
    }
    emit({ status: 'Pushing', progressDetail: { current: data.length, total: data.length }, progress: progressText(data.length, data.length), id });
    await hub.putBlob(data, digest);
    emit({ status: 'Pushed', progressDetail: {}, id });
  }
  const config = content.read(image.id);
  await hub.putBlob(config, image.id);
  // distribution's schema2 manifest, as the registry stores it: indented by three spaces.
  const manifest = utf8(
    JSON.stringify(
      {
        schemaVersion: 2,
        mediaType: MediaType.dockerManifest,
        config: { mediaType: MediaType.dockerConfig, size: config.length, digest: image.id },
        layers: pushed.map((l) => ({ mediaType: l.mediaType, size: l.size, digest: l.digest })),
      },
      null,
      3,
    ),
  );
  const desc = await hub.putManifest(ref.path, ref.tag!, manifest, MediaType.dockerManifest);
  emit({ status: `${ref.tag}: digest: ${desc.digest} size: ${manifest.length}` });
  emit({ progressDetail: {}, aux: { Tag: ref.tag, Digest: desc.digest, Size: manifest.length } });
  d.events.emit('image', 'push', familiarString(ref), { name: familiarName(ref) });
}

// ---- search ------------------------------------------------------------------

export interface SearchResult {
  star_count: number;
  is_official: boolean;
  name: string;
  is_automated: boolean;
  description: string;
}

/** What Docker Hub says about the official images Berth's hub holds. */
const OFFICIAL: Record<string, { description: string; stars: number }> = {
  alpine: { description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!', stars: 11413 },
  nginx: { description: 'Official build of Nginx.', stars: 20770 },
  ubuntu: { description: 'Ubuntu is a Debian-based Linux operating system based on free software.', stars: 17628 },
  debian: { description: "Debian is a Linux distribution that's composed entirely of free and open-source software.", stars: 5167 },
  busybox: { description: 'Busybox base image.', stars: 3330 },
  redis: { description: 'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.', stars: 13123 },
  node: { description: 'Node.js is a JavaScript-based platform for server-side and networking applications.', stars: 13742 },
  'hello-world': { description: 'Hello World! (an example of minimal Dockerization)', stars: 2468 },
};

/** GET /images/search?term=…&limit=…&filters=…, with moby's filter checks. */
export function searchHub(hub: Hub, term: string, limit: number, filters: Record<string, string[]>): SearchResult[] {
  for (const k of Object.keys(filters)) if (!['is-automated', 'is-official', 'stars'].includes(k)) throw new EngineError('InvalidArgument', `invalid filter '${k}'`);
  const bool = (key: string): boolean | undefined => {
    const v = filters[key];
    if (!v) return undefined;
    const t = v.includes('1') || v.includes('true');
    const f = v.includes('0') || v.includes('false');
    if (t === f) throw new EngineError('InvalidArgument', `invalid filter '${key}=[${v.join(' ')}]'`);
    return t;
  };
  if (bool('is-automated')) return [];
  const official = bool('is-official');
  let minStars = 0;
  for (const s of filters.stars ?? []) {
    if (!/^[+-]?\d+$/.test(s)) throw new EngineError('InvalidArgument', `invalid filter 'stars=${s}': strconv.Atoi: parsing "${s}": invalid syntax`);
    minStars = Math.max(minStars, Number(s));
  }
  if (/^[a-z]+:\/\//i.test(term)) throw new EngineError('InvalidArgument', `invalid repository name: repository name (${term}) should not have a scheme`);
  const n = limit || 25;
  if (n < 1 || n > 100) throw new EngineError('InvalidArgument', `limit ${n} is outside the range of [1, 100]`);
  const q = term.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '').toLowerCase();
  const results: SearchResult[] = [];
  for (const [path, repo] of hub.repositories()) {
    const name = path.startsWith('library/') ? path.slice(8) : path;
    const info = OFFICIAL[name];
    const description = repo.description || (repo.official ? info?.description ?? '' : '');
    if (!name.includes(q) && !description.toLowerCase().includes(q)) continue;
    results.push({ star_count: repo.stars || (repo.official ? info?.stars ?? 0 : 0), is_official: repo.official, name, is_automated: false, description });
  }
  const rank = (r: SearchResult) => (r.name === q ? 0 : r.name.startsWith(q) ? 1 : 2);
  results.sort((a, b) => rank(a) - rank(b) || b.star_count - a.star_count || (a.name < b.name ? -1 : 1));
  return results.slice(0, n).filter((r) => (official === undefined || r.is_official === official) && r.star_count >= minStars);
}
