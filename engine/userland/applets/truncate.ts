/** truncate [-c] -s SIZE FILE...: set the size of FILEs (creating them unless -c). SIZE may end in k, K, M or G. */
import { FsError } from '../../fs/errno.ts';
import { applet, fail } from '../lib/applet.ts';
import { complain, errorText } from '../lib/errors.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';

const SUFFIXES: Record<string, number> = { '': 1, k: 1024, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

export default applet('Usage: truncate [-c] -s SIZE FILE...\n\nTruncate FILEs to SIZE\n\n\t-c\tDo not create files\n\t-s SIZE', async (ctx) => {
  const o = await parseOptions(ctx, 'cs:');
  const text = o.value('s');
  if (text === undefined || o.operands.length === 0) return showUsage(ctx);
  const m = /^([0-9]+)([kKMG]?)$/.exec(text);
  if (!m) return fail(`invalid number '${text}'`);
  const size = Number(m[1]) * SUFFIXES[m[2]!]!;
  let status = 0;
  for (const file of o.operands) {
    let fd: number;
    try {
      fd = ctx.sys.open(file, { read: false, write: true, create: !o.has('c'), nonblock: true }, 0o666);
    } catch (e) {
      if (!(e instanceof FsError && e.code === 'ENOENT' && o.has('c'))) {
        await complain(ctx.err, ctx.name, `${file}: open: ${errorText(e)}`);
        status = 1;
      }
      continue;
    }
    try {
      ctx.sys.ftruncate(fd, size);
    } catch (e) {
      await complain(ctx.err, ctx.name, `${file}: truncate: ${errorText(e)}`);
      status = 1;
    } finally {
      ctx.sys.close(fd);
    }
  }
  return status;
});
