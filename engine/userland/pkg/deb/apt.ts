/**
 * apt-get and apt (apt 2.6 on Debian 12, 2.7 on Ubuntu 24.04) over Berth's
 * bundled archives:
 *
 *     apt-get update                      apt-get install -y curl
 *     apt-get install --no-install-recommends git
 *     apt-get remove curl                 apt-get purge -y --auto-remove curl
 *     apt-get autoremove                  apt-get clean
 *     apt install tree                    apt list --installed
 *
 * Like the real image, a fresh container has no package lists: install
 * says "Unable to locate package" until `apt-get update` has run. Output
 * goes where apt sends it (errors and warnings on stderr), exit status 100
 * for errors, 1 for an aborted prompt.
 */
import { FsError, strerror, errnoTable } from '../../../fs/errno.ts';
import { isProcessControl, type Program, type Sys } from '../../../kernel/sys.ts';
import { stdio, type Output } from '../../lib/io.ts';
import { reachable } from '../../lib/net.ts';
import { resolveHost } from '../../lib/resolv.ts';
import { exists, mkdirs, readText, removeFiles, writeText } from '../files.ts';
import { dpkgInstall, dpkgRemove, type DpkgIo } from './dpkgrun.ts';
import { sizeToStr, showList, timeToStr } from './format.ts';
import type { DebIndexEntry, Distro } from './index.ts';
import { Resolver, removalOrder, unpackOrder } from './resolve.ts';
import {
  EXTENDED, LISTS, configuredArchives, detectDistro, haveLists, hostOf, isInstalled, listName, readAuto, readStatus, writeAuto, type StatusEntry,
} from './state.ts';
import { parseRelations } from './version.ts';

interface Options {
  tool: 'apt-get' | 'apt';
  command?: string;
  args: string[];
  yes: boolean;
  quiet: number;
  recommends: boolean;
  purge: boolean;
  autoRemove: boolean;
  simulate: boolean;
  installed: boolean;
  error?: string;
}

const COMMANDS = ['update', 'upgrade', 'install', 'reinstall', 'remove', 'purge', 'autoremove', 'auto-remove', 'dist-upgrade', 'full-upgrade', 'clean', 'autoclean', 'auto-clean', 'check', 'source', 'build-dep', 'download', 'changelog', 'satisfy', 'indextargets', 'list', 'search', 'show', 'showsrc', 'policy', 'depends', 'rdepends', 'edit-sources', 'moo'];

function parseArgs(argv: readonly string[]): Options {
  const tool = (argv[0] ?? '').split('/').pop() === 'apt' ? 'apt' : 'apt-get';
  const o: Options = { tool, args: [], yes: false, quiet: 0, recommends: true, purge: false, autoRemove: false, simulate: false, installed: false };
  const words = argv.slice(1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      o.args.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('--')) {
      const name = w.slice(2).replace(/=.*$/, '');
      if (['yes', 'assume-yes', 'force-yes'].includes(name)) o.yes = true;
      else if (name === 'quiet') o.quiet++;
      else if (name === 'no-install-recommends') o.recommends = false;
      else if (name === 'install-recommends') o.recommends = true;
      else if (name === 'purge') o.purge = true;
      else if (name === 'auto-remove' || name === 'autoremove') o.autoRemove = true;
      else if (['simulate', 'just-print', 'dry-run', 'recon', 'no-act'].includes(name)) o.simulate = true;
      else if (name === 'installed') o.installed = true;
      else if (['no-install-suggests', 'fix-broken', 'fix-missing', 'reinstall', 'allow-downgrades', 'allow-remove-essential', 'allow-change-held-packages', 'allow-unauthenticated', 'no-upgrade', 'only-upgrade', 'show-progress', 'verbose-versions', 'upgradable', 'all-versions', 'names-only', 'full'].includes(name)) {
        // accepted; no effect on Berth's archives
      } else if (name === 'option' || name === 'target-release' || name === 'default-release') i++;
      else o.error ??= `Command line option --${name} is not understood in combination with the other options`;
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      for (const c of w.slice(1)) {
        if (c === 'y') o.yes = true;
        else if (c === 'q') o.quiet++;
        else if (c === 's') o.simulate = true;
        else if (c === 'f' || c === 'm' || c === 'u' || c === 'V' || c === 'd' || c === 'b') continue;
        else if (c === 'o' || c === 't' || c === 'c') {
          i++;
          break;
        } else {
          o.error ??= `Command line option '${c}' [from ${w}] is not known.`;
        }
      }
      continue;
    }
    if (!o.command) o.command = w;
    else o.args.push(w);
  }
  return o;
}

class Apt {
  readonly out: Output;
  readonly err: Output;
  readonly tty: boolean;
  distro!: Distro;
  status: StatusEntry[] = [];
  available: DebIndexEntry[] = [];
  auto = new Set<string>();

  constructor(readonly sys: Sys, readonly o: Options) {
    const io = stdio(sys);
    this.out = io.out;
    this.err = io.err;
    this.tty = sys.isatty(1);
  }

  env(name: string): string | undefined {
    const prefix = name + '=';
    return this.sys.env.find((e) => e.startsWith(prefix))?.slice(prefix.length);
  }

  async e(text: string): Promise<void> {
    await this.out.flush();
    await this.err.write(`E: ${text}\n`);
  }

  /** "Reading package lists... Done" on a terminal, without "Done" otherwise (apt's OpTextProgress). */
  async progress(what: string): Promise<void> {
    if (this.o.quiet > 0) return;
    await this.out.write(this.tty ? `\r${what}... Done\n` : `${what}...\n`);
  }

  /** Takes a lock file as apt does; on failure prints apt's two lines and returns false. */
  async lock(path: string, second: string): Promise<boolean> {
    try {
      const fd = this.sys.open(path, { read: true, write: true, create: true }, 0o640);
      this.sys.close(fd);
      return true;
    } catch (err) {
      if (isProcessControl(err) || !(err instanceof FsError)) throw err;
      const n = errnoTable[err.code]?.[0] ?? 0;
      await this.e(`Could not open lock file ${path} - open (${n}: ${strerror(err.code)})`);
      await this.e(second);
      return false;
    }
  }

  async load(): Promise<void> {
    this.distro = await detectDistro(this.sys);
    this.status = await readStatus(this.sys);
    this.auto = await readAuto(this.sys);
    const archives = await configuredArchives(this.sys, this.distro);
    const present = new Set(archives.filter((a) => a.bundled && haveLists(this.sys, a.bundled)).map((a) => a.suite));
    this.available = this.distro.packages.filter((p) => present.has(p.suite));
  }

  /** Reading package lists, Building dependency tree, Reading state information. */
  async cacheLines(): Promise<void> {
    await this.progress('Reading package lists');
    await this.progress('Building dependency tree');
    if (this.tty || exists(this.sys, EXTENDED)) await this.progress('Reading state information');
  }

  dpkgIo(): DpkgIo {
    return {
      out: this.out,
      err: this.err,
      progress: this.tty || this.o.tool === 'apt',
      env: (n) => this.env(n),
      stdinIsTty: this.sys.isatty(0),
    };
  }

  /** "Do you want to continue? [Y/n]": a line from stdin; end of input is no. */
  async confirm(): Promise<boolean> {
    await this.out.write('Do you want to continue? [Y/n] ');
    await this.out.flush();
    let answer = '';
    for (;;) {
      const d = await this.sys.read(0, 1);
      if (d.length === 0) {
        if (answer === '') return false;
        break;
      }
      const c = String.fromCharCode(d[0]!);
      if (c === '\n') break;
      answer += c;
    }
    return answer.trim() === '' || /^y(es)?$/i.test(answer.trim());
  }
}

const archiveHost = (uri: string) => hostOf(uri);

async function update(apt: Apt): Promise<number> {
  const sys = apt.sys;
  if (!(await apt.lock('/var/lib/apt/lists/lock', 'Unable to lock directory /var/lib/apt/lists/'))) {
    return 100;
  }
  apt.distro = await detectDistro(sys);
  const archives = await configuredArchives(sys, apt.distro);
  mkdirs(sys, `${LISTS}/partial`, 0o700);
  let n = 0;
  let bytes = 0;
  const failed: { url: string; message: string }[] = [];
  const numbers = new Map<string, number>();
  const packageLines: string[] = [];
  const reach = new Map<string, Awaited<ReturnType<typeof reachable>>>();
  for (const a of archives) {
    const host = archiveHost(a.uri);
    if (!reach.has(host)) reach.set(host, await reachable(sys, host, 80));
  }
  const errors: string[] = [];
  for (const a of archives) {
    const id = ++n;
    numbers.set(`${a.uri} ${a.suite}`, id);
    const net = reach.get(archiveHost(a.uri))!;
    if (net !== 'ok' || !a.bundled) continue;
    const inRelease = `${LISTS}/${listName(a.bundled, 'InRelease')}`;
    if (exists(sys, inRelease) && haveLists(sys, a.bundled)) {
      await apt.out.write(`Hit:${id} ${a.uri} ${a.suite} InRelease\n`);
      continue;
    }
    await apt.out.write(`Get:${id} ${a.uri} ${a.suite} InRelease [${sizeToStr(a.bundled.inRelease)}B]\n`);
    bytes += a.bundled.inRelease;
    await writeText(sys, inRelease, releaseText(apt.distro, a.bundled.suite, sys.now()));
    for (const c of a.bundled.components) {
      const size = a.bundled.packages[c];
      if (size === undefined) continue;
      packageLines.push(`${a.uri} ${a.suite}/${c} amd64 Packages [${sizeToStr(size)}B]`);
      bytes += size;
      const pkgs = apt.distro.packages.filter((p) => p.suite === a.bundled!.suite && componentOf(p) === c);
      await writeText(sys, `${LISTS}/${listName(a.bundled, { component: c })}`, packagesText(pkgs));
    }
  }
  for (const line of packageLines) await apt.out.write(`Get:${++n} ${line}\n`);
  // Archives that could not be reached: apt retries, then reports each.
  const unreachable = archives.filter((a) => reach.get(archiveHost(a.uri)) !== 'ok');
  const unknown = archives.filter((a) => reach.get(archiveHost(a.uri)) === 'ok' && !a.bundled);
  for (let round = 0; round < 3 && unreachable.length; round++) {
    for (const a of unreachable) await apt.out.write(`Ign:${numbers.get(`${a.uri} ${a.suite}`)} ${a.uri} ${a.suite} InRelease\n`);
  }
  for (const a of unreachable) {
    const host = archiveHost(a.uri);
    const net = reach.get(host);
    let message = `Temporary failure resolving '${host}'`;
    if (net === 'unreachable') {
      const r = await resolveHost(sys, host);
      const address = r.ok ? r.addresses[0] : '';
      message = `Could not connect to ${host}:80 (${address}), connection timed out`;
    }
    await apt.out.write(`Err:${numbers.get(`${a.uri} ${a.suite}`)} ${a.uri} ${a.suite} InRelease\n  ${message}\n`);
    failed.push({ url: `${a.uri}/dists/${a.suite}/InRelease`, message });
  }
  for (const a of unknown) {
    const id = numbers.get(`${a.uri} ${a.suite}`);
    await apt.out.write(`Ign:${id} ${a.uri} ${a.suite} InRelease\nErr:${id} ${a.uri} ${a.suite} Release\n  404  Not Found\n`);
    errors.push(`The repository '${a.uri} ${a.suite} Release' does not have a Release file.`);
  }
  if (bytes > 0) {
    const seconds = 0.05 + bytes / 30e6;
    await apt.out.write(`Fetched ${sizeToStr(bytes)}B in ${timeToStr(seconds)} (${sizeToStr(bytes / seconds)}B/s)\n`);
  }
  await apt.progress('Reading package lists');
  if (apt.o.tool === 'apt' && errors.length === 0) {
    await apt.progress('Building dependency tree');
    await apt.progress('Reading state information');
    await apt.out.write('All packages are up to date.\n');
  }
  await apt.out.flush();
  for (const f of failed) await apt.err.write(`W: Failed to fetch ${f.url}  ${f.message}\n`);
  if (failed.length) await apt.err.write('W: Some index files failed to download. They have been ignored, or old ones used instead.\n');
  if (errors.length) {
    for (const e of errors) await apt.e(e);
    await apt.out.write('N: Updating from such a repository can\'t be done securely, and is therefore disabled by default.\nN: See apt-secure(8) manpage for repository creation and user configuration details.\n');
    return 100;
  }
  return 0;
}

function releaseText(distro: Distro, suite: string, now: number): string {
  const origin = distro.id === 'ubuntu' ? 'Ubuntu' : suite.endsWith('-security') ? 'Debian' : 'Debian';
  return `Origin: ${origin}\nLabel: ${origin}\nSuite: ${suite}\nCodename: ${suite}\nDate: ${new Date(now).toUTCString().replace('GMT', 'UTC')}\nArchitectures: amd64\nComponents: main\nDescription: ${origin} ${suite} (Berth's bundled slice of the archive)\n`;
}

function packagesText(pkgs: readonly DebIndexEntry[]): string {
  return pkgs
    .map((p) => {
      const lines = [`Package: ${p.name}`];
      if (p.source) lines.push(`Source: ${p.source}`);
      lines.push(`Version: ${p.version}`, `Installed-Size: ${p.installedSize}`);
      if (p.maintainer) lines.push(`Maintainer: ${p.maintainer}`);
      lines.push(`Architecture: ${p.arch}`);
      for (const [k, v] of [['Replaces', p.replaces], ['Provides', p.provides], ['Depends', p.depends], ['Pre-Depends', p.preDepends], ['Recommends', p.recommends], ['Suggests', p.suggests], ['Breaks', p.breaks], ['Conflicts', p.conflicts]] as const) if (v) lines.push(`${k}: ${v}`);
      lines.push(`Description: ${p.description}`);
      if (p.homepage) lines.push(`Homepage: ${p.homepage}`);
      lines.push(`Section: ${p.section}`, `Priority: ${p.priority}`, `Filename: pool/main/${p.name[0]}/${p.source?.split(' ')[0] ?? p.name}/${p.name}_${p.version.replace(/^\d+:/, '')}_${p.arch}.deb`, `Size: ${p.size}`);
      return lines.join('\n') + '\n';
    })
    .join('\n');
}

/** The component a package is in: Ubuntu names it in the section ("universe/utils"). */
const componentOf = (p: DebIndexEntry) => (p.section.includes('/') ? p.section.split('/')[0]! : 'main');

/** The archive line apt prints in Get: lines. */
function archiveOf(distro: Distro, p: DebIndexEntry): string {
  const a = distro.archives.find((x) => x.suite === p.suite);
  return a ? `${a.uri} ${p.suite}/${componentOf(p)}` : p.suite;
}

async function install(apt: Apt): Promise<number> {
  const sys = apt.sys;
  if (!(await apt.lock('/var/lib/dpkg/lock-frontend', 'Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?'))) return 100;
  await apt.load();
  await apt.cacheLines();
  const resolver = new Resolver({ installed: apt.status, available: apt.available });
  const requested: DebIndexEntry[] = [];
  const already: string[] = [];
  for (const arg of apt.o.args) {
    const [name, version] = arg.split('=') as [string, string | undefined];
    const cand = resolver.byName.get(name);
    const inst = resolver.installed.get(name);
    if (!cand && !inst) {
      // A virtual package some archive package provides is installed through it.
      const prov = resolver.providers.get(name);
      if (prov?.length === 1) {
        await apt.out.write(`Note, selecting '${prov[0]!.name}' instead of '${name}'\n`);
        requested.push(prov[0]!);
        continue;
      }
      await apt.e(`Unable to locate package ${name}`);
      return 100;
    }
    if (version && cand && cand.version !== version && inst?.version !== version) {
      await apt.e(`Version '${version}' for '${name}' was not found`);
      return 100;
    }
    if (inst && (!cand || inst.version === cand.version || version === inst.version)) {
      already.push(`${name} is already the newest version (${inst.version}).`);
      continue;
    }
    requested.push(cand!);
  }
  const { add, broken } = resolver.install(requested, apt.o.recommends);
  if (broken.length) {
    await apt.out.write('Some packages could not be installed. This may mean that you have\nrequested an impossible situation or if you are using the unstable\ndistribution that some required packages have not yet been created\nor been moved out of Incoming.\nThe following information may help to resolve the situation:\n\nThe following packages have unmet dependencies:\n');
    for (const [p, dep] of broken) await apt.out.write(` ${p} : Depends: ${dep} but it is not installable\n`);
    await apt.e('Unable to correct problems, you have held broken packages.');
    return 100;
  }
  for (const line of already) await apt.out.write(line + '\n');
  const names = [...add.keys()].sort();
  const requestedNames = new Set(requested.map((p) => p.name));
  const extra = names.filter((n) => !requestedNames.has(n));
  await apt.out.write(showList('The following additional packages will be installed:', extra));
  // Suggested (and, without recommends, Recommended) packages, by package name.
  const mentioned = new Set<string>();
  const relationList = (field: 'suggests' | 'recommends') => {
    const words: string[] = [];
    for (const n of names) {
      for (const g of parseRelations(add.get(n)![field])) {
        if (g.some((r) => add.has(r.name) || resolver.installed.has(r.name))) continue;
        const key = g.map((r) => r.name).join('|');
        if (mentioned.has(key)) continue;
        mentioned.add(key);
        g.forEach((r, i) => words.push(i === 0 ? r.name : `| ${r.name}`));
      }
    }
    return words;
  };
  await apt.out.write(showList('Suggested packages:', relationList('suggests')));
  if (!apt.o.recommends) await apt.out.write(showList('Recommended packages:', relationList('recommends')));
  await apt.out.write(showList('The following NEW packages will be installed:', names));
  await apt.out.write(`0 upgraded, ${names.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  if (names.length === 0) return apt.out.flush().then(() => 0);
  const order = unpackOrder(add);
  const download = order.reduce((s, p) => s + p.size, 0);
  const disk = order.reduce((s, p) => s + p.installedSize, 0) * 1024;
  await apt.out.write(`Need to get ${sizeToStr(download)}B of archives.\n`);
  await apt.out.write(`After this operation, ${sizeToStr(disk)}B of additional disk space will be used.\n`);
  if (extra.length > 0 && !apt.o.yes && !(await apt.confirm())) {
    await apt.out.write('Abort.\n');
    await apt.out.flush();
    return 1;
  }
  if (apt.o.simulate) return 0;
  // Download.
  const hosts = new Set(order.map((p) => archiveHost(archiveOf(apt.distro, p))));
  for (const h of hosts) {
    const net = await reachable(sys, h, 80);
    if (net !== 'ok') {
      let i = 0;
      for (const p of order) {
        await apt.out.write(`Err:${++i} ${archiveOf(apt.distro, p)} amd64 ${p.name} ${p.arch} ${p.version}\n  Temporary failure resolving '${h}'\n`);
      }
      await apt.out.flush();
      for (const p of order) await apt.e(`Failed to fetch ${archiveOf(apt.distro, p).split(' ')[0]}/pool/main/${p.name[0]}/${p.name}/${p.name}_${p.version.replace(/^\d+:/, '')}_${p.arch}.deb  Temporary failure resolving '${h}'`);
      await apt.e('Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?');
      return 100;
    }
  }
  let i = 0;
  for (const p of order) await apt.out.write(`Get:${++i} ${archiveOf(apt.distro, p)} amd64 ${p.name} ${p.arch} ${p.version} [${sizeToStr(p.size)}B]\n`);
  const seconds = 0.05 + download / 30e6;
  await apt.out.write(`Fetched ${sizeToStr(download)}B in ${timeToStr(seconds)} (${sizeToStr(download / seconds)}B/s)\n`);
  await apt.out.flush();
  await apt.err.write('debconf: delaying package configuration, since apt-utils is not installed\n');
  for (const lock of ['/var/lib/dpkg/lock', '/var/cache/apt/archives/lock']) if (!exists(sys, lock)) await writeText(sys, lock, '', 0o640);
  await dpkgInstall(sys, apt.distro, order, apt.dpkgIo());
  for (const n of extra) apt.auto.add(n);
  await writeAuto(sys, apt.auto);
  await history(apt, 'Install', order.map((p) => `${p.name}:${p.arch === 'all' ? 'amd64' : p.arch} (${p.version}${requestedNames.has(p.name) ? '' : ', automatic'})`));
  return 0;
}

async function history(apt: Apt, what: string, items: string[]): Promise<void> {
  const sys = apt.sys;
  mkdirs(sys, '/var/log/apt');
  const when = new Date(sys.now()).toISOString().replace('T', '  ').slice(0, 20);
  const old = (await readText(sys, '/var/log/apt/history.log')) ?? '';
  const entry = `\nStart-Date: ${when}\nCommandline: ${apt.sys.argv.join(' ')}\n${what}: ${items.join(', ')}\nEnd-Date: ${when}\n`;
  await writeText(sys, '/var/log/apt/history.log', old + entry);
}

async function remove(apt: Apt, purge: boolean, autoremoveOnly: boolean): Promise<number> {
  const sys = apt.sys;
  if (!(await apt.lock('/var/lib/dpkg/lock-frontend', 'Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?'))) return 100;
  await apt.load();
  await apt.cacheLines();
  const resolver = new Resolver({ installed: apt.status, available: apt.available });
  const asked: string[] = [];
  for (const name of apt.o.args) {
    if (!resolver.installed.has(name)) {
      const known = resolver.byName.has(name) || apt.status.some((e) => e.name === name);
      if (!known) {
        await apt.e(`Unable to locate package ${name}`);
        return 100;
      }
      const rc = apt.status.find((e) => e.name === name && !isInstalled(e));
      if (rc && purge) {
        asked.push(name);
        continue;
      }
      await apt.out.write(`Package '${name}' is not installed, so not removed\n`);
      continue;
    }
    asked.push(name);
  }
  let removing = resolver.removalClosure(asked.filter((n) => resolver.installed.has(n)));
  const orphans = resolver.autoremovable(apt.auto, removing);
  if (autoremoveOnly || apt.o.autoRemove) removing = new Set([...removing, ...orphans]);
  else await apt.out.write(showList('The following packages were automatically installed and are no longer required:', orphans) + (orphans.length ? `Use '${apt.o.tool === 'apt' ? 'apt' : 'apt'} autoremove' to remove ${orphans.length === 1 ? 'it' : 'them'}.\n` : ''));
  const configOnly = asked.filter((n) => !resolver.installed.has(n));
  const names = [...removing].sort();
  await apt.out.write(showList('The following packages will be REMOVED:', [...names, ...configOnly].sort().map((n) => (purge ? `${n}*` : n))));
  await apt.out.write(`0 upgraded, 0 newly installed, ${names.length + configOnly.length} to remove and 0 not upgraded.\n`);
  if (names.length + configOnly.length === 0) return apt.out.flush().then(() => 0);
  const freed = names.reduce((s, n) => s + (resolver.installed.get(n)?.installedSize ?? 0), 0) * 1024;
  if (freed > 0) await apt.out.write(`After this operation, ${sizeToStr(freed)}B disk space will be freed.\n`);
  const unasked = names.some((n) => !apt.o.args.includes(n));
  if (unasked && !apt.o.yes && !(await apt.confirm())) {
    await apt.out.write('Abort.\n');
    await apt.out.flush();
    return 1;
  }
  if (apt.o.simulate) return 0;
  await dpkgRemove(sys, apt.distro, [...removalOrder(names, resolver.installed), ...configOnly], purge, apt.dpkgIo());
  for (const n of names) apt.auto.delete(n);
  await writeAuto(sys, apt.auto);
  await history(apt, purge ? 'Purge' : 'Remove', names.map((n) => `${n}:amd64 (${resolver.installed.get(n)!.version})`));
  return 0;
}

async function clean(apt: Apt): Promise<number> {
  const sys = apt.sys;
  if (!(await apt.lock('/var/cache/apt/archives/lock', 'Unable to lock directory /var/cache/apt/archives/'))) return 100;
  const drop: string[] = [];
  for (const dir of ['/var/cache/apt/archives', '/var/cache/apt/archives/partial']) {
    let names: string[] = [];
    try {
      names = sys.readdir(dir);
    } catch {
      names = [];
    }
    for (const n of names) if (n.endsWith('.deb')) drop.push(`${dir}/${n}`);
  }
  for (const n of ['pkgcache.bin', 'srcpkgcache.bin']) drop.push(`/var/cache/apt/${n}`);
  await removeFiles(sys, drop);
  return 0;
}

async function list(apt: Apt): Promise<number> {
  await apt.load();
  await apt.out.write(apt.tty ? 'Listing... Done\n' : 'Listing...\n');
  const patterns = apt.o.args.map((a) => new RegExp('^' + a.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$'));
  const rows = new Map<string, string>();
  const suiteLabel = (suite: string) => (apt.distro.id === 'debian' ? (suite.endsWith('-security') ? 'stable-security' : 'stable') : suite);
  for (const e of apt.status) {
    if (!isInstalled(e)) continue;
    const avail = apt.available.find((p) => p.name === e.name && p.version === e.version);
    const where = avail ? `${suiteLabel(avail.suite)},now` : 'now';
    const state = avail ? (apt.auto.has(e.name) ? '[installed,automatic]' : '[installed]') : '[installed,local]';
    rows.set(e.name, `${e.name}/${where} ${e.version} ${e.arch} ${state}`);
  }
  if (!apt.o.installed) {
    for (const p of apt.available) if (!rows.has(p.name)) rows.set(p.name, `${p.name}/${suiteLabel(p.suite)} ${p.version} ${p.arch}`);
  }
  for (const [name, row] of [...rows].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (patterns.length && !patterns.some((p) => p.test(name))) continue;
    await apt.out.write(row + '\n');
  }
  return 0;
}

const APT_GET_USAGE = (version: string) => `apt ${version} (amd64)
Usage: apt-get [options] command
       apt-get [options] install|remove pkg1 [pkg2 ...]
       apt-get [options] source pkg1 [pkg2 ...]

apt-get is a command line interface for retrieval of packages
and information about them from authenticated sources and
for installation, upgrade and removal of packages together
with their dependencies.

Most used commands:
  update - Retrieve new lists of packages
  upgrade - Perform an upgrade
  install - Install new packages (pkg is libc6 not libc6.deb)
  reinstall - Reinstall packages (pkg is libc6 not libc6.deb)
  remove - Remove packages
  purge - Remove packages and config files
  autoremove - Remove automatically all unused packages
  dist-upgrade - Distribution upgrade, see apt-get(8)
  dselect-upgrade - Follow dselect selections
  build-dep - Configure build-dependencies for source packages
  satisfy - Satisfy dependency strings
  clean - Erase downloaded archive files
  autoclean - Erase old downloaded archive files
  check - Verify that there are no broken dependencies
  source - Download source archives
  download - Download the binary package into the current directory
  changelog - Download and display the changelog for the given package

See apt-get(8) for more information about the available commands.
Configuration options and syntax is detailed in apt.conf(5).
Information about how to configure sources can be found in sources.list(5).
Package and version choices can be expressed via apt_preferences(5).
Security details are available in apt-secure(8).
                                        This APT has Super Cow Powers.
`;

export const apt: Program = async (sys) => {
  const o = parseArgs(sys.argv);
  const a = new Apt(sys, o);
  let code: number;
  try {
    if (o.tool === 'apt' && !a.tty && o.command && o.command !== 'moo') {
      await a.err.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    }
    if (o.error) {
      await a.e(o.error);
      code = 100;
    } else if (!o.command) {
      const distro = await detectDistro(sys);
      await a.out.write(APT_GET_USAGE(distro.id === 'ubuntu' ? '2.7.14' : '2.6.1'));
      code = 1;
    } else if (!COMMANDS.includes(o.command)) {
      await a.e(`Invalid operation ${o.command}`);
      code = 100;
    } else {
      switch (o.command) {
        case 'update':
          code = await update(a);
          break;
        case 'install':
        case 'reinstall':
          code = await install(a);
          break;
        case 'remove':
          code = await remove(a, o.purge, false);
          break;
        case 'purge':
          code = await remove(a, true, false);
          break;
        case 'autoremove':
        case 'auto-remove':
          code = await remove(a, o.purge, true);
          break;
        case 'clean':
        case 'autoclean':
        case 'auto-clean':
          code = await clean(a);
          break;
        case 'list':
          code = await list(a);
          break;
        case 'upgrade':
        case 'dist-upgrade':
        case 'full-upgrade':
          if (!(await a.lock('/var/lib/dpkg/lock-frontend', 'Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?'))) {
            code = 100;
            break;
          }
          await a.load();
          await a.cacheLines();
          await a.out.write('Calculating upgrade...' + (a.tty ? ' Done' : '') + '\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
          code = 0;
          break;
        default:
          await a.e(`${o.command}: not available in Berth's ${o.tool} (update, install, remove, purge, autoremove, clean and list are)`);
          code = 100;
      }
    }
  } catch (err) {
    if (isProcessControl(err)) throw err;
    if (!(err instanceof FsError)) throw err;
    await a.e(strerror(err.code));
    code = 100;
  }
  await a.out.flush();
  return code;
};
