/**
 * How `git log` and `git show` print a commit: the formats "medium" (the
 * default), "oneline", "short", "full", "fuller", "raw" and user formats
 * ("format:%h %s"), plus decorations — the refs pointing at a commit:
 *
 *     commit 1a2b3c4… (HEAD -> master, tag: v1.0)
 */
import type { Git } from './context.ts';
import { formatDate, type DateMode } from './date.ts';
import { parseIdent } from './ident.ts';
import { bin } from './patch.ts';
import { branchNames, tagNames, peel } from './refs.ts';
import type { Repo } from './repo.ts';
import { readHead, resolveRefOid, type Commit } from './store.ts';
import { bodyOf, subjectOf } from './message.ts';

export interface LogColors {
  commit: string;
  head: string;
  branch: string;
  tag: string;
  reset: string;
}

export const NO_LOG_COLORS: LogColors = { commit: '', head: '', branch: '', tag: '', reset: '' };
export const DEFAULT_LOG_COLORS: LogColors = { commit: '\x1b[33m', head: '\x1b[1;36m', branch: '\x1b[1;32m', tag: '\x1b[1;33m', reset: '\x1b[m' };

export interface Decoration {
  kind: 'head' | 'branch' | 'tag' | 'remote';
  name: string;
}

/** Refs by the commit they point to (tags peeled), in the order git lists them. */
export async function loadDecorations(g: Git, repo: Repo): Promise<{ byOid: Map<string, Decoration[]>; head: { oid: string | null; branch: string | null } }> {
  const byOid = new Map<string, Decoration[]>();
  const refs: { ref: string; kind: Decoration['kind']; name: string }[] = [];
  for (const b of await branchNames(repo)) refs.push({ ref: `refs/heads/${b}`, kind: 'branch', name: b });
  for (const t of await tagNames(repo)) refs.push({ ref: `refs/tags/${t}`, kind: 'tag', name: t });
  refs.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  // git prepends each ref as it is found, so they show in reverse order.
  for (const r of refs.reverse()) {
    const oid = await resolveRefOid(repo, r.ref);
    if (!oid) continue;
    const target = r.kind === 'tag' ? ((await peel(repo, oid, 'commit')) ?? oid) : oid;
    const list = byOid.get(target) ?? [];
    list.push({ kind: r.kind, name: r.name });
    byOid.set(target, list);
    if (r.kind === 'tag' && target !== oid) byOid.set(oid, [...(byOid.get(oid) ?? []), { kind: r.kind, name: r.name }]);
  }
  const head = await readHead(g, repo);
  return { byOid, head: { oid: head.oid, branch: head.kind === 'branch' ? head.name : null } };
}

/** " (HEAD -> master, tag: v1)" or "" — with colours when given. */
export function decorationText(oid: string, deco: Awaited<ReturnType<typeof loadDecorations>>, c: LogColors, wrap: [string, string] = [' (', ')']): string {
  const list = [...(deco.byOid.get(oid) ?? [])];
  const parts: string[] = [];
  const paint = (color: string, t: string) => (color ? `${color}${t}${c.reset}` : t);
  const sep = paint(c.commit, ', ');
  if (deco.head.oid === oid) {
    const current = deco.head.branch !== null ? list.findIndex((d) => d.kind === 'branch' && d.name === deco.head.branch) : -1;
    if (current >= 0) {
      list.splice(current, 1);
      parts.push(`${paint(c.head, 'HEAD')}${paint(c.commit, ' -> ')}${paint(c.branch, deco.head.branch!)}`);
    } else parts.push(paint(c.head, 'HEAD'));
  }
  // 2.45 paints "tag: " and the name apart.
  for (const d of list) parts.push(d.kind === 'tag' ? `${paint(c.tag, 'tag: ')}${paint(c.tag, d.name)}` : paint(c.branch, d.name));
  if (parts.length === 0) return '';
  return `${paint(c.commit, wrap[0])}${parts.join(sep)}${paint(c.commit, wrap[1])}`;
}

export type Format = { kind: 'medium' | 'oneline' | 'short' | 'full' | 'fuller' | 'raw' | 'reference' } | { kind: 'user'; template: string; terminator: boolean };

/** --pretty / --format values. */
export function parseFormat(value: string): Format | null {
  const named = ['medium', 'oneline', 'short', 'full', 'fuller', 'raw', 'reference'];
  if (named.includes(value)) return { kind: value as 'medium' };
  if (value.startsWith('format:')) return { kind: 'user', template: value.slice(7), terminator: false };
  if (value.startsWith('tformat:')) return { kind: 'user', template: value.slice(8), terminator: true };
  if (value.includes('%')) return { kind: 'user', template: value, terminator: true };
  return null;
}

export interface PrettyContext {
  g: Git;
  abbrev: (oid: string) => string;
  decorations: Awaited<ReturnType<typeof loadDecorations>> | null;
  colors: LogColors;
  dateMode: DateMode;
  now: number;
  /** --abbrev-commit: the short id in the "commit" line. */
  abbrevCommit?: boolean;
}

function indentMessage(message: string): string {
  const lines = message.replace(/\n+$/, '').split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  return lines.map((l) => `    ${l}\n`).join('');
}

/** One commit in a named format, as a (binary) string ending in "\n". */
export function formatCommit(c: Commit, format: Format, ctx: PrettyContext): string {
  const col = ctx.colors;
  const paint = (color: string, t: string) => (color ? `${color}${t}${col.reset}` : t);
  const deco = ctx.decorations ? decorationText(c.oid, ctx.decorations, col) : '';
  const author = parseIdent(c.author);
  const committer = parseIdent(c.committer);
  if (format.kind === 'user') return expand(format.template, c, ctx);
  if (format.kind === 'oneline') return `${paint(col.commit, ctx.abbrev(c.oid))}${deco} ${bin(subjectOf(c.message))}\n`;
  if (format.kind === 'reference') return `${ctx.abbrev(c.oid)} (${bin(subjectOf(c.message))}, ${formatDate(author.date, 'short')})\n`;
  let out = `${paint(col.commit, `commit ${ctx.abbrevCommit ? ctx.abbrev(c.oid) : c.oid}`)}${deco}\n`;
  if (format.kind === 'raw') {
    out += `tree ${c.tree}\n`;
    for (const p of c.parents) out += `parent ${p}\n`;
    out += `author ${bin(c.author)}\ncommitter ${bin(c.committer)}\n\n`;
    return out + bin(indentMessage(c.message));
  }
  if (c.parents.length > 1) out += `Merge: ${c.parents.map((p) => ctx.abbrev(p)).join(' ')}\n`;
  const who = (i: typeof author) => `${bin(i.name)} <${bin(i.email)}>`;
  if (format.kind === 'medium') out += `Author: ${who(author)}\nDate:   ${formatDate(author.date, ctx.dateMode, ctx.now)}\n`;
  else if (format.kind === 'short') out += `Author: ${who(author)}\n`;
  else if (format.kind === 'full') out += `Author: ${who(author)}\nCommit: ${who(committer)}\n`;
  else out += `Author:     ${who(author)}\nAuthorDate: ${formatDate(author.date, ctx.dateMode, ctx.now)}\nCommit:     ${who(committer)}\nCommitDate: ${formatDate(committer.date, ctx.dateMode, ctx.now)}\n`;
  out += '\n';
  if (format.kind === 'short') return out + `    ${bin(subjectOf(c.message))}\n`;
  return out + bin(indentMessage(c.message));
}

/** User formats: the placeholders people use most. */
function expand(template: string, c: Commit, ctx: PrettyContext): string {
  const author = parseIdent(c.author);
  const committer = parseIdent(c.committer);
  const col = ctx.colors;
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (ch !== '%') {
      out += bin(ch);
      continue;
    }
    const rest = template.slice(i + 1);
    const two = rest.slice(0, 2);
    const one = rest[0];
    const take = (n: number, text: string) => {
      out += text;
      i += n;
    };
    if (one === '%') take(1, '%');
    else if (one === 'n') take(1, '\n');
    else if (one === 'H') take(1, c.oid);
    else if (one === 'h') take(1, ctx.abbrev(c.oid));
    else if (one === 'T') take(1, c.tree);
    else if (one === 't') take(1, ctx.abbrev(c.tree));
    else if (one === 'P') take(1, c.parents.join(' '));
    else if (one === 'p') take(1, c.parents.map((p) => ctx.abbrev(p)).join(' '));
    else if (one === 's') take(1, bin(subjectOf(c.message)));
    else if (one === 'b') take(1, bin(bodyOf(c.message)));
    else if (one === 'B') take(1, bin(c.message));
    else if (one === 'd') take(1, ctx.decorations ? decorationText(c.oid, ctx.decorations, NO_LOG_COLORS) : '');
    else if (one === 'D') take(1, ctx.decorations ? decorationText(c.oid, ctx.decorations, NO_LOG_COLORS, ['', '']) : '');
    else if (one === 'a' || one === 'c') {
      const who = one === 'a' ? author : committer;
      const k = rest[1];
      const dates: Record<string, DateMode> = { d: ctx.dateMode, D: 'rfc', r: 'relative', t: 'unix', i: 'iso', I: 'iso-strict', s: 'short' };
      if (k === 'n') take(2, bin(who.name));
      else if (k === 'e') take(2, bin(who.email));
      else if (k === 'l') take(2, bin(who.email.split('@')[0]!));
      else if (k !== undefined && dates[k] !== undefined) take(2, formatDate(who.date, dates[k], ctx.now));
      else out += '%';
    } else if (two === 'Cr' && rest.startsWith('Creset')) take(6, col.reset ? '\x1b[m' : '');
    else if (one === 'C') {
      const m = /^C(red|green|yellow|blue|magenta|cyan|white|bold|reset|\([^)]*\))/.exec(rest);
      if (!m) out += '%';
      else {
        const names: Record<string, string> = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', blue: '\x1b[34m', magenta: '\x1b[35m', cyan: '\x1b[36m', white: '\x1b[37m', bold: '\x1b[1m', reset: '\x1b[m' };
        const name = m[1]!;
        const always = name.startsWith('(') && /always/.test(name);
        const code = name.startsWith('(') ? '' : names[name]!;
        take(m[0].length, col.reset || always ? code : '');
      }
    } else out += '%';
  }
  return out;
}
