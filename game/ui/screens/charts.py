"""Pictures of numbers: the 100 figures of an estimate, and two runs' risk day by day (a "what if").

Every picture tells its parts apart by shape as well as colour: solid, shaded-with-outline and empty
figures; a solid line with round markers and a dashed line with square ones.
"""

from __future__ import annotations

import pygame

from ...core.model import Estimate
from ...core.play.compare import risk_axis, risk_by_day  # noqa: F401 - risk_by_day: the screens draw it
from ..kit import Kit


def figure_kinds(est: Estimate) -> list[str]:
    """What each of the 100 figures is: 'sure' (a new sentence even at the low end of the estimate),
    'maybe' (inside the uncertainty band) or 'no'."""
    low, high = round(est.low), round(est.high)
    return ["sure" if i < low else "maybe" if i < high else "no" for i in range(100)]


def icon_array(kit: Kit, surf: pygame.Surface | None, est: Estimate, x: int, y: int, cell: int,
               per_row: int = 10) -> int:
    """Draw 100 figures for an estimate at (x, y), `per_row` to a row; returns the height used."""
    th = kit.theme
    size = max(6, int(cell * 0.9))
    if surf is not None:
        for i, kind in enumerate(figure_kinds(est)):
            at = (x + (i % per_row) * cell, y + (i // per_row) * cell)
            if kind == "sure":
                surf.blit(kit.images.icon("person", size, th.bad), at)
            elif kind == "maybe":
                surf.blit(kit.images.icon("person", size, th.track), at)
                surf.blit(kit.images.icon("person_outline", size, th.bad), at)
            else:
                surf.blit(kit.images.icon("person_outline", size, th.muted), at)
    return cell * (100 // per_row)


def legend(kit: Kit, surf: pygame.Surface | None, est: Estimate, x: int, y: int, w: int,
           role: str = "small") -> int:
    """The three kinds of figure, each with its count; returns the height used."""
    th = kit.theme
    y0 = y
    s = max(kit.px(22), kit.line_height(role) - kit.px(6))
    rows = [
        (("person", th.bad), None, kit.ui("ending.legend_sure", n=round(est.low))),
        (("person", th.track), ("person_outline", th.bad),
         kit.ui("ending.legend_maybe", n=round(est.high) - round(est.low))),
        (("person_outline", th.muted), None, kit.ui("ending.legend_no", n=100 - round(est.high))),
    ]
    for first, second, text in rows:
        if surf is not None:
            surf.blit(kit.images.icon(first[0], s, first[1]), (x, y))
            if second:
                surf.blit(kit.images.icon(second[0], s, second[1]), (x, y))
        y += max(s, kit.paragraphs(surf, text, role, th.text, x + s + kit.px(10), y, w - s - kit.px(10))) + kit.px(8)
    return y - y0


def runs_chart(kit: Kit, surf: pygame.Surface | None, runs: list[tuple[str, list[tuple[int, float]]]],
               x: int, y: int, w: int, h: int) -> int:
    """Two runs' risk, day by day, as two lines on one chart with a legend under it; returns the
    height used. The first run is a solid line with round markers, the second a dashed line with
    square ones."""
    k = kit
    th = k.theme
    y0 = y
    lh = k.line_height("small")
    font = k.font("small")
    axis_w = font.size("100 %")[0] + k.px(18)
    plot = pygame.Rect(x + axis_w, y + k.px(8), max(40, w - axis_w - k.px(12)), max(40, h - lh - k.px(16)))
    days = sorted({d for _label, pts in runs for d, _r in pts}) or [0, 1]
    first, last = days[0], max(days[-1], days[0] + 1)
    lo, hi, step = risk_axis([r for _label, pts in runs for _d, r in pts])

    def at(day: float, risk: float) -> tuple[int, int]:
        return (plot.x + int((day - first) / (last - first) * plot.w),
                plot.bottom - int((max(lo, min(hi, risk)) - lo) / (hi - lo) * plot.h))
    if surf is not None:
        pygame.draw.rect(surf, th.panel, plot)
        for pct in range(lo, hi + 1, step):
            py = at(first, pct)[1]
            pygame.draw.line(surf, th.track, (plot.x, py), (plot.right, py), max(1, k.px(1)))
            k.text(surf, f"{pct} %", "small", th.muted, (plot.x - k.px(8), py), "midright",
                   box=pygame.Rect(x, py - lh, axis_w, 2 * lh))
        step = max(1, (last - first) // max(1, plot.w // (font.size("00")[0] + k.px(24))))
        for d in range(first, last + 1, step):
            px = at(d, 0)[0]
            k.text(surf, str(d), "small", th.muted, (px, plot.bottom + k.px(4)), "midtop",
                   box=pygame.Rect(px - k.px(30), plot.bottom, k.px(60), lh + k.px(8)))
        for i, (_label, pts) in enumerate(runs):
            color = th.bad if i == 0 else th.heading
            line = [at(d, r) for d, r in pts]
            thick = max(2, k.px(4))
            if len(line) > 1:
                if i == 0:
                    pygame.draw.lines(surf, color, False, line, thick)
                else:
                    dashed(surf, color, line, thick, k.px(12))
            mark = max(4, k.px(7))
            for p in line:
                if i == 0:
                    pygame.draw.circle(surf, color, p, mark)
                else:
                    pygame.draw.rect(surf, color, pygame.Rect(p[0] - mark, p[1] - mark, 2 * mark, 2 * mark))
    y = plot.bottom + lh + k.px(12)
    lx = x + axis_w
    for i, (label, _pts) in enumerate(runs):
        color = th.bad if i == 0 else th.heading
        sample = k.px(40)
        if surf is not None:
            cy = y + lh // 2
            if i == 0:
                pygame.draw.line(surf, color, (lx, cy), (lx + sample, cy), max(2, k.px(4)))
                pygame.draw.circle(surf, color, (lx + sample // 2, cy), max(4, k.px(7)))
            else:
                dashed(surf, color, [(lx, cy), (lx + sample, cy)], max(2, k.px(4)), k.px(10))
                m = max(4, k.px(7))
                pygame.draw.rect(surf, color, pygame.Rect(lx + sample // 2 - m, cy - m, 2 * m, 2 * m))
        used = k.paragraphs(surf, label, "small", th.text, lx + sample + k.px(10), y, w - axis_w - sample - k.px(10))
        y += max(lh, used) + k.px(4)
    return y - y0


def dashed(surf: pygame.Surface, color, points: list[tuple[int, int]], width: int, dash: int) -> None:
    """A dashed polyline: dashes and gaps of `dash` pixels."""
    on = True
    left = dash
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        length = max(1.0, ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            a = (x1 + (x2 - x1) * done / length, y1 + (y2 - y1) * done / length)
            b = (x1 + (x2 - x1) * (done + step) / length, y1 + (y2 - y1) * (done + step) / length)
            if on:
                pygame.draw.line(surf, color, a, b, width)
            done += step
            left -= step
            if left <= 0:
                on, left = not on, dash
