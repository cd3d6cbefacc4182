"""The "choices that teach" targets, measured with simulated playthroughs.

A story teaches through its choices only if reading them matters. These figures say whether it does:

  * pressing the first choice every time ends at least 10 points worse than engaged play;
  * reading only the default preview (the home room's level) ends at least 5 points worse;
  * idling until halfway through the story (day 4 of the resident's nine) and then engaging ends
    between 3 and 15 points worse than engaged: a late turn-around costs, but pays;
  * for each resident profile, focusing on work, on school or on family ends at least 5 points apart
    (best against worst), and the best focus is not the same for every profile.

All figures are mean two-year risk estimates in percent. `measure()` takes the figures and `failures()`
lists the targets they miss; docs/model.md quotes them, benchmarks/choices.py prints them and the
tests keep them true.
"""

from __future__ import annotations

import statistics
from typing import Any

from ..content import Content
from . import preview as pv
from .simulate import simulate

FOCUSES = ("work", "study", "family")
LATE_DAY = 4  # about halfway: day 8 of sixteen before the cut of issue 14, day 4 of nine after it
FIRST_GAP, PREVIEW_GAP, LATE_RANGE, FOCUS_SPREAD = 10.0, 5.0, (3.0, 15.0), 5.0


def _mean(content: Content, campaign: str, policy: str, runs: int, seed: int,
          profile: str | None = None) -> float:
    return round(statistics.fmean(simulate(content, campaign, runs=runs, seed=seed, policy=policy,
                                           profile=profile).risks), 2)


def full_campaign(content: Content, role: str) -> str | None:
    """The role's full campaign (the one the targets are about)."""
    return next((cid for cid, c in content.campaigns.items() if c.role == role and c.kind == "full"), None)


def measure(content: Content, runs: int = 400, seed: int = 0) -> dict[str, Any]:
    """Mean final risk for each policy the targets name, per role (and per profile for the foci)."""
    out: dict[str, Any] = {"runs": runs, "seed": seed, "preview_level": pv.default_level("home")}
    for role in ("resident", "officer"):
        cid = full_campaign(content, role)
        if cid is None:
            continue
        fig: dict[str, Any] = {"campaign": cid}
        for policy in ("engaged", "first", "preview", "preview:direction", "random", "idle"):
            fig[policy] = _mean(content, cid, policy, runs, seed)
        camp = content.campaigns[cid]
        if camp.subject == "player":
            fig[f"late:{LATE_DAY}"] = _mean(content, cid, f"late:{LATE_DAY}", runs, seed)
            fig["profiles"] = {}
            for prof in camp.profiles:
                row = {"engaged": _mean(content, cid, "engaged", runs, seed, prof.id)}
                for focus in FOCUSES:
                    row[f"focus:{focus}"] = _mean(content, cid, f"focus:{focus}", runs, seed, prof.id)
                fig["profiles"][prof.id] = row
        out[role] = fig
    return out


def best_focus(row: dict[str, float]) -> str:
    """The focus with the lowest mean risk in a profile's row."""
    return min(FOCUSES, key=lambda f: row[f"focus:{f}"])


def failures(fig: dict[str, Any]) -> list[str]:
    """Each target the figures miss, in words; empty when all hold."""
    out: list[str] = []
    for role in ("resident", "officer"):
        r = fig.get(role)
        if r is None:
            continue
        if r["first"] - r["engaged"] < FIRST_GAP:
            out.append(f"{role}: always-first ends {r['first']} against engaged {r['engaged']} "
                       f"(needs {FIRST_GAP:g} points worse)")
        if r["preview"] - r["engaged"] < PREVIEW_GAP:
            out.append(f"{role}: reading the preview ends {r['preview']} against engaged {r['engaged']} "
                       f"(needs {PREVIEW_GAP:g} points worse)")
        late = r.get(f"late:{LATE_DAY}")
        if late is not None:
            low, high = LATE_RANGE
            if not low <= late - r["engaged"] <= high:
                out.append(f"{role}: idle until day {LATE_DAY} then engaged ends {late} against engaged "
                           f"{r['engaged']} (needs {low:g} to {high:g} points worse)")
        profiles = r.get("profiles", {})
        for pid, row in profiles.items():
            values = [row[f"focus:{f}"] for f in FOCUSES]
            if max(values) - min(values) < FOCUS_SPREAD:
                out.append(f"{role} {pid}: focus on work, study and family ends "
                           f"{', '.join(str(v) for v in values)} (needs {FOCUS_SPREAD:g} points apart)")
        if len(profiles) > 1 and len({best_focus(row) for row in profiles.values()}) == 1:
            out.append(f"{role}: the best focus is {best_focus(next(iter(profiles.values())))} for every "
                       "profile")
    return out
