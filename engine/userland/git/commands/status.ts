/**
 * `git status`: where HEAD is, what is staged, what changed since, and what
 * is untracked — in git's long format (with its hints), `-s` (two status
 * letters per file: index, work tree) or `--porcelain`.
 *
 *     On branch master
 *     Changes to be committed:
 *       (use "git restore --staged <file>..." to unstage)
 *     	new file:   a.txt
 */
import type { Git } from '../context.ts';
import { RESET } from '../context.ts';
import type { FilePair } from '../diffcore.ts';
import { parsePathspecs, matchesAny, showPath } from '../pathspec.ts';
import { readReflog, dwimRef } from '../refs.ts';
import type { Repo } from '../repo.ts';
import { USAGE } from '../usage.ts';
import { collectStatus, type Status, type UntrackedMode } from '../worktree.ts';
import { abbrev, parse, type Command } from './command.ts';

export interface StatusColors {
  header: string;
  updated: string;
  changed: string;
  untracked: string;
  nobranch: string;
  localBranch: string;
  reset: string;
}

const NONE: StatusColors = { header: '', updated: '', changed: '', untracked: '', nobranch: '', localBranch: '', reset: '' };

export function statusColors(g: Git): StatusColors {
  if (!g.wantColor(1, 'color.status')) return NONE;
  return {
    header: g.colorOf('color.status.header', ''),
    updated: g.colorOf('color.status.added', g.colorOf('color.status.updated', '\x1b[32m')),
    changed: g.colorOf('color.status.changed', '\x1b[31m'),
    untracked: g.colorOf('color.status.untracked', '\x1b[31m'),
    nobranch: g.colorOf('color.status.nobranch', '\x1b[31m'),
    localBranch: g.colorOf('color.status.localbranch', '\x1b[32m'),
    reset: RESET,
  };
}

const paint = (color: string, text: string, reset: string) => (color ? `${color}${text}${reset}` : text);

const LABELS: Record<string, string> = { A: 'new file:', C: 'copied:', D: 'deleted:', M: 'modified:', R: 'renamed:', T: 'typechange:', U: 'unmerged:', X: 'unknown:' };
const LABEL_WIDTH = 12;

/** The "HEAD detached at/from …" name, from the last checkout in HEAD's reflog. */
async function detachedFrom(g: Git, repo: Repo, headOid: string): Promise<{ name: string; at: boolean } | null> {
  const log = await readReflog(g, repo, 'HEAD');
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    const m = /^checkout: moving from .* to (.*)$/.exec(e.message);
    if (!m) continue;
    let target = m[1]!;
    let name: string;
    if (target === 'HEAD') target = e.new;
    const ref = await dwimRef(repo, target);
    if (ref && ref.oid === e.new) name = ref.ref.replace(/^refs\/(tags|remotes)\//, '');
    else name = abbrev(g, e.new);
    return { name, at: headOid === e.new };
  }
  return null;
}

export interface LongStatusOptions {
  /** Text for `git commit` ("Initial commit" instead of "No commits yet"). */
  commitTemplate?: boolean;
  hints: boolean;
  untrackedMode: UntrackedMode;
  amend?: boolean;
}

/** Whether anything is staged (what `git commit` needs). */
export const committable = (st: Status) => st.staged.length > 0;

/** The long format, as a string. */
export async function longStatus(g: Git, repo: Repo, st: Status, opts: LongStatusOptions): Promise<string> {
  const c = statusColors(g);
  const prefix = g.config.bool('status.relativepaths') === false ? '' : repo.prefix;
  let out = '';
  const line = (text: string, color = c.header) => {
    out += `${paint(color, text, c.reset)}\n`;
  };
  const isInitial = st.head.oid === null;
  if (st.head.kind === 'branch') out += `${paint(c.header, 'On branch ', c.reset)}${st.head.name}\n`;
  else {
    const from = await detachedFrom(g, repo, st.head.oid);
    if (from) out += `${paint(c.nobranch, from.at ? 'HEAD detached at ' : 'HEAD detached from ', c.reset)}${from.name}\n`;
    else out += `${paint(c.nobranch, 'Not currently on any branch.', c.reset)}\n`;
  }
  if (isInitial) {
    line('');
    line(opts.commitTemplate ? 'Initial commit' : 'No commits yet');
    line('');
  }

  const item = (pair: FilePair, status: string, color: string) => {
    const label = LABELS[status]!;
    const pad = ' '.repeat(LABEL_WIDTH - label.length);
    const names = pair.status === 'R' ? `${showPath(pair.oldPath, prefix)} -> ${showPath(pair.newPath, prefix)}` : showPath(pair.newPath, prefix);
    out += `${paint(c.header, '\t', c.reset)}${paint(color, `${label}${pad}${names}`, c.reset)}\n`;
  };

  if (st.staged.length > 0) {
    line('Changes to be committed:');
    if (opts.hints) line(isInitial ? '  (use "git rm --cached <file>..." to unstage)' : '  (use "git restore --staged <file>..." to unstage)');
    for (const p of st.staged) item(p, p.status, c.updated);
    line('');
  }
  if (st.unstaged.length > 0) {
    line('Changes not staged for commit:');
    if (opts.hints) {
      const deleted = st.unstaged.some((p) => p.status === 'D');
      line(deleted ? '  (use "git add/rm <file>..." to update what will be committed)' : '  (use "git add <file>..." to update what will be committed)');
      line('  (use "git restore <file>..." to discard changes in working directory)');
    }
    for (const p of st.unstaged) item(p, p.status, c.changed);
    line('');
  }
  if (opts.untrackedMode !== 'no') {
    if (st.scan.untracked.length > 0) {
      line('Untracked files:');
      if (opts.hints) line('  (use "git add <file>..." to include in what will be committed)');
      for (const path of st.scan.untracked) out += `${paint(c.header, '\t', c.reset)}${paint(c.untracked, showPath(path, prefix), c.reset)}\n`;
      line('', '');
    }
  } else if (st.staged.length > 0) {
    out += `Untracked files not listed${opts.hints ? ' (use -u option to show untracked files)' : ''}\n`;
  }

  if (st.staged.length === 0) {
    if (opts.amend) out += 'No changes\n';
    else if (st.unstaged.length > 0) out += opts.hints ? 'no changes added to commit (use "git add" and/or "git commit -a")\n' : 'no changes added to commit\n';
    else if (st.scan.untracked.length > 0) out += opts.hints ? 'nothing added to commit but untracked files present (use "git add" to track)\n' : 'nothing added to commit but untracked files present\n';
    else if (isInitial) out += opts.hints ? 'nothing to commit (create/copy files and use "git add" to track)\n' : 'nothing to commit\n';
    else if (opts.untrackedMode === 'no') out += opts.hints ? 'nothing to commit (use -u to show untracked files)\n' : 'nothing to commit\n';
    else out += 'nothing to commit, working tree clean\n';
  }
  return out;
}

interface ShortOptions {
  branch: boolean;
  porcelain: boolean;
  nul: boolean;
}

function shortStatus(g: Git, repo: Repo, st: Status, opts: ShortOptions): string {
  const c = opts.porcelain ? NONE : statusColors(g);
  const prefix = opts.porcelain || g.config.bool('status.relativepaths') === false ? '' : repo.prefix;
  let out = '';
  if (opts.branch) {
    out += paint(c.header, '## ', c.reset);
    if (st.head.oid === null) out += paint(c.header, 'No commits yet on ', c.reset);
    if (st.head.kind === 'detached') out += paint(c.nobranch, 'HEAD (no branch)', c.reset);
    else out += paint(c.localBranch, st.head.name, c.reset);
    out += opts.nul ? '\0' : '\n';
  }
  const rows = new Map<string, { x: string; y: string; from?: string }>();
  for (const p of st.staged) rows.set(p.newPath, { x: p.status, y: ' ', from: p.status === 'R' ? p.oldPath : undefined });
  for (const p of st.unstaged) {
    const row = rows.get(p.newPath) ?? { x: ' ', y: ' ' };
    row.y = p.status;
    rows.set(p.newPath, row);
  }
  for (const path of [...rows.keys()].sort()) {
    const r = rows.get(path)!;
    const x = r.x === ' ' ? ' ' : paint(c.updated, r.x, c.reset);
    const y = r.y === ' ' ? ' ' : paint(c.changed, r.y, c.reset);
    if (opts.nul) out += `${r.x}${r.y} ${path}\0${r.from !== undefined ? `${r.from}\0` : ''}`;
    else out += `${x}${y} ${r.from !== undefined ? `${showPath(r.from, prefix, true)} -> ` : ''}${showPath(path, prefix, true)}\n`;
  }
  for (const path of st.scan.untracked) {
    if (opts.nul) out += `?? ${path}\0`;
    else out += `${paint(c.untracked, '??', c.reset)} ${showPath(path, prefix, true)}\n`;
  }
  return out;
}

export function untrackedModeOf(value: string | boolean | undefined, g: Git): UntrackedMode | null {
  if (value === undefined) {
    const cfg = g.config.get('status.showuntrackedfiles');
    if (cfg === undefined) return 'normal';
    value = cfg;
  }
  if (value === true) return 'all';
  if (value === false || value === 'no' || value === 'false') return 'no';
  if (value === 'normal' || value === 'true') return 'normal';
  if (value === 'all') return 'all';
  return null;
}

export const status: Command = {
  setup: 'worktree',
  usage: USAGE.status,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'short', short: 's', long: 'short' },
        { id: 'branch', short: 'b', long: 'branch' },
        { id: 'porcelain', long: 'porcelain', arg: 'optional' },
        { id: 'long', long: 'long' },
        { id: 'null', short: 'z', long: 'null' },
        { id: 'untracked', short: 'u', long: 'untracked-files', arg: 'optional' },
        { id: 'ignored', long: 'ignored', arg: 'optional' },
        { id: 'renames', long: 'renames' },
        { id: 'verbose', short: 'v', long: 'verbose', count: true },
        { id: 'show-stash', long: 'show-stash' },
        { id: 'ahead-behind', long: 'ahead-behind' },
        { id: 'column', long: 'column', arg: 'optional' },
        { id: 'find-renames', short: 'M', long: 'find-renames', arg: 'optional' },
        { id: 'ignore-submodules', long: 'ignore-submodules', arg: 'optional' },
      ],
      USAGE.status,
    );
    const r = repo!;
    const u = o.values.get('untracked');
    const mode = untrackedModeOf(typeof u === 'string' || typeof u === 'boolean' ? u : undefined, g);
    if (mode === null) return g.die(`Invalid untracked files mode '${String(u)}'`);
    const porcelainArg = o.values.get('porcelain');
    const porcelain = porcelainArg !== undefined && porcelainArg !== false;
    if (porcelain && porcelainArg !== true && porcelainArg !== 'v1') return g.die(`unsupported porcelain version '${String(porcelainArg)}'`);
    const specs = await parsePathspecs(g, r, o.args);
    const filter = specs.length > 0 ? (path: string) => matchesAny(specs, path) : undefined;
    const st = await collectStatus(g, r, mode, filter);
    const short = (o.flag('short') || porcelain || o.flag('null')) && !o.flag('long');
    if (short) {
      await g.out.write(shortStatus(g, r, st, { branch: o.flag('branch'), porcelain, nul: o.flag('null') }));
      return 0;
    }
    const hints = g.config.bool('advice.statushints') !== false;
    await g.out.write(await longStatus(g, r, st, { hints, untrackedMode: mode }));
    return 0;
  },
};
