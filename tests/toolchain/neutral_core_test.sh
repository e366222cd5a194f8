#!/usr/bin/env bash
# The core (linktable/, earlyinit/ without x86*.h) is architecture-neutral:
# - no core header includes bootproto/ or names a bootproto_ type;
# - outside comments, no earlyinit/ core header names an x86 fact (x86,
#   Xen, hardware_subarch, PVH, ...): its code, defaults and messages are
#   the same for every architecture;
# - Bazel's //:earlyinit reaches no bootproto target (the genquery);
# - with only the core on the include path (bootproto/ unreachable, which
#   x86.h's failure to compile proves), neutral/core.c and every core header
#   alone compile for aarch64 and riscv64 with GCC and Clang, as C and C++,
#   freestanding, -Wall -Wextra -Werror.
set -uo pipefail
root="${TEST_SRCDIR:?run by bazel test}/earlyinit"
tmp=$(mktemp -d "${TEST_TMPDIR:-/tmp}/neutral.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
for tool in aarch64-linux-gnu-gcc riscv64-linux-gnu-gcc clang; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (tools/install installs it)"; exit 1; }
done
# The core alone in a tree of its own (it needs no Boost: nothing else is
# on the include path but the cross compilers' own headers).
mkdir -p "$tmp/inc/earlyinit" "$tmp/inc/linktable"
cp "$root"/include/linktable/*.h "$tmp/inc/linktable/"
cp "$root"/include/earlyinit/*.h "$tmp/inc/earlyinit/"
rm "$tmp"/inc/earlyinit/x86*.h "$tmp/inc/earlyinit/testing.h"  # the x86 adapter; GoogleTest's
cp "$root"/tests/toolchain/neutral/core.c "$root"/tests/toolchain/neutral/board.h "$tmp/"

if grep -n 'bootproto' "$tmp"/inc/*/*.h | grep -v '^[^:]*:[0-9]*: *\*\|//\|/\*'; then
  echo "FAIL: a core header includes bootproto/ or names a bootproto_ type (above)"
  fail=1
fi

# Comments stripped (the preprocessor's -fpreprocessed keeps directives
# and macros as written), every line that is left.
for h in "$tmp"/inc/earlyinit/*.h; do
  if gcc -fpreprocessed -dD -E -P "$h" 2>/dev/null | grep -inE 'x86|xen|hardware_subarch|pvh|lguest|intel_mid|ce4100|boot_params|cr4|\bpc\b'; then
    echo "FAIL: ${h#"$tmp/inc/"} names an x86 fact outside its comments (above)"
    fail=1
  fi
done
deps="$root/tests/toolchain/earlyinit_deps"
if [ ! -s "$deps" ] || grep bootproto "$deps"; then
  echo "FAIL: deps(//:earlyinit) reaches bootproto, or its query is empty ($deps)"
  fail=1
fi

flags="-O2 -Wall -Wextra -Werror -ffreestanding -fno-exceptions -nostdlib -I$tmp/inc"
compile() {  # compile ARCH CC LANG FILE [EXTRA...]
  local arch=$1 cc=$2 lang=$3 file=$4
  shift 4
  local cmd
  if [ "$cc" = gcc ]; then cmd="$arch-linux-gnu-gcc"; else cmd="clang --target=$arch-linux-gnu"; fi
  local std="-x c -std=gnu11"
  [ "$lang" = c++ ] && std="-x c++ -std=c++17 -fno-rtti"
  # shellcheck disable=SC2086
  $cmd $std $flags "$@" -c "$file" -o "$tmp/out.o" 2>&1
}

# The include path really lacks bootproto/: the bridge does not compile there.
cp "$root"/include/earlyinit/x86*.h "$tmp/inc/earlyinit/"
echo '#include "earlyinit/x86.h"' >"$tmp/bridge.c"
out=$(compile aarch64 gcc c "$tmp/bridge.c" 2>&1)
bridge=$?
rm "$tmp"/inc/earlyinit/x86*.h
if [ $bridge -eq 0 ] || ! grep -q 'bootproto/.*No such file' <<<"$out"; then
  echo "FAIL: x86.h compiled, or failed for another reason, without bootproto/ on the path:"
  echo "$out"
  fail=1
fi

cells=0
for arch in aarch64 riscv64; do
  for cc in gcc clang; do
    for lang in c c++; do
      if ! out=$(compile $arch $cc $lang "$tmp/core.c" "-DEARLYINIT_CONFIG_HEADER=\"$tmp/board.h\""); then
        echo "FAIL: core.c, $arch $cc $lang:"
        echo "$out"
        fail=1
      elif ! readelf -S "$tmp/out.o" >"$tmp/sections" || ! grep -q linktable_meta "$tmp/sections"; then
        echo "FAIL: core.c, $arch $cc $lang: no .linktable_meta in the object"
        fail=1
      fi
      for h in "$tmp"/inc/linktable/*.h "$tmp"/inc/earlyinit/*.h; do
        rel=${h#"$tmp/inc/"}
        # An internal header (x_internal.h) comes after the header it serves.
        case "$rel" in
          *_internal.h) printf '#include "%s"\n#include "%s"\n' "${rel%_internal.h}.h" "$rel" >"$tmp/one.c" ;;
          *) echo "#include \"$rel\"" >"$tmp/one.c" ;;
        esac
        if ! out=$(compile $arch $cc $lang "$tmp/one.c"); then
          echo "FAIL: ${h#"$tmp/inc/"} alone, $arch $cc $lang:"
          echo "$out"
          fail=1
        fi
      done
      cells=$((cells + 1))
    done
  done
done
[ $fail -eq 0 ] && echo "ok: the core compiles in $cells cells (aarch64, riscv64 x gcc, clang x C, C++) without bootproto/"
exit $fail
