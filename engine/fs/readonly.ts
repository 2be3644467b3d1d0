/** A read-only view of a filesystem (mount -o ro): every change fails with EROFS. */
import { FsError } from './errno.ts';
import type { FileHandle, FileSystem, Owner, SetAttr, Stat } from './types.ts';

export class ReadOnlyFs implements FileSystem {
  constructor(private readonly inner: FileSystem) {}

  get dev(): number {
    return this.inner.dev;
  }

  lstat(path: string): Stat {
    return this.inner.lstat(path);
  }
  readdir(path: string): string[] {
    return this.inner.readdir(path);
  }
  readlink(path: string): string {
    return this.inner.readlink(path);
  }
  sameFile(a: string, b: string): boolean {
    return this.inner.sameFile(a, b);
  }
  open(path: string, mode: 'r' | 'w' | 'rw'): FileHandle {
    if (mode !== 'r') throw new FsError('EROFS', 'open', path);
    return this.inner.open(path, mode);
  }
  mkdir(path: string, _mode: number, _owner: Owner): void {
    throw new FsError('EROFS', 'mkdir', path);
  }
  create(path: string, _mode: number, _owner: Owner): void {
    throw new FsError('EROFS', 'open', path);
  }
  mknod(path: string, _mode: number, _rdev: number, _owner: Owner): void {
    throw new FsError('EROFS', 'mknod', path);
  }
  symlink(_target: string, path: string, _owner: Owner): void {
    throw new FsError('EROFS', 'symlink', path);
  }
  link(existing: string, path: string): void {
    throw new FsError('EROFS', 'link', existing, path);
  }
  unlink(path: string): void {
    throw new FsError('EROFS', 'unlink', path);
  }
  rmdir(path: string): void {
    throw new FsError('EROFS', 'rmdir', path);
  }
  rename(from: string, to: string): void {
    throw new FsError('EROFS', 'rename', from, to);
  }
  setattr(path: string, _attrs: SetAttr): void {
    throw new FsError('EROFS', 'chmod', path);
  }
}
