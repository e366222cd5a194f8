#!/usr/bin/env bash
# Builds the earlyinit-audit test inputs from tests/audit/fixtures into OUT:
# executables (gcc and clang, PIE and not, stripped, 32-bit), objects,
# archives and damaged copies. Sources are compiled from inside OUT under
# their bare names, so the file names the metadata records are stable.
#
# usage: tests/audit/build_fixtures.sh ROOT OUT
#   ROOT: the workspace (include/, linker_scripts/, tests/audit/)
set -euo pipefail
root=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
cd "$out"
cp "$root"/tests/audit/fixtures/* .
mkdir -p logs && cp "$root"/tests/audit/logs/* logs/  # trace: boot logs

inc="-I$root/include"
frag="-Wl,-T,$root/linker_scripts/linktable.ld"
cflags="-std=gnu11 -Wall -Wextra -Werror -O1"
cxxflags="-std=c++17 -Wall -Wextra -Werror -O1"

# good: gcc, no PIE; every input kind is derived from the same sources.
for f in good_decl good_pc good_xen good_main; do gcc $cflags -fno-pie $inc -c $f.c -o $f.o; done
g++ $cxxflags -fno-pie $inc -c good_kasan.cc -o good_kasan.o
gcc -no-pie good_decl.o good_pc.o good_xen.o good_kasan.o good_main.o $frag -o good
strip --strip-all good -o good.stripped
rm -f libgood.a && ar rcs libgood.a good_pc.o good_xen.o good_kasan.o

# init/: the same objects with LINKTABLE_INIT_SECTIONS, a kernel's choice
# (tables in .init.rodata.lt.*, emitters in .init.text.*): read alike.
mkdir -p init
for f in good_decl good_pc good_xen good_main; do
  gcc $cflags -fno-pie $inc -DLINKTABLE_INIT_SECTIONS -c $f.c -o init/$f.o
done
g++ $cxxflags -fno-pie $inc -DLINKTABLE_INIT_SECTIONS -c good_kasan.cc -o init/good_kasan.o

# good.pie: gcc, PIE; good.clang: clang, PIE, linked by lld.
mkdir -p pie clang
for f in good_decl good_pc good_xen good_main; do
  gcc $cflags -fPIE $inc -c $f.c -o pie/$f.o
  clang $cflags -fPIE $inc -c $f.c -o clang/$f.o
done
g++ $cxxflags -fPIE $inc -c good_kasan.cc -o pie/good_kasan.o
clang++ $cxxflags -fPIE $inc -c good_kasan.cc -o clang/good_kasan.o
gcc -pie pie/*.o $frag -o good.pie
clang -pie -fuse-ld=lld clang/*.o $frag -o good.clang

# good32: 32-bit, freestanding (no 32-bit libc on this machine), static.
mkdir -p m32
f32="-m32 -fno-pie -ffreestanding -fno-asynchronous-unwind-tables $inc"
for f in good_decl good_pc good_xen start32; do gcc $cflags $f32 -c $f.c -o m32/$f.o; done
g++ $cxxflags $f32 -fno-exceptions -fno-rtti -c good_kasan.cc -o m32/good_kasan.o
gcc -m32 -no-pie -nostdlib -static m32/*.o $frag -o good32
strip --strip-all good32 -o good32.stripped
rm -f libgood32.a && ar rcs libgood32.a m32/good_pc.o m32/good_xen.o m32/good_kasan.o

# Violations.
for f in parity deps tables_main tables_rm_entry tables_rm_meta stub_main; do
  gcc $cflags -fno-pie $inc -c $f.c -o $f.o
done
gcc -no-pie parity.o stub_main.o $frag -o parity
gcc -no-pie deps.o stub_main.o $frag -o deps
# A record without its entry: the entry's section renamed out of the table.
objcopy --rename-section \
  .rodata.lt.earlyinit_early__pc.10_0100.t_entry_removed=.rodata.moved_away \
  tables_rm_entry.o tables_rm_entry.x.o
# An entry without its record: the object's metadata removed.
objcopy --remove-section .linktable_meta --remove-section .rela.linktable_meta \
  tables_rm_meta.o tables_rm_meta.x.o
gcc -no-pie tables_main.o tables_rm_entry.x.o tables_rm_meta.x.o stub_main.o $frag -o tables
# Duplicate entries across inputs: the same object twice.
cp good_pc.o good_pc_again.o

# Phases: a chain of a phase the notes do not list; a program built before
# the phase notes (good without them).
gcc $cflags -fno-pie $inc -c unknown_phase.c -o unknown_phase.o
gcc -no-pie unknown_phase.o stub_main.o $frag -o unknown_phase
mkdir -p old
gcc $cflags -fno-pie $inc -DEI_NO_PHASE_NOTES -c good_decl.c -o old/good_decl.o
gcc -no-pie old/good_decl.o good_pc.o good_xen.o good_kasan.o good_main.o $frag -o old_format

# Bad input.
gcc -no-pie stub_main.o -o nometa
printf 'this is not an ELF file\n' > notelf.txt
: > empty
head -c 100 good > truncated.header
head -c 3000 good > truncated.body
head -c 2000 libgood.a > truncated.a
for m in shoff shnum shentsize secoff secname meta-version meta-kind meta-magic meta-size \
         meta-unterminated table-range table-outside table-entsize fn-swap; do
  python3 "$root"/tests/audit/corrupt.py $m good bad.$m
done
python3 "$root"/tests/audit/corrupt.py meta-unterminated good_pc.o bad.object.o
head -c 700 good32 > truncated32
echo "fixtures built in $out"
