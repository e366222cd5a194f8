#!/usr/bin/env bash
# Installs earlyinit under PREFIX:
#
#   bazel run //:install -- PREFIX      (a relative PREFIX is taken from
#                                        where bazel was started)
#
#   PREFIX/include/{linktable,earlyinit,bootproto}/*.h   the headers
#   PREFIX/lib/libearlyinit_bootproto.a                  bootproto's converters, compiled
#   PREFIX/share/earlyinit/src/bootproto/                their sources, to compile with a
#                                                        kernel's own flags
#   PREFIX/share/earlyinit/linker_scripts/               the linker fragments
#   PREFIX/bin/earlyinit-audit                           the audit tool
#   PREFIX/lib/pkgconfig/earlyinit{,-bootproto}.pc       pkg-config
#   PREFIX/lib/cmake/earlyinit/earlyinitConfig.cmake     find_package(earlyinit)
#   PREFIX/share/earlyinit/bazel/                        a Bazel repository
#
# linktable/ and earlyinit/ are header-only; bootproto/convert.h declares
# the converters, whose code is the library or the sources. Replaces
# earlier installed earlyinit files, leaves everything else under PREFIX
# alone.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: bazel run //:install -- PREFIX" >&2
  exit 2
fi
prefix=$1
case "$prefix" in
  /*) ;;
  *) prefix="${BUILD_WORKING_DIRECTORY:-$PWD}/$prefix" ;;
esac

# The files come from this script's runfiles: bazel run puts them in
# $0.runfiles/earlyinit; as a test's data they sit next to the script.
if [ -d "$0.runfiles/earlyinit" ]; then
  root="$0.runfiles/earlyinit"
else
  root=$(dirname "$0")
fi
[ -f "$root/include/linktable/linktable.h" ] || {
  echo "install: earlyinit's files not found next to $0" >&2
  exit 1
}
tmpl="$root/tools/install_prefix"
# The version has one source, the tool's (src/audit/base/vocabulary.h).
version=$("$root/src/audit/earlyinit-audit" --version | sed -n 's/^earlyinit-audit \([0-9][0-9.]*\) .*/\1/p')
[ -n "$version" ] || {
  echo "install: no version from $root/src/audit/earlyinit-audit --version" >&2
  exit 1
}

mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)

for d in linktable earlyinit bootproto; do
  rm -rf "$prefix/include/$d"
  mkdir -p "$prefix/include/$d"
  cp "$root/include/$d/"*.h "$prefix/include/$d/"
done
mkdir -p "$prefix/share/earlyinit/linker_scripts" "$prefix/bin" \
  "$prefix/lib/pkgconfig" "$prefix/lib/cmake/earlyinit" "$prefix/share/earlyinit/bazel"
# The converters (//src/bootproto:bootproto): the archive, and the sources
# (they include "src/bootproto/internal.h": compile them with
# -IPREFIX/include -IPREFIX/share/earlyinit).
rm -rf "$prefix/share/earlyinit/src/bootproto"
mkdir -p "$prefix/share/earlyinit/src/bootproto"
cp "$root/src/bootproto/"*.c "$root/src/bootproto/"*.h "$prefix/share/earlyinit/src/bootproto/"
rm -f "$prefix/lib/libearlyinit_bootproto.a"
cp "$root/src/bootproto/libbootproto.a" "$prefix/lib/libearlyinit_bootproto.a"
cp "$root/linker_scripts/"*.ld "$root/linker_scripts/"*.opts "$prefix/share/earlyinit/linker_scripts/"
cp "$root/src/audit/earlyinit-audit" "$prefix/bin/earlyinit-audit"
chmod -R u+w "$prefix/include" "$prefix/share/earlyinit" "$prefix/bin/earlyinit-audit" \
  "$prefix/lib/libearlyinit_bootproto.a"

subst() { sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" "$1" > "$2"; }
subst "$tmpl/earlyinit.pc.in" "$prefix/lib/pkgconfig/earlyinit.pc"
subst "$tmpl/earlyinit-bootproto.pc.in" "$prefix/lib/pkgconfig/earlyinit-bootproto.pc"
subst "$tmpl/earlyinitConfig.cmake.in" "$prefix/lib/cmake/earlyinit/earlyinitConfig.cmake"
subst "$tmpl/earlyinitConfigVersion.cmake.in" "$prefix/lib/cmake/earlyinit/earlyinitConfigVersion.cmake"
subst "$tmpl/earlyinit.BUILD.in" "$prefix/share/earlyinit/bazel/earlyinit.BUILD"
echo 'workspace(name = "earlyinit_bazel")' > "$prefix/share/earlyinit/bazel/WORKSPACE"
echo 'exports_files(["earlyinit.BUILD"])' > "$prefix/share/earlyinit/bazel/BUILD.bazel"

echo "earlyinit $version installed in $prefix"
