/**
 * md5sum / sha1sum / sha256sum / sha512sum [-c [-sw]] [FILE]...: print (or,
 * with -c, check) message digests, "HASH  FILE" per line. With -c each line
 * of FILE names a file to verify: "FILE: OK" or "FILE: FAILED".
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { applet } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';
import { createHash, type HashName } from '../lib/text-hash.ts';
import { LineReader, bytesOf, closeInput, openOrDie, put } from '../lib/text-io.ts';

const NAMES: Record<string, HashName> = { md5sum: 'md5', sha1sum: 'sha1', sha256sum: 'sha256', sha512sum: 'sha512' };

export default applet('Usage: md5sum [-c[sw]] [FILE]...\n\nPrint or check MD5 checksums\n\n\t-c\tCheck sums against list in FILEs\n\t-s\tDon\'t output anything, status code shows success\n\t-w\tWarn about improperly formatted checksum lines', async (ctx) => {
  const { sys, out, err } = ctx;
  const algo = NAMES[ctx.name] ?? 'md5';
  const o = await ctx.options('scwbt');
  if ((o.has('s') || o.has('w')) && !o.has('c')) {
    await ctx.usage();
    return 1;
  }
  /** hash_file: the hex digest, or null after a message. */
  const hashFile = async (name: string): Promise<string | null> => {
    let fd: number;
    try {
      fd = name === '-' ? 0 : sys.open(name, 'r');
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      await err.write(`${ctx.name}: can't open '${name}': ${strerror(e.code)}\n`);
      return null;
    }
    const h = createHash(algo);
    let n = 0;
    try {
      for (;;) {
        const d = await sys.read(fd, 65536);
        if (d.length === 0) break;
        h.update(d);
        if (++n % 16 === 0) await sys.checkpoint();
      }
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      await err.write(`${ctx.name}: can't read '${name}': ${strerror(e.code)}\n`);
      closeInput(sys, fd);
      return null;
    }
    closeInput(sys, fd);
    return h.hex();
  };
  let status = 0;
  for (const arg of o.operands.length > 0 ? o.operands : ['-']) {
    if (!o.has('c')) {
      const hash = await hashFile(arg);
      if (hash === null) status = 1;
      else await put(out, `${hash}  ${bytesOf(arg)}\n`);
      continue;
    }
    const fd = openOrDie(sys, arg);
    const r = new LineReader(sys, fd);
    let total = 0;
    let failed = 0;
    for (let l; (l = await r.next()) !== null; ) {
      total++;
      const line = l.line;
      const sp = line.indexOf(' ');
      if (sp < 0) {
        if (o.has('w')) await err.write(`${ctx.name}: invalid format\n`);
        failed++;
        status = 1;
        continue;
      }
      const want = line.slice(0, sp);
      let name = line.slice(sp + 1);
      if (name[0] === ' ' || name[0] === '*') name = name.slice(1);
      const got = await hashFile(new TextDecoder().decode(Uint8Array.from(name, (c) => c.charCodeAt(0))));
      const ok = got !== null && got === want;
      if (!o.has('s')) await put(out, `${name}: ${ok ? 'OK' : 'FAILED'}\n`);
      if (!ok) {
        failed++;
        status = 1;
      }
    }
    if (failed && !o.has('s')) {
      await out.flush();
      await err.write(`${ctx.name}: WARNING: ${failed} of ${total} computed checksums did NOT match\n`);
    }
    if (total === 0) {
      status = 1;
      await err.write(`${ctx.name}: ${arg}: no checksum lines found\n`);
    }
    closeInput(sys, fd);
  }
  return status;
});
