/**
 * ES modules (`.mjs`, or `.js` under a package.json with "type": "module")
 * rewritten to run as CommonJS, statement by statement and line for line:
 *
 *     import http from 'http';          →  const http = __berth_esm.default(__berth_require('http'));
 *     import { join as j } from 'path'; →  const { join: j } = __berth_require('path');
 *     import * as fs from 'fs';         →  const fs = __berth_esm.namespace(__berth_require('fs'));
 *     export const port = 3000;         →  const port = 3000;   (+ a getter on exports, at the top)
 *     export default app;               →  exports.default = app;
 *     import.meta.url, import('x')      →  __berth_meta.url, __berth_import('x')
 *
 * Exports are getters defined before the module runs, so they stay live
 * bindings; imports are not (a re-assigned export is seen by the importer
 * only through a namespace import). The module runs in strict mode, and
 * `require`, `__dirname` and friends are not in its scope, as in Node.
 */
import { tokenize, type Token } from './tokens.ts';

const is = (t: Token | undefined, kind: Token['t'], v?: string): boolean => !!t && t.t === kind && (v === undefined || t.v === v);

interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Whether source text uses import/export statements at its top level. */
export function hasModuleSyntax(src: string): boolean {
  const tokens = tokenize(src);
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.t === 'punct' && (t.v === '(' || t.v === '[' || t.v === '{')) depth++;
    else if (t.t === 'punct' && (t.v === ')' || t.v === ']' || t.v === '}')) depth--;
    else if (depth === 0 && t.t === 'name' && (t.v === 'import' || t.v === 'export') && !is(tokens[k - 1], 'punct', '.') && !is(tokens[k + 1], 'punct', '(') && !is(tokens[k + 1], 'punct', '.')) return true;
  }
  return false;
}

/** The rewritten module, and whether it awaits at its top level (its wrapper must then be async). */
export function esmToCommonJs(src: string): { code: string; topLevelAwait: boolean } {
  const tokens = tokenize(src);
  const edits: Edit[] = [];
  const exported: [string, string][] = [];
  let depth = 0;
  /** Replaces tokens from..to (inclusive) with text, keeping the line count. */
  const replace = (from: number, to: number, text: string) => {
    const start = tokens[from]!.s;
    const end = tokens[to]!.e;
    const lines = src.slice(start, end).split('\n').length - 1;
    edits.push({ from: start, to: end, text: text + '\n'.repeat(lines) });
  };
  const str = (t: Token) => t.v;

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.t === 'punct' && (t.v === '(' || t.v === '[' || t.v === '{')) depth++;
    else if (t.t === 'punct' && (t.v === ')' || t.v === ']' || t.v === '}')) depth--;
    if (t.t !== 'name' || is(tokens[k - 1], 'punct', '.') || is(tokens[k - 1], 'punct', '?.')) continue;
    if (t.v === 'import' && is(tokens[k + 1], 'punct', '.') && is(tokens[k + 2], 'name', 'meta')) {
      edits.push({ from: t.s, to: tokens[k + 2]!.e, text: '__berth_meta' });
      continue;
    }
    if (t.v === 'import' && is(tokens[k + 1], 'punct', '(')) {
      edits.push({ from: t.s, to: t.e, text: '__berth_import' });
      continue;
    }
    if (depth !== 0) continue;
    if (t.v === 'import') {
      const parsed = parseImport(tokens, k);
      if (!parsed) continue;
      const req = `__berth_require(${str(parsed.source)})`;
      const parts: string[] = [];
      if (!parsed.default && !parsed.namespace && !parsed.named) parts.push(`${req};`);
      else {
        parts.push(`const __berth_m${k} = ${req};`);
        if (parsed.default) parts.push(`const ${parsed.default} = __berth_esm.default(__berth_m${k});`);
        if (parsed.namespace) parts.push(`const ${parsed.namespace} = __berth_esm.namespace(__berth_m${k});`);
        if (parsed.named) parts.push(`const { ${parsed.named.map(([from, to]) => (from === to ? from : `${from}: ${to}`)).join(', ')} } = __berth_m${k};`);
      }
      replace(k, parsed.end, parts.join(' '));
      k = parsed.end;
    } else if (t.v === 'export') {
      k = exportStatement(tokens, k, replace, edits, exported);
    }
  }

  // The exports are defined after the body (on its last line, so that no column moves): function
  // declarations are hoisted, and the getters read the bindings when an importer asks.
  const trailer = [';Object.defineProperty(exports,"__esModule",{value:true});', ...exported.map(([name, local]) => `Object.defineProperty(exports,${JSON.stringify(name)},{enumerable:true,get:()=>${local}});`)].join('');
  let out = '';
  let at = 0;
  for (const e of edits.sort((a, b) => a.from - b.from)) {
    out += src.slice(at, e.from) + e.text;
    at = e.to;
  }
  return { code: out + src.slice(at) + trailer, topLevelAwait: awaitsAtTopLevel(tokens) };
}

/** An `await` outside every function body. */
function awaitsAtTopLevel(tokens: Token[]): boolean {
  const functionBody: boolean[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.t === 'punct' && t.v === '{') {
      const prev = tokens[k - 1];
      let fn = is(prev, 'punct', '=>');
      if (prev && prev.t === 'punct' && prev.v === ')' && prev.match >= 0) {
        const before = tokens[prev.match - 1];
        fn = !!before && ((before.t === 'name' && !['if', 'for', 'while', 'switch', 'catch', 'with'].includes(before.v)) || (before.t === 'punct' && before.v === ']'));
      }
      functionBody.push(fn);
    } else if (t.t === 'punct' && t.v === '}') functionBody.pop();
    else if (t.t === 'name' && t.v === 'await' && !functionBody.includes(true)) return true;
  }
  return false;
}

function parseImport(tokens: Token[], k: number): { default?: string; namespace?: string; named?: [string, string][]; source: Token; end: number } | undefined {
  let j = k + 1;
  const out: { default?: string; namespace?: string; named?: [string, string][] } = {};
  if (is(tokens[j], 'str')) return { source: tokens[j]!, end: statementEnd(tokens, j) };
  if (is(tokens[j], 'name') && tokens[j]!.v !== 'from') {
    out.default = tokens[j]!.v;
    j++;
    if (is(tokens[j], 'punct', ',')) j++;
  }
  if (is(tokens[j], 'punct', '*') && is(tokens[j + 1], 'name', 'as') && is(tokens[j + 2], 'name')) {
    out.namespace = tokens[j + 2]!.v;
    j += 3;
  } else if (is(tokens[j], 'punct', '{')) {
    const close = tokens[j]!.match;
    out.named = [];
    for (let n = j + 1; n < close; n++) {
      const a = tokens[n]!;
      if (a.t === 'punct') continue;
      if (is(tokens[n + 1], 'name', 'as') && tokens[n + 2]) {
        out.named.push([a.v, tokens[n + 2]!.v]);
        n += 2;
      } else out.named.push([a.v, a.v]);
    }
    j = close + 1;
  }
  if (!is(tokens[j], 'name', 'from') || !is(tokens[j + 1], 'str')) return undefined;
  return { ...out, source: tokens[j + 1]!, end: statementEnd(tokens, j + 1) };
}

/** The last token of an import/export statement ending at a module specifier: `;` or `with { … }` included. */
function statementEnd(tokens: Token[], k: number): number {
  let j = k;
  if ((is(tokens[j + 1], 'name', 'with') || is(tokens[j + 1], 'name', 'assert')) && is(tokens[j + 2], 'punct', '{')) j = tokens[j + 2]!.match;
  return is(tokens[j + 1], 'punct', ';') ? j + 1 : j;
}

function exportStatement(tokens: Token[], k: number, replace: (from: number, to: number, text: string) => void, edits: Edit[], exported: [string, string][]): number {
  const next = tokens[k + 1]!;
  const blank = () => edits.push({ from: tokens[k]!.s, to: tokens[k]!.e, text: ' '.repeat(6) });
  if (is(next, 'name', 'default')) {
    const decl = tokens[k + 2];
    const isAsyncFn = is(decl, 'name', 'async') && is(tokens[k + 3], 'name', 'function');
    const fnAt = isAsyncFn ? k + 3 : k + 2;
    if ((is(decl, 'name', 'function') || is(decl, 'name', 'class') || isAsyncFn) && is(tokens[fnAt + (is(tokens[fnAt + 1], 'punct', '*') ? 2 : 1)], 'name')) {
      const nameTok = tokens[fnAt + (is(tokens[fnAt + 1], 'punct', '*') ? 2 : 1)]!;
      edits.push({ from: tokens[k]!.s, to: next!.e, text: ' '.repeat(next!.e - tokens[k]!.s) });
      exported.push(['default', nameTok.v]);
      return k + 1;
    }
    edits.push({ from: tokens[k]!.s, to: next!.e, text: 'exports.default =' });
    return k + 1;
  }
  if (is(next, 'name') && ['const', 'let', 'var'].includes(next.v)) {
    blank();
    for (const name of declaredNames(tokens, k + 2)) exported.push([name, name]);
    return k + 1;
  }
  if (is(next, 'name') && (next.v === 'function' || next.v === 'class' || next.v === 'async')) {
    blank();
    let j = k + 2;
    if (next.v === 'async') j++;
    if (is(tokens[j], 'punct', '*')) j++;
    if (is(tokens[j], 'name')) exported.push([tokens[j]!.v, tokens[j]!.v]);
    return k + 1;
  }
  if (is(next, 'punct', '*')) {
    let j = k + 2;
    let as: string | undefined;
    if (is(tokens[j], 'name', 'as')) {
      as = tokens[j + 1]?.v;
      j += 2;
    }
    if (!is(tokens[j], 'name', 'from') || !is(tokens[j + 1], 'str')) return k;
    const end = statementEnd(tokens, j + 1);
    const req = `__berth_require(${tokens[j + 1]!.v})`;
    replace(k, end, as ? `const __berth_ns${k} = __berth_esm.namespace(${req});` : `__berth_esm.star(exports, ${req});`);
    if (as) exported.push([as, `__berth_ns${k}`]);
    return end;
  }
  if (is(next, 'punct', '{')) {
    const close = next.match;
    const pairs: [string, string][] = [];
    for (let n = k + 2; n < close; n++) {
      const a = tokens[n]!;
      if (a.t === 'punct') continue;
      if (is(tokens[n + 1], 'name', 'as') && tokens[n + 2]) {
        pairs.push([tokens[n + 2]!.t === 'str' ? JSON.parse(tokens[n + 2]!.v.replace(/^'|'$/g, '"')) : tokens[n + 2]!.v, a.v]);
        n += 2;
      } else pairs.push([a.v, a.v]);
    }
    const from = is(tokens[close + 1], 'name', 'from') && is(tokens[close + 2], 'str') ? tokens[close + 2]! : undefined;
    const end = from ? statementEnd(tokens, close + 2) : is(tokens[close + 1], 'punct', ';') ? close + 1 : close;
    if (from) {
      replace(k, end, `const __berth_re${k} = __berth_require(${from.v});`);
      for (const [name, local] of pairs) exported.push([name, local === 'default' ? `__berth_esm.default(__berth_re${k})` : `__berth_re${k}.${local}`]);
    } else {
      replace(k, end, '');
      exported.push(...pairs);
    }
    return end;
  }
  return k;
}

/** The names a `const`/`let`/`var` statement declares (simple names and the identifiers of destructuring patterns). */
function declaredNames(tokens: Token[], k: number): string[] {
  const names: string[] = [];
  let j = k;
  for (;;) {
    const t = tokens[j];
    if (!t) break;
    if (t.t === 'name') {
      names.push(t.v);
    } else if (t.t === 'punct' && (t.v === '{' || t.v === '[') && t.match > j) {
      for (let n = j + 1; n < t.match; n++) {
        const p = tokens[n]!;
        if (p.t === 'name' && !is(tokens[n + 1], 'punct', ':') && !is(tokens[n - 1], 'punct', '=') && !is(tokens[n - 1], 'punct', '.')) names.push(p.v);
      }
      j = t.match;
    } else break;
    // Skip the initializer to the next declarator at this level.
    j++;
    let depth = 0;
    for (; j < tokens.length; j++) {
      const u = tokens[j]!;
      if (u.t === 'punct' && (u.v === '(' || u.v === '[' || u.v === '{')) depth++;
      else if (u.t === 'punct' && (u.v === ')' || u.v === ']' || u.v === '}')) {
        if (depth === 0) return names;
        depth--;
      } else if (depth === 0 && u.t === 'punct' && u.v === ';') return names;
      else if (depth === 0 && u.t === 'punct' && u.v === ',') break;
      else if (depth === 0 && u.nl && (u.t === 'name' && ['const', 'let', 'var', 'function', 'class', 'export', 'import', 'if', 'for', 'while', 'return'].includes(u.v))) return names;
    }
    if (j >= tokens.length) return names;
    j++;
  }
  return names;
}
