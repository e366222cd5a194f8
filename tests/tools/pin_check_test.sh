#!/usr/bin/env bash
# tools/pin_check and tools/pinned against a stand-in apt-cache: a pinned version in the
# archive passes; one that has left it fails, naming the newest version;
# a package the archive does not know fails saying so. And tools/pins
# names every package it pins once, with a version.
set -uo pipefail
root=$PWD
fake=$(mktemp -d "${TEST_TMPDIR:-/tmp}/apt.XXXXXX")
cat >"$fake/apt-cache" <<'FAKE'
#!/bin/sh
[ "$1" = madison ] || exit 1
case "$2" in
  linux-source-6.1)
    echo "linux-source-6.1 |  6.1.193-1 | http://deb.debian.org/debian-security bookworm-security/main amd64 Packages"
    echo "linux-source-6.1 |  6.1.192-3 | http://deb.debian.org/debian-security bookworm-security/main amd64 Packages" ;;
esac
FAKE
chmod +x "$fake/apt-cache"
export PATH="$fake:$PATH"
failed=0
check() {  # NAME EXPECTED_STATUS EXPECTED_STDERR_SUBSTRING ARGS...
  local name=$1 want=$2 text=$3
  shift 3
  local err status
  err=$("$root/tools/pin_check" "$@" 2>&1 >/dev/null)
  status=$?
  if [ "$status" -ne "$want" ] || [[ "$err" != *"$text"* ]]; then
    echo "FAIL $name: status $status (want $want), stderr: $err"
    failed=1
  else
    echo "ok $name"
  fi
}
check in_archive 0 "" linux-source-6.1 6.1.192-3
check left_archive 1 "linux-source-6.1 6.1.192-2, the version tools/pins pins (examples/linux is made for it), has left Debian's archive; the newest there is 6.1.193-1" linux-source-6.1 6.1.192-2
check unknown 1 "xen-hypervisor-9 is not in Debian's archive as apt sees it" xen-hypervisor-9 1.0
check usage 2 "usage: tools/pin_check PACKAGE VERSION" linux-source-6.1

# tools/pins: "package version install|fetch|deb" lines, each package once.
pins=$(grep -v '^#' "$root/tools/pins" | grep -v '^ *$')
if ! printf '%s\n' "$pins" | awk 'NF != 3 || ($3 != "install" && $3 != "fetch" && $3 != "deb") { exit 1 }'; then
  echo "FAIL pins_format: a line is not 'package version install|fetch|deb'"; failed=1
fi

# tools/pinned reads them back; --upstream drops the Debian revision.
pinned() {  # NAME EXPECTED ARGS...
  local name=$1 want=$2 got
  shift 2
  got=$("$root/tools/pinned" "$@" 2>&1)
  if [ "$got" = "$want" ]; then echo "ok $name"; else echo "FAIL $name: '$got', want '$want'"; failed=1; fi
}
src=$(printf '%s\n' "$pins" | awk '$1 == "linux-source-6.1" { print $2 }')
pinned pinned_full "$src" linux-source-6.1
pinned pinned_upstream "${src%-*}" --upstream linux-source-6.1
pinned pinned_unknown "tools/pinned: no-such-package is not in tools/pins" no-such-package
dups=$(printf '%s\n' "$pins" | awk '{print $1}' | sort | uniq -d)
[ -z "$dups" ] || { echo "FAIL pins_unique: $dups"; failed=1; }
exit $failed
