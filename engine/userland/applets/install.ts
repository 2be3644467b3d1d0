/**
 * install [-cdDsp] [-o USER] [-g GRP] [-m MODE] [-t DIR] [SOURCE]... DEST:
 * copy files (or, -d, create directories) and set their mode (0755 unless
 * -m; the umask does not apply), and with -o/-g their owner.
 */
import { attempt } from '../lib/files-attempt.ts';
import { isDir } from '../../fs/types.ts';
import { applet } from '../lib/applet.ts';
import { complain, errorText } from '../lib/errors.ts';
import { Copier } from '../lib/files-copy.ts';
import { groupId, userId } from '../lib/files-ids.ts';
import { makeDirectory } from '../lib/files-mkdir.ts';
import { parseMode } from '../lib/files-mode.ts';
import { baseName, dirName, joinPath } from '../lib/files-path.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';
import { spawnAndWait } from '../lib/files-exec.ts';
import { Names } from '../lib/users.ts';

export default applet(
  'Usage: install [-cdDsp] [-o USER] [-g GRP] [-m MODE] [-t DIR] [SOURCE]... DEST\n\nCopy files and set attributes\n\n\t-c\tJust copy (default)\n\t-d\tCreate directories\n\t-D\tCreate leading target directories\n\t-s\tStrip symbol table\n\t-p\tPreserve date\n\t-o USER\tSet ownership\n\t-g GRP\tSet group ownership\n\t-m MODE\tSet permissions\n\t-t DIR\tInstall to DIR',
  async (ctx) => {
    const { sys } = ctx;
    const o = await parseOptions(ctx, 'cvbDdpsg:m:o:t:');
    if ((o.has('t') && o.has('d')) || (o.has('s') && o.has('d'))) await showUsage(ctx);
    const verbose = o.has('v');
    const modeText = o.value('m');
    const mode = modeText === undefined ? 0o755 : parseMode(modeText, 0o755, sys.umask());
    const names = o.has('o') || o.has('g') ? await Names.load(sys) : undefined;
    const uid = o.has('o') ? userId(names!, o.value('o')!) : sys.getuid();
    const gid = o.has('g') ? groupId(names!, o.value('g')!) : sys.getgid();
    let args = o.operands;
    let last = o.value('t');
    let intoDir = last !== undefined;
    if (last === undefined && !o.has('d')) {
      last = args[args.length - 1];
      args = args.slice(0, -1);
      const st = last === undefined ? undefined : attempt(() => sys.stat(last!));
      intoDir = st !== undefined && isDir(st.mode);
    }
    if (args.length < 1) await showUsage(ctx);
    const copier = new Copier(ctx);
    let status = 0;
    for (const arg of args) {
      let dest: string;
      if (o.has('d')) {
        dest = arg;
        if (!(await makeDirectory(ctx, dest, { mode: 0o755, parents: true, verbose }))) {
          status = 1;
          continue;
        }
      } else {
        dest = last!;
        if (o.has('D')) await makeDirectory(ctx, o.has('t') ? dest : dirName(dest), { mode: 0o755, parents: true, verbose });
        if (intoDir) dest = joinPath(last!, baseName(arg));
        if (!(await copier.copy(arg, dest, { dereference: true, force: true, preserve: o.has('p'), verbose }))) {
          status = 1;
          continue;
        }
        if (o.has('s')) {
          let code: number;
          try {
            code = await spawnAndWait(sys, ['strip', '-p', dest], ctx.getenv('PATH'));
          } catch (e) {
            errorText(e);
            code = -1;
          }
          if (code !== 0) {
            await complain(ctx.err, ctx.name, `strip: ${code < 0 ? 'No such file or directory' : 'Success'}`);
            status = 1;
          }
        }
      }
      try {
        sys.chmod(dest, (mode ?? 0o7777) & 0o7777); // an invalid -m is busybox's (mode_t)-1: 07777
      } catch (e) {
        await complain(ctx.err, ctx.name, `can't change permissions of ${dest}: ${errorText(e)}`);
        status = 1;
      }
      if (o.has('o') || o.has('g')) {
        try {
          sys.lchown(dest, uid, gid);
        } catch (e) {
          await complain(ctx.err, ctx.name, `can't change ownership of ${dest}: ${errorText(e)}`);
          status = 1;
        }
      }
    }
    return status;
  },
);
