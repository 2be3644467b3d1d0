/**
 * mktemp [-dqtu] [-p DIR] [TEMPLATE]: create a file (or, -d, a directory)
 * with a unique name from TEMPLATE, whose trailing XXXXXX musl replaces with
 * letters, and print the name.
 */
import { FsError } from '../../fs/errno.ts';
import { applet, fail } from '../lib/applet.ts';
import { errorText, isProcessControl } from '../lib/errors.ts';
import { joinPath } from '../lib/files-path.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';
import type { Sys } from '../../kernel/sys.ts';

/** musl's __randname: six letters from A-P and a-p. */
function randomName(): string {
  let s = '';
  for (let i = 0; i < 6; i++) {
    const r = Math.floor(Math.random() * 32);
    s += String.fromCharCode(65 + (r & 15) + (r & 16) * 2);
  }
  return s;
}

/** mkstemp/mkdtemp/mktemp: try up to 100 names; throws the last error. */
function makeTemp(sys: Sys, template: string, kind: 'file' | 'dir' | 'name'): string {
  if (!template.endsWith('XXXXXX')) throw new FsError('EINVAL', 'mkstemp');
  const stem = template.slice(0, -6);
  for (let attempt = 0; ; attempt++) {
    const name = stem + randomName();
    try {
      if (kind === 'file') sys.close(sys.open(name, { read: true, write: true, create: true, exclusive: true }, 0o600));
      else if (kind === 'dir') sys.mkdir(name, 0o700);
      else {
        try {
          sys.lstat(name);
        } catch (e) {
          if (e instanceof FsError && e.code === 'ENOENT') return name;
          throw e;
        }
        throw new FsError('EEXIST', 'mktemp');
      }
      return name;
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError && e.code === 'EEXIST') || attempt >= 99) throw e;
    }
  }
}

export default applet(
  'Usage: mktemp [-dt] [-p DIR] [TEMPLATE]\n\nCreate a temporary file with name based on TEMPLATE and print its name.\nTEMPLATE must end with XXXXXX (e.g. [/dir/]nameXXXXXX).\nWithout TEMPLATE, -t tmp.XXXXXX is assumed.\n\n\t-d\tMake directory, not file\n\t-q\tFail silently on errors\n\t-t\tPrepend base directory name to TEMPLATE\n\t-p DIR\tUse DIR as a base directory (implies -t)\n\t-u\tDo not create anything; print a name\n\nBase directory is: -p DIR, else $TMPDIR, else /tmp',
  async (ctx) => {
    const o = await parseOptions(ctx, 'dqtp:u\x01:', { long: { directory: 'd', quiet: 'q', 'dry-run': 'u', tmpdir: '\x01' }, optional: { tmpdir: '' } });
    if (o.operands.length > 1) await showUsage(ctx);
    let dir = ctx.getenv('TMPDIR') || '/tmp';
    for (const { option, value } of o.seen) if ((option === 'p' || option === '\x01') && value) dir = value;
    let template = o.operands[0];
    let prefix = o.has('t') || o.has('p') || o.has('\x01');
    if (template === undefined) {
      template = 'tmp.XXXXXX';
      prefix = true;
    }
    if (prefix) template = joinPath(dir, template);
    try {
      const name = makeTemp(ctx.sys, template, o.has('u') ? 'name' : o.has('d') ? 'dir' : 'file');
      await ctx.out.write(name + '\n');
      return 0;
    } catch (e) {
      const text = errorText(e);
      if (o.has('q')) return 1;
      return fail(text);
    }
  },
);
