/**
 * `git reflog [show] [<ref>]`: where a ref (HEAD by default) has pointed,
 * newest first — commits, checkouts, resets — as "HEAD@{n}" entries.
 */
import { DEFAULT_LOG_COLORS, decorationText, loadDecorations, NO_LOG_COLORS } from '../pretty.ts';
import { dwimRef, readReflog } from '../refs.ts';
import { bin, toBytes } from '../patch.ts';
import { readHead } from '../store.ts';
import { abbrev, parse, type Command } from './command.ts';

const REFLOG_USAGE = 'usage: git reflog [show] [<log-options>] [<ref>]\n   or: git reflog expire [--expire=<time>] [--expire-unreachable=<time>]\n                         [--rewrite] [--updateref] [--stale-fix]\n                         [--dry-run | -n] [--verbose] [--all [--single-worktree] | <refs>...]\n   or: git reflog delete [--rewrite] [--updateref]\n                         [--dry-run | -n] [--verbose] <ref>@{<specifier>}...\n   or: git reflog exists <ref>\n';

export const reflog: Command = {
  setup: 'repo',
  usage: REFLOG_USAGE,
  async run(g, args, repo) {
    const rest = args[0] === 'show' ? args.slice(1) : args;
    if (['expire', 'delete', 'exists'].includes(args[0] ?? '')) return g.die(`git reflog ${args[0]} is not supported by Berth's git`);
    const o = await parse(g, rest, [{ id: 'max-count', short: 'n', long: 'max-count', arg: 'required', integer: true }, { id: 'decorate', long: 'decorate', arg: 'optional' }, { id: 'no-decorate', long: 'no-decorate' }], REFLOG_USAGE, { numeric: true });
    const r = repo!;
    const name = o.args[0] ?? 'HEAD';
    let ref = 'HEAD';
    if (name !== 'HEAD') {
      const found = await dwimRef(r, name);
      if (!found) return g.die(`ambiguous argument '${name}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'`);
      ref = found.ref;
    } else {
      const head = await readHead(g, r);
      if (head.kind === 'branch' && head.oid === null) return g.die(`your current branch '${head.name}' does not have any commits yet`);
    }
    const entries = (await readReflog(g, r, ref)).reverse();
    const max = o.number ?? o.num('max-count');
    const color = g.wantColor(1, 'color.diff');
    const colors = color ? DEFAULT_LOG_COLORS : NO_LOG_COLORS;
    const decorate = o.flag('no-decorate') ? false : o.has('decorate') || g.sys.isatty(1);
    const decorations = decorate ? await loadDecorations(g, r) : null;
    let out = '';
    for (let i = 0; i < entries.length && (max === undefined || i < max); i++) {
      const e = entries[i]!;
      const id = color ? `${colors.commit}${abbrev(g, e.new)}${colors.reset}` : abbrev(g, e.new);
      out += `${id}${decorations ? decorationText(e.new, decorations, colors) : ''} ${name}@{${i}}: ${bin(e.message)}\n`;
    }
    await g.out.write(toBytes(out));
    return 0;
  },
};
