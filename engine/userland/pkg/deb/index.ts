/**
 * The Debian-family archives Berth bundles, as data: for each distribution
 * its archives (what `apt-get update` fetches) and a slice of its packages
 * (what lessons install, with their real dependency closures). A package is
 * a DebPackage (engine/registry/bundled/debian-family.ts, the same record
 * that fills the images' /var/lib/dpkg/status) plus what only the archive
 * knows: download size, suite, files, and what its maintainer scripts print.
 *
 * Table rows read: name, version, "arch section priority [multi-arch]",
 * download size (bytes), installed size (KiB), synopsis, relationships and
 * other fields (short keys, below), files (see ../files.ts).
 */
import type { DebPackage } from '../../../registry/bundled/debian-family.ts';
import { parseFiles, type PkgFile } from '../files.ts';

/** An update-alternatives link group a package's postinst installs. */
export interface Alternative {
  name: string;
  link: string;
  path: string;
  priority: number;
  /** Slave links [link, target]; missing targets (man pages on slim images) are warned about and skipped. */
  slaves?: [string, string][];
}

export interface DebIndexEntry extends DebPackage {
  installedSize: number;
  /** Download size of the .deb, bytes. */
  size: number;
  suite: string;
  files: PkgFile[];
  alternatives?: Alternative[];
  /** Lines the preinst prints while the package is unpacked. */
  preinst?: string[];
  /** Diversions the preinst adds: [path, diverted-to]. */
  diversions?: [string, string][];
}

export interface Archive {
  uri: string;
  suite: string;
  components: string[];
  /** Sizes of what `apt-get update` downloads (the real archive's, bytes). */
  inRelease: number;
  packages: Record<string, number>;
}

export interface Distro {
  id: 'debian' | 'ubuntu';
  codename: string;
  archives: Archive[];
  packages: readonly DebIndexEntry[];
  texts: Record<string, string>;
  /** Entries of the image's dpkg database (its *.list files), which the bundled images do not carry. */
  baseDbEntries: number;
  /** Perl's @INC, for debconf's complaint when Term::ReadLine is missing. */
  perlInc: string;
  /** The package whose files give perl Term::ReadLine (debconf's Readline frontend needs it). */
  perlReadline: string;
}

interface Fields {
  d?: string;
  pd?: string;
  r?: string;
  s?: string;
  pv?: string;
  b?: string;
  rp?: string;
  c?: string;
  src?: string;
  h?: string;
  m?: string;
  /** Suite suffix: 'security' or 'updates'. */
  suite?: string;
  e?: boolean;
}

/** A table row's package. */
export function debPackage(codename: string, name: string, version: string, meta: string, size: number, installedSize: number, description: string, f: Fields, files: string): DebIndexEntry {
  const [arch, section, priority, multiArch] = meta.split(' ') as [DebPackage['arch'], string, DebPackage['priority'], DebPackage['multiArch']];
  const upstream = version.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
  const p: DebIndexEntry = {
    name, version, arch, section, priority, description, installedSize, size,
    suite: f.suite ? `${codename}-${f.suite}` : codename,
    files: parseFiles(files, upstream),
  };
  if (multiArch) p.multiArch = multiArch;
  if (f.m) p.maintainer = f.m;
  if (f.src) p.source = f.src;
  if (f.d) p.depends = f.d;
  if (f.pd) p.preDepends = f.pd;
  if (f.r) p.recommends = f.r;
  if (f.s) p.suggests = f.s;
  if (f.pv) p.provides = f.pv;
  if (f.b) p.breaks = f.b;
  if (f.rp) p.replaces = f.rp;
  if (f.c) p.conflicts = f.c;
  if (f.h) p.homepage = f.h;
  if (f.e) p.essential = true;
  return p;
}

/** The name dpkg prints: with `:amd64` for Multi-Arch: same packages. */
export const dpkgName = (p: { name: string; multiArch?: string; arch?: string }): string => (p.multiArch === 'same' && p.arch !== 'all' ? `${p.name}:amd64` : p.name);

/** The .deb file name apt downloads (an epoch's colon is escaped as %3a). */
export const debFileName = (p: DebIndexEntry): string => `${p.name}_${p.version.replace(':', '%3a')}_${p.arch}.deb`;
