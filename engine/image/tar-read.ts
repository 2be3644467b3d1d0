/**
 * Reading tar archives as a stream: entries come out as soon as their
 * content has arrived, whatever the sizes of the chunks that carry them.
 * Errors use Go's archive/tar wording, which is what Docker prints.
 */
import { fromUtf8 } from '../common/bytes.ts';
import { EngineError } from '../errors.ts';
import type { TarEntry, TarEntryType, TarHeader, TarLimits } from './tar.ts';
import {
  BLOCK_SIZE,
  FIELDS,
  MAX_SPECIAL_FILE_SIZE,
  field,
  fieldTooLong,
  headerFormat,
  invalidHeader,
  isZeroBlock,
  parseNumeric,
  parseString,
  unexpectedEOF,
} from './tar-header.ts';

/**
 * Streams the entries out of a tar byte stream.
 *
 * As with Go's archive/tar, the archive ends at two zero blocks, at one zero
 * block followed by the end of the stream, or at the end of the stream
 * between two entries (an empty stream is an empty archive). Bytes after the
 * end are not read (GNU tar pads archives to 10 KiB with zeros). The source
 * is closed (`return()`) when reading stops early, on an error, or because
 * the consumer left its `for await`.
 *
 *     for await (const { header, data } of readTar(layer, { maxEntrySize: 1 << 30 }))
 *       console.log(header.type, header.name, data.length);
 */
export async function* readTar(source: AsyncIterable<Uint8Array>, limits: TarLimits = {}): AsyncIterable<TarEntry> {
  const input = new ByteReader(source[Symbol.asyncIterator]());
  const budget = new Budget(limits);
  try {
    for (;;) {
      const entry = await readEntry(input, budget);
      if (!entry) return;
      yield entry;
    }
  } catch (err) {
    await input.close().catch(() => {}); // as in for-await: the first error is the one to report
    throw err;
  } finally {
    await input.close();
  }
}

/** A header block as written, before PAX records and GNU long names are applied. */
interface RawHeader {
  typeflag: string;
  name: string;
  linkname: string;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  uname: string;
  gname: string;
  devmajor?: number;
  devminor?: number;
  xattrs?: Record<string, Uint8Array>;
}

/** What the extension entries before a real entry said about it. */
interface Extensions {
  pax?: Map<string, Uint8Array>;
  longName?: string;
  longLink?: string;
}

/**
 * Reads the next real entry, applying the extension entries ('x', 'L', 'K')
 * that precede it. Global PAX headers ('g') are parsed and ignored, as
 * Docker does. Returns null at the end of the archive.
 */
async function readEntry(input: ByteReader, budget: Budget): Promise<TarEntry | null> {
  let ext: Extensions = {};
  let pending = false; // an extension entry is waiting for its entry
  for (;;) {
    const block = await readHeaderBlock(input);
    if (!block) {
      if (pending) throw unexpectedEOF();
      return null;
    }
    const raw = parseHeaderBlock(block);
    switch (raw.typeflag) {
      case 'x':
        ext.pax = parsePaxRecords(await readSpecialFile(input, raw.size, budget));
        pending = true;
        continue;
      case 'g':
        parsePaxRecords(await readSpecialFile(input, raw.size, budget));
        ext = {};
        pending = false;
        continue;
      case 'L':
        ext.longName = parseString(await readSpecialFile(input, raw.size, budget));
        pending = true;
        continue;
      case 'K':
        ext.longLink = parseString(await readSpecialFile(input, raw.size, budget));
        pending = true;
        continue;
    }
    const header = applyExtensions(raw, ext);
    budget.admitEntry(header);
    return { header, data: await readContent(input, header) };
  }
}

/** The next header block, or null at the end of the archive. */
async function readHeaderBlock(input: ByteReader): Promise<Uint8Array | null> {
  const block = await readBlock(input);
  if (!block || !isZeroBlock(block)) return block;
  const next = await readBlock(input);
  if (!next || isZeroBlock(next)) return null;
  throw invalidHeader(); // a zero block, then something else
}

/** 512 bytes, or null when the stream ends exactly here. */
async function readBlock(input: ByteReader): Promise<Uint8Array | null> {
  const block = new Uint8Array(BLOCK_SIZE);
  const got = await input.readInto(block);
  if (got === 0) return null;
  if (got < BLOCK_SIZE) throw unexpectedEOF();
  return block;
}

function parseHeaderBlock(block: Uint8Array): RawHeader {
  const format = headerFormat(block);
  if (!format) throw invalidHeader(); // wrong checksum: corrupt, or not a tar at all
  const num = (f: readonly [number, number]): number => parseNumeric(field(block, f));
  const str = (f: readonly [number, number]): string => parseString(field(block, f));
  const typeflag = String.fromCharCode(block[FIELDS.typeflag[0]]!);
  const raw: RawHeader = {
    typeflag,
    name: str(FIELDS.name),
    linkname: str(FIELDS.linkname),
    size: num(FIELDS.size),
    mode: num(FIELDS.mode),
    uid: num(FIELDS.uid),
    gid: num(FIELDS.gid),
    mtimeMs: num(FIELDS.mtime) * 1000,
    uname: '',
    gname: '',
  };
  if (format === 'v7') return raw; // no owner names, devices or prefix
  raw.uname = str(FIELDS.uname);
  raw.gname = str(FIELDS.gname);
  if (typeflag === '3' || typeflag === '4') {
    raw.devmajor = num(FIELDS.devmajor);
    raw.devminor = num(FIELDS.devminor);
  }
  // GNU tar keeps atime and ctime where ustar has its prefix.
  const prefix = format === 'ustar' ? str(FIELDS.prefix) : format === 'star' ? str(FIELDS.starPrefix) : '';
  if (prefix !== '') raw.name = `${prefix}/${raw.name}`;
  return raw;
}

/** Content of an extension entry (PAX records, a GNU long name), capped at 1 MiB as in Go. */
async function readSpecialFile(input: ByteReader, size: number, budget: Budget): Promise<Uint8Array> {
  if (size < 0) throw invalidHeader();
  if (size > MAX_SPECIAL_FILE_SIZE) throw fieldTooLong();
  budget.admitBytes(size);
  return readData(input, size);
}

/** Content of a real entry: only files have any. */
async function readContent(input: ByteReader, header: TarHeader): Promise<Uint8Array> {
  if (header.size === 0) return new Uint8Array(0);
  let data: Uint8Array;
  try {
    data = new Uint8Array(header.size);
  } catch (cause) {
    throw new EngineError('ResourceExhausted', `tar entry "${header.name}" is too large to read (${header.size} bytes)`, {
      cause,
    });
  }
  return readData(input, header.size, data);
}

/** `size` bytes of content, then the padding to the next block (which, as in Go, may be cut off at the end). */
async function readData(input: ByteReader, size: number, into: Uint8Array = new Uint8Array(size)): Promise<Uint8Array> {
  if ((await input.readInto(into)) < size) throw unexpectedEOF();
  await input.skip((BLOCK_SIZE - (size % BLOCK_SIZE)) % BLOCK_SIZE);
  return into;
}

const ENTRY_TYPES: Readonly<Record<string, TarEntryType>> = {
  '0': 'file',
  '\0': 'file', // V7
  '7': 'file', // contiguous file: a file to everyone but a few 1980s systems
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'dir',
  '6': 'fifo',
};

const UNSUPPORTED_TYPES: Readonly<Record<string, string>> = {
  S: 'a GNU sparse file; sparse files are not supported',
  D: 'a GNU incremental-dump directory',
  M: 'a GNU multi-volume continuation',
  N: 'an old GNU long-name entry',
  V: 'a GNU volume header',
};

/** The entry as the PAX records and GNU long names describe it. */
function applyExtensions(raw: RawHeader, ext: Extensions): TarHeader {
  if (ext.pax) mergePax(raw, ext.pax);
  // As in Go, GNU long names win over PAX paths.
  if (ext.longName) raw.name = ext.longName;
  if (ext.longLink) raw.linkname = ext.longLink;
  if (ext.pax && [...ext.pax.keys()].some((key) => key.startsWith('GNU.sparse.'))) {
    const sparseName = ext.pax.get('GNU.sparse.name');
    const name = sparseName ? fromUtf8(sparseName) : raw.name;
    throw new EngineError('InvalidArgument', `tar entry "${name}" is a sparse file; sparse files are not supported`);
  }
  const type = entryType(raw.typeflag, raw.name);
  if (type === 'file' && raw.size < 0) throw invalidHeader();
  const header: TarHeader = {
    name: raw.name,
    type,
    mode: raw.mode & 0o7777,
    uid: raw.uid,
    gid: raw.gid,
    size: type === 'file' ? raw.size : 0, // other types have no content, whatever their size field says
    mtimeMs: raw.mtimeMs,
    linkname: raw.linkname,
  };
  if (raw.uname !== '') header.uname = raw.uname;
  if (raw.gname !== '') header.gname = raw.gname;
  if (type === 'char' || type === 'block') {
    header.devmajor = raw.devmajor ?? 0;
    header.devminor = raw.devminor ?? 0;
  }
  if (raw.xattrs) header.xattrs = raw.xattrs;
  return header;
}

function entryType(typeflag: string, name: string): TarEntryType {
  const type = ENTRY_TYPES[typeflag];
  // Old tars mark directories with a trailing slash on a regular entry.
  if (type === 'file' && name.endsWith('/')) return 'dir';
  if (type) return type;
  const shown = /^[\x21-\x7e]$/.test(typeflag) ? `'${typeflag}'` : `0x${typeflag.charCodeAt(0).toString(16)}`;
  const what = UNSUPPORTED_TYPES[typeflag];
  throw new EngineError(
    'InvalidArgument',
    what
      ? `tar entry "${name}" is ${what} (type ${shown})`
      : `tar entry "${name}" has an unsupported type ${shown}`,
  );
}

/**
 * Parses PAX records: `"<length> <key>=<value>\n"`, where length counts the
 * whole record in bytes. Values stay bytes (xattrs are binary).
 */
function parsePaxRecords(data: Uint8Array): Map<string, Uint8Array> {
  const records = new Map<string, Uint8Array>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) throw invalidHeader();
    const lengthText = fromUtf8(data.subarray(at, space));
    const length = /^\d+$/.test(lengthText) ? Number(lengthText) : NaN;
    const end = at + length;
    if (!(length >= 5) || end > data.length || end <= space + 1 || data[end - 1] !== 0x0a) throw invalidHeader();
    const record = data.subarray(space + 1, end - 1);
    const equals = record.indexOf(0x3d);
    if (equals <= 0) throw invalidHeader();
    const key = fromUtf8(record.subarray(0, equals));
    const value = record.subarray(equals + 1);
    const textKey = key === 'path' || key === 'linkpath' || key === 'uname' || key === 'gname';
    if (key.includes('\0') || (textKey && value.includes(0))) throw invalidHeader();
    records.set(key, value);
    at = end;
  }
  return records;
}

/** Lets PAX records override the header's fields, as Go's mergePAX does. */
function mergePax(raw: RawHeader, records: Map<string, Uint8Array>): void {
  for (const [key, value] of records) {
    if (value.length === 0) continue; // an empty record keeps the header's value
    const text = fromUtf8(value);
    switch (key) {
      case 'path':
        raw.name = text;
        break;
      case 'linkpath':
        raw.linkname = text;
        break;
      case 'uname':
        raw.uname = text;
        break;
      case 'gname':
        raw.gname = text;
        break;
      case 'uid':
        raw.uid = paxInteger(text);
        break;
      case 'gid':
        raw.gid = paxInteger(text);
        break;
      case 'size':
        raw.size = paxInteger(text);
        break;
      case 'mtime':
        raw.mtimeMs = paxTimeMs(text);
        break;
      default:
        if (key.startsWith('SCHILY.xattr.')) (raw.xattrs ??= {})[key.slice('SCHILY.xattr.'.length)] = value;
    }
  }
}

function paxInteger(text: string): number {
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value)) throw invalidHeader();
  return value;
}

/** "1700000000.123456789" (seconds, optional fraction) → milliseconds. */
function paxTimeMs(text: string): number {
  const [seconds = '', fraction] = text.split('.', 2);
  const secs = paxInteger(seconds);
  if (fraction === undefined || fraction === '') return secs * 1000;
  if (!/^\d+$/.test(fraction)) throw invalidHeader();
  const nanos = Number(fraction.slice(0, 9).padEnd(9, '0'));
  return secs * 1000 + (seconds.startsWith('-') ? -nanos : nanos) / 1e6;
}

/**
 * Counts entries and declared sizes against the limits, before any content
 * is allocated or read.
 */
class Budget {
  private entries = 0;
  private total = 0;
  private readonly label: string;

  constructor(private readonly limits: TarLimits) {
    this.label = limits.label ?? 'archive';
  }

  admitEntry(header: TarHeader): void {
    const { maxEntries, maxEntrySize } = this.limits;
    if (maxEntries !== undefined && ++this.entries > maxEntries) {
      throw new EngineError('ResourceExhausted', `${this.label} has more than ${maxEntries} entries`);
    }
    if (maxEntrySize !== undefined && header.size > maxEntrySize) {
      throw new EngineError(
        'ResourceExhausted',
        `${this.label} entry "${header.name}" exceeds the size limit of ${formatSize(maxEntrySize)}`,
      );
    }
    this.admitBytes(header.size);
  }

  admitBytes(size: number): void {
    const { maxTotalSize } = this.limits;
    this.total += size;
    if (maxTotalSize !== undefined && this.total > maxTotalSize) {
      throw new EngineError('ResourceExhausted', `${this.label} exceeds the size limit of ${formatSize(maxTotalSize)}`);
    }
  }
}

/** 1073741824 → "1 GiB"; sizes that are not a whole number of units stay in bytes. */
function formatSize(bytes: number): string {
  for (const [unit, size] of [['TiB', 2 ** 40], ['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** Pulls bytes out of a chunked stream in the amounts the parser asks for. */
class ByteReader {
  private chunk: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private ended = false;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** Fills `out`; returns how many bytes it got (fewer only at the end of the stream). */
  async readInto(out: Uint8Array): Promise<number> {
    let filled = 0;
    while (filled < out.length && (await this.buffered())) {
      const n = Math.min(out.length - filled, this.chunk.length - this.offset);
      out.set(this.chunk.subarray(this.offset, this.offset + n), filled);
      this.offset += n;
      filled += n;
    }
    return filled;
  }

  /** Drops `count` bytes; returns how many there were. */
  async skip(count: number): Promise<number> {
    let skipped = 0;
    while (skipped < count && (await this.buffered())) {
      const n = Math.min(count - skipped, this.chunk.length - this.offset);
      this.offset += n;
      skipped += n;
    }
    return skipped;
  }

  /** Closes the source unless it has ended by itself. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.source.return?.();
  }

  /** Makes sure unread bytes are at hand; false at the end of the stream. */
  private async buffered(): Promise<boolean> {
    while (this.offset >= this.chunk.length) {
      if (this.ended) return false;
      let result: IteratorResult<Uint8Array>;
      try {
        result = await this.source.next();
      } catch (err) {
        this.ended = true; // a failed source is finished; nothing to close
        throw err;
      }
      if (result.done) {
        this.ended = true;
        return false;
      }
      this.chunk = result.value;
      this.offset = 0;
    }
    return true;
  }
}
