/**
 * bb_make_directory (mkdir, install -d): creates `path`, or with `parents`
 * every missing directory along it. Intermediate directories get u+wx
 * whatever the umask; only the last one gets `mode` (by chmod, so the umask
 * does not apply to it). An existing directory is fine with `parents`.
 */
import { FsError } from '../../fs/errno.ts';
import { isDir } from '../../fs/types.ts';
import type { AppletContext } from './applet.ts';
import { errorText } from './errors.ts';

export interface MakeDirectoryOptions {
  /** Permission bits for the last directory; undefined keeps mkdir's 0777 & ~umask. */
  mode?: number;
  parents?: boolean;
  verbose?: boolean;
}

export async function makeDirectory(ctx: AppletContext, path: string, o: MakeDirectoryOptions): Promise<boolean> {
  const { sys } = ctx;
  if (path === '/' || path === '.') return true;
  let orgMask = -1;
  let curMask = -1;
  const setMask = (m: number) => {
    curMask = m;
    sys.umask(m);
  };
  let at = 0;
  let failed: string | undefined;
  try {
    for (;;) {
      let part = path;
      let last = true;
      if (o.parents) {
        // The next prefix, ending after a run of slashes ("a/", then "a/b/"…).
        const slash = path.indexOf('/', at);
        if (slash >= 0) {
          let end = slash;
          while (path[end] === '/') end++;
          part = path.slice(0, end);
          last = end >= path.length;
          at = end;
        } else at = path.length;
      }
      if (!last) {
        if (curMask === -1) {
          orgMask = sys.umask(0);
          curMask = 0;
          if ((orgMask & ~0o300) !== curMask) setMask(orgMask & ~0o300);
        }
      } else if (orgMask !== curMask) setMask(orgMask);
      try {
        sys.mkdir(part, 0o777);
        if (o.verbose) await ctx.out.write(`created directory: '${part}'\n`);
      } catch (e) {
        let reason = e;
        let exists = false;
        if (o.parents && e instanceof FsError && (e.code === 'EEXIST' || e.code === 'EISDIR')) {
          try {
            exists = isDir(sys.stat(part).mode);
          } catch (statError) {
            reason = statError;
          }
        }
        if (!exists) {
          failed = `can't create directory '${part}': ${errorText(reason)}`;
          return false;
        }
        if (last) return true;
      }
      if (last) {
        if (o.mode !== undefined) {
          try {
            sys.chmod(part, o.mode);
          } catch (e) {
            failed = `can't set permissions of directory '${part}': ${errorText(e)}`;
            return false;
          }
        }
        return true;
      }
    }
  } finally {
    if (orgMask !== curMask) sys.umask(orgMask);
    if (failed !== undefined) await ctx.err.write(`${ctx.name}: ${failed}\n`);
  }
}
