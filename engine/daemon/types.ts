/**
 * Engine API shapes (Docker Engine API v1.50, moby's swagger), the subset
 * Berth fills in. Field names and casing are the API's, so the same objects
 * go to the docker CLI in the emulator and over HTTP to the real one.
 */

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export type PortMap = Record<string, PortBinding[] | null>;

export interface RestartPolicy {
  Name: '' | 'no' | 'always' | 'on-failure' | 'unless-stopped';
  MaximumRetryCount: number;
}

export interface MountSpec {
  Type: 'bind' | 'volume' | 'tmpfs';
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
}

/** What `docker create` sends as the body's top level (container.Config). */
export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, object>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, object> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  StopTimeout?: number;
}

export interface HostConfig {
  Binds: string[] | null;
  NetworkMode: string;
  PortBindings: PortMap | null;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  CapAdd: string[] | null;
  CapDrop: string[] | null;
  Links: string[] | null;
  /** '' (a namespace of its own), 'host', or 'container:<name|id>'. */
  PidMode: string;
  PublishAllPorts: boolean;
  ReadonlyRootfs: boolean;
  Memory: number;
  MemorySwap: number;
  NanoCpus: number;
  CpuShares: number;
  CpuPeriod: number;
  CpuQuota: number;
  PidsLimit: number | null;
  Mounts?: MountSpec[];
  /** --tmpfs: mount point → mount options ("rw,size=64m"). */
  Tmpfs?: Record<string, string>;
  Privileged: boolean;
  ExtraHosts: string[] | null;
  Dns: string[] | null;
  LogConfig: { Type: string; Config: Record<string, string> };
}

export interface EndpointSettings {
  IPAMConfig: null | { IPv4Address?: string };
  Links: string[] | null;
  Aliases: string[] | null;
  MacAddress: string;
  NetworkID: string;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  IPv6Gateway: string;
  GlobalIPv6Address: string;
  GlobalIPv6PrefixLen: number;
  DNSNames: string[] | null;
}

export interface CreateBody extends Partial<ContainerConfig> {
  Image: string;
  HostConfig?: Partial<HostConfig>;
  NetworkingConfig?: { EndpointsConfig?: Record<string, Partial<EndpointSettings>> };
}

export interface ContainerState {
  Status: 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  /** RFC 3339 with nanoseconds, or Go's zero time. */
  StartedAt: string;
  FinishedAt: string;
}

export interface MountPoint {
  Type: 'bind' | 'volume' | 'tmpfs';
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

/** GET /containers/json rows. */
export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[];
  SizeRw?: number;
  SizeRootFs?: number;
  Labels: Record<string, string>;
  State: ContainerState['Status'];
  Status: string;
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, EndpointSettings> };
  Mounts: MountPoint[];
}

/** GET /images/json rows. */
export interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[];
  RepoDigests: string[];
  Created: number;
  Size: number;
  SharedSize: number;
  Labels: Record<string, string> | null;
  Containers: number;
}

/** A message of the events stream (GET /events). */
export interface EngineEvent {
  /** Deprecated copies moby still sends for container and image events: Action, Actor.ID, the image. */
  status?: string;
  id?: string;
  from?: string;
  Type: 'container' | 'image' | 'volume' | 'network' | 'daemon' | 'builder';
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: 'local';
  time: number;
  timeNano: number;
}

/** One line of pull/push/load progress (a JSON message). */
export interface JsonMessage {
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  aux?: unknown;
  error?: string;
  errorDetail?: { message: string };
}
