/**
 * statfs(2) for df and stat -f. The kernel has no statfs yet, so this
 * derives plausible figures from what a program can see:
 * - which filesystem holds a path: the /proc/mounts entry whose mount point
 *   has the path's st_dev (the last such, as later mounts cover earlier ones);
 * - what is used: the blocks and inodes of every file on that filesystem,
 *   found by walking it from its mount point (staying on its st_dev);
 * - its size: pseudo filesystems (proc, sysfs, devpts, cgroup, mqueue) have
 *   none, as on Linux; tmpfs has its size= option, or half the memory in
 *   /proc/meminfo; a disk (ext4, overlay, anything else) is 64 GiB with
 *   ext4's 5% reserved for root and one inode per 16 KiB.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { FsError } from '../../fs/errno.ts';
import { isDir } from '../../fs/types.ts';
import { attempt } from './files-attempt.ts';
import type { Sys } from '../../kernel/sys.ts';
import { readFile } from './io.ts';
import { joinPath } from './files-path.ts';

export interface MountEntry {
  source: string;
  dir: string;
  type: string;
  options: string[];
}

export interface StatFs {
  /** f_type: the filesystem's magic number. */
  type: number;
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
  /** f_fsid as stat -f prints it (%llx). */
  fsid: string;
  namelen: number;
}

const BLOCK = 4096;
const DISK_BLOCKS = (64 * 1024 * 1024 * 1024) / BLOCK;
const PSEUDO = new Set(['proc', 'sysfs', 'devpts', 'cgroup', 'cgroup2', 'mqueue', 'securityfs', 'debugfs', 'tracefs', 'configfs', 'bpf', 'pstore', 'fusectl', 'nsfs', 'binfmt_misc', 'autofs']);
const MAGIC: Record<string, number> = {
  ext2: 0xef53,
  ext3: 0xef53,
  ext4: 0xef53,
  tmpfs: 0x01021994,
  proc: 0x9fa0,
  sysfs: 0x62656572,
  devpts: 0x1cd1,
  cgroup: 0x27e0eb,
  cgroup2: 0x63677270,
  mqueue: 0x19800202,
  overlay: 0x794c7630,
  xfs: 0x58465342,
  btrfs: 0x9123683e,
  squashfs: 0x73717368,
  ramfs: 0x858458f6,
};

const unescape = (field: string) => field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

/** The mount table, as getmntent reads /proc/mounts. */
export async function readMounts(sys: Sys): Promise<MountEntry[]> {
  const text = fromUtf8(await readFile(sys, '/proc/mounts'));
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [source, dir, type, options] = line.split(/[ \t]+/);
    if (source === undefined || dir === undefined || type === undefined) continue;
    out.push({ source: unescape(source), dir: unescape(dir), type, options: (options ?? '').split(',') });
  }
  return out;
}

/** The entry of the filesystem that holds a file whose st_dev is `dev`. */
export function mountOf(sys: Sys, mounts: readonly MountEntry[], dev: number): MountEntry | undefined {
  let found: MountEntry | undefined;
  for (const m of mounts) if (attempt(() => sys.stat(m.dir).dev) === dev) found = m;
  return found;
}

/**
 * Blocks (of 512 bytes) and inodes in use under `dir` on filesystem `dev`.
 * On tmpfs only file data takes room; directories are free.
 */
async function usage(sys: Sys, dir: string, dev: number, dataOnly: boolean): Promise<{ blocks: number; inodes: number }> {
  let blocks = 0;
  let inodes = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const path = stack.pop()!;
    const st = attempt(() => sys.lstat(path));
    if (!st || st.dev !== dev) continue;
    if (!(dataOnly && isDir(st.mode))) blocks += st.blocks;
    inodes++;
    if (inodes % 128 === 0) await sys.checkpoint();
    if (!isDir(st.mode)) continue;
    for (const name of attempt(() => sys.readdir(path)) ?? []) stack.push(joinPath(path, name));
  }
  return { blocks, inodes };
}

function sizeOption(options: readonly string[]): number | undefined {
  for (const o of options) {
    const m = /^size=(\d+)([kmgKMG%]?)$/.exec(o);
    if (!m || m[2] === '%') continue;
    const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
    return Number(m[1]) * mult;
  }
  return undefined;
}

async function memTotal(sys: Sys): Promise<number | undefined> {
  let text: string;
  try {
    text = fromUtf8(await readFile(sys, '/proc/meminfo'));
  } catch (e) {
    if (e instanceof FsError) return undefined;
    throw e;
  }
  const m = /MemTotal:\s+(\d+) kB/.exec(text);
  return m ? Number(m[1]) * 1024 : undefined;
}

function fsid(m: MountEntry): string {
  let h = 0x811c9dc5;
  let g = 0x01000193;
  for (const c of `${m.source} ${m.dir} ${m.type}`) {
    h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    g = Math.imul(g ^ h, 0x5bd1e995) >>> 0;
  }
  return h.toString(16) + g.toString(16).padStart(8, '0');
}

/** statfs for the filesystem `mount`, whose files have st_dev `dev`. */
export async function statfsOf(sys: Sys, mount: MountEntry, dev: number): Promise<StatFs> {
  const base = { type: MAGIC[mount.type] ?? MAGIC.ext4!, bsize: BLOCK, fsid: fsid(mount), namelen: 255 };
  if (PSEUDO.has(mount.type)) return { ...base, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0 };
  const memory = mount.type === 'tmpfs' || mount.type === 'ramfs';
  const used = await usage(sys, mount.dir, dev, memory);
  const usedBlocks = Math.ceil((used.blocks * 512) / BLOCK);
  if (memory) {
    const bytes = sizeOption(mount.options) ?? Math.floor(((await memTotal(sys)) ?? 128 * 1024 * 1024) / 2);
    const blocks = Math.max(Math.floor(bytes / BLOCK), usedBlocks);
    const files = Math.max(blocks, used.inodes);
    return { ...base, blocks, bfree: blocks - usedBlocks, bavail: blocks - usedBlocks, files, ffree: files - used.inodes };
  }
  const blocks = DISK_BLOCKS;
  const bfree = blocks - usedBlocks;
  const files = blocks / 4;
  return { ...base, blocks, bfree, bavail: Math.max(0, bfree - Math.floor(blocks * 0.05)), files, ffree: files - used.inodes };
}

/** statfs(path): throws as stat(path) would. */
export async function statfs(sys: Sys, path: string): Promise<StatFs> {
  const st = sys.stat(path);
  const mounts = await readMounts(sys);
  const mount = mountOf(sys, mounts, st.dev) ?? { source: 'none', dir: '/', type: 'ext4', options: [] };
  return statfsOf(sys, mount, st.dev);
}
