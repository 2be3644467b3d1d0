/**
 * docker save, load, import, push and image prune, as docker/cli 28 runs
 * them: save streams GET /images/get into a file (atomically, mode 0600) or
 * a non-terminal stdout; load and import upload a tar and show the JSON
 * messages; push sends the stored credentials in X-Registry-Auth.
 */
import { FsError } from '../../fs/errno.ts';
import { formatReference, parseNormalizedNamed } from '../../image/reference.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, list, str } from '../cli.ts';
import { tabwrite } from '../format/tabwriter.ts';
import { goTimeString, parseRFC3339Nano, timeAgo } from '../format/time.ts';
import { humanSize4 } from '../format/units.ts';
import { displayJsonMessages } from '../progress.ts';
import { goErrno, readHostFile, readStdinBytes } from './host-files.ts';
import { registryAuthHeader } from './registry.ts';

const enc = encodeURIComponent;

/** Filters as docker/cli sends them: `{"name":{"value":true}}`. */
export function filtersJson(entries: readonly string[], extra: Record<string, string> = {}): string | undefined {
  const out: Record<string, Record<string, boolean>> = {};
  for (const f of entries) (out[f.slice(0, f.indexOf('='))] ??= {})[f.slice(f.indexOf('=') + 1)] = true;
  for (const [k, v] of Object.entries(extra)) (out[k] ??= {})[v] = true;
  return Object.keys(out).length ? JSON.stringify(out) : undefined;
}

/** docker/cli's prompt.Confirm: one line from stdin; only "y" (any case, trimmed) says yes. */
export async function confirm(cli: Cli, message: string): Promise<boolean> {
  await cli.out(`${message} [y/N] `);
  let line = '';
  for (;;) {
    const chunk = await cli.readStdin().catch(() => new Uint8Array(0));
    if (chunk.length === 0) break;
    line += new TextDecoder().decode(chunk);
    if (line.includes('\n')) break;
  }
  return line.split('\n')[0]!.trim().toLowerCase() === 'y';
}

// ---- save ----------------------------------------------------------------------

/** moby/sys/atomicwriter's validateDestination. */
function validateDestination(cli: Cli, file: string): void {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) || '/' : '.';
  if (dir !== '.' && dir !== '..') {
    let st;
    try {
      st = cli.sys.stat(dir);
    } catch (err) {
      throw new Error(`invalid output path: stat ${dir}: ${goErrno(err)}`);
    }
    if ((st.mode & 0o170000) !== 0o040000) throw new Error(`invalid output path: stat ${dir}: not a directory`);
  }
  let st;
  try {
    st = cli.sys.lstat(file);
  } catch (err) {
    if (err instanceof FsError && err.code === 'ENOENT') return;
    throw new Error(`failed to stat output path: lstat ${file}: ${goErrno(err)}`);
  }
  const why: Record<number, string> = {
    0o040000: 'cannot write to a directory',
    0o120000: 'cannot write to a symbolic link directly',
    0o010000: 'cannot write to a named pipe (FIFO)',
    0o140000: 'cannot write to a socket',
    0o020000: 'cannot write to a character device file',
    0o060000: 'cannot write to a block device file',
  };
  const type = st.mode & 0o170000;
  if (type !== 0o100000) throw new Error(why[type] ?? 'unknown file mode');
}

export async function runSave(cli: Cli, p: Parsed): Promise<number> {
  const output = str(p, 'output');
  const path = `/images/get?${p.args.map((n) => `names=${enc(n)}`).join('&')}`;
  if (output === '') {
    if (cli.stdoutTty) throw new CommandError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
    for await (const chunk of await cli.api.stream('GET', path)) await cli.out(chunk);
    return 0;
  }
  try {
    validateDestination(cli, output);
  } catch (err) {
    throw new CommandError(`failed to save image: ${(err as Error).message}`);
  }
  const dir = output.includes('/') ? output.slice(0, output.lastIndexOf('/')) || '/' : '.';
  const tmp = `${dir}/.tmp-${output.slice(output.lastIndexOf('/') + 1)}${Math.floor(Math.random() * 4294967295)}`;
  let fd: number;
  try {
    fd = cli.sys.open(tmp, { read: false, write: true, create: true, exclusive: true }, 0o600);
  } catch (err) {
    throw new CommandError(`failed to save image: open ${tmp}: ${goErrno(err)}`);
  }
  // As atomicwriter does, the file is put in place even when the daemon refused (it is then empty).
  try {
    for await (const chunk of await cli.api.stream('GET', path)) await cli.sys.write(fd, chunk);
  } finally {
    cli.sys.close(fd);
    cli.sys.chmod(tmp, 0o600);
    cli.sys.rename(tmp, output);
  }
  return 0;
}

// ---- load and import --------------------------------------------------------------

export async function runLoad(cli: Cli, p: Parsed): Promise<number> {
  const input = str(p, 'input');
  let body: Uint8Array;
  if (input === '') {
    if (cli.stdinTty) throw new CommandError('requested load from stdin, but stdin is empty');
    body = await readStdinBytes(cli);
  } else {
    try {
      body = await readHostFile(cli, input);
    } catch (err) {
      throw new CommandError((err as Error).message);
    }
  }
  const quiet = bool(p, 'quiet') || !cli.stdoutTty;
  const stream = await cli.api.stream('POST', '/images/load', { quiet: quiet ? '1' : '0' }, undefined, { raw: body });
  await displayJsonMessages(stream, (t) => cli.out(t), cli.stdoutTty);
  return 0;
}

export async function runImport(cli: Cli, p: Parsed): Promise<number> {
  const [source, ref] = p.args as [string, string | undefined];
  let body: Uint8Array | undefined;
  let fromSrc = '-';
  if (source === '-') body = await readStdinBytes(cli);
  else if (/^https?:\/\//.test(source)) fromSrc = source;
  else {
    try {
      body = await readHostFile(cli, source);
    } catch (err) {
      throw new CommandError((err as Error).message);
    }
  }
  if (ref) {
    try {
      parseNormalizedNamed(ref);
    } catch (err) {
      throw new CommandError((err as Error).message);
    }
  }
  const query = new URLSearchParams({ fromSrc });
  if (ref) query.set('repo', ref);
  if (str(p, 'message')) query.set('message', str(p, 'message'));
  for (const c of list(p, 'change')) query.append('changes', c);
  const stream = await cli.api.stream('POST', `/images/create?${query.toString()}`, undefined, undefined, body ? { raw: body } : {});
  await displayJsonMessages(stream, (t) => cli.out(t), cli.stdoutTty);
  return 0;
}

// ---- push -----------------------------------------------------------------------------

export async function runPush(cli: Cli, p: Parsed): Promise<number> {
  const remote = p.args[0]!;
  let ref;
  try {
    ref = parseNormalizedNamed(remote);
  } catch (err) {
    throw new CommandError((err as Error).message);
  }
  const all = bool(p, 'all-tags');
  const quiet = bool(p, 'quiet');
  if (all && (ref.tag || ref.digest)) throw new CommandError("tag can't be used with --all-tags/-a");
  if (!all && !ref.tag && !ref.digest) {
    ref = { ...ref, tag: 'latest' };
    if (!quiet) await cli.out('Using default tag: latest\n');
  }
  if (ref.digest) throw new CommandError('cannot push a digest reference');
  const auth = await registryAuthHeader(cli, ref.domain);
  const name = formatReference({ ...ref, tag: undefined });
  const stream = await cli.api.stream('POST', `/images/${enc(name)}/push`, { tag: ref.tag }, undefined, { headers: { 'X-Registry-Auth': auth } });
  if (quiet) {
    await displayJsonMessages(stream, async () => undefined, false);
    await cli.out(`${formatReference(ref)}\n`);
    return 0;
  }
  await displayJsonMessages(stream, (t) => cli.out(t), cli.stdoutTty);
  return 0;
}

// ---- image prune ------------------------------------------------------------------------

export async function runImagePrune(cli: Cli, p: Parsed): Promise<number> {
  const all = bool(p, 'all');
  const warning = all
    ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?'
    : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?';
  // A cancelled prune ends quietly with status 0 (docker/cli's cancelledErr).
  if (!bool(p, 'force') && !(await confirm(cli, warning))) return 0;
  const { output, space } = await pruneImages(cli, all, list(p, 'filter'));
  if (output) await cli.out(`${output}\n`);
  await cli.out(`Total reclaimed space: ${humanSize4(space)}\n`);
  return 0;
}

/** image.RunPrune: the report as docker prints it, and the space reclaimed. */
export async function pruneImages(cli: Cli, all: boolean, filters: readonly string[]): Promise<{ output: string; space: number }> {
  const r = await cli.api.post<{ ImagesDeleted: { Untagged?: string; Deleted?: string }[] | null; SpaceReclaimed: number }>('/images/prune', { filters: filtersJson(filters, { dangling: String(!all) }) });
  if (!r.ImagesDeleted?.length) return { output: '', space: 0 };
  const lines = r.ImagesDeleted.map((d) => (d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted}\n`));
  return { output: `Deleted Images:\n${lines.join('')}`, space: r.SpaceReclaimed };
}


/** `docker builder prune`: removes build cache (cli/command/builder/prune.go). */
export async function runBuilderPrune(cli: Cli, p: Parsed): Promise<number> {
  const all = bool(p, 'all');
  const warning = all ? 'WARNING! This will remove all build cache. Are you sure you want to continue?' : 'WARNING! This will remove all dangling build cache. Are you sure you want to continue?';
  if (!bool(p, 'force') && !(await confirm(cli, warning))) return 0;
  const res = await cli.api.post<{ CachesDeleted: string[] | null; SpaceReclaimed: number }>('/build/prune', all ? { all: '1' } : undefined);
  let out = '';
  if (res.CachesDeleted && res.CachesDeleted.length > 0) out += `Deleted build cache objects:\n${res.CachesDeleted.join('\n')}\n`;
  out += `Total reclaimed space: ${humanSize4(res.SpaceReclaimed)}\n`;
  await cli.out(out);
  return 0;
}

/** A build cache record as GET /system/df lists it (moby's build.CacheRecord). */
interface CacheRecord {
  ID: string;
  Parents?: string[] | null;
  Type: string;
  Description: string;
  InUse: boolean;
  Shared: boolean;
  Size: number;
  CreatedAt: string;
  LastUsedAt?: string | null;
  UsageCount: number;
}

/** BuildKit's mutable records: the build context's local source and RUN --mount=type=cache directories. */
const isMutable = (r: CacheRecord) => r.Type === 'source.local' || r.Type === 'exec.cachemount';

/** buildx's table writer: `tabwriter.NewWriter(os.Stdout, 1, 8, 1, '\t', 0)`. */
const buildxTable = (text: string) => tabwrite(text, { minwidth: 1, tabwidth: 8, padding: 1, padchar: '\t' });

/**
 * `docker builder prune` with the buildx plugin, which docker 28 forwards it
 * to: `docker buildx prune` (buildx commands/prune.go). Each record BuildKit
 * deletes is a row (`printTableRow`, or the `--verbose` key/value block),
 * flushed as it comes; then `Total:` with what they held.
 */
export async function runBuildxPrune(cli: Cli, p: Parsed): Promise<number> {
  const all = bool(p, 'all');
  const warning = all ? 'WARNING! This will remove all build cache. Are you sure you want to continue?' : 'WARNING! This will remove all dangling build cache. Are you sure you want to continue?';
  if (!bool(p, 'force') && !(await confirm(cli, warning))) return 0;
  // BuildKit streams the records it deletes; the Engine API answers with their IDs, so read them first.
  const before = (await cli.api.get<{ BuildCache?: CacheRecord[] | null }>('/system/df')).BuildCache ?? [];
  const res = await cli.api.post<{ CachesDeleted: string[] | null }>('/build/prune', all ? { all: '1' } : undefined);
  const byId = new Map(before.map((r) => [r.ID, r]));
  const deleted = (res.CachesDeleted ?? []).flatMap((id) => byId.get(id) ?? []);
  const now = Date.now();
  const ago = (t: string | null | undefined) => (t ? timeAgo(Date.parse(t), now) : '');
  let out = '';
  let total = 0;
  deleted.forEach((r, i) => {
    total += r.Size;
    if (bool(p, 'verbose')) {
      const kv: [string, string][] = [['ID', r.ID]];
      if (r.Parents?.length) kv.push(['Parent', r.Parents.join(',')]);
      kv.push(['Created at', goTimeString(parseRFC3339Nano(r.CreatedAt))], ['Mutable', String(isMutable(r))], ['Reclaimable', String(!r.InUse)], ['Shared', String(r.Shared)], ['Size', humanSize4(r.Size)]);
      if (r.Description) kv.push(['Description', r.Description]);
      kv.push(['Usage count', String(r.UsageCount)]);
      if (r.LastUsedAt) kv.push(['Last used', ago(r.LastUsedAt)]);
      if (r.Type) kv.push(['Type', r.Type]);
      out += buildxTable(`${kv.map(([k, v]) => `${k}:\t${v}\n`).join('')}\n`);
      return;
    }
    const id = `${r.ID}${isMutable(r) ? '*' : ''}`;
    const size = `${humanSize4(r.Size)}${r.Shared ? '*' : ''}`;
    const row = `${id.padEnd(40)}\t${String(!r.InUse).padEnd(5)}\t${size.padEnd(10)}\t${ago(r.LastUsedAt)}\n`;
    out += buildxTable(i === 0 ? `ID\tRECLAIMABLE\tSIZE\tLAST ACCESSED\n${row}` : row);
  });
  out += buildxTable(`Total:\t${humanSize4(total)}\n`);
  await cli.out(out);
  return 0;
}
