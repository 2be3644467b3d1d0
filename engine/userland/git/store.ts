/**
 * The three trees git compares, read through isomorphic-git:
 * - a commit's tree (HEAD), flattened to path → {mode, oid};
 * - the index (the staging area), with the stat data git keeps to tell
 *   quickly whether a file changed;
 * - the work tree, whose files are hashed only when their stat data no
 *   longer matches the index (git's "racy" rule: a file modified in the same
 *   instant the index was written is always re-read).
 */
import { fromUtf8, utf8 } from '../../common/bytes.ts';
import { S_IFMT, S_IFLNK, S_IFREG, type Stat } from '../../fs/types.ts';
import { readFile } from '../lib/io.ts';
import { rethrowControl, type Git } from './context.ts';
import * as git from './isogit.ts';
import { iso, type Repo } from './repo.ts';

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export interface Blob {
  /** 0o100644, 0o100755, 0o120000 (symlink) or 0o160000 (submodule). */
  mode: number;
  oid: string;
}

export type Tree = Map<string, Blob>;

export interface IndexEntry extends Blob {
  /** Stat data recorded when the entry was written (seconds and nanoseconds). */
  stat?: { mtimeSeconds: number; mtimeNanoseconds: number; size: number; ino: number; mode: number };
}

/** Flattens a tree object recursively; paths use "/" and sort as git sorts them. */
export async function readTree(g: Git, repo: Repo, treeOid: string | null): Promise<Tree> {
  const out: Tree = new Map();
  if (treeOid === null || treeOid === EMPTY_TREE) return out;
  const walk = async (oid: string, prefix: string) => {
    const { tree } = await git.readTree({ ...iso(repo), oid });
    for (const e of tree) {
      await g.sys.checkpoint();
      const mode = parseInt(e.mode, 8);
      if (e.type === 'tree') await walk(e.oid, `${prefix}${e.path}/`);
      else out.set(`${prefix}${e.path}`, { mode, oid: e.oid });
    }
  };
  await walk(treeOid, '');
  return out;
}

/** The entries of the index, by path. */
export async function readIndex(g: Git, repo: Repo): Promise<Map<string, IndexEntry>> {
  const out = new Map<string, IndexEntry>();
  try {
    g.sys.stat(`${repo.gitdir}/index`);
  } catch (err) {
    rethrowControl(err);
    return out;
  }
  await git.walk({
    ...iso(repo),
    trees: [git.STAGE()],
    map: async (path, [entry]) => {
      await g.sys.checkpoint();
      if (!entry || path === '.') return true;
      if ((await entry.type()) !== 'blob' && (await entry.type()) !== 'commit') return true;
      const stat = (await entry.stat()) as unknown as IndexEntry['stat'];
      out.set(path, { mode: await entry.mode(), oid: await entry.oid(), stat });
      return true;
    },
  });
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}


/** The git mode of a file on disk (git only keeps the owner's execute bit). */
export function modeOfStat(st: Stat): number {
  const kind = st.mode & S_IFMT;
  if (kind === S_IFLNK) return 0o120000;
  if (kind === S_IFREG) return st.mode & 0o100 ? 0o100755 : 0o100644;
  return 0;
}

/** A file's content as git stores it: its bytes, or a symlink's target. */
export async function workContent(g: Git, repo: Repo, path: string, st: Stat): Promise<Uint8Array> {
  const full = `${repo.worktree}/${path}`;
  if ((st.mode & S_IFMT) === S_IFLNK) return utf8(g.sys.readlink(full));
  return readFile(g.sys, full);
}

export async function hashBlob(content: Uint8Array): Promise<string> {
  return (await git.hashBlob({ object: content })).oid;
}

export async function readBlob(repo: Repo, oid: string): Promise<Uint8Array> {
  return (await git.readBlob({ ...iso(repo), oid })).blob;
}


/** Seconds and nanoseconds of a millisecond time, as isomorphic-git records them in the index. */
function secNano(ms: number): [number, number] {
  const s = Math.floor(ms / 1000);
  return [s, Math.floor((ms - s * 1000) * 1000000)];
}

/**
 * Whether the index entry's stat data still describes the file, so that its
 * recorded oid can be trusted without reading the file. A file changed at or
 * after the moment the index was written is never trusted.
 */
export function statMatches(entry: IndexEntry, st: Stat, indexMtimeMs: number): boolean {
  const s = entry.stat;
  if (!s) return false;
  const [sec, nano] = secNano(st.mtimeMs);
  if (s.size !== st.size || s.mtimeSeconds !== sec || s.mtimeNanoseconds !== nano || s.ino !== st.ino % 2 ** 32) return false;
  if (modeOfStat(st) !== entry.mode) return false;
  return st.mtimeMs < indexMtimeMs;
}

export function indexMtime(g: Git, repo: Repo): number {
  try {
    return g.sys.stat(`${repo.gitdir}/index`).mtimeMs;
  } catch (err) {
    rethrowControl(err);
    return 0;
  }
}

// ---- refs -------------------------------------------------------------------

export type Head = { kind: 'branch'; ref: string; name: string; oid: string | null } | { kind: 'detached'; oid: string };

/** Where HEAD points: a branch (perhaps still unborn) or a commit. */
export async function readHead(g: Git, repo: Repo): Promise<Head> {
  const text = fromUtf8(await readFile(g.sys, `${repo.gitdir}/HEAD`)).trim();
  if (text.startsWith('ref: ')) {
    const ref = text.slice(5).trim();
    const name = ref.startsWith('refs/heads/') ? ref.slice(11) : ref;
    return { kind: 'branch', ref, name, oid: await resolveRefOid(repo, ref) };
  }
  return { kind: 'detached', oid: text };
}

export async function resolveRefOid(repo: Repo, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ ...iso(repo), ref });
  } catch (err) {
    rethrowControl(err);
    return null;
  }
}


/** Reads a commit's raw fields. */
export interface Commit {
  oid: string;
  tree: string;
  parents: string[];
  author: string;
  committer: string;
  /** Other header lines (gpgsig, encoding…), verbatim. */
  extra: string[];
  /** The message exactly as stored (usually ending in "\n"). */
  message: string;
}

export async function readCommit(repo: Repo, oid: string): Promise<Commit> {
  const { object, type } = await git.readObject({ ...iso(repo), oid, format: 'content' });
  if (type !== 'commit') throw new NotACommit(oid, type);
  const text = fromUtf8(object as Uint8Array);
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const message = split < 0 ? '' : text.slice(split + 2);
  const c: Commit = { oid, tree: '', parents: [], author: '', committer: '', extra: [], message };
  const lines = head.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const sp = line.indexOf(' ');
    const key = line.slice(0, sp);
    const value = line.slice(sp + 1);
    if (key === 'tree') c.tree = value;
    else if (key === 'parent') c.parents.push(value);
    else if (key === 'author') c.author = value;
    else if (key === 'committer') c.committer = value;
    else c.extra.push(line);
  }
  return c;
}

export class NotACommit extends Error {
  constructor(
    readonly oid: string,
    readonly type: string,
  ) {
    super(`${oid} is a ${type}, not a commit`);
  }
}

/** Object type of an oid, or null when it does not exist. */
export async function objectType(repo: Repo, oid: string): Promise<string | null> {
  try {
    return (await git.readObject({ ...iso(repo), oid, format: 'content' })).type;
  } catch (err) {
    rethrowControl(err);
    return null;
  }
}

/** Writes a raw commit (the caller formats it, so the bytes are exactly git's). */
export async function writeCommit(repo: Repo, text: string): Promise<string> {
  return git.writeObject({ ...iso(repo), type: 'commit', object: utf8(text), format: 'content' });
}

/** Builds tree objects for a flat list of index entries; returns the root tree's oid. */
export async function writeTreeFromIndex(g: Git, repo: Repo, entries: Map<string, IndexEntry>): Promise<string> {
  interface Dir {
    files: { path: string; mode: string; oid: string; type: 'blob' | 'tree' | 'commit' }[];
    dirs: Map<string, Dir>;
  }
  const root: Dir = { files: [], dirs: new Map() };
  for (const [path, e] of entries) {
    const parts = path.split('/');
    let d = root;
    for (const p of parts.slice(0, -1)) {
      let next = d.dirs.get(p);
      if (!next) d.dirs.set(p, (next = { files: [], dirs: new Map() }));
      d = next;
    }
    d.files.push({ path: parts[parts.length - 1]!, mode: e.mode.toString(8).padStart(6, '0'), oid: e.oid, type: e.mode === 0o160000 ? 'commit' : 'blob' });
  }
  const write = async (d: Dir): Promise<string> => {
    await g.sys.checkpoint();
    const tree = [...d.files];
    for (const [name, sub] of d.dirs) tree.push({ path: name, mode: '040000', oid: await write(sub), type: 'tree' });
    return git.writeTree({ ...iso(repo), tree });
  };
  return write(root);
}
