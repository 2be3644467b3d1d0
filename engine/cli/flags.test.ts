/**
 * The parser against the real docker 28.2.2 client: for each command line,
 * the same stdout, stderr and exit status up to the point where the real one
 * would contact the daemon (here none answers). Then what the parsed values
 * hold.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, type DockerArgs } from './flags.ts';
import { findCommand } from './spec/index.ts';

const DOCKER = ['/usr/bin/docker', '/usr/local/bin/docker'].find((p) => existsSync(p));
const haveDocker = !!DOCKER && execFileSync(DOCKER, ['--version']).toString().startsWith('Docker version 28.2.2,');

const configDir = mkdtempSync(join(tmpdir(), 'berth-docker-config-'));
const baseEnv = { PATH: '/usr/bin:/bin', HOME: '/nonexistent-home', DOCKER_CONFIG: configDir, DOCKER_HOST: 'unix:///nonexistent.sock' };

/** What the emulated client would print: notices first, then the result. */
function emulate(argv: string[], env: Record<string, string> = baseEnv) {
  const r = parseCommandLine(argv, { env });
  let stdout = '';
  let stderr = '';
  for (const n of r.notices) n.fd === 1 ? (stdout += n.text) : (stderr += n.text);
  let status: number | undefined;
  if (r.kind === 'help') { r.fd === 1 ? (stdout += r.text) : (stderr += r.text); status = 0; }
  if (r.kind === 'error') { stderr += r.stderr; status = r.code; }
  if (r.kind === 'version') { stdout += r.text; status = 0; }
  return { r, stdout, stderr, status };
}

function real(argv: string[], env: Record<string, string> = baseEnv) {
  const r = spawnSync(DOCKER!, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return { stdout: r.stdout.toString(), stderr: r.stderr.toString(), status: r.status };
}

const S = (s: string) => s.split(' ');
const CASES: string[][] = [
  // unknown flags, missing values, bad values
  ['run'], S('run --foo'), S('run -z x'), S('run --name'), S('run -e'), S('run -m x alpine'), S('run -m 32q a'), S('run -m'),
  S('run -it=x'), S('run -h'), S('run --cpus x a'), S('run --cpus 1.00000000001 a'), S('ps -n x'), S('ps -n 99999999999999999999'),
  S('run --blkio-weight 70000 a'), S('run --blkio-weight -1 a'), S('run --health-interval 5 a'), S('run --health-interval x a'),
  S('run --health-interval 5x a'), S('ps -f foo'), S('run -e =x a'), S('run --ulimit x a'), S('run --ulimit nofile=x a'),
  S('run --ulimit foo=1 a'), S('run --ulimit nofile=2:1 a'), S('run --add-host x a'), S('run --add-host h:x a'), S('run --dns x a'),
  S('run -l =x a'), S('run --sysctl x a'), S('run -a x a'), S('run --memory-swap -2 a'), S('run --io-maxiops -1 a'),
  S('run --mount x a'), S('run --mount type=bind a'), S('run --mount type=bind,target=/x,volume-nocopy a'), S('run --mount type=volume,target=/x,foo=1 a'),
  S('run --network a=b a'), S('run --gpus x a'), S('run --link x:y:z a'), S('run --dns-search x..y a'), S('run --device-read-bps x a'),
  S('run --device-read-bps /dev/sda:x a'), S('run --blkio-weight-device x a'), S('run --blkio-weight-device /dev/sda:5 a'),
  S('run --pids-limit 0x a'), S('run --stop-timeout 1.5 a'), S('run --device-cgroup-rule x a'), S('run --rm=maybe a'), S('run ---x a'),
  S('run --=x a'), S('stats --foo'), S('ps -aq -n'), S('ps --last'), S('logs -n'), S('exec -u'), S('cp -a'),
  S('build -t Foo .'), S('build -t a: .'), S('build -t ::x .'), S('build --build-arg =x .'),
  S('volume create --opt'), S('network create --subnet'), S('network create --label =x n'), S('image ls --filter x'),
  // arguments
  S('ps x'), S('rename a'), S('stop'), S('cp a'), S('container ls 1 2'), S('port'), S('port a b c'), S('wait'), S('images foo bar'),
  S('volume rm'), S('network create'), S('image ls a b'), S('login a b'), S('logout a b'), S('search'), S('tag a'), S('commit'),
  S('exec a'), S('logs'), S('inspect'), S('top'), S('history'), S('save'), S('load x'), S('import'), S('pull'), S('push'), S('rmi'),
  S('attach'), S('diff'), S('export'), S('kill'), S('pause'), S('unpause'), S('restart'), S('start'), S('update'), S('events x'),
  S('info x'), S('system df x'), S('system prune x'), S('system info x'), S('system events x'), S('volume create a b'), S('volume inspect'),
  S('volume ls x'), S('network connect a'), S('network disconnect a'), S('network inspect'), S('network ls x'), S('network prune x'),
  S('image prune x'), S('container prune x'), S('version x'), S('container run'), S('container create'), S('image rm'), S('image pull'),
  S('create'), S('volume update'), S('builder prune x'), S('image inspect'), S('container inspect'), S('container stats --foo'),
  // commands, management commands, help
  S('foo'), S('foo --help'), ['container'], S('container foo'), ['image'], S('network foo'), S('volume foo'), S('system foo'), ['--help'],
  S('--help ps'), S('--help run'), S('container --foo ls'), S('container -a'), S('container --help ls'), S('container -h'),
  S('ps -h'), S('ps --help'), S('container ls -h'), S('run --help'), S('run -it --help'), S('run alpine --help'), S('ps --help=false x'),
  S('help'), S('help run'), S('help ps'), S('help container ls'), S('help foo'), S('help foo bar'), S('help container foo'), S('help ps x'),
  S('help --foo'), S('help -a'), S('help container --help'), S('image images --help'), S('container foo --help'), ['swarm'], S('swarm foo'),
  S('trust'), S('trust key'), S('manifest'), S('manifest foo'),
  // global options
  [], S('-h'), S('--foo'), S('-v'), S('--version'), S('-v --help'), S('version --foo'), S('ps -D'), S('--debug=x ps'), S('-H'),
  S('-l xx ps'), S('--config'), S('-H unix:///a -H unix:///b ps'), S('-H unix:///a -c default ps'), S('-D -l debug --help'),
  S('--tlsverify=x ps'), S('-- --help'),
  // builder without buildx
  ['build'], S('build --help'), ['builder'], S('builder foo'), S('builder build'), S('image build'), ['bake'], S('bake --help'),
  // deprecated spellings
  S('stop --time'), S('restart --time x'),
];

const ENV_CASES: [Record<string, string>, string[]][] = [
  [{ DOCKER_BUILDKIT: '0' }, ['build']],
  [{ DOCKER_BUILDKIT: '1' }, ['build']],
  [{ DOCKER_BUILDKIT: 'x' }, ['build']],
  [{ DOCKER_BUILDKIT: '0' }, ['bake']],
];

describe.skipIf(!haveDocker)('parse errors match docker 28.2.2', () => {
  for (const argv of CASES) {
    it(`docker ${argv.join(' ')}`, () => {
      const ours = emulate(argv);
      const theirs = real(argv);
      if (ours.r.kind === 'run') {
        // The real client got past parsing and tried the daemon.
        expect(theirs.stderr).toMatch(/Cannot connect to the Docker daemon|error during connect|Failed to initialize/);
        expect(ours.stdout).toBe(theirs.stdout);
        return;
      }
      expect({ stdout: ours.stdout, stderr: ours.stderr, status: ours.status }).toEqual(theirs);
    });
  }
  for (const [extra, argv] of ENV_CASES) {
    it(`${JSON.stringify(extra)} docker ${argv.join(' ')}`, () => {
      const env = { ...baseEnv, ...extra };
      const ours = emulate(argv, env);
      expect({ stdout: ours.stdout, stderr: ours.stderr, status: ours.status }).toEqual(real(argv, env));
    });
  }
});

/** Parse and insist it is a command to run. */
function run(argv: string[], env: Record<string, string> = {}): Extract<DockerArgs, { kind: 'run' }> {
  const r = parseCommandLine(argv, { env });
  if (r.kind !== 'run') throw new Error(`expected a command, got ${JSON.stringify(r)}`);
  return r;
}

describe('parsed values', () => {
  it('resolves the same command through every alias', () => {
    for (const argv of [['ps'], ['container', 'ls'], ['container', 'list'], ['container', 'ps']]) {
      expect(run(argv).parsed.spec.path).toEqual(['container', 'ls']);
    }
    expect(run(['ps']).path).toEqual(['ps']);
    expect(run(['container', 'list']).path).toEqual(['container', 'ls']);
    expect(findCommand(['container', 'list', '-a'])).toMatchObject({ path: ['container', 'ls'], rest: ['-a'] });
    expect(findCommand(['nope'])).toBeUndefined();
  });

  it('combined shorthands, attached values, and run stopping at the image', () => {
    const r = run(['run', '-itd', '-p8080:80', '-e=A=1', '--name', 'web', '--rm=false', 'alpine', 'ls', '-l', '--rm']);
    const v = r.parsed.flags.values;
    expect([v.interactive, v.tty, v.detach, v.rm]).toEqual([true, true, true, false]);
    expect(v.publish).toEqual(['8080:80']);
    expect(v.env).toEqual(['A=1']);
    expect(v.name).toBe('web');
    expect(r.parsed.args).toEqual(['alpine', 'ls', '-l', '--rm']);
    expect([...r.parsed.flags.changed].sort()).toEqual(['detach', 'env', 'interactive', 'name', 'publish', 'rm', 'tty']);
  });

  it('interspersed commands take flags after arguments; -- ends flags', () => {
    expect(run(['rm', 'a', '-f', 'b']).parsed).toMatchObject({ args: ['a', 'b'], flags: { values: { force: true } } });
    expect(run(['rm', '--', '-f']).parsed).toMatchObject({ args: ['-f'], flags: { values: { force: false } } });
  });

  it('numbers, sizes, CPUs and durations', () => {
    const v = run(['run', '-m', '32m', '--memory-swap', '-1', '--cpus', '1.5', '--health-interval', '1m30s', '--stop-timeout', '0x10', '--shm-size', '1.5g', 'a']).parsed.flags.values;
    expect(v.memory).toBe(32 * 1024 * 1024);
    expect(v['memory-swap']).toBe(-1);
    expect(v.cpus).toBe(1_500_000_000);
    expect(v['health-interval']).toBe(90e9);
    expect(v['stop-timeout']).toBe(16);
    expect(v['shm-size']).toBe(1.5 * 1024 ** 3);
    expect(v['memory-swappiness']).toBe(-1);
    expect(v.restart).toBe('no');
    expect(v.pull).toBe('missing');
  });

  it('repeated and normalized list values', () => {
    const v = run(['run', '-e', 'HOME', '-e', 'B=2', '--add-host', 'db=10.0.0.2', '-a', 'STDOUT', '--net', 'n1', '--network', 'n2', 'a'], { HOME: '/root' }).parsed.flags;
    expect(v.values.env).toEqual(['HOME=/root', 'B=2']);
    expect(v.values['add-host']).toEqual(['db:10.0.0.2']);
    expect(v.values.attach).toEqual(['stdout']);
    expect(v.values.network).toEqual(['n1', 'n2']);
    expect(v.changed.has('net') && v.changed.has('network')).toBe(true);
    expect(run(['ps', '-f', ' Name = web ', '--filter', 'status=running']).parsed.flags.values.filter).toEqual(['name=web', 'status=running']);
    expect(run(['build', '--cache-from', 'a,b', '--cache-from', 'c', '.']).parsed.flags.values['cache-from']).toEqual(['a', 'b', 'c']);
  });

  it('global options before the command', () => {
    const r = run(['-H', 'unix:///x', '--debug', '-l', 'warn', 'ps', '-q']);
    expect(r.global.values).toMatchObject({ host: ['unix:///x'], debug: true, 'log-level': 'warn' });
    expect(r.parsed.flags.values.quiet).toBe(true);
    expect(parseCommandLine(['-v'])).toMatchObject({ kind: 'version', text: 'Docker version 28.2.2, build e6534b4\n' });
  });

  it('deprecated flags still work and say so', () => {
    const r = run(['stop', '--time', '3', 'web']);
    expect(r.parsed.flags.values.timeout).toBe(3);
    expect(r.parsed.flags.changed.has('time')).toBe(true);
    expect(r.notices).toEqual([{ fd: 1, text: 'Flag --time has been deprecated, use --timeout instead\n' }]);
  });

  it('a daemon that cannot serve a flag refuses it', () => {
    const server = { osType: 'linux', experimental: false, apiVersion: '1.50' };
    expect(parseCommandLine(['start', '--checkpoint', 'c', 'x'], { server })).toMatchObject({
      kind: 'error', code: 1, stderr: '"--checkpoint" is only supported on a Docker daemon with experimental features enabled\n',
    });
    const help = parseCommandLine(['run', '--help'], { server });
    expect(help.kind === 'help' && help.text.includes('--cpu-count')).toBe(false);
  });
});
