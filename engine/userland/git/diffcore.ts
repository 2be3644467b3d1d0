/**
 * Which files differ between two trees (a commit, the index, the work
 * tree), paired up as git pairs them: added, deleted, modified, type changed
 * (file ↔ symlink), and renamed.
 *
 * Renames are found like diffcore-rename: first files with identical
 * content, then files whose names are unique and similar by at least 75%,
 * then any pair similar by at least 50%. Similarity counts how much of the
 * new file's content (in line-or-64-byte chunks) comes from the old one.
 */
import type { Blob } from './store.ts';

/** One side of a comparison: its files, and how to read one of them. */
export interface Side {
  entries: Map<string, Blob>;
  load(path: string): Promise<Uint8Array>;
}

export type Status = 'A' | 'D' | 'M' | 'T' | 'R';

export interface FilePair {
  status: Status;
  oldPath: string;
  newPath: string;
  old: Blob | null;
  new: Blob | null;
  /** Similarity of a rename, 0..MAX_SCORE. */
  score: number;
  loadOld(): Promise<Uint8Array>;
  loadNew(): Promise<Uint8Array>;
}

export const MAX_SCORE = 60000;
const DEFAULT_RENAME_SCORE = 30000;
const CANDIDATES_PER_DST = 4;

const isRegular = (mode: number) => (mode & 0o170000) === 0o100000;
const typeOf = (mode: number) => mode & 0o170000;
const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);

export interface DiffOptions {
  renames?: boolean;
  /** Only paths for which this is true. */
  filter?: (path: string) => boolean;
  /** Called between expensive steps. */
  checkpoint?: () => Promise<void>;
}

/** The pairs that differ between `a` and `b`, sorted by (new) path. */
export async function diffSides(a: Side, b: Side, options: DiffOptions = {}): Promise<FilePair[]> {
  const pairs: FilePair[] = [];
  const paths = new Set<string>([...a.entries.keys(), ...b.entries.keys()]);
  const loadA = (p: string) => () => a.load(p);
  const loadB = (p: string) => () => b.load(p);
  const none = () => Promise.resolve(new Uint8Array(0));
  for (const path of [...paths].sort(byteOrder)) {
    if (options.filter && !options.filter(path)) continue;
    const x = a.entries.get(path) ?? null;
    const y = b.entries.get(path) ?? null;
    if (x && y) {
      if (x.oid === y.oid && x.mode === y.mode) continue;
      const status: Status = typeOf(x.mode) !== typeOf(y.mode) ? 'T' : 'M';
      pairs.push({ status, oldPath: path, newPath: path, old: x, new: y, score: 0, loadOld: loadA(path), loadNew: loadB(path) });
    } else if (x) pairs.push({ status: 'D', oldPath: path, newPath: path, old: x, new: null, score: 0, loadOld: loadA(path), loadNew: none });
    else if (y) pairs.push({ status: 'A', oldPath: path, newPath: path, old: null, new: y, score: 0, loadOld: none, loadNew: loadB(path) });
  }
  if (options.renames) return detectRenames(pairs, options.checkpoint);
  return pairs;
}

export const byteOrder = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

async function detectRenames(pairs: FilePair[], checkpoint?: () => Promise<void>): Promise<FilePair[]> {
  const sources = pairs.filter((p) => p.status === 'D');
  const dests = pairs.filter((p) => p.status === 'A');
  if (sources.length === 0 || dests.length === 0) return pairs;
  const used = new Set<FilePair>();
  const renamed = new Map<FilePair, { src: FilePair; score: number }>();

  // 1. Identical content (same mode type for non-regular files); prefer an unused source with the same name.
  for (const dst of dests) {
    let best: FilePair | undefined;
    let bestScore = -1;
    for (const src of sources) {
      if (src.old!.oid !== dst.new!.oid) continue;
      if ((!isRegular(src.old!.mode) || !isRegular(dst.new!.mode)) && src.old!.mode !== dst.new!.mode) continue;
      if (used.has(src)) continue;
      const score = 1 + (baseName(src.oldPath) === baseName(dst.newPath) ? 1 : 0);
      if (score > bestScore) {
        best = src;
        bestScore = score;
        if (score === 2) break;
      }
    }
    if (best) {
      used.add(best);
      renamed.set(dst, { src: best, score: MAX_SCORE });
    }
  }

  const contents = new Map<FilePair, { size: number; spans: Map<number, number> | null; data: Uint8Array }>();
  const info = async (p: FilePair, side: 'old' | 'new') => {
    let c = contents.get(p);
    if (!c) {
      const data = side === 'old' ? await p.loadOld() : await p.loadNew();
      c = { size: data.length, spans: null, data };
      contents.set(p, c);
    }
    return c;
  };
  const similarity = async (src: FilePair, dst: FilePair, minimum: number): Promise<number> => {
    if (!isRegular(src.old!.mode) || !isRegular(dst.new!.mode)) return 0;
    const s = await info(src, 'old');
    const d = await info(dst, 'new');
    const max = Math.max(s.size, d.size);
    const delta = max - Math.min(s.size, d.size);
    if (max * (MAX_SCORE - minimum) < delta * MAX_SCORE) return 0;
    s.spans ??= spanHashes(s.data);
    d.spans ??= spanHashes(d.data);
    if (d.size === 0) return 0;
    let copied = 0;
    for (const [h, cnt] of s.spans) copied += Math.min(cnt, d.spans.get(h) ?? 0);
    return Math.floor((copied * MAX_SCORE) / max);
  };

  // 2. Unique base names, similar enough (75% with the defaults).
  const remainingSrc = () => sources.filter((s) => !used.has(s));
  const remainingDst = () => dests.filter((d) => !renamed.has(d));
  const minBasename = DEFAULT_RENAME_SCORE + Math.floor(0.5 * (MAX_SCORE - DEFAULT_RENAME_SCORE));
  const countNames = (list: FilePair[], path: (p: FilePair) => string) => {
    const m = new Map<string, FilePair[]>();
    for (const p of list) m.set(baseName(path(p)), [...(m.get(baseName(path(p))) ?? []), p]);
    return m;
  };
  const srcNames = countNames(remainingSrc(), (p) => p.oldPath);
  const dstNames = countNames(remainingDst(), (p) => p.newPath);
  for (const [name, srcs] of srcNames) {
    const dsts = dstNames.get(name);
    if (srcs.length !== 1 || !dsts || dsts.length !== 1) continue;
    const score = await similarity(srcs[0]!, dsts[0]!, DEFAULT_RENAME_SCORE);
    if (score >= minBasename) {
      used.add(srcs[0]!);
      renamed.set(dsts[0]!, { src: srcs[0]!, score });
    }
  }

  // 3. Everything else: the best few candidates per destination, best pairs first.
  const srcs = remainingSrc();
  const dsts = remainingDst();
  if (srcs.length > 0 && dsts.length > 0) {
    const matrix: { dst: FilePair; src: FilePair; score: number; nameScore: number; order: number }[] = [];
    let order = 0;
    for (const dst of dsts) {
      const best: { dst: FilePair; src: FilePair; score: number; nameScore: number; order: number }[] = [];
      for (const src of srcs) {
        await checkpoint?.();
        const score = await similarity(src, dst, DEFAULT_RENAME_SCORE);
        const cand = { dst, src, score, nameScore: baseName(src.oldPath) === baseName(dst.newPath) ? 1 : 0, order: 0 };
        if (best.length < CANDIDATES_PER_DST) best.push(cand);
        else {
          let worst = 0;
          for (let i = 1; i < best.length; i++) if (better(best[worst]!, best[i]!)) worst = i;
          if (better(cand, best[worst]!)) best[worst] = cand;
        }
      }
      for (const c of best) matrix.push({ ...c, order: order++ });
    }
    matrix.sort((x, y) => (x.score !== y.score ? y.score - x.score : x.nameScore !== y.nameScore ? y.nameScore - x.nameScore : x.order - y.order));
    for (const m of matrix) {
      if (m.score < DEFAULT_RENAME_SCORE) break;
      if (renamed.has(m.dst) || used.has(m.src)) continue;
      used.add(m.src);
      renamed.set(m.dst, { src: m.src, score: m.score });
    }
  }

  if (renamed.size === 0) return pairs;
  const out: FilePair[] = [];
  for (const p of pairs) {
    if (p.status === 'D' && used.has(p)) continue;
    const r = renamed.get(p);
    if (r) out.push({ status: 'R', oldPath: r.src.oldPath, newPath: p.newPath, old: r.src.old, new: p.new, score: r.score, loadOld: r.src.loadOld, loadNew: p.loadNew });
    else out.push(p);
  }
  return out;
}

/** Whether candidate `a` is a better rename source than `b` (score, then same base name). */
function better(a: { score: number; nameScore: number }, b: { score: number; nameScore: number }): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return a.nameScore > b.nameScore;
}

const HASHBASE = 107927;

/**
 * Content fingerprint: the data cut into chunks ending at a newline or after
 * 64 bytes, each hashed; the map counts bytes per chunk hash. CR before LF is
 * ignored in text.
 */
export function spanHashes(data: Uint8Array): Map<number, number> {
  const spans = new Map<number, number>();
  const text = !isBinary(data);
  let n = 0;
  let acc1 = 0;
  let acc2 = 0;
  const add = () => {
    const h = ((acc1 + Math.imul(acc2, 0x61)) >>> 0) % HASHBASE;
    spans.set(h, (spans.get(h) ?? 0) + n);
    n = 0;
    acc1 = acc2 = 0;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (text && c === 13 && i + 1 < data.length && data[i + 1] === 10) continue;
    const old1 = acc1;
    acc1 = ((acc1 << 7) ^ (acc2 >>> 25)) >>> 0;
    acc2 = ((acc2 << 7) ^ (old1 >>> 25)) >>> 0;
    acc1 = (acc1 + c) >>> 0;
    if (++n < 64 && c !== 10) continue;
    add();
  }
  if (n > 0) add();
  return spans;
}

/** git's buffer_is_binary: a NUL in the first 8000 bytes. */
export function isBinary(data: Uint8Array): boolean {
  const n = Math.min(data.length, 8000);
  for (let i = 0; i < n; i++) if (data[i] === 0) return true;
  return false;
}

