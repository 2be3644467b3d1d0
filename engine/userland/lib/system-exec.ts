/**
 * Running other programs the way musl's libc does it for busybox: the
 * environment as a list of "NAME=value" strings (setenv, unsetenv, putenv),
 * `execvp`'s search of $PATH, and libbb's `find_executable` (for which).
 *
 *     const env = [...sys.env];
 *     putenv(env, 'GREETING=hi');
 *     await execvp(sys, 'printenv', ['printenv', 'GREETING'], env); // never returns
 */
import { FsError } from '../../fs/errno.ts';
import { S_IFMT, S_IFREG } from '../../fs/types.ts';
import { isProcessControl, type SpawnOptions, type Sys } from '../../kernel/sys.ts';

/** musl's default when PATH is unset. */
export const DEFAULT_EXEC_PATH = '/usr/local/bin:/bin:/usr/bin';

export function getenv(env: readonly string[], name: string): string | undefined {
  const prefix = name + '=';
  for (const e of env) if (e.startsWith(prefix)) return e.slice(prefix.length);
  return undefined;
}

/** setenv(name, value, 1): replaces the variable where it stands, or appends it. */
export function setenv(env: string[], name: string, value: string): void {
  const prefix = name + '=';
  const i = env.findIndex((e) => e.startsWith(prefix));
  if (i >= 0) env[i] = prefix + value;
  else env.push(prefix + value);
}

export function unsetenv(env: string[], name: string): void {
  const prefix = name + '=';
  for (let i = env.length - 1; i >= 0; i--) if (env[i]!.startsWith(prefix)) env.splice(i, 1);
}

/**
 * putenv: "NAME=value" sets, a bare "NAME" unsets (musl's extension, which
 * `env -u` relies on). Returns false where musl fails with EINVAL (empty name).
 */
export function putenv(env: string[], entry: string): boolean {
  const eq = entry.indexOf('=');
  const name = eq < 0 ? entry : entry.slice(0, eq);
  if (name === '') return false;
  if (eq < 0) unsetenv(env, name);
  else setenv(env, name, entry.slice(eq + 1));
  return true;
}

/** The places musl's execvp tries for `file`, in order ("" entries mean the current directory). */
function candidates(file: string, path: string): string[] {
  return path.split(':').map((dir) => (dir === '' ? file : `${dir}/${file}`));
}

/**
 * execvp as musl implements it: a name with a slash is executed directly;
 * otherwise each $PATH entry (from `env`, the new environment) is tried.
 * EACCES from any entry is remembered and reported if nothing else works;
 * errors other than ENOENT/ENOTDIR/EACCES stop the search. Throws the
 * FsError to report; never returns on success.
 */
export async function execvp(sys: Sys, file: string, argv: string[], env: string[]): Promise<never> {
  if (file === '') throw new FsError('ENOENT', 'execve', file);
  if (file.includes('/')) return sys.exec(file, argv, env);
  let sawEacces = false;
  for (const path of candidates(file, getenv(env, 'PATH') ?? DEFAULT_EXEC_PATH)) {
    try {
      await sys.exec(path, argv, env);
    } catch (err) {
      if (isProcessControl(err) || !(err instanceof FsError)) throw err;
      if (err.code === 'EACCES') sawEacces = true;
      else if (err.code !== 'ENOENT' && err.code !== 'ENOTDIR') throw err;
    }
  }
  throw new FsError(sawEacces ? 'EACCES' : 'ENOENT', 'execve', file);
}

/** posix_spawnp: the same search as execvp, starting a child instead. Returns its pid. */
export async function spawnp(sys: Sys, file: string, options: SpawnOptions): Promise<number> {
  if (file === '') throw new FsError('ENOENT', 'execve', file);
  if (file.includes('/')) return sys.spawn(file, options);
  let sawEacces = false;
  for (const path of candidates(file, getenv(options.env, 'PATH') ?? DEFAULT_EXEC_PATH)) {
    try {
      return await sys.spawn(path, options);
    } catch (err) {
      if (isProcessControl(err) || !(err instanceof FsError)) throw err;
      if (err.code === 'EACCES') sawEacces = true;
      else if (err.code !== 'ENOENT' && err.code !== 'ENOTDIR') throw err;
    }
  }
  throw new FsError(sawEacces ? 'EACCES' : 'ENOENT', 'execve', file);
}

/** libbb's file_is_executable: executable by us (access X_OK) and a regular file. */
export function isExecutableFile(sys: Sys, path: string): boolean {
  try {
    sys.access(path, 1);
    return (sys.stat(path).mode & S_IFMT) === S_IFREG;
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return false;
  }
}

/**
 * libbb's find_executable over a whole $PATH: every match, in order (which
 * prints the first, `which -a` all). Empty entries mean ".".
 */
export function findExecutables(sys: Sys, name: string, path: string): string[] {
  const found: string[] = [];
  for (const dir of path.split(':')) {
    const base = dir === '' ? '.' : dir;
    const file = base.endsWith('/') ? base + name.replace(/^\/+/, '') : `${base}/${name.replace(/^\/+/, '')}`;
    if (isExecutableFile(sys, file)) found.push(file);
  }
  return found;
}
