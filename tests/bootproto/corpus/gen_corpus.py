#!/usr/bin/env python3
"""Writes the bootproto fuzz seed corpus (tests/bootproto/corpus/{pvh,multiboot}).

Input format: tests/bootproto/fuzz/records.h. The qemu_* seeds are what QEMU
7.2 really passed (capture/capture.sh dumps them from a boot); the others
are built here around the cases the converters must handle. Run it again
after changing it, and commit its output:

    python3 tests/bootproto/corpus/gen_corpus.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))

HVM_MAGIC = 0x336EC578
MB_MAGIC = 0x2BADB002
COPY, ISA = 1, 2


def entry(eax, ebx, options=None, ebx_hi=None, mem_hi=None):
    data = struct.pack("<II", eax, ebx)
    if options is not None or ebx_hi is not None or mem_hi is not None:
        data += struct.pack("<I", options or 0)
    if ebx_hi is not None or mem_hi is not None:
        data += struct.pack("<I", ebx_hi or 0)
    if mem_hi is not None:
        data += struct.pack("<I", mem_hi)
    return struct.pack("<II", 0, len(data)) + data


def rec(paddr, data):
    return struct.pack("<II", paddr, len(data)) + data


def options(copy=False, isa=False, loader=0xB0, size=0):
    return (COPY if copy else 0) | (ISA if isa else 0) | loader << 8 | size << 16


def start_info(version=1, flags=0, nr_modules=0, modlist=0, cmdline=0, rsdp=0,
               memmap=0, entries=0, magic=HVM_MAGIC):
    v0 = struct.pack("<IIIIQQQ", magic, version, flags, nr_modules, modlist,
                     cmdline, rsdp)
    return v0 if version == 0 else v0 + struct.pack("<QII", memmap, entries, 0)


def memmap(entries):
    return b"".join(struct.pack("<QQII", a, s, t, 0) for a, s, t in entries)


QEMU_PC_E820 = [  # what QEMU 7.2 -machine pc -m 128M reported (see capture)
    (0x0, 0x9FC00, 1), (0x9FC00, 0x400, 2), (0xF0000, 0x10000, 2),
    (0x100000, 0x7EE0000, 1), (0x7FE0000, 0x20000, 2),
    (0xFFFC0000, 0x40000, 2), (0xFD00000000, 0x300000000, 2),
]


def split_entry(dump):
    """The dump's records, and its entry record's (eax, ebx)."""
    out, off = [], 0
    while off < len(dump):
        pa, n = struct.unpack_from("<II", dump, off)
        out.append((pa, dump[off + 8:off + 8 + n]))
        off += 8 + n
    return out


def with_options(dump, opts):
    recs = split_entry(dump)
    eax, ebx = struct.unpack("<II", recs[0][1][:8])
    return entry(eax, ebx, opts) + b"".join(rec(pa, d) for pa, d in recs[1:])


def pvh_seeds():
    seeds = {}
    dump = open(os.path.join(HERE, "capture", "qemu_pvh.dump"), "rb").read()
    seeds["qemu_pc_v1"] = dump
    seeds["qemu_pc_v1_copy_isa"] = with_options(dump, options(copy=True, isa=True))
    base = 0x8000
    cmd = b"console=ttyS0\0"
    seeds["v0_no_memmap"] = (
        entry(0, base, options(loader=0x90))
        + rec(base, start_info(version=0, nr_modules=1, modlist=base + 0x100,
                               cmdline=base + 0x200, rsdp=0xF59D0))
        + rec(base + 0x100, struct.pack("<QQQQ", 0x7FD7000, 0x10, 0, 0))
        + rec(base + 0x200, cmd))
    many = [(i * 0x10000, 0x1000, 1 + i % 7) for i in range(129)]
    seeds["v2_129_entries"] = (
        entry(0, base, options(copy=True, size=64))
        + rec(base, start_info(version=2, memmap=base + 0x100, entries=129,
                               cmdline=base + 0x80))
        + rec(base + 0x80, b"x" * 100 + b"\0")
        + rec(base + 0x100, memmap(many)))
    seeds["bad_magic"] = (entry(0, base)
                          + rec(base, start_info(magic=0x336EC579)))
    seeds["entries_ffffffff"] = (
        entry(0, base) + rec(base, start_info(memmap=base + 0x40,
                                              entries=0xFFFFFFFF))
        + rec(base + 0x40, memmap(QEMU_PC_E820)))
    seeds["overflow_and_empty"] = (
        entry(0, base, options(isa=True))
        + rec(base, start_info(memmap=base + 0x40, entries=3))
        + rec(base + 0x40, memmap([(0x100000, 0, 1), (0x0, 0x9FC00, 1),
                                   (0xFFFFFFFFFFFFF000, 0x2000, 2)])))
    # Structures above 4 GiB (records at 1 << 32 + paddr): ext_* fields.
    hi = 0x10000
    seeds["above_4g"] = (
        entry(0, hi, options(), ebx_hi=1, mem_hi=1)
        + rec(hi, start_info(nr_modules=2, modlist=(1 << 32) + hi + 0x100,
                             cmdline=(1 << 32) + hi + 0x200,
                             memmap=(1 << 32) + hi + 0x300,
                             entries=len(QEMU_PC_E820)))
        + rec(hi + 0x100, struct.pack("<QQQQ", 0x123456789000, 0x200000000, 0, 0)
              + struct.pack("<QQQQ", 0x2000, 0x10, 0x3000, 0))
        + rec(hi + 0x200, b"root=/dev/xvda\0")
        + rec(hi + 0x300, memmap(QEMU_PC_E820)))
    return seeds


def mb_info(flags, mem_lower=0, mem_upper=0, cmdline=0, mods_count=0,
            mods_addr=0, mmap_length=0, mmap_addr=0, loader_name=0):
    return struct.pack("<IIIIIII16sIIIIIII", flags, mem_lower, mem_upper,
                       0x8000FFFF, cmdline, mods_count, mods_addr, b"",
                       mmap_length, mmap_addr, 0, 0, 0, loader_name, 0) + bytes(20)


def mb_mmap(entries, size=20):
    return b"".join(struct.pack("<IQQI", size, a, s, t) + bytes(size - 20)
                    for a, s, t in entries)


def multiboot_seeds():
    seeds = {}
    dump = open(os.path.join(HERE, "capture", "qemu_multiboot.dump"), "rb").read()
    seeds["qemu_pc"] = dump
    seeds["qemu_pc_copy"] = with_options(dump, options(copy=True, size=16))
    base = 0x9000
    seeds["no_mmap_fallback"] = (
        entry(MB_MAGIC, base + 0x500)
        + rec(base + 0x500, mb_info(0x1 | 0x4, mem_lower=639, mem_upper=129920,
                                    cmdline=base + 0x600))
        + rec(base + 0x600, b"console=ttyS0\0"))
    seeds["no_memory_flags"] = (
        entry(MB_MAGIC, base + 0x500)
        + rec(base + 0x500, mb_info(0x4 | 0x200, cmdline=base + 0x600,
                                    mmap_length=48, mmap_addr=base))
        + rec(base + 0x600, b"console=ttyS0\0"))
    wide = mb_mmap(QEMU_PC_E820, size=28)
    seeds["wide_entries"] = (
        entry(MB_MAGIC, base + 0x500, options(isa=True))
        + rec(base, wide)
        + rec(base + 0x500, mb_info(0x40 | 0x8, mods_count=3,
                                    mods_addr=base + 0x600,
                                    mmap_length=len(wide), mmap_addr=base))
        + rec(base + 0x600, struct.pack("<IIII", 0x200000, 0x300000, 0, 0) * 3))
    bad = mb_mmap(QEMU_PC_E820[:2]) + struct.pack("<I", 12) + bytes(12)
    seeds["short_entry"] = (
        entry(MB_MAGIC, base + 0x500)
        + rec(base, bad)
        + rec(base + 0x500, mb_info(0x40, mmap_length=len(bad), mmap_addr=base)))
    seeds["bad_magic"] = entry(0x1BADB002, base) + rec(base, mb_info(0x1))
    return seeds


def main():
    for sub, seeds in (("pvh", pvh_seeds()), ("multiboot", multiboot_seeds())):
        d = os.path.join(HERE, sub)
        os.makedirs(d, exist_ok=True)
        for name, data in sorted(seeds.items()):
            with open(os.path.join(d, name + ".bin"), "wb") as f:
                f.write(data)
        print("gen_corpus.py: %d seeds in %s" % (len(seeds), d))


if __name__ == "__main__":
    main()
