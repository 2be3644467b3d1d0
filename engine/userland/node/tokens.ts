/**
 * A JavaScript tokenizer just good enough to instrument a learner's file:
 * it knows strings, template literals (with `${…}` nested to any depth),
 * regular-expression literals, comments and numbers, so that a `{` or a
 * `while` is only ever found where the code has one. It does not parse;
 * the JS engine does that afterwards and reports real syntax errors.
 *
 * Whether `/` starts a regex or divides is decided the usual way, from the
 * token before it: after a value (`x`, `1`, `)`, `]`) it divides, after an
 * operator or a keyword like `return` it starts a regex. `)` closing
 * `if (…)`/`while (…)`/`for (…)` is followed by a statement, so a regex.
 */

export interface Token {
  /** name (identifiers and keywords), num, str, tpl (a template piece), regex, punct. */
  t: 'name' | 'num' | 'str' | 'tpl' | 'regex' | 'punct';
  v: string;
  /** Offsets in the source: [s, e). */
  s: number;
  e: number;
  /** Whether a line break comes between this token and the previous one. */
  nl: boolean;
  /** For `(`, `[`, `{` and `}`/`)`/`]`: the index of the matching bracket (-1 if none). */
  match: number;
}

const PUNCTUATORS = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>'];

/** After these keywords an expression starts, so `/` begins a regex. */
const EXPRESSION_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends']);
const STATEMENT_PARENS = new Set(['if', 'while', 'for', 'with']);

const NAME = /(?:[\p{ID_Start}$_]|\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]+\})(?:[\p{ID_Continue}$\u200c\u200d]|\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]+\})*/uy;
const NUMBER = /(?:0[xXoObB][\da-fA-F_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?n?)/y;

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  /** Open brackets: token index, or -1 for a template's `${`. */
  const open: number[] = [];
  let i = 0;
  let nl = false;
  if (src.startsWith('#!')) {
    const end = src.indexOf('\n');
    i = end < 0 ? src.length : end;
  }

  const push = (t: Token['t'], s: number, e: number): Token => {
    const tok: Token = { t, v: src.slice(s, e), s, e, nl, match: -1 };
    tokens.push(tok);
    nl = false;
    return tok;
  };

  const regexAllowed = (): boolean => {
    const prev = tokens[tokens.length - 1];
    if (!prev) return true;
    const before = tokens[tokens.length - 2];
    const afterDot = before?.t === 'punct' && (before.v === '.' || before.v === '?.');
    switch (prev.t) {
      case 'num':
      case 'str':
      case 'regex':
        return false;
      case 'tpl':
        return !prev.v.endsWith('`');
      case 'name':
        return !afterDot && EXPRESSION_KEYWORDS.has(prev.v);
      case 'punct':
        if (prev.v === ']' || prev.v === '++' || prev.v === '--') return false;
        if (prev.v === ')') {
          const opener = tokens[prev.match];
          const kw = opener ? tokens[prev.match - 1] : undefined;
          return kw?.t === 'name' && STATEMENT_PARENS.has(kw.v);
        }
        return true;
    }
  };

  /** Scans a template piece starting after "`" or the "}" that closes a substitution. */
  const template = (start: number, from: number): void => {
    let j = from;
    while (j < src.length) {
      const c = src[j];
      if (c === '\\') j += 2;
      else if (c === '`') {
        push('tpl', start, j + 1);
        i = j + 1;
        return;
      } else if (c === '$' && src[j + 1] === '{') {
        push('tpl', start, j + 2);
        open.push(-1);
        i = j + 2;
        return;
      } else j++;
    }
    push('tpl', start, src.length);
    i = src.length;
  };

  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') {
      nl = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\ufeff' || c === '\u00a0' || /\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      if (/[\n\r\u2028\u2029]/.test(src.slice(i, stop))) nl = true;
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      push('str', i, Math.min(j + 1, src.length));
      i = j + 1;
      continue;
    }
    if (c === '`') {
      template(i, i + 1);
      continue;
    }
    NUMBER.lastIndex = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = NUMBER.exec(src);
      const end = m ? i + m[0].length : i + 1;
      push('num', i, end);
      i = end;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(src);
    if (name) {
      push('name', i, i + name[0].length);
      i += name[0].length;
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n') {
        const d = src[j];
        if (d === '\\') j++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        j++;
      }
      j++;
      while (j < src.length && /[a-z]/i.test(src[j]!)) j++;
      push('regex', i, j);
      i = j;
      continue;
    }
    if (c === '}' && open.length > 0 && open[open.length - 1] === -1) {
      open.pop();
      template(i, i + 1);
      continue;
    }
    let p = c;
    for (const candidate of PUNCTUATORS) {
      if (src.startsWith(candidate, i)) {
        p = candidate;
        break;
      }
    }
    // `a?.5:1` is a conditional, not optional chaining.
    if (p === '?.' && /[0-9]/.test(src[i + 2] ?? '')) p = '?';
    const tok = push('punct', i, i + p.length);
    i += p.length;
    if (p === '(' || p === '[' || p === '{') open.push(tokens.length - 1);
    else if (p === ')' || p === ']' || p === '}') {
      const at = open.length > 0 && open[open.length - 1] !== -1 ? open.pop()! : -1;
      if (at >= 0) {
        tok.match = at;
        tokens[at]!.match = tokens.length - 1;
      }
    }
  }
  return tokens;
}
