/**
 * Filesystem errors, named and numbered as on Linux (x86-64).
 *
 * Programs see the number (as a negative syscall return); people see the
 * text, e.g. `ls: /x: No such file or directory`. Node's fs shows the same
 * codes, which makes differential tests against the real kernel easy.
 */
export const errnoTable = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  ESRCH: [3, 'No such process'],
  EINTR: [4, 'Interrupted system call'],
  EIO: [5, 'I/O error'],
  ENXIO: [6, 'No such device or address'],
  E2BIG: [7, 'Argument list too long'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  ECHILD: [10, 'No child process'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Out of memory'],
  EACCES: [13, 'Permission denied'],
  EFAULT: [14, 'Bad address'],
  ENOTBLK: [15, 'Block device required'],
  EBUSY: [16, 'Resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'No file descriptors available'],
  ENOTTY: [25, 'Not a tty'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Invalid seek'],
  EROFS: [30, 'Read-only file system'],
  EMLINK: [31, 'Too many links'],
  EPIPE: [32, 'Broken pipe'],
  ERANGE: [34, 'Result not representable'],
  EDEADLK: [35, 'Resource deadlock would occur'],
  ENAMETOOLONG: [36, 'Filename too long'],
  ENOSYS: [38, 'Function not implemented'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Symbolic link loop'],
  ENODATA: [61, 'No data available'],
  ENOTSOCK: [88, 'Not a socket'],
  EDESTADDRREQ: [89, 'Destination address required'],
  EMSGSIZE: [90, 'Message too large'],
  EPROTOTYPE: [91, 'Protocol wrong type for socket'],
  ENOPROTOOPT: [92, 'Protocol not available'],
  EPROTONOSUPPORT: [93, 'Protocol not supported'],
  ENOTSUP: [95, 'Not supported'],
  EAFNOSUPPORT: [97, 'Address family not supported by protocol'],
  EADDRINUSE: [98, 'Address in use'],
  EADDRNOTAVAIL: [99, 'Address not available'],
  ENETDOWN: [100, 'Network is down'],
  ENETUNREACH: [101, 'Network unreachable'],
  ECONNABORTED: [103, 'Connection aborted'],
  ECONNRESET: [104, 'Connection reset by peer'],
  EISCONN: [106, 'Socket is connected'],
  ENOTCONN: [107, 'Socket not connected'],
  ETIMEDOUT: [110, 'Operation timed out'],
  ECONNREFUSED: [111, 'Connection refused'],
  EHOSTUNREACH: [113, 'Host is unreachable'],
  EALREADY: [114, 'Operation already in progress'],
  EINPROGRESS: [115, 'Operation in progress'],
} as const satisfies Record<string, readonly [number, string]>;
// The texts are musl's strerror (what busybox on alpine prints), not glibc's.

export type Errno = keyof typeof errnoTable;

export class FsError extends Error {
  override readonly name = 'FsError';
  constructor(
    readonly code: Errno,
    readonly syscall: string,
    readonly path?: string,
    readonly dest?: string,
  ) {
    // An errno is a result, not a bug: no stack trace (capturing one costs more than most lookups that fail).
    const E = Error as { stackTraceLimit?: number };
    const limit = E.stackTraceLimit;
    E.stackTraceLimit = 0;
    super(`${code}: ${errnoTable[code][1]}, ${syscall}${path !== undefined ? ` '${path}'` : ''}${dest !== undefined ? ` -> '${dest}'` : ''}`);
    E.stackTraceLimit = limit;
  }

  get errno(): number {
    return errnoTable[this.code][0];
  }
}

export function strerror(code: Errno): string {
  return errnoTable[code][1];
}

export function isFsError(err: unknown, code?: Errno): err is FsError {
  return err instanceof FsError && (code === undefined || err.code === code);
}
