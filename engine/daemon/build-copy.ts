/**
 * COPY and ADD for the classic builder (moby builder/dockerfile/copy.go):
 * sources from the build context (or, with --from, another stage or image)
 * resolved with wildcards, written into an intermediate container's root
 * filesystem with --chown/--chmod; ADD also extracts local tar archives.
 *
 * Rules: a directory source copies its contents, not itself; a file goes to
 * `dest` itself unless `dest` ends with `/` (or is an existing directory),
 * then to `dest/<name>`; several sources need a directory destination that
 * ends with `/`. Relative destinations are under WORKDIR.
 */
import { collect, streamOf } from '../common/stream.ts';
import { concatBytes, utf8 } from '../common/bytes.ts';
import { clean } from '../common/gopath.ts';
import { EngineError } from '../errors.ts';
import { FsError } from '../fs/errno.ts';
import { isDir, readWholeFile, type FileSystem, type Owner } from '../fs/types.ts';
import { readTar } from '../image/tar.ts';
import { BuildContext, contextPath, globMatch, hasWildcard, type ContextFile } from '../build/context.ts';
import type { Platform } from '../platform/types.ts';

export interface CopyRequest {
  op: 'COPY' | 'ADD';
  sources: string[];
  dest: string;
  workdir: string;
  chown: string;
  chmod: string;
}

interface Resolved {
  /** The source as found ('' for the context root). */
  path: string;
  dir: boolean;
}

function resolveSources(ctx: BuildContext, sources: string[], op: string): Resolved[] {
  const out: Resolved[] = [];
  for (const s of sources) {
    const p = contextPath(s);
    if (hasWildcard(p)) {
      const all = new Set<string>();
      for (const f of ctx.files.keys()) {
        const parts = f.split('/');
        for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('/'));
      }
      const hits = [...all].filter((f) => globMatch(p, f)).sort();
      for (const h of hits) out.push({ path: h, dir: ctx.isDir(h) });
      continue;
    }
    if (!ctx.exists(p)) throw new EngineError('InvalidArgument', `${op} failed: file not found in build context or excluded by .dockerignore: stat ${s}: file does not exist`);
    out.push({ path: p, dir: ctx.isDir(p) });
  }
  if (out.length === 0) throw new EngineError('InvalidArgument', `${op} failed: no source files were specified`);
  return out;
}

/** The checksum in the step's created_by: `file:…`, `dir:…` or `multi:…`. */
export async function sourceHash(platform: Platform, ctx: BuildContext, req: CopyRequest): Promise<string> {
  const resolved = resolveSources(ctx, req.sources, req.op);
  const parts: Uint8Array[] = [];
  for (const r of resolved) {
    const files = r.dir ? ctx.under(r.path) : [ctx.get(r.path)!];
    for (const f of files) {
      if (!f) continue;
      parts.push(utf8(`${f.path}\0${f.type}\0${f.mode.toString(8)}\0${f.uid}:${f.gid}\0${f.linkname}\0`), utf8(await platform.sha256(f.data)));
    }
  }
  const sum = await platform.sha256(concatBytes(parts));
  const kind = resolved.length > 1 ? 'multi' : resolved[0]!.dir ? 'dir' : 'file';
  return `${kind}:${sum}`;
}

function lookupId(fs: FileSystem, file: string, name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  let text: string;
  try {
    text = new TextDecoder().decode(readWholeFile(fs, file));
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f[0] === name) return Number(f[2]);
  }
  return undefined;
}

/** --chown=user:group, names looked up in the container's /etc/passwd and /etc/group. */
export function parseChown(fs: FileSystem, chown: string): Owner | undefined {
  if (!chown) return undefined;
  const [user = '', group] = chown.split(':');
  const uid = lookupId(fs, '/etc/passwd', user);
  if (uid === undefined) throw new EngineError('InvalidArgument', `unable to convert uid/gid chown string to host mapping: can't find uid for user ${user}: no such user: ${user}`);
  let gid = uid;
  if (group !== undefined) {
    const g = lookupId(fs, '/etc/group', group);
    if (g === undefined) throw new EngineError('InvalidArgument', `unable to convert uid/gid chown string to host mapping: can't find gid for group ${group}: no such group: ${group}`);
    gid = g;
  } else if (!/^\d+$/.test(user)) {
    // the user's primary group
    try {
      const line = new TextDecoder().decode(readWholeFile(fs, '/etc/passwd')).split('\n').find((l) => l.split(':')[0] === user);
      if (line) gid = Number(line.split(':')[3]);
    } catch {
      // keep uid
    }
  }
  return { uid, gid };
}

function lstat(fs: FileSystem, p: string) {
  try {
    return fs.lstat(p);
  } catch (err) {
    if (err instanceof FsError && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return undefined;
    throw err;
  }
}

function mkdirAll(fs: FileSystem, path: string, owner: Owner): void {
  let cur = '';
  for (const part of path.split('/').filter(Boolean)) {
    cur += `/${part}`;
    const st = lstat(fs, cur);
    if (!st) fs.mkdir(cur, 0o755, owner);
    else if (!isDir(st.mode) && (st.mode & 0o170000) !== 0o120000) throw new EngineError('InvalidArgument', `mkdir ${cur}: not a directory`);
  }
}

function writeEntry(fs: FileSystem, dest: string, f: Pick<ContextFile, 'type' | 'mode' | 'uid' | 'gid' | 'mtimeMs' | 'linkname' | 'data'>, owner: Owner | undefined, chmod: number | undefined): void {
  const own = owner ?? { uid: 0, gid: 0 };
  const parent = dest.slice(0, dest.lastIndexOf('/')) || '/';
  mkdirAll(fs, parent, { uid: 0, gid: 0 });
  const st = lstat(fs, dest);
  const mode = chmod ?? f.mode & 0o7777;
  switch (f.type) {
    case 'dir':
      if (!st) fs.mkdir(dest, mode, own);
      else if (!isDir(st.mode)) throw new EngineError('InvalidArgument', `cannot copy directory onto file ${dest}`);
      fs.setattr(dest, { mode, ...own, mtimeMs: f.mtimeMs });
      return;
    case 'symlink':
      if (st) fs.unlink(dest);
      fs.symlink(f.linkname, dest, own);
      return;
    case 'file':
    case 'hardlink': {
      if (st && isDir(st.mode)) throw new EngineError('InvalidArgument', `cannot copy to non-directory: ${dest}`);
      if (!st) fs.create(dest, mode, own);
      const h = fs.open(dest, 'w');
      try {
        h.truncate(0);
        if (f.data.length > 0) h.write(f.data, 0);
      } finally {
        h.close();
      }
      fs.setattr(dest, { mode, ...own, mtimeMs: f.mtimeMs, atimeMs: f.mtimeMs });
      return;
    }
    default:
      return;
  }
}

const isArchiveName = (p: string) => /\.(tar|tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2?)$/i.test(p);

/** Copies the request's sources from `ctx` into `fs` (the container's root). */
export async function performCopy(platform: Platform, fs: FileSystem, ctx: BuildContext, req: CopyRequest): Promise<void> {
  const resolved = resolveSources(ctx, req.sources, req.op);
  let dest = req.dest.startsWith('/') ? req.dest : `${(req.workdir || '/').replace(/\/$/, '')}/${req.dest}`;
  const destDir = dest.endsWith('/') || dest.endsWith('/.') || dest === '.';
  // "./" and "sub/../" name directories too: clean as filepath.Join does in moby's normalizeDest
  dest = clean(dest);
  if (resolved.length > 1 && !destDir) throw new EngineError('InvalidArgument', `When using ${req.op} with more than one source file, the destination must be a directory and end with a /`);
  const owner = parseChown(fs, req.chown);
  const chmod = req.chmod ? parseInt(req.chmod, 8) : undefined;
  if (req.chmod && (Number.isNaN(chmod) || !/^[0-7]+$/.test(req.chmod))) throw new EngineError('InvalidArgument', `invalid chmod parameter: ${req.chmod}`);
  const existing = lstat(fs, dest);
  const intoDir = destDir || (existing !== undefined && isDir(existing.mode));
  for (const r of resolved) {
    if (r.dir) {
      mkdirAll(fs, dest, owner ?? { uid: 0, gid: 0 });
      const base = r.path === '' ? '' : `${r.path}/`;
      for (const f of ctx.under(r.path)) writeEntry(fs, `${dest === '/' ? '' : dest}/${f.path.slice(base.length)}`, f, owner, chmod);
      continue;
    }
    const f = ctx.get(r.path)!;
    if (req.op === 'ADD' && f.type === 'file' && isArchiveName(f.path)) {
      await extractArchive(platform, fs, f.data, dest, owner);
      continue;
    }
    const name = r.path.slice(r.path.lastIndexOf('/') + 1);
    writeEntry(fs, intoDir ? `${dest === '/' ? '' : dest}/${name}` : dest, f, owner, chmod);
  }
}

async function extractArchive(platform: Platform, fs: FileSystem, data: Uint8Array, dest: string, owner: Owner | undefined): Promise<void> {
  let bytes = data;
  if (data[0] === 0x1f && data[1] === 0x8b) bytes = await collect(platform.gunzip(streamOf(data)));
  mkdirAll(fs, dest, { uid: 0, gid: 0 });
  for await (const e of readTar(streamOf(bytes))) {
    const p = contextPath(e.header.name);
    if (p === '') continue;
    writeEntry(fs, `${dest === '/' ? '' : dest}/${p}`, { ...e.header, data: e.data }, owner ?? { uid: e.header.uid, gid: e.header.gid }, undefined);
  }
}

/** A source tree read from a filesystem (COPY --from): the paths the sources name, keyed relative to `/`. */
export function treeFromFs(fs: FileSystem, sources: string[]): BuildContext {
  const ctx = new BuildContext();
  const walk = (p: string) => {
    const st = lstat(fs, `/${p}`);
    if (!st) return;
    const type = isDir(st.mode) ? 'dir' : (st.mode & 0o170000) === 0o120000 ? 'symlink' : (st.mode & 0o170000) === 0o100000 ? 'file' : undefined;
    if (!type) return;
    if (p !== '') ctx.files.set(p, { path: p, type, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtimeMs: st.mtimeMs, linkname: type === 'symlink' ? fs.readlink(`/${p}`) : '', data: type === 'file' ? readWholeFile(fs, `/${p}`) : new Uint8Array() });
    if (type === 'dir') for (const n of fs.readdir(`/${p}`)) walk(p === '' ? n : `${p}/${n}`);
  };
  for (const s of sources) {
    const parts = contextPath(s).split('/');
    const i = parts.findIndex(hasWildcard);
    walk((i < 0 ? parts : parts.slice(0, i)).join('/'));
  }
  return ctx;
}
