/**
 * A directory of one filesystem seen as a filesystem of its own: what a bind
 * mount of a subdirectory (`-v /home/learner/site:/usr/share/nginx/html`)
 * shows at its mount point.
 */
import type { FileHandle, FileSystem, Owner, SetAttr, Stat } from './types.ts';

export class SubtreeFs implements FileSystem {
  constructor(
    readonly inner: FileSystem,
    /** Normalized absolute path of the subtree's root inside `inner`. */
    readonly prefix: string,
  ) {}

  get dev(): number {
    return this.inner.dev;
  }

  private at(path: string): string {
    if (this.prefix === '/') return path;
    return path === '/' ? this.prefix : this.prefix + path;
  }

  lstat(path: string): Stat {
    return this.inner.lstat(this.at(path));
  }
  readdir(path: string): string[] {
    return this.inner.readdir(this.at(path));
  }
  readlink(path: string): string {
    return this.inner.readlink(this.at(path));
  }
  mkdir(path: string, mode: number, owner: Owner): void {
    this.inner.mkdir(this.at(path), mode, owner);
  }
  create(path: string, mode: number, owner: Owner): void {
    this.inner.create(this.at(path), mode, owner);
  }
  mknod(path: string, mode: number, rdev: number, owner: Owner): void {
    this.inner.mknod(this.at(path), mode, rdev, owner);
  }
  symlink(target: string, path: string, owner: Owner): void {
    this.inner.symlink(target, this.at(path), owner);
  }
  link(existing: string, path: string): void {
    this.inner.link(this.at(existing), this.at(path));
  }
  unlink(path: string): void {
    this.inner.unlink(this.at(path));
  }
  rmdir(path: string): void {
    this.inner.rmdir(this.at(path));
  }
  rename(from: string, to: string): void {
    this.inner.rename(this.at(from), this.at(to));
  }
  sameFile(a: string, b: string): boolean {
    return this.inner.sameFile(this.at(a), this.at(b));
  }
  setattr(path: string, attrs: SetAttr): void {
    this.inner.setattr(this.at(path), attrs);
  }
  open(path: string, mode: 'r' | 'w' | 'rw'): FileHandle {
    return this.inner.open(this.at(path), mode);
  }
}
