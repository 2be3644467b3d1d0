/**
 * The parser against BuildKit's own parser tests (frontend/dockerfile/parser/
 * *_test.go and testdata, copied under testdata/buildkit), then one case per
 * rule with the expected values worked out from BuildKit's sources.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dumpDockerfile } from './parse-dump.ts';
import { DirectiveParser, detectSyntax, findDirective } from './parse-directives.ts';
import { chompHeredocContent, heredocsFromLine, parseHeredoc, parseJSONArray, parseLine, parseWords } from './parse-line.ts';
import { DockerfileError, parseDockerfile, type Instruction } from './parser.ts';

const testdata = new URL('./testdata/buildkit/', import.meta.url).pathname;
const read = (p: string) => fs.readFileSync(testdata + p, 'utf8');

/** The message a parse throws, and its lines. */
function failure(text: string): { message: string; lines: [number, number] } {
  try {
    parseDockerfile(text);
  } catch (err) {
    expect(err).toBeInstanceOf(DockerfileError);
    const e = err as DockerfileError;
    expect(e.code).toBe('InvalidArgument');
    return { message: e.message, lines: [e.startLine, e.endLine] };
  }
  throw new Error('parsed without error');
}

const only = (text: string): Instruction => {
  const all = parseDockerfile(text).instructions;
  return all[all.length - 1]!;
};

describe('BuildKit parser testdata', () => {
  for (const name of fs.readdirSync(testdata + 'testfiles')) {
    it(`testfiles/${name}`, () => {
      expect(dumpDockerfile(parseDockerfile(read(`testfiles/${name}/Dockerfile`))) + '\n').toBe(read(`testfiles/${name}/result`));
    });
  }
  for (const name of fs.readdirSync(testdata + 'testfiles-negative')) {
    it(`testfiles-negative/${name} fails`, () => {
      expect(() => parseDockerfile(read(`testfiles-negative/${name}/Dockerfile`))).toThrow(DockerfileError);
    });
  }
  it('keeps line numbers (TestParseIncludesLineNumbers)', () => {
    const df = parseDockerfile(read('testfile-line/Dockerfile'));
    expect(df.instructions.map((i) => [i.startLine, i.endLine])).toEqual([[5, 5], [11, 12], [17, 31]]);
  });
});

describe('parser_test.go', () => {
  it('splits words keeping quotes (TestParseWords)', () => {
    expect(parseWords('foo', '\\')).toEqual(['foo']);
    expect(parseWords('foo bar', '\\')).toEqual(['foo', 'bar']);
    expect(parseWords('foo\\ bar', '\\')).toEqual(['foo\\ bar']);
    expect(parseWords('foo=bar', '\\')).toEqual(['foo=bar']);
    expect(parseWords("foo bar 'abc xyz'", '\\')).toEqual(['foo', 'bar', "'abc xyz'"]);
    expect(parseWords('foo bar "abc xyz"', '\\')).toEqual(['foo', 'bar', '"abc xyz"']);
    expect(parseWords('àöû', '\\')).toEqual(['àöû']);
    expect(parseWords('föo bàr "âbc xÿz"', '\\')).toEqual(['föo', 'bàr', '"âbc xÿz"']);
  });

  it('warns on empty continuation lines (TestParseWarnsOnEmptyContinutationLine)', () => {
    const df = parseDockerfile(`
FROM alpine:3.6

RUN valid \\
    continuation

RUN something \\

    following \\

    more

RUN another \\

    thing

RUN non-indented \\
# this is a comment
   after-comment

RUN indented \\
    # this is an indented comment
    comment
	`);
    expect(df.warnings.map((w) => [w.rule, w.message, w.startLine])).toEqual([
      ['NoEmptyContinuation', 'Empty continuation line', 11],
      ['NoEmptyContinuation', 'Empty continuation line', 15],
    ]);
    expect(df.instructions[2]!.args).toEqual(['something     following     more']);
  });

  it('refuses lines longer than bufio allows (TestParseReturnsScannerErrors)', () => {
    const text = `\n\t\tFROM image\n\t\tLABEL test=${'a'.repeat(65536)}\n`;
    expect(failure(text).message).toBe('dockerfile line greater than max allowed size of 65535');
  });
});

describe('parser_heredoc_test.go', () => {
  it('extracts heredocs (TestParseExtractsHeredoc)', () => {
    const df = parseDockerfile(`
FROM alpine:3.6
ENV NAME=me
RUN ls
USER <<INVALID
INVALID
RUN <<EMPTY
EMPTY
RUN 3<<EMPTY2
EMPTY2
RUN "<<NOHEREDOC"
RUN <<INDENT
	foo
	bar
INDENT
RUN <<-UNINDENT2
	baz
	quux
	UNINDENT2
RUN <<-'NOEXPAND'
	don't expand $NAME
NOEXPAND
RUN <<COMMENT
# internal comment
echo foo bar # trailing comment
COMMENT
COPY <<FILE1 <<FILE2 /dest
content 1
FILE1
content 2
FILE2
COPY <<X <<Y /dest
Y
X
X
Y
RUN <<eo'f'
echo foo
eof
RUN <<eo\\'f
echo foo
eo'f
RUN <<'e'o\\'f
echo foo
eo'f
RUN <<'one two'
echo bar
one two
RUN <<$EOF
$EOF
RUN <<  EOF  > foo
EOF
`);
    const docs = df.instructions.map((i) => i.heredocs.map((h) => ({ ...h })));
    const h = (name: string, content: string, more: Partial<(typeof docs)[0][0]> = {}) => ({ name, content, expand: true, chomp: false, fileDescriptor: 0, ...more });
    expect(docs).toEqual([
      [], [], [], [], // FROM, ENV, RUN ls, USER <<INVALID (USER takes no heredoc)
      [], // the line INVALID, read as an instruction
      [h('EMPTY', '')],
      [h('EMPTY2', '', { fileDescriptor: 3 })],
      [],
      [h('INDENT', '\tfoo\n\tbar\n')],
      [h('UNINDENT2', '\tbaz\n\tquux\n', { chomp: true })],
      [h('NOEXPAND', "\tdon't expand $NAME\n", { chomp: true, expand: false })],
      [h('COMMENT', '# internal comment\necho foo bar # trailing comment\n')],
      [h('FILE1', 'content 1\n'), h('FILE2', 'content 2\n')],
      [h('X', 'Y\n'), h('Y', 'X\n')],
      [h('eof', 'echo foo\n', { expand: false })],
      [h("eo'f", 'echo foo\n')],
      [h("eo'f", 'echo foo\n', { expand: false })],
      [h('one two', 'echo bar\n', { expand: false })],
      [h('$EOF', '')],
      [h('EOF', '')],
    ]);
  });

  it('ignores heredocs in JSON form (TestParseJSONHeredoc)', () => {
    const df = parseDockerfile('FROM alpine:3.6\nRUN ["whoami"]\nRUN ["<<EOF"]\nRUN ["<<\'EOF\'"]\n');
    expect(df.instructions.map((i) => i.heredocs)).toEqual([[], [], [], []]);
  });

  it('chomps leading tabs (TestHeredocChomp)', () => {
    expect(chompHeredocContent('\thello\n\tworld\n')).toBe('hello\nworld\n');
  });

  it('recognizes heredoc words (TestParseHeredocHelpers)', () => {
    for (const src of ['<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', "<<-'EOF'", '<<-"EOF"', '<<EO"F"', '<< EOF', '<<- EOF']) {
      expect(parseHeredoc(src)?.name).toBe('EOF');
    }
    for (const src of ['', 'EOF', '<<', '<<-', '<EOF', '<<<EOF', '<<EOF sh']) expect(parseHeredoc(src)).toBeUndefined();
    for (const src of ["<<'EOF", '<<"EOF', "<<EOF'", '<<EOF"']) expect(() => parseHeredoc(src)).toThrow();
  });

  it('finds every heredoc on a line (TestHeredocsFromLine)', () => {
    const names = (line: string) => heredocsFromLine(line).map((h) => h.name);
    expect(names('RUN <<EOF')).toEqual(['EOF']);
    // BuildKit's own test lists this one as ['EOF'] but only checks the names it
    // finds: its lexer splits `<<-` from ` EOF`, so there is none.
    expect(names('RUN <<- EOF')).toEqual([]);
    expect(names('RUN << -EOF')).toEqual(['-EOF']);
    expect(names("RUN <<'EOF'")).toEqual(['EOF']);
    expect(names('RUN 4<<EOF')).toEqual(['EOF']);
    expect(names('RUN <<EOF <<EOF2')).toEqual(['EOF', 'EOF2']);
    expect(names("RUN '<<EOF'")).toEqual([]);
    expect(names('RUN "<<EOF"')).toEqual([]);
  });
});

describe('directives_test.go', () => {
  it('reads the leading block (TestDirectives)', () => {
    for (const text of ['#escape=\\\n# key = FOO bar\n\n# smth\n', '# EScape=\\\n# KEY = FOO bar\n\n# smth\n']) {
      expect(new DirectiveParser().parseAll(text).directives.map((d) => [d.name, d.value])).toEqual([['escape', '\\']]);
    }
  });

  it('detects the syntax directive (TestDetectSyntax, TestDetectSyntaxBOM)', () => {
    expect(detectSyntax('# syntax = dockerfile:experimental // opts\nFROM busybox\n')).toEqual({ value: 'dockerfile:experimental', cmdline: 'dockerfile:experimental // opts', line: 1 });
    expect(detectSyntax('#!/bin/sh\n# syntax = dockerfile:experimental\nFROM busybox\n')).toMatchObject({ value: 'dockerfile:experimental', line: 2 });
    expect(detectSyntax('#!/bin/sh\n\n# syntax = dockerfile:experimental\n')).toBeUndefined();
    expect(detectSyntax('FROM busybox\nRUN ls\n')).toBeUndefined();
    expect(detectSyntax('//syntax=foo\n//key=value')?.value).toBe('foo');
    expect(detectSyntax('#!/bin/sh\n//syntax=x')?.value).toBe('x');
    expect(detectSyntax('{"syntax": "foo", "bar": ["abc"]}')?.value).toBe('foo');
    expect(detectSyntax('{"syntax": "foo"')).toBeUndefined();
    expect(detectSyntax('{"syntax": "foo"}\n# syntax=bar')).toBeUndefined();
    expect(detectSyntax('\ufeff# syntax = myfrontend\nFROM busybox\n')).toEqual({ value: 'myfrontend', cmdline: 'myfrontend', line: 1 });
  });

  it('finds other directives (TestParseDirective)', () => {
    expect(findDirective('check', '#check = skip=all // opts\nFROM busybox\n')).toEqual({ value: 'skip=all', cmdline: 'skip=all // opts', line: 1 });
    expect(findDirective('check', '#!/bin/sh\n# check = skip=all\nFROM busybox\n')).toMatchObject({ value: 'skip=all', line: 2 });
    expect(findDirective('check', '#!/bin/sh\n\n# check = skip=all\n')).toBeUndefined();
    expect(findDirective('check', '//check=skip=all\n//key=value')).toBeUndefined();
  });
});

describe('json_test.go and line_parsers_test.go', () => {
  it('parses JSON arrays of strings only', () => {
    expect(parseJSONArray('[]')).toEqual([]);
    expect(parseJSONArray('[""]')).toEqual(['']);
    expect(parseJSONArray('[ "a", "b" ]')).toEqual(['a', 'b']);
    expect(parseJSONArray('\t[\t"a",\t"b"\t]\t')).toEqual(['a', 'b']);
    expect(parseJSONArray('["abc 123", "♥", "☃", "\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000"]')).toEqual(['abc 123', '♥', '☃', '" \\ / \b \f \n \r \t \u0000']);
    for (const bad of ['["a",42,"b"]', '["a",123.456,"b"]', '["a",{},"b"]', '["a",{"c": "d"},"b"]', '["a",["c"],"b"]', '["a",true,"b"]', '["a",false,"b"]', '["a",null,"b"]']) {
      expect(() => parseJSONArray(bad)).toThrow('when using JSON array syntax, arrays must be comprised of strings only');
    }
  });

  it('splits ENV and LABEL in both forms (TestParseNameVal*)', () => {
    expect(parseLine('LABEL foo bar', '\\').pairs).toEqual([{ key: 'foo', value: 'bar', sep: '' }]);
    expect(parseLine('LABEL foo=bar thing=star', '\\').args).toEqual(['foo', 'bar', '=', 'thing', 'star', '=']);
    expect(() => parseLine('ENV foo', '\\')).toThrow('ENV must have two arguments');
  });
});

describe('instructions', () => {
  const names = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];
  it('reads all eighteen keywords in any case', () => {
    for (const kw of names) {
      for (const written of [kw, kw.toLowerCase(), kw[0] + kw.slice(1).toLowerCase()]) {
        const i = only(`${written} a b`);
        expect([i.name, i.command]).toEqual([kw.toLowerCase(), written]);
      }
    }
  });

  it('gives an unknown keyword one empty argument (the error comes from parseInstructions)', () => {
    expect(only('FOO bar baz')).toMatchObject({ name: 'foo', args: [''] });
  });

  it('keeps lines, original text and the comments above', () => {
    const df = parseDockerfile('# base image\nFROM alpine\n\n# install\n#\n# curl\nRUN apk add \\\n  curl\n');
    expect(df.instructions.map((i) => [i.startLine, i.endLine, i.original, i.comments])).toEqual([
      [2, 2, 'FROM alpine', ['base image']],
      [7, 8, 'RUN apk add   curl', ['curl']],
    ]);
  });

  it('collects ARGs before the first FROM as meta args', () => {
    const df = parseDockerfile('ARG VERSION=3.20\nARG BASE\nFROM alpine:$VERSION\nARG VERSION\n');
    expect(df.metaArgs.map((i) => i.args)).toEqual([['VERSION=3.20'], ['BASE']]);
  });
});

describe('directives in a Dockerfile', () => {
  it('counts only in the leading comment block', () => {
    const df = parseDockerfile('# syntax=docker/dockerfile:1\n# check=skip=all\n# escape=`\nFROM a\n');
    expect(df.directives).toEqual([
      { name: 'syntax', value: 'docker/dockerfile:1', line: 1 },
      { name: 'check', value: 'skip=all', line: 2 },
      { name: 'escape', value: '`', line: 3 },
    ]);
    expect(df.escapeToken).toBe('`');
    // After a blank line, an instruction or another comment, it is only a comment.
    expect(parseDockerfile('# hello\n# escape=`\nFROM a\n')).toMatchObject({ directives: [], escapeToken: '\\' });
    expect(parseDockerfile('#syntax=x\n\n# escape=`\nFROM a `\n b')).toMatchObject({ directives: [{ name: 'syntax' }], escapeToken: '\\' });
  });

  it('makes the backtick the escape character', () => {
    const df = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir c:\\ `\n  && echo done\nCOPY --from=a c:\\x `\n  d:\\\n');
    expect(df.instructions.map((i) => i.args)).toEqual([['mcr.microsoft.com/windows'], ['dir c:\\   && echo done'], ['c:\\x', 'd:\\']]);
  });

  it('refuses a repeated directive and a bad escape', () => {
    expect(failure('# escape=\\\n# escape=`\nFROM a').message).toBe('only one escape parser directive can be used');
    expect(failure('# escape=x\nFROM a')).toEqual({ message: "invalid escape token 'x' does not match ` or \\", lines: [1, 1] });
  });
});

describe('line continuations', () => {
  it('joins lines, skipping comments and empty lines inside', () => {
    expect(only('RUN a \\\n# c\n\n  b \\\n  # d\n c').args).toEqual(['a   b  c']);
  });
  it('allows whitespace after the escape', () => {
    expect(only('RUN a \\ \t\n b').args).toEqual(['a  b']);
  });
  it('does not continue after an escaped escape', () => {
    expect(parseDockerfile('ENV C trailing\\\\\nENV D x').instructions.map((i) => i.pairs?.[0]?.value)).toEqual(['trailing\\\\', 'x']);
  });
  it('ends a continuation at the end of the file', () => {
    expect(only('FROM a\nRUN something \\')).toMatchObject({ args: ['something'], startLine: 2, endLine: 2 });
  });
});

describe('arguments', () => {
  it('reads exec form as the JSON elements and shell form as one string', () => {
    expect(only('CMD ["echo", "hi there"]')).toMatchObject({ args: ['echo', 'hi there'], json: true });
    expect(only('CMD echo "hi there"')).toMatchObject({ args: ['echo "hi there"'], json: false });
    expect(only('ENTRYPOINT []')).toMatchObject({ args: [], json: true });
  });
  it('falls back to shell form when the JSON is invalid', () => {
    expect(only("CMD ['single', 'quotes']")).toMatchObject({ args: ["['single', 'quotes']"], json: false });
    expect(only('CMD ["unterminated"')).toMatchObject({ args: ['["unterminated"'], json: false });
    expect(only('COPY [a, b]')).toMatchObject({ args: ['[a,', 'b]'], json: false });
  });
  it('refuses a JSON array holding something other than strings', () => {
    expect(failure('CMD [ "echo", [ "nested json" ] ]')).toEqual({ message: 'when using JSON array syntax, arrays must be comprised of strings only', lines: [1, 1] });
  });
  it('keeps flags as written, quotes removed, up to a lone --', () => {
    expect(only('COPY --from=build --chown="app:app" --link ./out /srv')).toMatchObject({ flags: ['--from=build', '--chown=app:app', '--link'], args: ['./out', '/srv'] });
    expect(only('RUN --mount=type=cache,target=/root/.cache --network=none pip install .')).toMatchObject({ flags: ['--mount=type=cache,target=/root/.cache', '--network=none'], args: ['pip install .'] });
    expect(only('HEALTHCHECK --interval=5s --start-period=1m CMD curl -f http://localhost/')).toMatchObject({ flags: ['--interval=5s', '--start-period=1m'], args: ['CMD', 'curl -f http://localhost/'] });
    expect(only('FROM --platform=$BUILDPLATFORM golang AS build')).toMatchObject({ flags: ['--platform=$BUILDPLATFORM'], args: ['golang', 'AS', 'build'] });
    expect(only('COPY --doit=true -- --foo /tmp/')).toMatchObject({ flags: ['--doit=true'], args: ['--foo', '/tmp/'] });
  });
  it('splits ENV and LABEL into key, value, separator, quotes kept', () => {
    expect(only('ENV PATH /usr/local/bin:$PATH').pairs).toEqual([{ key: 'PATH', value: '/usr/local/bin:$PATH', sep: '' }]);
    expect(only('ENV A=1 B="two words" C=three\\ words').pairs).toEqual([
      { key: 'A', value: '1', sep: '=' },
      { key: 'B', value: '"two words"', sep: '=' },
      { key: 'C', value: 'three\\ words', sep: '=' },
    ]);
    expect(only('LABEL "com.example.vendor"="ACME Inc" version=1.0').args).toEqual(['"com.example.vendor"', '"ACME Inc"', '=', 'version', '1.0', '=']);
  });
  it('reads ONBUILD as another instruction', () => {
    const i = only('ONBUILD COPY --from=x . /app');
    expect(i.args).toEqual(['COPY', '.', '/app']);
    expect(i.trigger).toMatchObject({ name: 'copy', flags: ['--from=x'], args: ['.', '/app'] });
  });
});

describe('heredocs', () => {
  it('reads RUN <<EOF up to the terminator', () => {
    const i = parseDockerfile('FROM a\nRUN <<EOF\napk add curl\necho $HOME\nEOF\nCMD x').instructions[1]!;
    expect(i).toMatchObject({ name: 'run', args: ['<<EOF'], startLine: 2, endLine: 5 });
    expect(i.heredocs).toEqual([{ name: 'EOF', content: 'apk add curl\necho $HOME\n', expand: true, chomp: false, fileDescriptor: 0 }]);
  });
  it('accepts a tab-indented terminator with <<- and keeps the content as written', () => {
    expect(only('RUN <<-EOF\n\techo hi\n\tEOF').heredocs[0]).toMatchObject({ content: '\techo hi\n', chomp: true });
  });
  it('does not expand a quoted name', () => {
    expect(only('RUN <<"EOF"\n$x\nEOF').heredocs[0]).toMatchObject({ name: 'EOF', expand: false });
  });
  it('reads several heredocs in order, and COPY <<EOF /file', () => {
    const i = only('COPY <<one <<two /dest/\n1\none\n2\ntwo');
    expect(i.args).toEqual(['<<one', '<<two', '/dest/']);
    expect(i.heredocs.map((h) => [h.name, h.content])).toEqual([['one', '1\n'], ['two', '2\n']]);
  });
  it('fails when the terminator never comes', () => {
    expect(failure('FROM a\nRUN <<EOF\necho\n')).toEqual({ message: 'unterminated heredoc', lines: [2, 3] });
  });
});

describe('errors', () => {
  it('uses BuildKit\'s words and lines', () => {
    expect(failure('')).toEqual({ message: 'file with no instructions', lines: [1, 1] });
    expect(failure('# only a comment\n\n').message).toBe('file with no instructions');
    expect(failure('FROM busybox\n\nENV PATH')).toEqual({ message: 'ENV must have two arguments', lines: [3, 3] });
    expect(failure('FROM a\nLABEL a=b c').message).toBe('Syntax error - can\'t find = in "c". Must be of the form: name=value');
  });
});
