/**
 * Text as editors hold it: a JavaScript string decoded from a file's bytes
 * without loss. Valid UTF-8 becomes characters; any other byte becomes a
 * code unit U+DC80..U+DCFF (Python's "surrogateescape"), and goes back to
 * the same byte on writing. So a binary file opened and saved unchanged is
 * byte-for-byte the same, and byte counts ("3L, 20C") stay exact.
 */

/** Decodes bytes; invalid UTF-8 bytes are kept as U+DC80 + byte. */
export function decodeText(bytes: Uint8Array): string {
  let out = '';
  let run = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      // Fast path for ASCII runs.
      run = i;
      while (i < n && bytes[i]! < 0x80 && i - run < 8192) i++;
      out += String.fromCharCode(...bytes.subarray(run, i));
      continue;
    }
    const len = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    let cp = -1;
    if (len > 0 && len <= 4 && i + len <= n) {
      cp = len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
      for (let k = 1; k < len; k++) {
        const c = bytes[i + k]!;
        if ((c & 0xc0) !== 0x80) {
          cp = -1;
          break;
        }
        cp = (cp << 6) | (c & 0x3f);
      }
      // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
      if (cp >= 0 && ((len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (len === 4 && (cp < 0x10000 || cp > 0x10ffff)))) cp = -1;
    }
    if (cp < 0) {
      out += String.fromCharCode(0xdc00 + b);
      i++;
    } else {
      out += String.fromCodePoint(cp);
      i += len;
    }
  }
  return out;
}

/** Encodes text back to bytes (the inverse of decodeText). */
export function encodeText(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      out.push(c - 0xdc00);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/** How many bytes `text` takes in its file. */
export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xdc80 && c <= 0xdcff)) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Whether a character shows as two columns (CJK, Hangul, full-width forms, most emoji). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Combining marks take no column of their own. */
export function isZeroWidth(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1160 && cp <= 0x11ff);
}

/** Columns a printable character takes on a terminal: 0, 1 or 2. */
export function charWidth(cp: number): number {
  if (isZeroWidth(cp)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** A byte that was not valid UTF-8 (see decodeText), or -1. */
export function rawByte(c: number): number {
  return c >= 0xdc80 && c <= 0xdcff ? c - 0xdc00 : -1;
}

/** Columns a string takes, control characters as ^X, without tabs. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += cp < 0x20 || cp === 0x7f ? 2 : charWidth(cp);
  }
  return w;
}
