/**
 * What the daemon keeps across a restart, as plain data: containers (their
 * config, state, logs, mounts and endpoints), volumes, the build cache, and
 * which images are unpacked. Images and layers are the content store's and
 * the snapshotter's; files are the disk's. dockerd keeps the same things
 * under /var/lib/docker (containers/<id>/config.v2.json, volumes/metadata.db,
 * buildkit/, network/files/local-kv.db).
 */
import { Container, type LogEntry } from './container.ts';
import type { ContainerState, ContainerConfig, EndpointSettings, HostConfig, MountPoint } from './types.ts';
import type { CacheRecord } from './build-cache.ts';
import type { Volume } from './volumes.ts';

export interface SavedContainer {
  id: string;
  name: string;
  created: number;
  image: string;
  imageId: string;
  config: ContainerConfig;
  hostConfig: HostConfig;
  path: string;
  args: string[];
  state: ContainerState['Status'];
  exitCode: number;
  error: string;
  oomKilled: boolean;
  startedAt: number;
  finishedAt: number;
  restartCount: number;
  manualStop: boolean;
  everStarted: boolean;
  logs: LogEntry[];
  mounts: MountPoint[];
  networks: Record<string, EndpointSettings>;
  endpointsConfig: Record<string, Partial<EndpointSettings>>;
}

export interface DaemonDump {
  containers: SavedContainer[];
  volumes: Volume[];
  buildCache: { records: CacheRecord[]; sources: string[] };
  /** Image ID → its top snapshot. */
  unpacked: [string, string][];
  /** Layer digest → unpacked size. */
  layerSizes: [string, number][];
}

/** Configs are JSON (they came in as API bodies). */
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function saveContainer(c: Container): SavedContainer {
  return {
    id: c.id,
    name: c.name,
    created: c.created,
    image: c.image,
    imageId: c.imageId,
    config: clone(c.config),
    hostConfig: clone(c.hostConfig),
    path: c.path,
    args: [...c.args],
    state: c.state,
    exitCode: c.exitCode,
    error: c.error,
    oomKilled: c.oomKilled,
    startedAt: c.startedAt,
    finishedAt: c.finishedAt,
    restartCount: c.restartCount,
    manualStop: c.manualStop,
    everStarted: c.everStarted,
    // Log chunks are never modified after they are appended; the array is.
    logs: c.logs.slice(),
    mounts: clone(c.mounts),
    networks: clone(c.networks),
    endpointsConfig: clone(c.endpointsConfig),
  };
}

/** A container as the restarting daemon finds it on disk (its process, if any, is gone). */
export function loadContainer(s: SavedContainer): Container {
  const c = new Container(s.id, s.name, s.created, s.image, s.imageId, clone(s.config), clone(s.hostConfig), s.path, [...s.args]);
  c.state = s.state;
  c.exitCode = s.exitCode;
  c.error = s.error;
  c.oomKilled = s.oomKilled;
  c.startedAt = s.startedAt;
  c.finishedAt = s.finishedAt;
  c.restartCount = s.restartCount;
  c.manualStop = s.manualStop;
  c.everStarted = s.everStarted;
  for (const l of s.logs) {
    c.logs.push(l);
    c.logBytes += l.data.length;
  }
  c.mounts = clone(s.mounts);
  c.networks = clone(s.networks);
  c.endpointsConfig = clone(s.endpointsConfig);
  return c;
}

/**
 * moby's RestartManager.ShouldRestart as the daemon asks it at start-up: a
 * fresh manager, so `always` brings back even a container that was stopped by
 * hand; `unless-stopped` only one that was not; `on-failure` one that failed
 * (255 after the crash) within its retry count.
 */
export function restartsAtBoot(c: Container): boolean {
  const p = c.hostConfig.RestartPolicy;
  if (!c.everStarted) return false;
  switch (p?.Name) {
    case 'always':
      return true;
    case 'unless-stopped':
      return !c.manualStop;
    case 'on-failure':
      return c.exitCode !== 0 && (!p.MaximumRetryCount || c.restartCount < p.MaximumRetryCount);
    default:
      return false;
  }
}
