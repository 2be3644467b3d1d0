/**
 * df [-PkmhTai] [-B SIZE] [-t TYPE] [FILESYSTEM]...: usage of each mounted
 * filesystem (from /proc/mounts), or of those holding the named files.
 * Berth's kernel has no statfs yet: the figures come from files-statfs.ts,
 * which measures what is used and gives each kind of filesystem a size.
 */
import { attempt } from '../lib/files-attempt.ts';
import { S_IFBLK, S_IFCHR, S_IFMT } from '../../fs/types.ts';
import { applet, fail } from '../lib/applet.ts';
import { complain, complainAbout, errorText } from '../lib/errors.ts';
import { humanReadable } from '../lib/files-human.ts';
import { foldOptions, parseOptions } from '../lib/files-options.ts';
import { readMounts, statfsOf, type MountEntry } from '../lib/files-statfs.ts';
import type { Sys } from '../../kernel/sys.ts';

const SIZE_SUFFIXES: [string, number][] = [
  ['KiB', 1024],
  ['kiB', 1024],
  ['K', 1024],
  ['k', 1024],
  ['MiB', 1024 ** 2],
  ['miB', 1024 ** 2],
  ['M', 1024 ** 2],
  ['m', 1024 ** 2],
  ['GiB', 1024 ** 3],
  ['giB', 1024 ** 3],
  ['G', 1024 ** 3],
  ['g', 1024 ** 3],
  ['KB', 1000],
  ['MB', 1000 ** 2],
  ['GB', 1000 ** 3],
];

/** -B SIZE: a bare suffix ("M"), or a number with one ("4K"). */
function blockSize(text: string): number | undefined {
  for (const [s, mult] of SIZE_SUFFIXES) if (text === s) return mult;
  const m = /^([0-9]+)([A-Za-z]*)$/.exec(text);
  if (!m) return undefined;
  const mult = m[2] === '' ? 1 : SIZE_SUFFIXES.find(([s]) => s === m[2])?.[1];
  const n = mult === undefined ? undefined : Number(m[1]) * mult;
  return n !== undefined && n >= 1 ? n : undefined;
}

/** find_mount_point: the first mount entry that is NAME, or holds it. */
function findMount(sys: Sys, mounts: readonly MountEntry[], name: string): MountEntry | undefined {
  const st = attempt(() => sys.stat(name));
  if (!st) return undefined;
  const type = st.mode & S_IFMT;
  const device = type === S_IFBLK || type === S_IFCHR;
  const devno = device ? st.rdev : st.dev;
  for (const m of mounts) {
    if (m.source === 'rootfs') continue;
    if (name === m.dir || name === m.source) return m;
    if (m.source.startsWith('/') && attempt(() => sys.stat(m.source).rdev) === devno) return m;
    if (attempt(() => sys.stat(m.dir).dev) === devno) return m;
  }
  return undefined;
}

export default applet(
  'Usage: df [-PkmhTai] [-B SIZE] [-t TYPE] [FILESYSTEM]...\n\nPrint filesystem usage statistics\n\n\t-P\tPOSIX output format\n\t-k\t1024-byte blocks (default)\n\t-m\t1M-byte blocks\n\t-h\tHuman readable (e.g. 1K 243M 2G)\n\t-T\tPrint filesystem type\n\t-t TYPE\tPrint only mounts of this type\n\t-a\tShow all filesystems\n\t-i\tInodes\n\t-B SIZE\tBlocksize',
  async (ctx) => {
    const { sys, out } = ctx;
    const parsed = await parseOptions(ctx, 'kPTt:aiB:hHm');
    const on = foldOptions(parsed, { k: { off: 'mB' }, m: { off: 'Bk' }, B: { off: 'km' } });
    let unit = ctx.getenv('POSIXLY_CORRECT') !== undefined ? 512 : 1024;
    if (on.has('m')) unit = 1024 * 1024;
    if (on.has('B')) {
      const text = parsed.value('B')!;
      const b = blockSize(text);
      if (b === undefined) fail(`invalid number '${text}'`);
      unit = b!;
    }
    let header: string | undefined;
    if (on.has('h') || on.has('H')) {
      unit = 0;
      header = '     Size';
    }
    if (on.has('i')) header = '   Inodes';
    header ??= `${humanReadable(unit, 0, on.has('P') ? 1 : 0)}-blocks`;
    await out.write(`Filesystem           ${on.has('T') ? 'Type       ' : ''}${header.padEnd(15)}Used Available ${on.has('P') ? 'Capacity' : 'Use%'} Mounted on\n`);

    let mounts: MountEntry[];
    try {
      mounts = await readMounts(sys);
    } catch (e) {
      return fail(`/proc/mounts: ${errorText(e)}`);
    }
    const fromTable = parsed.operands.length === 0;
    let status = 0;
    const entries: (MountEntry | undefined)[] = fromTable ? mounts : [];
    const names = parsed.operands;
    for (let i = 0; i < (fromTable ? entries.length : names.length); i++) {
      let m: MountEntry | undefined;
      if (fromTable) m = entries[i];
      else {
        m = findMount(sys, mounts, names[i]!);
        if (!m) {
          await complain(ctx.err, ctx.name, `${names[i]}: can't find mount point`);
          status = 1;
          continue;
        }
      }
      if (!m || m.source === 'rootfs') continue;
      if (on.has('t') && m.type !== parsed.value('t')) continue;
      let s;
      try {
        s = await statfsOf(sys, m, sys.stat(m.dir).dev);
      } catch (e) {
        await complainAbout(ctx.err, ctx.name, m.dir, e);
        status = 1;
        continue;
      }
      if (!(s.blocks > 0 || !fromTable || on.has('a'))) continue;
      let { blocks, bfree, bavail } = s;
      let frsize = s.bsize;
      let shown = unit;
      if (on.has('i')) {
        blocks = s.files;
        bavail = bfree = s.ffree;
        frsize = 1;
        if (shown) shown = 1;
      }
      const used = blocks - bfree;
      const total = used + bavail;
      const percent = total === 0 ? 0 : Math.floor((used * 100 + Math.floor(total / 2)) / total);
      let line = m.source.length > 20 && !on.has('P') ? `${m.source}\n${' '.repeat(20)}` : m.source.padEnd(20);
      if (on.has('T')) line += m.type.length > 10 && !on.has('P') ? ` ${m.type}\n${' '.repeat(31)}` : ` ${m.type.padEnd(10)}`;
      const size = (n: number) => humanReadable(n, frsize, shown).padStart(9);
      line += ` ${size(blocks)} ${size(used)} ${size(bavail)} ${String(percent).padStart(3)}% ${m.dir}\n`;
      await out.write(line);
    }
    return status;
  },
);
