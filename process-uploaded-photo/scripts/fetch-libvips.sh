#!/usr/bin/env bash
# Fetches libvips as sharp ships it (npm @img/sharp-libvips-linux-x64: one self-contained shared library for
# glibc >= 2.28 on x86-64, LGPL-3.0-or-later) into a Lambda layer folder: <out>/lib/libvips-cpp.so. The
# processor loads it through JNA; infra deploys the folder as a layer (/opt/lib in the function).
# The tarball is checked against the integrity hash recorded here, so a changed package cannot slip in.
set -euo pipefail
PACKAGE=@img/sharp-libvips-linux-x64
VERSION=1.3.4 # libvips 8.18.7, the build sharp 0.35.5 uses
INTEGRITY=sha512-GJ//SSXbnwSDes02umB3nDJLFcQzw8a18V8fyhqr6tV515tOEMdImjjxj1AoafMRz56F3PHgftnj1QEKSU1zkw==

out=${1:?usage: fetch-libvips.sh <layer folder>}
if [ "$(cat "$out/VERSION" 2>/dev/null)" = "$PACKAGE@$VERSION" ] && [ -f "$out/lib/libvips-cpp.so" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "$PACKAGE@$VERSION" --silent --no-audit --no-fund >/dev/null 2>&1) \
  || { echo "npm pack $PACKAGE@$VERSION failed: is the npm registry reachable?" >&2; exit 1; }
tarball=$(ls "$work"/*.tgz)
actual="sha512-$(node -e "process.stdout.write(require('crypto').createHash('sha512').update(require('fs').readFileSync(process.argv[1])).digest('base64'))" "$tarball")"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "$PACKAGE@$VERSION: integrity $actual is not the recorded $INTEGRITY" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"
mkdir -p "$out/lib"
cp "$work"/package/lib/libvips-cpp.so.* "$out/lib/libvips-cpp.so"
cp "$work/package/versions.json" "$out/lib/libvips-versions.json"
cat > "$out/lib/libvips-NOTICE.txt" <<NOTICE
libvips and the libraries built into libvips-cpp.so, as packaged by the sharp project in
$PACKAGE@$VERSION (https://github.com/lovell/sharp-libvips).
libvips, glib, libheif, libexif, librsvg, pango, fribidi: LGPL-3.0-or-later (via the "any later version"
clause of LGPL-2.1); mozjpeg: IJG/BSD-3-Clause/zlib; libwebp, libpng, zlib-ng, lcms2, libtiff, cgif, aom,
libxml2, expat, highway and the rest: BSD/MIT-style licences (aom: BSD-2-Clause plus the AOM patent licence);
cairo: MPL-1.1. Component versions: libvips-versions.json. The library is used unmodified and loaded
dynamically, so it can be replaced by any compatible build of libvips (LGPL section 4).
NOTICE
echo "$PACKAGE@$VERSION" > "$out/VERSION"
echo "libvips $VERSION -> $out/lib/libvips-cpp.so"
