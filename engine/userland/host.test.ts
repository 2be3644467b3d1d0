import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../platform/node/index.ts';
import { bootHost } from './host.ts';

describe('the learner host', () => {
  it('runs applets through busybox links, as the learner', async () => {
    const host = bootHost(nodePlatform());
    expect(await host.exec(['echo', 'hello', 'world'])).toMatchObject({ stdout: 'hello world\n', code: 0 });
    expect(await host.exec(['pwd'])).toMatchObject({ stdout: '/home/learner\n' });
    expect(await host.exec(['cat'], { stdin: 'piped\n' })).toMatchObject({ stdout: 'piped\n' });
    host.writeFile('/home/learner/a.txt', 'one\ntwo\n');
    expect(await host.exec(['cat', '-n', 'a.txt'])).toMatchObject({ stdout: '     1\tone\n     2\ttwo\n' });
    expect(await host.exec(['cat', 'missing'])).toMatchObject({ stderr: "cat: can't open 'missing': No such file or directory\n", code: 1 });
    expect(await host.exec(['cat', '/etc/shadow'])).toMatchObject({ stderr: "cat: can't open '/etc/shadow': Permission denied\n", code: 1 });
    expect(await host.exec(['busybox', 'echo', '-e', 'a\\tb'])).toMatchObject({ stdout: 'a\tb\n' });
    expect(await host.exec(['false'])).toMatchObject({ code: 1 });
    expect(await host.exec(['cat', '-z'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^cat: unrecognized option: z\nBusyBox v1\.36\.1/) });
  });
});

describe('programs on the learner host', () => {
  it('has git on the PATH, as a fresh install: an identity to configure, then commits', async () => {
    const host = bootHost(nodePlatform());
    host.writeFile('/home/learner/a.txt', 'one\n', 0o644, { uid: 1000, gid: 1000 });
    expect((await host.exec(['sh', '-c', 'command -v git'])).stdout).toBe('/usr/bin/git\n');
    // No ~/.gitconfig: git asks who the learner is, as it does on a new machine (see git/git.test.ts).
    const refused = await host.exec(['sh', '-c', 'git init -q && git add . && git commit -m x']);
    expect(refused.code).toBe(128);
    expect(refused.stderr).toMatch(/^Author identity unknown\n/);
    const r = await host.exec(['sh', '-c', 'git config --global user.name "Berth Learner" && git config --global user.email learner@example.com && git commit -q -m x && git log --oneline']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{7} x\n$/);
  });
});
