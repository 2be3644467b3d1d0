/**
 * Printing differences the way `git diff` does: the unified patch with its
 * extended header lines, and the counts behind --stat and the summary after
 * a commit.
 *
 *     diff --git a/hello.txt b/hello.txt
 *     index ce01362..94954ab 100644
 *     --- a/hello.txt
 *     +++ b/hello.txt
 *     @@ -1 +1,2 @@
 *      hello
 *     +world
 *
 * File contents are handled as "binary strings" (one char per byte), so
 * any bytes survive; `toBytes` turns the finished text back into bytes.
 */
import { utf8 } from '../../common/bytes.ts';
import { isBinary, type FilePair } from './diffcore.ts';
import { diffLines, splitLines, type Change } from './xdiff.ts';

/** Bytes as a string of char codes 0-255. */
export function binary(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return s;
}

/** A normal (UTF-16) string as a binary string of its UTF-8 bytes. */
export const bin = (text: string): string => binary(utf8(text));

export function toBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const C_ESCAPES: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 34: '"', 92: '\\' };

/**
 * quote_c_style with core.quotePath on: a name with control characters,
 * quotes, backslashes or non-ASCII bytes is written "like\tthis" with octal
 * escapes for the bytes. Returns the name unchanged when no quoting is needed.
 */
export function quotePath(name: string, quoteNonAscii = true): string {
  const bytes = utf8(name);
  let needs = false;
  let body = '';
  for (const b of bytes) {
    if (C_ESCAPES[b] !== undefined) {
      needs = true;
      body += '\\' + C_ESCAPES[b];
    } else if (b < 0x20 || b === 0x7f || (b >= 0x80 && quoteNonAscii)) {
      needs = true;
      body += '\\' + b.toString(8).padStart(3, '0');
    } else body += String.fromCharCode(b);
  }
  return needs ? `"${body}"` : name;
}

/** A prefixed path for a patch header: a/x, or "a/\303\251" when quoting is needed. */
function prefixed(prefix: string, path: string): string {
  const q = quotePath(prefix + path);
  return q;
}

export interface PatchColors {
  meta: string;
  frag: string;
  func: string;
  old: string;
  new: string;
  context: string;
  reset: string;
  whitespace: string;
}

export const NO_COLORS: PatchColors = { meta: '', frag: '', func: '', old: '', new: '', context: '', reset: '', whitespace: '' };
export const DEFAULT_COLORS: PatchColors = { meta: '\x1b[1m', frag: '\x1b[36m', func: '', old: '\x1b[31m', new: '\x1b[32m', context: '', reset: '\x1b[m', whitespace: '\x1b[41m' };

export interface PatchOptions {
  colors?: PatchColors;
  /** Hex digits of abbreviated object names. */
  abbrev?: number;
  srcPrefix?: string;
  dstPrefix?: string;
  context?: number;
  /** Lines (with their "\n") before each line of output, e.g. for --graph; unused for now. */
  linePrefix?: string;
}

export const ZERO_OID = '0000000000000000000000000000000000000000';

const modeText = (m: number) => m.toString(8).padStart(6, '0');

/** The counts for --stat, --numstat and --shortstat. */
export interface FileStat {
  pair: FilePair;
  added: number;
  deleted: number;
  binary: boolean;
  /** For binary files: old and new sizes. */
  oldSize: number;
  newSize: number;
}

interface Loaded {
  a: Uint8Array;
  b: Uint8Array;
  binary: boolean;
}

async function load(p: FilePair): Promise<Loaded> {
  const a = p.old ? await p.loadOld() : new Uint8Array(0);
  const b = p.new ? await p.loadNew() : new Uint8Array(0);
  const isLink = (m: number | undefined) => m !== undefined && (m & 0o170000) === 0o120000;
  // Symlink targets are never "binary"; a submodule has no content here.
  const binaryFile = (!isLink(p.old?.mode) && isBinary(a)) || (!isLink(p.new?.mode) && isBinary(b));
  return { a, b, binary: binaryFile };
}

export async function fileStat(p: FilePair): Promise<FileStat> {
  const { a, b, binary: isBin } = await load(p);
  if (isBin) return { pair: p, added: 0, deleted: 0, binary: true, oldSize: a.length, newSize: b.length };
  let added = 0;
  let deleted = 0;
  if (p.old?.oid !== p.new?.oid || !p.old || !p.new) {
    for (const c of diffLines(splitLines(binary(a)), splitLines(binary(b)))) {
      added += c.chg2;
      deleted += c.chg1;
    }
  }
  return { pair: p, added, deleted, binary: false, oldSize: a.length, newSize: b.length };
}

/** The patch text (a binary string) for one pair. */
export async function formatPatch(p: FilePair, abbrevOid: (oid: string) => string, opts: PatchOptions = {}): Promise<string> {
  const c = opts.colors ?? NO_COLORS;
  const src = opts.srcPrefix ?? 'a/';
  const dst = opts.dstPrefix ?? 'b/';
  const meta = (line: string) => `${c.meta}${bin(line)}${c.reset}\n`;
  let out = '';
  const oldName = prefixed(src, p.oldPath);
  const newName = prefixed(dst, p.newPath);

  // A change of type (file ↔ symlink) is shown as a deletion and an addition.
  if (p.status === 'T') {
    const del: FilePair = { ...p, status: 'D', new: null };
    const add: FilePair = { ...p, status: 'A', old: null };
    return (await formatPatch(del, abbrevOid, opts)) + (await formatPatch(add, abbrevOid, opts));
  }

  out += meta(`diff --git ${oldName} ${newName}`);
  if (!p.old && p.new) out += meta(`new file mode ${modeText(p.new.mode)}`);
  else if (p.old && !p.new) out += meta(`deleted file mode ${modeText(p.old.mode)}`);
  else if (p.old && p.new) {
    if (p.old.mode !== p.new.mode) {
      out += meta(`old mode ${modeText(p.old.mode)}`);
      out += meta(`new mode ${modeText(p.new.mode)}`);
    }
    if (p.status === 'R') {
      out += meta(`similarity index ${Math.floor((p.score * 100) / 60000)}%`);
      out += meta(`rename from ${quotePath(p.oldPath)}`);
      out += meta(`rename to ${quotePath(p.newPath)}`);
    }
  }
  const oldOid = p.old?.oid ?? ZERO_OID;
  const newOid = p.new?.oid ?? ZERO_OID;
  if (oldOid === newOid && (p.old?.mode === p.new?.mode || p.status === 'R')) return out;
  if (oldOid !== newOid) {
    const sameMode = p.old && p.new && p.old.mode === p.new.mode;
    out += meta(`index ${abbrevOid(oldOid)}..${abbrevOid(newOid)}${sameMode ? ` ${modeText(p.new!.mode)}` : ''}`);
  }
  if (oldOid === newOid) return out;
  const { a, b, binary: isBin } = await load(p);
  const fromName = p.old ? oldName : '/dev/null';
  const toName = p.new ? newName : '/dev/null';
  if (isBin) return out + `Binary files ${bin(fromName)} and ${bin(toName)} differ\n`;
  if (a.length === 0 && b.length === 0) return out;
  // A name with a space gets a tab after it, so that tools can tell where it ends.
  const tab = (name: string) => (name.includes(' ') ? '\t' : '');
  out += meta(`--- ${fromName}${tab(fromName)}`);
  out += meta(`+++ ${toName}${tab(toName)}`);
  const A = splitLines(binary(a));
  const B = splitLines(binary(b));
  out += hunks(A, B, diffLines(A, B), opts.context ?? 3, c);
  return out;
}

/**
 * The hunks: changes closer than twice the context (plus nothing) share a
 * hunk; each header names the nearest line above it that starts with a
 * letter, "_" or "$" (git's default "function" line), cut to 80 bytes.
 * With colours, added lines also show whitespace errors (trailing blanks,
 * a space before a tab in the indent, blank lines added at the end).
 */
export function hunks(A: string[], B: string[], changes: Change[], ctx: number, c: PatchColors = NO_COLORS): string {
  let out = '';
  const maxCommon = 2 * ctx;
  let funcPrev = -1;
  let func = '';
  const colored = c.reset !== '';
  const eof = colored ? blankAtEof(A, B) : null;
  for (let k = 0; k < changes.length; ) {
    const first = changes[k]!;
    let last = first;
    let j = k + 1;
    while (j < changes.length && changes[j]!.i1 - (last.i1 + last.chg1) <= maxCommon) last = changes[j++]!;
    const s1 = Math.max(first.i1 - ctx, 0);
    const s2 = Math.max(first.i2 - ctx, 0);
    const lctx = Math.min(ctx, A.length - (last.i1 + last.chg1), B.length - (last.i2 + last.chg2));
    const e1 = last.i1 + last.chg1 + lctx;
    const e2 = last.i2 + last.chg2 + lctx;

    for (let l = s1 - 1; l !== funcPrev && l >= 0 && l < A.length; l--) {
      const f = funcLine(A[l]!);
      if (f !== null) {
        func = f;
        break;
      }
    }
    funcPrev = s1 - 1;

    const range = (s: number, n: number) => (n === 1 ? `${s}` : `${n === 0 ? s - 1 : s},${n}`);
    const header = `@@ -${range(s1 + 1, e1 - s1)} +${range(s2 + 1, e2 - s2)} @@`;
    if (!colored) out += `${header}${func ? ` ${func}` : ''}\n`;
    else out += `${c.frag}${header}${c.reset}${func ? `${c.context} ${c.reset}${c.func}${func}${c.reset}` : ''}\n`;

    // Line numbers (1-based) of the next pre- and post-image lines, for the blank-at-EOF check.
    let pre = s1 + 1;
    let post = s2 + 1;
    const context = (text: string) => {
      out += emit(' ', text, c);
      pre++;
      post++;
    };
    for (let x = s2; x < first.i2; x++) context(B[x]!);
    for (let m = k; m < j; m++) {
      const ch = changes[m]!;
      if (m > k) {
        const prev = changes[m - 1]!;
        for (let x = prev.i2 + prev.chg2; x < ch.i2; x++) context(B[x]!);
      }
      for (let x = ch.i1; x < ch.i1 + ch.chg1; x++) {
        out += emit('-', A[x]!, c);
        pre++;
      }
      for (let x = ch.i2; x < ch.i2 + ch.chg2; x++) {
        const atEof = eof !== null && eof.pre <= pre && eof.post <= post && isBlank(B[x]!);
        out += emit('+', B[x]!, c, atEof);
        post++;
      }
    }
    for (let x = last.i2 + last.chg2; x < e2; x++) context(B[x]!);
    k = j;
  }
  return out;
}

const isWs = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f';
const isBlank = (line: string) => [...line].every(isWs);

/** Where trailing blank lines begin in each image, when the new one has more (else null). */
function blankAtEof(A: string[], B: string[]): { pre: number; post: number } | null {
  const trailing = (L: string[]) => {
    let n = 0;
    for (let i = L.length - 1; i >= 0 && L[i]!.endsWith('\n') && isBlank(L[i]!); i--) n++;
    return n;
  };
  const l1 = trailing(A);
  const l2 = trailing(B);
  if (l2 <= l1) return null;
  return { pre: A.length - l1 + 1, post: B.length - l2 + 1 };
}

/** One line of a hunk, coloured as git colours it. */
function emit(sign: string, text: string, c: PatchColors, blankEof = false): string {
  const nl = text.endsWith('\n');
  const body = nl ? text.slice(0, -1) : text;
  const tail = nl ? '\n' : `\n${c.reset ? `${c.context}\\ No newline at end of file${c.reset}` : '\\ No newline at end of file'}\n`;
  if (!c.reset) return `${sign}${body}${tail}`;
  if (sign === ' ') return `${c.context}${sign}${body}${c.reset}${tail}`;
  if (sign === '-') return `${c.old}${sign}${body}${c.reset}${tail}`;
  if (blankEof) return `${c.whitespace}${sign}${body}${c.reset}${tail}`;
  return `${c.new}${sign}${c.reset}${wsMarkup(body, c)}${tail}`;
}

/** ws_check_emit with git's default rules: blank-at-eol and space-before-tab. */
function wsMarkup(line: string, c: PatchColors): string {
  let out = '';
  let end = line.length;
  while (end > 0 && isWs(line[end - 1]!)) end--;
  let written = 0;
  let i = 0;
  for (; i < end; i++) {
    if (line[i] === ' ') continue;
    if (line[i] !== '\t') break;
    if (written < i) out += `${c.whitespace}${line.slice(written, i)}${c.reset}\t`;
    else out += line.slice(written, i + 1);
    written = i + 1;
  }
  if (end - written > 0) out += `${c.new}${line.slice(written, end)}${c.reset}`;
  if (end !== line.length) out += `${c.whitespace}${line.slice(end)}${c.reset}`;
  return out;
}

function funcLine(rec: string): string | null {
  const c = rec.charCodeAt(0);
  const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!(rec.length > 0 && (alpha || c === 95 || c === 36))) return null;
  let len = Math.min(rec.length, 80);
  while (len > 0 && /[\s]/.test(rec[len - 1]!) && rec.charCodeAt(len - 1) < 128) len--;
  return rec.slice(0, len);
}
