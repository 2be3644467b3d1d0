/**
 * Parser directives: `# syntax=…`, `# escape=…` and `# check=…` comments at
 * the very top of a Dockerfile (BuildKit's parser/directives.go).
 *
 * Directives count only in the leading block of comment lines: the first line
 * that is not a `# key=value` comment with a known key — an instruction, an
 * empty line, any other comment — ends the block, and lines after it are plain
 * comments. Keys are case-insensitive; each may appear once.
 *
 *     # syntax=docker/dockerfile:1
 *     # escape=`
 *
 *     FROM alpine        ← from here on, `# escape=\` is just a comment
 */
import { trimLeftSpace } from './parse-go.ts';

export interface Directive {
  /** Lowercase: 'syntax', 'escape' or 'check'. */
  name: string;
  value: string;
  /** 1-based line of the directive. */
  line: number;
}

const KNOWN = new Set(['syntax', 'escape', 'check']);
// Go's \s is [\t\n\f\r ] and its `.` is anything but "\n".
const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/;

/** Reads directives line by line until the leading comment block ends. */
export class DirectiveParser {
  private line: number;
  private done = false;
  private readonly seen = new Set<string>();

  /** `comment` is the prefix ('#', or '//' for DetectSyntax's fallback); `line` counts lines already skipped. */
  constructor(private readonly comment = '#', line = 0) {
    this.line = line;
  }

  /** The directive on this line, or undefined; throws on a repeated key. */
  parseLine(text: string): Directive | undefined {
    this.line++;
    if (this.done) return undefined;
    if (!text.startsWith(this.comment)) {
      this.done = true;
      return undefined;
    }
    const m = DIRECTIVE.exec(trimLeftSpace(text.slice(this.comment.length)));
    if (!m) {
      this.done = true;
      return undefined;
    }
    const name = m[1]!.toLowerCase();
    if (!KNOWN.has(name)) {
      this.done = true;
      return undefined;
    }
    if (this.seen.has(name)) throw new Error(`only one ${name} parser directive can be used`);
    this.seen.add(name);
    return { name, value: m[2]!, line: this.line };
  }

  /** Every directive at the top of `text`; a repeated key ends the list (`error` says why). */
  parseAll(text: string): { directives: Directive[]; error?: string } {
    const directives: Directive[] = [];
    for (const line of splitLines(text)) {
      if (this.done) break;
      try {
        const d = this.parseLine(line);
        if (d) directives.push(d);
      } catch (err) {
        return { directives, error: (err as Error).message };
      }
    }
    return { directives };
  }
}

/** bufio.ScanLines: lines without their "\n" (and a "\r" before it). */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export interface DirectiveMatch {
  /** The value up to its first space: `docker/dockerfile:1` of `docker/dockerfile:1 // opts`. */
  value: string;
  /** The whole value. */
  cmdline: string;
  line: number;
}

/**
 * The frontend a Dockerfile asks for (`# syntax=…`), found as BuildKit's
 * DetectSyntax finds it: after an optional `#!` line, as a `#` directive, else
 * a `//` one, else a whole-file JSON object's "syntax" key.
 */
export function detectSyntax(text: string): DirectiveMatch | undefined {
  return findDirective('syntax', text, true);
}

/** One directive by key (`check`, `escape`), as BuildKit's ParseDirective finds it. */
export function findDirective(key: string, text: string, anyFormat = false): DirectiveMatch | undefined {
  let dt = text.startsWith('\ufeff') ? text.slice(1) : text;
  let line = 0;
  const nl = dt.indexOf('\n');
  if ((nl < 0 ? dt : dt.slice(0, nl)).startsWith('#!')) {
    dt = nl < 0 ? '' : dt.slice(nl + 1);
    line = 1;
  }
  const fromParser = (parser: DirectiveParser): DirectiveMatch | undefined => {
    const d = parser.parseAll(dt).directives.find((x) => x.name === key);
    if (!d) return undefined;
    const space = d.value.indexOf(' ');
    return { value: space < 0 ? d.value : d.value.slice(0, space), cmdline: d.value, line: d.line };
  };
  const hash = fromParser(new DirectiveParser('#', line));
  if (hash || !anyFormat) return hash;
  const slashes = fromParser(new DirectiveParser('//', line));
  if (slashes) return slashes;
  try {
    const json: unknown = JSON.parse(dt);
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      const v = (json as Record<string, unknown>)[key];
      if (typeof v === 'string') return { value: v, cmdline: v, line };
    }
  } catch {
    // not JSON either
  }
  return undefined;
}
