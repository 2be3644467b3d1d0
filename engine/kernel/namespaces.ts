/**
 * Namespaces: what makes a container's processes see their own world.
 *
 * - pid: processes are numbered per namespace. A container's first process is
 *   PID 1 inside, and has another number in every namespace above (the host
 *   sees all of them). When its PID 1 exits, the kernel kills the rest.
 * - uts: the hostname.
 * - mnt: the mount table, so a container's "/" is its image's overlay.
 * - net: network interfaces and addresses (filled in by engine/network).
 * - ipc, cgroup: separate System V IPC and a cgroup tree rooted at the
 *   container's own cgroup.
 */
import type { Vfs } from '../fs/vfs.ts';
import type { Cgroup } from './cgroup.ts';
import type { Process } from './process.ts';

import { namespaceInode } from './net.ts';

export class PidNamespace {
  readonly id = namespaceInode();
  readonly level: number;
  private next = 1;
  readonly members = new Map<number, Process>();
  /** The namespace's PID 1, once it exists. */
  init: Process | undefined;
  /** Set when PID 1 has died: no new processes may join. */
  dead = false;

  constructor(readonly parent: PidNamespace | undefined) {
    this.level = parent ? parent.level + 1 : 0;
  }

  allocate(process: Process): number {
    // Linux hands out numbers upwards and wraps at pid_max, skipping ones in use.
    for (;;) {
      const pid = this.next;
      this.next = this.next >= 4194304 ? 300 : this.next + 1;
      if (!this.members.has(pid)) {
        this.members.set(pid, process);
        if (pid === 1) this.init = process;
        return pid;
      }
    }
  }

  /** Whether `ns` is this namespace or one of its descendants. */
  contains(ns: PidNamespace): boolean {
    for (let n: PidNamespace | undefined = ns; n; n = n.parent) if (n === this) return true;
    return false;
  }
}

export class UtsNamespace {
  readonly id = namespaceInode();
  constructor(
    public hostname: string,
    public domainname = '(none)',
  ) {}
}

export { NetNamespace, type NetInterface } from './net.ts';
import type { NetNamespace } from './net.ts';

export class MountNamespace {
  readonly id = namespaceInode();
  constructor(readonly vfs: Vfs) {}
}

export class IpcNamespace {
  readonly id = namespaceInode();
}

export class CgroupNamespace {
  readonly id = namespaceInode();
  constructor(readonly root: Cgroup) {}
}

export interface Namespaces {
  pid: PidNamespace;
  uts: UtsNamespace;
  mnt: MountNamespace;
  net: NetNamespace;
  ipc: IpcNamespace;
  cgroup: CgroupNamespace;
}
