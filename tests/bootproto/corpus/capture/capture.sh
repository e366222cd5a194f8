#!/bin/sh
# capture.sh: boots capture.S under QEMU through PVH and through multiboot
# and writes what QEMU passed to qemu_pvh.dump and qemu_multiboot.dump
# (records read by ../gen_corpus.py). Run from anywhere; needs gcc, ld and
# qemu-system-x86_64. The dumps are committed, so this only needs to run
# again to re-check against another QEMU.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# QEMU prepends the kernel's path to a multiboot command line: run from the
# temporary directory with relative names so the dumps are reproducible.
cd "$tmp"
echo "initrd contents" > initrd
for kind in PVH MULTIBOOT; do
  gcc -m32 -D$kind -I"$root/include" -c "$here/capture.S" -o "$tmp/c.o"
  ld -m elf_i386 -Ttext=0x100000 -e start --no-warn-rwx-segments \
     -z noexecstack -o "$tmp/kernel" "$tmp/c.o"
  name=$(echo $kind | tr A-Z a-z)
  # Record format: see capture.S. Boot: -m 128M, default pc machine.
  rc=0
  qemu-system-x86_64 -machine pc -m 128M -display none -nodefaults \
    -kernel kernel -initrd initrd -append "console=ttyS0 earlyinit.test=1" \
    -debugcon "file:$here/qemu_$name.dump" \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 || rc=$?
  [ "$rc" = 33 ] || { echo "capture.sh: $kind: QEMU exited with $rc" >&2; exit 1; }
done
echo "capture.sh: wrote $here/qemu_pvh.dump and qemu_multiboot.dump"
