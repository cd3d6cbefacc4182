"""The numbers of a class report, worked out from result data: plain Python, no HTML.

Runs are grouped by campaign (and training scenario); every figure is computed per group, because
outcomes of different stories are not comparable.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from ..core.content import Choice, Content

MIN_SIDE = 5          # runs needed on each side before a choice's difference is shown
TOP_SCENES = 10
TOP_CHOICES = 8


@dataclass
class Run:
    """One usable result, with where it came from (a file name or a code as typed)."""

    source: str
    data: dict[str, Any]

    @property
    def risk(self) -> float | None:
        value = self.data.get("end", {}).get("risk")
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    @property
    def from_code(self) -> bool:
        return bool(self.data.get("from_code"))

    def offered(self) -> dict[str, set[str]]:
        """{scene: the choices it offered this run} where the result recorded them (newer files do)."""
        out: dict[str, set[str]] = {}
        for h in self.data.get("choices", []):
            if isinstance(h, dict) and isinstance(h.get("scene"), str) and isinstance(h.get("offered"), list):
                out.setdefault(h["scene"], set()).update(str(c) for c in h["offered"])
        return out

    def decisions(self) -> list[tuple[str, str]]:
        """(scene, choice) of every real decision, in order (a lone "Continue" is not one)."""
        out = []
        for h in self.data.get("choices", []):
            if isinstance(h, dict) and isinstance(h.get("scene"), str) and isinstance(h.get("choice"), str) \
                    and h["choice"] != "continue":
                out.append((h["scene"], h["choice"]))
        return out


@dataclass
class Group:
    campaign: str
    scenario: str | None
    runs: list[Run] = field(default_factory=list)


def group_runs(content: Content, runs: list[Run]) -> list[Group]:
    """Runs by (campaign, scenario), in the content's campaign order, whole campaigns first."""
    groups: dict[tuple[str, str | None], Group] = {}
    for run in runs:
        scenario = run.data.get("scenario")
        scenario = scenario if isinstance(scenario, str) else None
        key = (run.data["campaign"], scenario)
        groups.setdefault(key, Group(key[0], key[1])).runs.append(run)
    camps = list(content.campaigns)
    scens = list(content.scenarios)
    roles = list(content.roles)

    def order(g: Group) -> tuple:
        camp = content.campaigns.get(g.campaign)
        role = roles.index(camp.role) if camp is not None and camp.role in roles else len(roles)
        return (role, camps.index(g.campaign) if g.campaign in camps else len(camps),
                -1 if g.scenario is None else scens.index(g.scenario) if g.scenario in scens else len(scens))
    return sorted(groups.values(), key=order)


def choice_of(content: Content, scene: str, choice: str) -> Choice | None:
    sc = content.scenes.get(scene)
    return next((c for c in sc.choices if c.id == choice), None) if sc else None


# -- outcomes ------------------------------------------------------------------------------------
@dataclass
class Spread:
    n: int
    mean: float
    median: float
    low: float
    high: float


def spread(values: list[float]) -> Spread | None:
    if not values:
        return None
    return Spread(len(values), statistics.fmean(values), statistics.median(values), min(values), max(values))


def bins(values: list[float], width: int = 10) -> list[tuple[int, int, int]]:
    """(from, to, count) for 0-9, 10-19, ... 90-100 (100 counts in the last bin)."""
    out = []
    for lo in range(0, 100, width):
        hi = lo + width
        n = sum(1 for v in values if lo <= v < hi or (hi == 100 and v >= 100))
        out.append((lo, min(hi, 100), n))
    return out


def endings(content: Content, group: Group) -> list[tuple[str, int]]:
    """(ending id, runs) in the campaign's order; unknown endings after, never dropped."""
    counts: dict[str, int] = {}
    for run in group.runs:
        end = run.data.get("end", {}).get("ending")
        counts[end or ""] = counts.get(end or "", 0) + 1
    camp = content.campaigns.get(group.campaign)
    known = [e.id for e in camp.endings] if camp else []
    out = [(e, counts.pop(e)) for e in known if e in counts]
    return out + sorted(counts.items(), key=lambda kv: -kv[1])


def residents(group: Group) -> list[tuple[str, float, dict[str, int]]]:
    """For a campaign that follows residents: (who, mean risk, epilogue counts)."""
    risks: dict[str, list[float]] = {}
    epilogues: dict[str, dict[str, int]] = {}
    for run in group.runs:
        for who, r in (run.data.get("end", {}).get("residents") or {}).items():
            if not isinstance(r, dict) or not isinstance(r.get("risk"), (int, float)):
                continue
            risks.setdefault(who, []).append(float(r["risk"]))
            ep = r.get("epilogue") or ""
            epilogues.setdefault(who, {})
            epilogues[who][ep] = epilogues[who].get(ep, 0) + 1
    return [(who, statistics.fmean(vals), epilogues[who]) for who, vals in risks.items()]


# -- choices -------------------------------------------------------------------------------------
@dataclass
class SceneShares:
    scene: str
    reached: int                      # runs that made a decision here
    choices: list[tuple[str, int]]    # (choice id, runs that took it at least once), most taken first


def common_choices(group: Group, top: int = TOP_SCENES) -> list[SceneShares]:
    """The scenes most runs reached, in the order they usually come, with each choice's runs."""
    reached: dict[str, int] = {}
    took: dict[str, dict[str, int]] = {}
    position: dict[str, list[int]] = {}
    for run in group.runs:
        seen_scenes: set[str] = set()
        seen_pairs: set[tuple[str, str]] = set()
        for i, (scene, choice) in enumerate(run.decisions()):
            if scene not in seen_scenes:
                seen_scenes.add(scene)
                reached[scene] = reached.get(scene, 0) + 1
                position.setdefault(scene, []).append(i)
            if (scene, choice) not in seen_pairs:
                seen_pairs.add((scene, choice))
                took.setdefault(scene, {})
                took[scene][choice] = took[scene].get(choice, 0) + 1
    chosen = sorted(reached, key=lambda s: (-reached[s], statistics.fmean(position[s])))[:top]
    chosen.sort(key=lambda s: statistics.fmean(position[s]))
    return [SceneShares(s, reached[s], sorted(took[s].items(), key=lambda kv: -kv[1])) for s in chosen]


@dataclass
class Association:
    scene: str
    choice: str
    n_with: int
    mean_with: float
    n_without: int
    mean_without: float

    @property
    def difference(self) -> float:
        return self.mean_with - self.mean_without


def _could(key: tuple[str, str], taken: set[tuple[str, str]], offered: dict[str, set[str]]) -> bool:
    """Whether a run could have made the choice `key`: it was on offer, or (no record of what was on
    offer) the run reached its scene."""
    scene, choice = key
    if scene in offered:
        return choice in offered[scene]
    return any(s == scene for s, _ in taken)


def associations(group: Group, min_side: int = MIN_SIDE, top: int = TOP_CHOICES) -> list[Association]:
    """Choices whose takers ended furthest from the rest, among runs that carry their choices.

    A choice is compared only among the runs that could make it: those whose result records it on
    offer (a choice one character has is not compared with the other characters), or, in older
    files that do not record what was on offer, those that reached its scene."""
    runs = [(r.risk, set(r.decisions()), r.offered()) for r in group.runs if not r.from_code and r.risk is not None]
    keys = sorted({k for _, taken, _ in runs for k in taken})
    out = []
    for key in keys:
        with_ = [risk for risk, taken, _ in runs if key in taken]
        without = [risk for risk, taken, offered in runs if key not in taken and _could(key, taken, offered)]
        if len(with_) < min_side or len(without) < min_side:
            continue
        out.append(Association(key[0], key[1], len(with_), statistics.fmean(with_), len(without),
                               statistics.fmean(without)))
    out.sort(key=lambda a: (-abs(a.difference), a.scene, a.choice))
    return out[:top]


# -- training ------------------------------------------------------------------------------------
@dataclass
class PrincipleScore:
    principle: str
    followed: int
    broken: int
    runs_followed: int
    runs_broken: int


def principle_scores(content: Content, group: Group) -> list[PrincipleScore]:
    """Totals per principle over the group, in the order the content lists principles."""
    totals: dict[str, list[int]] = {}
    for run in group.runs:
        for pid, pair in (run.data.get("principles") or {}).items():
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, int) for v in pair)):
                continue
            t = totals.setdefault(pid, [0, 0, 0, 0])
            t[0] += pair[0]
            t[1] += pair[1]
            t[2] += 1 if pair[0] else 0
            t[3] += 1 if pair[1] else 0
    order = list(content.principles)
    pids = sorted(totals, key=lambda p: order.index(p) if p in order else len(order))
    return [PrincipleScore(p, *totals[p]) for p in pids if totals[p][0] or totals[p][1]]


def is_training(group: Group) -> bool:
    return any(r.data.get("mode") == "training" for r in group.runs)


def has_principles(group: Group) -> bool:
    """Whether any run recorded principles (officer runs do, in class mode too)."""
    return any(r.data.get("principles") for r in group.runs)


def marks(content: Content, run: Run) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """Each decision of a run with the principles it followed and broke (read from the content)."""
    out = []
    for scene, choice in run.decisions():
        c = choice_of(content, scene, choice)
        out.append((scene, choice, c.follows if c else (), c.breaks if c else ()))
    return out
