/**
 * busybox:1.36.1 (the glibc variant Docker Hub serves as `latest` for it).
 *
 * docker-library/busybox builds BusyBox from its defconfig on Debian
 * bookworm, then `busybox --install /bin` makes every applet a hard link to
 * /bin/busybox (so `ls -l /bin/ls` shows a link count of 404). Debian's
 * getconf and the glibc libraries BusyBox needs are copied next to it, and
 * /etc/passwd, group and shadow come from buildroot's skeleton.
 */
import { DEFCONFIG_APPLETS } from './busybox-applets.ts';
import { DEFAULT_PATH, dir, dirs, file, fixedZoneTzif, hardlink, link, meta, program, sharedLibrary, step, text } from './fs.ts';
import type { FileSpec, ImageSpec, LayerSpec } from './spec.ts';

export const BUSYBOX_CREATED = '2024-01-17T21:49:12Z';

const PASSWD = text`
  root:x:0:0:root:/root:/bin/sh
  daemon:x:1:1:daemon:/usr/sbin:/bin/false
  bin:x:2:2:bin:/bin:/bin/false
  sys:x:3:3:sys:/dev:/bin/false
  sync:x:4:100:sync:/bin:/bin/sync
  mail:x:8:8:mail:/var/spool/mail:/bin/false
  www-data:x:33:33:www-data:/var/www:/bin/false
  operator:x:37:37:Operator:/var:/bin/false
  nobody:x:65534:65534:nobody:/home:/bin/false
`;

const GROUP = text`
  root:x:0:
  daemon:x:1:
  bin:x:2:
  sys:x:3:
  adm:x:4:
  tty:x:5:
  disk:x:6:
  lp:x:7:
  mail:x:8:
  kmem:x:9:
  wheel:x:10:root
  cdrom:x:11:
  dialout:x:18:
  floppy:x:19:
  video:x:28:
  audio:x:29:
  tape:x:32:
  www-data:x:33:
  operator:x:37:
  utmp:x:43:
  plugdev:x:46:
  staff:x:50:
  lock:x:54:
  netdev:x:82:
  users:x:100:
  nogroup:x:65534:
`;

/** buildroot's skeleton shadow, with root locked ("*") since CVE-2019-5021. */
const SHADOW = text`
  root:*:::::::
  daemon:*:::::::
  bin:*:::::::
  sys:*:::::::
  sync:*:::::::
  mail:*:::::::
  www-data:*:::::::
  operator:*:::::::
  nobody:*:::::::
`;

/** Debian bookworm's default /etc/nsswitch.conf, copied in for glibc's resolver. */
export const DEBIAN_NSSWITCH = text`
  # /etc/nsswitch.conf
  #
  # Example configuration of GNU Name Service Switch functionality.
  # If you have the \`glibc-doc-reference' and \`info' packages installed, try:
  # \`info libc "Name Service Switch"' for information about this file.

  passwd:         files
  group:          files
  shadow:         files
  gshadow:        files

  hosts:          files dns
  networks:       files

  protocols:      db files
  services:       db files
  ethers:         db files
  rpc:            db files

  netgroup:       nis
`;

/** The libraries `ldd` finds for busybox, getconf and libnss, copied from bookworm's glibc 2.36. */
const GLIBC_LIBS: [string, string][] = [
  ['libc.so.6', 'libc.so.6'],
  ['libm.so.6', 'libm.so.6'],
  ['libnss_compat.so.2', 'libnss_compat.so.2'],
  ['libnss_dns.so.2', 'libnss_dns.so.2'],
  ['libnss_files.so.2', 'libnss_files.so.2'],
  ['libnss_hesiod.so.2', 'libnss_hesiod.so.2'],
  ['libpthread.so.0', 'libpthread.so.0'],
  ['libresolv.so.2', 'libresolv.so.2'],
];

function rootfs(): FileSpec[] {
  return [
    dir('/bin'),
    program('/bin/busybox', 'busybox', { version: '1.36.1' }),
    // busybox --install /bin: one hard link per applet.
    ...DEFCONFIG_APPLETS.map((name) => hardlink(`/bin/${name}`, '/bin/busybox')),
    program('/bin/getconf', 'libc-bin', { applet: 'getconf', version: '2.36' }),
    dir('/dev'),
    dir('/etc'),
    file('/etc/group', GROUP),
    file('/etc/localtime', fixedZoneTzif()),
    ...dirs('/etc/network', '/etc/network/if-down.d', '/etc/network/if-post-down.d', '/etc/network/if-pre-up.d',
      '/etc/network/if-up.d'),
    file('/etc/nsswitch.conf', DEBIAN_NSSWITCH),
    file('/etc/passwd', PASSWD),
    file('/etc/shadow', SHADOW, 0o600),
    dir('/home', 0o755, 65534, 65534),
    dir('/lib'),
    program('/lib/ld-linux-x86-64.so.2', 'ld-linux', { version: '2.36' }),
    ...GLIBC_LIBS.map(([name, soname]) => sharedLibrary(`/lib/${name}`, soname)),
    link('/lib64', 'lib'),
    dir('/root', 0o700),
    dir('/tmp', 0o1777),
    ...dirs('/usr', '/usr/bin'),
    link('/usr/bin/env', '../../bin/env'),
    dir('/usr/sbin', 0o755, 1, 1),
    ...dirs('/var', '/var/spool'),
    dir('/var/spool/mail', 0o755, 8, 8),
    dir('/var/www'),
  ];
}

export const BUSYBOX_LAYER: LayerSpec = { mtime: '2023-05-18T22:34:17Z', files: rootfs() };

export const busybox: ImageSpec = {
  repository: 'busybox',
  tags: ['1.36.1', '1.36.1-glibc', '1.36', '1.36-glibc', '1', '1-glibc', 'stable', 'stable-glibc', 'glibc', 'latest'],
  description: 'Busybox base image.',
  official: true,
  stars: 3_300,
  architecture: 'amd64',
  os: 'linux',
  config: { Env: [DEFAULT_PATH], Cmd: ['sh'] },
  history: [
    step(BUSYBOX_CREATED, 'ADD busybox.tar.xz / # buildkit', BUSYBOX_LAYER),
    meta(BUSYBOX_CREATED, 'CMD ["sh"]'),
  ],
};
