"""What a player reads in one playthrough, counted as the screens show it: the one measure of reading
time that `simulate` (its `minutes`, `words` and `decisions`) and benchmarks/story_length.py use.

Counted screen by screen, in one language:

- start: the role's briefing, what each of its meters means and every profile's summary (the player
  reads them to choose one); a kiosk story (`kind: short`) has the kiosk's own start screen instead;
- scene: each scene's title and text (the variant the state picks);
- choices: the label of every choice offered, "Continue" included, with what it costs; a choice the
  player cannot pay for is shown greyed, with what it needs;
- facts: a scene's fact card: the fact, its caveat and each of its sources;
- warnings: a content note's name, note and help, once a kind a day (as the window asks);
- consequences: the end of a day (or shift): each reason given for a change, once for each run of
  changes that share it, and each changed meter's row ("Trust in staff ... better");
- reflect: the questions at the end of a phase (a kiosk story does not stop for them);
- ending: its three pages: its title and text, the estimate block (its line, the legend, the three
  drivers and the model's disclaimer), each resident's estimate, epilogue and drivers, "How is this
  calculated" (the model in plain words, its formula written out and its sources), and the real
  figures, each with its caveat and sources;
- chrome: interface lines around those (the day-end title and risk line, "The end of: ...", "Two
  years later"); a line already read in the run (the model's note under every day) counts once.

Read after play and counted apart, not in the time: `debrief` (the campaign's questions for a class)
and `feedback` (a trainer's note after an officer's decision, shown in training mode only).

Time is words / 200 a minute plus 5 seconds a decision; a decision is a scene that offers two or more
choices. Words are counted as `lint --stats` counts them (`game/core/words.py`).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..content import Choice, Content, Fact
from ..model import Estimate
from ..words import words
from . import figures
from . import preview as pv
from .engine import Engine
from .figures import card, ending_figures
from .flow import CONTINUE

WORDS_PER_MINUTE = 200
SECONDS_PER_DECISION = 5
PLAYED = ("start", "scene", "choices", "facts", "warnings", "consequences", "reflect", "ending", "chrome")
AFTER = ("debrief", "feedback")
START, ENDING = "start", "ending"   # the day keys of the screens before the first day and after the last


def minutes(n_words: float, decisions: float) -> float:
    """Reading time: 200 words a minute and 5 seconds a decision."""
    return n_words / WORDS_PER_MINUTE + decisions * SECONDS_PER_DECISION / 60


def spread(xs: list[float], ndigits: int = 2) -> dict[str, float]:
    """Mean, median and 90th percentile, as every report of reading time gives them."""
    if not xs:
        return {}
    p90 = statistics.quantiles(xs, n=10, method="inclusive")[8] if len(xs) > 1 else xs[0]
    return {"mean": round(statistics.fmean(xs), ndigits), "median": round(statistics.median(xs), ndigits),
            "p90": round(p90, ndigits)}


@dataclass
class Read:
    """What one playthrough showed: words by kind and by day, decisions, the facts on its scenes."""

    words: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_day: dict[str, list[int]] = field(default_factory=dict)  # day key -> [words, decisions]
    decisions: int = 0
    facts: list[str] = field(default_factory=list)
    ending: str = ""
    profile: str = ""

    @property
    def played_words(self) -> int:
        return sum(self.words[k] for k in PLAYED)

    @property
    def minutes(self) -> float:
        return minutes(self.played_words, self.decisions)

    def minutes_without(self, kind: str) -> float:
        """The time without one kind of text (the day-end lists, say)."""
        return minutes(self.played_words - self.words[kind], self.decisions)


class Reader:
    """Counts what one playthrough shows, fed by whoever plays it (`simulate.play_once`): `start`
    before the first scene, `scene` before each choice is taken, `between` at the end of a day or a
    phase, `ending` at the end."""

    def __init__(self, content: Content, lang: str):
        self.c, self.lang = content, lang
        self._sizes: dict[int, int] = {}  # id of a text -> its words (texts are shared, not copied)
        self.read = Read()
        self.day_key = START
        self._once: set[str] = set()
        self._noted: set[tuple[int, str]] = set()

    # -- counting --------------------------------------------------------------------------------
    def size(self, text: dict[str, str] | None) -> int:
        if not text:
            return 0
        n = self._sizes.get(id(text))
        if n is None:
            n = self._sizes[id(text)] = words(self.c.text(text, self.lang))
        return n

    def add(self, kind: str, n: int) -> None:
        if not n:
            return
        self.read.words[kind] += n
        if kind in PLAYED:
            self._bucket()[0] += n

    def line(self, kind: str, key: str, once: bool = False, **values: Any) -> None:
        """An interface string; with once=True only the first time in the run (it is skimmed after)."""
        if once:
            if key in self._once:
                return
            self._once.add(key)
        self.add(kind, words(self.c.ui(key, self.lang, **values)))

    def _bucket(self) -> list[int]:
        got = self.read.by_day.get(self.day_key)
        if got is None:
            got = self.read.by_day[self.day_key] = [0, 0]
        return got

    def fact_card(self, kind: str, fact: Fact) -> None:
        """A fact as every surface shows it: the fact, its caveat and each source ("Source: ...")."""
        parts = card(self.c, fact, self.lang)
        self.add(kind, words(parts.text) + words(parts.caveat))
        for title in parts.sources:
            self.add(kind, words(self.c.ui("play.source", self.lang, source=title)))

    # -- the screens -----------------------------------------------------------------------------
    def start(self, engine: Engine) -> None:
        """A new run: the screen before the first scene."""
        c = self.c
        self.read, self.day_key = Read(profile=engine.state.profile or ""), START
        self._once.clear()
        self._noted.clear()
        camp = engine.campaign
        if camp.kind == "short":  # the kiosk: whose story to live, then straight into it
            for key in ("kiosk.choose", "kiosk.choose_body", "kiosk.resident", "kiosk.officer"):
                self.line("start", key)
            return
        role = c.roles.get(camp.role)
        if role is None:
            return
        self.add("start", self.size(role.briefing))
        for var in role.meters:
            spec = c.model.variables.get(var)
            self.add("start", self.size(spec.name if spec else None) + self.size(spec.description if spec else None))
        if camp.subject == "player":
            for p in camp.profiles:
                self.add("start", self.size(p.name) + self.size(p.summary))

    def scene(self, engine: Engine, offered: list[Choice], picked: Choice) -> None:
        """A scene as shown, with the choices offered; `picked` is about to be taken."""
        scene = engine.scene
        if scene is None:
            return
        day = engine.day
        label = self.c.text(day.title, self.lang) if day is not None and day.title else ""
        key = f"{engine.state.block:02d}.{engine.state.day:02d} {engine.phase}"
        self.day_key = f"{key} · {label}" if label else key
        for w in scene.warnings:
            spec = self.c.warnings.get(w)
            if spec is None or (engine.state.day, w) in self._noted:
                continue
            self._noted.add((engine.state.day, w))
            self.add("warnings", self.size(spec.name) + self.size(spec.note) + self.size(spec.help))
        self.add("scene", self.size(scene.title) + self.size(engine.scene_text(scene)))
        if scene.fact and scene.fact in self.c.facts:
            self.read.facts.append(scene.fact)
            self.fact_card("facts", self.c.facts[scene.fact])
        for choice in offered:
            if choice is CONTINUE:
                self.line("choices", "ui.continue")
            else:
                self.add("choices", self.size(choice.text) + self.price(choice, "preview.costs"))
        for choice in engine.locked():  # on show, greyed, with what they need
            self.add("choices", self.size(choice.text) + self.price(choice, "preview.needs"))
        if len(offered) > 1:
            self.read.decisions += 1
            self._bucket()[1] += 1
        if picked is not CONTINUE and picked.feedback:
            self.add("feedback", self.size(picked.feedback))

    def price(self, choice: Choice, key: str) -> int:
        """The words of what a choice costs ("costs Energy 2, Money 100 kr"), written under it; 0 if free."""
        parts = []
        for name, amount in pv.costs(self.c, choice):
            budget = self.c.variables[name].budget
            label = self.c.text(budget.name, self.lang) if budget is not None else name
            unit = self.c.text(budget.unit, self.lang) if budget is not None and budget.unit else ""
            parts.append(f"{label} {amount:g} {unit}")
        return words(self.c.ui(key, self.lang, what=", ".join(parts))) if parts else 0

    def between(self, engine: Engine) -> None:
        """The end of a day (what changed, and why) or of a phase (its questions)."""
        if engine.status == "day_end":
            self.day_end(engine)
        elif engine.status == "block_end":
            phase = self.c.phases.get(engine.phase)
            self.line("chrome", "phase.end", phase=self.c.text(phase.name if phase else None, self.lang))
            questions = engine.reflect() if engine.campaign.kind != "short" else []
            if questions:
                self.line("chrome", "phase.reflect", once=True)
                for q in questions:
                    self.add("reflect", self.size(q))

    def day_end(self, engine: Engine) -> None:
        c = self.c
        player = engine.state.subject is not None
        self.line("chrome", "dayend.title" if player else "dayend.title_shift", day=engine.state.day)
        last: str | None = None
        rows = 0
        for entry in engine.state.log:
            var = entry["var"]
            spec = c.model.variables.get(var)
            if spec is None:
                continue
            why = entry.get("why")
            shown = c.text(why, self.lang) if why else c.ui("dayend.no_reason", self.lang)
            if shown != last:  # a run of changes with one reason shows it once
                self.add("consequences", self.size(why) if why else words(shown))
                last = shown
            who = entry.get("who")
            name = self.size(c.characters[who].name) if who and who in c.characters else 0
            better = c.model.is_improvement(var, entry["after"] - entry["before"])
            verdict = words(c.ui("dayend.better" if better else "dayend.worse", self.lang))
            self.add("consequences", name + self.size(spec.name) + verdict)
            rows += 1
        if not rows:
            self.line("chrome", "dayend.nothing")
        self.line("chrome", "dayend.risk" if player else "dayend.risk_unit", risk=round(engine.mean_risk()))
        self.line("chrome", "ui.model_note", once=True)

    def ending(self, engine: Engine) -> None:
        """The ending screen: two years later, the estimate, the residents, the real figures."""
        c = self.c
        self.day_key = ENDING
        view = engine.ending_view()
        self.read.ending = view.ending.id
        self.line("chrome", "ending.later")
        self.add("ending", self.size(view.ending.title) + self.size(view.ending.text))
        if view.estimate is not None:
            self.line("ending", "ending.estimate_title")
            self.estimate(view.estimate, legend=True)
            self.add("ending", self.size(c.model.disclaimer))
        for who, epilogue, est in view.epilogues:
            self.add("ending", self.size(c.characters[who].name))
            if epilogue is not None:
                self.add("ending", self.size(epilogue.title) + self.size(epilogue.text))
            self.estimate(est, legend=False)
        self.how_calculated()
        figures = ending_figures(c, engine.campaign)
        if figures:
            self.line("ending", "ending.real_world")
        for fact in figures:
            self.fact_card("ending", fact)
        for q in engine.campaign.debrief:
            self.add("debrief", self.size(q))

    def how_calculated(self) -> None:
        """The ending's third page, "How is this calculated": the model's plain-words formula, the
        formula itself (the window writes it out), and the model's sources under their heading. The
        drivers, the disclaimer and the real figures on that page are counted with the estimate."""
        model = self.c.model
        self.add("ending", self.size(model.explain))
        self.add("ending", words(figures.formula(self.c, self.lang).replace("·", " ")))
        if model.sources:
            self.line("ending", "ending.sources")
            for src in model.sources:
                self.add("ending", words(figures.source(self.c, src, self.lang)))

    def estimate(self, est: Estimate, legend: bool) -> None:
        """An estimate's line, its legend (the player's own, beside the 100 figures) and its drivers."""
        self.line("ending", "ending.estimate_line", risk=round(est.risk), low=round(est.low), high=round(est.high))
        if legend:
            low, high = round(est.low), round(est.high)
            self.line("ending", "ending.legend_sure", n=low)
            self.line("ending", "ending.legend_maybe", n=high - low)
            self.line("ending", "ending.legend_no", n=100 - high)
        self.line("ending", "ui.drivers")
        for d in est.drivers[:3]:
            name = self.c.text(self.c.model.variables[d.var].name, self.lang)
            self.line("ending", "ending.driver", name=name, points=round(d.if_best))
