/**
 * Errors and warnings of the Dockerfile parser.
 *
 * The message is exactly BuildKit's (what `docker build` prints after
 * "ERROR: failed to solve: "); the lines it concerns travel beside it as data,
 * the way BuildKit's parser.LocationError carries them, so a client can show
 * the Dockerfile excerpt under the error as buildx does.
 */
import { EngineError } from '../errors.ts';

export class DockerfileError extends EngineError {
  constructor(
    message: string,
    /** First line (1-based) of the instruction or line at fault. */
    readonly startLine: number,
    /** Last line; equal to startLine for a one-line instruction. */
    readonly endLine: number = startLine,
  ) {
    super('InvalidArgument', message);
  }
}

/** Wraps whatever a parsing step threw with the lines it concerns; keeps a DockerfileError as it is. */
export function atLines(err: unknown, startLine: number, endLine: number = startLine): DockerfileError {
  if (err instanceof DockerfileError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new DockerfileError(message, startLine, Math.max(startLine, endLine));
}

/** A build check (BuildKit's linter rule) that the Dockerfile trips; never fatal. */
export interface ParseWarning {
  /** The rule's name: 'MaintainerDeprecated', 'NoEmptyContinuation', … */
  rule: string;
  /** The formatted message: 'Maintainer instruction is deprecated in favor of using label'. */
  message: string;
  description: string;
  url: string;
  startLine: number;
  endLine: number;
}

/** The rules the parser and instruction layer check, with BuildKit's wording (linter/ruleset.go). */
export const RULES = {
  NoEmptyContinuation: {
    description: 'Empty continuation lines will become errors in a future release',
    url: 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/',
    format: () => 'Empty continuation line',
  },
  MaintainerDeprecated: {
    description: 'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
    url: 'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/',
    format: () => 'Maintainer instruction is deprecated in favor of using label',
  },
  StageNameCasing: {
    description: 'Stage names should be lowercase',
    url: 'https://docs.docker.com/go/dockerfile/rule/stage-name-casing/',
    format: (stageName: string) => `Stage name '${stageName}' should be lowercase`,
  },
  FromAsCasing: {
    description: "The 'as' keyword should match the case of the 'from' keyword",
    url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
    format: (from: string, as: string) => `'${as}' and '${from}' keywords' casing do not match`,
  },
} as const;

export function warning<R extends keyof typeof RULES>(
  rule: R,
  startLine: number,
  endLine: number,
  ...args: Parameters<(typeof RULES)[R]['format']>
): ParseWarning {
  const r = RULES[rule];
  const format = r.format as (...a: string[]) => string;
  return { rule, message: format(...(args as string[])), description: r.description, url: r.url, startLine, endLine };
}
