/**
 * `git commit`: record the staged snapshot as a new commit on the current
 * branch.
 *
 *     git commit -m "Add greeting"      the index, with this message
 *     git commit -a -m "Fix typo"       stage changes to tracked files first
 *     git commit --amend -m "Better"    replace the last commit
 *     git commit a.txt -m "Only a"      commit just these files' current content
 *
 * In git's order: who the author is (or "Author identity unknown"), the
 * pre-commit hook, the message (from -m/-F or an editor), whether there is
 * anything to commit (else the status and exit 1), the commit-msg hook, the
 * commit itself, the post-commit hook, then the summary:
 *
 *     [master (root-commit) 1a2b3c4] Add greeting
 *      1 file changed, 1 insertion(+)
 *      create mode 100644 hello.txt
 */
import { fromUtf8 } from '../../../common/bytes.ts';
import { FsError, strerror } from '../../../fs/errno.ts';
import { readFile, writeFile } from '../../lib/io.ts';
import type { Git } from '../context.ts';
import { formatDate, parseDate, type GitDate } from '../date.ts';
import { diffSides } from '../diffcore.ts';
import { runHook } from '../hooks.ts';
import { formatIdent, parseIdent, strictIdent, userConfigExists, type Ident } from '../ident.ts';
import { fileStat } from '../patch.ts';
import { matches, parsePathspecs } from '../pathspec.ts';
import { detachHead, resolveRevision, updateRef } from '../refs.ts';
import type { Repo } from '../repo.ts';
import { shortstat, summary } from '../stat.ts';
import { readCommit, readIndex, readTree, writeCommit, writeTreeFromIndex, type IndexEntry } from '../store.ts';
import { USAGE } from '../usage.ts';
import { stripspace, subjectOf } from '../message.ts';
import { collectStatus, objectSide, snapshot } from '../worktree.ts';
import { stage } from './add.ts';
import { abbrev, parse, type Command } from './command.ts';
import { longStatus, untrackedModeOf } from './status.ts';
import { editorTemplate, launchEditor } from '../editor.ts';

const EMPTY_AMEND_ADVICE = `You asked to amend the most recent commit, but doing so would make
it empty. You can repeat your command with --allow-empty, or you can
remove the commit entirely with "git reset HEAD^".
`;

const IMPLICIT_NOCONFIG = `Your name and email address were configured automatically based
on your username and hostname. Please check that they are accurate.
You can suppress this message by setting them explicitly. Run the
following command and follow the instructions in your editor to edit
your configuration file:

    git config --global --edit

After doing this, you may fix the identity used for this commit with:

    git commit --amend --reset-author
`;

const IMPLICIT_CONFIG = `Your name and email address were configured automatically based
on your username and hostname. Please check that they are accurate.
You can suppress this message by setting them explicitly:

    git config --global user.name "Your Name"
    git config --global user.email you@example.com

After doing this, you may fix the identity used for this commit with:

    git commit --amend --reset-author
`;

export const commit: Command = {
  setup: 'worktree',
  usage: USAGE.commit,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'quiet', short: 'q', long: 'quiet' },
        { id: 'verbose', short: 'v', long: 'verbose', count: true },
        { id: 'file', short: 'F', long: 'file', arg: 'required' },
        { id: 'author', long: 'author', arg: 'required' },
        { id: 'date', long: 'date', arg: 'required' },
        { id: 'message', short: 'm', long: 'message', arg: 'required', repeat: true },
        { id: 'reedit', short: 'c', long: 'reedit-message', arg: 'required' },
        { id: 'reuse', short: 'C', long: 'reuse-message', arg: 'required' },
        { id: 'reset-author', long: 'reset-author' },
        { id: 'signoff', short: 's', long: 'signoff' },
        { id: 'edit', short: 'e', long: 'edit' },
        { id: 'cleanup', long: 'cleanup', arg: 'required' },
        { id: 'status', long: 'status' },
        { id: 'all', short: 'a', long: 'all' },
        { id: 'include', short: 'i', long: 'include' },
        { id: 'only', short: 'o', long: 'only' },
        { id: 'no-verify', short: 'n', long: 'no-verify' },
        { id: 'dry-run', long: 'dry-run' },
        { id: 'short', long: 'short' },
        { id: 'porcelain', long: 'porcelain' },
        { id: 'amend', long: 'amend' },
        { id: 'no-post-rewrite', long: 'no-post-rewrite' },
        { id: 'untracked', short: 'u', long: 'untracked-files', arg: 'optional' },
        { id: 'allow-empty', long: 'allow-empty' },
        { id: 'allow-empty-message', long: 'allow-empty-message' },
        { id: 'interactive', long: 'interactive' },
        { id: 'patch', short: 'p', long: 'patch' },
        { id: 'fixup', long: 'fixup', arg: 'required' },
        { id: 'squash', long: 'squash', arg: 'required' },
        { id: 'gpg-sign', short: 'S', long: 'gpg-sign', arg: 'optional' },
        { id: 'trailer', long: 'trailer', arg: 'required', repeat: true },
      ],
      USAGE.commit,
    );
    for (const unsupported of ['interactive', 'patch', 'fixup', 'squash', 'gpg-sign', 'trailer']) {
      if (o.has(unsupported) && o.values.get(unsupported) !== false) return g.die(`git commit --${unsupported} is not supported by Berth's git`);
    }
    const r = repo!;
    const now = g.sys.now();
    const messages = o.list('message');
    const amend = o.flag('amend');
    const head = (await snapshot(g, r)).head;
    if (amend && head.oid === null) return g.die('You have nothing to amend.');
    if (o.flag('all') && o.args.length > 0) return g.die("paths '" + o.args.join(' ') + " ...' with -a does not make sense");
    if ((messages.length > 0 ? 1 : 0) + (o.has('file') ? 1 : 0) + (o.has('reuse') ? 1 : 0) + (o.has('reedit') ? 1 : 0) > 1) {
      return g.die("options '-m', '-F', '-c' and '-C' cannot be used together".replace(/, '-c' and '-C'/, messages.length && o.has('file') ? '' : ", '-c' and '-C'"));
    }
    const cleanupArg = o.str('cleanup') ?? g.config.get('commit.cleanup') ?? 'default';
    if (!['default', 'strip', 'whitespace', 'verbatim', 'scissors'].includes(cleanupArg)) return g.die(`Invalid cleanup mode ${cleanupArg}`);

    // 1. Stage what -a / -i / paths ask for.
    let onlyPaths: string[] | null = null;
    if (o.flag('all')) await stage(g, r, await parsePathspecs(g, r, [':/']), { tracked: true, untracked: false, removals: true, force: false, dryRun: false, verbose: false, checkUnmatched: false });
    else if (o.args.length > 0) {
      const specs = await parsePathspecs(g, r, o.args);
      const index = await readIndex(g, r);
      const headTree = head.oid ? await readTree(g, r, (await readCommit(r, head.oid)).tree) : new Map();
      const known = new Set([...index.keys(), ...headTree.keys()]);
      for (const ps of specs) {
        if (![...known].some((p) => matches(ps, p))) {
          await g.error(`pathspec '${ps.raw}' did not match any file(s) known to git`);
          return 1;
        }
      }
      await stage(g, r, specs, { tracked: true, untracked: o.flag('include'), removals: true, force: false, dryRun: false, verbose: false, checkUnmatched: false });
      if (!o.flag('include')) onlyPaths = [...known].filter((p) => specs.some((ps) => matches(ps, p)));
    }

    // 2. The author.
    const amended = amend ? await readCommit(r, head.oid!) : null;
    let date: GitDate | undefined;
    const dateArg = o.str('date');
    if (dateArg !== undefined) {
      const d = parseDate(dateArg);
      if (!d) return g.die(`invalid date format: ${dateArg}`);
      date = d;
    }
    let author: Ident;
    const authorArg = o.str('author');
    const reuseFrom = o.str('reuse') ?? o.str('reedit');
    const reused = reuseFrom !== undefined ? await reuseCommit(g, r, reuseFrom) : null;
    if (authorArg !== undefined) {
      const m = /^\s*(.*?)\s*<([^>]*)>\s*$/.exec(authorArg);
      if (!m) return g.die(`--author '${authorArg}' is not 'Name <email>' and matches no existing author`);
      author = { name: m[1]!, email: m[2]!, date: date ?? (await strictIdent(g, 'author', now)).ident.date };
    } else if ((amended || reused) && !o.flag('reset-author')) {
      author = parseIdent((amended ?? reused)!.author);
      if (date) author.date = date;
    } else author = (await strictIdent(g, 'author', now, date)).ident;
    const authorDateInteresting = (amend && !o.flag('reset-author')) || reused !== null || date !== undefined;
    const authorEnv = [`GIT_AUTHOR_NAME=${author.name}`, `GIT_AUTHOR_EMAIL=${author.email}`, `GIT_AUTHOR_DATE=@${author.date.seconds} ${formatIdent(author).split(' ').pop()}`];

    // 3. pre-commit.
    const noVerify = o.flag('no-verify');
    // Without a message on the command line git opens an editor (--amend included, unless --no-edit).
    const useEditor = o.has('edit') ? o.flag('edit') : messages.length === 0 && !o.has('file') && !o.has('reuse');
    const indexFile = `${r.gitdir === `${r.worktree}/.git` ? '.git' : r.gitdir}/index`;
    const hookEnv = [`GIT_INDEX_FILE=${indexFile}`, ...(useEditor ? [] : ['GIT_EDITOR=:']), ...authorEnv, ...(r.prefix ? [`GIT_PREFIX=${r.prefix}`] : [])];
    if (!noVerify) {
      const rc = await runHook(g, r, 'pre-commit', [], hookEnv);
      if (rc !== null && rc !== 0) return 1;
    }

    // 4. The message, into COMMIT_EDITMSG.
    let message: string;
    if (messages.length > 0) message = messages.map((m) => (m.endsWith('\n') ? m : m + '\n')).join('\n');
    else if (o.has('file')) {
      const f = o.str('file')!;
      try {
        message = fromUtf8(f === '-' ? await readAllStdin(g) : await readFile(g.sys, f.startsWith('/') ? f : `${g.cwd()}/${f}`));
      } catch (err) {
        if (err instanceof FsError) return g.die(`could not read log file '${f}': ${strerror(err.code)}`);
        throw err;
      }
    } else if (reused) message = reused.message;
    else if (amended) message = amended.message;
    else message = '';
    if (o.flag('signoff')) {
      const c = (await strictIdent(g, 'committer', now)).ident;
      const line = `Signed-off-by: ${c.name} <${c.email}>`;
      if (!message.includes(line)) {
        const body = message.replace(/\n+$/, '');
        const lastPara = body.split('\n\n').pop() ?? '';
        const trailerish = lastPara !== '' && lastPara.split('\n').every((l) => /^[A-Za-z0-9-]+: /.test(l));
        message = `${body}${body === '' ? '' : trailerish ? '\n' : '\n\n'}${line}\n`;
      }
    }
    const editmsg = `${r.gitdir}/COMMIT_EDITMSG`;
    const committer = await strictIdent(g, 'committer', now);

    // 5. Anything to commit?
    const st = await collectStatus(g, r, untrackedModeOf(undefined, g) ?? 'normal');
    let indexEntries = st.index;
    if (onlyPaths) {
      // Only the named paths change relative to HEAD.
      const tree = new Map(st.headTree) as Map<string, IndexEntry>;
      for (const p of onlyPaths) {
        const e = st.index.get(p);
        if (e) tree.set(p, e);
        else tree.delete(p);
      }
      indexEntries = tree;
    }
    const parentTree = amend ? (amended!.parents[0] ? await readTree(g, r, (await readCommit(r, amended!.parents[0])).tree) : new Map()) : st.headTree;
    const changes = await diffSides(objectSide(r, parentTree), objectSide(r, indexEntries), {});
    const hints = g.config.bool('advice.statushints') !== false;
    if (changes.length === 0 && !o.flag('allow-empty')) {
      const text = await longStatus(g, r, amend ? { ...st, staged: changes } : st, { commitTemplate: true, hints, untrackedMode: untrackedModeOf(undefined, g) ?? 'normal', amend });
      await g.out.write(text);
      if (amend) {
        await g.out.flush();
        await g.err.write(EMPTY_AMEND_ADVICE);
      }
      return 1;
    }

    if (useEditor) {
      const template = await editorTemplate(g, r, message, st, cleanupArg, author, committer, authorDateInteresting);
      await writeFile(g.sys, editmsg, template);
      const ok = await launchEditor(g, r, editmsg, indexFile);
      if (!ok) {
        await g.err.write('Please supply the message using either -m or -F option.\n');
        return 1;
      }
    } else await writeFile(g.sys, editmsg, message);

    if (!noVerify) {
      const rc = await runHook(g, r, 'commit-msg', [`${r.gitdir === `${r.worktree}/.git` ? '.git' : r.gitdir}/COMMIT_EDITMSG`], hookEnv);
      if (rc !== null && rc !== 0) return 1;
    }
    message = fromUtf8(await readFile(g.sys, editmsg));
    const mode = cleanupArg === 'default' ? (useEditor ? 'strip' : 'whitespace') : cleanupArg;
    if (mode === 'strip') message = stripspace(message, true);
    else if (mode === 'whitespace') message = stripspace(message, false);
    else if (mode === 'scissors') message = stripspace(message.split(/^# -+ >8 -+$/m)[0]!, true);
    if (stripspace(message, mode === 'strip') === '' && !o.flag('allow-empty-message')) {
      await g.out.flush();
      await g.err.write('Aborting commit due to empty commit message.\n');
      return 1;
    }

    // 6. The commit.
    const tree = await writeTreeFromIndex(g, r, indexEntries);
    const parents = amend ? amended!.parents : head.oid ? [head.oid] : [];
    let text = `tree ${tree}\n`;
    for (const p of parents) text += `parent ${p}\n`;
    text += `author ${formatIdent(author)}\ncommitter ${formatIdent(committer.ident)}\n`;
    if (amended) for (const extra of amended.extra) if (!extra.startsWith('gpgsig')) text += `${extra}\n`;
    text += `\n${message}`;
    const oid = await writeCommit(r, text);
    const firstLine = message.split('\n')[0]!;
    const reflogMsg = `${amend ? 'commit (amend)' : head.oid === null ? 'commit (initial)' : 'commit'}: ${firstLine}`;
    if (head.kind === 'branch') await updateRef(g, r, head.ref, oid, head.oid, committer.ident, reflogMsg);
    else await detachHead(g, r, oid, head.oid, committer.ident, reflogMsg);

    await runHook(g, r, 'post-commit', [], [...hookEnv.filter((e) => !e.startsWith('GIT_AUTHOR'))]);

    if (!o.flag('quiet')) {
      // One "format:" header, as print_commit_summary builds it; a newline ends it before the stats.
      let header = `[${head.kind === 'branch' ? head.name : 'detached HEAD'}${head.oid === null ? ' (root-commit)' : ''} ${abbrev(g, oid)}] ${subjectOf(message)}`;
      const authorLine = `${author.name} <${author.email}>`;
      if (authorLine !== `${committer.ident.name} <${committer.ident.email}>`) header += `\n Author: ${authorLine}`;
      if (authorDateInteresting) header += `\n Date: ${formatDate(author.date)}`;
      if (!committer.explicit) {
        header += `\n Committer: ${committer.ident.name} <${committer.ident.email}>`;
        if (g.adviceEnabled('implicitIdentity')) header += `\n${userConfigExists(g) ? IMPLICIT_CONFIG : IMPLICIT_NOCONFIG}`;
      }
      let out = `${header}\n`;
      const base = parents[0] ? await readTree(g, r, (await readCommit(r, parents[0])).tree) : new Map();
      const pairs = await diffSides(objectSide(r, base), objectSide(r, indexEntries), { renames: true, checkpoint: () => g.sys.checkpoint() });
      const stats = [];
      for (const p of pairs) stats.push(await fileStat(p));
      out += shortstat(stats) + summary(pairs);
      await g.out.write(out);
    }
    return 0;
  },
};

async function readAllStdin(g: Git): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const d = await g.sys.read(0);
    if (d.length === 0) break;
    parts.push(d);
  }
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function reuseCommit(g: Git, repo: Repo, rev: string): Promise<{ author: string; message: string } | null> {
  const r = await resolveRevision(g, repo, rev);
  if (!r) return g.die(`could not lookup commit '${rev}'`);
  const c = await readCommit(repo, r.oid);
  return { author: c.author, message: c.message };
}
