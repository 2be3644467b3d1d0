/**
 * Walking history, as `git log` does: start from some commits, leave out
 * everything reachable from others (`main..feature`, `^main`), newest commit
 * date first (a parent never before its child in a straight line), and —
 * with paths — keep only the commits that changed them.
 *
 * Also the parsing of the arguments that name what to walk: revisions, then
 * paths, separated by "--" when git cannot tell them apart.
 */
import { Exit, rethrowControl, type Git } from './context.ts';
import { parseIdent } from './ident.ts';
import { matchesAny, parsePathspecs, type Pathspec } from './pathspec.ts';
import { peel, resolvePath, resolveRevision } from './refs.ts';
import * as git from './isogit.ts';
import { iso, type Repo } from './repo.ts';
import { readCommit, readHead, readTree, type Commit, type Tree } from './store.ts';

export interface RevArgs {
  include: string[];
  exclude: string[];
  paths: Pathspec[];
  /** Whether any revision was named (else HEAD is implied). */
  named: boolean;
  /** The revisions as given, for `show`. */
  given: { spec: string; oid: string }[];
}

const SEPARATE_HINT = "Use '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'";

function onDisk(g: Git, repo: Repo, arg: string): boolean {
  try {
    g.sys.lstat(arg.startsWith('/') ? arg : `${g.cwd()}/${arg}`);
    return true;
  } catch (err) {
    rethrowControl(err);
    return false;
  }
}

/** Splits arguments into revisions and paths, as setup_revisions does. */
export async function parseRevArgs(g: Git, repo: Repo, args: string[], dashdash: number | null): Promise<RevArgs> {
  const out: RevArgs = { include: [], exclude: [], paths: [], named: false, given: [] };
  const revs = dashdash === null ? args : args.slice(0, dashdash);
  let pathArgs = dashdash === null ? [] : args.slice(dashdash);
  for (let i = 0; i < revs.length; i++) {
    const arg = revs[i]!;
    const ok = await addRevision(g, repo, arg, out);
    if (ok) {
      if (dashdash === null && onDisk(g, repo, arg) && repo.worktree) {
        return g.die(`ambiguous argument '${arg}': both revision and filename\n${SEPARATE_HINT}`);
      }
      continue;
    }
    if (arg.includes(':') && !arg.startsWith(':/')) {
      const colon = arg.indexOf(':');
      const p = await resolvePath(g, repo, arg.slice(0, colon), arg.slice(colon + 1));
      if (p && 'error' in p) return g.die(p.error);
    }
    if (dashdash !== null) return dieUnknownRevision(g, arg, true);
    // Not a revision: from here on everything must be a path in the work tree.
    for (const p of revs.slice(i)) if (!onDisk(g, repo, p) && !p.startsWith(':/') && !/[*?[]/.test(p)) return dieUnknownRevision(g, p, false);
    pathArgs = revs.slice(i);
    break;
  }
  if (repo.worktree) out.paths = await parsePathspecs(g, repo, pathArgs);
  return out;
}

async function dieUnknownRevision(g: Git, arg: string, afterDashdash: boolean): Promise<never> {
  if (afterDashdash) return g.die(`bad revision '${arg}'`);
  return g.die(`ambiguous argument '${arg}': unknown revision or path not in the working tree.\n${SEPARATE_HINT}`);
}

async function toCommit(g: Git, repo: Repo, spec: string): Promise<string | null> {
  const r = await resolveRevision(g, repo, spec);
  if (!r) return null;
  return peel(repo, r.oid, 'commit');
}

async function addRevision(g: Git, repo: Repo, arg: string, out: RevArgs): Promise<boolean> {
  const dots = arg.indexOf('..');
  if (dots >= 0 && !arg.startsWith('-')) {
    const symmetric = arg.slice(dots, dots + 3) === '...';
    const a = arg.slice(0, dots) || 'HEAD';
    const b = arg.slice(dots + (symmetric ? 3 : 2)) || 'HEAD';
    const left = await toCommit(g, repo, a);
    const right = await toCommit(g, repo, b);
    if (!left || !right) return false;
    out.named = true;
    if (symmetric) {
      // Commits on either side but not both: exclude the merge bases.
      out.include.push(left, right);
      for (const base of await git.findMergeBase({ ...iso(repo), oids: [left, right] })) out.exclude.push(base as string);
    } else {
      out.exclude.push(left);
      out.include.push(right);
    }
    return true;
  }
  if (arg.startsWith('^') && arg.length > 1) {
    const oid = await toCommit(g, repo, arg.slice(1));
    if (!oid) return false;
    out.exclude.push(oid);
    out.named = true;
    return true;
  }
  if (arg.startsWith('-')) return false;
  const r = await resolveRevision(g, repo, arg);
  if (!r) return false;
  out.given.push({ spec: arg, oid: r.oid });
  const commitOid = await peel(repo, r.oid, 'commit');
  if (commitOid) out.include.push(commitOid);
  out.named = true;
  return true;
}

/** The default revision (HEAD), or git's complaint on an unborn branch. */
export async function headOrDie(g: Git, repo: Repo): Promise<string> {
  const head = await readHead(g, repo);
  if (head.oid) return head.oid;
  if (head.kind === 'branch') return g.die(`your current branch '${head.name}' does not have any commits yet`);
  throw new Exit(128);
}

export interface WalkOptions {
  include: string[];
  exclude: string[];
  paths?: Pathspec[];
  maxCount?: number;
  skip?: number;
  firstParent?: boolean;
  reverse?: boolean;
  /** Extra per-commit filter (--author, --grep). */
  filter?: (c: Commit) => boolean;
}

/** The commits to show, in order. */
export async function walk(g: Git, repo: Repo, opts: WalkOptions): Promise<Commit[]> {
  const cache = new Map<string, Commit>();
  const get = async (oid: string) => {
    let c = cache.get(oid);
    if (!c) cache.set(oid, (c = await readCommit(repo, oid)));
    return c;
  };
  const date = (c: Commit) => parseIdent(c.committer).date.seconds;

  // Everything reachable from the excluded commits.
  const hidden = new Set<string>();
  const stack = [...opts.exclude];
  while (stack.length > 0) {
    const oid = stack.pop()!;
    if (hidden.has(oid)) continue;
    hidden.add(oid);
    await g.sys.checkpoint();
    stack.push(...(await get(oid)).parents);
  }

  const trees = new Map<string, Tree>();
  const treeOf = async (oid: string) => {
    let t = trees.get(oid);
    if (!t) trees.set(oid, (t = await readTree(g, repo, oid)));
    return t;
  };
  const paths = opts.paths && opts.paths.length > 0 ? opts.paths : null;
  /** Whether the commit's tree equals the parent's for the paths (TREESAME). */
  const sameFor = async (c: Commit, parent: string | null) => {
    const a = parent ? await treeOf((await get(parent)).tree) : new Map();
    const b = await treeOf(c.tree);
    const keys = new Set([...a.keys(), ...b.keys()]);
    for (const k of keys) {
      if (!matchesAny(paths!, k)) continue;
      const x = a.get(k);
      const y = b.get(k);
      if (!x || !y || x.oid !== y.oid || x.mode !== y.mode) return false;
    }
    return true;
  };

  // Newest first; equal dates in the order found.
  const queue: { c: Commit; n: number }[] = [];
  let counter = 0;
  const seen = new Set<string>();
  const push = async (oid: string) => {
    if (seen.has(oid) || hidden.has(oid)) return;
    seen.add(oid);
    const c = await get(oid);
    const entry = { c, n: counter++ };
    let i = queue.length;
    while (i > 0 && (date(queue[i - 1]!.c) < date(c) || (date(queue[i - 1]!.c) === date(c) && queue[i - 1]!.n > entry.n))) i--;
    queue.splice(i, 0, entry);
  };
  for (const oid of opts.include) await push(oid);

  const out: Commit[] = [];
  let skipped = 0;
  while (queue.length > 0) {
    await g.sys.checkpoint();
    const { c } = queue.shift()!;
    let parents = opts.firstParent ? c.parents.slice(0, 1) : c.parents;
    let show = true;
    if (paths) {
      if (parents.length === 0) show = !(await sameFor(c, null));
      else {
        // Follow a parent the commit is TREESAME to, and skip the commit.
        let same: string | undefined;
        for (const p of parents) if (await sameFor(c, p)) {
          same = p;
          break;
        }
        if (same !== undefined) {
          show = false;
          parents = [same];
        }
      }
    }
    for (const p of parents) await push(p);
    if (!show || (opts.filter && !opts.filter(c))) continue;
    if (opts.skip && skipped < opts.skip) {
      skipped++;
      continue;
    }
    out.push(c);
    if (opts.maxCount !== undefined && !opts.reverse && out.length >= opts.maxCount) break;
  }
  if (opts.reverse) {
    const limited = opts.maxCount !== undefined ? out.slice(0, opts.maxCount) : out;
    return limited.reverse();
  }
  return out;
}
