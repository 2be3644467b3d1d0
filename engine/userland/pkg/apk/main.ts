/**
 * apk, the Alpine Package Keeper (apk-tools 2.14.4), over Berth's bundled
 * Alpine 3.20 index:
 *
 *     apk add --no-cache curl        apk del curl          apk update
 *     apk add -t .build-deps gcc     apk info -L curl      apk search vim
 *     apk list --installed           apk version
 *
 * The messages, their order and streams, and the exit statuses are
 * apk-tools' own (messages on stdout, WARNING/ERROR on stderr; 99 when the
 * database cannot be opened).
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { isDir } from '../../../fs/types.ts';
import { isProcessControl, type Program, type Sys } from '../../../kernel/sys.ts';
import { stdio, type Output } from '../../lib/io.ts';
import { reachable } from '../../lib/net.ts';
import { exists, mkdirs, writeText } from '../files.ts';
import { commit } from './commit.ts';
import {
  LOCK, STATIC_CACHE, cachedIndexBytes, readInstalled, readRepositories, readWorld, sortWorld,
  type InstalledApk, type Repository,
} from './db.ts';
import { ALPINE_INDEX, INDEX_DESCRIPTIONS, type IndexedApk } from './index.ts';
import { formatErrors, isReal, solve } from './solver.ts';
import { parseDep } from './version.ts';
import { virtualPackage } from '../../../registry/bundled/apk.ts';

const VERSION_LINE = 'apk-tools 2.14.4, compiled for x86_64.';

interface Options {
  command?: string;
  args: string[];
  noCache: boolean;
  updateCache: boolean;
  cacheMaxAge?: number;
  verbosity: number;
  repositories: string[];
  noNetwork: boolean;
  simulate: boolean;
  /** Applet flags by long name (virtual: its argument). */
  flags: Map<string, string | true>;
}

const GLOBAL_SHORT: Record<string, string> = { U: 'update-cache', q: 'quiet', v: 'verbose', X: 'repository', i: 'interactive', s: 'simulate', V: 'version', h: 'help', p: 'root', f: 'force' };
const TAKES_ARG = new Set(['repository', 'virtual', 'cache-max-age', 'root', 'cache-dir', 'arch', 'keys-dir', 'repositories-file', 'wait', 'timeout', 'progress-fd']);
const APPLET_SHORT: Record<string, Record<string, string>> = {
  add: { t: 'virtual', u: 'upgrade', l: 'latest' },
  del: { r: 'rdepends' },
  info: { L: 'contents', R: 'depends', d: 'description', w: 'webpage', s: 'size', e: 'installed', W: 'who-owns', a: 'all', P: 'provides', r: 'rdepends', t: 'triggers' },
  search: { a: 'all', d: 'description', x: 'exact', e: 'exact', o: 'origin', r: 'rdepends' },
  list: { I: 'installed', a: 'available', u: 'upgradable', o: 'origin', O: 'orphaned', d: 'depends', P: 'providers' },
  version: { l: 'limit', a: 'all', I: 'indexes' },
};
const COMMANDS = ['add', 'del', 'fix', 'update', 'upgrade', 'cache', 'info', 'list', 'dot', 'policy', 'search', 'index', 'fetch', 'manifest', 'verify', 'audit', 'stats', 'version'];

function parseArgs(argv: readonly string[]): Options | { error: string } {
  const o: Options = { args: [], noCache: false, updateCache: false, verbosity: 1, repositories: [], noNetwork: false, simulate: false, flags: new Map() };
  const words = argv.slice(1);
  const command = words.find((w) => !w.startsWith('-'));
  if (command && COMMANDS.includes(command)) o.command = command;
  const appletShort = (o.command && APPLET_SHORT[o.command]) || {};
  const set = (name: string, value: string | true) => {
    switch (name) {
      case 'no-cache': o.noCache = true; break;
      case 'update-cache': o.updateCache = true; break;
      case 'cache-max-age': o.cacheMaxAge = Number(value) * 60; break;
      case 'quiet': o.verbosity--; break;
      case 'verbose': o.verbosity++; break;
      case 'repository': o.repositories.push(String(value)); break;
      case 'no-network': o.noNetwork = true; break;
      case 'simulate': o.simulate = true; break;
      default: o.flags.set(name, value);
    }
  };
  let commandSeen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      o.args.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('--')) {
      const [name, inline] = w.slice(2).split(/=(.*)/s) as [string, string | undefined];
      if (TAKES_ARG.has(name)) {
        const v = inline ?? words[++i];
        if (v === undefined) return { error: `option requires an argument: ${name}` };
        set(name, v);
      } else set(name, true);
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      for (let j = 1; j < w.length; j++) {
        const c = w[j]!;
        const name = appletShort[c] ?? GLOBAL_SHORT[c];
        if (!name) return { error: `unrecognized option: ${c}` };
        if (TAKES_ARG.has(name)) {
          const v = j + 1 < w.length ? w.slice(j + 1) : words[++i];
          if (v === undefined) return { error: `option requires an argument: ${c}` };
          set(name, v);
          break;
        }
        set(name, true);
      }
      continue;
    }
    if (!commandSeen && w === o.command) {
      commandSeen = true;
      continue;
    }
    if (!o.command && !commandSeen) {
      o.command = w;
      commandSeen = true;
      continue;
    }
    o.args.push(w);
  }
  return o;
}

const USAGE = `${VERSION_LINE}

usage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]

Package installation and removal:
  add        Add packages to WORLD and commit changes
  del        Remove packages from WORLD and commit changes

System maintenance:
  fix        Fix, reinstall or upgrade packages without modifying WORLD
  update     Update repository indexes
  upgrade    Install upgrades available from repositories
  cache      Manage the local package cache

Querying package information:
  info       Give detailed information about packages or repositories
  list       List packages matching a pattern or other criteria
  dot        Render dependencies as graphviz graphs
  policy     Show repository policy for packages
  search     Search for packages by name or description

Repository maintenance:
  index      Create repository index file from packages
  fetch      Download packages from global repositories to a local directory
  manifest   Show checksums of package contents
  verify     Verify package integrity and signature

Miscellaneous:
  audit      Audit system for changes
  stats      Show statistics about repositories and installations
  version    Compare package versions in installed database vs. available repository indexes

This apk has coffee making abilities.
`;

class Apk {
  readonly out: Output;
  readonly err: Output;
  installed: InstalledApk[] = [];
  world: string[] = [];
  available: IndexedApk[] = [];
  repos: Repository[] = [];
  counts = { unavailable: 0, stale: 0, updated: 0 };

  constructor(readonly sys: Sys, readonly o: Options) {
    const io = stdio(sys);
    this.out = io.out;
    this.err = io.err;
  }

  message = (text: string) => (this.o.verbosity > 0 ? this.out.write(text + '\n') : Promise.resolve());
  warning = async (text: string) => {
    if (this.o.verbosity <= 0) return;
    await this.out.flush();
    await this.err.write(`WARNING: ${text}\n`);
  };
  error = async (text: string) => {
    await this.out.flush();
    await this.err.write(`ERROR: ${text}\n`);
  };

  /** apk_db_open: the lock (for writers), the cache directory, the installed state, the repositories. */
  async open(write: boolean, autoupdate: boolean, forceRefresh = false): Promise<number> {
    const sys = this.sys;
    if (write) {
      try {
        const fd = sys.open(LOCK, { read: true, write: true, create: true }, 0o600);
        sys.close(fd);
      } catch (e) {
        if (isProcessControl(e)) throw e;
        const text = e instanceof FsError ? strerror(e.code) : String(e);
        await this.error(`Unable to lock database: ${text}`);
        await this.error(`Failed to open apk database: ${text}`);
        return 99;
      }
    }
    const configured = (() => {
      try {
        return isDir(sys.stat('/etc/apk/cache').mode);
      } catch (e) {
        if (isProcessControl(e)) throw e;
        return false;
      }
    })();
    const cacheDir = configured ? '/etc/apk/cache' : STATIC_CACHE;
    if (!configured && !exists(sys, STATIC_CACHE)) {
      try {
        mkdirs(sys, STATIC_CACHE);
      } catch (e) {
        if (isProcessControl(e)) throw e;
        if (write) throw e;
      }
    }
    this.installed = await readInstalled(sys);
    this.world = await readWorld(sys);
    this.repos = await readRepositories(sys, this.o.repositories);
    const maxAge = forceRefresh ? -1 : this.o.updateCache ? 60 : this.o.cacheMaxAge ?? 4 * 60 * 60;
    for (const repo of this.repos) {
      const host = /^[a-z]+:\/\/([^/:]+)/.exec(repo.url)?.[1] ?? '';
      const fetch = async (): Promise<string | null> => {
        await this.message(`fetch ${repo.indexUrl}`);
        if (this.o.noNetwork) return 'network error (check Internet connection and firewall)';
        const net = await reachable(sys, host);
        if (net === 'dns') return 'temporary error (try again later)';
        if (net === 'unreachable') return 'network error (check Internet connection and firewall)';
        if (!repo.bundled) return "remote server returned error (try 'apk update')";
        return null;
      };
      let available = false;
      if (this.o.noCache) {
        const problem = await fetch();
        if (problem) {
          await this.warning(`fetching ${repo.url}: ${problem}`);
          this.counts.unavailable += 2;
        } else available = true;
      } else {
        const path = `${cacheDir}/${repo.cacheName}`;
        let updateError: string | null = null;
        if (autoupdate && !this.o.noNetwork) {
          let fresh = false;
          try {
            fresh = maxAge >= 0 && sys.now() - sys.stat(path).mtimeMs <= maxAge * 1000;
          } catch (e) {
            if (isProcessControl(e)) throw e;
          }
          if (!fresh) {
            updateError = await fetch();
            if (!updateError && repo.bundled) {
              await writeText(sys, path, await cachedIndexBytes(repo.bundled, INDEX_DESCRIPTIONS[repo.bundled], sys.now()));
              this.counts.updated++;
            }
          }
        }
        const present = exists(sys, path) && repo.bundled !== undefined;
        if (!present || updateError) {
          const action = updateError ? (present ? 'updating' : 'updating and opening') : 'opening from cache';
          await this.warning(`${action} ${repo.url}: ${updateError ?? 'No such file or directory'}`);
          if (!present) this.counts.unavailable += 2;
          else this.counts.stale++;
        }
        available = present;
      }
      if (available && repo.bundled) this.available.push(...ALPINE_INDEX.filter((p) => p.repo === repo.bundled));
    }
    return 0;
  }

  /** Every package apk knows: installed ones and the available indexes, by name. */
  known(): { name: string; version: string; description: string; pkg: InstalledApk | IndexedApk; installed: boolean }[] {
    const out = this.installed.map((p) => ({ name: p.name, version: p.version, description: p.description, pkg: p as InstalledApk | IndexedApk, installed: true }));
    for (const p of this.available) {
      if (!out.some((k) => k.name === p.name && k.version === p.version)) out.push({ name: p.name, version: p.version, description: p.description, pkg: p, installed: false });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async finish(code: number): Promise<number> {
    await this.out.flush();
    return code;
  }
}

async function add(apk: Apk): Promise<number> {
  const o = apk.o;
  const r = await apk.open(true, true);
  if (r) return r;
  const world = [...apk.world];
  const extra: IndexedApk[] = [];
  let virtName: string | undefined;
  const virtDeps: string[] = [];
  const virtual = o.flags.get('virtual');
  if (typeof virtual === 'string') {
    const dep = parseDep(virtual);
    if (!dep || dep.conflict || (dep.op && dep.op !== '=') || !dep.name.startsWith('.')) {
      if (!dep || dep.conflict || (dep.op && dep.op !== '=')) {
        await apk.error(`${virtual}: bad package specifier`);
        return 1;
      }
    }
    const now = new Date(apk.sys.now());
    const pad = (n: number) => String(n).padStart(2, '0');
    const version = dep.version ?? `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}.${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
    virtName = `${dep.name}=${version}`;
    if (o.args.length === 0) await apk.warning('creating empty virtual package');
    for (const a of o.args) virtDeps.push(a);
    extra.push({ ...virtualPackage(dep.name, virtDeps, version), repo: 'main', size: 0, files: [] });
  }
  for (const a of o.args) {
    const dep = parseDep(a);
    if (!dep) {
      await apk.error(`'${a}' is not a valid ${virtName ? 'child' : 'world'} dependency, format is ${virtName ? 'name([<>~=]version)' : 'name(@tag)([<>~=]version)'}`);
      return 1;
    }
    if (!virtName) {
      const at = world.findIndex((w) => parseDep(w)?.name === dep.name);
      if (at >= 0) world[at] = a;
      else world.push(a);
    }
  }
  if (virtName) {
    const vname = virtName.replace(/=.*$/, '');
    const at = world.findIndex((w) => parseDep(w)?.name === vname);
    if (at >= 0) world[at] = virtName;
    else world.push(virtName);
  }
  return apply(apk, sortWorld(world), extra);
}

async function apply(apk: Apk, world: string[], extra: IndexedApk[] = [], beforeCommit?: (changes: ReturnType<typeof solve>['changes']) => Promise<void>): Promise<number> {
  const solution = solve(apk.installed, [...apk.available, ...extra], world);
  if (solution.errors.length) {
    await apk.out.flush();
    await apk.err.write(formatErrors(solution.errors));
    return solution.errors.length;
  }
  await beforeCommit?.(solution.changes);
  if (apk.o.simulate) {
    let n = 0;
    const real = solution.changes.filter(isReal);
    for (const c of real) {
      const p = (c.new ?? c.old)!;
      await apk.message(`(${++n}/${real.length}) ${c.new ? (c.old ? 'Upgrading' : 'Installing') : 'Purging'} ${p.name} (${p.version})`);
    }
    const bytes = apk.installed.reduce((s, p) => s + p.installedSize, 0);
    await apk.message(`OK: ${Math.floor(bytes / 1048576)} MiB in ${apk.installed.length} packages`);
    return 0;
  }
  return commit(apk.sys, solution.changes, { out: apk.out, err: apk.err, installed: apk.installed, world });
}

async function del(apk: Apk): Promise<number> {
  const r = await apk.open(true, false);
  if (r) return r;
  let world = [...apk.world];
  const known = new Set([...apk.installed.map((p) => p.name), ...apk.available.map((p) => p.name), ...world.map((w) => parseDep(w)?.name ?? w)]);
  let errors = 0;
  for (const a of apk.o.args) {
    if (!known.has(a)) {
      await apk.error(`No such package: ${a}`);
      errors++;
      continue;
    }
    world = world.filter((w) => parseDep(w)?.name !== a);
  }
  if (errors) return errors;
  return apply(apk, world, [], async (changes) => {
    // Names asked for that stay installed: say what keeps them.
    let header = false;
    for (const a of [...apk.o.args].sort()) {
      const kept = changes.find((c) => c.new && c.new.name === a);
      if (!kept) continue;
      const holders = world.map((w) => parseDep(w)?.name).filter((n): n is string => !!n && n !== a && requires(changes, n, a));
      if (!holders.length) continue;
      if (!header) await apk.message('World updated, but the following packages are not removed due to:');
      header = true;
      await apk.message(`  ${a}: ${holders.join(' ')}`);
    }
    if (header) await apk.out.write('\n');
  });
}

/** Whether the chosen package `from` needs `target`, directly or not. */
function requires(changes: ReturnType<typeof solve>['changes'], from: string, target: string): boolean {
  const byName = new Map(changes.filter((c) => c.new).map((c) => [c.new!.name, c.new!]));
  const seen = new Set<string>();
  const walk = (n: string): boolean => {
    if (seen.has(n)) return false;
    seen.add(n);
    const c = byName.get(n);
    if (!c) return false;
    for (const d of c.depends) {
      const name = parseDep(d)?.name;
      if (!name) continue;
      const provider = [...byName.values()].find((p) => p.name === name || p.provides.some((x) => x.replace(/=.*$/, '') === name));
      if (!provider) continue;
      if (provider.name === target || walk(provider.name)) return true;
    }
    return false;
  };
  return walk(from);
}

async function update(apk: Apk): Promise<number> {
  const r = await apk.open(true, true, true);
  if (r) return r;
  if (apk.o.verbosity < 1) return apk.counts.unavailable + apk.counts.stale;
  for (const repo of apk.repos) {
    if (!repo.bundled || !apk.available.some((p) => p.repo === repo.bundled)) continue;
    await apk.message(`${INDEX_DESCRIPTIONS[repo.bundled]} [${repo.url}]`);
  }
  const distinct = new Set([...apk.installed.map((p) => `${p.name}-${p.version}`), ...apk.available.map((p) => `${p.name}-${p.version}`)]);
  const head = apk.counts.unavailable || apk.counts.stale ? `${apk.counts.unavailable} unavailable, ${apk.counts.stale} stale;` : 'OK:';
  await apk.message(`${head} ${distinct.size} distinct packages available`);
  return apk.counts.unavailable + apk.counts.stale;
}

function humanSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let s = bytes;
  while (s >= 10000 && i < units.length - 1) {
    s = Math.floor(s / 1024);
    i++;
  }
  return `${s} ${units[i]}`;
}

async function info(apk: Apk): Promise<number> {
  const o = apk.o;
  const r = await apk.open(false, false);
  if (r) return r;
  const v = o.verbosity;
  if (o.flags.has('installed')) {
    let errors = 0;
    for (const a of o.args) {
      const dep = parseDep(a);
      const p = dep && apk.installed.find((i) => i.name === dep.name);
      if (p) {
        if (v > 0) await apk.out.write(`${p.name}${v > 1 ? `-${p.version}` : ''}\n`);
      } else errors++;
    }
    return errors;
  }
  if (o.flags.has('who-owns')) {
    let errors = 0;
    for (const a of o.args) {
      const path = a.startsWith('/') ? a : `${apk.sys.getcwd().replace(/\/$/, '')}/${a}`;
      const owner = apk.installed.find((p) => p.files.includes(path));
      if (!owner) {
        await apk.error(`${path}: Could not find owner package`);
        errors++;
      } else await apk.out.write(`${path} is owned by ${owner.name}-${owner.version}\n`);
    }
    return errors;
  }
  const fields = ['description', 'webpage', 'size', 'depends', 'provides', 'rdepends', 'contents', 'triggers', 'install-if', 'rinstall-if', 'replaces', 'license'];
  let mask = fields.filter((f) => o.flags.has(f));
  if (o.flags.has('all')) mask = fields;
  if (mask.length === 0) mask = ['description', 'webpage', 'size'];
  if (o.args.length === 0) {
    for (const p of [...apk.installed].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      await apk.out.write(`${p.name}${v > 1 ? `-${p.version}` : ''}${v > 2 ? ` - ${p.description}` : ''}\n`);
    }
    return 0;
  }
  let errors = 0;
  const known = apk.known();
  for (const name of [...o.args].sort()) {
    const matches = known.filter((k) => k.name === name);
    if (matches.length === 0) {
      errors++;
      continue;
    }
    for (const m of matches) {
      const installed = m.installed ? (m.pkg as InstalledApk) : apk.installed.find((i) => i.name === m.name && i.version === m.version);
      const id = `${m.name}-${m.version}`;
      const pkg = m.pkg;
      const depends = 'stanza' in pkg ? pkg.depends : pkg.depends ?? [];
      const provides = 'stanza' in pkg ? pkg.provides : pkg.provides ?? [];
      const size = 'stanza' in pkg ? pkg.installedSize : pkg.installedKiB * 1024;
      const header = (what: string) => (v === 1 ? apk.out.write(`${id} ${what}:\n`) : v > 1 ? apk.out.write(`${m.name}: `) : Promise.resolve());
      const list = async (what: string, items: string[]) => {
        await header(what);
        await apk.out.write(items.map((i) => i + (v > 1 ? ' ' : '\n')).join(''));
        await apk.out.write('\n');
      };
      for (const f of mask) {
        if (['contents', 'triggers', 'rdepends', 'rinstall-if', 'replaces'].includes(f) && !installed) continue;
        switch (f) {
          case 'description':
            await apk.out.write(v > 1 ? `${m.name}: ${m.description}\n` : `${id} description:\n${m.description}\n\n`);
            break;
          case 'webpage':
            await apk.out.write(v > 1 ? `${m.name}: ${pkg.url}\n` : `${id} webpage:\n${pkg.url}\n\n`);
            break;
          case 'license':
            await apk.out.write(v > 1 ? `${m.name}: ${pkg.license}\n` : `${id} license:\n${pkg.license}\n\n`);
            break;
          case 'size':
            await apk.out.write(v > 1 ? `${m.name}: ${humanSize(size)}\n` : `${id} installed size:\n${humanSize(size)}\n\n`);
            break;
          case 'depends':
            await list('depends on', depends);
            break;
          case 'provides':
            await list('provides', provides);
            break;
          case 'rdepends': {
            const rdeps = apk.installed.filter((p) => p.depends.some((d) => {
              const n = parseDep(d)?.name;
              return n === m.name || provides.some((x) => x.replace(/=.*$/, '') === n);
            }));
            await list('is required by', rdeps.map((p) => `${p.name}-${p.version}`));
            break;
          }
          case 'contents':
            await header('contains');
            for (const file of installed!.files) await apk.out.write(`${v > 1 ? `${m.name}: ` : ''}${file.slice(1)}\n`);
            await apk.out.write('\n');
            break;
          case 'triggers':
            await list('triggers', []);
            break;
          case 'install-if':
            await list('has auto-install rule', 'stanza' in pkg ? pkg.installIf : pkg.installIf ?? []);
            break;
          case 'rinstall-if':
            await list('affects auto-installation of', []);
            break;
          case 'replaces':
            await list('replaces', []);
            break;
        }
      }
    }
  }
  return errors;
}

function globToRegExp(glob: string, anchored: boolean): RegExp {
  const body = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(anchored ? `^${body}$` : `^.*${body}.*$`, 'i');
}

async function search(apk: Apk): Promise<number> {
  const o = apk.o;
  const r = await apk.open(false, false);
  if (r) return r;
  const exact = o.flags.has('exact');
  const byDesc = o.flags.has('description');
  const patterns = (o.args.length ? o.args : ['*']).map((a) => globToRegExp(a, exact));
  const all = apk.known();
  const latest = new Map<string, (typeof all)[number]>();
  for (const k of all) if (!latest.has(k.name) || o.flags.has('all')) latest.set(o.flags.has('all') ? `${k.name}-${k.version}` : k.name, k);
  for (const k of latest.values()) {
    if (!patterns.some((p) => p.test(k.name) || (byDesc && p.test(k.description)))) continue;
    await apk.out.write(`${k.name}${o.verbosity > 0 ? `-${k.version}` : ''}${o.verbosity > 1 ? ` - ${k.description}` : ''}\n`);
  }
  return 0;
}

async function list(apk: Apk): Promise<number> {
  const o = apk.o;
  const r = await apk.open(false, false);
  if (r) return r;
  const patterns = o.args.map((a) => globToRegExp(a, true));
  const worldNames = new Set(apk.world.map((w) => parseDep(w)?.name));
  for (const k of apk.known()) {
    if (patterns.length && !patterns.some((p) => p.test(k.name))) continue;
    if (o.flags.has('installed') && !k.installed) continue;
    if (o.flags.has('available') && k.installed && !apk.available.some((p) => p.name === k.name)) continue;
    if (o.flags.has('upgradable')) continue;
    const pkg = k.pkg;
    const origin = ('stanza' in pkg ? pkg.origin : pkg.origin) ?? k.name;
    const license = pkg.license;
    const arch = 'stanza' in pkg ? pkg.arch : pkg.arch ?? 'x86_64';
    const state = k.installed ? ` [${worldNames.has(k.name) ? 'installed' : 'installed'}]` : '';
    await apk.out.write(`${k.name}-${k.version} ${arch} {${origin}} (${license})${state}\n`);
  }
  return 0;
}

async function version(apk: Apk): Promise<number> {
  const r = await apk.open(false, false);
  if (r) return r;
  await apk.out.write(`Installed:                                Available:\n`);
  for (const p of [...apk.installed].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const avail = apk.available.find((a) => a.name === p.name);
    if (!avail) continue;
    const cmp = avail.version === p.version ? '=' : '<';
    if (apk.o.flags.has('limit') || cmp === '=') {
      if (!apk.o.flags.has('all')) continue;
    }
    await apk.out.write(`${`${p.name}-${p.version}`.padEnd(40)} ${cmp} ${avail.version}\n`);
  }
  return 0;
}

export const apk: Program = async (sys) => {
  const parsed = parseArgs(sys.argv);
  const io = stdio(sys);
  if ('error' in parsed) {
    await io.err.write(`apk: ${parsed.error}\n`);
    return 1;
  }
  if (parsed.flags.has('version')) {
    await io.out.write(VERSION_LINE + '\n');
    await io.out.flush();
    return 0;
  }
  if (!parsed.command || parsed.flags.has('help')) {
    await io.out.write(USAGE);
    await io.out.flush();
    return parsed.command ? 0 : 1;
  }
  if (!COMMANDS.includes(parsed.command)) {
    await io.err.write(`ERROR: '${parsed.command}' is not an apk command. See 'apk --help'.\n`);
    return 1;
  }
  const a = new Apk(sys, parsed);
  const run: Record<string, (apk: Apk) => Promise<number>> = { add, del, update, info, search, list, version };
  const fn = run[parsed.command];
  if (!fn) {
    await a.error(`${parsed.command}: not available in Berth's apk (add, del, update, info, search, list and version are)`);
    return a.finish(1);
  }
  let code: number;
  try {
    code = await fn(a);
  } catch (e) {
    if (isProcessControl(e)) throw e;
    if (!(e instanceof FsError)) throw e;
    await a.error(strerror(e.code));
    code = 1;
  }
  code = Math.min(code, 99);
  return a.finish(code);
};

