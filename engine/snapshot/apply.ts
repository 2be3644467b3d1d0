/**
 * Applying a layer tar to a snapshot: the other half of diff.ts.
 *
 * The entries are written straight into the snapshot's own directory (its
 * upper dir), as Docker's overlay2 driver untars into a layer's `diff`
 * directory. OCI whiteouts keep their form (`.wh.<name>`, `.wh..wh..opq`),
 * which is also how the emulated overlay stores them.
 *
 * A layer comes from the network; it is checked before anything is written
 * and refused, never clamped:
 * - names must stay inside the layer: no absolute paths, no "..";
 * - a name may not pass through a symlink or file of the same layer
 *   (`evil -> /etc` then `evil/passwd`);
 * - symlink targets may be absolute (they resolve inside the container) but a
 *   relative one may not climb above the layer's root;
 * - hard links must name a file earlier in the same layer;
 * - whiteouts must name something (`.wh.`, `.wh..`, `.wh...` are refused).
 * Sizes and entry counts are capped by the tar reader (TarLimits). The caller
 * removes the snapshot when this throws, so a refused layer leaves nothing.
 */
import type { Disk, DiskEntry } from '../platform/types.ts';
import { EngineError } from '../errors.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFREG, isDir } from '../fs/types.ts';
import type { TarEntry, TarHeader } from '../image/tar.ts';
import { OPAQUE_MARKER, WHITEOUT_PREFIX } from './lower.ts';
import { removeTree } from './emulated.ts';

/** AUFS bookkeeping names (`.wh..wh.plnk`, `.wh..wh.aufs`): Docker skips them, so does Berth. */
const AUFS_META_PREFIX = '.wh..wh.';

const invalid = (message: string) => new EngineError('InvalidArgument', message);

export interface ApplyResult {
  /** Bytes of regular-file content written. */
  size: number;
  entries: number;
}

/** The path's components, or an error when it is absolute or leaves the layer. */
function entryPath(header: TarHeader): string[] {
  const name = header.name;
  if (name.startsWith('/')) throw invalid(`invalid layer entry ${JSON.stringify(name)}: absolute path`);
  const parts = name.split('/').filter((c) => c !== '' && c !== '.');
  if (parts.includes('..')) throw invalid(`invalid layer entry ${JSON.stringify(name)}: path leads outside the layer`);
  return parts;
}

/** Whether a relative symlink target, followed from `dir`, stays inside the root. */
function staysInside(dir: readonly string[], target: string): boolean {
  let depth = dir.length;
  for (const c of target.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') {
      if (--depth < 0) return false;
    } else depth++;
  }
  return true;
}

const typeMode: Record<string, number> = { file: S_IFREG, dir: S_IFDIR, symlink: S_IFLNK, char: S_IFCHR, block: S_IFBLK, fifo: S_IFIFO };

export async function applyLayer(disk: Disk, root: DiskEntry, entries: AsyncIterable<TarEntry>, now: () => number): Promise<ApplyResult> {
  const dirTimes: { entry: DiskEntry; mtimeMs: number }[] = [];
  let size = 0;
  let count = 0;

  /** Walks to the directory holding `parts`' last name, creating missing directories. */
  const parentDir = (parts: readonly string[], name: string): DiskEntry => {
    let dir = root;
    for (const c of parts.slice(0, -1)) {
      const next = disk.lookup(dir, c);
      if (!next) {
        dir = disk.create(dir, c, { mode: S_IFDIR | 0o755, uid: 0, gid: 0, timeMs: now() });
        continue;
      }
      if (!isDir(disk.stat(disk.inode(next)).mode)) {
        throw invalid(`invalid layer entry ${JSON.stringify(name)}: ${JSON.stringify(c)} is not a directory in this layer`);
      }
      dir = next;
    }
    return dir;
  };

  for await (const { header, data } of entries) {
    count++;
    const parts = entryPath(header);
    if (parts.length === 0) {
      // "./": the layer's root directory itself.
      if (header.type !== 'dir') throw invalid(`invalid layer entry ${JSON.stringify(header.name)}: the root must be a directory`);
      setAttrs(disk, root, header);
      dirTimes.push({ entry: root, mtimeMs: header.mtimeMs });
      continue;
    }
    const base = parts[parts.length - 1]!;
    const dir = parentDir(parts, header.name);

    if (base.startsWith(WHITEOUT_PREFIX)) {
      if (base === OPAQUE_MARKER) {
        if (!disk.lookup(dir, OPAQUE_MARKER)) {
          const st = disk.stat(disk.inode(dir));
          disk.create(dir, OPAQUE_MARKER, { mode: S_IFREG | (st.mode & 0o777), uid: st.uid, gid: st.gid, timeMs: header.mtimeMs });
        }
        continue;
      }
      if (base.startsWith(AUFS_META_PREFIX)) continue;
      const hidden = base.slice(WHITEOUT_PREFIX.length);
      if (hidden === '' || hidden === '.' || hidden === '..') throw invalid(`invalid whiteout entry ${JSON.stringify(header.name)}`);
      if (!disk.lookup(dir, base)) disk.create(dir, base, { mode: S_IFREG | 0o600, uid: header.uid, gid: header.gid, timeMs: header.mtimeMs });
      continue;
    }

    const existing = disk.lookup(dir, base);
    if (existing) {
      const existingIsDir = isDir(disk.stat(disk.inode(existing)).mode);
      if (header.type === 'dir' && existingIsDir) {
        setAttrs(disk, existing, header);
        dirTimes.push({ entry: existing, mtimeMs: header.mtimeMs });
        continue;
      }
      removeTree(disk, dir, base);
    }

    switch (header.type) {
      case 'hardlink': {
        const target = header.linkname.split('/').filter((c) => c !== '' && c !== '.');
        if (header.linkname.startsWith('/') || target.includes('..') || target.length === 0) {
          throw invalid(`invalid hardlink ${JSON.stringify(header.name)} -> ${JSON.stringify(header.linkname)}: target leads outside the layer`);
        }
        let t: DiskEntry | undefined = root;
        for (const c of target) t = t && isDir(disk.stat(disk.inode(t)).mode) ? disk.lookup(t, c) : undefined;
        if (!t || isDir(disk.stat(disk.inode(t)).mode)) {
          throw invalid(`invalid hardlink ${JSON.stringify(header.name)} -> ${JSON.stringify(header.linkname)}: no such file in this layer`);
        }
        disk.link(dir, base, disk.inode(t));
        break;
      }
      case 'symlink': {
        if (!header.linkname.startsWith('/') && !staysInside(parts.slice(0, -1), header.linkname)) {
          throw invalid(`invalid symlink ${JSON.stringify(header.name)} -> ${JSON.stringify(header.linkname)}: target leads outside the layer`);
        }
        const e = disk.create(dir, base, { mode: S_IFLNK | 0o777, uid: header.uid, gid: header.gid, timeMs: header.mtimeMs, target: header.linkname });
        disk.setTimes(disk.inode(e), { mtimeMs: header.mtimeMs, atimeMs: header.mtimeMs });
        break;
      }
      case 'dir': {
        const e = disk.create(dir, base, { mode: S_IFDIR | (header.mode & 0o7777), uid: header.uid, gid: header.gid, timeMs: header.mtimeMs });
        dirTimes.push({ entry: e, mtimeMs: header.mtimeMs });
        break;
      }
      case 'file':
      case 'char':
      case 'block':
      case 'fifo': {
        const rdev = ((header.devmajor ?? 0) << 8) | (header.devminor ?? 0);
        const e = disk.create(dir, base, { mode: typeMode[header.type]! | (header.mode & 0o7777), uid: header.uid, gid: header.gid, timeMs: header.mtimeMs, rdev });
        if (header.type === 'file' && data.length > 0) {
          disk.write(disk.inode(e), data, 0);
          size += data.length;
        }
        disk.setTimes(disk.inode(e), { atimeMs: header.mtimeMs, mtimeMs: header.mtimeMs });
        break;
      }
    }
  }

  // Adding entries changed directories' times; put the archive's back, deepest first.
  for (let i = dirTimes.length - 1; i >= 0; i--) {
    const { entry, mtimeMs } = dirTimes[i]!;
    disk.setTimes(disk.inode(entry), { atimeMs: mtimeMs, mtimeMs });
  }
  return { size, entries: count };
}

function setAttrs(disk: Disk, entry: DiskEntry, header: TarHeader): void {
  const inode = disk.inode(entry);
  disk.setMode(inode, S_IFDIR | (header.mode & 0o7777));
  disk.setOwner(inode, header.uid, header.gid);
}
