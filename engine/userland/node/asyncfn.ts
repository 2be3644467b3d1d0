/**
 * Async functions made to return the process's own promises.
 *
 * A promise that rejects with nobody to handle it must end the script, as
 * in Node ("unhandled rejection"), and must never reach the JS host — in
 * Node (tests, the native CLI) an unhandled rejection ends the whole
 * emulator. The process's `Promise` (./promise.ts) keeps track of that, but
 * an async function returns the engine's own promise; so each one becomes a
 * plain function that hands an async arrow's promise to the tracker, with
 * `this`, `arguments` and `super` unchanged (an arrow shares them):
 *
 *     async function f(a) { … }    →  function f(a) { return __berth_async(async () => { … }); }
 *     async m() { … }              →  m() { return __berth_async(async () => { … }); }
 *     async (x) => { … }           →  (x) => __berth_async(async () => { … })
 *     async x => x + 1             →  x => __berth_async(async () => x + 1)
 *
 * (`async` is blanked out with spaces, so columns stay.) Async generators
 * are left alone.
 */
import { expressionEnd, type Edits } from './instrument.ts';
import type { Token } from './tokens.ts';

const is = (tokens: Token[], k: number, t: Token['t'], v?: string) => {
  const tok = tokens[k];
  return !!tok && tok.t === t && (v === undefined || tok.v === v);
};

export function asyncFunctions(tokens: Token[], edits: Edits, eof: number): void {
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.t !== 'name' || tok.v !== 'async' || is(tokens, k - 1, 'punct', '.') || is(tokens, k - 1, 'punct', '?.')) continue;
    const next = tokens[k + 1];
    if (!next || next.nl) continue;
    if (next.t === 'name' && next.v === 'function') {
      if (is(tokens, k + 2, 'punct', '*')) continue;
      const body = bodyAfterParams(tokens, k + 2);
      if (body >= 0) wrapBody(tokens, k, body, edits);
      continue;
    }
    if (next.t === 'punct' && next.v === '(' && next.match > 0 && is(tokens, next.match + 1, 'punct', '=>')) {
      wrapArrow(tokens, k, next.match + 1, edits, eof);
      continue;
    }
    if (next.t === 'name' && is(tokens, k + 2, 'punct', '=>')) {
      wrapArrow(tokens, k, k + 2, edits, eof);
      continue;
    }
    // A method: async name(…) {, async 'name'(…) {, async [key](…) {
    if (next.t === 'name' || next.t === 'str' || next.t === 'num' || (next.t === 'punct' && next.v === '[')) {
      const paren = next.t === 'punct' ? next.match + 1 : k + 2;
      if (!is(tokens, paren, 'punct', '(')) continue;
      const body = bodyAfterParams(tokens, paren);
      if (body >= 0) wrapBody(tokens, k, body, edits);
    }
  }
}

/** The `{` of the body after a parameter list starting at or after `from` (the function's name may come first). */
function bodyAfterParams(tokens: Token[], from: number): number {
  let paren = from;
  if (is(tokens, paren, 'name')) paren++;
  const p = tokens[paren];
  if (!p || p.t !== 'punct' || p.v !== '(' || p.match < 0) return -1;
  return is(tokens, p.match + 1, 'punct', '{') && tokens[p.match + 1]!.match > 0 ? p.match + 1 : -1;
}

function wrapBody(tokens: Token[], asyncAt: number, body: number, edits: Edits): void {
  const open = tokens[body]!;
  const close = tokens[open.match]!;
  edits.blank(tokens[asyncAt]!.s, tokens[asyncAt]!.e);
  edits.insert(open.e, 'return __berth_async(async () => {');
  edits.insert(close.s, '});', 1);
}

function wrapArrow(tokens: Token[], asyncAt: number, arrow: number, edits: Edits, eof: number): void {
  const first = tokens[arrow + 1];
  if (!first) return;
  const end = first.t === 'punct' && first.v === '{' && first.match > 0 ? tokens[first.match]!.e : expressionEnd(tokens, arrow + 1, eof, true);
  edits.blank(tokens[asyncAt]!.s, tokens[asyncAt]!.e);
  edits.insert(tokens[arrow]!.e, ' __berth_async(async () =>');
  edits.insert(end, ')');
}
