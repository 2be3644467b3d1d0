/**
 * `git tag`: name a commit for good.
 *
 *     git tag                          list tags
 *     git tag v1.0                     a lightweight tag at HEAD
 *     git tag -a v1.0 -m "Release"     an annotated tag (an object with a message)
 *     git tag -d v1.0                  delete
 */
import { Exit } from '../context.ts';
import { strictIdent } from '../ident.ts';
import * as git from '../isogit.ts';
import { deleteRef, resolveRevision, tagNames } from '../refs.ts';
import { iso } from '../repo.ts';
import { resolveRefOid } from '../store.ts';
import { stripspace } from '../message.ts';
import { USAGE } from '../usage.ts';
import { validRefName } from './init.ts';
import { abbrev, parse, type Command } from './command.ts';

export const tag: Command = {
  setup: 'repo',
  usage: USAGE.tag,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'list', short: 'l', long: 'list' },
        { id: 'delete', short: 'd', long: 'delete' },
        { id: 'annotate', short: 'a', long: 'annotate' },
        { id: 'message', short: 'm', long: 'message', arg: 'required', repeat: true },
        { id: 'file', short: 'F', long: 'file', arg: 'required' },
        { id: 'force', short: 'f', long: 'force' },
        { id: 'n', short: 'n', arg: 'optional' },
        { id: 'sign', short: 's', long: 'sign' },
        { id: 'verify', short: 'v', long: 'verify' },
        { id: 'edit', short: 'e', long: 'edit' },
      ],
      USAGE.tag,
    );
    const r = repo!;
    if (o.flag('sign') || o.flag('verify')) return g.die("signed tags are not supported by Berth's git");
    if (o.flag('delete')) {
      let status = 0;
      for (const name of o.args) {
        const oid = await resolveRefOid(r, `refs/tags/${name}`);
        if (!oid) {
          await g.error(`tag '${name}' not found.`);
          status = 1;
          continue;
        }
        await deleteRef(g, r, `refs/tags/${name}`);
        await g.out.write(`Deleted tag '${name}' (was ${abbrev(g, oid)})\n`);
      }
      return status;
    }
    if (o.flag('list') || o.args.length === 0) {
      const names = await tagNames(r);
      const patterns = o.args;
      const match = (n: string) => patterns.length === 0 || patterns.some((p) => new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(n));
      await g.out.write(names.filter(match).map((n) => `${n}\n`).join(''));
      return 0;
    }
    const [name, target = 'HEAD'] = o.args;
    if (o.args.length > 2) {
      await g.err.write(USAGE.tag);
      throw new Exit(129);
    }
    if (!validRefName(`refs/tags/${name}`)) return g.die(`'${name}' is not a valid tag name.`);
    const existing = await resolveRefOid(r, `refs/tags/${name}`);
    if (existing && !o.flag('force')) return g.die(`tag '${name}' already exists`);
    const resolved = await resolveRevision(g, r, target);
    if (!resolved) return g.die(`Failed to resolve '${target}' as a valid ref.`);
    const messages = o.list('message');
    const annotated = o.flag('annotate') || messages.length > 0 || o.has('file');
    let oid = resolved.oid;
    if (annotated) {
      if (messages.length === 0 && !o.has('file')) return g.die('no tag message? Berth has no editor for tag messages; use -m <message>');
      let message = messages.map((m) => (m.endsWith('\n') ? m : m + '\n')).join('\n');
      if (o.has('file')) {
        const { readFile } = await import('../../lib/io.ts');
        const { fromUtf8 } = await import('../../../common/bytes.ts');
        message = fromUtf8(await readFile(g.sys, o.str('file')!));
      }
      message = stripspace(message, true);
      const tagger = (await strictIdent(g, 'committer', g.sys.now())).ident;
      const { type } = await git.readObject({ ...iso(r), oid, format: 'content' });
      oid = await git.writeTag({
        ...iso(r),
        tag: { object: oid, type: type as 'commit', tag: name!, tagger: { name: tagger.name, email: tagger.email, timestamp: tagger.date.seconds, timezoneOffset: -tagger.date.offset }, message },
      });
    }
    await git.writeRef({ ...iso(r), ref: `refs/tags/${name}`, value: oid, force: true });
    if (existing && existing !== oid) await g.out.write(`Updated tag '${name}' (was ${abbrev(g, existing)})\n`);
    return 0;
  },
};
