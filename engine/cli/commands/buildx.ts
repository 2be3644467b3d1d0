/**
 * `docker build` with BuildKit: what docker 28 runs through the buildx
 * plugin (`docker buildx build`, docker driver). The context goes to the
 * daemon as a tar (POST /build?version=2); BuildKit's progress comes back
 * as trace messages and is drawn on stderr:
 *
 *   #0 building with "default" instance using docker driver
 *
 *   #1 [internal] load build definition from Dockerfile
 *   #1 transferring dockerfile: 58B done
 *   #1 DONE 0.0s
 *   …
 *   #6 exporting to image
 *   #6 writing image sha256:… done
 *   #6 naming to docker.io/library/app:1 done
 *   #6 DONE 0.0s
 *
 * `--progress=tty` (the default on a terminal) redraws a table instead. A
 * failure prints the failed step's output, the Dockerfile lines it is about
 * and `ERROR: failed to build: failed to solve: …`, and exits 1.
 */
import { lineBatches } from '../../common/stream.ts';
import { clean } from '../../common/gopath.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, list, str } from '../cli.ts';
import { formatWarnings, printSource, ProgressDisplay, type ProgressMode, type SolveStatus } from '../progressui.ts';
import { buildQuery, prepareContext } from './build.ts';
import { goErrno, writeHostFile } from './host-files.ts';

const MODES = ['auto', 'plain', 'tty', 'quiet', 'rawjson'];

export async function runBuildx(cli: Cli, p: Parsed): Promise<number> {
  const [path] = p.args as [string];
  const quiet = bool(p, 'quiet');
  let mode = str(p, 'progress') || 'auto';
  if (!p.flags.changed.has('progress') && cli.env('BUILDKIT_PROGRESS')) mode = cli.env('BUILDKIT_PROGRESS')!;
  if (!MODES.includes(mode)) throw new CommandError(`ERROR: failed to build: invalid progress mode ${mode}`);
  if (quiet) mode = 'quiet';
  if (mode === 'auto') mode = cli.sys.isatty(2) ? 'tty' : 'plain';
  const call = bool(p, 'check') ? 'check' : str(p, 'call') || 'build';
  if (call !== 'build' && call !== 'check') throw new CommandError(`ERROR: failed to build: --call=${call} is not supported by Berth's builder`);
  if (list(p, 'output').length > 0 || bool(p, 'push')) throw new CommandError("ERROR: failed to build: --output and --push are not supported by Berth's builder (the image is loaded into the engine's image store, as --load does)");

  // buildx removes the image ID file first, so that a failed build does not leave a stale one.
  if (str(p, 'iidfile')) {
    try {
      cli.sys.unlink(str(p, 'iidfile'));
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENOENT') throw new CommandError(`ERROR: removing image ID file: remove ${str(p, 'iidfile')}: ${goErrno(err)}`);
    }
  }
  // progressui.NewDisplay: the tty display needs stderr to be a console.
  if (mode === 'tty' && !cli.sys.isatty(2)) throw new CommandError('ERROR: failed to get console: provided file is not a console');

  let ctx;
  try {
    ctx = await prepareContext(cli, path, str(p, 'file'), true);
  } catch (err) {
    if (err instanceof CommandError) throw new CommandError(`ERROR: failed to build: ${err.message}`);
    throw err;
  }
  const q = buildQuery(cli, p, ctx.dockerfile);
  if (str(p, 'network') && str(p, 'network') !== 'default') q.set('networkmode', str(p, 'network'));
  const filters = list(p, 'no-cache-filter');
  if (filters.length > 0) q.set('nocachefilter', JSON.stringify(filters));
  if (call === 'check') q.set('call', 'check');
  q.set('version', '2');

  let width = 80;
  try {
    if (cli.sys.isatty(2)) width = cli.sys.getWinsize(2).cols || 80;
  } catch {
    // not a terminal
  }
  let pending = '';
  const display = new ProgressDisplay(call === 'check' ? (mode === 'quiet' ? 'quiet' : 'plain') : (mode as ProgressMode), (t) => (pending += t), {
    desc: 'building with "default" instance using docker driver',
    consoleDesc: 'docker:default',
    width,
  });
  const flush = async () => {
    if (pending) {
      const t = pending;
      pending = '';
      await cli.err(t);
    }
  };

  let id = '';
  let lint: LintFinding[] = [];
  let failure: { message: string; source?: { filename: string; data: string; start: number; end: number } } | undefined;
  const stream = await cli.api.stream('POST', `/build?${q.toString()}`, undefined, undefined, { raw: ctx.tar, headers: { 'Content-Type': 'application/x-tar' } });
  for await (const lines of lineBatches(stream)) {
    for (const line of lines) {
      const m = JSON.parse(line) as { id?: string; aux?: unknown; error?: string; errorDetail?: { message?: string; source?: { filename: string; data: string; start: number; end: number } } };
      if (m.errorDetail || m.error) failure = { message: m.errorDetail?.message ?? m.error ?? '', source: m.errorDetail?.source };
      else if (m.id === 'moby.buildkit.trace') display.update(m.aux as SolveStatus);
      else if (m.id === 'moby.image.id') id = (m.aux as { ID: string }).ID;
      else if (m.id === 'moby.buildkit.lint') lint = m.aux as LintFinding[];
    }
    await flush();
  }
  display.done();
  await flush();
  const debug = cli.env('DOCKER_DEBUG') !== undefined || bool(p, 'debug') || cli.debug;
  if (call === 'check') {
    // buildx shows the findings under the Dockerfile's name as it was given (DockerfileMappingSrc).
    const file = str(p, 'file');
    const shown = file === '-' ? 'stdin' : file || (path !== '-' ? clean(`${path}/Dockerfile`) : '');
    if (shown) for (const w of lint) if (w.source) w.source = { ...w.source, filename: shown };
    return printCheck(cli, lint, failure);
  }
  if (mode !== 'quiet' && mode !== 'rawjson') await cli.err(formatWarnings(display.warnings, debug));
  if (failure) {
    if (failure.source) await cli.err(printSource(failure.source));
    await cli.err(`ERROR: failed to build: failed to solve: ${failure.message}\n`);
    return 1;
  }
  if (quiet && id) await cli.out(`${id}\n`);
  const iid = str(p, 'iidfile');
  if (iid && id) {
    try {
      await writeHostFile(cli, iid, new TextEncoder().encode(id), 0o666);
    } catch (err) {
      throw new CommandError(`ERROR: failed to build: failed to write image ID to file: ${goErrno(err)}`);
    }
  }
  const meta = str(p, 'metadata-file');
  if (meta && id) {
    const doc = { 'containerimage.config.digest': id, ...(list(p, 'tag').length > 0 ? { 'image.name': list(p, 'tag').join(',') } : {}) };
    await writeHostFile(cli, meta, new TextEncoder().encode(JSON.stringify(doc, null, 2)), 0o644);
  }
  return 0;
}

interface LintFinding {
  rule: string;
  detail: string;
  url: string;
  source?: { filename: string; data: string; start: number; end: number };
}

/** `docker build --check`: the build checks' findings (lint.LintResults.PrintTo), without building; exit 1 when any. */
async function printCheck(cli: Cli, findings: LintFinding[], failure?: { message: string; source?: { filename: string; data: string; start: number; end: number } }): Promise<number> {
  if (failure) {
    if (failure.source) await cli.err(printSource(failure.source));
    await cli.err(`ERROR: failed to build: failed to solve: ${failure.message}\n`);
    return 1;
  }
  const ws = [...findings].sort((a, b) => (a.source?.start ?? 0) - (b.source?.start ?? 0) || (a.rule < b.rule ? -1 : 1));
  if (ws.length === 0) {
    await cli.out('Check complete, no warnings found.\n');
    return 0;
  }
  let out = `Check complete, ${ws.length === 1 ? '1 warning has' : `${ws.length} warnings have`} been found!\n`;
  for (const w of ws) {
    out += `\nWARNING: ${w.rule}${w.url ? ` - ${w.url}` : ''}\n${w.detail}\n`;
    if (w.source) out += printSource(w.source);
  }
  await cli.out(out);
  return 1;
}
