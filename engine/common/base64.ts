/**
 * Base64 (RFC 4648) both ways, standard and URL-safe: the `auth` field of
 * ~/.docker/config.json is standard base64 of "user:password"; the
 * X-Registry-Auth header is base64url of a JSON object.
 *
 *     encodeBase64(utf8('learner:pw'))    // "bGVhcm5lcjpwdw=="
 *     decodeBase64('bGVhcm5lcjpwdw')      // the same bytes (padding optional)
 */
const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function encodeBase64(bytes: Uint8Array, options: { url?: boolean } = {}): string {
  const abc = options.url ? URL : STD;
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? abc[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? abc[n & 63]! : '=';
  }
  return out;
}

/** Decodes either alphabet, with or without padding; throws on any other character. */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    let v = STD.indexOf(ch);
    if (v < 0) v = URL.indexOf(ch);
    if (v < 0) throw new Error(`illegal base64 data at input byte ${out.length}`);
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
