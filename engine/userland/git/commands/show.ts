/**
 * `git show [<object>...]`: a commit with its patch (HEAD by default), an
 * annotated tag and what it points to, a tree's entries, or a file's
 * content (`git show HEAD:a.txt`).
 */
import { fromUtf8 } from '../../../common/bytes.ts';
import type { Git } from '../context.ts';
import { diffFormat, hasSummaries } from '../diffoutput.ts';
import { formatDate } from '../date.ts';
import { parseIdent } from '../ident.ts';
import * as git from '../isogit.ts';
import { bin, toBytes } from '../patch.ts';
import { formatCommit } from '../pretty.ts';
import { iso, type Repo } from '../repo.ts';
import { headOrDie, parseRevArgs } from '../revwalk.ts';
import { objectType, readBlob, readCommit } from '../store.ts';
import { USAGE } from '../usage.ts';
import { parse, type Command } from './command.ts';
import { diffOfCommit, formatOf, LOG_OPTIONS, prettyContext } from './log.ts';

export const show: Command = {
  setup: 'repo',
  usage: USAGE.show,
  async run(g, args, repo) {
    const o = await parse(g, args, LOG_OPTIONS, USAGE.show, { numeric: true });
    const r = repo!;
    const format = formatOf(g, o, { kind: 'medium' });
    if (!format) return g.die('invalid --pretty format');
    const rev = await parseRevArgs(g, r, o.args, o.dashdash);
    const objects = rev.given.length > 0 ? rev.given : [{ spec: 'HEAD', oid: await headOrDie(g, r) }];
    const ctx = (await prettyContext(g, r, o, format))!;
    const f = diffFormat(g, o, true);
    const showDiff = !o.flag('no-patch') && !o.flag('quiet-log') && (f.patch || hasSummaries(f));
    let out = '';
    let first = true;
    for (const { spec, oid } of objects) {
      await g.sys.checkpoint();
      out += await showObject(g, r, spec, oid, first);
      first = false;
    }
    await g.out.write(toBytes(out));
    return 0;

    async function showObject(g: Git, repo: Repo, spec: string, oid: string, isFirst: boolean): Promise<string> {
      const type = await objectType(repo, oid);
      if (type === 'blob') return bin(fromUtf8(await readBlob(repo, oid)));
      if (type === 'tree') {
        const { tree } = await git.readTree({ ...iso(repo), oid });
        return `${isFirst ? '' : '\n'}tree ${spec}\n\n${tree.map((e) => `${bin(e.path)}${e.type === 'tree' ? '/' : ''}\n`).join('')}`;
      }
      if (type === 'tag') {
        const { tag } = await git.readTag({ ...iso(repo), oid });
        const tagger = parseIdent(`${tag.tagger.name} <${tag.tagger.email}> ${tag.tagger.timestamp} ${offsetText(-tag.tagger.timezoneOffset)}`);
        let text = `${isFirst ? '' : '\n'}tag ${tag.tag}\nTagger: ${bin(tagger.name)} <${bin(tagger.email)}>\nDate:   ${formatDate(tagger.date, ctx.dateMode, ctx.now)}\n\n${bin(tag.message.replace(/\n*$/, '\n'))}`;
        text += `\n${await showObject(g, repo, tag.object, tag.object, true)}`;
        return text;
      }
      const c = await readCommit(repo, oid);
      const fmt = format!;
      let text = (isFirst || fmt.kind === 'oneline' || (fmt.kind === 'user' && fmt.terminator) ? '' : '\n') + formatCommit(c, fmt, ctx) + (fmt.kind === 'user' && fmt.terminator ? '\n' : '');
      if (showDiff) {
        const diff = await diffOfCommit(g, repo, c, f, rev.paths);
        if (diff !== '') {
          if (fmt.kind !== 'oneline') text += f.stat && f.patch ? '---\n' : '\n';
          text += diff;
        }
      }
      return text;
    }
  },
};

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}
