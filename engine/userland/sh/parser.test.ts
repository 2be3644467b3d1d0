/**
 * The ash parser: tree shapes, busybox's exact error messages, interactive
 * continuation, aliases, line numbers; then differential runs against the
 * real busybox (syntax checks with `sh -n`, line numbers from script files,
 * and word/here-document contents through `printf` and `cat`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command, List, Redirect, Word, WordPart } from './ast.ts';
import { evaluateArithmetic } from './arith.ts';
import { parse, Parser } from './parser.ts';
import { removePrefix, removeSuffix, replacePattern, type PatternSegment } from './pattern.ts';
import { assignmentWord } from './words.ts';

const BUSYBOX = '/usr/bin/busybox';
const haveBusybox = fs.existsSync(BUSYBOX) && spawnSync(BUSYBOX, ['sh', '-c', 'true']).status === 0;
if (!haveBusybox) console.log('parser.test: /usr/bin/busybox not found; skipping the differential tests');

// --- a compact rendering of the tree, for readable expectations -------------

function showWord(w: Word): string {
  return w.parts.map(showPart).join('');
}

function showPart(p: WordPart): string {
  switch (p.type) {
    case 'literal': return p.quoted ? `\\{${p.text}}` : p.text;
    case 'single': return p.ansiC ? `$'${p.text}'` : `'${p.text}'`;
    case 'double': return `"${p.parts.map(showPart).join('')}"`;
    case 'tilde': return `~{${p.user}}`;
    case 'arith': return `$((${showWord(p.expression)}))`;
    case 'command': return p.backquoted ? `\`${showList(p.body)}\`` : `$(${showList(p.body)})`;
    case 'process': return `${p.direction}(${showList(p.body)})`;
    case 'param': {
      if (p.op === 'get') return `\${${p.name}}`;
      if (p.op === 'length') return `\${#${p.name}}`;
      if (p.op === 'bad') return `\${${p.name}!bad}`;
      const word = p.word ? showWord(p.word) : '';
      const rep = p.replacement ? `/${showWord(p.replacement)}` : '';
      return `\${${p.name}${p.op === 'substring' ? ':' : p.op}${word}${rep}}`;
    }
  }
}

function showRedirect(r: Redirect): string {
  if (r.type === 'heredoc') return `${r.fd}<<${r.stripTabs ? '-' : ''}${r.quoted ? `'${r.delimiter}'` : r.delimiter}[${showWord(r.body)}]`;
  return `${r.fd}${r.op}${showWord(r.target)}`;
}

function showCommand(c: Command): string {
  const redirs = 'redirects' in c && c.redirects.length ? ' ' + c.redirects.map(showRedirect).join(' ') : '';
  switch (c.type) {
    case 'simple':
      return [
        ...c.assignments.map((a) => `${a.name}=${showWord(a.value)}`),
        ...c.words.map(showWord),
        ...c.redirects.map(showRedirect),
      ].join(' ');
    case 'subshell': return `( ${showList(c.body)} )${redirs}`;
    case 'group': return `{ ${showList(c.body)} }${redirs}`;
    case 'if':
      return `if ${c.clauses.map((k) => `${showList(k.condition)} then ${showList(k.body)}`).join(' elif ')}${c.elseBody ? ` else ${showList(c.elseBody)}` : ''} fi${redirs}`;
    case 'while':
    case 'until': return `${c.type} ${showList(c.condition)} do ${showList(c.body)} done${redirs}`;
    case 'for': return `for ${c.variable}${c.words ? ` in ${c.words.map(showWord).join(' ')}` : ''} do ${showList(c.body)} done${redirs}`;
    case 'case':
      return `case ${showWord(c.word)} in ${c.clauses.map((k) => `${k.patterns.map(showWord).join('|')}) ${showList(k.body)};;`).join(' ')} esac${redirs}`;
    case 'function': return `${c.name}() ${showCommand(c.body)}`;
  }
}

function showList(l: List | null): string {
  if (!l) return '';
  return l.items.map((item) => {
    const ao = item.command;
    const pipe = (p: typeof ao.first) => (p.negated ? '! ' : '') + p.commands.map(showCommand).join(' | ');
    let s = pipe(ao.first);
    for (const r of ao.rest) s += ` ${r.op} ${pipe(r.pipeline)}`;
    return s + (item.background ? ' &' : ';');
  }).join(' ');
}

/** The rendering of every complete command, one string each; throws on a syntax error. */
function tree(source: string): string[] {
  const r = parse(source);
  if (r.kind !== 'ok') throw new Error(`${source}: ${r.kind === 'error' ? r.error.message : 'incomplete'}`);
  return r.commands.map(showList);
}

function errorOf(source: string): string | undefined {
  const r = parse(source);
  return r.kind === 'error' ? r.error.message : undefined;
}

describe('parse: trees', () => {
  it('simple commands: words, assignments, redirections', () => {
    expect(tree('echo hi there')).toEqual(['echo hi there;']);
    expect(tree('A=1 B=$x cmd C=2 > out')).toEqual(['A=1 B=${x} cmd C=2 1>out;']);
    expect(tree('cmd 2>&1 <in >>app 3<>rw >|f 4<&- 5>&2 &>all')).toEqual(['cmd 2>&1 0<in 1>>app 3<>rw 1>|f 4<&- 5>&2 1&>all;']);
    expect(tree('a1>x 1234567890>y 123456789>z')).toEqual(['a1 1234567890 1>x 1>y 123456789>z;']);
    expect(tree('echo "2">x \\2>y')).toEqual(['echo "\\{2}" \\{2} 1>x 1>y;']);
    expect(tree('> f; 2>&1\n<in')).toEqual(['1>f; 2>&1;', '0<in;']);
  });

  it('lists, and-or lists and pipelines', () => {
    expect(tree('a && b || c | d & e; f')).toEqual(['a && b || c | d & e; f;']);
    expect(tree('! a | b && ! c')).toEqual(['! a | b && ! c;']);
    expect(tree('a |\n b &&\n\n c')).toEqual(['a | b && c;']);
    expect(tree('a\nb\n\nc')).toEqual(['a;', 'b;', 'c;']);
  });

  it('compound commands', () => {
    expect(tree('if a; then b; elif c; then d; else e; fi')).toEqual(['if a; then b; elif c; then d; else e; fi;']);
    expect(tree('while a; do b; done; until c\ndo d\ndone')).toEqual(['while a; do b; done; until c; do d; done;']);
    expect(tree('for i in a "b c" $d; do echo $i; done')).toEqual(['for i in a "\\{b c}" ${d} do echo ${i}; done;']);
    expect(tree('for i; do :; done')).toEqual(['for i do :; done;']);
    expect(tree('for i do :; done')).toEqual(['for i do :; done;']);
    expect(tree('for i\nin a\ndo :; done')).toEqual(['for i in a do :; done;']);
    expect(tree('( a; b ) > f')).toEqual(['( a; b; ) 1>f;']);
    expect(tree('{ a & } 2>/dev/null')).toEqual(['{ a & } 2>/dev/null;']);
  });

  it('case', () => {
    expect(tree('case $x in a|b) echo ab;; (c) ;; *) echo other; esac')).toEqual([
      'case ${x} in a|b) echo ab;;; c) ;; *) echo other;;; esac;',
    ]);
    expect(tree('case x in esac')).toEqual(['case x in  esac;']);
    expect(tree('case x in\n  in) echo;;\n  fi|esac) ;;\nesac')).toEqual(['case x in in) echo;;; fi|esac) ;; esac;']);
    // ash takes the last word read when a pattern is missing: here "in".
    expect(tree('case in in )) echo yes;; esac')).toEqual(['case in in in) echo yes;;; esac;']);
  });

  it('functions', () => {
    expect(tree('f() { echo $1; }')).toEqual(['f() { echo ${1}; };']);
    expect(tree('f()\n{\n:\n} >log')).toEqual(['f() { :; } 1>log;']);
    expect(tree('f() ( cd / )')).toEqual(['f() ( cd /; );']);
    expect(tree('f() echo hi')).toEqual(['f() echo hi;']);
    expect(tree('function f { :; }')).toEqual(['f() { :; };']);
    expect(tree('function f() { :; }')).toEqual(['f() { :; };']);
    expect(tree('function if if true; then :; fi')).toEqual(['if() if true; then :; fi;']);
  });

  it('reserved words only where a command may start', () => {
    expect(tree('echo if then fi')).toEqual(['echo if then fi;']);
    expect(tree('A=1 if')).toEqual(['A=1 if;']);
    expect(tree('{ echo }; }')).toEqual(['{ echo }; };']);
    expect(tree('\\if; "fi"')).toEqual(['\\{i}f; "\\{fi}";']);
  });

  it('[[ ]] keeps && and || as arguments', () => {
    expect(tree('[[ a && b || c ]] && d')).toEqual(['[[ a && b || c ]] && d;']);
  });

  it('comments start only at the start of a word', () => {
    expect(tree('echo a#b # c d\n# whole line\necho \\#x "#"')).toEqual(['echo a#b;', 'echo \\{#}x "\\{#}";']);
  });

  it('quoting', () => {
    expect(tree(`echo 'a b' "c \\" \\$ \\\\ \\x" d\\ e ''`)).toEqual([`echo 'a b' "\\{c " $ \\ \\x}" d\\{ }e '';`]);
    expect(tree(`echo $'a\\tb\\x41\\101\\e\\'' "$'x'"`)).toEqual([`echo $'a\tbAA\\e'' "\\{$'x'}";`]);
    expect(tree('echo a\\\nb "c\\\nd" \'e\\\nf\'')).toEqual(['echo ab "\\{cd}" \'e\\\nf\';']);
  });

  it('parameters', () => {
    expect(tree('echo $x ${x} $10 ${10} $@ $* $# $? $- $$ $! $0 ${#} ${#x} ${##} ${#?}')).toEqual([
      'echo ${x} ${x} ${1}0 ${10} ${@} ${*} ${#} ${?} ${-} ${$} ${!} ${0} ${#} ${#x} ${##} ${#?};',
    ]);
    expect(tree('echo ${x-a b} ${x:-} ${x=1} ${x:=1} ${x?m} ${x:?} ${x+y} ${x:+y}')).toEqual([
      'echo ${x-a b} ${x:-} ${x=1} ${x:=1} ${x?m} ${x:?} ${x+y} ${x:+y};',
    ]);
    expect(tree('echo ${x#*/} ${x##*/} ${x%.*} ${x%%.*} ${x:1} ${x: -1:2} ${x/a/b} ${x//a} ${x////-}')).toEqual([
      'echo ${x#*/} ${x##*/} ${x%.*} ${x%%.*} ${x:1} ${x: -1:2} ${x/a/b} ${x//a} ${x////-};',
    ]);
    // Inside double quotes: -=?+ operands are quoted, # % / patterns are not.
    expect(tree(`echo "\${x-'a' *}" "\${x#*}" "\${x-"}"}"`)).toEqual([
      `echo "\${x-"\\{'a' *}"}" "\${x#*}" "\${x-"\\{}}"}";`,
    ]);
    expect(tree('echo ${x-"a"\'b\'} ${x-\\}}')).toEqual(['echo ${x-"\\{a}"\'b\'} ${x-\\{}}};']);
    // ash ends the pattern at the first "/", even inside quotes.
    expect(tree('echo ${v/"a/b"/c} ${v/a\\/b/c}')).toEqual(['echo ${v/"\\{a}"/"\\{b}"/c} ${v/a\\{/}b/c};']);
    // These parse, but expanding them is "bad substitution".
    expect(tree('echo ${x y} ${} ${1x} ${#x-a} ${x:}z}')).toEqual(['echo ${x!bad} ${!bad} ${1!bad} ${x!bad} ${x!bad};']);
  });

  it('command substitution, arithmetic, process substitution', () => {
    expect(tree('echo $(a; b | c) `d \\`e\\`` "$(f "g")"')).toEqual(['echo $(a; b | c;) `d `e;`;` "$(f "\\{g}";)";']);
    expect(tree('echo $() `` $(case x in x) :;; esac)')).toEqual(['echo $() `` $(case x in x) :;;; esac;);']);
    expect(tree('echo $((1 + $x * (2-${y:-3}))) $(( $(echo 1) ))')).toEqual([
      'echo $((\\{1 + }${x}\\{ * (2-}${y:-"\\{3}"}\\{)})) $((\\{ }$(echo 1;)\\{ }));',
    ]);
    // $(( always starts arithmetic, and its quotes are plain characters.
    expect(tree(`echo $(("1" + '2'))`)).toEqual([`echo $((\\{"1" + '2'}));`]);
    expect(tree('diff <(a) >(b)')).toEqual(['diff <(a;) >(b;);']);
    // ash parses backquoted text as one list and ignores the rest.
    expect(tree('echo `a ) b` x`fi`y')).toEqual(['echo `a;` x``y;']);
  });

  it('tildes', () => {
    expect(tree('echo ~ ~/x ~root/y ~"x" a~ "~" ~$u x=~')).toEqual(['echo ~{} ~{}/x ~{root}/y ~"\\{x}" a~ "\\{~}" ~${u} x=~;']);
    expect(tree('A=~:~/b:c~:~x B=a=~')).toEqual(['A=~{}:~{}/b:c~:~{x} B=a=~;']);
    expect(tree('echo ${x-~} ${x#~/} ${x/~/~}')).toEqual(['echo ${x-~{}} ${x#~{}/} ${x/~{}/~{}};']);
    expect(tree('cat >~/f; for i in ~; do :; done; case ~ in ~) ;; esac')).toEqual([
      'cat 1>~{}/f; for i in ~{} do :; done; case ~{} in ~{}) ;; esac;',
    ]);
  });

  it('assignment words for export/local/readonly', () => {
    const r = parse('export A=~/x:~ B "C=~"');
    if (r.kind !== 'ok') throw new Error(r.kind);
    const words = (r.commands[0]!.items[0]!.command.first.commands[0] as { words: Word[] }).words;
    const a = assignmentWord(words[1]!);
    expect(a && `${a.name}=${showWord(a.value)}`).toBe('A=~{}/x:~{}');
    expect(assignmentWord(words[2]!)).toBeUndefined();
    expect(assignmentWord(words[3]!)).toBeUndefined();
  });

  it('here-documents', () => {
    expect(tree('cat <<EOF\nhello $x \\$y \\" \\\\ `z`\nEOF\n')).toEqual([
      'cat 0<<EOF[\\{hello }${x}\\{ $y \\" \\ }`z;`\\{\n}];',
    ]);
    expect(tree("cat <<'EOF'\n$x \\\\\nEOF\n")).toEqual(["cat 0<<'EOF'[\\{$x \\\\\n}];"]);
    expect(tree('cat <<"E"OF <<\\X\na\nEOF\nb\nX\n')).toEqual(["cat 0<<'EOF'[\\{a\n}] 0<<'X'[\\{b\n}];"]);
    expect(tree('cat <<-EOF\n\t\tx\n\t  y\n\tEOF\n')).toEqual(['cat 0<<-EOF[\\{x\n  y\n}];']);
    expect(tree('cat <<EOF; echo "a\nb"\nbody\nEOF\necho next')).toEqual(['cat 0<<EOF[\\{body\n}]; echo "\\{a\nb}";', 'echo next;']);
    expect(tree('a <<A | b <<B\n1\nA\n2\nB')).toEqual(['a 0<<A[\\{1\n}] | b 0<<B[\\{2\n}];']);
    expect(tree('cat <<EOF\nno end')).toEqual(['cat 0<<EOF[\\{no end}];']);
    expect(tree('cat <<$x\nbody\n$x\n')).toEqual(['cat 0<<$x[\\{body\n}];']);
    expect(tree('x=$(cat <<EOF\ninside\nEOF\n)')).toEqual(['x=$(cat 0<<EOF[\\{inside\n}];);']);
    // Still open at the ")": ash reads it from an empty string.
    expect(tree('x=$(cat <<EOF)\necho body\nEOF')).toEqual(['x=$(cat 0<<EOF[];);', 'echo body;', 'EOF;']);
    expect(tree('if true; then cat <<EOF\nin if\nEOF\nfi')).toEqual(['if true; then cat 0<<EOF[\\{in if\n}]; fi;']);
  });

  it('line numbers', () => {
    const r = parse('a\n\nif b\nthen\n  c "x\ny"\n  d\nfi\nf() {\n :\n}');
    expect(r.kind).toBe('ok');
    const cmds = (r as { commands: List[] }).commands.map((l) => l.items[0]!.command.first.commands[0]!);
    expect(cmds.map((c) => c.line)).toEqual([1, 3, 9]);
    const ifc = cmds[1] as Extract<Command, { type: 'if' }>;
    expect(ifc.clauses[0]!.body.items.map((i) => i.command.first.commands[0]!.line)).toEqual([5, 7]);
    expect(parse('echo a; fi', { line: 10 })).toMatchObject({ kind: 'error', error: { line: 10 } });
  });
});

describe('parse: errors, with busybox 1.35/1.36 messages', () => {
  const cases: [string, string][] = [
    ['fi', 'syntax error: unexpected "fi"'],
    ['then', 'syntax error: unexpected "then"'],
    ['}', 'syntax error: unexpected "}"'],
    [')', 'syntax error: unexpected ")"'],
    [';;', 'syntax error: unexpected ";;"'],
    [';', 'syntax error: unexpected ";"'],
    ['& b', 'syntax error: unexpected "&"'],
    ['if', 'syntax error: unexpected end of file (expecting "then")'],
    ['if true; then', 'syntax error: unexpected end of file (expecting "fi")'],
    ['if true; then fi', 'syntax error: unexpected "fi"'],
    ['while true; do done', 'syntax error: unexpected "done"'],
    ['until', 'syntax error: unexpected end of file (expecting "do")'],
    ['for', 'syntax error: bad for loop variable'],
    ['for "x" in a; do :; done', 'syntax error: bad for loop variable'],
    ['for x y', 'syntax error: unexpected word (expecting "do")'],
    ['for x in a b &', 'syntax error: unexpected "&"'],
    ['case', 'syntax error: unexpected end of file (expecting word)'],
    ['case x', 'syntax error: unexpected end of file (expecting "in")'],
    ['case x in', 'syntax error: unexpected end of file (expecting ")")'],
    ['case x in a)', 'syntax error: unexpected end of file (expecting ";;")'],
    ['case x in a b)', 'syntax error: unexpected word (expecting ")")'],
    ['case x in ;& esac', 'syntax error: unexpected "&" (expecting ")")'],
    ['case x in a) b;& c) d;; esac', 'syntax error: unexpected "&"'],
    ['f()', 'syntax error: unexpected end of file'],
    ['1f() { :; }', 'syntax error: bad function name'],
    ['set() { :; }', 'syntax error: bad function name'],
    ['a=(1 2)', 'syntax error: unexpected "("'],
    ['function f echo', 'syntax error: unexpected word'],
    ['echo $(fi)', 'syntax error: unexpected "fi" (expecting ")")'],
    ['echo `echo "`', 'syntax error: unterminated quoted string'],
    ['echo >', 'syntax error: unexpected end of file'],
    ['echo >\n', 'syntax error: unexpected newline'],
    ['echo > > f', 'syntax error: unexpected redirection'],
    ['cat <<< x', 'syntax error: unexpected redirection'],
    ['echo a &>> f', 'syntax error: unexpected redirection'],
    ['! ! a', 'syntax error: unexpected "!"'],
    ['a | ! b', 'syntax error: unexpected "!"'],
    ["echo 'abc", 'syntax error: unterminated quoted string'],
    ['echo "${x', 'syntax error: unterminated quoted string'],
    ['echo ${x:-a', "syntax error: missing '}'"],
    ['echo $((1 +', "syntax error: missing '))'"],
    ['echo "$((1+2)"', "syntax error: missing '))'"],
    ['echo `', 'syntax error: EOF in backquote substitution'],
    ['echo $(', 'syntax error: unexpected end of file (expecting ")")'],
    ['echo a; fi', 'syntax error: unexpected "fi"'],
  ];
  for (const [source, message] of cases) {
    it(JSON.stringify(source), () => expect(errorOf(source)).toBe(message));
  }

  it('returns the commands before the failing line', () => {
    const r = parse('echo a\necho b; fi\necho c');
    expect(r.kind).toBe('error');
    expect(r.commands.map(showList)).toEqual(['echo a;']);
    expect(r.kind === 'error' && r.error).toEqual({ message: 'syntax error: unexpected "fi"', line: 2 });
  });
});

describe('parse: interactive input', () => {
  const incomplete = ['if true\n', 'echo "a\n', "echo 'a\n", 'echo a |\n', 'a &&\n', 'echo a \\\n', 'cat <<EOF\nx\n', 'echo $(\n',
    'f() {\n', 'case x in\n', 'echo ${x\n', 'echo `a\n', 'for i in 1 2\n', 'echo $((1+\n', '\\\n', 'echo a\n\\\n'];
  for (const s of incomplete) {
    it(`${JSON.stringify(s)} needs another line`, () => expect(parse(s, { interactive: true }).kind).toBe('incomplete'));
  }
  it('a complete line is not incomplete', () => {
    expect(parse('echo a\n', { interactive: true }).kind).toBe('ok');
    expect(parse('cat <<EOF\nx\nEOF\n', { interactive: true }).kind).toBe('ok');
    expect(parse('if true\nthen :\nfi\n', { interactive: true }).kind).toBe('ok');
  });
  it('an error before the end is an error', () => {
    expect(parse('fi\n', { interactive: true }).kind).toBe('error');
    expect(parse('echo `echo "`\n', { interactive: true }).kind).toBe('error');
    expect(parse('if true; then fi\n', { interactive: true }).kind).toBe('error');
  });
});

describe('parse: aliases', () => {
  const aliases = new Map([['ll', 'ls -l'], ['e', 'echo '], ['x', 'X'], ['loop', 'loop 1'], ['empty', ''], ['iff', 'if']]);
  const lookup = (n: string) => aliases.get(n);
  const t = (s: string) => {
    const r = parse(s, { aliases: lookup });
    return r.kind === 'ok' ? r.commands.map(showList) : r;
  };
  it('expands at command positions only', () => {
    expect(t('ll /; echo ll; A=1 ll')).toEqual(['ls -l /; echo ll; A=1 ls -l;']);
    expect(t('a | ll && ll')).toEqual(['a | ls -l && ls -l;']);
  });
  it('an alias ending in a blank makes the next word an alias too', () => {
    expect(t('e x ll')).toEqual(['echo X ll;']);
  });
  it('is not expanded inside itself, may be empty, may be a reserved word', () => {
    expect(t('loop')).toEqual(['loop 1;']);
    expect(t('empty echo')).toEqual(['echo;']);
    expect(t('iff true; then :; fi')).toEqual(['if true; then :; fi;']);
  });
  it('quoted words are not aliases', () => {
    expect(t('\\ll "ll"')).toEqual(['\\{l}l "\\{ll}";']);
  });
  it('the incremental parser asks again for each command', () => {
    const defined = new Map<string, string>();
    const p = new Parser('alias hi="echo hi"\nhi\n', { aliases: (n) => defined.get(n) });
    const first = p.next();
    expect(first.kind === 'command' && showList(first.command)).toBe("alias hi=\"\\{echo hi}\";");
    defined.set('hi', 'echo hi');
    const second = p.next();
    expect(second.kind === 'command' && showList(second.command)).toBe('echo hi;');
    expect(p.next().kind).toBe('eof');
  });
});

// --- differential: busybox's own parser ---------------------------------------

function runBusybox(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const r = spawnSync(BUSYBOX, args, {
    input: options.input,
    env: { PATH: '/usr/bin:/bin', HOME: '/root', ...options.env },
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: 5000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Snippets `busybox sh -n -c` accepts or rejects; we must agree, message for message. */
const SYNTAX_CORPUS: string[] = [
  // valid
  'echo hi', `echo 'a b' "c d" e\\ f`, 'echo "$x" "${x}" "${x:-a b}" "${x#*}"', 'echo $(echo $(echo a))',
  'echo `echo \\`echo a\\``', 'echo $((1+2)) $(( (1+2) * 3 ))', 'a=1 b=2 cmd', 'cmd > out 2>&1 < in >> app <> rw >| clob',
  'cmd 2>&- 3<&0', 'echo a &> f', 'cat <<EOF\nx\nEOF', 'cat <<-EOF\n\tx\n\tEOF', "cat <<'EOF'\n$x\nEOF",
  'cat <<A <<B\na\nA\nb\nB', 'if a; then b; elif c; then d; else e; fi', 'while a; do b; done', 'until a; do b; done',
  'for i in a b c; do echo $i; done', 'for i; do echo; done', 'for i do echo; done', 'for i\nin a\ndo echo; done',
  'case x in a) ;; b|c) echo;; (d) echo;; *) esac', 'case x in esac', 'case x in x) echo; esac', 'f() { echo; }',
  'f() ( echo )', 'function f { echo; }', 'function f() { echo; }', 'f() echo hi', '{ echo; } > f', '( cd /; ls ) | wc',
  '! true', 'a && b || c', 'a | b | c &', 'a; b; c', 'echo a # comment', '# only a comment', 'echo a#b', '((1+2))',
  '[[ a && b ]]', 'echo ${#x} ${x:1:2} ${x/a/b} ${x//a/b}', "echo $'a\\nb'", 'echo ${x:-$(echo })}', 'echo "$(echo "a")"',
  'x=$(cat <<EOF\nhi\nEOF\n)', 'echo <(true) >(true)', 'echo 2>/dev/null', 'echo a\\\nb', 'if true\nthen\necho\nfi',
  'while :; do break; done', 'echo } { a }', 'alias ll="ls -l"', 'echo ~ ~/x ~root', 'case "$x" in *.txt|*.md) echo doc;; esac',
  'echo $((`echo 1` + 2))', 'echo ${x:=default}', 'echo "${x:+"quoted"}"', 'echo "a\\"b"', "echo 'it'\\''s'",
  'cd; ls -la | grep x > /tmp/out 2>&1 &', 'exec 3>&1 4>&2', 'read -r line < file', 'set -- a b c; shift',
  "trap 'echo bye' EXIT", '[ -f x ] && echo y', 'test -n "$x" || exit 1', 'echo "$@" "$*" $# $? $$ $! $- $0 $1 ${10}',
  'i=0; while [ $i -lt 3 ]; do i=$((i+1)); done', "echo 'multi\nline'", 'echo "multi\nline"', 'cat <<EOF | grep x\nfoo x\nEOF',
  'apk add --no-cache curl && rm -rf /var/cache/apk/*', 'set -e; mkdir -p /app && cd /app', 'echo $(( 0x10 + 010 ))',
  '{ a; b; } || c', 'if ! grep -q x f; then echo no; fi', 'case $1 in -h|--help) usage;; -*) die;; *) break;; esac',
  'for f in *.c; do cc -c "$f" || exit; done', 'while read -r a b; do echo "$a"; done < file', 'echo ${HOME:?not set}',
  'x=${y:-${z:-default}}', 'echo "${x##*/}" "${x%.*}"', "printf '%s\\n' \"$@\"", 'f() { local x=1; return 0; }',
  'echo ${x/a}', 'echo $( )', 'cat <<EOF', 'echo a \\', 'echo $(( (1) ))', 'echo $(( (1 )) ))', '2>&1', '> f', 'x=1',
  '< f cat', 'echo ${#x-a}', 'exec 3<&-', 'echo ${x y}', 'case in in )) echo;; esac', 'echo `fi` `)`', 'echo `echo a ) b`',
  'x=$(cat <<EOF)\necho body\nEOF', 'a <<A | b <<B\n1\nA\n2\nB', 'echo "${x-"}"}"', 'echo ${v/"a/b"/c}', 'echo ${x:}z}',
  '[[ -n $x || -z $y ]]', 'echo ${x-a\nb}', 'echo $(case x in x) echo;; esac)', 'echo $(echo ")")', 'echo "`echo \\"a\\"`"',
  'function if { :; }', 'echo \\#', 'echo #', '\n\n\necho\n\n', 'a\\\n&& b', 'if true; then :; fi >/dev/null 2>&1 </dev/null',
  'echo ${x#"$y"} ${x%\'*\'}', 'echo $((x+=1, y=2))', 'echo $? $((${#x}+1))', "echo $'\\''", 'eval "echo \\$x"',
  // errors
  'fi', 'then', 'else', 'elif', 'do', 'done', 'esac', 'in', '}', ')', ';;', ';', '&', '|', 'if', 'if true', 'if true; then',
  'if true; then echo', 'if true; then fi', 'if ; then', 'if true; then echo; else fi', 'while true', 'while true; do',
  'while true; do done', 'until', 'for', 'for 1 in a', 'for "x" in a', 'for x in a b', 'for x in a b &', 'for x y', 'case',
  'case x', 'case x in', 'case x in a', 'case x in a)', 'case x in a) echo;;', 'case x in a b)', 'case x in a) ;; b',
  'case x in a);; esac x', 'case x in (a)|b) echo;; esac', 'case x in a) b;& c) d;; esac', '(', '( )', '()', '{', '{ }',
  '{ echo }', 'echo (', 'echo a )', 'echo ;;', 'a |', 'a &&', 'a ||', 'a | | b', 'a && && b', '! ! a', 'a | ! b',
  'echo >', 'echo >\n', 'echo > ;', 'echo > > f', 'cat <<', 'cat <<< x', 'echo "abc', "echo 'abc", 'echo `abc',
  'echo $(abc', 'echo $((1 +', 'echo ${x', 'echo ${x:-a', 'echo "${x', 'echo ${x-"a', 'f()', 'f() ;', '1f() { :; }',
  'set() { :; }', 'export() { :; }', '"f"() { :; }', 'f g()', 'a=()', 'function', 'function f', 'function f echo',
  'function f (', 'echo $(fi)', 'echo `echo "`', 'if true; then echo; fi fi', '{ echo; } }', 'echo a; fi',
  'while true; do echo; done done', 'for x in a; echo; done', 'if (true) then fi', 'echo $((1)) )', 'x=1 (',
  'echo "$((1+2)"', 'echo a &>> f', 'echo $(', 'echo `', 'echo ${', "$'abc", 'a; ;', 'a & &', 'echo ()', 'echo a (b)',
  'case x in esac esac', '{ ( }', '( { )', 'echo $(()', 'f() { :; } >', 'echo ${x y', 'echo $(echo a ) b)',
  'cat <<EOF; fi\nbody\nEOF', 'if true; then echo $(fi); fi', 'echo "$(echo \')")"', 'x=`echo \'`',
  'case x in x) echo; ;; esac', 'echo ${x-`}`', 'for x in a\nb; do :; done', 'echo | ; x', '|| a',
];

describe.skipIf(!haveBusybox)('differential: syntax accepted and rejected as by busybox sh -n', () => {
  it(`has a corpus of ${SYNTAX_CORPUS.length} snippets`, () => expect(SYNTAX_CORPUS.length).toBeGreaterThanOrEqual(150));
  for (const source of SYNTAX_CORPUS) {
    it(JSON.stringify(source), () => {
      const real = runBusybox(['sh', '-n', '-c', source]);
      const r = parse(source);
      const ours = r.kind === 'error' ? `sh: ${r.error.message}\n` : '';
      expect(ours).toBe(real.stderr);
      expect(r.kind === 'error' ? 2 : 0).toBe(real.status);
    });
  }
});

/** Scripts in files: ash then reports `FILE: line N: …`. */
const LINE_CORPUS: string[] = [
  'echo a\n\nfi\n', 'if true\nthen\n', "echo 'abc\ndef\n", 'case x in\na\nb) ;; esac\n', 'for x in a b\necho\n',
  'echo $(\nfi\n)\n', 'cat <<EOF\nbody\nEOF\nfi\n', 'f() {\n echo\n}\n}\n', 'echo "a\nb" )\n', 'x=1\n\n\n\n(\n',
  'while :\ndo\n  echo\n\n', 'echo ${x\n\n', 'echo a \\\n b \\\n )\n', 'case x in\n  a) echo;;\n  b c) ;;\nesac\n',
  '# comment\n# comment\nthen\n', 'echo `\n\n`; fi\n', 'echo "$((1 +\n2\n', 'cat <<EOF\n$(fi)\nEOF\n',
];

describe.skipIf(!haveBusybox)('differential: line numbers of errors in script files', () => {
  const dir = fs.mkdtempSync(join(tmpdir(), 'ash-lines-'));
  LINE_CORPUS.forEach((source, i) => {
    it(JSON.stringify(source), () => {
      const file = join(dir, `s${i}.sh`);
      fs.writeFileSync(file, source);
      const real = runBusybox(['sh', '-n', file]);
      const r = parse(source);
      const ours = r.kind === 'error' ? `${file}: line ${r.error.line}: ${r.error.message}\n` : '';
      expect(ours).toBe(real.stderr);
    });
  });
});

// --- differential: what the words are -----------------------------------------

const ENV: Record<string, string> = { x: 'val', e: '', p: 'a/b/c.txt', n: '5', HOME: '/root' };

/** Expand a word the simple way (no field splitting; only what the corpus uses). */
function expand(w: Word | WordPart[], quoted = false): string {
  const parts = Array.isArray(w) ? w : w.parts;
  return parts.map((p) => expandPart(p, quoted)).join('');
}

function patternOf(w: Word | undefined): PatternSegment[] {
  const out: PatternSegment[] = [];
  const walk = (parts: WordPart[], quoted: boolean) => {
    for (const p of parts) {
      if (p.type === 'literal') out.push({ text: p.text, quoted: quoted || p.quoted });
      else if (p.type === 'double') walk(p.parts, true);
      else out.push({ text: expandPart(p, quoted), quoted: quoted || p.type === 'single' });
    }
  };
  walk(w?.parts ?? [], false);
  return out;
}

function expandPart(p: WordPart, quoted: boolean): string {
  switch (p.type) {
    case 'literal':
    case 'single':
      return p.text;
    case 'double':
      return expand(p.parts, true);
    case 'tilde':
      return p.user === '' ? ENV.HOME! : p.user === 'root' ? '/root' : `~${p.user}`;
    case 'arith':
      return String(evaluateArithmetic(expand(p.expression, true), { get: (n) => ENV[n], set: () => {} }));
    case 'param': {
      const v = ENV[p.name];
      const word = () => expand(p.word ?? { parts: [] }, quoted);
      switch (p.op) {
        case 'get': return v ?? '';
        case 'length': return String([...(v ?? '')].length);
        case '-': return v === undefined ? word() : v;
        case ':-': return v ? v : word();
        case '+': return v === undefined ? '' : word();
        case ':+': return v ? word() : '';
        case '#': case '##': return removePrefix(patternOf(p.word), v ?? '', p.op === '##');
        case '%': case '%%': return removeSuffix(patternOf(p.word), v ?? '', p.op === '%%');
        case '/': case '//':
          return replacePattern(patternOf(p.word), v ?? '', p.replacement ? expand(p.replacement) : '', p.op === '//');
        default: throw new Error(`not in this test: ${p.op}`);
      }
    }
    default:
      throw new Error(`not in this test: ${p.type}`);
  }
}

/** Run the two commands the corpus uses, printf '<%s>\n' and cat <<here-doc. */
function ourOutput(source: string): string {
  const r = parse(source);
  if (r.kind !== 'ok') return `${r.kind}`;
  let out = '';
  for (const list of r.commands) {
    for (const item of list.items) {
      const cmd = item.command.first.commands[0]!;
      if (cmd.type !== 'simple') throw new Error('not in this test');
      const args = cmd.words.map((w) => expand(w));
      if (args[0] === 'printf') for (const a of args.slice(2)) out += `<${a}>\n`;
      else if (args[0] === 'cat') {
        for (const r of cmd.redirects) if (r.type === 'heredoc') out += expand(r.body, true);
      } else throw new Error(`not in this test: ${args[0]}`);
    }
  }
  return out;
}

const P = "printf '<%s>\\n' ";
const WORD_CORPUS: string[] = [
  `${P}a 'b c' "d e" f\\ g h\\\\i 'j\\k' "l\\m" "n\\"o" "p\\$q" "r\\\\s" '' "" x''y`,
  `${P}$'a\\tb' $'\\x41\\101' $'\\e' $'\\'' $'\\"' $'\\q' $'\\x4g' $'\\0101' "$'x'" $'a'b'c'`,
  `${P}"$x" "\${x}" "\${x-def}" "\${u-def}" "\${u:-d e}" "\${x:+alt}" "\${u+alt}" "\${e:-empty}" "\${e-unset}"`,
  `${P}a\\\nb "c\\\nd" 'e\\\nf'`, `${P}a #b c`, `${P}a#b "a # b" \\#c`,
  `${P}"\${x-'a'}" "\${u-'a'}" \${u-'a'} "\${u-"a"}" "\${u-\\}}" "\${u-a}b}" \${u-\\}}`,
  `${P}"\${u-"a b"}" "\${u-a\\"b}" "\${u-\\$x}" "\${u-$x}" \${u-"$x"}`,
  `${P}\${#x} \${#p} "\${p##*/}" "\${p#*/}" "\${p%/*}" "\${p%%/*}" \${p%.txt}.md`,
  `${P}"\${p#"a/"}" "\${p#'a'}" "\${p#\\a}" "\${x/a/A}" "\${p//\\//_}" "\${p//"/"/_}" "\${x/v/}"`,
  `${P}$((1+2)) "$((n*2))" $(( n > 3 ? n : 0 )) $((\${#x} + 1))x`,
  `${P}~ ~/a "~" x~ ~root`,
  `${P}\${x-~} "\${x#~}"`,
  'cat <<EOF\n$x \\$x \\\\ \\" \\\' "$x" \'$x\' ${x-a} $((n+1))\nEOF',
  "cat <<'EOF'\n$x \\$x \\\\ \\\nEOF", 'cat <<"EOF"\n$x\nEOF', 'cat <<\\EOF\n$x\nEOF',
  'cat <<-EOF\n\t\t$x\n\t  y\n\tEOF', 'cat <<EOF\na\\\nb\nEOF', 'cat <<EOF\n\nEOF', 'cat <<EOF\nEOFX\n EOF\nEOF',
  "cat <<'E F'\nx\nE F", 'cat <<E\nno newline at the end\nE', 'cat <<EOF\n}{"\'\nEOF',
  `${P}$x$e"$x"'$x'\\$x`, `${P}\${x:-\${u:-deep}} "\${u:-\${x}}"`, `${P}"a\tb" 'c\td'`,
];

describe.skipIf(!haveBusybox)('differential: words and here-documents as busybox expands them', () => {
  for (const source of WORD_CORPUS) {
    it(JSON.stringify(source), () => {
      const real = runBusybox(['sh', '-c', source], { env: ENV });
      expect(real.stderr).toBe('');
      expect(ourOutput(source)).toBe(real.stdout);
    });
  }
});
