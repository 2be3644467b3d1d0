/**
 * Files in and out of a container: `docker cp` (HEAD/GET/PUT
 * /containers/{id}/archive) and `docker export` (GET …/export), as moby's
 * daemon/archive_unix.go and go-archive do them.
 *
 * `docker cp` sees the container as its processes do: the root filesystem
 * with the container's hosts, hostname and resolv.conf and its volumes and
 * bind mounts on top (whether or not it runs). `docker export` is the root
 * filesystem alone. Archives are tar streams written entry by entry as they
 * are read, with go-archive's names: a directory `etc` is `etc/`, `etc/hosts`…;
 * `etc/.` is `./`, `./hosts`…
 */
import { EngineError } from '../errors.ts';
import { FsError } from '../fs/errno.ts';
import { ReadOnlyFs } from '../fs/readonly.ts';
import { SubtreeFs } from '../fs/subtree.ts';
import { S_IFMT, isDir, type FileSystem, type Stat } from '../fs/types.ts';
import { ROOT, Vfs } from '../fs/vfs.ts';
import { readTar, writeTar } from '../image/tar.ts';
import { goError, treeEntries, untarInto, type TreeSink, type TreeSource } from '../image/tar-tree.ts';
import { rfc3339Nano } from '../common/time.ts';
import { base, clean, join, preserveTrailingDotOrSeparator } from '../common/gopath.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';

/** os.FileMode bits, as PathStat.mode carries them. */
export function goFileMode(mode: number): number {
  let m = mode & 0o777;
  switch (mode & S_IFMT) {
    case 0o040000: m |= 2 ** 31; break;
    case 0o120000: m |= 2 ** 27; break;
    case 0o060000: m |= 2 ** 26; break;
    case 0o020000: m |= 2 ** 26 + 2 ** 21; break;
    case 0o010000: m |= 2 ** 25; break;
    case 0o140000: m |= 2 ** 24; break;
  }
  if (mode & 0o4000) m += 2 ** 23;
  if (mode & 0o2000) m += 2 ** 22;
  if (mode & 0o1000) m += 2 ** 20;
  return m >>> 0;
}

export interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

/** The container's filesystem as its processes see it: rootfs, the files Docker bind-mounts, volumes. */
function containerView(d: Daemon, c: Container): Vfs {
  const sn = d.options.snapshotter;
  const host = d.hostFs();
  const vfs = new Vfs(sn.mountFs(sn.mounts(c.id)), () => d.platform.now());
  const dir = `/var/lib/docker/containers/${c.id}`;
  for (const name of ['resolv.conf', 'hostname', 'hosts']) {
    try {
      host.lstat(`${dir}/${name}`);
      vfs.mount(`/etc/${name}`, new SubtreeFs(host, `${dir}/${name}`));
    } catch {
      // not started yet: the image's own file shows
    }
  }
  for (const m of c.mounts) {
    if (m.Type === 'tmpfs') continue;
    try {
      host.lstat(m.Source);
    } catch {
      continue;
    }
    const fs: FileSystem = new SubtreeFs(host, clean(m.Source));
    vfs.mount(clean(m.Destination), m.RW ? fs : new ReadOnlyFs(fs));
  }
  return vfs;
}

const notFound = (path: string, ref: string) => new EngineError('NotFound', `Could not find the file ${path} in container ${ref}`);

function lstatIn(vfs: Vfs, path: string, original: string, ref: string): Stat {
  try {
    return vfs.lstat(path, ROOT);
  } catch (err) {
    if (err instanceof FsError && err.code === 'ENOENT') throw notFound(original, ref);
    throw new EngineError('Internal', goError(err, 'lstat', path).message);
  }
}

function pathStat(vfs: Vfs, path: string, st: Stat): PathStat {
  let linkTarget = '';
  if ((st.mode & S_IFMT) === 0o120000) {
    try {
      linkTarget = vfs.walk(path, ROOT, '/', { follow: true, syscall: 'stat' }).vfsPath;
    } catch {
      const target = vfs.readlink(path, ROOT);
      linkTarget = target.startsWith('/') ? clean(target) : clean(`${clean(path).split('/').slice(0, -1).join('/')}/${target}`);
    }
  }
  return { name: base(path), size: st.size, mode: goFileMode(st.mode), mtime: rfc3339Nano(st.mtimeMs), linkTarget };
}

/** HEAD /containers/{id}/archive. */
export function statContainerPath(d: Daemon, ref: string, path: string): PathStat {
  const c = d.container(ref);
  const vfs = containerView(d, c);
  const abs = preserveTrailingDotOrSeparator(join('/', path), path);
  return pathStat(vfs, abs, lstatIn(vfs, abs, path, ref));
}

function readVfsFile(vfs: Vfs, p: string): Uint8Array {
  const h = vfs.open(p, { read: true, write: false }, ROOT);
  try {
    const buf = new Uint8Array(h.stat().size);
    let at = 0;
    while (at < buf.length) {
      const n = h.read(buf.subarray(at), at);
      if (n <= 0) break;
      at += n;
    }
    return at === buf.length ? buf : buf.slice(0, at);
  } finally {
    h.close();
  }
}

function vfsSource(vfs: Vfs): TreeSource {
  return { lstat: (p) => vfs.lstat(p, ROOT), readdir: (p) => vfs.readdir(p, ROOT), readlink: (p) => vfs.readlink(p, ROOT), read: (p) => readVfsFile(vfs, p) };
}

/** GET /containers/{id}/archive: the resource's stat and a tar of it. */
export function archiveContainerPath(d: Daemon, ref: string, path: string): { stat: PathStat; body: AsyncIterable<Uint8Array> } {
  const c = d.container(ref);
  const vfs = containerView(d, c);
  const abs = preserveTrailingDotOrSeparator(join('/', path), path);
  const st = lstatIn(vfs, abs, path, ref);
  const stat = pathStat(vfs, abs, st);
  const rebase = base(abs);
  d.events.emit('container', 'archive-path', c.id, { image: c.image, name: c.name.slice(1), path });
  return { stat, body: writeTar(treeEntries(vfsSource(vfs), clean(abs), rebase)) };
}

/** GET /containers/{id}/export: the root filesystem, without volumes. */
export function exportContainer(d: Daemon, ref: string): AsyncIterable<Uint8Array> {
  const c = d.container(ref);
  const sn = d.options.snapshotter;
  const vfs = new Vfs(sn.mountFs(sn.mounts(c.id)), () => d.platform.now());
  d.events.emit('container', 'export', c.id, { image: c.image, name: c.name.slice(1) });
  return writeTar(treeEntries(vfsSource(vfs), '/', ''));
}

/** The uid and gid `docker cp -a` gives files: the container's User, looked up in its passwd and group. */
function containerIds(vfs: Vfs, user: string): { uid: number; gid: number } {
  const read = (p: string) => {
    try {
      return new TextDecoder().decode(readVfsFile(vfs, p)).split('\n').map((l) => l.split(':'));
    } catch {
      return [];
    }
  };
  const [u = '', g = ''] = user.split(':');
  let uid = 0;
  let gid = 0;
  if (u !== '') {
    const row = read('/etc/passwd').find((f) => (/^\d+$/.test(u) ? f[2] === u : f[0] === u));
    if (!row && !/^\d+$/.test(u)) throw new EngineError('InvalidArgument', `failed to look up user "${u}" in container: no matching entries in passwd file`);
    uid = row ? Number(row[2]) : Number(u);
    gid = row ? Number(row[3]) : 0;
  }
  if (g !== '') {
    if (/^\d+$/.test(g)) gid = Number(g);
    else {
      const row = read('/etc/group').find((f) => f[0] === g);
      if (!row) throw new EngineError('InvalidArgument', `failed to look up group "${g}" in container: no matching entries in group file`);
      gid = Number(row[2]);
    }
  }
  return { uid, gid };
}

/** PUT /containers/{id}/archive: extracts a tar into a directory of the container. */
export async function extractToContainer(d: Daemon, ref: string, path: string, body: AsyncIterable<Uint8Array>, opts: { noOverwriteDirNonDir: boolean; copyUIDGID: boolean }): Promise<void> {
  const c = d.container(ref);
  const vfs = containerView(d, c);
  let abs: string;
  try {
    abs = vfs.walk(join('/', path), ROOT, '/', { follow: true, syscall: 'lstat' }).vfsPath;
  } catch (err) {
    if (err instanceof FsError && err.code === 'ENOENT') throw notFound(path, ref);
    throw new EngineError('Internal', goError(err, 'lstat', join('/', path)).message);
  }
  if (!isDir(vfs.lstat(abs, ROOT).mode)) throw new EngineError('InvalidArgument', 'extraction point is not a directory');
  const mount = c.mounts.filter((m) => m.Type !== 'tmpfs' && (abs === clean(m.Destination) || abs.startsWith(`${clean(m.Destination)}/`))).sort((a, b) => b.Destination.length - a.Destination.length)[0];
  if (mount && !mount.RW) throw new EngineError('InvalidArgument', 'mounted volume is marked read-only');
  if (!mount && c.hostConfig.ReadonlyRootfs) throw new EngineError('InvalidArgument', 'container rootfs is marked read-only');
  const owner = opts.copyUIDGID && c.config.User ? containerIds(vfs, c.config.User) : undefined;
  try {
    await untarInto(vfsSink(vfs, true), abs, readTar(body), { noOverwriteDirNonDir: opts.noOverwriteDirNonDir, owner });
  } catch (err) {
    throw err instanceof EngineError ? err : new EngineError('Internal', (err as Error).message);
  }
  d.events.emit('container', 'extract-to-dir', c.id, { image: c.image, name: c.name.slice(1), path });
}

/** A container's files as an extraction target (go-archive's Untar writes through it). */
function vfsSink(vfs: Vfs, chown: boolean): TreeSink {
  const times = (ms: number) => ({ atimeMs: ms, mtimeMs: ms });
  return {
    lstat: (p) => {
      try {
        return vfs.lstat(p, ROOT);
      } catch {
        return undefined;
      }
    },
    mkdir: (p, mode) => vfs.mkdir(p, mode, ROOT, '/', 0),
    writeFile: (p, mode, data) => {
      const h = vfs.open(p, { read: false, write: true, create: true, truncate: true }, ROOT, '/', mode, 0);
      try {
        h.write(data, 0);
      } finally {
        h.close();
      }
    },
    symlink: (target, p) => vfs.symlink(target, p, ROOT),
    link: (existing, p) => vfs.link(existing, p, ROOT),
    ...(chown ? { chown: (p: string, uid: number, gid: number) => vfs.chown(p, uid, gid, ROOT, '/', false) } : {}),
    chmod: (p, mode) => vfs.chmod(p, mode, ROOT),
    utimes: (p, ms) => vfs.utimes(p, times(ms), ROOT, '/', false),
    readdir: (p) => vfs.readdir(p, ROOT),
    unlink: (p) => vfs.unlink(p, ROOT),
    rmdir: (p) => vfs.rmdir(p, ROOT),
  };
}
