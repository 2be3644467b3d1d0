/**
 * `git log`: the history, newest first.
 *
 *     git log                    every commit reachable from HEAD
 *     git log --oneline -3       the last three, one line each
 *     git log --stat             with the files each commit changed
 *     git log -p -- a.txt        commits that touched a.txt, with their patches
 *     git log main..feature      what feature has that main does not
 *
 * Decorations ("(HEAD -> master)") and colours appear on a terminal, as
 * with git's defaults (log.decorate=auto, color.ui=auto).
 */
import type { Git } from '../context.ts';
import type { DateMode } from '../date.ts';
import { diffSides } from '../diffcore.ts';
import { DIFF_OPTIONS, diffFormat, hasSummaries, renderDiff, type DiffFormat } from '../diffoutput.ts';
import type { OptionSpec, ParsedOptions } from '../options.ts';
import { matchesAny } from '../pathspec.ts';
import { DEFAULT_LOG_COLORS, formatCommit, loadDecorations, NO_LOG_COLORS, parseFormat, type Format, type PrettyContext } from '../pretty.ts';
import { branchNames, peel, resolveRevision, tagNames } from '../refs.ts';
import type { Repo } from '../repo.ts';
import { headOrDie, parseRevArgs, walk } from '../revwalk.ts';
import { readCommit, readTree, type Commit } from '../store.ts';
import { USAGE } from '../usage.ts';
import { objectSide } from '../worktree.ts';
import { abbrev, parse, type Command } from './command.ts';
import { drawCommit, Graph } from '../graph.ts';
import { toBytes } from '../patch.ts';

export const LOG_OPTIONS: OptionSpec[] = [
  ...DIFF_OPTIONS,
  { id: 'max-count', short: 'n', long: 'max-count', arg: 'required', integer: true },
  { id: 'skip', long: 'skip', arg: 'required', integer: true },
  { id: 'oneline', long: 'oneline' },
  { id: 'pretty', long: 'pretty', arg: 'optional' },
  { id: 'format', long: 'format', arg: 'required' },
  { id: 'decorate', long: 'decorate', arg: 'optional' },
  { id: 'no-decorate', long: 'no-decorate' },
  { id: 'abbrev-commit', long: 'abbrev-commit' },
  { id: 'no-abbrev-commit', long: 'no-abbrev-commit' },
  { id: 'date', long: 'date', arg: 'required' },
  { id: 'all', long: 'all' },
  { id: 'branches', long: 'branches' },
  { id: 'tags', long: 'tags' },
  { id: 'reverse', long: 'reverse' },
  { id: 'first-parent', long: 'first-parent' },
  { id: 'graph', long: 'graph' },
  { id: 'topo-order', long: 'topo-order' },
  { id: 'date-order', long: 'date-order' },
  { id: 'author', long: 'author', arg: 'required', repeat: true },
  { id: 'committer', long: 'committer', arg: 'required', repeat: true },
  { id: 'grep', long: 'grep', arg: 'required', repeat: true },
  { id: 'regexp-ignore-case', short: 'i', long: 'regexp-ignore-case' },
  { id: 'follow', long: 'follow' },
  { id: 'no-merges', long: 'no-merges' },
  { id: 'merges', long: 'merges' },
  { id: 'relative-date', long: 'relative-date' },
  { id: 'quiet-log', short: 'q' },
];

export const log: Command = {
  setup: 'repo',
  usage: USAGE.log,
  async run(g, args, repo) {
    const o = await parse(g, args, LOG_OPTIONS, USAGE.log, { numeric: true });
    return runLog(g, repo!, o);
  },
};

function dateModeOf(value: string | undefined, g: Git): DateMode | null {
  const v = value ?? g.config.get('log.date') ?? 'default';
  const map: Record<string, DateMode> = { default: 'default', iso: 'iso', iso8601: 'iso', 'iso-strict': 'iso-strict', 'iso8601-strict': 'iso-strict', rfc: 'rfc', rfc2822: 'rfc', short: 'short', raw: 'raw', unix: 'unix', relative: 'relative' };
  return map[v] ?? null;
}

export function formatOf(g: Git, o: ParsedOptions, fallback: Format): Format | null {
  if (o.has('format')) return parseFormat(o.str('format')!.includes('%') && !o.str('format')!.includes(':') ? `tformat:${o.str('format')}` : o.str('format')!);
  if (o.has('pretty')) {
    const v = o.values.get('pretty');
    if (v === true) return { kind: 'medium' };
    return parseFormat(String(v));
  }
  if (o.flag('oneline')) return { kind: 'oneline' };
  const cfg = g.config.get('format.pretty');
  return cfg ? parseFormat(cfg) : fallback;
}

/** The context the pretty-printer needs, for log and show. */
export async function prettyContext(g: Git, repo: Repo, o: ParsedOptions, format: Format): Promise<PrettyContext | null> {
  const mode = o.flag('relative-date') ? 'relative' : dateModeOf(o.str('date'), g);
  if (!mode) return g.die(`unknown date format ${o.str('date')}`);
  const decorateArg = o.values.get('decorate');
  const cfg = g.config.get('log.decorate');
  let decorate: boolean;
  if (o.flag('no-decorate')) decorate = false;
  else if (decorateArg !== undefined) decorate = decorateArg !== 'no';
  else if (cfg !== undefined) decorate = cfg === 'auto' ? g.sys.isatty(1) : cfg !== 'false' && cfg !== 'no';
  else decorate = g.sys.isatty(1);
  if (format.kind === 'user' && /%d|%D/.test(format.template)) decorate = true;
  const color = diffFormat(g, o, false).color;
  return {
    g,
    abbrev: (oid) => abbrev(g, oid),
    decorations: decorate ? await loadDecorations(g, repo) : null,
    colors: color ? DEFAULT_LOG_COLORS : NO_LOG_COLORS,
    dateMode: mode,
    now: Math.floor(g.sys.now() / 1000),
    abbrevCommit: o.flag('abbrev-commit'),
  };
}

async function treeOfCommit(g: Git, repo: Repo, oid: string | undefined) {
  return oid ? readTree(g, repo, (await readCommit(repo, oid)).tree) : new Map();
}

/** What a commit changed, in the formats asked for. Merges show no diff (git would show a combined one). */
export async function diffOfCommit(g: Git, repo: Repo, c: Commit, f: DiffFormat, paths: Parameters<typeof matchesAny>[0]): Promise<string> {
  if (c.parents.length > 1) return '';
  const a = await treeOfCommit(g, repo, c.parents[0]);
  const b = await readTree(g, repo, c.tree);
  const filter = paths.length > 0 ? (p: string) => matchesAny(paths, p) : undefined;
  const pairs = await diffSides(objectSide(repo, a), objectSide(repo, b), { renames: f.renames, filter, checkpoint: () => g.sys.checkpoint() });
  return renderDiff(g, pairs, f, (oid) => abbrev(g, oid));
}

async function runLog(g: Git, repo: Repo, o: ParsedOptions): Promise<number> {
  const format = formatOf(g, o, { kind: 'medium' });
  if (!format) return g.die(`invalid --pretty format: ${String(o.values.get('pretty') ?? o.str('format'))}`);
  const rev = await parseRevArgs(g, repo, o.args, o.dashdash);
  if (o.flag('all') || o.flag('branches') || o.flag('tags')) {
    const refs: string[] = [];
    if (o.flag('all') || o.flag('branches')) refs.push(...(await branchNames(repo)).map((b) => `refs/heads/${b}`));
    if (o.flag('all') || o.flag('tags')) refs.push(...(await tagNames(repo)).map((t) => `refs/tags/${t}`));
    if (o.flag('all')) refs.push('HEAD');
    for (const ref of refs) {
      const r = await resolveRevision(g, repo, ref);
      const c = r ? await peel(repo, r.oid, 'commit') : null;
      if (c) rev.include.push(c);
    }
    rev.named = true;
  }
  if (!rev.named) rev.include.push(await headOrDie(g, repo));
  const max = o.number ?? o.num('max-count');
  const ignoreCase = o.flag('regexp-ignore-case');
  const grep = o.list('grep').map((p) => new RegExp(p, ignoreCase ? 'i' : ''));
  const authors = o.list('author').map((p) => new RegExp(p, ignoreCase ? 'i' : ''));
  const committers = o.list('committer').map((p) => new RegExp(p, ignoreCase ? 'i' : ''));
  const filter = (c: Commit) => {
    if (o.flag('no-merges') && c.parents.length > 1) return false;
    if (o.flag('merges') && c.parents.length < 2) return false;
    if (grep.length && !grep.some((re) => re.test(c.message))) return false;
    if (authors.length && !authors.some((re) => re.test(c.author.replace(/ \d+ [+-]\d{4}$/, '')))) return false;
    if (committers.length && !committers.some((re) => re.test(c.committer.replace(/ \d+ [+-]\d{4}$/, '')))) return false;
    return true;
  };
  const topo = o.flag('graph') || o.flag('topo-order');
  const limit = max !== undefined && max >= 0 ? max : undefined;
  let commits = await walk(g, repo, { include: rev.include, exclude: rev.exclude, paths: rev.paths, maxCount: topo ? undefined : limit, skip: topo ? undefined : o.num('skip'), reverse: o.flag('reverse') && !topo, firstParent: o.flag('first-parent'), filter });
  let walked = new Set<string>();
  if (topo) {
    commits = topoOrder(commits);
    walked = new Set(commits.map((c) => c.oid));
    if (o.num('skip')) commits = commits.slice(o.num('skip'));
    if (limit !== undefined) commits = commits.slice(0, limit);
    if (o.flag('reverse')) commits.reverse();
  }
  const ctx = (await prettyContext(g, repo, o, format))!;
  const f = diffFormat(g, o, false);
  const showDiff = f.patch || hasSummaries(f);
  const graph = o.flag('graph') ? new Graph(ctx.colors.reset !== '') : null;
  /** The parent the graph draws: the nearest first-parent ancestor the walk kept. */
  const drawnParent = async (c: Commit): Promise<string | null> => {
    let p = c.parents[0];
    for (let steps = 0; p !== undefined && steps < 10000; steps++) {
      if (walked.has(p)) return p;
          p = (await readCommit(repo, p)).parents[0];
    }
    return null;
  };
  const userSeparated = format.kind === 'user' && !format.terminator;
  const separated = format.kind !== 'oneline' && format.kind !== 'user';
  for (let i = 0; i < commits.length; i++) {
    const c = commits[i]!;
    await g.sys.checkpoint();
    // A parent drawn by the graph: one that the walk would show (limits aside).
    if (graph) graph.update(c.oid, await drawnParent(c));
    let text = '';
    if (i > 0 && separated) text += graph ? `${graph.separatorLine()}\n` : '\n';
    else if (i > 0 && userSeparated) text += '\n';
    let body = formatCommit(c, format, ctx);
    if (format.kind === 'user' && format.terminator) body += '\n';
    let entry = body;
    if (showDiff) {
      const diff = await diffOfCommit(g, repo, c, f, rev.paths);
      if (diff !== '') {
        if (format.kind !== 'oneline') entry += f.stat && f.patch ? '---\n' : '\n';
        entry += diff;
      }
    }
    text += graph ? drawCommit(graph, entry) : entry;
    await g.out.write(toBytes(text));
  }
  return 0;
}


/**
 * --topo-order (and --graph): children before parents, one line of history
 * at a time (git's sort_in_topological_order with a stack of tips).
 */
export function topoOrder(commits: Commit[]): Commit[] {
  const byOid = new Map(commits.map((c) => [c.oid, c]));
  const indegree = new Map<string, number>();
  for (const c of commits) indegree.set(c.oid, 1);
  for (const c of commits) for (const p of c.parents) if (indegree.has(p)) indegree.set(p, indegree.get(p)! + 1);
  const stack: Commit[] = commits.filter((c) => indegree.get(c.oid) === 1).reverse();
  const out: Commit[] = [];
  while (stack.length > 0) {
    const c = stack.pop()!;
    for (const p of c.parents) {
      const n = indegree.get(p);
      if (n === undefined || n === 0) continue;
      indegree.set(p, n - 1);
      if (n - 1 === 1) stack.push(byOid.get(p)!);
    }
    indegree.set(c.oid, 0);
    out.push(c);
  }
  return out;
}
