/**
 * Errors as Node's libuv-backed modules make them: the message names the
 * code, libuv's text and the operation (`ENOENT: no such file or directory,
 * open '/x'`, `listen EADDRINUSE: address already in use :::3000`), and the
 * error carries errno (negative), code and syscall.
 */
import { errnoTable, FsError, type Errno } from '../../fs/errno.ts';
import { kNodeFrames, kNodeSite, kNodeTail } from './stack.ts';

/** libuv's uv_strerror texts (Node prints these, not the C library's). */
const UV_TEXT: Partial<Record<Errno, string>> = {
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  EINTR: 'interrupted system call',
  EIO: 'i/o error',
  EBADF: 'bad file descriptor',
  EAGAIN: 'resource temporarily unavailable',
  ENOMEM: 'not enough memory',
  EACCES: 'permission denied',
  EBUSY: 'resource busy or locked',
  EEXIST: 'file already exists',
  EXDEV: 'cross-device link not permitted',
  ENOTDIR: 'not a directory',
  EISDIR: 'illegal operation on a directory',
  EINVAL: 'invalid argument',
  EMFILE: 'too many open files',
  ENOTTY: 'inappropriate ioctl for device',
  ETXTBSY: 'text file is busy',
  EFBIG: 'file too large',
  ENOSPC: 'no space left on device',
  ESPIPE: 'invalid seek',
  EROFS: 'read-only file system',
  EMLINK: 'too many links',
  EPIPE: 'broken pipe',
  ENAMETOOLONG: 'name too long',
  ENOSYS: 'function not implemented',
  ENOTEMPTY: 'directory not empty',
  ELOOP: 'too many symbolic links encountered',
  ENOTSOCK: 'socket operation on non-socket',
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available',
  ENETDOWN: 'network is down',
  ENETUNREACH: 'network is unreachable',
  ECONNABORTED: 'software caused connection abort',
  ECONNRESET: 'connection reset by peer',
  ENOTCONN: 'socket is not connected',
  ETIMEDOUT: 'connection timed out',
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'host is unreachable',
};

export type NodeError = Error & { errno?: number; code?: string; syscall?: string; path?: string; dest?: string; address?: string; port?: number; hostname?: string };

const uvText = (code: Errno) => UV_TEXT[code] ?? errnoTable[code][1].toLowerCase();
const codeOf = (err: unknown): Errno => (err instanceof FsError ? err.code : 'EIO');

/** An fs error: `ENOENT: no such file or directory, open '/x'`, with errno, code, syscall, path. */
export function fsException(err: unknown, syscall: string, path?: string, dest?: string): NodeError {
  const code = codeOf(err);
  const e: NodeError = new Error(`${code}: ${uvText(code)}, ${syscall}${path !== undefined ? ` '${path}'` : ''}${dest !== undefined ? ` -> '${dest}'` : ''}`);
  e.errno = -errnoTable[code][0];
  e.code = code;
  e.syscall = syscall;
  if (path !== undefined) e.path = path;
  if (dest !== undefined) e.dest = dest;
  return e;
}

/** A socket error: `connect ECONNREFUSED 127.0.0.1:3000`. */
export function netException(err: unknown, syscall: string, address?: string, port?: number): NodeError {
  const code = codeOf(err);
  const where = address !== undefined ? ` ${address}${port !== undefined ? `:${port}` : ''}` : '';
  const e: NodeError = new Error(`${syscall} ${code}${syscall === 'listen' || syscall === 'bind' ? `: ${uvText(code)}` : ''}${where}`);
  e.errno = -errnoTable[code][0];
  e.code = code;
  e.syscall = syscall;
  if (address !== undefined) e.address = address;
  if (port !== undefined) e.port = port;
  return e;
}

/** A failed name lookup: `getaddrinfo ENOTFOUND db`. */
export function dnsException(hostname: string, code: 'ENOTFOUND' | 'EAI_AGAIN' = 'ENOTFOUND'): NodeError {
  const e: NodeError = new Error(`getaddrinfo ${code} ${hostname}`);
  e.errno = code === 'ENOTFOUND' ? -3008 : -3001;
  e.code = code;
  e.syscall = 'getaddrinfo';
  e.hostname = hostname;
  return e;
}

/** An error of Node's argument checks: `TypeError [ERR_INVALID_ARG_TYPE]: …`. */
export function codeError<E extends Error>(Base: new (message: string) => E, code: string, message: string): E & { code: string } {
  const e = new Base(message) as E & { code: string };
  e.code = code;
  // Node shows the code in the name part of the stack: "TypeError [ERR_X]: message".
  if (typeof e.stack === 'string') e.stack = e.stack.replace(/^(\w+)/, `$1 [${code}]`);
  return e;
}

/** Marks an error with the Node-internal frames and source line real Node shows for it. */
export function nodeFrames<E extends Error>(err: E, frames: string[], site?: string, tail?: string[]): E {
  Object.defineProperty(err, kNodeFrames, { value: frames, enumerable: false, configurable: true });
  if (tail !== undefined) Object.defineProperty(err, kNodeTail, { value: tail, enumerable: false, configurable: true });
  if (site !== undefined) Object.defineProperty(err, kNodeSite, { value: site, enumerable: false, configurable: true });
  return err;
}
