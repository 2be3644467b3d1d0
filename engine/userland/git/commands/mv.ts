/**
 * `git mv <source>... <destination>`: rename or move tracked files (and
 * directories), in the work tree and the index at once.
 */
import { FsError } from '../../../fs/errno.ts';
import { S_IFMT, S_IFDIR } from '../../../fs/types.ts';
import { Exit, rethrowControl, type Git } from '../context.ts';
import * as git from '../isogit.ts';
import { parsePathspec } from '../pathspec.ts';
import { iso } from '../repo.ts';
import { readIndex } from '../store.ts';
import { USAGE } from '../usage.ts';
import { parse, type Command } from './command.ts';

const isDir = (g: Git, p: string) => {
  try {
    return (g.sys.stat(p).mode & S_IFMT) === S_IFDIR;
  } catch (err) {
    rethrowControl(err);
    return false;
  }
};
const exists = (g: Git, p: string) => {
  try {
    g.sys.lstat(p);
    return true;
  } catch (err) {
    rethrowControl(err);
    return false;
  }
};

export const mv: Command = {
  setup: 'worktree',
  usage: USAGE.mv,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'verbose', short: 'v', long: 'verbose' },
        { id: 'dry-run', short: 'n', long: 'dry-run' },
        { id: 'force', short: 'f', long: 'force' },
        { id: 'k', short: 'k' },
        { id: 'sparse', long: 'sparse' },
      ],
      USAGE.mv,
    );
    const r = repo!;
    if (o.args.length < 2) {
      await g.err.write(USAGE.mv);
      throw new Exit(129);
    }
    const sources = o.args.slice(0, -1);
    const destArg = o.args[o.args.length - 1]!;
    const dest = await parsePathspec(g, r, destArg);
    const top = r.worktree!;
    const destIsDir = isDir(g, `${top}/${dest.path}`);
    if (sources.length > 1 && !destIsDir) return g.die(`destination '${destArg}' is not a directory`);
    const index = await readIndex(g, r);
    const moves: { from: string; to: string; fromArg: string; toArg: string }[] = [];
    for (const srcArg of sources) {
      const src = await parsePathspec(g, r, srcArg);
      const base = src.path.split('/').pop()!;
      const to = destIsDir ? (dest.path === '' ? base : `${dest.path}/${base}`) : dest.path;
      const toArg = destIsDir ? `${destArg.replace(/\/$/, '')}/${base}` : destArg;
      let bad: string | null = null;
      const srcFull = `${top}/${src.path}`;
      if (!exists(g, srcFull)) bad = 'bad source';
      else if (src.path === to) bad = 'can not move directory into itself';
      else if (isDir(g, srcFull)) {
        const inside = [...index.keys()].filter((p) => p.startsWith(src.path + '/'));
        if (inside.length === 0) bad = 'source directory is empty';
        else if (exists(g, `${top}/${to}`)) bad = 'destination already exists';
        if (!bad) {
          moves.push({ from: src.path, to, fromArg: srcArg, toArg: '' });
          for (const p of inside) moves.push({ from: p, to: to + p.slice(src.path.length), fromArg: p, toArg: to + p.slice(src.path.length) });
          continue;
        }
      } else if (!index.has(src.path)) bad = 'not under version control';
      else if (exists(g, `${top}/${to}`) && !o.flag('force')) bad = 'destination exists';
      if (bad) {
        if (o.flag('k')) continue;
        return g.die(`${bad}, source=${srcArg}, destination=${toArg}`);
      }
      moves.push({ from: src.path, to, fromArg: srcArg, toArg });
    }
    let out = '';
    for (const m of moves) {
      if (m.toArg === '') {
        // The directory itself: one rename on disk.
        if (o.flag('verbose') || o.flag('dry-run')) out += `Renaming ${m.fromArg} to ${destIsDir ? `${destArg.replace(/\/$/, '')}/${m.from.split('/').pop()}` : destArg}\n`;
        if (!o.flag('dry-run')) g.sys.rename(`${top}/${m.from}`, `${top}/${m.to}`);
        continue;
      }
      const dirMove = moves.some((x) => x.toArg === '' && m.from.startsWith(x.from + '/'));
      if (!dirMove && (o.flag('verbose') || o.flag('dry-run'))) out += `Renaming ${m.fromArg} to ${m.toArg}\n`;
      if (o.flag('dry-run')) continue;
      if (!dirMove) {
        try {
          g.sys.rename(`${top}/${m.from}`, `${top}/${m.to}`);
        } catch (err) {
          if (err instanceof FsError) return g.die(`renaming '${m.fromArg}' failed: ${err.message}`);
          throw err;
        }
      }
      // The index entry moves as it is: staged content stays staged, local edits stay local.
      const e = index.get(m.from)!;
      await git.remove({ ...iso(r), filepath: m.from });
      await git.updateIndex({ ...iso(r), filepath: m.to, oid: e.oid, mode: e.mode, add: true });
    }
    await g.out.write(out);
    return 0;
  },
};
