/**
 * tail [-fF] [-n [+-]N] [-c [+-]N] [-qv] [-s SECONDS] [FILE]...: the last N
 * lines (or bytes) of each FILE, or everything from line N with +N. With -f
 * it then keeps polling the files and prints what is appended (a truncated
 * file is read again from its start) until killed. What tail holds back is
 * charged to the process's memory, so `tail /dev/zero` meets the OOM killer.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { applet } from '../lib/applet.ts';
import { getopt } from '../lib/getopt.ts';
import { isProcessControl } from '../lib/errors.ts';
import { BKM, closeInput, fromBytes, parseSuffixed, put } from '../lib/text-io.ts';

const USAGE =
  'Usage: tail [OPTIONS] [FILE]...\n\nPrint last 10 lines of FILEs (or stdin) to stdout.\nWith more than one FILE, precede each with a filename header.\n\n\t-f\t\tPrint data as file grows\n\t-c [+]N[bkm]\tPrint last N bytes\n\t-n N[bkm]\tPrint last N lines\n\t-n +N[bkm]\tStart on Nth line and print the rest\n\t-q\t\tNever print headers\n\t-s SECONDS\tWait SECONDS between reads with -f\n\t-v\t\tAlways print headers\n\t-F\t\tSame as -f, but keep retrying\n\nN may be suffixed by k (x1024), b (x512), or m (x1024^2).';

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  let count = 10;
  let fromTop = false;
  const eatNum = async (p: string): Promise<number | null> => {
    if (p[0] === '-') p = p.slice(1);
    else if (p[0] === '+') {
      p = p.slice(1);
      fromTop = true;
    }
    const v = parseSuffixed(p, BKM, 0xffffffff);
    if (v === null) {
      await err.write(`${ctx.name}: invalid number '${p}'\n`);
      return null;
    }
    return v;
  };
  let rest = ctx.args;
  if (rest[0] !== undefined && /^[-+][0-9]/.test(rest[0])) {
    const v = await eatNum(rest[0]);
    if (v === null) return 1;
    count = v;
    rest = rest.slice(1);
  }
  const o = getopt([ctx.name, ...rest], 'fc:n:qs:vF');
  if ('error' in o) {
    await err.write(`${ctx.name}: ${o.error}\n`);
    await ctx.usage();
    return 1;
  }
  let follow = o.has('f') || o.has('F');
  const retry = o.has('F');
  const countBytes = o.has('c');
  if (o.has('c')) {
    const v = await eatNum(o.value('c')!);
    if (v === null) return 1;
    count = v;
  }
  if (o.has('n')) {
    const v = await eatNum(o.value('n')!);
    if (v === null) return 1;
    count = v;
  }
  let threshold = 1;
  if (o.has('q')) threshold = Infinity;
  let sleepSeconds = 1;
  if (o.has('s')) {
    const s = o.value('s')!;
    if (!/^[0-9]+$/.test(s)) {
      await err.write(`${ctx.name}: invalid number '${s}'\n`);
      return 1;
    }
    sleepSeconds = Number(s);
  }
  if (o.has('v')) threshold = 0;

  let status = 0;
  const names = o.operands.length > 0 ? [...o.operands] : ['standard input'];
  if (o.operands.length === 0) {
    try {
      if ((sys.fstat(0).mode & 0o170000) === 0o010000) follow = false;
    } catch (e) {
      if (isProcessControl(e)) throw e;
    }
  }
  const files: { name: string; fd: number }[] = [];
  for (const name of names) {
    try {
      files.push({ name, fd: name === '-' || name === 'standard input' ? 0 : sys.open(name, 'r') });
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      await err.write(`${ctx.name}: can't open '${name}': ${strerror(e.code)}\n`);
      if (retry) files.push({ name, fd: -1 });
      else status = 1;
    }
  }
  if (files.length === 0) {
    await err.write(`${ctx.name}: no files\n`);
    return 1;
  }
  const headers = files.length > threshold;

  /** read(); a read error is reported ("read error: …") and ends this file. */
  const readChunk = async (fd: number): Promise<string> => {
    try {
      return fromBytes(await sys.read(fd, 65536));
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      await err.write(`${ctx.name}: read error: ${strerror(e.code)}\n`);
      status = 1;
      return '';
    }
  };

  let first = true;
  for (const { name, fd } of files) {
    if (fd < 0) continue;
    if (headers) {
      await put(out, `${first ? '' : '\n'}==> ${name} <==\n`);
      first = false;
    }
    if (fromTop) {
      let skip = count > 0 ? count - 1 : 0;
      for (;;) {
        let s = await readChunk(fd);
        if (s === '') break;
        if (skip > 0) {
          if (countBytes) {
            const n = Math.min(skip, s.length);
            skip -= n;
            s = s.slice(n);
          } else {
            let i = 0;
            while (skip > 0 && i < s.length) {
              const nl = s.indexOf('\n', i);
              if (nl < 0) {
                i = s.length;
                break;
              }
              i = nl + 1;
              skip--;
            }
            s = s.slice(i);
          }
        }
        if (s) {
          await put(out, s);
          await out.flush();
        }
      }
      continue;
    }
    // From the end: hold back at most `count` lines (or bytes).
    const held: string[] = [];
    let heldBytes = 0;
    let newlines = 0;
    const charge = (n: number) => {
      sys.memory(n);
      heldBytes += n;
    };
    const dropFront = (n: number) => {
      // drops n bytes from the front of `held`
      while (n > 0) {
        const h = held[0]!;
        if (h.length <= n) {
          held.shift();
          n -= h.length;
          charge(-h.length);
        } else {
          held[0] = h.slice(n);
          charge(-n);
          n = 0;
        }
      }
    };
    const dropLines = (keep: number) => {
      // drops whole lines from the front until at most `keep` newlines remain
      while (newlines > keep) {
        const h = held[0]!;
        const i = h.indexOf('\n');
        if (i < 0) {
          held.shift();
          charge(-h.length);
          continue;
        }
        newlines--;
        if (i + 1 === h.length) {
          held.shift();
          charge(-h.length);
        } else {
          held[0] = h.slice(i + 1);
          charge(-(i + 1));
        }
      }
    };
    for (;;) {
      const s = await readChunk(fd);
      if (s === '') break;
      if (count === 0) continue;
      held.push(s);
      charge(s.length);
      if (countBytes) {
        if (heldBytes > count) dropFront(heldBytes - count);
      } else {
        for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) newlines++;
        dropLines(count);
      }
    }
    if (!countBytes && held.length > 0) {
      const last = held[held.length - 1]!;
      if (last[last.length - 1] !== '\n') dropLines(count - 1);
    }
    for (const h of held) await put(out, h);
    await out.flush();
    charge(-heldBytes);
  }

  let prevFd = files[files.length - 1]!.fd;
  if (!follow) {
    for (const f of files) if (f.fd >= 0) closeInput(sys, f.fd);
    return status;
  }
  for (;;) {
    await sys.sleep(sleepSeconds * 1000);
    for (const f of files) {
      if (retry) {
        let replaced = false;
        try {
          const now = sys.stat(f.name);
          const cur = f.fd >= 0 ? sys.fstat(f.fd) : null;
          replaced = !cur || cur.ino !== now.ino || cur.dev !== now.dev;
        } catch (e) {
          if (isProcessControl(e)) throw e;
          if (f.fd >= 0) await err.write(`${ctx.name}: ${f.name} has been renamed or deleted\n`);
        }
        if (replaced) {
          try {
            const nfd = sys.open(f.name, 'r');
            await err.write(`${ctx.name}: ${f.name} has ${f.fd < 0 ? 'appeared' : 'been replaced'}; following end of new file\n`);
            if (f.fd >= 0) closeInput(sys, f.fd);
            f.fd = nfd;
          } catch (e) {
            if (isProcessControl(e)) throw e;
          }
        }
      }
      if (f.fd < 0) continue;
      for (;;) {
        try {
          const st = sys.fstat(f.fd);
          if (st.size > 0 && st.size < sys.lseek(f.fd, 0, 1)) sys.lseek(f.fd, 0, 0);
        } catch (e) {
          if (isProcessControl(e)) throw e;
        }
        const s = await readChunk(f.fd);
        if (s === '') break;
        if (files.length > threshold && f.fd !== prevFd) {
          await put(out, `\n==> ${f.name} <==\n`);
          prevFd = f.fd;
        }
        await put(out, s);
        await out.flush();
      }
    }
  }
});
