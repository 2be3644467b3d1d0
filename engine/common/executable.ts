/**
 * How an emulated program is stored in an image.
 *
 * Real images hold x86 machine code; Berth's hold a short text file that names
 * the TypeScript program the emulated kernel runs for it. `exec` reads the first
 * bytes: "#!" means a script, this magic means a Berth program, anything else is
 * "Exec format error" (ENOEXEC), as Linux says for a binary it cannot run.
 *
 *     \x7fBERTH\n
 *     program=busybox
 *     version=1.36.1
 *
 * `program` names an implementation in engine/userland (multi-call programs such
 * as busybox pick the applet from argv[0], like the real ones). Because the
 * machine code is missing, these files, and so the images, are much smaller
 * than Docker's: alpine is kilobytes here, not 7.8 MB.
 */
import { fromUtf8, utf8 } from './bytes.ts';

export const EXECUTABLE_MAGIC = '\x7fBERTH\n';

export interface ExecutableInfo {
  program: string;
  version?: string;
  /** Any further key=value lines. */
  [key: string]: string | undefined;
}

export function encodeExecutable(info: ExecutableInfo): Uint8Array {
  let text = EXECUTABLE_MAGIC;
  for (const [key, value] of Object.entries(info)) {
    if (value === undefined) continue;
    if (!/^[a-z][a-z0-9_-]*$/.test(key) || value.includes('\n')) {
      throw new Error(`executable: bad field ${key}`);
    }
    text += `${key}=${value}\n`;
  }
  return utf8(text);
}

/** Returns the program description, or null when the bytes are not a Berth program. */
export function decodeExecutable(head: Uint8Array): ExecutableInfo | null {
  const magic = utf8(EXECUTABLE_MAGIC);
  if (head.length < magic.length) return null;
  for (let i = 0; i < magic.length; i++) if (head[i] !== magic[i]) return null;
  const info: Record<string, string> = {};
  for (const line of fromUtf8(head.subarray(magic.length)).split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) info[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return typeof info.program === 'string' ? (info as ExecutableInfo) : null;
}
