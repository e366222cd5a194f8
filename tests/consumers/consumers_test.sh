#!/usr/bin/env bash
# Installs earlyinit into a fresh PREFIX with //:install, then builds the
# consumer program (program/) against that PREFIX three ways: Make with
# pkg-config (make/), CMake with find_package (cmake/), and Bazel (bazel/,
# a nested offline Bazel). Each program must run and print the expected
# chains; each build must fail at link time, naming the step and subarch,
# when board B's uart implementation is removed (-DCONSUMER_DROP_UART_B).
# The converter consumer (converter/) calls bootproto's converters, which
# are code, not headers: each way links it with the installed archive (Make
# and CMake also from the installed sources) and it must run; linked with
# the header-only part alone it must fail to link.
set -uo pipefail

root="${TEST_SRCDIR:?run by bazel test}/earlyinit"
tmp="${TEST_TMPDIR:?}"
export HOME="$tmp/home"
mkdir -p "$HOME"
prefix="$tmp/prefix"
program="$root/tests/consumers/program"
converter="$root/tests/consumers/converter"
expected=$'Board A: caq (3 run)\nBoard B: cb (2 run)\nCONSUMER OK'
parity_sym="earlyinit__step_uart__on_subarch_board_b__needs_exactly_one_implementation_or_exemption"
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# check_run NAME PROG: the program's output is exactly the expected one.
check_run() {
  local out
  out=$("$2" 2>&1)
  local rc=$?
  if [ $rc -ne 0 ] || [ "$out" != "$expected" ]; then
    fail "$1: exit $rc, output:"$'\n'"$out"
  else
    echo "ok: $1 runs"
  fi
}

# check_convert NAME PROG: the converter consumer ran and got its zero page.
check_convert() {
  local out
  out=$("$2" 2>&1)
  local rc=$?
  if [ $rc -ne 0 ] || [ "$(tail -1 <<<"$out")" != "CONVERTER OK" ]; then
    fail "$1: exit $rc, output:"$'\n'"$out"
  else
    echo "ok: $1 runs"
  fi
}

# check_parity NAME RC LOG: the build failed and its log names the symbol.
check_parity() {
  if [ "$2" -eq 0 ]; then
    fail "$1: linked without board B's uart"
  elif ! grep -q "undefined reference to \`$parity_sym'" "$3"; then
    fail "$1: failed, but not with the parity error:"$'\n'"$(tail -20 "$3")"
  else
    echo "ok: $1 parity error"
  fi
}

# 1. Install.
if ! "$root/install" "$prefix" > "$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"
  echo "FAIL: install"
  exit 1
fi
for f in include/linktable/linktable.h include/earlyinit/earlyinit.h \
         include/bootproto/boot_params.h include/bootproto/convert.h bin/earlyinit-audit \
         lib/libearlyinit_bootproto.a share/earlyinit/src/bootproto/pvh.c \
         share/earlyinit/linker_scripts/linktable.ld lib/pkgconfig/earlyinit.pc \
         lib/pkgconfig/earlyinit-bootproto.pc \
         lib/cmake/earlyinit/earlyinitConfig.cmake share/earlyinit/bazel/earlyinit.BUILD; do
  [ -e "$prefix/$f" ] || fail "install: $f missing"
done
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
[ "$(pkg-config --variable=linker_fragment earlyinit)" = \
  "$prefix/share/earlyinit/linker_scripts/linktable.ld" ] || fail "pkg-config: linker_fragment"

# 2. Make + pkg-config.
mk="$tmp/make"
mkdir -p "$mk"
if make -C "$mk" -f "$root/tests/consumers/make/Makefile" SRC="$program" > "$mk/log" 2>&1; then
  check_run make "$mk/prog"
  "$prefix/bin/earlyinit-audit" check "$mk/prog" > "$mk/audit" 2>&1 || fail "make: audit check: $(cat "$mk/audit")"
else
  fail "make: build:"$'\n'"$(cat "$mk/log")"
fi
make -C "$mk" -f "$root/tests/consumers/make/Makefile" SRC="$program" clean > /dev/null
make -C "$mk" -f "$root/tests/consumers/make/Makefile" SRC="$program" \
  CPPFLAGS=-DCONSUMER_DROP_UART_B > "$mk/drop.log" 2>&1
check_parity make $? "$mk/drop.log"
mkc() { make -C "$mk" -f "$root/tests/consumers/make/Makefile" CONVERTER="$converter" "$@"; }
for t in convert convert_src; do
  if mkc $t > "$mk/$t.log" 2>&1; then
    check_convert "make $t" "$mk/$t"
  else
    fail "make $t: build:"$'\n'"$(cat "$mk/$t.log")"
  fi
done
if mkc convert_headers_only > "$mk/headers_only.log" 2>&1; then
  fail "make: the converter consumer linked without bootproto's code"
elif ! grep -q "undefined reference to \`bootproto_from_multiboot'" "$mk/headers_only.log"; then
  fail "make: convert_headers_only failed, but not for want of the converters:"$'\n'"$(cat "$mk/headers_only.log")"
else
  echo "ok: make convert_headers_only: the converters are not header-only"
fi

# 3. CMake.
cm="$tmp/cmake"
if cmake -S "$root/tests/consumers/cmake" -B "$cm/ok" -DCMAKE_PREFIX_PATH="$prefix" \
     > "$tmp/cmake.log" 2>&1 && cmake --build "$cm/ok" >> "$tmp/cmake.log" 2>&1; then
  check_run cmake "$cm/ok/prog"
  check_convert "cmake convert" "$cm/ok/convert"
  check_convert "cmake convert_src" "$cm/ok/convert_src"
else
  fail "cmake: build:"$'\n'"$(cat "$tmp/cmake.log")"
fi
cmake -S "$root/tests/consumers/cmake" -B "$cm/drop" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_FLAGS=-DCONSUMER_DROP_UART_B > "$tmp/cmake-drop.log" 2>&1 &&
  cmake --build "$cm/drop" >> "$tmp/cmake-drop.log" 2>&1
check_parity cmake $? "$tmp/cmake-drop.log"

# 4. Bazel, offline, in a workspace of its own (batch mode: no server is
# left behind; local spawns: no sandbox inside this test's sandbox).
bz="$tmp/bazel"
mkdir -p "$bz/third_party/rules_cc/cc" "$bz/third_party/remote_coverage_tools"
cp -r "$program" "$bz/program"
cp -r "$converter" "$bz/converter"
sed "s|@PREFIX@|$prefix|g" "$root/tests/consumers/bazel/WORKSPACE.in" > "$bz/WORKSPACE"
cp "$root/tests/consumers/bazel/BUILD.in" "$bz/BUILD"
cp "$root/tests/consumers/bazel/bazelrc" "$bz/.bazelrc"
# The offline stand-ins earlyinit's own WORKSPACE uses (third_party/).
touch "$bz/third_party/rules_cc/WORKSPACE" "$bz/third_party/rules_cc/BUILD" \
  "$bz/third_party/rules_cc/cc/BUILD" "$bz/third_party/remote_coverage_tools/WORKSPACE"
# (earlyinit's third_party/rules_cc/cc/defs.bzl, which Bazel will not export)
for r in cc_binary cc_library cc_test cc_import cc_toolchain cc_toolchain_suite \
         cc_proto_library objc_library; do
  printf 'def %s(**kwargs):\n    native.%s(**kwargs)\n\n' $r $r
done > "$bz/third_party/rules_cc/cc/defs.bzl"
cat > "$bz/third_party/remote_coverage_tools/BUILD" <<'BUILD'
package(default_visibility = ["//visibility:public"])
filegroup(name = "coverage_report_generator")
filegroup(name = "lcov_merger")
BUILD
bazel_() {
  (cd "$bz" && bazel --batch --output_user_root="$tmp/bazel_root" "$@" \
     --spawn_strategy=local --jobs=2)
}
if bazel_ build //:prog //:convert > "$bz/log" 2>&1; then
  check_run bazel "$bz/bazel-bin/prog"
  check_convert "bazel convert" "$bz/bazel-bin/convert"
else
  fail "bazel: build:"$'\n'"$(tail -40 "$bz/log")"
fi
bazel_ build //:prog --copt=-DCONSUMER_DROP_UART_B > "$bz/drop.log" 2>&1
check_parity bazel $? "$bz/drop.log"

if [ $failures -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all consumers OK"
