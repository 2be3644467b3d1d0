/**
 * The `fs` module over the process's system calls. Metadata calls (stat,
 * readdir, mkdir, unlink, rename…) are synchronous in Berth's kernel too,
 * so their *Sync forms are direct. File contents go through the file cache
 * (./files.ts) for the *Sync forms and through the event loop for the
 * callback and promise forms, which also fill the cache.
 */
import { Buffer } from 'buffer';
import { isDir, isRegular, S_IFMT, type Stat } from '../../fs/types.ts';
import { FsError } from '../../fs/errno.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import type { NodeContext } from './context.ts';
import { codeError, fsException, nodeFrames } from './errors.ts';
import type { FileCache } from './files.ts';
import { makePath } from './path.ts';

type Callback<T = unknown> = (err: Error | null, value?: T) => void;
type Options = { encoding?: string | null; flag?: string; mode?: number; recursive?: boolean; withFileTypes?: boolean; force?: boolean; throwIfNoEntry?: boolean } | string | null | undefined;

const OPEN_SITE = 'node:fs:573\n  return binding.open(\n                 ^\n';
const S_IFLNK = 0o120000;
const S_IFIFO = 0o010000;
const S_IFSOCK = 0o140000;
const S_IFCHR = 0o020000;
const S_IFBLK = 0o060000;

export class Stats {
  dev!: number; mode!: number; nlink!: number; uid!: number; gid!: number; rdev!: number; blksize!: number; ino!: number; size!: number; blocks!: number;
  atimeMs!: number; mtimeMs!: number; ctimeMs!: number; birthtimeMs!: number; atime!: Date; mtime!: Date; ctime!: Date; birthtime!: Date;
  constructor(st: Stat) {
    Object.assign(this, { dev: st.dev, mode: st.mode, nlink: st.nlink, uid: st.uid, gid: st.gid, rdev: st.rdev, blksize: st.blksize, ino: st.ino, size: st.size, blocks: st.blocks });
    Object.assign(this, { atimeMs: st.atimeMs, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, birthtimeMs: st.ctimeMs });
    Object.assign(this, { atime: new Date(st.atimeMs), mtime: new Date(st.mtimeMs), ctime: new Date(st.ctimeMs), birthtime: new Date(st.ctimeMs) });
  }
  isFile(): boolean { return (this.mode & S_IFMT) === 0o100000; }
  isDirectory(): boolean { return (this.mode & S_IFMT) === 0o040000; }
  isSymbolicLink(): boolean { return (this.mode & S_IFMT) === S_IFLNK; }
  isFIFO(): boolean { return (this.mode & S_IFMT) === S_IFIFO; }
  isSocket(): boolean { return (this.mode & S_IFMT) === S_IFSOCK; }
  isCharacterDevice(): boolean { return (this.mode & S_IFMT) === S_IFCHR; }
  isBlockDevice(): boolean { return (this.mode & S_IFMT) === S_IFBLK; }
}

export class Dirent {
  constructor(readonly name: string, readonly parentPath: string, private readonly type: number) {}
  get path(): string { return this.parentPath; }
  isFile(): boolean { return this.type === 0o100000; }
  isDirectory(): boolean { return this.type === 0o040000; }
  isSymbolicLink(): boolean { return this.type === S_IFLNK; }
  isFIFO(): boolean { return this.type === S_IFIFO; }
  isSocket(): boolean { return this.type === S_IFSOCK; }
  isCharacterDevice(): boolean { return this.type === S_IFCHR; }
  isBlockDevice(): boolean { return this.type === S_IFBLK; }
}

export const constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024, S_IFMT, S_IFREG: 0o100000, S_IFDIR: 0o040000, S_IFLNK, COPYFILE_EXCL: 1 };

const opts = (o: Options): Exclude<Options, string | null | undefined> => (typeof o === 'string' ? { encoding: o } : (o ?? {}));
const pathOf = (p: unknown): string => {
  if (typeof p === 'string') return p;
  if (p instanceof Uint8Array) return new TextDecoder().decode(p);
  if (p && typeof p === 'object' && 'pathname' in p && (p as { protocol?: string }).protocol === 'file:') return decodeURIComponent((p as { pathname: string }).pathname);
  throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "path" argument must be of type string or an instance of Buffer or URL. Received ${p === null ? 'null' : typeof p}`);
};
const decode = (data: Uint8Array, encoding: string | null | undefined) => (encoding ? Buffer.from(data).toString(encoding as 'utf8') : Buffer.from(data));
const bytesOf = (data: unknown, encoding?: string | null): Uint8Array => (typeof data === 'string' ? Buffer.from(data, (encoding ?? 'utf8') as 'utf8') : data instanceof Uint8Array ? data : Buffer.from(String(data)));

export function makeFs(ctx: NodeContext, files: FileCache) {
  const { sys, loop } = ctx;
  const path = makePath(() => sys.getcwd());
  /** Runs a system call, turning its errno into Node's error. */
  const call = <T>(syscall: string, p: string | undefined, fn: () => T, dest?: string): T => {
    try {
      return fn();
    } catch (err) {
      if (isProcessControl(err) || !(err instanceof FsError)) throw err;
      throw fsException(err, syscall, p, dest);
    }
  };

  const readFileSync = (file: unknown, options?: Options): string | Buffer => {
    const o = opts(options);
    if (typeof file === 'number') throw fsException(new FsError('EAGAIN', 'read'), 'read');
    const p = pathOf(file);
    let data: Uint8Array | undefined;
    try {
      data = call('open', p, () => files.read(p));
    } catch (err) {
      if (err instanceof Error && (err as { code?: string }).code !== 'EISDIR') throw nodeFrames(err, ['Object.openSync (node:fs:573:18)', 'Object.readFileSync (node:fs:452:35)'], OPEN_SITE);
      throw fsException(new FsError('EISDIR', 'read'), 'read');
    }
    if (!data) {
      if (files.firstMiss()) loop.write(2, `berth: node: fs.readFileSync('${p}'): this file was not read ahead, and Berth's kernel reads files only asynchronously; it is being read now, so the next call will find it. fs.readFile and fs.promises.readFile always work.\n`);
      throw fsException(new FsError('EAGAIN', 'read'), 'read', p);
    }
    return decode(data, o.encoding);
  };

  const writeFileSync = (file: unknown, data: unknown, options?: Options, done?: (err: unknown) => void) => {
    const o = opts(options);
    if (typeof file === 'number' && (file === 1 || file === 2)) return void loop.write(file, bytesOf(data, o.encoding));
    const p = pathOf(file);
    call('open', p, () => files.write(p, bytesOf(data, o.encoding), o.flag ?? 'w', o.mode ?? 0o666, done));
  };

  const statSync = (p: unknown, options?: Options, follow = true) => {
    try {
      return new Stats(call(follow ? 'stat' : 'lstat', pathOf(p), () => files.stat(pathOf(p), follow)));
    } catch (err) {
      if (opts(options).throwIfNoEntry === false && (err as { code?: string }).code === 'ENOENT') return undefined;
      throw err;
    }
  };

  const readdirSync = (p: unknown, options?: Options) => {
    const dir = pathOf(p);
    const o = opts(options);
    const names = call('scandir', dir, () => sys.readdir(dir));
    const list = (d: string, prefix: string): (string | Dirent)[] =>
      (d === dir ? names : sys.readdir(d)).flatMap((name) => {
        const full = `${d}/${name}`;
        const type = (() => {
          try {
            return sys.lstat(full).mode & S_IFMT;
          } catch {
            return 0;
          }
        })();
        const entry = o.withFileTypes ? new Dirent(name, d, type) : `${prefix}${name}`;
        return o.recursive && type === 0o040000 ? [entry, ...list(full, `${prefix}${name}/`)] : [entry];
      });
    const out = list(dir, '');
    return o.encoding === 'buffer' ? out.map((n) => (typeof n === 'string' ? Buffer.from(n) : n)) : out;
  };

  const mkdirSync = (p: unknown, options?: Options | number) => {
    const target = pathOf(p);
    const o = typeof options === 'number' ? { mode: options } : opts(options);
    if (!o.recursive) return void call('mkdir', target, () => sys.mkdir(target, o.mode ?? 0o777));
    const abs = path.resolve(target);
    let first: string | undefined;
    let cur = '';
    for (const part of abs.split('/').filter(Boolean)) {
      cur += `/${part}`;
      try {
        const st = sys.stat(cur);
        if (!isDir(st.mode)) throw fsException(new FsError('ENOTDIR', 'mkdir'), 'mkdir', target);
        continue;
      } catch (err) {
        if (!(err instanceof FsError) || err.code !== 'ENOENT') throw err;
      }
      call('mkdir', target, () => sys.mkdir(cur, o.mode ?? 0o777));
      first ??= cur;
    }
    return first;
  };

  const rmSync = (p: unknown, options?: Options) => {
    const target = pathOf(p);
    const o = opts(options);
    let st: Stat;
    try {
      st = call('lstat', target, () => sys.lstat(target));
    } catch (err) {
      if (o.force && (err as { code?: string }).code === 'ENOENT') return;
      throw err;
    }
    if (isDir(st.mode)) {
      if (!o.recursive) throw Object.assign(codeError(Error, 'ERR_FS_EISDIR', `Path is a directory: rm returned EISDIR (is a directory) ${target}`), { errno: 21, syscall: 'rm', path: target });
      for (const name of sys.readdir(target)) rmSync(`${target}/${name}`, options);
      call('rmdir', target, () => sys.rmdir(target));
    } else {
      call('unlink', target, () => sys.unlink(target));
      files.moved(target);
    }
  };

  const copyFileSync = (src: unknown, dest: unknown, mode = 0) => {
    const [s, d] = [pathOf(src), pathOf(dest)];
    if (mode & 1 && existsSync(d)) throw fsException(new FsError('EEXIST', 'copyfile'), 'copyfile', s, d);
    const data = readFileSync(s) as Buffer;
    writeFileSync(d, data, { mode: call('copyfile', s, () => sys.stat(s)).mode & 0o7777 });
  };

  const existsSync = (p: unknown) => {
    try {
      sys.stat(pathOf(p));
      return true;
    } catch (err) {
      if (isProcessControl(err)) throw err;
      return false;
    }
  };

  const sync = {
    readFileSync,
    writeFileSync: (file: unknown, data: unknown, options?: Options) => writeFileSync(file, data, options),
    appendFileSync: (file: unknown, data: unknown, options?: Options) => writeFileSync(file, data, { flag: 'a', ...opts(options) }),
    existsSync,
    statSync: (p: unknown, o?: Options) => statSync(p, o, true),
    lstatSync: (p: unknown, o?: Options) => statSync(p, o, false),
    fstatSync: (fd: number) => new Stats(call('fstat', undefined, () => sys.fstat(fd))),
    readdirSync,
    mkdirSync,
    rmSync,
    rmdirSync: (p: unknown, o?: Options) => (opts(o).recursive ? rmSync(p, { recursive: true, force: true }) : call('rmdir', pathOf(p), () => sys.rmdir(pathOf(p)))),
    unlinkSync: (p: unknown) => {
      call('unlink', pathOf(p), () => sys.unlink(pathOf(p)));
      files.moved(pathOf(p));
    },
    renameSync: (from: unknown, to: unknown) => {
      const [a, b] = [pathOf(from), pathOf(to)];
      const real = call('rename', a, () => sys.realpath(a), b);
      call('rename', a, () => sys.rename(a, b), b);
      files.moved(real, path.resolve(b));
    },
    copyFileSync,
    cpSync: (src: unknown, dest: unknown, o?: Options) => {
      const [s, d] = [pathOf(src), pathOf(dest)];
      if (!isDir(call('lstat', s, () => sys.lstat(s)).mode)) return copyFileSync(s, d);
      if (!opts(o).recursive) throw codeError(Error, 'ERR_FS_EISDIR', `Recursive option is required to copy a directory: ${s}`);
      mkdirSync(d, { recursive: true });
      for (const name of sys.readdir(s)) sync.cpSync(`${s}/${name}`, `${d}/${name}`, o);
    },
    accessSync: (p: unknown, mode = 0) => void call('access', pathOf(p), () => sys.access(pathOf(p), mode)),
    chmodSync: (p: unknown, mode: number | string) => call('chmod', pathOf(p), () => sys.chmod(pathOf(p), typeof mode === 'string' ? parseInt(mode, 8) : mode)),
    chownSync: (p: unknown, uid: number, gid: number) => call('chown', pathOf(p), () => sys.chown(pathOf(p), uid, gid)),
    realpathSync: Object.assign((p: unknown) => call('realpath', pathOf(p), () => sys.realpath(pathOf(p))), { native: (p: unknown) => call('realpath', pathOf(p), () => sys.realpath(pathOf(p))) }),
    readlinkSync: (p: unknown) => call('readlink', pathOf(p), () => sys.readlink(pathOf(p))),
    symlinkSync: (target: unknown, p: unknown) => call('symlink', pathOf(target), () => sys.symlink(pathOf(target), pathOf(p)), pathOf(p)),
    linkSync: (a: unknown, b: unknown) => call('link', pathOf(a), () => sys.link(pathOf(a), pathOf(b)), pathOf(b)),
    truncateSync: (p: unknown, len = 0) => call('open', pathOf(p), () => sys.truncate(pathOf(p), len)),
    utimesSync: (p: unknown, atime: number | Date, mtime: number | Date) => {
      const ms = (t: number | Date) => (t instanceof Date ? t.getTime() : t * 1000);
      call('utime', pathOf(p), () => sys.utimes(pathOf(p), { atimeMs: ms(atime), mtimeMs: ms(mtime) }));
    },
    mkdtempSync: (prefix: string) => {
      for (;;) {
        const candidate = prefix + Math.random().toString(36).slice(2, 8).padEnd(6, '0');
        if (!existsSync(candidate)) return mkdirSync(candidate) ?? candidate;
      }
    },
    writeSync: (fd: number, data: unknown) => {
      if (fd !== 1 && fd !== 2) throw fsException(new FsError('EAGAIN', 'write'), 'write');
      const bytes = bytesOf(data);
      loop.write(fd, bytes);
      return bytes.length;
    },
  };

  /** The async form of a sync function: the work happens at the loop's next turn, the callback after. */
  const later = <T>(work: () => Promise<T> | T) => (cb: Callback<T>) => loop.job(async () => work(), (err, value) => cb((err as Error | undefined) ?? null, value as T));
  const readFileAsync = async (file: unknown, options?: Options) => {
    const p = pathOf(file);
    const data = await files.load(p, true, true).catch((err: unknown) => {
      if (err instanceof FsError) throw fsException(err, err.code === 'EISDIR' ? 'read' : 'open', err.code === 'EISDIR' ? undefined : p);
      throw err;
    });
    return decode(data ?? new Uint8Array(0), opts(options).encoding);
  };
  const writeFileAsync = (file: unknown, data: unknown, options?: Options) =>
    new ctx.Promise<void>((resolve, reject) => {
      try {
        writeFileSync(file, data, options, (err) => (err ? reject(err) : resolve()));
      } catch (err) {
        reject(err);
      }
    });

  const asyncOf = {
    readFile: readFileAsync,
    stat: async (p: unknown, o?: Options) => sync.statSync(p, o),
    lstat: async (p: unknown, o?: Options) => sync.lstatSync(p, o),
    readdir: async (p: unknown, o?: Options) => readdirSync(p, o),
    mkdir: async (p: unknown, o?: Options) => mkdirSync(p, o),
    rm: async (p: unknown, o?: Options) => rmSync(p, o),
    rmdir: async (p: unknown, o?: Options) => sync.rmdirSync(p, o),
    unlink: async (p: unknown) => sync.unlinkSync(p),
    rename: async (a: unknown, b: unknown) => sync.renameSync(a, b),
    copyFile: async (a: unknown, b: unknown, mode?: number) => {
      await files.load(pathOf(a), true, true);
      copyFileSync(a, b, mode);
    },
    access: async (p: unknown, mode?: number) => sync.accessSync(p, mode),
    chmod: async (p: unknown, mode: number) => sync.chmodSync(p, mode),
    chown: async (p: unknown, uid: number, gid: number) => sync.chownSync(p, uid, gid),
    realpath: async (p: unknown) => sync.realpathSync(p),
    readlink: async (p: unknown) => sync.readlinkSync(p),
    symlink: async (a: unknown, b: unknown) => sync.symlinkSync(a, b),
    truncate: async (p: unknown, len?: number) => sync.truncateSync(p, len),
    utimes: async (p: unknown, a: number | Date, m: number | Date) => sync.utimesSync(p, a, m),
    mkdtemp: async (prefix: string) => sync.mkdtempSync(prefix),
  };

  const promises: Record<string, unknown> = { constants };
  const callbacks: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(asyncOf) as [string, (...a: unknown[]) => Promise<unknown>][]) {
    // Each promise settles from the loop (a job), as libuv's thread pool would answer.
    promises[name] = (...args: unknown[]) => new ctx.Promise((resolve, reject) => later(() => fn(...args))((err, v) => (err ? reject(err) : resolve(v))));
    callbacks[name] = (...args: unknown[]) => {
      const cb = args.pop();
      if (typeof cb !== 'function') throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "cb" argument must be of type function. Received ${cb === null ? 'null' : typeof cb}`);
      later(() => fn(...args))((err, v) => (cb as Callback)(err, v));
    };
  }
  // Writes queue their own job (./files.ts): the promise settles when the bytes are in the kernel.
  promises.writeFile = writeFileAsync;
  promises.appendFile = (file: unknown, data: unknown, o?: Options) => writeFileAsync(file, data, { flag: 'a', ...opts(o) });
  for (const [name, flag] of [['writeFile', 'w'], ['appendFile', 'a']] as const) {
    callbacks[name] = (file: unknown, data: unknown, ...rest: unknown[]) => {
      const cb = rest.pop() as Callback;
      const o = { flag, ...opts(rest[0] as Options) };
      writeFileAsync(file, data, o).then(
        () => loop.nextTick(() => cb(null)),
        (err: Error) => loop.nextTick(() => cb(err)),
      );
    };
  }
  callbacks.exists = (p: unknown, cb: (exists: boolean) => void) => loop.nextTick(() => cb(existsSync(p)));

  return { sync, callbacks, promises, Stats, Dirent, constants, isRegular };
}
