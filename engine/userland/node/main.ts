/**
 * node [options] [script.js | -e "code" | -p "code" | -] [arguments]
 *
 * Node.js 20.18.0 as the bundled node image has it, on Berth's emulated
 * kernel: a script's JavaScript runs on the page's (or Node's) own engine,
 * instrumented so it cannot freeze it (./instrument.ts), in a sandbox whose
 * globals are this process's (./sandbox.ts), with Node's built-ins made of
 * system calls — its http server answers the emulated network.
 *
 * With no script, node reads one from standard input, or starts the REPL
 * when that is a terminal.
 */
import { concatBytes, fromUtf8 } from '../../common/bytes.ts';
import type { Program, Sys } from '../../kernel/sys.ts';
import { markSyntaxError } from './modules.ts';
import { createRuntime, finish, type NodeRuntime } from './runtime.ts';
import { NODE_VERSION, userFrames } from './stack.ts';

const HELP = `Usage: node [options] [ script.js ] [arguments]
       node inspect [options] [ script.js | host:port ] [arguments]

Options:
  -                           script read from stdin (default if no file name is provided, interactive mode if a tty)
  --                          indicate the end of node options
  -c, --check                 syntax check script without executing
  -e, --eval=...              evaluate script
  -h, --help                  print node command line options (currently set)
  -i, --interactive           always enter the REPL even if stdin does not appear to be a terminal
  -p, --print [...]           evaluate script and print result
  -r, --require=...           CommonJS module to preload (option can be repeated)
  -v, --version               print Node.js version

Documentation can be found at https://nodejs.org/
`;

interface Args {
  mode: 'script' | 'eval' | 'print' | 'stdin' | 'repl' | 'check' | 'version' | 'help';
  code?: string;
  script?: string;
  args: string[];
  preload: string[];
  execArgv: string[];
}

/** Options that take a value as the next argument. */
const WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--input-type', '--title', '--stack-size', '--env-file']);

function parseArgs(argv: readonly string[]): Args | { error: string } {
  const out: Args = { mode: 'script', args: [], preload: [], execArgv: [] };
  let i = 0;
  let interactive = false;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-' || !a.startsWith('-')) break;
    out.execArgv.push(a);
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v !== undefined) out.execArgv.push(v);
      return v;
    };
    switch (name) {
      case '-v':
      case '--version':
        return { ...out, mode: 'version' };
      case '-h':
      case '--help':
        return { ...out, mode: 'help' };
      case '-e':
      case '--eval':
      case '-p':
      case '--print':
      case '-pe':
      case '-ep': {
        const code = value();
        if (code === undefined) return { error: `${name} requires an argument` };
        out.code = code;
        out.mode = name.includes('p') ? 'print' : 'eval';
        break;
      }
      case '-c':
      case '--check':
        out.mode = 'check';
        break;
      case '-i':
      case '--interactive':
        interactive = true;
        break;
      case '-r':
      case '--require': {
        const m = value();
        if (m === undefined) return { error: `${name} requires an argument` };
        out.preload.push(m);
        break;
      }
      default:
        if (WITH_VALUE.has(name) && inline === undefined) value();
        else if (!name.startsWith('--')) return { error: `bad option: ${a}` };
    }
  }
  if (out.mode === 'eval' || out.mode === 'print') {
    out.args = argv.slice(i);
    return out;
  }
  const script = argv[i];
  if (script === undefined || script === '-') {
    out.mode = out.mode === 'check' ? 'check' : interactive ? 'repl' : 'stdin';
    out.args = argv.slice(i + 1);
    return out;
  }
  out.script = script;
  out.args = argv.slice(i + 1);
  return out;
}

async function readStdin(sys: Sys): Promise<string> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const d = await sys.read(0, 65536);
    if (d.length === 0) break;
    parts.push(d);
  }
  return fromUtf8(concatBytes(parts));
}

/** -e, -p and stdin scripts run as "[eval]" with require and module as globals. */
function evalGlobals(rt: NodeRuntime, filename: string): void {
  const cwd = rt.ctx.sys.getcwd();
  const full = `${cwd === '/' ? '' : cwd}/${filename}`;
  const module = { id: filename, path: cwd, exports: {}, filename: full, loaded: false, children: [], paths: [] };
  const require = rt.modules.createRequire(full);
  rt.sandbox.define({ require, module, exports: module.exports, __filename: filename, __dirname: '.' });
}

export const node: Program = async (sys) => {
  const parsed = parseArgs(sys.argv.slice(1));
  if ('error' in parsed) {
    await sys.write(2, `${sys.argv[0] ?? 'node'}: ${parsed.error}\n`);
    return 9;
  }
  if (parsed.mode === 'version') {
    await sys.write(1, `${NODE_VERSION}\n`);
    return 0;
  }
  if (parsed.mode === 'help') {
    await sys.write(1, HELP);
    return 0;
  }
  if (parsed.mode === 'stdin' && sys.isatty(0)) parsed.mode = 'repl';
  const execPath = '/usr/local/bin/node';
  if (parsed.mode === 'repl') {
    const { repl } = await import('./repl.ts');
    const rt = createRuntime(sys, [execPath, ...parsed.args], parsed.execArgv);
    return repl(rt);
  }
  const cwd = sys.getcwd();
  const scriptPath = parsed.script === undefined ? undefined : parsed.script.startsWith('/') ? parsed.script : `${cwd === '/' ? '' : cwd}/${parsed.script}`;
  const rt = createRuntime(sys, [execPath, ...(scriptPath ? [scriptPath] : []), ...parsed.args], parsed.execArgv);
  const { loop, modules, sandbox, files } = rt;

  const dirs = [cwd];
  if (scriptPath) dirs.unshift(scriptPath.slice(0, scriptPath.lastIndexOf('/')) || '/');
  await files.prefetch(dirs);
  if (scriptPath) await modules.prefetchGraph(scriptPath);
  for (const p of parsed.preload) {
    try {
      await modules.prefetchGraph(modules.createRequire(`${cwd}/[preload]`).resolve(p));
    } catch {
      // not found: require reports it when the script starts
    }
  }

  const source = parsed.mode === 'stdin' ? await readStdin(sys) : parsed.code;
  const evalName = parsed.mode === 'stdin' ? '[stdin]' : '[eval]';
  loop.invoke(() => {
    for (const p of parsed.preload) modules.createRequire(`${cwd}/[preload]`)(p);
    if (parsed.mode === 'check') {
      const text = source ?? fromUtf8(files.read(scriptPath!) ?? new Uint8Array());
      try {
        new Function(text.replace(/^#!.*/, ''));
      } catch (err) {
        if (err instanceof SyntaxError) markSyntaxError(err, text, scriptPath ?? evalName);
        throw err;
      }
    } else if (scriptPath) {
      modules.runMain(scriptPath);
    } else {
      evalGlobals(rt, evalName);
      try {
        const value = sandbox.evaluate(source ?? '', evalName);
        if (parsed.mode === 'print') (sandbox.global.console as { log(v: unknown): void }).log(value);
      } catch (err) {
        if (err instanceof SyntaxError && userFrames(err.stack ?? '', sandbox).length === 0) markSyntaxError(err, source ?? '', evalName);
        throw err;
      }
    }
  }, scriptPath ? (modules.isEsm(scriptPath) ? 'esm' : 'main') : 'eval');
  return finish(rt);
};
