/**
 * Synchronous file contents for `require` and `fs.readFileSync`.
 *
 * Berth's kernel reads files only asynchronously (`sys.read` returns a
 * promise), while Node's require and fs.*Sync return at once. So a node
 * process keeps a cache of file contents, like a page cache it can reach
 * without waiting:
 *
 * - Before the script starts, it reads the files the script is likely to
 *   open: every module its requires name (followed through the graph), the
 *   script's directory and the working directory, each volume or bind
 *   mount, and a few of /etc's files — within a budget.
 * - A synchronous read is served from the cache when the file is unchanged
 *   since (same inode, size and mtime; `stat` is synchronous). Otherwise it
 *   fails with EAGAIN and a note on stderr, and the file is read into the
 *   cache at the loop's next turn, so the next attempt succeeds.
 * - Synchronous writes open the file at once (so errors and new files are
 *   immediate), keep the new contents in the cache, and write them to the
 *   kernel at the loop's next turn, in order; the process flushes them
 *   before it exits.
 *
 * README's "emulation differences" describes this.
 */
import { concatBytes } from '../../common/bytes.ts';
import { FsError } from '../../fs/errno.ts';
import { isDir, isRegular, type Stat } from '../../fs/types.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import type { EventLoop } from './loop.ts';

interface Cached {
  data: Uint8Array;
  ino: number;
  size: number;
  mtimeMs: number;
  /** Written by this process and not yet (all) in the kernel. */
  dirty: number;
}

const BUDGET_BYTES = 8 * 1024 * 1024;
const BUDGET_FILES = 3000;
const SKIP_DIRS = new Set(['.git', 'node_modules', 'proc', 'sys', 'dev']);
const SYSTEM_FILES = ['/etc/os-release', '/etc/hostname', '/etc/hosts', '/etc/passwd', '/etc/group', '/etc/resolv.conf', '/etc/alpine-release', '/etc/debian_version'];
const NOT_VOLUMES = new Set(['proc', 'sysfs', 'devpts', 'mqueue', 'cgroup', 'cgroup2', 'devtmpfs', 'overlay']);

export class FileCache {
  private readonly files = new Map<string, Cached>();
  private bytes = 0;
  private count = 0;
  /** Paths a miss asked for; read at the loop's next turn. */
  private readonly wanted = new Set<string>();
  private warned = false;

  constructor(private readonly sys: Sys, private readonly loop: EventLoop) {}

  /** The contents of a regular file, or undefined when they are not in the cache (see above). Throws stat's errors. */
  read(path: string): Uint8Array | undefined {
    const st = this.sys.stat(path);
    if (isDir(st.mode)) throw new FsError('EISDIR', 'read');
    const real = this.real(path);
    const c = this.files.get(real);
    if (c && c.ino === st.ino && (c.dirty > 0 || (c.size === st.size && c.mtimeMs === st.mtimeMs))) return c.data;
    this.want(real);
    return undefined;
  }

  /** What was read of a file, however old (for /proc files read at start, whose stat says nothing). */
  snapshot(path: string): Uint8Array | undefined {
    return this.files.get(path)?.data;
  }

  /** stat, with the size of contents this process wrote but the kernel has not got yet. */
  stat(path: string, follow = true): Stat {
    const st = follow ? this.sys.stat(path) : this.sys.lstat(path);
    const c = isRegular(st.mode) ? this.files.get(this.real(path)) : undefined;
    return c && c.dirty > 0 && c.ino === st.ino ? { ...st, size: c.data.length } : st;
  }

  /** Whether the first miss should explain itself (once per process). */
  firstMiss(): boolean {
    const first = !this.warned;
    this.warned = true;
    return first;
  }

  private real(path: string): string {
    try {
      return this.sys.realpath(path);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      return path;
    }
  }

  private want(real: string): void {
    if (this.wanted.has(real)) return;
    this.wanted.add(real);
    this.loop.job(
      () => this.load(real, true),
      () => this.wanted.delete(real),
    );
  }

  /** Reads a file into the cache (asynchronously). Resolves to its contents, or undefined if it is not a readable regular file. */
  async load(path: string, force = false, throwErrors = false): Promise<Uint8Array | undefined> {
    let fd = -1;
    try {
      const st = this.sys.stat(path);
      if (isDir(st.mode) && throwErrors) throw new FsError('EISDIR', 'read');
      if (!isRegular(st.mode) && !throwErrors) return undefined;
      if (!force && (this.bytes + st.size > BUDGET_BYTES || this.count >= BUDGET_FILES)) return undefined;
      fd = this.sys.open(path, 'r');
      const parts: Uint8Array[] = [];
      for (;;) {
        const chunk = await this.sys.read(fd, 1 << 20);
        if (chunk.length === 0) break;
        parts.push(chunk);
      }
      const data = concatBytes(parts);
      const real = this.real(path);
      const prev = this.files.get(real);
      if (prev?.dirty) return prev.data;
      this.bytes += data.length - (prev?.data.length ?? 0);
      if (!prev) this.count++;
      this.files.set(real, { data, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, dirty: 0 });
      return data;
    } catch (err) {
      if (isProcessControl(err) || throwErrors) throw err;
      return undefined;
    } finally {
      if (fd >= 0) this.sys.close(fd);
    }
  }

  /** Reads a directory tree into the cache, within the budget. */
  async prefetchTree(root: string, depth = 6): Promise<void> {
    let names: string[];
    try {
      names = this.sys.readdir(root);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      return;
    }
    for (const name of names) {
      if (this.count >= BUDGET_FILES || this.bytes >= BUDGET_BYTES) return;
      const path = root === '/' ? `/${name}` : `${root}/${name}`;
      let st: Stat;
      try {
        st = this.sys.lstat(path);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        continue;
      }
      if (isDir(st.mode)) {
        if (depth > 0 && !SKIP_DIRS.has(name)) await this.prefetchTree(path, depth - 1);
      } else if ((isRegular(st.mode) || (st.mode & 0o170000) === 0o120000) && !this.files.has(path)) await this.load(path);
    }
  }

  /** The trees a script is likely to read from: its directory, the working directory, volumes, some of /etc. */
  async prefetch(dirs: string[]): Promise<void> {
    for (const f of SYSTEM_FILES) await this.load(f);
    for (const f of ['/proc/cpuinfo', '/proc/meminfo', '/proc/loadavg']) await this.load(f, true);
    for (const d of dirs) if (d !== '/') await this.prefetchTree(d);
    const mounts = await this.load('/proc/self/mounts', true);
    for (const line of new TextDecoder().decode(mounts ?? new Uint8Array()).split('\n')) {
      const [, target, type] = line.split(' ');
      if (!target || !type || target === '/' || NOT_VOLUMES.has(type) || /^\/(proc|sys|dev)(\/|$)/.test(target)) continue;
      await this.prefetchTree(target);
    }
  }

  /**
   * Writes `data` to `path` (flag 'w' truncates, 'a' appends; 'wx' fails if it exists):
   * the file is opened now, the bytes reach the kernel at the loop's next turn.
   */
  write(path: string, data: Uint8Array, flag: string, mode: number, done?: (err: unknown) => void): void {
    const append = flag.startsWith('a');
    const fd = this.sys.open(path, { read: false, write: true, create: true, truncate: !append, append, exclusive: flag.includes('x') }, mode);
    let st: Stat | undefined;
    try {
      st = this.sys.fstat(fd);
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
    const real = this.real(path);
    const prev = this.files.get(real);
    let entry: Cached | undefined;
    if (!append || (prev && st && prev.ino === st.ino && (prev.dirty > 0 || prev.size === st.size))) {
      const contents = append && prev ? concatBytes([prev.data, data]) : data;
      entry = { data: contents, ino: st?.ino ?? 0, size: contents.length, mtimeMs: 0, dirty: (prev?.dirty ?? 0) + 1 };
      this.bytes += contents.length - (prev?.data.length ?? 0);
      if (!prev) this.count++;
      this.files.set(real, entry);
    } else if (prev) this.files.delete(real);
    this.loop.job(
      async () => {
        try {
          if (data.length > 0) await this.sys.write(fd, data);
        } finally {
          this.sys.close(fd);
          if (entry) {
            entry.dirty--;
            if (entry.dirty === 0) {
              try {
                const now = this.sys.stat(real);
                [entry.size, entry.mtimeMs, entry.ino] = [now.size, now.mtimeMs, now.ino];
              } catch (err) {
                if (isProcessControl(err)) throw err;
              }
            }
          }
        }
      },
      (err) => done?.(err),
    );
  }

  /** A file renamed or removed by this process. */
  moved(from: string, to?: string): void {
    const c = this.files.get(from);
    this.files.delete(from);
    if (c && to) this.files.set(to, c);
  }
}
