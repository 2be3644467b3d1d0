/**
 * The file applets (ls, cp, mv, rm, find, stat, …) against the real busybox.
 *
 * Each case builds the same small world twice — in a temporary directory
 * for /usr/bin/busybox and in a scratch directory of an emulated host —
 * with fixed modes and times, runs the same commands in order, and compares
 * what each printed (stdout, the exit status and, unless the case says
 * otherwise, stderr) step by step.
 *
 * The reference is Debian's busybox 1.35 on glibc; where alpine's (musl,
 * 1.36) would print something else the case is left out or noted.
 */
import { spawnSync } from 'node:child_process';
import * as nfs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUSYBOX, haveBusybox } from '../../../test/differential.ts';
import { nodePlatform } from '../../platform/node/index.ts';
import { bootHost, type Host } from '../host.ts';
import { Tty } from '../../kernel/tty.ts';
import { humanReadable } from '../lib/files-human.ts';
import { parseMode } from '../lib/files-mode.ts';
import { fnmatch } from '../lib/files-fnmatch.ts';
import { breToRegExp } from '../lib/files-regex.ts';
import { lsTime, parseDate, statTime } from '../lib/files-time.ts';
import { dirName, lastComponent } from '../lib/files-path.ts';
import { printfOne } from '../lib/files-printf.ts';

// ---- worlds ------------------------------------------------------------------

/** 2024-01-15 10:30:00 UTC: old enough for ls to show the year. */
const OLD = Date.UTC(2024, 0, 15, 10, 30, 0) / 1000;
/** An hour ago, on a minute: ls shows the time of day. */
const RECENT = Math.floor(Date.now() / 60000) * 60 - 3600;

interface FileSpec {
  content?: string;
  mode?: number;
  /** Seconds since the epoch (atime and mtime). */
  time?: number;
}

interface World {
  files?: Record<string, string | FileSpec>;
  /** Directory → mode (0755 if given as a list). */
  dirs?: string[] | Record<string, number>;
  /** Symlink → target. */
  links?: Record<string, string>;
  /** New name → existing file. */
  hardlinks?: Record<string, string>;
  /** Device nodes and fifos. */
  nodes?: Record<string, { type: 'c' | 'b' | 'p'; major?: number; minor?: number; mode?: number }>;
  /** Time of everything not given one (default OLD). */
  time?: number;
  stdin?: string;
  env?: Record<string, string>;
}

interface Case {
  steps: string[][];
  world?: World;
  /** Compare stderr too (default true). */
  stderr?: boolean;
  /** Sort stdout lines before comparing (directory order differs between ext4 and Berth). */
  sort?: boolean;
  /** Parts of stdout that may differ (nanoseconds…), replaced by "*" before comparing. */
  mask?: RegExp;
  /** Why this case exists, when the command line does not say. */
  note?: string;
}

interface StepResult {
  stdout: string;
  stderr: string;
  code: number;
}

function dirModes(w: World): [string, number][] {
  if (!w.dirs) return [];
  return Array.isArray(w.dirs) ? w.dirs.map((d) => [d, 0o755]) : Object.entries(w.dirs);
}

function fileSpecs(w: World): [string, FileSpec][] {
  return Object.entries(w.files ?? {}).map(([n, f]) => [n, typeof f === 'string' ? { content: f } : f]);
}

/** Every path in the world, deepest first (so setting a directory's times comes after filling it). */
function allPaths(w: World): string[] {
  const paths = new Set<string>();
  const addParents = (p: string) => {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) paths.add(parts.slice(0, i).join('/'));
  };
  for (const [d] of dirModes(w)) (addParents(d), paths.add(d));
  for (const [f] of fileSpecs(w)) (addParents(f), paths.add(f));
  for (const l of Object.keys(w.links ?? {})) (addParents(l), paths.add(l));
  for (const h of Object.keys(w.hardlinks ?? {})) (addParents(h), paths.add(h));
  for (const n of Object.keys(w.nodes ?? {})) (addParents(n), paths.add(n));
  return [...paths].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
}

function runReal(c: Case): StepResult[] {
  const dir = nfs.mkdtempSync(join(tmpdir(), 'berth-files-'));
  const w = c.world ?? {};
  try {
    for (const [d, mode] of dirModes(w)) {
      nfs.mkdirSync(join(dir, d), { recursive: true });
      nfs.chmodSync(join(dir, d), mode);
    }
    for (const [name, f] of fileSpecs(w)) {
      nfs.mkdirSync(join(dir, name, '..'), { recursive: true });
      nfs.writeFileSync(join(dir, name), f.content ?? '');
      nfs.chmodSync(join(dir, name), f.mode ?? 0o644);
    }
    for (const [name, target] of Object.entries(w.links ?? {})) nfs.symlinkSync(target, join(dir, name));
    for (const [name, existing] of Object.entries(w.hardlinks ?? {})) nfs.linkSync(join(dir, existing), join(dir, name));
    for (const [name, n] of Object.entries(w.nodes ?? {})) {
      const args = n.type === 'p' ? [join(dir, name), 'p'] : [join(dir, name), n.type, String(n.major ?? 0), String(n.minor ?? 0)];
      spawnSync('mknod', args);
      nfs.chmodSync(join(dir, name), n.mode ?? 0o644);
    }
    const times = new Map(fileSpecs(w).map(([n, f]) => [n, f.time]));
    for (const p of allPaths(w)) {
      const t = times.get(p) ?? w.time ?? OLD;
      nfs.lutimesSync(join(dir, p), t, t);
    }
    return c.steps.map((argv) => {
      const r = spawnSync(BUSYBOX, argv, {
        cwd: dir,
        input: w.stdin ?? '',
        env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', TZ: 'UTC', LANG: 'C', ...w.env },
        encoding: 'utf8',
        timeout: 10_000,
      });
      return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? 128 };
    });
  } finally {
    nfs.rmSync(dir, { recursive: true, force: true });
  }
}

let host: Host | undefined;
let worlds = 0;


async function runBerth(c: Case): Promise<StepResult[]> {
  host ??= bootHost(nodePlatform());
  const fs = host.rootfs;
  const root = { uid: 0, gid: 0 };
  const dir = `/tmp/files${worlds++}`;
  fs.mkdir(dir, 0o700, root);
  const w = c.world ?? {};
  const mkdirs = (path: string) => {
    let cur = dir;
    for (const part of path.split('/')) {
      cur += '/' + part;
      try {
        fs.mkdir(cur, 0o755, root);
      } catch {
        // there already
      }
    }
  };
  for (const [d, mode] of dirModes(w)) {
    mkdirs(d);
    fs.setattr(`${dir}/${d}`, { mode });
  }
  for (const [name, f] of fileSpecs(w)) {
    if (name.includes('/')) mkdirs(name.slice(0, name.lastIndexOf('/')));
    host.writeFile(`${dir}/${name}`, f.content ?? '', f.mode ?? 0o644);
  }
  for (const [name, target] of Object.entries(w.links ?? {})) fs.symlink(target, `${dir}/${name}`, root);
  for (const [name, existing] of Object.entries(w.hardlinks ?? {})) fs.link(`${dir}/${existing}`, `${dir}/${name}`);
  for (const [name, n] of Object.entries(w.nodes ?? {})) {
    const type = n.type === 'p' ? 0o010000 : n.type === 'c' ? 0o020000 : 0o060000;
    fs.mknod(`${dir}/${name}`, type | (n.mode ?? 0o644), ((n.major ?? 0) << 8) | (n.minor ?? 0), root);
  }
  const times = new Map(fileSpecs(w).map(([n, f]) => [n, f.time]));
  for (const p of allPaths(w)) {
    const t = (times.get(p) ?? w.time ?? OLD) * 1000;
    fs.setattr(`${dir}/${p}`, { atimeMs: t, mtimeMs: t });
  }
  const out: StepResult[] = [];
  for (const argv of c.steps) {
    const kernel = host.machine.kernel;
    // A step that never ends is a bug somewhere below the applet: say what the processes were doing.
    const watchdog = setTimeout(() => {
      const procs = [...kernel.table.values()].map((p) => `${p.pid} ${p.state} ${p.image.argv.join(' ')}`);
      console.error(`stuck: ${argv.join(' ')}\n${procs.join('\n')}`);
    }, 8000);
    const r = await host.exec(argv, { uid: 0, cwd: dir, stdin: w.stdin ?? '', env: { HOME: '/root', ...w.env } });
    clearTimeout(watchdog);
    out.push({ stdout: r.stdout, stderr: r.stderr, code: r.code });
  }
  return out;
}

/** glibc's wording where musl's differs, and the usage banner (a different busybox build). */
function normalizeStderr(text: string): string {
  return text
    .replace(/BusyBox v[\s\S]*$/, 'BusyBox (usage)\n')
    .replace(/Too many levels of symbolic links/g, 'Symbolic link loop')
    .replace(/invalid option -- '(.)'/g, 'unrecognized option: $1')
    .replace(/option requires an argument -- '(.)'/g, 'option requires an argument: $1')
    .replace(/: \(null\): /g, ': ')
    .replace(/Invalid cross-device link/g, 'Cross-device link');
}

function view(results: StepResult[], c: Case): string {
  return results
    .map((r, i) => {
      let stdout = r.stdout;
      if (c.mask) stdout = stdout.replace(new RegExp(c.mask.source, c.mask.flags.includes('g') ? c.mask.flags : c.mask.flags + 'g'), '*');
      if (c.sort) stdout = stdout.split('\n').filter((l) => l !== '').sort().join('\n') + '\n';
      const err = c.stderr === false ? '' : normalizeStderr(r.stderr);
      return `$ ${c.steps[i]!.join(' ')}\n${stdout}${err ? `[stderr]\n${err}` : ''}[exit ${r.code}]\n`;
    })
    .join('');
}

// ---- the corpus ---------------------------------------------------------------

const one = (argv: string[], world?: World, extra: Omit<Case, 'steps' | 'world'> = {}): Case => ({ steps: [argv], world, ...extra });

const tree: World = {
  dirs: ['d', 'd/sub', 'empty'],
  files: { 'a.txt': 'hello\n', 'b.md': 'x'.repeat(5000), 'd/f1': '1\n', 'd/sub/f2': '22\n', '.hidden': 'h', exe: { content: '#!/bin/sh\n', mode: 0o755 } },
  links: { 'lnk': 'a.txt', 'dlink': 'd', 'dangling': 'nowhere' },
};

const cases: Case[] = [
  // ls: formats
  one(['ls'], tree),
  one(['ls', '-a'], tree),
  one(['ls', '-A'], tree),
  one(['ls', '-l'], tree),
  one(['ls', '-la', 'd'], tree),
  one(['ls', '-ln'], tree),
  one(['ls', '-lh'], { files: { big: 'x'.repeat(12345), mid: 'y'.repeat(2048), small: 'z' } }),
  one(['ls', '-lh'], { files: { huge: 'x'.repeat(1536 * 1024) } }),
  one(['ls', '-s'], tree),
  one(['ls', '-ls'], tree),
  one(['ls', '-1'], tree),
  one(['ls', '-F'], tree),
  one(['ls', '-p'], tree),
  one(['ls', '-lF'], tree),
  one(['ls', '-R'], tree),
  one(['ls', '-lR'], tree),
  one(['ls', '-d', 'd', 'a.txt', 'empty'], tree),
  one(['ls', '-ld', 'd', 'dlink'], tree),
  one(['ls', '-L', '-l', 'lnk', 'dlink'], tree),
  one(['ls', '-lL'], tree),
  one(['ls', 'dlink'], tree),
  one(['ls', '-l', 'dlink'], tree),
  one(['ls', '-H', '-l', 'dlink'], tree),
  one(['ls', 'd', 'empty'], tree),
  one(['ls', 'a.txt', 'd', 'b.md'], tree),
  one(['ls', 'd/'], tree),
  one(['ls', '-R', 'd/'], tree),
  one(['ls', '-r'], tree),
  one(['ls', '-S'], tree),
  one(['ls', '-Sr'], tree),
  one(['ls', '-lS'], tree),
  one(['ls', '-t'], { files: { old: { content: '', time: OLD }, new: { content: '', time: RECENT }, mid: { content: '', time: OLD + 86400 * 30 } } }),
  one(['ls', '-lt'], { files: { old: { content: '', time: OLD }, new: { content: '', time: RECENT }, mid: { content: '', time: OLD + 86400 * 30 } } }),
  one(['ls', '-ltr'], { files: { b: { content: '', time: OLD }, a: { content: '', time: OLD }, c: { content: '', time: RECENT } } }),
  one(['ls', '-lu'], { files: { x: { content: 'x', time: RECENT } } }),
  one(['ls', '-X'], { files: { 'a.c': '', 'b.a': '', c: '', 'd.b.a': '', '.e': '' } }),
  one(['ls', '-v'], { files: { 'f10': '', 'f9': '', 'f1': '', 'f01': '', 'g2': '' } }),
  one(['ls', '-x', '-w', '30'], { files: Object.fromEntries(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'].map((n) => [n, ''])) }),
  one(['ls', '-C', '-w', '30'], { files: Object.fromEntries(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'].map((n) => [n, ''])) }),
  one(['ls', '-C'], { files: Object.fromEntries(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'].map((n) => [n, ''])) }),
  one(['ls', '-Cw', '12'], { files: { ab: '', cd: '', ef: '', gh: '', ij: '' } }),
  one(['ls', '-Cs', '-w', '40'], { files: { ab: 'x', cd: '', ef: 'y'.repeat(5000) } }),
  one(['ls', '-l', '--full-time'], { files: { f: '' } }),
  one(['ls', '--group-directories-first'], tree),
  one(['ls', '--color=never'], tree),
  one(['ls', '--color=always'], tree, { note: 'colour codes per type, including the -> target' }),
  one(['ls', '-l', '--color=always'], tree),
  one(['ls', '-Q'], { files: { 'say "hi"': '', plain: '' } }),
  one(['ls', '-l', 'recent'], { files: { recent: { content: 'r', time: RECENT } } }),
  one(['ls', '-lg'], tree),
  one(['ls', '-lng'], tree),
  one(['ls', 'missing']),
  one(['ls', 'a.txt', 'missing', 'd'], tree),
  one(['ls', '-l', 'dangling'], tree),
  one(['ls', 'dangling'], tree),
  one(['ls', '-z']),
  one(['ls', '-l', 'bin'], { dirs: { bin: 0o755 }, files: { 'bin/suid': { content: '', mode: 0o4755 }, 'bin/sgid': { content: '', mode: 0o2644 }, 'bin/none': { content: '', mode: 0 } } }),
  one(['ls', '-l'], { dirs: { sticky: 0o1777, t: 0o1776 } }),
  one(['ls', '-l'], { files: { 'line\nbreak': '', 'tab\there': '' } }),
  one(['ls', '-a', 'empty'], tree),
  one(['ls', '-lA', 'empty'], tree),
  one(['ls', '-1', '.hidden', 'lnk'], tree),

  // mkdir, rmdir
  { steps: [['mkdir', 'x'], ['ls', '-ld', 'x']] },
  { steps: [['mkdir', 'x', 'x'], ['ls']] },
  { steps: [['mkdir', 'a/b']] },
  { steps: [['mkdir', '-p', 'a/b/c'], ['ls', '-R']] },
  { steps: [['mkdir', '-p', 'a/b', 'a/b'], ['ls', '-R']] },
  { steps: [['mkdir', '-m', '700', 'private'], ['ls', '-ld', 'private']] },
  { steps: [['mkdir', '-m', 'u=rwx,g=rx,o=', 'p'], ['ls', '-ld', 'p']] },
  { steps: [['mkdir', '-pm', '711', 'q/r'], ['ls', '-ld', 'q', 'q/r']] },
  { steps: [['mkdir', '-m', 'bogus', 'p']] },
  { steps: [['mkdir', '-p', 'f/sub']], world: { files: { f: '' } } },
  { steps: [['mkdir']] },
  { steps: [['mkdir', '-pv', 'v/w'], ['ls', '-R']] },
  { steps: [['rmdir', 'empty'], ['ls']], world: tree },
  { steps: [['rmdir', 'd']], world: tree },
  { steps: [['rmdir', 'a.txt']], world: tree },
  { steps: [['rmdir', 'nope']] },
  { steps: [['rmdir', '-p', 'a/b/c'], ['ls']], world: { dirs: ['a/b/c'] } },
  { steps: [['rmdir', '-p', 'a/b/c'], ['ls', '-R']], world: { dirs: ['a/b/c', 'a/x'] } },
  { steps: [['rmdir', '--ignore-fail-on-non-empty', 'd']], world: tree },

  // rm
  { steps: [['rm', 'a.txt'], ['ls']], world: tree },
  { steps: [['rm', 'missing']] },
  { steps: [['rm', '-f', 'missing']] },
  { steps: [['rm', '-f']] },
  { steps: [['rm']] },
  { steps: [['rm', 'd']], world: tree },
  { steps: [['rm', '-r', 'd'], ['ls']], world: tree },
  { steps: [['rm', '-rf', 'd', 'missing', 'lnk'], ['ls', '-a']], world: tree },
  { steps: [['rm', '-r', '.']], world: tree },
  { steps: [['rm', '-rf', 'd/..']], world: tree },
  { steps: [['rm', 'dlink'], ['ls', 'd']], world: tree },
  { steps: [['rm', '-v', 'a.txt', 'b.md']], world: tree },
  { steps: [['rm', '-rv', 'd']], world: { dirs: ['d'], files: { 'd/only': '' } } },
  { steps: [['rm', 'a.txt/']], world: tree, note: 'busybox strips the slash and removes the file' },
  { steps: [['rm', '-i', 'a.txt', 'b.md'], ['ls']], world: { ...tree, stdin: 'y\nn\n' } },

  // cp
  { steps: [['cp', 'a.txt', 'copy'], ['ls', '-l', 'copy'], ['cat', 'copy']], world: tree },
  { steps: [['cp', 'a.txt', 'd'], ['ls', 'd']], world: tree },
  { steps: [['cp', 'a.txt', 'b.md', 'd'], ['ls', 'd']], world: tree },
  { steps: [['cp', 'a.txt', 'b.md', 'nodir']], world: tree },
  { steps: [['cp', 'a.txt', 'b.md', 'exe']], world: tree },
  { steps: [['cp', 'd', 'x']], world: tree },
  { steps: [['cp', '-r', 'd', 'x'], ['ls', '-R', 'x']], world: tree },
  { steps: [['cp', '-r', 'd', 'empty'], ['ls', '-R', 'empty']], world: tree },
  { steps: [['cp', '-r', 'd', 'd/sub'], ['ls', '-R', 'd']], world: tree, note: 'copying a directory into itself stops at the copy' },
  { steps: [['cp', 'missing', 'x']] },
  { steps: [['cp', 'a.txt', 'a.txt']], world: tree },
  { steps: [['cp', 'a.txt']], world: tree },
  { steps: [['cp', 'lnk', 'c1'], ['ls', '-l', 'c1']], world: tree },
  { steps: [['cp', '-d', 'lnk', 'c1'], ['ls', '-l', 'c1']], world: tree },
  { steps: [['cp', '-P', 'dangling', 'c1'], ['ls', '-l', 'c1']], world: tree },
  { steps: [['cp', '-r', 'dlink', 'c1'], ['ls', '-l']], world: tree },
  { steps: [['cp', '-rL', 'dlink', 'c1'], ['ls', '-l', 'c1']], world: tree },
  { steps: [['cp', '-rH', 'dlink', 'c1'], ['ls', '-lR', 'c1']], world: tree },
  { steps: [['cp', '-p', 'exe', 'c1'], ['ls', '-l', 'c1']], world: tree },
  { steps: [['cp', 'exe', 'c1'], ['ls', '-l', 'exe', 'c1']], world: { files: { exe: { content: 'x', mode: 0o750, time: RECENT } } } },
  { steps: [['cp', '-a', 'd', 'c1'], ['ls', '-lR', 'c1']], world: tree },
  { steps: [['cp', '-n', 'a.txt', 'b.md'], ['cat', 'b.md']], world: { files: { 'a.txt': 'A\n', 'b.md': 'B\n' } } },
  { steps: [['cp', 'a.txt', 'b.md'], ['cat', 'b.md']], world: { files: { 'a.txt': 'A\n', 'b.md': 'B\n' } } },
  { steps: [['cp', '-i', 'a.txt', 'b.md'], ['cat', 'b.md']], world: { files: { 'a.txt': 'A\n', 'b.md': 'B\n' }, stdin: 'n\n' } },
  { steps: [['cp', '-i', 'a.txt', 'b.md'], ['cat', 'b.md']], world: { files: { 'a.txt': 'A\n', 'b.md': 'B\n' }, stdin: 'yes\n' } },
  { steps: [['cp', '-v', 'a.txt', 'b.md', 'd']], world: tree },
  { steps: [['cp', '-rv', 'd', 'c1']], world: { dirs: ['d'], files: { 'd/one': '' } } },
  { steps: [['cp', '-s', 'a.txt', 'sym'], ['ls', '-l', 'sym']], world: tree },
  { steps: [['cp', '-l', 'a.txt', 'hard'], ['ls', '-l', 'a.txt', 'hard']], world: tree },
  { steps: [['cp', '-ls', 'a.txt', 'x']], world: tree },
  { steps: [['cp', '-r', 'h', 'h2'], ['ls', '-l', 'h2']], world: { dirs: ['h'], files: { 'h/one': '1' }, hardlinks: { 'h/two': 'h/one' } } },
  { steps: [['cp', '-T', 'a.txt', 'd']], world: tree },
  { steps: [['cp', '-t', 'd', 'a.txt', 'b.md'], ['ls', 'd']], world: tree },
  { steps: [['cp', '-u', 'new', 'old'], ['cat', 'old'], ['cp', '-u', 'old', 'new'], ['cat', 'new']], world: { files: { new: { content: 'N\n', time: RECENT }, old: { content: 'O\n', time: OLD } } } },
  { steps: [['cp', 'd/', 'x/']], world: tree },
  { steps: [['cp', '-r', 'd/', 'e'], ['ls', '-R', 'e']], world: tree },
  { steps: [['cp', 'a.txt', 'nodir/x']], world: tree },

  // mv
  { steps: [['mv', 'a.txt', 'renamed'], ['ls']], world: tree },
  { steps: [['mv', 'a.txt', 'b.md', 'd'], ['ls', '-R']], world: tree },
  { steps: [['mv', 'a.txt', 'b.md', 'nodir']], world: tree },
  { steps: [['mv', 'missing', 'x']] },
  { steps: [['mv', 'd', 'empty'], ['ls', '-R', 'empty']], world: tree },
  { steps: [['mv', 'd', 'd/sub']], world: tree },
  { steps: [['mv', '-n', 'a.txt', 'b.md'], ['ls']], world: { files: { 'a.txt': 'A', 'b.md': 'B' } } },
  { steps: [['mv', '-v', 'a.txt', 'b.md', 'd']], world: tree },
  { steps: [['mv', '-T', 'a.txt', 'd']], world: tree },
  { steps: [['mv', '-T', 'empty', 'd']], world: tree },
  { steps: [['mv', '-i', 'a.txt', 'b.md'], ['ls']], world: { files: { 'a.txt': 'A', 'b.md': 'B' }, stdin: 'n\n' } },
  { steps: [['mv', 'a.txt', 'd/'], ['ls', 'd']], world: tree },
  { steps: [['mv', 'lnk', 'moved'], ['ls', '-l', 'moved']], world: tree },
  { steps: [['mv', 'a.txt']], world: tree },

  // ln
  { steps: [['ln', '-s', 'a.txt', 's'], ['ls', '-l', 's']], world: tree },
  { steps: [['ln', 'a.txt', 'h'], ['ls', '-l', 'a.txt', 'h']], world: tree },
  { steps: [['ln', 'a.txt', 'b.md']], world: tree },
  { steps: [['ln', '-f', 'a.txt', 'b.md'], ['ls', '-l', 'a.txt', 'b.md']], world: tree },
  { steps: [['ln', '-s', 'a.txt', 'd'], ['ls', '-l', 'd']], world: tree },
  { steps: [['ln', '-s', 'a.txt', 'dlink'], ['ls', '-l', 'd']], world: tree },
  { steps: [['ln', '-sn', 'a.txt', 'dlink']], world: tree },
  { steps: [['ln', '-snf', 'a.txt', 'dlink'], ['ls', '-l', 'dlink']], world: tree },
  { steps: [['ln', '-sv', 'x', 'y', 'd'], ['ls', '-l', 'd']], world: tree },
  { steps: [['ln', 'missing', 'h']] },
  { steps: [['ln', 'dangling', 'h'], ['ls', '-l', 'h']], world: tree },
  { steps: [['ln', '-s', 'd/f1'], ['ls', '-l', 'f1']], world: tree },
  { steps: [['ln', '-T', 'a.txt', 'empty']], world: tree },
  { steps: [['ln', '-sb', 'a.txt', 'b.md'], ['ls']], world: tree },
  { steps: [['ln', 'd', 'hd']], world: tree },
  { steps: [['ln']] },

  // touch
  { steps: [['touch', 'new'], ['ls', 'new']] },
  { steps: [['touch', '-c', 'new'], ['ls']] },
  { steps: [['touch', '-t', '202001021530.45', 'f'], ['ls', '-l', '--full-time', 'f']] },
  { steps: [['touch', '-t', '01021530', 'f'], ['stat', '-c', '%Y', 'f']], note: 'mmddhhmm: this year' },
  { steps: [['touch', '-t', '2001021530', 'f'], ['ls', '-l', 'f']] },
  { steps: [['touch', '-d', '2021-03-04 05:06:07', 'f'], ['ls', '-l', '--full-time', 'f']] },
  { steps: [['touch', '-d', '2021.03.04-05:06:07', 'f'], ['stat', '-c', '%X %Y', 'f']] },
  { steps: [['touch', '-d', '@1700000000', 'f'], ['stat', '-c', '%X %Y', 'f']] },
  { steps: [['touch', '-d', 'yesterday', 'f']] },
  { steps: [['touch', '-t', '13011200', 'f']] },
  { steps: [['touch', '-r', 'a.txt', 'f'], ['stat', '-c', '%Y', 'a.txt', 'f']], world: tree },
  { steps: [['touch', '-r', 'missing', 'f']] },
  { steps: [['touch', '-a', '-t', '200001010000', 'a.txt'], ['stat', '-c', '%X %Y', 'a.txt']], world: tree },
  { steps: [['touch', '-m', '-t', '200001010000', 'a.txt'], ['stat', '-c', '%X %Y', 'a.txt']], world: tree },
  { steps: [['touch', '-h', '-t', '200001010000', 'lnk'], ['stat', '-c', '%Y', 'lnk', 'a.txt']], world: tree },
  { steps: [['touch', '-t', '200001010000', 'lnk'], ['stat', '-c', '%Y', 'lnk', 'a.txt']], world: tree },
  { steps: [['touch', 'nodir/f']] },
  { steps: [['touch', '-t', '200001010000', 'dangling'], ['ls', 'nowhere']], world: tree },
  { steps: [['touch']] },

  // chmod
  { steps: [['chmod', '600', 'a.txt'], ['ls', '-l', 'a.txt']], world: tree },
  { steps: [['chmod', 'u+x,g-r,o=', 'a.txt'], ['stat', '-c', '%a %A', 'a.txt']], world: tree },
  { steps: [['chmod', '+x', 'a.txt'], ['stat', '-c', '%a', 'a.txt']], world: tree },
  { steps: [['chmod', '-w', 'a.txt'], ['stat', '-c', '%a', 'a.txt']], world: tree },
  { steps: [['chmod', '-R', '-w', 'd'], ['stat', '-c', '%a %n', 'd', 'd/f1', 'd/sub']], world: tree },
  { steps: [['chmod', 'a=r,u+w', 'a.txt'], ['stat', '-c', '%a', 'a.txt']], world: tree },
  { steps: [['chmod', 'g=u', 'exe'], ['stat', '-c', '%a', 'exe']], world: tree },
  { steps: [['chmod', 'u+s,g+s,+t', 'exe'], ['stat', '-c', '%a %A', 'exe']], world: tree },
  { steps: [['chmod', 'a+X', 'a.txt', 'exe', 'd'], ['stat', '-c', '%a %n', 'a.txt', 'exe', 'd']], world: tree },
  { steps: [['chmod', '=', 'a.txt'], ['stat', '-c', '%a', 'a.txt']], world: tree },
  { steps: [['chmod', '4755', 'a.txt'], ['ls', '-l', 'a.txt']], world: tree },
  { steps: [['chmod', '-R', '700', 'd'], ['ls', '-lR', 'd']], world: tree },
  { steps: [['chmod', '-v', '644', 'a.txt', 'exe']], world: tree },
  { steps: [['chmod', '-c', '644', 'a.txt', 'exe']], world: tree },
  { steps: [['chmod', '700', 'lnk'], ['ls', '-l', 'a.txt', 'lnk']], world: tree },
  { steps: [['chmod', '-R', '700', 'dlink'], ['stat', '-c', '%a', 'd']], world: tree },
  { steps: [['chmod', '999', 'a.txt']], world: tree },
  { steps: [['chmod', 'u+q', 'a.txt']], world: tree },
  { steps: [['chmod', '644', 'missing']] },
  { steps: [['chmod', 'bogus', 'missing']] },
  { steps: [['chmod', '644']] },
  { steps: [['chmod', '17777', 'a.txt']], world: tree },

  // chown, chgrp (ids both systems know)
  { steps: [['chown', '1:1', 'a.txt'], ['ls', '-ln', 'a.txt']], world: tree },
  { steps: [['chown', 'daemon', 'a.txt'], ['ls', '-l', 'a.txt']], world: tree },
  { steps: [['chown', 'daemon:', 'a.txt'], ['ls', '-l', 'a.txt']], world: tree },
  { steps: [['chown', ':tty', 'a.txt'], ['ls', '-l', 'a.txt']], world: tree },
  { steps: [['chown', 'nobody.users', 'a.txt'], ['ls', '-ln', 'a.txt']], world: tree },
  { steps: [['chown', '-R', '1:5', 'd'], ['ls', '-lnR', 'd']], world: tree },
  { steps: [['chown', '-v', '1', 'a.txt', 'b.md']], world: tree },
  { steps: [['chown', '-h', '1', 'lnk'], ['ls', '-ln', 'lnk', 'a.txt']], world: tree },
  { steps: [['chown', '1', 'lnk'], ['ls', '-ln', 'lnk', 'a.txt']], world: tree },
  { steps: [['chown', 'nosuchuser', 'a.txt']], world: tree },
  { steps: [['chown', 'root:nosuchgroup', 'a.txt']], world: tree },
  { steps: [['chown', '0', 'missing']] },
  { steps: [['chgrp', 'tty', 'a.txt'], ['ls', '-l', 'a.txt']], world: tree },
  { steps: [['chgrp', '-R', '100', 'd'], ['ls', '-lnR', 'd']], world: tree },
  { steps: [['chgrp', 'nosuchgroup', 'a.txt']], world: tree },

  // stat
  one(['stat', '-c', '%n %s %b %B %f %F %a %A %h %u %U %g %G %o %X %Y', 'a.txt', 'd', 'lnk', 'empty'], tree),
  one(['stat', '-c', '%N', 'lnk', 'a.txt'], tree),
  one(['stat', '-L', '-c', '%N %F %s', 'lnk'], tree),
  one(['stat', '-c', '[%10s] [%-10n] [%5a] %%', 'a.txt'], tree),
  one(['stat', '-c', 'tail %', 'a.txt'], tree),
  one(['stat', '-c', '%q %z %y', 'a.txt'], tree, { note: 'unknown sequences print the letter', mask: /\.[0-9]{9} / }),
  one(['stat', 'missing']),
  one(['stat', '-c', '%s', 'a.txt', 'missing', 'b.md'], tree),
  one(['stat']),

  // find
  one(['find'], tree, { sort: true }),
  one(['find', '.', '-name', '*.txt'], tree),
  one(['find', '-name', '*.TXT']),
  one(['find', '.', '-iname', '*.TXT'], tree),
  one(['find', '.', '-type', 'd'], tree, { sort: true }),
  one(['find', '.', '-type', 'l'], tree, { sort: true }),
  one(['find', '.', '-type', 'f', '-name', 'f*'], tree, { sort: true }),
  one(['find', 'd', '-maxdepth', '1'], tree, { sort: true }),
  one(['find', 'd', '-mindepth', '1'], tree, { sort: true }),
  one(['find', '.', '-maxdepth', '0']),
  one(['find', '.', '-path', './d/*'], tree, { sort: true }),
  one(['find', '.', '-name', 'd', '-prune', '-o', '-print'], tree, { sort: true }),
  one(['find', '.', '!', '-name', '*.*'], tree, { sort: true }),
  one(['find', '.', '-name', 'f1', '-o', '-name', 'f2'], tree, { sort: true }),
  one(['find', '.', '(', '-name', 'f1', '-o', '-name', 'f2', ')', '-print'], tree, { sort: true }),
  one(['find', '.', '-type', 'f', '-a', '-not', '-name', 'f*'], tree, { sort: true }),
  one(['find', '.', '-empty'], tree, { sort: true }),
  one(['find', '.', '-size', '+1k'], tree, { sort: true }),
  one(['find', '.', '-size', '-2', '-type', 'f'], tree, { sort: true }),
  one(['find', '.', '-size', '6c'], tree),
  one(['find', '.', '-perm', '755'], tree, { sort: true }),
  one(['find', '.', '-perm', '-u+x', '-type', 'f'], tree),
  one(['find', '.', '-perm', '/o+w'], tree, { sort: true }),
  one(['find', '.', '-user', 'root', '-name', 'a*'], tree),
  one(['find', '.', '-group', '0', '-name', 'b*'], tree),
  one(['find', '.', '-newer', 'old', '-type', 'f'], { files: { old: { content: '', time: OLD }, new: { content: '', time: RECENT } } }),
  one(['find', '.', '-mtime', '+30', '-type', 'f'], { files: { old: { content: '', time: OLD }, new: { content: '', time: RECENT } } }),
  one(['find', '.', '-mtime', '-1', '-type', 'f'], { files: { old: { content: '', time: OLD }, new: { content: '', time: RECENT } } }),
  one(['find', '.', '-mmin', '-90', '-type', 'f'], { files: { old: { content: '', time: OLD }, new: { content: '', time: RECENT } } }),
  one(['find', '.', '-links', '2', '-type', 'f'], { files: { a: '' }, hardlinks: { b: 'a' } }, { sort: true }),
  one(['find', 'd', '-print0'], { dirs: ['d'] }),
  one(['find', 'd', '-exec', 'echo', 'found', '{}', ';'], { dirs: ['d'], files: { 'd/x': '' } }, { sort: true }),
  one(['find', 'd', '-type', 'f', '-exec', 'echo', '{}', '+'], { dirs: ['d'], files: { 'd/x': '', 'd/y': '' } }, { sort: true }),
  one(['find', 'd', '-exec', 'echo', '{}', '{}', '+']),
  one(['find', 'd', '-exec', 'echo']),
  one(['find', 'missing']),
  one(['find', 'missing', 'a.txt'], tree),
  one(['find', '.', '-bogus']),
  one(['find', '.', '-name']),
  one(['find', '.', '-type', 'x']),
  one(['find', '.', '(', '-name', 'x']),
  one(['find', '.', '-newer', 'missing']),
  one(['find', '.', '-user', 'nosuchuser']),
  one(['find', 'a.txt/'], tree),
  one(['find', 'd/', '-name', 'd'], tree),
  one(['find', '-L', '.', '-name', 'f1'], tree, { sort: true }),
  one(['find', 'dlink'], tree),
  one(['find', '-H', 'dlink'], tree, { sort: true }),
  one(['find', '.', '-follow', '-type', 'l'], tree),
  one(['find', 'd', '-depth'], tree, { sort: true }),
  one(['find', 'd', 'a.txt', 'b.md', '-name', 'a.txt', '-quit', '-o', '-print'], { dirs: ['d'], files: { 'd/x': '', 'a.txt': '', 'b.md': '' } }),
  one(['find', '.', '-regex', '.*/f[0-9]'], tree, { sort: true }),
  one(['find', '.', '-ipath', '*/SUB/*'], tree),

  // du
  one(['du', 'd'], tree, { sort: true }),
  one(['du', '-s', 'd'], tree),
  one(['du', '-a', 'd'], tree, { sort: true }),
  one(['du', '-h', 'big'], { dirs: ['big'], files: { 'big/f': 'x'.repeat(20000) } }),
  one(['du', '-sk', 'a.txt', 'b.md'], tree),
  one(['du', '-sm', 'a.txt'], tree),
  one(['du', '-c', 'a.txt', 'b.md'], tree),
  one(['du', '-d', '0', 'd'], tree),
  one(['du', '-d', '1', 'd'], tree, { sort: true }),
  one(['du', '-b', 'a.txt', 'b.md'], tree),
  one(['du', '-s', 'missing', 'a.txt'], tree),
  one(['du', '-a', 'h'], { dirs: ['h'], files: { 'h/one': 'x' }, hardlinks: { 'h/two': 'h/one' } }, { sort: true, note: 'hard links count once' }),
  one(['du', '-al', 'h'], { dirs: ['h'], files: { 'h/one': 'x' }, hardlinks: { 'h/two': 'h/one' } }, { sort: true }),
  one(['du', 'dlink'], tree),
  one(['du', '-L', '-s', 'dlink'], tree),

  // readlink, realpath, basename, dirname
  one(['readlink', 'lnk'], tree),
  one(['readlink', 'a.txt'], tree),
  one(['readlink', '-v', 'a.txt'], tree),
  one(['readlink', '-n', 'lnk'], tree),
  one(['readlink', 'a', 'b']),
  one(['readlink', '-f', 'missing/deeper']),
  one(['basename', '/usr/lib/libc.so']),
  one(['basename', '/usr/lib/']),
  one(['basename', '/']),
  one(['basename', 'file.tar.gz', '.gz']),
  one(['basename', 'x.gz', 'x.gz']),
  one(['basename', '-a', 'a/b', 'c/d/']),
  one(['basename', '-s', '.c', 'a.c', 'b.c', 'cc']),
  one(['basename', 'a', 'b', 'c']),
  one(['basename']),
  one(['dirname', '/usr/lib']),
  one(['dirname', 'file']),
  one(['dirname', 'a/b/']),
  one(['dirname', '/']),
  one(['dirname', '/a']),
  one(['dirname', 'a//b//']),
  one(['dirname', '--', '-x']),
  one(['dirname', 'a', 'b']),

  // mktemp, install, truncate, sync
  { steps: [['mktemp', 'fileXXX']] },
  { steps: [['mktemp', '-q', 'fileXXX']] },
  { steps: [['mktemp', '-u', '-q', 'x']] },
  { steps: [['mktemp', 'a', 'b']] },
  { steps: [['truncate', '-s', '10', 'a.txt'], ['stat', '-c', '%s', 'a.txt']], world: tree },
  { steps: [['truncate', '-s', '2k', 'new'], ['stat', '-c', '%s', 'new']] },
  { steps: [['truncate', '-c', '-s', '5', 'new'], ['ls']] },
  { steps: [['truncate', 'a.txt']], world: tree },
  { steps: [['truncate', '-s', 'x', 'a.txt']], world: tree },
  { steps: [['truncate', '-s', '0', 'd']], world: tree },
  one(['sync']),
  one(['sync', 'a.txt'], tree),
  one(['sync', 'missing']),
];


const devices: World = {
  dirs: ['dev'],
  nodes: { 'dev/null': { type: 'c', major: 1, minor: 3, mode: 0o666 }, 'dev/sda': { type: 'b', major: 8, minor: 0, mode: 0o660 }, 'dev/fifo': { type: 'p', mode: 0o600 } },
};
/** The scratch directory's own name differs between the two worlds. */
const CWD = /\/tmp\/[^/\n]+/;

const moreCases: Case[] = [
  // ls: more options and their interplay
  one(['ls', '-l', 'dev'], devices),
  one(['ls', '-lF', 'dev'], devices),
  one(['ls', '-F', 'dev'], devices),
  one(['ls', '-ln', 'x'], { files: { x: '' } }),
  { steps: [['chown', '12345:23456', 'x'], ['ls', '-l', 'x']], world: { files: { x: '' } }, note: 'ids without names show as numbers' },
  one(['ls', '-d']),
  one(['ls', '-ld', '.'], { time: OLD }),
  one(['ls', '-1x'], tree),
  one(['ls', '-l1'], tree),
  one(['ls', '-lC', '-w', '40'], tree),
  one(['ls', '-Cl'], tree),
  one(['ls', '-xw', '40'], tree),
  one(['ls', '-w', '0', '-C'], tree),
  one(['ls', '--color=auto'], tree),
  one(['ls', '--color=none'], tree),
  one(['ls', '--color=al', 'd'], tree),
  one(['ls', '--color=bogus', 'd'], tree),
  one(['ls', '--color', 'd'], tree),
  one(['ls', '-p', '--color=always', 'dlink', 'lnk'], tree),
  one(['ls', '-lR', 'nest'], { dirs: ['nest/a/b', 'nest/c'], files: { 'nest/a/b/deep': 'x' } }),
  one(['ls', '-sR', 'nest'], { dirs: ['nest/a/b', 'nest/c'], files: { 'nest/a/b/deep': 'x'.repeat(9000) } }),
  one(['ls', '-R', 'a', 'missing', 'b'], { dirs: ['a', 'b'], files: { 'a/1': '', 'b/2': '' } }),
  one(['ls', '--', '-file'], { files: { '-file': '' } }),
  one(['ls', '-A', '-1', 'd'], { dirs: ['d'], files: { 'd/.x': '', 'd/y': '' } }),
  one(['ls', '-lt', 'd', 'a.txt'], tree),
  one(['ls', '-S', '-1', 'a', 'b', 'c'], { files: { a: 'x', b: 'xxx', c: 'xx' } }),
  one(['ls', '-ltu'], { files: { a: { content: '', time: OLD }, b: { content: '', time: RECENT } } }),
  one(['ls', '-lh', 'sizes'], { dirs: ['sizes'], files: { 'sizes/k1': 'x'.repeat(1023), 'sizes/k2': 'x'.repeat(1024), 'sizes/k3': 'x'.repeat(10240), 'sizes/k4': 'x'.repeat(10200), 'sizes/m1': 'x'.repeat(1048575) } }),

  // mkdir, rmdir, rm: more
  { steps: [['mkdir', '-p', 'x/'], ['ls', '-d', 'x']] },
  { steps: [['mkdir', '-m', '700', '-p', 'd'], ['stat', '-c', '%a', 'd']], world: tree, note: 'an existing directory keeps its mode' },
  { steps: [['mkdir', '-m', '+t', 'sticky'], ['ls', '-ld', 'sticky']] },
  { steps: [['mkdir', 'a.txt']], world: tree },
  { steps: [['mkdir', '-p', 'a.txt']], world: tree },
  { steps: [['rmdir', '-p', 'a/b/'], ['ls']], world: { dirs: ['a/b'] } },
  { steps: [['rmdir', '.']] },
  { steps: [['rm', '-r', 'd/sub/'], ['ls', 'd']], world: tree },
  { steps: [['rm', 'ro'], ['ls']], world: { files: { ro: { content: '', mode: 0o444 } } }, note: 'no prompt: stdin is not a terminal' },
  { steps: [['rm', '-ri', 'd'], ['ls', '-R']], world: { dirs: ['d'], files: { 'd/x': '', 'd/y': '' }, stdin: 'y\ny\ny\nn\n' }, sort: true },
  { steps: [['rm', '-fi', 'a.txt']], world: { ...tree, stdin: 'n\n' } },
  { steps: [['rm', '-if', 'a.txt'], ['ls', 'a.txt']], world: { ...tree, stdin: 'n\n' } },

  // cp: more
  { steps: [['cp', '-r', 'src', 'dst'], ['ls', '-lR', 'dst']], world: { dirs: ['src/in'], files: { 'src/f': 'f' }, links: { 'src/l': 'f', 'src/in/up': '../f' } } },
  { steps: [['cp', '-R', 'src', 'dst'], ['ls', '-l', 'dst']], world: { dirs: ['src'], files: { 'src/f': 'f' }, links: { 'src/l': 'f' } } },
  { steps: [['cp', '-a', 'src', 'dst'], ['ls', '-l', '--full-time', 'dst']], world: { dirs: ['src'], files: { 'src/f': { content: 'f', mode: 0o600 } }, links: { 'src/l': 'f' } } },
  { steps: [['cp', '-r', 'd', 'a.txt']], world: tree },
  { steps: [['cp', 'a.txt', 'd/sub/'], ['ls', 'd/sub']], world: tree },
  { steps: [['cp', '--parents', 'd/f1', 'empty'], ['ls', '-R', 'empty']], world: tree },
  { steps: [['cp', '-r', 'dev', 'copy'], ['ls', '-l', 'copy']], world: devices },
  { steps: [['cp', '-p', 'a.txt', 'p'], ['ls', '-l', '--full-time', 'p']], world: { files: { 'a.txt': { content: 'x', mode: 0o640, time: OLD + 1234 } } } },
  { steps: [['cp', '-a', 'lnk', 'l2'], ['ls', '-l', 'l2']], world: tree },
  { steps: [['cp', '-rs', 'd', 'x']], world: tree },
  { steps: [['cp', '--remove-destination', '-v', 'a.txt', 'b.md']], world: tree, note: 'busybox: without SELinux this option does nothing' },
  { steps: [['cp', '--parents', '-v', 'a.txt', 'd'], ['cp', '--parents', '-v', 'a.txt', 'd']], world: tree, note: '…and --parents removes the destination first' },
  { steps: [['cp', '-n', '-v', 'a.txt', 'b.md']], world: tree },

  // mv: more
  { steps: [['mv', 'd', 'full']], world: { dirs: ['d', 'full'], files: { 'full/d/x': '' } } },
  { steps: [['mv', 'a.txt', 'a.txt'], ['ls']], world: { files: { 'a.txt': '' } } },
  { steps: [['mv', 'empty', 'a.txt']], world: tree },
  { steps: [['mv', 'a.txt', 'empty/'], ['ls', 'empty']], world: tree },
  { steps: [['mv', '-f', 'a.txt', 'b.md'], ['cat', 'b.md']], world: { files: { 'a.txt': 'A\n', 'b.md': 'B\n' } } },
  { steps: [['mv', '-t', 'd', 'a.txt', 'b.md'], ['ls', 'd']], world: tree },
  { steps: [['mv', '-v', 'missing', 'd']], world: tree },

  // ln: more
  { steps: [['ln', '-s', '../a.txt', 'd'], ['ls', '-l', 'd/a.txt'], ['cat', 'd/a.txt']], world: tree },
  { steps: [['ln', '-s', 'x', 'x'], ['stat', '-L', 'x'], ['ls', '-L', 'x']] },
  { steps: [['ln', 'a.txt', 'b.md', 'nodir']], world: tree },
  { steps: [['ln', '-s', 'a', 'b', 'c', 'd'], ['ls', '-l', 'd']], world: tree },
  { steps: [['ln', '-T', 'a.txt', 'x', 'y']], world: tree },

  // touch: more
  { steps: [['touch', 'd'], ['ls', '-ld', 'd']], world: { dirs: ['d'], time: OLD }, mask: /[A-Z][a-z]{2} [ 0-9]{2} [0-9]{2}:[0-9]{2}/ },
  { steps: [['touch', '-t', '200001010000.xx', 'f']] },
  { steps: [['touch', '-t', '200001010000.30', 'f'], ['stat', '-c', '%Y', 'f']] },
  { steps: [['touch', '-d', '2020-02-30 00:00:00', 'f'], ['stat', '-c', '%Y', 'f']], note: 'mktime normalizes Feb 30' },
  { steps: [['touch', '-d', 'Jan 2 03:04:05 2019', 'f'], ['stat', '-c', '%Y', 'f']] },
  { steps: [['touch', '-d', '2019-01-02', 'f'], ['stat', '-c', '%y', 'f']], mask: / [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+/, note: 'the time of day is kept from now' },
  { steps: [['touch', '-r', 'a.txt', '-t', '200001010000', 'f']], world: tree },

  // chmod: more
  { steps: [['chmod', 'o-rwx,ug+rw', 'a.txt'], ['stat', '-c', '%a', 'a.txt']], world: tree },
  { steps: [['chmod', 'u=g', 'a.txt'], ['stat', '-c', '%a', 'a.txt']], world: tree },
  { steps: [['chmod', '+s', 'a.txt'], ['stat', '-c', '%a', 'a.txt']], world: tree },
  { steps: [['chmod', '-x', 'exe'], ['stat', '-c', '%a', 'exe']], world: tree },
  { steps: [['chmod', '0', 'a.txt'], ['ls', '-l', 'a.txt']], world: tree },
  { steps: [['chmod', 'u+rwx,', 'a.txt'], ['stat', '-c', '%a', 'a.txt']], world: tree },
  { steps: [['chmod', ',', 'a.txt'], ['stat', '-c', '%a', 'a.txt']], world: tree },
  { steps: [['chmod', 'u', 'a.txt']], world: tree },
  { steps: [['chmod', '-f', '644', 'missing']] },
  { steps: [['chmod', '644', 'dangling']], world: tree },
  { steps: [['chmod', '-R', 'go-rwx', '.'], ['ls', '-lR']], world: { dirs: ['x'], files: { 'x/y': '' }, links: { 'x/l': 'y' } } },

  // chown: more
  { steps: [['chown', ':', 'a.txt']], world: tree },
  { steps: [['chown', '-R', 'daemon', 'dlink'], ['ls', '-ln', 'd', 'dlink']], world: tree },
  { steps: [['chown', '-RH', '1', 'dlink'], ['ls', '-lnR', 'd']], world: tree },
  { steps: [['chown', '-RL', '2', '.'], ['ls', '-lnR']], world: { dirs: ['x'], files: { 'x/y': '' }, links: { l: 'x' } } },
  { steps: [['chown', '-c', '0:0', 'a.txt']], world: tree },
  { steps: [['chown', '-c', '1', 'a.txt']], world: tree },
  { steps: [['chgrp', '-v', 'daemon', 'a.txt']], world: tree },

  // stat: more
  one(['stat', '-t', 'a.txt'], tree, { mask: /^a\.txt 6 8 81a4 0 0 \w+ \d+ 1 0 0 \d+ \d+ \d+ 4096$/m }),
  one(['stat', 'a.txt'], tree, { mask: /(Device: \w+h\/\d+d|Inode: \d+ *|Change: .*)/ }),
  one(['stat', 'lnk'], tree, { mask: /(Device: \w+h\/\d+d|Inode: \d+ *|Change: .*)/ }),
  one(['stat', 'd'], tree, { mask: /(Device: \w+h\/\d+d|Inode: \d+ *|Change: .*)/ }),
  one(['stat', 'dev/null'], devices, { mask: /(Device: \w+h\/\d+d|Inode: \d+ *|Change: .*)/ }),
  one(['stat', '-c', '%F %t %T', 'dev/null', 'dev/sda', 'dev/fifo'], devices),
  one(['stat', '-L', 'dangling'], tree),
  one(['stat', '-c', '%U %G', 'x'], { files: { x: '' } }),
  { steps: [['chown', '4321:4321', 'x'], ['stat', '-c', '%U %G %u %g', 'x']], world: { files: { x: '' } } },

  // find: more
  one(['find', '.', '-type', 'p', '-o', '-type', 'c'], devices, { sort: true }),
  one(['find', 'dev', '-type', 'b'], devices),
  one(['find', '.', '-mindepth', '1', '-maxdepth', '1', '-type', 'd'], tree, { sort: true }),
  one(['find', 'd', '-depth', '-name', 'sub', '-prune'], tree),
  one(['find', './', '-name', 'f1'], tree),
  one(['find', '.', '-name', '[ab].*'], tree, { sort: true }),
  one(['find', '.', '-name', '\\[x\\]'], { files: { '[x]': '', x: '' } }),
  one(['find', '.', '-name', '*', '-type', 'f', '-name', '.*'], tree),
  one(['find', 'd', '-exec', 'false', ';'], tree),
  one(['find', 'd', '-exec', 'nonexistent-command', ';']),
  one(['find', 'd', '-exec', 'false', '+'], { dirs: ['d'] }),
  one(['find', 'd', '!', '-exec', 'false', ';'], { dirs: ['d'] }),
  one(['find', '.', '-size', '1x']),
  one(['find', '.', '-mtime', 'x']),
  one(['find', '.', '-maxdepth', '-1']),
  one(['find', '.', '-perm', 'abc']),
  one(['find', '.', ')']),
  one(['find', '.', '-group', 'nosuchgroup']),
  one(['find', '-H']),
  one(['find', 'd', '-name', 'f*', '-print', '-print'], tree, { sort: true }),
  one(['find', '.', '-inum', 'x']),
  one(['find', '.', '-samefile', 'a.txt'], { files: { 'a.txt': '', b: '' }, hardlinks: { c: 'a.txt' } }, { sort: true }),
  one(['find', '.', '-links', '+1', '-type', 'f'], { files: { 'a.txt': '', b: '' }, hardlinks: { c: 'a.txt' } }, { sort: true }),
  one(['find', 'd', '-newer', 'd/f1'], { dirs: ['d'], files: { 'd/f1': { content: '', time: OLD }, 'd/f2': { content: '', time: RECENT } } }),
  one(['find', '.', '-empty', '-type', 'd'], { dirs: ['e1', 'full/e2'], files: { 'full/x': '' } }, { sort: true }),
  one(['find', '.', '-executable', '-type', 'f'], tree),

  // du: more
  one(['du', '-sh', 'd'], tree),
  one(['du', '-x', '-s', '.'], tree),
  one(['du', '-H', '-s', 'dlink'], tree),
  one(['du', '-hc', 'a.txt', 'b.md'], tree),
  one(['du', '-s', 'x'], { files: { x: 'y'.repeat(1048577) } }),
  one(['du', '-sm', 'x'], { files: { x: 'y'.repeat(1048577) } }),
  one(['du', '-sh', 'x'], { files: { x: 'y'.repeat(1048577) } }),
  one(['du', '-d', 'x']),
  one(['du', '-ab', 'd'], tree, { sort: true }),
  one(['du', '-sk', 'empty'], tree),

  // readlink, realpath
  one(['readlink', '-f', 'lnk'], tree, { mask: CWD }),
  one(['readlink', '-f', 'dangling'], tree, { mask: CWD }),
  one(['readlink', '-f', 'd/sub/../f1'], tree, { mask: CWD }),
  one(['readlink', '-f', '/'], tree),
  one(['readlink', '-fn', 'a.txt'], tree, { mask: CWD }),
  one(['readlink', 'dlink', 'lnk'], tree),
  one(['readlink', '-v', 'missing']),
  one(['realpath', '.', 'a.txt', 'lnk', 'dlink/f1', 'missing', 'd/missing'], tree, { mask: CWD }),
  one(['realpath', 'nodir/missing'], tree),
  one(['realpath', '/usr/../etc/./'], tree),
  one(['realpath']),

  // mktemp
  { steps: [['mktemp', '-p', '.', 'tXXXXXX'], ['ls']], mask: /[A-Za-z0-9]{6}$/m },
  { steps: [['mktemp', '-d', '-p', '.'], ['ls', '-l']], mask: /tmp\.[A-Za-z0-9]{6}/ },
  { steps: [['mktemp', '-u', 'zXXXXXX'], ['ls']], mask: /z[A-Za-z0-9]{6}/ },
  { steps: [['mktemp', 'nodir/XXXXXX']] },
  { steps: [['mktemp', '-p', 'sub'], ['ls', '-l', 'sub']], world: { dirs: ['sub'] }, mask: /tmp\.[A-Za-z0-9]{6}/ },
  { steps: [['mktemp']], world: { env: { TMPDIR: '.' } }, mask: /tmp\.[A-Za-z0-9]{6}/ },

  // truncate, sync
  { steps: [['truncate', '-s', '3', 'a.txt', 'b.md', 'new'], ['ls', '-l']], world: { files: { 'a.txt': 'abcdef', 'b.md': 'x' } }, mask: /^total \d+$/m, note: "Berth's disks keep no holes: the extended file has blocks" },
  { steps: [['truncate', '-s', '1M', 'x'], ['stat', '-c', '%s', 'x']] },
  { steps: [['truncate', '-s', '5', 'nodir/x']] },
  one(['sync', '-d', '-f']),
  one(['sync', '-d']),

  // options after operands (busybox parses with getopt_long, which moves them first)
  one(['ls', 'd', '-l'], tree),
  one(['ls', 'd', '--', '-l'], tree),
  { steps: [['rm', 'd', '-r'], ['ls']], world: tree },
  { steps: [['mkdir', 'x/y', '-p'], ['ls', '-R']] },
  { steps: [['mkdir', 'x', '-m']] },
  { steps: [['cp', 'd', 'x', '-r'], ['ls', 'x']], world: tree },
  { steps: [['chmod', '-R', '-x', '-v', 'd']], world: tree, sort: true },
  { steps: [['chmod', 'u+x', 'a.txt', '-v']], world: tree },
  one(['du', 'd', '-s'], tree),
  one(['stat', 'a.txt', '-c', '%n %s'], tree),
  one(['basename', 'a.c', '-s', '.c']),
  one(['find', 'd', '-name', 'f1', '-L'], tree),

  // a few more corners
  one(['ls', '-lh', 'dev'], devices),
  one(['ls', '-lhR', 'd'], tree),
  one(['du', '-ah', 'd'], tree, { sort: true }),
  one(['find', '.', '-size', '-1k', '-type', 'f'], tree, { sort: true }),
  one(['find', '.', '-size', '5000c'], tree),
  one(['find', '.', '-size', '+2w', '-type', 'f'], tree, { sort: true }),
  one(['stat', '-c', '%A %a %F %h', 'dev/fifo', 'dev/null', 'dev/sda', 'dev'], devices),
  { steps: [['mkdir', '-pv', 'd', 'd/new'], ['ls', 'd']], world: tree },
  { steps: [['chmod', '-v', 'u-w,g+w', 'd'], ['stat', '-c', '%A', 'd']], world: tree },
  { steps: [['cp', '-pr', 'd', 'e'], ['ls', '-lR', '--full-time', 'e']], world: tree },
  { steps: [['ln', '-sf', 'b.md', 'lnk'], ['readlink', 'lnk']], world: tree },
  { steps: [['ln', '-f', 'a.txt', 'a.txt']], world: tree, note: 'busybox unlinks the name first, then cannot link it' },
  { steps: [['mv', 'dangling', 'renamed'], ['ls', '-l', 'renamed']], world: tree },
  { steps: [['rm', '-r', 'empty', 'd/sub', 'a.txt'], ['find', '.'], ['rmdir', 'd']], world: tree, sort: true },
];

describe.skipIf(!haveBusybox)('file applets match busybox', () => {
  afterAll(() => {
    host = undefined;
  });
  for (const c of [...cases, ...moreCases]) {
    const title = c.steps.map((s) => s.join(' ')).join(' && ');
    it(title, async () => {
      const want = runReal(c);
      const got = await runBerth(c);
      expect(view(got, c)).toBe(view(want, c));
    });
  }
});

if (!haveBusybox) console.log('file applet differential tests skipped: /usr/bin/busybox missing (apt-get install busybox-static)');

// ---- what the reference cannot show ---------------------------------------------

/** Runs argv on a terminal of the given width; returns what the screen got ("\r\n" as "\n"). */
async function onTty(argv: string[], world: World, options: { cols?: number; env?: Record<string, string> } = {}): Promise<string> {
  await runBerth({ steps: [], world });
  const dir = `/tmp/files${worlds - 1}`;
  const tty = new Tty('/dev/pts/9', (136 << 8) | 9);
  tty.winsize = { rows: 24, cols: options.cols ?? 80 };
  let out = '';
  const decoder = new TextDecoder();
  tty.onOutput((bytes) => (out += decoder.decode(bytes, { stream: true })));
  await host!.attach(argv, tty, { uid: 0, cwd: dir, env: options.env }).ended;
  return out.replace(/\r\n/g, '\n');
}

/** Runs steps on the emulated host only; returns each step's stdout, stderr and status. */
async function berthOnly(steps: string[][], world: World = {}): Promise<StepResult[]> {
  return runBerth({ steps, world });
}

const names = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu'];
const screen: World = { files: { ...Object.fromEntries(names.map((n) => [n, ''])), run: { content: '', mode: 0o755 } }, dirs: ['dir'], links: { link: 'alpha' } };
const plain = (n: string) => `\x1b[0;0m${n}\x1b[m`;

describe('ls on a terminal', () => {
  it('lays names out in columns down the width, coloured by type (alpine colours by default)', async () => {
    // 15 names, the longest 7 wide: columns of 9 in 79 → 8 columns, 2 rows.
    const row = (items: [string, string][]) => items.map(([t, n], i) => (i < items.length - 1 ? t + ' '.repeat(9 - n.length) : t)).join('') + '\n';
    const c = (code: string, n: string): [string, string] => [`\x1b[${code}m${n}\x1b[m`, n];
    const p = (n: string): [string, string] => [plain(n), n];
    expect(await onTty(['ls'], screen)).toBe(
      row([p('alpha'), p('delta'), p('epsilon'), p('gamma'), p('kappa'), c('1;36', 'link'), c('1;32', 'run'), p('zeta')]) +
        row([p('beta'), c('1;34', 'dir'), p('eta'), p('iota'), p('lambda'), p('mu'), p('theta')]),
    );
  });

  it('takes the width from the terminal (less one), from $COLUMNS, or from -w', async () => {
    const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
    expect(strip(await onTty(['ls'], screen, { cols: 40 }))).toBe('alpha    epsilon  kappa    run\nbeta     eta      lambda   theta\ndelta    gamma    link     zeta\ndir      iota     mu\n');
    expect(strip(await onTty(['ls'], screen, { env: { COLUMNS: '30' } }))).toBe(
      'alpha    eta      link\nbeta     gamma    mu\ndelta    iota     run\ndir      kappa    theta\nepsilon  lambda   zeta\n',
    );
    expect(strip(await onTty(['ls', '-w', '20'], screen))).toBe(
      'alpha    kappa\nbeta     lambda\ndelta    link\ndir      mu\nepsilon  run\neta      theta\ngamma    zeta\niota\n',
    );
    expect(strip(await onTty(['ls', '-x'], screen, { cols: 40 }))).toBe('alpha    beta     delta    dir\nepsilon  eta      gamma    iota\nkappa    lambda   link     mu\nrun      theta    zeta\n');
  });

  it('colours the target of a symlink by what it points to, and red when it dangles', async () => {
    const out = await onTty(['ls', '-l', 'link', 'gone'], { files: { alpha: '' }, links: { link: 'alpha', gone: 'nowhere' } });
    expect(out).toBe(
      `lrwxrwxrwx    1 root     root             7 Jan 15  2024 \x1b[1;36mgone\x1b[m -> \x1b[1;31mnowhere\x1b[m\n` +
        `lrwxrwxrwx    1 root     root             5 Jan 15  2024 \x1b[1;36mlink\x1b[m -> ${plain('alpha')}\n`,
    );
  });

  it('does not colour with --color=never, LS_COLORS=none, TERM=dumb, or when stdout is not a terminal', async () => {
    expect(await onTty(['ls', '--color=never', 'dir', 'run'], screen)).toBe('run\n\ndir:\n');
    expect(await onTty(['ls', 'run'], screen, { env: { LS_COLORS: 'none' } })).toBe('run\n');
    expect(await onTty(['ls', 'run'], screen, { env: { TERM: 'dumb' } })).toBe('run\n');
    expect(await onTty(['ls', '-1', 'run', 'alpha'], screen)).toBe(`${plain('alpha')}\n\x1b[1;32mrun\x1b[m\n`);
    const [piped] = await berthOnly([['ls', '--color=auto', 'run']], screen);
    expect(piped!.stdout).toBe('run\n');
  });
});

describe('ls details the reference build lacks', () => {
  it('-sh shows allocated sizes human-readably (new in busybox 1.36)', async () => {
    const [r] = await berthOnly([['ls', '-sh']], { files: { a: 'x'.repeat(100), b: 'y'.repeat(5000), c: '' } });
    expect(r!.stdout).toBe('total 12K    \n   4.0K a\n   8.0K b\n      0 c\n');
  });

  it('-i shows inode numbers, in a 7-wide column', async () => {
    const [ls, stat] = await berthOnly([['ls', '-i', 'a', 'b'], ['stat', '-c', '%i', 'a', 'b']], { files: { a: '', b: '' } });
    const inodes = stat!.stdout.trim().split('\n');
    expect(ls!.stdout).toBe(`${inodes[0]!.padStart(7)} a\n${inodes[1]!.padStart(7)} b\n`);
  });

  it('-lc shows the change time', async () => {
    const [r] = await berthOnly([['ls', '-lc', 'f']], { files: { f: '' } });
    expect(r!.stdout).not.toContain('2024');
  });
});

describe('alpine behaviour the Debian reference does not share', () => {
  it('cp replaces an existing destination instead of writing through it (FEATURE_NON_POSIX_CP)', async () => {
    const r = await berthOnly(
      [
        ['cp', 'a.txt', 'lnk2'],
        ['ls', '-l', 'lnk2', 'target'],
        ['cp', 'a.txt', 'ro'],
        ['ls', '-l', 'ro'],
      ],
      { files: { 'a.txt': 'A', target: 'T', ro: { content: 'R', mode: 0o444 } }, links: { lnk2: 'target' } },
    );
    expect(r[1]!.stdout).toMatch(/^-rw-r--r-- +1 root +root +1 \w{3} [ \d]\d [\d:]{5} lnk2\n-rw-r--r-- +1 root +root +1 Jan 15  2024 target\n$/);
    expect(r[3]!.stdout).toMatch(/^-rw-r--r-- .* ro\n$/);
  });

  it('find -delete removes what matched, depth first (not built into the reference)', async () => {
    const r = await berthOnly([['find', 'd', '-delete'], ['find', '.', '-name', '*.md', '-delete'], ['ls']], { dirs: ['d/sub'], files: { 'd/sub/x': '', 'a.md': '', 'b.txt': '' } });
    expect(r.map((x) => x.code)).toEqual([0, 0, 0]);
    expect(r[2]!.stdout).toBe('b.txt\n');
  });

  it('install copies and sets mode 0755 (or -m, from 0755 and regardless of the umask), and -d makes directories (no install in the reference)', async () => {
    const r = await berthOnly(
      [
        ['install', 'a.txt', 'inst'],
        ['install', '-m', '640', 'a.txt', 'd'],
        ['install', '-d', 'x/y'],
        ['install', '-D', '-m', 'u=rw', 'a.txt', 'p/q/r'],
        ['install', '-o', '1', '-g', '5', 'a.txt', 'owned'],
        ['install', '-p', 'a.txt', 'kept'],
        ['install', '-t', 'd', 'b.md'],
        ['ls', '-lnR'],
      ],
      { dirs: ['d'], files: { 'a.txt': { content: 'A', mode: 0o600 }, 'b.md': 'B' } },
    );
    expect(r.slice(0, 7).map((x) => [x.code, x.stdout, x.stderr])).toEqual(Array(7).fill([0, '', '']));
    const listing = r[7]!.stdout.replace(/\w{3} [ \d]\d [\d:]{5}/g, 'DATE').replace(/ +/g, ' ');
    expect(listing).toBe(
      [
        '.:',
        'total 32',
        '-rw------- 1 0 0 1 Jan 15 2024 a.txt',
        '-rw-r--r-- 1 0 0 1 Jan 15 2024 b.md',
        'drwxr-xr-x 2 0 0 4096 DATE d',
        '-rwxr-xr-x 1 0 0 1 DATE inst',
        '-rwxr-xr-x 1 0 0 1 Jan 15 2024 kept',
        '-rwxr-xr-x 1 1 5 1 DATE owned',
        'drwxr-xr-x 3 0 0 4096 DATE p',
        'drwxr-xr-x 3 0 0 4096 DATE x',
        '',
        './d:',
        'total 8',
        '-rw-r----- 1 0 0 1 DATE a.txt',
        '-rwxr-xr-x 1 0 0 1 DATE b.md',
        '',
        './p:',
        'total 4',
        'drwxr-xr-x 2 0 0 4096 DATE q',
        '',
        './p/q:',
        'total 4',
        '-rw-r-xr-x 1 0 0 1 DATE r',
        '',
        './x:',
        'total 4',
        'drwxr-xr-x 2 0 0 4096 DATE y',
        '',
        './x/y:',
        'total 0',
        '',
      ].join('\n'),
    );
  });

  it('install reports what it cannot do', async () => {
    const r = await berthOnly([['install', 'missing', 'x'], ['install', 'a.txt'], ['install', '-d', '-t', 'x', 'y']], { files: { 'a.txt': '' } });
    expect(r[0]).toMatchObject({ code: 1, stderr: "install: can't stat 'missing': No such file or directory\n" });
    expect(r[1]!.code).toBe(1);
    expect(r[1]!.stderr).toContain('Usage: install');
    expect(r[2]!.code).toBe(1);
  });

  it('mv to another filesystem copies with times and modes, then removes the original', async () => {
    const r = await berthOnly(
      [
        ['mv', 'tree', 'f', '/dev/shm/'],
        ['ls', '-lR', '--full-time', '/dev/shm/tree', '/dev/shm/f'],
        ['ls'],
        ['rm', '-r', '/dev/shm/tree', '/dev/shm/f'],
      ],
      { dirs: { tree: 0o750, 'tree/sub': 0o700 }, files: { 'tree/sub/x': { content: 'x', mode: 0o600 }, f: { content: 'ff', mode: 0o640 } }, links: { 'tree/l': 'sub/x' } },
    );
    expect(r.map((x) => x.code)).toEqual([0, 0, 0, 0]);
    // Symlinks are made anew (busybox gives them no times).
    expect(r[1]!.stdout.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 l/, 'NOW l')).toBe(
      [
        '-rw-r-----    1 root     root             2 2024-01-15 10:30:00 +0000 /dev/shm/f',
        '',
        '/dev/shm/tree:',
        'total 4',
        'lrwxrwxrwx    1 root     root             5 NOW l -> sub/x',
        'drwx------    2 root     root          4096 2024-01-15 10:30:00 +0000 sub',
        '',
        '/dev/shm/tree/sub:',
        'total 4',
        '-rw-------    1 root     root             1 2024-01-15 10:30:00 +0000 x',
        '',
      ].join('\n'),
    );
    expect(r[2]!.stdout).toBe('');
  });
});

describe('df and stat -f (figures derived, not measured by a kernel statfs)', () => {
  it('lists the filesystems with blocks, skipping those without (proc, sysfs…)', async () => {
    const [r] = await berthOnly([['df']]);
    const lines = r!.stdout.split('\n');
    expect(lines[0]).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on');
    expect(lines.slice(1, -1).map((l) => [l.slice(0, 20).trim(), l.split(/ +/).pop()])).toEqual([
      ['/dev/vda', '/'],
      ['tmpfs', '/dev'],
      ['shm', '/dev/shm'],
    ]);
    for (const line of lines.slice(1, -1)) {
      const [, size, used, avail, pct] = /^.{20} +(\d+) +(\d+) +(\d+) +(\d+)% /.exec(line)!.map(Number);
      expect(used! + avail!).toBeLessThanOrEqual(size!);
      expect(pct).toBe(Math.floor((used! * 100 + Math.floor((used! + avail!) / 2)) / (used! + avail!)));
    }
    expect(lines[2]).toMatch(/^tmpfs +65536 +\d+ +\d+ +\d+% \/dev$/);
  });

  it('follows -h, -P, -T, -t, -i, -a and named files', async () => {
    const r = await berthOnly([['df', '-h', '/'], ['df', '-P', '/dev'], ['df', '-T', '-t', 'tmpfs'], ['df', '-i', '/dev/shm'], ['df', '-a'], ['df', 'missing'], ['df', '-m', '/dev/shm']]);
    expect(r[0]!.stdout).toMatch(/^Filesystem {16}Size {6}Used Available Use% Mounted on\n\/dev\/vda +64\.0G +[\d.]+[KMG]? +[\d.]+G +\d+% \/\n$/);
    expect(r[1]!.stdout).toMatch(/^Filesystem {11}1024-blocks {4}Used Available Capacity Mounted on\ntmpfs +65536 +\d+ +\d+ +\d+% \/dev\n$/);
    expect(r[2]!.stdout).toBe(
      'Filesystem           Type       1K-blocks      Used Available Use% Mounted on\n' +
        'tmpfs                tmpfs          65536         0     65536   0% /dev\n' +
        'shm                  tmpfs          65536         0     65536   0% /dev/shm\n',
    );
    expect(r[3]!.stdout).toMatch(/^Filesystem {14}Inodes {6}Used Available Use% Mounted on\nshm +16384 +1 +16383 +0% \/dev\/shm\n$/);
    expect(r[4]!.stdout).toContain('\nproc                         0         0         0   0% /proc\n');
    expect(r[5]).toMatchObject({ code: 1, stderr: "df: missing: can't find mount point\n" });
    expect(r[6]!.stdout).toMatch(/\nshm +64 +0 +64 +0% \/dev\/shm\n$/);
  });

  it('stat -f shows the same figures in its two layouts', async () => {
    const [full, terse, fmt] = await berthOnly([['stat', '-f', '/dev/shm'], ['stat', '-f', '-t', '/proc'], ['stat', '-f', '-c', '%T %s %b %l', '/', '/dev']]);
    expect(full!.stdout).toMatch(/^ {2}File: "\/dev\/shm"\n {4}ID: [0-9a-f]+ Namelen: 255 {5}Type: tmpfs\nBlock size: 4096 {6}\nBlocks: Total: 16384 {6}Free: 16384 {6}Available: 16384\nInodes: Total: 16384 {6}Free: 16383\n$/);
    expect(terse!.stdout).toMatch(/^\/proc [0-9a-f]+ 255 9fa0 4096 0 0 0 0 0\n$/);
    expect(fmt!.stdout).toBe('ext2/ext3 4096 16777216 255\ntmpfs 4096 16384 255\n');
  });
});

describe('as an ordinary user', () => {
  async function asLearner(steps: string[][]): Promise<StepResult[]> {
    host ??= bootHost(nodePlatform());
    const out: StepResult[] = [];
    for (const argv of steps) {
      const r = await host.exec(argv, { cwd: '/tmp' });
      out.push({ stdout: r.stdout, stderr: r.stderr, code: r.code });
      }
    return out;
  }

  it('meets the kernel\'s permission checks with busybox\'s messages', async () => {
    host ??= bootHost(nodePlatform());
    host.writeFile('/tmp/roots', 'r\n', 0o644);
    const r = await asLearner([
      ['rm', '/tmp/roots'],
      ['mkdir', '/usr/forbidden'],
      ['chmod', '777', '/tmp/roots'],
      ['chown', 'learner', '/tmp/roots'],
      ['touch', '/tmp/roots'],
      ['cp', '/tmp/roots', '/etc/x'],
      ['mv', '/tmp/roots', '/tmp/mine'],
      ['ls', '/root'],
      ['ln', '-s', 'x', '/etc/l'],
    ]);
    expect(r.map((x) => x.stderr)).toEqual([
      "rm: can't remove '/tmp/roots': Operation not permitted\n",
      "mkdir: can't create directory '/usr/forbidden': Permission denied\n",
      'chmod: /tmp/roots: Operation not permitted\n',
      'chown: /tmp/roots: Operation not permitted\n',
      'touch: /tmp/roots: Permission denied\n',
      "cp: can't create '/etc/x': Permission denied\n",
      "mv: can't rename '/tmp/roots': Operation not permitted\n",
      "ls: can't open '/root': Permission denied\n",
      'ln: /etc/l: Permission denied\n',
    ]);
    expect(r.map((x) => x.code)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('names on screen', () => {
  it('shows UTF-8 names as they are (musl starts in C.UTF-8) and control characters as ?', async () => {
    const [r] = await berthOnly([['ls', '-1']], { files: { 'café': '', 'tab\there': '', '日本': '' } });
    expect(r!.stdout).toBe('café\ntab?here\n日本\n');
    const out = await onTty(['ls', '--color=never', '-w', '18'], { files: { 'café': '', '日本': '', x: '' } });
    // Widths: café 4, 日本 4 (two wide characters), so columns of 6; sorted by bytes.
    expect(out).toBe('café  x     日本\n');
  });
});

describe('helpers', () => {
  it('humanReadable rounds like make_human_readable_str', () => {
    expect([0, 1, 1023, 1024, 1536, 10239, 10240, 12345678, 1024 ** 3 * 252].map((n) => humanReadable(n, 1, 0))).toEqual(['0', '1', '1023', '1.0K', '1.5K', '10.0K', '10.0K', '11.8M', '252.0G']);
    expect(humanReadable(1024, 0, 0)).toBe('1K');
    expect(humanReadable(12 * 1024 * 1024 + 600 * 1024, 0, 0)).toBe('13M');
    expect(humanReadable(24, 512, 1024)).toBe('12');
    expect(humanReadable(3, 512, 1024)).toBe('2');
    expect(humanReadable(1024, 0, 1)).toBe('1024');
  });

  it('parseMode reads octal and symbolic modes as bb_parse_mode does', () => {
    const table: [string, number, number | undefined][] = [
      ['755', 0o100644, 0o755],
      ['7777', 0, 0o7777],
      ['17777', 0, undefined],
      ['8', 0, undefined],
      ['u+x', 0o100644, 0o100744],
      ['go-w', 0o100666, 0o100644],
      ['a=r', 0o100755, 0o100444],
      ['+x', 0o100644, 0o100755],
      ['=', 0o100755, 0o100000],
      ['g=u', 0o100740, 0o100770],
      ['u+s,+t', 0o100755, 0o105755],
      ['a+X', 0o100644, 0o100644],
      ['a+X', 0o040644, 0o040755],
      ['u+rwx,', 0o100000, 0o100700],
      ['u', 0o100000, undefined],
      ['u+z', 0o100000, undefined],
      ['', 0o100644, 0o100644],
    ];
    for (const [text, current, want] of table) expect([text, parseMode(text, current, 0o022)]).toEqual([text, want]);
  });

  it('fnmatch matches as fnmatch(3) with no flags', () => {
    expect(fnmatch('*.txt', 'a.txt')).toBe(true);
    expect(fnmatch('*', '.hidden')).toBe(true);
    expect(fnmatch('a/*', 'a/b/c')).toBe(true);
    expect(fnmatch('[!a]*', 'abc')).toBe(false);
    expect(fnmatch('[[:digit:]]x', '5x')).toBe(true);
    expect(fnmatch('\\*', '*')).toBe(true);
    expect(fnmatch('[]]', ']')).toBe(true);
    expect(fnmatch('[', '[')).toBe(true);
    expect(fnmatch('A*', 'abc', true)).toBe(true);
  });

  it('breToRegExp reads basic regular expressions', () => {
    const m = (re: string, text: string) => breToRegExp(re)!.test(text);
    expect(m('.*/f[0-9]', './d/f1')).toBe(true);
    expect(m('.*/f[0-9]', './d/f12')).toBe(false);
    expect(m('a\\{2\\}', 'aa')).toBe(true);
    expect(m('\\(ab\\)*', 'abab')).toBe(true);
    expect(m('a+', 'a+')).toBe(true);
    expect(m('a\\+', 'aaa')).toBe(true);
    expect(m('*a', '*a')).toBe(true);
    expect(m('x[^a]', 'xb')).toBe(true);
    expect(m('(x)', '(x)')).toBe(true);
  });

  it('parseDate takes busybox\'s date formats and keeps what a format leaves out', () => {
    const now = Date.UTC(2026, 10, 22, 21, 5, 7) / 1000;
    const at = (y: number, mo: number, d: number, h: number, mi: number, s: number) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
    expect(parseDate('12:34', now)).toBe(at(2026, 11, 22, 12, 34, 7));
    expect(parseDate('2021-03-04', now)).toBe(at(2021, 3, 4, 21, 5, 7));
    expect(parseDate('2021-03-04 05:06:07', now)).toBe(at(2021, 3, 4, 5, 6, 7));
    expect(parseDate('03.04-05:06', now)).toBe(at(2026, 3, 4, 5, 6, 7));
    expect(parseDate('@86400', now)).toBe(86400);
    expect(parseDate('01021530', now)).toBe(at(2026, 1, 2, 15, 30, 0));
    expect(parseDate('9901021530', now)).toBe(at(1999, 1, 2, 15, 30, 0));
    expect(parseDate('2401021530.59', now)).toBe(at(2024, 1, 2, 15, 30, 59));
    expect(parseDate('13011200', now)).toBeUndefined();
    expect(parseDate('tomorrow', now)).toBeUndefined();
  });

  it('lsTime switches to the year past half a year, or 15 minutes into the future', () => {
    const now = Date.UTC(2026, 10, 22, 21, 0, 0) / 1000;
    expect(lsTime(now - 3600, now)).toBe('Nov 22 20:00 ');
    expect(lsTime(now - 15768000 + 1, now)).toBe('May 24 09:00 ');
    expect(lsTime(now - 15768000, now)).toBe('May 24  2026 ');
    expect(lsTime(now + 899, now)).toBe('Nov 22 21:14 ');
    expect(lsTime(now + 900, now)).toBe('Nov 22  2026 ');
    expect(statTime(1700000000123)).toBe('2023-11-14 22:13:20.123000000 +0000');
  });

  it('printfOne formats one conversion as printf does', () => {
    expect(printfOne('-8', 's', 'root')).toBe('root    ');
    expect(printfOne('04', 'o', 0o644)).toBe('0644');
    expect(printfOne('10.10', 's', 'drwxr-xr-x-extra')).toBe('drwxr-xr-x');
    expect(printfOne('#', 'x', 255)).toBe('0xff');
    expect(printfOne('+', 'd', 5)).toBe('+5');
    expect(printfOne('5', 'u', 0)).toBe('    0');
  });

  it('path helpers behave as musl dirname and libbb basename', () => {
    expect(['a/b', 'a', '/a', '/', 'a/b/', '//a//b//', ''].map(dirName)).toEqual(['a', '.', '/', '/', 'a', '//a', '.']);
    expect(['a/b/', '/', 'abc', 'a//'].map(lastComponent)).toEqual(['b', '/', 'abc', 'a']);
  });
});
