/**
 * Users and groups named on command lines (chown, chgrp, install -o/-g,
 * find -user/-group), as libbb resolves them: a number is taken as is, a
 * name is looked up in /etc/passwd or /etc/group.
 */
import { AppletError } from './applet.ts';
import type { Names } from './users.ts';

/** bb_strtou's test: decimal digits only, within 32 bits. */
function number(text: string): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0xffffffff ? undefined : n;
}

/** get_ug_id with xuname2uid: "0" or "root"; dies with "unknown user NAME". */
export function userId(names: Names, text: string): number {
  const n = number(text);
  if (n !== undefined) return n;
  const u = names.userByName(text);
  if (!u) throw new AppletError(`unknown user ${text}`);
  return u.uid;
}

/** get_ug_id with xgroup2gid; dies with "unknown group NAME". */
export function groupId(names: Names, text: string): number {
  const n = number(text);
  if (n !== undefined) return n;
  const g = names.groupByName(text);
  if (!g) throw new AppletError(`unknown group ${text}`);
  return g.gid;
}

/**
 * chown's OWNER argument (parse_chown_usergroup_or_die). -1 leaves an id
 * unchanged: "user" sets the uid, ":group" the gid, "user:" the uid and the
 * user's login group, "user:group" both. "." may stand for ":".
 */
export function ownerSpec(names: Names, spec: string): { uid: number; gid: number } {
  let text = spec;
  let sep = text.indexOf('.');
  if (sep >= 0) text = text.slice(0, sep) + ':' + text.slice(sep + 1);
  else sep = text.indexOf(':');
  if (sep < 0) return { uid: userId(names, text), gid: -1 };
  if (sep === 0) return { uid: -1, gid: groupId(names, text.slice(1)) };
  const user = text.slice(0, sep);
  const group = text.slice(sep + 1);
  // get_uidgid: the user part, then the group part; any failure names the whole spec.
  const bad = () => new AppletError(`unknown user/group ${group === '' ? user : text}`);
  let uid: number;
  let gid: number;
  const n = number(user);
  if (n !== undefined) {
    uid = n;
    const name = names.user(n);
    gid = (name !== undefined ? names.userByName(name)?.gid : undefined) ?? n;
  } else {
    const u = names.userByName(user);
    if (!u) throw bad();
    uid = u.uid;
    gid = u.gid;
  }
  if (group !== '') {
    const g = number(group) ?? names.groupByName(group)?.gid;
    if (g === undefined) throw bad();
    gid = g;
  }
  return { uid, gid };
}
