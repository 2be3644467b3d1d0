/**
 * `docker save` archives against skopeo, both ways: what Berth's docker save
 * writes (an OCI layout that is also a docker-archive) is read by skopeo as
 * `docker-archive:` and as `oci-archive:`, with the image's own config and
 * diffIDs; and a docker-archive skopeo writes loads back into Berth with the
 * same image ID. Skipped, with the reason printed, where skopeo is missing.
 */
import { execFileSync } from 'node:child_process';
import * as nfs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootLearnerMachine, type Machine } from '../engine/index.ts';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { fromUtf8 } from '../engine/common/bytes.ts';
import { readTar } from '../engine/image/tar.ts';
import { streamOf } from '../engine/common/stream.ts';

function have(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
const skip = have('skopeo') ? null : 'missing skopeo (apt-get install skopeo)';
if (skip) console.log(`docker-archive tests skipped: ${skip}`);

let m: Machine;
const work = skip ? '' : nfs.mkdtempSync(join(tmpdir(), 'berth-archive-'));

async function sh(cmd: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const r = await m.host.exec(['sh', '-c', cmd]);
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

/** A file of the emulated host, as bytes. */
function hostBytes(path: string): Uint8Array {
  const h = m.host.rootfs.open(path, 'r');
  const buf = new Uint8Array(h.stat().size);
  h.read(buf, 0);
  h.close();
  return buf;
}

const skopeo = (...args: string[]) => execFileSync('skopeo', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const inspect = async (ref: string) => JSON.parse((await sh(`docker inspect ${ref}`)).stdout)[0] as { Id: string; RootFS: { Layers: string[] } };

beforeAll(async () => {
  if (skip) return;
  m = bootLearnerMachine(nodePlatform());
  expect((await sh('docker pull -q nginx && docker pull -q alpine && docker tag alpine learner/app:1')).code).toBe(0);
  expect((await sh('docker save -o images.tar nginx learner/app:1 && docker save -o nginx.tar nginx')).code).toBe(0);
  nfs.writeFileSync(join(work, 'images.tar'), hostBytes('/home/learner/images.tar'));
  nfs.writeFileSync(join(work, 'nginx.tar'), hostBytes('/home/learner/nginx.tar'));
}, 120_000);

afterAll(() => {
  if (work) nfs.rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skip !== null)('docker save archives and skopeo', () => {
  it('lays the archive out as Docker 25+ does', async () => {
    const names: string[] = [];
    const files = new Map<string, string>();
    for await (const { header, data } of readTar(streamOf(hostBytes('/home/learner/images.tar')))) {
      names.push(header.name);
      if (!header.name.startsWith('blobs/')) files.set(header.name, fromUtf8(data));
    }
    expect(names.slice(0, 2)).toEqual(['blobs/', 'blobs/sha256/']);
    expect(names.slice(-4)).toEqual(['index.json', 'manifest.json', 'oci-layout', 'repositories']);
    expect(files.get('oci-layout')).toBe('{"imageLayoutVersion": "1.0.0"}');
    const nginx = await inspect('nginx');
    const app = await inspect('learner/app:1');
    const manifest = JSON.parse(files.get('manifest.json')!) as { Config: string; RepoTags: string[]; Layers: string[] }[];
    expect(manifest.map((i) => [i.Config, i.RepoTags, i.Layers])).toEqual([
      [`blobs/sha256/${nginx.Id.slice(7)}`, ['nginx:latest'], nginx.RootFS.Layers.map((l) => `blobs/sha256/${l.slice(7)}`)],
      [`blobs/sha256/${app.Id.slice(7)}`, ['learner/app:1'], app.RootFS.Layers.map((l) => `blobs/sha256/${l.slice(7)}`)],
    ]);
    expect(JSON.parse(files.get('repositories')!)).toEqual({ 'learner/app': { '1': app.RootFS.Layers.at(-1)!.slice(7) }, nginx: { latest: nginx.RootFS.Layers.at(-1)!.slice(7) } });
    const index = JSON.parse(files.get('index.json')!) as { manifests: { annotations: Record<string, string> }[] };
    expect(index.manifests.map((d) => d.annotations)).toEqual([
      { 'io.containerd.image.name': 'docker.io/library/nginx:latest', 'org.opencontainers.image.ref.name': 'latest' },
      { 'io.containerd.image.name': 'docker.io/learner/app:1', 'org.opencontainers.image.ref.name': '1' },
    ]);
  });

  it('is a docker-archive skopeo reads, with the image’s config and diffIDs', async () => {
    const nginx = await inspect('nginx');
    const seen = JSON.parse(skopeo('inspect', `docker-archive:${join(work, 'nginx.tar')}`)) as { Layers: string[]; Architecture: string; Os: string };
    expect(seen.Layers).toEqual(nginx.RootFS.Layers);
    expect([seen.Architecture, seen.Os]).toEqual(['amd64', 'linux']);
    const config = JSON.parse(skopeo('inspect', '--config', `docker-archive:${join(work, 'images.tar')}:learner/app:1`)) as { rootfs: { diff_ids: string[] } };
    expect(config.rootfs.diff_ids).toEqual((await inspect('learner/app:1')).RootFS.Layers);
    // A full copy verifies every blob against its digest; dir: keeps the config's bytes.
    skopeo('copy', '-q', `docker-archive:${join(work, 'nginx.tar')}`, `dir:${join(work, 'copy')}`);
    expect(nfs.existsSync(join(work, 'copy', nginx.Id.slice(7)))).toBe(true);
  });

  it('is an OCI archive too, one entry per tag', async () => {
    const seen = JSON.parse(skopeo('inspect', `oci-archive:${join(work, 'images.tar')}:1`)) as { Layers: string[] };
    expect(seen.Layers).toEqual((await inspect('learner/app:1')).RootFS.Layers);
    skopeo('copy', '-q', `oci-archive:${join(work, 'images.tar')}:latest`, `dir:${join(work, 'dir')}`);
    expect(nfs.existsSync(join(work, 'dir', (await inspect('nginx')).Id.slice(7)))).toBe(true);
  });

  it('loads what skopeo writes, with the same image ID', async () => {
    const before = (await inspect('nginx')).Id;
    skopeo('copy', '-q', `dir:${join(work, 'copy')}`, `docker-archive:${join(work, 'from-skopeo.tar')}:nginx:latest`);
    m.host.writeFile('/home/learner/from-skopeo.tar', new Uint8Array(nfs.readFileSync(join(work, 'from-skopeo.tar'))), 0o644, { uid: 1000, gid: 1000 });
    expect((await sh('docker rmi nginx')).code).toBe(0);
    expect(await sh('docker load -i from-skopeo.tar')).toEqual({ stdout: 'Loaded image: nginx:latest\n', stderr: '', code: 0 });
    expect((await inspect('nginx')).Id).toBe(before);
    expect((await sh('docker run --rm nginx nginx -v')).code).toBe(0);
  });
});
