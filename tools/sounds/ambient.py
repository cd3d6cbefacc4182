"""The ambient loops of each place: the unit, remand, outdoors, the workshop, the studio, quiet, town.

Part of tools/make_sounds.py (see its docstring); made for this project, CC0.
"""

from __future__ import annotations

import math

from .dsp import (TWO_PI, add_at, at_loudness, at_momentary, bandpass, brown, highpass, loop_bed, loop_lfo,
    lowpass, mix, norm_rms, pink, reverb, sin, sine_tone, smooth_random, snap, svf)
from .voices import (bird_phrase, creak, metal_click, murmur, page_swish, plane_stroke, room_tone,
    sanding_strokes, thump, wood_knock)


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
