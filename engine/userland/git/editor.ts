/**
 * Editing a commit message: the text the editor starts with (the message,
 * git's instructions and the status, as "#" comments) and launching the
 * editor the user chose — GIT_EDITOR, core.editor, VISUAL, EDITOR, else vi —
 * as a process of its own, on the terminal git runs on.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { putenv, spawnp } from '../lib/system-exec.ts';
import { rethrowControl, type Git } from './context.ts';
import { formatDate } from './date.ts';
import type { Ident } from './ident.ts';
import type { Repo } from './repo.ts';
import type { Status } from './worktree.ts';
import { longStatus } from './commands/status.ts';

/** The text the editor opens: the message, then git's instructions and the status, as comments. */
export async function editorTemplate(g: Git, repo: Repo, message: string, st: Status, cleanup: string, author: Ident, committer: { ident: Ident; explicit: boolean }, dateInteresting: boolean): Promise<string> {
  let t = message;
  const comment = (text: string) =>
    text
      .split('\n')
      .map((l) => (l === '' ? '#' : l.startsWith('\t') ? `#${l}` : `# ${l}`))
      .join('\n');
  t += '\n';
  if (cleanup === 'whitespace') t += comment("Please enter the commit message for your changes. Lines starting\nwith '#' will be kept; you may remove them yourself if you want to.\nAn empty message aborts the commit.") + '\n';
  else t += comment("Please enter the commit message for your changes. Lines starting\nwith '#' will be ignored, and an empty message aborts the commit.") + '\n';
  let shown = false;
  const identLine = (s: string) => {
    t += `${shown ? '' : '#\n'}# ${s}\n`;
    shown = true;
  };
  if (`${author.name} <${author.email}>` !== `${committer.ident.name} <${committer.ident.email}>`) identLine(`Author:    ${author.name} <${author.email}>`);
  if (dateInteresting) identLine(`Date:      ${formatDate(author.date)}`);
  if (!committer.explicit) identLine(`Committer: ${committer.ident.name} <${committer.ident.email}>`);
  t += '#\n';
  const saved = g.config;
  const status = await longStatus(g, repo, st, { commitTemplate: true, hints: false, untrackedMode: 'normal' });
  g.config = saved;
  const body = status.replace(/\n$/, '').split('\n');
  // The closing "nothing to commit…" lines are not part of the template.
  t += body.map((l) => (l === '' ? '#' : l.startsWith('\t') ? `#${l}` : `# ${l}`)).join('\n') + '\n';
  return t;
}

/** Runs the user's editor on `file` (GIT_EDITOR, core.editor, VISUAL, EDITOR, vi). */
export async function launchEditor(g: Git, repo: Repo, file: string, indexFile: string): Promise<boolean> {
  const term = g.getenv('TERM');
  const dumb = !term || term === 'dumb';
  let editor = g.getenv('GIT_EDITOR') ?? g.config.get('core.editor') ?? (dumb ? undefined : g.getenv('VISUAL')) ?? g.getenv('EDITOR');
  if (editor === undefined && dumb) {
    await g.error('Terminal is dumb, but EDITOR unset');
    return false;
  }
  editor ??= 'vi';
  if (editor === ':') return true;
  const env = [...g.env];
  putenv(env, `GIT_INDEX_FILE=${indexFile}`);
  const shell = /[|&;<>()$`\\"' \t\n*?[#~=%]/.test(editor);
  const argv = shell ? ['sh', '-c', `${editor} "$@"`, editor, file] : [editor, file];
  // On a terminal git says what it is waiting for, and erases the line afterwards.
  const waiting = g.adviceEnabled('waitingForEditor') && g.sys.isatty(2) && !dumb;
  if (waiting) await g.err.write('hint: Waiting for your editor to close the file... ');
  let pid: number;
  try {
    pid = await spawnp(g.sys, argv[0]!, { argv, env, cwd: repo.worktree ?? undefined });
  } catch (err) {
    rethrowControl(err);
    if (err instanceof FsError) {
      await g.error(`cannot run ${argv[0]}: ${strerror(err.code)}`);
      await g.error(`unable to start editor '${editor}'`);
      return false;
    }
    throw err;
  }
  const status = await g.sys.waitpid(pid);
  if (waiting) await g.err.write('\r\x1b[K');
  if (!status || status.kind !== 'exited' || status.code !== 0) {
    await g.error(`There was a problem with the editor '${editor}'.`);
    return false;
  }
  return true;
}

