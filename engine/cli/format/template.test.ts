import { describe, expect, it } from 'vitest';
import { GoNil, goMap, goStruct } from './gofmt.ts';
import { parseTemplate, TemplateError } from './template.ts';

const run = (text: string, data?: unknown): string => parseTemplate(text).execute(data);
const fails = (text: string, data?: unknown): string => {
  try {
    run(text, data);
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return (err as Error).message;
  }
  throw new Error(`no error from ${text}`);
};

describe('fields, maps and structs', () => {
  it('reads fields, keys and dot', () => {
    expect(run('{{.Name}}', { Name: 'web' })).toBe('web');
    expect(run('{{.A.B}}', { A: { B: 'deep' } })).toBe('deep');
    expect(run('{{.}}', 'dot')).toBe('dot');
    expect(run('{{.}}', ['a', 'b'])).toBe('[a b]');
    expect(run('{{.}}', { b: 2, a: 'x' })).toBe('map[a:x b:2]');
    expect(run('{{.Config.Labels}}', { Config: { Labels: { 'com.x': 'y', a: 'b' } } })).toBe('map[a:b com.x:y]');
  });

  it('prints <no value> for a missing map key, through a chain too', () => {
    expect(run('{{.Missing}}', {})).toBe('<no value>');
    expect(run('{{.Missing.Sub}}', {})).toBe('<no value>');
    expect(run('{{.}}', undefined)).toBe('<no value>');
    expect(run('{{.a}}', { a: null })).toBe('<no value>'); // nil interface{} in a map
  });

  it('fails on a missing struct field, with Go\'s message', () => {
    const row = goStruct('*formatter.ContainerContext', { ID: 'abc' });
    expect(fails('{{.Foo}}', row)).toBe(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
    expect(fails('{{.A.B}}', { A: 'str' })).toBe(
      'template: :1:4: executing "" at <.A.B>: can\'t evaluate field B in type string',
    );
    expect(fails('x\n  {{.ID.X}}', row)).toBe(
      'template: :2:7: executing "" at <.ID.X>: can\'t evaluate field X in type string',
    );
    expect(fails('{{.a.b}}', { a: null })).toBe(
      'template: :1:4: executing "" at <.a.b>: nil pointer evaluating interface {}.b',
    );
  });

  it('typed nils: a nil pointer prints <nil>, a nil slice [], a nil map map[]', () => {
    const state = goStruct('*container.State', {
      Health: new GoNil('*container.Health'),
      Entrypoint: new GoNil('strslice.StrSlice', 'slice'),
      Env: new GoNil('[]string'),
      Labels: new GoNil('map[string]string'),
      Untyped: null,
    });
    expect(run('{{.Health}}|{{.Entrypoint}}|{{.Labels}}|{{.Untyped}}', state)).toBe('<nil>|[]|map[]|<no value>');
    expect(run('{{json .Health}}|{{len .Env}}|{{join .Env ","}}|{{range .Env}}x{{else}}none{{end}}', state)).toBe('null|0||none');
    expect(run('{{if .Health}}y{{else}}n{{end}}|{{eq .Health nil}}|{{.Labels.x}}', state)).toBe('n|true|<no value>');
    expect(fails('{{.Health.Status}}', state)).toBe(
      'template: :1:9: executing "" at <.Health.Status>: nil pointer evaluating *container.Health.Status',
    );
  });

  it('calls methods and getters', () => {
    const row = goStruct('*formatter.ContainerContext', {
      labels: { 'com.example': 'v' } as Record<string, string>,
      Label(name: string) {
        return this.labels[name] ?? '';
      },
      get Names() {
        return 'quirky_name';
      },
      Upper: () => 'UP',
    });
    expect(run('{{.Label "com.example"}}|{{.Names}}|{{.Upper}}', row)).toBe('v|quirky_name|UP');
    expect(fails('{{.Label}}', row)).toBe(
      'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0',
    );
    expect(fails('{{.Names 1}}', row)).toBe(
      'template: :1:2: executing "" at <.Names>: Names has arguments but cannot be invoked as function',
    );
    expect(fails('{{.A 1}}', { A: 'x' })).toBe(
      'template: :1:2: executing "" at <.A>: A is not a method but has arguments',
    );
  });
});

describe('actions', () => {
  it('trims space around {{- and -}}', () => {
    expect(run('a  {{- 1 -}}  b')).toBe('a1b');
    expect(run('a \n{{- /* note */ -}}\n b')).toBe('ab');
    expect(run('a{{/* note */}}b')).toBe('ab');
    expect(run('{{-3}}')).toBe('-3'); // no space: a negative number, not a trim marker
  });

  it('literals', () => {
    expect(run('{{1.0}} {{1.5}} {{1e3}} {{0x10}} {{0o17}} {{1_000}} {{\'a\'}} {{true}} {{"a\\tb"}} {{`r\\n`}}')).toBe(
      '1 1.5 1000 16 15 1000 97 true a\tb r\\n',
    );
  });

  it('variables: declare, assign, scope', () => {
    expect(run('{{$x := .A}}{{$x}}', { A: 5 })).toBe('5');
    expect(run('{{$x := 1}}{{range .}}{{$x = .}}{{end}}{{$x}}', [5, 6])).toBe('6');
    expect(run('{{with $x := .A}}{{$x}}{{end}}', { A: 'w' })).toBe('w');
    expect(run('{{range .L}}{{$.T}}{{end}}', { L: [1, 2], T: 't' })).toBe('tt');
  });

  it('pipelines and parentheses', () => {
    expect(run('{{"hello" | printf "%s world"}}')).toBe('hello world');
    expect(run('{{.A | len}}', { A: [1, 2, 3] })).toBe('3');
    expect(run('{{(index . 0).Name}}', [{ Name: 'first' }])).toBe('first');
    expect(run('{{printf "%d-%s" (len .) (index . 1)}}', ['a', 'b'])).toBe('2-b');
  });

  it('if, else if, else; with, else with', () => {
    const t = '{{if eq .A 1}}one{{else if eq .A 2}}two{{else}}other{{end}}';
    expect(run(t, { A: 1 })).toBe('one');
    expect(run(t, { A: 2 })).toBe('two');
    expect(run(t, { A: 3 })).toBe('other');
    expect(run('{{if .}}y{{else}}n{{end}}', [])).toBe('n');
    expect(run('{{if .}}y{{else}}n{{end}}', {})).toBe('n');
    expect(run('{{if .}}y{{else}}n{{end}}', 0)).toBe('n');
    expect(run('{{if .}}y{{else}}n{{end}}', goStruct('T', {}))).toBe('y');
    const w = '{{with .A}}a={{.}}{{else with .B}}b={{.}}{{else}}none{{end}}';
    expect(run(w, { A: 'x' })).toBe('a=x');
    expect(run(w, { B: 'y' })).toBe('b=y');
    expect(run(w, {})).toBe('none');
  });

  it('range over slices, maps (sorted), ints; else, break, continue', () => {
    expect(run('{{range $i, $e := .}}{{$i}}:{{$e}} {{end}}', ['a', 'b'])).toBe('0:a 1:b ');
    expect(run('{{range $k, $v := .}}{{$k}}={{$v}} {{end}}', { b: 2, a: 1 })).toBe('a=1 b=2 ');
    expect(run('{{range .}}{{.}}{{end}}', { b: 2, a: 1 })).toBe('12');
    expect(run('{{range 3}}{{.}}{{end}}')).toBe('012');
    expect(run('{{range .}}x{{else}}empty{{end}}', [])).toBe('empty');
    expect(run('{{range .Nope}}x{{else}}empty{{end}}', {})).toBe('empty');
    expect(run('{{range .}}{{if eq . 2}}{{continue}}{{end}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}', [1, 2, 3, 4, 5])).toBe('13');
    expect(fails('{{range .}}{{end}}', 1.5)).toBe('template: :1:8: executing "" at <.>: range can\'t iterate over 1.5');
  });

  it('define and template', () => {
    expect(run('{{define "T"}}hi {{.}}{{end}}{{template "T" "x"}}!')).toBe('hi x!');
    expect(run('{{block "B" .}}[{{.}}]{{end}}', 'b')).toBe('[b]');
    expect(fails('{{template "x"}}')).toBe('template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined');
  });
});

describe('builtin functions', () => {
  it('and, or, not return Go\'s values', () => {
    expect(run('{{and 1 0 2}}|{{and 1 2}}|{{or 0 "" "x"}}|{{or 0 ""}}|{{not .}}', 0)).toBe('0|2|x||true');
    expect(run('{{if and .A .B}}y{{else}}n{{end}}', { A: true })).toBe('n');
  });

  it('comparisons', () => {
    expect(run('{{eq .A 1 2 3}} {{ne "a" "b"}} {{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 2.5}}', { A: 3 })).toBe(
      'true true true true true false',
    );
    expect(run('{{eq .Missing "x"}}', {})).toBe('false');
    expect(fails('{{eq 1 "a"}}')).toBe(
      'template: :1:2: executing "" at <eq 1 "a">: error calling eq: incompatible types for comparison',
    );
    expect(fails('{{lt true false}}')).toBe(
      'template: :1:2: executing "" at <lt true false>: error calling lt: invalid type for comparison',
    );
  });

  it('len, index, slice', () => {
    expect(run('{{len .}}', 'héllo')).toBe('6'); // bytes, as Go counts
    expect(run('{{len .}}', { a: 1, b: 2 })).toBe('2');
    expect(run('{{index . 1}}', ['a', 'b'])).toBe('b');
    expect(run('{{index .M "k"}}|{{index .M "nope"}}|', { M: { k: 'v' } })).toBe('v||');
    expect(run('{{index . "a" 0}}', { a: ['x'] })).toBe('x');
    expect(run('{{slice . 1 3}}|{{slice "hello" 1}}', [1, 2, 3, 4])).toBe('[2 3]|ello');
    expect(fails('{{index . 5}}', ['a'])).toBe(
      'template: :1:2: executing "" at <index . 5>: error calling index: index out of range: 5',
    );
    expect(fails('{{len 3}}')).toBe('template: :1:2: executing "" at <len 3>: error calling len: len of type int');
  });

  it('print, printf, println', () => {
    expect(run('{{print "a" 1 2 "b"}}|{{println "x" 1}}|{{printf "%-6s|%5.2f|%q" "ab" 3.14159 "x"}}')).toBe(
      'a1 2b|x 1\n|ab    | 3.14|"x"',
    );
    expect(run('{{print .Missing}}', {})).toBe('<nil>');
    expect(fails('{{printf}}')).toBe(
      'template: :1:2: executing "" at <printf>: wrong number of args for printf: want at least 1 got 0',
    );
  });

  it('html, js, urlquery', () => {
    expect(run(`{{html "<a href='x'>&"}}`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;');
    expect(run(`{{js "a'b<"}}`)).toBe("a\\'b\\u003C");
    expect(run('{{urlquery "a b&c"}}')).toBe('a+b%26c');
  });
});

describe("docker's functions (templates.go)", () => {
  it('json', () => {
    expect(run('{{json .}}', { a: '<b>&', c: [1, 2.5], d: null })).toBe('{"a":"<b>&","c":[1,2.5],"d":null}');
    expect(run('{{json .Labels}}', { Labels: goMap('map[string]string', { z: '1', a: '2' }) })).toBe('{"a":"2","z":"1"}');
    expect(run('{{json .Missing}}', {})).toBe('null');
    expect(run('{{json "x\u2028"}}')).toBe('"x\\u2028"');
  });

  it('split, join, title, lower, upper, pad, truncate', () => {
    expect(run('{{split "a,b" ","}}|{{join .L "-"}}|{{title "hello wORLD"}}|{{lower "AbC"}}|{{upper "abc"}}', { L: ['x', 'y'] })).toBe(
      '[a b]|x-y|Hello WORLD|abc|ABC',
    );
    expect(run('[{{pad "x" 1 2}}][{{pad "" 1 2}}][{{truncate "hello" 3}}][{{truncate "hi" 3}}]')).toBe('[ x  ][][hel][hi]');
    expect(run('{{range split .Names ","}}<{{.}}>{{end}}', { Names: 'a,b' })).toBe('<a><b>');
  });

  it('checks argument types as Go does', () => {
    expect(fails('{{upper 1}}')).toBe('template: :1:8: executing "" at <1>: expected string; found 1');
    expect(fails('{{upper .N}}', { N: 5 })).toBe(
      'template: :1:8: executing "" at <.N>: wrong type for value; expected string; got int',
    );
    expect(fails('{{join .L ","}}', { L: [1, 2] })).toBe(
      'template: :1:7: executing "" at <.L>: wrong type for value; expected []string; got []interface {}',
    );
    expect(fails('{{json}}')).toBe('template: :1:2: executing "" at <json>: wrong number of args for json: want 1 got 0');
    expect(fails('{{"a" .B}}', {})).toBe('template: :1:2: executing "" at <"a">: can\'t give argument to non-function "a"');
    expect(fails('{{1 2}}')).toBe('template: :1:2: executing "" at <1>: can\'t give argument to non-function 1');
    expect(fails('{{nil}}')).toBe('template: :1:2: executing "" at <nil>: nil is not a command');
  });
});

describe('parse errors, worded as Go words them', () => {
  const cases: [string, string][] = [
    ['{{.Foo', 'template: :1: unclosed action'],
    ['{{.Foo}', "template: :1: bad character U+007D '}'"],
    ['{{ . }', 'template: :1: unexpected "}" in operand'],
    ['{{foo}}', 'template: :1: function "foo" not defined'],
    ['{{if .A}}x', 'template: :1: unexpected EOF'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{range .}}{{break 1}}{{end}}', 'template: :1: unexpected "1" in {{break}}'],
    ['{{.A | 1}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{"abc}}', 'template: :1: unterminated quoted string'],
    ['a\n{{.Foo', 'template: :2: unclosed action'],
    ['{{(1}}', 'template: :1: unclosed left paren'],
    ['{{1)}}', 'template: :1: unexpected right paren'],
    ['{{.A %}}', 'template: :1: unexpected "%" in operand'],
    ['{{3x}}', 'template: :1: bad number syntax: "3x"'],
    ['{{"a".B}}', 'template: :1: unexpected . after term "\\"a\\""'],
    ['{{/* x }}', 'template: :1: unclosed comment'],
    ['{{range $a, $b, $c := .}}{{end}}', 'template: :1: too many declarations in range'],
    ['{{if}}{{end}}', 'template: :1: missing value for if'],
  ];
  it.each(cases)('%j', (text, want) => {
    expect(fails(text)).toBe(want);
  });
});
