/**
 * docker save, load, import, login, logout, push, search, image prune,
 * system df, system prune and events, typed by the learner, compared with what
 * the real docker CLI 28.2.2 prints (recorded by pointing it at this same
 * daemon over a socket: the daemon's answers and the CLI's wording agree).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bootLearnerMachine, type Machine } from '../engine/index.ts';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { fromUtf8 } from '../engine/common/bytes.ts';
import { writeTar } from '../engine/image/tar.ts';
import { collect } from '../engine/common/stream.ts';

let m: Machine;

async function sh(cmd: string, stdin?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const r = await m.host.exec(['sh', '-c', cmd], stdin === undefined ? {} : { stdin });
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

/** Runs a command on a terminal; returns what the screen showed. */
async function onTty(argv: string[]): Promise<string> {
  const tty = m.host.machine.kernel.createPty();
  let screen = '';
  tty.onOutput((b) => (screen += fromUtf8(b)));
  await m.host.attach(argv, tty).ended;
  return screen;
}

const id = async (name: string) => (await sh(`docker inspect -f '{{.Id}}' ${name}`)).stdout.trim();

/** A one-file tar on the learner's host, for docker import. */
async function smallTar(path: string, text = 'hi\n'): Promise<void> {
  const data = new TextEncoder().encode(text);
  const bytes = await collect(writeTar([{ header: { name: 'hello.txt', type: 'file', mode: 0o644, uid: 0, gid: 0, size: data.length, mtimeMs: 0, linkname: '' }, data }]));
  m.host.writeFile(path, bytes, 0o644, { uid: 1000, gid: 1000 });
}

const UNENCRYPTED = "\nWARNING! Your credentials are stored unencrypted in '/home/learner/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n";

beforeAll(async () => {
  m = bootLearnerMachine(nodePlatform());
  expect((await sh('docker pull -q alpine')).code).toBe(0);
}, 60_000);

describe('docker save and load', () => {
  it('round-trips an image through a tar with the same ID', async () => {
    const before = await id('alpine');
    expect(await sh('docker save -o alpine.tar alpine && ls -l alpine.tar | cut -c1-10')).toEqual({ stdout: '-rw-------\n', stderr: '', code: 0 });
    expect((await sh('docker rmi alpine')).code).toBe(0);
    expect(await sh('docker load -i alpine.tar')).toEqual({ stdout: 'Loaded image: alpine:latest\n', stderr: '', code: 0 });
    expect(await id('alpine')).toBe(before);
    expect(await sh('docker load -q < alpine.tar')).toEqual({ stdout: 'Loaded image: alpine:latest\n', stderr: '', code: 0 });
    // Streamed to a pipe, the archive is the same bytes.
    expect((await sh('docker save alpine | wc -c')).stdout.trim()).toBe((await sh('wc -c < alpine.tar')).stdout.trim());
    const containers = await sh('docker run --rm alpine cat /etc/alpine-release');
    expect(containers.code).toBe(0);
  });

  it('refuses what Docker refuses, with its words', async () => {
    expect(await onTty(['docker', 'save', 'alpine'])).toBe('cowardly refusing to save to a terminal. Use the -o flag or redirect\r\n');
    expect(await onTty(['docker', 'load'])).toBe('requested load from stdin, but stdin is empty\r\n');
    expect(await sh('docker save -o /dev/null alpine')).toEqual({ stdout: '', stderr: 'failed to save image: cannot write to a character device file\n', code: 1 });
    expect(await sh('docker save -o nodir/x.tar alpine')).toEqual({ stdout: '', stderr: 'failed to save image: invalid output path: stat nodir: no such file or directory\n', code: 1 });
    expect(await sh('docker save -o . alpine')).toEqual({ stdout: '', stderr: 'failed to save image: cannot write to a directory\n', code: 1 });
    // The file is put in place even when the daemon refuses, empty, as atomicwriter does.
    expect(await sh('docker save -o x.tar nope:1; wc -c < x.tar')).toEqual({ stdout: '0\n', stderr: 'Error response from daemon: reference does not exist\n', code: 0 });
    expect(await sh('docker save 0123456789ab > x.tar')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such image: 0123456789ab\n', code: 1 });
    expect(await sh('docker load -i nofile')).toEqual({ stdout: '', stderr: 'open nofile: no such file or directory\n', code: 1 });
    expect(await sh('echo hello | docker load')).toEqual({ stdout: '', stderr: 'unexpected EOF\n', code: 1 });
    const empty = await sh('docker load < /dev/null');
    expect(empty.stderr).toMatch(/^open \/var\/lib\/docker\/tmp\/docker-import-\d+\/repositories: no such file or directory\n$/);
    expect(empty.code).toBe(1);
  });
});

describe('docker import', () => {
  it('makes a one-layer image from a tarball, tagged or not', async () => {
    await smallTar('/home/learner/small.tar');
    const untagged = await sh('docker import small.tar');
    expect(untagged.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const tagged = await sh('docker import - imp:1 < small.tar');
    expect(tagged.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect((await sh('docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}" imp')).stdout).toBe('imp:1 3B\n');
    expect((await sh(`docker images -q --filter dangling=true`)).stdout).toBe(`${untagged.stdout.slice(7, 19)}\n`);
    const changed = await sh('docker import -c "CMD [\\"/bin/sh\\"]" -c "ENV A=1" -m hello small.tar imp:2 >/dev/null && docker inspect -f "{{.Config.Cmd}} {{.Config.Env}} {{.Comment}}" imp:2');
    expect(changed.stdout).toBe('[/bin/sh] [A=1] hello\n');
  });

  it('refuses bad names, bad changes and non-tar input', async () => {
    expect(await sh('docker import small.tar BAD')).toEqual({ stdout: '', stderr: 'invalid reference format: repository name (library/BAD) must be lowercase\n', code: 1 });
    expect(await sh('docker import -c "RUN x" small.tar')).toEqual({ stdout: '', stderr: 'Error response from daemon: RUN is not a valid change command\n', code: 1 });
    expect(await sh('docker import nofile')).toEqual({ stdout: '', stderr: 'open nofile: no such file or directory\n', code: 1 });
    expect(await sh('echo notatar | docker import -')).toEqual({ stdout: '', stderr: 'Error response from daemon: unexpected EOF\n', code: 1 });
  });
});

describe('docker login, logout and push', () => {
  it('is denied without credentials, before anything is sent', async () => {
    // Pulled again: a loaded image's layers are not the hub's compressed blobs.
    expect((await sh('docker pull -q alpine && docker tag alpine learner/app:1')).code).toBe(0);
    const layer = (await sh("docker inspect -f '{{index .RootFS.Layers 0}}' alpine")).stdout.slice(7, 19);
    expect(await sh('docker push learner/app:1')).toEqual({
      stdout: `The push refers to repository [docker.io/learner/app]\n${layer}: Preparing\n`,
      stderr: 'denied: requested access to the resource is denied\n',
      code: 1,
    });
  });

  it('logs in as Docker does, storing base64(user:password) in ~/.docker/config.json', async () => {
    expect(await sh('docker login -u learner -p pw')).toEqual({
      stdout: 'Login Succeeded\n',
      stderr: `WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n${UNENCRYPTED}`,
      code: 0,
    });
    expect(m.host.readFile('/home/learner/.docker/config.json')).toBe('{\n\t"auths": {\n\t\t"https://index.docker.io/v1/": {\n\t\t\t"auth": "bGVhcm5lcjpwdw=="\n\t\t}\n\t}\n}');
    expect((await sh('ls -ld .docker .docker/config.json | cut -c1-10')).stdout).toBe('drwx------\n-rw-------\n');
    expect(await sh('docker login')).toEqual({
      stdout: 'Login Succeeded\n',
      stderr: "Authenticating with existing credentials... [Username: learner]\n\n Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n",
      code: 0,
    });
    expect(await sh('docker login -u learner --password-stdin', 'pw2\n')).toEqual({ stdout: 'Login Succeeded\n', stderr: UNENCRYPTED, code: 0 });
    expect(await sh('docker login -p x --password-stdin')).toEqual({ stdout: '', stderr: 'conflicting options: cannot specify both --password and --password-stdin\n', code: 1 });
    expect(await sh('docker login --password-stdin')).toEqual({ stdout: '', stderr: 'the --password-stdin option requires --username to be set\n', code: 1 });
    expect(await sh('docker login -u learner --password-stdin < /dev/null')).toEqual({ stdout: '', stderr: 'Error: Cannot perform an interactive login from a non TTY device\n', code: 1 });
    expect((await sh('docker login localhost:5000 -u a -p b')).stderr).toBe(
      'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\nError response from daemon: Get "https://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n',
    );
  });

  it('pushes to the learner namespace, and the image comes back after rmi', async () => {
    const layer = (await sh("docker inspect -f '{{index .RootFS.Layers 0}}' alpine")).stdout.slice(7, 19);
    const first = await sh('docker push learner/app:1');
    expect(first.stdout).toMatch(new RegExp(`^The push refers to repository \\[docker\\.io/learner/app\\]\\n${layer}: Preparing\\n${layer}: Mounted from library/alpine\\n1: digest: sha256:[0-9a-f]{64} size: 525\\n$`));
    expect(first.code).toBe(0);
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(first.stdout)![1]!;
    expect((await sh('docker push learner/app:1')).stdout).toBe(`The push refers to repository [docker.io/learner/app]\n${layer}: Preparing\n${layer}: Layer already exists\n1: digest: ${digest} size: 525\n`);
    expect(await sh('docker push -q learner/app:1')).toEqual({ stdout: 'docker.io/learner/app:1\n', stderr: '', code: 0 });
    expect(await sh('docker push learner/app:2')).toEqual({ stdout: 'The push refers to repository [docker.io/learner/app]\n', stderr: 'tag does not exist: learner/app:2\n', code: 1 });
    expect(await sh('docker push learner/nope')).toEqual({ stdout: 'Using default tag: latest\nThe push refers to repository [docker.io/learner/nope]\n', stderr: 'An image does not exist locally with the tag: learner/nope\n', code: 1 });
    expect((await sh('docker tag alpine other/app:1 && docker push other/app:1')).stderr).toBe('denied: requested access to the resource is denied\n');

    const imageId = await id('learner/app:1');
    expect((await sh('docker rmi learner/app:1')).stdout).toBe('Untagged: learner/app:1\n');
    const pulled = await sh('docker pull learner/app:1');
    expect(pulled.stdout).toContain(`Digest: ${digest}\nStatus: Downloaded newer image for learner/app:1\ndocker.io/learner/app:1\n`);
    expect(await id('learner/app:1')).toBe(imageId);
    expect((await sh('docker run --rm learner/app:1 cat /etc/os-release')).code).toBe(0);
  });

  it('pushes a layer the hub lacks, compressed', async () => {
    await smallTar('/home/learner/mine.tar', 'mine\n');
    expect((await sh('docker import mine.tar learner/mine:1')).code).toBe(0);
    const layer = (await sh("docker inspect -f '{{index .RootFS.Layers 0}}' learner/mine:1")).stdout.slice(7, 19);
    expect((await sh('docker push learner/mine:1')).stdout).toMatch(new RegExp(`^The push refers to repository \\[docker\\.io/learner/mine\\]\\n${layer}: Preparing\\n${layer}: Pushed\\n1: digest: sha256:[0-9a-f]{64} size: \\d+\\n$`));
  });

  it('logs out', async () => {
    expect(await sh('docker logout')).toEqual({ stdout: 'Removing login credentials for https://index.docker.io/v1/\n', stderr: '', code: 0 });
    expect(m.host.readFile('/home/learner/.docker/config.json')).toBe('{\n\t"auths": {}\n}');
    expect(await sh('docker logout localhost:5000')).toEqual({ stdout: 'Removing login credentials for localhost:5000\n', stderr: '', code: 0 });
    expect((await sh('docker push learner/app:1')).stderr).toBe('denied: requested access to the resource is denied\n');
  });
});

describe('docker search', () => {
  it('lists the hub’s repositories in docker 28 columns', async () => {
    expect(await sh('docker search alpine')).toEqual({
      stdout: 'NAME      DESCRIPTION                                     STARS     OFFICIAL\nalpine    A minimal Docker image based on Alpine Linux…   11413     [OK]\n',
      stderr: '',
      code: 0,
    });
    expect((await sh('docker search --limit 2 n')).stdout).toBe(
      'NAME      DESCRIPTION                                     STARS     OFFICIAL\nnginx     Official build of Nginx.                        20770     [OK]\nnode      Node.js is a JavaScript-based platform for s…   13742     [OK]\n',
    );
    expect((await sh('docker search --filter is-official=true --filter stars=13000 --format "{{.Name}} {{.StarCount}}" e')).stdout).toBe('ubuntu 17628\nnode 13742\nredis 13123\n');
    expect((await sh('docker search --format "{{.Name}}: {{.StarCount}} {{.IsOfficial}}" learner/app')).stdout).toBe('learner/app: 0 \n');
    expect((await sh('docker search --format json alpine')).stdout).toBe('{"Description":"A minimal Docker image based on Alpine Linux…","IsOfficial":"true","Name":"alpine","StarCount":"11413"}\n');
    expect((await sh('docker search --filter stars=abc x')).stderr).toBe('Error response from daemon: invalid filter \'stars=abc\': strconv.Atoi: parsing "abc": invalid syntax\n');
    expect((await sh('docker search --filter is-official=abc x')).stderr).toBe("Error response from daemon: invalid filter 'is-official=[abc]'\n");
    expect((await sh('docker search --limit 200 x')).stderr).toBe('Error response from daemon: limit 200 is outside the range of [1, 100]\n');
  });
});
