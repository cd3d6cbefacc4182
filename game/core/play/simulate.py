"""Headless playthroughs in bulk, to see how a story's outcomes spread and how long it takes to read.

The policies (how the simulated player chooses) are in policies.py. Each run also counts what a
player would read: the words shown (scene titles and texts, the choices offered, the reason shown
after a choice, the ending and its epilogues) and the decisions made (scenes offering two or more
choices), and turns them into minutes at 200 words a minute and 5 seconds a decision.
"""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from typing import Any, Callable

from ..content import Choice, Content
from ..gcpause import gc_paused
from ..words import words
from .campaigns import reachable_scenes
from .engine import CONTINUE, Engine
from .policies import BASIC as POLICIES, Policy, PolicyError, make_policy  # noqa: F401 - re-exported

WORDS_PER_MINUTE = 200
SECONDS_PER_DECISION = 5


@dataclass
class SimResult:
    campaign: str
    policy: str
    runs: int
    risks: list[float] = field(default_factory=list)
    wellbeing: list[float] = field(default_factory=list)
    endings: dict[str, int] = field(default_factory=dict)
    epilogues: dict[str, int] = field(default_factory=dict)
    scenes_seen: set[str] = field(default_factory=set)
    choices_seen: set[str] = field(default_factory=set)
    scenes_total: int = 0
    choices_total: int = 0
    choice_runs: dict[str, list[float]] = field(default_factory=dict)  # choice key -> final risks
    steps: int = 0
    choices_made: int = 0
    clamped: dict[str, list] = field(default_factory=dict)  # effect pointer -> [times, variable, worst value]
    words: list[int] = field(default_factory=list)       # per run
    decisions: list[int] = field(default_factory=list)   # per run

    def minutes(self) -> list[float]:
        return [w / WORDS_PER_MINUTE + d * SECONDS_PER_DECISION / 60 for w, d in zip(self.words, self.decisions)]

    def summary(self) -> dict[str, Any]:
        def dist(xs: list[float]) -> dict[str, float]:
            if not xs:
                return {}
            qs = statistics.quantiles(xs, n=10) if len(xs) >= 2 else [xs[0]] * 9
            return {"mean": round(statistics.fmean(xs), 2), "p10": round(qs[0], 2),
                    "p50": round(statistics.median(xs), 2), "p90": round(qs[8], 2),
                    "min": round(min(xs), 2), "max": round(max(xs), 2)}
        return {
            "campaign": self.campaign, "policy": self.policy, "runs": self.runs,
            "risk": dist(self.risks), "wellbeing": dist(self.wellbeing),
            "endings": dict(sorted(self.endings.items(), key=lambda kv: -kv[1])),
            "epilogues": dict(sorted(self.epilogues.items(), key=lambda kv: -kv[1])),
            "coverage": {
                "scenes": round(len(self.scenes_seen) / self.scenes_total, 3) if self.scenes_total else 1.0,
                "choices": round(len(self.choices_seen) / self.choices_total, 3) if self.choices_total else 1.0,
                "scenes_seen": len(self.scenes_seen), "scenes_total": self.scenes_total,
                "choices_seen": len(self.choices_seen), "choices_total": self.choices_total,
            },
            "decisive": self.decisive(),
            "choices_per_run": round(self.choices_made / self.runs, 1) if self.runs else 0,
            "minutes": {k: v for k, v in dist(self.minutes()).items() if k in ("mean", "p90")},
            "words": round(statistics.fmean(self.words)) if self.words else 0,
            "decisions": round(statistics.fmean(self.decisions), 1) if self.decisions else 0,
        }

    def decisive(self, top: int = 5) -> list[dict[str, Any]]:
        """Choices whose takers ended with the most different risk from everyone else."""
        if len(self.risks) < 10:
            return []
        overall = statistics.fmean(self.risks)
        n = len(self.risks)
        rows = []
        for key, vals in self.choice_runs.items():
            if len(vals) < 5 or len(vals) > n - 5:
                continue
            with_mean = statistics.fmean(vals)
            without = (overall * n - sum(vals)) / (n - len(vals))
            rows.append({"choice": key, "runs": len(vals), "difference": round(with_mean - without, 2)})
        rows.sort(key=lambda r: -abs(r["difference"]))
        return rows[:top]


@gc_paused  # a game's history and log live until it ends: no cycles to collect while it runs
def play_once(content: Content, campaign: str, seed: int, policy: Callable[[list[Choice]], Choice],
              profile: str | None = None, scenario: str | None = None, max_steps: int = 20000,
              reading: "Reading | None" = None) -> tuple[Engine, list[str]]:
    """Play one game to its end; returns the engine and the keys of the choices made. With `reading`,
    the words shown and the decisions made are counted into it."""
    engine = Engine.new(content, campaign, profile=profile, seed=seed, scenario=scenario)
    engine.ctx.record = False  # no one reads the day's list of changes (the day-end screen's) here
    bind = getattr(policy, "bind", None)
    if bind is not None:
        bind(engine)
    taken: list[str] = []
    steps = 0
    while engine.state.status != "ending":
        steps += 1
        if steps > max_steps:
            raise RuntimeError(f"playthrough did not end after {max_steps} steps (seed {seed})")
        if engine.state.status == "scene":
            offered = engine.choices()
            picked = policy(offered)
            if reading is not None:
                reading.scene(engine, offered, picked)
            if picked is not CONTINUE:
                taken.append(f"{engine.state.scene}:{picked.id}")
            engine.choose(picked)
        else:
            engine.proceed()
    if reading is not None:
        reading.ending(engine)
    return engine, taken


class Reading:
    """Counts what a player reads in one language: words shown and decisions made."""

    def __init__(self, content: Content, lang: str):
        self.content, self.lang = content, lang
        self.words = 0
        self.decisions = 0
        self._counted: dict[int, int] = {}  # id of a text -> its words (texts are shared, not copied)

    def count(self, text: dict | None) -> int:
        if not text:
            return 0
        key = id(text)
        n = self._counted.get(key)
        if n is None:
            n = self._counted[key] = words(self.content.text(text, self.lang))
        return n

    def reset(self) -> None:
        self.words = self.decisions = 0

    def scene(self, engine: Engine, offered: list[Choice], picked: Choice) -> None:
        scene = engine.scene
        if scene is None:
            return
        self.words += self.count(scene.title) + self.count(engine.scene_text(scene))
        if len(offered) > 1:
            self.decisions += 1
            self.words += sum(self.count(c.text) for c in offered)
        else:
            self.words += 1  # "Continue"
        self.words += self.count(picked.why)

    def ending(self, engine: Engine) -> None:
        view = engine.ending_view()
        self.words += self.count(view.ending.title) + self.count(view.ending.text)
        for _who, epilogue, _est in view.epilogues:
            if epilogue is not None:
                self.words += self.count(epilogue.title) + self.count(epilogue.text)


def simulate(content: Content, campaign: str, runs: int = 100, seed: int = 0, policy: str = "random",
             profile: str | None = None) -> SimResult:
    camp = content.campaigns[campaign]
    result = SimResult(campaign=campaign, policy=policy, runs=runs)
    reachable = reachable_scenes(content, campaign)
    result.scenes_total = len(reachable)
    result.choices_total = sum(len(content.scenes[s].choices) for s in reachable)
    reading = Reading(content, content.default_lang)
    for i in range(runs):
        rng = random.Random(seed * 1_000_003 + i)
        pick = make_policy(policy, content, rng)
        prof = profile
        if prof is None and camp.profiles:
            prof = camp.profiles[rng.randrange(len(camp.profiles))].id
        reading.reset()
        engine, taken = play_once(content, campaign, seed + i, pick, profile=prof, reading=reading)
        for where, (times, var, worst) in engine.clamped.items():
            entry = result.clamped.setdefault(where, [0, var, worst])
            entry[0] += times
            if abs(worst) > abs(entry[2]):
                entry[2] = worst
        result.words.append(reading.words)
        result.decisions.append(reading.decisions)
        st = engine.state
        risk = engine.mean_risk()
        result.risks.append(risk)
        if st.subject is not None:
            result.wellbeing.append(st.subject.get("wellbeing", 0.0))
        elif camp.residents:
            result.wellbeing.append(engine.average("wellbeing"))
        result.endings[st.ending or ""] = result.endings.get(st.ending or "", 0) + 1
        for who, ep, _est in engine.ending_view().epilogues:
            key = f"{who}:{ep.id if ep else '-'}"
            result.epilogues[key] = result.epilogues.get(key, 0) + 1
        result.scenes_seen.update(s for s in st.seen if s in reachable)
        for key in set(taken):
            result.choices_seen.add(key)
            result.choice_runs.setdefault(key, []).append(risk)
        result.choices_made += len(taken)
        result.steps += st.step
    return result


_reachable_scenes = reachable_scenes  # the name benchmarks/story_length.py imports
