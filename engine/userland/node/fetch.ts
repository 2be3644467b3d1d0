/**
 * The global `fetch` of Node 20, over Berth's http client: the host's
 * Response and Headers classes carry the answer (browsers and Node share
 * them). Redirects are followed, up to 20; `https:` is plain HTTP on port
 * 443, as everywhere in the emulator.
 */
import { Buffer } from 'buffer';
import type { NodeContext } from './context.ts';
import { makeHttp } from './http.ts';
import { makeNet } from './net.ts';
import { WebURL } from './url.ts';

interface HostResponse {
  status: number;
}
type ResponseConstructor = new (body: Uint8Array | null, init: { status: number; statusText: string; headers: [string, string][] }) => HostResponse;
type Init = { method?: string; headers?: unknown; body?: unknown; redirect?: string };

function headerPairs(h: unknown): [string, string][] {
  if (!h) return [];
  if (Array.isArray(h)) return h.map(([k, v]) => [String(k), String(v)]);
  if (typeof (h as { forEach?: unknown }).forEach === 'function' && !(h instanceof Map)) {
    const out: [string, string][] = [];
    (h as { forEach(fn: (v: string, k: string) => void): void }).forEach((v, k) => out.push([k, v]));
    return out;
  }
  return Object.entries(h as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
}

export async function fetch(ctx: NodeContext, input: unknown, init: Init = {}, redirects = 0): Promise<HostResponse> {
  const Response = (globalThis as unknown as { Response: ResponseConstructor }).Response;
  const source = input as { url?: string; method?: string; headers?: unknown };
  const url = new WebURL(typeof input === 'string' ? input : (source?.url ?? String(input)));
  const method = (init.method ?? source?.method ?? 'GET').toUpperCase();
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw Object.assign(new TypeError('fetch failed'), { cause: new Error(`unknown scheme ${url.protocol}`) });
  const http = makeHttp(ctx, makeNet(ctx), url.protocol === 'https:' ? 443 : 80);
  const headers = headerPairs(init.headers ?? source?.headers);
  const body = init.body === undefined || init.body === null ? undefined : typeof init.body === 'string' || init.body instanceof Uint8Array ? init.body : String(init.body);
  if (body !== undefined && !headers.some(([k]) => k.toLowerCase() === 'content-type') && typeof body === 'string') headers.push(['content-type', 'text/plain;charset=UTF-8']);
  const answer = await new Promise<{ status: number; statusText: string; headers: [string, string][]; body: Uint8Array }>((resolve, reject) => {
    const req = http.request({ hostname: url.hostname, port: url.port || undefined, path: url.pathname + url.search, method, headers: Object.fromEntries(headers) }, undefined, (res) => {
      const chunks: Uint8Array[] = [];
      res.on('data', (c: Uint8Array) => chunks.push(c));
      res.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: pairs, body: Buffer.concat(chunks) });
      });
      res.on('error', (err: Error) => reject(Object.assign(new TypeError('terminated'), { cause: err })));
    });
    req.on('error', (err: Error) => reject(Object.assign(new TypeError('fetch failed'), { cause: err })));
    req.end(body);
  });
  const location = answer.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
  if ([301, 302, 303, 307, 308].includes(answer.status) && location && init.redirect !== 'manual') {
    if (redirects >= 20) throw Object.assign(new TypeError('fetch failed'), { cause: new Error('redirect count exceeded') });
    const next = new WebURL(location, url).toString();
    const keep = answer.status === 307 || answer.status === 308;
    return fetch(ctx, next, keep ? init : { ...init, method: method === 'HEAD' ? 'HEAD' : 'GET', body: undefined }, redirects + 1);
  }
  const nullBody = [101, 204, 205, 304].includes(answer.status) || method === 'HEAD';
  const response = new Response(nullBody ? null : answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  Object.defineProperty(response, 'url', { value: url.toString() });
  return response;
}
