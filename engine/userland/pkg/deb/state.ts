/**
 * dpkg's and apt's state on disk:
 * - /var/lib/dpkg/status: a paragraph per package, sorted by name; kept as
 *   written, so the image's paragraphs survive rewrites untouched;
 * - /var/lib/dpkg/info/NAME.list: the package's paths, as dpkg -L prints;
 * - /var/lib/apt/extended_states: which packages were installed automatically;
 * - /var/lib/apt/lists: the archives' indexes, present after `apt-get update`;
 * - /etc/os-release and the sources, which say what distribution this is.
 */
import type { Sys } from '../../../kernel/sys.ts';
import { dpkgStatus } from '../../../registry/bundled/debian-family.ts';
import { exists, readText, writeText } from '../files.ts';
import { BOOKWORM } from './index-bookworm.ts';
import { NOBLE } from './index-noble.ts';
import { dpkgName, type Archive, type DebIndexEntry, type Distro } from './index.ts';

export const STATUS = '/var/lib/dpkg/status';
export const INFO = '/var/lib/dpkg/info';
export const LISTS = '/var/lib/apt/lists';
export const EXTENDED = '/var/lib/apt/extended_states';

export interface StatusEntry {
  name: string;
  version: string;
  arch: string;
  multiArch?: string;
  status: string;
  description: string;
  priority: string;
  section: string;
  installedSize?: number;
  depends?: string;
  preDepends?: string;
  provides?: string;
  paragraph: string;
}

function field(paragraph: string, name: string): string | undefined {
  const m = new RegExp(`^${name}: ?(.*)$`, 'm').exec(paragraph);
  return m?.[1];
}

export function parseStatus(text: string): StatusEntry[] {
  return text
    .split(/\n\n+/)
    .filter((p) => p.trim() !== '')
    .map((raw) => {
      const paragraph = raw.endsWith('\n') ? raw : raw + '\n';
      const e: StatusEntry = {
        name: field(paragraph, 'Package') ?? '',
        version: field(paragraph, 'Version') ?? '',
        arch: field(paragraph, 'Architecture') ?? '',
        status: field(paragraph, 'Status') ?? '',
        description: field(paragraph, 'Description') ?? '',
        priority: field(paragraph, 'Priority') ?? '',
        section: field(paragraph, 'Section') ?? '',
        paragraph,
      };
      const ma = field(paragraph, 'Multi-Arch');
      if (ma) e.multiArch = ma;
      const isz = field(paragraph, 'Installed-Size');
      if (isz) e.installedSize = Number(isz);
      for (const [k, f] of [['depends', 'Depends'], ['preDepends', 'Pre-Depends'], ['provides', 'Provides']] as const) {
        const v = field(paragraph, f);
        if (v) e[k] = v;
      }
      return e;
    });
}

export const isInstalled = (e: StatusEntry): boolean => / installed$/.test(e.status) && e.status.startsWith('install');

export async function readStatus(sys: Sys): Promise<StatusEntry[]> {
  return parseStatus((await readText(sys, STATUS)) ?? '');
}

/** Writes the status file (dpkg writes status-new, then renames), sorted by name. */
export async function writeStatus(sys: Sys, entries: readonly StatusEntry[]): Promise<void> {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  await writeText(sys, STATUS, sorted.map((e) => e.paragraph).join('\n'));
}

/** The status paragraph dpkg writes for a package from the archive. */
export function statusEntryOf(p: DebIndexEntry, status = 'install ok installed'): StatusEntry {
  const paragraph = dpkgStatus([{ ...p, status }]);
  return parseStatus(paragraph)[0]!;
}

export const listPath = (p: { name: string; multiArch?: string; arch?: string }): string => `${INFO}/${dpkgName(p)}.list`;

/** Paths of a package as dpkg records them (dpkg -L), parents included. */
export function listOf(p: DebIndexEntry): string[] {
  return ['/.', ...p.files.map((f) => f.path)];
}

export async function readList(sys: Sys, p: { name: string; multiArch?: string; arch?: string }): Promise<string[] | undefined> {
  const text = (await readText(sys, listPath(p))) ?? (await readText(sys, `${INFO}/${p.name}.list`));
  return text === undefined ? undefined : text.split('\n').filter((l) => l !== '');
}

/** Which distribution the root filesystem is, from /etc/os-release. */
export async function detectDistro(sys: Sys): Promise<Distro> {
  const osRelease = (await readText(sys, '/etc/os-release')) ?? (await readText(sys, '/usr/lib/os-release')) ?? '';
  return /^ID=ubuntu$/m.test(osRelease) ? NOBLE : BOOKWORM;
}

const hostOf = (uri: string) => uri.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');

/** The lists directory's file name for part of an archive, as apt names it. */
export function listName(a: Archive, what: 'InRelease' | { component: string }): string {
  const base = `${a.uri.replace(/^[a-z]+:\/\//, '').replace(/\/+$/, '').replace(/\//g, '_')}_dists_${a.suite}`;
  return what === 'InRelease' ? `${base}_InRelease` : `${base}_${what.component}_binary-amd64_Packages`;
}

export { hostOf };

/** Archives the sources name (deb822 .sources and one-line sources.list), matched against the bundled ones. */
export async function configuredArchives(sys: Sys, distro: Distro): Promise<{ uri: string; suite: string; components: string[]; bundled?: Archive }[]> {
  const out: { uri: string; suite: string; components: string[]; bundled?: Archive }[] = [];
  const add = (uri: string, suite: string, components: string[]) => {
    const clean = uri.replace(/\/+$/, '');
    const bundled = distro.archives.find((a) => a.uri === clean && a.suite === suite);
    const entry: (typeof out)[number] = { uri: clean, suite, components };
    if (bundled) entry.bundled = bundled;
    if (!out.some((o) => o.uri === clean && o.suite === suite)) out.push(entry);
  };
  const listText = (await readText(sys, '/etc/apt/sources.list')) ?? '';
  for (const line of listText.split('\n')) {
    const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (m) add(m[1]!, m[2]!, m[3]!.split(/\s+/).filter((c) => c !== ''));
  }
  let names: string[] = [];
  try {
    names = sys.readdir('/etc/apt/sources.list.d').sort();
  } catch {
    names = [];
  }
  for (const name of names) {
    const text = (await readText(sys, `/etc/apt/sources.list.d/${name}`)) ?? '';
    if (name.endsWith('.list')) {
      for (const line of text.split('\n')) {
        const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
        if (m) add(m[1]!, m[2]!, m[3]!.split(/\s+/).filter((c) => c !== ''));
      }
    } else if (name.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        const get = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, 'mi').exec(stanza.replace(/^#.*$/gm, ''))?.[1]?.trim();
        if (!/deb(\s|$)/.test(get('Types') ?? '')) continue;
        for (const uri of (get('URIs') ?? '').split(/\s+/).filter((u) => u))
          for (const suite of (get('Suites') ?? '').split(/\s+/).filter((s) => s)) add(uri, suite, (get('Components') ?? '').split(/\s+/).filter((c) => c));
      }
    }
  }
  return out;
}

/** Whether `apt-get update` has left the lists of a bundled archive. */
export function haveLists(sys: Sys, a: Archive): boolean {
  return a.components.some((c) => exists(sys, `${LISTS}/${listName(a, { component: c })}`));
}

export async function readAuto(sys: Sys): Promise<Set<string>> {
  const text = (await readText(sys, EXTENDED)) ?? '';
  const auto = new Set<string>();
  for (const para of text.split(/\n\n+/)) {
    const name = field(para, 'Package');
    if (name && field(para, 'Auto-Installed') === '1') auto.add(name);
  }
  return auto;
}

export async function writeAuto(sys: Sys, auto: ReadonlySet<string>): Promise<void> {
  const text = [...auto].sort().map((n) => `Package: ${n}\nArchitecture: amd64\nAuto-Installed: 1\n`).join('\n');
  await writeText(sys, EXTENDED, text);
}
