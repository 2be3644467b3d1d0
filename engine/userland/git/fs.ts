/**
 * The filesystem isomorphic-git is handed ("bring your own fs"): the promise
 * flavour of Node's fs API, built over the calling process's system calls.
 * Every path is therefore resolved, permission-checked and mounted exactly as
 * for any other program in the container: `git add` cannot read a file the
 * learner cannot read.
 *
 * Failures are the kernel's FsError, whose `code` ('ENOENT', 'EEXIST',
 * 'ENOTDIR', 'ENOTEMPTY'…) is what isomorphic-git inspects.
 */
import { fromUtf8, utf8 } from '../../common/bytes.ts';
import { S_IFMT, S_IFDIR, S_IFLNK, S_IFREG, type Stat } from '../../fs/types.ts';
import type { Sys } from '../../kernel/sys.ts';
import { readFile, writeFile } from '../lib/io.ts';

/** The fields isomorphic-git reads from a stat result (Node's fs.Stats shape). */
export interface GitStats {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  size: number;
  ino: number;
  dev: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  ctimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

function stats(st: Stat): GitStats {
  const kind = st.mode & S_IFMT;
  const type = kind === S_IFDIR ? 'dir' : kind === S_IFLNK ? 'symlink' : 'file';
  return {
    type,
    mode: st.mode,
    size: st.size,
    ino: st.ino,
    dev: st.dev,
    uid: st.uid,
    gid: st.gid,
    mtimeMs: st.mtimeMs,
    ctimeMs: st.ctimeMs,
    isFile: () => kind === S_IFREG,
    isDirectory: () => kind === S_IFDIR,
    isSymbolicLink: () => kind === S_IFLNK,
  };
}

type Encoding = string | { encoding?: string; mode?: number } | undefined;
const encodingOf = (opts: Encoding): string | undefined => (typeof opts === 'string' ? opts : opts?.encoding);

/** A promise-based fs for isomorphic-git over `sys`. */
export class SysFs {
  constructor(private readonly sys: Sys) {}

  async readFile(path: string, opts?: Encoding): Promise<Uint8Array | string> {
    const data = await readFile(this.sys, path);
    return encodingOf(opts) === 'utf8' ? fromUtf8(data) : data;
  }

  async writeFile(path: string, data: Uint8Array | string, opts?: Encoding): Promise<void> {
    const mode = typeof opts === 'object' && opts.mode !== undefined ? opts.mode : 0o666;
    await writeFile(this.sys, path, typeof data === 'string' ? utf8(data) : data, mode);
  }

  // Each call is a point where the scheduler may run others (isomorphic-git loops over many files).
  async mkdir(path: string): Promise<void> {
    await this.sys.checkpoint();
    this.sys.mkdir(path, 0o777);
  }

  async rmdir(path: string): Promise<void> {
    this.sys.rmdir(path);
  }

  async unlink(path: string): Promise<void> {
    this.sys.unlink(path);
  }

  async stat(path: string): Promise<GitStats> {
    await this.sys.checkpoint();
    return stats(this.sys.stat(path));
  }

  async lstat(path: string): Promise<GitStats> {
    await this.sys.checkpoint();
    return stats(this.sys.lstat(path));
  }

  async readdir(path: string): Promise<string[]> {
    await this.sys.checkpoint();
    return this.sys.readdir(path).filter((n) => n !== '.' && n !== '..');
  }

  async readlink(path: string, opts?: Encoding): Promise<string | Uint8Array> {
    const target = this.sys.readlink(path);
    return encodingOf(opts) === 'buffer' ? utf8(target) : target;
  }

  async symlink(target: string, path: string): Promise<void> {
    this.sys.symlink(target, path);
  }

  async chmod(path: string, mode: number): Promise<void> {
    this.sys.chmod(path, mode & 0o7777);
  }
}
