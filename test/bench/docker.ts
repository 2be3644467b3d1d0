/**
 * Figures for the daemon and the docker CLI (issue 4):
 * - `docker run --rm alpine true` through the CLI on a warm engine (the image
 *   pulled, one run done), against `sh -c true` on the same host: what the
 *   CLI, the API and the container add to a process;
 * - heap growth for 1,000 detached `alpine sleep 1000` containers (aim ≤ 64 MB);
 * - `docker ps` with those 1,000 containers, against `docker ps` with none.
 */
import { bootLearnerMachine } from '../../engine/index.ts';
import { nodePlatform } from '../../engine/platform/node/index.ts';
import { summarize, time, type Result } from './harness.ts';

declare const gc: undefined | (() => void);

export async function dockerBench(): Promise<Result[]> {
  const m = bootLearnerMachine(nodePlatform());
  const sh = (cmd: string) => m.host.exec(['sh', '-c', cmd]);
  const first = await sh('docker run --rm alpine true');
  if (first.code !== 0) throw new Error(`docker run failed: ${first.stderr}`);
  const results: Result[] = [];
  results.push(summarize('sh -c true on the learner host', await time(() => sh('true'), { runs: 21 }), 'ms'));
  results.push(summarize('docker run --rm alpine true (warm)', await time(() => sh('docker run --rm alpine true'), { runs: 21 }), 'ms', { baseline: 'sh -c true on the learner host' }));
  results.push(summarize('docker ps, no containers', await time(() => sh('docker ps >/dev/null'), { runs: 11 }), 'ms'));

  // A ten-step Dockerfile: cold builds (--no-cache) and rebuilds with every step cached (aim ≤ 10 ms).
  const steps = ['FROM alpine', 'ENV APP=/app', 'WORKDIR /app', 'COPY a.txt .', 'RUN echo one > one.txt', 'RUN echo two > two.txt', 'COPY b.txt .', 'RUN cat a.txt b.txt > ab.txt', 'EXPOSE 8080', 'CMD ["cat", "ab.txt"]'];
  m.host.writeFile('/home/learner/ten/Dockerfile', steps.join('\n') + '\n', 0o644, { uid: 1000, gid: 1000 });
  m.host.writeFile('/home/learner/ten/a.txt', 'a\n', 0o644, { uid: 1000, gid: 1000 });
  m.host.writeFile('/home/learner/ten/b.txt', 'b\n', 0o644, { uid: 1000, gid: 1000 });
  const build = async (flags: string) => {
    const r = await sh(`cd ten && docker build ${flags} -t ten:1 . >/dev/null 2>&1`);
    if (r.code !== 0) throw new Error(`docker build failed: ${r.stderr}`);
  };
  results.push(summarize('docker build, ten steps, cold (--no-cache)', await time(() => build('--no-cache'), { runs: 5, warmup: 1 }), 'ms'));
  results.push(summarize('docker build, ten steps, all cached', await time(() => build(''), { runs: 11, warmup: 2 }), 'ms', { baseline: 'docker build, ten steps, cold (--no-cache)', note: 'aim ≤ 10 ms' }));
  const classic = () => sh('cd ten && DOCKER_BUILDKIT=0 docker build -t ten:c . >/dev/null 2>&1');
  await classic();
  results.push(summarize('classic builder (DOCKER_BUILDKIT=0), ten steps, all cached', await time(classic, { runs: 11, warmup: 2 }), 'ms', { baseline: 'docker build, ten steps, all cached' }));

  const heap = () => {
    if (typeof gc === 'function') gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) {
    const { Id } = await m.api.post<{ Id: string }>('/containers/create', undefined, { Image: 'alpine', Cmd: ['sleep', '1000'] });
    await m.api.post(`/containers/${Id}/start`);
  }
  const startMs = performance.now() - t0;
  const grown = (heap() - before) / 1024;
  results.push({ name: 'heap growth, 1,000 detached alpine sleep 1000', median: grown, p10: grown, p90: grown, runs: 1, unit: 'KB', note: `aim ≤ 65536 KB; created and started in ${(startMs / 1000).toFixed(1)} s${typeof gc === 'function' ? '' : ' (no --expose-gc: upper bound)'}` });
  results.push(summarize('docker ps, 1,000 running containers', await time(() => sh('docker ps >/dev/null'), { runs: 5, warmup: 1 }), 'ms', { baseline: 'docker ps, no containers' }));
  return results;
}
