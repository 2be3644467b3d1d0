/**
 * id [-ugGnr] [USER]: the user and group ids of USER or of this process.
 * The default form is `uid=1000(learner) gid=1000(learner) groups=1000(learner),999(docker)`;
 * euid= and egid= appear when they differ from the real ids. Also `groups [USER]`
 * (see groups.ts), which is id -Gn.
 */
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { Names } from '../lib/users.ts';

const ID_USAGE =
  'Usage: id [-ugGnr] [USER]\n\nPrint information about USER or the current user\n\n\t-u\tUser ID\n\t-g\tGroup ID\n\t-G\tSupplementary group IDs\n\t-n\tPrint names instead of numbers\n\t-r\tPrint real ID instead of effective ID';

export interface IdMode {
  real: boolean;
  names: boolean;
  user: boolean;
  group: boolean;
  allGroups: boolean;
}

/** The body shared with `groups`. */
export async function runId(ctx: AppletContext, mode: IdMode, username: string | undefined): Promise<number> {
  const { sys, out, err } = ctx;
  const names = await Names.load(sys);
  const anyOption = mode.real || mode.names || mode.user || mode.group || mode.allGroups;
  let ruid: number;
  let rgid: number;
  let euid: number;
  let egid: number;
  let groups: number[];
  if (username !== undefined) {
    const pw = names.userByName(username) ?? fail(`unknown user ${username}`);
    ruid = euid = pw!.uid;
    rgid = egid = pw!.gid;
    // getgrouplist: the primary group first, then every group listing the user, in file order
    groups = [pw!.gid, ...names.groupsOf(username).map((g) => g.gid)];
  } else {
    ruid = sys.getuid();
    euid = sys.geteuid();
    rgid = sys.getgid();
    egid = sys.getegid();
    groups = sys.getgroups();
  }
  let status = 0;
  let line = '';
  const print = async (id: number, name: string | undefined, prefix: string) => {
    line += prefix;
    if (!mode.names || name === undefined) line += String(id);
    if (!anyOption || mode.names) {
      if (name !== undefined) line += anyOption ? name : `(${name})`;
      else if (anyOption) {
        await out.write(line);
        line = '';
        await err.write(`${ctx.name}: unknown ID ${id}\n`);
        status = 1;
      }
    }
  };
  const user = (id: number, prefix: string) => print(id, names.user(id), prefix);
  const group = (id: number, prefix: string) => print(id, names.group(id), prefix);

  if (!anyOption || mode.allGroups) {
    if (!anyOption) {
      await user(ruid, 'uid=');
      await group(rgid, ' gid=');
      if (euid !== ruid) await user(euid, ' euid=');
      if (egid !== rgid) await group(egid, ' egid=');
    } else {
      await group(rgid, '');
      if (egid !== rgid) await group(egid, ' ');
    }
    let prefix = ' groups=';
    for (const g of groups) {
      if (anyOption && (g === rgid || g === egid)) continue;
      await group(g, anyOption ? ' ' : prefix);
      prefix = ',';
    }
  } else if (mode.real) {
    euid = ruid;
    egid = rgid;
  }
  if (mode.user) await user(euid, '');
  else if (mode.group) await group(egid, '');
  await out.write(line + '\n');
  return status;
}

export default applet(ID_USAGE, async (ctx) => {
  const o = await parseOptions(ctx, 'rnugG');
  const mode: IdMode = { real: o.has('r'), names: o.has('n'), user: o.has('u'), group: o.has('g'), allGroups: o.has('G') };
  const which = [mode.user, mode.group, mode.allGroups].filter(Boolean).length;
  // At most one USER; -u, -g and -G exclude each other; -r and -n need one of them.
  if (o.operands.length > 1 || which > 1 || ((mode.real || mode.names) && which === 0)) {
    await ctx.usage();
    return 1;
  }
  return runId(ctx, mode, o.operands[0]);
});
