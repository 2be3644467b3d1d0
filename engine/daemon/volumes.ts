/**
 * Volumes, as Docker's `local` driver keeps them: a named volume is the
 * directory /var/lib/docker/volumes/<name>/_data on the host, owned by root.
 * Containers reach volumes and host directories through bind mounts (the
 * daemon turns `c.mounts` into OCI `rbind` mounts at start).
 *
 * - `resolveMounts` turns a create request (HostConfig.Binds,
 *   HostConfig.Mounts, Config.Volumes from `-v /path` and the image's VOLUME)
 *   into Docker's MountPoints, creating the volumes it names;
 * - a new, empty volume mounted over an image directory that has content is
 *   first filled with a copy of it (copy-up), as moby's copyImagePathContent;
 * - the store answers the /volumes routes (list, create, inspect, remove, prune).
 */
import { EngineError } from '../errors.ts';
import { FsError } from '../fs/errno.ts';
import { mkdirs } from '../fs/mkdirs.ts';
import type { FileSystem } from '../fs/types.ts';
import { isDir, isRegular, isSymlink } from '../fs/types.ts';
import type { ContainerConfig, HostConfig, MountPoint } from './types.ts';
import type { Filters } from './query.ts';

export const VOLUMES_ROOT = '/var/lib/docker/volumes';
/** The label moby puts on volumes it creates for anonymous mounts; `volume prune` removes only these by default. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

const VOLUME_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export interface Volume {
  name: string;
  driver: 'local';
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  createdAt: number;
}

/** GET /volumes/{name} (volume.Volume). */
export interface VolumeInfo {
  CreatedAt: string;
  Driver: string;
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: 'local';
}

export interface VolumeCreateBody {
  Name?: string;
  Driver?: string;
  DriverOpts?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
}

/** Who uses volumes: the daemon's containers (the store asks, so it never holds stale references). */
export interface VolumeUsers {
  /** Ids of the containers whose mounts name the volume. */
  users(name: string): string[];
}

export class VolumeStore {
  private readonly volumes = new Map<string, Volume>();

  constructor(
    private readonly fs: () => FileSystem,
    private readonly now: () => number,
    private readonly randomName: () => string,
    private readonly emit: (action: string, name: string, attrs: Record<string, string>) => void = () => undefined,
  ) {}

  /** The volumes' records as plain data; their files are the host's. */
  dump(): Volume[] {
    return this.list().map((v) => ({ ...v }));
  }

  /** Takes back what `dump` gave (the files are already on the host's disk). */
  load(volumes: Volume[]): void {
    for (const v of volumes) this.volumes.set(v.name, { ...v });
  }

  static mountpoint(name: string): string {
    return `${VOLUMES_ROOT}/${name}/_data`;
  }

  list(): Volume[] {
    return [...this.volumes.values()];
  }

  find(name: string): Volume | undefined {
    return this.volumes.get(name);
  }

  get(name: string): Volume {
    const v = this.volumes.get(name);
    if (!v) throw new EngineError('NotFound', `get ${name}: no such volume`);
    return v;
  }

  /** POST /volumes/create: an existing name is returned as it is. */
  create(body: VolumeCreateBody = {}): Volume {
    const name = body.Name || this.randomName();
    const driver = body.Driver || 'local';
    if (driver !== 'local') throw new EngineError('NotFound', `error looking up volume plugin ${driver}: plugin "${driver}" not found`);
    validateVolumeName(name);
    const known = this.volumes.get(name);
    if (known) return known;
    const opts = body.DriverOpts && Object.keys(body.DriverOpts).length > 0 ? body.DriverOpts : null;
    if (opts) {
      for (const k of Object.keys(opts)) {
        if (!['type', 'device', 'o', 'size'].includes(k)) throw new EngineError('InvalidArgument', `create ${name}: invalid option key: "${k}"`);
      }
    }
    const v: Volume = { name, driver: 'local', labels: body.Labels ?? null, options: body.DriverOpts ?? null, createdAt: this.now() };
    mkdirs(this.fs(), VolumeStore.mountpoint(name), 0o755);
    this.fs().setattr(`${VOLUMES_ROOT}/${name}`, { mode: 0o701 });
    this.volumes.set(name, v);
    this.emit('create', name, { driver: 'local' });
    return v;
  }

  /** An anonymous volume (64 hex digits, labelled as moby does). */
  createAnonymous(): Volume {
    return this.create({ Labels: { [ANONYMOUS_LABEL]: '' } });
  }

  inspect(name: string): VolumeInfo {
    return this.info(this.get(name));
  }

  info(v: Volume): VolumeInfo {
    return {
      CreatedAt: new Date(Math.floor(v.createdAt / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      Driver: v.driver,
      Labels: v.labels,
      Mountpoint: VolumeStore.mountpoint(v.name),
      Name: v.name,
      Options: v.options,
      Scope: 'local',
    };
  }

  /** DELETE /volumes/{name}; `force` also forgets a missing volume silently. */
  remove(name: string, users: VolumeUsers, options: { force?: boolean } = {}): void {
    const v = this.volumes.get(name);
    if (!v) {
      if (options.force) return;
      throw new EngineError('NotFound', `get ${name}: no such volume`);
    }
    const ids = users.users(name);
    if (ids.length > 0) throw new EngineError('Conflict', `remove ${name}: volume is in use - [${ids.join(', ')}]`);
    this.destroy(v);
  }

  private destroy(v: Volume): number {
    const size = treeSize(this.fs(), VolumeStore.mountpoint(v.name));
    removeTree(this.fs(), `${VOLUMES_ROOT}/${v.name}`);
    this.volumes.delete(v.name);
    this.emit('destroy', v.name, { driver: 'local' });
    return size;
  }

  /** Bytes under a volume's _data (what `docker system df -v` shows). */
  size(name: string): number {
    return treeSize(this.fs(), VolumeStore.mountpoint(name));
  }

  /** POST /volumes/prune: unused anonymous volumes, or all unused ones with the `all` filter. */
  prune(users: VolumeUsers, filters: Filters = {}): { VolumesDeleted: string[] | null; SpaceReclaimed: number } {
    for (const k of Object.keys(filters)) {
      if (!['all', 'label', 'label!'].includes(k)) throw new EngineError('InvalidArgument', `invalid filter '${k}'`);
    }
    const all = (filters.all ?? []).some((x) => ['1', 'true'].includes(x.toLowerCase()));
    const deleted: string[] = [];
    let space = 0;
    for (const v of this.list()) {
      if (!all && !(v.labels && ANONYMOUS_LABEL in v.labels)) continue;
      if (filters.label && !filters.label.every((l) => matchLabel(v.labels, l))) continue;
      if (filters['label!'] && filters['label!'].some((l) => matchLabel(v.labels, l))) continue;
      if (users.users(v.name).length > 0) continue;
      space += this.destroy(v);
      deleted.push(v.name);
    }
    return { VolumesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
  }

  /** GET /volumes: {Volumes, Warnings}, with the dangling, name, label and driver filters. */
  listInfo(users: VolumeUsers, filters: Filters = {}): { Volumes: VolumeInfo[]; Warnings: string[] } {
    for (const k of Object.keys(filters)) {
      if (!['dangling', 'name', 'label', 'driver'].includes(k)) throw new EngineError('InvalidArgument', `invalid filter '${k}'`);
    }
    const rows = this.list().filter((v) => {
      if (filters.dangling) {
        const want = filters.dangling.some((x) => ['1', 'true'].includes(x.toLowerCase()));
        if ((users.users(v.name).length === 0) !== want) return false;
      }
      if (filters.name && !filters.name.some((n) => v.name.includes(n))) return false;
      if (filters.driver && !filters.driver.includes(v.driver)) return false;
      if (filters.label && !filters.label.every((l) => matchLabel(v.labels, l))) return false;
      return true;
    });
    return { Volumes: rows.map((v) => this.info(v)), Warnings: [] };
  }
}

function matchLabel(labels: Record<string, string> | null, filter: string): boolean {
  const i = filter.indexOf('=');
  const key = i < 0 ? filter : filter.slice(0, i);
  if (!labels || !(key in labels)) return false;
  return i < 0 || labels[key] === filter.slice(i + 1);
}

export function validateVolumeName(name: string): void {
  if (!VOLUME_NAME_RE.test(name)) {
    throw new EngineError(
      'InvalidArgument',
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
}

// ---- resolving a container's mounts -------------------------------------------------

export interface ResolveContext {
  store: VolumeStore;
  /** The host's filesystem (bind sources). */
  host: FileSystem;
  /** The container's root filesystem as the image leaves it (for copy-up). */
  rootfs: () => FileSystem;
}

function cleanPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

function invalidSpec(spec: string): EngineError {
  return new EngineError('InvalidArgument', `invalid volume specification: '${spec}'`);
}

const PROPAGATIONS = ['private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave'];

/** One `-v` entry (HostConfig.Binds): `name:/path[:mode]` or `/host:/path[:mode]`. */
function parseBind(spec: string): { source: string; dest: string; mode: string; rw: boolean; propagation: string; nocopy: boolean } {
  const parts = spec.split(':');
  if (parts.length < 2 || parts.length > 3) throw invalidSpec(spec);
  const [source, dest, mode = ''] = parts as [string, string, string?];
  if (source === '' || dest === '') throw invalidSpec(spec);
  if (!dest.startsWith('/')) throw new EngineError('InvalidArgument', `invalid mount config for type "${source.startsWith('/') ? 'bind' : 'volume'}": invalid mount path: '${dest}' mount path must be absolute`);
  if (cleanPath(dest) === '/') throw new EngineError('InvalidArgument', `invalid volume specification: '${spec}': invalid mount config for type "${source.startsWith('/') ? 'bind' : 'volume'}": invalid specification: destination can't be '/'`);
  let rw = true;
  let propagation = '';
  let nocopy = false;
  if (mode !== '') {
    let rwSeen = 0;
    for (const o of mode.split(',')) {
      if (o === 'ro' || o === 'rw') {
        rw = o === 'rw';
        rwSeen++;
      } else if (PROPAGATIONS.includes(o)) propagation = o;
      else if (o === 'nocopy') nocopy = true;
      else if (o === 'z' || o === 'Z' || o === 'consistent' || o === 'cached' || o === 'delegated') continue;
      else throw new EngineError('InvalidArgument', `invalid mode: ${mode}`);
    }
    if (rwSeen > 1) throw new EngineError('InvalidArgument', `invalid mode: ${mode}`);
  }
  return { source, dest: cleanPath(dest), mode, rw, propagation, nocopy };
}

function exists(fs: FileSystem, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch (err) {
    if (err instanceof FsError && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return false;
    throw err;
  }
}

/**
 * The container's MountPoints for a create request (moby's registerMountPoints):
 * Binds first, then Mounts, then anonymous volumes for Config.Volumes entries
 * nothing else covers. Volumes it names are created; new ones are copied up.
 */
export function resolveMounts(ctx: ResolveContext, config: ContainerConfig, host: HostConfig): MountPoint[] {
  const byDest = new Map<string, MountPoint>();
  const copyUp: { volume: string; dest: string }[] = [];
  const created: string[] = [];
  const add = (m: MountPoint) => {
    if (byDest.has(m.Destination)) throw new EngineError('InvalidArgument', `Duplicate mount point: ${m.Destination}`);
    byDest.set(m.Destination, m);
  };
  const volume = (name: string | undefined, anonymous: boolean): { name: string; fresh: boolean } => {
    if (name) validateVolumeName(name);
    const known = name ? ctx.store.find(name) : undefined;
    if (known) return { name: known.name, fresh: isEmptyDir(ctx.host, VolumeStore.mountpoint(known.name)) };
    const v = anonymous ? ctx.store.createAnonymous() : ctx.store.create({ Name: name });
    created.push(v.name);
    return { name: v.name, fresh: true };
  };
  try {
    for (const spec of host.Binds ?? []) {
      const b = parseBind(spec);
      if (b.source.startsWith('/')) {
        const source = cleanPath(b.source);
        // -v creates a missing host path as a directory (moby's legacy behaviour).
        if (!exists(ctx.host, source)) mkdirs(ctx.host, source, 0o755);
        add({ Type: 'bind', Source: source, Destination: b.dest, Mode: b.mode, RW: b.rw, Propagation: b.propagation || 'rprivate' });
      } else {
        const v = volume(b.source, false);
        add({ Type: 'volume', Name: v.name, Source: VolumeStore.mountpoint(v.name), Destination: b.dest, Driver: 'local', Mode: b.mode || 'z', RW: b.rw, Propagation: '' });
        if (v.fresh && !b.nocopy) copyUp.push({ volume: v.name, dest: b.dest });
      }
    }
    for (const m of host.Mounts ?? []) {
      const target = m.Target ?? (m as { Destination?: string }).Destination;
      if (!target) throw new EngineError('InvalidArgument', `invalid mount config for type "${m.Type}": field Target must not be empty`);
      if (!target.startsWith('/')) throw new EngineError('InvalidArgument', `invalid mount config for type "${m.Type}": invalid mount path: '${target}' mount path must be absolute`);
      const dest = cleanPath(target);
      const rw = !m.ReadOnly;
      const extra = m as { VolumeOptions?: { NoCopy?: boolean }; BindOptions?: { Propagation?: string; CreateMountpoint?: boolean } };
      if (m.Type === 'bind') {
        if (!m.Source) throw new EngineError('InvalidArgument', `invalid mount config for type "bind": field Source must not be empty`);
        if (!m.Source.startsWith('/')) throw new EngineError('InvalidArgument', `invalid mount config for type "bind": invalid mount path: '${m.Source}' mount path must be absolute`);
        const source = cleanPath(m.Source);
        if (!exists(ctx.host, source)) {
          if (extra.BindOptions?.CreateMountpoint) mkdirs(ctx.host, source, 0o755);
          else throw new EngineError('InvalidArgument', `invalid mount config for type "bind": bind source path does not exist: ${source}`);
        }
        add({ Type: 'bind', Source: source, Destination: dest, Mode: '', RW: rw, Propagation: extra.BindOptions?.Propagation || 'rprivate' });
      } else if (m.Type === 'volume') {
        const v = volume(m.Source || undefined, !m.Source);
        add({ Type: 'volume', Name: v.name, Source: VolumeStore.mountpoint(v.name), Destination: dest, Driver: 'local', Mode: '', RW: rw, Propagation: '' });
        if (v.fresh && !extra.VolumeOptions?.NoCopy) copyUp.push({ volume: v.name, dest });
      } else if (m.Type === 'tmpfs') {
        if (m.Source) throw new EngineError('InvalidArgument', `invalid mount config for type "tmpfs": field Source must not be specified`);
        // A tmpfs is a fresh empty directory that goes away with the container.
        add({ Type: 'tmpfs', Source: '', Destination: dest, Mode: '', RW: rw, Propagation: '' });
      } else {
        throw new EngineError('InvalidArgument', `mount type unknown`);
      }
    }
    for (const path of Object.keys(config.Volumes ?? {})) {
      const dest = cleanPath(path);
      if (byDest.has(dest)) continue;
      const v = volume(undefined, true);
      add({ Type: 'volume', Name: v.name, Source: VolumeStore.mountpoint(v.name), Destination: dest, Driver: 'local', Mode: '', RW: true, Propagation: '' });
      copyUp.push({ volume: v.name, dest });
    }
    if (copyUp.length > 0) {
      const rootfs = ctx.rootfs();
      for (const { volume: name, dest } of copyUp) copyImagePath(rootfs, dest, ctx.host, VolumeStore.mountpoint(name));
    }
  } catch (err) {
    // Leave nothing behind for a create that fails.
    for (const name of created) {
      try {
        ctx.store.remove(name, { users: () => [] }, { force: true });
      } catch {
        /* best effort */
      }
    }
    throw err;
  }
  return [...byDest.values()].sort((a, b) => depth(a.Destination) - depth(b.Destination));
}

function depth(p: string): number {
  return p.split('/').filter((x) => x !== '').length;
}

function isEmptyDir(fs: FileSystem, path: string): boolean {
  try {
    return fs.readdir(path).length === 0;
  } catch {
    return true;
  }
}

/** Fills an empty volume with the image's content at `src` (moby's copyImagePathContent): files, modes, owners. */
export function copyImagePath(from: FileSystem, src: string, to: FileSystem, dest: string): void {
  let st;
  try {
    st = from.lstat(src);
  } catch {
    return;
  }
  if (!isDir(st.mode)) return;
  if (!isEmptyDir(to, dest)) return;
  copyTree(from, src, to, dest);
  // The volume's root takes the image directory's mode and owner.
  to.setattr(dest, { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid });
}

function copyTree(from: FileSystem, src: string, to: FileSystem, dest: string): void {
  for (const name of from.readdir(src)) {
    const s = `${src}/${name}`;
    const d = `${dest}/${name}`;
    const st = from.lstat(s);
    const owner = { uid: st.uid, gid: st.gid };
    if (isDir(st.mode)) {
      to.mkdir(d, st.mode & 0o7777, owner);
      copyTree(from, s, to, d);
      to.setattr(d, { mode: st.mode & 0o7777, mtimeMs: st.mtimeMs });
    } else if (isSymlink(st.mode)) {
      to.symlink(from.readlink(s), d, owner);
    } else if (isRegular(st.mode)) {
      to.create(d, st.mode & 0o7777, owner);
      const buf = new Uint8Array(st.size);
      const r = from.open(s, 'r');
      let off = 0;
      while (off < st.size) {
        const n = r.read(buf.subarray(off), off);
        if (n <= 0) break;
        off += n;
      }
      r.close();
      const w = to.open(d, 'w');
      w.write(buf.subarray(0, off), 0);
      w.close();
      to.setattr(d, { mode: st.mode & 0o7777, mtimeMs: st.mtimeMs });
    } else {
      to.mknod(d, st.mode, st.rdev, owner);
    }
  }
}

// ---- host filesystem helpers ---------------------------------------------------------


function removeTree(fs: FileSystem, path: string): void {
  let st;
  try {
    st = fs.lstat(path);
  } catch {
    return;
  }
  if (isDir(st.mode)) {
    for (const name of fs.readdir(path)) removeTree(fs, `${path}/${name}`);
    fs.rmdir(path);
  } else fs.unlink(path);
}

function treeSize(fs: FileSystem, path: string): number {
  let st;
  try {
    st = fs.lstat(path);
  } catch {
    return 0;
  }
  if (!isDir(st.mode)) return isRegular(st.mode) ? st.size : 0;
  let n = 0;
  for (const name of fs.readdir(path)) n += treeSize(fs, `${path}/${name}`);
  return n;
}
