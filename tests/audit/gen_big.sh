#!/usr/bin/env bash
# Generates a large earlyinit-shaped program for benchmarking earlyinit-audit
# (issue 7 owns bench/; this only makes the inputs).
#
# usage: tests/audit/gen_big.sh ROOT OUTDIR N
#   N: total number of chain entries (e.g. 1000, 10000, 100000), spread over
#      3 subarchs (pc, xen_pv, xen_pvh), so N/3 steps, all implemented,
#      every step depending on the one before it.
# Leaves OUTDIR/big (executable) and OUTDIR/big_*.o; then time e.g.
#   earlyinit-audit check OUTDIR/big ; earlyinit-audit list OUTDIR/big
set -euo pipefail
root=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
n=$3
steps=$(( (n + 2) / 3 ))
cd "$out"
cp "$root"/tests/audit/fixtures/ei.h .
python3 - "$steps" <<'PY'
import sys
steps = int(sys.argv[1])
subs = ["pc", "xen_pv", "xen_pvh"]
per_file = 2000
with open("big_decl.c", "w") as f:
    f.write('#include "ei.h"\n#include <stdio.h>\n')
    f.write("void ei_trace(const char *s) { puts(s); }\nint main(void) { return 0; }\n")
    f.write("LINKTABLE_DEFINE(earlyinit_subarchs);\nLINKTABLE_DEFINE(earlyinit_steps);\n")
    f.write("LINKTABLE_DEFINE(earlyinit_deps);\n")
    for s in subs:
        f.write("EI_DEFINE_CHAINS(%s);\n" % s)
    f.write('EI_SUBARCH(000, 0, pc, "PC");\nEI_SUBARCH(002, 2, xen_pv, "Xen PV");\n')
    f.write('EI_SUBARCH(005, 5, xen_pvh, "Xen PVH");\n')
for start in range(0, steps, per_file):
    with open("big_%06d.c" % start, "w") as f:
        f.write('#include "ei.h"\n')
        for i in range(start, min(steps, start + per_file)):
            level, order = 10 + i // 10000, i % 10000
            dep = '("dep=s%06d")' % (i - 1) if i else ""
            f.write("EI_STEP(A, %02d, %04d, s%06d, early, required, %s);\n" % (level, order, i, dep))
            f.write("EI_STEP_DECL(s%06d);\nEI_FN(f%06d, s%06d)\n" % (i, i, i))
            for s in subs:
                f.write("EI_IMPL(early, %s, %02d, %04d, s%06d, f%06d);\n" % (s, level, order, i, i))
PY
for c in big_*.c; do echo "$c"; done | xargs -P "$(nproc)" -I{} sh -c \
  'gcc -std=gnu11 -O0 -fno-pie -I"$1/include" -c "$2" -o "${2%.c}.o"' _ "$root" {}
gcc -no-pie big_*.o -Wl,-T,"$root"/linker_scripts/linktable.ld -o big
echo "$out/big: $steps steps x 3 subarchs = $((steps * 3)) chain entries"
