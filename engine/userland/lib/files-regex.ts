/**
 * POSIX basic regular expressions (regcomp without REG_EXTENDED), as
 * find -regex uses them, translated to JavaScript: \( \) group, \{m,n\}
 * repeats, \| \+ \? are musl's extensions, a leading * is literal,
 * ( ) { } | + ? are ordinary characters, . matches any character.
 *
 *     breToRegExp('[.]/d/f[0-9]*')!.test('./d/f12') === true   // anchored at both ends
 */
import { fnmatchRegExp } from './files-fnmatch.ts';

/** The JavaScript source for a BRE. */
export function breToJs(re: string): string {
  let out = '';
  let atStart = true;
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    const starts: boolean = atStart;
    atStart = false;
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i]!;
      if ('(){}|+?'.includes(n)) {
        out += n;
        atStart = n === '(' || n === '|';
      } else if (/[1-9]/.test(n)) out += '\\' + n;
      else out += /[a-zA-Z0-9]/.test(n) ? n : '\\' + n;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (re[j] === '^') j++;
      if (re[j] === ']') j++;
      while (j < re.length && re[j] !== ']') {
        if (re[j] === '[' && (re[j + 1] === ':' || re[j + 1] === '.' || re[j + 1] === '=')) {
          const close = re.indexOf(re[j + 1]! + ']', j + 2);
          j = close < 0 ? j + 1 : close + 2;
        } else j++;
      }
      if (j >= re.length) {
        out += '\\[';
        continue;
      }
      out += fnmatchRegExp(re.slice(i, j + 1).replace(/^\[\^/, '[!')).source.slice(1, -1);
      i = j;
      continue;
    }
    if (c === '*' && starts) out += '\\*';
    else if (c === '^') {
      out += starts ? '^' : '\\^';
      atStart = starts;
    } else if (c === '$') out += i === re.length - 1 ? '$' : '\\$';
    else if ('(){}|+?/'.includes(c)) out += '\\' + c;
    else if (c === '.') out += '[^]';
    else out += c;
  }
  return out;
}

/** A RegExp matching whole strings the BRE matches, as busybox's find -regex requires; undefined if invalid. */
export function breToRegExp(re: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${breToJs(re)})$`, 's');
  } catch {
    return undefined;
  }
}
