/**
 * dd [if=FILE] [of=FILE] [bs=N] [count=N] [skip=N] [seek=N] [conv=…] …:
 * copies blocks from one file to another, as busybox 1.36's coreutils/dd.c
 * (Alpine's build: ibs/obs, iflag/oflag, status=, and the third status line).
 *
 * A block that was read whole counts as a full record, a short one as a
 * partial record; the summary on stderr is
 *
 *     2+1 records in
 *     2+1 records out
 *     10 bytes (10B) copied, 0.000213 seconds, 45.8KB/s
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { concatBytes } from '../../common/bytes.ts';
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { errorText, isProcessControl } from '../lib/errors.ts';

const USAGE = `Usage: dd [if=FILE] [of=FILE] [ibs=N obs=N/bs=N] [count=N] [skip=N] [seek=N]
	[conv=notrunc|noerror|sync|fsync]
	[iflag=skip_bytes|count_bytes|fullblock|direct] [oflag=seek_bytes|append|direct]

Copy a file with converting and formatting

	if=FILE		Read from FILE instead of stdin
	of=FILE		Write to FILE instead of stdout
	bs=N		Read and write N bytes at a time
	ibs=N		Read N bytes at a time
	obs=N		Write N bytes at a time
	count=N		Copy only N input blocks
	skip=N		Skip N input blocks
	seek=N		Skip N output blocks
	conv=notrunc	Don't truncate output file
	conv=noerror	Continue after read errors
	conv=sync	Pad blocks with zeros
	conv=fsync	Physically write data out before finishing
	conv=swab	Swap every pair of bytes
	iflag=skip_bytes	skip=N is in bytes
	iflag=count_bytes	count=N is in bytes
	oflag=seek_bytes	seek=N is in bytes
	iflag=direct	O_DIRECT input
	oflag=direct	O_DIRECT output
	iflag=fullblock	Read full blocks
	oflag=append	Open output in append mode
	status=noxfer	Suppress rate output
	status=none	Suppress all output

N may be suffixed by c (1), w (2), b (512), kB (1000), k (1024), MB, M, GB, G`;

/** libbb's cwbkMG_suffixes. */
const SUFFIXES: Record<string, bigint> = {
  c: 1n, w: 2n, b: 512n, kB: 1000n, kD: 1000n, k: 1024n, KB: 1000n, KD: 1000n, K: 1024n,
  MB: 1000000n, MD: 1000000n, M: 1048576n, GB: 1000000000n, GD: 1000000000n, G: 1073741824n,
};
const SSIZE_MAX = 9223372036854775807n;
const ULLONG_MAX = 18446744073709551615n;

/** xatoull_range_sfx: digits and an optional suffix, within lower..upper, or busybox's complaint. */
function number(text: string, lower: bigint, upper: bigint): number {
  const m = /^(\d+)(.*)$/.exec(text);
  const mult = m ? (m[2] === '' ? 1n : SUFFIXES[m[2]!]) : undefined;
  if (!m || mult === undefined) return fail(`invalid number '${text}'`);
  const v = BigInt(m[1]!) * mult;
  if (v < lower || v > upper) return fail(`number ${text} is not in ${lower}..${upper} range`);
  return Number(v);
}

/** Each word of a comma list must be one of `words`; returns their set. */
function commaFlags(val: string, words: readonly string[], what: string): Set<string> {
  const out = new Set<string>();
  for (const w of val.split(',')) {
    if (!words.includes(w)) fail(`invalid argument '${w}' to '${what}'`);
    out.add(w);
  }
  return out;
}

/** make_human_readable_str(v, 1, 0): "0", "999", "1.0K", "16.0M". */
function humanReadable(v: number): string {
  if (v === 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let u = 0;
  let frac = 0;
  let val = Math.floor(v);
  let scaled = false;
  while (val >= 1024) {
    scaled = true;
    u++;
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  return scaled ? `${val}.${frac}${units[u]}` : String(val);
}

interface Options {
  ibs: number;
  obs: number;
  count?: number;
  seek: number;
  skip: number;
  infile?: string;
  outfile?: string;
  conv: Set<string>;
  iflag: Set<string>;
  oflag: Set<string>;
  status?: 'none' | 'noxfer';
}

async function parse(ctx: AppletContext): Promise<Options | undefined> {
  const o: Options = { ibs: 512, obs: 512, seek: 0, skip: 0, conv: new Set(), iflag: new Set(), oflag: new Set() };
  for (const arg of ctx.args) {
    if (arg === '--') continue;
    const eq = arg.indexOf('=');
    if (eq < 0) return undefined;
    const key = arg.slice(0, eq);
    const val = arg.slice(eq + 1);
    switch (key) {
      case 'bs':
        o.ibs = o.obs = number(val, 1n, SSIZE_MAX);
        break;
      case 'ibs':
        o.ibs = number(val, 1n, SSIZE_MAX);
        break;
      case 'obs':
        o.obs = number(val, 1n, SSIZE_MAX);
        break;
      case 'count':
        o.count = number(val, 0n, ULLONG_MAX);
        break;
      case 'seek':
        o.seek = number(val, 0n, ULLONG_MAX);
        break;
      case 'skip':
        o.skip = number(val, 0n, ULLONG_MAX);
        break;
      case 'if':
        o.infile = val;
        break;
      case 'of':
        o.outfile = val;
        break;
      case 'conv':
        for (const f of commaFlags(val, ['notrunc', 'sync', 'noerror', 'fsync', 'swab'], 'conv')) o.conv.add(f);
        break;
      case 'iflag':
        for (const f of commaFlags(val, ['skip_bytes', 'count_bytes', 'fullblock', 'direct'], 'iflag')) o.iflag.add(f);
        break;
      case 'oflag':
        for (const f of commaFlags(val, ['seek_bytes', 'append', 'direct'], 'oflag')) o.oflag.add(f);
        break;
      case 'status':
        if (val !== 'none' && val !== 'noxfer') fail(`invalid argument '${val}' to 'status'`);
        o.status = val as 'none' | 'noxfer';
        break;
      default:
        return undefined;
    }
  }
  return o;
}

export default applet(USAGE, async (ctx) => {
  const o = await parse(ctx);
  if (!o) {
    await ctx.usage();
    return 1;
  }
  const { sys } = ctx;
  const stats = { inFull: 0, inPart: 0, outFull: 0, outPart: 0, bytes: 0 };
  const began = sys.uptime();
  let ifd = 0;
  let ofd = 1;
  const infile = o.infile ?? 'standard input';
  const outfile = o.outfile ?? 'standard output';
  const open = (path: string, mode: Parameters<typeof sys.open>[1]) => {
    try {
      return sys.open(path, mode, 0o666);
    } catch (err) {
      return fail(`can't open '${path}': ${errorText(err)}`);
    }
  };
  if (o.infile !== undefined) ifd = open(o.infile, 'r');
  if (o.outfile !== undefined) {
    ofd = open(o.outfile, { read: false, write: true, create: true, truncate: !o.seek && !o.conv.has('notrunc'), append: o.oflag.has('append') });
    if (o.seek && !o.conv.has('notrunc')) {
      try {
        sys.ftruncate(ofd, o.seek * (o.oflag.has('seek_bytes') ? 1 : o.obs));
      } catch (err) {
        // Devices cannot be truncated, and need not be.
        if (isProcessControl(err) || (sys.fstat(ofd).mode & 0o170000) === 0o100000) fail(`${outfile}: ${errorText(err)}`);
      }
    }
  }

  /** read(2), or reads until the block is full (iflag=fullblock); errors as FsError. */
  const readBlock = async (n: number): Promise<Uint8Array> => {
    if (!o.iflag.has('fullblock')) return sys.read(ifd, n);
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < n) {
      const d = await sys.read(ifd, n - got);
      if (d.length === 0) break;
      parts.push(d);
      got += d.length;
    }
    return concatBytes(parts);
  };
  const dieInfile = (err: unknown): never => fail(`${infile}: ${errorText(err)}`);

  if (o.skip) {
    const bs = o.iflag.has('skip_bytes') ? 1 : o.ibs;
    try {
      sys.lseek(ifd, o.skip * bs, 1);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      // Not seekable (a pipe): read the blocks away.
      for (let left = o.skip; left > 0; left--) {
        let d: Uint8Array;
        try {
          d = await readBlock(bs);
        } catch (e) {
          return dieInfile(e);
        }
        if (d.length === 0) break;
      }
    }
  }
  if (o.seek) {
    try {
      sys.lseek(ofd, o.seek * (o.oflag.has('seek_bytes') ? 1 : o.obs), 1);
    } catch (err) {
      fail(`${outfile}: ${errorText(err)}`);
    }
  }

  /** write_and_stats: false after "error writing". */
  const write = async (data: Uint8Array): Promise<boolean> => {
    try {
      if (data.length > 0) await sys.write(ofd, data);
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
      await ctx.err.write(`${ctx.name}: error writing '${outfile}': ${strerror(err.code)}\n`);
      return false;
    }
    stats.bytes += data.length;
    if (data.length === o.obs) stats.outFull++;
    else stats.outPart++;
    return true;
  };

  let ok = true;
  let count = o.count;
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  const twoBufs = o.ibs !== o.obs;
  let prevOdd = false;
  copy: for (;;) {
    let n = o.ibs;
    if (count !== undefined) {
      if (count === 0) break;
      if (o.iflag.has('count_bytes') && count < o.ibs) n = count;
    }
    let block: Uint8Array;
    let bad = false;
    try {
      block = await readBlock(n);
    } catch (err) {
      if (!(err instanceof FsError) || !o.conv.has('noerror')) return dieInfile(err);
      await ctx.err.write(`${ctx.name}: ${infile}: ${strerror(err.code)}\n`);
      try {
        sys.lseek(ifd, o.ibs, 1);
      } catch (e) {
        return dieInfile(e);
      }
      block = new Uint8Array(0);
      bad = true;
    }
    if (block.length === 0 && !bad) break;
    if (o.conv.has('swab')) {
      if (prevOdd) fail(`can't swab ${block.length} byte buffer`);
      prevOdd = (block.length & 1) === 1;
      block = block.slice();
      for (let i = 0; i + 1 < block.length; i += 2) [block[i], block[i + 1]] = [block[i + 1]!, block[i]!];
    }
    if (count !== undefined) count -= o.iflag.has('count_bytes') ? block.length : 1;
    if (block.length === o.ibs) stats.inFull++;
    else {
      stats.inPart++;
      if (o.conv.has('sync')) block = concatBytes([block, new Uint8Array(o.ibs - block.length)]);
    }
    if (twoBufs) {
      pending.push(block);
      pendingSize += block.length;
      while (pendingSize >= o.obs) {
        const all = concatBytes(pending);
        if (!(await write(all.subarray(0, o.obs)))) {
          ok = false;
          break copy;
        }
        pending = [all.subarray(o.obs)];
        pendingSize = all.length - o.obs;
      }
    } else if (!(await write(block))) {
      ok = false;
      break;
    }
  }
  if (ok && pendingSize > 0) ok = await write(concatBytes(pending));
  if (ok) {
    if (o.infile !== undefined) sys.close(ifd);
    if (o.outfile !== undefined) sys.close(ofd);
  }
  if (o.status !== 'none') {
    let text = `${stats.inFull}+${stats.inPart} records in\n${stats.outFull}+${stats.outPart} records out\n`;
    if (o.status !== 'noxfer') {
      // A copy takes some time on a real machine; the emulated clock may not have moved.
      const seconds = Math.max(sys.uptime() - began, 0.000001);
      text += `${stats.bytes} bytes (${humanReadable(stats.bytes)}B) copied, ${seconds.toFixed(6)} seconds, ${humanReadable(Math.floor(stats.bytes / seconds))}B/s\n`;
    }
    await ctx.err.write(text);
  }
  return ok ? 0 : 1;
});
