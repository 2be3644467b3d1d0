/**
 * `docker build` with BuildKit (what POST /build?version=2 runs in moby, and
 * what the docker CLI uses by default through buildx): the Dockerfile
 * frontend's rules (dockerfile2llb) and the solver's cache, in one pass.
 *
 * - Only stages the target needs run (its base, `COPY --from`, `RUN
 *   --mount=from=`); unnamed stages are `stage-N` in the step names.
 * - The image config is worked out from the instructions: ENV, LABEL, CMD…
 *   change it and add a history entry with no layer; RUN, COPY, ADD and
 *   WORKDIR are steps (`[2/4] RUN apk add curl`) whose results are layers.
 * - A step's cache key is its parent's key plus what the step does (the
 *   command, its environment, user and working directory, its mounts; for
 *   COPY/ADD the checksum of the files it copies), so a LABEL does not
 *   invalidate the RUN after it but a changed file invalidates its COPY and
 *   everything after. A hit prints CACHED and runs nothing.
 * - No intermediate images: the result is one image (history `RUN /bin/sh
 *   -c … # buildkit`, comment `buildkit.dockerfile.v0`); step results live
 *   in the build cache (build-cache.ts), which `docker system df` counts.
 * - A failure leaves images, tags and containers as they were.
 *
 * Progress goes out as BuildKit trace messages (buildkit-trace.ts).
 */
import { collect, streamOf } from '../common/stream.ts';
import { rfc3339Nano } from '../common/time.ts';
import { fromUtf8, toHex, utf8 } from '../common/bytes.ts';
import { EngineError } from '../errors.ts';
import { chainIds, encodeJson, MediaType, type ContainerConfig, type Descriptor, type HistoryEntry, type ImageConfig, type ImageManifest } from '../image/oci.ts';
import { familiarString, formatReference, parseReference } from '../image/reference.ts';
import type { ResolvedImage } from '../image/store.ts';
import { writeTar, type TarEntry } from '../image/tar.ts';
import { layerEntries } from '../snapshot/diff.ts';
import { unpackLayer } from '../snapshot/unpack.ts';
import { mkdirs } from '../fs/mkdirs.ts';
import type { FileSystem } from '../fs/types.ts';
import {
  parseDockerfile, parseInstructions, expandCommand, expand, processWord, parseMount, DockerfileError,
  type Command, type Stage, type Mount, type ParsedDockerfile,
} from '../build/parser.ts';
import { goQuote, withSuggestion } from '../build/parse-go.ts';
import { BuildContext, IgnoreMatcher, parseDockerignore, readContext } from '../build/context.ts';
import { applyConfigCommand, canonical, copyConfig, workdir as normalizeWorkdir, goQuoteList } from '../build/builder.ts';
import type { Daemon } from './daemon.ts';
import { hostConfigDefaults } from './daemon.ts';
import { buildSpec } from './spec.ts';
import { hasRepoDigest, keepUntagged, setImageName } from './dangling.ts';
import { performCopy, sourceHash, treeFromFs, type CopyRequest } from './build-copy.ts';
import { BuildCache, type LayerRef } from './build-cache.ts';
import { Trace, type Vertex } from './buildkit-trace.ts';
import type { BuildOptions, Puller } from './build.ts';
import type { JsonMessage } from './types.ts';

export interface BuildKitOptions extends BuildOptions {
  /** --network for RUN: default, none or host. */
  network?: string;
  /** `check`: run the build checks only (`docker build --check`). */
  call?: string;
  /** --no-cache-filter: stages whose steps ignore the cache. */
  noCacheFilter?: string[];
  /** Build checks (engine/build/lint.ts), when available. */
  lint?: (text: string, o: { target: string; buildArgs: Record<string, string | null> }) => { warnings: { rule: string; detail: string; url: string; description: string; line: number; endLine: number }[]; errorOnWarnings: boolean };
}

/** A range of Dockerfile lines a failure is about (BuildKit's errdefs.Source). */
export interface SourceRange {
  filename: string;
  data: string;
  start: number;
  end: number;
}

/** A build failure: its message, and where in the Dockerfile, for the client to show. */
export class SolveError extends EngineError {
  constructor(
    message: string,
    readonly source?: SourceRange,
    readonly logs?: string,
  ) {
    super('InvalidArgument', message);
  }
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const HISTORY_COMMENT = 'buildkit.dockerfile.v0';
const INIT_ENTRIES = new Set(['etc/hosts', 'etc/hostname', 'etc/resolv.conf', 'etc/mtab', 'dev/pipes']);

/** The image config a stage is building, as dockerfile2llb keeps it. */
interface ImageState {
  architecture: string;
  os: string;
  config: ContainerConfig;
  /** History so far; entries this build added have no `created` yet. */
  history: HistoryEntry[];
}

interface StageState {
  stage: Stage;
  index: number;
  /** Name in step prefixes: the stage name, `stage-N`, or '' for a one-stage build. */
  label: string;
  base?: StageState;
  baseRef?: string;
  baseImage?: ResolvedImage;
  scratch: boolean;
  cmdTotal: number;
  cmdIndex: number;
  /** Cache key of the filesystem so far. */
  key: string;
  chain: LayerRef[];
  image: ImageState;
  /** ARGs declared in the stage: name → value (undefined: no value). */
  args: Map<string, string | undefined>;
  /** Mutable flags. */
  workdirSet: boolean;
  done: boolean;
  ignoreCache: boolean;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** Runs a build; returns the image ID. */
export async function solveBuild(d: Daemon, cache: BuildCache, tar: Uint8Array, o: BuildKitOptions, emit: (m: JsonMessage) => void, pull?: Puller): Promise<string> {
  const { platform } = d;
  const trace = new Trace(emit, () => platform.now(), toHex(platform.randomBytes(24)));
  const hash = async (...parts: unknown[]) => platform.sha256(utf8(canonical(parts)));

  // 1. The Dockerfile.
  const dfName = o.dockerfile || 'Dockerfile';
  const defV = trace.vertex(`[internal] load build definition from ${dfName.slice(dfName.lastIndexOf('/') + 1)}`).start();
  const ctx = await readContext(tar);
  const df = ctx.get(dfName);
  if (!df) {
    defV.fail(`failed to read dockerfile: open ${dfName}: no such file or directory`);
    throw new SolveError(`failed to read dockerfile: open ${dfName}: no such file or directory`);
  }
  defV.status('transferring dockerfile:', df.data.length);
  const text = fromUtf8(df.data);
  // The source map is named as dockerui names the file: its base name (buildx sends -f's directory apart).
  const source = (start: number, end = start): SourceRange => ({ filename: dfName.slice(dfName.lastIndexOf('/') + 1), data: text, start, end });
  // Build checks: warnings under the definition vertex (or, for --check, the whole answer).
  if (o.lint) {
    const res = o.lint(text, { target: o.target, buildArgs: o.buildArgs });
    if (o.call === 'check') {
      defV.done();
      emit({ id: 'moby.buildkit.lint', aux: res.warnings.map((w) => ({ rule: w.rule, detail: w.detail, url: w.url, source: source(w.line, w.endLine) })) } as unknown as JsonMessage);
      return '';
    }
    for (const w of res.warnings) trace.warn(defV, `${w.rule}: ${w.detail} (line ${w.line})`, [w.description], w.url, source(w.line, w.endLine));
    if (res.errorOnWarnings && res.warnings.length > 0) {
      defV.done();
      throw new SolveError(`lint violation found for rules: ${[...new Set(res.warnings.map((w) => w.rule))].join(', ')}`);
    }
  }
  defV.done();
  let ast: ParsedDockerfile;
  let parsed: ReturnType<typeof parseInstructions>;
  try {
    ast = parseDockerfile(text);
    parsed = parseInstructions(ast);
  } catch (err) {
    if (err instanceof DockerfileError) throw new SolveError(err.message, source(err.startLine, err.endLine));
    throw err;
  }
  if (o.call === 'check') return '';
  const { stages, metaArgs } = parsed;
  const escapeToken = ast.escapeToken ?? '\\';

  // 2. Global ARGs, stages, the target.
  const globalArgs = new Map<string, string>();
  for (const a of metaArgs) {
    for (const def of a.args) {
      const given = Object.prototype.hasOwnProperty.call(o.buildArgs, def.key) ? o.buildArgs[def.key] : undefined;
      const v = given ?? (def.value !== undefined ? expand(def.value, globalArgs, { escapeToken }) : undefined);
      if (v !== undefined && v !== null) globalArgs.set(def.key, v);
    }
  }
  const states: StageState[] = [];
  for (const [i, st] of stages.entries()) {
    const baseName = expand(st.baseName, globalArgs, { escapeToken });
    if (baseName === '') throw new SolveError(`base name (${st.baseName}) should not be blank`, source(st.startLine, st.endLine));
    const base = states.find((s) => s.stage.name !== '' && s.stage.name === baseName.toLowerCase());
    const scratch = !base && baseName === 'scratch';
    let cmdTotal = !base && !scratch ? 1 : 0;
    for (const c of st.commands) if (c.name === 'add' || c.name === 'copy' || c.name === 'run' || c.name === 'workdir') cmdTotal++;
    states.push({
      stage: st, index: i, label: st.name || `stage-${i}`, base, baseRef: base || scratch ? undefined : baseName, scratch, cmdTotal, cmdIndex: 0,
      key: '', chain: [], image: { architecture: 'amd64', os: 'linux', config: {}, history: [] }, args: new Map(), workdirSet: false, done: false,
      ignoreCache: o.noCache || (o.noCacheFilter ?? []).includes(st.name),
    });
  }
  if (states.length === 0) throw new SolveError('the Dockerfile (Dockerfile) cannot be empty');
  // One stage has no name in its steps, unless a COPY --from=<image> or a RUN --mount (any) adds a source:
  // buildStageDependencyGraph registers those as states before it counts them.
  const otherSources = stages.some((st) =>
    st.commands.some((c) => (c.name === 'run' && c.mountSpecs.length > 0) || (c.name === 'copy' && c.from !== '' && !/^\d+$/.test(c.from) && !stages.some((x) => x.name !== '' && x.name === c.from.toLowerCase()))),
  );
  if (states.length === 1 && !otherSources) states[0]!.label = '';
  let target = states[states.length - 1]!;
  if (o.target) {
    const t = states.find((s) => s.stage.name === o.target.toLowerCase());
    if (!t) throw new SolveError(withSuggestion(`target stage "${o.target}" could not be found`, o.target, states.map((x) => x.stage.name || `stage-${x.index}`), true));
    target = t;
  }
  const stageRef = (ref: string, before: StageState): StageState | undefined => {
    const byName = states.find((s) => s.stage.name !== '' && s.stage.name === ref.toLowerCase());
    const found = byName ?? (/^\d+$/.test(ref) ? states[Number(ref)] : undefined);
    if (found && found.index >= before.index) {
      throw new SolveError(`cannot copy from stage "${ref}", it needs to be defined before current stage "${before.label || `stage-${before.index}`}"`);
    }
    return found;
  };
  const reachable = new Set<StageState>();
  const extraImages = new Map<string, StageState>();
  const visit = (s: StageState) => {
    if (reachable.has(s)) return;
    reachable.add(s);
    if (s.base) visit(s.base);
    for (const c of s.stage.commands) {
      const refs: string[] = [];
      if (c.name === 'copy' && c.from) refs.push(c.from);
      if (c.name === 'run') for (const m of c.mounts) if (m.from) refs.push(m.from);
      for (const r of refs) {
        if (r.includes('$')) continue;
        const dep = stageRef(r, s);
        if (dep) visit(dep);
        else if (!extraImages.has(r)) extraImages.set(r, newImageState(r, states.length + extraImages.size));
      }
    }
  };
  visit(target);

  // 3. Base images: `load metadata` for each (pulling what is missing).
  const metadata = new Map<string, ResolvedImage>();
  const resolveImage = async (ref: string, at?: Stage): Promise<ResolvedImage> => {
    const name = formatReference(withTag(ref));
    const known = metadata.get(name);
    if (known) return known;
    const v = trace.vertex(`[internal] load metadata for ${name}`).start();
    let image = o.pull ? undefined : d.findImage(ref);
    if (!image) {
      try {
        if (!pull) throw new EngineError('NotFound', `pull access denied, repository does not exist or may require authorization`);
        await pull(ref, () => undefined);
        image = d.image(ref);
      } catch (err) {
        // What containerd's resolver says, which BuildKit reports, rather than the engine's pull messages.
        let msg = (err as Error).message.replace(/^Error response from daemon: /, '');
        if (/^pull access denied\b/.test(msg)) msg = 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
        else if (/^manifest for \S+ not found\b/.test(msg)) msg = `${name}: not found`;
        v.fail(msg);
        throw new SolveError(`${ref}: failed to resolve source metadata for ${name}: ${msg}`, at ? source(at.startLine, at.endLine) : undefined);
      }
    }
    v.done();
    metadata.set(name, image);
    return image;
  };
  for (const s of states) if (reachable.has(s) && s.baseRef) s.baseImage = await resolveImage(s.baseRef, s.stage);
  for (const [ref, s] of extraImages) s.baseImage = await resolveImage(ref);
  // ONBUILD triggers of the base run first and count as steps (initOnBuildTriggers).
  for (const s of states) {
    if (!reachable.has(s) || s.cmdTotal === 0 && !s.base) continue;
    const triggers = s.baseImage ? s.baseImage.config.config?.OnBuild ?? [] : s.base ? s.base.stage.commands.filter((c) => c.name === 'onbuild') : [];
    s.cmdTotal += triggers.length;
  }

  // .dockerignore
  const ignV = trace.vertex('[internal] load .dockerignore').start();
  const ignore = ctx.get('.dockerignore');
  ignV.status('transferring context:', ignore ? Math.max(2, ignore.data.length) : 2);
  ignV.done();
  if (ignore) ctx.applyIgnore(new IgnoreMatcher(parseDockerignore(fromUtf8(ignore.data))), [dfName, '.dockerignore']);
  let contextV: Vertex | undefined;
  const loadContext = () => {
    if (contextV) return;
    contextV = trace.vertex('[internal] load build context').start();
    let size = 0;
    for (const f of ctx.files.values()) size += f.data.length;
    contextV.status('transferring context:', Math.max(2, size));
    contextV.done();
  };

  // 4. The steps.
  const session: Session = { d, cache, trace, hash, o, source, escapeToken, globalArgs, ctx, loadContext, states, extraImages, stageRef, cleanups: [] };
  try {
    for (const [, s] of extraImages) await startStage(session, s);
    for (const s of states) {
      if (!reachable.has(s)) continue;
      await startStage(session, s);
      const onbuild = s.image.config.OnBuild ?? [];
      s.image.config.OnBuild = null;
      for (const trigger of onbuild) {
        let cmd: Command;
        try {
          const p = parseInstructions(parseDockerfile(`FROM scratch\n${trigger}`));
          cmd = p.stages[0]!.commands[0]!;
        } catch (err) {
          throw new SolveError((err as Error).message, source(s.stage.startLine, s.stage.endLine));
        }
        await dispatch(session, s, { ...cmd, startLine: s.stage.startLine, endLine: s.stage.endLine }, true);
      }
      for (const c of s.stage.commands) await dispatch(session, s, c, false);
      s.done = true;
    }
  } finally {
    for (const f of session.cleanups.reverse()) f();
  }

  // 5. Export.
  for (const [k, v] of Object.entries(o.labels)) (target.image.config.Labels ??= {})[k] = v;
  const exportV = trace.vertex('exporting to image').start();
  const t0 = platform.now();
  const { id, target: desc } = await exportImage(d, target);
  exportV.status('exporting layers', 0, 0, t0);
  exportV.status(`writing image ${id}`);
  for (const t of o.tags) {
    const name = formatReference(withTag(t));
    setImageName(d.options.images, name, desc);
    d.events.emit('image', 'tag', id, { name: familiarString(parseReference(name)) });
    exportV.status(`naming to ${name}`);
  }
  exportV.done();
  emit({ id: 'moby.image.id', aux: { ID: id } } as unknown as JsonMessage);
  return id;
}

function withTag(ref: string) {
  const r = parseReference(ref);
  return { ...r, tag: r.tag ?? (r.digest ? undefined : 'latest') };
}

function newImageState(ref: string, index: number): StageState {
  const stage: Stage = { name: '', baseName: ref, platform: '', origCmd: 'FROM', commands: [], code: `FROM ${ref}`, startLine: 0, endLine: 0, comments: [], docComment: '' };
  return {
    stage, index, label: '', baseRef: ref, scratch: false, cmdTotal: 0, cmdIndex: 0, key: '', chain: [],
    image: { architecture: 'amd64', os: 'linux', config: {}, history: [] }, args: new Map(), workdirSet: false, done: false, ignoreCache: false,
  };
}

interface Session {
  d: Daemon;
  cache: BuildCache;
  trace: Trace;
  hash: (...parts: unknown[]) => Promise<string>;
  o: BuildKitOptions;
  source: (start: number, end?: number) => SourceRange;
  escapeToken: string;
  globalArgs: Map<string, string>;
  ctx: BuildContext;
  loadContext: () => void;
  states: StageState[];
  extraImages: Map<string, StageState>;
  stageRef: (ref: string, before: StageState) => StageState | undefined;
  cleanups: (() => void)[];
}

/** `[stage 2/5] RUN …`: prefixCommand. */
function stepName(s: StageState, text: string, onbuild: boolean): string {
  if (s.cmdTotal === 0) return text;
  s.cmdIndex++;
  const width = Math.floor(1 + Math.log10(s.cmdTotal));
  return `[${s.label ? `${s.label} ` : ''}${String(s.cmdIndex).padStart(width)}/${s.cmdTotal}] ${onbuild ? 'ONBUILD ' : ''}${text}`;
}

async function startStage(ss: Session, s: StageState): Promise<void> {
  const { d } = ss;
  if (s.base) {
    s.image = clone(s.base.image);
    s.key = s.base.key;
    s.chain = [...s.base.chain];
    return;
  }
  if (s.scratch || !s.baseImage) {
    s.image = { architecture: 'amd64', os: 'linux', config: { Env: [`PATH=${DEFAULT_PATH}`], WorkingDir: '/' }, history: [] };
    s.key = await ss.hash('scratch');
    s.chain = [];
    return;
  }
  const img = s.baseImage;
  const ref = formatReference(withTag(s.baseRef!));
  const digest = hasRepoDigest(img) ? img.record.target.digest : '';
  const name = `FROM ${ref}${digest ? `@${digest}` : ''}`;
  const v = ss.trace.vertex(stepName(s, name, false)).start();
  const cfg = img.config;
  s.image = { architecture: cfg.architecture, os: cfg.os, config: copyConfig(cfg.config ?? {}), history: (cfg.history ?? []).map((h) => ({ ...h })) };
  if (!(s.image.config.Env ?? []).some((e) => e.startsWith('PATH='))) (s.image.config.Env ??= []).push(`PATH=${DEFAULT_PATH}`);
  s.key = await ss.hash('image', img.id);
  await d.unpack(img.id, img);
  const chains = await chainIds(d.platform, cfg.rootfs.diff_ids);
  s.chain = img.manifest.layers.map((l, i) => ({ digest: l.digest, mediaType: l.mediaType, size: l.size, diffId: cfg.rootfs.diff_ids[i]!, createdAt: 0, chainId: chains[i]! }));
  if (!s.ignoreCache && ss.cache.seenSource(s.key)) {
    v.status(`resolve ${ref}${digest ? `@${digest}` : ''}`);
    v.cached();
  } else {
    v.status(`resolve ${ref}${digest ? `@${digest}` : ''}`);
    ss.cache.markSource(s.key);
    v.done();
  }
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The variables a step expands with: the image's Env and the ARGs in force (dockerfile2llb's getEnv). */
function stepEnv(s: StageState): Map<string, string> {
  const env = new Map<string, string>();
  for (const e of s.image.config.Env ?? []) {
    const i = e.indexOf('=');
    env.set(i < 0 ? e : e.slice(0, i), i < 0 ? '' : e.slice(i + 1));
  }
  for (const [k, v] of s.args) if (v !== undefined && !env.has(k)) env.set(k, v);
  return env;
}

/** The environment a RUN gets: the image's Env plus the ARGs with a value (ENV wins). */
function runEnv(s: StageState): string[] {
  const env = [...(s.image.config.Env ?? [])];
  const keys = new Set(env.map((e) => e.split('=')[0]!));
  for (const [k, v] of s.args) if (v !== undefined && !keys.has(k) && !NON_ENV_ARGS.has(k)) env.push(`${k}=${v}`);
  return env;
}

const NON_ENV_ARGS = new Set(['BUILDKIT_SYNTAX', 'BUILDKIT_CACHE_MOUNT_NS', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'SOURCE_DATE_EPOCH']);

function history(s: StageState, createdBy: string, layer: boolean): void {
  s.image.history.push({ created_by: createdBy, comment: HISTORY_COMMENT, ...(layer ? {} : { empty_layer: true }) });
}

/** The step text shown in progress: the instruction as written, variables expanded where set. */
function shownName(s: StageState, code: string, escapeToken: string): string {
  let w = code;
  try {
    w = processWord(code, stepEnv(s), { escapeToken, rawQuotes: true, rawEscapes: true, skipUnsetEnv: true }).result;
  } catch {
    w = code;
  }
  const sp = w.indexOf(' ');
  return sp < 0 ? w.toUpperCase() : w.slice(0, sp).toUpperCase() + w.slice(sp);
}

async function dispatch(ss: Session, s: StageState, raw: Command, onbuild: boolean): Promise<void> {
  const at = ss.source(raw.startLine, raw.endLine);
  let cmd: Command;
  try {
    cmd = expandCommand(raw, stepEnv(s), { escapeToken: ss.escapeToken });
  } catch (err) {
    throw new SolveError((err as Error).message, at);
  }
  const c = s.image.config;
  switch (cmd.name) {
    case 'arg': {
      const parts: string[] = [];
      for (const def of cmd.args) {
        const hasValue = Object.prototype.hasOwnProperty.call(ss.o.buildArgs, def.key) && ss.o.buildArgs[def.key] !== null;
        let value: string | undefined = def.value;
        if (!hasValue && def.value === undefined && ss.globalArgs.has(def.key)) value = ss.globalArgs.get(def.key);
        else if (hasValue) value = ss.o.buildArgs[def.key]!;
        s.args.set(def.key, value);
        parts.push(value !== undefined ? `${def.key}=${value}` : def.key);
      }
      history(s, `ARG ${parts.join(' ')}`, false);
      return;
    }
    case 'run':
      return runStep(ss, s, cmd, raw, onbuild, at);
    case 'copy':
    case 'add':
      return copyStep(ss, s, cmd, raw, onbuild, at);
    case 'workdir': {
      if (!cmd.path) throw new SolveError('WORKDIR requires exactly one argument', at);
      const wd = normalizeWorkdir(c.WorkingDir ?? '', cmd.path);
      c.WorkingDir = wd;
      if (wd === '/') {
        history(s, `WORKDIR ${wd}`, false);
        return;
      }
      const name = stepName(s, shownName(s, raw.code, ss.escapeToken), onbuild);
      const user = c.User ?? '';
      const key = await ss.hash(s.key, 'mkdir', wd, user);
      const layer = await step(ss, s, name, key, `mkdir ${wd}`, async (fs) => {
        const owner = user ? ownerOf(fs, user) : { uid: 0, gid: 0 };
        mkdirs(fs, wd, 0o755, owner);
      }, at);
      history(s, `WORKDIR ${wd}`, layer);
      return;
    }
    case 'onbuild':
      (c.OnBuild ??= []).push(cmd.expression);
      return;
    case 'maintainer':
      history(s, `MAINTAINER ${cmd.maintainer}`, false);
      return;
    case 'healthcheck': {
      applyConfigCommand(c, cmd, { cmd: false });
      const h = c.Healthcheck!;
      const dur = (ns?: number) => goDuration(ns ?? 0);
      history(s, `HEALTHCHECK &{${goQuoteList(h.Test ?? [])} ${quoteDur(dur(h.Interval))} ${quoteDur(dur(h.Timeout))} ${quoteDur(dur(h.StartPeriod))} ${quoteDur(dur(h.StartInterval))} '\\x${(h.Retries ?? 0).toString(16).padStart(2, '0')}'}`, false);
      return;
    }
    default: {
      const comment = applyConfigCommand(c, cmd, cmdSetIn(s));
      if (comment === undefined) throw new SolveError(`unsupported instruction ${cmd.command}`, at);
      history(s, buildkitComment(cmd, c, comment), false);
    }
  }
}

/** Whether the stage has its own CMD (dispatchState.cmd.IsSet): an ENTRYPOINT after it keeps it. */
const cmdSet = new WeakMap<StageState, { cmd: boolean }>();
function cmdSetIn(s: StageState): { cmd: boolean } {
  let f = cmdSet.get(s);
  if (!f) cmdSet.set(s, (f = { cmd: false }));
  return f;
}

const quoteDur = (s: string) => `"${s}"`;

/** Go's time.Duration String() for nanoseconds. */
function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const s = ns / 1e9;
  if (s < 60) return `${+s.toFixed(9)}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = +(s % 60).toFixed(9);
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${sec}s`;
}

/** The history text dockerfile2llb writes for a config-only instruction. */
function buildkitComment(cmd: Command, c: ContainerConfig, classic: string): string {
  switch (cmd.name) {
    case 'env':
      return `ENV ${cmd.env.map((p) => `${p.key}=${p.value}`).join(' ')}`;
    case 'label':
      return `LABEL ${cmd.labels.map((p) => `${p.key}=${p.value}`).join(' ')}`;
    case 'user':
      return `USER ${cmd.user}`;
    case 'volume':
      return `VOLUME ${goList(cmd.volumes)}`;
    case 'shell':
      return `SHELL ${goList(cmd.shell)}`;
    case 'stopsignal':
      return `STOPSIGNAL ${cmd.signal}`;
    case 'expose':
      return `EXPOSE map[${Object.keys(c.ExposedPorts ?? {}).sort().map((p) => `${p}:{}`).join(' ')}]`;
    case 'cmd':
      return `CMD ${goQuoteList(c.Cmd ?? [])}`;
    case 'entrypoint':
      return `ENTRYPOINT ${goQuoteList(c.Entrypoint ?? [])}`;
    default:
      return classic;
  }
}

/** Go's %v of a []string: `[a b]`. */
const goList = (l: readonly string[]) => `[${l.join(' ')}]`;

function ownerOf(fs: FileSystem, user: string): { uid: number; gid: number } {
  const [u = '', g] = user.split(':');
  const lookup = (file: string, name: string): number | undefined => {
    if (/^\d+$/.test(name)) return Number(name);
    try {
      const h = fs.open(file, 'r');
      const st = h.stat();
      const buf = new Uint8Array(st.size);
      h.read(buf, 0);
      for (const line of fromUtf8(buf).split('\n')) {
        const f = line.split(':');
        if (f[0] === name) return Number(f[2]);
      }
    } catch {
      return undefined;
    }
    return undefined;
  };
  const uid = lookup('/etc/passwd', u) ?? 0;
  const gid = g !== undefined ? lookup('/etc/group', g) ?? 0 : uid;
  return { uid, gid };
}

/**
 * One filesystem step: reuse the cached result for `key`, or prepare a
 * snapshot on the current chain, let `work` change it, and keep its diff as a
 * layer. Returns whether the step left a layer.
 */
async function step(ss: Session, s: StageState, name: string, key: string, description: string, work: (fs: FileSystem, snapshotKey: string, v: Vertex) => Promise<void>, at: SourceRange): Promise<boolean> {
  const { d, cache, trace } = ss;
  const v = trace.vertex(name).start();
  const hit = s.ignoreCache ? undefined : cache.use(key);
  if (hit) {
    s.key = key;
    s.chain = hit.chain;
    v.cached();
    return hit.own !== '';
  }
  const sn = d.options.snapshotter;
  const top = await ensureChain(d, s.chain);
  const snapKey = `buildkit-${toHex(d.platform.randomBytes(12))}`;
  sn.prepare(snapKey, top);
  let committed = false;
  try {
    try {
      await work(sn.mountFs(sn.mounts(snapKey)), snapKey, v);
    } catch (err) {
      const msg = (err as Error).message;
      v.fail(msg);
      throw err instanceof SolveError && err.source ? err : new SolveError(msg, at);
    }
    const layer = await commitDiff(d, s.chain, snapKey);
    committed = layer?.committed ?? false;
    const chain = layer ? [...s.chain, layer.ref] : s.chain;
    cache.add({ key, parent: undefined, type: 'regular', description, chain, own: layer?.ref.digest ?? '', size: layer?.size ?? 0, createdAt: d.platform.now() });
    s.key = key;
    s.chain = chain;
    v.done();
    return layer !== undefined;
  } finally {
    if (!committed) sn.remove(snapKey);
  }
}

/** Snapshots for a chain of layers (unpacking any that are missing); returns the top one's name. */
async function ensureChain(d: Daemon, chain: LayerRef[]): Promise<string | undefined> {
  const sn = d.options.snapshotter;
  for (let i = 0; i < chain.length; i++) {
    const l = chain[i]!;
    let exists = true;
    try {
      sn.stat(l.chainId);
    } catch {
      exists = false;
    }
    if (!exists) await unpackLayer({ platform: d.platform, content: d.options.content, snapshotter: sn }, l.digest, l.mediaType, l.diffId, l.chainId, i > 0 ? chain[i - 1]!.chainId : undefined);
  }
  return chain.length > 0 ? chain[chain.length - 1]!.chainId : undefined;
}

/** The snapshot's changes as a layer blob; undefined when nothing changed. */
async function commitDiff(d: Daemon, chain: LayerRef[], snapKey: string): Promise<{ ref: LayerRef; size: number; committed: boolean } | undefined> {
  const { platform, content, snapshotter: sn } = d.options;
  let filtered = false;
  const entries: TarEntry[] = [];
  for (const e of layerEntries(sn.disk, sn.layerDir(snapKey))) {
    const n = e.header.name.replace(/\/$/, '');
    if (INIT_ENTRIES.has(n) || n.startsWith('dev/pipes/')) {
      filtered = true;
      continue;
    }
    entries.push(e);
  }
  if (entries.length === 0) return undefined;
  const tar = await collect(writeTar(entries));
  const gz = await collect(platform.gzip(streamOf(tar)));
  const digest = await content.put(gz);
  const diffId = 'sha256:' + (await platform.sha256(tar));
  const parent = chain[chain.length - 1]?.chainId;
  const chainId = parent ? 'sha256:' + (await platform.sha256(utf8(`${parent} ${diffId}`))) : diffId;
  const size = sn.usage(snapKey).size;
  let committed = false;
  let exists = true;
  try {
    sn.stat(chainId);
  } catch {
    exists = false;
  }
  if (!exists) {
    if (!filtered) {
      sn.commit(chainId, snapKey);
      committed = true;
    } else {
      await unpackLayer({ platform, content, snapshotter: sn }, digest, MediaType.ociLayerGzip, diffId, chainId, parent);
    }
  }
  return { ref: { digest, mediaType: MediaType.ociLayerGzip, size: gz.length, diffId, createdAt: platform.now(), chainId }, size, committed };
}

/** RUN: dispatchRun and the executor. */
async function runStep(ss: Session, s: StageState, cmd: Extract<Command, { name: 'run' }>, raw: Command, onbuild: boolean, at: SourceRange): Promise<void> {
  const c = s.image.config;
  let args = [...cmd.cmdLine];
  let nameText = shownName(s, raw.code, ss.escapeToken);
  let script: { name: string; data: string } | undefined;
  if (cmd.files.length > 0) {
    const heredoc = /^<<(-?)(["']?)([^"'\s]+)\2$/.exec(args[0]!.trim());
    if (heredoc) {
      let data = cmd.files[0]!.data;
      if (cmd.files[0]!.chomp) data = data.replace(/^\t+/gm, '');
      if (data.startsWith('#!')) {
        script = { name: cmd.files[0]!.name, data };
        args = [`/dev/pipes/${cmd.files[0]!.name}`];
      } else args = [data];
      const lines = cmd.files[0]!.data.trim().replace(/\r\n/g, '\n').split('\n');
      nameText += ` (${lines[0]}${lines.length > 1 ? '...' : ''})`;
    } else {
      let b = args[0]!;
      for (const f of cmd.files) b += `\n${f.data}${f.name}`;
      args = [b];
    }
  }
  // A shebang heredoc runs as `/bin/sh -c /dev/pipes/EOF` (dispatchRun prepends the shell to it too).
  if (cmd.prependShell) args = [...(c.Shell && c.Shell.length > 0 ? c.Shell : ['/bin/sh', '-c']), args.join(' ')];
  const name = stepName(s, nameText, onbuild);
  const env = runEnv(s);
  const mounts: Mount[] = [];
  for (const spec of cmd.mountSpecs) {
    try {
      mounts.push(parseMount(spec, (w) => expand(w, stepEnv(s), { escapeToken: ss.escapeToken })));
    } catch (err) {
      throw new SolveError((err as Error).message, at);
    }
  }
  // What the mounts bring in is part of the key: a bind mount's files, a cache's id.
  const mountKeys: unknown[] = [];
  const binds: { m: Mount; src: BuildContext; path: string }[] = [];
  for (const m of mounts) {
    if (m.type === 'bind') {
      let src = ss.ctx;
      let path = m.source || '.';
      if (m.from) {
        const dep = ss.stageRef(m.from, s) ?? ss.extraImages.get(m.from);
        if (!dep) throw new SolveError(`failed to resolve mount source ${m.from}`, at);
        const top = await ensureChain(ss.d, dep.chain);
        const vk = `buildkit-view-${toHex(ss.d.platform.randomBytes(8))}`;
        const sn = ss.d.options.snapshotter;
        sn.view(vk, top);
        ss.cleanups.push(() => sn.remove(vk));
        src = treeFromFs(sn.mountFs(sn.mounts(vk)), [path]);
      } else ss.loadContext();
      path = path.replace(/^\/+/, '') || '.';
      if (!src.exists(path)) throw new SolveError(`failed to compute cache key: failed to calculate checksum of ref ${fakeRef(ss)}: "/${path.replace(/^\.$/, '')}": not found`, at);
      const sum = await sourceHash(ss.d.platform, src, { op: 'COPY', sources: [path], dest: '/', workdir: '/', chown: '', chmod: '' });
      mountKeys.push(['bind', m.target, sum, m.readOnly]);
      binds.push({ m, src, path });
    } else if (m.type === 'cache') mountKeys.push(['cache', m.target, m.cacheId || m.target]);
    else if (m.type === 'tmpfs') mountKeys.push(['tmpfs', m.target, m.sizeLimit]);
    else if (m.required) throw new SolveError(`${m.type === 'ssh' ? 'no SSH key' : `secret ${m.cacheId || m.target.split('/').pop()}`}: not found`, at);
  }
  const network = cmd.network === 'default' ? ss.o.network && ss.o.network !== 'default' ? ss.o.network : 'default' : cmd.network;
  const key = await ss.hash(s.key, 'exec', args, env, c.WorkingDir || '/', c.User ?? '', network, mountKeys, script ?? null);
  const layer = await step(ss, s, name, key, `mount / from exec ${args.join(' ')}`, (fs, snapKey, v) => execute(ss, s, { fs, snapKey, v, args, env, script, mounts, binds, network }), at);
  history(s, `RUN ${runCommandString(args, s)} # buildkit`, layer);
}

/** runCommandString: `|2 A=1 B=2 /bin/sh -c …` when build args are in force. */
function runCommandString(args: string[], s: StageState): string {
  const env = stepEnv(s);
  const pairs: string[] = [];
  for (const [k, v] of s.args) pairs.push(`${k}=${env.get(k) ?? v ?? ''}`);
  return [...(pairs.length > 0 ? [`|${pairs.length}`, ...pairs] : []), ...args].join(' ');
}

const fakeRef = (ss: Session) => `${toHex(ss.d.platform.randomBytes(12)).slice(0, 25)}::${toHex(ss.d.platform.randomBytes(12)).slice(0, 25)}`;

interface ExecInput {
  fs: FileSystem;
  snapKey: string;
  v: Vertex;
  args: string[];
  env: string[];
  script?: { name: string; data: string };
  mounts: Mount[];
  binds: { m: Mount; src: BuildContext; path: string }[];
  network: string;
}

/** Runs one RUN process in the snapshot, with BuildKit's sandbox: hostname buildkitsandbox, its own /etc/hosts. */
async function execute(ss: Session, s: StageState, x: ExecInput): Promise<void> {
  const { d } = ss;
  const { runtime, host } = d.options;
  const c = s.image.config;
  const dir = `/var/lib/docker/buildkit/executor/${x.snapKey}`;
  host.writeFile(`${dir}/hosts`, '127.0.0.1\tlocalhost buildkitsandbox\n::1\tlocalhost ip6-localhost ip6-loopback\n');
  host.writeFile(`${dir}/hostname`, 'buildkitsandbox\n');
  host.writeFile(`${dir}/resolv.conf`, host.resolvConf());
  const hostFs = d.hostFs();
  const mounts: import('../runtime/types.ts').OciMount[] = [
    { destination: '/etc/resolv.conf', type: 'bind', source: `${dir}/resolv.conf`, options: ['rbind', 'ro'] },
    { destination: '/etc/hosts', type: 'bind', source: `${dir}/hosts`, options: ['rbind', 'ro'] },
  ];
  const cleanup: (() => void)[] = [() => host.removeTree(dir)];
  try {
    if (x.script) {
      host.writeFile(`${dir}/pipes/${x.script.name}`, x.script.data);
      hostFs.setattr(`${dir}/pipes/${x.script.name}`, { mode: 0o100755 });
      mounts.push({ destination: '/dev/pipes', type: 'bind', source: `${dir}/pipes`, options: ['rbind', 'ro'] });
    }
    for (const [i, b] of x.binds.entries()) {
      const at = `${dir}/bind${i}`;
      mkdirs(hostFs, at);
      const isDir = b.src.isDir(b.path);
      await performCopy(d.platform, hostFs, b.src, { op: 'COPY', sources: [b.path], dest: `${at}/`, workdir: '/', chown: '', chmod: '' } as CopyRequest);
      const name = b.path.slice(b.path.lastIndexOf('/') + 1);
      mounts.push({ destination: absTarget(b.m.target, c), type: 'bind', source: isDir ? at : `${at}/${name}`, options: ['rbind', b.m.readOnly ? 'ro' : 'rw'] });
    }
    for (const m of x.mounts) {
      if (m.type === 'cache') {
        const id = (m.cacheId || m.target).replace(/[^A-Za-z0-9_.-]/g, '_');
        const cdir = `/var/lib/docker/buildkit/cache-mounts/${id}`;
        let exists = true;
        try {
          hostFs.lstat(cdir);
        } catch {
          exists = false;
        }
        if (!exists) {
          mkdirs(hostFs, cdir, m.mode ?? 0o755, { uid: m.uid ?? 0, gid: m.gid ?? 0 });
          ss.cache.addCacheMount(id, `cached mount ${m.target} from exec ${x.args.join(' ')}`);
        }
        mounts.push({ destination: absTarget(m.target, c), type: 'bind', source: cdir, options: ['rbind', m.readOnly ? 'ro' : 'rw'] });
      } else if (m.type === 'tmpfs') {
        mounts.push({ destination: absTarget(m.target, c), type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'nodev', 'rw'] });
      }
    }
    // executor.MountStubsCleaner: mount points the rootfs did not have are removed after the run, when empty.
    const stubs = mountStubs(x.fs, mounts.map((mt) => mt.destination));
    cleanup.push(() => removeStubs(x.fs, stubs));
    const id = x.snapKey;
    const rootMounts = d.options.snapshotter.mounts(id);
    const spec = buildSpec({
      id,
      config: { Hostname: 'buildkitsandbox', User: c.User ?? '', Env: x.env, WorkingDir: c.WorkingDir || '/', Tty: false } as never,
      host: hostConfigDefaults({ NetworkMode: x.network === 'none' ? 'none' : 'host' }),
      argv: x.args,
      rootfs: x.fs,
      mounts,
      network: x.network === 'none' ? 'new' : 'host',
    });
    const out: string[] = [];
    try {
      await runtime.create(id, { rootfs: rootMounts, spec }, { stdin: false, output: (stream, data) => (x.v.log(stream, data), out.push(fromUtf8(data))) });
    } catch (err) {
      throw new SolveError(`process ${goQuote(x.args.join(' '))} did not complete successfully: ${(err as Error).message}`);
    }
    let code: number;
    try {
      const proc = await runtime.start(id);
      code = (await proc.wait()).exitCode;
    } finally {
      await runtime.delete(id).catch(() => undefined);
    }
    if (code !== 0) throw new SolveError(`process ${goQuote(x.args.join(' '))} did not complete successfully: exit code: ${code}`);
  } finally {
    for (const f of cleanup) f();
  }
}

/** The paths a run's mounts will create: each destination and its missing parents, deepest first. */
function mountStubs(fs: FileSystem, destinations: string[]): string[] {
  const out: string[] = [];
  for (const dest of ['/etc/resolv.conf', '/etc/hosts', ...destinations]) {
    const parts = dest.split('/').filter((p) => p !== '' && p !== '.');
    for (let n = parts.length; n > 0; n--) {
      const p = `/${parts.slice(0, n).join('/')}`;
      try {
        fs.lstat(p);
        break;
      } catch {
        if (!out.includes(p)) out.push(p);
      }
    }
  }
  return out;
}

function removeStubs(fs: FileSystem, paths: string[]): void {
  for (const p of paths) {
    try {
      const st = fs.lstat(p);
      if ((st.mode & 0o170000) === 0o040000) {
        if (fs.readdir(p).length === 0) fs.rmdir(p);
      } else if (st.size === 0) fs.unlink(p);
    } catch {
      // gone already, or not removable: left as it is
    }
  }
}

function absTarget(target: string, c: ContainerConfig): string {
  return target.startsWith('/') ? target : `${(c.WorkingDir || '/').replace(/\/$/, '')}/${target}`;
}

/** COPY and ADD: dispatchCopy. */
async function copyStep(ss: Session, s: StageState, cmd: Extract<Command, { name: 'copy' | 'add' }>, raw: Command, onbuild: boolean, at: SourceRange): Promise<void> {
  const op = cmd.name === 'copy' ? 'COPY' : 'ADD';
  const c = s.image.config;
  const name = stepName(s, shownName(s, raw.code, ss.escapeToken), onbuild);
  if (cmd.sources.some((x) => /^(https?|git):\/\/|^git@/.test(x))) {
    throw new SolveError(`${op} from a URL or git repository is not available in Berth's emulated network`, at);
  }
  let src = ss.ctx;
  let sources = cmd.sources;
  const from = cmd.name === 'copy' ? cmd.from : '';
  if (cmd.heredocs.length > 0) {
    src = new BuildContext();
    for (const h of cmd.heredocs) {
      const p = h.path.replace(/^\/+/, '');
      src.files.set(p, { path: p, type: 'file', mode: 0o644, uid: 0, gid: 0, mtimeMs: 0, linkname: '', data: utf8(h.data) });
    }
    sources = cmd.heredocs.map((h) => h.path);
  } else if (from) {
    const dep = ss.stageRef(from, s) ?? ss.extraImages.get(from);
    if (!dep) throw new SolveError(`failed to resolve source ${from}`, at);
    const top = await ensureChain(ss.d, dep.chain);
    const sn = ss.d.options.snapshotter;
    const vk = `buildkit-view-${toHex(ss.d.platform.randomBytes(8))}`;
    sn.view(vk, top);
    ss.cleanups.push(() => sn.remove(vk));
    src = treeFromFs(sn.mountFs(sn.mounts(vk)), sources);
  } else ss.loadContext();
  const req: CopyRequest = { op, sources, dest: cmd.dest, workdir: c.WorkingDir ?? '', chown: cmd.chown, chmod: cmd.chmod };
  let sum: string;
  try {
    sum = await sourceHash(ss.d.platform, src, req);
  } catch (err) {
    const v = ss.trace.vertex(name).start();
    const missing = /stat (.*): file does not exist/.exec((err as Error).message)?.[1];
    const msg = missing !== undefined ? `failed to calculate checksum of ref ${fakeRef(ss)}: "/${missing.replace(/^\/+/, '')}": not found` : (err as Error).message;
    v.fail(msg);
    throw new SolveError(missing !== undefined ? `failed to compute cache key: ${msg}` : msg, at);
  }
  const key = await ss.hash(s.key, 'copy', op, sum, cmd.dest, c.WorkingDir ?? '', cmd.chown, cmd.chmod, from ? 'from' : 'ctx');
  const layer = await step(ss, s, name, key, `${op.toLowerCase()} ${sources.join(' ')} ${cmd.dest}`, (fs) => performCopy(ss.d.platform, fs, src, req), at);
  let msg = op;
  if (cmd.name === 'copy' && cmd.parents) msg += ' --parents';
  if (cmd.chown) msg += ` --chown=${cmd.chown}`;
  if (cmd.chmod) msg += ` --chmod=${cmd.chmod}`;
  for (const x of cmd.heredocs.length > 0 ? [] : cmd.sources) msg += ` ${x}`;
  for (const h of cmd.heredocs) msg += ` <<${h.path}`;
  msg += ` ${cmd.dest}`;
  history(s, `${msg} # buildkit`, layer);
}

/** Writes the target stage's image: its layers, a config with the filled-in history, a manifest. */
async function exportImage(d: Daemon, s: StageState): Promise<{ id: string; target: Descriptor }> {
  const { content, images } = d.options;
  const hist = normalizeHistory(s.image.history, s.chain);
  const created = [...hist].reverse().find((h) => h.created)?.created;
  const config: ImageConfig & Record<string, unknown> = {
    ...(created ? { created } : {}),
    architecture: s.image.architecture,
    os: s.image.os,
    config: s.image.config,
    rootfs: { type: 'layers', diff_ids: s.chain.map((l) => l.diffId) },
    history: hist,
  };
  const layers: Descriptor[] = s.chain.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size }));
  const configBytes = encodeJson(config);
  const configDigest = await content.put(configBytes);
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: configDigest, size: configBytes.length },
    layers,
    annotations: { 'io.berth.image.local': 'true' },
  };
  const manifestBytes = encodeJson(manifest);
  const manifestDigest = await content.put(manifestBytes, { children: [configDigest, ...layers.map((l) => l.digest)] });
  const target: Descriptor = { mediaType: MediaType.ociManifest, digest: manifestDigest, size: manifestBytes.length };
  keepUntagged(images, target);
  const resolved = images.resolve(images.list().find((r) => r.target.digest === manifestDigest)!);
  await d.unpack(resolved.id, resolved);
  return { id: configDigest, target };
}

/** normalizeLayersAndHistory: created times for the new entries, from their layers or the nearest. */
function normalizeHistory(history: HistoryEntry[], chain: LayerRef[]): HistoryEntry[] {
  const out = history.map((h) => ({ ...h }));
  let li = 0;
  for (const h of out) {
    if (!h.empty_layer) {
      if (!h.created && chain[li]) h.created = rfc3339Nano(chain[li]!.createdAt);
      li++;
    }
  }
  let created: string | undefined;
  let gap = false;
  for (const h of out) {
    if (h.created) {
      created = h.created;
      if (gap) break;
    } else gap = true;
  }
  gap = false;
  for (const h of out) {
    if (h.created) {
      if (gap) created = h.created;
    } else {
      gap = true;
      if (created) h.created = created;
    }
  }
  return out;
}

export { short as shortId };
