#!/usr/bin/env bash
# The kernel-facing headers (include/earlyinit/ but testing.h,
# include/linktable/, include/bootproto/) need nothing but each other and the
# compiler's own freestanding <stdint.h>/<stddef.h>: no Boost, no libc.
#
# For GCC and Clang, as C and C++: with -nostdinc (only the compiler's own
# include folder and ours reachable, as in a Linux build), every header
# alone preprocesses (an internal one after the header it serves) and all of
# them together compile, -Wall -Wextra
# -Werror; `-M` lists only files of those two folders, none under a boost/
# folder. Then the check itself is checked: a copy of the headers in which
# one includes <boost/preprocessor/cat.hpp> must fail it.
set -uo pipefail
root="${TEST_SRCDIR:?run by bazel test}/earlyinit"
tmp=$(mktemp -d "${TEST_TMPDIR:-/tmp}/noboost.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The kernel-facing headers, from the folders (BUILD's //:earlyinit and
# //:earlyinit_x86 glob the same: include/earlyinit/*.h but testing.h), the
# x86 adapter's first: its subarchs go before the core.
headers() {  # headers INCLUDE_DIR: the names, relative to it
  (cd "$1" && ls earlyinit/x86*.h && ls earlyinit/*.h linktable/*.h bootproto/*.h |
    grep -v '^earlyinit/testing\.h$' | grep -v '^earlyinit/x86')
}

# check INCLUDE_DIR [COMPILERS [LANGUAGES]]: 0 if every header is Boost-free
# there, else 1 (with why).
check() {
  local inc=$1 compilers=${2:-gcc clang} langs=${3:-c c++} bad=0 cc lang own dep h
  local all="$tmp/all.c"
  : >"$all"
  for h in $(headers "$inc"); do echo "#include \"$h\"" >>"$all"; done
  for cc in $compilers; do
    if [ "$cc" = gcc ]; then own=$(gcc -print-file-name=include); else own="$(clang -print-resource-dir)/include"; fi
    [ -d "$own" ] || { echo "FAIL: $cc's own include folder $own is missing"; return 1; }
    for lang in $langs; do
      local std="-std=gnu11"
      [ "$lang" = c++ ] && std="-std=c++17"
      local flags="-x $lang $std -nostdinc -isystem $own -ffreestanding -Wall -Wextra -Werror -I$inc"
      # shellcheck disable=SC2086
      if ! out=$($cc $flags -fsyntax-only "$all" 2>&1); then
        echo "FAIL: $cc -x $lang: the kernel-facing headers do not compile with only the compiler's own headers:"
        echo "$out" | head -20
        bad=1
        continue
      fi
      for h in $(headers "$inc"); do
        # An internal header (x_internal.h) is how x.h works, and refuses to
        # be included without it: it is preprocessed after x.h.
        local src="#include \"$h\""
        case "$h" in *_internal.h) src="#include \"${h%_internal.h}.h\"
$src" ;; esac
        # shellcheck disable=SC2086
        if ! deps=$(echo "$src" | $cc $flags -M -MT x - 2>&1); then
          echo "FAIL: $cc -x $lang: $h does not preprocess alone:"
          echo "$deps" | head -10
          bad=1
          continue
        fi
        for dep in $(echo "$deps" | tr -d '\\' | tr ' ' '\n' | grep -v '^x:$' | grep -v '^-$' | grep -v '^$'); do
          dep=$(realpath -s -m "$dep")
          case "$dep" in
            */boost/*) echo "FAIL: $cc -x $lang: $h pulls $dep (Boost)"; bad=1 ;;
            "$(realpath -s -m "$inc")"/*|"$(realpath -s -m "$own")"/*) ;;
            *) echo "FAIL: $cc -x $lang: $h pulls $dep, outside our include folder and the compiler's"; bad=1 ;;
          esac
        done
      done
    done
  done
  return $bad
}

fail=0
n=$(headers "$root/include" | wc -l)
[ "$n" -ge 20 ] || { echo "FAIL: found only $n kernel-facing headers under $root/include"; exit 1; }
if check "$root/include"; then
  echo "ok: $n kernel-facing headers, GCC and Clang, C and C++, no Boost"
else
  fail=1
fi

# The check would catch a Boost include again: a copy whose linktable/pp.h
# includes <boost/preprocessor/cat.hpp>, with the host's /usr/include on the
# search path after ours (so that the include is found and -M lists it).
mkdir -p "$tmp/copy"
cp -rL "$root/include/earlyinit" "$root/include/linktable" "$root/include/bootproto" "$tmp/copy/"
chmod -R u+w "$tmp/copy"
sed -i 's|^#define LINKTABLE_PP_H$|#define LINKTABLE_PP_H\n#include <boost/preprocessor/cat.hpp>|' "$tmp/copy/linktable/pp.h"
grep -q 'boost/preprocessor/cat.hpp' "$tmp/copy/linktable/pp.h" || { echo "FAIL: could not plant the include"; exit 1; }
if [ -d /usr/include/boost/preprocessor ]; then
  mkdir -p "$tmp/copy/boost"
  ln -s /usr/include/boost/preprocessor "$tmp/copy/boost/preprocessor"
  ln -s /usr/include/boost/preprocessor.hpp "$tmp/copy/boost/preprocessor.hpp" 2>/dev/null
fi
if out=$(check "$tmp/copy" gcc c 2>&1); then
  echo "FAIL: a header that includes Boost passed the check"
  fail=1
elif ! echo "$out" | grep -q 'boost'; then
  echo "FAIL: the planted Boost include failed the check, but not for Boost:"
  echo "$out" | head -10
  fail=1
else
  echo "ok: a planted Boost include is caught ($(echo "$out" | grep -c FAIL) failures)"
fi
exit $fail
