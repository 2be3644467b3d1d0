/**
 * `git rm <pathspec>...`: stop tracking files and delete them (`--cached`
 * keeps the file). Refuses to lose work unless -f: files with local
 * modifications, or with staged changes.
 */
import { rethrowControl } from '../context.ts';
import * as git from '../isogit.ts';
import { matches, parsePathspecs } from '../pathspec.ts';
import { iso } from '../repo.ts';
import { removeEmptyParents } from '../switchtree.ts';
import { USAGE } from '../usage.ts';
import { loadIgnores, scanWorktree, snapshot, worktreeSide } from '../worktree.ts';
import { parse, type Command } from './command.ts';

export const rm: Command = {
  setup: 'worktree',
  usage: USAGE.rm,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'dry-run', short: 'n', long: 'dry-run' },
        { id: 'quiet', short: 'q', long: 'quiet' },
        { id: 'cached', long: 'cached' },
        { id: 'force', short: 'f', long: 'force' },
        { id: 'recursive', short: 'r' },
        { id: 'ignore-unmatch', long: 'ignore-unmatch' },
        { id: 'sparse', long: 'sparse' },
      ],
      USAGE.rm,
    );
    const r = repo!;
    if (o.args.length === 0) return g.die('No pathspec was given. Which files should I remove?');
    const specs = await parsePathspecs(g, r, o.args);
    const snap = await snapshot(g, r);
    const chosen: string[] = [];
    for (const ps of specs) {
      const hits = [...snap.index.keys()].filter((p) => matches(ps, p));
      if (hits.length === 0) {
        if (o.flag('ignore-unmatch')) continue;
        return g.die(`pathspec '${ps.raw}' did not match any files`);
      }
      if (!o.flag('recursive') && !ps.pattern && hits.some((p) => p !== ps.path)) return g.die(`not removing '${ps.raw}' recursively without -r`);
      for (const h of hits) if (!chosen.includes(h)) chosen.push(h);
    }
    chosen.sort();
    if (!o.flag('force')) {
      const scan = await scanWorktree(g, r, snap.index, await loadIgnores(g, r), 'no');
      const work = await worktreeSide(g, r, snap.index, scan);
      const staged: string[] = [];
      const cached: string[] = [];
      const local: string[] = [];
      for (const path of chosen) {
        const i = snap.index.get(path)!;
        const h = snap.headTree.get(path);
        const w = work.entries.get(path);
        const stagedChange = !h || h.oid !== i.oid || h.mode !== i.mode;
        const localChange = w !== undefined && (w.oid !== i.oid || w.mode !== i.mode);
        if (localChange && stagedChange && (!o.flag('cached') || h)) staged.push(path);
        else if (!o.flag('cached')) {
          if (stagedChange) cached.push(path);
          if (localChange) local.push(path);
        }
      }
      let failed = false;
      const report = async (list: string[], one: string, many: string, tail: string) => {
        if (list.length === 0) return;
        failed = true;
        await g.error(`${list.length === 1 ? one : many}\n${list.map((p) => `    ${p}`).join('\n')}${tail}`);
      };
      await report(staged, 'the following file has staged content different from both the\nfile and the HEAD:', 'the following files have staged content different from both the\nfile and the HEAD:', '\n(use -f to force removal)');
      await report(cached, 'the following file has changes staged in the index:', 'the following files have changes staged in the index:', '\n(use --cached to keep the file, or -f to force removal)');
      await report(local, 'the following file has local modifications:', 'the following files have local modifications:', '\n(use --cached to keep the file, or -f to force removal)');
      if (failed) return 1;
    }
    let out = '';
    for (const path of chosen) {
      if (!o.flag('quiet')) out += `rm '${path}'\n`;
      if (o.flag('dry-run')) continue;
      await git.remove({ ...iso(r), filepath: path });
      if (!o.flag('cached')) {
        try {
          g.sys.unlink(`${r.worktree}/${path}`);
          removeEmptyParents(g, r, path);
        } catch (err) {
          rethrowControl(err);
        }
      }
    }
    await g.out.write(out);
    return 0;
  },
};
