"""The catalogue of sounds, and writing, encoding, decoding and measuring them.

Part of tools/make_sounds.py (see its docstring); made for this project, CC0.
"""

from __future__ import annotations

import array
import math
import os
import random
import shutil
import subprocess
import sys
import wave

from .dsp import AMB_SR, TWO_PI, UI_SR, at_loudness, db, loudness, lowpass, norm_peak, peak, rms, to_db
from .ui_sounds import ui_back, ui_day_end, ui_ending, ui_focus, ui_notice, ui_page, ui_select
from .ambient import (_circular, amb_outdoor, amb_quiet, amb_remand, amb_studio, amb_town, amb_unit,
                      amb_workshop)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOUNDS_DIR = os.path.join(ROOT, "assets", "sounds")
README = os.path.join(SOUNDS_DIR, "README.md")


# ---------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------

# UI sounds: name -> (builder, seed); each builder returns (samples, peak dBFS)
UI = {
    "focus": (ui_focus, 101),
    "select": (ui_select, 102),
    "back": (ui_back, 103),
    "page": (ui_page, 104),
    "day_end": (ui_day_end, 105),
    "notice": (ui_notice, 106),
    "ending": (ui_ending, 107),
}

# Loops are levelled by loudness (K-weighted, see loudness()) rather than by bare
# RMS, so that a rumbly room and a bright wind sound about equally quiet; the
# targets are chosen so that the RMS of every loop lands near -20 dBFS.
AMBIENT = {
    #          builder,     seconds, seed, loudness (LUFS)
    "unit": (amb_unit, 26.0, 201, -22.5),
    "remand": (amb_remand, 28.0, 202, -22.5),
    "outdoor": (amb_outdoor, 26.0, 203, -22.5),
    "workshop": (amb_workshop, 28.0, 204, -22.5),
    "studio": (amb_studio, 24.0, 205, -23.0),
    "quiet": (amb_quiet, 24.0, 206, -24.0),    # the softest of all, as its name says
    "town": (amb_town, 28.0, 207, -22.5),
}

LOOP_PEAK_CEILING = -4.0   # soft-limit anything above this in a loop


def build_ui(name):
    builder, seed = UI[name]
    rng = random.Random(seed)
    x, target_peak = builder(rng, UI_SR)
    return norm_peak(x, target_peak), UI_SR


def build_ambient(name):
    builder, secs, seed, target = AMBIENT[name]
    rng = random.Random(seed)
    n = int(round(secs * AMB_SR))
    x = builder(rng, AMB_SR, n)
    assert len(x) == n, (name, len(x), n)
    mean = sum(x) / n
    x = [v - mean for v in x]        # a constant shift keeps the loop seamless
    x = at_loudness(x, AMB_SR, target)
    ceiling = db(LOOP_PEAK_CEILING)
    if peak(x) > ceiling:            # gentle tanh knee (sample-wise: loop stays seamless)
        x = [v if abs(v) <= 0.5 * ceiling else
             math.copysign(0.5 * ceiling + 0.5 * ceiling * math.tanh((abs(v) - 0.5 * ceiling)
                                                                      / (0.5 * ceiling)), v)
             for v in x]
    return x, AMB_SR


# ---------------------------------------------------------------------------
# Files, encoding, measuring
# ---------------------------------------------------------------------------

def write_wav(path, x, sr, seed=0):
    """16-bit mono WAV with a little TPDF dither (seeded, so reproducible)."""
    rng = random.Random(seed)
    r = rng.random
    data = array.array("h")
    for v in x:
        s = v * 32767.0 + (r() - r())
        s = int(round(s))
        data.append(32767 if s > 32767 else -32768 if s < -32768 else s)
    if sys.byteorder != "little":
        data.byteswap()
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes(data.tobytes())


def read_wav(path):
    with wave.open(path, "rb") as w:
        ch, width, sr, frames = w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
        raw = w.readframes(frames)
    if width != 2:
        raise ValueError(f"{path}: expected 16-bit PCM")
    data = array.array("h")
    data.frombytes(raw)
    if sys.byteorder != "little":
        data.byteswap()
    mono = [data[i] / 32768.0 for i in range(0, len(data), ch)]
    return mono, sr


def join_roughness(x):
    """How rough the loop point is, compared with the rest of the loop.

    Returns (second difference across the join, the percentile of that value
    among the second differences of every other sample).  A seamless loop
    sits well inside the normal range (say below the 99th percentile).
    """
    n = len(x)
    w = x[-3:] + x[:3]
    j = max(abs(w[k + 1] - 2.0 * w[k] + w[k - 1]) for k in range(1, 5))
    below = sum(1 for i in range(1, n - 1) if abs(x[i + 1] - 2.0 * x[i] + x[i - 1]) < j)
    return j, 100.0 * below / max(1, n - 2)


def rotation_candidates(x, sr, count=8):
    """Good places to start a loop: quiet (no event), low-frequency part near zero.

    The loop is periodic, so it may start anywhere.  Vorbis codes the hard
    edges at the very start and end of a file a little less exactly; the
    error is proportional to what the signal is doing there, so the join
    stays seamless after encoding when the loop starts where the slow part of
    the signal is near zero and nothing in particular is happening.
    """
    n = len(x)
    lp = _circular(x, sr, lambda v: lowpass(v, sr, 400.0))
    win = int(0.2 * sr)
    sq = [v * v for v in x]
    acc = [0.0]
    for v in sq + sq[:win]:
        acc.append(acc[-1] + v)
    local = [acc[i + win] - acc[i] for i in range(n)]       # energy of the next 0.2 s
    calm = sorted(local)[n // 2]
    slope_scale = sr / (TWO_PI * 200.0)
    score = [abs(lp[i]) + 0.5 * abs(lp[i] - lp[i - 1]) * slope_scale
             if local[i] <= calm and local[i - win] <= calm else 1e9 for i in range(n)]
    picked = []
    for i in sorted(range(n), key=score.__getitem__):
        if score[i] >= 1e9:
            break
        if all(min(abs(i - c), n - abs(i - c)) > sr // 2 for c in picked):
            picked.append(i)
            if len(picked) >= count:
                break
    return picked or [0]


def place_loop_start(x, sr, tmp, quality, seed):
    """Rotate a loop to a start point whose join survives Vorbis encoding.

    Tries the best-scoring candidates with a real encode + decode (when
    oggenc and oggdec are there) and keeps the first whose decoded join is
    ordinary (below the 95th percentile of roughness), else the smoothest.
    """
    cands = rotation_candidates(x, sr)
    if not (shutil.which("oggenc") and shutil.which("oggdec")):
        r = cands[0]
        return x[r:] + x[:r], r, None
    best = None
    wav_path = os.path.join(tmp, "rot.wav")
    ogg_path = os.path.join(tmp, "rot.ogg")
    dec_path = os.path.join(tmp, "rot-dec.wav")
    for r in cands:
        z = x[r:] + x[:r]
        write_wav(wav_path, z, sr, seed)
        encode("oggenc", wav_path, ogg_path, quality, "test", 1)
        decode(ogg_path, dec_path)
        y, _ = read_wav(dec_path)
        _, pct = join_roughness(y)
        if best is None or pct < best[1]:
            best = (r, pct)
        if pct < 95.0:
            break
    r = best[0]
    return x[r:] + x[:r], r, best[1]


def find_encoder():
    if shutil.which("oggenc"):
        return "oggenc"
    if shutil.which("sox"):
        return "sox"
    return None


def encode(encoder, wav_path, ogg_path, quality, title, serial):
    if encoder == "oggenc":
        cmd = ["oggenc", "-Q", "-q", str(quality), "--serial", str(serial),
               "-t", title, "-a", "Neighbour (project sound)",
               "-c", "LICENSE=CC0-1.0",
               "-c", "COMMENT=made for this project by synthesis (tools/make_sounds.py)",
               "-o", ogg_path, wav_path]
    else:
        cmd = ["sox", wav_path, "-C", str(quality), ogg_path]
    subprocess.run(cmd, check=True)


def decode(ogg_path, wav_path):
    """Decode with oggdec or sox; returns False if neither is installed."""
    if shutil.which("oggdec"):
        subprocess.run(["oggdec", "-Q", "-b", "16", "-o", wav_path, ogg_path], check=True)
        return True
    if shutil.which("sox"):
        subprocess.run(["sox", ogg_path, "-b", "16", wav_path], check=True)
        return True
    return False


def measure(x, sr, loop):
    info = {
        "seconds": len(x) / sr,
        "rate": sr,
        "peak_db": to_db(peak(x)),
        "rms_db": to_db(rms(x)),
        "lufs": loudness(x, sr),
    }
    if loop:
        info["join_d2"], info["join_pct"] = join_roughness(x)
        half = sr // 2
        info["rms_head_db"] = to_db(rms(x[:half]))
        info["rms_tail_db"] = to_db(rms(x[-half:]))
    else:
        info["start_abs"] = abs(x[0])
        info["end_abs"] = abs(x[-1])
    return info


def levels_table(rows):
    lines = [
        "| file | length | rate | peak | RMS | loudness | size | notes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for rel, info, size in rows:
        if "join_d2" in info:
            note = (f"loop join roughness {info['join_d2'] * 32768:.0f} LSB, percentile "
                    f"{info['join_pct']:.0f} of the file's own; first/last 0.5 s "
                    f"{info['rms_head_db']:.1f}/{info['rms_tail_db']:.1f} dBFS RMS")
        else:
            note = (f"first/last sample {info['start_abs'] * 32768:.0f}/"
                    f"{info['end_abs'] * 32768:.0f} LSB")
        rate = info['rate'] // 1000 if info['rate'] % 1000 == 0 else info['rate'] / 1000
        lines.append(
            f"| `{rel}` | {info['seconds']:.3f} s | {rate:g} kHz | {info['peak_db']:.1f} dBFS | "
            f"{info['rms_db']:.1f} dBFS | {info['lufs']:.1f} LUFS | {size / 1024:.1f} KiB | {note} |")
    return "\n".join(lines)


def update_readme(table, total_bytes):
    start, end = "<!-- levels:start -->", "<!-- levels:end -->"
    if not os.path.exists(README):
        print(f"(no {README}; levels table not written)")
        return
    with open(README, encoding="utf-8") as f:
        text = f.read()
    if start not in text or end not in text:
        print("(README has no levels markers; table not written)")
        return
    block = (f"{start}\n{table}\n\nTotal size of the .ogg files: "
             f"{total_bytes / 1024:.0f} KiB.\n{end}")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    with open(README, "w", encoding="utf-8") as f:
        f.write(head + block + tail)
    print(f"levels table written to {os.path.relpath(README)}")
