/**
 * mv [-finTv] SOURCE... DEST: rename files. When DEST is on another
 * filesystem (rename fails with EXDEV), the file or tree is copied with its
 * attributes and the original removed, as busybox does.
 */
import { attempt } from '../lib/files-attempt.ts';
import { FsError } from '../../fs/errno.ts';
import { isDir } from '../../fs/types.ts';
import { applet, fail } from '../lib/applet.ts';
import { askYes } from '../lib/files-ask.ts';
import { complain, errorText } from '../lib/errors.ts';
import { Copier } from '../lib/files-copy.ts';
import { joinPath, lastComponent, stripSlashes } from '../lib/files-path.ts';
import { foldOptions, parseOptions, showUsage } from '../lib/files-options.ts';
import { removeFile } from '../lib/files-remove.ts';

const W_OK = 2;

export default applet(
  'Usage: mv [-finT] SOURCE DEST\nor: mv [-fin] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nRename SOURCE to DEST, or move SOURCEs to DIRECTORY\n\n\t-f\tDon\'t prompt before overwriting\n\t-i\tInteractive, prompt before overwrite\n\t-n\tDon\'t overwrite an existing file\n\t-T\tRefuse to move if DEST is a directory\n\t-t DIR\tMove all SOURCEs into DIR',
  async (ctx) => {
    const { sys } = ctx;
    const parsed = await parseOptions(ctx, 'finTt:v', {
      long: { interactive: 'i', force: 'f', 'no-clobber': 'n', 'no-target-directory': 'T', 'target-directory': 't', verbose: 'v' },
    });
    if (parsed.operands.length < 1 || (parsed.has('t') && parsed.has('T'))) await showUsage(ctx);
    const on = foldOptions(parsed, { f: { off: 'in' }, i: { off: 'fn' }, n: { off: 'fi' } });
    /** cp_mv_stat: 0 missing, 1 not a directory, 3 a directory; undefined after reporting another error. */
    const kind = async (path: string, follow = true): Promise<0 | 1 | 3 | undefined> => {
      try {
        return isDir((follow ? sys.stat(path) : sys.lstat(path)).mode) ? 3 : 1;
      } catch (e) {
        if (e instanceof FsError && e.code === 'ENOENT') return 0;
        await complain(ctx.err, ctx.name, `can't stat '${path}': ${errorText(e)}`);
        return undefined;
      }
    };
    let sources = parsed.operands;
    let target = parsed.value('t');
    // "mv A B" where B is not a directory (or -T): rename A to B itself.
    let direct: { dest: string; exists: 0 | 1 | 3 } | undefined;
    if (target === undefined) {
      if (sources.length < 2) await showUsage(ctx);
      target = sources[sources.length - 1]!;
      sources = sources.slice(0, -1);
      if (sources.length > 1) {
        if (on.has('T')) await showUsage(ctx);
      } else {
        const exists = await kind(target);
        if (exists === undefined) return 1;
        if (exists !== 3) direct = { dest: target, exists };
        else if (on.has('T')) {
          const src = attempt(() => sys.stat(sources[0]!));
          if (src && !isDir(src.mode)) fail(`'${target}' is a directory`);
          direct = { dest: target, exists };
        }
      }
    }
    let status = 0;
    for (const arg of sources) {
      let source = arg;
      let dest: string;
      let exists: 0 | 1 | 3 | undefined;
      if (direct) {
        ({ dest, exists } = direct);
      } else {
        source = stripSlashes(arg);
        dest = joinPath(target, lastComponent(arg));
        exists = await kind(dest);
      }
      const ok = exists !== undefined && (await move(source, dest, exists));
      if (!ok) status = 1;
      if (on.has('v')) await ctx.out.write(`'${source}' -> '${dest}'\n`);
    }
    return status;

    async function move(source: string, dest: string, exists: 0 | 1 | 3): Promise<boolean> {
      if (exists) {
        if (on.has('n')) return true;
        const writable = attempt(() => (sys.access(dest, W_OK), true)) ?? false;
        if (!on.has('f') && ((!writable && sys.isatty(0)) || on.has('i'))) {
          if (!(await askYes(sys, ctx.out, ctx.err, `mv: overwrite '${dest}'? `))) return true;
        }
      }
      try {
        sys.rename(source, dest);
        return true;
      } catch (e) {
        const text = errorText(e);
        const srcKind = e instanceof FsError && e.code === 'EXDEV' ? await kind(source, false) : 0;
        if (!srcKind) {
          await complain(ctx.err, ctx.name, `can't rename '${source}': ${text}`);
          return false;
        }
        // Another filesystem: copy with attributes, then remove the original.
        if (exists) {
          if (exists === 3 && srcKind !== 3) {
            await complain(ctx.err, ctx.name, "can't overwrite directory with non-directory");
            return false;
          }
          if (exists !== 3 && srcKind === 3) {
            await complain(ctx.err, ctx.name, "can't overwrite non-directory with directory");
            return false;
          }
          try {
            sys.unlink(dest);
          } catch (e2) {
            await complain(ctx.err, ctx.name, `can't remove '${dest}': ${errorText(e2)}`);
            return false;
          }
        }
        return (await new Copier(ctx).copy(source, dest, { recursive: true, preserve: true })) && (await removeFile(ctx, source, { recursive: true, force: true }));
      }
    }
  },
);
