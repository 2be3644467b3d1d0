/**
 * execve's loader: from a path to something to run.
 *
 * The first bytes of the file decide, as in Linux's binfmt handlers:
 * - "#!" is a script: the rest of the line names an interpreter and at most
 *   one argument; the interpreter is loaded instead, with the script's path
 *   inserted into argv (`#!/bin/sh -e` + `./x a` runs `/bin/sh -e ./x a`);
 * - Berth's executable magic names a TypeScript program (see
 *   engine/common/executable.ts), found through the userland's resolver;
 * - anything else is ENOEXEC, "Exec format error"; a shell then runs the
 *   file as a script itself, as POSIX asks.
 */
import { decodeExecutable } from '../common/executable.ts';
import { fromUtf8 } from '../common/bytes.ts';
import { FsError } from '../fs/errno.ts';
import { S_IFMT, S_IFREG } from '../fs/types.ts';
import { X_OK, permits, type Cred, type Vfs } from '../fs/vfs.ts';
import type { Image } from './process.ts';
import type { Program, ProgramResolver } from './sys.ts';

const HEAD = 256;
const MAX_INTERPRETER_DEPTH = 4;

/** Baseline memory of a program, declared on the function: `sh.rss = 400 * 1024`. */
export type ProgramWithRss = Program & { rss?: number };

export async function loadImage(
  vfs: Vfs,
  cred: Cred,
  cwd: string,
  path: string,
  argv: string[],
  env: string[],
  programs: ProgramResolver,
  depth = 0,
  /** Linux names the task after the file execve was given (the script, not its interpreter; not argv[0]). */
  comm = (path.split('/').pop() ?? path).slice(0, 15),
): Promise<Image> {
  const loc = vfs.walk(path, cred, cwd, { follow: true, syscall: 'execve' });
  const st = loc.fs.lstat(loc.path);
  if ((st.mode & S_IFMT) !== S_IFREG) throw new FsError('EACCES', 'execve', path);
  if (!permits(st, cred, X_OK)) throw new FsError('EACCES', 'execve', path);
  const handle = loc.fs.open(loc.path, 'r');
  const head = new Uint8Array(Math.min(HEAD, st.size));
  try {
    handle.read(head, 0);
  } finally {
    handle.close();
  }

  if (head[0] === 0x23 && head[1] === 0x21) {
    if (depth >= MAX_INTERPRETER_DEPTH) throw new FsError('ELOOP', 'execve', path);
    let line = fromUtf8(head.subarray(2));
    const nl = line.indexOf('\n');
    if (nl >= 0) line = line.slice(0, nl);
    line = line.replace(/^[ \t]+|[ \t]+$/g, '');
    if (line === '') throw new FsError('ENOEXEC', 'execve', path);
    const split = /^(\S+)(?:[ \t]+(.*))?$/.exec(line)!;
    const interpreter = split[1]!;
    const arg = split[2];
    const args = [interpreter, ...(arg !== undefined && arg !== '' ? [arg] : []), path, ...argv.slice(1)];
    return loadImage(vfs, cred, cwd, interpreter, args, env, programs, depth + 1, comm);
  }

  const info = decodeExecutable(head);
  if (!info) throw new FsError('ENOEXEC', 'execve', path);
  const program = await programs({ program: info.program, applet: info.applet, path: loc.vfsPath });
  if (!program) throw new FsError('ENOEXEC', 'execve', path);
  return { program, path: loc.vfsPath, argv, env, comm };
}
