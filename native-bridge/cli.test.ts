/**
 * The `berth` command as a user runs it: a real Node process, its standard
 * streams, its exit status, and (for `berth shell`) a real pseudo-terminal.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const berth = new URL('./berth.mjs', import.meta.url).pathname;
const ptySession = new URL('../test/fixtures/pty-session.py', import.meta.url).pathname;
const havePython = spawnSync('python3', ['--version']).status === 0;

function run(args: string[], input = '', cwd = process.cwd()) {
  const r = spawnSync('node', [berth, ...args], { input, cwd, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

describe('berth sh', () => {
  it('runs -c with separate stdout and stderr and the exit status', () => {
    const r = run(['sh', '-c', 'echo out; echo err >&2; id -un; exit 7']);
    expect(r).toEqual({ stdout: 'out\nlearner\n', stderr: 'err\n', code: 7 });
  });

  it('reads commands from a pipe and passes input through', () => {
    const r = run(['sh', '-c', 'tr a-z A-Z; echo "status $?"'], 'shout\n');
    expect(r.stdout).toBe('SHOUT\nstatus 0\n');
  });

  it('runs a script file from the real disk with its own name in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-cli-'));
    writeFileSync(join(dir, 'hello.sh'), 'echo "$0 says hi to $1"\nnosuchcmd\nexit 3\n');
    const r = run(['sh', 'hello.sh', 'you'], '', dir);
    expect(r).toEqual({ stdout: 'hello.sh says hi to you\n', stderr: 'hello.sh: line 2: nosuchcmd: not found\n', code: 3 });
  });

  it("reports a missing script as ash does", () => {
    expect(run(['sh', 'missing.sh'])).toEqual({ stdout: '', stderr: "sh: can't open 'missing.sh': No such file or directory\n", code: 2 });
  });

  it('has docker on the PATH, talking to the emulated daemon', () => {
    expect(run(['sh', '-c', 'command -v docker; docker --version; docker ps; docker run --rm alpine echo hi 2>/dev/null; docker ps -a -q | wc -l'])).toEqual({
      stdout: '/usr/bin/docker\nDocker version 28.2.2, build e6534b4\nCONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\nhi\n0\n',
      stderr: '',
      code: 0,
    });
  });

  it('dies of a signal as a shell reports it', () => {
    expect(run(['sh', '-c', 'kill -TERM $$']).code).toBe(143);
  });
});

describe.skipIf(!havePython)('berth shell', () => {
  it('is an interactive login shell on the terminal: prompt, ^C, cd, exit status', () => {
    const r = spawnSync('python3', [ptySession, 'echo $((6*7))\\r', 'sleep 30\\r', '\\x03', 'cd /tmp\\r', 'exit 4\\r', '--', 'node', berth, 'shell'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const screen = r.stdout;
    expect(screen).toContain('Welcome to Berth');
    expect(screen).toContain('learner@berth:~$ ');
    expect(screen).toMatch(/\n42\r?\r\n/);
    expect(screen).toContain('^C');
    expect(screen).toContain('learner@berth:/tmp$ ');
    expect(screen).toMatch(/EXIT 4\n$/);
  }, 30_000);

  it('refuses when the input is not a terminal', () => {
    expect(run(['shell'])).toEqual({ stdout: '', stderr: 'the input device is not a TTY\n', code: 1 });
  });
});
