/**
 * The awk parser: busybox's, so that what parses (and how) is what a learner
 * would see on alpine. Expressions are built by busybox's operator-priority
 * algorithm (parse_expr): each new operator climbs over the operators that
 * bind tighter than it and takes their place, so `1 + 2 * 3` and
 * `a = b ? c : d` come out right without a grammar rule per level.
 * Statements are read as busybox's chain_group does, with its rules about
 * where newlines and semicolons may go.
 *
 *     const program = parse('{ s += $1 } END { print s }', 'cmd. line', globals);
 */
import type { AwkFunction, Expr, Pos, Program, RegexLiteral, Rule, Stmt, VarRef } from './ast.ts';
import { Cell, numberCell, stringCell } from './cell.ts';
import {
  AwkError,
  Lexer,
  TC_ARRAY,
  TC_ARRTERM,
  TC_BEGIN,
  TC_BUILTIN,
  TC_COMMA,
  TC_ELSE,
  TC_END,
  TC_EOF,
  TC_FUNCDECL,
  TC_FUNCTION,
  TC_GETLINE,
  TC_LBRACE,
  TC_LENGTH,
  TC_LPAREN,
  TC_NEWLINE,
  TC_NUMBER,
  TC_OUTRDR,
  TC_RBRACE,
  TC_REGEXP,
  TC_RPAREN,
  TC_SEMICOL,
  TC_STRING,
  TC_UOPPOST,
  TC_UOPPRE1,
  TC_VARIABLE,
  TC_WHILE,
  TC_BINOPX,
  TS_BINOP,
  TS_GRPSEQ,
  TS_LVALUE,
  TS_OPERAND,
  TS_OPSEQ,
  TS_UOPPRE,
} from './lexer.ts';
import { Regex, RegexError } from './regex.ts';

/** A node while an expression is being built: busybox's node, with its parent link `a`. */
interface PNode {
  op: string;
  pri: number;
  pos: Pos;
  l?: PNode;
  r?: PNode;
  a?: PNode;
  /** Operands: a variable, constant, regex, function or builtin name. */
  ref?: VarRef;
  cell?: Cell;
  regex?: RegexLiteral;
  fn?: AwkFunction;
}

/** Compiles a regex literal; an invalid one ends awk, as xregcomp does. */
export function compileRegex(source: string): RegexLiteral {
  try {
    return { source, re: Regex.compile(source) };
  } catch (e) {
    if (e instanceof RegexError) throw new AwkError(`bad regex '${source}': ${e.message}`, '');
    throw e;
  }
}

export class Parser {
  private lex!: Lexer;
  /** The current function's parameters, by name. */
  private params: Map<string, number> | undefined;
  private loops = 0;
  readonly program: Program = { begin: [], rules: [], end: [], functions: new Map() };

  constructor(private readonly globals: (name: string) => Cell) {}

  /** Parses one program text (several -f files add to the same program). */
  parse(text: string, progname: string): Program {
    this.lex = new Lexer(text, progname);
    const lex = this.lex;
    const top = TS_OPSEQ | TC_LBRACE | TC_BEGIN | TC_END | TC_FUNCDECL | TC_EOF | TC_NEWLINE;
    let tc = lex.next(top);
    for (;;) {
      if (tc === TC_EOF) break;
      if (tc === TC_NEWLINE) {
        tc = lex.next(top);
        continue;
      }
      if (tc === TC_BEGIN || tc === TC_END) {
        // The brace must be on the same line.
        lex.next(TC_LBRACE);
        const body = this.untilRbrace();
        (tc === TC_BEGIN ? this.program.begin : this.program.end).push(...body);
      } else if (tc === TC_FUNCDECL) {
        this.functionDecl();
      } else if (tc & TS_OPSEQ) {
        lex.rollback();
        const rule = this.patternRule();
        this.program.rules.push(rule);
      } else {
        this.program.rules.push({ action: this.untilRbrace() });
      }
      // One semicolon may separate rules.
      tc = lex.next(top | TC_SEMICOL);
      if (tc === TC_SEMICOL) tc = lex.next(top);
    }
    return this.program;
  }

  private func(name: string): AwkFunction {
    let f = this.program.functions.get(name);
    if (!f) {
      f = { name, params: [], defined: false, body: [] };
      this.program.functions.set(name, f);
    }
    return f;
  }

  private functionDecl(): void {
    const lex = this.lex;
    lex.next(TC_FUNCTION);
    const f = this.func(lex.text);
    if (f.defined) lex.error('Duplicate function');
    f.defined = true;
    const params = new Map<string, number>();
    for (;;) {
      if (lex.next(TC_VARIABLE | TC_RPAREN) === TC_RPAREN) {
        if (f.params.length === 0) break;
        lex.error('Unexpected token');
      }
      params.set(lex.text, f.params.length);
      f.params.push(lex.text);
      if (lex.next(TC_COMMA | TC_RPAREN) === TC_RPAREN) break;
    }
    while (lex.next(TC_LBRACE | TC_NEWLINE) === TC_NEWLINE) continue;
    this.params = params;
    try {
      f.body = this.untilRbrace();
    } finally {
      this.params = undefined;
    }
  }

  private patternRule(): Rule {
    const lex = this.lex;
    const pos = lex.pos;
    const p = this.parseExpr(TC_SEMICOL | TC_NEWLINE | TC_EOF | TC_LBRACE);
    const action = lex.tclass === TC_LBRACE ? this.untilRbrace() : undefined;
    if (p && p.op === ',' && p.pri === 80) return { range: { from: this.expr(p.l), to: this.expr(p.r), active: false }, action };
    return { pattern: p ? this.expr(p) : { k: 'empty', pos }, action };
  }

  // ---- statements ------------------------------------------------------------------

  private untilRbrace(): Stmt[] {
    const lex = this.lex;
    const body: Stmt[] = [];
    for (;;) {
      const tc = lex.next(TS_GRPSEQ | TC_RBRACE);
      if (tc === TC_RBRACE) return body;
      if (tc === TC_NEWLINE) continue;
      lex.rollback();
      body.push(this.statement());
    }
  }

  /** One statement (chain_group). */
  private statement(): Stmt {
    const lex = this.lex;
    let tc: number;
    do tc = lex.next(TS_GRPSEQ);
    while (tc === TC_NEWLINE);
    const pos = lex.pos;
    if (tc === TC_LBRACE) return { k: 'block', body: this.untilRbrace(), pos };
    if (tc & (TS_OPSEQ | TC_SEMICOL)) {
      lex.rollback();
      return { k: 'expr', e: this.simple(false), pos };
    }
    const word = lex.info.op;
    switch (word) {
      case 'if': {
        const test = this.parenExpr();
        const yes = this.statement();
        if (lex.next(TS_GRPSEQ | TC_RBRACE | TC_ELSE) === TC_ELSE) return { k: 'if', test, yes, no: this.statement(), pos };
        lex.rollback();
        return { k: 'if', test, yes, pos };
      }
      case 'while': {
        const test = this.parenExpr();
        return { k: 'while', test, body: this.loopBody(), pos };
      }
      case 'do': {
        const body = this.loopBody();
        lex.next(TC_WHILE);
        return { k: 'do', body, test: this.parenExpr(), pos };
      }
      case 'for': {
        lex.next(TC_LPAREN);
        const first = this.parseExpr(TC_SEMICOL | TC_RPAREN);
        if (lex.tclass & TC_RPAREN) {
          if (!first || first.op !== 'in') return lex.error('Unexpected token');
          return { k: 'forin', variable: this.expr(first.l), array: this.expr(first.r), body: this.loopBody(), pos };
        }
        const test = this.parseExpr(TC_SEMICOL);
        const step = this.parseExpr(TC_RPAREN);
        return { k: 'for', init: this.expr(first), test: test ? this.expr(test) : undefined, step: this.expr(step), body: this.loopBody(), pos };
      }
      case 'print':
      case 'printf': {
        const args = this.parseExpr(TC_SEMICOL | TC_NEWLINE | TC_OUTRDR | TC_RBRACE);
        let redirect: { mode: '>' | '>>' | '|'; dest: Expr } | undefined;
        if (lex.tclass & TC_OUTRDR) {
          const mode = lex.info.op as '>' | '>>' | '|';
          const dest = this.parseExpr(TC_SEMICOL | TC_NEWLINE | TC_RBRACE);
          // `print >` with nothing after it prints to stdout.
          if (dest) redirect = { mode, dest: this.expr(dest) };
        }
        if (lex.tclass & TC_RBRACE) lex.rollback();
        return { k: word, args: this.list(args), redirect, pos };
      }
      case 'break':
      case 'continue':
        if (this.loops === 0) lex.error(`'${word}' not in a loop`);
        this.simple(false);
        return { k: word, pos };
      case 'next':
      case 'nextfile':
        this.simple(false);
        return { k: word, pos };
      case 'delete':
        return { k: 'delete', target: this.simple(true), pos };
      case 'return': {
        const value = this.simple(false);
        return { k: 'return', value: value.k === 'empty' ? undefined : value, pos };
      }
      default: {
        // exit
        const code = this.simple(false);
        return { k: 'exit', code: code.k === 'empty' ? undefined : code, pos };
      }
    }
  }

  private loopBody(): Stmt {
    this.loops++;
    try {
      return this.statement();
    } finally {
      this.loops--;
    }
  }

  /** An expression ended by ; newline or } (chain_expr). */
  private simple(required: boolean): Expr {
    const lex = this.lex;
    const pos = lex.pos;
    const n = this.parseExpr(TC_SEMICOL | TC_NEWLINE | TC_RBRACE);
    if (required && !n) lex.error('Too few arguments');
    if (lex.tclass & TC_RBRACE) lex.rollback();
    return n ? this.expr(n) : { k: 'empty', pos };
  }

  private parenExpr(): Expr {
    this.lex.next(TC_LPAREN);
    const pos = this.lex.pos;
    const n = this.parseExpr(TC_RPAREN);
    return n ? this.expr(n) : { k: 'empty', pos };
  }

  // ---- expressions --------------------------------------------------------------------

  /** Builds the expression up to a token of class `term` (which it eats); undefined if empty. */
  private parseExpr(term: number): PNode | undefined {
    const lex = this.lex;
    const root: PNode = { op: 'root', pri: 127, pos: lex.pos };
    let cn = root;
    let getline: PNode | undefined;
    let expected = TS_OPERAND | TS_UOPPRE | TC_REGEXP | term;
    for (;;) {
      const tc = lex.next(expected);
      if (tc & term) break;
      const info = lex.info;
      const pos = lex.pos;
      if (getline && tc === TC_BINOPX && info.op === '<') {
        // getline < file: the file expression hangs below the getline.
        cn = getline.l = { op: 'concat', pri: 37, pos, a: getline };
        expected = TS_OPERAND | TS_UOPPRE;
        getline = undefined;
        continue;
      }
      if (tc & (TS_BINOP | TC_UOPPOST)) {
        // Climb over the operators that bind tighter, and take their place.
        let vn = cn;
        while (info.pri > (vn.a!.pri & ~1) || (info.op === ':' && vn.op === ':' && vn.pri === 67)) {
          vn = vn.a!;
          if (!vn.a) lex.error('Unexpected token');
        }
        const parent = vn.a!;
        cn = parent.r = { op: info.op, pri: info.op === '?' ? info.pri + 6 : info.pri, pos, a: parent };
        if (tc & TS_BINOP) {
          cn.l = vn;
          expected = TS_OPERAND | TS_UOPPRE | TC_REGEXP;
          if (info.op === 'pgetline') {
            lex.next(TC_GETLINE);
            cn.pri = 0;
            expected = TS_OPERAND | TS_UOPPRE | TS_BINOP | term;
          }
        } else {
          cn.r = vn;
          expected = TS_OPERAND | TS_UOPPRE | TS_BINOP | term;
        }
        vn.a = cn;
        continue;
      }
      // Operands and prefix operators hang below the last node.
      const vn = cn;
      cn = vn.r = { op: info.op, pri: info.pri, pos, a: vn };
      expected = TS_OPERAND | TS_UOPPRE | TC_REGEXP;
      if (info.op === 'pre++' || info.op === 'pre--') expected = TS_LVALUE | TC_UOPPRE1;
      if (!(tc & (TS_OPERAND | TC_REGEXP))) continue;
      expected = TS_UOPPRE | TC_UOPPOST | TS_BINOP | TS_OPERAND | term;
      cn.pri = 0;
      switch (tc) {
        case TC_VARIABLE:
        case TC_ARRAY: {
          const slot = this.params?.get(lex.text);
          cn.op = 'ref';
          cn.ref = slot !== undefined ? { k: 'arg', name: lex.text, slot } : { k: 'var', name: lex.text, cell: this.globals(lex.text) };
          if (tc === TC_ARRAY) cn.r = this.parseExpr(TC_ARRTERM);
          break;
        }
        case TC_NUMBER:
          cn.op = 'const';
          cn.cell = numberCell(lex.number);
          break;
        case TC_STRING:
          cn.op = 'const';
          cn.cell = stringCell(lex.text);
          expected &= ~TC_UOPPOST; // "str"++ is not allowed
          break;
        case TC_REGEXP:
          cn.op = 'regex';
          cn.regex = compileRegex(lex.text);
          break;
        case TC_FUNCTION:
          cn.op = 'call';
          cn.fn = this.func(lex.text);
          cn.l = this.parseExpr(TC_RPAREN);
          break;
        case TC_LPAREN: {
          const inner = this.parseExpr(TC_RPAREN);
          if (!inner) return lex.error('Empty sequence');
          cn = vn.r = inner;
          inner.a = vn;
          break;
        }
        case TC_GETLINE:
          cn.op = 'getline';
          getline = cn;
          expected = TS_OPERAND | TS_UOPPRE | TS_BINOP | term;
          break;
        case TC_BUILTIN:
          cn.op = 'builtin:' + info.op;
          lex.next(TC_LPAREN);
          cn.l = this.parseExpr(TC_RPAREN);
          break;
        case TC_LENGTH: {
          cn.op = 'builtin:length';
          const t = lex.next(TC_LPAREN | TC_SEMICOL | TC_NEWLINE | TC_RBRACE | TC_BINOPX | TC_COMMA);
          if (t !== TC_LPAREN) lex.rollback();
          else cn.l = this.parseExpr(TC_RPAREN);
          break;
        }
      }
    }
    return root.r;
  }

  /** Arguments: a right-leaning chain of commas (busybox's nextarg). */
  private list(n: PNode | undefined): Expr[] {
    const out: Expr[] = [];
    while (n && n.op === ',' && n.pri === 80) {
      out.push(this.expr(n.l));
      n = n.r;
    }
    if (n) out.push(this.expr(n));
    return out;
  }

  /** Turns a finished busybox-style node into an expression. */
  private expr(n: PNode | undefined): Expr {
    if (!n) return { k: 'empty', pos: this.lex.pos };
    const pos = n.pos;
    const l = () => this.expr(n.l);
    const r = () => this.expr(n.r);
    const op = n.op;
    switch (op) {
      case 'ref':
        return { k: 'ref', v: n.ref!, index: n.r ? r() : undefined, pos };
      case 'const':
        return { k: 'const', cell: n.cell!, pos };
      case 'regex':
        return { k: 'regex', re: n.regex!, pos };
      case 'call':
        return { k: 'call', fn: n.fn!, args: this.list(n.l), pos };
      case 'getline':
        return { k: 'getline', from: n.l ? 'file' : 'input', source: n.l ? l() : undefined, target: n.r ? r() : undefined, pos };
      case 'pgetline':
        return { k: 'getline', from: 'command', source: l(), target: n.r ? r() : undefined, pos };
      case '$':
        return { k: 'field', index: r(), pos };
      case 'unary-':
      case 'unary+':
        return { k: 'unary', op: op === 'unary-' ? '-' : '+', operand: r(), pos };
      case '!':
        return { k: 'unary', op: '!', operand: r(), pos };
      case 'pre++':
      case 'pre--':
      case 'post++':
      case 'post--':
        return { k: 'incdec', op, target: r(), pos };
      case '=':
        return { k: 'assign', op: '', target: l(), value: r(), pos };
      case '+=':
      case '-=':
      case '*=':
      case '/=':
      case '%=':
      case '^=':
        return { k: 'assign', op: op[0] as '+', target: l(), value: r(), pos };
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case '^':
        return { k: 'arith', op, l: l(), r: r(), pos };
      case '==':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return { k: 'compare', op, l: l(), r: r(), pos };
      case '~':
      case '!~':
        return { k: 'match', negate: op === '!~', l: l(), re: r(), pos };
      case '&&':
        return { k: 'and', l: l(), r: r(), pos };
      case '||':
        return { k: 'or', l: l(), r: r(), pos };
      case 'in':
        return { k: 'in', key: l(), array: r(), pos };
      case ',':
        return { k: 'join', l: l(), r: r(), pos };
      case 'concat':
        return { k: 'concat', l: l(), r: r(), pos };
      case '?': {
        const branches = n.r;
        if (branches && branches.op === ':' && branches.pri === 67) return { k: 'cond', test: l(), yes: this.expr(branches.l), no: this.expr(branches.r), pos };
        return { k: 'cond', test: l(), pos };
      }
      default:
        if (op.startsWith('builtin:')) return { k: 'builtin', name: op.slice(8), args: this.list(n.l), pos };
        return { k: 'invalid', message: 'Possible syntax error', pos };
    }
  }
}
