import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../platform/node/index.ts';
import { utf8 } from '../common/bytes.ts';
import { ROOT, Vfs } from '../fs/vfs.ts';
import { EmulatedSnapshotter } from './emulated.ts';

function make() {
  let t = 1_700_000_000_000;
  return new EmulatedSnapshotter(nodePlatform().createDisk(), () => (t += 1000));
}

function put(vfs: Vfs, path: string, data: string) {
  const h = vfs.open(path, { read: false, write: true, create: true, truncate: true }, ROOT);
  h.write(utf8(data), 0);
  h.close();
}

describe('emulated snapshotter', () => {
  it('describes mounts the way containerd does', () => {
    const sn = make();
    expect(sn.prepare('a')).toEqual([{ type: 'bind', source: '/var/lib/berth/snapshots/1/fs', options: ['rw', 'rbind'] }]);
    sn.commit('A', 'a');
    expect(sn.view('v1', 'A')).toEqual([{ type: 'bind', source: '/var/lib/berth/snapshots/1/fs', options: ['ro', 'rbind'] }]);
    sn.prepare('b', 'A');
    sn.commit('B', 'b');
    expect(sn.prepare('c', 'B')).toEqual([
      {
        type: 'overlay',
        source: 'overlay',
        options: ['index=off', 'workdir=/var/lib/berth/snapshots/4/work', 'upperdir=/var/lib/berth/snapshots/4/fs', 'lowerdir=/var/lib/berth/snapshots/3/fs:/var/lib/berth/snapshots/1/fs'],
      },
    ]);
    expect(sn.view('v2', 'B')).toEqual([{ type: 'overlay', source: 'overlay', options: ['lowerdir=/var/lib/berth/snapshots/3/fs:/var/lib/berth/snapshots/1/fs'] }]);
    expect(sn.stat('c')).toMatchObject({ name: 'c', kind: 'active', parent: 'B' });
    expect(sn.stat('B')).toMatchObject({ name: 'B', kind: 'committed', parent: 'A' });
  });

  it("refuses what containerd refuses, with containerd's messages", () => {
    const sn = make();
    sn.prepare('a');
    expect(() => sn.prepare('a')).toThrow('snapshot a: already exists');
    expect(() => sn.prepare('x', 'nope')).toThrow('snapshot nope does not exist: not found');
    expect(() => sn.prepare('x', 'a')).toThrow('parent snapshot a is not committed');
    sn.commit('A', 'a');
    expect(() => sn.commit('A', 'A')).toThrow('snapshot A is not active');
    sn.prepare('b', 'A');
    expect(() => sn.remove('A')).toThrow('cannot remove snapshot with child');
    sn.view('v', 'A');
    expect(() => sn.commit('V', 'v')).toThrow('snapshot v is not active');
  });

  it('keeps views read-only and counts usage of a layer', () => {
    const sn = make();
    const fs = new Vfs(sn.mountFs(sn.prepare('a')));
    put(fs, '/one', '12345');
    fs.link('/one', '/two', ROOT);
    fs.mkdir('/d', 0o755, ROOT);
    sn.commit('A', 'a');
    expect(sn.usage('A')).toEqual({ size: 5, inodes: 3 });
    const view = new Vfs(sn.mountFs(sn.view('v', 'A')));
    expect(() => put(view, '/three', 'x')).toThrow('EROFS');
    expect(() => view.unlink('/one', ROOT)).toThrow('EROFS');
  });

  it('removing a snapshot removes its directory and frees the name', () => {
    const sn = make();
    sn.prepare('a');
    sn.commit('A', 'a');
    sn.prepare('c', 'A');
    sn.remove('c');
    sn.remove('A');
    expect(sn.walk()).toEqual([]);
    const root = new Vfs(sn.mountFs([{ type: 'bind', source: '/var/lib/berth/snapshots', options: ['ro'] }]));
    expect(root.readdir('/', ROOT)).toEqual([]);
    sn.prepare('a');
  });

  it('allows 128 lower layers and no more, as overlay2 does', () => {
    const sn = make();
    let parent: string | undefined;
    for (let i = 0; i < 129; i++) {
      sn.prepare(`x${i}`, parent);
      sn.commit(`l${i}`, `x${i}`);
      parent = `l${i}`;
    }
    expect(() => sn.prepare('ok', 'l127')).not.toThrow();
    expect(() => sn.prepare('too-deep', 'l128')).toThrow('max depth exceeded');
  });
});
