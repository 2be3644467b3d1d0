import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../common/bytes.ts';
import { FsError } from '../fs/errno.ts';
import { nodePlatform } from '../platform/node/index.ts';
import { bootHost } from '../userland/host.ts';
import { publishTcp } from './bridge.ts';
import { serveHttp } from './http.ts';
import { httpGet, HttpReplyError, parseResponse } from './http-client.ts';

describe('httpGet', () => {
  it('GETs a page from a server on the host, through a published port', async () => {
    const k = bootHost(nodePlatform()).machine.kernel;
    const seen: string[] = [];
    k.net.serveStream(k.rootNet, '127.0.0.1', 9000, (stream, info) => {
      void serveHttp(stream, info.remote.address, (req) => {
        seen.push(`${req.method} ${req.target} ${req.headers.get('host')}`);
        return { status: 200, body: '<h1>hello</h1>' };
      }, () => 0);
    });
    // docker-proxy: 0.0.0.0:8080 on the host relays to the server.
    const proxy = publishTcp(k, 8080, { address: '127.0.0.1', port: 9000 });
    const r = await httpGet(k, { port: 8080, path: '/index.html' });
    expect([r.status, r.statusText, fromUtf8(r.body)]).toEqual([200, 'OK', '<h1>hello</h1>']);
    expect(r.headers).toContainEqual(['content-length', '14']);
    expect(seen).toEqual(['GET /index.html localhost:8080']);
    proxy.close();
  });

  it('fails with ECONNREFUSED when nothing listens, and says "empty" when the server closes without answering', async () => {
    const k = bootHost(nodePlatform()).machine.kernel;
    const refused = await httpGet(k, { port: 8081 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FsError);
    expect((refused as FsError).code).toBe('ECONNREFUSED');
    // A published port whose container does not listen yet: the proxy accepts, then closes.
    const proxy = publishTcp(k, 8082, { address: '127.0.0.1', port: 9999 });
    const empty = await httpGet(k, { port: 8082 }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(HttpReplyError);
    expect((empty as HttpReplyError).kind).toBe('empty');
    proxy.close();
  });

  it('gives up with ETIMEDOUT on a server that never answers', async () => {
    const k = bootHost(nodePlatform()).machine.kernel;
    k.net.serveStream(k.rootNet, '0.0.0.0', 8083, () => undefined);
    const late = await httpGet(k, { port: 8083 }, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect((late as FsError).code).toBe('ETIMEDOUT');
  });

  it('reads chunked, length-framed and close-delimited bodies', () => {
    const chunked = utf8('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6; x=1\r\n world\r\n0\r\n\r\n');
    expect(fromUtf8(parseResponse(chunked, false)!.body)).toBe('hello world');
    expect(parseResponse(chunked.subarray(0, chunked.length - 5), false)).toBeUndefined();
    expect(() => parseResponse(chunked.subarray(0, chunked.length - 5), true)).toThrow(HttpReplyError);
    const framed = utf8('HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nabcdef');
    expect(parseResponse(framed, false)).toMatchObject({ status: 404, statusText: 'Not Found' });
    expect(fromUtf8(parseResponse(framed, false)!.body)).toBe('abc');
    const closed = utf8('HTTP/1.0 200 OK\r\n\r\nuntil the end');
    expect(parseResponse(closed, false)).toBeUndefined();
    expect(fromUtf8(parseResponse(closed, true)!.body)).toBe('until the end');
    expect(() => parseResponse(utf8('SSH-2.0-OpenSSH\r\n\r\n'), true)).toThrow(/bad status line/);
  });
});
