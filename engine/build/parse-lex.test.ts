/**
 * Variable substitution against BuildKit's shell/lex_test.go: its envVarTest
 * and wordsTest tables (copied under testdata/buildkit/shell) and its
 * TestProcessWithMatches cases.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expand, expandWords, processWord } from './parse-lex.ts';

const shell = new URL('./testdata/buildkit/shell/', import.meta.url).pathname;

describe('envVarTest (TestShellParser4EnvVars)', () => {
  const env = { PWD: '/home', SHELL: 'bash', KOREAN: '한국어', NULL: '' };
  const lines = fs.readFileSync(shell + 'envVarTest', 'utf8').split('\n');
  lines.forEach((line, n) => {
    if (line.startsWith('#') || line.trim() === '') return;
    const [platform, source, expected] = line.split('|').map((s) => s.trim()) as [string, string, string];
    if (platform === 'W') return; // Windows-only rows
    it(`line ${n + 1}: ${source}`, () => {
      if (expected === 'error') expect(() => expand(source, env)).toThrow(/^failed to process /);
      else expect(expand(source, env)).toBe(expected);
    });
  });
});

describe('wordsTest (TestShellParser4Words)', () => {
  const lines = fs.readFileSync(shell + 'wordsTest', 'utf8').split('\n');
  // BuildKit's test also runs a second mode (raw quotes, unset kept), but reads
  // the same file handle again, already at its end: that mode checks nothing.
  for (const mode of ['normal'] as const) {
    const options = {};
    it(mode, () => {
      const env: Record<string, string> = {};
      for (const line of lines) {
        if (line.startsWith('#') || line === '') continue;
        if (line.startsWith('ENV ')) {
          const kv = line.slice(3).replace(/^ +/, '');
          const eq = kv.indexOf('=');
          env[kv.slice(0, eq)] = kv.slice(eq + 1);
          continue;
        }
        const [test, want] = line.split('|') as [string, string];
        const expected = want.replace(/^ +/, '').split(',');
        let got: string[];
        try {
          got = expandWords(test.trim(), env, options);
        } catch {
          got = ['error'];
        }
        expect(got, test).toEqual(expected);
      }
    });
  }
});

describe('TestProcessWithMatches', () => {
  const cases: [string, Record<string, string>, string | Error, string[]?, string[]?][] = [
    ['x', { DUMMY: 'dummy' }, 'x', [], []],
    ['x ${UNUSED}', { DUMMY: 'dummy' }, 'x ', [], ['UNUSED']],
    ['x ${FOO}', { FOO: 'y' }, 'x y', ['FOO'], []],
    ['${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}', { FOO: 'xxx', BAR: '' }, 'xxx  ccc', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}', { FOO: 'xxx', BAR: '' }, 'xxx bbb ccc', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO:-}', { FOO: 'xxx', BAR: '' }, 'xxx', ['FOO'], []],
    ['${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}', { FOO: 'xxx', BAR: '' }, 'aaa bbb ', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}', { FOO: 'xxx', BAR: '' }, 'aaa  ', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO?aaa}', { FOO: 'xxx', BAR: '' }, 'xxx'],
    ['${BAR?bbb}', { FOO: 'xxx', BAR: '' }, ''],
    ['${BAZ?ccc}', { FOO: 'xxx', BAR: '' }, new Error('failed to process "${BAZ?ccc}": BAZ: ccc')],
    ['${FOO:?aaa}', { FOO: 'xxx', BAR: '' }, 'xxx'],
    ['${BAR:?bbb}', { FOO: 'xxx', BAR: '' }, new Error('failed to process "${BAR:?bbb}": BAR: bbb')],
    ['${BAZ:?}', {}, new Error('failed to process "${BAZ:?}": BAZ: is not allowed to be unset')],
    ['${FOO=aaa}', { FOO: 'xxx' }, new Error('failed to process "${FOO=aaa}": unsupported modifier (=) in substitution')],
    ['${FOO#()[]{\\}^$.\\*\\?|\\\\}', { FOO: '()[]{}^$.*?|\\x' }, 'x'],
    ['${FOO%%\\**}', { FOO: 'xx**' }, 'xx'],
    ['${FOO#*x*y}', { FOO: 'xxyy' }, 'y'],
    ['${FOO#*}', { FOO: 'xxyy' }, 'xxyy'],
    ['${FOO#$BAR}', { FOO: 'xxyy', BAR: 'x' }, 'xyy'],
    ['${FOO##*x}', { FOO: 'xxyy' }, 'yy'],
    ['${FOO#?\\?}', { FOO: '???y' }, '?y'],
    ['${ABC:-.}${FOO%x}${ABC:-.}', { FOO: 'xxyy' }, '.xxyy.'],
    ['${FOO%%\\**\\*}', { FOO: 'a***yy*' }, 'a'],
    ['${FOO:#}', {}, new Error('failed to process "${FOO:#}": unsupported modifier (:#) in substitution')],
    ['${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}', { FOO: '/foo*/*/*.txt', NEEDLE: '\\*/' }, '/foo.*/*.txt - /foo..*.txt'],
    ['${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}', { FOO: '/tmp/tmp/bar.txt', NEEDLE: '/tmp' }, '/tmp/bar.txt - /bar.txt'],
    ['${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}', { FOO: '/a/foo/b/c.txt', NEEDLE: '/?/', REPLACEMENT: '/' }, '/foo/b/c.txt - /foo/c.txt'],
    ['${FOO//\\//\\/}', { FOO: '/tmp/foo.txt' }, '\\/tmp\\/foo.txt'],
    ['${FOO/$BAR/ww}', { FOO: 'xxyy', BAR: '' }, 'wwxxyy'],
    ['${FOO//ww}', { FOO: 'xxyy' }, new Error("failed to process \"${FOO//ww}\": syntax error: missing '/' in ${}")],
    ['${FOO///}', { FOO: 'xxyy' }, 'xxyy'],
    ['something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz', { VERSION: 'v1.2.3', TARGETOS: 'linux', TARGETARCH: 'arm', TARGETVARIANT: 'v7' }, 'something-v1.2.3.linux-arm-v7.tar.gz'],
    ['something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz', { VERSION: 'v1.2.3', TARGETOS: 'linux', TARGETARCH: 'arm64' }, 'something-v1.2.3.linux-arm64.tar.gz'],
  ];
  for (const [input, env, expected, matched, unmatched] of cases) {
    it(input, () => {
      if (expected instanceof Error) {
        expect(() => processWord(input, env)).toThrow(expected.message);
        return;
      }
      const r = processWord(input, env);
      expect(r.result).toBe(expected);
      if (matched) expect([...r.matched].sort()).toEqual([...matched].sort());
      if (unmatched) expect([...r.unmatched].sort()).toEqual([...unmatched].sort());
    });
  }
});

describe('substitution rules', () => {
  it('requires a set value with ${V?msg} and a non-empty one with ${V:?msg} (TestShellParserMandatoryEnvVars)', () => {
    expect(expand('${VAR:?message here$ARG}', { VAR: 'plain', ARG: 'x' })).toBe('plain');
    expect(() => expand('${VAR:?message here$ARG}', { VAR: '', ARG: 'x' })).toThrow('VAR: message herex');
    expect(() => expand('${VAR:?message here$ARG}', { ARG: 'x' })).toThrow('VAR: message herex');
    expect(expand('${VAR?message here$ARG}', { VAR: '', ARG: 'x' })).toBe('');
    expect(() => expand('${VAR?message here$ARG}', { ARG: 'x' })).toThrow('VAR: message herex');
  });

  it('takes single quotes literally and expands inside double quotes', () => {
    expect(expand(`'$A' "$A" \\$A`, { A: 'x' })).toBe('$A x $A');
  });

  it('uses the backtick as escape when the Dockerfile says so', () => {
    expect(expand('`$A c:\\dir', { A: 'x' }, { escapeToken: '`' })).toBe('$A c:\\dir');
  });

  it('accepts a Map or a function as the environment', () => {
    expect(expand('${A}-${B:-b}', new Map([['A', '1']]))).toBe('1-b');
    expect(expand('$A', (name) => (name === 'A' ? 'fn' : undefined))).toBe('fn');
  });

  it('leaves unset variables as written when asked (heredoc names, step names)', () => {
    expect(expand('$A ${B} ${C:-x}', {}, { skipUnsetEnv: true })).toBe('$A ${B} ${C:-x}');
  });

  it('splits words after substitution, but not inside quotes', () => {
    expect(expandWords('$P "$P" 22', { P: '80 443' })).toEqual(['80', '443', '80 443', '22']);
  });

  it('replaces like Go\'s ReplaceAllString: once for an empty match after a match, $0 is the match', () => {
    expect(expand('${F//*/X}', { F: 'abc' })).toBe('X');
    expect(expand('${F//b/[\\$0]}', { F: 'abcb' })).toBe('a[\\b]c[\\b]');
  });

  it('shares the word buffer with nested ${…} as BuildKit does', () => {
    // lex.go resets its shared word buffer inside ${V:-…}: the text before it is lost.
    expect(expandWords('hello${x:-abc}def', {})).toEqual(['abcdef']);
  });
});
