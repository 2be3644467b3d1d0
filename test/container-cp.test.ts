/**
 * docker cp between the learner's host and containers, both ways, with
 * go-archive's rules for where things land, and Docker 28's messages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bootLearnerMachine, writeTar, type Machine, type TarEntry } from '../engine/index.ts';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { fromUtf8, utf8 } from '../engine/common/bytes.ts';
import { collect } from '../engine/common/stream.ts';

let m: Machine;

async function sh(cmd: string, stdin?: Uint8Array): Promise<{ stdout: string; stderr: string; code: number }> {
  const r = await m.host.exec(['sh', '-c', cmd], stdin ? { stdin } : {});
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

const ok = (stdout = '') => ({ stdout, stderr: '', code: 0 });
const err = (stderr: string) => ({ stdout: '', stderr: `${stderr}\n`, code: 1 });

beforeAll(async () => {
  m = bootLearnerMachine(nodePlatform());
  expect((await sh('docker pull -q alpine')).code).toBe(0);
  expect((await sh('docker run -d --name web -v data:/data alpine sleep 1000')).code).toBe(0);
}, 60_000);

describe('docker cp from a container', () => {
  it('copies a file into the current directory, under a new name, or to stdout as a tar', async () => {
    const id = (await sh(`docker inspect -f '{{.Id}}' web`)).stdout.slice(0, 12);
    expect(await sh('docker cp web:/etc/hostname . && cat hostname')).toEqual(ok(`${id}\n`));
    expect(await sh('docker cp web:/etc/alpine-release rel.txt && cat rel.txt')).toEqual(ok('3.20.3\n'));
    expect(await sh('mkdir -p out && docker cp web:/etc/alpine-release out/ && ls out')).toEqual(ok('alpine-release\n'));
    const tar = await sh('docker cp web:/etc/alpine-release -');
    expect(tar.stdout.startsWith('alpine-release\0')).toBe(true);
    expect(tar.stdout.length).toBe(2048);
  });

  it('copies a directory, or with /. its content', async () => {
    expect(await sh('docker cp web:/etc/apk apk && find apk | sort')).toEqual(
      ok(['apk', 'apk/arch', 'apk/keys', 'apk/keys/alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub', 'apk/keys/alpine-devel@lists.alpinelinux.org-5261cecb.rsa.pub', 'apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub', 'apk/protected_paths.d', 'apk/repositories', 'apk/world', ''].join('\n')),
    );
    expect(await sh('mkdir -p apk2 && docker cp web:/etc/apk/. apk2 && ls apk2')).toEqual(ok('arch\nkeys\nprotected_paths.d\nrepositories\nworld\n'));
    expect(await sh('docker cp web:/etc/apk apk && ls apk')).toEqual(ok('apk\narch\nkeys\nprotected_paths.d\nrepositories\nworld\n'));
  });

  it("says what Docker says when something isn't there", async () => {
    expect(await sh('docker cp web:/nope .')).toEqual(err('Error response from daemon: Could not find the file /nope in container web'));
    expect(await sh('docker cp nope:/etc/hostname .')).toEqual(err('Error response from daemon: No such container: nope'));
    expect(await sh('docker cp web:/etc/hostname /nowhere/x')).toEqual(err('invalid output path: directory "/nowhere" does not exist'));
    expect(await sh('docker cp web:/etc/apk rel.txt')).toEqual(err('cannot copy directory'));
  });

  it('reports the size copied on a terminal', async () => {
    const tty = m.host.machine.kernel.createPty();
    let screen = '';
    tty.onOutput((b) => (screen += fromUtf8(b)));
    await m.host.attach(['docker', 'cp', 'web:/etc/hostname', '/tmp/h'], tty).ended;
    expect(screen).toBe('\x1b[sPreparing to copy...\x1b[?25l\x1b[u\x1b[2KCopying from container - 0B\x1b[?25h\x1b[u\x1b[2KSuccessfully copied 2.05kB to /tmp/h\r\n');
  });
});

describe('docker cp into a container', () => {
  it('copies files and directories where go-archive puts them, keeping their owner and mode', async () => {
    await sh('echo data > f.txt && chmod 640 f.txt && mkdir -p site/css && echo body > site/index.html && echo x > site/css/a.css');
    expect(await sh('docker cp f.txt web:/tmp/ && docker exec web stat -c "%u:%g %a %s" /tmp/f.txt')).toEqual(ok('1000:1000 640 5\n'));
    expect(await sh('docker cp ./f.txt web:/tmp/renamed && docker exec web cat /tmp/renamed')).toEqual(ok('data\n'));
    expect(await sh('docker cp site web:/srv/www && docker exec web find /srv/www')).toEqual(ok('/srv/www\n/srv/www/css\n/srv/www/css/a.css\n/srv/www/index.html\n'));
    expect(await sh('docker exec web mkdir /opt/site && docker cp site/. web:/opt/site && docker exec web ls /opt/site')).toEqual(ok('css\nindex.html\n'));
    expect(await sh('docker cp f.txt web:/data && docker run --rm -v data:/d alpine cat /d/f.txt')).toEqual(ok('data\n'));
    expect((await sh('docker diff web')).stdout).toContain('A /tmp/f.txt\n');
  });

  it('reads a tar from stdin with -', async () => {
    const entries: TarEntry[] = [{ header: { name: 'from-stdin.txt', type: 'file', mode: 0o644, uid: 0, gid: 0, size: 3, mtimeMs: 1_700_000_000_000, linkname: '' }, data: utf8('hi\n') }];
    const tar = await collect(writeTar(entries));
    expect(await sh('docker cp - web:/tmp', tar)).toEqual(ok());
    expect(await sh('docker exec web cat /tmp/from-stdin.txt')).toEqual(ok('hi\n'));
    expect(await sh('docker cp - web:/tmp/f.txt', tar)).toEqual(err('destination "web:/tmp/f.txt" must be a directory'));
  });

  it('copies into a container that has not run yet', async () => {
    await sh('docker create --name later alpine cat /greeting.txt');
    expect(await sh('echo hello > greeting.txt && docker cp greeting.txt later:/ && docker start -a later')).toEqual(ok('hello\n'));
  });

  it('fails as Docker does', async () => {
    expect(await sh('docker cp missing web:/tmp')).toEqual(err('lstat /home/learner/missing: no such file or directory'));
    expect(await sh('docker cp f.txt web:/nope/dir/')).toEqual(err('no such directory'));
    expect(await sh('docker cp f.txt web:/nope/file')).toEqual(err('Error response from daemon: Could not find the file /nope in container web'));
    expect(await sh('docker cp f.txt g.txt')).toEqual(err('must specify at least one container source'));
    expect(await sh('docker cp web:/etc/hostname web:/tmp')).toEqual(err('copying between containers is not supported'));
    expect(await sh('docker cp site web:/tmp/f.txt')).toEqual(err('cannot copy directory'));
    await sh('docker run -d --name ro --read-only alpine sleep 1000');
    expect(await sh('docker cp f.txt ro:/tmp')).toEqual(err('Error response from daemon: container rootfs is marked read-only'));
  });
});
