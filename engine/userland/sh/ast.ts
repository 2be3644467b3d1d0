/**
 * The syntax tree of a busybox-ash script: what `parse()` (parser.ts) produces
 * and the shell's executor walks. Nothing here is expanded yet: words keep
 * their quoting, `$x` stays a parameter part, `$(…)` holds the parsed inner
 * commands, so the executor decides at run time what each piece becomes.
 *
 * The shape, from the top:
 *
 *     List          a; b & c          items run in order, some in the background
 *      └ AndOr      a && b || c       pipelines joined by && and ||
 *         └ Pipeline  ! a | b         commands joined by |, maybe negated
 *            └ Command  simple, ( ), { }, if, while, until, for, case, name()
 *
 * A *complete command* is what ash reads before running anything: everything
 * up to the end of a line (`echo a; echo b` is one, and a here-document's body
 * belongs to the line that opened it). An interactive shell parses and runs
 * them one at a time; a script does too, which is why a syntax error on line 9
 * only shows up after lines 1-8 ran.
 *
 * Words are lists of parts. `a"$b"'c'\*` is
 *
 *     [ literal a, double [ param b ], single c, literal * (quoted) ]
 *
 * Expansion, as the executor should do it (POSIX 2.6, as ash does it):
 *   1. tilde parts, parameters, command substitutions and arithmetic give text;
 *   2. text that came from an *unquoted* expansion is split on $IFS;
 *   3. unquoted literal text and unquoted expansion results are glob patterns;
 *   4. quotes never survive: `single`/`double` parts are just grouping.
 */

/** A word: the concatenation of its parts. An empty list is the empty word. */
export interface Word {
  parts: WordPart[];
}

export type WordPart =
  | LiteralPart
  | SingleQuotedPart
  | DoubleQuotedPart
  | ParameterPart
  | CommandSubstitutionPart
  | ArithmeticPart
  | ProcessSubstitutionPart
  | TildePart;

/**
 * Plain text. `quoted` is false for text typed unquoted (its `* ? [` are
 * glob characters); true for a backslash-escaped character (`\*`) and for text
 * inside double quotes, an arithmetic expression or a quoted here-document.
 * Literal text is never field-split, quoted or not: only expansion results are.
 */
export interface LiteralPart {
  type: 'literal';
  text: string;
  quoted: boolean;
}

/**
 * `'text'`, and bash's `$'text'` (which ash supports) with its escapes already
 * decoded (`ansiC` is then true). Always literal; `''` makes a word non-empty.
 */
export interface SingleQuotedPart {
  type: 'single';
  text: string;
  ansiC?: boolean;
}

/**
 * `"…"`. Its parts are quoted literals and expansions, which are neither
 * split nor globbed. Kept as a group because `"$@"` and `"${@}"` make one
 * field per positional parameter, and `""` is an empty field.
 */
export interface DoubleQuotedPart {
  type: 'double';
  parts: WordPart[];
}

/**
 * The operators of `${name OP word}`:
 *
 * | op          | syntax          | meaning                                         |
 * |-------------|-----------------|-------------------------------------------------|
 * | `get`       | `$x`, `${x}`    | the value                                       |
 * | `length`    | `${#x}`         | length in characters (`${#@}`, `${#*}`: see ash) |
 * | `-` / `:-`  | `${x-w}`        | w if x is unset (`:`: or empty)                 |
 * | `=` / `:=`  | `${x=w}`        | same, and assign w to x                          |
 * | `?` / `:?`  | `${x?w}`        | error "x: w" (or "x: parameter not set" / "…not set or null") |
 * | `+` / `:+`  | `${x+w}`        | w if x is set (`:`: and non-empty), else nothing |
 * | `#` / `##`  | `${x#p}`        | remove shortest / longest prefix matching p      |
 * | `%` / `%%`  | `${x%p}`        | remove shortest / longest suffix matching p      |
 * | `substring` | `${x:o}` `${x:o:l}` | see ParameterPart.word                       |
 * | `/` / `//`  | `${x/p/r}`      | replace first / every longest match of p by r    |
 * | `bad`       | `${x y}`, `${}`, `${1a}`, `${#x-y}` | parses, but expanding it is the error `syntax error: bad substitution` |
 */
export type ParameterOp =
  | 'get'
  | 'length'
  | '-' | ':-' | '=' | ':=' | '?' | ':?' | '+' | ':+'
  | '#' | '##' | '%' | '%%'
  | 'substring'
  | '/' | '//'
  | 'bad';

/**
 * `$name`, `${name…}` and the special parameters. `name` is a variable name,
 * positional digits (`1`, `10` from `${10}`; `$10` is `$1` then `0`), or one of
 * `@ * # ? - $ ! 0`.
 *
 * `word` is the operand, absent for `get`, `length` and `bad`:
 * - for `-` `=` `?` `+` (with or without `:`) inside double quotes or
 *   `$((…))`, its parts are wrapped in one `double` part: ash expands it
 *   quoted (`"${x-*}"` is `*`, and `"${x-'a'}"` is `'a'` with the quotes);
 *   unquoted, the operand's own quoting decides (`${x-a b}` splits);
 * - for `#` `%` `/`, the pattern is always parsed as if unquoted, even inside
 *   double quotes (`"${x#*}"` removes everything), so its own quotes decide;
 * - for `substring`, `word` is everything after the first `:`. ash expands it
 *   first and only then splits it at the first `:` into offset and length,
 *   each an arithmetic expression (so `a=1:2; ${x:$a}` is `${x:1:2}`).
 *
 * `replacement` is the text after the second `/` of `${x/p/r}` (absent: delete).
 * Like ash, the pattern ends at the first `/` even inside quotes
 * (`${v/"a/b"/c}` is pattern `a`, replacement `b/c`), but never inside a
 * nested `${…}`, `$(…)` or `$((…))` (ash does split those; we don't).
 * ash has no `${x/#p/r}` or `${x/%p/r}` anchors: `#` is part of the pattern.
 */
export interface ParameterPart {
  type: 'param';
  name: string;
  op: ParameterOp;
  word?: Word;
  replacement?: Word;
}

/**
 * `$(…)` or `` `…` ``, parsed when the surrounding command is parsed (as ash
 * does: a syntax error inside is an error of the whole line). `body` is null
 * for an empty substitution (`$()`). Backquoted text had its `\\ \` \$` (and
 * `\"` inside double quotes) unescaped before it was parsed.
 */
export interface CommandSubstitutionPart {
  type: 'command';
  body: List | null;
  backquoted: boolean;
}

/**
 * `$((expression))`. `expression` is expanded like a double-quoted string
 * (`$x`, `$(…)`, `` `…` `` and nested `$((…))` are allowed, quotes are plain
 * characters) and the result is given to evaluateArithmetic (arith.ts).
 */
export interface ArithmeticPart {
  type: 'arith';
  expression: Word;
}

/**
 * bash's `<(…)` and `>(…)`, which ash accepts: the command runs with a pipe
 * and the part expands to `/dev/fd/N` for the other end.
 */
export interface ProcessSubstitutionPart {
  type: 'process';
  direction: '<' | '>';
  body: List | null;
}

/**
 * An unquoted `~` or `~user` at the start of a word (or of a `${x-…}` operand
 * or `${x/p/r}` pattern or replacement), ending at `/` or the end of the word,
 * and in assignments also after the `=` and after each unquoted `:`, ending at
 * `:` too. `user` is '' for `~` ($HOME). If the user does not exist the
 * executor keeps the text `~user` as it was. A tilde followed by quoted or
 * expanded text (`~"x"`, `~$u`) is a plain literal.
 */
export interface TildePart {
  type: 'tilde';
  user: string;
}

/** `NAME=value` before a command (or alone). */
export interface Assignment {
  name: string;
  value: Word;
}

/**
 * A redirection. `fd` is the descriptor redirected, with the default filled
 * in (0 for `<` `<&` `<>`, 1 for `>` `>>` `>|` `>&` `&>`), unless the text
 * gave one (`2>`; at most 9 digits, else the digits are an argument).
 *
 * - `<&` and `>&`: if `target` expands to digits, duplicate that descriptor;
 *   to `-`, close `fd`; otherwise ash's rule: `>&file` with fd 1 means `&>file`,
 *   anything else is the error `bad fd number`.
 * - `&>` (bash, accepted by ash): `fd` and 2 both go to the file.
 * - `>|` is `>` that ignores `set -C` (noclobber).
 */
export interface FileRedirect {
  type: 'file';
  op: '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>';
  fd: number;
  target: Word;
}

/**
 * `<<word` / `<<-word`: the body is the lines after the current line, up to
 * a line that is exactly `delimiter` (after removing leading tabs for `<<-`,
 * which removes them from every body line too). If the delimiter had any
 * quoting (`<<'EOF'`, `<<"E"OF`, `<<\EOF`), `quoted` is true and the body is
 * a single literal; otherwise the body's `$`, `` ` `` and `\` work as inside
 * double quotes (`\"` stays as is). The body keeps its final newline. A body
 * that runs to the end of the script without a delimiter ends there, silently;
 * one still open at the `)` of a `$(…)` is empty (ash reads it from an empty
 * string, and the lines meant for it are then commands).
 */
export interface HereDocument {
  type: 'heredoc';
  fd: number;
  stripTabs: boolean;
  delimiter: string;
  quoted: boolean;
  body: Word;
}

export type Redirect = FileRedirect | HereDocument;

/** Every command records the line it started on, for `sh: line N:` messages and $LINENO. */
interface CommandBase {
  line: number;
}

/**
 * Words, assignments and redirections in any order. Assignments are the
 * `NAME=…` words before the first other word; after it they are arguments.
 * (For `export`, `local` and `readonly`, arguments that look like assignments
 * get assignment expansion: see `assignmentWord` in words.ts.)
 */
export interface SimpleCommand extends CommandBase {
  type: 'simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

/** `( list )`: runs in a child shell. */
export interface Subshell extends CommandBase {
  type: 'subshell';
  body: List;
  redirects: Redirect[];
}

/** `{ list; }`: runs in the current shell. */
export interface BraceGroup extends CommandBase {
  type: 'group';
  body: List;
  redirects: Redirect[];
}

/** `if c1; then b1; elif c2; then b2; else b3; fi`. */
export interface IfCommand extends CommandBase {
  type: 'if';
  clauses: { condition: List; body: List }[];
  elseBody: List | null;
  redirects: Redirect[];
}

/** `while c; do b; done` and `until c; do b; done`. */
export interface LoopCommand extends CommandBase {
  type: 'while' | 'until';
  condition: List;
  body: List;
  redirects: Redirect[];
}

/** `for name in words; do b; done`; `words` is null for `for name; do`, meaning "$@". */
export interface ForCommand extends CommandBase {
  type: 'for';
  variable: string;
  words: Word[] | null;
  body: List;
  redirects: Redirect[];
}

/**
 * `case word in p1|p2) list;; esac`. ash has only `;;` (no `;&` or `;;&`).
 * A clause's body is null when empty (`a) ;;`).
 */
export interface CaseCommand extends CommandBase {
  type: 'case';
  word: Word;
  clauses: { patterns: Word[]; body: List | null }[];
  redirects: Redirect[];
}

/**
 * `name() command` or bash's `function name { …; }` (ash accepts both). The
 * body is any command, usually a brace group; its own redirections apply at
 * each call. Defining a function is itself a command (status 0).
 */
export interface FunctionDefinition extends CommandBase {
  type: 'function';
  name: string;
  body: Command;
}

export type Command =
  | SimpleCommand
  | Subshell
  | BraceGroup
  | IfCommand
  | LoopCommand
  | ForCommand
  | CaseCommand
  | FunctionDefinition;

/** `cmd | cmd | …`, negated by a leading `!`. Its status is the last command's (or `set -o pipefail`). */
export interface Pipeline {
  type: 'pipeline';
  negated: boolean;
  commands: Command[];
}

/** `p1 && p2 || p3`: left to right, each operator looking at the status so far. */
export interface AndOr {
  type: 'andor';
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** `a; b & c`: `background` is true for an item ended by `&`. */
export interface List {
  type: 'list';
  items: { command: AndOr; background: boolean }[];
}
