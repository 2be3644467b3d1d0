/**
 * Engine API routes for images as files, the registry beyond pulling, and
 * reclaiming space: save/load/import, auth/push/search, prune and df. The
 * router (router.ts) registers them with `defineExtraRoutes`.
 *
 *   GET  /images/get?names=…        docker save (a tar stream)
 *   GET  /images/{name}/get         the same, one image
 *   POST /images/load?quiet=1       docker load (raw tar body; JSON messages)
 *   POST /images/create?fromSrc=-   docker import (raw tar body), via `importRoute`
 *   POST /auth                      docker login
 *   POST /images/{name}/push?tag=   docker push (credentials in X-Registry-Auth)
 *   GET  /images/search?term=       docker search
 *   POST /images/prune, /containers/prune, /build/prune;  GET /system/df
 */
import { EngineError } from '../errors.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { once } from '../common/once.ts';
import { parseFilters } from '../daemon/query.ts';
import { decodeAuth, type AuthConfig } from '../daemon/auth.ts';
import type { JsonMessage } from '../daemon/types.ts';
import type { Hub } from '../registry/hub.ts';
import type { ApiRequest, ApiResponse } from './router.ts';

// Loaded on first use: a page's engine starts without them (its first download is smaller).
const archive = once(() => import('../daemon/image-archive.ts'));
const prune = once(() => import('../daemon/prune.ts'));
const registry = once(() => import('../daemon/registry-ops.ts'));

type Handler = (ctx: { params: string[]; query: URLSearchParams; req: ApiRequest }) => Promise<ApiResponse> | ApiResponse;

export interface RouteKit {
  on(method: string, path: string, handler: Handler): void;
  progress(work: (emit: (m: JsonMessage) => void) => Promise<void>): Promise<ApiResponse>;
  daemon: Daemon;
  hub: Hub;
  hubReady: Promise<void>;
}

const json = (body: unknown, status = 200): ApiResponse => ({ status, kind: 'json', body });
const flag = (q: URLSearchParams, name: string, fallback = false) => {
  const v = q.get(name);
  if (v === null || v === '') return fallback;
  return v !== '0' && v.toLowerCase() !== 'false';
};
const bytesOf = (req: ApiRequest): Uint8Array => req.raw ?? new Uint8Array();

/** The X-Registry-Auth header (or, in-process, the `X-Registry-Auth` query parameter). */
function authOf(req: ApiRequest, query: URLSearchParams): AuthConfig {
  const header = Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === 'x-registry-auth')?.[1];
  return decodeAuth(header ?? query.get('X-Registry-Auth'));
}

/** POST /images/create with fromSrc (the router calls this when fromImage is absent). */
export async function importRoute(kit: RouteKit, query: URLSearchParams, req: ApiRequest): Promise<ApiResponse> {
  const src = query.get('fromSrc') ?? '';
  if (src !== '-') throw new EngineError('Internal', `Get "${/:\/\//.test(src) ? src : `http://${src}`}": dial tcp: lookup ${src.replace(/^\w+:\/\//, '').split(/[/:]/)[0]} on 10.0.2.3:53: no such host`);
  const { importImage } = await archive();
  return kit.progress((emit) =>
    importImage(kit.daemon, bytesOf(req), { repo: query.get('repo') || undefined, tag: query.get('tag') || undefined, message: query.get('message') || undefined, changes: query.getAll('changes'), source: src }, emit),
  );
}

export function defineExtraRoutes(kit: RouteKit): void {
  const d = kit.daemon;
  const tar = (body: AsyncIterable<Uint8Array>): ApiResponse => ({ status: 200, kind: 'stream', contentType: 'application/x-tar', body });
  kit.on('GET', '/images/get', async ({ query }) => tar(await (await archive()).saveImages(d, query.getAll('names'))));
  kit.on('GET', '/images/{name*}/get', async ({ params }) => tar(await (await archive()).saveImages(d, [params[0]!])));
  kit.on('POST', '/images/load', async ({ query, req }) => {
    const { loadImages } = await archive();
    return kit.progress((emit) => loadImages(d, bytesOf(req), flag(query, 'quiet', true), emit));
  });
  kit.on('POST', '/auth', async ({ req }) => json((await registry()).login((req.body ?? {}) as AuthConfig)));
  kit.on('POST', '/images/{name*}/push', async ({ params, query, req }) => {
    await kit.hubReady;
    const auth = authOf(req, query);
    const { pushImage } = await registry();
    return kit.progress((emit) => pushImage(d, kit.hub, params[0]!, query.get('tag') || undefined, auth, emit));
  });
  kit.on('GET', '/images/search', async ({ query }) => {
    await kit.hubReady;
    return json((await registry()).searchHub(kit.hub, query.get('term') ?? '', Number(query.get('limit') ?? 0) || 0, parseFilters(query.get('filters') ?? undefined)));
  });
  kit.on('POST', '/images/prune', async ({ query }) => json(await (await prune()).pruneImages(d, parseFilters(query.get('filters') ?? undefined))));
  kit.on('POST', '/containers/prune', async ({ query }) => json(await (await prune()).pruneContainers(d, parseFilters(query.get('filters') ?? undefined))));
  kit.on('POST', '/build/prune', async ({ query }) => json((await prune()).pruneBuildCache(d, query.get('all') === '1' || query.get('all') === 'true')));
  kit.on('GET', '/system/df', async () => json(await (await prune()).diskUsage(d)));
}
