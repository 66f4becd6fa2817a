#!/bin/sh
# check_deb.sh BUILD_DIR: makes the .deb of BUILD_DIR (cpack) and checks its
# contents (dpkg-deb -x), installs it with dpkg into a throwaway root (the
# maintainer scripts run), and checks the update artifact. ctest runs it on
# the debug build (tests/packaging/suite.cmake); by hand, build first, then check:
#   cmake --build build/release --target witryna-edge witryna-display witryna-updater update_artifact
#   tests/packaging/check_deb.sh build/release
# WITRYNA_DEB_COMPRESSION=none (or xz, ...) overrides the package's compression
# (the ctest run: gzip of debug binaries would double the test's time).
set -eu
build="$(cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" ${WITRYNA_DEB_COMPRESSION:+-D CPACK_DEBIAN_COMPRESSION_TYPE=$WITRYNA_DEB_COMPRESSION}) >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail cpack; }
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

# Installed for real into a throwaway root: dpkg with its own database there,
# the maintainer scripts run (chrootless, DPKG_ROOT set: the root has no shell
# of its own) and must have made the accounts, the folders and the symlinks.
# Dependencies are the host's business here (--force-depends): an empty root
# has no libraries; that they exist on Debian 12 is checked by apt on a machine.
inst="$work/installed"
mkdir -p "$inst/var/lib/dpkg/info" "$inst/var/lib/dpkg/updates" "$inst/etc"
: >"$inst/var/lib/dpkg/status"
: >"$inst/var/lib/dpkg/available"
dpkg --root="$inst" --force-script-chrootless --force-depends --force-not-root -i "$deb" \
  >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i into a throwaway root"; }
dpkg --root="$inst" -s witryna | grep -q '^Status: install ok installed' ||
  { cat "$work/dpkg.log"; fail "dpkg does not list witryna as installed"; }
for link in current committed; do
  [ "$(readlink "$inst/opt/witryna/$link")" = "releases/$version" ] ||
    fail "postinst did not point $link at releases/$version"
done
"$inst/opt/witryna/current/bin/witryna-edge" --version | grep -q "$version" ||
  fail "the installed current/bin/witryna-edge does not run"
grep -q '^witryna:' "$inst/etc/passwd" || fail "postinst did not create the witryna account"
[ -d "$inst/var/lib/witryna" ] || fail "postinst did not create /var/lib/witryna"
# A reinstall keeps a locally edited conffile.
echo '# edited on this device' >>"$inst/etc/witryna/witryna.toml"
dpkg --root="$inst" --force-script-chrootless --force-depends --force-not-root --force-confold \
  -i "$deb" >"$work/dpkg2.log" 2>&1 || { cat "$work/dpkg2.log"; fail "reinstall"; }
grep -q '^# edited on this device' "$inst/etc/witryna/witryna.toml" ||
  fail "a reinstall replaced the edited conffile"
dpkg --root="$inst" --force-script-chrootless --force-depends --force-not-root -r witryna \
  >"$work/dpkg3.log" 2>&1 || { cat "$work/dpkg3.log"; fail "dpkg -r"; }
[ ! -e "$inst/opt/witryna/releases/$version/bin/witryna-edge" ] || fail "dpkg -r left the binaries"
echo "installed, reinstalled (conffile kept) and removed in a throwaway root"

# The update artifact of the same build holds the same release folder.
artifact="$(ls "$build"/witryna-"$version"-*.tar)"
mkdir "$work/artifact"
tar -xf "$artifact" -C "$work/artifact"
for f in bin/witryna-edge bin/witryna-display bin/witryna-updater bin/witryna-kiosk-session; do
  cmp -s "$work/artifact/$f" "$rel/$f" || fail "artifact's $f differs from the package's"
done
echo "package and update artifact OK"
