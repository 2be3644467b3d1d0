/**
 * What debian:bookworm-slim and ubuntu:24.04 have in common: a usr-merged
 * tree (/bin → usr/bin), GNU userland as individual programs, glibc as shared
 * libraries, and dpkg's database in /var/lib/dpkg/status.
 */
import * as D from './debian-etc.ts';
import { dir, dirs, file, hardlink, link, program, script, sharedLibrary, text } from './fs.ts';
import type { FileSpec } from './spec.ts';

/** One installed package, as /var/lib/dpkg/status records it (abridged to the essential fields). */
export interface DebPackage {
  name: string;
  version: string;
  arch: 'amd64' | 'all';
  section: string;
  priority: 'required' | 'important' | 'standard' | 'optional';
  description: string;
  essential?: boolean;
  /** Source package, when it differs from the name ("Source: glibc"). */
  source?: string;
  multiArch?: 'same' | 'foreign' | 'allowed';
  maintainer?: string;
  /**
   * Fields dpkg records for packages installed later (apt-get in a container);
   * the base images leave them out. Relationship fields are as in the archive.
   */
  status?: string;
  installedSize?: number;
  replaces?: string;
  provides?: string;
  depends?: string;
  preDepends?: string;
  recommends?: string;
  suggests?: string;
  breaks?: string;
  conflicts?: string;
  /** Configuration files and their md5sums, as `path md5` lines. */
  conffiles?: string[];
  homepage?: string;
}

/** /var/lib/dpkg/status: a paragraph per package, sorted by name as dpkg writes it. */
export function dpkgStatus(packages: readonly DebPackage[]): string {
  return [...packages]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => {
      const out = [`Package: ${p.name}`];
      if (p.essential) out.push('Essential: yes');
      out.push(`Status: ${p.status ?? 'install ok installed'}`, `Priority: ${p.priority}`, `Section: ${p.section}`);
      if (p.installedSize !== undefined) out.push(`Installed-Size: ${p.installedSize}`);
      if (p.maintainer) out.push(`Maintainer: ${p.maintainer}`);
      out.push(`Architecture: ${p.arch}`);
      if (p.multiArch) out.push(`Multi-Arch: ${p.multiArch}`);
      if (p.source) out.push(`Source: ${p.source}`);
      out.push(`Version: ${p.version}`);
      const fields: [string, string | undefined][] = [
        ['Replaces', p.replaces], ['Provides', p.provides], ['Depends', p.depends], ['Pre-Depends', p.preDepends],
        ['Recommends', p.recommends], ['Suggests', p.suggests], ['Breaks', p.breaks], ['Conflicts', p.conflicts],
      ];
      for (const [k, v] of fields) if (v) out.push(`${k}: ${v}`);
      if (p.conffiles?.length) out.push('Conffiles:', ...p.conffiles.map((c) => ` ${c}`));
      out.push(`Description: ${p.description}`);
      if (p.homepage) out.push(`Homepage: ${p.homepage}`);
      return out.join('\n') + '\n';
    })
    .join('\n');
}

/** Short constructor for the package tables: [name, version, arch, section, priority, description, extra]. */
export function deb(
  name: string,
  version: string,
  arch: 'amd64' | 'all',
  section: string,
  priority: DebPackage['priority'],
  description: string,
  extra: Partial<DebPackage> = {},
): DebPackage {
  return { name, version, arch, section, priority, description, ...extra };
}

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');

/** GNU coreutils' programs in /usr/bin (chroot lives in /usr/sbin). */
export const COREUTILS = words(`
  [ arch b2sum base32 base64 basename basenc cat chcon chgrp chmod chown cksum comm cp csplit cut
  date dd df dir dircolors dirname du echo env expand expr factor false fmt fold groups head hostid
  id install join link ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt
  od paste pathchk pinky pr printenv printf ptx pwd readlink realpath rm rmdir runcon seq sha1sum
  sha224sum sha256sum sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty sum sync tac
  tail tee test timeout touch tr true truncate tsort tty uname unexpand uniq unlink users vdir wc
  who whoami yes
`);

const UTIL_LINUX_BIN = words(`
  choom chrt dmesg fallocate findmnt flock getopt hardlink ionice ipcmk ipcrm ipcs lsblk lscpu lsipc
  lslocks lslogins lsmem lsns mcookie mesg more mountpoint namei nsenter prlimit rev setarch setpriv
  setsid setterm taskset unshare utmpdump whereis
`);
const UTIL_LINUX_SBIN = words(`
  agetty blkdiscard blkid blkzone blockdev chcpu ctrlaltdel findfs fsck fsck.minix fsfreeze fstrim
  isosize ldattach mkfs mkfs.bfs mkfs.minix mkswap pivot_root readprofile rtcwake runuser sulogin
  swaplabel switch_root wipefs zramctl
`);

export interface UserlandVersions {
  coreutils: string;
  bash: string;
  dash: string;
  grep: string;
  sed: string;
  tar: string;
  gzip: string;
  findutils: string;
  diffutils: string;
  mawk: string;
  utilLinux: string;
  dpkg: string;
  apt: string;
  perl: string;
  glibc: string;
  debianutils: string;
  shadow: string;
  ncurses: string;
  e2fsprogs: string;
  gpgv: string;
  debconf: string;
  pam: string;
  sysvinit: string;
  initSystemHelpers: string;
  sensibleUtils: string;
  hostname: string;
  /** debianutils ≥ 5.8 installs which.debianutils behind the `which` alternative. */
  whichAlternative: boolean;
}

/** A program named after its package, one applet per command (the shape of multi-call programs). */
function applets(dirPath: string, pkg: string, version: string, names: readonly string[], mode?: number): FileSpec[] {
  return names.map((name) => program(`${dirPath}/${name}`, pkg, { applet: name, version, ...(mode ? { mode } : {}) }));
}

/** Berth's stand-ins for grep's egrep/fgrep wrappers (grep ≥ 3.8 warns that they are obsolescent). */
function grepWrapper(flag: string): string {
  return text`
    #!/bin/sh
    cmd=\${0##*/}
    echo "$cmd: warning: $cmd is obsolescent; using grep ${flag}" >&2
    exec grep ${flag} "$@"
  `;
}

/**
 * The programs of a usr-merged Debian-family base system. Everything lives
 * under /usr; the /bin, /sbin, /lib and /lib64 links are added by the caller.
 */
export function gnuUserland(v: UserlandVersions): FileSpec[] {
  const bin = '/usr/bin';
  const sbin = '/usr/sbin';
  const setuid = 0o4755;
  return [
    ...dirs('/usr', bin, sbin),
    ...applets(bin, 'coreutils', v.coreutils, COREUTILS),
    program(`${sbin}/chroot`, 'coreutils', { applet: 'chroot', version: v.coreutils }),
    program(`${bin}/bash`, 'bash', { version: v.bash }),
    link(`${bin}/rbash`, 'bash'),
    program(`${bin}/clear_console`, 'bash', { applet: 'clear_console', version: v.bash }),
    program(`${bin}/dash`, 'dash', { version: v.dash }),
    link(`${bin}/sh`, 'dash'),
    program(`${bin}/grep`, 'grep', { version: v.grep }),
    script(`${bin}/egrep`, grepWrapper('-E')),
    script(`${bin}/fgrep`, grepWrapper('-F')),
    script(`${bin}/rgrep`, '#!/bin/sh\nexec grep -r "$@"\n'),
    program(`${bin}/sed`, 'sed', { version: v.sed }),
    program(`${bin}/tar`, 'tar', { version: v.tar }),
    ...applets(bin, 'gzip', v.gzip, ['gzip', 'gunzip', 'zcat', 'zcmp', 'zdiff', 'zegrep', 'zfgrep', 'zforce', 'zgrep', 'zless', 'zmore', 'znew', 'gzexe', 'uncompress']),
    ...applets(bin, 'findutils', v.findutils, ['find', 'xargs']),
    ...applets(bin, 'diffutils', v.diffutils, ['cmp', 'diff', 'diff3', 'sdiff']),
    program(`${bin}/mawk`, 'mawk', { version: v.mawk }),
    link(`${bin}/awk`, '/etc/alternatives/awk'),
    link(`${bin}/nawk`, '/etc/alternatives/nawk'),
    program(`${bin}/hostname`, 'hostname', { version: v.hostname }),
    ...['dnsdomainname', 'domainname', 'nisdomainname', 'ypdomainname'].map((n) => link(`${bin}/${n}`, 'hostname')),
    ...applets(bin, 'debianutils', v.debianutils, ['run-parts', 'ischroot', 'savelog']),
    ...(v.whichAlternative
      ? [
          program(`${bin}/which.debianutils`, 'debianutils', { applet: 'which', version: v.debianutils }),
          link(`${bin}/which`, '/etc/alternatives/which'),
        ]
      : [program(`${bin}/which`, 'debianutils', { applet: 'which', version: v.debianutils })]),
    ...applets(sbin, 'debianutils', v.debianutils, ['add-shell', 'installkernel', 'remove-shell', 'update-shells']),
    ...applets(bin, 'util-linux', v.utilLinux, UTIL_LINUX_BIN),
    program(`${bin}/su`, 'util-linux', { applet: 'su', version: v.utilLinux, mode: setuid }),
    ...['linux32', 'linux64', 'x86_64', 'i386'].map((n) => link(`${bin}/${n}`, 'setarch')),
    ...applets(sbin, 'util-linux', v.utilLinux, UTIL_LINUX_SBIN),
    link(`${sbin}/getty`, 'agetty'),
    // mount (setuid, as shipped) and bsdutils
    program(`${bin}/mount`, 'util-linux', { applet: 'mount', version: v.utilLinux, mode: setuid }),
    program(`${bin}/umount`, 'util-linux', { applet: 'umount', version: v.utilLinux, mode: setuid }),
    ...applets(sbin, 'util-linux', v.utilLinux, ['losetup', 'swapoff', 'swapon']),
    ...applets(bin, 'util-linux', v.utilLinux, ['logger', 'renice', 'script', 'scriptlive', 'scriptreplay']),
    program(`${bin}/wall`, 'util-linux', { applet: 'wall', version: v.utilLinux, mode: 0o2755, gid: 5 }),
    // login and passwd (shadow)
    program(`${bin}/login`, 'shadow', { applet: 'login', version: v.shadow }),
    program(`${bin}/newgrp`, 'shadow', { applet: 'newgrp', version: v.shadow, mode: setuid }),
    link(`${bin}/sg`, 'newgrp'),
    ...applets(bin, 'shadow', v.shadow, ['faillog', 'lastlog']),
    program(`${sbin}/nologin`, 'shadow', { applet: 'nologin', version: v.shadow }),
    ...['chfn', 'chsh', 'gpasswd', 'passwd'].map((n) => program(`${bin}/${n}`, 'shadow', { applet: n, version: v.shadow, mode: setuid })),
    ...['chage', 'expiry'].map((n) => program(`${bin}/${n}`, 'shadow', { applet: n, version: v.shadow, mode: 0o2755, gid: 42 })),
    ...applets(sbin, 'shadow', v.shadow, ['chgpasswd', 'chpasswd', 'cpgr', 'cppw', 'groupadd', 'groupdel', 'groupmems', 'groupmod', 'grpck', 'grpconv', 'grpunconv', 'newusers', 'pwck', 'pwconv', 'pwunconv', 'shadowconfig', 'useradd', 'userdel', 'usermod', 'vipw']),
    link(`${sbin}/vigr`, 'vipw'),
    program(`${sbin}/unix_chkpwd`, 'pam', { applet: 'unix_chkpwd', version: v.pam, mode: 0o2755, gid: 42 }),
    // dpkg, apt, debconf
    ...applets(bin, 'dpkg', v.dpkg, ['dpkg', 'dpkg-deb', 'dpkg-divert', 'dpkg-maintscript-helper', 'dpkg-query', 'dpkg-realpath', 'dpkg-split', 'dpkg-statoverride', 'dpkg-trigger', 'update-alternatives']),
    program(`${sbin}/start-stop-daemon`, 'dpkg', { applet: 'start-stop-daemon', version: v.dpkg }),
    ...applets(bin, 'apt', v.apt, ['apt', 'apt-cache', 'apt-cdrom', 'apt-config', 'apt-get', 'apt-key', 'apt-mark']),
    ...dirs('/usr/lib', '/usr/lib/apt', '/usr/lib/apt/methods'),
    ...applets('/usr/lib/apt/methods', 'apt', v.apt, ['copy', 'file', 'gpgv', 'http', 'https', 'store']),
    ...applets(bin, 'debconf', v.debconf, ['debconf', 'debconf-apt-progress', 'debconf-communicate', 'debconf-copydb', 'debconf-escape', 'debconf-set-selections', 'debconf-show']),
    ...applets(sbin, 'debconf', v.debconf, ['dpkg-preconfigure', 'dpkg-reconfigure']),
    program(`${bin}/perl`, 'perl', { version: v.perl }),
    hardlink(`${bin}/perl${v.perl}`, `${bin}/perl`),
    // libc-bin, ncurses-bin, gpgv, e2fsprogs, sysvinit-utils, init-system-helpers, sensible-utils
    ...applets(bin, 'libc-bin', v.glibc, ['getconf', 'getent', 'iconv', 'locale', 'localedef', 'pldd', 'tzselect', 'zdump']),
    script(`${bin}/ldd`, `#!/bin/bash\n# Berth: list the shared objects a program needs (glibc's ldd asks the loader).\nexec /lib64/ld-linux-x86-64.so.2 --list "$@"\n`),
    ...applets(sbin, 'libc-bin', v.glibc, ['ldconfig', 'iconvconfig', 'zic']),
    ...applets(bin, 'ncurses-bin', v.ncurses, ['clear', 'infocmp', 'tabs', 'tic', 'toe', 'tput', 'tset']),
    link(`${bin}/reset`, 'tset'),
    program(`${bin}/gpgv`, 'gpgv', { version: v.gpgv }),
    ...applets(bin, 'e2fsprogs', v.e2fsprogs, ['chattr', 'lsattr']),
    ...applets(sbin, 'e2fsprogs', v.e2fsprogs, ['debugfs', 'dumpe2fs', 'e2fsck', 'e2image', 'e2undo', 'mke2fs', 'resize2fs', 'tune2fs', 'logsave']),
    ...['fsck.ext2', 'fsck.ext3', 'fsck.ext4'].map((n) => link(`${sbin}/${n}`, 'e2fsck')),
    ...['mkfs.ext2', 'mkfs.ext3', 'mkfs.ext4'].map((n) => link(`${sbin}/${n}`, 'mke2fs')),
    link(`${sbin}/e2label`, 'tune2fs'),
    ...applets(sbin, 'sysvinit-utils', v.sysvinit, ['fstab-decode', 'killall5']),
    ...applets(bin, 'init-system-helpers', v.initSystemHelpers, ['deb-systemd-helper', 'deb-systemd-invoke']),
    ...applets(sbin, 'init-system-helpers', v.initSystemHelpers, ['invoke-rc.d', 'service', 'update-rc.d']),
    ...applets(bin, 'sensible-utils', v.sensibleUtils, ['select-editor', 'sensible-browser', 'sensible-editor', 'sensible-pager']),
  ];
}

/** glibc and friends in /usr/lib/x86_64-linux-gnu: [file, soname]; a soname link is added when they differ. */
export function multiarchLibraries(libs: readonly [string, string][], glibc: string): FileSpec[] {
  const base = '/usr/lib/x86_64-linux-gnu';
  const out: FileSpec[] = [
    ...dirs('/usr/lib', base),
    program(`${base}/ld-linux-x86-64.so.2`, 'ld-linux', { version: glibc }),
    ...dirs('/usr/lib64'),
    link('/usr/lib64/ld-linux-x86-64.so.2', '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'),
  ];
  for (const [name, soname] of libs) {
    out.push(sharedLibrary(`${base}/${name}`, soname, name.startsWith('libc.so') ? 0o755 : 0o644));
    if (soname !== name) out.push(link(`${base}/${soname}`, name));
  }
  return out;
}

/** The root of a usr-merged tree: /bin, /lib, /lib64 and /sbin point into /usr. */
export function usrMergeLinks(): FileSpec[] {
  return [link('/bin', 'usr/bin'), link('/lib', 'usr/lib'), link('/lib64', 'usr/lib64'), link('/sbin', 'usr/sbin')];
}

/** /etc/alternatives, as update-alternatives leaves it on a base system. */
export function alternatives(whichAlternative: boolean): FileSpec[] {
  const which: FileSpec[] = whichAlternative
    ? [
        link('/etc/alternatives/which', '/usr/bin/which.debianutils'),
        file('/var/lib/dpkg/alternatives/which', 'auto\n/usr/bin/which\n\n/usr/bin/which.debianutils\n0\n\n'),
      ]
    : [];
  return [
    dir('/etc/alternatives'),
    file('/etc/alternatives/README', 'Please read the update-alternatives(1) man page for information on this\ndirectory and its contents.\n'),
    link('/etc/alternatives/awk', '/usr/bin/mawk'),
    link('/etc/alternatives/nawk', '/usr/bin/mawk'),
    ...dirs('/var', '/var/lib', '/var/lib/dpkg', '/var/lib/dpkg/alternatives'),
    file('/var/lib/dpkg/alternatives/awk', 'auto\n/usr/bin/awk\nnawk\n/usr/bin/nawk\n\n/usr/bin/mawk\n5\n/usr/bin/mawk\n\n'),
    ...which,
  ];
}

/** /usr/local and friends as base-files lays them out, and apt's keyrings (placeholders). */
export function usrSkeleton(keyrings: readonly string[]): FileSpec[] {
  return [
    ...dirs('/usr/games', '/usr/include', '/usr/libexec', '/usr/local', '/usr/local/bin', '/usr/local/etc',
      '/usr/local/games', '/usr/local/include', '/usr/local/lib', '/usr/local/sbin', '/usr/local/share', '/usr/local/src'),
    link('/usr/local/man', 'share/man'),
    ...dirs('/usr/share', '/usr/share/keyrings', '/usr/src'),
    ...keyrings.map((k) =>
      file(`/usr/share/keyrings/${k}`, D.keyringPlaceholder(k))),
  ];
}

/** /var as base-files, apt and dpkg leave it; `packages` fill dpkg's status file. */
export function varTree(packages: readonly DebPackage[]): FileSpec[] {
  return [
    ...dirs('/var', '/var/backups', '/var/cache', '/var/cache/apt', '/var/cache/apt/archives'),
    dir('/var/cache/apt/archives/partial', 0o700, 42, 0),
    dir('/var/cache/debconf'),
    dir('/var/cache/ldconfig', 0o700),
    ...dirs('/var/lib', '/var/lib/apt', '/var/lib/apt/lists'),
    dir('/var/lib/apt/lists/partial', 0o700, 42, 0),
    ...dirs('/var/lib/dpkg', '/var/lib/dpkg/info', '/var/lib/dpkg/triggers', '/var/lib/dpkg/updates'),
    file('/var/lib/dpkg/available', ''),
    file('/var/lib/dpkg/status', dpkgStatus(packages)),
    dir('/var/lib/misc'),
    dir('/var/local', 0o2775, 0, 50),
    link('/var/lock', '/run/lock'),
    dir('/var/log'),
    dir('/var/log/apt'),
    dir('/var/mail', 0o2775, 0, 8),
    dir('/var/opt'),
    link('/var/run', '/run'),
    dir('/var/spool'),
    link('/var/spool/mail', '../mail'),
    dir('/var/tmp', 0o1777),
  ];
}
