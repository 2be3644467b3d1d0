/**
 * The typed layer above the parser, as BuildKit's instructions/parse.go:
 * each instruction checked against its own rules (argument counts, flags,
 * forms) and grouped into stages, one per FROM.
 *
 *     const { stages, metaArgs } = parseInstructions(parseDockerfile(text));
 *     stages[0].baseName;        // 'golang:1.22'
 *     stages[0].commands[0];     // { name: 'run', cmdLine: ['go build'], prependShell: true, … }
 *
 * Errors read as BuildKit's: "dockerfile parse error on line 3: unknown flag:
 * --bogus", "dockerfile parse error on line 1: unknown instruction: FOO" — and
 * "no build stage in current context" for an instruction before the first FROM
 * (only ARG may come first).
 */
import type * as C from './parse-commands.ts';
import { DockerfileError, warning, type ParseWarning } from './parse-errors.ts';
import { Flags, type Flag } from './parse-flags.ts';
import { goQuote, parseGoDuration, parseGoInt32, trimSpace, withSuggestion } from './parse-go.ts';
import { chompHeredocContent, parseHeredoc } from './parse-line.ts';
import { parseDevice, parseMount, type Mount } from './parse-mount.ts';
import type { Instruction, ParsedDockerfile } from './parser.ts';

export interface ParsedStages {
  stages: C.Stage[];
  /** ARGs before the first FROM: they may be used in FROM lines. */
  metaArgs: C.ArgCommand[];
  /** Build checks tripped (MAINTAINER, stage name casing, …); never fatal. */
  warnings: ParseWarning[];
}

const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];

/** Checks every instruction and groups them into stages (BuildKit's instructions.Parse). */
export function parseInstructions(parsed: ParsedDockerfile): ParsedStages {
  const stages: C.Stage[] = [];
  const metaArgs: C.ArgCommand[] = [];
  const warnings: ParseWarning[] = [...parsed.warnings];
  for (const node of parsed.instructions) {
    let cmd: C.Command | C.Stage;
    try {
      cmd = parseInstruction(node, warnings);
    } catch (err) {
      const inner = err instanceof Error ? err.message : String(err);
      throw new DockerfileError(`dockerfile parse error on line ${node.startLine}: ${inner}`, node.startLine, node.endLine);
    }
    if (!('commands' in cmd)) {
      if (stages.length === 0) {
        if (cmd.name === 'arg') {
          metaArgs.push(cmd);
          continue;
        }
        throw new DockerfileError('no build stage in current context', node.startLine, node.endLine);
      }
      stages[stages.length - 1]!.commands.push(cmd);
    } else stages.push(cmd);
  }
  return { stages, metaArgs, warnings };
}

/** One instruction → its command, or a Stage for FROM (BuildKit's ParseInstruction). */
export function parseInstruction(node: Instruction, warnings: ParseWarning[] = []): C.Command | C.Stage {
  const flags = new Flags(node.flags);
  const args = node.args;
  const base: C.CommandBase = {
    command: node.command,
    code: trimSpace(node.original),
    startLine: node.startLine,
    endLine: node.endLine,
    comments: node.comments,
  };
  const warn = (w: ParseWarning) => warnings.push(w);
  switch (node.name) {
    case 'env':
      flags.parse();
      return { ...base, name: 'env', env: parseKvps(args, 'ENV') };
    case 'maintainer':
      warn(warning('MaintainerDeprecated', node.startLine, node.endLine));
      if (args.length !== 1) throw exactlyOne('MAINTAINER');
      flags.parse();
      return { ...base, name: 'maintainer', maintainer: args[0]! };
    case 'label':
      flags.parse();
      return { ...base, name: 'label', labels: parseKvps(args, 'LABEL') };
    case 'add': {
      if (args.length < 2) throw noDestination('ADD');
      const chown = flags.string('chown');
      const chmod = flags.string('chmod');
      const link = flags.bool('link');
      const keepGitDir = flags.bool('keep-git-dir');
      const checksum = flags.string('checksum');
      const unpack = flags.bool('unpack');
      const exclude = flags.strings('exclude');
      flags.parse();
      return {
        ...base, name: 'add', ...sourcesAndDest(node, 'ADD'), chown: chown.value, chmod: chmod.value,
        link: link.value === 'true', exclude: exclude.values, checksum: checksum.value,
        keepGitDir: flags.isUsed('keep-git-dir') ? keepGitDir.value === 'true' : undefined,
        unpack: flags.isUsed('unpack') ? unpack.value === 'true' : undefined,
      };
    }
    case 'copy': {
      if (args.length < 2) throw noDestination('COPY');
      const chown = flags.string('chown');
      const from = flags.string('from');
      const chmod = flags.string('chmod');
      const link = flags.bool('link');
      const exclude = flags.strings('exclude');
      const parents = flags.bool('parents');
      flags.parse();
      return {
        ...base, name: 'copy', ...sourcesAndDest(node, 'COPY'), from: from.value, chown: chown.value, chmod: chmod.value,
        link: link.value === 'true', parents: parents.value === 'true', exclude: exclude.values,
      };
    }
    case 'from':
      return parseFrom(node, flags, base, warn);
    case 'onbuild':
      return parseOnbuild(node, flags, base);
    case 'workdir':
      if (args.length !== 1) throw exactlyOne('WORKDIR');
      flags.parse();
      return { ...base, name: 'workdir', path: args[0]! };
    case 'run':
      return parseRun(node, flags, base);
    case 'cmd':
      flags.parse();
      return { ...base, name: 'cmd', ...shellDependant(node, node.args) };
    case 'healthcheck':
      return parseHealthcheck(node, flags, base);
    case 'entrypoint': {
      flags.parse();
      const line = shellDependant(node, node.args);
      return { ...base, name: 'entrypoint', ...line, cmdLine: line.cmdLine.length === 0 ? null : line.cmdLine };
    }
    case 'expose':
      if (args.length === 0) throw atLeastOne('EXPOSE');
      flags.parse();
      return { ...base, name: 'expose', ports: [...args].sort(compareGo) };
    case 'user':
      if (args.length !== 1) throw exactlyOne('USER');
      flags.parse();
      return { ...base, name: 'user', user: args[0]! };
    case 'volume': {
      if (args.length === 0) throw atLeastOne('VOLUME');
      flags.parse();
      const volumes = args.map(trimSpace);
      if (volumes.includes('')) throw new Error('VOLUME specified can not be an empty string');
      return { ...base, name: 'volume', volumes };
    }
    case 'stopsignal':
      // BuildKit checks no flags here.
      if (args.length !== 1) throw exactlyOne('STOPSIGNAL');
      return { ...base, name: 'stopsignal', signal: args[0]! };
    case 'arg':
      // Nor here.
      return { ...base, name: 'arg', args: parseArgs(node) };
    case 'shell': {
      flags.parse();
      const shell = jsonArgs(args, node.json);
      if (shell.length === 0) throw atLeastOne('SHELL');
      if (!node.json) throw new Error('SHELL requires the arguments to be in JSON form');
      return { ...base, name: 'shell', shell };
    }
  }
  throw new Error(withSuggestion(`unknown instruction: ${node.command}`, node.command, INSTRUCTIONS, false));
}

const atLeastOne = (cmd: string) => new Error(`${cmd} requires at least one argument`);
const exactlyOne = (cmd: string) => new Error(`${cmd} requires exactly one argument`);
const noDestination = (cmd: string) =>
  new Error(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`);

/** Go's string order (bytes, i.e. code points), not localeCompare. */
function compareGo(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function parseKvps(args: string[], cmd: string): C.KeyValuePair[] {
  if (args.length === 0) throw atLeastOne(cmd);
  if (args.length % 3 !== 0) throw new Error(`Bad input to ${cmd}, too many arguments`);
  const out: C.KeyValuePair[] = [];
  for (let j = 0; j < args.length; j += 3) {
    if (args[j] === '') throw new Error(`${cmd} names can not be blank`);
    out.push({ key: args[j]!, value: args[j + 1]!, noDelim: args[j + 2] === '' });
  }
  return out;
}

function docComment(comments: string[], name: string): string {
  if (name === '') return '';
  for (const line of comments) if (line.startsWith(name + ' ')) return line.slice(name.length + 1);
  return '';
}

function parseArgs(node: Instruction): C.ArgDefinition[] {
  if (node.args.length < 1) throw atLeastOne('ARG');
  return node.args.map((arg) => {
    const eq = arg.indexOf('=');
    if (eq === 0) throw new Error('ARG names can not be blank');
    const key = eq < 0 ? arg : arg.slice(0, eq);
    return { key, value: eq < 0 ? undefined : arg.slice(eq + 1), docComment: docComment(node.comments, key) };
  });
}

function sourcesAndDest(node: Instruction, cmd: string): { sources: string[]; heredocs: C.SourceContent[]; dest: string } {
  const dest = node.args[node.args.length - 1]!;
  if (parseHeredocQuiet(dest)) throw new Error(`${cmd} cannot accept a heredoc as a destination`);
  const sources: string[] = [];
  const heredocs: C.SourceContent[] = [];
  for (const src of node.args.slice(0, -1)) {
    const h = parseHeredocQuiet(src);
    if (!h) {
      sources.push(src);
      continue;
    }
    let data = node.heredocs.filter((x) => x.name === h.name).pop()?.content ?? '';
    if (h.chomp) data = chompHeredocContent(data);
    heredocs.push({ path: h.name, data, expand: h.expand });
  }
  return { sources, heredocs, dest };
}

/** MustParseHeredoc: a heredoc word, or undefined (errors ignored). */
function parseHeredocQuiet(word: string) {
  try {
    return parseHeredoc(word);
  } catch {
    return undefined;
  }
}

/** handleJSONArgs: exec form as is; shell form joined into one string. */
function jsonArgs(args: string[], json: boolean): string[] {
  if (args.length === 0) return [];
  return json ? [...args] : [args.join(' ')];
}

function shellDependant(node: Instruction, args: string[]): C.ShellDependantCmdLine {
  return {
    cmdLine: jsonArgs(args, node.json),
    prependShell: !node.json,
    files: node.heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp })),
  };
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

function parseFrom(node: Instruction, flags: Flags, base: C.CommandBase, warn: (w: ParseWarning) => void): C.Stage {
  const args = node.args;
  if (args.length === 3 && args[2] !== args[2]!.toLowerCase()) warn(warning('StageNameCasing', node.startLine, node.endLine, args[2]!));
  if (args.length >= 3) {
    const lower = node.command === node.command.toLowerCase();
    const upper = node.command === node.command.toUpperCase();
    const as = args[1]!;
    if ((lower && as !== as.toLowerCase()) || (!lower && upper && as !== as.toUpperCase())) {
      warn(warning('FromAsCasing', node.startLine, node.endLine, node.command, as));
    }
  }
  let name = '';
  if (args.length === 3 && args[1]!.toLowerCase() === 'as') {
    name = args[2]!.toLowerCase();
    if (!STAGE_NAME.test(name)) {
      throw new Error(`invalid name for build stage: ${goQuote(args[2]!)}, name can't start with a number or contain symbols`);
    }
  } else if (args.length !== 1) throw new Error('FROM requires either one or three arguments');
  const platform = flags.string('platform');
  flags.parse();
  return {
    name, baseName: args[0]!, platform: platform.value, origCmd: node.command, commands: [], code: base.code,
    startLine: base.startLine, endLine: base.endLine, comments: base.comments, docComment: docComment(base.comments, name),
  };
}

function parseOnbuild(node: Instruction, flags: Flags, base: C.CommandBase): C.OnbuildCommand {
  if (node.args.length === 0) throw atLeastOne('ONBUILD');
  flags.parse();
  const trigger = trimSpace(node.args[0]!).toUpperCase();
  if (trigger === 'ONBUILD') throw new Error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
  let expression = node.original.replace(/^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*/i, '');
  for (const h of node.heredocs) expression += '\n' + h.content + h.name;
  return { ...base, name: 'onbuild', expression };
}

function parseRun(node: Instruction, flags: Flags, base: C.CommandBase): C.RunCommand {
  const device = flags.strings('device');
  const mount = flags.strings('mount');
  const network = flags.string('network', 'default');
  const security = flags.string('security', 'sandbox');
  flags.parse();
  const flagsUsed = flags.used();
  const line = shellDependant(node, node.args);
  const devices = device.values.map(parseDevice);
  const mounts = mount.values.map(readMount);
  if (!['default', 'none', 'host'].includes(network.value)) throw new Error(`invalid network mode ${goQuote(network.value)}`);
  if (!['sandbox', 'insecure'].includes(security.value)) throw new Error(`security ${goQuote(security.value)} is not valid`);
  return {
    ...base, name: 'run', ...line, mounts, mountSpecs: [...mount.values], devices, flagsUsed,
    network: network.value as C.NetworkMode, security: security.value as C.SecurityMode,
  };
}

/**
 * A --mount as parsing sees it: BuildKit's parse-time checks decide whether it
 * is an error; the values are read as written when they hold no `$` (and are
 * otherwise read by the builder after expansion).
 */
function readMount(spec: string): Mount {
  const deferred = parseMount(spec);
  if (spec.includes('$')) return deferred;
  try {
    return parseMount(spec, (w) => w);
  } catch {
    return deferred; // BuildKit reports it when the step runs
  }
}

function interval(flag: Flag): number {
  if (flag.value === '') return 0;
  const ns = parseGoDuration(flag.value);
  if (ns === 0) return 0;
  if (ns < 1_000_000) throw new Error(`Interval ${goQuote(flag.name)} cannot be less than 1ms`);
  return ns;
}

function parseHealthcheck(node: Instruction, flags: Flags, base: C.CommandBase): C.HealthcheckCommand {
  if (node.args.length === 0) throw atLeastOne('HEALTHCHECK');
  let type = node.args[0]!.toUpperCase();
  const rest = node.args.slice(1);
  const health: C.HealthConfig = { test: [], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  if (type === 'NONE') {
    if (rest.length !== 0) throw new Error('HEALTHCHECK NONE takes no arguments');
    health.test = [type];
    return { ...base, name: 'healthcheck', health };
  }
  const fInterval = flags.string('interval');
  const fTimeout = flags.string('timeout');
  const fStartPeriod = flags.string('start-period');
  const fStartInterval = flags.string('start-interval');
  const fRetries = flags.string('retries');
  flags.parse();
  if (type !== 'CMD') throw new Error(`Unknown type ${goQuote(type)} in HEALTHCHECK (try CMD)`);
  const cmd = jsonArgs(rest, node.json);
  if (cmd.length === 0) throw new Error('Missing command after HEALTHCHECK CMD');
  if (!node.json) type = 'CMD-SHELL';
  health.test = [type, ...cmd];
  health.interval = interval(fInterval);
  health.timeout = interval(fTimeout);
  health.startPeriod = interval(fStartPeriod);
  health.startInterval = interval(fStartInterval);
  if (fRetries.value !== '') {
    const retries = parseGoInt32(fRetries.value);
    if (retries < 0) throw new Error(`--retries cannot be negative (${retries})`);
    health.retries = retries;
  }
  return { ...base, name: 'healthcheck', health };
}

