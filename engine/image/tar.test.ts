import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { concatBytes, fromUtf8, utf8 } from '../common/bytes.ts';
import { collect, streamOf } from '../common/stream.ts';
import { isEngineError } from '../errors.ts';
import { readTar, writeTar } from './tar.ts';
import type { TarEntry, TarEntryType, TarHeader, TarLimits } from './tar.ts';

// ---------------------------------------------------------------------------
// Helpers

const MTIME = 1_700_000_000_000;

function entry(name: string, type: TarEntryType, extra: Partial<TarHeader> & { data?: Uint8Array | string } = {}): TarEntry {
  const { data: content = '', ...header } = extra;
  const data = typeof content === 'string' ? utf8(content) : content;
  return {
    header: { name, type, mode: type === 'dir' ? 0o755 : 0o644, uid: 0, gid: 0, size: data.length, mtimeMs: MTIME, linkname: '', ...header },
    data,
  };
}

const archive = (entries: TarEntry[]): Promise<Uint8Array> => collect(writeTar(entries));

async function readAll(source: Uint8Array | AsyncIterable<Uint8Array>, limits?: TarLimits): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  for await (const e of readTar(source instanceof Uint8Array ? streamOf(source) : source, limits)) out.push(e);
  return out;
}

/** What an entry reads back as: directories gain their "/", mtimes are whole seconds. */
function expected({ header, data }: TarEntry): TarEntry {
  const h: TarHeader = { ...header, mtimeMs: Math.round(header.mtimeMs / 1000) * 1000 };
  if (h.type === 'dir' && !h.name.endsWith('/')) h.name += '/';
  if (h.type !== 'char' && h.type !== 'block') {
    delete h.devmajor;
    delete h.devminor;
  }
  return { header: h, data };
}

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function* randomChunks(bytes: Uint8Array, random: () => number, max: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; ) {
    const n = 1 + Math.floor(random() * max);
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    if (isEngineError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected an error');
}

/** A header block made by hand (independently of the code under test), for archives our writer never makes. */
function rawHeader(opts: {
  name: string;
  typeflag: string;
  size?: number | Uint8Array;
  uid?: Uint8Array;
  magic?: 'ustar' | 'gnu' | 'v7';
  signedChecksum?: boolean;
}): Uint8Array {
  const block = new Uint8Array(512);
  const put = (at: number, value: string | Uint8Array): void => block.set(typeof value === 'string' ? utf8(value) : value, at);
  put(0, opts.name);
  put(100, '0000644\0');
  put(108, opts.uid ?? '0000000\0');
  put(116, '0000000\0');
  put(124, opts.size instanceof Uint8Array ? opts.size : (opts.size ?? 0).toString(8).padStart(11, '0') + '\0');
  put(136, '14524770400\0');
  put(156, opts.typeflag);
  if (opts.magic === 'gnu') put(257, 'ustar  \0');
  else if (opts.magic !== 'v7') put(257, 'ustar\x0000');
  let sum = 0;
  for (let i = 0; i < 512; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : block[i]!;
    sum += opts.signedChecksum && b >= 0x80 ? b - 0x100 : b;
  }
  put(148, sum.toString(8).padStart(6, '0') + '\0 ');
  return block;
}

const pad = (bytes: Uint8Array): Uint8Array => concatBytes([bytes, new Uint8Array((512 - (bytes.length % 512)) % 512)]);
const END = new Uint8Array(1024);

function paxRecord(key: string, value: string): string {
  const base = utf8(key).length + utf8(value).length + 3;
  let n = base + String(base).length;
  if (String(n).length !== String(base).length) n = base + String(n).length;
  return `${n} ${key}=${value}\n`;
}

// ---------------------------------------------------------------------------

describe('writeTar → readTar', () => {
  it('round-trips every entry type', async () => {
    const entries = [
      entry('bin', 'dir', { mode: 0o755, uname: 'root', gname: 'root' }),
      entry('tmp/', 'dir', { mode: 0o1777 }),
      entry('bin/su', 'file', { mode: 0o4755, data: 'setuid!' }),
      entry('bin/wall', 'file', { mode: 0o2755, uid: 0, gid: 5, gname: 'tty', data: '#!/bin/sh\n' }),
      entry('bin/sh', 'symlink', { mode: 0o777, linkname: 'busybox' }),
      entry('bin/ash', 'hardlink', { linkname: 'bin/su' }),
      entry('dev/null', 'char', { mode: 0o666, devmajor: 1, devminor: 3 }),
      entry('dev/sda', 'block', { mode: 0o660, gid: 6, devmajor: 8, devminor: 0 }),
      entry('run/initctl', 'fifo', { mode: 0o600 }),
      entry('home/user/.profile', 'file', { mode: 0o600, uid: 1000, gid: 1000, uname: 'user', gname: 'user', data: 'PS1=$ ' }),
    ];
    const bytes = await archive(entries);
    expect(await readAll(bytes)).toEqual(entries.map(expected));
    // All of it fits ustar: one header per entry, one content block per file, two end blocks.
    expect(bytes.length).toBe(512 * (entries.length + 3) + 1024);
  });

  it('round-trips long names, long links, unicode names, big ids, old mtimes and xattrs', async () => {
    const deep = Array.from({ length: 6 }, (_, i) => `directory-${i}-${'x'.repeat(40)}`).join('/');
    const entries = [
      entry(`${'a'.repeat(60)}/${'b'.repeat(90)}`, 'file', { data: 'splits into prefix and name' }),
      entry(`${'a'.repeat(60)}/${'c'.repeat(90)}`, 'dir'),
      entry('n'.repeat(150), 'file', { data: 'no slash to split at' }),
      entry(`${deep}/leaf.txt`, 'file', { data: 'over 255 bytes' }),
      entry('link-to-far', 'symlink', { linkname: `/${'t'.repeat(200)}` }),
      entry('hard-to-deep', 'hardlink', { linkname: `${deep}/leaf.txt` }),
      entry('données/日本語-😀.txt', 'file', { data: 'unicode' }),
      entry('uni-link', 'symlink', { linkname: 'données/日本語-😀.txt' }),
      entry('big-ids', 'file', { uid: 3_000_000, gid: 2_097_152, uname: 'jürgen', gname: 'g'.repeat(40) }),
      entry('ancient', 'file', { mtimeMs: -86_400_000 }),
      entry('future', 'file', { mtimeMs: 2 ** 33 * 1000 }),
      entry('ping', 'file', {
        mode: 0o755,
        data: 'ELF',
        xattrs: {
          'security.capability': new Uint8Array([1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0xff, 0x80, 0, 0]),
          'user.comment': utf8('héllo = world\n'),
        },
      }),
    ];
    expect(await readAll(await archive(entries))).toEqual(entries.map(expected));
  });

  it('pads content around the block size', async () => {
    for (const size of [0, 1, 511, 512, 513, 1024, 100_000]) {
      const data = new Uint8Array(size).map((_, i) => (i * 7) & 0xff);
      const bytes = await archive([entry(`f${size}`, 'file', { data })]);
      expect(bytes.length).toBe(512 + Math.ceil(size / 512) * 512 + 1024);
      const [read] = await readAll(bytes);
      expect(Buffer.from(read!.data).equals(data)).toBe(true);
      expect(read?.header.size).toBe(size);
    }
  });

  it('reads chunks of any size, split anywhere', async () => {
    const random = prng(42);
    const entries = [
      entry('d', 'dir'),
      ...[0, 1, 511, 512, 513, 5000].map((size) =>
        entry(`d/f${size}`, 'file', { data: new Uint8Array(size).map(() => Math.floor(random() * 256)) }),
      ),
      entry(`d/${'p'.repeat(180)}`, 'file', { data: 'pax', xattrs: { 'user.a': utf8('1') } }),
      entry('d/l', 'symlink', { linkname: 'f0' }),
    ];
    const bytes = await archive(entries);
    const want = entries.map(expected);
    expect(await readAll(streamOf(bytes, 1))).toEqual(want);
    expect(await readAll(streamOf(bytes, 1 << 20))).toEqual(want);
    for (let round = 0; round < 30; round++) {
      expect(await readAll(randomChunks(bytes, random, round % 2 ? 64 : 2000))).toEqual(want);
    }
  });

  it('writes the same bytes every time, in the shape Go archive/tar gives them', async () => {
    const entries = [entry('hello.txt', 'file', { uid: 1000, gid: 100, uname: 'user', gname: 'users', data: 'hello' })];
    const a = await archive(entries);
    const b = await collect(writeTar((async function* () { yield* entries; })()));
    expect(b).toEqual(a);

    const text = (from: number, length: number): string => fromUtf8(a.subarray(from, from + length));
    expect(text(0, 100)).toBe('hello.txt'.padEnd(100, '\0'));
    expect(text(100, 8)).toBe('0000644\0');
    expect(text(108, 8)).toBe('0001750\0');
    expect(text(116, 8)).toBe('0000144\0');
    expect(text(124, 12)).toBe('00000000005\0');
    expect(text(136, 12)).toBe('14524770400\0'); // 1700000000
    expect(text(148, 8)).toMatch(/^[0-7]{6}\0 $/);
    expect(text(156, 1)).toBe('0');
    expect(text(257, 8)).toBe('ustar\x0000');
    expect(text(265, 32)).toBe('user'.padEnd(32, '\0'));
    expect(text(297, 32)).toBe('users'.padEnd(32, '\0'));
    expect(text(329, 16)).toBe('0000000\x000000000\0');
    expect(text(345, 167)).toBe('\0'.repeat(167));
    expect(text(512, 5)).toBe('hello');
    expect(a.length).toBe(512 * 2 + 1024);
  });

  it('writes a PAX header like Go: named after the entry, zero owner and time, sorted records', async () => {
    const name = `dir/${'é'.repeat(60)}`; // not ASCII: needs PAX, and is cut to ASCII in the ustar header
    const bytes = await archive([entry(name, 'file', { uid: 1 << 22, data: 'x' })]);
    const text = (from: number, length: number): string => fromUtf8(bytes.subarray(from, from + length));
    const records = utf8(paxRecord('path', name) + paxRecord('uid', String(1 << 22)));
    expect(text(0, 100)).toBe('dir/PaxHeaders.0'.padEnd(100, '\0'));
    expect(text(100, 24)).toBe('0000000\0'.repeat(3));
    expect(text(124, 12)).toBe(records.length.toString(8).padStart(11, '0') + '\0');
    expect(text(136, 12)).toBe('00000000000\0');
    expect(text(156, 1)).toBe('x');
    expect(text(257, 8)).toBe('ustar\x0000');
    expect(text(265, 247)).toBe('\0'.repeat(247)); // no owner names, no device numbers
    expect(bytes.subarray(512, 512 + records.length)).toEqual(records);
    // The real header: name cut to ASCII, uid too big for octal written as zero.
    expect(text(1024, 100)).toBe('dir/'.padEnd(100, '\0'));
    expect(text(1024 + 108, 8)).toBe('0000000\0');
  });

  it('writes a splittable long path as ustar prefix + name', async () => {
    const name = `${'p'.repeat(120)}/${'n'.repeat(80)}`;
    const bytes = await archive([entry(name, 'file')]);
    expect(bytes.length).toBe(512 + 1024);
    expect(fromUtf8(bytes.subarray(0, 80))).toBe('n'.repeat(80));
    expect(fromUtf8(bytes.subarray(345, 465))).toBe('p'.repeat(120));
  });

  it('refuses entries it cannot write', async () => {
    const bad = [
      entry('f/', 'file'),
      { ...entry('f', 'file', { data: 'abc' }), data: utf8('ab') },
      entry('l', 'symlink', { data: 'content' }),
      entry('u', 'file', { uid: -1 }),
      entry('n\0ul', 'file'),
    ];
    for (const e of bad) expect((await errorOf(archive([e]))).code).toBe('InvalidArgument');
    expect((await errorOf(archive([entry('f/', 'file')]))).message).toBe(
      'archive/tar: cannot encode header: filename may not have trailing slash',
    );
  });
});

describe('readTar', () => {
  it('ends the archive where Go archive/tar does', async () => {
    const bytes = await archive([entry('a', 'file', { data: 'x' }), entry('b', 'file', { data: 'y' })]);
    const body = bytes.subarray(0, bytes.length - 1024);
    const names = async (b: Uint8Array): Promise<string[]> => (await readAll(b)).map((e) => e.header.name);
    expect(await names(new Uint8Array(0))).toEqual([]);
    expect(await names(END)).toEqual([]);
    expect(await names(body)).toEqual(['a', 'b']); // no end blocks at all
    expect(await names(concatBytes([body, new Uint8Array(512)]))).toEqual(['a', 'b']); // one zero block
    expect(await names(body.subarray(0, body.length - 511))).toEqual(['a', 'b']); // last padding cut off
    expect(await names(concatBytes([bytes, utf8('trailing garbage is never read')]))).toEqual(['a', 'b']);
  });

  it('closes the source when the consumer stops early', async () => {
    const bytes = await archive(Array.from({ length: 10 }, (_, i) => entry(`f${i}`, 'file', { data: 'x'.repeat(600) })));
    let pulled = 0;
    let closed = false;
    async function* source(): AsyncIterable<Uint8Array> {
      try {
        for (let at = 0; at < bytes.length; at += 512) {
          pulled++;
          yield bytes.subarray(at, at + 512);
        }
      } finally {
        closed = true;
      }
    }
    for await (const e of readTar(source())) {
      expect(e.header.name).toBe('f0');
      break;
    }
    expect(closed).toBe(true);
    expect(pulled).toBe(3);
  });

  it('closes the source when the archive is bad', async () => {
    let closed = false;
    async function* source(): AsyncIterable<Uint8Array> {
      try {
        yield new Uint8Array(512).fill(0x41);
        yield new Uint8Array(512);
      } finally {
        closed = true;
      }
    }
    expect((await errorOf(readAll(source()))).message).toBe('archive/tar: invalid tar header');
    expect(closed).toBe(true);
  });

  it('reads GNU long names and links, base-256 numbers, V7 directories and contiguous files', async () => {
    const longName = `gnu/${'L'.repeat(300)}`;
    const longLink = `/${'K'.repeat(200)}`;
    const base256Uid = new Uint8Array([0x80, 0, 0, 0, 0, 0x2d, 0xc6, 0xc0]); // 3000000
    const size = new Uint8Array(12);
    size[0] = 0x80;
    size[11] = 3;
    const bytes = concatBytes([
      rawHeader({ name: '././@LongLink', typeflag: 'L', size: longName.length + 1, magic: 'gnu' }),
      pad(utf8(longName + '\0')),
      rawHeader({ name: 'gnu/LLL', typeflag: '0', size: 2, magic: 'gnu' }),
      pad(utf8('ok')),
      rawHeader({ name: '././@LongLink', typeflag: 'K', size: longLink.length, magic: 'gnu' }),
      pad(utf8(longLink)),
      rawHeader({ name: 'gnu/link', typeflag: '2', magic: 'gnu' }),
      rawHeader({ name: 'big', typeflag: '0', uid: base256Uid, size, magic: 'gnu' }),
      pad(utf8('abc')),
      rawHeader({ name: 'olddir/', typeflag: '\0', magic: 'v7' }),
      rawHeader({ name: 'oldfile', typeflag: '\0', size: 1, magic: 'v7' }),
      pad(utf8('v')),
      rawHeader({ name: 'contiguous', typeflag: '7', size: 1 }),
      pad(utf8('c')),
      rawHeader({ name: 'caf\xe9', typeflag: '5', signedChecksum: true }),
      END,
    ]);
    const got = (await readAll(bytes)).map(({ header: h, data }) => [h.type, h.name, h.linkname, h.uid, fromUtf8(data)]);
    expect(got).toEqual([
      ['file', longName, '', 0, 'ok'],
      ['symlink', 'gnu/link', longLink, 0, ''],
      ['file', 'big', '', 3_000_000, 'abc'],
      ['dir', 'olddir/', '', 0, ''],
      ['file', 'oldfile', '', 0, 'v'],
      ['file', 'contiguous', '', 0, 'c'],
      ['dir', 'café', '', 0, ''],
    ]);
  });

  it('applies PAX records (sub-second mtime kept) and ignores global headers, as Docker does', async () => {
    const records = paxRecord('path', 'real/name.txt') + paxRecord('mtime', '1700000000.123456789') + paxRecord('uid', '70000');
    const global = paxRecord('comment', 'made by git archive') + paxRecord('path', 'not/applied');
    const bytes = concatBytes([
      rawHeader({ name: 'pax_global_header', typeflag: 'g', size: utf8(global).length }),
      pad(utf8(global)),
      rawHeader({ name: 'PaxHeaders.0/x', typeflag: 'x', size: utf8(records).length }),
      pad(utf8(records)),
      rawHeader({ name: 'short-name', typeflag: '0', size: 4 }),
      pad(utf8('data')),
      rawHeader({ name: 'next', typeflag: '0' }),
      END,
    ]);
    const [first, second] = await readAll(bytes);
    expect(first?.header).toMatchObject({ name: 'real/name.txt', uid: 70000, size: 4, mtimeMs: 1_700_000_000_123.4568 });
    expect(second?.header).toMatchObject({ name: 'next', uid: 0, mtimeMs: MTIME });
  });
});

describe('readTar errors', () => {
  const good = archive([entry('a', 'file', { data: 'x'.repeat(100) }), entry('b', 'file', { data: 'y' })]);

  it('refuses a bad checksum and garbage', async () => {
    const bytes = (await good).slice();
    bytes[0] = 0x62; // "a" → "b" without fixing the checksum
    expect(await errorOf(readAll(bytes))).toEqual({ code: 'InvalidArgument', message: 'archive/tar: invalid tar header' });
    const random = prng(7);
    const garbage = new Uint8Array(4096).map(() => Math.floor(random() * 256));
    expect((await errorOf(readAll(garbage))).message).toBe('archive/tar: invalid tar header');
    const gzip = new Uint8Array(1024);
    gzip.set([0x1f, 0x8b, 8, 0]);
    expect((await errorOf(readAll(gzip))).message).toBe('archive/tar: invalid tar header');
  });

  it('refuses a truncated archive', async () => {
    const bytes = await good;
    expect(await errorOf(readAll(bytes.subarray(0, 300)))).toEqual({ code: 'InvalidArgument', message: 'unexpected EOF' });
    expect((await errorOf(readAll(bytes.subarray(0, 512 + 50)))).message).toBe('unexpected EOF');
    expect((await errorOf(readAll(bytes.subarray(0, 1024 + 100)))).message).toBe('unexpected EOF');
    // An extension header with nothing after it is a cut archive too (Go would stop silently).
    const records = paxRecord('path', 'x');
    const dangling = concatBytes([rawHeader({ name: 'x', typeflag: 'x', size: records.length }), pad(utf8(records))]);
    expect((await errorOf(readAll(dangling))).message).toBe('unexpected EOF');
  });

  it('refuses a zero block followed by a header, and malformed PAX records', async () => {
    const bytes = await good;
    expect((await errorOf(readAll(concatBytes([new Uint8Array(512), bytes]))))).toEqual({
      code: 'InvalidArgument',
      message: 'archive/tar: invalid tar header',
    });
    for (const records of ['10 path\n', '99 path=x\n', '5 a=b\n', 'x path=y\n', '9 =value\n']) {
      const bad = concatBytes([rawHeader({ name: 'x', typeflag: 'x', size: records.length }), pad(utf8(records)), bytes]);
      expect((await errorOf(readAll(bad))).message).toBe('archive/tar: invalid tar header');
    }
  });

  it('refuses sparse files and other unsupported entry types', async () => {
    const sparse = concatBytes([rawHeader({ name: 'disk.img', typeflag: 'S', magic: 'gnu' }), END]);
    expect(await errorOf(readAll(sparse))).toEqual({
      code: 'InvalidArgument',
      message: `tar entry "disk.img" is a GNU sparse file; sparse files are not supported (type 'S')`,
    });
    const records = paxRecord('GNU.sparse.major', '1') + paxRecord('GNU.sparse.minor', '0') + paxRecord('GNU.sparse.name', 'disk.img');
    const paxSparse = concatBytes([
      rawHeader({ name: 'x', typeflag: 'x', size: records.length }),
      pad(utf8(records)),
      rawHeader({ name: 'GNUSparseFile.0/disk.img', typeflag: '0' }),
      END,
    ]);
    expect((await errorOf(readAll(paxSparse))).message).toBe('tar entry "disk.img" is a sparse file; sparse files are not supported');
    const volume = concatBytes([rawHeader({ name: 'backup', typeflag: 'V', magic: 'gnu' }), END]);
    expect((await errorOf(readAll(volume))).message).toMatch(/^tar entry "backup" is a GNU volume header/);
    const vendor = concatBytes([rawHeader({ name: 'odd', typeflag: 'Q' }), END]);
    expect((await errorOf(readAll(vendor))).message).toBe(`tar entry "odd" has an unsupported type 'Q'`);
  });

  it('caps extension headers at 1 MiB, as Go does', async () => {
    const huge = concatBytes([rawHeader({ name: '././@LongLink', typeflag: 'L', size: 2 << 20, magic: 'gnu' }), END]);
    expect((await errorOf(readAll(huge))).message).toBe('archive/tar: header field too long');
  });

  it('counts entries against maxEntries', async () => {
    const bytes = await archive(Array.from({ length: 5 }, (_, i) => entry(`f${i}`, 'file')));
    expect(await readAll(bytes, { maxEntries: 5 })).toHaveLength(5);
    expect(await errorOf(readAll(bytes, { maxEntries: 3, label: 'layer' }))).toEqual({
      code: 'ResourceExhausted',
      message: 'layer has more than 3 entries',
    });
  });

  it('checks declared sizes before reading or allocating the content', async () => {
    // A header that claims 10 GiB (in GNU base 256), then a few bytes, then a source that must not be read.
    const size = new Uint8Array(12);
    size[0] = 0x80;
    size.set([0x02, 0x80, 0, 0, 0], 7); // 10 * 2^30
    let overread = false;
    async function* bomb(): AsyncIterable<Uint8Array> {
      yield rawHeader({ name: 'usr/lib/huge.so', typeflag: '0', size, magic: 'gnu' });
      yield utf8('a few bytes');
      overread = true;
      throw new Error('read past the header');
    }
    expect(await errorOf(readAll(bomb(), { maxEntrySize: 1 << 30, label: 'layer' }))).toEqual({
      code: 'ResourceExhausted',
      message: 'layer entry "usr/lib/huge.so" exceeds the size limit of 1 GiB',
    });
    expect(await errorOf(readAll(bomb(), { maxTotalSize: 1 << 30, label: 'layer' }))).toEqual({
      code: 'ResourceExhausted',
      message: 'layer exceeds the size limit of 1 GiB',
    });
    expect(overread).toBe(false);

    const three = await archive(['a', 'b', 'c'].map((n) => entry(n, 'file', { data: 'z'.repeat(400) })));
    expect(await readAll(three, { maxTotalSize: 1200 })).toHaveLength(3);
    expect((await errorOf(readAll(three, { maxTotalSize: 1000 }))).message).toBe('archive exceeds the size limit of 1000 bytes');
  });
});

// ---------------------------------------------------------------------------
// Interoperability with the system's GNU tar and busybox tar.

const hasTool = (cmd: string, args: string[]): boolean => spawnSync(cmd, args).status === 0;
const gnuTar = hasTool('tar', ['--version']) && /GNU tar/.test(spawnSync('tar', ['--version']).stdout.toString());
const busybox = fs.existsSync('/usr/bin/busybox') && hasTool('/usr/bin/busybox', ['tar', '--help']);
if (!gnuTar) console.log('tar.test: GNU tar not found; skipping the GNU tar interop tests');
if (!busybox) console.log('tar.test: /usr/bin/busybox not found; skipping the busybox interop tests');
const isRoot = process.getuid?.() === 0;

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-tar-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
let tmpCount = 0;
const tmpDir = (): string => fs.mkdtempSync(path.join(tmpRoot, `${tmpCount++}-`));

function run(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A directory tree with every kind of entry `format` can store. */
function makeTree(root: string, format: string): void {
  const file = (rel: string, content: string | Uint8Array, mode = 0o644): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
    fs.chmodSync(path.join(root, rel), mode);
  };
  fs.mkdirSync(path.join(root, 'd/sub'), { recursive: true });
  fs.chmodSync(path.join(root, 'd/sub'), 0o700);
  file('d/empty', '');
  file('d/small', 'hello');
  for (const size of [511, 512, 513]) file(`d/b${size}`, new Uint8Array(size).fill(size & 0xff));
  file('d/exec', '#!/bin/sh\necho hi\n', 0o755);
  file('d/suid', 'suid', 0o4755);
  file('d/café-日本.txt', 'unicode');
  if (format !== 'v7') file(`d/${'x'.repeat(60)}/${'y'.repeat(60)}`, 'ustar prefix');
  fs.symlinkSync('small', path.join(root, 'd/link'));
  fs.symlinkSync('/etc/passwd', path.join(root, 'd/abslink'));
  fs.linkSync(path.join(root, 'd/small'), path.join(root, 'd/hard'));
  if (format !== 'v7') spawnSync('mkfifo', [path.join(root, 'd/fifo')]);
  if (format === 'gnu' || format === 'posix') {
    file(`d/${'z'.repeat(200)}`, 'long component');
    file(`d/${Array.from({ length: 5 }, () => 'p'.repeat(50)).join('/')}/file`, 'over 255');
    fs.symlinkSync('t'.repeat(150), path.join(root, 'd/longlink'));
  }
  const when = new Date(1_700_000_000_250); // a quarter second: only PAX keeps it
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      const st = fs.lstatSync(p);
      if (st.isDirectory()) walk(p);
      if (!st.isSymbolicLink()) fs.utimesSync(p, when, when);
    }
  };
  walk(root);
  fs.utimesSync(root, when, when);
}

function typeOf(st: fs.Stats): TarEntryType {
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice()) return 'char';
  if (st.isBlockDevice()) return 'block';
  return 'file';
}

function countTree(root: string): number {
  let n = 1;
  for (const name of fs.readdirSync(root)) {
    const p = path.join(root, name);
    n += fs.lstatSync(p).isDirectory() ? countTree(p) : 1;
  }
  return n;
}

describe.skipIf(!gnuTar)('interop: archives made by GNU tar', () => {
  for (const format of ['gnu', 'posix', 'ustar', 'v7']) {
    it(`reads --format=${format}`, async () => {
      const dir = tmpDir();
      const src = path.join(dir, 'src');
      fs.mkdirSync(src);
      makeTree(src, format);
      const tarFile = path.join(dir, 'out.tar');
      run('tar', [`--format=${format}`, '-cf', tarFile, '-C', src, '.']);
      const entries = await readAll(fs.readFileSync(tarFile));

      const listed = run('tar', ['--quoting-style=literal', '-tf', tarFile]).split('\n').filter(Boolean);
      expect(entries.map((e) => e.header.name)).toEqual(listed);
      expect(entries).toHaveLength(countTree(src));
      for (const { header, data } of entries) {
        const onDisk = path.join(src, header.name);
        const st = fs.lstatSync(onDisk);
        const where = `${format}: ${header.name}`;
        if (header.type === 'hardlink') {
          expect(fs.lstatSync(path.join(src, header.linkname)).ino, where).toBe(st.ino);
          continue;
        }
        expect(header.type, where).toBe(typeOf(st));
        expect(header.mode, where).toBe(st.mode & 0o7777);
        expect([header.uid, header.gid], where).toEqual([st.uid, st.gid]);
        if (header.type === 'dir') expect(header.name.endsWith('/'), where).toBe(true);
        if (header.type === 'file') expect(Buffer.from(data).equals(fs.readFileSync(onDisk)), where).toBe(true);
        else expect(data.length, where).toBe(0);
        if (header.type === 'symlink') expect(header.linkname, where).toBe(fs.readlinkSync(onDisk));
        const mtime = format === 'posix' ? st.mtimeMs : Math.floor(st.mtimeMs / 1000) * 1000;
        if (header.type !== 'symlink') expect(header.mtimeMs, where).toBeCloseTo(mtime, 3);
      }
    });
  }

  it('reads big ids: base 256 (gnu) and PAX records (posix)', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'f'), 'x');
    for (const format of ['gnu', 'posix']) {
      const tarFile = path.join(dir, `${format}.tar`);
      run('tar', [`--format=${format}`, '--owner=big:3000000', '--group=huge:4000000', '-cf', tarFile, '-C', dir, 'f']);
      const [e] = await readAll(fs.readFileSync(tarFile));
      expect(e?.header).toMatchObject({ name: 'f', uid: 3_000_000, gid: 4_000_000, uname: 'big', gname: 'huge' });
    }
  });

  it('refuses GNU tar sparse files (old GNU and PAX forms)', async () => {
    const dir = tmpDir();
    const sparse = path.join(dir, 'disk.img');
    fs.writeFileSync(sparse, 'start');
    fs.truncateSync(sparse, 4 << 20);
    for (const format of ['gnu', 'posix']) {
      const tarFile = path.join(dir, `${format}.tar`);
      run('tar', [`--format=${format}`, '--sparse', '-cf', tarFile, '-C', dir, 'disk.img']);
      const err = await errorOf(readAll(fs.readFileSync(tarFile)));
      expect(err.code).toBe('InvalidArgument');
      expect(err.message).toMatch(/^tar entry "disk.img" is a (GNU )?sparse file; sparse files are not supported/);
    }
  });
});

/** Entries that exercise what the writer does: every type, long names and links, unicode, odd sizes and modes. */
function writerEntries(): TarEntry[] {
  const deep = Array.from({ length: 5 }, (_, i) => `level${i}-${'d'.repeat(50)}`).join('/');
  const dirs = ['top', 'top/sub', `top/${'s'.repeat(120)}`, `top/${deep}`];
  return [
    ...dirs.map((d) => entry(d, 'dir', { mode: d === 'top/sub' ? 0o700 : 0o755 })),
    entry('top/empty', 'file'),
    ...[1, 511, 512, 513, 70_000].map((size) =>
      entry(`top/b${size}`, 'file', { data: new Uint8Array(size).map((_, i) => (i * 31 + size) & 0xff) }),
    ),
    entry('top/exec', 'file', { mode: 0o755, data: '#!/bin/sh\n' }),
    entry('top/secret', 'file', { mode: 0o600, data: 'shh' }),
    entry('top/suid', 'file', { mode: 0o4755, data: 'suid' }),
    entry('top/owned', 'file', { uid: 1234, gid: 5678, data: 'mine' }),
    entry('top/données-日本.txt', 'file', { data: 'unicode' }),
    entry(`top/${'s'.repeat(120)}/${'f'.repeat(90)}`, 'file', { data: 'ustar prefix' }),
    entry(`top/${'z'.repeat(200)}`, 'file', { data: 'pax path' }),
    entry(`top/${deep}/leaf`, 'file', { data: 'over 255 bytes' }),
    entry('top/link', 'symlink', { mode: 0o777, linkname: 'b1' }),
    entry('top/longlink', 'symlink', { mode: 0o777, linkname: `${deep}/leaf` }),
    entry('top/hard', 'hardlink', { linkname: 'top/b513' }),
    entry('top/hard-deep', 'hardlink', { linkname: `top/${deep}/leaf` }),
    entry('top/fifo', 'fifo', { mode: 0o644 }),
  ];
}

function checkExtracted(root: string, entries: TarEntry[], tool: string): void {
  for (const { header, data } of entries) {
    const onDisk = path.join(root, header.name);
    const st = fs.lstatSync(onDisk);
    const where = `${tool}: ${header.name}`;
    if (header.type === 'hardlink') {
      expect(st.ino, where).toBe(fs.lstatSync(path.join(root, header.linkname)).ino);
      continue;
    }
    expect(typeOf(st), where).toBe(header.type);
    if (header.type !== 'symlink') expect(st.mode & 0o7777, where).toBe(header.mode);
    if (header.type === 'file') {
      expect(Buffer.from(data).equals(fs.readFileSync(onDisk)), where).toBe(true);
      expect(st.mtimeMs, where).toBe(header.mtimeMs);
      if (isRoot) expect([st.uid, st.gid], where).toEqual([header.uid, header.gid]);
    }
    if (header.type === 'symlink') expect(fs.readlinkSync(onDisk), where).toBe(header.linkname);
  }
}

describe('interop: archives written by writeTar', () => {
  const written = (async () => {
    const file = path.join(tmpDir(), 'berth.tar');
    fs.writeFileSync(file, await archive(writerEntries()));
    return file;
  })();
  const names = writerEntries().map((e) => expected(e).header.name);

  it.skipIf(!gnuTar)('GNU tar lists and extracts them', async () => {
    const file = await written;
    expect(run('tar', ['--quoting-style=literal', '-tf', file]).split('\n').filter(Boolean)).toEqual(names);
    const out = tmpDir();
    run('tar', ['-xf', file, '-C', out, '--numeric-owner']);
    checkExtracted(out, writerEntries(), 'GNU tar');
  });

  it.skipIf(!busybox)('busybox tar lists and extracts them', async () => {
    const file = await written;
    expect(run('/usr/bin/busybox', ['tar', '-tf', file]).split('\n').filter(Boolean)).toEqual(names);
    const out = tmpDir();
    run('/usr/bin/busybox', ['tar', '-xf', file, '-C', out]);
    checkExtracted(out, writerEntries(), 'busybox tar');
  });

  it.skipIf(!gnuTar)('GNU tar lists devices, owners and xattrs as written', async () => {
    const file = path.join(tmpDir(), 'dev.tar');
    fs.writeFileSync(
      file,
      await archive([
        entry('dev/null', 'char', { mode: 0o666, devmajor: 1, devminor: 3 }),
        entry('dev/sda', 'block', { mode: 0o660, devmajor: 8, devminor: 0 }),
        entry('big', 'file', { uid: 3_000_000, gid: 2_100_000, data: 'x' }),
        entry('cap', 'file', { xattrs: { 'user.note': utf8('hi') }, data: 'y' }),
      ]),
    );
    const lines = run('tar', ['--numeric-owner', '--xattrs', '-tvvf', file]).split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^crw-rw-rw- +0\/0 +1,3 .* dev\/null$/);
    expect(lines[1]).toMatch(/^brw-rw---- +0\/0 +8,0 .* dev\/sda$/);
    expect(lines[2]).toMatch(/^-rw-r--r-- +3000000\/2100000 +1 .* big$/);
    expect(lines[3]).toMatch(/^-rw-r--r--\* 0\/0 +1 .* cap$/); // "*": has xattrs
    expect(lines[4]?.trim()).toBe('x: 2 user.note');
  });
});
