/**
 * The Alpine 3.20 repositories as Berth bundles them: a slice of main and
 * community (what lessons and Dockerfiles install) with the real names,
 * versions (October 2024, matching alpine:3.20.3), dependencies, sizes and
 * file lists. Packages are ApkPackage records (engine/registry/bundled/apk.ts)
 * plus what only a repository knows: the download size, the repository,
 * triggers and install scripts.
 *
 * Each table row reads: name, version, repository, download size (bytes),
 * installed size (KiB), description, details, files (see ../files.ts).
 * `provides` is derived as abuild does: `so:` names for shared libraries and
 * `cmd:` names for programs on $PATH.
 */
import type { ApkPackage } from '../../../registry/bundled/apk.ts';
import { CA_CERTS, certificateText } from '../certs.ts';
import { parseFiles, type PkgFile } from '../files.ts';

export type ApkScript = 'pre-install' | 'post-install' | 'pre-upgrade' | 'post-upgrade' | 'pre-deinstall' | 'post-deinstall';

export interface IndexedApk extends ApkPackage {
  files: PkgFile[];
  repo: 'main' | 'community';
  /** Download size of the .apk, bytes. */
  size: number;
  /** Directory globs whose changes run the package's trigger script. */
  triggers?: string[];
  scripts?: ApkScript[];
}

export const APK_MIRROR = 'https://dl-cdn.alpinelinux.org/alpine';
export const ALPINE_BRANCH = 'v3.20';
/** `git describe` of aports for each repository's index, as `apk update` prints it. */
export const INDEX_DESCRIPTIONS: Record<IndexedApk['repo'], string> = {
  main: 'v3.20.3-173-g7b26e6bf0a2',
  community: 'v3.20.3-174-ga0dd47c2ea4',
};

/** Triggers of the base image's packages (/lib/apk/db/triggers holds them on a real system). */
export const BASE_TRIGGERS: Record<string, string[]> = {
  busybox: ['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/lib/modules/*'],
};

const LIBC = 'so:libc.musl-x86_64.so.1';
const NCOPA = 'Natanael Copa <ncopa@alpinelinux.org>';

interface Details {
  url: string;
  license: string;
  maintainer?: string;
  origin?: string;
  depends?: string;
  installIf?: string;
  triggers?: string;
  scripts?: ApkScript[];
}

/** abuild's automatic provides: so: for libraries, cmd: for programs and links on $PATH. */
function autoProvides(files: readonly PkgFile[], version: string): string[] {
  const so: string[] = [];
  const cmd: string[] = [];
  for (const f of files) {
    const base = f.path.slice(f.path.lastIndexOf('/') + 1);
    const dir = f.path.slice(0, f.path.lastIndexOf('/'));
    if (f.type === 'program' && f.program === 'shared-library' && f.version && /^\/(usr\/)?lib$/.test(dir)) {
      const soname = f.version;
      const rest = base.startsWith(soname + '.') ? base.slice(soname.length + 1) : soname.replace(/^.*\.so\./, '');
      so.push(`so:${soname}=${rest}`);
    } else if ((f.type === 'program' || f.type === 'symlink' || (f.type === 'file' && (f.mode ?? 0) & 0o111)) && /^\/(usr\/)?s?bin$/.test(dir)) {
      cmd.push(`cmd:${base}=${version}`);
    }
  }
  return [...so.sort(), ...cmd.sort()];
}

function apk(name: string, version: string, repo: IndexedApk['repo'], size: number, installedKiB: number, description: string, d: Details, fileList: string): IndexedApk {
  const upstream = version.replace(/-r\d+$/, '').replace(/_p\d+$|_git\d+$/, '');
  const files = parseFiles(fileList, upstream);
  const provides = autoProvides(files, version);
  const pkg: IndexedApk = {
    name, version, description, url: d.url, license: d.license, maintainer: d.maintainer ?? NCOPA,
    installedKiB, repo, size, files,
  };
  if (d.origin) pkg.origin = d.origin;
  if (d.depends) pkg.depends = d.depends.split(' ');
  if (provides.length) pkg.provides = provides;
  if (d.installIf) pkg.installIf = d.installIf.split(' ');
  if (d.triggers) pkg.triggers = d.triggers.split(' ');
  if (d.scripts) pkg.scripts = d.scripts;
  return pkg;
}

/** A shared library with its soname link: `usr/lib/libz.so.1>libz.so.1.3.1 usr/lib/libz.so.1.3.1@libz.so.1:SIZE`. */
const lib = (dir: string, soname: string, real: string, size: number) => `${dir}/${soname}>${real} ${dir}/${real}@${soname}:${size}`;

const CERT_FILES = CA_CERTS.map((c) => `usr/share/ca-certificates/mozilla/${c.name}.crt:${c.size}`).join(' ');

const VIM = '9.1.0414-r0';
const NCURSES = '6.4_p20240420-r2';
const CURL = '8.10.1-r0';
const VIMRT = 'usr/share/vim/vim91';

export const ALPINE_INDEX: readonly IndexedApk[] = [
  apk('ca-certificates', '20240705-r0', 'main', 167_325, 680, 'Common CA certificates PEM files from Mozilla', {
    url: 'https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/', license: 'MPL-2.0 AND MIT',
    depends: `ca-certificates-bundle ${LIBC} so:libcrypto.so.3`,
    triggers: '/usr/share/ca-certificates/* /usr/local/share/ca-certificates/* /etc/ssl/certs/* /etc/ca-certificates/update.d/*',
    scripts: ['post-deinstall'],
  }, `etc/ca-certificates.conf etc/ca-certificates/update.d/ etc/ssl/certs/ usr/local/share/ca-certificates/
      usr/sbin/update-ca-certificates*:26136 ${CERT_FILES}`),
  apk('brotli-libs', '1.1.0-r2', 'main', 346_821, 756, 'Generic lossless compressor (libraries)', {
    url: 'https://github.com/google/brotli', license: 'MIT', origin: 'brotli', maintainer: 'Simon Frankenberger <simon-alpine@fraho.eu>',
    depends: LIBC,
  }, `${lib('usr/lib', 'libbrotlicommon.so.1', 'libbrotlicommon.so.1.1.0', 137_480)} ${lib('usr/lib', 'libbrotlidec.so.1', 'libbrotlidec.so.1.1.0', 51_616)}
      ${lib('usr/lib', 'libbrotlienc.so.1', 'libbrotlienc.so.1.1.0', 580_632)}`),
  apk('c-ares', '1.33.1-r0', 'main', 90_347, 212, 'Asynchronous DNS/names resolver library', {
    url: 'https://c-ares.org/', license: 'MIT', depends: LIBC,
  }, lib('usr/lib', 'libcares.so.2', 'libcares.so.2.17.1', 211_536)),
  apk('libunistring', '1.2-r0', 'main', 541_223, 1772, 'Library for manipulating Unicode strings and C strings', {
    url: 'https://www.gnu.org/software/libunistring/', license: 'GPL-2.0-or-later OR LGPL-3.0-or-later', depends: LIBC,
  }, lib('usr/lib', 'libunistring.so.5', 'libunistring.so.5.1.0', 1_808_200)),
  apk('libidn2', '2.3.7-r0', 'main', 57_129, 132, 'Encode/Decode library for internationalized domain names', {
    url: 'https://www.gnu.org/software/libidn#libidn2', license: 'GPL-2.0-or-later OR LGPL-3.0-or-later',
    depends: `${LIBC} so:libunistring.so.5`,
  }, lib('usr/lib', 'libidn2.so.0', 'libidn2.so.0.4.0', 128_544)),
  apk('nghttp2-libs', '1.62.1-r0', 'main', 75_341, 168, 'Experimental HTTP/2 client, server and proxy (libraries)', {
    url: 'https://nghttp2.org', license: 'MIT', origin: 'nghttp2', depends: LIBC,
  }, lib('usr/lib', 'libnghttp2.so.14', 'libnghttp2.so.14.28.2', 166_376)),
  apk('libpsl', '0.21.5-r1', 'main', 58_712, 84, 'C library for the Publix Suffix List', {
    url: 'https://rockdaboot.github.io/libpsl', license: 'MIT', depends: `${LIBC} so:libidn2.so.0 so:libunistring.so.5`,
  }, lib('usr/lib', 'libpsl.so.5', 'libpsl.so.5.3.5', 78_456)),
  apk('zstd-libs', '1.5.6-r0', 'main', 287_215, 792, 'Zstandard - Fast real-time compression algorithm (libraries)', {
    url: 'https://www.zstd.net', license: 'BSD-3-Clause OR GPL-2.0-or-later', origin: 'zstd', depends: LIBC,
  }, lib('usr/lib', 'libzstd.so.1', 'libzstd.so.1.5.6', 809_016)),
  apk('libcurl', CURL, 'main', 370_431, 676, 'The multiprotocol file transfer library', {
    url: 'https://curl.se/', license: 'curl', origin: 'curl',
    depends: `${LIBC} so:libbrotlidec.so.1 so:libcares.so.2 so:libcrypto.so.3 so:libidn2.so.0 so:libnghttp2.so.14 so:libpsl.so.5 so:libssl.so.3 so:libz.so.1 so:libzstd.so.1`,
  }, lib('usr/lib', 'libcurl.so.4', 'libcurl.so.4.8.0', 687_448)),
  apk('curl', CURL, 'main', 163_412, 252, 'URL retrival utility and library', {
    url: 'https://curl.se/', license: 'curl', depends: `ca-certificates ${LIBC} so:libcurl.so.4 so:libz.so.1`,
  }, 'usr/bin/curl*:252304'),
  apk('libexpat', '2.6.3-r0', 'main', 80_119, 176, 'XML Parser library written in C', {
    url: 'https://libexpat.github.io/', license: 'MIT', origin: 'expat', depends: LIBC,
  }, lib('usr/lib', 'libexpat.so.1', 'libexpat.so.1.9.3', 178_680)),
  apk('pcre2', '10.43-r0', 'main', 253_977, 688, 'Perl-compatible regular expression library', {
    url: 'https://pcre.org/', license: 'BSD-3-Clause', depends: LIBC,
  }, `${lib('usr/lib', 'libpcre2-16.so.0', 'libpcre2-16.so.0.13.0', 207_280)} ${lib('usr/lib', 'libpcre2-32.so.0', 'libpcre2-32.so.0.13.0', 195_000)}
      ${lib('usr/lib', 'libpcre2-8.so.0', 'libpcre2-8.so.0.13.0', 244_152)} ${lib('usr/lib', 'libpcre2-posix.so.3', 'libpcre2-posix.so.3.0.5', 14_248)}`),
  apk('git', '2.45.2-r0', 'main', 6_537_984, 13_620, 'Distributed version control system', {
    url: 'https://www.git-scm.com/', license: 'GPL-2.0-or-later',
    depends: `${LIBC} so:libcurl.so.4 so:libexpat.so.1 so:libpcre2-8.so.0 so:libz.so.1`,
  }, `usr/bin/git*:3724440 usr/bin/git-receive-pack>git usr/bin/git-shell*git/git-shell:784344 usr/bin/git-upload-archive>git
      usr/bin/git-upload-pack>git usr/bin/scalar*git/scalar:3724440
      usr/libexec/git-core/git>../../bin/git usr/libexec/git-core/git-add>../../bin/git usr/libexec/git-core/git-commit>../../bin/git
      usr/libexec/git-core/git-http-backend*git/git-http-backend:1987800 usr/libexec/git-core/git-http-fetch*git/git-http-fetch:2003672
      usr/libexec/git-core/git-imap-send*git/git-imap-send:1999576 usr/libexec/git-core/git-remote-http*git/git-remote-http:2015384
      usr/libexec/git-core/git-remote-https>git-remote-http usr/libexec/git-core/git-remote-ftp>git-remote-http
      usr/libexec/git-core/git-sh-i18n:2622%755 usr/libexec/git-core/git-sh-setup:9120%755 usr/libexec/git-core/git-mergetool--lib:10892%755
      usr/libexec/git-core/git-web--browse:4398%755 usr/libexec/git-core/mergetools/vimdiff:4186
      usr/share/git-core/templates/description:73 usr/share/git-core/templates/info/exclude:240
      usr/share/git-core/templates/hooks/applypatch-msg.sample:478%755 usr/share/git-core/templates/hooks/commit-msg.sample:896%755
      usr/share/git-core/templates/hooks/pre-commit.sample:1643%755 usr/share/git-core/templates/hooks/pre-push.sample:1374%755
      usr/share/git-core/templates/hooks/prepare-commit-msg.sample:1492%755 usr/share/git-core/templates/hooks/update.sample:3650%755
      usr/share/git-core/templates/branches/`),
  apk('xxd', VIM, 'main', 18_732, 40, 'Make a hexdump or do the reverse', {
    url: 'https://www.vim.org/', license: 'Vim', origin: 'vim', depends: LIBC,
  }, 'usr/bin/xxd*:22480'),
  apk('vim-common', VIM, 'main', 6_810_212, 30_412, 'Vi Improved, a highly configurable, improved version of the vi text editor (common files)', {
    url: 'https://www.vim.org/', license: 'Vim', origin: 'vim',
  }, `etc/vim/vimrc:74 ${VIMRT}/defaults.vim:4971 ${VIMRT}/filetype.vim:78301 ${VIMRT}/ftplugin.vim:1081 ${VIMRT}/indent.vim:764
      ${VIMRT}/syntax/syntax.vim:1466 ${VIMRT}/syntax/sh.vim:56614 ${VIMRT}/syntax/dockerfile.vim:1545 ${VIMRT}/syntax/yaml.vim:12142
      ${VIMRT}/syntax/json.vim:5046 ${VIMRT}/syntax/python.vim:14218 ${VIMRT}/syntax/c.vim:20587 ${VIMRT}/colors/default.vim:2042
      ${VIMRT}/colors/desert.vim:9020 ${VIMRT}/doc/help.txt:9143 ${VIMRT}/doc/tags:343516 ${VIMRT}/tutor/tutor:35386
      ${VIMRT}/plugin/netrwPlugin.vim:9100 ${VIMRT}/autoload/netrw.vim:565270`),
  apk('ncurses-terminfo-base', NCURSES, 'main', 22_133, 64, 'Descriptions of common terminals', {
    url: 'https://invisible-island.net/ncurses/', license: 'X11', origin: 'ncurses',
  }, `etc/terminfo/a/ansi:1481 etc/terminfo/d/dumb:308 etc/terminfo/l/linux:1741 etc/terminfo/r/rxvt:2215
      etc/terminfo/s/screen:1587 etc/terminfo/s/screen-256color:1917 etc/terminfo/s/sun:1004 etc/terminfo/v/vt100:1155
      etc/terminfo/v/vt102:1133 etc/terminfo/v/vt220:1658 etc/terminfo/x/xterm:3913 etc/terminfo/x/xterm-256color:3869
      etc/terminfo/x/xterm-color:1551 etc/terminfo/x/xterm-xfree86:2240 usr/share/terminfo>../../etc/terminfo`),
  apk('libncursesw', NCURSES, 'main', 152_337, 340, 'Console display library (libncursesw)', {
    url: 'https://invisible-island.net/ncurses/', license: 'X11', origin: 'ncurses', depends: `ncurses-terminfo-base ${LIBC}`,
  }, lib('usr/lib', 'libncursesw.so.6', 'libncursesw.so.6.4', 339_208)),
  apk('vim', VIM, 'main', 1_521_766, 3_356, 'Improved vi-style text editor', {
    url: 'https://www.vim.org/', license: 'Vim', depends: `xxd vim-common ${LIBC} so:libncursesw.so.6`,
  }, `usr/bin/ex>vim usr/bin/rview>vim usr/bin/rvim>vim usr/bin/view>vim usr/bin/vim*:3402808 usr/bin/vimdiff>vim
      usr/bin/vimtutor:2153%755`),
  apk('libmagic', '5.45-r1', 'main', 535_004, 9_892, 'File type identification library', {
    url: 'https://www.darwinsys.com/file', license: 'BSD-2-Clause', origin: 'file', depends: LIBC,
  }, `${lib('usr/lib', 'libmagic.so.1', 'libmagic.so.1.0.0', 158_544)} usr/share/misc/magic.mgc:9912120`),
  apk('nano', '8.0-r0', 'main', 290_560, 616, 'Enhanced clone of the Pico text editor', {
    url: 'https://www.nano-editor.org/', license: 'GPL-3.0-or-later', maintainer: 'Kevin Daudt <kdaudt@alpinelinux.org>',
    depends: `${LIBC} so:libmagic.so.1 so:libncursesw.so.6`,
  }, `etc/nanorc:11708 usr/bin/nano*:285016 usr/bin/rnano>nano usr/share/nano/c.nanorc:2187 usr/share/nano/json.nanorc:646
      usr/share/nano/makefile.nanorc:552 usr/share/nano/python.nanorc:1406 usr/share/nano/sh.nanorc:1183 usr/share/nano/yaml.nanorc:727`),
  apk('readline', '8.2.10-r0', 'main', 117_045, 276, 'GNU readline library', {
    url: 'https://tiswww.cwru.edu/php/chet/readline/rltop.html', license: 'GPL-3.0-or-later',
    depends: `${LIBC} so:libncursesw.so.6`,
  }, `etc/inputrc:1597 ${lib('usr/lib', 'libreadline.so.8', 'libreadline.so.8.2', 273_720)}`),
  apk('bash', '5.2.26-r0', 'main', 466_431, 1_208, 'The GNU Bourne Again shell', {
    url: 'https://www.gnu.org/software/bash/bash.html', license: 'GPL-3.0-or-later',
    depends: `/bin/sh ${LIBC} so:libreadline.so.8`, scripts: ['post-install', 'pre-deinstall'],
  }, 'bin/bash*:1193880 etc/bash/bashrc:1021 usr/lib/bash/'),
  apk('oniguruma', '6.9.9-r0', 'main', 188_224, 536, 'a regular expressions library', {
    url: 'https://github.com/kkos/oniguruma', license: 'BSD-2-Clause', depends: LIBC,
  }, lib('usr/lib', 'libonig.so.5', 'libonig.so.5.4.0', 545_208)),
  apk('jq', '1.7.1-r0', 'main', 303_610, 764, 'A lightweight and flexible command-line JSON processor', {
    url: 'https://jqlang.github.io/jq/', license: 'MIT', depends: `${LIBC} so:libonig.so.5`,
  }, 'usr/bin/jq*:776448'),
  apk('htop', '3.3.0-r0', 'main', 152_611, 332, 'Interactive process viewer', {
    url: 'https://htop.dev/', license: 'GPL-2.0-or-later', depends: `${LIBC} so:libncursesw.so.6`,
  }, 'usr/bin/htop*:310664 usr/share/applications/htop.desktop:1418 usr/share/icons/hicolor/scalable/apps/htop.svg:3152'),
  apk('tree', '2.1.1-r0', 'community', 40_331, 88, 'A recursive directory indented listing of files', {
    url: 'https://oldmanprogrammer.net/source.php?dir=projects/tree', license: 'GPL-2.0-or-later', depends: LIBC,
  }, 'usr/bin/tree*:87648'),
];

/** Small files whose real text Berth ships. */
export const ALPINE_TEXTS: Record<string, string> = {
  '/etc/ca-certificates.conf': `# Automatically generated by ca-certificates-20240705-r0\n# Do not edit.\n${CA_CERTS.map((c) => `mozilla/${c.name}.crt`).join('\n')}\n`,
  '/etc/vim/vimrc': '" Alpine vimrc\nsource $VIMRUNTIME/defaults.vim\nlet skip_defaults_vim = 1\n',
  '/etc/bash/bashrc': '# /etc/bash/bashrc\n#\n# This file is sourced by all *interactive* bash shells on startup.\n\n# Source the global profile settings.\nif [ -f /etc/profile ]; then . /etc/profile; fi\n\nPS1=\'\\h:\\w\\$ \'\nPS2=\'> \'\n',
  '/usr/share/git-core/templates/description': "Unnamed repository; edit this file 'description' to name the repository.\n",
  '/usr/share/git-core/templates/info/exclude': "# git ls-files --others --exclude-from=.git/info/exclude\n# Lines that start with '#' are comments.\n# For a project mostly in C, the following would be a good set of\n# exclude patterns (uncomment them if you want to use them):\n# *.[oa]\n# *~\n",
  ...Object.fromEntries(CA_CERTS.map((c) => [`/usr/share/ca-certificates/mozilla/${c.name}.crt`, certificateText(c)])),
};

/** The index by name. */
export const ALPINE_BY_NAME: ReadonlyMap<string, IndexedApk> = new Map(ALPINE_INDEX.map((p) => [p.name, p]));
