/**
 * The frame every applet runs in: its name (from argv[0], as busybox picks
 * it), buffered stdio, and the usual ending — an errno error becomes
 * "applet: Text" and exit 1; stdout is flushed before the process ends.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl, type Program, type Sys } from '../../kernel/sys.ts';
import { stdio, type Output } from './io.ts';
import { getopt, type LongOptions, type Parsed } from './getopt.ts';

export const BUSYBOX_BANNER = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.';

const NO_HELP = new Set(['test', '[', '[[', 'true', 'false', 'echo']);

export interface AppletContext {
  sys: Sys;
  /** The applet's name, as invoked. */
  name: string;
  /** Arguments after the name. */
  args: string[];
  out: Output;
  err: Output;
  getenv(name: string): string | undefined;
  /** Parses options (see getopt.ts); prints the usage and exits (1, or `usageCode`) when they are wrong. */
  options(spec: string, long?: LongOptions, usageCode?: number): Promise<Parsed>;
  /** Prints the applet's usage (as `--help` does) to stderr. */
  usage(): Promise<void>;
}

/** Thrown by `fail`: the message is printed as "applet: message". */
export class AppletError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

export const fail = (message: string, code = 1): never => {
  throw new AppletError(message, code);
};

export function applet(usage: string, body: (ctx: AppletContext) => Promise<number>): Program {
  return async (sys) => {
    const { out, err } = stdio(sys);
    const name = (sys.argv[0] ?? '').split('/').pop() ?? '';
    const printUsage = async () => {
      await err.write(`${BUSYBOX_BANNER}\n\n${usage.replace(/^Usage: \S+/, `Usage: ${name}`)}\n`);
    };
    const ctx: AppletContext = {
      sys,
      name,
      args: sys.argv.slice(1),
      out,
      err,
      getenv(key) {
        const prefix = key + '=';
        for (let i = sys.env.length - 1; i >= 0; i--) if (sys.env[i]!.startsWith(prefix)) return sys.env[i]!.slice(prefix.length);
        return undefined;
      },
      async options(spec, long, usageCode = 1) {
        const r = getopt(sys.argv, spec, long);
        if ('error' in r) {
          await err.write(`${name}: ${r.error}\n`);
          await printUsage();
          throw new AppletError('', usageCode);
        }
        return r;
      },
      usage: printUsage,
    };
    // `APPLET --help` alone: the usage on stdout, success (busybox does this
    // before the applet runs; POSIX keeps test, true, false and echo out of it).
    if (sys.argv.length === 2 && sys.argv[1] === '--help' && !NO_HELP.has(name)) {
      await out.write(`${BUSYBOX_BANNER}\n\n${usage.replace(/^Usage: \S+/, `Usage: ${name}`)}\n`);
      await out.flush();
      return 0;
    }
    let code: number;
    try {
      code = await body(ctx);
    } catch (e) {
      if (isProcessControl(e)) {
        await out.flush().catch(() => undefined);
        throw e;
      }
      if (e instanceof AppletError) {
        if (e.message) await err.write(`${name}: ${e.message}\n`);
        code = e.code;
      } else if (e instanceof FsError) {
        await err.write(`${name}: ${strerror(e.code)}\n`);
        code = 1;
      } else throw e;
    }
    try {
      await out.flush();
    } catch (e) {
      if (isProcessControl(e)) throw e;
      if (e instanceof FsError) {
        await err.write(`${name}: write error: ${strerror(e.code)}\n`).catch(() => undefined);
        return 1;
      }
      throw e;
    }
    return code;
  };
}
