/**
 * redis-server and redis-cli in the bundled redis:alpine image, as
 * `docker run -d redis` runs them (the entrypoint drops to the redis user
 * with gosu). Expected texts come from Redis 7.4.1's sources (server.c,
 * rdb.c, aof.c, redis-cli.c) and the logs of the real image.
 */
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../platform/node/index.ts';
import { testbed } from '../../../test/support/testbed.ts';

const TS = '\\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{3}';
/** The log with timestamps replaced by "<ts>", for comparison. */
const normal = (log: string) => log.replace(new RegExp(TS, 'g'), '<ts>').replace(/signal-handler \(\d+\)/g, 'signal-handler (<t>)');

describe('redis-server', () => {
  it('starts as the real image does and answers redis-cli', async () => {
    const bed = await testbed(nodePlatform(), 'redis', 'alpine');
    const c = await bed.run();
    await c.waitForLog('Ready to accept connections tcp');
    expect(normal(c.logs())).toBe(
      [
        "1:C <ts> # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
        '1:C <ts> * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:C <ts> * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started',
        '1:C <ts> # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        '1:M <ts> * monotonic clock: POSIX clock_gettime',
        '1:M <ts> * Running mode=standalone, port=6379.',
        '1:M <ts> * Server initialized',
        '1:M <ts> * Ready to accept connections tcp',
        '',
      ].join('\n'),
    );
    // gosu made it the redis user; it titles itself as Redis does.
    expect((await c.exec(['ps', '-o', 'pid,user,args'])).out.split('\n')[1]).toBe('    1 redis    redis-server *:6379');
    const cli = (...args: string[]) => c.exec(['redis-cli', ...args]);
    expect(await cli('PING')).toEqual({ out: 'PONG\n', err: '', code: 0 });
    expect(await cli('SET', 'greeting', 'hello world')).toEqual({ out: 'OK\n', err: '', code: 0 });
    expect((await cli('GET', 'greeting')).out).toBe('hello world\n');
    expect((await cli('INCR', 'n')).out).toBe('1\n');
    expect((await cli('--no-raw', 'INCRBY', 'n', '41')).out).toBe('(integer) 42\n');
    expect((await cli('--no-raw', 'GET', 'greeting')).out).toBe('"hello world"\n');
    expect((await cli('--no-raw', 'GET', 'nope')).out).toBe('(nil)\n');
    expect((await cli('RPUSH', 'l', 'a', 'b', 'c')).out).toBe('3\n');
    expect((await cli('--no-raw', 'LRANGE', 'l', '0', '-1')).out).toBe('1) "a"\n2) "b"\n3) "c"\n');
    expect((await cli('LRANGE', 'l', '0', '-1')).out).toBe('a\nb\nc\n');
    expect((await cli('--no-raw', 'LRANGE', 'none', '0', '-1')).out).toBe('(empty array)\n');
    expect((await cli('--no-raw', 'GET', 'l')).out).toBe('(error) WRONGTYPE Operation against a key holding the wrong kind of value\n');
    expect((await cli('--no-raw', 'FOO', 'a', 'b')).out).toBe("(error) ERR unknown command 'FOO', with args beginning with: 'a' 'b' \n");
    expect((await cli('--no-raw', 'GET')).out).toBe("(error) ERR wrong number of arguments for 'get' command\n");
    expect((await cli('--no-raw', 'HSET', 'h', 'f1', 'v1', 'f2', 'v2')).out).toBe('(integer) 2\n');
    expect((await cli('--no-raw', 'HGETALL', 'h')).out).toBe('1) "f1"\n2) "v1"\n3) "f2"\n4) "v2"\n');
    expect((await cli('--no-raw', 'SADD', 's', '3', '1', '2')).out).toBe('(integer) 3\n');
    expect((await cli('--no-raw', 'SMEMBERS', 's')).out).toBe('1) "1"\n2) "2"\n3) "3"\n');
    expect((await cli('--no-raw', 'TYPE', 'h')).out).toBe('hash\n');
    expect((await cli('--no-raw', 'KEYS', '*e*')).out).toBe('1) "greeting"\n');
    expect((await cli('--no-raw', 'DBSIZE')).out).toBe('(integer) 5\n');
    expect((await cli('--no-raw', 'CONFIG', 'GET', 'dir')).out).toBe('1) "dir"\n2) "/data"\n');
    expect((await cli('--no-raw', 'CONFIG', 'GET', 'save')).out).toBe('1) "save"\n2) "3600 1 300 100 60 10000"\n');
    expect((await cli('SET', 'k', 'v', 'EX', '100')).out).toBe('OK\n');
    expect((await cli('TTL', 'k')).out).toBe('100\n');
    expect((await cli('INFO', 'server')).out).toMatch(/^# Server\r\nredis_version:7\.4\.1\r\n/);
    expect(await c.exec(['redis-cli', '-p', '6380', 'PING'])).toEqual({ out: '', err: 'Could not connect to Redis at 127.0.0.1:6380: Connection refused\n', code: 1 });
    await c.kill(15);
    expect(await c.wait()).toBe(0);
    expect(normal(c.logs()).split('\n').slice(8).join('\n')).toBe(
      [
        '1:signal-handler (<t>) Received SIGTERM scheduling shutdown...',
        '1:M <ts> * User requested shutdown...',
        '1:M <ts> * Saving the final RDB snapshot before exiting.',
        '1:M <ts> * DB saved on disk',
        '1:M <ts> # Redis is now ready to exit, bye bye...',
        '',
      ].join('\n'),
    );
  });

  it('keeps its data across a restart in /data/dump.rdb', async () => {
    const bed = await testbed(nodePlatform(), 'redis', 'alpine');
    const first = await bed.run();
    await first.waitForLog('Ready to accept connections tcp');
    expect((await first.exec(['redis-cli', 'SET', 'visits', '41'])).out).toBe('OK\n');
    expect((await first.exec(['redis-cli', 'RPUSH', 'queue', 'a', 'b'])).out).toBe('2\n');
    expect((await first.exec(['redis-cli', 'HSET', 'user:1', 'name', 'Ada'])).out).toBe('1\n');
    expect((await first.exec(['redis-cli', 'SAVE'])).out).toBe('OK\n');
    expect(normal(first.logs())).toContain('1:M <ts> * DB saved on disk\n');
    const ls = await first.exec(['ls', '-ln', '/data']);
    expect(ls.out).toMatch(/-rw-------\s+1 999\s+1000\s+\d+ .* dump\.rdb\n/);
    // The file is a real RDB: magic, version 12, aux fields.
    const head = await first.exec(['head', '-c', '9', '/data/dump.rdb']);
    expect(head.out).toBe('REDIS0012');
    await first.kill(9);
    await first.wait();

    const second = await bed.run();
    await second.waitForLog('Ready to accept connections tcp');
    expect(normal(second.logs())).toMatch(
      /1:M <ts> \* Server initialized\n1:M <ts> \* Loading RDB produced by version 7\.4\.1\n1:M <ts> \* RDB age \d+ seconds\n1:M <ts> \* RDB memory usage when created 0\.\d\d Mb\n1:M <ts> \* Done loading RDB, keys loaded: 3, keys expired: 0\.\n1:M <ts> \* DB loaded from disk: 0\.\d{3} seconds\n1:M <ts> \* Ready to accept connections tcp\n$/,
    );
    expect((await second.exec(['redis-cli', 'INCR', 'visits'])).out).toBe('42\n');
    expect((await second.exec(['redis-cli', 'LRANGE', 'queue', '0', '-1'])).out).toBe('a\nb\n');
    expect((await second.exec(['redis-cli', 'HGET', 'user:1', 'name'])).out).toBe('Ada\n');
    await second.kill(15);
    expect(await second.wait()).toBe(0);

    const third = await bed.run();
    await third.waitForLog('Ready to accept connections tcp');
    expect((await third.exec(['redis-cli', 'GET', 'visits'])).out).toBe('42\n');
    await third.kill(9);
    await third.wait();
  });

  it('saves in the background: BGSAVE forks a child that logs as one', async () => {
    const bed = await testbed(nodePlatform(), 'redis', 'alpine');
    const c = await bed.run(['redis-server', '--save', '1 1']);
    await c.waitForLog('Ready to accept connections tcp');
    expect(normal(c.logs())).toContain('1:C <ts> * Configuration loaded\n');
    expect((await c.exec(['redis-cli', 'CONFIG', 'GET', 'save'])).out).toBe('save\n1 1\n');
    expect((await c.exec(['redis-cli', 'SET', 'a', '1'])).out).toBe('OK\n');
    // The save rule "1 1": a change and more than a second since the last save.
    await c.waitForLog(/Background saving terminated with success\n/, 5000);
    expect(normal(c.logs())).toMatch(
      /1:M <ts> \* 1 changes in 1 seconds\. Saving\.\.\.\n1:M <ts> \* Background saving started by pid (\d+)\n\1:C <ts> \* DB saved on disk\n\1:C <ts> \* Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB\n1:M <ts> \* Background saving terminated with success\n/,
    );
    expect((await c.exec(['redis-cli', 'BGSAVE'])).out).toBe('Background saving started\n');
    expect((await c.exec(['redis-cli', 'INFO', 'persistence'])).out).toMatch(/rdb_last_bgsave_status:ok\r\n/);
    await c.kill(9);
    await c.wait();
  });

  it('writes and replays an append-only file with --appendonly yes', async () => {
    const bed = await testbed(nodePlatform(), 'redis', 'alpine');
    const first = await bed.run(['redis-server', '--appendonly', 'yes']);
    await first.waitForLog('Ready to accept connections tcp');
    expect(normal(first.logs())).toMatch(/1:M <ts> \* Server initialized\n1:M <ts> \* Creating AOF base file appendonly\.aof\.1\.base\.rdb on server start\n1:M <ts> \* Creating AOF incr file appendonly\.aof\.1\.incr\.aof on server start\n1:M <ts> \* Ready to accept connections tcp\n$/);
    await first.exec(['redis-cli', 'SET', 'a', 'one']);
    await first.exec(['redis-cli', 'RPUSH', 'l', 'x', 'y']);
    await first.exec(['redis-cli', 'SET', 'tmp', 'v', 'EX', '1000']);
    await new Promise((r) => setTimeout(r, 150));
    expect((await first.exec(['ls', '/data/appendonlydir'])).out).toBe('appendonly.aof.1.base.rdb\nappendonly.aof.1.incr.aof\nappendonly.aof.manifest\n');
    expect((await first.exec(['cat', '/data/appendonlydir/appendonly.aof.manifest'])).out).toBe('file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    const incr = (await first.exec(['cat', '/data/appendonlydir/appendonly.aof.1.incr.aof'])).out;
    expect(incr.startsWith('*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$3\r\none\r\n*4\r\n$5\r\nRPUSH\r\n')).toBe(true);
    expect(incr).toMatch(/\*5\r\n\$3\r\nSET\r\n\$3\r\ntmp\r\n\$1\r\nv\r\n\$4\r\nPXAT\r\n\$13\r\n\d{13}\r\n$/);
    await first.kill(9);
    await first.wait();

    const second = await bed.run(['redis-server', '--appendonly', 'yes']);
    await second.waitForLog('Ready to accept connections tcp');
    expect(normal(second.logs())).toMatch(
      /1:M <ts> \* Server initialized\n1:M <ts> \* Reading RDB base file on AOF loading\.\.\.\n1:M <ts> \* Loading RDB produced by version 7\.4\.1\n(.*\n){2}1:M <ts> \* Done loading RDB, keys loaded: 0, keys expired: 0\.\n1:M <ts> \* DB loaded from base file appendonly\.aof\.1\.base\.rdb: 0\.\d{3} seconds\n1:M <ts> \* DB loaded from incr file appendonly\.aof\.1\.incr\.aof: 0\.\d{3} seconds\n1:M <ts> \* DB loaded from append only file: 0\.\d{3} seconds\n1:M <ts> \* Opening AOF incr file appendonly\.aof\.1\.incr\.aof on server start\n1:M <ts> \* Ready to accept connections tcp\n$/,
    );
    expect((await second.exec(['redis-cli', 'GET', 'a'])).out).toBe('one\n');
    expect((await second.exec(['redis-cli', 'LRANGE', 'l', '0', '-1'])).out).toBe('x\ny\n');
    expect(Number((await second.exec(['redis-cli', 'TTL', 'tmp'])).out)).toBeGreaterThan(990);
    await second.kill(9);
    await second.wait();
  });

  it('refuses bad options with the fatal config report, and a port in use', async () => {
    const bed = await testbed(nodePlatform(), 'redis', 'alpine');
    const c = await bed.run(['redis-server', '--port', '6379']);
    await c.waitForLog('Ready to accept connections tcp');
    expect(await c.exec(['redis-server', '--bogus', 'yes'], { uid: 999 })).toEqual({
      out: '',
      err: "\n*** FATAL CONFIG FILE ERROR (Redis 7.4.1) ***\nReading the configuration file, at line 2\n>>> 'bogus \"yes\"'\nBad directive or wrong number of arguments\n",
      code: 1,
    });
    expect((await c.exec(['redis-server', '--appendonly', 'maybe'])).err).toContain("argument must be 'yes' or 'no'\n");
    const busy = await c.exec(['redis-server'], { uid: 999 });
    expect(busy.code).toBe(1);
    expect(normal(busy.out).split('\n').slice(-3)).toEqual([
      expect.stringMatching(/^\d+:M <ts> # Warning: Could not create server TCP listening socket \*:6379: bind: Address in use$/),
      expect.stringMatching(/^\d+:M <ts> # Failed listening on port 6379 \(tcp\), aborting\.$/),
      '',
    ]);
    expect(await c.exec(['redis-server', '--version'])).toEqual({ out: 'Redis server v=7.4.1 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=3a1b4fdf69fc5ec6\n', err: '', code: 0 });
    expect(await c.exec(['redis-cli', '--version'])).toEqual({ out: 'redis-cli 7.4.1\n', err: '', code: 0 });
    // Commands from a pipe, one per line, raw replies.
    expect(await c.exec(['redis-cli'], { stdin: 'SET x 10\nINCR x\nGET nothing\nLPUSH x 1\n' })).toEqual({
      out: 'OK\n11\n\nWRONGTYPE Operation against a key holding the wrong kind of value\n\n',
      err: '',
      code: 0,
    });
    await c.kill(9);
    await c.wait();
  });

  it('talks to a terminal as redis-cli does, and shows the logo on one', async () => {
    const bed = await testbed(nodePlatform(), 'redis', 'alpine');
    const c = await bed.run(undefined, { tty: true });
    await c.waitForLog('Ready to accept connections tcp');
    expect(c.logs()).toContain('Redis Community Edition');
    expect(c.logs()).toMatch(/\|`-\._`-\.\.\.-` __\.\.\.-\.``-\._\|'` _\.-'\|     Port: 6379\r?\n/);
    const session = await c.exec(['redis-cli'], { tty: true, stdin: 'SET name "Ada Lovelace"\nGET name\nHGETALL nothing\nSELECT 1\nGET name\nSHUTDOWN NOSAVE\n' });
    // The line editor redraws each typed-ahead line after its prompt; the replies follow on their own lines.
    const screen = session.out.replace(/\r/g, '').replace(/\x1b\[\d*[A-Za-z]/g, '');
    expect(screen).toContain('127.0.0.1:6379> SET name "Ada Lovelace"');
    expect(screen).toContain('\nOK\n127.0.0.1:6379> GET name');
    expect(screen).toContain('\n"Ada Lovelace"\n127.0.0.1:6379> HGETALL nothing');
    expect(screen).toContain('\n(empty array)\n127.0.0.1:6379> SELECT 1');
    expect(screen).toContain('\nOK\n127.0.0.1:6379[1]> GET name');
    expect(screen).toContain('\n(nil)\n127.0.0.1:6379[1]> SHUTDOWN NOSAVE');
    expect(await c.wait()).toBe(0);
    expect(c.logs()).not.toContain('Saving the final RDB snapshot');
  });
});

