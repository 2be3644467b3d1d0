/** node:util for browser bundles: the few helpers Node-style packages reach for. */
export const inherits = (ctor: { prototype: object }, superCtor: { prototype: object }): void => {
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
};
export const promisify = <T>(f: (...args: unknown[]) => void) => (...args: unknown[]) =>
  new Promise<T>((res, rej) => f(...args, (err: unknown, v: T) => (err ? rej(err) : res(v))));
export const inspect = (v: unknown): string => {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};
export const format = (...a: unknown[]): string => a.map((x) => (typeof x === 'string' ? x : inspect(x))).join(' ');
export const TextEncoder = globalThis.TextEncoder;
export const TextDecoder = globalThis.TextDecoder;
export default { inherits, promisify, inspect, format, TextEncoder, TextDecoder };
