/**
 * The typed layer against BuildKit's instructions/*_test.go, then the rules
 * each instruction follows, with BuildKit's messages.
 */
import { describe, expect, it } from 'vitest';
import type { Command, CopyCommand, EnvCommand, HealthcheckCommand, RunCommand } from './parse-commands.ts';
import { expandCommand } from './parse-expand.ts';
import { Flags } from './parse-flags.ts';
import { parseInstruction, parseInstructions } from './parse-instructions.ts';
import { parseMount } from './parse-mount.ts';
import { DockerfileError, parseDockerfile } from './parser.ts';

const stages = (text: string) => parseInstructions(parseDockerfile(text));
const first = (line: string) => parseInstruction(parseDockerfile(line).instructions[0]!);
const command = <T = Command,>(line: string): T => stages(`FROM scratch\n${line}`).stages[0]!.commands[0] as T;

/** The message parseInstruction throws for a one-line Dockerfile. */
function instructionError(line: string): string {
  try {
    first(line);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`no error for ${line}`);
}

/** The message parseInstructions throws (with "dockerfile parse error on line N: "). */
function error(text: string): DockerfileError {
  try {
    stages(text);
  } catch (err) {
    expect(err).toBeInstanceOf(DockerfileError);
    return err as DockerfileError;
  }
  throw new Error('no error');
}

describe('parse_test.go', () => {
  it('TestCommandsExactlyOneArgument', () => {
    for (const cmd of ['MAINTAINER', 'WORKDIR', 'USER', 'STOPSIGNAL']) expect(instructionError(cmd)).toBe(`${cmd} requires exactly one argument`);
  });
  it('TestCommandsAtLeastOneArgument', () => {
    for (const cmd of ['ENV', 'LABEL', 'ONBUILD', 'HEALTHCHECK', 'EXPOSE', 'VOLUME']) expect(instructionError(cmd)).toBe(`${cmd} requires at least one argument`);
  });
  it('TestCommandsNoDestinationArgument', () => {
    for (const cmd of ['ADD', 'COPY']) {
      expect(instructionError(`${cmd} arg1`)).toBe(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`);
    }
  });
  it('TestCommandsBlankNames', () => {
    for (const cmd of ['ENV', 'LABEL']) expect(instructionError(`${cmd} =arg2`)).toBe(`${cmd} names can not be blank`);
  });
  it('TestHealthCheckCmd', () => {
    expect((first('HEALTHCHECK CMD hello world') as HealthcheckCommand).health.test).toEqual(['CMD-SHELL', 'hello world']);
  });
  it('TestParseOptInterval', () => {
    expect(instructionError('HEALTHCHECK --interval=50ns CMD a')).toBe('Interval "interval" cannot be less than 1ms');
    expect((first('HEALTHCHECK --interval=0ms CMD a') as HealthcheckCommand).health.interval).toBe(0);
    expect((first('HEALTHCHECK --interval=1ms CMD a') as HealthcheckCommand).health.interval).toBe(1_000_000);
  });
  it('TestCommentsDetection', () => {
    const r = stages(`# foo sets foo
ARG foo=bar

# base defines first stage
FROM busybox AS base
# this is irrelevant
ARG foo
# bar defines bar
# baz is something else
ARG bar baz=123
`);
    expect(r.stages[0]!.docComment).toBe('defines first stage');
    expect(r.metaArgs[0]!.args[0]).toEqual({ key: 'foo', value: 'bar', docComment: 'sets foo' });
    expect(r.stages[0]!.commands.map((c) => (c.name === 'arg' ? c.args : []))).toEqual([
      [{ key: 'foo', value: undefined, docComment: '' }],
      [{ key: 'bar', value: undefined, docComment: 'defines bar' }, { key: 'baz', value: '123', docComment: 'is something else' }],
    ]);
  });
  it('TestErrorCases', () => {
    expect(instructionError('COPY\t\n\t\tquux \\\n      bar')).toContain('COPY requires at least two arguments');
    expect(instructionError('ONBUILD FROM scratch')).toBe("FROM isn't allowed as an ONBUILD trigger");
    expect(instructionError('MAINTAINER --boo joe@example.com')).toBe('unknown flag: --boo');
    expect(instructionError('ONBUILD ONBUILD RUN touch foobar')).toBe("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    // BuildKit's test checks these with ErrorContains: the full message adds a suggestion.
    expect(instructionError('FOO bar')).toBe('unknown instruction: FOO (did you mean FROM?)');
    expect(instructionError('foo bar')).toBe('unknown instruction: foo (did you mean from?)');
  });
  it('TestRunCmdFlagsUsed', () => {
    expect((first('RUN --mount=type=tmpfs,target=/foo/ echo hello') as RunCommand).flagsUsed).toEqual(['mount']);
  });
});

describe('parse_heredoc_test.go', () => {
  it('TestErrorCasesHeredoc', () => {
    expect(instructionError('COPY /foo <<EOF\nEOF')).toBe('COPY cannot accept a heredoc as a destination');
  });
  it('TestCopyHeredoc', () => {
    const copy = (text: string) => {
      const c = first(text) as CopyCommand;
      return { dest: c.dest, sources: c.sources, heredocs: c.heredocs };
    };
    expect(copy('COPY /foo /bar')).toEqual({ dest: '/bar', sources: ['/foo'], heredocs: [] });
    expect(copy('COPY <<EOF /bar\nEOF')).toEqual({ dest: '/bar', sources: [], heredocs: [{ path: 'EOF', data: '', expand: true }] });
    expect(copy('COPY <<EOF /bar\nTESTING\nEOF').heredocs).toEqual([{ path: 'EOF', data: 'TESTING\n', expand: true }]);
    expect(copy('COPY <<-EOF /bar\n\tTESTING\nEOF').heredocs).toEqual([{ path: 'EOF', data: 'TESTING\n', expand: true }]);
    expect(copy("COPY <<'EOF' /bar\nTESTING\nEOF").heredocs).toEqual([{ path: 'EOF', data: 'TESTING\n', expand: false }]);
    expect(copy('COPY <<EOF1 <<EOF2 /bar\nthis is the first file\nEOF1\nthis is the second file\nEOF2').heredocs).toEqual([
      { path: 'EOF1', data: 'this is the first file\n', expand: true },
      { path: 'EOF2', data: 'this is the second file\n', expand: true },
    ]);
    expect(copy('COPY <<EOF foo.txt /bar\nthis is inline\nEOF')).toEqual({ dest: '/bar', sources: ['foo.txt'], heredocs: [{ path: 'EOF', data: 'this is inline\n', expand: true }] });
    expect(copy('COPY <<EOF /quotes\n"quotes"\nEOF').heredocs).toEqual([{ path: 'EOF', data: '"quotes"\n', expand: true }]);
  });
  it('TestRunHeredoc', () => {
    const run = (text: string) => {
      const r = first(text) as RunCommand;
      return [r.prependShell, r.cmdLine, r.files];
    };
    expect(run('RUN ["ls", "/"]')).toEqual([false, ['ls', '/'], []]);
    expect(run('RUN ["<<EOF"]')).toEqual([false, ['<<EOF'], []]);
    expect(run('RUN ls /')).toEqual([true, ['ls /'], []]);
    expect(run('RUN <<EOF\nls /\nwhoami\nEOF')).toEqual([true, ['<<EOF'], [{ name: 'EOF', data: 'ls /\nwhoami\n', chomp: false }]]);
    expect(run('RUN <<\'EOF\' | python\nprint("hello")\nprint("world")\nEOF')).toEqual([true, ["<<'EOF' | python"], [{ name: 'EOF', data: 'print("hello")\nprint("world")\n', chomp: false }]]);
    expect(run('RUN <<-EOF\n\techo test\nEOF')).toEqual([true, ['<<-EOF'], [{ name: 'EOF', data: '\techo test\n', chomp: true }]]);
  });
});

describe('bflag_test.go', () => {
  it('TestBuilderFlags', () => {
    const f = (args: string[]) => {
      const flags = new Flags(args);
      const str1 = flags.string('str1', 'HI');
      const bool1 = flags.bool('bool1');
      const list = flags.strings('list');
      flags.parse();
      return { str1: str1.value, bool1: bool1.value, list: list.values, used: flags.used() };
    };
    expect(f([])).toEqual({ str1: 'HI', bool1: 'false', list: [], used: [] });
    expect(f(['--'])).toMatchObject({ used: [] });
    expect(f(['--str1='])).toMatchObject({ str1: '' });
    expect(f(['--bool1', '--str1=BYE'])).toMatchObject({ str1: 'BYE', bool1: 'true', used: ['bool1', 'str1'] });
    expect(f(['--bool1=false'])).toMatchObject({ bool1: 'false' });
    expect(f(['--list=a', '--list=b'])).toMatchObject({ list: ['a', 'b'] });
    expect(() => f(['--str1'])).toThrow('missing a value on flag: --str1');
    expect(() => f(['--bool1='])).toThrow('missing a value on flag: --bool1');
    expect(() => f(['--bool1=false1'])).toThrow('expecting boolean value for flag --bool1, not: false1');
    expect(() => f(['--bool2'])).toThrow('unknown flag: --bool2 (did you mean bool1?)');
    expect(() => f(['--str1=a', '--str1=b'])).toThrow('duplicate flag specified: --str1');
    expect(() => f(['-x'])).toThrow('arg should start with -- : -x');
  });
});

describe('stages', () => {
  it('groups commands under each FROM, with name and platform', () => {
    const r = stages('ARG GO=1.22\nFROM --platform=$BUILDPLATFORM golang:$GO AS Build\nRUN go build\nFROM alpine\nCOPY --from=build /out /usr/bin/\n');
    expect(r.metaArgs.map((a) => a.args)).toEqual([[{ key: 'GO', value: '1.22', docComment: '' }]]);
    expect(r.stages.map((s) => [s.name, s.baseName, s.platform, s.commands.map((c) => c.name)])).toEqual([
      ['build', 'golang:$GO', '$BUILDPLATFORM', ['run']],
      ['', 'alpine', '', ['copy']],
    ]);
    expect(r.warnings.map((w) => [w.rule, w.message])).toEqual([['StageNameCasing', "Stage name 'Build' should be lowercase"]]);
  });
  it('refuses an instruction before the first FROM', () => {
    expect(error('RUN echo hi\nFROM alpine')).toMatchObject({ message: 'no build stage in current context', startLine: 1 });
    expect(error('ARG A\nENV B=1\nFROM alpine').message).toBe('no build stage in current context');
  });
  it('checks FROM', () => {
    expect(error('FROM a b').message).toBe('dockerfile parse error on line 1: FROM requires either one or three arguments');
    expect(error('FROM a AS 1x').message).toBe('dockerfile parse error on line 1: invalid name for build stage: "1x", name can\'t start with a number or contain symbols');
    expect(stages('from a AS b').warnings.map((w) => w.message)).toEqual(["'AS' and 'from' keywords' casing do not match"]);
  });
});

describe('messages with line numbers', () => {
  it('names the line of an unknown instruction, suggesting a close one', () => {
    expect(error('FROM a\nFOO bar').message).toBe('dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)');
    expect(error('FROM a\nBADCMD x').message).toBe('dockerfile parse error on line 2: unknown instruction: BADCMD');
    expect(error('FROM a\nRUNN ls').message).toBe('dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)');
    expect(error('FROM a\n\nentrypoint x\nfntrypoint y').message).toBe('dockerfile parse error on line 4: unknown instruction: fntrypoint (did you mean entrypoint?)');
  });
  it('names the line of a bad flag', () => {
    expect(error('FROM a\n\nCOPY --bogus a b').message).toBe('dockerfile parse error on line 3: unknown flag: --bogus');
    expect(error('FROM a\nRUN --mont=type=cache,target=/c ls').message).toBe('dockerfile parse error on line 2: unknown flag: --mont (did you mean mount?)');
    expect(error('FROM a\nCOPY --link=maybe a b').message).toBe('dockerfile parse error on line 2: expecting boolean value for flag --link, not: maybe');
  });
  it('reports ENV errors', () => {
    expect(error('ENV =x\nFROM a').message).toBe('dockerfile parse error on line 1: ENV names can not be blank');
  });
  it('treats MAINTAINER as a deprecation warning, not an error', () => {
    const r = stages('FROM a\nMAINTAINER me@example.com');
    expect(r.stages[0]!.commands[0]).toMatchObject({ name: 'maintainer', maintainer: 'me@example.com' });
    expect(r.warnings).toEqual([{
      rule: 'MaintainerDeprecated', message: 'Maintainer instruction is deprecated in favor of using label',
      description: 'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
      url: 'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/', startLine: 2, endLine: 2,
    }]);
  });
});

describe('commands', () => {
  it('RUN: shell or exec form, mounts, network, security', () => {
    const run = command<RunCommand>('RUN --mount=type=cache,target=/root/.cache,sharing=locked --network=none ["pip", "install", "."]');
    expect(run).toMatchObject({ cmdLine: ['pip', 'install', '.'], prependShell: false, network: 'none', security: 'sandbox' });
    expect(run.mounts).toEqual([{
      type: 'cache', from: '', source: '', target: '/root/.cache', readOnly: false, sizeLimit: 0, cacheId: '',
      cacheSharing: 'locked', required: false, env: undefined, mode: undefined, uid: undefined, gid: undefined,
    }]);
    expect(error('FROM a\nRUN --network=bridge ls').message).toBe('dockerfile parse error on line 2: invalid network mode "bridge"');
    expect(error('FROM a\nRUN --security=x ls').message).toBe('dockerfile parse error on line 2: security "x" is not valid');
    expect(error('FROM a\nRUN --mount=from=$X,target=/c ls').message).toBe("dockerfile parse error on line 2: 'from' doesn't support variable expansion, define alias stage instead");
  });
  it('COPY and ADD: sources, destination and their flags', () => {
    const copy = command<CopyCommand>('COPY --from=build --chown=app:app --chmod=0755 --link --exclude=*.md src/ README /app/');
    expect(copy).toMatchObject({ sources: ['src/', 'README'], dest: '/app/', from: 'build', chown: 'app:app', chmod: '0755', link: true, exclude: ['*.md'], parents: false });
    expect(command('ADD --keep-git-dir https://github.com/x/y.git /src')).toMatchObject({ name: 'add', keepGitDir: true, unpack: undefined });
    expect(error('FROM a\nADD --from=x a b').message).toBe('dockerfile parse error on line 2: unknown flag: --from');
  });
  it('ENV and LABEL: pairs, noDelim for the old form', () => {
    expect(command<EnvCommand>('ENV PATH=/bin:$PATH LANG="C.UTF-8"').env).toEqual([
      { key: 'PATH', value: '/bin:$PATH', noDelim: false },
      { key: 'LANG', value: '"C.UTF-8"', noDelim: false },
    ]);
    expect(command<EnvCommand>('ENV MY_NAME John Doe').env).toEqual([{ key: 'MY_NAME', value: 'John Doe', noDelim: true }]);
  });
  it('CMD, ENTRYPOINT, SHELL', () => {
    expect(command('CMD ["nginx", "-g", "daemon off;"]')).toMatchObject({ cmdLine: ['nginx', '-g', 'daemon off;'], prependShell: false });
    expect(command('ENTRYPOINT []')).toMatchObject({ cmdLine: null });
    expect(command('SHELL ["powershell", "-command"]')).toMatchObject({ shell: ['powershell', '-command'] });
    expect(error('FROM a\nSHELL bash -c').message).toBe('dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form');
  });
  it('HEALTHCHECK: durations in nanoseconds', () => {
    expect(command<HealthcheckCommand>('HEALTHCHECK --interval=30s --timeout=1m30s --start-period=5s --start-interval=1s --retries=3 CMD curl -f http://localhost/').health).toEqual({
      test: ['CMD-SHELL', 'curl -f http://localhost/'], interval: 30e9, timeout: 90e9, startPeriod: 5e9, startInterval: 1e9, retries: 3,
    });
    expect(command<HealthcheckCommand>('HEALTHCHECK NONE').health.test).toEqual(['NONE']);
    expect(error('FROM a\nHEALTHCHECK CONNECT x').message).toBe('dockerfile parse error on line 2: Unknown type "CONNECT" in HEALTHCHECK (try CMD)');
    expect(error('FROM a\nHEALTHCHECK --interval=5 CMD x').message).toBe('dockerfile parse error on line 2: time: missing unit in duration "5"');
  });
  it('EXPOSE (sorted), USER, WORKDIR, VOLUME, STOPSIGNAL, ONBUILD', () => {
    expect(command('EXPOSE 8080 443/tcp 80')).toMatchObject({ ports: ['443/tcp', '80', '8080'] });
    expect(command('USER app:app')).toMatchObject({ user: 'app:app' });
    expect(command('WORKDIR /srv/$APP')).toMatchObject({ path: '/srv/$APP' });
    expect(command('VOLUME ["/data", "/logs"]')).toMatchObject({ volumes: ['/data', '/logs'] });
    expect(command('STOPSIGNAL SIGQUIT')).toMatchObject({ signal: 'SIGQUIT' });
    expect(command('ONBUILD RUN <<EOF\necho hi\nEOF')).toMatchObject({ expression: 'RUN <<EOF\necho hi\nEOF' });
  });
});

describe('mounts (commands_runmount.go)', () => {
  it('defaults: bind, read-only unless cache or tmpfs', () => {
    expect(parseMount('target=/x', (w) => w)).toMatchObject({ type: 'bind', readOnly: true });
    expect(parseMount('type=tmpfs,target=/x,size=64m', (w) => w)).toMatchObject({ readOnly: false, sizeLimit: 64 * 1024 * 1024 });
    expect(parseMount('type=secret,id=aws,required', (w) => w)).toMatchObject({ type: 'secret', cacheId: 'aws', required: true, readOnly: true });
  });
  it('rejects what BuildKit rejects', () => {
    const bad = (spec: string) => () => parseMount(spec, (w) => w);
    expect(bad('type=cach')).toThrow('unsupported mount type "cach" (did you mean cache?)');
    expect(bad('type=bind,mode=0700')).toThrow('mode not allowed for "bind" type mounts');
    expect(bad('type=secret')).toThrow('invalid secret mount. one of source, target required');
    expect(bad('type=cache,trget=/x')).toThrow("unexpected key 'trget' in 'trget=/x' (did you mean target?)");
    expect(bad('a"b')).toThrow('failed to parse csv mounts: parse error on line 1, column 2: bare " in non-quoted-field');
  });
});

describe('expandCommand', () => {
  const env = { APP: '/srv/app', USER: 'www', V: 'a b', PORTS: '80 443' };
  it('expands where Docker does', () => {
    expect(expandCommand(command('WORKDIR $APP/${SUB:-data}'), env)).toMatchObject({ path: '/srv/app/data' });
    expect(expandCommand(command('ENV A=$V B="$V" C=\'$V\''), env)).toMatchObject({ env: [{ value: 'a b' }, { value: 'a b' }, { value: '$V' }] });
    expect(expandCommand(command('EXPOSE $PORTS'), env)).toMatchObject({ ports: ['80', '443'] });
    expect(expandCommand(command('COPY --chown=$USER src $APP/'), env)).toMatchObject({ chown: 'www', sources: ['src'], dest: '/srv/app/' });
    expect(expandCommand(command('COPY <<EOF /f\n"$USER"\nEOF'), env)).toMatchObject({ heredocs: [{ data: '"www"\n' }] });
    expect(expandCommand(command("COPY <<'EOF' /f\n$USER\nEOF"), env)).toMatchObject({ heredocs: [{ data: '$USER\n' }] });
    expect(expandCommand(command('RUN --mount=type=cache,target=$APP/.cache echo $APP'), env)).toMatchObject({ cmdLine: ['echo $APP'], mounts: [{ target: '/srv/app/.cache' }] });
  });
  it('leaves RUN, CMD and ENTRYPOINT command lines to the shell', () => {
    expect(expandCommand(command('CMD echo $APP'), env)).toMatchObject({ cmdLine: ['echo $APP'] });
    expect(expandCommand(command('ENTRYPOINT ["echo", "$APP"]'), env)).toMatchObject({ cmdLine: ['echo', '$APP'] });
  });
  it('uses the Dockerfile\'s escape token', () => {
    expect(expandCommand(command('WORKDIR c:\\`$APP'), env, { escapeToken: '`' })).toMatchObject({ path: 'c:\\$APP' });
  });
  it('throws BuildKit\'s message for a bad substitution', () => {
    expect(() => expandCommand(command('USER ${NOPE:?must be set}'), env)).toThrow('failed to process "${NOPE:?must be set}": NOPE: must be set');
  });
});
