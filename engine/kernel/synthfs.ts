/**
 * Filesystems whose files are made up on the spot from kernel state: /proc,
 * /sys/fs/cgroup, /dev/pts. Each is a tree of nodes with functions that say
 * what a directory holds and what a file reads as. A file's text is taken
 * when it is opened (as Linux's seq_file does), so one read sees one moment.
 * Like real /proc files, these report a size of 0.
 */
import { fromUtf8, utf8 } from '../common/bytes.ts';
import { allocateDev } from '../fs/diskfs.ts';
import { FsError } from '../fs/errno.ts';
import { S_IFCHR, S_IFDIR, S_IFLNK, S_IFREG, type FileHandle, type FileSystem, type Owner, type SetAttr, type Stat } from '../fs/types.ts';

interface Attrs {
  mode?: number;
  uid?: number;
  gid?: number;
}

export type SynthNode =
  | (Attrs & {
      kind: 'dir';
      entries(): Iterable<[string, SynthNode]>;
      /** Faster than scanning entries when the directory is large. */
      lookup?(name: string): SynthNode | undefined;
      mkdir?(name: string): void;
      rmdir?(name: string): void;
    })
  | (Attrs & { kind: 'file'; read(): string | Uint8Array; write?(text: string): void })
  | (Attrs & { kind: 'link'; target(): string })
  | (Attrs & { kind: 'char'; rdev: number });

export const dir = (entries: () => Iterable<[string, SynthNode]>, attrs: Attrs & Partial<Extract<SynthNode, { kind: 'dir' }>> = {}): SynthNode => ({
  kind: 'dir',
  entries,
  ...attrs,
});
export const file = (read: () => string | Uint8Array, attrs: Attrs & { write?: (text: string) => void } = {}): SynthNode => ({ kind: 'file', read, ...attrs });
export const link = (target: () => string): SynthNode => ({ kind: 'link', target });

function hashPath(path: string): number {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return (h >>> 0) % 1_000_000 + 1000;
}

export class SyntheticFs implements FileSystem {
  readonly dev = allocateDev();

  constructor(
    private readonly root: () => SynthNode,
    private readonly now: () => number,
    private readonly fsName: string,
  ) {}

  private find(path: string, syscall: string): SynthNode {
    let node = this.root();
    for (const c of path.split('/')) {
      if (c === '') continue;
      if (node.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
      const next = node.lookup ? node.lookup(c) : [...node.entries()].find(([n]) => n === c)?.[1];
      if (!next) throw new FsError('ENOENT', syscall, path);
      node = next;
    }
    return node;
  }

  private parentOf(path: string, syscall: string): { dir: Extract<SynthNode, { kind: 'dir' }>; name: string } {
    const parts = path.split('/').filter((c) => c !== '');
    const name = parts.pop();
    if (name === undefined) throw new FsError('EBUSY', syscall, path);
    const d = this.find('/' + parts.join('/'), syscall);
    if (d.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
    return { dir: d, name };
  }

  lstat(path: string): Stat {
    const node = this.find(path, 'lstat');
    const t = this.now();
    const type = node.kind === 'dir' ? S_IFDIR : node.kind === 'link' ? S_IFLNK : node.kind === 'char' ? S_IFCHR : S_IFREG;
    const perm = node.mode ?? (node.kind === 'dir' ? 0o555 : node.kind === 'link' ? 0o777 : node.kind === 'file' && node.write ? 0o644 : 0o444);
    return {
      dev: this.dev,
      ino: hashPath(this.fsName + path),
      mode: type | perm,
      nlink: node.kind === 'dir' ? 2 : 1,
      uid: node.uid ?? 0,
      gid: node.gid ?? 0,
      rdev: node.kind === 'char' ? node.rdev : 0,
      size: node.kind === 'link' ? utf8(node.target()).length : 0,
      blksize: 1024,
      blocks: 0,
      atimeMs: t,
      mtimeMs: t,
      ctimeMs: t,
    };
  }

  readdir(path: string): string[] {
    const node = this.find(path, 'scandir');
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', 'scandir', path);
    return [...node.entries()].map(([n]) => n);
  }

  readlink(path: string): string {
    const node = this.find(path, 'readlink');
    if (node.kind !== 'link') throw new FsError('EINVAL', 'readlink', path);
    return node.target();
  }

  open(path: string, mode: 'r' | 'w' | 'rw'): FileHandle {
    const node = this.find(path, 'open');
    if (node.kind === 'dir') {
      if (mode !== 'r') throw new FsError('EISDIR', 'open', path);
      return this.handle(path, new Uint8Array(0), undefined);
    }
    if (node.kind !== 'file') throw new FsError('ENXIO', 'open', path);
    if (mode !== 'r' && !node.write) throw new FsError('EACCES', 'open', path);
    const content = mode === 'w' ? new Uint8Array(0) : (() => {
      const c = node.read();
      return typeof c === 'string' ? utf8(c) : c;
    })();
    return this.handle(path, content, node.write);
  }

  private handle(path: string, content: Uint8Array, write: ((text: string) => void) | undefined): FileHandle {
    const stat = () => this.lstat(path);
    return {
      read(buf, position) {
        if (position >= content.length) return 0;
        const n = Math.min(buf.length, content.length - position);
        buf.set(content.subarray(position, position + n));
        return n;
      },
      write(data) {
        if (!write) throw new FsError('EBADF', 'write');
        // Linux kernel files take one value per write; a trailing newline is fine.
        write(fromUtf8(data).replace(/\n$/, ''));
        return data.length;
      },
      stat,
      truncate() {
        // `echo 50000 > cpu.max` opens with O_TRUNC: nothing to do.
      },
      setattr() {
        throw new FsError('EPERM', 'chmod', path);
      },
      close() {},
    };
  }

  mkdir(path: string, _mode: number, _owner: Owner): void {
    const { dir, name } = this.parentOf(path, 'mkdir');
    if (!dir.mkdir) throw new FsError('EPERM', 'mkdir', path);
    if ([...dir.entries()].some(([n]) => n === name)) throw new FsError('EEXIST', 'mkdir', path);
    dir.mkdir(name);
  }
  rmdir(path: string): void {
    const { dir, name } = this.parentOf(path, 'rmdir');
    if (!dir.rmdir) throw new FsError('EPERM', 'rmdir', path);
    dir.rmdir(name);
  }
  create(path: string, _mode: number, _owner: Owner): void {
    this.find(path.replace(/\/[^/]*$/, '') || '/', 'open');
    throw new FsError('EACCES', 'open', path);
  }
  mknod(path: string): void {
    throw new FsError('EPERM', 'mknod', path);
  }
  symlink(_target: string, path: string): void {
    throw new FsError('EPERM', 'symlink', path);
  }
  link(existing: string, path: string): void {
    throw new FsError('EPERM', 'link', existing, path);
  }
  unlink(path: string): void {
    this.find(path, 'unlink');
    throw new FsError('EPERM', 'unlink', path);
  }
  rename(from: string, to: string): void {
    throw new FsError('EPERM', 'rename', from, to);
  }
  sameFile(a: string, b: string): boolean {
    return a === b;
  }
  setattr(path: string, attrs: SetAttr): void {
    // `echo x > /proc/...` truncates first; allow that, refuse real changes.
    if (attrs.size === 0 && Object.keys(attrs).length === 1) return;
    this.find(path, 'chmod');
    throw new FsError('EPERM', 'chmod', path);
  }
}
