/**
 * git on the learner's host: what only Berth can show — its users, host
 * name, permissions and processes — with git's exact words. (Output shared
 * with real git is checked in git-differential.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { encodeExecutable } from '../../common/executable.ts';
import { nodePlatform } from '../../platform/node/index.ts';
import { Tty } from '../../kernel/tty.ts';
import { bootHost, LEARNER, type Host } from '../host.ts';

const PINNED = { GIT_AUTHOR_DATE: '1700000000 +0000', GIT_COMMITTER_DATE: '1700000000 +0000' };

function learnerHost(): Host {
  const host = bootHost(nodePlatform());
  host.writeFile('/usr/bin/git', encodeExecutable({ program: 'git', version: '2.45.2' }), 0o755);
  return host;
}

/** Runs a shell command line as the learner, in their home directory. */
const sh = (host: Host, cmd: string, env: Record<string, string> = {}) => host.exec(['sh', '-c', cmd], { env: { ...PINNED, ...env } });

const IDENTITY_HINT = `
*** Please tell me who you are.

Run

  git config --global user.email "you@example.com"
  git config --global user.name "Your Name"

to set your account's default identity.
Omit --global to set the identity only in this repository.

`;

describe('git on the learner host', () => {
  it('is the program /usr/bin/git names, version 2.45.2', async () => {
    const host = learnerHost();
    expect(await host.exec(['git', '--version'])).toMatchObject({ stdout: 'git version 2.45.2\n', code: 0 });
    expect(await host.exec(['git', 'version'])).toMatchObject({ stdout: 'git version 2.45.2\n', code: 0 });
    expect(await host.exec(['git', 'status'])).toMatchObject({ stderr: 'fatal: not a git repository (or any of the parent directories): .git\n', code: 128 });
    expect(await host.exec(['git', 'foo'])).toMatchObject({ stderr: "git: 'foo' is not a git command. See 'git --help'.\n\nThe most similar command is\n\thook\n", code: 1 });
    expect(await host.exec(['git', 'rebase'])).toMatchObject({ stderr: "fatal: 'git rebase' is not supported by Berth's git\n", code: 128 });
  });

  it('refuses to commit without an identity: the host has no domain, so the made-up address is bogus', async () => {
    const host = learnerHost();
    await sh(host, 'git init -q r && cd r && echo hi > a && git add a');
    const r = await sh(host, 'cd r && git commit -m first');
    expect(r.code).toBe(128);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Author identity unknown\n${IDENTITY_HINT}fatal: unable to auto-detect email address (got 'learner@berth.(none)')\n`);
    // $EMAIL is enough: the name comes from /etc/passwd ("Berth Learner").
    const ok = await sh(host, 'cd r && git commit -q -m first && git log --format="%an <%ae>|%cn <%ce>"', { EMAIL: 'me@example.com' });
    expect(ok).toMatchObject({ code: 0, stdout: 'Berth Learner <me@example.com>|Berth Learner <me@example.com>\n' });
    // An author from the environment, but no committer: the committer is unknown.
    await sh(host, 'cd r && echo more >> a');
    const committer = await sh(host, 'cd r && git commit -qam second', { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com' });
    expect(committer.stderr).toBe(`Committer identity unknown\n${IDENTITY_HINT}fatal: unable to auto-detect email address (got 'learner@berth.(none)')\n`);
  });

  it('explains an identity it had to guess', async () => {
    const host = learnerHost();
    host.writeFile('/etc/mailname', 'berth.example\n');
    const r = await sh(host, 'git init -q r && cd r && echo hi > a && git add a && git commit -m first');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `[master (root-commit) ${r.stdout.slice(22, 29)}] first
 Committer: Berth Learner <learner@berth.example>
Your name and email address were configured automatically based
on your username and hostname. Please check that they are accurate.
You can suppress this message by setting them explicitly. Run the
following command and follow the instructions in your editor to edit
your configuration file:

    git config --global --edit

After doing this, you may fix the identity used for this commit with:

    git commit --amend --reset-author

 1 file changed, 1 insertion(+)
 create mode 100644 a
`,
    );
  });

  it('keeps --global settings in ~/.gitconfig', async () => {
    const host = learnerHost();
    await sh(host, 'git config --global user.name "Ada Lovelace" && git config --global user.email ada@example.com');
    expect(host.readFile(`${LEARNER.home}/.gitconfig`)).toBe('[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n');
    const r = await sh(host, 'git init -q r && cd r && echo hi > a && git add a && git commit -q -m first && git log');
    expect(r.stdout).toMatch(/^commit [0-9a-f]{40}\nAuthor: Ada Lovelace <ada@example.com>\nDate:   Tue Nov 14 22:13:20 2023 \+0000\n\n    first\n$/);
  });

  it('runs hooks as processes, in the work tree, with stdout sent to stderr', async () => {
    const host = learnerHost();
    await sh(host, 'git config --global user.name Ada && git config --global user.email ada@example.com && git init -q r');
    host.writeFile(`${LEARNER.home}/r/.git/hooks/pre-commit`, '#!/bin/sh\necho "pre-commit in $(pwd) index=$GIT_INDEX_FILE"\nexit 0\n', 0o755, { uid: LEARNER.uid, gid: LEARNER.gid });
    // No "#!": git runs it with /bin/sh.
    host.writeFile(`${LEARNER.home}/r/.git/hooks/commit-msg`, 'grep -q JIRA- "$1" || { echo "commit-msg: no ticket in: $(cat "$1")"; exit 1; }\n', 0o755, { uid: LEARNER.uid, gid: LEARNER.gid });
    host.writeFile(`${LEARNER.home}/r/.git/hooks/post-commit`, '#!/bin/sh\necho post\n', 0o644, { uid: LEARNER.uid, gid: LEARNER.gid });
    const refused = await sh(host, 'cd r && mkdir sub && cd sub && echo x > f && git add f && git commit -m "no ticket"');
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: `pre-commit in ${LEARNER.home}/r index=.git/index\ncommit-msg: no ticket in: no ticket\n` });
    const done = await sh(host, 'cd r && git commit -q -m "JIRA-1 fix"');
    expect(done).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `pre-commit in ${LEARNER.home}/r index=.git/index\nhint: The '.git/hooks/post-commit' hook was ignored because it's not set as executable.\nhint: You can disable this warning with \`git config advice.ignoredHook false\`.\n`,
    });
    host.writeFile(`${LEARNER.home}/r/.git/hooks/pre-commit`, '#!/bin/sh\necho "tests failed"\nexit 3\n', 0o755, { uid: LEARNER.uid, gid: LEARNER.gid });
    await sh(host, 'cd r && echo y >> sub/f');
    expect(await sh(host, 'cd r && git commit -qam "JIRA-2"')).toMatchObject({ code: 1, stdout: '', stderr: 'tests failed\n' });
    expect(await sh(host, 'cd r && git commit -qn -am "JIRA-2" && git log --oneline | wc -l')).toMatchObject({ code: 0, stdout: '2\n' });
  });

  it('reads files with the process’s permissions', async () => {
    const host = learnerHost();
    await sh(host, 'git init -q r');
    host.writeFile(`${LEARNER.home}/r/secret`, 's\n', 0o600, { uid: 0, gid: 0 });
    host.writeFile(`${LEARNER.home}/r/ok`, 'ok\n', 0o644, { uid: LEARNER.uid, gid: LEARNER.gid });
    expect(await sh(host, 'cd r && git add secret ok')).toMatchObject({ code: 128, stderr: 'error: open("secret"): Permission denied\nerror: unable to index file \'secret\'\nfatal: adding files failed\n' });
    expect(await sh(host, 'cd r && git status -s')).toMatchObject({ stdout: '?? ok\n?? secret\n' });
    expect(await sh(host, 'cd /etc && git init')).toMatchObject({ code: 1, stderr: '/etc/.git: Permission denied\n' });
  });

  it('will not work in a repository owned by someone else', async () => {
    const host = learnerHost();
    await sh(host, 'git init -q r');
    const r = await host.exec(['git', 'status'], { uid: 0, cwd: `${LEARNER.home}/r`, env: { HOME: '/root' } });
    expect(r).toMatchObject({
      code: 128,
      stderr: `fatal: detected dubious ownership in repository at '${LEARNER.home}/r'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory ${LEARNER.home}/r\n`,
    });
    await host.exec(['git', 'config', '--global', '--add', 'safe.directory', `${LEARNER.home}/r`], { uid: 0, cwd: '/root', env: { HOME: '/root' } });
    expect(await host.exec(['git', 'status', '-s'], { uid: 0, cwd: `${LEARNER.home}/r`, env: { HOME: '/root' } })).toMatchObject({ code: 0 });
  });

  it('runs an alias', async () => {
    const host = learnerHost();
    await sh(host, 'git config --global alias.st "status -s" && git config --global alias.hi "!echo hi from"');
    await sh(host, 'git init -q r && cd r && echo x > f');
    expect(await sh(host, 'cd r && git st')).toMatchObject({ code: 0, stdout: '?? f\n' });
    expect(await sh(host, 'cd r && git hi there')).toMatchObject({ code: 0, stdout: 'hi from there\n' });
  });

  it('colours and decorates on a terminal, as git does by default, and pages nothing', async () => {
    const host = learnerHost();
    await sh(host, 'git config --global user.name Ada && git config --global user.email ada@example.com');
    await sh(host, 'git init -q r && cd r && echo a > a && git add a && git commit -qm first && echo b >> a && echo u > u');
    const onTty = async (argv: string[]) => {
      const tty = new Tty('/dev/pts/3', (136 << 8) | 3);
      let out = '';
      const decoder = new TextDecoder();
      tty.onOutput((bytes) => (out += decoder.decode(bytes, { stream: true })));
      await host.attach(argv, tty, { cwd: `${LEARNER.home}/r`, env: PINNED }).ended;
      return out.replace(/\r\n/g, '\n');
    };
    expect(await onTty(['git', 'status', '-s'])).toBe(' \x1b[31mM\x1b[m a\n\x1b[31m??\x1b[m u\n');
    expect(await onTty(['git', 'log', '--oneline'])).toMatch(/^\x1b\[33m[0-9a-f]{7}\x1b\[m\x1b\[33m \(\x1b\[m\x1b\[1;36mHEAD\x1b\[m\x1b\[33m -> \x1b\[m\x1b\[1;32mmaster\x1b\[m\x1b\[33m\)\x1b\[m first\n$/);
    expect(await onTty(['git', '-c', 'color.ui=never', 'diff', '--stat'])).toBe(' a | 1 +\n 1 file changed, 1 insertion(+)\n');
  });
});
