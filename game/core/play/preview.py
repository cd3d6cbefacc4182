"""What a front end may show about a choice before the player takes it.

A preview must not be an answer key. It has three levels:

  off        nothing but the choice's words (and its price, see `costs`);
  meters     which meters the choice touches, with no direction;
  direction  for each meter, whether the change is better or worse *for the person*, never the
             raw up or down (peer pressure going up is worse; it is drawn as worse).

Only the choice's own immediate effects are previewed: what happens in the scene it leads to, what
an event drawn from a pool does, and what a choice does days later (`later:`) are not. What changed,
and why, is shown after the choice and at the end of the day.

A choice's cost in the player's budgets is always shown: it is the price, not a hint, and a budget
the player cannot see would not be a trade-off.

The default level depends on the room; it is decided here, once, for every front end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content import Choice, Content, Variable

OFF, METERS, DIRECTION = "off", "meters", "direction"
LEVELS = (OFF, METERS, DIRECTION)
BETTER, WORSE, UNCLEAR = "better", "worse", "unclear"

# The default preview level of each room (docs/teachers.md and docs/trainers.md say why):
#   home and kiosk: which meters, so a visitor sees what is at stake without being told what to pick;
#   classroom: which meters, so students link choices to the risk factors they will discuss;
#   training: off, because on a real unit nothing labels the options; the review comes afterwards.
ROOM_DEFAULTS = {"home": METERS, "class": METERS, "training": OFF, "kiosk": METERS}


def default_level(room: str) -> str:
    """The preview level a room starts with ("home" for anything unknown)."""
    return ROOM_DEFAULTS.get(room, ROOM_DEFAULTS["home"])


@dataclass(frozen=True, slots=True)
class Hint:
    """One meter a choice touches: whose (None for the player), which, and, at the direction level,
    whether the change is better or worse for that person ("" at the meters level)."""

    owner: str | None
    var: str
    verdict: str = ""


def hints(content: Content, choice: Choice, level: str) -> list[Hint]:
    """The meters a choice touches, as the given level may show them, in the order of its effects.

    Only model variables a player can see as meters are named (not fixed ones such as history, not
    story counters); a change whose sign cannot be read off the effect is UNCLEAR.
    """
    if level not in (METERS, DIRECTION):
        return []
    kinds = content.model.kinds
    out: list[Hint] = []
    for owner, var, sign in choice.preview:
        kind = kinds.get(var)
        if kind is None or kind == "fixed":
            continue
        if level == METERS:
            out.append(Hint(owner, var))
            continue
        if sign == 0:
            verdict = UNCLEAR
        else:
            good = (sign < 0) if kind == "risk" else (sign > 0)
            verdict = BETTER if good else WORSE
        out.append(Hint(owner, var, verdict))
    return out


def costs(content: Content, choice: Choice) -> list[tuple[str, float]]:
    """What the choice spends of the player's budgets, as (budget, amount): shown at every level."""
    out = []
    for name, amount in choice.cost.items():
        spec = content.variables.get(name)
        if spec is not None and spec.budget is not None and amount:
            out.append((name, float(amount)))
    return out


def budgets(content: Content) -> dict[str, Variable]:
    """The budgets the content declares (global variables with a `budget:` entry), by name."""
    return {name: spec for name, spec in content.variables.items() if spec.budget is not None}


def touches_in_words(content: Content, choice: Choice, level: str, lang: str) -> str:
    """The meters a choice touches, as `level` shows them, in words for the text front ends
    ("Jonas: Trust better, Wellbeing"); "" when the level shows none."""
    parts = []
    for h in hints(content, choice, level):
        owner = content.characters.get(h.owner) if h.owner else None
        who = f"{content.text(owner.name, lang)}: " if owner else ""
        spec = content.model.variables.get(h.var)
        name = content.text(spec.name, lang) if spec else h.var
        verdict = f" {content.ui('preview.' + h.verdict, lang)}" if h.verdict else ""
        parts.append(f"{who}{name}{verdict}")
    return ", ".join(parts)


def amounts_in_words(content: Content, pairs: list[tuple[str, float]], lang: str) -> str:
    """Budgets and amounts as words: "Energy 1, Money 100 kr"."""
    parts = []
    for name, amount in pairs:
        budget = content.variables[name].budget
        unit = content.text(budget.unit, lang) if budget is not None else ""
        label = content.text(budget.name, lang) if budget is not None else name
        parts.append(f"{label} {amount:g}" + (f" {unit}" if unit else ""))
    return ", ".join(parts)


def changes_in_words(content: Content, log: list[dict[str, Any]], lang: str,
                     arrow: str = "→") -> list[tuple[str, list[str]]]:
    """What changed, and why, for the text front ends: each reason once, with the rows of the
    meters and budgets it moved ("Jonas: Trust 40 → 46 (better)"), as the window's day end lists
    them. Log entries for anything else (a flag, a text) are left out."""
    groups: list[tuple[str, list[str]]] = []
    shown = budgets(content)
    for entry in log:
        var = entry["var"]
        before, after = round(entry["before"]), round(entry["after"])
        if var in shown:
            budget = shown[var].budget
            row = f"{content.text(budget.name, lang) if budget else var} {before} {arrow} {after}"
        elif var in content.model.variables:
            owner = content.characters.get(entry["who"]) if entry.get("who") else None
            who = f"{content.text(owner.name, lang)}: " if owner else ""
            better = content.model.is_improvement(var, entry["after"] - entry["before"])
            name = content.text(content.model.variables[var].name, lang)
            verdict = content.ui("dayend.better" if better else "dayend.worse", lang)
            row = f"{who}{name} {before} {arrow} {after} ({verdict})"
        else:
            continue
        why = content.text(entry.get("why"), lang) if entry.get("why") else ""
        why = why or content.ui("dayend.no_reason", lang)
        if groups and groups[-1][0] == why:
            groups[-1][1].append(row)
        else:
            groups.append((why, [row]))
    return groups

