/**
 * docker cp, both ways, as docker/cli 28 (cli/command/container/cp.go) with
 * go-archive's copy rules (CopyTo, PrepareArchiveCopy): the container side
 * is a tar over the Engine API (HEAD/GET/PUT /containers/{id}/archive), the
 * host side is the learner's files, through system calls.
 *
 * Where things land depends on what exists: copying `web:/etc/hostname` to
 * an existing directory puts `hostname` in it; to a path that does not
 * exist, creates a file by that name; `dir/.` copies a directory's content.
 * Progress and "Successfully copied 2.05kB to …" go to stderr only when
 * stdout is a terminal (or without -q).
 */
import { ApiError } from '../../api/client.ts';
import { decodeBase64 } from '../../common/base64.ts';
import { fromUtf8 } from '../../common/bytes.ts';
import { abs, assertsDirectory, base, clean, dir, isAbs, join, preserveTrailingDotOrSeparator, splitPathDirEntry } from '../../common/gopath.ts';
import type { Stat } from '../../fs/types.ts';
import { readTar, writeTar } from '../../image/tar.ts';
import { goError, goErrText, rebaseEntries, treeEntries, untarInto, type TreeSink, type TreeSource } from '../../image/tar-tree.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, given } from '../cli.ts';
import { humanSizeWithPrecision } from '../format/units.ts';

const enc = encodeURIComponent;
const fail = (message: string) => new CommandError(message, 1);

interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}
const GO_DIR = 2 ** 31;
const GO_SYMLINK = 2 ** 27;
const GO_DEVICE = 2 ** 26;
const GO_IRREGULAR = 2 ** 19;

interface CopyInfo {
  path: string;
  exists: boolean;
  isDir: boolean;
  rebaseName?: string;
}

/** `CONTAINER:PATH` or a local path (absolute, or starting with "." when it holds a colon). */
function splitCpArg(arg: string): [string, string] {
  if (isAbs(arg)) return ['', arg];
  const i = arg.indexOf(':');
  if (i < 0 || arg.startsWith('.')) return ['', arg];
  return [arg.slice(0, i), arg.slice(i + 1)];
}

function errCode(err: unknown): string | undefined {
  return (err as { code?: string }).code;
}

/** The host's files as a tar source (client side: the learner's permissions apply). */
function hostSource(cli: Cli): TreeSource {
  return {
    lstat: (p) => cli.sys.lstat(p),
    readdir: (p) => cli.sys.readdir(p),
    readlink: (p) => cli.sys.readlink(p),
    read: async (p) => {
      const fd = cli.sys.open(p, 'r');
      const chunks: Uint8Array[] = [];
      try {
        for (;;) {
          const c = await cli.sys.read(fd, 65536);
          if (c.length === 0) break;
          chunks.push(c);
        }
      } finally {
        cli.sys.close(fd);
      }
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) out.set(c, (at += c.length) - c.length);
      return out;
    },
  };
}

/** The host's files as an extraction target (no chown: the client's NoLchown). */
function hostSink(cli: Cli): TreeSink {
  return {
    lstat: (p) => {
      try {
        return cli.sys.lstat(p);
      } catch {
        return undefined;
      }
    },
    mkdir: (p, mode) => cli.sys.mkdir(p, mode),
    writeFile: async (p, mode, data) => {
      const fd = cli.sys.open(p, { read: false, write: true, create: true, truncate: true }, mode);
      try {
        if (data.length > 0) await cli.sys.write(fd, data);
      } finally {
        cli.sys.close(fd);
      }
    },
    symlink: (target, p) => cli.sys.symlink(target, p),
    link: (existing, p) => cli.sys.link(existing, p),
    chmod: (p, mode) => cli.sys.chmod(p, mode),
    utimes: (p, ms) => cli.sys.utimes(p, { atimeMs: ms, mtimeMs: ms }, false),
    readdir: (p) => cli.sys.readdir(p),
    unlink: (p) => cli.sys.unlink(p),
    rmdir: (p) => cli.sys.rmdir(p),
  };
}

/** Counts the bytes that pass (the size "Successfully copied" reports). */
async function* counted(source: AsyncIterable<Uint8Array>, total: { n: number }): AsyncIterable<Uint8Array> {
  for await (const c of source) {
    total.n += c.length;
    yield c;
  }
}

/** docker/cli's copyProgress on a terminal, then the summary line. */
async function progress(cli: Cli, header: string, work: () => Promise<void>, total: { n: number }, target: string): Promise<void> {
  const tty = cli.sys.isatty(2);
  if (tty) await cli.err(`\x1b[sPreparing to copy...\x1b[?25l\x1b[u\x1b[2K${header}0B`);
  let failed: unknown;
  try {
    await work();
  } catch (err) {
    failed = err;
  }
  if (tty) await cli.err('\x1b[?25h\x1b[u\x1b[2K');
  await cli.err(`Successfully copied ${humanSizeWithPrecision(total.n, 3)} to ${target}\n`);
  if (failed) throw failed;
}

/** go-archive CopyInfoDestinationPath on the host: symlinks at the end are followed. */
function destinationInfo(cli: Cli, path: string): CopyInfo {
  let p = path;
  let st: Stat | undefined;
  for (let n = 0; ; n++) {
    try {
      st = cli.sys.lstat(p);
    } catch (err) {
      if (errCode(err) !== 'ENOENT') throw fail(goError(err, 'lstat', p).message);
      st = undefined;
    }
    if (!st || (st.mode & 0o170000) !== 0o120000) break;
    if (n > 10) throw fail(`too many symlinks in ${path}`);
    const target = cli.sys.readlink(p);
    p = isAbs(target) ? target : join(splitPathDirEntry(p)[0], target);
  }
  if (st) return { path: p, exists: true, isDir: (st.mode & 0o170000) === 0o040000 };
  const parent = splitPathDirEntry(p)[0];
  let pst: Stat;
  try {
    pst = cli.sys.stat(parent);
  } catch (err) {
    throw fail(goError(err, 'stat', parent).message);
  }
  if ((pst.mode & 0o170000) !== 0o040000) throw fail('not a directory');
  return { path: p, exists: false, isDir: false };
}

/** go-archive PrepareArchiveCopy: where to extract, and under which name. */
function prepareArchiveCopy(src: CopyInfo, dst: CopyInfo): { dstDir: string; from?: string; to?: string } {
  const [dstDir, dstBase] = splitPathDirEntry(dst.path);
  const srcBase = src.rebaseName || splitPathDirEntry(src.path)[1];
  if (dst.exists && dst.isDir) return { dstDir: dst.path };
  if (dst.exists && src.isDir) throw fail('cannot copy directory');
  if (dst.exists || src.isDir) return { dstDir, from: srcBase, to: dstBase };
  if (assertsDirectory(dst.path)) throw fail('no such directory');
  return { dstDir, from: srcBase, to: dstBase };
}

async function copyFromContainer(cli: Cli, container: string, srcPath: string, dstArg: string, quiet: boolean, followLink: boolean): Promise<number> {
  let dstPath = dstArg;
  if (dstPath !== '-') dstPath = preserveTrailingDotOrSeparator(abs(dstPath, cli.sys.getcwd()), dstArg);
  // command.ValidateOutputPath
  const parent = dir(clean(dstPath));
  if (parent !== '' && parent !== '.') {
    try {
      cli.sys.stat(parent);
    } catch (err) {
      if (errCode(err) === 'ENOENT') throw fail(`invalid output path: directory "${parent}" does not exist`);
    }
  }
  try {
    const st = cli.sys.stat(dstPath);
    const type = st.mode & 0o170000;
    if (type === 0o020000 || type === 0o060000) throw fail(`invalid output path: "${dstPath}" must be a directory or a regular file: got a device`);
  } catch (err) {
    if (err instanceof CommandError) throw err;
    if (errCode(err) !== 'ENOENT') throw fail(goError(err, 'stat', dstPath).message);
  }
  let rebaseName: string | undefined;
  let path = srcPath;
  if (followLink) {
    const stat = await statPath(cli, container, path).catch(() => undefined);
    if (stat && stat.mode & GO_SYMLINK) {
      const target = isAbs(stat.linkTarget) ? stat.linkTarget : join(splitPathDirEntry(path)[0], stat.linkTarget);
      rebaseName = base(path);
      if (base(target) === rebaseName) rebaseName = undefined;
      path = target;
    }
  }
  const res = await cli.api.request('GET', `/containers/${enc(container)}/archive`, { path });
  if (res.kind !== 'stream') return 0;
  const stat = decodeStat(res.headers?.['X-Docker-Container-Path-Stat']);
  if (dstPath === '-') {
    for await (const chunk of res.body) await cli.out(chunk);
    return 0;
  }
  const total = { n: 0 };
  const src: CopyInfo = { path, exists: true, isDir: stat ? (stat.mode & GO_DIR) !== 0 : false, rebaseName };
  let entries = readTar(counted(res.body, total));
  if (rebaseName) entries = rebaseEntries(entries, splitPathDirEntry(path)[1], rebaseName);
  const work = async () => {
    const dst = destinationInfo(cli, dstPath);
    const plan = prepareArchiveCopy(src, dst);
    if (plan.from !== undefined) entries = rebaseEntries(entries, plan.from, plan.to!);
    try {
      await untarInto(hostSink(cli), plan.dstDir, entries, { noOverwriteDirNonDir: true });
    } catch (err) {
      throw fail((err as Error).message);
    }
  };
  if (quiet) await work();
  else await progress(cli, 'Copying from container - ', work, total, dstPath);
  return 0;
}

function decodeStat(header: string | undefined): PathStat | undefined {
  if (!header) return undefined;
  return JSON.parse(fromUtf8(decodeBase64(header))) as PathStat;
}

/** HEAD /containers/{id}/archive: a path's stat in the container. */
async function statPath(cli: Cli, container: string, path: string): Promise<PathStat> {
  const res = await cli.api.request('HEAD', `/containers/${enc(container)}/archive`, { path });
  const stat = decodeStat(res.kind === 'json' || res.kind === 'stream' ? res.headers?.['X-Docker-Container-Path-Stat'] : undefined);
  if (!stat) throw new ApiError(500, 'unable to decode container path stat header');
  return stat;
}

/** go-archive ResolveHostSourcePath + CopyInfoSourcePath. */
function sourceInfo(cli: Cli, path: string, followLink: boolean): CopyInfo {
  let resolved: string;
  let rebaseName: string | undefined;
  if (followLink) {
    try {
      resolved = cli.sys.realpath(path);
    } catch (err) {
      throw fail(goError(err, 'lstat', path).message);
    }
    if (base(path) !== base(resolved)) rebaseName = base(path);
  } else {
    const slash = path.lastIndexOf('/');
    const dirPart = path.slice(0, slash + 1);
    let resolvedDir: string;
    try {
      resolvedDir = cli.sys.realpath(dirPart || '.');
    } catch (err) {
      throw fail(goError(err, 'lstat', clean(dirPart)).message);
    }
    resolved = `${resolvedDir === '/' ? '' : resolvedDir}/${path.slice(slash + 1)}`;
    if (path.endsWith('/') && base(path) !== base(resolved)) rebaseName = base(path);
  }
  let st: Stat;
  try {
    st = cli.sys.lstat(resolved);
  } catch (err) {
    throw fail(`lstat ${resolved}: ${goErrText((errCode(err) ?? 'ENOENT') as 'ENOENT')}`);
  }
  return { path: resolved, exists: true, isDir: (st.mode & 0o170000) === 0o040000, rebaseName };
}

async function copyToContainer(cli: Cli, container: string, srcArg: string, dstPath: string, quiet: boolean, followLink: boolean, copyUIDGID: boolean): Promise<number> {
  const srcPath = srcArg === '-' ? '-' : preserveTrailingDotOrSeparator(abs(srcArg, cli.sys.getcwd()), srcArg);
  const dst: CopyInfo = { path: dstPath, exists: false, isDir: false };
  let stat = await statPath(cli, container, dstPath).catch(() => undefined);
  if (stat && stat.mode & GO_SYMLINK) {
    dst.path = isAbs(stat.linkTarget) ? stat.linkTarget : join(splitPathDirEntry(dstPath)[0], stat.linkTarget);
    stat = await statPath(cli, container, dst.path).catch(() => undefined);
  }
  if (stat && stat.mode & GO_DEVICE) throw fail(`destination "${container}:${dstPath}": must be a directory or a regular file: got a device`);
  if (stat && stat.mode & GO_IRREGULAR) throw fail(`destination "${container}:${dstPath}": must be a directory or a regular file: got an irregular file`);
  if (stat) Object.assign(dst, { exists: true, isDir: (stat.mode & GO_DIR) !== 0 });
  const total = { n: 0 };
  let body: Uint8Array;
  let target: string;
  if (srcPath === '-') {
    if (!dst.isDir) throw fail(`destination "${container}:${dstPath}" must be a directory`);
    const chunks: Uint8Array[] = [];
    for (;;) {
      const c = await cli.readStdin();
      if (c.length === 0) break;
      chunks.push(c);
    }
    body = concat(chunks);
    target = dst.path;
  } else {
    const src = sourceInfo(cli, srcPath, followLink);
    const [srcDir, srcBase] = splitPathDirEntry(src.path);
    let entries = treeEntries(hostSource(cli), srcBase === '.' ? srcDir : src.path, src.rebaseName ?? srcBase);
    const plan = prepareArchiveCopy(src, dst);
    if (plan.from !== undefined) entries = rebaseEntries(entries, plan.from, plan.to!);
    const chunks: Uint8Array[] = [];
    for await (const c of writeTar(entries)) chunks.push(c);
    body = concat(chunks);
    target = plan.dstDir;
  }
  const put = async () => {
    if (srcPath !== '-') total.n = body.length;
    await cli.api.request('PUT', `/containers/${enc(container)}/archive`, { path: target, noOverwriteDirNonDir: 'true', copyUIDGID: copyUIDGID ? 'true' : undefined }, undefined, { raw: body });
  };
  if (quiet) await put();
  else await progress(cli, 'Copying to container - ', put, total, `${container}:${dst.path}`);
  return 0;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function runCp(cli: Cli, p: Parsed): Promise<number> {
  const [source, destination] = p.args as [string, string];
  if (source === '') throw fail('source can not be empty');
  if (destination === '') throw fail('destination can not be empty');
  const quiet = given(p, 'quiet') ? bool(p, 'quiet') : !cli.stdoutTty;
  const [srcContainer, srcPath] = splitCpArg(source);
  const [dstContainer, dstPath] = splitCpArg(destination);
  if (srcContainer && dstContainer) throw fail('copying between containers is not supported');
  if (srcContainer) return copyFromContainer(cli, srcContainer, srcPath, dstPath, quiet, bool(p, 'follow-link'));
  if (dstContainer) return copyToContainer(cli, dstContainer, srcPath, dstPath, quiet, bool(p, 'follow-link'), bool(p, 'archive'));
  throw fail('must specify at least one container source');
}
