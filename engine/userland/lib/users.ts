/** /etc/passwd and /etc/group, as getpwuid and getgrgid read them. */
import { fromUtf8 } from '../../common/bytes.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { readFile } from './io.ts';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

async function lines(sys: Sys, path: string): Promise<string[][]> {
  try {
    return fromUtf8(await readFile(sys, path))
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return [];
  }
}

export async function passwd(sys: Sys): Promise<PasswdEntry[]> {
  return (await lines(sys, '/etc/passwd')).map(([name = '', , uid = '', gid = '', gecos = '', home = '', shell = '']) => ({ name, uid: Number(uid), gid: Number(gid), gecos, home, shell }));
}

export async function groups(sys: Sys): Promise<GroupEntry[]> {
  return (await lines(sys, '/etc/group')).map(([name = '', , gid = '', members = '']) => ({ name, gid: Number(gid), members: members ? members.split(',') : [] }));
}

/** Name lookups for tools that print many owners (ls -l, ps, find -user). */
export class Names {
  private constructor(
    private readonly users: PasswdEntry[],
    private readonly grps: GroupEntry[],
  ) {}
  static async load(sys: Sys): Promise<Names> {
    return new Names(await passwd(sys), await groups(sys));
  }
  user(uid: number): string | undefined {
    return this.users.find((u) => u.uid === uid)?.name;
  }
  group(gid: number): string | undefined {
    return this.grps.find((g) => g.gid === gid)?.name;
  }
  userByName(name: string): PasswdEntry | undefined {
    return this.users.find((u) => u.name === name);
  }
  groupByName(name: string): GroupEntry | undefined {
    return this.grps.find((g) => g.name === name);
  }
  /** Supplementary groups of a user, as initgroups finds them. */
  groupsOf(name: string): GroupEntry[] {
    return this.grps.filter((g) => g.members.includes(name));
  }
}
