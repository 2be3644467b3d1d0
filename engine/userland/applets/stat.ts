/**
 * stat [-ltf] [-c FMT] FILE...: show a file's inode (or, -f, its
 * filesystem's statistics) in busybox's layout, or in FMT's %-sequences.
 * -L follows symlinks, -t is the terse one-line form.
 */
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, isSymlink, type Stat } from '../../fs/types.ts';
import { applet } from '../lib/applet.ts';
import { complain, errorText } from '../lib/errors.ts';
import { modeString } from '../lib/format.ts';
import { parseOptions, showUsage } from '../lib/files-options.ts';
import { printfOne } from '../lib/files-printf.ts';
import { statfs, type StatFs } from '../lib/files-statfs.ts';
import { statTime } from '../lib/files-time.ts';
import { Names } from '../lib/users.ts';

const USAGE = `Usage: stat [-ltf] [-c FMT] FILE...

Display file (default) or filesystem status

\t-c FMT\tUse the specified format
\t-f\tDisplay filesystem status
\t-L\tFollow links
\t-t\tTerse display

FMT sequences for files:
 %a\tAccess rights in octal
 %A\tAccess rights in human readable form
 %b\tNumber of blocks allocated (see %B)
 %B\tSize in bytes of each block reported by %b
 %d\tDevice number in decimal
 %D\tDevice number in hex
 %f\tRaw mode in hex
 %F\tFile type
 %g\tGroup ID
 %G\tGroup name
 %h\tNumber of hard links
 %i\tInode number
 %n\tFile name
 %N\tFile name, with -> TARGET if symlink
 %o\tI/O block size
 %s\tTotal size in bytes
 %t\tMajor device type in hex
 %T\tMinor device type in hex
 %u\tUser ID
 %U\tUser name
 %x\tTime of last access
 %X\tTime of last access as seconds since Epoch
 %y\tTime of last modification
 %Y\tTime of last modification as seconds since Epoch
 %z\tTime of last change
 %Z\tTime of last change as seconds since Epoch

FMT sequences for file systems:
 %a\tFree blocks available to non-superuser
 %b\tTotal data blocks
 %c\tTotal file nodes
 %d\tFree file nodes
 %f\tFree blocks
 %i\tFile System ID in hex
 %l\tMaximum length of filenames
 %n\tFile name
 %s\tBlock size (for faster transfer)
 %S\tFundamental block size (for block counts)
 %t\tType in hex
 %T\tType in human readable form`;

const FILE_FORMAT =
  '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Dh/%dd\tInode: %-10i  Links: %h\nAccess: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z';
const DEVICE_FORMAT =
  '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Dh/%dd\tInode: %-10i  Links: %-5h Device type: %t,%T\nAccess: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z';
const TERSE_FORMAT = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %o';
const FS_FORMAT =
  '  File: "%n"\n    ID: %-8i Namelen: %-7l Type: %T\nBlock size: %-10s\nBlocks: Total: %-10b Free: %-10f Available: %a\nInodes: Total: %-10c Free: %d';
const FS_TERSE_FORMAT = '%n %i %l %t %s %b %f %a %c %d';

const FS_NAMES: Record<number, string> = {
  0xadff: 'affs',
  0x1cd1: 'devpts',
  0x137d: 'ext',
  0xef51: 'ext2',
  0xef53: 'ext2/ext3',
  0x3153464a: 'jfs',
  0x58465342: 'xfs',
  0xf995e849: 'hpfs',
  0x9660: 'isofs',
  0x4000: 'isofs',
  0x4004: 'isofs',
  0x137f: 'minix',
  0x138f: 'minix (30 char.)',
  0x2468: 'minix v2',
  0x2478: 'minix v2 (30 char.)',
  0x4d44: 'msdos',
  0x4006: 'fat',
  0x564c: 'novell',
  0x6969: 'nfs',
  0x9fa0: 'proc',
  0x517b: 'smb',
  0x012ff7b4: 'xenix',
  0x012ff7b5: 'sysv4',
  0x012ff7b6: 'sysv2',
  0x012ff7b7: 'coh',
  0x00011954: 'ufs',
  0x012fd16d: 'xia',
  0x5346544e: 'ntfs',
  0x1021994: 'tmpfs',
  0x52654973: 'reiserfs',
  0x28cd3d45: 'cramfs',
  0x7275: 'romfs',
  0x858458f6: 'ramfs',
  0x73717368: 'squashfs',
  0x62656572: 'sysfs',
};

function fileType(st: Stat): string {
  switch (st.mode & S_IFMT) {
    case S_IFREG:
      return st.size === 0 ? 'regular empty file' : 'regular file';
    case S_IFDIR:
      return 'directory';
    case S_IFBLK:
      return 'block special file';
    case S_IFCHR:
      return 'character special file';
    case S_IFIFO:
      return 'fifo';
    case S_IFLNK:
      return 'symbolic link';
    case S_IFSOCK:
      return 'socket';
  }
  return 'weird file';
}

const major = (rdev: number) => (rdev >>> 8) & 0xfff;
const minor = (rdev: number) => (rdev & 0xff) | ((rdev >>> 12) & 0xfff00);

/** print_it: FMT with each %-sequence replaced; a newline at the end unless FMT ends in a lone "%". */
function render(format: string, conversion: (modifiers: string, c: string) => string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const p = format.indexOf('%', i);
    if (p < 0) return out + format.slice(i) + '\n';
    out += format.slice(i, p);
    let j = p + 1;
    while (j < format.length && '#-+.I 0123456789'.includes(format[j]!)) j++;
    const modifiers = format.slice(p + 1, j);
    const c = format[j];
    if (c === undefined) return out + '%';
    out += c === '%' ? '%' : conversion(modifiers, c);
    i = j + 1;
  }
}

export default applet(USAGE, async (ctx) => {
  const { sys } = ctx;
  const o = await parseOptions(ctx, 'tLfc:');
  if (o.operands.length < 1) await showUsage(ctx);
  const format = o.value('c');
  const names = await Names.load(sys);
  let ok = true;
  for (const file of o.operands) {
    if (o.has('f')) {
      let fs: StatFs;
      try {
        fs = await statfs(sys, file);
      } catch (e) {
        await complain(ctx.err, ctx.name, `can't read file system information for '${file}': ${errorText(e)}`);
        ok = false;
        continue;
      }
      const text = render(format ?? (o.has('t') ? FS_TERSE_FORMAT : FS_FORMAT), (m, c) => {
        switch (c) {
          case 'n':
            return printfOne(m, 's', file);
          case 'i':
            return printfOne(m, 's', fs.fsid);
          case 'l':
            return printfOne(m, 'u', fs.namelen);
          case 't':
            return printfOne(m, 'x', fs.type);
          case 'T':
            return printfOne(m, 's', FS_NAMES[fs.type] ?? 'UNKNOWN');
          case 'b':
            return printfOne(m, 'u', fs.blocks);
          case 'f':
            return printfOne(m, 'u', fs.bfree);
          case 'a':
            return printfOne(m, 'u', fs.bavail);
          case 's':
          case 'S':
            return printfOne(m, 'u', fs.bsize);
          case 'c':
            return printfOne(m, 'u', fs.files);
          case 'd':
            return printfOne(m, 'u', fs.ffree);
        }
        return printfOne(m, 'c', c);
      });
      await ctx.out.write(text);
      continue;
    }
    let st: Stat;
    try {
      st = o.has('L') ? sys.stat(file) : sys.lstat(file);
    } catch (e) {
      await complain(ctx.err, ctx.name, `can't stat '${file}': ${errorText(e)}`);
      ok = false;
      continue;
    }
    const device = (st.mode & S_IFMT) === S_IFBLK || (st.mode & S_IFMT) === S_IFCHR;
    let linkError: string | undefined;
    const text = render(format ?? (o.has('t') ? TERSE_FORMAT : device ? DEVICE_FORMAT : FILE_FORMAT), (m, c) => {
      const seconds = (ms: number) => Math.floor(ms / 1000);
      switch (c) {
        case 'n':
          return printfOne(m, 's', file);
        case 'N':
          if (!isSymlink(st.mode)) return printfOne(m, 's', file);
          try {
            return `'${file}' -> '${sys.readlink(file)}'`;
          } catch (e) {
            linkError = `${file}: cannot read link: ${errorText(e)}`;
            return '';
          }
        case 'd':
          return printfOne(m, 'u', st.dev);
        case 'D':
          return printfOne(m, 'x', st.dev);
        case 'i':
          return printfOne(m, 'u', st.ino);
        case 'a':
          return printfOne(m, 'o', st.mode & 0o7777);
        case 'A':
          return printfOne(m, 's', modeString(st.mode));
        case 'f':
          return printfOne(m, 'x', st.mode);
        case 'F':
          return printfOne(m, 's', fileType(st));
        case 'h':
          return printfOne(m, 'u', st.nlink);
        case 'u':
          return printfOne(m, 'u', st.uid);
        case 'U':
          return printfOne(m, 's', names.user(st.uid) ?? 'UNKNOWN');
        case 'g':
          return printfOne(m, 'u', st.gid);
        case 'G':
          return printfOne(m, 's', names.group(st.gid) ?? 'UNKNOWN');
        case 't':
          return printfOne(m, 'x', major(st.rdev));
        case 'T':
          return printfOne(m, 'x', minor(st.rdev));
        case 's':
          return printfOne(m, 'u', st.size);
        case 'B':
          return printfOne(m, 'u', 512);
        case 'b':
          return printfOne(m, 'u', st.blocks);
        case 'o':
          return printfOne(m, 'u', st.blksize);
        case 'x':
          return printfOne(m, 's', statTime(st.atimeMs));
        case 'X':
          return printfOne(m, 'd', seconds(st.atimeMs));
        case 'y':
          return printfOne(m, 's', statTime(st.mtimeMs));
        case 'Y':
          return printfOne(m, 'd', seconds(st.mtimeMs));
        case 'z':
          return printfOne(m, 's', statTime(st.ctimeMs));
        case 'Z':
          return printfOne(m, 'd', seconds(st.ctimeMs));
      }
      return printfOne(m, 'c', c);
    });
    if (linkError) await complain(ctx.err, ctx.name, linkError);
    await ctx.out.write(text);
  }
  return ok ? 0 : 1;
});
