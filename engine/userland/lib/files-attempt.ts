/**
 * For system calls whose failure is an answer ("is it there?", "is it a
 * directory?"): the result, or undefined when the call fails with an errno.
 * Anything else — a process being killed — goes on up.
 *
 *     const st = attempt(() => sys.stat(path));
 *     if (st && isDir(st.mode)) …
 */
import { FsError } from '../../fs/errno.ts';

export function attempt<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch (e) {
    if (e instanceof FsError) return undefined;
    throw e;
  }
}
