/**
 * A saved machine booted again (what a page reload does with the state in
 * IndexedDB): files, images, containers, volumes, networks, the build cache
 * and pushed images come back; processes do not, and the daemon restores
 * containers as dockerd does after a restart — `Exited (255)` for those
 * that were running, restart policies applied, stopped `--rm` ones gone.
 */
import { serialize, deserialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootLearnerMachine, saveMachine, type Machine, type MachineState } from '../engine/index.ts';
import { nodePlatform } from '../engine/platform/node/index.ts';

const sh = async (m: Machine, script: string) => {
  const r = await m.host.exec(['sh', '-c', script]);
  return { code: r.code, out: (r.stdout + r.stderr).trim() };
};
const ok = async (m: Machine, script: string) => {
  const r = await sh(m, script);
  if (r.code !== 0) throw new Error(`${script}: exit ${r.code}: ${r.out}`);
  return r.out;
};

let before: Machine;
let after: Machine;
let state: MachineState;
const seen: Record<string, string> = {};

beforeAll(async () => {
  const m = (before = bootLearnerMachine(nodePlatform()));
  await ok(m, 'cd && echo "my notes" > notes.txt && ln notes.txt hard.txt && mkdir -p app && printf "FROM alpine\\nRUN echo built > /built\\nCMD [\\"cat\\", \\"/built\\"]\\n" > app/Dockerfile');
  await ok(m, 'docker pull -q alpine && docker pull -q nginx');
  await ok(m, 'cd ~/app && docker build -q -t app:1 .');
  await ok(m, 'docker volume create data && docker run --name writer -v data:/data alpine sh -c "echo kept > /data/f; echo said hello"');
  await ok(m, 'docker network create mynet');
  await ok(m, 'docker run -d --name web --network mynet -p 8080:80 nginx');
  await ok(m, 'docker run -d --name always --restart always alpine sleep 1000');
  await ok(m, 'docker run -d --name stopped-always --restart always alpine sleep 1000 && docker stop -t 0 stopped-always');
  await ok(m, 'docker run -d --name us --restart unless-stopped alpine sleep 1000 && docker stop -t 0 us');
  await ok(m, 'docker run -d --name plain alpine sleep 1000');
  await ok(m, 'docker run -d --rm --name tmp alpine sleep 1000');
  await ok(m, 'docker create --name fresh alpine echo never');
  await ok(m, 'docker run --name made alpine sh -c "echo hello > /hello.txt"');
  await ok(m, 'echo secret | docker login -u learner --password-stdin && docker tag app:1 learner/app:1 && docker push -q learner/app:1');
  for (const [k, cmd] of Object.entries({
    images: 'docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}" | sort',
    networks: 'docker network ls --format "{{.Name}} {{.ID}}" | sort',
    webIp: 'docker inspect -f "{{.NetworkSettings.Networks.mynet.IPAddress}}" web',
  })) seen[k] = await ok(m, cmd);
  // Through the structured clone an IndexedDB put makes.
  state = deserialize(serialize(saveMachine(m))) as MachineState;
  after = bootLearnerMachine(nodePlatform(), { state });
  await after.restored;
}, 120_000);

describe('a machine booted from its saved state', () => {
  it('has the learner files, hard links included', async () => {
    expect(await ok(after, 'cat ~/notes.txt')).toBe('my notes');
    expect(await ok(after, 'stat -c %h ~/hard.txt')).toBe('2');
    expect(await ok(after, 'ls -ld ~ | cut -c1-10')).toBe('drwxr-xr-x');
  });

  it('has the same images with the same IDs, and the pushed one on the hub', async () => {
    expect(await ok(after, 'docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}" | sort')).toBe(seen.images);
    await ok(after, 'docker rmi learner/app:1 && docker pull -q learner/app:1');
  });

  it('restores containers as dockerd does after a restart', async () => {
    const ps = await ok(after, 'docker ps -a --format "{{.Names}} {{.Status}}" | sort');
    const status = Object.fromEntries(ps.split('\n').map((l) => [l.split(' ')[0], l.slice(l.indexOf(' ') + 1)]));
    expect(status.web).toMatch(/^Exited \(255\)/);
    expect(status.plain).toMatch(/^Exited \(255\)/);
    expect(status.always).toMatch(/^Up /);
    expect(status['stopped-always']).toMatch(/^Up /); // `always` comes back even after docker stop
    expect(status.us).toMatch(/^Exited \(137\)/); // unless-stopped stays down
    expect(status.made).toMatch(/^Exited \(0\)/);
    expect(status.fresh).toBe('Created');
    expect(status.tmp).toBeUndefined(); // --rm
    expect(await ok(after, 'docker logs writer')).toBe('said hello');
    expect(await ok(after, 'docker diff made')).toContain('A /hello.txt');
  });

  it('keeps volumes, networks and addresses; a restored container starts and serves', async () => {
    expect(await ok(after, 'docker run --rm -v data:/data alpine cat /data/f')).toBe('kept');
    expect(await ok(after, 'docker network ls --format "{{.Name}} {{.ID}}" | sort')).toBe(seen.networks);
    await ok(after, 'docker start web');
    expect(await ok(after, 'docker inspect -f "{{.NetworkSettings.Networks.mynet.IPAddress}}" web')).toBe(seen.webIp);
    let page = '';
    for (let i = 0; i < 20 && !page.includes('Welcome to nginx'); i++) page = (await sh(after, 'curl -s localhost:8080')).out;
    expect(page).toContain('Welcome to nginx!');
    // A second container on the network gets a different address.
    await ok(after, 'docker run -d --name web2 --network mynet nginx');
    expect(await ok(after, 'docker inspect -f "{{.NetworkSettings.Networks.mynet.IPAddress}}" web2')).not.toBe(seen.webIp);
  });

  it('keeps the build cache', async () => {
    const out = await ok(after, 'cd ~/app && docker build --progress plain -t app:2 . 2>&1');
    expect(out).toMatch(/RUN echo built > \/built\n#\d+ CACHED/);
    expect(await ok(after, 'docker images -q app:2')).toBe(await ok(after, 'docker images -q app:1'));
  });

  it('saves again what it restored, and boots from that too', async () => {
    const third = bootLearnerMachine(nodePlatform(), { state: deserialize(serialize(saveMachine(after))) as MachineState });
    await third.restored;
    const list = 'docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}" | sort; docker ps -a --format "{{.Names}} {{.State}}" | sort; docker volume ls -q';
    expect(await ok(third, list)).toBe(await ok(after, list).then((t) => t.replace(/ running$/gm, ' exited').replace(/^(always|stopped-always) exited$/gm, '$1 running')));
  });

  it('refuses a state of another version', () => {
    expect(() => bootLearnerMachine(nodePlatform(), { state: { ...state, version: 99 } })).toThrow(/version 99/);
  });

  it('left the first machine as it was', async () => {
    expect(await ok(before, 'docker ps --format "{{.Names}}" | sort')).toBe('always\ntmp\nplain\nweb'.split('\n').sort().join('\n'));
  });
});
