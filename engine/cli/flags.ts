/**
 * The docker client's argument parsing, as docker/cli 28.2.2 does it with
 * cobra and pflag: global options first (`docker -H unix:///x ps`), then the
 * command path (`container ls`), then the command's own flags, and every
 * error with the text and exit status docker prints.
 *
 *   parseCommandLine(['run', '-it', '--rm', 'alpine', 'sh'])
 *   → { kind: 'run', path: ['run'], parsed: { args: ['alpine', 'sh'], … } }
 *   parseCommandLine(['run', '--foo'])
 *   → { kind: 'error', code: 125, stderr: 'unknown flag: --foo\n\nUsage:  docker run …' }
 */
import type { CommandSpec, FlagSpec, FlagValue, Parsed, ParsedFlags } from './command.ts';
import { commandFlags, renderNodeHelp, unsupported, useLine, type HelpOptions } from './help.ts';
import { childNamed, hasSubCommands, ROOT, type CommandNode } from './spec/index.ts';
import { goQuote, parseBool } from './spec/gostrconv.ts';
import { defaultValue, setFlagValue, type Env } from './spec/opts.ts';
import {
  BAKE_MISSING, BUILDKIT_DISABLED_WARNING, BUILDX_MISSING_ERROR, BUILDX_MISSING_WARNING,
  help as helpCommand, HELP_FLAG, HELP_SHORTHAND_DEPRECATION, VERSION_LINE,
} from './spec/root.ts';

/** How the client runs: its environment, its terminal and its daemon. */
export type ParseOptions = HelpOptions;

/** Text to write before acting on the result (deprecation notices, the buildx warning). */
export interface Notice {
  fd: 1 | 2;
  text: string;
}

export type DockerArgs =
  /** Run `parsed.spec` (named `path`, e.g. `['ps']` or `['container', 'ls']`). */
  | { kind: 'run'; parsed: Parsed; path: string[]; global: ParsedFlags; notices: Notice[] }
  /** Print `text` to `fd` and exit 0: `--help`, `docker help run`, a bare `docker container` (to stderr). */
  | { kind: 'help'; text: string; fd: 1 | 2; notices: Notice[] }
  /** Print `stderr` and exit with `code`: 125 for flag errors, 1 for the rest. */
  | { kind: 'error'; stderr: string; code: number; notices: Notice[] }
  /** `docker -v`: print `text` and exit 0. */
  | { kind: 'version'; text: string; notices: Notice[] };

/** One command's flags while they are parsed: pflag's FlagSet. */
class FlagSet {
  readonly values: Record<string, FlagValue> = {};
  readonly changed = new Set<string>();
  /** pflag's output: deprecation notices. */
  output = '';
  args: string[] = [];
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShort = new Map<string, FlagSpec>();

  constructor(readonly flags: readonly FlagSpec[], private readonly env: Env) {
    for (const f of flags) {
      if (this.byName.has(f.name)) continue; // a command's own --help shadows the inherited one
      this.byName.set(f.name, f);
      if (f.short && !this.byShort.has(f.short)) this.byShort.set(f.short, f);
      this.values[f.target ?? f.name] ??= defaultValue(f);
    }
    for (const f of flags) if (f.target) this.values[f.name] = this.values[f.target]!;
  }

  lookup(name: string): FlagSpec | undefined {
    return this.byName.get(name);
  }

  shorthand(c: string): FlagSpec | undefined {
    return this.byShort.get(c);
  }

  /** pflag's NoOptDefVal: bools take `true` when given bare. */
  noOptDefault(f: FlagSpec): string | undefined {
    return f.type === 'bool' ? 'true' : f.noOptDefault;
  }

  private flagName(f: FlagSpec): string {
    return f.short && f !== HELP_FLAG ? `-${f.short}, --${f.name}` : `--${f.name}`;
  }

  private set(f: FlagSpec, value: string): void {
    const slot = f.target ?? f.name;
    try {
      this.values[slot] = setFlagValue(f, value, this.values[slot]!, this.env);
    } catch (e) {
      throw new Error(`invalid argument ${goQuote(value)} for ${goQuote(this.flagName(f))} flag: ${(e as Error).message}`);
    }
    if (f.target) this.values[f.name] = this.values[slot]!;
    this.changed.add(f.name);
    if (f.deprecation) this.output += `Flag --${f.name} has been deprecated, ${f.deprecation}\n`;
  }

  /** pflag's FlagSet.Parse; returns the error text, if any. */
  parse(argv: readonly string[], interspersed: boolean): string | undefined {
    const args = [...argv];
    try {
      while (args.length > 0) {
        const s = args.shift()!;
        if (s.length < 2 || s[0] !== '-') {
          this.args.push(s);
          if (!interspersed) { this.args.push(...args); return undefined; }
          continue;
        }
        if (s[1] === '-') {
          if (s.length === 2) { this.args.push(...args); return undefined; }
          this.parseLong(s, args);
        } else {
          let shorthands = s.slice(1);
          while (shorthands.length > 0) shorthands = this.parseShort(shorthands, args);
        }
      }
    } catch (e) {
      return (e as Error).message;
    }
    return undefined;
  }

  private parseLong(s: string, args: string[]): void {
    const body = s.slice(2);
    if (body[0] === '-' || body[0] === '=') throw new Error(`bad flag syntax: ${s}`);
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    const f = this.byName.get(name);
    if (!f) throw new Error(`unknown flag: --${name}`);
    let value: string;
    const noOpt = this.noOptDefault(f);
    if (eq !== -1) value = body.slice(eq + 1);
    else if (noOpt !== undefined) value = noOpt;
    else if (args.length > 0) value = args.shift()!;
    else throw new Error(`flag needs an argument: ${s}`);
    this.set(f, value);
  }

  /** One letter of `-abc`; returns the letters left. */
  private parseShort(shorthands: string, args: string[]): string {
    if (shorthands.startsWith('test.')) return '';
    const c = shorthands[0]!;
    let rest = shorthands.slice(1);
    const f = this.byShort.get(c);
    if (!f) throw new Error(`unknown shorthand flag: '${c}' in -${shorthands}`);
    let value: string;
    const noOpt = this.noOptDefault(f);
    if (shorthands.length > 2 && shorthands[1] === '=') { value = shorthands.slice(2); rest = ''; }
    else if (noOpt !== undefined) value = noOpt;
    else if (shorthands.length > 1) { value = shorthands.slice(1); rest = ''; }
    else if (args.length > 0) value = args.shift()!;
    else throw new Error(`flag needs an argument: '${c}' in -${shorthands}`);
    if (f === HELP_FLAG) this.output += `Flag shorthand -h has been deprecated, ${HELP_SHORTHAND_DEPRECATION}\n`;
    this.set(f, value);
    return rest;
  }

  result(): ParsedFlags {
    return { values: this.values, changed: this.changed };
  }
}

/** The flags a command parses: its own, then the `--help` every command inherits. */
function flagSetFor(node: CommandNode, env: Env): FlagSet {
  return new FlagSet([...commandFlags(node, env), HELP_FLAG], env);
}

const cmdPath = (node: CommandNode) => ['docker', ...node.path].join(' ');

/** docker/cli's FlagErrorFunc. */
function flagError(node: CommandNode, err: string): string {
  return `${err}\n\nUsage:  ${useLine(node.spec, node.path)}\n\nRun '${cmdPath(node)} --help' for more information\n`;
}

const pluralize = (word: string, n: number) => (n === 1 ? word : word + 's');

/** docker/cli's cli.NoArgs, RequiresMinArgs… (cli/required.go). */
export function checkArgs(node: CommandNode, args: readonly string[]): string | undefined {
  const rule = node.spec.args;
  if (!rule || (node.spec.stub && !hasSubCommands(node))) return undefined;
  const p = cmdPath(node);
  const usage = `Usage:  ${useLine(node.spec, node.path)}`;
  const n = args.length;
  if (rule.max === 0 && rule.min === undefined) {
    if (n === 0) return undefined;
    if (hasSubCommands(node)) return `docker: unknown command: ${p} ${args[0]}\n\n${usage}\n\nRun '${p} --help' for more information\n`;
    return `docker: '${p}' accepts no arguments\n\n${usage}\n\nRun '${p} --help' for more information\n`;
  }
  if (rule.exact !== undefined && n !== rule.exact) {
    return `docker: '${p}' requires ${rule.exact} ${pluralize('argument', rule.exact)}\n\n${usage}\n\nRun '${p} --help' for more information\n`;
  }
  if (rule.range && (n < rule.range[0] || n > rule.range[1])) {
    const [lo, hi] = rule.range;
    return `docker: '${p}' requires at least ${lo} and at most ${hi} ${pluralize('argument', hi)}\n\n${usage}\n\nRun '${p} --help' for more information\n`;
  }
  if (rule.min !== undefined && n < rule.min) {
    return `docker: '${p}' requires at least ${rule.min} ${pluralize('argument', rule.min)}\n\n${usage}\n\nSee '${p} --help' for more information\n`;
  }
  if (rule.max !== undefined && n > rule.max) {
    return `docker: '${p}' requires at most ${rule.max} ${pluralize('argument', rule.max)}\n\n${usage}\n\nSRun '${p} --help' for more information\n`;
  }
  return undefined;
}

const LOG_LEVELS = ['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'];

/**
 * Parse a docker command line (argv without `docker` itself) the way the
 * real client does before it contacts the daemon.
 */
export function parseCommandLine(argv: readonly string[], opts: ParseOptions = {}): DockerArgs {
  const env = opts.env ?? {};
  const notices: Notice[] = [];
  const help = (node: CommandNode, fd: 1 | 2): DockerArgs => ({ kind: 'help', text: renderNodeHelp(node, opts), fd, notices });
  const error = (stderr: string, code: number): DockerArgs => ({ kind: 'error', stderr, code, notices });

  // 1. Global options, up to the first word (TopLevelCommand.HandleGlobalFlags).
  const global = flagSetFor(ROOT, env);
  const gerr = global.parse(argv, false);
  if (global.output) notices.push({ fd: 2, text: global.output });
  if (gerr) return error(flagError(ROOT, gerr), 125);

  // 2. What DockerCli.Initialize refuses.
  const level = global.values['log-level'] as string;
  if (global.changed.has('log-level') && !LOG_LEVELS.includes(level.toLowerCase())) return error(`Unable to parse logging level: ${level}\n`, 1);
  const hosts = global.values.host as string[];
  if (hosts.length > 0 && global.changed.has('context')) return error('conflicting options: cannot specify both --host and --context\n', 1);
  if (hosts.length > 1) return error('Failed to initialize: unable to resolve docker endpoint: Specify only one -H\n', 1);

  // 3. The builder commands without buildx (cmd/docker/builder.go).
  const builder = processBuilder(global.args, env, opts, notices);
  if (typeof builder === 'string') return error(builder + '\n', 1);

  // 4. cobra: find the command (Traverse), parse its flags, check its arguments.
  let helpSet = global.values.help === true;
  let node = ROOT;
  let args = builder ? builder.args : global.args;
  for (;;) {
    const step = traverseStep(node, args, env);
    if (!step) break;
    if (step.error) return error(flagError(node, step.error), 125);
    if (step.help) helpSet = true;
    if (step.output) notices.push({ fd: 1, text: step.output });
    node = step.next!;
    args = step.rest!;
  }

  const fs = node === ROOT ? global : flagSetFor(node, env);
  if (node === ROOT) { fs.args = []; fs.output = ''; }
  const perr = fs.parse(args, node.spec.interspersed !== false);
  if (perr) return error(flagError(node, perr), 125);
  if (fs.output) notices.push({ fd: 1, text: fs.output });
  const ownHelp = node.spec.flags.some((f) => f.name === 'help');
  if (ownHelp ? fs.values.help === true : helpSet || fs.values.help === true) return help(node, 1);
  if (node === ROOT) {
    if (fs.values.version === true) return { kind: 'version', text: VERSION_LINE, notices };
    if (fs.args.length === 0) return help(ROOT, 2);
    return error(`docker: unknown command: docker ${fs.args[0]}\n\nRun 'docker --help' for more information\n`, 1);
  }
  if (node.spec === helpCommand) return helpTopic(fs.args, opts, notices);
  const argError = checkArgs(node, fs.args);
  if (argError) return error(argError, 1);
  if (hasSubCommands(node)) {
    // Management commands print their help to stderr; `docker manifest` writes its own, after a blank line.
    const shown = help(node, 2);
    if (node.spec.path.join(' ') === 'manifest' && shown.kind === 'help') shown.text = '\n' + shown.text;
    return shown;
  }
  const unsupportedError = checkSupported(node, fs, opts);
  if (unsupportedError) return error(unsupportedError + '\n', 1);
  return {
    kind: 'run',
    parsed: { spec: node.spec, flags: fs.result(), args: fs.args },
    path: node.path,
    global: global.result(),
    notices,
  };
}

/**
 * One step of cobra's Command.Traverse: skip the flags before the next word;
 * when that word names a subcommand, parse those flags here and go down.
 */
function traverseStep(node: CommandNode, args: readonly string[], env: Env):
  { next?: CommandNode; rest?: string[]; error?: string; help?: boolean; output?: string } | undefined {
  const fs = flagSetFor(node, env);
  const takesNoValue = (f: FlagSpec | undefined) => f !== undefined && fs.noOptDefault(f) !== undefined;
  const flags: string[] = [];
  let inFlag = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--') && !arg.includes('=')) {
      inFlag = !takesNoValue(fs.lookup(arg.slice(2)));
      flags.push(arg);
      continue;
    }
    if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2 && !takesNoValue(fs.shorthand(arg[1]!))) {
      inFlag = true;
      flags.push(arg);
      continue;
    }
    if (inFlag) { inFlag = false; flags.push(arg); continue; }
    if ((arg.length >= 3 && arg.startsWith('--')) || (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-')) { flags.push(arg); continue; }
    const next = childNamed(node.path, arg);
    if (!next) return undefined;
    const err = fs.parse(flags, true);
    if (err) return { error: err };
    return { next, rest: args.slice(i + 1), help: fs.values.help === true, output: fs.output };
  }
  return undefined;
}

/** `docker help [command…]`: cobra's help command over Find. */
function helpTopic(args: readonly string[], opts: ParseOptions, notices: Notice[]): DockerArgs {
  let node = ROOT;
  let i = 0;
  for (; i < args.length; i++) {
    const next = childNamed(node.path, args[i]!);
    if (!next) break;
    node = next;
  }
  if (node === ROOT && args.length > 0) return { kind: 'error', stderr: `unknown help topic: ${args.join(' ')}\n`, code: 1, notices };
  if (i < args.length) return { kind: 'error', stderr: `unknown help topic: ${args.slice(i).join(' ')}\n`, code: 1, notices };
  return { kind: 'help', text: renderNodeHelp(node, opts), fd: 1, notices };
}

/**
 * docker's processBuilder: `build` and `builder`. Without the buildx plugin:
 * the legacy builder with its deprecation notice, or an error. With it
 * (opts.buildx): `build`, `image build` and `builder build` become `buildx
 * build` unless DOCKER_BUILDKIT=0.
 */
function processBuilder(args: readonly string[], env: Env, opts: ParseOptions, notices: Notice[]): string | { args: string[] } | undefined {
  let disabled = false;
  let useBuilder = false;
  const v = env.DOCKER_BUILDKIT;
  if (v) {
    let enabled: boolean;
    try {
      enabled = parseBool(v);
    } catch (e) {
      return `DOCKER_BUILDKIT environment variable expects boolean value: ${(e as Error).message}`;
    }
    if (enabled) useBuilder = true;
    else disabled = true;
  }
  const first = args[0];
  if (disabled && first === 'bake') disabled = false;
  const forwarded = first === 'bake' || first === 'builder' || first === 'build' || (first === 'image' && args[1] === 'build');
  if (!forwarded) return undefined;
  const windows = opts.server?.osType === 'windows';
  if (!useBuilder && windows) return undefined;
  if (disabled) {
    if (!windows) notices.push({ fd: 2, text: BUILDKIT_DISABLED_WARNING + '\n\n' });
    return undefined;
  }
  if (opts.buildx) {
    if (first === 'build') return { args: ['buildx', ...args] };
    if (first === 'image' && args[1] === 'build') return { args: ['buildx', ...args.slice(1)] };
    if (first === 'builder' && args[1] === 'build') return { args: ['buildx', ...args.slice(1)] };
    // buildx takes every `docker builder` command (forwardBuilder); Berth has its prune.
    if (first === 'builder' && args[1] === 'prune') return { args: ['buildx', ...args.slice(1)] };
    if (first === 'builder') return undefined;
  }
  if (first === 'bake') return BAKE_MISSING;
  if (useBuilder) return BUILDX_MISSING_ERROR;
  notices.push({ fd: 2, text: BUILDX_MISSING_WARNING + '\n\n' });
  return undefined;
}

/** docker's isSupported: flags and commands the daemon (when known) cannot serve. */
function checkSupported(node: CommandNode, fs: FlagSet, opts: ParseOptions): string | undefined {
  const server = opts.server;
  if (!server) return undefined;
  const api = server.apiVersion ?? '1.50';
  for (let n = node.path.length; n >= 1; n--) {
    const spec = n === node.path.length ? node.spec : childSpec(node.path.slice(0, n));
    const a = spec?.annotations;
    if (!a || !unsupported(a, server)) continue;
    if (a.version && unsupported({ version: a.version }, server)) return `${cmdPath(node)} requires API version ${a.version}, but the Docker daemon API version is ${api}`;
    if (a.ostype && server.osType) return `${cmdPath(node)} is only supported on a Docker daemon running on ${a.ostype}, but the Docker daemon is running on ${server.osType}`;
    if (a.experimental) return `${cmdPath(node)} is only supported on a Docker daemon with experimental features enabled`;
  }
  const errs: string[] = [];
  for (const f of fs.flags) {
    const a = f.annotations;
    if (!fs.changed.has(f.name) || !a) continue;
    if (a.version && unsupported({ version: a.version }, server)) errs.push(`"--${f.name}" requires API version ${a.version}, but the Docker daemon API version is ${api}`);
    else if (a.ostype && server.osType && a.ostype !== server.osType) errs.push(`"--${f.name}" is only supported on a Docker daemon running on ${a.ostype}, but the Docker daemon is running on ${server.osType}`);
    else if (a.experimental && !server.experimental) errs.push(`"--${f.name}" is only supported on a Docker daemon with experimental features enabled`);
  }
  return errs.length ? errs.join('\n') : undefined;
}

function childSpec(path: readonly string[]): CommandSpec | undefined {
  let node: CommandNode | undefined = ROOT;
  for (const name of path) node = node && childNamed(node.path, name);
  return node?.spec;
}
