/**
 * The docker client's command table, as data: every command's usage line,
 * one-line description, arguments and flags, written out as docker/cli 28
 * declares them with cobra and pflag. The table itself is `spec/`; `flags.ts`
 * parses argv against it and produces Docker's usage errors, `help.ts`
 * renders `--help`; the behaviour of each command
 * lives in `commands/<group>.ts`, keyed by the command's canonical path.
 */

/**
 * pflag value types, as docker/cli uses them:
 * - bool: `--rm`, `-d`; `--rm=false` is accepted, a bare `-d` is true;
 * - string, int (`-t 10`), uint, duration (`--since` stays a string),
 * - list (repeatable `-e A -e B`, opts.ListOpts; shown as `list` in help),
 * - stringArray/stringSlice (repeatable; a slice also splits on commas),
 * - bytes (`-m 32m`: units.RAMInBytes, shown as `bytes`),
 * - decimal (`--cpus 1.5`: NanoCPUs, shown as `decimal`),
 * - filter (`--filter key=value`, shown as `filter`), mount, port, pull… are lists.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'uint' | 'duration' | 'list' | 'stringArray' | 'stringSlice' | 'bytes' | 'decimal' | 'filter' | 'mount' | 'network' | 'gpu-request' | 'ulimit' | 'map'
  // pflag's Uint16/Uint32/Float64 (`--blkio-weight uint16`, swarm's `--update-max-failure-ratio float`).
  | 'uint16' | 'uint32' | 'float';

/**
 * Checks docker/cli runs inside a flag's `Set`, so a bad value fails while
 * parsing (exit 125): `opts.ValidateEnv` for `-e`, `ValidateExtraHost` for
 * `--add-host`, `MemSwapBytes` for `--memory-swap` (bytes, or -1)…
 * `spec/opts.ts` implements each one.
 */
export type FlagValidator =
  | 'env' | 'label' | 'extraHost' | 'ip' | 'dnsSearch' | 'link' | 'attach' | 'deviceCgroupRule' | 'sysctl'
  | 'throttleBps' | 'throttleIOps' | 'weightDevice' | 'memswap' | 'tag';

/**
 * What docker/cli hides or refuses according to the daemon it talks to
 * (`flags.SetAnnotation(name, "version"|"ostype"|"experimental"|"swarm", …)`).
 * With no daemon reachable nothing is hidden: that is what `docker --help`
 * prints on a machine without a daemon.
 */
export interface Annotations {
  /** Minimum API version. */
  version?: string;
  /** Only on a daemon of this OS (`windows`, `linux`). */
  ostype?: string;
  /** Only on an experimental daemon. */
  experimental?: boolean;
  /** Needs swarm: `manager` or `active`. */
  swarm?: string;
  /** Marked experimental in the client itself: its help (and its subcommands') says so. */
  experimentalCLI?: boolean;
}

export interface FlagSpec {
  /** Long name without dashes: `name`, `publish`. */
  name: string;
  /** One letter, without the dash: `p`. */
  short?: string;
  type: FlagType;
  /** Help text, exactly as docker/cli has it. */
  usage: string;
  /** Default as pflag prints it in help (`"no"`, `10`); absent for zero values. */
  defaultText?: string;
  /** The parsed default for scalar flags (`restart` → 'no'). */
  default?: string | number | boolean;
  hidden?: boolean;
  /** `NoOptDefVal`: a value-taking flag given with no `=value` (e.g. `--detach-keys`). */
  noOptDefault?: string;
  /** Names of the flag's deprecated spellings, accepted silently. */
  deprecated?: string;
  /**
   * The word shown after the flag in help when it is not the type's own
   * (`--placement-pref pref`); only swarm's custom values need it.
   */
  varname?: string;
  /** A check run on every value as it is set (see FlagValidator). */
  validator?: FlagValidator;
  /**
   * Another flag's long name whose value this one sets: docker/cli binds
   * `--net` and `--network` (and `--time`/`--timeout`) to one variable.
   */
  target?: string;
  /**
   * pflag's MarkDeprecated message: the flag is hidden, still works, and
   * using it prints `Flag --time has been deprecated, use --timeout instead`.
   */
  deprecation?: string;
  annotations?: Annotations;
  /**
   * A default read from the client's environment: `--platform` from
   * DOCKER_DEFAULT_PLATFORM, `--disable-content-trust` is false when
   * DOCKER_CONTENT_TRUST is on.
   */
  envDefault?: 'DOCKER_DEFAULT_PLATFORM' | 'DOCKER_CONTENT_TRUST';
}

export interface CommandSpec {
  /** Canonical path under `docker`: ['container', 'run'], ['ps'] is an alias of ['container','ls']. */
  path: string[];
  /** Other paths that reach it (`docker run`, `docker container ls` → `docker ps`, `docker container list`). */
  aliases?: string[][];
  /** The part of the usage line after the path: `[OPTIONS] IMAGE [COMMAND] [ARG...]`. */
  usage: string;
  /** One line, as in `docker --help`. */
  short: string;
  /** Longer text for `--help`, when docker/cli has one. */
  long?: string;
  /** Positional argument checks as docker/cli's cli.RequiresMinArgs and friends. */
  args?: { min?: number; max?: number; exact?: number; range?: [number, number] };
  /**
   * With false, flags stop at the first positional argument (run, exec, create:
   * `docker run alpine ls -l` gives `-l` to ls).
   */
  interspersed?: boolean;
  flags: FlagSpec[];
  /** A management command's group in `docker --help` ("Common Commands:", "Management Commands:"…). */
  group?: 'common' | 'management' | 'swarm' | 'commands';
  /** Hidden from `docker --help` (but runnable). */
  hidden?: boolean;
  /** Place in "Common Commands:" (docker/cli's `category-top` annotation). */
  topOrder?: number;
  /**
   * A command Berth lists (so `docker --help` and `docker swarm --help` read
   * as Docker's) and whose flags it knows, but whose argument rules are not
   * written out: swarm, plugin, context, trust, manifest, checkpoint.
   */
  stub?: boolean;
  /** The Examples section, when docker/cli has one. */
  example?: string;
  annotations?: Annotations;
}

/**
 * A flag's value once parsed: the default unless `changed`.
 * - bool → boolean; string → string;
 * - int, uint, uint16, uint32, float → number;
 * - bytes → number of bytes (`-m 32m` → 33554432; `--memory-swap -1` → -1);
 * - decimal → NanoCPUs, an integer (`--cpus 1.5` → 1500000000);
 * - duration → nanoseconds (`--health-interval 5s` → 5e9);
 * - every repeatable kind → string[], each value as docker/cli stores it after
 *   its check (`-e FOO` looked up in the client's environment, `--add-host
 *   a=1.2.3.4` → `a:1.2.3.4`, `--filter Name=x` → `name=x`), in order.
 */
export type FlagValue = boolean | string | number | string[];

export interface ParsedFlags {
  /** By long name. Every flag of the command is present (its default when not given). */
  values: Record<string, FlagValue>;
  /** Long names given on the command line. */
  changed: Set<string>;
}

export interface Parsed {
  spec: CommandSpec;
  flags: ParsedFlags;
  args: string[];
}
