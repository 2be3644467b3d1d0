/** mkdir [-m MODE] [-p] [-v] DIRECTORY...: create directories (with -p, their parents too). */
import { applet, fail } from '../lib/applet.ts';
import { makeDirectory } from '../lib/files-mkdir.ts';
import { parseMode } from '../lib/files-mode.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';

export default applet(
  'Usage: mkdir [-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n\n\t-m MODE\tMode\n\t-p\tNo error if exists; make parent directories as needed',
  async (ctx) => {
    const o = await parseOptions(ctx, 'm:pv', { long: { mode: 'm', parents: 'p', verbose: 'v' } });
    let mode: number | undefined;
    const text = o.value('m');
    if (text !== undefined) {
      const umask = ctx.sys.umask();
      mode = parseMode(text, 0o777, umask);
      if (mode === undefined) fail(`invalid mode '${text}'`);
    }
    if (o.operands.length === 0) await showUsage(ctx);
    let status = 0;
    for (const dir of o.operands) {
      if (!(await makeDirectory(ctx, dir, { mode, parents: o.has('p'), verbose: o.has('v') }))) status = 1;
    }
    return status;
  },
);
