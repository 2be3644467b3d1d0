/**
 * cp [-arPLHpfinlsTuv] SOURCE... DEST: copy files, and with -r/-a whole
 * trees (see files-copy.ts for how busybox copies). With several SOURCEs, or
 * when DEST is a directory, the copies go inside DEST.
 */
import { FsError } from '../../fs/errno.ts';
import { isDir, type Stat } from '../../fs/types.ts';
import { applet, fail } from '../lib/applet.ts';
import { complain, errorText } from '../lib/errors.ts';
import { Copier, type CopyOptions } from '../lib/files-copy.ts';
import { makeDirectory } from '../lib/files-mkdir.ts';
import { dirName, joinPath, lastComponent, stripSlashes } from '../lib/files-path.ts';
import { foldOptions, parseOptions, showUsage } from '../lib/files-options.ts';

export default applet(
  'Usage: cp [-arPLHpfinlsTu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nCopy SOURCEs to DEST\n\n\t-a\tSame as -dpR\n\t-R,-r\tRecurse\n\t-d,-P\tPreserve symlinks (default if -R)\n\t-L\tFollow all symlinks\n\t-H\tFollow symlinks on command line\n\t-p\tPreserve file attributes if possible\n\t-f\tOverwrite\n\t-i\tPrompt before overwrite\n\t-n\tDon\'t overwrite\n\t-l,-s\tCreate (sym)links\n\t-T\tRefuse to copy if DEST is a directory\n\t-t DIR\tCopy all SOURCEs into DIR\n\t-u\tCopy only newer files',
  async (ctx) => {
    const { sys } = ctx;
    const parsed = await parseOptions(ctx, 'pdRfinlsLHarPvuTt:\x01\x02', {
      long: {
        archive: 'a',
        force: 'f',
        interactive: 'i',
        'no-clobber': 'n',
        link: 'l',
        dereference: 'L',
        'no-dereference': 'P',
        recursive: 'R',
        'symbolic-link': 's',
        'no-target-directory': 'T',
        'target-directory': 't',
        verbose: 'v',
        update: 'u',
        'remove-destination': '\x01',
        parents: '\x02',
      },
    });
    if ((parsed.has('l') && parsed.has('s')) || parsed.operands.length < 1) await showUsage(ctx);
    const on = foldOptions(parsed, { P: { on: 'd' }, r: { on: 'Rd' }, R: { on: 'd' }, a: { on: 'pdR' }, i: { off: 'n' }, n: { off: 'i' } });
    const o: CopyOptions = {
      preserve: on.has('p'),
      dereference: !on.has('d') || on.has('L'),
      dereferenceTop: on.has('H'),
      recursive: on.has('R'),
      force: on.has('f'),
      interactive: on.has('i'),
      noClobber: on.has('n'),
      hardlink: on.has('l'),
      symlink: on.has('s'),
      update: on.has('u'),
      // busybox's flag bits for these two are off by one without SELinux: --remove-destination
      // does nothing, and --parents also removes existing destinations first.
      removeDestination: on.has('\x02'),
      verbose: on.has('v'),
    };
    const copier = new Copier(ctx);
    let sources = parsed.operands;
    let target = parsed.value('t');
    if (target === undefined) {
      if (sources.length < 2) await showUsage(ctx);
      target = sources[sources.length - 1]!;
      sources = sources.slice(0, -1);
      if (sources.length > 1) {
        if (on.has('T')) await showUsage(ctx);
      } else {
        // "cp A B": the one case where B need not be a directory.
        const probe = async (path: string, follow: boolean): Promise<Stat | undefined | false> => {
          try {
            return follow ? sys.stat(path) : sys.lstat(path);
          } catch (e) {
            if (e instanceof FsError && e.code === 'ENOENT') return undefined;
            await complain(ctx.err, ctx.name, `can't stat '${path}': ${errorText(e)}`);
            return false;
          }
        };
        const src = await probe(sources[0]!, o.dereference!);
        if (src === false) return 1;
        const dst = await probe(target, true);
        if (dst === false) return 1;
        const srcDir = src !== undefined && isDir(src.mode);
        const dstDir = dst !== undefined && isDir(dst.mode);
        if (on.has('T') && !srcDir && dstDir) fail(`'${target}' is a directory`);
        if (on.has('\x02') && !dstDir) fail('with --parents, the destination must be a directory');
        if (o.removeDestination) o.force = true;
        if ((!srcDir && !dstDir) || (o.recursive && srcDir && dst === undefined) || on.has('T')) {
          return (await copier.copy(sources[0]!, target, o)) ? 0 : 1;
        }
      }
    }
    let status = 0;
    for (const source of sources) {
      let dest: string;
      let from = source;
      if (on.has('\x02')) {
        dest = joinPath(target, source);
        if (!(await makeDirectory(ctx, dirName(dest), { parents: true }))) return 1;
      } else {
        from = stripSlashes(source);
        dest = joinPath(target, lastComponent(source));
      }
      if (!(await copier.copy(from, dest, o))) status = 1;
    }
    return status;
  },
);
