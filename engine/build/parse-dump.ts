/**
 * The parse tree as S-expressions, in the format of BuildKit's Node.Dump (and
 * its `dumper` tool), one instruction per line:
 *
 *     (from "alpine")
 *     (copy ["--from=build"] "/out" "/")
 *     (env "A" "1" "=" "B" "2" "=")
 *     (onbuild (run "echo hi"))
 *
 * Useful to see how a line was split, and to compare with BuildKit's own
 * parser test data.
 */
import { goQuote, goQuoteList, trimSpace } from './parse-go.ts';
import type { Instruction, ParsedDockerfile } from './parser.ts';

export function dumpInstruction(i: Instruction): string {
  let out = i.name;
  if (i.flags.length > 0) out += ' ' + goQuoteList(i.flags);
  if (i.trigger) out += ` (${dumpInstruction(i.trigger)})`;
  else for (const arg of i.args) out += ' ' + goQuote(arg);
  return trimSpace(out);
}

export function dumpDockerfile(parsed: ParsedDockerfile): string {
  return trimSpace(parsed.instructions.map((i) => `(${dumpInstruction(i)})\n`).join(''));
}
