/**
 * The output formats every diff-showing command shares (diff, log -p, show):
 * --stat, --numstat, --shortstat, --summary, --name-only, --name-status and
 * the patch, in git's order, with a blank line between the summaries and the
 * patch.
 */
import type { Git } from './context.ts';
import type { FilePair } from './diffcore.ts';
import type { OptionSpec, ParsedOptions } from './options.ts';
import { DEFAULT_COLORS, fileStat, formatPatch, NO_COLORS, quotePath, bin, type FileStat, type PatchColors } from './patch.ts';
import { diffstat, numstat, shortstat, summary, termColumns } from './stat.ts';

export interface DiffFormat {
  patch: boolean;
  stat: boolean;
  numstat: boolean;
  shortstat: boolean;
  summary: boolean;
  nameOnly: boolean;
  nameStatus: boolean;
  context: number;
  color: boolean;
  renames: boolean;
  srcPrefix: string;
  dstPrefix: string;
  statWidth?: number;
}

/** The options behind DiffFormat, for commands to include in their own. */
export const DIFF_OPTIONS: OptionSpec[] = [
  { id: 'patch', short: 'p', long: 'patch' },
  { id: 'patch-u', short: 'u' },
  { id: 'no-patch', short: 's', long: 'no-patch' },
  { id: 'unified', short: 'U', long: 'unified', arg: 'required', integer: true },
  { id: 'stat', long: 'stat', arg: 'optional' },
  { id: 'numstat', long: 'numstat' },
  { id: 'shortstat', long: 'shortstat' },
  { id: 'summary', long: 'summary' },
  { id: 'name-only', long: 'name-only' },
  { id: 'name-status', long: 'name-status' },
  { id: 'patch-with-stat', long: 'patch-with-stat' },
  { id: 'color', long: 'color', arg: 'optional' },
  { id: 'find-renames', short: 'M', long: 'find-renames', arg: 'optional' },
  { id: 'renames', long: 'renames' },
  { id: 'no-prefix', long: 'no-prefix' },
  { id: 'src-prefix', long: 'src-prefix', arg: 'required' },
  { id: 'dst-prefix', long: 'dst-prefix', arg: 'required' },
  { id: 'exit-code', long: 'exit-code' },
  { id: 'quiet', long: 'quiet' },
  { id: 'full-index', long: 'full-index' },
  { id: 'abbrev', long: 'abbrev', arg: 'optional' },
];

/** Reads the diff options; `defaultPatch` says whether the patch shows without any format option. */
export function diffFormat(g: Git, o: ParsedOptions, defaultPatch: boolean): DiffFormat {
  const any = ['stat', 'numstat', 'shortstat', 'summary', 'name-only', 'name-status'].some((k) => o.has(k) && o.values.get(k) !== false);
  const explicitPatch = o.flag('patch') || o.flag('patch-u') || o.flag('patch-with-stat') || o.has('unified');
  const colorArg = o.values.get('color');
  let color: boolean;
  if (colorArg === undefined) color = g.wantColor(1, 'color.diff');
  else if (colorArg === false || colorArg === 'never') color = false;
  else if (colorArg === true || colorArg === 'always') color = true;
  else color = g.wantColor(1);
  const renamesCfg = g.config.get('diff.renames');
  const renames = o.has('renames') ? o.flag('renames') : o.has('find-renames') ? o.values.get('find-renames') !== false : renamesCfg === undefined || renamesCfg.toLowerCase() !== 'false';
  const noPrefix = o.flag('no-prefix') || g.config.bool('diff.noprefix') === true;
  const statArg = o.str('stat');
  return {
    patch: o.flag('no-patch') ? false : explicitPatch || (!any && defaultPatch),
    stat: (o.has('stat') && o.values.get('stat') !== false) || o.flag('patch-with-stat'),
    numstat: o.flag('numstat'),
    shortstat: o.flag('shortstat'),
    summary: o.flag('summary'),
    nameOnly: o.flag('name-only'),
    nameStatus: o.flag('name-status'),
    context: o.num('unified') ?? (Number(g.config.get('diff.context') ?? '3') || 3),
    color,
    renames,
    srcPrefix: noPrefix ? '' : (o.str('src-prefix') ?? 'a/'),
    dstPrefix: noPrefix ? '' : (o.str('dst-prefix') ?? 'b/'),
    statWidth: statArg !== undefined && /^\d+/.test(statArg) ? Number(statArg.split(',')[0]) : undefined,
  };
}

export function patchColors(g: Git, on: boolean): PatchColors {
  if (!on) return NO_COLORS;
  return {
    meta: g.colorOf('color.diff.meta', DEFAULT_COLORS.meta),
    frag: g.colorOf('color.diff.frag', DEFAULT_COLORS.frag),
    func: g.colorOf('color.diff.func', DEFAULT_COLORS.func),
    old: g.colorOf('color.diff.old', DEFAULT_COLORS.old),
    new: g.colorOf('color.diff.new', DEFAULT_COLORS.new),
    context: g.colorOf('color.diff.context', g.colorOf('color.diff.plain', DEFAULT_COLORS.context)),
    whitespace: g.colorOf('color.diff.whitespace', DEFAULT_COLORS.whitespace),
    reset: '\x1b[m',
  };
}

/** Whether any summary (as opposed to the patch) is asked for. */
export const hasSummaries = (f: DiffFormat) => f.stat || f.numstat || f.shortstat || f.summary || f.nameOnly || f.nameStatus;

/** The text (a binary string) for the pairs in the chosen formats. */
export async function renderDiff(g: Git, pairs: FilePair[], f: DiffFormat, abbrev: (oid: string) => string): Promise<string> {
  let out = '';
  let separator = false;
  if (f.nameOnly) for (const p of pairs) out += `${bin(quotePath(p.newPath))}\n`;
  if (f.nameStatus) {
    for (const p of pairs) {
      if (p.status === 'R') out += `R${String(Math.floor((p.score * 100) / 60000)).padStart(3, '0')}\t${bin(quotePath(p.oldPath))}\t${bin(quotePath(p.newPath))}\n`;
      else out += `${p.status}\t${bin(quotePath(p.newPath))}\n`;
    }
  }
  if (f.stat || f.numstat || f.shortstat) {
    const stats: FileStat[] = [];
    for (const p of pairs) {
      await g.sys.checkpoint();
      stats.push(await fileStat(p));
    }
    if (f.numstat) out += bin(numstat(stats));
    if (f.stat) {
      const c = f.color ? { add: g.colorOf('color.diff.new', '\x1b[32m'), del: g.colorOf('color.diff.old', '\x1b[31m'), reset: '\x1b[m' } : undefined;
      const nameWidth = Number(g.config.get('diff.statnamewidth') ?? '0') || 0;
      const graphWidth = Number(g.config.get('diff.statgraphwidth') ?? '0') || 0;
      out += bin(diffstat(stats, f.statWidth ?? termColumns(g), c, nameWidth, graphWidth));
    } else if (f.shortstat) out += bin(shortstat(stats));
    if (stats.length > 0) separator = true;
  }
  if (f.summary) {
    const s = summary(pairs);
    if (s) {
      out += bin(s);
      separator = true;
    }
  }
  if (f.patch && pairs.length > 0) {
    if (separator) out += '\n';
    const colors = patchColors(g, f.color);
    for (const p of pairs) {
      await g.sys.checkpoint();
      out += await formatPatch(p, abbrev, { colors, context: f.context, srcPrefix: f.srcPrefix, dstPrefix: f.dstPrefix });
    }
  }
  return out;
}

