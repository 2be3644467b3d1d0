/**
 * What every built-in module of one node process shares: its system calls,
 * its event loop, its stream classes and its sandbox. Built-ins are made per
 * process (`require('http')` in two containers gives two modules), since
 * their handles live in that process's loop.
 */
import type { Sys } from '../../kernel/sys.ts';
import type { EventLoop } from './loop.ts';
import type { Sandbox } from './sandbox.ts';
import type { Streams } from './stream.ts';

export interface NodeContext {
  sys: Sys;
  loop: EventLoop;
  streams: Streams;
  sandbox: Sandbox;
  /** process.env as the script sees it. */
  env: Record<string, string>;
  /** The inspect of console.log for this process (colours on a terminal, stacks mapped). */
  inspect: (value: unknown, options?: object) => string;
  /** The process's Promise (./promise.ts): promises given to the script are of this class, so their rejections are tracked. */
  Promise: PromiseConstructor;
  /** An engine promise handed to the script as one of the process's. */
  adopt<T>(promise: Promise<T>): Promise<T>;
  /** Built-in modules already made, by name. */
  builtins: Map<string, unknown>;
}
