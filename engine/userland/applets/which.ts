/**
 * which [-a] COMMAND...: where on $PATH each COMMAND is (the first match,
 * or with -a every one); a name with a slash is checked as it is. Exit 1 if
 * any is not found.
 */
import { applet } from '../lib/applet.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { findExecutables, isExecutableFile } from '../lib/system-exec.ts';

export default applet('Usage: which [-a] COMMAND...\n\nLocate COMMAND\n\n\t-a\tShow all matches', async (ctx) => {
  const o = await parseOptions(ctx, 'a');
  if (o.operands.length === 0) {
    await ctx.usage();
    return 1;
  }
  const path = ctx.getenv('PATH') ?? '/sbin:/usr/sbin:/bin:/usr/bin';
  let status = 0;
  for (const name of o.operands) {
    let found: string[];
    if (name.includes('/')) found = isExecutableFile(ctx.sys, name) ? [name] : [];
    else found = findExecutables(ctx.sys, name, path);
    if (!o.has('a')) found = found.slice(0, 1);
    for (const f of found) await ctx.out.write(f + '\n');
    if (found.length === 0) status = 1;
  }
  return status;
});
