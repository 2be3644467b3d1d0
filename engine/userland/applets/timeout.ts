/**
 * timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS: run PROG, and send it SIG
 * (TERM by default) if it is still running after SECS seconds — then KILL
 * after KILL_SECS more, if given. As busybox does it, timeout becomes PROG
 * (so PROG keeps timeout's place and pid) and a detached helper process
 * watches it, checking once a second; a PROG that was stopped this way dies
 * of the signal (exit status 128+SIG in the shell), not with status 124.
 */
import { FsError } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { applet, fail } from '../lib/applet.ts';
import { errorText, isErrno } from '../lib/errors.ts';
import { execvp } from '../lib/system-exec.ts';
import { parseDuration } from '../lib/system-format.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { getSignum } from '../lib/system-signals.ts';

const BAD_DURATION = new Error('bad duration');

/** Sleeps a second at a time; true once `seconds` have passed with `pid` still there. */
async function waitFor(sys: Sys, seconds: number, pid: number): Promise<boolean> {
  for (;;) {
    await sys.sleep(1000);
    if (--seconds <= 0) return true;
    try {
      sys.kill(pid, 0);
    } catch (e) {
      if (e instanceof FsError) return false;
      throw e;
    }
  }
}

export default applet(
  'Usage: timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS\n\nRun PROG. Send SIG to it if it is not gone in SECS seconds.\nDefault SIG: TERM.If it still exists in KILL_SECS seconds, send KILL.\n',
  async (ctx) => {
    const { sys } = ctx;
    const o = await parseOptions(ctx, '+s:k:');
    const sigName = o.value('s') ?? 'TERM';
    const signo = getSignum(sigName);
    if (signo < 0) fail(`unknown signal '${sigName}'`);
    const duration = (text: string) =>
      Math.trunc(
        parseDuration(text, () => {
          throw BAD_DURATION;
        }),
      );
    let killTimeout = 0;
    let timeout: number;
    let argv: string[];
    try {
      if (o.has('k')) killTimeout = duration(o.value('k')!);
      if (o.operands[0] === undefined) throw BAD_DURATION;
      timeout = duration(o.operands[0]);
      argv = o.operands.slice(1);
      if (argv[0] === undefined) throw BAD_DURATION;
    } catch (e) {
      if (e !== BAD_DURATION) throw e;
      await ctx.usage();
      return 1;
    }

    // The watcher: a child that starts a detached grandchild and leaves at once.
    const parent = sys.pid;
    const child = sys.fork(async (c) => {
      const devnull = c.open('/dev/null', 'r+');
      c.fork(
        async (g) => {
          g.setsid();
          if (!(await waitFor(g, timeout, parent))) return 0;
          try {
            g.kill(parent, signo);
          } catch (e) {
            if (!(e instanceof FsError)) throw e;
          }
          if (killTimeout > 0) {
            if (!(await waitFor(g, killTimeout, parent))) return 0;
            try {
              g.kill(parent, 9);
            } catch (e) {
              if (!(e instanceof FsError)) throw e;
            }
          }
          return 0;
        },
        { fds: { 0: devnull, 1: devnull, 2: devnull } },
      );
      return 0;
    });
    let status;
    for (;;) {
      try {
        status = await sys.waitpid(child);
        break;
      } catch (e) {
        if (!(e instanceof FsError) || e.code !== 'EINTR') throw e;
      }
    }
    if (!status || status.kind !== 'exited' || status.code !== 0) return 1;
    try {
      return await execvp(sys, argv[0]!, argv, [...sys.env]);
    } catch (e) {
      return fail(`can't execute '${argv[0]}': ${errorText(e)}`, isErrno(e, 'ENOENT') ? 127 : 126);
    }
  },
);
