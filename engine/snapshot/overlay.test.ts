import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../platform/node/index.ts';
import { fromUtf8, utf8 } from '../common/bytes.ts';
import { readWholeFile } from '../fs/types.ts';
import { ROOT, Vfs, type Cred } from '../fs/vfs.ts';
import { EmulatedSnapshotter, lookupPath } from './emulated.ts';
import { OPAQUE_MARKER } from './lower.ts';

/** A clock that moves one second per reading, so every change has its own time. */
function clock(start = 1_700_000_000_000) {
  let t = start;
  return () => (t += 1000);
}

type Tree = Record<string, string | { dir: true; mode?: number } | { link: string } | { hard: string } | { mode: number; data: string; uid?: number }>;

/** Builds committed snapshots from trees (bottom first) and prepares an active one on top. */
function setup(layers: Tree[]) {
  const now = clock();
  const disk = nodePlatform().createDisk();
  const sn = new EmulatedSnapshotter(disk, now);
  let parent: string | undefined;
  layers.forEach((tree, i) => {
    const key = `extract-${i}`;
    const fs = sn.mountFs(sn.prepare(key, parent));
    const vfs = new Vfs(fs, now);
    for (const [path, spec] of Object.entries(tree)) {
      const parts = path.split('/').slice(1, -1);
      for (let j = 1; j <= parts.length; j++) {
        const dir = '/' + parts.slice(0, j).join('/');
        if (code(() => vfs.lstat(dir, ROOT)) === 'ENOENT') vfs.mkdir(dir, 0o755, ROOT);
      }
      if (typeof spec === 'string') write(vfs, path, spec);
      else if ('dir' in spec) vfs.mkdir(path, spec.mode ?? 0o755, ROOT, '/', 0);
      else if ('link' in spec) vfs.symlink(spec.link, path, ROOT);
      else if ('hard' in spec) vfs.link(spec.hard, path, ROOT);
      else {
        write(vfs, path, spec.data, spec.mode);
        if (spec.uid !== undefined) vfs.chown(path, spec.uid, spec.uid, ROOT);
      }
    }
    sn.commit(`layer-${i}`, key);
    parent = `layer-${i}`;
  });
  const mounts = sn.prepare('container', parent);
  const fs = sn.mountFs(mounts);
  return { disk, sn, fs, vfs: new Vfs(fs, now), mounts };
}

function write(vfs: Vfs, path: string, data: string, mode = 0o644, cred: Cred = ROOT) {
  const h = vfs.open(path, { read: false, write: true, create: true, truncate: true }, cred, '/', mode, 0);
  h.write(utf8(data), 0);
  h.close();
}

function read(vfs: Vfs, path: string, cred: Cred = ROOT): string {
  const h = vfs.open(path, { read: true, write: false }, cred);
  const st = h.stat();
  const buf = new Uint8Array(st.size);
  h.read(buf, 0);
  h.close();
  return fromUtf8(buf);
}

const code = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
};

describe('overlay lookups', () => {
  it('shows the topmost copy, merges directories and honours lower whiteouts and opaque dirs', () => {
    const { vfs, sn } = setup([
      { '/etc/a': 'a0', '/etc/b': 'b0', '/opt/old/x': 'x', '/gone': 'g' },
      { '/etc/a': 'a1', '/etc/c': 'c1' },
    ]);
    expect(read(vfs, '/etc/a')).toBe('a1');
    expect(read(vfs, '/etc/b')).toBe('b0');
    expect(vfs.readdir('/etc', ROOT).sort()).toEqual(['a', 'b', 'c']);
    // A merged directory reports one link, as overlayfs does.
    expect(vfs.lstat('/etc', ROOT).nlink).toBe(1);
    expect(vfs.lstat('/opt/old', ROOT).nlink).toBe(2);
    expect(sn.walk().map((s) => s.kind).sort()).toEqual(['active', 'committed', 'committed']);
  });

  it('a later layer deleting a file and replacing a directory hides what is below', () => {
    const { vfs: base, sn, disk } = setup([{ '/d/x': 'x', '/d/y': 'y', '/f': 'f' }]);
    // Delete /f and recreate /d in the container, then commit it as a layer.
    base.unlink('/f', ROOT);
    base.unlink('/d/x', ROOT);
    base.unlink('/d/y', ROOT);
    base.rmdir('/d', ROOT);
    base.mkdir('/d', 0o755, ROOT);
    write(base, '/d/z', 'z');
    sn.commit('layer-top', 'container');
    const upper = lookupPath(disk, '/var/lib/berth/snapshots/2/fs');
    expect(disk.names(upper).sort()).toEqual(['.wh.f', 'd']);
    expect(disk.lookup(disk.lookup(upper, 'd')!, OPAQUE_MARKER)).toBeDefined();
    const fs = sn.mountFs(sn.prepare('c2', 'layer-top'));
    const vfs = new Vfs(fs);
    expect(vfs.readdir('/', ROOT).sort()).toEqual(['d']);
    expect(vfs.readdir('/d', ROOT)).toEqual(['z']);
    expect(code(() => vfs.lstat('/f', ROOT))).toBe('ENOENT');
  });
});

describe('copy-up', () => {
  it('writing a lower file copies it up with its attributes and leaves the layer alone', () => {
    const { vfs, disk } = setup([{ '/etc/motd': { mode: 0o640, data: 'hello', uid: 7 } }]);
    const before = vfs.lstat('/etc', ROOT);
    const h = vfs.open('/etc/motd', { read: true, write: true }, ROOT);
    h.write(utf8('J'), 0);
    h.close();
    expect(read(vfs, '/etc/motd')).toBe('Jello');
    const st = vfs.lstat('/etc/motd', ROOT);
    expect([st.mode & 0o777, st.uid, st.gid]).toEqual([0o640, 7, 7]);
    // The layer below is untouched.
    const lower = lookupPath(disk, '/var/lib/berth/snapshots/1/fs/etc/motd');
    expect(fromUtf8(disk.readAll(disk.inode(lower)))).toBe('hello');
    // Copying up is not a change to the parent: its times are put back.
    expect(vfs.lstat('/etc', ROOT).mtimeMs).toBe(before.mtimeMs);
  });

  it('chmod, chown and utimes copy up; reading does not', () => {
    const { vfs, disk } = setup([{ '/a': 'a', '/b': 'b', '/c': 'c', '/d': 'd' }]);
    read(vfs, '/a');
    vfs.chmod('/b', 0o600, ROOT);
    vfs.chown('/c', 5, 5, ROOT);
    vfs.utimes('/d', { atimeMs: 0, mtimeMs: 0 }, ROOT);
    const upper = lookupPath(disk, '/var/lib/berth/snapshots/2/fs');
    expect(disk.names(upper).sort()).toEqual(['b', 'c', 'd']);
    expect(vfs.lstat('/b', ROOT).mode & 0o777).toBe(0o600);
    expect(vfs.lstat('/d', ROOT).mtimeMs).toBe(0);
  });

  it('hard links below are broken by copy-up, as without index=on', () => {
    const { vfs } = setup([{ '/x': 'same', '/y': { hard: '/x' } }]);
    expect(vfs.lstat('/y', ROOT).nlink).toBe(2);
    write(vfs, '/x', 'changed');
    expect(read(vfs, '/y')).toBe('same');
    expect(vfs.lstat('/x', ROOT).nlink).toBe(1);
    vfs.link('/x', '/z', ROOT);
    expect(vfs.lstat('/x', ROOT).ino).toBe(vfs.lstat('/z', ROOT).ino);
  });
});

describe('whiteouts, opaque directories and rename', () => {
  it('deleting a lower file leaves a whiteout; re-creating removes it', () => {
    const { vfs, disk } = setup([{ '/etc/hosts': 'h' }]);
    vfs.unlink('/etc/hosts', ROOT);
    expect(code(() => vfs.lstat('/etc/hosts', ROOT))).toBe('ENOENT');
    expect(vfs.readdir('/etc', ROOT)).toEqual([]);
    const upperEtc = lookupPath(disk, '/var/lib/berth/snapshots/2/fs/etc');
    expect(disk.names(upperEtc)).toEqual(['.wh.hosts']);
    write(vfs, '/etc/hosts', 'new');
    expect(disk.names(upperEtc)).toEqual(['hosts']);
    expect(read(vfs, '/etc/hosts')).toBe('new');
  });

  it('rmdir needs an empty merged directory; mkdir over it is opaque', () => {
    const { vfs } = setup([{ '/d/x': 'x' }]);
    expect(code(() => vfs.rmdir('/d', ROOT))).toBe('ENOTEMPTY');
    vfs.unlink('/d/x', ROOT);
    vfs.rmdir('/d', ROOT);
    vfs.mkdir('/d', 0o755, ROOT);
    expect(vfs.readdir('/d', ROOT)).toEqual([]);
    expect(vfs.lstat('/d', ROOT).nlink).toBe(2);
  });

  it('renaming a lower directory fails with EXDEV; files and new directories move', () => {
    const { vfs } = setup([{ '/d/x': 'x', '/f': 'f' }]);
    expect(code(() => vfs.rename('/d', '/e', ROOT))).toBe('EXDEV');
    vfs.rename('/f', '/g', ROOT);
    expect(read(vfs, '/g')).toBe('f');
    expect(code(() => vfs.lstat('/f', ROOT))).toBe('ENOENT');
    vfs.mkdir('/n', 0o755, ROOT);
    write(vfs, '/n/1', '1');
    vfs.rename('/n', '/m', ROOT);
    expect(vfs.readdir('/m', ROOT)).toEqual(['1']);
  });

  it('moving a new directory onto an emptied lower one makes it opaque', () => {
    const { vfs } = setup([{ '/d/x': 'x' }]);
    vfs.unlink('/d/x', ROOT);
    vfs.mkdir('/n', 0o755, ROOT);
    write(vfs, '/n/y', 'y');
    vfs.rename('/n', '/d', ROOT);
    expect(vfs.readdir('/d', ROOT)).toEqual(['y']);
  });

  it('names starting with .wh. are reserved and markers cannot be looked up', () => {
    const { vfs } = setup([{ '/a': 'a', '/b': 'b' }]);
    expect(code(() => write(vfs, '/.wh.a', 'x'))).toBe('EPERM');
    vfs.unlink('/b', ROOT);
    expect(code(() => vfs.lstat('/.wh.b', ROOT))).toBe('ENOENT');
    expect(code(() => vfs.mkdir('/.wh.c', 0o755, ROOT))).toBe('EPERM');
  });
});

describe('permissions through the VFS', () => {
  it('checks search, write and sticky bits with the merged attributes', () => {
    const { vfs } = setup([{ '/tmp': { dir: true, mode: 0o1777 }, '/root': { dir: true, mode: 0o700 }, '/root/secret': 's' }]);
    const user: Cred = { uid: 1000, gid: 1000, groups: [1000] };
    expect(code(() => read(vfs, '/root/secret', user))).toBe('EACCES');
    write(vfs, '/tmp/mine', 'm', 0o644, user);
    write(vfs, '/tmp/roots', 'r');
    expect(code(() => vfs.unlink('/tmp/roots', user))).toBe('EPERM');
    vfs.unlink('/tmp/mine', user);
    expect(readWholeFile(vfs.walk('/tmp/roots', ROOT, '/', { follow: true, syscall: 'open' }).fs, '/tmp/roots')).toEqual(utf8('r'));
  });
});
