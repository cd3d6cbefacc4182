#!/usr/bin/env python3
"""Synthesise every sound of "Neighbour" from nothing but arithmetic.

Run from the repository root:

    python assets/sounds/src/make_sounds.py

It renders each sound as a 16-bit mono WAV into a temporary folder and
encodes it to Ogg Vorbis into assets/sounds/ui/ and assets/sounds/ambient/
with `oggenc` (Debian package vorbis-tools) or, failing that, `sox`
(Debian packages sox and libsox-fmt-all).  Afterwards it decodes every
.ogg again, measures duration, peak and RMS (and, for loops, how smoothly
the end joins the start) and writes those numbers into ../README.md.

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
import array
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import wave

HERE = os.path.dirname(os.path.abspath(__file__))
SOUNDS_DIR = os.path.dirname(HERE)
README = os.path.join(SOUNDS_DIR, "README.md")

UI_SR = 44100       # UI sounds: short, so full rate costs almost nothing
AMB_SR = 22050      # ambient loops: dull and quiet, half rate keeps them small
UI_QUALITY = 4      # Vorbis quality (-1..10); ~3-4 is transparent for these
AMB_QUALITY = 3

TWO_PI = 2.0 * math.pi
sin = math.sin
cos = math.cos
exp = math.exp


# ---------------------------------------------------------------------------
# Small DSP toolkit (lists of floats, -1..1)
# ---------------------------------------------------------------------------

def db(value: float) -> float:
    """Decibels to a linear gain."""
    return 10.0 ** (value / 20.0)


def to_db(value: float) -> float:
    return 20.0 * math.log10(value) if value > 1e-12 else -240.0


def rms(x) -> float:
    return math.sqrt(sum(v * v for v in x) / max(1, len(x)))


def peak(x) -> float:
    return max(abs(min(x)), abs(max(x))) if x else 0.0


def scaled(x, gain: float):
    return [v * gain for v in x]


def norm_rms(x, target_db: float):
    r = rms(x)
    return scaled(x, db(target_db) / r) if r > 0 else x


def norm_peak(x, target_db: float):
    p = peak(x)
    return scaled(x, db(target_db) / p) if p > 0 else x


def mix(*layers):
    """Sum equally long layers."""
    out = list(layers[0])
    for layer in layers[1:]:
        for i, v in enumerate(layer):
            out[i] += v
    return out


def white(rng: random.Random, n: int):
    r = rng.random
    return [2.0 * r() - 1.0 for _ in range(n)]


def pink(rng: random.Random, n: int):
    """Pink-ish noise (Paul Kellet's economy filter on white noise)."""
    r = rng.random
    b0 = b1 = b2 = 0.0
    out = [0.0] * n
    for i in range(n):
        w = 2.0 * r() - 1.0
        b0 = 0.99765 * b0 + w * 0.0990460
        b1 = 0.96300 * b1 + w * 0.2965164
        b2 = 0.57000 * b2 + w * 1.0526913
        out[i] = (b0 + b1 + b2 + w * 0.1848) * 0.2
    return out


def brown(rng: random.Random, n: int):
    """Brown (red) noise: leaky integral of white noise."""
    r = rng.random
    y = 0.0
    out = [0.0] * n
    for i in range(n):
        y = 0.998 * y + 0.06 * (2.0 * r() - 1.0)
        out[i] = y
    return out


_SVF_MODES = {
    # output = c0 * input + c1 * band + c2 * low   (k = 1/Q)
    "lp": lambda k: (0.0, 0.0, 1.0),
    "bp": lambda k: (0.0, k, 0.0),      # band-pass, 0 dB at the centre
    "hp": lambda k: (1.0, -k, -1.0),
}


def svf(x, sr: int, fc, q: float = 0.7071, mode: str = "lp", step: int = 16):
    """Zero-delay-feedback state-variable filter (A. Simper).

    fc is a number or a list of cutoffs (one per sample; read every `step`
    samples) so sweeps stay stable.
    """
    k = 1.0 / q
    c0, c1, c2 = _SVF_MODES[mode](k)
    varying = isinstance(fc, (list, tuple))
    nyq_guard = 0.45 * sr

    def coeffs(f):
        g = math.tan(math.pi * min(max(f, 5.0), nyq_guard) / sr)
        a1 = 1.0 / (1.0 + g * (g + k))
        return a1, g * a1, g * g * a1

    a1, a2, a3 = coeffs(fc[0] if varying else fc)
    ic1 = ic2 = 0.0
    out = [0.0] * len(x)
    for i, v in enumerate(x):
        if varying and i % step == 0:
            a1, a2, a3 = coeffs(fc[i])
        v3 = v - ic2
        v1 = a1 * ic1 + a2 * v3
        v2 = ic2 + a2 * ic1 + a3 * v3
        ic1 = 2.0 * v1 - ic1
        ic2 = 2.0 * v2 - ic2
        out[i] = c0 * v + c1 * v1 + c2 * v2
    return out


def biquad(x, b0, b1, b2, a0, a1, a2):
    """Direct-form-I biquad (used for the loudness measurement)."""
    b0, b1, b2, a1, a2 = b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0
    x1 = x2 = y1 = y2 = 0.0
    out = [0.0] * len(x)
    for i, v in enumerate(x):
        y = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
        x2, x1, y2, y1 = x1, v, y1, y
        out[i] = y
    return out


def kweight(x, sr):
    """ITU-R BS.1770 K-weighting: a +4 dB shelf above ~1.7 kHz and a ~38 Hz high-pass."""
    a = 10.0 ** (4.0 / 40.0)
    w0 = TWO_PI * 1681.974 / sr
    alpha = sin(w0) / (2.0 * 0.7072)
    ca, sa = cos(w0), 2.0 * math.sqrt(a) * alpha
    y = biquad(x, a * ((a + 1) + (a - 1) * ca + sa), -2 * a * ((a - 1) + (a + 1) * ca),
               a * ((a + 1) + (a - 1) * ca - sa), (a + 1) - (a - 1) * ca + sa,
               2 * ((a - 1) - (a + 1) * ca), (a + 1) - (a - 1) * ca - sa)
    w0 = TWO_PI * 38.135 / sr
    alpha = sin(w0) / (2.0 * 0.5003)
    ca = cos(w0)
    return biquad(y, (1 + ca) / 2, -(1 + ca), (1 + ca) / 2, 1 + alpha, -2 * ca, 1 - alpha)


def _lufs(ms: float) -> float:
    return -0.691 + 10.0 * math.log10(ms) if ms > 0 else -240.0


def loudness(x, sr) -> float:
    """Ungated K-weighted loudness over the whole signal (LUFS-like).

    A better guide than plain RMS to how loud a loop *sounds*: RMS over-counts
    deep rumble, which the ear hears much less of.
    """
    y = kweight(x, sr)
    return _lufs(sum(v * v for v in y) / max(1, len(y)))


def momentary_max(x, sr, window: float = 0.4) -> float:
    """Loudest 400 ms of a signal (BS.1770 'momentary' loudness): used for events."""
    y = kweight(x, sr)
    w = max(1, min(len(y), int(window * sr)))
    hop = max(1, w // 4)
    acc = [0.0]
    for v in y:
        acc.append(acc[-1] + v * v)
    best = 0.0
    for s0 in range(0, max(1, len(y) - w + 1), hop):
        best = max(best, (acc[s0 + w] - acc[s0]) / w)
    return _lufs(best)


def at_loudness(x, sr, target: float):
    """Scale a steady layer to an integrated loudness."""
    return scaled(x, db(target - loudness(x, sr)))


def at_momentary(x, sr, target: float):
    """Scale an event so that its loudest 400 ms has the given loudness."""
    return scaled(x, db(target - momentary_max(x, sr)))


def lowpass(x, sr, fc, q=0.7071, order=2):
    """Butterworth-ish low-pass; order 4 = two cascaded sections."""
    y = svf(x, sr, fc, q, "lp")
    if order >= 4:
        y = svf(y, sr, fc, q, "lp")
    return y


def highpass(x, sr, fc, q=0.7071):
    return svf(x, sr, fc, q, "hp")


def bandpass(x, sr, fc, q=1.0):
    return svf(x, sr, fc, q, "bp")


def fade(x, sr, fade_in: float = 0.002, fade_out: float = 0.01):
    """Raised-cosine fades so a one-shot never starts or stops with a click."""
    n = len(x)
    y = list(x)
    fi = max(1, int(fade_in * sr))
    fo = max(1, int(fade_out * sr))
    for i in range(min(fi, n)):
        y[i] *= 0.5 - 0.5 * cos(math.pi * i / fi)
    for i in range(min(fo, n)):
        y[n - 1 - i] *= 0.5 - 0.5 * cos(math.pi * i / fo)
    return y


def partials(sr: int, dur: float, parts, attack: float = 0.002, start: float = 0.0,
             n_total: int | None = None):
    """Sum of exponentially decaying sines.

    parts: iterable of (frequency Hz, amplitude, decay time constant s[, phase]).
    The note begins at `start` seconds inside a buffer of n_total samples.
    """
    n = n_total if n_total is not None else int(dur * sr)
    out = [0.0] * n
    s0 = int(start * sr)
    att = max(1, int(attack * sr))
    for p in parts:
        f, a, tau = p[0], p[1], p[2]
        ph = p[3] if len(p) > 3 else 0.0
        w = TWO_PI * f / sr
        # A damped sine by recursion: cheap and exact enough for short notes.
        r = exp(-1.0 / (tau * sr))
        for i in range(s0, n):
            j = i - s0
            v = a * (r ** j) * sin(w * j + ph)
            if j < att:
                v *= 0.5 - 0.5 * cos(math.pi * j / att)
            out[i] += v
            if j > 4 and r ** j < 1e-5:
                break
    return out


def add_at(buf, event, pos: int, gain: float = 1.0, wrap: bool = True):
    """Add `event` into `buf` from sample `pos`; wrap round for loops."""
    n = len(buf)
    for j, v in enumerate(event):
        k = pos + j
        if k >= n:
            if not wrap:
                break
            k %= n
        buf[k] += gain * v


def reverb(x, sr: int, rt60: float = 1.0, damp_hz: float = 3000.0, wet: float = 0.5,
           tail: float = 1.5, size: float = 1.0):
    """Small Schroeder/Freeverb-style mono reverb; returns x plus its tail."""
    n = len(x) + int(tail * sr)
    src = list(x) + [0.0] * (n - len(x))
    combs_ms = [29.7, 37.1, 41.1, 43.7, 31.3]
    allpass_ms = [5.0, 1.7]
    d = exp(-TWO_PI * damp_hz / sr)
    wet_sum = [0.0] * n
    for ms in combs_ms:
        length = max(1, int(ms * size * sr / 1000.0))
        g = 10.0 ** (-3.0 * (length / sr) / rt60)
        line = [0.0] * length
        idx = 0
        lp = 0.0
        for i in range(n):
            y = line[idx]
            lp = y * (1.0 - d) + lp * d
            line[idx] = src[i] + lp * g
            wet_sum[i] += y
            idx += 1
            if idx == length:
                idx = 0
    for ms in allpass_ms:
        length = max(1, int(ms * size * sr / 1000.0))
        line = [0.0] * length
        idx = 0
        g = 0.6
        for i in range(n):
            b = line[idx]
            v = wet_sum[i]
            y = -g * v + b
            line[idx] = v + g * y
            wet_sum[i] = y
            idx += 1
            if idx == length:
                idx = 0
    scale = wet / len(combs_ms)
    return [(1.0 - wet) * src[i] + scale * wet_sum[i] for i in range(n)]


def smooth_random(rng: random.Random, n: int, sr: int, rate_hz: float):
    """A slow random curve around 0 (low-passed noise), about +-1."""
    y = lowpass(white(rng, n), sr, rate_hz, order=4)
    p = peak(y) or 1.0
    return [v / p for v in y]


# ---------------------------------------------------------------------------
# Loop helpers
# ---------------------------------------------------------------------------

def loop_bed(make, n: int, sr: int, xfade: float = 1.5, warm: float = 0.5):
    """A seamless loop of a steady texture.

    make(m) renders m samples; we render n + crossfade (+ a warm-up that lets
    the filters settle), then fold the extra tail over the beginning with an
    equal-power crossfade: sample n-1 is followed in the source by sample n,
    which is exactly what the start of the loop now begins with.
    """
    xf = int(xfade * sr)
    wu = int(warm * sr)
    x = make(n + xf + wu)[wu:]
    for i in range(xf):
        u = (i + 0.5) / xf
        x[i] = x[i] * sin(0.5 * math.pi * u) + x[n + i] * cos(0.5 * math.pi * u)
    return x[:n]


def loop_lfo(n: int, parts, offset: float = 0.0):
    """offset + sum a*sin(2*pi*k*i/n + phase): periodic over exactly n samples."""
    out = [offset] * n
    for k, a, ph in parts:
        w = TWO_PI * k / n
        for i in range(n):
            out[i] += a * sin(w * i + ph)
    return out


def snap(freq: float, seconds: float) -> float:
    """Round a frequency so that it completes a whole number of cycles in the loop."""
    return max(1, round(freq * seconds)) / seconds


def sine_tone(n: int, sr: int, freq: float, amp: float = 1.0, phase: float = 0.0):
    w = TWO_PI * freq / sr
    return [amp * sin(w * i + phase) for i in range(n)]


# ---------------------------------------------------------------------------
# Reusable sound "objects"
# ---------------------------------------------------------------------------

def room_tone(rng, sr, n, lp_hz=300.0, hp_hz=45.0, air_db=-13.0, air_lp=4000.0, air_hp=200.0):
    """Soft room tone: brown rumble plus a little air, as a seamless bed."""
    def make(m):
        low = brown(rng, m)
        low = highpass(low, sr, hp_hz)
        low = lowpass(low, sr, lp_hz, order=4)
        low = norm_rms(low, 0.0)
        air = pink(rng, m)
        air = lowpass(air, sr, air_lp)
        air = highpass(air, sr, air_hp)
        air = norm_rms(air, air_db)
        return mix(low, air)
    return loop_bed(make, n, sr)


def thump(rng, sr, body_hz=95.0, dur=0.35, weight=1.0, click=0.25, lp_hz=600.0):
    """A soft low knock (door, step): falling sine body + a dull noise puff."""
    n = int(dur * sr)
    out = [0.0] * n
    phase = 0.0
    for i in range(n):
        t = i / sr
        f = body_hz * (1.0 + 0.5 * exp(-t / 0.02))
        phase += TWO_PI * f / sr
        out[i] = weight * sin(phase) * exp(-t / 0.06)
    puff = lowpass(white(rng, n), sr, lp_hz)
    for i in range(n):
        out[i] += click * 3.0 * puff[i] * exp(-i / (0.012 * sr))
    out = lowpass(out, sr, lp_hz)
    return fade(out, sr, 0.002, 0.05)


def wood_knock(rng, sr, base=210.0, dur=0.3, bright=1.0):
    """A hollow wooden knock: inharmonic modes with quick decays."""
    parts = [
        (base, 1.0, 0.060, 0.0),
        (base * 2.71, 0.55 * bright, 0.030, 1.0),
        (base * 5.12, 0.25 * bright, 0.014, 2.0),
        (base * 8.3, 0.10 * bright, 0.007, 0.5),
    ]
    out = partials(sr, dur, parts, attack=0.0008)
    n = len(out)
    tick = lowpass(white(rng, n), sr, 2500.0)
    for i in range(min(n, int(0.01 * sr))):
        out[i] += 0.4 * tick[i] * exp(-i / (0.0015 * sr))
    return fade(out, sr, 0.0005, 0.05)


def bird(rng, sr, kind: str):
    """One short bird call, kept soft: sine with a pitch contour + faint 2nd harmonic."""
    if kind == "tweet":            # quick downward slur
        calls = [(0.0, 0.075, 4600.0, 3100.0)]
    elif kind == "double":         # two light peeps
        calls = [(0.0, 0.06, 3300.0, 3900.0), (0.16, 0.06, 3300.0, 4000.0)]
    elif kind == "trill":          # soft little trill
        calls = [(0.055 * k, 0.035, 4200.0 + 150 * (k % 2), 3500.0) for k in range(7)]
    elif kind == "whistle":        # a single rising-falling whistle
        calls = [(0.0, 0.22, 2500.0, 2900.0)]
    elif kind == "chip":           # sparrow-ish chips
        calls = [(0.0, 0.045, 3900.0, 3000.0), (0.12, 0.04, 4000.0, 3100.0),
                 (0.22, 0.05, 3800.0, 2900.0)]
    else:
        raise ValueError(kind)
    total = max(c[0] + c[1] for c in calls) + 0.05
    n = int(total * sr)
    out = [0.0] * n
    for start, dur, f0, f1 in calls:
        s0 = int(start * sr)
        m = int(dur * sr)
        phase = rng.random() * TWO_PI
        for j in range(m):
            u = j / m
            if kind == "whistle":
                f = f0 + (f1 - f0) * sin(math.pi * u)
            else:
                f = f0 + (f1 - f0) * u
            phase += TWO_PI * f / sr
            env = sin(math.pi * u) ** 2
            if s0 + j < n:
                out[s0 + j] += env * (sin(phase) + 0.12 * sin(2.0 * phase))
    return fade(out, sr, 0.001, 0.01)


def bird_phrase(rng, sr, kinds, gap=(0.25, 0.6)):
    """A few calls in a row (a phrase), with small random gaps and levels."""
    parts = []
    t = 0.0
    for kind in kinds:
        call = bird(rng, sr, kind)
        parts.append((int(t * sr), call, rng.uniform(0.6, 1.0)))
        t += len(call) / sr + rng.uniform(*gap)
    n = int(t * sr) + 10
    out = [0.0] * n
    for pos, call, g in parts:
        add_at(out, call, pos, g, wrap=False)
    return out


def murmur(rng, sr, dur: float, f0: float):
    """A phrase of distant, indistinct speech-like murmur heard through a wall."""
    n = int(dur * sr)
    env = [0.0] * n
    t = 0.15
    while t < dur - 0.35:
        sd = rng.uniform(0.10, 0.26)
        a = rng.uniform(0.35, 1.0)
        s0 = int(t * sr)
        m = int(sd * sr)
        for j in range(m):
            if s0 + j < n:
                env[s0 + j] += a * sin(math.pi * j / m) ** 2
        t += sd + (rng.uniform(0.25, 0.45) if rng.random() < 0.15 else rng.uniform(0.0, 0.07))
    env = lowpass(env, sr, 12.0)
    voiced = [0.0] * n
    phase = 0.0
    drift = rng.uniform(0, TWO_PI)
    for i in range(n):
        u = i / n
        f = f0 * (1.0 + 0.10 * sin(TWO_PI * 1.4 * u + drift) - 0.08 * u)
        phase += TWO_PI * f / sr
        s = 0.0
        for h in range(1, 7):
            s += sin(h * phase) / h
        voiced[i] = s
    noise = white(rng, n)
    src = [(0.45 * voiced[i] + 0.6 * noise[i]) * env[i] for i in range(n)]
    f1 = bandpass(src, sr, 520.0, 1.6)
    f2 = bandpass(src, sr, 1150.0, 2.0)
    out = [f1[i] + 0.5 * f2[i] for i in range(n)]
    out = lowpass(out, sr, 700.0, order=4)     # heard through a wall
    # fade the phrase in and out so no word starts abruptly
    fi = int(0.3 * sr)
    for i in range(min(fi, n)):
        g = i / fi
        out[i] *= g
        out[n - 1 - i] *= g
    return out


def page_swish(rng, sr, dur=0.38, bright=1.0):
    """Paper / page turn: a band of noise that sweeps up and back, with crinkle grain."""
    n = int(dur * sr)
    noise = white(rng, n)
    # sparse crinkle: random little impulses, smoothed
    grain = [0.0] * n
    for i in range(n):
        if rng.random() < 0.004:
            grain[i] = rng.uniform(-1.0, 1.0)
    grain = lowpass(grain, sr, 1800.0)
    gp = peak(grain) or 1.0
    src = [noise[i] * (1.0 + 1.8 * abs(grain[i]) / gp) for i in range(n)]
    fc = []
    for i in range(n):
        u = i / n
        fc.append((900.0 + 1900.0 * sin(math.pi * min(1.0, u * 1.25)) ** 1.2) * bright)
    band = svf(src, sr, fc, 0.55, "bp")
    air = lowpass(white(rng, n), sr, 380.0)
    env = []
    for i in range(n):
        u = i / n
        # quick-ish rise (35%), longer settling fall
        e = (u / 0.35) ** 1.5 if u < 0.35 else ((1.0 - u) / 0.65) ** 1.7
        env.append(e)
    out = [(band[i] + 0.35 * air[i]) * env[i] for i in range(n)]
    out = lowpass(out, sr, 5500.0 * bright)
    return fade(out, sr, 0.004, 0.03)


def creak(rng, sr, dur=0.45):
    """A faint chair creak: a slow irregular stick-slip buzz through a wooden resonance."""
    n = int(dur * sr)
    out = [0.0] * n
    t = 0.0
    rate0 = rng.uniform(28.0, 40.0)
    while t < dur:
        u = t / dur
        rate = rate0 * (1.0 + 0.6 * sin(math.pi * u))
        i = int(t * sr)
        if i < n:
            out[i] += rng.uniform(0.6, 1.0) * sin(math.pi * u) ** 0.8
        t += (1.0 / rate) * rng.uniform(0.85, 1.15)
    body = mix(bandpass(out, sr, 620.0, 6.0), scaled(bandpass(out, sr, 1480.0, 7.0), 0.5),
               scaled(bandpass(out, sr, 310.0, 4.0), 0.6))
    body = lowpass(body, sr, 1800.0)
    return fade(body, sr, 0.01, 0.06)


def sanding_strokes(rng, sr, strokes=6, period=0.62):
    """Hand sanding: back-and-forth strokes of soft, band-limited noise."""
    dur = strokes * period + 0.2
    n = int(dur * sr)
    noise = white(rng, n)
    env = [0.0] * n
    bright = [0.0] * n
    for s in range(strokes):
        s0 = int((s * period + rng.uniform(0.0, 0.04)) * sr)
        m = int(period * rng.uniform(0.78, 0.92) * sr)
        a = rng.uniform(0.7, 1.0) * (1.0 if s % 2 == 0 else 0.8)
        for j in range(m):
            if s0 + j < n:
                u = j / m
                env[s0 + j] += a * sin(math.pi * u) ** 1.5
                bright[s0 + j] = 1.0 if s % 2 == 0 else 0.75
    fc = [1500.0 + 1300.0 * bright[i] * env[i] for i in range(n)]
    band = svf(noise, sr, fc, 0.6, "bp")
    out = [band[i] * env[i] for i in range(n)]
    out = lowpass(out, sr, 4500.0)
    return fade(out, sr, 0.01, 0.05)


def plane_stroke(rng, sr, dur=0.85):
    """One long plane stroke: a breathy shave with a faint woody resonance."""
    n = int(dur * sr)
    noise = white(rng, n)
    chatter = smooth_random(rng, n, sr, 120.0)
    src = [noise[i] * (1.0 + 0.5 * chatter[i]) for i in range(n)]
    band = bandpass(src, sr, 2200.0, 0.7)
    wood = bandpass(src, sr, 820.0, 5.0)
    env = []
    for i in range(n):
        u = i / n
        e = min(1.0, u / 0.12) * (1.0 - u) ** 0.6
        env.append(e)
    out = [(band[i] + 0.6 * wood[i]) * env[i] for i in range(n)]
    out = lowpass(out, sr, 5000.0)
    return fade(out, sr, 0.01, 0.06)


def metal_click(rng, sr):
    """A soft, distant metallic click (a lock or a hatch far down a corridor)."""
    parts = [
        (1180.0, 1.0, 0.045, 0.0),
        (2710.0, 0.55, 0.035, 1.1),
        (3960.0, 0.35, 0.025, 2.3),
        (5230.0, 0.15, 0.025, 0.4),
        (640.0, 0.4, 0.03, 0.0),
    ]
    out = partials(sr, 0.45, parts, attack=0.0015)
    n = len(out)
    tick = bandpass(white(rng, n), sr, 2500.0, 1.0)
    for i in range(min(n, int(0.01 * sr))):
        out[i] += 0.6 * tick[i] * exp(-i / (0.002 * sr))
    # a second, smaller click shortly after (the latch settling)
    late = partials(sr, 0.3, [(p[0] * 1.03, p[1] * 0.4, p[2] * 0.7, p[3]) for p in parts],
                    attack=0.0015)
    add_at(out, late, int(0.085 * sr), 1.0, wrap=False)
    out = lowpass(out, sr, 3000.0)
    return fade(out, sr, 0.001, 0.05)


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


# ---------------------------------------------------------------------------
# Ambient loops
# ---------------------------------------------------------------------------

REF = -20.0   # loudness (LUFS-like) of each loop's main bed before the final level is set
#               every other layer is placed relative to it, in LU (1 LU = 1 dB)


def amb_unit(rng, sr, n):
    """Indoor unit: room tone, ventilation, far murmur, a far door and a few steps."""
    secs = n / sr
    bed = at_loudness(room_tone(rng, sr, n, lp_hz=300.0, air_db=-14.0), sr, REF)

    def vent_make(m):
        v = pink(rng, m)
        v = bandpass(v, sr, 320.0, 0.5)
        v = lowpass(v, sr, 1400.0)
        return v
    vent = at_loudness(loop_bed(vent_make, n, sr), sr, REF - 5.0)
    swell = loop_lfo(n, [(2, 0.08, 0.3), (3, 0.05, 1.9)], 1.0)     # the fan breathes a little
    vent = [vent[i] * swell[i] for i in range(n)]

    events = [0.0] * n
    # distant murmur: three phrases, different voices, heard through a wall
    for start, dur, f0, rel in [(1.8, 3.2, 125.0, -5.0), (9.5, 2.6, 205.0, -7.0),
                                (17.2, 3.6, 140.0, -6.0)]:
        ph = reverb(murmur(rng, sr, dur, f0), sr, rt60=0.9, damp_hz=1500.0, wet=0.45)
        add_at(events, at_momentary(ph, sr, REF + rel), int(start * sr))
    # a far door closing: thud + softer latch
    door = thump(rng, sr, 85.0, 0.5, 1.0, 0.3, 450.0)
    add_at(door, thump(rng, sr, 120.0, 0.3, 0.35, 0.2, 500.0), int(0.11 * sr), 1.0, wrap=False)
    door = reverb(door, sr, rt60=1.2, damp_hz=1200.0, wet=0.5)
    add_at(events, at_momentary(door, sr, REF - 1.0), int(6.6 * sr))
    # footsteps passing along the corridor
    steps = [0.0] * int(5.0 * sr)
    count = 7
    for k in range(count):
        g = sin(math.pi * (k + 0.5) / count) ** 1.2
        st = thump(rng, sr, rng.uniform(100.0, 115.0), 0.2, 0.5, 0.5, 700.0)
        add_at(steps, st, int((0.2 + k * 0.56 + rng.uniform(-0.02, 0.02)) * sr), g, wrap=False)
    steps = reverb(steps, sr, rt60=0.8, damp_hz=1500.0, wet=0.4)
    add_at(events, at_momentary(steps, sr, REF - 3.0), int(13.0 * sr))
    # a second, farther door much later
    door2 = reverb(thump(rng, sr, 90.0, 0.45, 1.0, 0.25, 400.0), sr, rt60=1.4, damp_hz=1000.0,
                   wet=0.6)
    add_at(events, at_momentary(door2, sr, REF - 2.0), int((secs - 3.2) * sr))
    return mix(bed, vent, events)


def amb_remand(rng, sr, n):
    """Remand: colder, emptier room, a steady low vent hum, a rare far metallic click."""
    secs = n / sr
    # thinner than the unit: less warmth, more cool air hiss
    bed = room_tone(rng, sr, n, lp_hz=200.0, hp_hz=60.0, air_db=-8.0, air_lp=6000.0,
                    air_hp=1500.0)
    bed = at_loudness(bed, sr, REF)

    def vent_make(m):
        return bandpass(pink(rng, m), sr, 150.0, 2.0)
    vent = at_loudness(loop_bed(vent_make, n, sr), sr, REF - 3.0)
    hum = [0.0] * n
    for f, a in [(100.0, 1.0), (200.0, 0.45), (300.0, 0.2), (400.0, 0.08)]:
        tone = sine_tone(n, sr, snap(f, secs), a, f / 37.0)   # whole cycles: seamless
        for i in range(n):
            hum[i] += tone[i]
    hum = at_loudness(hum, sr, REF - 6.0)
    events = [0.0] * n
    for t, rel in [(7.5, 0.0), (21.0, -3.0)]:
        c = reverb(metal_click(rng, sr), sr, rt60=2.2, damp_hz=2500.0, wet=0.65, tail=2.5,
                   size=1.6)
        add_at(events, at_momentary(c, sr, REF + rel), int(t * sr))
    return mix(bed, vent, hum, events)


def amb_outdoor(rng, sr, n):
    """Forest / yard: wind in the trees swelling slowly, a few sparse birds."""
    # slow gusts: periodic over the loop, so the crossfaded bed carries them seamlessly
    swell = loop_lfo(n, [(1, 0.14, 0.4), (2, 0.10, 2.1), (3, 0.07, 4.0), (5, 0.04, 1.0)], 0.7)
    warm = int(0.5 * sr)

    def wind_make(m):
        low = lowpass(brown(rng, m), sr, 220.0, order=4)
        low = highpass(low, sr, 40.0)
        low = norm_rms(low, 0.0)
        leaves = pink(rng, m)
        flutter = smooth_random(rng, m, sr, 6.0)
        leaves = [leaves[i] * (1.0 + 0.5 * flutter[i]) for i in range(m)]
        fc = [900.0 + 1800.0 * swell[(i - warm) % n] for i in range(m)]
        leaves = svf(leaves, sr, fc, 0.5, "bp")
        leaves = lowpass(leaves, sr, 4500.0)
        leaves = norm_rms(leaves, -5.0)
        return [(low[i] * 0.8 + leaves[i]) * swell[(i - warm) % n] for i in range(m)]
    wind = at_loudness(loop_bed(wind_make, n, sr, xfade=2.0, warm=0.5), sr, REF)

    events = [0.0] * n
    for t, kinds, rel in [
        (3.1, ["tweet", "tweet"], -3.0),
        (9.8, ["whistle"], -6.0),
        (15.4, ["double", "tweet"], -4.0),
        (21.7, ["trill"], -7.0),
    ]:
        ph = bird_phrase(rng, sr, kinds)
        ph = reverb(lowpass(ph, sr, 7000.0), sr, rt60=0.6, damp_hz=4000.0, wet=0.25, tail=0.7)
        add_at(events, at_momentary(ph, sr, REF + rel), int(t * sr))
    return mix(wind, events)


def amb_workshop(rng, sr, n):
    """Workshop: room tone, sparse sanding and planing strokes, an occasional wooden knock."""
    bed = at_loudness(room_tone(rng, sr, n, lp_hz=340.0, air_db=-12.0), sr, REF)
    events = [0.0] * n

    def room(x, wet=0.3):
        return reverb(x, sr, rt60=0.7, damp_hz=3000.0, wet=wet, tail=0.9)

    for t, ev, rel in [
        (2.0, sanding_strokes(rng, sr, 6, 0.62), -2.0),
        (11.5, plane_stroke(rng, sr, 0.9), -1.0),
        (13.1, plane_stroke(rng, sr, 0.8), -2.0),
        (20.5, sanding_strokes(rng, sr, 4, 0.55), -3.0),
    ]:
        add_at(events, at_momentary(room(ev), sr, REF + rel), int(t * sr))
    for t, base, rel in [(8.2, 205.0, -4.0), (8.55, 212.0, -7.0), (17.6, 180.0, -6.0),
                         (25.3, 230.0, -8.0)]:
        k = room(lowpass(wood_knock(rng, sr, base), sr, 2200.0), wet=0.35)
        add_at(events, at_momentary(k, sr, REF + rel), int(t * sr))
    return mix(bed, events)


def amb_studio(rng, sr, n):
    """Studio: a dry, quiet room and a very soft sustained warm pad (D add9), no melody."""
    secs = n / sr
    bed = room_tone(rng, sr, n, lp_hz=240.0, air_db=-18.0, air_lp=3000.0)
    pad = [0.0] * n
    voices = [(146.83, 1.0), (220.0, 0.75), (329.63, 0.5), (369.99, 0.45), (587.33, 0.14)]
    for vi, (f, level) in enumerate(voices):
        # each voice breathes slowly on its own whole-loop cycle
        lfo = loop_lfo(n, [(1 + vi % 3, 0.18, vi * 1.3), (2 + vi, 0.07, vi * 0.7)], 0.8)
        for det in (-0.09, 0.09):
            for h, ha in [(1, 1.0), (2, 0.22), (3, 0.06)]:
                f_h = snap(h * (f + det * (1 + vi * 0.2)), secs)   # whole cycles: seamless
                w = TWO_PI * f_h / sr
                a = 0.5 * level * ha
                ph = (vi * 2.1 + h + det * 10) % TWO_PI
                for i in range(n):
                    pad[i] += a * lfo[i] * sin(w * i + ph)
    pad = _circular(pad, sr, lambda x: lowpass(x, sr, 1400.0))
    return mix(at_loudness(bed, sr, REF - 9.0), at_loudness(pad, sr, REF))


def _circular(x, sr, fn, settle: float = 1.0):
    """Apply a filter to a loop as if it had been playing for ever (wrap-around)."""
    k = min(len(x), int(settle * sr))
    y = fn(x[-k:] + x)
    return y[k:]


def amb_quiet(rng, sr, n):
    """Offices, classroom, health: very soft room tone, an occasional page or chair creak."""
    secs = n / sr
    bed = at_loudness(room_tone(rng, sr, n, lp_hz=260.0, air_db=-14.0, air_lp=3500.0), sr, REF)
    events = [0.0] * n

    def room(x):
        return reverb(x, sr, rt60=0.5, damp_hz=2500.0, wet=0.3, tail=0.7)

    for t, ev, rel in [
        (4.2, lowpass(page_swish(rng, sr, 0.42, 0.8), sr, 3500.0), -1.0),
        (12.8, creak(rng, sr, 0.5), -5.0),
        (19.0, lowpass(page_swish(rng, sr, 0.4, 0.75), sr, 3000.0), -3.0),
        (secs - 1.6, thump(rng, sr, 110.0, 0.2, 0.4, 0.4, 800.0), -6.0),   # a cup set down
    ]:
        add_at(events, at_momentary(room(ev), sr, REF + rel), int(t * sr))
    return mix(bed, events)


def amb_town(rng, sr, n):
    """Outside in town: distant traffic wash, a far-off bus going by, a few birds."""
    swell = loop_lfo(n, [(1, 0.15, 1.2), (3, 0.10, 0.3), (4, 0.06, 2.5)], 0.75)
    warm = int(0.5 * sr)

    def wash_make(m):
        w = pink(rng, m)
        w = lowpass(w, sr, 650.0, order=4)
        w = highpass(w, sr, 50.0)
        r = lowpass(brown(rng, m), sr, 160.0)
        w = mix(norm_rms(w, 0.0), norm_rms(r, -4.0))
        return [w[i] * swell[(i - warm) % n] for i in range(m)]
    wash = at_loudness(loop_bed(wash_make, n, sr), sr, REF)

    def air_make(m):       # the faint broadband hush of a town further off
        a = pink(rng, m)
        a = highpass(lowpass(a, sr, 5000.0), sr, 900.0)
        return [a[i] * (0.6 + 0.4 * swell[(i - warm) % n]) for i in range(m)]
    air = at_loudness(loop_bed(air_make, n, sr), sr, REF - 12.0)

    events = [0.0] * n
    # distant cars passing: broad swells of tyre noise
    for t, dur, rel in [(2.0, 6.0, -1.0), (12.5, 7.0, -3.0), (19.0, 5.5, -2.0)]:
        m = int(dur * sr)
        car = bandpass(pink(rng, m), sr, 500.0, 0.6)
        car = lowpass(car, sr, 1300.0)
        car = [car[i] * sin(math.pi * i / m) ** 2 for i in range(m)]
        add_at(events, at_momentary(car, sr, REF + rel), int(t * sr))
    # a far-off bus pulling away: a low diesel drone rising and fading
    dur = 9.0
    m = int(dur * sr)
    bus = [0.0] * m
    rumble = smooth_random(rng, m, sr, 8.0)
    phase = 0.0
    for i in range(m):
        u = i / m
        f0 = 32.0 + 14.0 * u - 6.0 * u * u
        phase += TWO_PI * f0 / sr
        s = 0.0
        for h in range(2, 11):
            s += sin(h * phase + h) * (1.0 / (1.0 + abs(h - 4)))
        bus[i] = s * (1.0 + 0.25 * rumble[i])
    bus = lowpass(bus, sr, 420.0, order=4)
    bus = [bus[i] * (sin(0.5 * math.pi * i / (0.45 * m)) ** 2 if i < 0.45 * m else
                     (1.0 - (i - 0.45 * m) / (0.55 * m)) ** 1.5) for i in range(m)]
    bus = reverb(bus, sr, rt60=1.5, damp_hz=800.0, wet=0.35, tail=1.0)
    add_at(events, at_momentary(bus, sr, REF + 0.0), int(8.0 * sr))
    for t, kinds, rel in [(5.3, ["chip"], -8.0), (17.8, ["double"], -9.0),
                          (24.6, ["chip", "tweet"], -9.0)]:
        ph = reverb(bird_phrase(rng, sr, kinds), sr, rt60=0.8, damp_hz=3500.0, wet=0.35, tail=0.8)
        add_at(events, at_momentary(ph, sr, REF + rel), int(t * sr))
    return mix(wash, air, events)


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
               "-c", "COMMENT=made for this project by synthesis (assets/sounds/src/make_sounds.py)",
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
        lines.append(
            f"| `{rel}` | {info['seconds']:.3f} s | {info['rate'] // 1000 if info['rate'] % 1000 == 0 else info['rate'] / 1000:g} kHz | "
            f"{info['peak_db']:.1f} dBFS | {info['rms_db']:.1f} dBFS | {info['lufs']:.1f} LUFS | {size / 1024:.1f} KiB | {note} |")
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
