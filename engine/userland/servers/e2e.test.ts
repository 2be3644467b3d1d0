/**
 * The servers through the docker CLI and the daemon, as a learner meets
 * them: `docker run hello-world`, nginx on a published port with its logs
 * in `docker logs`, redis keeping its data across `docker stop`/`start`.
 */
import { describe, expect, it } from 'vitest';
import { bootLearnerMachine } from '../../index.ts';
import { nodePlatform } from '../../platform/node/index.ts';
import { HELLO_MESSAGE } from './hello.ts';

async function learner() {
  const m = bootLearnerMachine(nodePlatform());
  const sh = async (cmd: string) => {
    const r = await m.host.exec(['/bin/sh', '-c', cmd]);
    return { out: r.stdout, err: r.stderr, code: r.code };
  };
  /** Polls `docker logs` until it shows `text`. */
  const logsUntil = async (name: string, text: RegExp) => {
    for (let i = 0; i < 100; i++) {
      const logs = (await sh(`docker logs ${name} 2>&1`)).out;
      if (text.test(logs)) return logs;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`docker logs ${name} never showed ${text}`);
  };
  return { sh, logsUntil };
}

describe('servers under docker', () => {
  it('docker run hello-world prints the greeting', async () => {
    const { sh } = await learner();
    const r = await sh('docker run --rm hello-world 2>/dev/null');
    expect(r).toEqual({ out: HELLO_MESSAGE, err: '', code: 0 });
  });

  it('nginx answers on a published port and docker stop shuts it down gracefully', async () => {
    const { sh, logsUntil } = await learner();
    expect((await sh('docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1')).code).toBe(0);
    await logsUntil('web', /start worker process \d+\n.*start worker process \d+\n/);
    const page = await sh('wget -q -O - localhost:8080/');
    expect(page.out).toContain('<title>Welcome to nginx!</title>');
    const logs = await logsUntil('web', /GET \/ HTTP/);
    // Through the published port the client is the bridge's gateway, as with Docker's proxy.
    expect(logs).toMatch(/172\.17\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 615 "-" "Wget" "-"\n/);
    expect((await sh('docker stop web')).out).toBe('web\n');
    const stopped = await logsUntil('web', /\[notice\] 1#1: exit\n/);
    expect(stopped).toMatch(/\[notice\] 1#1: signal 3 \(SIGQUIT\) received, shutting down\n/);
    expect((await sh("docker inspect -f '{{.State.ExitCode}}' web")).out).toBe('0\n');
  });

  it('redis keeps its data across docker stop and docker start', async () => {
    const { sh, logsUntil } = await learner();
    await sh('docker run -d --name cache redis:alpine >/dev/null 2>&1');
    await logsUntil('cache', /Ready to accept connections tcp\n/);
    expect((await sh('docker exec cache redis-cli SET visits 10')).out).toBe('OK\n');
    await sh('docker stop cache');
    await logsUntil('cache', /Redis is now ready to exit, bye bye\.\.\.\n/);
    await sh('docker start cache');
    await logsUntil('cache', /Done loading RDB, keys loaded: 1, keys expired: 0\.\n(.*\n)*.*Ready to accept connections tcp\n/);
    expect((await sh('docker exec cache redis-cli INCR visits')).out).toBe('11\n');
    await sh('docker rm -f cache');
  });
});
