/**
 * The shell's executor: runs the commands the parser produced, the way
 * busybox ash does.
 *
 * - A simple command: expand its words, apply its redirections, then run a
 *   special builtin, a function, a regular builtin or a program found on
 *   PATH (in a child process, which the shell waits for).
 * - A pipeline: each command in its own child process, joined by pipes; the
 *   status is the last one's.
 * - ( … ), $( … ), `&`: a child process running a copy of this shell.
 * - if / while / until / for / case / { … } / functions: in this shell.
 *
 * Errors that abort a command carry ash's message ("sh: foo: not found")
 * and status; a non-interactive shell exits on the fatal ones, as ash does.
 */
import { once } from '../../common/once.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import { S_IFMT, S_IFREG } from '../../fs/types.ts';
import { isProcessControl, type Sys, type WaitStatus } from '../../kernel/sys.ts';
import { SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, signalName } from '../../kernel/signals.ts';
import type { AndOr, Command, FunctionDefinition, List, Pipeline, Redirect, SimpleCommand } from './ast.ts';
import { Expander, matchPattern } from './expand.ts';
import { Variables, ShellError } from './vars.ts';
import { assignmentWord } from './words.ts';
import { Parser } from './parser.ts';
import { builtins, specialBuiltins } from './builtins.ts';
import { Jobs } from './jobs.ts';

const loadRedirect = once(() => import('./redirect.ts'));
const loadUsers = once(() => import('../lib/users.ts'));

export interface ShellOptions {
  errexit: boolean;
  noglob: boolean;
  nounset: boolean;
  xtrace: boolean;
  verbose: boolean;
  noclobber: boolean;
  allexport: boolean;
  noexec: boolean;
  monitor: boolean;
  pipefail: boolean;
  ignoreeof: boolean;
}

export const OPTION_LETTERS: Record<string, keyof ShellOptions> = {
  e: 'errexit',
  f: 'noglob',
  u: 'nounset',
  x: 'xtrace',
  v: 'verbose',
  C: 'noclobber',
  a: 'allexport',
  n: 'noexec',
  m: 'monitor',
};

/** break / continue / return / exit, unwinding through the executor. */
export class Unwind {
  constructor(
    /** 'interrupt': ^C in an interactive shell abandons the command, back to the prompt. */
    readonly kind: 'break' | 'continue' | 'return' | 'exit' | 'interrupt',
    readonly count: number,
  ) {}
}

/** A pending signal the shell caught for a trap (or, interactive, for ^C). */
const TRAPPABLE = [1, 2, 3, 10, 12, 13, 14, 15, 17, 18, 20, 21, 22, 28];

export class Shell {
  vars: Variables;
  positional: string[];
  arg0: string;
  options: ShellOptions;
  functions = new Map<string, FunctionDefinition>();
  aliases = new Map<string, string>();
  /** Trap actions by signal number (0 is EXIT); '' means ignore. */
  traps = new Map<number, string>();
  pendingTraps = new Set<number>();
  status = 0;
  lastBackground = 0;
  readonly expand: Expander;
  readonly jobs: Jobs;
  interactive = false;
  /** How errors are prefixed: "sh" for -c and stdin, the script's name for a file. */
  errorName = 'sh';
  scriptFile = false;
  lineNo = 0;
  loopDepth = 0;
  functionDepth = 0;
  /** $$: the pid of the top-level shell (subshells keep it). */
  readonly rootPid: number;
  readonly hash = new Map<string, string>();
  /** Inside an if/while test or before && / ||: set -e does not apply there. */
  private conditionDepth = 0;
  private readonly startTime: number;

  constructor(
    readonly sys: Sys,
    init: { arg0: string; args: string[]; vars?: Variables; options?: Partial<ShellOptions>; rootPid?: number },
  ) {
    this.vars = init.vars ?? new Variables(sys.env);
    this.vars.charge = (delta) => sys.memory(delta);
    this.positional = init.args;
    this.arg0 = init.arg0;
    this.options = { errexit: false, noglob: false, nounset: false, xtrace: false, verbose: false, noclobber: false, allexport: false, noexec: false, monitor: false, pipefail: false, ignoreeof: false, ...init.options };
    this.expand = new Expander(this);
    this.jobs = new Jobs(this);
    this.rootPid = init.rootPid ?? sys.pid;
    this.startTime = sys.now();
    if (!init.vars) this.initVariables();
  }

  private initVariables(): void {
    const v = this.vars;
    if (v.get('IFS') === undefined) v.set('IFS', ' \t\n');
    if (v.get('PS1') === undefined) v.set('PS1', '\\w \\$ ');
    if (v.get('PS2') === undefined) v.set('PS2', '> ');
    if (v.get('PS4') === undefined) v.set('PS4', '+ ');
    if (v.get('OPTIND') === undefined) v.set('OPTIND', '1');
    if (v.get('PATH') === undefined) v.set('PATH', '/sbin:/usr/sbin:/bin:/usr/bin');
    v.set('PPID', String(this.sys.ppid));
    try {
      const cwd = this.sys.getcwd();
      const pwd = v.get('PWD');
      if (!pwd || this.safeRealpath(pwd) !== cwd) v.set('PWD', cwd, { export: true });
    } catch {
      // keep going without PWD
    }
  }

  private safeRealpath(p: string): string | undefined {
    try {
      return this.sys.realpath(p);
    } catch {
      return undefined;
    }
  }

  // ---- messages --------------------------------------------------------------------

  /** "sh: " or "script: line N: ", as ash prefixes its errors. */
  prefix(): string {
    return this.scriptFile ? `${this.errorName}: line ${this.lineNo}: ` : `${this.errorName}: `;
  }

  async error(message: string): Promise<void> {
    await this.sys.write(2, this.prefix() + message + '\n').catch((e: unknown) => {
      if (isProcessControl(e)) throw e;
    });
  }

  // ---- parameters --------------------------------------------------------------------

  /** A parameter's value, special ones included; undefined when unset. */
  parameterValue(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.rootPid);
      case '!':
        return this.lastBackground ? String(this.lastBackground) : '';
      case '#':
        return String(this.positional.length);
      case '-':
        return this.optionString();
      case '0':
        return this.arg0;
      case '@':
      case '*':
        return this.positional.join(' ');
      case 'LINENO':
        return String(this.lineNo);
      case 'RANDOM':
        return String(Math.floor(Math.random() * 32768));
      case 'SECONDS':
        return String(Math.floor((this.sys.now() - this.startTime) / 1000));
    }
    if (/^\d+$/.test(name)) return this.positional[Number(name) - 1];
    return this.vars.get(name);
  }

  optionString(): string {
    let s = '';
    for (const [letter, key] of Object.entries(OPTION_LETTERS)) if (this.options[key]) s += letter;
    if (this.interactive) s += 'i';
    return s;
  }

  async homeOf(user: string): Promise<string | undefined> {
    try {
      const { passwd } = await loadUsers();
      return (await passwd(this.sys)).find((u) => u.name === user)?.home;
    } catch {
      return undefined;
    }
  }

  // ---- running text --------------------------------------------------------------------

  /**
   * Parses and runs a script, one complete command at a time (so a syntax
   * error late in a script comes after the earlier commands ran).
   */
  async runScript(source: string, line = 1): Promise<number> {
    const parser = new Parser(source, { aliases: (n) => this.aliases.get(n), line });
    for (;;) {
      const step = parser.next();
      if (step.kind === 'eof') return this.status;
      if (step.kind === 'error' || step.kind === 'incomplete') {
        const err = step.kind === 'error' ? step.error : { message: 'syntax error: unexpected end of file', line: this.lineNo };
        this.lineNo = err.line;
        await this.error(err.message);
        this.status = 2;
        if (!this.interactive) throw new Unwind('exit', 2);
        return 2;
      }
      if (this.options.noexec) continue;
      await this.runTopLevel(step.command);
    }
  }

  /** Runs one complete command, turning shell errors into messages and statuses. */
  async runTopLevel(list: List): Promise<number> {
    try {
      this.status = await this.runList(list);
    } catch (err) {
      if (err instanceof ShellError) {
        await this.error(err.message);
        this.status = err.status;
        if (!this.interactive && err.fatal) throw new Unwind('exit', err.status);
      } else throw err;
    }
    await this.runPendingTraps();
    return this.status;
  }

  // ---- lists, and-or lists, pipelines ------------------------------------------------------

  async runList(list: List): Promise<number> {
    let status = this.status;
    for (const item of list.items) {
      if (item.background) {
        await this.runBackground(item.command);
        status = 0;
      } else {
        status = await this.runAndOr(item.command);
      }
      this.status = status;
      await this.runPendingTraps();
    }
    return status;
  }

  private async runAndOr(ao: AndOr): Promise<number> {
    const last = ao.rest.length === 0;
    let status = await this.asCondition(!last, () => this.runPipeline(ao.first));
    for (let i = 0; i < ao.rest.length; i++) {
      const { op, pipeline } = ao.rest[i]!;
      this.status = status;
      if ((op === '&&') !== (status === 0)) continue;
      status = await this.asCondition(i < ao.rest.length - 1, () => this.runPipeline(pipeline));
    }
    return status;
  }

  /** Runs `f` with set -e suspended when `condition` (a test, or a non-final && / || part). */
  async asCondition<T>(condition: boolean, f: () => Promise<T>): Promise<T> {
    if (!condition) return f();
    this.conditionDepth++;
    try {
      return await f();
    } finally {
      this.conditionDepth--;
    }
  }

  private async runPipeline(p: Pipeline): Promise<number> {
    let status: number;
    if (p.commands.length === 1) {
      status = await this.asCondition(p.negated, () => this.runCommand(p.commands[0]!));
    } else {
      status = await this.asCondition(p.negated, () => this.runPipelineChildren(p));
    }
    if (p.negated) return status === 0 ? 1 : 0;
    if (status !== 0 && this.options.errexit && this.conditionDepth === 0) {
      this.status = status;
      throw new Unwind('exit', status);
    }
    return status;
  }

  private async runPipelineChildren(p: Pipeline): Promise<number> {
    const pids: number[] = [];
    let input = -1;
    const jobControl = this.options.monitor && this.interactive;
    let pgid = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      const [r, w] = last ? [-1, -1] : this.sys.pipe();
      const fds = this.currentFds();
      if (input >= 0) fds[0] = input;
      if (!last) fds[1] = w;
      delete fds[r];
      const cmd = p.commands[i]!;
      const pid = this.forkShell(async (child) => child.runCommand(cmd), { fds, pgid: jobControl ? pgid : undefined, foreground: jobControl && i === 0 });
      if (jobControl && pgid === 0) pgid = pid;
      pids.push(pid);
      if (input >= 0) this.sys.close(input);
      if (!last) {
        this.sys.close(w);
        input = r;
      }
    }
    const statuses = await this.jobs.waitForeground(pids, this.sourceText(p));
    if (this.options.pipefail) return [...statuses].reverse().find((s) => s !== 0) ?? 0;
    return statuses[statuses.length - 1] ?? 0;
  }

  private sourceText(_p: Pipeline): string {
    return '';
  }

  private async runBackground(ao: AndOr): Promise<void> {
    const jobControl = this.options.monitor && this.interactive;
    const fds = this.currentFds();
    if (!jobControl) {
      // Without job control, a background job reads /dev/null (POSIX).
      try {
        const devnull = this.sys.open('/dev/null', 'r');
        fds[0] = devnull;
        const pid = this.forkShell(async (child) => {
          child.background = true;
          return child.runAndOr(ao);
        }, { fds });
        this.sys.close(devnull);
        this.lastBackground = pid;
        this.jobs.add([pid], pid, '', false);
        return;
      } catch (err) {
        if (!(err instanceof FsError)) throw err;
      }
    }
    const pid = this.forkShell(async (child) => {
      child.background = true;
      return child.runAndOr(ao);
    }, { fds, pgid: jobControl ? 0 : undefined });
    this.lastBackground = pid;
    const job = this.jobs.add([pid], pid, '', false);
    if (this.interactive) await this.sys.write(2, `[${job.id}] ${pid}\n`);
  }

  /** Set in a child that runs in the background. */
  background = false;
  /** Status of the last command substitution of the command being expanded. */
  substitutionStatus = 0;

  // ---- commands ----------------------------------------------------------------------------

  async runCommand(cmd: Command): Promise<number> {
    this.lineNo = cmd.line;
    await this.tick();
    switch (cmd.type) {
      case 'simple':
        return this.runSimple(cmd);
      case 'subshell': {
        return this.withRedirects(cmd.redirects, async () => {
          const pid = this.forkShell((child) => child.runList(cmd.body), { fds: this.currentFds() });
          const [status] = await this.jobs.waitForeground([pid], '');
          return status ?? 0;
        });
      }
      case 'group':
        return this.withRedirects(cmd.redirects, () => this.runList(cmd.body));
      case 'if':
        return this.withRedirects(cmd.redirects, async () => {
          for (const clause of cmd.clauses) {
            if ((await this.asCondition(true, () => this.runList(clause.condition))) === 0) return this.runList(clause.body);
          }
          return cmd.elseBody ? this.runList(cmd.elseBody) : 0;
        });
      case 'while':
      case 'until':
        return this.withRedirects(cmd.redirects, async () => {
          let status = 0;
          this.loopDepth++;
          try {
            for (;;) {
              const test = await this.asCondition(true, () => this.runList(cmd.condition));
              if ((test === 0) !== (cmd.type === 'while')) break;
              try {
                status = await this.runList(cmd.body);
              } catch (u) {
                if (!(u instanceof Unwind) || (u.kind !== 'break' && u.kind !== 'continue')) throw u;
                if (u.count > 1) throw new Unwind(u.kind, u.count - 1);
                if (u.kind === 'break') break;
              }
              await this.tick();
            }
          } finally {
            this.loopDepth--;
          }
          return status;
        });
      case 'for':
        return this.withRedirects(cmd.redirects, async () => {
          const items = cmd.words ? await this.expand.fields(cmd.words) : [...this.positional];
          let status = 0;
          this.loopDepth++;
          try {
            for (const item of items) {
              this.vars.set(cmd.variable, item);
              try {
                status = await this.runList(cmd.body);
              } catch (u) {
                if (!(u instanceof Unwind) || (u.kind !== 'break' && u.kind !== 'continue')) throw u;
                if (u.count > 1) throw new Unwind(u.kind, u.count - 1);
                if (u.kind === 'break') break;
              }
              await this.tick();
            }
          } finally {
            this.loopDepth--;
          }
          return status;
        });
      case 'case':
        return this.withRedirects(cmd.redirects, async () => {
          const word = await this.expand.text(cmd.word);
          for (const clause of cmd.clauses) {
            for (const p of clause.patterns) {
              if (matchPattern(await this.expand.pattern(p), word)) return clause.body ? this.runList(clause.body) : 0;
            }
          }
          return 0;
        });
      case 'function':
        this.functions.set(cmd.name, cmd);
        return 0;
    }
  }

  /** The shell's open descriptors, as an identity map for a child. */
  currentFds(): Record<number, number> {
    const fds: Record<number, number> = {};
    for (const fd of this.sys.fds()) if (fd < 10) fds[fd] = fd;
    return fds;
  }

  private async runSimple(cmd: SimpleCommand): Promise<number> {
    // Expand words first (the last command substitution is the status of an assignment-only command).
    this.substitutionStatus = 0;
    let argv: string[];
    const first = cmd.words[0] ? await this.expand.fields([cmd.words[0]]) : [];
    const name = first[0];
    const assignmentBuiltin = name === 'export' || name === 'local' || name === 'readonly';
    if (assignmentBuiltin) {
      argv = [...first];
      for (const w of cmd.words.slice(1)) {
        const a = assignmentWord(w);
        if (a) argv.push(`${a.name}=${await this.expand.text(a.value)}`);
        else argv.push(...(await this.expand.fields([w])));
      }
    } else {
      argv = [...first, ...(await this.expand.fields(cmd.words.slice(1)))];
    }
    const assigned = new Map<string, string>();
    for (const a of cmd.assignments) assigned.set(a.name, await this.expand.text(a.value));
    const substitutionStatus = this.substitutionStatus;

    if (this.options.xtrace) await this.trace([...[...assigned].map(([k, v]) => `${k}=${v}`), ...argv]);

    if (argv.length === 0) {
      // Only assignments (and redirections): they stay in this shell.
      const status = await this.withRedirects(cmd.redirects, async () => {
        for (const [k, v] of assigned) this.vars.set(k, v, { export: this.options.allexport });
        return substitutionStatus;
      }, true).catch(async (err: unknown) => {
        if (err instanceof ShellError && !err.fatal) {
          await this.error(err.message);
          return err.status;
        }
        throw err;
      });
      return status;
    }
    const command = argv[0]!;

    // Special builtins: assignments before them stay; their errors are fatal.
    const special = specialBuiltins[command];
    if (special) {
      for (const [k, v] of assigned) this.vars.set(k, v);
      if (command === 'exec' && argv.length === 1) {
        // `exec 2>&1`, `exec 3>file`: redirections that stay in this shell.
        const { applyPermanently } = await loadRedirect();
        await applyPermanently(this, cmd.redirects);
        return 0;
      }
      return this.withRedirects(cmd.redirects, () => special(this, argv), true);
    }
    const fn = this.functions.get(command);
    if (fn) {
      return this.withRedirects(cmd.redirects, () => this.callFunction(fn, argv.slice(1), assigned));
    }
    const builtin = builtins[command];
    if (builtin) {
      return this.withTemporaryVars(assigned, () => this.withRedirects(cmd.redirects, () => builtin(this, argv)));
    }
    return this.withRedirects(cmd.redirects, () => this.runProgram(argv, assigned));
  }

  private async trace(words: string[]): Promise<void> {
    const ps4 = this.vars.get('PS4') ?? '+ ';
    const quote = (w: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'"'"'`)}'`);
    await this.sys.write(2, ps4 + words.map(quote).join(' ') + '\n');
  }

  private async withTemporaryVars<T>(vars: Map<string, string>, f: () => Promise<T>): Promise<T> {
    if (vars.size === 0) return f();
    const saved = new Map<string, string | undefined>();
    for (const [k, v] of vars) {
      saved.set(k, this.vars.get(k));
      this.vars.set(k, v);
    }
    try {
      return await f();
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) this.vars.unset(k);
        else this.vars.set(k, v);
      }
    }
  }

  async callFunction(fn: FunctionDefinition, args: string[], assigned: Map<string, string> = new Map()): Promise<number> {
    const savedArgs = this.positional;
    this.positional = args;
    this.vars.pushScope();
    this.functionDepth++;
    try {
      for (const [k, v] of assigned) this.vars.local(k, v);
      return await this.runCommand(fn.body);
    } catch (u) {
      if (u instanceof Unwind && u.kind === 'return') return u.count;
      throw u;
    } finally {
      this.functionDepth--;
      this.vars.popScope();
      this.positional = savedArgs;
    }
  }

  // ---- programs -------------------------------------------------------------------------

  /** Finds a program on PATH (or the path itself if it has a slash). */
  lookup(name: string): string | undefined {
    if (name.includes('/')) return name;
    const cached = this.hash.get(name);
    if (cached) return cached;
    for (const dir of (this.vars.get('PATH') ?? '').split(':')) {
      const full = `${dir === '' ? '.' : dir}/${name}`;
      try {
        const st = this.sys.stat(full);
        if ((st.mode & S_IFMT) !== S_IFREG) continue;
        this.sys.access(full, 1);
        this.hash.set(name, full);
        return full;
      } catch (err) {
        if (!(err instanceof FsError)) throw err;
      }
    }
    return undefined;
  }

  async runProgram(argv: string[], assigned: Map<string, string>, replace = false): Promise<number> {
    const name = argv[0]!;
    const path = this.lookup(name);
    if (!path) {
      await this.error(`${name}: not found`);
      return 127;
    }
    const env = this.vars.environment(assigned);
    if (replace) {
      try {
        return await this.sys.exec(path, argv, env);
      } catch (err) {
        return this.execFailed(err, name, path, argv, env, true);
      }
    }
    const jobControl = this.options.monitor && this.interactive;
    let pid: number;
    try {
      pid = await this.sys.spawn(path, { argv, env, pgid: jobControl ? 0 : undefined, foreground: jobControl && !this.background });
    } catch (err) {
      return this.execFailed(err, name, path, argv, env, false);
    }
    const [status] = await this.jobs.waitForeground([pid], argv.join(' '));
    return status ?? 0;
  }

  private async execFailed(err: unknown, name: string, path: string, argv: string[], env: string[], replace: boolean): Promise<number> {
    if (!(err instanceof FsError)) throw err;
    if (!replace && (err.code === 'EAGAIN' || err.code === 'ENOMEM')) throw forkError(err);
    this.hash.delete(name);
    if (err.code === 'ENOEXEC') {
      // Not a program: POSIX says run it as a shell script.
      const scriptArgv = ['sh', path, ...argv.slice(1)];
      if (replace) return this.sys.exec('/bin/sh', scriptArgv, env);
      const pid = await this.sys.spawn('/bin/sh', { argv: scriptArgv, env });
      const [status] = await this.jobs.waitForeground([pid], argv.join(' '));
      return status ?? 0;
    }
    if (err.code === 'EACCES') {
      await this.error(`${name}: Permission denied`);
      return 126;
    }
    if (err.code === 'ENOENT') {
      await this.error(`${name}: not found`);
      return 127;
    }
    await this.error(`${name}: ${strerror(err.code)}`);
    return err.code === 'EAGAIN' ? 2 : 126;
  }

  /** Turns a child's wait status into $?, printing what ash prints for signals. */
  async statusOf(w: WaitStatus, command: string): Promise<number> {
    if (w.kind === 'exited') return w.code;
    if (w.kind === 'signaled') {
      if (w.signal !== SIGINT && w.signal !== SIGPIPE) {
        const text = signalDescription(w.signal) + (w.core ? ' (core dumped)' : '');
        await this.sys.write(2, text + '\n');
      } else if (w.signal === SIGINT && this.interactive) await this.sys.write(2, '\n');
      return 128 + w.signal;
    }
    void command;
    return 0;
  }

  // ---- child shells ------------------------------------------------------------------------

  /** A copy of this shell for a child process (subshell, pipeline element, $(…)). */
  subshell(sys: Sys): Shell {
    const child = new Shell(sys, { arg0: this.arg0, args: [...this.positional], vars: this.vars.clone(), options: { ...this.options, monitor: false }, rootPid: this.rootPid });
    for (const [k, v] of this.functions) child.functions.set(k, v);
    for (const [k, v] of this.aliases) child.aliases.set(k, v);
    // Traps are reset in a subshell, except ignored signals stay ignored.
    for (const [sig, action] of this.traps) if (action === '') child.traps.set(sig, '');
    child.errorName = this.errorName;
    child.scriptFile = this.scriptFile;
    child.lineNo = this.lineNo;
    child.status = this.status;
    child.lastBackground = this.lastBackground;
    child.conditionDepth = this.conditionDepth;
    for (const [k, v] of this.hash) child.hash.set(k, v);
    return child;
  }

  forkShell(body: (child: Shell) => Promise<number>, options: { fds?: Record<number, number>; pgid?: number; foreground?: boolean } = {}): number {
    try {
      return this.forkShellUnchecked(body, options);
    } catch (err) {
      throw forkError(err);
    }
  }

  private forkShellUnchecked(body: (child: Shell) => Promise<number>, options: { fds?: Record<number, number>; pgid?: number; foreground?: boolean }): number {
    return this.sys.fork(
      async (csys) => {
        const child = this.subshell(csys);
        for (const sig of TRAPPABLE) {
          const action = this.traps.get(sig);
          if (action !== undefined && action !== '') csys.signal(sig, 'default');
        }
        if (this.interactive) for (const sig of [SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU]) if (!child.traps.has(sig)) csys.signal(sig, 'default');
        let status: number;
        try {
          status = await body(child);
        } catch (err) {
          if (err instanceof Unwind) status = err.kind === 'exit' ? err.count : child.status;
          else if (err instanceof ShellError) {
            await child.error(err.message);
            status = err.status;
          } else throw err;
        }
        return await child.exitWith(status);
      },
      { fds: options.fds, pgid: options.pgid, foreground: options.foreground },
    );
  }

  /** Runs the EXIT trap and returns the status to exit with. */
  async exitWith(status: number): Promise<number> {
    const action = this.traps.get(0);
    if (action !== undefined && action !== '') {
      this.traps.delete(0);
      this.status = status;
      try {
        await this.runScript(action);
      } catch (u) {
        if (u instanceof Unwind && u.kind === 'exit') return u.count;
        throw u;
      }
    }
    return status;
  }

  async commandSubstitution(body: List | null): Promise<string> {
    if (!body) return '';
    const [r, w] = this.sys.pipe();
    const fds = this.currentFds();
    fds[1] = w;
    delete fds[r];
    const pid = this.forkShell((child) => child.runList(body), { fds });
    this.sys.close(w);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const d = await this.sys.read(r);
      if (d.length === 0) break;
      chunks.push(d);
      size += d.length;
    }
    this.sys.close(r);
    const [status] = await this.jobs.waitForeground([pid], '', true);
    this.substitutionStatus = status ?? 0;
    const all = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    return new TextDecoder().decode(all).replace(/\n+$/, '');
  }

  async processSubstitution(direction: '<' | '>', body: List | null): Promise<string> {
    const [r, w] = this.sys.pipe();
    const fds = this.currentFds();
    if (direction === '<') fds[1] = w;
    else fds[0] = r;
    delete fds[direction === '<' ? r : w];
    const pid = this.forkShell((child) => (body ? child.runList(body) : Promise.resolve(0)), { fds });
    this.jobs.add([pid], pid, '', false);
    const keep = direction === '<' ? r : w;
    this.sys.close(direction === '<' ? w : r);
    return `/dev/fd/${keep}`;
  }

  // ---- redirections -------------------------------------------------------------------------

  /**
   * Runs `f` with `redirects` applied to this shell's descriptors, then puts
   * them back. Redirection errors end the command with status 1 (or, for
   * special builtins, `fatal`).
   */
  async withRedirects(redirects: readonly Redirect[], f: () => Promise<number>, special = false): Promise<number> {
    if (redirects.length === 0) return f();
    const { applyRedirects, restoreRedirects } = await loadRedirect();
    let saved;
    try {
      saved = await applyRedirects(this, redirects);
    } catch (err) {
      if (err instanceof ShellError) {
        if (special && !this.interactive) throw err;
        await this.error(err.message);
        return err.status;
      }
      throw err;
    }
    try {
      return await f();
    } finally {
      restoreRedirects(this, saved);
    }
  }

  // ---- traps -------------------------------------------------------------------------------

  /**
   * Between commands and loop rounds: lets the scheduler run, and in an
   * interactive shell turns a ^C (SIGINT with no trap) into abandoning the
   * command, as ash's raise_interrupt does: $? becomes 130.
   */
  private async tick(): Promise<void> {
    await this.sys.checkpoint();
    if (this.interactive && this.pendingTraps.has(SIGINT) && !this.traps.has(SIGINT)) {
      this.pendingTraps.delete(SIGINT);
      this.status = 130;
      throw new Unwind('interrupt', 0);
    }
  }

  async runPendingTraps(): Promise<void> {
    if (this.pendingTraps.size === 0) return;
    const sigs = [...this.pendingTraps];
    this.pendingTraps.clear();
    for (const sig of sigs) {
      const action = this.traps.get(sig);
      if (action === undefined || action === '') continue;
      const saved = this.status;
      await this.runScript(action);
      this.status = saved;
    }
  }

  /** Installs the kernel-side handler for a trapped signal. */
  catchSignal(sig: number): void {
    this.sys.signal(sig, () => this.pendingTraps.add(sig));
  }
}

/** What a shell prints when a job dies of a signal (musl's strsignal). */
export function signalDescription(sig: number): string {
  const texts: Record<number, string> = {
    1: 'Hangup',
    2: 'Interrupt',
    3: 'Quit',
    4: 'Illegal instruction',
    5: 'Trace/breakpoint trap',
    6: 'Aborted',
    7: 'Bus error',
    8: 'Floating point exception',
    9: 'Killed',
    10: 'User defined signal 1',
    11: 'Segmentation fault',
    12: 'User defined signal 2',
    13: 'Broken pipe',
    14: 'Alarm clock',
    15: 'Terminated',
    16: 'Stack fault',
    17: 'Child process status',
    18: 'Continued',
    19: 'Stopped (signal)',
    20: 'Stopped',
    21: 'Stopped (tty input)',
    22: 'Stopped (tty output)',
    24: 'CPU time limit exceeded',
    25: 'File size limit exceeded',
    26: 'Virtual timer expired',
    27: 'Profiling timer expired',
    28: 'Window changed',
    29: 'I/O possible',
    30: 'Power failure',
    31: 'Bad system call',
  };
  return texts[sig] ?? `Signal ${sig}` + (signalName(sig) ? '' : '');
}

/** fork(2) failing (pids.max reached, out of memory) is ash's "can't fork", which aborts the command. */
function forkError(err: unknown): unknown {
  if (err instanceof FsError && (err.code === 'EAGAIN' || err.code === 'ENOMEM')) return new ShellError(`can't fork: ${strerror(err.code)}`, 2);
  return err;
}
