/**
 * `docker build` with the classic builder (POST /build), as moby's
 * builder/dockerfile does it: each instruction is a step on top of the
 * previous step's image.
 *
 * - RUN: a container from the current image runs the command (`/bin/sh -c`
 *   or SHELL, or the exec form); its upper layer is committed as a new image.
 * - COPY/ADD/WORKDIR: a container (not started) gets the files, then is committed.
 * - ENV, LABEL, CMD, … change only the config: an image with an empty layer
 *   history entry `/bin/sh -c #(nop)  ENV A=b`.
 * - The cache: before a step, an image whose parent is the current image,
 *   whose last created_by is this step's and whose config is the one the step
 *   would make is reused (` ---> Using cache`). --no-cache skips it.
 * Every step's image is kept (untagged, with its parent recorded in the
 * manifest's annotations) so that the next build finds it.
 */
import { collect, streamOf } from '../common/stream.ts';
import { rfc3339Nano } from '../common/time.ts';
import { fromUtf8 } from '../common/bytes.ts';
import { EngineError } from '../errors.ts';
import { encodeJson, MediaType, type Descriptor, type HistoryEntry, type ImageConfig, type ImageManifest } from '../image/oci.ts';
import { familiarString, formatReference, parseReference } from '../image/reference.ts';
import type { ResolvedImage } from '../image/store.ts';
import { writeTar, type TarEntry } from '../image/tar.ts';
import { layerEntries } from '../snapshot/diff.ts';
import { parseDockerfile, parseInstructions, expandCommand, expand, DockerfileError, type Command, type Stage } from '../build/parser.ts';
import { BuildContext, IgnoreMatcher, parseDockerignore, readContext } from '../build/context.ts';
import { applyConfigCommand, canonical, cmdLine, copyConfig, lookupEnv, nopCmd, nopCmdString, runArgs, runSaveCmd, stepLine, workdir, type RunConfig } from '../build/builder.ts';
import type { Daemon } from './daemon.ts';
import { keepUntagged, setImageName } from './dangling.ts';
import { performCopy, sourceHash, treeFromFs } from './build-copy.ts';
import type { JsonMessage } from './types.ts';

export interface BuildOptions {
  tags: string[];
  dockerfile: string;
  buildArgs: Record<string, string | null>;
  target: string;
  noCache: boolean;
  pull: boolean;
  quiet: boolean;
  labels: Record<string, string>;
  rm: boolean;
  forceRm: boolean;
}

/** The manifest annotation that records a build step's parent image. */
export const PARENT_ANNOTATION = 'io.berth.image.parent';
const INIT_ENTRIES = new Set(['etc/hosts', 'etc/hostname', 'etc/resolv.conf', '.dockerenv', 'etc/mtab']);

interface State {
  imageId: string;
  config: RunConfig;
  /** ARGs declared in this stage: name → value in force (undefined: no value). */
  args: Map<string, string | undefined>;
  cmdSet: { cmd: boolean };
}

export type Puller = (reference: string, emit: (m: JsonMessage) => void) => Promise<void>;

/** Runs a build; `emit` gets the JSON messages. Returns the final image ID. */
export async function buildImage(d: Daemon, tar: Uint8Array, o: BuildOptions, emit: (m: JsonMessage) => void, pull?: Puller): Promise<string> {
  const out = (text: string) => {
    if (!o.quiet) emit({ stream: text });
  };
  const tags = o.tags.map((t) => {
    const ref = parseReference(t);
    return formatReference({ ...ref, tag: ref.tag ?? (ref.digest ? undefined : 'latest') });
  });
  const ctx = await readContext(tar);
  const dfName = o.dockerfile || 'Dockerfile';
  const ignore = ctx.get('.dockerignore');
  if (ignore) ctx.applyIgnore(new IgnoreMatcher(parseDockerignore(fromUtf8(ignore.data))), [dfName, '.dockerignore']);
  const df = ctx.get(dfName);
  if (!df) throw new EngineError('InvalidArgument', `Cannot locate specified Dockerfile: ${dfName}`);
  let parsed;
  try {
    parsed = parseInstructions(parseDockerfile(fromUtf8(df.data)));
  } catch (err) {
    if (err instanceof DockerfileError) throw new EngineError('InvalidArgument', err.message);
    throw err;
  }
  const { stages, metaArgs } = parsed;
  if (stages.length === 0) throw new EngineError('InvalidArgument', 'the Dockerfile (Dockerfile) cannot be empty');
  let last = stages.length - 1;
  if (o.target) {
    last = stages.findIndex((s) => s.name === o.target.toLowerCase());
    if (last < 0) throw new EngineError('InvalidArgument', `failed to reach build target ${o.target} in Dockerfile`);
  }
  const used = stages.slice(0, last + 1);
  const total = metaArgs.length + used.reduce((n, s) => n + 1 + s.commands.length, 0);
  let step = 0;

  const metaEnv = new Map<string, string>();
  for (const a of metaArgs) {
    step++;
    out(stepLine(step, total, a.code));
    for (const def of a.args) {
      const v = o.buildArgs[def.key] ?? (def.value !== undefined ? expand(def.value, metaEnv) : undefined);
      if (v !== undefined && v !== null) metaEnv.set(def.key, v);
    }
  }

  const stageImages: { name: string; id: string }[] = [];
  const containers: string[] = [];
  let state: State | undefined;
  try {
    for (const [si, stage] of used.entries()) {
      step++;
      out(stepLine(step, total, stage.code));
      state = await fromStage(d, stage, metaEnv, stageImages, o, emit, pull);
      out(` ---> ${short(state.imageId)}\n`);
      for (const raw of stage.commands) {
        step++;
        out(stepLine(step, total, raw.code));
        await dispatch(d, state, raw, ctx, stageImages, o, out, containers);
        out(` ---> ${short(state.imageId)}\n`);
      }
      if (si === last && Object.keys(o.labels).length > 0) {
        const config = copyConfig(state.config);
        config.Labels = { ...(config.Labels ?? {}), ...o.labels };
        const comment = `LABEL ${Object.entries(o.labels).map(([k, v]) => `${k}=${v}`).join(' ')}`;
        state.imageId = await commitStep(d, state.imageId, undefined, nopCmd(config, comment), config);
        state.config = config;
      }
      stageImages.push({ name: stage.name, id: state.imageId });
    }
  } finally {
    if (o.forceRm) for (const id of containers) await removeContainer(d, id, out);
  }
  const id = state!.imageId;
  emit({ aux: { ID: id } } as JsonMessage);
  out(`Successfully built ${short(id)}\n`);
  const target = descriptorOf(d, id);
  for (const name of tags) {
    setImageName(d.options.images, name, target);
    d.events.emit('image', 'tag', id, { name: familiarString(parseReference(name)) });
    out(`Successfully tagged ${familiarString(parseReference(name))}\n`);
  }
  return id;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

async function fromStage(d: Daemon, stage: Stage, metaEnv: Map<string, string>, stageImages: { name: string; id: string }[], o: BuildOptions, emit: (m: JsonMessage) => void, pull?: Puller): Promise<State> {
  const base = expand(stage.baseName, metaEnv);
  const prior = stageImages.find((s) => s.name !== '' && s.name === base.toLowerCase());
  let image: ResolvedImage;
  if (prior) image = d.image(prior.id);
  else if (base === 'scratch') throw new EngineError('NotImplemented', 'FROM scratch is not supported by this builder yet');
  else {
    let found = o.pull ? undefined : d.findImage(base);
    if (!found) {
      if (!pull) throw new EngineError('NotFound', `No such image: ${base}`);
      await pull(base, emit);
      found = d.image(base);
    }
    image = found;
  }
  await d.unpack(image.id, image);
  const config = copyConfig(image.config.config ?? {});
  // ONBUILD triggers are not run by this builder; the child image starts without them.
  config.OnBuild = null;
  return { imageId: image.id, config, args: new Map(), cmdSet: { cmd: false } };
}

async function dispatch(d: Daemon, state: State, raw: Command, ctx: BuildContext, stageImages: { name: string; id: string }[], o: BuildOptions, out: (t: string) => void, containers: string[]): Promise<void> {
  const argEnv = new Map([...state.args].filter((e): e is [string, string] => e[1] !== undefined));
  const cmd = expandCommand(raw, lookupEnv(state.config, argEnv));
  if (cmd.name === 'arg') {
    let comment = 'ARG';
    for (const def of cmd.args) {
      const given = Object.prototype.hasOwnProperty.call(o.buildArgs, def.key) ? o.buildArgs[def.key] : undefined;
      const value = given ?? (def.value !== undefined ? expand(def.value, lookupEnv(state.config, argEnv)) : undefined);
      state.args.set(def.key, value ?? undefined);
      comment += ` ${def.key}${def.value !== undefined ? `=${def.value}` : ''}`;
    }
    return configStep(d, state, copyConfig(state.config), comment, o, out);
  }
  if (cmd.name === 'run') return runStep(d, state, cmd, o, out, containers);
  if (cmd.name === 'copy' || cmd.name === 'add') return copyStep(d, state, cmd, ctx, stageImages, o, out, containers);
  if (cmd.name === 'workdir') {
    const config = copyConfig(state.config);
    config.WorkingDir = workdir(config.WorkingDir ?? '', cmd.path);
    const createdBy = nopCmdString(config, `WORKDIR ${config.WorkingDir}`);
    if (await useCache(d, state, createdBy, config, o, out)) return;
    await withContainer(d, state, createdBy, config, out, containers, (fs) => {
      let cur = '';
      for (const part of config.WorkingDir!.split('/').filter(Boolean)) {
        cur += `/${part}`;
        try {
          fs.lstat(cur);
        } catch {
          fs.mkdir(cur, 0o755, { uid: 0, gid: 0 });
        }
      }
      return Promise.resolve();
    });
    return;
  }
  const config = copyConfig(state.config);
  const comment = applyConfigCommand(config, cmd, state.cmdSet);
  if (comment === undefined) throw new EngineError('NotImplemented', `${cmd.command.toUpperCase()} is not supported by this builder`);
  return configStep(d, state, config, comment, o, out);
}

async function configStep(d: Daemon, state: State, config: RunConfig, comment: string, o: BuildOptions, out: (t: string) => void): Promise<void> {
  const createdBy = nopCmd(config, comment);
  if (await useCache(d, state, createdBy, config, o, out)) return;
  state.imageId = await commitStep(d, state.imageId, undefined, createdBy, config);
  state.config = config;
}

/** probeCache: a child of the current image made by the same step. */
async function useCache(d: Daemon, state: State, createdBy: string[], config: RunConfig, o: BuildOptions, out: (t: string) => void): Promise<boolean> {
  if (o.noCache) return false;
  const { images } = d.options;
  const by = createdBy.join(' ');
  const want = canonical(config);
  for (const r of images.list()) {
    const img = images.resolve(r);
    if (img.manifest.annotations?.[PARENT_ANNOTATION] !== state.imageId) continue;
    const h = img.config.history ?? [];
    if (h[h.length - 1]?.created_by !== by || canonical(img.config.config ?? {}) !== want) continue;
    out(' ---> Using cache\n');
    state.imageId = img.id;
    state.config = copyConfig(img.config.config ?? {});
    await d.unpack(img.id, img);
    return true;
  }
  return false;
}

async function runStep(d: Daemon, state: State, cmd: Extract<Command, { name: 'run' }>, o: BuildOptions, out: (t: string) => void, containers: string[]): Promise<void> {
  const argv = cmdLine(state.config, cmd);
  const args = runArgs(state.config, state.args);
  const saveCmd = runSaveCmd(argv, args);
  if (await useCache(d, state, saveCmd, state.config, o, out)) return;
  const { Id } = await d.create({
    Image: state.imageId,
    Cmd: argv,
    Entrypoint: [''],
    Env: [...(state.config.Env ?? []), ...args.map(([k, v]) => `${k}=${v}`)],
    WorkingDir: state.config.WorkingDir,
    User: state.config.User,
    AttachStdout: true,
    AttachStderr: true,
  } as never);
  containers.push(Id);
  out(` ---> Running in ${short(Id)}\n`);
  const detach = d.attach(Id, { output: (_s, data) => out(fromUtf8(data)) });
  let code: number;
  try {
    const waiting = d.wait(Id, 'next-exit');
    await d.start(Id);
    code = (await waiting).StatusCode;
  } finally {
    detach.detach();
  }
  if (code !== 0) {
    const err = new EngineError('InvalidArgument', `The command '${argv.join(' ')}' returned a non-zero code: ${code}`);
    (err as EngineError & { exitCode?: number }).exitCode = code;
    throw err;
  }
  state.imageId = await commitStep(d, state.imageId, Id, saveCmd, state.config);
  if (o.rm) await removeContainer(d, Id, out, containers);
}

async function copyStep(d: Daemon, state: State, cmd: Extract<Command, { name: 'copy' | 'add' }>, ctx: BuildContext, stageImages: { name: string; id: string }[], o: BuildOptions, out: (t: string) => void, containers: string[]): Promise<void> {
  const op = cmd.name === 'copy' ? 'COPY' : 'ADD';
  if (cmd.sources.some((s) => /^(https?|git):\/\//.test(s)) || cmd.heredocs.length > 0) throw new EngineError('NotImplemented', `${op} from URLs or heredocs is not supported by this builder yet`);
  let source = ctx;
  let cleanup = () => undefined as void;
  const from = cmd.name === 'copy' ? cmd.from : '';
  if (from) {
    const byName = stageImages.find((s) => s.name === from.toLowerCase()) ?? (/^\d+$/.test(from) ? stageImages[Number(from)] : undefined);
    const image = d.image(byName ? byName.id : from);
    const top = await d.unpack(image.id, image);
    const key = `build-from-${short(state.imageId)}-${Math.random().toString(16).slice(2)}`;
    const sn = d.options.snapshotter;
    sn.prepare(key, top);
    cleanup = () => sn.remove(key);
    source = treeFromFs(sn.mountFs(sn.mounts(key)), cmd.sources);
  }
  try {
    const req = { op, sources: cmd.sources, dest: cmd.dest, workdir: state.config.WorkingDir ?? '', chown: cmd.chown, chmod: cmd.chmod } as const;
    const hash = await sourceHash(d.platform, source, req);
    const createdBy = nopCmdString(state.config, `${op} ${from ? `from ${from}:` : ''}${hash} in ${cmd.dest} `);
    if (await useCache(d, state, createdBy, state.config, o, out)) return;
    await withContainer(d, state, createdBy, state.config, out, containers, (fs) => performCopy(d.platform, fs, source, req));
  } finally {
    cleanup();
  }
}

/** A container (not started) from the current image; `work` changes its files; then commit and remove it. */
async function withContainer(d: Daemon, state: State, createdBy: string[], config: RunConfig, out: (t: string) => void, containers: string[], work: (fs: import('../fs/types.ts').FileSystem) => Promise<void>): Promise<void> {
  const { Id } = await d.create({ Image: state.imageId, Cmd: createdBy, Entrypoint: [''] } as never);
  containers.push(Id);
  const sn = d.options.snapshotter;
  await work(sn.mountFs(sn.mounts(Id)));
  state.imageId = await commitStep(d, state.imageId, Id, createdBy, config);
  state.config = config;
  await removeContainer(d, Id, out, containers);
}

async function removeContainer(d: Daemon, id: string, out: (t: string) => void, list?: string[]): Promise<void> {
  if (!d.findContainer(id)) return;
  await d.remove(id, { force: true });
  if (list) list.splice(list.indexOf(id), 1);
  out(` ---> Removed intermediate container ${short(id)}\n`);
}

function descriptorOf(d: Daemon, id: string): Descriptor {
  const { images } = d.options;
  const r = images.list().find((x) => images.resolve(x).id === id);
  if (!r) throw new EngineError('NotFound', `No such image: ${id}`);
  return r.target;
}

/** CommitBuildStep: the container's changes (if any) as a layer on `parentId`, with one history entry. */
async function commitStep(d: Daemon, parentId: string, containerId: string | undefined, createdBy: string[], config: RunConfig): Promise<string> {
  const { platform, content, images, snapshotter: sn } = d.options;
  const base = d.image(parentId);
  let tar: Uint8Array | undefined;
  if (containerId) {
    const entries: TarEntry[] = [...layerEntries(sn.disk, sn.layerDir(containerId))].filter((e) => !INIT_ENTRIES.has(e.header.name) && !INIT_ENTRIES.has(e.header.name.replace(/\/$/, '')));
    tar = await collect(writeTar(entries));
  }
  const empty = !tar || tar.every((b) => b === 0);
  const layers: Descriptor[] = [...base.manifest.layers];
  const diffIds = [...base.config.rootfs.diff_ids];
  if (!empty) {
    const gz = await collect(platform.gzip(streamOf(tar!)));
    layers.push({ mediaType: MediaType.ociLayerGzip, digest: await content.put(gz), size: gz.length });
    diffIds.push('sha256:' + (await platform.sha256(tar!)));
  }
  const created = rfc3339Nano(platform.now());
  const entry: HistoryEntry = { created, created_by: createdBy.join(' '), ...(empty ? { empty_layer: true } : {}) };
  const imageConfig: ImageConfig & Record<string, unknown> = {
    architecture: base.config.architecture,
    config,
    ...(containerId ? { container: containerId } : {}),
    container_config: { ...config, Cmd: createdBy },
    created,
    docker_version: '28.2.2',
    history: [...(base.config.history ?? []), entry],
    os: base.config.os,
    rootfs: { type: 'layers', diff_ids: diffIds },
  };
  const configBytes = encodeJson(imageConfig);
  const configDigest = await content.put(configBytes);
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: configDigest, size: configBytes.length },
    layers,
    annotations: { 'io.berth.image.local': 'true', [PARENT_ANNOTATION]: parentId },
  };
  const manifestBytes = encodeJson(manifest);
  const manifestDigest = await content.put(manifestBytes, { children: [configDigest, ...layers.map((l) => l.digest)] });
  keepUntagged(images, { mediaType: MediaType.ociManifest, digest: manifestDigest, size: manifestBytes.length });
  const resolved = images.resolve(images.list().find((r) => r.target.digest === manifestDigest)!);
  await d.unpack(resolved.id, resolved);
  return configDigest;
}
