/**
 * BuildKit's Dockerfile build checks — what `docker build --check` lists and
 * what a normal `docker build` prints as "N warnings found" — as a pure
 * function over the Dockerfile text (BuildKit's frontend/dockerfile/linter and
 * the checks dockerfile2llb/convert.go runs while it turns stages into LLB).
 *
 *     const r = lintDockerfile('FROM alpine as base\nCMD echo hi\n');
 *     r.warnings.map(shortWarning);
 *     // ["FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)",
 *     //  'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 2)']
 *
 * The walk follows BuildKit's toDispatchState step by step, so the warnings
 * come out in the order BuildKit emits them (the order of a build's progress
 * stream and of `--call=check,format=json`); `sortWarnings` gives the order
 * `docker build --check` prints them in.
 *
 *   1. the `check` configuration: `# check=skip=A,B;error=true;experimental=C`
 *      at the top of the file, replaced entirely by the build arg
 *      BUILDKIT_DOCKERFILE_CHECK when that is given;
 *   2. NoEmptyContinuation (from the parser);
 *   3. each instruction: MaintainerDeprecated, StageNameCasing, FromAsCasing;
 *   4. ReservedStageName, DuplicateStageName; ConsistentInstructionCasing;
 *      InvalidDefaultArgInFrom;
 *   5. each FROM: UndefinedArgInFrom (image, then --platform),
 *      RedundantTargetPlatform, FromPlatformFlagConstDisallowed;
 *   6. each stage dispatched (every stage for a check without a target, only
 *      the stages the target needs otherwise), command by command: UndefinedVar
 *      (from variable expansion), LegacyKeyValueFormat, SecretsUsedInArgOrEnv,
 *      WorkdirRelativePath, MultipleInstructionsDisallowed, JSONArgsRecommended,
 *      ExposeProtoCasing, ExposeInvalidFormat.
 *
 * A `# check=skip=…` comment directly above an instruction (below the first
 * one; at the very top it is the file's directive) adds to the file's skip
 * list for that instruction's checks only — above a FROM, for the FROM's own
 * checks (steps 3 and 5), not the stage's commands. The checks of steps 2 and
 * 4 honour only the file's configuration. All as in BuildKit.
 *
 * Rules implemented (all of BuildKit's that can be decided from the text):
 *   StageNameCasing, FromAsCasing, NoEmptyContinuation,
 *   ConsistentInstructionCasing, DuplicateStageName, ReservedStageName,
 *   JSONArgsRecommended, MaintainerDeprecated, UndefinedArgInFrom,
 *   WorkdirRelativePath, UndefinedVar, MultipleInstructionsDisallowed,
 *   LegacyKeyValueFormat, InvalidDefaultArgInFrom,
 *   FromPlatformFlagConstDisallowed, RedundantTargetPlatform,
 *   SecretsUsedInArgOrEnv, ExposeProtoCasing, ExposeInvalidFormat.
 * Rules skipped:
 *   CopyIgnoredFile           needs the build context's .dockerignore;
 *   InvalidBaseImagePlatform  needs the pulled base image's platform;
 *   InvalidDefinitionDescription  experimental (runs only with
 *                             `# check=experimental=…`); not implemented —
 *                             the `experimental` option is parsed and ignored.
 *
 * What cannot be known from the text:
 * - A base image's config. UndefinedVar needs the image's Env (BuildKit
 *   resolves the image first), JSONArgsRecommended its Shell, and its ONBUILD
 *   triggers run in the stage. Pass `baseImage` to supply them. When it is not
 *   given, or returns undefined for an image, the image's Env is treated as
 *   unknown: any variable not defined in the Dockerfile may come from it, so
 *   UndefinedVar is not reported in that stage (nor in stages built on it);
 *   its Shell is taken as unset and its triggers as none. `scratch` is known:
 *   its only variable is PATH.
 * - Named contexts (`--build-context`) are not modelled: every FROM name that
 *   is not an earlier stage is an image.
 * - The target platform defaults to linux/amd64 (TARGETPLATFORM and friends).
 *
 * Where BuildKit stops with an error (an unknown instruction, a blank base
 * name, a bad platform, an unknown target, COPY --from a later stage, a bad
 * `${…}`), `error` says so and the warnings are those emitted before it, as
 * BuildKit reports them. Errors BuildKit only finds while solving (missing
 * files, pull failures) and some dispatch-time checks (signal names, port
 * numbers) are not looked for.
 */
import { EngineError } from '../errors.ts';
import { parseNormalizedNamed } from '../image/reference.ts';
import type * as C from './parse-commands.ts';
import { DirectiveParser, findDirective } from './parse-directives.ts';
import { DockerfileError, type ParseWarning } from './parse-errors.ts';
import { goQuote, parseGoBool, suggest } from './parse-go.ts';
import { parseInstruction } from './parse-instructions.ts';
import { expandWords, processWord, type LexOptions } from './parse-lex.ts';
import { parseMount } from './parse-mount.ts';
import { parseDockerfile, type Instruction, type ParsedDockerfile } from './parser.ts';

// ---------------------------------------------------------------------------
// The rules (linter/ruleset.go), word for word.

export interface LintRule {
  name: string;
  description: string;
  /** '' for InvalidBaseImagePlatform, which has none. */
  url: string;
  experimental?: boolean;
}

const rule = (name: string, description: string, url: string, experimental = false): LintRule =>
  experimental ? { name, description, url, experimental } : { name, description, url };

const RULE_URL = 'https://docs.docker.com/go/dockerfile/rule/';

/** Every rule of BuildKit's ruleset, implemented or not, by name. */
export const LINT_RULES = {
  StageNameCasing: rule('StageNameCasing', 'Stage names should be lowercase', `${RULE_URL}stage-name-casing/`),
  FromAsCasing: rule('FromAsCasing', "The 'as' keyword should match the case of the 'from' keyword", `${RULE_URL}from-as-casing/`),
  NoEmptyContinuation: rule('NoEmptyContinuation', 'Empty continuation lines will become errors in a future release', `${RULE_URL}no-empty-continuation/`),
  ConsistentInstructionCasing: rule(
    'ConsistentInstructionCasing',
    'All commands within the Dockerfile should use the same casing (either upper or lower)',
    `${RULE_URL}consistent-instruction-casing/`,
  ),
  DuplicateStageName: rule('DuplicateStageName', 'Stage names should be unique', `${RULE_URL}duplicate-stage-name/`),
  ReservedStageName: rule('ReservedStageName', 'Reserved words should not be used as stage names', `${RULE_URL}reserved-stage-name/`),
  JSONArgsRecommended: rule(
    'JSONArgsRecommended',
    'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
    `${RULE_URL}json-args-recommended/`,
  ),
  MaintainerDeprecated: rule(
    'MaintainerDeprecated',
    'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
    `${RULE_URL}maintainer-deprecated/`,
  ),
  UndefinedArgInFrom: rule('UndefinedArgInFrom', 'FROM command must use declared ARGs', `${RULE_URL}undefined-arg-in-from/`),
  WorkdirRelativePath: rule(
    'WorkdirRelativePath',
    'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
    `${RULE_URL}workdir-relative-path/`,
  ),
  UndefinedVar: rule('UndefinedVar', 'Variables should be defined before their use', `${RULE_URL}undefined-var/`),
  MultipleInstructionsDisallowed: rule(
    'MultipleInstructionsDisallowed',
    'Multiple instructions of the same type should not be used in the same stage',
    `${RULE_URL}multiple-instructions-disallowed/`,
  ),
  LegacyKeyValueFormat: rule(
    'LegacyKeyValueFormat',
    'Legacy key/value format with whitespace separator should not be used',
    `${RULE_URL}legacy-key-value-format/`,
  ),
  InvalidBaseImagePlatform: rule('InvalidBaseImagePlatform', 'Base image platform does not match expected target platform', ''),
  RedundantTargetPlatform: rule(
    'RedundantTargetPlatform',
    'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
    `${RULE_URL}redundant-target-platform/`,
  ),
  SecretsUsedInArgOrEnv: rule(
    'SecretsUsedInArgOrEnv',
    'Sensitive data should not be used in the ARG or ENV commands',
    `${RULE_URL}secrets-used-in-arg-or-env/`,
  ),
  InvalidDefaultArgInFrom: rule(
    'InvalidDefaultArgInFrom',
    'Default value for global ARG results in an empty or invalid base image name',
    `${RULE_URL}invalid-default-arg-in-from/`,
  ),
  FromPlatformFlagConstDisallowed: rule(
    'FromPlatformFlagConstDisallowed',
    'FROM --platform flag should not use a constant value',
    `${RULE_URL}from-platform-flag-const-disallowed/`,
  ),
  CopyIgnoredFile: rule('CopyIgnoredFile', 'Attempting to Copy file that is excluded by .dockerignore', `${RULE_URL}copy-ignored-file/`),
  InvalidDefinitionDescription: rule(
    'InvalidDefinitionDescription',
    'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.',
    `${RULE_URL}invalid-definition-description/`,
    true,
  ),
  ExposeProtoCasing: rule('ExposeProtoCasing', 'Protocol in EXPOSE instruction should be lowercase', `${RULE_URL}expose-proto-casing/`),
  ExposeInvalidFormat: rule(
    'ExposeInvalidFormat',
    'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
    `${RULE_URL}expose-invalid-format/`,
  ),
} as const satisfies Record<string, LintRule>;

export type LintRuleName = keyof typeof LINT_RULES;

/** The Format functions of ruleset.go. */
const FORMAT = {
  StageNameCasing: (stageName: string) => `Stage name '${stageName}' should be lowercase`,
  FromAsCasing: (from: string, as: string) => `'${as}' and '${from}' keywords' casing do not match`,
  NoEmptyContinuation: () => 'Empty continuation line',
  ConsistentInstructionCasing: (violating: string, correct: string) =>
    `Command '${violating}' should match the case of the command majority (${correct})`,
  DuplicateStageName: (stageName: string) => `Duplicate stage name ${goQuote(stageName)}, stage names should be unique`,
  ReservedStageName: (stageName: string) => `Stage name should not use the same name as reserved stage ${goQuote(stageName)}`,
  JSONArgsRecommended: (instruction: string) =>
    `JSON arguments recommended for ${instruction} to prevent unintended behavior related to OS signals`,
  MaintainerDeprecated: () => 'Maintainer instruction is deprecated in favor of using label',
  UndefinedArgInFrom: (arg: string, suggestion: string) =>
    `FROM argument '${arg}' is not declared` + (suggestion !== '' ? ` (did you mean ${suggestion}?)` : ''),
  WorkdirRelativePath: (workdir: string) => `Relative workdir ${goQuote(workdir)} can have unexpected results if the base image changes`,
  UndefinedVar: (arg: string, suggestion: string) =>
    `Usage of undefined variable '$${arg}'` + (suggestion !== '' ? ` (did you mean $${suggestion}?)` : ''),
  MultipleInstructionsDisallowed: (instruction: string) =>
    `Multiple ${instruction} instructions should not be used in the same stage because only the last one will be used`,
  LegacyKeyValueFormat: (cmd: string) => `"${cmd} key=value" should be used instead of legacy "${cmd} key value" format`,
  RedundantTargetPlatform: (platformVar: string) =>
    `Setting platform to predefined ${platformVar} in FROM is redundant as this is the default behavior`,
  SecretsUsedInArgOrEnv: (instruction: string, key: string) =>
    `Do not use ARG or ENV instructions for sensitive data (${instruction} ${goQuote(key)})`,
  InvalidDefaultArgInFrom: (baseName: string) => `Default value for ARG ${baseName} results in empty or invalid base image name`,
  FromPlatformFlagConstDisallowed: (platform: string) => `FROM --platform flag should not use constant value ${goQuote(platform)}`,
  ExposeProtoCasing: (port: string) => `Defined protocol '${port}' in EXPOSE instruction should be lowercase`,
  ExposeInvalidFormat: (port: string) => `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`,
} as const;

// ---------------------------------------------------------------------------
// Public API.

export interface LintWarning {
  /** The rule's name: 'FromAsCasing'. */
  rule: string;
  /** The rule's Description. */
  description: string;
  /** https://docs.docker.com/go/dockerfile/rule/<kebab-name>/ */
  url: string;
  /** The formatted message: what BuildKit prints after "RuleName: ". */
  detail: string;
  /** 1-based first line of the instruction it concerns. */
  line: number;
  endLine: number;
}

/** Where BuildKit would stop with an error; the warnings before it still count. */
export interface LintError {
  message: string;
  line: number;
  endLine: number;
}

export interface LintResult {
  warnings: LintWarning[];
  /** `skip=all` in the check configuration. */
  skipAll: boolean;
  /** `error=true`: a build fails when there are warnings (see lintViolationError). */
  errorOnWarnings: boolean;
  /** Set when BuildKit would stop with an error (including a bad check configuration). */
  error?: LintError;
}

/** What is known of a base image's config (OCI config field names' meaning). */
export interface BaseImageConfig {
  /** `KEY=value` entries. */
  env?: readonly string[];
  shell?: readonly string[];
  /** ONBUILD triggers, each an instruction's text. */
  onBuild?: readonly string[];
}

export interface LintOptions {
  /** The stage to build (`--target`); the last stage when not given. */
  target?: string;
  /** `--build-arg`s; a null value (an unset `--build-arg NAME`) is ignored, as the daemon does. */
  buildArgs?: Record<string, string | null>;
  /**
   * 'check' (default): `docker build --check` — without a target every stage
   * is checked. 'build': the warnings of a build, which only dispatches the
   * stages the target needs.
   */
  mode?: 'check' | 'build';
  /** TARGETPLATFORM; defaults to `buildPlatform`. */
  targetPlatform?: string;
  /** BUILDPLATFORM; defaults to linux/amd64. */
  buildPlatform?: string;
  /**
   * A base image's config, by the image reference as the FROM line names it
   * after ARG substitution ('alpine:3.20'); undefined when unknown.
   */
  baseImage?: (ref: string) => BaseImageConfig | undefined;
}

/** BuildKit's warning line (linter.LintFormatShort): `RuleName: detail (line N)`. */
export function shortWarning(w: Pick<LintWarning, 'rule' | 'detail' | 'line'>): string {
  const msg = `${w.rule}: ${w.detail}`;
  return w.line > 0 ? `${msg} (line ${w.line})` : msg;
}

/**
 * The order `docker build --check` prints warnings in (lint.LintResults.PrintTo):
 * by first line; equal lines keep their order.
 */
export function sortWarnings(warnings: readonly LintWarning[]): LintWarning[] {
  return [...warnings].sort((a, b) => a.line - b.line);
}

/**
 * The error a build with `# check=error=true` fails with once it has warnings
 * (linter.Error); rules in the order first seen (BuildKit's order is a Go map's).
 */
export function lintViolationError(result: Pick<LintResult, 'warnings' | 'errorOnWarnings'>): string | undefined {
  if (!result.errorOnWarnings || result.warnings.length === 0) return undefined;
  const rules = [...new Set(result.warnings.map((w) => w.rule))];
  return `lint violation found for rules: ${rules.join(', ')}`;
}

/** The check configuration (linter.Config). */
export interface CheckConfig {
  skipAll: boolean;
  skipRules: string[];
  experimentalAll: boolean;
  experimentalRules: string[];
  errorOnWarnings: boolean;
}

/** linter.ParseLintOptions: `skip=A,B|all;error=true;experimental=C|all`. Throws with BuildKit's message. */
export function parseCheckOptions(text: string): CheckConfig {
  const config: CheckConfig = { skipAll: false, skipRules: [], experimentalAll: false, experimentalRules: [], errorOnWarnings: false };
  const checkStr = text.trim();
  if (checkStr === '') return config;
  for (const p of splitN(checkStr, ';', 3)) {
    const eq = p.indexOf('=');
    if (eq < 0) throw new Error(`invalid check option ${goQuote(p)}`);
    const k = p.slice(0, eq).trim();
    const v = p.slice(eq + 1).trim();
    switch (k) {
      case 'skip':
        if (v === 'all') config.skipAll = true;
        else config.skipRules = v.split(',').map((s) => s.trim());
        break;
      case 'experimental':
        if (v === 'all') config.experimentalAll = true;
        else config.experimentalRules = v.split(',').map((s) => s.trim());
        break;
      case 'error': {
        const b = parseGoBool(v);
        if (b === undefined) throw new Error(`failed to parse check option ${goQuote(p)}: strconv.ParseBool: parsing ${goQuote(v)}: invalid syntax`);
        config.errorOnWarnings = b;
        break;
      }
      default:
        throw new Error(`invalid check option ${goQuote(k)}`);
    }
  }
  return config;
}

/** Go's strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const parts = s.split(sep);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

// ---------------------------------------------------------------------------
// The linter (linter.Linter): the configuration in force and where warnings go.

class Linter {
  constructor(
    private readonly config: Readonly<{ skipAll: boolean; skip: ReadonlySet<string> }>,
    private readonly out: LintWarning[],
  ) {}

  static create(config: CheckConfig, out: LintWarning[]): Linter {
    return new Linter({ skipAll: config.skipAll, skip: new Set(config.skipRules) }, out);
  }

  run(name: Exclude<LintRuleName, 'InvalidDefinitionDescription'>, lines: Lines, detail: string): void {
    const r = LINT_RULES[name];
    if (this.config.skipAll || this.config.skip.has(name)) return;
    this.out.push({ rule: r.name, description: r.description, url: r.url, detail, line: lines.startLine, endLine: lines.endLine });
  }

  /** WithMergedConfigFromComments: the first `check=…` comment adds its skips (an invalid one is ignored). */
  withComments(comments: readonly string[]): Linter {
    for (const comment of comments) {
      let d;
      try {
        d = new DirectiveParser('').parseLine(comment);
      } catch {
        continue;
      }
      if (!d || d.name !== 'check') continue;
      let extra: CheckConfig;
      try {
        extra = parseCheckOptions(cutSpace(d.value));
      } catch {
        return this;
      }
      if (!extra.skipAll && extra.skipRules.length === 0) return this;
      return new Linter({ skipAll: this.config.skipAll || extra.skipAll, skip: new Set([...this.config.skip, ...extra.skipRules]) }, this.out);
    }
    return this;
  }
}

interface Lines {
  startLine: number;
  endLine: number;
}

/** strings.Cut(v, " "): the part before the first space. */
const cutSpace = (v: string) => (v.includes(' ') ? v.slice(0, v.indexOf(' ')) : v);

// ---------------------------------------------------------------------------
// Variables: BuildKit's llb.EnvList keeps keys in the order last set.

class EnvList {
  private readonly map = new Map<string, string>();
  constructor(from?: EnvList) {
    if (from) for (const [k, v] of from.map) this.map.set(k, v);
  }
  set(key: string, value: string): this {
    this.map.delete(key);
    this.map.set(key, value);
    return this;
  }
  get(key: string): string | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  keys(): string[] {
    return [...this.map.keys()];
  }
  readonly lookup = (name: string): string | undefined => this.map.get(name);
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const RESERVED_STAGE_NAMES = new Set(['context', 'scratch']);
const SCRATCH = 'scratch';
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const SECRET_ALLOWED = /(?:_|^)(?:public|file|version)(?:_|$)/i;

const keyOf = (entry: string) => (entry.includes('=') ? entry.slice(0, entry.indexOf('=')) : entry);
const valueOf = (entry: string) => (entry.includes('=') ? entry.slice(entry.indexOf('=') + 1) : '');

/** An error that stops the walk, at the lines BuildKit reports it. */
class Stop extends Error {
  constructor(message: string, readonly lines: Lines) {
    super(message);
  }
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

// ---------------------------------------------------------------------------
// Platforms (containerd/platforms Parse, as far as the checks need it).

interface Platform {
  os: string;
  architecture: string;
  variant: string;
}

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'windows', 'zos']);
const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);
const OS_RE = '^([A-Za-z0-9_-]+)(?:\\(([A-Za-z0-9_.%-]*)((?:\\+[A-Za-z0-9_.%-]+)*)\\))?$';
const SPECIFIER_RE = '^[A-Za-z0-9_.-]+$';

function normalizeArch(arch: string, variant: string): [string, string] {
  arch = arch.toLowerCase();
  variant = variant.toLowerCase();
  switch (arch) {
    case 'i386':
      return ['386', ''];
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return ['amd64', variant === 'v1' ? '' : variant];
    case 'aarch64':
    case 'arm64':
      if (['8', 'v8', 'v8.0'].includes(variant)) variant = '';
      else if (['9', '9.0', 'v9.0'].includes(variant)) variant = 'v9';
      return ['arm64', variant];
    case 'armhf':
      return ['arm', 'v7'];
    case 'armel':
      return ['arm', 'v6'];
    case 'arm':
      if (variant === '' || variant === '7') variant = 'v7';
      else if (['5', '6', '8'].includes(variant)) variant = 'v' + variant;
      return ['arm', variant];
  }
  return [arch, variant];
}

/** platforms.Parse; `host` fills what a one-word specifier leaves out. Throws with containerd's message. */
function parsePlatform(spec: string, host: Platform): Platform {
  const invalid = (msg: string) => new Error(`${msg}: invalid argument`);
  if (spec.includes('*')) throw invalid(`${goQuote(spec)}: wildcards not yet supported`);
  const parts = splitN(spec, '/', 4);
  const p: Platform = { os: '', architecture: '', variant: '' };
  for (const [i, part] of parts.entries()) {
    if (i === 0) {
      const m = new RegExp(OS_RE).exec(part);
      if (!m) throw invalid(`${goQuote(part)} is an invalid OS component of ${goQuote(spec)}: OSAndVersion specifier component must match ${goQuote(OS_RE)}`);
      p.os = m[1]!.toLowerCase() === 'macos' ? 'darwin' : m[1]!.toLowerCase();
    } else if (!new RegExp(SPECIFIER_RE).test(part)) {
      throw invalid(`${goQuote(part)} is an invalid component of ${goQuote(spec)}: platform specifier component must match ${goQuote(SPECIFIER_RE)}`);
    }
  }
  switch (parts.length) {
    case 1: {
      if (KNOWN_OS.has(p.os)) return { os: p.os, architecture: host.architecture, variant: '' };
      let [arch, variant] = normalizeArch(parts[0]!, '');
      if (arch === 'arm' && variant === 'v7') variant = '';
      if (KNOWN_ARCH.has(arch)) return { os: host.os, architecture: arch, variant };
      throw invalid(`${goQuote(spec)}: unknown operating system or architecture`);
    }
    case 2: {
      let [arch, variant] = normalizeArch(parts[1]!, '');
      if (arch === 'arm' && variant === 'v7') variant = '';
      return { os: p.os, architecture: arch, variant };
    }
    case 3: {
      let [arch, variant] = normalizeArch(parts[1]!, parts[2]!);
      if (arch === 'arm64' && variant === '') variant = 'v8';
      return { os: p.os, architecture: arch, variant };
    }
  }
  throw invalid(`${goQuote(spec)}: cannot parse platform specifier`);
}

const formatPlatform = (p: Platform) => [p.os, p.architecture, p.variant].filter((x) => x !== '').join('/');

// ---------------------------------------------------------------------------
// Stages as dispatchStates holds them.

interface Cmd {
  cmd: C.Command;
  /** The stages it reads from (COPY --from, RUN --mount from=…), as toCommand finds them. */
  sources: State[];
}

interface State {
  stage: C.Stage | undefined;
  /** The FROM name after ARG substitution (or the COPY --from / mount source for an unregistered one). */
  baseName: string;
  /** Stage name, or `stage-N` for an unnamed one. */
  stageName: string;
  lines: Lines;
  base: State | undefined;
  deps: Map<State, C.Command>;
  commands: Cmd[];
  unregistered: boolean;
  dispatched: boolean;
  triggersDone: boolean;
  // What dispatching tracks.
  env: EnvList;
  /** The base image's Env is unknown: a variable not defined here may come from it. */
  envOpen: boolean;
  imageEnv: string[];
  shell: readonly string[];
  imageOnBuild: readonly string[];
  workdirSet: boolean;
  buildArgs: string[];
  entrypoint: Lines | undefined;
  cmd: Lines | undefined;
  healthcheck: Lines | undefined;
}

function newState(fields: Partial<State> & Pick<State, 'baseName' | 'stageName' | 'lines'>): State {
  return {
    stage: undefined, base: undefined, deps: new Map(), commands: [], unregistered: false, dispatched: false, triggersDone: false,
    env: new EnvList(), envOpen: false, imageEnv: [], shell: [], imageOnBuild: [], workdirSet: false, buildArgs: [],
    entrypoint: undefined, cmd: undefined, healthcheck: undefined,
    ...fields,
  };
}

class States {
  readonly list: State[] = [];
  private readonly byName = new Map<string, State>();
  add(s: State): void {
    this.list.push(s);
    const base = this.byName.get(s.baseName);
    if (base) s.base = base;
    if (s.stage && s.stage.name !== '') this.byName.set(s.stage.name.toLowerCase(), s);
  }
  byStageName(name: string): State | undefined {
    return this.byName.get(name.toLowerCase());
  }
  names(): string[] {
    return this.list.filter((s) => s.stageName !== '').map((s) => s.stageName);
  }
}

// ---------------------------------------------------------------------------
// The walk (dockerfile2llb.toDispatchState).

/**
 * The build checks BuildKit runs on `text`, in the order it reports them.
 * Never throws: a bad Dockerfile or check configuration comes back as `error`.
 */
export function lintDockerfile(text: string, opts: LintOptions = {}): LintResult {
  const warnings: LintWarning[] = [];
  const buildArgs = new Map<string, string>();
  for (const [k, v] of Object.entries(opts.buildArgs ?? {})) if (v !== null && v !== undefined) buildArgs.set(k, v);

  // The configuration: BUILDKIT_DOCKERFILE_CHECK replaces the file's directive.
  let config: CheckConfig;
  try {
    const fromArg = buildArgs.get('BUILDKIT_DOCKERFILE_CHECK');
    if (fromArg !== undefined) {
      try {
        config = parseCheckOptions(fromArg);
      } catch (err) {
        throw new Error(`failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: ${messageOf(err)}`);
      }
    } else {
      try {
        config = parseCheckOptions(findDirective('check', text)?.value ?? '');
      } catch (err) {
        throw new Error(`failed to parse check options: ${messageOf(err)}`);
      }
    }
  } catch (err) {
    return { warnings, skipAll: false, errorOnWarnings: false, error: { message: messageOf(err), line: 0, endLine: 0 } };
  }
  const result: LintResult = { warnings, skipAll: config.skipAll, errorOnWarnings: config.errorOnWarnings };
  try {
    walk(text, opts, buildArgs, Linter.create(config, warnings));
  } catch (err) {
    if (err instanceof Stop) result.error = { message: err.message, ...lineRange(err.lines) };
    else if (err instanceof DockerfileError) result.error = { message: err.message, line: err.startLine, endLine: err.endLine };
    else if (err instanceof EngineError) result.error = { message: err.message, line: 0, endLine: 0 };
    else throw err;
  }
  return result;
}

const lineRange = (l: Lines) => ({ line: l.startLine, endLine: l.endLine });

function walk(text: string, opts: LintOptions, buildArgs: Map<string, string>, lint: Linter): void {
  if (text.length === 0) throw new Stop('the Dockerfile cannot be empty', { startLine: 0, endLine: 0 });
  const parsed = parseDockerfile(text);
  const lex: LexOptions = { escapeToken: parsed.escapeToken };

  // Empty continuation lines, from the parser.
  for (const w of parsed.warnings) if (w.rule === 'NoEmptyContinuation') lint.run('NoEmptyContinuation', w, FORMAT.NoEmptyContinuation());

  const { stages, metaArgs } = parseStages(parsed, lint);
  if (stages.length === 0) throw new Stop('dockerfile contains no stages to build', { startLine: 0, endLine: 0 });
  validateStageNames(stages, lint);
  validateCommandCasing(stages, lint);

  const buildPlatform = parsePlatformOption(opts.buildPlatform ?? 'linux/amd64');
  const targetPlatform = opts.targetPlatform !== undefined ? parsePlatformOption(opts.targetPlatform) : buildPlatform;
  const targetName = opts.target !== undefined && opts.target !== '' ? opts.target : stages[stages.length - 1]!.name;
  const defaults = defaultArgs(buildPlatform, targetPlatform, buildArgs, targetName);

  validateBaseImagesWithDefaultArgs(stages, lex, defaults, metaArgs, lint);

  const meta = buildMetaArgs(defaults, lex, metaArgs, buildArgs);
  const globalArgs = meta.args;
  const fromArgKeys = [...meta.declared, ...globalArgs.keys()];

  // buildDispatchStates: each FROM against the meta ARGs.
  const states = new States();
  for (const [i, st] of stages.entries()) {
    const stLint = lint.withComments(st.comments);
    const loc: Lines = st;
    let nameMatch;
    try {
      nameMatch = processWord(st.baseName, globalArgs.lookup, lex);
    } catch (err) {
      throw new Stop(messageOf(err), loc);
    }
    reportUnusedFromArgs(fromArgKeys, nameMatch.unmatched, loc, stLint);
    if (nameMatch.result === '') throw new Stop(`base name (${st.baseName}) should not be blank`, loc);

    if (st.platform !== '') {
      let platMatch;
      try {
        platMatch = processWord(st.platform, globalArgs.lookup, lex);
      } catch (err) {
        throw new Stop(`failed to process arguments for platform : ${messageOf(err)}`, loc);
      }
      reportUnusedFromArgs(fromArgKeys, platMatch.unmatched, loc, stLint);
      reportRedundantTargetPlatform(st.platform, platMatch, loc, globalArgs, stLint);
      reportConstPlatformDisallowed(st.name, platMatch, loc, buildPlatform, stLint);
      const withSuggestion = (message: string) => {
        for (const k of platMatch.unmatched) {
          const match = suggest(k, globalArgs.keys(), true);
          if (match !== undefined) return `${message} (did you mean ${match}?)`;
        }
        return message;
      };
      if (platMatch.result === '') throw new Stop(withSuggestion(`empty platform value from expression ${st.platform}`), loc);
      try {
        parsePlatform(platMatch.result, buildPlatform);
      } catch (err) {
        throw new Stop(`failed to parse platform ${st.platform}: ${withSuggestion(messageOf(err))}`, loc);
      }
    }

    states.add(newState({ stage: st, baseName: nameMatch.result, stageName: st.name !== '' ? st.name : `stage-${i}`, lines: loc }));
  }

  // resolveTarget
  let target: State;
  if (opts.target === undefined || opts.target === '') target = states.list[states.list.length - 1]!;
  else {
    const found = states.byStageName(opts.target);
    if (!found) {
      const match = suggest(opts.target, states.names(), true);
      throw new Stop(`target stage ${goQuote(opts.target)} could not be found` + (match !== undefined ? ` (did you mean ${match}?)` : ''), { startLine: 0, endLine: 0 });
    }
    target = found;
  }

  // buildStageDependencyGraph
  for (const d of [...states.list]) {
    d.commands = (d.stage?.commands ?? []).map((cmd) => toCommand(cmd, states, d.lines, lex));
    for (const c of d.commands) addSources(d, c, states);
  }
  validateCircularDependency(states.list);

  // resolveStages: base images, then ONBUILD triggers of the stages the target needs.
  for (const d of states.list) {
    if (d.base || d.unregistered) continue;
    if (d.baseName === SCRATCH) {
      d.imageEnv = [`PATH=${DEFAULT_PATH}`];
      continue;
    }
    const image = opts.baseImage?.(d.baseName);
    if (image) {
      d.imageEnv = [...(image.env ?? [])];
      d.shell = [...(image.shell ?? [])];
      d.imageOnBuild = [...(image.onBuild ?? [])];
    } else d.envOpen = true;
  }
  for (;;) {
    let newDeps = false;
    for (const d of reachable(target)) {
      if (d.triggersDone) continue;
      d.triggersDone = true;
      const triggers = d.base ? d.base.commands.flatMap((c) => (c.cmd.name === 'onbuild' ? [c.cmd.expression] : [])) : d.imageOnBuild;
      if (triggers.length === 0) continue;
      const cmds = triggers.map((t) => parseTrigger(t, d, states, lex));
      for (const c of cmds) if (addSources(d, c, states)) newDeps = true;
      d.commands = [...cmds, ...d.commands];
    }
    if (!newDeps) break;
  }

  // dispatchStages
  const allStages = (opts.mode ?? 'check') === 'check' && (opts.target === undefined || opts.target === '');
  const needed = reachable(target);
  const ctx: DispatchContext = { lex, globalArgs, buildArgs, lint };
  for (const d of [...states.list]) {
    if (!allStages && (!needed.has(d) || d.dispatched)) continue;
    initFromBase(d);
    d.dispatched = true;
    if (!d.imageEnv.some((e) => keyOf(e) === 'PATH')) d.imageEnv.push(`PATH=${DEFAULT_PATH}`);
    for (const e of d.imageEnv) d.env.set(keyOf(e), valueOf(e));
    for (const c of d.commands) {
      try {
        dispatch(d, c, ctx);
      } catch (err) {
        if (err instanceof Stop) throw err;
        throw new Stop(messageOf(err), c.cmd);
      }
    }
  }
}

function parsePlatformOption(spec: string): Platform {
  try {
    return parsePlatform(spec, { os: 'linux', architecture: 'amd64', variant: '' });
  } catch (err) {
    throw new Stop(messageOf(err), { startLine: 0, endLine: 0 });
  }
}

/** instructions.Parse with the linter: each instruction checked, grouped into stages; stops at the first error. */
function parseStages(parsed: ParsedDockerfile, lint: Linter): { stages: C.Stage[]; metaArgs: C.ArgCommand[] } {
  const stages: C.Stage[] = [];
  const metaArgs: C.ArgCommand[] = [];
  for (const node of parsed.instructions) {
    const nodeLint = lint.withComments(node.comments);
    const found: ParseWarning[] = [];
    let cmd: C.Command | C.Stage;
    try {
      cmd = parseInstruction(node, found);
    } catch (err) {
      reportParseWarnings(found, nodeLint);
      throw new DockerfileError(`dockerfile parse error on line ${node.startLine}: ${messageOf(err)}`, node.startLine, node.endLine);
    }
    reportParseWarnings(found, nodeLint);
    if ('commands' in cmd) {
      stages.push(cmd);
      continue;
    }
    if (stages.length === 0) {
      if (cmd.name === 'arg') {
        metaArgs.push(cmd);
        continue;
      }
      throw new DockerfileError('no build stage in current context', node.startLine, node.endLine);
    }
    stages[stages.length - 1]!.commands.push(cmd);
  }
  return { stages, metaArgs };
}

function reportParseWarnings(found: ParseWarning[], lint: Linter): void {
  for (const w of found) {
    if (w.rule === 'MaintainerDeprecated' || w.rule === 'StageNameCasing' || w.rule === 'FromAsCasing') lint.run(w.rule, w, w.message);
  }
}

function validateStageNames(stages: C.Stage[], lint: Linter): void {
  const seen = new Set<string>();
  for (const st of stages) {
    if (st.name === '') continue;
    if (RESERVED_STAGE_NAMES.has(st.name)) lint.run('ReservedStageName', st, FORMAT.ReservedStageName(st.name));
    if (seen.has(st.name)) lint.run('DuplicateStageName', st, FORMAT.DuplicateStageName(st.name));
    seen.add(st.name);
  }
}

const selfConsistent = (s: string) => s === s.toLowerCase() || s === s.toUpperCase();

function validateCommandCasing(stages: C.Stage[], lint: Linter): void {
  let lower = 0;
  let upper = 0;
  const count = (name: string) => {
    if (!selfConsistent(name)) return;
    if (name === name.toLowerCase()) lower++;
    else upper++;
  };
  for (const st of stages) {
    count(st.origCmd);
    for (const c of st.commands) count(c.command);
  }
  const majorityLower = lower > upper;
  const check = (name: string, lines: Lines) => {
    let correct = '';
    if (majorityLower && name.toLowerCase() !== name) correct = 'lowercase';
    else if (!majorityLower && name.toUpperCase() !== name) correct = 'uppercase';
    if (correct !== '') lint.run('ConsistentInstructionCasing', lines, FORMAT.ConsistentInstructionCasing(name, correct));
  };
  for (const st of stages) {
    check(st.origCmd, st);
    for (const c of st.commands) check(c.command, c);
  }
}

/** defaultArgs: the platform variables and TARGETSTAGE, each overridable by a build arg. */
function defaultArgs(build: Platform, target: Platform, buildArgs: Map<string, string>, targetName: string): EnvList {
  const env = new EnvList();
  const pairs: [string, string][] = [
    ['BUILDPLATFORM', formatPlatform(build)],
    ['BUILDOS', build.os],
    ['BUILDOSVERSION', ''],
    ['BUILDARCH', build.architecture],
    ['BUILDVARIANT', build.variant],
    ['TARGETPLATFORM', formatPlatform(target)],
    ['TARGETOS', target.os],
    ['TARGETOSVERSION', ''],
    ['TARGETARCH', target.architecture],
    ['TARGETVARIANT', target.variant],
    ['TARGETSTAGE', targetName === '' ? 'default' : targetName],
  ];
  for (const [k, v] of pairs) env.set(k, buildArgs.get(k) ?? v);
  return env;
}

/** buildMetaArgs: the meta ARGs' values (build args win over defaults); `declared` lists every meta ARG. */
function buildMetaArgs(defaults: EnvList, lex: LexOptions, metaArgs: C.ArgCommand[], buildArgs: Map<string, string> | undefined): { args: EnvList; declared: string[] } {
  const args = new EnvList(defaults);
  const declared: string[] = [];
  for (const cmd of metaArgs) {
    for (const a of cmd.args) {
      let value = a.value;
      const given = buildArgs?.get(a.key);
      if (given !== undefined) value = given;
      else if (value !== undefined) {
        try {
          value = processWord(value, args.lookup, lex).result;
        } catch (err) {
          throw new Stop(messageOf(err), cmd);
        }
      }
      if (value !== undefined) args.set(a.key, value);
      if (!declared.includes(a.key)) declared.push(a.key);
    }
  }
  return { args, declared };
}

function validateBaseImagesWithDefaultArgs(stages: C.Stage[], lex: LexOptions, defaults: EnvList, metaArgs: C.ArgCommand[], lint: Linter): void {
  let args: EnvList;
  try {
    args = buildMetaArgs(defaults, lex, metaArgs, undefined).args;
  } catch {
    return;
  }
  for (const st of stages) {
    let name: string;
    try {
      name = processWord(st.baseName, args.lookup, lex).result;
    } catch {
      return;
    }
    try {
      parseNormalizedNamed(name);
    } catch {
      lint.run('InvalidDefaultArgInFrom', st, FORMAT.InvalidDefaultArgInFrom(st.baseName));
    }
  }
}

function reportUnusedFromArgs(declared: string[], unmatched: Set<string>, loc: Lines, lint: Linter): void {
  for (const arg of unmatched) {
    if (declared.includes(arg)) continue;
    lint.run('UndefinedArgInFrom', loc, FORMAT.UndefinedArgInFrom(arg, suggest(arg, declared, true) ?? ''));
  }
}

function reportRedundantTargetPlatform(
  platformVar: string,
  m: { result: string; matched: Set<string>; unmatched: Set<string> },
  loc: Lines,
  env: EnvList,
  lint: Linter,
): void {
  if (m.matched.size !== 1 || m.unmatched.size !== 0 || !m.matched.has('TARGETPLATFORM')) return;
  if (m.result === (env.get('TARGETPLATFORM') ?? '')) lint.run('RedundantTargetPlatform', loc, FORMAT.RedundantTargetPlatform(platformVar));
}

function reportConstPlatformDisallowed(
  stageName: string,
  m: { result: string; matched: Set<string>; unmatched: Set<string> },
  loc: Lines,
  host: Platform,
  lint: Linter,
): void {
  if (m.matched.size > 0 || m.unmatched.size > 0) return;
  let p: Platform;
  try {
    p = parsePlatform(m.result, host);
  } catch {
    return;
  }
  if (stageName.includes(p.os) || stageName.includes(p.architecture)) return;
  lint.run('FromPlatformFlagConstDisallowed', loc, FORMAT.FromPlatformFlagConstDisallowed(m.result));
}

// ---------------------------------------------------------------------------
// The dependency graph.

const INDEX = /^[+-]?[0-9]+$/;

/** toCommand: the stages a command reads from. */
function toCommand(cmd: C.Command, states: States, stageLines: Lines, lex: LexOptions): Cmd {
  const sources: State[] = [];
  const unregistered = (baseName: string, lines: Lines) =>
    newState({ baseName, stageName: '', lines, unregistered: true, dispatched: true });
  if (cmd.name === 'copy' && cmd.from !== '') {
    let expanded: string;
    try {
      expanded = processWord(cmd.from, new Map(), lex).result;
    } catch (err) {
      throw new Stop(messageOf(err), cmd);
    }
    if (expanded !== cmd.from) {
      throw new Stop('variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround', cmd);
    }
    if (INDEX.test(cmd.from)) {
      const index = Number(cmd.from);
      const s = states.list[index];
      if (index < 0 || !s) throw new Stop(`invalid stage index ${index}`, cmd);
      sources.push(s);
    } else sources.push(states.byStageName(cmd.from) ?? unregistered(cmd.from, cmd));
  }
  if (cmd.name === 'run') {
    for (const m of cmd.mounts) {
      const from = m.from === '' ? SCRATCH : m.from;
      sources.push(states.byStageName(from) ?? unregistered(from, stageLines));
    }
  }
  return { cmd, sources };
}

/** Records a command's sources as dependencies; true when there were any. */
function addSources(d: State, c: Cmd, states: States): boolean {
  for (const src of c.sources) {
    d.deps.set(src, c.cmd);
    if (src.unregistered && !states.list.includes(src)) states.add(src);
  }
  return c.sources.length > 0;
}

function validateCircularDependency(states: State[]): void {
  const visited = new Set<State>();
  const path = new Set<State>();
  const visit = (s: State, current: C.Command[]): C.Command[] | undefined => {
    if (visited.has(s)) return undefined;
    visited.add(s);
    path.add(s);
    for (const [dep, c] of s.deps) {
      const next = [...current, c];
      if (path.has(dep)) return next;
      const found = visit(dep, next);
      if (found) return found;
    }
    path.delete(s);
    return undefined;
  };
  for (const s of states) {
    const cmds = visit(s, []);
    if (cmds) throw new Stop(`circular dependency detected on stage: ${s.stageName}`, cmds[0]!);
  }
}

function reachable(target: State): Set<State> {
  const out = new Set<State>();
  const add = (s: State) => {
    if (out.has(s)) return;
    out.add(s);
    if (s.base) add(s.base);
    for (const dep of s.deps.keys()) add(dep);
  };
  add(target);
  return out;
}

/** initOnBuildTriggers: one trigger parsed as a command of `d`, at its FROM line. */
function parseTrigger(trigger: string, d: State, states: States, lex: LexOptions): Cmd {
  let parsed: ParsedDockerfile;
  try {
    parsed = parseDockerfile(trigger);
  } catch (err) {
    throw new Stop(messageOf(err), d.lines);
  }
  if (parsed.instructions.length !== 1) throw new Stop('onbuild trigger should be a single expression', d.lines);
  const node: Instruction = { ...parsed.instructions[0]!, startLine: d.lines.startLine, endLine: d.lines.endLine };
  let cmd: C.Command | C.Stage;
  try {
    cmd = parseInstruction(node);
  } catch (err) {
    throw new Stop(messageOf(err), d.lines);
  }
  if ('commands' in cmd) throw new Stop('*instructions.Stage is not a command type', d.lines);
  return toCommand(cmd, states, d.lines, lex);
}

// ---------------------------------------------------------------------------
// Dispatch: the checks made while each command is turned into LLB.

interface DispatchContext {
  lex: LexOptions;
  globalArgs: EnvList;
  buildArgs: Map<string, string>;
  /** The file's configuration: a command's own comments add to it (not its FROM's). */
  lint: Linter;
}

/** dispatchState.init: a stage built on another starts from its state. */
function initFromBase(d: State): void {
  const b = d.base;
  if (!b) return;
  d.env = new EnvList(b.env);
  d.envOpen = b.envOpen;
  d.imageEnv = [...b.imageEnv];
  d.shell = b.shell;
  d.workdirSet = b.workdirSet;
  d.buildArgs = [...d.buildArgs, ...b.buildArgs];
}

function dispatch(d: State, c: Cmd, ctx: DispatchContext): void {
  const cmd = c.cmd;
  const cmdLint = ctx.lint.withComments(cmd.comments);
  const loc: Lines = cmd;

  /** The expander: substitutes with the stage's variables, reporting the unset ones (reportUnmatchedVariables). */
  const expander = (options: LexOptions) => (word: string): string => {
    let r;
    try {
      r = processWord(word, d.env.lookup, options);
    } catch (err) {
      if (d.envOpen) return word; // the base image may define what is missing
      throw err;
    }
    reportUnmatched(d, r.unmatched, loc, cmdLint);
    return r.result;
  };
  const word = expander(ctx.lex);
  const raw = expander({ skipProcessQuotes: true });

  switch (cmd.name) {
    case 'env': {
      const pairs = cmd.env.map((p) => ({ ...p, key: word(p.key), value: word(p.value) }));
      for (const p of pairs) {
        if (p.noDelim) cmdLint.run('LegacyKeyValueFormat', loc, FORMAT.LegacyKeyValueFormat(cmd.command));
        validateNoSecretKey('ENV', p.key, loc, cmdLint);
        d.env.set(p.key, p.value);
        const i = d.imageEnv.findIndex((e) => keyOf(e) === p.key);
        if (i >= 0) d.imageEnv[i] = `${p.key}=${p.value}`;
        else d.imageEnv.push(`${p.key}=${p.value}`);
      }
      return;
    }
    case 'label':
      for (const p of cmd.labels) {
        word(p.key);
        word(p.value);
      }
      for (const p of cmd.labels) if (p.noDelim) cmdLint.run('LegacyKeyValueFormat', loc, FORMAT.LegacyKeyValueFormat(cmd.command));
      return;
    case 'add':
      word(cmd.chown);
      word(cmd.chmod);
      word(cmd.checksum);
      cmd.sources.forEach(word);
      word(cmd.dest);
      for (const h of cmd.heredocs) if (h.expand) raw(h.data);
      return;
    case 'copy': {
      word(cmd.chown);
      word(cmd.chmod);
      cmd.sources.forEach(word);
      word(cmd.dest);
      for (const h of cmd.heredocs) if (h.expand) raw(h.data);
      const src = c.sources[0];
      if (src && !src.dispatched) {
        throw new Stop(`cannot copy from stage ${goQuote(cmd.from)}, it needs to be defined before current stage ${goQuote(d.stageName)}`, loc);
      }
      return;
    }
    case 'workdir': {
      const path = word(cmd.path);
      if (!d.workdirSet && !path.startsWith('/')) cmdLint.run('WorkdirRelativePath', loc, FORMAT.WorkdirRelativePath(path));
      d.workdirSet = true;
      return;
    }
    case 'user':
      word(cmd.user);
      return;
    case 'volume':
      cmd.volumes.forEach(word);
      return;
    case 'stopsignal':
      word(cmd.signal);
      return;
    case 'run': {
      let mounts;
      try {
        mounts = cmd.mountSpecs.map((spec) => parseMount(spec, word));
      } catch (err) {
        if (d.envOpen) return; // a variable from the base image may be what is missing
        throw err;
      }
      for (const [i, m] of mounts.entries()) {
        const from = m.from === '' && m.type === 'cache' ? SCRATCH : m.from;
        const src = c.sources[i];
        if (from !== '' && src && !src.dispatched) {
          throw new Stop(`cannot mount from stage ${goQuote(from)} to ${goQuote(m.target)}, stage needs to be defined before current command`, loc);
        }
      }
      return;
    }
    case 'cmd':
    case 'entrypoint': {
      const key = cmd.name === 'cmd' ? 'cmd' : 'entrypoint';
      validateUsedOnce(d, key, cmd, cmdLint);
      if (cmd.prependShell && d.shell.length === 0) cmdLint.run('JSONArgsRecommended', loc, FORMAT.JSONArgsRecommended(cmd.command));
      return;
    }
    case 'healthcheck':
      validateUsedOnce(d, 'healthcheck', cmd, cmdLint);
      return;
    case 'shell':
      d.shell = cmd.shell;
      return;
    case 'expose':
      dispatchExpose(d, cmd, ctx, cmdLint);
      return;
    case 'arg':
      dispatchArg(d, cmd, ctx, cmdLint);
      return;
    case 'maintainer':
    case 'onbuild':
      return;
  }
}

function reportUnmatched(d: State, unmatched: Set<string>, loc: Lines, lint: Linter): void {
  if (unmatched.size === 0 || d.envOpen) return;
  const left = [...unmatched].filter((v) => !d.buildArgs.includes(v));
  if (left.length === 0) return;
  const options = d.env.keys();
  for (const v of left) {
    if (NON_ENV_ARGS.has(v)) continue;
    lint.run('UndefinedVar', loc, FORMAT.UndefinedVar(v, suggest(v, options, true) ?? ''));
  }
}

function validateUsedOnce(d: State, key: 'cmd' | 'entrypoint' | 'healthcheck', cmd: C.Command, lint: Linter): void {
  const previous = d[key];
  // The earlier instruction is the one that will be ignored: it is where the warning points.
  if (previous) lint.run('MultipleInstructionsDisallowed', previous, FORMAT.MultipleInstructionsDisallowed(cmd.command));
  d[key] = { startLine: cmd.startLine, endLine: cmd.endLine };
}

function validateNoSecretKey(instruction: string, key: string, loc: Lines, lint: Linter): void {
  if (SECRET.test(key) && !SECRET_ALLOWED.test(key)) lint.run('SecretsUsedInArgOrEnv', loc, FORMAT.SecretsUsedInArgOrEnv(instruction, key));
}

function dispatchArg(d: State, cmd: C.ArgCommand, ctx: DispatchContext, lint: Linter): void {
  for (const a of cmd.args) {
    validateNoSecretKey('ARG', a.key, cmd, lint);
    const given = ctx.buildArgs.get(a.key);
    let value = a.value;
    if (value === undefined && given === undefined) value = ctx.globalArgs.get(a.key);
    if (given !== undefined) value = given;
    else if (a.value !== undefined) {
      let r;
      try {
        r = processWord(a.value, d.env.lookup, ctx.lex);
      } catch (err) {
        if (!d.envOpen) throw err;
      }
      if (r) {
        reportUnmatched(d, r.unmatched, cmd, lint);
        value = r.result;
      }
    }
    if (value !== undefined && !NON_ENV_ARGS.has(a.key)) d.env.set(a.key, value);
    d.buildArgs.push(a.key);
  }
}

/** dispatchExpose: the ports split into words, then each spec checked (portSpecs.parsePort, as far as the checks go). */
function dispatchExpose(d: State, cmd: C.ExposeCommand, ctx: DispatchContext, lint: Linter): void {
  const ports: string[] = [];
  for (const p of cmd.ports) {
    try {
      ports.push(...expandWords(p, d.env.lookup, ctx.lex));
    } catch (err) {
      if (!d.envOpen) throw err;
    }
  }
  for (const raw of ports) {
    const parts = raw.split(':');
    const n = parts.length;
    const [ip, hostPort, containerPort] =
      n === 1 ? ['', '', parts[0]!] : n === 2 ? ['', parts[0]!, parts[1]!] : [parts.slice(0, n - 2).join(':'), parts[n - 2]!, parts[n - 1]!];
    const slash = containerPort.indexOf('/');
    const port = slash < 0 ? containerPort : containerPort.slice(0, slash);
    let proto = slash < 0 ? '' : containerPort.slice(slash + 1);
    if (port === '') throw new Stop(`invalid port: ${goQuote(raw)}: no port specified`, cmd);
    const lower = proto.toLowerCase();
    if (lower === '') proto = 'tcp';
    else if (lower !== 'tcp' && lower !== 'udp' && lower !== 'sctp') throw new Stop(`invalid port: ${goQuote(raw)}: invalid proto: ${proto}`, cmd);
    if (proto !== proto.toLowerCase()) lint.run('ExposeProtoCasing', cmd, FORMAT.ExposeProtoCasing(raw));
    if (ip !== '' || hostPort !== '') lint.run('ExposeInvalidFormat', cmd, FORMAT.ExposeInvalidFormat(raw));
  }
}
