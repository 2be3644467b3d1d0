/**
 * Read-only views of the daemon's state in Engine API shapes:
 * GET /containers/json (with filters), GET /containers/{id}/json,
 * GET /images/json, GET /images/{name}/json, history.
 */
import { rfc3339Nano } from '../common/time.ts';
import { EngineError } from '../errors.ts';
import { familiarString, formatReference, parseReference } from '../image/reference.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import type { ContainerSummary, ImageSummary } from './types.ts';
import { hasRepoDigest, isDanglingName } from './dangling.ts';

export type Filters = Record<string, string[]>;

/** Parses the `filters` query parameter: `{"status":["running"]}` (or the old `{"status":{"running":true}}`). */
export function parseFilters(text: string | undefined): Filters {
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new EngineError('InvalidArgument', `invalid filter '${text}'`);
  }
  const out: Filters = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = Array.isArray(v) ? v.map(String) : Object.keys(v as object);
  return out;
}

const CONTAINER_FILTERS = ['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume'];
const STATUSES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];

function matchLabel(labels: Record<string, string>, want: string): boolean {
  const i = want.indexOf('=');
  return i < 0 ? want in labels : labels[want.slice(0, i)] === want.slice(i + 1);
}

export function listContainers(d: Daemon, q: { all?: boolean; limit?: number; size?: boolean; filters?: Filters }): ContainerSummary[] {
  const f = q.filters ?? {};
  for (const k of Object.keys(f)) if (!CONTAINER_FILTERS.includes(k)) throw new EngineError('InvalidArgument', `invalid filter '${k}'`);
  for (const s of f.status ?? []) if (!STATUSES.includes(s)) throw new EngineError('InvalidArgument', `invalid filter 'status=${s}'`);
  let list = [...d.containers.values()].sort((a, b) => b.created - a.created);
  const before = f.before?.[0] ? d.container(f.before[0]).created : undefined;
  const since = f.since?.[0] ? d.container(f.since[0]).created : undefined;
  const all = q.all || (q.limit ?? 0) > 0 || f.status !== undefined || f.exited !== undefined;
  list = list.filter((c) => {
    if (!all && !c.running) return false;
    if (f.status && !f.status.includes(c.state)) return false;
    if (f.exited && (c.state !== 'exited' || !f.exited.includes(String(c.exitCode)))) return false;
    if (f.id && !f.id.some((id) => c.id.startsWith(id))) return false;
    if (f.name && !f.name.some((n) => new RegExp(n.replace(/^\//, '')).test(c.name.slice(1)))) return false;
    if (f.label && !f.label.every((l) => matchLabel(c.config.Labels ?? {}, l))) return false;
    if (f.ancestor && !f.ancestor.some((a) => ancestorMatches(d, c, a))) return false;
    if (f.network && !f.network.some((n) => n in c.networks || Object.values(c.networks).some((e) => e.NetworkID.startsWith(n)))) return false;
    if (f.volume && !f.volume.some((v) => c.mounts.some((m) => m.Name === v || m.Source === v || m.Destination === v))) return false;
    if (before !== undefined && c.created >= before) return false;
    if (since !== undefined && c.created <= since) return false;
    return true;
  });
  if (q.limit && q.limit > 0) list = list.slice(0, q.limit);
  const now = d.platform.now();
  return list.map((c) => summary(d, c, now, q.size ?? false));
}

function ancestorMatches(d: Daemon, c: Container, ref: string): boolean {
  try {
    return d.image(ref).id === c.imageId;
  } catch {
    return false;
  }
}

function summary(d: Daemon, c: Container, now: number, size: boolean): ContainerSummary {
  const ports: ContainerSummary['Ports'] = [];
  const bound = d.publishedPorts(c);
  for (const key of Object.keys(c.config.ExposedPorts ?? {})) {
    const [port, proto = 'tcp'] = key.split('/');
    const binds = bound.filter((b) => b.PrivatePort === Number(port) && b.Type === proto);
    if (binds.length === 0) ports.push({ PrivatePort: Number(port), Type: proto });
  }
  ports.push(...bound);
  const usage = size ? d.sizes(c) : undefined;
  return {
    Id: c.id,
    Names: [c.name],
    Image: c.image,
    ImageID: c.imageId,
    Command: c.command(),
    Created: Math.floor(c.created / 1000),
    Ports: ports,
    ...(usage ? { SizeRw: usage.rw, SizeRootFs: usage.rootFs } : {}),
    Labels: c.config.Labels ?? {},
    State: c.state,
    Status: c.statusText(now),
    HostConfig: { NetworkMode: c.hostConfig.NetworkMode },
    NetworkSettings: { Networks: c.networks },
    Mounts: c.mounts,
  };
}

/** GET /containers/{id}/json. */
export function inspectContainer(d: Daemon, ref: string, size = false) {
  const c = d.container(ref);
  const usage = size ? d.sizes(c) : undefined;
  const mounts = d.options.snapshotter.mounts(c.id)[0]?.options ?? [];
  const opt = (k: string) => mounts.find((o) => o.startsWith(`${k}=`))?.slice(k.length + 1) ?? '';
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const key of Object.keys(c.config.ExposedPorts ?? {})) ports[key] = null;
  for (const p of d.publishedPorts(c)) (ports[`${p.PrivatePort}/${p.Type}`] ??= []).push({ HostIp: p.IP ?? '0.0.0.0', HostPort: String(p.PublicPort) });
  const bridge = c.networks.bridge;
  return {
    Id: c.id,
    Created: rfc3339Nano(c.created),
    Path: c.path,
    Args: c.args,
    State: c.stateJson(),
    Image: c.imageId,
    ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
    LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: c.name,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: c.execs.size ? [...c.execs] : null,
    HostConfig: c.hostConfig,
    GraphDriver: { Data: { LowerDir: opt('lowerdir'), MergedDir: `/var/lib/docker/overlay2/${c.id}/merged`, UpperDir: opt('upperdir'), WorkDir: opt('workdir') }, Name: 'overlay2' },
    ...(usage ? { SizeRw: usage.rw, SizeRootFs: usage.rootFs } : {}),
    Mounts: c.mounts,
    Config: c.config,
    NetworkSettings: {
      Bridge: '',
      SandboxID: c.running ? c.id.split('').reverse().join('') : '',
      SandboxKey: c.running ? `/var/run/docker/netns/${c.id.slice(0, 12)}` : '',
      Ports: ports,
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: bridge?.EndpointID ?? '',
      Gateway: bridge?.Gateway ?? '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: bridge?.IPAddress ?? '',
      IPPrefixLen: bridge?.IPPrefixLen ?? 0,
      IPv6Gateway: '',
      MacAddress: bridge?.MacAddress ?? '',
      Networks: c.networks,
    },
  };
}

export function listImages(d: Daemon, q: { all?: boolean; digests?: boolean; filters?: Filters }): ImageSummary[] {
  const f = q.filters ?? {};
  for (const k of Object.keys(f)) if (!['before', 'dangling', 'label', 'reference', 'since', 'until'].includes(k)) throw new EngineError('InvalidArgument', `invalid filter '${k}'`);
  const byId = new Map<string, ImageSummary>();
  const { images } = d.options;
  for (const record of images.list()) {
    const r = images.resolve(record);
    const ref = parseReference(record.name);
    let s = byId.get(r.id);
    if (!s) {
      const size = r.manifest.layers.reduce((n, l) => n + d.layerSize(l.digest), 0);
      s = {
        Id: r.id,
        ParentId: '',
        RepoTags: [],
        RepoDigests: [],
        Created: Math.floor(Date.parse(r.config.created ?? '1970-01-01T00:00:00Z') / 1000),
        Size: size,
        SharedSize: -1,
        Labels: r.config.config?.Labels ?? null,
        Containers: [...d.containers.values()].filter((c) => c.imageId === r.id).length,
      };
      byId.set(r.id, s);
    }
    if (isDanglingName(record.name)) continue;
    if (ref.tag) s.RepoTags.push(familiarString(ref));
    if (hasRepoDigest(r)) s.RepoDigests.push(`${familiarString({ ...ref, tag: undefined, digest: undefined })}@${record.target.digest}`);
  }
  let list = [...byId.values()];
  // Classic build steps record their parent (engine/daemon/build.ts): untagged parents are hidden without --all.
  const parents = new Map<string, string>();
  for (const record of images.list()) {
    const r = images.resolve(record);
    const parent = r.manifest.annotations?.['io.berth.image.parent'];
    if (parent) parents.set(r.id, parent);
  }
  for (const s of list) s.ParentId = parents.get(s.Id) ?? '';
  const hasChild = new Set(parents.values());
  if (!q.all) list = list.filter((s) => s.RepoTags.length > 0 || !hasChild.has(s.Id));
  if (f.reference) list = list.filter((s) => s.RepoTags.some((t) => f.reference!.some((p) => globMatch(p, t) || globMatch(p, t.replace(/:[^:/]+$/, '')))));
  if (f.dangling) list = list.filter((s) => (s.RepoTags.length === 0) === (f.dangling![0] === 'true'));
  if (f.label) list = list.filter((s) => f.label!.every((l) => matchLabel(s.Labels ?? {}, l)));
  if (f.before) {
    const t = d.image(f.before[0]!).config.created;
    list = list.filter((s) => s.Created < Date.parse(t ?? '') / 1000);
  }
  if (f.since) {
    const t = d.image(f.since[0]!).config.created;
    list = list.filter((s) => s.Created > Date.parse(t ?? '') / 1000);
  }
  // moby's reference store lists an image's names in lexical order of the full reference.
  const full = (familiar: string) => formatReference(parseReference(familiar));
  for (const s of list) {
    s.RepoDigests = [...new Set(s.RepoDigests)].sort((a, b) => (full(a) < full(b) ? -1 : full(a) > full(b) ? 1 : 0));
    s.RepoTags.sort((a, b) => (full(a) < full(b) ? -1 : full(a) > full(b) ? 1 : 0));
  }
  return list.sort((a, b) => b.Created - a.Created);
}

function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return re.test(text);
}

/** GET /images/{name}/json. */
export function inspectImage(d: Daemon, ref: string) {
  const r = d.image(ref);
  const tags: string[] = [];
  const digests: string[] = [];
  for (const record of d.options.images.list()) {
    if (d.options.images.resolve(record).id !== r.id) continue;
    if (isDanglingName(record.name)) continue;
    const parsed = parseReference(record.name);
    if (parsed.tag) tags.push(familiarString(parsed));
    if (hasRepoDigest(d.options.images.resolve(record))) digests.push(`${familiarString({ ...parsed, tag: undefined, digest: undefined })}@${record.target.digest}`);
  }
  const size = r.manifest.layers.reduce((n, l) => n + d.layerSize(l.digest), 0);
  return {
    Id: r.id,
    RepoTags: tags,
    RepoDigests: [...new Set(digests)],
    Parent: '',
    Comment: (r.config as { comment?: string }).comment ?? '',
    Created: r.config.created ?? '',
    DockerVersion: '',
    Author: r.config.author ?? '',
    Config: r.config.config ?? {},
    Architecture: r.config.architecture,
    Os: r.config.os,
    Size: size,
    GraphDriver: { Data: null, Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: r.config.rootfs.diff_ids },
    Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
  };
}

/** GET /images/{name}/history: newest first, with each layer's size against its history entry. */
export function imageHistory(d: Daemon, ref: string) {
  const r = d.image(ref);
  const history = r.config.history ?? [];
  const out: { Id: string; Created: number; CreatedBy: string; Tags: string[] | null; Size: number; Comment: string }[] = [];
  let layer = 0;
  for (const h of history) {
    const empty = h.empty_layer === true;
    const digest = empty ? undefined : r.manifest.layers[layer++]?.digest;
    out.push({ Id: '<missing>', Created: Math.floor(Date.parse(h.created ?? '1970-01-01T00:00:00Z') / 1000), CreatedBy: h.created_by ?? '', Tags: null, Size: digest ? d.layerSize(digest) : 0, Comment: h.comment ?? '' });
  }
  out.reverse();
  if (out[0]) {
    out[0].Id = r.id;
    out[0].Tags = inspectImage(d, ref).RepoTags;
  }
  // Images from classic build steps record their parent: the entries below show those images' IDs.
  let cur = r;
  for (let i = 1; i < out.length; i++) {
    const parent = cur.manifest.annotations?.['io.berth.image.parent'];
    if (!parent) break;
    try {
      cur = d.image(parent);
    } catch {
      break;
    }
    out[i]!.Id = cur.id;
    const tags = inspectImage(d, cur.id).RepoTags;
    if (tags.length > 0) out[i]!.Tags = tags;
  }
  return out;
}
