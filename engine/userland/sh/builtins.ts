/**
 * ash's builtins. Special builtins (POSIX's list: their assignments stay and
 * their errors end a script) are apart from the regular ones. echo, printf,
 * test, kill and pwd are the same code as the applets, run inside the shell
 * as busybox does ("NOFORK" applets).
 */
import { FsError, strerror } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { parseSignal, signalName } from '../../kernel/signals.ts';
import { applets } from '../applets/index.ts';
import { runTest } from '../applets/test.ts';
import { OPTION_LETTERS, Unwind, type Shell, type ShellOptions } from './shell.ts';
import { ShellError } from './vars.ts';
import { isName } from './words.ts';
import { readAll } from '../lib/io.ts';

export type Builtin = (sh: Shell, argv: string[]) => Promise<number>;

/** ash's message for an error inside a builtin: "sh: cd: line 0: …". */
export async function builtinError(sh: Shell, name: string, message: string): Promise<void> {
  let text = `${sh.errorName}: `;
  if (name !== sh.errorName) text += `${name}: `;
  if (!sh.interactive || sh.scriptFile) text += `line ${sh.scriptFile ? sh.lineNo : Math.max(0, sh.lineNo - 1)}: `;
  await sh.sys.write(2, text + message + '\n');
}

/** Runs an applet inside the shell, with the shell's descriptors and environment. */
async function inProcess(sh: Shell, name: string, argv: string[]): Promise<number> {
  const loader = applets[name];
  if (!loader) {
    await sh.error(`${name}: not found`);
    return 127;
  }
  const program = await loader();
  const sys = Object.create(sh.sys, { argv: { value: argv }, env: { value: sh.vars.environment() } }) as Sys;
  return program(sys);
}

const quote = (v: string) => `'${v.replace(/'/g, `'"'"'`)}'`;

function parseCount(sh: Shell, name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new ShellError(`${name}: Illegal number: ${text}`);
  return Number(text);
}

// ---- special builtins ------------------------------------------------------------

const colon: Builtin = async () => 0;

const breakOrContinue =
  (kind: 'break' | 'continue'): Builtin =>
  async (sh, argv) => {
    const n = parseCount(sh, kind, argv[1], 1);
    if (n === 0) throw new ShellError(`${kind}: Illegal number: ${argv[1]}`);
    if (sh.loopDepth === 0) return 0;
    throw new Unwind(kind, Math.min(n, sh.loopDepth));
  };

const evalBuiltin: Builtin = async (sh, argv) => {
  const text = argv.slice(1).join(' ');
  if (text.trim() === '') return 0;
  return sh.runScript(text + '\n', sh.lineNo);
};

const exec: Builtin = async (sh, argv) => {
  if (argv.length < 2) return 0;
  const args = argv[1] === '--' ? argv.slice(2) : argv.slice(1);
  return sh.runProgram(args, new Map(), true);
};

const exit: Builtin = async (sh, argv) => {
  const n = argv[1] === undefined ? sh.status : Number(argv[1]);
  if (argv[1] !== undefined && !/^-?\d+$/.test(argv[1])) throw new ShellError(`exit: Illegal number: ${argv[1]}`);
  throw new Unwind('exit', n & 0xff);
};

async function exportOrReadonly(sh: Shell, argv: string[], kind: 'export' | 'readonly'): Promise<number> {
  const args = argv.slice(1).filter((a) => a !== '--');
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    let out = '';
    for (const name of sh.vars.names()) {
      const v = sh.vars.entry(name)!;
      if (kind === 'export' ? !v.exported : !v.readonly) continue;
      out += v.value === undefined ? `${kind} ${name}\n` : `${kind} ${name}=${quote(v.value)}\n`;
    }
    await sh.sys.write(1, out);
    return 0;
  }
  for (const a of args) {
    if (a.startsWith('-') && kind === 'export' && a === '-n') continue;
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (!isName(name)) throw new ShellError(`${kind}: ${name}: bad variable name`);
    const value = eq >= 0 ? a.slice(eq + 1) : undefined;
    if (kind === 'export') {
      if (argv.includes('-n')) sh.vars.unexport(name);
      else sh.vars.export(name, value);
    } else sh.vars.readonly(name, value);
  }
  return 0;
}

const returnBuiltin: Builtin = async (sh, argv) => {
  const n = argv[1] === undefined ? sh.status : Number(argv[1]);
  throw new Unwind('return', n & 0xff);
};

const set: Builtin = async (sh, argv) => {
  if (argv.length === 1) {
    let out = '';
    for (const name of sh.vars.names()) {
      const v = sh.vars.get(name);
      if (v !== undefined) out += `${name}=${quote(v)}\n`;
    }
    await sh.sys.write(1, out);
    return 0;
  }
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      sh.positional = argv.slice(i);
      return 0;
    }
    if (a === '-' ) {
      sh.options.xtrace = false;
      sh.options.verbose = false;
      i++;
      break;
    }
    if (!/^[-+]/.test(a)) break;
    const on = a[0] === '-';
    if (a.slice(1) === 'o') {
      const name = argv[++i];
      if (name === undefined) {
        let out = '';
        for (const k of Object.keys(sh.options).sort() as (keyof ShellOptions)[]) out += on ? `${k.padEnd(15)}${sh.options[k] ? 'on' : 'off'}\n` : `set ${sh.options[k] ? '-' : '+'}o ${k}\n`;
        await sh.sys.write(1, out);
        continue;
      }
      if (!(name in sh.options)) throw new ShellError(`set: Illegal option -o ${name}`);
      sh.options[name as keyof ShellOptions] = on;
      continue;
    }
    for (const c of a.slice(1)) {
      const key = OPTION_LETTERS[c];
      if (!key) throw new ShellError(`set: Illegal option ${a[0]}${c}`);
      sh.options[key] = on;
    }
  }
  if (i < argv.length) sh.positional = argv.slice(i);
  return 0;
};

const shift: Builtin = async (sh, argv) => {
  const n = parseCount(sh, 'shift', argv[1], 1);
  if (n > sh.positional.length) return 1;
  sh.positional = sh.positional.slice(n);
  return 0;
};

const times: Builtin = async (sh) => {
  await sh.sys.write(1, '0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n');
  return 0;
};

function signalOf(spec: string): number | undefined {
  if (spec === 'EXIT' || spec === '0') return 0;
  return parseSignal(spec);
}

const trap: Builtin = async (sh, argv) => {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
  if (args.length === 0) {
    let out = '';
    for (const sig of [...sh.traps.keys()].sort((a, b) => a - b)) {
      const name = sig === 0 ? 'EXIT' : signalName(sig);
      out += `trap -- ${quote(sh.traps.get(sig)!)} ${name}\n`;
    }
    await sh.sys.write(1, out);
    return 0;
  }
  let action: string | undefined = args[0];
  let specs = args.slice(1);
  if (args.length === 1 || /^\d+$/.test(args[0]!)) {
    // `trap SIG…` (a number first) resets them.
    action = undefined;
    specs = args[0] === '-' ? args.slice(1) : args;
  } else if (action === '-') action = undefined;
  let status = 0;
  for (const spec of specs) {
    const sig = signalOf(spec);
    if (sig === undefined) {
      await builtinError(sh, 'trap', `${spec}: invalid signal specification`);
      status = 1;
      continue;
    }
    if (action === undefined) {
      sh.traps.delete(sig);
      if (sig !== 0) sh.sys.signal(sig, 'default');
    } else {
      sh.traps.set(sig, action);
      if (sig !== 0 && sig !== 9 && sig !== 19) {
        if (action === '') sh.sys.signal(sig, 'ignore');
        else sh.catchSignal(sig);
      }
    }
  }
  return status;
};

const unset: Builtin = async (sh, argv) => {
  let functions = false;
  for (const a of argv.slice(1)) {
    if (a === '-f') {
      functions = true;
      continue;
    }
    if (a === '-v') continue;
    if (functions) sh.functions.delete(a);
    else {
      if (!isName(a)) throw new ShellError(`unset: ${a}: bad variable name`);
      sh.vars.unset(a);
    }
  }
  return 0;
};

const dot: Builtin = async (sh, argv) => {
  const file = argv[1];
  if (file === undefined) return 0;
  let path = file;
  if (!file.includes('/')) {
    const found = (sh.vars.get('PATH') ?? '').split(':').map((d) => `${d || '.'}/${file}`).find((p) => {
      try {
        return (sh.sys.stat(p).mode & 0o170000) === 0o100000;
      } catch {
        return false;
      }
    });
    if (found) path = found;
  }
  let text: string;
  try {
    const fd = sh.sys.open(path, 'r');
    text = new TextDecoder().decode(await readAll(sh.sys, fd));
    sh.sys.close(fd);
  } catch (err) {
    if (err instanceof FsError) throw new ShellError(`can't open '${file}': ${strerror(err.code)}`, 2);
    throw err;
  }
  const savedArgs = sh.positional;
  if (argv.length > 2) sh.positional = argv.slice(2);
  try {
    return await sh.runScript(text);
  } catch (u) {
    if (u instanceof Unwind && u.kind === 'return') return u.count;
    throw u;
  } finally {
    if (argv.length > 2) sh.positional = savedArgs;
  }
};

const local: Builtin = async (sh, argv) => {
  if (!sh.vars.inFunction) throw new ShellError('local: not in a function');
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (!isName(name)) throw new ShellError(`local: ${name}: bad variable name`);
    sh.vars.local(name, eq >= 0 ? a.slice(eq + 1) : undefined);
  }
  return 0;
};

export const specialBuiltins: Record<string, Builtin> = {
  ':': colon,
  '.': dot,
  source: dot,
  break: breakOrContinue('break'),
  continue: breakOrContinue('continue'),
  eval: evalBuiltin,
  exec,
  exit,
  export: (sh, argv) => exportOrReadonly(sh, argv, 'export'),
  readonly: (sh, argv) => exportOrReadonly(sh, argv, 'readonly'),
  local,
  return: returnBuiltin,
  set,
  shift,
  times,
  trap,
  unset,
};

// ---- regular builtins -------------------------------------------------------------

const cd: Builtin = async (sh, argv) => {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  const physical = argv.includes('-P');
  let dir = args[0];
  let print = false;
  if (dir === undefined || dir === '') {
    dir = sh.vars.get('HOME');
    if (!dir) return 0;
  } else if (dir === '-') {
    dir = sh.vars.get('OLDPWD') ?? sh.sys.getcwd();
    print = true;
  }
  const old = sh.vars.get('PWD') ?? sh.sys.getcwd();
  const candidates: string[] = [];
  if (!dir.startsWith('/') && !/^\.\.?(\/|$)/.test(dir)) {
    for (const p of (sh.vars.get('CDPATH') ?? '').split(':').filter((x) => x !== '')) candidates.push(`${p}/${dir}`);
  }
  candidates.push(dir);
  let lastError: FsError | undefined;
  for (const c of candidates) {
    // Logical: resolve ".." against $PWD's text, as ash does without -P.
    const target = physical || c.startsWith('/') ? c : logical(old, c);
    try {
      sh.sys.chdir(target);
    } catch (err) {
      if (err instanceof FsError) {
        lastError = err;
        continue;
      }
      throw err;
    }
    const now = physical ? sh.sys.getcwd() : canonical(target.startsWith('/') ? target : `${old}/${target}`);
    sh.vars.set('OLDPWD', old);
    sh.vars.set('PWD', now);
    if (print || c !== dir) await sh.sys.write(1, now + '\n');
    return 0;
  }
  await builtinError(sh, 'cd', `can't cd to ${dir}: ${strerror(lastError!.code)}`);
  return 2;
};

function canonical(path: string): string {
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return '/' + out.join('/');
}

function logical(pwd: string, rel: string): string {
  return canonical(`${pwd}/${rel}`);
}

const pwd: Builtin = async (sh, argv) => {
  const p = argv.includes('-P') ? sh.sys.getcwd() : (sh.vars.get('PWD') ?? sh.sys.getcwd());
  await sh.sys.write(1, p + '\n');
  return 0;
};

const read: Builtin = async (sh, argv) => {
  let raw = false;
  let prompt: string | undefined;
  let fd = 0;
  let nchars = -1;
  let delim = '\n';
  let timeout: number | undefined;
  let silent = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') {
      i++;
      break;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const value = () => (j + 1 < a.length ? a.slice(j + 1) : argv[++i]);
      if (c === 'r') raw = true;
      else if (c === 's') silent = true;
      else if (c === 'p') {
        prompt = value();
        break;
      } else if (c === 'u') {
        fd = Number(value());
        break;
      } else if (c === 'n') {
        nchars = Number(value());
        break;
      } else if (c === 'd') {
        delim = value()?.[0] ?? '\0';
        break;
      } else if (c === 't') {
        timeout = Number(value()) * 1000;
        break;
      } else {
        await builtinError(sh, 'read', `invalid option -${c}`);
        return 2;
      }
    }
  }
  const names = argv.slice(i);
  if (names.length === 0) names.push('REPLY');
  if (prompt !== undefined && sh.sys.isatty(0)) await sh.sys.write(2, prompt);
  const sys = sh.sys;
  let saved;
  if (silent && sys.isatty(fd)) {
    saved = sys.tcgetattr(fd);
    sys.tcsetattr(fd, { ...saved, echo: false });
  }
  let line = '';
  let eof = false;
  let bytes: number[] = [];
  const started = sys.now();
  try {
    for (;;) {
      if (nchars >= 0 && [...line].length >= nchars) break;
      if (timeout !== undefined && sys.now() - started > timeout) return 1;
      const d = await sys.read(fd, 1);
      if (d.length === 0) {
        eof = true;
        break;
      }
      bytes.push(d[0]!);
      // Decode UTF-8 a character at a time.
      const lead = bytes[0]!;
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (bytes.length < need) continue;
      const ch = new TextDecoder().decode(Uint8Array.from(bytes));
      bytes = [];
      if (ch === delim) break;
      if (!raw && ch === '\\') {
        const n = await sys.read(fd, 1);
        if (n.length === 0) {
          eof = true;
          break;
        }
        const next = String.fromCharCode(n[0]!);
        if (next === '\n') continue;
        line += '\\' + next;
        continue;
      }
      line += ch;
    }
  } finally {
    if (saved) sys.tcsetattr(fd, saved);
  }
  if (eof && line === '') {
    for (const n of names) sh.vars.set(n, '');
    return 1;
  }
  // Split on IFS: each name takes a field, the last takes the rest.
  const ifs = sh.vars.get('IFS') ?? ' \t\n';
  const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const unescape = (s: string) => (raw ? s : s.replace(/\\(.)/g, '$1'));
  let rest = line;
  const trimStart = (s: string) => {
    let k = 0;
    while (k < s.length && white.includes(s[k]!)) k++;
    return s.slice(k);
  };
  rest = trimStart(rest);
  for (let n = 0; n < names.length; n++) {
    const name = names[n]!;
    if (!isName(name)) throw new ShellError(`read: '${name}': not a valid identifier`);
    if (n === names.length - 1) {
      let end = rest.length;
      while (end > 0 && white.includes(rest[end - 1]!) && rest[end - 2] !== '\\') end--;
      let value = rest.slice(0, end);
      // A single trailing non-white IFS character goes too.
      if (value.length > 0 && ifs.includes(value[value.length - 1]!) && !white.includes(value[value.length - 1]!) && ![...value.slice(0, -1)].some((c) => ifs.includes(c) && !white.includes(c))) value = value.slice(0, -1);
      sh.vars.set(name, unescape(value));
      break;
    }
    let k = 0;
    while (k < rest.length && !ifs.includes(rest[k]!)) {
      if (!raw && rest[k] === '\\') k++;
      k++;
    }
    sh.vars.set(name, unescape(rest.slice(0, k)));
    rest = rest.slice(k);
    rest = trimStart(rest);
    if (rest.length > 0 && ifs.includes(rest[0]!) && !white.includes(rest[0]!)) rest = trimStart(rest.slice(1));
  }
  return eof ? 1 : 0;
};

const wait: Builtin = async (sh, argv) => sh.jobs.wait(argv.slice(1));

const jobs: Builtin = async (sh, argv) => {
  await sh.jobs.reap();
  let out = '';
  const list = sh.jobs.list;
  list.forEach((job, i) => {
    const mark = i === list.length - 1 ? '+' : i === list.length - 2 ? '-' : ' ';
    if (argv.includes('-p')) out += `${job.pgid}\n`;
    else out += `[${job.id}]${mark}  ${sh.jobs.describe(job).padEnd(24)}  ${job.command}\n`;
  });
  await sh.sys.write(1, out);
  for (const job of [...list]) if (job.state === 'done') sh.jobs.remove(job);
  return 0;
};

const fg: Builtin = async (sh, argv) => {
  const job = sh.jobs.find(argv[1]);
  if (!job) {
    await builtinError(sh, 'fg', `${argv[1] ?? 'current'}: no such job`);
    return 1;
  }
  return sh.jobs.foreground(job);
};

const bg: Builtin = async (sh, argv) => {
  const job = sh.jobs.find(argv[1]);
  if (!job) {
    await builtinError(sh, 'bg', `${argv[1] ?? 'current'}: no such job`);
    return 1;
  }
  await sh.jobs.background(job);
  return 0;
};

const kill: Builtin = async (sh, argv) => {
  // Job specs become process groups; the rest is the kill applet.
  const args = argv.map((a, i) => {
    if (i === 0 || !a.startsWith('%')) return a;
    const job = sh.jobs.find(a);
    return job ? String(-job.pgid) : a;
  });
  return inProcess(sh, 'kill', args);
};

const alias: Builtin = async (sh, argv) => {
  if (argv.length === 1) {
    let out = '';
    for (const [k, v] of [...sh.aliases].sort()) out += `${k}=${quote(v)}\n`;
    await sh.sys.write(1, out);
    return 0;
  }
  let status = 0;
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else {
      const v = sh.aliases.get(a);
      if (v === undefined) {
        await builtinError(sh, 'alias', `${a} not found`);
        status = 1;
      } else await sh.sys.write(1, `${a}=${quote(v)}\n`);
    }
  }
  return status;
};

const unalias: Builtin = async (sh, argv) => {
  if (argv[1] === '-a') {
    sh.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const a of argv.slice(1)) {
    if (!sh.aliases.delete(a)) {
      await builtinError(sh, 'unalias', `${a} not found`);
      status = 1;
    }
  }
  return status;
};

const KEYWORDS = new Set(['!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'then', 'until', 'while', '{', '}', '[[', ']]']);

function describe(sh: Shell, name: string): { kind: 'alias' | 'keyword' | 'function' | 'builtin' | 'special' | 'file'; text: string } | undefined {
  if (sh.aliases.has(name)) return { kind: 'alias', text: sh.aliases.get(name)! };
  if (KEYWORDS.has(name)) return { kind: 'keyword', text: name };
  if (sh.functions.has(name)) return { kind: 'function', text: name };
  if (specialBuiltins[name]) return { kind: 'special', text: name };
  if (builtins[name]) return { kind: 'builtin', text: name };
  const path = sh.lookup(name);
  if (path && (name.includes('/') ? exists(sh, path) : true)) return { kind: 'file', text: path };
  return undefined;
}

function exists(sh: Shell, path: string): boolean {
  try {
    sh.sys.stat(path);
    return true;
  } catch {
    return false;
  }
}

const type: Builtin = async (sh, argv) => {
  let status = 0;
  let out = '';
  for (const name of argv.slice(1)) {
    const d = describe(sh, name);
    if (!d) {
      await sh.sys.write(1, out);
      out = '';
      await sh.sys.write(2, `${name}: not found\n`);
      status = 127;
      continue;
    }
    switch (d.kind) {
      case 'alias': out += `${name} is an alias for ${d.text}\n`; break;
      case 'keyword': out += `${name} is a shell keyword\n`; break;
      case 'function': out += `${name} is a function\n`; break;
      case 'special': out += `${name} is a special shell builtin\n`; break;
      case 'builtin': out += `${name} is a shell builtin\n`; break;
      case 'file': out += `${name} is ${d.text}\n`; break;
    }
  }
  await sh.sys.write(1, out);
  return status;
};

const command: Builtin = async (sh, argv) => {
  let i = 1;
  let mode: 'run' | 'v' | 'V' = 'run';
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.includes('v')) mode = 'v';
    if (a.includes('V')) mode = 'V';
  }
  const rest = argv.slice(i);
  if (rest.length === 0) return 0;
  if (mode !== 'run') {
    const name = rest[0]!;
    const d = describe(sh, name);
    if (!d) return 127;
    if (mode === 'V') return type(sh, ['type', name]);
    await sh.sys.write(1, d.kind === 'alias' ? `alias ${name}=${quote(d.text)}\n` : d.kind === 'file' ? `${d.text}\n` : `${name}\n`);
    return 0;
  }
  const name = rest[0]!;
  const b = specialBuiltins[name] ?? builtins[name];
  if (b) return b(sh, rest);
  return sh.runProgram(rest, new Map());
};

const umask: Builtin = async (sh, argv) => {
  const symbolic = argv.includes('-S');
  const arg = argv.slice(1).find((a) => a !== '-S');
  const current = sh.sys.umask();
  if (arg === undefined) {
    if (symbolic) {
      const perms = (shift: number) => {
        const allowed = ~current >> shift;
        return (allowed & 4 ? 'r' : '') + (allowed & 2 ? 'w' : '') + (allowed & 1 ? 'x' : '');
      };
      await sh.sys.write(1, `u=${perms(6)},g=${perms(3)},o=${perms(0)}\n`);
    } else await sh.sys.write(1, current.toString(8).padStart(4, '0') + '\n');
    return 0;
  }
  if (/^[0-7]+$/.test(arg)) {
    sh.sys.umask(parseInt(arg, 8));
    return 0;
  }
  // Symbolic: u=rwx,g=rx,o= describes what is allowed.
  let allowed = ~current & 0o777;
  for (const clause of arg.split(',')) {
    const m = /^([ugoa]*)([=+-])([rwx]*)$/.exec(clause);
    if (!m) throw new ShellError(`umask: Illegal mode: ${arg}`);
    const who = m[1] === '' || m[1]!.includes('a') ? 'ugo' : m[1]!;
    let bits = 0;
    for (const c of m[3]!) bits |= c === 'r' ? 4 : c === 'w' ? 2 : 1;
    for (const w of who) {
      const shiftBy = w === 'u' ? 6 : w === 'g' ? 3 : 0;
      if (m[2] === '=') allowed = (allowed & ~(7 << shiftBy)) | (bits << shiftBy);
      else if (m[2] === '+') allowed |= bits << shiftBy;
      else allowed &= ~(bits << shiftBy);
    }
  }
  sh.sys.umask(~allowed & 0o777);
  return 0;
};

const getopts: Builtin = async (sh, argv) => {
  const spec = argv[1];
  const name = argv[2];
  if (spec === undefined || name === undefined) {
    await builtinError(sh, 'getopts', 'usage: getopts optstring var [arg]');
    return 2;
  }
  const args = argv.length > 3 ? argv.slice(3) : sh.positional;
  const silent = spec.startsWith(':');
  let optind = Number(sh.vars.get('OPTIND') ?? '1');
  // Position inside a clustered argument, kept between calls (ash keeps it too).
  const self = sh as Shell & { optOffset?: number; optFor?: number };
  if (self.optFor !== optind) self.optOffset = 1;
  const arg = args[optind - 1];
  if (arg === undefined || !arg.startsWith('-') || arg === '-' || arg === '--') {
    if (arg === '--') sh.vars.set('OPTIND', String(optind + 1));
    sh.vars.set(name, '?');
    return 1;
  }
  const offset = self.optOffset ?? 1;
  const c = arg[offset]!;
  const at = spec.indexOf(c);
  let nextOffset = offset + 1;
  const advance = () => {
    if (nextOffset >= arg.length) {
      optind++;
      nextOffset = 1;
    }
  };
  if (at < 0 || c === ':') {
    sh.vars.set(name, '?');
    if (silent) sh.vars.set('OPTARG', c);
    else {
      sh.vars.unset('OPTARG');
      await sh.sys.write(2, `Illegal option -${c}\n`);
    }
    advance();
  } else if (spec[at + 1] === ':') {
    let value: string | undefined;
    if (nextOffset < arg.length) value = arg.slice(nextOffset);
    else value = args[optind];
    if (value === undefined) {
      if (silent) {
        sh.vars.set(name, ':');
        sh.vars.set('OPTARG', c);
      } else {
        sh.vars.set(name, '?');
        sh.vars.unset('OPTARG');
        await sh.sys.write(2, `No arg for -${c} option\n`);
      }
      optind += 1;
    } else {
      sh.vars.set(name, c);
      sh.vars.set('OPTARG', value);
      optind += nextOffset < arg.length ? 1 : 2;
    }
    nextOffset = 1;
  } else {
    sh.vars.set(name, c);
    sh.vars.unset('OPTARG');
    advance();
  }
  sh.vars.set('OPTIND', String(optind));
  self.optOffset = nextOffset;
  self.optFor = optind;
  return 0;
};

const hash: Builtin = async (sh, argv) => {
  if (argv[1] === '-r') {
    sh.hash.clear();
    return 0;
  }
  let out = '';
  for (const [, path] of sh.hash) out += `${path}\n`;
  for (const name of argv.slice(1)) if (!sh.lookup(name)) await builtinError(sh, 'hash', `${name}: not found`);
  await sh.sys.write(1, out);
  return 0;
};

const let_: Builtin = async (sh, argv) => {
  if (argv.length < 2) throw new ShellError('let: expression expected');
  let last = '0';
  for (const e of argv.slice(1)) last = sh.expand.arithmetic(e);
  return last === '0' ? 1 : 0;
};

const ulimit: Builtin = async (sh, argv) => {
  const flag = argv[1] ?? '-f';
  const values: Record<string, string> = { '-f': 'unlimited', '-n': '1048576', '-u': 'unlimited', '-s': '8192', '-c': '0', '-v': 'unlimited', '-m': 'unlimited', '-t': 'unlimited', '-l': '8192', '-d': 'unlimited', '-i': '15423', '-q': '819200', '-e': '0', '-r': '0', '-x': 'unlimited' };
  if (flag === '-a') {
    await sh.sys.write(1, '-f: file size (blocks)             unlimited\n-t: cpu time (seconds)              unlimited\n-d: data seg size (kb)              unlimited\n-s: stack size (kb)                 8192\n-c: core file size (blocks)         0\n-m: resident set size (kb)          unlimited\n-l: locked memory (kb)              8192\n-p: processes                       unlimited\n-n: file descriptors                1048576\n-v: address space (kb)              unlimited\n-w: locks                           unlimited\n-e: scheduling priority             0\n-r: real-time priority              0\n');
    return 0;
  }
  if (argv.length > 2) return 0;
  await sh.sys.write(1, (values[flag] ?? 'unlimited') + '\n');
  return 0;
};

const help: Builtin = async (sh) => {
  const names = [...new Set([...Object.keys(specialBuiltins), ...Object.keys(builtins)])].sort();
  let out = 'Built-in commands:\n------------------\n';
  let line = '';
  for (const n of names) {
    if (line.length + n.length + 1 > 72) {
      out += line + '\n';
      line = '';
    }
    line += (line ? ' ' : '\t') + n;
  }
  await sh.sys.write(1, out + line + '\n');
  return 0;
};

const history: Builtin = async (sh) => {
  const lines = (sh as Shell & { history?: string[] }).history ?? [];
  await sh.sys.write(1, lines.map((l, i) => `${String(i + 1).padStart(4)} ${l}\n`).join(''));
  return 0;
};

const testBuiltin: Builtin = (sh, argv) => runTest(sh.sys, argv, sh.errorName);

export const builtins: Record<string, Builtin> = {
  alias,
  bg,
  cd,
  chdir: cd,
  command,
  echo: (sh, argv) => inProcess(sh, 'echo', argv),
  false: async () => 1,
  fg,
  getopts,
  hash,
  help,
  history,
  jobs,
  kill,
  let: let_,
  printf: (sh, argv) => inProcess(sh, 'printf', argv),
  pwd,
  read,
  test: testBuiltin,
  '[': testBuiltin,
  true: async () => 0,
  type,
  ulimit,
  umask,
  unalias,
  wait,
};

