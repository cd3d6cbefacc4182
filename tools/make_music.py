#!/usr/bin/env python3
"""Compose and synthesise the quiet music of "Neighbour": assets/sounds/music/*.ogg.

Run from the repository root (needs `oggenc`, Debian package vorbis-tools, or `sox`):

    python tools/make_music.py            # every piece, then the levels into assets/sounds/README.md
    python tools/make_music.py --list

Each piece is a seamless loop built from nothing but arithmetic (Python's standard library and the
helpers in tools/sounds/dsp.py): a slow chord pad of detuned sines that breathe in and out, a soft
low bass, and a sparse "felt piano" line (decaying sine partials) whose notes a seeded random walk
picks from the chord, in a small reverb. Every tail (pad releases, piano decays, the reverb) is
written with wrap-around, so the end flows into the start. A fixed seed makes a rebuild identical.

Made for this project; the script and its output are CC0 1.0 (public domain dedication).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sounds.build import SOUNDS_DIR, decode, encode, find_encoder, measure, read_wav, write_wav  # noqa: E402
from sounds.dsp import TWO_PI, add_at, at_loudness, lowpass, partials, peak, reverb  # noqa: E402

SR = 22050
QUALITY = 3

NOTE = {"C": 0, "C#": 1, "D": 2, "D#": 3, "E": 4, "F": 5, "F#": 6, "G": 7, "G#": 8, "A": 9, "A#": 10, "B": 11}


def hz(name: str) -> float:
    """'F#4' -> its frequency (A4 = 440 Hz, equal temperament)."""
    pitch, octave = name[:-1], int(name[-1])
    return 440.0 * 2 ** ((NOTE[pitch] + 12 * (octave + 1) - 69) / 12)


# name -> (chords of (pad notes, bass note, melody notes), seconds per chord, seed, loudness LUFS, what it is)
PIECES = {
    "theme": (
        [(["D3", "A3", "E4", "F#4"], "D2", ["F#4", "A4", "D5", "E5"]),
         (["B2", "F#3", "A3", "D4"], "B1", ["D5", "F#4", "A4", "B4"]),
         (["G2", "D3", "F#3", "B3"], "G1", ["B4", "D5", "F#5", "A4"]),
         (["A2", "E3", "B3", "C#4"], "A1", ["C#5", "E5", "A4", "B4"])] * 2,
        8.0, 301, -27.0,
        "the music under the whole game: D major, Dadd9 - Bm7 - Gmaj7 - Asus2, 4 bars of 8 s, twice; "
        "the second time the piano line is a little busier"),
}


def pad_chord(buf: list[float], notes: list[str], start: float, length: float, rng: random.Random) -> None:
    """A chord that swells in over 2.5 s and breathes out over 3 s past its bar (wrapping round)."""
    n = int((length + 3.0) * SR)
    att, rel = int(2.5 * SR), int(3.0 * SR)
    body = n - rel
    env = [0.0] * n
    for i in range(n):
        if i < att:
            env[i] = 0.5 - 0.5 * math.cos(math.pi * i / att)
        elif i < body:
            env[i] = 1.0
        else:
            env[i] = 0.5 + 0.5 * math.cos(math.pi * (i - body) / rel)
    voice = [0.0] * n
    for k, name in enumerate(notes):
        f = hz(name)
        level = 1.0 / (1 + 0.35 * k)
        for det in (-0.6, 0.6):           # a slow beating pair: warmth without a chorus effect
            for h, ha in ((1, 1.0), (2, 0.18), (3, 0.05)):
                w = TWO_PI * h * (f + det) / SR
                ph = rng.random() * TWO_PI
                a = 0.5 * level * ha
                for i in range(n):
                    voice[i] += a * math.sin(w * i + ph)
    add_at(buf, [v * e for v, e in zip(voice, env)], int(start * SR))


def bass(buf: list[float], note: str, start: float, length: float) -> None:
    f = hz(note)
    n = int((length + 2.0) * SR)
    att = int(1.5 * SR)
    out = [0.0] * n
    w = TWO_PI * f / SR
    for i in range(n):
        e = (0.5 - 0.5 * math.cos(math.pi * i / att)) if i < att else math.exp(-(i - att) / (4.0 * SR))
        out[i] = e * (math.sin(w * i) + 0.25 * math.sin(2 * w * i))
    add_at(buf, out, int(start * SR))


def piano(f: float, velocity: float) -> list[float]:
    """A soft felt-piano note: a few partials, the higher ones dying sooner, an 8 ms attack."""
    parts = [(f, 1.0, 1.6), (2.001 * f, 0.32, 0.8), (3.004 * f, 0.10, 0.45), (4.01 * f, 0.04, 0.25),
             (f * 0.999, 0.25, 2.4)]
    return [velocity * v for v in partials(SR, 5.0, parts, attack=0.008)]


def melody(buf: list[float], chords, bar: float, rng: random.Random) -> None:
    """Sparse notes from each bar's chord: on most beats, rests between, never a jump of more than two
    chord steps; the second half of the loop a little busier than the first."""
    beat = bar / 4
    last = 1
    for b, (_, _, tones) in enumerate(chords):
        busy = 0.45 if b < len(chords) // 2 else 0.62
        for k in range(4):
            if rng.random() > busy and not (k == 0 and b % 2 == 0):
                continue
            last = max(0, min(len(tones) - 1, last + rng.choice((-1, 0, 1, 1, -2, 2))))
            t = b * bar + k * beat + rng.uniform(0.0, 0.08)     # a human, unhurried touch
            add_at(buf, piano(hz(tones[last]), rng.uniform(0.55, 0.85)), int(t * SR))
            if rng.random() < 0.18:                            # now and then a soft answer a beat later
                t2 = t + beat * 0.5
                other = tones[(last + 2) % len(tones)]
                add_at(buf, piano(hz(other), rng.uniform(0.35, 0.5)), int(t2 * SR))


def circular(x: list[float], fn, settle: float) -> list[float]:
    k = min(len(x), int(settle * SR))
    return fn(x[-k:] + x)[k:]


def compose(name: str) -> list[float]:
    chords, bar, seed, target, _ = PIECES[name]
    rng = random.Random(seed)
    n = int(len(chords) * bar * SR)
    pad = [0.0] * n
    low = [0.0] * n
    keys = [0.0] * n
    for b, (notes, root, _) in enumerate(chords):
        pad_chord(pad, notes, b * bar, bar, rng)
        bass(low, root, b * bar, bar)
    melody(keys, chords, bar, rng)
    pad = circular(pad, lambda x: lowpass(x, SR, 1500.0), 1.0)
    keys = circular(keys, lambda x: lowpass(x, SR, 2600.0), 0.5)
    wet = reverb(keys, SR, rt60=2.4, damp_hz=2500.0, wet=0.38, tail=3.0, size=1.3)
    keys = wet[:n]
    for i, v in enumerate(wet[n:]):                            # the tail rings on into the start
        keys[i % n] += v
    mixed = [0.55 * p + 0.35 * b_ + 1.0 * k for p, b_, k in zip(at_loudness(pad, SR, target - 6),
                                                              at_loudness(low, SR, target - 10),
                                                              at_loudness(keys, SR, target - 2))]
    out = at_loudness(mixed, SR, target)
    top = peak(out)
    return [v * (0.5 / top) for v in out] if top > 0.5 else out   # peaks stay under -6 dBFS


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--only", nargs="+", metavar="NAME")
    args = ap.parse_args(argv)
    if args.list:
        for name, piece in PIECES.items():
            print(f"music/{name}.ogg  {len(piece[0]) * piece[1]:.0f} s  {piece[4]}")
        return 0
    encoder = find_encoder()
    if encoder is None:
        print("make_music: needs oggenc (apt-get install vorbis-tools) or sox", file=sys.stderr)
        return 2
    folder = os.path.join(SOUNDS_DIR, "music")
    os.makedirs(folder, exist_ok=True)
    for serial, name in enumerate(args.only or PIECES, start=301):
        x = compose(name)
        with tempfile.TemporaryDirectory() as tmp:
            wav = os.path.join(tmp, f"{name}.wav")
            write_wav(wav, x, SR, seed=serial)
            ogg = os.path.join(folder, f"{name}.ogg")
            encode(encoder, wav, ogg, QUALITY, f"Neighbour: {name} (music)", serial)
            back = os.path.join(tmp, "back.wav")
            if decode(ogg, back):
                info = measure(read_wav(back)[0], SR, True)
                print(f"music/{name}.ogg: {info}")
            else:
                print(f"music/{name}.ogg written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
