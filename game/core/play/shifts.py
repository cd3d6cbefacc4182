"""Training's numbers for one shift: what each decision and each shift did to each resident, which
principles a decision followed and broke, and whether it was the expert's choice.

A two-year estimate of reoffending barely moves in one shift: averaged over the unit, every
decision of a review read "32.8% to 32.8%", and the best and the worst trainee scored the same.
What does move, decision by decision, is each resident's trust, wellbeing and the rest, and each
resident's own estimate a little; so those are recorded per resident, per decision (beside the
choice in the run's history) and per shift (from the state at the start of each day).

    before = residents_now(engine)            # before a decision...
    changes = resident_changes(content, before, residents_now(engine))   # ...and after it
    summaries = shift_summaries(engine)       # one per day played: what a result file keeps
    expert = expert_choice(scene, offered)    # the choice an experienced officer would make here
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..content import Choice, Content, Scene
from .engine import Engine

Values = dict[str, dict[str, float]]


def residents_now(engine: Engine) -> Values:
    """A copy of the values of every resident the campaign follows (empty for a player's story)."""
    st = engine.state
    return {who: dict(st.chars[who]) for who in engine.campaign.residents if who in st.chars}


def resident_changes(content: Content, before: Values, after: Values) -> dict[str, dict[str, Any]]:
    """For each resident whose values changed: {"vars": {var: [before, after]}, "risk": [before, after]}
    (the estimate of a new sentence within two years, in percent, from the content's model)."""
    out: dict[str, dict[str, Any]] = {}
    model = content.model
    for who, now in after.items():
        was = before.get(who, {})
        moved = {var: [round(was.get(var, value), 2), round(value, 2)] for var, value in now.items()
                 if abs(was.get(var, value) - value) >= 0.005}
        if moved:
            out[who] = {"vars": moved, "risk": [round(model.risk(was), 2), round(model.risk(now), 2)]}
    return out


def expert_choice(scene: Scene | None, offered: list[str] | None = None) -> Choice | None:
    """The choice of this scene marked as the expert's: the first one among those offered (a scene may
    mark one per situation, each under its own condition), or the first of all when `offered` is
    unknown."""
    if scene is None:
        return None
    for c in scene.choices:
        if c.expert and (offered is None or c.id in offered):
            return c
    return None


@dataclass(frozen=True)
class Mark:
    """One decision of a run, read against the content: the principles it followed and broke, and the
    expert's choice where the scene marks one (`expert` is None when it does not)."""

    scene: str
    choice: str
    follows: tuple[str, ...]
    breaks: tuple[str, ...]
    expert: str | None

    @property
    def as_expert(self) -> bool:
        return self.expert is not None and self.expert == self.choice


def mark(content: Content, entry: Mapping[str, Any]) -> Mark:
    """A history entry (or a result file's choice) read against the content."""
    scene_id, choice_id = str(entry.get("scene", "")), str(entry.get("choice", ""))
    scene = content.scenes.get(scene_id)
    choice = next((c for c in scene.choices if c.id == choice_id), None) if scene else None
    offered = entry.get("offered")
    offered = [str(x) for x in offered] if isinstance(offered, list) else None
    expert = expert_choice(scene, offered)
    return Mark(scene_id, choice_id, choice.follows if choice else (), choice.breaks if choice else (),
                expert.id if expert else None)


def principle_counts(marks: list[Mark]) -> dict[str, list[int]]:
    """{principle: [followed, broken]} over these decisions."""
    out: dict[str, list[int]] = {}
    for m in marks:
        for pid in m.follows:
            out.setdefault(pid, [0, 0])[0] += 1
        for pid in m.breaks:
            out.setdefault(pid, [0, 0])[1] += 1
    return out


def shift_summaries(engine: Engine) -> list[dict[str, Any]]:
    """One summary per day played of a campaign that follows residents (an officer's shifts):

        {"day": 3, "scenario": "kitchen_rota", "decisions": 4, "principles": {"listen": [1, 0]},
         "expert": [2, 4], "residents": {"ali": {"vars": {"trust": [40, 46]}, "risk": [31.2, 30.1]}}}

    `expert` is [decisions that were the expert's choice, decisions whose scene marks one]. The
    residents' changes run from the state at the start of the day to the start of the next (or now)."""
    if not engine.campaign.residents:
        return []
    st = engine.state
    content = engine.content
    starts = [snap for snap in st.days if isinstance(snap, dict) and isinstance(snap.get("day"), int)]
    out = []
    for i, snap in enumerate(starts):
        day = snap["day"]
        before = {who: dict(v) for who, v in (snap.get("chars") or {}).items() if who in engine.campaign.residents}
        if i + 1 < len(starts):
            after = {who: dict(v) for who, v in (starts[i + 1].get("chars") or {}).items() if who in before}
        else:
            after = {who: dict(st.chars[who]) for who in before if who in st.chars}
        marks = [mark(content, h) for h in st.history if h.get("day") == day and h.get("choice") != "continue"]
        judged = [m for m in marks if m.expert is not None]
        out.append({"day": day, "scenario": _scenario_of(engine, snap), "decisions": len(marks),
                    "principles": principle_counts(marks),
                    "expert": [sum(1 for m in judged if m.as_expert), len(judged)],
                    "residents": resident_changes(content, before, after)})
    return out


def _scenario_of(engine: Engine, snap: dict[str, Any]) -> str | None:
    """The training scenario of the day a snapshot starts, if the calendar names one."""
    try:
        scenario = engine.blocks[int(snap["block"])].days[int(snap["day_index"])].scenario
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return scenario if isinstance(scenario, str) else None
