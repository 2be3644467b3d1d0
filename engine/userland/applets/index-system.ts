/** Applets of the "system" group (see index.ts). */
import type { Program } from '../../kernel/sys.ts';

type Loader = () => Promise<Program>;
const load = (p: Promise<{ default: Program }>) => p.then((m) => m.default);

export const systemApplets: Record<string, Loader> = {
  arch: () => load(import('./arch.ts')),
  clear: () => load(import('./clear.ts')),
  date: () => load(import('./date.ts')),
  dmesg: () => load(import('./dmesg.ts')),
  dnsdomainname: () => load(import('./hostname.ts')),
  env: () => load(import('./env.ts')),
  free: () => load(import('./free.ts')),
  groups: () => load(import('./groups.ts')),
  hostname: () => load(import('./hostname.ts')),
  id: () => load(import('./id.ts')),
  kill: () => load(import('./kill.ts')),
  killall: () => load(import('./kill.ts')),
  mount: () => load(import('./mount.ts')),
  nproc: () => load(import('./nproc.ts')),
  pidof: () => load(import('./pidof.ts')),
  printenv: () => load(import('./printenv.ts')),
  ps: () => load(import('./ps.ts')),
  reset: () => load(import('./reset.ts')),
  stty: () => load(import('./stty.ts')),
  su: () => load(import('./su.ts')),
  sysctl: () => load(import('./sysctl.ts')),
  timeout: () => load(import('./timeout.ts')),
  top: () => load(import('./top.ts')),
  tty: () => load(import('./tty.ts')),
  umount: () => load(import('./umount.ts')),
  uname: () => load(import('./uname.ts')),
  uptime: () => load(import('./uptime.ts')),
  usleep: () => load(import('./usleep.ts')),
  watch: () => load(import('./watch.ts')),
  which: () => load(import('./which.ts')),
  whoami: () => load(import('./whoami.ts')),
};
