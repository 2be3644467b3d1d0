import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../platform/node/index.ts';
import { DiskFs } from '../fs/diskfs.ts';
import { encodeExecutable } from '../common/executable.ts';
import { fromUtf8, utf8 } from '../common/bytes.ts';
import { boot, hostPipe, type Machine } from './boot.ts';
import { Cgroup } from './cgroup.ts';
import { CgroupNamespace, MountNamespace, PidNamespace } from './namespaces.ts';
import { isProcessControl, type Program, type Sys } from './sys.ts';
import { SIGINT, SIGKILL, SIGPIPE, SIGTERM } from './signals.ts';
import type { Process } from './process.ts';
import { Vfs } from '../fs/vfs.ts';
import { mountKernelFilesystems } from './boot.ts';

const platform = nodePlatform();

/** Test programs, by name, as if they were files in /bin. */
const programs: Record<string, Program> = {
  echo: async (sys) => {
    await sys.write(1, sys.argv.slice(1).join(' ') + '\n');
    return 0;
  },
  cat: async (sys) => {
    for (;;) {
      const d = await sys.read(0);
      if (d.length === 0) return 0;
      await sys.write(1, d);
    }
  },
  yes: async (sys) => {
    const line = utf8('y\n'.repeat(4096));
    for (;;) await sys.write(1, line);
  },
  head1: async (sys) => {
    const d = await sys.read(0, 2);
    await sys.write(1, d);
    return 0;
  },
  exit3: async () => 3,
  sleeper: async (sys) => {
    await sys.sleep(60_000);
    return 0;
  },
  spin: async (sys) => {
    const until = performance.now() + Number(sys.argv[1] ?? 300);
    let x = 0;
    while (performance.now() < until) {
      for (let i = 0; i < 1000; i++) x += i;
      await sys.checkpoint();
    }
    return x > 0 ? 0 : 1;
  },
  /** A fixed amount of work, whatever the clock says. */
  work: async (sys) => {
    let x = 0;
    for (let n = 0; n < Number(sys.argv[1]); n++) {
      for (let i = 0; i < 20_000; i++) x = (x + i * n) % 1_000_003;
      await sys.checkpoint();
    }
    return x >= 0 ? 0 : 1;
  },
  hog: async (sys) => {
    for (;;) {
      sys.memory(1024 * 1024);
      await sys.checkpoint();
    }
  },
};

function machine(): Machine {
  const disk = platform.createDisk();
  const rootfs = new DiskFs(disk, disk.root, () => platform.now());
  rootfs.mkdir('/bin', 0o755, { uid: 0, gid: 0 });
  for (const name of Object.keys(programs)) {
    rootfs.create(`/bin/${name}`, 0o755, { uid: 0, gid: 0 });
    const h = rootfs.open(`/bin/${name}`, 'w');
    h.write(encodeExecutable({ program: name }), 0);
    h.close();
  }
  return boot({ platform, rootfs, programs: ({ program }) => programs[program] });
}

/** Runs `main` as a process under init; returns its exit status, stdout and stderr. */
async function run(m: Machine, main: Program, where: { process?: (p: Process) => void } = {}) {
  const out = hostPipe(m.kernel, 'from-process');
  const err = hostPipe(m.kernel, 'from-process');
  const p = m.kernel.createProcess(m.init);
  p.image = { program: main, path: '/test', argv: ['test'], env: ['PATH=/bin'], comm: 'test' };
  p.pgid = p.pid;
  m.kernel.installFd(p, 1, out.processEnd);
  m.kernel.installFd(p, 2, err.processEnd);
  where.process?.(p);
  m.kernel.start(p);
  const collect = async (c: typeof out) => {
    let s = '';
    for await (const chunk of c.chunks()) s += fromUtf8(chunk);
    return s;
  };
  const [stdout, stderr] = await Promise.all([collect(out), collect(err)]);
  const status = await p.ended;
  return { status, stdout, stderr, p };
}

const spawn = (sys: Sys, name: string, args: string[] = [], fds?: Record<number, number>) => sys.spawn(`/bin/${name}`, { argv: [name, ...args], env: [], fds });

describe('processes', () => {
  it('spawns, waits and collects exit codes', async () => {
    const m = machine();
    const r = await run(m, async (sys) => {
      const pid = await spawn(sys, 'echo', ['hello', 'world']);
      const w = await sys.waitpid(pid);
      const pid2 = await spawn(sys, 'exit3');
      const w2 = await sys.waitpid(pid2);
      await sys.write(1, `${JSON.stringify(w)} ${JSON.stringify(w2)}\n`);
      await expect(sys.waitpid(-1)).rejects.toThrow('ECHILD');
      return 0;
    });
    expect(r.status).toEqual({ kind: 'exited', code: 0 });
    expect(r.stdout).toMatch(/^hello world\n\{"pid":\d+,"kind":"exited","code":0\} \{"pid":\d+,"kind":"exited","code":3\}\n$/);
  });

  it('connects processes with pipes; a writer to a closed pipe dies of SIGPIPE', async () => {
    const m = machine();
    const r = await run(m, async (sys) => {
      const [rd, wr] = sys.pipe();
      const yes = await spawn(sys, 'yes', [], { 1: wr, 2: 2 });
      const head = await spawn(sys, 'head1', [], { 0: rd, 1: 1, 2: 2 });
      sys.close(rd);
      sys.close(wr);
      const w1 = await sys.waitpid(head);
      const w2 = await sys.waitpid(yes);
      await sys.write(1, `\n${w1?.kind} ${w2?.kind === 'signaled' ? w2.signal : w2?.kind}\n`);
      return 0;
    });
    expect(r.stdout).toBe(`y\n\nexited ${SIGPIPE}\n`);
  });

  it('moves 1 MiB through a 64 KiB pipe', async () => {
    const m = machine();
    const r = await run(m, async (sys) => {
      const [rd, wr] = sys.pipe();
      const child = sys.fork(async (c) => {
        c.close(rd);
        await c.write(wr, new Uint8Array(1024 * 1024).fill(7));
        return 0;
      });
      sys.close(wr);
      let n = 0;
      for (;;) {
        const d = await sys.read(rd);
        if (d.length === 0) break;
        n += d.length;
      }
      await sys.waitpid(child);
      await sys.write(1, String(n));
      return 0;
    });
    expect(r.stdout).toBe(String(1024 * 1024));
  });

  it('delivers signals: default actions, handlers, EINTR', async () => {
    const m = machine();
    const r = await run(m, async (sys) => {
      const pid = await spawn(sys, 'sleeper');
      sys.kill(pid, SIGTERM);
      const w = await sys.waitpid(pid);
      let got = 0;
      sys.signal(SIGINT, (s) => (got = s));
      const me = sys.pid;
      sys.fork(async (c) => {
        await c.sleep(5);
        c.kill(c.ppid, SIGINT);
        return 0;
      });
      let interrupted = '';
      try {
        await sys.sleep(10_000);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        interrupted = (err as { code: string }).code;
      }
      await sys.write(1, `${w?.kind === 'signaled' ? w.signal : '?'} ${got} ${interrupted} ${me > 1}\n`);
      return 0;
    });
    expect(r.stdout).toBe(`${SIGTERM} ${SIGINT} EINTR true\n`);
  });

  it('replaces a program with exec, keeping the pid', async () => {
    const m = machine();
    const r = await run(m, async (sys) => {
      const child = sys.fork(async (c) => {
        await c.write(1, `before ${c.pid}\n`);
        await c.exec('/bin/echo', ['echo', 'after'], []);
        return 99;
      });
      const w = await sys.waitpid(child);
      await sys.write(1, `child ${child} ${w?.kind} ${w?.kind === 'exited' ? w.code : ''}\n`);
      return 0;
    });
    const pid = /before (\d+)/.exec(r.stdout)![1];
    expect(r.stdout).toBe(`before ${pid}\nafter\nchild ${pid} exited 0\n`);
  });
});

describe('namespaces and cgroups', () => {
  /** Puts a process in a new pid namespace with its own /proc, as a container would be. */
  function containerize(m: Machine, cgroup?: Cgroup) {
    return (p: Process) => {
      const pidns = new PidNamespace(m.kernel.rootPid);
      // Re-home the freshly made test process: remove its old numbers, allocate in the new namespace.
      for (const [ns, pid] of p.pids) ns.members.delete(pid);
      p.pids.clear();
      m.kernel.table.forEach((v, k) => v === p && m.kernel.table.delete(k));
      for (let n: PidNamespace | undefined = pidns; n; n = n.parent) p.pids.set(n, n.allocate(p));
      m.kernel.table.set(p.pids.get(m.kernel.rootPid)!, p);
      const vfs = new Vfs(m.vfs.mountTable()[0]!.fs);
      p.ns = { ...p.ns, pid: pidns, mnt: new MountNamespace(vfs), cgroup: new CgroupNamespace(cgroup ?? p.cgroup) };
      mountKernelFilesystems(m.kernel, vfs, m.vfs.mountTable()[0]!.fs, p.ns);
      if (cgroup) {
        p.cgroup.procs.delete(p);
        p.cgroup = cgroup;
        cgroup.procs.add(p);
      }
      p.pgid = p.sid = 1;
    };
  }

  it('numbers a container from 1 and shows only it in its /proc', async () => {
    const m = machine();
    let hostPid = 0;
    const r = await run(
      m,
      async (sys) => {
        const child = await spawn(sys, 'sleeper');
        const names = sys.readdir('/proc').filter((n) => /^\d+$/.test(n));
        const self = sys.readlink('/proc/self');
        const h = sys.open('/proc/1/status', 'r');
        const status = fromUtf8(await sys.read(h));
        sys.kill(child, SIGKILL);
        await sys.waitpid(child);
        await sys.write(1, `${sys.pid} ${names.join(',')} ${self} ${/\nNSpid:\t1\n/.test(status)}\n`);
        return 0;
      },
      { process: (p) => (containerize(m)(p), (hostPid = p.pids.get(m.kernel.rootPid)!)) },
    );
    expect(r.stdout).toBe('1 1,2 1 true\n');
    // The host sees the same process under another number, and both numbers in its status.
    expect(hostPid).toBeGreaterThan(1);
  });

  it('stops a fork bomb at pids.max with EAGAIN', async () => {
    const m = machine();
    const cg = m.kernel.rootCgroup.child('bomb');
    cg.pidsMax = 10;
    const r = await run(
      m,
      async (sys) => {
        let made = 0;
        let error = '';
        try {
          for (;;) {
            await spawn(sys, 'sleeper');
            made++;
          }
        } catch (err) {
          if (isProcessControl(err)) throw err;
          error = (err as { code: string }).code;
        }
        sys.kill(-1, SIGKILL);
        await sys.write(1, `${made} ${error}\n`);
        return 0;
      },
      { process: containerize(m, cg) },
    );
    expect(r.stdout).toBe('9 EAGAIN\n');
    expect(cg.pidsEvents.max).toBe(1);
  });

  it('kills the biggest process of a cgroup past memory.max (exit 137 territory)', async () => {
    const m = machine();
    const cg = m.kernel.rootCgroup.child('small');
    cg.memoryMax = 32 * 1024 * 1024;
    const r = await run(
      m,
      async (sys) => {
        const pid = await spawn(sys, 'hog');
        const w = await sys.waitpid(pid);
        await sys.write(1, `${w?.kind === 'signaled' ? w.signal : w?.kind}\n`);
        return 0;
      },
      { process: containerize(m, cg) },
    );
    expect(r.stdout).toBe(`${SIGKILL}\n`);
    expect(cg.memoryEvents.oom_kill).toBe(1);
  });

  it('throttles a cgroup to its CPU quota', async () => {
    const m = machine();
    const timed = async (cg?: Cgroup) => {
      const started = performance.now();
      await run(m, async (sys) => (await sys.waitpid(await spawn(sys, 'work', ['400'])), 0), cg ? { process: containerize(m, cg) } : {});
      return performance.now() - started;
    };
    const cg = m.kernel.rootCgroup.child('tenth');
    cg.cpuQuota = 10_000; // 10 ms per 100 ms: a tenth of a CPU
    const throttled = await timed(cg);
    expect(cg.cpuStats.nr_throttled).toBeGreaterThan(0);
    // At a tenth of a CPU, the wall time is at least ten times the CPU time
    // used (less one period's slack). A loaded machine only makes it longer.
    const usedMs = cg.cpuUsage / 1000;
    expect(throttled).toBeGreaterThan(usedMs * 10 - 100);
    expect(usedMs).toBeGreaterThan(20);
  });
});

describe('scheduling and terminals', () => {
  it('keeps the event loop turning while a process loops', async () => {
    // How long the loop is held is a benchmark figure (npm run bench); here,
    // only that other work gets turns while a process spins.
    const m = machine();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await run(m, async (sys) => (await sys.waitpid(await spawn(sys, 'spin', ['400'])), 0));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(10);
  });

  it('^C on a terminal interrupts the foreground process group', async () => {
    const m = machine();
    const tty = m.kernel.createPty();
    let screen = '';
    tty.onOutput((b) => (screen += fromUtf8(b)));
    const r = await run(
      m,
      async (sys) => {
        const fd = sys.open('/dev/pts/0', 'r+');
        const pid = await sys.spawn('/bin/cat', { argv: ['cat'], env: [], fds: { 0: fd, 1: fd, 2: fd }, pgid: 0, foreground: true });
        const w = await sys.waitpid(pid);
        await sys.write(1, `${w?.kind === 'signaled' ? w.signal : w?.kind}\n`);
        return 0;
      },
      {
        process: (p) => {
          p.sid = p.pgid = p.pid;
          setTimeout(() => {
            tty.input('hello\r');
            setTimeout(() => tty.input('\x03'), 20);
          }, 20);
        },
      },
    );
    expect(r.stdout).toBe(`${SIGINT}\n`);
    expect(screen).toBe('hello\r\nhello\r\n^C');
  });
});
