/**
 * Debian 12 "bookworm" as of debian:bookworm-slim 20241016 (Debian 12.7):
 * the archives and the packages behind `apt-get install curl git vim nano
 * tree jq`, with their real dependency closures (Depends, Recommends,
 * Suggests), versions, sizes and file lists (long lists abridged to a few
 * entries per directory). Generated from the archive's Packages data and
 * the packages' dpkg file lists.
 */
import { PROTOCOLS, SERVICES } from '../../../registry/bundled/netbase.ts';
import { CA_CERTS, certificateText } from '../certs.ts';
import { debPackage, type Alternative, type DebIndexEntry, type Distro } from './index.ts';

const p = (...a: Parameters<typeof debPackage> extends [string, ...infer R] ? R : never) => debPackage('bookworm', ...a);
const CERT_FILES = CA_CERTS.map((c) => `usr/share/ca-certificates/mozilla/${c.name}.crt:${c.size}`).join(' ');

const PACKAGES: DebIndexEntry[] = [
  p('adduser', '3.134', 'all admin important foreign', 183272, 686, 'add and remove users and groups', { d: 'passwd', s: 'liblocale-gettext-perl, perl, cron, quota', m: 'Debian Adduser Developers <adduser@packages.debian.org>' }, `
    etc/adduser.conf:3040 etc/deluser.conf:1706 usr/sbin/adduser:48382%755 usr/sbin/deluser:16727%755 usr/share/doc/adduser/NEWS.Debian.gz:1992
    usr/share/doc/adduser/README.gz:5107 usr/share/doc/adduser/TODO:1403 usr/share/doc/adduser/changelog.gz:5498
    usr/share/doc/adduser/copyright:12432 usr/share/doc/adduser/examples/INSTALL:591 usr/share/doc/adduser/examples/README:5655
    usr/share/doc/adduser/examples/adduser.conf:3040 usr/share/doc/adduser/examples/adduser.local:26434%755
    usr/share/doc/adduser/examples/adduser.local.conf:21865 usr/share/doc/adduser/examples/adduser.local.conf.examples/bash.bashrc:2778
    usr/share/doc/adduser/examples/adduser.local.conf.examples/profile:2254
    usr/share/doc/adduser/examples/adduser.local.conf.examples/skel/dot.bash_logout:427
    usr/share/doc/adduser/examples/adduser.local.conf.examples/skel/dot.bash_profile:1290
    usr/share/doc/adduser/examples/adduser.local.conf.examples/skel/dot.bashrc:802
    usr/share/doc/adduser/examples/adduser.local.conf.examples/skel.other/index.html:771 usr/share/doc/adduser/examples/deluser.conf:1706
    usr/share/locale/ca/LC_MESSAGES/adduser.mo:12140 usr/share/locale/cs/LC_MESSAGES/adduser.mo:11731
    usr/share/locale/da/LC_MESSAGES/adduser.mo:11595 usr/share/locale/de/LC_MESSAGES/adduser.mo:22824
    usr/share/locale/es/LC_MESSAGES/adduser.mo:12795 usr/share/locale/eu/LC_MESSAGES/adduser.mo:11862
    usr/share/locale/fr/LC_MESSAGES/adduser.mo:23305 usr/share/locale/gl/LC_MESSAGES/adduser.mo:21834
    usr/share/locale/hu/LC_MESSAGES/adduser.mo:12657 usr/share/locale/it/LC_MESSAGES/adduser.mo:12005
    usr/share/locale/ja/LC_MESSAGES/adduser.mo:13848 usr/share/locale/ko/LC_MESSAGES/adduser.mo:1572
    usr/share/locale/nb/LC_MESSAGES/adduser.mo:11890 usr/share/locale/nl/LC_MESSAGES/adduser.mo:21682
    usr/share/locale/pl/LC_MESSAGES/adduser.mo:11990 usr/share/locale/pt/LC_MESSAGES/adduser.mo:21883
    usr/share/locale/pt_BR/LC_MESSAGES/adduser.mo:11797 usr/share/locale/ru/LC_MESSAGES/adduser.mo:15208
    usr/share/locale/sk/LC_MESSAGES/adduser.mo:12099 usr/share/locale/sv/LC_MESSAGES/adduser.mo:11829
    usr/share/locale/uk/LC_MESSAGES/adduser.mo:13065 usr/share/locale/vi/LC_MESSAGES/adduser.mo:13168
    usr/share/locale/zh_CN/LC_MESSAGES/adduser.mo:16243 usr/share/man/de/man5/adduser.conf.5.gz:4207
    usr/share/man/de/man5/deluser.conf.5.gz:1777 usr/share/man/de/man8/adduser.8.gz:6996 usr/share/man/de/man8/deluser.8.gz:3531
    usr/share/man/fr/man5/adduser.conf.5.gz:4367 usr/share/man/fr/man5/deluser.conf.5.gz:2001 usr/share/man/fr/man8/adduser.8.gz:7127
    usr/share/man/fr/man8/deluser.8.gz:3654 usr/share/man/man5/adduser.conf.5.gz:3492 usr/share/man/man5/deluser.conf.5.gz:1513
    usr/share/man/man8/adduser.8.gz:5837 usr/share/man/man8/adduser.local.8.gz:647 usr/share/man/man8/deluser.8.gz:2867
    usr/share/man/nl/man5/adduser.conf.5.gz:3982 usr/share/man/nl/man5/deluser.conf.5.gz:1698 usr/share/man/nl/man8/adduser.8.gz:6635
    usr/share/man/nl/man8/deluser.8.gz:3231 usr/share/man/pt/man5/adduser.conf.5.gz:3899 usr/share/man/pt/man5/deluser.conf.5.gz:1747
    usr/share/man/pt/man8/adduser.8.gz:6536 usr/share/man/pt/man8/deluser.8.gz:3204 usr/share/perl5/Debian/AdduserCommon.pm:9521
    var/cache/adduser/ usr/sbin/addgroup>adduser usr/sbin/delgroup>deluser usr/share/man/man8/addgroup.8.gz>adduser.8.gz
    usr/share/man/man8/delgroup.8.gz>deluser.8.gz usr/share/man/man8/deluser.local.8.gz>adduser.local.8.gz`),
  p('ca-certificates', '20230311', 'all misc standard foreign', 160948, 388, 'Common CA certificates', { d: 'openssl (>= 1.1.1), debconf (>= 0.5) | debconf-2.0', b: 'ca-certificates-java (<< 20121112+nmu1)', m: 'Julien Cristau <jcristau@debian.org>' }, `
    etc/ca-certificates/update.d/ etc/ssl/certs/ usr/sbin/update-ca-certificates:5672%755 usr/share/doc/ca-certificates/README.Debian
    usr/share/doc/ca-certificates/changelog.gz usr/share/doc/ca-certificates/copyright:18940
    usr/share/doc/ca-certificates/examples/ca-certificates-local/Makefile usr/share/doc/ca-certificates/examples/ca-certificates-local/README
    usr/share/doc/ca-certificates/examples/ca-certificates-local/debian/ca-certificates-local.triggers
    usr/share/doc/ca-certificates/examples/ca-certificates-local/debian/changelog
    usr/share/doc/ca-certificates/examples/ca-certificates-local/debian/compat
    usr/share/doc/ca-certificates/examples/ca-certificates-local/debian/control
    usr/share/doc/ca-certificates/examples/ca-certificates-local/debian/copyright:164
    usr/share/doc/ca-certificates/examples/ca-certificates-local/debian/postrm
    usr/share/doc/ca-certificates/examples/ca-certificates-local/debian/source/format
    usr/share/doc/ca-certificates/examples/ca-certificates-local/local/Local_Root_CA.crt
    usr/share/doc/ca-certificates/examples/ca-certificates-local/local/Makefile usr/share/man/man8/update-ca-certificates.8.gz ${CERT_FILES}`),
  p('curl', '7.88.1-10+deb12u7', 'amd64 web optional foreign', 315764, 489, 'command line tool for transferring data with URL syntax', { d: 'libc6 (>= 2.34), libcurl4 (= 7.88.1-10+deb12u7), zlib1g (>= 1:1.1.4)', h: 'https://curl.se/', m: 'Alessandro Ghedini <ghedo@debian.org>' }, `
    usr/bin/curl*:280800 usr/share/doc/curl/changelog.Debian.gz usr/share/doc/curl/changelog.gz usr/share/doc/curl/copyright:21749
    usr/share/man/man1/curl.1.gz usr/share/zsh/vendor-completions/_curl:15686`),
  p('git', '1:2.39.5-0+deb12u1', 'amd64 vcs optional foreign', 7264380, 44890, 'fast, scalable, distributed revision control system', { d: 'libc6 (>= 2.34), libcurl3-gnutls (>= 7.56.1), libexpat1 (>= 2.0.1), libpcre2-8-0 (>= 10.34), zlib1g (>= 1:1.2.2), perl, liberror-perl, git-man (>> 1:2.39.5), git-man (<< 1:2.39.5-.)', r: 'ca-certificates, patch, less, ssh-client', s: 'gettext-base, git-daemon-run | git-daemon-sysvinit, git-doc, git-email, git-gui, gitk, gitweb, git-cvs, git-mediawiki, git-svn', pv: 'git-completion, git-core', b: 'bash-completion (<< 1:1.90-1), cogito (<= 0.18.2+), dgit (<< 5.1~), git-buildpackage (<< 0.6.5), git-el (<< 1:2.32.0~rc2-1~), gitosis (<< 0.2+20090917-7), gitpkg (<< 0.15), guilt (<< 0.33), openssh-client (<< 1:6.8), stgit (<< 0.15), stgit-contrib (<< 0.15)', h: 'https://git-scm.com/', m: 'Jonathan Nieder <jrnieder@gmail.com>', suite: 'security' }, `
    etc/bash_completion.d/git-prompt:439 usr/bin/git*:3713416 usr/bin/git-shell*git/git-shell:2141792 usr/bin/scalar*git/scalar:2199656
    usr/lib/git-core/git*:3713416 usr/lib/git-core/git-add--interactive:47789%755 usr/lib/git-core/git-bisect:1625%755
    usr/lib/git-core/git-daemon*git/git-daemon:2154272 usr/lib/git-core/git-difftool--helper:2503%755
    usr/lib/git-core/git-filter-branch:15857%755 usr/lib/git-core/mergetools/araxis:515 usr/lib/git-core/mergetools/bc:584
    usr/lib/git-core/mergetools/codecompare:510 usr/lib/git-core/mergetools/deltawalker:818 usr/lib/git-core/mergetools/diffmerge:460
    usr/lib/git-core/mergetools/diffuse:395 usr/share/bash-completion/completions/git:79837 usr/share/doc/git/NEWS.Debian.gz
    usr/share/doc/git/README.Debian usr/share/doc/git/README.emacs usr/share/doc/git/README.md usr/share/doc/git/README.source
    usr/share/doc/git/RelNotes/1.5.0.1.txt usr/share/doc/git/RelNotes/1.5.0.2.txt usr/share/doc/git/RelNotes/1.5.0.3.txt
    usr/share/doc/git/RelNotes/1.5.0.4.txt usr/share/doc/git/RelNotes/1.5.0.5.txt usr/share/doc/git/RelNotes/1.5.0.6.txt
    usr/share/doc/git/changelog.Debian.gz usr/share/doc/git/contrib/README usr/share/doc/git/contrib/buildsystems/CMakeLists.txt
    usr/share/doc/git/contrib/buildsystems/Generators/QMake.pm usr/share/doc/git/contrib/buildsystems/Generators/Vcproj.pm
    usr/share/doc/git/contrib/buildsystems/Generators/Vcxproj.pm usr/share/doc/git/contrib/buildsystems/Generators.pm
    usr/share/doc/git/contrib/buildsystems/engine.pl usr/share/doc/git/contrib/buildsystems/generate
    usr/share/doc/git/contrib/buildsystems/parse.pl usr/share/doc/git/contrib/coccinelle/README usr/share/doc/git/contrib/coccinelle/array.cocci
    usr/share/doc/git/contrib/coccinelle/commit.cocci usr/share/doc/git/contrib/coccinelle/equals-null.cocci
    usr/share/doc/git/contrib/coccinelle/flex_alloc.cocci usr/share/doc/git/contrib/coccinelle/free.cocci
    usr/share/doc/git/contrib/coccinelle/tests/free.c usr/share/doc/git/contrib/coccinelle/tests/free.res
    usr/share/doc/git/contrib/coccinelle/tests/unused.c usr/share/doc/git/contrib/coccinelle/tests/unused.res
    usr/share/doc/git/contrib/contacts/Makefile usr/share/doc/git/contrib/contacts/git-contacts
    usr/share/doc/git/contrib/contacts/git-contacts.txt usr/share/doc/git/contrib/coverage-diff.sh
    usr/share/doc/git/contrib/credential/gnome-keyring/Makefile
    usr/share/doc/git/contrib/credential/gnome-keyring/git-credential-gnome-keyring.c usr/share/doc/git/contrib/credential/libsecret/Makefile
    usr/share/doc/git/contrib/credential/libsecret/git-credential-libsecret.c usr/share/doc/git/contrib/credential/netrc/Makefile
    usr/share/doc/git/contrib/credential/netrc/git-credential-netrc.perl usr/share/doc/git/contrib/credential/netrc/t-git-credential-netrc.sh
    usr/share/doc/git/contrib/credential/netrc/test.command-option-gpg usr/share/doc/git/contrib/credential/netrc/test.git-config-gpg
    usr/share/doc/git/contrib/credential/netrc/test.netrc usr/share/doc/git/contrib/credential/osxkeychain/Makefile
    usr/share/doc/git/contrib/credential/osxkeychain/git-credential-osxkeychain.c usr/share/doc/git/contrib/credential/wincred/Makefile
    usr/share/doc/git/contrib/credential/wincred/git-credential-wincred.c usr/share/doc/git/contrib/diff-highlight/DiffHighlight.pm
    usr/share/doc/git/contrib/diff-highlight/Makefile usr/share/doc/git/contrib/diff-highlight/README
    usr/share/doc/git/contrib/diff-highlight/diff-highlight.perl usr/share/doc/git/contrib/diff-highlight/t/Makefile
    usr/share/doc/git/contrib/diff-highlight/t/t9400-diff-highlight.sh usr/share/doc/git/contrib/examples/README
    usr/share/doc/git/contrib/fast-import/git-import.perl usr/share/doc/git/contrib/fast-import/git-import.sh
    usr/share/doc/git/contrib/fast-import/git-p4.README usr/share/doc/git/contrib/fast-import/import-directories.perl
    usr/share/doc/git/contrib/fast-import/import-tars.perl usr/share/doc/git/contrib/fast-import/import-zips.py
    usr/share/doc/git/contrib/git-jump/README usr/share/doc/git/contrib/git-jump/git-jump usr/share/doc/git/contrib/git-resurrect.sh
    usr/share/doc/git/contrib/git-shell-commands/README usr/share/doc/git/contrib/git-shell-commands/help
    usr/share/doc/git/contrib/git-shell-commands/list usr/share/doc/git/contrib/hg-to-git/hg-to-git.py
    usr/share/doc/git/contrib/hg-to-git/hg-to-git.txt usr/share/doc/git/contrib/long-running-filter/example.pl
    usr/share/doc/git/contrib/persistent-https/Makefile usr/share/doc/git/contrib/persistent-https/README
    usr/share/doc/git/contrib/persistent-https/client.go usr/share/doc/git/contrib/persistent-https/main.go
    usr/share/doc/git/contrib/persistent-https/proxy.go usr/share/doc/git/contrib/persistent-https/socket.go
    usr/share/doc/git/contrib/remote-helpers/README usr/share/doc/git/contrib/remote-helpers/git-remote-bzr
    usr/share/doc/git/contrib/remote-helpers/git-remote-hg usr/share/doc/git/contrib/remotes2config.sh usr/share/doc/git/contrib/rerere-train.sh
    usr/share/doc/git/contrib/stats/git-common-hash usr/share/doc/git/contrib/stats/mailmap.pl usr/share/doc/git/contrib/stats/packinfo.pl
    usr/share/doc/git/contrib/subtree/INSTALL usr/share/doc/git/contrib/subtree/Makefile usr/share/doc/git/contrib/subtree/README
    usr/share/doc/git/contrib/subtree/git-subtree usr/share/doc/git/contrib/subtree/git-subtree.sh
    usr/share/doc/git/contrib/subtree/git-subtree.txt usr/share/doc/git/contrib/subtree/t/Makefile
    usr/share/doc/git/contrib/subtree/t/t7900-subtree.sh usr/share/doc/git/contrib/thunderbird-patch-inline/README
    usr/share/doc/git/contrib/thunderbird-patch-inline/appp.sh usr/share/doc/git/contrib/update-unicode/README
    usr/share/doc/git/contrib/update-unicode/update_unicode.sh usr/share/doc/git/contrib/vscode/README.md
    usr/share/doc/git/contrib/vscode/init.sh usr/share/doc/git/contrib/workdir/git-new-workdir
    usr/share/git-core/contrib/hooks/post-receive-email:22069%755 usr/share/git-core/contrib/hooks/pre-auto-gc-battery:1265%755
    usr/share/git-core/contrib/hooks/setgitperms.perl:6920%755 usr/share/git-core/contrib/hooks/update-paranoid:11648%755
    usr/share/git-core/templates/branches/ usr/share/git-core/templates/description:73
    usr/share/git-core/templates/hooks/applypatch-msg.sample:478%755 usr/share/git-core/templates/hooks/commit-msg.sample:896%755
    usr/share/git-core/templates/hooks/fsmonitor-watchman.sample:4726%755 usr/share/git-core/templates/hooks/post-update.sample:189%755
    usr/share/git-core/templates/hooks/pre-applypatch.sample:424%755 usr/share/git-core/templates/hooks/pre-commit.sample:1643%755
    usr/share/git-core/templates/info/exclude:240 usr/share/gitweb/gitweb.cgi:253860%755 usr/share/gitweb/static/git-favicon.png:115
    usr/share/gitweb/static/git-logo.png:207 usr/share/gitweb/static/gitweb.css:10637 usr/share/gitweb/static/gitweb.js:48816
    usr/share/lintian/overrides/git usr/share/locale/bg/LC_MESSAGES/git.mo usr/share/locale/ca/LC_MESSAGES/git.mo
    usr/share/locale/de/LC_MESSAGES/git.mo usr/share/locale/el/LC_MESSAGES/git.mo usr/share/locale/es/LC_MESSAGES/git.mo
    usr/share/locale/fr/LC_MESSAGES/git.mo usr/share/locale/id/LC_MESSAGES/git.mo usr/share/locale/is/LC_MESSAGES/git.mo
    usr/share/locale/it/LC_MESSAGES/git.mo usr/share/locale/ko/LC_MESSAGES/git.mo usr/share/locale/pl/LC_MESSAGES/git.mo usr/share/locale/pt_PT
    usr/share/locale/pt_PT/LC_MESSAGES usr/share/locale/pt_PT/LC_MESSAGES/git.mo usr/share/locale/ru/LC_MESSAGES/git.mo
    usr/share/locale/sv/LC_MESSAGES/git.mo usr/share/locale/tr/LC_MESSAGES/git.mo usr/share/locale/vi/LC_MESSAGES/git.mo
    usr/share/locale/zh_CN/LC_MESSAGES/git.mo usr/share/locale/zh_TW/LC_MESSAGES/git.mo usr/share/perl5/Git/I18N.pm:2814
    usr/share/perl5/Git/IndexInfo.pm:848 usr/share/perl5/Git/LoadCPAN/Error.pm:179 usr/share/perl5/Git/LoadCPAN/Mail/Address.pm:195
    usr/share/perl5/Git/LoadCPAN.pm:3435 usr/share/perl5/Git/Packet.pm:4180 usr/share/perl5/Git.pm:48084 var/lib/git/
    usr/bin/git-receive-pack>git usr/bin/git-upload-archive>git usr/bin/git-upload-pack>git usr/share/bash-completion/completions/gitk>git
    usr/share/doc/git/contrib/hooks>../../../git-core/contrib/hooks usr/share/gitweb/index.cgi>gitweb.cgi`),
  p('git-man', '1:2.39.5-0+deb12u1', 'all doc optional foreign', 2053236, 2107, 'fast, scalable, distributed revision control system (manual pages)', { src: 'git', h: 'https://git-scm.com/', m: 'Jonathan Nieder <jrnieder@gmail.com>', suite: 'security' }, `
    usr/share/doc/git-man/changelog.Debian.gz usr/share/doc/git-man/changelog.gz usr/share/doc/git-man/copyright:19290
    usr/share/man/man1/git-add.1.gz usr/share/man/man1/git-am.1.gz usr/share/man/man1/git-annotate.1.gz usr/share/man/man1/git-apply.1.gz
    usr/share/man/man1/git-archive.1.gz usr/share/man/man1/git-bisect.1.gz usr/share/man/man3 usr/share/man/man3/Git.3pm.gz
    usr/share/man/man5/gitattributes.5.gz usr/share/man/man5/gitformat-bundle.5.gz usr/share/man/man5/gitformat-chunk.5.gz
    usr/share/man/man5/gitformat-commit-graph.5.gz usr/share/man/man5/gitformat-index.5.gz usr/share/man/man5/gitformat-pack.5.gz
    usr/share/man/man7/gitcli.7.gz usr/share/man/man7/gitcore-tutorial.7.gz usr/share/man/man7/gitcredentials.7.gz
    usr/share/man/man7/gitcvs-migration.7.gz usr/share/man/man7/gitdiffcore.7.gz usr/share/man/man7/giteveryday.7.gz`),
  p('jq', '1.6-2.1', 'amd64 utils optional foreign', 64432, 111, 'lightweight and flexible command-line JSON processor', { d: 'libjq1 (= 1.6-2.1), libc6 (>= 2.34)', h: 'https://github.com/stedolan/jq', m: 'ChangZhuo Chen (陳昌倬) <czchen@debian.org>' }, `
    usr/bin/jq*:30800 usr/share/doc/jq/AUTHORS.gz usr/share/doc/jq/README usr/share/doc/jq/changelog.Debian.gz usr/share/doc/jq/changelog.gz
    usr/share/doc/jq/copyright:20973 usr/share/man/man1/jq.1.gz`),
  p('krb5-locales', '1.20.1-2+deb12u2', 'all localization standard foreign', 63520, 273, 'internationalization support for MIT Kerberos', { src: 'krb5', h: 'https://web.mit.edu/kerberos/', m: 'Sam Hartman <hartmans@debian.org>' }, `
    usr/share/doc/krb5-locales/changelog.Debian.gz usr/share/doc/krb5-locales/copyright:63047 usr/share/locale/de/LC_MESSAGES/mit-krb5.mo
    usr/share/locale/en_US usr/share/locale/en_US/LC_MESSAGES usr/share/locale/en_US/LC_MESSAGES/mit-krb5.mo`),
  p('less', '590-2.1~deb12u2', 'amd64 text important foreign', 132044, 313, 'pager program similar to more', { d: 'libc6 (>= 2.34), libtinfo6 (>= 6)', h: 'http://www.greenwoodsoftware.com/less/', m: 'Milan Kupcevic <milan@debian.org>', suite: 'security' }, `
    usr/bin/less*:198960 usr/bin/lessecho*:14584 usr/bin/lesskey*:24200 usr/bin/lesspipe:9047%755 usr/lib/mime/packages/less:90
    usr/share/doc/less/LESSOPEN usr/share/doc/less/NEWS.gz usr/share/doc/less/README.Debian usr/share/doc/less/changelog.Debian.gz
    usr/share/doc/less/copyright:4579 usr/share/man/man1/less.1.gz usr/share/man/man1/lessecho.1.gz usr/share/man/man1/lesskey.1.gz
    usr/share/man/man1/lesspipe.1.gz usr/bin/lessfile>lesspipe usr/share/man/man1/lessfile.1.gz`),
  p('libbrotli1', '1.0.9-2+b6', 'amd64 libs optional same', 274704, 783, 'library implementing brotli encoder and decoder (shared libraries)', { d: 'libc6 (>= 2.29)', src: 'brotli', h: 'https://github.com/google/brotli', m: 'Tomasz Buchert <tomasz@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libbrotlicommon.so.1.0.9@libbrotlicommon.so.1:137376
    usr/lib/x86_64-linux-gnu/libbrotlidec.so.1.0.9@libbrotlidec.so.1:47264
    usr/lib/x86_64-linux-gnu/libbrotlienc.so.1.0.9@libbrotlienc.so.1:591920 usr/share/doc/libbrotli1/changelog.Debian.gz
    usr/share/doc/libbrotli1/copyright:1354 usr/share/lintian/overrides/libbrotli1
    usr/lib/x86_64-linux-gnu/libbrotlicommon.so.1>libbrotlicommon.so.1.0.9 usr/lib/x86_64-linux-gnu/libbrotlidec.so.1>libbrotlidec.so.1.0.9
    usr/lib/x86_64-linux-gnu/libbrotlienc.so.1>libbrotlienc.so.1.0.9`),
  p('libbsd0', '0.11.7-2', 'amd64 libs optional same', 117416, 202, 'utility functions from BSD systems - shared library', { d: 'libc6 (>= 2.34), libmd0 (>= 1.0.3-2)', src: 'libbsd', h: 'https://libbsd.freedesktop.org/', m: 'Guillem Jover <guillem@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libbsd.so.0.11.7@libbsd.so.0:84840 usr/share/doc/libbsd0/changelog.Debian.gz usr/share/doc/libbsd0/changelog.gz
    usr/share/doc/libbsd0/copyright:23960 usr/share/lintian/overrides/libbsd0 usr/lib/x86_64-linux-gnu/libbsd.so.0>libbsd.so.0.11.7`),
  p('libcbor0.8', '0.8.0-2+b1', 'amd64 libs optional same', 27436, 98, 'library for parsing and generating CBOR (RFC 7049)', { d: 'libc6 (>= 2.14)', src: 'libcbor (0.8.0-2)', h: 'https://github.com/PJK/libcbor', m: 'Vincent Bernat <bernat@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libcbor.so.0.8.0@libcbor.so.0.8:69192 usr/share/doc/libcbor0.8/README.md
    usr/share/doc/libcbor0.8/changelog.Debian.amd64.gz usr/share/doc/libcbor0.8/changelog.Debian.gz usr/share/doc/libcbor0.8/changelog.gz
    usr/share/doc/libcbor0.8/copyright:1526 usr/lib/x86_64-linux-gnu/libcbor.so.0.8>libcbor.so.0.8.0`),
  p('libcurl3-gnutls', '7.88.1-10+deb12u7', 'amd64 libs optional same', 386008, 828, 'easy-to-use client-side URL transfer library (GnuTLS flavour)', { d: 'libbrotli1 (>= 0.6.0), libc6 (>= 2.34), libgnutls30 (>= 3.7.5), libgssapi-krb5-2 (>= 1.17), libidn2-0 (>= 0.6), libldap-2.5-0 (>= 2.5.4), libnettle8, libnghttp2-14 (>= 1.50.0), libpsl5 (>= 0.16.0), librtmp1 (>= 2.3), libssh2-1 (>= 1.7.0), libzstd1 (>= 1.5.2), zlib1g (>= 1:1.1.4)', r: 'ca-certificates', src: 'curl', h: 'https://curl.se/', m: 'Alessandro Ghedini <ghedo@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4.8.0@libcurl-gnutls.so.4:695736 usr/share/doc/libcurl3-gnutls/changelog.Debian.gz
    usr/share/doc/libcurl3-gnutls/changelog.gz usr/share/doc/libcurl3-gnutls/copyright:21749 usr/share/lintian/overrides/libcurl3-gnutls
    usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.3>libcurl-gnutls.so.4 usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4>libcurl-gnutls.so.4.8.0`),
  p('libcurl4', '7.88.1-10+deb12u7', 'amd64 libs optional same', 392184, 840, 'easy-to-use client-side URL transfer library (OpenSSL flavour)', { d: 'libbrotli1 (>= 0.6.0), libc6 (>= 2.34), libgssapi-krb5-2 (>= 1.17), libidn2-0 (>= 0.6), libldap-2.5-0 (>= 2.5.4), libnghttp2-14 (>= 1.50.0), libpsl5 (>= 0.16.0), librtmp1 (>= 2.3), libssh2-1 (>= 1.7.0), libssl3 (>= 3.0.0), libzstd1 (>= 1.5.2), zlib1g (>= 1:1.1.4)', r: 'ca-certificates', rp: 'libcurl3', c: 'libcurl3', src: 'curl', h: 'https://curl.se/', m: 'Alessandro Ghedini <ghedo@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0@libcurl.so.4:712120 usr/share/doc/libcurl4/changelog.Debian.gz usr/share/doc/libcurl4/changelog.gz
    usr/share/doc/libcurl4/copyright:21749 usr/lib/x86_64-linux-gnu/libcurl.so.4>libcurl.so.4.8.0`),
  p('libedit2', '3.1-20221030-2', 'amd64 libs optional same', 92992, 258, 'BSD editline and history libraries', { d: 'libbsd0 (>= 0.1.3), libc6 (>= 2.33), libtinfo6 (>= 6)', rp: 'libedit-dev (<< 3.1-20180525-2~)', src: 'libedit', h: 'https://www.thrysoee.dk/editline/', m: 'LLVM Packaging Team <pkg-llvm-team@lists.alioth.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libedit.so.2.0.70@libedit.so.2:216640 usr/share/doc/libedit2/TODO.Debian usr/share/doc/libedit2/changelog.Debian.gz
    usr/share/doc/libedit2/changelog.gz usr/share/doc/libedit2/copyright:1840 usr/share/lintian/overrides/libedit2
    usr/share/man/man5/editrc.5edit.gz usr/share/man/man7/editline.7edit.gz usr/lib/x86_64-linux-gnu/libedit.so.2>libedit.so.2.0.70`),
  p('liberror-perl', '0.17029-2', 'all perl optional foreign', 29032, 73, 'Perl module for error/exception handling in an OO-ish way', { d: 'perl:any', h: 'https://metacpan.org/release/Error', m: 'Debian Perl Group <pkg-perl-maintainers@lists.alioth.debian.org>' }, `
    usr/share/doc/liberror-perl/changelog.Debian.gz usr/share/doc/liberror-perl/changelog.gz usr/share/doc/liberror-perl/copyright:2669
    usr/share/doc/liberror-perl/examples/example.pl usr/share/doc/liberror-perl/examples/next-in-loop/Error.pm-eval.pl
    usr/share/doc/liberror-perl/examples/next-in-loop/Error.pm-next-label.pl
    usr/share/doc/liberror-perl/examples/next-in-loop/Error.pm-next-out-of-catch.pl
    usr/share/doc/liberror-perl/examples/next-in-loop/Error.pm-next.pl usr/share/doc/liberror-perl/examples/next-in-loop/README
    usr/share/doc/liberror-perl/examples/warndie.pl usr/share/man/man3 usr/share/man/man3/Error.3pm.gz usr/share/man/man3/Error::Simple.3pm.gz
    usr/share/perl5/Error/Simple.pm:4069 usr/share/perl5/Error.pm:30152`),
  p('libexpat1', '2.5.0-1', 'amd64 libs optional same', 107940, 414, 'XML parsing C library - runtime library', { d: 'libc6 (>= 2.36)', src: 'expat', h: 'https://libexpat.github.io/', m: 'Laszlo Boszormenyi (GCS) <gcs@debian.org>' }, `
    lib/x86_64-linux-gnu/libexpat.so.1.8.10@libexpat.so.1:186472 usr/lib/x86_64-linux-gnu/libexpatw.so.1.8.10@libexpatw.so.1:186464
    usr/share/doc/libexpat1/AUTHORS usr/share/doc/libexpat1/changelog.Debian.gz usr/share/doc/libexpat1/changelog.gz
    usr/share/doc/libexpat1/copyright:1756 lib/x86_64-linux-gnu/libexpat.so.1>libexpat.so.1.8.10
    usr/lib/x86_64-linux-gnu/libexpatw.so.1>libexpatw.so.1.8.10`),
  p('libfido2-1', '1.12.0-2+b1', 'amd64 libs optional same', 77216, 241, 'library for generating and verifying FIDO 2.0 objects', { d: 'libc6 (>= 2.36), libcbor0.8 (>= 0.8.0), libssl3 (>= 3.0.0), libudev1 (>= 183), zlib1g (>= 1:1.1.4)', src: 'libfido2 (1.12.0-2)', h: 'https://developers.yubico.com/libfido2/', m: 'Debian Authentication Maintainers <pkg-auth-maintainers@lists.alioth.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libfido2.so.1.12.0@libfido2.so.1:219040 usr/share/doc/libfido2-1/changelog.Debian.amd64.gz
    usr/share/doc/libfido2-1/changelog.Debian.gz usr/share/doc/libfido2-1/copyright:3626
    usr/lib/x86_64-linux-gnu/libfido2.so.1>libfido2.so.1.12.0`),
  p('libgdbm-compat4', '1.23-3', 'amd64 libs optional same', 48156, 70, 'GNU dbm database routines (legacy support runtime version)', { d: 'libc6 (>= 2.33), libgdbm6 (>= 1.16)', src: 'gdbm', h: 'https://gnu.org/software/gdbm', m: 'Nicolas Mora <babelouest@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libgdbm_compat.so.4.0.0@libgdbm_compat.so.4:14176 usr/share/doc/libgdbm-compat4/changelog.Debian.gz
    usr/share/doc/libgdbm-compat4/changelog.gz usr/share/doc/libgdbm-compat4/copyright:2701
    usr/lib/x86_64-linux-gnu/libgdbm_compat.so.4>libgdbm_compat.so.4.0.0`),
  p('libgdbm6', '1.23-3', 'amd64 libs optional same', 72248, 129, 'GNU dbm database routines (runtime version)', { d: 'libc6 (>= 2.34)', s: 'gdbm-l10n (= 1.23-3)', src: 'gdbm', h: 'https://gnu.org/software/gdbm', m: 'Nicolas Mora <babelouest@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libgdbm.so.6.0.0@libgdbm.so.6:71704 usr/share/doc/libgdbm6/changelog.Debian.gz usr/share/doc/libgdbm6/changelog.gz
    usr/share/doc/libgdbm6/copyright:2701 usr/lib/x86_64-linux-gnu/libgdbm.so.6>libgdbm.so.6.0.0`),
  p('libgpm2', '1.20.7-10+b1', 'amd64 libs optional same', 14216, 45, 'General Purpose Mouse - shared library', { d: 'libc6 (>= 2.33)', s: 'gpm', src: 'gpm (1.20.7-10)', h: 'https://nico.schottelius.org/software/gpm/', m: 'Axel Beckert <abe@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libgpm.so.2@libgpm.so.2:26552 usr/share/doc/libgpm2/changelog.Debian.amd64.gz
    usr/share/doc/libgpm2/changelog.Debian.gz usr/share/doc/libgpm2/changelog.gz usr/share/doc/libgpm2/copyright:2719`),
  p('libgssapi-krb5-2', '1.20.1-2+deb12u2', 'amd64 libs optional same', 135168, 425, 'MIT Kerberos runtime libraries - krb5 GSS-API Mechanism', { d: 'libc6 (>= 2.33), libcom-err2 (>= 1.43.9), libk5crypto3 (>= 1.20), libkrb5-3 (= 1.20.1-2+deb12u2), libkrb5support0 (>= 1.15~beta1)', s: 'krb5-doc, krb5-user', b: 'moonshot-gss-eap (<= 1.0)', src: 'krb5', h: 'https://web.mit.edu/kerberos/', m: 'Sam Hartman <hartmans@debian.org>' }, `
    etc/gss/mech.d/ usr/lib/x86_64-linux-gnu/libgssapi_krb5.so.2.2@libgssapi_krb5.so.2:338680 usr/share/doc/libgssapi-krb5-2/changelog.Debian.gz
    usr/share/doc/libgssapi-krb5-2/copyright:63047 usr/share/lintian/overrides/libgssapi-krb5-2
    usr/lib/x86_64-linux-gnu/libgssapi_krb5.so.2>libgssapi_krb5.so.2.2`),
  p('libjq1', '1.6-2.1', 'amd64 libs optional same', 136460, 366, 'lightweight and flexible command-line JSON processor - shared library', { d: 'libc6 (>= 2.36), libonig5 (>= 6.8.1)', src: 'jq', h: 'https://github.com/stedolan/jq', m: 'ChangZhuo Chen (陳昌倬) <czchen@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libjq.so.1.0.4@libjq.so.1:321632 usr/share/doc/libjq1/changelog.Debian.gz usr/share/doc/libjq1/changelog.gz
    usr/share/doc/libjq1/copyright:20973 usr/lib/x86_64-linux-gnu/libjq.so.1>libjq.so.1.0.4`),
  p('libk5crypto3', '1.20.1-2+deb12u2', 'amd64 libs optional same', 79712, 261, 'MIT Kerberos runtime libraries - Crypto Library', { d: 'libc6 (>= 2.33), libkrb5support0 (>= 1.20)', s: 'krb5-doc, krb5-user', b: 'libgssapi-krb5-2 (<= 1.18~), libkrb5-3 (<= 1.18~)', src: 'krb5', h: 'https://web.mit.edu/kerberos/', m: 'Sam Hartman <hartmans@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libk5crypto.so.3.1@libk5crypto.so.3:183048 usr/share/doc/libk5crypto3/changelog.Debian.gz
    usr/share/doc/libk5crypto3/copyright:63047 usr/lib/x86_64-linux-gnu/libk5crypto.so.3>libk5crypto.so.3.1`),
  p('libkeyutils1', '1.6.3-2', 'amd64 libs optional same', 8808, 40, 'Linux Key Management Utilities (library)', { d: 'libc6 (>= 2.14)', src: 'keyutils', h: 'https://git.kernel.org/pub/scm/linux/kernel/git/dhowells/keyutils.git', m: 'Christian Kastner <ckk@debian.org>' }, `
    lib/x86_64-linux-gnu/libkeyutils.so.1.10@libkeyutils.so.1:22448 usr/share/doc/libkeyutils1/changelog.Debian.gz
    usr/share/doc/libkeyutils1/copyright:2104 lib/x86_64-linux-gnu/libkeyutils.so.1>libkeyutils.so.1.10`),
  p('libkrb5-3', '1.20.1-2+deb12u2', 'amd64 libs optional same', 332280, 1077, 'MIT Kerberos runtime libraries', { d: 'libc6 (>= 2.34), libcom-err2 (>= 1.43.9), libk5crypto3 (>= 1.20), libkeyutils1 (>= 1.5.9), libkrb5support0 (= 1.20.1-2+deb12u2), libssl3 (>= 3.0.0)', r: 'krb5-locales', s: 'krb5-doc, krb5-user', b: 'libapache2-mod-auth-kerb (<= 5.4-2.4), libsmbclient (<= 2:3.6.1-2), sssd (<= 1.2.1-4.3)', src: 'krb5', h: 'https://web.mit.edu/kerberos/', m: 'Sam Hartman <hartmans@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/krb5/plugins/libkrb5/ usr/lib/x86_64-linux-gnu/krb5/plugins/preauth/spake.so@spake.so.0:85592
    usr/lib/x86_64-linux-gnu/libkrb5.so.3.3@libkrb5.so.3:888080 usr/share/doc/libkrb5-3/README.Debian usr/share/doc/libkrb5-3/README.gz
    usr/share/doc/libkrb5-3/changelog.Debian.gz usr/share/doc/libkrb5-3/copyright:63047 usr/share/lintian/overrides/libkrb5-3
    usr/lib/x86_64-linux-gnu/libkrb5.so.3>libkrb5.so.3.3`),
  p('libkrb5support0', '1.20.1-2+deb12u2', 'amd64 libs optional same', 33212, 134, 'MIT Kerberos runtime libraries - Support library', { d: 'libc6 (>= 2.34)', b: 'libgssapi-krb5-2 (<< 1.20), libk5crypto3 (<< 1.20), libkadm5clnt-mit9 (<< 1.13~alpha1-1), libkadm5srv-mit9 (<< 1.13~alpha1-1), libkdb5-8 (<< 1.16)', src: 'krb5', h: 'https://web.mit.edu/kerberos/', m: 'Sam Hartman <hartmans@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libkrb5support.so.0.1@libkrb5support.so.0:52224 usr/share/doc/libkrb5support0/changelog.Debian.gz
    usr/share/doc/libkrb5support0/copyright:63047 usr/lib/x86_64-linux-gnu/libkrb5support.so.0>libkrb5support.so.0.1`),
  p('libldap-2.5-0', '2.5.13+dfsg-5', 'amd64 libs optional same', 183248, 553, 'OpenLDAP libraries', { d: 'libc6 (>= 2.34), libgnutls30 (>= 3.7.5), libsasl2-2 (>= 2.1.28+dfsg)', r: 'libldap-common', rp: 'libldap-2.3-0, libldap2', c: 'ldap-utils (<= 2.1.23-1)', src: 'openldap', h: 'https://www.openldap.org/', m: 'Debian OpenLDAP Maintainers <pkg-openldap-devel@lists.alioth.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/liblber-2.5.so.0.1.8@liblber-2.5.so.0:63832 usr/lib/x86_64-linux-gnu/libldap-2.5.so.0.1.8@libldap-2.5.so.0:380432
    usr/share/doc/libldap-2.5-0/README.Debian usr/share/doc/libldap-2.5-0/changelog.Debian.gz usr/share/doc/libldap-2.5-0/changelog.gz
    usr/share/doc/libldap-2.5-0/copyright:62837 usr/share/lintian/overrides/libldap-2.5-0
    usr/lib/x86_64-linux-gnu/liblber-2.5.so.0>liblber-2.5.so.0.1.8 usr/lib/x86_64-linux-gnu/libldap-2.5.so.0>libldap-2.5.so.0.1.8`),
  p('libldap-common', '2.5.13+dfsg-5', 'all libs optional foreign', 29348, 92, 'OpenLDAP common files for libraries', { rp: 'libldap-2.4-2 (<< 2.4.44+dfsg-1)', src: 'openldap', h: 'https://www.openldap.org/', m: 'Debian OpenLDAP Maintainers <pkg-openldap-devel@lists.alioth.debian.org>' }, `
    etc/ldap/ldap.conf:334 usr/share/doc/libldap-common/changelog.Debian.gz usr/share/doc/libldap-common/changelog.gz
    usr/share/doc/libldap-common/copyright:62837 usr/share/man/man5/ldap.conf.5.gz`),
  p('libncursesw6', '6.4-4', 'amd64 libs optional same', 133824, 412, 'shared libraries for terminal handling (wide character support)', { d: 'libtinfo6 (= 6.4-4), libc6 (>= 2.34)', r: 'libgpm2', src: 'ncurses', h: 'https://invisible-island.net/ncurses/', m: 'Craig Small <csmall@debian.org>' }, `
    lib/x86_64-linux-gnu/libncursesw.so.6.4@libncursesw.so.6:231344 usr/lib/x86_64-linux-gnu/libformw.so.6.4@libformw.so.6:77200
    usr/lib/x86_64-linux-gnu/libmenuw.so.6.4@libmenuw.so.6:43416 usr/lib/x86_64-linux-gnu/libpanelw.so.6.4@libpanelw.so.6:22528
    lib/x86_64-linux-gnu/libncursesw.so.6>libncursesw.so.6.4 usr/lib/x86_64-linux-gnu/libformw.so.6>libformw.so.6.4
    usr/lib/x86_64-linux-gnu/libmenuw.so.6>libmenuw.so.6.4 usr/lib/x86_64-linux-gnu/libpanelw.so.6>libpanelw.so.6.4
    usr/share/doc/libncursesw6>libtinfo6`),
  p('libnghttp2-14', '1.52.0-1+deb12u1', 'amd64 libs optional same', 72404, 220, 'library implementing HTTP/2 protocol (shared library)', { d: 'libc6 (>= 2.17)', src: 'nghttp2', h: 'https://nghttp2.org/', m: 'Tomasz Buchert <tomasz@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libnghttp2.so.14.24.1@libnghttp2.so.14:190928 usr/share/doc/libnghttp2-14/AUTHORS
    usr/share/doc/libnghttp2-14/README.rst.gz usr/share/doc/libnghttp2-14/changelog.Debian.gz usr/share/doc/libnghttp2-14/copyright:6535
    usr/lib/x86_64-linux-gnu/libnghttp2.so.14>libnghttp2.so.14.24.1`),
  p('libonig5', '6.9.8-1', 'amd64 libs optional same', 187828, 666, 'regular expressions library', { d: 'libc6 (>= 2.14)', src: 'libonig', h: 'https://github.com/kkos/oniguruma', m: 'Jörg Frings-Fürst <debian@jff.email>' }, `
    usr/lib/x86_64-linux-gnu/libonig.so.5.3.0@libonig.so.5:614016 usr/share/doc/libonig5/changelog.Debian.gz usr/share/doc/libonig5/changelog.gz
    usr/share/doc/libonig5/copyright:2491 usr/lib/x86_64-linux-gnu/libonig.so.5>libonig.so.5.3.0`),
  p('libperl5.36', '5.36.0-7+deb12u1', 'amd64 libs optional same', 4207640, 28875, 'shared Perl library', { d: 'libbz2-1.0, libc6 (>= 2.35), libcrypt1 (>= 1:4.1.0), libdb5.3, libgdbm-compat4 (>= 1.18-3), libgdbm6 (>= 1.21), zlib1g (>= 1:1.2.2.3), perl-modules-5.36 (>= 5.36.0-7+deb12u1)', s: 'sensible-utils', b: 'libcompress-raw-bzip2-perl (<< 2.103), libcompress-raw-zlib-perl (<< 2.105), libcompress-zlib-perl (<< 2.106), libdigest-md5-perl (<< 2.58), libdigest-sha-perl (<< 6.02), libencode-perl (<< 3.17), libfilter-perl (<< 1.60), libio-compress-base-perl (<< 2.106), libio-compress-bzip2-perl (<< 2.106), libio-compress-perl (<< 2.106), libio-compress-zlib-perl (<< 2.106), libmime-base64-perl (<< 3.16), libstorable-perl (<< 3.26), libsys-syslog-perl (<< 0.36), libthreads-perl (<< 2.27), libthreads-shared-perl (<< 1.64), libtime-hires-perl (<< 1.9770), libtime-piece-perl (<< 1.3401)', rp: 'libarchive-tar-perl (<= 1.38-2), libcompress-raw-bzip2-perl (<< 2.103), libcompress-raw-zlib-perl (<< 2.105), libcompress-zlib-perl (<< 2.106), libdigest-md5-perl (<< 2.58), libdigest-sha-perl (<< 6.02), libencode-perl (<< 3.17), libio-compress-base-perl (<< 2.106), libio-compress-bzip2-perl (<< 2.106), libio-compress-perl (<< 2.106), libio-compress-zlib-perl (<< 2.106), libmime-base64-perl (<< 3.16), libmodule-corelist-perl (<< 2.14-2), libstorable-perl (<< 3.26), libsys-syslog-perl (<< 0.36), libthreads-perl (<< 2.27), libthreads-shared-perl (<< 1.64), libtime-hires-perl (<< 1.9770), libtime-piece-perl (<< 1.3401), perl (<< 5.22.0~), perl-base (<< 5.22.0~)', src: 'perl', h: 'http://dev.perl.org/perl5/', m: 'Niko Tyni <ntyni@debian.org>' }, `
    usr/bin/cpan5.36-x86_64-linux-gnu:8381%755 usr/bin/perl5.36-x86_64-linux-gnu*:14752
    usr/lib/x86_64-linux-gnu/libperl.so.5.36.0@libperl.so.5.36:3832160 usr/lib/x86_64-linux-gnu/perl/5.36.0/B/Concise.pm:60764
    usr/lib/x86_64-linux-gnu/perl/5.36.0/B/Showlex.pm:5656 usr/lib/x86_64-linux-gnu/perl/5.36.0/B/Terse.pm:2905
    usr/lib/x86_64-linux-gnu/perl/5.36.0/B/Xref.pm:12494 usr/lib/x86_64-linux-gnu/perl/5.36.0/B.pm:30093
    usr/lib/x86_64-linux-gnu/perl/5.36.0/CORE/EXTERN.h:1576 usr/lib/x86_64-linux-gnu/perl/5.36.0/CORE/INTERN.h:1276
    usr/lib/x86_64-linux-gnu/perl/5.36.0/CORE/XSUB.h:24219 usr/lib/x86_64-linux-gnu/perl/5.36.0/CORE/av.h:6986
    usr/lib/x86_64-linux-gnu/perl/5.36.0/CORE/bitcount.h:1038 usr/lib/x86_64-linux-gnu/perl/5.36.0/CORE/charclass_invlists.h:4472989
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Compress/Raw/Bzip2.pm:10996 usr/lib/x86_64-linux-gnu/perl/5.36.0/Compress/Raw/Zlib.pm:47413
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Config.pm:3217 usr/lib/x86_64-linux-gnu/perl/5.36.0/Config.pod:257891
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Config_git.pl:409 usr/lib/x86_64-linux-gnu/perl/5.36.0/Config_heavy.pl:55786
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Cwd.pm:21277 usr/lib/x86_64-linux-gnu/perl/5.36.0/Data/Dumper.pm:45952
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Devel/PPPort.pm:632237 usr/lib/x86_64-linux-gnu/perl/5.36.0/Devel/Peek.pm:18043
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Digest/MD5.pm:10946 usr/lib/x86_64-linux-gnu/perl/5.36.0/Digest/SHA.pm:22174
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/Alias.pm:12545 usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/Byte.pm:2430
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/CJKConstants.pm:1683 usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/CN/HZ.pm:6084
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/CN.pm:2042 usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/Config.pm:6065
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/EBCDIC.pm:865 usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/JP/H2Z.pm:5142
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/JP/JIS7.pm:4262 usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/KR/2022_KR.pm:1977
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/MIME/Header/ISO_2022_JP.pm:3200 usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/MIME/Header.pm:16663
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/MIME/Name.pm:3821 usr/lib/x86_64-linux-gnu/perl/5.36.0/Encode/Unicode/UTF7.pm:3875
    usr/lib/x86_64-linux-gnu/perl/5.36.0/File/DosGlob.pm:7994 usr/lib/x86_64-linux-gnu/perl/5.36.0/File/Glob.pm:12642
    usr/lib/x86_64-linux-gnu/perl/5.36.0/File/Spec/AmigaOS.pm:982 usr/lib/x86_64-linux-gnu/perl/5.36.0/File/Spec/Cygwin.pm:3610
    usr/lib/x86_64-linux-gnu/perl/5.36.0/File/Spec/Epoc.pm:1571 usr/lib/x86_64-linux-gnu/perl/5.36.0/File/Spec/Functions.pm:2348
    usr/lib/x86_64-linux-gnu/perl/5.36.0/File/Spec/Mac.pm:22274 usr/lib/x86_64-linux-gnu/perl/5.36.0/File/Spec/OS2.pm:6766
    usr/lib/x86_64-linux-gnu/perl/5.36.0/File/Spec.pm:10562 usr/lib/x86_64-linux-gnu/perl/5.36.0/Filter/Util/Call.pm:14019
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Hash/Util/FieldHash.pm:29787 usr/lib/x86_64-linux-gnu/perl/5.36.0/Hash/Util.pm:25474
    usr/lib/x86_64-linux-gnu/perl/5.36.0/I18N/Langinfo.pm:6622 usr/lib/x86_64-linux-gnu/perl/5.36.0/IO/Dir.pm:5347
    usr/lib/x86_64-linux-gnu/perl/5.36.0/IO/File.pm:4872 usr/lib/x86_64-linux-gnu/perl/5.36.0/IO/Handle.pm:16641
    usr/lib/x86_64-linux-gnu/perl/5.36.0/IO/Pipe.pm:5482 usr/lib/x86_64-linux-gnu/perl/5.36.0/IO/Poll.pm:4529
    usr/lib/x86_64-linux-gnu/perl/5.36.0/IO/Seekable.pm:2891 usr/lib/x86_64-linux-gnu/perl/5.36.0/IO/Socket/INET.pm:12778
    usr/lib/x86_64-linux-gnu/perl/5.36.0/IO/Socket/UNIX.pm:3971 usr/lib/x86_64-linux-gnu/perl/5.36.0/IPC/Msg.pm:4520
    usr/lib/x86_64-linux-gnu/perl/5.36.0/IPC/Semaphore.pm:6422 usr/lib/x86_64-linux-gnu/perl/5.36.0/IPC/SharedMem.pm:5603
    usr/lib/x86_64-linux-gnu/perl/5.36.0/IPC/SysV.pm:4565 usr/lib/x86_64-linux-gnu/perl/5.36.0/List/Util/XS.pm:1018
    usr/lib/x86_64-linux-gnu/perl/5.36.0/List/Util.pm:26990 usr/lib/x86_64-linux-gnu/perl/5.36.0/MIME/Base64.pm:5433
    usr/lib/x86_64-linux-gnu/perl/5.36.0/MIME/QuotedPrint.pm:3280 usr/lib/x86_64-linux-gnu/perl/5.36.0/Math/BigInt/FastCalc.pm:6581
    usr/lib/x86_64-linux-gnu/perl/5.36.0/PerlIO/encoding.pm:1220 usr/lib/x86_64-linux-gnu/perl/5.36.0/PerlIO/mmap.pm:600
    usr/lib/x86_64-linux-gnu/perl/5.36.0/PerlIO/scalar.pm:1069 usr/lib/x86_64-linux-gnu/perl/5.36.0/PerlIO/via.pm:7215
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Scalar/Util.pm:10760 usr/lib/x86_64-linux-gnu/perl/5.36.0/Sub/Util.pm:4661
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Sys/Hostname.pm:3663 usr/lib/x86_64-linux-gnu/perl/5.36.0/Sys/Syslog.pm:47897
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Time/HiRes.pm:25689 usr/lib/x86_64-linux-gnu/perl/5.36.0/Time/Piece.pm:32204
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Time/Seconds.pm:5351 usr/lib/x86_64-linux-gnu/perl/5.36.0/Unicode/Collate/Locale.pm:18988
    usr/lib/x86_64-linux-gnu/perl/5.36.0/Unicode/Collate.pm:65615 usr/lib/x86_64-linux-gnu/perl/5.36.0/Unicode/Normalize.pm:19916
    usr/lib/x86_64-linux-gnu/perl/5.36.0/asm/bitsperlong.ph:454 usr/lib/x86_64-linux-gnu/perl/5.36.0/asm/ioctl.ph:92
    usr/lib/x86_64-linux-gnu/perl/5.36.0/asm/ioctls.ph:93 usr/lib/x86_64-linux-gnu/perl/5.36.0/asm/posix_types.ph:240
    usr/lib/x86_64-linux-gnu/perl/5.36.0/asm/posix_types_32.ph:243 usr/lib/x86_64-linux-gnu/perl/5.36.0/asm/posix_types_64.ph:243
    usr/lib/x86_64-linux-gnu/perl/5.36.0/asm-generic/bitsperlong.ph:510 usr/lib/x86_64-linux-gnu/perl/5.36.0/asm-generic/ioctl.ph:4060
    usr/lib/x86_64-linux-gnu/perl/5.36.0/asm-generic/ioctls.ph:6351 usr/lib/x86_64-linux-gnu/perl/5.36.0/asm-generic/posix_types.ph:933
    usr/lib/x86_64-linux-gnu/perl/5.36.0/asm-generic/socket.ph:7719 usr/lib/x86_64-linux-gnu/perl/5.36.0/asm-generic/sockios.ph:683
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/B/B.so@B.so:92992
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Compress/Raw/Bzip2/Bzip2.so@Bzip2.so:39344
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Compress/Raw/Zlib/Zlib.so@Zlib.so:72328
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Cwd/Cwd.so@Cwd.so:18800
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/DB_File/DB_File.so@DB_File.so:55760
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Data/Dumper/Dumper.so@Dumper.so:43712
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Devel/Peek/Peek.so@Peek.so:18848
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Digest/MD5/MD5.so@MD5.so:22912
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Digest/SHA/SHA.so@SHA.so:47392
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Encode/Byte/Byte.so@Byte.so:370936
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Encode/CN/CN.so@CN.so:2099448
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Encode/EBCDIC/EBCDIC.so@EBCDIC.so:47352
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Encode/Encode.so@Encode.so:47768
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Encode/JP/JP.so@JP.so:2750712
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Encode/KR/KR.so@KR.so:2414840
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Encode/Symbol/Symbol.so@Symbol.so:59640
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Encode/TW/TW.so@TW.so:2029816
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Encode/Unicode/Unicode.so@Unicode.so:22864
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Fcntl/Fcntl.so@Fcntl.so:22736
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/File/DosGlob/DosGlob.so@DosGlob.so:14320
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/File/Glob/Glob.so@Glob.so:31416
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Filter/Util/Call/Call.so@Call.so:14680
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/GDBM_File/GDBM_File.so@GDBM_File.so:56208
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Hash/Util/FieldHash/FieldHash.so@FieldHash.so:18848
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Hash/Util/Util.so@Util.so:18784
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/I18N/Langinfo/Langinfo.so@Langinfo.so:18760
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/IO/IO.so@IO.so:22976 usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/IPC/SysV/SysV.so@SysV.so:26952
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/List/Util/Util.so@Util.so:60208
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/MIME/Base64/Base64.so@Base64.so:18664
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Math/BigInt/FastCalc/FastCalc.so@FastCalc.so:18720
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/NDBM_File/NDBM_File.so@NDBM_File.so:18824
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/ODBM_File/ODBM_File.so@ODBM_File.so:22960
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Opcode/Opcode.so@Opcode.so:22952
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/POSIX/POSIX.so@POSIX.so:110256
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/PerlIO/encoding/encoding.so@encoding.so:27264
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/PerlIO/mmap/mmap.so@mmap.so:14648
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/PerlIO/scalar/scalar.so@scalar.so:22928
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/PerlIO/via/via.so@via.so:27256
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/SDBM_File/SDBM_File.so@SDBM_File.so:31312
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Socket/Socket.so@Socket.so:47640
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Storable/Storable.so@Storable.so:113672
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Sys/Hostname/Hostname.so@Hostname.so:14480
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Sys/Syslog/Syslog.so@Syslog.so:22880
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Time/HiRes/HiRes.so@HiRes.so:35240
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Time/Piece/Piece.so@Piece.so:27016
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Unicode/Collate/Collate.so@Collate.so:1579352
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/Unicode/Normalize/Normalize.so@Normalize.so:601032
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/attributes/attributes.so@attributes.so:14600
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/mro/mro.so@mro.so:27200 usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/re/re.so@re.so:659312
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/threads/shared/shared.so@shared.so:43752
    usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/threads/threads.so@threads.so:39824
    usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/atomic_wide_counter.ph:207 usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/byteswap.ph:1641
    usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/confname.ph:25034 usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/endian.ph:1036
    usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/endianness.ph:385 usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/environments.ph:2096
    usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/linux/ usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/types/__sigset_t.ph:299
    usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/types/__sigval_t.ph:243 usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/types/clock_t.ph:206
    usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/types/clockid_t.ph:212 usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/types/idtype_t.ph:410
    usr/lib/x86_64-linux-gnu/perl/5.36.0/bits/types/sig_atomic_t.ph:221 usr/lib/x86_64-linux-gnu/perl/5.36.0/gnu/stubs-64.ph:694
    usr/lib/x86_64-linux-gnu/perl/5.36.0/gnu/stubs.ph:294 usr/lib/x86_64-linux-gnu/perl/5.36.0/linux/ioctl.ph:196
    usr/lib/x86_64-linux-gnu/perl/5.36.0/linux/posix_types.ph:373 usr/lib/x86_64-linux-gnu/perl/5.36.0/linux/stddef.ph:935
    usr/lib/x86_64-linux-gnu/perl/5.36.0/machine/ usr/lib/x86_64-linux-gnu/perl/5.36.0/sys/cdefs.ph:30172
    usr/lib/x86_64-linux-gnu/perl/5.36.0/sys/ioctl.ph:459 usr/lib/x86_64-linux-gnu/perl/5.36.0/sys/select.ph:2451
    usr/lib/x86_64-linux-gnu/perl/5.36.0/sys/socket.ph:3227 usr/lib/x86_64-linux-gnu/perl/5.36.0/sys/syscall.ph:216
    usr/lib/x86_64-linux-gnu/perl/5.36.0/sys/syslog.ph:4032 usr/lib/x86_64-linux-gnu/perl/5.36.0/threads/shared.pm:20552
    usr/lib/x86_64-linux-gnu/perl/debian-config-data-5.36.0/README:2070
    usr/lib/x86_64-linux-gnu/perl/debian-config-data-5.36.0/config.sh.debug.gz:13271
    usr/lib/x86_64-linux-gnu/perl/debian-config-data-5.36.0/config.sh.shared.gz:13293
    usr/lib/x86_64-linux-gnu/perl/debian-config-data-5.36.0/config.sh.static.gz:13300 usr/share/doc/libperl5.36/changelog.Debian.gz
    usr/share/doc/libperl5.36/changelog.gz usr/share/doc/libperl5.36/copyright:109772 usr/share/lintian/overrides/libperl5.36
    usr/share/man/man1/cpan5.36-x86_64-linux-gnu.1.gz usr/share/man/man1/perl5.36-x86_64-linux-gnu.1.gz
    usr/lib/x86_64-linux-gnu/libperl.so.5.36>libperl.so.5.36.0 usr/lib/x86_64-linux-gnu/perl/5.36>5.36.0
    usr/lib/x86_64-linux-gnu/perl/cross-config-5.36.0/Config.pm>../5.36.0/Config.pm
    usr/lib/x86_64-linux-gnu/perl/cross-config-5.36.0/Config_heavy.pl>../5.36.0/Config_heavy.pl`),
  p('libpsl5', '0.21.2-1', 'amd64 libs optional same', 58684, 96, 'Library for Public Suffix List (shared libraries)', { d: 'libidn2-0 (>= 0.16), libc6 (>= 2.33), libunistring2 (>= 0.9.7)', r: 'publicsuffix (>= 20150507)', src: 'libpsl', h: 'https://github.com/rockdaboot/libpsl', m: 'Tim Rühsen <tim.ruehsen@gmx.de>' }, `
    usr/lib/x86_64-linux-gnu/libpsl.so.5.3.4@libpsl.so.5:75616 usr/share/doc/libpsl5/changelog.Debian.gz usr/share/doc/libpsl5/changelog.gz
    usr/share/doc/libpsl5/copyright:3310 usr/lib/x86_64-linux-gnu/libpsl.so.5>libpsl.so.5.3.4`),
  p('librtmp1', '2.4+20151223.gitfa8646d.1-2+b2', 'amd64 libs optional same', 60824, 146, 'toolkit for RTMP streams (shared library)', { d: 'libc6 (>= 2.14), libgmp10, libgnutls30 (>= 3.6.14), libhogweed6, libnettle8, zlib1g (>= 1:1.1.4)', src: 'rtmpdump (2.4+20151223.gitfa8646d.1-2)', h: 'http://rtmpdump.mplayerhq.hu/', m: 'Debian Multimedia Maintainers <debian-multimedia@lists.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/librtmp.so.1@librtmp.so.1:122280 usr/share/doc/librtmp1/changelog.Debian.amd64.gz
    usr/share/doc/librtmp1/changelog.Debian.gz usr/share/doc/librtmp1/changelog.gz usr/share/doc/librtmp1/copyright:2726`),
  p('libsasl2-2', '2.1.28+dfsg-10', 'amd64 libs optional same', 59908, 167, 'Cyrus SASL - authentication abstraction library', { d: 'libsasl2-modules-db (>= 2.1.28+dfsg-10), libc6 (>= 2.34)', r: 'libsasl2-modules (>= 2.1.28+dfsg-10)', rp: 'libsasl2', src: 'cyrus-sasl2', h: 'https://www.cyrusimap.org/sasl/', m: 'Debian Cyrus Team <team+cyrus@tracker.debian.org>' }, `
    usr/lib/sasl2/ usr/lib/x86_64-linux-gnu/libsasl2.so.2.0.25@libsasl2.so.2:113392 usr/share/doc/libsasl2-2/NEWS.Debian.gz
    usr/share/doc/libsasl2-2/README.Debian usr/share/doc/libsasl2-2/changelog.Debian.gz usr/share/doc/libsasl2-2/copyright:32354
    usr/share/man/man5/libsasl.5.gz usr/lib/x86_64-linux-gnu/libsasl2.so.2>libsasl2.so.2.0.25`),
  p('libsasl2-modules', '2.1.28+dfsg-10', 'amd64 libs optional same', 66868, 284, 'Cyrus SASL - pluggable authentication modules', { d: 'libc6 (>= 2.14), libssl3 (>= 3.0.0)', s: 'libsasl2-modules-gssapi-mit | libsasl2-modules-gssapi-heimdal, libsasl2-modules-ldap, libsasl2-modules-otp, libsasl2-modules-sql', b: 'libsasl2-modules-gssapi-mit (<< 2.1.28+dfsg-4)', rp: 'libsasl2-modules-gssapi-mit (<< 2.1.28+dfsg-4)', src: 'cyrus-sasl2', h: 'https://www.cyrusimap.org/sasl/', m: 'Debian Cyrus Team <team+cyrus@tracker.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/sasl2/libanonymous.so.2.0.25@libanonymous.so.2:18656
    usr/lib/x86_64-linux-gnu/sasl2/libcrammd5.so.2.0.25@libcrammd5.so.2:22752
    usr/lib/x86_64-linux-gnu/sasl2/libdigestmd5.so.2.0.25@libdigestmd5.so.2:60008
    usr/lib/x86_64-linux-gnu/sasl2/liblogin.so.2.0.25@liblogin.so.2:18656 usr/lib/x86_64-linux-gnu/sasl2/libntlm.so.2.0.25@libntlm.so.2:39136
    usr/lib/x86_64-linux-gnu/sasl2/libplain.so.2.0.25@libplain.so.2:18656 usr/share/doc/libsasl2-modules/NEWS.Debian.gz
    usr/share/doc/libsasl2-modules/changelog.Debian.gz usr/share/doc/libsasl2-modules/copyright:32354`),
  p('libsasl2-modules-db', '2.1.28+dfsg-10', 'amd64 libs optional same', 20524, 77, 'Cyrus SASL - pluggable authentication modules (DB)', { d: 'libc6 (>= 2.14), libdb5.3', src: 'cyrus-sasl2', h: 'https://www.cyrusimap.org/sasl/', m: 'Debian Cyrus Team <team+cyrus@tracker.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/sasl2/libsasldb.so.2.0.25@libsasldb.so.2:30632 usr/share/doc/libsasl2-modules-db/NEWS.Debian.gz
    usr/share/doc/libsasl2-modules-db/changelog.Debian.gz usr/share/doc/libsasl2-modules-db/copyright:32354
    usr/lib/x86_64-linux-gnu/sasl2/libsasldb.so>libsasldb.so.2.0.25 usr/lib/x86_64-linux-gnu/sasl2/libsasldb.so.2>libsasldb.so.2.0.25`),
  p('libsodium23', '1.0.18-1', 'amd64 libs optional same', 162044, 415, 'Network communication, cryptography and signaturing library', { d: 'libc6 (>= 2.34)', src: 'libsodium', h: 'https://www.libsodium.org/', m: 'Laszlo Boszormenyi (GCS) <gcs@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libsodium.so.23.3.0@libsodium.so.23:359112 usr/share/doc/libsodium23/AUTHORS.gz
    usr/share/doc/libsodium23/README.markdown usr/share/doc/libsodium23/THANKS usr/share/doc/libsodium23/changelog.Debian.gz
    usr/share/doc/libsodium23/changelog.gz usr/share/doc/libsodium23/copyright:7898 usr/lib/x86_64-linux-gnu/libsodium.so.23>libsodium.so.23.3.0`),
  p('libssh2-1', '1.10.0-3+b1', 'amd64 libs optional same', 175976, 353, 'SSH2 client-side library', { d: 'libc6 (>= 2.14), libssl3 (>= 3.0.0), zlib1g (>= 1:1.1.4)', src: 'libssh2', h: 'https://libssh2.org/', m: 'Nicolas Mora <babelouest@debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libssh2.so.1.0.1@libssh2.so.1:260552 usr/share/doc/libssh2-1/AUTHORS usr/share/doc/libssh2-1/RELEASE-NOTES
    usr/share/doc/libssh2-1/changelog.Debian.gz usr/share/doc/libssh2-1/changelog.gz usr/share/doc/libssh2-1/copyright:2099
    usr/lib/x86_64-linux-gnu/libssh2.so.1>libssh2.so.1.0.1`),
  p('libssl3', '3.0.14-1~deb12u2', 'amd64 libs optional same', 2039888, 6042, 'Secure Sockets Layer toolkit - shared libraries', { d: 'libc6 (>= 2.34)', src: 'openssl', h: 'https://www.openssl.org/', m: 'Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>', suite: 'security' }, `
    usr/lib/x86_64-linux-gnu/engines-3/afalg.so@afalg.so:22816 usr/lib/x86_64-linux-gnu/engines-3/loader_attic.so@loader_attic.so:51936
    usr/lib/x86_64-linux-gnu/engines-3/padlock.so@padlock.so:26688 usr/lib/x86_64-linux-gnu/libcrypto.so.3@libcrypto.so.3:4742424
    usr/lib/x86_64-linux-gnu/libssl.so.3@libssl.so.3:688160 usr/lib/x86_64-linux-gnu/ossl-modules/legacy.so@legacy.so:125000
    usr/share/doc/libssl3/changelog.Debian.gz usr/share/doc/libssl3/changelog.gz usr/share/doc/libssl3/copyright:2543`),
  p('libx11-6', '2:1.8.4-2+deb12u2', 'amd64 libs optional same', 759544, 1562, 'X11 client-side library', { d: 'libc6 (>= 2.34), libxcb1 (>= 1.11.1), libx11-data', b: 'libx11-xcb1 (<< 2:1.7.0-2)', src: 'libx11', m: 'Debian X Strike Force <debian-x@lists.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libX11.so.6.4.0@libX11.so.6:1318408 usr/share/doc/libx11-6/NEWS.Debian.gz
    usr/share/doc/libx11-6/changelog.Debian.gz usr/share/doc/libx11-6/changelog.gz usr/share/doc/libx11-6/copyright:47102
    usr/share/lintian/overrides/libx11-6 usr/lib/x86_64-linux-gnu/libX11.so.6>libX11.so.6.4.0`),
  p('libx11-data', '2:1.8.4-2+deb12u2', 'all x11 optional foreign', 291884, 1577, 'X11 client-side library', { src: 'libx11', m: 'Debian X Strike Force <debian-x@lists.debian.org>' }, `
    usr/share/X11/XErrorDB:42077 usr/share/X11/locale/C/Compose:0 usr/share/X11/locale/C/XI18N_OBJS:340 usr/share/X11/locale/C/XLC_LOCALE:632
    usr/share/X11/locale/am_ET.UTF-8/Compose:16980 usr/share/X11/locale/am_ET.UTF-8/XI18N_OBJS:0 usr/share/X11/locale/am_ET.UTF-8/XLC_LOCALE:0
    usr/share/X11/locale/armscii-8/Compose:306 usr/share/X11/locale/armscii-8/XI18N_OBJS:341 usr/share/X11/locale/armscii-8/XLC_LOCALE:907
    usr/share/X11/locale/compose.dir:35030 usr/share/X11/locale/cs_CZ.UTF-8/Compose:512 usr/share/X11/locale/cs_CZ.UTF-8/XI18N_OBJS:0
    usr/share/X11/locale/cs_CZ.UTF-8/XLC_LOCALE:0 usr/share/X11/locale/el_GR.UTF-8/Compose:124875 usr/share/X11/locale/el_GR.UTF-8/XI18N_OBJS:0
    usr/share/X11/locale/el_GR.UTF-8/XLC_LOCALE:0 usr/share/X11/locale/en_US.UTF-8/Compose:512443
    usr/share/X11/locale/en_US.UTF-8/XI18N_OBJS:346 usr/share/X11/locale/en_US.UTF-8/XLC_LOCALE:4074
    usr/share/X11/locale/fi_FI.UTF-8/Compose:36227 usr/share/X11/locale/fi_FI.UTF-8/XI18N_OBJS:0 usr/share/X11/locale/fi_FI.UTF-8/XLC_LOCALE:0
    usr/share/X11/locale/georgian-academy/Compose:313 usr/share/X11/locale/georgian-academy/XI18N_OBJS:348
    usr/share/X11/locale/georgian-academy/XLC_LOCALE:962 usr/share/X11/locale/georgian-ps/Compose:308
    usr/share/X11/locale/georgian-ps/XI18N_OBJS:343 usr/share/X11/locale/georgian-ps/XLC_LOCALE:923 usr/share/X11/locale/ibm-cp1133/Compose:307
    usr/share/X11/locale/ibm-cp1133/XI18N_OBJS:342 usr/share/X11/locale/ibm-cp1133/XLC_LOCALE:915 usr/share/X11/locale/iscii-dev/Compose:0
    usr/share/X11/locale/iscii-dev/XI18N_OBJS:341 usr/share/X11/locale/iscii-dev/XLC_LOCALE:907 usr/share/X11/locale/isiri-3342/Compose:0
    usr/share/X11/locale/isiri-3342/XI18N_OBJS:342 usr/share/X11/locale/isiri-3342/XLC_LOCALE:915 usr/share/X11/locale/iso8859-1/Compose:20458
    usr/share/X11/locale/iso8859-1/XI18N_OBJS:340 usr/share/X11/locale/iso8859-1/XLC_LOCALE:720 usr/share/X11/locale/iso8859-10/Compose:308
    usr/share/X11/locale/iso8859-10/XI18N_OBJS:342 usr/share/X11/locale/iso8859-10/XLC_LOCALE:769 usr/share/X11/locale/iso8859-11/Compose:0
    usr/share/X11/locale/iso8859-11/XI18N_OBJS:344 usr/share/X11/locale/iso8859-11/XLC_LOCALE:770 usr/share/X11/locale/iso8859-13/Compose:21247
    usr/share/X11/locale/iso8859-13/XI18N_OBJS:248 usr/share/X11/locale/iso8859-13/XLC_LOCALE:770 usr/share/X11/locale/iso8859-14/Compose:21014
    usr/share/X11/locale/iso8859-14/XI18N_OBJS:342 usr/share/X11/locale/iso8859-14/XLC_LOCALE:770 usr/share/X11/locale/iso8859-15/Compose:19367
    usr/share/X11/locale/iso8859-15/XI18N_OBJS:342 usr/share/X11/locale/iso8859-15/XLC_LOCALE:1054 usr/share/X11/locale/iso8859-2/Compose:23658
    usr/share/X11/locale/iso8859-2/XI18N_OBJS:248 usr/share/X11/locale/iso8859-2/XLC_LOCALE:763 usr/share/X11/locale/iso8859-3/Compose:22797
    usr/share/X11/locale/iso8859-3/XI18N_OBJS:341 usr/share/X11/locale/iso8859-3/XLC_LOCALE:763 usr/share/X11/locale/iso8859-4/Compose:16009
    usr/share/X11/locale/iso8859-4/XI18N_OBJS:341 usr/share/X11/locale/iso8859-4/XLC_LOCALE:763 usr/share/X11/locale/iso8859-5/Compose:307
    usr/share/X11/locale/iso8859-5/XI18N_OBJS:248 usr/share/X11/locale/iso8859-5/XLC_LOCALE:763 usr/share/X11/locale/iso8859-6/Compose:307
    usr/share/X11/locale/iso8859-6/XI18N_OBJS:341 usr/share/X11/locale/iso8859-6/XLC_LOCALE:763 usr/share/X11/locale/iso8859-7/Compose:10660
    usr/share/X11/locale/iso8859-7/XI18N_OBJS:248 usr/share/X11/locale/iso8859-7/XLC_LOCALE:763 usr/share/X11/locale/iso8859-8/Compose:307
    usr/share/X11/locale/iso8859-8/XI18N_OBJS:341 usr/share/X11/locale/iso8859-8/XLC_LOCALE:763 usr/share/X11/locale/iso8859-9/Compose:21703
    usr/share/X11/locale/iso8859-9/XI18N_OBJS:248 usr/share/X11/locale/iso8859-9/XLC_LOCALE:763 usr/share/X11/locale/iso8859-9e/Compose:22291
    usr/share/X11/locale/iso8859-9e/XI18N_OBJS:342 usr/share/X11/locale/iso8859-9e/XLC_LOCALE:942 usr/share/X11/locale/ja/Compose:299
    usr/share/X11/locale/ja/XI18N_OBJS:611 usr/share/X11/locale/ja/XLC_LOCALE:1613 usr/share/X11/locale/ja.JIS/Compose:303
    usr/share/X11/locale/ja.JIS/XI18N_OBJS:340 usr/share/X11/locale/ja.JIS/XLC_LOCALE:1681 usr/share/X11/locale/ja.SJIS/Compose:304
    usr/share/X11/locale/ja.SJIS/XI18N_OBJS:481 usr/share/X11/locale/ja.SJIS/XLC_LOCALE:5138 usr/share/X11/locale/ja_JP.UTF-8/Compose:52
    usr/share/X11/locale/ja_JP.UTF-8/XI18N_OBJS:347 usr/share/X11/locale/ja_JP.UTF-8/XLC_LOCALE:2161 usr/share/X11/locale/km_KH.UTF-8/Compose:52
    usr/share/X11/locale/km_KH.UTF-8/XI18N_OBJS:299 usr/share/X11/locale/km_KH.UTF-8/XLC_LOCALE:0 usr/share/X11/locale/ko/Compose:299
    usr/share/X11/locale/ko/XI18N_OBJS:240 usr/share/X11/locale/ko/XLC_LOCALE:789 usr/share/X11/locale/ko_KR.UTF-8/Compose:52
    usr/share/X11/locale/ko_KR.UTF-8/XI18N_OBJS:347 usr/share/X11/locale/ko_KR.UTF-8/XLC_LOCALE:2160 usr/share/X11/locale/koi8-c/Compose:6257
    usr/share/X11/locale/koi8-c/XI18N_OBJS:338 usr/share/X11/locale/koi8-c/XLC_LOCALE:883 usr/share/X11/locale/koi8-r/Compose:303
    usr/share/X11/locale/koi8-r/XI18N_OBJS:338 usr/share/X11/locale/koi8-r/XLC_LOCALE:886 usr/share/X11/locale/koi8-u/Compose:303
    usr/share/X11/locale/koi8-u/XI18N_OBJS:338 usr/share/X11/locale/koi8-u/XLC_LOCALE:883 usr/share/X11/locale/locale.alias:76784
    usr/share/X11/locale/locale.dir:38432 usr/share/X11/locale/microsoft-cp1251/Compose:0 usr/share/X11/locale/microsoft-cp1251/XI18N_OBJS:348
    usr/share/X11/locale/microsoft-cp1251/XLC_LOCALE:990 usr/share/X11/locale/microsoft-cp1255/Compose:0
    usr/share/X11/locale/microsoft-cp1255/XI18N_OBJS:348 usr/share/X11/locale/microsoft-cp1255/XLC_LOCALE:990
    usr/share/X11/locale/microsoft-cp1256/Compose:0 usr/share/X11/locale/microsoft-cp1256/XI18N_OBJS:348
    usr/share/X11/locale/microsoft-cp1256/XLC_LOCALE:990 usr/share/X11/locale/mulelao-1/Compose:306
    usr/share/X11/locale/mulelao-1/XI18N_OBJS:341 usr/share/X11/locale/mulelao-1/XLC_LOCALE:907 usr/share/X11/locale/nokhchi-1/Compose:0
    usr/share/X11/locale/nokhchi-1/XI18N_OBJS:341 usr/share/X11/locale/nokhchi-1/XLC_LOCALE:908 usr/share/X11/locale/pt_BR.UTF-8/Compose:1544
    usr/share/X11/locale/pt_BR.UTF-8/XI18N_OBJS:345 usr/share/X11/locale/pt_BR.UTF-8/XLC_LOCALE:2006
    usr/share/X11/locale/pt_PT.UTF-8/Compose:192 usr/share/X11/locale/pt_PT.UTF-8/XI18N_OBJS:345
    usr/share/X11/locale/pt_PT.UTF-8/XLC_LOCALE:2006 usr/share/X11/locale/ru_RU.UTF-8/Compose:52 usr/share/X11/locale/ru_RU.UTF-8/XI18N_OBJS:345
    usr/share/X11/locale/ru_RU.UTF-8/XLC_LOCALE:2266 usr/share/X11/locale/sr_RS.UTF-8/Compose:4878
    usr/share/X11/locale/sr_RS.UTF-8/XI18N_OBJS:299 usr/share/X11/locale/sr_RS.UTF-8/XLC_LOCALE:0 usr/share/X11/locale/tatar-cyr/Compose:0
    usr/share/X11/locale/tatar-cyr/XI18N_OBJS:341 usr/share/X11/locale/tatar-cyr/XLC_LOCALE:934 usr/share/X11/locale/th_TH/Compose:0
    usr/share/X11/locale/th_TH/XI18N_OBJS:337 usr/share/X11/locale/th_TH/XLC_LOCALE:758 usr/share/X11/locale/th_TH.UTF-8/Compose:52
    usr/share/X11/locale/th_TH.UTF-8/XI18N_OBJS:347 usr/share/X11/locale/th_TH.UTF-8/XLC_LOCALE:1007 usr/share/X11/locale/tscii-0/Compose:0
    usr/share/X11/locale/tscii-0/XI18N_OBJS:339 usr/share/X11/locale/tscii-0/XLC_LOCALE:893 usr/share/X11/locale/vi_VN.tcvn/Compose:5509
    usr/share/X11/locale/vi_VN.tcvn/XI18N_OBJS:342 usr/share/X11/locale/vi_VN.tcvn/XLC_LOCALE:907 usr/share/X11/locale/vi_VN.viscii/Compose:5509
    usr/share/X11/locale/vi_VN.viscii/XI18N_OBJS:344 usr/share/X11/locale/vi_VN.viscii/XLC_LOCALE:923 usr/share/X11/locale/zh_CN/Compose:299
    usr/share/X11/locale/zh_CN/XI18N_OBJS:338 usr/share/X11/locale/zh_CN/XLC_LOCALE:787 usr/share/X11/locale/zh_CN.UTF-8/Compose:52
    usr/share/X11/locale/zh_CN.UTF-8/XI18N_OBJS:347 usr/share/X11/locale/zh_CN.UTF-8/XLC_LOCALE:1901
    usr/share/X11/locale/zh_CN.gb18030/Compose:310 usr/share/X11/locale/zh_CN.gb18030/XI18N_OBJS:347
    usr/share/X11/locale/zh_CN.gb18030/XLC_LOCALE:1413 usr/share/X11/locale/zh_CN.gbk/Compose:306 usr/share/X11/locale/zh_CN.gbk/XI18N_OBJS:343
    usr/share/X11/locale/zh_CN.gbk/XLC_LOCALE:1165 usr/share/X11/locale/zh_HK.UTF-8/Compose:52 usr/share/X11/locale/zh_HK.UTF-8/XI18N_OBJS:345
    usr/share/X11/locale/zh_HK.UTF-8/XLC_LOCALE:1668 usr/share/X11/locale/zh_HK.big5/Compose:305 usr/share/X11/locale/zh_HK.big5/XI18N_OBJS:344
    usr/share/X11/locale/zh_HK.big5/XLC_LOCALE:1053 usr/share/X11/locale/zh_HK.big5hkscs/Compose:310
    usr/share/X11/locale/zh_HK.big5hkscs/XI18N_OBJS:349 usr/share/X11/locale/zh_HK.big5hkscs/XLC_LOCALE:1097
    usr/share/X11/locale/zh_TW/Compose:302 usr/share/X11/locale/zh_TW/XI18N_OBJS:244 usr/share/X11/locale/zh_TW/XLC_LOCALE:2283
    usr/share/X11/locale/zh_TW.UTF-8/Compose:52 usr/share/X11/locale/zh_TW.UTF-8/XI18N_OBJS:345 usr/share/X11/locale/zh_TW.UTF-8/XLC_LOCALE:1228
    usr/share/X11/locale/zh_TW.big5/Compose:307 usr/share/X11/locale/zh_TW.big5/XI18N_OBJS:344 usr/share/X11/locale/zh_TW.big5/XLC_LOCALE:9519
    usr/share/doc/libx11-data/changelog.Debian.gz usr/share/doc/libx11-data/changelog.gz usr/share/doc/libx11-data/copyright:47102
    usr/share/man/man5/Compose.5.gz usr/share/man/man5/XCompose.5.gz`),
  p('libxau6', '1:1.0.9-1', 'amd64 libs optional same', 19720, 42, 'X11 authorisation library', { d: 'libc6 (>= 2.4)', src: 'libxau', m: 'Debian X Strike Force <debian-x@lists.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libXau.so.6.0.0@libXau.so.6:14496 usr/share/doc/libxau6/changelog.Debian.gz usr/share/doc/libxau6/changelog.gz
    usr/share/doc/libxau6/copyright:1224 usr/lib/x86_64-linux-gnu/libXau.so.6>libXau.so.6.0.0`),
  p('libxcb1', '1.15-1', 'amd64 libs optional same', 144052, 296, 'X C Binding', { d: 'libc6 (>= 2.14), libxau6 (>= 1:1.0.9), libxdmcp6', b: 'alsa-utils (<< 1.0.24.2-5)', src: 'libxcb', h: 'https://xcb.freedesktop.org', m: 'Debian X Strike Force <debian-x@lists.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libxcb.so.1.1.0@libxcb.so.1:166824 usr/share/doc/libxcb1/changelog.Debian.gz usr/share/doc/libxcb1/changelog.gz
    usr/share/doc/libxcb1/copyright:1781 usr/lib/x86_64-linux-gnu/libxcb.so.1>libxcb.so.1.1.0`),
  p('libxdmcp6', '1:1.1.2-3', 'amd64 libs optional same', 26344, 53, 'X11 Display Manager Control Protocol library', { d: 'libbsd0 (>= 0.2.0), libc6 (>= 2.4)', src: 'libxdmcp', m: 'Debian X Strike Force <debian-x@lists.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libXdmcp.so.6.0.0@libXdmcp.so.6:22728 usr/share/doc/libxdmcp6/changelog.Debian.gz
    usr/share/doc/libxdmcp6/changelog.gz usr/share/doc/libxdmcp6/copyright:1265 usr/lib/x86_64-linux-gnu/libXdmcp.so.6>libXdmcp.so.6.0.0`),
  p('libxext6', '2:1.3.4-1+b1', 'amd64 libs optional same', 52932, 132, 'X11 miscellaneous extension library', { d: 'libc6 (>= 2.14), libx11-6 (>= 2:1.6.0)', src: 'libxext (2:1.3.4-1)', m: 'Debian X Strike Force <debian-x@lists.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libXext.so.6.4.0@libXext.so.6:81568 usr/share/doc/libxext6/changelog.Debian.amd64.gz
    usr/share/doc/libxext6/changelog.Debian.gz usr/share/doc/libxext6/changelog.gz usr/share/doc/libxext6/copyright:10421
    usr/lib/x86_64-linux-gnu/libXext.so.6>libXext.so.6.4.0`),
  p('libxmuu1', '2:1.1.3-3', 'amd64 libs optional same', 23928, 54, 'X11 miscellaneous micro-utility library', { d: 'libc6 (>= 2.4), libx11-6', src: 'libxmu', m: 'Debian X Strike Force <debian-x@lists.debian.org>' }, `
    usr/lib/x86_64-linux-gnu/libXmuu.so.1.0.0@libXmuu.so.1:22664 usr/share/doc/libxmuu1/changelog.Debian.gz usr/share/doc/libxmuu1/changelog.gz
    usr/share/doc/libxmuu1/copyright:3636 usr/lib/x86_64-linux-gnu/libXmuu.so.1>libXmuu.so.1.0.0`),
  p('nano', '7.2-1', 'amd64 editors important', 689556, 2804, 'small, friendly text editor inspired by Pico', { d: 'libc6 (>= 2.34), libncursesw6 (>= 6), libtinfo6 (>= 6)', s: 'hunspell', b: 'nano-tiny (<< 2.8.6-2)', rp: 'nano-tiny (<< 2.8.6-2), pico', c: 'pico', h: 'https://www.nano-editor.org/', m: 'Jordi Mallach <jordi@debian.org>' }, `
    bin/nano*:287480 etc/nanorc:11424 usr/share/doc/nano/AUTHORS usr/share/doc/nano/IMPROVEMENTS.gz usr/share/doc/nano/NEWS.gz
    usr/share/doc/nano/README.gz usr/share/doc/nano/THANKS.gz usr/share/doc/nano/TODO usr/share/doc/nano/examples/sample.nanorc
    usr/share/doc-base/nano.nano:269 usr/share/doc-base/nano.nano-faq:335 usr/share/info/nano.info.gz usr/share/locale/bg/LC_MESSAGES/nano.mo
    usr/share/locale/ca/LC_MESSAGES/nano.mo usr/share/locale/cs/LC_MESSAGES/nano.mo usr/share/locale/da/LC_MESSAGES/nano.mo
    usr/share/locale/de/LC_MESSAGES/nano.mo usr/share/locale/eo/LC_MESSAGES/nano.mo usr/share/locale/es/LC_MESSAGES/nano.mo
    usr/share/locale/eu/LC_MESSAGES/nano.mo usr/share/locale/fi/LC_MESSAGES/nano.mo usr/share/locale/fr/LC_MESSAGES/nano.mo
    usr/share/locale/ga/LC_MESSAGES/nano.mo usr/share/locale/gl/LC_MESSAGES/nano.mo usr/share/locale/hr/LC_MESSAGES/nano.mo
    usr/share/locale/hu/LC_MESSAGES/nano.mo usr/share/locale/id/LC_MESSAGES/nano.mo usr/share/locale/is/LC_MESSAGES/nano.mo
    usr/share/locale/it/LC_MESSAGES/nano.mo usr/share/locale/ja/LC_MESSAGES/nano.mo usr/share/locale/ka/LC_MESSAGES/nano.mo
    usr/share/locale/ko/LC_MESSAGES/nano.mo usr/share/locale/ms/LC_MESSAGES/nano.mo usr/share/locale/nb/LC_MESSAGES/nano.mo
    usr/share/locale/nl/LC_MESSAGES/nano.mo usr/share/locale/pl/LC_MESSAGES/nano.mo usr/share/locale/pt/LC_MESSAGES/nano.mo
    usr/share/locale/pt_BR/LC_MESSAGES/nano.mo usr/share/locale/ro/LC_MESSAGES/nano.mo usr/share/locale/ru/LC_MESSAGES/nano.mo
    usr/share/locale/sk/LC_MESSAGES/nano.mo usr/share/locale/sl/LC_MESSAGES/nano.mo usr/share/locale/sq/LC_MESSAGES/nano.mo
    usr/share/locale/sr/LC_MESSAGES/nano.mo usr/share/locale/sv/LC_MESSAGES/nano.mo usr/share/locale/tr/LC_MESSAGES/nano.mo
    usr/share/locale/uk/LC_MESSAGES/nano.mo usr/share/locale/vi/LC_MESSAGES/nano.mo usr/share/locale/zh_CN/LC_MESSAGES/nano.mo
    usr/share/locale/zh_TW/LC_MESSAGES/nano.mo usr/share/man/man1/nano.1.gz usr/share/man/man1/rnano.1.gz usr/share/man/man5/nanorc.5.gz
    usr/share/nano/asm.nanorc:714 usr/share/nano/autoconf.nanorc:635 usr/share/nano/awk.nanorc:1339 usr/share/nano/c.nanorc:1926
    usr/share/nano/changelog.nanorc:790 usr/share/nano/cmake.nanorc:824 usr/share/nano/debian/debian.nanorc:801
    usr/share/nano/extra/ada.nanorc:1263 usr/share/nano/extra/fortran.nanorc:1959 usr/share/nano/extra/haskell.nanorc:1009
    usr/share/nano/extra/povray.nanorc:637 usr/share/nano/extra/spec.nanorc:2017 bin/rnano>nano`),
  p('netbase', '6.4', 'all admin important foreign', 12800, 36, 'Basic TCP/IP networking system', { b: 'ebtables (<< 2.0.11-2)', rp: 'ebtables (<< 2.0.11-2)', m: 'Marco d\'Itri <md@linux.it>' }, `
    etc/ethertypes:1853 etc/protocols:3144 etc/rpc:911 etc/services:12813 usr/share/doc/netbase/changelog.gz
    usr/share/doc/netbase/copyright:1234`),
  p('openssh-client', '1:9.2p1-2+deb12u3', 'amd64 net standard foreign', 993532, 5801, 'secure shell (SSH) client, for secure access to remote machines', { d: 'adduser, passwd, libc6 (>= 2.36), libedit2 (>= 2.11-20080614-0), libfido2-1 (>= 1.8.0), libgssapi-krb5-2 (>= 1.17), libselinux1 (>= 3.1~), libssl3 (>= 3.0.14-1~deb12u2), zlib1g (>= 1:1.1.4)', r: 'xauth', s: 'keychain, libpam-ssh, monkeysphere, ssh-askpass', pv: 'ssh-client', b: 'openssh-sk-helper', rp: 'openssh-sk-helper, ssh, ssh-krb5', c: 'sftp', src: 'openssh', h: 'https://www.openssh.com/', m: 'Debian OpenSSH Maintainers <debian-ssh@lists.debian.org>' }, `
    etc/ssh/ssh_config:1650 etc/ssh/ssh_config.d/ usr/bin/scp*:273024 usr/bin/sftp*:289376 usr/bin/ssh*:1129504 usr/bin/ssh-add*:530880
    usr/bin/ssh-agent*:485760%2755 usr/bin/ssh-argv0:1455%755 usr/bin/ssh-copy-id:12676%755 usr/bin/ssh-keygen*:661952
    usr/bin/ssh-keyscan*:637408 usr/lib/openssh/agent-launch:736%755 usr/lib/openssh/ssh-keysign*:657984%4755
    usr/lib/openssh/ssh-pkcs11-helper*:469360 usr/lib/openssh/ssh-sk-helper*:465264 usr/lib/systemd/user/ssh-agent.service:287
    usr/share/apport/package-hooks/openssh-client.py:1213 usr/share/doc/openssh-client/NEWS.Debian.gz usr/share/doc/openssh-client/OVERVIEW.gz
    usr/share/doc/openssh-client/README usr/share/doc/openssh-client/README.Debian.gz usr/share/doc/openssh-client/README.dns
    usr/share/doc/openssh-client/README.tun.gz usr/share/lintian/overrides/openssh-client usr/share/man/man1/scp.1.gz
    usr/share/man/man1/sftp.1.gz usr/share/man/man1/ssh-add.1.gz usr/share/man/man1/ssh-agent.1.gz usr/share/man/man1/ssh-argv0.1.gz
    usr/share/man/man1/ssh-copy-id.1.gz usr/share/man/man5/ssh_config.5.gz usr/share/man/man8/ssh-keysign.8.gz
    usr/share/man/man8/ssh-pkcs11-helper.8.gz usr/share/man/man8/ssh-sk-helper.8.gz usr/bin/slogin>ssh
    usr/lib/systemd/user/graphical-session-pre.target.wants/ssh-agent.service>../ssh-agent.service`),
  p('openssl', '3.0.14-1~deb12u2', 'amd64 utils optional foreign', 1441784, 2315, 'Secure Sockets Layer toolkit - cryptographic utility', { d: 'libc6 (>= 2.34), libssl3 (>= 3.0.9)', s: 'ca-certificates', h: 'https://www.openssl.org/', m: 'Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>', suite: 'security' }, `
    etc/ssl/certs/ etc/ssl/openssl.cnf:12332 etc/ssl/private/%700 usr/bin/c_rehash:6925%755 usr/bin/openssl*:976136
    usr/lib/ssl/misc/CA.pl:13397%755 usr/lib/ssl/misc/tsget.pl:6743%755 usr/share/doc/openssl/HOWTO/certificates.txt.gz
    usr/share/doc/openssl/HOWTO/keys.txt usr/share/doc/openssl/NEWS.Debian.gz usr/share/doc/openssl/NEWS.md.gz
    usr/share/doc/openssl/README-ENGINES.md.gz usr/share/doc/openssl/README.Debian usr/share/doc/openssl/README.md.gz
    usr/share/doc/openssl/README.optimization usr/share/lintian/overrides/openssl usr/share/man/man1/CA.pl.1ssl.gz
    usr/share/man/man1/openssl-asn1parse.1ssl.gz usr/share/man/man1/openssl-ca.1ssl.gz usr/share/man/man1/openssl-ciphers.1ssl.gz
    usr/share/man/man1/openssl-cmds.1ssl.gz usr/share/man/man1/openssl-cmp.1ssl.gz usr/share/man/man5/config.5ssl.gz
    usr/share/man/man5/fips_config.5ssl.gz usr/share/man/man5/x509v3_config.5ssl.gz usr/share/man/man7/EVP_ASYM_CIPHER-RSA.7ssl.gz
    usr/share/man/man7/EVP_ASYM_CIPHER-SM2.7ssl.gz usr/share/man/man7/EVP_CIPHER-AES.7ssl.gz usr/share/man/man7/EVP_CIPHER-ARIA.7ssl.gz
    usr/share/man/man7/EVP_CIPHER-BLOWFISH.7ssl.gz usr/share/man/man7/EVP_CIPHER-CAMELLIA.7ssl.gz
    usr/lib/ssl/cert.pem>/etc/ssl/certs/ca-certificates.crt usr/lib/ssl/certs>/etc/ssl/certs usr/lib/ssl/misc/tsget>tsget.pl
    usr/lib/ssl/openssl.cnf>/etc/ssl/openssl.cnf usr/lib/ssl/private>/etc/ssl/private`),
  p('patch', '2.7.6-7', 'amd64 vcs optional foreign', 127848, 248, 'Apply a diff file to an original', { d: 'libc6 (>= 2.17)', s: 'ed, diffutils-doc', h: 'https://savannah.gnu.org/projects/patch/', m: 'Laszlo Boszormenyi (GCS) <gcs@debian.org>' }, `
    usr/bin/patch*:191936 usr/share/doc/patch/AUTHORS usr/share/doc/patch/NEWS.Debian.gz usr/share/doc/patch/NEWS.gz usr/share/doc/patch/README
    usr/share/doc/patch/changelog.Debian.gz usr/share/doc/patch/changelog.gz usr/share/man/man1/patch.1.gz`),
  p('perl', '5.36.0-7+deb12u1', 'amd64 perl standard allowed', 239392, 670, 'Larry Wall\'s Practical Extraction and Report Language', { d: 'perl-base (= 5.36.0-7+deb12u1), perl-modules-5.36 (>= 5.36.0-7+deb12u1), libperl5.36 (= 5.36.0-7+deb12u1)', pd: 'dpkg (>= 1.17.17)', r: 'netbase', s: 'perl-doc, libterm-readline-gnu-perl | libterm-readline-perl-perl, make, libtap-harness-archive-perl', pv: 'libansicolor-perl (= 5.01), libarchive-tar-perl (= 2.40), libattribute-handlers-perl (= 1.02), libautodie-perl (= 2.34), libcompress-raw-bzip2-perl (= 2.103), libcompress-raw-zlib-perl (= 2.105), libcompress-zlib-perl (= 2.106), libcpan-meta-perl (= 2.150010), libcpan-meta-requirements-perl (= 2.140), libcpan-meta-yaml-perl (= 0.018), libdigest-md5-perl (= 2.58), libdigest-perl (= 1.20), libdigest-sha-perl (= 6.02), libencode-perl (= 3.17), libexperimental-perl (= 0.028), libextutils-cbuilder-perl (= 0.280236), libextutils-command-perl (= 7.64), libextutils-install-perl (= 2.20), libextutils-parsexs-perl (= 3.450000), libfile-spec-perl (= 3.8400), libhttp-tiny-perl (= 0.080), libi18n-langtags-perl (= 0.45), libio-compress-base-perl (= 2.106), libio-compress-bzip2-perl (= 2.106), libio-compress-perl (= 2.106), libio-compress-zlib-perl (= 2.106), libio-zlib-perl (= 1.11), libjson-pp-perl (= 4.07000), liblocale-maketext-perl (= 1.31), liblocale-maketext-simple-perl (= 0.21.01), libmath-bigint-perl (= 1.999830), libmath-complex-perl (= 1.5902), libmime-base64-perl (= 3.16), libmodule-corelist-perl (= 5.20220520), libmodule-load-conditional-perl (= 0.74), libmodule-load-perl (= 0.36), libmodule-metadata-perl (= 1.000037), libnet-perl (= 1:3.14), libnet-ping-perl (= 2.74), libparams-check-perl (= 0.38), libparent-perl (= 0.238), libparse-cpan-meta-perl (= 2.150010), libperl-ostype-perl (= 1.010), libpod-escapes-perl (= 1.07), libpod-simple-perl (= 3.43), libstorable-perl (= 3.26), libsys-syslog-perl (= 0.36), libtest-harness-perl (= 3.44), libtest-simple-perl (= 1.302190), libtest-tester-perl (= 1.302190), libtest-use-ok-perl (= 1.302190), libtext-balanced-perl (= 2.04), libthread-queue-perl (= 3.14), libthreads-perl (= 2.27), libthreads-shared-perl (= 1.64), libtime-hires-perl (= 1.9770), libtime-local-perl (= 1.3000), libtime-piece-perl (= 1.3401), libunicode-collate-perl (= 1.31), libversion-perl (= 1:0.9929), libversion-requirements-perl, podlators-perl (= 4.14)', b: 'apt-show-versions (<< 0.22.10), libdist-inkt-perl (<< 0.024-5), libmarc-charset-perl (<< 1.35-3), libperl-dev (<< 5.24.0~), perl-doc (<< 5.36.0-1), perl-modules-5.22, perl-modules-5.24, perl-modules-5.26 (<< 5.26.2-5)', rp: 'perl-base (<< 5.36.0-2), perl-modules (<< 5.22.0~)', c: 'libjson-pp-perl (<< 2.27200-2)', h: 'http://dev.perl.org/perl5/', m: 'Niko Tyni <ntyni@debian.org>' }, `
    etc/perl/Net/libnet.cfg:611 usr/bin/corelist:15375%755 usr/bin/cpan:8360%755 usr/bin/enc2xs:41947%755 usr/bin/encguess:3069%755
    usr/bin/h2ph:29227%755 usr/bin/h2xs:60934%755 usr/bin/instmodsh:4373%755 usr/bin/json_pp:4992%755 usr/bin/libnetcfg:15778%755
    usr/bin/perlbug:45183%755 usr/bin/perldoc:125%755 usr/bin/perlivp:10867%755 usr/bin/perlthanks:45183%755 usr/bin/piconv:8360%755
    usr/bin/pl2pm:4536%755 usr/bin/pod2html:4137%755 usr/bin/pod2man:15034%755 usr/bin/pod2text:10803%755 usr/bin/pod2usage:4107%755
    usr/bin/podchecker:3658%755 usr/bin/prove:13659%755 usr/bin/ptar:3566%755 usr/bin/ptardiff:2645%755 usr/bin/ptargrep:4395%755
    usr/bin/shasum:9979%755 usr/bin/splain:19449%755 usr/bin/streamzip:7941%755 usr/bin/xsubpp:5167%755 usr/bin/zipdetails:70193%755
    usr/share/doc/perl/README.Debian usr/share/doc/perl/changelog.Debian.gz usr/share/doc/perl/changelog.gz usr/share/doc/perl/copyright:109772
    usr/share/lintian/overrides/perl usr/share/man/man1/corelist.1.gz usr/share/man/man1/cpan.1.gz usr/share/man/man1/enc2xs.1.gz
    usr/share/man/man1/encguess.1.gz usr/share/man/man1/h2ph.1.gz usr/share/man/man1/h2xs.1.gz usr/share/doc/perl/Changes.gz>changelog.gz`),
  p('perl-modules-5.36', '5.36.0-7+deb12u1', 'all libs optional foreign', 2817356, 17821, 'Core Perl modules', { d: 'perl-base (>= 5.36.0-1)', pd: 'dpkg (>= 1.17.17)', r: 'perl (>= 5.36.0-1)', pv: 'perl-modules', b: 'libansicolor-perl (<< 5.01), libarchive-tar-perl (<< 2.40), libattribute-handlers-perl (<< 1.02), libautodie-perl (<< 2.34), libcpan-meta-perl (<< 2.150010), libcpan-meta-requirements-perl (<< 2.140), libcpan-meta-yaml-perl (<< 0.018), libdigest-perl (<< 1.20), libexperimental-perl (<< 0.028), libextutils-cbuilder-perl (<< 0.280236), libextutils-command-perl (<< 7.64), libextutils-install-perl (<< 2.20), libextutils-parsexs-perl (<< 3.450000), libfile-spec-perl (<< 3.8400), libhttp-tiny-perl (<< 0.080), libi18n-langtags-perl (<< 0.45), libio-zlib-perl (<< 1.11), libjson-pp-perl (<< 4.07000), liblocale-maketext-perl (<< 1.31), liblocale-maketext-simple-perl (<< 0.21.01), libmath-bigint-perl (<< 1.999830), libmath-complex-perl (<< 1.5902), libmodule-corelist-perl (<< 5.20220520), libmodule-load-conditional-perl (<< 0.74), libmodule-load-perl (<< 0.36), libmodule-metadata-perl (<< 1.000037), libnet-perl (<< 1:3.14), libnet-ping-perl (<< 2.74), libparams-check-perl (<< 0.38), libparent-perl (<< 0.238), libparse-cpan-meta-perl (<< 2.150010), libperl-ostype-perl (<< 1.010), libpod-escapes-perl (<< 1.07), libpod-simple-perl (<< 3.43), libtest-harness-perl (<< 3.44), libtest-simple-perl (<< 1.302190), libtest-tester-perl (<< 1.302190), libtest-use-ok-perl (<< 1.302190), libtext-balanced-perl (<< 2.04), libthread-queue-perl (<< 3.14), libtime-local-perl (<< 1.3000), libunicode-collate-perl (<< 1.31), libversion-perl (<< 1:0.9929), maildirsync (<< 1.2-2.1), perl (<< 5.36.0~), podlators-perl (<< 4.14)', rp: 'libansicolor-perl (<< 5.01), libarchive-tar-perl (<< 2.40), libattribute-handlers-perl (<< 1.02), libautodie-perl (<< 2.34), libcpan-meta-perl (<< 2.150010), libcpan-meta-requirements-perl (<< 2.140), libcpan-meta-yaml-perl (<< 0.018), libdigest-perl (<< 1.20), libexperimental-perl (<< 0.028), libextutils-cbuilder-perl (<< 0.280236), libextutils-command-perl (<< 7.64), libextutils-install-perl (<< 2.20), libextutils-parsexs-perl (<< 3.450000), libfile-spec-perl (<< 3.8400), libhttp-tiny-perl (<< 0.080), libi18n-langtags-perl (<< 0.45), libio-zlib-perl (<< 1.11), libjson-pp-perl (<< 4.07000), liblocale-maketext-perl (<< 1.31), liblocale-maketext-simple-perl (<< 0.21.01), libmath-bigint-perl (<< 1.999830), libmath-complex-perl (<< 1.5902), libmodule-corelist-perl (<< 5.20220520), libmodule-load-conditional-perl (<< 0.74), libmodule-load-perl (<< 0.36), libmodule-metadata-perl (<< 1.000037), libnet-perl (<< 1:3.14), libnet-ping-perl (<< 2.74), libparams-check-perl (<< 0.38), libparent-perl (<< 0.238), libparse-cpan-meta-perl (<< 2.150010), libperl-ostype-perl (<< 1.010), libpod-escapes-perl (<< 1.07), libpod-simple-perl (<< 3.43), libtest-harness-perl (<< 3.44), libtest-simple-perl (<< 1.302190), libtest-tester-perl (<< 1.302190), libtest-use-ok-perl (<< 1.302190), libtext-balanced-perl (<< 2.04), libthread-queue-perl (<< 3.14), libtime-local-perl (<< 1.3000), libunicode-collate-perl (<< 1.31), libversion-perl (<< 1:0.9929), perl-base (<< 5.22.0~), perl-modules, podlators-perl (<< 4.14)', c: 'perl-modules (<< 5.22.0~)', src: 'perl', h: 'http://dev.perl.org/perl5/', m: 'Niko Tyni <ntyni@debian.org>' }, `
    usr/share/doc/perl-modules-5.36/README.Debian usr/share/doc/perl-modules-5.36/changelog.Debian.gz
    usr/share/doc/perl-modules-5.36/changelog.gz usr/share/doc/perl-modules-5.36/copyright:109772 usr/share/perl/5.36.0/AnyDBM_File.pm:2618
    usr/share/perl/5.36.0/App/Cpan.pm:40635 usr/share/perl/5.36.0/App/Prove/State/Result/Test.pm:3418
    usr/share/perl/5.36.0/App/Prove/State/Result.pm:4945 usr/share/perl/5.36.0/App/Prove/State.pm:11689 usr/share/perl/5.36.0/App/Prove.pm:18990
    usr/share/perl/5.36.0/Archive/Tar/Constant.pm:4824 usr/share/perl/5.36.0/Archive/Tar/File.pm:18745
    usr/share/perl/5.36.0/Archive/Tar.pm:78627 usr/share/perl/5.36.0/Attribute/Handlers.pm:31874 usr/share/perl/5.36.0/AutoLoader.pm:15797
    usr/share/perl/5.36.0/AutoSplit.pm:19637 usr/share/perl/5.36.0/B/Deparse.pm:217550 usr/share/perl/5.36.0/B/Op_private.pm:38849
    usr/share/perl/5.36.0/Benchmark.pm:31026 usr/share/perl/5.36.0/CORE.pod:3188 usr/share/perl/5.36.0/CPAN/API/HOWTO.pod:1067
    usr/share/perl/5.36.0/CPAN/Author.pm:6842 usr/share/perl/5.36.0/CPAN/Bundle.pm:10144 usr/share/perl/5.36.0/CPAN/CacheMgr.pm:7664
    usr/share/perl/5.36.0/CPAN/Complete.pm:6023 usr/share/perl/5.36.0/CPAN/Debug.pm:2102 usr/share/perl/5.36.0/CPAN/DeferredCode.pm:189
    usr/share/perl/5.36.0/CPAN/Exception/RecursiveDependency.pm:3886 usr/share/perl/5.36.0/CPAN/Exception/blocked_urllist.pm:920
    usr/share/perl/5.36.0/CPAN/Exception/yaml_not_installed.pm:490 usr/share/perl/5.36.0/CPAN/Exception/yaml_process_error.pm:1703
    usr/share/perl/5.36.0/CPAN/FTP/netrc.pm:1562 usr/share/perl/5.36.0/CPAN/HTTP/Client.pm:7976
    usr/share/perl/5.36.0/CPAN/HTTP/Credentials.pm:2633 usr/share/perl/5.36.0/CPAN/Kwalify/distroprefs.dd:3227
    usr/share/perl/5.36.0/CPAN/Kwalify/distroprefs.yml:1593 usr/share/perl/5.36.0/CPAN/LWP/UserAgent.pm:2034
    usr/share/perl/5.36.0/CPAN/Meta/Converter.pm:49998 usr/share/perl/5.36.0/CPAN/Meta/Feature.pm:3425
    usr/share/perl/5.36.0/CPAN/Meta/History/Meta_1_0.pod:6793 usr/share/perl/5.36.0/CPAN/Meta/History/Meta_1_1.pod:8841
    usr/share/perl/5.36.0/CPAN/Meta/History/Meta_1_2.pod:17052 usr/share/perl/5.36.0/CPAN/Meta/History/Meta_1_3.pod:18504
    usr/share/perl/5.36.0/CPAN/Meta/History/Meta_1_4.pod:19044 usr/share/perl/5.36.0/CPAN/Meta/History.pm:5370
    usr/share/perl/5.36.0/CPAN/Meta/Merge.pm:9065 usr/share/perl/5.36.0/CPAN/Meta/Prereqs.pm:13396
    usr/share/perl/5.36.0/CPAN/Meta/Requirements.pm:31756 usr/share/perl/5.36.0/CPAN/Plugin/Specfile.pm:8681
    usr/share/perl/5.36.0/CPAN.pm:147971 usr/share/perl/5.36.0/Carp/Heavy.pm:773 usr/share/perl/5.36.0/Class/Struct.pm:20319
    usr/share/perl/5.36.0/Compress/Zlib.pm:43980 usr/share/perl/5.36.0/Config/Extensions.pm:1355 usr/share/perl/5.36.0/Config/Perl/V.pm:15101
    usr/share/perl/5.36.0/DBM_Filter/compress.pm:854 usr/share/perl/5.36.0/DBM_Filter/encode.pm:1361
    usr/share/perl/5.36.0/DBM_Filter/int32.pm:754 usr/share/perl/5.36.0/DBM_Filter/null.pm:967 usr/share/perl/5.36.0/DBM_Filter/utf8.pm:777
    usr/share/perl/5.36.0/Devel/SelfStubber.pm:4908 usr/share/perl/5.36.0/Digest/base.pm:1984 usr/share/perl/5.36.0/Digest/file.pm:1724
    usr/share/perl/5.36.0/Encode/Changes.e2x:179 usr/share/perl/5.36.0/Encode/ConfigLocal_PM.e2x:184
    usr/share/perl/5.36.0/Encode/Makefile_PL.e2x:5168 usr/share/perl/5.36.0/Encode/PerlIO.pod:6060 usr/share/perl/5.36.0/Encode/README.e2x:553
    usr/share/perl/5.36.0/Encode/Supported.pod:28732 usr/share/perl/5.36.0/Exporter/Heavy.pm:6530
    usr/share/perl/5.36.0/ExtUtils/CBuilder/Base.pm:10787 usr/share/perl/5.36.0/ExtUtils/CBuilder/Platform/Unix.pm:1046
    usr/share/perl/5.36.0/ExtUtils/CBuilder/Platform/VMS.pm:10288 usr/share/perl/5.36.0/ExtUtils/CBuilder/Platform/Windows/BCC.pm:3503
    usr/share/perl/5.36.0/ExtUtils/CBuilder/Platform/Windows/GCC.pm:3898 usr/share/perl/5.36.0/ExtUtils/CBuilder/Platform/Windows/MSVC.pm:3248
    usr/share/perl/5.36.0/ExtUtils/CBuilder/Platform/Windows.pm:8961 usr/share/perl/5.36.0/ExtUtils/CBuilder/Platform/aix.pm:625
    usr/share/perl/5.36.0/ExtUtils/CBuilder/Platform/android.pm:1216 usr/share/perl/5.36.0/ExtUtils/CBuilder/Platform/cygwin.pm:932
    usr/share/perl/5.36.0/ExtUtils/CBuilder.pm:8883 usr/share/perl/5.36.0/ExtUtils/Command/MM.pm:7704
    usr/share/perl/5.36.0/ExtUtils/Command.pm:7811 usr/share/perl/5.36.0/ExtUtils/Constant/Base.pm:33308
    usr/share/perl/5.36.0/ExtUtils/Constant/ProxySubs.pm:19742 usr/share/perl/5.36.0/ExtUtils/Constant/Utils.pm:3522
    usr/share/perl/5.36.0/ExtUtils/Constant/XS.pm:6353 usr/share/perl/5.36.0/ExtUtils/Constant.pm:15050
    usr/share/perl/5.36.0/ExtUtils/Embed.pm:12868 usr/share/perl/5.36.0/ExtUtils/Install.pm:40881
    usr/share/perl/5.36.0/ExtUtils/Installed.pm:14332 usr/share/perl/5.36.0/ExtUtils/Liblist/Kid.pm:25649
    usr/share/perl/5.36.0/ExtUtils/MakeMaker/Config.pm:602 usr/share/perl/5.36.0/ExtUtils/MakeMaker/FAQ.pod:20298
    usr/share/perl/5.36.0/ExtUtils/MakeMaker/Locale.pm:13348 usr/share/perl/5.36.0/ExtUtils/MakeMaker/Tutorial.pod:5491
    usr/share/perl/5.36.0/ExtUtils/MakeMaker/version.pm:2389 usr/share/perl/5.36.0/ExtUtils/ParseXS/Constants.pm:1144
    usr/share/perl/5.36.0/ExtUtils/ParseXS/CountLines.pm:971 usr/share/perl/5.36.0/ExtUtils/ParseXS/Eval.pm:2374
    usr/share/perl/5.36.0/ExtUtils/ParseXS/Utilities.pm:17171 usr/share/perl/5.36.0/ExtUtils/Typemaps/Cmd.pm:4133
    usr/share/perl/5.36.0/ExtUtils/Typemaps/InputMap.pm:1954 usr/share/perl/5.36.0/ExtUtils/Typemaps/OutputMap.pm:4428
    usr/share/perl/5.36.0/ExtUtils/Typemaps/Type.pm:2085 usr/share/perl/5.36.0/File/Basename.pm:11194 usr/share/perl/5.36.0/File/Compare.pm:4214
    usr/share/perl/5.36.0/File/Copy.pm:15966 usr/share/perl/5.36.0/File/Fetch.pm:47302 usr/share/perl/5.36.0/File/Find.pm:33007
    usr/share/perl/5.36.0/File/GlobMapper.pm:16779 usr/share/perl/5.36.0/Filter/Simple.pm:23923 usr/share/perl/5.36.0/Getopt/Long.pm:83897
    usr/share/perl/5.36.0/Getopt/Std.pm:8983 usr/share/perl/5.36.0/HTTP/Tiny.pm:82093 usr/share/perl/5.36.0/I18N/Collate.pm:5390
    usr/share/perl/5.36.0/I18N/LangTags/Detect.pm:6649 usr/share/perl/5.36.0/I18N/LangTags/List.pm:28816
    usr/share/perl/5.36.0/I18N/LangTags.pm:28077 usr/share/perl/5.36.0/IO/Compress/Adapter/Bzip2.pm:2564
    usr/share/perl/5.36.0/IO/Compress/Adapter/Deflate.pm:3041 usr/share/perl/5.36.0/IO/Compress/Adapter/Identity.pm:1415
    usr/share/perl/5.36.0/IO/Compress/Base/Common.pm:22774 usr/share/perl/5.36.0/IO/Compress/Base.pm:24024
    usr/share/perl/5.36.0/IO/Compress/Bzip2.pm:21305 usr/share/perl/5.36.0/IO/Compress/Deflate.pm:24763
    usr/share/perl/5.36.0/IO/Compress/FAQ.pod:21005 usr/share/perl/5.36.0/IO/Compress/Gzip/Constants.pm:3883
    usr/share/perl/5.36.0/IO/Compress/Gzip.pm:35188 usr/share/perl/5.36.0/IO/Compress/RawDeflate.pm:26925
    usr/share/perl/5.36.0/IO/Compress/Zip/Constants.pm:4162 usr/share/perl/5.36.0/IO/Compress/Zlib/Constants.pm:1657
    usr/share/perl/5.36.0/IO/Compress/Zlib/Extra.pm:5647 usr/share/perl/5.36.0/IO/Socket/IP.pm:41205
    usr/share/perl/5.36.0/IO/Uncompress/Adapter/Bunzip2.pm:2027 usr/share/perl/5.36.0/IO/Uncompress/Adapter/Identity.pm:4551
    usr/share/perl/5.36.0/IO/Uncompress/Adapter/Inflate.pm:3259 usr/share/perl/5.36.0/IO/Uncompress/AnyInflate.pm:28290
    usr/share/perl/5.36.0/IO/Uncompress/AnyUncompress.pm:31065 usr/share/perl/5.36.0/IO/Uncompress/Base.pm:38463
    usr/share/perl/5.36.0/IO/Uncompress/Bunzip2.pm:25609 usr/share/perl/5.36.0/IO/Uncompress/Gunzip.pm:32176
    usr/share/perl/5.36.0/IO/Uncompress/Inflate.pm:28352 usr/share/perl/5.36.0/IO/Zlib.pm:16101 usr/share/perl/5.36.0/IPC/Cmd.pm:67591
    usr/share/perl/5.36.0/IPC/Open2.pm:4254 usr/share/perl/5.36.0/IPC/Open3.pm:13424 usr/share/perl/5.36.0/JSON/PP/Boolean.pm:865
    usr/share/perl/5.36.0/JSON/PP.pm:100679 usr/share/perl/5.36.0/Locale/Maketext/Cookbook.pod:3925
    usr/share/perl/5.36.0/Locale/Maketext/Guts.pm:451 usr/share/perl/5.36.0/Locale/Maketext/GutsLoader.pm:490
    usr/share/perl/5.36.0/Locale/Maketext/Simple.pm:9792 usr/share/perl/5.36.0/Locale/Maketext/TPJ13.pod:36125
    usr/share/perl/5.36.0/Locale/Maketext.pm:31052 usr/share/perl/5.36.0/Locale/Maketext.pod:52399
    usr/share/perl/5.36.0/Math/BigFloat/Trace.pm:1662 usr/share/perl/5.36.0/Math/BigFloat.pm:206957
    usr/share/perl/5.36.0/Math/BigInt/Calc.pm:72205 usr/share/perl/5.36.0/Math/BigInt/Lib.pm:76340
    usr/share/perl/5.36.0/Math/BigInt/Trace.pm:1652 usr/share/perl/5.36.0/Math/BigInt.pm:252819 usr/share/perl/5.36.0/Math/BigRat/Trace.pm:1652
    usr/share/perl/5.36.0/Math/BigRat.pm:88943 usr/share/perl/5.36.0/Math/Complex.pm:50065 usr/share/perl/5.36.0/Math/Trig.pm:21544
    usr/share/perl/5.36.0/Memoize/AnyDBM_File.pm:674 usr/share/perl/5.36.0/Memoize/Expire.pm:11704
    usr/share/perl/5.36.0/Memoize/ExpireFile.pm:1050 usr/share/perl/5.36.0/Memoize/ExpireTest.pm:883
    usr/share/perl/5.36.0/Memoize/NDBM_File.pm:1488 usr/share/perl/5.36.0/Memoize/SDBM_File.pm:1486
    usr/share/perl/5.36.0/Module/CoreList/Utils.pm:35564 usr/share/perl/5.36.0/Module/CoreList.pm:982796
    usr/share/perl/5.36.0/Module/CoreList.pod:8418 usr/share/perl/5.36.0/Module/Load/Conditional.pm:19315
    usr/share/perl/5.36.0/Module/Load.pm:9103 usr/share/perl/5.36.0/Module/Loaded.pm:3348 usr/share/perl/5.36.0/Module/Metadata.pm:34199
    usr/share/perl/5.36.0/Net/Cmd.pm:21004 usr/share/perl/5.36.0/Net/Config.pm:8846 usr/share/perl/5.36.0/Net/Domain.pm:8779
    usr/share/perl/5.36.0/Net/FTP/A.pm:2400 usr/share/perl/5.36.0/Net/FTP/E.pm:137 usr/share/perl/5.36.0/Net/FTP/I.pm:1659
    usr/share/perl/5.36.0/Net/FTP/L.pm:137 usr/share/perl/5.36.0/Net/FTP/dataconn.pm:5013 usr/share/perl/5.36.0/Net/FTP.pm:53270
    usr/share/perl/5.36.0/Net/NNTP.pm:33461 usr/share/perl/5.36.0/Net/Netrc.pm:8204 usr/share/perl/5.36.0/Params/Check.pm:19330
    usr/share/perl/5.36.0/Parse/CPAN/Meta.pm:10743 usr/share/perl/5.36.0/Perl/OSType.pm:4688
    usr/share/perl/5.36.0/PerlIO/via/QuotedPrint.pm:4668 usr/share/perl/5.36.0/Pod/Checker.pm:33843 usr/share/perl/5.36.0/Pod/Escapes.pm:17888
    usr/share/perl/5.36.0/Pod/Functions.pm:14347 usr/share/perl/5.36.0/Pod/Html/Util.pm:8136 usr/share/perl/5.36.0/Pod/Html.pm:22196
    usr/share/perl/5.36.0/Pod/Man.pm:79750 usr/share/perl/5.36.0/Pod/ParseLink.pm:6399 usr/share/perl/5.36.0/Pod/Perldoc/BaseTo.pm:3637
    usr/share/perl/5.36.0/Pod/Perldoc/GetOptsOO.pm:3888 usr/share/perl/5.36.0/Pod/Perldoc/ToANSI.pm:2303
    usr/share/perl/5.36.0/Pod/Perldoc/ToChecker.pm:1691 usr/share/perl/5.36.0/Pod/Perldoc/ToMan.pm:14248
    usr/share/perl/5.36.0/Pod/Perldoc/ToNroff.pm:2782 usr/share/perl/5.36.0/Pod/Simple/BlackBox.pm:86688
    usr/share/perl/5.36.0/Pod/Simple/Checker.pm:5432 usr/share/perl/5.36.0/Pod/Simple/Debug.pm:4625
    usr/share/perl/5.36.0/Pod/Simple/DumpAsText.pm:4035 usr/share/perl/5.36.0/Pod/Simple/DumpAsXML.pm:4560
    usr/share/perl/5.36.0/Pod/Simple/HTML.pm:34759 usr/share/perl/5.36.0/Pod/Text/Color.pm:6046
    usr/share/perl/5.36.0/Pod/Text/Overstrike.pm:6259 usr/share/perl/5.36.0/Pod/Text/Termcap.pm:8350 usr/share/perl/5.36.0/Search/Dict.pm:3349
    usr/share/perl/5.36.0/TAP/Base.pm:2301 usr/share/perl/5.36.0/TAP/Formatter/Base.pm:12396 usr/share/perl/5.36.0/TAP/Formatter/Color.pm:2321
    usr/share/perl/5.36.0/TAP/Formatter/Console/ParallelSession.pm:4183 usr/share/perl/5.36.0/TAP/Formatter/Console/Session.pm:5527
    usr/share/perl/5.36.0/TAP/Formatter/Console.pm:1995 usr/share/perl/5.36.0/TAP/Formatter/File/Session.pm:2217
    usr/share/perl/5.36.0/TAP/Formatter/File.pm:850 usr/share/perl/5.36.0/TAP/Formatter/Session.pm:4988
    usr/share/perl/5.36.0/TAP/Harness/Beyond.pod:15581 usr/share/perl/5.36.0/TAP/Harness/Env.pm:5416 usr/share/perl/5.36.0/TAP/Harness.pm:29552
    usr/share/perl/5.36.0/TAP/Object.pm:2696 usr/share/perl/5.36.0/TAP/Parser/Aggregator.pm:9243
    usr/share/perl/5.36.0/TAP/Parser/Grammar.pm:15666 usr/share/perl/5.36.0/TAP/Parser/Iterator/Array.pm:1696
    usr/share/perl/5.36.0/TAP/Parser/Iterator/Process.pm:9116 usr/share/perl/5.36.0/TAP/Parser/Iterator/Stream.pm:1925
    usr/share/perl/5.36.0/TAP/Parser/Iterator.pm:2998 usr/share/perl/5.36.0/TAP/Parser/IteratorFactory.pm:8307
    usr/share/perl/5.36.0/TAP/Parser/Multiplexer.pm:4325 usr/share/perl/5.36.0/TAP/Parser/Result/Bailout.pm:1148
    usr/share/perl/5.36.0/TAP/Parser/Result/Comment.pm:986 usr/share/perl/5.36.0/TAP/Parser/Result/Plan.pm:2048
    usr/share/perl/5.36.0/TAP/Parser/Result/Pragma.pm:946 usr/share/perl/5.36.0/TAP/Parser/Result/Test.pm:6078
    usr/share/perl/5.36.0/TAP/Parser/Result/Unknown.pm:734 usr/share/perl/5.36.0/TAP/Parser/Result.pm:6145
    usr/share/perl/5.36.0/TAP/Parser/Scheduler/Job.pm:2201 usr/share/perl/5.36.0/TAP/Parser/Scheduler/Spinner.pm:990
    usr/share/perl/5.36.0/TAP/Parser/SourceHandler/Executable.pm:4045 usr/share/perl/5.36.0/TAP/Parser/SourceHandler/File.pm:2993
    usr/share/perl/5.36.0/TAP/Parser/SourceHandler/Handle.pm:2651 usr/share/perl/5.36.0/TAP/Parser/SourceHandler/Perl.pm:9447
    usr/share/perl/5.36.0/TAP/Parser/SourceHandler/RawTAP.pm:2842 usr/share/perl/5.36.0/TAP/Parser/YAMLish/Reader.pm:8266
    usr/share/perl/5.36.0/TAP/Parser/YAMLish/Writer.pm:5583 usr/share/perl/5.36.0/TAP/Parser.pm:52200
    usr/share/perl/5.36.0/Term/ANSIColor.pm:56048 usr/share/perl/5.36.0/Term/Cap.pm:19774 usr/share/perl/5.36.0/Term/Complete.pm:4552
    usr/share/perl/5.36.0/Term/ReadLine.pm:14036 usr/share/perl/5.36.0/Test/Builder/Formatter.pm:2122
    usr/share/perl/5.36.0/Test/Builder/IO/Scalar.pm:13640 usr/share/perl/5.36.0/Test/Builder/Module.pm:4079
    usr/share/perl/5.36.0/Test/Builder/Tester/Color.pm:973 usr/share/perl/5.36.0/Test/Builder/Tester.pm:18035
    usr/share/perl/5.36.0/Test/Builder/TodoDiag.pm:1081 usr/share/perl/5.36.0/Test/Builder.pm:65209 usr/share/perl/5.36.0/Test/Harness.pm:16649
    usr/share/perl/5.36.0/Test/More.pm:52979 usr/share/perl/5.36.0/Test/Simple.pm:6492 usr/share/perl/5.36.0/Test/Tester/Capture.pm:4424
    usr/share/perl/5.36.0/Test/Tester/CaptureRunner.pm:1302 usr/share/perl/5.36.0/Test/Tester/Delegate.pm:571
    usr/share/perl/5.36.0/Test/Tester.pm:18333 usr/share/perl/5.36.0/Test/Tutorial.pod:19346 usr/share/perl/5.36.0/Test/use/ok.pm:1360
    usr/share/perl/5.36.0/Test2/API/Breakage.pm:4826 usr/share/perl/5.36.0/Test2/API/Context.pm:27521
    usr/share/perl/5.36.0/Test2/API/Instance.pm:21497 usr/share/perl/5.36.0/Test2/API/InterceptResult/Event.pm:28637
    usr/share/perl/5.36.0/Test2/API/InterceptResult/Facet.pm:380 usr/share/perl/5.36.0/Test2/API/InterceptResult/Hub.pm:967
    usr/share/perl/5.36.0/Test2/API/InterceptResult/Squasher.pm:3674 usr/share/perl/5.36.0/Test2/API/InterceptResult.pm:18152
    usr/share/perl/5.36.0/Test2/API/Stack.pm:4862 usr/share/perl/5.36.0/Test2/API.pm:48556 usr/share/perl/5.36.0/Test2/Event/Bail.pm:1696
    usr/share/perl/5.36.0/Test2/Event/Diag.pm:1455 usr/share/perl/5.36.0/Test2/Event/Encoding.pm:1769
    usr/share/perl/5.36.0/Test2/Event/Exception.pm:1781 usr/share/perl/5.36.0/Test2/Event/Fail.pm:2018
    usr/share/perl/5.36.0/Test2/Event/Generic.pm:5909 usr/share/perl/5.36.0/Test2/Event/TAP/Version.pm:1644
    usr/share/perl/5.36.0/Test2/Event.pm:22639 usr/share/perl/5.36.0/Test2/EventFacet/About.pm:1484
    usr/share/perl/5.36.0/Test2/EventFacet/Amnesty.pm:1643 usr/share/perl/5.36.0/Test2/EventFacet/Assert.pm:1712
    usr/share/perl/5.36.0/Test2/EventFacet/Control.pm:2008 usr/share/perl/5.36.0/Test2/EventFacet/Error.pm:1803
    usr/share/perl/5.36.0/Test2/EventFacet/Hub.pm:1877 usr/share/perl/5.36.0/Test2/EventFacet/Info/Table.pm:2855
    usr/share/perl/5.36.0/Test2/EventFacet.pm:1494 usr/share/perl/5.36.0/Test2/Formatter/TAP.pm:13732
    usr/share/perl/5.36.0/Test2/Formatter.pm:3953 usr/share/perl/5.36.0/Test2/Hub/Interceptor/Terminator.pm:736
    usr/share/perl/5.36.0/Test2/Hub/Interceptor.pm:2726 usr/share/perl/5.36.0/Test2/Hub/Subtest.pm:2640 usr/share/perl/5.36.0/Test2/Hub.pm:22828
    usr/share/perl/5.36.0/Test2/IPC/Driver/Files.pm:13568 usr/share/perl/5.36.0/Test2/IPC/Driver.pm:6522 usr/share/perl/5.36.0/Test2/IPC.pm:3174
    usr/share/perl/5.36.0/Test2/Tools/Tiny.pm:9141 usr/share/perl/5.36.0/Test2/Util/ExternalMeta.pm:3779
    usr/share/perl/5.36.0/Test2/Util/Facets2Legacy.pm:6907 usr/share/perl/5.36.0/Test2/Util/HashBase.pm:13221
    usr/share/perl/5.36.0/Test2/Util/Trace.pm:883 usr/share/perl/5.36.0/Text/Abbrev.pm:2041 usr/share/perl/5.36.0/Text/Balanced.pm:77325
    usr/share/perl/5.36.0/Text/ParseWords.pm:8291 usr/share/perl/5.36.0/Text/Tabs.pm:3488 usr/share/perl/5.36.0/Text/Wrap.pm:8322
    usr/share/perl/5.36.0/Thread/Queue.pm:17689 usr/share/perl/5.36.0/Thread/Semaphore.pm:7582 usr/share/perl/5.36.0/Tie/Array.pm:7303
    usr/share/perl/5.36.0/Tie/File.pm:77419 usr/share/perl/5.36.0/Tie/Handle.pm:4205 usr/share/perl/5.36.0/Tie/Hash/NamedCapture.pm:1582
    usr/share/perl/5.36.0/Tie/Hash.pm:7656 usr/share/perl/5.36.0/Tie/Memoize.pm:4251 usr/share/perl/5.36.0/Tie/RefHash.pm:8913
    usr/share/perl/5.36.0/Time/Local.pm:16312 usr/share/perl/5.36.0/Time/gmtime.pm:2620 usr/share/perl/5.36.0/Time/localtime.pm:2443
    usr/share/perl/5.36.0/Time/tm.pm:691 usr/share/perl/5.36.0/Unicode/Collate/CJK/Big5.pm:66468
    usr/share/perl/5.36.0/Unicode/Collate/CJK/GB2312.pm:35206 usr/share/perl/5.36.0/Unicode/Collate/CJK/JISX0208.pm:32777
    usr/share/perl/5.36.0/Unicode/Collate/CJK/Korean.pm:48679 usr/share/perl/5.36.0/Unicode/Collate/CJK/Pinyin.pm:106071
    usr/share/perl/5.36.0/Unicode/Collate/CJK/Stroke.pm:121621 usr/share/perl/5.36.0/Unicode/Collate/Locale/af.pl:158
    usr/share/perl/5.36.0/Unicode/Collate/Locale/ar.pl:861 usr/share/perl/5.36.0/Unicode/Collate/Locale/as.pl:801
    usr/share/perl/5.36.0/Unicode/Collate/Locale/az.pl:3600 usr/share/perl/5.36.0/Unicode/Collate/Locale/be.pl:566
    usr/share/perl/5.36.0/Unicode/Collate/Locale/bn.pl:364 usr/share/perl/5.36.0/Unicode/Collate/allkeys.txt:1939332
    usr/share/perl/5.36.0/Unicode/Collate/keys.txt:52838 usr/share/perl/5.36.0/Unicode/UCD.pm:186220 usr/share/perl/5.36.0/User/grent.pm:2918
    usr/share/perl/5.36.0/User/pwent.pm:9982 usr/share/perl/5.36.0/autodie/Scope/Guard.pm:1396
    usr/share/perl/5.36.0/autodie/Scope/GuardStack.pm:3424 usr/share/perl/5.36.0/autodie/Util.pm:7743
    usr/share/perl/5.36.0/autodie/exception/system.pm:1631 usr/share/perl/5.36.0/autodie/exception.pm:22336
    usr/share/perl/5.36.0/autodie/hints.pm:16961 usr/share/perl/5.36.0/autodie/skip.pm:1215 usr/share/perl/5.36.0/encoding/warnings.pm:7052
    usr/share/perl/5.36.0/overload/numbers.pm:1951 usr/share/perl/5.36.0/pod/perldiag.pod:300437 usr/share/perl/5.36.0/unicore/Blocks.txt:10720
    usr/share/perl/5.36.0/unicore/CombiningClass.pl:4861 usr/share/perl/5.36.0/unicore/Decomposition.pl:110580
    usr/share/perl/5.36.0/unicore/Name.pl:1122477 usr/share/perl/5.36.0/unicore/Name.pm:11050
    usr/share/perl/5.36.0/unicore/NamedSequences.txt:20776 usr/share/perl/5.36.0/unicore/To/Age.pl:23069
    usr/share/perl/5.36.0/unicore/To/Bc.pl:9455 usr/share/perl/5.36.0/unicore/To/Bmg.pl:5840 usr/share/perl/5.36.0/unicore/To/Bpb.pl:2231
    usr/share/perl/5.36.0/unicore/To/Bpt.pl:1773 usr/share/perl/5.36.0/unicore/To/Cf.pl:15837 usr/share/perl/5.36.0/unicore/lib/Age/NA.pl:8787
    usr/share/perl/5.36.0/unicore/lib/Age/V100.pl:981 usr/share/perl/5.36.0/unicore/lib/Age/V11.pl:3448
    usr/share/perl/5.36.0/unicore/lib/Age/V110.pl:1210 usr/share/perl/5.36.0/unicore/lib/Age/V120.pl:1248
    usr/share/perl/5.36.0/unicore/lib/Age/V130.pl:1240 usr/share/perl/5.36.0/unicore/lib/Alpha/Y.pl:8696
    usr/share/perl/5.36.0/unicore/lib/Bc/AL.pl:805 usr/share/perl/5.36.0/unicore/lib/Bc/AN.pl:575 usr/share/perl/5.36.0/unicore/lib/Bc/B.pl:527
    usr/share/perl/5.36.0/unicore/lib/Bc/BN.pl:883 usr/share/perl/5.36.0/unicore/lib/Bc/CS.pl:619 usr/share/perl/5.36.0/unicore/lib/Bc/EN.pl:629
    usr/share/perl/5.36.0/unicore/lib/BidiC/Y.pl:530 usr/share/perl/5.36.0/unicore/lib/BidiM/Y.pl:1754
    usr/share/perl/5.36.0/unicore/lib/Blk/NB.pl:1156 usr/share/perl/5.36.0/unicore/lib/Bpt/C.pl:1226
    usr/share/perl/5.36.0/unicore/lib/Bpt/N.pl:813 usr/share/perl/5.36.0/unicore/lib/Bpt/O.pl:1226 usr/share/perl/5.36.0/unicore/lib/CE/Y.pl:847
    usr/share/perl/5.36.0/unicore/lib/CI/Y.pl:5222 usr/share/perl/5.36.0/unicore/lib/CWCF/Y.pl:6751
    usr/share/perl/5.36.0/unicore/lib/CWCM/Y.pl:1804 usr/share/perl/5.36.0/unicore/lib/CWKCF/Y.pl:9305
    usr/share/perl/5.36.0/unicore/lib/CWL/Y.pl:6625 usr/share/perl/5.36.0/unicore/lib/CWT/Y.pl:6775
    usr/share/perl/5.36.0/unicore/lib/CWU/Y.pl:6787 usr/share/perl/5.36.0/unicore/lib/Cased/Y.pl:2222
    usr/share/perl/5.36.0/unicore/lib/Ccc/A.pl:1852 usr/share/perl/5.36.0/unicore/lib/Ccc/AL.pl:532
    usr/share/perl/5.36.0/unicore/lib/Ccc/AR.pl:537 usr/share/perl/5.36.0/unicore/lib/Ccc/ATAR.pl:536
    usr/share/perl/5.36.0/unicore/lib/Ccc/B.pl:1342 usr/share/perl/5.36.0/unicore/lib/Ccc/BR.pl:532
    usr/share/perl/5.36.0/unicore/lib/CompEx/Y.pl:1260 usr/share/perl/5.36.0/unicore/lib/DI/Y.pl:679
    usr/share/perl/5.36.0/unicore/lib/Dash/Y.pl:743 usr/share/perl/5.36.0/unicore/lib/Dep/Y.pl:573
    usr/share/perl/5.36.0/unicore/lib/Dia/Y.pl:2600 usr/share/perl/5.36.0/unicore/lib/Dt/Com.pl:1250
    usr/share/perl/5.36.0/unicore/lib/Dt/Enc.pl:587 usr/share/perl/5.36.0/unicore/lib/Dt/Fin.pl:1848
    usr/share/perl/5.36.0/unicore/lib/Dt/Font.pl:1394 usr/share/perl/5.36.0/unicore/lib/Dt/Init.pl:1392
    usr/share/perl/5.36.0/unicore/lib/Dt/Iso.pl:1668 usr/share/perl/5.36.0/unicore/lib/EBase/Y.pl:1039
    usr/share/perl/5.36.0/unicore/lib/EComp/Y.pl:597 usr/share/perl/5.36.0/unicore/lib/EPres/Y.pl:1544
    usr/share/perl/5.36.0/unicore/lib/Ea/A.pl:2219 usr/share/perl/5.36.0/unicore/lib/Ea/H.pl:573 usr/share/perl/5.36.0/unicore/lib/Ea/N.pl:3545
    usr/share/perl/5.36.0/unicore/lib/Ea/Na.pl:554 usr/share/perl/5.36.0/unicore/lib/Ea/W.pl:1991
    usr/share/perl/5.36.0/unicore/lib/Emoji/Y.pl:2313 usr/share/perl/5.36.0/unicore/lib/Ext/Y.pl:863
    usr/share/perl/5.36.0/unicore/lib/ExtPict/Y.pl:1433 usr/share/perl/5.36.0/unicore/lib/GCB/CN.pl:690
    usr/share/perl/5.36.0/unicore/lib/GCB/EX.pl:4444 usr/share/perl/5.36.0/unicore/lib/GCB/LV.pl:5280
    usr/share/perl/5.36.0/unicore/lib/GCB/LVT.pl:5280 usr/share/perl/5.36.0/unicore/lib/GCB/PP.pl:647
    usr/share/perl/5.36.0/unicore/lib/GCB/SM.pl:2264 usr/share/perl/5.36.0/unicore/lib/Gc/C.pl:8675
    usr/share/perl/5.36.0/unicore/lib/Gc/Cf.pl:725 usr/share/perl/5.36.0/unicore/lib/Gc/Cn.pl:8673
    usr/share/perl/5.36.0/unicore/lib/Gc/L.pl:7880 usr/share/perl/5.36.0/unicore/lib/Gc/LC.pl:2086
    usr/share/perl/5.36.0/unicore/lib/Gc/Ll.pl:7253 usr/share/perl/5.36.0/unicore/lib/GrBase/Y.pl:10457
    usr/share/perl/5.36.0/unicore/lib/GrExt/Y.pl:4430 usr/share/perl/5.36.0/unicore/lib/Hex/Y.pl:546
    usr/share/perl/5.36.0/unicore/lib/Hst/NA.pl:551 usr/share/perl/5.36.0/unicore/lib/Hyphen/T.pl:595
    usr/share/perl/5.36.0/unicore/lib/IDC/Y.pl:9114 usr/share/perl/5.36.0/unicore/lib/IDS/Y.pl:7884
    usr/share/perl/5.36.0/unicore/lib/IdStatus/Allowed.pl:4435 usr/share/perl/5.36.0/unicore/lib/IdStatus/Restrict.pl:4437
    usr/share/perl/5.36.0/unicore/lib/IdType/DefaultI.pl:701 usr/share/perl/5.36.0/unicore/lib/IdType/Exclusio.pl:3144
    usr/share/perl/5.36.0/unicore/lib/IdType/Inclusio.pl:629 usr/share/perl/5.36.0/unicore/lib/IdType/LimitedU.pl:1484
    usr/share/perl/5.36.0/unicore/lib/IdType/NotChara.pl:8668 usr/share/perl/5.36.0/unicore/lib/IdType/NotNFKC.pl:3400
    usr/share/perl/5.36.0/unicore/lib/Ideo/Y.pl:740 usr/share/perl/5.36.0/unicore/lib/In/10_0.pl:8135
    usr/share/perl/5.36.0/unicore/lib/In/11_0.pl:8257 usr/share/perl/5.36.0/unicore/lib/In/12_0.pl:8403
    usr/share/perl/5.36.0/unicore/lib/In/12_1.pl:8391 usr/share/perl/5.36.0/unicore/lib/In/13_0.pl:8517
    usr/share/perl/5.36.0/unicore/lib/In/14_0.pl:8789 usr/share/perl/5.36.0/unicore/lib/InPC/Bottom.pl:2080
    usr/share/perl/5.36.0/unicore/lib/InPC/BottomAn.pl:536 usr/share/perl/5.36.0/unicore/lib/InPC/Left.pl:1011
    usr/share/perl/5.36.0/unicore/lib/InPC/LeftAndR.pl:641 usr/share/perl/5.36.0/unicore/lib/InPC/NA.pl:2816
    usr/share/perl/5.36.0/unicore/lib/InPC/Overstru.pl:534 usr/share/perl/5.36.0/unicore/lib/InSC/Avagraha.pl:675
    usr/share/perl/5.36.0/unicore/lib/InSC/Bindu.pl:1114 usr/share/perl/5.36.0/unicore/lib/InSC/Cantilla.pl:619
    usr/share/perl/5.36.0/unicore/lib/InSC/Consona2.pl:551 usr/share/perl/5.36.0/unicore/lib/InSC/Consona3.pl:641
    usr/share/perl/5.36.0/unicore/lib/InSC/Consona4.pl:647 usr/share/perl/5.36.0/unicore/lib/Jg/Ain.pl:551
    usr/share/perl/5.36.0/unicore/lib/Jg/Alef.pl:561 usr/share/perl/5.36.0/unicore/lib/Jg/Beh.pl:571
    usr/share/perl/5.36.0/unicore/lib/Jg/Dal.pl:541 usr/share/perl/5.36.0/unicore/lib/Jg/FarsiYeh.pl:530
    usr/share/perl/5.36.0/unicore/lib/Jg/Feh.pl:530 usr/share/perl/5.36.0/unicore/lib/Jt/C.pl:541 usr/share/perl/5.36.0/unicore/lib/Jt/D.pl:1302
    usr/share/perl/5.36.0/unicore/lib/Jt/L.pl:551 usr/share/perl/5.36.0/unicore/lib/Jt/R.pl:1190 usr/share/perl/5.36.0/unicore/lib/Jt/T.pl:4360
    usr/share/perl/5.36.0/unicore/lib/Jt/U.pl:4640 usr/share/perl/5.36.0/unicore/lib/Lb/AI.pl:1582
    usr/share/perl/5.36.0/unicore/lib/Lb/AL.pl:9532 usr/share/perl/5.36.0/unicore/lib/Lb/BA.pl:1615
    usr/share/perl/5.36.0/unicore/lib/Lb/BB.pl:745 usr/share/perl/5.36.0/unicore/lib/Lb/CJ.pl:819
    usr/share/perl/5.36.0/unicore/lib/Lb/CL.pl:1514 usr/share/perl/5.36.0/unicore/lib/Lower/Y.pl:7359
    usr/share/perl/5.36.0/unicore/lib/Math/Y.pl:2094 usr/share/perl/5.36.0/unicore/lib/NFCQC/M.pl:907
    usr/share/perl/5.36.0/unicore/lib/NFCQC/Y.pl:1654 usr/share/perl/5.36.0/unicore/lib/NFDQC/N.pl:2898
    usr/share/perl/5.36.0/unicore/lib/NFDQC/Y.pl:2900 usr/share/perl/5.36.0/unicore/lib/NFKCQC/N.pl:3384
    usr/share/perl/5.36.0/unicore/lib/NFKCQC/Y.pl:3766 usr/share/perl/5.36.0/unicore/lib/NFKDQC/N.pl:4866
    usr/share/perl/5.36.0/unicore/lib/NFKDQC/Y.pl:4868 usr/share/perl/5.36.0/unicore/lib/Nt/Di.pl:703
    usr/share/perl/5.36.0/unicore/lib/Nt/None.pl:2924 usr/share/perl/5.36.0/unicore/lib/Nt/Nu.pl:2316
    usr/share/perl/5.36.0/unicore/lib/Nv/0.pl:1424 usr/share/perl/5.36.0/unicore/lib/Nv/1.pl:2098
    usr/share/perl/5.36.0/unicore/lib/Nv/10.pl:1180 usr/share/perl/5.36.0/unicore/lib/Nv/100.pl:905
    usr/share/perl/5.36.0/unicore/lib/Nv/1000.pl:739 usr/share/perl/5.36.0/unicore/lib/Nv/10000.pl:651
    usr/share/perl/5.36.0/unicore/lib/PCM/Y.pl:565 usr/share/perl/5.36.0/unicore/lib/PatSyn/Y.pl:748
    usr/share/perl/5.36.0/unicore/lib/Perl/Alnum.pl:9128 usr/share/perl/5.36.0/unicore/lib/Perl/Assigned.pl:8675
    usr/share/perl/5.36.0/unicore/lib/Perl/Blank.pl:562 usr/share/perl/5.36.0/unicore/lib/Perl/Graph.pl:8724
    usr/share/perl/5.36.0/unicore/lib/Perl/PerlWord.pl:515 usr/share/perl/5.36.0/unicore/lib/Perl/PosixPun.pl:516
    usr/share/perl/5.36.0/unicore/lib/QMark/Y.pl:623 usr/share/perl/5.36.0/unicore/lib/SB/AT.pl:530
    usr/share/perl/5.36.0/unicore/lib/SB/CL.pl:975 usr/share/perl/5.36.0/unicore/lib/SB/EX.pl:3866
    usr/share/perl/5.36.0/unicore/lib/SB/FO.pl:721 usr/share/perl/5.36.0/unicore/lib/SB/LE.pl:6616
    usr/share/perl/5.36.0/unicore/lib/SB/LO.pl:7331 usr/share/perl/5.36.0/unicore/lib/SD/Y.pl:857
    usr/share/perl/5.36.0/unicore/lib/STerm/Y.pl:1376 usr/share/perl/5.36.0/unicore/lib/Sc/Arab.pl:1216
    usr/share/perl/5.36.0/unicore/lib/Sc/Beng.pl:631 usr/share/perl/5.36.0/unicore/lib/Sc/Cprt.pl:563
    usr/share/perl/5.36.0/unicore/lib/Sc/Cyrl.pl:577 usr/share/perl/5.36.0/unicore/lib/Sc/Deva.pl:532
    usr/share/perl/5.36.0/unicore/lib/Sc/Dupl.pl:561 usr/share/perl/5.36.0/unicore/lib/Scx/Adlm.pl:553
    usr/share/perl/5.36.0/unicore/lib/Scx/Arab.pl:1156 usr/share/perl/5.36.0/unicore/lib/Scx/Armn.pl:532
    usr/share/perl/5.36.0/unicore/lib/Scx/Beng.pl:753 usr/share/perl/5.36.0/unicore/lib/Scx/Bhks.pl:538
    usr/share/perl/5.36.0/unicore/lib/Scx/Bopo.pl:631 usr/share/perl/5.36.0/unicore/lib/Term/Y.pl:1676
    usr/share/perl/5.36.0/unicore/lib/UIdeo/Y.pl:683 usr/share/perl/5.36.0/unicore/lib/Upper/Y.pl:7179
    usr/share/perl/5.36.0/unicore/lib/VS/Y.pl:536 usr/share/perl/5.36.0/unicore/lib/Vo/R.pl:1475 usr/share/perl/5.36.0/unicore/lib/Vo/Tr.pl:657
    usr/share/perl/5.36.0/unicore/lib/Vo/Tu.pl:901 usr/share/perl/5.36.0/unicore/lib/Vo/U.pl:1941 usr/share/perl/5.36.0/unicore/lib/WB/EX.pl:563
    usr/share/perl/5.36.0/unicore/lib/WB/Extend.pl:3880 usr/share/perl/5.36.0/unicore/lib/WB/FO.pl:711
    usr/share/perl/5.36.0/unicore/lib/WB/HL.pl:607 usr/share/perl/5.36.0/unicore/lib/WB/KA.pl:671
    usr/share/perl/5.36.0/unicore/lib/WB/LE.pl:6989 usr/share/perl/5.36.0/unicore/lib/XIDC/Y.pl:9198
    usr/share/perl/5.36.0/unicore/lib/XIDS/Y.pl:7968 usr/share/perl/5.36.0/version/Internals.pod:25026
    usr/share/perl/5.36.0/version/regex.pm:4072 usr/share/perl/5.36.0/warnings/register.pm:759 usr/share/perl/5.36>5.36.0`),
  p('publicsuffix', '20230209.2326-1', 'all net optional foreign', 126380, 339, 'accurate, machine-readable list of domain name suffixes', { pv: 'publicsuffix-dafsa', h: 'https://publicsuffix.org', m: 'Daniel Kahn Gillmor <dkg@fifthhorseman.net>' }, `
    usr/share/doc/publicsuffix/README.Debian usr/share/doc/publicsuffix/changelog.Debian.gz usr/share/doc/publicsuffix/changelog.gz
    usr/share/doc/publicsuffix/copyright:24418 usr/share/doc/publicsuffix/examples/test_psl.txt
    usr/share/publicsuffix/public_suffix_list.dafsa:54368 usr/share/publicsuffix/public_suffix_list.dat:245996
    usr/share/publicsuffix/effective_tld_names.dat>public_suffix_list.dat`),
  p('tree', '2.1.0-1', 'amd64 utils optional', 52464, 113, 'displays an indented directory tree, in color', { d: 'libc6 (>= 2.34)', h: 'http://mama.indstate.edu/users/ice/tree/', m: 'Florian Ernst <florian@debian.org>' }, `
    usr/bin/tree*:81592 usr/share/doc/tree/README.gz usr/share/doc/tree/TODO usr/share/doc/tree/changelog.Debian.gz
    usr/share/doc/tree/changelog.gz usr/share/doc/tree/copyright:888 usr/share/man/man1/tree.1.gz`),
  p('vim', '2:9.0.1378-2', 'amd64 editors optional', 1567756, 3650, 'Vi IMproved - enhanced vi editor', { d: 'vim-common (= 2:9.0.1378-2), vim-runtime (= 2:9.0.1378-2), libacl1 (>= 2.2.23), libc6 (>= 2.34), libgpm2 (>= 1.20.7), libselinux1 (>= 3.1~), libsodium23 (>= 1.0.14), libtinfo6 (>= 6)', s: 'ctags, vim-doc, vim-scripts', pv: 'editor', h: 'https://www.vim.org/', m: 'Debian Vim Maintainers <team+vim@tracker.debian.org>' }, `
    usr/bin/vim.basic*vim:3646968 usr/share/bug/vim/presubj:302 usr/share/bug/vim/script:204%755 usr/share/doc/vim/NEWS.Debian.gz
    usr/share/doc/vim/changelog.Debian.gz usr/share/doc/vim/changelog.gz usr/share/doc/vim/copyright:27896 usr/share/lintian/overrides/vim`),
  p('vim-common', '2:9.0.1378-2', 'all editors important foreign', 124836, 245, 'Vi IMproved - Common files', { r: 'xxd, vim | vim-gtk3 | vim-motif | vim-nox | vim-tiny', src: 'vim', h: 'https://www.vim.org/', m: 'Debian Vim Maintainers <team+vim@tracker.debian.org>' }, `
    etc/vim/vimrc:2553 usr/bin/helpztags:2514%755 usr/lib/mime/packages/vim-common:346 usr/share/applications/vim.desktop:5604
    usr/share/doc/vim-common/NEWS.Debian.gz usr/share/doc/vim-common/README.Debian usr/share/doc/vim-common/changelog.Debian.gz
    usr/share/doc/vim-common/changelog.gz usr/share/doc/vim-common/copyright:27896 usr/share/icons/hicolor/48x48/apps/gvim.png:474
    usr/share/icons/hicolor/scalable/apps/gvim.svg:18233 usr/share/icons/locolor/16x16/apps/gvim.png:226
    usr/share/icons/locolor/32x32/apps/gvim.png:347 usr/share/lintian/overrides/vim-common usr/share/man/da/man1/vim.1.gz
    usr/share/man/da/man1/vimdiff.1.gz usr/share/man/de/man1/vim.1.gz usr/share/man/fr/man1/vim.1.gz usr/share/man/fr/man1/vimdiff.1.gz
    usr/share/man/it/man1/vim.1.gz usr/share/man/it/man1/vimdiff.1.gz usr/share/man/ja/man1/vim.1.gz usr/share/man/ja/man1/vimdiff.1.gz
    usr/share/man/man1/helpztags.1.gz usr/share/man/man1/vim.1.gz usr/share/man/man1/vimdiff.1.gz usr/share/man/pl/man1/vim.1.gz
    usr/share/man/pl/man1/vimdiff.1.gz usr/share/man/ru/man1/vim.1.gz usr/share/man/ru/man1/vimdiff.1.gz usr/share/man/tr/man1/vim.1.gz
    usr/share/man/tr/man1/vimdiff.1.gz usr/share/vim/vim90/debian.vim:1804 var/lib/vim/addons/ usr/share/man/da/man1/rview.1.gz
    usr/share/man/da/man1/rvim.1.gz usr/share/man/de/man1/rview.1.gz usr/share/man/de/man1/rvim.1.gz usr/share/man/fr/man1/rview.1.gz
    usr/share/man/fr/man1/rvim.1.gz usr/share/man/it/man1/rview.1.gz usr/share/man/it/man1/rvim.1.gz usr/share/man/ja/man1/rview.1.gz
    usr/share/man/ja/man1/rvim.1.gz usr/share/man/man1/rview.1.gz usr/share/man/man1/rvim.1.gz usr/share/man/pl/man1/rview.1.gz
    usr/share/man/pl/man1/rvim.1.gz usr/share/man/ru/man1/rview.1.gz usr/share/man/ru/man1/rvim.1.gz`),
  p('vim-runtime', '2:9.0.1378-2', 'all editors optional foreign', 7026844, 36406, 'Vi IMproved - Runtime files', { r: 'vim | vim-gtk3 | vim-motif | vim-nox | vim-tiny', b: 'vim-tiny (<< 2:9.0.1378-2)', src: 'vim', h: 'https://www.vim.org/', m: 'Debian Vim Maintainers <team+vim@tracker.debian.org>' }, `
    usr/bin/vimtutor:2154%755 usr/share/doc/vim-runtime/NEWS.Debian.gz usr/share/doc/vim-runtime/changelog.Debian.gz
    usr/share/doc/vim-runtime/changelog.gz usr/share/doc/vim-runtime/copyright:27896 usr/share/lintian/overrides/vim-runtime
    usr/share/man/da/man1/vimtutor.1.gz usr/share/man/fr/man1/vimtutor.1.gz usr/share/man/it/man1/vimtutor.1.gz
    usr/share/man/ja/man1/vimtutor.1.gz usr/share/man/man1/vimtutor.1.gz usr/share/man/pl/man1/vimtutor.1.gz usr/share/man/ru/man1/vimtutor.1.gz
    usr/share/man/tr/man1/vimtutor.1.gz usr/share/vim/addons/ usr/share/vim/registry/ usr/share/vim/vim90/autoload/RstFold.vim:1900
    usr/share/vim/vim90/autoload/ada.vim:22568 usr/share/vim/vim90/autoload/adacomplete.vim:3670 usr/share/vim/vim90/autoload/bitbake.vim:3097
    usr/share/vim/vim90/autoload/ccomplete.vim:19784 usr/share/vim/vim90/autoload/clojurecomplete.vim:8871
    usr/share/vim/vim90/autoload/dist/ft.vim:28708 usr/share/vim/vim90/autoload/dist/man.vim:4872
    usr/share/vim/vim90/autoload/dist/script.vim:11488 usr/share/vim/vim90/autoload/dist/vimindent.vim:38183
    usr/share/vim/vim90/autoload/xml/html32.vim:18330 usr/share/vim/vim90/autoload/xml/html401f.vim:54122
    usr/share/vim/vim90/autoload/xml/html401s.vim:41538 usr/share/vim/vim90/autoload/xml/html401t.vim:53691
    usr/share/vim/vim90/autoload/xml/html40f.vim:54029 usr/share/vim/vim90/autoload/xml/html40s.vim:41445 usr/share/vim/vim90/bugreport.vim:1927
    usr/share/vim/vim90/colors/blue.vim:25030 usr/share/vim/vim90/colors/darkblue.vim:20973 usr/share/vim/vim90/colors/default.vim:548
    usr/share/vim/vim90/colors/delek.vim:19562 usr/share/vim/vim90/colors/desert.vim:18911 usr/share/vim/vim90/colors/elflord.vim:21039
    usr/share/vim/vim90/colors/lists/csscolors.vim:5208 usr/share/vim/vim90/colors/lists/default.vim:23183
    usr/share/vim/vim90/colors/tools/check_colors.vim:6598 usr/share/vim/vim90/compiler/ant.vim:941 usr/share/vim/vim90/compiler/bcc.vim:449
    usr/share/vim/vim90/compiler/bdf.vim:473 usr/share/vim/vim90/compiler/cargo.vim:885 usr/share/vim/vim90/compiler/checkstyle.vim:790
    usr/share/vim/vim90/compiler/cm3.vim:633 usr/share/vim/vim90/defaults.vim:4943 usr/share/vim/vim90/delmenu.vim:1209
    usr/share/vim/vim90/doc/arabic.txt:12204 usr/share/vim/vim90/doc/autocmd.txt:77810 usr/share/vim/vim90/doc/builtin.txt:418212
    usr/share/vim/vim90/doc/change.txt:80113 usr/share/vim/vim90/doc/channel.txt:59099 usr/share/vim/vim90/doc/cmdline.txt:51907
    usr/share/vim/vim90/evim.vim:2218 usr/share/vim/vim90/filetype.vim:73986 usr/share/vim/vim90/ftoff.vim:280
    usr/share/vim/vim90/ftplugin/8th.vim:833 usr/share/vim/vim90/ftplugin/a2ps.vim:470 usr/share/vim/vim90/ftplugin/aap.vim:979
    usr/share/vim/vim90/ftplugin/abap.vim:800 usr/share/vim/vim90/ftplugin/abaqus.vim:4097 usr/share/vim/vim90/ftplugin/ada.vim:6502
    usr/share/vim/vim90/import/dist/vimhelp.vim:840 usr/share/vim/vim90/indent/aap.vim:265 usr/share/vim/vim90/indent/ada.vim:11324
    usr/share/vim/vim90/indent/ant.vim:290 usr/share/vim/vim90/indent/automake.vim:243 usr/share/vim/vim90/indent/awk.vim:7863
    usr/share/vim/vim90/indent/bash.vim:350 usr/share/vim/vim90/keymap/accents.vim:649 usr/share/vim/vim90/keymap/arabic.vim:109
    usr/share/vim/vim90/keymap/arabic_utf-8.vim:3387 usr/share/vim/vim90/keymap/armenian-eastern_utf-8.vim:893
    usr/share/vim/vim90/keymap/armenian-western_utf-8.vim:893 usr/share/vim/vim90/keymap/belarusian-jcuken.vim:2518
    usr/share/vim/vim90/lang/af/LC_MESSAGES/vim.mo:112970 usr/share/vim/vim90/lang/ca/LC_MESSAGES/vim.mo:279999
    usr/share/vim/vim90/lang/cs/LC_MESSAGES/vim.mo:105819 usr/share/vim/vim90/lang/cs.cp1250/LC_MESSAGES/vim.mo:105815
    usr/share/vim/vim90/lang/da/LC_MESSAGES/vim.mo:175070 usr/share/vim/vim90/lang/de/LC_MESSAGES/vim.mo:275324
    usr/share/vim/vim90/lang/en_GB/LC_MESSAGES/vim.mo:10978 usr/share/vim/vim90/lang/eo/LC_MESSAGES/vim.mo:215377
    usr/share/vim/vim90/lang/es/LC_MESSAGES/vim.mo:283599 usr/share/vim/vim90/lang/fi/LC_MESSAGES/vim.mo:266598
    usr/share/vim/vim90/lang/fr/LC_MESSAGES/vim.mo:207192 usr/share/vim/vim90/lang/ga/LC_MESSAGES/vim.mo:225755
    usr/share/vim/vim90/lang/it/LC_MESSAGES/vim.mo:278711 usr/share/vim/vim90/lang/ja/LC_MESSAGES/vim.mo:301520
    usr/share/vim/vim90/lang/ja.euc-jp/LC_MESSAGES/vim.mo:263487 usr/share/vim/vim90/lang/ja.sjis/LC_MESSAGES/vim.mo:263486
    usr/share/vim/vim90/lang/ko/LC_MESSAGES/vim.mo:160656 usr/share/vim/vim90/lang/ko.UTF-8/LC_MESSAGES/vim.mo:178020
    usr/share/vim/vim90/lang/lv/LC_MESSAGES/vim.mo:8634 usr/share/vim/vim90/lang/menu_af.latin1.vim:73
    usr/share/vim/vim90/lang/menu_af.utf-8.vim:92 usr/share/vim/vim90/lang/menu_af_af.latin1.vim:5545
    usr/share/vim/vim90/lang/menu_af_af.utf-8.vim:92 usr/share/vim/vim90/lang/menu_ca.latin1.vim:75
    usr/share/vim/vim90/lang/menu_ca.utf-8.vim:153 usr/share/vim/vim90/lang/nb/LC_MESSAGES/vim.mo:140940
    usr/share/vim/vim90/lang/nl/LC_MESSAGES/vim.mo:103480 usr/share/vim/vim90/lang/no/LC_MESSAGES/vim.mo:140940
    usr/share/vim/vim90/lang/pl/LC_MESSAGES/vim.mo:165462 usr/share/vim/vim90/lang/pl.UTF-8/LC_MESSAGES/vim.mo:168187
    usr/share/vim/vim90/lang/pl.cp1250/LC_MESSAGES/vim.mo:165458 usr/share/vim/vim90/lang/pt_BR/LC_MESSAGES/vim.mo:179788
    usr/share/vim/vim90/lang/ru/LC_MESSAGES/vim.mo:358464 usr/share/vim/vim90/lang/ru.cp1251/LC_MESSAGES/vim.mo:277699
    usr/share/vim/vim90/lang/sk/LC_MESSAGES/vim.mo:141254 usr/share/vim/vim90/lang/sk.cp1250/LC_MESSAGES/vim.mo:141250
    usr/share/vim/vim90/lang/sr/LC_MESSAGES/vim.mo:357660 usr/share/vim/vim90/lang/sv/LC_MESSAGES/vim.mo:142356
    usr/share/vim/vim90/lang/tr/LC_MESSAGES/vim.mo:278523 usr/share/vim/vim90/lang/uk/LC_MESSAGES/vim.mo:335994
    usr/share/vim/vim90/lang/uk.cp1251/LC_MESSAGES/vim.mo:265721 usr/share/vim/vim90/lang/vi/LC_MESSAGES/vim.mo:137472
    usr/share/vim/vim90/lang/zh_CN/LC_MESSAGES/vim.mo:232055 usr/share/vim/vim90/lang/zh_CN.UTF-8/LC_MESSAGES/vim.mo:253963
    usr/share/vim/vim90/lang/zh_CN.cp936/LC_MESSAGES/vim.mo:232052 usr/share/vim/vim90/lang/zh_TW/LC_MESSAGES/vim.mo:107754
    usr/share/vim/vim90/lang/zh_TW.UTF-8/LC_MESSAGES/vim.mo:116899 usr/share/vim/vim90/macros/editexisting.vim:124
    usr/share/vim/vim90/macros/hanoi/click.me:255 usr/share/vim/vim90/macros/hanoi/hanoi.vim:1097 usr/share/vim/vim90/macros/hanoi/poster:1259
    usr/share/vim/vim90/macros/justify.vim:109 usr/share/vim/vim90/macros/less.bat:288 usr/share/vim/vim90/macros/less.sh:588%755
    usr/share/vim/vim90/macros/less.vim:5743 usr/share/vim/vim90/macros/life/click.me:230 usr/share/vim/vim90/macros/life/life.vim:7617
    usr/share/vim/vim90/macros/matchit.vim:124 usr/share/vim/vim90/macros/maze/Makefile:111 usr/share/vim/vim90/macros/maze/maze.c:441
    usr/share/vim/vim90/macros/maze/maze_5.78:626 usr/share/vim/vim90/macros/maze/maze_mac:12149 usr/share/vim/vim90/macros/maze/mazeansi.c:441
    usr/share/vim/vim90/macros/maze/mazeclean.c:594 usr/share/vim/vim90/macros/urm/examples:1092 usr/share/vim/vim90/macros/urm/urm:630
    usr/share/vim/vim90/macros/urm/urm.vim:96 usr/share/vim/vim90/pack/dist/opt/cfilter/plugin/cfilter.vim:2067
    usr/share/vim/vim90/pack/dist/opt/dvorak/dvorak/disable.vim:677 usr/share/vim/vim90/pack/dist/opt/dvorak/dvorak/enable.vim:1106
    usr/share/vim/vim90/pack/dist/opt/dvorak/plugin/dvorak.vim:513 usr/share/vim/vim90/pack/dist/opt/editexisting/plugin/editexisting.vim:3640
    usr/share/vim/vim90/pack/dist/opt/justify/plugin/justify.vim:9160 usr/share/vim/vim90/pack/dist/opt/matchit/autoload/matchit.vim:29332
    usr/share/vim/vim90/pack/dist/opt/matchit/doc/matchit.txt:18710 usr/share/vim/vim90/pack/dist/opt/matchit/doc/tags:1961
    usr/share/vim/vim90/pack/dist/opt/matchit/plugin/matchit.vim:4573 usr/share/vim/vim90/pack/dist/opt/shellmenu/plugin/shellmenu.vim:5413
    usr/share/vim/vim90/pack/dist/opt/swapmouse/plugin/swapmouse.vim:856 usr/share/vim/vim90/pack/dist/opt/termdebug/plugin/termdebug.vim:45543
    usr/share/vim/vim90/plugin/getscriptPlugin.vim:1393 usr/share/vim/vim90/plugin/gzip.vim:3046 usr/share/vim/vim90/plugin/logiPat.vim:10269
    usr/share/vim/vim90/plugin/manpager.vim:1318 usr/share/vim/vim90/plugin/matchparen.vim:7189 usr/share/vim/vim90/plugin/netrwPlugin.vim:10743
    usr/share/vim/vim90/print/ascii.ps:720 usr/share/vim/vim90/print/cidfont.ps:1085 usr/share/vim/vim90/print/cns_roman.ps:765
    usr/share/vim/vim90/print/cp1250.ps:2215 usr/share/vim/vim90/print/cp1251.ps:2382 usr/share/vim/vim90/print/cp1252.ps:2223
    usr/share/vim/vim90/spell/check_locales.vim:463 usr/share/vim/vim90/spell/cleanadd.vim:934 usr/share/vim/vim90/spell/en.ascii.spl:619043
    usr/share/vim/vim90/spell/en.ascii.sug:597210 usr/share/vim/vim90/spell/en.latin1.spl:621179 usr/share/vim/vim90/spell/en.latin1.sug:597971
    usr/share/vim/vim90/syntax/2html.vim:75700 usr/share/vim/vim90/syntax/8th.vim:36219 usr/share/vim/vim90/syntax/a2ps.vim:2426
    usr/share/vim/vim90/syntax/a65.vim:6394 usr/share/vim/vim90/syntax/aap.vim:5697 usr/share/vim/vim90/syntax/abap.vim:9155
    usr/share/vim/vim90/syntax/shared/context-data-context.vim:39782 usr/share/vim/vim90/syntax/shared/context-data-interfaces.vim:124729
    usr/share/vim/vim90/syntax/shared/context-data-metafun.vim:9554 usr/share/vim/vim90/syntax/shared/context-data-tex.vim:20979
    usr/share/vim/vim90/syntax/shared/hgcommitDiff.vim:21728 usr/share/vim/vim90/syntax/shared/typescriptcommon.vim:134462
    usr/share/vim/vim90/tutor/tutor:33583 usr/share/vim/vim90/tutor/tutor.bar:40898 usr/share/vim/vim90/tutor/tutor.bar.utf-8:41847
    usr/share/vim/vim90/tutor/tutor.bg.utf-8:60522 usr/share/vim/vim90/tutor/tutor.ca:28420 usr/share/vim/vim90/tutor/tutor.ca.utf-8:28912`),
  p('xauth', '1:1.1.2-1', 'amd64 x11 optional foreign', 35960, 81, 'X authentication utility', { d: 'libc6 (>= 2.34), libx11-6, libxau6 (>= 1:1.0.9), libxext6, libxmuu1 (>= 2:1.1.3)', m: 'Debian X Strike Force <debian-x@lists.debian.org>' }, `
    usr/bin/xauth*:52736 usr/share/doc/xauth/changelog.Debian.gz usr/share/doc/xauth/changelog.gz usr/share/doc/xauth/copyright:1273
    usr/share/man/man1/xauth.1.gz`),
  p('xxd', '2:9.0.1378-2', 'amd64 editors optional foreign', 84116, 135, 'tool to make (or reverse) a hex dump', { d: 'libc6 (>= 2.34)', b: 'vim-common (<< 2:7.4.2347-1~)', rp: 'vim-common (<< 2:7.4.2347-1~)', src: 'vim', h: 'https://www.vim.org/', m: 'Debian Vim Maintainers <team+vim@tracker.debian.org>' }, `
    usr/bin/xxd*:18648 usr/share/doc/xxd/NEWS.Debian.gz usr/share/doc/xxd/changelog.Debian.gz usr/share/doc/xxd/changelog.gz
    usr/share/doc/xxd/copyright:27896 usr/share/man/fr/man1/xxd.1.gz usr/share/man/it/man1/xxd.1.gz usr/share/man/ja/man1/xxd.1.gz
    usr/share/man/man1/xxd.1.gz usr/share/man/pl/man1/xxd.1.gz usr/share/man/ru/man1/xxd.1.gz`),
];

const VIM_MAN = ['', 'da/', 'de/', 'fr/', 'it/', 'ja/', 'pl/', 'ru/', 'tr/'];
const vimGroup = (name: string, man: boolean): Alternative => ({
  name, link: `/usr/bin/${name}`, path: '/usr/bin/vim.basic', priority: 30,
  slaves: man ? VIM_MAN.map((d): [string, string] => [`/usr/share/man/${d}man1/${name}.1.gz`, `/usr/share/man/${d}man1/vim.1.gz`]) : [],
});

const EXTRA: Record<string, Partial<DebIndexEntry>> = {
  vim: { alternatives: [vimGroup('editor', true), vimGroup('ex', true), vimGroup('rview', false), vimGroup('rvim', false), vimGroup('vi', true), vimGroup('view', true), vimGroup('vim', false), vimGroup('vimdiff', false)] },
  nano: {
    alternatives: [
      { name: 'editor', link: '/usr/bin/editor', path: '/bin/nano', priority: 40, slaves: [['/usr/share/man/man1/editor.1.gz', '/usr/share/man/man1/nano.1.gz']] },
      { name: 'pico', link: '/usr/bin/pico', path: '/bin/nano', priority: 10, slaves: [['/usr/share/man/man1/pico.1.gz', '/usr/share/man/man1/nano.1.gz']] },
    ],
  },
  'vim-runtime': {
    diversions: [
      ['/usr/share/vim/vim90/doc/help.txt', '/usr/share/vim/vim90/doc/help.txt.vim-tiny'],
      ['/usr/share/vim/vim90/doc/tags', '/usr/share/vim/vim90/doc/tags.vim-tiny'],
    ],
  },
};

export const BOOKWORM: Distro = {
  id: 'debian',
  codename: 'bookworm',
  archives: [
    { uri: 'http://deb.debian.org/debian', suite: 'bookworm', components: ['main'], inRelease: 151_000, packages: { main: 8_789_000 } },
    { uri: 'http://deb.debian.org/debian', suite: 'bookworm-updates', components: ['main'], inRelease: 55_400, packages: { main: 2_468 } },
    { uri: 'http://deb.debian.org/debian-security', suite: 'bookworm-security', components: ['main'], inRelease: 48_000, packages: { main: 213_000 } },
  ],
  packages: PACKAGES.map((pkg) => ({ ...pkg, ...EXTRA[pkg.name] })),
  texts: {
    '/etc/protocols': PROTOCOLS,
    '/etc/services': SERVICES,
    '/etc/ssh/ssh_config': `
# This is the ssh client system-wide configuration file.  See
# ssh_config(5) for more information.  This file provides defaults for
# users, and the values can be changed in per-user configuration files
# or on the command line.

# Configuration data is parsed as follows:
#  1. command line options
#  2. user-specific file
#  3. system-wide file
# Any configuration value is only changed the first time it is set.
# Thus, host-specific definitions should be at the beginning of the
# configuration file, and defaults at the end.

# Site-wide defaults for some commonly used options.  For a comprehensive
# list of available options, their meanings and defaults, please see the
# ssh_config(5) man page.

Include /etc/ssh/ssh_config.d/*.conf

Host *
#   ForwardAgent no
#   ForwardX11 no
#   ForwardX11Trusted yes
#   PasswordAuthentication yes
#   HostbasedAuthentication no
#   GSSAPIAuthentication no
#   GSSAPIDelegateCredentials no
#   GSSAPIKeyExchange no
#   GSSAPITrustDNS no
#   BatchMode no
#   CheckHostIP yes
#   AddressFamily any
#   ConnectTimeout 0
#   StrictHostKeyChecking ask
#   IdentityFile ~/.ssh/id_rsa
#   IdentityFile ~/.ssh/id_dsa
#   IdentityFile ~/.ssh/id_ecdsa
#   IdentityFile ~/.ssh/id_ed25519
#   Port 22
#   Ciphers aes128-ctr,aes192-ctr,aes256-ctr,aes128-cbc,3des-cbc
#   MACs hmac-md5,hmac-sha1,umac-64@openssh.com
#   EscapeChar ~
#   Tunnel no
#   TunnelDevice any:any
#   PermitLocalCommand no
#   VisualHostKey no
#   ProxyCommand ssh -q -W %h:%p gateway.example.com
#   RekeyLimit 1G 1h
#   UserKnownHostsFile ~/.ssh/known_hosts.d/%k
    SendEnv LANG LC_*
    HashKnownHosts yes
    GSSAPIAuthentication yes
`,
    '/etc/vim/vimrc': `" $VIMRUNTIME refers to the versioned system directory where Vim stores its
" system runtime files -- /usr/share/vim/vim<version>.
"
" Vim will load $VIMRUNTIME/defaults.vim if the user does not have a vimrc.
" This happens after /etc/vim/vimrc(.local) are loaded, so it will override
" any settings in these files.
"
" If you don't want that to happen, uncomment the below line to prevent
" defaults.vim from being loaded.
" let g:skip_defaults_vim = 1
"
" If you would rather _use_ default.vim's settings, but have the system or
" user vimrc override its settings, then uncomment the line below.
" source $VIMRUNTIME/defaults.vim

" All Debian-specific settings are defined in $VIMRUNTIME/debian.vim and
" sourced by the call to :runtime you can find below.  If you wish to change
" any of those settings, you should do it in this file or
" /etc/vim/vimrc.local, since debian.vim will be overwritten everytime an
" upgrade of the vim packages is performed. It is recommended to make changes
" after sourcing debian.vim so your settings take precedence.

runtime! debian.vim

" Uncomment the next line to make Vim more Vi-compatible
" NOTE: debian.vim sets 'nocompatible'.  Setting 'compatible' changes
" numerous options, so any other options should be set AFTER changing
" 'compatible'.
"set compatible

" Vim5 and later versions support syntax highlighting. Uncommenting the next
" line enables syntax highlighting by default.
"syntax on

" If using a dark background within the editing area and syntax highlighting
" turn on this option as well
"set background=dark

" Uncomment the following to have Vim jump to the last position when
" reopening a file
"au BufReadPost * if line("'\\"") > 1 && line("'\\"") <= line("$") | exe "normal! g'\\"" | endif

" Uncomment the following to have Vim load indentation rules and plugins
" according to the detected filetype.
"filetype plugin indent on

" The following are commented out as they cause vim to behave a lot
" differently from regular Vi. They are highly recommended though.
"set showcmd		" Show (partial) command in status line.
"set showmatch		" Show matching brackets.
"set ignorecase		" Do case insensitive matching
"set smartcase		" Do smart case matching
"set incsearch		" Incremental search
"set autowrite		" Automatically save before commands like :next and :make
"set hidden		" Hide buffers when they are abandoned
"set mouse=a		" Enable mouse usage (all modes)

" Source a global configuration file if available
if filereadable("/etc/vim/vimrc.local")
  source /etc/vim/vimrc.local
endif

`,
    '/etc/ldap/ldap.conf': `#
# LDAP Defaults
#

# See ldap.conf(5) for details
# This file should be world readable but not world writable.

#BASE	dc=example,dc=com
#URI	ldap://ldap.example.com ldap://ldap-provider.example.com:666

#SIZELIMIT	12
#TIMELIMIT	15
#DEREF		never

# TLS certificates (needed for GnuTLS)
TLS_CACERT	/etc/ssl/certs/ca-certificates.crt

`,
    ...Object.fromEntries(CA_CERTS.map((c) => [`/usr/share/ca-certificates/mozilla/${c.name}.crt`, certificateText(c)])),
  },
  baseDbEntries: 6019,
  perlInc: '/etc/perl /usr/local/lib/x86_64-linux-gnu/perl/5.36.0 /usr/local/share/perl/5.36.0 /usr/lib/x86_64-linux-gnu/perl5/5.36 /usr/share/perl5 /usr/lib/x86_64-linux-gnu/perl-base /usr/lib/x86_64-linux-gnu/perl/5.36 /usr/share/perl/5.36 /usr/local/lib/site_perl',
  perlReadline: 'perl-modules-5.36',
};
