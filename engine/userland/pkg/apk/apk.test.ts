import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../../platform/node/index.ts';
import { testContainer } from '../../../../test/support/container.ts';
import { compareVersions } from './version.ts';

const platform = nodePlatform();
const alpine = () => testContainer(platform, 'alpine');

const CURL_INSTALL = [
  '(1/10) Installing ca-certificates (20240705-r0)',
  '(2/10) Installing brotli-libs (1.1.0-r2)',
  '(3/10) Installing c-ares (1.33.1-r0)',
  '(4/10) Installing libunistring (1.2-r0)',
  '(5/10) Installing libidn2 (2.3.7-r0)',
  '(6/10) Installing nghttp2-libs (1.62.1-r0)',
  '(7/10) Installing libpsl (0.21.5-r1)',
  '(8/10) Installing zstd-libs (1.5.6-r0)',
  '(9/10) Installing libcurl (8.10.1-r0)',
  '(10/10) Installing curl (8.10.1-r0)',
  'Executing busybox-1.36.1-r29.trigger',
  'Executing ca-certificates-20240705-r0.trigger',
  'OK: 13 MiB in 24 packages',
  '',
].join('\n');

const FETCH = [
  'fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz',
  'fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz',
  '',
].join('\n');

describe('apk', () => {
  it('add --no-cache curl: the real transcript, files in the container layer, no cached index', async () => {
    const c = await alpine();
    const r = await c.run(['apk', 'add', '--no-cache', 'curl']);
    expect(r).toEqual({ out: FETCH + CURL_INSTALL, err: '', code: 0 });
    const diff = c.diff().split('\n');
    expect(diff).toContain('A /usr/bin/curl');
    expect(diff).toContain('C /lib/apk/db/installed');
    expect(diff).toContain('C /etc/apk/world');
    expect(diff).toContain('A /usr/lib/libcurl.so.4.8.0');
    expect(diff).toContain('A /etc/ssl/certs/ca-cert-ISRG_Root_X1.pem');
    expect(diff.filter((l) => l.includes('APKINDEX'))).toEqual([]);
    expect(c.read('/etc/apk/world')).toBe('alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nca-certificates-bundle\ncurl\nmusl-utils\n');
    const db = c.read('/lib/apk/db/installed');
    expect(db).toContain('\nP:curl\nV:8.10.1-r0\nA:x86_64\nI:258048\nT:URL retrival utility and library\n');
    expect(db).toContain('F:usr/bin\nR:curl\na:0:0:755\n');
    expect((await c.run(['curl', '--version'])).code).not.toBe(127);
  });

  it('without --no-cache keeps the index in /var/cache/apk and fetches it only when stale', async () => {
    const c = await alpine();
    const first = await c.run(['apk', 'add', 'bash']);
    expect(first.out).toBe(FETCH + [
      '(1/4) Installing ncurses-terminfo-base (6.4_p20240420-r2)',
      '(2/4) Installing libncursesw (6.4_p20240420-r2)',
      '(3/4) Installing readline (8.2.10-r0)',
      '(4/4) Installing bash (5.2.26-r0)',
      'Executing bash-5.2.26-r0.post-install',
      'Executing busybox-1.36.1-r29.trigger',
      'OK: 10 MiB in 18 packages',
      '',
    ].join('\n'));
    expect(c.diff()).toMatch(/^A \/var\/cache\/apk\/APKINDEX\.[0-9a-f]{8}\.tar\.gz$/m);
    expect(c.read('/etc/shells')).toContain('/bin/bash\n');
    // Within four hours the cached index is used as it is.
    const again = await c.run(['apk', 'add', 'bash']);
    expect(again).toEqual({ out: 'OK: 10 MiB in 18 packages\n', err: '', code: 0 });
    const update = await c.run(['apk', 'update']);
    expect(update.out).toBe(FETCH + 'v3.20.3-173-g7b26e6bf0a2 [https://dl-cdn.alpinelinux.org/alpine/v3.20/main]\nv3.20.3-174-ga0dd47c2ea4 [https://dl-cdn.alpinelinux.org/alpine/v3.20/community]\nOK: 40 distinct packages available\n');
  });

  it('del removes what nothing else needs, then add brings the same state back', async () => {
    const c = await alpine();
    await c.run(['apk', 'add', '--no-cache', 'curl']);
    const installed = c.read('/lib/apk/db/installed');
    const del = await c.run(['apk', 'del', 'curl']);
    expect(del.out).toBe([
      '(1/10) Purging curl (8.10.1-r0)',
      '(2/10) Purging ca-certificates (20240705-r0)',
      'Executing ca-certificates-20240705-r0.post-deinstall',
      '(3/10) Purging libcurl (8.10.1-r0)',
      '(4/10) Purging brotli-libs (1.1.0-r2)',
      '(5/10) Purging c-ares (1.33.1-r0)',
      '(6/10) Purging libpsl (0.21.5-r1)',
      '(7/10) Purging libidn2 (2.3.7-r0)',
      '(8/10) Purging libunistring (1.2-r0)',
      '(9/10) Purging nghttp2-libs (1.62.1-r0)',
      '(10/10) Purging zstd-libs (1.5.6-r0)',
      'Executing busybox-1.36.1-r29.trigger',
      'OK: 8 MiB in 14 packages',
      '',
    ].join('\n'));
    expect(c.diff()).not.toContain('/usr/bin/curl');
    expect((await c.run(['apk', 'add', '--no-cache', 'curl'])).out).toBe(FETCH + CURL_INSTALL);
    expect(c.read('/lib/apk/db/installed')).toBe(installed);
  });

  it('reports a missing package as apk does and changes nothing', async () => {
    const c = await alpine();
    const r = await c.run(['apk', 'add', '--no-cache', 'curl', 'nosuchpkg']);
    expect(r).toEqual({
      out: FETCH,
      err: 'ERROR: unable to select packages:\n  nosuchpkg (no such package):\n    required by: world[nosuchpkg]\n',
      code: 1,
    });
    expect(c.diff()).not.toContain('/usr/bin/curl');
    expect(c.read('/etc/apk/world')).not.toContain('curl');
  });

  it('refuses a user who cannot lock the database, with exit status 99', async () => {
    const c = await alpine();
    const r = await c.run(['apk', 'add', 'curl'], { uid: 1000 });
    expect(r).toEqual({ out: '', err: 'ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n', code: 99 });
  });

  it('offline, says what apk says and installs nothing', async () => {
    const c = await alpine();
    const r = await c.run(['apk', 'add', '--no-cache', 'curl'], { network: 'none' });
    expect(r.out).toBe(FETCH);
    expect(r.err).toBe([
      'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.20/main: temporary error (try again later)',
      'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.20/community: temporary error (try again later)',
      'ERROR: unable to select packages:',
      '  curl (no such package):',
      '    required by: world[curl]',
      '',
    ].join('\n'));
    expect(r.code).toBe(1);
  });

  it('virtual packages, info and search', async () => {
    const c = await alpine();
    const add = await c.run(['apk', 'add', '--no-cache', '-t', '.tools', 'tree', 'jq']);
    expect(add.out).toMatch(/\(4\/4\) Installing \.tools \(\d{8}\.\d{6}\)\n/);
    expect(c.read('/etc/apk/world')).toMatch(/^\.tools=\d{8}\.\d{6}$/m);
    expect((await c.run(['apk', 'info', '-L', 'tree'])).out).toBe('tree-2.1.1-r0 contains:\nusr/bin/tree\n\n');
    expect((await c.run(['apk', 'info', '-e', 'jq'])).out).toBe('jq\n');
    expect((await c.run(['apk', 'info', '-vv'])).out).toContain('jq-1.7.1-r0 - A lightweight and flexible command-line JSON processor\n');
    const del = await c.run(['apk', 'del', '.tools']);
    expect(del.out).toContain('Purging .tools');
    expect(del.out).toMatch(/OK: 8 MiB in 14 packages\n$/);
    const search = await c.run(['apk', 'search', '--no-cache', 'curl']);
    expect(search.out).toBe(FETCH + 'curl-8.10.1-r0\nlibcurl-8.10.1-r0\n');
  });

  it('orders versions as apk does', () => {
    expect(compareVersions('1.2.3_rc1-r0', '1.2.3-r0')).toBe(-1);
    expect(compareVersions('1.2.3-r0', '1.2.3_p1-r0')).toBe(-1);
    expect(compareVersions('6.4_p20240420-r2', '6.4_p20240420-r10')).toBe(-1);
    expect(compareVersions('1.10', '1.9')).toBe(1);
  });
});
