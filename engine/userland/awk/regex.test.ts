import { describe, expect, it } from 'vitest';
import { Regex, RegexError } from './regex.ts';

const match = (p: string, s: string, opts = {}) => {
  const m = Regex.compile(p, opts).exec(s);
  return m ? s.slice(m.start, m.end) : null;
};

describe('POSIX regular expressions', () => {
  it('finds the leftmost-longest match, not the first alternative', () => {
    expect(match('ab|abcd', 'xabcd')).toBe('abcd');
    expect(match('(a|ab)(c|bcd)', 'abcd')).toBe('abcd');
    expect(match('(foo|foobar)baz', 'foobarbaz')).toBe('foobarbaz');
    expect(match('x*', 'aaxx')).toBe('');
    expect(match('a+', 'baaac')).toBe('aaa');
  });

  it('reads bracket expressions as POSIX does', () => {
    expect(match('[]a]+', 'x]a]y')).toBe(']a]');
    expect(match('[^]a]+', 'a)b ]aa')).toBe(')b ');
    expect(match('[a-]+', 'x-a-y')).toBe('-a-');
    expect(match('[[:digit:][:upper:]]+', 'abC12d')).toBe('C12');
    expect(match('[\\d]+', 'a\\d\\b')).toBe('\\d\\');
  });

  it('anchors, word boundaries and intervals', () => {
    expect(match('^a', 'ba')).toBe(null);
    expect(match('a$', 'aba')).toBe('a');
    expect(match('\\<b', 'ab b')).toBe('b');
    expect(Regex.compile('\\<b').exec('ab b')).toEqual({ start: 3, end: 4 });
    expect(match('a{2,3}', 'aaaa')).toBe('aaa');
    expect(match('a{,2}', 'aaa')).toBe('aa');
    expect(match('x{0}y', 'xy')).toBe('y');
    // A search from the middle sees no character before it, like regexec on a suffix.
    expect(Regex.compile('^b').exec('ab', 1)).toEqual({ start: 1, end: 2 });
    expect(Regex.compile('^b').exec('ab', 1, true)).toBe(null);
  });

  it('rejects what glibc rejects, so awk can retry as a basic regex', () => {
    for (const p of ['a{', '*a', '(a', '[a', 'a{2,1}', '[z-a]', '[[:foo:]]', '\\', 'a|*b', '^*a']) {
      expect(() => Regex.compile(p), p).toThrow(RegexError);
    }
    expect(match('a{', 'xa{', { basic: true })).toBe('a{');
    expect(match('(a', 'x(a', { basic: true })).toBe('(a');
    expect(match('\\(a\\)\\{2\\}', 'aaa', { basic: true })).toBe('aa');
    expect(match('a)', 'xa)')).toBe('a)');
  });

  it('ignores case when asked', () => {
    expect(match('abc', 'xABCx', { icase: true })).toBe('ABC');
    expect(match('[a-c]+', 'xAbCx', { icase: true })).toBe('AbC');
  });

  it('stays linear on patterns that make backtracking engines explode', () => {
    const s = 'a'.repeat(5000) + 'b';
    const start = Date.now();
    expect(Regex.compile('(a*)*c').test(s)).toBe(false);
    expect(Regex.compile('(a|aa)+$').exec(s)).toBe(null);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
