/**
 * fnmatch(3) with no flags (find -name, -path): `*` and `?` match any
 * characters including "/" and a leading ".", `[...]` is a bracket
 * expression (`[!a-z]`, `[[:digit:]]`), a backslash quotes the next
 * character. `ignoreCase` is FNM_CASEFOLD (-iname, -ipath).
 *
 *     fnmatch('*.txt', 'notes.txt') === true
 *     fnmatch('[!.]*', '.hidden') === false
 */
const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\v\\f\\r',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9a-fA-F',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

const escapeChar = (c: string) => (/[\\^$.*+?()[\]{}|\/-]/.test(c) ? '\\' + c : c);

/** The bracket expression starting at pattern[i] ("["), as a RegExp class, and where it ends; undefined if unterminated. */
function bracket(pattern: string, i: number): { re: string; end: number } | undefined {
  let j = i + 1;
  let negate = false;
  if (pattern[j] === '!' || pattern[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  for (; j < pattern.length; j++) {
    const c = pattern[j]!;
    if (c === ']' && !first) return { re: `[${negate ? '^' : ''}${body}]`, end: j };
    first = false;
    if (c === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      const cls = close >= 0 ? CLASSES[pattern.slice(j + 2, close)] : undefined;
      if (cls !== undefined) {
        body += cls;
        j = close + 1;
        continue;
      }
    }
    let lo = c;
    if (c === '\\' && j + 1 < pattern.length) lo = pattern[++j]!;
    if (pattern[j + 1] === '-' && pattern[j + 2] !== undefined && pattern[j + 2] !== ']') {
      let hi = pattern[j + 2]!;
      j += 2;
      if (hi === '\\' && j + 1 < pattern.length) hi = pattern[++j]!;
      if (hi >= lo) body += `${escapeChar(lo)}-${escapeChar(hi)}`;
      continue;
    }
    body += escapeChar(lo);
  }
  return undefined;
}

export function fnmatchRegExp(pattern: string, ignoreCase = false): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '[') {
      const b = bracket(pattern, i);
      if (b) {
        re += b.re;
        i = b.end;
      } else re += '\\[';
    } else if (c === '\\' && i + 1 < pattern.length) re += escapeChar(pattern[++i]!);
    else re += escapeChar(c);
  }
  return new RegExp(`^${re}$`, ignoreCase ? 'i' : '');
}

export function fnmatch(pattern: string, text: string, ignoreCase = false): boolean {
  return fnmatchRegExp(pattern, ignoreCase).test(text);
}
