/**
 * The line diff against git's own: random pairs of files (few distinct
 * lines, so that many diffs are equally short and only git's tie-breaking,
 * sliding and indent heuristic decide), diffed by `git diff --no-index` and
 * by xdiff.ts + patch.ts. The hunks must be identical.
 */
import { spawnSync } from 'node:child_process';
import * as nfs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hunks } from './patch.ts';
import { diffLines, splitLines } from './xdiff.ts';

const GIT = process.env.GIT_REFERENCE ?? (nfs.existsSync('/usr/bin/git') ? '/usr/bin/git' : '');

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = ['a', 'b', 'c', '', '}', '  x = 1;', '  return;', 'if (y) {', '\tz();', 'end'];

function randomFile(r: () => number, n: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(VOCAB[Math.floor(r() * VOCAB.length)]!);
  return lines;
}

function mutate(r: () => number, lines: string[]): string[] {
  const out = [...lines];
  const edits = 1 + Math.floor(r() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * (out.length + 1));
    const kind = r();
    if (kind < 0.4) out.splice(at, 0, ...randomFile(r, 1 + Math.floor(r() * 4)));
    else if (kind < 0.8) out.splice(at, 1 + Math.floor(r() * 3));
    else out.splice(at, 1, VOCAB[Math.floor(r() * VOCAB.length)]!);
  }
  return out;
}

function gitHunks(dir: string, a: string, b: string): string {
  nfs.writeFileSync(join(dir, 'a'), a);
  nfs.writeFileSync(join(dir, 'b'), b);
  const r = spawnSync(GIT, ['diff', '--no-index', '--no-color', 'a', 'b'], { cwd: dir, encoding: 'latin1', env: { PATH: '/usr/bin:/bin', HOME: dir, GIT_CONFIG_NOSYSTEM: '1' } });
  const i = r.stdout.indexOf('\n@@');
  return i < 0 ? '' : r.stdout.slice(i + 1);
}

function ourHunks(a: string, b: string): string {
  const A = splitLines(a);
  const B = splitLines(b);
  return hunks(A, B, diffLines(A, B), 3);
}

describe.skipIf(!GIT)('xdiff agrees with git diff', () => {
  it('on 400 random edits', () => {
    const dir = nfs.mkdtempSync(join(tmpdir(), 'berth-xdiff-'));
    try {
      const mismatches: { seed: number; a: string; b: string; want: string; got: string }[] = [];
      for (let seed = 1; seed <= 400; seed++) {
        const r = rng(seed);
        const before = randomFile(r, Math.floor(r() * 40));
        const after = mutate(r, before);
        const noEol = (lines: string[]) => lines.join('\n') + (lines.length && r() < 0.8 ? '\n' : '');
        const a = noEol(before);
        const b = noEol(after);
        const want = gitHunks(dir, a, b);
        const got = ourHunks(a, b);
        if (want !== got) mismatches.push({ seed, a, b, want, got });
      }
      expect(mismatches.slice(0, 3)).toEqual([]);
    } finally {
      nfs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on a long file with scattered edits (the cost heuristics)', () => {
    const dir = nfs.mkdtempSync(join(tmpdir(), 'berth-xdiff-'));
    try {
      const r = rng(99);
      const before = Array.from({ length: 3000 }, (_, i) => (r() < 0.3 ? VOCAB[i % VOCAB.length]! : `line ${Math.floor(r() * 500)}`));
      let after = [...before];
      for (let k = 0; k < 60; k++) after = mutate(r, after);
      const a = before.join('\n') + '\n';
      const b = after.join('\n') + '\n';
      expect(ourHunks(a, b)).toEqual(gitHunks(dir, a, b));
    } finally {
      nfs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
