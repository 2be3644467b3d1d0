/** How programs complain: "applet: what: Error text", as busybox's bb_perror_msg does. */
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import type { Output } from './io.ts';

export { isProcessControl };

/** The strerror text for an errno error; the message for anything else. Rethrows process control. */
export function errorText(err: unknown): string {
  if (isProcessControl(err)) throw err;
  if (err instanceof FsError) return strerror(err.code);
  return err instanceof Error ? err.message : String(err);
}

/** `applet: message` on stderr. */
export async function complain(err: Output, applet: string, message: string): Promise<void> {
  await err.write(`${applet}: ${message}\n`);
}

/** `applet: path: No such file or directory` on stderr. */
export async function complainAbout(err: Output, applet: string, path: string, error: unknown): Promise<void> {
  await err.write(`${applet}: ${path}: ${errorText(error)}\n`);
}

export const isErrno = (err: unknown, code: string): boolean => err instanceof FsError && err.code === code;
