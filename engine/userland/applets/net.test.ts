/**
 * The network applets: wget, nc, ping, nslookup, ip, ifconfig, route, netstat.
 *
 * Expected texts were printed by busybox 1.36.1 built with Alpine's network
 * options (NC_110_COMPAT, FANCY_PING, NSLOOKUP_BIG, WGET_STATUSBAR…) in a
 * network namespace of its own; the values are checked against the emulated
 * kernel's state. Programs run on a Berth host connected to the simulated
 * internet, in its namespace or in container-like ones on a docker0 bridge.
 */
import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../../common/bytes.ts';
import { AA, QR, RA, RCODE, TYPE, decodeMessage, encodeMessage } from '../../common/dns.ts';
import { hostPipe } from '../../kernel/boot.ts';
import { loadImage } from '../../kernel/exec.ts';
import type { Namespaces } from '../../kernel/namespaces.ts';
import { NetNamespace, Segment, type KernelStream } from '../../kernel/net.ts';
import type { Process } from '../../kernel/process.ts';
import { SIGINT } from '../../kernel/signals.ts';
import { serveHttp, type HttpHandler } from '../../network/http.ts';
import { connectHost } from '../../network/internet.ts';
import { nodePlatform } from '../../platform/node/index.ts';
import { bootHost, exitCode, learnerEnv, type Host } from '../host.ts';
import { resolveProgram } from '../programs.ts';

// ---- harness ------------------------------------------------------------------------------

interface RunOptions {
  net?: NetNamespace;
  uid?: number;
  stdin?: string;
  /** Keep stdin open (the test closes it later through `started.close()`). */
  keepStdin?: boolean;
  cwd?: string;
  env?: Record<string, string>;
}

interface Started {
  process: Process;
  close(): void;
  /** What the program has written to stdout so far. */
  stdout(): string;
  done: Promise<{ stdout: string; stderr: string; code: number }>;
}

async function start(host: Host, argv: string[], o: RunOptions = {}): Promise<Started> {
  const k = host.machine.kernel;
  const p = k.createProcess(host.machine.init, o.net ? { ns: { ...host.machine.init.ns, net: o.net } as Namespaces } : {});
  p.uid = p.euid = o.uid ?? 0;
  p.gid = p.egid = o.uid ? 1000 : 0;
  p.groups = o.uid ? [1000] : [0];
  p.cwd = o.cwd ?? '/root';
  p.pgid = p.sid = p.pid;
  p.handlers.clear();
  p.image = await loadImage(host.machine.vfs, { uid: p.euid, gid: p.egid, groups: p.groups }, p.cwd, `/bin/${argv[0]}`, argv, learnerEnv({ HOME: '/root', ...o.env }), resolveProgram);
  const input = hostPipe(k, 'to-process');
  const out = hostPipe(k, 'from-process');
  const err = hostPipe(k, 'from-process');
  k.installFd(p, 0, input.processEnd);
  k.installFd(p, 1, out.processEnd);
  k.installFd(p, 2, err.processEnd);
  k.start(p);
  if (o.stdin) input.write(utf8(o.stdin));
  if (!o.keepStdin) input.close();
  let sofar = '';
  const text = async (chunks: AsyncIterable<Uint8Array>, seen?: (s: string) => void) => {
    let s = '';
    for await (const c of chunks) {
      s += fromUtf8(c);
      seen?.(s);
    }
    return s;
  };
  const done = (async () => {
    const [stdout, stderr] = await Promise.all([text(out.chunks(), (s) => (sofar = s)), text(err.chunks())]);
    return { stdout, stderr, code: exitCode(await p.ended) };
  })();
  return { process: p, close: () => input.close(), stdout: () => sofar, done };
}

const run = async (host: Host, argv: string[], o: RunOptions = {}) => (await start(host, argv, o)).done;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until something listens on (or, for UDP, is bound to) `port` in `ns`. */
async function listening(ns: NetNamespace, port: number, protocol: 'tcp' | 'udp' = 'tcp'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((ns.bound[protocol].get(port) ?? []).some((s) => s.state === (protocol === 'tcp' ? 'listening' : 'bound'))) return;
    await pause(5);
  }
  throw new Error(`nothing listens on ${protocol} port ${port}`);
}

/** A host on the simulated internet, with a docker0 bridge (172.17.0.1/16) as dockerd makes it. */
function world() {
  const host = bootHost(nodePlatform());
  connectHost(host);
  const k = host.machine.kernel;
  const bridge = new Segment('docker0');
  const root = k.rootNet;
  const docker0 = root.addInterface('docker0', 'bridge', '02:42:8e:11:22:33');
  root.attach(docker0, bridge);
  docker0.up = true;
  root.addAddress('docker0', '172.17.0.1', 16);
  root.nat.push({ kind: 'masquerade', source: '172.17.0.0', prefix: 16, notInterface: 'docker0' });
  /** A container's namespace: eth0@ifN (a veth) with its address, default route through docker0. */
  const container = (address: string, mac: string, peerIndex: number) => {
    const ns = new NetNamespace();
    const eth0 = ns.addInterface('eth0', 'veth', mac, { index: 2 });
    eth0.peerIndex = peerIndex;
    ns.attach(eth0, bridge);
    eth0.up = true;
    ns.addAddress('eth0', address, 16);
    ns.addRoute({ destination: 'default', prefix: 0, gateway: '172.17.0.1', device: 'eth0' });
    return ns;
  };
  return { host, k, web: container('172.17.0.2', '02:42:ac:11:00:02', 7), client: container('172.17.0.3', '02:42:ac:11:00:03', 9), none: new NetNamespace() };
}

/** An HTTP server of the test's own on 127.0.0.1:port of the host. */
function serve(w: ReturnType<typeof world>, port: number, handler: HttpHandler) {
  w.k.net.serveStream(w.k.rootNet, '127.0.0.1', port, (stream, info) => void serveHttp(stream, info.remote.address, handler, () => Date.now(), 'test'));
}

/** A server that reads a request's head and answers with raw bytes (chunked bodies, broken servers). */
function serveRaw(w: ReturnType<typeof world>, port: number, answer: (stream: KernelStream) => Promise<void>) {
  w.k.net.serveStream(w.k.rootNet, '127.0.0.1', port, (stream) => {
    void (async () => {
      let head = '';
      while (!head.includes('\r\n\r\n')) {
        const d = await stream.read();
        if (d.length === 0) break;
        head += fromUtf8(d);
      }
      await answer(stream);
    })();
  });
}

const EXAMPLE_BAR = 'index.html           100% |********************************|   565  0:00:00 ETA\n';

// ---- wget ----------------------------------------------------------------------------------

describe('wget', () => {
  it('saves a page with busybox\'s messages and bar, and will not overwrite it', async () => {
    const w = world();
    const r = await run(w.host, ['wget', 'http://example.com/'], { cwd: '/tmp' });
    expect(r).toEqual({ stdout: '', stderr: `Connecting to example.com (93.184.215.14:80)\nsaving to 'index.html'\n${EXAMPLE_BAR}'index.html' saved\n`, code: 0 });
    expect(w.host.readFile('/tmp/index.html')).toContain('<title>Example Domain</title>');
    const again = await run(w.host, ['wget', 'http://example.com/'], { cwd: '/tmp' });
    expect(again).toEqual({ stdout: '', stderr: "Connecting to example.com (93.184.215.14:80)\nwget: can't open 'index.html': File exists\n", code: 1 });
  });

  it('-qO- prints only the body; -O - says where it writes', async () => {
    const w = world();
    const q = await run(w.host, ['wget', '-qO-', 'http://example.com/']);
    expect(q.stderr).toBe('');
    expect(q.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    const o = await run(w.host, ['wget', '-O', '-', 'example.com']);
    expect(o.stderr).toBe('Connecting to example.com (93.184.215.14:80)\nwriting to stdout\n-                    100% |********************************|   565  0:00:00 ETA\nwritten to stdout\n');
    expect(o.stdout).toBe(q.stdout);
  });

  it('reports HTTP errors, bad names, refusals, and a namespace without a network', async () => {
    const w = world();
    expect(await run(w.host, ['wget', 'http://example.com/nope'])).toEqual({ stdout: '', stderr: 'Connecting to example.com (93.184.215.14:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n', code: 1 });
    expect(await run(w.host, ['wget', 'http://nosuch.invalid/'])).toEqual({ stdout: '', stderr: "wget: bad address 'nosuch.invalid'\n", code: 1 });
    expect(await run(w.host, ['wget', 'http://127.0.0.1:8001/'])).toEqual({ stdout: '', stderr: "Connecting to 127.0.0.1:8001 (127.0.0.1:8001)\nwget: can't connect to remote host (127.0.0.1): Connection refused\n", code: 1 });
    expect(await run(w.host, ['wget', '-q', 'http://example.com/'], { net: w.none })).toEqual({ stdout: '', stderr: "wget: bad address 'example.com'\n", code: 1 });
    expect(await run(w.host, ['wget', '-q', 'http://93.184.215.14/'], { net: w.none })).toEqual({ stdout: '', stderr: "wget: can't connect to remote host (93.184.215.14): Network unreachable\n", code: 1 });
    expect(await run(w.host, ['wget', 'gopher://x/'])).toEqual({ stdout: '', stderr: 'wget: not an http or ftp url: gopher://x/\n', code: 1 });
    const usage = await run(w.host, ['wget']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/^BusyBox v1\.36\.1 .*\n\nUsage: wget \[-cqS\] \[--spider\]/);
  });

  it('--spider, -S, https on port 443', async () => {
    const w = world();
    expect(await run(w.host, ['wget', '--spider', 'http://example.com/'])).toEqual({ stdout: '', stderr: 'Connecting to example.com (93.184.215.14:80)\nremote file exists\n', code: 0 });
    const s = await run(w.host, ['wget', '-S', '-O', '/dev/null', 'https://example.com/']);
    expect(s.stderr).toMatch(/^Connecting to example\.com \(93\.184\.215\.14:443\)\n  HTTP\/1\.1 200 OK\n  Server: ECAcc \(nyd\/D184\)\n  Date: .* GMT\n  Content-Type: text\/html; charset=UTF-8\n  Content-Length: 565\n  Connection: close\n  \nsaving to '\/dev\/null'\nnull                 100% \|\*{32}\|   565  0:00:00 ETA\n'\/dev\/null' saved\n$/);
  });

  it('follows redirects and sends --header, -U and --post-data as busybox does', async () => {
    const w = world();
    serve(w, 8000, (req) => {
      if (req.target === '/redir') return { status: 302, headers: { Location: '/a.txt' } };
      if (req.target === '/abs') return { status: 301, headers: { Location: 'http://127.0.0.1:8000/a.txt' } };
      if (req.target === '/a.txt') return { status: 200, body: 'abc' };
      const head = [...req.headers].map(([k, v]) => `${k}=${v}`).join(';');
      return { status: 200, body: `${req.method} ${req.target} ${head} ${fromUtf8(req.body)}` };
    });
    const r = await run(w.host, ['wget', '-O', 'r.txt', 'http://127.0.0.1:8000/redir'], { cwd: '/tmp' });
    expect(r.stderr).toBe("Connecting to 127.0.0.1:8000 (127.0.0.1:8000)\nsaving to 'r.txt'\nr.txt                100% |********************************|     3  0:00:00 ETA\n'r.txt' saved\n");
    expect(w.host.readFile('/tmp/r.txt')).toBe('abc');
    const abs = await run(w.host, ['wget', '-O', '-', 'http://127.0.0.1:8000/abs']);
    expect(abs.stderr.match(/Connecting to/g)).toHaveLength(2);
    expect(abs.stdout).toBe('abc');
    const post = await run(w.host, ['wget', '-qO-', '--post-data', 'a=1&b=2', '--header', 'X-Foo: bar', '-U', 'myagent', 'http://127.0.0.1:8000/x']);
    expect(post.stdout).toBe('POST /x host=127.0.0.1:8000;user-agent=myagent;connection=close;x-foo=bar;content-type=application/x-www-form-urlencoded;content-length=7 a=1&b=2');
    const get = await run(w.host, ['wget', '-qO-', 'http://127.0.0.1:8000/echo']);
    expect(get.stdout).toBe('GET /echo host=127.0.0.1:8000;user-agent=Wget;connection=close ');
  });

  it('reads chunked bodies, and says so when a body stops short', async () => {
    const w = world();
    serveRaw(w, 8002, async (s) => {
      await s.write(utf8('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n'));
      s.close();
    });
    serveRaw(w, 8003, async (s) => {
      await s.write(utf8('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'));
      s.close();
    });
    expect((await run(w.host, ['wget', '-qO-', 'http://127.0.0.1:8002/'])).stdout).toBe('hello world');
    expect(await run(w.host, ['wget', '-qO-', 'http://127.0.0.1:8003/'])).toEqual({ stdout: 'abc', stderr: 'wget: connection closed prematurely\n', code: 1 });
  });

  it('draws the bar in place on a terminal', async () => {
    const w = world();
    const tty = w.k.createPty();
    let out = '';
    tty.onOutput((b) => (out += fromUtf8(b)));
    const { ended } = w.host.attach(['wget', '-O', '/dev/null', 'http://example.com/'], tty, { uid: 0 });
    await ended;
    expect(out).toBe("Connecting to example.com (93.184.215.14:80)\r\nsaving to '/dev/null'\r\n\rnull                 100% |********************************|   565  0:00:00 ETA\r\n'/dev/null' saved\r\n");
  });

  it('-T gives up on a server that never answers', async () => {
    const w = world();
    serveRaw(w, 8004, async () => undefined);
    expect(await run(w.host, ['wget', '-q', '-T', '1', 'http://127.0.0.1:8004/'])).toEqual({ stdout: '', stderr: 'wget: download timed out\n', code: 1 });
  });
});

// ---- nc ------------------------------------------------------------------------------------

describe('nc', () => {
  it('listens and connects; each side shuts down its sending half at the end of its input', async () => {
    const w = world();
    const server = await start(w.host, ['nc', '-lv', '-p', '8080'], { stdin: 'bye\n' });
    await listening(w.k.rootNet, 8080);
    const client = await run(w.host, ['nc', '-v', 'localhost', '8080'], { stdin: 'hello\n' });
    const s = await server.done;
    expect(client.stdout).toBe('bye\n');
    expect(client.stderr).toBe('localhost (127.0.0.1:8080) open\n');
    expect(s.stdout).toBe('hello\n');
    // A dual-stack listener on a real kernel: busybox prints IPv6 forms.
    expect(s.stderr).toMatch(/^listening on \[::\]:8080 \.\.\.\nconnect to \[::ffff:127\.0\.0\.1\]:8080 from localhost:\d+ \(\[::ffff:127\.0\.0\.1\]:\d+\)\n$/);
    expect([client.code, s.code]).toEqual([0, 0]);
  });

  it('shuts down its sending side at the end of input, then reads the answer until the peer closes', async () => {
    const w = world();
    w.k.net.serveStream(w.k.rootNet, '127.0.0.1', 7000, (stream) => {
      void (async () => {
        let got = '';
        for (let d = await stream.read(); d.length; d = await stream.read()) got += fromUtf8(d);
        await stream.write(utf8(`you said: ${got}`));
        stream.close();
      })();
    });
    expect(await run(w.host, ['nc', '127.0.0.1', '7000'], { stdin: 'hi\n' })).toEqual({ stdout: 'you said: hi\n', stderr: '', code: 0 });
  });

  it('reports a refusal only with -vv, and other failures with -v', async () => {
    const w = world();
    expect(await run(w.host, ['nc', 'localhost', '8081'])).toEqual({ stdout: '', stderr: '', code: 1 });
    expect(await run(w.host, ['nc', '-v', 'localhost', '8081'])).toEqual({ stdout: '', stderr: '', code: 1 });
    expect(await run(w.host, ['nc', '-vv', 'localhost', '8081'])).toEqual({ stdout: '', stderr: 'nc: localhost (127.0.0.1:8081): Connection refused\nsent 0, rcvd 0\n', code: 1 });
    expect(await run(w.host, ['nc', '-v', '10.1.1.1', '80'], { net: w.none })).toEqual({ stdout: '', stderr: 'nc: 10.1.1.1 (10.1.1.1:80): Network unreachable\n', code: 1 });
    expect(await run(w.host, ['nc', 'nosuchhost', '80'])).toEqual({ stdout: '', stderr: "nc: bad address 'nosuchhost'\n", code: 1 });
    expect(await run(w.host, ['nc', 'localhost', 'abc'])).toEqual({ stdout: '', stderr: "nc: bad port 'abc'\n", code: 1 });
    expect(await run(w.host, ['nc', '-w', 'abc', 'x', '1'])).toEqual({ stdout: '', stderr: "nc: invalid number 'abc'\n", code: 1 });
    const usage = await run(w.host, ['nc', '1', '2', '3']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n\n\t-e PROG\tRun PROG after connect (must be last)\n');
  });

  it('-z scans; ports resolve through /etc/services', async () => {
    const w = world();
    w.host.writeFile('/etc/services', 'http\t\t80/tcp\t\twww\n');
    expect(await run(w.host, ['nc', '-zv', 'example.com', 'http'])).toEqual({ stdout: '', stderr: 'example.com (93.184.215.14:80) open\n', code: 0 });
    expect(await run(w.host, ['nc', '-z', 'example.com', '81'])).toEqual({ stdout: '', stderr: '', code: 1 });
  });

  it('talks from one container to another across the bridge', async () => {
    const w = world();
    // The server's stdin stays open until the ping has arrived: a server whose
    // input ended at once would shut down its side first, and a client that
    // sees the peer's end before reading its own input drops it (busybox too).
    const server = await start(w.host, ['nc', '-l', '-p', '8080'], { net: w.web, keepStdin: true });
    await listening(w.web, 8080);
    const client = run(w.host, ['nc', '172.17.0.2', '8080'], { net: w.client, stdin: 'ping\n' });
    for (let i = 0; i < 400 && server.stdout() !== 'ping\n'; i++) await pause(5);
    server.close();
    expect(await client).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await server.done).toEqual({ stdout: 'ping\n', stderr: '', code: 0 });
  });

  it('-lk -e serves every connection with a new program', async () => {
    const w = world();
    const server = await start(w.host, ['nc', '-lk', '-p', '8090', '-e', 'echo', 'hi']);
    await listening(w.k.rootNet, 8090);
    expect(await run(w.host, ['nc', 'localhost', '8090'])).toEqual({ stdout: 'hi\n', stderr: '', code: 0 });
    expect(await run(w.host, ['nc', 'localhost', '8090'])).toEqual({ stdout: 'hi\n', stderr: '', code: 0 });
    w.k.deliver(server.process, SIGINT, w.k.rootPid);
    expect(await server.done).toEqual({ stdout: '', stderr: 'punt!\n', code: 128 + SIGINT });
  });

  it('carries UDP datagrams', async () => {
    const w = world();
    const server = await start(w.host, ['nc', '-u', '-l', '-p', '9001'], { keepStdin: true });
    await listening(w.k.rootNet, 9001, 'udp');
    const client = await start(w.host, ['nc', '-u', '127.0.0.1', '9001'], { stdin: 'over udp\n', keepStdin: true });
    await pause(100);
    w.k.deliver(server.process, SIGINT, w.k.rootPid);
    w.k.deliver(client.process, SIGINT, w.k.rootPid);
    expect((await server.done).stdout).toBe('over udp\n');
    expect((await client.done).stderr).toBe('punt!\n');
  });
});

// ---- ping ----------------------------------------------------------------------------------

// Linux gives ttl=64 between two containers on one bridge; Berth's kernel counts the bridge as a hop (see the report).
const pingLine = (from: string, seq: number) => new RegExp(`64 bytes from ${from.replace(/\./g, '\\.')}: seq=${seq} ttl=6[34] time=\\d+\\.\\d{3} ms\\n`);

describe('ping', () => {
  it('pings another container, with busybox\'s lines and statistics', async () => {
    const w = world();
    const r = await run(w.host, ['ping', '-c', '3', '-i', '0.01', '172.17.0.3'], { net: w.web });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      new RegExp(
        '^PING 172\\.17\\.0\\.3 \\(172\\.17\\.0\\.3\\): 56 data bytes\\n' +
          [0, 1, 2].map((s) => pingLine('172.17.0.3', s).source).join('') +
          '\\n--- 172\\.17\\.0\\.3 ping statistics ---\\n3 packets transmitted, 3 packets received, 0% packet loss\\nround-trip min/avg/max = \\d+\\.\\d{3}/\\d+\\.\\d{3}/\\d+\\.\\d{3} ms\\n$',
      ),
    );
  });

  it('-q keeps only the start and the statistics; -s changes the size', async () => {
    const w = world();
    const q = await run(w.host, ['ping', '-q', '-c', '2', '-i', '0.01', 'localhost']);
    expect(q.stdout).toMatch(/^PING localhost \(127\.0\.0\.1\): 56 data bytes\n\n--- localhost ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = [\d./]+ ms\n$/);
    const s = await run(w.host, ['ping', '-c', '1', '-s', '100', '127.0.0.1']);
    expect(s.stdout).toMatch(/^PING 127\.0\.0\.1 \(127\.0\.0\.1\): 100 data bytes\n108 bytes from 127\.0\.0\.1: seq=0 ttl=64 time=/);
  });

  it('fails as busybox does: no route, no name, no permission, nobody answering', async () => {
    const w = world();
    expect(await run(w.host, ['ping', '-c', '1', '8.8.8.8'], { net: w.none })).toEqual({ stdout: 'PING 8.8.8.8 (8.8.8.8): 56 data bytes\n', stderr: 'ping: sendto: Network unreachable\n', code: 1 });
    expect(await run(w.host, ['ping', '-c', '1', 'example.com'], { net: w.none })).toEqual({ stdout: '', stderr: "ping: bad address 'example.com'\n", code: 1 });
    expect(await run(w.host, ['ping', '-c', '1', '127.0.0.1'], { uid: 1000 })).toEqual({ stdout: 'PING 127.0.0.1 (127.0.0.1): 56 data bytes\n', stderr: 'ping: permission denied (are you root?)\n', code: 1 });
    const lost = await run(w.host, ['ping', '-c', '1', '-W', '1', '172.17.0.99'], { net: w.web });
    expect(lost).toEqual({ stdout: 'PING 172.17.0.99 (172.17.0.99): 56 data bytes\n\n--- 172.17.0.99 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n', stderr: '', code: 1 });
    const usage = await run(w.host, ['ping']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('Usage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-4,-6\t\tForce IP or IPv6 name resolution\n');
  });

  it('reaches the internet from a container, one router less each way', async () => {
    const w = world();
    const r = await run(w.host, ['ping', '-c', '1', 'example.com'], { net: w.web });
    expect(r.stdout).toMatch(/^PING example\.com \(93\.184\.215\.14\): 56 data bytes\n64 bytes from 93\.184\.215\.14: seq=0 ttl=\d+ time=/);
    expect(r.code).toBe(0);
  });

  it('-w ends at the deadline; ^C prints the statistics', async () => {
    const w = world();
    const d = await run(w.host, ['ping', '-w', '1', '-i', '0.3', '127.0.0.1']);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/\n4 packets transmitted, 4 packets received, 0% packet loss\n/);
    const tty = w.k.createPty();
    let out = '';
    tty.onOutput((b) => (out += fromUtf8(b)));
    const { ended } = w.host.attach(['ping', '-i', '0.05', '127.0.0.1'], tty, { uid: 0 });
    await pause(120);
    tty.input('\x03');
    expect(exitCode(await ended)).toBe(0);
    expect(out).toMatch(/^PING 127\.0\.0\.1 \(127\.0\.0\.1\): 56 data bytes\r\n(64 bytes from 127\.0\.0\.1: seq=\d+ ttl=64 time=[\d.]+ ms\r\n)+\^C\r\n--- 127\.0\.0\.1 ping statistics ---\r\n(\d+) packets transmitted, \d+ packets received, 0% packet loss\r\nround-trip/);
  });
});

// ---- nslookup ------------------------------------------------------------------------------

/** Docker's embedded DNS for a test: web → 172.17.0.2, nothing else. */
function embeddedDns(w: ReturnType<typeof world>, ns: NetNamespace) {
  w.k.net.serveDatagram(ns, '127.0.0.11', 53, (data, _from, reply) => {
    const q = decodeMessage(data);
    const question = q.questions[0]!;
    const known = question.name === 'web';
    const answers = known && question.type === TYPE.A ? [{ name: 'web', type: TYPE.A, ttl: 600, data: '172.17.0.2' }] : [];
    reply(encodeMessage({ id: q.id, flags: QR | RA | (q.flags & 0x0100) | (known ? 0 : AA) | (known ? RCODE.NOERROR : RCODE.NXDOMAIN), questions: q.questions, answers }));
  });
}

describe('nslookup', () => {
  it('asks the nameserver for A and AAAA and prints both answers', async () => {
    const w = world();
    embeddedDns(w, w.client);
    w.host.writeFile('/etc/resolv.conf', 'nameserver 127.0.0.11\noptions ndots:0\n');
    expect(await run(w.host, ['nslookup', 'web'], { net: w.client })).toEqual({
      stdout: 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.17.0.2\n\nNon-authoritative answer:\n\n',
      stderr: '',
      code: 0,
    });
    expect(await run(w.host, ['nslookup', 'nosuch'], { net: w.client })).toEqual({
      stdout: "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find nosuch: NXDOMAIN\n\n** server can't find nosuch: NXDOMAIN\n\n",
      stderr: '',
      code: 1,
    });
  });

  it('uses the simulated internet\'s resolver, or a server given', async () => {
    const w = world();
    const r = await run(w.host, ['nslookup', 'example.com']);
    expect(r.stdout).toBe('Server:\t\t10.0.2.3\nAddress:\t10.0.2.3:53\n\nNon-authoritative answer:\nName:\texample.com\nAddress: 93.184.215.14\n\nNon-authoritative answer:\n\n');
    const t = await run(w.host, ['nslookup', '-type=a', 'github.com', '8.8.8.8']);
    expect(t.stdout).toBe('Server:\t\t8.8.8.8\nAddress:\t8.8.8.8:53\n\nNon-authoritative answer:\nName:\tgithub.com\nAddress: 140.82.112.3\n\n');
    expect(await run(w.host, ['nslookup', '-type=bogus', 'x'])).toEqual({ stdout: '', stderr: 'nslookup: invalid query type "bogus"\n', code: 1 });
  });

  it('without a network cannot reach the server', async () => {
    const w = world();
    expect(await run(w.host, ['nslookup', 'example.com'], { net: w.none })).toEqual({ stdout: '', stderr: "nslookup: can't connect to remote host (10.0.2.3): Network unreachable\n", code: 1 });
  });
});

// ---- ip, ifconfig, route, netstat -----------------------------------------------------------

const CONTAINER_IP_ADDR = `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
2: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP qlen 1000
    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff
    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0
       valid_lft forever preferred_lft forever
`;

const CONTAINER_IFCONFIG = `eth0      Link encap:Ethernet  HWaddr 02:42:AC:11:00:02  
          inet addr:172.17.0.2  Bcast:172.17.255.255  Mask:255.255.0.0
          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1
          RX packets:0 errors:0 dropped:0 overruns:0 frame:0
          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0
          collisions:0 txqueuelen:1000 
          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)

lo        Link encap:Local Loopback  
          inet addr:127.0.0.1  Mask:255.0.0.0
          inet6 addr: ::1/128 Scope:Host
          UP LOOPBACK RUNNING  MTU:65536  Metric:1
          RX packets:0 errors:0 dropped:0 overruns:0 frame:0
          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0
          collisions:0 txqueuelen:1000 
          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)

`;

describe('ip', () => {
  it('shows a container\'s interfaces, routes and the way to the internet', async () => {
    const w = world();
    const opts = { net: w.web };
    expect(await run(w.host, ['ip', 'addr'], opts)).toEqual({ stdout: CONTAINER_IP_ADDR, stderr: '', code: 0 });
    expect((await run(w.host, ['ip', 'a', 's', 'eth0'], opts)).stdout).toBe(CONTAINER_IP_ADDR.slice(CONTAINER_IP_ADDR.indexOf('2: eth0')));
    expect((await run(w.host, ['ip', 'route'], opts)).stdout).toBe('default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n');
    expect((await run(w.host, ['ip', 'route', 'get', '8.8.8.8'], opts)).stdout).toBe('8.8.8.8 via 172.17.0.1 dev eth0  src 172.17.0.2 \n');
    expect((await run(w.host, ['ip', 'route', 'get', '172.17.0.9'], opts)).stdout).toBe('172.17.0.9 dev eth0  src 172.17.0.2 \n');
    expect((await run(w.host, ['ip', 'route', 'get', '172.17.0.2'], opts)).stdout).toBe('local 172.17.0.2 dev lo  src 172.17.0.2 \n');
    expect((await run(w.host, ['ip', 'route', 'get', '127.0.0.5'], opts)).stdout).toBe('local 127.0.0.5 dev lo  src 127.0.0.1 \n');
    expect((await run(w.host, ['ip', '-4', 'a'], opts)).stdout).toBe(CONTAINER_IP_ADDR.replace(/    link\/.*\n/g, '').replace(/    inet6 .*\n.*\n/, ''));
    expect((await run(w.host, ['ip', '-o', 'link'], opts)).stdout).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n2: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP qlen 1000\\    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n',
    );
  });

  it('--network none has only lo, and no way out', async () => {
    const w = world();
    expect((await run(w.host, ['ip', 'addr'], { net: w.none })).stdout).toBe(CONTAINER_IP_ADDR.slice(0, CONTAINER_IP_ADDR.indexOf('2: eth0')));
    expect((await run(w.host, ['ip', 'route'], { net: w.none })).stdout).toBe('');
    expect(await run(w.host, ['ip', 'route', 'get', '8.8.8.8'], { net: w.none })).toEqual({ stdout: '', stderr: 'ip: RTNETLINK answers: Network unreachable\n', code: 2 });
  });

  it('changes addresses, links and routes as root; refuses others with netlink\'s and the ioctls\' errors', async () => {
    const w = world();
    const opts = { net: w.web };
    expect(await run(w.host, ['ip', 'addr', 'add', '10.0.0.1/8', 'dev', 'eth0'], opts)).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await run(w.host, ['ip', 'addr', 'add', '10.0.0.1/8', 'dev', 'eth0'], opts)).toEqual({ stdout: '', stderr: 'ip: RTNETLINK answers: File exists\n', code: 2 });
    expect(await run(w.host, ['ip', 'addr', 'add', '1.2.3.4/8', 'dev', 'nosuch'], opts)).toEqual({ stdout: '', stderr: "ip: can't find device 'nosuch'\n", code: 1 });
    expect(await run(w.host, ['ip', 'addr', 'add', '1.2.3.4/8'], opts)).toEqual({ stdout: '', stderr: 'ip: need "dev IFACE"\n', code: 1 });
    expect((await run(w.host, ['ip', 'route'], opts)).stdout).toBe('default via 172.17.0.1 dev eth0 \n10.0.0.0/8 dev eth0 scope link  src 10.0.0.1 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n');
    expect(await run(w.host, ['ip', 'route', 'add', '10.1.0.0/16', 'via', '172.17.0.1'], opts)).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await run(w.host, ['ip', 'route', 'add', '10.1.0.0/16', 'via', '172.17.0.1'], opts)).toEqual({ stdout: '', stderr: 'ip: RTNETLINK answers: File exists\n', code: 2 });
    expect(await run(w.host, ['ip', 'route', 'add', '10.2.0.0/16', 'via', '9.9.9.9'], { net: w.none })).toEqual({ stdout: '', stderr: 'ip: RTNETLINK answers: Network unreachable\n', code: 2 });
    expect(await run(w.host, ['ip', 'route', 'del', '10.9.0.0/16'], opts)).toEqual({ stdout: '', stderr: 'ip: RTNETLINK answers: No such process\n', code: 2 });
    expect(await run(w.host, ['ip', 'route', 'del', '10.1.0.0/16'], opts)).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await run(w.host, ['ip', 'addr', 'del', '9.9.9.9/8', 'dev', 'eth0'], opts)).toEqual({ stdout: '', stderr: 'ip: RTNETLINK answers: Address not available\n', code: 2 });
    expect(await run(w.host, ['ip', 'link', 'set', 'eth0', 'down'], opts)).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(w.web.interface('eth0')!.up).toBe(false);
    expect((await run(w.host, ['ip', 'link', 'show', 'eth0'], opts)).stdout).toBe('2: eth0@if7: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN qlen 1000\n    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n');
    expect(await run(w.host, ['ip', 'link', 'set', 'nosuch', 'up'], opts)).toEqual({ stdout: '', stderr: 'ip: ioctl 0x8913 failed: No such device\n', code: 2 });
    expect(await run(w.host, ['ip', 'link', 'set', 'eth0', 'up'], { ...opts, uid: 1000 })).toEqual({ stdout: '', stderr: 'ip: ioctl 0x8914 failed: Operation not permitted\n', code: 2 });
    expect(await run(w.host, ['ip', 'addr', 'add', '1.1.1.1/8', 'dev', 'eth0'], { ...opts, uid: 1000 })).toEqual({ stdout: '', stderr: 'ip: RTNETLINK answers: Operation not permitted\n', code: 2 });
    expect(await run(w.host, ['ip', 'addr', 'flush', 'dev', 'eth0'], opts)).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(w.web.interface('eth0')!.addresses).toEqual([]);
  });

  it('complains about its command line as busybox does', async () => {
    const w = world();
    expect(await run(w.host, ['ip', 'addr', 'foo'])).toEqual({ stdout: '', stderr: "ip: invalid argument 'foo' to 'ip'\n", code: 1 });
    expect(await run(w.host, ['ip', 'route', 'get', 'bogus'])).toEqual({ stdout: '', stderr: 'ip: need at least destination address\n', code: 1 });
    const usage = await run(w.host, ['ip', 'foo']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]\n');
  });
});

describe('ifconfig, route, netstat', () => {
  it('ifconfig lists the interfaces that are up, by name; -a and a name show down ones', async () => {
    const w = world();
    expect(await run(w.host, ['ifconfig'], { net: w.web })).toEqual({ stdout: CONTAINER_IFCONFIG, stderr: '', code: 0 });
    w.web.interface('eth0')!.up = false;
    expect((await run(w.host, ['ifconfig'], { net: w.web })).stdout).toBe(CONTAINER_IFCONFIG.slice(CONTAINER_IFCONFIG.indexOf('lo ')));
    expect((await run(w.host, ['ifconfig', '-a'], { net: w.web })).stdout).toContain('          BROADCAST MULTICAST  MTU:1500  Metric:1\n');
    expect(await run(w.host, ['ifconfig', 'nosuch'], { net: w.web })).toEqual({ stdout: '', stderr: 'ifconfig: nosuch: error fetching interface information: Device not found\n', code: 1 });
  });

  it('ifconfig sets an address (bringing the link up) and refuses users', async () => {
    const w = world();
    w.web.interface('eth0')!.up = false;
    expect(await run(w.host, ['ifconfig', 'eth0', '10.1.2.3', 'netmask', '255.255.0.0'], { net: w.web })).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(w.web.interface('eth0')!).toMatchObject({ up: true, addresses: [{ address: '10.1.2.3', prefix: 16, broadcast: '10.1.255.255' }] });
    expect(await run(w.host, ['ifconfig', 'eth0', 'down'], { net: w.web, uid: 1000 })).toEqual({ stdout: '', stderr: 'ifconfig: ioctl 0x8914 failed: Operation not permitted\n', code: 1 });
    expect(await run(w.host, ['ifconfig', 'eth0', '1.1.1.1'], { net: w.web, uid: 1000 })).toEqual({ stdout: '', stderr: 'ifconfig: SIOCSIFADDR: Operation not permitted\n', code: 1 });
    expect(await run(w.host, ['ifconfig', 'nosuch', 'up'], { net: w.web })).toEqual({ stdout: '', stderr: 'ifconfig: ioctl 0x8913 failed: No such device\n', code: 1 });
    expect(await run(w.host, ['ifconfig', 'eth0', 'bogus'], { net: w.web })).toEqual({ stdout: '', stderr: "ifconfig: bad address 'bogus'\n", code: 1 });
  });

  it('route shows the table with and without names, adds and deletes', async () => {
    const w = world();
    const table = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
    expect((await run(w.host, ['route'], { net: w.web })).stdout).toBe(`${table}default         172.17.0.1      0.0.0.0         UG    0      0        0 eth0\n172.17.0.0      *               255.255.0.0     U     0      0        0 eth0\n`);
    expect((await run(w.host, ['route', '-n'], { net: w.web })).stdout).toBe(`${table}0.0.0.0         172.17.0.1      0.0.0.0         UG    0      0        0 eth0\n172.17.0.0      0.0.0.0         255.255.0.0     U     0      0        0 eth0\n`);
    expect(await run(w.host, ['route', 'add', '-net', '10.9.0.0', 'netmask', '255.255.0.0', 'gw', '172.17.0.1'], { net: w.web })).toEqual({ stdout: '', stderr: '', code: 0 });
    expect((await run(w.host, ['route', '-n'], { net: w.web })).stdout).toContain('\n10.9.0.0        172.17.0.1      255.255.0.0     UG    0      0        0 eth0\n');
    expect(await run(w.host, ['route', 'del', '-net', '10.9.0.0', 'netmask', '255.255.0.0'], { net: w.web })).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await run(w.host, ['route', 'del', '-net', '10.9.0.0', 'netmask', '255.255.0.0'], { net: w.web })).toEqual({ stdout: '', stderr: 'route: ioctl 0x890c failed: No such process\n', code: 1 });
    expect(await run(w.host, ['route', 'add', '-net', '10.8.0.0/16', 'gw', '10.99.0.1'], { net: w.web })).toEqual({ stdout: '', stderr: 'route: ioctl 0x890b failed: Network unreachable\n', code: 1 });
    expect(await run(w.host, ['route', 'add', '-net', '10.8.0.0/16', 'dev', 'eth0'], { net: w.web, uid: 1000 })).toEqual({ stdout: '', stderr: 'route: ioctl 0x890b failed: Operation not permitted\n', code: 1 });
    expect((await run(w.host, ['netstat', '-rn'], { net: w.web })).stdout).toBe(
      'Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n0.0.0.0         172.17.0.1      0.0.0.0         UG        0 0          0 eth0\n172.17.0.0      0.0.0.0         255.255.0.0     U         0 0          0 eth0\n',
    );
  });

  it('netstat lists listening and connected sockets', async () => {
    const w = world();
    const server = await start(w.host, ['nc', '-lk', '-p', '8080', '-e', 'cat'], { net: w.web });
    await listening(w.web, 8080);
    const header = 'Proto Recv-Q Send-Q Local Address           Foreign Address         State       ';
    expect((await run(w.host, ['netstat', '-tln'], { net: w.web })).stdout).toBe(`Active Internet connections (only servers)\n${header}\ntcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      \n`);
    expect((await run(w.host, ['netstat', '-tlnp'], { net: w.web })).stdout).toMatch(/^Active Internet connections \(only servers\)\nProto .* State       PID\/Program name    \ntcp        0      0 0\.0\.0\.0:8080            0\.0\.0\.0:\*               LISTEN      \S+\n$/);
    const client = await start(w.host, ['nc', '172.17.0.2', '8080'], { net: w.client, keepStdin: true });
    for (let i = 0; i < 400 && ![...w.client.bound.tcp.values()].flat().some((x) => x.state === 'connected'); i++) await pause(5);
    // The client's end (the server's accepted end is not in the kernel's socket table yet: see the report).
    const all = await run(w.host, ['netstat', '-an'], { net: w.client });
    expect(all.stdout).toMatch(/^Active Internet connections \(servers and established\)\n.*\ntcp        0      0 172\.17\.0\.3:\d+\s+172\.17\.0\.2:8080         ESTABLISHED \nActive UNIX domain sockets \(servers and established\)\nProto RefCnt Flags       Type       State         I-Node Path\n$/);
    w.k.deliver(client.process, SIGINT, w.k.rootPid);
    w.k.deliver(server.process, SIGINT, w.k.rootPid);
    await client.done;
    await server.done;
  });
});
