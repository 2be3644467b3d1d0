/**
 * The text applets (grep, sed, sort, printf…): the regex engine's own
 * tests, a differential corpus against the real busybox, checks of
 * behaviour where alpine's busybox 1.36 (musl) differs from the reference
 * (Debian's 1.35, glibc), and process-level checks (tail -f, yes | head,
 * memory limits, sed -i, xargs).
 */
import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../common/bytes.ts';
import { nodePlatform } from '../../platform/node/index.ts';
import { bootHost, type Host } from '../host.ts';
import { compileRegex, type RegexFlags } from '../lib/text-regex.ts';
import { formatFloat, formatInt } from '../lib/text-printf.ts';
import { berth, haveBusybox, real, type CommandCase } from '../../../test/differential.ts';

// ---- the regex engine ---------------------------------------------------------------

const B: RegexFlags = {};
const E: RegexFlags = { extended: true };
const I: RegexFlags = { icase: true };

/** [pattern, flags, subject, expected regexec result (byte offsets) or null] */
const matches: [string, RegexFlags, string, number[] | null][] = [
  ['abc', B, 'xxabcxx', [2, 5]],
  ['a\\(b*\\)c', B, 'xabbcx', [1, 5, 2, 4]],
  ['a|ab', E, 'xabc', [1, 3]],
  ['(a|ab)(c|bcd)', E, 'abcd', [0, 4, 0, 1, 1, 4]],
  ['x*', B, 'aaa', [0, 0]],
  ['a*', B, 'baaa', [0, 0]],
  ['b*', B, 'abbb', [0, 0]],
  ['ab*', B, 'xabbbc', [1, 5]],
  ['\\(a\\)\\1', B, 'xaay', [1, 3, 1, 2]],
  ['\\(a*\\)b\\1', B, 'aaabaa', [1, 6, 1, 3]],
  ['\\([a-c]*\\)\\1', B, 'abcabc', [0, 6, 0, 3]],
  ['^*a', B, '*a', [0, 2]],
  ['a**', B, 'aaa', [0, 3]],
  ['a\\{2,3\\}', B, 'aaaa', [0, 3]],
  ['a\\{2\\}', B, 'aaaa', [0, 2]],
  ['a\\{2,\\}', B, 'aaaaa', [0, 5]],
  ['a{0}b', E, 'ab', [1, 2]],
  ['(ab){2}', E, 'abababx', [0, 4, 2, 4]],
  ['[[:alpha:]]+', E, '12abc3', [2, 5]],
  ['[[:digit:][:space:]]+', E, 'ab1 2cd', [2, 5]],
  ['[^a-c]+', E, 'abcxyzabc', [3, 6]],
  ['[]a]+', E, 'x]a]y', [1, 4]],
  ['[^]a]+', E, ']a]xy]', [3, 5]],
  ['[a-]+', E, 'x-a-y', [1, 4]],
  ['\\<b', B, 'ab b', [3, 4]],
  ['b\\>', B, 'bb b', [1, 2]],
  ['\\bx', B, 'ax x', [3, 4]],
  ['a\\Bb', B, 'ab a b', [0, 2]],
  ['HeLLo', I, 'xhello', [1, 6]],
  ['[a-c]+', { extended: true, icase: true }, 'xABCx', [1, 4]],
  ['[[:upper:]]+', { extended: true, icase: true }, 'abc', [0, 3]],
  ['[a-c]+', I, 'xAB+x', [2, 4]],
  ['[^a]', I, 'Ab', [1, 2]],
  ['\\x41', I, 'a', null],
  ['\\(.*\\)x\\(.*\\)', B, 'axbxc', [0, 5, 0, 3, 4, 5]],
  ['a\\|b', B, 'cb', [1, 2]],
  ['\\(a\\|bc\\)*d', B, 'abcad', [0, 5, 3, 4]],
  ['$a', B, '$a', [0, 2]],
  ['a$b', B, 'a$b', [0, 3]],
  ['a$', E, 'a$', null],
  ['a^b', B, 'a^b', [0, 3]],
  ['\\(^a\\)', B, 'ab', [0, 1, 0, 1]],
  ['x\\(^a\\)', B, 'xa', null],
  ['a\\+', B, 'caaa', [1, 4]],
  ['a\\?b', B, 'cb', [1, 2]],
  ['a+', B, 'a+', [0, 2]],
  ['a{2}', B, 'a{2}', [0, 4]],
  ['\\w\\+', B, '  foo_1 ', [2, 7]],
  ['\\s\\S', B, 'ab c', [2, 4]],
  ['\\d+', E, 'ab123', [2, 5]],
  ['a\\tb', B, 'a\tb', [0, 3]],
  ['\\x41', B, 'zA', [1, 2]],
  ['\\.', B, 'a.b', [1, 2]],
  ['\\1', E, 'x1', [1, 2]],
  ['a)', E, 'a)', [0, 2]],
  ['()', E, 'abc', [0, 0, 0, 0]],
  ['(|a)+b', E, 'aab', [0, 3, 1, 2]],
  // subjects and patterns are byte strings: "\xc3\xa9" is é in UTF-8
  ['.', B, '\xc3\xa9', [0, 2]],
  ['^.$', B, '\xc3\xa9', [0, 2]],
  ['[\xc3\xa9]', B, 'x\xc3\xa9', [1, 3]],
  ['.', B, '\xe9', null],
  ['a', B, 'b\0a', null],
  ['(a*)*', E, 'b', [0, 0, -1, -1]],
  ['(a*)+', E, 'aab', [0, 2, 0, 2]],
  ['(wee|week)(knights|night)', E, 'weeknights', [0, 10, 0, 3, 3, 10]],
  ['(.*)(.*)', E, 'abc', [0, 3, 0, 3, 3, 3]],
];

/** [pattern, flags, musl's regerror text] */
const errors: [string, RegexFlags, string][] = [
  ['[a-', B, 'Invalid character range'],
  ['[b-a]', B, 'Invalid character range'],
  ['[abc', B, "Missing ']'"],
  ['a{1', E, 'Invalid contents of {}'],
  ['a{,2}', E, 'Invalid contents of {}'],
  ['a\\{1', B, 'Invalid contents of {}'],
  ['a{300}', E, 'Invalid contents of {}'],
  ['*a', E, 'Repetition not preceded by valid expression'],
  ['a|*b', E, 'Repetition not preceded by valid expression'],
  ['\\{1\\}', B, 'Repetition not preceded by valid expression'],
  ['(', E, "Missing ')'"],
  ['\\(', B, "Missing ')'"],
  ['a\\)', B, "Missing ')'"],
  ['\\(a\\)\\2', B, 'Invalid back reference'],
  ['[[=a=]]', B, 'Unknown collating element'],
  ['[[.a.]]', B, 'Unknown collating element'],
  ['[[:foo:]]', B, 'Unknown character class name'],
  ['a\\', B, 'Trailing backslash'],
];

describe('POSIX regular expressions (musl flavour)', () => {
  for (const [pattern, flags, subject, want] of matches) {
    it(`/${pattern}/${flags.extended ? 'E' : ''}${flags.icase ? 'i' : ''} on ${JSON.stringify(subject)}`, () => {
      expect(compileRegex(pattern, flags).exec(subject)).toEqual(want);
      expect(compileRegex(pattern, flags).test(subject)).toBe(want !== null);
    });
  }
  for (const [pattern, flags, message] of errors) {
    it(`rejects /${pattern}/ with "${message}"`, () => {
      expect(() => compileRegex(pattern, flags)).toThrow(message);
    });
  }
  it('honours REG_NOTBOL and REG_NOTEOL', () => {
    expect(compileRegex('^a').exec('ab', { notbol: true })).toBeNull();
    expect(compileRegex('a$').exec('ba', { noteol: true })).toBeNull();
    expect(compileRegex('\\<a').exec('a', { notbol: true })).toEqual([0, 1]);
  });
  it('gives up on invalid UTF-8 where musl reads it', () => {
    // regexec without submatches stops at the first match; with them it reads one character further
    expect(compileRegex('a').test('a\xff')).toBe(false);
    expect(compileRegex('a').test('ab\xff')).toBe(true);
    expect(compileRegex('a').exec('ab\xff')).toBeNull();
    expect(compileRegex('a.').exec('a\xc3\xa9bc\xff')).toEqual([0, 3]);
    expect(compileRegex('a.').exec('a\xc3\xa9b\xff')).toBeNull();
    expect(compileRegex('b').test('a\xffb')).toBe(false);
    expect(compileRegex('[a-z]*').exec('\xff')).toBeNull();
  });
  it('stays linear on patterns that make backtracking explode', () => {
    const re = compileRegex('(a*)*b', E);
    const t = performance.now();
    expect(re.exec('a'.repeat(5000))).toBeNull();
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe('C number formatting', () => {
  it('rounds exactly, half to even', () => {
    expect(formatFloat({ flags: '', precision: 0, conv: 'f' }, 0.5)).toBe('0');
    expect(formatFloat({ flags: '', precision: 0, conv: 'f' }, 2.5)).toBe('2');
    expect(formatFloat({ flags: '', precision: 2, conv: 'f' }, 2.675)).toBe('2.67');
    expect(formatFloat({ flags: '', precision: 3, conv: 'e' }, 9999.5)).toBe('1.000e+04');
    expect(formatFloat({ flags: '', conv: 'g' }, 1e-5)).toBe('1e-05');
    expect(formatFloat({ flags: '#', conv: 'g' }, 1)).toBe('1.00000');
    expect(formatFloat({ flags: '', conv: 'f' }, 1e300).length).toBe(308);
    expect(formatFloat({ flags: '+', width: 6, conv: 'f' }, -Infinity)).toBe('  -inf');
  });
  it('formats 64-bit integers', () => {
    expect(formatInt({ flags: '', conv: 'u' }, -1n)).toBe('18446744073709551615');
    expect(formatInt({ flags: '#', conv: 'o' }, 0n)).toBe('0');
    expect(formatInt({ flags: '', precision: 0, conv: 'd' }, 0n)).toBe('');
    expect(formatInt({ flags: '-0', width: 4, conv: 'x' }, 255n)).toBe('ff  ');
  });
});

// ---- the differential corpus ---------------------------------------------------------

type Case = [string[], CommandCase?];

const fruit = { f: 'apple\nbanana\ncherry\nApple pie\npineapple\n', g: 'one\ntwo apple\n' };
const words = { f: 'one two\nthree four\nfive six\nseven\n' };
const nums = { f: '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12' };
const colons = { f: 'a:b:c\nd:e:f\nnodelim\n', t: 'one\ttwo\tthree\n' };
const bin = { f: 'Hello, World!\n\u0001abc' };

const cases: Case[] = [
  // printf
  [['printf', '%d|\\n']],
  [['printf', '%d %s\\n', '1', 'a', '2']],
  [['printf', '\\0101|\\101|%b\\n', '\\0101']],
  [['printf', '%5.2f|%-5d|%05d|%+d|% d|%x|%X|%o|%#x|%#o|%e|%g|%G|%E\\n', '3.14159', '42', '42', '5', '5', '255', '255', '8', '255', '8', '12345.678', '0.0001', '1e20', '5']],
  [['printf', '%u\\n', '-2']],
  [['printf', '%d\\n', '12abc']],
  [['printf', '%d\\n', '12.5']],
  [['printf', '%d\\n', ' 42']],
  [['printf', '%i %d\\n', '0x10', '010']],
  [['printf', '%d\\n', '99999999999999999999']],
  [['printf', '%c%c|\\n', 'hello', '']],
  [['printf', '%z\\n']],
  [['printf', 'a%']],
  [['printf', '%5%|\\n']],
  [['printf', '%*d|%-*d|%.*f\\n', '5', '1', '4', '2', '2', '3.14159']],
  [['printf', '%*d|\\n', 'x', '1']],
  [['printf', '%.0f %.0f %.0f %.2f %g %g %g\\n', '0.5', '1.5', '2.5', '2.675', '100000', '1000000', '0.00001234']],
  [['printf', '%f %f\\n', 'abc', '1e500']],
  [['printf', '%d %d\\n', "'A", '"B']],
  [['printf', '%s-%s\\n', 'a', 'b', 'c']],
  [['printf', 'no args\\n', 'extra']],
  [['printf', 'x\\cy']],
  [['printf', '%b', 'a\\cb']],
  [['printf', 'a\\zb\\n']],
  [['printf', '\\x41\\x4a\\xg\\n']],
  [['printf', '%10.3s|%-6s|\\n', 'abcdef', 'ab']],
  [['printf', '%lld %hd %zu\\n', '1', '2', '3']],
  [['printf', '%.3d|%.0d|%+.2e\\n', '5', '0', '12345']],
  [['printf', '%#g|%g|%G\\n', '1', '1e-10', '1e100']],
  [['printf', '--', '%s\\n', 'dash']],
  [['printf']],
  [['printf', '%o %x\\n', '-1', '-1']],
  // head
  [['head', '-n', '2', 'f'], { files: { f: '1\n2\n3\n4\n5' } }],
  [['head', '-n', '-2', 'f'], { files: { f: '1\n2\n3\n4\n5' } }],
  [['head', '-c', '-3', 'f'], { files: { f: '1\n2\n3\n4\n5' } }],
  [['head', '-3', 'f', 'f'], { files: { f: '1\n2\n3\n4\n5' } }],
  [['head', '-n', '1', 'nope', 'f'], { files: { f: '1\n2\n' } }],
  [['head', '-c', '3'], { stdin: 'abcdef' }],
  [['head', '-n', 'x', 'f'], { files: { f: 'a' } }],
  [['head', '-v', 'f'], { files: { f: 'a\n' } }],
  [['head', '-q', 'f', 'f'], { files: { f: 'a\n' } }],
  [['head'], { files: nums, stdin: nums.f }],
  [['head', '-c', '1k', 'f'], { files: nums }],
  [['head', '-z']],
  // tail
  [['tail', 'f'], { files: nums }],
  [['tail', '-n', '2', 'f'], { files: { f: '1\n2\n3\n' } }],
  [['tail', '-n', '+2', 'f'], { files: { f: '1\n2\n3\n' } }],
  [['tail', '-c', '4', 'f'], { files: { f: '1\n2\n3\n' } }],
  [['tail', '-c', '+4', 'f'], { files: { f: '1\n2\n3\n' } }],
  [['tail', '-2'], { stdin: 'a\nb\nc' }],
  [['tail', '+2'], { stdin: 'a\nb\nc' }],
  [['tail', 'f', 'g'], { files: { f: 'a\n', g: 'b\n' } }],
  [['tail', 'nope']],
  [['tail', 'nope', 'f'], { files: { f: 'x\n' } }],
  [['tail', '-n', '0', 'f'], { files: { f: 'a\n' } }],
  [['tail', '-n', '1'], { stdin: 'a\nb\n\n' }],
  [['tail', '-n', '3'], { stdin: 'no newline at all' }],
  [['tail', '-c', '0'], { stdin: 'abc' }],
  [['tail', '-n', '+0'], { stdin: 'a\nb\n' }],
  [['tail', '-q', '-n', '1', 'f', 'f'], { files: { f: 'a\nb\n' } }],
  [['tail', '-n', 'z']],
  // grep
  [['grep', 'apple', 'f'], { files: fruit }],
  [['grep', '-i', 'apple', 'f'], { files: fruit }],
  [['grep', '-v', 'a', 'f'], { files: fruit }],
  [['grep', '-c', 'an', 'f'], { files: fruit }],
  [['grep', '-n', '^[a-c]', 'f'], { files: fruit }],
  [['grep', 'apple', 'f', 'g'], { files: fruit }],
  [['grep', '-h', 'apple', 'f', 'g'], { files: fruit }],
  [['grep', '-l', 'apple', 'f', 'g', 'nope'], { files: fruit }],
  [['grep', '-L', 'cherry', 'f', 'g'], { files: fruit }],
  [['grep', '-o', 'p\\+', 'f'], { files: fruit }],
  [['grep', '-on', 'an', 'f'], { files: fruit }],
  [['grep', '-w', 'apple', 'f'], { files: fruit }],
  [['grep', '-x', 'apple', 'f'], { files: fruit }],
  [['grep', '-q', 'apple', 'f'], { files: fruit }],
  [['grep', '-q', 'zzz', 'f'], { files: fruit }],
  [['grep', '-E', 'an(an)+', 'f'], { files: fruit }],
  [['egrep', 'ch|pie', 'f'], { files: fruit }],
  [['fgrep', 'a.p', 'f'], { files: { f: 'a.p\nabp\n' } }],
  [['grep', '-F', '-x', 'a.p', 'f'], { files: { f: 'a.p\nabp\n' } }],
  [['grep', '-Fw', 'ab', 'f'], { files: { f: 'xab ab\nabc\n' } }],
  [['grep', '-Fi', 'APP', 'f'], { files: fruit }],
  [['grep', '-Fo', 'an', 'f'], { files: fruit }],
  [['grep', '-e', 'one', '-e', 'cherry', 'f', 'g'], { files: fruit }],
  [['grep', '-A', '1', 'banana', 'f'], { files: fruit }],
  [['grep', '-B', '2', 'pine', 'f'], { files: fruit }],
  [['grep', '-C', '1', '-n', 'cherry', 'f'], { files: fruit }],
  [['grep', '-A', '1', 'a'], { stdin: 'a\nx\ny\na\nz\nq\nr\na\n' }],
  [['grep', '-m', '2', 'a', 'f'], { files: fruit }],
  [['grep', '-m', '0', 'a', 'f'], { files: fruit }],
  [['grep', '[', 'f'], { files: fruit }],
  [['grep', 'x'], { stdin: '' }],
  [['grep', '['], { stdin: '' }],
  [['grep', '-s', 'x', 'nope']],
  [['grep', 'x', 'nope']],
  [['grep', '-q', 'a', 'nope', 'f'], { files: fruit }],
  [['grep']],
  [['grep', '-z']],
  [['grep', '-H', 'apple'], { stdin: 'apple\n' }],
  [['grep', '-c', 'x', 'f', 'g'], { files: fruit }],
  [['grep', '-ow', 'a', 'f'], { files: { f: 'a ab xa a\n' } }],
  [['grep', '-o', '-e', 'b', '-e', 'a'], { stdin: 'abc\n' }],
  [['grep', '-o', 'b*'], { stdin: 'abbc\n' }],
  [['grep', '\\(a\\)\\1'], { stdin: 'aa\nab\n' }],
  [['grep', '-f', 'p', 'f'], { files: { f: 'apple\nbanana\ncherry\n', p: 'nan\nche\n' } }],
  [['grep', '-f', 'p', 'f'], { files: { f: 'apple\n', p: '' } }],
  [['grep', '-r', 'x', 'd'], { files: { 'd/a': 'x\n' } }],
  [['grep', 'x', 'd'], { dirs: ['d'] }],
  [['grep', '-v', '-c', ''], { stdin: 'a\n\nb\n' }],
  [['grep', '-e', ''], { stdin: 'a\nb\n' }],
  [['grep', '-w', ''], { stdin: 'a\n\n' }],
  [['grep', '-x', '-e', 'a\nb'], { stdin: 'a\nb\nc\n' }],
  [['grep', '-i', '[[:upper:]]'], { stdin: 'abc\n123\n' }],
  [['grep', '\\<th'], { stdin: 'the\nother\n' }],
  [['grep', '-n', '-H', '^$'], { stdin: 'a\n\nb\n' }],
  [['grep', 'a\\|b'], { stdin: 'xa\ny\nb\n' }],
  [['grep', '-E', '^(ab|c)+$'], { stdin: 'abcab\nabd\n' }],
  [['grep', '-c', '.'], { stdin: 'a\nb' }],
  [['grep', 'a'], { stdin: 'a no newline' }],
  [['grep', '-nA1', 'x', 'f', 'g'], { files: { f: 'x\n1\n', g: 'x\n2\n' } }],
  [['grep', '-v', 'x', 'f'], { files: { f: 'x\n' } }],
  [['grep', '-lv', 'x', 'f'], { files: { f: 'x\ny\n' } }],
  // sed
  [['sed', 's/o/0/', 'f'], { files: words }],
  [['sed', 's/o/0/g', 'f'], { files: words }],
  [['sed', '-n', '2p', 'f'], { files: words }],
  [['sed', '2,3d', 'f'], { files: words }],
  [['sed', '-n', '/t/p', 'f'], { files: words }],
  [['sed', '$d', 'f'], { files: words }],
  [['sed', '-n', '$=', 'f'], { files: words }],
  [['sed', 's/\\(o\\)\\(n\\)/\\2\\1/', 'f'], { files: words }],
  [['sed', '-E', 's/(t)(w|h)/[\\2\\1]/g', 'f'], { files: words }],
  [['sed', 's/x*/-/g'], { stdin: 'abc\n' }],
  [['sed', 's/b*/X/2'], { stdin: 'abbcb\n' }],
  [['sed', 's/b/X/3'], { stdin: 'abcb\n' }],
  [['sed', 'y/abc/xyz/'], { stdin: 'aabbcc\n' }],
  [['sed', '1!G;h;$!d', 'f'], { files: words }],
  [['sed', '-n', '$!{h;d};x;G;p', 'f'], { files: words }],
  [['sed', 'N;P;D', 'f'], { files: words }],
  [['sed', '$!N;s/\\n/ /', 'f'], { files: words }],
  [['sed', '2i\\inserted', 'f'], { files: words }],
  [['sed', '2a appended', 'f'], { files: words }],
  [['sed', '$a\\', '-e', 'last'], { stdin: 'x' }],
  [['sed', '2,3c\\changed', 'f'], { files: words }],
  [['sed', '/two/,/five/s/^/> /', 'f'], { files: words }],
  [['sed', '2q', 'f'], { files: words }],
  [['sed', '-n', '2{p;p}', 'f'], { files: words }],
  [['sed', ':a;s/o//;ta', 'f'], { files: words }],
  [['sed', 's/e/E/;T;s/$/!/', 'f'], { files: words }],
  [['sed', '2,+1d', 'f'], { files: words }],
  [['sed', '=', 'f'], { files: words }],
  [['sed', 's/o/0/w out', 'f'], { files: words }],
  [['sed', '-e', 's/a/b/', '-e', 's/b/c/'], { stdin: 'a\n' }],
  [['sed', 'p'], { stdin: 'no newline' }],
  [['sed', 's/a/b/', 'f', 'g'], { files: { f: 'a', g: 'a\n' } }],
  [['sed', 's/[/x/'], { stdin: 'a\n' }],
  [['sed', 's/a/b'], { stdin: 'a\n' }],
  [['sed', 'k'], { stdin: 'a\n' }],
  [['sed', 's/a/b/q'], { stdin: 'a\n' }],
  [['sed', '1,'], { stdin: 'a\n' }],
  [['sed', '/x/'], { stdin: 'a\n' }],
  [['sed']],
  [['sed', 'p', 'nope']],
  [['sed', 'p', 'nope', 'f'], { files: { f: 'x\n' } }],
  [['sed', '-n', '/a/,/c/{/b/!p}'], { stdin: 'a\nb\nc\nd\n' }],
  [['sed', 's/./(&)/g'], { stdin: 'abc\n' }],
  [['sed', 's|/|\\||g'], { stdin: '/a/b\n' }],
  [['sed', 's/a/\\&/'], { stdin: 'a\n' }],
  [['sed', '-n', 'l'], { stdin: 'a\tb\n' }],
  [['sed', 'bfoo'], { stdin: 'a\n' }],
  [['sed', 'b;p'], { stdin: 'a\n' }],
  [['sed', '0p'], { stdin: 'a\n' }],
  [['sed', '1~2d'], { stdin: 'a\n' }],
  [['sed', 's/a/\\n/'], { stdin: 'xay\n' }],
  [['sed', 's/\\t/T/'], { stdin: 'x\ty\n' }],
  [['sed', '1d;s/^/x/'], { stdin: '1\n2\n' }],
  [['sed', '-n', '/^$/!p'], { stdin: 'a\n\nb\n' }],
  [['sed', 's/a*/x/g'], { stdin: 'baaac\n' }],
  [['sed', '-n', '/a/{n;p}'], { stdin: 'a\nb\na\n' }],
  [['sed', 'G'], { stdin: 'a\nb' }],
  [['sed', 'x'], { stdin: 'a\nb\n' }],
  [['sed', 'H;$!d;x'], { stdin: 'a\nb\n' }],
  [['sed', '-r', 's/(a|b)+/<&>/'], { stdin: 'xababy\n' }],
  [['sed', 's/\\<./\\u&/g'], { stdin: 'hello world\n' }],
  [['sed', '/b/,$d'], { stdin: 'a\nb\nc\n' }],
  [['sed', '2,1p'], { stdin: 'a\nb\nc\n' }],
  [['sed', '-n', '/a/,+1p'], { stdin: 'a\nb\nc\na\n' }],
  [['sed', 's/x/y/;s//z/'], { stdin: 'xx\n' }],
  [['sed', '/a/s//b/g'], { stdin: 'aa\n' }],
  [['sed', 's/a/b/ig'], { stdin: 'AaA\n' }],
  [['sed', '#n\np'], { stdin: 'a\n' }],
  [['sed', '-n', '-n', 'p'], { stdin: 'a\n' }],
  [['sed', 'n;d'], { stdin: '1\n2\n3\n4\n5\n' }],
  [['sed', '$!N;$!D'], { stdin: '1\n2\n3\n4\n' }],
  [['sed', 'N'], { stdin: '1\n2\n3\n' }],
  [['sed', '2r f'], { stdin: 'a\nb\n', files: { f: 'F1\nF2' } }],
  [['sed', 'r nope'], { stdin: 'a\n' }],
  [['sed', 'a\\'], { stdin: 'a\n' }],
  [['sed', '-e', 'a\\', '-e', '  two\\', '-e', 'three'], { stdin: 'a\n' }],
  [['sed', '{p'], { stdin: 'a\n' }],
  [['sed', 'y/ab/x/'], { stdin: 'ab\n' }],
  [['sed', '--version']],
  [['sed', '--quiet', '--expression=p'], { stdin: 'q\n' }],
  [['sed', '-f', 's'], { stdin: 'ab\n', files: { s: 's/a/A/\ns/b/B/\n' } }],
  [['sed', 's/\\(a\\)\\|b/[\\1]/g'], { stdin: 'abc\n' }],
  [['sed', 's/.*/"&"/'], { stdin: '\n' }],
  [['sed', 's/^[ \\t]*//;s/[ \\t]*$//'], { stdin: '  x y \t\n' }],
  // wc
  [['wc', 'f'], { files: { f: 'hello world\nfoo  bar\tbaz\n\n  x\n' } }],
  [['wc', '-l', 'f'], { files: { f: 'a\nb\n' } }],
  [['wc'], { stdin: 'a b\nc' }],
  [['wc', '-c'], { stdin: 'abc' }],
  [['wc', '-L', '-w', 'f', 'g'], { files: { f: 'hello world\n\tx\n', g: 'b\na\n' } }],
  [['wc', 'f', 'nope'], { files: { f: 'x\n' } }],
  [['wc', '-m', 'f'], { files: { f: 'abc\n' } }],
  [['wc', '-lwc', '-'], { stdin: 'one two\n' }],
  [['wc', 'd'], { dirs: ['d'] }],
  [['wc', '-w'], { stdin: 'a\u0001b c\u007fd' }],
  // sort
  [['sort', 'g'], { files: fruit }],
  [['sort', '-r', '-u', 'f'], { files: { f: 'b\na\nc\nb\n' } }],
  [['sort', '-n'], { stdin: '10\n9\n-1\n1e2\nabc\n 5\n' }],
  [['sort', '-t', ':', '-k2,2n', '-k1', 'h'], { files: { h: 'a:3\nb:1\nc:2\nd:1\n' } }],
  [['sort', '-k2'], { stdin: 'x b\ny a\nz  a\n' }],
  [['sort', '-k2b'], { stdin: 'x b\ny a\nz  a\n' }],
  [['sort', '-b', '-k2'], { stdin: 'x b\ny a\nz  a\n' }],
  [['sort', '-c'], { stdin: 'a\nc\nb\n' }],
  [['sort', '-c'], { stdin: 'a\nb\n' }],
  [['sort', '-cu'], { stdin: 'a\na\n' }],
  [['sort', '-s', '-k1,1'], { stdin: 'b 2\na 1\nb 1\na 0\n' }],
  [['sort', '-f'], { stdin: 'b\nA\na\nB\n' }],
  [['sort', '-fu'], { stdin: 'b\nA\na\nB\n' }],
  [['sort', '-M'], { stdin: 'Mar\nJan\nfoo\nDec\n' }],
  [['sort', '-g'], { stdin: '1e3\n-inf\nnan\n5\nx\n0x10\n' }],
  [['sort', '-nr'], { stdin: '3\n10\n2\n' }],
  [['sort', '-k1.2,1.3'], { stdin: 'xba\nyab\nzaa\n' }],
  [['sort', '-t', ',', '-k2'], { stdin: 'a,b,c\nb,a\nc\n' }],
  [['sort', '-k2,2', '-k1r'], { stdin: 'a x\nb x\nc w\n' }],
  [['sort', '-d'], { stdin: 'b-b\na_c\nab\n' }],
  [['sort', '-z'], { stdin: 'b\u0000a\u0000' }],
  [['sort', 'nope']],
  [['sort', '-t', 'ab']],
  [['sort', '-k', '0']],
  [['sort', '-k', '1x']],
  [['sort', '-q']],
  [['sort', '-o', 'out', 'f'], { files: { f: 'b\na\n' } }],
  [['sort'], { stdin: 'b\nA\n\na\n' }],
  [['sort', '-n', '-u'], { stdin: '1\n01\n2\n' }],
  [['sort', '-V'], { stdin: 'a10\na2\na1.10\na1.9\na01\na001\na0\nb\na\n1.2.3\n1.10\n1.9.9\n' }],
  [['sort', '-r', '-k2,2n'], { stdin: 'a 2\nb 10\nc 1\n' }],
  [['sort', '-k2.2,2.3'], { stdin: 'x abcd\ny bbad\nz cacz\n' }],
  [['sort', '-ur', '-k1,1'], { stdin: 'b 1\na 2\nb 0\na 1\n' }],
  [['sort', '-t:', '-k3,3', '-k1,1r'], { stdin: 'a:1:x\nb:2:x\nc:3:w\n' }],
  [['sort', '-n'], { stdin: Array.from({ length: 9000 }, (_, i) => `${(i * 7919) % 9000}\n`).join('') }],
  // uniq
  [['uniq', 'f'], { files: { f: 'b\nb\na\nb\n' } }],
  [['uniq', '-c'], { stdin: 'a\na\nb\nc\nc\nc\n' }],
  [['uniq', '-d'], { stdin: 'a\na\nb\nc\nc\nc\n' }],
  [['uniq', '-u'], { stdin: 'a\na\nb\nc\nc\nc\n' }],
  [['uniq', '-i', '-c'], { stdin: 'a\nA\nb\n' }],
  [['uniq', '-f', '1'], { stdin: '1 a\n2 a\n3 b\n' }],
  [['uniq', '-s', '1', '-w', '2'], { stdin: 'xab1\nyab2\nzac\n' }],
  [['uniq', 'nope']],
  [['uniq', '-', 'out'], { stdin: 'a\na\n' }],
  [['uniq', '-cd'], { stdin: 'x\nx\n' }],
  // cut
  [['cut', '-d', ':', '-f', '2', 'f'], { files: colons }],
  [['cut', '-d', ':', '-f', '1,3', 'f'], { files: colons }],
  [['cut', '-d', ':', '-s', '-f', '2-', 'f'], { files: colons }],
  [['cut', '-f', '2', 't'], { files: colons }],
  [['cut', '-c', '2-4', 'f'], { files: colons }],
  [['cut', '-b', '-2,5', 'f'], { files: colons }],
  [['cut', '-c', '3,1', 'f'], { files: colons }],
  [['cut', 'f'], { files: colons }],
  [['cut', '-c', '1', '-s', 'f'], { files: colons }],
  [['cut', '-c', '1', '-d', ':', 'f'], { files: colons }],
  [['cut', '-d', ':', '-f', '3,1', '-O', '+', 'f'], { files: colons }],
  [['cut', '-F', '2'], { stdin: 'a  b   c\n x y\n' }],
  [['cut', '-F', '1,3', '-O', ':'], { stdin: 'a  b   c\n x y\n' }],
  [['cut', '-F', '2', '-d', '[,;]'], { stdin: 'a,b;c\n' }],
  [['cut', '-f', '0', 'f'], { files: colons }],
  [['cut', '-f', '3-1', 'f'], { files: colons }],
  [['cut', '-b', '1', '-f', '1', 'f'], { files: colons }],
  [['cut', '-d', ':', '-f', '2,2', 'f'], { files: colons }],
  [['cut', '-c', '5-'], { stdin: 'abc\nabcdefg\n' }],
  // tr
  [['tr', 'a-z', 'A-Z'], { stdin: 'hello World\n' }],
  [['tr', '-d', 'lo'], { stdin: 'hello World\n' }],
  [['tr', '-s', 'l'], { stdin: 'hello  llama\n' }],
  [['tr', '-s', ' ', '_'], { stdin: 'a   b  c\n' }],
  [['tr', '-cd', '[:digit:]\\n'], { stdin: 'a1b2c3\n' }],
  [['tr', '[:lower:]', '[:upper:]'], { stdin: 'abc\n' }],
  [['tr', 'abc', 'x'], { stdin: 'aabbcc\n' }],
  [['tr', '\\n', '-'], { stdin: 'a\nb\n' }],
  [['tr']],
  [['tr', 'a', ''], { stdin: 'a' }],
  [['tr', '-ds', 'a', 'b'], { stdin: 'aabbcc\n' }],
  [['tr', '[:space:]', '.'], { stdin: 'a b\tc\n' }],
  [['tr', '-d', '[:punct:]'], { stdin: 'a.b,c!\n' }],
  [['tr', '[=a=]', 'x'], { stdin: 'abc\n' }],
  [['tr', '[a-c]', 'x'], { stdin: '[abc]\n' }],
  [['tr', '\\101-\\103', 'x'], { stdin: 'ABCD\n' }],
  [['tr', '-c', 'a', 'x'], { stdin: 'abc\n' }],
  [['tr', 'a-', 'xy'], { stdin: 'a-b\n' }],
  [['tr', '[:bogus:]', 'x'], { stdin: '[:b\n' }],
  // tee
  [['tee', 'o1', 'o2'], { stdin: 'data\n' }],
  [['tee', '-a', 'o1'], { stdin: 'more\n', files: { o1: 'x\n' } }],
  [['tee', 'nodir/x'], { stdin: 'z\n' }],
  [['tee', '-'], { stdin: 'twice\n' }],
  // seq
  [['seq', '3']],
  [['seq', '2', '5']],
  [['seq', '1', '2', '10']],
  [['seq', '10', '-3', '1']],
  [['seq', '-w', '8', '10']],
  [['seq', '1', '0.5', '3']],
  [['seq', '-s', ',', '3']],
  [['seq', '0.1', '0.1', '0.5']],
  [['seq', '-w', '1.5', '0.5', '3']],
  [['seq', '5', '1']],
  [['seq', 'x']],
  [['seq']],
  [['seq', '1', '2', '3', '4']],
  [['seq', '-1', '1']],
  [['seq', '1e2', '1e2']],
  [['seq', '-s', '', '3']],
  [['seq', '0']],
  [['seq', '1.0', '3']],
  // rev
  [['rev'], { stdin: 'abc\nde\n\nf' }],
  [['rev', 'nope', 'x'], { files: { x: '12\n' } }],
  // nl
  [['nl'], { stdin: 'a\n\nb\n' }],
  [['nl', '-b', 'a', '-w', '3', '-s', ': '], { stdin: 'a\n\nb\n' }],
  [['nl', '-v', '5', '-i', '2', '-b', 'n'], { stdin: 'a\nb\n' }],
  [['nl', 'x', 'x'], { files: { x: 'q\n' } }],
  [['nl', '-n', 'ln'], { stdin: 'a\n' }],
  [['nl', 'nope']],
  // paste
  [['paste', 'a', 'b'], { files: { a: '1\n2\n3\n', b: 'x\ny\n' } }],
  [['paste', '-d', ',:', 'a', 'b', 'a'], { files: { a: '1\n2\n', b: 'x\ny\n' } }],
  [['paste', '-s', 'a', 'b'], { files: { a: '1\n2\n3\n', b: 'x\ny\n' } }],
  [['paste', '-s', '-d', '\\n\\t'], { stdin: '1\n2\n3\n4\n' }],
  [['paste', '-d', ''], { stdin: '1\n' }],
  [['paste', 'a', 'nope'], { files: { a: '1\n' } }],
  [['paste', '-d', '\\0', 'a', 'a'], { files: { a: '1\n2\n' } }],
  // od
  [['od', 'f'], { files: bin }],
  [['od', '-c', 'f'], { files: bin }],
  [['od', '-x', 'f'], { files: bin }],
  [['od', '-b', '-c', 'f'], { files: { f: 'Hello\n' } }],
  [['od', '-a', 'f'], { files: { f: 'a b\n\u0000\u007f' } }],
  [['od', '-t', 'x1', 'f'], { files: bin }],
  [['od', '-t', 'd4', 'f'], { files: bin }],
  [['od', '-A', 'x', '-t', 'x1z', 'f'], { files: { f: 'Hello\n' } }],
  [['od', '-A', 'd', '-c', 'f'], { files: bin }],
  [['od', '-An', '-tx1', 'f'], { files: bin }],
  [['od', '-t', 'u1', 'f'], { files: { f: 'Hello\n' } }],
  [['od', '-j', '3', '-N', '5', '-c', 'f'], { files: bin }],
  [['od', '-w8', '-c', 'f'], { files: bin }],
  [['od', '-d', '-i', 'f'], { files: bin }],
  [['od', '-t', 'f4', '-t', 'f8', 'f'], { files: { f: 'Hello, World!\n\u0001abcdefghijklmno' } }],
  [['od', '-c'], { stdin: 'a'.repeat(58) + 'b' }],
  [['od', '-v', '-c'], { stdin: 'a'.repeat(40) }],
  [['od', '-t', 'q'], { stdin: 'a' }],
  [['od', 'nope']],
  [['od', '-j', '100', 'f'], { files: { f: 'abc' } }],
  [['od', '-t', 'xCz', '-t', 'oS', 'f'], { files: bin }],
  [['od', '-tx8', 'f'], { files: { f: 'Hello, World!\n\u0001abcdefgh' } }],
  [['od'], { stdin: '' }],
  [['od', '-A', 'q']],
  [['od', '-c', 'a', 'b'], { files: { a: 'abc', b: 'defghijklmnopqrstuvwxyz' } }],
  [['od', '-x', '-N', '3'], { stdin: 'abcdef' }],
  [['od', '-c', '-j', '2', 'a', 'b'], { files: { a: 'abc', b: 'def' } }],
  [['od', '-tx2', '-w3'], { stdin: 'abcdefgh' }],
  [['od', '-l', '-h', '-f'], { stdin: 'abcdefgh' }],
  [['od', '-t', 'o4', '-t', 'u4', '-t', 'x'], { stdin: 'abcdefgh' }],
  [['od', '-tc', '-w2'], { stdin: 'aaaaaab' }],
  // base64
  [['base64', 'f'], { files: { f: 'Hello, World!\n' } }],
  [['base64'], { stdin: '' }],
  [['base64', '-w', '0'], { stdin: 'abcd' }],
  [['base64', '-w', '4'], { stdin: 'abcdefgh' }],
  [['base64'], { stdin: 'x'.repeat(200) }],
  [['base64', '-d'], { stdin: 'SGVsbG8sIFdvcmxkIQo=\n' }],
  [['base64', '-d'], { stdin: 'SGVsbG8\n' }],
  [['base64', '-d'], { stdin: 'SGVs\nbG8s\n!!IFdvcmxkIQo=YWJj' }],
  [['base64', '-d'], { stdin: 'YQ==' }],
  [['base64', 'nope']],
  [['base64', 'a', 'b']],
  // xargs
  [['xargs'], { stdin: 'a b\nc\n' }],
  [['xargs', 'echo', 'x'], { stdin: 'a b\nc\n' }],
  [['xargs', '-n', '2', 'echo'], { stdin: '1 2 3 4 5\n' }],
  [['xargs', '-I', '{}', 'echo', '[{}]'], { stdin: '  a b\n\nc\n' }],
  [['xargs', '-i', 'echo', '<{}>'], { stdin: 'q\n' }],
  [['xargs', '-0', 'echo'], { stdin: 'a b\u0000c\u0000' }],
  [['xargs', '-r', 'echo', 'x'], { stdin: '' }],
  [['xargs', 'echo', 'x'], { stdin: '' }],
  [['xargs', '-t', 'echo'], { stdin: 'q\n' }],
  [['xargs', 'nonexistent_cmd'], { stdin: 'a\n' }],
  [['xargs', 'false'], { stdin: 'a\n' }],
  [['xargs', 'echo'], { stdin: '"a b" c\\ d \'e f\'\n' }],
  [['xargs', 'echo'], { stdin: '"unterminated\n' }],
  [['xargs', '-E', 'STOP', 'echo'], { stdin: 'a STOP b\n' }],
  [['xargs', '-s', '10', 'echo'], { stdin: 'aaa bbb ccc\n' }],
  [['xargs', '-n', 'x']],
  [['xargs', '-n', '1', 'sh', '-c', 'exit $0'], { stdin: '0 3 0\n' }],
  [['xargs', 'sh', '-c', 'exit 255'], { stdin: 'a\n' }],
  [['xargs', 'sh', '-c', 'kill -9 $$'], { stdin: 'a\n' }],
  // expand, fold
  [['expand'], { stdin: 'a\tb\tc\n\tx\nab\t\ty' }],
  [['expand', '-t', '4'], { stdin: 'a\tbcdef\tc\n' }],
  [['expand', '-i'], { stdin: ' \ta\tb\n' }],
  [['expand', '-t', '0'], { stdin: 'a' }],
  [['expand', 'nope']],
  [['fold', '-w', '5'], { stdin: 'abcdefghijkl\nab\n' }],
  [['fold', '-w', '6', '-s'], { stdin: 'aa bb cc dd ee\nabcdefghij k\n' }],
  [['fold', '-w', '4'], { stdin: 'a\tb\tc\n' }],
  [['fold', '-b', '-w', '3'], { stdin: 'ab\bcdef' }],
  [['fold', '-w', '3'], { stdin: 'ab\bcdef\rxyzw\n' }],
  [['fold'], { stdin: 'x' }],
  [['fold', '-w', '0'], { stdin: 'x' }],
  [['fold', '-w', '1', '-s'], { stdin: 'a b\n' }],
  // md5sum and friends
  [['md5sum', 'f', 'g'], { files: { f: '', g: 'hello\n' } }],
  [['sha1sum', 'f', 'g'], { files: { f: '', g: 'hello\n' } }],
  [['sha256sum', 'f', 'g'], { files: { f: '', g: 'hello\n' } }],
  [['sha512sum', 'f', 'g'], { files: { f: '', g: 'hello\n' } }],
  [['sha256sum'], { stdin: 'x'.repeat(1000) }],
  [['sha512sum'], { stdin: 'y'.repeat(1000) }],
  [['md5sum'], { stdin: 'z'.repeat(1000) }],
  [['sha1sum', '-'], { stdin: 'abc' }],
  [['md5sum', 'nope', 'f'], { files: { f: 'x' } }],
  [['md5sum', 'd'], { dirs: ['d'] }],
  [['md5sum', '-c', 'sums'], { files: { f: 'hello\n', sums: 'b1946ac92492d2347c6235b4d2611184  f\nb1946ac92492d2347c6235b4d2611184 *f\n00000000000000000000000000000000  f\nbad\nb1946ac92492d2347c6235b4d2611184  nope\n' } }],
  [['md5sum', '-c', '-s', 'sums'], { files: { f: 'hello\n', sums: '00  f\n' } }],
  [['md5sum', '-c'], { stdin: '' }],
  [['md5sum', '-s']],
  // in the C locale (LANG=C, as the reference runs) every byte is a character, as on musl
  [['grep', '-i', '\u00c9'], { stdin: '\u00e9\n\u00c9\n', env: { LANG: 'C' } }],
  [['grep', '-o', '^.'], { stdin: '\u00e9t\u00e9\n', env: { LANG: 'C' } }],
  [['sed', 's/./X/'], { stdin: '\u00e9t\u00e9\n', env: { LANG: 'C' } }],
  [['wc', '-m'], { stdin: 'h\u00e9llo\n', env: { LANG: 'C' } }],
  [['rev'], { stdin: 'h\u00e9llo\n', env: { LANG: 'C' } }],
  [['fold', '-w', '3'], { stdin: 'h\u00e9llo\n', env: { LANG: 'C' } }],
  [['expand'], { stdin: '\u00e9\tx\n', env: { LANG: 'C' } }],
  [['grep', '[[:alpha:]]'], { stdin: '\u00e9\n1\n', env: { LANG: 'C' } }],
  [['cut', '-F', '2'], { stdin: '\u00e9 b\n', env: { LANG: 'C' } }],
  [['sed', 'y/\u00e9/e/'], { stdin: '\u00e9t\u00e9\n', env: { LANG: 'C' } }],
  // standard input given twice goes on where it stopped, as one stdio stream
  [['head', '-n', '1', '-', '-'], { stdin: 'a\nb\nc\n' }],
  [['paste', '-', '-'], { stdin: '1\n2\n3\n4\n5\n' }],
  [['grep', '-m1', 'x', '-', '-'], { stdin: 'x1\nx2\n' }],
  [['nl', '-', '-'], { stdin: 'a\nb\n' }],
  // yes
  [['yes', 'x', 'y'], { stdin: '' }],
];

// Regular expressions through grep -o and sed s///g (and \1 where there are groups).
const sweepText = 'abcabcabd aaa bab xyz a.b a+b [x] foo_bar 12ab34 AbC the cat sat on the mat abab xyxy aXa a-b a]b a^b'.split(' ').join('\n') + '\n';
const sweepBre = ['a*', 'ab*c', '\\(ab\\)*', '[abc]\\{2\\}', 'a.c', '^a', 'c$', 'b\\|c', '\\(a\\|b\\)\\{2,\\}', '[^a]*', '.*b', 'a\\{0,1\\}b', '[[:alpha:]]*', '[[:digit:]]\\+', 't[a-z]*\\>', '[.+]', 'x*', '\\(a*\\)\\(b*\\)', 'a\\?', '\\bb', 'b\\b', '\\Bb', 'b\\B', '\\(a\\)\\(b\\)\\2\\1', '\\(ab\\)\\1', '\\(.\\)\\1', '[]]', '[^]a]', '[a^]', '[]a-]\\+', '\\.', '\\([xy]\\)\\1*', '[[:punct:]]', '.\\{3\\}$'];
const sweepEre = ['a*', '(ab)*', '[abc]{2}', 'a|b', '(a|ab)(c|bcd)?', '^(a|b)+', '[[:upper:]][a-z]', '(.)(.)', '[^ ]+', 'a{1,2}b', '(x|y|z)+', 'b+$', '.?', '(a*)+b', '[a-c]+|[0-9]+'];
for (const p of sweepBre) {
  cases.push([['grep', '-o', p], { stdin: sweepText }], [['sed', `s/${p}/<&>/g`], { stdin: sweepText }], [['grep', '-ci', p], { stdin: sweepText }]);
}
for (const p of sweepEre) {
  cases.push([['grep', '-oE', p], { stdin: sweepText }], [['sed', '-E', `s/${p}/<&>/g`], { stdin: sweepText }]);
  if (p.includes('(')) cases.push([['sed', '-E', `s/${p}/[\\1]/`], { stdin: sweepText }]);
}

if (!haveBusybox) console.log('differential tests skipped: /usr/bin/busybox missing (apt-get install busybox-static)');

describe.skipIf(!haveBusybox)('text applets match busybox', () => {
  for (const [argv, c] of cases.filter(([a]) => a[0] !== 'yes')) {
    it(argv.map((a) => JSON.stringify(a)).join(' '), async () => {
      const want = real(argv, c);
      const got = await berth(argv, c);
      expect({ stdout: got.stdout, code: got.code }).toEqual({ stdout: want.stdout, code: want.code });
    });
  }
});

// ---- where alpine's busybox 1.36 differs from the reference, and applets it lacks ---------

/** [argv, case, expected stdout, expected exit code] */
const golden: [string[], CommandCase, string, number][] = [
  // comm is not in Debian's busybox
  [['comm', 'a', 'b'], { files: { a: 'a\nb\nd\n', b: 'b\nc\nd\ne\n' } }, 'a\n\t\tb\n\tc\n\t\td\n\te\n', 0],
  [['comm', '-12', 'a', 'b'], { files: { a: 'a\nb\nd\n', b: 'b\nc\nd\ne\n' } }, 'b\nd\n', 0],
  [['comm', '-3', 'a', 'b'], { files: { a: 'a\nb\nd\n', b: 'b\nc\nd\ne\n' } }, 'a\n\tc\n\te\n', 0],
  [['comm', '-1', 'a', '-'], { files: { a: 'x\n' }, stdin: 'w\nx\ny\n' }, 'w\n\tx\ny\n', 0],
  [['comm', 'a'], { files: { a: 'x' } }, '', 1],
  [['comm', 'a', 'nope'], { files: { a: 'x' } }, '', 1],
  // sort -h is new in 1.36
  [['sort', '-h'], { stdin: '1K\n2\n1M\n3G\n10\n' }, '2\n10\n1K\n1M\n3G\n', 0],
  // 1.36 skips leading blanks before a month name
  [['sort', '-M', '-r'], { stdin: '  feb\nJAN x\ndec\n' }, 'dec\n  feb\nJAN x\n', 0],
  // -u no longer keeps -s's order in 1.36
  [['sort', '-su', '-k1,1'], { stdin: 'b 2\na 1\nb 1\n' }, 'a 1\nb 2\n', 0],
  // 1.36 unescapes the delimiter in the s pattern: "s+9\++X+" replaces "9+"
  [['sed', 's+9\\++X+'], { stdin: '19+\n' }, '1X\n', 0],
  // musl's default locale is C.UTF-8: -m counts characters, "." matches one
  [['wc', '-m'], { stdin: 'h\u00e9llo\n' }, '6\n', 0],
  [['grep', '-o', '^.'], { stdin: '\u00e9t\u00e9\n' }, '\u00e9\n', 0],
  [['sed', 's/./X/'], { stdin: '\u00e9t\u00e9\n' }, 'Xt\u00e9\n', 0],
  [['rev'], { stdin: 'h\u00e9llo\n' }, 'oll\u00e9h\n', 0],
  // musl: ERE has no back-references (\1 is "1"); BRE has \+ \? \|
  [['grep', '-E', '(a)\\1'], { stdin: 'aa\na1\n' }, 'a1\n', 0],
  [['grep', 'a\\+b'], { stdin: 'aab\nb\n' }, 'aab\n', 0],
  // grep -o goes on after a match with REG_NOTBOL on the rest of the line; musl then sees a word start
  [['grep', '-o', '\\<[a-z]'], { stdin: 'ab cd\n' }, 'a\nb\nc\nd\n', 0],
  // musl folds case beyond ASCII in its UTF-8 locale
  [['grep', '-i', '\u00c9'], { stdin: '\u00e9\n\u00c9\n' }, '\u00e9\n\u00c9\n', 0],
  // musl: "a{1" is an invalid ERE (glibc takes the brace literally)
  [['grep', '-E', 'a{1'], { stdin: 'a{1\n' }, '', 2],
  // musl's getopt does not move options after operands: here -e and x are files
  [['sed', '2a\\', '-e', 'x', 'f'], { files: words }, 'one two\nthree four\n\nfive six\nseven\n', 1],
  // a directory operand reads as empty (musl's fclose reports nothing)
  [['head', 'd'], { dirs: ['d'] }, '', 0],
  [['head', '-c', '5', 'd'], { dirs: ['d'] }, '', 0],
  [['expand', 'd'], { dirs: ['d'] }, '', 0],
  [['fold', 'd'], { dirs: ['d'] }, '', 0],
];

describe('text applets as busybox 1.36 on alpine has them', () => {
  for (const [argv, c, stdout, code] of golden) {
    it(argv.map((a) => JSON.stringify(a)).join(' '), async () => {
      const got = await berth(argv, c);
      expect({ stdout: got.stdout, code: got.code }).toEqual({ stdout, code });
    });
  }
});

// ---- processes: pipes, signals, memory, files ------------------------------------------

async function readUntil(stream: AsyncIterator<Uint8Array>, done: (text: string) => boolean, sofar = ''): Promise<string> {
  let text = sofar;
  while (!done(text)) {
    const r = await stream.next();
    if (r.done) break;
    text += fromUtf8(r.value);
  }
  return text;
}

describe('text applets as processes', () => {
  let host: Host | undefined;
  const boot = () => (host ??= bootHost(nodePlatform()));

  it('yes stops on SIGPIPE when its reader goes away', async () => {
    const h = boot();
    const r = await h.exec(['sh', '-c', 'yes hi | head -n 2; yes | head -c 3'], { uid: 0 });
    expect(r).toMatchObject({ stdout: 'hi\nhi\ny\ny', code: 0 });
  });

  it('tail -f prints what is appended to a file, and ends on SIGINT', async () => {
    const h = boot();
    h.writeFile('/tmp/grow.txt', 'one\ntwo\n');
    const tail = await h.spawn(['tail', '-f', '/tmp/grow.txt'], { uid: 0 });
    const it = tail.stdout[Symbol.asyncIterator]();
    let text = await readUntil(it, (t) => t.includes('two\n'));
    expect(text).toBe('one\ntwo\n');
    const fh = h.rootfs.open('/tmp/grow.txt', 'rw');
    fh.write(new TextEncoder().encode('three\n'), 8);
    fh.close();
    text = await readUntil(it, (t) => t.includes('three\n'), text);
    expect(text).toBe('one\ntwo\nthree\n');
    h.machine.kernel.deliver(tail.process, 2, tail.process.ns.pid);
    expect(await tail.ended).toMatchObject({ kind: 'signaled', signal: 2 });
  }, 20_000);

  for (const argv of [['tail', '/dev/zero'], ['grep', 'x', '/dev/zero'], ['sort', '/dev/zero']]) {
    it(`${argv.join(' ')} meets the memory limit (OOM kill)`, async () => {
      const h = boot();
      const child = await h.spawn(argv, { uid: 0 });
      const p = child.process;
      const cg = p.cgroup.child(`oom-${argv[0]}`);
      cg.memoryMax = 8 * 1024 * 1024;
      p.cgroup.procs.delete(p);
      cg.procs.add(p);
      p.cgroup = cg;
      expect(await child.ended).toMatchObject({ kind: 'signaled', signal: 9 });
      expect(cg.memoryEvents.oom_kill).toBe(1);
    }, 20_000);
  }

  it('sed -i edits in place, keeping a backup with a suffix', async () => {
    const h = boot();
    h.writeFile('/tmp/edit.txt', 'hello\nworld\n', 0o640);
    const r = await h.exec(['sed', '-i.bak', 's/o/0/g;2d', '/tmp/edit.txt', '/tmp/missing'], { uid: 0 });
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'sed: /tmp/missing: No such file or directory\n' });
    expect(h.readFile('/tmp/edit.txt')).toBe('hell0\n');
    expect(h.readFile('/tmp/edit.txt.bak')).toBe('hello\nworld\n');
    expect(h.rootfs.lstat('/tmp/edit.txt').mode & 0o777).toBe(0o640);
  });

  it('tee writes every file; sort -o may overwrite its input', async () => {
    const h = boot();
    expect(await h.exec(['tee', '/tmp/t1', '/tmp/t2'], { uid: 0, stdin: 'x\n' })).toMatchObject({ stdout: 'x\n', code: 0 });
    expect(h.readFile('/tmp/t1') + h.readFile('/tmp/t2')).toBe('x\nx\n');
    h.writeFile('/tmp/s', 'b\na\n');
    expect(await h.exec(['sort', '-o', '/tmp/s', '/tmp/s'], { uid: 0 })).toMatchObject({ stdout: '', code: 0 });
    expect(h.readFile('/tmp/s')).toBe('a\nb\n');
    expect(await h.exec(['sed', '-n', 'w /tmp/w1\n/b/w /tmp/w1'], { uid: 0, stdin: 'a\nb\n' })).toMatchObject({ code: 0 });
    expect(h.readFile('/tmp/w1')).toBe('a\nb\nb\n');
  });

  it('xargs finds programs on PATH and reports what cannot run', async () => {
    const h = boot();
    h.writeFile('/tmp/noexec', 'data', 0o644);
    expect(await h.exec(['xargs', '/tmp/noexec'], { uid: 1000, stdin: 'a\n' })).toMatchObject({ code: 126, stderr: 'xargs: /tmp/noexec: Permission denied\n' });
    expect(await h.exec(['xargs', '-P', '3', '-n', '1', 'echo'], { uid: 0, stdin: '1 2 3 4\n' })).toMatchObject({ code: 0 });
    expect(await h.exec(['xargs', 'echo'], { uid: 0, stdin: 'a\n', env: { PATH: '/nowhere' } })).toMatchObject({ code: 127 });
  });

  it('seq and yes can be interrupted while they loop', async () => {
    const h = boot();
    const seq = await h.spawn(['seq', '1', '0', '2'], { uid: 0 });
    const it = seq.stdout[Symbol.asyncIterator]();
    await readUntil(it, (t) => t.length > 100);
    h.machine.kernel.deliver(seq.process, 15, seq.process.ns.pid);
    expect(await seq.ended).toMatchObject({ kind: 'signaled', signal: 15 });
  });
});
