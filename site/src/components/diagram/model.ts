/**
 * What the diagrams draw, as the Engine API gives it (the fields of Docker's
 * API the pictures need), and the facts derived from it that both the SVG
 * pictures and their text alternative say.
 */

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead' | 'removing';
export const STATES: ContainerState[] = ['created', 'running', 'paused', 'restarting', 'exited', 'dead', 'removing'];

/** Each state's colour: dark enough for white text on it, and for it as text on white. */
export const STATE_COLOR: Record<ContainerState, string> = {
  created: '#57606a',
  running: '#1a7f37',
  paused: '#8a5a00',
  restarting: '#0969da',
  exited: '#cf222e',
  dead: '#24292f',
  removing: '#6e7781',
};

export interface Port { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }
export interface MountPoint { Type: string; Name?: string; Source: string; Destination: string; RW: boolean }
export interface Endpoint { IPAddress: string }

/** A row of GET /containers/json?all=1&size=1. */
export interface Container {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  State: ContainerState;
  Status: string;
  Ports: Port[];
  SizeRw?: number;
  Mounts: MountPoint[];
  NetworkSettings: { Networks: Record<string, Endpoint> };
}

export interface Image { Id: string; RepoTags: string[] | null; layers: string[] }
export interface Volume { Name: string }
export interface Network { Name: string; Id: string; Driver: string; IPAM?: { Config?: { Subnet?: string }[] | null } }

export interface Snapshot {
  images: Image[];
  containers: Container[];
  volumes: Volume[];
  networks: Network[];
}

export interface DiagramStrings {
  title: string;
  images: string;
  containers: string;
  volumes: string;
  networks: string;
  network: string;
  layers: string;
  shared: string;
  none: string;
  inspect: string;
  close: string;
  lifecycle: string;
  lifecycleOf: string;
  lifecycleFor: string;
  removed: string;
  states: Record<ContainerState, string>;
  writable: string;
  layersOf: string;
  wiring: string;
  ports: string;
  mounts: string;
  volume: string;
  bind: string;
  tmpfs: string;
  unused: string;
  usedBy: string;
  noIp: string;
  asText: string;
  facts: string;
  preview: string;
  previewOf: string;
  reload: string;
  connecting: string;
  refused: string;
  emptyReply: string;
  noAnswer: string;
}

export const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
export const nameOf = (c: Container): string => c.Names[0]?.replace(/^\//, '') ?? short(c.Id);
export const imageName = (i: Image): string => i.RepoTags?.[0] ?? `<none> ${short(i.Id)}`;

/** "{name}" and friends in a string. */
export const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));

/** go-units' HumanSize (decimal, 3 significant digits), as `docker ps -s` prints sizes. */
export function humanSize(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${Number(n.toPrecision(3))}${units[i]}`;
}

/** Published ports, once each (the API lists the IPv4 and IPv6 bindings apart). */
export function published(c: Container): { host: number; port: number; proto: string }[] {
  const seen = new Map<string, { host: number; port: number; proto: string }>();
  for (const p of c.Ports) if (p.PublicPort) seen.set(`${p.PublicPort}/${p.PrivatePort}/${p.Type}`, { host: p.PublicPort, port: p.PrivatePort, proto: p.Type });
  return [...seen.values()];
}

export const portText = (p: { host: number; port: number; proto: string }): string => `${p.host}→${p.port}/${p.proto}`;

/** How a mount is named in the pictures: a volume by its name, a bind mount by its host path. */
export const mountKey = (m: MountPoint): string => (m.Type === 'volume' ? `volume:${m.Name ?? m.Source}` : `${m.Type}:${m.Source}`);
export const mountLabel = (m: MountPoint): string => {
  const name = m.Type === 'volume' ? (m.Name ?? m.Source) : m.Source || m.Type;
  return name.length > 20 ? `${name.slice(0, 12)}…` : name;
};

/** Which containers each network holds, with their addresses. */
export function members(s: Snapshot, network: string): { c: Container; ip: string }[] {
  return s.containers.flatMap((c) => {
    const e = c.NetworkSettings.Networks[network];
    return e ? [{ c, ip: e.IPAddress }] : [];
  });
}

/** Layers used by more than one image. */
export function sharedLayers(images: Image[]): Set<string> {
  const use = new Map<string, number>();
  for (const i of images) for (const l of new Set(i.layers)) use.set(l, (use.get(l) ?? 0) + 1);
  return new Set([...use].filter(([, n]) => n > 1).map(([l]) => l));
}

/** Whether a network is worth drawing: host and none only when a container uses them. */
export const drawnNetwork = (s: Snapshot, n: Network): boolean => !['host', 'none'].includes(n.Name) || members(s, n.Name).length > 0;
