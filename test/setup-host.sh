#!/bin/sh
# Installs the Debian packages the tests use, when they are missing and we can:
# skopeo and umoci read our OCI images, busybox-static is the reference busybox,
# python3 drives pseudo-terminals and the overlayfs differential test, git is the
# reference for Berth's git, nano and vim-tiny for the editors' screen comparisons.
# chromium runs the site in the browser tests (Playwright drives it; no browser download).
# Tests that need a missing tool skip with a printed reason instead of failing.
set -u
want="skopeo umoci busybox-static python3 git nano vim-tiny chromium"
missing=""
for pkg in $want; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup-host: installing$missing"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >/tmp/berth-setup-host.log 2>&1 \
    || { echo "setup-host: apt-get failed (see /tmp/berth-setup-host.log); the tests that need$missing will skip"; exit 0; }
else
  echo "setup-host: missing$missing (not root, or no apt-get); the tests that need them will skip"
fi
