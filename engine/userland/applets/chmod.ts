/**
 * chmod [-Rcvf] MODE[,MODE]... FILE...: change permission bits. MODE is
 * octal or symbolic (see files-mode.ts). Symlinks named on the command line
 * are followed; those met while recursing are skipped.
 */
import { isSymlink, type Stat } from '../../fs/types.ts';
import { applet, fail } from '../lib/applet.ts';
import { errorText } from '../lib/errors.ts';
import { modeString } from '../lib/format.ts';
import { parseMode } from '../lib/files-mode.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';
import { Walker } from '../lib/files-walk.ts';

export default applet(
  'Usage: chmod [-Rcvf] MODE[,MODE]... FILE...\n\nMODE is octal number (bit pattern sstrwxrwxrwx) or [ugoa]{+|-|=}[rwxXst]\n\n\t-R\tRecurse\n\t-c\tList changed files\n\t-v\tVerbose\n\t-f\tHide errors',
  async (ctx) => {
    const { sys } = ctx;
    // A mode like "-w" would look like an option: hide it from getopt ("aw"), as busybox does.
    const argv = [...sys.argv];
    let hidden = -1;
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]!;
      if (!a.startsWith('-')) break;
      if (a.length > 1 && !'-Rvcf'.includes(a[1]!)) {
        hidden = i;
        argv[i] = 'a' + a.slice(1);
        break;
      }
    }
    const o = await parseOptions(ctx, 'Rvcf', { argv });
    const operands = o.operands.map((a) => (hidden >= 0 && a === 'a' + argv[hidden]!.slice(1) ? '-' + a.slice(1) : a));
    if (operands.length < 2) await showUsage(ctx);
    const [mode, ...files] = operands as [string, ...string[]];
    const umask = sys.umask();
    let walker!: Walker;
    const report = async (path: string, e: unknown) => {
      const text = errorText(e);
      walker.lastError = e;
      if (!o.has('f')) await ctx.err.write(`${ctx.name}: ${path}: ${text}\n`);
      return false;
    };
    const action = async (path: string, st: Stat, depth: number): Promise<boolean> => {
      let current = st;
      if (depth === 0) {
        try {
          current = sys.stat(path);
        } catch (e) {
          return report(path, e);
        }
      } else if (isSymlink(st.mode)) return true;
      const wanted = parseMode(mode, current.mode, umask);
      if (wanted === undefined) return fail(`invalid mode '${mode}'`);
      try {
        sys.chmod(path, wanted & 0o7777);
      } catch (e) {
        return report(path, e);
      }
      if (o.has('v') || (o.has('c') && (current.mode & 0o7777) !== (wanted & 0o7777))) {
        const bits = (wanted & 0o7777).toString(8).padStart(4, '0');
        await ctx.out.write(`mode of '${path}' changed to ${bits} (${modeString(wanted).slice(1)})\n`);
      }
      return true;
    };
    walker = new Walker(ctx, { recurse: o.has('R') }, action, action);
    let status = 0;
    for (const file of files) if (!(await walker.walk(file))) status = 1;
    return status;
  },
);
