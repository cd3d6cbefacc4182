"""Inline SVG charts for the report pages: risk spread, bars, principles, timelines, one run's line.

Every chart carries a title and description for screen readers, and the page puts a table with the
same numbers next to it; shapes and written numbers, not colour alone, tell things apart. The
functions take numbers and finished words (already in the page's language) and return SVG text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .markup import Words, esc

INK = "#1a1a1a"
GRID = "#767676"
BAR = "#1f5f8b"
FOLLOW = "#1e6b3a"
BREAK = "#a4262c"
BAND = "#d9d9d9"
WIDTH = 720


def _open(words: Words, height: int, title: str, desc: str = "") -> str:
    tid = words.new_id("chart")
    did = f"{tid}-desc"
    labelled = f"{tid} {did}" if desc else tid
    return (f'<svg viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
            f'height="{height}" role="img" aria-labelledby="{labelled}"><title id="{tid}">{esc(title)}</title>'
            + (f'<desc id="{did}">{esc(desc)}</desc>' if desc else ""))


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 13, weight: str = "normal",
          fill: str = INK) -> str:
    bold = ' font-weight="bold"' if weight == "bold" else ""
    # a white halo keeps labels readable where they cross a line, a bar or the band
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{bold} '
            f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{esc(text)}</text>')


def short(text: str, limit: int = 40) -> str:
    """The text cut at a word to at most `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "\u2026"


# -- the spread of final risks -------------------------------------------------------------------
@dataclass
class Marker:
    value: float
    label: str
    dashed: bool = False


def risk_spread(words: Words, values: list[float], markers: list[Marker], band: tuple[float, float] | None,
                title: str, desc: str, axis: str, count_axis: str) -> tuple[str, bool]:
    """A dot plot (one dot per run) or, for many runs, a histogram; returns (svg, used_dots)."""
    left, right = 50, WIDTH - 20
    span = right - left

    def x(v: float) -> float:
        return left + span * max(0.0, min(100.0, v)) / 100.0
    stacks: dict[int, int] = {}
    for v in values:
        b = min(49, int(max(0.0, v) // 2))
        stacks[b] = stacks.get(b, 0) + 1
    dots = max(stacks.values(), default=0) <= 16
    top = 20 + 18 * len(markers)
    plot_h = 16 * max(stacks.values(), default=1) + 8 if dots else 170
    base = top + plot_h
    height = base + 52
    out = [_open(words, height, title, desc)]
    if band:
        out.append(f'<rect x="{x(band[0]):.1f}" y="{top}" width="{x(band[1]) - x(band[0]):.1f}" height="{plot_h}" '
                   f'fill="{BAND}" />')
    if dots:
        filled: dict[int, int] = {}
        for v in sorted(values):
            b = min(49, int(max(0.0, v) // 2))
            k = filled.get(b, 0)
            filled[b] = k + 1
            cx = x(b * 2 + 1)
            out.append(f'<circle cx="{cx:.1f}" cy="{base - 8 - 16 * k}" r="6" fill="{BAR}" stroke="#ffffff" '
                       f'stroke-width="1" />')
    else:
        counts = [0] * 20
        for v in values:
            counts[min(19, int(max(0.0, v) // 5))] += 1
        peak = max(counts) or 1
        for i, n in enumerate(counts):
            if not n:
                continue
            h = (plot_h - 14) * n / peak
            out.append(f'<rect x="{x(i * 5) + 1:.1f}" y="{base - h:.1f}" width="{span / 20 - 2:.1f}" height="{h:.1f}" '
                       f'fill="{BAR}" />')
            out.append(_text(x(i * 5 + 2.5), base - h - 3, str(n), "middle", 11))
        out.append(_text(left - 6, top + 10, count_axis, "start", 11))
    # Each marker's label sits on its own row, all to the right of their lines with the lowest value on
    # the top row (or all to the left, highest on top, when a label would run off the right edge): a
    # line then only passes rows whose labels lie on its other side, so no label is crossed.
    order = sorted(range(len(markers)), key=lambda i: markers[i].value)
    right_ok = all(x(m.value) + 5 + 7.5 * len(m.label) <= WIDTH for m in markers)
    rows = {i: r for r, i in enumerate(order if right_ok else order[::-1])}
    for i, m in enumerate(markers):
        mx, r = x(m.value), rows[i]
        dash = ' stroke-dasharray="6 4"' if m.dashed else ""
        out.append(f'<line x1="{mx:.1f}" y1="{20 + 18 * r}" x2="{mx:.1f}" y2="{base}" stroke="{INK}" '
                   f'stroke-width="2"{dash} />')
        anchor = "start" if right_ok else "end"
        out.append(_text(mx + 5 if right_ok else mx - 5, 16 + 18 * r, m.label, anchor, 13, "bold"))
    out.append(f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="{INK}" stroke-width="1.5" />')
    for t in range(0, 101, 10):
        out.append(f'<line x1="{x(t):.1f}" y1="{base}" x2="{x(t):.1f}" y2="{base + 5}" stroke="{INK}" />')
        out.append(_text(x(t), base + 19, str(t), "middle", 12))
    out.append(_text((left + right) / 2, base + 42, axis, "middle", 13))
    out.append("</svg>")
    return "".join(out), dots


# -- horizontal bars -----------------------------------------------------------------------------
def bars(words: Words, rows: list[tuple[str, float, str]], title: str, desc: str = "") -> str:
    """One bar per row: (label, value, the value written out); bars scale to the largest value."""
    label_w, row_h = 300, 30
    bar_left, bar_max = label_w + 10, WIDTH - label_w - 100
    peak = max((v for _, v, _ in rows), default=0) or 1
    height = row_h * len(rows) + 10
    out = [_open(words, height, title, desc)]
    for i, (label, value, written) in enumerate(rows):
        y = 5 + i * row_h
        w = bar_max * value / peak
        out.append(_text(label_w, y + 19, short(label, 42), "end", 13))
        out.append(f'<rect x="{bar_left}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" fill="{BAR}" />')
        out.append(_text(bar_left + w + 6, y + 19, written, "start", 13, "bold"))
    out.append(f'<line x1="{bar_left}" y1="0" x2="{bar_left}" y2="{height}" stroke="{INK}" />')
    out.append("</svg>")
    return "".join(out)


# -- principles followed and broken --------------------------------------------------------------
def diverging(words: Words, rows: list[tuple[str, int, int]], title: str, desc: str, followed: str,
              broken: str) -> str:
    """Broken to the left of the middle line, followed to the right, each with its number."""
    label_w, row_h = 250, 28
    mid = label_w + 10 + (WIDTH - label_w - 20) / 2
    half = (WIDTH - label_w - 20) / 2 - 34
    peak = max((max(f, b) for _, f, b in rows), default=0) or 1
    height = 30 + row_h * len(rows) + 6
    out = [_open(words, height, title, desc),
           _text(mid - 8, 18, f"\u25bc {broken}", "end", 13, "bold", BREAK),
           _text(mid + 8, 18, f"{followed} \u25b2", "start", 13, "bold", FOLLOW)]
    for i, (label, f, b) in enumerate(rows):
        y = 30 + i * row_h
        out.append(_text(label_w, y + 18, short(label, 36), "end", 13))
        if b:
            w = half * b / peak
            out.append(f'<rect x="{mid - w:.1f}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" fill="{BREAK}" />')
        out.append(_text(mid - (half * b / peak) - 5, y + 18, str(b), "end", 12, "bold"))
        if f:
            w = half * f / peak
            out.append(f'<rect x="{mid:.1f}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" fill="{FOLLOW}" />')
        out.append(_text(mid + (half * f / peak) + 5, y + 18, str(f), "start", 12, "bold"))
    out.append(f'<line x1="{mid:.1f}" y1="24" x2="{mid:.1f}" y2="{height}" stroke="{INK}" stroke-width="1.5" />')
    out.append("</svg>")
    return "".join(out)


# -- decision timelines --------------------------------------------------------------------------
def _mark(cx: float, cy: float, follows: bool, breaks: bool, size: float = 8.0) -> str:
    s = size
    if follows and breaks:
        return (f'<path d="M{cx - s + 1:.1f},{cy - 1:.1f} L{cx:.1f},{cy - s - 2:.1f} L{cx + s - 1:.1f},{cy - 1:.1f} Z" '
                f'fill="{FOLLOW}" /><path d="M{cx - s + 1:.1f},{cy + 1:.1f} L{cx:.1f},{cy + s + 2:.1f} '
                f'L{cx + s - 1:.1f},{cy + 1:.1f} Z" fill="{BREAK}" />')
    if follows:
        return (f'<path d="M{cx - s:.1f},{cy + s * .75:.1f} L{cx:.1f},{cy - s:.1f} L{cx + s:.1f},{cy + s * .75:.1f} Z" '
                f'fill="{FOLLOW}" />')
    if breaks:
        return (f'<path d="M{cx - s:.1f},{cy - s * .75:.1f} L{cx:.1f},{cy + s:.1f} L{cx + s:.1f},{cy - s * .75:.1f} Z" '
                f'fill="{BREAK}" />')
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{max(2.0, s * .375):.1f}" fill="{GRID}" />'


def timeline(words: Words, rows: list[tuple[str, list[tuple[bool, bool]]]], title: str, desc: str,
             legend: list[str]) -> str:
    """One row per run, one mark per decision: up triangle followed, down triangle broke, both, dot."""
    label_w, row_h = 90, 26
    longest = max((len(m) for _, m in rows), default=1) or 1
    step = min(26.0, (WIDTH - label_w - 20) / longest)
    height = 40 + row_h * len(rows)
    out = [_open(words, height, title, desc)]
    lx = label_w
    for text, follows, breaks in zip(legend, (True, False, True, False), (False, True, True, False)):
        out.append(_mark(lx + 8, 14, follows, breaks))
        out.append(_text(lx + 20, 19, text, "start", 12))
        lx += 22 + 7.2 * len(text) + 18
    for r, (label, marks) in enumerate(rows):
        y = 40 + r * row_h + row_h / 2
        out.append(_text(label_w - 8, y + 5, label, "end", 13))
        out.append(f'<line x1="{label_w}" y1="{y:.1f}" x2="{label_w + step * len(marks):.1f}" y2="{y:.1f}" '
                   f'stroke="{GRID}" stroke-width="1" />')
        for j, (f, b) in enumerate(marks):
            out.append(_mark(label_w + step * j + step / 2, y, f, b, min(8.0, step * 0.42)))
    out.append("</svg>")
    return "".join(out)


# -- one run's estimate, decision by decision ----------------------------------------------------
def risk_line(words: Words, points: list[float], title: str, desc: str, axis: str, x_label: str) -> str:
    """The estimate before the first decision and after each one."""
    left, right, top, base = 50, WIDTH - 20, 30, 230
    n = max(1, len(points) - 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return left + (right - left) * i / n, base - (base - top) * max(0.0, min(100.0, v)) / 100.0
    out = [_open(words, base + 50, title, desc)]
    for t in range(0, 101, 20):
        _, y = xy(0, t)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{BAND}" />')
        out.append(_text(left - 6, y + 4, str(t), "end", 12))
    coords = [xy(i, v) for i, v in enumerate(points)]
    out.append('<polyline fill="none" stroke="{}" stroke-width="2.5" points="{}" />'.format(
        BAR, " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)))
    for i, (cx, cy) in enumerate(coords):
        out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{BAR}" />')
        if i and (len(coords) <= 20 or i % 5 == 0):
            out.append(_text(cx, base + 18, str(i), "middle", 11))
    out.append(f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="{INK}" />')
    out.append(_text((left + right) / 2, base + 40, x_label, "middle", 13))
    out.append(_text(left - 40, 14, axis, "start", 12))
    out.append("</svg>")
    return "".join(out)
