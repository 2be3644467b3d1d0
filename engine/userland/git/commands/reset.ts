/**
 * `git reset`: move the current branch, and make the index (and with
 * --hard the work tree) match.
 *
 *     git reset                  unstage everything (index from HEAD)
 *     git reset a.txt            unstage one file
 *     git reset --soft HEAD~1    undo the last commit, keep it staged
 *     git reset --hard HEAD~1    …and throw its changes away
 */
import type { Git } from '../context.ts';
import { diffSides } from '../diffcore.ts';
import { looseIdent } from '../ident.ts';
import { subjectOf } from '../message.ts';
import { matchesAny, parsePathspecs } from '../pathspec.ts';
import { detachHead, peel, resolveRevision, updateRef } from '../refs.ts';
import type { Repo } from '../repo.ts';
import { readCommit, readHead, readIndex, readTree, type IndexEntry } from '../store.ts';
import { setIndexEntries, writeEntry } from '../switchtree.ts';
import { USAGE } from '../usage.ts';
import { writeFile } from '../../lib/io.ts';
import { loadIgnores, objectSide, scanWorktree, worktreeSide } from '../worktree.ts';
import { abbrev, parse, type Command } from './command.ts';

/** Index and work tree exactly as `tree` has them (untracked files stay). */
export async function hardReset(g: Git, repo: Repo, tree: Map<string, IndexEntry>): Promise<void> {
  const index = await readIndex(g, repo);
  const scan = await scanWorktree(g, repo, index, await loadIgnores(g, repo), 'no');
  const work = await worktreeSide(g, repo, index, scan);
  for (const path of [...new Set([...index.keys(), ...tree.keys()])].sort()) {
    await g.sys.checkpoint();
    const want = tree.get(path);
    const i = index.get(path);
    const w = work.entries.get(path);
    if (!want) {
      if (i || w) await writeEntry(g, repo, path, null);
      continue;
    }
    const same = (x: { oid: string; mode: number } | undefined) => x !== undefined && x.oid === want.oid && x.mode === want.mode;
    if (!same(i) || !same(w)) await writeEntry(g, repo, path, want);
  }
}

/** "Unstaged changes after reset:" and the files that differ from the index. */
async function unstagedReport(g: Git, repo: Repo): Promise<void> {
  const index = await readIndex(g, repo);
  const scan = await scanWorktree(g, repo, index, await loadIgnores(g, repo), 'no');
  const pairs = await diffSides(objectSide(repo, index), await worktreeSide(g, repo, index, scan), {});
  if (pairs.length === 0) return;
  await g.out.write(`Unstaged changes after reset:\n${pairs.map((p) => `${p.status}\t${p.newPath}\n`).join('')}`);
}

export const reset: Command = {
  setup: 'repo',
  usage: USAGE.reset,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'quiet', short: 'q', long: 'quiet' },
        { id: 'mixed', long: 'mixed' },
        { id: 'soft', long: 'soft' },
        { id: 'hard', long: 'hard' },
        { id: 'merge', long: 'merge' },
        { id: 'keep', long: 'keep' },
        { id: 'patch', short: 'p', long: 'patch' },
        { id: 'no-refresh', long: 'no-refresh' },
        { id: 'intent-to-add', short: 'N', long: 'intent-to-add' },
      ],
      USAGE.reset,
    );
    const r = repo!;
    for (const unsupported of ['merge', 'keep', 'patch', 'intent-to-add']) if (o.flag(unsupported)) return g.die(`git reset --${unsupported} is not supported by Berth's git`);
    const modes = (['mixed', 'soft', 'hard'] as const).filter((m) => o.flag(m));
    if (modes.length > 1) return g.die(`options '--${modes[0]}' and '--${modes[1]}' cannot be used together`);
    const mode = modes[0] ?? 'mixed';
    const quiet = o.flag('quiet');
    const head = await readHead(g, r);

    // The first argument is a commit if it names one (and is not after "--").
    let rev = 'HEAD';
    let pathArgs = o.args;
    const first = o.dashdash === 0 ? undefined : o.args[0];
    if (first !== undefined) {
      const resolved = await resolveRevision(g, r, first);
      if (resolved) {
        rev = first;
        pathArgs = o.args.slice(1);
      } else if (o.dashdash !== null) return g.die(`Failed to resolve '${first}' as a valid revision.`);
      else {
        const { parseRevArgs } = await import('../revwalk.ts');
        await parseRevArgs(g, r, o.args, null);
      }
    }
    let oid: string | null = null;
    const resolved = await resolveRevision(g, r, rev);
    if (resolved) oid = await peel(r, resolved.oid, 'commit');
    else if (rev !== 'HEAD' || head.oid !== null) return g.die(`Failed to resolve '${rev}' as a valid revision.`);
    const tree = oid ? await readTree(g, r, (await readCommit(r, oid)).tree) : new Map();

    if (pathArgs.length > 0) {
      if (mode !== 'mixed' || o.flag('soft') || o.flag('hard')) return g.die(`Cannot do ${mode} reset with paths.`);
      const specs = await parsePathspecs(g, r, pathArgs);
      const index = await readIndex(g, r);
      const changes = new Map<string, IndexEntry | null>();
      for (const path of new Set([...index.keys(), ...tree.keys()])) {
        if (!matchesAny(specs, path)) continue;
        const want = tree.get(path);
        const have = index.get(path);
        if (want && (!have || have.oid !== want.oid || have.mode !== want.mode)) changes.set(path, want);
        else if (!want && have) changes.set(path, null);
      }
      await setIndexEntries(g, r, changes);
      if (!quiet && r.worktree) await unstagedReport(g, r);
      return 0;
    }

    if (mode === 'hard') {
      if (!r.worktree) return g.die('hard reset requires a work tree');
      await hardReset(g, r, tree);
    } else if (mode === 'mixed') {
      const index = await readIndex(g, r);
      const changes = new Map<string, IndexEntry | null>();
      for (const path of new Set([...index.keys(), ...tree.keys()])) {
        const want = tree.get(path);
        const have = index.get(path);
        if (want && (!have || have.oid !== want.oid || have.mode !== want.mode)) changes.set(path, want);
        else if (!want && have) changes.set(path, null);
      }
      await setIndexEntries(g, r, changes);
    }
    if (oid && oid !== head.oid) {
      const who = await looseIdent(g, 'committer', g.sys.now());
      if (head.oid) await writeFile(g.sys, `${r.gitdir}/ORIG_HEAD`, `${head.oid}\n`);
      const message = `reset: moving to ${rev}`;
      if (head.kind === 'branch') await updateRef(g, r, head.ref, oid, head.oid, who, message);
      else await detachHead(g, r, oid, head.oid, who, message);
    }
    if (mode === 'hard') {
      if (!quiet && oid) await g.out.write(`HEAD is now at ${abbrev(g, oid)} ${subjectOf((await readCommit(r, oid)).message)}\n`);
    } else if (mode === 'mixed' && !quiet && r.worktree) await unstagedReport(g, r);
    return 0;
  },
};

