/**
 * docker image prune, system df, system prune and events, typed by the
 * learner, compared with what the real docker CLI 28.2.2 prints for the same
 * daemon state (its prompts, report layout and event lines).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bootLearnerMachine, type Machine } from '../engine/index.ts';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { writeTar } from '../engine/image/tar.ts';
import { collect } from '../engine/common/stream.ts';

let m: Machine;

async function sh(cmd: string, stdin?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const r = await m.host.exec(['sh', '-c', cmd], stdin === undefined ? {} : { stdin });
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

const id = async (name: string) => (await sh(`docker inspect -f '{{.Id}}' ${name}`)).stdout.trim();

async function importText(tag: string, text: string): Promise<string> {
  const data = new TextEncoder().encode(text);
  m.host.writeFile('/home/learner/layer.tar', await collect(writeTar([{ header: { name: 'f.txt', type: 'file', mode: 0o644, uid: 0, gid: 0, size: data.length, mtimeMs: 0, linkname: '' }, data }])), 0o644, { uid: 1000, gid: 1000 });
  const r = await sh(`docker import layer.tar ${tag}`);
  expect(r.code).toBe(0);
  return r.stdout.trim();
}

const DANGLING_WARNING = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ';
const SYSTEM_WARNING = 'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] ';

beforeAll(async () => {
  m = bootLearnerMachine(nodePlatform());
  expect((await sh('docker pull -q alpine')).code).toBe(0);
}, 60_000);

describe('docker image prune', () => {
  it('removes the images a moved tag left dangling', async () => {
    const first = await importText('imp:1', 'one\n');
    await importText('imp:1', 'two\n');
    expect((await sh('docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}" imp')).stdout).toBe(`imp:1 ${(await id('imp:1')).slice(7, 19)}\n`);
    expect((await sh('docker images -q --filter dangling=true')).stdout).toBe(`${first.slice(7, 19)}\n`);
    // Anything but y keeps everything, quietly.
    expect(await sh('docker image prune', 'n\n')).toEqual({ stdout: DANGLING_WARNING, stderr: '', code: 0 });
    expect(await sh('docker image prune < /dev/null')).toEqual({ stdout: DANGLING_WARNING, stderr: '', code: 0 });
    const layer = (await sh(`docker inspect -f '{{index .RootFS.Layers 0}}' ${first}`)).stdout.trim();
    expect(await sh('docker image prune', 'y\n')).toEqual({ stdout: `${DANGLING_WARNING}Deleted Images:\ndeleted: ${first}\ndeleted: ${layer}\n\nTotal reclaimed space: 4B\n`, stderr: '', code: 0 });
    expect(await sh('docker image prune -f')).toEqual({ stdout: 'Total reclaimed space: 0B\n', stderr: '', code: 0 });
    expect(await sh('docker image prune -f --filter foo=bar')).toEqual({ stdout: '', stderr: "Error response from daemon: invalid filter 'foo'\n", code: 1 });
  });

  it('with -a removes every image no container uses', async () => {
    expect((await sh('docker run -d --name web alpine sleep 1000')).code).toBe(0);
    const imp = await id('imp:1');
    const layer = (await sh(`docker inspect -f '{{index .RootFS.Layers 0}}' imp:1`)).stdout.trim();
    const r = await sh('docker image prune -a', 'y\n');
    expect(r.stdout).toMatch(
      new RegExp(`^WARNING! This will remove all images without at least one container associated to them\\.\\nAre you sure you want to continue\\? \\[y/N\\] Deleted Images:\\nuntagged: imp:1\\ndeleted: ${imp}\\ndeleted: ${layer}\\n\\nTotal reclaimed space: 4B\\n$`),
    );
    expect((await sh('docker images --format "{{.Repository}}"')).stdout).toBe('alpine\n');
  });
});

describe('docker system df and system prune', () => {
  it('shows disk usage by type', async () => {
    expect((await sh('docker run --name done -v data:/data alpine sh -c "echo hi > /data/x"')).code).toBe(0);
    expect((await sh('docker network create n1')).code).toBe(0);
    expect(await sh('docker system df')).toEqual({
      stdout:
        'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n' +
        'Images          1         1         34.85kB   0B (0%)\n' +
        'Containers      2         1         0B        0B\n' +
        'Local Volumes   1         1         3B        0B (0%)\n' +
        'Build Cache     0         0         0B        0B\n',
      stderr: '',
      code: 0,
    });
    expect((await sh('docker system df --format json')).stdout.split('\n')[0]).toBe('{"Active":"1","Reclaimable":"0B (0%)","Size":"34.85kB","TotalCount":"1","Type":"Images"}');
    expect((await sh('docker system df --format "{{.Type}}={{.TotalCount}}"')).stdout).toBe('Images=1\nContainers=2\nLocal Volumes=1\nBuild Cache=0\n');
  });

  it('asks first, then removes stopped containers, unused networks and dangling images', async () => {
    expect(await sh('docker system prune', '\n')).toEqual({ stdout: SYSTEM_WARNING, stderr: '', code: 0 });
    expect((await sh('docker system prune -a --volumes --filter label=a=b', 'n\n')).stdout).toBe(
      'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all anonymous volumes not used by at least one container\n  - all images without at least one container associated to them\n  - all build cache\n\n  Items to be pruned will be filtered with:\n  - label=a=b\n\nAre you sure you want to continue? [y/N] ',
    );
    expect(await sh('docker system prune --volumes --filter until=1h')).toEqual({ stdout: '', stderr: 'ERROR: The "until" filter is not supported with "--volumes"\n', code: 1 });
    const done = await id('done');
    expect(await sh('docker system prune -f')).toEqual({ stdout: `Deleted Containers:\n${done}\n\nDeleted Networks:\nn1\n\nTotal reclaimed space: 0B\n`, stderr: '', code: 0 });
    expect((await sh('docker ps -a --format "{{.Names}}"')).stdout).toBe('web\n');
    expect((await sh('docker system df --format "{{.Type}} {{.TotalCount}} {{.Active}} {{.Reclaimable}}"')).stdout).toBe('Images 1 1 0B (0%)\nContainers 1 1 0B\nLocal Volumes 1 0 3B (100%)\nBuild Cache 0 0 0B\n');
  });
});

describe('docker events', () => {
  const STAMP = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z';
  // `--until 0s` is now in whole seconds (the CLI sends seconds for a duration), so the events must be older.
  beforeAll(() => new Promise((r) => setTimeout(r, 1100)));

  it('prints past events and ends at --until', async () => {
    const web = await id('web');
    const r = await sh('docker events --since 0 --until 0s --filter container=web');
    expect(r.stdout).toMatch(new RegExp(`^${STAMP} container create ${web} \\(image=alpine, name=web\\)\\n${STAMP} container start ${web} \\(image=alpine, name=web\\)\\n$`));
    expect((await sh('docker events --until 0s --filter type=image --filter event=pull')).stdout).toMatch(new RegExp(`^${STAMP} image pull alpine:latest \\(name=alpine\\)\\n$`));
    const formatted = await sh('docker events --since 0 --until 0s --filter event=destroy --format "{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Status}} {{.From}}"');
    expect(formatted.stdout).toBe('container destroy done destroy alpine\nnetwork destroy n1  \n');
  });

  it('formats JSON as moby sends it, deprecated fields first', async () => {
    const web = await id('web');
    const line = (await sh('docker events --since 0 --until 0s --filter container=web --format json')).stdout.split('\n')[0]!;
    expect(line).toMatch(new RegExp(`^\\{"status":"create","id":"${web}","from":"alpine","Type":"container","Action":"create","Actor":\\{"ID":"${web}","Attributes":\\{"image":"alpine","name":"web"\\}\\},"scope":"local","time":\\d+,"timeNano":\\d+\\}$`));
    const [time, nanos] = (await sh('docker events --since 0 --until 0s --filter container=web --format "{{.Time}} {{.TimeNano}}"')).stdout.split('\n')[0]!.split(' ');
    expect(nanos!.slice(0, time!.length)).toBe(time);
  });

  it('refuses bad formats and times as docker does', async () => {
    expect(await sh('docker events --format "{{.Foo}}" --until 0s')).toEqual({ stdout: '', stderr: 'Error parsing format: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *events.Message\n', code: 64 });
    expect(await sh('docker events --since xyz --until 0s')).toEqual({ stdout: '', stderr: 'failed to parse value as time or duration: "xyz"\n', code: 1 });
    expect((await sh('docker events --since 5m --until 10m')).stderr).toMatch(/^Error response from daemon: `since` time \(\d+\) cannot be after `until` time \(\d+\)\n$/);
  });

  it('streams new events until --until, after replaying the past ones (as moby does with a bound)', async () => {
    // A negative duration is a time to come.
    const watching = sh('docker events --until=-2s --filter type=volume');
    await new Promise((r) => setTimeout(r, 200));
    expect((await sh('docker volume create late')).code).toBe(0);
    expect((await watching).stdout).toMatch(new RegExp(`^${STAMP} volume create data \\(driver=local\\)\\n${STAMP} volume create late \\(driver=local\\)\\n$`));
  });
});
