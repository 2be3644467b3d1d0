/**
 * awk works on bytes, as busybox's does: `length("é")` is 2, `substr` cuts
 * bytes, `toupper` changes ASCII letters only. Inside the interpreter a
 * string is a JavaScript string whose every char code is one byte (0–255),
 * "latin1" style; text crosses into it from UTF-8 (the program, argv, the
 * environment) and back out as bytes.
 */
import { fromUtf8, utf8 } from '../../common/bytes.ts';

/** Bytes as a byte string. */
export function fromBytes(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** A byte string's bytes. */
export function toBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Text (UTF-16, as JavaScript has it) as the byte string of its UTF-8. */
export const fromText = (text: string): string => (/^[\x00-\x7f]*$/.test(text) ? text : fromBytes(utf8(text)));

/** A byte string read as UTF-8 text: for paths, commands and the like. */
export const toText = (s: string): string => (/^[\x00-\x7f]*$/.test(s) ? s : fromUtf8(toBytes(s)));
