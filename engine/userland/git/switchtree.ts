/**
 * Moving the index and work tree from one commit's tree to another's, the
 * way `git checkout <branch>` does (unpack-trees' two-way merge):
 *
 * - a path the same in both trees is left alone, with whatever local
 *   changes it has (they "come along" to the new branch);
 * - a path that differs is updated — unless its index entry or file has
 *   changes of its own, which would be lost: then nothing happens at all
 *   and git lists those files ("Your local changes … would be overwritten");
 * - a path only the new tree has must not clobber an untracked file
 *   (ignored files excepted).
 *
 * Also the simpler writes used by restore/checkout of paths and reset --hard.
 */
import { FsError } from '../../fs/errno.ts';
import { S_IFMT, S_IFDIR } from '../../fs/types.ts';
import { writeFile } from '../lib/io.ts';
import { rethrowControl, type Git } from './context.ts';
import * as git from './isogit.ts';
import { iso, type Repo } from './repo.ts';
import { readBlob, readIndex, type Blob, type IndexEntry, type Tree } from './store.ts';
import { loadIgnores, scanWorktree, worktreeSide } from './worktree.ts';

export interface Conflicts {
  /** Tracked files whose changes would be lost. */
  local: string[];
  /** Untracked files in the way. */
  untracked: string[];
}

const same = (a: Blob | undefined, b: Blob | undefined) => (a === undefined ? b === undefined : b !== undefined && a.oid === b.oid && a.mode === b.mode);

/** Plans the switch from tree `from` to tree `to`; applies it unless there are conflicts (or `force`). */
export async function switchTrees(g: Git, repo: Repo, from: Tree, to: Tree, force: boolean): Promise<Conflicts | null> {
  const index = await readIndex(g, repo);
  const ignore = await loadIgnores(g, repo);
  const scan = await scanWorktree(g, repo, index, ignore, 'all');
  const work = await worktreeSide(g, repo, index, scan);
  const conflicts: Conflicts = { local: [], untracked: [] };
  const updates: { path: string; blob: Blob | null }[] = [];
  const paths = new Set([...from.keys(), ...to.keys()]);
  for (const path of [...paths].sort()) {
    const h = from.get(path);
    const m = to.get(path);
    if (same(h, m)) continue;
    const i = index.get(path);
    const w = work.entries.get(path);
    if (force) {
      updates.push({ path, blob: m ?? null });
      continue;
    }
    if (same(i, m)) {
      // The index already has what the new tree has: keep index and file.
      continue;
    }
    if (i === undefined && h === undefined) {
      // New in the target: an untracked file may be in the way.
      const onDisk = scan.untrackedFiles.includes(path) || (await occupied(g, repo, path));
      if (onDisk && !(await ignore.ignored(path, false))) {
        conflicts.untracked.push(path);
        continue;
      }
      updates.push({ path, blob: m ?? null });
      continue;
    }
    if (!same(i, h)) {
      conflicts.local.push(path);
      continue;
    }
    // Index matches HEAD; the file must match the index too.
    if (!same(w, i) && !(w === undefined && i === undefined)) {
      if (w === undefined && m === undefined) {
        // Deleted locally and gone in the target: nothing to lose.
        updates.push({ path, blob: null });
        continue;
      }
      conflicts.local.push(path);
      continue;
    }
    updates.push({ path, blob: m ?? null });
  }
  if (conflicts.local.length > 0 || conflicts.untracked.length > 0) return conflicts;
  for (const u of updates) {
    await g.sys.checkpoint();
    await writeEntry(g, repo, u.path, u.blob);
  }
  return null;
}

async function occupied(g: Git, repo: Repo, path: string): Promise<boolean> {
  try {
    g.sys.lstat(`${repo.worktree}/${path}`);
    return true;
  } catch (err) {
    rethrowControl(err);
    return false;
  }
}

/** Puts a blob into the work tree and the index at `path` (null removes both). */
export async function writeEntry(g: Git, repo: Repo, path: string, blob: Blob | null): Promise<void> {
  const full = `${repo.worktree}/${path}`;
  if (blob === null) {
    try {
      g.sys.unlink(full);
    } catch (err) {
      if (!(err instanceof FsError && (err.code === 'ENOENT' || err.code === 'ENOTDIR'))) throw err;
    }
    removeEmptyParents(g, repo, path);
    await git.remove({ ...iso(repo), filepath: path });
    return;
  }
  await writeWorkFile(g, repo, path, blob);
  await git.updateIndex({ ...iso(repo), filepath: path, add: true });
}

/** Writes only the work tree copy of a blob (file, executable or symlink). */
export async function writeWorkFile(g: Git, repo: Repo, path: string, blob: Blob): Promise<void> {
  const full = `${repo.worktree}/${path}`;
  makeParents(g, repo, path);
  try {
    const st = g.sys.lstat(full);
    if ((st.mode & S_IFMT) === S_IFDIR) removeTree(g, full);
    else g.sys.unlink(full);
  } catch (err) {
    if (!(err instanceof FsError && err.code === 'ENOENT')) throw err;
  }
  if (blob.mode === 0o160000) {
    g.sys.mkdir(full, 0o777);
    return;
  }
  const data = await readBlob(repo, blob.oid);
  if (blob.mode === 0o120000) {
    g.sys.symlink(new TextDecoder().decode(data), full);
    return;
  }
  await writeFile(g.sys, full, data, blob.mode === 0o100755 ? 0o777 : 0o666);
}

function makeParents(g: Git, repo: Repo, path: string): void {
  const parts = path.split('/');
  let cur = repo.worktree!;
  for (const p of parts.slice(0, -1)) {
    cur += '/' + p;
    try {
      const st = g.sys.lstat(cur);
      if ((st.mode & S_IFMT) !== S_IFDIR) {
        g.sys.unlink(cur);
        g.sys.mkdir(cur, 0o777);
      }
    } catch (err) {
      if (!(err instanceof FsError && err.code === 'ENOENT')) throw err;
      g.sys.mkdir(cur, 0o777);
    }
  }
}

function removeTree(g: Git, dir: string): void {
  for (const name of g.sys.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const p = `${dir}/${name}`;
    if ((g.sys.lstat(p).mode & S_IFMT) === S_IFDIR) removeTree(g, p);
    else g.sys.unlink(p);
  }
  g.sys.rmdir(dir);
}

/** Removes directories left empty by a deletion, up to the top of the work tree. */
export function removeEmptyParents(g: Git, repo: Repo, path: string): void {
  const parts = path.split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    const dir = `${repo.worktree}/${parts.slice(0, i).join('/')}`;
    try {
      g.sys.rmdir(dir);
    } catch (err) {
      rethrowControl(err);
      return;
    }
  }
}

/** Sets index entries to exactly `entries` for the given paths (others untouched). */
export async function setIndexEntries(g: Git, repo: Repo, changes: Map<string, IndexEntry | null>): Promise<void> {
  for (const [path, e] of changes) {
    await g.sys.checkpoint();
    if (e === null) await git.remove({ ...iso(repo), filepath: path });
    else await git.updateIndex({ ...iso(repo), filepath: path, oid: e.oid, mode: e.mode, add: true });
  }
}

/** The error git prints when a switch would lose work; returns the exit status (1). */
export async function reportConflicts(g: Git, c: Conflicts, action = 'checkout'): Promise<number> {
  const advice = g.adviceEnabled('commitBeforeMerge');
  const verb = action === 'checkout' ? 'switch branches' : action;
  if (c.local.length > 0) {
    await g.error(`Your local changes to the following files would be overwritten by ${action}:\n${c.local.map((p) => `\t${p}\n`).join('')}${advice ? `Please commit your changes or stash them before you ${verb}.` : ''}`.replace(/\n$/, ''));
  }
  if (c.untracked.length > 0) {
    await g.error(`The following untracked working tree files would be overwritten by ${action}:\n${c.untracked.map((p) => `\t${p}\n`).join('')}${advice ? `Please move or remove them before you ${verb}.` : ''}`.replace(/\n$/, ''));
  }
  await g.err.write('Aborting\n');
  return 1;
}
