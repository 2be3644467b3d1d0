/**
 * The work tree as git sees it: every file that is tracked or could be, and
 * the comparison of HEAD, the index and the files that `status`, `commit`,
 * `diff` and `add` are built on.
 *
 * Untracked directories are reported as one "dir/" entry (unless every file
 * is wanted), ignored files not at all, and nothing inside `.git` or inside
 * another repository is looked at.
 */
import { S_IFMT, S_IFDIR, S_IFLNK, S_IFREG, type Stat } from '../../fs/types.ts';
import { rethrowControl, type Git } from './context.ts';
import { diffSides, type FilePair, type Side } from './diffcore.ts';
import { IgnoreRules } from './ignore.ts';
import type { Repo } from './repo.ts';
import { hashBlob, indexMtime, modeOfStat, readBlob, readHead, readIndex, readTree, statMatches, workContent, type Blob, type Head, type IndexEntry, type Tree } from './store.ts';
import { readCommit } from './store.ts';

export interface WorkFile {
  path: string;
  stat: Stat;
  mode: number;
}

export type UntrackedMode = 'no' | 'normal' | 'all';

export interface Scan {
  /** Files on disk that are tracked (in the index), by path. */
  tracked: Map<string, WorkFile>;
  /** Untracked, not ignored paths, sorted; directories end in "/" (mode "normal"). */
  untracked: string[];
  /** Every untracked, not ignored file (directories expanded), sorted. */
  untrackedFiles: string[];
}

export async function loadIgnores(g: Git, repo: Repo): Promise<IgnoreRules> {
  return IgnoreRules.load(g.sys, repo.worktree!, repo.gitdir, g.config.get('core.excludesfile'), g.getenv('HOME'), g.getenv('XDG_CONFIG_HOME'));
}

function lstat(g: Git, path: string): Stat | null {
  try {
    return g.sys.lstat(path);
  } catch (err) {
    rethrowControl(err);
    return null;
  }
}

/** Walks the work tree. `index` names the tracked paths. */
export async function scanWorktree(g: Git, repo: Repo, index: Map<string, unknown>, ignore: IgnoreRules, mode: UntrackedMode): Promise<Scan> {
  const top = repo.worktree!;
  const trackedDirs = new Set<string>();
  for (const path of index.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) trackedDirs.add(parts.slice(0, i).join('/'));
  }
  const tracked = new Map<string, WorkFile>();
  const untracked: string[] = [];
  const untrackedFiles: string[] = [];

  // Every untracked, not ignored file below `dir` (for collapsing a directory).
  const untrackedBelow = async (dir: string): Promise<string[]> => {
    const found: string[] = [];
    let names: string[];
    try {
      names = g.sys.readdir(`${top}/${dir}`).filter((n) => n !== '.' && n !== '..');
    } catch (err) {
      rethrowControl(err);
      return found;
    }
    for (const name of names.sort()) {
      await g.sys.checkpoint();
      if (name === '.git') continue;
      const path = `${dir}/${name}`;
      const st = lstat(g, `${top}/${path}`);
      if (!st) continue;
      const kind = st.mode & S_IFMT;
      if (kind === S_IFDIR) {
        if (await ignore.matches(path, true)) continue;
        if (lstat(g, `${top}/${path}/.git`)) {
          found.push(`${path}/`);
          continue;
        }
        found.push(...(await untrackedBelow(path)));
      } else if (kind === S_IFREG || kind === S_IFLNK) {
        if (!(await ignore.matches(path, false))) found.push(path);
      }
    }
    return found;
  };

  const walk = async (dir: string) => {
    let names: string[];
    try {
      names = g.sys.readdir(dir === '' ? top : `${top}/${dir}`).filter((n) => n !== '.' && n !== '..');
    } catch (err) {
      rethrowControl(err);
      return;
    }
    for (const name of names.sort()) {
      await g.sys.checkpoint();
      if (name === '.git') continue;
      const path = dir === '' ? name : `${dir}/${name}`;
      const st = lstat(g, `${top}/${path}`);
      if (!st) continue;
      const kind = st.mode & S_IFMT;
      if (kind === S_IFDIR) {
        if (trackedDirs.has(path)) {
          await walk(path);
          continue;
        }
        if (index.has(path)) continue; // a tracked file became a directory: it reads as deleted
        if (mode === 'no' || (await ignore.matches(path, true))) continue;
        if (lstat(g, `${top}/${path}/.git`)) {
          // Another repository: git never looks inside.
          untracked.push(`${path}/`);
          untrackedFiles.push(`${path}/`);
          continue;
        }
        const below = await untrackedBelow(path);
        if (below.length === 0) continue;
        untrackedFiles.push(...below);
        if (mode === 'all') untracked.push(...below);
        else untracked.push(`${path}/`);
      } else if (kind === S_IFREG || kind === S_IFLNK) {
        if (index.has(path)) tracked.set(path, { path, stat: st, mode: modeOfStat(st) });
        else if (mode !== 'no' && !(await ignore.matches(path, false))) {
          untracked.push(path);
          untrackedFiles.push(path);
        }
      }
    }
  };
  await walk('');
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { tracked, untracked: untracked.sort(order), untrackedFiles: untrackedFiles.sort(order) };
}

/** The work tree's side of a comparison with the index: oids from the index where stat data says nothing changed. */
export async function worktreeSide(g: Git, repo: Repo, index: Map<string, IndexEntry>, scan: Scan): Promise<Side> {
  const entries = new Map<string, Blob>();
  const mtime = indexMtime(g, repo);
  const contents = new Map<string, Uint8Array>();
  for (const [path, file] of scan.tracked) {
    await g.sys.checkpoint();
    const entry = index.get(path);
    if (entry && entry.mode === 0o160000) {
      entries.set(path, { mode: entry.mode, oid: entry.oid });
      continue;
    }
    if (entry && statMatches(entry, file.stat, mtime)) {
      entries.set(path, { mode: file.mode, oid: entry.oid });
      continue;
    }
    const data = await workContent(g, repo, path, file.stat);
    contents.set(path, data);
    entries.set(path, { mode: file.mode, oid: await hashBlob(data) });
  }
  return {
    entries,
    load: async (path) => contents.get(path) ?? workContent(g, repo, path, scan.tracked.get(path)!.stat),
  };
}

export function objectSide(repo: Repo, entries: Map<string, Blob>): Side {
  return { entries, load: (path) => readBlob(repo, entries.get(path)!.oid) };
}

export interface Snapshot {
  head: Head;
  headTree: Tree;
  index: Map<string, IndexEntry>;
}

/** HEAD's tree and the index. */
export async function snapshot(g: Git, repo: Repo): Promise<Snapshot> {
  const head = await readHead(g, repo);
  const headTree = head.oid ? await readTree(g, repo, (await readCommit(repo, head.oid)).tree) : new Map();
  return { head, headTree, index: await readIndex(g, repo) };
}

export interface Status extends Snapshot {
  /** HEAD → index, with renames. */
  staged: FilePair[];
  /** Index → work tree. */
  unstaged: FilePair[];
  scan: Scan;
}

export async function collectStatus(g: Git, repo: Repo, untrackedMode: UntrackedMode, filter?: (path: string) => boolean): Promise<Status> {
  const snap = await snapshot(g, repo);
  const renames = g.config.get('status.renames') ?? g.config.get('diff.renames');
  const staged = await diffSides(objectSide(repo, snap.headTree), objectSide(repo, snap.index), { renames: renames === undefined || renames.toLowerCase() !== 'false', filter, checkpoint: () => g.sys.checkpoint() });
  const ignore = await loadIgnores(g, repo);
  const scan = await scanWorktree(g, repo, snap.index, ignore, untrackedMode);
  const work = await worktreeSide(g, repo, snap.index, scan);
  const unstaged = await diffSides(objectSide(repo, snap.index), work, { filter });
  if (filter) {
    scan.untracked = scan.untracked.filter(filter);
    scan.untrackedFiles = scan.untrackedFiles.filter(filter);
  }
  return { ...snap, staged, unstaged, scan };
}
