/**
 * Redirections: `< > >> >| <> <& >& &>` and here-documents, applied to the
 * shell's own descriptors and undone afterwards (the descriptors they
 * replace are kept at 10 and above meanwhile, close-on-exec, as ash does).
 * Messages are ash's: "can't open x: no such file", "can't create
 * /nope/x: nonexistent directory", "5: Bad file descriptor".
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import type { Redirect } from './ast.ts';
import type { Shell } from './shell.ts';
import { ShellError } from './vars.ts';

export interface Saved {
  /** fd → the descriptor holding its old file (or -1 if it was closed). */
  fds: [number, number][];
}

const errmsg = (err: FsError, ifMissing: string) => (err.code === 'ENOENT' || err.code === 'ENOTDIR' ? ifMissing : strerror(err.code));

function save(sh: Shell, saved: Saved, fd: number): void {
  if (saved.fds.some(([f]) => f === fd)) return;
  const sys = sh.sys;
  if (sys.fds().includes(fd)) {
    let copy = 10;
    while (sys.fds().includes(copy)) copy++;
    sys.dup2(fd, copy);
    sys.setCloexec(copy, true);
    saved.fds.push([fd, copy]);
  } else saved.fds.push([fd, -1]);
}

/** Puts `file` (an fd the caller opened) at `fd`. */
function place(sh: Shell, fd: number, file: number): void {
  if (file === fd) return;
  sh.sys.dup2(file, fd);
  sh.sys.close(file);
}

export async function applyRedirects(sh: Shell, redirects: readonly Redirect[]): Promise<Saved> {
  const sys = sh.sys;
  const saved: Saved = { fds: [] };
  try {
    for (const r of redirects) {
      if (r.type === 'heredoc') {
        const body = r.quoted ? r.body.parts.map((p) => (p.type === 'literal' || p.type === 'single' ? p.text : '')).join('') : await sh.expand.text({ parts: [{ type: 'double', parts: r.body.parts }] });
        const [rd, wr] = sys.pipe();
        if (body.length < 60000) {
          await sys.write(wr, body);
        } else {
          // A long body would fill the pipe before anyone reads it: a child writes it.
          sys.fork(async (c) => {
            c.close(rd);
            await c.write(wr, body);
            return 0;
          });
        }
        sys.close(wr);
        save(sh, saved, r.fd);
        place(sh, r.fd, rd);
        continue;
      }
      const target = await sh.expand.text(r.target);
      switch (r.op) {
        case '<': {
          let fd: number;
          try {
            fd = sys.open(target, 'r');
          } catch (err) {
            if (err instanceof FsError) throw new ShellError(`can't open ${target}: ${errmsg(err, 'no such file')}`, 1, false);
            throw err;
          }
          save(sh, saved, r.fd);
          place(sh, r.fd, fd);
          break;
        }
        case '>':
        case '>|':
        case '>>':
        case '&>':
        case '<>': {
          let fd: number;
          try {
            if (r.op === '>' && sh.options.noclobber) {
              let exists = false;
              try {
                exists = (sys.stat(target).mode & 0o170000) === 0o100000;
              } catch {
                exists = false;
              }
              if (exists) throw new FsError('EEXIST', 'open', target);
            }
            fd = r.op === '>>' ? sys.open(target, 'a') : r.op === '<>' ? sys.open(target, { read: true, write: true, create: true }) : sys.open(target, 'w');
          } catch (err) {
            if (err instanceof FsError) throw new ShellError(`can't create ${target}: ${errmsg(err, 'nonexistent directory')}`, 1, false);
            throw err;
          }
          save(sh, saved, r.fd);
          if (r.op === '&>') {
            save(sh, saved, 2);
            sys.dup2(fd, 2);
          }
          place(sh, r.fd, fd);
          break;
        }
        case '<&':
        case '>&': {
          if (target === '-') {
            save(sh, saved, r.fd);
            try {
              sys.close(r.fd);
            } catch {
              // closing a closed descriptor is fine
            }
            break;
          }
          if (/^\d+$/.test(target)) {
            const from = Number(target);
            if (!sys.fds().includes(from)) throw new ShellError(`${from}: Bad file descriptor`, 1, false);
            save(sh, saved, r.fd);
            if (from !== r.fd) sys.dup2(from, r.fd);
            break;
          }
          if (r.op === '>&' && r.fd === 1) {
            // `>&file` is `&>file`.
            let fd: number;
            try {
              fd = sys.open(target, 'w');
            } catch (err) {
              if (err instanceof FsError) throw new ShellError(`can't create ${target}: ${errmsg(err, 'nonexistent directory')}`, 1, false);
              throw err;
            }
            save(sh, saved, 1);
            save(sh, saved, 2);
            sys.dup2(fd, 2);
            place(sh, 1, fd);
            break;
          }
          throw new ShellError(`${target}: bad fd number`, 1, false);
        }
      }
    }
  } catch (err) {
    if (!isProcessControl(err)) restoreRedirects(sh, saved);
    throw err;
  }
  return saved;
}

export function restoreRedirects(sh: Shell, saved: Saved): void {
  const sys = sh.sys;
  for (const [fd, copy] of [...saved.fds].reverse()) {
    try {
      if (copy >= 0) {
        sys.dup2(copy, fd);
        sys.close(copy);
      } else if (sys.fds().includes(fd)) sys.close(fd);
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
  }
}

/** `exec > file`: redirections that stay. */
export async function applyPermanently(sh: Shell, redirects: readonly Redirect[]): Promise<void> {
  const saved = await applyRedirects(sh, redirects);
  for (const [, copy] of saved.fds) if (copy >= 0) sh.sys.close(copy);
}
