/**
 * `git add <pathspec>...`: stage files — their current content goes into the
 * index, which is what the next commit will hold.
 *
 *     git add hello.txt      one file
 *     git add .              everything under the current directory
 *     git add -A             everything in the work tree, deletions included
 *     git add -u             only files git already tracks
 *
 * Like git 2.x, a pathspec also stages deletions of the tracked files it
 * covers. Ignored files are skipped, and naming one explicitly is an error
 * unless -f is given.
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { rethrowControl, type Git } from '../context.ts';
import * as git from '../isogit.ts';
import { matches, parsePathspecs, type Pathspec } from '../pathspec.ts';
import { iso, type Repo } from '../repo.ts';
import { readIndex } from '../store.ts';
import { USAGE } from '../usage.ts';
import { loadIgnores, scanWorktree, worktreeSide } from '../worktree.ts';
import { parse, type Command } from './command.ts';

export const add: Command = {
  setup: 'worktree',
  usage: USAGE.add,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'dry-run', short: 'n', long: 'dry-run' },
        { id: 'verbose', short: 'v', long: 'verbose' },
        { id: 'force', short: 'f', long: 'force' },
        { id: 'update', short: 'u', long: 'update' },
        { id: 'all', short: 'A', long: 'all' },
        { id: 'ignore-removal', long: 'ignore-removal' },
        { id: 'intent-to-add', short: 'N', long: 'intent-to-add' },
        { id: 'refresh', long: 'refresh' },
        { id: 'ignore-errors', long: 'ignore-errors' },
        { id: 'ignore-missing', long: 'ignore-missing' },
        { id: 'sparse', long: 'sparse' },
        { id: 'chmod', long: 'chmod', arg: 'required' },
        { id: 'interactive', short: 'i', long: 'interactive' },
        { id: 'patch', short: 'p', long: 'patch' },
        { id: 'edit', short: 'e', long: 'edit' },
        { id: 'renormalize', long: 'renormalize' },
        { id: 'pathspec-from-file', long: 'pathspec-from-file', arg: 'required' },
      ],
      USAGE.add,
    );
    for (const unsupported of ['interactive', 'patch', 'edit', 'intent-to-add', 'pathspec-from-file']) {
      if (o.flag(unsupported)) return g.die(`git add --${unsupported} is not supported by Berth's git`);
    }
    if (o.flag('all') && o.flag('update')) return g.die("options '-A' and '-u' cannot be used together");
    const r = repo!;
    const chmod = o.str('chmod');
    if (chmod !== undefined && chmod !== '+x' && chmod !== '-x') return g.die(`--chmod param '${chmod}' must be either -x or +x`);

    if (o.args.length === 0 && !o.flag('all') && !o.flag('update')) {
      await g.err.write('Nothing specified, nothing added.\n');
      await g.adviseIfEnabled('addEmptyPathspec', "Maybe you wanted to say 'git add .'?");
      return 0;
    }
    const specs = o.args.length > 0 ? await parsePathspecs(g, r, o.args) : await parsePathspecs(g, r, [':/']);
    const result = await stage(g, r, specs, {
      tracked: true,
      untracked: !o.flag('update'),
      removals: o.flag('update') || !o.flag('ignore-removal'),
      force: o.flag('force'),
      dryRun: o.flag('dry-run'),
      verbose: o.flag('verbose') || o.flag('dry-run'),
      ignoreMissing: o.flag('ignore-missing'),
      chmod,
    });
    return result;
  },
};

export interface StageOptions {
  /** Re-add tracked files that changed. */
  tracked: boolean;
  /** Add untracked files. */
  untracked: boolean;
  /** Stage the deletion of tracked files that are gone. */
  removals: boolean;
  force: boolean;
  dryRun: boolean;
  verbose: boolean;
  ignoreMissing?: boolean;
  chmod?: string;
  /** Die on a pathspec matching nothing (git add does; commit -a has none). */
  checkUnmatched?: boolean;
}

/** Updates the index from the work tree for the pathspecs; returns the exit status. */
export async function stage(g: Git, repo: Repo, specs: Pathspec[], opts: StageOptions): Promise<number> {
  const index = await readIndex(g, repo);
  const ignore = await loadIgnores(g, repo);
  const scan = await scanWorktree(g, repo, index, ignore, 'all');
  const matched = new Set<Pathspec>();
  const select = (path: string) => {
    let hit = false;
    for (const ps of specs) {
      if (matches(ps, path)) {
        matched.add(ps);
        hit = true;
      }
    }
    return hit;
  };

  // What changed among tracked files.
  const work = await worktreeSide(g, repo, index, scan);
  const toAdd: string[] = [];
  const toRemove: string[] = [];
  for (const [path, entry] of index) {
    if (!select(path)) continue;
    const w = work.entries.get(path);
    if (!w) {
      if (opts.removals) toRemove.push(path);
      continue;
    }
    if (opts.tracked && (w.oid !== entry.oid || w.mode !== entry.mode || opts.chmod)) toAdd.push(path);
  }
  if (opts.untracked) for (const path of scan.untrackedFiles) if (!path.endsWith('/') && select(path)) toAdd.push(path);

  // Ignored paths named explicitly (the path itself, or a directory the pathspec lies in).
  const ignoredHits: string[] = [];
  if (opts.untracked) {
    for (const ps of specs) {
      if (ps.path === '' || ps.pattern) continue;
      const parts = ps.path.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join('/');
        if (index.has(prefix)) break;
        let isDir = false;
        try {
          isDir = (g.sys.lstat(`${repo.worktree}/${prefix}`).mode & 0o170000) === 0o040000;
        } catch (err) {
          rethrowControl(err);
          break;
        }
        if ([...index.keys()].some((p) => p.startsWith(prefix + '/'))) continue;
        if (await ignore.matches(prefix, isDir)) {
          if (opts.force) {
            const below = isDir ? await allFilesBelow(g, repo, prefix) : [prefix];
            for (const f of below) if (matches(ps, f) && !toAdd.includes(f)) toAdd.push(f);
            matched.add(ps);
          } else if (!ignoredHits.includes(prefix)) ignoredHits.push(prefix);
          break;
        }
      }
    }
  }

  if (opts.checkUnmatched !== false) {
    for (const ps of specs) {
      if (matched.has(ps) || ps.path === '') continue;
      let onDisk = false;
      try {
        g.sys.lstat(`${repo.worktree}/${ps.path}`);
        onDisk = true;
      } catch (err) {
        rethrowControl(err);
      }
      if (ps.pattern || !onDisk) {
        if (opts.ignoreMissing && opts.dryRun) continue;
        return g.die(`pathspec '${ps.raw}' did not match any files`);
      }
    }
  }

  toAdd.sort();
  let out = '';
  for (const p of toRemove) if (opts.verbose) out += `remove '${p}'\n`;
  for (const p of toAdd) if (opts.verbose) out += `add '${p}'\n`;
  if (!opts.dryRun) {
    // git reads every file before it writes the index: one it may not read stops it all.
    for (const p of toAdd) {
      try {
        const st = g.sys.lstat(`${repo.worktree}/${p}`);
        if ((st.mode & 0o170000) === 0o100000) g.sys.access(`${repo.worktree}/${p}`, 4);
      } catch (err) {
        rethrowControl(err);
        if (err instanceof FsError) {
          await g.error(`open("${p}"): ${strerror(err.code)}`);
          await g.error(`unable to index file '${p}'`);
          return g.die('adding files failed');
        }
        throw err;
      }
    }
    const args = iso(repo);
    for (const p of toRemove) await git.remove({ ...args, filepath: p });
    if (toAdd.length > 0) await git.add({ ...args, filepath: toAdd, force: true });
    if (opts.chmod) {
      const wanted = opts.chmod === '+x' ? 0o100755 : 0o100644;
      const fresh = await readIndex(g, repo);
      for (const [path, e] of fresh) {
        if (!specs.some((ps) => matches(ps, path)) || (e.mode !== 0o100644 && e.mode !== 0o100755)) continue;
        if (e.mode !== wanted) await git.updateIndex({ ...args, filepath: path, oid: e.oid, mode: wanted });
      }
    }
  }
  await g.out.write(out);

  if (ignoredHits.length > 0) {
    await g.out.flush();
    await g.err.write(`The following paths are ignored by one of your .gitignore files:\n${ignoredHits.join('\n')}\n`);
    await g.adviseIfEnabled('addIgnoredFile', 'Use -f if you really want to add them.');
    return 1;
  }
  return 0;
}

async function allFilesBelow(g: Git, repo: Repo, dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const name of g.sys.readdir(`${repo.worktree}/${d}`).filter((n) => n !== '.' && n !== '..').sort()) {
      const p = `${d}/${name}`;
      const st = g.sys.lstat(`${repo.worktree}/${p}`);
      if ((st.mode & 0o170000) === 0o040000) {
        if (name !== '.git') await walk(p);
      } else out.push(p);
    }
  };
  await walk(dir);
  return out;
}
