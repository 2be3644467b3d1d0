/**
 * The git program as a Web Worker gets it: bundled by esbuild for the
 * browser (so isomorphic-git's ESM build and the `buffer` package are what
 * get bundled, and no Node built-in may be), then run in a V8 context that
 * has only what a worker has — no Buffer, process, require or global.
 *
 * The program runs against a small in-memory Sys defined in the bundle's
 * own entry, so that this checks the git program alone, whatever the state
 * of the rest of the engine's browser build.
 */
import { webcrypto } from 'node:crypto';
import * as vm from 'node:vm';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const engine = new URL('../..', import.meta.url).pathname;

/** A minimal process for the program: files in maps, one working directory, no children. */
const ENTRY = `
import { git } from './userland/git/main.ts';
import { FsError } from './fs/errno.ts';

const S_IFDIR = 0o040000, S_IFREG = 0o100000, S_IFLNK = 0o120000;
let ino = 1;
const enc = new TextEncoder();

export async function run(commands, env) {
  const nodes = new Map([['/', { mode: S_IFDIR | 0o755, ino: ino++, mtimeMs: 0 }]]);
  let clock = 1700000000000;
  const results = [];
  for (const argv of commands) {
    let cwd = argv.cwd ?? '/work';
    const out = [], err = [];
    const files = new Map();
    let nextFd = 3;
    const norm = (p) => {
      const parts = [];
      for (const c of (p.startsWith('/') ? p : cwd + '/' + p).split('/')) {
        if (c === '' || c === '.') continue;
        if (c === '..') parts.pop(); else parts.push(c);
      }
      return '/' + parts.join('/');
    };
    const get = (p, call) => {
      const n = nodes.get(norm(p));
      if (!n) throw new FsError('ENOENT', call, p);
      return n;
    };
    const parentOf = (p) => norm(p).replace(/\\/[^/]*$/, '') || '/';
    const stat = (n) => ({ dev: 1, ino: n.ino, mode: n.mode, nlink: 1, uid: 0, gid: 0, rdev: 0, size: n.data ? n.data.length : n.target ? n.target.length : 4096, blksize: 4096, blocks: 0, atimeMs: n.mtimeMs, mtimeMs: n.mtimeMs, ctimeMs: n.mtimeMs });
    const follow = (p) => { let n = get(p, 'stat'); let guard = 0; while (n.target !== undefined && guard++ < 8) n = get(n.target.startsWith('/') ? n.target : parentOf(p) + '/' + n.target, 'stat'); return n; };
    const create = (p, node) => {
      if (nodes.has(norm(p))) throw new FsError('EEXIST', 'create', p);
      get(parentOf(p), 'create');
      nodes.set(norm(p), { ino: ino++, mtimeMs: clock, ...node });
    };
    const sys = {
      pid: 2, ppid: 1, argv: ['git', ...argv.args], env: Object.entries(env).map(([k, v]) => k + '=' + v),
      getuid: () => 0, geteuid: () => 0, getgid: () => 0, getegid: () => 0, getgroups: () => [0], umask: () => 0o022,
      uname: () => ({ sysname: 'Linux', nodename: 'worker', release: '6', version: '1', machine: 'x86_64', domainname: '(none)' }),
      getcwd: () => cwd,
      chdir: (p) => { get(p, 'chdir'); cwd = norm(p); },
      stat: (p) => stat(follow(p)), lstat: (p) => stat(get(p, 'lstat')),
      access: (p, mode) => { const n = follow(p); if (mode & 1 && !(n.mode & 0o111)) throw new FsError('EACCES', 'access', p); },
      readlink: (p) => { const n = get(p, 'readlink'); if (n.target === undefined) throw new FsError('EINVAL', 'readlink', p); return n.target; },
      realpath: (p) => { follow(p); return norm(p); },
      readdir: (p) => { const d = norm(p); get(d, 'readdir'); const pre = d === '/' ? '/' : d + '/'; return [...nodes.keys()].filter((k) => k !== d && k.startsWith(pre) && !k.slice(pre.length).includes('/')).map((k) => k.slice(pre.length)); },
      mkdir: (p, mode = 0o777) => create(p, { mode: S_IFDIR | (mode & 0o755) }),
      rmdir: (p) => { const d = norm(p); if ([...nodes.keys()].some((k) => k.startsWith(d + '/'))) throw new FsError('ENOTEMPTY', 'rmdir', p); get(d, 'rmdir'); nodes.delete(d); },
      unlink: (p) => { get(p, 'unlink'); nodes.delete(norm(p)); },
      rename: (a, b) => { const n = get(a, 'rename'); const from = norm(a), to = norm(b); for (const [k, v] of [...nodes]) if (k === from || k.startsWith(from + '/')) { nodes.delete(k); nodes.set(to + k.slice(from.length), v); } void n; },
      symlink: (t, p) => create(p, { mode: S_IFLNK | 0o777, target: t }),
      chmod: (p, mode) => { const n = follow(p); n.mode = (n.mode & ~0o7777) | mode; },
      utimes: () => {},
      open: (p, flags, mode = 0o666) => {
        const f = typeof flags === 'string' ? { read: flags.includes('r') || flags.includes('+'), write: flags !== 'r', create: flags !== 'r' && flags !== 'r+', truncate: flags.startsWith('w'), append: flags.startsWith('a'), exclusive: false } : flags;
        let n = nodes.get(norm(p));
        if (!n) { if (!f.create) throw new FsError('ENOENT', 'open', p); create(p, { mode: S_IFREG | (mode & 0o755), data: new Uint8Array(0) }); n = nodes.get(norm(p)); }
        else if (f.exclusive) throw new FsError('EEXIST', 'open', p);
        if (n.mode & S_IFDIR) throw new FsError('EISDIR', 'open', p);
        if (f.truncate) { n.data = new Uint8Array(0); n.mtimeMs = clock; }
        const fd = nextFd++;
        files.set(fd, { n, pos: f.append ? n.data.length : 0, append: f.append });
        return fd;
      },
      close: (fd) => files.delete(fd),
      isatty: () => false,
      read: async (fd, max = 65536) => { const f = files.get(fd); if (!f) return new Uint8Array(0); const d = f.n.data.slice(f.pos, f.pos + max); f.pos += d.length; return d; },
      write: async (fd, data) => {
        const bytes = typeof data === 'string' ? enc.encode(data) : data;
        if (fd === 1) { out.push(bytes); return bytes.length; }
        if (fd === 2) { err.push(bytes); return bytes.length; }
        const f = files.get(fd);
        const at = f.append ? f.n.data.length : f.pos;
        const next = new Uint8Array(Math.max(f.n.data.length, at + bytes.length));
        next.set(f.n.data); next.set(bytes, at);
        f.n.data = next; f.pos = at + bytes.length; f.n.mtimeMs = clock;
        return bytes.length;
      },
      now: () => (clock += 1000),
      checkpoint: async () => {},
      spawn: async () => { throw new FsError('ENOENT', 'spawn'); },
      waitpid: async () => null,
      getWinsize: () => { throw new FsError('ENOTTY', 'ioctl'); },
    };
    for (const [path, content] of Object.entries(argv.files ?? {})) {
      let dir = '';
      for (const part of path.split('/').slice(1, -1)) { dir += '/' + part; if (!nodes.has(dir)) nodes.set(dir, { mode: S_IFDIR | 0o755, ino: ino++, mtimeMs: clock }); }
      nodes.set(path, { mode: S_IFREG | 0o644, ino: ino++, mtimeMs: clock, data: enc.encode(content) });
    }
    const code = await git(sys);
    const dec = new TextDecoder();
    const text = (parts) => dec.decode(parts.reduce((a, b) => { const c = new Uint8Array(a.length + b.length); c.set(a); c.set(b, a.length); return c; }, new Uint8Array(0)));
    results.push({ code, stdout: text(out), stderr: text(err) });
  }
  return results;
}
`;

async function bundle(): Promise<{ code: string; metafile: Metafile }> {
  const r = await build({
    stdin: { contents: ENTRY, resolveDir: engine, loader: 'ts', sourcefile: 'worker-entry.ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'BerthGit',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: r.outputFiles[0]!.text, metafile: r.metafile };
}

/** The globals a dedicated worker has that the engine relies on (see engine/universal.d.ts). */
function workerContext(): vm.Context {
  return vm.createContext({
    TextEncoder,
    TextDecoder,
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    performance,
    crypto: webcrypto,
  });
}

describe('git in a Web Worker', () => {
  it('bundles isomorphic-git’s ESM build and the buffer package, and nothing from Node', async () => {
    const { metafile } = await bundle();
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('node_modules/isomorphic-git/index.js');
    expect(inputs.some((i) => i.startsWith('node_modules/isomorphic-git/index.cjs'))).toBe(false);
    expect(inputs).toContain('node_modules/buffer/index.js');
    expect(inputs.filter((i) => i.startsWith('node:'))).toEqual([]);
  }, 60_000);

  it('runs init, add, commit, status and log without Node globals', async () => {
    const { code } = await bundle();
    const ctx = workerContext();
    vm.runInContext(code, ctx);
    expect(vm.runInContext('typeof process + typeof require', ctx)).toBe('undefinedundefined');
    const env = { HOME: '/root', GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: '1700000000 +0000', GIT_COMMITTER_DATE: '1700000000 +0000' };
    ctx.commands = [
      { args: ['init', '-q'], files: { '/work/hello.txt': 'hello\n', '/root/.keep': '' } },
      { args: ['add', 'hello.txt'] },
      { args: ['commit', '-m', 'first'] },
      { args: ['status'] },
      { args: ['log', '--oneline'] },
    ];
    ctx.env = env;
    const results = (await vm.runInContext('BerthGit.run(commands, env)', ctx)) as { code: number; stdout: string; stderr: string }[];
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    // The same commit id real git makes for this content, author and date.
    expect(results[2]!.stdout).toBe('[master (root-commit) 161f392] first\n 1 file changed, 1 insertion(+)\n create mode 100644 hello.txt\n');
    expect(results[3]!.stdout).toBe('On branch master\nnothing to commit, working tree clean\n');
    expect(results[4]!.stdout).toBe('161f392 first\n');
    // The Buffer isomorphic-git needs was provided inside the worker, not leaked from Node.
    expect(vm.runInContext('typeof Buffer', ctx)).toBe('function');
    expect(vm.runInContext('Buffer', ctx)).not.toBe(Buffer);
  }, 60_000);
});

