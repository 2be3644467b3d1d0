/**
 * Shell patterns inside `${V#pattern}`, `${V%pattern}` and `${V/pattern/with}`:
 * `*` any run of characters, `?` one character, `\` escapes the next one
 * (BuildKit's convertShellPatternToRegex, without bracket expressions).
 */

/** A syntax error in a word; processWord turns it into BuildKit's "failed to process" message. */
export class LexError extends Error {}

/**
 * A shell pattern (`*`, `?`, `\` escapes) as a regular expression; BuildKit's
 * convertShellPatternToRegex. `}` and `/` may be escaped inside `${}`.
 */
export function patternToRegex(pattern: string, greedy: boolean, anchored: boolean, global = false): RegExp {
  let out = anchored ? '^' : '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const tok = chars[i]!;
    // Go's `.` matches anything but a newline.
    if (tok === '*') out += greedy ? '[^\n]*' : '[^\n]*?';
    else if (tok === '?') out += '[^\n]';
    else if (tok === '\\') {
      const next = chars[i + 1];
      if (next === '}' || next === '/') continue;
      i++;
      if (next !== '*' && next !== '?' && next !== '\\') {
        throw new LexError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${next ?? '\ufffd'}'`);
      }
      out += '\\' + next;
    } else if ('[]{}.+()|^$'.includes(tok)) out += '\\' + tok;
    else out += tok;
  }
  return new RegExp(out, global ? 'gu' : 'u');
}

export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const m = patternToRegex(pattern, greedy, true).exec(value);
  return m ? value.slice(m[0].length) : value;
}

/** Reverses a pattern but keeps each escape before the character it escapes. */
function reversePattern(pattern: string): string {
  const p = Array.from(pattern);
  const out: string[] = new Array<string>(p.length);
  const last = p.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = p[i]!;
    const at = last - i;
    if (tok === '\\' && i !== last) {
      out[at - 1] = tok;
      out[at] = p[i + 1]!;
      i += 2;
    } else {
      out[at] = tok;
      i++;
    }
  }
  return out.join('');
}

const reverseString = (s: string) => Array.from(s).reverse().join('');

export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  // A regular expression cannot find the shortest rightmost match, so search
  // the reversed value with the reversed pattern from the left instead.
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

/**
 * Go's Regexp.ReplaceAllString: an empty match right after another match is
 * not replaced again (a `*` pattern replaces a word once), and the replacement
 * is a template (`$0` the match, `$$` a dollar).
 */
export function replaceAll(src: string, re: RegExp, replacement: string): string {
  let out = '';
  let lastMatchEnd = 0;
  for (let searchPos = 0; searchPos <= src.length; ) {
    re.lastIndex = searchPos;
    const m = re.exec(src);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    out += src.slice(lastMatchEnd, start);
    if (end > lastMatchEnd || start === 0) out += expandTemplate(replacement, m[0]);
    lastMatchEnd = end;
    const width = searchPos < src.length ? String.fromCodePoint(src.codePointAt(searchPos)!).length : 1;
    searchPos = searchPos + width > end ? searchPos + width : searchPos + 1 > end ? searchPos + 1 : end;
  }
  return out + src.slice(lastMatchEnd);
}

/** Go's Regexp.Expand for a pattern without groups: `$0`/`${0}` is the match, `$$` is `$`, other names are empty. */
function expandTemplate(template: string, match: string): string {
  let out = '';
  for (let i = 0; i < template.length; ) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) return out + template.slice(i);
    out += template.slice(i, dollar);
    const rest = template.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      i = dollar + 2;
      continue;
    }
    const m = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(rest);
    if (!m) {
      out += '$';
      i = dollar + 1;
      continue;
    }
    const name = m[1] ?? m[2]!;
    if (name === '0') out += match; // no leading zeros: $00 is a (missing) name
    i = dollar + 1 + m[0].length;
  }
  return out;
}
