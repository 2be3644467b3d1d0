/**
 * CommonJS as Node loads it: `require` resolves a built-in (`http`,
 * `node:fs`), a relative or absolute path (trying `.js`, `.json`, a
 * directory's package.json `main` and `index.js`) or a package in the
 * `node_modules` directories above the requiring file; each file is wrapped
 * in `(exports, require, module, __filename, __dirname)` and run once, its
 * `module.exports` cached by filename (`require.cache`).
 *
 * File contents come from the process's file cache (./files.ts), which is
 * filled before the script starts by following the requires it names.
 */
import type { NodeContext } from './context.ts';
import { codeError, nodeFrames } from './errors.ts';
import type { FileCache } from './files.ts';
import { makePath } from './path.ts';
import { esmToCommonJs } from './esm.ts';
import type { EsmScope } from './sandbox.ts';
import { kNodeSite, locateSyntaxError } from './stack.ts';

export class Module {
  id: string;
  path: string;
  exports: unknown = {};
  filename: string;
  loaded = false;
  children: Module[] = [];
  paths: string[];
  require!: NodeRequire;
  constructor(filename: string, readonly parent: Module | null | undefined, path: ReturnType<typeof makePath>) {
    this.id = filename;
    this.filename = filename;
    this.path = path.dirname(filename);
    this.paths = nodeModulePaths(this.path);
  }
}

export type NodeRequire = ((id: string) => unknown) & { resolve: (id: string) => string; cache: Record<string, Module>; main: Module | undefined };

export function nodeModulePaths(dir: string): string[] {
  const out: string[] = [];
  const parts = dir.split('/').filter(Boolean);
  for (let i = parts.length; i >= 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    out.push(`/${[...parts.slice(0, i), 'node_modules'].join('/')}`);
  }
  return out;
}

/** Node's built-in module names (for `require('x')` and `module.builtinModules`). */
export const BUILTIN_NAMES = [
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'inspector', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream',
  'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers', 'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
];

const NOT_FOUND_SITE = 'node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n';

export class ModuleSystem {
  readonly cache: Record<string, Module> = Object.create(null);
  main: Module | undefined;
  private readonly path: ReturnType<typeof makePath>;

  constructor(
    private readonly ctx: NodeContext,
    private readonly files: FileCache,
    private readonly builtin: (name: string) => unknown,
  ) {
    this.path = makePath(() => ctx.sys.getcwd());
  }

  private isFile(p: string): boolean {
    try {
      return (this.ctx.sys.stat(p).mode & 0o170000) === 0o100000;
    } catch {
      return false;
    }
  }

  private isDir(p: string): boolean {
    try {
      return (this.ctx.sys.stat(p).mode & 0o170000) === 0o040000;
    } catch {
      return false;
    }
  }

  private readText(p: string): string | undefined {
    const data = this.files.read(p);
    return data && new TextDecoder().decode(data);
  }

  private asFile(p: string): string | undefined {
    for (const candidate of [p, `${p}.js`, `${p}.json`, `${p}.cjs`]) if (this.isFile(candidate)) return this.real(candidate);
    return undefined;
  }

  private real(p: string): string {
    try {
      return this.ctx.sys.realpath(p);
    } catch {
      return p;
    }
  }

  private asDirectory(p: string): string | undefined {
    if (!this.isDir(p)) return undefined;
    const pkgPath = `${p}/package.json`;
    if (this.isFile(pkgPath)) {
      const pkg = this.packageJson(pkgPath);
      const exp = pkg?.exports;
      const entry = typeof exp === 'string' ? exp : exportsEntry(exp);
      for (const main of [entry, pkg?.main]) {
        if (typeof main !== 'string') continue;
        const target = this.path.resolve(p, main);
        const found = this.asFile(target) ?? this.asFile(`${target}/index`);
        if (found) return found;
      }
    }
    return this.asFile(`${p}/index`);
  }

  private packageJson(p: string): { main?: unknown; exports?: unknown } | undefined {
    try {
      return JSON.parse(this.readText(p) ?? 'null') ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** The file (or `node:` built-in) `request` names from a module in `dir`. Throws MODULE_NOT_FOUND. */
  resolve(request: string, parent: Module | undefined): string {
    if (this.isBuiltin(request)) return request;
    const dir = parent?.path ?? this.ctx.sys.getcwd();
    if (/^(\.{1,2}(\/|$)|\/)/.test(request)) {
      const base = this.path.resolve(dir, request);
      const found = this.asFile(base) ?? this.asDirectory(base);
      if (found) return found;
    } else {
      for (const nm of parent?.paths ?? nodeModulePaths(dir)) {
        const base = `${nm}/${request}`;
        const found = this.asFile(base) ?? this.asDirectory(base);
        if (found) return found;
      }
    }
    throw this.notFound(request, parent);
  }

  isBuiltin(request: string): boolean {
    return request.startsWith('node:') || BUILTIN_NAMES.includes(request);
  }

  private notFound(request: string, parent: Module | undefined): Error {
    const stack: string[] = [];
    for (let m = parent; m; m = m.parent ?? undefined) stack.push(m.filename);
    const err = codeError(Error, 'MODULE_NOT_FOUND', `Cannot find module '${request}'${stack.length ? `\nRequire stack:\n${stack.map((s) => `- ${s}`).join('\n')}` : ''}`) as unknown as Error & { requireStack: string[] };
    err.stack = err.stack?.replace(/^Error \[MODULE_NOT_FOUND\]/, 'Error');
    err.requireStack = stack;
    const frames = ['Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)', 'Module._load (node:internal/modules/cjs/loader:1051:27)'];
    if (parent) frames.push('Module.require (node:internal/modules/cjs/loader:1311:19)', 'require (node:internal/modules/helpers:179:18)');
    const mainTail = parent ? undefined : ['Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)', 'node:internal/main/run_main_module:28:49'];
    return nodeFrames(err, frames, NOT_FOUND_SITE, mainTail);
  }

  /** `require` as seen from `parent`. */
  makeRequire(parent: Module | undefined): NodeRequire {
    const require = ((id: string) => {
      if (typeof id !== 'string') throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "id" argument must be of type string. Received ${id === null ? 'null' : typeof id}`);
      if (id === '') throw codeError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received ''");
      return this.load(id, parent);
    }) as NodeRequire;
    require.resolve = (id: string) => this.resolve(id, parent);
    require.cache = this.cache;
    require.main = this.main;
    return require;
  }

  /** module.createRequire: a require that resolves from `filename`. */
  createRequire(filename: string): NodeRequire {
    const from = String(filename).replace(/^file:\/\//, '');
    return this.makeRequire(new Module(from.endsWith('/') ? `${from}index.js` : from, undefined, this.path));
  }

  load(request: string, parent: Module | undefined): unknown {
    if (this.isBuiltin(request)) {
      const name = request.replace(/^node:/, '');
      const mod = this.builtin(name);
      if (mod === undefined) {
        if (BUILTIN_NAMES.includes(name)) throw codeError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `Berth's emulated node does not include the '${name}' module`);
        throw codeError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
      }
      return mod;
    }
    const filename = this.resolve(request, parent);
    const cached = this.cache[filename];
    if (cached) return cached.exports;
    const module = new Module(filename, parent, this.path);
    parent?.children.push(module);
    this.cache[filename] = module;
    try {
      this.run(module);
    } catch (err) {
      delete this.cache[filename];
      throw err;
    }
    return module.exports;
  }

  /** Runs the entry script as the main module. */
  runMain(filename: string): void {
    const resolved = this.asFile(filename) ?? this.asDirectory(filename);
    if (!resolved) {
      const err = this.notFound(filename, undefined);
      throw err;
    }
    const module = new Module(resolved, null, this.path);
    module.id = '.';
    this.main = module;
    this.cache[resolved] = module;
    this.run(module);
  }

  private run(module: Module): void {
    const source = this.readText(module.filename);
    if (source === undefined) throw this.uncached(module.filename);
    module.require = this.makeRequire(module);
    if (module.filename.endsWith('.json')) {
      try {
        module.exports = JSON.parse(source.replace(/^\ufeff/, ''));
      } catch (err) {
        if (err instanceof Error) err.message = `${module.filename}: ${err.message}`;
        throw err;
      }
    } else if (this.isEsm(module.filename)) {
      const url = `file://${module.filename}`;
      const fn = this.compile(source, url, true);
      const result = fn.call(module.exports, module.exports, module.require, module, module.filename, module.path, this.esmScope(module));
      // Top-level await makes the module a promise; its rejection is the script's.
      if (result instanceof Promise) result.catch((err: unknown) => this.ctx.loop.fail(err, 'esm'));
    } else {
      const fn = this.compile(source, module.filename);
      fn.call(module.exports, module.exports, module.require, module, module.filename, module.path);
    }
    module.loaded = true;
  }

  /** `.mjs`, or `.js` whose nearest package.json says "type": "module". */
  isEsm(filename: string): boolean {
    if (filename.endsWith('.mjs')) return true;
    if (!filename.endsWith('.js')) return false;
    for (let dir = this.path.dirname(filename); ; dir = this.path.dirname(dir)) {
      if (this.isFile(`${dir}/package.json`)) return (this.packageJson(`${dir}/package.json`) as { type?: string } | undefined)?.type === 'module';
      if (dir === '/') return false;
    }
  }

  private esmScope(module: Module): EsmScope {
    const namespace = (m: unknown) => (m && typeof m === 'object' && (m as { __esModule?: boolean }).__esModule ? m : Object.assign(Object.create(null), m, { default: m }));
    return {
      meta: { url: `file://${module.filename}`, filename: module.filename, dirname: module.path, resolve: (s: string) => `file://${this.resolve(s, module)}` },
      import: (specifier) => this.ctx.Promise.resolve().then(() => namespace(this.load(String(specifier).replace(/^file:\/\//, ''), module))),
      esm: {
        default: (m) => (m && typeof m === 'object' && (m as { __esModule?: boolean }).__esModule ? (m as { default?: unknown }).default : m),
        namespace,
        star: (exports, m) => {
          for (const key of Object.keys(m as object)) {
            if (key !== 'default' && key !== '__esModule' && !(key in exports)) Object.defineProperty(exports, key, { enumerable: true, get: () => (m as Record<string, unknown>)[key] });
          }
        },
      },
    };
  }

  private compile(source: string, filename: string, esm = false) {
    try {
      return this.ctx.sandbox.compile(source, filename, esm);
    } catch (err) {
      if (err instanceof SyntaxError && /Cannot use import statement outside a module|Unexpected token 'export'/.test(err.message)) {
        this.ctx.loop.write(2, `(node:${this.ctx.sys.pid}) Warning: To load an ES module, set "type": "module" in the package.json or use the .mjs extension.\n(Use \`node --trace-warnings ...\` to show where the warning was created)\n`);
      }
      // An ES module is located in its rewritten form (the same lines), which new Function can compile.
      if (err instanceof SyntaxError) markSyntaxError(err, esm ? esmToCommonJs(source).code : source, filename, source);
      throw err;
    }
  }

  private uncached(filename: string): Error {
    const err = codeError(Error, 'EAGAIN', `EAGAIN: resource temporarily unavailable, read '${filename}' (Berth: this file was not read ahead; try again)`);
    return err;
  }

  /** Reads ahead what `filename` requires by name, and so on down the graph. */
  async prefetchGraph(filename: string, seen = new Set<string>()): Promise<void> {
    if (seen.has(filename) || seen.size > 500) return;
    seen.add(filename);
    const data = await this.files.load(filename, true);
    if (!data || filename.endsWith('.json')) return;
    const text = new TextDecoder().decode(data);
    const parent = new Module(filename, undefined, this.path);
    for (const m of text.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)|\b(?:import|from)\s*\(?\s*(['"])([^'"]+)\3/g)) {
      const request = (m[2] ?? m[4])!;
      if (this.isBuiltin(request)) continue;
      let target: string;
      try {
        target = await this.resolveForPrefetch(request, parent);
      } catch {
        continue;
      }
      await this.prefetchGraph(target, seen);
    }
  }

  private async resolveForPrefetch(request: string, parent: Module): Promise<string> {
    // package.json files along the way must be in the cache for `resolve` to read them.
    const bases = /^(\.{1,2}(\/|$)|\/)/.test(request) ? [this.path.resolve(parent.path, request)] : parent.paths.map((nm) => `${nm}/${request}`);
    for (const base of bases) await this.files.load(`${base}/package.json`, true);
    return this.resolve(request, parent);
  }

}

function exportsEntry(exp: unknown): string | undefined {
  if (!exp || typeof exp !== 'object') return undefined;
  const root = (exp as Record<string, unknown>)['.'] ?? exp;
  if (typeof root === 'string') return root;
  if (root && typeof root === 'object') {
    for (const cond of ['require', 'node', 'default']) {
      const v = (root as Record<string, unknown>)[cond];
      if (typeof v === 'string') return v;
      const nested = exportsEntry(v);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** Gives a syntax error Node's "file:line / source / ^" header. */
export function markSyntaxError(err: SyntaxError, source: string, filename: string, shown = source): void {
  const at = locateSyntaxError(source, err.message);
  const line = at ? (shown.split('\n')[at.line - 1] ?? '') : '';
  const site = at ? `${filename}:${at.line}\n${line}\n${' '.repeat(at.column)}${'^'.repeat(at.length)}\n` : `${filename}\n`;
  Object.defineProperty(err, kNodeSite, { value: site, configurable: true });
}
