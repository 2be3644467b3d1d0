/**
 * `docker build` as docker/cli 28 runs it without the buildx plugin: the
 * legacy (classic) builder. The client reads the context directory, leaves
 * out what `.dockerignore` excludes (never the Dockerfile or .dockerignore),
 * sends it as a tar to POST /build and prints the daemon's `stream` lines:
 *
 *   DEPRECATED: The legacy builder is deprecated …      (stderr, from flags.ts)
 *   Sending build context to Docker daemon  2.048kB
 *   Step 1/2 : FROM alpine
 *    ---> 91ef0af61f39
 *   …
 *   Successfully built 5d2c…
 *   Successfully tagged app:1
 *
 * A failed step's error (`The command '/bin/sh -c false' returned a non-zero
 * code: 1`) goes to stderr and is the exit status's source.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { clean } from '../../common/gopath.ts';
import { collect, lineBatches } from '../../common/stream.ts';
import { IgnoreMatcher, parseDockerignore } from '../../build/context.ts';
import { humanSize } from '../../build/builder.ts';
import { isDir, isRegular, isSymlink } from '../../fs/types.ts';
import { writeTar, type TarEntry } from '../../image/tar.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, list, str } from '../cli.ts';
import { goErrno, readHostFile, writeHostFile } from './host-files.ts';

/** The context directory as tar entries (sorted walk, owner 0:0, as the CLI's archive.TarWithOptions). */
async function contextEntries(cli: Cli, dir: string, ignore: IgnoreMatcher): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  const walk = async (rel: string) => {
    const abs = rel === '' ? dir : `${dir}/${rel}`;
    let names: string[];
    try {
      names = cli.sys.readdir(abs).sort();
    } catch (err) {
      throw new CommandError(`error checking context: can't stat '${abs}'`, 1);
    }
    for (const n of names) {
      const r = rel === '' ? n : `${rel}/${n}`;
      const st = cli.sys.lstat(`${dir}/${r}`);
      const excluded = ignore.matches(r);
      if (isDir(st.mode)) {
        // An excluded directory is still walked when an exception may match below it.
        if (excluded && !ignore.patterns.some((p) => p.exclusion)) continue;
        if (!excluded) out.push({ header: { name: `${r}/`, type: 'dir', mode: st.mode & 0o7777, uid: 0, gid: 0, size: 0, mtimeMs: st.mtimeMs, linkname: '' }, data: new Uint8Array() });
        await walk(r);
        continue;
      }
      if (excluded) continue;
      if (isSymlink(st.mode)) {
        out.push({ header: { name: r, type: 'symlink', mode: st.mode & 0o7777, uid: 0, gid: 0, size: 0, mtimeMs: st.mtimeMs, linkname: cli.sys.readlink(`${dir}/${r}`) }, data: new Uint8Array() });
      } else if (isRegular(st.mode)) {
        let data: Uint8Array;
        try {
          data = await readHostFile(cli, `${dir}/${r}`);
        } catch (err) {
          throw new CommandError(`error checking context: ${(err as Error).message}`);
        }
        out.push({ header: { name: r, type: 'file', mode: st.mode & 0o7777, uid: 0, gid: 0, size: data.length, mtimeMs: st.mtimeMs, linkname: '' }, data });
      }
    }
  };
  await walk('');
  return out;
}

/** The context directory (or stdin) as the tar Docker's client sends, and the Dockerfile's path in it. */
export async function prepareContext(cli: Cli, path: string, file: string, stdin = false): Promise<{ tar: Uint8Array; dockerfile: string }> {
  if (path === '-') {
    if (!stdin) throw new CommandError('unable to prepare context: building from stdin is not supported by Berth yet');
    const data = await readAll(cli);
    // A tar on stdin is the whole context; anything else is a Dockerfile with an empty context.
    if (data.length >= 262 && fromUtf8(data.subarray(257, 262)) === 'ustar') return { tar: data, dockerfile: file || 'Dockerfile' };
    const entries: TarEntry[] = [{ header: { name: 'Dockerfile', type: 'file', mode: 0o644, uid: 0, gid: 0, size: data.length, mtimeMs: Date.now(), linkname: '' }, data }];
    return { tar: await collect(writeTar(entries)), dockerfile: 'Dockerfile' };
  }
  if (/^(https?|git):\/\/|^github\.com\//.test(path)) throw new CommandError('unable to prepare context: building from a URL is not supported by Berth yet');
  let st;
  try {
    st = cli.sys.stat(path);
  } catch (err) {
    throw new CommandError(`unable to prepare context: path "${path}" not found`);
  }
  if (!isDir(st.mode)) throw new CommandError(`unable to prepare context: context must be a directory: ${path}`);
  const dir = path.replace(/\/+$/, '') || '/';
  let dockerfile = 'Dockerfile';
  if (file) {
    const absFile = clean(file.startsWith('/') ? file : `${cli.sys.getcwd()}/${file}`);
    const absDir = clean(dir.startsWith('/') ? dir : `${cli.sys.getcwd()}/${dir}`);
    const prefix = `${absDir.replace(/\/$/, '')}/`;
    if (!absFile.startsWith(prefix)) throw new CommandError(`unable to prepare context: the Dockerfile (${file}) must be within the build context`);
    dockerfile = absFile.slice(prefix.length);
  }
  try {
    cli.sys.stat(`${dir}/${dockerfile}`);
  } catch {
    throw new CommandError(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${cli.sys.getcwd().replace(/\/$/, '')}/${dir === '.' ? '' : `${dir}/`}${dockerfile}: no such file or directory`.replace('/./', '/'));
  }
  let ignoreLines: string[] = [];
  try {
    ignoreLines = parseDockerignore(fromUtf8(await readHostFile(cli, `${dir}/.dockerignore`)));
  } catch {
    // no .dockerignore
  }
  ignoreLines.push(`!${dockerfile}`, '!.dockerignore');
  const entries = await contextEntries(cli, dir, new IgnoreMatcher(ignoreLines));
  return { tar: await collect(writeTar(entries)), dockerfile };
}

async function readAll(cli: Cli): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const chunk = await cli.readStdin();
    if (chunk.length === 0) break;
    chunks.push(chunk);
  }
  const out = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** --build-arg values: `K=V`, or `K` taken from the client's environment (null when unset). */
export function buildArgsOf(cli: Cli, values: string[]): Record<string, string | null> {
  const args: Record<string, string | null> = {};
  for (const a of values) {
    const i = a.indexOf('=');
    if (i >= 0) args[a.slice(0, i)] = a.slice(i + 1);
    else args[a] = cli.env(a) ?? null;
  }
  return args;
}

/** The POST /build parameters both builders' clients send: tags, the Dockerfile, build args, target, cache, pull, labels. */
export function buildQuery(cli: Cli, p: Parsed, dockerfile: string): URLSearchParams {
  const q = new URLSearchParams();
  for (const t of list(p, 'tag')) q.append('t', t);
  q.set('dockerfile', dockerfile);
  const args = buildArgsOf(cli, list(p, 'build-arg'));
  if (Object.keys(args).length > 0) q.set('buildargs', JSON.stringify(args));
  if (str(p, 'target')) q.set('target', str(p, 'target'));
  if (bool(p, 'no-cache')) q.set('nocache', '1');
  if (bool(p, 'pull')) q.set('pull', '1');
  const labels: Record<string, string> = {};
  for (const l of list(p, 'label')) {
    const i = l.indexOf('=');
    labels[i < 0 ? l : l.slice(0, i)] = i < 0 ? '' : l.slice(i + 1);
  }
  if (Object.keys(labels).length > 0) q.set('labels', JSON.stringify(labels));
  return q;
}

export async function runBuild(cli: Cli, p: Parsed): Promise<number> {
  // The legacy-builder warning (or BuildKit's missing-buildx error) is printed by flags.ts.
  const [path] = p.args as [string];
  const { tar, dockerfile } = await prepareContext(cli, path, str(p, 'file'));

  const quiet = bool(p, 'quiet');
  const q = buildQuery(cli, p, dockerfile);
  if (quiet) q.set('q', '1');
  if (!bool(p, 'rm')) q.set('rm', '0');
  if (bool(p, 'force-rm')) q.set('forcerm', '1');
  q.set('version', '1');

  if (!quiet) await cli.out(`Sending build context to Docker daemon ${humanSize(tar.length).padStart(8)}\n`);
  const stream = await cli.api.stream('POST', `/build?${q.toString()}`, undefined, undefined, { raw: tar, headers: { 'Content-Type': 'application/x-tar' } });
  let id = '';
  for await (const lines of lineBatches(stream)) {
    for (const line of lines) {
      const m = JSON.parse(line) as { stream?: string; status?: string; id?: string; progress?: string; progressDetail?: { total?: number }; aux?: { ID?: string }; error?: string; errorDetail?: { message?: string; code?: number } };
      // Off a terminal, jsonmessage leaves out the lines that carry a progress bar (Downloading, Extracting).
      if (m.progress || m.progressDetail?.total) continue;
      if (m.errorDetail || m.error) {
        await cli.err(`${m.errorDetail?.message ?? m.error}\n`);
        return m.errorDetail?.code || 1;
      }
      if (m.aux?.ID) id = m.aux.ID;
      else if (m.stream !== undefined) await cli.out(m.stream);
      else if (m.status !== undefined && !quiet) await cli.out(m.id ? `${m.id}: ${m.status}\n` : `${m.status}\n`);
    }
  }
  if (quiet && id) await cli.out(`${id}\n`);
  const iid = str(p, 'iidfile');
  if (iid && id) {
    try {
      await writeHostFile(cli, iid, new TextEncoder().encode(id), 0o666);
    } catch (err) {
      throw new CommandError(`Failed to write image ID to file: ${goErrno(err)}`);
    }
  }
  return 0;
}
