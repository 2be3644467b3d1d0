/**
 * apk's state on disk, read and written as apk-tools 2 does:
 * - /lib/apk/db/installed: a stanza per installed package, in install order
 *   (engine/registry/bundled/apk.ts writes the same format);
 * - /etc/apk/world: the names the user asked for, sorted;
 * - /etc/apk/repositories: the repository URLs;
 * - /var/cache/apk/APKINDEX.<sha1 of URL>.tar.gz: each repository's index,
 *   kept between runs unless --no-cache.
 *
 * Stanzas are kept as written; only added and removed ones change, so fields
 * Berth does not model survive a rewrite.
 */
import type { Sys } from '../../../kernel/sys.ts';
import { apkStanza } from '../../../registry/bundled/apk.ts';
import { sha1Hex, tarGz } from '../archive.ts';
import { readText, writeText } from '../files.ts';
import { ALPINE_INDEX, APK_MIRROR, ALPINE_BRANCH, type IndexedApk } from './index.ts';

export const INSTALLED = '/lib/apk/db/installed';
export const WORLD = '/etc/apk/world';
export const REPOSITORIES = '/etc/apk/repositories';
export const LOCK = '/lib/apk/db/lock';
export const STATIC_CACHE = '/var/cache/apk';

/** A package as the installed database records it. */
export interface InstalledApk {
  name: string;
  version: string;
  arch: string;
  description: string;
  url: string;
  license: string;
  origin?: string;
  /** Installed size in bytes (I:). */
  installedSize: number;
  depends: string[];
  provides: string[];
  installIf: string[];
  /** Directories (F:) and files (R:), absolute, in database order. */
  dirs: string[];
  files: string[];
  stanza: string;
}

export function parseStanza(stanza: string): InstalledApk {
  const pkg: InstalledApk = {
    name: '', version: '', arch: '', description: '', url: '', license: '', installedSize: 0,
    depends: [], provides: [], installIf: [], dirs: [], files: [], stanza,
  };
  let dir = '';
  for (const line of stanza.split('\n')) {
    const key = line[0];
    const value = line.slice(2);
    if (line[1] !== ':') continue;
    switch (key) {
      case 'P': pkg.name = value; break;
      case 'V': pkg.version = value; break;
      case 'A': pkg.arch = value; break;
      case 'T': pkg.description = value; break;
      case 'U': pkg.url = value; break;
      case 'L': pkg.license = value; break;
      case 'o': pkg.origin = value; break;
      case 'I': pkg.installedSize = Number(value); break;
      case 'D': pkg.depends = value.split(' ').filter((d) => d !== ''); break;
      case 'p': pkg.provides = value.split(' ').filter((d) => d !== ''); break;
      case 'i': pkg.installIf = value.split(' ').filter((d) => d !== ''); break;
      case 'F':
        dir = '/' + value;
        pkg.dirs.push(dir);
        break;
      case 'R': pkg.files.push(`${dir === '' ? '' : dir}/${value}`); break;
    }
  }
  return pkg;
}

/** The stanza of a package from the index (or a virtual one), as apk writes it. */
export function stanzaOf(pkg: IndexedApk | Parameters<typeof apkStanza>[0]): InstalledApk {
  return parseStanza(apkStanza(pkg));
}

export async function readInstalled(sys: Sys): Promise<InstalledApk[]> {
  const text = (await readText(sys, INSTALLED)) ?? '';
  return text
    .split(/\n\n+/)
    .filter((s) => s.trim() !== '')
    .map((s) => parseStanza(s.endsWith('\n') ? s : s + '\n'));
}

export async function writeInstalled(sys: Sys, packages: readonly InstalledApk[]): Promise<void> {
  await writeText(sys, INSTALLED, packages.map((p) => p.stanza + '\n').join(''));
}

export async function readWorld(sys: Sys): Promise<string[]> {
  const text = (await readText(sys, WORLD)) ?? '';
  return text.split(/\s+/).filter((w) => w !== '');
}

/** World entries sorted by name, as apk keeps them. */
export function sortWorld(world: readonly string[]): string[] {
  const key = (w: string) => w.replace(/^!/, '');
  return [...world].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function writeWorld(sys: Sys, world: readonly string[]): Promise<void> {
  await writeText(sys, WORLD, sortWorld(world).map((w) => w + '\n').join(''));
}

export interface Repository {
  url: string;
  /** Which bundled repository this is, if Berth carries it. */
  bundled?: IndexedApk['repo'];
  /** The index URL apk fetches. */
  indexUrl: string;
  /** APKINDEX.<hash>.tar.gz under the cache directory. */
  cacheName: string;
}

export function repository(url: string, arch = 'x86_64'): Repository {
  const clean = url.replace(/\/+$/, '');
  const indexUrl = `${clean}/${arch}/APKINDEX.tar.gz`;
  let bundled: Repository['bundled'];
  for (const repo of ['main', 'community'] as const) {
    if (clean === `${APK_MIRROR}/${ALPINE_BRANCH}/${repo}` || clean === `http://dl-cdn.alpinelinux.org/alpine/${ALPINE_BRANCH}/${repo}`) bundled = repo;
  }
  const r: Repository = { url: clean, indexUrl, cacheName: `APKINDEX.${sha1Hex(indexUrl).slice(0, 8)}.tar.gz` };
  if (bundled) r.bundled = bundled;
  return r;
}

export async function readRepositories(sys: Sys, extra: readonly string[] = []): Promise<Repository[]> {
  const text = (await readText(sys, REPOSITORIES)) ?? '';
  const urls = [...extra, ...text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))];
  const arch = ((await readText(sys, '/etc/apk/arch')) ?? 'x86_64').trim() || 'x86_64';
  return urls.map((u) => repository(u.replace(/^@\S+\s+/, ''), arch));
}

/** The APKINDEX text of a bundled repository (what the cached .tar.gz holds). */
export function apkIndexText(repo: IndexedApk['repo']): string {
  return ALPINE_INDEX.filter((p) => p.repo === repo)
    .map((p) => {
      const lines = [`P:${p.name}`, `V:${p.version}`, `A:x86_64`, `S:${p.size}`, `I:${p.installedKiB * 1024}`, `T:${p.description}`, `U:${p.url}`, `L:${p.license}`];
      if (p.origin) lines.push(`o:${p.origin}`);
      lines.push(`m:${p.maintainer}`);
      if (p.depends?.length) lines.push(`D:${p.depends.join(' ')}`);
      if (p.provides?.length) lines.push(`p:${p.provides.join(' ')}`);
      return lines.join('\n') + '\n';
    })
    .join('\n');
}

export async function cachedIndexBytes(repo: IndexedApk['repo'], description: string, nowMs: number): Promise<Uint8Array> {
  return tarGz({ DESCRIPTION: description, APKINDEX: apkIndexText(repo) }, nowMs);
}
