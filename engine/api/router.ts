/**
 * The Engine API as routes: method + path (with or without the `/v1.50`
 * prefix) → a daemon operation. Every client goes through here: the docker
 * CLI in the emulator (in-process), the visualizer, lesson checks, and the
 * HTTP server the real docker CLI talks to.
 *
 * A response is JSON, a byte stream (logs, pull progress, events), or a
 * hijacked session (attach, exec start), whose output is multiplexed with
 * 8-byte headers when the container has no terminal (stdcopy).
 */
import { once } from '../common/once.ts';
import { utf8 } from '../common/bytes.ts';
import { EngineError, isEngineError } from '../errors.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { imageHistory, inspectContainer, inspectImage, listContainers, listImages, parseFilters } from '../daemon/query.ts';
import { pullImage, removeImage, tagImage } from '../daemon/images.ts';
import type { Hub } from '../registry/hub.ts';
import type { CreateBody, EndpointSettings, JsonMessage } from '../daemon/types.ts';
import { Networks, type CreateNetworkBody } from '../daemon/networks.ts';
import { AsyncQueue, frame } from './stream.ts';
import { containerLogs } from './logs.ts';
import { defineExtraRoutes, importRoute, type RouteKit } from './routes-extras.ts';
import { containerExtraRoutes } from './container-extras-routes.ts';

export const API_VERSION = '1.50';
export const MIN_API_VERSION = '1.24';

export interface ApiRequest {
  method: string;
  /** Path with query string: `/v1.50/containers/json?all=1`. */
  url: string;
  body?: unknown;
  /** A body of raw bytes (tar uploads). */
  raw?: Uint8Array;
  /** Request headers the routes read (`X-Registry-Auth`), by name. */
  headers?: Record<string, string>;
}

/** A hijacked connection (attach, exec): bytes both ways. */
export interface Session {
  /** Multiplexed frames when `tty` is false, raw terminal bytes when true. */
  output: AsyncIterable<Uint8Array>;
  write(data: Uint8Array): void;
  closeWrite(): void;
  tty: boolean;
}

export type ApiResponse =
  | { status: number; kind: 'json'; body: unknown; headers?: Record<string, string> }
  | { status: number; kind: 'stream'; contentType: string; body: AsyncIterable<Uint8Array>; headers?: Record<string, string> }
  | { status: 101; kind: 'session'; session: Session }
  | { status: number; kind: 'empty' };

type Handler = (ctx: { params: string[]; query: URLSearchParams; req: ApiRequest }) => Promise<ApiResponse> | ApiResponse;

const json = (body: unknown, status = 200): ApiResponse => ({ status, kind: 'json', body });
const empty = (status = 204): ApiResponse => ({ status, kind: 'empty' });
const flag = (q: URLSearchParams, name: string) => {
  const v = q.get(name);
  return v !== null && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
};

const loadClassic = once(() => import('../daemon/build.ts'));
const loadBuildKit = once(() => import('../daemon/buildkit.ts'));
const loadLint = once(() => import('../build/lint.ts'));

export class Router {
  private readonly lintCache = new Map<string, { bases: [string, string][]; result: ReturnType<typeof import('../build/lint.ts').lintDockerfile> }>();
  private readonly engineId: string;
  private readonly routes: { method: string; pattern: RegExp; handler: Handler }[] = [];

  constructor(
    readonly daemon: Daemon,
    readonly hub: Hub,
    /** Resolves once the hub holds its images (built in the background at boot). */
    readonly hubReady: Promise<void> = Promise.resolve(),
  ) {
    // Docker 28 identifies an engine by a random UUID, made once.
    const hex = Array.from(daemon.platform.randomBytes(16), (b) => b.toString(16).padStart(2, '0')).join('');
    this.engineId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    this.define();
  }

  private on(method: string, path: string, handler: Handler): void {
    const pattern = new RegExp(`^${path.replace(/\{[a-z]+\}/g, '([^/]+)').replace(/\{[a-z]+\*\}/g, '(.+)')}$`);
    this.routes.push({ method, pattern, handler });
  }

  /** Handles one request; errors become `{"message": …}` with their status. */
  async handle(req: ApiRequest): Promise<ApiResponse> {
    const q = req.url.indexOf('?');
    let path = q < 0 ? req.url : req.url.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
    const versioned = /^\/v(\d+\.\d+)(\/.*)$/.exec(path);
    if (versioned) {
      const v = versioned[1]!;
      if (compareVersions(v, API_VERSION) > 0) return json({ message: `client version ${v} is too new. Maximum supported API version is ${API_VERSION}` }, 400);
      if (compareVersions(v, MIN_API_VERSION) < 0) return json({ message: `client version ${v} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version` }, 400);
      path = versioned[2]!;
    }
    for (const r of this.routes) {
      if (r.method !== req.method && !(req.method === 'HEAD' && r.method === 'GET')) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      try {
        return await r.handler({ params: m.slice(1).map(decodeURIComponent), query, req });
      } catch (err) {
        if (isEngineError(err)) return json({ message: err.message }, err.status);
        return json({ message: err instanceof Error ? err.message : String(err) }, 500);
      }
    }
    return json({ message: 'page not found' }, 404);
  }

  private define(): void {
    const d = this.daemon;
    this.on('GET', '/_ping', () => ({ status: 200, kind: 'json', body: 'OK', headers: { 'Api-Version': API_VERSION, 'Docker-Experimental': 'false', 'Ostype': 'linux' } }));
    this.on('GET', '/version', () => json(versionInfo(d.options.host.machine?.().kernelVersion)));
    this.on('GET', '/info', () => json(this.info()));
    this.on('GET', '/events', ({ query }) => this.eventStream(query));

    // ---- containers
    this.on('GET', '/containers/json', ({ query }) =>
      json(listContainers(d, { all: flag(query, 'all'), limit: Number(query.get('limit') ?? 0) || undefined, size: flag(query, 'size'), filters: parseFilters(query.get('filters') ?? undefined) })),
    );
    this.on('POST', '/containers/create', async ({ query, req }) => json(await d.create(req.body as CreateBody, query.get('name') ?? undefined), 201));
    this.on('GET', '/containers/{id}/json', ({ params, query }) => json(inspectContainer(d, params[0]!, flag(query, 'size'))));
    this.on('POST', '/containers/{id}/start', async ({ params }) => {
      const c = d.container(params[0]!);
      if (c.state === 'running') return empty(304);
      await d.start(params[0]!);
      return empty();
    });
    this.on('POST', '/containers/{id}/stop', async ({ params, query }) => {
      const c = d.container(params[0]!);
      if (!c.running && c.state !== 'restarting') return empty(304);
      await d.stop(params[0]!, { t: query.has('t') ? Number(query.get('t')) : undefined, signal: query.get('signal') ?? undefined });
      return empty();
    });
    this.on('POST', '/containers/{id}/restart', async ({ params, query }) => {
      await d.restart(params[0]!, { t: query.has('t') ? Number(query.get('t')) : undefined, signal: query.get('signal') ?? undefined });
      return empty();
    });
    this.on('POST', '/containers/{id}/kill', async ({ params, query }) => {
      await d.kill(params[0]!, query.get('signal') || 'SIGKILL');
      return empty();
    });
    this.on('POST', '/containers/{id}/pause', async ({ params }) => (await d.pause(params[0]!), empty()));
    this.on('POST', '/containers/{id}/unpause', async ({ params }) => (await d.unpause(params[0]!), empty()));
    this.on('POST', '/containers/{id}/rename', ({ params, query }) => (d.rename(params[0]!, query.get('name') ?? ''), empty()));
    this.on('POST', '/containers/{id}/wait', async ({ params, query }) => json(await d.wait(params[0]!, (query.get('condition') as 'not-running' | 'next-exit' | 'removed' | null) ?? 'not-running')));
    this.on('DELETE', '/containers/{id}', async ({ params, query }) => (await d.remove(params[0]!, { force: flag(query, 'force'), volumes: flag(query, 'v') }), empty()));
    this.on('POST', '/containers/{id}/resize', ({ params, query }) => {
      const c = d.container(params[0]!);
      if (!c.running) throw new EngineError('Conflict', `Container ${c.id} is not running`);
      c.process?.resize({ height: Number(query.get('h') ?? 24), width: Number(query.get('w') ?? 80) });
      return json('');
    });
    this.on('POST', '/containers/{id}/attach', ({ params, query }) => this.attach(params[0]!, query));
    this.on('GET', '/containers/{id}/logs', ({ params, query }) => {
      const c = d.container(params[0]!);
      if (!flag(query, 'stdout') && !flag(query, 'stderr')) throw new EngineError('InvalidArgument', 'Bad parameters: you must choose at least one stream');
      return { status: 200, kind: 'stream', contentType: c.config.Tty ? 'application/vnd.docker.raw-stream' : 'application/vnd.docker.multiplexed-stream', body: containerLogs(d, c, query) };
    });

    // ---- exec
    this.on('POST', '/containers/{id}/exec', ({ params, req }) => json(d.execs.create(params[0]!, req.body as never), 201));
    this.on('POST', '/exec/{id}/start', async ({ params, req }) => this.execStart(params[0]!, (req.body ?? {}) as { Detach?: boolean; Tty?: boolean; ConsoleSize?: [number, number] }));
    this.on('GET', '/exec/{id}/json', ({ params }) => json(d.execs.inspect(params[0]!)));
    this.on('POST', '/exec/{id}/resize', ({ params, query }) => {
      d.execs.get(params[0]!).process?.resize({ height: Number(query.get('h') ?? 24), width: Number(query.get('w') ?? 80) });
      return json('', 201);
    });

    // ---- images
    this.on('GET', '/images/json', ({ query }) => json(listImages(d, { all: flag(query, 'all'), digests: flag(query, 'digests'), filters: parseFilters(query.get('filters') ?? undefined) })));
    this.on('POST', '/images/create', async ({ query, req }) => {
      const from = query.get('fromImage');
      if (!from && query.has('fromSrc')) return importRoute(this.kit(), query, req);
      if (!from) throw new EngineError('InvalidArgument', 'fromImage is required');
      await this.hubReady;
      return this.progress((emit) => pullImage(d, this.hub, from, query.get('tag') || undefined, emit));
    });
    this.on('GET', '/images/{name*}/json', ({ params }) => json(inspectImage(d, params[0]!)));
    this.on('GET', '/images/{name*}/history', ({ params }) => json(imageHistory(d, params[0]!)));
    this.on('POST', '/images/{name*}/tag', ({ params, query }) => (tagImage(d, params[0]!, query.get('repo') ?? '', query.get('tag') || undefined), empty(201)));
    this.on('DELETE', '/images/{name*}', async ({ params, query }) => json(await removeImage(d, params[0]!, { force: flag(query, 'force'), noprune: flag(query, 'noprune') })));
    this.on('POST', '/build', ({ query, req }) => this.build(query, req));
    // save, load, push, search, login, prune, df (routes-extras.ts)
    defineExtraRoutes(this.kit());
    // top, stats, diff, update, commit, cp, export (container-extras-routes.ts)
    containerExtraRoutes(d, (method, path, handler) => this.on(method, path, handler));

    // ---- volumes (engine/daemon/volumes.ts)
    this.on('GET', '/volumes', ({ query }) => json(d.volumes.listInfo(d.volumeUsers, parseFilters(query.get('filters') ?? undefined))));
    this.on('POST', '/volumes/create', ({ req }) => json(d.volumes.info(d.volumes.create((req.body ?? {}) as import('../daemon/volumes.ts').VolumeCreateBody)), 201));
    this.on('POST', '/volumes/prune', ({ query }) => json(d.volumes.prune(d.volumeUsers, parseFilters(query.get('filters') ?? undefined))));
    this.on('GET', '/volumes/{name}', ({ params }) => json(d.volumes.inspect(params[0]!)));
    this.on('DELETE', '/volumes/{name}', ({ params, query }) => (d.volumes.remove(params[0]!, d.volumeUsers, { force: flag(query, 'force') }), empty()));

    // ---- networks (engine/daemon/networks.ts)
    const networks = () => {
      const n = d.options.networks;
      if (!(n instanceof Networks)) throw new EngineError('NotImplemented', 'networks are not available');
      return n;
    };
    this.on('GET', '/networks', ({ query }) => json(networks().list(parseFilters(query.get('filters') ?? undefined) as Record<string, string[]>)));
    this.on('POST', '/networks/create', ({ req }) => json(networks().create(req.body as CreateNetworkBody), 201));
    this.on('POST', '/networks/prune', () => json(networks().prune()));
    this.on('GET', '/networks/{id}', ({ params }) => json(networks().inspect(params[0]!)));
    this.on('DELETE', '/networks/{id}', ({ params }) => (networks().remove(params[0]!), empty()));
    this.on('POST', '/networks/{id}/connect', ({ params, req }) => {
      const body = (req.body ?? {}) as { Container?: string; EndpointConfig?: Partial<EndpointSettings> };
      networks().connect(params[0]!, body.Container ?? '', body.EndpointConfig ?? {});
      return json('', 200);
    });
    this.on('POST', '/networks/{id}/disconnect', ({ params, req }) => {
      const body = (req.body ?? {}) as { Container?: string; Force?: boolean };
      networks().disconnect(params[0]!, body.Container ?? '', body.Force ?? false);
      return json('', 200);
    });
  }

  /** POST /build: the classic builder (engine/daemon/build.ts); a JSON-message stream. */
  private async build(query: URLSearchParams, req: ApiRequest): Promise<ApiResponse> {
    const { buildImage } = await loadClassic();
    const d = this.daemon;
    const parse = <T>(name: string, fallback: T): T => {
      const v = query.get(name);
      if (!v) return fallback;
      try {
        return JSON.parse(v) as T;
      } catch {
        throw new EngineError('InvalidArgument', `invalid ${name} parameter: ${v}`);
      }
    };
    const options = {
      tags: query.getAll('t').filter((t) => t !== ''),
      dockerfile: query.get('dockerfile') || 'Dockerfile',
      buildArgs: parse<Record<string, string | null>>('buildargs', {}),
      target: query.get('target') ?? '',
      noCache: flag(query, 'nocache'),
      pull: flag(query, 'pull'),
      quiet: flag(query, 'q'),
      labels: parse<Record<string, string>>('labels', {}),
      rm: query.get('rm') === null ? true : flag(query, 'rm'),
      forceRm: flag(query, 'forcerm'),
    };
    const pull = async (ref: string, emit: (m: JsonMessage) => void) => {
      await this.hubReady;
      const parsed = /^(.*?)(?::([^:/@]+))?$/.exec(ref)!;
      await pullImage(d, this.hub, parsed[1]!, parsed[2] || undefined, emit);
    };
    if (query.get('version') === '2') {
      // BuildKit: progress as moby.buildkit.trace messages; a failure carries the Dockerfile lines it is about.
      const { solveBuild, SolveError } = await loadBuildKit();
      const { lintDockerfile } = await loadLint();
      const baseImage = (ref: string) => {
        try {
          const c = d.image(ref).config.config ?? {};
          return { env: c.Env ?? [], shell: c.Shell ?? [], onBuild: c.OnBuild ?? [] };
        } catch {
          return undefined;
        }
      };
      const bk = {
        ...options,
        network: query.get('networkmode') ?? 'default',
        call: query.get('call') ?? 'build',
        noCacheFilter: parse<string[]>('nocachefilter', []),
        lint: (text: string, o: { target: string; buildArgs: Record<string, string | null> }) => {
          // The same Dockerfile, options and base images give the same findings: a rebuild does not check again.
          const mode = query.get('call') === 'check' ? 'check' : 'build';
          const key = JSON.stringify([text, o.target, o.buildArgs, mode]);
          const hit = this.lintCache.get(key);
          if (hit && hit.bases.every(([ref, seen]) => JSON.stringify(baseImage(ref) ?? null) === seen)) return hit.result;
          const bases: [string, string][] = [];
          const result = lintDockerfile(text, {
            ...o,
            mode,
            baseImage: (ref) => {
              const b = baseImage(ref);
              bases.push([ref, JSON.stringify(b ?? null)]);
              return b;
            },
          });
          if (this.lintCache.size >= 16) this.lintCache.delete(this.lintCache.keys().next().value!);
          this.lintCache.set(key, { bases, result });
          return result;
        },
      };
      return this.progress(async (emit) => {
        try {
          await solveBuild(d, d.buildCache, req.raw ?? new Uint8Array(), bk, emit, pull);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          const src = err instanceof SolveError ? err.source : undefined;
          emit({ errorDetail: { message, ...(src ? { source: src } : {}) }, error: message } as JsonMessage);
        }
      });
    }
    return this.progress(async (emit) => {
      let started = false;
      try {
        await buildImage(d, req.raw ?? new Uint8Array(), options, (m) => ((started = true), emit(m)), pull);
      } catch (err) {
        if (!started) throw err;
        const message = err instanceof Error ? err.message : String(err);
        const code = (err as { exitCode?: number }).exitCode ?? 1;
        emit({ errorDetail: { code, message }, error: message } as JsonMessage);
      }
    });
  }

  private kit(): RouteKit {
    return { on: (m, p, h) => this.on(m, p, h), progress: (w) => this.progress(w), daemon: this.daemon, hub: this.hub, hubReady: this.hubReady };
  }

  /** A JSON-message stream (pull, push, load): errors after the first byte arrive as `errorDetail`. */
  private async progress(work: (emit: (m: JsonMessage) => void) => Promise<void>): Promise<ApiResponse> {
    const queue = new AsyncQueue<Uint8Array>();
    let started = false;
    // Messages emitted in one turn go out as one chunk: a build's burst of progress is one write for the client.
    let pending = '';
    const flush = () => {
      if (pending) queue.push(utf8(pending));
      pending = '';
    };
    const emit = (m: JsonMessage) => {
      started = true;
      if (!pending) queueMicrotask(flush);
      pending += JSON.stringify(m) + '\r\n';
    };
    const done = work(emit).then(
      () => (flush(), queue.end()),
      (err) => {
        if (!started) throw err;
        const message = err instanceof Error ? err.message : String(err);
        pending += JSON.stringify({ errorDetail: { message }, error: message }) + '\r\n';
        flush();
        queue.end();
      },
    );
    // Errors before any progress are plain API errors (404 for a missing repository).
    await Promise.race([done, queue.ready()]);
    return { status: 200, kind: 'stream', contentType: 'application/json', body: queue };
  }

  private attach(ref: string, query: URLSearchParams): ApiResponse {
    const d = this.daemon;
    const c = d.container(ref);
    const tty = c.config.Tty;
    const queue = new AsyncQueue<Uint8Array>();
    const wantOut = flag(query, 'stdout');
    const wantErr = flag(query, 'stderr');
    if (flag(query, 'logs')) for (const l of c.logs) if ((l.stream === 1 && wantOut) || (l.stream === 2 && wantErr)) queue.push(tty ? l.data : frame(l.stream, l.data));
    const handle = d.attach(ref, {
      output: (stream, data) => {
        if ((stream === 1 && wantOut) || (stream === 2 && wantErr)) queue.push(tty ? data : frame(stream, data));
      },
      end: () => {
        // The container stopped; the session ends (unless it restarts: docker keeps the stream, simplified here).
        handle.detach();
        queue.end();
      },
    });
    const stdin = flag(query, 'stdin');
    return {
      status: 101,
      kind: 'session',
      session: {
        tty,
        output: queue,
        write: (data) => stdin && handle.write(data),
        closeWrite: () => {
          if (stdin && c.config.StdinOnce) handle.closeStdin();
        },
      },
    };
  }

  private async execStart(id: string, body: { Detach?: boolean; Tty?: boolean; ConsoleSize?: [number, number] }): Promise<ApiResponse> {
    const d = this.daemon;
    const e = d.execs.get(id);
    const tty = e.config.Tty ?? false;
    const queue = new AsyncQueue<Uint8Array>();
    const size = body.ConsoleSize ?? e.config.ConsoleSize;
    const inst = await d.execs.start(
      id,
      {
        output: (stream, data) => {
          if (body.Detach) return;
          queue.push(tty ? data : frame(stream, data));
        },
        end: () => queue.end(),
      },
      size ? { consoleSize: { height: size[0], width: size[1] } } : {},
    );
    if (body.Detach) return empty(200);
    return {
      status: 101,
      kind: 'session',
      session: { tty, output: queue, write: (data) => inst.process?.write(data), closeWrite: () => inst.process?.closeStdin() },
    };
  }

  private eventStream(query: URLSearchParams): ApiResponse {
    const d = this.daemon;
    const queue = new AsyncQueue<Uint8Array>();
    const filters = parseFilters(query.get('filters') ?? undefined);
    const since = query.get('since');
    const until = query.get('until');
    const match = (e: import('../daemon/types.ts').EngineEvent) =>
      (!filters.type || filters.type.includes(e.Type)) &&
      (!filters.event || filters.event.includes(e.Action)) &&
      (!filters.container || (e.Type === 'container' && filters.container.some((c) => e.Actor.ID.startsWith(c) || e.Actor.Attributes.name === c))) &&
      (!filters.image || filters.image.some((i) => e.Actor.Attributes.image === i || e.Actor.ID === i));
    const push = (e: import('../daemon/types.ts').EngineEvent) => match(e) && queue.push(utf8(JSON.stringify(e) + '\n'));
    const sinceMs = since ? Number(since) * 1000 : undefined;
    const untilMs = until ? Number(until) * 1000 : undefined;
    if (sinceMs !== undefined && untilMs !== undefined && untilMs < sinceMs) throw new EngineError('InvalidArgument', `\`since\` time (${since}) cannot be after \`until\` time (${until})`);
    // moby replays its buffer when either bound is given, up to `until`.
    if (sinceMs !== undefined || untilMs !== undefined) for (const e of d.events.since(sinceMs ?? 0)) if (untilMs === undefined || e.timeNano / 1e6 <= untilMs) push(e);
    if (untilMs !== undefined && untilMs <= d.platform.now()) {
      queue.end();
    } else {
      const off = d.events.subscribe(push);
      queue.onClose(off);
      if (untilMs !== undefined) d.platform.timer(untilMs - d.platform.now(), () => (off(), queue.end()));
    }
    return { status: 200, kind: 'stream', contentType: 'application/json', body: queue };
  }

  private info() {
    const d = this.daemon;
    const cs = [...d.containers.values()];
    return {
      ID: this.engineId,
      Containers: cs.length,
      ContainersRunning: cs.filter((c) => c.state === 'running').length,
      ContainersPaused: cs.filter((c) => c.state === 'paused').length,
      ContainersStopped: cs.filter((c) => !c.running).length,
      Images: new Set(d.options.images.list().map((r) => d.options.images.resolve(r).id)).size,
      Driver: 'overlay2',
      DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
      Plugins: { Volume: ['local'], Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'], Authorization: null, Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'] },
      MemoryLimit: true,
      SwapLimit: true,
      CpuCfsPeriod: true,
      CpuCfsQuota: true,
      CPUShares: true,
      CPUSet: true,
      PidsLimit: true,
      IPv4Forwarding: true,
      Debug: false,
      NFd: 30,
      OomKillDisable: false,
      NGoroutines: 45,
      SystemTime: new Date(d.platform.now()).toISOString(),
      LoggingDriver: 'json-file',
      CgroupDriver: 'cgroupfs',
      CgroupVersion: '2',
      NEventsListener: 0,
      KernelVersion: d.options.host.machine?.().kernelVersion ?? '',
      OperatingSystem: 'Berth (emulated Linux)',
      OSVersion: '',
      OSType: 'linux',
      Architecture: 'x86_64',
      IndexServerAddress: 'https://index.docker.io/v1/',
      NCPU: d.options.host.machine?.().ncpu ?? 2,
      MemTotal: d.options.host.machine?.().memTotal ?? 2 * 1024 * 1024 * 1024,
      DockerRootDir: '/var/lib/docker',
      Name: 'berth',
      Labels: [],
      ExperimentalBuild: false,
      ServerVersion: versionInfo().Version,
      Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } },
      DefaultRuntime: 'runc',
      LiveRestoreEnabled: false,
      Isolation: '',
      InitBinary: 'docker-init',
      SecurityOptions: ['name=seccomp,profile=builtin', 'name=cgroupns'],
      Warnings: null,
    };
  }
}

export function versionInfo(kernelVersion = '') {
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [{ Name: 'Engine', Version: '28.2.2', Details: { ApiVersion: API_VERSION, Arch: 'amd64', BuildTime: '2025-05-30T12:07:26.000000000+00:00', Experimental: 'false', GitCommit: '45873be', GoVersion: 'go1.24.3', KernelVersion: kernelVersion, MinAPIVersion: MIN_API_VERSION, Os: 'linux' } }],
    Version: '28.2.2',
    ApiVersion: API_VERSION,
    MinAPIVersion: MIN_API_VERSION,
    GitCommit: '45873be',
    GoVersion: 'go1.24.3',
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: kernelVersion,
    BuildTime: '2025-05-30T12:07:26.000000000+00:00',
  };
}

function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number) as [number, number];
  const [b1, b2] = b.split('.').map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
}

