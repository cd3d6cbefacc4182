"""Lint's checks on numbers: effects that would take a meter out of 0-100 or a budget below its minimum.

Nothing a rule does can crash a game: the engine clamps every value into its range and notes the
effect that tried to leave it. These checks tell the author where, as `path:line:col` warnings:

  * statically, an effect that sets a value (`=`) to a constant outside its range;
  * from the simulated playthroughs lint runs anyway, an effect that spent a budget the player did not
    have (give the choice a `cost:` or an `if:` instead), or set a meter outside 0-100.
"""

from __future__ import annotations

from typing import Any, Iterator

from .diagnostics import Report
from .play.changes import Clamp
from .rules.compiled import EffectData

Data = dict[str, Any]  # the content's normalised data, as the loader leaves it


def effects_in(data: Data) -> Iterator[EffectData]:
    """Every effect line in the content (scenes, choices, delayed effects, the model's daily rules)."""
    for scene in data.get("scenes", {}).values():
        yield from scene.get("do", [])
        for choice in scene.get("choices", []):
            yield from choice.get("do", [])
            for later in choice.get("later", []):
                yield from later.get("do", [])
    for rule in (data.get("model") or {}).get("daily", []):
        yield from rule.get("do", [])


def _place(effect: EffectData) -> tuple[str, int, int]:
    path, line, col = effect.get("at", "content:1:1").rsplit(":", 2)
    return path, int(line), int(col)


def _range(name: str, data: Data) -> tuple[float | None, float | None, str]:
    """(lowest, highest, what) for a variable: a meter is 0-100, a global its min and max."""
    if name in (data.get("model") or {}).get("variables", {}):
        return 0.0, 100.0, "meter"
    spec = data.get("variables", {}).get(name, {})
    if spec.get("type") != "number":
        return None, None, ""
    low = spec.get("min", 0 if spec.get("budget") else None)
    return low, spec.get("max"), "budget" if spec.get("budget") else "variable"


def check_constants(data: Data, report: Report) -> None:
    """`x = N` with N outside x's range: warned where it is written."""
    for effect in effects_in(data):
        for st in effect["ast"]:
            if st[0] != "set" or st[1] != "=":
                continue
            target, value = st[2], st[3]
            if value[0] == "neg" and value[1][0] == "num":
                number = -value[1][1]
            elif value[0] == "num":
                number = value[1]
            else:
                continue
            name = target[2] if target[0] == "attr" else target[1]
            low, high, what = _range(name, data)
            if (low is not None and number < low) or (high is not None and number > high):
                bound = low if low is not None and number < low else high
                path, line, col = _place(effect)
                report.warning(path, line, col, f"sets {what} '{name}' to {number:g}, outside its range; "
                                                f"it is clamped to {bound:g} when the game runs", "L515")


def check_clamped(data: Data, clamped: dict[str, Clamp], runs: int, report: Report) -> None:
    """Effects that left a range in simulated playthroughs (pointer -> [times, variable, worst])."""
    by_pointer: dict[str, EffectData] = {e["ptr"]: e for e in effects_in(data)}
    for pointer, (times, name, worst) in sorted(clamped.items()):
        effect = by_pointer.get(pointer)
        if effect is None:
            continue
        path, line, col = _place(effect)
        low, high, what = _range(name, data)
        if what == "budget":
            report.warning(path, line, col, f"spends budget '{name}' the player does not have (it would "
                                            f"reach {worst:g}; seen {times} time(s) in {runs} simulated "
                                            f"playthroughs); it is clamped to {low:g}: give the choice "
                                            f"'cost: {{{name}: ...}}' or an 'if:' so it is only offered "
                                            "when the player can pay", "L516")
        else:
            report.warning(path, line, col, f"sets {what} '{name}' to {worst:g}, outside its range (seen "
                                            f"{times} time(s) in {runs} simulated playthroughs); it is "
                                            "clamped when the game runs", "L515")


def budget_usage(data: Data) -> tuple[set[str], set[str]]:
    """Budgets read and spent through choices' costs, and globals set by profiles: (read, set), for the
    'set but never read' checks."""
    read: set[str] = set()
    written: set[str] = set()
    for scene in data.get("scenes", {}).values():
        for choice in scene.get("choices", []):
            read |= set(choice.get("cost", {}))
            written |= set(choice.get("cost", {}))
    for camp in data.get("campaigns", {}).values():
        for prof in camp.get("profiles", []):
            written |= set(prof.get("vars", {}))
    return read, written
