"""Headless playthroughs in bulk, to see how a story's outcomes spread and how long it takes to read.

The policies (how the simulated player chooses) are in policies.py. Each run also counts what a
player reads, as reading.py counts it for every measure of reading time (the start screen, scenes,
choices, fact cards, content notes, the day-end lists, reflection questions and the ending with its
estimate, epilogues and real figures), and turns it into minutes at 200 words a minute and 5 seconds
a decision.
"""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from typing import Any, Callable

from ..content import Choice, Content
from ..gcpause import gc_paused
from . import reading
from .campaigns import reachable_scenes
from .changes import Clamp
from .engine import CONTINUE, Engine
from .policies import BASIC as POLICIES, Policy, PolicyError, make_policy  # noqa: F401 - re-exported
from .reading import SECONDS_PER_DECISION, WORDS_PER_MINUTE, Read, Reader, spread  # noqa: F401 - re-exported


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
    clamped: dict[str, Clamp] = field(default_factory=dict)  # effect pointer -> [times, variable, worst value]
    failed: dict[str, tuple[str, str]] = field(default_factory=dict)  # rule pointer -> (rule, why it failed)
    words: list[int] = field(default_factory=list)       # per run
    decisions: list[int] = field(default_factory=list)   # per run
    reads: list[Read] = field(default_factory=list)      # per run, when asked to keep them

    def minutes(self) -> list[float]:
        return [reading.minutes(w, d) for w, d in zip(self.words, self.decisions)]

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
            "minutes": spread(self.minutes()),
            "words": round(statistics.fmean(self.words)) if self.words else 0,
            "decisions": round(statistics.fmean(self.decisions), 1) if self.decisions else 0,
        }

    def decisive(self, top: int = 5) -> list[dict[str, Any]]:
        """Choices whose takers ended with the most different risk from everyone else."""
        if len(self.risks) < 10:
            return []
        overall = statistics.fmean(self.risks)
        n = len(self.risks)
        rows: list[dict[str, Any]] = []
        for key, vals in self.choice_runs.items():
            if len(vals) < 5 or len(vals) > n - 5:
                continue
            with_mean = statistics.fmean(vals)
            without = (overall * n - sum(vals)) / (n - len(vals))
            rows.append({"choice": key, "runs": len(vals), "difference": round(with_mean - without, 2)})
        rows.sort(key=lambda r: (-abs(r["difference"]), r["choice"]))  # ties by name: the same list every run
        return rows[:top]


class EndlessPlay(RuntimeError):
    """A simulated playthrough that went on past its step limit: a loop the story never leaves."""


@gc_paused  # a game's history and log live until it ends: no cycles to collect while it runs
def play_once(content: Content, campaign: str, seed: int, policy: Callable[[list[Choice]], Choice],
              profile: str | None = None, scenario: str | None = None, max_steps: int = 20000,
              reading: Reader | None = None) -> tuple[Engine, list[str]]:
    """Play one game to its end; returns the engine and the keys of the choices made. With `reading`,
    what the player reads on the way is counted into it (`reading.read`)."""
    engine = Engine.new(content, campaign, profile=profile, seed=seed, scenario=scenario)
    engine.ctx.record = reading is not None  # the day's list of changes is read only when counted
    bind = getattr(policy, "bind", None)
    if bind is not None:
        bind(engine)
    if reading is not None:
        reading.start(engine)
    taken: list[str] = []
    steps = 0
    while engine.state.status != "ending":
        steps += 1
        if steps > max_steps:
            raise EndlessPlay(f"playthrough did not end after {max_steps} steps (seed {seed})")
        if engine.state.status == "scene":
            offered = engine.choices()
            picked = policy(offered)
            if reading is not None:
                reading.scene(engine, offered, picked)
            if picked is not CONTINUE:
                taken.append(f"{engine.state.scene}:{picked.id}")
            engine.choose(picked)
        else:
            if reading is not None:
                reading.between(engine)
            engine.proceed()
    if reading is not None:
        reading.ending(engine)
    return engine, taken


def simulate(content: Content, campaign: str, runs: int = 100, seed: int = 0, policy: str = "random",
             profile: str | None = None, lang: str | None = None, keep: bool = False,
             max_steps: int = 20000) -> SimResult:
    """Play `runs` games from seeds seed, seed+1...; words are counted in `lang` (default: the
    content's default language), and with keep=True each run's count is kept in `reads`."""
    camp = content.campaigns[campaign]
    result = SimResult(campaign=campaign, policy=policy, runs=runs)
    reachable = reachable_scenes(content, campaign)
    result.scenes_total = len(reachable)
    result.choices_total = sum(len(content.scenes[s].choices) for s in reachable)
    reader = Reader(content, lang or content.default_lang)
    for i in range(runs):
        rng = random.Random(seed * 1_000_003 + i)
        pick = make_policy(policy, content, rng)
        prof = profile
        if prof is None and camp.profiles:
            prof = camp.profiles[rng.randrange(len(camp.profiles))].id
        engine, taken = play_once(content, campaign, seed + i, pick, profile=prof, reading=reader,
                                  max_steps=max_steps)
        result.failed.update(engine.failed)
        for where, (times, var, worst) in engine.clamped.items():
            entry = result.clamped.setdefault(where, [0, var, worst])
            entry[0] += times
            if abs(worst) > abs(entry[2]):
                entry[2] = worst
        read = reader.read
        result.words.append(read.played_words)
        result.decisions.append(read.decisions)
        if keep:
            result.reads.append(read)
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

