/**
 * The emulated snapshotter: containerd's overlay snapshotter, on a Disk.
 *
 * Each snapshot is a numbered directory under the root, as containerd lays
 * them out on a real host:
 *   /var/lib/berth/snapshots/<id>/fs     the snapshot's own files (its layer)
 *   /var/lib/berth/snapshots/<id>/work   overlayfs's scratch directory
 * `mounts` returns what a real host would pass to mount(2); `mountFs` turns
 * that same data into a FileSystem for the emulated kernel.
 */
import type { Disk, DiskEntry } from '../platform/types.ts';
import { EngineError } from '../errors.ts';
import { FsError } from '../fs/errno.ts';
import { DiskFs } from '../fs/diskfs.ts';
import { S_IFDIR, S_IFMT, S_IFREG, isDir, type FileSystem } from '../fs/types.ts';
import { ReadOnlyFs } from '../fs/readonly.ts';
import { LowerIndex } from './lower.ts';
import { OverlayFs } from './overlay.ts';
import { MAX_DEPTH_MESSAGE, MAX_LOWERS, type Mount, type SnapshotInfo, type SnapshotKind, type Snapshotter, type Usage } from './types.ts';

/** A snapshot's record: what `stat` reports, plus the number of its directory. */
export interface Snap extends SnapshotInfo {
  id: number;
}

export const DEFAULT_SNAPSHOT_ROOT = '/var/lib/berth/snapshots';

export class EmulatedSnapshotter implements Snapshotter {
  private readonly snaps = new Map<string, Snap>();
  private nextId = 1;
  private readonly rootEntry: DiskEntry;
  /** Lower indexes by lowerdir option: every container on one image shares one. */
  private readonly indexes = new Map<string, LowerIndex>();

  constructor(
    readonly disk: Disk,
    private readonly now: () => number,
    readonly root: string = DEFAULT_SNAPSHOT_ROOT,
  ) {
    this.rootEntry = mkdirp(disk, root, now(), 0o700);
  }

  /** The records as plain data; the files are the disk's. */
  dump(): { snaps: Snap[]; nextId: number } {
    return { snaps: [...this.snaps.values()].map((x) => ({ ...x, labels: { ...x.labels } })), nextId: this.nextId };
  }

  /** Takes back what `dump` gave, on the disk the dump's files were loaded into. */
  load(dump: { snaps: Snap[]; nextId: number }): void {
    for (const x of dump.snaps) this.snaps.set(x.name, { ...x, labels: { ...x.labels } });
    this.nextId = Math.max(this.nextId, dump.nextId);
  }

  private get(key: string): Snap {
    const s = this.snaps.get(key);
    if (!s) throw new EngineError('NotFound', `snapshot ${key} does not exist: not found`);
    return s;
  }

  private dir(s: Snap): string {
    return `${this.root}/${s.id}`;
  }

  stat(key: string): SnapshotInfo {
    return info(this.get(key));
  }

  walk(): SnapshotInfo[] {
    return [...this.snaps.values()].map(info);
  }

  prepare(key: string, parent?: string, labels: Record<string, string> = {}): Mount[] {
    return this.create('active', key, parent, labels);
  }

  view(key: string, parent?: string, labels: Record<string, string> = {}): Mount[] {
    return this.create('view', key, parent, labels);
  }

  private create(kind: SnapshotKind, key: string, parent: string | undefined, labels: Record<string, string>): Mount[] {
    if (this.snaps.has(key)) throw new EngineError('AlreadyExists', `snapshot ${key}: already exists`);
    if (parent !== undefined) {
      const p = this.get(parent);
      if (p.kind !== 'committed') throw new EngineError('FailedPrecondition', `parent snapshot ${parent} is not committed: failed precondition`);
      if (this.chain(p).length > MAX_LOWERS) throw new EngineError('FailedPrecondition', MAX_DEPTH_MESSAGE);
    }
    const t = this.now();
    const s: Snap = { id: this.nextId++, name: key, kind, parent, labels: { ...labels }, created: t, updated: t };
    const dir = mkdirp(this.disk, this.dir(s), t, 0o700);
    this.disk.create(dir, 'fs', { mode: S_IFDIR | 0o755, uid: 0, gid: 0, timeMs: t });
    this.disk.create(dir, 'work', { mode: S_IFDIR | 0o700, uid: 0, gid: 0, timeMs: t });
    this.snaps.set(key, s);
    return this.mountsOf(s);
  }

  /** The snapshot and its ancestors, nearest first. */
  private chain(s: Snap): Snap[] {
    const out: Snap[] = [];
    for (let cur: Snap | undefined = s; cur; cur = cur.parent !== undefined ? this.snaps.get(cur.parent) : undefined) out.push(cur);
    return out;
  }

  mounts(key: string): Mount[] {
    return this.mountsOf(this.get(key));
  }

  private mountsOf(s: Snap): Mount[] {
    const parents = s.parent !== undefined ? this.chain(this.get(s.parent)) : [];
    const fsOf = (x: Snap) => `${this.dir(x)}/fs`;
    if (s.kind === 'view') {
      if (parents.length === 0) return [{ type: 'bind', source: fsOf(s), options: ['ro', 'rbind'] }];
      if (parents.length === 1) return [{ type: 'bind', source: fsOf(parents[0]!), options: ['ro', 'rbind'] }];
      return [{ type: 'overlay', source: 'overlay', options: [`lowerdir=${parents.map(fsOf).join(':')}`] }];
    }
    if (s.kind === 'committed' || parents.length === 0) {
      return [{ type: 'bind', source: fsOf(s), options: [s.kind === 'committed' ? 'ro' : 'rw', 'rbind'] }];
    }
    return [
      {
        type: 'overlay',
        source: 'overlay',
        options: ['index=off', `workdir=${this.dir(s)}/work`, `upperdir=${fsOf(s)}`, `lowerdir=${parents.map(fsOf).join(':')}`],
      },
    ];
  }

  commit(name: string, key: string, labels?: Record<string, string>): void {
    const s = this.get(key);
    if (s.kind !== 'active') throw new EngineError('FailedPrecondition', `snapshot ${key} is not active: failed precondition`);
    if (this.snaps.has(name)) throw new EngineError('AlreadyExists', `snapshot ${name}: already exists`);
    this.snaps.delete(key);
    s.name = name;
    s.kind = 'committed';
    s.updated = this.now();
    if (labels) s.labels = { ...labels };
    this.snaps.set(name, s);
  }

  remove(key: string): void {
    const s = this.get(key);
    for (const other of this.snaps.values()) {
      if (other.parent === s.name) throw new EngineError('FailedPrecondition', `cannot remove snapshot with child: failed precondition`);
    }
    this.snaps.delete(key);
    const fs = `${this.dir(s)}/fs`;
    for (const k of [...this.indexes.keys()]) if (k.split(':').includes(fs)) this.indexes.delete(k);
    removeTree(this.disk, this.rootEntry, String(s.id));
  }

  usage(key: string): Usage {
    const s = this.get(key);
    const fs = lookupPath(this.disk, `${this.dir(s)}/fs`);
    const seen = new Set<unknown>();
    let size = 0;
    let inodes = 0;
    const visit = (dir: DiskEntry) => {
      for (const name of this.disk.names(dir)) {
        const e = this.disk.lookup(dir, name)!;
        const inode = this.disk.inode(e);
        inodes++;
        if (seen.has(inode)) continue;
        seen.add(inode);
        const st = this.disk.stat(inode);
        if ((st.mode & S_IFMT) === S_IFREG) size += st.size;
        if (isDir(st.mode)) visit(e);
      }
    };
    visit(fs);
    return { size, inodes };
  }

  /**
   * Mounts, the emulated way: builds the FileSystem that `mounts` describes.
   * This is what the emulated runtime does where a real one calls mount(2).
   */
  mountFs(mounts: readonly Mount[]): FileSystem {
    if (mounts.length !== 1) throw new EngineError('InvalidArgument', `expected one mount, got ${mounts.length}`);
    const m = mounts[0]!;
    const readOnly = m.options.includes('ro');
    if (m.type === 'bind') {
      const fs = new DiskFs(this.disk, lookupPath(this.disk, m.source), this.now);
      return readOnly ? new ReadOnlyFs(fs) : fs;
    }
    if (m.type !== 'overlay') throw new EngineError('InvalidArgument', `unsupported mount type ${m.type}`);
    const opt = (k: string) => m.options.find((o) => o.startsWith(k + '='))?.slice(k.length + 1);
    const lowerdir = opt('lowerdir') ?? '';
    const lowers = lowerdir.split(':').filter((p) => p !== '');
    if (lowers.length > MAX_LOWERS) throw new EngineError('FailedPrecondition', MAX_DEPTH_MESSAGE);
    let index = this.indexes.get(lowerdir);
    if (!index) {
      index = new LowerIndex(this.disk, lowers.map((p) => lookupPath(this.disk, p)));
      this.indexes.set(lowerdir, index);
    }
    const upperdir = opt('upperdir');
    if (upperdir === undefined) {
      // A read-only overlay: no upper layer, nothing can change.
      const empty = mkdirp(this.disk, `${this.root}/.empty`, this.now(), 0o755);
      return new ReadOnlyFs(new OverlayFs({ disk: this.disk, lowers: [], upper: empty, now: this.now, index }));
    }
    return new OverlayFs({ disk: this.disk, lowers: [], upper: lookupPath(this.disk, upperdir), now: this.now, index });
  }

  /** The directory holding a snapshot's own layer (its upper directory, or its committed content). */
  layerDir(key: string): DiskEntry {
    return lookupPath(this.disk, `${this.dir(this.get(key))}/fs`);
  }

  /** The snapshot's parent's lower directories, topmost first (for diffs). */
  parentLayerDirs(key: string): DiskEntry[] {
    const s = this.get(key);
    if (s.parent === undefined) return [];
    return this.chain(this.get(s.parent)).map((p) => lookupPath(this.disk, `${this.dir(p)}/fs`));
  }
}

function info(s: Snap): SnapshotInfo {
  return { name: s.name, kind: s.kind, parent: s.parent, labels: { ...s.labels }, created: s.created, updated: s.updated };
}

/** Finds a directory by absolute path on a Disk (no symlinks: these are the engine's own paths). */
export function lookupPath(disk: Disk, path: string): DiskEntry {
  let e = disk.root;
  for (const c of path.split('/')) {
    if (c === '') continue;
    const next = disk.lookup(e, c);
    if (!next) throw new FsError('ENOENT', 'lookup', path);
    e = next;
  }
  return e;
}

/** Creates the directories of an absolute path as needed; returns the last. */
export function mkdirp(disk: Disk, path: string, timeMs: number, mode = 0o755): DiskEntry {
  let e = disk.root;
  for (const c of path.split('/')) {
    if (c === '') continue;
    e = disk.lookup(e, c) ?? disk.create(e, c, { mode: S_IFDIR | mode, uid: 0, gid: 0, timeMs });
  }
  return e;
}

/** Removes `name` from `parent`, with everything under it. */
export function removeTree(disk: Disk, parent: DiskEntry, name: string): void {
  const e = disk.lookup(parent, name);
  if (!e) return;
  if (isDir(disk.stat(disk.inode(e)).mode)) for (const child of disk.names(e)) removeTree(disk, e, child);
  disk.unlink(parent, name);
}
