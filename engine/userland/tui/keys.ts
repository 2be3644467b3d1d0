/**
 * Keys, as a full-screen program reads them from a terminal in raw mode.
 *
 * A key is a number, as busybox's read_key() returns it: a character is its
 * code point (Enter is 13, Ctrl-X is 24, Escape is 27), and the keys that
 * send escape sequences are negative (KEY.UP, KEY.PAGEDOWN…). With
 * `altKeys`, Escape followed by a character in the same burst is Alt plus
 * that character (`alt('u')`), as nano reads it.
 *
 * A terminal sends an escape sequence all at once, while a person pressing
 * Escape and then another key produces two separate reads. So an Escape
 * that is the last byte available is the Escape key itself, and an Escape
 * followed by something that is not a known sequence is Escape and then
 * that something.
 */

export const KEY = {
  /** End of input (the terminal hung up, or a pipe ended). */
  EOF: -1,
  UP: -2,
  DOWN: -3,
  RIGHT: -4,
  LEFT: -5,
  HOME: -6,
  END: -7,
  INSERT: -8,
  DELETE: -9,
  PAGEUP: -10,
  PAGEDOWN: -11,
  CTRL_RIGHT: -12,
  CTRL_LEFT: -13,
  ALT_RIGHT: -14,
  ALT_LEFT: -15,
  SHIFT_TAB: -16,
  CTRL_UP: -17,
  CTRL_DOWN: -18,
  CTRL_HOME: -19,
  CTRL_END: -20,
  /** F1 is F(1). */
  F1: -31,
  /** Not keys: the window changed size (SIGWINCH), ^C was pressed (SIGINT), ^Z (SIGTSTP). */
  RESIZE: -100,
  INTERRUPT: -101,
  SUSPEND: -102,
} as const;

export const F = (n: number): number => KEY.F1 - (n - 1);

const ALT_BASE = 0x1000000;
/** Alt (Meta) plus a character: what nano calls M-U. */
export const alt = (c: string | number): number => ALT_BASE + (typeof c === 'string' ? c.codePointAt(0)! : c);
export const isAlt = (key: number): boolean => key >= ALT_BASE;
export const altChar = (key: number): number => key - ALT_BASE;
export const ctrl = (c: string): number => c.toUpperCase().charCodeAt(0) & 0x1f;

const CSI_TILDE: Record<string, number> = {
  '1': KEY.HOME, '7': KEY.HOME, '2': KEY.INSERT, '3': KEY.DELETE, '4': KEY.END, '8': KEY.END,
  '5': KEY.PAGEUP, '6': KEY.PAGEDOWN,
  '11': F(1), '12': F(2), '13': F(3), '14': F(4), '15': F(5), '17': F(6), '18': F(7), '19': F(8), '20': F(9), '21': F(10), '23': F(11), '24': F(12),
};
const FINAL: Record<string, number> = { A: KEY.UP, B: KEY.DOWN, C: KEY.RIGHT, D: KEY.LEFT, H: KEY.HOME, F: KEY.END };
const SS3: Record<string, number> = { A: KEY.UP, B: KEY.DOWN, C: KEY.RIGHT, D: KEY.LEFT, H: KEY.HOME, F: KEY.END, P: F(1), Q: F(2), R: F(3), S: F(4) };

export type Decoded =
  /** A key, made of `used` bytes. */
  | { key: number; used: number }
  /** Bytes to drop: a sequence nobody knows (busybox ignores those too). */
  | { key: null; used: number }
  /** The bytes so far begin a key whose rest has not arrived. */
  | 'more';

/**
 * Decodes the first key in `buf`. `final` says no more bytes are coming
 * right now (so a lone Escape is the Escape key).
 */
export function decodeKey(buf: readonly number[], options: { altKeys?: boolean; final?: boolean } = {}): Decoded {
  const b = buf[0];
  if (b === undefined) return 'more';
  if (b === 0x1b) return decodeEscape(buf, options);
  if (b < 0x80) return { key: b, used: 1 };
  // UTF-8: a lead byte and its continuation bytes.
  const len = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
  if (len === 1) return { key: 0xdc00 + b, used: 1 };
  if (buf.length < len) {
    for (let i = 1; i < buf.length; i++) if ((buf[i]! & 0xc0) !== 0x80) return { key: 0xdc00 + b, used: 1 };
    return options.final ? { key: 0xdc00 + b, used: 1 } : 'more';
  }
  let cp = len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
  for (let i = 1; i < len; i++) {
    const c = buf[i]!;
    if ((c & 0xc0) !== 0x80) return { key: 0xdc00 + b, used: 1 };
    cp = (cp << 6) | (c & 0x3f);
  }
  return { key: cp, used: len };
}

function decodeEscape(buf: readonly number[], options: { altKeys?: boolean; final?: boolean }): Decoded {
  const next = buf[1];
  if (next === undefined) return { key: 27, used: 1 };
  if (next === 0x5b /* [ */) {
    // CSI: parameters 0x30-0x3f, intermediates 0x20-0x2f, one final byte 0x40-0x7e.
    let i = 2;
    while (i < buf.length && buf[i]! >= 0x20 && buf[i]! <= 0x3f) i++;
    if (i >= buf.length) return options.final ? { key: null, used: buf.length } : 'more';
    const fin = buf[i]!;
    if (fin < 0x40 || fin > 0x7e) return { key: 27, used: 1 };
    const params = String.fromCharCode(...buf.slice(2, i));
    const f = String.fromCharCode(fin);
    const used = i + 1;
    const mod = params.includes(';') ? params.slice(params.indexOf(';') + 1) : '';
    if (f in FINAL) {
      const base = FINAL[f]!;
      if (mod === '5') {
        if (f === 'C') return { key: KEY.CTRL_RIGHT, used };
        if (f === 'D') return { key: KEY.CTRL_LEFT, used };
        if (f === 'A') return { key: KEY.CTRL_UP, used };
        if (f === 'B') return { key: KEY.CTRL_DOWN, used };
        if (f === 'H') return { key: KEY.CTRL_HOME, used };
        if (f === 'F') return { key: KEY.CTRL_END, used };
      }
      if (mod === '3') {
        if (f === 'C') return { key: KEY.ALT_RIGHT, used };
        if (f === 'D') return { key: KEY.ALT_LEFT, used };
      }
      return { key: base, used };
    }
    if (f === '~') {
      const k = CSI_TILDE[params.split(';')[0]!];
      return k === undefined ? { key: null, used } : { key: k, used };
    }
    if (f === 'Z') return { key: KEY.SHIFT_TAB, used };
    // Cursor position reports, mouse reports, focus events: nothing to act on.
    return { key: null, used };
  }
  if (next === 0x4f /* O */) {
    const fin = buf[2];
    if (fin === undefined) return options.final ? (options.altKeys ? { key: alt(0x4f), used: 2 } : { key: 27, used: 1 }) : 'more';
    const k = SS3[String.fromCharCode(fin)];
    if (k !== undefined) return { key: k, used: 3 };
    return options.altKeys ? { key: alt(0x4f), used: 2 } : { key: 27, used: 1 };
  }
  if (options.altKeys && next !== 0x1b) {
    const rest = decodeKey(buf.slice(1), options);
    if (rest === 'more') return 'more';
    if (rest.key !== null && rest.key >= 0) return { key: alt(rest.key), used: 1 + rest.used };
  }
  return { key: 27, used: 1 };
}

/** A printable name for a key, for messages ("'^X' is not implemented"). */
export function keyName(key: number): string {
  if (isAlt(key)) return 'M-' + String.fromCodePoint(altChar(key));
  if (key < 0) return '*';
  if (key < 0x20) return '^' + String.fromCharCode(key + 0x40);
  if (key === 0x7f) return '^?';
  return String.fromCodePoint(key);
}
