/**
 * Node's stream classes as names only: memfs defines its ReadStream and
 * WriteStream on them when it loads; Berth's engine never uses those.
 */
import { EventEmitter } from './events.ts';

export class Stream extends EventEmitter {}
export class Readable extends Stream {
  constructor(_options?: unknown) {
    super();
  }
}
export class Writable extends Stream {
  constructor(_options?: unknown) {
    super();
  }
}
export class Duplex extends Readable {}
export class Transform extends Duplex {}
export class PassThrough extends Transform {}
export default { Stream, Readable, Writable, Duplex, Transform, PassThrough };
