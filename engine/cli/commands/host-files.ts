/**
 * Files on the learner's host as the docker client reads and writes them
 * (through the emulated process's syscalls), with Go's error wording:
 * `open x.tar: no such file or directory`.
 */
import { concatBytes } from '../../common/bytes.ts';
import { FsError } from '../../fs/errno.ts';
import { strerror } from '../../fs/errno.ts';
import type { Cli } from '../cli.ts';

/** Go's text for an errno ("no such file or directory"), or the error's message. */
export function goErrno(err: unknown): string {
  if (err instanceof FsError) {
    const text = strerror(err.code);
    return text.charAt(0).toLowerCase() + text.slice(1);
  }
  return err instanceof Error ? err.message : String(err);
}

/** Reads a whole file; throws Go's `open PATH: …` error text as an Error. */
export async function readHostFile(cli: Cli, path: string): Promise<Uint8Array> {
  let fd: number;
  try {
    fd = cli.sys.open(path, 'r');
  } catch (err) {
    throw new Error(`open ${path}: ${goErrno(err)}`);
  }
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      let chunk: Uint8Array;
      try {
        chunk = await cli.sys.read(fd, 1 << 20);
      } catch (err) {
        throw new Error(`read ${path}: ${goErrno(err)}`);
      }
      if (chunk.length === 0) break;
      chunks.push(chunk);
    }
  } finally {
    cli.sys.close(fd);
  }
  return concatBytes(chunks);
}

/** Writes a file as Go's CreateTemp + Rename: created in the same directory, then moved over PATH. */
export async function writeHostFile(cli: Cli, path: string, data: Uint8Array, mode: number, options: { mkdirMode?: number } = {}): Promise<void> {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.';
  if (options.mkdirMode !== undefined) {
    let cur = dir.startsWith('/') ? '' : '.';
    for (const part of dir.split('/').filter(Boolean)) {
      cur += `/${part}`;
      try {
        cli.sys.mkdir(cur, options.mkdirMode);
      } catch (err) {
        if (!(err instanceof FsError && err.code === 'EEXIST')) throw new Error(`mkdir ${cur}: ${goErrno(err)}`);
      }
    }
  }
  let perm = mode;
  try {
    perm = cli.sys.stat(path).mode & 0o7777;
  } catch {
    // a new file
  }
  const tmp = `${dir}/${path.slice(path.lastIndexOf('/') + 1)}${Math.floor(Math.random() * 4294967295)}`;
  let fd: number;
  try {
    fd = cli.sys.open(tmp, { read: false, write: true, create: true, exclusive: true }, 0o600);
  } catch (err) {
    throw new Error(`open ${tmp}: ${goErrno(err)}`);
  }
  try {
    if (data.length > 0) await cli.sys.write(fd, data);
  } finally {
    cli.sys.close(fd);
  }
  cli.sys.chmod(tmp, perm);
  cli.sys.rename(tmp, path);
}

/** Reads standard input to its end. */
export async function readStdinBytes(cli: Cli): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const chunk = await cli.sys.read(0, 1 << 20);
    if (chunk.length === 0) break;
    chunks.push(chunk);
  }
  return concatBytes(chunks);
}
