/**
 * recursive_action: visits a path and, for a directory with `recurse`, all
 * that is under it, in the order the directory lists its entries. The
 * file action sees non-directories, the directory action directories
 * (before their contents, or after them with `depthFirst`). An action
 * returns true to go on, false for a failure (the walk goes on but reports
 * it), or 'skip' (before the contents: do not descend).
 *
 * Failures of the walk itself print "applet: path: error". As in busybox, a
 * directory action that fails is reported again with the last error.
 */
import { attempt } from './files-attempt.ts';
import { FsError } from '../../fs/errno.ts';
import { isDir, type Stat } from '../../fs/types.ts';
import type { AppletContext } from './applet.ts';
import { errorText } from './errors.ts';
import { isDotOrDotDot, joinPath } from './files-path.ts';

export type WalkResult = boolean | 'skip';
export type WalkAction = (path: string, st: Stat, depth: number) => Promise<WalkResult>;

export interface WalkOptions {
  recurse?: boolean;
  /** Follow symlinks everywhere (stat instead of lstat). */
  followLinks?: boolean;
  /** Follow a symlink given as the starting path. */
  followTop?: boolean;
  /** Directory action after the contents. */
  depthFirst?: boolean;
  /** When following links, hand a dangling one to the file action. */
  danglingOk?: boolean;
  /** Do not print the walk's own failures. */
  quiet?: boolean;
}

export class Walker {
  /** The error behind the last failure, which a failed directory action is reported with. */
  lastError: unknown = new FsError('EPERM', 'walk');
  private visited = 0;

  constructor(
    private readonly ctx: AppletContext,
    private readonly options: WalkOptions,
    private readonly fileAction: WalkAction,
    private readonly dirAction: WalkAction,
  ) {}

  async walk(path: string, depth = 0): Promise<boolean> {
    const { sys } = this.ctx;
    const o = this.options;
    if (++this.visited % 64 === 0) await sys.checkpoint();
    const follow = o.followLinks || (depth === 0 && o.followTop);
    let st: Stat;
    try {
      st = follow ? sys.stat(path) : sys.lstat(path);
    } catch (e) {
      if (o.danglingOk && e instanceof FsError && e.code === 'ENOENT') {
        const link = attempt(() => sys.lstat(path));
        if (link) return (await this.fileAction(path, link, depth)) !== false;
      }
      return this.warn(path, e);
    }
    if (!isDir(st.mode)) return (await this.fileAction(path, st, depth)) !== false;
    if (!o.recurse) return (await this.dirAction(path, st, depth)) !== false;
    if (!o.depthFirst) {
      const r = await this.dirAction(path, st, depth);
      if (r === false) return this.warn(path, this.lastError);
      if (r === 'skip') return true;
    }
    let names: string[];
    try {
      names = sys.readdir(path);
    } catch (e) {
      return this.warn(path, e);
    }
    let ok = true;
    for (const name of names) {
      if (isDotOrDotDot(name)) continue;
      if (!(await this.walk(joinPath(path, name), depth + 1))) ok = false;
    }
    if (o.depthFirst && (await this.dirAction(path, st, depth)) === false) return this.warn(path, this.lastError);
    return ok;
  }

  private async warn(path: string, e: unknown): Promise<false> {
    const text = errorText(e);
    if (!this.options.quiet) await this.ctx.err.write(`${this.ctx.name}: ${path}: ${text}\n`);
    return false;
  }
}
