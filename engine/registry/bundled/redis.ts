/**
 * redis:7.4.1-alpine on alpine:3.20.3, following docker-library/redis: a
 * `redis` user (uid 999, gid 1000), tzdata, gosu, Redis built from source
 * into /usr/local/bin (the check and sentinel tools are symlinks to
 * redis-server, as `make install` leaves them), and /data as the volume.
 */
import { virtualPackage } from './apk.ts';
import { ALPINE_HISTORY, alpineInstalledDb, alpineWorld } from './alpine.ts';
import * as A from './alpine-files.ts';
import { DEFAULT_PATH, dir, file, layerFiles, link, meta, program, script, shadowDay, step, text } from './fs.ts';
import { ALPINE_TZDATA } from './nginx.ts';
import type { ImageSpec, LayerSpec } from './spec.ts';

export const REDIS_CREATED = '2024-10-04T09:56:40Z';
const DAY = shadowDay(REDIS_CREATED);
const REDIS_VERSION = '7.4.1';
const REDIS_DOWNLOAD_URL = 'http://download.redis.io/releases/redis-7.4.1.tar.gz';
const REDIS_DOWNLOAD_SHA = 'bc34b878eb89421bbfca6fa78752343bf37af312a09eb0fae47c9575977dfaa2';

const layer = (files: LayerSpec['files']): LayerSpec => ({ mtime: REDIS_CREATED, files: layerFiles(files) });

const USER_LAYER = layer([
  file('/etc/group', A.withLines(A.GROUP, 'redis:x:1000:redis')),
  file('/etc/passwd', A.withLines(A.PASSWD, 'redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin')),
  file('/etc/shadow', A.withLines(A.SHADOW, `redis:!:${DAY}:0:99999:7:::`), 0o640, 0, 42),
  dir('/home/redis', 0o755, 999, 1000),
]);

const TZDATA_LAYER = layer([alpineWorld('tzdata'), alpineInstalledDb(ALPINE_TZDATA), ...ALPINE_TZDATA.files]);

const GOSU_LAYER = layer([program('/usr/local/bin/gosu', 'gosu', { version: '1.17' })]);

const RUNDEPS = virtualPackage('.redis-rundeps', ['so:libc.musl-x86_64.so.1', 'so:libcrypto.so.3', 'so:libssl.so.3'], '20241004.095640');

const REDIS_LAYER = layer([
  alpineWorld('.redis-rundeps=20241004.095640', 'tzdata'),
  alpineInstalledDb(ALPINE_TZDATA, RUNDEPS),
  program('/usr/local/bin/redis-benchmark', 'redis-benchmark', { version: REDIS_VERSION }),
  link('/usr/local/bin/redis-check-aof', 'redis-server'),
  link('/usr/local/bin/redis-check-rdb', 'redis-server'),
  program('/usr/local/bin/redis-cli', 'redis-cli', { version: REDIS_VERSION }),
  link('/usr/local/bin/redis-sentinel', 'redis-server'),
  program('/usr/local/bin/redis-server', 'redis-server', { version: REDIS_VERSION }),
]);

const DATA_LAYER = layer([dir('/data', 0o755, 999, 1000)]);

/** WORKDIR /data (which already exists) still makes a layer under BuildKit: an empty one. */
const WORKDIR_LAYER: LayerSpec = { mtime: REDIS_CREATED, files: [] };

/** Berth's own entrypoint with docker-library/redis's behaviour. */
export const REDIS_ENTRYPOINT = text`
  #!/bin/sh
  # Berth's redis entrypoint.
  set -e

  # "docker run redis --appendonly yes" or "docker run redis /my/redis.conf":
  # options or a config file mean "redis-server with these arguments".
  case "\${1-}" in
      -*|*.conf) set -- redis-server "$@" ;;
  esac

  # Started as root (the default): give the redis user the files in the
  # working directory (/data) and run the server as that user instead.
  if [ "$1" = 'redis-server' ] && [ "$(id -u)" = '0' ]; then
      find . \! -user redis -exec chown redis '{}' +
      exec gosu redis "$0" "$@"
  fi

  # New files (dumps, append-only files) are private, unless the umask was
  # already changed from the default.
  if [ "$(umask)" = '0022' ]; then
      umask 0077
  fi

  exec "$@"
`;

const ENTRYPOINT_LAYER = layer([script('/usr/local/bin/docker-entrypoint.sh', REDIS_ENTRYPOINT)]);

const RUN_GOSU = "RUN /bin/sh -c set -eux; \tapk add --no-cache --virtual .gosu-fetch gnupg; \tarch=\"$(apk --print-arch)\"; \tcase \"$arch\" in \t\t'x86_64') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64'; sha256='bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3' ;; \t\t… \t\t*) echo >&2 \"error: unsupported gosu architecture: '$arch'\"; exit 1 ;; \tesac; \twget -O /usr/local/bin/gosu.asc \"$url.asc\"; \twget -O /usr/local/bin/gosu \"$url\"; \techo \"$sha256 */usr/local/bin/gosu\" | sha256sum -c -; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tapk del --no-network .gosu-fetch; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit";

const RUN_REDIS = "RUN /bin/sh -c set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tcoreutils \t\tdpkg-dev dpkg \t\tgcc \t\tlinux-headers \t\tmake \t\tmusl-dev \t\topenssl-dev \t\twget \t; \t\twget -O redis.tar.gz \"$REDIS_DOWNLOAD_URL\"; \techo \"$REDIS_DOWNLOAD_SHA *redis.tar.gz\" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\t… (protected-mode off, jemalloc page size) …; \t\texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j \"$(nproc)\" all; \tmake -C /usr/src/redis install; \t\tserverMd5=\"$(md5sum /usr/local/bin/redis-server | cut -d' ' -f1)\"; export serverMd5; \tfind /usr/local/bin/redis* -maxdepth 0 \t\t-type f -not -name redis-server \t\t-exec sh -eux -c ' \t\t\tmd5=\"$(md5sum \"$1\" | cut -d\" \" -f1)\"; \t\t\ttest \"$md5\" = \"$serverMd5\"; \t\t' -- '{}' ';' \t\t-exec ln -svfT 'redis-server' '{}' ';' \t; \t\trm -r /usr/src/redis; \t\trunDeps=\"$( \t\tscanelf --needed --nobanner --format '%n#p' --recursive /usr/local \t\t\t| tr ',' '\\n' \t\t\t| sort -u \t\t\t| awk 'system(\"[ -e /usr/local/lib/\" $1 \" ]\") == 0 { next } { print \"so:\" $1 }' \t)\"; \tapk add --no-network --virtual .redis-rundeps $runDeps; \tapk del --no-network .build-deps; \t\tredis-cli --version; \tredis-server --version # buildkit";

export const redis: ImageSpec = {
  repository: 'redis',
  tags: ['7.4.1-alpine', '7.4-alpine', '7-alpine', 'alpine', '7.4.1-alpine3.20', '7.4-alpine3.20', '7-alpine3.20', 'alpine3.20'],
  description: 'Redis is an open source key-value store that functions as a data structure server.',
  official: true,
  stars: 12_000,
  architecture: 'amd64',
  os: 'linux',
  config: {
    ExposedPorts: { '6379/tcp': {} },
    Env: [DEFAULT_PATH, 'GOSU_VERSION=1.17', `REDIS_VERSION=${REDIS_VERSION}`, `REDIS_DOWNLOAD_URL=${REDIS_DOWNLOAD_URL}`, `REDIS_DOWNLOAD_SHA=${REDIS_DOWNLOAD_SHA}`],
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['redis-server'],
    Volumes: { '/data': {} },
    WorkingDir: '/data',
  },
  history: [
    ...ALPINE_HISTORY,
    step(REDIS_CREATED, 'RUN /bin/sh -c set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis # buildkit', USER_LAYER),
    step(REDIS_CREATED, 'RUN /bin/sh -c set -eux; \tapk add --no-cache \t\ttzdata \t; # buildkit', TZDATA_LAYER),
    meta(REDIS_CREATED, 'ENV GOSU_VERSION=1.17'),
    step(REDIS_CREATED, RUN_GOSU, GOSU_LAYER),
    meta(REDIS_CREATED, `ENV REDIS_VERSION=${REDIS_VERSION}`),
    meta(REDIS_CREATED, `ENV REDIS_DOWNLOAD_URL=${REDIS_DOWNLOAD_URL}`),
    meta(REDIS_CREATED, `ENV REDIS_DOWNLOAD_SHA=${REDIS_DOWNLOAD_SHA}`),
    step(REDIS_CREATED, RUN_REDIS, REDIS_LAYER),
    step(REDIS_CREATED, 'RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit', DATA_LAYER),
    meta(REDIS_CREATED, 'VOLUME [/data]'),
    step(REDIS_CREATED, 'WORKDIR /data', WORKDIR_LAYER),
    step(REDIS_CREATED, 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', ENTRYPOINT_LAYER),
    meta(REDIS_CREATED, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta(REDIS_CREATED, 'EXPOSE map[6379/tcp:{}]'),
    meta(REDIS_CREATED, 'CMD ["redis-server"]'),
  ],
};
