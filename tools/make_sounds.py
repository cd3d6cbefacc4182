#!/usr/bin/env python3
"""Synthesise every sound of "Neighbour" from nothing but arithmetic.

Run from the repository root:

    python tools/make_sounds.py

It renders each sound as a 16-bit mono WAV into a temporary folder and
encodes it to Ogg Vorbis into assets/sounds/ui/ and assets/sounds/ambient/
with `oggenc` (Debian package vorbis-tools) or, failing that, `sox`
(Debian packages sox and libsox-fmt-all).  Afterwards it decodes every
.ogg again, measures duration, peak and RMS (and, for loops, how smoothly
the end joins the start) and writes those numbers into assets/sounds/README.md.

Only the Python standard library is used (math, random, wave, array, ...).
Every random choice comes from random.Random with a fixed seed, so a rebuild
gives the same audio.  The tone everywhere is soft: sine partials with
exponential decays, low-passed noise, no square waves, no hard edges.

Options:
    --only NAME [NAME ...]  build only these sounds (e.g. --only focus unit)
    --keep-wav DIR          also keep the rendered WAV files in DIR
    --no-readme             do not rewrite the levels table in README.md
    --list                  list the sounds and exit

Made for this project by synthesis; the script and its output are CC0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time

from sounds.dsp import AMB_QUALITY, UI_QUALITY
from sounds.build import (AMBIENT, SOUNDS_DIR, UI, build_ambient, build_ui, decode, encode, find_encoder,
                          levels_table, measure, place_loop_start, read_wav, update_readme, write_wav)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="+", metavar="NAME")
    ap.add_argument("--keep-wav", metavar="DIR")
    ap.add_argument("--no-readme", action="store_true")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)

    names = [("ui", k) for k in UI] + [("ambient", k) for k in AMBIENT]
    serials = {n: i for i, (_, n) in enumerate(names, start=1)}   # fixed per sound
    if args.list:
        for folder, name in names:
            print(f"{folder}/{name}.ogg")
        return 0
    if args.only:
        unknown = set(args.only) - {n for _, n in names}
        if unknown:
            ap.error("unknown sound(s): " + ", ".join(sorted(unknown)))
        names = [(f, n) for f, n in names if n in args.only]

    encoder = find_encoder()
    if encoder is None:
        print("ERROR: no Ogg Vorbis encoder found.\n"
              "Install one, e.g. on Debian/Ubuntu:\n"
              "    apt-get install -y vorbis-tools          (provides oggenc/oggdec)\n"
              "or  apt-get install -y sox libsox-fmt-all\n"
              "then run this script again.", file=sys.stderr)
        return 2
    print(f"encoder: {encoder}")

    with tempfile.TemporaryDirectory(prefix="neighbour-sounds-") as tmp:
        for folder, name in names:
            serial = serials[name]
            t0 = time.time()
            if folder == "ui":
                x, sr = build_ui(name)
                quality = UI_QUALITY
            else:
                x, sr = build_ambient(name)
                quality = AMB_QUALITY
                x, r, pct = place_loop_start(x, sr, tmp, quality, serial)
                print(f"  ({name}: loop starts at {r / sr:.2f} s of the render"
                      + (f"; decoded join roughness at percentile {pct:.0f})"
                         if pct is not None else ")"))
            wav_path = os.path.join(tmp, f"{name}.wav")
            write_wav(wav_path, x, sr, seed=serial)
            if args.keep_wav:
                os.makedirs(args.keep_wav, exist_ok=True)
                shutil.copy(wav_path, os.path.join(args.keep_wav, f"{name}.wav"))
            out_dir = os.path.join(SOUNDS_DIR, folder)
            os.makedirs(out_dir, exist_ok=True)
            ogg_path = os.path.join(out_dir, f"{name}.ogg")
            encode(encoder, wav_path, ogg_path, quality, f"Neighbour: {folder}/{name}",
                   1000 + serial)
            print(f"  {folder}/{name}.ogg  {len(x) / sr:6.3f} s  "
                  f"{os.path.getsize(ogg_path) / 1024:6.1f} KiB  ({time.time() - t0:.1f} s)")

        # Measure what the game will actually hear: the decoded .ogg files.
        rows = []
        total = 0
        for folder in ("ui", "ambient"):
            table = UI if folder == "ui" else AMBIENT
            for name in table:
                ogg_path = os.path.join(SOUNDS_DIR, folder, f"{name}.ogg")
                if not os.path.exists(ogg_path):
                    continue
                dec = os.path.join(tmp, f"dec-{name}.wav")
                if not decode(ogg_path, dec):
                    print("(no decoder found: skipping measurements)")
                    return 0
                x, sr = read_wav(dec)
                size = os.path.getsize(ogg_path)
                total += size
                rows.append((f"{folder}/{name}.ogg", measure(x, sr, folder == "ambient"), size))
    table = levels_table(rows)
    print()
    print(table)
    print(f"\ntotal: {total / 1024:.0f} KiB")
    if not args.no_readme and not args.only:
        update_readme(table, total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
