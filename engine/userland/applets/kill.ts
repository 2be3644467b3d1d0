/**
 * kill [-l] [-SIG] PID...: send a signal (TERM by default) to processes, or
 * to a process group with a negative PID; `-l` lists the signals, `-l N`
 * names one (N may be an exit status above 128). Also `killall [-lq] [-SIG]
 * NAME...`, which finds processes by name as pidof does.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import type { Program } from '../../kernel/sys.ts';
import { applet, type AppletContext } from '../lib/applet.ts';
import { bbStrtoi, bbStrtou } from '../lib/system-format.ts';
import { findPidsByName } from '../lib/system-proc.ts';
import { getSigname, getSignum, signalList } from '../lib/system-signals.ts';

async function run(ctx: AppletContext, killall: boolean): Promise<number> {
  const { sys, out, err } = ctx;
  const say = (msg: string) => err.write(`${ctx.name}: ${msg}\n`);
  const argv = ctx.args;
  let i = 0;
  let signo = 15;
  let quiet = false;
  let arg = argv[i];
  parse: if (arg !== undefined && arg[0] === '-') {
    if (arg === '-l') {
      arg = argv[++i];
      if (arg === undefined) {
        await out.write(signalList());
        return 0;
      }
      for (; arg !== undefined; arg = argv[++i]) {
        if (/^\d/.test(arg)) {
          const n = bbStrtou(arg);
          if (n === undefined) {
            await say(`unknown signal '${arg}'`);
            return 1;
          }
          await out.write(getSigname(n & 0x7f) + '\n');
        } else {
          const n = getSignum(arg);
          if (n < 0) {
            await say(`unknown signal '${arg}'`);
            return 1;
          }
          await out.write(`${n}\n`);
        }
      }
      return 0;
    }
    if (killall && arg === '-q') {
      quiet = true;
      arg = argv[++i];
      if (arg === undefined) {
        await ctx.usage();
        return 1;
      }
      if (arg[0] !== '-') break parse;
    }
    let name = arg.slice(1);
    if (name === '-') {
      arg = argv[++i];
      break parse;
    }
    if (argv[i + 1] !== undefined && name === 's') name = argv[++i]!;
    signo = getSignum(name);
    if (signo < 0) {
      await say(`bad signal name '${name}'`);
      return 1;
    }
    arg = argv[++i];
  }
  if (arg === undefined) {
    await say('you need to specify whom to kill');
    return 1;
  }
  let errors = 0;
  const send = async (pid: number): Promise<boolean> => {
    try {
      sys.kill(pid, signo);
      return true;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (!quiet) await say(`can't kill pid ${pid}: ${strerror(e.code)}`);
      return false;
    }
  };
  for (; arg !== undefined; arg = argv[++i]) {
    if (killall) {
      const pids = await findPidsByName(sys, arg);
      if (pids.length === 0) {
        errors++;
        if (!quiet) await say(`${arg}: no process killed`);
        continue;
      }
      for (const pid of pids) if (pid !== sys.pid && !(await send(pid))) errors++;
    } else {
      const pid = bbStrtoi(arg);
      if (pid === undefined) {
        await say(`invalid number '${arg}'`);
        errors++;
      } else if (!(await send(pid))) errors++;
    }
  }
  return errors;
}

const kill = applet('Usage: kill [-l] [-SIG] PID...\n\nSend a signal (default: TERM) to given PIDs\n\n\t-l\tList all signal names and numbers', (ctx) => run(ctx, false));
const killall = applet(
  "Usage: killall [-lq] [-SIG] PROCESS_NAME...\n\nSend a signal (default: TERM) to given processes\n\n\t-l\tList all signal names and numbers\n\t-q\tDon't complain if no processes were killed",
  (ctx) => run(ctx, true),
);

/** busybox tells kill from killall by the third letter from the end of its name. */
const program: Program = (sys) => {
  const name = sys.argv[0] ?? '';
  return (name[name.length - 3] === 'a' ? killall : kill)(sys);
};
export default program;
