/**
 * ubuntu:24.04 (noble-20241011, Ubuntu 24.04.1 LTS): one layer added by
 * Launchpad's classic builder, a usr-merged Debian-family system with the
 * `ubuntu` user (uid 1000) that 24.04 images carry.
 */
import * as D from './debian-etc.ts';
import { alternatives, gnuUserland, multiarchLibraries, usrMergeLinks, usrSkeleton, varTree, type UserlandVersions } from './debian-family.ts';
import { DEFAULT_PATH, dir, dirs, file, layerFiles, link, meta, program, shadowDay, step, text } from './fs.ts';
import type { FileSpec, ImageSpec, LayerSpec } from './spec.ts';
import { UBUNTU_LIBS, UBUNTU_PACKAGES } from './ubuntu-packages.ts';

const BUILT = '2024-10-11';
const DAY = shadowDay(BUILT);

const VERSIONS: UserlandVersions = {
  coreutils: '9.4', bash: '5.2.21', dash: '0.5.12', grep: '3.11', sed: '4.9', tar: '1.35', gzip: '1.12',
  findutils: '4.9.0', diffutils: '3.10', mawk: '1.3.4', utilLinux: '2.39.3', dpkg: '1.22.6', apt: '2.7.14',
  perl: '5.38.2', glibc: '2.39', debianutils: '5.17', shadow: '4.13', ncurses: '6.4', e2fsprogs: '1.47.0',
  gpgv: '2.4.4', debconf: '1.5.86', pam: '1.5.3', sysvinit: '3.08', initSystemHelpers: '1.66', sensibleUtils: '0.0.22',
  hostname: '3.23', whichAlternative: true,
};

const OS_RELEASE = text`
  PRETTY_NAME="Ubuntu 24.04.1 LTS"
  NAME="Ubuntu"
  VERSION_ID="24.04"
  VERSION="24.04.1 LTS (Noble Numbat)"
  VERSION_CODENAME=noble
  ID=ubuntu
  ID_LIKE=debian
  HOME_URL="https://www.ubuntu.com/"
  SUPPORT_URL="https://help.ubuntu.com/"
  BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
  PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
  UBUNTU_CODENAME=noble
  LOGO=ubuntu-logo
`;

const LSB_RELEASE = text`
  DISTRIB_ID=Ubuntu
  DISTRIB_RELEASE=24.04
  DISTRIB_CODENAME=noble
  DISTRIB_DESCRIPTION="Ubuntu 24.04.1 LTS"
`;

const SOURCES_LIST = text`
  # Ubuntu sources have moved to the /etc/apt/sources.list.d/ubuntu.sources
  # file, which uses the deb822 format. Use deb822-formatted .sources files
  # to manage package sources in the /etc/apt/sources.list.d/ directory.
  # See the sources.list(5) manual page for details.
`;

const UBUNTU_SOURCES = text`
  Types: deb
  URIs: http://archive.ubuntu.com/ubuntu/
  Suites: noble noble-updates noble-backports
  Components: main universe restricted multiverse
  Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg

  ## Ubuntu security updates. Aside from URIs and Suites,
  ## this should mirror your choices in the previous section.
  Types: deb
  URIs: http://security.ubuntu.com/ubuntu/
  Suites: noble-security
  Components: main universe restricted multiverse
  Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg
`;

const DPKG_EXCLUDES = text`
  # Drop all man pages
  path-exclude=/usr/share/man/*

  # Drop all translations
  path-exclude=/usr/share/locale/*/LC_MESSAGES/*.mo

  # Drop all documentation ...
  path-exclude=/usr/share/doc/*

  # ... except copyright files ...
  path-include=/usr/share/doc/*/copyright

  # ... and Debian changelogs for native & non-native packages
  path-include=/usr/share/doc/*/changelog.*
`;

const LEGAL = text`

  The programs included with the Ubuntu system are free software;
  the exact distribution terms for each program are described in the
  individual files in /usr/share/doc/*/copyright.

  Ubuntu comes with ABSOLUTELY NO WARRANTY, to the extent permitted by
  applicable law.

`;

const PASSWD = D.BASE_PASSWD + 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n';
const GROUP = D.BASE_GROUP + 'ubuntu:x:1000:\n';
const SHADOW = D.shadowFor(PASSWD, DAY, { ubuntu: '!' });

function etc(): FileSpec[] {
  const shadowFile = (path: string, content: string) => file(path, content, 0o640, 0, 42);
  return [
    dir('/etc'),
    ...alternatives(VERSIONS.whichAlternative),
    ...dirs('/etc/apt', '/etc/apt/apt.conf.d', '/etc/apt/auth.conf.d', '/etc/apt/keyrings', '/etc/apt/preferences.d',
      '/etc/apt/sources.list.d', '/etc/apt/trusted.gpg.d'),
    file('/etc/apt/apt.conf.d/01autoremove', D.APT_AUTOREMOVE),
    ...Object.entries(D.APT_DOCKER_CONF).map(([name, content]) => file(`/etc/apt/apt.conf.d/${name}`, content)),
    file('/etc/apt/sources.list', SOURCES_LIST),
    file('/etc/apt/sources.list.d/ubuntu.sources', UBUNTU_SOURCES),
    ...['ubuntu-keyring-2012-cdimage.gpg', 'ubuntu-keyring-2018-archive.gpg'].map((k) =>
      file(`/etc/apt/trusted.gpg.d/${k}`, D.keyringPlaceholder(k))),
    file('/etc/bash.bashrc', D.BASH_BASHRC),
    file('/etc/debian_version', 'trixie/sid\n'),
    ...dirs('/etc/dpkg', '/etc/dpkg/dpkg.cfg.d', '/etc/dpkg/origins'),
    file('/etc/dpkg/dpkg.cfg', D.DPKG_CFG),
    file('/etc/dpkg/dpkg.cfg.d/excludes', DPKG_EXCLUDES),
    file('/etc/dpkg/origins/debian', 'Vendor: Debian\nVendor-URL: https://www.debian.org/\nBugs: debbugs://bugs.debian.org\n'),
    file('/etc/dpkg/origins/ubuntu', 'Vendor: Ubuntu\nVendor-URL: http://www.ubuntu.com/\nBugs: https://bugs.launchpad.net/ubuntu/+filebug\nParent: Debian\n'),
    link('/etc/dpkg/origins/default', 'ubuntu'),
    file('/etc/environment', 'PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin"\n'),
    file('/etc/fstab', D.FSTAB),
    file('/etc/group', GROUP),
    file('/etc/group-', D.BASE_GROUP),
    shadowFile('/etc/gshadow', D.gshadowFor(GROUP)),
    shadowFile('/etc/gshadow-', D.gshadowFor(D.BASE_GROUP)),
    file('/etc/host.conf', D.HOST_CONF),
    file('/etc/issue', 'Ubuntu 24.04.1 LTS \\n \\l\n\n'),
    file('/etc/issue.net', 'Ubuntu 24.04.1 LTS\n'),
    file('/etc/ld.so.conf', D.LD_SO_CONF),
    dir('/etc/ld.so.conf.d'),
    file('/etc/ld.so.conf.d/libc.conf', D.LD_SO_CONF_LIBC),
    file('/etc/ld.so.conf.d/x86_64-linux-gnu.conf', D.LD_SO_CONF_MULTIARCH),
    file('/etc/legal', LEGAL),
    file('/etc/login.defs', D.LOGIN_DEFS),
    file('/etc/lsb-release', LSB_RELEASE),
    file('/etc/nsswitch.conf', D.NSSWITCH),
    dir('/etc/opt'),
    link('/etc/os-release', '../usr/lib/os-release'),
    file('/etc/passwd', PASSWD),
    file('/etc/passwd-', D.BASE_PASSWD),
    file('/etc/profile', D.PROFILE),
    dir('/etc/profile.d'),
    file('/etc/profile.d/01-locale-fix.sh', '# Make sure the locale variables are set to valid values.\neval $(/usr/bin/locale-check C.UTF-8)\n'),
    ...['rc0.d', 'rc1.d', 'rc2.d', 'rc3.d', 'rc4.d', 'rc5.d', 'rc6.d', 'rcS.d', 'init.d', 'pam.d', 'security', 'selinux', 'systemd', 'terminfo', 'update-motd.d'].map((d) => dir(`/etc/${d}`)),
    shadowFile('/etc/shadow', SHADOW),
    shadowFile('/etc/shadow-', D.shadowFor(D.BASE_PASSWD, DAY)),
    file('/etc/shells', D.SHELLS),
    dir('/etc/skel'),
    file('/etc/skel/.bash_logout', D.BASH_LOGOUT),
    file('/etc/skel/.bashrc', D.BASHRC),
    file('/etc/skel/.profile', D.DOT_PROFILE_SKEL),
    file('/etc/subgid', 'ubuntu:100000:65536\n'),
    file('/etc/subuid', 'ubuntu:100000:65536\n'),
  ];
}

function rootfs(): FileSpec[] {
  const ubuntu = (path: string, content: string) => file(path, content, 0o644, 1000, 1000);
  return layerFiles([
    ...usrMergeLinks(),
    ...dirs('/bin.usr-is-merged', '/lib.usr-is-merged', '/sbin.usr-is-merged', '/boot', '/dev'),
    ...etc(),
    dir('/home'),
    dir('/home/ubuntu', 0o750, 1000, 1000),
    ubuntu('/home/ubuntu/.bash_logout', D.BASH_LOGOUT),
    ubuntu('/home/ubuntu/.bashrc', D.BASHRC),
    ubuntu('/home/ubuntu/.profile', D.DOT_PROFILE_SKEL),
    ...dirs('/media', '/mnt', '/opt', '/proc'),
    dir('/root', 0o700),
    file('/root/.bashrc', D.BASHRC),
    file('/root/.profile', D.DOT_PROFILE_ROOT),
    dir('/run'),
    dir('/run/lock', 0o1777),
    ...dirs('/srv', '/sys'),
    dir('/tmp', 0o1777),
    ...gnuUserland(VERSIONS),
    program('/usr/bin/locale-check', 'base-files', { applet: 'locale-check', version: '13ubuntu10.1' }),
    ...multiarchLibraries(UBUNTU_LIBS, VERSIONS.glibc),
    file('/usr/lib/os-release', OS_RELEASE),
    ...usrSkeleton(['ubuntu-archive-keyring.gpg', 'ubuntu-archive-removed-keys.gpg', 'ubuntu-master-keyring.gpg']),
    ...varTree(UBUNTU_PACKAGES),
  ]);
}

const CREATED = {
  release: '2024-10-11T03:48:01.529767151Z',
  arch: '2024-10-11T03:48:01.571862048Z',
  refName: '2024-10-11T03:48:01.607507065Z',
  version: '2024-10-11T03:48:01.642491381Z',
  add: '2024-10-11T03:48:03.777394067Z',
  cmd: '2024-10-11T03:48:04.086892655Z',
};

export const UBUNTU_LAYER: LayerSpec = { mtime: '2024-10-11T03:40:00Z', files: rootfs() };

export const ubuntu: ImageSpec = {
  repository: 'ubuntu',
  tags: ['24.04', 'noble-20241011', 'noble', 'latest'],
  description: 'Ubuntu is a Debian-based Linux operating system based on free software.',
  official: true,
  stars: 17_000,
  architecture: 'amd64',
  os: 'linux',
  config: {
    Env: [DEFAULT_PATH],
    Cmd: ['/bin/bash'],
    Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' },
  },
  history: [
    meta(CREATED.release, '/bin/sh -c #(nop)  ARG RELEASE', false),
    meta(CREATED.arch, '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH', false),
    meta(CREATED.refName, '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu', false),
    meta(CREATED.version, '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04', false),
    step(CREATED.add, '/bin/sh -c #(nop) ADD file:34dc4f3ab7a694ecde47ff7a610be18591834c45f1d7251813267798412604e5 in / ', UBUNTU_LAYER, false),
    meta(CREATED.cmd, '/bin/sh -c #(nop)  CMD ["/bin/bash"]', false),
  ],
};

