/**
 * The merged view of an overlay's lower layers, built lazily, one directory
 * at a time, and shared by every container on the same image.
 *
 * Lower layers never change (they are committed snapshots), so what a
 * directory looks like through all of them can be worked out once and kept.
 * Looking up a file that lives in the lowest of 128 layers then costs one
 * Map lookup per path component, not 128 directory searches.
 *
 * The rules are overlayfs's (Documentation/filesystems/overlayfs.rst):
 * - an upper layer's entry hides the same name in the layers below it;
 * - directories of the same name merge, until a layer has the name as a
 *   non-directory or marks the directory opaque;
 * - a whiteout hides the name in the layers below it.
 * Whiteouts and opaque markers are stored as in OCI layer tars: a file
 * `.wh.<name>` next to the hidden name, a file `.wh..wh..opq` inside an
 * opaque directory (see engine/snapshot/overlay.ts for why).
 */
import type { Disk, DiskEntry } from '../platform/types.ts';
import { isDir } from '../fs/types.ts';

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';

export const isMarker = (name: string): boolean => name.startsWith(WHITEOUT_PREFIX);

export interface LowerFile {
  readonly kind: 'file';
  /** Index of the layer holding it: 0 is the topmost lower. */
  readonly layer: number;
  readonly entry: DiskEntry;
}

/** A directory as seen through the lower layers: every layer's same-named directory, top first. */
export class LowerDir {
  readonly kind = 'dir';
  private children: Map<string, LowerNode> | undefined;
  /** Set once a layer's copy is opaque or a lower layer has the name as a non-directory. */
  sealed = false;

  constructor(
    private readonly index: LowerIndex,
    /** The directory in each contributing layer, top first. */
    readonly layers: { layer: number; entry: DiskEntry }[],
  ) {}

  /** The topmost layer's directory: where this directory's attributes come from. */
  get top(): { layer: number; entry: DiskEntry } {
    return this.layers[0]!;
  }

  /** True when several layers contribute (overlayfs reports nlink 1 for such directories). */
  get merged(): boolean {
    return this.layers.length > 1;
  }

  child(name: string): LowerNode | undefined {
    return this.entries().get(name);
  }

  entries(): Map<string, LowerNode> {
    if (!this.children) this.children = this.index.merge(this);
    return this.children;
  }
}

export type LowerNode = LowerFile | LowerDir;

export class LowerIndex {
  readonly root: LowerDir;

  /** `layers`: each lower layer's root directory on `disk`, topmost first. */
  constructor(
    private readonly disk: Disk,
    layers: readonly DiskEntry[],
  ) {
    const roots: { layer: number; entry: DiskEntry }[] = [];
    for (let i = 0; i < layers.length; i++) {
      roots.push({ layer: i, entry: layers[i]! });
      if (this.isOpaque(layers[i]!)) break;
    }
    this.root = new LowerDir(this, roots);
  }

  isOpaque(dir: DiskEntry): boolean {
    return this.disk.lookup(dir, OPAQUE_MARKER) !== undefined;
  }

  /** Works out the entries of one merged lower directory. */
  merge(dir: LowerDir): Map<string, LowerNode> {
    const out = new Map<string, LowerNode>();
    const hidden = new Set<string>();
    for (const { layer, entry } of dir.layers) {
      const whiteouts: string[] = [];
      for (const name of this.disk.names(entry)) {
        if (isMarker(name)) {
          if (name !== OPAQUE_MARKER) whiteouts.push(name.slice(WHITEOUT_PREFIX.length));
          continue;
        }
        if (hidden.has(name)) continue;
        const childEntry = this.disk.lookup(entry, name)!;
        const childIsDir = isDir(this.disk.stat(this.disk.inode(childEntry)).mode);
        const existing = out.get(name);
        if (existing === undefined) {
          if (childIsDir) {
            const d = new LowerDir(this, [{ layer, entry: childEntry }]);
            d.sealed = this.isOpaque(childEntry);
            out.set(name, d);
          } else {
            out.set(name, { kind: 'file', layer, entry: childEntry });
          }
        } else if (existing.kind === 'dir' && !existing.sealed) {
          if (childIsDir) {
            existing.layers.push({ layer, entry: childEntry });
            if (this.isOpaque(childEntry)) existing.sealed = true;
          } else {
            existing.sealed = true;
          }
        }
      }
      for (const w of whiteouts) hidden.add(w);
    }
    return out;
  }
}
