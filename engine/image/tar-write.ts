/**
 * Writing tar archives, deterministically (the same entries give the same
 * bytes, so the same layer gets the same digest) and in the shape Go's
 * archive/tar gives them, so that Berth's layers look like Docker's: ustar
 * headers, and a PAX 'x' header before an entry only when ustar cannot
 * describe it.
 */
import { concatBytes, utf8 } from '../common/bytes.ts';
import { EngineError } from '../errors.ts';
import type { TarEntry, TarEntryType } from './tar.ts';
import {
  BLOCK_SIZE,
  FIELDS,
  MAX_SPECIAL_FILE_SIZE,
  asciiBytes,
  cannotEncode,
  field,
  fieldTooLong,
  fitsInOctal,
  formatOctal,
  formatString,
  writeChecksum,
} from './tar-header.ts';
import type { Field } from './tar-header.ts';

/**
 * Writes entries as a tar stream, ending with the two zero blocks.
 *
 * Directory names get a trailing "/"; mtimes are rounded to whole seconds
 * (as Go does when no format is asked for); a file's `data` must be
 * `header.size` bytes and other entries have none.
 *
 *     const layer = await collect(writeTar([
 *       { header: { name: 'hello.txt', type: 'file', mode: 0o644, uid: 0, gid: 0, size: 3, mtimeMs: 0, linkname: '' },
 *         data: utf8('hi\n') },
 *     ]));
 *     layer.length; // 2048: header, content block, two zero blocks
 */
export async function* writeTar(entries: Iterable<TarEntry> | AsyncIterable<TarEntry>): AsyncIterable<Uint8Array> {
  for await (const entry of entries) yield* encodeEntry(entry);
  yield new Uint8Array(2 * BLOCK_SIZE);
}

/** The values that go into an entry's header, checked and normalized. */
interface Fields {
  typeflag: string;
  name: string;
  linkname: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number; // seconds
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
  xattrs: Record<string, Uint8Array>;
}

const TYPEFLAGS: Readonly<Record<TarEntryType, string>> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};

/** One entry's bytes: [PAX header, records,] header, content, padding. */
function encodeEntry(entry: TarEntry): Uint8Array[] {
  const fields = checkFields(entry);
  const records = paxRecordsFor(fields);
  const blocks = records
    ? [...paxHeader(fields.name, records), headerBlock(fields, 'pax')]
    : [headerBlock(fields, 'ustar')];
  if (fields.size > 0) blocks.push(entry.data, padding(fields.size));
  return blocks;
}

function checkFields({ header, data }: TarEntry): Fields {
  const typeflag = TYPEFLAGS[header.type];
  if (typeflag === undefined) {
    throw new EngineError('InvalidArgument', `tar entry "${header.name}" has an unknown type ${String(header.type)}`);
  }
  let name = header.name;
  if (header.type === 'dir' && !name.endsWith('/')) name += '/';
  // As in Go: only links and directories may end in "/" (a link may point at a directory).
  const neverADirectory = header.type !== 'dir' && header.type !== 'symlink' && header.type !== 'hardlink';
  if (neverADirectory && name.endsWith('/')) throw cannotEncode('filename may not have trailing slash');
  if (header.type === 'file' && header.size !== data.length) {
    throw new EngineError(
      'InvalidArgument',
      `tar entry "${name}" declares ${header.size} bytes of content but has ${data.length}`,
    );
  }
  if (header.type !== 'file' && data.length > 0) {
    throw new EngineError('InvalidArgument', `tar entry "${name}" is a ${header.type} and cannot have content`);
  }
  const isDevice = header.type === 'char' || header.type === 'block';
  const fields: Fields = {
    typeflag,
    name,
    linkname: header.linkname,
    mode: header.mode & 0o7777,
    uid: header.uid,
    gid: header.gid,
    size: data.length,
    mtime: Math.round(header.mtimeMs / 1000),
    uname: header.uname ?? '',
    gname: header.gname ?? '',
    devmajor: isDevice ? (header.devmajor ?? 0) : 0,
    devminor: isDevice ? (header.devminor ?? 0) : 0,
    xattrs: header.xattrs ?? {},
  };
  for (const key of ['uid', 'gid', 'mtime'] as const) {
    if (!Number.isSafeInteger(fields[key]) || (key !== 'mtime' && fields[key] < 0)) {
      throw cannotEncode(`invalid ${key} ${fields[key]} for "${name}"`);
    }
  }
  for (const key of ['devmajor', 'devminor'] as const) {
    if (!fitsInOctal(FIELDS[key][1], fields[key])) throw cannotEncode(`invalid ${key} ${fields[key]} for "${name}"`);
  }
  for (const key of ['name', 'linkname', 'uname', 'gname'] as const) {
    if (fields[key].includes('\0')) throw cannotEncode(`${key} may not contain NUL: ${JSON.stringify(fields[key])}`);
  }
  return fields;
}

/**
 * The PAX records the entry needs, or null when plain ustar can describe it.
 * As in Go's archive/tar: strings that are too long or not ASCII (a long path
 * that splits into prefix and name is fine), numbers too big for octal, and
 * any xattr need PAX. Once PAX is needed, every such field gets its record.
 */
function paxRecordsFor(fields: Fields): Map<string, Uint8Array> | null {
  const records = new Map<string, Uint8Array>();
  let ustar = true;
  const checkString = (value: string, [, length]: Field, key: string): void => {
    const bytes = utf8(value);
    if (bytes.length > length || !isAscii(value)) {
      if (!(key === 'path' && splitUstarPath(value))) ustar = false;
      records.set(key, bytes);
    }
  };
  const checkNumber = (value: number, [, length]: Field, key: string): void => {
    if (!fitsInOctal(length, value)) {
      ustar = false;
      records.set(key, asciiBytes(String(value)));
    }
  };
  checkString(fields.name, FIELDS.name, 'path');
  checkString(fields.linkname, FIELDS.linkname, 'linkpath');
  checkString(fields.uname, FIELDS.uname, 'uname');
  checkString(fields.gname, FIELDS.gname, 'gname');
  checkNumber(fields.uid, FIELDS.uid, 'uid');
  checkNumber(fields.gid, FIELDS.gid, 'gid');
  checkNumber(fields.size, FIELDS.size, 'size');
  checkNumber(fields.mtime, FIELDS.mtime, 'mtime');
  for (const [name, value] of Object.entries(fields.xattrs)) {
    if (name === '' || name.includes('=') || name.includes('\0')) {
      throw cannotEncode(`invalid xattr name ${JSON.stringify(name)}`);
    }
    records.set(`SCHILY.xattr.${name}`, value);
    ustar = false;
  }
  return ustar ? null : records;
}

/**
 * The entry's own header block. In ustar form a long path is split into
 * prefix and name; in PAX form the strings are cut to ASCII and to size and
 * numbers that do not fit are 0 (the PAX records carry the real values).
 */
function headerBlock(fields: Fields, form: 'ustar' | 'pax'): Uint8Array {
  const block = new Uint8Array(BLOCK_SIZE);
  const text = (value: string): Uint8Array => (form === 'pax' ? asciiBytes(toAscii(value)) : utf8(value));
  let name = fields.name;
  const split = form === 'ustar' ? splitUstarPath(name) : null;
  if (split) {
    name = split.name;
    formatString(block, FIELDS.prefix, text(split.prefix));
  }
  formatString(block, FIELDS.name, text(name));
  formatString(block, FIELDS.linkname, text(fields.linkname));
  formatOctal(block, FIELDS.mode, fields.mode);
  formatOctal(block, FIELDS.uid, fields.uid);
  formatOctal(block, FIELDS.gid, fields.gid);
  formatOctal(block, FIELDS.size, fields.size);
  formatOctal(block, FIELDS.mtime, fields.mtime);
  block[FIELDS.typeflag[0]] = fields.typeflag.charCodeAt(0);
  formatString(block, FIELDS.uname, text(fields.uname));
  formatString(block, FIELDS.gname, text(fields.gname));
  formatOctal(block, FIELDS.devmajor, fields.devmajor);
  formatOctal(block, FIELDS.devminor, fields.devminor);
  return sealUstar(block);
}

/**
 * A PAX 'x' entry holding `records`, sorted by key. Like Go, it is named
 * "<dir>/PaxHeaders.0/<file>" after the entry it describes and has zero
 * mode, owner and mtime, so that it is the same every time.
 */
function paxHeader(entryName: string, records: Map<string, Uint8Array>): Uint8Array[] {
  const keys = [...records.keys()].sort(compareUtf8);
  const content = concatBytes(keys.map((key) => paxRecord(key, records.get(key)!)));
  if (content.length > MAX_SPECIAL_FILE_SIZE) throw fieldTooLong();

  const block = new Uint8Array(BLOCK_SIZE);
  formatString(block, FIELDS.name, asciiBytes(paxHeaderName(entryName)));
  formatOctal(block, FIELDS.mode, 0);
  formatOctal(block, FIELDS.uid, 0);
  formatOctal(block, FIELDS.gid, 0);
  formatOctal(block, FIELDS.size, content.length);
  formatOctal(block, FIELDS.mtime, 0);
  block[FIELDS.typeflag[0]] = 'x'.charCodeAt(0);
  return [sealUstar(block), content, padding(content.length)];
}

/** `"<length> <key>=<value>\n"`, where length counts the whole record, its own digits included. */
function paxRecord(key: string, value: Uint8Array): Uint8Array {
  const keyBytes = utf8(key);
  const base = keyBytes.length + value.length + 3; // ' ', '=', '\n'
  let length = base + String(base).length;
  if (String(length).length !== String(base).length) length = base + String(length).length;
  return concatBytes([asciiBytes(`${length} `), keyBytes, asciiBytes('='), value, asciiBytes('\n')]);
}

function paxHeaderName(entryName: string): string {
  const slash = entryName.lastIndexOf('/');
  const name = joinClean(entryName.slice(0, slash + 1), 'PaxHeaders.0', entryName.slice(slash + 1));
  return toAscii(name).slice(0, FIELDS.name[1]).replace(/\/+$/, '');
}

/**
 * Splits a path longer than the name field into ustar's prefix and name at a
 * "/", or returns null when it cannot be (Go's splitUSTARPath).
 */
function splitUstarPath(path: string): { prefix: string; name: string } | null {
  const [, nameSize] = FIELDS.name;
  const [, prefixSize] = FIELDS.prefix;
  if (path.length <= nameSize || !isAscii(path)) return null;
  let length = path.length;
  if (length > prefixSize + 1) length = prefixSize + 1;
  else if (path.endsWith('/')) length--;
  const slash = path.lastIndexOf('/', length - 1);
  const nameLength = path.length - slash - 1;
  if (slash <= 0 || nameLength > nameSize || nameLength === 0 || slash > prefixSize) return null;
  return { prefix: path.slice(0, slash), name: path.slice(slash + 1) };
}

/** Sets the ustar magic ("ustar\0" "00") and the checksum. */
function sealUstar(block: Uint8Array): Uint8Array {
  field(block, FIELDS.magic).set(asciiBytes('ustar\0'));
  field(block, FIELDS.version).set(asciiBytes('00'));
  writeChecksum(block);
  return block;
}

function padding(size: number): Uint8Array {
  return new Uint8Array((BLOCK_SIZE - (size % BLOCK_SIZE)) % BLOCK_SIZE);
}

const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);

/** Drops every character that is not ASCII (and NULs), as Go does for header fields PAX overrides. */
const toAscii = (text: string): string => text.replace(/[^\x01-\x7f]/gu, '');

/** Go's path.Join: joins the non-empty parts and cleans the result lexically. */
function joinClean(...parts: string[]): string {
  const path = parts.filter((part) => part !== '').join('/');
  if (path === '') return '';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c !== '..') out.push(c);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!rooted) out.push('..');
  }
  return (rooted ? '/' : '') + out.join('/') || '.';
}

/** Byte order of the UTF-8 encodings, as Go's sort.Strings sorts. */
function compareUtf8(a: string, b: string): number {
  const x = utf8(a);
  const y = utf8(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
