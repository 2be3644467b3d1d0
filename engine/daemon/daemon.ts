/**
 * The daemon: it owns every container, image, volume and network, and is
 * driven only through Engine API operations (engine/api routes requests
 * here). Containers run on whichever Runtime it was given; it never knows
 * which one.
 *
 * Running a container, step by step, as moby does:
 * 1. create: resolve the image, merge its config with the request's, prepare
 *    a writable snapshot on the image's top layer, pick a name;
 * 2. start: write the container's hostname, hosts and resolv.conf files,
 *    build the OCI config (spec.ts), and have the runtime create and start it;
 * 3. when the process exits: record the exit code (137 and OOMKilled after an
 *    OOM kill), wake waiters, apply the restart policy or --rm.
 */
import { BuildCache } from './build-cache.ts';
import { namesWithRepoDigest } from './dangling.ts';
import { fromUtf8, utf8 } from '../common/bytes.ts';
import { EngineError } from '../errors.ts';
import type { ContentStore } from '../content/store.ts';
import { ImageStore } from '../image/store.ts';
import { familiarString, formatReference, parseReference } from '../image/reference.ts';
import type { Platform } from '../platform/types.ts';
import type { EmulatedSnapshotter } from '../snapshot/emulated.ts';
import { unpackImage } from '../snapshot/unpack.ts';
import { chainIds } from '../image/oci.ts';
import type { OciMount, Runtime } from '../runtime/types.ts';
import { RuntimeError } from '../runtime/types.ts';
import { parseSignal, SIGKILL, SIGTERM } from '../kernel/signals.ts';
import { Container, type Attachment } from './container.ts';
import { generateName } from './names.ts';
import { buildSpec, type SpecInput } from './spec.ts';
import { Events } from './events.ts';
import { Execs } from './exec.ts';
import { randomHex } from './ids.ts';
import type { ContainerConfig, CreateBody, HostConfig } from './types.ts';
import { resolveMounts, VolumeStore, type VolumeUsers } from './volumes.ts';
import { DiskFs } from '../fs/diskfs.ts';
import { loadContainer, restartsAtBoot, saveContainer, type DaemonDump } from './persist.ts';
import type { FileSystem } from '../fs/types.ts';

/** What the daemon needs from the machine it runs on. */
export interface DaemonHost {
  /** Writes a file on the host (the container's hosts/hostname/resolv.conf live under /var/lib/docker). */
  writeFile(path: string, content: string): void;
  removeTree(path: string): void;
  /** The host's /etc/resolv.conf, which containers on the default network copy. */
  resolvConf(): string;
  /** What `docker info` reports of the machine: memory in bytes, CPUs. */
  machine?(): { memTotal: number; ncpu: number; kernelVersion: string };
  /** The host's filesystem (volumes and bind sources); without it, the root of the snapshotter's disk. */
  fs?: FileSystem;
}

/** Networking, provided by engine/network (bridge, host, none, ports, DNS). */
export interface DaemonNetworks {
  /** Connects a created container; returns its endpoints (by network name) and the hosts lines it needs. */
  attach(c: Container): void;
  /** Called when the container's process has started (publish ports) and stopped (release them). */
  started(c: Container): void;
  stopped(c: Container): void;
  detach(c: Container): void;
  /** A container restored after a daemon restart: its endpoints keep their addresses. */
  adopt?(c: Container): void;
  /** Published ports of a container (PrivatePort, PublicPort, IP, Type). */
  ports(c: Container): { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[];
}

export interface DaemonOptions {
  platform: Platform;
  content: ContentStore;
  images: ImageStore;
  snapshotter: EmulatedSnapshotter;
  runtime: Runtime;
  host: DaemonHost;
  networks?: DaemonNetworks;
  /** Pulls an image the daemon lacks (the registry side of `docker pull`). */
  pull?: (reference: string, progress: (msg: import('./types.ts').JsonMessage) => void) => Promise<void>;
}

/** json-file keeps this much per container here (Docker's default is unbounded without rotation). */
const LOG_LIMIT = 4 * 1024 * 1024;

const NAME_RE = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export class Daemon {
  readonly containers = new Map<string, Container>();
  readonly events: Events;
  readonly execs: Execs = new Execs(this);
  private readonly unpacked = new Map<string, string>();
  private readonly layerSizes = new Map<string, number>();
  readonly volumes: VolumeStore;
  /** BuildKit's cache of build steps (engine/daemon/buildkit.ts). */
  readonly buildCache: BuildCache;
  private hostFsCache?: FileSystem;

  constructor(readonly options: DaemonOptions) {
    this.events = new Events(() => options.platform.now());
    this.buildCache = new BuildCache(options.platform, options.content);
    this.volumes = new VolumeStore(() => this.hostFs(), () => options.platform.now(), () => this.randomId(), (action, name, attrs) => this.events.emit('volume', action, name, attrs));
  }

  /** The host's filesystem, where volumes live and bind mounts come from. */
  hostFs(): FileSystem {
    if (this.options.host.fs) return this.options.host.fs;
    const disk = this.options.snapshotter.disk;
    return (this.hostFsCache ??= new DiskFs(disk, disk.root, () => this.now()));
  }

  /** Who uses each volume: every container (running or not) whose mounts name it. */
  readonly volumeUsers: VolumeUsers = {
    users: (name) => [...this.containers.values()].filter((c) => c.mounts.some((m) => m.Type === 'volume' && m.Name === name)).map((c) => c.id),
  };

  get platform(): Platform {
    return this.options.platform;
  }

  private now(): number {
    return this.options.platform.now();
  }

  private randomId(): string {
    return randomHex(this.platform);
  }

  // ---- saved state ------------------------------------------------------------

  /** What a restart keeps (see persist.ts); images, layers and files are the stores' and the disk's. */
  dump(): DaemonDump {
    return {
      containers: [...this.containers.values()].map(saveContainer),
      volumes: this.volumes.dump(),
      buildCache: this.buildCache.dump(),
      unpacked: [...this.unpacked],
      layerSizes: [...this.layerSizes],
    };
  }

  /**
   * Starts from a saved state, as dockerd's restore does after a restart:
   * containers that were running have lost their processes and show
   * `Exited (255)`; those marked for removal, and stopped `--rm` ones, are
   * removed; those their restart policy brings back are started again.
   */
  async restore(dump: DaemonDump): Promise<void> {
    this.volumes.load(dump.volumes);
    this.buildCache.load(dump.buildCache);
    for (const [k, v] of dump.unpacked) this.unpacked.set(k, v);
    for (const [k, v] of dump.layerSizes) this.layerSizes.set(k, v);
    const now = this.now();
    for (const saved of dump.containers) {
      const c = loadContainer(saved);
      if (c.state === 'running' || c.state === 'paused' || c.state === 'restarting') {
        c.state = 'exited';
        c.exitCode = 255;
        c.finishedAt = now;
      }
      this.containers.set(c.id, c);
      this.options.networks?.adopt?.(c);
    }
    const restart: Container[] = [];
    for (const c of [...this.containers.values()]) {
      if (c.state === 'removing') {
        c.state = 'dead';
        await this.remove(c.id, { force: true }).catch(() => undefined);
      } else if (c.state === 'exited' && restartsAtBoot(c)) restart.push(c);
      else if (c.state === 'exited' && c.hostConfig.AutoRemove) await this.remove(c.id, { force: true, volumes: true }).catch(() => undefined);
    }
    // Containers others link to start first, as moby waits for them.
    const linked = (c: Container) => (c.hostConfig.Links ?? []).length > 0;
    for (const c of [...restart.filter((c) => !linked(c)), ...restart.filter(linked)]) {
      try {
        await this.run(c);
      } catch {
        // It stays exited, with the error in its State, as dockerd logs and moves on.
      }
    }
  }

  // ---- finding things ------------------------------------------------------

  /** A container by full id, name, or unique id prefix (moby's GetContainer order). */
  container(ref: string): Container {
    const found = this.findContainer(ref);
    if (!found) throw new EngineError('NotFound', `No such container: ${ref}`);
    return found;
  }

  findContainer(ref: string): Container | undefined {
    if (ref === '') return undefined;
    const byId = this.containers.get(ref);
    if (byId) return byId;
    const name = ref.startsWith('/') ? ref : `/${ref}`;
    for (const c of this.containers.values()) if (c.name === name) return c;
    const matches = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
    if (matches.length > 1) throw new EngineError('InvalidArgument', `multiple IDs found with provided prefix: ${ref}`);
    return matches[0];
  }

  /** An image by name, id or id prefix: [normalized name or undefined, resolved image]. */
  image(ref: string) {
    const { images } = this.options;
    const idRef = ref.startsWith('sha256:') ? ref.slice(7) : ref;
    if (/^[0-9a-f]{12,64}$/.test(idRef)) {
      for (const r of images.list()) {
        const resolved = images.resolve(r);
        if (resolved.id.slice(7).startsWith(idRef)) return resolved;
      }
    }
    // A malformed reference is the caller's error, in Docker's words ("invalid reference format…").
    const parsed = parseReference(ref);
    const record = images.get(formatReference(parsed)) ?? namesWithRepoDigest(images, parsed)[0];
    if (!record) throw new EngineError('NotFound', `No such image: ${familiarString(parseReference(ref))}`);
    return images.resolve(record);
  }

  /** The image `ref` names, or undefined when there is none (a builder then pulls it). */
  findImage(ref: string): ReturnType<Daemon['image']> | undefined {
    try {
      return this.image(ref);
    } catch {
      return undefined;
    }
  }

  // ---- create ----------------------------------------------------------------

  async create(body: CreateBody, name?: string): Promise<{ Id: string; Warnings: string[] }> {
    if (name !== undefined && name !== '' && !NAME_RE.test(name)) {
      throw new EngineError('InvalidArgument', `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const fullName = name ? (name.startsWith('/') ? name : `/${name}`) : undefined;
    if (fullName) {
      const holder = [...this.containers.values()].find((c) => c.name === fullName);
      if (holder) {
        throw new EngineError('Conflict', `Conflict. The container name "${fullName}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
      }
    }
    if (!body.Image) throw new EngineError('InvalidArgument', 'config cannot be empty in order to create a container');
    const image = this.image(body.Image);
    const ic = image.config.config ?? {};
    const host = hostConfigDefaults(body.HostConfig);
    // moby's adaptContainerSettings: a memory limit without a swap limit allows as much swap again.
    if (host.Memory > 0 && host.MemorySwap === 0) host.MemorySwap = host.Memory * 2;
    validateHostConfig(host);

    // moby's merge(): the image fills what the request leaves empty.
    const env = mergeEnv(ic.Env ?? [], body.Env ?? []);
    let cmd = body.Cmd ?? null;
    let entrypoint = body.Entrypoint ?? null;
    if (!entrypoint || entrypoint.length === 0) {
      if (!cmd || cmd.length === 0) cmd = ic.Cmd ?? null;
      if (entrypoint === null) entrypoint = ic.Entrypoint ?? null;
    }
    if (entrypoint && entrypoint.length === 1 && entrypoint[0] === '') entrypoint = null;
    const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
    if (argv.length === 0) throw new EngineError('InvalidArgument', 'no command specified');

    const id = this.randomId();
    const config: ContainerConfig = {
      Hostname: body.Hostname || id.slice(0, 12),
      Domainname: body.Domainname ?? '',
      User: body.User || ic.User || '',
      AttachStdin: body.AttachStdin ?? false,
      AttachStdout: body.AttachStdout ?? false,
      AttachStderr: body.AttachStderr ?? false,
      ExposedPorts: { ...(ic.ExposedPorts ?? {}), ...(body.ExposedPorts ?? {}) },
      Tty: body.Tty ?? false,
      OpenStdin: body.OpenStdin ?? false,
      StdinOnce: body.StdinOnce ?? false,
      Env: env,
      Cmd: cmd,
      Image: body.Image,
      Volumes: { ...(ic.Volumes ?? {}), ...(body.Volumes ?? {}) },
      WorkingDir: body.WorkingDir || ic.WorkingDir || '',
      Entrypoint: entrypoint,
      OnBuild: null,
      Labels: { ...(ic.Labels ?? {}), ...(body.Labels ?? {}) },
      ...(body.StopSignal || ic.StopSignal ? { StopSignal: body.StopSignal || ic.StopSignal } : {}),
      ...(body.StopTimeout !== undefined ? { StopTimeout: body.StopTimeout } : {}),
    };
    if (config.ExposedPorts && Object.keys(config.ExposedPorts).length === 0) delete config.ExposedPorts;

    const top = await this.unpack(image.id, image);
    this.options.snapshotter.prepare(id, top);
    let mounts;
    try {
      mounts = resolveMounts({ store: this.volumes, host: this.hostFs(), rootfs: () => this.options.snapshotter.mountFs(this.options.snapshotter.mounts(id)) }, config, host);
    } catch (err) {
      this.options.snapshotter.remove(id);
      throw err;
    }
    const containerName = fullName ?? `/${generateName((n) => [...this.containers.values()].some((c) => c.name === `/${n}`), () => this.platform.randomBytes(4).reduce((a, b) => a * 256 + b, 0) / 2 ** 32)}`;
    const c = new Container(id, containerName, this.now(), body.Image, image.id, config, host, argv[0]!, argv.slice(1));
    c.endpointsConfig = body.NetworkingConfig?.EndpointsConfig ?? {};
    const onDefault = host.NetworkMode === 'bridge';
    if (onDefault && Object.values(c.endpointsConfig).some((e) => e.Aliases && e.Aliases.length > 0)) {
      this.options.snapshotter.remove(id);
      throw new EngineError('InvalidArgument', 'network-scoped alias is supported only for containers in user defined networks');
    }
    c.mounts = mounts;
    try {
      this.options.networks?.attach(c);
    } catch (err) {
      this.options.snapshotter.remove(id);
      throw err;
    }
    this.containers.set(id, c);
    this.events.emit('container', 'create', id, { image: body.Image, name: containerName.slice(1) });
    return { Id: id, Warnings: [] };
  }

  /** Unpacks an image's layers once (pull and load do it, as Docker's overlay2 store does); returns the top snapshot. */
  async unpack(imageId: string, image: ReturnType<Daemon['image']>): Promise<string> {
    const known = this.unpacked.get(imageId);
    if (known !== undefined) return known;
    const top = await unpackImage({ platform: this.platform, content: this.options.content, snapshotter: this.options.snapshotter }, image.manifest, image.config);
    const chains = await chainIds(this.platform, image.config.rootfs.diff_ids);
    image.manifest.layers.forEach((l, i) => this.layerSizes.set(l.digest, this.options.snapshotter.usage(chains[i]!).size));
    this.unpacked.set(imageId, top);
    return top;
  }

  forgetUnpacked(imageId: string): void {
    this.unpacked.delete(imageId);
  }

  /** A layer's unpacked size (what `docker images` adds up); 0 before it is unpacked. */
  layerSize(digest: string): number {
    return this.layerSizes.get(digest) ?? 0;
  }

  /** SizeRw and SizeRootFs of `docker ps -s`. */
  sizes(c: Container): { rw: number; rootFs: number } {
    const rw = this.options.snapshotter.usage(c.id).size;
    const image = [...this.options.images.list()].map((r) => this.options.images.resolve(r)).find((r) => r.id === c.imageId);
    const base = image ? image.manifest.layers.reduce((n, l) => n + this.layerSize(l.digest), 0) : 0;
    return { rw, rootFs: rw + base };
  }

  /** The container's published ports, as GET /containers/json lists them. */
  publishedPorts(c: Container): { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[] {
    return this.options.networks?.ports(c) ?? [];
  }

  // ---- start, stop, kill -------------------------------------------------------

  async start(ref: string): Promise<void> {
    const c = this.container(ref);
    if (c.state === 'paused') throw new EngineError('Conflict', 'cannot start a paused container, try unpause instead');
    if (c.state === 'running') return;
    if (c.state === 'removing' || c.state === 'dead') throw new EngineError('Conflict', `container is marked for removal and cannot be started`);
    c.manualStop = false;
    await this.run(c);
  }

  private containerDir(c: Container): string {
    return `/var/lib/docker/containers/${c.id}`;
  }

  /** --pid: the host's PID namespace, another running container's (moby's getPidContainer), or a new one. */
  private pidNamespace(c: Container): SpecInput['pid'] {
    const mode = c.hostConfig.PidMode ?? '';
    if (mode === 'host') return 'host';
    if (!mode.startsWith('container:')) return 'new';
    const ref = mode.slice(10);
    const other = this.findContainer(ref);
    if (!other) throw new EngineError('NotFound', `cannot join PID of a non running container: ${ref}: No such container: ${ref}`);
    if (!other.running) throw new EngineError('Conflict', `container ${other.id} is not running`);
    return { join: `container:${other.id}` };
  }

  private async run(c: Container): Promise<void> {
    const { runtime, snapshotter, host } = this.options;
    for (const link of c.hostConfig.Links ?? []) {
      const [name = '', alias] = link.split(':');
      const other = this.findContainer(name.replace(/^\//, ''));
      if (!other) throw new EngineError('InvalidArgument', `could not get container for ${name}`);
      if (!other.running) throw new EngineError('InvalidArgument', `Cannot link to a non running container: ${other.name} AS ${c.name}/${alias ?? other.name.slice(1)}`);
    }
    const dir = this.containerDir(c);
    host.writeFile(`${dir}/hostname`, `${c.config.Hostname}\n`);
    host.writeFile(`${dir}/hosts`, this.hostsFile(c));
    host.writeFile(`${dir}/resolv.conf`, host.resolvConf());
    const mounts: OciMount[] = [
      { destination: '/etc/resolv.conf', type: 'bind', source: `${dir}/resolv.conf`, options: ['rbind', 'rprivate'] },
      { destination: '/etc/hostname', type: 'bind', source: `${dir}/hostname`, options: ['rbind', 'rprivate'] },
      { destination: '/etc/hosts', type: 'bind', source: `${dir}/hosts`, options: ['rbind', 'rprivate'] },
      ...c.mounts.map((m) =>
        m.Type === 'tmpfs'
          ? { destination: m.Destination, type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'nodev', 'noexec', m.RW ? 'rw' : 'ro'] }
          : { destination: m.Destination, type: 'bind', source: m.Source, options: ['rbind', m.RW ? 'rw' : 'ro'] },
      ),
      // --tmpfs: not in `Mounts`, as with moby; its options after the defaults.
      ...Object.entries(c.hostConfig.Tmpfs ?? {}).map(([destination, opts]) => ({
        destination,
        type: 'tmpfs',
        source: 'tmpfs',
        options: ['noexec', 'nosuid', 'nodev', ...opts.split(',').filter(Boolean)],
      })),
    ];
    const rootMounts = snapshotter.mounts(c.id);
    const rootfs = snapshotter.mountFs(rootMounts);
    const mode = c.hostConfig.NetworkMode;
    const spec = buildSpec({
      id: c.id,
      config: c.config,
      host: c.hostConfig,
      argv: [c.path, ...c.args],
      rootfs,
      mounts,
      network: mode === 'host' ? 'host' : mode.startsWith('container:') ? { join: `container:${this.container(mode.slice(10)).id}` } : 'new',
      pid: this.pidNamespace(c),
    });
    const io = {
      stdin: c.config.OpenStdin,
      output: (stream: 1 | 2, data: Uint8Array) => c.output(stream, data, this.now(), LOG_LIMIT),
    };
    try {
      await runtime.create(c.id, { rootfs: rootMounts, spec }, io);
    } catch (err) {
      throw this.startError(c, err);
    }
    let proc;
    try {
      proc = await runtime.start(c.id);
    } catch (err) {
      await runtime.delete(c.id).catch(() => undefined);
      throw this.startError(c, err);
    }
    c.process = proc;
    c.pid = proc.pid;
    c.state = 'running';
    c.error = '';
    c.oomKilled = false;
    c.everStarted = true;
    c.startedAt = this.now();
    this.options.networks?.started(c);
    this.events.emit('container', 'start', c.id, { image: c.image, name: c.name.slice(1) });
    c.exited = this.supervise(c, proc.wait());
  }

  private startError(c: Container, err: unknown): EngineError {
    if (err instanceof EngineError) return err;
    const msg = err instanceof Error ? err.message : String(err);
    const notFound = err instanceof RuntimeError && (err.kind === 'not-found' || err.kind === 'permission');
    c.exitCode = notFound ? (err.kind === 'not-found' ? 127 : 126) : 128;
    const text = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${msg}: unknown`;
    c.error = text;
    return new EngineError(notFound ? 'InvalidArgument' : 'Internal', text);
  }

  /** Waits for the process to end, then records the exit and applies the restart policy. */
  private async supervise(c: Container, wait: Promise<import('../runtime/types.ts').ExitInfo>): Promise<void> {
    const info = await wait;
    await this.options.runtime.delete(c.id).catch(() => undefined);
    c.process = undefined;
    c.pid = 0;
    c.exitCode = info.exitCode;
    c.oomKilled = info.oomKilled;
    c.finishedAt = info.exitedAt;
    this.options.networks?.stopped(c);
    for (const a of c.attachments) a.end?.();
    if (info.oomKilled) this.events.emit('container', 'oom', c.id, { image: c.image, name: c.name.slice(1) });
    this.events.emit('container', 'die', c.id, { exitCode: String(info.exitCode), image: c.image, name: c.name.slice(1) });
    const policy = c.hostConfig.RestartPolicy;
    const restart =
      !c.manualStop &&
      (policy.Name === 'always' || policy.Name === 'unless-stopped' || (policy.Name === 'on-failure' && info.exitCode !== 0 && (policy.MaximumRetryCount === 0 || c.restartCount < policy.MaximumRetryCount)));
    if (restart) {
      c.state = 'restarting';
      c.settle('exit');
      // moby backs off 100 ms, doubling; a container that ran ≥ 10 s resets the delay.
      const delay = Math.min(100 * 2 ** Math.min(c.restartCount, 10), 60_000);
      await new Promise<void>((r) => this.platform.timer(delay, r));
      if (c.state !== 'restarting' || c.manualStop) return;
      c.restartCount++;
      try {
        await this.run(c);
        this.events.emit('container', 'restart', c.id, { image: c.image, name: c.name.slice(1) });
      } catch {
        c.state = 'exited';
      }
      return;
    }
    c.state = 'exited';
    c.settle('exit');
    if (c.hostConfig.AutoRemove) await this.remove(c.id, { force: true, volumes: true }).catch(() => undefined);
  }

  /** docker stop: the stop signal, then SIGKILL after the timeout (10 s by default). */
  async stop(ref: string, options: { t?: number; signal?: string } = {}): Promise<void> {
    const c = this.container(ref);
    c.manualStop = true;
    if (c.state === 'restarting') {
      c.state = 'exited';
      c.settle('exit');
      return;
    }
    if (!c.running) return;
    const sig = this.signal(options.signal ?? c.config.StopSignal ?? 'SIGTERM');
    const timeout = options.t ?? c.config.StopTimeout ?? 10;
    if (c.state === 'paused') await this.options.runtime.resume(c.id);
    const exited = c.exited!;
    await this.options.runtime.kill(c.id, sig).catch(() => undefined);
    this.events.emit('container', 'kill', c.id, { image: c.image, name: c.name.slice(1), signal: String(sig) });
    if (timeout >= 0) {
      let timedOut = false;
      await Promise.race([exited, new Promise<void>((r) => this.platform.timer(timeout * 1000, () => ((timedOut = true), r())))]);
      if (timedOut && c.running) {
        await this.options.runtime.kill(c.id, SIGKILL, true).catch(() => undefined);
        this.events.emit('container', 'kill', c.id, { image: c.image, name: c.name.slice(1), signal: '9' });
      }
    }
    await exited;
    this.events.emit('container', 'stop', c.id, { image: c.image, name: c.name.slice(1) });
  }

  private signal(text: string): number {
    const n = /^\d+$/.test(text) ? Number(text) : parseSignal(text.toUpperCase().replace(/^SIG/, ''));
    if (n === undefined || n < 1 || n > 64) throw new EngineError('InvalidArgument', `Invalid signal: ${text}`);
    return n;
  }

  async kill(ref: string, signal = 'SIGKILL'): Promise<void> {
    const c = this.container(ref);
    const sig = this.signal(signal);
    if (!c.running) throw new EngineError('Conflict', `cannot kill container: ${ref}: container ${c.id} is not running`);
    if (sig === SIGKILL || sig === SIGTERM) c.manualStop = true;
    await this.options.runtime.kill(c.id, sig);
    this.events.emit('container', 'kill', c.id, { image: c.image, name: c.name.slice(1), signal: String(sig) });
  }

  async restart(ref: string, options: { t?: number; signal?: string } = {}): Promise<void> {
    const c = this.container(ref);
    if (c.running) await this.stop(ref, options);
    c.manualStop = false;
    await this.run(c);
    this.events.emit('container', 'restart', c.id, { image: c.image, name: c.name.slice(1) });
  }

  async pause(ref: string): Promise<void> {
    const c = this.container(ref);
    if (!c.running) throw new EngineError('Conflict', `container ${c.id} is not running`);
    if (c.state === 'paused') throw new EngineError('Conflict', `container ${c.id} is already paused`);
    await this.options.runtime.pause(c.id);
    c.state = 'paused';
    this.events.emit('container', 'pause', c.id, { image: c.image, name: c.name.slice(1) });
  }

  async unpause(ref: string): Promise<void> {
    const c = this.container(ref);
    if (c.state !== 'paused') throw new EngineError('Conflict', `container ${c.id} is not paused`);
    await this.options.runtime.resume(c.id);
    c.state = 'running';
    this.events.emit('container', 'unpause', c.id, { image: c.image, name: c.name.slice(1) });
  }

  /** POST /containers/{id}/wait. */
  wait(ref: string, condition: 'not-running' | 'next-exit' | 'removed' = 'not-running'): Promise<{ StatusCode: number; Error: null | { Message: string } }> {
    const c = this.container(ref);
    if (condition === 'not-running' && !c.running && c.state !== 'restarting') return Promise.resolve({ StatusCode: c.exitCode, Error: null });
    return new Promise((resolve) => c.waiters.push({ condition, resolve }));
  }

  // ---- remove, rename ----------------------------------------------------------

  async remove(ref: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    const c = this.container(ref);
    if (c.state === 'removing') throw new EngineError('Conflict', `removal of container ${c.id.slice(0, 12)} is already in progress`);
    if (c.running || c.state === 'restarting') {
      if (!options.force) {
        const what = c.state === 'paused' ? 'container is paused and must be unpaused first' : c.state === 'restarting' ? 'container is restarting: stop the container before removing or force remove' : 'container is running: stop the container before removing or force remove';
        throw new EngineError('Conflict', `cannot remove container "${c.name}": ${what}`);
      }
      c.manualStop = true;
      if (c.state === 'restarting') c.state = 'exited';
      else {
        if (c.state === 'paused') await this.options.runtime.resume(c.id).catch(() => undefined);
        const exited = c.exited;
        await this.options.runtime.kill(c.id, SIGKILL, true).catch(() => undefined);
        await exited;
      }
    }
    c.state = 'removing';
    this.options.networks?.detach(c);
    this.options.snapshotter.remove(c.id);
    this.options.host.removeTree(this.containerDir(c));
    this.containers.delete(c.id);
    c.settle('removed');
    this.events.emit('container', 'destroy', c.id, { image: c.image, name: c.name.slice(1) });
    if (options.volumes) {
      // docker rm -v: the container's anonymous volumes go with it (named ones stay).
      for (const m of c.mounts) {
        if (m.Type !== 'volume' || !m.Name) continue;
        const v = this.volumes.find(m.Name);
        if (v?.labels && 'com.docker.volume.anonymous' in v.labels && this.volumeUsers.users(m.Name).length === 0) this.volumes.remove(m.Name, this.volumeUsers, { force: true });
      }
    }
  }

  rename(ref: string, newName: string): void {
    const c = this.container(ref);
    if (!NAME_RE.test(newName)) throw new EngineError('InvalidArgument', `Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const full = newName.startsWith('/') ? newName : `/${newName}`;
    if (full === c.name) throw new EngineError('InvalidArgument', 'Renaming a container with the same name as its current name');
    const holder = [...this.containers.values()].find((o) => o.name === full);
    if (holder) throw new EngineError('Conflict', `Conflict. The container name "${full}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    const old = c.name;
    c.name = full;
    this.events.emit('container', 'rename', c.id, { image: c.image, name: full.slice(1), oldName: old });
  }

  // ---- attach and logs ------------------------------------------------------------

  /** Attaches to a container's output (and, with stdin, its input). Returns a detach function. */
  attach(ref: string, a: Attachment): { detach(): void; write(data: Uint8Array): void; closeStdin(): void; resize(size: { height: number; width: number }): void } {
    const c = this.container(ref);
    c.attachments.add(a);
    return {
      detach: () => c.attachments.delete(a),
      write: (data) => c.process?.write(data),
      closeStdin: () => c.process?.closeStdin(),
      resize: (size) => c.process?.resize(size),
    };
  }

  private hostsFile(c: Container): string {
    const lines = ['127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback', 'fe00::\tip6-localnet', 'ff00::\tip6-mcastprefix', 'ff02::1\tip6-allnodes', 'ff02::2\tip6-allrouters'];
    // Legacy links (--link db:alias) on the default bridge: the linked container's address under its names.
    if (c.hostConfig.NetworkMode === 'bridge') {
      for (const link of c.hostConfig.Links ?? []) {
        const [name = '', alias] = link.split(':');
        const other = this.findContainer(name.replace(/^\//, ''));
        const ip = other?.networks.bridge?.IPAddress;
        if (other && ip) lines.push(`${ip}\t${[alias ?? other.name.slice(1), other.id.slice(0, 12), other.name.slice(1)].filter((v, i, a) => a.indexOf(v) === i).join(' ')}`);
      }
    }
    for (const ep of Object.values(c.networks)) if (ep.IPAddress) lines.push(`${ep.IPAddress}\t${c.config.Hostname}`);
    return lines.join('\n') + '\n';
  }

  /** Decodes a container's logs as text (for tests and lesson checks). */
  logsText(ref: string): string {
    return this.container(ref).logs.map((l) => fromUtf8(l.data)).join('');
  }

  /** Sends text to a container's stdin (lesson checks, tests). */
  writeStdin(ref: string, text: string): void {
    this.container(ref).process?.write(utf8(text));
  }
}

function mergeEnv(image: readonly string[], user: readonly string[]): string[] {
  const out = [...image];
  for (const e of user) {
    const key = e.includes('=') ? e.slice(0, e.indexOf('=')) : e;
    const i = out.findIndex((x) => x.slice(0, x.indexOf('=') < 0 ? x.length : x.indexOf('=')) === key);
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

export function hostConfigDefaults(h: Partial<HostConfig> = {}): HostConfig {
  return {
    Binds: h.Binds ?? null,
    NetworkMode: !h.NetworkMode || h.NetworkMode === 'default' ? 'bridge' : h.NetworkMode,
    PortBindings: h.PortBindings ?? {},
    RestartPolicy: { Name: h.RestartPolicy?.Name || 'no', MaximumRetryCount: h.RestartPolicy?.MaximumRetryCount ?? 0 },
    AutoRemove: h.AutoRemove ?? false,
    CapAdd: h.CapAdd ?? null,
    CapDrop: h.CapDrop ?? null,
    Links: h.Links ?? null,
    PidMode: h.PidMode ?? '',
    PublishAllPorts: h.PublishAllPorts ?? false,
    ReadonlyRootfs: h.ReadonlyRootfs ?? false,
    Memory: h.Memory ?? 0,
    MemorySwap: h.MemorySwap ?? 0,
    NanoCpus: h.NanoCpus ?? 0,
    CpuShares: h.CpuShares ?? 0,
    CpuPeriod: h.CpuPeriod ?? 0,
    CpuQuota: h.CpuQuota ?? 0,
    PidsLimit: h.PidsLimit ?? null,
    Mounts: h.Mounts ?? [],
    ...(h.Tmpfs && Object.keys(h.Tmpfs).length > 0 ? { Tmpfs: { ...h.Tmpfs } } : {}),
    Privileged: h.Privileged ?? false,
    ExtraHosts: h.ExtraHosts ?? null,
    Dns: h.Dns ?? [],
    LogConfig: { Type: h.LogConfig?.Type || 'json-file', Config: h.LogConfig?.Config ?? {} },
  };
}

/** The daemon's own checks of a HostConfig (moby's verifyPlatformContainerSettings and friends). */
function validateHostConfig(h: HostConfig): void {
  if (h.Memory > 0 && h.Memory < 6 * 1024 * 1024) throw new EngineError('InvalidArgument', 'Minimum memory limit allowed is 6MB');
  if (h.NanoCpus > 0 && h.NanoCpus > 2e9) throw new EngineError('InvalidArgument', `range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available`);
  if (h.NanoCpus > 0 && h.NanoCpus < 1e7) throw new EngineError('InvalidArgument', 'range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available');
  const p = h.RestartPolicy;
  if (!['', 'no', 'always', 'on-failure', 'unless-stopped'].includes(p.Name)) throw new EngineError('InvalidArgument', `invalid restart policy '${p.Name}'`);
  if (p.MaximumRetryCount < 0) throw new EngineError('InvalidArgument', 'invalid restart policy: maximum retry count cannot be negative');
  if (p.MaximumRetryCount > 0 && p.Name !== 'on-failure') throw new EngineError('InvalidArgument', `invalid restart policy: maximum retry count can only be used with 'on-failure'`);
  if (h.AutoRemove && p.Name !== 'no' && p.Name !== '') throw new EngineError('InvalidArgument', `conflicting options: cannot specify both --restart and --rm`);
  // moby's ValidateTmpfsMountDestination.
  for (const dest of Object.keys(h.Tmpfs ?? {})) {
    if (!dest.startsWith('/')) throw new EngineError('InvalidArgument', `invalid mount path: '${dest}' mount path must be absolute`);
    if (dest.replace(/\/+$/, '') === '') throw new EngineError('InvalidArgument', `invalid specification: destination can't be '/'`);
  }
}
