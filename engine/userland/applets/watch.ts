/**
 * watch [-n SEC] [-t] PROG ARGS: run PROG ARGS (through /bin/sh -c) again
 * and again, every SEC seconds (default 2), each time on a cleared screen
 * under the header "Every 2.0s: PROG ARGS" with the date at the right edge
 * (-t: no header). Runs until interrupted.
 */
import { FsError } from '../../fs/errno.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import { applet, type AppletContext } from '../lib/applet.ts';
import { parseDuration } from '../lib/system-format.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { localTime, strftime, timeZone } from '../lib/system-time.ts';

const SIGINT = 2;
const SIGQUIT = 3;
const BAD_DURATION = new Error('bad duration');

/** system(3): /bin/sh -c CMD, waited for, with ^C and ^\ ignored meanwhile. */
async function system(ctx: AppletContext, cmd: string): Promise<void> {
  const { sys } = ctx;
  let pid: number;
  try {
    pid = await sys.spawn('/bin/sh', { argv: ['sh', '-c', cmd], env: [...sys.env] });
  } catch (e) {
    if (e instanceof FsError) return; // the shell could not run: system() reports 127, silently
    throw e;
  }
  const oldInt = sys.signal(SIGINT, 'ignore');
  const oldQuit = sys.signal(SIGQUIT, 'ignore');
  try {
    for (;;) {
      try {
        await sys.waitpid(pid);
        break;
      } catch (e) {
        if (!(e instanceof FsError) || e.code !== 'EINTR') break;
      }
    }
  } finally {
    sys.signal(SIGINT, oldInt);
    sys.signal(SIGQUIT, oldQuit);
  }
}

function stderrWidth(ctx: AppletContext): number {
  let cols = 0;
  try {
    cols = ctx.sys.getWinsize(2).cols;
  } catch (e) {
    if (isProcessControl(e)) throw e;
  }
  const env = ctx.getenv('COLUMNS');
  if (env !== undefined) cols = parseInt(env, 10) || 0;
  return cols <= 1 || cols >= 30000 ? 80 : cols;
}

export default applet('Usage: watch [-n SEC] [-t] PROG ARGS\n\nRun PROG periodically\n\n\t-n SEC\tPeriod (default 2)\n\t-t\tDon\'t print header', async (ctx) => {
  const { sys, out } = ctx;
  const o = await parseOptions(ctx, '+dtn:');
  if (o.operands.length === 0) {
    await ctx.usage();
    return 1;
  }
  const cmd = o.operands.join(' ');
  let period: number;
  try {
    period = parseDuration(o.value('n') ?? '2', () => {
      throw BAD_DURATION;
    });
  } catch (e) {
    if (e !== BAD_DURATION) throw e;
    await ctx.usage();
    return 1;
  }
  const zone = timeZone(sys.env);
  for (;;) {
    let text = '\x1b[H\x1b[J';
    if (!o.has('t')) {
      const width = stderrWidth(ctx);
      let header = `Every ${period.toFixed(1)}s: ${cmd.padEnd(width)}`;
      if (20 < width) header = header.slice(0, width - 20) + strftime('%Y-%m-%d %H:%M:%S', localTime(sys.now() / 1000, zone));
      text += header + '\n\n';
    }
    await out.write(text);
    await out.flush();
    await system(ctx, cmd);
    try {
      await sys.sleep(period * 1000);
    } catch (e) {
      // a caught signal (SIGCHLD) cuts nanosleep short; busybox just goes on
      if (!(e instanceof FsError) || e.code !== 'EINTR') throw e;
    }
  }
});
