/**
 * Stack traces as Node prints them. The JS engine's stack of an error
 * thrown by a learner's file holds the file's frames (named by the
 * `//# sourceURL` the sandbox gives it) among the emulator's own; this keeps
 * the file's frames, puts their columns back where the learner wrote them,
 * and ends with the Node-internal frames that real Node shows for where the
 * callback came from (a module being loaded, a timer, an HTTP request…).
 *
 * `uncaughtReport` is what Node writes to stderr before exiting with 1:
 *
 *     /app/app.js:3
 *       throw new Error('boom');
 *       ^
 *
 *     Error: boom
 *         at f (/app/app.js:3:9)
 *         at Object.<anonymous> (/app/app.js:5:1)
 *         at Module._compile (node:internal/modules/cjs/loader:1469:14)
 *         …
 *
 *     Node.js v20.18.0
 */
import type { Origin } from './loop.ts';
import type { Sandbox } from './sandbox.ts';

export const NODE_VERSION = 'v20.18.0';

const MAIN = [
  'Module._compile (node:internal/modules/cjs/loader:1469:14)',
  'Module._extensions..js (node:internal/modules/cjs/loader:1548:10)',
  'Module.load (node:internal/modules/cjs/loader:1288:32)',
  'Module._load (node:internal/modules/cjs/loader:1104:12)',
  'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)',
  'node:internal/main/run_main_module:28:49',
];

/** The frames under the learner's, by where the callback came from. */
export const TAILS: Record<Origin, string[]> = {
  main: MAIN,
  esm: ['ModuleJob.run (node:internal/modules/esm/module_job:234:25)', 'async ModuleLoader.import (node:internal/modules/esm/loader:473:24)', 'async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:123:5)'],
  timer: ['listOnTimeout (node:internal/timers:581:17)', 'process.processTimers (node:internal/timers:519:7)'],
  immediate: ['process.processImmediate (node:internal/timers:483:21)'],
  tick: ['process.processTicksAndRejections (node:internal/process/task_queues:77:11)'],
  http: ['Server.emit (node:events:519:28)', 'parserOnIncoming (node:_http_server:1139:12)', 'HTTPParser.parserOnHeadersComplete (node:_http_common:118:17)'],
  io: [],
  signal: ['process.emit (node:events:519:28)'],
  rejection: [],
  eval: [
    'runScriptInThisContext (node:internal/vm:209:10)',
    'node:internal/process/execution:118:14',
    '[eval]-wrapper:6:24',
    'runScript (node:internal/process/execution:101:62)',
    'evalScript (node:internal/process/execution:133:3)',
    'node:internal/main/eval_string:51:3',
  ],
};

const SYNTAX_TAIL = ['wrapSafe (node:internal/modules/cjs/loader:1378:20)', 'Module._compile (node:internal/modules/cjs/loader:1428:41)', ...MAIN.slice(1)];
const STACK_LIMIT = 10;

/** Errors Berth's own modules make (fs, http) carry what Node's show above the learner's frames. */
export const kNodeFrames = Symbol('berth.nodeFrames');
/** …and the source line Node points at, when one of them is uncaught. */
export const kNodeSite = Symbol('berth.nodeSite');
/** …and the frames under them, when not those of the callback's origin (the main module not found). */
export const kNodeTail = Symbol('berth.nodeTail');
/** An 'error' event nobody listened to: the emitter's class, for "Emitted 'error' event on Server instance at:". */
export const kEmittedOn = Symbol('berth.emittedOn');

const TICKS = 'process.processTicksAndRejections (node:internal/process/task_queues:82:21)';
const EMITTED_FRAMES: Record<string, string[]> = {
  ClientRequest: ['emitErrorEvent (node:_http_client:101:11)', 'Socket.socketErrorListener (node:_http_client:504:5)', 'Socket.emit (node:events:519:28)', 'emitErrorNT (node:internal/streams/destroy:169:8)', 'emitErrorCloseNT (node:internal/streams/destroy:128:3)', TICKS],
  Server: ['emitErrorNT (node:net:1944:8)', TICKS],
};

/** Where Node's events.js rethrows an unhandled 'error' event. */
export const UNHANDLED_ERROR_SITE = "node:events:497\n      throw er; // Unhandled 'error' event\n      ^\n";

interface Frame {
  name: string;
  file: string;
  line: number;
  column: number;
}

const V8_FRAME = /^\s*at (?:(.*?) \()?(.+):(\d+):(\d+)\)?$/;
const GECKO_FRAME = /^(.*?)@(.+):(\d+):(\d+)$/;

function parseFrame(text: string): Frame | undefined {
  const m = V8_FRAME.exec(text) ?? GECKO_FRAME.exec(text);
  if (!m) return undefined;
  return { name: m[1] ?? '', file: m[2]!, line: Number(m[3]), column: Number(m[4]) };
}

/** The learner's frames of a raw stack, columns mapped back, V8-style. */
export function userFrames(stack: string, sandbox: Sandbox): Frame[] {
  const frames: Frame[] = [];
  for (const line of stack.split('\n')) {
    const f = parseFrame(line);
    if (!f || !sandbox.files.has(f.file)) continue;
    const pos = sandbox.mapPosition(f.file, f.line, f.column)!;
    frames.push({ name: frameName(f.name, sandbox.files.get(f.file)!.prefix === 0, f.file.startsWith('file://')), file: f.file, line: pos.line, column: pos.column });
  }
  return frames;
}

/**
 * The engine calls anonymous functions of eval'd code "eval"; Node says
 * "<anonymous>", or nothing for the top level of -e code and for plain calls.
 */
function frameName(raw: string, evaluated: boolean, esm: boolean): string {
  let name = raw;
  if (name === 'eval' || name === 'new eval') return '';
  // A function found on the global scope and called plainly gets the scope's proxy as receiver.
  if (name.startsWith('Proxy.')) name = name.slice('Proxy.'.length);
  if (name === 'async eval') return 'async <anonymous>';
  const as = /^(.*)\.eval \[as (.+)\]$/.exec(name);
  if (as) return `${as[1]}.${as[2]}`;
  const m = /^(.*)\.eval$/.exec(name);
  if (!m) return name;
  if (evaluated && (m[1] === 'Object' || m[1] === 'Proxy')) return '';
  if (esm && m[1] === 'Object') return '';
  return `${m[1]}.<anonymous>`;
}

const showFrame = (f: Frame) => (f.name ? `    at ${f.name} (${f.file}:${f.line}:${f.column})` : `    at ${f.file}:${f.line}:${f.column}`);

/** The stack Node would show for `err`, thrown in a callback that came from `origin`. */
export function nodeStack(err: Error, sandbox: Sandbox, origin: Origin): string {
  const raw = typeof err.stack === 'string' ? err.stack : `${err.name}: ${err.message}`;
  const lines = raw.split('\n');
  let firstFrame = lines.findIndex((l) => /^\s+at /.test(l) || GECKO_FRAME.test(l));
  if (firstFrame < 0) firstFrame = lines.length;
  const header = lines.slice(0, firstFrame).join('\n');
  // A stack the script set itself (no frames at all) stays as it is.
  if (firstFrame === lines.length && !(kNodeFrames in err)) return raw;
  const own = ((err as unknown as Record<symbol, string[] | undefined>)[kNodeFrames] ?? []).map((f) => `    at ${f}`);
  const frames = [...own, ...userFrames(raw, sandbox).map(showFrame)];
  const ownTail = (err as unknown as Record<symbol, string[] | undefined>)[kNodeTail];
  const tail = ownTail ?? (err instanceof SyntaxError && frames.length === 0 && origin === 'main' ? SYNTAX_TAIL : TAILS[origin]);
  const shown = [header, ...[...frames, ...tail.map((t) => `    at ${t}`)].slice(0, STACK_LIMIT)];
  const emitter = (err as unknown as Record<symbol, string | undefined>)[kEmittedOn];
  if (emitter) shown.push(`Emitted 'error' event on ${emitter} instance at:`, ...(EMITTED_FRAMES[emitter] ?? [TICKS]).map((t) => `    at ${t}`));
  return shown.join('\n');
}

export interface Site {
  filename: string;
  line: number;
  /** 0-based. */
  column: number;
}

/** Where Node's "^" points: the throw statement, else the error's first frame in the learner's files. */
export function throwSite(error: unknown, sandbox: Sandbox): Site | undefined {
  const last = sandbox.lastThrow;
  // Node points at the throw statement in CommonJS, at the error's own position in ES modules.
  if (last && last.value === error && !last.filename.startsWith('file://')) return last;
  if (error instanceof Error && typeof error.stack === 'string') {
    const top = userFrames(error.stack, sandbox)[0];
    if (top) return { filename: top.file, line: top.line, column: top.column - 1 };
  }
  return undefined;
}

function siteText(site: Site, sandbox: Sandbox): string {
  const source = sandbox.files.get(site.filename)?.source ?? '';
  const line = source.split('\n')[site.line - 1] ?? '';
  return `${site.filename}:${site.line}\n${line.replace(/\r$/, '')}\n${' '.repeat(Math.max(0, site.column))}^\n`;
}

/** What Node prints for an exception nobody caught (before "Node.js v20.18.0"). */
export function uncaughtReport(error: unknown, sandbox: Sandbox, inspect: (value: unknown) => string): string {
  const nodeSite = error !== null && typeof error === 'object' ? (error as Record<symbol, unknown>)[kNodeSite] : undefined;
  const site = throwSite(error, sandbox);
  const where = typeof nodeSite === 'string' ? nodeSite : site ? siteText(site, sandbox) : '';
  if (error instanceof Error || (error !== null && typeof error === 'object' && 'stack' in error)) {
    return `${where}\n${inspect(error)}\n\nNode.js ${NODE_VERSION}\n`;
  }
  const shown = typeof error === 'string' ? error : inspect(error);
  return `\n${where}${shown}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)\n\nNode.js ${NODE_VERSION}\n`;
}

const PROMISE_SITE = 'node:internal/process/promises:391\n    triggerUncaughtException(err, true /* fromPromise */);\n    ^\n';

/** A promise rejected and nobody handled it (Node 20 makes it an uncaught exception). */
export function unhandledRejectionReport(reason: unknown, inspect: (value: unknown) => string): string {
  if (reason instanceof Error) return `${PROMISE_SITE}\n${inspect(reason)}\n\nNode.js ${NODE_VERSION}\n`;
  const shown = typeof reason === 'string' ? reason : inspect(reason);
  return `${PROMISE_SITE}
[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${shown}".] {
  code: 'ERR_UNHANDLED_REJECTION'
}

Node.js ${NODE_VERSION}
`;
}

/**
 * The engine reports no position for a syntax error in eval'd code; find the
 * first line whose prefix of the file already fails with the same message,
 * and the offending token on it.
 */
export function locateSyntaxError(source: string, message: string): { line: number; column: number; length: number } | undefined {
  const lines = source.split('\n');
  const fails = (n: number): boolean => {
    try {
      new Function(lines.slice(0, n).join('\n'));
      return false;
    } catch (err) {
      return err instanceof SyntaxError && err.message === message;
    }
  };
  if (!fails(lines.length)) return undefined;
  let lo = 1;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(mid)) hi = mid;
    else lo = mid + 1;
  }
  const text = lines[lo - 1] ?? '';
  const token = /'(.+)'$/.exec(message)?.[1] ?? /Cannot use (import) statement|Unexpected token '(export)'/.exec(message)?.slice(1).find(Boolean);
  let column = 0;
  let length = 1;
  if (message === 'Unexpected end of input') column = text.length;
  else if (token !== undefined && text.includes(token)) [column, length] = [text.indexOf(token), token.length];
  else if (/Unexpected (string|template string)/.test(message)) column = Math.max(0, text.search(/["'`]/));
  else if (message === 'Unexpected number') column = Math.max(0, text.search(/\d/));
  else column = Math.max(0, text.search(/\S/));
  return { line: lo, column, length };
}
