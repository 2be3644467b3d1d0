/**
 * debian:bookworm-slim (bookworm-20241016-slim, Debian 12.7): one layer made
 * by debuerreotype, the base of nginx:latest. The "slim" variant excludes
 * documentation, man pages and translations (see /etc/dpkg/dpkg.cfg.d/docker).
 *
 * debian:bookworm (= latest, 12, 12.7, bookworm-20241016) is the same
 * snapshot without that exclusion: packages installed later keep their
 * documentation. (Berth's files are abridged alike in both, so they differ
 * only there.)
 */
import * as D from './debian-etc.ts';
import { alternatives, deb, gnuUserland, multiarchLibraries, usrMergeLinks, usrSkeleton, varTree, type DebPackage, type UserlandVersions } from './debian-family.ts';
import { DEFAULT_PATH, dir, dirs, file, fixedZoneTzif, layerFiles, link, meta, shadowDay, step, text } from './fs.ts';
import type { FileSpec, HistorySpec, ImageSpec, LayerSpec } from './spec.ts';

const BUILT = '2024-10-16';
const DAY = shadowDay(BUILT);
export const DEBIAN_CREATED = '2024-10-17T00:20:29Z';

const VERSIONS: UserlandVersions = {
  coreutils: '9.1', bash: '5.2.15', dash: '0.5.12', grep: '3.8', sed: '4.9', tar: '1.34', gzip: '1.12',
  findutils: '4.9.0', diffutils: '3.8', mawk: '1.3.4', utilLinux: '2.38.1', dpkg: '1.21.22', apt: '2.6.1',
  perl: '5.36.0', glibc: '2.36', debianutils: '5.7', shadow: '4.13', ncurses: '6.4', e2fsprogs: '1.47.0',
  gpgv: '2.2.40', debconf: '1.5.82', pam: '1.5.2', sysvinit: '3.06', initSystemHelpers: '1.65.2', sensibleUtils: '0.0.17',
  hostname: '3.23', whichAlternative: false,
};

const E = { essential: true } as const;
const SAME = { multiArch: 'same' } as const;
const FOREIGN = { multiArch: 'foreign' } as const;
const GLIBC = '2.36-9+deb12u8';
const UL = '2.38.1-5+deb12u1';
const E2FS = '1.47.0-2';
const PAM = '1.5.2-6+deb12u1';
const SYSTEMD = '252.30-1~deb12u2';
const GCC = '12.2.0-14';

export const DEBIAN_PACKAGES: readonly DebPackage[] = [
  deb('apt', '2.6.1', 'amd64', 'admin', 'required', 'commandline package manager'),
  deb('base-files', '12.4+deb12u7', 'amd64', 'admin', 'required', 'Debian base system miscellaneous files', E),
  deb('base-passwd', '3.6.1', 'amd64', 'admin', 'required', 'Debian base system master password and group files', E),
  deb('bash', '5.2.15-2+b7', 'amd64', 'shells', 'required', 'GNU Bourne Again SHell', { ...E, ...FOREIGN, source: 'bash (5.2.15-2)' }),
  deb('bsdutils', `1:${UL}`, 'amd64', 'utils', 'required', 'basic utilities from 4.4BSD-Lite', { ...E, ...FOREIGN, source: 'util-linux (2.38.1-5+deb12u1)' }),
  deb('coreutils', '9.1-1', 'amd64', 'utils', 'required', 'GNU core utilities', { ...E, ...FOREIGN }),
  deb('dash', '0.5.12-2', 'amd64', 'shells', 'required', 'POSIX-compliant shell', { ...E, ...FOREIGN }),
  deb('debconf', '1.5.82', 'all', 'admin', 'required', 'Debian configuration management system', FOREIGN),
  deb('debian-archive-keyring', '2023.3+deb12u1', 'all', 'misc', 'important', 'GnuPG archive keys of the Debian archive', FOREIGN),
  deb('debianutils', '5.7-0.5~deb12u1', 'amd64', 'utils', 'required', 'Miscellaneous utilities specific to Debian', { ...E, ...FOREIGN }),
  deb('diffutils', '1:3.8-4', 'amd64', 'utils', 'required', 'File comparison utilities', { ...E, ...FOREIGN }),
  deb('dpkg', '1.21.22', 'amd64', 'admin', 'required', 'Debian package management system', { ...E, ...FOREIGN }),
  deb('e2fsprogs', E2FS, 'amd64', 'admin', 'required', 'ext2/ext3/ext4 file system utilities'),
  deb('findutils', '4.9.0-4', 'amd64', 'utils', 'required', 'utilities for finding files--find, xargs', { ...E, ...FOREIGN }),
  deb('gcc-12-base', GCC, 'amd64', 'libs', 'required', 'GCC, the GNU Compiler Collection (base package)', { ...SAME, source: 'gcc-12' }),
  deb('gpgv', '2.2.40-1.1', 'amd64', 'utils', 'important', 'GNU privacy guard - signature verification tool', { ...FOREIGN, source: 'gnupg2' }),
  deb('grep', '3.8-5', 'amd64', 'utils', 'required', 'GNU grep, egrep and fgrep', { ...E, ...FOREIGN }),
  deb('gzip', '1.12-1', 'amd64', 'utils', 'required', 'GNU compression utilities', { ...E, ...FOREIGN }),
  deb('hostname', '3.23+nmu1', 'amd64', 'admin', 'required', 'utility to set/show the host name or domain name', E),
  deb('init-system-helpers', '1.65.2', 'all', 'admin', 'optional', 'helper tools for all init systems', { ...E, ...FOREIGN }),
  deb('libacl1', '2.3.1-3', 'amd64', 'libs', 'required', 'access control list - shared library', { ...SAME, source: 'acl' }),
  deb('libapt-pkg6.0', '2.6.1', 'amd64', 'libs', 'required', 'package management runtime library', { ...SAME, source: 'apt' }),
  deb('libattr1', '1:2.5.1-4', 'amd64', 'libs', 'required', 'extended attribute handling - shared library', { ...SAME, source: 'attr' }),
  deb('libaudit-common', '1:3.0.9-1', 'all', 'libs', 'required', 'Dynamic library for security auditing - common files', { source: 'audit' }),
  deb('libaudit1', '1:3.0.9-1', 'amd64', 'libs', 'required', 'Dynamic library for security auditing', { ...SAME, source: 'audit' }),
  deb('libblkid1', UL, 'amd64', 'libs', 'required', 'block device ID library', { ...SAME, source: 'util-linux' }),
  deb('libbz2-1.0', '1.0.8-5+b1', 'amd64', 'libs', 'required', 'high-quality block-sorting file compressor library - runtime', { ...SAME, source: 'bzip2 (1.0.8-5)' }),
  deb('libc-bin', GLIBC, 'amd64', 'libs', 'required', 'GNU C Library: Binaries', { ...E, ...FOREIGN, source: 'glibc' }),
  deb('libc6', GLIBC, 'amd64', 'libs', 'required', 'GNU C Library: Shared libraries', { ...SAME, source: 'glibc' }),
  deb('libcap-ng0', '0.8.3-1+b3', 'amd64', 'libs', 'required', 'alternate POSIX capabilities library', { ...SAME, source: 'libcap-ng (0.8.3-1)' }),
  deb('libcap2', '1:2.66-4', 'amd64', 'libs', 'required', 'POSIX 1003.1e capabilities (library)', SAME),
  deb('libcom-err2', E2FS, 'amd64', 'libs', 'required', 'common error description library', { ...SAME, source: 'e2fsprogs' }),
  deb('libcrypt1', '1:4.4.33-2', 'amd64', 'libs', 'required', 'libcrypt shared library', { ...SAME, source: 'libxcrypt' }),
  deb('libdb5.3', '5.3.28+dfsg2-1', 'amd64', 'libs', 'required', 'Berkeley v5.3 Database Libraries [runtime]', { ...SAME, source: 'db5.3' }),
  deb('libdebconfclient0', '0.270', 'amd64', 'libs', 'required', 'Debian Configuration Management System (C-implementation library)', { ...SAME, source: 'cdebconf' }),
  deb('libext2fs2', E2FS, 'amd64', 'libs', 'required', 'ext2/ext3/ext4 file system libraries', { ...SAME, source: 'e2fsprogs' }),
  deb('libffi8', '3.4.4-1', 'amd64', 'libs', 'required', 'Foreign Function Interface library runtime', { ...SAME, source: 'libffi' }),
  deb('libgcc-s1', GCC, 'amd64', 'libs', 'required', 'GCC support library', { ...SAME, source: 'gcc-12' }),
  deb('libgcrypt20', '1.10.1-3', 'amd64', 'libs', 'required', 'LGPL Crypto library - runtime library', SAME),
  deb('libgmp10', '2:6.2.1+dfsg1-1.1', 'amd64', 'libs', 'required', 'Multiprecision arithmetic library', { ...SAME, source: 'gmp' }),
  deb('libgnutls30', '3.7.9-2+deb12u3', 'amd64', 'libs', 'required', 'GNU TLS library - main runtime library', { ...SAME, source: 'gnutls28' }),
  deb('libgpg-error0', '1.46-1', 'amd64', 'libs', 'required', 'GnuPG development runtime library', { ...SAME, source: 'libgpg-error' }),
  deb('libhogweed6', '3.8.1-2', 'amd64', 'libs', 'required', 'low level cryptographic library (public-key cryptos)', { ...SAME, source: 'nettle' }),
  deb('libidn2-0', '2.3.3-1+b1', 'amd64', 'libs', 'required', 'Internationalized domain names (IDNA2008/TR46) library', { ...SAME, source: 'libidn2 (2.3.3-1)' }),
  deb('liblz4-1', '1.9.4-1', 'amd64', 'libs', 'required', 'Fast LZ compression algorithm library - runtime', { ...SAME, source: 'lz4' }),
  deb('liblzma5', '5.4.1-0.2', 'amd64', 'libs', 'required', 'XZ-format compression library', { ...SAME, source: 'xz-utils' }),
  deb('libmd0', '1.0.4-2', 'amd64', 'libs', 'required', 'message digest functions from BSD systems - shared library', { ...SAME, source: 'libmd' }),
  deb('libmount1', UL, 'amd64', 'libs', 'required', 'device mounting library', { ...SAME, source: 'util-linux' }),
  deb('libnettle8', '3.8.1-2', 'amd64', 'libs', 'required', 'low level cryptographic library (symmetric and one-way cryptos)', { ...SAME, source: 'nettle' }),
  deb('libp11-kit0', '0.24.1-2', 'amd64', 'libs', 'required', 'library for loading and coordinating access to PKCS#11 modules - runtime', { ...SAME, source: 'p11-kit' }),
  deb('libpam-modules', PAM, 'amd64', 'admin', 'required', 'Pluggable Authentication Modules for PAM', { ...SAME, source: 'pam' }),
  deb('libpam-modules-bin', PAM, 'amd64', 'admin', 'required', 'Pluggable Authentication Modules for PAM - helper binaries', { source: 'pam' }),
  deb('libpam-runtime', PAM, 'all', 'admin', 'required', 'Runtime support for the PAM library', { ...FOREIGN, source: 'pam' }),
  deb('libpam0g', PAM, 'amd64', 'libs', 'required', 'Pluggable Authentication Modules library', { ...SAME, source: 'pam' }),
  deb('libpcre2-8-0', '10.42-1', 'amd64', 'libs', 'required', 'New Perl Compatible Regular Expression Library- 8 bit runtime files', { ...SAME, source: 'pcre2' }),
  deb('libseccomp2', '2.5.4-1+deb12u1', 'amd64', 'libs', 'required', 'high level interface to Linux seccomp filter', { ...SAME, source: 'libseccomp' }),
  deb('libselinux1', '3.4-1+b6', 'amd64', 'libs', 'required', 'SELinux runtime shared libraries', { ...SAME, source: 'libselinux (3.4-1)' }),
  deb('libsemanage-common', '3.4-1', 'all', 'libs', 'required', 'Common files for SELinux policy management libraries', { ...FOREIGN, source: 'libsemanage' }),
  deb('libsemanage2', '3.4-1+b5', 'amd64', 'libs', 'required', 'SELinux policy management library', { ...SAME, source: 'libsemanage (3.4-1)' }),
  deb('libsepol2', '3.4-2.1', 'amd64', 'libs', 'required', 'SELinux library for manipulating binary security policies', { ...SAME, source: 'libsepol' }),
  deb('libsmartcols1', UL, 'amd64', 'libs', 'required', 'smart column output alignment library', { ...SAME, source: 'util-linux' }),
  deb('libss2', E2FS, 'amd64', 'libs', 'required', 'command-line interface parsing library', { ...SAME, source: 'e2fsprogs' }),
  deb('libstdc++6', GCC, 'amd64', 'libs', 'required', 'GNU Standard C++ Library v3', { ...SAME, source: 'gcc-12' }),
  deb('libsystemd0', SYSTEMD, 'amd64', 'libs', 'required', 'systemd utility library', { ...SAME, source: 'systemd' }),
  deb('libtasn1-6', '4.19.0-2', 'amd64', 'libs', 'required', 'Manage ASN.1 structures (runtime)', SAME),
  deb('libtinfo6', '6.4-4', 'amd64', 'libs', 'required', 'shared low-level terminfo library for terminal handling', { ...SAME, source: 'ncurses' }),
  deb('libudev1', SYSTEMD, 'amd64', 'libs', 'required', 'libudev shared library', { ...SAME, source: 'systemd' }),
  deb('libunistring2', '1.0-2', 'amd64', 'libs', 'required', 'Unicode string library for C', { ...SAME, source: 'libunistring' }),
  deb('libuuid1', UL, 'amd64', 'libs', 'required', 'Universally Unique ID library', { ...SAME, source: 'util-linux' }),
  deb('libxxhash0', '0.8.1-1', 'amd64', 'libs', 'required', 'shared library for xxhash', { ...SAME, source: 'xxhash' }),
  deb('libzstd1', '1.5.4+dfsg2-5', 'amd64', 'libs', 'required', 'fast lossless compression algorithm', { ...SAME, source: 'libzstd' }),
  deb('login', '1:4.13+dfsg1-1+b1', 'amd64', 'admin', 'required', 'system login tools', { ...E, source: 'shadow (1:4.13+dfsg1-1)' }),
  deb('logsave', E2FS, 'amd64', 'admin', 'required', 'save the output of a command in a log file', { source: 'e2fsprogs' }),
  deb('mawk', '1.3.4.20200120-3.1', 'amd64', 'interpreters', 'required', 'Pattern scanning and text processing language', FOREIGN),
  deb('mount', UL, 'amd64', 'admin', 'required', 'tools for mounting and manipulating filesystems', { source: 'util-linux' }),
  deb('ncurses-base', '6.4-4', 'all', 'misc', 'required', 'basic terminal type definitions', { ...E, ...FOREIGN, source: 'ncurses' }),
  deb('ncurses-bin', '6.4-4', 'amd64', 'utils', 'required', 'terminal-related programs and man pages', { ...E, ...FOREIGN, source: 'ncurses' }),
  deb('passwd', '1:4.13+dfsg1-1+b1', 'amd64', 'admin', 'required', 'change and administer password and group data', { ...FOREIGN, source: 'shadow (1:4.13+dfsg1-1)' }),
  deb('perl-base', '5.36.0-7+deb12u1', 'amd64', 'perl', 'required', 'minimal Perl system', { ...E, ...FOREIGN, source: 'perl' }),
  deb('sed', '4.9-1', 'amd64', 'utils', 'required', 'GNU stream editor for filtering/transforming text', { ...E, ...FOREIGN }),
  deb('sysvinit-utils', '3.06-4', 'amd64', 'admin', 'required', 'System-V-like utilities', { ...E, source: 'sysvinit' }),
  deb('tar', '1.34+dfsg-1.2+deb12u1', 'amd64', 'utils', 'required', 'GNU version of the tar archiving utility', { ...E, ...FOREIGN }),
  deb('tzdata', '2024a-0+deb12u1', 'all', 'localization', 'required', 'time zone and daylight-saving time data', FOREIGN),
  deb('usr-is-merged', '37~deb12u1', 'all', 'oldlibs', 'optional', 'Transitional package to assert a merged-/usr system', { ...E, ...FOREIGN, source: 'usrmerge' }),
  deb('util-linux', UL, 'amd64', 'utils', 'required', 'miscellaneous system utilities', { ...E, ...FOREIGN }),
  deb('util-linux-extra', UL, 'amd64', 'utils', 'optional', 'interactive login tools', { ...FOREIGN, source: 'util-linux' }),
  deb('zlib1g', '1:1.2.13.dfsg-1', 'amd64', 'libs', 'required', 'compression library - runtime', { ...SAME, source: 'zlib' }),
];

const LIBS: readonly [string, string][] = [
  ['libc.so.6', 'libc.so.6'], ['libm.so.6', 'libm.so.6'], ['libresolv.so.2', 'libresolv.so.2'],
  ['libpthread.so.0', 'libpthread.so.0'], ['libdl.so.2', 'libdl.so.2'], ['librt.so.1', 'librt.so.1'],
  ['libutil.so.1', 'libutil.so.1'], ['libanl.so.1', 'libanl.so.1'], ['libnss_files.so.2', 'libnss_files.so.2'],
  ['libnss_dns.so.2', 'libnss_dns.so.2'], ['libnss_compat.so.2', 'libnss_compat.so.2'],
  ['libacl.so.1.1.2301', 'libacl.so.1'], ['libattr.so.1.1.2501', 'libattr.so.1'], ['libselinux.so.1', 'libselinux.so.1'],
  ['libpcre2-8.so.0.11.2', 'libpcre2-8.so.0'], ['libtinfo.so.6.4', 'libtinfo.so.6'], ['libz.so.1.2.13', 'libz.so.1'],
  ['libgcc_s.so.1', 'libgcc_s.so.1'], ['libstdc++.so.6.0.30', 'libstdc++.so.6'], ['libapt-pkg.so.6.0.0', 'libapt-pkg.so.6.0'],
  ['libapt-private.so.0.0.0', 'libapt-private.so.0.0'], ['libsystemd.so.0.35.0', 'libsystemd.so.0'],
  ['libudev.so.1.7.5', 'libudev.so.1'], ['libzstd.so.1.5.4', 'libzstd.so.1'], ['liblzma.so.5.4.1', 'liblzma.so.5'],
  ['libbz2.so.1.0.4', 'libbz2.so.1.0'], ['liblz4.so.1.9.4', 'liblz4.so.1'], ['libgnutls.so.30.34.3', 'libgnutls.so.30'],
  ['libaudit.so.1.0.0', 'libaudit.so.1'], ['libpam.so.0.85.1', 'libpam.so.0'], ['libpam_misc.so.0.82.1', 'libpam_misc.so.0'],
  ['libcap.so.2.66', 'libcap.so.2'], ['libcap-ng.so.0.0.0', 'libcap-ng.so.0'], ['libmd.so.0.0.5', 'libmd.so.0'],
  ['libblkid.so.1.1.0', 'libblkid.so.1'], ['libmount.so.1.1.0', 'libmount.so.1'], ['libuuid.so.1.3.0', 'libuuid.so.1'],
  ['libsmartcols.so.1.1.0', 'libsmartcols.so.1'], ['libcrypt.so.1.1.0', 'libcrypt.so.1'], ['libdb-5.3.so', 'libdb-5.3.so'],
  ['libgmp.so.10.4.1', 'libgmp.so.10'], ['libgcrypt.so.20.4.1', 'libgcrypt.so.20'], ['libgpg-error.so.0.33.1', 'libgpg-error.so.0'],
  ['libffi.so.8.1.2', 'libffi.so.8'], ['libtasn1.so.6.6.3', 'libtasn1.so.6'], ['libp11-kit.so.0.3.0', 'libp11-kit.so.0'],
  ['libidn2.so.0.3.8', 'libidn2.so.0'], ['libunistring.so.2.2.0', 'libunistring.so.2'], ['libnettle.so.8.6', 'libnettle.so.8'],
  ['libhogweed.so.6.6', 'libhogweed.so.6'], ['libxxhash.so.0.8.1', 'libxxhash.so.0'], ['libsemanage.so.2', 'libsemanage.so.2'],
  ['libsepol.so.2', 'libsepol.so.2'], ['libseccomp.so.2.5.4', 'libseccomp.so.2'], ['libcom_err.so.2.1', 'libcom_err.so.2'],
  ['libext2fs.so.2.4', 'libext2fs.so.2'], ['libe2p.so.2.3', 'libe2p.so.2'], ['libss.so.2.0', 'libss.so.2'],
  ['libdebconfclient.so.0.0.0', 'libdebconfclient.so.0'],
];

const OS_RELEASE = text`
  PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
  NAME="Debian GNU/Linux"
  VERSION_ID="12"
  VERSION="12 (bookworm)"
  VERSION_CODENAME=bookworm
  ID=debian
  HOME_URL="https://www.debian.org/"
  SUPPORT_URL="https://www.debian.org/support"
  BUG_REPORT_URL="https://bugs.debian.org/"
`;

const DEBIAN_SOURCES = text`
  Types: deb
  # http://snapshot.debian.org/archive/debian/20241016T000000Z
  URIs: http://deb.debian.org/debian
  Suites: bookworm bookworm-updates
  Components: main
  Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

  Types: deb
  # http://snapshot.debian.org/archive/debian-security/20241016T000000Z
  URIs: http://deb.debian.org/debian-security
  Suites: bookworm-security
  Components: main
  Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

const DPKG_SLIM = text`
  # This is the "slim" variant of the Debian base image.
  # Many files which are normally unnecessary in containers are excluded,
  # and this configuration file keeps them that way.

  path-exclude /usr/share/doc/*
  # we need to keep copyright files for legal reasons
  path-include /usr/share/doc/*/copyright
  path-exclude /usr/share/groff/*
  path-exclude /usr/share/info/*
  path-exclude /usr/share/linda/*
  path-exclude /usr/share/lintian/overrides/*
  path-exclude /usr/share/locale/*
  path-include /usr/share/locale/locale.alias
  path-exclude /usr/share/man/*
`;

const ARCHIVE_KEYS = ['bookworm-automatic', 'bookworm-security-automatic', 'bookworm-stable', 'bullseye-automatic',
  'bullseye-security-automatic', 'bullseye-stable', 'buster-automatic', 'buster-security-automatic', 'buster-stable'];

/** /usr/share/zoneinfo, abridged to UTC and its aliases (the files are TZif data). */
function zoneinfo(): FileSpec[] {
  const utc = fixedZoneTzif();
  return [
    ...dirs('/usr/share/zoneinfo', '/usr/share/zoneinfo/Etc'),
    file('/usr/share/zoneinfo/Etc/UTC', utc),
    ...['UTC', 'UCT', 'Universal', 'Zulu'].map((n) => link(`/usr/share/zoneinfo/${n}`, 'Etc/UTC')),
    ...['UCT', 'Universal', 'Zulu', 'GMT'].map((n) => link(`/usr/share/zoneinfo/Etc/${n}`, 'UTC')),
  ];
}

/** The account files of the base system; nginx's layer rewrites them with its user added. */
export const DEBIAN_ACCOUNTS = {
  passwd: D.BASE_PASSWD,
  group: D.BASE_GROUP,
  shadow: D.shadowFor(D.BASE_PASSWD, DAY),
  gshadow: D.gshadowFor(D.BASE_GROUP),
};

function rootfs(slim: boolean): FileSpec[] {
  const shadowFile = (path: string, content: string) => file(path, content, 0o640, 0, 42);
  return layerFiles([
    ...usrMergeLinks(),
    ...dirs('/boot', '/dev', '/etc'),
    ...alternatives(VERSIONS.whichAlternative),
    ...dirs('/etc/apt', '/etc/apt/apt.conf.d', '/etc/apt/auth.conf.d', '/etc/apt/keyrings', '/etc/apt/preferences.d',
      '/etc/apt/sources.list.d', '/etc/apt/trusted.gpg.d'),
    file('/etc/apt/apt.conf.d/01autoremove', D.APT_AUTOREMOVE),
    ...Object.entries(D.APT_DOCKER_CONF).map(([name, content]) => file(`/etc/apt/apt.conf.d/${name}`, content)),
    file('/etc/apt/sources.list.d/debian.sources', DEBIAN_SOURCES),
    ...ARCHIVE_KEYS.map((k) => file(`/etc/apt/trusted.gpg.d/debian-archive-${k}.asc`, D.keyringPlaceholder(`debian-archive-${k}.asc`))),
    file('/etc/bash.bashrc', D.BASH_BASHRC),
    file('/etc/debian_version', '12.7\n'),
    ...dirs('/etc/dpkg', '/etc/dpkg/dpkg.cfg.d', '/etc/dpkg/origins'),
    file('/etc/dpkg/dpkg.cfg', D.DPKG_CFG),
    ...(slim ? [file('/etc/dpkg/dpkg.cfg.d/docker', DPKG_SLIM)] : []),
    file('/etc/dpkg/dpkg.cfg.d/docker-apt-speedup', '# For most Docker users, package installs happen during "docker build", which\n# doesn\'t survive power loss and gets restarted clean afterwards anyhow, so\n# this minor tweak gives us a nice speedup (much nicer on spinning disks,\n# obviously).\n\nforce-unsafe-io\n'),
    file('/etc/dpkg/origins/debian', 'Vendor: Debian\nVendor-URL: https://www.debian.org/\nBugs: debbugs://bugs.debian.org\n'),
    link('/etc/dpkg/origins/default', 'debian'),
    file('/etc/fstab', D.FSTAB),
    file('/etc/group', DEBIAN_ACCOUNTS.group),
    shadowFile('/etc/gshadow', DEBIAN_ACCOUNTS.gshadow),
    file('/etc/host.conf', D.HOST_CONF),
    file('/etc/issue', 'Debian GNU/Linux 12 \\n \\l\n\n'),
    file('/etc/issue.net', 'Debian GNU/Linux 12\n'),
    file('/etc/ld.so.conf', D.LD_SO_CONF),
    dir('/etc/ld.so.conf.d'),
    file('/etc/ld.so.conf.d/libc.conf', D.LD_SO_CONF_LIBC),
    file('/etc/ld.so.conf.d/x86_64-linux-gnu.conf', D.LD_SO_CONF_MULTIARCH),
    link('/etc/localtime', '/usr/share/zoneinfo/Etc/UTC'),
    file('/etc/login.defs', D.LOGIN_DEFS),
    file('/etc/nsswitch.conf', D.NSSWITCH),
    dir('/etc/opt'),
    link('/etc/os-release', '../usr/lib/os-release'),
    file('/etc/passwd', DEBIAN_ACCOUNTS.passwd),
    file('/etc/profile', D.PROFILE),
    ...['profile.d', 'rc0.d', 'rc1.d', 'rc2.d', 'rc3.d', 'rc4.d', 'rc5.d', 'rc6.d', 'rcS.d', 'init.d', 'pam.d', 'security', 'selinux', 'systemd', 'terminfo'].map((d) => dir(`/etc/${d}`)),
    shadowFile('/etc/shadow', DEBIAN_ACCOUNTS.shadow),
    file('/etc/shells', D.SHELLS),
    dir('/etc/skel'),
    file('/etc/skel/.bash_logout', D.BASH_LOGOUT),
    file('/etc/skel/.bashrc', D.BASHRC),
    file('/etc/skel/.profile', D.DOT_PROFILE_SKEL),
    file('/etc/timezone', 'Etc/UTC\n'),
    ...dirs('/home', '/media', '/mnt', '/opt', '/proc'),
    dir('/root', 0o700),
    file('/root/.bashrc', D.BASHRC),
    file('/root/.profile', D.DOT_PROFILE_ROOT),
    dir('/run'),
    dir('/run/lock', 0o1777),
    ...dirs('/srv', '/sys'),
    dir('/tmp', 0o1777),
    ...gnuUserland(VERSIONS),
    link('/usr/bin/pidof', '/sbin/killall5'),
    ...multiarchLibraries(LIBS, VERSIONS.glibc),
    file('/usr/lib/os-release', OS_RELEASE),
    ...usrSkeleton(['debian-archive-keyring.gpg', 'debian-archive-removed-keys.gpg']),
    ...zoneinfo(),
    ...varTree(DEBIAN_PACKAGES),
  ]);
}

export const DEBIAN_LAYER: LayerSpec = { mtime: '2024-10-16T00:00:00Z', files: rootfs(true) };
const DEBIAN_FULL_LAYER: LayerSpec = { mtime: '2024-10-16T00:00:00Z', files: rootfs(false) };

export const DEBIAN_HISTORY: readonly HistorySpec[] = [
  step(DEBIAN_CREATED, '/bin/sh -c #(nop) ADD file:90b9dd8f12120e8b2cd3ece45fcbe8af67e40565e2032a40f64bd921c43e2ce7 in / ', DEBIAN_LAYER, false),
  meta('2024-10-17T00:20:30Z', '/bin/sh -c #(nop)  CMD ["bash"]', false),
];

export const debianSlim: ImageSpec = {
  repository: 'debian',
  tags: ['bookworm-slim', 'bookworm-20241016-slim', '12-slim', '12.7-slim', 'stable-slim'],
  description: "Debian is a Linux distribution that's composed entirely of free and open-source software.",
  official: true,
  stars: 5_000,
  architecture: 'amd64',
  os: 'linux',
  config: { Env: [DEFAULT_PATH], Cmd: ['bash'] },
  history: [...DEBIAN_HISTORY],
};

/** debian:latest: bookworm without the slim variant's exclusions. */
export const debian: ImageSpec = {
  ...debianSlim,
  tags: ['bookworm', 'bookworm-20241016', '12', '12.7', 'latest'],
  // The classic builder names an ADDed file by a hash of its content: here, of the layer ({layer}).
  history: [step(DEBIAN_CREATED, '/bin/sh -c #(nop) ADD file:{layer} in / ', DEBIAN_FULL_LAYER, false), DEBIAN_HISTORY[1]!],
};
