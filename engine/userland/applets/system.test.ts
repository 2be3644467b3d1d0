/**
 * The system applets: env, id, date, ps, top, kill, free, mount, stty…
 *
 * Where the output depends only on the arguments, Berth is compared with the
 * real busybox (test/differential.ts). Where it depends on the machine (ps,
 * free, uptime, hostname…), the format is checked against busybox's (the
 * expected texts below were printed by the real busybox) and the values
 * against the emulated kernel's state.
 */
import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../../common/bytes.ts';
import { nodePlatform } from '../../platform/node/index.ts';
import { Vfs } from '../../fs/vfs.ts';
import { hostPipe, mountKernelFilesystems } from '../../kernel/boot.ts';
import { loadImage } from '../../kernel/exec.ts';
import { Kernel } from '../../kernel/kernel.ts';
import { MountNamespace, PidNamespace } from '../../kernel/namespaces.ts';
import type { Tty } from '../../kernel/tty.ts';
import { bootHost, type Host } from '../host.ts';
import { resolveProgram } from '../programs.ts';
import { getoptLong } from '../lib/system-getopt.ts';
import { makeHumanReadable, smartUlltoa4, smartUlltoa5 } from '../lib/system-format.ts';
import { muslQsort } from '../lib/system-qsort.ts';
import { localTime, mkTime, strftime, strptime, timeZone, UTC } from '../lib/system-time.ts';
import { getSignum } from '../lib/system-signals.ts';
import { berth, haveBusybox, real, type CommandCase } from '../../../test/differential.ts';

// ---- compared with the real busybox ------------------------------------------------

const exe = (content = 'x\n') => ({ content, mode: 0o755 });
const DIFFERENTIAL: [string[], CommandCase?][] = [
  [['env', '-i', 'A=1', 'B=2']],
  [['env', '-i', '-0', 'A=1', 'B=2']],
  [['env', '-', 'A=1', 'B=x=y']],
  [['env', '-i', '-u', 'A', 'B=2']],
  [['env', '-i', 'A=1', '-u', 'A']],
  [['env', '-i', 'nosuch-program']],
  [['env', '-i', './data'], { files: { data: 'not a program\n' } }],
  [['env', '-x']],
  [['id', '-u']],
  [['id', '-g']],
  [['id', '-un']],
  [['id', '-gn']],
  [['id', '-ur']],
  [['id', 'root']],
  [['id', '-u', 'daemon']],
  [['id', '-Gn', 'root']],
  [['id', 'nosuchuser']],
  [['id', '-n']],
  [['id', '-ug']],
  [['id', '-r']],
  [['id', 'root', 'daemon']],
  [['whoami']],
  [['whoami', 'extra']],
  [['groups', 'root']],
  [['uname']],
  [['uname', '-s']],
  [['uname', '-m']],
  [['uname', '-sm']],
  [['uname', '--kernel-name']],
  [['uname', '-x']],
  [['uname', 'extra']],
  [['arch']],
  [['date', '-u', '-d', '@1700000000']],
  [['date', '-u', '-d', '@0', '-R']],
  [['date', '-u', '-d', '@0', '-I']],
  [['date', '-u', '-d', '@1700000000', '-Iseconds']],
  [['date', '-u', '-d', '@1700000000', '-Iminutes']],
  [['date', '-u', '-d', '@1700000000', '-Ihours']],
  [['date', '-u', '-d', '@1700000000', '-Ins']],
  [['date', '-u', '-d', '2024-02-29 13:45:10', '+%Y-%m-%d %H:%M:%S %j %a %A %b %B']],
  [['date', '-u', '-d', '10:30', '+%H:%M:%S']],
  [['date', '-u', '-d', '2024-01-15', '+%s']],
  [['date', '-u', '-d', '2024-01-15 07', '+%F %T']],
  [['date', '-u', '-d', 'Jan 15 10:30:00 2024']],
  [['date', '-u', '-d', '202401151030.45', '+%F %T']],
  [['date', '-u', '-d', '2024.01.15-10:30:45']],
  [['date', '-u', '-d', '01.15-10:30', '+%m-%d %H:%M']],
  [['date', '-u', '-d', '2024-02-31', '+%F']],
  [['date', '-u', '-d', '@1700000000', '+%c|%x|%X|%r|%D|%e|%C|%g|%G|%V|%U|%W|%u|%w|%h|%p|%I|%s|%y|%%']],
  [['date', '-u', '-d', '@1700000000', '+%-d %_m %05Y|%-j|%_H|%0e|%n|%t|']],
  [['date', '-u', '-D', '%d/%m/%Y', '-d', '15/01/2024', '+%F']],
  [['date', '-u', '-d', 'nonsense']],
  [['date', '-u', '-d', '@1x']],
  [['date', '-u', '-d', '1399']],
  [['date', '-d', '@1', '-s', '@2']],
  [['date', '-R', '-I']],
  [['date', '-Ifortnights']],
  [['date', '-u', '-d', '@0', '+']],
  [['date', '-u', '-r', 'f', '+%Y'], { files: { f: '' } }],
  [['date', '-u', '-r', 'missing']],
  [['date', '-u', '+%Y', 'extra', 'args']],
  [['kill', '-l', '9']],
  [['kill', '-l', 'KILL']],
  [['kill', '-l', '130']],
  [['kill', '-l', 'sigterm', 'HUP', '0']],
  [['kill', '-l', 'FOO']],
  [['kill']],
  [['kill', '-9']],
  [['kill', '-FOO', '1']],
  [['kill', 'abc']],
  [['kill', '999999']],
  [['kill', '-s', 'KILL', '999999']],
  [['kill', '-0', '999999']],
  [['killall', 'nosuchprocname']],
  [['killall', '-q', 'nosuchprocname']],
  [['killall']],
  [['pidof', 'nosuchprocname']],
  [['free', '-x']],
  [['which', 'prog'], { files: { prog: exe() }, env: { PATH: '/nonexistent:.' } }],
  [['which', '-a', 'prog'], { files: { prog: exe() }, env: { PATH: '.:/nonexistent:.' } }],
  [['which', 'prog', 'nosuch'], { files: { prog: exe() }, env: { PATH: '.' } }],
  [['which', './prog', './data'], { files: { prog: exe(), data: 'x' } }],
  [['which', 'data'], { files: { data: 'x' }, env: { PATH: '.' } }],
  [['which']],
  [['tty']],
  [['usleep', '1000']],
  [['usleep', 'abc']],
  [['usleep']],
  [['clear']],
  [['reset']],
  [['stty']],
  [['stty', '-a', '-g']],
  [['stty', 'foo']],
  [['stty', '12345']],
  [['sysctl', 'kernel.ostype']],
  [['sysctl', '-n', 'kernel.ostype']],
  [['sysctl', 'kernel/ostype']],
  [['sysctl', 'no.such.key']],
  [['sysctl', '-e', 'no.such.key']],
  [['sysctl', '-w', 'kernel.ostype']],
  [['mount', '-t', 'nosuchfstype']],
  [['umount']],
  [['umount', '/nonexistent-dir']],
  [['timeout', '5', 'echo', 'hi']],
  [['timeout', '-s', 'FOO', '1', 'true']],
  [['timeout', '1']],
  [['timeout', '2', 'false']],
  [['timeout', '1', 'nosuchprog']],
  [['su', '-s', '/bin/echo', 'root', 'hello']],
  [['su', 'nosuchuser']],
  [['ps', '-o', 'nosuch']],
  [['ps', '-x']],
  [['hostname', '-x']],
  [['nproc', '--bogus']],
];

describe.skipIf(!haveBusybox)('system applets match busybox', () => {
  for (const [argv, c] of DIFFERENTIAL) {
    it(argv.join(' '), async () => {
      const want = real(argv, c);
      const got = await berth(argv, c);
      expect({ stdout: got.stdout, code: got.code }).toEqual({ stdout: want.stdout, code: want.code });
    });
  }
});

// ---- on an emulated host -----------------------------------------------------------

let shared: Host | undefined;
const host = () => (shared ??= bootHost(nodePlatform()));
const run = (argv: string[], opts: Parameters<Host['exec']>[1] = {}) => host().exec(argv, { uid: 0, ...opts });
const sleepMs = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, ms = 8000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await sleepMs(10);
  }
}

/** Runs argv on a terminal of its own (or `tty`); `drive` may type at it while it runs. */
async function onTty(argv: string[], options: { tty?: Tty; uid?: number; env?: Record<string, string>; drive?: (tty: Tty, output: () => string) => Promise<void> } = {}) {
  const h = host();
  const tty = options.tty ?? h.machine.kernel.createPty();
  let out = '';
  tty.onOutput((b) => (out += fromUtf8(b)));
  const { ended, process } = h.attach(argv, tty, { uid: options.uid ?? 0, env: options.env });
  if (options.drive) await options.drive(tty, () => out);
  const status = await ended;
  return { out, status, tty, process };
}

const STTY_DEFAULT = `speed 38400 baud; line = 0;
intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>;
eol2 = <undef>; swtch = <undef>; start = ^Q; stop = ^S; susp = ^Z; rprnt = ^R;
werase = ^W; lnext = ^V; flush = ^O; min = 1; time = 0;
-brkint -imaxbel
`;
const STTY_ALL = `speed 38400 baud; rows 24; columns 80; line = 0;
intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>;
eol2 = <undef>; swtch = <undef>; start = ^Q; stop = ^S; susp = ^Z; rprnt = ^R;
werase = ^W; lnext = ^V; flush = ^O; min = 1; time = 0;
-parenb -parodd -cmspar cs8 -hupcl -cstopb cread -clocal -crtscts
-ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr icrnl ixon -ixoff
-iuclc -ixany -imaxbel -iutf8
opost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0
isig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt
echoctl echoke -flusho -extproc
`;
const STTY_RAW_ALL = `speed 38400 baud; rows 24; columns 80; line = 0;
intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>;
eol2 = <undef>; swtch = <undef>; start = ^Q; stop = ^S; susp = ^Z; rprnt = ^R;
werase = ^W; lnext = ^V; flush = ^O; min = 1; time = 0;
-parenb -parodd -cmspar cs8 -hupcl -cstopb cread -clocal -crtscts
-ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr -icrnl -ixon
-ixoff -iuclc -ixany -imaxbel -iutf8
-opost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0
ff0
-isig -icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt
echoctl echoke -flusho -extproc
`;
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

describe('identity: id, groups, whoami, su', () => {
  it('id shows the learner with the docker group', async () => {
    expect((await run(['id'], { uid: 1000 })).stdout).toBe('uid=1000(learner) gid=1000(learner) groups=1000(learner),999(docker)\n');
    expect((await run(['id', '-G'], { uid: 1000 })).stdout).toBe('1000 999\n');
    expect((await run(['id', '-Gn'], { uid: 1000 })).stdout).toBe('learner docker\n');
    expect((await run(['groups'], { uid: 1000 })).stdout).toBe('learner docker\n');
    expect((await run(['id', 'learner'])).stdout).toBe('uid=1000(learner) gid=1000(learner) groups=1000(learner),999(docker)\n');
    expect((await run(['id'])).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
  });

  it('id prints numbers without names, and -n complains about them', async () => {
    const r = await run(['id'], { uid: 4242, gid: 4242, groups: [4242] });
    expect(r.stdout).toBe('uid=4242 gid=4242 groups=4242\n');
    const n = await run(['id', '-un'], { uid: 4242, gid: 4242, groups: [] });
    expect(n).toMatchObject({ stdout: '4242\n', stderr: 'id: unknown ID 4242\n', code: 1 });
    expect(await run(['whoami'], { uid: 4242, gid: 4242 })).toMatchObject({ stdout: '', stderr: 'whoami: unknown uid 4242\n', code: 1 });
  });

  it('options may follow operands, as getopt_long permutes them', async () => {
    expect((await run(['id', 'learner', '-u'])).stdout).toBe('1000\n');
    expect((await run(['date', '+%Y', '-u', '-d', '@0'])).stdout).toBe('1970\n');
  });

  it('su runs a program as another user, with that user\'s environment', async () => {
    expect((await run(['su', '-s', '/bin/id', 'learner'])).stdout).toBe('uid=1000(learner) gid=1000(learner) groups=1000(learner),999(docker)\n');
    const env = await run(['su', '-s', '/bin/env', 'learner'], { env: { FOO: 'kept', USER: 'root', HOME: '/root' } });
    expect(env.stdout).toContain('FOO=kept\n');
    expect(env.stdout).toContain('USER=learner\n');
    expect(env.stdout).toContain('HOME=/home/learner\n');
    expect(env.stdout).toContain('SHELL=/bin/env\n');
  });

  it('su - gives a login shell ("-env" here): a clean environment, in the home directory', async () => {
    const login = await run(['su', '-l', '-s', '/bin/env', 'learner'], { env: { FOO: 'dropped', TERM: 'vt100' } });
    expect(login.stdout).toBe('TERM=vt100\nPATH=/bin:/usr/bin\nUSER=learner\nLOGNAME=learner\nHOME=/home/learner\nSHELL=/bin/env\n');
    expect((await run(['su', '-', '-s', '/bin/pwd', 'learner'])).stdout).toBe('/home/learner\n');
  });

  it('su as a user asks for the password and refuses', async () => {
    const r = await run(['su'], { uid: 1000, stdin: 'guess\n' });
    expect(r).toMatchObject({ stdout: 'Password: \n', stderr: 'su: incorrect password\n', code: 1 });
  });
});

describe('env and printenv', () => {
  it('printenv prints one variable or all of them', async () => {
    expect(await run(['printenv', 'HOME'])).toMatchObject({ stdout: '/home/learner\n', code: 0 });
    expect(await run(['printenv', 'HOME', 'NOPE', 'USER'])).toMatchObject({ stdout: '/home/learner\nlearner\n', code: 1 });
    const all = await run(['printenv'], { env: { ZZ: '1' } });
    expect(all.stdout.split('\n')).toContain('ZZ=1');
  });

  it('env runs the program in place of itself, found on the new PATH', async () => {
    const r = await run(['env', 'PATH=/bin', 'printenv', 'PATH']);
    expect(r).toMatchObject({ stdout: '/bin\n', code: 0 });
    // without PATH, musl's default /usr/local/bin:/bin:/usr/bin is searched
    expect((await run(['env', '-i', 'printenv'])).stdout).toBe('');
    expect(await run(['env', '-i', '=x'])).toMatchObject({ stderr: 'env: putenv: Invalid argument\n', code: 1 });
  });
});

describe('uname, hostname, nproc', () => {
  it('uname -a names alpine\'s way', async () => {
    expect((await run(['uname', '-a'])).stdout).toBe('Linux berth 6.6.87-berth #1 SMP PREEMPT_DYNAMIC Berth x86_64 Linux\n');
    expect((await run(['uname', '-o'])).stdout).toBe('Linux\n');
    expect((await run(['uname', '-p', '-i'])).stdout).toBe('unknown unknown\n');
    expect((await run(['uname', '-nr'])).stdout).toBe('berth 6.6.87-berth\n');
  });

  it('hostname shows and (as root only) sets the name', async () => {
    const h = bootHost(nodePlatform());
    expect((await h.exec(['hostname'])).stdout).toBe('berth\n');
    expect(await h.exec(['hostname', 'other'])).toMatchObject({ stderr: 'hostname: sethostname: Operation not permitted\n', code: 1 });
    expect(await h.exec(['hostname', 'box.example.org'], { uid: 0 })).toMatchObject({ code: 0 });
    expect((await h.exec(['hostname'])).stdout).toBe('box.example.org\n');
    expect((await h.exec(['hostname', '-s'])).stdout).toBe('box\n');
    expect((await h.exec(['uname', '-n'])).stdout).toBe('box.example.org\n');
    // A bare host has no uplink: a nameserver it has no route to fails at once (127.0.0.1, the default, would wait 2 × 5 s).
    h.writeFile('/etc/resolv.conf', 'nameserver 192.0.2.1\n');
    expect(await h.exec(['hostname', '-f'])).toMatchObject({ stderr: 'hostname: box.example.org: Host not found\n', code: 1 });
  });

  it('hostname -i, -f and -d look in /etc/hosts', async () => {
    const h = bootHost(nodePlatform());
    expect((await h.exec(['hostname', '-i'])).stdout).toBe('127.0.1.1\n');
    h.writeFile('/etc/hosts', '127.0.0.1 localhost\n10.0.0.5 web.example.org berth # mine\n10.0.0.6 berth\n');
    expect((await h.exec(['hostname', '-i'])).stdout).toBe('10.0.0.5 10.0.0.6\n');
    expect((await h.exec(['hostname', '-f'])).stdout).toBe('web.example.org\n');
    expect((await h.exec(['hostname', '-d'])).stdout).toBe('example.org\n');
    expect((await h.exec(['dnsdomainname'])).stdout).toBe('example.org\n');
  });

  it('nproc counts the CPUs the process may use', async () => {
    expect((await run(['nproc'])).stdout).toBe('2\n');
    expect((await run(['nproc', '--ignore=1'])).stdout).toBe('1\n');
    expect((await run(['nproc', '--ignore=5'])).stdout).toBe('1\n');
  });
});

describe('date', () => {
  it('prints now in the default format, in UTC', async () => {
    const before = Math.floor(Date.now() / 1000);
    const r = await run(['date', '+%s']);
    const t = Number(r.stdout);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(before + 5);
    expect((await run(['date'])).stdout).toMatch(/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 123]\d \d\d:\d\d:\d\d UTC \d{4}\n$/);
  });

  it('uses musl\'s strftime: no %k, %l, %P or %N, and output stops at an unknown conversion', async () => {
    expect((await run(['date', '-u', '-d', '@3600', '+a %H b %k c'])).stdout).toBe('a 01 b \n');
    expect((await run(['date', '-u', '-d', '@3600', '+%N'])).stdout).toBe('\n');
    expect((await run(['date', '-u', '-d', '@3600', '+%P'])).stdout).toBe('\n');
    expect((await run(['date', '-u', '-d', '@0', '+50%'])).stdout).toBe('50\n');
  });

  it('follows TZ written as a POSIX offset', async () => {
    expect((await run(['date', '-d', '@0', '+%H:%M %Z %z'], { env: { TZ: 'JST-9' } })).stdout).toBe('09:00 JST +0900\n');
    expect((await run(['date', '-d', '@0', '+%H:%M %Z %z'], { env: { TZ: '<+0530>-5:30' } })).stdout).toBe('05:30 +0530 +0530\n');
    expect((await run(['date', '-u', '-d', '@0', '+%H %Z'], { env: { TZ: 'JST-9' } })).stdout).toBe('00 UTC\n');
    // zone files need /usr/share/zoneinfo, which is not there: UTC
    expect((await run(['date', '-d', '@0', '+%H %Z'], { env: { TZ: 'Europe/Paris' } })).stdout).toBe('00 UTC\n');
  });

  it('cannot set the clock (it is the host\'s), but shows the time it was given', async () => {
    const r = await run(['date', '-u', '-s', '2024-01-01 00:00:00']);
    expect(r).toMatchObject({ stdout: 'Mon Jan  1 00:00:00 UTC 2024\n', stderr: "date: can't set date: Operation not permitted\n", code: 0 });
    const compat = await run(['date', '-u', '010203042024']);
    expect(compat.stdout).toBe('Tue Jan  2 03:04:00 UTC 2024\n');
    expect(await run(['date', '-u', '0102030'])).toMatchObject({ stderr: "date: invalid date '0102030'\n", code: 1 });
  });

  it('strptime formats need no %z (musl has none), and reject numbers with blanks', async () => {
    expect(await run(['date', '-u', '-d', '2024-01-15 10:30 +0200'])).toMatchObject({ code: 1, stderr: "date: invalid date '2024-01-15 10:30 +0200'\n" });
    expect(await run(['date', '-u', '-d', '2024-01- 5'])).toMatchObject({ code: 1 });
  });
});

describe('lib: time, numbers, options, sorting', () => {
  it('strptime and mktime agree with busybox', () => {
    const tm = localTime(0, UTC);
    expect(strptime('2024-02-29 23:59:60', '%Y-%m-%d %T', tm)).toBe(19);
    expect(mkTime(tm, UTC)).toBe(Date.UTC(2024, 2, 1) / 1000);
    expect(strptime(' 5', '%d', localTime(0, UTC))).toBeUndefined();
    expect(strptime('march 5', '%B %d', tm)).toBe(7);
    expect(tm.mon).toBe(2);
    expect(strptime('25:00', '%R', localTime(0, UTC))).toBeUndefined();
    expect(timeZone(['TZ=EST5EDT'])).toEqual({ name: 'EST', gmtoff: -18000 });
  });

  it('strftime pads and widens as musl does', () => {
    const tm = localTime(Date.UTC(987, 0, 5) / 1000, UTC);
    expect(strftime('%Y|%5Y|%_d|%-d|%e|%C|%10d|%j', tm)).toBe('0987|00987| 5|5| 5|09|05|005');
    expect(strftime('%G-W%V-%u', localTime(Date.UTC(2021, 0, 3) / 1000, UTC))).toBe('2020-W53-7');
  });

  it('compact numbers are busybox\'s (values from the C code)', () => {
    const rows: [number, string, string, string][] = [
      [980, ' 980', '  980', '980'],
      [1024, '1024', ' 1024', '1.0K'],
      [10000, '9.7m', '10000', '9.8K'],
      [12345, ' 12m', '12345', '12.1K'],
      [100000, ' 97m', '97.6m', '97.7K'],
      [123456, '120m', ' 120m', '120.6K'],
      [4194304, '4.0g', '4096m', '4.0M'],
      [25000000000, ' 23t', '23.2t', '23.3G'],
    ];
    for (const [v, four, five, human] of rows) expect([smartUlltoa4(v), smartUlltoa5(v), makeHumanReadable(v, 1, 0)]).toEqual([four, five, human]);
    expect(makeHumanReadable(999999, 1, 1 << 20)).toBe('1');
  });

  it('getopt_long permutes unless told not to, and takes unique prefixes of long options', () => {
    const r = getoptLong(['x', 'a', '-b', 'c', '--verb', '-d1'], 'bd:', { verbose: ['v', 0] });
    expect('error' in r ? r.error : [r.seen, r.operands]).toEqual([[{ option: 'b' }, { option: 'v' }, { option: 'd', value: '1' }], ['a', 'c']]);
    const plus = getoptLong(['x', 'a', '-b'], '+b');
    expect('error' in plus ? plus.error : plus.operands).toEqual(['a', '-b']);
    const opt = getoptLong(['x', '-I', '-Ins'], 'I::');
    expect('error' in opt ? opt.error : opt.seen).toEqual([{ option: 'I' }, { option: 'I', value: 'ns' }]);
    expect(getoptLong(['x', '--rfc'], '', { 'rfc-822': ['R', 0], 'rfc-2822': ['R', 0] })).toEqual({ error: 'option is ambiguous: rfc' });
    const dashdash = getoptLong(['x', 'a', '--', '-b'], 'b');
    expect('error' in dashdash ? dashdash.error : dashdash.operands).toEqual(['a', '-b']);
  });

  it('musl\'s qsort leaves equal elements where smoothsort puts them', () => {
    // order checked against musl 1.2.5's qsort compiled from its source
    const a = [2, 0, 2, 1, 0, 2, 1, 1].map((key, idx) => ({ key, idx }));
    muslQsort(a, (x, y) => x.key - y.key);
    expect(a.map((e) => e.key)).toEqual([0, 0, 1, 1, 1, 2, 2, 2]);
    const b = Array.from({ length: 50 }, (_, i) => (i * 37) % 11);
    const c = [...b];
    muslQsort(c, (x, y) => x - y);
    expect(c).toEqual([...b].sort((x, y) => x - y));
  });

  it('signal names are musl\'s: POLL for 29, realtime from 35', () => {
    expect([getSignum('POLL'), getSignum('io'), getSignum('RTMIN'), getSignum('RTMIN+2'), getSignum('RTMAX-1'), getSignum('SIGkill'), getSignum('64'), getSignum('65')]).toEqual([29, 29, 35, 37, 63, 9, 64, -1]);
  });
});

describe('processes: ps, pidof, kill, killall', () => {
  it('ps shows busybox\'s default columns', async () => {
    const r = await run(['ps']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('PID   USER     TIME  COMMAND');
    expect(lines[1]).toMatch(/^    1 root     ( \d|\d\d):\d\d \/sbin\/init$/);
    expect(lines.at(-2)).toMatch(/^ +\d+ root      0:00 ps$/);
    expect(lines.at(-1)).toBe('');
  });

  it('ps shows other users\' processes by name, and the command line with its arguments', async () => {
    const sleeper = run(['sleep', '5'], { uid: 1000 });
    await sleepMs(50);
    const r = await run(['ps']);
    const line = r.stdout.split('\n').find((l) => l.endsWith('sleep 5'));
    expect(line).toMatch(/^ +\d+ learner   0:00 sleep 5$/);
    const pid = Number(line!.trim().split(/ +/)[0]);
    expect((await run(['pidof', 'sleep'])).stdout).toBe(`${pid}\n`);
    expect(await run(['kill', String(pid)], { uid: 1000 })).toMatchObject({ code: 0 });
    expect((await sleeper).code).toBe(143);
    expect(await run(['kill', '1'], { uid: 1000 })).toMatchObject({ stderr: "kill: can't kill pid 1: Operation not permitted\n", code: 1 });
  });

  it('ps -o picks columns and headers', async () => {
    const r = await run(['ps', '-o', 'pid,ppid,pgid,sid,stat,comm,user,group,ruser,rgroup,nice,tty,vsz,rss,etime,time,args']);
    const [header, init] = r.stdout.split('\n');
    expect(header).toBe('PID   PPID  PGID  SID   STAT COMMAND          USER     GROUP    RUSER    RGROUP   NI    TT     VSZ  RSS  ELAPSED TIME  COMMAND');
    expect(init).toMatch(/^    1     0     1     1 S    init             root     root     root     root         0 \?      [ \d.mg]{4} [ \d.mg]{4} ( \d|\d\d):\d\d {3}( \d|\d\d):\d\d \/sbin\/init$/);
    expect((await run(['ps', '-o', 'pid=,comm='])).stdout.split('\n')[0]).toBe('    1 init');
    // a header widens its column
    expect((await run(['ps', '-o', 'pid=PROCESS,comm=NAME'])).stdout.split('\n').slice(0, 2)).toEqual(['PROCESS NAME', '      1 init']);
    expect(await run(['ps', '-o', 'bogus'])).toMatchObject({
      stderr: "ps: bad -o argument 'bogus', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,time,tty,vsz,sid,stat,rss\n",
      code: 1,
    });
    // "ps aux": words that are not options are ignored
    expect((await run(['ps', 'aux'])).stdout.split('\n')[0]).toBe('PID   USER     TIME  COMMAND');
  });

  it('ps shows a zombie as [name] with state Z, and a script as {name} interpreter script', async () => {
    const { kernel, init } = host().machine;
    const parent = kernel.createProcess(init);
    parent.handlers.clear(); // as exec would: init's SIGCHLD handler is not ours
    parent.image = Kernel.builtinImage(
      async (sys) => {
        await sys.spawn('/bin/true', { argv: ['true'], env: [] });
        await sys.sleep(1500);
        return 0;
      },
      'myscript',
      ['/bin/sh', '/tmp/myscript', 'arg'],
    );
    kernel.start(parent);
    await sleepMs(150);
    const r = await run(['ps', '-o', 'pid,ppid,stat,args']);
    expect(r.stdout).toContain(` ${parent.pid}     1 S    {myscript} /bin/sh /tmp/myscript arg\n`);
    expect(r.stdout).toMatch(new RegExp(`\\d+ +${parent.pid} Z    \\[true\\]\\n`));
    await parent.ended;
  });

  it('ps in a new pid namespace sees itself as PID 1', async () => {
    const h = host();
    const { kernel, init, vfs } = h.machine;
    const p = kernel.createProcess(init);
    const pidns = new PidNamespace(kernel.rootPid);
    for (const [ns, pid] of p.pids) ns.members.delete(pid);
    p.pids.clear();
    kernel.table.forEach((v, k) => v === p && kernel.table.delete(k));
    for (let n: PidNamespace | undefined = pidns; n; n = n.parent) p.pids.set(n, n.allocate(p));
    kernel.table.set(p.pids.get(kernel.rootPid)!, p);
    const rootfs = vfs.mountTable()[0]!.fs;
    const cvfs = new Vfs(rootfs);
    p.ns = { ...p.ns, pid: pidns, mnt: new MountNamespace(cvfs) };
    mountKernelFilesystems(kernel, cvfs, rootfs, p.ns);
    p.pgid = p.sid = 1;
    p.image = await loadImage(cvfs, { uid: 0, gid: 0, groups: [0] }, '/', '/bin/timeout', ['timeout', '5', 'ps'], ['PATH=/bin'], resolveProgram);
    const out = hostPipe(kernel, 'from-process');
    kernel.installFd(p, 1, out.processEnd);
    kernel.installFd(p, 2, out.processEnd);
    kernel.start(p);
    let text = '';
    for await (const chunk of out.chunks()) text += fromUtf8(chunk);
    await p.ended;
    // timeout became ps (PID 1); its watcher (PID 3) is still there; nothing of the host shows
    expect(text).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 ps\n    3 root      0:00 timeout 5 ps\n');
  });

  it('kill -l lists musl\'s signals, RTMIN and RTMAX included', async () => {
    const r = await run(['kill', '-l']);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([' 1) HUP', ' 2) INT', ' 3) QUIT']);
    expect(r.stdout.endsWith('29) POLL\n30) PWR\n31) SYS\n35) RTMIN\n64) RTMAX\n')).toBe(true);
    expect((await run(['kill', '-l', 'RTMIN', '35', '64'])).stdout).toBe('35\n35\n64\n');
  });

  it('kill sends chosen signals, to groups too; killall finds processes by name', async () => {
    const older = run(['sleep', '5']);
    await sleepMs(30);
    const newer = run(['sleep', '6']);
    await sleepMs(50);
    // pidof lists the newest first
    const pids = (await run(['pidof', 'sleep'])).stdout.trim().split(' ').map(Number);
    expect(pids.length).toBe(2);
    expect(pids[0]).toBeGreaterThan(pids[1]!);
    expect((await run(['pidof', '-s', 'sleep'])).stdout).toBe(`${pids[0]}\n`);
    expect((await run(['pidof', '-o', String(pids[0]), 'sleep'])).stdout).toBe(`${pids[1]}\n`);
    expect(await run(['kill', '-s', 'USR1', String(pids[1])])).toMatchObject({ code: 0 });
    expect((await older).code).toBe(128 + 10);
    expect(await run(['killall', '-KILL', 'sleep'])).toMatchObject({ code: 0, stderr: '' });
    expect((await newer).code).toBe(128 + 9);
    const g = run(['sleep', '5']);
    await sleepMs(50);
    const pid = Number((await run(['pidof', 'sleep'])).stdout);
    // host.exec makes each process a group leader: -PID is its group
    expect(await run(['kill', '-INT', `-${pid}`])).toMatchObject({ code: 0 });
    expect((await g).code).toBe(128 + 2);
  });

  it('timeout stops a program that runs too long, with the signal chosen', async () => {
    const start = Date.now();
    expect((await run(['timeout', '1', 'sleep', '5'])).code).toBe(143);
    expect(Date.now() - start).toBeLessThan(3000);
    expect((await run(['timeout', '-s', 'INT', '1', 'sleep', '5'])).code).toBe(130);
    expect((await run(['timeout', '3', 'sleep', '0.1'])).code).toBe(0);
  });
});

describe('memory and load: free, uptime, top', () => {
  async function meminfo(): Promise<Record<string, number>> {
    const text = (await run(['cat', '/proc/meminfo'])).stdout;
    return Object.fromEntries(text.trim().split('\n').map((l) => [l.split(':')[0]!, Number(/(\d+) kB/.exec(l)![1])]));
  }

  it('free computes its columns from /proc/meminfo', async () => {
    const r = await run(['free']);
    const m = await meminfo();
    const [head, mem, swap] = r.stdout.split('\n');
    expect(head).toBe('              total        used        free      shared  buff/cache   available');
    const cols = mem!.split(/ +/);
    expect(cols[0]).toBe('Mem:');
    const [total, used, free, shared, cache, available] = cols.slice(1).map(Number);
    expect(total).toBe(m.MemTotal);
    expect(free).toBe(m.MemFree);
    expect(shared).toBe(m.Shmem);
    expect(cache).toBe(m.Cached! + m.Buffers! + m.SReclaimable!);
    expect(available).toBe(m.MemAvailable);
    expect(used).toBe(total! - free! - cache!);
    expect(swap).toBe('Swap:             0           0           0');
    expect(mem).toMatch(/^Mem: {3}( {0,11}\d+){6}$/);
  });

  it('free -m, -g and -h scale as busybox does', async () => {
    const m = await meminfo();
    const mb = (await run(['free', '-m'])).stdout.split('\n')[1]!.split(/ +/);
    expect(Number(mb[1])).toBe(Math.floor((m.MemTotal! * 1024 + (1 << 19)) / (1 << 20)));
    expect((await run(['free', '-g'])).stdout.split('\n')[1]!.split(/ +/)[1]).toBe('4');
    expect((await run(['free', '-h'])).stdout.split('\n')[1]).toMatch(/^Mem: {11}4\.0G( +\d+\.\dM| +\d+\.\dG){5}$/);
  });

  it('uptime prints busybox\'s line', async () => {
    const r = await run(['uptime']);
    expect(r.stdout).toMatch(/^ \d\d:\d\d:\d\d up (\d+ min|[ \d]\d:\d\d),  load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d\n$/);
    const boot = (await run(['uptime', '-s'])).stdout;
    expect(boot).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n$/);
    const bootTime = Date.parse(boot.trim().replace(' ', 'T') + 'Z');
    expect(Math.abs(bootTime - host().machine.kernel.bootTime)).toBeLessThan(2500);
  });

  it('top -b prints the header lines and the process table in busybox\'s layout', async () => {
    const sleeper = run(['sleep', '3'], { uid: 1000 });
    await sleepMs(50);
    const r = await run(['top', '-b', '-n', '1']);
    const lines = r.stdout.split('\n');
    const mem = /^Mem: (\d+)K used, (\d+)K free, (\d+)K shrd, (\d+)K buff, (\d+)K cached$/.exec(lines[0]!);
    expect(mem).not.toBeNull();
    expect(Number(mem![1]) + Number(mem![2])).toBe(4194304);
    expect(lines[1]).toMatch(/^CPU:( {1,3}\d{1,3}% (usr|sys|nic|idle|io|irq|sirq)){7}$/);
    expect(lines[1]).toMatch(/^CPU:[ \d]{4}% usr[ \d]{4}% sys[ \d]{4}% nic[ \d]{4}% idle[ \d]{4}% io[ \d]{4}% irq[ \d]{4}% sirq$/);
    expect(lines[2]).toMatch(/^Load average: \d+\.\d\d \d+\.\d\d \d+\.\d\d \d+\/\d+ \d+$/);
    expect(lines[3]).toBe('  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND');
    const rows = lines.slice(4, -2);
    for (const row of rows) expect(row).toMatch(/^[ \d]{5} [ \d]{5} \S+ +[RSZT][ WN<]{2}  [ \d.mgt]{5}[ \d]{4}%   0[ \d]{4}% .+$/);
    expect(rows.some((l) => /^ +1 +0 root     S  /.test(l) && l.endsWith('% /sbin/init'))).toBe(true);
    expect(rows.some((l) => /learner  S  .*% sleep 3$/.test(l))).toBe(true);
    expect(rows.some((l) => l.endsWith('% top -b -n 1'))).toBe(true);
    expect(r.stdout.endsWith('\n\n')).toBe(true);
    await sleeper;
  });

  it('top -b -n 2 repeats after the delay; busy processes sort first', async () => {
    const start = Date.now();
    const r = await run(['top', '-bn2', '-d', '0.3']);
    expect(Date.now() - start).toBeGreaterThanOrEqual(300);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('Mem: ')).length).toBe(2);
    expect(await run(['top', '-d', 'x'])).toMatchObject({ code: 1, stderr: "top: invalid number 'x'\n" });
    expect(await run(['top', '-m'])).toMatchObject({ stdout: '\n', stderr: 'top: no process info in /proc\n' });
  });
});

describe('on a terminal: tty, stty, clear, reset, top, watch', () => {
  it('tty names the terminal; alpine\'s tty takes no -s', async () => {
    const r = await onTty(['tty']);
    expect(r.out).toMatch(/^\/dev\/pts\/\d+\r\n$/);
    const s = await onTty(['tty', '-s']);
    expect(s.out).toMatch(/^tty: ignoring all arguments\r\n\/dev\/pts\/\d+\r\n$/);
  });

  it('stty and stty -a print a new terminal\'s settings as busybox does', async () => {
    expect((await onTty(['stty'])).out).toBe(crlf(STTY_DEFAULT));
    expect((await onTty(['stty', '-a'])).out).toBe(crlf(STTY_ALL));
    expect((await onTty(['stty', 'size'])).out).toBe('24 80\r\n');
    expect((await onTty(['stty', 'size'], { env: { COLUMNS: '100' } })).out).toBe('24 100\r\n');
    expect((await onTty(['stty', 'speed'])).out).toBe('38400\r\n');
  });

  it('stty raw turns off what raw turns off, and -raw and sane bring it back', async () => {
    const tty = host().machine.kernel.createPty();
    await onTty(['stty', 'raw'], { tty });
    expect(tty.termios).toMatchObject({ icanon: false, isig: false, opost: false, icrnl: false, echo: true });
    expect((await onTty(['stty', '-a'], { tty })).out).toBe(STTY_RAW_ALL);
    await onTty(['stty', '-raw'], { tty });
    expect(tty.termios).toMatchObject({ icanon: true, isig: true, opost: true, icrnl: true });
    expect((await onTty(['stty'], { tty })).out).toBe(crlf(STTY_DEFAULT.replace('-brkint -imaxbel', '-imaxbel')));
    await onTty(['stty', 'sane'], { tty });
    expect((await onTty(['stty'], { tty })).out).toBe(crlf(STTY_DEFAULT.replace('\n-brkint -imaxbel', '')));
    const g = (await onTty(['stty', '-g'], { tty })).out.trim();
    expect(g).toBe('2526:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16' + ':0'.repeat(16));
  });

  it('stty -echo, control characters, and a -g line read back', async () => {
    const tty = host().machine.kernel.createPty();
    await onTty(['stty', '-echo', 'intr', '^X', 'erase', '^H'], { tty });
    expect(tty.termios.echo).toBe(false);
    expect(tty.termios.cc.VINTR).toBe(24);
    expect(tty.termios.cc.VERASE).toBe(8);
    const saved = (await onTty(['stty', '-g'], { tty })).out.trim();
    await onTty(['stty', 'sane'], { tty });
    expect(tty.termios).toMatchObject({ echo: true, cc: expect.objectContaining({ VINTR: 3, VERASE: 127 }) });
    await onTty(['stty', saved], { tty });
    expect(tty.termios).toMatchObject({ echo: false, cc: expect.objectContaining({ VINTR: 24 }) });
    expect((await onTty(['stty'], { tty })).out).toContain('intr = ^X;');
    expect((await onTty(['stty', 'rows', '30'], { tty })).out).toBe('');
    expect(tty.winsize.rows).toBe(30);
    expect((await onTty(['stty', 'size'], { tty })).out).toBe(`30 ${tty.winsize.cols}\r\n`);
    expect((await onTty(['stty', 'echo', 'bogus'], { tty })).out).toBe("stty: invalid number 'bogus'\r\n");
    expect(tty.termios.echo).toBe(false);
  });

  it('clear and reset send busybox\'s sequences', async () => {
    expect((await onTty(['clear'])).out).toBe('\x1b[H\x1b[J');
    const tty = host().machine.kernel.createPty();
    await onTty(['stty', '-echo'], { tty });
    expect((await onTty(['reset'], { tty })).out).toBe('\x1bc\x1b(B\x1b[m\x1b[J\x1b[?25h');
    expect(tty.termios.echo).toBe(true);
  });

  it('ps cuts lines at the terminal\'s width and shows the terminal', async () => {
    const r = await onTty(['ps', '-o', 'pid,tty,args']);
    expect(r.out).toMatch(/^PID   TT     COMMAND\r\n/);
    expect(r.out).toMatch(/\r\n +\d+ 136,\d+ +ps -o pid,tty,args\r\n$/);
    const long = await onTty(['env', 'ps', '-o', 'args', 'x'.repeat(200)]);
    const last = long.out.split('\r\n').at(-2)!;
    expect(last.length).toBe(79);
  });

  it('top draws on the screen until q, then puts the terminal back', async () => {
    const r = await onTty(['top', '-d', '0.2'], {
      drive: async (tty, out) => {
        await until(() => (out().match(/\x1b\[H\x1b\[J/g) ?? []).length >= 2);
        expect(tty.termios.icanon).toBe(false);
        tty.input('q');
      },
    });
    expect(r.status).toEqual({ kind: 'exited', code: 0 });
    expect(r.out).toMatch(/^\x1b\[H\x1b\[JMem: .*\r\nCPU: .*\r\nLoad average: .*\r\n\x1b\[7m  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\x1b\[m\r\n/);
    expect(r.out.endsWith('\r\r\n')).toBe(true);
    expect(r.tty.termios).toMatchObject({ icanon: true, echo: true, isig: true });
  });

  it('top quits on ^C too, and restores the terminal when killed', async () => {
    const c = await onTty(['top'], {
      drive: async (tty, out) => {
        await until(() => out().includes('COMMAND'));
        tty.input('\x03');
      },
    });
    expect(c.status).toEqual({ kind: 'exited', code: 0 });
    let pid = 0;
    const t = await onTty(['top', '-d', '0.2'], {
      drive: async (_tty, out) => {
        await until(() => out().includes('COMMAND'));
        pid = Number(/\r\n +(\d+) +\d+ root +\S+ +\S+ +\d+% +\d+ +\d+% top -d 0\.2/.exec(out())?.[1]);
        expect(pid).toBeGreaterThan(0);
        await run(['kill', String(pid)]);
      },
    });
    expect(t.status).toEqual({ kind: 'signaled', signal: 15, core: false });
    expect(t.tty.termios.icanon).toBe(true);
  });

  it('top keys sort the table: n by pid, and the view scrolls', async () => {
    const r = await onTty(['top', '-d', '5'], {
      drive: async (tty, out) => {
        await until(() => out().includes('COMMAND'));
        const before = out().length;
        tty.input('n');
        await until(() => out().length > before && out().endsWith('\r'));
        tty.input('q');
      },
    });
    const frames = r.out.split('\x1b[H\x1b[J');
    const last = frames.at(-1)!;
    const pids = [...last.matchAll(/\r\n +(\d+) +\d+ /g)].map((m) => Number(m[1]));
    expect(pids).toEqual([...pids].sort((a, b) => b - a));
  });

  it('watch reruns the command on a cleared screen, under busybox\'s header', async () => {
    const r = await onTty(['watch', '-n', '0.2', 'echo', 'hi'], {
      drive: async (tty, out) => {
        await until(() => (out().match(/hi\r\n/g) ?? []).length >= 2);
        tty.input('\x03');
      },
    });
    expect(r.status).toEqual({ kind: 'signaled', signal: 2, core: false });
    const frame = r.out.split('\x1b[H\x1b[J')[1]!;
    expect(frame).toMatch(/^Every 0\.2s: echo hi {41}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\r\n\r\nhi\r\n$/);
    const t = await onTty(['watch', '-t', '-n', '0.1', 'echo', 'x'], {
      drive: async (tty, out) => {
        await until(() => out().includes('x\r\n'));
        tty.input('\x03');
      },
    });
    expect(t.out.startsWith('\x1b[H\x1b[Jx\r\n')).toBe(true);
  });
});

describe('filesystems and kernel settings: mount, umount, sysctl, dmesg', () => {
  it('mount lists /proc/mounts in busybox\'s format', async () => {
    const r = await run(['mount']);
    const mounts = (await run(['cat', '/proc/mounts'])).stdout.trim().split('\n');
    expect(r.stdout.trim().split('\n')).toEqual(mounts.map((l) => {
      const [src, dir, type, opts] = l.split(' ');
      return `${src} on ${dir} type ${type} (${opts})`;
    }));
    expect((await run(['mount', '-t', 'proc'])).stdout).toBe('proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\n');
    expect((await run(['mount'], { uid: 1000 })).code).toBe(0);
  });

  it('mount and umount a tmpfs and a bind mount, as root only', async () => {
    const h = bootHost(nodePlatform());
    expect(await h.exec(['mount', '-t', 'tmpfs', 'tmpfs', '/mnt'])).toMatchObject({ stderr: 'mount: permission denied (are you root?)\n', code: 1 });
    expect(await h.exec(['mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', '/mnt'], { uid: 0 })).toMatchObject({ code: 0, stderr: '' });
    const mounted = () => h.machine.vfs.mountTable().map((m) => m.path);
    expect(mounted()).toContain('/mnt');
    expect(await h.exec(['umount', '/mnt'], { uid: 0 })).toMatchObject({ code: 0 });
    expect(mounted()).not.toContain('/mnt');
    expect(await h.exec(['umount', '/mnt'], { uid: 0 })).toMatchObject({ stderr: "umount: can't unmount /mnt: Invalid argument\n", code: 1 });
    h.writeFile('/srv/data/hello', 'hi\n');
    expect(await h.exec(['mount', '--bind', '/srv/data', '/mnt'], { uid: 0 })).toMatchObject({ code: 0 });
    expect((await h.exec(['cat', '/mnt/hello'])).stdout).toBe('hi\n');
    expect(await h.exec(['umount', '/mnt'], { uid: 0 })).toMatchObject({ code: 0 });
    // a directory without -t is bound too
    expect(await h.exec(['mount', '/srv/data', '/mnt'], { uid: 0 })).toMatchObject({ code: 0 });
    expect((await h.exec(['cat', '/mnt/hello'])).stdout).toBe('hi\n');
    expect(await h.exec(['mount', '-t', 'nosuchfs', 'none', '/opt'], { uid: 0 })).toMatchObject({ stderr: 'mount: mounting none on /opt failed: No such device\n', code: 255 });
    expect(await h.exec(['mount', 'foo'], { uid: 0 })).toMatchObject({ stderr: "mount: can't read '/etc/fstab': No such file or directory\n", code: 1 });
    h.writeFile('/etc/fstab', '# table\ntmpfs /opt tmpfs defaults 0 0\n');
    expect(await h.exec(['mount', '/opt'], { uid: 0 })).toMatchObject({ code: 0 });
    expect(await h.exec(['mount', 'bar'], { uid: 0 })).toMatchObject({ stderr: "mount: can't find bar in /etc/fstab\n", code: 1 });
  });

  it('sysctl reads and writes /proc/sys', async () => {
    const h = bootHost(nodePlatform());
    expect((await h.exec(['sysctl', 'kernel.hostname'])).stdout).toBe('kernel.hostname = berth\n');
    const all = (await h.exec(['sysctl', '-a'])).stdout.split('\n');
    expect(all).toContain('kernel.ostype = Linux');
    expect(all).toContain('vm.swappiness = 60');
    expect(await h.exec(['sysctl', '-w', 'kernel.hostname=other'])).toMatchObject({ stderr: "sysctl: error setting key 'kernel.hostname': Permission denied\n", code: 1 });
    expect((await h.exec(['sysctl', 'kernel.hostname=box'], { uid: 0 })).stdout).toBe('kernel.hostname = box\n');
    expect((await h.exec(['hostname'])).stdout).toBe('box\n');
    expect((await h.exec(['sysctl', '-q', '-w', 'kernel.hostname=quiet'], { uid: 0 })).stdout).toBe('');
    expect((await h.exec(['sysctl', '-n', 'kernel.hostname', 'kernel.ostype'])).stdout).toBe('quiet\nLinux\n');
    h.writeFile('/etc/sysctl.conf', '# comment\nkernel.hostname = fromfile\n; other\n');
    expect((await h.exec(['sysctl', '-p'], { uid: 0 })).stdout).toBe('kernel.hostname = fromfile\n');
    expect((await h.exec(['sysctl', 'kernel'])).stdout).toContain('kernel.hostname = fromfile\nkernel.domainname = (none)\n');
  });

  it('dmesg is refused, as in a container', async () => {
    expect(await run(['dmesg'])).toMatchObject({ stdout: '', stderr: 'dmesg: klogctl: Operation not permitted\n', code: 1 });
  });
});

describe('which and env on PATH', () => {
  it('which follows PATH and skips what is not executable', async () => {
    expect((await run(['which', 'ls', 'id'])).stdout).toBe('/bin/ls\n/bin/id\n');
    host().writeFile('/usr/local/bin/id', utf8('not a program'), 0o644);
    expect((await run(['which', '-a', 'id'])).stdout).toBe('/bin/id\n');
    expect(await run(['which', 'nosuch'])).toMatchObject({ stdout: '', code: 1 });
  });
});
