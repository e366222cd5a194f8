#!/usr/bin/env bash
# bench/compile_ir.sh [INCLUDE_DIR]: instructions (callgrind, the whole
# process tree: driver, compiler, assembler; exact, whatever the machine's
# load) of the include and use cost of the headers under INCLUDE_DIR (this
# checkout's include/ by default), for GCC and Clang:
#   hdr          #include <earlyinit/earlyinit.h> and <earlyinit/x86.h>, nothing else
#   impls, steps bench/gen.py compile's TUs at 1,000 implementations
#   steps_plain  the same header, then a plain array per step
# -E is the preprocessor alone; -c compiles with
# -std=gnu11 -O2 -Wall -Wextra -Werror. Prints one line per figure. To
# compare two versions of the headers, run it on each one's include/.
# Takes about 15 minutes on 2 cores. docs/bench.md, finding 3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
inc=$(cd "${1:-$root/include}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$root/bench/gen.py" compile "$tmp" 1000
printf '#include <earlyinit/earlyinit.h>\n#include <earlyinit/x86.h>\n' > "$tmp/hdr.c"
ir() {  # ir LABEL COMMAND...: LABEL and the instructions COMMAND executes
  local label=$1
  shift
  valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk -v l="$label" '/Collected :/ {s += $NF} END {printf "%-22s %15.0f\n", l, s}'
}
for cc in gcc clang; do
  flags="-std=gnu11 -O2 -Wall -Wextra -Werror -I$inc"
  ir "$cc hdr -E" $cc -std=gnu11 -E -I"$inc" "$tmp/hdr.c" -o /dev/null
  ir "$cc hdr -c" $cc $flags -c "$tmp/hdr.c" -o "$tmp/o.o"
  for tu in impls steps; do
    ir "$cc $tu -E" $cc -std=gnu11 -E -I"$inc" "$tmp/$tu.c" -o /dev/null
    ir "$cc $tu -c" $cc $flags -c "$tmp/$tu.c" -o "$tmp/o.o"
  done
  ir "$cc steps_plain -c" $cc $flags -c "$tmp/steps_plain.c" -o "$tmp/o.o"
done
