/**
 * Figures for the emulated kernel and userland (issue 3):
 *
 * - `sh -c 'echo hi'` end to end on the learner's host (a process made,
 *   the program loaded, output collected), against the real busybox doing
 *   the same through posix_spawn, measured in the same process;
 * - a 100,000-round shell loop, against the real busybox running it;
 * - how long the scheduler holds Node's event loop while a container spins
 *   in `while :; do :; done` (aim: at most 16 ms, one frame).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { nodePlatform } from '../../engine/platform/node/index.ts';
import { bootHost } from '../../engine/userland/host.ts';
import { summarize, time, type Result } from './harness.ts';

const BUSYBOX = '/usr/bin/busybox';
const LOOP = 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo $i';

export async function userlandBench(): Promise<Result[]> {
  const host = bootHost(nodePlatform());
  const results: Result[] = [];
  const haveBusybox = existsSync(BUSYBOX);
  if (haveBusybox) {
    results.push(summarize("real busybox sh -c 'echo hi' (spawn)", await time(() => spawnSync(BUSYBOX, ['sh', '-c', 'echo hi']), { runs: 31 }), 'ms'));
  }
  const echo = await time(() => host.exec(['sh', '-c', 'echo hi']), { runs: 31, warmup: 5 });
  results.push(summarize("berth sh -c 'echo hi' (host.exec)", echo, 'ms', haveBusybox ? { baseline: "real busybox sh -c 'echo hi' (spawn)" } : {}));

  if (haveBusybox) {
    results.push(summarize('real busybox: 100k-round shell loop', await time(() => spawnSync(BUSYBOX, ['sh', '-c', LOOP]), { runs: 5, warmup: 1 }), 'ms'));
  }
  const loop = await time(
    async () => {
      const r = await host.exec(['sh', '-c', LOOP]);
      if (r.stdout !== '100000\n') throw new Error(`loop printed ${JSON.stringify(r.stdout)}`);
    },
    { runs: 5, warmup: 1 },
  );
  results.push(summarize('berth: 100k-round shell loop', loop, 'ms', haveBusybox ? { baseline: 'real busybox: 100k-round shell loop' } : {}));

  // The event loop under a spinning process: the longest gap between timer turns.
  const gaps: number[] = [];
  const spinning = await host.spawn(['sh', '-c', 'while :; do :; done']);
  spinning.stdin.close();
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 0);
  await new Promise((r) => setTimeout(r, 2000));
  clearInterval(timer);
  const sorted = [...gaps].sort((a, b) => a - b);
  results.push({
    name: 'event-loop hold while a shell spins (max gap)',
    median: sorted[sorted.length - 1]!,
    p10: sorted[Math.floor(sorted.length * 0.5)]!,
    p90: sorted[Math.floor(sorted.length * 0.99)]!,
    runs: gaps.length,
    unit: 'ms',
    note: 'median column: the longest gap; p10–p90 column: median–p99 gap; aim ≤ 16 ms',
  });
  const k = host.machine.kernel;
  k.deliver(spinning.process, 9, k.rootPid);
  await spinning.ended;
  return results;
}
