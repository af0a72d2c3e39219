#!/usr/bin/env python3
"""Draws the two Teams app icons with the Python standard library only.

color.png   192x192: a white-rimmed red shield with a white padlock on a navy background.
outline.png  32x32: the same shield and padlock in white on a transparent background.

Run from anywhere: python3 manifest/tools/make-icons.py
"""
import os
import struct
import zlib

NAVY = (0x1B, 0x2A, 0x4A)
RED = (0xC8, 0x1E, 0x1E)
WHITE = (0xFF, 0xFF, 0xFF)


def shield(scale):
    """Shield outline as a polygon in unit coordinates, scaled about the centre."""
    pts = [(0.50, 0.10), (0.82, 0.20), (0.82, 0.50)]
    # lower right curve down to the point, then mirrored
    for i in range(1, 13):
        t = i / 12
        # quadratic bezier (0.82,0.50) -> (0.80,0.76) -> (0.50,0.92)
        x = (1 - t) ** 2 * 0.82 + 2 * (1 - t) * t * 0.80 + t * t * 0.50
        y = (1 - t) ** 2 * 0.50 + 2 * (1 - t) * t * 0.76 + t * t * 0.92
        pts.append((x, y))
    pts += [(1 - x, y) for (x, y) in reversed(pts[1:-1])]
    cx, cy = 0.5, 0.5
    return [(cx + (x - cx) * scale, cy + (y - cy) * scale) for (x, y) in pts]


def in_polygon(px, py, poly):
    inside = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > py) != (yj > py) and px < (xj - xi) * (py - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def in_lock(x, y):
    """Padlock: rounded body, a U-shaped shackle above it, keyhole cut out."""
    body = 0.36 <= x <= 0.64 and 0.47 <= y <= 0.70
    cx, top = 0.50, 0.47
    r = ((x - cx) ** 2 + (y - top) ** 2) ** 0.5
    shackle = (y <= top and 0.07 <= r <= 0.115) or (
        top <= y <= top + 0.02 and 0.07 <= abs(x - cx) <= 0.115)
    keyhole = ((x - cx) ** 2 + (y - 0.56) ** 2) ** 0.5 <= 0.032 or (
        abs(x - cx) <= 0.016 and 0.56 <= y <= 0.64)
    return (body and not keyhole) or shackle


def color_pixel(x, y, outer, inner):
    if in_polygon(x, y, inner):
        return WHITE + (255,) if in_lock(x, y) else RED + (255,)
    if in_polygon(x, y, outer):
        return WHITE + (255,)
    return NAVY + (255,)


def outline_pixel(x, y, outer, inner):
    if in_polygon(x, y, outer) and not in_polygon(x, y, inner):
        return WHITE + (255,)
    if in_lock(x, y):
        return WHITE + (255,)
    return (0, 0, 0, 0)


def render(size, pixel, outer, inner, ss=4):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type 0
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    x = (px + (sx + 0.5) / ss) / size
                    y = (py + (sy + 0.5) / ss) / size
                    r, g, b, a = pixel(x, y, outer, inner)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            a = acc[3]
            if a == 0:
                row += bytes(4)
            else:
                row += bytes([round(acc[0] / a), round(acc[1] / a), round(acc[2] / a), round(a / (ss * ss))])
        rows.append(bytes(row))
    return b"".join(rows)


def write_png(path, size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    write_png(os.path.join(out, "color.png"), 192,
              render(192, color_pixel, shield(1.0), shield(0.88)))
    # thicker rim at 32 px so the outline stays visible
    write_png(os.path.join(out, "outline.png"), 32,
              render(32, outline_pixel, shield(1.06), shield(0.84), ss=8))


if __name__ == "__main__":
    main()
