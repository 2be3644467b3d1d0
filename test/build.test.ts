/**
 * docker build with the classic builder (what docker/cli 28 without buildx
 * uses): steps, the cache, COPY from the context and .dockerignore, ARG and
 * --build-arg, multi-stage and --target, and a failing RUN.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bootLearnerMachine, type Machine } from '../engine/index.ts';
import { nodePlatform } from '../engine/platform/node/index.ts';

let m: Machine;

async function sh(cmd: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const r = await m.host.exec(['sh', '-c', cmd]);
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

const write = (path: string, text: string) => m.host.writeFile(`/home/learner/app/${path}`, new TextEncoder().encode(text), 0o644, { uid: 1000, gid: 1000 });
const build = (args: string) => sh(`cd /home/learner/app && DOCKER_BUILDKIT=0 docker build ${args}`);

beforeAll(async () => {
  m = bootLearnerMachine(nodePlatform());
  await sh('mkdir -p /home/learner/app && docker pull -q alpine');
}, 60_000);

describe('docker build (classic builder)', () => {
  it('builds FROM/RUN/COPY/ENV/WORKDIR/CMD and prints the classic steps', async () => {
    write('Dockerfile', 'FROM alpine\nENV GREETING=hello\nWORKDIR /app\nCOPY hello.txt .\nRUN cat hello.txt > out.txt && echo built $GREETING\nCMD ["cat", "/app/out.txt"]\n');
    write('hello.txt', 'hi from context\n');
    const r = await build('-t app:1 .');
    expect(r.stderr).toContain('DEPRECATED: The legacy builder is deprecated');
    expect(r.stderr).toContain('BuildKit is currently disabled');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Sending build context to Docker daemon {2}\d/);
    expect(lines[1]).toBe('Step 1/6 : FROM alpine');
    expect(lines[2]).toMatch(/^ ---> [0-9a-f]{12}$/);
    expect(r.stdout).toContain('Step 2/6 : ENV GREETING=hello\n');
    expect(r.stdout).toMatch(/Step 5\/6 : RUN cat hello.txt > out.txt && echo built \$GREETING\n ---> Running in [0-9a-f]{12}\nbuilt hello\n ---> Removed intermediate container [0-9a-f]{12}\n ---> [0-9a-f]{12}\n/);
    expect(r.stdout).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged app:1\n$/);
    const run = await sh('docker run --rm app:1');
    expect(run.stdout).toBe('hi from context\n');
    const hist = (await sh('docker history --no-trunc app:1')).stdout;
    const order = [
      '/bin/sh -c #(nop)  CMD ["cat" "/app/out.txt"]',
      '/bin/sh -c cat hello.txt > out.txt && echo built $GREETING',
      '/bin/sh -c #(nop) COPY file:',
      '/bin/sh -c #(nop) WORKDIR /app',
      '/bin/sh -c #(nop)  ENV GREETING=hello',
    ].map((t) => hist.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(hist).toMatch(/COPY file:[0-9a-f]{64} in \. /);
    expect((await sh('docker ps -aq')).stdout).toBe('');
    expect((await sh('docker images')).stdout).not.toContain('<none>');
    expect((await sh('docker images -a')).stdout.match(/<none>/g)?.length).toBe(8);
    const ids = (await sh('docker history -q app:1')).stdout.split('\n');
    expect(ids.slice(0, 6).every((i) => /^[0-9a-f]{12}$/.test(i))).toBe(true);
    expect(ids[6]).toBe('<missing>');
  }, 60_000);

  it('uses the cache for unchanged steps, and not after a changed file', async () => {
    const first = (await sh("docker inspect -f '{{.Id}}' app:1")).stdout.trim();
    const r = await build('-t app:1 .');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/ ---> Using cache/g)?.length).toBe(5);
    expect(r.stdout).not.toContain('Running in');
    expect((await sh("docker inspect -f '{{.Id}}' app:1")).stdout.trim()).toBe(first);
    write('hello.txt', 'changed\n');
    const r2 = await build('-t app:1 .');
    expect(r2.stdout.match(/ ---> Using cache/g)?.length).toBe(2);
    expect(r2.stdout).toContain('Running in');
    expect((await sh('docker run --rm app:1')).stdout).toBe('changed\n');
    const r3 = await build('--no-cache -t app:1 .');
    expect(r3.stdout).not.toContain('Using cache');
  }, 60_000);

  it('fails on a non-zero RUN, leaving the tag where it was', async () => {
    const before = (await sh("docker inspect -f '{{.Id}}' app:1")).stdout.trim();
    write('Dockerfile', 'FROM alpine\nRUN false\n');
    const r = await build('-t app:1 .');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The command '/bin/sh -c false' returned a non-zero code: 1\n");
    expect((await sh("docker inspect -f '{{.Id}}' app:1")).stdout.trim()).toBe(before);
    await sh('docker rm -f $(docker ps -aq) 2>/dev/null');
  }, 60_000);

  it('applies .dockerignore, ARG/--build-arg, multi-stage and --target', async () => {
    write('.dockerignore', 'secret*\n*.log\n!keep.log\n');
    write('secret.txt', 'no\n');
    write('a.log', 'no\n');
    write('keep.log', 'yes\n');
    write('Dockerfile', 'FROM alpine AS base\nARG V=one\nRUN echo "$V" > /v.txt\nCOPY . /ctx/\nFROM alpine\nCOPY --from=base /v.txt /ctx /out/\nCMD ["sh", "-c", "cat /out/v.txt; ls /out"]\n');
    const r = await build('--build-arg V=two -t multi .');
    expect(r.stderr.replace(/DEPRECATED[\s\S]*?environment-variable\.\n\n/, '')).toBe('');
    expect(r.code).toBe(0);
    const out = (await sh('docker run --rm multi')).stdout;
    expect(out).toContain('two\n');
    expect(out).toContain('keep.log');
    expect(out).not.toContain('secret.txt');
    expect(out).not.toContain('a.log');
    const hist = await sh('docker history --no-trunc multi');
    expect(hist.stdout).not.toContain('ARG');
    const t = await build('--target base -t base .');
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Step 1/4 : FROM alpine AS base');
    const bh = await sh('docker history --no-trunc base');
    expect(bh.stdout).toContain('|1 V=one /bin/sh -c echo "$V" > /v.txt');
  }, 60_000);

  it('COPY into "./", "sub/" and "./sub/../" puts files under WORKDIR', async () => {
    write('.dockerignore', '');
    write('x.txt', 'x\n');
    write('Dockerfile', 'FROM alpine\nWORKDIR /app\nCOPY x.txt ./\nCOPY x.txt sub/\nCOPY x.txt ./sub/../up/\nCMD ["sh", "-c", "cat /app/x.txt /app/sub/x.txt /app/up/x.txt"]\n');
    const r = await build('-t dotslash .');
    expect(r.code).toBe(0);
    expect((await sh('docker run --rm dotslash')).stdout).toBe('x\nx\nx\n');
  }, 60_000);
});
