/**
 * su [-lmp] [-s SH] [-] [USER [FILE ARGS | -c 'CMD' [ARG0 ARGS]]]: run a
 * shell (USER's, or -s SH) as USER, root by default. `-` or -l makes it a
 * login shell: a clean environment and USER's home directory. Root may
 * become anyone without a password. Anyone else is asked for the target's
 * password; these systems' accounts have none that can be typed (they are
 * locked, "*"), and other users' password hashes are unreadable anyway, so
 * the answer is always "incorrect password" (after busybox's 3-second pause).
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { readFile } from '../lib/io.ts';
import { getenv, setenv } from '../lib/system-exec.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { Names } from '../lib/users.ts';

async function readText(sys: Sys, path: string): Promise<string | undefined> {
  try {
    return fromUtf8(await readFile(sys, path));
  } catch (e) {
    if (isProcessControl(e)) throw e;
    return undefined;
  }
}

/** The password field for `user`: from /etc/passwd, or /etc/shadow when that says x or * (unreadable → "aa", which nothing matches). */
async function passwordField(sys: Sys, user: string): Promise<string> {
  const line = (await readText(sys, '/etc/passwd'))?.split('\n').find((l) => l.split(':')[0] === user);
  const pass = line?.split(':')[1] ?? 'aa';
  if (pass !== 'x' && pass !== '*') return pass;
  const shadow = await readText(sys, '/etc/shadow');
  const entry = shadow?.split('\n').find((l) => l.split(':')[0] === user);
  return entry === undefined ? 'aa' : (entry.split(':')[1] ?? '');
}

/** bb_ask_noecho: prompt on stdout, read a line from stdin without echo. Undefined at end of input or on ^C. */
async function askNoEcho(ctx: AppletContext, prompt: string): Promise<string | undefined> {
  const { sys, out } = ctx;
  await out.write(prompt);
  await out.flush();
  let old;
  try {
    old = sys.tcgetattr(0);
    sys.tcsetattr(0, { ...old, echo: false, echoe: false, echok: false });
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
  }
  const oldInt = sys.signal(2, () => undefined);
  let line = '';
  let result: string | undefined;
  try {
    for (;;) {
      let b: Uint8Array;
      try {
        b = await sys.read(0, 1);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        result = undefined;
        break;
      }
      if (b.length === 0) {
        result = line === '' ? undefined : line;
        break;
      }
      if (b[0] === 10 || b[0] === 13) {
        result = line;
        break;
      }
      line += String.fromCharCode(b[0]!);
    }
  } finally {
    sys.signal(2, oldInt);
    if (old) sys.tcsetattr(0, old);
  }
  await out.write('\n');
  await out.flush();
  return result;
}

/** is_tty_secure: listed in /etc/securetty (or there is no such file). */
async function ttySecure(sys: Sys, tty: string): Promise<boolean> {
  const text = await readText(sys, '/etc/securetty');
  if (text === undefined) return true;
  return text.split('\n').some((l) => l.trim() === tty);
}

export default applet(
  "Usage: su [-lmp] [-s SH] [-] [USER [FILE ARGS | -c 'CMD' [ARG0 ARGS]]]\n\nRun shell under USER (by default, root)\n\n\t-,-l\tClear environment, go to home dir, run shell as login shell\n\t-p,-m\tDo not set new $HOME, $SHELL, $USER, $LOGNAME\n\t-c CMD\tCommand to pass to 'sh -c'\n\t-s SH\tShell to use instead of user's default",
  async (ctx) => {
    const { sys, err } = ctx;
    const o = await parseOptions(ctx, 'mplc:s:');
    let args = o.operands;
    let login = o.has('l');
    const preserve = o.has('m') || o.has('p');
    if (args[0] === '-') {
      login = true;
      args = args.slice(1);
    }
    const username = args[0] ?? 'root';
    if (args[0] !== undefined) args = args.slice(1);
    let tty = 'none';
    try {
      tty = sys.ttyname(0).replace(/^\/dev\//, '');
    } catch (e) {
      if (isProcessControl(e)) throw e;
    }
    const names = await Names.load(sys);
    const pw = names.userByName(username) ?? fail(`unknown user ${username}`);
    const curUid = sys.getuid();
    if (curUid !== 0) {
      const pass = await passwordField(sys, username);
      let ok: boolean;
      if (pass === '') ok = await ttySecure(sys, tty);
      else {
        await askNoEcho(ctx, 'Password: ');
        // No password hash on these systems can be matched (accounts are locked, or the hash is unreadable).
        ok = false;
      }
      if (!ok) {
        await sys.sleep(3000);
        fail('incorrect password');
      }
    }
    let shell = o.value('s');
    if (shell === undefined && preserve) shell = getenv(sys.env, 'SHELL');
    if (shell !== undefined && curUid !== 0 && pw!.shell) {
      const shells = (await readText(sys, '/etc/shells')) ?? '/bin/sh\n/bin/csh\n';
      if (!shells.split('\n').includes(pw!.shell)) {
        await err.write(`${ctx.name}: using restricted shell\n`);
        shell = undefined;
      }
    }
    if (shell === undefined || shell === '') shell = pw!.shell || '/bin/sh';
    // change_identity: initgroups, setgid, setuid
    try {
      sys.setgroups([pw!.gid, ...names.groupsOf(pw!.name).map((g) => g.gid)]);
    } catch (e) {
      if (e instanceof FsError) fail(`can't set groups: ${strerror(e.code)}`);
      throw e;
    }
    sys.setgid(pw!.gid);
    sys.setuid(pw!.uid);
    // setup_environment
    let env = [...sys.env];
    if (login) {
      try {
        sys.chdir(pw!.home);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        await err.write(`${ctx.name}: can't change directory to '${pw!.home}': ${strerror(e.code)}\n`);
        sys.chdir('/');
      }
      const term = getenv(env, 'TERM');
      env = [];
      if (term !== undefined) setenv(env, 'TERM', term);
      setenv(env, 'PATH', pw!.uid ? '/bin:/usr/bin' : '/sbin:/usr/sbin:/bin:/usr/bin');
    }
    if (login || !preserve) {
      if (login || pw!.uid !== 0) {
        setenv(env, 'USER', pw!.name);
        setenv(env, 'LOGNAME', pw!.name);
      }
      setenv(env, 'HOME', pw!.home);
      setenv(env, 'SHELL', shell);
    }
    const base = shell.slice(shell.lastIndexOf('/') + 1);
    const argv = [login ? '-' + base : base, ...(o.has('c') ? ['-c', o.value('c')!] : []), ...args];
    try {
      return await sys.exec(shell, argv, env);
    } catch (e) {
      if (e instanceof FsError) return fail(`can't execute '${shell}': ${strerror(e.code)}`);
      throw e;
    }
  },
);
