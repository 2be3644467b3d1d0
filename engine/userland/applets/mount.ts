/**
 * mount [OPTIONS] [-o OPT] DEVICE NODE: without arguments, list what is
 * mounted (from /proc/mounts, as `SOURCE on TARGET type TYPE (OPTIONS)`);
 * otherwise mount: `mount -t tmpfs -o size=1m tmpfs /mnt`, `mount -t proc
 * proc /proc`, `mount --bind /src /dst` (a directory without -t is bound).
 * With one argument, the other comes from /etc/fstab; -a mounts all of it.
 * Only root may mount ("permission denied (are you root?)").
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import { S_IFDIR, S_IFMT, S_IFREG } from '../../fs/types.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { readFile } from '../lib/io.ts';
import { parseOptions } from '../lib/system-getopt.ts';

const MS = {
  RDONLY: 1, NOSUID: 2, NODEV: 4, NOEXEC: 8, SYNCHRONOUS: 16, REMOUNT: 32, MANDLOCK: 64, DIRSYNC: 128, NOSYMFOLLOW: 256,
  NOATIME: 1024, NODIRATIME: 2048, BIND: 4096, MOVE: 8192, REC: 16384, SILENT: 32768,
  UNBINDABLE: 1 << 17, PRIVATE: 1 << 18, SLAVE: 1 << 19, SHARED: 1 << 20, RELATIME: 1 << 21, STRICTATIME: 1 << 24, LAZYTIME: 1 << 25,
  NOAUTO: 1 << 28, SWAP: 1 << 29, USERS: 1 << 30, NOFAIL: 2 ** 31,
};

/** busybox's option words: [name, flag to set, or to clear when negative]. */
const OPTIONS: [string, number][] = [
  ['loop', 0], ['defaults', 0], ['noauto', MS.NOAUTO], ['sw', MS.SWAP], ['swap', MS.SWAP], ['user', MS.USERS], ['users', MS.USERS], ['nofail', MS.NOFAIL], ['_netdev', 0], ['comment=', 0],
  ['nosuid', MS.NOSUID], ['suid', -MS.NOSUID], ['dev', -MS.NODEV], ['nodev', MS.NODEV], ['exec', -MS.NOEXEC], ['noexec', MS.NOEXEC],
  ['sync', MS.SYNCHRONOUS], ['dirsync', MS.DIRSYNC], ['async', -MS.SYNCHRONOUS], ['atime', -MS.NOATIME], ['noatime', MS.NOATIME],
  ['diratime', -MS.NODIRATIME], ['nodiratime', MS.NODIRATIME], ['relatime', MS.RELATIME], ['norelatime', -MS.RELATIME],
  ['strictatime', MS.STRICTATIME], ['nostrictatime', -MS.STRICTATIME], ['lazytime', MS.LAZYTIME], ['nolazytime', -MS.LAZYTIME],
  ['nosymfollow', MS.NOSYMFOLLOW], ['mand', MS.MANDLOCK], ['nomand', -MS.MANDLOCK], ['loud', -MS.SILENT],
  ['rbind', MS.BIND | MS.REC], ['bind', MS.BIND], ['move', MS.MOVE], ['make-shared', MS.SHARED], ['make-slave', MS.SLAVE],
  ['make-private', MS.PRIVATE], ['make-unbindable', MS.UNBINDABLE], ['make-rshared', MS.SHARED | MS.REC], ['make-rslave', MS.SLAVE | MS.REC],
  ['make-rprivate', MS.PRIVATE | MS.REC], ['make-runbindable', MS.UNBINDABLE | MS.REC],
  ['ro', MS.RDONLY], ['rw', -MS.RDONLY], ['remount', MS.REMOUNT],
];

const PROPAGATION = MS.SHARED | MS.PRIVATE | MS.SLAVE | MS.UNBINDABLE;

/** parse_mount_options: the flags, and the options for the filesystem itself ("size=1m,mode=700"). */
function parseMountOptions(options: string): { flags: number; data: string[] } {
  let flags = 0;
  const data: string[] = [];
  for (const opt of options.split(',')) {
    if (opt === '') continue;
    const known = OPTIONS.find(([name]) => (name.endsWith('=') ? opt.startsWith(name) : opt === name));
    if (!known) {
      data.push(opt);
      continue;
    }
    const v = known[1];
    if (v < 0) flags = (flags & ~-v) >>> 0;
    else flags = (flags | v) >>> 0;
  }
  return { flags, data };
}

/** getmntent: fields of a mount table line, with \040-style escapes decoded. */
function mountEntries(text: string): { fsname: string; dir: string; type: string; opts: string }[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [fsname = '', dir = '', type = '', opts = ''] = l.split(/\s+/).map(unescape);
      return { fsname, dir, type, opts };
    });
}

async function readTable(sys: Sys, path: string): Promise<string> {
  return fromUtf8(await readFile(sys, path));
}

interface Entry {
  fsname: string;
  dir: string;
  type: string | undefined;
  opts: string;
}

/** singlemount: mount one entry, as busybox decides how. Returns the exit status (busybox's -1 is 255). */
async function singleMount(ctx: AppletContext, mp: Entry): Promise<number> {
  const { sys, err } = ctx;
  const { flags: parsedFlags, data } = parseMountOptions(mp.opts);
  let flags = parsedFlags;
  const type = mp.type === 'auto' ? undefined : mp.type;
  const report = async (e: FsError) => {
    await err.write(`${ctx.name}: mounting ${mp.fsname} on ${mp.dir} failed: ${strerror(e.code)}\n`);
    return 255;
  };

  let st;
  try {
    st = sys.stat(mp.fsname);
  } catch (e) {
    if (isProcessControl(e)) throw e;
  }
  if (st && !(flags & (MS.REMOUNT | MS.BIND | MS.MOVE))) {
    if ((st.mode & S_IFMT) === S_IFREG) {
      // A file would be attached to a loop device; this machine has none.
      await err.write(`${ctx.name}: can't setup loop device: ${strerror('ENOENT')}\n`);
      return 255;
    }
    if ((st.mode & S_IFMT) === S_IFDIR && !type) flags |= MS.BIND;
  }

  const attempt = (t: string | undefined): FsError | undefined => {
    try {
      if (flags & (MS.REMOUNT | MS.MOVE)) throw new FsError('ENOTSUP', 'mount', mp.dir);
      const names = OPTIONS.filter(([, v]) => v > 0 && v < MS.NOAUTO && !(v & (MS.BIND | MS.REC | PROPAGATION | MS.REMOUNT | MS.MOVE)) && (flags & v) === v).map(([n]) => n);
      if (flags & MS.BIND) sys.mount(mp.fsname, mp.dir, 'bind', ['bind', ...names, ...data]);
      else sys.mount(mp.fsname, mp.dir, t ?? '', [...names, ...data]);
      return undefined;
    } catch (e) {
      if (e instanceof FsError) return e;
      throw e;
    }
  };

  let failure: FsError | undefined;
  if (type || flags & (MS.REMOUNT | MS.BIND | MS.MOVE)) {
    for (const t of type ? type.split(',') : [undefined]) {
      failure = attempt(t);
      if (!failure) break;
    }
  } else {
    // No type: try each filesystem /proc/filesystems lists as block-backed.
    let list: string[] = [];
    try {
      list = (await readTable(sys, '/proc/filesystems'))
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('nodev'))
        .map((l) => l.trim());
    } catch (e) {
      if (isProcessControl(e)) throw e;
    }
    for (const t of list) {
      failure = attempt(t);
      if (!failure) break;
    }
  }
  if (!failure) return 0;
  if (failure.code === 'EPERM') fail('permission denied (are you root?)');
  if (failure.code === 'ENOENT' && flags & MS.NOFAIL) return 0;
  return report(failure);
}

export default applet(
  'Usage: mount [OPTIONS] [-o OPT] DEVICE NODE\n\nMount a filesystem. Filesystem autodetection requires /proc.\n\n\t-a\t\tMount all filesystems in fstab\n\t-f\t\tDry run\n\t-i\t\tDon\'t run mount helper\n\t-v\t\tVerbose\n\t-r\t\tRead-only mount\n\t-t FSTYPE[,...]\tFilesystem type(s)\n\t-O OPT\t\tMount only filesystems with option OPT (-a only)\n-o OPT:\n\tloop\t\tIgnored (loop devices are autodetected)\n\t[a]sync\t\tWrites are [a]synchronous\n\t[no]atime\tDisable/enable updates to inode access times\n\t[no]diratime\tDisable/enable atime updates to directories\n\t[no]relatime\tDisable/enable atime updates relative to modification time\n\t[no]dev\t\t(Dis)allow use of special device files\n\t[no]exec\t(Dis)allow use of executable files\n\t[no]suid\t(Dis)allow set-user-id-root programs\n\t[r]shared\tConvert [recursively] to a shared subtree\n\t[r]slave\tConvert [recursively] to a slave subtree\n\t[r]private\tConvert [recursively] to a private subtree\n\t[un]bindable\tMake mount point [un]able to be bind mounted\n\t[r]bind\t\tBind a file or directory [recursively] to another location\n\tmove\t\tRelocate an existing mount point\n\tremount\t\tRemount a mounted filesystem, changing flags\n\tro\t\tSame as -r\n\nThere are filesystem-specific -o flags.',
  async (ctx) => {
    const { sys, out } = ctx;
    // --bind, --move, --make-private…: a long option is a -o option
    const longOpts = sys.argv.slice(1).filter((a) => a.startsWith('--')).map((a) => a.slice(2));
    const argv = [sys.argv[0]!, ...sys.argv.slice(1).filter((a) => !a.startsWith('--'))];
    const o = await parseOptions({ ...ctx, sys: Object.create(sys, { argv: { value: argv } }) as Sys }, 'o:t:rwanfvsiO:');
    if (o.operands.length > 2) {
      await ctx.usage();
      return 1;
    }
    const opts = [...longOpts, ...o.values('o'), ...(o.has('r') ? ['ro'] : []), ...(o.has('w') ? ['rw'] : [])].filter((x) => x !== '').join(',');
    const fstype = o.value('t');
    const [first, second] = o.operands;

    if (first === undefined && !o.has('a')) {
      let text: string;
      try {
        text = await readTable(sys, '/proc/mounts');
      } catch (e) {
        if (isProcessControl(e)) throw e;
        return fail('no /proc/mounts');
      }
      for (const m of mountEntries(text)) {
        if (fstype === undefined || m.type === fstype) await out.write(`${m.fsname} on ${m.dir} type ${m.type} (${m.opts})\n`);
      }
      return 0;
    }
    if (first !== undefined && second !== undefined) {
      return singleMount(ctx, { fsname: first, dir: second, type: fstype, opts });
    }

    const { flags } = parseMountOptions(opts);
    if (flags & PROPAGATION && first !== undefined) {
      // Mounts here never propagate between namespaces: every mount already behaves as private.
      try {
        sys.stat(first);
      } catch (e) {
        if (e instanceof FsError) fail(`${first}: ${strerror(e.code)}`);
        throw e;
      }
      return 0;
    }
    const tableName = flags & MS.REMOUNT ? '/proc/mounts' : '/etc/fstab';
    let table: string;
    try {
      table = await readTable(sys, tableName);
    } catch (e) {
      if (e instanceof FsError) return fail(`can't read '${tableName}': ${strerror(e.code)}`);
      throw e;
    }
    const entries = mountEntries(table);
    if (first !== undefined) {
      const simplified = first.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
      const match = entries.filter((e) => e.fsname === first || e.fsname === simplified || e.dir === first || e.dir === simplified).pop();
      if (!match) return fail(`can't find ${first} in ${tableName}`);
      const merged = [match.opts, opts].filter((x) => x !== '').join(',');
      return singleMount(ctx, { fsname: match.fsname, dir: match.dir, type: match.type, opts: merged });
    }
    // mount -a
    let rc = 0;
    const mounted = mountEntries(await readTable(sys, '/proc/mounts'));
    for (const e of entries) {
      if (fstype !== undefined && !fstype.split(',').includes(e.type)) continue;
      if (parseMountOptions(e.opts).flags & (MS.NOAUTO | MS.SWAP) || e.type.toLowerCase() === 'swap') continue;
      if (mounted.some((m) => m.dir === e.dir)) continue;
      if ((await singleMount(ctx, { ...e, opts: [e.opts, opts].filter((x) => x !== '').join(',') })) !== 0) rc++;
    }
    return rc;
  },
);
