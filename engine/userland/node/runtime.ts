/**
 * One node process put together: the guard, the event loop, the sandbox
 * with its globals, the file cache, `process`, the built-ins and the
 * module system; and how it ends — Node's report of an uncaught exception,
 * Berth's of a runaway script, the 'exit' event, the exit status.
 */
import { SIGPIPE } from '../../kernel/signals.ts';
import type { Sys } from '../../kernel/sys.ts';
import { makeBuiltins, makeGlobals } from './builtins.ts';
import type { NodeContext } from './context.ts';
import { FileCache } from './files.ts';
import { Guard, SLICE_BUDGET_MS } from './guard.ts';
import { inspect as baseInspect, type InspectOptions } from './inspect.ts';
import { EventLoop } from './loop.ts';
import { ModuleSystem } from './modules.ts';
import { makeProcess, type NodeProcess } from './process.ts';
import { makePromises } from './promise.ts';
import { Sandbox } from './sandbox.ts';
import { nodeStack, uncaughtReport, unhandledRejectionReport, userFrames } from './stack.ts';
import { makeStreams } from './stream.ts';

export interface NodeRuntime {
  ctx: NodeContext;
  guard: Guard;
  loop: EventLoop;
  sandbox: Sandbox;
  files: FileCache;
  process: NodeProcess;
  modules: ModuleSystem;
}

function envObject(env: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of env) {
    const eq = entry.indexOf('=');
    if (eq > 0) out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}

export function createRuntime(sys: Sys, argv: string[], execArgv: string[]): NodeRuntime {
  // Node ignores SIGPIPE: a write to a closed socket is an EPIPE error, not death.
  sys.signal(SIGPIPE, 'ignore');
  const guard = new Guard();
  const loop = new EventLoop(sys, guard);
  const promises = makePromises();
  loop.rejections = promises.unhandled;
  const sandbox = new Sandbox(guard, promises);
  const stackOf = (err: Error) => nodeStack(err, sandbox, loop.origin);
  const ctx: NodeContext = {
    sys,
    loop,
    streams: makeStreams((fn) => loop.nextTick(fn)),
    sandbox,
    env: envObject(sys.env),
    inspect: (value, options) => baseInspect(value, { stackOf, ...(options as InspectOptions) }),
    Promise: promises.Promise,
    adopt: promises.adopt,
    builtins: new Map(),
  };
  const files = new FileCache(sys, loop);
  const proc = makeProcess(ctx, argv, execArgv);
  sandbox.define(makeGlobals(ctx, proc, stackOf));
  let modules: ModuleSystem | undefined;
  const builtin = makeBuiltins(ctx, files, proc, () => modules!);
  modules = new ModuleSystem(ctx, files, builtin);
  loop.uncaught = (error) => {
    if (proc.listenerCount('uncaughtException') === 0) return false;
    proc.emit('uncaughtException', error, 'uncaughtException');
    return true;
  };
  loop.unhandledRejection = (reason, promise) => {
    if (proc.listenerCount('unhandledRejection') === 0) return false;
    proc.emit('unhandledRejection', reason, promise);
    return true;
  };
  return { ctx, guard, loop, sandbox, files, process: proc, modules };
}

/** Runs the loop to its end and works out the exit status, writing what Node (or Berth) writes. */
export async function finish(rt: NodeRuntime): Promise<number> {
  const { loop, guard, process: proc, ctx } = rt;
  for (;;) {
    await loop.run();
    if (loop.stopping || proc._exiting) break;
    // Natural end: 'beforeExit' may schedule more work.
    loop.invoke(() => proc.emit('beforeExit', proc.exitCode ?? 0), 'main');
    if (!loop.alive()) break;
  }
  let code = proc.exitCode ?? 0;
  if (guard.tripped) {
    const top = userFrames(guard.trippedStack, rt.sandbox)[0];
    const where = top ? `${top.file}:${top.line}: ` : '';
    loop.write(2, `berth: node: ${where}the script ran for more than ${SLICE_BUDGET_MS / 1000} s without returning to the event loop (an endless loop?).\nBerth stopped it: the emulated machine shares one thread with this page, so a script may not keep it that long. Real Node would keep running.\n`);
    code = 1;
  } else if (loop.fatal) {
    const { error } = loop.fatal;
    const inspect = (v: unknown) => ctx.inspect(v, { colors: false });
    loop.origin = loop.fatal.origin;
    loop.write(2, loop.fatal.rejection ? unhandledRejectionReport(error, inspect) : uncaughtReport(error, rt.sandbox, inspect));
    code = 1;
    proc.exitCode = code;
    emitExit(rt, code);
    code = proc.exitCode ?? code;
  } else if (!proc._exiting) {
    emitExit(rt, code);
    code = proc.exitCode ?? code;
  }
  guard.ending = true;
  await loop.finishJobs();
  await loop.flush();
  return code & 0xff;
}

/** Runs the 'exit' listeners (they may still set process.exitCode), even though the process is ending. */
function emitExit(rt: NodeRuntime, code: number): void {
  const { process: proc, guard, loop } = rt;
  proc._exiting = true;
  const [ending, fatal] = [guard.ending, loop.fatal];
  guard.ending = false;
  loop.fatal = undefined;
  loop.invoke(() => proc.emit('exit', code), 'main');
  guard.ending ||= ending;
  loop.fatal ??= fatal;
}
