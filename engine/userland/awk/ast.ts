/**
 * The parsed program. Expressions and statements carry where they came
 * from, for run-time error messages ("awk: cmd. line:3: Division by zero").
 */
import type { Cell } from './cell.ts';
import type { Regex } from './regex.ts';

/** Where a piece of program came from: "cmd. line" or a -f file, and the line in it. */
export interface Pos {
  file: string;
  line: number;
}

/** A /regex/ literal, compiled when parsed; the IGNORECASE variant when first needed. */
export interface RegexLiteral {
  source: string;
  re: Regex;
  icase?: Regex;
}

export type Arith = '+' | '-' | '*' | '/' | '%' | '^';
export type Compare = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** A variable: a global (its cell) or a function parameter (its slot). */
export type VarRef = { k: 'var'; name: string; cell: Cell } | { k: 'arg'; name: string; slot: number };

export type Expr = (
  | { k: 'empty' }
  | { k: 'const'; cell: Cell }
  /** A variable, or an element of it when `index` is given. */
  | { k: 'ref'; v: VarRef; index?: Expr }
  | { k: 'field'; index: Expr }
  /** A bare /regex/: matched against $0. */
  | { k: 'regex'; re: RegexLiteral }
  /** op '' is plain `=`. */
  | { k: 'assign'; op: '' | Arith; target: Expr; value: Expr }
  /** `test ? yes : no`; yes/no missing when the `:` is (an error when run). */
  | { k: 'cond'; test: Expr; yes?: Expr; no?: Expr }
  | { k: 'and' | 'or'; l: Expr; r: Expr }
  | { k: 'in'; key: Expr; array: Expr }
  | { k: 'match'; negate: boolean; l: Expr; re: Expr }
  | { k: 'arith'; op: Arith; l: Expr; r: Expr }
  | { k: 'compare'; op: Compare; l: Expr; r: Expr }
  | { k: 'concat'; l: Expr; r: Expr }
  /** `a, b` outside an argument list: joined with SUBSEP (a[i, j], (i, j) in a). */
  | { k: 'join'; l: Expr; r: Expr }
  | { k: 'unary'; op: '-' | '+' | '!'; operand: Expr }
  | { k: 'incdec'; op: 'pre++' | 'pre--' | 'post++' | 'post--'; target: Expr }
  | { k: 'call'; fn: AwkFunction; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  /** getline: from the main input, a file (`< file`) or a command (`cmd |`). */
  | { k: 'getline'; from: 'input' | 'file' | 'command'; source?: Expr; target?: Expr }
  /** Nonsense the parser lets through, as busybox does; running it is an error. */
  | { k: 'invalid'; message: string }
) & { pos: Pos };

export interface Redirect {
  mode: '>' | '>>' | '|';
  dest: Expr;
}

export type Stmt = (
  | { k: 'expr'; e: Expr }
  | { k: 'block'; body: Stmt[] }
  /** No args: print $0. */
  | { k: 'print'; args: Expr[]; redirect?: Redirect }
  | { k: 'printf'; args: Expr[]; redirect?: Redirect }
  | { k: 'if'; test: Expr; yes: Stmt; no?: Stmt }
  | { k: 'while'; test: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; test: Expr }
  /** test missing: forever. */
  | { k: 'for'; init: Expr; test?: Expr; step: Expr; body: Stmt }
  | { k: 'forin'; variable: Expr; array: Expr; body: Stmt }
  | { k: 'break' | 'continue' | 'next' | 'nextfile' }
  | { k: 'exit'; code?: Expr }
  | { k: 'return'; value?: Expr }
  | { k: 'delete'; target: Expr }
) & { pos: Pos };

export interface AwkFunction {
  name: string;
  params: string[];
  defined: boolean;
  body: Stmt[];
}

/** A pattern-action rule; a range pattern keeps whether it is inside its range. */
export interface Rule {
  pattern?: Expr;
  range?: { from: Expr; to: Expr; active: boolean };
  /** undefined: the default action, print $0. */
  action?: Stmt[];
}

export interface Program {
  begin: Stmt[];
  rules: Rule[];
  end: Stmt[];
  functions: Map<string, AwkFunction>;
}
