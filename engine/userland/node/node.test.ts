/**
 * node in the bundled node:20 image, against what Node 20 prints: the
 * version, -e and -p, a script with local modules and JSON, an http server
 * answering wget and curl through the emulated kernel, uncaught errors in
 * Node's format, process.exit, signals, and an endless loop that is stopped
 * while the rest of the machine keeps running.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../platform/node/index.ts';
import { testContainer, type TestContainer } from '../../../test/support/container.ts';

const platform = nodePlatform();
const node = () => testContainer(platform, 'node');

async function put(c: TestContainer, path: string, text: string): Promise<void> {
  const r = await c.run(['sh', '-c', `mkdir -p "$(dirname ${path})" && cat > ${path}`], { stdin: text });
  expect(r.code).toBe(0);
}

/** Shell: waits (up to 5 s) until something answers on a TCP port, as a lesson's `curl` after `docker run -d` would retry. */
const waitFor = (port: number) => `i=0; until nc -z 127.0.0.1 ${port} 2>/dev/null || [ $i -ge 50 ]; do i=$((i+1)); sleep 0.1; done`;

/** What the real node on this machine prints for a script (for differential checks). */
function realNode(files: Record<string, string>, main: string): { out: string; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'berth-node-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      const p = join(dir, name);
      execFileSync('mkdir', ['-p', join(p, '..')]);
      writeFileSync(p, text);
    }
    try {
      return { out: execFileSync('node', [join(dir, main)], { encoding: 'utf8', stdio: 'pipe', cwd: dir }), err: '' };
    } catch (err) {
      const e = err as { stdout: string; stderr: string };
      return { out: e.stdout, err: e.stderr.replaceAll(dir, '/app') };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const APP = `const http = require('http');
const { greet } = require('./lib/greet');
const config = require('./config.json');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end(greet(config.name) + ' ' + req.method + ' ' + req.url + '\\n');
});
server.listen(config.port, () => console.log('listening on ' + config.port));
process.on('SIGTERM', () => server.close(() => { console.log('closed'); process.exit(0); }));
`;

describe('node', () => {
  it('prints its version, evaluates -e and prints -p', async () => {
    const c = await node();
    expect(await c.run(['node', '-v'])).toEqual({ out: 'v20.18.0\n', err: '', code: 0 });
    expect(await c.run(['node', '--version'])).toEqual({ out: 'v20.18.0\n', err: '', code: 0 });
    expect((await c.run(['node', '-e', 'console.log(1+1)'])).out).toBe('2\n');
    expect((await c.run(['node', '-e', 'console.log({ a: 1, b: "x" }, [1, 2, 3], "%s=%d", "n", 4)'])).out).toBe("{ a: 1, b: 'x' } [ 1, 2, 3 ] %s=%d n 4\n");
    expect((await c.run(['node', '-p', '[1, 2, 3].map((x) => x * 2)'])).out).toBe('[ 2, 4, 6 ]\n');
    expect((await c.run(['node', '-p', 'process.argv.slice(1)', 'a', 'b'])).out).toBe("[ 'a', 'b' ]\n");
    expect((await c.run(['node', '-p', 'process.platform + " " + require("os").hostname()'])).out).toBe('linux pkgtest\n');
    expect((await c.run(['node', '-p', 'const add = new Function("a", "b", "return a + b"); [add(1, 2), add instanceof Function, eval("6 * 7"), typeof window, typeof globalThis.process]'])).out).toBe("[ 3, true, 42, 'undefined', 'object' ]\n");
  });

  it('reads a script from standard input when it is not a terminal', async () => {
    const c = await node();
    expect(await c.run(['node'], { stdin: 'const x = 21;\nconsole.log(x * 2);\n' })).toEqual({ out: '42\n', err: '', code: 0 });
    expect(await c.run(['node'], { stdin: '' })).toEqual({ out: '', err: '', code: 0 });
  });

  it('runs a script that requires local modules and JSON, with CommonJS semantics', async () => {
    const c = await node();
    await put(c, '/app/lib/greet.js', 'exports.greet = (name) => `Hello, ${name}!`;\nexports.where = [__filename, __dirname, module.id];\n');
    await put(c, '/app/config.json', '{ "name": "Berth", "port": 3000 }\n');
    await put(c, '/app/main.js', "const g = require('./lib/greet');\nconst again = require('./lib/greet.js');\nconsole.log(g.greet(require('./config').name), g === again, g.where, require.main === module, __filename);\n");
    const r = await c.run(['node', '/app/main.js']);
    expect(r).toEqual({ out: "Hello, Berth! true [ '/app/lib/greet.js', '/app/lib', '/app/lib/greet.js' ] true /app/main.js\n", err: '', code: 0 });
  });

  it('serves HTTP through the emulated kernel: wget and curl get answers, SIGTERM closes it', async () => {
    const c = await node();
    await put(c, '/app/lib/greet.js', 'exports.greet = (name) => `Hello, ${name}!`;\n');
    await put(c, '/app/config.json', '{ "name": "Berth", "port": 3000 }\n');
    await put(c, '/app/app.js', APP);
    const r = await c.run(['sh', '-c', `cd /app && node app.js & ${waitFor(3000)}; wget -qO- localhost:3000/x; wget -qO- http://127.0.0.1:3000/y?z=1; kill $(pidof node); wait; echo done`]);
    expect(r.err).toBe('');
    expect(r.out).toBe('listening on 3000\nHello, Berth! GET /x\nHello, Berth! GET /y?z=1\nclosed\ndone\n');
  });

  it('answers with the headers Node sends', async () => {
    const c = await node();
    await put(c, '/app/h.js', "require('http').createServer((req, res) => { res.setHeader('X-Powered-By', 'Berth'); res.end(JSON.stringify({ path: req.url, ua: req.headers['user-agent'] })); }).listen(8080);\n");
    const r = await c.run(['sh', '-c', `node /app/h.js & ${waitFor(8080)}; wget -S -O - localhost:8080/api 2>&1; kill $(pidof node)`]);
    expect(r.out).toMatch(/^Connecting to localhost:8080 \(127\.0\.0\.1:8080\)\n {2}HTTP\/1\.1 200 OK\n {2}X-Powered-By: Berth\n {2}Date: \w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT\n {2}Connection: close\n {2}Content-Length: 27\n/);
    expect(r.out).toContain('{"path":"/api","ua":"Wget"}');
  });

  it('answers curl with keep-alive and chunked bodies, as Node does', async () => {
    const c = await node();
    expect((await c.run(['apk', 'add', '-q', '--no-cache', 'curl'])).code).toBe(0);
    await put(c, '/app/c.js', "require('http').createServer((req, res) => { res.writeHead(201, { 'Content-Type': 'text/plain' }); res.write('a'); res.end('b'); }).listen(3000);\n");
    const r = await c.run(['sh', '-c', `node /app/c.js & ${waitFor(3000)}; curl -si localhost:3000/; kill $(pidof node)`]);
    expect(r.out).toMatch(/^HTTP\/1\.1 201 Created\r\nContent-Type: text\/plain\r\nDate: .* GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nTransfer-Encoding: chunked\r\n\r\nab$/);
  });

  it('is a client too: http.get and fetch reach a server of its own', async () => {
    const c = await node();
    const script = `const http = require('http');
const server = http.createServer((req, res) => { let body = ''; req.on('data', (d) => (body += d)); req.on('end', () => res.end(req.method + ' ' + body)); });
server.listen(4000, async () => {
  http.get('http://localhost:4000/', (res) => {
    let b = ''; res.on('data', (d) => (b += d)); res.on('end', async () => {
      console.log(res.statusCode, b, res.headers['content-length']);
      const r = await fetch('http://127.0.0.1:4000/', { method: 'POST', body: 'hi' });
      console.log(r.status, await r.text());
      server.close();
    });
  });
});
`;
    expect(await c.run(['node', '-e', script])).toEqual({ out: '200 GET  4\n200 POST hi\n', err: '', code: 0 });
  });

  it('prints an uncaught exception as Node does and exits with 1', async () => {
    const c = await node();
    const files = { 'boom.js': "const x = 1;\nfunction f() {\n  throw new Error('boom');\n}\nf();\n" };
    await put(c, '/app/boom.js', files['boom.js']);
    const r = await c.run(['node', '/app/boom.js']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`/app/boom.js:3
  throw new Error('boom');
  ^

Error: boom
    at f (/app/boom.js:3:9)
    at Object.<anonymous> (/app/boom.js:5:1)
    at Module._compile (node:internal/modules/cjs/loader:1469:14)
    at Module._extensions..js (node:internal/modules/cjs/loader:1548:10)
    at Module.load (node:internal/modules/cjs/loader:1288:32)
    at Module._load (node:internal/modules/cjs/loader:1104:12)
    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)
    at node:internal/main/run_main_module:28:49

Node.js v20.18.0
`);
    // The same layout as the real node (whose internal line numbers are its own version's).
    const real = realNode(files, 'boom.js');
    const shape = (s: string) => s.replace(/node:internal\S+/g, 'INTERNAL').replace(/Node\.js v[\d.]+/, 'NODE');
    expect(shape(r.err).split('\n').slice(0, 7)).toEqual(shape(real.err).split('\n').slice(0, 7));
  });

  it('reports errors in callbacks, syntax errors and missing modules in Node\'s words', async () => {
    const c = await node();
    const timer = await c.run(['node', '-e', 'setTimeout(() => { null.x }, 1);']);
    expect(timer.err).toBe("[eval]:1\nsetTimeout(() => { null.x }, 1);\n                        ^\n\nTypeError: Cannot read properties of null (reading 'x')\n    at Timeout._onTimeout ([eval]:1:25)\n    at listOnTimeout (node:internal/timers:581:17)\n    at process.processTimers (node:internal/timers:519:7)\n\nNode.js v20.18.0\n");
    await put(c, '/app/bad.js', 'const a = 1;\nfoo(;\n');
    const syntax = await c.run(['node', '/app/bad.js']);
    expect(syntax.err.split('\n').slice(0, 5)).toEqual(['/app/bad.js:2', 'foo(;', '    ^', '', "SyntaxError: Unexpected token ';'"]);
    const missing = await c.run(['node', '-e', "require('express')"]);
    expect(missing.err).toMatch(/^node:internal\/modules\/cjs\/loader:1228\n {2}throw err;\n {2}\^\n\nError: Cannot find module 'express'\nRequire stack:\n- \/\[eval\]\n/);
    expect(missing.err).toContain("  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '/[eval]' ]\n}\n\nNode.js v20.18.0\n");
    const nofile = await c.run(['node', 'nope.js']);
    expect(nofile.code).toBe(1);
    expect(nofile.err).toContain("Error: Cannot find module '/nope.js'\n    at Module._resolveFilename");
    const thrown = await c.run(['node', '-e', "throw 'str'"]);
    expect(thrown.err).toBe("\n[eval]:1\nthrow 'str'\n^\nstr\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n\nNode.js v20.18.0\n");
  });

  it('ends the process on an unhandled rejection, unless someone listens', async () => {
    const c = await node();
    const r = await c.run(['node', '-e', 'async function main() { await null; throw new Error("late"); }\nmain();']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^node:internal\/process\/promises:391\n {4}triggerUncaughtException\(err, true \/\* fromPromise \*\/\);\n {4}\^\n\nError: late\n/);
    const handled = await c.run(['node', '-e', 'process.on("unhandledRejection", (r) => console.log("caught", r)); Promise.reject(7); main().catch((e) => console.log(e.message)); async function main() { throw new Error("m") }']);
    expect(handled).toEqual({ out: 'm\ncaught 7\n', err: '', code: 0 });
  });

  it('exits with process.exit and exitCode, after the exit event', async () => {
    const c = await node();
    const r = await c.run(['node', '-e', 'process.on("exit", (c) => console.log("exit", c)); console.log("a"); try { process.exit(5) } catch {} console.log("b")']);
    expect(r).toEqual({ out: 'a\nexit 5\n', err: '', code: 5 });
    expect((await c.run(['node', '-e', 'process.exitCode = 3'])).code).toBe(3);
  });

  it('dies of SIGTERM without a handler, and runs one when there is', async () => {
    const c = await node();
    await c.run(['node', '-e', '1']);
    const plain = await c.run(['sh', '-c', 'node -e "setInterval(() => {}, 1000)" & sleep 0.5; kill $(pidof node); wait; echo done']);
    expect(plain.out).toBe('done\n');
    const handled = await c.run(['sh', '-c', 'node -e "process.on(\'SIGTERM\', (s) => { console.log(\'got\', s); process.exit(0) }); setInterval(() => {}, 1000)" & sleep 0.5; kill $(pidof node); wait; echo done']);
    expect(handled.out).toBe('got SIGTERM\ndone\n');
  });

  it('stops an endless loop without freezing the machine', async () => {
    const c = await node();
    let ticks = 0;
    let lastTick = Date.now();
    let longestGap = 0;
    const interval = setInterval(() => {
      const now = Date.now();
      longestGap = Math.max(longestGap, now - lastTick);
      lastTick = now;
      ticks++;
    }, 10);
    try {
      const r = await c.run(['node', '-e', 'let n = 0;\nsetInterval(() => n++, 10);\nsetTimeout(() => {\n  console.log("ticked", n > 3);\n  while (true) {}\n}, 100);']);
      expect(r.out).toBe('ticked true\n');
      expect(r.err).toBe('berth: node: [eval]:5: the script ran for more than 1.5 s without returning to the event loop (an endless loop?).\nBerth stopped it: the emulated machine shares one thread with this page, so a script may not keep it that long. Real Node would keep running.\n');
      expect(r.code).toBe(1);
      const before = ticks;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ticks).toBeGreaterThan(before);
      // The page waits one slice (1.5 s) at most, however busy the test machine is, give or take.
      expect(longestGap).toBeLessThan(5000);
      // Catching the guard's error does not help; recursion and promise loops are caught too.
      const scripts = ['for (;;) { try { while (true) {} } catch (e) {} }', 'const f = (n) => n < 2 ? n : f(n - 1) + f(n - 2); f(60)', '(async () => { for (;;) await null })()', 'new Function("while (true) {}")()', 'eval("for (;;);")'];
      for (const script of scripts) {
        const s = await c.run(['node', '-e', script]);
        expect(s.code).toBe(1);
        expect(s.err).toContain('without returning to the event loop');
      }
    } finally {
      clearInterval(interval);
    }
  }, 30_000);

  it('runs ES modules (.mjs, "type": "module") and refuses import in CommonJS as Node 20.18 does', async () => {
    const c = await node();
    await put(c, '/app/lib.mjs', "export default function hi() { return 'hi'; }\nexport const n = 1;\nexport class C {}\n");
    await put(c, '/app/main.mjs', "import hi, { n } from './lib.mjs';\nimport * as ns from './lib.mjs';\nimport { join } from 'node:path';\nconst later = await import('./lib.mjs');\nconsole.log(hi(), n, ns.n, later.n, join('a', 'b'), import.meta.url, typeof require);\n");
    expect(await c.run(['node', '/app/main.mjs'])).toEqual({ out: 'hi 1 1 1 a/b file:///app/main.mjs undefined\n', err: '', code: 0 });
    await put(c, '/app/pkg/package.json', '{ "type": "module" }\n');
    await put(c, '/app/pkg/server.js', "import { createServer } from 'http';\nconst server = createServer((req, res) => res.end('esm'));\nserver.listen(3000, () => { console.log('up'); server.close(); });\n");
    expect((await c.run(['node', '/app/pkg/server.js'])).out).toBe('up\n');
    const dirname = await c.run(['node', '/app/pkg/d.mjs']);
    expect(dirname.err).toContain("Cannot find module '/app/pkg/d.mjs'");
    await put(c, '/app/pkg/d.mjs', 'console.log(__dirname);\n');
    expect((await c.run(['node', '/app/pkg/d.mjs'])).err).toBe('file:///app/pkg/d.mjs:1\nconsole.log(__dirname);\n            ^\n\nReferenceError: __dirname is not defined in ES module scope\n    at file:///app/pkg/d.mjs:1:13\n    at ModuleJob.run (node:internal/modules/esm/module_job:234:25)\n    at async ModuleLoader.import (node:internal/modules/esm/loader:473:24)\n    at async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:123:5)\n\nNode.js v20.18.0\n');
    await put(c, '/app/cjs.js', "import http from 'http';\n");
    const cjs = await c.run(['node', '/app/cjs.js']);
    expect(cjs.err.split('\n').slice(0, 7)).toEqual([
      '(node:1) Warning: To load an ES module, set "type": "module" in the package.json or use the .mjs extension.',
      '(Use `node --trace-warnings ...` to show where the warning was created)',
      '/app/cjs.js:1',
      "import http from 'http';",
      '^^^^^^',
      '',
      'SyntaxError: Cannot use import statement outside a module',
    ]);
  });

  it('reads and writes files with fs: sync, callbacks and promises', async () => {
    const c = await node();
    await put(c, '/app/data/in.txt', 'line 1\nline 2\n');
    const script = `const fs = require('fs'); const path = require('path');
const text = fs.readFileSync(path.join(__dirname, 'data', 'in.txt'), 'utf8');
fs.writeFileSync('/app/data/out.txt', text.toUpperCase());
fs.appendFileSync('/app/data/out.txt', 'END\\n');
console.log(fs.readFileSync('/app/data/out.txt', 'utf8').split('\\n'), fs.existsSync('/app/nope'), fs.statSync('/app/data').isDirectory());
fs.mkdirSync('/app/a/b', { recursive: true });
console.log(fs.readdirSync('/app').sort());
fs.readFile('/app/data/in.txt', 'utf8', (err, d) => console.log('callback', err, d.length));
fs.promises.readFile('/app/missing.txt').catch((e) => console.log('promise', e.code, e.message));
try { fs.readFileSync('/app/missing.txt') } catch (e) { console.log('sync', e.message, e.errno, e.syscall) }
`;
    await put(c, '/app/fs.js', script);
    const r = await c.run(['node', '/app/fs.js']);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      "[ 'LINE 1', 'LINE 2', 'END', '' ] false true\n[ 'a', 'data', 'fs.js' ]\nsync ENOENT: no such file or directory, open '/app/missing.txt' -2 open\ncallback null 14\npromise ENOENT ENOENT: no such file or directory, open '/app/missing.txt'\n",
    );
    expect(c.read('/app/data/out.txt')).toBe('LINE 1\nLINE 2\nEND\n');
  });

  it('reads synchronously a file it did not read ahead at the second attempt (an emulation difference)', async () => {
    const c = await node();
    const script = 'const fs = require("fs");\nsetTimeout(() => {\n  try { fs.readFileSync("/tmp/late.txt") } catch (e) { console.log(e.code) }\n  setTimeout(() => console.log(fs.readFileSync("/tmp/late.txt", "utf8").trim()), 200);\n}, 500);';
    const r = await c.run(['sh', '-c', `node -e '${script}' & sleep 0.2; echo hi > /tmp/late.txt; wait`]);
    expect(r.out).toBe('EAGAIN\nhi\n');
    expect(r.err).toMatch(/^berth: node: fs\.readFileSync\('\/tmp\/late\.txt'\): this file was not read ahead/);
  });

  it('runs real packages from node_modules as the real node does', async () => {
    const c = await node();
    const nm = join(__dirname, '../../../node_modules');
    const files: Record<string, string> = {};
    const copy = (dir: string) => {
      for (const name of readdirSync(join(nm, dir))) {
        const rel = `${dir}/${name}`;
        if (statSync(join(nm, rel)).isDirectory()) {
          if (name !== 'dist' && name !== 'test') copy(rel);
        } else if (/\.(js|json)$/.test(name)) files[`node_modules/${rel}`] = readFileSync(join(nm, rel), 'utf8');
      }
    };
    for (const pkg of ['minimist', 'ms', 'crc-32', 'pako', 'picomatch', 'diff3']) copy(pkg);
    files['main.js'] = `const minimist = require('minimist'); const ms = require('ms'); const crc = require('crc-32');
const pako = require('pako'); const pm = require('picomatch'); const diff3 = require('diff3');
console.log(minimist(['--port=3000', '-v', 'file.txt']), ms('2 days'), ms(90000), crc.str('hello'));
const input = 'hello hello hello world '.repeat(50);
const z = pako.deflate(input);
console.log(z.length, pako.inflate(z, { to: 'string' }) === input);
const isJs = pm('**/*.js');
console.log(['a.js', 'b.ts', 'src/c.js'].map((f) => isJs(f)), pm.scan('src/**/*.js'), pm.makeRe('*.{js,ts}'));
console.log(diff3('a\\nb\\nc'.split('\\n'), 'a\\nb\\nc'.split('\\n'), 'a\\nx\\nc'.split('\\n')));
`;
    for (const [name, text] of Object.entries(files)) await put(c, `/app/${name}`, text);
    const r = await c.run(['node', '/app/main.js']);
    const real = realNode(files, 'main.js');
    expect(r.err).toBe('');
    expect(r.out).toBe(real.out);
  }, 30_000);
;
});

describe('the node REPL', () => {
  it('evaluates lines on a terminal, keeps declarations, and keeps timers running', async () => {
    const { bootHost } = await import('../host.ts');
    const { encodeExecutable } = await import('../../common/executable.ts');
    const { TerminalSession } = await import('../tui/session.ts');
    const host = bootHost(platform);
    host.writeFile('/usr/local/bin/node', encodeExecutable({ program: 'node', version: '20.18.0' }), 0o755);
    const s = TerminalSession.start(host, ['node'], { uid: 0, cwd: '/root', rows: 40 });
    await s.idle(50);
    for (const line of ['1 + 1', 'const a = 5', 'a * 2', 'function f(x) {', 'return x + 1 }', 'f(a)', 'null.x', 'function g() { throw new Error("in g") }', 'g()', 'setTimeout(() => console.log("later"), 50); "now"']) await s.type(`${line}\r`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await s.type('.exit\r');
    expect(await s.exit()).toBe(0);
    expect(s.screen()).toBe(
      [
        'Welcome to Node.js v20.18.0.',
        'Type ".help" for more information.',
        '> 1 + 1',
        '2',
        '> const a = 5',
        'undefined',
        '> a * 2',
        '10',
        '> function f(x) {',
        '... return x + 1 }',
        'undefined',
        '> f(a)',
        '6',
        '> null.x',
        "Uncaught TypeError: Cannot read properties of null (reading 'x')",
        '> function g() { throw new Error("in g") }',
        'undefined',
        '> g()',
        'Uncaught Error: in g',
        '    at g (REPL8:1:22)',
        '> setTimeout(() => console.log("later"), 50); "now"',
        "'now'",
        '> later',
        '.exit',
      ].join('\n'),
    );
    expect(s.modesRestored()).toBe(true);
  }, 20_000);
});
