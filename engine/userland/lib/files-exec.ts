/**
 * Running another program the way busybox's spawn_and_wait does (find
 * -exec): look it up in $PATH like execvp, run it with our stdio, wait.
 */
import { FsError } from '../../fs/errno.ts';
import { isDir } from '../../fs/types.ts';
import type { Sys } from '../../kernel/sys.ts';

/** musl's default when PATH is unset. */
const DEFAULT_PATH = '/usr/local/bin:/bin:/usr/bin';
const X_OK = 1;

/** The file execvp would run for `name`; throws ENOENT (or EACCES) when there is none. */
export function lookPath(sys: Sys, name: string, path: string | undefined): string {
  if (name.includes('/')) return name;
  let denied = false;
  for (const dir of (path ?? DEFAULT_PATH).split(':')) {
    const candidate = (dir === '' ? '.' : dir) + '/' + name;
    try {
      if (isDir(sys.stat(candidate).mode)) continue;
      sys.access(candidate, X_OK);
      return candidate;
    } catch (e) {
      if (e instanceof FsError && e.code === 'EACCES') denied = true;
    }
  }
  throw new FsError(denied ? 'EACCES' : 'ENOENT', 'execvp', name);
}

/** Runs argv and returns its exit status (128+signal if killed). Throws if it cannot be started. */
export async function spawnAndWait(sys: Sys, argv: string[], path: string | undefined): Promise<number> {
  const file = lookPath(sys, argv[0]!, path);
  const pid = await sys.spawn(file, { argv, env: [...sys.env] });
  for (;;) {
    const st = await sys.waitpid(pid);
    if (!st) continue;
    if (st.kind === 'exited') return st.code;
    if (st.kind === 'signaled') return 128 + st.signal;
  }
}
