/**
 * Shell patterns: unit cases, then differential runs against busybox for
 * `case` matching, `${x#p}`-style trimming and replacement, and pathname
 * expansion in a scratch directory.
 *
 * Debian's busybox uses glibc's fnmatch and Alpine's uses musl's, which we
 * follow; the corpus avoids the few places they differ (a backslash inside
 * brackets, `[.a.]`, a trailing lone backslash) and bytes beyond ASCII
 * (busybox-static runs in the C locale, where `?` is one byte).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareCodePoints, expandPathname, hasGlobMeta, matchPattern, removePrefix, removeSuffix, replacePattern,
  type GlobFs, type PatternSegment,
} from './pattern.ts';

const BUSYBOX = '/usr/bin/busybox';
const haveBusybox = fs.existsSync(BUSYBOX) && spawnSync(BUSYBOX, ['sh', '-c', 'true']).status === 0;
if (!haveBusybox) console.log('pattern.test: /usr/bin/busybox not found; skipping the differential tests');

const q = (text: string): PatternSegment => ({ text, quoted: true });
const u = (text: string): PatternSegment => ({ text, quoted: false });

describe('matchPattern', () => {
  it('wildcards', () => {
    expect(matchPattern('*', '')).toBe(true);
    expect(matchPattern('*', '.hidden/x')).toBe(true);
    expect(matchPattern('a?c', 'abc')).toBe(true);
    expect(matchPattern('a?c', 'ac')).toBe(false);
    expect(matchPattern('*.tar.gz', 'x.tar.gz')).toBe(true);
    expect(matchPattern('a*b*c', 'aXbYbZc')).toBe(true);
    expect(matchPattern('a*b*c', 'aXbYbZ')).toBe(false);
  });

  it('brackets', () => {
    expect(matchPattern('[abc]', 'b')).toBe(true);
    expect(matchPattern('[!abc]', 'b')).toBe(false);
    expect(matchPattern('[^abc]', 'd')).toBe(true);
    expect(matchPattern('[a-c]x', 'bx')).toBe(true);
    expect(matchPattern('[]a]', ']')).toBe(true);
    expect(matchPattern('[a-]', '-')).toBe(true);
    expect(matchPattern('[!]]', 'x')).toBe(true);
    expect(matchPattern('[[:digit:][:upper:]]', 'Q')).toBe(true);
    expect(matchPattern('[[:alpha:]]', '1')).toBe(false);
    expect(matchPattern('[[:nope:]]', 'a')).toBe(false);
    expect(matchPattern('[ab', '[ab')).toBe(true);
    // musl: a backslash inside brackets is an ordinary character
    expect(matchPattern('[\\]]', '\\]')).toBe(true);
    expect(matchPattern('[\\a]', '\\')).toBe(true);
  });

  it('backslash escapes and quoted segments', () => {
    expect(matchPattern('\\*', '*')).toBe(true);
    expect(matchPattern('\\*', 'x')).toBe(false);
    expect(matchPattern('a\\', 'a\\')).toBe(true);
    expect(matchPattern([u('*'), q('.txt')], 'a.txt')).toBe(true);
    expect(matchPattern([q('*')], 'a')).toBe(false);
    expect(matchPattern([q('*')], '*')).toBe(true);
    expect(matchPattern([q('a?'), u('?')], 'a?b')).toBe(true);
    expect(matchPattern([u('['), q('!'), u('a]')], '!')).toBe(true);
    // Like ash, only special characters get a backslash: `["b"]` stays `[b]`.
    expect(matchPattern([u('['), q('b'), u(']')], '\\')).toBe(false);
    expect(matchPattern([q('\\')], '\\')).toBe(true);
  });

  it('characters are code points', () => {
    expect(matchPattern('?', 'é')).toBe(true);
    expect(matchPattern('?', '😀')).toBe(true);
    expect(matchPattern('[[:alpha:]]', 'é')).toBe(true);
  });
});

describe('trimming and replacing', () => {
  it('# ## % %%', () => {
    expect(removePrefix('*/', 'a/b/c', false)).toBe('b/c');
    expect(removePrefix('*/', 'a/b/c', true)).toBe('c');
    expect(removeSuffix('/*', 'a/b/c', false)).toBe('a/b');
    expect(removeSuffix('/*', 'a/b/c', true)).toBe('a');
    expect(removeSuffix('*', 'abc', false)).toBe('abc');
    expect(removeSuffix('*', 'abc', true)).toBe('');
    expect(removePrefix('x', 'abc', true)).toBe('abc');
    expect(removePrefix([q('*')], '*a', false)).toBe('a');
  });

  it('/ and //', () => {
    expect(replacePattern('a', 'banana', 'o', false)).toBe('bonana');
    expect(replacePattern('a', 'banana', 'o', true)).toBe('bonono');
    expect(replacePattern('a*', 'banana', 'X', true)).toBe('bX');
    expect(replacePattern('b*c', 'abcabc', 'X', true)).toBe('aX');
    expect(replacePattern('', 'abc', 'X', true)).toBe('abc');
    expect(replacePattern('#a', 'aba', 'X', false)).toBe('aba');
    expect(replacePattern('*', 'abc', 'Y', true)).toBe('Y');
    expect(replacePattern('*', '', 'Y', true)).toBe('Y');
    expect(replacePattern('*', '', 'Y', false)).toBe('Y');
    expect(replacePattern('?', 'abc', '[&]', true)).toBe('[&][&][&]');
  });
});

describe('pathname expansion', () => {
  const tree: Record<string, string[]> = {
    '.': ['a', 'b', 'B', 'Z', '_u', '[x', 'a*', '.hidden', 'd1', 'd2', 'é', 'z'],
    'd1/': ['f1', 'f2', '.h'],
    'd2/': ['g'],
    '/': ['bin', 'etc'],
  };
  const files = new Set(['a', 'b', 'B', 'Z', '_u', '[x', 'a*', '.hidden', 'd1', 'd2', 'é', 'z', 'd1/f1', 'd1/f2', 'd1/.h', 'd2/g', 'd1/', 'd2/']);
  const gfs: GlobFs = { readdir: (d) => tree[d], exists: (p) => files.has(p) };

  it('sorts in byte order, hides dot files, keeps . and ..', () => {
    expect(expandPathname('*', gfs)).toEqual(['B', 'Z', '[x', '_u', 'a', 'a*', 'b', 'd1', 'd2', 'z', 'é']);
    expect(expandPathname('.*', gfs)).toEqual(['.', '..', '.hidden']);
    expect(expandPathname('d1/*', gfs)).toEqual(['d1/f1', 'd1/f2']);
    expect(expandPathname('d*/.*', gfs)).toEqual(['d1/.', 'd1/..', 'd1/.h', 'd2/.', 'd2/..']);
  });

  it('directories and trailing slashes', () => {
    expect(expandPathname('*/', gfs)).toEqual(['d1/', 'd2/']);
    expect(expandPathname('d?/g', gfs)).toEqual(['d2/g']);
    expect(expandPathname('/*', gfs)).toEqual(['/bin', '/etc']);
  });

  it('no wildcard, or no match: undefined (the word stays)', () => {
    expect(expandPathname('a', gfs)).toBeUndefined();
    expect(expandPathname('nomatch*', gfs)).toBeUndefined();
    expect(expandPathname('[x', gfs)).toBeUndefined();
    expect(expandPathname([q('a*')], gfs)).toBeUndefined();
    expect(expandPathname([q('a'), u('*')], gfs)).toEqual(['a', 'a*']);
    expect(expandPathname('a\\*', gfs)).toBeUndefined();
  });

  it('hasGlobMeta', () => {
    expect(hasGlobMeta('a*')).toBe(true);
    expect(hasGlobMeta('a[')).toBe(false);
    expect(hasGlobMeta('a[b]')).toBe(true);
    expect(hasGlobMeta([u('['), q(']')])).toBe(true);
    expect(hasGlobMeta('\\*')).toBe(false);
    expect(hasGlobMeta([q('*?')])).toBe(false);
  });

  it('compareCodePoints is strcmp on UTF-8', () => {
    expect(['é', 'z', '😀', '\uffff', 'Z'].sort(compareCodePoints)).toEqual(['Z', 'z', 'é', '\uffff', '😀']);
  });
});

// --- differential ------------------------------------------------------------

function sh(script: string, env: Record<string, string>, cwd?: string): string {
  const r = spawnSync(BUSYBOX, ['sh', '-c', script], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', ...env }, cwd, timeout: 5000 });
  return r.stdout + r.stderr;
}

/** [text, pattern]: the pattern arrives through an unquoted variable, so backslashes escape. */
const MATCH_CORPUS: [string, string][] = [
  ['abc', 'abc'], ['abc', 'a*'], ['abc', '*c'], ['abc', '*b*'], ['abc', 'a?c'], ['abc', '???'], ['abc', '??'], ['', '*'], ['', '?'],
  ['', ''], ['a', ''], ['abc', '[abc]bc'], ['abc', '[!a]bc'], ['abc', '[^a]bc'], ['b', '[a-c]'], ['d', '[a-c]'], ['-', '[a-]'],
  ['-', '[-a]'], [']', '[]]'], [']', '[]a]'], ['x', '[!]]'], [']', '[!]]'], ['a', '[[:alpha:]]'], ['1', '[[:alpha:]]'],
  ['1', '[[:digit:]]'], ['A', '[[:upper:]]'], ['a', '[[:lower:]]'], [' ', '[[:space:]]'], ['\t', '[[:blank:]]'],
  ['!', '[[:punct:]]'], ['f', '[[:xdigit:]]'], ['g', '[[:xdigit:]]'], ['a', '[[:alnum:]_]'], ['_', '[[:alnum:]_]'],
  ['[', '['], ['[a', '[a'], ['[ab]', '[ab]'], ['a]', 'a]'], ['*', '\\*'], ['a', '\\*'], ['?', '\\?'], ['a', '\\a'],
  ['\\a', '\\\\a'], ['.x', '*'], ['.x', '?x'], ['a/b', 'a*b'], ['a/b', 'a?b'], ['aXbYc', 'a*b*c'], ['aXbY', 'a*b*c'],
  ['abcabc', '*abc'], ['ab', '*a*b*'], ['aaa', 'a*a*a*a'], ['x.tar.gz', '*.tar.gz'], ['x.tgz', '*.tar.gz'], ['AbC', '[A-Z]b[A-Z]'],
  ['a-b', 'a[!a-z]b'], ['a1b', 'a[!a-z]b'], ['aab', 'a[a-z]b'], ['^', '[\\^]'], ['!', '[!!]'], ['b', '[!!]'], ['*', '[*]'],
  ['?', '[?]'], ['a', '[?]'], ['abc', '*[b]*'], ['abc', 'a[b-b]c'], ['abc', 'a[c-a]c'], ['ab', 'a[]'], ['a]', 'a[]]'],
  ['x', '[[:alpha:]'], ['[:alpha:]', '[[:alpha:]'], ['ab', '[a]b'], ['-', '[!-]'], ['z', '[a-cx-z]'], ['y', '[a-cx-z]'],
];

describe.skipIf(!haveBusybox)('differential: case matching', () => {
  for (const [text, pattern] of MATCH_CORPUS) {
    it(`${JSON.stringify(text)} ~ ${JSON.stringify(pattern)}`, () => {
      const real = sh('case "$T" in $P) echo y;; *) echo n;; esac', { T: text, P: pattern });
      expect(matchPattern(pattern, text) ? 'y\n' : 'n\n').toBe(real);
    });
  }
});

const TRIM_CORPUS: [string, string][] = [
  ['a/b/c.txt', '*/'], ['a/b/c.txt', '/*'], ['a/b/c.txt', '*.'], ['a/b/c.txt', '.*'], ['a/b/c.txt', '*'], ['a/b/c.txt', '?'],
  ['a/b/c.txt', 'a'], ['a/b/c.txt', 'txt'], ['a/b/c.txt', '[a-c]'], ['a/b/c.txt', '*[./]*'], ['banana', 'a'], ['banana', 'an'],
  ['banana', 'a*'], ['banana', '*a'], ['banana', 'b*n'], ['banana', '[ab]'], ['banana', 'x'], ['banana', 'na'], ['', 'x'],
  ['aaa', 'a'], ['aaa', 'aa'], ['a*b', '\\*'], ['a*b', '*\\**'], ['  x  ', ' '], ['  x  ', '[[:space:]]*'], ['abcabc', 'b?'],
  ['/usr/local/bin', '/*/'], ['x.tar.gz', '.*'], ['x.tar.gz', '.*.*'], ['CamelCase', '[[:upper:]]'],
];

describe.skipIf(!haveBusybox)('differential: ${x#p} ${x##p} ${x%p} ${x%%p} ${x/p/r} ${x//p/r}', () => {
  for (const [text, pattern] of TRIM_CORPUS) {
    it(`${JSON.stringify(text)} with ${JSON.stringify(pattern)}`, () => {
      // ${x//p/r} loops forever in ash when p matches the empty string.
      const all = !matchPattern(pattern, '');
      const script = `x="$T"; echo "\${x#$P}|\${x##$P}|\${x%$P}|\${x%%$P}|\${x/$P/R}${all ? '|${x//$P/R}' : ''}"`;
      const real = sh(script, { T: text, P: pattern });
      const ours = [
        removePrefix(pattern, text, false), removePrefix(pattern, text, true),
        removeSuffix(pattern, text, false), removeSuffix(pattern, text, true),
        replacePattern(pattern, text, 'R', false),
        ...(all ? [replacePattern(pattern, text, 'R', true)] : []),
      ].join('|') + '\n';
      expect(ours).toBe(real);
    });
  }
});

/** [shell text, the same pattern as segments] */
const GLOB_CORPUS: [string, PatternSegment[]][] = [
  ...['*', '.*', '*/', 'd*', 'd*/*', 'd*/.*', '*/f?', '?', '??', '[a-c]', '[!a-c]', '[[:upper:]]', 'a*', '*a*', '*.txt', 'd1/*',
    './*', './d?/*', '*/*/*', 'd1/f[12]', 'nomatch*', '[x', '\\[x', 'a\\*', 'd1/../*', '*[', '*]', '.?', '..*', '*.', 'd[12]',
    'd1/.h*', 'x[y', '*/.', 'd1//f1*', 'sub/*/deep', '*_*', '[_[]*', '.[!.]*'].map((p): [string, PatternSegment[]] => [p, [u(p)]]),
  ['"a"*', [q('a'), u('*')]], ["'*'", [q('*')]], ['"d1"/*', [q('d1'), u('/*')]], ['*".txt"', [u('*'), q('.txt')]],
  ['"["x', [q('['), u('x')]], ['["a"]', [u('['), q('a'), u(']')]], ['d1/"f"?', [u('d1/'), q('f'), u('?')]],
];

describe.skipIf(!haveBusybox)('differential: pathname expansion', () => {
  const dir = fs.mkdtempSync(join(tmpdir(), 'ash-glob-'));
  for (const f of ['a', 'b', 'B', 'Z', '_u', '[x', 'a*', '.hidden', 'x.txt', 'y.txt', '.z.txt', 'd1/f1', 'd1/f2', 'd1/.h', 'd2/g', 'sub/one/deep', 'sub/two/deep', 'sub/three/x']) {
    fs.mkdirSync(join(dir, f, '..'), { recursive: true });
    fs.writeFileSync(join(dir, f), '');
  }
  const gfs: GlobFs = {
    readdir: (d) => {
      try {
        return fs.readdirSync(`${dir}/${d}`);
      } catch {
        return undefined;
      }
    },
    exists: (p) => {
      try {
        // Not path.join: it would make "file/." into "file", which lstat rejects.
        fs.lstatSync(`${dir}/${p}`);
        return true;
      } catch {
        return false;
      }
    },
  };
  for (const [text, segments] of GLOB_CORPUS) {
    it(text, () => {
      const real = sh(`for f in ${text}; do echo "$f"; done`, {}, dir);
      const literal = segments.map((s) => (s.quoted ? s.text : s.text.replace(/\\(.)/g, '$1'))).join('');
      const ours = (expandPathname(segments, gfs) ?? [literal]).map((f) => f + '\n').join('');
      expect(ours).toBe(real);
    });
  }
});
