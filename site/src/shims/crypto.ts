/** node:crypto's randomBytes for browser bundles (memfs names temporary files with it). */
import { Buffer } from 'buffer';

export function randomBytes(n: number): Buffer {
  const b = new Uint8Array(n);
  globalThis.crypto.getRandomValues(b);
  return Buffer.from(b);
}
export default { randomBytes };
