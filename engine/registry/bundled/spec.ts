/**
 * Bundled base images, described as data.
 *
 * Each image is a list of layers, each layer a list of files, plus the image
 * config and history. `buildBundledImages` (engine/registry/bundled/build.ts)
 * turns these into real OCI images: tar layers, gzip blobs, configs and
 * manifests with real digests. The same spec always yields the same digests.
 */

export interface ImageSpec {
  /** Docker Hub repository, as a user types it: "alpine", "nginx". */
  repository: string;
  /** Tags that point at this image: ["3.20", "3.20.3", "latest"]. */
  tags: string[];
  /** One line, as `docker search` shows it. */
  description: string;
  /** Whether Docker Hub marks it as an official image. */
  official: boolean;
  /** The simulated Docker Hub's star count, shown by `docker search`. */
  stars: number;
  architecture: 'amd64';
  os: 'linux';
  /** The image config (OCI `config` object, Docker's capitalised keys). */
  config: ImageConfigSpec;
  /**
   * History, oldest first, exactly as `docker history` lists it bottom-up.
   * Each entry either has a layer (`layer`) or is a config-only step
   * (`emptyLayer: true`).
   */
  history: HistorySpec[];
}

export interface ImageConfigSpec {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[];
  Cmd?: string[];
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
}

export type HistorySpec =
  | { created: string; createdBy: string; comment?: string; emptyLayer: true }
  | { created: string; createdBy: string; comment?: string; emptyLayer?: false; layer: LayerSpec };

/**
 * One layer's files. Parent directories that are not listed are created as
 * root-owned 0755 directories. Every entry's mtime is the layer's `mtime`
 * (an ISO date), so the tar, and so the digest, is reproducible.
 */
export interface LayerSpec {
  mtime: string;
  files: FileSpec[];
}

interface Owner {
  /** Permission bits (with setuid/setgid/sticky); defaults: dir 0755, file 0644, program 0755. */
  mode?: number;
  uid?: number;
  gid?: number;
}

export type FileSpec =
  | ({ path: string; type: 'dir' } & Owner)
  | ({ path: string; type: 'file'; content: string | Uint8Array } & Owner)
  /** An emulated executable: see engine/common/executable.ts. */
  | ({ path: string; type: 'program'; program: string; applet?: string; version?: string } & Owner)
  | { path: string; type: 'symlink'; target: string; uid?: number; gid?: number }
  /** A hard link to another path of the same layer (listed earlier). */
  | { path: string; type: 'hardlink'; target: string };
