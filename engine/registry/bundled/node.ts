/**
 * node:20-alpine (Node.js 20.18.0 "Iron", LTS in October 2024) on alpine:3.20.3.
 *
 * As in nodejs/docker-node: one RUN adds the `node` user (uid/gid 1000),
 * libstdc++ and the musl build of Node.js with npm and corepack in
 * /usr/local; another installs Yarn 1 under /opt; then the entrypoint script.
 */
import type { ApkPackage } from './apk.ts';
import { ALPINE_HISTORY, alpineInstalledDb, alpineWorld } from './alpine.ts';
import * as A from './alpine-files.ts';
import { DEFAULT_PATH, dir, dirs, file, layerFiles, link, meta, program, script, sharedLibrary, shadowDay, step, text } from './fs.ts';
import type { ImageSpec, LayerSpec } from './spec.ts';

export const NODE_CREATED = '2024-10-04T15:27:57Z';
const NODE_VERSION = '20.18.0';
const NPM_VERSION = '10.8.2';
const COREPACK_VERSION = '0.29.3';
const YARN_VERSION = '1.22.22';
const DAY = shadowDay(NODE_CREATED);

const GCC_VERSION = '13.2.1_git20240309-r0';
const gccPackage = (name: string, description: string, kib: number, files: ApkPackage['files'], provides: string[]): ApkPackage => ({
  name, version: GCC_VERSION, description, origin: 'gcc', url: 'https://gcc.gnu.org',
  license: 'GPL-2.0-or-later AND LGPL-2.1-or-later', maintainer: 'Ariadne Conill <ariadne@dereferenced.org>',
  installedKiB: kib, depends: ['so:libc.musl-x86_64.so.1'], provides, files,
});

const LIBGCC = gccPackage('libgcc', 'GNU C compiler runtime libraries', 144,
  [dir('/usr/lib'), sharedLibrary('/usr/lib/libgcc_s.so.1', 'libgcc_s.so.1')], ['so:libgcc_s.so.1=1']);
const LIBSTDCXX = gccPackage('libstdc++', 'GNU C++ standard runtime library', 2660, [
  dir('/usr/lib'),
  link('/usr/lib/libstdc++.so.6', 'libstdc++.so.6.0.32'),
  sharedLibrary('/usr/lib/libstdc++.so.6.0.32', 'libstdc++.so.6'),
], ['so:libstdc++.so.6=6.0.32']);

const packageJson = (name: string, version: string, extra = '') =>
  `{\n  "name": "${name}",\n  "version": "${version}",${extra}\n  "license": "${name === 'yarn' ? 'BSD-2-Clause' : name === 'npm' ? 'Artistic-2.0' : 'MIT'}"\n}\n`;

const NODE_LAYER: LayerSpec = {
  mtime: NODE_CREATED,
  files: layerFiles([
    file('/etc/group', A.withLines(A.GROUP, 'node:x:1000:node')),
    file('/etc/passwd', A.withLines(A.PASSWD, 'node:x:1000:1000:Linux User,,,:/home/node:/bin/sh')),
    file('/etc/shadow', A.withLines(A.SHADOW, `node:!:${DAY}:0:99999:7:::`), 0o640, 0, 42),
    dir('/home/node', 0o755, 1000, 1000),
    alpineWorld('libstdc++'),
    alpineInstalledDb(LIBGCC, LIBSTDCXX),
    ...LIBGCC.files,
    ...LIBSTDCXX.files,
    ...dirs('/usr/local/bin', '/usr/local/include', '/usr/local/include/node', '/usr/local/lib', '/usr/local/lib/node_modules'),
    program('/usr/local/bin/node', 'node', { version: NODE_VERSION }),
    link('/usr/local/bin/nodejs', '/usr/local/bin/node'),
    link('/usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js'),
    link('/usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js'),
    link('/usr/local/bin/corepack', '../lib/node_modules/corepack/dist/corepack.js'),
    file('/usr/local/include/node/node_version.h', `#ifndef SRC_NODE_VERSION_H_\n#define SRC_NODE_VERSION_H_\n\n#define NODE_MAJOR_VERSION 20\n#define NODE_MINOR_VERSION 18\n#define NODE_PATCH_VERSION 0\n\n#endif  // SRC_NODE_VERSION_H_\n`),
    ...dirs('/usr/local/lib/node_modules/npm', '/usr/local/lib/node_modules/npm/bin'),
    file('/usr/local/lib/node_modules/npm/package.json', packageJson('npm', NPM_VERSION, '\n  "description": "a package manager for JavaScript",')),
    program('/usr/local/lib/node_modules/npm/bin/npm-cli.js', 'npm', { version: NPM_VERSION }),
    program('/usr/local/lib/node_modules/npm/bin/npx-cli.js', 'npx', { version: NPM_VERSION }),
    ...dirs('/usr/local/lib/node_modules/corepack', '/usr/local/lib/node_modules/corepack/dist'),
    file('/usr/local/lib/node_modules/corepack/package.json', packageJson('corepack', COREPACK_VERSION)),
    program('/usr/local/lib/node_modules/corepack/dist/corepack.js', 'corepack', { version: COREPACK_VERSION }),
    ...dirs('/usr/local/share', '/usr/local/share/doc', '/usr/local/share/doc/node', '/usr/local/share/man', '/usr/local/share/man/man1'),
    file('/usr/local/share/man/man1/node.1', '.\\" Berth: the node(1) manual page is not included in this image.\n.TH NODE 1 2024 "" "Node.js"\n'),
  ]),
};

const YARN_DIR = `/opt/yarn-v${YARN_VERSION}`;
const YARN_LAYER: LayerSpec = {
  mtime: NODE_CREATED,
  files: layerFiles([
    dir('/opt'),
    dir(YARN_DIR),
    file(`${YARN_DIR}/LICENSE`, 'BSD 2-Clause License\n\nCopyright (c) 2016-present, Yarn Contributors. All rights reserved.\n'),
    file(`${YARN_DIR}/package.json`, packageJson('yarn', YARN_VERSION, '\n  "installationMethod": "tar",')),
    dir(`${YARN_DIR}/bin`),
    program(`${YARN_DIR}/bin/yarn`, 'yarn', { version: YARN_VERSION }),
    program(`${YARN_DIR}/bin/yarn.js`, 'yarn', { version: YARN_VERSION }),
    program(`${YARN_DIR}/bin/yarnpkg`, 'yarn', { applet: 'yarnpkg', version: YARN_VERSION }),
    link('/usr/local/bin/yarn', `${YARN_DIR}/bin/yarn`),
    link('/usr/local/bin/yarnpkg', `${YARN_DIR}/bin/yarnpkg`),
  ]),
};

/** Berth's own entrypoint with docker-node's behaviour. */
export const NODE_ENTRYPOINT = text`
  #!/bin/sh
  # Berth's node entrypoint. "docker run node -e 'code'" or "docker run node
  # app.js" should run node with those arguments, while "docker run node sh"
  # should run sh: so when the first argument is an option, is not a command
  # on PATH, or is a file that is not executable, put "node" in front.
  set -e

  first=\${1-}
  case "$first" in
      -*) set -- node "$@" ;;
      *)
          if ! command -v "$first" >/dev/null 2>&1 || { [ -f "$first" ] && [ ! -x "$first" ]; }; then
              set -- node "$@"
          fi
          ;;
  esac

  exec "$@"
`;

const ENTRYPOINT_LAYER: LayerSpec = {
  mtime: NODE_CREATED,
  files: [script('/usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT)],
};

const RUN_NODE = 'RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH=\'linux*\' && alpineArch="$(apk --print-arch)"       && case "${alpineArch##*-}" in         x86_64) ARCH=\'x64\' CHECKSUM="757bba0adff8eaadfa7f9be2c87a35d5010ac3f71b5527e57385218c806a4fa4" OPENSSL_ARCH=linux-x86_64;;         x86) OPENSSL_ARCH=linux-elf;;         aarch64) OPENSSL_ARCH=linux-aarch64;;         arm*) OPENSSL_ARCH=linux-armv4;;         ppc64le) OPENSSL_ARCH=linux-ppc64le;;         s390x) OPENSSL_ARCH=linux-s390x;;         *) ;;       esac   && if [ -n "${CHECKSUM}" ]; then     set -eu;     curl -fsSLO --compressed "https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz";     echo "$CHECKSUM  node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" | sha256sum -c -       && tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   else     echo "Building from source"     && … ./configure && make -j$(getconf _NPROCESSORS_ONLN) V= && make install …;   fi   && rm -f "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz"   && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name "$OPENSSL_ARCH" -exec rm -rf {} \\;   && apk del .build-deps   && node --version   && npm --version # buildkit';

const RUN_YARN = 'RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME="$(mktemp -d)"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/* # buildkit';

export const node: ImageSpec = {
  repository: 'node',
  tags: ['20.18.0-alpine3.20', '20.18-alpine3.20', '20-alpine3.20', 'iron-alpine3.20', 'lts-alpine3.20',
    '20.18.0-alpine', '20.18-alpine', '20-alpine', 'iron-alpine', 'lts-alpine'],
  description: 'Node.js is a JavaScript-based platform for server-side and networking applications.',
  official: true,
  stars: 13_000,
  architecture: 'amd64',
  os: 'linux',
  config: {
    Env: [DEFAULT_PATH, `NODE_VERSION=${NODE_VERSION}`, `YARN_VERSION=${YARN_VERSION}`],
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['node'],
  },
  history: [
    ...ALPINE_HISTORY,
    meta(NODE_CREATED, `ENV NODE_VERSION=${NODE_VERSION}`),
    step(NODE_CREATED, RUN_NODE, NODE_LAYER),
    meta(NODE_CREATED, `ENV YARN_VERSION=${YARN_VERSION}`),
    step(NODE_CREATED, RUN_YARN, YARN_LAYER),
    step(NODE_CREATED, 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', ENTRYPOINT_LAYER),
    meta(NODE_CREATED, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta(NODE_CREATED, 'CMD ["node"]'),
  ],
};
