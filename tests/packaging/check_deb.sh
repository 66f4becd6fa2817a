#!/bin/sh
# check_deb.sh BUILD_DIR: makes the .deb of BUILD_DIR (cpack) and checks it
# and the update artifact in a throwaway root (dpkg-deb -x). Not part of the
# default ctest run (it packages the whole build; a release build is meant).
# Build first, then check:
#   cmake --build build/release --target witryna-edge witryna-display witryna-updater update_artifact
#   tests/packaging/check_deb.sh build/release
set -eu
build="$(cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail cpack; }
deb="$(ls "$work"/out/witryna_*.deb)"
version="$(dpkg-deb -f "$deb" Version)"
echo "package: $deb ($version)"

dpkg-deb -x "$deb" "$work/root"
rel="$work/root/opt/witryna/releases/$version"
for f in bin/witryna-edge bin/witryna-display bin/witryna-updater bin/witryna-kiosk-session; do
  [ -x "$rel/$f" ] || fail "no executable $f in the versioned release folder"
done
for f in lib/systemd/system/witryna-edge.service lib/systemd/system/witryna-display@.service \
         lib/systemd/system/witryna-updater.service usr/lib/sysusers.d/witryna.conf \
         usr/lib/tmpfiles.d/witryna.conf etc/witryna/witryna.toml; do
  [ -f "$work/root/$f" ] || fail "no $f"
done
[ ! -e "$work/root/opt/witryna/current" ] || fail "current must not be in the package"
grep -q '^ExecStart=/opt/witryna/current/bin/witryna-edge' "$work/root/lib/systemd/system/witryna-edge.service" ||
  fail "witryna-edge.service does not run /opt/witryna/current"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/witryna/witryna.toml ||
  fail "/etc/witryna/witryna.toml is not a conffile"
"$rel/bin/witryna-edge" --version | grep -q "$version" || fail "witryna-edge --version"

# The update artifact of the same build holds the same release folder.
artifact="$(ls "$build"/witryna-"$version"-*.tar)"
mkdir "$work/artifact"
tar -xf "$artifact" -C "$work/artifact"
for f in bin/witryna-edge bin/witryna-display bin/witryna-updater bin/witryna-kiosk-session; do
  cmp -s "$work/artifact/$f" "$rel/$f" || fail "artifact's $f differs from the package's"
done
echo "package and update artifact OK"
