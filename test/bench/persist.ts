/**
 * Figures for saving and restoring the learner's machine (what a lesson
 * page does with IndexedDB on every change and on reload):
 * - saveMachine for a lesson-sized machine (alpine and nginx pulled, an image
 *   built, a volume, three containers, one running), with the structured
 *   clone an IndexedDB put makes, against `docker ps` on the same machine;
 * - booting from that state (restoring the daemon, restarting a container
 *   with a restart policy), against booting a fresh machine;
 * - the size of the state's file and blob content;
 * - saving with a 100 MB file on the disk (a save is not incremental).
 */
import { serialize, deserialize } from 'node:v8';
import { bootLearnerMachine, saveMachine, type MachineState } from '../../engine/index.ts';
import { nodePlatform } from '../../engine/platform/node/index.ts';
import { summarize, time, type Result } from './harness.ts';

export async function persistBench(): Promise<Result[]> {
  const platform = nodePlatform();
  const m = bootLearnerMachine(platform);
  const sh = async (cmd: string) => {
    const r = await m.host.exec(['sh', '-c', cmd]);
    if (r.code !== 0) throw new Error(`${cmd}: ${r.stderr}`);
  };
  await sh('docker pull -q alpine && docker pull -q nginx');
  await sh('mkdir -p app && printf "FROM alpine\\nRUN echo hi > /hi\\nCOPY . /app\\n" > app/Dockerfile && cd app && docker build -q -t app:1 .');
  await sh('docker volume create data && docker run --name writer -v data:/data alpine sh -c "echo x > /data/x"');
  await sh('docker run -d --name web -p 8080:80 --restart always nginx && docker create --name idle alpine true');
  const results: Result[] = [];
  results.push(summarize('docker ps -a on a lesson-sized machine', await time(() => sh('docker ps -a >/dev/null'), { runs: 21 }), 'ms'));
  let state!: MachineState;
  results.push(
    summarize('save the machine (saveMachine + structured clone)', await time(() => (state = deserialize(serialize(saveMachine(m))) as MachineState), { runs: 21 }), 'ms', {
      baseline: 'docker ps -a on a lesson-sized machine',
    }),
  );
  results.push(summarize('boot a fresh machine', await time(() => bootLearnerMachine(platform), { runs: 11 }), 'ms'));
  results.push(
    summarize('boot from the saved state (restart policy applied)', await time(async () => await bootLearnerMachine(platform, { state }).restored, { runs: 11 }), 'ms', { baseline: 'boot a fresh machine' }),
  );
  // Saves write the whole machine: a learner's big file costs on every save (the worker then saves less often).
  await sh('dd if=/dev/zero of=big bs=1M count=100 2>/dev/null');
  results.push(
    summarize('save the machine with a 100 MB file in the home directory', await time(() => deserialize(serialize(saveMachine(m))), { runs: 5 }), 'ms', {
      baseline: 'save the machine (saveMachine + structured clone)',
    }),
  );
  await sh('rm big');
  let bytes = 0;
  for (const i of state.disk.inodes) bytes += i.data?.length ?? 0;
  for (const b of state.content.blobs) bytes += b.data.length;
  results.push({ name: 'saved state: file and blob bytes', median: bytes / 1024, p10: bytes / 1024, p90: bytes / 1024, runs: 1, unit: 'KB', note: `${state.disk.inodes.length} inodes` });
  return results;
}
