/**
 * copy_file (cp, mv across filesystems, install): copies one file or, with
 * `recursive`, a tree, the way busybox does it:
 * - an existing destination is not written through: the new file is created
 *   with O_EXCL and, if that fails, the old one is unlinked first (asking
 *   with `interactive`);
 * - without `dereference`, symlinks are copied as symlinks and files that
 *   are hard links of each other stay hard links of each other;
 * - `preserve` copies mode, owner and (whole-second) times.
 *
 * A Copier remembers what it created, so `cp -r dir dir/sub` stops instead
 * of recursing forever. copy() returns false when the copy was not made.
 */
import { FsError } from '../../fs/errno.ts';
import { S_IFBLK, S_IFCHR, S_IFIFO, S_IFMT, S_IFSOCK, isDir, isRegular, isSymlink, type Stat } from '../../fs/types.ts';
import type { AppletContext } from './applet.ts';
import { askYes } from './files-ask.ts';
import { errorText } from './errors.ts';
import { isDotOrDotDot, joinPath } from './files-path.ts';

export interface CopyOptions {
  /** Follow symlinks in the source (cp without -d/-R, or with -L). */
  dereference?: boolean;
  /** Follow a symlink given as the source itself (-H). */
  dereferenceTop?: boolean;
  recursive?: boolean;
  preserve?: boolean;
  force?: boolean;
  interactive?: boolean;
  noClobber?: boolean;
  hardlink?: boolean;
  symlink?: boolean;
  update?: boolean;
  removeDestination?: boolean;
  verbose?: boolean;
}

const key = (st: Stat) => `${st.dev}:${st.ino}`;
const CHUNK = 64 * 1024;

export class Copier {
  /** dev:ino of what was copied → the copy's name ("" for directories we made). */
  private readonly made = new Map<string, string>();

  constructor(private readonly ctx: AppletContext) {}

  private say(text: string): Promise<void> {
    return this.ctx.err.write(`${this.ctx.name}: ${text}\n`);
  }

  /** ask_and_unlink: after creating `dest` failed with `why`, remove what is in the way. 1: try again, 0: user said no, -1: error. */
  private async clearWay(dest: string, why: unknown, o: CopyOptions): Promise<-1 | 0 | 1> {
    const { sys } = this.ctx;
    if (o.interactive && !(await askYes(sys, this.ctx.out, this.ctx.err, `${this.ctx.name}: overwrite '${dest}'? `))) return 0;
    try {
      sys.unlink(dest);
    } catch (e) {
      errorText(e);
      await this.say(`can't create '${dest}': ${errorText(why)}`);
      return -1;
    }
    if (o.removeDestination && o.verbose) await this.ctx.out.write(`removed '${dest}'\n`);
    return 1;
  }

  async copy(source: string, dest: string, o: CopyOptions): Promise<boolean> {
    const { sys } = this.ctx;
    await sys.checkpoint();
    const deref = o.dereference || o.dereferenceTop;
    let src: Stat;
    try {
      src = deref ? sys.stat(source) : sys.lstat(source);
    } catch (e) {
      // A dangling symlink can still be linked to.
      if (o.symlink || o.hardlink) return this.makeLink(source, dest, o);
      await this.say(`can't stat '${source}': ${errorText(e)}`);
      return false;
    }
    let dst: Stat | undefined;
    try {
      dst = sys.lstat(dest);
    } catch (e) {
      if (!(e instanceof FsError && e.code === 'ENOENT')) {
        await this.say(`can't stat '${dest}': ${errorText(e)}`);
        return false;
      }
    }
    if (dst) {
      if (dst.dev === src.dev && dst.ino === src.ino) {
        await this.say(`'${source}' and '${dest}' are the same file`);
        return false;
      }
      if (o.noClobber) return true;
    }

    if (isDir(src.mode)) return this.copyDirectory(source, dest, src, dst, o);

    if (dst) {
      if (o.update && Math.floor(src.mtimeMs / 1000) <= Math.floor(dst.mtimeMs / 1000)) return true;
      if (o.removeDestination) {
        const r = await this.clearWay(dest, new FsError('EEXIST', 'open'), o);
        if (r <= 0) return r === 0;
        dst = undefined;
      }
    }
    if (o.symlink || o.hardlink) return this.makeLink(source, dest, o);

    if (!o.recursive || isRegular(src.mode)) {
      if (!(!deref && isSymlink(src.mode))) return this.copyContents(source, dest, src, o);
    }
    return this.copySpecial(source, dest, src, dst !== undefined, o);
  }

  private async copyDirectory(source: string, dest: string, src: Stat, dst: Stat | undefined, o: CopyOptions): Promise<boolean> {
    const { sys } = this.ctx;
    if (!o.recursive) {
      await this.say(`omitting directory '${source}'`);
      return false;
    }
    if (this.made.has(key(src))) {
      await this.say(`recursion detected, omitting directory '${source}'`);
      return false;
    }
    let umask = 0;
    const created = !dst;
    if (dst) {
      if (!isDir(dst.mode)) {
        await this.say(`target '${dest}' is not a directory`);
        return false;
      }
    } else {
      umask = sys.umask(0);
      const mode = (o.preserve ? src.mode : src.mode & ~umask) | 0o700;
      try {
        sys.mkdir(dest, mode & 0o7777);
      } catch (e) {
        sys.umask(umask);
        await this.say(`can't create directory '${dest}': ${errorText(e)}`);
        return false;
      }
      sys.umask(umask);
      try {
        dst = sys.lstat(dest);
      } catch (e) {
        await this.say(`can't stat '${dest}': ${errorText(e)}`);
        return false;
      }
    }
    this.made.set(key(dst), '');
    let ok = true;
    let names: string[] | undefined;
    try {
      names = sys.readdir(source);
    } catch (e) {
      errorText(e);
      ok = false;
    }
    for (const name of names ?? []) {
      if (isDotOrDotDot(name)) continue;
      if (!(await this.copy(joinPath(source, name), joinPath(dest, name), { ...o, dereferenceTop: false }))) ok = false;
    }
    if (names && created) {
      try {
        sys.chmod(dest, src.mode & ~umask & 0o7777);
      } catch (e) {
        await this.say(`can't preserve permissions of '${dest}': ${errorText(e)}`);
      }
    }
    await this.preserve(source, dest, src, o);
    return ok;
  }

  private async makeLink(source: string, dest: string, o: CopyOptions): Promise<boolean> {
    const { sys } = this.ctx;
    const link = () => (o.symlink ? sys.symlink(source, dest) : sys.link(source, dest));
    try {
      link();
    } catch (e) {
      const r = await this.clearWay(dest, e, o);
      if (r <= 0) return r === 0;
      try {
        link();
      } catch (e2) {
        await this.say(`can't create link '${dest}': ${errorText(e2)}`);
        return false;
      }
    }
    return true;
  }

  private async copyContents(source: string, dest: string, src: Stat, o: CopyOptions): Promise<boolean> {
    const { sys } = this.ctx;
    const deref = o.dereference || o.dereferenceTop;
    if (!deref) {
      // Hard links among the sources stay hard links among the copies.
      const twin = this.made.get(key(src));
      if (twin !== undefined && twin !== '') {
        try {
          sys.link(twin, dest);
        } catch (e) {
          const r = await this.clearWay(dest, e, o);
          if (r <= 0) return r === 0;
          try {
            sys.link(twin, dest);
          } catch (e2) {
            await this.say(`can't create link '${dest}': ${errorText(e2)}`);
            return false;
          }
        }
        return true;
      }
      this.made.set(key(src), dest);
    }
    let from: number;
    try {
      from = sys.open(source, 'r');
    } catch (e) {
      await this.say(`can't open '${source}': ${errorText(e)}`);
      return false;
    }
    const mode = (isRegular(src.mode) ? src.mode : 0o666) & 0o7777;
    const create = () => sys.open(dest, { read: false, write: true, create: true, exclusive: true }, mode);
    let to: number;
    try {
      to = create();
    } catch (e) {
      const r = await this.clearWay(dest, e, o);
      if (r <= 0) {
        sys.close(from);
        return r === 0;
      }
      try {
        to = create();
      } catch (e2) {
        sys.close(from);
        await this.say(`can't open '${dest}': ${errorText(e2)}`);
        return false;
      }
    }
    let ok = true;
    try {
      for (;;) {
        let data: Uint8Array;
        try {
          data = await sys.read(from, CHUNK);
        } catch (e) {
          await this.say(`read error: ${errorText(e)}`);
          ok = false;
          break;
        }
        if (data.length === 0) break;
        try {
          await sys.write(to, data);
        } catch (e) {
          await this.say(`write error: ${errorText(e)}`);
          ok = false;
          break;
        }
      }
    } finally {
      sys.close(to);
      sys.close(from);
    }
    if (!isRegular(src.mode)) return ok;
    await this.preserve(source, dest, src, o);
    return ok;
  }

  /** A symlink, device node, fifo or socket, recreated rather than read. */
  private async copySpecial(source: string, dest: string, src: Stat, destExists: boolean, o: CopyOptions): Promise<boolean> {
    const { sys } = this.ctx;
    if (destExists) {
      const r = await this.clearWay(dest, new FsError('EEXIST', 'open'), o);
      if (r <= 0) return r === 0;
    }
    if (isSymlink(src.mode)) {
      let target: string;
      try {
        target = sys.readlink(source);
      } catch (e) {
        await this.say(`${source}: cannot read link: ${e instanceof FsError && e.code === 'EINVAL' ? 'not a symlink' : errorText(e)}`);
        return this.verbose(source, dest, o, true);
      }
      try {
        sys.symlink(target, dest);
      } catch (e) {
        await this.say(`can't create symlink '${dest}' to '${target}': ${errorText(e)}`);
        return false;
      }
      if (o.preserve) {
        try {
          sys.lchown(dest, src.uid, src.gid);
        } catch (e) {
          await this.say(`can't preserve ownership of '${dest}': ${errorText(e)}`);
        }
      }
      return this.verbose(source, dest, o, true);
    }
    const type = src.mode & S_IFMT;
    if (type === S_IFBLK || type === S_IFCHR || type === S_IFSOCK || type === S_IFIFO) {
      try {
        sys.mknod(dest, src.mode, src.rdev);
      } catch (e) {
        await this.say(`can't create '${dest}': ${errorText(e)}`);
        return false;
      }
    } else {
      await this.say(`unrecognized file '${source}' with mode ${src.mode.toString(16)}`);
      return false;
    }
    await this.preserve(source, dest, src, o);
    return true;
  }

  /** -p: times (whole seconds, as utimes from st_mtime), owner, then mode; then -v's line. */
  private async preserve(source: string, dest: string, src: Stat, o: CopyOptions): Promise<void> {
    const { sys } = this.ctx;
    if (o.preserve) {
      let mode = src.mode & 0o7777;
      const t = Math.floor(src.mtimeMs / 1000) * 1000;
      try {
        sys.utimes(dest, { atimeMs: t, mtimeMs: t });
      } catch (e) {
        await this.say(`can't preserve times of '${dest}': ${errorText(e)}`);
      }
      try {
        sys.chown(dest, src.uid, src.gid);
      } catch (e) {
        mode &= ~0o6000;
        await this.say(`can't preserve ownership of '${dest}': ${errorText(e)}`);
      }
      try {
        sys.chmod(dest, mode);
      } catch (e) {
        await this.say(`can't preserve permissions of '${dest}': ${errorText(e)}`);
      }
    }
    await this.verbose(source, dest, o, true);
  }

  private async verbose(source: string, dest: string, o: CopyOptions, result: boolean): Promise<boolean> {
    if (o.verbose) await this.ctx.out.write(`'${source}' -> '${dest}'\n`);
    return result;
  }
}
