/**
 * Message digests for md5sum, sha1sum, sha256sum and sha512sum, in plain
 * TypeScript (programs cannot reach the platform's crypto). Incremental:
 *
 *     const h = createHash('sha256');
 *     h.update(bytes); h.update(more);
 *     h.hex();   // "e3b0c442…"
 */

export type HashName = 'md5' | 'sha1' | 'sha256' | 'sha512';

export interface Hash {
  update(data: Uint8Array): void;
  /** Lowercase hex; the hash cannot be updated afterwards. */
  hex(): string;
}

/** Block-buffering shared by all four: `compress` eats one block at a time. */
abstract class BlockHash implements Hash {
  private readonly block: Uint8Array;
  private fill = 0;
  private length = 0;
  constructor(
    private readonly blockSize: number,
    private readonly lengthBytes: number,
    private readonly bigEndian: boolean,
  ) {
    this.block = new Uint8Array(blockSize);
  }
  protected abstract compress(block: Uint8Array): void;
  protected abstract digest(): Uint8Array;

  update(data: Uint8Array): void {
    this.length += data.length;
    let i = 0;
    while (i < data.length) {
      const n = Math.min(this.blockSize - this.fill, data.length - i);
      this.block.set(data.subarray(i, i + n), this.fill);
      this.fill += n;
      i += n;
      if (this.fill === this.blockSize) {
        this.compress(this.block);
        this.fill = 0;
      }
    }
  }

  hex(): string {
    const bits = BigInt(this.length) * 8n;
    const pad = new Uint8Array(((this.blockSize - ((this.fill + 1 + this.lengthBytes) % this.blockSize)) % this.blockSize) + 1 + this.lengthBytes);
    pad[0] = 0x80;
    for (let k = 0; k < this.lengthBytes; k++) {
      const byte = Number((bits >> BigInt(8 * k)) & 0xffn);
      pad[this.bigEndian ? pad.length - 1 - k : pad.length - this.lengthBytes + k] = byte;
    }
    const len = this.length;
    this.update(pad);
    this.length = len;
    let s = '';
    for (const b of this.digest()) s += b.toString(16).padStart(2, '0');
    return s;
  }
}

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

class Md5 extends BlockHash {
  private h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  constructor() {
    super(64, 8, false);
  }
  protected compress(b: Uint8Array): void {
    const m = new Array<number>(16);
    for (let i = 0; i < 16; i++) m[i] = b[4 * i]! | (b[4 * i + 1]! << 8) | (b[4 * i + 2]! << 16) | (b[4 * i + 3]! << 24);
    let [a, bb, c, d] = this.h as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (bb & c) | (~bb & d);
        g = i;
      } else if (i < 32) {
        f = (d & bb) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = bb ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (bb | ~d);
        g = (7 * i) % 16;
      }
      const t = d;
      d = c;
      c = bb;
      bb = (bb + rotl((a + f + MD5_K[i]! + m[g]!) | 0, MD5_S[(i >> 4) * 4 + (i % 4)]!)) | 0;
      a = t;
    }
    this.h = [(this.h[0]! + a) | 0, (this.h[1]! + bb) | 0, (this.h[2]! + c) | 0, (this.h[3]! + d) | 0];
  }
  protected digest(): Uint8Array {
    const out = new Uint8Array(16);
    this.h.forEach((v, i) => {
      for (let k = 0; k < 4; k++) out[4 * i + k] = (v >>> (8 * k)) & 255;
    });
    return out;
  }
}

function bigEndianWords(words: number[]): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  words.forEach((v, i) => {
    for (let k = 0; k < 4; k++) out[4 * i + k] = (v >>> (24 - 8 * k)) & 255;
  });
  return out;
}

class Sha1 extends BlockHash {
  private h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  constructor() {
    super(64, 8, true);
  }
  protected compress(b: Uint8Array): void {
    const w = new Array<number>(80);
    for (let i = 0; i < 16; i++) w[i] = (b[4 * i]! << 24) | (b[4 * i + 1]! << 16) | (b[4 * i + 2]! << 8) | b[4 * i + 3]!;
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, bb, c, d, e] = this.h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(bb & c) | (~bb & d), 0x5a827999] : i < 40 ? [bb ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(bb & c) | (bb & d) | (c & d), 0x8f1bbcdc] : [bb ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = rotl(bb, 30);
      bb = a;
      a = t;
    }
    this.h = this.h.map((v, i) => (v + [a, bb, c, d, e][i]!) | 0);
  }
  protected digest(): Uint8Array {
    return bigEndianWords(this.h);
  }
}

const SHA256_K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

class Sha256 extends BlockHash {
  private h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  private readonly w = new Int32Array(64);
  constructor() {
    super(64, 8, true);
  }
  protected compress(b: Uint8Array): void {
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = (b[4 * i]! << 24) | (b[4 * i + 1]! << 16) | (b[4 * i + 2]! << 8) | b[4 * i + 3]!;
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
      const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let [a, bb, c, d, e, f, g, h] = this.h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i]! + w[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    this.h = this.h.map((v, i) => (v + [a, bb, c, d, e, f, g, h][i]!) | 0);
  }
  protected digest(): Uint8Array {
    return bigEndianWords(this.h);
  }
}

const M64 = (1n << 64n) - 1n;
const rotr64 = (x: bigint, n: bigint) => ((x >> n) | (x << (64n - n))) & M64;
const SHA512_K = [
  '428a2f98d728ae22', '7137449123ef65cd', 'b5c0fbcfec4d3b2f', 'e9b5dba58189dbbc', '3956c25bf348b538', '59f111f1b605d019', '923f82a4af194f9b', 'ab1c5ed5da6d8118', 'd807aa98a3030242', '12835b0145706fbe', '243185be4ee4b28c', '550c7dc3d5ffb4e2', '72be5d74f27b896f', '80deb1fe3b1696b1', '9bdc06a725c71235', 'c19bf174cf692694', 'e49b69c19ef14ad2', 'efbe4786384f25e3', '0fc19dc68b8cd5b5', '240ca1cc77ac9c65', '2de92c6f592b0275', '4a7484aa6ea6e483', '5cb0a9dcbd41fbd4', '76f988da831153b5', '983e5152ee66dfab', 'a831c66d2db43210', 'b00327c898fb213f', 'bf597fc7beef0ee4', 'c6e00bf33da88fc2', 'd5a79147930aa725', '06ca6351e003826f', '142929670a0e6e70', '27b70a8546d22ffc', '2e1b21385c26c926', '4d2c6dfc5ac42aed', '53380d139d95b3df', '650a73548baf63de', '766a0abb3c77b2a8', '81c2c92e47edaee6', '92722c851482353b', 'a2bfe8a14cf10364', 'a81a664bbc423001', 'c24b8b70d0f89791', 'c76c51a30654be30', 'd192e819d6ef5218', 'd69906245565a910', 'f40e35855771202a', '106aa07032bbd1b8', '19a4c116b8d2d0c8', '1e376c085141ab53', '2748774cdf8eeb99', '34b0bcb5e19b48a8', '391c0cb3c5c95a63', '4ed8aa4ae3418acb', '5b9cca4f7763e373', '682e6ff3d6b2b8a3', '748f82ee5defb2fc', '78a5636f43172f60', '84c87814a1f0ab72', '8cc702081a6439ec', '90befffa23631e28', 'a4506cebde82bde9', 'bef9a3f7b2c67915', 'c67178f2e372532b', 'ca273eceea26619c', 'd186b8c721c0c207', 'eada7dd6cde0eb1e', 'f57d4f7fee6ed178', '06f067aa72176fba', '0a637dc5a2c898a6', '113f9804bef90dae', '1b710b35131c471b', '28db77f523047d84', '32caab7b40c72493', '3c9ebe0a15c9bebc', '431d67c49c100d4c', '4cc5d4becb3e42b6', '597f299cfc657e2a', '5fcb6fab3ad6faec', '6c44198c4a475817',
].map((h) => BigInt('0x' + h));

class Sha512 extends BlockHash {
  private h = ['6a09e667f3bcc908', 'bb67ae8584caa73b', '3c6ef372fe94f82b', 'a54ff53a5f1d36f1', '510e527fade682d1', '9b05688c2b3e6c1f', '1f83d9abfb41bd6b', '5be0cd19137e2179'].map((h) => BigInt('0x' + h));
  constructor() {
    super(128, 16, true);
  }
  protected compress(b: Uint8Array): void {
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const w: bigint[] = [];
    for (let i = 0; i < 16; i++) w.push(view.getBigUint64(8 * i));
    for (let i = 16; i < 80; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = rotr64(x, 1n) ^ rotr64(x, 8n) ^ (x >> 7n);
      const s1 = rotr64(y, 19n) ^ rotr64(y, 61n) ^ (y >> 6n);
      w.push((w[i - 16]! + s0 + w[i - 7]! + s1) & M64);
    }
    let [a, bb, c, d, e, f, g, h] = this.h as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
    for (let i = 0; i < 80; i++) {
      const t1 = (h + (rotr64(e, 14n) ^ rotr64(e, 18n) ^ rotr64(e, 41n)) + ((e & f) ^ (~e & M64 & g)) + SHA512_K[i]! + w[i]!) & M64;
      const t2 = ((rotr64(a, 28n) ^ rotr64(a, 34n) ^ rotr64(a, 39n)) + ((a & bb) ^ (a & c) ^ (bb & c))) & M64;
      h = g;
      g = f;
      f = e;
      e = (d + t1) & M64;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) & M64;
    }
    this.h = this.h.map((v, i) => (v + [a, bb, c, d, e, f, g, h][i]!) & M64);
  }
  protected digest(): Uint8Array {
    const out = new Uint8Array(64);
    const view = new DataView(out.buffer);
    this.h.forEach((v, i) => view.setBigUint64(8 * i, v));
    return out;
  }
}

export function createHash(name: HashName): Hash {
  switch (name) {
    case 'md5':
      return new Md5();
    case 'sha1':
      return new Sha1();
    case 'sha256':
      return new Sha256();
    case 'sha512':
      return new Sha512();
  }
}
