/**
 * Literals in Go templates: strconv.Unquote for "…", `…` and '…', and the
 * "ideal constant" a number literal is (parse/node.go newNumber): an int, a float,
 * a rune, with Go's errors for the ones Go rejects.
 */
import { quote } from './gostrconv.ts';
import { T, type Item } from './template-lex.ts';
import type { NumberNode } from './template-node.ts';

const simpleEscapes: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** One (possibly escaped) character of a quoted literal; undefined on bad syntax. */
function unquoteChar(s: string, quote: string): [string, string] | undefined {
  const c = s[0];
  if (c === undefined || c === quote || c === '\n') return undefined;
  if (c !== '\\') {
    const ch = String.fromCodePoint(s.codePointAt(0) as number);
    return [ch, s.slice(ch.length)];
  }
  const e = s[1];
  if (e === undefined) return undefined;
  if (simpleEscapes[e] !== undefined) return [simpleEscapes[e] as string, s.slice(2)];
  if (e === "'" || e === '"') return e === quote ? [e, s.slice(2)] : undefined;
  const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (hexLen > 0) {
    const h = s.slice(2, 2 + hexLen);
    if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(h)) return undefined;
    const v = Number.parseInt(h, 16);
    if (e === 'x') return [String.fromCharCode(v), s.slice(4)]; // a byte; Latin-1 stands in
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
    return [String.fromCodePoint(v), s.slice(2 + hexLen)];
  }
  if (e >= '0' && e <= '7') {
    const o = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(o) || Number.parseInt(o, 8) > 255) return undefined;
    return [String.fromCharCode(Number.parseInt(o, 8)), s.slice(4)];
  }
  return undefined;
}

/** strconv.Unquote for "…", `…` and '…'; undefined where Go says "invalid syntax". */
export function unquote(s: string): string | undefined {
  const q = s[0];
  if (s.length < 2 || s[s.length - 1] !== q) return undefined;
  const body = s.slice(1, -1);
  if (q === '`') return body.includes('`') ? undefined : body.replace(/\r/g, '');
  if (q !== '"' && q !== "'") return undefined;
  let rest = body;
  let out = '';
  while (rest !== '') {
    const r = unquoteChar(rest, q);
    if (r === undefined) return undefined;
    out += r[0];
    rest = r[1];
  }
  if (q === "'" && [...out].length !== 1) return undefined;
  return out;
}

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** Go integer-literal syntax (base prefixes, underscores); undefined if not one. */
function parseGoInteger(text: string): bigint | undefined {
  const m = /^([+-]?)(0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?[0-7])*|[1-9](?:_?\d)*)$/.exec(text);
  if (m === null) return undefined;
  const [, sign, body = ''] = m;
  const clean = body.replace(/_/g, '');
  let v: bigint;
  if (/^0[oO]/.test(clean)) v = BigInt('0o' + clean.slice(2));
  else if (/^0[0-7]+$/.test(clean)) v = BigInt('0o' + clean.slice(1));
  else v = BigInt(clean);
  return sign === '-' ? -v : v;
}

export function numberNode(token: Item, errorf: (msg: string) => never): NumberNode {
  const text = token.val;
  const n: NumberNode = { type: 'number', pos: token.pos, text, isInt: false, isUint: false, isFloat: false, int: 0n, float: 0 };
  if (token.typ === T.CharConstant) {
    const r = unquote(text);
    if (r === undefined) {
      const first = unquoteChar(text.slice(1), "'");
      if (first !== undefined && first[1] !== "'") errorf(`malformed character constant: ${text}`);
      errorf('invalid syntax');
    }
    const c = BigInt((r as string).codePointAt(0) as number);
    return { ...n, isInt: true, isUint: true, isFloat: true, int: c, float: Number(c) };
  }
  if (token.typ === T.Complex || text.endsWith('i')) {
    errorf(`complex constant ${text} is not supported by this template engine`);
  }
  const int = parseGoInteger(text);
  if (int !== undefined) {
    if (int >= -(INT64_MAX + 1n) && int <= INT64_MAX) n.isInt = true;
    if (int >= 0n && int <= UINT64_MAX && !text.startsWith('+') && !text.startsWith('-')) n.isUint = true;
    if (int === 0n) n.isUint = true;
  }
  if (n.isInt || n.isUint) {
    return { ...n, isFloat: true, int: int as bigint, float: Number(int) };
  }
  const clean = /^[+-]?[0-9.]/.test(text) ? text.replace(/(?<=[0-9a-fA-F])_(?=[0-9a-fA-F])/g, '') : text;
  const isNum = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*[pP][+-]?\d+)$/.test(clean);
  if (isNum) {
    const f = /[xX]/.test(clean) ? hexFloat(clean) : Number(clean);
    if (Number.isFinite(f)) {
      if (!/[.eEpP]/.test(text)) errorf(`integer overflow: ${quote(text)}`);
      const isInt = Number.isInteger(f) && Math.abs(f) < 2 ** 63;
      return { ...n, isFloat: true, float: f, isInt, isUint: isInt && f >= 0, int: isInt ? BigInt(f) : 0n };
    }
  }
  return errorf(`illegal number syntax: ${quote(text)}`);
}

function hexFloat(s: string): number {
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s) as RegExpExecArray;
  const [, sign, int = '', frac = '', exp = '0'] = m;
  const v = Number.parseInt(int + frac || '0', 16) * 2 ** (Number(exp) - 4 * frac.length);
  return sign === '-' ? -v : v;
}
