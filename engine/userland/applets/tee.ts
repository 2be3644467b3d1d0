/**
 * tee [-ai] [FILE]...: copy stdin to stdout and to each FILE ("-" is
 * stdout again). -a appends, -i ignores SIGINT. Output is unbuffered.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { applet } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';

const USAGE = 'Usage: tee [-ai] [FILE]...\n\nCopy stdin to each FILE, and also to stdout\n\n\t-a\tAppend to the given FILEs, don\'t overwrite\n\t-i\tIgnore interrupt signals (SIGINT)';

const SIGINT = 2;

export default applet(USAGE, async (ctx) => {
  const { sys, err } = ctx;
  const o = await ctx.options('ia');
  if (o.has('i')) sys.signal(SIGINT, 'ignore');
  let status = 0;
  const targets: { fd: number; name: string; failed: boolean }[] = [{ fd: 1, name: 'standard output', failed: false }];
  for (const name of o.operands) {
    if (name === '-') {
      targets.push({ fd: 1, name, failed: false });
      continue;
    }
    try {
      targets.push({ fd: sys.open(name, o.has('a') ? 'a' : 'w'), name, failed: false });
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      await err.write(`${ctx.name}: ${name}: ${strerror(e.code)}\n`);
      status = 1;
    }
  }
  for (;;) {
    let d: Uint8Array;
    try {
      d = await sys.read(0, 65536);
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      status = 1;
      break;
    }
    if (d.length === 0) break;
    for (const t of targets) {
      if (t.failed) continue;
      try {
        await sys.write(t.fd, d);
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        t.failed = true;
      }
    }
  }
  // die_if_ferror on each output, as busybox checks them at the end
  for (const t of targets) {
    if (t.failed) {
      await err.write(`${ctx.name}: ${t.name === 'standard output' ? 'standard input' : t.name}: I/O error\n`);
      return 1;
    }
  }
  return status;
});
