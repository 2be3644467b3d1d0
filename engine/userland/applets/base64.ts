/**
 * base64 [-d] [-w COL] [FILE]: encode FILE (or stdin) as base64, wrapping
 * lines at COL (76; 0: no wrapping), or decode it with -d. Decoding skips
 * characters outside the alphabet and fails with "truncated input" when
 * the data ends inside a 4-character group.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { AppletError, applet } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';
import { openOrDie, put } from '../lib/text-io.ts';

const USAGE = 'Usage: base64 [-d] [-w COL] [FILE]\n\nBase64 encode or decode FILE to standard output\n\n\t-d\tDecode data\n\t-w COL\tWrap lines at COL (default 76, 0 disables)';

const TABLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function encode(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += TABLE[(n >> 18) & 63]! + TABLE[(n >> 12) & 63]! + (i + 1 < b.length ? TABLE[(n >> 6) & 63]! : '=') + (i + 2 < b.length ? TABLE[n & 63]! : '=');
  }
  return s;
}

/** busybox's decode_base64 over a buffer: the bytes and how many characters were left undecoded. */
function decode(buf: string): { bytes: string; tail: string } {
  let out = '';
  let ch = 0;
  let i = 0;
  let k = 0;
  while (k < buf.length) {
    let t = buf.charCodeAt(k++);
    if (t >= 48 && t <= 57) t = t - 48 + 52;
    else if (t >= 65 && t <= 90) t -= 65;
    else if (t >= 97 && t <= 122) t = t - 97 + 26;
    else if (t === 43) t = 62;
    else if (t === 47) t = 63;
    else if (t === 61 && (i === 3 || (i === 2 && buf[k] === '='))) t = 0x1000000;
    else continue;
    ch = ch * 64 + t;
    i = (i + 1) & 3;
    if (i === 0) {
      const n = ch % 0x1000000;
      let bytes = String.fromCharCode((n >> 16) & 255, (n >> 8) & 255, n & 255);
      if (ch >= 0x1000000) {
        bytes = bytes.slice(0, ch >= 0x1000000 * 64 ? 1 : 2);
        out += bytes;
        ch = 0;
        break;
      }
      out += bytes;
      ch = 0;
    }
  }
  return { bytes: out, tail: buf.slice(k - i) };
}

export default applet(USAGE, async (ctx) => {
  const { sys, out } = ctx;
  const o = await ctx.options('diw:');
  if (o.operands.length > 1) {
    await ctx.usage();
    return 1;
  }
  let col = 76;
  if (o.has('w')) {
    const w = o.value('w')!;
    if (!/^[0-9]+$/.test(w)) throw new AppletError(`invalid number '${w}'`);
    col = Number(w);
  }
  const fd = openOrDie(sys, o.operands[0] ?? '-');
  const read = async (): Promise<Uint8Array> => {
    try {
      return await sys.read(fd, 65536);
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      throw new AppletError(`read error: ${strerror(e.code)}`);
    }
  };
  if (o.has('d')) {
    let data: Uint8Array = new Uint8Array(0);
    let at = 0;
    let eof = false;
    const getc = async (): Promise<number> => {
      while (at >= data.length) {
        if (eof) return -1;
        data = await read();
        at = 0;
        if (data.length === 0) eof = true;
      }
      return data[at++]!;
    };
    let buf = '';
    for (;;) {
      let term = false;
      while (buf.length < 80) {
        const c = await getc();
        if (c === -1) {
          if (buf.length === 0) return 0;
          term = true;
          break;
        }
        if (c <= 32) break;
        buf += String.fromCharCode(c);
      }
      const r = decode(buf);
      await put(out, r.bytes);
      if (term) {
        if (r.tail === '') return 0;
        throw new AppletError('truncated input');
      }
      buf = r.tail;
    }
  }
  let rem = 0;
  let pending: number[] = [];
  for (;;) {
    const d = await read();
    // encode in multiples of 3 bytes, as busybox does with its 480-byte reads
    const all = pending.length ? Uint8Array.from([...pending, ...d]) : d;
    const whole = d.length === 0 ? all.length : all.length - (all.length % 3);
    pending = Array.from(all.subarray(whole));
    if (whole === 0 && d.length !== 0) continue;
    if (whole === 0) {
      if (rem !== 0) await put(out, '\n');
      return 0;
    }
    let text = encode(all.subarray(0, whole));
    if (col === 0) await put(out, text);
    else {
      let s = '';
      if (rem === 0) rem = col;
      for (;;) {
        const n = Math.min(text.length, rem);
        rem -= n;
        s += text.slice(0, n) + (rem !== 0 ? '' : '\n');
        if (rem !== 0) break;
        text = text.slice(n);
        if (text.length === 0) break;
        rem = col;
      }
      await put(out, s);
    }
    if (d.length === 0) {
      if (rem !== 0) await put(out, '\n');
      return 0;
    }
  }
});

