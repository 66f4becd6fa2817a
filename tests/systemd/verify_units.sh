#!/bin/sh
# verify_units.sh UNITS_DIR: every unit in UNITS_DIR passes `systemd-analyze
# verify` without a single complaint about our files (unknown keys, bad
# values, missing executables are only warnings there, so any line naming one
# of our units fails the test), and the sysusers.d / tmpfiles.d files create
# the accounts and folders in a throwaway root.
set -u
dir="$(cd "$1" && pwd)"
status=0
out="$(mktemp)"
root="$(mktemp -d)"
trap 'rm -rf "$out" "$root"' EXIT

# A template is verified through an instance of it.
cp "$dir/witryna-display@.service" "$root/witryna-display@kiosk-1.service"
for unit in "$dir/witryna-edge.service" "$dir/witryna-updater.service" \
            "$root/witryna-display@kiosk-1.service"; do
  SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$unit" >"$out" 2>&1
  rc=$?
  # Complaints about units that are not ours (the host's) do not count.
  if [ $rc -ne 0 ] || grep -E "witryna|kiosk-1" "$out" >/dev/null; then
    echo "FAIL: systemd-analyze verify $unit (exit $rc):"; cat "$out"; status=1
  else
    echo "ok: $unit"
  fi
done

mkdir -p "$root/etc"
if ! systemd-sysusers --root="$root" "$dir/witryna.sysusers.conf" >"$out" 2>&1; then
  echo "FAIL: systemd-sysusers"; cat "$out"; status=1
fi
for user in witryna witryna-screen; do
  grep -q "^$user:" "$root/etc/passwd" 2>/dev/null || { echo "FAIL: no user $user"; status=1; }
done
grep -Eq '^witryna:[^:]*:[0-9]+:.*witryna-screen' "$root/etc/group" ||
  { echo "FAIL: witryna-screen is not in group witryna"; cat "$root/etc/group"; status=1; }

if ! systemd-tmpfiles --create --root="$root" "$dir/witryna.tmpfiles.conf" >"$out" 2>&1; then
  echo "FAIL: systemd-tmpfiles"; cat "$out"; status=1
fi
state="$(sed -n 's/^d \([^ ]*\) .*0750 witryna.*/\1/p' "$dir/witryna.tmpfiles.conf" | head -1)"
# Owners by number: the throwaway root's accounts are not the host's.
uid="$(awk -F: '$1 == "witryna" { print $3 }' "$root/etc/passwd")"
if [ -z "$state" ] || [ "$(stat -c '%a %u' "$root$state" 2>/dev/null)" != "750 $uid" ]; then
  echo "FAIL: $state is not 0750 witryna in the throwaway root"; status=1
fi
[ $status -eq 0 ] && echo "all units verified"
exit $status
