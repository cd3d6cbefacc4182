"""The interface's sounds: focus, select, back, page, end of day, notice, ending.

Part of tools/make_sounds.py (see its docstring); made for this project, CC0.
"""

from __future__ import annotations

import math

from .dsp import TWO_PI, cos, exp, fade, lowpass, partials, sin, svf, white
from .voices import page_swish


# ---------------------------------------------------------------------------
# UI sounds
# ---------------------------------------------------------------------------

def ui_focus(rng, sr):
    """A very soft, short tap (50 ms)."""
    dur = 0.05
    parts = [
        (520.0, 0.35, 0.010, 0.0),
        (1350.0, 0.6, 0.006, 0.0),
        (2750.0, 0.22, 0.003, 0.0),
    ]
    out = partials(sr, dur, parts, attack=0.0006)
    n = len(out)
    tick = lowpass(white(rng, n), sr, 3000.0)
    for i in range(n):
        out[i] += 0.2 * tick[i] * exp(-i / (0.0015 * sr))
    out = lowpass(out, sr, 5000.0)
    return fade(out, sr, 0.0006, 0.012), -12.0


def marimba(rng, sr, f, dur, decay=0.09, bright=1.0):
    parts = [
        (f, 1.0, decay, 0.0),
        (f * 3.93, 0.20 * bright, decay * 0.22, 0.0),   # marimba bars: ~1 : 4 : 10
        (f * 9.2, 0.03 * bright, decay * 0.07, 0.0),
        (f * 2.0, 0.05, decay * 0.5, 0.0),
    ]
    out = partials(sr, dur, parts, attack=0.0015)
    n = len(out)
    mallet = lowpass(white(rng, n), sr, 1500.0)
    for i in range(min(n, int(0.02 * sr))):
        out[i] += 0.12 * mallet[i] * exp(-i / (0.002 * sr))
    out = lowpass(out, sr, 6000.0)
    return fade(out, sr, 0.0015, 0.04)


def ui_select(rng, sr):
    """A gentle wooden confirm: marimba-like D5."""
    return marimba(rng, sr, 587.33, 0.23, decay=0.085), -6.0


def ui_back(rng, sr):
    """The same mallet a fourth lower (A4), a little darker and shorter."""
    return marimba(rng, sr, 440.0, 0.22, decay=0.07, bright=0.7), -6.0


def ui_page(rng, sr):
    """A soft page-turn swish for a new scene (380 ms)."""
    return page_swish(rng, sr, 0.38), -9.0


def chime_note(sr, f, n_total, start, amp=1.0, decay=0.6):
    parts = [
        (f, amp, decay, 0.0),
        (f + 0.9, amp * 0.25, decay * 0.9, 0.5),   # slow shimmer (beating)
        (f * 2.0, amp * 0.2, decay * 0.4, 0.3),
        (f * 3.0, amp * 0.06, decay * 0.2, 1.0),
        (f * 4.2, amp * 0.035, decay * 0.08, 2.0),
    ]
    return partials(sr, 0, parts, attack=0.003, start=start, n_total=n_total)


def ui_day_end(rng, sr):
    """A warm three-note chime falling to rest: A5, F#5, D5 (1.45 s)."""
    dur = 1.45
    n = int(dur * sr)
    out = [0.0] * n
    for start, f, a in [(0.0, 880.0, 0.75), (0.2, 739.99, 0.85), (0.4, 587.33, 1.0)]:
        note = chime_note(sr, f, n, start, a, decay=0.55)
        for i in range(n):
            out[i] += note[i]
    out = lowpass(out, sr, 5000.0)
    return fade(out, sr, 0.002, 0.35), -6.0


def ui_notice(rng, sr):
    """A single soft bell-like A4 with a slow shimmer: neutral, not an alarm (1.3 s)."""
    dur = 1.3
    n = int(dur * sr)
    parts = [
        (440.0, 0.6, 0.5, 0.0),
        (441.1, 0.4, 0.45, 0.7),
        (880.0, 0.15, 0.22, 0.2),
        (1214.4, 0.06, 0.12, 1.3),     # the bell-ish 2.76 partial, faint
        (2376.0, 0.015, 0.04, 0.4),
    ]
    out = partials(sr, dur, parts, attack=0.008, n_total=n)
    out = lowpass(out, sr, 4000.0)
    return fade(out, sr, 0.008, 0.3), -6.0


def ui_ending(rng, sr):
    """A slow, open chord swell (D: sus2 resolving to major), 4.5 s."""
    dur = 4.5
    n = int(dur * sr)
    out = [0.0] * n
    # (frequency, level, entry time, fade-in window, fade-out window)
    voices = [
        (146.83, 0.80, 0.00, None),
        (220.00, 0.65, 0.15, None),
        (293.66, 0.50, 0.30, None),
        (329.63, 0.42, 0.45, (1.9, 2.8, "out")),   # E4 (the 2) ...
        (369.99, 0.45, 0.45, (1.9, 2.8, "in")),    # ... settles onto F#4 (the 3)
        (440.00, 0.28, 0.60, None),
    ]
    harmonics = [(1, 1.0), (2, 0.28), (3, 0.10), (4, 0.04)]
    for f, level, entry, morph in voices:
        s0 = int(entry * sr)
        for det in (-0.35, 0.35):
            for h, ha in harmonics:
                w = TWO_PI * h * (f + det) / sr
                a = 0.5 * level * ha
                ph = (h * 1.7 + det) % TWO_PI
                for i in range(s0, n):
                    out[i] += a * sin(w * (i - s0) + ph) * _morph_gain(i / sr, morph)
    # the swell: a slow rise, a held middle, a long soft release
    env = []
    for i in range(n):
        t = i / sr
        rise = min(1.0, t / 2.0)
        e = 0.5 - 0.5 * cos(math.pi * rise)
        if t > dur - 1.7:
            e *= 0.5 + 0.5 * cos(math.pi * (t - (dur - 1.7)) / 1.7)
        env.append(e)
    out = [out[i] * env[i] for i in range(n)]
    # the sound also opens up as it swells
    fc = [500.0 + 2200.0 * env[i] for i in range(n)]
    out = svf(out, sr, fc, 0.7071, "lp")
    return fade(out, sr, 0.01, 0.05), -8.0


def _morph_gain(t, morph):
    if morph is None:
        return 1.0
    a, b, way = morph
    u = 0.0 if t <= a else 1.0 if t >= b else (t - a) / (b - a)
    g = 0.5 - 0.5 * cos(math.pi * u)
    return g if way == "in" else 1.0 - g
