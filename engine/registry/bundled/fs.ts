/**
 * Small constructors for FileSpec entries, so that the image files read like
 * a directory listing: `dir('/tmp', 0o1777)`, `link('/bin/sh', '/bin/busybox')`.
 * Modes, owners and link targets are what `ls -l` shows inside a container.
 */
import type { FileSpec, HistorySpec, LayerSpec } from './spec.ts';

interface Owner {
  mode?: number;
  uid?: number;
  gid?: number;
}

function owner(o: Owner): Owner {
  const out: Owner = {};
  if (o.mode !== undefined) out.mode = o.mode;
  if (o.uid !== undefined) out.uid = o.uid;
  if (o.gid !== undefined) out.gid = o.gid;
  return out;
}

export function dir(path: string, mode?: number, uid?: number, gid?: number): FileSpec {
  return { path, type: 'dir', ...owner({ mode, uid, gid }) };
}

export function file(path: string, content: string | Uint8Array, mode?: number, uid?: number, gid?: number): FileSpec {
  return { path, type: 'file', content, ...owner({ mode, uid, gid }) };
}

/** An executable text file (a shell script): mode 0755 unless told otherwise. */
export function script(path: string, content: string, mode = 0o755): FileSpec {
  return { path, type: 'file', content, mode };
}

export interface ProgramOptions extends Owner {
  applet?: string;
  version?: string;
}

/** An emulated executable (see engine/common/executable.ts). */
export function program(path: string, name: string, options: ProgramOptions = {}): FileSpec {
  const spec: FileSpec = { path, type: 'program', program: name, ...owner(options) };
  if (options.applet !== undefined) spec.applet = options.applet;
  if (options.version !== undefined) spec.version = options.version;
  return spec;
}

/** A shared object, e.g. `/lib/libz.so.1.3.1` with soname `libz.so.1`. Mode 0755, as shipped. */
export function sharedLibrary(path: string, soname: string, mode = 0o755): FileSpec {
  return program(path, 'shared-library', { version: soname, mode });
}

export function link(path: string, target: string, uid?: number, gid?: number): FileSpec {
  const spec: FileSpec = { path, type: 'symlink', target };
  if (uid !== undefined) spec.uid = uid;
  if (gid !== undefined) spec.gid = gid;
  return spec;
}

export function hardlink(path: string, target: string): FileSpec {
  return { path, type: 'hardlink', target };
}

/** Directories given by path, root-owned, 0755. */
export function dirs(...paths: string[]): FileSpec[] {
  return paths.map((p) => dir(p));
}

/**
 * Text with its common leading indentation removed, so long file contents can
 * be written indented in the source. A leading newline is dropped; the result
 * always ends with exactly one newline.
 */
export function text(strings: TemplateStringsArray, ...values: unknown[]): string {
  let raw = strings.raw.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  raw = raw.replace(/\\`/g, '`').replace(/\\\$\{/g, '${');
  const lines = raw.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, /^[ \t]*/.exec(line)![0].length);
  }
  if (indent === Infinity) indent = 0;
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

/** Lines joined with newlines, ending with one. */
export function lines(...content: string[]): string {
  return content.join('\n') + '\n';
}

/** A history entry that made a layer. */
export function step(created: string, createdBy: string, layer: LayerSpec, buildkit = true): HistorySpec {
  return buildkit ? { created, createdBy, comment: 'buildkit.dockerfile.v0', layer } : { created, createdBy, layer };
}

/** A history entry that only changed the config. */
export function meta(created: string, createdBy: string, buildkit = true): HistorySpec {
  return buildkit
    ? { created, createdBy, comment: 'buildkit.dockerfile.v0', emptyLayer: true }
    : { created, createdBy, emptyLayer: true };
}

/** Days since the epoch, as /etc/shadow records "last password change". */
export function shadowDay(isoDate: string): number {
  return Math.floor(Date.parse(isoDate) / 86_400_000);
}

export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * A TZif (version 2) file for a zone with one fixed offset and no
 * transitions, such as UTC: 114 bytes, byte for byte what zic writes.
 */
export function fixedZoneTzif(abbreviation = 'UTC', tzString = 'UTC0'): Uint8Array {
  const chars = abbreviation + '\0';
  const block = (): number[] => {
    const out: number[] = [...'TZif2'].map((c) => c.charCodeAt(0));
    for (let i = 0; i < 15; i++) out.push(0);
    // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    for (const count of [0, 0, 0, 0, 1, chars.length]) out.push(0, 0, 0, count);
    out.push(0, 0, 0, 0, 0, 0); // ttinfo: utoff 0, isdst 0, desigidx 0
    for (const c of chars) out.push(c.charCodeAt(0));
    return out;
  };
  const footer = [...`\n${tzString}\n`].map((c) => c.charCodeAt(0));
  return new Uint8Array([...block(), ...block(), ...footer]);
}

/** Orders parents before children ("/etc" < "/etc/apk" < "/etc/apk/arch" < "/etc/fstab"). */
export function byPath(a: FileSpec, b: FileSpec): number {
  const x = a.path.split('/');
  const y = b.path.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * A layer's file list in tar order: the first entry for a path wins (shared
 * directories listed by several packages), parents come before children,
 * and a hard link always comes after the file it links to.
 */
export function layerFiles(files: readonly FileSpec[]): FileSpec[] {
  const seen = new Set<string>();
  const unique = files.filter((f) => !seen.has(f.path) && seen.add(f.path));
  const sorted = unique.sort(byPath);
  const out: FileSpec[] = [];
  const links: Extract<FileSpec, { type: 'hardlink' }>[] = [];
  for (const f of sorted) {
    if (f.type === 'hardlink') links.push(f);
    else out.push(f);
  }
  for (const l of links) {
    const at = out.findIndex((f) => f.path === l.target);
    out.splice(at < 0 ? out.length : at + 1, 0, l);
  }
  return out;
}
