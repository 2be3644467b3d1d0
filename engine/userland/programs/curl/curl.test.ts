/**
 * curl over Berth's network: the formats of curl 8 (progress meter, -v,
 * error lines, -w), the options a learner uses, and its exit codes. The
 * texts follow curl's own (lib/progress.c, the tool's messages); timings
 * inside the meter vary, so those columns are matched loosely.
 */
import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../../../common/bytes.ts';
import { encodeExecutable } from '../../../common/executable.ts';
import { hostPipe } from '../../../kernel/boot.ts';
import { loadImage } from '../../../kernel/exec.ts';
import type { Namespaces } from '../../../kernel/namespaces.ts';
import { NetNamespace } from '../../../kernel/net.ts';
import { serveHttp, type HttpHandler, type HttpResponse } from '../../../network/http.ts';
import { connectHost } from '../../../network/internet.ts';
import { nodePlatform } from '../../../platform/node/index.ts';
import { bootHost, exitCode, learnerEnv, type Host } from '../../host.ts';
import { resolveProgram } from '../../programs.ts';
import { max5 } from './meter.ts';
import { parseUrl } from './main.ts';
import { parseArgs } from './options.ts';
import { writeOut } from './write-out.ts';

async function run(host: Host, argv: string[], o: { net?: NetNamespace; cwd?: string; stdin?: string } = {}) {
  const k = host.machine.kernel;
  const p = k.createProcess(host.machine.init, o.net ? { ns: { ...host.machine.init.ns, net: o.net } as Namespaces } : {});
  p.uid = p.euid = p.gid = p.egid = 0;
  p.groups = [0];
  p.cwd = o.cwd ?? '/tmp';
  p.pgid = p.sid = p.pid;
  p.handlers.clear();
  p.image = await loadImage(host.machine.vfs, { uid: 0, gid: 0, groups: [0] }, p.cwd, '/usr/bin/curl', argv, learnerEnv({ HOME: '/root' }), resolveProgram);
  const input = hostPipe(k, 'to-process');
  const out = hostPipe(k, 'from-process');
  const err = hostPipe(k, 'from-process');
  k.installFd(p, 0, input.processEnd);
  k.installFd(p, 1, out.processEnd);
  k.installFd(p, 2, err.processEnd);
  k.start(p);
  if (o.stdin) input.write(utf8(o.stdin));
  input.close();
  const text = async (chunks: AsyncIterable<Uint8Array>) => {
    let s = '';
    for await (const c of chunks) s += fromUtf8(c);
    return s;
  };
  const [stdout, stderr] = await Promise.all([text(out.chunks()), text(err.chunks())]);
  return { stdout, stderr, code: exitCode(await p.ended) };
}

/** A host on the simulated internet with curl installed, and a test server on 127.0.0.1:8000. */
function world() {
  const host = bootHost(nodePlatform());
  connectHost(host);
  host.writeFile('/usr/bin/curl', encodeExecutable({ program: 'curl', version: '8.10.1-r0' }), 0o755);
  const k = host.machine.kernel;
  const handler: HttpHandler = (req): HttpResponse => {
    if (req.target === '/redir') return { status: 302, headers: { Location: '/a.txt' } };
    if (req.target === '/loop') return { status: 301, headers: { Location: '/loop' } };
    if (req.target === '/a.txt') return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'abc' };
    if (req.target === '/missing') return { status: 404, body: 'no such page\n' };
    const head = [...req.headers].map(([n, v]) => `${n}=${v}`).join(';');
    return { status: 200, body: `${req.method} ${req.target} ${head} ${fromUtf8(req.body)}` };
  };
  k.net.serveStream(k.rootNet, '127.0.0.1', 8000, (stream, info) => void serveHttp(stream, info.remote.address, handler, () => Date.now(), 'test'));
  return { host, k };
}

const HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const ZERO = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
/** The meter's last line for a body of `size` bytes (speeds vary). */
const done = (size: number) => `\\r100 ${max5(size).replace(/ /g, ' ')}  100 ${max5(size)}    0     0  [ \\d.kM]{5}      0 --:--:-- --:--:-- --:--:-- [ \\d.kM]{5}\\n`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('curl', () => {
  it('prints the body, and the progress meter on stderr when stdout is not a terminal', async () => {
    const { host } = world();
    const r = await run(host, ['curl', 'http://example.com/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title>Example Domain</title>');
    expect(r.stderr).toMatch(new RegExp(`^${escape(HEADER + ZERO)}${done(565)}$`));
    const s = await run(host, ['curl', '-s', 'localhost:8000/a.txt']);
    expect(s).toEqual({ stdout: 'abc', stderr: '', code: 0 });
  });

  it('shows no meter when the body goes to the terminal', async () => {
    const { host, k } = world();
    const tty = k.createPty();
    let out = '';
    tty.onOutput((b) => (out += fromUtf8(b)));
    const { ended } = host.attach(['curl', 'http://127.0.0.1:8000/a.txt'], tty, { uid: 0 });
    expect(exitCode(await ended)).toBe(0);
    expect(out).toBe('abc');
  });

  it('fails with curl\'s codes and messages: 6, 7, 22, and usage errors', async () => {
    const { host } = world();
    expect(await run(host, ['curl', '-s', 'http://nosuch.invalid/'])).toEqual({ stdout: '', stderr: '', code: 6 });
    expect(await run(host, ['curl', '-sS', 'http://nosuch.invalid/'])).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: nosuch.invalid\n', code: 6 });
    const resolve = await run(host, ['curl', 'http://nosuch.invalid/']);
    expect(resolve.stderr).toBe(`${HEADER}${ZERO}curl: (6) Could not resolve host: nosuch.invalid\n`);
    const refused = await run(host, ['curl', 'http://localhost/']);
    expect(refused.code).toBe(7);
    expect(refused.stderr).toMatch(new RegExp(`^${escape(HEADER + ZERO + ZERO)}\\ncurl: \\(7\\) Failed to connect to localhost port 80 after \\d+ ms: Couldn't connect to server\\n$`));
    expect((await run(host, ['curl', '-sS', 'http://localhost:8001/'])).stderr).toMatch(/^curl: \(7\) Failed to connect to localhost port 8001 after \d+ ms: Couldn't connect to server\n$/);
    expect(await run(host, ['curl', '-s', 'http://127.0.0.1:8000/missing'])).toEqual({ stdout: 'no such page\n', stderr: '', code: 0 });
    expect(await run(host, ['curl', '-sf', 'http://127.0.0.1:8000/missing'])).toEqual({ stdout: '', stderr: '', code: 22 });
    expect(await run(host, ['curl', '-sSf', 'http://127.0.0.1:8000/missing'])).toEqual({ stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n', code: 22 });
    const f = await run(host, ['curl', '-f', 'http://127.0.0.1:8000/missing']);
    expect(f.stderr).toBe(`${HEADER}${ZERO}\r  0    13    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\ncurl: (22) The requested URL returned error: 404\n`);
    expect(await run(host, ['curl'])).toEqual({ stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", code: 2 });
    expect(await run(host, ['curl', '--bogus', 'x'])).toEqual({ stdout: '', stderr: "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", code: 2 });
    expect(await run(host, ['curl', '-sS', 'gopher://x/'])).toEqual({ stdout: '', stderr: 'curl: (1) Protocol "gopher" not supported\n', code: 1 });
    expect(await run(host, ['curl', '-sS', 'http://example.com/'], { net: new NetNamespace() })).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: example.com\n', code: 6 });
  });

  it('-o, -O and -w', async () => {
    const { host } = world();
    expect((await run(host, ['curl', '-s', '-o', 'page.html', 'http://example.com/'])).stdout).toBe('');
    expect(host.readFile('/tmp/page.html')).toContain('Example Domain');
    expect(await run(host, ['curl', '-sO', 'http://127.0.0.1:8000/a.txt'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(host.readFile('/tmp/a.txt')).toBe('abc');
    expect(await run(host, ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'http://example.com/'])).toEqual({ stdout: '200\n', stderr: '', code: 0 });
    expect((await run(host, ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{content_type} %{url_effective}', 'http://127.0.0.1:8000/a.txt'])).stdout).toBe('200 3 text/plain http://127.0.0.1:8000/a.txt');
    expect((await run(host, ['curl', '-s', '-w', '%{http_code}', 'http://localhost:9/'])).stdout).toBe('000');
    expect(await run(host, ['curl', '-sSO', 'http://127.0.0.1:8000/'])).toEqual({ stdout: '', stderr: 'curl: (23) Remote file name has no length\n', code: 23 });
  });

  it('-I, -i and -L', async () => {
    const { host } = world();
    const head = await run(host, ['curl', '-sI', 'http://example.com/']);
    expect(head.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: ECAcc \(nyd\/D184\)\r\nDate: .* GMT\r\nContent-Type: text\/html; charset=UTF-8\r\nContent-Length: 565\r\nConnection: close\r\n\r\n$/);
    const meter = await run(host, ['curl', '-I', 'http://example.com/']);
    expect(meter.stderr).toBe(`${HEADER}${ZERO}\r  0   565    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n`);
    const inc = await run(host, ['curl', '-si', 'http://127.0.0.1:8000/a.txt']);
    expect(inc.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Content-Length: 3\r\n[\s\S]*\r\n\r\nabc$/);
    expect(await run(host, ['curl', '-s', 'http://127.0.0.1:8000/redir'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await run(host, ['curl', '-sL', 'http://127.0.0.1:8000/redir'])).toEqual({ stdout: 'abc', stderr: '', code: 0 });
    const both = await run(host, ['curl', '-siL', 'http://127.0.0.1:8000/redir']);
    expect(both.stdout).toMatch(/^HTTP\/1\.1 302 Found\r\n[\s\S]*Location: \/a\.txt\r\n\r\nHTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nabc$/);
    expect((await run(host, ['curl', '-sL', '-w', '%{num_redirects} %{url_effective}', '-o', '/dev/null', 'http://127.0.0.1:8000/redir'])).stdout).toBe('1 http://127.0.0.1:8000/a.txt');
    expect(await run(host, ['curl', '-sSL', '--max-redirs', '3', 'http://127.0.0.1:8000/loop'])).toEqual({ stdout: '', stderr: 'curl: (47) Maximum (3) redirects followed\n', code: 47 });
  });

  it('sends -X, -d, -H and -A as curl does', async () => {
    const { host } = world();
    expect((await run(host, ['curl', '-s', 'http://127.0.0.1:8000/echo'])).stdout).toBe('GET /echo host=127.0.0.1:8000;user-agent=curl/8.10.1;accept=*/* ');
    expect((await run(host, ['curl', '-s', '-d', 'a=1', '-d', 'b=2', 'http://127.0.0.1:8000/x'])).stdout).toBe(
      'POST /x host=127.0.0.1:8000;user-agent=curl/8.10.1;accept=*/*;content-length=7;content-type=application/x-www-form-urlencoded a=1&b=2',
    );
    expect((await run(host, ['curl', '-s', '-X', 'PUT', '-d', '{"x":1}', '-H', 'Content-Type: application/json', '-H', 'Accept:', '-A', 'me/1', 'http://127.0.0.1:8000/items'])).stdout).toBe(
      'PUT /items host=127.0.0.1:8000;user-agent=me/1;content-length=7;content-type=application/json {"x":1}',
    );
    expect((await run(host, ['curl', '-s', '-X', 'DELETE', 'http://127.0.0.1:8000/items/7'])).stdout).toBe('DELETE /items/7 host=127.0.0.1:8000;user-agent=curl/8.10.1;accept=*/* ');
    expect((await run(host, ['curl', '-s', '-G', '-d', 'q=1', 'http://127.0.0.1:8000/search'])).stdout).toBe('GET /search?q=1 host=127.0.0.1:8000;user-agent=curl/8.10.1;accept=*/* ');
    expect((await run(host, ['curl', '-s', '-u', 'ann:pw', 'http://127.0.0.1:8000/me'])).stdout).toContain('authorization=Basic YW5uOnB3');
  });

  it('-v tells the story of the request on stderr', async () => {
    const { host } = world();
    const r = await run(host, ['curl', '-sv', 'https://example.com/']);
    expect(r.stderr).toMatch(
      /^\* Host example\.com:443 was resolved\.\n\* IPv6: \(none\)\n\* IPv4: 93\.184\.215\.14\n\*   Trying 93\.184\.215\.14:443\.\.\.\n\* Connected to example\.com \(93\.184\.215\.14\) port 443\n\* using HTTP\/1\.x\n> GET \/ HTTP\/1\.1\n> Host: example\.com\n> User-Agent: curl\/8\.10\.1\n> Accept: \*\/\*\n> \n\* Request completely sent off\n< HTTP\/1\.1 200 OK\n< Server: ECAcc \(nyd\/D184\)\n< Date: .*\n< Content-Type: text\/html; charset=UTF-8\n< Content-Length: 565\n< Connection: close\n< \n\{ \[565 bytes data\]\n\* shutting down connection #0\n$/,
    );
    expect(r.stdout).toContain('Example Domain');
    const refused = await run(host, ['curl', '-sv', 'http://127.0.0.1:9/']);
    expect(refused.stderr).toMatch(/^\*   Trying 127\.0\.0\.1:9\.\.\.\n\* connect to 127\.0\.0\.1 port 9 from .* failed: Connection refused\n\* Failed to connect to 127\.0\.0\.1 port 9 after \d+ ms: Couldn't connect to server\n\* closing connection #0\n$/);
  });

  it('parses URLs, options and -w formats as curl does', () => {
    expect(parseUrl('localhost:8080')).toMatchObject({ scheme: 'http', host: 'localhost', port: 8080, target: '/' });
    expect(parseUrl('https://user:pw@Example.COM/a b?x=1#frag')).toMatchObject({ scheme: 'https', host: 'example.com', port: 443, target: '/a%20b?x=1', user: 'user:pw' });
    const p = parseArgs(['-sSLo', 'out', 'http://x', '-H', 'A: b', '--max-redirs', '5', '-w%{http_code}']);
    expect(p.ok && p.options).toMatchObject({ silent: true, showError: true, location: true, output: ['out'], urls: ['http://x'], headers: ['A: b'], maxRedirs: 5, writeOut: '%{http_code}' });
    expect(parseArgs(['-Z'])).toEqual({ ok: false, message: 'option -Z: is unknown' });
    const t = { start: 0, url: 'http://x/', httpCode: 201, sizeDownload: 5, sizeUpload: 0, sizeHeader: 0, sizeRequest: 0, numRedirects: 0, exitcode: 0 };
    expect(writeOut('%{http_code}\\t%{size_download}%%\\n%{stderr}err', t)).toEqual({ stdout: '201\t5%\n', stderr: 'err' });
    expect(max5(565)).toBe('  565');
    expect(max5(565000)).toBe(' 551k');
    expect(max5(52_000_000)).toBe('49.5M');
  });
});
