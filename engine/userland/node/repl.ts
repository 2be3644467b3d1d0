/**
 * Node's REPL, what `docker run -it node` starts: a prompt, each line
 * evaluated in the process's global scope and its value shown as
 * util.inspect shows it (in colour), `_` the last value, `...` while the
 * input is incomplete, `.exit`, `.help`, `.break`, ^C twice or ^D to leave.
 *
 * The terminal is read through the event loop (a watcher on fd 0) with a
 * small line editor of its own, so timers and servers started at the
 * prompt keep running while it waits. Lines run in one scope
 * (Sandbox.session), so what a line declares, later lines see.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { tokenize } from './tokens.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import { ProcessEnding, RunawayScript } from './guard.ts';
import type { NodeRuntime } from './runtime.ts';
import { finish } from './runtime.ts';
import { NODE_VERSION } from './stack.ts';

const HELP = `.break    Sometimes you get stuck, this gets you out
.clear    Alias for .break
.editor   Enter editor mode
.exit     Exit the REPL
.help     Print this help message
.load     Load JS from a file into the REPL session
.save     Save all evaluated commands in this REPL session to a file

Press Ctrl+C to abort current expression, Ctrl+D to exit the REPL
`;

const INCOMPLETE = new Set(['Unexpected end of input', 'Unterminated template literal', 'missing ) after argument list', 'Unterminated string constant']);

/**
 * Makes a line's top-level `let` and `const` into `var` (padded, so columns
 * stay) and classes into assignments: the session's scope then keeps them
 * for the lines after, as Node's REPL does. `declaration` says the line
 * declares (the REPL then shows `undefined`).
 */
export function replDeclarations(code: string): { code: string; declaration: boolean } {
  const tokens = tokenize(code);
  let out = code;
  let shift = 0;
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.t === 'punct' && (t.v === '(' || t.v === '[' || t.v === '{')) depth++;
    if (t.t === 'punct' && (t.v === ')' || t.v === ']' || t.v === '}')) depth--;
    const prev = tokens[k - 1];
    const statementStart = !prev || (prev.t === 'punct' && (prev.v === ';' || prev.v === '}'));
    if (depth !== 0 || t.t !== 'name' || !statementStart) continue;
    if (t.v === 'let' || t.v === 'const') {
      out = out.slice(0, t.s + shift) + 'var'.padEnd(t.v.length) + out.slice(t.e + shift);
    } else if (t.v === 'class' && tokens[k + 1]?.t === 'name') {
      const insert = `var ${tokens[k + 1]!.v} = `;
      out = out.slice(0, t.s + shift) + insert + out.slice(t.s + shift);
      shift += insert.length;
    }
  }
  const first = tokens[0]?.v;
  return { code: out, declaration: first === 'let' || first === 'const' || first === 'var' || first === 'class' || first === 'function' || (first === 'async' && tokens[1]?.v === 'function') };
}

/** Top-level await: the line runs in an async function; its declarations become globals. */
function awaitable(code: string): string | undefined {
  if (!tokenize(code).some((t) => t.t === 'name' && t.v === 'await')) return undefined;
  const body = code.replace(/^\s*(?:var|let|const)\s+(?=[A-Za-z_$][\w$]*\s*=)/, '').replace(/;\s*$/, '');
  return `(async () => (${body}))()`;
}

export async function repl(rt: NodeRuntime): Promise<number> {
  const { ctx, loop, sandbox, process: proc } = rt;
  const { sys } = ctx;
  const write = (s: string) => loop.write(1, s);
  const inspect = (v: unknown) => ctx.inspect(v, { colors: sys.isatty(1) });
  const cwd = sys.getcwd();
  const require = rt.modules.createRequire(`${cwd === '/' ? '' : cwd}/repl`);
  sandbox.define({ require, module: { id: '<repl>', exports: {} }, exports: {}, __filename: undefined, __dirname: '.' });
  const run = sandbox.session();

  const saved = sys.tcgetattr(0);
  sys.tcsetattr(0, { ...saved, icanon: false, echo: false, isig: false, iexten: false, icrnl: true, cc: { ...saved.cc, VMIN: 1, VTIME: 0 } });
  const history: string[] = [];
  let line = '';
  let cursor = 0;
  let histAt = 0;
  let pending = '';
  let n = 0;
  let sawInterrupt = false;
  let done = false;
  const prompt = () => (pending ? '... ' : '> ');
  const redraw = () => write(`\r\x1b[K${prompt()}${line}${cursor < line.length ? `\x1b[${line.length - cursor}D` : ''}`);

  const evaluate = (input: string) => {
    const source = pending ? `${pending}\n${input}` : input;
    const trimmed = source.trim();
    if (!pending && trimmed.startsWith('.')) {
      const cmd = trimmed.split(/\s+/)[0];
      if (cmd === '.exit') return void (done = true);
      if (cmd === '.help') return void write(HELP);
      if (cmd === '.break' || cmd === '.clear') return;
      return void write('Invalid REPL keyword\n');
    }
    if (trimmed === '') return;
    const { code, declaration } = replDeclarations(source);
    const name = `REPL${++n}`;
    loop.invoke(() => {
      try {
        const wrapped = awaitable(code);
        const value = run(wrapped ?? code, name);
        pending = '';
        const show = (v: unknown) => {
          if (!declaration) sandbox.global._ = v;
          write(`${declaration ? inspect(undefined) : inspect(v)}\n`);
        };
        if (wrapped && value instanceof Promise) value.then(show, (err: unknown) => write(`Uncaught ${describe(err)}\n`));
        else show(value);
      } catch (err) {
        if (err instanceof ProcessEnding || err instanceof RunawayScript || isProcessControl(err)) throw err;
        if (err instanceof SyntaxError && INCOMPLETE.has(err.message)) {
          pending = source;
          return;
        }
        pending = '';
        write(`Uncaught ${describe(err)}\n`);
      }
    }, 'eval');
  };

  const describe = (err: unknown): string => {
    if (!(err instanceof Error)) return inspect(err);
    const stack = ctx.inspect(err, { colors: false }).split('\n');
    // As Node's REPL: the frames of functions the learner wrote, not those of the line itself.
    return [stack[0], ...stack.slice(1).filter((l) => /^\s+at \S.* \(REPL\d+:/.test(l))].join('\n');
  };

  const onKey = (text: string) => {
    for (let i = 0; i < text.length && !done; i++) {
      const c = text[i]!;
      const code = c.charCodeAt(0);
      if (c === '\r' || c === '\n') {
        write('\n');
        const input = line;
        if (input.trim()) history.push(input);
        histAt = history.length;
        line = '';
        cursor = 0;
        sawInterrupt = false;
        evaluate(input);
        if (!done) write(prompt());
      } else if (code === 3) {
        if (sawInterrupt && !line && !pending) return void (done = true);
        write(line || pending ? '\n' : '\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
        sawInterrupt = !line && !pending;
        [line, cursor, pending] = ['', 0, ''];
        write(prompt());
      } else if (code === 4) {
        if (!line) {
          write('\n');
          return void (done = true);
        }
      } else if (code === 127 || code === 8) {
        if (cursor > 0) {
          line = line.slice(0, cursor - 1) + line.slice(cursor);
          cursor--;
          redraw();
        }
      } else if (code === 1 || code === 5) {
        cursor = code === 1 ? 0 : line.length;
        redraw();
      } else if (code === 21) {
        [line, cursor] = [line.slice(cursor), 0];
        redraw();
      } else if (c === '\x1b') {
        const seq = /^\x1b(?:\[(\d*)([A-D~HF])|O([HF]))/.exec(text.slice(i));
        if (!seq) continue;
        i += seq[0].length - 1;
        const k = seq[2] ?? seq[3];
        if (k === 'A' || k === 'B') {
          histAt = Math.max(0, Math.min(history.length, histAt + (k === 'A' ? -1 : 1)));
          line = history[histAt] ?? '';
          cursor = line.length;
        } else if (k === 'C') cursor = Math.min(line.length, cursor + 1);
        else if (k === 'D') cursor = Math.max(0, cursor - 1);
        else if (k === 'H') cursor = 0;
        else if (k === 'F') cursor = line.length;
        else if (k === '~' && seq[1] === '3') line = line.slice(0, cursor) + line.slice(cursor + 1);
        redraw();
      } else if (code >= 32) {
        line = line.slice(0, cursor) + c + line.slice(cursor);
        cursor++;
        if (cursor === line.length) write(c);
        else redraw();
      }
    }
    if (done) {
      loop.unwatch(0);
      proc.exitCode ??= 0;
    }
  };

  write(`Welcome to Node.js ${NODE_VERSION}.\nType ".help" for more information.\n> `);
  loop.watch(0, {
    ref: true,
    readable: async () => {
      let data: Uint8Array;
      try {
        data = await sys.read(0, 4096);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        data = new Uint8Array(0);
      }
      if (data.length === 0) {
        write('\n');
        done = true;
        loop.unwatch(0);
        return;
      }
      onKey(fromUtf8(data));
    },
  });
  try {
    return await finish(rt);
  } finally {
    sys.tcsetattr(0, saved);
  }
}
