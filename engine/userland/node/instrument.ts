/**
 * Makes a learner's JavaScript unable to freeze the page. A program runs on
 * the same JS engine as the emulator, so `while (true) {}` would stop
 * everything; instead every place where time can go round and round calls
 * the guard (`__berth_g()`, see ./guard.ts), which throws once one
 * synchronous slice has run too long:
 *
 *     while (c) s;            →  while (__berth_g(), c) s;
 *     for (i = 0; i < n; i++) →  for (i = 0; __berth_g(), i < n; i++)      (for (;;) → for (; (__berth_g(), true);))
 *     function f(a) { … }     →  function f(a) {__berth_g(); … }   (methods, getters, arrows with a block, catch too)
 *     x => x * 2              →  x => (__berth_g(), x * 2)
 *
 * A guard in every `catch` block makes the guard's error uncatchable in
 * practice. More rewrites serve the sandbox (./sandbox.ts):
 *
 *     throw e                 →  throw __berth_at(3,2,(e))   (where it was thrown, for Node's "^" line)
 *     typeof x                →  (__berth_T(), __berth_U(typeof x))   (an undeclared x is "undefined", not a ReferenceError)
 *     eval(s)                 →  __berth_eval(s)   (the process's eval, which instruments `s` too)
 *
 * and async functions return promises the process tracks (./asyncfn.ts).
 *
 * Inserted text never contains a line break, so line numbers stay;
 * `column` turns a column of the result back into the learner's column.
 * The tokens come from ./tokens.ts; the passes find the ends of
 * expressions the way automatic semicolon insertion does (expressionEnd).
 */
import { asyncFunctions } from './asyncfn.ts';
import { tokenize, type Token } from './tokens.ts';

export interface Instrumented {
  code: string;
  /** The learner's 1-based column for a 1-based line and column of `code`. */
  column(line: number, column: number): number;
}

const GUARD = '__berth_g()';
const NOT_A_BLOCK_GUARD = new Set(['switch', 'if', 'with']);
const NOT_TYPEOF_OPERAND = new Set(['function', 'class', 'new', 'this', 'null', 'true', 'false', 'void', 'typeof', 'delete', 'await', 'yield', 'super', 'import', 'async']);

interface Insertion {
  at: number;
  text: string;
  /** At the same offset, lower first: what closes an inner expression comes before what closes a block. */
  order: number;
}

/** What the passes do to the source: insert text, or blank a word out (spaces keep the columns). */
export interface Edits {
  insert(at: number, text: string, order?: number): void;
  blank(from: number, to: number): void;
}

export function instrument(src: string): Instrumented {
  const tokens = tokenize(src);
  const inserts: Insertion[] = [];
  const blanks: [number, number][] = [];
  const insert = (at: number, text: string, order = 0) => inserts.push({ at, text, order });
  asyncFunctions(tokens, { insert, blank: (from, to) => blanks.push([from, to]) }, src.length);
  const is = (k: number, t: Token['t'], v?: string) => {
    const tok = tokens[k];
    return !!tok && tok.t === t && (v === undefined || tok.v === v);
  };
  const afterDot = (k: number) => is(k - 1, 'punct', '.') || is(k - 1, 'punct', '?.');
  const keyword = (k: number, v: string) => is(k, 'name', v) && !afterDot(k) && !is(k + 1, 'punct', ':');
  const classBodies = new Set<number>();

  /** Index of the first token at bracket level of `from` satisfying `pred`, up to `end` (exclusive). */
  const scan = (from: number, end: number, pred: (k: number) => boolean): number => {
    for (let k = from; k < end; k++) {
      const tok = tokens[k]!;
      if (pred(k)) return k;
      if (tok.t === 'punct' && (tok.v === '(' || tok.v === '[' || tok.v === '{') && tok.match > k) k = tok.match;
    }
    return -1;
  };

  const lineCol = lineIndex(src);
  const parents = enclosing(tokens);
  /** `while(a) {…}` as a method of a class or an object literal, not a loop. */
  const isMethod = (k: number): boolean => {
    const next = tokens[k + 1];
    if (!next || next.t !== 'punct' || next.v !== '(' || !is(next.match + 1, 'punct', '{')) return false;
    const parent = parents[k]!;
    if (parent < 0 || !is(parent, 'punct', '{')) return false;
    if (classBodies.has(parent)) return true;
    const before = tokens[parent - 1];
    return !!before && ((before.t === 'punct' && ['=', '(', ',', ':', '[', '?', '||', '&&', '??'].includes(before.v)) || (before.t === 'name' && before.v === 'return'));
  };

  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.t === 'name') {
      if ((tok.v === 'while' || tok.v === 'for' || tok.v === 'throw') && isMethod(k)) continue;
      if (keyword(k, 'while') && is(k + 1, 'punct', '(')) {
        insert(tokens[k + 1]!.e, `${GUARD}, `);
      } else if (keyword(k, 'for')) {
        const paren = is(k + 1, 'name', 'await') ? k + 2 : k + 1;
        const p = tokens[paren];
        if (p && p.t === 'punct' && p.v === '(' && p.match > paren) {
          const semi = scan(paren + 1, p.match, (j) => is(j, 'punct', ';'));
          if (semi >= 0) insert(tokens[semi]!.e, is(semi + 1, 'punct', ';') ? ` (${GUARD}, true)` : ` ${GUARD},`);
        }
      } else if (keyword(k, 'class') && !is(k + 1, 'punct', '(')) {
        const body = scan(k + 1, tokens.length, (j) => is(j, 'punct', '{'));
        if (body >= 0) classBodies.add(body);
      } else if (keyword(k, 'throw') && k + 1 < tokens.length) {
        const [line, col] = lineCol(tok.s);
        insert(tokens[k + 1]!.s, `__berth_at(${line},${col},(`);
        insert(expressionEnd(tokens, k + 1, src.length), '))');
      } else if (tok.v === 'eval' && !afterDot(k) && is(k + 1, 'punct', '(')) {
        insert(tok.s, '__berth_');
      } else if (keyword(k, 'typeof') && is(k + 1, 'name') && !NOT_TYPEOF_OPERAND.has(tokens[k + 1]!.v)) {
        const next = tokens[k + 2];
        const continues = next && ((next.t === 'punct' && ['.', '?.', '[', '(', '=>'].includes(next.v)) || next.t === 'tpl');
        if (!continues) {
          insert(tok.s, '(__berth_T(), __berth_U(');
          insert(tokens[k + 1]!.e, '))');
        }
      }
      continue;
    }
    if (tok.t !== 'punct') continue;
    if (tok.v === '{' && !classBodies.has(k) && blockWantsGuard(tokens, k, afterDot)) {
      insert(tok.e, `${GUARD};`);
    } else if (tok.v === '=>' && !is(k + 1, 'punct', '{')) {
      // An arrow whose body is an expression: the guard runs before it, in a comma expression.
      insert(tok.e, ` (${GUARD},`);
      insert(expressionEnd(tokens, k + 1, src.length, true), ')');
    }
  }
  let text = src;
  for (const [from, to] of blanks) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  return apply(text, inserts, lineCol);
}

/** `{` opening a function body, a loop body or a catch block (not an if, a switch, a class or an object). */
function blockWantsGuard(tokens: Token[], k: number, afterDot: (k: number) => boolean): boolean {
  const prev = tokens[k - 1];
  if (!prev) return false;
  if (prev.t === 'punct' && prev.v === '=>') return true;
  if (prev.t === 'name' && (prev.v === 'do' || prev.v === 'catch') && !afterDot(k - 1)) return true;
  if (prev.t !== 'punct' || prev.v !== ')' || prev.match < 0) return false;
  const kw = tokens[prev.match - 1];
  return !(kw && kw.t === 'name' && NOT_A_BLOCK_GUARD.has(kw.v) && !afterDot(prev.match - 1));
}

/**
 * Where an expression starting at token `k` ends: a `;`, a closing bracket,
 * a line break that automatic semicolon insertion would end the statement
 * at (the next token cannot continue it), and with `assignment` (an arrow's
 * body) a `,` or a `:` that belongs to an enclosing `? :`.
 */
export function expressionEnd(tokens: Token[], k: number, eof: number, assignment = false): number {
  let conditional = 0;
  for (let j = k; j < tokens.length; j++) {
    let t = tokens[j]!;
    if (t.t === 'punct') {
      if (t.v === ';' || t.v === ')' || t.v === ']' || t.v === '}') return t.s;
      if (assignment && t.v === ',') return t.s;
      if (assignment && t.v === '?') conditional++;
      if (assignment && t.v === ':' && conditional-- === 0) return t.s;
      if ((t.v === '(' || t.v === '[' || t.v === '{') && t.match > j) {
        j = t.match;
        t = tokens[j]!;
      }
    }
    const next = tokens[j + 1];
    if (next?.nl && endsValue(t) && (next.t === 'name' || next.t === 'num' || next.t === 'str' || (next.t === 'punct' && (next.v === '++' || next.v === '--' || next.v === '{')))) return t.e;
  }
  return eof;
}

const endsValue = (t: Token) => t.t === 'name' || t.t === 'num' || t.t === 'str' || t.t === 'regex' || (t.t === 'tpl' && t.v.endsWith('`')) || (t.t === 'punct' && (t.v === ')' || t.v === ']' || t.v === '}' || t.v === '++' || t.v === '--'));

/** For each token, the index of the innermost bracket open around it (-1 at the top level). */
function enclosing(tokens: Token[]): number[] {
  const out: number[] = [];
  const stack: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.t === 'punct' && (t.v === ')' || t.v === ']' || t.v === '}') && stack.length > 0 && stack[stack.length - 1] === t.match) stack.pop();
    out.push(stack.length > 0 ? stack[stack.length - 1]! : -1);
    if (t.t === 'punct' && (t.v === '(' || t.v === '[' || t.v === '{') && t.match > k) stack.push(k);
  }
  return out;
}


/** Offset → [1-based line, 0-based column]. */
function lineIndex(src: string): (offset: number) => [number, number] {
  const starts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - starts[lo]!];
  };
}

function apply(src: string, inserts: Insertion[], lineCol: (offset: number) => [number, number]): Instrumented {
  const order = inserts.map((ins, n) => ({ ...ins, n })).sort((a, b) => a.at - b.at || a.order - b.order || a.n - b.n);
  let code = '';
  let from = 0;
  /** Per line: insertions as [original 0-based column, length], in order. */
  const byLine = new Map<number, [number, number][]>();
  for (const ins of order) {
    code += src.slice(from, ins.at) + ins.text;
    from = ins.at;
    const [line, col] = lineCol(ins.at);
    let list = byLine.get(line);
    if (!list) byLine.set(line, (list = []));
    list.push([col, ins.text.length]);
  }
  code += src.slice(from);
  return {
    code,
    column(line, column) {
      const list = byLine.get(line);
      if (!list) return column;
      const gen = column - 1;
      let shift = 0;
      for (const [col, len] of list) {
        if (gen < col + shift) break;
        if (gen < col + shift + len) return col + 1;
        shift += len;
      }
      return gen - shift + 1;
    },
  };
}
