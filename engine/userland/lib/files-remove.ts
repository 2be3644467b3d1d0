/**
 * remove_file (rm, mv across filesystems): removes a file, or with
 * `recursive` a whole tree, depth first. Returns false if anything stayed.
 */
import { attempt } from './files-attempt.ts';
import { FsError } from '../../fs/errno.ts';
import { isDir, isSymlink } from '../../fs/types.ts';
import type { AppletContext } from './applet.ts';
import { askYes } from './files-ask.ts';
import { errorText } from './errors.ts';
import { isDotOrDotDot, joinPath } from './files-path.ts';

export interface RemoveOptions {
  recursive?: boolean;
  force?: boolean;
  interactive?: boolean;
  verbose?: boolean;
}

const W_OK = 2;

export async function removeFile(ctx: AppletContext, path: string, o: RemoveOptions): Promise<boolean> {
  const { sys, name } = ctx;
  const say = (text: string) => ctx.err.write(`${name}: ${text}\n`);
  const ask = (question: string) => askYes(sys, ctx.out, ctx.err, `${name}: ${question} '${path}'? `);
  const writable = () => attempt(() => (sys.access(path, W_OK), true)) ?? false;
  let st;
  try {
    st = sys.lstat(path);
  } catch (e) {
    if (!(e instanceof FsError && e.code === 'ENOENT')) {
      await say(`can't stat '${path}': ${errorText(e)}`);
      return false;
    }
    if (!o.force) {
      await say(`can't remove '${path}': ${errorText(e)}`);
      return false;
    }
    return true;
  }
  await sys.checkpoint();
  if (isDir(st.mode)) {
    if (!o.recursive) {
      await say(`'${path}' is a directory`);
      return false;
    }
    if ((!o.force && !writable() && sys.isatty(0)) || o.interactive) {
      if (!(await ask('descend into directory'))) return true;
    }
    let names: string[];
    try {
      names = sys.readdir(path);
    } catch (e) {
      errorText(e);
      return false;
    }
    let ok = true;
    for (const entry of names) {
      if (isDotOrDotDot(entry)) continue;
      if (!(await removeFile(ctx, joinPath(path, entry), o))) ok = false;
    }
    if (o.interactive && !(await ask('remove directory'))) return ok;
    if (ok) {
      try {
        sys.rmdir(path);
      } catch (e) {
        await say(`can't remove '${path}': ${errorText(e)}`);
        return false;
      }
    }
    if (o.verbose) await ctx.out.write(`removed directory: '${path}'\n`);
    return ok;
  }
  if ((!o.force && !writable() && !isSymlink(st.mode) && sys.isatty(0)) || o.interactive) {
    if (!(await ask('remove'))) return true;
  }
  try {
    sys.unlink(path);
  } catch (e) {
    await say(`can't remove '${path}': ${errorText(e)}`);
    return false;
  }
  if (o.verbose) await ctx.out.write(`removed '${path}'\n`);
  return true;
}
