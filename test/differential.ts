/**
 * Differential testing of programs: run the same command under the real
 * busybox (Debian's busybox-static) and under Berth, in a scratch directory
 * holding the same files, and compare stdout and exit status.
 *
 *     const c = { files: { 'a.txt': '10\n9\n' } };
 *     expect(await berth(['sort', '-n', 'a.txt'], c)).toMatchReal(await real(['sort', '-n', 'a.txt'], c));
 *
 * Both run as root with the scratch directory as the working directory, so
 * relative paths, owners and modes line up.
 */
import { spawnSync } from 'node:child_process';
import * as nfs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { bootHost, type Host, type RunResult } from '../engine/userland/host.ts';

export interface CommandCase {
  /** Contents as text (written as UTF-8) or raw bytes. */
  files?: Record<string, string | Uint8Array | { content: string | Uint8Array; mode?: number }>;
  dirs?: string[];
  stdin?: string | Uint8Array;
  env?: Record<string, string>;
}

export interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

export const BUSYBOX = '/usr/bin/busybox';
export const haveBusybox = nfs.existsSync(BUSYBOX);

let shared: Host | undefined;
let n = 0;

/** Runs argv (argv[0] an applet or program on PATH) on a fresh scratch directory of a shared Berth host, as root. */
export async function berth(argv: string[], c: CommandCase = {}): Promise<RunResult> {
  shared ??= bootHost(nodePlatform());
  const host = shared;
  const work = `/tmp/work${n++}`;
  host.rootfs.mkdir(work, 0o755, { uid: 0, gid: 0 });
  for (const d of c.dirs ?? []) {
    let cur = work;
    for (const part of d.split('/')) {
      cur += '/' + part;
      try {
        host.rootfs.mkdir(cur, 0o755, { uid: 0, gid: 0 });
      } catch {
        // already there
      }
    }
  }
  for (const [name, f] of Object.entries(c.files ?? {})) {
    const spec = typeof f === 'string' || f instanceof Uint8Array ? { content: f } : f;
    host.writeFile(`${work}/${name}`, spec.content, spec.mode ?? 0o644);
  }
  return host.exec(argv, { uid: 0, cwd: work, stdin: c.stdin, env: { HOME: '/root', ...c.env } });
}

/** Runs `busybox ARGV…` for real in a temporary directory with the same files. */
export function real(argv: string[], c: CommandCase = {}): Outcome {
  const dir = nfs.mkdtempSync(join(tmpdir(), 'berth-real-'));
  try {
    for (const d of c.dirs ?? []) nfs.mkdirSync(join(dir, d), { recursive: true });
    for (const [name, f] of Object.entries(c.files ?? {})) {
      const spec = typeof f === 'string' || f instanceof Uint8Array ? { content: f } : f;
      nfs.mkdirSync(join(dir, name, '..'), { recursive: true });
      nfs.writeFileSync(join(dir, name), spec.content);
      nfs.chmodSync(join(dir, name), spec.mode ?? 0o644);
    }
    const r = spawnSync(BUSYBOX, argv, {
      cwd: dir,
      input: c.stdin ?? '',
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', TZ: 'UTC', LANG: 'C', ...c.env },
      encoding: 'utf8',
      timeout: 10_000,
    });
    return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? 128 + (r.signal ? 9 : 0) };
  } finally {
    nfs.rmSync(dir, { recursive: true, force: true });
  }
}
