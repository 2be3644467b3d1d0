/**
 * RESP2, the protocol redis-server and redis-cli speak over TCP.
 *
 * Requests are arrays of bulk strings (`*2\r\n$3\r\nGET\r\n$1\r\na\r\n`) or,
 * from a person typing into `nc`, an inline line (`GET a`). Replies are a
 * status (`+OK`), an error (`-ERR …`), an integer (`:1`), a bulk string
 * (`$1\r\nb`, or `$-1` for nil) or an array of replies (`*-1` for nil).
 *
 * Redis strings are bytes. Both programs keep them as "binary strings"
 * (one char per byte, as latin1 decoding gives), so that any byte survives
 * and lengths are byte counts.
 */
import { fromUtf8, utf8 } from '../../../common/bytes.ts';

/** Bytes → binary string (one char per byte). */
export function bin(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** Binary string → bytes. */
export function bytesOf(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 255;
  return out;
}

/** Text (as a program receives it in argv) → the binary string of its UTF-8 bytes. */
export const binUtf8 = (text: string): string => bin(utf8(text));
/** Binary string → text, decoding UTF-8. */
export const textOf = (s: string): string => fromUtf8(bytesOf(s));

export type Reply =
  | { type: 'status'; value: string }
  | { type: 'error'; value: string }
  | { type: 'integer'; value: number }
  | { type: 'bulk'; value: string | null }
  | { type: 'array'; value: Reply[] | null };

// ---- encoding (binary strings) ----------------------------------------------------

export const status = (s: string): string => `+${s}\r\n`;
export const error = (s: string): string => `-${s}\r\n`;
export const integer = (n: number): string => `:${n}\r\n`;
export const bulk = (s: string | null): string => (s === null ? '$-1\r\n' : `$${s.length}\r\n${s}\r\n`);
export const array = (items: string[] | null): string => (items === null ? '*-1\r\n' : `*${items.length}\r\n${items.join('')}`);
export const bulks = (items: string[]): string => array(items.map(bulk));
export const OK = status('OK');
export const NIL = bulk(null);

/** A request as redis-cli and the AOF write it: an array of bulk strings. */
export const command = (args: string[]): string => bulks(args);

// ---- request parsing (server side) -------------------------------------------------

export class ProtocolError extends Error {}

/**
 * Splits a line into arguments as Redis's sdssplitargs does: spaces
 * separate, "double quotes" understand \n \r \t \b \a \\ \" and \xHH,
 * 'single quotes' only \'. Null when the quotes are unbalanced.
 */
export function splitArgs(line: string): string[] | null {
  const args: string[] = [];
  let i = 0;
  const hex = (c: string) => /^[0-9a-fA-F]$/.test(c);
  for (;;) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) return args;
    let cur = '';
    let inq = false;
    let insq = false;
    for (;;) {
      const c = line[i];
      if (inq) {
        if (c === undefined) return null;
        if (c === '\\' && line[i + 1] === 'x' && hex(line[i + 2] ?? '') && hex(line[i + 3] ?? '')) {
          cur += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === '\\' && i + 1 < line.length) {
          i++;
          const e = line[i]!;
          cur += ({ n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' } as Record<string, string>)[e] ?? e;
        } else if (c === '"') {
          if (i + 1 < line.length && !/\s/.test(line[i + 1]!)) return null;
          inq = false;
          i++;
          break;
        } else cur += c;
      } else if (insq) {
        if (c === undefined) return null;
        if (c === '\\' && line[i + 1] === "'") {
          i++;
          cur += "'";
        } else if (c === "'") {
          if (i + 1 < line.length && !/\s/.test(line[i + 1]!)) return null;
          insq = false;
          i++;
          break;
        } else cur += c;
      } else if (c === undefined || /\s/.test(c)) {
        break;
      } else if (c === '"') inq = true;
      else if (c === "'") insq = true;
      else cur += c;
      i++;
    }
    args.push(cur);
  }
}

/**
 * Takes complete requests off the front of `buf` (a binary string). Returns
 * them and what is left; throws ProtocolError with Redis's message for a
 * malformed multibulk request.
 */
export function parseRequests(buf: string): { requests: string[][]; rest: string } {
  const requests: string[][] = [];
  let pos = 0;
  while (pos < buf.length) {
    if (buf[pos] !== '*') {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0) {
        if (buf.length - pos > 64 * 1024) throw new ProtocolError('Protocol error: too big inline request');
        break;
      }
      const line = buf.slice(pos, nl).replace(/\r$/, '');
      pos = nl + 1;
      const args = splitArgs(line);
      if (args === null) throw new ProtocolError('Protocol error: unbalanced quotes in request');
      if (args.length > 0) requests.push(args);
      continue;
    }
    const nl = buf.indexOf('\r\n', pos);
    if (nl < 0) break;
    const count = Number(buf.slice(pos + 1, nl));
    if (!Number.isInteger(count) || count > 1024 * 1024) throw new ProtocolError('Protocol error: invalid multibulk length');
    let p = nl + 2;
    const args: string[] = [];
    let complete = true;
    for (let k = 0; k < count; k++) {
      const e = buf.indexOf('\r\n', p);
      if (e < 0) {
        complete = false;
        break;
      }
      if (buf[p] !== '$') throw new ProtocolError(`Protocol error: expected '$', got '${buf[p]}'`);
      const len = Number(buf.slice(p + 1, e));
      if (!Number.isInteger(len) || len < 0 || len > 512 * 1024 * 1024) throw new ProtocolError('Protocol error: invalid bulk length');
      if (buf.length < e + 2 + len + 2) {
        complete = false;
        break;
      }
      args.push(buf.slice(e + 2, e + 2 + len));
      p = e + 2 + len + 2;
    }
    if (!complete) break;
    pos = p;
    if (args.length > 0) requests.push(args);
  }
  return { requests, rest: buf.slice(pos) };
}

// ---- reply parsing (client side) ---------------------------------------------------

/** Parses one reply from the front of `buf`; null when it is not complete yet. */
export function parseReply(buf: string, pos = 0): { reply: Reply; end: number } | null {
  const nl = buf.indexOf('\r\n', pos);
  if (nl < 0) return null;
  const kind = buf[pos];
  const line = buf.slice(pos + 1, nl);
  switch (kind) {
    case '+':
      return { reply: { type: 'status', value: line }, end: nl + 2 };
    case '-':
      return { reply: { type: 'error', value: line }, end: nl + 2 };
    case ':':
      return { reply: { type: 'integer', value: Number(line) }, end: nl + 2 };
    case '$': {
      const len = Number(line);
      if (len < 0) return { reply: { type: 'bulk', value: null }, end: nl + 2 };
      if (buf.length < nl + 2 + len + 2) return null;
      return { reply: { type: 'bulk', value: buf.slice(nl + 2, nl + 2 + len) }, end: nl + 2 + len + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { reply: { type: 'array', value: null }, end: nl + 2 };
      const items: Reply[] = [];
      let p = nl + 2;
      for (let i = 0; i < count; i++) {
        const r = parseReply(buf, p);
        if (!r) return null;
        items.push(r.reply);
        p = r.end;
      }
      return { reply: { type: 'array', value: items }, end: p };
    }
    default:
      throw new ProtocolError(`Protocol error, got "${kind ?? ''}" as reply type byte`);
  }
}
