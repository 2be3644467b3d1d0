/**
 * `git`: the program. It reads git's global options (-C, -c, --git-dir…),
 * loads the configuration, finds the repository when the command needs one,
 * and hands over to the command. Each command lives in its own file under
 * ./commands/ and is listed in ./commands/index.ts.
 *
 * Storage (objects, refs, the index) is isomorphic-git's, over the process's
 * own system calls (./fs.ts); what git prints, and when, is ours. The map:
 *
 *   isogit, buffer, fs           isomorphic-git, the Buffer it needs, the fs it is handed
 *   context, options, usage      how a run talks: fatal/error/hint, option parsing, usage texts
 *   repo, config, ident, date    finding the repository; configuration; who and when
 *   store, refs, revwalk         objects, the index and HEAD; refs and reflogs; walking history
 *   worktree, ignore, pathspec   the work tree as git sees it; .gitignore; path arguments
 *   diffcore, xdiff, patch, stat which files changed (with renames); line diffs; patches; --stat
 *   pretty, graph, diffoutput    how log/show print commits, the --graph drawing, diff formats
 *   switchtree, switching        moving the work tree between commits; checkout/switch's core
 *   hooks, editor, message       hooks as processes; the commit message editor; message clean-up
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl, type Program } from '../../kernel/sys.ts';
import { putenv } from '../lib/system-exec.ts';
import { spawnp } from '../lib/system-exec.ts';
import { COMMANDS, type Command } from './commands/index.ts';
import { ConfigSyntaxError, loadConfig } from './config.ts';
import { Exit, Git } from './context.ts';
import { discover, newRepo, ownedByCaller, type Repo } from './repo.ts';
import { GIT_USAGE } from './usage.ts';

export const GIT_VERSION = '2.45.2';

export const git: Program = async (sys) => {
  const g = new Git(sys, [...sys.env]);
  let code: number;
  try {
    code = await main(g, sys.argv.slice(1));
  } catch (err) {
    if (isProcessControl(err)) {
      await g.out.flush().catch(() => undefined);
      throw err;
    }
    if (err instanceof Exit) code = err.code;
    else if (err instanceof FsError) {
      await g.out.flush().catch(() => undefined);
      await g.err.write(`fatal: ${err.path ? `${err.path}: ` : ''}${strerror(err.code)}\n`);
      code = 128;
    } else {
      await g.out.flush().catch(() => undefined);
      await g.err.write(`fatal: ${err instanceof Error ? err.message : String(err)}\n`);
      code = 128;
    }
  }
  try {
    await g.out.flush();
  } catch (err) {
    if (isProcessControl(err)) throw err;
    if (err instanceof FsError && err.code === 'EPIPE') return 141;
    throw err;
  }
  return code;
};

const usageHead = GIT_USAGE.slice(0, GIT_USAGE.indexOf('\n\n') + 1);

async function main(g: Git, argv: string[]): Promise<number> {
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) break;
    const value = async (name: string): Promise<string> => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) {
        await g.err.write(`no directory given for '${name}' option\n${usageHead}`);
        throw new Exit(129);
      }
      return argv[++i]!;
    };
    if (a === '--version' || a === '-v') return runCommand(g, 'version', argv.slice(i + 1));
    if (a === '--help' || a === '-h') return runCommand(g, 'help', argv.slice(i + 1));
    if (a === '-C') {
      const dir = argv[++i];
      if (dir === undefined) {
        await g.err.write(`no directory given for '-C' option\n${usageHead}`);
        return 129;
      }
      if (dir === '') continue;
      try {
        g.sys.chdir(dir);
      } catch (err) {
        if (err instanceof FsError) return g.die(`cannot change to '${dir}': ${strerror(err.code)}`);
        throw err;
      }
      putenv(g.env, `PWD=${g.sys.getcwd()}`);
      continue;
    }
    if (a === '-c') {
      const pair = argv[++i];
      if (pair === undefined) {
        await g.err.write(`-c expects a configuration string\n${usageHead}`);
        return 129;
      }
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      if (!key.includes('.') || key.startsWith('.') || key.endsWith('.')) {
        await g.error(`key does not contain a section: ${key}`);
        return g.die('unable to parse command-line config');
      }
      g.commandConfig.push([key, eq < 0 ? null : pair.slice(eq + 1)]);
      continue;
    }
    if (a === '--git-dir' || a.startsWith('--git-dir=')) {
      putenv(g.env, `GIT_DIR=${await value('--git-dir')}`);
      continue;
    }
    if (a === '--work-tree' || a.startsWith('--work-tree=')) {
      putenv(g.env, `GIT_WORK_TREE=${await value('--work-tree')}`);
      continue;
    }
    if (a === '--bare') {
      putenv(g.env, `GIT_DIR=${g.sys.getcwd()}`);
      continue;
    }
    if (['-p', '--paginate', '-P', '--no-pager', '--no-replace-objects', '--literal-pathspecs', '--glob-pathspecs', '--noglob-pathspecs', '--icase-pathspecs', '--no-optional-locks', '--no-advice'].includes(a)) continue;
    await g.err.write(`unknown option: ${a}\n${usageHead}`);
    return 129;
  }
  const name = argv[i];
  if (name === undefined) {
    await g.out.write(GIT_USAGE);
    return 1;
  }
  return runCommand(g, name, argv.slice(i + 1));
}

async function runCommand(g: Git, name: string, args: string[]): Promise<number> {
  // Configuration and the repository are looked up for every command, as git does.
  const found = await discover(g.sys, (n) => g.getenv(n));
  let repo: Repo | null = null;
  let dubious = false;
  if (found.kind === 'found') {
    if (g.getenv('GIT_DIR') === undefined && !ownedByCaller(g.sys, found, (n) => g.getenv(n))) dubious = true;
    else repo = newRepo(g.sys, found);
  }
  const { set, error } = await loadConfig(g.sys, (n) => g.getenv(n), repo?.gitdir ?? null, g.commandConfig);
  g.config = set;
  if (error instanceof ConfigSyntaxError) return g.die(`bad config line ${error.line} in file ${error.path}`);

  // "git add --help" is "git help add" (a manual page in real git).
  const dd = args.indexOf('--');
  if (args.slice(0, dd < 0 ? args.length : dd).includes('--help') && name !== 'help') return runCommand(g, 'help', [name]);
  const command: Command | undefined = COMMANDS[name];
  if (!command) {
    const alias = g.config.get(`alias.${name}`);
    if (alias !== undefined) return runAlias(g, name, alias, args);
    if (ALL_COMMANDS.includes(name)) return g.die(`'git ${name}' is not supported by Berth's git`);
    return unknownCommand(g, name);
  }
  if (args.includes('-h') && args.length === 1 && command.usage) {
    await g.out.write(command.usage);
    return 129;
  }
  if (command.setup !== 'none' && command.setup !== 'gently') {
    if (found.kind !== 'found') return g.die('not a git repository (or any of the parent directories): .git');
    if (dubious && found.kind === 'found') {
      const path = found.worktree ?? found.gitdir;
      const safe = g.config.entries.filter((e) => e.key === 'safe.directory' && e.scope !== 'local').reduce((ok, e) => (e.value === null || e.value === '' ? false : e.value === '*' || e.value === path ? true : ok), false);
      if (!safe) return g.die(`detected dubious ownership in repository at '${path}'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory ${path}`);
      repo = newRepo(g.sys, found);
      const reload = await loadConfig(g.sys, (n) => g.getenv(n), repo.gitdir, g.commandConfig);
      g.config = reload.set;
    }
    if (command.setup === 'worktree' && repo!.worktree === null) return g.die('this operation must be run in a work tree');
  }
  return command.run(g, args, repo);
}

async function runAlias(g: Git, name: string, alias: string, args: string[]): Promise<number> {
  if (alias.startsWith('!')) {
    const env = [...g.env];
    const script = args.length ? `${alias.slice(1)} "$@"` : alias.slice(1);
    const pid = await spawnp(g.sys, 'sh', { argv: ['sh', '-c', script, alias.slice(1), ...args], env });
    const status = await g.sys.waitpid(pid);
    return status && status.kind === 'exited' ? status.code : 128 + (status && status.kind === 'signaled' ? status.signal : 0);
  }
  const words = alias.trim().split(/\s+/);
  if (words[0] === undefined || words[0] === '') return g.die(`empty alias for ${name}`);
  if (words[0] === name) return g.die(`recursive alias: ${name}`);
  return main(g, [...words, ...args]);
}

/** Everything `git help -a` lists on Alpine, for "The most similar command is". */
const ALL_COMMANDS =
  'add am annotate apply archive bisect blame branch bugreport bundle cat-file check-attr check-ignore check-mailmap check-ref-format checkout checkout--worker checkout-index cherry cherry-pick clean clone column commit commit-graph commit-tree config count-objects credential credential-cache credential-cache--daemon credential-store describe diagnose diff diff-files diff-index diff-tree difftool difftool--helper fast-export fast-import fetch fetch-pack filter-branch fmt-merge-msg for-each-ref for-each-repo format-patch fsck fsck-objects fsmonitor--daemon gc get-tar-commit-id grep hash-object help hook http-backend imap-send index-pack init init-db interpret-trailers log ls-files ls-remote ls-tree mailinfo mailsplit maintenance merge merge-base merge-file merge-index merge-octopus merge-one-file merge-ours merge-recursive merge-resolve merge-subtree merge-tree mergetool mergetool--lib mktag mktree multi-pack-index mv name-rev notes pack-objects pack-redundant pack-refs patch-id prune prune-packed pull push quiltimport range-diff read-tree rebase receive-pack reflog remote remote-ext remote-fd repack replace replay request-pull rerere reset restore rev-list rev-parse revert rm send-pack sh-i18n sh-i18n--envsubst sh-setup shell shortlog show show-branch show-index show-ref sparse-checkout stage stash status stripspace submodule submodule--helper switch symbolic-ref tag unpack-file unpack-objects update-index update-ref update-server-info upload-archive upload-pack var verify-commit verify-pack verify-tag version web--browse whatchanged worktree write-tree'.split(' ');
const COMMON = new Set('add bisect branch clone commit diff fetch grep init log merge mv pull push rebase reset restore rm show status switch tag'.split(' '));

/** git's weighted Damerau-Levenshtein distance (swap 0, substitution 2, insertion 1, deletion 3). */
export function levenshtein(s1: string, s2: string, w = 0, s = 2, a = 1, d = 3): number {
  let row0 = new Array<number>(s2.length + 1).fill(0);
  let row1 = Array.from({ length: s2.length + 1 }, (_, j) => j * a);
  let row2 = new Array<number>(s2.length + 1).fill(0);
  for (let i = 0; i < s1.length; i++) {
    row2[0] = (i + 1) * d;
    for (let j = 0; j < s2.length; j++) {
      row2[j + 1] = row1[j]! + s * (s1[i] !== s2[j] ? 1 : 0);
      if (i > 0 && j > 0 && s1[i - 1] === s2[j] && s1[i] === s2[j - 1] && row2[j + 1]! > row0[j - 1]! + w) row2[j + 1] = row0[j - 1]! + w;
      if (row2[j + 1]! > row1[j + 1]! + d) row2[j + 1] = row1[j + 1]! + d;
      if (row2[j + 1]! > row2[j]! + a) row2[j + 1] = row2[j]! + a;
    }
    [row0, row1, row2] = [row1, row2, row0];
  }
  return row1[s2.length]!;
}

async function unknownCommand(g: Git, name: string): Promise<number> {
  const aliases = g.config.entries.filter((e) => e.key.startsWith('alias.')).map((e) => e.key.slice(6));
  const names = [...new Set([...ALL_COMMANDS, ...aliases])].sort();
  const scored = names.map((c) => ({ c, d: COMMON.has(c) && c.startsWith(name) ? 0 : levenshtein(name, c) + 1 }));
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  let n = 0;
  while (n < scored.length && scored[n]!.d === 0) n++;
  let best: number;
  if (n >= scored.length) best = 8;
  else {
    best = scored[n++]!.d;
    while (n < scored.length && scored[n]!.d === best) n++;
  }
  let text = `git: '${name}' is not a git command. See 'git --help'.\n`;
  if (best < 7) {
    text += n === 1 ? '\nThe most similar command is\n' : '\nThe most similar commands are\n';
    for (let i = 0; i < n; i++) text += `\t${scored[i]!.c}\n`;
  }
  await g.err.write(text);
  return 1;
}
