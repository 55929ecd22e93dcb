#!/usr/bin/env bash
# The browser end-to-end test drives Debian's Chromium (playwright-core cannot download browsers here).
# Installs it, with CJK fonts for Korean text, when missing and this user may use apt-get; otherwise says how.
set -u
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && [ -d /usr/share/fonts/opentype/noto ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium and fonts-noto-cjk for the browser end-to-end test ..."
  apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null && exit 0
fi
echo "WARNING: the browser end-to-end test needs Chromium at /usr/bin/chromium (or CHROMIUM=<path>)"
echo "         and CJK fonts: sudo apt-get install chromium fonts-noto-cjk"
exit 0
