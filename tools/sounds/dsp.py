"""Small sound-making tools: levels, noise, filters, loudness, partials, reverb and loop helpers
(lists of floats from -1 to 1).

Part of tools/make_sounds.py (see its docstring); made for this project, CC0.
"""

from __future__ import annotations

import math
import random


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
