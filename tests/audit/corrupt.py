#!/usr/bin/env python3
"""Writes a damaged copy of a 64-bit ELF file for the bad-input tests.

usage: corrupt.py MODE IN OUT
Each MODE breaks one thing a reader must check; see MODES below.
"""
import struct
import sys


def sections(b):
    shoff, = struct.unpack_from("<Q", b, 0x28)
    shnum, shstrndx = struct.unpack_from("<HH", b, 0x3C)
    out = []
    for i in range(shnum):
        off = shoff + i * 64
        name, typ, flags, addr, offset, size = struct.unpack_from("<IIQQQQ", b, off)
        out.append(dict(hdr=off, name=name, flags=flags, addr=addr, offset=offset, size=size))
    strtab = out[shstrndx]
    for s in out:
        raw = b[strtab["offset"] + s["name"]:]
        s["str"] = raw[:raw.index(0)].decode()
    return out


def meta(b):
    for s in sections(b):
        if s["str"] == ".linktable_meta":
            return s
    raise SystemExit("no .linktable_meta")


def records(b):
    m = meta(b)
    off, end = m["offset"], m["offset"] + m["size"]
    out = []
    while off + 40 <= end:
        magic, ver, kind, size = struct.unpack_from("<IHHI", b, off)
        if magic != 0x444D544C:
            off += 8
            continue
        table = b[off + 40:b.index(0, off + 40)].decode()
        addr, = struct.unpack_from("<Q", b, off + 16)
        out.append(dict(off=off, kind=kind, size=size, table=table, addr=addr))
        off += size
    return out


def file_offset(b, addr):
    """The file offset of a link-time address in an allocated section."""
    for s in sections(b):
        if s["flags"] & 2 and s["addr"] <= addr < s["addr"] + s["size"]:
            return s["offset"] + addr - s["addr"]
    raise SystemExit("no section holds 0x%x" % addr)


def swap_targets(b, table):
    """Swaps where field 0 (a 32-bit PC-relative reference) of the first two
    entries of `table` points."""
    a, c = [r["addr"] for r in records(b) if r["kind"] == 2 and r["table"] == table][:2]
    fa, fc = file_offset(b, a), file_offset(b, c)
    ta = a + struct.unpack_from("<i", b, fa)[0]
    tc = c + struct.unpack_from("<i", b, fc)[0]
    struct.pack_into("<i", b, fa, tc - a)
    struct.pack_into("<i", b, fc, ta - c)


def first(b, kind):
    return next(r for r in records(b) if r["kind"] == kind)


def main():
    mode, src, dst = sys.argv[1:4]
    b = bytearray(open(src, "rb").read())
    if mode.startswith("truncate="):
        b = b[: int(mode.split("=")[1])]
    elif mode == "shoff":  # section header table beyond the end of the file
        struct.pack_into("<Q", b, 0x28, 0xFFFFFFF0)
    elif mode == "shnum":  # far more section headers than the file holds
        struct.pack_into("<H", b, 0x3C, 0xFFF0)
    elif mode == "shentsize":
        struct.pack_into("<H", b, 0x3A, 12)
    elif mode == "secoff":  # a section's contents beyond the end of the file
        struct.pack_into("<Q", b, meta(b)["hdr"] + 0x18, 0x7FFFFFFF0000)
    elif mode == "secname":  # a section name outside the name table
        struct.pack_into("<I", b, meta(b)["hdr"], 0x7FFFFFF0)
    elif mode == "meta-version":
        struct.pack_into("<H", b, first(b, 2)["off"] + 4, 9)
    elif mode == "meta-kind":
        struct.pack_into("<H", b, first(b, 2)["off"] + 6, 7)
    elif mode == "meta-magic":
        struct.pack_into("<I", b, records(b)[1]["off"], 0x12345678)
    elif mode == "meta-size":  # a record larger than the section
        struct.pack_into("<I", b, first(b, 2)["off"] + 8, 0x7FFFFFF8)
    elif mode == "meta-unterminated":  # strings run to the end of the record
        r = first(b, 2)
        for i in range(r["off"] + 40, r["off"] + r["size"]):
            b[i] = ord("A")
    elif mode == "table-range":  # end marker far beyond the table
        r = first(b, 1)
        addr, = struct.unpack_from("<Q", b, r["off"] + 16)
        struct.pack_into("<Q", b, r["off"] + 24, addr + 0x100000000)
    elif mode == "table-outside":  # markers at addresses the file does not map
        r = first(b, 1)
        struct.pack_into("<QQ", b, r["off"] + 16, 0x7F0000000000, 0x7F0000000008)
    elif mode == "fn-swap":  # two implementations call each other's function
        swap_targets(b, "earlyinit_early__pc")
    elif mode == "table-entsize":
        struct.pack_into("<I", b, first(b, 1)["off"] + 32, 0)
    else:
        raise SystemExit("unknown mode " + mode)
    open(dst, "wb").write(bytes(b))


if __name__ == "__main__":
    main()
