#!/usr/bin/env python3
"""Checks an SVG of `earlyinit-audit trace --format svg`: renders it with
rsvg-convert and asserts that every bar is where the SVG says, in its
colour (centre pixel in the fill colour, the pixels just outside its left
and right edges not), that bars of a boot lie end to end, and that their
widths are proportional to the cycles in their <title>s on one scale.

usage: svg_check.py FILE.svg OUT.png; prints "ok N bars" or the failures.
"""
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib

NS = "{http://www.w3.org/2000/svg}"
PLOT = 960 - 2 * 16  # the renderer's plot width (trace_svg.cc)
MIN_BAR = 2


def read_png(path):
    """(width, height, rows of RGBA bytes) of an 8-bit RGBA or RGB PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            bpp = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    stride, rows, prev = width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        if bpp == 3:
            line = bytearray(b"".join(bytes(line[i:i + 3]) + b"\xff" for i in range(0, stride, 3)))
        rows.append(line)
    return width, height, rows


def pixel(rows, x, y):
    return tuple(rows[y][4 * x:4 * x + 3])


def colour(hexrgb):
    return tuple(int(hexrgb[i:i + 2], 16) for i in (1, 3, 5))


def render(svg, png):
    """rsvg-convert with a fontconfig cache of its own beside the PNG: a fresh
    or read-only $HOME, or Bazel's sandbox, has no writable cache, and
    fontconfig then warns on stderr at every start. Its stderr is shown only
    when it fails, so the first line of ours stays the verdict."""
    cache = os.path.join(os.path.dirname(os.path.abspath(png)), "xdg-cache")
    os.makedirs(cache, exist_ok=True)
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    r = subprocess.run(["rsvg-convert", svg, "-o", png], env=env,
                       stderr=subprocess.PIPE, text=True, check=False)
    if r.returncode != 0:
        sys.exit("rsvg-convert failed with status %d:\n%s" % (r.returncode, r.stderr))


def main():
    svg, png = sys.argv[1], sys.argv[2]
    render(svg, png)
    _, _, rows = read_png(png)
    root = ET.parse(svg).getroot()
    boots = [[(int(r.get("x")), int(r.get("y")), int(r.get("width")), int(r.get("height")),
               r.get("fill"), r.find(NS + "title").text) for r in g.iter(NS + "rect")]
             for g in root.iter(NS + "g") if g.get("class") == "boot"]
    cycles = lambda title: int(re.search(r", (\d+) cycles", title).group(1)) \
        if re.search(r", (\d+) cycles", title) else 0
    longest = max([sum(cycles(b[5]) for b in boot) for boot in boots] + [1])
    scale, bad, n = PLOT / longest, [], 0
    for boot in boots:
        end = None
        for x, y, w, h, fill, title in boot:
            n += 1
            cy, want = y + h // 2, colour(fill)
            if pixel(rows, x + w // 2, cy) != want:
                bad.append("%s: centre (%d,%d) is %s, not %s" % (title, x + w // 2, cy,
                                                                 pixel(rows, x + w // 2, cy), fill))
            for ox in (x - 1, x + w):
                if pixel(rows, ox, cy) == want:
                    bad.append("%s: pixel (%d,%d) outside the bar has its colour" % (title, ox, cy))
            if abs(max(MIN_BAR, cycles(title) * scale) - w) > 1.5:
                bad.append("%s: width %d, expected %.1f" % (title, w, cycles(title) * scale))
            if end is not None and abs(x - end) > 1:
                bad.append("%s: starts at %d, the previous bar ends at %d" % (title, x, end))
            end = x + cycles(title) * scale
    if not n:
        bad.append("no bars")
    print("\n".join(bad) if bad else "ok %d bars" % n)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
