/**
 * Ubuntu 24.04 "noble" as of ubuntu:24.04 (noble-20241011): the archives
 * and the packages behind `apt-get install curl git vim nano tree jq`, with
 * their dependency closures as Ubuntu has them (t64 library names, libssh
 * rather than libssh2, Python for vim). Versions are those of October 2024;
 * sizes are the archive's where known and close estimates otherwise. File
 * lists follow the Debian packages they derive from, abridged.
 */
import { CA_CERTS } from '../certs.ts';
import { BOOKWORM } from './index-bookworm.ts';
import { debPackage, type Alternative, type DebIndexEntry, type Distro } from './index.ts';

const p = (...a: Parameters<typeof debPackage> extends [string, ...infer R] ? R : never) => debPackage('noble', ...a);
const CERT_FILES = CA_CERTS.map((c) => `usr/share/ca-certificates/mozilla/${c.name}.crt:${c.size}`).join(' ');

const PACKAGES: DebIndexEntry[] = [
  p('ca-certificates', '20240203', 'all misc important foreign', 159828, 379, 'Common CA certificates', { d: 'openssl (>= 1.1.1), debconf (>= 0.5) | debconf-2.0', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
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
  p('curl', '8.5.0-2ubuntu10.4', 'amd64 web optional foreign', 226280, 534, 'command line tool for transferring data with URL syntax', { d: 'libc6 (>= 2.34), libcurl4t64 (= 8.5.0-2ubuntu10.4), zlib1g (>= 1:1.1.4)', h: 'https://curl.se/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/curl*:280800 usr/share/doc/curl/changelog.Debian.gz usr/share/doc/curl/changelog.gz usr/share/doc/curl/copyright:21749
    usr/share/man/man1/curl.1.gz usr/share/zsh/vendor-completions/_curl:15686`),
  p('krb5-locales', '1.20.1-6ubuntu2.1', 'all localization standard foreign', 13930, 101, 'internationalization support for MIT Kerberos', { src: 'krb5', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/share/doc/krb5-locales/changelog.Debian.gz usr/share/doc/krb5-locales/copyright:63047 usr/share/locale/de/LC_MESSAGES/mit-krb5.mo
    usr/share/locale/en_US usr/share/locale/en_US/LC_MESSAGES usr/share/locale/en_US/LC_MESSAGES/mit-krb5.mo`),
  p('libbrotli1', '1.1.0-2build2', 'amd64 libs optional same', 339348, 850, 'library implementing brotli encoder and decoder (shared libraries)', { d: 'libc6 (>= 2.29)', src: 'brotli', h: 'https://github.com/google/brotli', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libbrotlicommon.so.1.0.9@libbrotlicommon.so.1:137376
    usr/lib/x86_64-linux-gnu/libbrotlidec.so.1.0.9@libbrotlidec.so.1:47264
    usr/lib/x86_64-linux-gnu/libbrotlienc.so.1.0.9@libbrotlienc.so.1:591920 usr/share/doc/libbrotli1/changelog.Debian.gz
    usr/share/doc/libbrotli1/copyright:1354 usr/share/lintian/overrides/libbrotli1
    usr/lib/x86_64-linux-gnu/libbrotlicommon.so.1>libbrotlicommon.so.1.0.9 usr/lib/x86_64-linux-gnu/libbrotlidec.so.1>libbrotlidec.so.1.0.9
    usr/lib/x86_64-linux-gnu/libbrotlienc.so.1>libbrotlienc.so.1.0.9`),
  p('libcurl4t64', '8.5.0-2ubuntu10.4', 'amd64 libs optional same', 341374, 902, 'easy-to-use client-side URL transfer library (OpenSSL flavour)', { d: 'libbrotli1 (>= 0.6.0), libc6 (>= 2.38), libgssapi-krb5-2 (>= 1.17), libidn2-0 (>= 0.6), libldap2 (>= 2.6.2), libnghttp2-14 (>= 1.50.0), libpsl5t64 (>= 0.16.0), librtmp1 (>= 2.4+20131018.git79459a2-3~), libssh-4 (>= 0.9.0), libssl3t64 (>= 3.0.0), libzstd1 (>= 1.5.5), zlib1g (>= 1:1.1.4)', r: 'ca-certificates', pv: 'libcurl4 (= 8.5.0-2ubuntu10.4)', b: 'libcurl4 (<< 8.5.0-2ubuntu1)', rp: 'libcurl4', src: 'curl', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0@libcurl.so.4:712120 usr/share/doc/libcurl4t64/changelog.Debian.gz
    usr/share/doc/libcurl4t64/changelog.gz usr/share/doc/libcurl4t64/copyright:21749 usr/lib/x86_64-linux-gnu/libcurl.so.4>libcurl.so.4.8.0`),
  p('libgssapi-krb5-2', '1.20.1-6ubuntu2.1', 'amd64 libs optional same', 143000, 430, 'MIT Kerberos runtime libraries - krb5 GSS-API Mechanism', { d: 'libc6 (>= 2.33), libcom-err2 (>= 1.43.9), libk5crypto3 (>= 1.20), libkrb5-3 (= 1.20.1-6ubuntu2.1), libkrb5support0 (>= 1.15~beta1)', src: 'krb5', h: 'https://web.mit.edu/kerberos/', suite: 'updates', s: 'krb5-doc, krb5-user', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    etc/gss/mech.d/ usr/lib/x86_64-linux-gnu/libgssapi_krb5.so.2.2@libgssapi_krb5.so.2:338680 usr/share/doc/libgssapi-krb5-2/changelog.Debian.gz
    usr/share/doc/libgssapi-krb5-2/copyright:63047 usr/share/lintian/overrides/libgssapi-krb5-2
    usr/lib/x86_64-linux-gnu/libgssapi_krb5.so.2>libgssapi_krb5.so.2.2`),
  p('libk5crypto3', '1.20.1-6ubuntu2.1', 'amd64 libs optional same', 81500, 283, 'MIT Kerberos runtime libraries - Crypto Library', { d: 'libc6 (>= 2.38), libkrb5support0 (= 1.20.1-6ubuntu2.1)', src: 'krb5', h: 'https://web.mit.edu/kerberos/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libk5crypto.so.3.1@libk5crypto.so.3:183048 usr/share/doc/libk5crypto3/changelog.Debian.gz
    usr/share/doc/libk5crypto3/copyright:63047 usr/lib/x86_64-linux-gnu/libk5crypto.so.3>libk5crypto.so.3.1`),
  p('libkrb5-3', '1.20.1-6ubuntu2.1', 'amd64 libs optional same', 347858, 1097, 'MIT Kerberos runtime libraries', { d: 'libc6 (>= 2.38), libcom-err2 (>= 1.43.9), libk5crypto3 (>= 1.20), libkeyutils1 (>= 1.5.9), libkrb5support0 (= 1.20.1-6ubuntu2.1), libssl3t64 (>= 3.0.0)', src: 'krb5', h: 'https://web.mit.edu/kerberos/', suite: 'updates', r: 'krb5-locales', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/krb5/plugins/libkrb5/ usr/lib/x86_64-linux-gnu/krb5/plugins/preauth/spake.so@spake.so.0:85592
    usr/lib/x86_64-linux-gnu/libkrb5.so.3.3@libkrb5.so.3:888080 usr/share/doc/libkrb5-3/README.Debian usr/share/doc/libkrb5-3/README.gz
    usr/share/doc/libkrb5-3/changelog.Debian.gz usr/share/doc/libkrb5-3/copyright:63047 usr/share/lintian/overrides/libkrb5-3
    usr/lib/x86_64-linux-gnu/libkrb5.so.3>libkrb5.so.3.3`),
  p('libkrb5support0', '1.20.1-6ubuntu2.1', 'amd64 libs optional same', 34000, 135, 'MIT Kerberos runtime libraries - Support library', { d: 'libc6 (>= 2.34)', src: 'krb5', h: 'https://web.mit.edu/kerberos/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libkrb5support.so.0.1@libkrb5support.so.0:52224 usr/share/doc/libkrb5support0/changelog.Debian.gz
    usr/share/doc/libkrb5support0/copyright:63047 usr/lib/x86_64-linux-gnu/libkrb5support.so.0>libkrb5support.so.0.1`),
  p('libkeyutils1', '1.6.3-3build1', 'amd64 misc optional same', 9490, 46, 'Linux Key Management Utilities (library)', { d: 'libc6 (>= 2.14)', src: 'keyutils', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    lib/x86_64-linux-gnu/libkeyutils.so.1.10@libkeyutils.so.1:22448 usr/share/doc/libkeyutils1/changelog.Debian.gz
    usr/share/doc/libkeyutils1/copyright:2104 lib/x86_64-linux-gnu/libkeyutils.so.1>libkeyutils.so.1.10`),
  p('libldap-common', '2.6.7+dfsg-1~exp1ubuntu8.1', 'all libs optional foreign', 31654, 90, 'OpenLDAP common files for libraries', { src: 'openldap', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    etc/ldap/ldap.conf:334 usr/share/doc/libldap-common/changelog.Debian.gz usr/share/doc/libldap-common/changelog.gz
    usr/share/doc/libldap-common/copyright:62837 usr/share/man/man5/ldap.conf.5.gz`),
  p('libldap2', '2.6.7+dfsg-1~exp1ubuntu8.1', 'amd64 libs optional same', 195628, 556, 'OpenLDAP libraries', { d: 'libc6 (>= 2.38), libgnutls30t64 (>= 3.8.2), libsasl2-2 (>= 2.1.28+dfsg1)', r: 'libldap-common', src: 'openldap', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/liblber-2.5.so.0.1.8@liblber-2.5.so.0:63832 usr/lib/x86_64-linux-gnu/libldap-2.5.so.0.1.8@libldap-2.5.so.0:380432
    usr/share/doc/libldap2/README.Debian usr/share/doc/libldap2/changelog.Debian.gz usr/share/doc/libldap2/changelog.gz
    usr/share/doc/libldap2/copyright:62837 usr/share/lintian/overrides/libldap2 usr/lib/x86_64-linux-gnu/liblber-2.5.so.0>liblber-2.5.so.0.1.8
    usr/lib/x86_64-linux-gnu/libldap-2.5.so.0>libldap-2.5.so.0.1.8`),
  p('libnghttp2-14', '1.59.0-1ubuntu0.1', 'amd64 libs optional same', 74306, 219, 'library implementing HTTP/2 protocol (shared library)', { d: 'libc6 (>= 2.17)', src: 'nghttp2', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libnghttp2.so.14.24.1@libnghttp2.so.14:190928 usr/share/doc/libnghttp2-14/AUTHORS
    usr/share/doc/libnghttp2-14/README.rst.gz usr/share/doc/libnghttp2-14/changelog.Debian.gz usr/share/doc/libnghttp2-14/copyright:6535
    usr/lib/x86_64-linux-gnu/libnghttp2.so.14>libnghttp2.so.14.24.1`),
  p('libpsl5t64', '0.21.2-1.1build1', 'amd64 libs optional same', 57366, 103, 'Library for Public Suffix List (shared libraries)', { d: 'libidn2-0 (>= 0.16), libunistring5 (>= 0.9.7), libc6 (>= 2.33)', r: 'publicsuffix (>= 20150507)', pv: 'libpsl5 (= 0.21.2-1.1build1)', src: 'libpsl', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libpsl.so.5.3.4@libpsl.so.5:75616 usr/share/doc/libpsl5t64/changelog.Debian.gz
    usr/share/doc/libpsl5t64/changelog.gz usr/share/doc/libpsl5t64/copyright:3310 usr/lib/x86_64-linux-gnu/libpsl.so.5>libpsl.so.5.3.4`),
  p('librtmp1', '2.4+20151223.gitfa8646d.1-2build7', 'amd64 libs optional same', 57756, 145, 'toolkit for RTMP streams (shared library)', { d: 'libc6 (>= 2.34), libgmp10 (>= 2:6.3.0+dfsg), libgnutls30t64 (>= 3.8.1), libhogweed6t64, libnettle8t64, zlib1g (>= 1:1.1.4)', src: 'rtmpdump', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/librtmp.so.1@librtmp.so.1:122280 usr/share/doc/librtmp1/changelog.Debian.amd64.gz
    usr/share/doc/librtmp1/changelog.Debian.gz usr/share/doc/librtmp1/changelog.gz usr/share/doc/librtmp1/copyright:2726`),
  p('libsasl2-2', '2.1.28+dfsg1-5ubuntu3.1', 'amd64 libs standard same', 54332, 168, 'Cyrus SASL - authentication abstraction library', { d: 'libsasl2-modules-db (>= 2.1.28+dfsg1-5ubuntu3.1), libc6 (>= 2.34)', r: 'libsasl2-modules (>= 2.1.28+dfsg1-5ubuntu3.1)', src: 'cyrus-sasl2', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/sasl2/ usr/lib/x86_64-linux-gnu/libsasl2.so.2.0.25@libsasl2.so.2:113392 usr/share/doc/libsasl2-2/NEWS.Debian.gz
    usr/share/doc/libsasl2-2/README.Debian usr/share/doc/libsasl2-2/changelog.Debian.gz usr/share/doc/libsasl2-2/copyright:32354
    usr/share/man/man5/libsasl.5.gz usr/lib/x86_64-linux-gnu/libsasl2.so.2>libsasl2.so.2.0.25`),
  p('libsasl2-modules', '2.1.28+dfsg1-5ubuntu3.1', 'amd64 devel optional same', 69932, 284, 'Cyrus SASL - pluggable authentication modules', { d: 'libc6 (>= 2.38), libssl3t64 (>= 3.0.0)', s: 'libsasl2-modules-gssapi-mit | libsasl2-modules-gssapi-heimdal, libsasl2-modules-ldap, libsasl2-modules-otp, libsasl2-modules-sql', src: 'cyrus-sasl2', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/sasl2/libanonymous.so.2.0.25@libanonymous.so.2:18656
    usr/lib/x86_64-linux-gnu/sasl2/libcrammd5.so.2.0.25@libcrammd5.so.2:22752
    usr/lib/x86_64-linux-gnu/sasl2/libdigestmd5.so.2.0.25@libdigestmd5.so.2:60008
    usr/lib/x86_64-linux-gnu/sasl2/liblogin.so.2.0.25@liblogin.so.2:18656 usr/lib/x86_64-linux-gnu/sasl2/libntlm.so.2.0.25@libntlm.so.2:39136
    usr/lib/x86_64-linux-gnu/sasl2/libplain.so.2.0.25@libplain.so.2:18656 usr/share/doc/libsasl2-modules/NEWS.Debian.gz
    usr/share/doc/libsasl2-modules/changelog.Debian.gz usr/share/doc/libsasl2-modules/copyright:32354`),
  p('libsasl2-modules-db', '2.1.28+dfsg1-5ubuntu3.1', 'amd64 libs standard same', 20326, 80, 'Cyrus SASL - pluggable authentication modules (DB)', { d: 'libc6 (>= 2.14), libdb5.3t64', src: 'cyrus-sasl2', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/sasl2/libsasldb.so.2.0.25@libsasldb.so.2:30632 usr/share/doc/libsasl2-modules-db/NEWS.Debian.gz
    usr/share/doc/libsasl2-modules-db/changelog.Debian.gz usr/share/doc/libsasl2-modules-db/copyright:32354
    usr/lib/x86_64-linux-gnu/sasl2/libsasldb.so>libsasldb.so.2.0.25 usr/lib/x86_64-linux-gnu/sasl2/libsasldb.so.2>libsasldb.so.2.0.25`),
  p('libssh-4', '0.10.6-2build2', 'amd64 libs optional same', 188848, 526, 'tiny C SSH library (OpenSSL flavor)', { d: 'libc6 (>= 2.38), libgssapi-krb5-2 (>= 1.17), libssl3t64 (>= 3.0.0), zlib1g (>= 1:1.1.4)', src: 'libssh', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libssh.so.4>libssh.so.4.9.6 usr/lib/x86_64-linux-gnu/libssh.so.4.9.6@libssh.so.4:522936
    usr/share/doc/libssh-4/copyright:2851 usr/share/doc/libssh-4/changelog.Debian.gz`),
  p('openssl', '3.0.13-0ubuntu3.4', 'amd64 utils important foreign', 1002580, 2274, 'Secure Sockets Layer toolkit - cryptographic utility', { d: 'libc6 (>= 2.34), libssl3t64 (>= 3.0.9)', s: 'ca-certificates', h: 'https://www.openssl.org/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
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
  p('publicsuffix', '20231001.0357-0.1', 'all net optional foreign', 129368, 345, 'accurate, machine-readable list of domain name suffixes', { h: 'https://publicsuffix.org', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/share/doc/publicsuffix/README.Debian usr/share/doc/publicsuffix/changelog.Debian.gz usr/share/doc/publicsuffix/changelog.gz
    usr/share/doc/publicsuffix/copyright:24418 usr/share/doc/publicsuffix/examples/test_psl.txt
    usr/share/publicsuffix/public_suffix_list.dafsa:54368 usr/share/publicsuffix/public_suffix_list.dat:245996
    usr/share/publicsuffix/effective_tld_names.dat>public_suffix_list.dat`),
  p('git', '1:2.43.0-1ubuntu7.1', 'amd64 vcs optional foreign', 3679236, 23788, 'fast, scalable, distributed revision control system', { d: 'libc6 (>= 2.38), libcurl3t64-gnutls (>= 7.56.1), libexpat1 (>= 2.0.1), libpcre2-8-0 (>= 10.34), zlib1g (>= 1:1.2.2), perl, liberror-perl, git-man (>> 1:2.43.0), git-man (<< 1:2.43.0-.)', r: 'ca-certificates, patch, less, ssh-client', s: 'gettext-base, git-daemon-run | git-daemon-sysvinit, git-doc, git-email, git-gui, gitk, gitweb, git-cvs, git-mediawiki, git-svn', pv: 'git-completion, git-core', h: 'https://git-scm.com/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
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
  p('git-man', '1:2.43.0-1ubuntu7.1', 'all doc optional foreign', 1100556, 2529, 'fast, scalable, distributed revision control system (manual pages)', { src: 'git', h: 'https://git-scm.com/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/share/doc/git-man/changelog.Debian.gz usr/share/doc/git-man/changelog.gz usr/share/doc/git-man/copyright:19290
    usr/share/man/man1/git-add.1.gz usr/share/man/man1/git-am.1.gz usr/share/man/man1/git-annotate.1.gz usr/share/man/man1/git-apply.1.gz
    usr/share/man/man1/git-archive.1.gz usr/share/man/man1/git-bisect.1.gz usr/share/man/man3 usr/share/man/man3/Git.3pm.gz
    usr/share/man/man5/gitattributes.5.gz usr/share/man/man5/gitformat-bundle.5.gz usr/share/man/man5/gitformat-chunk.5.gz
    usr/share/man/man5/gitformat-commit-graph.5.gz usr/share/man/man5/gitformat-index.5.gz usr/share/man/man5/gitformat-pack.5.gz
    usr/share/man/man7/gitcli.7.gz usr/share/man/man7/gitcore-tutorial.7.gz usr/share/man/man7/gitcredentials.7.gz
    usr/share/man/man7/gitcvs-migration.7.gz usr/share/man/man7/gitdiffcore.7.gz usr/share/man/man7/giteveryday.7.gz`),
  p('less', '590-2ubuntu2.1', 'amd64 text standard foreign', 142462, 339, 'pager program similar to more', { d: 'libc6 (>= 2.34), libtinfo6 (>= 6)', h: 'https://www.greenwoodsoftware.com/less/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/less*:198960 usr/bin/lessecho*:14584 usr/bin/lesskey*:24200 usr/bin/lesspipe:9047%755 usr/lib/mime/packages/less:90
    usr/share/doc/less/LESSOPEN usr/share/doc/less/NEWS.gz usr/share/doc/less/README.Debian usr/share/doc/less/changelog.Debian.gz
    usr/share/doc/less/copyright:4579 usr/share/man/man1/less.1.gz usr/share/man/man1/lessecho.1.gz usr/share/man/man1/lesskey.1.gz
    usr/share/man/man1/lesspipe.1.gz usr/bin/lessfile>lesspipe usr/share/man/man1/lessfile.1.gz`),
  p('libcbor0.10', '0.10.2-1.2ubuntu2', 'amd64 libs optional same', 26318, 80, 'library for parsing and generating CBOR (RFC 7049)', { d: 'libc6 (>= 2.14)', src: 'libcbor', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libcbor.so.0.10.0@libcbor.so.0.10:69192 usr/share/doc/libcbor0.10/README.md
    usr/share/doc/libcbor0.10/changelog.Debian.amd64.gz usr/share/doc/libcbor0.10/changelog.Debian.gz usr/share/doc/libcbor0.10/changelog.gz
    usr/share/doc/libcbor0.10/copyright:1526 usr/lib/x86_64-linux-gnu/libcbor.so.0.10>libcbor.so.0.10.0`),
  p('libcurl3t64-gnutls', '8.5.0-2ubuntu10.4', 'amd64 libs optional same', 333986, 863, 'easy-to-use client-side URL transfer library (GnuTLS flavour)', { d: 'libbrotli1 (>= 0.6.0), libc6 (>= 2.38), libgnutls30t64 (>= 3.8.2), libgssapi-krb5-2 (>= 1.17), libidn2-0 (>= 0.6), libldap2 (>= 2.6.2), libnettle8t64, libnghttp2-14 (>= 1.50.0), libpsl5t64 (>= 0.16.0), librtmp1 (>= 2.4+20131018.git79459a2-3~), libssh-4 (>= 0.9.0), libzstd1 (>= 1.5.5), zlib1g (>= 1:1.1.4)', r: 'ca-certificates', src: 'curl', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4.8.0@libcurl-gnutls.so.4:695736 usr/share/doc/libcurl3t64-gnutls/changelog.Debian.gz
    usr/share/doc/libcurl3t64-gnutls/changelog.gz usr/share/doc/libcurl3t64-gnutls/copyright:21749
    usr/share/lintian/overrides/libcurl3t64-gnutls usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.3>libcurl-gnutls.so.4
    usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4>libcurl-gnutls.so.4.8.0`),
  p('libedit2', '3.1-20230828-1build1', 'amd64 libs standard same', 97638, 260, 'BSD editline and history libraries', { d: 'libbsd0 (>= 0.1.3), libc6 (>= 2.33), libtinfo6 (>= 6)', src: 'libedit', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libedit.so.2.0.70@libedit.so.2:216640 usr/share/doc/libedit2/TODO.Debian usr/share/doc/libedit2/changelog.Debian.gz
    usr/share/doc/libedit2/changelog.gz usr/share/doc/libedit2/copyright:1840 usr/share/lintian/overrides/libedit2
    usr/share/man/man5/editrc.5edit.gz usr/share/man/man7/editline.7edit.gz usr/lib/x86_64-linux-gnu/libedit.so.2>libedit.so.2.0.70`),
  p('liberror-perl', '0.17029-2', 'all perl optional foreign', 25602, 73, 'Perl module for error/exception handling in an OO-ish way', { d: 'perl:any', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/share/doc/liberror-perl/changelog.Debian.gz usr/share/doc/liberror-perl/changelog.gz usr/share/doc/liberror-perl/copyright:2669
    usr/share/doc/liberror-perl/examples/example.pl usr/share/doc/liberror-perl/examples/next-in-loop/Error.pm-eval.pl
    usr/share/doc/liberror-perl/examples/next-in-loop/Error.pm-next-label.pl
    usr/share/doc/liberror-perl/examples/next-in-loop/Error.pm-next-out-of-catch.pl
    usr/share/doc/liberror-perl/examples/next-in-loop/Error.pm-next.pl usr/share/doc/liberror-perl/examples/next-in-loop/README
    usr/share/doc/liberror-perl/examples/warndie.pl usr/share/man/man3 usr/share/man/man3/Error.3pm.gz usr/share/man/man3/Error::Simple.3pm.gz
    usr/share/perl5/Error/Simple.pm:4069 usr/share/perl5/Error.pm:30152`),
  p('libexpat1', '2.6.1-2build1', 'amd64 libs optional same', 87856, 407, 'XML parsing C library - runtime library', { d: 'libc6 (>= 2.25)', src: 'expat', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    lib/x86_64-linux-gnu/libexpat.so.1.8.10@libexpat.so.1:186472 usr/lib/x86_64-linux-gnu/libexpatw.so.1.8.10@libexpatw.so.1:186464
    usr/share/doc/libexpat1/AUTHORS usr/share/doc/libexpat1/changelog.Debian.gz usr/share/doc/libexpat1/changelog.gz
    usr/share/doc/libexpat1/copyright:1756 lib/x86_64-linux-gnu/libexpat.so.1>libexpat.so.1.8.10
    usr/lib/x86_64-linux-gnu/libexpatw.so.1>libexpatw.so.1.8.10`),
  p('libfido2-1', '1.14.0-1build3', 'amd64 libs optional same', 83812, 249, 'library for generating and verifying FIDO 2.0 objects', { d: 'libc6 (>= 2.38), libcbor0.10 (>= 0.10.0), libssl3t64 (>= 3.0.0), libudev1 (>= 183), zlib1g (>= 1:1.2.0)', src: 'libfido2', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libfido2.so.1.12.0@libfido2.so.1:219040 usr/share/doc/libfido2-1/changelog.Debian.amd64.gz
    usr/share/doc/libfido2-1/changelog.Debian.gz usr/share/doc/libfido2-1/copyright:3626
    usr/lib/x86_64-linux-gnu/libfido2.so.1>libfido2.so.1.12.0`),
  p('libgdbm-compat4t64', '1.23-5.1build1', 'amd64 libs optional same', 6636, 58, 'GNU dbm database routines (legacy support runtime version)', { d: 'libc6 (>= 2.4), libgdbm6t64 (>= 1.16)', src: 'gdbm', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libgdbm_compat.so.4.0.0@libgdbm_compat.so.4:14176 usr/share/doc/libgdbm-compat4t64/changelog.Debian.gz
    usr/share/doc/libgdbm-compat4t64/changelog.gz usr/share/doc/libgdbm-compat4t64/copyright:2701
    usr/lib/x86_64-linux-gnu/libgdbm_compat.so.4>libgdbm_compat.so.4.0.0`),
  p('libgdbm6t64', '1.23-5.1build1', 'amd64 libs optional same', 39778, 119, 'GNU dbm database routines (runtime version)', { d: 'libc6 (>= 2.34)', s: 'gdbm-l10n (= 1.23-5.1build1)', src: 'gdbm', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libgdbm.so.6.0.0@libgdbm.so.6:71704 usr/share/doc/libgdbm6t64/changelog.Debian.gz
    usr/share/doc/libgdbm6t64/changelog.gz usr/share/doc/libgdbm6t64/copyright:2701 usr/lib/x86_64-linux-gnu/libgdbm.so.6>libgdbm.so.6.0.0`),
  p('libperl5.38t64', '5.38.2-3.2build2', 'amd64 libs optional same', 4874106, 28830, 'shared Perl library', { d: 'libbz2-1.0, libc6 (>= 2.38), libcrypt1 (>= 1:4.1.0), libdb5.3t64, libgdbm-compat4t64 (>= 1.18-3), libgdbm6t64 (>= 1.21), zlib1g (>= 1:1.2.2.3), perl-modules-5.38 (>= 5.38.2-3.2build2)', s: 'sensible-utils', src: 'perl', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/cpan5.36-x86_64-linux-gnu:8381%755 usr/bin/perl5.36-x86_64-linux-gnu*:14752
    usr/lib/x86_64-linux-gnu/libperl.so.5.38.2@libperl.so.5.36:3832160 usr/lib/x86_64-linux-gnu/perl/5.38.2/B/Concise.pm:60764
    usr/lib/x86_64-linux-gnu/perl/5.38.2/B/Showlex.pm:5656 usr/lib/x86_64-linux-gnu/perl/5.38.2/B/Terse.pm:2905
    usr/lib/x86_64-linux-gnu/perl/5.38.2/B/Xref.pm:12494 usr/lib/x86_64-linux-gnu/perl/5.38.2/B.pm:30093
    usr/lib/x86_64-linux-gnu/perl/5.38.2/CORE/EXTERN.h:1576 usr/lib/x86_64-linux-gnu/perl/5.38.2/CORE/INTERN.h:1276
    usr/lib/x86_64-linux-gnu/perl/5.38.2/CORE/XSUB.h:24219 usr/lib/x86_64-linux-gnu/perl/5.38.2/CORE/av.h:6986
    usr/lib/x86_64-linux-gnu/perl/5.38.2/CORE/bitcount.h:1038 usr/lib/x86_64-linux-gnu/perl/5.38.2/CORE/charclass_invlists.h:4472989
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Compress/Raw/Bzip2.pm:10996 usr/lib/x86_64-linux-gnu/perl/5.38.2/Compress/Raw/Zlib.pm:47413
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Config.pm:3217 usr/lib/x86_64-linux-gnu/perl/5.38.2/Config.pod:257891
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Config_git.pl:409 usr/lib/x86_64-linux-gnu/perl/5.38.2/Config_heavy.pl:55786
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Cwd.pm:21277 usr/lib/x86_64-linux-gnu/perl/5.38.2/Data/Dumper.pm:45952
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Devel/PPPort.pm:632237 usr/lib/x86_64-linux-gnu/perl/5.38.2/Devel/Peek.pm:18043
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Digest/MD5.pm:10946 usr/lib/x86_64-linux-gnu/perl/5.38.2/Digest/SHA.pm:22174
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/Alias.pm:12545 usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/Byte.pm:2430
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/CJKConstants.pm:1683 usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/CN/HZ.pm:6084
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/CN.pm:2042 usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/Config.pm:6065
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/EBCDIC.pm:865 usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/JP/H2Z.pm:5142
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/JP/JIS7.pm:4262 usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/KR/2022_KR.pm:1977
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/MIME/Header/ISO_2022_JP.pm:3200 usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/MIME/Header.pm:16663
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/MIME/Name.pm:3821 usr/lib/x86_64-linux-gnu/perl/5.38.2/Encode/Unicode/UTF7.pm:3875
    usr/lib/x86_64-linux-gnu/perl/5.38.2/File/DosGlob.pm:7994 usr/lib/x86_64-linux-gnu/perl/5.38.2/File/Glob.pm:12642
    usr/lib/x86_64-linux-gnu/perl/5.38.2/File/Spec/AmigaOS.pm:982 usr/lib/x86_64-linux-gnu/perl/5.38.2/File/Spec/Cygwin.pm:3610
    usr/lib/x86_64-linux-gnu/perl/5.38.2/File/Spec/Epoc.pm:1571 usr/lib/x86_64-linux-gnu/perl/5.38.2/File/Spec/Functions.pm:2348
    usr/lib/x86_64-linux-gnu/perl/5.38.2/File/Spec/Mac.pm:22274 usr/lib/x86_64-linux-gnu/perl/5.38.2/File/Spec/OS2.pm:6766
    usr/lib/x86_64-linux-gnu/perl/5.38.2/File/Spec.pm:10562 usr/lib/x86_64-linux-gnu/perl/5.38.2/Filter/Util/Call.pm:14019
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Hash/Util/FieldHash.pm:29787 usr/lib/x86_64-linux-gnu/perl/5.38.2/Hash/Util.pm:25474
    usr/lib/x86_64-linux-gnu/perl/5.38.2/I18N/Langinfo.pm:6622 usr/lib/x86_64-linux-gnu/perl/5.38.2/IO/Dir.pm:5347
    usr/lib/x86_64-linux-gnu/perl/5.38.2/IO/File.pm:4872 usr/lib/x86_64-linux-gnu/perl/5.38.2/IO/Handle.pm:16641
    usr/lib/x86_64-linux-gnu/perl/5.38.2/IO/Pipe.pm:5482 usr/lib/x86_64-linux-gnu/perl/5.38.2/IO/Poll.pm:4529
    usr/lib/x86_64-linux-gnu/perl/5.38.2/IO/Seekable.pm:2891 usr/lib/x86_64-linux-gnu/perl/5.38.2/IO/Socket/INET.pm:12778
    usr/lib/x86_64-linux-gnu/perl/5.38.2/IO/Socket/UNIX.pm:3971 usr/lib/x86_64-linux-gnu/perl/5.38.2/IPC/Msg.pm:4520
    usr/lib/x86_64-linux-gnu/perl/5.38.2/IPC/Semaphore.pm:6422 usr/lib/x86_64-linux-gnu/perl/5.38.2/IPC/SharedMem.pm:5603
    usr/lib/x86_64-linux-gnu/perl/5.38.2/IPC/SysV.pm:4565 usr/lib/x86_64-linux-gnu/perl/5.38.2/List/Util/XS.pm:1018
    usr/lib/x86_64-linux-gnu/perl/5.38.2/List/Util.pm:26990 usr/lib/x86_64-linux-gnu/perl/5.38.2/MIME/Base64.pm:5433
    usr/lib/x86_64-linux-gnu/perl/5.38.2/MIME/QuotedPrint.pm:3280 usr/lib/x86_64-linux-gnu/perl/5.38.2/Math/BigInt/FastCalc.pm:6581
    usr/lib/x86_64-linux-gnu/perl/5.38.2/PerlIO/encoding.pm:1220 usr/lib/x86_64-linux-gnu/perl/5.38.2/PerlIO/mmap.pm:600
    usr/lib/x86_64-linux-gnu/perl/5.38.2/PerlIO/scalar.pm:1069 usr/lib/x86_64-linux-gnu/perl/5.38.2/PerlIO/via.pm:7215
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Scalar/Util.pm:10760 usr/lib/x86_64-linux-gnu/perl/5.38.2/Sub/Util.pm:4661
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Sys/Hostname.pm:3663 usr/lib/x86_64-linux-gnu/perl/5.38.2/Sys/Syslog.pm:47897
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Time/HiRes.pm:25689 usr/lib/x86_64-linux-gnu/perl/5.38.2/Time/Piece.pm:32204
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Time/Seconds.pm:5351 usr/lib/x86_64-linux-gnu/perl/5.38.2/Unicode/Collate/Locale.pm:18988
    usr/lib/x86_64-linux-gnu/perl/5.38.2/Unicode/Collate.pm:65615 usr/lib/x86_64-linux-gnu/perl/5.38.2/Unicode/Normalize.pm:19916
    usr/lib/x86_64-linux-gnu/perl/5.38.2/asm/bitsperlong.ph:454 usr/lib/x86_64-linux-gnu/perl/5.38.2/asm/ioctl.ph:92
    usr/lib/x86_64-linux-gnu/perl/5.38.2/asm/ioctls.ph:93 usr/lib/x86_64-linux-gnu/perl/5.38.2/asm/posix_types.ph:240
    usr/lib/x86_64-linux-gnu/perl/5.38.2/asm/posix_types_32.ph:243 usr/lib/x86_64-linux-gnu/perl/5.38.2/asm/posix_types_64.ph:243
    usr/lib/x86_64-linux-gnu/perl/5.38.2/asm-generic/bitsperlong.ph:510 usr/lib/x86_64-linux-gnu/perl/5.38.2/asm-generic/ioctl.ph:4060
    usr/lib/x86_64-linux-gnu/perl/5.38.2/asm-generic/ioctls.ph:6351 usr/lib/x86_64-linux-gnu/perl/5.38.2/asm-generic/posix_types.ph:933
    usr/lib/x86_64-linux-gnu/perl/5.38.2/asm-generic/socket.ph:7719 usr/lib/x86_64-linux-gnu/perl/5.38.2/asm-generic/sockios.ph:683
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/B/B.so@B.so:92992
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Compress/Raw/Bzip2/Bzip2.so@Bzip2.so:39344
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Compress/Raw/Zlib/Zlib.so@Zlib.so:72328
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Cwd/Cwd.so@Cwd.so:18800
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/DB_File/DB_File.so@DB_File.so:55760
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Data/Dumper/Dumper.so@Dumper.so:43712
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Devel/Peek/Peek.so@Peek.so:18848
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Digest/MD5/MD5.so@MD5.so:22912
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Digest/SHA/SHA.so@SHA.so:47392
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Encode/Byte/Byte.so@Byte.so:370936
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Encode/CN/CN.so@CN.so:2099448
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Encode/EBCDIC/EBCDIC.so@EBCDIC.so:47352
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Encode/Encode.so@Encode.so:47768
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Encode/JP/JP.so@JP.so:2750712
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Encode/KR/KR.so@KR.so:2414840
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Encode/Symbol/Symbol.so@Symbol.so:59640
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Encode/TW/TW.so@TW.so:2029816
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Encode/Unicode/Unicode.so@Unicode.so:22864
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Fcntl/Fcntl.so@Fcntl.so:22736
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/File/DosGlob/DosGlob.so@DosGlob.so:14320
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/File/Glob/Glob.so@Glob.so:31416
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Filter/Util/Call/Call.so@Call.so:14680
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/GDBM_File/GDBM_File.so@GDBM_File.so:56208
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Hash/Util/FieldHash/FieldHash.so@FieldHash.so:18848
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Hash/Util/Util.so@Util.so:18784
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/I18N/Langinfo/Langinfo.so@Langinfo.so:18760
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/IO/IO.so@IO.so:22976 usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/IPC/SysV/SysV.so@SysV.so:26952
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/List/Util/Util.so@Util.so:60208
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/MIME/Base64/Base64.so@Base64.so:18664
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Math/BigInt/FastCalc/FastCalc.so@FastCalc.so:18720
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/NDBM_File/NDBM_File.so@NDBM_File.so:18824
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/ODBM_File/ODBM_File.so@ODBM_File.so:22960
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Opcode/Opcode.so@Opcode.so:22952
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/POSIX/POSIX.so@POSIX.so:110256
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/PerlIO/encoding/encoding.so@encoding.so:27264
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/PerlIO/mmap/mmap.so@mmap.so:14648
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/PerlIO/scalar/scalar.so@scalar.so:22928
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/PerlIO/via/via.so@via.so:27256
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/SDBM_File/SDBM_File.so@SDBM_File.so:31312
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Socket/Socket.so@Socket.so:47640
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Storable/Storable.so@Storable.so:113672
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Sys/Hostname/Hostname.so@Hostname.so:14480
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Sys/Syslog/Syslog.so@Syslog.so:22880
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Time/HiRes/HiRes.so@HiRes.so:35240
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Time/Piece/Piece.so@Piece.so:27016
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Unicode/Collate/Collate.so@Collate.so:1579352
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/Unicode/Normalize/Normalize.so@Normalize.so:601032
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/attributes/attributes.so@attributes.so:14600
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/mro/mro.so@mro.so:27200 usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/re/re.so@re.so:659312
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/threads/shared/shared.so@shared.so:43752
    usr/lib/x86_64-linux-gnu/perl/5.38.2/auto/threads/threads.so@threads.so:39824
    usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/atomic_wide_counter.ph:207 usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/byteswap.ph:1641
    usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/confname.ph:25034 usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/endian.ph:1036
    usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/endianness.ph:385 usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/environments.ph:2096
    usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/linux/ usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/types/__sigset_t.ph:299
    usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/types/__sigval_t.ph:243 usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/types/clock_t.ph:206
    usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/types/clockid_t.ph:212 usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/types/idtype_t.ph:410
    usr/lib/x86_64-linux-gnu/perl/5.38.2/bits/types/sig_atomic_t.ph:221 usr/lib/x86_64-linux-gnu/perl/5.38.2/gnu/stubs-64.ph:694
    usr/lib/x86_64-linux-gnu/perl/5.38.2/gnu/stubs.ph:294 usr/lib/x86_64-linux-gnu/perl/5.38.2/linux/ioctl.ph:196
    usr/lib/x86_64-linux-gnu/perl/5.38.2/linux/posix_types.ph:373 usr/lib/x86_64-linux-gnu/perl/5.38.2/linux/stddef.ph:935
    usr/lib/x86_64-linux-gnu/perl/5.38.2/machine/ usr/lib/x86_64-linux-gnu/perl/5.38.2/sys/cdefs.ph:30172
    usr/lib/x86_64-linux-gnu/perl/5.38.2/sys/ioctl.ph:459 usr/lib/x86_64-linux-gnu/perl/5.38.2/sys/select.ph:2451
    usr/lib/x86_64-linux-gnu/perl/5.38.2/sys/socket.ph:3227 usr/lib/x86_64-linux-gnu/perl/5.38.2/sys/syscall.ph:216
    usr/lib/x86_64-linux-gnu/perl/5.38.2/sys/syslog.ph:4032 usr/lib/x86_64-linux-gnu/perl/5.38.2/threads/shared.pm:20552
    usr/lib/x86_64-linux-gnu/perl/debian-config-data-5.38.2/README:2070
    usr/lib/x86_64-linux-gnu/perl/debian-config-data-5.38.2/config.sh.debug.gz:13271
    usr/lib/x86_64-linux-gnu/perl/debian-config-data-5.38.2/config.sh.shared.gz:13293
    usr/lib/x86_64-linux-gnu/perl/debian-config-data-5.38.2/config.sh.static.gz:13300 usr/share/doc/libperl5.38t64/changelog.Debian.gz
    usr/share/doc/libperl5.38t64/changelog.gz usr/share/doc/libperl5.38t64/copyright:109772 usr/share/lintian/overrides/libperl5.38t64
    usr/share/man/man1/cpan5.36-x86_64-linux-gnu.1.gz usr/share/man/man1/perl5.36-x86_64-linux-gnu.1.gz
    usr/lib/x86_64-linux-gnu/libperl.so.5.36>libperl.so.5.38.2 usr/lib/x86_64-linux-gnu/perl/5.38>5.38.2
    usr/lib/x86_64-linux-gnu/perl/cross-config-5.38.2/Config.pm>../5.38.2/Config.pm
    usr/lib/x86_64-linux-gnu/perl/cross-config-5.38.2/Config_heavy.pl>../5.38.2/Config_heavy.pl`),
  p('netbase', '6.4', 'all admin important foreign', 13346, 41, 'Basic TCP/IP networking system', { m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    etc/ethertypes:1853 etc/protocols:3144 etc/rpc:911 etc/services:12813 usr/share/doc/netbase/changelog.gz
    usr/share/doc/netbase/copyright:1234`),
  p('openssh-client', '1:9.6p1-3ubuntu13.5', 'amd64 net standard foreign', 906120, 5220, 'secure shell (SSH) client, for secure access to remote machines', { d: 'passwd, libc6 (>= 2.38), libedit2 (>= 2.11-20080614-4), libfido2-1 (>= 1.8.0), libgssapi-krb5-2 (>= 1.17), libselinux1 (>= 3.1~), libssl3t64 (>= 3.0.13), zlib1g (>= 1:1.1.4)', r: 'xauth', s: 'keychain, libpam-ssh, monkeysphere, ssh-askpass', pv: 'ssh-client', src: 'openssh', h: 'https://www.openssh.com/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
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
  p('patch', '2.7.6-7build3', 'amd64 vcs standard foreign', 104674, 265, 'Apply a diff file to an original', { d: 'libc6 (>= 2.34)', s: 'ed, diffutils-doc', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/patch*:191936 usr/share/doc/patch/AUTHORS usr/share/doc/patch/NEWS.Debian.gz usr/share/doc/patch/NEWS.gz usr/share/doc/patch/README
    usr/share/doc/patch/changelog.Debian.gz usr/share/doc/patch/changelog.gz usr/share/man/man1/patch.1.gz`),
  p('perl', '5.38.2-3.2build2', 'amd64 perl standard allowed', 231124, 627, 'Larry Wall\'s Practical Extraction and Report Language', { d: 'perl-base (= 5.38.2-3.2build2), perl-modules-5.38 (>= 5.38.2-3.2build2), libperl5.38t64 (= 5.38.2-3.2build2)', r: 'netbase', s: 'perl-doc, libterm-readline-gnu-perl | libterm-readline-perl-perl, make, libtap-harness-archive-perl', h: 'http://dev.perl.org/perl5/', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    etc/perl/Net/libnet.cfg:611 usr/bin/corelist:15375%755 usr/bin/cpan:8360%755 usr/bin/enc2xs:41947%755 usr/bin/encguess:3069%755
    usr/bin/h2ph:29227%755 usr/bin/h2xs:60934%755 usr/bin/instmodsh:4373%755 usr/bin/json_pp:4992%755 usr/bin/libnetcfg:15778%755
    usr/bin/perlbug:45183%755 usr/bin/perldoc:125%755 usr/bin/perlivp:10867%755 usr/bin/perlthanks:45183%755 usr/bin/piconv:8360%755
    usr/bin/pl2pm:4536%755 usr/bin/pod2html:4137%755 usr/bin/pod2man:15034%755 usr/bin/pod2text:10803%755 usr/bin/pod2usage:4107%755
    usr/bin/podchecker:3658%755 usr/bin/prove:13659%755 usr/bin/ptar:3566%755 usr/bin/ptardiff:2645%755 usr/bin/ptargrep:4395%755
    usr/bin/shasum:9979%755 usr/bin/splain:19449%755 usr/bin/streamzip:7941%755 usr/bin/xsubpp:5167%755 usr/bin/zipdetails:70193%755
    usr/share/doc/perl/README.Debian usr/share/doc/perl/changelog.Debian.gz usr/share/doc/perl/changelog.gz usr/share/doc/perl/copyright:109772
    usr/share/lintian/overrides/perl usr/share/man/man1/corelist.1.gz usr/share/man/man1/cpan.1.gz usr/share/man/man1/enc2xs.1.gz
    usr/share/man/man1/encguess.1.gz usr/share/man/man1/h2ph.1.gz usr/share/man/man1/h2xs.1.gz usr/share/doc/perl/Changes.gz>changelog.gz`),
  p('perl-modules-5.38', '5.38.2-3.2build2', 'all perl standard foreign', 3110094, 17810, 'Core Perl modules', { d: 'perl-base (>= 5.38.2-2)', r: 'perl (>= 5.38.2-2)', src: 'perl', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/share/doc/perl-modules-5.38/README.Debian usr/share/doc/perl-modules-5.38/changelog.Debian.gz
    usr/share/doc/perl-modules-5.38/changelog.gz usr/share/doc/perl-modules-5.38/copyright:109772 usr/share/perl/5.38.2/AnyDBM_File.pm:2618
    usr/share/perl/5.38.2/App/Cpan.pm:40635 usr/share/perl/5.38.2/App/Prove/State/Result/Test.pm:3418
    usr/share/perl/5.38.2/App/Prove/State/Result.pm:4945 usr/share/perl/5.38.2/App/Prove/State.pm:11689 usr/share/perl/5.38.2/App/Prove.pm:18990
    usr/share/perl/5.38.2/Archive/Tar/Constant.pm:4824 usr/share/perl/5.38.2/Archive/Tar/File.pm:18745
    usr/share/perl/5.38.2/Archive/Tar.pm:78627 usr/share/perl/5.38.2/Attribute/Handlers.pm:31874 usr/share/perl/5.38.2/AutoLoader.pm:15797
    usr/share/perl/5.38.2/AutoSplit.pm:19637 usr/share/perl/5.38.2/B/Deparse.pm:217550 usr/share/perl/5.38.2/B/Op_private.pm:38849
    usr/share/perl/5.38.2/Benchmark.pm:31026 usr/share/perl/5.38.2/CORE.pod:3188 usr/share/perl/5.38.2/CPAN/API/HOWTO.pod:1067
    usr/share/perl/5.38.2/CPAN/Author.pm:6842 usr/share/perl/5.38.2/CPAN/Bundle.pm:10144 usr/share/perl/5.38.2/CPAN/CacheMgr.pm:7664
    usr/share/perl/5.38.2/CPAN/Complete.pm:6023 usr/share/perl/5.38.2/CPAN/Debug.pm:2102 usr/share/perl/5.38.2/CPAN/DeferredCode.pm:189
    usr/share/perl/5.38.2/CPAN/Exception/RecursiveDependency.pm:3886 usr/share/perl/5.38.2/CPAN/Exception/blocked_urllist.pm:920
    usr/share/perl/5.38.2/CPAN/Exception/yaml_not_installed.pm:490 usr/share/perl/5.38.2/CPAN/Exception/yaml_process_error.pm:1703
    usr/share/perl/5.38.2/CPAN/FTP/netrc.pm:1562 usr/share/perl/5.38.2/CPAN/HTTP/Client.pm:7976
    usr/share/perl/5.38.2/CPAN/HTTP/Credentials.pm:2633 usr/share/perl/5.38.2/CPAN/Kwalify/distroprefs.dd:3227
    usr/share/perl/5.38.2/CPAN/Kwalify/distroprefs.yml:1593 usr/share/perl/5.38.2/CPAN/LWP/UserAgent.pm:2034
    usr/share/perl/5.38.2/CPAN/Meta/Converter.pm:49998 usr/share/perl/5.38.2/CPAN/Meta/Feature.pm:3425
    usr/share/perl/5.38.2/CPAN/Meta/History/Meta_1_0.pod:6793 usr/share/perl/5.38.2/CPAN/Meta/History/Meta_1_1.pod:8841
    usr/share/perl/5.38.2/CPAN/Meta/History/Meta_1_2.pod:17052 usr/share/perl/5.38.2/CPAN/Meta/History/Meta_1_3.pod:18504
    usr/share/perl/5.38.2/CPAN/Meta/History/Meta_1_4.pod:19044 usr/share/perl/5.38.2/CPAN/Meta/History.pm:5370
    usr/share/perl/5.38.2/CPAN/Meta/Merge.pm:9065 usr/share/perl/5.38.2/CPAN/Meta/Prereqs.pm:13396
    usr/share/perl/5.38.2/CPAN/Meta/Requirements.pm:31756 usr/share/perl/5.38.2/CPAN/Plugin/Specfile.pm:8681
    usr/share/perl/5.38.2/CPAN.pm:147971 usr/share/perl/5.38.2/Carp/Heavy.pm:773 usr/share/perl/5.38.2/Class/Struct.pm:20319
    usr/share/perl/5.38.2/Compress/Zlib.pm:43980 usr/share/perl/5.38.2/Config/Extensions.pm:1355 usr/share/perl/5.38.2/Config/Perl/V.pm:15101
    usr/share/perl/5.38.2/DBM_Filter/compress.pm:854 usr/share/perl/5.38.2/DBM_Filter/encode.pm:1361
    usr/share/perl/5.38.2/DBM_Filter/int32.pm:754 usr/share/perl/5.38.2/DBM_Filter/null.pm:967 usr/share/perl/5.38.2/DBM_Filter/utf8.pm:777
    usr/share/perl/5.38.2/Devel/SelfStubber.pm:4908 usr/share/perl/5.38.2/Digest/base.pm:1984 usr/share/perl/5.38.2/Digest/file.pm:1724
    usr/share/perl/5.38.2/Encode/Changes.e2x:179 usr/share/perl/5.38.2/Encode/ConfigLocal_PM.e2x:184
    usr/share/perl/5.38.2/Encode/Makefile_PL.e2x:5168 usr/share/perl/5.38.2/Encode/PerlIO.pod:6060 usr/share/perl/5.38.2/Encode/README.e2x:553
    usr/share/perl/5.38.2/Encode/Supported.pod:28732 usr/share/perl/5.38.2/Exporter/Heavy.pm:6530
    usr/share/perl/5.38.2/ExtUtils/CBuilder/Base.pm:10787 usr/share/perl/5.38.2/ExtUtils/CBuilder/Platform/Unix.pm:1046
    usr/share/perl/5.38.2/ExtUtils/CBuilder/Platform/VMS.pm:10288 usr/share/perl/5.38.2/ExtUtils/CBuilder/Platform/Windows/BCC.pm:3503
    usr/share/perl/5.38.2/ExtUtils/CBuilder/Platform/Windows/GCC.pm:3898 usr/share/perl/5.38.2/ExtUtils/CBuilder/Platform/Windows/MSVC.pm:3248
    usr/share/perl/5.38.2/ExtUtils/CBuilder/Platform/Windows.pm:8961 usr/share/perl/5.38.2/ExtUtils/CBuilder/Platform/aix.pm:625
    usr/share/perl/5.38.2/ExtUtils/CBuilder/Platform/android.pm:1216 usr/share/perl/5.38.2/ExtUtils/CBuilder/Platform/cygwin.pm:932
    usr/share/perl/5.38.2/ExtUtils/CBuilder.pm:8883 usr/share/perl/5.38.2/ExtUtils/Command/MM.pm:7704
    usr/share/perl/5.38.2/ExtUtils/Command.pm:7811 usr/share/perl/5.38.2/ExtUtils/Constant/Base.pm:33308
    usr/share/perl/5.38.2/ExtUtils/Constant/ProxySubs.pm:19742 usr/share/perl/5.38.2/ExtUtils/Constant/Utils.pm:3522
    usr/share/perl/5.38.2/ExtUtils/Constant/XS.pm:6353 usr/share/perl/5.38.2/ExtUtils/Constant.pm:15050
    usr/share/perl/5.38.2/ExtUtils/Embed.pm:12868 usr/share/perl/5.38.2/ExtUtils/Install.pm:40881
    usr/share/perl/5.38.2/ExtUtils/Installed.pm:14332 usr/share/perl/5.38.2/ExtUtils/Liblist/Kid.pm:25649
    usr/share/perl/5.38.2/ExtUtils/MakeMaker/Config.pm:602 usr/share/perl/5.38.2/ExtUtils/MakeMaker/FAQ.pod:20298
    usr/share/perl/5.38.2/ExtUtils/MakeMaker/Locale.pm:13348 usr/share/perl/5.38.2/ExtUtils/MakeMaker/Tutorial.pod:5491
    usr/share/perl/5.38.2/ExtUtils/MakeMaker/version.pm:2389 usr/share/perl/5.38.2/ExtUtils/ParseXS/Constants.pm:1144
    usr/share/perl/5.38.2/ExtUtils/ParseXS/CountLines.pm:971 usr/share/perl/5.38.2/ExtUtils/ParseXS/Eval.pm:2374
    usr/share/perl/5.38.2/ExtUtils/ParseXS/Utilities.pm:17171 usr/share/perl/5.38.2/ExtUtils/Typemaps/Cmd.pm:4133
    usr/share/perl/5.38.2/ExtUtils/Typemaps/InputMap.pm:1954 usr/share/perl/5.38.2/ExtUtils/Typemaps/OutputMap.pm:4428
    usr/share/perl/5.38.2/ExtUtils/Typemaps/Type.pm:2085 usr/share/perl/5.38.2/File/Basename.pm:11194 usr/share/perl/5.38.2/File/Compare.pm:4214
    usr/share/perl/5.38.2/File/Copy.pm:15966 usr/share/perl/5.38.2/File/Fetch.pm:47302 usr/share/perl/5.38.2/File/Find.pm:33007
    usr/share/perl/5.38.2/File/GlobMapper.pm:16779 usr/share/perl/5.38.2/Filter/Simple.pm:23923 usr/share/perl/5.38.2/Getopt/Long.pm:83897
    usr/share/perl/5.38.2/Getopt/Std.pm:8983 usr/share/perl/5.38.2/HTTP/Tiny.pm:82093 usr/share/perl/5.38.2/I18N/Collate.pm:5390
    usr/share/perl/5.38.2/I18N/LangTags/Detect.pm:6649 usr/share/perl/5.38.2/I18N/LangTags/List.pm:28816
    usr/share/perl/5.38.2/I18N/LangTags.pm:28077 usr/share/perl/5.38.2/IO/Compress/Adapter/Bzip2.pm:2564
    usr/share/perl/5.38.2/IO/Compress/Adapter/Deflate.pm:3041 usr/share/perl/5.38.2/IO/Compress/Adapter/Identity.pm:1415
    usr/share/perl/5.38.2/IO/Compress/Base/Common.pm:22774 usr/share/perl/5.38.2/IO/Compress/Base.pm:24024
    usr/share/perl/5.38.2/IO/Compress/Bzip2.pm:21305 usr/share/perl/5.38.2/IO/Compress/Deflate.pm:24763
    usr/share/perl/5.38.2/IO/Compress/FAQ.pod:21005 usr/share/perl/5.38.2/IO/Compress/Gzip/Constants.pm:3883
    usr/share/perl/5.38.2/IO/Compress/Gzip.pm:35188 usr/share/perl/5.38.2/IO/Compress/RawDeflate.pm:26925
    usr/share/perl/5.38.2/IO/Compress/Zip/Constants.pm:4162 usr/share/perl/5.38.2/IO/Compress/Zlib/Constants.pm:1657
    usr/share/perl/5.38.2/IO/Compress/Zlib/Extra.pm:5647 usr/share/perl/5.38.2/IO/Socket/IP.pm:41205
    usr/share/perl/5.38.2/IO/Uncompress/Adapter/Bunzip2.pm:2027 usr/share/perl/5.38.2/IO/Uncompress/Adapter/Identity.pm:4551
    usr/share/perl/5.38.2/IO/Uncompress/Adapter/Inflate.pm:3259 usr/share/perl/5.38.2/IO/Uncompress/AnyInflate.pm:28290
    usr/share/perl/5.38.2/IO/Uncompress/AnyUncompress.pm:31065 usr/share/perl/5.38.2/IO/Uncompress/Base.pm:38463
    usr/share/perl/5.38.2/IO/Uncompress/Bunzip2.pm:25609 usr/share/perl/5.38.2/IO/Uncompress/Gunzip.pm:32176
    usr/share/perl/5.38.2/IO/Uncompress/Inflate.pm:28352 usr/share/perl/5.38.2/IO/Zlib.pm:16101 usr/share/perl/5.38.2/IPC/Cmd.pm:67591
    usr/share/perl/5.38.2/IPC/Open2.pm:4254 usr/share/perl/5.38.2/IPC/Open3.pm:13424 usr/share/perl/5.38.2/JSON/PP/Boolean.pm:865
    usr/share/perl/5.38.2/JSON/PP.pm:100679 usr/share/perl/5.38.2/Locale/Maketext/Cookbook.pod:3925
    usr/share/perl/5.38.2/Locale/Maketext/Guts.pm:451 usr/share/perl/5.38.2/Locale/Maketext/GutsLoader.pm:490
    usr/share/perl/5.38.2/Locale/Maketext/Simple.pm:9792 usr/share/perl/5.38.2/Locale/Maketext/TPJ13.pod:36125
    usr/share/perl/5.38.2/Locale/Maketext.pm:31052 usr/share/perl/5.38.2/Locale/Maketext.pod:52399
    usr/share/perl/5.38.2/Math/BigFloat/Trace.pm:1662 usr/share/perl/5.38.2/Math/BigFloat.pm:206957
    usr/share/perl/5.38.2/Math/BigInt/Calc.pm:72205 usr/share/perl/5.38.2/Math/BigInt/Lib.pm:76340
    usr/share/perl/5.38.2/Math/BigInt/Trace.pm:1652 usr/share/perl/5.38.2/Math/BigInt.pm:252819 usr/share/perl/5.38.2/Math/BigRat/Trace.pm:1652
    usr/share/perl/5.38.2/Math/BigRat.pm:88943 usr/share/perl/5.38.2/Math/Complex.pm:50065 usr/share/perl/5.38.2/Math/Trig.pm:21544
    usr/share/perl/5.38.2/Memoize/AnyDBM_File.pm:674 usr/share/perl/5.38.2/Memoize/Expire.pm:11704
    usr/share/perl/5.38.2/Memoize/ExpireFile.pm:1050 usr/share/perl/5.38.2/Memoize/ExpireTest.pm:883
    usr/share/perl/5.38.2/Memoize/NDBM_File.pm:1488 usr/share/perl/5.38.2/Memoize/SDBM_File.pm:1486
    usr/share/perl/5.38.2/Module/CoreList/Utils.pm:35564 usr/share/perl/5.38.2/Module/CoreList.pm:982796
    usr/share/perl/5.38.2/Module/CoreList.pod:8418 usr/share/perl/5.38.2/Module/Load/Conditional.pm:19315
    usr/share/perl/5.38.2/Module/Load.pm:9103 usr/share/perl/5.38.2/Module/Loaded.pm:3348 usr/share/perl/5.38.2/Module/Metadata.pm:34199
    usr/share/perl/5.38.2/Net/Cmd.pm:21004 usr/share/perl/5.38.2/Net/Config.pm:8846 usr/share/perl/5.38.2/Net/Domain.pm:8779
    usr/share/perl/5.38.2/Net/FTP/A.pm:2400 usr/share/perl/5.38.2/Net/FTP/E.pm:137 usr/share/perl/5.38.2/Net/FTP/I.pm:1659
    usr/share/perl/5.38.2/Net/FTP/L.pm:137 usr/share/perl/5.38.2/Net/FTP/dataconn.pm:5013 usr/share/perl/5.38.2/Net/FTP.pm:53270
    usr/share/perl/5.38.2/Net/NNTP.pm:33461 usr/share/perl/5.38.2/Net/Netrc.pm:8204 usr/share/perl/5.38.2/Params/Check.pm:19330
    usr/share/perl/5.38.2/Parse/CPAN/Meta.pm:10743 usr/share/perl/5.38.2/Perl/OSType.pm:4688
    usr/share/perl/5.38.2/PerlIO/via/QuotedPrint.pm:4668 usr/share/perl/5.38.2/Pod/Checker.pm:33843 usr/share/perl/5.38.2/Pod/Escapes.pm:17888
    usr/share/perl/5.38.2/Pod/Functions.pm:14347 usr/share/perl/5.38.2/Pod/Html/Util.pm:8136 usr/share/perl/5.38.2/Pod/Html.pm:22196
    usr/share/perl/5.38.2/Pod/Man.pm:79750 usr/share/perl/5.38.2/Pod/ParseLink.pm:6399 usr/share/perl/5.38.2/Pod/Perldoc/BaseTo.pm:3637
    usr/share/perl/5.38.2/Pod/Perldoc/GetOptsOO.pm:3888 usr/share/perl/5.38.2/Pod/Perldoc/ToANSI.pm:2303
    usr/share/perl/5.38.2/Pod/Perldoc/ToChecker.pm:1691 usr/share/perl/5.38.2/Pod/Perldoc/ToMan.pm:14248
    usr/share/perl/5.38.2/Pod/Perldoc/ToNroff.pm:2782 usr/share/perl/5.38.2/Pod/Simple/BlackBox.pm:86688
    usr/share/perl/5.38.2/Pod/Simple/Checker.pm:5432 usr/share/perl/5.38.2/Pod/Simple/Debug.pm:4625
    usr/share/perl/5.38.2/Pod/Simple/DumpAsText.pm:4035 usr/share/perl/5.38.2/Pod/Simple/DumpAsXML.pm:4560
    usr/share/perl/5.38.2/Pod/Simple/HTML.pm:34759 usr/share/perl/5.38.2/Pod/Text/Color.pm:6046
    usr/share/perl/5.38.2/Pod/Text/Overstrike.pm:6259 usr/share/perl/5.38.2/Pod/Text/Termcap.pm:8350 usr/share/perl/5.38.2/Search/Dict.pm:3349
    usr/share/perl/5.38.2/TAP/Base.pm:2301 usr/share/perl/5.38.2/TAP/Formatter/Base.pm:12396 usr/share/perl/5.38.2/TAP/Formatter/Color.pm:2321
    usr/share/perl/5.38.2/TAP/Formatter/Console/ParallelSession.pm:4183 usr/share/perl/5.38.2/TAP/Formatter/Console/Session.pm:5527
    usr/share/perl/5.38.2/TAP/Formatter/Console.pm:1995 usr/share/perl/5.38.2/TAP/Formatter/File/Session.pm:2217
    usr/share/perl/5.38.2/TAP/Formatter/File.pm:850 usr/share/perl/5.38.2/TAP/Formatter/Session.pm:4988
    usr/share/perl/5.38.2/TAP/Harness/Beyond.pod:15581 usr/share/perl/5.38.2/TAP/Harness/Env.pm:5416 usr/share/perl/5.38.2/TAP/Harness.pm:29552
    usr/share/perl/5.38.2/TAP/Object.pm:2696 usr/share/perl/5.38.2/TAP/Parser/Aggregator.pm:9243
    usr/share/perl/5.38.2/TAP/Parser/Grammar.pm:15666 usr/share/perl/5.38.2/TAP/Parser/Iterator/Array.pm:1696
    usr/share/perl/5.38.2/TAP/Parser/Iterator/Process.pm:9116 usr/share/perl/5.38.2/TAP/Parser/Iterator/Stream.pm:1925
    usr/share/perl/5.38.2/TAP/Parser/Iterator.pm:2998 usr/share/perl/5.38.2/TAP/Parser/IteratorFactory.pm:8307
    usr/share/perl/5.38.2/TAP/Parser/Multiplexer.pm:4325 usr/share/perl/5.38.2/TAP/Parser/Result/Bailout.pm:1148
    usr/share/perl/5.38.2/TAP/Parser/Result/Comment.pm:986 usr/share/perl/5.38.2/TAP/Parser/Result/Plan.pm:2048
    usr/share/perl/5.38.2/TAP/Parser/Result/Pragma.pm:946 usr/share/perl/5.38.2/TAP/Parser/Result/Test.pm:6078
    usr/share/perl/5.38.2/TAP/Parser/Result/Unknown.pm:734 usr/share/perl/5.38.2/TAP/Parser/Result.pm:6145
    usr/share/perl/5.38.2/TAP/Parser/Scheduler/Job.pm:2201 usr/share/perl/5.38.2/TAP/Parser/Scheduler/Spinner.pm:990
    usr/share/perl/5.38.2/TAP/Parser/SourceHandler/Executable.pm:4045 usr/share/perl/5.38.2/TAP/Parser/SourceHandler/File.pm:2993
    usr/share/perl/5.38.2/TAP/Parser/SourceHandler/Handle.pm:2651 usr/share/perl/5.38.2/TAP/Parser/SourceHandler/Perl.pm:9447
    usr/share/perl/5.38.2/TAP/Parser/SourceHandler/RawTAP.pm:2842 usr/share/perl/5.38.2/TAP/Parser/YAMLish/Reader.pm:8266
    usr/share/perl/5.38.2/TAP/Parser/YAMLish/Writer.pm:5583 usr/share/perl/5.38.2/TAP/Parser.pm:52200
    usr/share/perl/5.38.2/Term/ANSIColor.pm:56048 usr/share/perl/5.38.2/Term/Cap.pm:19774 usr/share/perl/5.38.2/Term/Complete.pm:4552
    usr/share/perl/5.38.2/Term/ReadLine.pm:14036 usr/share/perl/5.38.2/Test/Builder/Formatter.pm:2122
    usr/share/perl/5.38.2/Test/Builder/IO/Scalar.pm:13640 usr/share/perl/5.38.2/Test/Builder/Module.pm:4079
    usr/share/perl/5.38.2/Test/Builder/Tester/Color.pm:973 usr/share/perl/5.38.2/Test/Builder/Tester.pm:18035
    usr/share/perl/5.38.2/Test/Builder/TodoDiag.pm:1081 usr/share/perl/5.38.2/Test/Builder.pm:65209 usr/share/perl/5.38.2/Test/Harness.pm:16649
    usr/share/perl/5.38.2/Test/More.pm:52979 usr/share/perl/5.38.2/Test/Simple.pm:6492 usr/share/perl/5.38.2/Test/Tester/Capture.pm:4424
    usr/share/perl/5.38.2/Test/Tester/CaptureRunner.pm:1302 usr/share/perl/5.38.2/Test/Tester/Delegate.pm:571
    usr/share/perl/5.38.2/Test/Tester.pm:18333 usr/share/perl/5.38.2/Test/Tutorial.pod:19346 usr/share/perl/5.38.2/Test/use/ok.pm:1360
    usr/share/perl/5.38.2/Test2/API/Breakage.pm:4826 usr/share/perl/5.38.2/Test2/API/Context.pm:27521
    usr/share/perl/5.38.2/Test2/API/Instance.pm:21497 usr/share/perl/5.38.2/Test2/API/InterceptResult/Event.pm:28637
    usr/share/perl/5.38.2/Test2/API/InterceptResult/Facet.pm:380 usr/share/perl/5.38.2/Test2/API/InterceptResult/Hub.pm:967
    usr/share/perl/5.38.2/Test2/API/InterceptResult/Squasher.pm:3674 usr/share/perl/5.38.2/Test2/API/InterceptResult.pm:18152
    usr/share/perl/5.38.2/Test2/API/Stack.pm:4862 usr/share/perl/5.38.2/Test2/API.pm:48556 usr/share/perl/5.38.2/Test2/Event/Bail.pm:1696
    usr/share/perl/5.38.2/Test2/Event/Diag.pm:1455 usr/share/perl/5.38.2/Test2/Event/Encoding.pm:1769
    usr/share/perl/5.38.2/Test2/Event/Exception.pm:1781 usr/share/perl/5.38.2/Test2/Event/Fail.pm:2018
    usr/share/perl/5.38.2/Test2/Event/Generic.pm:5909 usr/share/perl/5.38.2/Test2/Event/TAP/Version.pm:1644
    usr/share/perl/5.38.2/Test2/Event.pm:22639 usr/share/perl/5.38.2/Test2/EventFacet/About.pm:1484
    usr/share/perl/5.38.2/Test2/EventFacet/Amnesty.pm:1643 usr/share/perl/5.38.2/Test2/EventFacet/Assert.pm:1712
    usr/share/perl/5.38.2/Test2/EventFacet/Control.pm:2008 usr/share/perl/5.38.2/Test2/EventFacet/Error.pm:1803
    usr/share/perl/5.38.2/Test2/EventFacet/Hub.pm:1877 usr/share/perl/5.38.2/Test2/EventFacet/Info/Table.pm:2855
    usr/share/perl/5.38.2/Test2/EventFacet.pm:1494 usr/share/perl/5.38.2/Test2/Formatter/TAP.pm:13732
    usr/share/perl/5.38.2/Test2/Formatter.pm:3953 usr/share/perl/5.38.2/Test2/Hub/Interceptor/Terminator.pm:736
    usr/share/perl/5.38.2/Test2/Hub/Interceptor.pm:2726 usr/share/perl/5.38.2/Test2/Hub/Subtest.pm:2640 usr/share/perl/5.38.2/Test2/Hub.pm:22828
    usr/share/perl/5.38.2/Test2/IPC/Driver/Files.pm:13568 usr/share/perl/5.38.2/Test2/IPC/Driver.pm:6522 usr/share/perl/5.38.2/Test2/IPC.pm:3174
    usr/share/perl/5.38.2/Test2/Tools/Tiny.pm:9141 usr/share/perl/5.38.2/Test2/Util/ExternalMeta.pm:3779
    usr/share/perl/5.38.2/Test2/Util/Facets2Legacy.pm:6907 usr/share/perl/5.38.2/Test2/Util/HashBase.pm:13221
    usr/share/perl/5.38.2/Test2/Util/Trace.pm:883 usr/share/perl/5.38.2/Text/Abbrev.pm:2041 usr/share/perl/5.38.2/Text/Balanced.pm:77325
    usr/share/perl/5.38.2/Text/ParseWords.pm:8291 usr/share/perl/5.38.2/Text/Tabs.pm:3488 usr/share/perl/5.38.2/Text/Wrap.pm:8322
    usr/share/perl/5.38.2/Thread/Queue.pm:17689 usr/share/perl/5.38.2/Thread/Semaphore.pm:7582 usr/share/perl/5.38.2/Tie/Array.pm:7303
    usr/share/perl/5.38.2/Tie/File.pm:77419 usr/share/perl/5.38.2/Tie/Handle.pm:4205 usr/share/perl/5.38.2/Tie/Hash/NamedCapture.pm:1582
    usr/share/perl/5.38.2/Tie/Hash.pm:7656 usr/share/perl/5.38.2/Tie/Memoize.pm:4251 usr/share/perl/5.38.2/Tie/RefHash.pm:8913
    usr/share/perl/5.38.2/Time/Local.pm:16312 usr/share/perl/5.38.2/Time/gmtime.pm:2620 usr/share/perl/5.38.2/Time/localtime.pm:2443
    usr/share/perl/5.38.2/Time/tm.pm:691 usr/share/perl/5.38.2/Unicode/Collate/CJK/Big5.pm:66468
    usr/share/perl/5.38.2/Unicode/Collate/CJK/GB2312.pm:35206 usr/share/perl/5.38.2/Unicode/Collate/CJK/JISX0208.pm:32777
    usr/share/perl/5.38.2/Unicode/Collate/CJK/Korean.pm:48679 usr/share/perl/5.38.2/Unicode/Collate/CJK/Pinyin.pm:106071
    usr/share/perl/5.38.2/Unicode/Collate/CJK/Stroke.pm:121621 usr/share/perl/5.38.2/Unicode/Collate/Locale/af.pl:158
    usr/share/perl/5.38.2/Unicode/Collate/Locale/ar.pl:861 usr/share/perl/5.38.2/Unicode/Collate/Locale/as.pl:801
    usr/share/perl/5.38.2/Unicode/Collate/Locale/az.pl:3600 usr/share/perl/5.38.2/Unicode/Collate/Locale/be.pl:566
    usr/share/perl/5.38.2/Unicode/Collate/Locale/bn.pl:364 usr/share/perl/5.38.2/Unicode/Collate/allkeys.txt:1939332
    usr/share/perl/5.38.2/Unicode/Collate/keys.txt:52838 usr/share/perl/5.38.2/Unicode/UCD.pm:186220 usr/share/perl/5.38.2/User/grent.pm:2918
    usr/share/perl/5.38.2/User/pwent.pm:9982 usr/share/perl/5.38.2/autodie/Scope/Guard.pm:1396
    usr/share/perl/5.38.2/autodie/Scope/GuardStack.pm:3424 usr/share/perl/5.38.2/autodie/Util.pm:7743
    usr/share/perl/5.38.2/autodie/exception/system.pm:1631 usr/share/perl/5.38.2/autodie/exception.pm:22336
    usr/share/perl/5.38.2/autodie/hints.pm:16961 usr/share/perl/5.38.2/autodie/skip.pm:1215 usr/share/perl/5.38.2/encoding/warnings.pm:7052
    usr/share/perl/5.38.2/overload/numbers.pm:1951 usr/share/perl/5.38.2/pod/perldiag.pod:300437 usr/share/perl/5.38.2/unicore/Blocks.txt:10720
    usr/share/perl/5.38.2/unicore/CombiningClass.pl:4861 usr/share/perl/5.38.2/unicore/Decomposition.pl:110580
    usr/share/perl/5.38.2/unicore/Name.pl:1122477 usr/share/perl/5.38.2/unicore/Name.pm:11050
    usr/share/perl/5.38.2/unicore/NamedSequences.txt:20776 usr/share/perl/5.38.2/unicore/To/Age.pl:23069
    usr/share/perl/5.38.2/unicore/To/Bc.pl:9455 usr/share/perl/5.38.2/unicore/To/Bmg.pl:5840 usr/share/perl/5.38.2/unicore/To/Bpb.pl:2231
    usr/share/perl/5.38.2/unicore/To/Bpt.pl:1773 usr/share/perl/5.38.2/unicore/To/Cf.pl:15837 usr/share/perl/5.38.2/unicore/lib/Age/NA.pl:8787
    usr/share/perl/5.38.2/unicore/lib/Age/V100.pl:981 usr/share/perl/5.38.2/unicore/lib/Age/V11.pl:3448
    usr/share/perl/5.38.2/unicore/lib/Age/V110.pl:1210 usr/share/perl/5.38.2/unicore/lib/Age/V120.pl:1248
    usr/share/perl/5.38.2/unicore/lib/Age/V130.pl:1240 usr/share/perl/5.38.2/unicore/lib/Alpha/Y.pl:8696
    usr/share/perl/5.38.2/unicore/lib/Bc/AL.pl:805 usr/share/perl/5.38.2/unicore/lib/Bc/AN.pl:575 usr/share/perl/5.38.2/unicore/lib/Bc/B.pl:527
    usr/share/perl/5.38.2/unicore/lib/Bc/BN.pl:883 usr/share/perl/5.38.2/unicore/lib/Bc/CS.pl:619 usr/share/perl/5.38.2/unicore/lib/Bc/EN.pl:629
    usr/share/perl/5.38.2/unicore/lib/BidiC/Y.pl:530 usr/share/perl/5.38.2/unicore/lib/BidiM/Y.pl:1754
    usr/share/perl/5.38.2/unicore/lib/Blk/NB.pl:1156 usr/share/perl/5.38.2/unicore/lib/Bpt/C.pl:1226
    usr/share/perl/5.38.2/unicore/lib/Bpt/N.pl:813 usr/share/perl/5.38.2/unicore/lib/Bpt/O.pl:1226 usr/share/perl/5.38.2/unicore/lib/CE/Y.pl:847
    usr/share/perl/5.38.2/unicore/lib/CI/Y.pl:5222 usr/share/perl/5.38.2/unicore/lib/CWCF/Y.pl:6751
    usr/share/perl/5.38.2/unicore/lib/CWCM/Y.pl:1804 usr/share/perl/5.38.2/unicore/lib/CWKCF/Y.pl:9305
    usr/share/perl/5.38.2/unicore/lib/CWL/Y.pl:6625 usr/share/perl/5.38.2/unicore/lib/CWT/Y.pl:6775
    usr/share/perl/5.38.2/unicore/lib/CWU/Y.pl:6787 usr/share/perl/5.38.2/unicore/lib/Cased/Y.pl:2222
    usr/share/perl/5.38.2/unicore/lib/Ccc/A.pl:1852 usr/share/perl/5.38.2/unicore/lib/Ccc/AL.pl:532
    usr/share/perl/5.38.2/unicore/lib/Ccc/AR.pl:537 usr/share/perl/5.38.2/unicore/lib/Ccc/ATAR.pl:536
    usr/share/perl/5.38.2/unicore/lib/Ccc/B.pl:1342 usr/share/perl/5.38.2/unicore/lib/Ccc/BR.pl:532
    usr/share/perl/5.38.2/unicore/lib/CompEx/Y.pl:1260 usr/share/perl/5.38.2/unicore/lib/DI/Y.pl:679
    usr/share/perl/5.38.2/unicore/lib/Dash/Y.pl:743 usr/share/perl/5.38.2/unicore/lib/Dep/Y.pl:573
    usr/share/perl/5.38.2/unicore/lib/Dia/Y.pl:2600 usr/share/perl/5.38.2/unicore/lib/Dt/Com.pl:1250
    usr/share/perl/5.38.2/unicore/lib/Dt/Enc.pl:587 usr/share/perl/5.38.2/unicore/lib/Dt/Fin.pl:1848
    usr/share/perl/5.38.2/unicore/lib/Dt/Font.pl:1394 usr/share/perl/5.38.2/unicore/lib/Dt/Init.pl:1392
    usr/share/perl/5.38.2/unicore/lib/Dt/Iso.pl:1668 usr/share/perl/5.38.2/unicore/lib/EBase/Y.pl:1039
    usr/share/perl/5.38.2/unicore/lib/EComp/Y.pl:597 usr/share/perl/5.38.2/unicore/lib/EPres/Y.pl:1544
    usr/share/perl/5.38.2/unicore/lib/Ea/A.pl:2219 usr/share/perl/5.38.2/unicore/lib/Ea/H.pl:573 usr/share/perl/5.38.2/unicore/lib/Ea/N.pl:3545
    usr/share/perl/5.38.2/unicore/lib/Ea/Na.pl:554 usr/share/perl/5.38.2/unicore/lib/Ea/W.pl:1991
    usr/share/perl/5.38.2/unicore/lib/Emoji/Y.pl:2313 usr/share/perl/5.38.2/unicore/lib/Ext/Y.pl:863
    usr/share/perl/5.38.2/unicore/lib/ExtPict/Y.pl:1433 usr/share/perl/5.38.2/unicore/lib/GCB/CN.pl:690
    usr/share/perl/5.38.2/unicore/lib/GCB/EX.pl:4444 usr/share/perl/5.38.2/unicore/lib/GCB/LV.pl:5280
    usr/share/perl/5.38.2/unicore/lib/GCB/LVT.pl:5280 usr/share/perl/5.38.2/unicore/lib/GCB/PP.pl:647
    usr/share/perl/5.38.2/unicore/lib/GCB/SM.pl:2264 usr/share/perl/5.38.2/unicore/lib/Gc/C.pl:8675
    usr/share/perl/5.38.2/unicore/lib/Gc/Cf.pl:725 usr/share/perl/5.38.2/unicore/lib/Gc/Cn.pl:8673
    usr/share/perl/5.38.2/unicore/lib/Gc/L.pl:7880 usr/share/perl/5.38.2/unicore/lib/Gc/LC.pl:2086
    usr/share/perl/5.38.2/unicore/lib/Gc/Ll.pl:7253 usr/share/perl/5.38.2/unicore/lib/GrBase/Y.pl:10457
    usr/share/perl/5.38.2/unicore/lib/GrExt/Y.pl:4430 usr/share/perl/5.38.2/unicore/lib/Hex/Y.pl:546
    usr/share/perl/5.38.2/unicore/lib/Hst/NA.pl:551 usr/share/perl/5.38.2/unicore/lib/Hyphen/T.pl:595
    usr/share/perl/5.38.2/unicore/lib/IDC/Y.pl:9114 usr/share/perl/5.38.2/unicore/lib/IDS/Y.pl:7884
    usr/share/perl/5.38.2/unicore/lib/IdStatus/Allowed.pl:4435 usr/share/perl/5.38.2/unicore/lib/IdStatus/Restrict.pl:4437
    usr/share/perl/5.38.2/unicore/lib/IdType/DefaultI.pl:701 usr/share/perl/5.38.2/unicore/lib/IdType/Exclusio.pl:3144
    usr/share/perl/5.38.2/unicore/lib/IdType/Inclusio.pl:629 usr/share/perl/5.38.2/unicore/lib/IdType/LimitedU.pl:1484
    usr/share/perl/5.38.2/unicore/lib/IdType/NotChara.pl:8668 usr/share/perl/5.38.2/unicore/lib/IdType/NotNFKC.pl:3400
    usr/share/perl/5.38.2/unicore/lib/Ideo/Y.pl:740 usr/share/perl/5.38.2/unicore/lib/In/10_0.pl:8135
    usr/share/perl/5.38.2/unicore/lib/In/11_0.pl:8257 usr/share/perl/5.38.2/unicore/lib/In/12_0.pl:8403
    usr/share/perl/5.38.2/unicore/lib/In/12_1.pl:8391 usr/share/perl/5.38.2/unicore/lib/In/13_0.pl:8517
    usr/share/perl/5.38.2/unicore/lib/In/14_0.pl:8789 usr/share/perl/5.38.2/unicore/lib/InPC/Bottom.pl:2080
    usr/share/perl/5.38.2/unicore/lib/InPC/BottomAn.pl:536 usr/share/perl/5.38.2/unicore/lib/InPC/Left.pl:1011
    usr/share/perl/5.38.2/unicore/lib/InPC/LeftAndR.pl:641 usr/share/perl/5.38.2/unicore/lib/InPC/NA.pl:2816
    usr/share/perl/5.38.2/unicore/lib/InPC/Overstru.pl:534 usr/share/perl/5.38.2/unicore/lib/InSC/Avagraha.pl:675
    usr/share/perl/5.38.2/unicore/lib/InSC/Bindu.pl:1114 usr/share/perl/5.38.2/unicore/lib/InSC/Cantilla.pl:619
    usr/share/perl/5.38.2/unicore/lib/InSC/Consona2.pl:551 usr/share/perl/5.38.2/unicore/lib/InSC/Consona3.pl:641
    usr/share/perl/5.38.2/unicore/lib/InSC/Consona4.pl:647 usr/share/perl/5.38.2/unicore/lib/Jg/Ain.pl:551
    usr/share/perl/5.38.2/unicore/lib/Jg/Alef.pl:561 usr/share/perl/5.38.2/unicore/lib/Jg/Beh.pl:571
    usr/share/perl/5.38.2/unicore/lib/Jg/Dal.pl:541 usr/share/perl/5.38.2/unicore/lib/Jg/FarsiYeh.pl:530
    usr/share/perl/5.38.2/unicore/lib/Jg/Feh.pl:530 usr/share/perl/5.38.2/unicore/lib/Jt/C.pl:541 usr/share/perl/5.38.2/unicore/lib/Jt/D.pl:1302
    usr/share/perl/5.38.2/unicore/lib/Jt/L.pl:551 usr/share/perl/5.38.2/unicore/lib/Jt/R.pl:1190 usr/share/perl/5.38.2/unicore/lib/Jt/T.pl:4360
    usr/share/perl/5.38.2/unicore/lib/Jt/U.pl:4640 usr/share/perl/5.38.2/unicore/lib/Lb/AI.pl:1582
    usr/share/perl/5.38.2/unicore/lib/Lb/AL.pl:9532 usr/share/perl/5.38.2/unicore/lib/Lb/BA.pl:1615
    usr/share/perl/5.38.2/unicore/lib/Lb/BB.pl:745 usr/share/perl/5.38.2/unicore/lib/Lb/CJ.pl:819
    usr/share/perl/5.38.2/unicore/lib/Lb/CL.pl:1514 usr/share/perl/5.38.2/unicore/lib/Lower/Y.pl:7359
    usr/share/perl/5.38.2/unicore/lib/Math/Y.pl:2094 usr/share/perl/5.38.2/unicore/lib/NFCQC/M.pl:907
    usr/share/perl/5.38.2/unicore/lib/NFCQC/Y.pl:1654 usr/share/perl/5.38.2/unicore/lib/NFDQC/N.pl:2898
    usr/share/perl/5.38.2/unicore/lib/NFDQC/Y.pl:2900 usr/share/perl/5.38.2/unicore/lib/NFKCQC/N.pl:3384
    usr/share/perl/5.38.2/unicore/lib/NFKCQC/Y.pl:3766 usr/share/perl/5.38.2/unicore/lib/NFKDQC/N.pl:4866
    usr/share/perl/5.38.2/unicore/lib/NFKDQC/Y.pl:4868 usr/share/perl/5.38.2/unicore/lib/Nt/Di.pl:703
    usr/share/perl/5.38.2/unicore/lib/Nt/None.pl:2924 usr/share/perl/5.38.2/unicore/lib/Nt/Nu.pl:2316
    usr/share/perl/5.38.2/unicore/lib/Nv/0.pl:1424 usr/share/perl/5.38.2/unicore/lib/Nv/1.pl:2098
    usr/share/perl/5.38.2/unicore/lib/Nv/10.pl:1180 usr/share/perl/5.38.2/unicore/lib/Nv/100.pl:905
    usr/share/perl/5.38.2/unicore/lib/Nv/1000.pl:739 usr/share/perl/5.38.2/unicore/lib/Nv/10000.pl:651
    usr/share/perl/5.38.2/unicore/lib/PCM/Y.pl:565 usr/share/perl/5.38.2/unicore/lib/PatSyn/Y.pl:748
    usr/share/perl/5.38.2/unicore/lib/Perl/Alnum.pl:9128 usr/share/perl/5.38.2/unicore/lib/Perl/Assigned.pl:8675
    usr/share/perl/5.38.2/unicore/lib/Perl/Blank.pl:562 usr/share/perl/5.38.2/unicore/lib/Perl/Graph.pl:8724
    usr/share/perl/5.38.2/unicore/lib/Perl/PerlWord.pl:515 usr/share/perl/5.38.2/unicore/lib/Perl/PosixPun.pl:516
    usr/share/perl/5.38.2/unicore/lib/QMark/Y.pl:623 usr/share/perl/5.38.2/unicore/lib/SB/AT.pl:530
    usr/share/perl/5.38.2/unicore/lib/SB/CL.pl:975 usr/share/perl/5.38.2/unicore/lib/SB/EX.pl:3866
    usr/share/perl/5.38.2/unicore/lib/SB/FO.pl:721 usr/share/perl/5.38.2/unicore/lib/SB/LE.pl:6616
    usr/share/perl/5.38.2/unicore/lib/SB/LO.pl:7331 usr/share/perl/5.38.2/unicore/lib/SD/Y.pl:857
    usr/share/perl/5.38.2/unicore/lib/STerm/Y.pl:1376 usr/share/perl/5.38.2/unicore/lib/Sc/Arab.pl:1216
    usr/share/perl/5.38.2/unicore/lib/Sc/Beng.pl:631 usr/share/perl/5.38.2/unicore/lib/Sc/Cprt.pl:563
    usr/share/perl/5.38.2/unicore/lib/Sc/Cyrl.pl:577 usr/share/perl/5.38.2/unicore/lib/Sc/Deva.pl:532
    usr/share/perl/5.38.2/unicore/lib/Sc/Dupl.pl:561 usr/share/perl/5.38.2/unicore/lib/Scx/Adlm.pl:553
    usr/share/perl/5.38.2/unicore/lib/Scx/Arab.pl:1156 usr/share/perl/5.38.2/unicore/lib/Scx/Armn.pl:532
    usr/share/perl/5.38.2/unicore/lib/Scx/Beng.pl:753 usr/share/perl/5.38.2/unicore/lib/Scx/Bhks.pl:538
    usr/share/perl/5.38.2/unicore/lib/Scx/Bopo.pl:631 usr/share/perl/5.38.2/unicore/lib/Term/Y.pl:1676
    usr/share/perl/5.38.2/unicore/lib/UIdeo/Y.pl:683 usr/share/perl/5.38.2/unicore/lib/Upper/Y.pl:7179
    usr/share/perl/5.38.2/unicore/lib/VS/Y.pl:536 usr/share/perl/5.38.2/unicore/lib/Vo/R.pl:1475 usr/share/perl/5.38.2/unicore/lib/Vo/Tr.pl:657
    usr/share/perl/5.38.2/unicore/lib/Vo/Tu.pl:901 usr/share/perl/5.38.2/unicore/lib/Vo/U.pl:1941 usr/share/perl/5.38.2/unicore/lib/WB/EX.pl:563
    usr/share/perl/5.38.2/unicore/lib/WB/Extend.pl:3880 usr/share/perl/5.38.2/unicore/lib/WB/FO.pl:711
    usr/share/perl/5.38.2/unicore/lib/WB/HL.pl:607 usr/share/perl/5.38.2/unicore/lib/WB/KA.pl:671
    usr/share/perl/5.38.2/unicore/lib/WB/LE.pl:6989 usr/share/perl/5.38.2/unicore/lib/XIDC/Y.pl:9198
    usr/share/perl/5.38.2/unicore/lib/XIDS/Y.pl:7968 usr/share/perl/5.38.2/version/Internals.pod:25026
    usr/share/perl/5.38.2/version/regex.pm:4072 usr/share/perl/5.38.2/warnings/register.pm:759 usr/share/perl/5.38>5.38.2`),
  p('libbsd0', '0.12.1-1build1', 'amd64 libs optional same', 41478, 140, 'utility functions from BSD systems - shared library', { d: 'libc6 (>= 2.38), libmd0 (>= 1.0.3-2)', src: 'libbsd', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libbsd.so.0.11.7@libbsd.so.0:84840 usr/share/doc/libbsd0/changelog.Debian.gz usr/share/doc/libbsd0/changelog.gz
    usr/share/doc/libbsd0/copyright:23960 usr/share/lintian/overrides/libbsd0 usr/lib/x86_64-linux-gnu/libbsd.so.0>libbsd.so.0.11.7`),
  p('libxau6', '1:1.0.9-1build6', 'amd64 libs optional same', 7168, 36, 'X11 authorisation library', { d: 'libc6 (>= 2.4)', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libXau.so.6.0.0@libXau.so.6:14496 usr/share/doc/libxau6/changelog.Debian.gz usr/share/doc/libxau6/changelog.gz
    usr/share/doc/libxau6/copyright:1224 usr/lib/x86_64-linux-gnu/libXau.so.6>libXau.so.6.0.0`),
  p('libxdmcp6', '1:1.1.3-0ubuntu6', 'amd64 libs optional same', 10536, 51, 'X11 Display Manager Control Protocol library', { d: 'libbsd0 (>= 0.2.0), libc6 (>= 2.4)', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libXdmcp.so.6.0.0@libXdmcp.so.6:22728 usr/share/doc/libxdmcp6/changelog.Debian.gz
    usr/share/doc/libxdmcp6/changelog.gz usr/share/doc/libxdmcp6/copyright:1265 usr/lib/x86_64-linux-gnu/libXdmcp.so.6>libXdmcp.so.6.0.0`),
  p('libxcb1', '1.15-1ubuntu2', 'amd64 libs optional same', 45286, 339, 'X C Binding', { d: 'libc6 (>= 2.14), libxau6 (>= 1:1.0.9), libxdmcp6', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libxcb.so.1.1.0@libxcb.so.1:166824 usr/share/doc/libxcb1/changelog.Debian.gz usr/share/doc/libxcb1/changelog.gz
    usr/share/doc/libxcb1/copyright:1781 usr/lib/x86_64-linux-gnu/libxcb.so.1>libxcb.so.1.1.0`),
  p('libx11-6', '2:1.8.7-1build1', 'amd64 libs optional same', 647016, 1460, 'X11 client-side library', { d: 'libc6 (>= 2.38), libxcb1 (>= 1.11.1), libx11-data', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libX11.so.6.4.0@libX11.so.6:1318408 usr/share/doc/libx11-6/NEWS.Debian.gz
    usr/share/doc/libx11-6/changelog.Debian.gz usr/share/doc/libx11-6/changelog.gz usr/share/doc/libx11-6/copyright:47102
    usr/share/lintian/overrides/libx11-6 usr/lib/x86_64-linux-gnu/libX11.so.6>libX11.so.6.4.0`),
  p('libxext6', '2:1.3.4-1build2', 'amd64 libs optional same', 30818, 90, 'X11 miscellaneous extension library', { d: 'libc6 (>= 2.14), libx11-6 (>= 2:1.6.0)', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libXext.so.6.4.0@libXext.so.6:81568 usr/share/doc/libxext6/changelog.Debian.amd64.gz
    usr/share/doc/libxext6/changelog.Debian.gz usr/share/doc/libxext6/changelog.gz usr/share/doc/libxext6/copyright:10421
    usr/lib/x86_64-linux-gnu/libXext.so.6>libXext.so.6.4.0`),
  p('libxmuu1', '2:1.1.3-3build2', 'amd64 libs optional same', 10136, 48, 'X11 miscellaneous micro-utility library', { d: 'libc6 (>= 2.4), libx11-6', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libXmuu.so.1.0.0@libXmuu.so.1:22664 usr/share/doc/libxmuu1/changelog.Debian.gz usr/share/doc/libxmuu1/changelog.gz
    usr/share/doc/libxmuu1/copyright:3636 usr/lib/x86_64-linux-gnu/libXmuu.so.1>libXmuu.so.1.0.0`),
  p('xauth', '1:1.1.2-1build1', 'amd64 x11 optional foreign', 25640, 71, 'X authentication utility', { d: 'libc6 (>= 2.34), libx11-6, libxau6 (>= 1:1.0.9), libxext6, libxmuu1', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/xauth*:52736 usr/share/doc/xauth/changelog.Debian.gz usr/share/doc/xauth/changelog.gz usr/share/doc/xauth/copyright:1273
    usr/share/man/man1/xauth.1.gz`),
  p('libx11-data', '2:1.8.7-1build1', 'all x11 optional foreign', 718204, 1560, 'X11 client-side library', { src: 'libx11', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
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
  p('nano', '7.2-2ubuntu0.1', 'amd64 editors important foreign', 279978, 880, 'small, friendly text editor inspired by Pico', { d: 'libc6 (>= 2.34), libncursesw6 (>= 6), libtinfo6 (>= 6)', s: 'hunspell', b: 'hunspell (<< 1.7.0-3~)', rp: 'pico', c: 'pico', h: 'https://www.nano-editor.org/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/nano*:287480 etc/nanorc:11424 usr/share/doc/nano/AUTHORS usr/share/doc/nano/IMPROVEMENTS.gz usr/share/doc/nano/NEWS.gz
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
  p('tree', '2.1.1-2ubuntu3', 'amd64 universe/utils optional', 47488, 109, 'displays an indented directory tree, in color', { d: 'libc6 (>= 2.34)', h: 'https://oldmanprogrammer.net/source.php?dir=projects/tree', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/tree*:81592 usr/share/doc/tree/README.gz usr/share/doc/tree/TODO usr/share/doc/tree/changelog.Debian.gz
    usr/share/doc/tree/changelog.gz usr/share/doc/tree/copyright:888 usr/share/man/man1/tree.1.gz`),
  p('jq', '1.7.1-3build1', 'amd64 utils optional foreign', 65742, 116, 'lightweight and flexible command-line JSON processor', { d: 'libjq1 (= 1.7.1-3build1), libc6 (>= 2.34)', h: 'https://jqlang.github.io/jq/', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/jq*:30800 usr/share/doc/jq/AUTHORS.gz usr/share/doc/jq/README usr/share/doc/jq/changelog.Debian.gz usr/share/doc/jq/changelog.gz
    usr/share/doc/jq/copyright:20973 usr/share/man/man1/jq.1.gz`),
  p('libjq1', '1.7.1-3build1', 'amd64 libs optional same', 141148, 383, 'lightweight and flexible command-line JSON processor - shared library', { d: 'libc6 (>= 2.38), libonig5 (>= 6.9.1)', src: 'jq', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libjq.so.1.0.4@libjq.so.1:321632 usr/share/doc/libjq1/changelog.Debian.gz usr/share/doc/libjq1/changelog.gz
    usr/share/doc/libjq1/copyright:20973 usr/lib/x86_64-linux-gnu/libjq.so.1>libjq.so.1.0.4`),
  p('libonig5', '6.9.9-1build1', 'amd64 libs optional same', 172528, 657, 'regular expressions library', { d: 'libc6 (>= 2.14)', src: 'libonig', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libonig.so.5.3.0@libonig.so.5:614016 usr/share/doc/libonig5/changelog.Debian.gz usr/share/doc/libonig5/changelog.gz
    usr/share/doc/libonig5/copyright:2491 usr/lib/x86_64-linux-gnu/libonig.so.5>libonig.so.5.3.0`),
  p('vim', '2:9.1.0016-1ubuntu7.3', 'amd64 editors optional', 1860498, 4000, 'Vi IMproved - enhanced vi editor', { d: 'vim-common (= 2:9.1.0016-1ubuntu7.3), vim-runtime (= 2:9.1.0016-1ubuntu7.3), libacl1 (>= 2.2.23), libc6 (>= 2.34), libgpm2 (>= 1.20.7), libpython3.12t64 (>= 3.12.1), libselinux1 (>= 3.1~), libsodium23 (>= 1.0.14), libtinfo6 (>= 6)', s: 'ctags, vim-doc, vim-scripts', h: 'https://www.vim.org/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/vim.basic*vim:3646968 usr/share/bug/vim/presubj:302 usr/share/bug/vim/script:204%755 usr/share/doc/vim/NEWS.Debian.gz
    usr/share/doc/vim/changelog.Debian.gz usr/share/doc/vim/changelog.gz usr/share/doc/vim/copyright:27896 usr/share/lintian/overrides/vim`),
  p('vim-common', '2:9.1.0016-1ubuntu7.3', 'all editors important foreign', 385696, 399, 'Vi IMproved - Common files', { d: 'xxd', r: 'vim | vim-gtk3 | vim-motif | vim-nox | vim-tiny', src: 'vim', h: 'https://www.vim.org/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    etc/vim/vimrc:2553 usr/bin/helpztags:2514%755 usr/lib/mime/packages/vim-common:346 usr/share/applications/vim.desktop:5604
    usr/share/doc/vim-common/NEWS.Debian.gz usr/share/doc/vim-common/README.Debian usr/share/doc/vim-common/changelog.Debian.gz
    usr/share/doc/vim-common/changelog.gz usr/share/doc/vim-common/copyright:27896 usr/share/icons/hicolor/48x48/apps/gvim.png:474
    usr/share/icons/hicolor/scalable/apps/gvim.svg:18233 usr/share/icons/locolor/16x16/apps/gvim.png:226
    usr/share/icons/locolor/32x32/apps/gvim.png:347 usr/share/lintian/overrides/vim-common usr/share/man/da/man1/vim.1.gz
    usr/share/man/da/man1/vimdiff.1.gz usr/share/man/de/man1/vim.1.gz usr/share/man/fr/man1/vim.1.gz usr/share/man/fr/man1/vimdiff.1.gz
    usr/share/man/it/man1/vim.1.gz usr/share/man/it/man1/vimdiff.1.gz usr/share/man/ja/man1/vim.1.gz usr/share/man/ja/man1/vimdiff.1.gz
    usr/share/man/man1/helpztags.1.gz usr/share/man/man1/vim.1.gz usr/share/man/man1/vimdiff.1.gz usr/share/man/pl/man1/vim.1.gz
    usr/share/man/pl/man1/vimdiff.1.gz usr/share/man/ru/man1/vim.1.gz usr/share/man/ru/man1/vimdiff.1.gz usr/share/man/tr/man1/vim.1.gz
    usr/share/man/tr/man1/vimdiff.1.gz usr/share/vim/vim91/debian.vim:1804 var/lib/vim/addons/ usr/share/man/da/man1/rview.1.gz
    usr/share/man/da/man1/rvim.1.gz usr/share/man/de/man1/rview.1.gz usr/share/man/de/man1/rvim.1.gz usr/share/man/fr/man1/rview.1.gz
    usr/share/man/fr/man1/rvim.1.gz usr/share/man/it/man1/rview.1.gz usr/share/man/it/man1/rvim.1.gz usr/share/man/ja/man1/rview.1.gz
    usr/share/man/ja/man1/rvim.1.gz usr/share/man/man1/rview.1.gz usr/share/man/man1/rvim.1.gz usr/share/man/pl/man1/rview.1.gz
    usr/share/man/pl/man1/rvim.1.gz usr/share/man/ru/man1/rview.1.gz usr/share/man/ru/man1/rvim.1.gz`),
  p('vim-runtime', '2:9.1.0016-1ubuntu7.3', 'all editors optional foreign', 7091424, 38630, 'Vi IMproved - Runtime files', { r: 'vim | vim-gtk3 | vim-motif | vim-nox | vim-tiny', src: 'vim', h: 'https://www.vim.org/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/vimtutor:2154%755 usr/share/doc/vim-runtime/NEWS.Debian.gz usr/share/doc/vim-runtime/changelog.Debian.gz
    usr/share/doc/vim-runtime/changelog.gz usr/share/doc/vim-runtime/copyright:27896 usr/share/lintian/overrides/vim-runtime
    usr/share/man/da/man1/vimtutor.1.gz usr/share/man/fr/man1/vimtutor.1.gz usr/share/man/it/man1/vimtutor.1.gz
    usr/share/man/ja/man1/vimtutor.1.gz usr/share/man/man1/vimtutor.1.gz usr/share/man/pl/man1/vimtutor.1.gz usr/share/man/ru/man1/vimtutor.1.gz
    usr/share/man/tr/man1/vimtutor.1.gz usr/share/vim/addons/ usr/share/vim/registry/ usr/share/vim/vim91/autoload/RstFold.vim:1900
    usr/share/vim/vim91/autoload/ada.vim:22568 usr/share/vim/vim91/autoload/adacomplete.vim:3670 usr/share/vim/vim91/autoload/bitbake.vim:3097
    usr/share/vim/vim91/autoload/ccomplete.vim:19784 usr/share/vim/vim91/autoload/clojurecomplete.vim:8871
    usr/share/vim/vim91/autoload/dist/ft.vim:28708 usr/share/vim/vim91/autoload/dist/man.vim:4872
    usr/share/vim/vim91/autoload/dist/script.vim:11488 usr/share/vim/vim91/autoload/dist/vimindent.vim:38183
    usr/share/vim/vim91/autoload/xml/html32.vim:18330 usr/share/vim/vim91/autoload/xml/html401f.vim:54122
    usr/share/vim/vim91/autoload/xml/html401s.vim:41538 usr/share/vim/vim91/autoload/xml/html401t.vim:53691
    usr/share/vim/vim91/autoload/xml/html40f.vim:54029 usr/share/vim/vim91/autoload/xml/html40s.vim:41445 usr/share/vim/vim91/bugreport.vim:1927
    usr/share/vim/vim91/colors/blue.vim:25030 usr/share/vim/vim91/colors/darkblue.vim:20973 usr/share/vim/vim91/colors/default.vim:548
    usr/share/vim/vim91/colors/delek.vim:19562 usr/share/vim/vim91/colors/desert.vim:18911 usr/share/vim/vim91/colors/elflord.vim:21039
    usr/share/vim/vim91/colors/lists/csscolors.vim:5208 usr/share/vim/vim91/colors/lists/default.vim:23183
    usr/share/vim/vim91/colors/tools/check_colors.vim:6598 usr/share/vim/vim91/compiler/ant.vim:941 usr/share/vim/vim91/compiler/bcc.vim:449
    usr/share/vim/vim91/compiler/bdf.vim:473 usr/share/vim/vim91/compiler/cargo.vim:885 usr/share/vim/vim91/compiler/checkstyle.vim:790
    usr/share/vim/vim91/compiler/cm3.vim:633 usr/share/vim/vim91/defaults.vim:4943 usr/share/vim/vim91/delmenu.vim:1209
    usr/share/vim/vim91/doc/arabic.txt:12204 usr/share/vim/vim91/doc/autocmd.txt:77810 usr/share/vim/vim91/doc/builtin.txt:418212
    usr/share/vim/vim91/doc/change.txt:80113 usr/share/vim/vim91/doc/channel.txt:59099 usr/share/vim/vim91/doc/cmdline.txt:51907
    usr/share/vim/vim91/evim.vim:2218 usr/share/vim/vim91/filetype.vim:73986 usr/share/vim/vim91/ftoff.vim:280
    usr/share/vim/vim91/ftplugin/8th.vim:833 usr/share/vim/vim91/ftplugin/a2ps.vim:470 usr/share/vim/vim91/ftplugin/aap.vim:979
    usr/share/vim/vim91/ftplugin/abap.vim:800 usr/share/vim/vim91/ftplugin/abaqus.vim:4097 usr/share/vim/vim91/ftplugin/ada.vim:6502
    usr/share/vim/vim91/import/dist/vimhelp.vim:840 usr/share/vim/vim91/indent/aap.vim:265 usr/share/vim/vim91/indent/ada.vim:11324
    usr/share/vim/vim91/indent/ant.vim:290 usr/share/vim/vim91/indent/automake.vim:243 usr/share/vim/vim91/indent/awk.vim:7863
    usr/share/vim/vim91/indent/bash.vim:350 usr/share/vim/vim91/keymap/accents.vim:649 usr/share/vim/vim91/keymap/arabic.vim:109
    usr/share/vim/vim91/keymap/arabic_utf-8.vim:3387 usr/share/vim/vim91/keymap/armenian-eastern_utf-8.vim:893
    usr/share/vim/vim91/keymap/armenian-western_utf-8.vim:893 usr/share/vim/vim91/keymap/belarusian-jcuken.vim:2518
    usr/share/vim/vim91/lang/af/LC_MESSAGES/vim.mo:112970 usr/share/vim/vim91/lang/ca/LC_MESSAGES/vim.mo:279999
    usr/share/vim/vim91/lang/cs/LC_MESSAGES/vim.mo:105819 usr/share/vim/vim91/lang/cs.cp1250/LC_MESSAGES/vim.mo:105815
    usr/share/vim/vim91/lang/da/LC_MESSAGES/vim.mo:175070 usr/share/vim/vim91/lang/de/LC_MESSAGES/vim.mo:275324
    usr/share/vim/vim91/lang/en_GB/LC_MESSAGES/vim.mo:10978 usr/share/vim/vim91/lang/eo/LC_MESSAGES/vim.mo:215377
    usr/share/vim/vim91/lang/es/LC_MESSAGES/vim.mo:283599 usr/share/vim/vim91/lang/fi/LC_MESSAGES/vim.mo:266598
    usr/share/vim/vim91/lang/fr/LC_MESSAGES/vim.mo:207192 usr/share/vim/vim91/lang/ga/LC_MESSAGES/vim.mo:225755
    usr/share/vim/vim91/lang/it/LC_MESSAGES/vim.mo:278711 usr/share/vim/vim91/lang/ja/LC_MESSAGES/vim.mo:301520
    usr/share/vim/vim91/lang/ja.euc-jp/LC_MESSAGES/vim.mo:263487 usr/share/vim/vim91/lang/ja.sjis/LC_MESSAGES/vim.mo:263486
    usr/share/vim/vim91/lang/ko/LC_MESSAGES/vim.mo:160656 usr/share/vim/vim91/lang/ko.UTF-8/LC_MESSAGES/vim.mo:178020
    usr/share/vim/vim91/lang/lv/LC_MESSAGES/vim.mo:8634 usr/share/vim/vim91/lang/menu_af.latin1.vim:73
    usr/share/vim/vim91/lang/menu_af.utf-8.vim:92 usr/share/vim/vim91/lang/menu_af_af.latin1.vim:5545
    usr/share/vim/vim91/lang/menu_af_af.utf-8.vim:92 usr/share/vim/vim91/lang/menu_ca.latin1.vim:75
    usr/share/vim/vim91/lang/menu_ca.utf-8.vim:153 usr/share/vim/vim91/lang/nb/LC_MESSAGES/vim.mo:140940
    usr/share/vim/vim91/lang/nl/LC_MESSAGES/vim.mo:103480 usr/share/vim/vim91/lang/no/LC_MESSAGES/vim.mo:140940
    usr/share/vim/vim91/lang/pl/LC_MESSAGES/vim.mo:165462 usr/share/vim/vim91/lang/pl.UTF-8/LC_MESSAGES/vim.mo:168187
    usr/share/vim/vim91/lang/pl.cp1250/LC_MESSAGES/vim.mo:165458 usr/share/vim/vim91/lang/pt_BR/LC_MESSAGES/vim.mo:179788
    usr/share/vim/vim91/lang/ru/LC_MESSAGES/vim.mo:358464 usr/share/vim/vim91/lang/ru.cp1251/LC_MESSAGES/vim.mo:277699
    usr/share/vim/vim91/lang/sk/LC_MESSAGES/vim.mo:141254 usr/share/vim/vim91/lang/sk.cp1250/LC_MESSAGES/vim.mo:141250
    usr/share/vim/vim91/lang/sr/LC_MESSAGES/vim.mo:357660 usr/share/vim/vim91/lang/sv/LC_MESSAGES/vim.mo:142356
    usr/share/vim/vim91/lang/tr/LC_MESSAGES/vim.mo:278523 usr/share/vim/vim91/lang/uk/LC_MESSAGES/vim.mo:335994
    usr/share/vim/vim91/lang/uk.cp1251/LC_MESSAGES/vim.mo:265721 usr/share/vim/vim91/lang/vi/LC_MESSAGES/vim.mo:137472
    usr/share/vim/vim91/lang/zh_CN/LC_MESSAGES/vim.mo:232055 usr/share/vim/vim91/lang/zh_CN.UTF-8/LC_MESSAGES/vim.mo:253963
    usr/share/vim/vim91/lang/zh_CN.cp936/LC_MESSAGES/vim.mo:232052 usr/share/vim/vim91/lang/zh_TW/LC_MESSAGES/vim.mo:107754
    usr/share/vim/vim91/lang/zh_TW.UTF-8/LC_MESSAGES/vim.mo:116899 usr/share/vim/vim91/macros/editexisting.vim:124
    usr/share/vim/vim91/macros/hanoi/click.me:255 usr/share/vim/vim91/macros/hanoi/hanoi.vim:1097 usr/share/vim/vim91/macros/hanoi/poster:1259
    usr/share/vim/vim91/macros/justify.vim:109 usr/share/vim/vim91/macros/less.bat:288 usr/share/vim/vim91/macros/less.sh:588%755
    usr/share/vim/vim91/macros/less.vim:5743 usr/share/vim/vim91/macros/life/click.me:230 usr/share/vim/vim91/macros/life/life.vim:7617
    usr/share/vim/vim91/macros/matchit.vim:124 usr/share/vim/vim91/macros/maze/Makefile:111 usr/share/vim/vim91/macros/maze/maze.c:441
    usr/share/vim/vim91/macros/maze/maze_5.78:626 usr/share/vim/vim91/macros/maze/maze_mac:12149 usr/share/vim/vim91/macros/maze/mazeansi.c:441
    usr/share/vim/vim91/macros/maze/mazeclean.c:594 usr/share/vim/vim91/macros/urm/examples:1092 usr/share/vim/vim91/macros/urm/urm:630
    usr/share/vim/vim91/macros/urm/urm.vim:96 usr/share/vim/vim91/pack/dist/opt/cfilter/plugin/cfilter.vim:2067
    usr/share/vim/vim91/pack/dist/opt/dvorak/dvorak/disable.vim:677 usr/share/vim/vim91/pack/dist/opt/dvorak/dvorak/enable.vim:1106
    usr/share/vim/vim91/pack/dist/opt/dvorak/plugin/dvorak.vim:513 usr/share/vim/vim91/pack/dist/opt/editexisting/plugin/editexisting.vim:3640
    usr/share/vim/vim91/pack/dist/opt/justify/plugin/justify.vim:9160 usr/share/vim/vim91/pack/dist/opt/matchit/autoload/matchit.vim:29332
    usr/share/vim/vim91/pack/dist/opt/matchit/doc/matchit.txt:18710 usr/share/vim/vim91/pack/dist/opt/matchit/doc/tags:1961
    usr/share/vim/vim91/pack/dist/opt/matchit/plugin/matchit.vim:4573 usr/share/vim/vim91/pack/dist/opt/shellmenu/plugin/shellmenu.vim:5413
    usr/share/vim/vim91/pack/dist/opt/swapmouse/plugin/swapmouse.vim:856 usr/share/vim/vim91/pack/dist/opt/termdebug/plugin/termdebug.vim:45543
    usr/share/vim/vim91/plugin/getscriptPlugin.vim:1393 usr/share/vim/vim91/plugin/gzip.vim:3046 usr/share/vim/vim91/plugin/logiPat.vim:10269
    usr/share/vim/vim91/plugin/manpager.vim:1318 usr/share/vim/vim91/plugin/matchparen.vim:7189 usr/share/vim/vim91/plugin/netrwPlugin.vim:10743
    usr/share/vim/vim91/print/ascii.ps:720 usr/share/vim/vim91/print/cidfont.ps:1085 usr/share/vim/vim91/print/cns_roman.ps:765
    usr/share/vim/vim91/print/cp1250.ps:2215 usr/share/vim/vim91/print/cp1251.ps:2382 usr/share/vim/vim91/print/cp1252.ps:2223
    usr/share/vim/vim91/spell/check_locales.vim:463 usr/share/vim/vim91/spell/cleanadd.vim:934 usr/share/vim/vim91/spell/en.ascii.spl:619043
    usr/share/vim/vim91/spell/en.ascii.sug:597210 usr/share/vim/vim91/spell/en.latin1.spl:621179 usr/share/vim/vim91/spell/en.latin1.sug:597971
    usr/share/vim/vim91/syntax/2html.vim:75700 usr/share/vim/vim91/syntax/8th.vim:36219 usr/share/vim/vim91/syntax/a2ps.vim:2426
    usr/share/vim/vim91/syntax/a65.vim:6394 usr/share/vim/vim91/syntax/aap.vim:5697 usr/share/vim/vim91/syntax/abap.vim:9155
    usr/share/vim/vim91/syntax/shared/context-data-context.vim:39782 usr/share/vim/vim91/syntax/shared/context-data-interfaces.vim:124729
    usr/share/vim/vim91/syntax/shared/context-data-metafun.vim:9554 usr/share/vim/vim91/syntax/shared/context-data-tex.vim:20979
    usr/share/vim/vim91/syntax/shared/hgcommitDiff.vim:21728 usr/share/vim/vim91/syntax/shared/typescriptcommon.vim:134462
    usr/share/vim/vim91/tutor/tutor:33583 usr/share/vim/vim91/tutor/tutor.bar:40898 usr/share/vim/vim91/tutor/tutor.bar.utf-8:41847
    usr/share/vim/vim91/tutor/tutor.bg.utf-8:60522 usr/share/vim/vim91/tutor/tutor.ca:28420 usr/share/vim/vim91/tutor/tutor.ca.utf-8:28912`),
  p('xxd', '2:9.1.0016-1ubuntu7.3', 'amd64 editors important foreign', 63890, 160, 'tool to make (or reverse) a hex dump', { d: 'libc6 (>= 2.34)', src: 'vim', h: 'https://www.vim.org/', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/bin/xxd*:18648 usr/share/doc/xxd/NEWS.Debian.gz usr/share/doc/xxd/changelog.Debian.gz usr/share/doc/xxd/changelog.gz
    usr/share/doc/xxd/copyright:27896 usr/share/man/fr/man1/xxd.1.gz usr/share/man/it/man1/xxd.1.gz usr/share/man/ja/man1/xxd.1.gz
    usr/share/man/man1/xxd.1.gz usr/share/man/pl/man1/xxd.1.gz usr/share/man/ru/man1/xxd.1.gz`),
  p('libgpm2', '1.20.7-11', 'amd64 libs optional same', 14824, 46, 'General Purpose Mouse - shared library', { d: 'libc6 (>= 2.33)', s: 'gpm', src: 'gpm', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libgpm.so.2@libgpm.so.2:26552 usr/share/doc/libgpm2/changelog.Debian.amd64.gz
    usr/share/doc/libgpm2/changelog.Debian.gz usr/share/doc/libgpm2/changelog.gz usr/share/doc/libgpm2/copyright:2719`),
  p('libsodium23', '1.0.18-1build3', 'amd64 libs optional same', 161428, 408, 'Network communication, cryptography and signaturing library', { d: 'libc6 (>= 2.25)', src: 'libsodium', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libsodium.so.23.3.0@libsodium.so.23:359112 usr/share/doc/libsodium23/AUTHORS.gz
    usr/share/doc/libsodium23/README.markdown usr/share/doc/libsodium23/THANKS usr/share/doc/libsodium23/changelog.Debian.gz
    usr/share/doc/libsodium23/changelog.gz usr/share/doc/libsodium23/copyright:7898 usr/lib/x86_64-linux-gnu/libsodium.so.23>libsodium.so.23.3.0`),
  p('libpython3.12t64', '3.12.3-1ubuntu0.2', 'amd64 libs optional same', 2339152, 8034, 'Shared Python runtime library (version 3.12)', { d: 'libpython3.12-stdlib (= 3.12.3-1ubuntu0.2), libc6 (>= 2.38), libexpat1 (>= 2.1~beta3), zlib1g (>= 1:1.2.0)', src: 'python3.12', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libpython3.12.so.1.0@libpython3.12.so.1.0:8173368 usr/lib/x86_64-linux-gnu/libpython3.12.so.1>libpython3.12.so.1.0
    usr/share/doc/libpython3.12t64/copyright:47136`),
  p('libpython3.12-stdlib', '3.12.3-1ubuntu0.2', 'amd64 python optional same', 2069488, 8200, 'Interactive high-level object-oriented language (standard library, version 3.12)', { d: 'libpython3.12-minimal (= 3.12.3-1ubuntu0.2), media-types | mime-support, libbz2-1.0, libc6 (>= 2.38), libdb5.3t64, libffi8 (>= 3.4), liblzma5 (>= 5.1.1alpha+20120614), libmpdec3 (>= 2.5.1), libncursesw6 (>= 6.1), libreadline8t64 (>= 7.0~beta), libsqlite3-0 (>= 3.36.0), libtinfo6 (>= 6), libuuid1 (>= 2.20.1)', r: 'ca-certificates, netbase, tzdata', src: 'python3.12', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/python3.12/argparse.py:101661 usr/lib/python3.12/json/__init__.py:14020 usr/lib/python3.12/json/decoder.py:12473
    usr/lib/python3.12/os.py:39786 usr/lib/python3.12/subprocess.py:88754
    usr/lib/python3.12/lib-dynload/_ssl.cpython-312-x86_64-linux-gnu.so@_ssl.cpython-312-x86_64-linux-gnu.so:186256
    usr/share/doc/libpython3.12-stdlib/copyright:47136`),
  p('libpython3.12-minimal', '3.12.3-1ubuntu0.2', 'amd64 python optional same', 832206, 4716, 'Minimal subset of the Python language (version 3.12)', { d: 'libc6 (>= 2.14), libssl3t64 (>= 3.0.0)', r: 'libpython3.12-stdlib', src: 'python3.12', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/python3.12/abc.py:6538 usr/lib/python3.12/codecs.py:36870 usr/lib/python3.12/encodings/__init__.py:5884
    usr/lib/python3.12/encodings/utf_8.py:1005 usr/lib/python3.12/io.py:3582 usr/lib/python3.12/site.py:22723
    usr/share/doc/libpython3.12-minimal/copyright:47136`),
  p('libmpdec3', '2.5.1-2build2', 'amd64 libs optional same', 89444, 242, 'library for decimal floating point arithmetic (runtime library)', { d: 'libc6 (>= 2.14)', src: 'mpdecimal', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libmpdec.so.3>libmpdec.so.2.5.1 usr/lib/x86_64-linux-gnu/libmpdec.so.2.5.1@libmpdec.so.3:235560
    usr/share/doc/libmpdec3/copyright:1568`),
  p('libreadline8t64', '8.2-4build1', 'amd64 libs important same', 153116, 482, 'GNU readline and history libraries, run-time libraries', { d: 'readline-common, libc6 (>= 2.38), libtinfo6 (>= 6)', src: 'readline', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libhistory.so.8>libhistory.so.8.2 usr/lib/x86_64-linux-gnu/libhistory.so.8.2@libhistory.so.8:51640
    usr/lib/x86_64-linux-gnu/libreadline.so.8>libreadline.so.8.2 usr/lib/x86_64-linux-gnu/libreadline.so.8.2@libreadline.so.8:341904
    usr/share/doc/libreadline8t64/copyright:1617`),
  p('readline-common', '8.2-4build1', 'all utils important foreign', 56468, 142, 'GNU readline and history libraries, common files', { s: 'readline-doc', src: 'readline', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    etc/inputrc:1733 usr/share/readline/inputrc.arrows:1175 usr/share/doc/readline-common/copyright:1617 usr/share/info/rluserman.info.gz`),
  p('libsqlite3-0', '3.45.1-1ubuntu2', 'amd64 libs optional same', 701488, 1831, 'SQLite 3 shared library', { d: 'libc6 (>= 2.38)', src: 'sqlite3', h: 'https://www.sqlite.org/', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/lib/x86_64-linux-gnu/libsqlite3.so.0>libsqlite3.so.0.8.6 usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6@libsqlite3.so.0:1655040
    usr/share/doc/libsqlite3-0/copyright:1259`),
  p('media-types', '10.1.0', 'all net standard foreign', 27196, 105, 'List of standard media types and their usual file extension', { b: 'mime-support (<< 3.65)', rp: 'mime-support (<< 3.65)', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    etc/mime.types:75296 usr/share/doc/media-types/copyright:965`),
  p('tzdata', '2024a-3ubuntu1.1', 'all libs important foreign', 273140, 1395, 'time zone and daylight-saving time data', { d: 'debconf (>= 0.5) | debconf-2.0', pv: 'tzdata-bookworm', suite: 'updates', m: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' }, `
    usr/share/zoneinfo/Etc/UTC:114 usr/share/zoneinfo/UTC>Etc/UTC usr/share/zoneinfo/Europe/London:3664 usr/share/zoneinfo/America/New_York:3552
    usr/share/zoneinfo/Asia/Seoul:617 usr/share/zoneinfo/Asia/Tokyo:309 usr/share/zoneinfo/tzdata.zi:109371 usr/share/doc/tzdata/copyright:1957`),
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
      { name: 'editor', link: '/usr/bin/editor', path: '/usr/bin/nano', priority: 40, slaves: [['/usr/share/man/man1/editor.1.gz', '/usr/share/man/man1/nano.1.gz']] },
      { name: 'pico', link: '/usr/bin/pico', path: '/usr/bin/nano', priority: 10, slaves: [['/usr/share/man/man1/pico.1.gz', '/usr/share/man/man1/nano.1.gz']] },
    ],
  },
  'vim-runtime': {
    diversions: [
      ['/usr/share/vim/vim91/doc/help.txt', '/usr/share/vim/vim91/doc/help.txt.vim-tiny'],
      ['/usr/share/vim/vim91/doc/tags', '/usr/share/vim/vim91/doc/tags.vim-tiny'],
    ],
  },
};

const UBUNTU = 'http://archive.ubuntu.com/ubuntu';
const COMPONENTS = ['main', 'restricted', 'universe', 'multiverse'];

export const NOBLE: Distro = {
  id: 'ubuntu',
  codename: 'noble',
  archives: [
    { uri: UBUNTU, suite: 'noble', components: COMPONENTS, inRelease: 256_000, packages: { main: 1_808_000, restricted: 117_000, universe: 19_300_000, multiverse: 331_000 } },
    { uri: UBUNTU, suite: 'noble-updates', components: COMPONENTS, inRelease: 126_000, packages: { main: 712_000, restricted: 500_000, universe: 923_000, multiverse: 17_700 } },
    { uri: UBUNTU, suite: 'noble-backports', components: COMPONENTS, inRelease: 126_000, packages: { main: 17_600, universe: 11_800 } },
    { uri: 'http://security.ubuntu.com/ubuntu', suite: 'noble-security', components: COMPONENTS, inRelease: 126_000, packages: { main: 538_000, restricted: 491_000, universe: 750_000, multiverse: 15_300 } },
  ],
  packages: PACKAGES.map((pkg) => ({ ...pkg, ...EXTRA[pkg.name] })),
  texts: BOOKWORM.texts,
  baseDbEntries: 4381,
  perlInc: '/etc/perl /usr/local/lib/x86_64-linux-gnu/perl/5.38.2 /usr/local/share/perl/5.38.2 /usr/lib/x86_64-linux-gnu/perl5/5.38 /usr/share/perl5 /usr/lib/x86_64-linux-gnu/perl-base /usr/lib/x86_64-linux-gnu/perl/5.38 /usr/share/perl/5.38 /usr/local/lib/site_perl',
  perlReadline: 'perl-modules-5.38',
};
