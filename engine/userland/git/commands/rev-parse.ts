/**
 * `git rev-parse`: names to object ids, and facts about the repository.
 *
 *     git rev-parse HEAD                the full id
 *     git rev-parse --short HEAD        abbreviated
 *     git rev-parse --abbrev-ref HEAD   the branch name
 *     git rev-parse --show-toplevel     the top of the work tree
 */
import { dwimRef, resolvePath, resolveRevision } from '../refs.ts';
import { readHead } from '../store.ts';
import { USAGE } from '../usage.ts';
import type { Command } from './command.ts';

const SEPARATE_HINT = "Use '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'";

export const revParse: Command = {
  setup: 'gently',
  usage: USAGE['rev-parse'],
  async run(g, args, repo) {
    let out = '';
    let verify = false;
    let quiet = false;
    let short: number | null = null;
    let abbrevRef = false;
    let symbolicFull = false;
    const revs: string[] = [];
    let afterDashdash = false;
    const needRepo = async () => {
      if (!repo) {
        await g.out.write(out);
        return g.die('not a git repository (or any of the parent directories): .git');
      }
      return repo;
    };
    for (const a of args) {
      if (afterDashdash) {
        out += `${a}\n`;
        continue;
      }
      if (a === '--') {
        afterDashdash = true;
        if (!verify) out += '--\n';
        continue;
      }
      if (a === '--verify') verify = true;
      else if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '--short') short = Number(g.config.get('core.abbrev')) || 7;
      else if (a.startsWith('--short=')) short = Math.max(4, Number(a.slice(8)) || 7);
      else if (a === '--abbrev-ref' || a === '--abbrev-ref=strict' || a === '--abbrev-ref=loose') abbrevRef = true;
      else if (a === '--symbolic-full-name') symbolicFull = true;
      else if (a === '--git-dir') {
        const r = await needRepo();
        out += `${r.worktree && r.gitdir === `${r.worktree}/.git` && r.prefix === '' ? '.git' : r.gitdir}\n`;
      } else if (a === '--absolute-git-dir') out += `${(await needRepo()).gitdir}\n`;
      else if (a === '--git-common-dir') out += `${(await needRepo()).gitdir === `${repo!.worktree}/.git` && repo!.prefix === '' ? '.git' : repo!.gitdir}\n`;
      else if (a === '--show-toplevel') {
        const r = await needRepo();
        if (!r.worktree) return g.die('this operation must be run in a work tree');
        out += `${r.worktree}\n`;
      } else if (a === '--show-prefix') out += `${(await needRepo()).prefix}\n`;
      else if (a === '--show-cdup') {
        const r = await needRepo();
        out += `${'../'.repeat(r.prefix.split('/').filter((p) => p !== '').length)}\n`;
      } else if (a === '--is-inside-work-tree') out += `${(await needRepo()).worktree ? 'true' : 'false'}\n`;
      else if (a === '--is-inside-git-dir') out += `${g.cwd().startsWith((await needRepo()).gitdir) ? 'true' : 'false'}\n`;
      else if (a === '--is-bare-repository') out += `${(await needRepo()).worktree === null ? 'true' : 'false'}\n`;
      else if (a === '--is-shallow-repository') out += 'false\n';
      else if (a.startsWith('-') && a !== '-') out += `${a}\n`;
      else revs.push(a);
    }
    if (verify && revs.length !== 1) {
      if (quiet) return 1;
      return g.die('Needed a single revision');
    }
    for (const spec of revs) {
      const r = await needRepo();
      let resolved = await resolveRevision(g, r, spec);
      if (!resolved && spec.includes(':')) {
        const colon = spec.indexOf(':');
        const p = await resolvePath(g, r, spec.slice(0, colon), spec.slice(colon + 1));
        if (p && 'error' in p) {
          await g.out.write(out);
          return g.die(p.error);
        }
      }
      if (!resolved) {
        if (verify) {
          await g.out.write(out);
          if (quiet) return 1;
          return g.die('Needed a single revision');
        }
        out += `${spec}\n`;
        await g.out.write(out);
        return g.die(`ambiguous argument '${spec}': unknown revision or path not in the working tree.\n${SEPARATE_HINT}`);
      }
      if (abbrevRef || symbolicFull) {
        let full: string | null = null;
        if (spec === 'HEAD' || spec === '@') {
          const head = await readHead(g, r);
          full = head.kind === 'branch' ? head.ref : 'HEAD';
        } else {
          const ref = await dwimRef(r, spec);
          full = ref ? ref.ref : null;
        }
        if (full !== null) {
          out += `${abbrevRef ? full.replace(/^refs\/(heads|tags|remotes)\//, '') : full}\n`;
          continue;
        }
        if (symbolicFull) continue;
      }
      resolved = resolved!;
      out += `${short !== null ? resolved.oid.slice(0, short) : resolved.oid}\n`;
    }
    await g.out.write(out);
    return 0;
  },
};

