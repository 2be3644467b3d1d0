/**
 * The Dockerfile parser: text → a list of instructions, as BuildKit's
 * frontend/dockerfile/parser does it. Nothing is expanded or checked against
 * its instruction's rules here; `parseInstructions` (parse-instructions.ts)
 * does that next, and the builder expands variables as it runs each step.
 *
 * How the text is read, line by line:
 * - The leading `# syntax=`, `# escape=`, `# check=` comments are *directives*
 *   (parse-directives.ts); `# escape=` followed by a backtick makes that the escape character.
 * - Other lines starting with `#` (after leading whitespace) are comments. Empty
 *   lines and comments are skipped, even in the middle of a continued line.
 * - An escape character at the end of a line (trailing spaces and tabs
 *   allowed) continues the instruction on the next line; the lines are joined
 *   without the escape and without the newline.
 * - The first word is the instruction (any case), then `--flags`, then
 *   arguments shaped by the instruction (parse-line.ts).
 * - RUN, COPY and ADD (also under ONBUILD), in shell form, may name heredocs:
 *   `<<EOF` takes the following lines up to one that is exactly `EOF`.
 *
 *     const df = parseDockerfile('FROM alpine\nRUN echo hi\n');
 *     df.instructions[1]; // { name: 'run', args: ['echo hi'], json: false, startLine: 2, … }
 */
import { DirectiveParser, type Directive } from './parse-directives.ts';
import { atLines, DockerfileError, warning, type ParseWarning } from './parse-errors.ts';
import { trimLeftSpace, trimSpace, utf8Length } from './parse-go.ts';
import { heredocsFromLine, parseLine, type Heredoc, type KeyValueArg, type LineNode } from './parse-line.ts';

export type { Directive } from './parse-directives.ts';
export type { Heredoc, KeyValueArg } from './parse-line.ts';
export { DockerfileError, type ParseWarning } from './parse-errors.ts';
export { expand, expandWords, processWord, type EnvLookup, type LexOptions, type LexResult } from './parse-lex.ts';
export { parseInstructions, parseInstruction, type ParsedStages } from './parse-instructions.ts';
export { expandCommand, type ExpandOptions } from './parse-expand.ts';
export { detectSyntax, findDirective, type DirectiveMatch } from './parse-directives.ts';
export { chompHeredocContent, parseHeredoc } from './parse-line.ts';
export { parseMount, parseDevice, type Mount, type MountType, type ShareMode, type Device } from './parse-mount.ts';
export { dumpDockerfile, dumpInstruction } from './parse-dump.ts';
export type * from './parse-commands.ts';

/** One instruction as written, its arguments split the way its keyword asks. */
export interface Instruction {
  /** The keyword, lowercase: 'run'. */
  name: string;
  /** The keyword as written: 'Run'. */
  command: string;
  /** Flags as written, quotes removed: ['--from=build', '--link']. */
  flags: string[];
  /**
   * Arguments as BuildKit's parser yields them: a JSON array's elements
   * (`json` is true), the shell form as one string, words for FROM, EXPOSE,
   * ARG and the list form of ADD/COPY/VOLUME; for ENV and LABEL the
   * key, value, separator of each pair in a row (see `pairs`); for HEALTHCHECK
   * the type then the command; for ONBUILD the trigger's keyword then its arguments.
   */
  args: string[];
  /** True for the exec (JSON array) form. */
  json: boolean;
  /** ENV and LABEL: the pairs, quotes kept; sep is '' for the old `KEY value` form. */
  pairs?: KeyValueArg[];
  /** ONBUILD: the instruction it defers. */
  trigger?: Instruction;
  /** Heredocs named on the line, contents as written (`<<-` tabs not yet stripped). */
  heredocs: Heredoc[];
  /** The logical line: continuations joined, flags still in. */
  original: string;
  /** 1-based lines the instruction spans, its heredocs included. */
  startLine: number;
  endLine: number;
  /** The comment lines directly above it (without `#`). */
  comments: string[];
}

export interface ParsedDockerfile {
  directives: Directive[];
  /** `\` or `` ` ``. */
  escapeToken: string;
  instructions: Instruction[];
  /** The ARG instructions before the first FROM (they parameterize FROM lines). */
  metaArgs: Instruction[];
  /** Empty continuation lines (a deprecated form). */
  warnings: ParseWarning[];
}

/** bufio.MaxScanTokenSize: Go's scanner refuses longer lines. */
const MAX_LINE = 64 * 1024;

/** Lines with their endings, as BuildKit's scanLines hands them out. */
class LineScanner {
  private readonly lines: string[];
  private index = 0;
  tooLong = false;
  constructor(text: string) {
    this.lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  }
  next(): string | undefined {
    const line = this.lines[this.index];
    if (line === undefined || this.tooLong) return undefined;
    const limit = line.endsWith('\n') ? MAX_LINE : MAX_LINE - 1;
    if (line.length > limit / 3 && utf8Length(line) > limit) {
      this.tooLong = true;
      return undefined;
    }
    this.index++;
    return line;
  }
}

/** Escape-token state: the `# escape=` directive changes it for the rest of the file. */
class Escape {
  token = '\\';
  set(value: string): void {
    if (value !== '`' && value !== '\\') throw new Error(`invalid escape token '${value}' does not match \` or \\`);
    this.token = value;
  }
  /**
   * Removes a line-continuation escape (the last non-blank character, not
   * itself escaped); `continued` says whether there was one.
   */
  trimContinuation(line: string): { line: string; continued: boolean } {
    let end = line.length;
    while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
    if (end === 0 || line[end - 1] !== this.token) return { line, continued: false };
    if (end === 1) return { line: '', continued: true };
    if (line[end - 2] === this.token) return { line, continued: false };
    return { line: line.slice(0, end - 1), continued: true };
  }
}

const trimNewline = (s: string) => s.replace(/[\r\n]+$/, '');
const isComment = (s: string) => trimLeftSpace(s).startsWith('#');
const isEmptyContinuationLine = (s: string) => trimLeftSpace(trimNewline(s)) === '';

/**
 * Parses a Dockerfile. Throws DockerfileError (an EngineError 'InvalidArgument')
 * with BuildKit's message: `file with no instructions`, `unterminated heredoc`,
 * `ENV must have two arguments`, … The instruction-level checks (unknown
 * instruction, flags, argument counts) happen in parseInstructions.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  const scanner = new LineScanner(text);
  const escape = new Escape();
  const directiveParser = new DirectiveParser();
  const directives: Directive[] = [];
  const instructions: Instruction[] = [];
  const warnings: ParseWarning[] = [];
  let comments: string[] = [];
  let currentLine = 0;

  /** Strips the newline (and leading space on first lines), sees directives, drops comments. */
  const processLine = (raw: string, stripLeft: boolean): { text: string; directive: boolean } => {
    let token = trimNewline(raw);
    if (stripLeft) token = trimLeftSpace(token);
    let directive: Directive | undefined;
    try {
      directive = directiveParser.parseLine(token);
      if (directive?.name === 'escape') escape.set(directive.value);
    } catch (err) {
      throw atLines(err, currentLine + 1);
    }
    if (directive) directives.push({ ...directive, line: currentLine + 1 });
    return { text: isComment(token) ? '' : token, directive: directive !== undefined };
  };

  for (let raw = scanner.next(); raw !== undefined; raw = scanner.next()) {
    if (currentLine === 0 && raw.startsWith('\ufeff')) raw = raw.slice(1);
    if (isComment(raw)) {
      const comment = trimSpace(raw.slice(1));
      if (comment === '') comments = [];
      else comments.push(comment);
    }
    const first = processLine(raw, true);
    if (first.directive) comments.pop();
    currentLine++;
    const startLine = currentLine;
    let { line: part, continued } = escape.trimContinuation(first.text);
    if (!continued && part === '') continue;
    let line = part;
    let emptyContinuation = false;
    while (continued) {
      const next = scanner.next();
      if (next === undefined) break;
      const processed = processLine(next, false);
      currentLine++;
      if (isComment(next)) continue;
      if (isEmptyContinuationLine(processed.text)) {
        emptyContinuation = true;
        continue;
      }
      ({ line: part, continued } = escape.trimContinuation(processed.text));
      line += part;
    }
    if (emptyContinuation) warnings.push(warning('NoEmptyContinuation', currentLine, currentLine));

    let node: LineNode;
    try {
      node = parseLine(line, escape.token);
    } catch (err) {
      throw atLines(err, startLine, currentLine);
    }
    const heredocs: Heredoc[] = [];
    if (canContainHeredoc(node) && line.includes('<<')) {
      let named: Heredoc[];
      try {
        named = heredocsFromLine(line);
      } catch (err) {
        throw atLines(err, startLine, currentLine);
      }
      for (const heredoc of named) {
        let terminated = false;
        let content = '';
        for (let body = scanner.next(); body !== undefined; body = scanner.next()) {
          currentLine++;
          let candidate = trimNewline(body);
          if (heredoc.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === heredoc.name) {
            terminated = true;
            break;
          }
          content += body;
        }
        if (!terminated) throw new DockerfileError('unterminated heredoc', startLine, currentLine);
        heredocs.push({ ...heredoc, content });
      }
    }
    instructions.push(toInstruction(node, heredocs, startLine, currentLine, comments));
    comments = [];
  }

  if (instructions.length === 0) throw new DockerfileError('file with no instructions', Math.max(currentLine, 1));
  if (scanner.tooLong) throw new DockerfileError(`dockerfile line greater than max allowed size of ${MAX_LINE - 1}`, Math.max(currentLine, 1));
  const firstFrom = instructions.findIndex((i) => i.name === 'from');
  const metaArgs = instructions.slice(0, firstFrom < 0 ? instructions.length : firstFrom).filter((i) => i.name === 'arg');
  return { directives, escapeToken: escape.token, instructions, metaArgs, warnings };
}

const HEREDOC_INSTRUCTIONS = new Set(['add', 'copy', 'run']);

/** RUN, COPY, ADD in shell form, directly or as an ONBUILD trigger. */
function canContainHeredoc(node: LineNode): boolean {
  const target = node.command.toLowerCase() === 'onbuild' && node.trigger ? node.trigger : node;
  return HEREDOC_INSTRUCTIONS.has(target.command.toLowerCase()) && !target.json;
}

function toInstruction(node: LineNode, heredocs: Heredoc[], startLine: number, endLine: number, comments: string[]): Instruction {
  const out: Instruction = {
    name: node.command.toLowerCase(),
    command: node.command,
    flags: node.flags,
    args: node.args,
    json: node.json,
    heredocs,
    original: node.original,
    startLine,
    endLine,
    comments,
  };
  if (node.pairs) out.pairs = node.pairs;
  if (node.trigger) out.trigger = toInstruction(node.trigger, [], startLine, endLine, []);
  return out;
}
