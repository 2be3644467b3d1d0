/**
 * What dpkg does when apt hands it packages: unpack each (files, minus the
 * image's path-exclude rules, and its file list), configure them in dpkg's
 * pending order (postinst effects: update-alternatives, ca-certificates),
 * process triggers (ldconfig for libraries, ca-certificates), and remove or
 * purge. Every line it prints is dpkg's, and so are the files it leaves.
 */
import type { Sys } from '../../../kernel/sys.ts';
import type { Output } from '../../lib/io.ts';
import { updateCaCertificates } from '../ca.ts';
import { CA_CERTS } from '../certs.ts';
import { exists, mkdirs, readText, removeFiles, writeFiles, writeText } from '../files.ts';
import { dpkgName, debFileName, type Alternative, type DebIndexEntry, type Distro } from './index.ts';
import { configureOrder } from './resolve.ts';
import { INFO, isInstalled, listOf, listPath, readList, readStatus, statusEntryOf, writeStatus, type StatusEntry } from './state.ts';

export interface DpkgIo {
  out: Output;
  err: Output;
  /** stdout is a terminal (dpkg then shows its database progress). */
  progress: boolean;
  env: (name: string) => string | undefined;
  stdinIsTty: boolean;
}

interface Rule {
  include: boolean;
  re: RegExp;
}

async function pathFilters(sys: Sys): Promise<Rule[]> {
  const rules: Rule[] = [];
  let names: string[] = [];
  try {
    names = sys.readdir('/etc/dpkg/dpkg.cfg.d').sort();
  } catch {
    return rules;
  }
  for (const name of names) {
    const text = (await readText(sys, `/etc/dpkg/dpkg.cfg.d/${name}`)) ?? '';
    for (const line of text.split('\n')) {
      const m = /^\s*path-(exclude|include)[=\s]\s*(\S+)/.exec(line);
      if (!m) continue;
      const body = m[2]!.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
      rules.push({ include: m[1] === 'include', re: new RegExp(`^${body}$`) });
    }
  }
  return rules;
}

function excluded(rules: readonly Rule[], path: string): boolean {
  let out = false;
  for (const r of rules) if (r.re.test(path)) out = !r.include;
  return out;
}

/** "(Reading database ... N files and directories currently installed.)" */
async function databaseLine(sys: Sys, distro: Distro, io: DpkgIo): Promise<void> {
  const seen = new Set<string>();
  let names: string[] = [];
  try {
    names = sys.readdir(INFO).filter((n) => n.endsWith('.list'));
  } catch {
    names = [];
  }
  for (const n of names) {
    const text = (await readText(sys, `${INFO}/${n}`)) ?? '';
    for (const l of text.split('\n')) if (l !== '' && l !== '/.') seen.add(l);
  }
  const total = distro.baseDbEntries + seen.size;
  if (io.progress) {
    let s = '(Reading database ... ';
    for (let pct = 5; pct <= 100; pct += 5) s += `\r(Reading database ... ${pct}%`;
    await io.out.write(`${s}\r(Reading database ... ${total} files and directories currently installed.)\n`);
  } else {
    await io.out.write(`(Reading database ... ${total} files and directories currently installed.)\n`);
  }
}

const hasLibraries = (p: DebIndexEntry) => p.files.some((f) => /\/lib\/(x86_64-linux-gnu\/)?[^/]+\.so(\.|$)/.test(f.path) && f.type !== 'dir');

async function dpkgLog(sys: Sys, lines: string[]): Promise<void> {
  mkdirs(sys, '/var/log');
  const old = (await readText(sys, '/var/log/dpkg.log')) ?? '';
  await writeText(sys, '/var/log/dpkg.log', old + lines.map((l) => l + '\n').join(''));
}

function stamp(sys: Sys): string {
  return new Date(sys.now()).toISOString().replace('T', ' ').slice(0, 19);
}

/** update-alternatives --install, as the packages' postinsts run it. */
async function installAlternative(sys: Sys, a: Alternative, io: DpkgIo): Promise<void> {
  const admin = `/var/lib/dpkg/alternatives/${a.name}`;
  mkdirs(sys, '/var/lib/dpkg/alternatives');
  mkdirs(sys, '/etc/alternatives');
  const old = await readText(sys, admin);
  const choices: { path: string; priority: number; slaves: string[] }[] = [];
  const slaves = a.slaves ?? [];
  if (old) {
    const blocks = old.split('\n\n').slice(1).filter((b) => b.trim() !== '');
    for (const b of blocks) {
      const [path, prio, ...rest] = b.split('\n');
      if (path && path !== a.path) choices.push({ path, priority: Number(prio), slaves: rest });
    }
  }
  const best = choices.reduce((m, c) => (c.priority > m ? c.priority : m), -Infinity);
  choices.push({ path: a.path, priority: a.priority, slaves: slaves.map(([, t]) => t) });
  const header = ['auto', a.link, ...slaves.flatMap(([l]) => [l.slice(l.lastIndexOf('/') + 1), l])].join('\n');
  await writeText(sys, admin, `${header}\n\n${choices.map((c) => [c.path, String(c.priority), ...c.slaves].join('\n')).join('\n')}\n\n`);
  if (a.priority <= best) return;
  const setLink = (link: string, target: string) => {
    if (exists(sys, link)) sys.unlink(link);
    sys.symlink(target, link);
  };
  setLink(`/etc/alternatives/${a.name}`, a.path);
  setLink(a.link, `/etc/alternatives/${a.name}`);
  await io.out.write(`update-alternatives: using ${a.path} to provide ${a.link} (${a.name}) in auto mode\n`);
  for (const [link, target] of slaves) {
    const slaveName = link.slice(link.lastIndexOf('/') + 1);
    if (!exists(sys, target)) {
      await io.out.write(`update-alternatives: warning: skip creation of ${link} because associated file ${target} (of link group ${a.name}) doesn't exist\n`);
      continue;
    }
    setLink(`/etc/alternatives/${slaveName}`, target);
    setLink(link, `/etc/alternatives/${slaveName}`);
  }
}

/** debconf's frontend search, as it shows in a container (Dialog, then Readline, then Teletype). */
async function debconfNoise(sys: Sys, distro: Distro, io: DpkgIo, perlInstalled: boolean): Promise<void> {
  if (io.env('DEBIAN_FRONTEND') === 'noninteractive') return;
  const lines: string[] = ['debconf: unable to initialize frontend: Dialog'];
  lines.push(io.env('TERM') ? 'debconf: (No usable dialog-like program is installed, so the dialog based frontend cannot be used. at /usr/share/perl5/Debconf/FrontEnd/Dialog.pm line 78.)' : 'debconf: (TERM is not set, so the dialog frontend is not usable.)');
  lines.push('debconf: falling back to frontend: Readline');
  if (perlInstalled && io.stdinIsTty) {
    await io.err.write(lines.map((l) => l + '\n').join(''));
    return;
  }
  lines.push('debconf: unable to initialize frontend: Readline');
  lines.push(
    perlInstalled
      ? 'debconf: (This frontend requires a controlling tty.)'
      : `debconf: (Can't locate Term/ReadLine.pm in @INC (you may need to install the Term::ReadLine module) (@INC contains: ${distro.perlInc}) at /usr/share/perl5/Debconf/FrontEnd/Readline.pm line 7.)`,
  );
  lines.push('debconf: falling back to frontend: Teletype');
  await io.err.write(lines.map((l) => l + '\n').join(''));
  void sys;
}

const AREAS = ['Africa', 'America', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific', 'Etc', 'Legacy'];

/**
 * tzdata's postinst: debconf asks for the area (the prompt that stalls
 * Dockerfiles without DEBIAN_FRONTEND=noninteractive), then sets Etc/UTC
 * unless told otherwise; /etc/localtime and /etc/timezone are its output.
 */
async function tzdataPostinst(sys: Sys, distro: Distro, io: DpkgIo, perlInstalled: boolean): Promise<void> {
  if (io.env('DEBIAN_FRONTEND') !== 'noninteractive') {
    await debconfNoise(sys, distro, io, perlInstalled);
    // debconf's Teletype frontend lays the choices out in columns, each as wide as its widest entry.
    const cells = AREAS.map((a, i) => `${i + 1}. ${a}`);
    const widths = [0, 1, 2, 3, 4, 5].map((c) => Math.max(cells[2 * c]!.length, cells[2 * c + 1]!.length));
    const rows = [0, 1].map((r) => ('  ' + widths.map((w, c) => cells[2 * c + r]!.padEnd(w)).join('  ')).trimEnd());
    await io.out.write(`Configuring tzdata\n------------------\n\nPlease select the geographic area in which you live. Subsequent configuration\nquestions will narrow this down by presenting a list of cities, representing\nthe time zones in which they are located.\n\n${rows.join('\n')}\nGeographic area: `);
    await io.out.flush();
    for (;;) {
      const d = await sys.read(0, 1);
      if (d.length === 0 || d[0] === 10) break;
    }
    await io.out.write('\n');
  }
  if (exists(sys, '/etc/localtime')) sys.unlink('/etc/localtime');
  sys.symlink('/usr/share/zoneinfo/Etc/UTC', '/etc/localtime');
  await writeText(sys, '/etc/timezone', 'Etc/UTC\n');
  const now = new Date(sys.now()).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_, wd, d, m, y, t) => `${wd} ${m} ${d.padStart(2, ' ')} ${t} UTC ${y}`);
  await io.out.write(`\nCurrent default time zone: 'Etc/UTC'\nLocal time is now:      ${now}.\nUniversal Time is now:  ${now}.\nRun 'dpkg-reconfigure tzdata' if you wish to change it.\n\n`);
}

async function caCertificatesPostinst(sys: Sys): Promise<string> {
  if (!exists(sys, '/etc/ca-certificates.conf')) {
    const conf = '# This file lists certificates that you wish to use or to ignore to be\n# installed in /etc/ssl/certs.\n# update-ca-certificates(8) will update /etc/ssl/certs by reading this file.\n#\n# This is autogenerated by dpkg-reconfigure ca-certificates.\n# Certificates should be installed under /usr/share/ca-certificates\n# and files with extension \'.crt\' is recognized as available certs.\n#\n# line begins with # is comment.\n# line begins with ! is certificate filename to be deselected.\n#\n' + CA_CERTS.map((c) => `mozilla/${c.name}.crt\n`).join('');
    await writeText(sys, '/etc/ca-certificates.conf', conf);
  }
  const { added, removed } = await updateCaCertificates(sys, 'debian');
  return `Updating certificates in /etc/ssl/certs...\n${added} added, ${removed} removed; done.\n`;
}

/** Unpacks, configures and triggers new packages, in apt's unpack order. */
export async function dpkgInstall(sys: Sys, distro: Distro, order: readonly DebIndexEntry[], io: DpkgIo): Promise<void> {
  const rules = await pathFilters(sys);
  const numbered = order.length > 1;
  const width = String(order.length - 1).length;
  const log: string[] = [];
  for (let i = 0; i < order.length; i++) {
    const p = order[i]!;
    await io.out.write(`Selecting previously unselected package ${dpkgName(p)}.\n`);
    if (i === 0) await databaseLine(sys, distro, io);
    await io.out.write(`Preparing to unpack .../${numbered ? String(i).padStart(width, '0') + '-' : ''}${debFileName(p)} ...\n`);
    for (const [from, to] of p.diversions ?? []) {
      await io.out.write(`Adding 'diversion of ${from} to ${to} by ${p.name}'\n`);
      const old = (await readText(sys, '/var/lib/dpkg/diversions')) ?? '';
      await writeText(sys, '/var/lib/dpkg/diversions', `${old}${from}\n${to}\n${p.name}\n`);
    }
    await io.out.write(`Unpacking ${dpkgName(p)} (${p.version}) ...\n`);
    const kept = new Set(p.files.filter((f) => f.type !== 'dir' && !excluded(rules, f.path)).map((f) => f.path));
    const keptDirs = new Set<string>();
    for (const path of kept) for (let d = path.slice(0, path.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) keptDirs.add(d);
    const files = p.files.filter((f) => (f.type === 'dir' ? !excluded(rules, f.path) || keptDirs.has(f.path) : kept.has(f.path)));
    await writeFiles(sys, files, { texts: distro.texts, owner: `${p.name} ${p.version}` });
    mkdirs(sys, INFO);
    await writeText(sys, listPath(p), listOf(p).join('\n') + '\n');
    log.push(`${stamp(sys)} install ${p.name}:${p.arch} <none> ${p.version}`);
  }

  // Configure: dpkg --configure --pending.
  const status = await readStatus(sys);
  const entries = new Map(status.map((e) => [e.name, e]));
  for (const p of order) entries.set(p.name, statusEntryOf(p, 'install ok unpacked'));
  await writeStatus(sys, [...entries.values()]);
  const configured = new Set([...entries.values()].filter(isInstalled).map((e) => e.name));
  let caSetUp = false;
  for (const p of configureOrder(order)) {
    await io.out.write(`Setting up ${dpkgName(p)} (${p.version}) ...\n`);
    if (p.name === 'ca-certificates') {
      await io.out.flush();
      await debconfNoise(sys, distro, io, entries.has(distro.perlReadline));
      await io.out.write(await caCertificatesPostinst(sys));
      caSetUp = true;
    }
    if (p.name === 'tzdata') {
      await io.out.flush();
      await tzdataPostinst(sys, distro, io, entries.has(distro.perlReadline));
    }
    for (const a of p.alternatives ?? []) await installAlternative(sys, a, io);
    entries.set(p.name, statusEntryOf(p));
    configured.add(p.name);
    log.push(`${stamp(sys)} status installed ${p.name}:${p.arch} ${p.version}`);
  }
  const triggers: string[] = [];
  if (order.some(hasLibraries)) triggers.push('libc-bin');
  if (caSetUp) triggers.push('ca-certificates');
  await processTriggers(sys, triggers, entries, io);
  await writeStatus(sys, [...entries.values()]);
  await dpkgLog(sys, log);
}

async function processTriggers(sys: Sys, names: string[], entries: ReadonlyMap<string, StatusEntry>, io: DpkgIo): Promise<void> {
  const { dpkgHash } = await import('./resolve.ts');
  for (const name of names.sort((a, b) => dpkgHash(a) - dpkgHash(b))) {
    const e = entries.get(name);
    if (!e || !isInstalled(e)) continue;
    await io.out.write(`Processing triggers for ${e.name} (${e.version}) ...\n`);
    if (name === 'ca-certificates') {
      const { added, removed } = await updateCaCertificates(sys, 'debian');
      await io.out.write(`Updating certificates in /etc/ssl/certs...\n${added} added, ${removed} removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`);
    }
  }
}

/** Removes (or purges) installed packages, in the given order. */
export async function dpkgRemove(sys: Sys, distro: Distro, names: readonly string[], purge: boolean, io: DpkgIo): Promise<void> {
  const status = await readStatus(sys);
  const entries = new Map(status.map((e) => [e.name, e]));
  const log: string[] = [];
  let first = true;
  let libs = false;
  const withConffiles: StatusEntry[] = [];
  const index = new Map(distro.packages.map((p) => [p.name, p]));
  for (const name of names) {
    const e = entries.get(name);
    if (!e) continue;
    const pkg = index.get(name);
    if (!isInstalled(e)) {
      // Only its configuration files are left ("rc"): purging removes them.
      if (purge) withConffiles.push(e);
      continue;
    }
    if (first) await databaseLine(sys, distro, io);
    first = false;
    await io.out.write(`Removing ${dpkgName(e)} (${e.version}) ...\n`);
    const list = (await readList(sys, e)) ?? [];
    const conffiles = list.filter((p) => p.startsWith('/etc/') && !list.some((q) => q.startsWith(p + '/')));
    if (conffiles.length && purge) withConffiles.push(e);
    const others = new Set<string>();
    for (const o of entries.values()) if (o.name !== name) for (const p of (await readList(sys, o)) ?? []) others.add(p);
    const drop = list.filter((p) => p !== '/.' && !conffiles.includes(p));
    await removeFiles(sys, drop, (p) => others.has(p));
    if (list.some((p) => /\/lib\/(x86_64-linux-gnu\/)?[^/]+\.so/.test(p))) libs = true;
    for (const a of pkg?.alternatives ?? []) await removeAlternative(sys, a);
    if (exists(sys, listPath(e))) sys.unlink(listPath(e));
    log.push(`${stamp(sys)} remove ${e.name}:${e.arch} ${e.version} <none>`);
    if (conffiles.length && pkg) entries.set(name, statusEntryOf(pkg, 'deinstall ok config-files'));
    else entries.delete(name);
  }
  await processTriggers(sys, libs ? ['libc-bin'] : [], entries, io);
  if (purge && withConffiles.length) {
    // apt purges in a second dpkg run.
    await databaseLine(sys, distro, io);
    for (const e of withConffiles) {
      await io.out.write(`Purging configuration files for ${dpkgName(e)} (${e.version}) ...\n`);
      const conffiles = (index.get(e.name)?.files ?? []).filter((f) => f.path.startsWith('/etc/') && f.type !== 'dir').map((f) => f.path);
      const dirs = (index.get(e.name)?.files ?? []).filter((f) => f.path.startsWith('/etc/') && f.type === 'dir').map((f) => f.path);
      await removeFiles(sys, [...conffiles, ...dirs]);
      entries.delete(e.name);
      log.push(`${stamp(sys)} purge ${e.name}:${e.arch} ${e.version} <none>`);
    }
  }
  await writeStatus(sys, [...entries.values()]);
  await dpkgLog(sys, log);
}

async function removeAlternative(sys: Sys, a: Alternative): Promise<void> {
  const admin = `/var/lib/dpkg/alternatives/${a.name}`;
  const target = exists(sys, `/etc/alternatives/${a.name}`) ? sys.readlink(`/etc/alternatives/${a.name}`) : undefined;
  if (target === a.path) {
    for (const p of [a.link, `/etc/alternatives/${a.name}`, admin]) if (exists(sys, p)) sys.unlink(p);
  }
}
