"""Give Atkinson Hyperlegible an open zero, so Norwegian readers do not read 0 as the letter Ø.

Atkinson Hyperlegible slashes its zero to tell it from O; in Bokmål a slashed zero is the letter Ø
(the helpline 22 40 00 40 read as "22 4Ø ØØ 4Ø"). The font has no unslashed alternate, and pygame
cannot switch OpenType features, so this writes the game's copies of the three faces with the zero
(and its tabular form) drawn as the face's own O, fitted to the zero's box. Nothing else changes.

    pip install fonttools
    python tools/open_zero.py ../shared/fonts assets/fonts

The fonts are under the SIL Open Font License 1.1 (assets/fonts/OFL-AtkinsonHyperlegible.txt), which
names no Reserved Font Name and allows modified versions under the same licence.
"""

from __future__ import annotations

import os
import sys

FACES = ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf", "AtkinsonHyperlegible-Italic.ttf")


def open_zero(src: str, dst: str) -> None:
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    font = TTFont(src)
    glyphs = font.getGlyphSet()
    glyf = font["glyf"]
    o = glyf["O"]
    o.recalcBounds(glyf)
    for name in ("zero", "zero.tf"):
        if name not in glyf.keys():
            continue
        z = glyf[name]
        z.recalcBounds(glyf)
        sx = (z.xMax - z.xMin) / (o.xMax - o.xMin)
        sy = (z.yMax - z.yMin) / (o.yMax - o.yMin)
        rec = RecordingPen()
        glyphs["O"].draw(rec)
        pen = TTGlyphPen(glyphs)
        rec.replay(TransformPen(pen, (sx, 0, 0, sy, z.xMin - o.xMin * sx, z.yMin - o.yMin * sy)))
        glyf[name] = pen.glyph()
    font["head"].fontRevision = font["head"].fontRevision  # unchanged; the name table says what changed
    for record in font["name"].names:
        if record.nameID == 5:
            record.string = f"{record.toUnicode()}; open zero for Neighbour (tools/open_zero.py)"
    font.save(dst)


def main(argv: list[str]) -> int:
    src_dir, dst_dir = (argv + ["../shared/fonts", "assets/fonts"])[:2] if len(argv) < 2 else argv[:2]
    for face in FACES:
        open_zero(os.path.join(src_dir, face), os.path.join(dst_dir, face))
        print(f"wrote {os.path.join(dst_dir, face)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
