/**
 * git's wildmatch, as a regular expression. Two flavours:
 * - `pathname` (gitignore): `*` and `?` stop at "/", and `**` between slashes
 *   spans any number of directories (`a/**\/b` matches a/b and a/x/y/b);
 * - not pathname (pathspecs): `*` matches "/" too, so `git add '*.txt'`
 *   takes text files in every directory.
 */
const CLASSES: Record<string, string> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '\\x21-\\x7e',
  lower: 'a-z',
  print: '\\x20-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9a-fA-F',
};

const escapeRe = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

export function wildmatchRegExp(pattern: string, options: { pathname: boolean; ignoreCase?: boolean }): RegExp {
  const star = options.pathname ? '[^/]*' : '.*';
  const one = options.pathname ? '[^/]' : '.';
  let re = '';
  let i = 0;
  const n = pattern.length;
  while (i < n) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*' && options.pathname) {
        const atStart = i === 0 || pattern[i - 1] === '/';
        let j = i;
        while (pattern[j] === '*') j++;
        const atEnd = j === n || pattern[j] === '/';
        if (atStart && atEnd) {
          if (j === n) re += '.*';
          else {
            // "**/" : zero or more leading directories.
            re += '(?:.*/)?';
            j++;
          }
          i = j;
          continue;
        }
        re += star;
        i = j;
        continue;
      }
      while (pattern[i] === '*') i++;
      re += star;
      continue;
    }
    if (c === '?') {
      re += one;
      i++;
      continue;
    }
    if (c === '\\' && i + 1 < n) {
      re += escapeRe(pattern[i + 1]!);
      i += 2;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      let negate = false;
      if (pattern[j] === '!' || pattern[j] === '^') {
        negate = true;
        j++;
      }
      let body = '';
      let first = true;
      let closed = false;
      while (j < n) {
        const d = pattern[j]!;
        if (d === ']' && !first) {
          closed = true;
          break;
        }
        first = false;
        if (d === '[' && pattern[j + 1] === ':') {
          const end = pattern.indexOf(':]', j + 2);
          const name = end < 0 ? '' : pattern.slice(j + 2, end);
          if (CLASSES[name] !== undefined) {
            body += CLASSES[name];
            j = end + 2;
            continue;
          }
        }
        if (d === '\\' && j + 1 < n) {
          body += escapeRe(pattern[j + 1]!);
          j += 2;
          continue;
        }
        if (pattern[j + 1] === '-' && pattern[j + 2] !== undefined && pattern[j + 2] !== ']') {
          body += `${escapeRe(d)}-${escapeRe(pattern[j + 2]!)}`;
          j += 3;
          continue;
        }
        body += escapeRe(d);
        j++;
      }
      if (!closed) {
        re += '\\[';
        i++;
        continue;
      }
      re += negate ? `(?!/)[^${body}]` : `[${body}]`;
      i = j + 1;
      continue;
    }
    re += escapeRe(c);
    i++;
  }
  return new RegExp(`^${re}$`, options.ignoreCase ? 'is' : 's');
}

export const hasWildcard = (s: string): boolean => /[*?[\\]/.test(s);
