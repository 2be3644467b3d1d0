/**
 * alpine:3.20.3, the Alpine Linux minirootfs as Docker Hub serves it.
 *
 * One layer (the minirootfs tarball) and a CMD. Images built FROM alpine
 * (nginx:alpine, node:20-alpine, redis:alpine) reuse ALPINE_LAYER itself, so
 * they share its digest, as real images do.
 */
import { apkInstalledDb, packageFiles, type ApkPackage } from './apk.ts';
import { ALPINE_APPLETS } from './busybox-applets.ts';
import * as F from './alpine-files.ts';
import { ALPINE_BASE_PACKAGES } from './alpine-packages.ts';
import { DEFAULT_PATH, dirs, file, layerFiles, link, lines, meta, step } from './fs.ts';
import type { FileSpec, HistorySpec, ImageSpec, LayerSpec } from './spec.ts';

export const ALPINE_CREATED = '2024-09-06T12:05:36Z';

/** /lib/apk/db/installed for the base packages plus any installed later (in install order). */
export function alpineInstalledDb(...extra: ApkPackage[]): FileSpec {
  return file('/lib/apk/db/installed', apkInstalledDb([...ALPINE_BASE_PACKAGES, ...extra]));
}

/** /etc/apk/world after `apk add` of the given names (sorted, as apk writes it). */
export function alpineWorld(...added: string[]): FileSpec {
  const names = [...F.APK_WORLD.trim().split('\n'), ...added].sort();
  return file('/etc/apk/world', lines(...names));
}

function appletLinks(): FileSpec[] {
  return Object.entries(ALPINE_APPLETS).flatMap(([dirPath, names]) =>
    names.map((name) => link(`${dirPath}/${name}`, '/bin/busybox')),
  );
}

function minirootfs(): FileSpec[] {
  const files: FileSpec[] = [
    ...packageFiles(ALPINE_BASE_PACKAGES),
    // Written by the rootfs builder, owned by no package.
    file('/etc/alpine-release', F.ALPINE_VERSION + '\n'),
    file('/etc/os-release', F.OS_RELEASE),
    file('/etc/issue', F.ISSUE),
    file('/etc/apk/arch', 'x86_64\n'),
    file('/etc/apk/repositories', F.APK_REPOSITORIES),
    alpineWorld(),
    ...dirs('/lib/apk', '/lib/apk/db', '/lib/apk/exec'),
    alpineInstalledDb(),
    file('/lib/apk/db/lock', '', 0o600),
    file('/lib/apk/db/scripts.tar', new Uint8Array(1024)),
    file('/lib/apk/db/triggers', ''),
    ...appletLinks(),
  ];
  return layerFiles(files);
}

export const ALPINE_LAYER: LayerSpec = { mtime: ALPINE_CREATED, files: minirootfs() };

export const ALPINE_HISTORY: readonly HistorySpec[] = [
  step(ALPINE_CREATED, 'ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit', ALPINE_LAYER),
  meta(ALPINE_CREATED, 'CMD ["/bin/sh"]'),
];

export const alpine: ImageSpec = {
  repository: 'alpine',
  tags: ['3.20.3', '3.20', '3', 'latest'],
  description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!',
  official: true,
  stars: 11_000,
  architecture: 'amd64',
  os: 'linux',
  config: { Env: [DEFAULT_PATH], Cmd: ['/bin/sh'] },
  history: [...ALPINE_HISTORY],
};
