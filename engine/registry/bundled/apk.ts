/**
 * Alpine packages as data, and apk's database written from them.
 *
 * Each package lists the files it installs; the image layer is the union of
 * those files, and /lib/apk/db/installed is generated from the same list, so
 * `apk info -L busybox` and `ls` inside the container always agree.
 *
 * The database uses apk-tools 2's text format: one stanza per package, a
 * letter and a colon per line (P: name, V: version, A: architecture,
 * I: installed size, T: description, U: url, L: licence, o: origin,
 * m: maintainer, D: depends, p: provides, i: install-if, F: a directory,
 * M: its owner and mode, R: a file in it, a: the file's owner and mode).
 * Fields Berth cannot know truthfully (package and file checksums, build
 * time and aports commit: C:, Z:, S:, t:, c:) are left out.
 */
import type { FileSpec } from './spec.ts';

export interface ApkPackage {
  name: string;
  version: string;
  description: string;
  url: string;
  license: string;
  /** Source package (o:); defaults to the name. */
  origin?: string;
  maintainer: string;
  /** Installed size in KiB, as `apk info -s` prints it. */
  installedKiB: number;
  depends?: string[];
  provides?: string[];
  installIf?: string[];
  /** Architecture (A:); defaults to x86_64. */
  arch?: string;
  /** A `--virtual` group: no url, licence, origin or maintainer. */
  virtual?: boolean;
  files: FileSpec[];
}

const DEFAULT_MODE = { dir: 0o755, file: 0o644, program: 0o755 } as const;

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

/** The installed-database stanza of one package. */
export function apkStanza(pkg: ApkPackage): string {
  const out: string[] = [
    `P:${pkg.name}`,
    `V:${pkg.version}`,
    `A:${pkg.arch ?? 'x86_64'}`,
    `I:${pkg.installedKiB * 1024}`,
    `T:${pkg.description}`,
  ];
  if (!pkg.virtual) {
    out.push(`U:${pkg.url}`, `L:${pkg.license}`, `o:${pkg.origin ?? pkg.name}`, `m:${pkg.maintainer}`);
  }
  if (pkg.depends?.length) out.push(`D:${pkg.depends.join(' ')}`);
  if (pkg.provides?.length) out.push(`p:${pkg.provides.join(' ')}`);
  if (pkg.installIf?.length) out.push(`i:${pkg.installIf.join(' ')}`);

  // Group entries by directory, in the order they first appear.
  const byDir = new Map<string, { dir?: FileSpec; entries: FileSpec[] }>();
  const slot = (dir: string) => {
    let s = byDir.get(dir);
    if (!s) byDir.set(dir, (s = { entries: [] }));
    return s;
  };
  for (const f of pkg.files) {
    if (f.type === 'dir') slot(f.path).dir = f;
    else slot(parentOf(f.path)).entries.push(f);
  }
  for (const [dir, { dir: spec, entries }] of byDir) {
    if (dir === '/') continue;
    out.push(`F:${dir.slice(1)}`);
    if (spec && spec.type === 'dir') {
      const mode = spec.mode ?? DEFAULT_MODE.dir;
      if (mode !== DEFAULT_MODE.dir || (spec.uid ?? 0) !== 0 || (spec.gid ?? 0) !== 0) {
        out.push(`M:${spec.uid ?? 0}:${spec.gid ?? 0}:${mode.toString(8)}`);
      }
    }
    for (const f of entries) {
      out.push(`R:${f.path.slice(f.path.lastIndexOf('/') + 1)}`);
      if (f.type === 'symlink') out.push(`a:${f.uid ?? 0}:${f.gid ?? 0}:777`);
      else if (f.type === 'file' || f.type === 'program') {
        const mode = f.mode ?? DEFAULT_MODE[f.type];
        if (mode !== 0o644 || (f.uid ?? 0) !== 0 || (f.gid ?? 0) !== 0) {
          out.push(`a:${f.uid ?? 0}:${f.gid ?? 0}:${mode.toString(8)}`);
        }
      }
    }
  }
  return out.join('\n') + '\n';
}

/** /lib/apk/db/installed: the stanzas in installation order, each followed by a blank line. */
export function apkInstalledDb(packages: readonly ApkPackage[]): string {
  return packages.map((p) => apkStanza(p) + '\n').join('');
}

/** A virtual package, as `apk add --virtual .name …` records it. */
export function virtualPackage(name: string, depends: string[], when: string): ApkPackage {
  return {
    name,
    version: when,
    arch: 'noarch',
    virtual: true,
    description: 'virtual meta package',
    url: '',
    license: '',
    maintainer: '',
    installedKiB: 0,
    depends,
    files: [],
  };
}

/** Every file of the given packages, first occurrence of a path winning (shared directories). */
export function packageFiles(packages: readonly ApkPackage[]): FileSpec[] {
  const seen = new Set<string>();
  const out: FileSpec[] = [];
  for (const p of packages) {
    for (const f of p.files) {
      if (seen.has(f.path)) continue;
      seen.add(f.path);
      out.push(f);
    }
  }
  return out;
}
