/**
 * Differential test: Berth's emulated overlay against Linux's overlayfs.
 *
 * For many seeded random cases: build two lower layers (files, directories,
 * symlinks, hard links, whiteouts, an opaque directory, various owners and
 * modes), mount them both ways, run the same random file operations on both
 * (as root and as an ordinary user), and after every operation compare the
 * result, the merged tree, and the change list `docker diff` would print.
 * At the end the upper directories are compared in OCI layer form.
 *
 * Needs root on Linux with overlayfs; elsewhere it is skipped with the reason.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import * as nfs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { fromUtf8, utf8 } from '../engine/common/bytes.ts';
import { isDir, isSymlink, type FileSystem, type Stat } from '../engine/fs/types.ts';
import { ROOT, Vfs, type Cred } from '../engine/fs/vfs.ts';
import { EmulatedSnapshotter, lookupPath } from '../engine/snapshot/emulated.ts';
import { applyLayer } from '../engine/snapshot/apply.ts';
import { changes, compareNames } from '../engine/snapshot/diff.ts';
import type { TarEntry, TarHeader } from '../engine/image/tar.ts';

// ---- can we run? --------------------------------------------------------

function canMountOverlay(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root';
  const dir = nfs.mkdtempSync(join(tmpdir(), 'berth-ovl-probe-'));
  try {
    for (const d of ['l1', 'l2', 'u', 'w', 'm']) nfs.mkdirSync(join(dir, d));
    execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', `lowerdir=${dir}/l2:${dir}/l1,upperdir=${dir}/u,workdir=${dir}/w`, `${dir}/m`], { stdio: 'pipe' });
    execFileSync('umount', [`${dir}/m`]);
    execFileSync('python3', ['-c', 'import os'], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `overlayfs mount failed: ${String((err as Error).message).split('\n')[0]}`;
  } finally {
    nfs.rmSync(dir, { recursive: true, force: true });
  }
}

const skipReason = canMountOverlay();
if (skipReason) console.log(`overlay differential test skipped: ${skipReason}`);

// ---- randomness ---------------------------------------------------------

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

// ---- the lower layers, as data ------------------------------------------

type LNode =
  | { kind: 'file'; mode: number; uid: number; data: string }
  | { kind: 'dir'; mode: number; uid: number; opaque?: boolean }
  | { kind: 'symlink'; target: string }
  | { kind: 'hardlink'; target: string }
  | { kind: 'whiteout' };
type Layer = Map<string, LNode>; // path (no leading slash) → node; parents listed before children

const NAMES = ['a', 'b', 'c', 'd1', 'd2', 'e'];
const UIDS = [0, 0, 1000, 1001];
const FILE_MODES = [0o644, 0o600, 0o755, 0o444, 0o664];
const DIR_MODES = [0o755, 0o755, 0o700, 0o777, 0o1777, 0o555];
const T0 = 1_600_000_000_000;

function genLower(r: Rng, below: Layer | null): Layer {
  const layer: Layer = new Map();
  const dirs = [''];
  const files: string[] = [];
  // `merging`: whether this directory merges with one below (so whiteouts in it mean something).
  const add = (dir: string, depth: number, merging: boolean) => {
    for (const name of NAMES) {
      if (!r.chance(depth === 0 ? 0.6 : 0.4)) continue;
      const path = dir ? `${dir}/${name}` : name;
      const under = merging ? below?.get(path) : undefined;
      if (below && under && r.chance(0.25)) {
        layer.set(path, { kind: 'whiteout' });
        continue;
      }
      const roll = r.next();
      if (name.startsWith('d') || (under?.kind === 'dir' && roll < 0.7)) {
        const opaque = below !== null && under?.kind === 'dir' && r.chance(0.3);
        layer.set(path, { kind: 'dir', mode: r.pick(DIR_MODES), uid: r.pick(UIDS), opaque });
        dirs.push(path);
        if (depth < 2) add(path, depth + 1, under?.kind === 'dir' && !opaque);
      } else if (roll < 0.65) {
        layer.set(path, { kind: 'file', mode: r.pick(FILE_MODES), uid: r.pick(UIDS), data: 'x'.repeat(r.int(20)) + path });
        files.push(path);
      } else if (roll < 0.85) {
        const targets = ['a', '/d1', '/d1/a', 'nowhere', '.', '/', ...(depth > 0 ? ['../a'] : [])];
        layer.set(path, { kind: 'symlink', target: r.pick(targets) });
      } else if (files.length > 0) {
        layer.set(path, { kind: 'hardlink', target: r.pick(files) });
      }
    }
  };
  add('', 0, below !== null);
  return layer;
}

function buildRealLower(dir: string, layer: Layer, py: string[]): void {
  nfs.mkdirSync(dir, { recursive: true });
  const dirsToTime: string[] = [];
  for (const [path, n] of layer) {
    const p = join(dir, path);
    switch (n.kind) {
      case 'dir':
        nfs.mkdirSync(p);
        nfs.chmodSync(p, n.mode);
        nfs.chownSync(p, n.uid, n.uid);
        if (n.opaque) py.push(`os.setxattr(${JSON.stringify(p)}, 'trusted.overlay.opaque', b'y')`);
        dirsToTime.push(p);
        break;
      case 'file':
        nfs.writeFileSync(p, n.data);
        nfs.chmodSync(p, n.mode);
        nfs.chownSync(p, n.uid, n.uid);
        nfs.utimesSync(p, T0 / 1000, T0 / 1000);
        break;
      case 'symlink':
        nfs.symlinkSync(n.target, p);
        nfs.lutimesSync(p, T0 / 1000, T0 / 1000);
        break;
      case 'hardlink':
        nfs.linkSync(join(dir, n.target), p);
        break;
      case 'whiteout':
        py.push(`os.mknod(${JSON.stringify(p)}, stat.S_IFCHR | 0o000, os.makedev(0, 0))`);
        break;
    }
  }
  py.push(...[...dirsToTime, dir].reverse().map((d) => `os.utime(${JSON.stringify(d)}, (${T0 / 1000}, ${T0 / 1000}))`));
}

function lowerEntries(layer: Layer): TarEntry[] {
  const out: TarEntry[] = [];
  const h = (name: string, extra: Partial<TarHeader>): TarHeader => ({ name, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 0, mtimeMs: T0, linkname: '', ...extra });
  for (const [path, n] of layer) {
    const slash = path.lastIndexOf('/');
    const dir = slash < 0 ? '' : path.slice(0, slash + 1);
    const base = path.slice(slash + 1);
    switch (n.kind) {
      case 'dir':
        out.push({ header: h(path + '/', { type: 'dir', mode: n.mode, uid: n.uid, gid: n.uid }), data: new Uint8Array() });
        if (n.opaque) out.push({ header: h(`${path}/.wh..wh..opq`, {}), data: new Uint8Array() });
        break;
      case 'file': {
        const data = utf8(n.data);
        out.push({ header: h(path, { mode: n.mode, uid: n.uid, gid: n.uid, size: data.length }), data });
        break;
      }
      case 'symlink':
        out.push({ header: h(path, { type: 'symlink', mode: 0o777, linkname: n.target }), data: new Uint8Array() });
        break;
      case 'hardlink':
        out.push({ header: h(path, { type: 'hardlink', linkname: n.target }), data: new Uint8Array() });
        break;
      case 'whiteout':
        out.push({ header: h(`${dir}.wh.${base}`, { mode: 0o600 }), data: new Uint8Array() });
        break;
    }
  }
  return out;
}

// ---- the two systems behind one set of operations ------------------------

const USER: Cred = { uid: 1000, gid: 1000, groups: [1000] };

interface Side {
  run(op: Op, cred: Cred): string;
  fs: FileSystem; // merged view, for walking
  lowerView: FileSystem;
}

type Op =
  | { op: 'write'; path: string; data: string; mode: number }
  | { op: 'append'; path: string; data: string }
  | { op: 'read'; path: string }
  | { op: 'mkdir'; path: string; mode: number }
  | { op: 'rmdir'; path: string }
  | { op: 'unlink'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'symlink'; target: string; path: string }
  | { op: 'link'; from: string; to: string }
  | { op: 'chmod'; path: string; mode: number }
  | { op: 'chown'; path: string; uid: number; gid: number }
  | { op: 'utimes'; path: string; secs: number }
  | { op: 'truncate'; path: string; size: number }
  | { op: 'readdir'; path: string }
  | { op: 'stat'; path: string };

function result(f: () => string | void): string {
  try {
    return f() ?? 'ok';
  } catch (err) {
    const c = (err as { code?: string }).code;
    if (c) return c;
    throw err;
  }
}

function emulatedSide(lowers: Layer[], now: () => number): Promise<Side> {
  return (async () => {
    const disk = nodePlatform().createDisk();
    const sn = new EmulatedSnapshotter(disk, now);
    let parent: string | undefined;
    for (const [i, layer] of lowers.entries()) {
      sn.prepare(`x${i}`, parent);
      await applyLayer(disk, sn.layerDir(`x${i}`), (async function* () {
        yield* lowerEntries(layer);
      })(), now);
      sn.commit(`l${i}`, `x${i}`);
      parent = `l${i}`;
    }
    const fs = sn.mountFs(sn.prepare('c', parent));
    const lowerView = sn.mountFs(sn.view('v', parent));
    const vfs = new Vfs(fs, now);
    const side: Side & { disk: typeof disk; upper: ReturnType<typeof lookupPath> } = {
      fs,
      lowerView,
      disk,
      upper: sn.layerDir('c'),
      run(o, cred) {
        return result(() => {
          switch (o.op) {
            case 'write': {
              const fh = vfs.open(o.path, { read: false, write: true, create: true, truncate: true }, cred, '/', o.mode, 0);
              fh.write(utf8(o.data), 0);
              fh.close();
              return;
            }
            case 'append': {
              const fh = vfs.open(o.path, { read: false, write: true }, cred);
              fh.write(utf8(o.data), fh.stat().size);
              fh.close();
              return;
            }
            case 'read': {
              const fh = vfs.open(o.path, { read: true, write: false }, cred);
              const buf = new Uint8Array(fh.stat().size);
              fh.read(buf, 0);
              fh.close();
              return 'data:' + fromUtf8(buf);
            }
            case 'mkdir':
              return vfs.mkdir(o.path, o.mode, cred, '/', 0);
            case 'rmdir':
              return vfs.rmdir(o.path, cred);
            case 'unlink':
              return vfs.unlink(o.path, cred);
            case 'rename':
              return vfs.rename(o.from, o.to, cred);
            case 'symlink':
              return vfs.symlink(o.target, o.path, cred);
            case 'link':
              return vfs.link(o.from, o.to, cred);
            case 'chmod':
              return vfs.chmod(o.path, o.mode, cred);
            case 'chown':
              return vfs.chown(o.path, o.uid, o.gid, cred);
            case 'utimes':
              return vfs.utimes(o.path, { atimeMs: o.secs * 1000, mtimeMs: o.secs * 1000 }, cred);
            case 'truncate':
              return vfs.truncate(o.path, o.size, cred);
            case 'readdir':
              return 'names:' + vfs.readdir(o.path, cred).sort().join(',');
            case 'stat': {
              const st = vfs.stat(o.path, cred);
              return `stat:${st.mode.toString(8)}:${st.uid}:${st.size}`;
            }
          }
        });
      },
    };
    return side;
  })();
}

/** A FileSystem over a real directory, with just what `changes` and the tree walk need. */
function realFs(root: string): FileSystem {
  const at = (p: string) => join(root, p);
  const notNeeded = () => {
    throw new Error('not needed');
  };
  return {
    dev: 0,
    lstat(p: string): Stat {
      const s = nfs.lstatSync(at(p), { bigint: true });
      return {
        dev: Number(s.dev),
        ino: Number(s.ino),
        mode: Number(s.mode),
        nlink: Number(s.nlink),
        uid: Number(s.uid),
        gid: Number(s.gid),
        rdev: Number(s.rdev),
        size: Number(s.size),
        blksize: 4096,
        blocks: 0,
        atimeMs: Number(s.atimeNs / 1_000_000n),
        mtimeMs: Number(s.mtimeNs) / 1_000_000,
        ctimeMs: 0,
      };
    },
    readdir: (p: string) => nfs.readdirSync(at(p)),
    readlink: (p: string) => nfs.readlinkSync(at(p)),
    mkdir: notNeeded,
    create: notNeeded,
    mknod: notNeeded,
    symlink: notNeeded,
    link: notNeeded,
    unlink: notNeeded,
    rmdir: notNeeded,
    rename: notNeeded,
    sameFile: notNeeded,
    setattr: notNeeded,
    open: notNeeded,
  };
}

/**
 * The real side runs each operation in a small Python process chrooted into
 * the merged mount, so absolute symlinks resolve inside it as they would in a
 * container, and credentials switch per call as with seteuid.
 */
const OPS_SERVER = String.raw`
import errno, json, os, sys
os.chroot(sys.argv[1]); os.chdir('/'); os.umask(0)
def run(o):
    op = o['op']
    if op == 'write':
        fd = os.open(o['path'], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, o['mode']); os.write(fd, o['data'].encode()); os.close(fd)
    elif op == 'append':
        fd = os.open(o['path'], os.O_WRONLY); os.pwrite(fd, o['data'].encode(), os.fstat(fd).st_size); os.close(fd)
    elif op == 'read':
        fd = os.open(o['path'], os.O_RDONLY)
        try: return 'data:' + os.read(fd, 1 << 20).decode()
        finally: os.close(fd)
    elif op == 'mkdir': os.mkdir(o['path'], o['mode'])
    elif op == 'rmdir': os.rmdir(o['path'])
    elif op == 'unlink': os.unlink(o['path'])
    elif op == 'rename': os.rename(o['from'], o['to'])
    elif op == 'symlink': os.symlink(o['target'], o['path'])
    elif op == 'link': os.link(o['from'], o['to'], follow_symlinks=False)
    elif op == 'chmod': os.chmod(o['path'], o['mode'])
    elif op == 'chown': os.chown(o['path'], o['uid'], o['gid'])
    elif op == 'utimes': os.utime(o['path'], (o['secs'], o['secs']))
    elif op == 'truncate': os.truncate(o['path'], o['size'])
    elif op == 'readdir': return 'names:' + ','.join(sorted(os.listdir(o['path'])))
    elif op == 'stat':
        st = os.stat(o['path']); return 'stat:%o:%d:%d' % (st.st_mode, st.st_uid, st.st_size)
    return 'ok'
for line in sys.stdin:
    req = json.loads(line)
    cred = req['cred']
    if cred['uid'] != 0:
        os.setgroups(cred['groups']); os.setegid(cred['gid']); os.seteuid(cred['uid'])
    try:
        res = run(req['op'])
    except OSError as e:
        res = errno.errorcode[e.errno]
    finally:
        if cred['uid'] != 0:
            os.seteuid(0); os.setegid(0); os.setgroups([0])
    sys.stdout.write(json.dumps(res) + '\n'); sys.stdout.flush()
`;

interface RealSide {
  run(op: Op, cred: Cred): Promise<string>;
  close(): Promise<void>;
  fs: FileSystem;
  lowerView: FileSystem;
}

function realSide(base: string): RealSide {
  const child = spawn('python3', ['-c', OPS_SERVER, join(base, 'merged')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => waiting.shift()?.(line));
  return {
    fs: realFs(join(base, 'merged')),
    lowerView: realFs(join(base, 'lowerview')),
    run(op, cred) {
      return new Promise((resolve) => {
        waiting.push((line) => resolve(JSON.parse(line) as string));
        child.stdin!.write(JSON.stringify({ op, cred }) + '\n');
      });
    },
    close() {
      // The process has chrooted into the mount: it must be gone before umount.
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end();
        child.kill();
      });
    },
  };
}

// ---- comparing ------------------------------------------------------------

interface Seen {
  baseline: Map<string, number>; // path → mtime at setup
}

/** The merged tree as comparable lines: type, mode, owner, size, content, link target, "mtime changed", hard-link group. */
function snapshotTree(fs: FileSystem, seen: Seen, setup = false): string[] {
  const lines: string[] = [];
  const inodes = new Map<number, string>();
  const visit = (dir: string) => {
    for (const name of fs.readdir(dir).sort(compareNames)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const st = fs.lstat(path);
      if (setup) seen.baseline.set(path, st.mtimeMs);
      const base = seen.baseline.get(path);
      const moved = base === undefined ? 'new' : base === st.mtimeMs ? 'same' : 'moved';
      let extra = '';
      if (isSymlink(st.mode)) extra = `-> ${fs.readlink(path)}`;
      else if (!isDir(st.mode)) {
        const first = inodes.get(st.ino);
        if (first) extra = `= ${first}`;
        else inodes.set(st.ino, path);
      }
      lines.push(`${path} ${st.mode.toString(8)} ${st.uid}:${st.gid} nlink=${st.nlink} size=${isDir(st.mode) ? '-' : st.size} mtime=${moved} ${extra}`);
      if (isDir(st.mode)) visit(path);
    }
  };
  visit('/');
  return lines;
}

function contents(fs: FileSystem, readFile: (p: string) => string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of fs.readdir(dir).sort(compareNames)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const st = fs.lstat(path);
      if (isDir(st.mode)) visit(path);
      else if (!isSymlink(st.mode)) out.push(`${path}: ${readFile(path)}`);
    }
  };
  visit('/');
  return out;
}

/** The upper directory in OCI layer form: whiteouts as `.wh.` names, opaque as `.wh..wh..opq`. */
function realUpperForm(upper: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string) => {
    const names = nfs.readdirSync(dir);
    const entries: string[] = [];
    for (const name of names) {
      const st = nfs.lstatSync(join(dir, name));
      if (st.isCharacterDevice() && st.rdev === 0) entries.push(`.wh.${name}`);
      else entries.push(name);
      if (st.isDirectory()) {
        let opaque = false;
        try {
          opaque = execFileSync('python3', ['-c', `import os,sys; print(os.getxattr(sys.argv[1], 'trusted.overlay.opaque').decode())`, join(dir, name)], { stdio: 'pipe' }).toString().trim() === 'y';
        } catch {
          opaque = false;
        }
        if (opaque) entries.push(`${name}/.wh..wh..opq`);
      }
    }
    for (const e of entries.sort()) {
      out.push(rel + e);
      const real = e.startsWith('.wh.') ? null : join(dir, e);
      if (real && !e.includes('/') && nfs.lstatSync(real).isDirectory()) visit(real, rel + e + '/');
    }
  };
  visit(upper, '');
  return out.sort();
}

function emulatedUpperForm(side: Side): string[] {
  const s = side as Side & { disk: ReturnType<ReturnType<typeof nodePlatform>['createDisk']>; upper: ReturnType<typeof lookupPath> };
  const out: string[] = [];
  const visit = (dir: ReturnType<typeof lookupPath>, rel: string) => {
    for (const name of s.disk.names(dir).sort()) {
      if (name === '.wh..wh..opq') {
        out.push(rel.slice(0, -1) + '/.wh..wh..opq');
        continue;
      }
      out.push(rel + name);
      const e = s.disk.lookup(dir, name)!;
      if (isDir(s.disk.stat(s.disk.inode(e)).mode)) visit(e, rel + name + '/');
    }
  };
  visit(s.upper, '');
  return out.sort();
}

// ---- generating operations ------------------------------------------------

function genOp(r: Rng, paths: string[]): Op {
  const existing = () => r.pick(paths);
  const fresh = () => {
    const dir = r.chance(0.5) ? '' : (r.pick(paths.filter((p) => p.split('/').length <= 3)) ?? '');
    return `${dir}/${r.pick(['a', 'b', 'c', 'n', 'd1', 'z'])}`.replace(/^\/\//, '/');
  };
  const any = () => (r.chance(0.7) ? existing() : fresh());
  switch (r.int(15)) {
    case 0:
      return { op: 'write', path: any(), data: 'w' + r.int(100), mode: r.pick(FILE_MODES) };
    case 1:
      return { op: 'append', path: any(), data: '+' };
    case 2:
      return { op: 'read', path: any() };
    case 3:
      return { op: 'mkdir', path: any(), mode: r.pick(DIR_MODES) };
    case 4:
      return { op: 'rmdir', path: any() };
    case 5:
      return { op: 'unlink', path: any() };
    case 6:
      return { op: 'rename', from: any(), to: any() };
    case 7:
      return { op: 'symlink', target: r.pick(['a', '/d1', '../b']), path: any() };
    case 8:
      return { op: 'link', from: any(), to: any() };
    case 9:
      return { op: 'chmod', path: any(), mode: r.pick([...FILE_MODES, ...DIR_MODES, 0o4755, 0o2755]) };
    case 10:
      return { op: 'chown', path: any(), uid: r.pick(UIDS), gid: r.pick(UIDS) };
    case 11:
      return { op: 'utimes', path: any(), secs: 1_500_000_000 + r.int(1000) };
    case 12:
      return { op: 'truncate', path: any(), size: r.int(8) };
    case 13:
      return { op: 'readdir', path: r.chance(0.3) ? '/' : any() };
    default:
      return { op: 'stat', path: any() };
  }
}

// ---- the test -------------------------------------------------------------

const CASES = Number(process.env.BERTH_OVERLAY_CASES ?? 40);
const OPS = Number(process.env.BERTH_OVERLAY_OPS ?? 50);
const FIRST = Number(process.env.BERTH_OVERLAY_FIRST ?? 1);
const work = skipReason ? '' : nfs.mkdtempSync(join(tmpdir(), 'berth-ovl-'));
// The ordinary user must be able to reach the mounts.
if (work) nfs.chmodSync(work, 0o755);

afterAll(() => {
  if (work) nfs.rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skipReason !== null)('emulated overlay vs Linux overlayfs', () => {
  for (let seed = FIRST; seed < FIRST + CASES; seed++) {
    it(`case ${seed}`, async () => {
      const r = rng(seed * 7919);
      const l1 = genLower(r, null);
      const l2 = genLower(r, l1);
      const base = join(work, String(seed));
      nfs.mkdirSync(base, { mode: 0o755 });
      const py = ['import os, stat'];
      buildRealLower(join(base, 'l1'), l1, py);
      buildRealLower(join(base, 'l2'), l2, py);
      for (const d of ['upper', 'work', 'merged', 'lowerview']) nfs.mkdirSync(join(base, d));
      execFileSync('python3', ['-c', py.join('\n')]);
      const lowers = `lowerdir=${base}/l2:${base}/l1`;
      execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', `index=off,workdir=${base}/work,upperdir=${base}/upper,${lowers}`, `${base}/merged`]);
      execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', lowers, `${base}/lowerview`]);
      const oldMask = process.umask(0);
      const real = realSide(base);
      try {
        let t = Date.now();
        const emu = await emulatedSide([l1, l2], () => (t += 1));
        const seenReal: Seen = { baseline: new Map() };
        const seenEmu: Seen = { baseline: new Map() };
        expect(snapshotTree(emu.fs, seenEmu, true)).toEqual(snapshotTree(real.fs, seenReal, true));

        const log: string[] = [];
        for (let i = 0; i < OPS; i++) {
          const paths = snapshotTree(real.fs, { baseline: new Map() }).map((l) => l.split(' ')[0]!);
          const op = genOp(r, paths.length > 0 ? paths : ['/a']);
          const cred = r.chance(0.25) ? USER : ROOT;
          const treeBefore = snapshotTree(real.fs, { baseline: new Map() });
          const want = await real.run(op, cred);
          const got = emu.run(op, cred);
          log.push(`${JSON.stringify(op)} as ${cred.uid}: real=${want} emulated=${got}`);
          const where = `seed ${seed}, after:\n${log.slice(process.env.BERTH_OVERLAY_LOG ? 0 : -40).join('\n')}`;
          expect(got, `${where}\ntree before the last step:\n${treeBefore.join('\n')}`).toBe(want);
          expect(snapshotTree(emu.fs, seenEmu), where).toEqual(snapshotTree(real.fs, seenReal));
          expect(changes(emu.fs, emu.lowerView), where).toEqual(changes(real.fs, real.lowerView));
        }
        const readReal = (p: string) => nfs.readFileSync(join(base, 'merged', p), 'utf8');
        const readEmu = (p: string) => emu.run({ op: 'read', path: p }, ROOT).replace(/^data:/, '');
        expect(contents(emu.fs, readEmu)).toEqual(contents(real.fs, readReal));
        expect(emulatedUpperForm(emu), `upper dirs, seed ${seed}:\n${log.join("\n")}`).toEqual(realUpperForm(join(base, 'upper')));
      } finally {
        await real.close();
        process.umask(oldMask);
        execFileSync('umount', [`${base}/merged`]);
        execFileSync('umount', [`${base}/lowerview`]);
      }
    });
  }
});
