/**
 * Engine API routes for top, stats, changes, update, commit, the
 * archive endpoints of `docker cp`, and export. The daemon side lives in
 * engine/daemon/container-{extras,stats,commit,archive}.ts; the router calls
 * `containerExtraRoutes` from its define().
 *
 * `X-Docker-Container-Path-Stat` carries a path's stat as base64 JSON on
 * HEAD and GET /containers/{id}/archive, as moby's router sends it.
 */
import { encodeBase64 } from '../common/base64.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { once } from '../common/once.ts';
import type { UpdateBody } from '../daemon/container-extras.ts';
import type { PathStat } from '../daemon/container-archive.ts';
import type { ContainerConfig } from '../daemon/types.ts';
import type { ApiRequest, ApiResponse } from './router.ts';

// Loaded on first use: a page's engine starts without them (its first download is smaller).
const extras = once(() => import('../daemon/container-extras.ts'));
const stats = once(() => import('../daemon/container-stats.ts'));
const commit = once(() => import('../daemon/container-commit.ts'));
const archive = once(() => import('../daemon/container-archive.ts'));

type On = (method: string, path: string, handler: (ctx: { params: string[]; query: URLSearchParams; req: ApiRequest }) => Promise<ApiResponse> | ApiResponse) => void;

const json = (body: unknown, status = 200): ApiResponse => ({ status, kind: 'json', body });
const flag = (q: URLSearchParams, name: string, dflt = false) => {
  const v = q.get(name);
  if (v === null || v === '') return dflt;
  return v !== '0' && v.toLowerCase() !== 'false';
};

/** The stat header's value: base64 of the JSON, as Go's base64.StdEncoding writes it. */
export function statHeader(stat: PathStat): string {
  return encodeBase64(new TextEncoder().encode(JSON.stringify(stat)));
}

/** The request's raw body (tar uploads) as a stream. */
async function* rawBody(req: ApiRequest): AsyncIterable<Uint8Array> {
  if (req.raw) yield req.raw;
}

export function containerExtraRoutes(d: Daemon, on: On): void {
  on('GET', '/containers/{id}/top', async ({ params, query }) => json((await extras()).containerTop(d, params[0]!, query.get('ps_args') ?? '')));
  on('GET', '/containers/{id}/stats', async ({ params, query }) => ({
    status: 200,
    kind: 'stream',
    contentType: 'application/json',
    body: (await stats()).containerStats(d, params[0]!, { stream: flag(query, 'stream', true), oneShot: flag(query, 'one-shot') }),
  }));
  on('GET', '/containers/{id}/changes', async ({ params }) => json((await extras()).containerChanges(d, params[0]!)));
  on('POST', '/containers/{id}/update', async ({ params, req }) => json(await (await extras()).updateContainer(d, params[0]!, (req.body ?? {}) as UpdateBody)));
  on('POST', '/commit', async ({ query, req }) =>
    json(
      await (await commit()).commitContainer(d, {
        container: query.get('container') ?? '',
        repo: query.get('repo') ?? undefined,
        tag: query.get('tag') ?? undefined,
        comment: query.get('comment') ?? undefined,
        author: query.get('author') ?? undefined,
        pause: flag(query, 'pause', true),
        changes: query.getAll('changes'),
        config: (req.body ?? null) as Partial<ContainerConfig> | null,
      }),
      201,
    ),
  );
  on('HEAD', '/containers/{id}/archive', async ({ params, query }) => {
    const stat = (await archive()).statContainerPath(d, params[0]!, query.get('path') ?? '');
    return { status: 200, kind: 'json', body: '', headers: { 'X-Docker-Container-Path-Stat': statHeader(stat) } };
  });
  on('GET', '/containers/{id}/archive', async ({ params, query }) => {
    const { stat, body } = (await archive()).archiveContainerPath(d, params[0]!, query.get('path') ?? '');
    return { status: 200, kind: 'stream', contentType: 'application/x-tar', body, headers: { 'X-Docker-Container-Path-Stat': statHeader(stat) } };
  });
  on('PUT', '/containers/{id}/archive', async ({ params, query, req }) => {
    await (await archive()).extractToContainer(d, params[0]!, query.get('path') ?? '', rawBody(req), { noOverwriteDirNonDir: flag(query, 'noOverwriteDirNonDir'), copyUIDGID: flag(query, 'copyUIDGID') });
    return { status: 200, kind: 'empty' };
  });
  on('GET', '/containers/{id}/export', async ({ params }) => ({ status: 200, kind: 'stream', contentType: 'application/x-tar', body: (await archive()).exportContainer(d, params[0]!) }));
}
