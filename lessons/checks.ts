/**
 * Lesson checks, evaluated against the engine's state: the Engine API (what
 * `docker` itself asks) and the learner's host (files, the network). The
 * same code runs in the browser's worker, in `berth lessons check` and in
 * the tests. A check never looks at what the learner's terminal printed.
 *
 * Names are as Docker takes them: `web` or `/web` for a container, `alpine`
 * or `alpine:latest` for an image.
 */
import { ApiError, readTar, type ApiClient, type Host } from '../engine/index.ts';
import type { Check } from './schema.ts';

export interface CheckContext {
  api: ApiClient;
  host: Host;
  /** The learner's home: relative paths in fileExists start here. */
  home: string;
}

interface ContainerJson {
  Id: string;
  Name: string;
  Image: string;
  Config: { Image: string; Env: string[] | null };
  State: { Status: string; Running: boolean; ExitCode: number; OOMKilled: boolean };
  HostConfig: { Memory: number; NanoCpus: number; PidsLimit: number | null; RestartPolicy: { Name: string }; PortBindings: Record<string, { HostPort: string }[] | null> | null };
  NetworkSettings: { Ports: Record<string, { HostPort: string }[] | null> | null; Networks: Record<string, unknown> };
  Mounts: { Type: string; Name?: string; Source: string; Destination: string }[];
}

interface ImageJson {
  Id: string;
  RepoTags: string[];
  RootFS: { Layers?: string[] };
  Config: { Cmd: string[] | null; Entrypoint: string[] | null; Env: string[] | null; WorkingDir: string; ExposedPorts?: Record<string, unknown> | null; User: string };
}

async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

const container = (c: CheckContext, name: string) => orUndefined(c.api.get<ContainerJson>(`/containers/${encodeURIComponent(name)}/json`));
const image = (c: CheckContext, ref: string) => orUndefined(c.api.get<ImageJson>(`/images/${encodeURIComponent(ref)}/json`));

const sameList = (a: readonly string[] | null | undefined, b: readonly string[]) => JSON.stringify(a ?? []) === JSON.stringify(b);

/** Images match by what `docker run` would use: `nginx` is `nginx:latest`. */
function imageMatches(want: string, have: string): boolean {
  const norm = (r: string) => (r.includes('@') || /:[^/]+$/.test(r) ? r : `${r}:latest`).replace(/^docker\.io\/(library\/)?/, '');
  return norm(want) === norm(have);
}

/** Reads one file of a container (running or not) through the archive endpoint. */
async function containerFile(c: CheckContext, name: string, path: string): Promise<string | undefined> {
  let body: AsyncIterable<Uint8Array>;
  try {
    body = await c.api.stream('GET', `/containers/${encodeURIComponent(name)}/archive`, { path });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
  for await (const e of readTar(body)) if (e.header.type === 'file') return new TextDecoder().decode(e.data);
  return undefined;
}

export async function evaluate(check: Check, c: CheckContext): Promise<boolean> {
  if ('all' in check) {
    for (const x of check.all) if (!(await evaluate(x, c))) return false;
    return true;
  }
  if ('any' in check) {
    for (const x of check.any) if (await evaluate(x, c)) return true;
    return false;
  }
  if ('not' in check) return !(await evaluate(check.not, c));

  if ('imageExists' in check) return (await image(c, check.imageExists.ref)) !== undefined;
  if ('imageAbsent' in check) return (await image(c, check.imageAbsent.ref)) === undefined;
  if ('imageHasLayers' in check) {
    const i = await image(c, check.imageHasLayers.ref);
    if (!i) return false;
    const n = i.RootFS.Layers?.length ?? 0;
    return n >= (check.imageHasLayers.atLeast ?? 0) && n <= (check.imageHasLayers.atMost ?? Infinity);
  }
  if ('imageHistoryContains' in check) {
    const h = await orUndefined(c.api.get<{ CreatedBy: string }[]>(`/images/${encodeURIComponent(check.imageHistoryContains.ref)}/history`));
    return !!h && h.some((x) => x.CreatedBy.includes(check.imageHistoryContains.text));
  }
  if ('imageConfig' in check) {
    const want = check.imageConfig;
    const i = await image(c, want.ref);
    if (!i) return false;
    if (want.cmd && !sameList(i.Config.Cmd, want.cmd)) return false;
    if (want.entrypoint && !sameList(i.Config.Entrypoint, want.entrypoint)) return false;
    if (want.env && !(i.Config.Env ?? []).includes(want.env)) return false;
    if (want.workdir !== undefined && i.Config.WorkingDir !== want.workdir) return false;
    if (want.exposed && !Object.keys(i.Config.ExposedPorts ?? {}).includes(want.exposed.includes('/') ? want.exposed : `${want.exposed}/tcp`)) return false;
    if (want.user !== undefined && i.Config.User !== want.user) return false;
    return true;
  }
  if ('imagesShareLayers' in check) {
    const layers: string[][] = [];
    for (const r of check.imagesShareLayers.refs) {
      const i = await image(c, r);
      if (!i) return false;
      layers.push(i.RootFS.Layers ?? []);
    }
    const shared = layers[0]!.filter((l) => layers.every((ls) => ls.includes(l)));
    return shared.length >= (check.imagesShareLayers.atLeast ?? 1);
  }

  if ('containerExists' in check || 'containerAbsent' in check) {
    const want = 'containerExists' in check ? check.containerExists : check.containerAbsent;
    const list = await c.api.get<{ Names: string[]; Image: string; State: string }[]>('/containers/json', { all: '1' });
    const hits = list.filter(
      (x) =>
        (want.name === undefined || x.Names.includes(`/${want.name.replace(/^\//, '')}`)) &&
        (want.image === undefined || imageMatches(want.image, x.Image)) &&
        (!('state' in want) || want.state === undefined || x.State === want.state),
    );
    if ('containerAbsent' in check) return hits.length === 0;
    const e = check.containerExists;
    if (e.count !== undefined) return hits.length === e.count;
    return hits.length >= (e.atLeast ?? 1);
  }
  if ('containerRunning' in check) return (await container(c, check.containerRunning.name))?.State.Running === true;
  if ('containerExited' in check) {
    const x = await container(c, check.containerExited.name);
    if (!x || x.State.Status !== 'exited') return false;
    if (check.containerExited.code !== undefined && x.State.ExitCode !== check.containerExited.code) return false;
    if (check.containerExited.oomKilled !== undefined && x.State.OOMKilled !== check.containerExited.oomKilled) return false;
    return true;
  }
  if ('containerEnv' in check) return ((await container(c, check.containerEnv.name))?.Config.Env ?? []).includes(check.containerEnv.env);
  if ('containerPort' in check) {
    const x = await container(c, check.containerPort.name);
    if (!x) return false;
    const key = check.containerPort.port.includes('/') ? check.containerPort.port : `${check.containerPort.port}/tcp`;
    const bindings = x.HostConfig.PortBindings?.[key] ?? [];
    if (bindings.length === 0) return false;
    return check.containerPort.hostPort === undefined || bindings.some((b) => Number(b.HostPort) === check.containerPort.hostPort);
  }
  if ('containerMount' in check) {
    const want = check.containerMount;
    const x = await container(c, want.name);
    return !!x && x.Mounts.some((m) => m.Destination === want.destination && (want.type === undefined || m.Type === want.type) && (want.source === undefined || m.Name === want.source || m.Source === want.source));
  }
  if ('containerNetwork' in check) {
    const x = await container(c, check.containerNetwork.name);
    return !!x && Object.keys(x.NetworkSettings.Networks ?? {}).includes(check.containerNetwork.network);
  }
  if ('containerLimits' in check) {
    const want = check.containerLimits;
    const x = await container(c, want.name);
    if (!x) return false;
    if (want.memory !== undefined && x.HostConfig.Memory !== want.memory) return false;
    if (want.nanoCpus !== undefined && x.HostConfig.NanoCpus !== want.nanoCpus) return false;
    if (want.pidsLimit !== undefined && x.HostConfig.PidsLimit !== want.pidsLimit) return false;
    return true;
  }
  if ('containerRestartPolicy' in check) return (await container(c, check.containerRestartPolicy.name))?.HostConfig.RestartPolicy.Name === check.containerRestartPolicy.policy;
  if ('containerHasFile' in check) {
    const text = await containerFile(c, check.containerHasFile.name, check.containerHasFile.path);
    return text !== undefined && (check.containerHasFile.contains === undefined || text.includes(check.containerHasFile.contains));
  }
  if ('containerLogs' in check) {
    let text = '';
    try {
      const body = await c.api.stream('GET', `/containers/${encodeURIComponent(check.containerLogs.name)}/logs`, { stdout: '1', stderr: '1' });
      for await (const chunk of body) text += new TextDecoder().decode(chunk);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return false;
      throw err;
    }
    return text.includes(check.containerLogs.contains);
  }

  if ('volumeExists' in check) return (await orUndefined(c.api.get(`/volumes/${encodeURIComponent(check.volumeExists.name)}`))) !== undefined;
  if ('volumeAbsent' in check) return (await orUndefined(c.api.get(`/volumes/${encodeURIComponent(check.volumeAbsent.name)}`))) === undefined;
  if ('volumeHasFile' in check) {
    const v = await orUndefined(c.api.get<{ Mountpoint: string }>(`/volumes/${encodeURIComponent(check.volumeHasFile.volume)}`));
    if (!v) return false;
    return hostFile(c, `${v.Mountpoint}/${check.volumeHasFile.path.replace(/^\/+/, '')}`, check.volumeHasFile.contains);
  }
  if ('networkExists' in check) return (await orUndefined(c.api.get(`/networks/${encodeURIComponent(check.networkExists.name)}`))) !== undefined;

  if ('portAnswers' in check) {
    const url = `http://localhost:${check.portAnswers.port}${check.portAnswers.path ?? '/'}`;
    const r = await c.host.exec(['curl', '-s', '-m', '2', url]);
    return r.code === 0 && (check.portAnswers.contains === undefined || r.stdout.includes(check.portAnswers.contains));
  }
  if ('fileExists' in check) {
    const p = check.fileExists.path.startsWith('/') ? check.fileExists.path : `${c.home}/${check.fileExists.path}`;
    return hostFile(c, p, check.fileExists.contains);
  }
  if ('eventSeen' in check) {
    const want = check.eventSeen;
    const until = String(Math.floor(Date.now() / 1000) + 1);
    const body = await c.api.stream('GET', '/events', { since: '0', until });
    let text = '';
    for await (const chunk of body) text += new TextDecoder().decode(chunk);
    return text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { Type: string; Action: string; Actor?: { ID: string; Attributes?: Record<string, string> } })
      .some((e) => e.Type === want.type && (e.Action === want.action || e.Action.startsWith(`${want.action}:`)) && (want.name === undefined || e.Actor?.Attributes?.name === want.name || e.Actor?.ID === want.name));
  }
  if ('commandSucceeds' in check) {
    const r = await c.host.exec(['sh', '-c', check.commandSucceeds.run]);
    return r.code === 0 && (check.commandSucceeds.stdoutContains === undefined || r.stdout.includes(check.commandSucceeds.stdoutContains));
  }
  const never: never = check;
  throw new Error(`unknown check ${JSON.stringify(never)}`);
}

function hostFile(c: CheckContext, path: string, contains?: string): boolean {
  let text: string;
  try {
    text = c.host.readFile(path);
  } catch {
    return false;
  }
  return contains === undefined || text.includes(contains);
}
