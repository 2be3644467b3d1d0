/**
 * Berth's git against the real one. Each scenario is a list of shell steps
 * run in the same absolute directory by the host's /bin/sh with real git,
 * and by Berth's sh with Berth's git; every step's stdout, stderr and exit
 * status must agree. Dates and identities are pinned, so commit ids agree
 * too.
 *
 * The reference is git 2.45 when one is available ($GIT_REFERENCE, e.g. a
 * build of v2.45.2), else the host's git (2.39 on Debian 12), whose few
 * known differences from 2.45 are rewritten into 2.45's words first (see
 * `as245`). Without any git on the host the scenarios are skipped.
 */
import { spawnSync } from 'node:child_process';
import * as nfs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeExecutable } from '../../common/executable.ts';
import { nodePlatform } from '../../platform/node/index.ts';
import { bootHost, type Host } from '../host.ts';

const REFERENCE = process.env.GIT_REFERENCE ?? (nfs.existsSync('/usr/bin/git') ? '/usr/bin/git' : '');
const referenceVersion = REFERENCE ? spawnSync(REFERENCE, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
const is245 = referenceVersion.startsWith('git version 2.45');

const root = nfs.mkdtempSync(join(tmpdir(), 'berth-git-'));
const bindir = join(root, 'bin');
nfs.mkdirSync(bindir);
if (REFERENCE) nfs.symlinkSync(REFERENCE, join(bindir, 'git'));
afterAll(() => nfs.rmSync(root, { recursive: true, force: true }));

const ENV: Record<string, string> = {
  GIT_AUTHOR_NAME: 'Ada Lovelace',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Lovelace',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_AUTHOR_DATE: '1700000000 +0000',
  GIT_COMMITTER_DATE: '1700000000 +0000',
  GIT_CONFIG_NOSYSTEM: '1',
  TZ: 'UTC',
  LANG: 'C',
  TERM: 'dumb',
};

interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

/** Rewrites git 2.39's output into what 2.45 prints for the same thing. */
function as245(o: Outcome): Outcome {
  if (is245) return o;
  let stderr = o.stderr.replace(/^hint: $/gm, 'hint:');
  // 2.45 tells how to silence advice that is on by default.
  stderr = stderr.replace(/^(hint: Use -f if you really want to add them\.)\nhint: Turn this message off by running\nhint: "git config advice\.addIgnoredFile false"$/m, '$1\nhint: Disable this message with "git config advice.addIgnoredFile false"');
  stderr = stderr.replace(/^(hint: Maybe you wanted to say 'git add \.'\?)\nhint: Turn this message off by running\nhint: "git config advice\.addEmptyPathspec false"$/m, '$1\nhint: Disable this message with "git config advice.addEmptyPathspec false"');
  stderr = stderr.replace(/^error: The branch '(.*)' is not fully merged\.\nIf you are sure you want to delete it, run 'git branch -D .*'\.$/m, "error: the branch '$1' is not fully merged\nhint: If you are sure you want to delete it, run 'git branch -D $1'\nhint: Disable this message with \"git config advice.forceDeleteBranch false\"");
  stderr = stderr.replace(/^error: branch '(.*)' not found\.$/m, "error: branch '$1' not found");
  stderr = stderr.replace(/^error: Cannot delete branch '(.*)' checked out at '(.*)'$/m, "error: cannot delete branch '$1' used by worktree at '$2'");
  // The "diverging" advice is new in 2.45.
  stderr = stderr.replace(/^fatal: Not possible to fast-forward, aborting\.$/m, 'hint: Diverging branches can\'t be fast-forwarded, you need to either:\nhint:\nhint: \tgit merge --no-ff\nhint:\nhint: or:\nhint:\nhint: \tgit rebase\nhint:\nhint: Disable this message with "git config advice.diverging false"\n$&');
  stderr = stderr.replace(/^(fatal: '.*' is not a valid branch name)$/m, '$1\nhint: See `man git check-ref-format`\nhint: Disable this message with "git config advice.refSyntax false"');
  // 2.45 colours the parts of a decoration separately.
  const stdout = o.stdout
    .replace(/^git version 2\.39\.\d+$/m, 'git version 2.45.2')
    .replace(/\x1b\[1;36mHEAD -> \x1b\[m/g, '\x1b[1;36mHEAD\x1b[m\x1b[33m -> \x1b[m')
    .replace(/\x1b\[1;33mtag: ([^\x1b]*)\x1b\[m/g, '\x1b[1;33mtag: \x1b[m\x1b[1;33m$1\x1b[m');
  return { ...o, stdout, stderr };
}

function real(dir: string, step: string): Outcome {
  const r = spawnSync('/bin/sh', ['-c', step], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: `${bindir}:/usr/bin:/bin`, HOME: `${dir}.home`, ...ENV },
  });
  return as245({ stdout: r.stdout, stderr: r.stderr, code: r.status ?? 128 });
}

let host: Host | undefined;
function berthHost(): Host {
  if (!host) {
    host = bootHost(nodePlatform());
    host.writeFile('/usr/bin/git', encodeExecutable({ program: 'git', version: '2.45.2' }), 0o755);
  }
  return host;
}

async function berth(dir: string, step: string): Promise<Outcome> {
  const r = await berthHost().exec(['sh', '-c', step], { uid: 0, cwd: dir, env: { HOME: `${dir}.home`, ...ENV } });
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

let serial = 0;

/** Runs the steps on both sides, in a fresh directory of the same name. */
async function compare(steps: string[]): Promise<void> {
  const dir = join(root, `s${serial++}`);
  nfs.mkdirSync(dir, { recursive: true });
  nfs.mkdirSync(`${dir}.home`, { recursive: true });
  const h = berthHost();
  for (const p of [root, dir, `${dir}.home`]) {
    try {
      h.rootfs.mkdir(p, 0o755, { uid: 0, gid: 0 });
    } catch {
      // already there
    }
  }
  const got: (Outcome & { step: string })[] = [];
  const want: (Outcome & { step: string })[] = [];
  for (let step of steps) {
    // "@245 …": a step whose output changed after 2.39 in ways not worth rewriting (usage texts).
    if (step.startsWith('@245 ')) {
      if (!is245) continue;
      step = step.slice(5);
    }
    want.push({ step, ...real(dir, step) });
    got.push({ step, ...(await berth(dir, step)) });
  }
  // Only the steps that differ, so a failure shows all of them at once.
  const differ = got.map((g, i) => JSON.stringify(g) !== JSON.stringify(want[i]));
  expect(got.filter((_, i) => differ[i])).toEqual(want.filter((_, i) => differ[i]));
}

const steps = (script: string) =>
  script
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

const scenarios: Record<string, string> = {
  'init, re-init, outside a repository': `
    git status
    git log
    git foo
    git stauts
    git --version
    git init
    git init
    git init sub/dir
    git init -q quiet
    git init --bare bare.git
    git -C sub/dir status
  `,
  'first commit': `
    git init -q
    echo hello > a.txt
    git status
    git status -s
    git add a.txt
    git status
    git status --short
    git commit -m "first commit"
    git status
    git log
    git log --oneline
  `,
  'add errors and ignores': `
    git init -q
    git add
    git add nothing
    echo x > a.txt
    git add a.txt nothing
    git status --porcelain
    printf 'build/\\n*.log\\n' > .gitignore
    mkdir build && echo b > build/out.txt && echo l > debug.log
    git add build/out.txt
    git add debug.log
    git add -f debug.log
    git status -s
    git add .
    git status
  `,
  'status sections and hints': `
    git init -q
    printf 'one\\ntwo\\n' > a.txt
    echo b > b.txt
    echo c > c.txt
    git add .
    git commit -qm base
    echo three >> a.txt
    rm b.txt
    echo new > d.txt
    mkdir dir && echo x > dir/x && echo y > dir/y
    git status
    git status -s
    git status -uall
    git status -uno
    git add a.txt
    echo more >> a.txt
    git status
    git status -s
    git status --porcelain
    cd dir && git status && git status -s
  `,
  'nothing to commit and identity': `
    git init -q
    git commit -m empty
    echo a > a && git add a
    git -c user.useConfigOnly=true commit -m x
    env -u GIT_AUTHOR_NAME git commit -qm named
    git log --format='%an <%ae> %s'
    git commit -m again
    echo u > untracked
    git commit -m again
    echo c >> a
    git commit -m again
    git commit -am "all"
    git commit --allow-empty -m "empty one"
    git log --oneline
  `,
  'diff': `
    git init -q
    printf 'line1\\nline2\\nline3\\nline4\\nline5\\nline6\\nline7\\nline8\\nline9\\nline10\\n' > f.txt
    printf 'no newline' > n.txt
    git add . && git commit -qm base
    printf 'line1\\nLINE2\\nline3\\nline4\\nline5\\nline6\\nline7\\nline8\\nline9\\nline10\\nline11\\n' > f.txt
    printf 'no newline changed' > n.txt
    git diff
    git diff --stat
    git diff --numstat
    git diff --shortstat
    git diff --name-only
    git diff --name-status
    git add f.txt
    git diff
    git diff --cached
    git diff --staged --stat
    git diff HEAD
    git diff HEAD --stat
    git diff -U1 HEAD
    git diff --exit-code; echo $?
  `,
  'log formats': `
    git init -q
    echo a > a && git add a && git commit -qm "first" -m "with a body"
    echo b >> a && git commit -qam second
    echo c > c && git add c && GIT_AUTHOR_DATE='1700001000 +0200' git commit -qm third
    git log
    git log --oneline
    git log -n 2
    git log -1
    git log -2 --oneline
    git log --stat
    git log -p -1
    git log --format='%H %h %an %ae %s'
    git log --pretty=short -1
    git log --reverse --oneline
    git log --oneline -- c
    git log --oneline HEAD~1
    git log --oneline HEAD~2..HEAD
    git log nosuch
    git log --grep=sec --oneline
    git log --author=Ada --format='%an%n%ae' -1
    git log --format=format:%s
    git log --date=short --format='%ad %cd %ar'
    git log --abbrev-commit -1
    git show HEAD~1 --name-status --format=%s
    git show --stat --format=%s HEAD~2
    echo d > d && git add d
    git commit -m ""
    git commit -m "  spaced   " -m "" -m "second para  "
    git log -1 --format=%B
    git log --skip=1 -n1 --oneline
    git log -3 --reverse --format=%s
  `,
  'branches': `
    git init -q
    git branch
    git branch x
    echo a > a && git add a && git commit -qm a
    git branch
    git branch feat
    git branch feat
    git branch 'bad..name'
    git branch -v
    git branch -d nope
    git branch -d master
    git checkout feat
    git checkout feat
    echo b >> a && git commit -qam b
    git checkout master
    git branch -d feat
    git branch -D feat
    git branch -m master main
    git branch
    git branch --show-current
    git branch new nope
    git branch -c main copy
    git branch
  `,
  'checkout, switch and restore': `
    git init -q
    echo a > a && echo b > b && mkdir d && echo c > d/c && git add . && git commit -qm init
    git checkout -b topic
    git checkout -b topic
    echo t >> a && git commit -qam topic
    git switch master
    git switch nope
    git switch -c s2
    git checkout nope
    echo x >> b
    git checkout topic
    git status -s
    git checkout master
    echo y >> a
    git checkout topic
    git checkout -- a
    git status -s
    git checkout b
    echo q >> b
    git checkout .
    rm d/c
    git checkout d
    git restore nope
    echo z >> a && git add a
    git restore --staged a
    git status -s
    git restore a
    git status -s
    git switch $(git rev-parse HEAD)
    git checkout $(git rev-parse HEAD)
    git status
    git checkout master
    git checkout -
    git log --oneline --all
  `,
  'rm, mv and reset': `
    git init -q
    echo a > a && echo b > b && mkdir d && echo c > d/c && git add . && git commit -qm init
    git rm a
    git rm nope
    git rm d
    git rm -r d
    echo b2 >> b
    git rm b
    git add b
    git rm b
    git rm --cached b
    git status -s
    git reset
    git status -s
    git add .
    git reset -q b
    git status -s
    git reset --hard
    git status -s
    git mv b bb
    git status -s
    git mv nope x
    echo q > q
    git mv q z
    git commit -qm moved
    git reset --soft HEAD~1
    git status -s
    git reset --hard HEAD
    git log --oneline
  `,
  'tags and show': `
    git init -q
    echo a > a && git add a && git commit -qm first
    echo b >> a && git commit -qam second
    git tag v1 HEAD~1
    git tag -a v2 -m "release two"
    git tag
    git tag v1
    git show
    git show --stat HEAD~1
    git show v2
    git show HEAD:a
    git show HEAD:nope
    git show -s --oneline
    git log --oneline --decorate
    git tag -d v1
    git show nope
  `,
  'rev-parse': `
    git rev-parse HEAD
    git init -q
    git rev-parse HEAD
    echo a > a && git add a && git commit -qm first
    git rev-parse HEAD
    git rev-parse --short HEAD
    git rev-parse --abbrev-ref HEAD
    git rev-parse --show-toplevel
    git rev-parse --git-dir
    git rev-parse --is-inside-work-tree
    git rev-parse nope
    git rev-parse --verify nope
    git rev-parse --verify -q nope
    mkdir -p sub && cd sub && git rev-parse --show-prefix --show-cdup --git-dir
    git rev-parse HEAD~1
    git rev-parse master HEAD^{tree} HEAD:a
  `,
  'config': `
    git config user.name
    git config --global user.name "Grace Hopper"
    git config --global user.name
    git config --global --list
    git init -q
    git config user.email grace@example.com
    git config --list
    git config --local --list
    git config a.b 1
    git config --add a.b 2
    git config a.b 3
    git config --get-all a.b
    git config --unset a.b
    git config --unset-all a.b
    cat .git/config
    git config nosection
    git config --bool x.y maybe
    git config --bool x.y yes
    git config x.y
    git config --get-regexp 'core\..*'
    @245 git config
    git config --remove-section x
    cat .git/config
    git config --remove-section zz
    git config --global init.defaultBranch main
    git config --global Core.AutoCRLF false
    cat $HOME/.gitconfig
    git config --global --get core.autocrlf
    git -c user.name=Cmd config --show-origin user.name
    git config --show-scope --get-all user.name
  `,
  'hooks': `
    git init -q
    printf '#!/bin/sh\\necho "pre-commit ran in $(pwd)"\\nexit 0\\n' > .git/hooks/pre-commit
    chmod +x .git/hooks/pre-commit
    printf '#!/bin/sh\\necho "msg file $1"\\ncat "$1"\\necho "extra line" >> "$1"\\n' > .git/hooks/commit-msg
    chmod +x .git/hooks/commit-msg
    printf '#!/bin/sh\\necho post\\n' > .git/hooks/post-commit
    echo a > a && git add a
    git commit -m "first"
    git log --format=%B
    chmod +x .git/hooks/post-commit
    printf '#!/bin/sh\\necho "no commits today" >&2\\nexit 1\\n' > .git/hooks/pre-commit
    echo b >> a && git add a
    git commit -m second
    git commit --no-verify -m second
    git log --oneline
  `,
  'graph': `
    git init -q
    echo base > f && git add f && git commit -qm base
    git branch feature
    git branch other
    echo m1 >> f && GIT_COMMITTER_DATE='1700000100 +0000' git commit -qam m1
    git checkout -q feature
    echo f1 >> f && GIT_COMMITTER_DATE='1700000200 +0000' git commit -qam f1
    echo f2 >> f && GIT_COMMITTER_DATE='1700000300 +0000' git commit -qam f2
    git checkout -q other
    echo o1 >> f && GIT_COMMITTER_DATE='1700000400 +0000' git commit -qam o1
    git checkout -q master
    echo m2 >> f && GIT_COMMITTER_DATE='1700000500 +0000' git commit -qam m2
    git log --oneline --graph --all
    git log --graph --all
    git log --graph --all --stat
    git log --oneline --graph
    git log --oneline --all
    git log --oneline --all --decorate
    git log --graph --oneline feature
  `,
  'subdirectories and renames': `
    git init -q
    mkdir -p src/lib docs
    printf 'one\\ntwo\\nthree\\nfour\\nfive\\n' > src/lib/util.txt
    echo readme > docs/README
    git add . && git commit -qm init
    git mv src/lib/util.txt src/helpers.txt
    cd src && git status && git status -s && cd ..
    git commit -m "move util"
    printf 'one\\ntwo\\nthree\\nfour\\nsix\\n' > src/helpers.txt
    git mv src/helpers.txt src/tools.txt
    git status
    git diff --cached
    git diff --cached --stat
    git commit -m "rename and edit"
    git log --stat --oneline
    cd docs && git add ../src && git diff HEAD --name-status && git log --oneline -1 -- ../src
  `,
  'colours': `
    git init -q
    printf 'int main() {\\n  x;\\n}\\nfoo  \\nbar\\n\\tmix\\n\\n' > c.c
    echo a > a && git add . && git commit -qm base
    git branch feature
    printf 'int main() {\\n  y;\\n}\\nfoo\\nbar  \\n  \\n\\t z\\n\\n\\n' > c.c
    printf 'noeol' > n
    echo new > new.txt
    git -c color.ui=always status
    git -c color.ui=always status -s
    git -c color.ui=always status -sb
    git -c color.ui=always diff
    git -c color.ui=always diff --stat
    git add n
    git tag v1
    git -c color.ui=always commit -m second
    git -c color.ui=always log --decorate
    git -c color.ui=always log --oneline --decorate --all
    git -c color.ui=always log --graph --oneline --all
    git -c color.ui=always show --stat
    git -c color.ui=always branch
    git -c color.ui=always branch -v
    git -c color.ui=always add nothing
    git -c color.ui=always checkout -q HEAD~1
    git -c color.ui=always branch
    git -c color.ui=always status
  `,
  'editor, amend, -a and paths': `
    git init -q
    echo a > a && echo b > b && git add . && git commit -qm base
    echo a2 >> a
    git add a
    TERM=dumb git commit
    git -c core.editor=nosuchedit commit
    GIT_EDITOR='sed -i s/^$/edited/' git commit
    git log -1 --format=%B
    echo a3 >> a
    git commit --amend -m "amended"
    git commit --amend -m "amended again" --date='1700009999 +0100'
    git log --format='%h %ad %s' --date=iso
    echo b2 >> b
    rm a
    git commit -am "all of it"
    git status -s
    echo b3 >> b && echo c > c && git add c
    git commit b -m "only b"
    git status -s
    git commit nope -m x
    git commit --amend --no-edit
    git log --oneline
    git log --format=%B -1
  `,
  'checkout conflicts and ignore rules': `
    git init -q
    echo a > a && echo s > shared && git add . && git commit -qm base
    git checkout -qb other
    echo other > a && echo new > only-other && git commit -qam other && git add only-other && git commit -qm other2
    git checkout -q master
    echo mine > a
    git checkout other
    git checkout -f other
    git status -s
    git checkout -q master
    echo untracked > only-other
    git checkout other
    rm only-other
    printf '*.log\\n!keep.log\\nbuild/\\n/top.txt\\n' > .gitignore
    mkdir -p build sub/deep && echo x > build/x && echo l > a.log && echo k > keep.log && echo t > top.txt && echo t > sub/top.txt
    printf 'deep.txt\\n' > sub/.gitignore && echo d > sub/deep/deep.txt && echo e > sub/deep/e.txt
    git status -s
    git status -s --untracked-files=all
    git status
    cd sub && git add -A && cd .. && git status -s
    git add keep.log a.log
    git add -f a.log
    git status -s
  `,
  'binary, modes and symlinks': `
    git init -q
    printf 'bin\\000ary' > bin
    echo text > t && echo x > exe && ln -s t link
    git add . && git commit -qm base
    printf 'bin\\000ary2\\000' > bin
    chmod +x exe
    rm link && ln -s exe link
    git status -s
    git diff
    git diff --stat
    git add .
    git commit -m changes
    git log -p -1 --stat
    git show --summary --format=%s
  `,
  'a repository without commits': `
    git init -q
    git status
    git status -sb
    git log
    git log --oneline
    git diff
    git diff --cached
    git branch
    git show
    echo a > a && git add a
    git diff --cached
    git diff --cached --stat
    git restore --staged a
    git rm --cached a
    git add a
    git reset
    git status -s
    git checkout -b first
    git switch -c second
    git status
    git add a && git commit -qm one && git branch
    git rev-parse --abbrev-ref HEAD
  `,
  'fast-forward merges and the reflog': `
    git init -q
    echo a > a && git add a && git commit -qm a
    git checkout -qb f
    echo b > b && echo a2 >> a && git add . && git commit -qm f
    git checkout -q master
    git merge f
    git merge f
    git reflog
    git reflog -2
    git reflog show f
    git reflog nope
    git checkout -q -b g HEAD~1
    echo c > c && git add c && git commit -qm c
    git merge --ff-only master
    git checkout -q master
    git reset -q --hard HEAD~1
    echo dirty >> a
    git merge f
    git merge nope
    git merge
    git log --oneline --graph --all
  `,
  'unicode and odd names': `
    git init -q
    echo x > 'héllo wörld.txt' && echo y > 'tab	name' && echo z > 'quote"d' && echo w > 'sp ace'
    git status
    git status -s
    git add .
    git commit -m "Grüße — ünïcödé ✓"
    git log
    git log --oneline
    git diff HEAD~0 --stat
    echo more >> 'héllo wörld.txt'
    git diff
    git diff --stat
    git diff --name-status
  `,
};

describe.skipIf(!REFERENCE)(`git against ${referenceVersion || 'no reference git'}`, () => {
  for (const [name, script] of Object.entries(scenarios)) {
    it(name, () => compare(steps(script)), 60_000);
  }
});
