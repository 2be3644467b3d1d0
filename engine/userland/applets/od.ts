/**
 * od [-abcdfhilosxv] [-t TYPE]... [-A RADIX] [-N SIZE] [-j SKIP] [-w WIDTH] [FILE]...:
 * dump files in octal and other formats (busybox's full od). TYPE is
 * [doux][CSIL1248], f[FD48], a or c, with an optional z (text trailer).
 * Identical lines collapse to "*" unless -v. Not supported: -S (strings),
 * --traditional, long double (fL).
 */
import { FsError, strerror } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { AppletError, applet } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';
import { BKM, put } from '../lib/text-io.ts';
import { formatFloat, formatInt } from '../lib/text-printf.ts';

const USAGE =
  'Usage: od [-abcdfhilovxs] [-t TYPE] [-A RADIX] [-N SIZE] [-j SKIP] [-S MINSTR] [-w WIDTH] [FILE]...\n\nPrint FILEs (or stdin) unambiguously, as octal bytes by default';

const OCT_DIGITS = [0, 3, 6, 8, 11, 14, 16, 19, 22];
const SDEC_DIGITS = [1, 4, 6, 8, 11, 13, 16, 18, 20];
const UDEC_DIGITS = [0, 3, 5, 8, 10, 13, 15, 17, 20];
const HEX_DIGITS = [0, 2, 4, 6, 8, 10, 12, 14, 16];

const NAMES = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', ' bs', ' ht', ' nl', ' vt', ' ff', ' cr', ' so', ' si', 'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', ' em', 'sub', 'esc', ' fs', ' gs', ' rs', ' us', ' sp'];

interface Spec {
  kind: 'd' | 'o' | 'u' | 'x' | 'f' | 'a' | 'c';
  size: number;
  width: number;
  trailer: boolean;
}

/** decode_format_string: one -t argument, possibly several specs. */
function decodeFormat(s: string): Spec[] {
  const specs: Spec[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    let spec: Spec;
    if ('doux'.includes(c)) {
      i++;
      let size = 4;
      const letter = 'CSIL'.indexOf(s[i] ?? '');
      if (letter >= 0 && i < s.length) {
        size = [1, 2, 4, 8][letter]!;
        i++;
      } else if (/[0-9]/.test(s[i] ?? '')) {
        const m = /^[0-9]+/.exec(s.slice(i))![0];
        const next = s[i + m.length];
        size = next !== undefined && /[0-9A-Za-z]/.test(next) ? 0xffffffff : Number(m);
        if (![1, 2, 4, 8].includes(size)) throw new AppletError(`invalid type string '${s}'; ${size}-byte integral type is not supported`);
        i += m.length;
      }
      const kind = c as Spec['kind'];
      const table = kind === 'd' ? SDEC_DIGITS : kind === 'o' ? OCT_DIGITS : kind === 'u' ? UDEC_DIGITS : HEX_DIGITS;
      spec = { kind, size, width: table[size]!, trailer: false };
    } else if (c === 'f') {
      i++;
      let size = 8;
      const letter = 'FDL'.indexOf(s[i] ?? '');
      if (letter >= 0 && i < s.length) {
        size = [4, 8, 16][letter]!;
        i++;
      } else if (/[0-9]/.test(s[i] ?? '')) {
        const m = /^[0-9]+/.exec(s.slice(i))![0];
        const next = s[i + m.length];
        size = next !== undefined && /[0-9A-Za-z]/.test(next) ? 0xffffffff : Number(m);
        if (![4, 8, 16].includes(size)) throw new AppletError(`invalid type string '${s}'; ${size}-byte floating point type is not supported`);
        i += m.length;
      }
      if (size === 16) throw new AppletError(`invalid type string '${s}'; 16-byte floating point type is not supported`);
      spec = { kind: 'f', size, width: size === 4 ? 15 : 23, trailer: false };
    } else if (c === 'a' || c === 'c') {
      i++;
      spec = { kind: c, size: 1, width: 3, trailer: false };
    } else throw new AppletError(`invalid character '${c}' in type string '${s}'`);
    if (s[i] === 'z') {
      spec.trailer = true;
      i++;
    }
    specs.push(spec);
  }
  return specs;
}

/** xstrtoull_sfx with base 0 and the b/k/m suffixes. */
function parseSize(s: string): number {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([a-zA-Z]*)$/.exec(s);
  if (!m) throw new AppletError(`invalid number '${s}'`);
  let v = Number(m[1]!.startsWith('0') && !/^0[xX]/.test(m[1]!) && m[1]!.length > 1 ? parseInt(m[1]!, 8) : Number(m[1]));
  if (m[2]) {
    const mult = BKM[m[2]];
    if (mult === undefined) throw new AppletError(`invalid number '${s}'`);
    v *= mult;
  }
  return v;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number) => (a * b) / gcd(a, b);

function formatValues(spec: Spec, block: Uint8Array, n: number): string {
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  let out = '';
  if (spec.kind === 'a') {
    for (let i = 0; i < n; i++) {
      const c = block[i]! & 0x7f;
      if (c === 0x7f) out += ' del';
      else if (c > 32) out += '   ' + String.fromCharCode(c);
      else out += ' ' + NAMES[c]!;
    }
    return out;
  }
  if (spec.kind === 'c') {
    const esc: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
    for (let i = 0; i < n; i++) {
      const c = block[i]!;
      if (c >= 32 && c < 0x7f) out += '   ' + String.fromCharCode(c);
      else if (esc[c] !== undefined) out += '  ' + esc[c];
      else out += ' ' + c.toString(8).padStart(3, '0');
    }
    return out;
  }
  for (let i = 0; i + spec.size <= n; i += spec.size) {
    if (spec.kind === 'f') {
      const v = spec.size === 4 ? view.getFloat32(i, true) : view.getFloat64(i, true);
      out += ' ' + formatFloat({ flags: '', width: spec.width, precision: spec.size === 4 ? 7 : 15, conv: 'e' }, v);
      continue;
    }
    let v: bigint;
    if (spec.size === 1) v = BigInt(spec.kind === 'd' ? view.getInt8(i) : view.getUint8(i));
    else if (spec.size === 2) v = BigInt(spec.kind === 'd' ? view.getInt16(i, true) : view.getUint16(i, true));
    else if (spec.size === 4) v = BigInt(spec.kind === 'd' ? view.getInt32(i, true) : view.getUint32(i, true));
    else v = spec.kind === 'd' ? view.getBigInt64(i, true) : view.getBigUint64(i, true);
    const zero = spec.kind === 'o' || spec.kind === 'x';
    out += ' ' + formatInt({ flags: zero ? '0' : '', width: spec.width, conv: spec.kind === 'x' ? 'x' : spec.kind }, v);
  }
  return out;
}

/** The files read as one stream, as od's read_block does. */
class Concat {
  private fd = -1;
  private index = 0;
  private pending: Uint8Array = new Uint8Array(0);
  exitCode = 0;
  constructor(
    private readonly sys: Sys,
    private readonly files: string[],
    private readonly warn: (msg: string) => Promise<void>,
  ) {}
  private async open(): Promise<boolean> {
    while (this.index < this.files.length) {
      const name = this.files[this.index++]!;
      try {
        this.fd = name === '-' ? 0 : this.sys.open(name, 'r');
        return true;
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        await this.warn(`${name}: ${strerror(e.code)}`);
        this.exitCode = 1;
      }
    }
    return false;
  }
  /** Up to n bytes; fewer only at the end of all input. */
  async read(n: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let have = 0;
    while (have < n) {
      if (this.pending.length > 0) {
        const take = this.pending.subarray(0, n - have);
        this.pending = this.pending.subarray(take.length);
        parts.push(take);
        have += take.length;
        continue;
      }
      if (this.fd < 0 && !(await this.open())) break;
      let d: Uint8Array;
      try {
        d = await this.sys.read(this.fd, 65536);
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        await this.warn(`${this.files[this.index - 1] === '-' ? 'standard input' : this.files[this.index - 1]}: read error`);
        this.exitCode = 1;
        d = new Uint8Array(0);
      }
      if (d.length === 0) {
        if (this.fd !== 0) this.sys.close(this.fd);
        this.fd = -1;
        continue;
      }
      this.pending = d;
    }
    const out = new Uint8Array(have);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
  /** Opens the first file, as od does before skipping; false when none can be opened. */
  async start(): Promise<boolean> {
    return this.open();
  }
}

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  const o = await ctx.options('A:N:abcdfhij:lot:vxsS:w:', { 'skip-bytes': 'j', 'address-radix': 'A', 'read-bytes': 'N', format: 't', 'output-duplicates': 'v', width: 'w' });
  let base = 8;
  let pad = 7;
  let noAddress = false;
  if (o.has('A')) {
    const a = o.value('A')!;
    const pos = 'doxn'.indexOf(a[0] ?? '\0');
    if (pos < 0 || !a[0]) throw new AppletError(`bad output address radix '${a[0] ?? ''}' (must be [doxn])`);
    if (pos === 3) noAddress = true;
    base = [10, 8, 16, 8][pos]!;
    pad = [7, 7, 6, 0][pos]!;
  }
  let maxBytes = -1;
  if (o.has('N')) maxBytes = parseSize(o.value('N')!);
  const specs: Spec[] = [];
  if (o.has('a')) specs.push(...decodeFormat('a'));
  if (o.has('b')) specs.push(...decodeFormat('oC'));
  if (o.has('c')) specs.push(...decodeFormat('c'));
  if (o.has('d')) specs.push(...decodeFormat('u2'));
  if (o.has('f')) specs.push(...decodeFormat('fF'));
  if (o.has('h')) specs.push(...decodeFormat('x2'));
  if (o.has('i')) specs.push(...decodeFormat('d2'));
  let skip = 0;
  if (o.has('j')) skip = parseSize(o.value('j')!);
  if (o.has('l')) specs.push(...decodeFormat('d4'));
  if (o.has('o')) specs.push(...decodeFormat('o2'));
  for (const t of o.values('t')) specs.push(...decodeFormat(t));
  if (o.has('x')) specs.push(...decodeFormat('x2'));
  if (o.has('s')) specs.push(...decodeFormat('d2'));
  if (o.has('S')) throw new AppletError('-S is not supported');
  if (specs.length === 0) specs.push(...decodeFormat('o2'));

  const warn = async (msg: string) => {
    await err.write(`${ctx.name}: ${msg}\n`);
  };
  const input = new Concat(sys, o.operands.length > 0 ? o.operands : ['-'], warn);
  const opened = await input.start();
  if (skip > 0) {
    let left = skip;
    while (left > 0) {
      const d = await input.read(Math.min(left, 65536));
      if (d.length === 0) break;
      left -= d.length;
    }
    if (left > 0) throw new AppletError("can't skip past end of combined input");
  }
  if (!opened) return 1;
  const unit = specs.reduce((l, s) => lcm(l, s.size), 1);
  let perBlock: number;
  if (o.has('w')) {
    const w = o.value('w')!;
    perBlock = /^[0-9]+$/.test(w) ? Number(w) : NaN;
    if (Number.isNaN(perBlock)) throw new AppletError(`invalid number '${w}'`);
    if (!perBlock || perBlock % unit !== 0) {
      await warn(`warning: invalid width ${perBlock}; using ${unit} instead`);
      perBlock = unit;
    }
  } else {
    perBlock = unit;
    if (unit < 16) perBlock *= 16 / unit;
  }

  const address = (n: number) => (noAddress ? '' : n.toString(base).padStart(pad, '0'));
  let offset = skip;
  const end = maxBytes >= 0 ? skip + maxBytes : Infinity;
  let prev: Uint8Array | null = null;
  let prevEqual = false;
  let text = '';
  const writeBlock = async (block: Uint8Array, n: number) => {
    if (!o.has('v') && prev && n === perBlock && prev.length === n && prev.every((b, i) => b === block[i])) {
      if (!prevEqual) {
        text += '*\n';
        prevEqual = true;
      }
    } else {
      prevEqual = false;
      specs.forEach((spec, i) => {
        text += i === 0 ? address(offset) : ' '.repeat(pad);
        text += formatValues(spec, block, n);
        if (spec.trailer) {
          const blank = Math.floor((perBlock - n) / spec.size);
          text += ' '.repeat(blank * (spec.width + 1)) + '  >';
          for (let k = 0; k < n; k++) {
            const c = block[k]!;
            text += c >= 32 && c < 0x7f ? String.fromCharCode(c) : '.';
          }
          text += '<';
        }
        text += '\n';
      });
    }
    prev = block;
    if (text.length > 4096) {
      await put(out, text);
      text = '';
    }
  };
  let lastRead = 0;
  let last: Uint8Array = new Uint8Array(0);
  for (;;) {
    const want = Math.min(perBlock, end - offset);
    if (want <= 0) break;
    last = await input.read(want);
    lastRead = last.length;
    if (lastRead < perBlock) break;
    await writeBlock(last, lastRead);
    offset += lastRead;
    lastRead = 0;
  }
  if (lastRead > 0) {
    const toWrite = unit * Math.ceil(lastRead / unit);
    const padded = new Uint8Array(toWrite);
    padded.set(last.subarray(0, lastRead));
    await writeBlock(padded, toWrite);
    offset += lastRead;
  }
  if (!noAddress) text += address(offset) + '\n';
  await put(out, text);
  return input.exitCode;
});
