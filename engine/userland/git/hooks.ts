/**
 * Hooks: programs in .git/hooks (or core.hooksPath) that git runs at set
 * moments — pre-commit before a commit is made (non-zero stops it),
 * commit-msg with the message file (non-zero stops it; it may edit the
 * file), post-commit afterwards (its status is ignored).
 *
 * They are real processes: the kernel execs the file (a "#!" line names the
 * interpreter; without one git falls back to /bin/sh), from the top of the
 * work tree, with stdin from /dev/null and stdout sent to stderr, as git
 * does. A hook file that is not executable is skipped, with git's hint.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { putenv } from '../lib/system-exec.ts';
import { rethrowControl, type Git } from './context.ts';
import type { Repo } from './repo.ts';

/** Where git looks for the hook; "" paths shown relative to the work tree, as git prints them. */
function hookPath(g: Git, repo: Repo, name: string): { path: string; shown: string } {
  const configured = g.config.get('core.hookspath');
  const top = repo.worktree ?? repo.gitdir;
  const dir = configured ? (configured.startsWith('/') ? configured : `${top}/${configured}`) : `${repo.gitdir}/hooks`;
  const path = `${dir}/${name}`;
  const shown = path.startsWith(top + '/') ? path.slice(top.length + 1) : path;
  return { path, shown };
}

/** Hooks already warned about in this run of git. */
const warned = new WeakMap<Git, Set<string>>();

/**
 * Runs hook `name` with `args`; returns its exit status, or null when there
 * is no (runnable) hook.
 */
export async function runHook(g: Git, repo: Repo, name: string, args: string[], extraEnv: string[] = []): Promise<number | null> {
  const { path, shown } = hookPath(g, repo, name);
  try {
    g.sys.stat(path);
  } catch (err) {
    rethrowControl(err);
    return null;
  }
  try {
    g.sys.access(path, 1);
  } catch (err) {
    rethrowControl(err);
    const seen = warned.get(g) ?? new Set<string>();
    warned.set(g, seen);
    if (g.adviceEnabled('ignoredHook') && !seen.has(path)) {
      seen.add(path);
      await g.advise(`The '${shown}' hook was ignored because it's not set as executable.\nYou can disable this warning with \`git config advice.ignoredHook false\`.`);
    }
    return null;
  }
  await g.out.flush();
  const env = [...g.env];
  for (const e of extraEnv) putenv(env, e);
  const devnull = g.sys.open('/dev/null', 'r');
  const cwd = repo.worktree ?? repo.gitdir;
  const fds = { 0: devnull, 1: 2, 2: 2 };
  let pid: number;
  try {
    try {
      pid = await g.sys.spawn(path, { argv: [shown, ...args], env, cwd, fds });
    } catch (err) {
      // A script without "#!": git runs it with the shell.
      if (!(err instanceof FsError) || err.code !== 'ENOEXEC') throw err;
      pid = await g.sys.spawn('/bin/sh', { argv: ['/bin/sh', shown, ...args], env, cwd, fds });
    }
  } catch (err) {
    rethrowControl(err);
    if (err instanceof FsError) {
      await g.error(`cannot exec '${shown}': ${strerror(err.code)}`);
      return 1;
    }
    throw err;
  } finally {
    g.sys.close(devnull);
  }
  const status = await g.sys.waitpid(pid);
  if (!status) return 1;
  if (status.kind === 'exited') return status.code;
  if (status.kind === 'signaled') return 128 + status.signal;
  return 1;
}
