#!/usr/bin/env python3
"""Copies an ELF file with its .debug_info damaged: after the first unit's
header (12 bytes), every byte is flipped, so the DIEs' abbreviation codes
and references point nowhere. usage: damage.py IN OUT"""
import struct
import sys

data = bytearray(open(sys.argv[1], "rb").read())
shoff, = struct.unpack_from("<Q", data, 0x28)
shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
def section(i):
    name, _, _, _, off, size = struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize)
    return name, off, size
_, stroff, _ = section(shstrndx)
for i in range(shnum):
    name, off, size = section(i)
    end = data.index(b"\0", stroff + name)
    if data[stroff + name:end] == b".debug_info":
        for j in range(off + 12, off + size):
            data[j] ^= 0xFF
        break
else:
    sys.exit("damage.py: no .debug_info")
open(sys.argv[2], "wb").write(data)
