"""Two runs of a "what if" side by side: each run's estimated risk day by day, and the risk axis a
chart of them uses. The window's chart (ui/screens/charts.py) and the browser page's (web/views.py)
draw the same numbers from here."""

from __future__ import annotations

from typing import Any


def risk_by_day(run: dict[str, Any]) -> list[tuple[int, float]]:
    """A run's estimated risk at the end of each day it played (from its choices), day 0 its start."""
    points: dict[int, float] = {}
    for h in run.get("choices", []):
        if "risk_after" not in h:
            continue
        if not points and "risk_before" in h:
            points[0] = float(h["risk_before"])
        points[int(h.get("day", 0))] = float(h["risk_after"])
    return sorted(points.items())


def risk_axis(values: list[float]) -> tuple[int, int, int]:
    """The risk axis for these values: (lowest, highest, step), in whole tens around the values and at
    least 20 points tall, so that two runs a few points apart are told apart on the chart."""
    if not values:
        return 0, 100, 25
    lo = max(0, int((min(values) - 5) // 10) * 10)
    hi = min(100, -(-int(max(values) + 5) // 10) * 10)
    while hi - lo < 20:
        lo, hi = max(0, lo - 10), min(100, hi + 10)
    return lo, hi, 5 if hi - lo <= 30 else 10
