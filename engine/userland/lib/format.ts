/**
 * Formats that several tools share: ls-style modes and the C locale's month
 * and day names. Sizes are in files-human.ts, ls/stat dates in files-time.ts.
 */
import { S_IFMT, S_IFDIR, S_IFLNK, S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK, S_ISUID, S_ISGID, S_ISVTX } from '../../fs/types.ts';

/** "-rwxr-xr-x", "drwxrwxrwt", "lrwxrwxrwx", "-rwsr-xr-x". */
export function modeString(mode: number): string {
  const type = mode & S_IFMT;
  const t = type === S_IFDIR ? 'd' : type === S_IFLNK ? 'l' : type === S_IFCHR ? 'c' : type === S_IFBLK ? 'b' : type === S_IFIFO ? 'p' : type === S_IFSOCK ? 's' : '-';
  const bit = (b: number, c: string) => (mode & b ? c : '-');
  const special = (x: number, s: number, lower: string, upper: string) => (mode & s ? (mode & x ? lower : upper) : mode & x ? 'x' : '-');
  return (
    t +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(0o100, S_ISUID, 's', 'S') +
    bit(0o040, 'r') +
    bit(0o020, 'w') +
    special(0o010, S_ISGID, 's', 'S') +
    bit(0o004, 'r') +
    bit(0o002, 'w') +
    special(0o001, S_ISVTX, 't', 'T')
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export { MONTHS, DAYS };
