/**
 * nginx 1.27.2 (mainline, as of October 2024) in its two flavours:
 * nginx:latest on debian:bookworm-slim and nginx:alpine on alpine:3.20.3.
 * Both reuse their base image's layer object, so they share its digest.
 *
 * The layers follow docker-nginx's Dockerfiles: one RUN installs nginx.org's
 * packages, adds the nginx user (uid 101) and points the logs at
 * /dev/stdout and /dev/stderr; then one COPY per entrypoint script.
 */
import type { ApkPackage } from './apk.ts';
import { ALPINE_HISTORY, alpineInstalledDb, alpineWorld } from './alpine.ts';
import * as A from './alpine-files.ts';
import { DEBIAN_ACCOUNTS, DEBIAN_HISTORY, DEBIAN_PACKAGES } from './debian.ts';
import { keyringPlaceholder } from './debian-etc.ts';
import { deb, dpkgStatus } from './debian-family.ts';
import { DEFAULT_PATH, dir, dirs, file, fixedZoneTzif, layerFiles, link, meta, program, script, sharedLibrary, shadowDay, step, text } from './fs.ts';
import * as N from './nginx-files.ts';
import type { FileSpec, HistorySpec, ImageConfigSpec, ImageSpec, LayerSpec } from './spec.ts';

export const NGINX_CREATED = '2024-10-02T17:55:35Z';
const DAY = shadowDay(NGINX_CREATED);
const MAINTAINER = 'NGINX Docker Maintainers <docker-maint@nginx.com>';
const MODULES = ['ngx_http_geoip_module', 'ngx_stream_geoip_module', 'ngx_http_image_filter_module', 'ngx_http_js_module', 'ngx_stream_js_module', 'ngx_http_xslt_filter_module'];

/** Files every nginx.org package installs, wherever it runs. */
function nginxFiles(modulesLink: string): FileSpec[] {
  return [
    ...dirs('/etc/nginx', '/etc/nginx/conf.d'),
    file('/etc/nginx/conf.d/default.conf', N.DEFAULT_CONF),
    ...Object.entries(N.PARAMS).map(([name, content]) => file(`/etc/nginx/${name}`, content)),
    file('/etc/nginx/mime.types', N.MIME_TYPES),
    link('/etc/nginx/modules', modulesLink),
    file('/etc/nginx/nginx.conf', N.NGINX_CONF),
    file('/etc/logrotate.d/nginx', text`
      /var/log/nginx/*.log {
              daily
              missingok
              rotate 52
              compress
              delaycompress
              notifempty
              create 640 nginx adm
              sharedscripts
              postrotate
                      if [ -f /var/run/nginx.pid ]; then
                              kill -USR1 \`cat /var/run/nginx.pid\`
                      fi
              endscript
      }
    `),
    program('/usr/sbin/nginx', 'nginx', { version: '1.27.2' }),
    program('/usr/sbin/nginx-debug', 'nginx', { applet: 'nginx-debug', version: '1.27.2' }),
    ...dirs('/usr/lib/nginx', '/usr/lib/nginx/modules', '/usr/share/nginx', '/usr/share/nginx/html'),
    file('/usr/share/nginx/html/50x.html', N.ERROR_HTML),
    file('/usr/share/nginx/html/index.html', N.INDEX_HTML),
    dir('/var/cache/nginx'),
    dir('/var/log/nginx'),
    link('/var/log/nginx/access.log', '/dev/stdout'),
    link('/var/log/nginx/error.log', '/dev/stderr'),
    dir('/docker-entrypoint.d'),
  ];
}

function moduleFiles(): FileSpec[] {
  return MODULES.flatMap((m) => [
    sharedLibrary(`/usr/lib/nginx/modules/${m}.so`, `${m}.so`),
    sharedLibrary(`/usr/lib/nginx/modules/${m}-debug.so`, `${m}-debug.so`),
  ]);
}

/** One COPY layer per entrypoint script, as the Dockerfile has them. */
function copyLayers(): { createdBy: string; layer: LayerSpec }[] {
  const copy = (path: string, content: string, createdBy: string) => ({
    createdBy,
    layer: { mtime: NGINX_CREATED, files: [script(path, content)] },
  });
  return [
    copy('/docker-entrypoint.sh', N.ENTRYPOINT, 'COPY docker-entrypoint.sh / # buildkit'),
    copy('/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', N.LISTEN_IPV6, 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit'),
    copy('/docker-entrypoint.d/15-local-resolvers.envsh', N.LOCAL_RESOLVERS, 'COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit'),
    copy('/docker-entrypoint.d/20-envsubst-on-templates.sh', N.ENVSUBST_TEMPLATES, 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit'),
    copy('/docker-entrypoint.d/30-tune-worker-processes.sh', N.TUNE_WORKERS, 'COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit'),
  ];
}

function config(env: string[]): ImageConfigSpec {
  return {
    ExposedPorts: { '80/tcp': {} },
    Env: [DEFAULT_PATH, ...env],
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Labels: { maintainer: MAINTAINER },
    StopSignal: 'SIGQUIT',
  };
}

const ENTRY_STEPS = [
  meta(NGINX_CREATED, 'ENTRYPOINT ["/docker-entrypoint.sh"]'),
  meta(NGINX_CREATED, 'EXPOSE map[80/tcp:{}]'),
  meta(NGINX_CREATED, 'STOPSIGNAL SIGQUIT'),
  meta(NGINX_CREATED, 'CMD ["nginx" "-g" "daemon off;"]'),
];

// ---------------------------------------------------------------- alpine

const apkPkg = (name: string, version: string, description: string, kib: number, files: FileSpec[], extra: Partial<ApkPackage> = {}): ApkPackage => ({
  name, version, description, files, installedKiB: kib,
  url: 'https://alpinelinux.org', license: 'MIT', maintainer: 'Natanael Copa <ncopa@alpinelinux.org>', ...extra,
});

const NGINX_ORG = { url: 'https://nginx.org/', license: '2-clause BSD-like license', maintainer: 'NGINX Packaging <nginx-packaging@f5.com>' };

export const ALPINE_TZDATA = apkPkg('tzdata', '2024b-r0', 'Timezone data', 3292, [
  ...dirs('/usr/share/zoneinfo', '/usr/share/zoneinfo/Etc'),
  file('/usr/share/zoneinfo/UTC', fixedZoneTzif()),
  file('/usr/share/zoneinfo/Etc/UTC', fixedZoneTzif()),
  file('/usr/share/zoneinfo/Etc/GMT', fixedZoneTzif('GMT', 'GMT0')),
], { url: 'https://www.iana.org/time-zones', license: 'Public-Domain' });

const PCRE2 = apkPkg('pcre2', '10.43-r0', 'Perl-compatible regular expression library', 688, [
  dir('/usr/lib'), link('/usr/lib/libpcre2-8.so.0', 'libpcre2-8.so.0.13.0'), sharedLibrary('/usr/lib/libpcre2-8.so.0.13.0', 'libpcre2-8.so.0'),
], { url: 'https://pcre.org/', license: 'BSD-3-Clause', provides: ['so:libpcre2-8.so.0=0.13.0'] });

const LIBINTL = apkPkg('libintl', '0.22.5-r0', 'GNU gettext runtime library', 56, [
  dir('/usr/lib'), link('/usr/lib/libintl.so.8', 'libintl.so.8.4.0'), sharedLibrary('/usr/lib/libintl.so.8.4.0', 'libintl.so.8'),
], { origin: 'gettext', url: 'https://www.gnu.org/software/gettext/gettext.html', license: 'LGPL-2.1-or-later', provides: ['so:libintl.so.8=8.4.0'] });

const NGINX_APK = apkPkg('nginx', '1.27.2-r1', 'High performance web server', 3364, nginxFiles('/usr/lib/nginx/modules'), {
  ...NGINX_ORG,
  depends: ['so:libc.musl-x86_64.so.1', 'so:libcrypto.so.3', 'so:libpcre2-8.so.0', 'so:libssl.so.3', 'so:libz.so.1'],
});

const moduleApk = (name: string, version: string, description: string, files: FileSpec[]) =>
  apkPkg(name, version, description, 800, files, { ...NGINX_ORG, depends: ['nginx=1.27.2-r1'] });

const MODULE_APKS = [
  moduleApk('nginx-module-geoip', '1.27.2-r1', 'nginx GeoIP dynamic modules', moduleFiles().filter((f) => f.path.includes('geoip'))),
  moduleApk('nginx-module-image-filter', '1.27.2-r1', 'nginx image filter dynamic module', moduleFiles().filter((f) => f.path.includes('image_filter'))),
  moduleApk('nginx-module-njs', '1.27.2.0.8.6-r1', 'nginx njs dynamic modules', moduleFiles().filter((f) => f.path.includes('_js_'))),
  moduleApk('nginx-module-xslt', '1.27.2-r1', 'nginx xslt dynamic module', moduleFiles().filter((f) => f.path.includes('xslt'))),
];

const CURL_APKS = [
  apkPkg('ca-certificates', '20240705-r0', 'Common CA certificates PEM files from Mozilla', 712, [
    ...dirs('/etc/ssl/certs', '/usr/sbin'), file('/etc/ssl/certs/ca-certificates.crt', A.CA_BUNDLE),
    program('/usr/sbin/update-ca-certificates', 'update-ca-certificates', { version: '20240705' }),
  ], { url: 'https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/', license: 'MPL-2.0 AND MIT' }),
  apkPkg('libcurl', '8.10.1-r0', 'The multiprotocol file transfer library', 660, [
    dir('/usr/lib'), link('/usr/lib/libcurl.so.4', 'libcurl.so.4.8.0'), sharedLibrary('/usr/lib/libcurl.so.4.8.0', 'libcurl.so.4'),
  ], { origin: 'curl', url: 'https://curl.se/', license: 'curl', provides: ['so:libcurl.so.4=4.8.0'] }),
  apkPkg('curl', '8.10.1-r0', 'URL retrival utility and library', 252, [
    dir('/usr/bin'), program('/usr/bin/curl', 'curl', { version: '8.10.1' }),
  ], { url: 'https://curl.se/', license: 'curl', depends: ['ca-certificates', 'so:libc.musl-x86_64.so.1', 'so:libcurl.so.4', 'so:libz.so.1'] }),
];

function nginxAccountsAlpine(): FileSpec[] {
  return [
    file('/etc/group', A.withLines(A.GROUP, 'nginx:x:101:nginx')),
    file('/etc/passwd', A.withLines(A.PASSWD, 'nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin')),
    file('/etc/shadow', A.withLines(A.SHADOW, `nginx:!:${DAY}:0:99999:7:::`), 0o640, 0, 42),
  ];
}

const ALPINE_INSTALL_LAYER: LayerSpec = {
  mtime: NGINX_CREATED,
  files: layerFiles([
    ...nginxAccountsAlpine(),
    file('/etc/apk/keys/nginx_signing.rsa.pub', A.publicKeyPlaceholder('nginx_signing.rsa.pub')),
    alpineWorld('libintl', 'nginx=1.27.2-r1', 'tzdata'),
    alpineInstalledDb(PCRE2, NGINX_APK, LIBINTL, ALPINE_TZDATA),
    ...PCRE2.files, ...NGINX_APK.files, ...LIBINTL.files, ...ALPINE_TZDATA.files,
    program('/usr/local/bin/envsubst', 'gettext', { applet: 'envsubst', version: '0.22.5' }),
  ]),
};

const ALPINE_MODULES_LAYER: LayerSpec = {
  mtime: NGINX_CREATED,
  files: layerFiles([
    alpineWorld('ca-certificates', 'curl', 'libintl', 'nginx=1.27.2-r1', 'nginx-module-geoip=1.27.2-r1',
      'nginx-module-image-filter=1.27.2-r1', 'nginx-module-njs=1.27.2.0.8.6-r1', 'nginx-module-xslt=1.27.2-r1', 'tzdata'),
    alpineInstalledDb(PCRE2, NGINX_APK, LIBINTL, ALPINE_TZDATA, ...MODULE_APKS, ...CURL_APKS),
    ...MODULE_APKS.flatMap((p) => p.files),
    ...CURL_APKS.flatMap((p) => p.files),
  ]),
};

const RUN_ALPINE = 'RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && case "$apkArch" in         x86_64|aarch64)             set -x             && KEY_SHA512="e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655"             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && if echo "$KEY_SHA512 */tmp/nginx_signing.rsa.pub" | sha512sum -c -; then                 echo "key verification succeeded!";                 mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/;             else                 echo "key verification failed!";                 exit 1;             fi             && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages             ;;         *) … build from pkg-oss …             ;;     esac     && apk del --no-network .checksum-deps     && apk add --no-cache --virtual .gettext gettext     && mv /usr/bin/envsubst /tmp/     && runDeps="$(scanelf --needed --nobanner /tmp/envsubst | … )"     && apk add --no-cache $runDeps     && apk del --no-network .gettext     && mv /tmp/envsubst /usr/local/bin/     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit';

const RUN_ALPINE_MODULES = 'RUN /bin/sh -c set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && case "$apkArch" in         x86_64|aarch64)             apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages             ;;         *) … build from pkg-oss …             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n "$tempDir" ]; then rm -rf "$tempDir"; fi     && if [ -f "/etc/apk/keys/abuild-key.rsa.pub" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache curl ca-certificates # buildkit';

const copies = copyLayers();

export const nginxAlpine: ImageSpec = {
  repository: 'nginx',
  tags: ['1.27.2-alpine', '1.27-alpine', '1-alpine', 'mainline-alpine', 'alpine', '1.27.2-alpine3.20', '1.27-alpine3.20', '1-alpine3.20', 'mainline-alpine3.20', 'alpine3.20'],
  description: 'Official build of Nginx.',
  official: true,
  stars: 20_000,
  architecture: 'amd64',
  os: 'linux',
  config: config(['NGINX_VERSION=1.27.2', 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.8.6', 'NJS_RELEASE=1']),
  history: [
    ...ALPINE_HISTORY,
    meta(NGINX_CREATED, `LABEL maintainer=${MAINTAINER}`),
    meta(NGINX_CREATED, 'ENV NGINX_VERSION=1.27.2'),
    meta(NGINX_CREATED, 'ENV PKG_RELEASE=1'),
    meta(NGINX_CREATED, 'ENV DYNPKG_RELEASE=1'),
    step(NGINX_CREATED, RUN_ALPINE, ALPINE_INSTALL_LAYER),
    ...copies.map((c) => step(NGINX_CREATED, c.createdBy, c.layer)),
    ...ENTRY_STEPS,
    meta(NGINX_CREATED, 'ENV NJS_VERSION=0.8.6'),
    meta(NGINX_CREATED, 'ENV NJS_RELEASE=1'),
    step(NGINX_CREATED, RUN_ALPINE_MODULES, ALPINE_MODULES_LAYER),
  ],
};

// ---------------------------------------------------------------- debian

const BOOKWORM = '1~bookworm';
const NGINX_DEBS = [
  deb('nginx', `1.27.2-${BOOKWORM}`, 'amd64', 'httpd', 'optional', 'high performance web server', { maintainer: 'NGINX Packaging <nginx-packaging@f5.com>' }),
  deb('nginx-module-geoip', `1.27.2-${BOOKWORM}`, 'amd64', 'httpd', 'optional', 'nginx GeoIP dynamic modules', { maintainer: 'NGINX Packaging <nginx-packaging@f5.com>' }),
  deb('nginx-module-image-filter', `1.27.2-${BOOKWORM}`, 'amd64', 'httpd', 'optional', 'nginx image filter dynamic module', { maintainer: 'NGINX Packaging <nginx-packaging@f5.com>' }),
  deb('nginx-module-njs', `1.27.2+0.8.6-${BOOKWORM}`, 'amd64', 'httpd', 'optional', 'nginx njs dynamic modules', { maintainer: 'NGINX Packaging <nginx-packaging@f5.com>' }),
  deb('nginx-module-xslt', `1.27.2-${BOOKWORM}`, 'amd64', 'httpd', 'optional', 'nginx xslt dynamic module', { maintainer: 'NGINX Packaging <nginx-packaging@f5.com>' }),
  deb('gettext-base', '0.21-12', 'amd64', 'utils', 'standard', 'GNU Internationalization utilities for the base system', { multiArch: 'foreign', source: 'gettext' }),
  deb('curl', '7.88.1-10+deb12u7', 'amd64', 'web', 'optional', 'command line tool for transferring data with URL syntax'),
  deb('libcurl4', '7.88.1-10+deb12u7', 'amd64', 'libs', 'optional', 'easy-to-use client-side URL transfer library (OpenSSL flavour)', { multiArch: 'same', source: 'curl' }),
  deb('ca-certificates', '20230311', 'all', 'misc', 'optional', 'Common CA certificates', { multiArch: 'foreign' }),
  deb('openssl', '3.0.14-1~deb12u2', 'amd64', 'utils', 'optional', 'Secure Sockets Layer toolkit - cryptographic utility'),
  deb('libssl3', '3.0.14-1~deb12u2', 'amd64', 'libs', 'optional', 'Secure Sockets Layer toolkit - shared libraries', { multiArch: 'same', source: 'openssl' }),
  deb('libnghttp2-14', '1.52.0-1+deb12u1', 'amd64', 'libs', 'optional', 'library implementing HTTP/2 protocol (shared library)', { multiArch: 'same', source: 'nghttp2' }),
  deb('libpsl5', '0.21.2-1', 'amd64', 'libs', 'optional', 'Library for Public Suffix List (shared libraries)', { multiArch: 'same', source: 'libpsl (0.21.2-1)' }),
  deb('libxml2', '2.9.14+dfsg-1.3~deb12u1', 'amd64', 'libs', 'optional', 'GNOME XML library', { multiArch: 'same' }),
  deb('libxslt1.1', '1.1.35-1', 'amd64', 'libs', 'optional', 'XSLT 1.0 processing library - runtime library', { multiArch: 'same', source: 'libxslt' }),
  deb('libgd3', '2.3.3-9', 'amd64', 'libs', 'optional', 'GD Graphics Library', { multiArch: 'same', source: 'libgd2' }),
  deb('libgeoip1', '1.6.12-10', 'amd64', 'libs', 'optional', 'non-DNS IP-to-country resolver library', { multiArch: 'same', source: 'geoip' }),
];

const DEBIAN_LIB = '/usr/lib/x86_64-linux-gnu';
const DEBIAN_RUN_LIBS: [string, string][] = [
  ['libcurl.so.4.8.0', 'libcurl.so.4'], ['libssl.so.3', 'libssl.so.3'], ['libcrypto.so.3', 'libcrypto.so.3'],
  ['libnghttp2.so.14.24.1', 'libnghttp2.so.14'], ['libpsl.so.5.3.4', 'libpsl.so.5'], ['libxml2.so.2.9.14', 'libxml2.so.2'],
  ['libxslt.so.1.1.35', 'libxslt.so.1'], ['libexslt.so.0.8.21', 'libexslt.so.0'], ['libgd.so.3.0.11', 'libgd.so.3'],
  ['libGeoIP.so.1.6.12', 'libGeoIP.so.1'],
];

const DEBIAN_INSTALL_LAYER: LayerSpec = {
  mtime: NGINX_CREATED,
  files: layerFiles([
    file('/etc/group', DEBIAN_ACCOUNTS.group + 'nginx:x:101:\n'),
    file('/etc/gshadow', DEBIAN_ACCOUNTS.gshadow + 'nginx:!::\n', 0o640, 0, 42),
    file('/etc/passwd', DEBIAN_ACCOUNTS.passwd + 'nginx:x:101:101:nginx user:/nonexistent:/bin/false\n'),
    file('/etc/shadow', DEBIAN_ACCOUNTS.shadow + `nginx:!:${DAY}::::::\n`, 0o640, 0, 42),
    file('/etc/apt/keyrings/nginx-archive-keyring.gpg', keyringPlaceholder('nginx-archive-keyring.gpg')),
    ...nginxFiles('../../usr/lib/nginx/modules'),
    ...dirs('/etc/default', '/etc/init.d'),
    file('/etc/default/nginx', '# Defaults for nginx initscript\n# sourced by /etc/init.d/nginx\n\n# Additional options that are passed to nginx\nDAEMON_ARGS=""\n'),
    file('/etc/default/nginx-debug', '# Defaults for nginx-debug initscript\n# sourced by /etc/init.d/nginx-debug\n\n# Additional options that are passed to nginx-debug\nDAEMON_ARGS=""\n'),
    ...moduleFiles(),
    ...['envsubst', 'gettext', 'ngettext'].map((n) => program(`/usr/bin/${n}`, 'gettext', { applet: n, version: '0.21' })),
    program('/usr/bin/curl', 'curl', { version: '7.88.1' }),
    program('/usr/bin/openssl', 'openssl', { version: '3.0.14' }),
    ...DEBIAN_RUN_LIBS.flatMap(([name, soname]) => [
      sharedLibrary(`${DEBIAN_LIB}/${name}`, soname, 0o644),
      ...(name === soname ? [] : [link(`${DEBIAN_LIB}/${soname}`, name)]),
    ]),
    ...dirs('/etc/ssl', '/etc/ssl/certs'),
    dir('/etc/ssl/private', 0o700),
    file('/etc/ssl/certs/ca-certificates.crt', A.CA_BUNDLE),
    file('/var/lib/dpkg/status', dpkgStatus([...DEBIAN_PACKAGES, ...NGINX_DEBS])),
  ]),
};

const RUN_DEBIAN = 'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME="$(mktemp -d)";     found=\'\';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do … gpg1 --keyserver "$server" --keyserver-options timeout=10 --recv-keys "$NGINX_GPGKEY" … done;     gpg1 --export "$NGINX_GPGKEYS" > "$NGINX_GPGKEY_PATH" ;     rm -rf "$GNUPGHOME";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch="$(dpkg --print-architecture)"     && nginxPackages="         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}     "     && case "$dpkgArch" in         amd64|arm64)             echo "deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ bookworm nginx" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *) … build from pkg-oss …             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n "$tempDir" ]; then         apt-get purge -y --auto-remove         && rm -rf "$tempDir" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit';

/**
 * The base image's history as the nginx image records it: nginx is built
 * with SOURCE_DATE_EPOCH, which clamps later timestamps to its build date.
 */
function clamp(history: readonly HistorySpec[], epoch: string): HistorySpec[] {
  return history.map((h) => (Date.parse(h.created) > Date.parse(epoch) ? { ...h, created: epoch } : h));
}

export const nginx: ImageSpec = {
  repository: 'nginx',
  tags: ['1.27.2', '1.27', '1', 'mainline', 'latest', '1.27.2-bookworm', '1.27-bookworm', '1-bookworm', 'mainline-bookworm', 'bookworm'],
  description: 'Official build of Nginx.',
  official: true,
  stars: 20_000,
  architecture: 'amd64',
  os: 'linux',
  config: config(['NGINX_VERSION=1.27.2', 'NJS_VERSION=0.8.6', `NJS_RELEASE=${BOOKWORM}`, `PKG_RELEASE=${BOOKWORM}`, `DYNPKG_RELEASE=${BOOKWORM}`]),
  history: [
    ...clamp(DEBIAN_HISTORY, NGINX_CREATED),
    meta(NGINX_CREATED, `LABEL maintainer=${MAINTAINER}`),
    meta(NGINX_CREATED, 'ENV NGINX_VERSION=1.27.2'),
    meta(NGINX_CREATED, 'ENV NJS_VERSION=0.8.6'),
    meta(NGINX_CREATED, `ENV NJS_RELEASE=${BOOKWORM}`),
    meta(NGINX_CREATED, `ENV PKG_RELEASE=${BOOKWORM}`),
    meta(NGINX_CREATED, `ENV DYNPKG_RELEASE=${BOOKWORM}`),
    step(NGINX_CREATED, RUN_DEBIAN, DEBIAN_INSTALL_LAYER),
    ...copies.map((c) => step(NGINX_CREATED, c.createdBy, c.layer)),
    ...ENTRY_STEPS,
  ],
};
