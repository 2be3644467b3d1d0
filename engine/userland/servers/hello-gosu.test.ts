/**
 * hello-world's /hello and gosu, in containers of the bundled images.
 * Expected texts: hello.c of docker-library/hello-world, and gosu 1.17's
 * main.go with moby/sys/user's lookup rules.
 */
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../platform/node/index.ts';
import { HELLO_MESSAGE } from './hello.ts';
import { testbed } from '../../../test/support/testbed.ts';

describe('hello', () => {
  it('prints the greeting and exits 0', async () => {
    const bed = await testbed(nodePlatform(), 'hello-world');
    const c = await bed.run();
    expect(await c.wait()).toBe(0);
    expect(c.stdout()).toBe(HELLO_MESSAGE);
    expect(c.stdout().split('\n').slice(0, 3)).toEqual(['', 'Hello from Docker!', 'This message shows that your installation appears to be working correctly.']);
    expect(c.stderr()).toBe('');
  });
});

describe('gosu', () => {
  it('switches to the user, its groups and home, then execs', async () => {
    const bed = await testbed(nodePlatform(), 'redis', 'alpine');
    const c = await bed.run(['sleep', '30'], { entrypoint: [] });
    expect(await c.exec(['gosu', 'redis', 'id'])).toEqual({ out: 'uid=999(redis) gid=1000(redis) groups=1000(redis)\n', err: '', code: 0 });
    expect((await c.exec(['gosu', 'redis', 'sh', '-c', 'echo $HOME'])).out).toBe('/home/redis\n');
    expect((await c.exec(['gosu', 'nobody:root', 'id'])).out).toBe('uid=65534(nobody) gid=0(root)\n');
    expect((await c.exec(['gosu', '1000:1', 'id'])).out).toMatch(/^uid=1000 gid=1\(bin\)\n$/);
    expect(await c.exec(['gosu', '--version'])).toEqual({ out: '1.17 (go1.18.2 on linux/amd64; gc)\n', err: '', code: 0 });
    expect(await c.exec(['gosu', 'nosuch', 'id'])).toEqual({
      out: '',
      err: 'error: failed switching to "nosuch": unable to find user nosuch: no matching entries in passwd file\n',
      code: 1,
    });
    expect(await c.exec(['gosu', 'redis', 'nosuch'])).toEqual({ out: '', err: 'error: exec: "nosuch": executable file not found in $PATH\n', code: 1 });
    const usage = await c.exec(['gosu']);
    expect(usage.code).toBe(1);
    expect(usage.err).toBe(
      "Usage: gosu user-spec command [args]\n   eg: gosu tianon bash\n       gosu nobody:root bash -c 'whoami && id'\n       gosu 1000:1 id\n\ngosu version: 1.17 (go1.18.2 on linux/amd64; gc)\ngosu license: Apache-2.0 (full text at https://github.com/tianon/gosu)\n\n",
    );
    await c.kill(9);
    await c.wait();
  });
});
