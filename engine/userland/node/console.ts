/**
 * The global `console`: log/info/debug to stdout, error/warn/trace to
 * stderr, each line made by util.formatWithOptions (colours when the stream
 * is a terminal, as Node decides), plus dir, time/timeEnd, count, group,
 * assert and table.
 */
import type { NodeContext } from './context.ts';
import { formatWithOptions } from './format.ts';
import { inspect, type InspectOptions } from './inspect.ts';

export function makeConsole(ctx: NodeContext, stackOf: (err: Error) => string) {
  const { loop, sys } = ctx;
  const colors = (fd: number) => {
    try {
      return sys.isatty(fd) && ctx.env.NO_COLOR === undefined && ctx.env.NODE_DISABLE_COLORS === undefined;
    } catch {
      return false;
    }
  };
  let indent = '';
  const timers = new Map<string, number>();
  const counts = new Map<string, number>();

  const print = (fd: number, args: unknown[]) => {
    const options: InspectOptions = { colors: colors(fd), stackOf };
    let text = formatWithOptions(options, args);
    if (indent) text = indent + text.replaceAll('\n', `\n${indent}`);
    loop.write(fd, `${text}\n`);
  };

  const elapsed = (label: string): string | undefined => {
    const t = timers.get(label);
    if (t === undefined) return undefined;
    const ms = performance.now() - t;
    return ms >= 1000 ? `${(ms / 1000).toFixed(3)}s` : `${ms.toFixed(3)}ms`;
  };
  const warnNoLabel = (label: string, fn: string) => print(2, [`(node:${sys.pid}) Warning: No such label '${label}' for console.${fn}()\n(Use \`node --trace-warnings ...\` to show where the warning was created)`]);

  const console = {
    log: (...args: unknown[]) => print(1, args),
    info: (...args: unknown[]) => print(1, args),
    debug: (...args: unknown[]) => print(1, args),
    error: (...args: unknown[]) => print(2, args),
    warn: (...args: unknown[]) => print(2, args),
    dir: (value: unknown, options?: InspectOptions) => print(1, [inspect(value, { colors: colors(1), stackOf, ...options })]),
    dirxml: (...args: unknown[]) => print(1, args),
    trace: (...args: unknown[]) => {
      const err = new Error(formatWithOptions({}, args));
      err.name = 'Trace';
      print(2, [stackOf(err)]);
    },
    assert: (value: unknown, ...args: unknown[]) => {
      if (value) return;
      if (typeof args[0] === 'string') print(2, [`Assertion failed: ${args[0]}`, ...args.slice(1)]);
      else print(2, args.length ? ['Assertion failed:', ...args] : ['Assertion failed']);
    },
    time: (label = 'default') => {
      if (timers.has(label)) return void print(2, [`(node:${sys.pid}) Warning: Label '${label}' already exists for console.time()`]);
      timers.set(label, performance.now());
    },
    timeEnd: (label = 'default') => {
      const e = elapsed(label);
      if (e === undefined) return warnNoLabel(label, 'timeEnd');
      timers.delete(label);
      print(1, [`${label}: ${e}`]);
    },
    timeLog: (label = 'default', ...data: unknown[]) => {
      const e = elapsed(label);
      if (e === undefined) return warnNoLabel(label, 'timeLog');
      print(1, [`${label}: ${e}`, ...data]);
    },
    count: (label = 'default') => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      print(1, [`${label}: ${n}`]);
    },
    countReset: (label = 'default') => void counts.delete(label),
    group: (...label: unknown[]) => {
      if (label.length) print(1, label);
      indent += '  ';
    },
    groupCollapsed: (...label: unknown[]) => console.group(...label),
    groupEnd: () => void (indent = indent.slice(2)),
    table: (data: unknown) => print(1, [table(data)]),
  };
  return console;
}

/** console.table's box for arrays and objects of rows (other values print as console.log would). */
function table(data: unknown): string | unknown {
  if (data === null || typeof data !== 'object') return data;
  const rows = Object.entries(data as Record<string, unknown>);
  const columns: string[] = [];
  let hasValues = false;
  for (const [, row] of rows) {
    if (row !== null && typeof row === 'object') {
      for (const k of Object.keys(row)) if (!columns.includes(k)) columns.push(k);
    } else hasValues = true;
  }
  const head = ['(index)', ...columns, ...(hasValues ? ['Values'] : [])];
  const cell = (v: unknown) => (v === undefined ? '' : inspect(v, { depth: 0, breakLength: Infinity }));
  const body = rows.map(([key, row]) => {
    const isObj = row !== null && typeof row === 'object';
    return [key, ...columns.map((c) => (isObj ? cell((row as Record<string, unknown>)[c]) : '')), ...(hasValues ? [isObj ? '' : cell(row)] : [])];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)) + 2);
  const center = (s: string, w: number) => {
    const left = Math.floor((w - s.length) / 2);
    return ' '.repeat(left) + s + ' '.repeat(w - s.length - left);
  };
  const line = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
  return [line('┌', '┬', '┐'), `│${head.map((h, i) => center(h, widths[i]!)).join('│')}│`, line('├', '┼', '┤'), ...body.map((r) => `│${r.map((c, i) => center(c, widths[i]!)).join('│')}│`), line('└', '┴', '┘')].join('\n');
}
