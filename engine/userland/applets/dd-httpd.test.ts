/**
 * dd and httpd, as busybox 1.36.1 on alpine prints and serves: dd's records
 * summary and the third status line (FEATURE_DD_THIRD_STATUS_LINE), httpd's
 * headers and error pages (networking/httpd.c; checked against Debian's
 * busybox httpd, whose output for these requests is the same but the dates).
 */
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../platform/node/index.ts';
import { bootHost } from '../host.ts';

const sh = async (host: ReturnType<typeof bootHost>, cmd: string) => {
  const r = await host.exec(['sh', '-c', cmd]);
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
};
const THIRD = /^\d+ bytes \((\d+|\d+\.\d[KMG])B\) copied, \d+\.\d{6} seconds, (\d+|\d+\.\d[KMGTPE])B\/s$/;

describe('dd', () => {
  it('copies blocks and reports full+partial records in and out on stderr', async () => {
    const host = bootHost(nodePlatform());
    const r = await sh(host, 'printf "hello world\\n" > in; dd if=in of=out bs=4 count=2 && cat out');
    expect(r.stdout).toBe('hello wo');
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 2)).toEqual(['2+0 records in', '2+0 records out']);
    expect(lines[2]).toMatch(THIRD);
    expect(lines[2]).toMatch(/^8 bytes \(8B\) copied, /);
    const partial = await sh(host, 'dd if=in bs=5 status=noxfer');
    expect(partial).toEqual({ stdout: 'hello world\n', stderr: '2+1 records in\n2+1 records out\n', code: 0 });
    const zero = await sh(host, 'dd if=/dev/zero of=big bs=1M count=3 2>&1; wc -c < big');
    expect(zero.stdout).toMatch(/^3\+0 records in\n3\+0 records out\n3145728 bytes \(3\.0MB\) copied, .*\n3145728\n$/);
  });

  it('skip, seek, ibs/obs, conv and status=none, and busybox\'s errors', async () => {
    const host = bootHost(nodePlatform());
    expect((await sh(host, 'printf abcdefghij | dd bs=3 skip=1 count=2 status=none')).stdout).toBe('defghi');
    expect((await sh(host, 'printf abcdefghij | dd ibs=3 obs=2 status=noxfer')).stderr).toBe('3+1 records in\n5+0 records out\n');
    expect((await sh(host, 'printf "hello world\\n" > in; dd if=in of=out seek=1 bs=4 status=none; od -c out')).stdout).toBe('0000000  \\0  \\0  \\0  \\0   h   e   l   l   o       w   o   r   l   d  \\n\n0000020\n');
    expect((await sh(host, 'printf qwe | dd conv=swab status=none')).stdout).toBe('wqe');
    expect(await sh(host, 'dd if=/nonexistent')).toEqual({ stdout: '', stderr: "dd: can't open '/nonexistent': No such file or directory\n", code: 1 });
    expect(await sh(host, 'dd bs=x')).toEqual({ stdout: '', stderr: "dd: invalid number 'x'\n", code: 1 });
    expect(await sh(host, 'dd bs=0')).toEqual({ stdout: '', stderr: 'dd: number 0 is not in 1..9223372036854775807 range\n', code: 1 });
    expect(await sh(host, 'dd conv=foo')).toEqual({ stdout: '', stderr: "dd: invalid argument 'foo' to 'conv'\n", code: 1 });
    expect(await sh(host, 'dd if=/tmp')).toEqual({ stdout: '', stderr: 'dd: /tmp: Is a directory\n', code: 1 });
    const usage = await sh(host, 'dd foo=1');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('Usage: dd [if=FILE] [of=FILE] [ibs=N obs=N/bs=N] [count=N] [skip=N] [seek=N]\n');
  });
});

describe('httpd', () => {
  it('serves a directory in the background: index.html, files by suffix, 302 for a directory, 404, 501, ranges', async () => {
    const host = bootHost(nodePlatform());
    await sh(host, 'mkdir -p www/sub && echo "<h1>hi</h1>" > www/index.html && echo body > www/a.txt && echo x > www/sub/index.html');
    const start = await sh(host, 'httpd -p 8080 -h www; echo started $?');
    expect(start).toEqual({ stdout: 'started 0\n', stderr: '', code: 0 });
    expect((await sh(host, 'ps -o comm,args')).stdout).toContain('httpd -p 8080 -h www');
    const norm = (t: string) => t.replace(/(Date|Last-Modified): .*\r\n/g, '$1: <date>\r\n').replace(/ETag: "[0-9a-f]+-/g, 'ETag: "<t>-');
    const index = await sh(host, 'curl -si localhost:8080/');
    expect(norm(index.stdout)).toBe('HTTP/1.1 200 OK\r\nDate: <date>\r\nConnection: close\r\nContent-type: text/html\r\nAccept-Ranges: bytes\r\nLast-Modified: <date>\r\nETag: "<t>-c"\r\nContent-Length: 12\r\n\r\n<h1>hi</h1>\n');
    expect(norm((await sh(host, 'curl -si localhost:8080/a.txt')).stdout)).toContain('Content-type: text/plain\r\n');
    expect(norm((await sh(host, 'curl -si localhost:8080/sub')).stdout)).toBe('HTTP/1.1 302 Found\r\nDate: <date>\r\nConnection: close\r\nContent-type: text/html\r\nLocation: /sub/\r\n\r\n');
    expect(norm((await sh(host, 'curl -si localhost:8080/nope')).stdout)).toBe(
      'HTTP/1.1 404 Not Found\r\nDate: <date>\r\nConnection: close\r\nContent-type: text/html\r\n\r\n<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n',
    );
    expect((await sh(host, 'curl -si -X POST localhost:8080/a.txt')).stdout).toMatch(/^HTTP\/1\.1 501 Not Implemented\r\n/);
    expect(norm((await sh(host, "curl -si -H 'Range: bytes=1-2' localhost:8080/a.txt")).stdout)).toBe(
      'HTTP/1.1 206 Partial Content\r\nDate: <date>\r\nConnection: close\r\nContent-type: text/html\r\nContent-Range: bytes 1-2/5\r\nAccept-Ranges: bytes\r\nLast-Modified: <date>\r\nETag: "<t>-5"\r\nContent-Length: 2\r\n\r\nod',
    );
    expect(await sh(host, 'httpd -p 8080')).toEqual({ stdout: '', stderr: 'httpd: bind: Address in use\n', code: 1 });
    expect(await sh(host, 'httpd -h /nonexistent')).toEqual({ stdout: '', stderr: "httpd: can't change directory to '/nonexistent': No such file or directory\n", code: 1 });
    expect((await sh(host, 'httpd -d "a%20b+c"; echo; httpd -e "a b<"')).stdout).toBe('a b c\na&#32;b&#60;');
  });

  it('-f stays in the foreground; -v logs each response as the peer', async () => {
    const host = bootHost(nodePlatform());
    await sh(host, 'mkdir www && echo hi > www/index.html');
    const server = host.exec(['httpd', '-f', '-v', '-p', '8081', '-h', 'www']);
    await new Promise((r) => setTimeout(r, 20));
    expect((await sh(host, 'curl -s localhost:8081/')).stdout).toBe('hi\n');
    await sh(host, 'kill $(pidof httpd)');
    const r = await server;
    expect(r.stderr).toMatch(/^\[::ffff:127\.0\.0\.1\]:\d+: response:200\n$/);
  });
});
