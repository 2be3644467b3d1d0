/**
 * `git init [-q] [--bare] [-b <branch>] [<directory>]`: creates the git
 * directory (HEAD, config, description, hooks/, info/exclude, objects/,
 * refs/heads, refs/tags) or, when one is already there, says it is
 * "Reinitialized" and leaves HEAD and the history alone.
 *
 * Without init.defaultBranch or -b the branch is "master", and git explains
 * that choice in a hint on stderr.
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { S_IFMT, S_IFDIR } from '../../../fs/types.ts';
import { writeFile } from '../../lib/io.ts';
import { Exit, rethrowControl, type Git } from '../context.ts';
import { absolute } from '../repo.ts';
import { USAGE } from '../usage.ts';
import { parse, type Command } from './command.ts';

const DEFAULT_BRANCH_ADVICE = `Using '%s' as the name for the initial branch. This default branch name
is subject to change. To configure the initial branch name to use in all
of your new repositories, which will suppress this warning, call:

\tgit config --global init.defaultBranch <name>

Names commonly chosen instead of 'master' are 'main', 'trunk' and
'development'. The just-created branch can be renamed via this command:

\tgit branch -m <name>`;

const EXCLUDE = `# git ls-files --others --exclude-from=.git/info/exclude
# Lines that start with '#' are comments.
# For a project mostly in C, the following would be a good set of
# exclude patterns (uncomment them if you want to use them):
# *.[oa]
# *~
`;

const DESCRIPTION = "Unnamed repository; edit this file 'description' to name the repository.\n";

/** check_refname_format, for the rules a branch name most often breaks. */
export function validRefName(ref: string): boolean {
  if (ref.startsWith('-') || ref.endsWith('/') || ref.endsWith('.') || ref.endsWith('.lock')) return false;
  if (ref.includes('..') || ref.includes('@{') || ref.includes('//') || /[\x00-\x20\x7f~^:?*[\\]/.test(ref)) return false;
  if (ref === '@') return false;
  return ref.split('/').every((c) => c !== '' && !c.startsWith('.'));
}

function exists(g: Git, path: string): boolean {
  try {
    g.sys.lstat(path);
    return true;
  } catch (err) {
    rethrowControl(err);
    return false;
  }
}

/** mkdir that tolerates EEXIST; on other errors prints "path: Error" and exits 1, as safe_create_dir does. */
async function makeDir(g: Git, path: string): Promise<void> {
  try {
    g.sys.mkdir(path, 0o777);
  } catch (err) {
    if (err instanceof FsError && err.code === 'EEXIST') return;
    if (err instanceof FsError) {
      await g.err.write(`${path}: ${strerror(err.code)}\n`);
      throw new Exit(1);
    }
    throw err;
  }
}

async function writeIfMissing(g: Git, path: string, text: string, mode = 0o666): Promise<void> {
  if (exists(g, path)) return;
  await writeFile(g.sys, path, text, mode);
}

export const init: Command = {
  setup: 'none',
  usage: USAGE.init,
  async run(g, args) {
    const o = await parse(
      g,
      args,
      [
        { id: 'quiet', short: 'q', long: 'quiet' },
        { id: 'bare', long: 'bare' },
        { id: 'branch', short: 'b', long: 'initial-branch', arg: 'required' },
        { id: 'template', long: 'template', arg: 'required' },
        { id: 'shared', long: 'shared', arg: 'optional' },
        { id: 'separate', long: 'separate-git-dir', arg: 'required' },
        { id: 'objectFormat', long: 'object-format', arg: 'required' },
        { id: 'refFormat', long: 'ref-format', arg: 'required' },
      ],
      USAGE.init,
    );
    if (o.args.length > 1) {
      await g.err.write(USAGE.init);
      throw new Exit(129);
    }
    for (const unsupported of ['separate', 'shared']) if (o.has(unsupported)) return g.die(`--${unsupported === 'separate' ? 'separate-git-dir' : 'shared'} is not supported by Berth's git`);
    const format = o.str('objectFormat');
    if (format !== undefined && format !== 'sha1') return g.die(`unknown hash algorithm '${format}'`);
    const refFormat = o.str('refFormat');
    if (refFormat !== undefined && refFormat !== 'files') return g.die(`unknown ref storage format '${refFormat}'`);

    const dirArg = o.args[0];
    if (dirArg !== undefined) {
      // mkdir -p, then chdir, as git does.
      const target = absolute(g.sys, dirArg);
      let cur = '';
      for (const part of target.split('/').filter((p) => p !== '')) {
        cur += '/' + part;
        try {
          const st = g.sys.stat(cur);
          if ((st.mode & S_IFMT) !== S_IFDIR) return g.die(`cannot mkdir ${dirArg}: ${strerror('EEXIST')}`);
        } catch (err) {
          if (!(err instanceof FsError) || err.code !== 'ENOENT') throw err;
          try {
            g.sys.mkdir(cur, 0o777);
          } catch (e) {
            if (e instanceof FsError) return g.die(`cannot mkdir ${dirArg}: ${strerror(e.code)}`);
            throw e;
          }
        }
      }
      try {
        g.sys.chdir(target);
      } catch (err) {
        if (err instanceof FsError) return g.die(`cannot chdir to ${dirArg}: ${strerror(err.code)}`);
        throw err;
      }
    }

    const bare = o.flag('bare') || g.config.bool('core.bare') === true && g.getenv('GIT_DIR') !== undefined;
    const envDir = g.getenv('GIT_DIR');
    const cwd = g.sys.getcwd();
    const gitdir = envDir ? absolute(g.sys, envDir) : bare ? cwd : `${cwd === '/' ? '' : cwd}/.git`;

    await makeDir(g, gitdir);
    const reinit = exists(g, `${gitdir}/HEAD`);

    let branch = o.str('branch');
    if (branch !== undefined && reinit) {
      await g.warning(`re-init: ignored --initial-branch=${branch}`);
      branch = undefined;
    }
    if (!reinit) {
      if (branch === undefined) {
        branch = g.config.get('init.defaultbranch');
        if (branch === undefined) {
          branch = 'master';
          if (!o.flag('quiet')) await g.advise(DEFAULT_BRANCH_ADVICE.replace('%s', branch));
        }
      }
      if (!validRefName(`refs/heads/${branch}`)) return g.die(`invalid initial branch name: '${branch}'`);
    }

    // The template: what a new repository always has.
    await makeDir(g, `${gitdir}/branches`);
    await makeDir(g, `${gitdir}/hooks`);
    await makeDir(g, `${gitdir}/info`);
    await writeIfMissing(g, `${gitdir}/info/exclude`, EXCLUDE);
    await writeIfMissing(g, `${gitdir}/description`, DESCRIPTION);
    await makeDir(g, `${gitdir}/refs`);
    await makeDir(g, `${gitdir}/refs/heads`);
    await makeDir(g, `${gitdir}/refs/tags`);
    if (!reinit) await writeFile(g.sys, `${gitdir}/HEAD`, `ref: refs/heads/${branch}\n`);
    await writeIfMissing(g, `${gitdir}/config`, `[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = ${bare ? 'true' : 'false'}\n${bare ? '' : '\tlogallrefupdates = true\n'}`);
    await makeDir(g, `${gitdir}/objects`);
    await makeDir(g, `${gitdir}/objects/info`);
    await makeDir(g, `${gitdir}/objects/pack`);

    if (!o.flag('quiet')) {
      let shown = gitdir;
      try {
        shown = g.sys.realpath(gitdir);
      } catch (err) {
        rethrowControl(err);
      }
      await g.out.write(`${reinit ? 'Reinitialized existing' : 'Initialized empty'} Git repository in ${shown}${shown.endsWith('/') ? '' : '/'}\n`);
    }
    return 0;
  },
};
