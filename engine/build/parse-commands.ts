/**
 * The typed instructions of a Dockerfile, as BuildKit's instructions package
 * defines them (commands.go): a build is a list of stages, each a FROM and the
 * commands under it.
 *
 * Values are as written: `$VAR` is still there. The builder expands them step
 * by step with the variables in force (see expandCommand in parse-expand.ts),
 * since an ENV or ARG earlier in the stage changes what they mean.
 */
import type { Mount, Device } from './parse-mount.ts';

/** What every command has: its keyword (lowercase), source text and lines. */
export interface CommandBase {
  /** The keyword as written ('Run'); `name` of each command type is the lowercase discriminant. */
  command: string;
  /** The instruction's text, trimmed (BuildKit's String()). */
  code: string;
  startLine: number;
  endLine: number;
  /** Comment lines directly above it. */
  comments: string[];
}

/** A `KEY=value` of ENV or LABEL; noDelim is true for the old `KEY value` form. */
export interface KeyValuePair {
  key: string;
  value: string;
  noDelim: boolean;
}

/** An ARG's `NAME` or `NAME=default`. */
export interface ArgDefinition {
  key: string;
  /** Undefined when no default is given (`ARG NAME`). */
  value: string | undefined;
  /** The comment above the ARG that starts with its name (`# NAME does …`), minus the name. */
  docComment: string;
}

/** A heredoc used as a file by COPY or ADD: `COPY <<EOF /etc/motd`. */
export interface SourceContent {
  /** The heredoc's name, used as the file name. */
  path: string;
  /** The content, `<<-` tabs already stripped. */
  data: string;
  /** Whether `$VAR` in the content is to be expanded (the name was not quoted). */
  expand: boolean;
}

/** A heredoc fed to RUN's shell. */
export interface ShellInlineFile {
  name: string;
  /** As written; `chomp` means leading tabs are to be stripped before use. */
  data: string;
  chomp: boolean;
}

/**
 * RUN, CMD and ENTRYPOINT: the command line and whether it is shell form.
 * Shell form (`RUN echo $HOME`) has one element and `prependShell` (run with
 * the stage's SHELL, `/bin/sh -c` by default); exec form (`RUN ["echo", "hi"]`)
 * has the array's elements and runs as is.
 */
export interface ShellDependantCmdLine {
  cmdLine: string[];
  prependShell: boolean;
  files: ShellInlineFile[];
}

export interface AddCommand extends CommandBase {
  name: 'add';
  /** Paths, URLs or git references, as written. */
  sources: string[];
  /** Heredocs given as sources. */
  heredocs: SourceContent[];
  dest: string;
  chown: string;
  chmod: string;
  link: boolean;
  exclude: string[];
  /** --keep-git-dir, when given. */
  keepGitDir: boolean | undefined;
  checksum: string;
  /** --unpack, when given. */
  unpack: boolean | undefined;
}

export interface CopyCommand extends CommandBase {
  name: 'copy';
  sources: string[];
  heredocs: SourceContent[];
  dest: string;
  /** --from: a stage name or index, or an image. */
  from: string;
  chown: string;
  chmod: string;
  link: boolean;
  parents: boolean;
  exclude: string[];
}

export interface ArgCommand extends CommandBase {
  name: 'arg';
  args: ArgDefinition[];
}

export interface CmdCommand extends CommandBase, ShellDependantCmdLine {
  name: 'cmd';
}

export interface EntrypointCommand extends CommandBase, Omit<ShellDependantCmdLine, 'cmdLine'> {
  name: 'entrypoint';
  /** null for `ENTRYPOINT []`, which resets the entrypoint. */
  cmdLine: string[] | null;
}

export interface EnvCommand extends CommandBase {
  name: 'env';
  env: KeyValuePair[];
}

export interface ExposeCommand extends CommandBase {
  name: 'expose';
  /** As written (`80/tcp`, `$PORT`), sorted as BuildKit sorts them. */
  ports: string[];
}

/** HEALTHCHECK's settings; durations in nanoseconds as in an image config, 0 when not set. */
export interface HealthConfig {
  /** ['NONE'], ['CMD', …exec args] or ['CMD-SHELL', command]. */
  test: string[];
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

export interface HealthcheckCommand extends CommandBase {
  name: 'healthcheck';
  health: HealthConfig;
}

export interface LabelCommand extends CommandBase {
  name: 'label';
  labels: KeyValuePair[];
}

export interface MaintainerCommand extends CommandBase {
  name: 'maintainer';
  maintainer: string;
}

export interface OnbuildCommand extends CommandBase {
  name: 'onbuild';
  /** The deferred instruction's text (heredocs appended), parsed again when a child image builds FROM this one. */
  expression: string;
}

export type NetworkMode = 'default' | 'none' | 'host';
export type SecurityMode = 'sandbox' | 'insecure';

export interface RunCommand extends CommandBase, ShellDependantCmdLine {
  name: 'run';
  /**
   * --mount options, parsed with values as written. Values holding `$` are
   * left to the builder: BuildKit parses mounts again after expanding them
   * (expandCommand does that).
   */
  mounts: Mount[];
  /** The --mount values as written. */
  mountSpecs: string[];
  network: NetworkMode;
  security: SecurityMode;
  devices: Device[];
  /** Names of the flags given. */
  flagsUsed: string[];
}

export interface ShellCommand extends CommandBase {
  name: 'shell';
  shell: string[];
}

export interface StopSignalCommand extends CommandBase {
  name: 'stopsignal';
  signal: string;
}

export interface UserCommand extends CommandBase {
  name: 'user';
  user: string;
}

export interface VolumeCommand extends CommandBase {
  name: 'volume';
  volumes: string[];
}

export interface WorkdirCommand extends CommandBase {
  name: 'workdir';
  path: string;
}

export type Command =
  | AddCommand
  | ArgCommand
  | CmdCommand
  | CopyCommand
  | EntrypointCommand
  | EnvCommand
  | ExposeCommand
  | HealthcheckCommand
  | LabelCommand
  | MaintainerCommand
  | OnbuildCommand
  | RunCommand
  | ShellCommand
  | StopSignalCommand
  | UserCommand
  | VolumeCommand
  | WorkdirCommand;

/** A FROM and the commands under it. */
export interface Stage {
  /** `FROM image AS name`: the name, lowercased; '' when unnamed. */
  name: string;
  /** The image or earlier stage, as written (`$BASE` is expanded with the meta args). */
  baseName: string;
  /** --platform, as written; '' when not given. */
  platform: string;
  /** FROM as written ('FROM', 'from'). */
  origCmd: string;
  commands: Command[];
  code: string;
  startLine: number;
  endLine: number;
  comments: string[];
  /** The comment above FROM that starts with the stage name, minus the name. */
  docComment: string;
}
