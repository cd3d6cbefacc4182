"""Reusable sound "objects": room tone, thumps, knocks, birds, murmurs, pages, creaks, tools.

Part of tools/make_sounds.py (see its docstring); made for this project, CC0.
"""

from __future__ import annotations

import math

from .dsp import (TWO_PI, add_at, bandpass, brown, exp, fade, highpass, loop_bed, lowpass, mix, norm_rms,
    partials, peak, pink, scaled, sin, smooth_random, svf, white)


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
