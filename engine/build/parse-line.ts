/**
 * One logical line (continuations already joined) → one instruction node, as
 * BuildKit's parser/line_parsers.go and split_command.go do it: the keyword,
 * the `--flags` after it, and arguments shaped by the instruction:
 *
 *     RUN, CMD, ENTRYPOINT, SHELL   a JSON array of strings, else the rest as one string
 *     ADD, COPY, VOLUME             a JSON array of strings, else whitespace-separated words
 *     FROM, EXPOSE                  whitespace-separated words
 *     ENV, LABEL                    (key, value, separator) triples, quotes kept
 *     ARG                           words (quote-aware), quotes kept
 *     MAINTAINER, STOPSIGNAL, USER, WORKDIR   the rest as one string
 *     HEALTHCHECK                   the type (CMD, NONE), then like CMD
 *     ONBUILD                       another instruction
 *
 * Nothing is expanded here: `$VAR` and quotes survive for the builder.
 */
import { fromByteString, goQuote, isSpace, toByteString, trimLeftSpace, trimSpace } from './parse-go.ts';
import { expandWords } from './parse-lex.ts';

/** A KEY=value (or `KEY value`) item of ENV or LABEL, quotes kept; sep is '=' or '' for the old form. */
export interface KeyValueArg {
  key: string;
  value: string;
  sep: '=' | '';
}

/** What the line parsers make of one line, before heredocs and line numbers. */
export interface LineNode {
  /** The keyword as written ('Run'). */
  command: string;
  flags: string[];
  args: string[];
  json: boolean;
  pairs: KeyValueArg[] | undefined;
  trigger: LineNode | undefined;
  original: string;
}

export const JSON_NOT_STRINGS = 'when using JSON array syntax, arrays must be comprised of strings only';

/** `[\t\v\f\r ]+` — the separator BuildKit's parser splits words on. */
const WHITESPACE = /[\t\v\f\r ]+/;

/** regexp.Split(s, 2) with WHITESPACE. */
function splitOnce(s: string): string[] {
  const m = WHITESPACE.exec(s);
  return m ? [s.slice(0, m.index), s.slice(m.index + m[0].length)] : [s];
}

/** The line parser for each instruction; anything else keeps a single empty argument. */
const PARSERS: Record<string, (rest: string, escape: string) => Partial<LineNode>> = {
  add: parseMaybeJSONToList,
  arg: (rest, escape) => ({ args: parseWords(rest, escape) }),
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: (rest, escape) => parseNameVal(rest, 'ENV', escape),
  expose: (rest) => ({ args: splitWhitespace(rest) }),
  from: (rest) => ({ args: splitWhitespace(rest) }),
  healthcheck: parseHealthConfig,
  label: (rest, escape) => parseNameVal(rest, 'LABEL', escape),
  maintainer: parseString,
  onbuild: (rest, escape) => (rest === '' ? {} : { trigger: parseLine(rest, escape) }),
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
};

/** Splits a joined line into keyword, flags and arguments (BuildKit's newNodeFromLine). */
export function parseLine(line: string, escape: string): LineNode {
  const parts = splitOnce(trimSpace(line));
  const command = parts[0]!;
  let flags: string[] = [];
  let rest = '';
  if (parts.length === 2) [rest, flags] = extractBuilderFlags(parts[1]!, escape);
  rest = trimSpace(rest);
  const parse = PARSERS[command.toLowerCase()];
  const parsed = parse ? parse(rest, escape) : { args: [''] };
  const node: LineNode = {
    command,
    flags,
    args: parsed.args ?? [],
    json: parsed.json ?? false,
    pairs: parsed.pairs,
    trigger: parsed.trigger,
    original: line,
  };
  if (node.trigger) node.args = [node.trigger.command, ...node.trigger.args];
  return node;
}

/**
 * The `--name[=value]` words right after the keyword. Quotes group and vanish,
 * the escape character escapes; a lone `--` ends the flags.
 *
 * BuildKit walks this part byte by byte, so a non-ASCII character in a flag
 * comes out as its UTF-8 bytes read as Latin-1 (`--chown=josé` gives
 * `--chown=josÃ©`), and the bytes 0x85 and 0xA0 inside one count as spaces.
 * That is reproduced here.
 */
export function extractBuilderFlags(text: string, escape: string): [rest: string, flags: string[]] {
  const [rest, flags] = extractBytes(toByteString(text), escape);
  return [fromByteString(rest), flags];
}

function extractBytes(line: string, escape: string): [rest: string, flags: string[]] {
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = '';
  let blankOK = false;
  for (let pos = 0; pos <= line.length; pos++) {
    let ch = line[pos] ?? '';
    const end = pos === line.length;
    if (phase === 'spaces') {
      if (end) break;
      if (isSpace(ch)) continue;
      if (ch !== '-' || pos + 1 === line.length || line[pos + 1] !== '-') return [line.slice(pos), words];
      phase = 'word';
    }
    if (end) {
      if (word !== '--' && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (word === '--') return [line.slice(pos), words];
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
        continue;
      }
      if (ch === escape) {
        if (pos + 1 === line.length) continue;
        ch = line[++pos]!;
      }
      word += ch;
      continue;
    }
    // phase === 'quote'
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === escape) {
      if (pos + 1 === line.length) {
        phase = 'word';
        continue;
      }
      ch = line[++pos]!;
    }
    word += ch;
  }
  return ['', words];
}

/**
 * Words separated by whitespace, where quotes group (and are kept) and the
 * escape character keeps the next character with it (BuildKit's parseWords).
 */
export function parseWords(rest: string, escape: string): string[] {
  const chars = Array.from(rest);
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOK = false;
  let word = '';
  for (let pos = 0; pos <= chars.length; pos++) {
    const end = pos === chars.length;
    let ch = chars[pos] ?? '';
    if (phase === 'spaces') {
      if (end) break;
      if (isSpace(ch)) continue;
      phase = 'word';
    }
    if (end) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === escape) {
        if (pos + 1 === chars.length) continue; // an escape at the very end is dropped
        // Unquoted, the escape and the character after it (even a quote) stay together.
        word += ch;
        ch = chars[++pos]!;
      }
      word += ch;
      continue;
    }
    // phase === 'quote'
    if (ch === quote) phase = 'word';
    if (ch === escape && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      word += ch;
      ch = chars[++pos]!;
    }
    word += ch;
  }
  return words;
}

/** ENV and LABEL: `KEY value…` (old form) or `K1=v1 K2="v 2"` (new form). */
function parseNameVal(rest: string, key: string, escape: string): Partial<LineNode> {
  const words = parseWords(rest, escape);
  if (words.length === 0) return {};
  let pairs: KeyValueArg[];
  if (!words[0]!.includes('=')) {
    const parts = splitOnce(rest);
    if (parts.length < 2) throw new Error(`${key} must have two arguments`);
    pairs = [{ key: parts[0]!, value: parts[1]!, sep: '' }];
  } else {
    pairs = words.map((word) => {
      const eq = word.indexOf('=');
      if (eq < 0) throw new Error(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
      return { key: word.slice(0, eq), value: word.slice(eq + 1), sep: '=' as const };
    });
  }
  return { pairs, args: pairs.flatMap((p) => [p.key, p.value, p.sep]) };
}

/** regexp.Split(rest, -1) on whitespace; nothing for an empty rest. */
function splitWhitespace(rest: string): string[] {
  return rest === '' ? [] : rest.split(WHITESPACE);
}

function parseString(rest: string): Partial<LineNode> {
  return { args: rest === '' ? [] : [rest] };
}

/** A JSON array of strings, or undefined when `rest` is not JSON (an array of non-strings throws). */
export function parseJSONArray(rest: string): string[] | undefined {
  const text = trimLeftSpace(rest);
  if (!text.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  // Go refuses numbers that overflow a float64 before it looks at types.
  if (value.some((v) => typeof v === 'number' && !Number.isFinite(v))) return undefined;
  if (value.some((v) => typeof v !== 'string')) throw new Error(JSON_NOT_STRINGS);
  return value as string[];
}

function parseMaybeJSON(rest: string): Partial<LineNode> {
  if (rest === '') return {};
  const list = parseJSONArray(rest);
  return list ? { args: list, json: true } : { args: [rest] };
}

function parseMaybeJSONToList(rest: string): Partial<LineNode> {
  const list = parseJSONArray(rest);
  return list ? { args: list, json: true } : { args: splitWhitespace(rest) };
}

/** HEALTHCHECK: the first word is the type, the rest parses like CMD (split byte-wise, as BuildKit does). */
function parseHealthConfig(text: string): Partial<LineNode> {
  const rest = toByteString(text);
  let sep = 0;
  while (sep < rest.length && !isSpace(rest[sep])) sep++;
  let next = sep;
  while (next < rest.length && isSpace(rest[next])) next++;
  if (sep === 0) return {};
  const cmd = parseMaybeJSON(fromByteString(rest.slice(next)));
  return { args: [fromByteString(rest.slice(0, sep)), ...(cmd.args ?? [])], json: cmd.json ?? false };
}

/** A heredoc named on an instruction line: `<<EOF`, `<<-EOF`, `3<<"EOF"`. */
export interface Heredoc {
  /** The terminator word, quotes removed. */
  name: string;
  /** The lines between the instruction and the terminator, each with its newline. */
  content: string;
  /** False when any part of the name was quoted: the content is then taken literally. */
  expand: boolean;
  /** `<<-`: leading tabs are stripped from the content (and the terminator line). */
  chomp: boolean;
  /** The descriptor before `<<` (`3<<EOF`), 0 when none. */
  fileDescriptor: number;
}

const HEREDOC = /^([0-9]*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

/** The heredoc a word names, or undefined when it names none (BuildKit's ParseHeredoc). */
export function parseHeredoc(word: string): Heredoc | undefined {
  const m = HEREDOC.exec(word);
  if (!m || m[3] === '') return undefined;
  const rest = m[3]!;
  const lex = { skipUnsetEnv: true };
  // Lex the word with and without keeping quotes: if they differ, part of it was quoted.
  const words = expandWords(rest, {}, lex);
  if (words.length !== 1) return undefined;
  const raw = expandWords(rest, {}, { ...lex, rawQuotes: true });
  if (raw.length !== words.length) throw new Error(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  const quotes = (s: string) => s.split(/['"]/).length - 1;
  return {
    name: words[0]!,
    content: '',
    expand: quotes(words[0]!) === quotes(raw[0]!),
    chomp: m[2] === '-',
    fileDescriptor: m[1] === '' ? 0 : Number(m[1]),
  };
}

/** Every heredoc named on a line, in order. */
export function heredocsFromLine(line: string): Heredoc[] {
  let words: string[];
  try {
    words = expandWords(line, {}, { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
  } catch {
    words = [];
  }
  return words.map(parseHeredoc).filter((h): h is Heredoc => h !== undefined);
}

/** Strips leading tabs from every line, as `<<-` asks. */
export const chompHeredocContent = (src: string): string => src.replace(/(^|\n)\t+/g, '$1');
