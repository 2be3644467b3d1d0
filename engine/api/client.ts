/**
 * The Engine API client every consumer uses (the docker CLI, the visualizer,
 * lesson checks). It speaks to a transport: in the emulator a function call
 * into the router (bodies still go through JSON, as on the wire); in native
 * mode HTTP over a socket.
 *
 *     const api = new ApiClient(inProcess(router));
 *     const list = await api.get<ContainerSummary[]>('/containers/json', { all: '1' });
 */
import { fromUtf8 } from '../common/bytes.ts';
import type { ApiRequest, ApiResponse, Router, Session } from './router.ts';

export type Transport = (req: ApiRequest) => Promise<ApiResponse>;

/** An error answer: `{"message": …}` with its status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | undefined>;

export function inProcess(router: Router): Transport {
  return (req) => router.handle({ ...req, body: req.body === undefined ? undefined : JSON.parse(JSON.stringify(req.body)) });
}

export class ApiClient {
  constructor(
    private readonly transport: Transport,
    readonly version = '1.50',
  ) {}

  private url(path: string, query?: Query): string {
    const qs = Object.entries(query ?? {})
      .filter(([, v]) => v !== undefined && v !== false && v !== '')
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v === true ? '1' : String(v))}`)
      .join('&');
    return `/v${this.version}${path}${qs ? `?${qs}` : ''}`;
  }

  /** `extra.raw` is a byte body (a tar for load and import); `extra.headers` go along (X-Registry-Auth). */
  async request(method: string, path: string, query?: Query, body?: unknown, extra: { raw?: Uint8Array; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
    const res = await this.transport({ method, url: this.url(path, query), body, ...extra });
    if (res.status >= 400) {
      let message = `error ${res.status}`;
      if (res.kind === 'json') message = (res.body as { message?: string }).message ?? message;
      else if (res.kind === 'stream') {
        let text = '';
        for await (const c of res.body) text += fromUtf8(c);
        message = (JSON.parse(text) as { message: string }).message;
      }
      throw new ApiError(res.status, message);
    }
    return res;
  }

  async get<T>(path: string, query?: Query): Promise<T> {
    const res = await this.request('GET', path, query);
    return (res.kind === 'json' ? res.body : undefined) as T;
  }

  async post<T = void>(path: string, query?: Query, body?: unknown): Promise<T> {
    const res = await this.request('POST', path, query, body);
    return (res.kind === 'json' ? res.body : undefined) as T;
  }

  async delete<T = void>(path: string, query?: Query): Promise<T> {
    const res = await this.request('DELETE', path, query);
    return (res.kind === 'json' ? res.body : undefined) as T;
  }

  /** A streamed body (logs, events, pull progress). */
  async stream(method: string, path: string, query?: Query, body?: unknown, extra?: { raw?: Uint8Array; headers?: Record<string, string> }): Promise<AsyncIterable<Uint8Array>> {
    const res = await this.request(method, path, query, body, extra);
    if (res.kind !== 'stream') return (async function* () {})();
    return res.body;
  }

  /** A hijacked session (attach, exec start). */
  async session(path: string, query?: Query, body?: unknown): Promise<Session | undefined> {
    const res = await this.request('POST', path, query, body);
    return res.kind === 'session' ? res.session : undefined;
  }
}
