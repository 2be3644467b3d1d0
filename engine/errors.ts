/**
 * Errors are values with a code and Docker's own message.
 *
 * The code says what kind of failure it is (the same kinds as containerd's and
 * moby's errdefs), which decides the Engine API status; the message is exactly
 * what Docker would put after "Error response from daemon: ".
 *
 *     throw new EngineError('NotFound', 'No such image: alpine:3.99');
 */
export type ErrorCode =
  | 'InvalidArgument'
  | 'NotFound'
  | 'Conflict'
  | 'AlreadyExists'
  | 'FailedPrecondition'
  | 'Unauthorized'
  | 'PermissionDenied'
  | 'Unavailable'
  | 'NotImplemented'
  | 'ResourceExhausted'
  | 'Canceled'
  | 'DataLoss'
  | 'Internal';

/** Engine API status code for each kind (moby's errdefs → HTTP mapping). */
export const httpStatus: Readonly<Record<ErrorCode, number>> = {
  InvalidArgument: 400,
  NotFound: 404,
  Conflict: 409,
  AlreadyExists: 409,
  FailedPrecondition: 412,
  Unauthorized: 401,
  PermissionDenied: 403,
  Unavailable: 503,
  NotImplemented: 501,
  ResourceExhausted: 500,
  Canceled: 499,
  DataLoss: 500,
  Internal: 500,
};

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The Engine API status this error is answered with. */
  get status(): number {
    return httpStatus[this.code];
  }
}

/** True when `err` is an EngineError, optionally of the given kind. */
export function isEngineError(err: unknown, code?: ErrorCode): err is EngineError {
  return err instanceof EngineError && (code === undefined || err.code === code);
}

/** Shorthands that read like the sentence they throw. */
export const notFound = (message: string): EngineError => new EngineError('NotFound', message);
export const invalidArgument = (message: string): EngineError => new EngineError('InvalidArgument', message);
export const conflict = (message: string): EngineError => new EngineError('Conflict', message);
