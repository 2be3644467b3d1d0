/**
 * Running commands from a program, as libc's execvp and busybox's
 * spawn_and_wait do it: a name without a slash is looked up in each PATH
 * directory in turn; EACCES from one directory is remembered but the search
 * goes on; the result is ENOENT only if nothing was found anywhere.
 *
 *     const pid = await spawnvp(sys, ['echo', 'hi']);
 *     const st = await waitExit(sys, pid);   // { code: 0 } or { signal: 9 }
 */
import { FsError } from '../../fs/errno.ts';
import { isProcessControl, type SpawnOptions, type Sys } from '../../kernel/sys.ts';

/** musl's default search path when PATH is unset. */
const DEFAULT_PATH = '/usr/local/bin:/bin:/usr/bin';

function getenv(sys: Sys, name: string): string | undefined {
  const prefix = name + '=';
  for (let i = sys.env.length - 1; i >= 0; i--) if (sys.env[i]!.startsWith(prefix)) return sys.env[i]!.slice(prefix.length);
  return undefined;
}

/** fork + execvp: starts argv[0] found on PATH. Throws FsError (ENOENT, EACCES, ENOEXEC…) when it cannot run. */
export async function spawnvp(sys: Sys, argv: string[], options: Omit<SpawnOptions, 'argv' | 'env'> & { env?: string[] } = {}): Promise<number> {
  const file = argv[0] ?? '';
  const opts: SpawnOptions = { ...options, argv, env: options.env ?? [...sys.env] };
  if (file === '') throw new FsError('ENOENT', 'execve');
  if (file.includes('/')) return sys.spawn(file, opts);
  let sawEacces = false;
  for (const dir of (getenv(sys, 'PATH') ?? DEFAULT_PATH).split(':')) {
    const path = (dir === '' ? '.' : dir) + '/' + file;
    try {
      return await sys.spawn(path, opts);
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      if (e.code === 'EACCES') sawEacces = true;
      else if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR' && e.code !== 'ENAMETOOLONG' && e.code !== 'ELOOP') throw e;
    }
  }
  throw new FsError(sawEacces ? 'EACCES' : 'ENOENT', 'execve', file);
}

export type ExitInfo = { code: number; signal?: undefined } | { signal: number; code?: undefined };

/** waitpid for one child until it exits or is killed. */
export async function waitExit(sys: Sys, pid: number): Promise<ExitInfo & { pid: number }> {
  for (;;) {
    const st = await sys.waitpid(pid);
    if (!st) continue;
    if (st.kind === 'exited') return { pid: st.pid, code: st.code };
    if (st.kind === 'signaled') return { pid: st.pid, signal: st.signal };
  }
}
