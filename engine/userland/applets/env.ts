/**
 * env [-i0] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]: print the
 * environment, or run PROG in a changed one. PROG replaces env (exec), found
 * on the new environment's $PATH as musl's execvp finds it; a PROG that
 * cannot be run ends env with 127 (not found) or 126 (found, not runnable).
 */
import { errorText, isErrno } from '../lib/errors.ts';
import { applet, fail } from '../lib/applet.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { execvp, putenv } from '../lib/system-exec.ts';

export default applet(
  'Usage: env [-i0] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]\n\nPrint current environment or run PROG after setting up environment\n\n\t-, -i\tStart with empty environment\n\t-0\tNUL terminated output\n\t-u NAME\tRemove variable from environment',
  async (ctx) => {
    const { sys, out } = ctx;
    const o = await parseOptions(ctx, '+i0u:', { 'ignore-environment': ['i', 0], null: ['0', 0], unset: ['u', 1] });
    let args = o.operands;
    let clear = o.has('i');
    if (args[0] === '-') {
      clear = true;
      args = args.slice(1);
    }
    const env = clear ? [] : [...sys.env];
    for (const name of o.values('u')) putenv(env, name);
    while (args[0] !== undefined && args[0].includes('=')) {
      if (!putenv(env, args[0])) fail('putenv: Invalid argument');
      args = args.slice(1);
    }
    if (args[0] !== undefined) {
      try {
        await execvp(sys, args[0], args, env);
      } catch (err) {
        fail(`can't execute '${args[0]}': ${errorText(err)}`, isErrno(err, 'ENOENT') ? 127 : 126);
      }
    }
    const end = o.has('0') ? '\0' : '\n';
    for (const e of env) await out.write(e + end);
    return 0;
  },
);
