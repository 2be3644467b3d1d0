import { FsError } from './errno.ts';
import { isDir, type FileSystem } from './types.ts';

/** `mkdir -p` on a FileSystem: makes the missing directories of `path` with `mode` and `owner`. */
export function mkdirs(fs: FileSystem, path: string, mode = 0o755, owner: { uid: number; gid: number } = { uid: 0, gid: 0 }): void {
  let cur = '';
  for (const c of path.split('/').filter((x) => x !== '')) {
    cur += '/' + c;
    try {
      if (!isDir(fs.lstat(cur).mode)) throw new FsError('ENOTDIR', 'mkdir', cur);
      continue;
    } catch (err) {
      if (!(err instanceof FsError && err.code === 'ENOENT')) throw err;
    }
    fs.mkdir(cur, mode, owner);
  }
}
