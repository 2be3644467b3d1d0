/**
 * The 512-byte tar header block: where its fields are, how numbers and
 * strings are written into them, and the checksum. Shared by the reader and
 * the writer; the layouts are those of POSIX ustar, GNU tar and star.
 */
import { fromUtf8 } from '../common/bytes.ts';
import { EngineError } from '../errors.ts';

export const BLOCK_SIZE = 512;

/** A field's [offset, length] inside the block. */
export type Field = readonly [offset: number, length: number];

export const FIELDS = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  checksum: [148, 8],
  typeflag: [156, 1],
  linkname: [157, 100],
  // ustar and later: magic "ustar\0" + version "00" (GNU: "ustar " + " \0").
  magic: [257, 6],
  version: [263, 2],
  uname: [265, 32],
  gname: [297, 32],
  devmajor: [329, 8],
  devminor: [337, 8],
  prefix: [345, 155],
  // star keeps atime/ctime after a shorter prefix, and ends the block with "tar\0".
  starPrefix: [345, 131],
  starTrailer: [508, 4],
} as const satisfies Record<string, Field>;

/** Which dialect a header block is written in, told apart by its magic. */
export type HeaderFormat = 'v7' | 'ustar' | 'gnu' | 'star';

/** Size cap of PAX and GNU long-name contents, as in Go's archive/tar. */
export const MAX_SPECIAL_FILE_SIZE = 1 << 20;

/** Go's archive/tar error texts, which Docker shows as they are. */
export const invalidHeader = (): EngineError => new EngineError('InvalidArgument', 'archive/tar: invalid tar header');
export const unexpectedEOF = (): EngineError => new EngineError('InvalidArgument', 'unexpected EOF');
export const fieldTooLong = (): EngineError => new EngineError('InvalidArgument', 'archive/tar: header field too long');
export const cannotEncode = (why: string): EngineError =>
  new EngineError('InvalidArgument', `archive/tar: cannot encode header: ${why}`);

export function field(block: Uint8Array, [offset, length]: Field): Uint8Array {
  return block.subarray(offset, offset + length);
}

export function isZeroBlock(block: Uint8Array): boolean {
  for (const b of block) if (b !== 0) return false;
  return true;
}

/**
 * The two sums GNU tar accepts: of the bytes read unsigned and signed (old
 * Sun tar summed signed chars), with the checksum field counted as spaces.
 */
export function checksums(block: Uint8Array): { unsigned: number; signed: number } {
  const [start, length] = FIELDS.checksum;
  let unsigned = 0;
  let high = 0; // bytes ≥ 0x80, which count 256 less when summed as signed chars
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (i === start) {
      i += length - 1;
      continue;
    }
    const b = block[i]!;
    unsigned += b;
    if (b >= 0x80) high++;
  }
  unsigned += length * 0x20;
  return { unsigned, signed: unsigned - high * 0x100 };
}

/** Whether the bytes at `offset` spell `text` (ASCII). */
function bytesAre(block: Uint8Array, offset: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (block[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The block's dialect, or null when its checksum is wrong (it is not a header). */
export function headerFormat(block: Uint8Array): HeaderFormat | null {
  let stored: number;
  try {
    stored = parseOctal(field(block, FIELDS.checksum));
  } catch {
    return null;
  }
  const { unsigned, signed } = checksums(block);
  if (stored !== unsigned && stored !== signed) return null;

  const magic = FIELDS.magic[0];
  if (bytesAre(block, magic, 'ustar\0')) return bytesAre(block, FIELDS.starTrailer[0], 'tar\0') ? 'star' : 'ustar';
  if (bytesAre(block, magic, 'ustar ') && bytesAre(block, FIELDS.version[0], ' \0')) return 'gnu';
  return 'v7';
}

/** A NUL-terminated string (the whole field when there is no NUL). */
export function parseString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return fromUtf8(end === -1 ? bytes : bytes.subarray(0, end));
}

/**
 * A numeric field: octal ASCII, or (GNU) base 256 when the first byte has
 * its high bit set — then the rest is a big-endian two's complement number.
 */
export function parseNumeric(bytes: Uint8Array): number {
  if (bytes.length > 0 && (bytes[0]! & 0x80) !== 0) return parseBase256(bytes);
  return parseOctal(bytes);
}

function parseBase256(bytes: Uint8Array): number {
  const negative = (bytes[0]! & 0x40) !== 0;
  const invert = negative ? 0xff : 0;
  let value = 0n;
  bytes.forEach((b, i) => {
    const byte = (b ^ invert) & (i === 0 ? 0x7f : 0xff);
    value = (value << 8n) | BigInt(byte);
  });
  if (negative) value = -value - 1n;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw invalidHeader();
  return Number(value);
}

/** Octal digits, padded with spaces or NULs on either side (as tars in the wild are), up to a NUL. */
function parseOctal(bytes: Uint8Array): number {
  let start = 0;
  let end = bytes.length;
  while (start < end && (bytes[start] === 0x20 || bytes[start] === 0)) start++;
  while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  let value = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) break;
    if (b < 0x30 || b > 0x37) throw invalidHeader();
    value = value * 8 + (b - 0x30);
  }
  if (!Number.isSafeInteger(value)) throw invalidHeader();
  return value;
}

/** Whether `value` can be written in octal in a field of `length` bytes, leaving room for the NUL. */
export function fitsInOctal(length: number, value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value < 8 ** (length - 1);
}

/**
 * Writes `value` as zero-padded octal followed by a NUL ("0000644\0"), like
 * Go's archive/tar; a value that does not fit is written as 0 (the PAX
 * record beside it carries the real one).
 */
export function formatOctal(block: Uint8Array, where: Field, value: number): void {
  const [, length] = where;
  const digits = fitsInOctal(length, value) ? value.toString(8) : '0';
  formatString(block, where, asciiBytes(digits.padStart(length - 1, '0')));
}

/**
 * Copies `bytes` into the field, NUL-terminated when there is room, cut
 * short when there is not. As Go does, a cut that would end in "/" ends
 * before the slashes instead, so that a file is never mistaken for a directory.
 */
export function formatString(block: Uint8Array, where: Field, bytes: Uint8Array): void {
  const dest = field(block, where);
  dest.set(bytes.subarray(0, dest.length));
  if (bytes.length < dest.length) dest[bytes.length] = 0;
  if (bytes.length > dest.length && dest[dest.length - 1] === 0x2f) {
    let n = dest.length - 1;
    while (n > 0 && dest[n - 1] === 0x2f) n--;
    dest[n] = 0;
  }
}

/** Fills in the checksum the way Go's archive/tar does: six octal digits, a NUL, a space. */
export function writeChecksum(block: Uint8Array): void {
  const sum = checksums(block).unsigned;
  field(block, FIELDS.checksum).set(asciiBytes(sum.toString(8).padStart(6, '0') + '\0 '));
}

export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

