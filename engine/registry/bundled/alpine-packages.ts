/**
 * The fourteen packages of Alpine 3.20.3's minirootfs, with their real names,
 * versions, descriptions, sizes and licences, and the files each installs.
 * Installation order, as apk records it in /lib/apk/db/installed.
 */
import type { ApkPackage } from './apk.ts';
import * as F from './alpine-files.ts';
import { dir, dirs, file, link, program, script, sharedLibrary } from './fs.ts';
import { PROTOCOLS, SERVICES } from './netbase.ts';

const NCOPA = 'Natanael Copa <ncopa@alpinelinux.org>';
const BUSYBOX_VERSION = '1.36.1-r29';
const LIBC = 'so:libc.musl-x86_64.so.1';

/** The x86_64 signing keys apk trusts, and every key alpine-keys ships by architecture. */
export const APK_KEYS_X86_64 = [
  'alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub',
  'alpine-devel@lists.alpinelinux.org-5261cecb.rsa.pub',
  'alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub',
];
const KEYS_BY_ARCH: [string, string][] = [
  ['aarch64', '58199dcc'], ['aarch64', '616ae350'],
  ['armhf', '524d27bb'], ['armv7', '524d27bb'], ['armv7', '616adfeb'], ['armhf', '616a9724'],
  ['x86', '5243ef4b'], ['x86', '61666e3f'], ['x86', '4a6a0840'], ['x86_64', '4a6a0840'],
  ['x86_64', '5261cecb'], ['x86_64', '6165ee59'],
  ['ppc64le', '58cbb476'], ['ppc64le', '616abc23'],
  ['s390x', '58e4f17d'], ['s390x', '616ac3bc'],
  ['mips64', '5e69ca50'],
  ['riscv64', '60ac2099'], ['riscv64', '616db30d'],
];
const keyName = (id: string) => `alpine-devel@lists.alpinelinux.org-${id}.rsa.pub`;

function alpineKeysFiles() {
  const ids = [...new Set(KEYS_BY_ARCH.map(([, id]) => id))];
  const arches = [...new Set(KEYS_BY_ARCH.map(([arch]) => arch))].sort();
  return [
    ...dirs('/etc', '/etc/apk', '/etc/apk/keys'),
    ...APK_KEYS_X86_64.map((k) => file(`/etc/apk/keys/${k}`, F.publicKeyPlaceholder(k))),
    ...dirs('/usr', '/usr/share', '/usr/share/apk', '/usr/share/apk/keys'),
    ...ids.map((id) => file(`/usr/share/apk/keys/${keyName(id)}`, F.publicKeyPlaceholder(keyName(id)))),
    ...arches.flatMap((arch) => [
      dir(`/usr/share/apk/keys/${arch}`),
      ...KEYS_BY_ARCH.filter(([a]) => a === arch).map(([, id]) =>
        link(`/usr/share/apk/keys/${arch}/${keyName(id)}`, `../${keyName(id)}`),
      ),
    ]),
  ];
}

const BASELAYOUT_DIRS: [string, number?][] = [
  ['/dev'], ['/dev/pts'], ['/dev/shm'], ['/etc'], ['/etc/crontabs'], ['/etc/modprobe.d'],
  ['/etc/modules-load.d'], ['/etc/network'], ['/etc/network/if-down.d'], ['/etc/network/if-post-down.d'],
  ['/etc/network/if-pre-up.d'], ['/etc/network/if-up.d'], ['/etc/opt'], ['/etc/periodic'],
  ['/etc/periodic/15min'], ['/etc/periodic/daily'], ['/etc/periodic/hourly'], ['/etc/periodic/monthly'],
  ['/etc/periodic/weekly'], ['/etc/profile.d'], ['/etc/sysctl.d'], ['/home'], ['/lib'], ['/lib/firmware'],
  ['/lib/modules-load.d'], ['/lib/sysctl.d'], ['/media'], ['/media/cdrom'], ['/media/floppy'], ['/media/usb'],
  ['/mnt'], ['/opt'], ['/proc'], ['/root', 0o700], ['/run'], ['/sbin'], ['/srv'], ['/sys'], ['/tmp', 0o1777],
  ['/usr'], ['/usr/bin'], ['/usr/lib'], ['/usr/lib/modules-load.d'], ['/usr/local'], ['/usr/local/bin'],
  ['/usr/local/lib'], ['/usr/local/share'], ['/usr/sbin'], ['/usr/share'], ['/usr/share/man'],
  ['/usr/share/misc'], ['/var'], ['/var/cache'], ['/var/cache/misc'], ['/var/empty', 0o555], ['/var/lib'],
  ['/var/lib/misc'], ['/var/local'], ['/var/lock'], ['/var/lock/subsys'], ['/var/log'], ['/var/mail'],
  ['/var/opt'], ['/var/spool'], ['/var/spool/cron'], ['/var/tmp', 0o1777],
];

export const MUSL: ApkPackage = {
  name: 'musl', version: '1.2.5-r0', description: 'the musl c library (libc) implementation',
  url: 'https://musl.libc.org/', license: 'MIT', maintainer: 'Timo Teräs <timo.teras@iki.fi>',
  installedKiB: 652, provides: ['so:libc.musl-x86_64.so.1=1'],
  files: [
    dir('/lib'),
    program('/lib/ld-musl-x86_64.so.1', 'ld-musl', { version: '1.2.5' }),
    link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1'),
  ],
};

export const BUSYBOX: ApkPackage = {
  name: 'busybox', version: BUSYBOX_VERSION, description: 'Size optimized toolbox of many common UNIX utilities',
  url: 'https://busybox.net/', license: 'GPL-2.0-only', maintainer: 'Sören Tempel <soeren+alpine@soeren-tempel.net>',
  installedKiB: 908, depends: [LIBC], provides: ['cmd:busybox=1.36.1-r29'],
  files: [
    dir('/bin'),
    program('/bin/busybox', 'busybox', { version: '1.36.1' }),
    ...dirs('/etc', '/etc/logrotate.d'),
    file('/etc/logrotate.d/acpid', F.LOGROTATE_ACPID),
    ...dirs('/etc/network', '/etc/network/if-down.d', '/etc/network/if-post-down.d', '/etc/network/if-post-up.d',
      '/etc/network/if-pre-down.d', '/etc/network/if-pre-up.d', '/etc/network/if-up.d'),
    script('/etc/network/if-up.d/dad', F.IFUP_DAD, 0o775),
    file('/etc/securetty', F.SECURETTY),
    dir('/sbin'),
    dir('/tmp', 0o1777),
    ...dirs('/usr', '/usr/sbin', '/usr/bin', '/usr/share', '/usr/share/udhcpc'),
    script('/usr/share/udhcpc/default.script', F.UDHCPC_SCRIPT),
    ...dirs('/var', '/var/cache', '/var/cache/misc', '/var/lib', '/var/lib/udhcpd'),
  ],
};

export const BUSYBOX_BINSH: ApkPackage = {
  name: 'busybox-binsh', version: BUSYBOX_VERSION, description: 'busybox ash /bin/sh', origin: 'busybox',
  url: 'https://busybox.net/', license: 'GPL-2.0-only', maintainer: 'Sören Tempel <soeren+alpine@soeren-tempel.net>',
  installedKiB: 8, depends: ['busybox=1.36.1-r29'], provides: ['/bin/sh', 'cmd:sh=1.36.1-r29'],
  files: [dir('/bin'), link('/bin/sh', '/bin/busybox')],
};

export const BASELAYOUT_DATA: ApkPackage = {
  name: 'alpine-baselayout-data', version: '3.6.5-r0', description: 'Alpine base dir structure and init scripts',
  origin: 'alpine-baselayout', url: 'https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout',
  license: 'GPL-2.0-only', maintainer: NCOPA, installedKiB: 76,
  files: [
    dir('/etc'),
    file('/etc/fstab', F.FSTAB),
    file('/etc/group', F.GROUP),
    file('/etc/hostname', 'localhost\n'),
    file('/etc/hosts', F.HOSTS),
    file('/etc/inittab', F.INITTAB),
    file('/etc/modules', F.MODULES),
    link('/etc/mtab', '/proc/mounts'),
    file('/etc/nsswitch.conf', F.NSSWITCH),
    file('/etc/passwd', F.PASSWD),
    file('/etc/profile', F.PROFILE),
    file('/etc/protocols', PROTOCOLS),
    file('/etc/services', SERVICES),
    file('/etc/shadow', F.SHADOW, 0o640, 0, 42),
    file('/etc/shells', F.SHELLS),
    file('/etc/sysctl.conf', F.SYSCTL_CONF),
  ],
};

export const BASELAYOUT: ApkPackage = {
  name: 'alpine-baselayout', version: '3.6.5-r0', description: 'Alpine base dir structure and init scripts',
  url: 'https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout', license: 'GPL-2.0-only',
  maintainer: NCOPA, installedKiB: 308, depends: ['alpine-baselayout-data=3.6.5-r0', '/bin/sh'],
  files: [
    ...BASELAYOUT_DIRS.map(([p, mode]) => dir(p, mode)),
    file('/etc/crontabs/root', F.ROOT_CRONTAB, 0o600),
    file('/etc/motd', F.MOTD),
    ...Object.entries(F.MODPROBE).map(([name, content]) => file(`/etc/modprobe.d/${name}`, content)),
    file('/etc/profile.d/20locale.sh', F.LOCALE_SH),
    file('/etc/profile.d/README', F.PROFILE_D_README),
    file('/etc/profile.d/color_prompt.sh.disabled', F.COLOR_PROMPT),
    file('/lib/sysctl.d/00-alpine.conf', F.SYSCTL_ALPINE),
    link('/var/run', '/run'),
    link('/var/spool/cron/crontabs', '/etc/crontabs'),
    link('/var/spool/mail', '/var/mail'),
  ],
};

export const ALPINE_KEYS: ApkPackage = {
  name: 'alpine-keys', version: '2.4-r1', description: 'Public keys for Alpine Linux packages',
  url: 'https://alpinelinux.org', license: 'MIT', maintainer: NCOPA, installedKiB: 156,
  files: alpineKeysFiles(),
};

export const CA_BUNDLE: ApkPackage = {
  name: 'ca-certificates-bundle', version: '20240705-r0', description: 'Pre generated bundle of Mozilla certificates',
  origin: 'ca-certificates', url: 'https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/',
  license: 'MPL-2.0 AND MIT', maintainer: NCOPA, installedKiB: 236,
  provides: ['ca-certificates-cacert=20240705-r0'],
  files: [...dirs('/etc', '/etc/ssl', '/etc/ssl/certs'), file('/etc/ssl/certs/ca-certificates.crt', F.CA_BUNDLE)],
};

const OPENSSL_MAINTAINER = 'Ariadne Conill <ariadne@dereferenced.org>';

export const LIBCRYPTO3: ApkPackage = {
  name: 'libcrypto3', version: '3.3.2-r0', description: 'Crypto library from openssl', origin: 'openssl',
  url: 'https://www.openssl.org/', license: 'Apache-2.0', maintainer: OPENSSL_MAINTAINER, installedKiB: 4660,
  depends: [LIBC], provides: ['so:libcrypto.so.3=3'],
  files: [
    ...dirs('/etc', '/etc/ssl'),
    link('/etc/ssl/cert.pem', 'certs/ca-certificates.crt'),
    dir('/etc/ssl/certs'),
    file('/etc/ssl/ct_log_list.cnf', F.CT_LOG_LIST),
    file('/etc/ssl/ct_log_list.cnf.dist', F.CT_LOG_LIST),
    file('/etc/ssl/openssl.cnf', F.OPENSSL_CNF),
    file('/etc/ssl/openssl.cnf.dist', F.OPENSSL_CNF),
    dir('/etc/ssl/private', 0o700),
    dir('/lib'),
    sharedLibrary('/lib/libcrypto.so.3', 'libcrypto.so.3'),
    ...dirs('/usr', '/usr/lib', '/usr/lib/engines-3'),
    ...['afalg', 'capi', 'loader_attic', 'padlock'].map((e) => sharedLibrary(`/usr/lib/engines-3/${e}.so`, `${e}.so`)),
    dir('/usr/lib/ossl-modules'),
    sharedLibrary('/usr/lib/ossl-modules/legacy.so', 'legacy.so'),
  ],
};

export const LIBSSL3: ApkPackage = {
  name: 'libssl3', version: '3.3.2-r0', description: 'SSL shared libraries', origin: 'openssl',
  url: 'https://www.openssl.org/', license: 'Apache-2.0', maintainer: OPENSSL_MAINTAINER, installedKiB: 796,
  depends: ['so:libc.musl-x86_64.so.1', 'so:libcrypto.so.3'], provides: ['so:libssl.so.3=3'],
  files: [dir('/lib'), sharedLibrary('/lib/libssl.so.3', 'libssl.so.3')],
};

export const SSL_CLIENT: ApkPackage = {
  name: 'ssl_client', version: BUSYBOX_VERSION, description: 'EXternal ssl_client for busybox wget', origin: 'busybox',
  url: 'https://busybox.net/', license: 'GPL-2.0-only', maintainer: 'Sören Tempel <soeren+alpine@soeren-tempel.net>',
  installedKiB: 28, depends: [LIBC, 'so:libcrypto.so.3', 'so:libssl.so.3'],
  provides: ['cmd:ssl_client=1.36.1-r29'], installIf: ['busybox=1.36.1-r29', 'libssl3'],
  files: [...dirs('/usr', '/usr/bin'), program('/usr/bin/ssl_client', 'ssl_client', { version: '1.36.1' })],
};

export const ZLIB: ApkPackage = {
  name: 'zlib', version: '1.3.1-r1', description: 'A compression/decompression Library', url: 'https://zlib.net/',
  license: 'Zlib', maintainer: NCOPA, installedKiB: 108, depends: [LIBC], provides: ['so:libz.so.1=1.3.1'],
  files: [dir('/lib'), link('/lib/libz.so.1', 'libz.so.1.3.1'), sharedLibrary('/lib/libz.so.1.3.1', 'libz.so.1')],
};

export const APK_TOOLS: ApkPackage = {
  name: 'apk-tools', version: '2.14.4-r0', description: 'Alpine Package Keeper - package manager for alpine',
  url: 'https://gitlab.alpinelinux.org/alpine/apk-tools', license: 'GPL-2.0-only',
  maintainer: 'Timo Teräs <timo.teras@iki.fi>', installedKiB: 296,
  depends: ['musl>=1.2.3_git20230424', 'ca-certificates-bundle', LIBC, 'so:libcrypto.so.3', 'so:libssl.so.3', 'so:libz.so.1'],
  provides: ['so:libapk.so.2.14.0=2.14.0', 'cmd:apk=2.14.4-r0'],
  files: [
    ...dirs('/etc', '/etc/apk', '/etc/apk/keys', '/etc/apk/protected_paths.d'),
    dir('/lib'),
    sharedLibrary('/lib/libapk.so.2.14.0', 'libapk.so.2.14.0'),
    dir('/sbin'),
    program('/sbin/apk', 'apk', { version: '2.14.4' }),
    ...dirs('/var', '/var/cache', '/var/cache/misc'),
  ],
};

export const SCANELF: ApkPackage = {
  name: 'scanelf', version: '1.3.7-r2', description: 'Scan ELF binaries for stuff', origin: 'pax-utils',
  url: 'https://wiki.gentoo.org/wiki/Hardened/PaX_Utilities', license: 'GPL-2.0-only', maintainer: NCOPA,
  installedKiB: 80, depends: [LIBC], provides: ['cmd:scanelf=1.3.7-r2'],
  files: [...dirs('/usr', '/usr/bin'), program('/usr/bin/scanelf', 'scanelf', { version: '1.3.7' })],
};

export const MUSL_UTILS: ApkPackage = {
  name: 'musl-utils', version: '1.2.5-r0', description: 'the musl c library (libc) implementation', origin: 'musl',
  url: 'https://musl.libc.org/', license: 'MIT AND BSD-2-Clause AND GPL-2.0-or-later',
  maintainer: 'Timo Teräs <timo.teras@iki.fi>', installedKiB: 128, depends: ['scanelf', LIBC],
  provides: ['cmd:getconf=1.2.5-r0', 'cmd:getent=1.2.5-r0', 'cmd:iconv=1.2.5-r0', 'cmd:ldconfig=1.2.5-r0', 'cmd:ldd=1.2.5-r0'],
  files: [
    dir('/sbin'),
    script('/sbin/ldconfig', F.LDCONFIG),
    ...dirs('/usr', '/usr/bin'),
    program('/usr/bin/getconf', 'musl-utils', { applet: 'getconf', version: '1.2.5' }),
    program('/usr/bin/getent', 'musl-utils', { applet: 'getent', version: '1.2.5' }),
    program('/usr/bin/iconv', 'musl-utils', { applet: 'iconv', version: '1.2.5' }),
    script('/usr/bin/ldd', F.LDD),
  ],
};

/** In the order apk installed them when building the minirootfs. */
export const ALPINE_BASE_PACKAGES: readonly ApkPackage[] = [
  MUSL, BUSYBOX, BUSYBOX_BINSH, BASELAYOUT_DATA, BASELAYOUT, ALPINE_KEYS, CA_BUNDLE, LIBCRYPTO3, LIBSSL3,
  SSL_CLIENT, ZLIB, APK_TOOLS, SCANELF, MUSL_UTILS,
];
