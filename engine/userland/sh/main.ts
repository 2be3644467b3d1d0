/**
 * /bin/sh: busybox ash's command line and main loop.
 *
 *   sh -c 'COMMANDS' [NAME [ARGS…]]   run a string ($0 = NAME)
 *   sh SCRIPT [ARGS…]                 run a file
 *   sh [-s] [ARGS…]                   read commands from standard input
 *
 * Interactive (stdin and stderr are terminals, or -i): prompts (PS1, PS2),
 * line editing with history, job control, ^C abandoning the line. A login
 * shell (argv[0] starting with "-", or -l) first reads /etc/profile and
 * ~/.profile; an interactive one then reads the file named by $ENV.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl, type Program, type Sys } from '../../kernel/sys.ts';
import { SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU } from '../../kernel/signals.ts';
import { LineEditor, expandPrompt, type Completion } from '../lineedit.ts';
import { readAll } from '../lib/io.ts';
import { Parser } from './parser.ts';
import { OPTION_LETTERS, Shell, Unwind, type ShellOptions } from './shell.ts';
import { builtins, specialBuiltins } from './builtins.ts';
import { ShellError } from './vars.ts';

async function readText(sys: Sys, fd: number): Promise<string> {
  return new TextDecoder().decode(await readAll(sys, fd));
}

/** Reads and runs a startup file if it exists (/etc/profile, ~/.profile, $ENV). */
async function source(sh: Shell, path: string): Promise<void> {
  let text: string;
  try {
    const fd = sh.sys.open(path, 'r');
    text = await readText(sh.sys, fd);
    sh.sys.close(fd);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return;
  }
  await sh.runScript(text);
}

export const sh: Program = async (sys) => {
  const argv = [...sys.argv];
  const arg0 = argv[0] ?? 'sh';
  let login = arg0.startsWith('-');
  const options: Partial<ShellOptions> = {};
  let command: string | undefined;
  let forceInteractive = false;
  let stdinMode = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (!/^[-+]/.test(a) || a.length === 1) break;
    const on = a[0] === '-';
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'c' && on) command = '';
      else if (c === 'i') forceInteractive = on;
      else if (c === 'l') login = on;
      else if (c === 's') stdinMode = on;
      else if (c === 'o') {
        const name = argv[++i];
        if (name && name in { errexit: 1, noglob: 1, nounset: 1, xtrace: 1, verbose: 1, noclobber: 1, allexport: 1, noexec: 1, monitor: 1, pipefail: 1, ignoreeof: 1 }) options[name as keyof ShellOptions] = on;
      } else if (OPTION_LETTERS[c]) options[OPTION_LETTERS[c]!] = on;
      else {
        await sys.write(2, `sh: -${c}: invalid option\n`);
        return 2;
      }
    }
  }
  let rest = argv.slice(i);
  let name = arg0.replace(/^-/, '').split('/').pop() ?? 'sh';
  let script: { text: string; file: boolean } | undefined;
  if (command !== undefined) {
    if (rest.length === 0) {
      await sys.write(2, `sh: -c requires an argument\n`);
      return 2;
    }
    command = rest[0]!;
    rest = rest.slice(1);
    if (rest.length > 0) {
      name = rest[0]!;
      rest = rest.slice(1);
    }
    script = { text: command, file: false };
  } else if (!stdinMode && rest.length > 0) {
    const path = rest[0]!;
    rest = rest.slice(1);
    name = path;
    try {
      const fd = sys.open(path, 'r');
      script = { text: await readText(sys, fd), file: true };
      sys.close(fd);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      const code = err instanceof FsError ? err.code : 'ENOENT';
      await sys.write(2, `sh: can't open '${path}': ${strerror(code)}\n`);
      return 2;
    }
  }

  const shell = new Shell(sys, { arg0: command !== undefined ? name : script?.file ? name : arg0, args: rest, options });
  shell.errorName = command !== undefined ? name : script?.file ? name : 'sh';
  shell.scriptFile = script?.file ?? false;
  const interactive = forceInteractive || (!script && sys.isatty(0) && sys.isatty(2));
  shell.interactive = interactive;
  const level = Number(shell.vars.get('SHLVL') ?? '0');
  shell.vars.set('SHLVL', String((Number.isFinite(level) ? level : 0) + 1), { export: true });

  let status = 0;
  try {
    if (login) {
      await source(shell, '/etc/profile');
      const home = shell.vars.get('HOME');
      if (home) await source(shell, `${home}/.profile`);
    }
    if (interactive) {
      shell.options.monitor = true;
      // An interactive shell ignores these; its children get them back.
      for (const sig of [SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU]) sys.signal(sig, 'ignore');
      sys.signal(SIGINT, () => shell.pendingTraps.add(SIGINT));
      const env = shell.vars.get('ENV');
      if (env) await source(shell, env);
      status = await interactiveLoop(shell);
    } else if (script) {
      status = await shell.runScript(script.text.endsWith('\n') ? script.text : script.text + '\n', command !== undefined ? 0 : 1);
    } else {
      status = await shell.runScript(await readText(sys, 0));
    }
  } catch (err) {
    if (err instanceof Unwind && err.kind === 'exit') status = err.count;
    else if (err instanceof Unwind) status = shell.status;
    else if (err instanceof ShellError) {
      await shell.error(err.message);
      status = err.status;
    } else throw err;
  }
  return shell.exitWith(status);
};

async function interactiveLoop(shell: Shell): Promise<number> {
  const sys = shell.sys;
  const history: string[] = [];
  (shell as Shell & { history?: string[] }).history = history;
  const home = shell.vars.get('HOME');
  const editor = sys.isatty(0)
    ? new LineEditor(sys, 0, history, { historyFile: home ? `${home}/.ash_history` : undefined, completer: (line, cursor) => complete(shell, line, cursor) })
    : undefined;
  let pending = '';
  for (;;) {
    await shell.jobs.reap();
    await shell.jobs.notify();
    const promptVar = pending === '' ? 'PS1' : 'PS2';
    const promptText = await expandPromptVariables(shell, shell.vars.get(promptVar) ?? '');
    const user = await userName(shell);
    const prompt = expandPrompt(promptText, { user, host: sys.uname().nodename, cwd: shell.vars.get('PWD') ?? sys.getcwd(), home, euid: sys.geteuid(), now: sys.now() });
    let line: string | null;
    if (editor) {
      line = await editor.readLine(prompt);
    } else {
      await sys.write(2, prompt.text);
      line = await readLine(sys);
    }
    if (line === null) {
      if (pending !== '') {
        await shell.error('syntax error: unexpected end of file');
        pending = '';
        continue;
      }
      await sys.write(2, '\n');
      return shell.status;
    }
    if (line === '') {
      // ^C at the prompt: ash prints ^C and starts a new line.
      await sys.write(2, '^C\n');
      pending = '';
      shell.pendingTraps.delete(SIGINT);
      shell.status = 130;
      continue;
    }
    const source = pending + line;
    const parser = new Parser(source, { interactive: true, aliases: (n) => shell.aliases.get(n) });
    const commands = [];
    let state: 'ok' | 'incomplete' | 'error' = 'ok';
    for (;;) {
      const step = parser.next();
      if (step.kind === 'command') commands.push(step.command);
      else if (step.kind === 'eof') break;
      else if (step.kind === 'incomplete') {
        state = 'incomplete';
        break;
      } else {
        state = 'error';
        await shell.error(step.error.message);
        shell.status = 2;
        break;
      }
    }
    if (state === 'incomplete') {
      pending = source;
      continue;
    }
    pending = '';
    if (state === 'error') continue;
    try {
      for (const cmd of commands) {
        await shell.runTopLevel(cmd);
      }
    } catch (err) {
      if (err instanceof Unwind && err.kind === 'exit') return err.count;
      if (err instanceof Unwind && err.kind === 'interrupt') {
        shell.status = 130;
        await sys.write(2, '\n');
        continue;
      }
      if (err instanceof Unwind) continue;
      throw err;
    }
    if (shell.pendingTraps.has(SIGINT) && !shell.traps.has(SIGINT)) {
      shell.pendingTraps.delete(SIGINT);
    }
  }
}

/**
 * $VAR, $(…) and `…` in a prompt are expanded each time it is shown (ash's
 * PSSUBST): the text is expanded like a here-document's body, keeping \$
 * for the line editor, which turns it into # or $.
 */
async function expandPromptVariables(shell: Shell, raw: string): Promise<string> {
  if (!/[$`]/.test(raw.replace(/\\\$/g, ''))) return raw;
  const guarded = raw.replace(/\\\$/g, '\u0001');
  const marker = '__BERTH_PROMPT__';
  const parsed = new Parser(`: <<${marker}\n${guarded}\n${marker}\n`).next();
  if (parsed.kind !== 'command') return raw;
  const cmd = parsed.command.items[0]?.command.first.commands[0];
  const doc = cmd?.type === 'simple' ? cmd.redirects[0] : undefined;
  if (!doc || doc.type !== 'heredoc') return raw;
  try {
    const text = await shell.expand.text({ parts: [{ type: 'double', parts: doc.body.parts }] });
    return text.replace(/\n$/, '').replace(/\u0001/g, '\\$');
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return raw;
  }
}

async function readLine(sys: Sys): Promise<string | null> {
  let line = '';
  for (;;) {
    const d = await sys.read(0, 1);
    if (d.length === 0) return line === '' ? null : line + '\n';
    const c = String.fromCharCode(d[0]!);
    line += c;
    if (c === '\n') return new TextDecoder().decode(Uint8Array.from(line, (ch) => ch.charCodeAt(0)));
  }
}

async function userName(shell: Shell): Promise<string> {
  const uid = shell.sys.geteuid();
  try {
    const { passwd } = await import('../lib/users.ts');
    return (await passwd(shell.sys)).find((u) => u.uid === uid)?.name ?? String(uid);
  } catch {
    return String(uid);
  }
}

/** Tab completion: commands for the first word, file names elsewhere. */
async function complete(shell: Shell, line: string, cursor: number): Promise<Completion> {
  const sys = shell.sys;
  const chars = [...line];
  let start = cursor;
  while (start > 0 && !' \t|;&<>()'.includes(chars[start - 1]!)) start--;
  const word = chars.slice(start, cursor).join('');
  let before = start;
  while (before > 0 && chars[before - 1] === ' ') before--;
  const first = before === 0 || '|;&('.includes(chars[before - 1]!);
  const dirs = new Set<string>();
  const matches = new Set<string>();
  if (first && !word.includes('/')) {
    for (const n of [...Object.keys(builtins), ...Object.keys(specialBuiltins), ...shell.functions.keys(), ...shell.aliases.keys()]) if (n.startsWith(word)) matches.add(n);
    for (const dir of (shell.vars.get('PATH') ?? '').split(':')) {
      try {
        for (const n of sys.readdir(dir || '.')) if (n.startsWith(word)) matches.add(n);
      } catch (err) {
        if (isProcessControl(err)) throw err;
      }
    }
  } else {
    const slash = word.lastIndexOf('/');
    const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
    const base = slash >= 0 ? word.slice(slash + 1) : word;
    const home = shell.vars.get('HOME') ?? '';
    const dir = dirPart.startsWith('~/') ? home + dirPart.slice(1) : dirPart;
    try {
      for (const n of sys.readdir(dir === '' ? '.' : dir)) {
        if (!n.startsWith(base) || (n.startsWith('.') && !base.startsWith('.'))) continue;
        const full = dirPart + n;
        matches.add(full);
        try {
          if ((sys.stat((dir === '' ? '' : dir) + n).mode & 0o170000) === 0o040000) dirs.add(full);
        } catch (err) {
          if (isProcessControl(err)) throw err;
        }
      }
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
  }
  return { matches: [...matches].sort(), start, isDir: (m) => dirs.has(m) };
}
