/**
 * gosu 1.17 — "simple Go-based setuid+setgid+setgroups+exec": run a
 * command as another user, as the redis image's entrypoint does with
 * `exec gosu redis "$0" "$@"`.
 *
 *     gosu redis redis-server            user name: its uid, gid and groups
 *     gosu nobody:root id                user:group
 *     gosu 1000:1 id                     numeric ids need no passwd entry
 *
 * The user spec is resolved as moby/sys/user's GetExecUser does; then
 * setgroups, setgid, setuid, HOME from the passwd entry, a $PATH lookup as
 * Go's exec.LookPath does it, and execve. Errors go through Go's log
 * package: "error: …" on stderr, exit 1.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { S_IFDIR, S_IFMT } from '../../fs/types.ts';
import { isProcessControl, type Program, type Sys } from '../../kernel/sys.ts';
import { groups as readGroups, passwd as readPasswd } from '../lib/users.ts';
import { getenv, setenv, unsetenv } from '../lib/system-exec.ts';

const VERSION = '1.17 (go1.18.2 on linux/amd64; gc)';

function usage(self: string): string {
  return [
    `Usage: ${self} user-spec command [args]`,
    `   eg: ${self} tianon bash`,
    `       ${self} nobody:root bash -c 'whoami && id'`,
    `       ${self} 1000:1 id`,
    '',
    `${self} version: ${VERSION}`,
    `${self} license: Apache-2.0 (full text at https://github.com/tianon/gosu)`,
    '',
  ].join('\n');
}

/** Go's syscall.Errno text: the C library's message, lower-cased as Go's table has it. */
const goErrno = (err: unknown): string => {
  if (isProcessControl(err)) throw err;
  if (err instanceof FsError) {
    const text = strerror(err.code);
    return text.charAt(0).toLowerCase() + text.slice(1);
  }
  return String(err);
};

interface ExecUser {
  uid: number;
  gid: number;
  sgids: number[];
  home: string;
}

const numeric = (s: string): number | undefined => (/^[+-]?\d+$/.test(s) ? Number(s) : undefined);
const MAX_ID = 2 ** 31 - 1;

/** moby/sys/user GetExecUser: "user", "uid", "user:group", "uid:gid", with the current ids as defaults. */
async function execUser(sys: Sys, spec: string): Promise<ExecUser> {
  const colon = spec.indexOf(':');
  const userArg = colon < 0 ? spec : spec.slice(0, colon);
  const groupArg = colon < 0 ? '' : spec.slice(colon + 1).split(':')[0]!;
  const uidArg = numeric(userArg);
  const gidArg = numeric(groupArg);
  const user: ExecUser = { uid: sys.getuid(), gid: sys.getgid(), sgids: [], home: '/' };

  const users = (await readPasswd(sys)).filter((u) => (userArg === '' ? u.uid === user.uid : uidArg !== undefined ? u.uid === uidArg : u.name === userArg));
  let matched = '';
  if (users.length > 0) {
    matched = users[0]!.name;
    user.uid = users[0]!.uid;
    user.gid = users[0]!.gid;
    user.home = users[0]!.home;
  } else if (userArg !== '') {
    if (uidArg === undefined) throw new Error(`unable to find user ${userArg}: no matching entries in passwd file`);
    if (uidArg < 0 || uidArg > MAX_ID) throw new Error('uids and gids must be in range 0-2147483647');
    user.uid = uidArg;
  }

  if (groupArg !== '' || matched !== '') {
    const found = (await readGroups(sys)).filter((g) =>
      groupArg === '' ? g.members.includes(matched) : gidArg !== undefined ? g.gid === gidArg : g.name === groupArg,
    );
    if (groupArg !== '') {
      if (found.length > 0) user.gid = found[0]!.gid;
      else {
        if (gidArg === undefined) throw new Error(`unable to find group ${groupArg}: no matching entries in group file`);
        if (gidArg < 0 || gidArg > MAX_ID) throw new Error('uids and gids must be in range 0-2147483647');
        user.gid = gidArg;
      }
    } else if (found.length > 0) user.sgids = found.map((g) => g.gid);
  }
  return user;
}

/** Go's exec.LookPath: a name with a slash is checked as is, others are searched in $PATH. */
function lookPath(sys: Sys, file: string, path: string): string {
  const executable = (p: string): string | undefined => {
    try {
      const st = sys.stat(p);
      if ((st.mode & S_IFMT) !== S_IFDIR && (st.mode & 0o111) !== 0) return undefined;
      return 'permission denied';
    } catch (err) {
      return `stat ${p}: ${goErrno(err)}`;
    }
  };
  if (file.includes('/')) {
    const problem = executable(file);
    if (problem === undefined) return file;
    throw new Error(`exec: ${JSON.stringify(file)}: ${problem}`);
  }
  for (const dir of path.split(':')) {
    const candidate = `${dir === '' ? '.' : dir}/${file}`;
    if (executable(candidate) === undefined) return candidate;
  }
  throw new Error(`exec: ${JSON.stringify(file)}: executable file not found in $PATH`);
}

export const gosu: Program = async (sys) => {
  const self = (sys.argv[0] ?? 'gosu').split('/').pop()!;
  const args = sys.argv.slice(1);
  const fatal = async (message: string): Promise<number> => {
    await sys.write(2, `${message}\n`);
    return 1;
  };

  try {
    const st = sys.stat('/proc/self/exe');
    if (st.mode & 0o4000) return fatal(`error: ${JSON.stringify(sys.argv[0] ?? '')} appears to be installed with the 'setuid' bit set, which is an *extremely* insecure and completely unsupported configuration! (what you want instead is likely 'sudo' or 'su')`);
  } catch (err) {
    if (isProcessControl(err)) throw err;
  }

  if (args[0] === '--help' || args[0] === '-h' || args[0] === '-?') {
    await sys.write(1, usage(self) + '\n');
    return 0;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    await sys.write(1, VERSION + '\n');
    return 0;
  }
  // log.Println(usage()): Sprintln adds a newline to the one usage ends with.
  if (args.length < 2) return fatal(usage(self));

  const env = [...sys.env];
  unsetenv(env, 'HOME');
  const spec = args[0]!;
  try {
    const user = await execUser(sys, spec);
    sys.setgroups(user.sgids);
    sys.setgid(user.gid);
    sys.setuid(user.uid);
    if (!getenv(env, 'HOME')) setenv(env, 'HOME', user.home);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return fatal(`error: failed switching to ${JSON.stringify(spec)}: ${err instanceof FsError ? goErrno(err) : (err as Error).message}`);
  }

  let file: string;
  try {
    file = lookPath(sys, args[1]!, getenv(env, 'PATH') ?? '');
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return fatal(`error: ${(err as Error).message}`);
  }
  try {
    return await sys.exec(file, args.slice(1), env);
  } catch (err) {
    return fatal(`error: exec failed: ${goErrno(err)}`);
  }
};
