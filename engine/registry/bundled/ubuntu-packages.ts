/**
 * The packages of ubuntu:noble-20241011 (Ubuntu 24.04.1), for
 * /var/lib/dpkg/status. Versions are those of the noble archive in
 * October 2024.
 */
import { deb, type DebPackage } from './debian-family.ts';

const UBUNTU = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';
const E = { essential: true } as const;
const SAME = { multiArch: 'same' } as const;
const FOREIGN = { multiArch: 'foreign' } as const;

const GCC = '14-20240412-0ubuntu1';
const GLIBC = '2.39-0ubuntu8.3';
const UTIL_LINUX = '2.39.3-9ubuntu6.1';
const E2FS = '1.47.0-2.4~exp1ubuntu4.1';
const PAM = '1.5.3-5ubuntu5.1';
const SHADOW = '1:4.13+dfsg1-4ubuntu3';
const NCURSES = '6.4+20240113-1ubuntu2';
const SYSTEMD = '255.4-1ubuntu8.4';
const APT = '2.7.14build2';
const NETTLE = '3.9.1-2.2build1.1';

export const UBUNTU_PACKAGES: readonly DebPackage[] = [
  deb('apt', APT, 'amd64', 'admin', 'important', 'commandline package manager'),
  deb('base-files', '13ubuntu10.1', 'amd64', 'admin', 'required', 'Debian base system miscellaneous files', E),
  deb('base-passwd', '3.6.3build1', 'amd64', 'admin', 'required', 'Debian base system master password and group files', E),
  deb('bash', '5.2.21-2ubuntu4', 'amd64', 'shells', 'required', 'GNU Bourne Again SHell', { ...E, ...FOREIGN }),
  deb('bsdutils', `1:${UTIL_LINUX}`, 'amd64', 'utils', 'required', 'basic utilities from 4.4BSD-Lite', { ...E, source: 'util-linux' }),
  deb('coreutils', '9.4-3ubuntu6', 'amd64', 'utils', 'required', 'GNU core utilities', { ...E, ...FOREIGN }),
  deb('dash', '0.5.12-6ubuntu5', 'amd64', 'shells', 'required', 'POSIX-compliant shell', { ...E, ...FOREIGN }),
  deb('debconf', '1.5.86ubuntu1', 'all', 'admin', 'required', 'Debian configuration management system', FOREIGN),
  deb('debianutils', '5.17build1', 'amd64', 'utils', 'required', 'Miscellaneous utilities specific to Debian', { ...E, ...FOREIGN }),
  deb('diffutils', '1:3.10-1build1', 'amd64', 'utils', 'required', 'File comparison utilities', { ...E, ...FOREIGN }),
  deb('dpkg', '1.22.6ubuntu6.1', 'amd64', 'admin', 'required', 'Debian package management system', { ...E, ...FOREIGN }),
  deb('e2fsprogs', E2FS, 'amd64', 'admin', 'important', 'ext2/ext3/ext4 file system utilities'),
  deb('findutils', '4.9.0-5build1', 'amd64', 'utils', 'required', 'utilities for finding files--find, xargs', { ...E, ...FOREIGN }),
  deb('gcc-14-base', GCC, 'amd64', 'libs', 'required', 'GCC, the GNU Compiler Collection (base package)', { ...SAME, source: 'gcc-14' }),
  deb('gpgv', '2.4.4-2ubuntu17', 'amd64', 'utils', 'important', 'GNU privacy guard - signature verification tool', { ...FOREIGN, source: 'gnupg2' }),
  deb('grep', '3.11-4build1', 'amd64', 'utils', 'required', 'GNU grep, egrep and fgrep', { ...E, ...FOREIGN }),
  deb('gzip', '1.12-1ubuntu3', 'amd64', 'utils', 'required', 'GNU compression utilities', { ...E, ...FOREIGN }),
  deb('hostname', '3.23+nmu2ubuntu2', 'amd64', 'admin', 'required', 'utility to set/show the host name or domain name', E),
  deb('init-system-helpers', '1.66ubuntu1', 'all', 'admin', 'required', 'helper tools for all init systems', { ...E, ...FOREIGN }),
  deb('libacl1', '2.3.2-1build1', 'amd64', 'libs', 'required', 'access control list - shared library', { ...SAME, source: 'acl' }),
  deb('libapt-pkg6.0t64', APT, 'amd64', 'libs', 'important', 'package management runtime library', { ...SAME, source: 'apt' }),
  deb('libassuan0', '2.5.6-1build1', 'amd64', 'libs', 'optional', 'IPC library for the GnuPG components', { ...SAME, source: 'libassuan' }),
  deb('libattr1', '1:2.5.2-1build1', 'amd64', 'libs', 'required', 'extended attribute handling - shared library', { ...SAME, source: 'attr' }),
  deb('libaudit-common', '1:3.1.2-2.1build1', 'all', 'libs', 'required', 'Dynamic library for security auditing - common files', { source: 'audit' }),
  deb('libaudit1', '1:3.1.2-2.1build1', 'amd64', 'libs', 'required', 'Dynamic library for security auditing', { ...SAME, source: 'audit' }),
  deb('libblkid1', UTIL_LINUX, 'amd64', 'libs', 'required', 'block device ID library', { ...SAME, source: 'util-linux' }),
  deb('libbz2-1.0', '1.0.8-5.1build0.1', 'amd64', 'libs', 'important', 'high-quality block-sorting file compressor library - runtime', { ...SAME, source: 'bzip2' }),
  deb('libc-bin', GLIBC, 'amd64', 'libs', 'required', 'GNU C Library: Binaries', { ...E, ...FOREIGN, source: 'glibc' }),
  deb('libc6', GLIBC, 'amd64', 'libs', 'required', 'GNU C Library: Shared libraries', { ...SAME, source: 'glibc' }),
  deb('libcap-ng0', '0.8.4-2build2', 'amd64', 'libs', 'required', 'alternate POSIX capabilities library', { ...SAME, source: 'libcap-ng' }),
  deb('libcap2', '1:2.66-5ubuntu2', 'amd64', 'libs', 'required', 'POSIX 1003.1e capabilities (library)', SAME),
  deb('libcom-err2', E2FS, 'amd64', 'libs', 'required', 'common error description library', { ...SAME, source: 'e2fsprogs' }),
  deb('libcrypt1', '1:4.4.36-4build1', 'amd64', 'libs', 'required', 'libcrypt shared library', { ...SAME, source: 'libxcrypt' }),
  deb('libdb5.3t64', '5.3.28+dfsg2-7', 'amd64', 'libs', 'required', 'Berkeley v5.3 Database Libraries [runtime]', { ...SAME, source: 'db5.3' }),
  deb('libdebconfclient0', '0.271ubuntu3', 'amd64', 'libs', 'required', 'Debian Configuration Management System (C-implementation library)', { ...SAME, source: 'cdebconf' }),
  deb('libext2fs2t64', E2FS, 'amd64', 'libs', 'required', 'ext2/ext3/ext4 file system libraries', { ...SAME, source: 'e2fsprogs' }),
  deb('libffi8', '3.4.6-1build1', 'amd64', 'libs', 'required', 'Foreign Function Interface library runtime', { ...SAME, source: 'libffi' }),
  deb('libgcc-s1', GCC, 'amd64', 'libs', 'required', 'GCC support library', { ...SAME, source: 'gcc-14' }),
  deb('libgcrypt20', '1.10.3-2build1', 'amd64', 'libs', 'standard', 'LGPL Crypto library - runtime library', SAME),
  deb('libgmp10', '2:6.3.0+dfsg-2ubuntu6', 'amd64', 'libs', 'required', 'Multiprecision arithmetic library', { ...SAME, source: 'gmp' }),
  deb('libgnutls30t64', '3.8.3-1.1ubuntu3.2', 'amd64', 'libs', 'required', 'GNU TLS library - main runtime library', { ...SAME, source: 'gnutls28' }),
  deb('libgpg-error0', '1.47-3build2', 'amd64', 'libs', 'required', 'GnuPG development runtime library', { ...SAME, source: 'libgpg-error' }),
  deb('libhogweed6t64', NETTLE, 'amd64', 'libs', 'required', 'low level cryptographic library (public-key cryptos)', { ...SAME, source: 'nettle' }),
  deb('libidn2-0', '2.3.7-2build1', 'amd64', 'libs', 'required', 'Internationalized domain names (IDNA2008/TR46) library', { ...SAME, source: 'libidn2' }),
  deb('liblz4-1', '1.9.4-1build1.1', 'amd64', 'libs', 'required', 'Fast LZ compression algorithm library - runtime', { ...SAME, source: 'lz4' }),
  deb('liblzma5', '5.6.1+really5.4.5-1build0.1', 'amd64', 'libs', 'required', 'XZ-format compression library', { ...SAME, source: 'xz-utils' }),
  deb('libmd0', '1.1.0-2build1', 'amd64', 'libs', 'required', 'message digest functions from BSD systems - shared library', { ...SAME, source: 'libmd' }),
  deb('libmount1', UTIL_LINUX, 'amd64', 'libs', 'required', 'device mounting library', { ...SAME, source: 'util-linux' }),
  deb('libncursesw6', NCURSES, 'amd64', 'libs', 'required', 'shared libraries for terminal handling (wide character support)', { ...SAME, source: 'ncurses' }),
  deb('libnettle8t64', NETTLE, 'amd64', 'libs', 'required', 'low level cryptographic library (symmetric and one-way cryptos)', { ...SAME, source: 'nettle' }),
  deb('libp11-kit0', '0.25.3-4ubuntu2.1', 'amd64', 'libs', 'required', 'library for loading and coordinating access to PKCS#11 modules - runtime', { ...SAME, source: 'p11-kit' }),
  deb('libpam-modules', PAM, 'amd64', 'admin', 'required', 'Pluggable Authentication Modules for PAM', { ...SAME, source: 'pam' }),
  deb('libpam-modules-bin', PAM, 'amd64', 'admin', 'required', 'Pluggable Authentication Modules for PAM - helper binaries', { source: 'pam' }),
  deb('libpam-runtime', PAM, 'all', 'admin', 'required', 'Runtime support for the PAM library', { ...FOREIGN, source: 'pam' }),
  deb('libpam0g', PAM, 'amd64', 'libs', 'required', 'Pluggable Authentication Modules library', { ...SAME, source: 'pam' }),
  deb('libpcre2-8-0', '10.42-4ubuntu2', 'amd64', 'libs', 'required', 'New Perl Compatible Regular Expression Library- 8 bit runtime files', { ...SAME, source: 'pcre2' }),
  deb('libseccomp2', '2.5.5-1ubuntu3.1', 'amd64', 'libs', 'required', 'high level interface to Linux seccomp filter', { ...SAME, source: 'libseccomp' }),
  deb('libselinux1', '3.5-2ubuntu2', 'amd64', 'libs', 'required', 'SELinux runtime shared libraries', { ...SAME, source: 'libselinux' }),
  deb('libsemanage-common', '3.5-1build5', 'all', 'libs', 'required', 'Common files for SELinux policy management libraries', { ...FOREIGN, source: 'libsemanage' }),
  deb('libsemanage2', '3.5-1build5', 'amd64', 'libs', 'required', 'SELinux policy management library', { ...SAME, source: 'libsemanage' }),
  deb('libsepol2', '3.5-2build1', 'amd64', 'libs', 'required', 'SELinux library for manipulating binary security policies', { ...SAME, source: 'libsepol' }),
  deb('libsmartcols1', UTIL_LINUX, 'amd64', 'libs', 'required', 'smart column output alignment library', { ...SAME, source: 'util-linux' }),
  deb('libss2', E2FS, 'amd64', 'libs', 'required', 'command-line interface parsing library', { ...SAME, source: 'e2fsprogs' }),
  deb('libssl3t64', '3.0.13-0ubuntu3.4', 'amd64', 'libs', 'important', 'Secure Sockets Layer toolkit - shared libraries', { ...SAME, source: 'openssl' }),
  deb('libstdc++6', GCC, 'amd64', 'libs', 'important', 'GNU Standard C++ Library v3', { ...SAME, source: 'gcc-14' }),
  deb('libsystemd0', SYSTEMD, 'amd64', 'libs', 'required', 'systemd utility library', { ...SAME, source: 'systemd' }),
  deb('libtasn1-6', '4.19.0-3build1', 'amd64', 'libs', 'required', 'Manage ASN.1 structures (runtime)', { ...SAME, source: 'libtasn1-6' }),
  deb('libtinfo6', NCURSES, 'amd64', 'libs', 'required', 'shared low-level terminfo library for terminal handling', { ...SAME, source: 'ncurses' }),
  deb('libudev1', SYSTEMD, 'amd64', 'libs', 'required', 'libudev shared library', { ...SAME, source: 'systemd' }),
  deb('libunistring5', '1.1-2build1', 'amd64', 'libs', 'required', 'Unicode string library for C', { ...SAME, source: 'libunistring' }),
  deb('libuuid1', UTIL_LINUX, 'amd64', 'libs', 'required', 'Universally Unique ID library', { ...SAME, source: 'util-linux' }),
  deb('libxxhash0', '0.8.2-2build1', 'amd64', 'libs', 'required', 'shared library for xxhash', { ...SAME, source: 'xxhash' }),
  deb('libzstd1', '1.5.5+dfsg2-2build1.1', 'amd64', 'libs', 'required', 'fast lossless compression algorithm', { ...SAME, source: 'libzstd' }),
  deb('login', SHADOW, 'amd64', 'admin', 'required', 'system login tools', { ...E, source: 'shadow' }),
  deb('logsave', E2FS, 'amd64', 'admin', 'required', 'save the output of a command in a log file', { source: 'e2fsprogs' }),
  deb('mawk', '1.3.4.20240123-1build1', 'amd64', 'interpreters', 'required', 'Pattern scanning and text processing language', FOREIGN),
  deb('mount', UTIL_LINUX, 'amd64', 'admin', 'required', 'tools for mounting and manipulating filesystems', { source: 'util-linux' }),
  deb('ncurses-base', NCURSES, 'all', 'misc', 'required', 'basic terminal type definitions', { ...E, ...FOREIGN, source: 'ncurses' }),
  deb('ncurses-bin', NCURSES, 'amd64', 'utils', 'required', 'terminal-related programs and man pages', { ...E, ...FOREIGN, source: 'ncurses' }),
  deb('passwd', SHADOW, 'amd64', 'admin', 'required', 'change and administer password and group data', { ...FOREIGN, source: 'shadow' }),
  deb('perl-base', '5.38.2-3.2build2', 'amd64', 'perl', 'required', 'minimal Perl system', { ...E, ...FOREIGN, source: 'perl' }),
  deb('sed', '4.9-2build1', 'amd64', 'utils', 'required', 'GNU stream editor for filtering/transforming text', { ...E, ...FOREIGN }),
  deb('sensible-utils', '0.0.22', 'all', 'utils', 'required', 'Utilities for sensible alternative selection', FOREIGN),
  deb('sysvinit-utils', '3.08-6ubuntu3', 'amd64', 'admin', 'required', 'System-V-like utilities', { ...E, source: 'sysvinit' }),
  deb('tar', '1.35+dfsg-3build1', 'amd64', 'utils', 'required', 'GNU version of the tar archiving utility', { ...E, ...FOREIGN }),
  deb('ubuntu-keyring', '2023.11.28.1', 'all', 'misc', 'important', 'GnuPG keys of the Ubuntu archive'),
  deb('util-linux', UTIL_LINUX, 'amd64', 'utils', 'required', 'miscellaneous system utilities', { ...E, ...FOREIGN }),
  deb('zlib1g', '1:1.3.dfsg-3.1ubuntu2.1', 'amd64', 'libs', 'required', 'compression library - runtime', { ...SAME, source: 'zlib' }),
].map((p) => ({ ...p, maintainer: UBUNTU }));

/** Libraries of the base system in /usr/lib/x86_64-linux-gnu: [file, soname]. */
export const UBUNTU_LIBS: readonly [string, string][] = [
  ['libc.so.6', 'libc.so.6'], ['libm.so.6', 'libm.so.6'], ['libresolv.so.2', 'libresolv.so.2'],
  ['libpthread.so.0', 'libpthread.so.0'], ['libdl.so.2', 'libdl.so.2'], ['librt.so.1', 'librt.so.1'],
  ['libutil.so.1', 'libutil.so.1'], ['libanl.so.1', 'libanl.so.1'], ['libnss_files.so.2', 'libnss_files.so.2'],
  ['libnss_dns.so.2', 'libnss_dns.so.2'], ['libnss_compat.so.2', 'libnss_compat.so.2'],
  ['libacl.so.1.1.2302', 'libacl.so.1'], ['libattr.so.1.1.2502', 'libattr.so.1'], ['libselinux.so.1', 'libselinux.so.1'],
  ['libpcre2-8.so.0.11.2', 'libpcre2-8.so.0'], ['libtinfo.so.6.4', 'libtinfo.so.6'], ['libncursesw.so.6.4', 'libncursesw.so.6'],
  ['libz.so.1.3', 'libz.so.1'], ['libgcc_s.so.1', 'libgcc_s.so.1'], ['libstdc++.so.6.0.33', 'libstdc++.so.6'],
  ['libapt-pkg.so.6.0.0', 'libapt-pkg.so.6.0'], ['libapt-private.so.0.0.0', 'libapt-private.so.0.0'],
  ['libsystemd.so.0.38.0', 'libsystemd.so.0'], ['libudev.so.1.7.8', 'libudev.so.1'], ['libzstd.so.1.5.5', 'libzstd.so.1'],
  ['liblzma.so.5.4.5', 'liblzma.so.5'], ['libbz2.so.1.0.4', 'libbz2.so.1.0'], ['liblz4.so.1.9.4', 'liblz4.so.1'],
  ['libgnutls.so.30.37.1', 'libgnutls.so.30'], ['libssl.so.3', 'libssl.so.3'], ['libcrypto.so.3', 'libcrypto.so.3'],
  ['libaudit.so.1.0.0', 'libaudit.so.1'], ['libpam.so.0.85.1', 'libpam.so.0'], ['libpam_misc.so.0.82.1', 'libpam_misc.so.0'],
  ['libcap.so.2.66', 'libcap.so.2'], ['libcap-ng.so.0.0.0', 'libcap-ng.so.0'], ['libmd.so.0.1.0', 'libmd.so.0'],
  ['libblkid.so.1.1.0', 'libblkid.so.1'], ['libmount.so.1.1.0', 'libmount.so.1'], ['libuuid.so.1.3.0', 'libuuid.so.1'],
  ['libsmartcols.so.1.1.0', 'libsmartcols.so.1'], ['libcrypt.so.1.1.0', 'libcrypt.so.1'], ['libdb-5.3.so', 'libdb-5.3.so'],
  ['libgmp.so.10.5.0', 'libgmp.so.10'], ['libgcrypt.so.20.4.3', 'libgcrypt.so.20'], ['libgpg-error.so.0.34.0', 'libgpg-error.so.0'],
  ['libffi.so.8.1.4', 'libffi.so.8'], ['libtasn1.so.6.6.3', 'libtasn1.so.6'], ['libp11-kit.so.0.3.1', 'libp11-kit.so.0'],
  ['libidn2.so.0.4.0', 'libidn2.so.0'], ['libunistring.so.5.0.0', 'libunistring.so.5'], ['libnettle.so.8.8', 'libnettle.so.8'],
  ['libhogweed.so.6.8', 'libhogweed.so.6'], ['libxxhash.so.0.8.2', 'libxxhash.so.0'], ['libsemanage.so.2', 'libsemanage.so.2'],
  ['libsepol.so.2', 'libsepol.so.2'], ['libseccomp.so.2.5.5', 'libseccomp.so.2'], ['libcom_err.so.2.1', 'libcom_err.so.2'],
  ['libext2fs.so.2.4', 'libext2fs.so.2'], ['libe2p.so.2.3', 'libe2p.so.2'], ['libss.so.2.0', 'libss.so.2'],
  ['libdebconfclient.so.0.0.0', 'libdebconfclient.so.0'], ['libassuan.so.0.8.6', 'libassuan.so.0'],
];
