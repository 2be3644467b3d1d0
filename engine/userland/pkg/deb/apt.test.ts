import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../../platform/node/index.ts';
import { testContainer } from '../../../../test/support/container.ts';
import { compareDebVersions } from './version.ts';
import { sizeToStr, showList } from './format.ts';

const platform = nodePlatform();
const debian = () => testContainer(platform, 'debian');

const UPDATE = [
  'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]',
  'Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]',
  'Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]',
  'Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8789 kB]',
  'Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [2468 B]',
  'Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [213 kB]',
  'Fetched 9259 kB in 0s (25.8 MB/s)',
  'Reading package lists...',
  '',
].join('\n');

/** Lines of a transcript that start with one of the prefixes. */
const only = (text: string, ...prefixes: string[]) => text.split('\n').filter((l) => prefixes.some((p) => l.startsWith(p)));

describe('apt-get on debian:bookworm-slim', () => {
  it('cannot find packages before an update, as in the real image', async () => {
    const c = await debian();
    const r = await c.run(['apt-get', 'install', '-y', 'curl']);
    expect(r).toEqual({ out: 'Reading package lists...\nBuilding dependency tree...\n', err: 'E: Unable to locate package curl\n', code: 100 });
    expect(c.diff()).toBe('C /var\nC /var/lib\nC /var/lib/dpkg\nA /var/lib/dpkg/lock-frontend\n');
  });

  it('update, then install -y curl: the real transcript and the files', async () => {
    const c = await debian();
    expect(await c.run(['apt-get', 'update'])).toEqual({ out: UPDATE, err: '', code: 0 });
    const r = await c.run(['apt-get', 'install', '-y', 'curl']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 20).join('\n')).toBe(`Reading package lists...
Building dependency tree...
The following additional packages will be installed:
  ca-certificates krb5-locales libbrotli1 libcurl4 libgssapi-krb5-2
  libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap-2.5-0
  libldap-common libnghttp2-14 libpsl5 librtmp1 libsasl2-2 libsasl2-modules
  libsasl2-modules-db libssh2-1 libssl3 openssl publicsuffix
Suggested packages:
  krb5-doc krb5-user libsasl2-modules-gssapi-mit
  | libsasl2-modules-gssapi-heimdal libsasl2-modules-ldap libsasl2-modules-otp
  libsasl2-modules-sql
The following NEW packages will be installed:
  ca-certificates curl krb5-locales libbrotli1 libcurl4 libgssapi-krb5-2
  libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap-2.5-0
  libldap-common libnghttp2-14 libpsl5 librtmp1 libsasl2-2 libsasl2-modules
  libsasl2-modules-db libssh2-1 libssl3 openssl publicsuffix
0 upgraded, 22 newly installed, 0 to remove and 0 not upgraded.
Need to get 6132 kB of archives.
After this operation, 15.8 MB of additional disk space will be used.
Get:1 http://deb.debian.org/debian-security bookworm-security/main amd64 libssl3 amd64 3.0.14-1~deb12u2 [2040 kB]`);
    // apt's unpack order and dpkg's configure order, as the real ones (checked against apt 2.6.1 and dpkg 1.21).
    expect(only(r.out, 'Unpacking').map((l) => l.split(' ')[1])).toEqual(
      'libssl3:amd64 openssl ca-certificates krb5-locales libbrotli1:amd64 libkrb5support0:amd64 libk5crypto3:amd64 libkeyutils1:amd64 libkrb5-3:amd64 libgssapi-krb5-2:amd64 libsasl2-modules-db:amd64 libsasl2-2:amd64 libldap-2.5-0:amd64 libnghttp2-14:amd64 libpsl5:amd64 librtmp1:amd64 libssh2-1:amd64 libcurl4:amd64 curl libldap-common libsasl2-modules:amd64 publicsuffix'.split(' '),
    );
    expect(only(r.out, 'Setting up').map((l) => l.split(' ')[2])).toEqual(
      'libkeyutils1:amd64 libpsl5:amd64 libbrotli1:amd64 libssl3:amd64 libnghttp2-14:amd64 krb5-locales libldap-common libkrb5support0:amd64 libsasl2-modules-db:amd64 librtmp1:amd64 libk5crypto3:amd64 libsasl2-2:amd64 libssh2-1:amd64 libkrb5-3:amd64 openssl publicsuffix libsasl2-modules:amd64 libldap-2.5-0:amd64 ca-certificates libgssapi-krb5-2:amd64 libcurl4:amd64 curl'.split(' '),
    );
    expect(r.out).toContain('Selecting previously unselected package libssl3:amd64.\n(Reading database ... 6019 files and directories currently installed.)\nPreparing to unpack .../00-libssl3_3.0.14-1~deb12u2_amd64.deb ...\n');
    expect(r.out).toContain('Setting up ca-certificates (20230311) ...\nUpdating certificates in /etc/ssl/certs...\n142 added, 0 removed; done.\n');
    expect(r.out).toMatch(/Setting up curl \(7\.88\.1-10\+deb12u7\) \.\.\.\nProcessing triggers for libc-bin \(2\.36-9\+deb12u8\) \.\.\.\nProcessing triggers for ca-certificates \(20230311\) \.\.\.\n/);
    expect(r.err).toMatch(/^debconf: delaying package configuration, since apt-utils is not installed\ndebconf: unable to initialize frontend: Dialog\ndebconf: \(TERM is not set, so the dialog frontend is not usable\.\)\n/);
    const diff = c.diff().split('\n');
    expect(diff).toContain('A /usr/bin/curl');
    expect(diff).toContain('C /var/lib/dpkg/status');
    expect(diff).toContain('A /var/lib/dpkg/info/curl.list');
    expect(diff).toContain('A /usr/share/doc/curl/copyright');
    expect(diff).not.toContain('A /usr/share/man/man1/curl.1.gz');
    expect(diff).not.toContain('C /lib');
    expect(c.read('/var/lib/dpkg/status')).toContain('Package: curl\nStatus: install ok installed\nPriority: optional\nSection: web\nInstalled-Size: 489\n');
  });

  it('asks before installing more than was asked for; no answer means Abort', async () => {
    const c = await debian();
    await c.run(['apt-get', 'update']);
    const r = await c.run(['apt-get', 'install', 'jq'], { stdin: '' });
    expect(r.out).toMatch(/After this operation, 1170 kB of additional disk space will be used\.\nDo you want to continue\? \[Y\/n\] Abort\.\n$/);
    expect(r.code).toBe(1);
    expect(c.diff()).not.toContain('/usr/bin/jq');
    const yes = await c.run(['apt-get', 'install', 'jq'], { stdin: 'y\n' });
    expect(yes.code).toBe(0);
    expect(only(yes.out, 'Setting up')).toEqual(['Setting up libonig5:amd64 (6.9.8-1) ...', 'Setting up libjq1:amd64 (1.6-2.1) ...', 'Setting up jq (1.6-2.1) ...']);
  });

  it('knows what is installed: bash, and curl after installing it', async () => {
    const c = await debian();
    await c.run(['apt-get', 'update']);
    const bash = await c.run(['apt-get', 'install', '-y', 'bash']);
    expect(bash.out).toBe('Reading package lists...\nBuilding dependency tree...\nbash is already the newest version (5.2.15-2+b7).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    await c.run(['apt-get', 'install', '-y', '--no-install-recommends', 'tree']);
    const again = await c.run(['apt-get', 'install', '-y', 'tree']);
    expect(again.out).toBe('Reading package lists...\nBuilding dependency tree...\nReading state information...\ntree is already the newest version (2.1.0-1).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    expect((await c.run(['dpkg-query', '-W', 'tree'])).out).toBe('tree\t2.1.0-1\n');
    expect((await c.run(['dpkg', '-L', 'tree'])).out).toBe('/.\n/usr\n/usr/bin\n/usr/bin/tree\n/usr/share\n/usr/share/doc\n/usr/share/doc/tree\n/usr/share/doc/tree/README.gz\n/usr/share/doc/tree/TODO\n/usr/share/doc/tree/changelog.Debian.gz\n/usr/share/doc/tree/changelog.gz\n/usr/share/doc/tree/copyright\n/usr/share/man\n/usr/share/man/man1\n/usr/share/man/man1/tree.1.gz\n');
    const list = await c.run(['dpkg', '-l', 'tree']);
    expect(list.out.split('\n').slice(3, 6).join('\n')).toBe(
      '||/ Name           Version      Architecture Description\n+++-==============-============-============-=============================================\nii  tree           2.1.0-1      amd64        displays an indented directory tree, in color',
    );
  });

  it('remove, autoremove and purge undo an install; reinstalling gives the same status file', async () => {
    const c = await debian();
    await c.run(['apt-get', 'update']);
    const statusBefore = c.read('/var/lib/dpkg/status');
    await c.run(['apt-get', 'install', '-y', 'nano']);
    const statusWith = c.read('/var/lib/dpkg/status');
    expect(c.read('/etc/alternatives/editor')).toBe('');
    const rm = await c.run(['apt-get', 'remove', '-y', 'nano']);
    expect(rm.out).toContain('The following packages were automatically installed and are no longer required:\n  libgpm2 libncursesw6\nUse \'apt autoremove\' to remove them.\nThe following packages will be REMOVED:\n  nano\n');
    const auto = await c.run(['apt-get', 'autoremove', '-y']);
    expect(only(auto.out, 'Removing')).toEqual(['Removing libgpm2:amd64 (1.20.7-10+b1) ...', 'Removing libncursesw6:amd64 (6.4-4) ...']);
    const purge = await c.run(['apt-get', 'purge', '-y', 'nano']);
    expect(purge.out).toContain('The following packages will be REMOVED:\n  nano*\n');
    expect(purge.out).toContain('Purging configuration files for nano (7.2-1) ...\n');
    expect(c.read('/var/lib/dpkg/status')).toBe(statusBefore);
    expect(c.diff()).not.toContain('/etc/nanorc');
    await c.run(['apt-get', 'install', '-y', 'nano']);
    expect(c.read('/var/lib/dpkg/status')).toBe(statusWith);
  });

  it('says what apt says offline, and as a user who cannot take the lock', async () => {
    const c = await debian();
    const off = await c.run(['apt-get', 'update'], { network: 'none' });
    expect(off.out).toContain("Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving 'deb.debian.org'\n");
    expect(off.err).toContain("W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Temporary failure resolving 'deb.debian.org'\n");
    expect(off.err).toMatch(/W: Some index files failed to download\. They have been ignored, or old ones used instead\.\n$/);
    expect(off.code).toBe(0);
    const user = await c.run(['apt-get', 'install', '-y', 'curl'], { uid: 1000 });
    expect(user).toEqual({
      out: '',
      err: 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
      code: 100,
    });
  });

  it('apt warns that its CLI is not stable when its output is not a terminal', async () => {
    const c = await debian();
    const r = await c.run(['apt', 'update']);
    expect(r.err).toBe('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    expect(r.out).toMatch(/Reading package lists\.\.\.\nBuilding dependency tree\.\.\.\nReading state information\.\.\.\nAll packages are up to date\.\n$/);
  });

  it('formats as apt does', () => {
    expect(sizeToStr(8808)).toBe('8808 ');
    expect(sizeToStr(6_132_000)).toBe('6132 k');
    expect(sizeToStr(15_800_000)).toBe('15.8 M');
    expect(compareDebVersions('1:2.39.5-0+deb12u1', '2.40')).toBe(1);
    expect(compareDebVersions('3.0.14-1~deb12u2', '3.0.14-1')).toBe(-1);
    expect(showList('T:', ['a', 'b'])).toBe('T:\n  a b\n');
  });
});
