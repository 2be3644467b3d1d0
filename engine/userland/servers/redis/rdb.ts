/**
 * The RDB file (dump.rdb): Redis's snapshot of the keyspace.
 *
 *     "REDIS0012"                          magic and format version (7.4 writes 12)
 *     FA <key> <value> …                   aux fields: redis-ver, redis-bits, ctime, used-mem, aof-base
 *     FE <db> FB <size> <expires>          select a database, with its sizes
 *     [FC <ms, 8 bytes LE>] <type> <key> <value>   one key, with its expire time
 *     FF <CRC-64, 8 bytes LE>              end, and a checksum of everything before it
 *
 * Berth writes values in the plain encodings (type 0 string, 1 list, 2 set,
 * 4 hash), which every Redis can load; it reads those and the compact ones
 * Redis 7 writes (listpack, quicklist, intset), and LZF-compressed strings.
 */
import { bin, bytesOf } from './resp.ts';
import { Keyspace, type Value } from './store.ts';

export const RDB_VERSION = 12;

// ---- CRC-64 (Jones polynomial, reflected, as Redis's crc64.c) ----------------------

const CRC_TABLE = (() => {
  const poly = 0x95ac9329ac4bc9b5n; // 0xad93d23594c935a9 reflected
  const t: bigint[] = [];
  for (let i = 0n; i < 256n; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ poly : c >> 1n;
    t.push(c);
  }
  return t;
})();

export function crc64(data: Uint8Array, crc = 0n): bigint {
  for (const b of data) crc = CRC_TABLE[Number((crc ^ BigInt(b)) & 0xffn)]! ^ (crc >> 8n);
  return crc;
}

// ---- writing ----------------------------------------------------------------------

class Writer {
  private parts: number[] = [];
  byte(b: number): void {
    this.parts.push(b & 255);
  }
  raw(s: string): void {
    for (let i = 0; i < s.length; i++) this.parts.push(s.charCodeAt(i) & 255);
  }
  len(n: number): void {
    if (n < 64) this.byte(n);
    else if (n < 16384) {
      this.byte(0x40 | (n >> 8));
      this.byte(n & 255);
    } else {
      this.byte(0x80);
      for (let s = 24; s >= 0; s -= 8) this.byte((n >>> s) & 255);
    }
  }
  /** rdbSaveRawString: small integers in their integer encodings, everything else length-prefixed. */
  string(s: string): void {
    if (s.length <= 11 && /^-?[1-9]\d*$|^0$/.test(s)) {
      const v = Number(s);
      if (v >= -128 && v <= 127) return this.int(0xc0, v, 1);
      if (v >= -32768 && v <= 32767) return this.int(0xc1, v, 2);
      if (v >= -2147483648 && v <= 2147483647) return this.int(0xc2, v, 4);
    }
    this.len(s.length);
    this.raw(s);
  }
  private int(tag: number, v: number, size: number): void {
    this.byte(tag);
    for (let i = 0; i < size; i++) this.byte(Number((BigInt(v) >> BigInt(8 * i)) & 0xffn));
  }
  u64le(v: number): void {
    for (let i = 0; i < 8; i++) this.byte(Number((BigInt(v) >> BigInt(8 * i)) & 0xffn));
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export interface RdbAux {
  ctimeSec: number;
  usedMem: number;
  /** 1 in an AOF base file. */
  aofBase?: number;
}

/** The RDB image of a keyspace (expired keys are left out, as rdbSave skips nothing but loading drops them). */
export function encodeRdb(ks: Keyspace, aux: RdbAux): Uint8Array {
  const w = new Writer();
  w.raw(`REDIS${String(RDB_VERSION).padStart(4, '0')}`);
  const auxField = (k: string, v: string) => {
    w.byte(0xfa);
    w.string(k);
    w.string(v);
  };
  auxField('redis-ver', '7.4.1');
  auxField('redis-bits', '64');
  auxField('ctime', String(aux.ctimeSec));
  auxField('used-mem', String(aux.usedMem));
  auxField('aof-base', String(aux.aofBase ?? 0));
  for (const [i, db] of ks.dbs.entries()) {
    if (db.keys.size === 0) continue;
    w.byte(0xfe);
    w.len(i);
    w.byte(0xfb);
    w.len(db.keys.size);
    w.len(db.expires.size);
    for (const [key, value] of db.keys) {
      const at = db.expires.get(key);
      if (at !== undefined) {
        w.byte(0xfc);
        w.u64le(at);
      }
      writeValue(w, key, value);
    }
  }
  w.byte(0xff);
  const body = w.bytes();
  const out = new Uint8Array(body.length + 8);
  out.set(body);
  const crc = crc64(body);
  for (let i = 0; i < 8; i++) out[body.length + i] = Number((crc >> BigInt(8 * i)) & 0xffn);
  return out;
}

function writeValue(w: Writer, key: string, v: Value): void {
  const type = { string: 0, list: 1, set: 2, hash: 4 }[v.type];
  w.byte(type);
  w.string(key);
  switch (v.type) {
    case 'string':
      w.string(v.value);
      break;
    case 'list':
      w.len(v.value.length);
      for (const e of v.value) w.string(e);
      break;
    case 'set':
      w.len(v.value.size);
      for (const e of v.value) w.string(e);
      break;
    case 'hash':
      w.len(v.value.size);
      for (const [f, val] of v.value) {
        w.string(f);
        w.string(val);
      }
  }
}

// ---- reading ----------------------------------------------------------------------

export class RdbError extends Error {}

class Reader {
  pos = 0;
  constructor(readonly data: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.data.length) throw new RdbError('Unexpected EOF reading RDB file');
    return this.data[this.pos++]!;
  }
  take(n: number): Uint8Array {
    if (this.pos + n > this.data.length) throw new RdbError('Unexpected EOF reading RDB file');
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** A length, or (encoded) the special string encoding number. */
  len(): { value: number; encoded: boolean } {
    const b = this.byte();
    const kind = b >> 6;
    if (kind === 0) return { value: b & 63, encoded: false };
    if (kind === 1) return { value: ((b & 63) << 8) | this.byte(), encoded: false };
    if (kind === 3) return { value: b & 63, encoded: true };
    if (b === 0x80) return { value: this.take(4).reduce((n, x) => n * 256 + x, 0), encoded: false };
    if (b === 0x81) return { value: this.take(8).reduce((n, x) => n * 256 + x, 0), encoded: false };
    throw new RdbError(`Unknown length encoding ${b} in rdbLoadLen()`);
  }
  length(): number {
    const l = this.len();
    if (l.encoded) throw new RdbError('Unexpected encoded length');
    return l.value;
  }
  int(size: number): number {
    const b = this.take(size);
    let v = 0n;
    for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
    return Number(BigInt.asIntN(size * 8, v));
  }
  string(): string {
    const l = this.len();
    if (!l.encoded) return bin(this.take(l.value));
    if (l.value === 0) return String(this.int(1));
    if (l.value === 1) return String(this.int(2));
    if (l.value === 2) return String(this.int(4));
    if (l.value === 3) {
      const clen = this.length();
      const ulen = this.length();
      return bin(lzfDecompress(this.take(clen), ulen));
    }
    throw new RdbError(`Unknown RDB string encoding type ${l.value}`);
  }
}

function lzfDecompress(src: Uint8Array, outLen: number): Uint8Array {
  const out = new Uint8Array(outLen);
  let ip = 0;
  let op = 0;
  while (ip < src.length) {
    const ctrl = src[ip++]!;
    if (ctrl < 32) {
      for (let i = 0; i <= ctrl; i++) out[op++] = src[ip++]!;
    } else {
      let len = ctrl >> 5;
      if (len === 7) len += src[ip++]!;
      let ref = op - ((ctrl & 0x1f) << 8) - 1 - src[ip++]!;
      for (let i = 0; i < len + 2; i++) out[op++] = out[ref++]!;
    }
  }
  if (op !== outLen) throw new RdbError('Invalid LZF compressed string');
  return out;
}

/** The entries of a listpack (Redis 7's compact encoding for small collections). */
function listpackEntries(lp: Uint8Array): string[] {
  const out: string[] = [];
  let p = 6;
  const u = (n: number) => lp.subarray(p, p + n).reduce((v, x, i) => v + x * 2 ** (8 * i), 0);
  const signed = (v: number, bits: number) => (v >= 2 ** (bits - 1) ? v - 2 ** bits : v);
  while (p < lp.length && lp[p] !== 0xff) {
    const b = lp[p]!;
    const start = p;
    if (b < 0x80) {
      out.push(String(b));
      p += 1;
    } else if (b >> 6 === 2) {
      const n = b & 63;
      out.push(bin(lp.subarray(p + 1, p + 1 + n)));
      p += 1 + n;
    } else if (b >> 5 === 6) {
      out.push(String(signed(((b & 31) << 8) | lp[p + 1]!, 13)));
      p += 2;
    } else if (b >> 4 === 14) {
      const n = ((b & 15) << 8) | lp[p + 1]!;
      out.push(bin(lp.subarray(p + 2, p + 2 + n)));
      p += 2 + n;
    } else if (b === 0xf0) {
      p += 1;
      const n = u(4);
      out.push(bin(lp.subarray(p + 4, p + 4 + n)));
      p += 4 + n;
    } else {
      const size = { 0xf1: 2, 0xf2: 3, 0xf3: 4, 0xf4: 8 }[b];
      if (!size) throw new RdbError('Invalid listpack entry');
      p += 1;
      if (size === 8) out.push(String(BigInt.asIntN(64, lp.subarray(p, p + 8).reduce((v, x, i) => v | (BigInt(x) << BigInt(8 * i)), 0n))));
      else out.push(String(signed(u(size), size * 8)));
      p += size;
    }
    const entryLen = p - start;
    p += entryLen < 128 ? 1 : entryLen < 16384 ? 2 : entryLen < 2097152 ? 3 : entryLen < 268435456 ? 4 : 5;
  }
  return out;
}

function intsetEntries(s: Uint8Array): string[] {
  const enc = s[0]! | (s[1]! << 8);
  const n = s[4]! | (s[5]! << 8) | (s[6]! << 16) | (s[7]! * 2 ** 24);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const o = 8 + i * enc;
    let v = 0n;
    for (let k = enc - 1; k >= 0; k--) v = (v << 8n) | BigInt(s[o + k]!);
    out.push(String(BigInt.asIntN(enc * 8, v)));
  }
  return out;
}

function pairs(items: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < items.length; i += 2) m.set(items[i]!, items[i + 1]!);
  return m;
}

function readValue(r: Reader, type: number): Value {
  switch (type) {
    case 0:
      return { type: 'string', value: r.string() };
    case 1:
      return { type: 'list', value: Array.from({ length: r.length() }, () => r.string()) };
    case 2:
      return { type: 'set', value: new Set(Array.from({ length: r.length() }, () => r.string())) };
    case 4: {
      const n = r.length();
      const m = new Map<string, string>();
      for (let i = 0; i < n; i++) m.set(r.string(), r.string());
      return { type: 'hash', value: m };
    }
    case 11:
      return { type: 'set', value: new Set(intsetEntries(bytesOf(r.string()))) };
    case 16:
      return { type: 'hash', value: pairs(listpackEntries(bytesOf(r.string()))) };
    case 20:
      return { type: 'set', value: new Set(listpackEntries(bytesOf(r.string()))) };
    case 18: {
      const nodes = r.length();
      const items: string[] = [];
      for (let i = 0; i < nodes; i++) {
        const container = r.length();
        const data = r.string();
        if (container === 1) items.push(data);
        else items.push(...listpackEntries(bytesOf(data)));
      }
      return { type: 'list', value: items };
    }
    default:
      throw new RdbError(`Unknown RDB encoding type ${type}`);
  }
}

export interface LoadedRdb {
  aux: Map<string, string>;
  loaded: number;
  expired: number;
}

/** Loads an RDB image into `ks` (keys already expired are dropped, as a master does). */
export function decodeRdb(data: Uint8Array, ks: Keyspace, onAux?: (key: string, value: string) => void): LoadedRdb {
  const magic = bin(data.subarray(0, 9));
  if (!/^REDIS\d{4}$/.test(magic)) throw new RdbError('Wrong signature trying to load DB from file');
  const version = Number(magic.slice(5));
  if (version < 1 || version > RDB_VERSION) throw new RdbError(`Can't handle RDB format version ${version}`);
  const r = new Reader(data);
  r.pos = 9;
  const aux = new Map<string, string>();
  let db = 0;
  let expireAt: number | undefined;
  let loaded = 0;
  let expired = 0;
  const now = ks.now();
  for (;;) {
    const op = r.byte();
    if (op === 0xff) break;
    if (op === 0xfa) {
      const k = r.string();
      const v = r.string();
      aux.set(k, v);
      onAux?.(k, v);
    } else if (op === 0xfe) {
      db = r.length();
      if (db >= ks.dbs.length) throw new RdbError(`FATAL: Data file was created with a Redis server configured to handle more than ${ks.dbs.length} databases. Exiting\n`);
    } else if (op === 0xfb) {
      r.length();
      r.length();
    } else if (op === 0xfc) expireAt = r.int(8);
    else if (op === 0xfd) expireAt = r.int(4) * 1000;
    else if (op === 0xf8) r.length();
    else if (op === 0xf9) r.byte();
    else {
      const key = r.string();
      const value = readValue(r, op);
      if (expireAt !== undefined && expireAt <= now) expired++;
      else {
        ks.dbs[db]!.keys.set(key, value);
        if (expireAt !== undefined) ks.dbs[db]!.expires.set(key, expireAt);
        loaded++;
      }
      expireAt = undefined;
    }
  }
  if (version >= 5 && r.pos + 8 <= data.length) {
    const stored = r.take(8).reduce((v, x, i) => v | (BigInt(x) << BigInt(8 * i)), 0n);
    if (stored !== 0n && stored !== crc64(data.subarray(0, r.pos - 8))) throw new RdbError('RDB CRC error');
  }
  return { aux, loaded, expired };
}
