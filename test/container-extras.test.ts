/**
 * docker top, stats, diff, commit, port, update, container prune and export,
 * run as the learner types them, compared with what Docker 28 prints.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bootLearnerMachine, readTar, type Machine } from '../engine/index.ts';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { fromUtf8 } from '../engine/common/bytes.ts';
import { streamOf } from '../engine/common/stream.ts';

let m: Machine;

async function sh(cmd: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const r = await m.host.exec(['sh', '-c', cmd]);
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

/** Runs a command on a terminal; returns what the screen showed. */
async function onTty(argv: string[], until?: (screen: string) => boolean): Promise<string> {
  const tty = m.host.machine.kernel.createPty();
  let screen = '';
  tty.onOutput((b) => (screen += fromUtf8(b)));
  const { ended } = m.host.attach(argv, tty);
  if (until) {
    while (!until(screen)) await new Promise((r) => setTimeout(r, 50));
    tty.input('\x03');
  }
  await ended;
  return screen;
}

const id = async (name: string) => (await sh(`docker inspect -f '{{.Id}}' ${name}`)).stdout.trim();

beforeAll(async () => {
  m = bootLearnerMachine(nodePlatform());
  expect((await sh('docker pull -q alpine')).code).toBe(0);
  expect((await sh('docker run -d --name web -p 8080:80 alpine sleep 1000')).code).toBe(0);
  expect((await sh('docker create --name idle alpine true')).code).toBe(0);
}, 60_000);

describe('docker top', () => {
  it('lists the processes as ps -ef, or with the ps options given', async () => {
    const r = await sh('docker top web');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD');
    expect(lines[1]).toMatch(/^root {16}\d+ +\d+ +0 {19}\d\d:\d\d {15}\? {19}00:00:00 {12}sleep 1000$/);
    expect(lines[2]).toBe('');
    const o = await sh('docker top web -o pid,comm');
    expect(o.stdout).toMatch(/^PID                 COMMAND\n\d+ +sleep\n$/);
    expect((await sh('docker top web aux')).stdout.split('\n')[0]).toBe(
      'USER                PID                 %CPU                %MEM                VSZ                 RSS                 TTY                 STAT                START               TIME                COMMAND',
    );
  });

  it("fails as Docker does for a stopped container, a missing one, or a format ps doesn't know", async () => {
    expect(await sh('docker top idle')).toEqual({ stdout: '', stderr: `Error response from daemon: container ${await id('idle')} is not running\n`, code: 1 });
    expect(await sh('docker top nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nope\n', code: 1 });
    expect((await sh('docker top web -o bogus')).stderr).toBe('Error response from daemon: ps: error: unknown user-defined format specifier "bogus"\n');
  });
});

describe('docker diff', () => {
  it('lists changes against the image, leaving out the files Docker bind-mounts', async () => {
    await sh('docker run -d --name d1 alpine sleep 1000');
    expect(await sh('docker diff d1')).toEqual({ stdout: '', stderr: '', code: 0 });
    await sh('docker exec d1 sh -c "echo hi > /tmp/x; mkdir -p /work/a; touch /work/a/b; rm /etc/motd; echo changed >> /etc/profile"');
    expect((await sh('docker diff d1')).stdout).toBe(['C /etc', 'D /etc/motd', 'C /etc/profile', 'C /tmp', 'A /tmp/x', 'A /work', 'A /work/a', 'A /work/a/b', ''].join('\n'));
    expect(await sh('docker diff nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nope\n', code: 1 });
  });
});

describe('docker stats --no-stream', () => {
  it("prints one table with docker's number formats", async () => {
    const r = await sh('docker stats --no-stream web idle');
    expect(r.code).toBe(0);
    const [header, web, idle] = r.stdout.split('\n');
    expect(header).toBe('CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS');
    expect(web).toMatch(new RegExp(`^${(await id('web')).slice(0, 12)}   web       \\d+\\.\\d\\d%     [\\d.]+[KM]iB / 4GiB       \\d+\\.\\d\\d%     0B / 0B   0B / 0B     1$`));
    expect(idle).toBe(`${(await id('idle')).slice(0, 12)}   idle      0.00%     0B / 0B             0.00%     0B / 0B   0B / 0B     0`);
  });

  it('formats with --format, and fails for a container that does not exist', async () => {
    expect((await sh(`docker stats --no-stream --format '{{.Name}}: {{.PIDs}}' web`)).stdout).toBe('web: 1\n');
    expect(await sh('docker stats --no-stream web nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nope\n', code: 1 });
  });

  it('redraws in place while streaming', async () => {
    const screen = await onTty(['docker', 'stats', 'web'], (s) => s.split('\x1b[H').length > 4);
    // docker/cli writes the table, then moves home and writes it again with each line erased to its end.
    const [, table, erased] = screen.split('\x1b[H') as [string, string, string];
    expect(table).toMatch(/^CONTAINER ID   NAME      CPU %     MEM USAGE \/ LIMIT   MEM %     NET I\/O   BLOCK I\/O   PIDS\r\n[0-9a-f]{12}   web   .*\r\n$/);
    expect(erased).toBe(table.split('\r\n').map((l) => `${l} \x1b[K\r\n`).join('') + '\x1b[J');
  }, 20_000);
});

describe('docker commit', () => {
  it('makes an image of the changes that runs, with the message in its history', async () => {
    await sh('docker run --name c1 alpine sh -c "echo hello > /greeting; rm /etc/motd"');
    const r = await sh(`docker commit -m 'add greeting' -a 'Ann <ann@example.com>' -c 'CMD ["cat", "/greeting"]' c1 greeter:v1`);
    expect(r).toMatchObject({ stderr: '', code: 0 });
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect((await sh('docker images greeter')).stdout).toMatch(new RegExp(`^REPOSITORY   TAG       IMAGE ID       CREATED +SIZE\ngreeter      v1        ${r.stdout.slice(7, 19)}   (Less than a second|\\d+ seconds?) ago +[\\d.]+kB\n$`));
    expect(await sh('docker run --rm greeter:v1')).toEqual({ stdout: 'hello\n', stderr: '', code: 0 });
    expect((await sh('docker run --rm greeter:v1 ls /etc/motd')).code).toBe(1);
    const history = (await sh('docker history greeter:v1')).stdout.split('\n');
    expect(history[1]).toMatch(new RegExp(`^${r.stdout.slice(7, 19)}   (Less than a second|\\d+ seconds?) ago +sh -c echo hello > /greeting; rm /etc/motd +\\d+B +add greeting$`));
    expect((await sh(`docker inspect -f '{{.Author}} {{json .Config.Cmd}}' greeter:v1`)).stdout).toBe('Ann <ann@example.com> ["cat","/greeting"]\n');
  });

  it('keeps an image without a name as <none>, and refuses what Docker refuses', async () => {
    const r = await sh('docker commit c1');
    expect((await sh(`docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}'`)).stdout).toContain(`<none>:<none> ${r.stdout.slice(7, 19)}\n`);
    expect(await sh(`docker commit -c 'RUN echo hi' c1`)).toEqual({ stdout: '', stderr: 'Error response from daemon: run is not a valid change command\n', code: 1 });
    expect(await sh('docker commit c1 Bad')).toEqual({ stdout: '', stderr: 'invalid reference format: repository name (library/Bad) must be lowercase\n', code: 1 });
    expect(await sh('docker commit nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nope\n', code: 1 });
  });
});

describe('docker port', () => {
  it('lists published ports, or one of them', async () => {
    expect(await sh('docker port web')).toEqual({ stdout: '80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n', stderr: '', code: 0 });
    expect(await sh('docker port web 80/tcp')).toEqual({ stdout: '0.0.0.0:8080\n[::]:8080\n', stderr: '', code: 0 });
    expect(await sh('docker port web 81')).toEqual({ stdout: '', stderr: "Error: No public port '81' published for web\n", code: 1 });
    expect(await sh('docker port web http')).toEqual({ stdout: '', stderr: 'Error: invalid port (http): strconv.ParseUint: parsing "http": invalid syntax\n', code: 1 });
    expect(await sh('docker port idle')).toEqual({ stdout: '', stderr: '', code: 0 });
  });
});

describe('docker run --cpus', () => {
  it('sets NanoCpus from the decimal, and refuses more CPUs than the machine has', async () => {
    await sh('docker run -d --name cpu-half --cpus 0.5 alpine sleep 1000');
    expect((await sh(`docker inspect -f '{{.HostConfig.NanoCpus}}' cpu-half`)).stdout).toBe('500000000\n');
    const r = await sh('docker run --rm --cpus 3 alpine true');
    expect(r.code).toBe(125);
    expect(r.stderr).toContain('range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available');
  });
});

describe('docker update', () => {
  it('changes limits and the restart policy, printing each name', async () => {
    await sh('docker run -d --name u1 -m 32m alpine sleep 1000');
    expect(await sh('docker update -m 48m --cpus 0.5 --pids-limit 20 --restart unless-stopped u1')).toEqual({ stdout: 'u1\n', stderr: '', code: 0 });
    expect((await sh(`docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}} {{.HostConfig.RestartPolicy.Name}}' u1`)).stdout).toBe('50331648 500000000 20 unless-stopped\n');
    expect((await sh(`docker stats --no-stream --format '{{.MemUsage}}' u1`)).stdout).toMatch(/ \/ 48MiB\n$/);
  });

  it("fails as Docker does", async () => {
    expect(await sh('docker update u1')).toEqual({ stdout: '', stderr: 'you must provide one or more flags when using this command\n', code: 1 });
    expect(await sh('docker update -m 1m u1')).toEqual({ stdout: '', stderr: 'Error response from daemon: Minimum memory limit allowed is 6MB\n', code: 1 });
    expect(await sh('docker update -m 256m web')).toEqual({
      stdout: '',
      stderr: `Error response from daemon: Cannot update container ${await id('web')}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time\n`,
      code: 1,
    });
    expect(await sh('docker update --restart always u1 nope')).toEqual({ stdout: 'u1\n', stderr: 'Error response from daemon: No such container: nope\n', code: 1 });
    expect((await sh('docker update --restart sometimes u1')).stderr).toBe("Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n");
  });
});

describe('docker export', () => {
  it('writes the root filesystem as a tar, to a file or a pipe, never to a terminal', async () => {
    expect(await sh('docker export d1 -o d1.tar && docker export d1 > d1-pipe.tar && md5sum d1.tar d1-pipe.tar | cut -c1-32 | uniq | wc -l')).toEqual({ stdout: '1\n', stderr: '', code: 0 });
    expect((await sh('ls -l d1.tar')).stdout).toMatch(/^-rw------- /);
    const names: string[] = [];
    for await (const e of readTar(streamOf(readHost('/home/learner/d1.tar')))) names.push(e.header.name);
    expect(names).toContain('bin/busybox');
    expect(names).toContain('tmp/x');
    expect(names).not.toContain('etc/motd');
    expect(names[0]).not.toMatch(/^\.\//);
    expect(await onTty(['docker', 'export', 'd1'])).toBe('cowardly refusing to save to a terminal. Use the -o flag or redirect\r\n');
    expect(await sh('docker export d1 -o /nowhere/x.tar')).toEqual({ stdout: '', stderr: 'failed to export container: invalid output path: stat /nowhere: no such file or directory\n', code: 1 });
  });
});

describe('docker container prune', () => {
  it('asks first, then removes stopped containers', async () => {
    await sh('docker create --name p1 alpine true');
    const warning = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ';
    expect(await sh('echo n | docker container prune')).toEqual({ stdout: warning, stderr: '', code: 0 });
    expect((await sh('docker ps -aq --filter name=p1')).stdout).not.toBe('');
    const stopped = (await sh(`docker ps -a --filter status=exited --filter status=created --format '{{.ID}}'`)).stdout.trim().split('\n');
    const r = await sh('docker container prune -f');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Deleted Containers:\n([0-9a-f]{64}\n)+\nTotal reclaimed space: \d+(\.\d+)?k?B\n$/);
    expect(r.stdout.split('\n').filter((l) => /^[0-9a-f]{64}$/.test(l)).map((l) => l.slice(0, 12)).sort()).toEqual(stopped.sort());
    expect(await sh('docker container prune -f')).toEqual({ stdout: 'Total reclaimed space: 0B\n', stderr: '', code: 0 });
  });
});

function readHost(path: string): Uint8Array {
  const h = m.host.rootfs.open(path, 'r');
  const buf = new Uint8Array(h.stat().size);
  h.read(buf, 0);
  h.close();
  return buf;
}
