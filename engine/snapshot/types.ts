/**
 * Snapshots: how a container's filesystem is made from an image's layers.
 *
 * The words are containerd's. A snapshot is a directory tree that sits on a
 * parent snapshot (or on nothing).
 * - An *active* snapshot can be written to. It has a *key*. `prepare(key,
 *   parent)` makes one; it is what a container runs on.
 * - A *committed* snapshot is frozen. It has a *name*. `commit(name, key)`
 *   turns an active snapshot into one; only committed snapshots can be parents.
 * - A *view* is a read-only active snapshot, for looking without changing.
 *
 * Importing an image layer, step by step:
 *   1. prepare("extract-…", parentChainID)    a fresh writable directory on the parent
 *   2. apply the layer tar into it             (engine/snapshot/apply.ts)
 *   3. commit(chainID, "extract-…")            frozen, named by the layer's chainID
 * Running a container:
 *   1. prepare(containerID, imageTopChainID)   returns mounts, e.g.
 *        [{ type: 'overlay', source: 'overlay',
 *           options: ['workdir=…/7/work', 'upperdir=…/7/fs', 'lowerdir=…/3/fs:…/2/fs:…/1/fs'] }]
 *   2. the runtime performs the mounts (the emulated kernel builds an OverlayFs;
 *      the native bridge calls mount(2) with the very same data)
 *   3. when the container is removed: remove(containerID)
 *
 * Mounts are plain data so that the daemon, `docker inspect` and lessons see
 * the same thing in every runtime.
 */

export interface Mount {
  /** "overlay" or "bind". */
  type: string;
  source: string;
  options: string[];
}

export type SnapshotKind = 'active' | 'committed' | 'view';

export interface SnapshotInfo {
  /** The key of an active snapshot or view, the name of a committed one. */
  name: string;
  kind: SnapshotKind;
  parent?: string;
  labels: Record<string, string>;
  created: number;
  updated: number;
}

export interface Usage {
  /** Bytes of file content in this snapshot's own layer (hard links counted once). */
  size: number;
  /** Entries in this snapshot's own layer. */
  inodes: number;
}

export interface Snapshotter {
  stat(key: string): SnapshotInfo;
  prepare(key: string, parent?: string, labels?: Record<string, string>): Mount[];
  view(key: string, parent?: string, labels?: Record<string, string>): Mount[];
  mounts(key: string): Mount[];
  commit(name: string, key: string, labels?: Record<string, string>): void;
  remove(key: string): void;
  walk(): SnapshotInfo[];
  usage(key: string): Usage;
}

/** overlay2's limit on lower directories, and Docker's message when it is passed. */
export const MAX_LOWERS = 128;
export const MAX_DEPTH_MESSAGE = 'max depth exceeded';
