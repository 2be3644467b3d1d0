/**
 * touch [-cham] [-d DATE] [-t DATE] [-r FILE] FILE...: set the access and
 * modification times of FILEs to now (or DATE, or FILE's times), creating
 * FILEs that do not exist (unless -c). -a/-m change only one of the times.
 */
import { FsError } from '../../fs/errno.ts';
import { applet, fail } from '../lib/applet.ts';
import { complainAbout, errorText } from '../lib/errors.ts';
import { parseDate } from '../lib/files-time.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';

export default applet(
  'Usage: touch [-cham] [-d DATE] [-t DATE] [-r FILE] FILE...\n\nUpdate mtime of FILEs\n\n\t-c\tDon\'t create files\n\t-h\tDon\'t follow links\n\t-a\tChange only atime\n\t-m\tChange only mtime\n\t-d DT\tDate/time to use\n\t-t DT\tDate/time to use\n\t-r FILE\tUse FILE\'s date/time',
  async (ctx) => {
    const { sys } = ctx;
    const o = await parseOptions(ctx, 'chr:d:t:amf', { long: { 'no-create': 'c', 'no-dereference': 'h', reference: 'r', date: 'd' } });
    if (o.operands.length === 0 || (o.has('r') && o.has('t'))) await showUsage(ctx);
    // Explicit times, or null for "now" (each of atime, mtime).
    let atime: number | null = null;
    let mtime: number | null = null;
    const reference = o.value('r');
    if (reference !== undefined) {
      let st;
      try {
        st = sys.stat(reference);
      } catch (e) {
        return fail(`can't stat '${reference}': ${errorText(e)}`);
      }
      atime = st.atimeMs;
      mtime = st.mtimeMs;
    }
    // -d and -t share one argument: the last one given.
    const date = o.seen.filter((s) => s.option === 'd' || s.option === 't').pop()?.value;
    if (date !== undefined) {
      const t = parseDate(date, Math.floor(sys.now() / 1000));
      if (t === undefined) fail(`invalid date '${date}'`);
      atime = mtime = t! * 1000;
    }
    const onlyA = o.has('a') && !o.has('m');
    const onlyM = o.has('m') && !o.has('a');
    const follow = !o.has('h');
    const explicit = o.has('r') || date !== undefined;
    const apply = (file: string) => {
      // utimensat with UTIME_NOW / UTIME_OMIT per field, as busybox's touch calls it.
      sys.utimes(file, { atimeMs: onlyM ? 'omit' : (atime ?? 'now'), mtimeMs: onlyA ? 'omit' : (mtime ?? 'now') }, follow);
    };
    let status = 0;
    for (const file of o.operands) {
      try {
        apply(file);
        continue;
      } catch (e) {
        errorText(e);
        if (!(e instanceof FsError && e.code === 'ENOENT')) {
          await complainAbout(ctx.err, ctx.name, file, e);
          status = 1;
          continue;
        }
      }
      if (o.has('c')) continue;
      try {
        sys.close(sys.open(file, { read: true, write: true, create: true }, 0o666));
        if (explicit) apply(file);
      } catch (e) {
        await complainAbout(ctx.err, ctx.name, file, e);
        status = 1;
      }
    }
    return status;
  },
);
